//! Every URL the site writes is made here: relative between pages (so the site works
//! from disk and under any sub-path) and naming a file, never a folder. The 404 page is
//! the exception: hosts serve it at any depth, so its links are absolute from the base
//! URL when known, else root-relative. Templates never build URLs.

use std::collections::HashMap;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::load::markdown::PLACEHOLDER;
use crate::site::SitePath;

/// Characters kept as they are in a path segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// Percent-encodes each `/`-separated part of a site path.
pub fn encode_path(path: &str) -> String {
    // Most paths are slugs already: nothing to encode.
    if path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/'))
    {
        return path.to_string();
    }
    path.split('/')
        .map(|part| utf8_percent_encode(part, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// The site path of a session page.
pub fn session_path(slug_path: &str) -> String {
    format!("sessions/{slug_path}.html")
}

/// The site path of a goal page.
pub fn goal_path(id: &str) -> String {
    format!("goals/{id}.html")
}

/// The site path of a topic page.
pub fn topic_path(slug: &str) -> String {
    format!("topics/{slug}.html")
}

/// The site path of a copied static file.
pub fn static_path(rel: &str) -> String {
    format!("static/{rel}")
}

/// Makes links for one page.
#[derive(Debug, Clone)]
pub struct Linker {
    prefix: String,
    /// Prefix for files outside the journal's own folder (a program's shared `assets/`
    /// and home); the same as `prefix` for a journal published on its own.
    outer: String,
}

impl Linker {
    /// Links relative to the page at `from`.
    pub fn relative(from: &SitePath) -> Linker {
        let prefix = "../".repeat(from.depth());
        Linker {
            outer: prefix.clone(),
            prefix,
        }
    }

    /// Links from a file at the site's root (feed.xml, the search index).
    pub fn at_root() -> Linker {
        Linker {
            prefix: String::new(),
            outer: String::new(),
        }
    }

    /// Links for the 404 page: from the base URL when known, else from the host's root.
    pub fn rooted(base_url: Option<&str>) -> Linker {
        let prefix = match base_url {
            Some(url) if url.ends_with('/') => url.to_string(),
            Some(url) => format!("{url}/"),
            None => "/".to_string(),
        };
        Linker {
            outer: prefix.clone(),
            prefix,
        }
    }

    /// The same links, for a journal published in a program folder one level down: files
    /// outside the journal (`outer`) are one more folder up.
    #[must_use]
    pub fn in_program(mut self) -> Linker {
        if !self.prefix.contains("://") && !self.prefix.starts_with('/') {
            self.outer = format!("{}../", self.prefix);
        }
        self
    }

    /// How many folders up the links climb, for links relative to the page (not for the
    /// 404 page's absolute ones): pages of the same depth share link text.
    pub fn depth(&self) -> Option<usize> {
        let ups = self.prefix.len() / 3;
        (self.prefix == "../".repeat(ups)).then_some(ups)
    }

    /// The href of a file at the program's root (or the journal's, when on its own).
    pub fn outer(&self, to: &str) -> String {
        format!("{}{}", self.outer, encode_path(to))
    }

    /// The href of the site file at `to`.
    pub fn to(&self, to: &str) -> String {
        format!("{}{}", self.prefix, encode_path(to))
    }
}

/// Resolves the link placeholders of a note's HTML for the page it appears on: links to
/// published notes and static files get relative hrefs; links to notes without a page
/// (private, draft) lose their `<a>` and stay as plain text.
pub fn resolve_placeholders(
    html: &str,
    linker: &Linker,
    note_pages: &HashMap<usize, String>,
    statics: &[String],
) -> String {
    // Notes are long and placeholders few: find them with a SIMD search.
    let needle = format!("\"{PLACEHOLDER}");
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = finder.find(rest.as_bytes()) {
        let (before, after) = rest.split_at(at + 1);
        let end = after.find('"').unwrap_or(after.len());
        let token = &after[PLACEHOLDER.len()..end];
        let (target, fragment) = token.split_once('#').map_or((token, ""), |(t, f)| (t, f));
        let bare_wiki = target.starts_with("wiki/");
        let href = if let Some(n) = target.strip_prefix("note/").or_else(|| target.strip_prefix("wiki/")) {
            n.parse::<usize>()
                .ok()
                .and_then(|n| note_pages.get(&n))
                .map(|p| linker.to(p))
        } else if let Some(n) = target.strip_prefix("static/") {
            n.parse::<usize>()
                .ok()
                .and_then(|n| statics.get(n))
                .map(|p| linker.to(&static_path(p)))
        } else {
            None
        };
        match href {
            Some(href) => {
                out.push_str(before);
                out.push_str(&href);
                if !fragment.is_empty() {
                    out.push('#');
                    out.push_str(fragment);
                }
                rest = &after[end..];
            }
            None => {
                // Drop the whole opening tag (`<a href="…" …>`) and later its `</a>`.
                let tag_start = before.rfind('<').unwrap_or(before.len());
                out.push_str(&before[..tag_start]);
                let tag_end = after.find('>').map_or(after.len(), |i| i + 1);
                rest = &after[tag_end..];
                if let Some(close) = memchr::memmem::find(rest.as_bytes(), b"</a>") {
                    // A bare wikilink's text is the unpublished note's file name.
                    out.push_str(if bare_wiki {
                        "an unpublished note"
                    } else {
                        &rest[..close]
                    });
                    rest = &rest[close + 4..];
                }
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_climb_to_the_root() {
        let from = SitePath::new("sessions/2026/a.html");
        let linker = from.as_ref().map(Linker::relative);
        assert_eq!(linker.map(|l| l.to("goals.html")), Some("../../goals.html".to_string()));
        assert_eq!(Linker::rooted(None).to("topics/café.html"), "/topics/caf%C3%A9.html");
        assert_eq!(
            Linker::rooted(Some("https://x.org/j")).to("goals.html"),
            "https://x.org/j/goals.html"
        );
    }

    #[test]
    fn placeholders_resolve_or_become_text() {
        let mut pages = HashMap::new();
        pages.insert(0, "sessions/a.html".to_string());
        let html = r#"<p><a href="mentorlog:note/0#x">A</a> <a href="mentorlog:note/1">B <em>b</em></a> <img src="mentorlog:static/0" alt="c"> <a href="mentorlog:wiki/1">2026-05-28-frank-talk</a></p>"#;
        let from = SitePath::new("sessions/b.html");
        let out = from.map(|f| resolve_placeholders(html, &Linker::relative(&f), &pages, &["c.png".to_string()]));
        assert_eq!(
            out.as_deref(),
            Some(
                r#"<p><a href="../sessions/a.html#x">A</a> B <em>b</em> <img src="../static/c.png" alt="c"> an unpublished note</p>"#
            )
        );
    }
}
