//! GFM's extended autolinks: bare `https://…`, `http://…`, `www.…` and email addresses in
//! a note's text become links (trailing punctuation and unbalanced parentheses left out),
//! but never in code, inside a link or in raw HTML; links in a private block stay in it.

use mentorlog::BuildOptions;
use mentorlog::diag::Severity;

use crate::harness::{Fixture, all, build, one, text};

/// A journal with an address (so the only warnings are the notes').
const JOURNAL: &str = "title: T\nmentor: Dana Levi\nmentee: Sam Ortiz\nbase_url: https://example.org/\n";
const NOTE: &str = "sessions/2026-01-08-links.md";
const PAGE: &str = "sessions/2026-01-08-links.html";

/// The `(href, text)` of every link in the page's note.
fn links(built: &crate::harness::Built) -> Vec<(String, String)> {
    let page = built.page(PAGE);
    let note = one(page.root_element(), "main .note");
    all(note, "a[href]")
        .into_iter()
        .map(|a| (a.attr("href").unwrap_or_default().to_string(), text(a)))
        .collect()
}

fn pair(href: &str, words: &str) -> (String, String) {
    (href.to_string(), words.to_string())
}

#[test]
fn bare_urls_and_emails_in_text_become_links() {
    let note = "---\ndate: 2026-01-08\n---\nRead https://example.org/guide, then www.example.com/a_(b).\n\n\
                - ask sam@example.org (or http://example.net/x?y=1)!\n- Visit www.commonmark.org/help?\n";
    let fixture = Fixture::new(&[("journal.yaml", JOURNAL), (NOTE, note)]);
    let built = fixture.build();
    assert_eq!(
        links(&built),
        [
            pair("https://example.org/guide", "https://example.org/guide"),
            pair("http://www.example.com/a_(b)", "www.example.com/a_(b)"),
            pair("mailto:sam@example.org", "sam@example.org"),
            pair("http://example.net/x?y=1", "http://example.net/x?y=1"),
            pair("http://www.commonmark.org/help", "www.commonmark.org/help"),
        ]
    );
    let page = built.page(PAGE);
    let note = one(page.root_element(), "main .note");
    assert_eq!(all(note, "li a").len(), 3, "{}", note.html());
    assert_eq!(
        text(one(note, "p")),
        "Read https://example.org/guide, then www.example.com/a_(b)."
    );
    assert_eq!(built.count(Severity::Warning), 0, "{}", built.rendered_diags());
}

#[test]
fn code_existing_links_and_other_text_stay_as_written() {
    let note = "---\ndate: 2026-01-08\n---\nIn code `https://example.org/a` stays.\n\n\
                ```\nhttps://example.org/b sam@example.org\n```\n\n    www.example.com/indented\n\n\
                [the guide at https://example.org/c](https://example.org/d) and <https://example.org/e>.\n\n\
                ftp://example.org/f, example.com, file.txt and a.b@c are not links.\n\n\
                <a href=\"https://example.org/g\">see www.example.com/h</a> then www.example.com/i\n";
    let fixture = Fixture::new(&[("journal.yaml", JOURNAL), (NOTE, note)]);
    let built = fixture.build();
    assert_eq!(
        links(&built),
        [
            pair("https://example.org/d", "the guide at https://example.org/c"),
            pair("https://example.org/e", "https://example.org/e"),
            pair("https://example.org/g", "see www.example.com/h"),
            pair("http://www.example.com/i", "www.example.com/i"),
        ]
    );
    let page = built.page(PAGE);
    let note = one(page.root_element(), "main .note");
    assert_eq!(text(one(note, "p code")), "https://example.org/a");
    assert!(all(note, "pre a").is_empty(), "{}", note.html());
}

#[test]
fn a_link_in_a_private_block_stays_in_it() {
    let note = "---\ndate: 2026-01-08\n---\nPublic https://example.org/public\n\n\
                <!-- private -->\nSee https://example.org/secret-offer\n<!-- /private -->\n";
    let fixture = Fixture::new(&[("journal.yaml", JOURNAL), (NOTE, note)]);
    let built = fixture.build();
    assert_eq!(
        links(&built),
        [pair("https://example.org/public", "https://example.org/public")]
    );
    for (path, bytes) in &built.files {
        assert!(
            !String::from_utf8_lossy(bytes).contains("secret-offer"),
            "{path} holds the private link"
        );
    }
    let own = build(
        fixture.path(),
        &BuildOptions {
            include_private: true,
            ..BuildOptions::default()
        },
    );
    assert_eq!(
        links(&own),
        [
            pair("https://example.org/public", "https://example.org/public"),
            pair("https://example.org/secret-offer", "https://example.org/secret-offer"),
        ]
    );
}
