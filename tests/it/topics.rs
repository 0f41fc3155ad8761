//! Topics: an index of every topic linking to one page per topic, each listing exactly the
//! sessions that carry it, newest first; `tags` and `categories` join `topics`.

use std::collections::BTreeSet;

use crate::harness::{Fixture, all, example, is_page, one, text};

#[test]
fn topics_index_links_to_every_topic_page() {
    let built = example();
    let page = built.page("topics.html");
    let hrefs: BTreeSet<String> = all(page.root_element(), "ul.topic-index > li > h2 > a[href]")
        .iter()
        .map(|a| a.attr("href").unwrap_or_default().to_string())
        .collect();
    let pages: BTreeSet<String> = built
        .files
        .keys()
        .filter(|p| p.starts_with("topics/") && is_page(p))
        .cloned()
        .collect();
    assert!(pages.len() >= 10, "{pages:?}");
    assert_eq!(hrefs, pages, "the index links to every topic page and nothing else");
    for slug in ["career", "stakeholders", "discovery", "sales"] {
        assert!(hrefs.contains(&format!("topics/{slug}.html")), "{hrefs:?}");
    }
}

#[test]
fn topic_counts_on_the_index_match_the_topic_pages() {
    let built = example();
    let page = built.page("topics.html");
    for item in all(page.root_element(), "ul.topic-index > li") {
        let link = one(item, "h2 > a");
        let href = link.attr("href").unwrap_or_default();
        let count: usize = text(one(item, "h2 .count")).parse().expect("a count");
        let listed = all(item, "ul li").len();
        assert_eq!(count, listed, "{href}");
        let topic_page = built.page(href);
        assert_eq!(
            all(topic_page.root_element(), "main .session-card").len(),
            count,
            "{href}"
        );
        // The same sessions in the same order (newest first), by title and link.
        let listed: Vec<(String, String)> = all(item, "h2 + ul a[href]")
            .iter()
            .map(|a| (text(*a), a.attr("href").unwrap_or_default().to_string()))
            .collect();
        let carded: Vec<(String, String)> = all(topic_page.root_element(), "main .session-card h3.session-title a")
            .iter()
            .map(|a| {
                let href = a.attr("href").unwrap_or_default();
                (text(*a), href.strip_prefix("../").unwrap_or(href).to_string())
            })
            .collect();
        assert!(!listed.is_empty(), "{href}");
        assert_eq!(listed, carded, "{href}");
    }
}

fn fixture() -> Fixture {
    Fixture::new(&[
        (
            "sessions/2026-01-08-one.md",
            "---\ndate: 2026-01-08\ntitle: One\ntopics: [Hiring, Roadmap]\n---\nA.\n",
        ),
        (
            "sessions/2026-01-22-two.md",
            "---\ndate: 2026-01-22\ntitle: Two\ntags: [roadmap, feedback]\n---\nB.\n",
        ),
        (
            "sessions/2026-02-05-three.md",
            "---\ndate: 2026-02-05\ntitle: Three\ncategories: feedback\n---\nC.\n",
        ),
    ])
}

fn sessions_on(built: &crate::harness::Built, topic: &str) -> Vec<(String, String)> {
    let page = built.page(&format!("topics/{topic}.html"));
    all(page.root_element(), "main .session-card .session-title a")
        .into_iter()
        .map(|a| (text(a), a.attr("href").unwrap_or_default().to_string()))
        .collect()
}

#[test]
fn topic_page_lists_exactly_the_sessions_with_that_topic_newest_first() {
    let built = fixture().build();
    let two = ("Two".to_string(), "../sessions/2026-01-22-two.html".to_string());
    let one_ = ("One".to_string(), "../sessions/2026-01-08-one.html".to_string());
    let three = ("Three".to_string(), "../sessions/2026-02-05-three.html".to_string());
    assert_eq!(sessions_on(&built, "roadmap"), [two.clone(), one_.clone()]);
    assert_eq!(sessions_on(&built, "feedback"), [three, two]);
    assert_eq!(sessions_on(&built, "hiring"), [one_]);
    let topics: Vec<&String> = built.files.keys().filter(|p| p.starts_with("topics/")).collect();
    assert_eq!(
        topics,
        ["topics/feedback.html", "topics/hiring.html", "topics/roadmap.html"]
    );
}

#[test]
fn topic_keeps_its_first_spelling_and_session_pages_link_to_it() {
    let built = fixture().build();
    let page = built.page("topics/roadmap.html");
    assert_eq!(text(one(page.root_element(), "main h1")), "Roadmap");
    let session = built.page("sessions/2026-01-22-two.html");
    let links: Vec<(String, String)> = all(session.root_element(), "header.session-head ul.topics a")
        .into_iter()
        .map(|a| (text(a), a.attr("href").unwrap_or_default().to_string()))
        .collect();
    assert_eq!(
        links,
        [
            ("roadmap".to_string(), "../topics/roadmap.html".to_string()),
            ("feedback".to_string(), "../topics/feedback.html".to_string())
        ]
    );
}
