//! The Atom feed of a journal or a program. Dates are the sessions' own (never the build
//! time), so the feed is byte-identical for the same input and build date.

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

/// Text escaped for XML as it is written, without a copy: a note's HTML in the feed is
/// as large as the note's page.
struct Escaped<'a>(&'a str);

impl std::fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        pulldown_cmark_escape::escape_html(pulldown_cmark_escape::FmtWriter(f), self.0)
    }
}

/// An Atom feed. `self_href` is the feed's own URL (absolute, or `feed.xml`).
pub fn atom(title: &str, author: &str, self_href: &str, home_href: &str, entries: &[FeedEntry]) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_atom(&mut out, title, author, self_href, home_href, entries);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the Atom feed `atom` returns to `out`, piece by piece: a sink that writes to
/// disk never holds it whole (a note of 10 MB is 20 MB in the feed, escaped).
///
/// # Errors
///
/// What `out` returns when a write fails.
pub fn write_atom(
    out: &mut dyn std::io::Write,
    title: &str,
    author: &str,
    self_href: &str,
    home_href: &str,
    entries: &[FeedEntry],
) -> std::io::Result<()> {
    let feed_id = if self_href.starts_with("http") {
        self_href.to_string()
    } else {
        format!(
            "urn:uuid:{}",
            uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, title.as_bytes())
        )
    };
    let updated = entries.iter().map(|e| e.date).max();
    out.write_all(b"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")?;
    writeln!(out, "  <title>{}</title>", Escaped(title))?;
    writeln!(out, "  <id>{}</id>", Escaped(&feed_id))?;
    writeln!(out, "  <link rel=\"self\" href=\"{}\"/>", Escaped(self_href))?;
    writeln!(
        out,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        Escaped(home_href)
    )?;
    writeln!(out, "  <author><name>{}</name></author>", Escaped(author))?;
    writeln!(
        out,
        "  <updated>{}</updated>",
        updated.map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |d| format!("{d}T00:00:00Z"))
    )?;
    writeln!(out, "  <generator>mentorlog</generator>")?;
    for e in entries {
        out.write_all(b"  <entry>\n")?;
        writeln!(out, "    <title>{}</title>", Escaped(&e.title))?;
        writeln!(
            out,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            Escaped(&e.href)
        )?;
        writeln!(out, "    <id>{}</id>", Escaped(&e.id))?;
        writeln!(out, "    <updated>{}T00:00:00Z</updated>", e.date)?;
        writeln!(out, "    <content type=\"html\">{}</content>", Escaped(&e.content_html))?;
        out.write_all(b"  </entry>\n")?;
    }
    out.write_all(b"</feed>\n")
}
