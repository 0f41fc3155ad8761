//! A note's HTML as load hands it to render: the HTML the Markdown renderer wrote, with
//! typed holes where the output depends on the page (relative links) or on the build's
//! visibility (whether a linked note is published, and so whether its name may be shown).
//!
//! Holes are positions kept beside the HTML, never text inside it: nothing a note says,
//! not even raw HTML written with `raw_html: true`, can make render treat it as a link.
//!
//! Must not: know pages, URLs or which notes are published (render and model decide).

/// What a link inside a note points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// A note, by its index in the journal's sorted note list.
    Note(usize),
    /// A file of `static/`, by its index in the journal's sorted static list.
    Static(usize),
}

/// What render writes in place of a hole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fill {
    /// A link's opening tag; its bytes are `<a href="">` (with the title, if any), the
    /// URL going at the hole's slot. Nothing when the target has no page.
    LinkOpen {
        /// Where to.
        to: Target,
        /// `#fragment`, already escaped for an attribute.
        anchor: Option<Box<str>>,
    },
    /// The `</a>` of that link: kept only when the target has a page.
    LinkClose {
        /// Where the link goes.
        to: Target,
    },
    /// An image's tag up to its alt text (`<img src="" alt="`), the URL going at the slot.
    /// Nothing when the target has no page: the alt text (already escaped) is then text.
    ImageOpen {
        /// Where to.
        to: Target,
        /// `#fragment`, already escaped for an attribute.
        anchor: Option<Box<str>>,
    },
    /// The image tag's rest after its alt text (`" />`, maybe with a title): kept only
    /// when the target has a page.
    ImageClose {
        /// Where the image points.
        to: Target,
    },
    /// The text of a bare wikilink (`[[name]]`), which is a note's file name: shown only
    /// when that note is published. Zero-width in the HTML.
    NoteName {
        /// The note.
        note: usize,
        /// The name as written, escaped for where it stands (text or an alt attribute).
        name: Box<str>,
    },
    /// The opening tag of a heading whose text names a note (`<h2 id="">`): its id depends
    /// on whether that note is published, and goes at the slot. The index is the heading's
    /// in `Note::named_headings`.
    HeadingId(usize),
}

/// The text render writes for a note that is not published, wherever mentorlog would
/// otherwise show something derived from it (PRODUCT, v3 change 3).
pub const UNPUBLISHED_NOTE: &str = "an unpublished note";

/// One hole: a range of the HTML that render replaces according to its `fill`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hole {
    start: usize,
    end: usize,
    /// Byte offset inside `start..end` where a URL or id goes.
    slot: usize,
    fill: Fill,
}

/// Rendered HTML with holes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Body {
    html: String,
    holes: Vec<Hole>,
}

/// A piece of a body, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// HTML to copy as it is.
    Html(&'a str),
    /// A hole: its fill, its own bytes (split at the slot: before, after).
    Hole(&'a Fill, &'a str, &'a str),
}

impl Hole {
    /// The hole over `start..end` of the HTML, whose URL or id goes at `slot` (inside it).
    pub fn new(start: usize, end: usize, slot: usize, fill: Fill) -> Hole {
        Hole { start, end, slot, fill }
    }
}

impl Body {
    /// HTML and the holes in it, in order (`load::body::to_body` finds them).
    pub fn with_holes(html: String, holes: Vec<Hole>) -> Body {
        Body { html, holes }
    }

    /// A body without holes.
    pub fn plain(html: String) -> Body {
        Body {
            html,
            holes: Vec::new(),
        }
    }

    /// The HTML with every hole left as its own bytes (empty URLs and ids, names left
    /// out): what a reader ignoring the holes would see, never a note's name.
    pub fn html_without_fills(&self) -> String {
        self.pieces()
            .map(|p| match p {
                Piece::Html(h) => h.to_string(),
                Piece::Hole(_, before, after) => format!("{before}{after}"),
            })
            .collect()
    }

    /// Whether the body has no text at all.
    pub fn is_empty(&self) -> bool {
        self.html.is_empty() && self.holes.is_empty()
    }

    /// Length of the HTML without fills (for sizing output buffers).
    pub fn len(&self) -> usize {
        self.html.len()
    }

    /// The fills, in order.
    pub fn fills(&self) -> impl Iterator<Item = &Fill> {
        self.holes.iter().map(|h| &h.fill)
    }

    /// The body's pieces, in order.
    pub fn pieces(&self) -> impl Iterator<Item = Piece<'_>> {
        let mut at = 0;
        let mut holes = self.holes.iter();
        let mut pending: Option<&Hole> = None;
        std::iter::from_fn(move || {
            let hole = match pending.take() {
                Some(h) => h,
                None => match holes.next() {
                    Some(h) if h.start > at => {
                        let html = &self.html[at..h.start];
                        at = h.start;
                        pending = Some(h);
                        return Some(Piece::Html(html));
                    }
                    Some(h) => h,
                    None if at < self.html.len() => {
                        let html = &self.html[at..];
                        at = self.html.len();
                        return Some(Piece::Html(html));
                    }
                    None => return None,
                },
            };
            at = hole.end;
            let bytes = &self.html[hole.start..hole.end];
            let (before, after) = bytes.split_at(hole.slot);
            Some(Piece::Hole(&hole.fill, before, after))
        })
    }

    /// The same body in allocations of their own length (see `markdown::exact`).
    #[must_use]
    pub fn shrunk(mut self, exact: impl Fn(String) -> String) -> Body {
        self.html = exact(self.html);
        self.holes.shrink_to_fit();
        self
    }
}

/// Text mentorlog shows that may name other notes: a heading's text, the title taken
/// from it. A bare wikilink's part is a note's file name, shown only when it is published.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Phrase {
    parts: Vec<PhrasePart>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum PhrasePart {
    Text(String),
    NoteName { note: usize, name: String },
}

impl Phrase {
    /// Adds text the note wrote.
    pub fn push_text(&mut self, text: &str) {
        match self.parts.last_mut() {
            Some(PhrasePart::Text(t)) => t.push_str(text),
            _ => self.parts.push(PhrasePart::Text(text.to_string())),
        }
    }

    /// Adds the text of a bare wikilink to `note`.
    pub fn push_name(&mut self, note: usize, name: &str) {
        match self.parts.last_mut() {
            Some(PhrasePart::NoteName {
                note: n,
                name: existing,
            }) if *n == note => existing.push_str(name),
            _ => self.parts.push(PhrasePart::NoteName {
                note,
                name: name.to_string(),
            }),
        }
    }

    /// Whether some of it is a note's name.
    pub fn names_notes(&self) -> bool {
        self.parts.iter().any(|p| matches!(p, PhrasePart::NoteName { .. }))
    }

    /// The text with each named note's name if `published` says it has a page, else
    /// "an unpublished note".
    pub fn resolve(&self, published: &dyn Fn(usize) -> bool) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                PhrasePart::Text(t) => out.push_str(t),
                PhrasePart::NoteName { note, name } if published(*note) => out.push_str(name),
                PhrasePart::NoteName { .. } => out.push_str(UNPUBLISHED_NOTE),
            }
        }
        out
    }

    /// The text as if no note it names were published: what is safe to show anywhere.
    pub fn hidden(&self) -> String {
        self.resolve(&|_| false)
    }

    /// Empty once trimmed (whatever is published).
    pub fn is_blank(&self) -> bool {
        self.parts.iter().all(|p| match p {
            PhrasePart::Text(t) => t.trim().is_empty(),
            PhrasePart::NoteName { .. } => false,
        })
    }

    /// Clears it for reuse.
    pub fn clear(&mut self) {
        self.parts.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_show_names_of_published_notes_only() {
        let mut p = Phrase::default();
        p.push_text(" About ");
        p.push_name(2, "frank-talk");
        assert!(p.names_notes());
        assert_eq!(p.resolve(&|n| n == 2).trim(), "About frank-talk");
        assert_eq!(p.hidden().trim(), "About an unpublished note");
    }
}
