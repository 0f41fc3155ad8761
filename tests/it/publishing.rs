//! A journal's publishing outputs: the Atom feed (newest first, absolute with a base URL,
//! `urn:uuid:` ids without one), the sitemap (only with a base URL), robots.txt, and the
//! search index (public sessions only, titles, topics and words of the notes).

use mentorlog::BuildOptions;

use crate::harness::{Fixture, build, example, example_dir, one, text};

/// (href, id, updated) of every feed entry, in order.
fn entries(feed: &str) -> Vec<(String, String, String)> {
    let between = |s: &str, open: &str, close: &str| {
        s.split(open)
            .nth(1)
            .and_then(|r| r.split(close).next())
            .unwrap_or("")
            .to_string()
    };
    feed.split("<entry>")
        .skip(1)
        .map(|e| {
            (
                between(e, "type=\"text/html\" href=\"", "\""),
                between(e, "<id>", "</id>"),
                between(e, "<updated>", "</updated>"),
            )
        })
        .collect()
}

#[test]
fn the_feed_lists_held_public_sessions_newest_first_with_relative_links_and_uuid_ids() {
    let site = example();
    let feed = site.text("feed.xml");
    let list = entries(feed);
    assert_eq!(
        list.len(),
        16,
        "17 held sessions minus the private one (no planned, no draft)"
    );
    let dates: Vec<&str> = list.iter().map(|(_, _, d)| d.as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "newest first");
    assert_eq!(dates[0], "2026-11-12T00:00:00Z");
    for (href, id, _) in &list {
        assert!(site.has(href), "{href} is a page of the site");
        assert!(id.starts_with("urn:uuid:") && id.len() == 45, "{id}");
    }
    assert!(!feed.contains("2026-12-03"), "planned sessions are not in the feed");
    assert!(!site.has("sitemap.xml"), "no sitemap without a base URL");
    assert_eq!(site.text("robots.txt"), "User-agent: *\nAllow: /\n");
}

#[test]
fn with_a_base_url_feed_links_are_absolute_and_the_sitemap_lists_every_page() {
    let options = BuildOptions {
        base_url: Some("https://mentoring.example.org/sam-dana".into()),
        ..BuildOptions::default()
    };
    let site = build(&example_dir(), &options);
    for (href, id, _) in entries(site.text("feed.xml")) {
        assert!(
            href.starts_with("https://mentoring.example.org/sam-dana/sessions/"),
            "{href}"
        );
        assert_eq!(id, href);
    }
    let sitemap = site.text("sitemap.xml");
    let listed: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|s| s.split("</loc>").next().unwrap_or(""))
        .collect();
    let pages: Vec<String> = site
        .files
        .keys()
        .filter(|p| p.ends_with(".html") && p.as_str() != "404.html")
        .map(|p| format!("https://mentoring.example.org/sam-dana/{p}"))
        .collect();
    let mut listed_sorted: Vec<String> = listed.iter().map(ToString::to_string).collect();
    listed_sorted.sort();
    assert_eq!(listed_sorted, pages);
    assert!(
        site.text("robots.txt")
            .contains("Sitemap: https://mentoring.example.org/sam-dana/sitemap.xml")
    );
}

#[test]
fn the_search_index_holds_public_sessions_with_their_words() {
    let fixture = Fixture::new(&[
        (
            "sessions/2026-10-01-a.md",
            "---\ndate: 2026-10-01\ntitle: Roadmap fight\ntopics: [roadmap]\n---\nWe argued about quarterly planning.\n\n<!-- private -->\nzebra secret\n<!-- /private -->\n",
        ),
        (
            "sessions/2026-10-15-b.md",
            "---\ndate: 2026-10-15\ntitle: Hidden one\nprivate: true\n---\nmoonlight\n",
        ),
    ]);
    let site = fixture.build();
    let script = site.text("search-index.js");
    let json = script
        .trim()
        .trim_start_matches("window.MENTORLOG_SEARCH = ")
        .trim_end_matches(';');
    let docs: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
    assert_eq!(docs.len(), 1, "{docs:?}");
    assert_eq!(docs[0]["t"], "Roadmap fight");
    assert_eq!(docs[0]["k"], "roadmap");
    assert!(docs[0]["x"].as_str().unwrap().contains("quarterly planning"));
    assert!(!script.contains("zebra") && !script.contains("moonlight") && !script.contains("Hidden one"));
    assert!(site.has(docs[0]["u"].as_str().unwrap()));
    let page = site.page("search.html");
    assert_eq!(one(page.root_element(), "label[for=q]").attr("for"), Some("q"));
    assert!(text(one(page.root_element(), "h1")).contains("Search"));
    let scripts: Vec<&str> = page
        .root_element()
        .select(&crate::harness::sel("script[src]"))
        .filter_map(|s| s.attr("src"))
        .collect();
    assert_eq!(
        scripts,
        ["search-index.js", "assets/search.js"],
        "the index is loaded as a script, so file:// works"
    );
}
