//! The catalogue: issue 17: notes named as other tools name Markdown (`.markdown`,
//! `.mdown`, `.mkd`, `.mkdn`, any case) are read and checked like `.md` notes; email
//! autolinks and empty link destinations follow CommonMark without a warning; an image
//! without a source is named.

use mentorlog::BuildOptions;
use snapbox::str;

use crate::harness::{Test, all, build, one, text};

#[test]
fn t17_notes_named_by_other_tools_are_read_and_checked() {
    let done = Test::new()
        .file(
            "sessions/2014-03-01-welcome-to-jekyll.markdown",
            "---\nlayout: post\ntitle: \"Welcome to Jekyll!\"\ndate: 2014-03-01 21:20:01 +0100\ncategories: jekyll update\n---\nNext: [the follow-up](2014-03-09-follow-up.markdown) and [[2014-03-05-Upper]].\n",
        )
        .file("sessions/2014-03-05-Upper.MD", "---\nflavour: x\n---\nUpper case.\n")
        .file("sessions/2014-03-07-c.Mkdn", "# C\n")
        .file("sessions/2014-03-08-d.mdown", "# D\n")
        .file("sessions/2014-03-08-e.mkd", "# E\n")
        // Not a note: not read, no word about it.
        .file("sessions/scan.txt", "not a note\n")
        .stderr(str![[r#"
sessions/2014-03-01-welcome-to-jekyll.markdown:7:7: warning: link `2014-03-09-follow-up.markdown` points to a note that does not exist
  |
7 | Next: [the follow-up](2014-03-09-follow-up.markdown) and [[2014-03-05-Upper]].
  |       ^
help: check the file name; links resolve against this note's own folder
sessions/2014-03-05-Upper.MD:2:1: warning: unknown key `flavour`
  |
2 | flavour: x
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
5 session(s) checked: 0 error(s), 2 warning(s), 0 note(s)

"#]])
        .run();
    let built = build(done.path(), &BuildOptions::default());
    let page = built.page("sessions/2014-03-01-welcome-to-jekyll.html");
    assert_eq!(text(one(page.root_element(), "main h1")), "Welcome to Jekyll!");
    let links: Vec<&str> = all(one(page.root_element(), "main .note"), "a[href]")
        .into_iter()
        .filter_map(|a| a.attr("href"))
        .collect();
    assert_eq!(links, ["../sessions/2014-03-05-upper.html"]);
    for page in [
        "sessions/2014-03-05-upper.html",
        "sessions/2014-03-07-c.html",
        "sessions/2014-03-08-d.html",
        "sessions/2014-03-08-e.html",
    ] {
        assert!(built.has(page), "{page}: {:?}", built.files.keys().collect::<Vec<_>>());
    }
    assert!(!built.files.keys().any(|p| p.contains("scan")));
}

#[test]
fn t17_email_autolinks_and_empty_destinations_need_no_warning_an_image_without_source_does() {
    Test::new()
        .file(
            "sessions/2026-01-08-a.md",
            "---\ndate: 2026-01-08\n---\nWrite to <sam@example.org> or [Dana](mailto:dana@example.org) or <MAILTO:x@example.org>.\n\n[top]() and [x](<>) and [ref]\n\n[ref]: <>\n\n![a photo]()\n",
        )
        .stderr(str![[r#"
sessions/2026-01-08-a.md:10:1: warning: this image has no source, so only its text is shown
   |
10 | ![a photo]()
   | ^
help: write the image's path between the parentheses: `![what it shows](../static/photo.png)`
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]])
        .run();
}

#[test]
fn t17_a_markdown_note_whose_name_is_not_utf8_is_an_error_like_an_md_note() {
    use std::os::unix::ffi::OsStrExt;
    Test::new()
        .file("sessions/2026-01-08-a.md", "---\ndate: 2026-01-08\n---\nA.\n")
        .setup(|dir| {
            let name = std::ffi::OsStr::from_bytes(b"2025-\xff.Markdown");
            std::fs::write(dir.join("sessions").join(name), "---\ndate: 2025-01-01\n---\nX.\n").unwrap();
        })
        .status(1)
        .stderr(str![[r#"
sessions/2025-�.Markdown: error: this note's file name is not valid UTF-8 text, so it cannot be published
help: rename it (the `�` marks the bytes that are not UTF-8); page addresses and links are made from names
1 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
}
