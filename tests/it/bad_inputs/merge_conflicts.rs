//! The catalogue: merge conflicts.

use crate::harness::Fixture;

use super::{A, expect, note};

#[test]
fn c07_merge_conflict_in_front_matter_is_one_clear_error() {
    let f = note(
        A,
        "---\ndate: 2026-01-08\n<<<<<<< HEAD\ntitle: Ours\n=======\ntitle: Theirs\n>>>>>>> dana/notes\n---\nBody\n",
    );
    let run = expect(
        &f,
        1,
        (1, 0),
        &["sessions/2026-01-08-a.md:3:1: error: an unresolved git merge conflict"],
    );
    assert!(!run.stderr.contains("YAML"), "no parser error on top:\n{run}");
}

#[test]
fn c08_merge_conflict_in_a_note_body_and_the_rest_still_checked() {
    let f = note(
        A,
        "---\ndate: 2026-01-08\ncomitments: []\n---\nBefore.\n\n<<<<<<< HEAD\nWe agreed on A.\n=======\nWe agreed on B.\n>>>>>>> sam/notes\n\n```text\n<<<<<<< an example in a code block is text\n=======\n>>>>>>> end\n```\n",
    );
    expect(
        &f,
        1,
        (1, 1),
        &[
            "sessions/2026-01-08-a.md:3:1: warning: unknown key `comitments`",
            "sessions/2026-01-08-a.md:7:1: error: an unresolved git merge conflict",
        ],
    );
}

#[test]
fn c09_merge_conflict_in_journal_yaml() {
    let f = Fixture::new(&[
        (
            "journal.yaml",
            "title: T\n<<<<<<< HEAD\nmentor: Dana\n=======\nmentor: Dana Levi\n>>>>>>> main\nmentee: Sam\n",
        ),
        (A, "---\ndate: 2026-01-08\n---\n"),
    ]);
    expect(
        &f,
        1,
        (1, 0),
        &["journal.yaml:2:1: error: an unresolved git merge conflict"],
    );
}
