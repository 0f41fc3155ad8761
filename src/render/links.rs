//! Every URL the site writes is made here: relative between pages (so the site works
//! from disk and under any sub-path) and naming a file, never a folder. The 404 page is
//! the exception: hosts serve it at any depth, so its links are absolute from the base
//! URL when known, else root-relative. Templates never build URLs.

use std::collections::HashMap;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::site::SitePath;
use crate::source::{Body, Fill, Note, Piece, Target, UNPUBLISHED_NOTE};

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

    /// Writes the href of the site file at `dir` + `rel` into an attribute value.
    fn push_to(&self, out: &mut String, dir: &str, rel: &str) {
        // Writing to a String cannot fail.
        let _ = pulldown_cmark_escape::escape_href(&mut *out, &self.prefix);
        out.push_str(dir);
        out.push_str(&encode_path(rel));
    }
}

/// Where a note's links go, for the pages of one build: note index → its page (notes
/// without one, private or draft, are absent), and the static files.
pub struct NoteLinks<'a> {
    /// Note index → session page path.
    pub note_pages: &'a HashMap<usize, String>,
    /// Static file paths under `static/`.
    pub statics: &'a [String],
}

impl NoteLinks<'_> {
    fn published(&self, to: Target) -> bool {
        match to {
            Target::Note(n) => self.note_pages.contains_key(&n),
            Target::Static(n) => n < self.statics.len(),
        }
    }

    fn push_href(&self, out: &mut String, linker: &Linker, to: Target, anchor: Option<&str>) {
        match to {
            Target::Note(n) => {
                if let Some(page) = self.note_pages.get(&n) {
                    linker.push_to(out, "", page);
                }
            }
            Target::Static(n) => {
                if let Some(rel) = self.statics.get(n) {
                    linker.push_to(out, "static/", rel);
                }
            }
        }
        out.push_str(anchor.unwrap_or_default());
    }

    /// Writes a part of `note` for the page `linker` links from: links to published notes
    /// and to static files get hrefs; links and images to notes without a page (private,
    /// draft) lose their tag and keep their text (an image its alt text); a bare wikilink
    /// shows a published note's name, else "an unpublished note".
    pub fn write_body(&self, out: &mut String, body: &Body, note: &Note, linker: &Linker) {
        for piece in body.pieces() {
            let (fill, before, after) = match piece {
                Piece::Html(html) => {
                    out.push_str(html);
                    continue;
                }
                Piece::Hole(fill, before, after) => (fill, before, after),
            };
            match fill {
                Fill::LinkOpen { to, anchor } | Fill::ImageOpen { to, anchor } => {
                    if self.published(*to) {
                        out.push_str(before);
                        self.push_href(out, linker, *to, anchor.as_deref());
                        out.push_str(after);
                    }
                }
                Fill::LinkClose { to } | Fill::ImageClose { to } => {
                    if self.published(*to) {
                        out.push_str(before);
                        out.push_str(after);
                    }
                }
                Fill::NoteName { note, name } => {
                    out.push_str(if self.note_pages.contains_key(note) {
                        name
                    } else {
                        UNPUBLISHED_NOTE
                    });
                }
                Fill::HeadingId(k) => {
                    out.push_str(before);
                    if let Some(heading) = note.named_headings.get(*k) {
                        // Writing to a String cannot fail.
                        let _ = pulldown_cmark_escape::escape_html(&mut *out, &heading.id);
                    }
                    out.push_str(after);
                }
            }
        }
    }
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
}
