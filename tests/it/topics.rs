//! Topics: an index of every topic linking to one page per topic, each listing exactly the
//! sessions that carry it, newest first; `tags` and `categories` join `topics`.

use std::collections::BTreeSet;
use std::fmt::Write as _;

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

/// A note with `topics` topics and as many goals and commitments, built.
fn one_note_with(topics: usize) -> crate::harness::Built {
    let names: Vec<String> = (0..topics).map(|i| format!("t{i}")).collect();
    let mut front = format!("---\ndate: 2026-01-08\ntopics: [{}]\ngoals:\n", names.join(", "));
    for i in 0..topics {
        let _ = write!(front, "  - id: g{i}\n    title: Goal {i}\n");
    }
    front.push_str("commitments:\n");
    for i in 0..topics {
        let _ = write!(
            front,
            "  - id: c{i}\n    who: mentee\n    what: Thing {i}\n    due: next\n"
        );
    }
    Fixture::new(&[("sessions/2026-01-08-many.md", &format!("{front}---\nBody.\n"))]).build()
}

#[test]
fn a_session_card_lists_a_dozen_of_each_and_links_to_the_rest() {
    // A card is pasted on the page of each of its topics: listing every topic (and goal,
    // and commitment) on it made each topic page as long as the note's list, and the
    // site grow with its square (4,000 topics wrote 780 MB).
    let small = one_note_with(50);
    let big = one_note_with(200);
    let size = |built: &crate::harness::Built| built.text("topics/t7.html").len();
    let (small_page, big_page) = (size(&small), size(&big));
    assert!(
        big_page < small_page + 200,
        "a topic page's size does not grow with the note's topics: {small_page} bytes for 50, {big_page} for 200"
    );
    let page = big.page("topics/t7.html");
    let card = one(page.root_element(), "main .session-card");
    let topics: Vec<String> = all(card, "ul.topics li").into_iter().map(text).collect();
    assert_eq!(topics.len(), 13, "{topics:?}");
    assert_eq!(topics[..2], ["t0", "t1"]);
    assert_eq!(topics[12], "and 188 more");
    let moves: Vec<String> = all(card, "ul.moves li").into_iter().map(text).collect();
    assert_eq!(moves.len(), 25, "{moves:?}");
    assert_eq!(moves[24], "and 376 more");
    for more in all(card, "li > a").into_iter().filter(|a| text(*a).ends_with(" more")) {
        assert_eq!(more.attr("href"), Some("../sessions/2026-01-08-many.html"));
    }
    // The session's own page lists them all.
    let session = big.page("sessions/2026-01-08-many.html");
    assert_eq!(all(session.root_element(), "ul.topics li").len(), 200);
}
