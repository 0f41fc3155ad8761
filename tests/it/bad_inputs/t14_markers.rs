//! The catalogue: Trust I: private markers and raw HTML.

use std::path::Path;

use mentorlog::BuildOptions;
use snapbox::str;

use crate::harness::{Test, build, one, text, try_build};

use super::A;

/// Every file of the site built from `dir`, as text, for a search for private words.
fn site_text(dir: &Path) -> String {
    build(dir, &BuildOptions::default())
        .files
        .values()
        .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
        .collect()
}

/// Markers are found with any spacing, case, line breaks and dashes inside them.
#[test]
fn t14_private_markers_with_line_breaks_case_and_dashes() {
    for (open, close, stderr) in [
        // The issue's example.
        (
            "<!--\n  private\n-->",
            "<!-- /private -->",
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "<!--- PRIVATE --->",
            "<!-- / Private -->",
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "<!--\tprivate-->",
            "<!--end private-->",
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "<!-- private --->",
            "<!--\n/PRIVATE\n-->",
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ] {
        let done = Test::new()
            .file(
                A,
                format!("---\ndate: 2026-01-08\n---\nBefore.\n\n{open}\nCanary: the salary band.\n{close}\n\nAfter.\n"),
            )
            .stderr(stderr)
            .run();
        let site = site_text(done.path());
        assert!(!site.contains("salary band"), "{open:?} {close:?}");
        assert!(site.contains("After."), "{open:?} {close:?}");
    }
}

/// Markers nest: a second opening marker inside a private block keeps the text private
/// until the last closing marker, whatever was meant.
#[test]
fn t14_private_nested_markers_keep_the_tail_private() {
    for (body, stderr) in [
        // The issue's shape, in one paragraph.
        (
            "Pay: <!-- private --> a <!-- private --> b <!-- /private --> Canary-c <!-- /private --> public.\n",
            str![[r#"
sessions/2026-01-08-a.md:4:25: warning: a private block opened inside another private block: the text stays private until both are closed
  |
4 | Pay: <!-- private --> a <!-- private --> b <!-- /private --> Canary-c <!-- /private --> public.
  |                         ^
help: close the first block with `<!-- /private -->` before opening another, or remove this marker
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        // As blocks.
        (
            "<!-- private -->\na\n\n<!-- private -->\nb\n<!-- /private -->\n\nCanary-c\n\n<!-- /private -->\n\npublic.\n",
            str![[r#"
sessions/2026-01-08-a.md:7:1: warning: a private block opened inside another private block: the text stays private until both are closed
  |
7 | <!-- private -->
  | ^
help: close the first block with `<!-- /private -->` before opening another, or remove this marker
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        // A forgotten closing marker looks the same: the rest stays private.
        (
            "<!-- private -->\na\n<!-- Private -->\nb\n<!-- /private -->\nCanary-c\n\nand the rest\n",
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: this private block is never closed, so the rest of the note is private
  |
4 | <!-- private -->
  | ^
help: end the block with `<!-- /private -->`
sessions/2026-01-08-a.md:6:1: warning: a private block opened inside another private block: the text stays private until both are closed
  |
6 | <!-- Private -->
  | ^
help: close the first block with `<!-- /private -->` before opening another, or remove this marker
1 session(s) checked: 0 error(s), 2 warning(s), 0 note(s)

"#]],
        ),
    ] {
        let done = Test::new()
            .file(A, format!("---\ndate: 2026-01-08\n---\n{body}"))
            .stderr(stderr)
            .run();
        assert!(!site_text(done.path()).contains("Canary-c"), "{body:?}");
    }
    Test::new()
        .file(A, "---\ndate: 2026-01-08\n---\nx <!-- private --> a <!-- private --> b\n")
        .stderr(str![[r#"
sessions/2026-01-08-a.md:4:3: warning: this private block is never closed, so the rest of the note is private
  |
4 | x <!-- private --> a <!-- private --> b
  |   ^
help: end the block with `<!-- /private -->`
sessions/2026-01-08-a.md:4:22: warning: a private block opened inside another private block: the text stays private until both are closed
  |
4 | x <!-- private --> a <!-- private --> b
  |                      ^
help: close the first block with `<!-- /private -->` before opening another, or remove this marker
1 session(s) checked: 0 error(s), 2 warning(s), 0 note(s)

"#]])
        .run();
}

/// A closing marker with nothing open warns (the text before it was published).
#[test]
fn t14_private_stray_closing_marker_warns() {
    for (body, stderr) in [
        (
            "Text <!-- /private -->\n",
            str![[r#"
sessions/2026-01-08-a.md:4:6: warning: this `<!-- /private -->` closes no private block, so the text before it is published
  |
4 | Text <!-- /private -->
  |      ^
help: start the private part with `<!-- private -->`, or remove this marker
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "<!-- / private -->\n",
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: this `<!-- / private -->` closes no private block, so the text before it is published
  |
4 | <!-- / private -->
  | ^
help: start the private part with `<!-- private -->`, or remove this marker
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "<!--end private-->\n",
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: this `<!--end private-->` closes no private block, so the text before it is published
  |
4 | <!--end private-->
  | ^
help: start the private part with `<!-- private -->`, or remove this marker
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
    ] {
        Test::new()
            .file(A, format!("---\ndate: 2026-01-08\n---\n{body}"))
            .stderr(stderr)
            .run();
    }
}

/// A comment that looks like a marker but is not one is an error, and the text after it
/// is treated as private meanwhile: mentorlog cannot tell what was meant.
#[test]
fn t14_private_look_alike_markers_are_errors() {
    for (comment, stderr) in [
        (
            "<!-- privat -->",
            str![[r#"
sessions/2026-01-08-a.md:6:1: error: `<!-- privat -->` looks like a private marker but is not one
  |
6 | <!-- privat -->
  | ^
help: a private block starts with exactly `<!-- private -->`; to keep a comment, do not start it with "private" (until then the text after it is kept private)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "<!-- private: pay talk -->",
            str![[r#"
sessions/2026-01-08-a.md:6:1: error: `<!-- private: pay talk -->` looks like a private marker but is not one
  |
6 | <!-- private: pay talk -->
  | ^
help: a private block starts with exactly `<!-- private -->`; to keep a comment, do not start it with "private" (until then the text after it is kept private)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "<!-- Private stuff -->",
            str![[r#"
sessions/2026-01-08-a.md:6:1: error: `<!-- Private stuff -->` looks like a private marker but is not one
  |
6 | <!-- Private stuff -->
  | ^
help: a private block starts with exactly `<!-- private -->`; to keep a comment, do not start it with "private" (until then the text after it is kept private)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        // `-- >` does not end a comment: it runs to the next `-->` and takes the closing
        // marker with it, so the block is also never closed.
        (
            "<!-- private -- >",
            str![[r#"
sessions/2026-01-08-a.md:6:1: error: `<!-- private -- >…` looks like a private marker but is not one
  |
6 | <!-- private -- >
  | ^
help: a private block starts with exactly `<!-- private -->`; to keep a comment, do not start it with "private" (until then the text after it is kept private)
sessions/2026-01-08-a.md:6:1: warning: this private block is never closed, so the rest of the note is private
  |
6 | <!-- private -- >
  | ^
help: end the block with `<!-- /private -->`
1 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
    ] {
        let done = Test::new()
            .file(
                A,
                format!("---\ndate: 2026-01-08\n---\nIntro.\n\n{comment}\nCanary: pay.\n<!-- /private -->\n"),
            )
            .status(1)
            .stderr(stderr)
            .run();
        let (result, _) = try_build(done.path(), &BuildOptions::default());
        assert!(result.is_err(), "{comment}: the build must refuse");
    }
    // A look-alike closing marker closes nothing.
    Test::new()
        .file(
            A,
            "---\ndate: 2026-01-08\n---\n<!-- private -->\nCanary: pay.\n<!-- /privte -->\n\nTail.\n",
        )
        .status(1)
        .stderr(str![[r#"
sessions/2026-01-08-a.md:4:1: warning: this private block is never closed, so the rest of the note is private
  |
4 | <!-- private -->
  | ^
help: end the block with `<!-- /private -->`
sessions/2026-01-08-a.md:6:1: error: `<!-- /privte -->` looks like a private marker but is not one
  |
6 | <!-- /privte -->
  | ^
help: a private block ends with exactly `<!-- /private -->` (or `<!-- end private -->`)
1 error(s), 1 warning(s), 0 note(s)

"#]])
        .run();
}

/// A tag named in prose is removed with a warning and the rest of the note stays Markdown.
#[test]
fn t14_html_tags_named_in_prose() {
    for (line, stderr) in [
        // The issue's example.
        (
            "Put the page name in a <title> element.",
            str![[r#"
sessions/2026-01-08-a.md:4:24: warning: `<title>` removed: notes may use common formatting tags only
  |
4 | Put the page name in a <title> element.
  |                        ^
help: to show the tag as text, put it in backticks: `` `<title>` ``
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "Styles go in <style>, scripts in backticks.",
            str![[r#"
sessions/2026-01-08-a.md:4:14: warning: `<style>` removed with what is inside it: raw HTML that can run script is not published
  |
4 | Styles go in <style>, scripts in backticks.
  |              ^
help: to show the tag as text, put it in backticks: `` `<style>` ``
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "A <textarea> holds the draft.",
            str![[r#"
sessions/2026-01-08-a.md:4:3: warning: `<textarea>` removed: notes may use common formatting tags only
  |
4 | A <textarea> holds the draft.
  |   ^
help: to show the tag as text, put it in backticks: `` `<textarea>` ``
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "Pick one from a <select>.",
            str![[r#"
sessions/2026-01-08-a.md:4:17: warning: `<select>` removed: notes may use common formatting tags only
  |
4 | Pick one from a <select>.
  |                 ^
help: to show the tag as text, put it in backticks: `` `<select>` ``
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
    ] {
        let done = Test::new()
            .file(
                A,
                format!("---\ndate: 2026-01-08\n---\n{line}\n\nThe *next* paragraph.\n"),
            )
            .stderr(stderr)
            .run();
        let built = build(done.path(), &BuildOptions::default());
        let page = built.page("sessions/2026-01-08-a.html");
        assert_eq!(text(one(page.root_element(), "main .note p em")), "next", "{line}");
    }
}

/// With `raw_html: true` the tag is kept, and an unclosed one that swallows the rest of
/// the page is a warning.
#[test]
fn t14_html_unclosed_swallowing_element_with_raw_html() {
    for (line, stderr) in [
        (
            "Put the page name in a <title> element.",
            str![[r#"
sessions/2026-01-08-a.md:4:24: warning: `<title>` is never closed in this paragraph or block, so a browser shows the rest of the page as HTML source
  |
4 | Put the page name in a <title> element.
  |                        ^
help: close it with `</title>`, or put the tag in backticks to show it as text
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "A <script> tag runs code.",
            str![[r#"
sessions/2026-01-08-a.md:4:3: warning: `<script>` is never closed in this paragraph or block, so a browser hides the rest of the page
  |
4 | A <script> tag runs code.
  |   ^
help: close it with `</script>`, or put the tag in backticks to show it as text
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "Use <template> for repeats.",
            str![[r#"
sessions/2026-01-08-a.md:4:5: warning: `<template>` is never closed in this paragraph or block, so a browser hides the rest of the page
  |
4 | Use <template> for repeats.
  |     ^
help: close it with `</template>`, or put the tag in backticks to show it as text
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
    ] {
        Test::new()
            .file(
                "journal.yaml",
                "title: T\nmentor: Dana Levi\nmentee: Sam Ortiz\nraw_html: true\n",
            )
            .file(A, format!("---\ndate: 2026-01-08\n---\n{line}\n\nMore.\n"))
            .stderr(stderr)
            .run();
    }
}

/// What the sanitiser removes is a warning at its line: tags that can run script,
/// event-handler attributes, `javascript:` links.
#[test]
fn t14_html_removals_are_warnings() {
    for (line, stderr) in [
        (
            "<script>alert(1)</script>",
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: `<script>` removed with what is inside it: raw HTML that can run script is not published
  |
4 | <script>alert(1)</script>
  | ^
help: to show the tag as text, put it in backticks: `` `<script>` ``
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "A <b onclick=\"go()\">bold</b> word.",
            str![[r#"
sessions/2026-01-08-a.md:4:3: warning: `onclick` removed from `<b>`: it can run script
  |
4 | A <b onclick="go()">bold</b> word.
  |   ^
help: remove the attribute, or put the tag in backticks to show it as text
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "An <a href=\" JaVaScRiPt:alert(2)\">odd</a> link.",
            str![[r#"
sessions/2026-01-08-a.md:4:4: warning: the `javascript:` href is removed from `<a>`: only web, mail and phone links are published
  |
4 | An <a href=" JaVaScRiPt:alert(2)">odd</a> link.
  |    ^
help: link to an http(s) address, a note or a file under static/
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "<iframe src=\"https://example.org\"></iframe>",
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: `<iframe>` removed: raw HTML that can run script is not published
  |
4 | <iframe src="https://example.org"></iframe>
  | ^
help: to show the tag as text, put it in backticks: `` `<iframe>` ``
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
    ] {
        Test::new()
            .file(A, format!("---\ndate: 2026-01-08\n---\n{line}\n"))
            .stderr(stderr)
            .run();
    }
    // Nothing removed, nothing said.
    Test::new()
        .file(
            A,
            "---\ndate: 2026-01-08\n---\n<kbd>Ctrl</kbd><br> <details open><summary>s</summary>d</details> <a name=\"x\"></a>\n",
        )
        .stderr(str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
}

/// The note's text, every paragraph and block of it, with whitespace made single.
fn note_text(dir: &Path) -> String {
    let built = build(dir, &BuildOptions::default());
    let page = built.page("sessions/2026-01-08-a.html");
    text(one(page.root_element(), "main .note"))
}

/// A processing instruction is removed whole, inline and as a block, though a `>` inside it
/// ends the bogus comment an HTML parser makes of it: one warning each at its `<?`,
/// quoting its first line.
#[test]
fn t17_html_processing_instructions_are_removed_whole() {
    let done = Test::new()
        .file(
            A,
            "---\ndate: 2026-01-08\n---\nBefore <?php echo 'hi'; ?> after.\n\n<?php\n  echo '>';\n?>\n\nEnd.\n\n<div>\n<?php echo '>'; ?>\n</div>\n",
        )
        .stderr(str![[r#"
sessions/2026-01-08-a.md:4:8: warning: the processing instruction `<?php echo 'hi'; ?>` is removed
  |
4 | Before <?php echo 'hi'; ?> after.
  |        ^
help: raw HTML keeps elements and text only; put it in backticks to show it
sessions/2026-01-08-a.md:6:1: warning: the processing instruction `<?php…` is removed
  |
6 | <?php
  | ^
help: raw HTML keeps elements and text only; put it in backticks to show it
sessions/2026-01-08-a.md:13:1: warning: the processing instruction `<?php echo '>'; ?>` is removed
   |
13 | <?php echo '>'; ?>
   | ^
help: raw HTML keeps elements and text only; put it in backticks to show it
1 session(s) checked: 0 error(s), 3 warning(s), 0 note(s)

"#]])
        .run();
    assert_eq!(note_text(done.path()), "Before after. End.");
}

/// The same for a CDATA section and a document type with a `>` inside, over lines too;
/// a comment with a `>` inside was whole already.
#[test]
fn t17_html_cdata_doctype_and_comments_with_a_gt_inside_are_removed_whole() {
    let done = Test::new()
        .file(
            A,
            "---\ndate: 2026-01-08\n---\nC <![CDATA[ a > b ]]> d.\n\n<![CDATA[\nx > y\n]]>\n\nA <!-- a > b --> z.\n\n<!--\na > b\n-->\n\n<!DOCTYPE html PUBLIC\n \"a > b\">\n\nEnd.\n",
        )
        .stderr(str![[r#"
sessions/2026-01-08-a.md:4:3: warning: a `<![CDATA[…]]>` section is removed
  |
4 | C <![CDATA[ a > b ]]> d.
  |   ^
help: CDATA belongs to XML, not HTML; write the text without it
sessions/2026-01-08-a.md:6:1: warning: a `<![CDATA[…]]>` section is removed
  |
6 | <![CDATA[
  | ^
help: CDATA belongs to XML, not HTML; write the text without it
sessions/2026-01-08-a.md:16:1: warning: `<!DOCTYPE …>` is removed
   |
16 | <!DOCTYPE html PUBLIC
   | ^
help: a note is part of a page: write its content without a document type
1 session(s) checked: 0 error(s), 3 warning(s), 0 note(s)

"#]])
        .run();
    assert_eq!(note_text(done.path()), "C d. A z. End.");
}

/// With `raw_html: true` nothing is sanitised: a processing instruction is published as
/// written (as the specs render it), and says nothing; a browser shows nothing of it
/// unless a `>` inside ends it early, which is the author's HTML as written.
#[test]
fn t17_html_processing_instructions_kept_with_raw_html() {
    let done = Test::new()
        .file(
            "journal.yaml",
            "title: T\nmentor: Dana Levi\nmentee: Sam Ortiz\nraw_html: true\n",
        )
        .file(A, "---\ndate: 2026-01-08\n---\nBefore <?php echo 'hi'; ?> after.\n")
        .stderr(str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
    let built = build(done.path(), &BuildOptions::default());
    let page = built.page("sessions/2026-01-08-a.html");
    let p = one(page.root_element(), "main .note p");
    // A browser reads it as a comment: nothing of it shows.
    assert_eq!(text(p), "Before after.");
    assert!(
        p.inner_html().contains("<!--?php echo 'hi'; ?-->"),
        "{}",
        p.inner_html()
    );
}
