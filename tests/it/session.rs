//! A session's page: the note with heading anchors and resolved links between notes, the
//! goals it moved (before → after), the commitments it made and closed, and links to the
//! previous and next sessions that have a page.

use scraper::{ElementRef, Html};

use crate::harness::{Built, Fixture, all, next_element, one, resolve_href, text};

const INTRO: &str = "---
date: 2026-01-08
title: Intro
kind: intro
duration: 75
goals:
  - id: lead
    title: Lead a group
    horizon: career
    progress: 10
    steps: [Hire a PM, Run the review]
commitments:
  - id: send-template
    who: mentor
    what: Send the roadmap template
    due: next
  - id: book-room
    who: mentee
    what: Book a room for the offsite
---
# Getting started
";

const ROADMAP: &str = "---
date: 2026-01-22
title: Roadmap conflict
goals:
  - id: lead
    progress: 35
    done: [Hire a PM]
    note: Hired Ana
commitments:
  - id: send-template
    status: done
  - id: book-room
    status: dropped
  - id: trade-off
    who: mentee
    what: Write a trade-off note
    due: 2026-02-05
---
## What we talked about

See [the markdown link](other-note.md), [[other-note]], [[other-note|the aliased wikilink]]
and [its next steps](other-note.md#next-steps).

Also [the secret one](secret-note.md) and [[secret-note|hidden alias]].

## What we talked about

Again, [back to the top](#what-we-talked-about).
";

const SECRET: &str = "---
date: 2026-01-29
title: Secret canary
private: true
---
Private canary.
";

const OTHER: &str = "---
date: 2026-02-05
title: Other note
---
## Next steps

Done.
";

fn built() -> Built {
    Fixture::new(&[
        ("sessions/2026-01-08-intro.md", INTRO),
        ("sessions/2026-01-22-roadmap.md", ROADMAP),
        ("sessions/secret-note.md", SECRET),
        ("sessions/other-note.md", OTHER),
    ])
    .build()
}

const PAGE: &str = "sessions/2026-01-22-roadmap.html";

fn note(page: &Html) -> ElementRef<'_> {
    one(page.root_element(), "main .note")
}

#[test]
fn session_page_links_to_previous_and_next_sessions_with_a_page() {
    let built = built();
    let page = built.page(PAGE);
    let prev = one(page.root_element(), "nav.prev-next a[rel=prev]");
    let next = one(page.root_element(), "nav.prev-next a[rel=next]");
    assert_eq!(
        resolve_href(PAGE, prev.attr("href").unwrap_or_default()).0,
        "sessions/2026-01-08-intro.html"
    );
    assert!(text(prev).contains("Intro"), "{}", text(prev));
    // The private session in between has no page, so "next" skips it.
    assert_eq!(
        resolve_href(PAGE, next.attr("href").unwrap_or_default()).0,
        "sessions/other-note.html"
    );
    assert!(text(next).contains("Other note"), "{}", text(next));
    let first = built.page("sessions/2026-01-08-intro.html");
    assert!(
        all(first.root_element(), "nav.prev-next a[rel=prev]").is_empty(),
        "the first session has no previous"
    );
    let last = built.page("sessions/other-note.html");
    assert!(
        all(last.root_element(), "nav.prev-next a[rel=next]").is_empty(),
        "the last session has no next"
    );
}

#[test]
fn session_page_shows_goal_progress_before_and_after() {
    let built = built();
    let page = built.page(PAGE);
    let goals = one(page.root_element(), "section[aria-labelledby=goals-moved-h]");
    let moves = all(goals, "ul.moves > li");
    assert_eq!(moves.len(), 1);
    let link = one(moves[0], "a");
    assert_eq!(text(link), "Lead a group");
    assert_eq!(
        resolve_href(PAGE, link.attr("href").unwrap_or_default()).0,
        "goals/lead.html"
    );
    let change = text(one(moves[0], ".progress-change"));
    assert!(change.starts_with("10% → 35%"), "{change}");
    let item = text(moves[0]);
    assert!(item.contains("✓ Hire a PM"), "{item}");
    assert!(item.contains("Hired Ana"), "{item}");
}

#[test]
fn session_page_lists_commitments_made_and_closed() {
    let built = built();
    let page = built.page(PAGE);
    let panel = one(page.root_element(), "section[aria-labelledby=commit-h]");
    let list_after = |heading: &str| -> Vec<String> {
        let h3 = all(panel, "h3").into_iter().find(|h| text(*h) == heading);
        let h3 = h3.unwrap_or_else(|| panic!("no `{heading}` list in {}", panel.html()));
        let list = next_element(h3).expect("a list after the heading");
        all(list, "li").into_iter().map(text).collect()
    };
    let made = list_after("Made");
    assert_eq!(made.len(), 1, "{made:?}");
    assert!(made[0].contains("Write a trade-off note"), "{made:?}");
    let closed = list_after("Closed");
    assert_eq!(closed.len(), 2, "{closed:?}");
    assert!(
        closed
            .iter()
            .any(|c| c.starts_with("done") && c.contains("Send the roadmap template")),
        "{closed:?}"
    );
    assert!(
        closed
            .iter()
            .any(|c| c.starts_with("dropped") && c.contains("Book a room")),
        "{closed:?}"
    );
    for a in all(panel, "a[href]") {
        let (target, fragment) = resolve_href(PAGE, a.attr("href").unwrap_or_default());
        assert_eq!(target, "commitments.html");
        assert!(fragment.is_some_and(|f| f.starts_with("c-")), "{}", a.html());
    }
}

#[test]
fn note_headings_get_git_host_style_ids() {
    let built = built();
    let page = built.page(PAGE);
    let ids: Vec<&str> = all(note(&page), "h2")
        .into_iter()
        .filter_map(|h| h.attr("id"))
        .collect();
    assert_eq!(ids, ["what-we-talked-about", "what-we-talked-about-1"]);
    let other = built.page("sessions/other-note.html");
    assert_eq!(all(note(&other), "h2#next-steps").len(), 1);
}

#[test]
fn links_and_wikilinks_between_notes_resolve_to_session_pages() {
    let built = built();
    let page = built.page(PAGE);
    let links: Vec<(String, (String, Option<String>))> = all(note(&page), "a[href]")
        .into_iter()
        .map(|a| (text(a), resolve_href(PAGE, a.attr("href").unwrap_or_default())))
        .collect();
    let to_other = ("sessions/other-note.html".to_string(), None);
    let find = |label: &str| {
        let found = links.iter().find(|(t, _)| t == label);
        found.map_or_else(|| panic!("no link `{label}`: {links:?}"), |(_, target)| target.clone())
    };
    assert_eq!(find("the markdown link"), to_other);
    assert_eq!(find("other-note"), to_other);
    assert_eq!(find("the aliased wikilink"), to_other);
    assert_eq!(
        find("its next steps"),
        ("sessions/other-note.html".to_string(), Some("next-steps".to_string()))
    );
    assert_eq!(
        find("back to the top"),
        (PAGE.to_string(), Some("what-we-talked-about".to_string()))
    );
    for a in all(note(&page), "a[href]") {
        let href = a.attr("href").unwrap_or_default();
        assert!(!href.contains(".md"), "a link still points at a Markdown file: {href}");
    }
}

#[test]
fn links_to_a_private_note_become_plain_text() {
    let built = built();
    let page = built.page(PAGE);
    let note = note(&page);
    let labels: Vec<String> = all(note, "a").into_iter().map(text).collect();
    assert!(
        !labels.iter().any(|l| l == "the secret one" || l == "hidden alias"),
        "{labels:?}"
    );
    let shown = text(note);
    assert!(shown.contains("the secret one"), "the link text stays: {shown}");
    assert!(shown.contains("hidden alias"), "the wikilink's text stays: {shown}");
    assert!(!note.html().contains("secret-note"), "{}", note.html());
    assert!(
        !built.files.keys().any(|p| p.contains("secret")),
        "{:?}",
        built.files.keys()
    );
}

#[test]
fn session_header_shows_date_kind_and_duration() {
    let built = built();
    let page = built.page("sessions/2026-01-08-intro.html");
    let head = one(page.root_element(), "header.session-head");
    assert_eq!(one(head, "time").attr("datetime"), Some("2026-01-08"));
    assert_eq!(text(one(head, "time")), "8 Jan 2026");
    let line = text(one(head, ".session-date"));
    assert!(line.contains("intro") && line.contains("75 min"), "{line}");
    assert_eq!(text(one(head, "h1")), "Intro");
}

#[test]
fn planned_session_page_is_marked_upcoming() {
    let built = Fixture::new(&[
        ("sessions/2026-01-08-intro.md", INTRO),
        (
            "sessions/2026-12-03-planned.md",
            "---\ndate: 2026-12-03\ntitle: Year end\n---\nAgenda.\n",
        ),
    ])
    .build();
    let page = built.page("sessions/2026-12-03-planned.html");
    assert_eq!(text(one(page.root_element(), "main h1 .badge-upcoming")), "upcoming");
}

#[test]
fn title_falls_back_to_first_heading_then_file_name() {
    let built = Fixture::new(&[
        ("sessions/2026-01-08-intro.md", INTRO),
        (
            "sessions/2026-01-22-roadmap-review.md",
            "---\ndate: 2026-01-22\n---\nNo heading here.\n",
        ),
    ])
    .build();
    let page = built.page("sessions/2026-01-08-intro.html");
    assert_eq!(
        text(one(page.root_element(), "main h1")),
        "Intro",
        "the front-matter title wins"
    );
    let page = built.page("sessions/2026-01-22-roadmap-review.html");
    assert_eq!(text(one(page.root_element(), "main h1")), "Roadmap review");
    let heading_only = Fixture::new(&[(
        "sessions/2026-01-08-x.md",
        "---\ndate: 2026-01-08\n---\n## First *heading*\n",
    )])
    .build();
    let page = heading_only.page("sessions/2026-01-08-x.html");
    assert_eq!(text(one(page.root_element(), "main h1")), "First heading");
}

#[test]
fn colliding_page_names_get_numbered_in_path_order() {
    let built = Fixture::new(&[
        ("sessions/A b.md", "---\ndate: 2026-01-08\ntitle: First\n---\nOne.\n"),
        ("sessions/a-b.md", "---\ndate: 2026-01-01\ntitle: Second\n---\nTwo.\n"),
    ])
    .build();
    let title = |path: &str| text(one(built.page(path).root_element(), "main h1"));
    assert_eq!(title("sessions/a-b.html"), "First");
    assert_eq!(title("sessions/a-b-2.html"), "Second");
}

#[test]
fn link_to_a_missing_note_is_a_warning_and_plain_text() {
    let built = Fixture::new(&[(
        "sessions/2026-01-08-intro.md",
        "---\ndate: 2026-01-08\n---\nSee [the plan](plan.md) and [[nowhere]].\n",
    )])
    .build();
    let page = built.page("sessions/2026-01-08-intro.html");
    let note = note(&page);
    assert!(all(note, "a").is_empty(), "{}", note.html());
    assert_eq!(text(note), "See the plan and nowhere.");
    let rendered = built.rendered_diags();
    assert!(
        rendered.contains("2026-01-08-intro.md:4:5: warning: link `plan.md` points to a note that does not exist"),
        "{rendered}"
    );
    assert!(
        rendered.contains("warning: `[[nowhere]]` links to a note that does not exist"),
        "{rendered}"
    );
}

#[test]
fn notes_with_the_same_name_and_two_extensions_get_numbered_pages_and_links_reach_each() {
    let built = Fixture::new(&[
        ("journal.yaml", JOURNAL_WITH_URL),
        ("sessions/2026-01-08-a.md", "---\ndate: 2026-01-08\ntitle: From md\n---\nOne.\n"),
        (
            "sessions/2026-01-08-a.markdown",
            "---\ndate: 2026-01-08\ntitle: From markdown\n---\nTwo.\n",
        ),
        (
            "sessions/2026-01-09-b.md",
            "---\ndate: 2026-01-09\n---\n[md](2026-01-08-a.md) [markdown](2026-01-08-a.markdown) [[2026-01-08-a.md|wiki md]] [[2026-01-08-a.markdown|wiki markdown]]\n",
        ),
    ])
    .build();
    assert_eq!(
        built.count(mentorlog::diag::Severity::Warning),
        0,
        "{}",
        built.rendered_diags()
    );
    let title = |path: &str| text(one(built.page(path).root_element(), "main h1"));
    // `-2` in sorted order of the source paths: `a.markdown` sorts before `a.md`.
    assert_eq!(title("sessions/2026-01-08-a.html"), "From markdown");
    assert_eq!(title("sessions/2026-01-08-a-2.html"), "From md");
    let from = "sessions/2026-01-09-b.html";
    let page = built.page(from);
    let links: Vec<(String, String)> = all(note(&page), "a[href]")
        .into_iter()
        .map(|a| (text(a), resolve_href(from, a.attr("href").unwrap_or_default()).0))
        .collect();
    let md = "sessions/2026-01-08-a-2.html".to_string();
    let markdown = "sessions/2026-01-08-a.html".to_string();
    assert_eq!(
        links,
        [
            ("md".to_string(), md.clone()),
            ("markdown".to_string(), markdown.clone()),
            ("wiki md".to_string(), md),
            ("wiki markdown".to_string(), markdown),
        ]
    );
}

/// A journal with a base URL (so the build has nothing to say about the feed's links).
const JOURNAL_WITH_URL: &str = "title: T\nmentor: Dana\nmentee: Sam\nbase_url: https://example.org/j/\n";

/// The HTML inside the feed's first `<content>`, unescaped.
fn feed_content(feed: &str) -> String {
    let content = feed
        .split("<content type=\"html\">")
        .nth(1)
        .and_then(|c| c.split("</content>").next())
        .expect("an entry with content");
    content
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn email_autolinks_become_mailto_links_and_mailto_links_stay() {
    for raw_html in [false, true] {
        let yaml = format!("{JOURNAL_WITH_URL}raw_html: {raw_html}\n");
        let built = Fixture::new(&[
            ("journal.yaml", &yaml),
            (
                "sessions/2026-01-08-a.md",
                "---\ndate: 2026-01-08\n---\nWrite to <sam@example.org>, [Dana](mailto:dana@example.org), <mailto:lee@example.org> or <span class=\"x\"><foo+special@Bar.baz-bar0.com></span>.\n",
            ),
        ])
        .build();
        assert_eq!(
            built.count(mentorlog::diag::Severity::Warning),
            0,
            "{}",
            built.rendered_diags()
        );
        for html in [
            built.page("sessions/2026-01-08-a.html").root_element().html(),
            feed_content(built.text("feed.xml")),
        ] {
            let html = Html::parse_fragment(&html);
            let scope = all(html.root_element(), ".note")
                .into_iter()
                .next()
                .unwrap_or_else(|| html.root_element());
            let links: Vec<(String, &str)> = all(scope, "a[href]")
                .into_iter()
                .map(|a| (text(a), a.attr("href").unwrap_or_default()))
                .collect();
            assert_eq!(
                links,
                [
                    ("sam@example.org".to_string(), "mailto:sam@example.org"),
                    ("Dana".to_string(), "mailto:dana@example.org"),
                    ("mailto:lee@example.org".to_string(), "mailto:lee@example.org"),
                    (
                        "foo+special@Bar.baz-bar0.com".to_string(),
                        "mailto:foo+special@Bar.baz-bar0.com"
                    ),
                ],
                "raw_html: {raw_html}"
            );
        }
    }
}

#[test]
fn empty_destinations_link_to_the_page_itself_on_the_page_and_in_the_feed() {
    let built = Fixture::new(&[
        ("journal.yaml", JOURNAL_WITH_URL),
        (
            "sessions/2026-01-08-a.md",
            "---\ndate: 2026-01-08\n---\n[top]() and [x](<>) and [ref] and []().\n\n[ref]: <>\n",
        ),
    ])
    .build();
    assert_eq!(
        built.count(mentorlog::diag::Severity::Warning),
        0,
        "{}",
        built.rendered_diags()
    );
    let from = "sessions/2026-01-08-a.html";
    let page = built.page(from);
    let links: Vec<(String, (String, Option<String>))> = all(note(&page), "a[href]")
        .into_iter()
        .map(|a| (text(a), resolve_href(from, a.attr("href").unwrap_or_default())))
        .collect();
    let itself = (from.to_string(), None);
    assert_eq!(
        links,
        [
            ("top".to_string(), itself.clone()),
            ("x".to_string(), itself.clone()),
            ("ref".to_string(), itself.clone()),
            (String::new(), itself),
        ]
    );
    // In the feed, the entry's own address (`href=""` there would lead to the feed).
    let feed = built.text("feed.xml");
    let entry = feed
        .split("type=\"text/html\" href=\"")
        .nth(2)
        .and_then(|r| r.split('"').next())
        .expect("the entry's link");
    let content = Html::parse_fragment(&feed_content(feed));
    let hrefs: Vec<&str> = all(content.root_element(), "a")
        .into_iter()
        .filter_map(|a| a.attr("href"))
        .collect();
    assert_eq!(hrefs, [entry; 4]);
}
