//! The catalogue: fuzzing reproducers.

use std::path::Path;

use mentorlog::BuildOptions;

use crate::harness::try_build;

use super::{A, note};

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
/// must end with a journal or errors, never a panic.
#[test]
fn fuzz_reproducers_load_or_report() {
    let cases: &[&str] = &[
        // An alias to an anchor inside a tagged value.
        "---\ndate: 2026-01-08\na: !t &x [1]\nb: *x\n---\n",
        // Keys that are lists, mappings and null.
        "---\ndate: 2026-01-08\n[a]: 1\n{b: 2}: 3\n~: 4\n? c\n---\n",
        // A `...` document end instead of `---`.
        "---\ndate: 2026-01-08\n...\nBody\n",
    ];
    for (i, text) in cases.iter().enumerate() {
        let f = note(A, text);
        let (result, built) = try_build(f.path(), &BuildOptions::default());
        assert!(
            result.is_ok() || built.count(mentorlog::diag::Severity::Error) > 0,
            "case {i}: {result:?}"
        );
    }
}
