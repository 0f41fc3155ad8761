//! The catalogue: ids and history.

use snapbox::str;

use mentorlog::BuildOptions;

use crate::harness::{Test, build, one, text};

/// A mistake in an id or in the history is one error at its place, each with its help:
/// an id with spaces, upper case or accents gets a valid spelling suggested; a goal
/// updated in a session dated before the one declaring it is unknown there (the file
/// names sort the other way: the dates decide); two mistakes in one update (a mistyped id
/// and a wrong value) are both reported in the same run, so fixing the value does not
/// reveal the unknown id only on the next check, and a `what` that is not text is one
/// error, not also "needs `what`"; a duplicate key points at the second, naming the line
/// of the first, in a note and in journal.yaml.
#[test]
fn c15_c16_c18_c19_c49_a_mistake_in_ids_or_history_is_one_error_at_its_place() {
    let cases = [
        (
            "ids-and-history/ids-with-spaces-upper-case-or-accents",
            str![[r#"
sessions/2026-01-08-a.md:4:9: error: goal id `Group Lead` may only use a-z, 0-9 and `-`
  |
4 |   - id: Group Lead
  |         ^
help: write it as `group-lead`
sessions/2026-01-08-a.md:6:9: error: goal id `LEAD` may only use a-z, 0-9 and `-`
  |
6 |   - id: LEAD
  |         ^
help: write it as `lead`
sessions/2026-01-08-a.md:8:9: error: goal id `café` may only use a-z, 0-9 and `-`
  |
8 |   - id: café
  |         ^
help: write it as `caf`
sessions/2026-01-08-a.md:11:9: error: commitment id `Send Template` may only use a-z, 0-9 and `-`
   |
11 |   - id: Send Template
   |         ^
help: write it as `send-template`
4 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "ids-and-history/a-goal-updated-before-it-is-declared",
            str![[r#"
sessions/b-updates.md:4:9: error: unknown goal `lead`
  |
4 |   - id: lead
  |         ^
help: to declare a new goal, add `title:` (and `horizon:`) to this entry
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "ids-and-history/duplicate-keys",
            str![[r#"
sessions/2026-01-08-a.md:4:1: error: duplicate key `date`
  |
4 | date: 2026-01-09
  | ^
help: a key may be written once (the first is on line 2); keep one of them
sessions/2026-01-08-a.md:8:5: error: duplicate key `title`
  |
8 |     title: Lead again
  |     ^
help: a key may be written once (the first is on line 7); keep one of them
2 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "ids-and-history/duplicate-keys-in-journal-yaml",
            str![[r#"
journal.yaml:4:1: error: duplicate key `title`
  |
4 | title: U
  | ^
help: a key may be written once (the first is on line 1); keep one of them
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "ids-and-history/an-update-with-a-mistyped-id-and-a-wrong-value",
            str![[r#"
sessions/2026-01-22-b.md:4:9: error: unknown goal `grup-lead`
  |
4 |   - id: grup-lead
  |         ^
help: did you mean `group-lead`? To declare a new goal, add `title:`
sessions/2026-01-22-b.md:5:15: error: `progress` must be a whole number (a percentage from 0 to 100), found `150`
  |
5 |     progress: 150
  |               ^
help: write it like `progress: 60`
sessions/2026-01-22-b.md:7:9: error: unknown commitment `send-templat`
  |
7 |   - id: send-templat
  |         ^
help: did you mean `send-template`? To make a new commitment, add `who:` and `what:`
sessions/2026-01-22-b.md:8:13: error: unknown commitment status `finished`
  |
8 |     status: finished
  |             ^
help: use `open`, `done` or `dropped`
sessions/2026-01-22-b.md:9:11: error: `what` must be text, found a list
  |
9 |   - what: [a, list]
  |           ^
help: write it on one line after the colon
5 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ];
    for (case, stderr) in cases {
        Test::case(case).status(1).stderr(stderr).run();
    }
}

#[test]
fn c17_the_same_goal_declared_in_two_sessions_is_an_update() {
    let done = Test::case("ids-and-history/the-same-goal-declared-in-two-sessions")
        .stderr(str![[r#"
2 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
    let built = build(done.path(), &BuildOptions::default());
    let page = built.page("goals/lead.html");
    assert_eq!(text(one(page.root_element(), "main h1")), "Lead the product group");
    assert!(
        text(page.root_element()).contains("then titled “Lead a group”"),
        "the history keeps the old title"
    );
    assert!(built.text("commitments.html").contains("Call Ruth and Ahmed"));
    assert!(!built.has("goals/lead-2.html"), "one goal, not two");
}

/// A declaration with a mistake is one error: the sessions that update it later must not
/// each add an "unknown goal" or "unknown commitment" error that only repeats the first
/// (the whole stderr shows there is none). The invalid ids are updated later under the
/// spelling the error suggests; a commitment's wrong `what` is no update of a known one
/// either, not even on the entry itself.
#[test]
fn c44_c48_a_declaration_with_a_mistake_is_one_error_not_one_per_update() {
    let cases = [
        (
            "ids-and-history/goal-declared-with-a-wrong-title",
            str![[r#"
sessions/2026-01-08-a.md:5:12: error: `title` must be text, found a list
  |
5 |     title: [not, text]
  |            ^
help: write it on one line after the colon
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "ids-and-history/goal-declared-with-an-invalid-id",
            str![[r#"
sessions/2026-01-08-a.md:4:9: error: goal id `Group Lead` may only use a-z, 0-9 and `-`
  |
4 |   - id: Group Lead
  |         ^
help: write it as `group-lead`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "ids-and-history/commitment-made-with-an-invalid-id",
            str![[r#"
sessions/2026-01-08-a.md:4:9: error: commitment id `Send Template` may only use a-z, 0-9 and `-`
  |
4 |   - id: Send Template
  |         ^
help: write it as `send-template`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "ids-and-history/commitment-made-with-a-wrong-what",
            str![[r#"
sessions/2026-01-08-a.md:6:11: error: `what` must be text, found a list
  |
6 |     what: [send, template]
  |           ^
help: write it on one line after the colon
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "ids-and-history/commitment-made-with-a-wrong-or-missing-who",
            str![[r#"
sessions/2026-01-08-a.md:5:10: error: `who` must be text, found a list
  |
5 |     who: [mentor]
  |          ^
help: write it on one line after the colon
sessions/2026-01-08-a.md:7:9: error: the commitment `Book a room` needs `who`
  |
7 |   - id: book-room
  |         ^
help: add `who: mentor`, `who: mentee` or `who: both`
2 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ];
    for (case, stderr) in cases {
        Test::case(case).status(1).stderr(stderr).run();
    }
}
