//! A note's HTML as load hands it to render: the HTML the Markdown renderer wrote, with
//! typed holes where the output depends on the page (relative links) or on the build's
//! visibility (whether a linked note is published, and so whether its name may be shown).
//!
//! Holes are positions kept beside the HTML, never text inside it: nothing a note says,
//! not even raw HTML written with `raw_html: true`, can make render treat it as a link.
//! Each hole stands for the output of exactly one Markdown event (the event's bytes as
//! pulldown-cmark wrote them, with an empty URL or id), found by watching how far the
//! renderer's output has grown each time it asks for the next event.
//!
//! Must not: know pages, URLs or which notes are published (render and model decide).

use std::cell::Cell;
use std::fmt;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

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

impl Body {
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

/// Marks carried by the event stream from the Markdown pass to `to_body`: the pass
/// registers a fill and tags the event with its index. Link and image starts carry it in
/// their `id` (which the HTML writer ignores for them, and the pass sets for every link
/// and image), headings in their `id` (the pass sets every heading's), bare wikilink text
/// as an `InlineMath` event (math is not enabled, so the parser never makes one).
#[derive(Debug, Default)]
pub struct Marks {
    fills: Vec<Fill>,
}

/// The prefix of a mark in an `id` field: parsers replace NUL, so no note can write it.
const MARK: char = '\0';

impl Marks {
    /// Registers `fill` and returns the text to put in the event's `id`.
    pub fn tag(&mut self, fill: Fill) -> CowStr<'static> {
        self.fills.push(fill);
        CowStr::from(format!("{MARK}{}", self.fills.len() - 1))
    }

    /// A bare wikilink's text, as an event `to_body` turns into a `NoteName` hole.
    pub fn name(&mut self, note: usize, name: &str) -> Event<'static> {
        self.fills.push(Fill::NoteName {
            note,
            name: name.into(),
        });
        Event::InlineMath(CowStr::from(format!("{}", self.fills.len() - 1)))
    }

    fn take(&self, id: &str) -> Option<&Fill> {
        let n = id.strip_prefix(MARK)?.parse::<usize>().ok()?;
        self.fills.get(n)
    }
}

/// Counts what the HTML writer has written, so the events can tell where their output
/// starts.
struct Counted<'a> {
    out: &'a mut String,
    len: &'a Cell<usize>,
}

impl fmt::Write for Counted<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.out.push_str(s);
        self.len.set(self.out.len());
        Ok(())
    }
}

/// The single point where the (already sanitised) event stream becomes HTML: the events
/// go through pulldown-cmark's writer unchanged, except that marked events are written
/// without their URL or name, and where their output lies is kept as a hole.
pub fn to_body<'e>(events: impl Iterator<Item = Event<'e>>, marks: &Marks, capacity: usize) -> Body {
    let mut html = String::with_capacity(capacity);
    let len = Cell::new(0);
    let mut holes: Vec<(usize, Fill)> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    let mut open: Option<usize> = None;
    // Image nesting: inside an image, the writer writes only the alt text.
    let mut in_image = 0usize;
    // Per open link or image: the fill its end closes, if marked.
    let mut stack: Vec<Option<Fill>> = Vec::new();
    let tap = events.map(|event| {
        let now = len.get();
        if open.take().is_some() {
            ends.push(now);
        }
        let mut mark = |fill: Fill, holes: &mut Vec<(usize, Fill)>| {
            holes.push((now, fill));
            open = Some(holes.len() - 1);
        };
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let fill = marks.take(&id).cloned();
                let close = match &fill {
                    Some(Fill::LinkOpen { to, .. }) if in_image == 0 => Some(Fill::LinkClose { to: *to }),
                    _ => None,
                };
                if let (Some(fill), Some(_)) = (fill, &close) {
                    mark(fill, &mut holes);
                }
                stack.push(close);
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id: CowStr::Borrowed(""),
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let fill = marks.take(&id).cloned();
                let close = match &fill {
                    Some(Fill::ImageOpen { to, .. }) if in_image == 0 => Some(Fill::ImageClose { to: *to }),
                    _ => None,
                };
                if let (Some(fill), Some(_)) = (fill, &close) {
                    mark(fill, &mut holes);
                }
                stack.push(close);
                in_image += 1;
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id: CowStr::Borrowed(""),
                })
            }
            Event::End(end @ (TagEnd::Link | TagEnd::Image)) => {
                if end == TagEnd::Image {
                    in_image = in_image.saturating_sub(1);
                }
                if let Some(Some(close)) = stack.pop() {
                    mark(close, &mut holes);
                }
                Event::End(end)
            }
            Event::Start(Tag::Heading {
                level,
                id: Some(id),
                classes,
                attrs,
            }) => {
                let id = match marks.take(&id) {
                    Some(fill @ Fill::HeadingId(_)) => {
                        mark(fill.clone(), &mut holes);
                        CowStr::Borrowed("")
                    }
                    _ => id,
                };
                Event::Start(Tag::Heading {
                    level,
                    id: Some(id),
                    classes,
                    attrs,
                })
            }
            Event::InlineMath(n) => {
                if let Some(Fill::NoteName { note, name }) = n.parse::<usize>().ok().and_then(|n| marks.fills.get(n)) {
                    // Escaped as the writer would have: for an alt attribute inside an
                    // image, as text elsewhere.
                    let mut escaped = String::with_capacity(name.len());
                    let _ = if in_image > 0 {
                        pulldown_cmark_escape::escape_html(&mut escaped, name)
                    } else {
                        pulldown_cmark_escape::escape_html_body_text(&mut escaped, name)
                    };
                    mark(
                        Fill::NoteName {
                            note: *note,
                            name: escaped.into(),
                        },
                        &mut holes,
                    );
                }
                // Writes nothing, and leaves the writer where the name's text would.
                Event::Text(CowStr::Borrowed(""))
            }
            other => other,
        }
    });
    // Writing to a String cannot fail.
    let _ = pulldown_cmark::html::write_html_fmt(
        Counted {
            out: &mut html,
            len: &len,
        },
        tap,
    );
    if ends.len() < holes.len() {
        ends.push(html.len());
    }
    let holes = holes
        .into_iter()
        .zip(ends)
        .filter_map(|((start, fill), end)| {
            let bytes = html.get(start..end)?;
            // Where the URL or id goes: inside the empty attribute the writer wrote.
            let slot = match &fill {
                Fill::LinkOpen { .. } => bytes.find("href=\"\"").map(|i| i + 6),
                Fill::ImageOpen { .. } => bytes.find("src=\"\"").map(|i| i + 5),
                Fill::HeadingId(_) => bytes.find("id=\"\"").map(|i| i + 4),
                _ => Some(0),
            };
            // A shape the writer never makes: left as written (empty URL), never filled.
            slot.map(|slot| Hole { start, end, slot, fill })
        })
        .collect();
    Body { html, holes }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_of(events: Vec<Event<'static>>, marks: &Marks) -> Body {
        to_body(events.into_iter(), marks, 0)
    }

    #[test]
    fn holes_cover_exactly_their_events_output() {
        let mut marks = Marks::default();
        let id = marks.tag(Fill::LinkOpen {
            to: Target::Note(3),
            anchor: None,
        });
        let name = marks.name(3, "a<b");
        let body = body_of(
            vec![
                Event::Start(Tag::Paragraph),
                Event::Text("see ".into()),
                Event::Start(Tag::Link {
                    link_type: pulldown_cmark::LinkType::WikiLink { has_pothole: false },
                    dest_url: "".into(),
                    title: "".into(),
                    id,
                }),
                name,
                Event::End(TagEnd::Link),
                Event::End(TagEnd::Paragraph),
            ],
            &marks,
        );
        let pieces: Vec<_> = body.pieces().collect();
        assert_eq!(
            pieces,
            vec![
                Piece::Html("<p>see "),
                Piece::Hole(
                    &Fill::LinkOpen {
                        to: Target::Note(3),
                        anchor: None
                    },
                    "<a href=\"",
                    "\">"
                ),
                Piece::Hole(
                    &Fill::NoteName {
                        note: 3,
                        name: "a&lt;b".into()
                    },
                    "",
                    ""
                ),
                Piece::Hole(&Fill::LinkClose { to: Target::Note(3) }, "", "</a>"),
                Piece::Html("</p>\n"),
            ]
        );
        assert_eq!(body.html_without_fills(), "<p>see <a href=\"\"></a></p>\n");
    }

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
