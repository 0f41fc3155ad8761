//! The catalogue: Trust I: adversarial pass (private text and script).

use mentorlog::BuildOptions;

use snapbox::str;

use crate::harness::{Fixture, Test, build, one, text, try_build};

use super::{A, FRANK, FRANK_NOTE, holding, note_attributes};

/// The journal.yaml of these cases: a site with an address, so feeds and JSON are built.
const YAML: &str = "title: T\nmentor: Dana Levi\nmentee: Sam Ortiz\nbase_url: https://example.org/\n";

/// A Markdown link, image or heading inside a sanitised fragment whose tag leaves an
/// attribute value open across the Markdown (`<img src=x title="` … `">`): the sanitiser
/// keeps the Markdown's HTML as the attribute's text, and the link put back in its place
/// closed the attribute, so its URL (`#/onerror=…`) became an event handler of the `<img>`
/// and ran script with `raw_html: false`. The fragment is now made plain instead.
#[test]
fn t14_adv2_links_kept_inside_a_sanitised_attribute_run_no_script() {
    for (inner, kept) in [
        // The attack as found: an image of static/ with a crafted anchor.
        (
            "![x](../static/a.png#/onerror=document.body.setAttribute('data-p',1)//)",
            "",
        ),
        // A link to a published note, with the same anchor.
        (
            "[y](2026-01-08-a.md#/onerror=document.body.setAttribute('data-p',1)//)",
            "y",
        ),
        // A heading (kept as an event for its id) and a wikilink.
        ("## Heading\n\n[[2026-01-08-a|z]]", "z"),
    ] {
        let f = Fixture::new(&[
            ("journal.yaml", "title: T\nmentor: Dana Levi\nmentee: Sam Ortiz\n"),
            ("static/a.png", "PNG"),
            (
                A,
                &format!(
                    "---\ndate: 2026-01-08\n---\nHi.\n\n<div>\n<img src=\"nope.png\" title=\"\n\n{inner}\n\n\">\n</div>\n"
                ),
            ),
        ]);
        let built = f.build();
        let attrs = note_attributes(&built, "sessions/2026-01-08-a.html");
        assert_eq!(attrs, ["img src", "img title"], "{inner}");
        // What the Markdown wrote stays the attribute's text (the link made plain).
        let page = built.page("sessions/2026-01-08-a.html");
        let title = one(page.root_element(), "main .note img")
            .value()
            .attr("title")
            .unwrap_or_default()
            .to_string();
        assert!(title.contains(kept), "{inner}: {title}");
    }
}

/// `![[note]]` (Obsidian's embed) of a private note put its file name in the page as the
/// image's text (and a heading made of one in the title, feed, search index and JSON); a
/// wikilink in another case than the file (`[[2026-01-08-Frank-Talk]]`, which Obsidian and
/// case-insensitive file systems resolve) linked nothing and showed the name as written.
/// Both now name the note as a wikilink does: "an unpublished note" while it is private.
#[test]
fn t14_adv2_note_embeds_and_wikilinks_in_another_case_name_no_private_note() {
    for body in [
        "Embedded: ![[2026-01-08-frank-talk]].",
        "# ![[2026-01-08-frank-talk#Part]] again",
        "In another case: [[2026-01-08-Frank-Talk]].",
        "By path: [[SESSIONS/2026-01-08-FRANK-TALK.md]] and ![[2026-01-08-FRANK-TALK|our talk]].",
        "With the extension in capitals: [[2026-01-08-frank-talk.MD]].",
        "| In a table |\n|---|\n| [[2026-01-08-frank-talk\\|our talk]] |",
    ] {
        let done = Test::new()
            .file("journal.yaml", YAML)
            .file(FRANK, FRANK_NOTE)
            .file(A, format!("---\ndate: 2026-01-09\n---\n{body}\n"))
            .stderr(str![[r#"
2 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]])
            .run();
        let built = build(done.path(), &BuildOptions::default());
        assert_eq!(holding(&built, "frank"), Vec::<String>::new(), "{body}");
        let page = built.page("sessions/2026-01-08-a.html");
        let note = text(one(page.root_element(), "main .note"));
        let expected = if body.contains('|') {
            "our talk"
        } else {
            "an unpublished note"
        };
        assert!(note.contains(expected), "{body}: {note}");
        // Published, the same text links to the note.
        let (_, everything) = try_build(
            done.path(),
            &BuildOptions {
                include_private: true,
                ..BuildOptions::default()
            },
        );
        let page = everything.page("sessions/2026-01-08-a.html");
        let hrefs: Vec<String> = crate::harness::all(page.root_element(), "main .note a")
            .iter()
            .filter_map(|a| a.value().attr("href").map(str::to_string))
            .collect();
        assert!(
            hrefs
                .iter()
                .all(|h| h.starts_with("../sessions/2026-01-08-frank-talk.html"))
                && !hrefs.is_empty(),
            "{body}: {hrefs:?}"
        );
    }
}

/// A URL in raw HTML that names a note (`<a href="2026-01-08-frank-talk.md">`) was
/// published as written: a private note's file name in the page and the feed, where the
/// same link in Markdown becomes plain text. Raw HTML cannot be resolved per page, so such
/// an attribute is removed with a warning; with `raw_html: true` it is kept and warned about.
#[test]
fn t14_adv2_raw_html_urls_naming_a_note_are_removed() {
    for (html, stderr, kept) in [
        (
            "<a href=\"2026-01-08-frank-talk.md\">our talk</a>",
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: `href` removed from `<a>`: it names a note, and raw HTML cannot link to notes (the note may be private or a draft)
  |
4 | <a href="2026-01-08-frank-talk.md">our talk</a>
  | ^
help: link to the note with Markdown instead: `[text](note.md)` or `[[note|text]]`
2 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: `href` of `<a>` names a note: with `raw_html: true` it is published as written, even when that note is private or a draft
  |
4 | <a href="2026-01-08-frank-talk.md">our talk</a>
  | ^
help: link to the note with Markdown instead: `[text](note.md)` or `[[note|text]]`
2 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "See <a href=\"../sessions/2026-01-08-Frank-Talk.html#x\">it</a>.",
            str![[r#"
sessions/2026-01-08-a.md:4:5: warning: `href` removed from `<a>`: it names a note, and raw HTML cannot link to notes (the note may be private or a draft)
  |
4 | See <a href="../sessions/2026-01-08-Frank-Talk.html#x">it</a>.
  |     ^
help: link to the note with Markdown instead: `[text](note.md)` or `[[note|text]]`
2 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
            str![[r#"
sessions/2026-01-08-a.md:4:5: warning: `href` of `<a>` names a note: with `raw_html: true` it is published as written, even when that note is private or a draft
  |
4 | See <a href="../sessions/2026-01-08-Frank-Talk.html#x">it</a>.
  |     ^
help: link to the note with Markdown instead: `[text](note.md)` or `[[note|text]]`
2 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "<img src=\"./2026-01-08-frank%2Dtalk\" alt=\"pic\">",
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: `src` removed from `<img>`: it names a note, and raw HTML cannot link to notes (the note may be private or a draft)
  |
4 | <img src="./2026-01-08-frank%2Dtalk" alt="pic">
  | ^
help: link to the note with Markdown instead: `[text](note.md)` or `[[note|text]]`
2 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: `src` of `<img>` names a note: with `raw_html: true` it is published as written, even when that note is private or a draft
  |
4 | <img src="./2026-01-08-frank%2Dtalk" alt="pic">
  | ^
help: link to the note with Markdown instead: `[text](note.md)` or `[[note|text]]`
2 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "<q cite=\"2026-01-08-frank-talk.md\">quoted</q>",
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: `cite` removed from `<q>`: it names a note, and raw HTML cannot link to notes (the note may be private or a draft)
  |
4 | <q cite="2026-01-08-frank-talk.md">quoted</q>
  | ^
help: link to the note with Markdown instead: `[text](note.md)` or `[[note|text]]`
2 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: `cite` of `<q>` names a note: with `raw_html: true` it is published as written, even when that note is private or a draft
  |
4 | <q cite="2026-01-08-frank-talk.md">quoted</q>
  | ^
help: link to the note with Markdown instead: `[text](note.md)` or `[[note|text]]`
2 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
    ] {
        let note = format!("---\ndate: 2026-01-09\n---\n{html}\n");
        let done = Test::new()
            .file("journal.yaml", YAML)
            .file(FRANK, FRANK_NOTE)
            .file(A, &note)
            .stderr(stderr)
            .run();
        let built = build(done.path(), &BuildOptions::default());
        assert_eq!(holding(&built, "frank"), Vec::<String>::new(), "{html}");
        // With `raw_html: true` the HTML is the user's to keep, with a warning.
        Test::new()
            .file("journal.yaml", format!("{YAML}raw_html: true\n"))
            .file(FRANK, FRANK_NOTE)
            .file(A, &note)
            .stderr(kept)
            .run();
    }
    // A URL that only looks like a note's is kept, and says nothing.
    Test::new()
        .file("journal.yaml", YAML)
        .file(FRANK, FRANK_NOTE)
        .file(
            A,
            "---\ndate: 2026-01-09\n---\n<a href=\"https://example.org/2026-01-08-frank-talk-notes.html\">x</a> <a href=\"../static/talk.pdf\">y</a>\n",
        )
        .stderr(str![[r#"
2 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
}

/// A comment left open before a private marker (`<!-- TODO` on one line, the marker on
/// the next) is one comment with it in a browser and in the Markdown parser: the marker
/// was not seen, so the private text after it was published (with only a warning about
/// the closing marker). The marker now opens its block all the same, with a warning.
#[test]
fn t14_adv2_a_private_marker_closing_an_open_comment_still_opens_a_block() {
    for (body, stderr) in [
        (
            "<!-- TODO: ask about\n<!-- private -->\nCanary: pay.\n<!-- /private -->\n\nAfter.\n",
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: the comment `<!-- TODO: ask about…` is not closed before a `<!-- private -->` marker, so the two are one comment
  |
4 | <!-- TODO: ask about
  | ^
help: close the comment with `-->` before the marker; until then the comment and the text after it are kept private
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "Text <!-- todo <!-- private -->Canary: pay.<!-- /private --> after.\n",
            str![[r#"
sessions/2026-01-08-a.md:4:6: warning: the comment `<!-- todo <!-- private -->` is not closed before a `<!-- private -->` marker, so the two are one comment
  |
4 | Text <!-- todo <!-- private -->Canary: pay.<!-- /private --> after.
  |      ^
help: close the comment with `-->` before the marker; until then the comment and the text after it are kept private
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "<!-- draft notes\n\n<!--\nPRIVATE\n--->\nCanary: pay.\n<!-- /private -->\n\nAfter.\n",
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: the comment `<!-- draft notes…` is not closed before a `<!-- private -->` marker, so the two are one comment
  |
4 | <!-- draft notes
  | ^
help: close the comment with `-->` before the marker; until then the comment and the text after it are kept private
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
    ] {
        let done = Test::new()
            .file("journal.yaml", YAML)
            .file(A, format!("---\ndate: 2026-01-08\n---\n{body}"))
            .stderr(stderr)
            .run();
        let built = build(done.path(), &BuildOptions::default());
        assert_eq!(holding(&built, "Canary: pay"), Vec::<String>::new(), "{body}");
        let page = built.page("sessions/2026-01-08-a.html");
        assert!(text(one(page.root_element(), "main .note")).contains("fter"), "{body}");
    }
}

/// Heading ids were numbered across the whole note, private blocks included: a public
/// `## Plan` after a private `## Plan` got `id="plan-1"`, which tells the reader that a
/// private heading with that text is there. Public headings are now numbered among
/// themselves; private ones (shown with `--include-private`) after them.
#[test]
fn t14_adv2_heading_ids_do_not_count_private_headings() {
    for (body, public_id) in [
        (
            "<!-- private -->\n## Layoffs in March\n<!-- /private -->\n\n## Layoffs in March\n",
            "layoffs-in-march",
        ),
        (
            "<!-- private -->\nPlan\n----\n<!-- /private -->\n\nPlan\n----\n",
            "plan",
        ),
        (
            "<!-- private -->\n## About an unpublished note\n<!-- /private -->\n\n## About [[2026-01-08-frank-talk]]\n",
            "about-an-unpublished-note",
        ),
    ] {
        let f = Fixture::new(&[
            (
                "journal.yaml",
                "title: T\nmentor: Dana Levi\nmentee: Sam Ortiz\nbase_url: https://example.org/\n",
            ),
            (FRANK, FRANK_NOTE),
            (A, &format!("---\ndate: 2026-01-09\n---\n{body}")),
        ]);
        let built = f.build();
        let page = built.page("sessions/2026-01-08-a.html");
        let ids: Vec<&str> = crate::harness::all(page.root_element(), "main .note h2")
            .iter()
            .filter_map(|h| h.value().attr("id"))
            .collect();
        assert_eq!(ids, [public_id], "{body}");
        // With the private text on the site, every id is still unique.
        let (_, everything) = try_build(
            f.path(),
            &BuildOptions {
                include_private: true,
                ..BuildOptions::default()
            },
        );
        let page = everything.page("sessions/2026-01-08-a.html");
        let mut ids: Vec<&str> = crate::harness::all(page.root_element(), "main .note h2")
            .iter()
            .filter_map(|h| h.value().attr("id"))
            .collect();
        assert_eq!(ids.len(), 2, "{body}");
        ids.dedup();
        assert_eq!(ids.len(), 2, "{body}: {ids:?}");
    }
}
