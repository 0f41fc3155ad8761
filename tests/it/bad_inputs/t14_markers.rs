//! The catalogue: Trust I: private markers and raw HTML.

use mentorlog::BuildOptions;

use crate::harness::{Fixture, one, text, try_build};

use super::{A, check, expect, note, t14_site_text};

/// Markers are found with any spacing, case, line breaks and dashes inside them.
#[test]
fn t14_private_markers_with_line_breaks_case_and_dashes() {
    for (open, close) in [
        // The example.
        ("<!--\n  private\n-->", "<!-- /private -->"),
        ("<!--- PRIVATE --->", "<!-- / Private -->"),
        ("<!--\tprivate-->", "<!--end private-->"),
        ("<!-- private --->", "<!--\n/PRIVATE\n-->"),
    ] {
        let f = note(
            A,
            &format!("---\ndate: 2026-01-08\n---\nBefore.\n\n{open}\nCanary: the salary band.\n{close}\n\nAfter.\n"),
        );
        expect(&f, 0, (0, 0), &[]);
        let site = t14_site_text(&f);
        assert!(!site.contains("salary band"), "{open:?} {close:?}");
        assert!(site.contains("After."), "{open:?} {close:?}");
    }
}

/// Markers nest: a second opening marker inside a private block keeps the text private
/// until the last closing marker, whatever was meant.
#[test]
fn t14_private_nested_markers_keep_the_tail_private() {
    for body in [
        // The shape, in one paragraph.
        "Pay: <!-- private --> a <!-- private --> b <!-- /private --> Canary-c <!-- /private --> public.\n",
        // As blocks.
        "<!-- private -->\na\n\n<!-- private -->\nb\n<!-- /private -->\n\nCanary-c\n\n<!-- /private -->\n\npublic.\n",
        // A forgotten closing marker looks the same: the rest stays private.
        "<!-- private -->\na\n<!-- Private -->\nb\n<!-- /private -->\nCanary-c\n\nand the rest\n",
    ] {
        let f = note(A, &format!("---\ndate: 2026-01-08\n---\n{body}"));
        let run = check(&f);
        assert_eq!(run.code, 0, "{run}");
        assert!(
            run.stderr
                .contains("a private block opened inside another private block"),
            "{run}"
        );
        let site = t14_site_text(&f);
        assert!(!site.contains("Canary-c"), "{body:?}");
    }
    let f = note(
        A,
        "---\ndate: 2026-01-08\n---\nx <!-- private --> a <!-- private --> b\n",
    );
    expect(
        &f,
        0,
        (0, 2),
        &[
            "sessions/2026-01-08-a.md:4:22: warning: a private block opened inside another private block",
            "sessions/2026-01-08-a.md:4:3: warning: this private block is never closed, so the rest of the note is private",
        ],
    );
}

/// A closing marker with nothing open warns (the text before it was published).
#[test]
fn t14_private_stray_closing_marker_warns() {
    for (body, col) in [
        ("Text <!-- /private -->\n", 6),
        ("<!-- / private -->\n", 1),
        ("<!--end private-->\n", 1),
    ] {
        let f = note(A, &format!("---\ndate: 2026-01-08\n---\n{body}"));
        expect(
            &f,
            0,
            (0, 1),
            &[&format!(
                "sessions/2026-01-08-a.md:4:{col}: warning: this `<!-- /private -->` closes no private block"
            )],
        );
    }
}

/// A comment that looks like a marker but is not one is an error, and the text after it
/// is treated as private meanwhile: mentorlog cannot tell what was meant.
#[test]
fn t14_private_look_alike_markers_are_errors() {
    for comment in [
        "<!-- privat -->",
        "<!-- private: pay talk -->",
        "<!-- Private stuff -->",
        "<!-- private -- >",
    ] {
        let f = note(
            A,
            &format!("---\ndate: 2026-01-08\n---\nIntro.\n\n{comment}\nCanary: pay.\n<!-- /private -->\n"),
        );
        // `-- >` does not end a comment: it runs to the next `-->` and takes the closing
        // marker with it, so the block is also never closed.
        let warnings = usize::from(comment.ends_with("-- >"));
        let run = expect(&f, 1, (1, warnings), &["sessions/2026-01-08-a.md:6:1: error: `<!-- "]);
        assert!(
            run.stderr.contains("looks like a private marker but is not one"),
            "{run}"
        );
        let (result, _) = try_build(f.path(), &BuildOptions::default());
        assert!(result.is_err(), "{comment}: the build must refuse");
    }
    // A look-alike closing marker closes nothing.
    let f = note(
        A,
        "---\ndate: 2026-01-08\n---\n<!-- private -->\nCanary: pay.\n<!-- /privte -->\n\nTail.\n",
    );
    expect(
        &f,
        1,
        (1, 1),
        &["sessions/2026-01-08-a.md:6:1: error: `<!-- /privte -->` looks like a private marker but is not one"],
    );
}

/// A tag named in prose is removed with a warning and the rest of the note stays Markdown.
#[test]
fn t14_html_tags_named_in_prose() {
    for (line, col, tag) in [
        // The example.
        ("Put the page name in a <title> element.", 24, "title"),
        ("Styles go in <style>, scripts in backticks.", 14, "style"),
        ("A <textarea> holds the draft.", 3, "textarea"),
        ("Pick one from a <select>.", 17, "select"),
    ] {
        let f = note(
            A,
            &format!("---\ndate: 2026-01-08\n---\n{line}\n\nThe *next* paragraph.\n"),
        );
        expect(
            &f,
            0,
            (0, 1),
            &[&format!("sessions/2026-01-08-a.md:4:{col}: warning: `<{tag}>` removed")],
        );
        let built = f.build();
        let page = built.page("sessions/2026-01-08-a.html");
        assert_eq!(text(one(page.root_element(), "main .note p em")), "next", "{tag}");
    }
}

/// With `raw_html: true` the tag is kept, and an unclosed one that swallows the rest of
/// the page is a warning.
#[test]
fn t14_html_unclosed_swallowing_element_with_raw_html() {
    for (line, col, tag) in [
        ("Put the page name in a <title> element.", 24, "title"),
        ("A <script> tag runs code.", 3, "script"),
        ("Use <template> for repeats.", 5, "template"),
    ] {
        let f = Fixture::new(&[
            (
                "journal.yaml",
                "title: T\nmentor: Dana Levi\nmentee: Sam Ortiz\nraw_html: true\n",
            ),
            (A, &format!("---\ndate: 2026-01-08\n---\n{line}\n\nMore.\n")),
        ]);
        expect(
            &f,
            0,
            (0, 1),
            &[&format!(
                "sessions/2026-01-08-a.md:4:{col}: warning: `<{tag}>` is never closed in this paragraph or block"
            )],
        );
    }
}

/// What the sanitiser removes is a warning at its line: tags that can run script,
/// event-handler attributes, `javascript:` links.
#[test]
fn t14_html_removals_are_warnings() {
    for (line, col, head) in [
        (
            "<script>alert(1)</script>",
            1,
            "`<script>` removed with what is inside it",
        ),
        (
            "A <b onclick=\"go()\">bold</b> word.",
            3,
            "`onclick` removed from `<b>`: it can run script",
        ),
        (
            "An <a href=\" JaVaScRiPt:alert(2)\">odd</a> link.",
            4,
            "the `javascript:` href is removed from `<a>`",
        ),
        (
            "<iframe src=\"https://example.org\"></iframe>",
            1,
            "`<iframe>` removed: raw HTML that can run script",
        ),
    ] {
        let f = note(A, &format!("---\ndate: 2026-01-08\n---\n{line}\n"));
        expect(
            &f,
            0,
            (0, 1),
            &[&format!("sessions/2026-01-08-a.md:4:{col}: warning: {head}")],
        );
    }
    // Nothing removed, nothing said.
    let f = note(
        A,
        "---\ndate: 2026-01-08\n---\n<kbd>Ctrl</kbd><br> <details open><summary>s</summary>d</details> <a name=\"x\"></a>\n",
    );
    expect(&f, 0, (0, 0), &[]);
}
