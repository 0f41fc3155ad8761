//! The catalogue: fuzzing reproducers.

use std::path::Path;

use mentorlog::BuildOptions;
use snapbox::str;

use crate::harness::{Test, try_build};

/// Found by the `markdown` fuzz target (a false alarm of its first, text-based check, kept
/// as a guard): a broken tag whose text reads like a `javascript:` link must stay text.
#[test]
fn fuzz_markdown_a_broken_tag_that_reads_like_a_link_stays_text() {
    let body = "<detai@s><summary>More</summary>text</de\0\0\0\0\0\0\0\u{8}a href=\"JaVaScRiPt:alert(2)\">a</a> <img src=x onerror=alert(3)>\n";
    let targets = mentorlog::load::markdown::LinkTargets::default();
    let cx = mentorlog::load::markdown::NoteContext {
        path: Path::new("sessions/note.md"),
        file_text: body,
        body_line: 0,
        dir: "sessions",
        targets: &targets,
        raw_html: false,
    };
    let mut diags = mentorlog::diag::Diagnostics::new();
    let note = mentorlog::load::markdown::render(body, &cx, &mut diags);
    let html: String = note.segments.iter().map(|s| s.body.html_without_fills()).collect();
    let page = scraper::Html::parse_fragment(&html);
    for el in crate::harness::all(page.root_element(), "*") {
        assert_ne!(el.value().name(), "script", "{html}");
        for (name, value) in el.value().attrs() {
            assert!(!name.starts_with("on"), "{html}");
            assert!(!value.trim().to_ascii_lowercase().starts_with("javascript:"), "{html}");
        }
    }
    assert!(html.contains("JaVaScRiPt:alert(2)"), "kept as text: {html}");
}

/// Inputs the fuzz targets (fuzz/) found or that guard what they check: the load of each
/// must end with a journal or errors, never a panic; `check` says which, exactly.
#[test]
fn fuzz_reproducers_load_or_report() {
    let cases = [
        // An alias to an anchor inside a tagged value.
        (
            "fuzz-reproducers/an-alias-to-an-anchor-inside-a-tagged-value",
            0,
            str![[r#"
sessions/2026-01-08-a.md:3:1: warning: unknown key `a`
  |
3 | a: !t &x [1]
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
sessions/2026-01-08-a.md:4:1: warning: unknown key `b`
  |
4 | b: *x
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
1 session(s) checked: 0 error(s), 2 warning(s), 0 note(s)

"#]],
        ),
        // Keys that are lists, mappings and null.
        (
            "fuzz-reproducers/keys-that-are-lists-mappings-and-null",
            0,
            str![[r#"
sessions/2026-01-08-a.md:3:1: warning: unknown key `[a]`
  |
3 | [a]: 1
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
sessions/2026-01-08-a.md:4:1: warning: unknown key `{b: 2}`
  |
4 | {b: 2}: 3
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
sessions/2026-01-08-a.md:5:1: warning: unknown key `null`
  |
5 | ~: 4
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
sessions/2026-01-08-a.md:6:3: warning: unknown key `c`
  |
6 | ? c
  |   ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
1 session(s) checked: 0 error(s), 4 warning(s), 0 note(s)

"#]],
        ),
        // A `...` document end instead of `---`.
        (
            "fuzz-reproducers/a-document-end-instead-of-dashes",
            0,
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ];
    for (case, status, stderr) in cases {
        let done = Test::case(case).status(status).stderr(stderr).run();
        let (result, built) = try_build(done.path(), &BuildOptions::default());
        assert!(
            result.is_ok() || built.count(mentorlog::diag::Severity::Error) > 0,
            "{case}: {result:?}"
        );
    }
}
