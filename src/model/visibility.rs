//! Privacy before render: strips what a published site must not show, so render cannot
//! leak text it never receives. A private session keeps its date and its goal and
//! commitment entries (progress stays true) but loses its title, topics, kind, note, page
//! and entry notes; items marked `private: true` go entirely; private blocks go.
//!
//! Then text derived from other notes is settled: a bare wikilink's name, and the heading
//! ids and titles made from it, show a note's name only when that note has a page in this
//! build (PRODUCT, v3 change 3); render fills the names in the note's HTML the same way.

use crate::model::Journal;
use crate::model::topic;

/// What to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// A published site: private text removed.
    Public,
    /// Everything, marked (`--include-private`, or the pair's own `serve`).
    Everything,
}

/// Applies `visibility` to the folded journal and rebuilds the topic index.
pub fn apply(journal: &mut Journal, visibility: Visibility) {
    journal.shows_private = visibility == Visibility::Everything;
    if visibility == Visibility::Public {
        journal.goals.retain(|g| !g.private);
        journal.commitments.retain(|c| !c.private);
        let private_sessions: Vec<bool> = journal.sessions.iter().map(|s| s.private).collect();
        for goal in &mut journal.goals {
            for event in &mut goal.history {
                if private_sessions[event.session] {
                    event.note = None;
                }
            }
        }
        for c in &mut journal.commitments {
            for event in &mut c.history {
                if private_sessions[event.session] {
                    event.note = None;
                }
            }
        }
        let goal_ids: std::collections::HashSet<String> = journal.goals.iter().map(|g| g.id.clone()).collect();
        let commit_ids: std::collections::HashSet<String> = journal.commitments.iter().map(|c| c.id.clone()).collect();
        for session in &mut journal.sessions {
            session.goal_events.retain(|(id, _)| goal_ids.contains(id));
            session.commit_events.retain(|(id, _)| commit_ids.contains(id));
            if session.private {
                session.title = None;
                session.title_names = None;
                session.slug_path = None;
                session.kind = None;
                session.topics.clear();
                session.note = crate::source::Note::default();
            } else {
                session.note.segments.retain(|s| !s.private);
                session.note.private_ids.clear();
            }
        }
    }
    settle_names(journal);
    journal.topics = topic::index(&journal.sessions);
    journal.reindex();
}

/// Sets every title and heading id that names notes for the notes published here: those
/// with a page once drafts and private sessions are settled.
fn settle_names(journal: &mut Journal) {
    let published: std::collections::HashSet<usize> = journal
        .sessions
        .iter()
        .filter(|s| s.slug_path.is_some())
        .map(|s| s.note_index)
        .collect();
    let published = |n: usize| published.contains(&n);
    for session in &mut journal.sessions {
        session.note.resolve_names(&published);
        if let (Some(title), Some(names)) = (&mut session.title, &session.title_names) {
            *title = names.resolve(&published).trim().to_string();
        }
    }
}
