//! Builds a note's `Body` (`source::body`): the HTML the Markdown renderer wrote, with its
//! typed holes. Each hole stands for the output of exactly one Markdown event (the event's bytes as
//! pulldown-cmark wrote them, with an empty URL or id), found by watching how far the
//! renderer's output has grown each time it asks for the next event.
//!
//! Must not: know pages, URLs or which notes are published (render and model decide).

use std::cell::{Cell, RefCell};
use std::fmt;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::source::{Body, Fill, Hole};

/// Marks carried by the event stream from the Markdown pass to `to_body`: the pass
/// registers a fill and tags the event with its index. Link and image starts carry it in
/// their `id` (which the HTML writer ignores for them, and the pass sets for every link
/// and image), headings in their `id` (the pass sets every heading's), bare wikilink text
/// as an `InlineMath` event (math is not enabled, so the parser never makes one).
/// Shared: the pass adds marks while `to_body` already writes the events before them (a
/// large segment is written as it is parsed).
#[derive(Debug, Default)]
pub struct Marks {
    fills: RefCell<Vec<Fill>>,
}

/// The prefix of a mark in an `id` field: parsers replace NUL, so no note can write it.
const MARK: char = '\0';

impl Marks {
    /// Registers `fill` and returns the text to put in the event's `id`.
    pub fn tag(&self, fill: Fill) -> CowStr<'static> {
        let mut fills = self.fills.borrow_mut();
        fills.push(fill);
        CowStr::from(format!("{MARK}{}", fills.len() - 1))
    }

    /// A bare wikilink's text, as an event `to_body` turns into a `NoteName` hole.
    pub fn name(&self, note: usize, name: &str) -> Event<'static> {
        let mut fills = self.fills.borrow_mut();
        fills.push(Fill::NoteName {
            note,
            name: name.into(),
        });
        Event::InlineMath(CowStr::from(format!("{}", fills.len() - 1)))
    }

    /// The fill a link start (an image start, when `image`) marked with `id` opens, and
    /// the one its end closes.
    fn opening(&self, id: &str, image: bool) -> Option<(Fill, Fill)> {
        let fill = self.take(id)?;
        let close = match (&fill, image) {
            (Fill::LinkOpen { to, .. }, false) => Fill::LinkClose { to: *to },
            (Fill::ImageOpen { to, .. }, true) => Fill::ImageClose { to: *to },
            _ => return None,
        };
        Some((fill, close))
    }

    fn take(&self, id: &str) -> Option<Fill> {
        let n = id.strip_prefix(MARK)?.parse::<usize>().ok()?;
        self.get(n)
    }

    fn get(&self, n: usize) -> Option<Fill> {
        self.fills.borrow().get(n).cloned()
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
                let fills = marks.opening(&id, false).filter(|_| in_image == 0);
                // Its opening is kept now, and its end keeps the closing.
                stack.push(fills.map(|(open, close)| {
                    mark(open, &mut holes);
                    close
                }));
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
                let fills = marks.opening(&id, true).filter(|_| in_image == 0);
                // Its opening is kept now, and its end keeps the closing.
                stack.push(fills.map(|(open, close)| {
                    mark(open, &mut holes);
                    close
                }));
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
                        mark(fill, &mut holes);
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
                if let Some(Fill::NoteName { note, name }) = n.parse::<usize>().ok().and_then(|n| marks.get(n)) {
                    // Escaped as the writer would have: for an alt attribute inside an
                    // image, as text elsewhere.
                    let mut escaped = String::with_capacity(name.len());
                    let _ = if in_image > 0 {
                        pulldown_cmark_escape::escape_html(&mut escaped, &name)
                    } else {
                        pulldown_cmark_escape::escape_html_body_text(&mut escaped, &name)
                    };
                    mark(
                        Fill::NoteName {
                            note,
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
            slot.map(|slot| Hole::new(start, end, slot, fill))
        })
        .collect();
    Body::with_holes(html, holes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Piece, Target};

    fn body_of(events: Vec<Event<'static>>, marks: &Marks) -> Body {
        to_body(events.into_iter(), marks, 0)
    }

    #[test]
    fn holes_cover_exactly_their_events_output() {
        let marks = Marks::default();
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
}
