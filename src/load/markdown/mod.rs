//! Markdown notes to HTML: private blocks split out before parsing (so their text never
//! enters public HTML), heading anchors as git hosts make them, links between notes and to
//! `static/` turned into typed holes (`body.rs`) that render fills per page, dangerous link
//! schemes dropped, and raw HTML sanitised unless the journal allows it.
//!
//! Knows nothing of goals or pages: a link target is an index into the note or static list,
//! and text derived from another note (a bare wikilink's name, a heading holding one) stays
//! typed until the build's visibility says whether that note is published.
//!
//! Here: rendering one segment. `private` cuts the private blocks out first, `links`
//! knows what a link may point at and resolves it.

use std::collections::HashMap;
use std::path::Path;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use crate::diag::{Diagnostics, LineIndex, Origin};
use crate::load::body::{self, Marks};
use crate::load::sanitize;
use crate::slug::heading_id;
use crate::source::{Body, Fill, NamedHeading, Note, Phrase, Segment, Target};

mod autolink;
mod links;
mod parts;
mod private;
mod words;

pub use links::LinkTargets;
use links::{LinkKind, Resolved, resolve};
use parts::{PARSE_PART, oversized, parse_cuts, too_long};
use private::private_blocks;
use words::push_words;

/// Where the note being rendered is, for links and diagnostics.
pub struct NoteContext<'a> {
    /// The note file, for diagnostics.
    pub path: &'a Path,
    /// The whole file text, for diagnostics.
    pub file_text: &'a str,
    /// 0-based line where the body starts.
    pub body_line: usize,
    /// The note's folder, journal-relative with `/` (e.g. `sessions/reviews`).
    pub dir: &'a str,
    /// Link targets.
    pub targets: &'a LinkTargets,
    /// Keep raw HTML as written (`raw_html: true`).
    pub raw_html: bool,
}

/// Renders a note body.
pub fn render(body: &str, cx: &NoteContext<'_>, diags: &mut Diagnostics) -> Note {
    let mut note = Note::default();
    let mut headings = Headings::default();
    let lines = Lines::new(body);
    let blocks = private_blocks(body, cx, diags);
    // Public parts first: heading ids are numbered in that order, so a public heading's id
    // never depends on the private text (`plan-1` would tell a private `## Plan` is there).
    let mut rendered: Vec<Option<Rendered>> = blocks.iter().map(|_| None).collect();
    for pass in [false, true] {
        headings.private = pass;
        for (k, &(private, start, end)) in blocks.iter().enumerate() {
            let text = &body[start..end];
            if private == pass {
                if let Some(problem) = oversized(text) {
                    diags.push(too_long(problem, start, text.len(), &lines, cx));
                    continue;
                }
            }
            if private == pass && !text.trim().is_empty() {
                rendered[k] = Some(render_segment(
                    text,
                    start,
                    &lines,
                    cx,
                    &mut headings,
                    diags,
                    STREAM_FROM,
                ));
            }
        }
    }
    for (&(private, _, _), rendered) in blocks.iter().zip(rendered) {
        let Some(rendered) = rendered else { continue };
        if !private && note.first_heading.is_none() {
            note.first_heading = rendered.first_heading;
        }
        note.segments.push(Segment {
            private,
            body: rendered.body.shrunk(exact),
            text: exact(rendered.text),
        });
    }
    if !headings.named.is_empty() {
        note.named_headings = headings.named;
        note.fixed_ids = headings.fixed;
        note.private_ids = headings.fixed_private;
    }
    note
}

/// The note's headings so far: ids are unique across the whole note.
#[derive(Default)]
struct Headings {
    /// Base id → how many headings had it.
    counts: HashMap<String, usize>,
    /// Ids of headings without note names.
    fixed: Vec<String>,
    /// The same, in private blocks.
    fixed_private: Vec<String>,
    /// Headings naming notes.
    named: Vec<NamedHeading>,
    /// Whether the segment being rendered is private.
    private: bool,
}

impl Headings {
    /// The id of a heading with `text`, unique in the note.
    fn id(&mut self, text: &str) -> String {
        let base = heading_id(text);
        let base = if base.is_empty() { "section".to_string() } else { base };
        let n = self.counts.entry(base.clone()).or_insert(0);
        let id = if *n == 0 { base } else { format!("{base}-{n}") };
        *n += 1;
        id
    }
}

/// The same text in an allocation of its own length. Notes are kept until their pages are
/// written; the room a growing string leaves (up to half its size) added up to a third of
/// a big journal's memory, and allocators shrink blocks in place rather than give it back.
fn exact(text: String) -> String {
    if text.capacity() - text.len() > text.len() / 8 {
        text.as_str().to_owned()
    } else {
        text
    }
}

/// A note body and its line index, for diagnostics whose line shown is cut short: one
/// note can have thousands on one huge line.
struct Lines<'a> {
    body: &'a str,
    index: LineIndex<'a>,
    /// The last place asked for, as (byte offset, character column): diagnostics come in
    /// the order of the text, so a column is counted from the last one on the same line,
    /// not from the line's start (which made 100,000 links on one line quadratic).
    last: std::cell::Cell<(usize, usize)>,
}

impl<'a> Lines<'a> {
    fn new(body: &'a str) -> Lines<'a> {
        Lines {
            body,
            index: LineIndex::new(body),
            last: std::cell::Cell::new((0, 1)),
        }
    }

    /// Where byte `offset` of the body is in the file, with the line's text cut after
    /// [`SHOWN_LINE`](crate::diag::SHOWN_LINE) bytes.
    fn origin(&self, offset: usize, cx: &NoteContext<'_>) -> Origin {
        let body = self.body;
        let mut offset = offset.min(body.len());
        while !body.is_char_boundary(offset) {
            offset -= 1;
        }
        let (line, start) = self.index.line_of(offset);
        let (last, last_col) = self.last.get();
        let col = if (start..=offset).contains(&last) {
            last_col + body[last..offset].chars().count()
        } else {
            body[start..offset].chars().count() + 1
        };
        self.last.set((offset, col));
        Origin {
            path: cx.path.to_path_buf(),
            line: cx.body_line + line + 1,
            col,
            line_text: crate::diag::shown_line(body, start).to_string(),
        }
    }
}

/// The size of a segment from which its events are not collected whole (see
/// `render_segment`); smaller ones are cut into fragments in one go, as before.
const STREAM_FROM: usize = 1 << 20;

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_WIKILINKS
}

/// An open link or image: what its end does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    /// Its start was written: write its end.
    Kept,
    /// Dropped: its text stays.
    Dropped,
    /// An embed of a note (`![[note]]`) written as a link: its end is the link's.
    AsLink,
}

/// One segment, rendered.
struct Rendered {
    body: Body,
    text: String,
    first_heading: Option<Phrase>,
}

fn render_segment(
    text: &str,
    base: usize,
    body: &Lines<'_>,
    cx: &NoteContext<'_>,
    headings: &mut Headings,
    diags: &mut Diagnostics,
    stream_from: usize,
) -> Rendered {
    // Most of the segment's text is words.
    let mut words = String::with_capacity(text.len());
    // Inside a bare wikilink to a note: its text is that note's file name.
    let mut bare_wikilink: Option<usize> = None;
    let mut in_bare_wikilink = false;
    // A large segment is not held as one list of events (80 bytes each, one for every few
    // bytes of Markdown: a 10 MB note of inline HTML has 1.4 million): it is cut where no
    // element is open at the top level, and each part is sanitised and written on its own,
    // with the same result. See "Memory" in bench/README.md.
    let stream = text.len() > stream_from;
    // About one event for every 16 bytes of Markdown prose: grown once or not at all.
    let mut events: Vec<Event<'_>> = Vec::with_capacity(if stream { 4096 } else { text.len() / 16 });
    let marks = Marks::default();
    let mut first_heading = None;
    let mut heading: Option<(usize, HeadingLevel)> = None;
    let mut heading_text = Phrase::default();
    let mut open: Vec<Open> = Vec::new();
    // The note's own raw HTML: (event index, source offset), for `sanitize::fragments`.
    let mut raw_html: Vec<(usize, usize)> = Vec::new();
    let names_note = |url: &str| cx.targets.names_note(url);
    let origin = |at| body.origin(at, cx);
    // Containers open (the parser's starts less its ends), and the top level's open HTML.
    let mut depth = 0usize;
    let mut top = sanitize::TopLevel::default();
    // A large segment is also parsed part by part (the parser's own tree of a whole
    // segment takes about 60 bytes per element), cut only where the Markdown cannot tell.
    // (A test asks for every cut, with `stream_from` 0.)
    let cuts = if stream {
        parse_cuts(text, PARSE_PART.min(stream_from.max(1)))
    } else {
        Vec::new()
    };
    let mut cuts = cuts.into_iter();
    let mut part_start = 0;
    let mut part_end = cuts.next().unwrap_or(text.len());
    let mut parser = Parser::new_ext(&text[..part_end], options()).into_offset_iter();
    let mut ready = Vec::new().into_iter();
    let mut parsed = false;
    // Inside a code block: its text is never autolinked.
    let mut in_code_block = false;
    // Inside a raw `<a …>` of inline HTML (until its `</a>` or the block's end): its text
    // is never autolinked either, as links do not nest.
    let mut in_raw_link = false;
    // Text that may hold autolinks, held until the next other event (the parser may cut a
    // run of text in several events, and a link may span the cut).
    let mut prose: Option<CowStr<'_>> = None;
    let text_len = text.len();
    let sanitised = std::iter::from_fn(|| {
        loop {
            if let Some(event) = ready.next() {
                return Some(event);
            }
            let cut = stream && depth == 0 && top.is_closed() && !events.is_empty();
            if cut || (parsed && !events.is_empty()) {
                let part = std::mem::replace(&mut events, Vec::with_capacity(4096));
                let raw = std::mem::take(&mut raw_html);
                ready = sanitize::fragments(part, &raw, cx.raw_html, &names_note, &origin, diags).into_iter();
                continue;
            }
            if parsed {
                return None;
            }
            let Some((event, range)) = parser.next() else {
                if part_end < text.len() {
                    part_start = part_end;
                    part_end = cuts.next().unwrap_or(text.len());
                    parser = Parser::new_ext(&text[part_start..part_end], options()).into_offset_iter();
                } else {
                    if let Some(text) = prose.take() {
                        push_autolinked(&mut events, text, base + text_len, body, cx, diags);
                    }
                    parsed = true;
                }
                continue;
            };
            let range = part_start + range.start..part_start + range.end;
            if !matches!(event, Event::Text(_)) {
                if let Some(text) = prose.take() {
                    push_autolinked(&mut events, text, base + range.start, body, cx, diags);
                }
            }
            match &event {
                Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
                Event::End(TagEnd::CodeBlock) => in_code_block = false,
                Event::InlineHtml(html) => {
                    if let Some(opens) = raw_link_tag(html) {
                        in_raw_link = opens;
                    }
                }
                Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell) => in_raw_link = false,
                _ => {}
            }
            match &event {
                Event::Start(Tag::HtmlBlock) if depth == 0 => top.start_block(),
                Event::Html(html) if depth == 1 => top.feed(html),
                Event::End(TagEnd::HtmlBlock) if depth == 1 => top.end_block(),
                _ => {}
            }
            match &event {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
            match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((events.len(), level));
                heading_text.clear();
                events.push(Event::Text(CowStr::Borrowed("")));
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some((at, _)) = heading.take() {
                    let text = std::mem::take(&mut heading_text);
                    let id = headings.id(&text.hidden());
                    if first_heading.is_none() {
                        first_heading = Some(text.clone());
                    }
                    let id = if text.names_notes() {
                        headings.named.push(NamedHeading { text, id });
                        marks.tag(Fill::HeadingId(headings.named.len() - 1))
                    } else {
                        if headings.private {
                            headings.fixed_private.push(id.clone());
                        } else {
                            headings.fixed.push(id.clone());
                        }
                        CowStr::from(id)
                    };
                    events[at] = Event::Start(Tag::Heading {
                        level,
                        id: Some(id),
                        classes: Vec::new(),
                        attrs: Vec::new(),
                    });
                }
                events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id: _,
            }) => {
                let kind = match link_type {
                    LinkType::WikiLink { has_pothole } => LinkKind::Wiki { labelled: has_pothole },
                    LinkType::Email => LinkKind::Email,
                    _ => LinkKind::Link,
                };
                // A bare wikilink's text is a note's file name, which may be private: it
                // stays out of the search text, and is a typed name in the HTML.
                in_bare_wikilink = kind == (LinkKind::Wiki { labelled: false });
                let (dest_url, id) = match resolve(&dest_url, kind, base + range.start, body, cx, diags) {
                    Resolved::Keep(dest) => (CowStr::from(dest), CowStr::Borrowed("")),
                    Resolved::Target(to, anchor) => {
                        if let (true, Target::Note(n)) = (in_bare_wikilink, to) {
                            bare_wikilink = Some(n);
                        }
                        (CowStr::Borrowed(""), marks.tag(Fill::LinkOpen { to, anchor }))
                    }
                    Resolved::Drop => {
                        open.push(Open::Dropped);
                        continue;
                    }
                };
                open.push(Open::Kept);
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Link) => {
                in_bare_wikilink = false;
                bare_wikilink = None;
                if open.pop() != Some(Open::Dropped) {
                    events.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id: _,
            }) => {
                // `![[note]]`, Obsidian's embed of a note: a page cannot show one note
                // inside another, so it is a wikilink to it, and a bare one's text (the
                // note's file name) is typed like any bare wikilink's.
                if let LinkType::WikiLink { has_pothole } = link_type {
                    if cx.targets.wiki_target(&dest_url).is_some() {
                        let kind = LinkKind::Wiki { labelled: has_pothole };
                        if let Resolved::Target(to, anchor) =
                            resolve(&dest_url, kind, base + range.start, body, cx, diags)
                        {
                            in_bare_wikilink = !has_pothole;
                            if let (false, Target::Note(n)) = (has_pothole, to) {
                                bare_wikilink = Some(n);
                            }
                            open.push(Open::AsLink);
                            events.push(Event::Start(Tag::Link {
                                link_type,
                                dest_url: CowStr::Borrowed(""),
                                title,
                                id: marks.tag(Fill::LinkOpen { to, anchor }),
                            }));
                            continue;
                        }
                    }
                }
                let (dest_url, id) = match resolve(&dest_url, LinkKind::Image, base + range.start, body, cx, diags) {
                    Resolved::Keep(dest) => (CowStr::from(dest), CowStr::Borrowed("")),
                    Resolved::Target(to, anchor) => (CowStr::Borrowed(""), marks.tag(Fill::ImageOpen { to, anchor })),
                    Resolved::Drop => {
                        open.push(Open::Dropped);
                        continue;
                    }
                };
                open.push(Open::Kept);
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Image) => match open.pop() {
                Some(Open::Dropped) => {}
                Some(Open::AsLink) => {
                    in_bare_wikilink = false;
                    bare_wikilink = None;
                    events.push(Event::End(TagEnd::Link));
                }
                _ => events.push(Event::End(TagEnd::Image)),
            },
            // A disabled checkbox has no name for screen readers: a mark and words instead,
            // as in the goals' step lists.
            Event::TaskListMarker(done) => events.push(Event::InlineHtml(CowStr::Borrowed(if done {
                "<span class=\"task done\" aria-hidden=\"true\">✓</span><span class=\"visually-hidden\">Done: </span>"
            } else {
                "<span class=\"task todo\" aria-hidden=\"true\">○</span><span class=\"visually-hidden\">To do: </span>"
            }))),
            Event::FootnoteReference(name) => {
                events.push(Event::FootnoteReference(format!("fn-{name}").into()));
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                events.push(Event::Start(Tag::FootnoteDefinition(format!("fn-{name}").into())));
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                raw_html.push((events.len(), base + range.start));
                events.push(event);
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                if let Some(note) = bare_wikilink {
                    // The name of a note that may be unpublished: typed, never text.
                    if heading.is_some() {
                        heading_text.push_name(note, t);
                    }
                    events.push(marks.name(note, t));
                    continue;
                }
                if heading.is_some() {
                    heading_text.push_text(t);
                }
                if !in_bare_wikilink {
                    push_words(&mut words, t);
                }
                let Event::Text(t) = event else {
                    events.push(event);
                    continue;
                };
                if in_code_block || in_raw_link || !open.is_empty() {
                    events.push(Event::Text(t));
                    continue;
                }
                prose = Some(match prose.take() {
                    None => t,
                    Some(held) => CowStr::from(format!("{held}{t}")),
                });
            }
            // Math is not enabled: the parser never makes these, and `body` uses them.
            Event::InlineMath(_) | Event::DisplayMath(_) => {}
            other => events.push(other),
        }
        }
    });
    let rendered = body::to_body(sanitised, &marks, text.len() * 3 / 2);
    Rendered {
        body: rendered,
        text: words,
        first_heading,
    }
}

/// Whether an inline HTML tag opens an `<a>` (`Some(true)`) or closes one (`Some(false)`).
fn raw_link_tag(html: &str) -> Option<bool> {
    let (closes, rest) = match html.strip_prefix("</") {
        Some(rest) => (true, rest),
        None => (false, html.strip_prefix('<')?),
    };
    let mut chars = rest.chars();
    let a = chars.next().is_some_and(|c| c.eq_ignore_ascii_case(&'a'));
    let ends = chars
        .next()
        .is_none_or(|c| c.is_ascii_whitespace() || c == '>' || c == '/');
    (a && ends).then_some(!closes)
}

/// Writes `text` with its GFM autolinks as links. They go through the link policy like
/// any link (all are `http(s):` or `mailto:`, which it keeps).
fn push_autolinked<'a>(
    events: &mut Vec<Event<'a>>,
    text: CowStr<'a>,
    offset: usize,
    body: &Lines<'_>,
    cx: &NoteContext<'_>,
    diags: &mut Diagnostics,
) {
    let found = autolink::find(&text);
    if found.is_empty() {
        events.push(Event::Text(text));
        return;
    }
    let mut at = 0;
    for (range, href) in found {
        if range.start > at {
            events.push(Event::Text(CowStr::from(text[at..range.start].to_string())));
        }
        let words = CowStr::from(text[range.clone()].to_string());
        at = range.end;
        let Resolved::Keep(dest) = resolve(&href, LinkKind::Link, offset, body, cx, diags) else {
            events.push(Event::Text(words));
            continue;
        };
        events.push(Event::Start(Tag::Link {
            // Not `Email`: the HTML writer would add a second `mailto:`.
            link_type: LinkType::Autolink,
            dest_url: CowStr::from(dest),
            title: CowStr::Borrowed(""),
            id: CowStr::Borrowed(""),
        }));
        events.push(Event::Text(words));
        events.push(Event::End(TagEnd::Link));
    }
    if at < text.len() {
        events.push(Event::Text(CowStr::from(text[at..].to_string())));
    }
}

#[cfg(test)]
mod tests {
    use super::links::wiki_name;
    use super::*;
    use crate::diag::Severity;

    fn render_with(body: &str, raw_html: bool) -> (Note, Diagnostics) {
        let mut targets = LinkTargets::default();
        targets.add_note("sessions/2026-01-08-intro.md", "2026-01-08-intro", 0);
        targets.statics.insert("static/chart.png".into(), 0);
        let cx = NoteContext {
            path: Path::new("sessions/b.md"),
            file_text: body,
            body_line: 0,
            dir: "sessions",
            targets: &targets,
            raw_html,
        };
        let mut diags = Diagnostics::new();
        let note = render(body, &cx, &mut diags);
        (note, diags)
    }

    fn html(note: &Note) -> String {
        note.segments.iter().map(|s| s.body.html_without_fills()).collect()
    }

    #[test]
    fn t14_adv2_urls_naming_notes_and_wikilinks_in_any_case() {
        let mut targets = LinkTargets::default();
        targets.add_note("sessions/2026-01-08-Frank Talk.md", "2026-01-08-frank-talk", 0);
        targets.add_note("sessions/sub/2026-02-01-b.md", "sub/2026-02-01-b", 1);
        for url in [
            "2026-01-08-Frank Talk.md",
            "./2026-01-08-frank%20talk.MD#x",
            "../sessions/2026-01-08-frank-talk.html?y",
            "2026-01-08-FRANK-TALK",
            "sub/2026-02-01-b/",
        ] {
            assert!(targets.names_note(url), "{url}");
        }
        for url in [
            "https://example.org/2026-01-08-frank-talk.html",
            "//example.org/2026-01-08-frank-talk.html",
            "../static/2026-01-08-frank-talk.png",
            "#2026-01-08-frank-talk",
            "",
        ] {
            assert!(!targets.names_note(url), "{url}");
        }
        assert_eq!(targets.wiki_note("2026-01-08-frank talk"), Some(0));
        assert_eq!(targets.wiki_note("SUB/2026-02-01-B"), Some(1));
        assert_eq!(targets.wiki_note("2026-02-01-b"), Some(1));
        assert_eq!(wiki_name(" 2026-01-08-x.MD\\#h"), "2026-01-08-x");
        assert_eq!(wiki_name("2026%2D01-08-x\\"), "2026-01-08-x");
        // Two notes that differ only in case: a third spelling names neither.
        targets.add_note("sessions/2026-01-08-frank talk.md", "2026-01-08-frank-talk-2", 2);
        assert_eq!(targets.wiki_note("2026-01-08-FRANK TALK"), None);
    }

    #[test]
    fn notes_with_other_markdown_extensions_are_link_targets() {
        let mut targets = LinkTargets::default();
        targets.add_note("sessions/2014-03-01-welcome.markdown", "2014-03-01-welcome", 0);
        targets.add_note("sessions/a.MD", "a", 1);
        targets.add_note("sessions/a.markdown", "a-2", 2);
        targets.add_note("sessions/a.md", "a-3", 3);
        assert_eq!(targets.wiki_note("2014-03-01-welcome"), Some(0));
        assert_eq!(targets.wiki_target("2014-03-01-welcome.markdown#h"), Some(0));
        assert_eq!(targets.wiki_target("2014-03-01-Welcome.MARKDOWN"), Some(0));
        assert_eq!(wiki_name("x.Mkdn"), "x");
        // The same name with two extensions: an extension names its own note, no
        // extension the first in path order.
        assert_eq!(targets.wiki_target("a"), Some(1));
        assert_eq!(targets.wiki_target("a.markdown"), Some(2));
        assert_eq!(targets.wiki_target("a.md"), Some(3));
        for url in ["2014-03-01-welcome.markdown", "2014-03-01-welcome.MKD", "a-2.html"] {
            assert!(targets.names_note(url), "{url}");
        }
    }

    #[test]
    fn words_are_split_as_split_whitespace_splits_them() {
        for text in [
            "",
            " ",
            "one",
            " two  words\t",
            "a\u{b}b\u{c}c\rd\ne\u{1c}f",
            "caf\u{e9} \u{a0}x\u{2003}y\u{3000}z\u{85}w",
            "\u{201c}quoted\u{201d} \u{4e2d}\u{6587} text",
            "a b  c d \n e f\t",
            " x y",
            "x y ",
            "x\u{b}y",
            "x\u{e}y z",
        ] {
            for before in ["", "earlier"] {
                let mut words = before.to_string();
                push_words(&mut words, text);
                let mut expected = before.to_string();
                for word in text.split_whitespace() {
                    if !expected.is_empty() {
                        expected.push(' ');
                    }
                    expected.push_str(word);
                }
                assert_eq!(words, expected, "{text:?}");
            }
        }
    }

    #[test]
    fn private_blocks_are_split_out_loosely_matched() {
        let (note, diags) = render_with(
            "# Hi\n\npublic\n\n<!--  Private -->\nsecret\n<!--/private-->\n\nafter\n",
            false,
        );
        assert!(diags.is_empty());
        let private: Vec<_> = note.segments.iter().filter(|s| s.private).collect();
        assert_eq!(private.len(), 1);
        assert!(private[0].body.html_without_fills().contains("secret"));
        assert!(
            note.segments
                .iter()
                .filter(|s| !s.private)
                .all(|s| !s.body.html_without_fills().contains("secret"))
        );
    }

    #[test]
    fn markers_inside_code_are_text_and_inline_markers_hide() {
        let (note, _) = render_with(
            "Write `<!-- private -->` to start.\n\n```\n<!-- private -->\n```\n\nafter\n",
            false,
        );
        assert!(note.segments.iter().all(|s| !s.private));
        let (note, _) = render_with("pay is <!-- private -->42k<!-- /private --> now\n", false);
        assert!(
            note.segments
                .iter()
                .filter(|s| !s.private)
                .all(|s| !s.body.html_without_fills().contains("42k"))
        );
        assert!(
            note.segments
                .iter()
                .any(|s| s.private && s.body.html_without_fills().contains("42k"))
        );
    }

    #[test]
    fn unclosed_private_block_hides_the_rest_with_a_warning() {
        let (note, diags) = render_with("a\n\n<!-- private -->\nsecret\n", false);
        assert_eq!(diags.count(Severity::Warning), 1);
        assert!(
            note.segments
                .last()
                .is_some_and(|s| s.private && s.body.html_without_fills().contains("secret"))
        );
    }

    #[test]
    fn headings_get_git_host_ids_with_repeats_numbered() {
        let (note, _) = render_with("## Next time?\n\n## Next time?\n", false);
        let h = html(&note);
        assert!(h.contains(r#"<h2 id="next-time">"#), "{h}");
        assert!(h.contains(r#"<h2 id="next-time-1">"#), "{h}");
        assert_eq!(note.first_heading.map(|h| h.hidden()).as_deref(), Some("Next time?"));
    }

    /// The fills of a note's holes, in order.
    fn fills(note: &Note) -> Vec<Fill> {
        note.segments.iter().flat_map(|s| s.body.fills().cloned()).collect()
    }

    #[test]
    fn links_to_notes_static_and_wikilinks_become_typed_holes() {
        let (note, diags) = render_with(
            "[a](2026-01-08-intro.md#goals) ![c](../static/chart.png) [[2026-01-08-intro|the intro]] [[2026-01-08-intro]] [m](missing.md)",
            false,
        );
        let h = html(&note);
        assert_eq!(
            h,
            "<p><a href=\"\">a</a> <img src=\"\" alt=\"c\" /> <a href=\"\">the intro</a> <a href=\"\"></a> m</p>\n"
        );
        let note0 = Target::Note(0);
        assert_eq!(
            fills(&note),
            vec![
                Fill::LinkOpen {
                    to: note0,
                    anchor: Some("#goals".into())
                },
                Fill::LinkClose { to: note0 },
                Fill::ImageOpen {
                    to: Target::Static(0),
                    anchor: None
                },
                Fill::ImageClose { to: Target::Static(0) },
                Fill::LinkOpen {
                    to: note0,
                    anchor: None
                },
                Fill::LinkClose { to: note0 },
                Fill::LinkOpen {
                    to: note0,
                    anchor: None
                },
                Fill::NoteName {
                    note: 0,
                    name: "2026-01-08-intro".into()
                },
                Fill::LinkClose { to: note0 },
            ]
        );
        assert_eq!(diags.count(Severity::Warning), 1);
    }

    #[test]
    fn text_and_raw_html_that_look_like_links_stay_as_written() {
        for raw_html in [false, true] {
            let (note, _) = render_with(
                "mentorlog:note/0 and \"mentorlog:x\" <a href=\"mentorlog:note/0\">y</a> [[2026-01-08-intro]]\n",
                raw_html,
            );
            let h = html(&note);
            assert!(h.contains("mentorlog:note/0 and \"mentorlog:x\""), "{h}");
            if raw_html {
                assert!(h.contains("<a href=\"mentorlog:note/0\">y</a>"), "{h}");
            }
            // Only the wikilink is typed.
            assert_eq!(fills(&note).len(), 3, "{h} {:?}", fills(&note));
        }
    }

    #[test]
    fn a_heading_naming_a_note_is_typed_and_its_id_settled_later() {
        let (mut note, _) = render_with("# About [[2026-01-08-intro]]\n\n## About an unpublished note\n", false);
        assert_eq!(
            note.first_heading.as_ref().map(Phrase::hidden).as_deref(),
            Some("About an unpublished note")
        );
        assert_eq!(note.named_headings.len(), 1);
        assert_eq!(note.named_headings[0].id, "about-an-unpublished-note");
        assert_eq!(note.fixed_ids, vec!["about-an-unpublished-note-1".to_string()]);
        assert!(!html(&note).contains("2026-01-08-intro"));
        note.resolve_names(&|n| n == 0);
        assert_eq!(note.named_headings[0].id, "about-2026-01-08-intro");
        note.resolve_names(&|_| false);
        assert_eq!(note.named_headings[0].id, "about-an-unpublished-note");
    }

    #[test]
    fn links_the_sanitiser_removes_with_their_fragment_leave_no_hole_and_no_name() {
        let (note, _) = render_with(
            "a <span title=\"s\"><script>[[2026-01-08-intro]] [x](2026-01-08-intro.md)</script></span> b\n",
            false,
        );
        assert_eq!(html(&note), "<p>a <span title=\"s\"></span> b</p>\n");
        assert!(fills(&note).is_empty(), "{:?}", fills(&note));
    }

    #[test]
    fn links_in_raw_html_segments_survive_sanitising_as_holes() {
        let (note, _) = render_with(
            "<span title=\"s\">[a](2026-01-08-intro.md \"t\") ![c \"q\"](../static/chart.png) [[2026-01-08-intro]]</span>\n\n<details class=\"z\">\n\n# On [[2026-01-08-intro]]\n\n</details>\n",
            false,
        );
        let h = html(&note);
        assert_eq!(
            h,
            "<p><span title=\"s\"><a href=\"\" title=\"t\">a</a> <img src=\"\" alt=\"c &quot;q&quot;\" /> <a href=\"\"></a></span></p>\n<details class=\"z\">\n<h1 id=\"\">On <a href=\"\"></a></h1>\n</details>\n"
        );
        let kinds: Vec<&str> = fills(&note)
            .iter()
            .map(|f| match f {
                Fill::LinkOpen { .. } => "open",
                Fill::LinkClose { .. } => "close",
                Fill::ImageOpen { .. } => "img",
                Fill::ImageClose { .. } => "/img",
                Fill::NoteName { .. } => "name",
                Fill::HeadingId(_) => "h",
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "open", "close", "img", "/img", "open", "name", "close", "h", "open", "name", "close"
            ]
        );
    }

    #[test]
    fn task_list_items_are_marks_with_words_not_unlabelled_checkboxes() {
        let (note, _) = render_with("- [x] sent it\n- [ ] call Ruth\n\n<b>raw</b>\n", false);
        let h = html(&note);
        assert!(!h.contains("<input"), "{h}");
        assert!(h.contains("<span class=\"task done\" aria-hidden=\"true\">✓</span><span class=\"visually-hidden\">Done: </span>sent it"), "{h}");
        assert!(h.contains("To do: </span>call Ruth"), "{h}");
    }

    #[test]
    fn scripts_and_javascript_links_do_not_survive() {
        let (note, _) = render_with(
            "<script>alert(1)</script>\n\n<b onclick=\"x()\">hi</b> [x](javascript:alert(1))\n",
            false,
        );
        let h = html(&note);
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("onclick"), "{h}");
        assert!(!h.contains("javascript:"), "{h}");
        let (raw, _) = render_with("<span class=\"x\">kept</span>\n", true);
        assert!(html(&raw).contains("<span class=\"x\">kept</span>"));
    }

    /// The public and the private text of a note, in order.
    fn public_private(body: &str) -> (String, String, Diagnostics) {
        let (note, diags) = render_with(body, false);
        let pick = |private: bool| {
            note.segments
                .iter()
                .filter(|s| s.private == private)
                .map(|s| s.body.html_without_fills())
                .collect::<String>()
        };
        (pick(false), pick(true), diags)
    }

    #[test]
    fn t14_private_markers_any_spacing_case_line_breaks_and_dashes() {
        for marker in [
            "<!--private-->",
            "<!-- PRIVATE -->",
            "<!--\tprivate\n-->",
            "<!--\n  private\n-->",
            "<!--\n  Private\n\n-->",
            "<!-- private --->",
            "<!--- private -->",
            "<!--- private --->",
            "<!-- private --!>",
        ] {
            for close in [
                "<!-- /private -->",
                "<!-- / Private -->",
                "<!--/PRIVATE--->",
                "<!-- end private -->",
                "<!--\n/private\n-->",
            ] {
                let body = format!("public one\n\n{marker}\nsecret words\n{close}\n\npublic two\n");
                let (public, private, diags) = public_private(&body);
                assert!(!public.contains("secret"), "{marker:?} {close:?}: {public}");
                assert!(private.contains("secret"), "{marker:?} {close:?}: {private}");
                assert!(public.contains("public two"), "{marker:?} {close:?}: {public}");
                assert!(diags.is_empty(), "{marker:?} {close:?}");
            }
        }
        // Inline, in a paragraph, across a line break.
        let (public, private, _) = public_private("pay is <!--\nprivate\n-->42k<!-- /private --> now\n");
        assert!(!public.contains("42k") && private.contains("42k"), "{public}");
    }

    #[test]
    fn t14_private_markers_nest_so_the_tail_stays_private() {
        let (public, private, diags) = public_private(
            "a\n\n<!-- private -->\nb\n<!-- private -->\nc\n<!-- /private -->\nd\n<!-- /private -->\n\ne\n",
        );
        assert!(public.contains('a') && public.contains('e'), "{public}");
        for word in ["b", "c", "d"] {
            assert!(!public.contains(&format!("<p>{word}")), "{word}: {public}");
        }
        assert!(private.contains('d'), "{private}");
        assert_eq!(diags.count(Severity::Warning), 1, "the nested opening marker warns");
        // A forgotten closing marker looks like nesting: the rest stays private, with warnings.
        let (public, _, diags) =
            public_private("<!-- private -->\nb\n<!-- private -->\nc\n<!-- /private -->\n\ntail\n");
        assert!(!public.contains("tail"), "{public}");
        assert_eq!(diags.count(Severity::Warning), 2);
    }

    #[test]
    fn t14_private_markers_stray_close_warns_and_look_alikes_are_errors() {
        let (public, _, diags) = public_private("a\n\n<!-- /private -->\n\nb\n");
        assert!(public.contains('b'));
        assert_eq!(diags.count(Severity::Warning), 1);
        for comment in [
            "<!-- privat -->",
            "<!-- private: pay -->",
            "<!-- private stuff -->",
            "<!-- Pirvate -->",
            "<!-- private -- >",
        ] {
            let (public, private, diags) = public_private(&format!("a\n\n{comment}\nsecret\n\nmore\n"));
            assert_eq!(diags.count(Severity::Error), 1, "{comment}");
            assert!(
                !public.contains("secret") && !public.contains("more"),
                "{comment}: {public}"
            );
            if comment.ends_with("-->") {
                assert!(private.contains("more"), "{comment}: {private}");
            }
        }
        // `-- >` does not end a comment: it runs to the next `-->`, and stays private.
        let (public, _, diags) = public_private("a\n\n<!-- private -- >\nsecret\n<!-- /private -->\n\nmore\n");
        assert_eq!(diags.count(Severity::Error), 1);
        assert!(!public.contains("secret") && !public.contains("more"), "{public}");
        // A look-alike closing marker is an error and closes nothing.
        let (public, _, diags) = public_private("<!-- private -->\nsecret\n<!-- /privat -->\n\nmore\n");
        assert_eq!(diags.count(Severity::Error), 1);
        assert!(!public.contains("more"), "{public}");
        // Ordinary comments are not markers.
        for comment in [
            "<!-- TODO: ask about the private repo -->",
            "<!-- privately -->",
            "<!-- note -->",
        ] {
            let (_, _, diags) = public_private(&format!("a {comment} b\n"));
            assert!(diags.is_empty(), "{comment}");
        }
    }

    #[test]
    fn t14_html_raw_html_is_sanitised_by_fragment_and_tables_keep_alignment() {
        for tag in sanitize::SWALLOWING {
            let (note, diags) = render_with(&format!("Put it in a <{tag}> element.\n\nLater *words*.\n"), false);
            let h = html(&note);
            assert!(h.contains("<p>Later <em>words</em>.</p>"), "{tag}: {h}");
            assert!(!h.contains(&format!("<{tag}")), "{tag}: {h}");
            assert_eq!(diags.count(Severity::Warning), 1, "{tag}");
        }
        let (note, diags) = render_with("| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n<b>x</b> <kbd>k</kbd><br>\n", false);
        let h = html(&note);
        assert!(h.contains(r#"<td style="text-align: right">2</td>"#), "{h}");
        assert!(diags.is_empty());
    }

    /// A large segment is written part by part, cut where nothing is open at the top
    /// level, and parsed part by part: the same body, ids, warnings and search words as
    /// written in one go.
    #[test]
    fn a_segment_written_in_parts_is_the_one_written_whole() {
        let piece = "# Title [[2026-01-08-intro]]\n\nText with <span class=\"x\">inline *HTML*</span>, a [link](2026-01-08-intro.md), a footnote[^n] and <b>bold\n\n<div class=\"box\">\n\nMarkdown **inside** a div.\n\n</div>\n\n<details>\n<summary>More</summary>\n\n- a list with <i>tags</i>\n- [[missing]]\n\n</details>\n\n> quote <em>open\n\n<p onclick=\"x\">para</p> <script>alert(1)</script>\n\n[^n]: The note.\n\n| a | b |\n|---|---|\n| <u>c</u> | d |\n\n";
        let text =
            piece.repeat(40) + "<div>\n\nclosed at the end\n\n" + piece + "</div>\n\n<title>never closed\n\n" + piece;
        // Without a footnote definition the parser's parts are cut too: blocks that run
        // over blank lines must stay whole.
        let blocks = "*a* *b* <b>c</b>\n\n- loose\n\n- list\n\n  more\n\n1. one\n\n2) two\n\n```\ncode\n\nstill code\n```\n\n~~~~\n```\n\n~~~~\n\n<pre>\n\npre\n\n</pre>\n\n<!--\n\nhidden\n\n-->\n\n<!-- one line -->\n\n    indented\n\n    code\n\n> quote\n\nlazy\n> more\n\n---\n\n- - -\n\nText\n===\n\n<script>\n\nx<y\n\n</script>\n\n\tTabbed\n\n<PRE class=x>é\n\nupper\n\n</pre>\n\n";
        let cut_text = (piece.replace("[^n]: The note.\n\n", "") + blocks).repeat(30);
        for (raw_html, text) in [(false, &text), (true, &text), (false, &cut_text), (true, &cut_text)] {
            assert_eq!(text.contains("]:"), parse_cuts(text, 1).is_empty());
            let mut targets = LinkTargets::default();
            targets.add_note("sessions/2026-01-08-intro.md", "2026-01-08-intro", 0);
            let cx = NoteContext {
                path: Path::new("sessions/b.md"),
                file_text: text,
                body_line: 0,
                dir: "sessions",
                targets: &targets,
                raw_html,
            };
            let lines = Lines::new(text);
            let run = |stream_from: usize| {
                let mut diags = Diagnostics::new();
                let mut headings = Headings::default();
                let r = render_segment(text, 0, &lines, &cx, &mut headings, &mut diags, stream_from);
                let diags: Vec<String> = diags.sorted().iter().map(|d| d.render(Path::new("/"))).collect();
                (r.body, r.text, r.first_heading, headings.fixed, diags)
            };
            let whole = run(usize::MAX);
            let parts = run(0);
            assert!(
                whole
                    .0
                    .html_without_fills()
                    .contains("Markdown <strong>inside</strong>")
            );
            assert_eq!(whole, parts, "raw_html: {raw_html}");
        }
    }
}
