//! The catalogue: file names.

use mentorlog::BuildOptions;
use snapbox::str;

use crate::harness::{Test, build, write_file};

#[test]
fn c32_file_names_with_spaces_unicode_and_no_date_prefix() {
    let done = Test::case("file-names/spaces-unicode-and-no-date-prefix")
        .status(1)
        .stderr(str![[r#"
sessions/no date at all.md: error: the note has no date
help: add `date: YYYY-MM-DD` to its front matter, or start the file name with the date (2026-01-08-….md)
1 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
    write_file(
        &done.path().join("sessions/no date at all.md"),
        b"---\ndate: 2026-02-19\n---\nD.\n",
    );
    let built = build(done.path(), &BuildOptions::default());
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
