//! The catalogue: encodings and bytes.

use snapbox::str;

use crate::harness::Test;

/// A note or journal.yaml that is not UTF-8 text is an error of the whole file (UTF-16,
/// with or without a byte-order mark, asks to be saved as UTF-8); a NUL byte or a control
/// character is located, and the quoted line shows it as an escape (`\u{0}`), never raw.
#[test]
fn c27_c31_bytes_that_are_not_utf8_text() {
    let cases = [
        (
            "encodings/invalid-utf8-in-a-note-body",
            str![[r#"
sessions/2026-01-08-a.md: error: the note is not UTF-8 text
help: save it as UTF-8
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "encodings/utf16-notes",
            str![[r#"
sessions/2026-01-08-a.md: error: the note is UTF-16 text, not UTF-8
help: save it as UTF-8: most editors have an encoding choice in “Save as” (Notepad: Encoding → UTF-8)
sessions/2026-01-22-b.md: error: the note is UTF-16 text, not UTF-8
help: save it as UTF-8: most editors have an encoding choice in “Save as” (Notepad: Encoding → UTF-8)
2 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "encodings/a-utf16-journal-yaml",
            str![[r#"
journal.yaml: error: journal.yaml is UTF-16 text, not UTF-8
help: save it as UTF-8: most editors have an encoding choice in “Save as” (Notepad: Encoding → UTF-8)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "encodings/nul-bytes",
            str![[r#"
sessions/2026-01-08-a.md:5:3: error: the note contains a NUL (zero) byte, so it is damaged or not text
  |
5 | ab\u{0}\u{0}\u{0}c
  |   ^
help: remove the NUL bytes (editors show them as `^@` or `\0`), or restore the file from git
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "encodings/a-control-character-in-front-matter",
            str![[r#"
sessions/2026-01-08-a.md:3:12: error: front matter contains the control character U+0007
  |
3 | title: Bell\u{7} rings
  |            ^
help: delete it: YAML allows no control characters other than tabs and line breaks
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ];
    for (case, stderr) in cases {
        Test::case(case).status(1).stderr(stderr).run();
    }
}
