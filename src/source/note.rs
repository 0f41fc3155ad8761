//! A note rendered: its public and private segments, and the headings whose text (and
//! so whose id) depends on which notes the build publishes.

use std::collections::HashSet;

use crate::slug::heading_id;
use crate::source::{Body, Phrase};

/// A part of a note: public text, or a private block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Between `<!-- private -->` and `<!-- /private -->`.
    pub private: bool,
    /// Rendered HTML, with typed holes for links and names of other notes.
    pub body: Body,
    /// The words of the segment, for the search index (never a bare wikilink's name).
    pub text: String,
}

/// A rendered note.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Note {
    /// Public and private parts, in order.
    pub segments: Vec<Segment>,
    /// Text of the first heading outside private blocks (the title fallback).
    pub first_heading: Option<Phrase>,
    /// Headings whose text names a note by a bare wikilink, in order: their ids depend on
    /// whether that note is published (`Fill::HeadingId` holes index this).
    pub named_headings: Vec<NamedHeading>,
    /// The ids of the other headings, when there are named ones (for unique ids).
    pub fixed_ids: Vec<String>,
    /// The same for headings in private blocks (emptied when they are left out, so they
    /// number no public heading).
    pub private_ids: Vec<String>,
}

/// A heading whose text names a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedHeading {
    /// Its text.
    pub text: Phrase,
    /// Its id: at load as if the named notes were unpublished; `resolve_names` sets it
    /// for the build's visibility.
    pub id: String,
}

impl Note {
    /// Sets the named headings' ids for the notes `published` says have a page: each the
    /// git-host id of its shown text, numbered past the note's other ids.
    pub fn resolve_names(&mut self, published: &dyn Fn(usize) -> bool) {
        if self.named_headings.is_empty() {
            return;
        }
        let mut taken: HashSet<String> = self.fixed_ids.iter().chain(&self.private_ids).cloned().collect();
        for heading in &mut self.named_headings {
            let base = heading_id(&heading.text.resolve(published));
            let base = if base.is_empty() { "section".to_string() } else { base };
            let mut id = base.clone();
            let mut n = 1;
            while taken.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            taken.insert(id.clone());
            heading.id = id;
        }
    }
}
