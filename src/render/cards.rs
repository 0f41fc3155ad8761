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
        let (true, Some(slot)) = (cx.linker.rebases(), self.at_root.get(i)) else {
            return render(cx, theme, i);
        };
        let root = if let Some(html) = slot.get() {
            html
        } else {
            let root_cx = PageCx {
                linker: Linker::at_root(),
                ..*cx
            };
            let html = render(&root_cx, theme, i)?;
            // Two pages may race to fill the slot; both rendered the same text.
            slot.get_or_init(|| html)
        };
        Ok(cx.linker.rebase(root))
    }
}

fn render(cx: &PageCx<'_>, theme: &Theme, i: usize) -> Result<String, tera::Error> {
    let context = tera::Context::from_serialize(&CardContext {
        card: &cx.short_card(i),
        base: CardBase {
            shows_private: cx.journal.shows_private,
        },
    })?;
    theme.tera.render(CARD_TEMPLATE, &context)
}
