//! Raw HTML in notes is sanitised one fragment at a time: a tag named in prose (`a <title>
//! element`) ends with its paragraph instead of swallowing the rest of the note, tables
//! next to raw HTML keep their alignment, and every removal is a warning at its line.
//! With `raw_html: true` nothing is removed, and an element that would swallow the rest
//! of the page when never closed is a warning.

use mentorlog::diag::Severity;

use crate::harness::{Fixture, all, one, text};

/// A journal with an address (so the only warnings are the notes').
const JOURNAL: &str = "title: T\nmentor: Dana Levi\nmentee: Sam Ortiz\nbase_url: https://example.org/\n";
const RAW_JOURNAL: &str =
    "title: T\nmentor: Dana Levi\nmentee: Sam Ortiz\nbase_url: https://example.org/\nraw_html: true\n";
const NOTE: &str = "sessions/2026-01-08-tags.md";
const PAGE: &str = "sessions/2026-01-08-tags.html";

/// Elements that, unclosed, swallow what follows them in a browser.
const SWALLOWING: &[&str] = &[
    "title",
    "style",
    "script",
    "template",
    "textarea",
    "xmp",
    "noscript",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
    "select",
];

/// A note naming `<tag>` in prose, then more Markdown (front matter: lines 1-3).
fn prose_naming(tag: &str) -> String {
    format!(
        "---\ndate: 2026-01-08\n---\nPut the page name in a <{tag}> element.\n\nThe *second* paragraph.\n\n## Later heading\n\n- a list item\n"
    )
}

#[test]
fn a_tag_named_in_prose_ends_with_its_paragraph() {
    for tag in SWALLOWING {
        let fixture = Fixture::new(&[("journal.yaml", JOURNAL), (NOTE, &prose_naming(tag))]);
        let built = fixture.build();
        let page = built.page(PAGE);
        let note = one(page.root_element(), "main .note");
        assert_eq!(text(one(note, "p em")), "second", "{tag}: {}", note.html());
        assert_eq!(text(one(note, "h2")), "Later heading", "{tag}: {}", note.html());
        assert_eq!(text(one(note, "li")), "a list item", "{tag}: {}", note.html());
        assert!(all(note, tag).is_empty(), "{tag}: {}", note.html());
        assert!(!text(note).contains("<p>"), "{tag}: shown as source: {}", note.html());
        let diags = built.rendered_diags();
        assert_eq!(built.count(Severity::Warning), 1, "{tag}: {diags}");
        assert!(
            diags.contains(&format!("{NOTE}:4:24: warning: `<{tag}>` removed")),
            "{tag}: {diags}"
        );
    }
}

#[test]
fn with_raw_html_an_unclosed_swallowing_element_is_a_warning() {
    for tag in SWALLOWING {
        let fixture = Fixture::new(&[("journal.yaml", RAW_JOURNAL), (NOTE, &prose_naming(tag))]);
        let built = fixture.build();
        let diags = built.rendered_diags();
        assert!(
            diags.contains(&format!("{NOTE}:4:24: warning: `<{tag}>` is never closed")),
            "{tag}: {diags}"
        );
        // Kept as written: raw HTML is the journal's choice.
        assert!(built.text(PAGE).contains(&format!("<{tag}>")), "{tag}");
    }
    // Closed, it is no warning.
    let fixture = Fixture::new(&[
        ("journal.yaml", RAW_JOURNAL),
        (
            NOTE,
            "---\ndate: 2026-01-08\n---\nA <title>name</title> and <style>p{}</style>.\n",
        ),
    ]);
    let built = fixture.build();
    assert_eq!(built.count(Severity::Warning), 0, "{}", built.rendered_diags());
}

#[test]
fn a_table_next_to_raw_html_keeps_its_alignment() {
    let fixture = Fixture::new(&[
        ("journal.yaml", JOURNAL),
        (
            NOTE,
            "---\ndate: 2026-01-08\n---\n| left | middle | right |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n\nPress <kbd>Ctrl</kbd> and <b>go</b>.<br>\n",
        ),
    ]);
    let built = fixture.build();
    let page = built.page(PAGE);
    let note = one(page.root_element(), "main .note");
    let cells: Vec<Option<&str>> = all(note, "td").iter().map(|td| td.attr("style")).collect();
    assert_eq!(
        cells,
        [
            Some("text-align: left"),
            Some("text-align: center"),
            Some("text-align: right")
        ],
        "{}",
        note.html()
    );
    assert_eq!(text(one(note, "kbd")), "Ctrl");
    assert_eq!(built.count(Severity::Warning), 0, "{}", built.rendered_diags());
}

#[test]
fn html_wrapped_around_markdown_stays_whole() {
    let fixture = Fixture::new(&[
        ("journal.yaml", JOURNAL),
        (
            NOTE,
            "---\ndate: 2026-01-08\n---\n<details open>\n<summary>More</summary>\n\nSome *Markdown* inside.\n\n| a | b |\n|--:|:-:|\n| 1 | 2 |\n\n</details>\n\n<a name=\"later\"></a>After.\n",
        ),
    ]);
    let built = fixture.build();
    let page = built.page(PAGE);
    let note = one(page.root_element(), "main .note");
    let details = one(note, "details");
    assert_eq!(details.attr("open"), Some(""));
    assert_eq!(text(one(details, "summary")), "More");
    assert_eq!(text(one(details, "p em")), "Markdown");
    // Re-written by the sanitiser, which keeps only `text-align` in a `style`.
    assert_eq!(
        one(details, "td").attr("style").map(|s| s.replace(' ', "")),
        Some("text-align:right".into())
    );
    assert_eq!(one(note, "a[name]").attr("name"), Some("later"));
    assert!(text(note).contains("After."));
    assert_eq!(built.count(Severity::Warning), 0, "{}", built.rendered_diags());
}

#[test]
fn every_removal_is_a_warning_at_its_line() {
    let fixture = Fixture::new(&[
        ("journal.yaml", JOURNAL),
        (
            NOTE,
            "---\ndate: 2026-01-08\n---\nFirst.\n\n<script>alert(1)</script>\n\nA <b onclick=\"x()\">bold</b> word.\n\nAn <a href=\"javascript:alert(2)\">odd link</a>.\n\n<?php echo 1; ?>\n\nA stray </i> tag.\n\nLast *words*.\n",
        ),
    ]);
    let built = fixture.build();
    let diags = built.rendered_diags();
    for head in [
        format!(
            "{NOTE}:6:1: warning: `<script>` removed with what is inside it: raw HTML that can run script is not published"
        ),
        format!("{NOTE}:8:3: warning: `onclick` removed from `<b>`: it can run script"),
        format!("{NOTE}:10:4: warning: the `javascript:` href is removed from `<a>`"),
        format!("{NOTE}:12:1: warning: the processing instruction `<?php echo 1; ?>` is removed"),
        format!("{NOTE}:14:9: warning: `</i>` removed: no `<i>` is open before it"),
    ] {
        assert!(diags.contains(&head), "no `{head}` in:\n{diags}");
    }
    assert_eq!(built.count(Severity::Warning), 5, "{diags}");
    let page = built.page(PAGE);
    let note = one(page.root_element(), "main .note");
    assert!(all(note, "script").is_empty());
    assert_eq!(text(one(note, "b")), "bold");
    assert_eq!(one(note, "b").attr("onclick"), None);
    assert_eq!(text(one(note, "em")), "words");
}

#[test]
fn private_markers_inside_raw_html_still_hide() {
    let fixture = Fixture::new(&[
        ("journal.yaml", JOURNAL),
        (
            NOTE,
            "---\ndate: 2026-01-08\n---\n<div>\n<!--\n  Private\n-->\nThe salary band.\n<!-- /private -->\n</div>\n\nA <span>pay <!-- private -->42k<!-- /private --></span> note.\n",
        ),
    ]);
    let built = fixture.build();
    let all_text: String = built
        .files
        .values()
        .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    assert!(!all_text.contains("salary band"));
    assert!(!all_text.contains("42k"));
    assert!(all_text.contains("note."));
}

/// Links, images and headings inside a fragment the sanitiser rewrites still point at their
/// pages, and the name of a private note linked from inside one is not published.
#[test]
fn links_inside_a_sanitised_fragment_still_resolve_and_hide_private_names() {
    let fixture = Fixture::new(&[
        ("journal.yaml", JOURNAL),
        ("static/chart.png", "png"),
        (
            "sessions/2026-01-07-hidden-talk.md",
            "---\ndate: 2026-01-07\nprivate: true\ntitle: Hidden\n---\nSecret.\n",
        ),
        (
            "sessions/2026-01-06-open.md",
            "---\ndate: 2026-01-06\ntitle: Open\n---\nOpen.\n",
        ),
        (
            NOTE,
            "---\ndate: 2026-01-08\n---\nSee <span title=\"s\">[open](2026-01-06-open.md) [[2026-01-07-hidden-talk]] ![c](../static/chart.png)</span>.\n\n<details class=\"more\">\n\n## About [[2026-01-07-hidden-talk]]\n\n[again](2026-01-06-open.md)\n\n</details>\n",
        ),
    ]);
    let built = fixture.build();
    let page = built.page(PAGE);
    let note = one(page.root_element(), "main .note");
    let hrefs: Vec<&str> = all(note, "a").iter().filter_map(|a| a.value().attr("href")).collect();
    assert_eq!(hrefs, ["../sessions/2026-01-06-open.html"; 2], "{}", note.html());
    assert_eq!(
        one(note, "span[title=s] img").value().attr("src"),
        Some("../static/chart.png")
    );
    let heading = one(note, "details h2");
    assert_eq!(text(heading), "About an unpublished note");
    assert_eq!(heading.value().attr("id"), Some("about-an-unpublished-note"));
    for (path, bytes) in &built.files {
        let bytes = String::from_utf8_lossy(bytes);
        assert!(
            !bytes.contains("hidden-talk") && !path.contains("hidden-talk"),
            "{path}"
        );
    }
}
