//! The Atom feed of a journal or a program. Dates are the sessions' own (never the build
//! time), so the feed is byte-identical for the same input and build date.

use std::fmt::Write as _;

use crate::model::{Journal, Session};
use crate::render::links::{Linker, session_path};

/// How many sessions a journal's feed carries.
pub const FEED_ENTRIES: usize = 50;

/// Escapes text for XML content and double-quoted attributes.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

/// An entry of a feed, ready to write.
#[derive(Debug, Clone)]
pub struct FeedEntry {
    /// Entry title.
    pub title: String,
    /// Absolute URL, or a path relative to the feed.
    pub href: String,
    /// `urn:uuid:` or the absolute URL.
    pub id: String,
    /// The session's date.
    pub date: chrono::NaiveDate,
    /// Escaped-later HTML of the note, or a summary.
    pub content_html: String,
}

/// The feed's entries for a journal: newest held sessions that have a page, newest first.
/// `links` go from the feed to the journal's pages (absolute with a base URL; relative, or
/// into the journal's folder in a program, without one).
pub fn journal_entries(journal: &Journal, links: &Linker, note_html: &dyn Fn(&Session) -> String) -> Vec<FeedEntry> {
    let absolute = links.is_absolute();
    journal
        .sessions
        .iter()
        .rev()
        .filter(|s| s.held() && s.slug_path.is_some())
        .take(FEED_ENTRIES)
        .filter_map(|s| {
            let path = session_path(s.slug_path.as_deref()?);
            let href = links.to(&path);
            let id = if absolute {
                href.clone()
            } else {
                let name = format!("{}\n{path}", journal.config.title);
                format!(
                    "urn:uuid:{}",
                    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes())
                )
            };
            Some(FeedEntry {
                title: s.title.clone().unwrap_or_default(),
                href,
                id,
                date: s.date,
                content_html: note_html(s),
            })
        })
        .collect()
}

/// An Atom feed. `self_href` is the feed's own URL (absolute, or `feed.xml`).
pub fn atom(title: &str, author: &str, self_href: &str, home_href: &str, entries: &[FeedEntry]) -> String {
    let feed_id = if self_href.starts_with("http") {
        self_href.to_string()
    } else {
        format!(
            "urn:uuid:{}",
            uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, title.as_bytes())
        )
    };
    let updated = entries.iter().map(|e| e.date).max();
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    let _ = writeln!(out, "  <title>{}</title>", xml_escape(title));
    let _ = writeln!(out, "  <id>{}</id>", xml_escape(&feed_id));
    let _ = writeln!(out, "  <link rel=\"self\" href=\"{}\"/>", xml_escape(self_href));
    let _ = writeln!(
        out,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        xml_escape(home_href)
    );
    let _ = writeln!(out, "  <author><name>{}</name></author>", xml_escape(author));
    let _ = writeln!(
        out,
        "  <updated>{}</updated>",
        updated.map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |d| format!("{d}T00:00:00Z"))
    );
    let _ = writeln!(out, "  <generator>mentorlog</generator>");
    for e in entries {
        out.push_str("  <entry>\n");
        let _ = writeln!(out, "    <title>{}</title>", xml_escape(&e.title));
        let _ = writeln!(
            out,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            xml_escape(&e.href)
        );
        let _ = writeln!(out, "    <id>{}</id>", xml_escape(&e.id));
        let _ = writeln!(out, "    <updated>{}T00:00:00Z</updated>", e.date);
        let _ = writeln!(
            out,
            "    <content type=\"html\">{}</content>",
            xml_escape(&e.content_html)
        );
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}
