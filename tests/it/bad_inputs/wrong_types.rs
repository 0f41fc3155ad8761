//! The catalogue: wrong types, every key.

use snapbox::str;

use crate::harness::Test;

/// A value of the wrong type is one error at the value, for every key of a session, a goal
/// entry, a commitment entry and journal.yaml, with no follow-on error (a `title` that is
/// not text does not also make journal.yaml "need `title`"). A number too big for any
/// integer is reported as written. (A `draft` that is not `true` or `false` makes the note
/// a draft, whose errors are warnings: see t14_front_doubtful_privacy_values_hide_the_note.)
#[test]
fn c10_c14_a_wrong_type_is_one_error_at_the_value() {
    let cases = [
        (
            "wrong-types/every-session-key",
            str![[r#"
sessions/2026-01-08-a.md:2:7: error: `date` must be a date, found a list
  |
2 | date: [2026, 1, 8]
  |       ^
help: write it as `date: 2026-01-08`
sessions/2026-01-08-a.md:3:8: error: `title` must be text, found a list
  |
3 | title: [a, b]
  |        ^
help: write it on one line after the colon
sessions/2026-01-08-a.md:4:7: error: `kind` must be text, found a mapping
  |
4 | kind: {a: 1}
  |       ^
help: write it on one line after the colon
sessions/2026-01-08-a.md:5:11: error: `duration` must be a whole number (minutes), found `-5`
  |
5 | duration: -5
  |           ^
help: write it like `duration: 60`
sessions/2026-01-08-a.md:6:9: error: `topics` must be text, found a mapping
  |
6 | topics: {a: 1}
  |         ^
help: write it on one line after the colon
sessions/2026-01-08-a.md:7:7: error: `tags` must be text, found a list
  |
7 | tags: [[nested]]
  |       ^
help: write it on one line after the colon
sessions/2026-01-08-a.md:8:13: error: `categories` must be text, found a mapping
  |
8 | categories: [{a: 1}]
  |             ^
help: write it on one line after the colon
sessions/2026-01-08-a.md:9:10: error: `private` must be `true` or `false`, found a list; until it says which, the note is kept private
  |
9 | private: [1]
  |          ^
help: write `private: true` or `private: false`
sessions/2026-01-08-a.md:10:8: error: `goals` must be a list of entries, found text
   |
10 | goals: just text
   |        ^
help: start each entry on its own line with `  - id: …`
sessions/2026-01-08-a.md:11:14: error: `commitments` must be a list of entries, found a mapping
   |
11 | commitments: {what: x}
   |              ^
help: start each entry on its own line with `  - id: …`
10 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "wrong-types/every-goal-key",
            str![[r#"
sessions/2026-01-22-b.md:4:9: error: `id` must be text, found a list
  |
4 |   - id: [lead]
  |         ^
help: write it on one line after the colon
sessions/2026-01-22-b.md:6:12: error: `title` must be text, found a list
  |
6 |     title: [Lead]
  |            ^
help: write it on one line after the colon
sessions/2026-01-22-b.md:7:14: error: unknown horizon `5`
  |
7 |     horizon: 5
  |              ^
help: use `career`, `work` or `day-to-day`
sessions/2026-01-22-b.md:8:13: error: `target` must be a date, found a list
  |
8 |     target: [2026]
  |             ^
help: write dates as YYYY-MM-DD, e.g. 2026-03-31
sessions/2026-01-22-b.md:9:12: error: `steps` must be text, found a mapping
  |
9 |     steps: {a: 1}
  |            ^
help: write it on one line after the colon
sessions/2026-01-22-b.md:10:15: error: `progress` must be a whole number (a percentage from 0 to 100), found `half`
   |
10 |     progress: half
   |               ^
help: write it like `progress: 60`
sessions/2026-01-22-b.md:11:11: error: `done` must be text, found a mapping
   |
11 |     done: {a: 1}
   |           ^
help: write it on one line after the colon
sessions/2026-01-22-b.md:12:13: error: `status` must be text, found a list
   |
12 |     status: [active]
   |             ^
help: write it on one line after the colon
sessions/2026-01-22-b.md:13:11: error: `note` must be text, found a mapping
   |
13 |     note: {a: 1}
   |           ^
help: write it on one line after the colon
sessions/2026-01-22-b.md:14:14: error: `private` must be `true` or `false`, found `no`; until it says which, the entry is kept private
   |
14 |     private: "no"
   |              ^
help: write `private: true` or `private: false`
10 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "wrong-types/every-commitment-key",
            str![[r#"
sessions/2026-01-22-b.md:4:9: error: `id` must be text, found a list
  |
4 |   - id: [call]
  |         ^
help: write it on one line after the colon
sessions/2026-01-22-b.md:8:10: error: `who` must be text, found a list
  |
8 |     who: [mentor]
  |          ^
help: write it on one line after the colon
sessions/2026-01-22-b.md:9:11: error: `what` must be text, found a mapping
  |
9 |     what: {a: 1}
  |           ^
help: write it on one line after the colon
sessions/2026-01-22-b.md:10:10: error: `due` must be a date, found a list
   |
10 |     due: [2026]
   |          ^
help: write dates as YYYY-MM-DD, e.g. 2026-03-31
sessions/2026-01-22-b.md:11:13: error: unknown commitment status `3`
   |
11 |     status: 3
   |             ^
help: use `open`, `done` or `dropped`
sessions/2026-01-22-b.md:12:11: error: `note` must be text, found a list
   |
12 |     note: [a]
   |           ^
help: write it on one line after the colon
sessions/2026-01-22-b.md:13:14: error: `private` must be `true` or `false`, found `maybe`; until it says which, the entry is kept private
   |
13 |     private: maybe
   |              ^
help: write `private: true` or `private: false`
sessions/2026-01-22-b.md:16:10: error: `due` is not a date: `someday`
   |
16 |     due: someday
   |          ^
help: write dates as YYYY-MM-DD, e.g. 2026-03-31
8 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "wrong-types/every-journal-key",
            str![[r#"
journal.yaml:1:1: error: `title` must be text, found a list
  |
1 | title: [a]
  | ^
help: write it on one line after the colon
journal.yaml:2:1: error: `mentor` must be text, found a mapping
  |
2 | mentor: {a: 1}
  | ^
help: write it on one line after the colon
journal.yaml:3:1: error: `mentee` must be text, found a list
  |
3 | mentee: [b]
  | ^
help: write it on one line after the colon
journal.yaml:4:1: error: `program` must be text, found a list
  |
4 | program: [p]
  | ^
help: write it on one line after the colon
journal.yaml:5:1: error: `cadence_days` must be a whole number of days from 1 to 366
  |
5 | cadence_days: two weeks
  | ^
help: e.g. `cadence_days: 14` for a session every two weeks
journal.yaml:6:1: error: `base_url` must be text, found a list
  |
6 | base_url: [u]
  | ^
help: write it on one line after the colon
journal.yaml:7:1: error: `language` must be text, found a mapping
  |
7 | language: {en: 1}
  | ^
help: write it on one line after the colon
journal.yaml:8:1: error: `noindex` must be `true` or `false`
  |
8 | noindex: "yes"
  | ^
help: write `noindex: true` or `noindex: false`
journal.yaml:9:1: error: `raw_html` must be `true` or `false`
  |
9 | raw_html: 1
  | ^
help: write `raw_html: true` or `raw_html: false`
journal.yaml:10:1: error: `format` must be a whole number (1)
   |
10 | format: one
   | ^
help: remove it or write `format: 1`
10 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "wrong-types/a-number-too-big-for-any-integer",
            str![[r#"
sessions/2026-01-08-a.md:3:11: error: `duration` must be a whole number (minutes), found `99999999999999999999999`
  |
3 | duration: 99999999999999999999999
  |           ^
help: write it like `duration: 60`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ];
    for (case, stderr) in cases {
        Test::case(case).status(1).stderr(stderr).run();
    }
}
