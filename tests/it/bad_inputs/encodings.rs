//! The catalogue: encodings and bytes.

use crate::harness::Fixture;

use super::{A, expect, note, utf16le};

#[test]
fn c27_invalid_utf8_in_a_note_body() {
    let f = Fixture::new(&[]);
    f.write(A, b"---\ndate: 2026-01-08\n---\nCaf\xe9 au lait, written in Latin-1.\n");
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/2026-01-08-a.md: error: the note is not UTF-8 text"],
    );
}

#[test]
fn c28_a_utf16_note_asks_to_save_as_utf8() {
    let f = Fixture::new(&[]);
    f.write(A, utf16le("---\ndate: 2026-01-08\n---\nSaved by Notepad.\n", true));
    f.write(
        "sessions/2026-01-22-b.md",
        utf16le("---\ndate: 2026-01-22\n---\nNo BOM.\n", false),
    );
    let run = expect(
        &f,
        1,
        (2, 0),
        &[
            "sessions/2026-01-08-a.md: error: the note is UTF-16 text, not UTF-8",
            "sessions/2026-01-22-b.md: error: the note is UTF-16 text, not UTF-8",
        ],
    );
    assert!(run.stderr.contains("help: save it as UTF-8"), "{run}");
}

#[test]
fn c29_a_utf16_journal_yaml() {
    let f = Fixture::new(&[(A, "---\ndate: 2026-01-08\n---\n")]);
    f.write("journal.yaml", utf16le("title: T\nmentor: A\nmentee: B\n", true));
    expect(
        &f,
        1,
        (1, 0),
        &["journal.yaml: error: journal.yaml is UTF-16 text, not UTF-8"],
    );
}

#[test]
fn c30_nul_bytes_are_located() {
    let f = Fixture::new(&[]);
    f.write(A, b"---\ndate: 2026-01-08\n---\nA line.\nab\0\0\0c\n");
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/2026-01-08-a.md:5:3: error: the note contains a NUL (zero) byte, so it is damaged or not text"],
    );
}

#[test]
fn c31_a_control_character_in_front_matter_is_located() {
    let f = note(A, "---\ndate: 2026-01-08\ntitle: Bell\u{7} rings\n---\n");
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/2026-01-08-a.md:3:12: error: front matter contains the control character U+0007"],
    );
}
