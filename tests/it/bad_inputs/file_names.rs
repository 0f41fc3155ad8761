//! The catalogue: file names.

use crate::harness::Fixture;

use super::expect;

#[test]
fn c32_file_names_with_spaces_unicode_and_no_date_prefix() {
    let f = Fixture::new(&[
        ("sessions/2026-01-08 roadmap talk.md", "---\ntitle: Spaces\n---\nA.\n"),
        ("sessions/Ünïcode — café.md", "---\ndate: 2026-01-22\n---\nB.\n"),
        ("sessions/notes without a date.md", "---\ndate: 2026-02-05\n---\nC.\n"),
        ("sessions/no date at all.md", "Just a thought.\n"),
    ]);
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/no date at all.md: error: the note has no date"],
    );
    f.write("sessions/no date at all.md", "---\ndate: 2026-02-19\n---\nD.\n");
    let built = f.build();
    for page in [
        "sessions/2026-01-08-roadmap-talk.html",
        "sessions/ünïcode-café.html",
        "sessions/notes-without-a-date.html",
        "sessions/no-date-at-all.html",
    ] {
        assert!(
            built.has(page),
            "{page} in {:?}",
            built.files.keys().collect::<Vec<_>>()
        );
    }
}
