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
//! Whatever the sanitiser removes gets a warning at the line of the tag: a tag outside the
//! allowlist, an attribute, a link with a scheme that is not allowed, a processing
//! instruction, a closing tag that closes nothing. The removals are found by tokenizing the
//! note's own raw HTML with the tokenizer ammonia parses with, against the allowlist
//! ammonia is given ([`Policy`]); the Markdown's own HTML is not checked (it is ours).
//!
//! With `raw_html: true` nothing is sanitised, but an element that makes browsers hide or
//! show as source everything after it (`<title>`, `<style>`, `<script>`, `<template>`, …)
//! and is never closed gets a warning.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::diag::{Diagnostic, Diagnostics, Origin, Severity};

/// What raw HTML may keep, shared by the sanitiser and the check that reports removals,
/// so the two cannot disagree.
struct Policy {
    builder: ammonia::Builder<'static>,
    tags: HashSet<&'static str>,
    clean_content: HashSet<&'static str>,
    generic: HashSet<&'static str>,
    tag_attributes: HashMap<&'static str, HashSet<&'static str>>,
    schemes: HashSet<&'static str>,
}

/// The allowlist for notes' raw HTML: ammonia's defaults plus what the Markdown renderer
/// itself writes inside a fragment (heading ids, footnote classes, task-list marks, table
/// alignment as `style="text-align: …"`), `<a name>` anchors and
/// `<details open>`.
static POLICY: LazyLock<Policy> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.add_generic_attributes(["id", "class", "aria-hidden"])
        .add_tag_attributes("a", ["name"])
        .add_tag_attributes("details", ["open"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .filter_style_properties(HashSet::from(["text-align"]))
        .link_rel(Some("noopener noreferrer"))
        .attribute_filter(|_, _, value| {
            let named = DROPPED_URLS.with(|urls| urls.borrow().iter().any(|url| url == value));
            (!named).then(|| value.into())
        });
    Policy {
        tags: b.clone_tags(),
        clean_content: b.clone_clean_content_tags(),
        generic: b.clone_generic_attributes(),
        tag_attributes: b.clone_tag_attributes(),
        schemes: b.clone_url_schemes(),
        builder: b,
    }
});

/// Elements after which browsers read everything as text or hide it, up to their closing
/// tag (or for ever): unclosed, they swallow the rest of the page.
pub(crate) const SWALLOWING: &[&str] = &[
    "title",
    "style",
    "script",
    "template",
    "textarea",
    "xmp",
    "noscript",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
    "select",
];

/// Elements that never have content (their closing tag is not looked for).
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link",
    "meta", "param", "source", "track", "wbr",
];

/// Elements that can run script or load active content, for the wording of a removal.
const ACTIVE: &[&str] = &[
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "form", "input", "button",
    "base", "link", "meta", "style", "template", "noscript", "portal", "isindex",
];

/// The tokenizer state an element's content is read in, as the HTML tree builder sets it.
fn content_state(name: &str) -> TokenSinkResult<()> {
    match name {
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => TokenSinkResult::RawData(RawKind::Rawtext),
        "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
        "plaintext" => TokenSinkResult::Plaintext,
        _ => TokenSinkResult::Continue,
    }
}

/// One tag of raw HTML, as the tokenizer read it.
enum Found {
    Open(String),
    Close(String),
}

/// Whether a URL written in raw HTML names one of the journal's notes.
pub(crate) type NamesNote<'n> = &'n dyn Fn(&str) -> bool;

/// Collects what a tokenizer reads: the tags (for matching) and, when `check` is on, the
/// removals the sanitiser will make (for warnings). With `names_note`, URLs that name a
/// note are found too: removed when `check` is on (`dropped`), else warned about.
#[derive(Default)]
struct Sink<'n> {
    check: bool,
    names_note: Option<NamesNote<'n>>,
    tags: RefCell<Vec<Found>>,
    removed: RefCell<Vec<(String, String)>>,
    dropped: RefCell<Vec<String>>,
}

impl TokenSink for Sink<'_> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) => {
                let name = tag.name.to_string();
                if tag.kind == TagKind::EndTag {
                    self.tags.borrow_mut().push(Found::Close(name));
                    return TokenSinkResult::Continue;
                }
                if self.check {
                    self.check_start(&name, &tag.attrs);
                } else if self.names_note.is_some() {
                    self.check_note_urls(&name, &tag.attrs);
                }
                let state = content_state(&name);
                if !(tag.self_closing || VOID.contains(&name.as_str())) {
                    self.tags.borrow_mut().push(Found::Open(name));
                }
                state
            }
            Token::CommentToken(text) if self.check => {
                // Bogus comments: what the HTML parser makes of `<?…>` and `<![CDATA[…]]>`.
                if text.starts_with('?') {
                    self.remove(
                        format!("the processing instruction `<{}>` is removed", cut(&text, 40)),
                        "raw HTML keeps elements and text only; put it in backticks to show it",
                    );
                } else if text.starts_with("[CDATA[") {
                    self.remove(
                        "a `<![CDATA[…]]>` section is removed".into(),
                        "CDATA belongs to XML, not HTML; write the text without it",
                    );
                }
                TokenSinkResult::Continue
            }
            Token::DoctypeToken(_) if self.check => {
                self.remove(
                    "`<!DOCTYPE …>` is removed".into(),
                    "a note is part of a page: write its content without a document type",
                );
                TokenSinkResult::Continue
            }
            _ => TokenSinkResult::Continue,
        }
    }
}

/// At most `max` characters of `text`, with `…` when cut.
fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

impl Sink<'_> {
    /// URLs in `attrs` that name a note: with `check`, the attribute goes (a private or
    /// draft note's name would be published in it, and raw HTML links are not resolved
    /// per page as Markdown links are); with `raw_html: true`, a warning.
    fn check_note_urls(&self, name: &str, attrs: &[html5ever::Attribute]) -> bool {
        let Some(names_note) = self.names_note else {
            return false;
        };
        let mut found = false;
        for attr in attrs {
            let attr_name = &*attr.name.local;
            // With `check`, an attribute off the allowlist is removed (and reported) anyway.
            if !(is_url_attr(name, attr_name) || matches!(attr_name, "cite" | "srcset" | "longdesc" | "background"))
                || (self.check && !allowed(name, attr_name))
                || !names_note(&attr.value)
            {
                continue;
            }
            found = true;
            if self.check {
                self.dropped.borrow_mut().push(attr.value.to_string());
                self.remove(
                    format!("`{attr_name}` removed from `<{name}>`: it names a note, and raw HTML cannot link to notes (the note may be private or a draft)"),
                    "link to the note with Markdown instead: `[text](note.md)` or `[[note|text]]`",
                );
            } else {
                self.remove(
                    format!("`{attr_name}` of `<{name}>` names a note: with `raw_html: true` it is published as written, even when that note is private or a draft"),
                    "link to the note with Markdown instead: `[text](note.md)` or `[[note|text]]`",
                );
            }
        }
        found
    }

    fn remove(&self, message: String, help: &str) {
        self.removed.borrow_mut().push((message, help.to_string()));
    }

    /// The removals ammonia makes in a start tag: the tag itself, or attributes and links.
    fn check_start(&self, name: &str, attrs: &[html5ever::Attribute]) {
        let policy = &*POLICY;
        if !policy.tags.contains(name) {
            let content = if policy.clean_content.contains(name) || name == "template" {
                " with what is inside it"
            } else {
                ""
            };
            let message = if ACTIVE.contains(&name) {
                format!("`<{name}>` removed{content}: raw HTML that can run script is not published")
            } else {
                format!("`<{name}>` removed{content}: notes may use common formatting tags only")
            };
            self.remove(
                message,
                &format!("to show the tag as text, put it in backticks: `` `<{name}>` ``"),
            );
            return;
        }
        for attr in attrs {
            let attr_name = &*attr.name.local;
            if !allowed(name, attr_name) {
                let why = if attr_name.starts_with("on") {
                    "it can run script"
                } else if attr_name == "rel" && name == "a" {
                    "links get `rel=\"noopener noreferrer\"`"
                } else {
                    "it is not on the list of attributes notes may use"
                };
                self.remove(
                    format!("`{attr_name}` removed from `<{name}>`: {why}"),
                    "remove the attribute, or put the tag in backticks to show it as text",
                );
                continue;
            }
            if is_url_attr(name, attr_name) || attr_name == "cite" {
                if let Some(scheme) =
                    forbidden_scheme(&attr.value, &policy.schemes).filter(|_| is_url_attr(name, attr_name))
                {
                    self.remove(
                        format!("the `{scheme}:` {attr_name} is removed from `<{name}>`: only web, mail and phone links are published"),
                        "link to an http(s) address, a note or a file under static/",
                    );
                }
            } else if attr_name == "style" {
                for property in attr.value.split(';') {
                    let property = property.split(':').next().unwrap_or("").trim().to_ascii_lowercase();
                    if !property.is_empty() && !property.starts_with("/*") && property != "text-align" {
                        self.remove(
                            format!("`{property}` removed from the `style` of `<{name}>`: only `text-align` is kept"),
                            "style the site through its theme, not inside notes",
                        );
                    }
                }
            }
        }
        self.check_note_urls(name, attrs);
    }
}

/// Whether the policy keeps attribute `attr` on element `tag`.
fn allowed(tag: &str, attr: &str) -> bool {
    let policy = &*POLICY;
    policy.generic.contains(attr) || policy.tag_attributes.get(tag).is_some_and(|set| set.contains(attr))
}

/// The attributes ammonia checks as URLs (its `is_url_attr`, for HTML elements).
fn is_url_attr(tag: &str, attr: &str) -> bool {
    matches!(attr, "href" | "xlink:href" | "src")
        || (tag == "form" && attr == "action")
        || (tag == "object" && attr == "data")
        || (matches!(tag, "button" | "input") && attr == "formaction")
        || (tag == "a" && attr == "ping")
        || (tag == "video" && attr == "poster")
}

/// The scheme of `url` when ammonia would drop it: parsed as it parses it.
fn forbidden_scheme(value: &str, allowed: &HashSet<&str>) -> Option<String> {
    match url::Url::parse(value) {
        Ok(url) if !allowed.contains(url.scheme()) => Some(url.scheme().to_string()),
        Ok(_) | Err(url::ParseError::RelativeUrlWithoutBase) => None,
        Err(_) => Some("unreadable".to_string()),
    }
}

/// A tokenizer over one stretch of raw HTML, fed piece by piece.
struct Reader<'n> {
    tokenizer: Tokenizer<Sink<'n>>,
    queue: BufferQueue,
}

impl<'n> Reader<'n> {
    fn new(check: bool, names_note: Option<NamesNote<'n>>) -> Reader<'n> {
        Reader {
            tokenizer: Tokenizer::new(
                Sink {
                    check,
                    names_note,
                    ..Sink::default()
                },
                TokenizerOpts::default(),
            ),
            queue: BufferQueue::default(),
        }
    }

    fn feed(&mut self, html: &str) {
        self.queue.push_back(StrTendril::from_slice(html));
        while let TokenizerResult::Script(()) = self.tokenizer.feed(&self.queue) {}
    }

    fn end(&mut self) {
        self.tokenizer.end();
    }

    fn take_removed(&self) -> Vec<(String, String)> {
        std::mem::take(&mut *self.tokenizer.sink.removed.borrow_mut())
    }

    fn take_dropped(&self) -> Vec<String> {
        std::mem::take(&mut *self.tokenizer.sink.dropped.borrow_mut())
    }

    fn take_tags(&self) -> Vec<Found> {
        std::mem::take(&mut *self.tokenizer.sink.tags.borrow_mut())
    }
}

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
}

impl Level {
    fn push(&mut self, open: Open) {
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
            if let Some(list) = self.by_name.get_mut(&open.name) {
                list.pop();
            }
        }
        Some(event)
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
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(raw.len());
    let mut levels: Vec<Level> = vec![Level::default()];
    // Unmatched openers of elements that swallow what follows, and stray closing tags.
    let mut unclosed: Vec<(usize, String)> = Vec::new();
    let mut stray: Vec<(usize, String)> = Vec::new();
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
                let level = levels.last_mut();
                let Some(level) = level else { break };
                // The block's own tags first match among themselves.
                let mut own: Vec<String> = Vec::new();
                for found in reader.take_tags() {
                    match found {
                        Found::Open(name) => own.push(name),
                        Found::Close(name) => {
                            if name == "plaintext" {
                                continue;
                            }
                            if let Some(at) = own.iter().rposition(|n| *n == name) {
                                own.truncate(at);
                            } else if let Some(opened) = level.close(&name) {
                                spans.push((opened, end));
                            } else if !matches!(name.as_str(), "p" | "br") {
                                stray.push((offset, name));
                            }
                        }
                    }
                }
                for name in own {
                    level.push(Open {
                        name,
                        event: start,
                        offset,
                    });
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if let Some(offset) = offset_of(i) {
                    spans.push((i, i));
                    if let Some(level) = levels.last_mut() {
                        match inline_tag(html) {
                            Some(Found::Open(name)) => level.push(Open { name, event: i, offset }),
                            Some(Found::Close(name)) => match level.close(&name) {
                                Some(opened) => spans.push((opened, i)),
                                None if !matches!(name.as_str(), "p" | "br") => stray.push((offset, name)),
                                None => {}
                            },
                            None => {}
                        }
                    }
                }
            }
            Event::Start(_) => levels.push(Level::default()),
            Event::End(_) if levels.len() > 1 => {
                if let Some(level) = levels.pop() {
                    finish(level, &mut unclosed);
                }
            }
            _ => {}
        }
        i += 1;
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
    let mut events = events;
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

thread_local! {
    /// The URLs that name notes in the fragment being cleaned: the policy's attribute
    /// filter removes attributes holding them (see `Sink::check_note_urls`).
    static DROPPED_URLS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Events inside a fragment that must reach the HTML writer as events, not as HTML the
/// sanitiser re-parses: links and images (their targets are typed values that render
/// fills in per page), headings (their ids may depend on which notes are published) and
/// the names of notes in bare wikilinks. An image is kept with its alt text, which the
/// writer turns into an attribute.
fn kept_units(span: &[Event<'_>]) -> Vec<(usize, usize)> {
    let mut units = Vec::new();
    let mut i = 0;
    while i < span.len() {
        match &span[i] {
            Event::Start(Tag::Image { .. }) => {
                let mut depth = 0usize;
                let mut j = i;
                while j < span.len() {
                    match span[j] {
                        Event::Start(Tag::Image { .. }) => depth += 1,
                        Event::End(TagEnd::Image) => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                let last = j.min(span.len() - 1);
                units.push((i, last));
                i = last;
            }
            Event::Start(Tag::Link { .. } | Tag::Heading { .. })
            | Event::End(TagEnd::Link | TagEnd::Heading(_))
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => units.push((i, i)),
            _ => {}
        }
        i += 1;
    }
    units
}

/// Sanitises one fragment's events into `out`. Each kept unit stands in the fragment's
/// HTML as a numbered token (a private-use character the fragment does not contain,
/// digits, the character again), which no tag can hold; after cleaning, the HTML is cut
/// at the tokens and the kept events go back in their places. When the sanitiser moved or
/// dropped a token (a link inside `<script>`, text a table pushes out of itself), the
/// fragment is cleaned again with its kept events made plain: link text stays without
/// its link, an image and a note's name go, and the fragment still hides nothing and
/// forges nothing.
fn sanitise_span<'a>(span: Vec<Event<'a>>, block: bool, out: &mut Vec<Event<'a>>) {
    let piece = |html: &str| -> Event<'a> {
        if block {
            Event::Html(CowStr::from(html.to_string()))
        } else {
            Event::InlineHtml(CowStr::from(html.to_string()))
        }
    };
    let units = kept_units(&span);
    let token = absent_private_use(&span);
    let (Some(token), false) = (token, units.is_empty()) else {
        out.push(piece(&clean_events(plain(span).into_iter())));
        return;
    };
    // The fragment with each kept unit replaced by its token.
    let mut marked: Vec<Event<'a>> = Vec::with_capacity(span.len());
    let mut at = 0;
    for (n, &(from, to)) in units.iter().enumerate() {
        marked.extend(span[at..from].iter().cloned());
        marked.push(Event::InlineHtml(CowStr::from(format!("{token}{n}{token}"))));
        at = to + 1;
    }
    marked.extend(span[at..].iter().cloned());
    let clean = clean_events(marked.into_iter());
    let mut parts = clean.split(token);
    let mut html: Vec<&str> = vec![parts.next().unwrap_or_default()];
    let mut order: Vec<Option<usize>> = Vec::with_capacity(units.len());
    while let Some(number) = parts.next() {
        order.push(number.parse().ok());
        html.push(parts.next().unwrap_or_default());
    }
    // In order, and each in the text of the cleaned HTML: a token the sanitiser kept
    // inside an attribute value (`<img src=x title="` left open across Markdown) would put
    // the kept event's tags inside that tag, where its URL becomes attributes of its own.
    let in_place = order.len() == units.len()
        && order.iter().enumerate().all(|(n, at)| *at == Some(n))
        && in_text(&clean, token) == 2 * units.len();
    if !in_place {
        out.push(piece(&clean_events(plain(span).into_iter())));
        return;
    }
    // `html` has one part before each unit and one after the last.
    let mut span = span.into_iter();
    let mut at = 0;
    for (n, &(from, to)) in units.iter().enumerate() {
        if !html[n].is_empty() {
            out.push(piece(html[n]));
        }
        out.extend(span.by_ref().skip(from - at).take(to - from + 1));
        at = to + 1;
    }
    if let Some(last) = html.last().filter(|h| !h.is_empty()) {
        out.push(piece(last));
    }
}

/// Counts `token` in the character data of `html` that an HTML parser reads as markup
/// (not in tags, attribute values, comments, or the raw text of `<style>`, `<textarea>`, …).
fn in_text(html: &str, token: char) -> usize {
    struct Count {
        token: char,
        seen: std::cell::Cell<usize>,
        raw: std::cell::Cell<bool>,
    }
    impl TokenSink for Count {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            match token {
                Token::CharacterTokens(text) if !self.raw.get() => {
                    self.seen.set(self.seen.get() + text.matches(self.token).count());
                }
                Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                    let state = content_state(&tag.name);
                    self.raw.set(!matches!(state, TokenSinkResult::Continue));
                    return state;
                }
                Token::TagToken(_) => self.raw.set(false),
                _ => {}
            }
            TokenSinkResult::Continue
        }
    }
    let tokenizer = Tokenizer::new(
        Count {
            token,
            seen: std::cell::Cell::new(0),
            raw: std::cell::Cell::new(false),
        },
        TokenizerOpts::default(),
    );
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    while let TokenizerResult::Script(()) = tokenizer.feed(&queue) {}
    tokenizer.end();
    tokenizer.sink.seen.get()
}

/// A private-use character that occurs nowhere in the fragment's text or HTML.
fn absent_private_use(span: &[Event<'_>]) -> Option<char> {
    let mut used = HashSet::new();
    for event in span {
        let text: &str = match event {
            Event::Text(t)
            | Event::Code(t)
            | Event::Html(t)
            | Event::InlineHtml(t)
            | Event::InlineMath(t)
            | Event::DisplayMath(t)
            | Event::FootnoteReference(t) => t,
            Event::Start(Tag::Link { dest_url, title, .. } | Tag::Image { dest_url, title, .. }) => {
                used.extend(title.chars().filter(|c| ('\u{e000}'..='\u{f8ff}').contains(c)));
                dest_url
            }
            _ => continue,
        };
        used.extend(text.chars().filter(|c| ('\u{e000}'..='\u{f8ff}').contains(c)));
    }
    ('\u{e000}'..='\u{f8ff}').find(|c| !used.contains(c))
}

/// The fragment with its kept events made plain: links become their text, images and
/// notes' names go, headings lose their ids (a named heading's id would name its note).
fn plain(span: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut image = 0usize;
    span.into_iter()
        .filter_map(|event| match event {
            Event::Start(Tag::Image { .. }) => {
                image += 1;
                None
            }
            Event::End(TagEnd::Image) => {
                image = image.saturating_sub(1);
                None
            }
            _ if image > 0 => None,
            Event::Start(Tag::Link { .. })
            | Event::End(TagEnd::Link)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => None,
            Event::Start(Tag::Heading {
                level, classes, attrs, ..
            }) => Some(Event::Start(Tag::Heading {
                level,
                id: None,
                classes,
                attrs,
            })),
            other => Some(other),
        })
        .collect()
}

/// The events written as HTML and cleaned by the policy.
fn clean_events<'a>(events: impl Iterator<Item = Event<'a>>) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    POLICY.builder.clean(&html).to_string()
}

/// Phrasing elements that the sanitiser keeps as they are, and whose bare tags (no
/// attributes) an HTML parser never moves, when they nest properly.
const PLAIN: &[&str] = &[
    "abbr", "b", "bdi", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s", "samp", "small",
    "span", "strike", "strong", "sub", "sup", "tt", "u", "var",
];

/// Whether the raw pieces of a fragment are all bare tags of [`PLAIN`] elements (or `<br>`,
/// `<wbr>`), each closed in order: then the sanitiser would give them back unchanged, and
/// nothing is left open to spill formatting over the rest of the page.
fn plain_and_balanced<'h>(pieces: impl Iterator<Item = &'h str>) -> bool {
    let mut open: Vec<&str> = Vec::new();
    for piece in pieces {
        let Some(inside) = piece.strip_prefix('<').and_then(|p| p.strip_suffix('>')) else {
            return false;
        };
        let (closing, name) = match inside.strip_prefix('/') {
            Some(name) => (true, name),
            None => (false, inside.strip_suffix('/').unwrap_or(inside).trim_end_matches(' ')),
        };
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return false;
        }
        let lower = name.to_ascii_lowercase();
        if !closing && matches!(lower.as_str(), "br" | "wbr") {
            continue;
        }
        let Some(&known) = PLAIN.iter().find(|&&p| p == lower) else {
            return false;
        };
        if closing {
            if open.pop() != Some(known) {
                return false;
            }
        } else if inside.ends_with('/') {
            return false;
        } else {
            open.push(known);
        }
    }
    open.is_empty()
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
