//! Session cards rendered once and pasted wherever they repeat. A session's card appears on
//! the timeline and on the page of each of its topics; rendering it through Tera at every
//! appearance was most of the page-rendering time, and a timeline of thousands of cards
//! held every card as a Tera value at once. A card's HTML depends only on the session and
//! on how deep the page is (its links are relative), so it is kept per depth.
//!
//! The partial `partials/session_card.html` is rendered on its own, with `card` and
//! `base.shows_private` in its context (README, "Theme").

use std::sync::OnceLock;

use serde::Serialize;

use crate::render::theme::Theme;
use crate::render::views::{PageCx, SessionCard};

/// The card partial's name.
pub(crate) const CARD_TEMPLATE: &str = "partials/session_card.html";

/// Depths that are cached: pages at the root (timeline, home) and one folder down (topic
/// pages). Deeper pages render their cards each time; none of the default pages are.
const CACHED_DEPTHS: usize = 2;

/// Each session's card HTML, filled in on first use by whichever page needs it first.
pub(crate) struct Cards {
    by_depth: Vec<[OnceLock<String>; CACHED_DEPTHS]>,
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
            by_depth: (0..sessions).map(|_| Default::default()).collect(),
        }
    }

    /// Session `i`'s card with links from the page `cx` renders.
    pub(crate) fn html(&self, cx: &PageCx<'_>, theme: &Theme, i: usize) -> Result<String, tera::Error> {
        let slot = cx
            .linker
            .depth()
            .and_then(|d| self.by_depth.get(i).and_then(|slots| slots.get(d)));
        let Some(slot) = slot else {
            return render(cx, theme, i);
        };
        if let Some(html) = slot.get() {
            return Ok(html.clone());
        }
        let html = render(cx, theme, i)?;
        // Two pages may race to fill the slot; both rendered the same text.
        Ok(slot.get_or_init(|| html).clone())
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
