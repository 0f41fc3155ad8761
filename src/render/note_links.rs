//! Links inside notes: load leaves a hole where each link to another note or a static file
//! goes, and the pages of one build fill them from here, through the page's `Linker`.

use std::collections::HashMap;

use crate::render::links::{Linker, STATIC};
use crate::source::{Body, Fill, Note, Piece, Target, UNPUBLISHED_NOTE};

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
                    linker.push_to(out, STATIC, rel);
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
