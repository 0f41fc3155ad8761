//! Raw HTML in notes, one fragment at a time.
//!
//! Sanitising a whole rendered note because it holds one tag let a tag named in prose
//! (`Put the name in a <title> element.`) swallow every later paragraph, stripped the
//! alignment of tables next to raw HTML, and parsed a 10 MB note into one DOM. Instead the
//! note's event stream is cut into *fragments* before it becomes HTML, and only those are
//! sanitised:
//!
//! - an HTML block is a fragment;
//! - an opening tag and its matching closing tag, with what lies between, are one
//!   fragment, when both are in the same container (the same paragraph, emphasis, list
//!   item, quote, … or, for HTML blocks, the same run of blocks in one container): this
//!   keeps `<details>` around Markdown, or `<b>…</b>` around a link, whole;
//! - a tag that matches nothing is a fragment on its own, so an element that is never
//!   closed ends there and the Markdown after it stays Markdown.
//!
//! Matching keeps a stack of open tags per container, with an index by name, so a note
//! of 100,000 unclosed tags is linear, not quadratic.
//!
//! The sanitiser's HTML parser looks through every open element for some tags (whether a
//! `<p>` is open, at each `<div>`), so its time grows with the square of the nesting: a
//! note of 100,000 nested `<div>` took 80 s. Raw HTML nested deeper than
//! [`MAX_HTML_DEPTH`] is an error, found here before anything is parsed.
//!
//! Whatever the sanitiser removes gets a warning at the line of the tag: a tag outside the
//! allowlist, an attribute, a link with a scheme that is not allowed, a processing
//! instruction, a closing tag that closes nothing. The removals are found by tokenizing the
//! note's own raw HTML with the tokenizer ammonia parses with, against the allowlist
//! ammonia is given ([`policy::Policy`]); the Markdown's own HTML is not checked (it is ours).
//!
//! With `raw_html: true` nothing is sanitised, but an element that makes browsers hide or
//! show as source everything after it (`<title>`, `<style>`, `<script>`, `<template>`, …)
//! and is never closed gets a warning.
//!
//! Here: cutting the event stream into fragments. `policy` holds the allowlist and the
//! tokenizer that reports removals, `span` cleans one fragment.

use std::collections::HashMap;

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::diag::{Diagnostic, Diagnostics, Origin, Severity};

mod policy;
mod span;
mod whole;

pub(crate) use policy::SWALLOWING;
use policy::{DROPPED_URLS, Found, NamesNote, Reader, VOID};
use span::{plain_and_balanced, sanitise_span};

/// How a piece of inline raw HTML (always one tag, comment or declaration: the Markdown
/// parser cuts them so) acts on matching.
fn inline_tag(html: &str) -> Option<Found> {
    let rest = html.strip_prefix('<')?;
    let (closing, rest) = match rest.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
        .unwrap_or(rest.len());
    let name = &rest[..end];
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name = name.to_ascii_lowercase();
    if closing {
        Some(Found::Close(name))
    } else if html.trim_end().ends_with("/>") || VOID.contains(&name.as_str()) {
        None
    } else {
        Some(Found::Open(name))
    }
}

/// How deep raw HTML may nest: elements open at once (the Markdown containers inside
/// them count too, since a fragment holds them), not counting the elements whose closing
/// tag may be left out (`<p>`, `<li>`, `<td>`, …: the next one closes them). Browsers
/// stop nesting at 512; hand-written notes stay far below.
pub(crate) const MAX_HTML_DEPTH: usize = 256;

/// Elements whose closing tag may be left out: a parser closes them when a sibling
/// starts, so an unclosed run of them does not nest.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb", "rt", "rtc", "rp",
    "colgroup", "caption", "html", "head", "body",
];

/// Whether an open `name` counts towards [`MAX_HTML_DEPTH`].
fn nests(name: &str) -> bool {
    !OPTIONAL_END.contains(&name)
}

/// An element left open, waiting for its closing tag in its container.
struct Open {
    name: String,
    /// Index of the event (inline tag, or the start of the HTML block) that opened it.
    event: usize,
    /// Source offset of the tag, for diagnostics.
    offset: usize,
}

/// The open elements of one container, with an index by name so a closing tag finds its
/// opening tag without a scan.
#[derive(Default)]
struct Level {
    open: Vec<Open>,
    by_name: HashMap<String, Vec<usize>>,
    /// How many of `open` count towards [`MAX_HTML_DEPTH`].
    nesting: usize,
}

impl Level {
    fn push(&mut self, open: Open) {
        self.nesting += usize::from(nests(&open.name));
        self.by_name.entry(open.name.clone()).or_default().push(self.open.len());
        self.open.push(open);
    }

    /// Closes the innermost open `name` and everything opened after it: the event that
    /// opened it, or `None` when nothing of that name is open.
    fn close(&mut self, name: &str) -> Option<usize> {
        // `plaintext` is never closed by a tag.
        if name == "plaintext" {
            return None;
        }
        let at = *self.by_name.get(name)?.last()?;
        let event = self.open[at].event;
        for open in self.open.drain(at..).rev() {
            self.nesting -= usize::from(nests(&open.name));
            if let Some(list) = self.by_name.get_mut(&open.name) {
                list.pop();
            }
        }
        Some(event)
    }
}

/// The nesting a fragment's parse will see, kept as tags open and close: the raw elements
/// open in every container, and the containers from the outermost one holding an open
/// element (the fragment starting there holds them all).
#[derive(Default)]
struct Depth {
    /// Raw elements open, in all containers.
    raw: usize,
    /// Indices of the containers that hold open raw elements, outermost first.
    holding: Vec<usize>,
}

impl Depth {
    /// The nesting with `levels` containers open and `extra` raw elements open besides.
    fn with(&self, levels: usize, extra: usize) -> usize {
        let containers = self.holding.first().map_or(0, |&first| levels - first);
        self.raw + extra + containers
    }

    /// After the top container (index `top`) changed from `before` open elements to `after`.
    fn update(&mut self, top: usize, before: usize, after: usize) {
        self.raw = self.raw + after - before;
        match (before > 0, after > 0) {
            (false, true) => self.holding.push(top),
            (true, false) => {
                self.holding.pop();
            }
            _ => {}
        }
    }
}

/// The elements HTML blocks leave open in the top-level container, followed as a large
/// segment's events come, the way `fragments` matches them (each block's tags among
/// themselves first, then against what is open): while none is open, no fragment can span
/// the blocks before and after that point, so the segment may be cut there and each part
/// cut into fragments on its own, with the same result. Inline HTML never matches across
/// paragraphs, and nested containers are closed at the top level.
#[derive(Default)]
pub(crate) struct TopLevel<'n> {
    level: Level,
    block: Option<Reader<'n>>,
}

impl TopLevel<'_> {
    /// A top-level HTML block starts.
    pub(crate) fn start_block(&mut self) {
        self.block = Some(Reader::new(false, None));
    }

    /// A piece of that block's HTML.
    pub(crate) fn feed(&mut self, html: &str) {
        if let Some(reader) = &mut self.block {
            reader.feed(html);
        }
    }

    /// The block ends: its tags are matched.
    pub(crate) fn end_block(&mut self) {
        let Some(mut reader) = self.block.take() else { return };
        reader.end();
        let mut own: Vec<String> = Vec::new();
        for found in reader.take_tags() {
            match found {
                Found::Open(name) => own.push(name),
                Found::Close(name) if name == "plaintext" => {}
                Found::Close(name) => {
                    if let Some(at) = own.iter().rposition(|n| *n == name) {
                        own.truncate(at);
                    } else {
                        let _ = self.level.close(&name);
                    }
                }
            }
        }
        for name in own {
            self.level.push(Open {
                name,
                event: 0,
                offset: 0,
            });
        }
    }

    /// No element is open: a cut here changes nothing.
    pub(crate) fn is_closed(&self) -> bool {
        self.block.is_none() && self.level.open.is_empty()
    }
}

/// Cuts the raw HTML of a rendered segment's events into fragments and sanitises each (or,
/// with `raw_html`, keeps them and warns only about elements that swallow the rest).
///
/// `raw` lists the events that are the note's own raw HTML (`Event::Html` and
/// `Event::InlineHtml` straight from the parser, not HTML the renderer adds), as
/// `(event index, source offset)` in order; `origin` turns a source offset into a place
/// for diagnostics. Every other event comes out as it went in; each fragment becomes one
/// `InlineHtml` (in a paragraph) or one HTML block.
pub(crate) fn fragments<'a>(
    events: Vec<Event<'a>>,
    raw: &[(usize, usize)],
    raw_html: bool,
    names_note: NamesNote<'_>,
    origin: &dyn Fn(usize) -> Origin,
    diags: &mut Diagnostics,
) -> Vec<Event<'a>> {
    if raw.is_empty() {
        return events;
    }
    // `raw` is in event order: the source offset of a raw event, by binary search.
    let offset_of = |index: usize| raw.binary_search_by_key(&index, |r| r.0).ok().map(|at| raw[at].1);
    let mut events = events;
    if !raw_html {
        whole::remove_whole(&mut events, &offset_of, origin, diags);
    }
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(raw.len());
    let mut levels: Vec<Level> = vec![Level::default()];
    // Unmatched openers of elements that swallow what follows, and stray closing tags.
    let mut unclosed: Vec<(usize, String)> = Vec::new();
    let mut stray: Vec<(usize, String)> = Vec::new();
    let mut depth = Depth::default();
    // The offset of the first tag that nests too deep.
    let mut too_deep: Option<usize> = None;
    let finish = |level: Level, unclosed: &mut Vec<(usize, String)>| {
        for open in level.open {
            if SWALLOWING.contains(&open.name.as_str()) {
                unclosed.push((open.offset, open.name));
            }
        }
    };
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::HtmlBlock) => {
                let start = i;
                let mut reader = Reader::new(false, None);
                let mut first = None;
                let mut comment = CommentState::default();
                i += 1;
                while i < events.len() && !matches!(events[i], Event::End(TagEnd::HtmlBlock)) {
                    if let (Event::Html(html), Some(at)) = (&events[i], offset_of(i)) {
                        first.get_or_insert(at);
                        comment.read(html);
                        reader.feed(html);
                    }
                    i += 1;
                }
                reader.end();
                let end = i.min(events.len() - 1);
                spans.push((start, end));
                let offset = first.unwrap_or(0);
                if comment.open {
                    diags.push(
                        Diagnostic::at(
                            Severity::Warning,
                            &origin(offset),
                            "this HTML comment is never closed with `-->`, so everything after it is hidden",
                        )
                        .help("end the comment with `-->`"),
                    );
                }
                let count = levels.len();
                let level = levels.last_mut();
                let Some(level) = level else { break };
                let before = level.nesting;
                // The block's own tags first match among themselves (a level of their
                // own, so that closing tags find theirs without a scan).
                let mut own = Level::default();
                for found in reader.take_tags() {
                    match found {
                        Found::Open(name) => {
                            own.push(Open {
                                name,
                                event: start,
                                offset,
                            });
                            // `depth` counts the level as it was before this block.
                            if depth.with(count, own.nesting + level.nesting) - before > MAX_HTML_DEPTH {
                                too_deep = Some(offset);
                                break;
                            }
                        }
                        Found::Close(name) => {
                            if own.close(&name).is_some() {
                                // One of the block's own elements, closed in the block.
                            } else if let Some(opened) = level.close(&name) {
                                spans.push((opened, end));
                            } else if !matches!(name.as_str(), "p" | "br" | "plaintext") {
                                stray.push((offset, name));
                            }
                        }
                    }
                }
                for open in own.open {
                    level.push(open);
                }
                depth.update(count - 1, before, level.nesting);
                if too_deep.is_some() {
                    break;
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if let Some(offset) = offset_of(i) {
                    spans.push((i, i));
                    let count = levels.len();
                    if let Some(level) = levels.last_mut() {
                        let before = level.nesting;
                        match inline_tag(html) {
                            Some(Found::Open(name)) => level.push(Open { name, event: i, offset }),
                            Some(Found::Close(name)) => match level.close(&name) {
                                Some(opened) => spans.push((opened, i)),
                                None if !matches!(name.as_str(), "p" | "br") => stray.push((offset, name)),
                                None => {}
                            },
                            None => {}
                        }
                        depth.update(count - 1, before, level.nesting);
                        if depth.with(count, 0) > MAX_HTML_DEPTH {
                            too_deep = Some(offset);
                            break;
                        }
                    }
                }
            }
            Event::Start(_) => {
                levels.push(Level::default());
                if depth.with(levels.len(), 0) > MAX_HTML_DEPTH {
                    // The container's own raw HTML comes later: point at the element
                    // holding it, the innermost raw element open.
                    too_deep = Some(levels.iter().rev().find_map(|l| l.open.last()).map_or(0, |o| o.offset));
                    break;
                }
            }
            Event::End(_) if levels.len() > 1 => {
                if let Some(level) = levels.pop() {
                    depth.update(levels.len(), level.nesting, 0);
                    finish(level, &mut unclosed);
                }
            }
            _ => {}
        }
        i += 1;
    }
    if let Some(offset) = too_deep {
        diags.push(
            Diagnostic::at(
                Severity::Error,
                &origin(offset),
                format!("raw HTML nested more than {MAX_HTML_DEPTH} elements deep"),
            )
            .help("close elements before opening more, or put the HTML in a code block to show it as text"),
        );
        // The note is not published: its raw HTML goes unread.
        return events
            .into_iter()
            .enumerate()
            .filter(|(index, _)| offset_of(*index).is_none())
            .map(|(_, event)| event)
            .collect();
    }
    for level in levels {
        finish(level, &mut unclosed);
    }
    if raw_html {
        warn_note_urls(&events, &offset_of, names_note, origin, diags);
        for (offset, name) in unclosed {
            let hides = match name.as_str() {
                "title" | "textarea" | "xmp" | "plaintext" => "shows the rest of the page as HTML source",
                _ => "hides the rest of the page",
            };
            diags.push(
                Diagnostic::at(
                    Severity::Warning,
                    &origin(offset),
                    format!("`<{name}>` is never closed in this paragraph or block, so a browser {hides}"),
                )
                .help(format!(
                    "close it with `</{name}>`, or put the tag in backticks to show it as text"
                )),
            );
        }
        return events;
    }
    for (offset, name) in stray {
        diags.push(
            Diagnostic::at(
                Severity::Warning,
                &origin(offset),
                format!("`</{name}>` removed: no `<{name}>` is open before it in this paragraph or block"),
            )
            .help(format!(
                "remove it, or put it in backticks to show it as text (`</{name}>`)"
            )),
        );
    }
    // Keep the outermost spans: matched spans nest or are apart (a match closes
    // everything opened after its opening tag), so sorting by start, longest first,
    // leaves each inner span right after the span that holds it.
    spans.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut outer: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for span in spans {
        match outer.last() {
            Some(last) if span.0 <= last.1 => {}
            _ => outer.push(span),
        }
    }
    // Events outside fragments, and fragments kept as they are, move over unchanged; each
    // fragment that changes becomes its sanitised HTML, with the events that must stay
    // events (see `Kept`) in their places.
    let mut out: Vec<Event<'a>> = Vec::with_capacity(events.len());
    let mut read = 0;
    for (start, end) in outer {
        out.extend((read..start).map(|index| std::mem::replace(&mut events[index], Event::SoftBreak)));
        read = end + 1;
        let pieces = || {
            (start..=end).filter_map(|index| match &events[index] {
                Event::Html(html) | Event::InlineHtml(html) if offset_of(index).is_some() => Some(html.as_ref()),
                _ => None,
            })
        };
        // Most raw HTML in notes is `<b>…</b>`, `<kbd>…</kbd>`, `<br>`: kept as it is, with
        // the Markdown inside it untouched, without a parse.
        if plain_and_balanced(pieces()) {
            out.extend((start..=end).map(|index| std::mem::replace(&mut events[index], Event::SoftBreak)));
            continue;
        }
        let mut reader = Reader::new(true, Some(names_note));
        let mut first = None;
        for (index, event) in events.iter().enumerate().take(end + 1).skip(start) {
            if let (Event::Html(html) | Event::InlineHtml(html), Some(offset)) = (event, offset_of(index)) {
                first.get_or_insert(offset);
                reader.feed(html);
                for (message, help) in reader.take_removed() {
                    diags.push(Diagnostic::at(Severity::Warning, &origin(offset), message).help(help));
                }
            }
        }
        reader.end();
        for (message, help) in reader.take_removed() {
            diags.push(Diagnostic::at(Severity::Warning, &origin(first.unwrap_or(0)), message).help(help));
        }
        let block = matches!(events[start], Event::Start(Tag::HtmlBlock));
        let span: Vec<Event<'a>> = (start..=end)
            .map(|index| std::mem::replace(&mut events[index], Event::SoftBreak))
            .collect();
        let dropped = reader.take_dropped();
        DROPPED_URLS.with(|urls| *urls.borrow_mut() = dropped);
        sanitise_span(span, block, &mut out);
        DROPPED_URLS.with(|urls| urls.borrow_mut().clear());
    }
    out.extend((read..events.len()).map(|index| std::mem::replace(&mut events[index], Event::SoftBreak)));
    out
}

/// With `raw_html: true`: a warning for each URL in the raw HTML that names a note (its
/// name is published as written). Each HTML block is read whole, each inline tag alone.
fn warn_note_urls(
    events: &[Event<'_>],
    offset_of: &dyn Fn(usize) -> Option<usize>,
    names_note: NamesNote<'_>,
    origin: &dyn Fn(usize) -> Origin,
    diags: &mut Diagnostics,
) {
    let mut reader: Option<(Reader<'_>, usize)> = None;
    let flush = |reader: &mut Option<(Reader<'_>, usize)>, diags: &mut Diagnostics| {
        if let Some((mut r, offset)) = reader.take() {
            r.end();
            for (message, help) in r.take_removed() {
                diags.push(Diagnostic::at(Severity::Warning, &origin(offset), message).help(help));
            }
        }
    };
    for (index, event) in events.iter().enumerate() {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                let Some(offset) = offset_of(index) else { continue };
                if matches!(event, Event::InlineHtml(_)) {
                    flush(&mut reader, diags);
                }
                let (r, _) = reader.get_or_insert_with(|| (Reader::new(false, Some(names_note)), offset));
                r.feed(html);
                if matches!(event, Event::InlineHtml(_)) {
                    flush(&mut reader, diags);
                }
            }
            Event::End(TagEnd::HtmlBlock) => flush(&mut reader, diags),
            _ => {}
        }
    }
    flush(&mut reader, diags);
}

/// Whether an HTML block ends inside a comment (which hides all that follows), read one
/// line at a time. An HTML block that opens a comment runs to the line that closes it, so
/// only comments not closed by the end of the block are found.
#[derive(Default)]
struct CommentState {
    open: bool,
    /// Up to two `-` at the end of the last line read, which may start its `-->`.
    tail: String,
}

impl CommentState {
    fn read(&mut self, line: &str) {
        let text = std::mem::take(&mut self.tail) + line;
        let mut from = 0;
        loop {
            if self.open {
                match text[from..].find("-->") {
                    Some(end) => {
                        self.open = false;
                        from += end + 3;
                    }
                    None => break,
                }
            } else {
                match text[from..].find("<!--") {
                    Some(found) => {
                        let body = &text[from + found + 4..];
                        // `<!-->` and `<!--->` are whole (empty) comments.
                        from += found + 4;
                        if body.starts_with('>') {
                            from += 1;
                        } else if body.starts_with("->") {
                            from += 2;
                        } else {
                            self.open = true;
                        }
                    }
                    None => break,
                }
            }
        }
        if self.open {
            let keep = text.len() - text[from..].bytes().rev().take_while(|&b| b == b'-').take(2).count();
            self.tail = text[keep.max(from)..].to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser};

    /// Parses `md`, cuts and sanitises its raw HTML, renders: the HTML and the diagnostics.
    fn run(md: &str, raw_html: bool) -> (String, Vec<String>) {
        let mut events = Vec::new();
        let mut raw = Vec::new();
        for (event, range) in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES).into_offset_iter()
        {
            if matches!(event, Event::Html(_) | Event::InlineHtml(_)) {
                raw.push((events.len(), range.start));
            }
            events.push(event);
        }
        let origin = |at: usize| Origin {
            path: "n.md".into(),
            line: md[..at].matches('\n').count() + 1,
            col: 1,
            line_text: String::new(),
        };
        let mut diags = Diagnostics::new();
        let events = fragments(events, &raw, raw_html, &|url| url.contains("note"), &origin, &mut diags);
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        let messages = diags
            .sorted()
            .iter()
            .map(|d| {
                d.render(std::path::Path::new("/"))
                    .lines()
                    .next()
                    .unwrap_or("")
                    .to_string()
            })
            .collect();
        (html, messages)
    }

    #[test]
    fn an_unclosed_tag_ends_with_its_paragraph_with_a_warning() {
        for tag in SWALLOWING {
            let (html, d) = run(&format!("Put it in a <{tag}> element.\n\nLater *words*.\n"), false);
            assert!(html.ends_with("<p>Later <em>words</em>.</p>\n"), "{tag}: {html}");
            assert_eq!(d.len(), 1, "{tag}: {d:?}");
            assert!(
                d[0].starts_with(&format!("n.md:1:1: warning: `<{tag}>` removed")),
                "{d:?}"
            );
            let (html, d) = run(&format!("Put it in a <{tag}> element.\n\nLater.\n"), true);
            assert!(html.contains(&format!("<{tag}>")), "{html}");
            assert!(d[0].contains("is never closed"), "{d:?}");
        }
    }

    #[test]
    fn matched_tags_make_one_fragment_across_markdown() {
        let (html, d) = run(
            "<details>\n<summary>More</summary>\n\nSome *md*.\n\n</details>\n\nafter\n",
            false,
        );
        assert!(
            html.contains("<details>\n<summary>More</summary>\n<p>Some <em>md</em>.</p>\n</details>"),
            "{html}"
        );
        assert!(d.is_empty(), "{d:?}");
        // Bare phrasing tags pass untouched, Markdown inside included.
        let (html, d) = run("A <b>bold *and* <i>it</i></b><br> word.\n", false);
        assert_eq!(html, "<p>A <b>bold <em>and</em> <i>it</i></b><br> word.</p>\n");
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn removals_are_reported_exactly() {
        let (_, d) = run(
            "<b onclick=\"x\">y</b> <a href=\"javascript:alert(1)\">z</a> <?php 1 ?> </i>\n",
            false,
        );
        assert_eq!(d.len(), 4, "{d:?}");
        let (html, d) = run(
            "<kbd>k</kbd> <details open><summary>s</summary>d</details> <a name=\"x\" href=\"https://e.org\">e</a>\n",
            false,
        );
        assert!(d.is_empty(), "{d:?} {html}");
        let (_, d) = run("<!-- never closed\n\nmore\n", false);
        assert!(d[0].contains("never closed with `-->`"), "{d:?}");
    }

    #[test]
    fn processing_instructions_go_whole_from_every_line() {
        let (html, d) = run("<div>\n<?a\n>?>x<?b?>\ny <?c\n?>\n</div>\n", false);
        assert_eq!(html, "<div>\nx\ny \n</div>\n", "{d:?}");
        assert_eq!(d.len(), 3, "{d:?}");
        assert!(
            d[0].starts_with("n.md:2:1: warning: the processing instruction `<?a…` is removed"),
            "{d:?}"
        );
        // Many lines, each with one.
        let many = format!("<div>\n{}</div>\n", "<?x?>a\n".repeat(5_000));
        let (html, d) = run(&many, false);
        assert_eq!(d.len(), 5_000);
        assert!(!html.contains('?'));
        // Kept as written with `raw_html`.
        let (html, d) = run("<?a '>' ?>\n", true);
        assert_eq!(html, "<?a '>' ?>\n");
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn plain_tags_must_nest() {
        assert!(plain_and_balanced(
            ["<b>", "<I>", "</I>", "</b>", "<br/>", "<br />"].into_iter()
        ));
        assert!(!plain_and_balanced(["<b>", "<i>", "</b>", "</i>"].into_iter()));
        assert!(!plain_and_balanced(["<b>"].into_iter()));
        assert!(!plain_and_balanced(["<b class=x>", "</b>"].into_iter()));
        assert!(!plain_and_balanced(["<div>", "</div>"].into_iter()));
        assert!(!plain_and_balanced(["<b/>"].into_iter()));
    }

    #[test]
    fn matching_is_linear_in_the_number_of_tags() {
        // 20,000 open tags then 20,000 closing tags of another name: a scan of the stack
        // for each would be 400 million steps.
        let mut level = Level::default();
        for i in 0..20_000 {
            level.push(Open {
                name: "b".into(),
                event: i,
                offset: i,
            });
        }
        for _ in 0..20_000 {
            assert_eq!(level.close("i"), None);
        }
        assert_eq!(level.close("b"), Some(19_999));
        assert_eq!(level.open.len(), 19_999);
    }
}
