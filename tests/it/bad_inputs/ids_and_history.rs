//! The catalogue: ids and history.

use snapbox::str;

use crate::harness::{Fixture, Test, one, text};

use super::{A, expect, note};

#[test]
fn c15_ids_with_spaces_upper_case_or_accents_suggest_a_valid_id() {
    let f = note(
        A,
        "---\ndate: 2026-01-08\ngoals:\n  - id: Group Lead\n    title: A\n  - id: LEAD\n    title: B\n  - id: café\n    title: C\ncommitments:\n  - id: Send Template\n    who: mentor\n    what: Send\n---\n",
    );
    let run = expect(
        &f,
        1,
        (4, 0),
        &[
            "sessions/2026-01-08-a.md:4:9: error: goal id `Group Lead` may only use a-z, 0-9 and `-`",
            "sessions/2026-01-08-a.md:6:9: error: goal id `LEAD` may only use a-z, 0-9 and `-`",
            "sessions/2026-01-08-a.md:8:9: error: goal id `café` may only use a-z, 0-9 and `-`",
            "sessions/2026-01-08-a.md:11:9: error: commitment id `Send Template` may only use a-z, 0-9 and `-`",
        ],
    );
    for help in [
        "help: write it as `group-lead`",
        "help: write it as `lead`",
        "help: write it as `caf`",
        "help: write it as `send-template`",
    ] {
        assert!(run.stderr.contains(help), "`{help}` in:\n{run}");
    }
}

#[test]
fn c16_a_goal_updated_before_it_is_declared_by_date_order() {
    // The file names sort the other way: the dates decide.
    let f = Fixture::new(&[
        (
            "sessions/a-declares.md",
            "---\ndate: 2026-01-22\ngoals:\n  - id: lead\n    title: Lead a group\n---\n",
        ),
        (
            "sessions/b-updates.md",
            "---\ndate: 2026-01-08\ngoals:\n  - id: lead\n    progress: 20\n---\n",
        ),
    ]);
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/b-updates.md:4:9: error: unknown goal `lead`"],
    );
}

#[test]
fn c17_the_same_goal_declared_in_two_sessions_is_an_update() {
    let f = Fixture::new(&[
        (
            A,
            "---\ndate: 2026-01-08\ngoals:\n  - id: lead\n    title: Lead a group\n    progress: 10\ncommitments:\n  - id: call\n    who: mentor\n    what: Call Ruth\n---\n",
        ),
        (
            "sessions/2026-01-22-b.md",
            "---\ndate: 2026-01-22\ngoals:\n  - id: lead\n    title: Lead the product group\n    horizon: career\n    progress: 30\ncommitments:\n  - id: call\n    who: mentor\n    what: Call Ruth and Ahmed\n---\n",
        ),
    ]);
    expect(&f, 0, (0, 0), &[]);
    let built = f.build();
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

#[test]
fn c49_an_update_with_a_mistyped_id_and_a_wrong_value_is_two_errors_at_once() {
    // Two mistakes in one entry: both are reported in the same run, so fixing the value
    // does not reveal the unknown id only on the next check.
    let f = Fixture::new(&[
        (
            A,
            "---\ndate: 2026-01-08\ngoals:\n  - id: group-lead\n    title: Lead a group\ncommitments:\n  - id: send-template\n    who: mentor\n    what: Send the template\n---\n",
        ),
        (
            "sessions/2026-01-22-b.md",
            "---\ndate: 2026-01-22\ngoals:\n  - id: grup-lead\n    progress: 150\ncommitments:\n  - id: send-templat\n    status: finished\n  - what: [a, list]\n    who: mentee\n---\n",
        ),
    ]);
    let run = expect(
        &f,
        1,
        (5, 0),
        &[
            "sessions/2026-01-22-b.md:4:9: error: unknown goal `grup-lead`",
            "sessions/2026-01-22-b.md:5:15: error: `progress` must be a whole number (a percentage from 0 to 100), found `150`",
            "sessions/2026-01-22-b.md:7:9: error: unknown commitment `send-templat`",
            "sessions/2026-01-22-b.md:8:13: error: unknown commitment status `finished`",
            "sessions/2026-01-22-b.md:9:11: error: `what` must be text, found a list",
        ],
    );
    assert!(run.stderr.contains("did you mean `group-lead`?"), "{run}");
    assert!(run.stderr.contains("did you mean `send-template`?"), "{run}");
    assert!(
        !run.stderr.contains("needs `what` (to make one)"),
        "a `what` that is not text is one error:\n{run}"
    );
}

#[test]
fn c18_duplicate_keys_point_at_the_second() {
    let f = note(
        A,
        "---\ndate: 2026-01-08\ntitle: First\ndate: 2026-01-09\ngoals:\n  - id: lead\n    title: Lead\n    title: Lead again\n---\n",
    );
    let run = expect(
        &f,
        1,
        (2, 0),
        &[
            "sessions/2026-01-08-a.md:4:1: error: duplicate key `date`",
            "sessions/2026-01-08-a.md:8:5: error: duplicate key `title`",
        ],
    );
    assert!(run.stderr.contains("(the first is on line 2)"), "{run}");
    assert!(run.stderr.contains("(the first is on line 7)"), "{run}");
}

#[test]
fn c19_duplicate_keys_in_journal_yaml() {
    let f = Fixture::new(&[
        ("journal.yaml", "title: T\nmentor: A\nmentee: B\ntitle: U\n"),
        (A, "---\ndate: 2026-01-08\n---\n"),
    ]);
    expect(&f, 1, (1, 0), &["journal.yaml:4:1: error: duplicate key `title`"]);
}
