//! A session as the site sees it: its date and place in the pace, its (possibly hidden)
//! text, and which goals and commitments it moved.

use chrono::NaiveDate;

use crate::source::{Note, Phrase};

/// One session after folding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Index in the sorted list of all notes (what link placeholders refer to).
    pub note_index: usize,
    /// Page name under `sessions/` (no `.html`); `None` when it has no page (private).
    pub slug_path: Option<String>,
    /// The session's date.
    pub date: NaiveDate,
    /// Title; `None` when hidden (a private session in a published site). A title taken
    /// from a heading that names notes shows them as unpublished until
    /// `visibility::apply` knows which are.
    pub title: Option<String>,
    /// That heading, when the title is one that names notes.
    pub title_names: Option<Phrase>,
    /// Free word: intro, regular, review…
    pub kind: Option<String>,
    /// Minutes.
    pub duration: Option<u32>,
    /// Topics as first written.
    pub topics: Vec<String>,
    /// A draft shown because `--drafts` was given.
    pub draft: bool,
    /// `private: true`.
    pub private: bool,
    /// Dated after the build date.
    pub planned: bool,
    /// The rendered note (private blocks removed in a published site).
    pub note: Note,
    /// Goals this session declared or updated: (goal id, index in the goal's history).
    pub goal_events: Vec<(String, usize)>,
    /// Commitments it made or updated: (commitment id, index in its history).
    pub commit_events: Vec<(String, usize)>,
}

impl Session {
    /// Held: not a draft and not in the future. Private sessions are held too.
    pub fn held(&self) -> bool {
        !self.draft && !self.planned
    }
}
