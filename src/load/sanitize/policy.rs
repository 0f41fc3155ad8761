//! The allowlist raw HTML is cleaned with, and the tokenizer that reads raw HTML as the sanitiser will: the tags, for matching, and what the allowlist removes, for warnings.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};

/// What raw HTML may keep, shared by the sanitiser and the check that reports removals,
/// so the two cannot disagree.
pub(super) struct Policy {
    pub(super) builder: ammonia::Builder<'static>,
    pub(super) tags: HashSet<&'static str>,
    pub(super) clean_content: HashSet<&'static str>,
    pub(super) generic: HashSet<&'static str>,
    pub(super) tag_attributes: HashMap<&'static str, HashSet<&'static str>>,
    pub(super) schemes: HashSet<&'static str>,
}

/// The allowlist for notes' raw HTML: ammonia's defaults plus what the Markdown renderer
/// itself writes inside a fragment (heading ids, footnote classes, task-list marks, table
/// alignment as `style="text-align: …"`), `<a name>` anchors and
/// `<details open>`.
pub(super) static POLICY: LazyLock<Policy> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.add_generic_attributes(["id", "class", "aria-hidden"])
        .add_tag_attributes("a", ["name"])
        .add_tag_attributes("details", ["open"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .filter_style_properties(HashSet::from(["text-align"]))
        .link_rel(Some("noopener noreferrer"))
        .attribute_filter(|_, _, value| {
            let named = DROPPED_URLS.with(|urls| urls.borrow().contains(value));
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
pub(super) const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link",
    "meta", "param", "source", "track", "wbr",
];

/// Elements that can run script or load active content, for the wording of a removal.
pub(super) const ACTIVE: &[&str] = &[
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "form", "input", "button",
    "base", "link", "meta", "style", "template", "noscript", "portal", "isindex",
];

/// The tokenizer state an element's content is read in, as the HTML tree builder sets it.
pub(super) fn content_state(name: &str) -> TokenSinkResult<()> {
    match name {
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => TokenSinkResult::RawData(RawKind::Rawtext),
        "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
        "plaintext" => TokenSinkResult::Plaintext,
        _ => TokenSinkResult::Continue,
    }
}

/// One tag of raw HTML, as the tokenizer read it.
pub(super) enum Found {
    Open(String),
    Close(String),
}

/// Whether a URL written in raw HTML names one of the journal's notes.
pub(crate) type NamesNote<'n> = &'n dyn Fn(&str) -> bool;

/// Collects what a tokenizer reads: the tags (for matching) and, when `check` is on, the
/// removals the sanitiser will make (for warnings). With `names_note`, URLs that name a
/// note are found too: removed when `check` is on (`dropped`), else warned about.
#[derive(Default)]
pub(super) struct Sink<'n> {
    check: bool,
    names_note: Option<NamesNote<'n>>,
    tags: RefCell<Vec<Found>>,
    removed: RefCell<Vec<(String, String)>>,
    dropped: RefCell<HashSet<String>>,
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
pub(super) fn cut(text: &str, max: usize) -> String {
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
                self.dropped.borrow_mut().insert(attr.value.to_string());
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
pub(super) fn allowed(tag: &str, attr: &str) -> bool {
    let policy = &*POLICY;
    policy.generic.contains(attr) || policy.tag_attributes.get(tag).is_some_and(|set| set.contains(attr))
}

/// The attributes ammonia checks as URLs (its `is_url_attr`, for HTML elements).
pub(super) fn is_url_attr(tag: &str, attr: &str) -> bool {
    matches!(attr, "href" | "xlink:href" | "src")
        || (tag == "form" && attr == "action")
        || (tag == "object" && attr == "data")
        || (matches!(tag, "button" | "input") && attr == "formaction")
        || (tag == "a" && attr == "ping")
        || (tag == "video" && attr == "poster")
}

/// The scheme of `url` when ammonia would drop it: parsed as it parses it.
pub(super) fn forbidden_scheme(value: &str, allowed: &HashSet<&str>) -> Option<String> {
    match url::Url::parse(value) {
        Ok(url) if !allowed.contains(url.scheme()) => Some(url.scheme().to_string()),
        Ok(_) | Err(url::ParseError::RelativeUrlWithoutBase) => None,
        Err(_) => Some("unreadable".to_string()),
    }
}

/// A tokenizer over one stretch of raw HTML, fed piece by piece.
pub(super) struct Reader<'n> {
    tokenizer: Tokenizer<Sink<'n>>,
    queue: BufferQueue,
}

impl<'n> Reader<'n> {
    pub(super) fn new(check: bool, names_note: Option<NamesNote<'n>>) -> Reader<'n> {
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

    pub(super) fn feed(&mut self, html: &str) {
        self.queue.push_back(StrTendril::from_slice(html));
        while let TokenizerResult::Script(()) = self.tokenizer.feed(&self.queue) {}
    }

    pub(super) fn end(&mut self) {
        self.tokenizer.end();
    }

    pub(super) fn take_removed(&self) -> Vec<(String, String)> {
        std::mem::take(&mut *self.tokenizer.sink.removed.borrow_mut())
    }

    pub(super) fn take_dropped(&self) -> HashSet<String> {
        std::mem::take(&mut *self.tokenizer.sink.dropped.borrow_mut())
    }

    pub(super) fn take_tags(&self) -> Vec<Found> {
        std::mem::take(&mut *self.tokenizer.sink.tags.borrow_mut())
    }
}

thread_local! {
    /// The URLs that name notes in the fragment being cleaned: the policy's attribute
    /// filter removes attributes holding them (see `Sink::check_note_urls`).
    /// A set: the sanitiser asks about every attribute, and a list of thousands scanned
    /// for each made a block of many such links quadratic.
    pub(super) static DROPPED_URLS: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
}
