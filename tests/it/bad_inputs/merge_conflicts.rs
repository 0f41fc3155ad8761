//! The catalogue: merge conflicts.

use snapbox::str;

use crate::harness::Test;

/// An unresolved merge conflict is one error at its `<<<<<<<` line, with no parser error
/// on top; in a note's body the rest of the note is still checked, and a conflict shown
/// in a code block is text.
#[test]
fn c07_c09_a_merge_conflict_is_one_clear_error() {
    let cases = [
        (
            "merge-conflicts/in-front-matter",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: an unresolved git merge conflict
  |
3 | <<<<<<< HEAD
  | ^
help: keep what is right from both sides, then delete the `<<<<<<<`, `=======` and `>>>>>>>` lines
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "merge-conflicts/in-a-note-body",
            str![[r#"
sessions/2026-01-08-a.md:3:1: warning: unknown key `comitments`
  |
3 | comitments: []
  | ^
help: did you mean `commitments`?
sessions/2026-01-08-a.md:7:1: error: an unresolved git merge conflict
  |
7 | <<<<<<< HEAD
  | ^
help: keep what is right from both sides, then delete the `<<<<<<<`, `=======` and `>>>>>>>` lines
1 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "merge-conflicts/in-journal-yaml",
            str![[r#"
journal.yaml:2:1: error: an unresolved git merge conflict
  |
2 | <<<<<<< HEAD
  | ^
help: keep what is right from both sides, then delete the `<<<<<<<`, `=======` and `>>>>>>>` lines
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ];
    for (case, stderr) in cases {
        Test::case(case).status(1).stderr(stderr).run();
    }
}
