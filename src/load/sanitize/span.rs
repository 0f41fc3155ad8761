//! Cleaning one fragment: its raw HTML through the allowlist, with the events load keeps typed (links, images, headings, notes' names) carried through the sanitiser untouched, or made plain when it would move them.

use std::collections::HashSet;

use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::policy::{POLICY, content_state};

/// Events inside a fragment that must reach the HTML writer as events, not as HTML the
/// sanitiser re-parses: links and images (their targets are typed values that render
/// fills in per page), headings (their ids may depend on which notes are published) and
/// the names of notes in bare wikilinks. An image is kept with its alt text, which the
/// writer turns into an attribute.
pub(super) fn kept_units(span: &[Event<'_>]) -> Vec<(usize, usize)> {
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
pub(super) fn sanitise_span<'a>(span: Vec<Event<'a>>, block: bool, out: &mut Vec<Event<'a>>) {
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
pub(super) fn in_text(html: &str, token: char) -> usize {
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
pub(super) fn absent_private_use(span: &[Event<'_>]) -> Option<char> {
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
pub(super) fn plain(span: Vec<Event<'_>>) -> Vec<Event<'_>> {
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
pub(super) fn clean_events<'a>(events: impl Iterator<Item = Event<'a>>) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    POLICY.builder.clean(&html).to_string()
}

/// Phrasing elements that the sanitiser keeps as they are, and whose bare tags (no
/// attributes) an HTML parser never moves, when they nest properly.
pub(super) const PLAIN: &[&str] = &[
    "abbr", "b", "bdi", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s", "samp", "small",
    "span", "strike", "strong", "sub", "sup", "tt", "u", "var",
];

/// Whether the raw pieces of a fragment are all bare tags of [`PLAIN`] elements (or `<br>`,
/// `<wbr>`), each closed in order: then the sanitiser would give them back unchanged, and
/// nothing is left open to spill formatting over the rest of the page.
pub(super) fn plain_and_balanced<'h>(pieces: impl Iterator<Item = &'h str>) -> bool {
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
