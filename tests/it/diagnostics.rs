//! `mentorlog check`: one fixture per diagnostic, each with the exact `path:line:col`
//! (or `path:` alone for a fault of the whole file) that PRODUCT.md's Diagnostics rule
//! promises, the right level, a caret under the column and an actionable `help:`. The
//! journals are in `tests/catalogue/diagnostics/<case>/`; each test states the whole
//! stderr.

use std::collections::BTreeMap;

use snapbox::str;

use crate::harness::{Test, mentorlog, read_tree};

/// Each mistake is one error at its place with its help, and nothing else: no follow-on
/// errors. Every problem of a run is reported at once, sorted by file and line.
#[test]
fn each_mistake_is_one_error_at_its_place() {
    let cases = [
        // Invalid YAML points into the front matter.
        (
            "diagnostics/an-unclosed-quote",
            str![[r#"
sessions/2026-01-08-a.md:4:1: error: front matter is not valid YAML: found unexpected end of stream
  |
4 | kind: intro
  | ^
help: a quote or bracket opened in the front matter is never closed; check the lines above
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        // Wrong types in mentorlog's keys are errors.
        (
            "diagnostics/wrong-types-of-duration-and-private",
            str![[r#"
sessions/2026-01-08-a.md:3:11: error: `duration` must be a whole number (minutes), found `long`
  |
3 | duration: long
  |           ^
help: write it like `duration: 60`
sessions/2026-01-08-a.md:4:10: error: `private` must be `true` or `false`, found `maybe`; until it says which, the note is kept private
  |
4 | private: maybe
  |          ^
help: write `private: true` or `private: false`
2 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        // A journal.yaml without a required key.
        (
            "diagnostics/journal-yaml-without-mentee",
            str![[r#"
journal.yaml: error: journal.yaml needs `mentee`
help: add a line `mentee: …` with the mentee's name
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        // A goal declared without a title is an unknown goal, with the help to declare it.
        (
            "diagnostics/a-goal-declared-without-a-title",
            str![[r#"
sessions/2026-01-08-a.md:4:9: error: unknown goal `lead`
  |
4 |   - id: lead
  |         ^
help: to declare a new goal, add `title:` (and `horizon:`) to this entry
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        // An impossible date, and no date in the file name to fall back on.
        (
            "diagnostics/an-impossible-date",
            str![[r#"
sessions/notes.md:2:7: error: `date: 2026-02-30` is not a date
  |
2 | date: 2026-02-30
  |       ^
help: write it as `date: YYYY-MM-DD`, e.g. `date: 2026-01-08`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "diagnostics/progress-outside-0-to-100",
            str![[r#"
sessions/2026-01-08-a.md:6:15: error: `progress` must be a whole number (a percentage from 0 to 100), found `150`
  |
6 |     progress: 150
  |               ^
help: write it like `progress: 60`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        // Unknown status, horizon and `who` values: one error each.
        (
            "diagnostics/unknown-status-horizon-and-who",
            str![[r#"
sessions/2026-01-08-a.md:6:14: error: unknown horizon `galaxy`
  |
6 |     horizon: galaxy
  |              ^
help: use `career`, `work` or `day-to-day`
sessions/2026-01-08-a.md:7:13: error: unknown goal status `finished`
  |
7 |     status: finished
  |             ^
help: use `active`, `achieved`, `paused` or `dropped`
sessions/2026-01-08-a.md:9:10: error: unknown `who`: `nobody`
  |
9 |   - who: nobody
  |          ^
help: use `mentor`, `mentee` or `both`
sessions/2026-01-08-a.md:13:13: error: unknown commitment status `closed`
   |
13 |     status: closed
   |             ^
help: use `open`, `done` or `dropped`
4 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        // Updating an undeclared id suggests the closest.
        (
            "diagnostics/updating-an-undeclared-id",
            str![[r#"
sessions/2026-01-22-b.md:4:9: error: unknown goal `grup-lead`
  |
4 |   - id: grup-lead
  |         ^
help: did you mean `group-lead`? To declare a new goal, add `title:`
sessions/2026-01-22-b.md:7:9: error: unknown commitment `send-templte`
  |
7 |   - id: send-templte
  |         ^
help: did you mean `send-template`? To make a new commitment, add `who:` and `what:`
2 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        // A step marked done must exist; the closest is suggested.
        (
            "diagnostics/a-step-marked-done-that-does-not-exist",
            str![[r#"
sessions/2026-01-22-b.md:5:11: error: goal `lead` has no step `Run the planing review`
  |
5 |     done: [Run the planing review]
  |           ^
help: did you mean `Run the planning review`?
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        // Faults of a whole file have no line or column.
        (
            "diagnostics/whole-file-faults",
            str![[r#"
sessions/2026-01-08-latin1.md: error: the note is not UTF-8 text
help: save it as UTF-8
sessions/notes.md: error: the note has no date
help: add `date: YYYY-MM-DD` to its front matter, or start the file name with the date (2026-01-08-….md)
2 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        // Unterminated front matter is an error at its start.
        (
            "diagnostics/unterminated-front-matter",
            str![[r#"
sessions/2026-01-08-a.md:1:1: error: the front matter starts with `---` but never ends
  |
1 | ---
  | ^
help: add a line with `---` after the last front-matter line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        // Every problem in one run, sorted by file and line.
        (
            "diagnostics/problems-in-two-files",
            str![[r#"
sessions/2026-01-08-a.md:3:11: error: `duration` must be a whole number (minutes), found `long`
  |
3 | duration: long
  |           ^
help: write it like `duration: 60`
sessions/2026-01-08-a.md:4:7: error: `kind` must be text, found a list
  |
4 | kind: [a, b]
  |       ^
help: write it on one line after the colon
sessions/b.md: error: the note has no date
help: add `date: YYYY-MM-DD` to its front matter, or start the file name with the date (2026-01-08-….md)
3 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ];
    for (case, stderr) in cases {
        Test::case(case).status(1).stderr(stderr).run();
    }
}

#[test]
fn unknown_keys_and_fallback_dates_are_warnings_that_strict_turns_into_errors() {
    let case = "diagnostics/an-unknown-key-and-a-fallback-date";
    Test::case(case)
        .stderr(str![[r#"
sessions/2026-01-08-a.md:2:7: warning: `date: 4th of January` is not a date; the file name's date 2026-01-08 is used
  |
2 | date: 4th of January
  |       ^
help: write it as `date: YYYY-MM-DD`
sessions/2026-01-08-a.md:3:1: warning: unknown key `comitments`
  |
3 | comitments: []
  | ^
help: did you mean `commitments`?
1 session(s) checked: 0 error(s), 2 warning(s), 0 note(s)

"#]])
        .run();
    Test::case(case)
        .args(["check", "--strict"])
        .status(1)
        .stderr(str![[r#"
sessions/2026-01-08-a.md:2:7: error: `date: 4th of January` is not a date; the file name's date 2026-01-08 is used
  |
2 | date: 4th of January
  |       ^
help: write it as `date: YYYY-MM-DD`
sessions/2026-01-08-a.md:3:1: error: unknown key `comitments`
  |
3 | comitments: []
  | ^
help: did you mean `commitments`?
1 session(s) checked: 2 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
}

#[test]
fn notes_about_history_never_fail_even_with_strict() {
    // A 40-day gap, a commitment overdue on the build date (2026-11-25) and a stale goal.
    Test::case("diagnostics/notes-about-history")
        .args(["check", "--strict"])
        .stderr(str![[r#"
sessions/2026-09-01-a.md:4:9: note: goal `lead` has not been touched in the last 3 sessions
  |
4 |   - id: lead
  |         ^
help: update it, or set `status: paused` if it is on hold
sessions/2026-09-01-a.md:7:9: note: commitment `call` (mentor) was due 2026-09-10 and is still open
  |
7 |   - id: call
  |         ^
help: close it with `status: done` or `status: dropped` in the next session, or give it a new `due:`
sessions/2026-10-11-b.md:2:7: note: 40 days since the previous session, more than 1.5 × the agreed 14 days
  |
2 | date: 2026-10-11
  |       ^
help: long gaps are the first sign a mentorship is fading; the timeline marks this one
4 session(s) checked: 0 error(s), 0 warning(s), 3 note(s)

"#]])
        .run();
}

#[test]
fn paths_outside_the_current_folder_are_absolute_and_nothing_is_written() {
    // Run from another folder, which this builder cannot do: it gives the journal.
    let test = Test::case("diagnostics/a-duration-that-is-not-a-number");
    let elsewhere = tempfile::tempdir().unwrap();
    let run = mentorlog(elsewhere.path(), ["check".as_ref(), test.path().as_os_str()]);
    assert_eq!(run.code, 1, "{run}");
    let root = test.path().to_string_lossy();
    crate::harness::exactly(
        &run.stderr.replace(&*root, "[ROOT]"),
        str![[r#"
[ROOT]/sessions/2026-01-08-a.md:3:11: error: `duration` must be a whole number (minutes), found `long`
  |
3 | duration: long
  |           ^
help: write it like `duration: 60`
1 error(s), 0 warning(s), 0 note(s)

"#]],
    );
    assert!(!test.path().join("public").exists(), "check must not write a site");
}

#[test]
fn colours_only_on_a_terminal() {
    // Not a terminal here: the whole stderr, compared exactly, has no escape codes.
    let done = Test::case("diagnostics/a-duration-that-is-not-a-number")
        .status(1)
        .stderr(str![[r#"
sessions/2026-01-08-a.md:3:11: error: `duration` must be a whole number (minutes), found `long`
  |
3 | duration: long
  |           ^
help: write it like `duration: 60`
1 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
    assert!(
        !done.run.stderr.contains('\u{1b}'),
        "no escape codes when stderr is not a terminal"
    );
}

#[test]
fn check_reports_errors_and_writes_nothing() {
    let mut before = BTreeMap::new();
    let done = Test::case("diagnostics/an-unknown-goal-beside-a-good-session")
        .setup(|dir| before = read_tree(dir))
        .status(1)
        .stderr(str![[r#"
sessions/2026-10-01-intro.md:11:9: note: commitment `send-template` (mentor) was due 2026-10-15 and is still open
   |
11 |   - id: send-template
   |         ^
help: close it with `status: done` or `status: dropped` in the next session, or give it a new `due:`
sessions/2026-10-15-second.md:4:9: error: unknown goal `grup-lead`
  |
4 |   - id: grup-lead
  |         ^
help: did you mean `group-lead`? To declare a new goal, add `title:`
1 error(s), 0 warning(s), 1 note(s)

"#]])
        .stdout(str![])
        .run();
    assert!(read_tree(done.path()) == before, "check changed the journal");
}
