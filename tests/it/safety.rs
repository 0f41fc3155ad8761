//! Safety of shared sites: raw HTML in notes is sanitised (no scripts, event handlers or
//! `javascript:` links) unless `raw_html: true`; front-matter values are escaped wherever
//! they are shown.

use scraper::Html;

use crate::harness::{Fixture, all, is_page, one, text};

const HOSTILE_NOTE: &str = r#"---
date: 2026-11-01
title: Hostile note
kind: "<b onclick=alert(9)>review</b>"
topics: ["\"><img src=x onerror=alert(6)>"]
goals:
  - id: lead
    title: "Lead\" onmouseover=\"alert(7)"
    steps: ["<script>alert(8)</script>"]
    progress: 10
commitments:
  - id: sneaky
    who: mentee
    what: "<img src=x onerror=alert(2)> follow up"
---
Before the script.

<script>alert("x")</script>

An image: <img src=x onerror=alert(1)> and a [click](javascript:alert(1)) link,
a [sneaky one](JaVaScRiPt:alert(3)) and an <a href="javascript:alert(4)">inline one</a>.

<div onclick="alert(5)">Clickable</div>

After the script.
"#;

/// Every element of `page` carrying an `on…` attribute, as HTML.
fn with_event_handlers(page: &Html) -> Vec<String> {
    all(page.root_element(), "*")
        .into_iter()
        .filter(|el| {
            el.value()
                .attrs()
                .any(|(name, _)| name.to_ascii_lowercase().starts_with("on"))
        })
        .map(|el| el.html())
        .collect()
}

/// Every `href`/`src` of `page` that uses the `javascript:` scheme.
fn javascript_urls(page: &Html) -> Vec<String> {
    all(page.root_element(), "[href], [src]")
        .into_iter()
        .filter_map(|el| el.attr("href").or_else(|| el.attr("src")))
        .filter(|url| url.trim().to_ascii_lowercase().starts_with("javascript:"))
        .map(str::to_string)
        .collect()
}

#[test]
fn raw_html_in_notes_is_sanitised() {
    let fixture = Fixture::new(&[("sessions/2026-11-01-hostile.md", HOSTILE_NOTE)]);
    let built = fixture.build();
    let page = built.page("sessions/2026-11-01-hostile.html");
    let note = one(page.root_element(), "main .note");
    assert!(all(note, "script").is_empty(), "{}", note.html());
    assert!(
        with_event_handlers(&page).is_empty(),
        "{:?}",
        with_event_handlers(&page)
    );
    assert!(javascript_urls(&page).is_empty(), "{:?}", javascript_urls(&page));
    // The text around the removed parts is still there.
    let shown = text(note);
    for kept in [
        "Before the script.",
        "After the script.",
        "click",
        "sneaky one",
        "inline one",
        "Clickable",
    ] {
        assert!(shown.contains(kept), "`{kept}` is missing from: {shown}");
    }
}

#[test]
fn no_page_of_a_hostile_journal_runs_script() {
    let fixture = Fixture::new(&[
        (
            "journal.yaml",
            "title: \"Pair <script>alert('t')</script>\"\nmentor: \"Dana <img src=x onerror=alert(1)>\"\nmentee: Sam\n",
        ),
        ("sessions/2026-11-01-hostile.md", HOSTILE_NOTE),
    ]);
    let built = fixture.build();
    for (path, _) in built.files.iter().filter(|(p, _)| is_page(p)) {
        let page = built.page(path);
        let scripts: Vec<String> = all(page.root_element(), "script")
            .into_iter()
            .filter(|s| text(*s).contains("alert"))
            .map(|s| s.html())
            .collect();
        assert!(scripts.is_empty(), "{path}: {scripts:?}");
        assert!(
            with_event_handlers(&page).is_empty(),
            "{path}: {:?}",
            with_event_handlers(&page)
        );
        assert!(
            javascript_urls(&page).is_empty(),
            "{path}: {:?}",
            javascript_urls(&page)
        );
    }
    let home = built.page("index.html");
    let title = text(one(home.root_element(), "main h1"));
    assert_eq!(title, "Pair <script>alert('t')</script>", "shown literally, as text");
}

#[test]
fn title_with_markup_is_shown_literally() {
    let fixture = Fixture::new(&[(
        "sessions/2026-04-16-saying-no.md",
        "---\ndate: 2026-04-16\ntitle: \"Saying <b>no</b>\"\ntopics: [\"<i>tag</i>\"]\n---\nBody.\n",
    )]);
    let built = fixture.build();
    let page = built.page("sessions/2026-04-16-saying-no.html");
    let h1 = one(page.root_element(), "main h1");
    assert!(text(h1).contains("Saying <b>no</b>"), "{}", h1.html());
    assert!(
        all(h1, "b").is_empty(),
        "the title's markup became an element: {}",
        h1.html()
    );
    let head_title = text(one(page.root_element(), "head title"));
    assert!(head_title.starts_with("Saying <b>no</b>"), "{head_title}");
    let topic = one(page.root_element(), "header.session-head ul.topics a");
    assert_eq!(text(topic), "<i>tag</i>");
    assert!(all(topic, "i").is_empty());

    let timeline = built.page("timeline.html");
    let card_title = one(timeline.root_element(), ".session-card .session-title");
    assert!(text(card_title).contains("Saying <b>no</b>"), "{}", card_title.html());
    assert!(all(card_title, "b").is_empty(), "{}", card_title.html());
}

#[test]
fn raw_html_true_keeps_markup_as_written() {
    let fixture = Fixture::new(&[
        ("journal.yaml", "title: T\nmentor: A\nmentee: B\nraw_html: true\n"),
        (
            "sessions/2026-11-01-embed.md",
            "---\ndate: 2026-11-01\n---\n<details open><summary>More</summary>Hidden detail</details>\n\n<span style=\"color: red\">Red</span>\n",
        ),
    ]);
    let built = fixture.build();
    let page = built.page("sessions/2026-11-01-embed.html");
    let note = one(page.root_element(), "main .note");
    assert_eq!(one(note, "span").attr("style"), Some("color: red"));
    assert_eq!(all(note, "details[open] > summary").len(), 1);
}
