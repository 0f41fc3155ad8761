//! Session cards rendered once and pasted wherever they repeat. A session's card appears on
//! the timeline and on the page of each of its topics; rendering it through Tera at every
//! appearance was most of the page-rendering time, and a timeline of thousands of cards
//! held every card as a Tera value at once. A card is rendered for the site's root; a page
//! further down gets the same HTML with its relative links rebased (`../` in front).
//!
//! The partial `partials/session_card.html` is rendered on its own, with `card` and
//! `base.shows_private` in its context (README, "Theme").

use std::sync::OnceLock;

use serde::Serialize;

use crate::render::links::Linker;
use crate::render::theme::Theme;
use crate::render::views::{PageCx, SessionCard};

/// The card partial's name.
const CARD_TEMPLATE: &str = "partials/session_card.html";

/// Each session's card HTML for a page at the root, filled in on first use.
pub(crate) struct Cards {
    at_root: Vec<OnceLock<String>>,
}

#[derive(Serialize)]
struct CardContext<'a> {
    card: &'a SessionCard,
    base: CardBase,
}

#[derive(Serialize)]
struct CardBase {
    shows_private: bool,
}

impl Cards {
    /// An empty cache for a journal of `sessions` sessions.
    pub(crate) fn new(sessions: usize) -> Cards {
        Cards {
            at_root: (0..sessions).map(|_| OnceLock::new()).collect(),
        }
    }

    /// Session `i`'s card with links from the page `cx` renders.
    pub(crate) fn html(&self, cx: &PageCx<'_>, theme: &Theme, i: usize) -> Result<String, tera::Error> {
        let (Some(depth), Some(slot)) = (cx.linker.depth(), self.at_root.get(i)) else {
            return render(cx, theme, i);
        };
        let root = match slot.get() {
            Some(html) => html,
            None => {
                let root_cx = PageCx {
                    linker: Linker::at_root(),
                    ..*cx
                };
                let html = render(&root_cx, theme, i)?;
                // Two pages may race to fill the slot; both rendered the same text.
                slot.get_or_init(|| html)
            }
        };
        Ok(rebase(root, &"../".repeat(depth)))
    }
}

fn render(cx: &PageCx<'_>, theme: &Theme, i: usize) -> Result<String, tera::Error> {
    let context = tera::Context::from_serialize(&CardContext {
        card: &cx.session_card(i),
        base: CardBase {
            shows_private: cx.journal.shows_private,
        },
    })?;
    theme.tera.render(CARD_TEMPLATE, &context)
}

/// Moves HTML written for the site's root to a page `up` (`../`, `../../`) below it: every
/// relative `href` and `src` (quoted, either way) gets `up` in front. Absolute URLs,
/// root-relative paths and fragments stay as they are. Attribute values come from
/// templates, which escape quotes, so `href="` cannot occur inside text.
pub(crate) fn rebase(html: &str, up: &str) -> String {
    if up.is_empty() {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some(at) = memchr::memchr(b'=', rest.as_bytes()) {
        let Some(quote) = rest[at + 1..].chars().next().filter(|c| matches!(c, '"' | '\'')) else {
            out.push_str(&rest[..=at]);
            rest = &rest[at + 1..];
            continue;
        };
        let (before, after) = rest.split_at(at + 2);
        out.push_str(before);
        let name = &before[..at];
        let is_url = ["href", "src"].iter().any(|attr| {
            name.strip_suffix(attr)
                .is_some_and(|n| n.ends_with(|c: char| c.is_ascii_whitespace()))
        });
        if is_url && is_relative(&after[..after.find(quote).unwrap_or(after.len())]) {
            out.push_str(up);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Whether an attribute value is a relative path: not empty, not `/…`, `#…`, nor `scheme:…`.
fn is_relative(value: &str) -> bool {
    let before_path = &value[..value.find(['/', '?', '#']).unwrap_or(value.len())];
    !value.is_empty() && !value.starts_with('/') && !value.starts_with('#') && !before_path.contains(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_are_rebased_and_others_kept() {
        let html = r##"<a href="sessions/a.html">A</a> <a href="commitments.html#c-x">x</a> <img src="static/p.png" alt="a"> <a href="https://e.org/x">e</a> <a href="/abs.html">r</a> <a href="#top">t</a> <a href="mailto:a@b.org">m</a> <p class="x">href="no"</p>"##;
        assert_eq!(
            rebase(html, "../"),
            r##"<a href="../sessions/a.html">A</a> <a href="../commitments.html#c-x">x</a> <img src="../static/p.png" alt="a"> <a href="https://e.org/x">e</a> <a href="/abs.html">r</a> <a href="#top">t</a> <a href="mailto:a@b.org">m</a> <p class="x">href="no"</p>"##
        );
        assert_eq!(rebase(html, ""), html);
        assert_eq!(
            rebase(
                "<a class=x\nhref='topics/a.html'>a</a> <a title=\"a=b\" data-href=\"x.html\">b</a>",
                "../../"
            ),
            "<a class=x\nhref='../../topics/a.html'>a</a> <a title=\"a=b\" data-href=\"x.html\">b</a>"
        );
    }
}
