//! Model: the pure, folded journal. Sessions in date order, goals and commitments with
//! their histories, topics, pace. Touches no files, clock, environment or templates:
//! the build date and options come in as arguments.

pub mod agenda;
pub mod commitment;
pub mod fold;
pub mod goal;
pub mod program;
pub mod session;
pub mod timeline;
pub mod topic;
pub mod visibility;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Diagnostics, Severity};
use std::collections::HashSet;

use crate::source::{DEFAULT_CADENCE, JournalConfig, JournalSource, SessionSource, StaticFile};

pub use commitment::Commitment;
pub use goal::Goal;
pub use session::Session;
pub use timeline::Timeline;
pub use topic::Topic;
pub use visibility::Visibility;

/// How to fold.
#[derive(Debug, Clone, Copy)]
pub struct FoldOptions {
    /// Keep drafts in the model (`--drafts`).
    pub drafts: bool,
    /// The program's cadence, used when the journal sets none.
    pub default_cadence: Option<u32>,
}

/// A journal, folded.
#[derive(Debug, Clone)]
pub struct Journal {
    /// `journal.yaml`.
    pub config: JournalConfig,
    /// The build date.
    pub today: NaiveDate,
    /// The agreed pace in days.
    pub cadence: u32,
    /// Sessions in date, then path, order.
    pub sessions: Vec<Session>,
    /// Goals in declaration order.
    pub goals: Vec<Goal>,
    /// Commitments in the order made.
    pub commitments: Vec<Commitment>,
    /// Topics, by slug.
    pub topics: Vec<Topic>,
    /// Held sessions, gaps and health.
    pub timeline: Timeline,
    /// `static/` files to copy.
    pub statics: Vec<StaticFile>,
    /// Private text was kept (pages then mark it).
    pub shows_private: bool,
    /// Goal id → index in `goals` (rebuilt whenever `goals` changes).
    pub goal_index: std::collections::HashMap<String, usize>,
    /// Commitment id → index in `commitments`.
    pub commitment_index: std::collections::HashMap<String, usize>,
}

impl Journal {
    /// A goal by id.
    pub fn goal(&self, id: &str) -> Option<&Goal> {
        self.goal_index.get(id).and_then(|&i| self.goals.get(i))
    }

    /// A commitment by id.
    pub fn commitment(&self, id: &str) -> Option<&Commitment> {
        self.commitment_index.get(id).and_then(|&i| self.commitments.get(i))
    }

    /// Rebuilds the id indices after goals or commitments were added or removed.
    pub fn reindex(&mut self) {
        self.goal_index = self.goals.iter().enumerate().map(|(i, g)| (g.id.clone(), i)).collect();
        self.commitment_index = self
            .commitments
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
    }
}

/// Errors in drafts that are left out are still worth knowing, as warnings: a second,
/// text-free fold with the drafts in finds them (only when there are drafts).
fn report_left_out_drafts(sessions: &[SessionSource], today: NaiveDate, diags: &mut Diagnostics) {
    let drafts: HashSet<&std::path::Path> = sessions
        .iter()
        .filter(|s| s.front.draft)
        .map(|s| s.path.as_path())
        .collect();
    if drafts.is_empty() {
        return;
    }
    let mut ordered: Vec<&SessionSource> = sessions.iter().collect();
    ordered.sort_by(|a, b| (a.date, &a.rel).cmp(&(b.date, &b.rel)));
    let mut found = Diagnostics::new();
    let mut shadow = fold::Fold::new(today, &mut found);
    for s in ordered {
        shadow.apply(SessionSource {
            path: s.path.clone(),
            rel: s.rel.clone(),
            note_index: s.note_index,
            slug_path: s.slug_path.clone(),
            date: s.date,
            date_origin: s.date_origin.clone(),
            title: String::new(),
            title_names: None,
            front: s.front.clone(),
            note: crate::source::Note::default(),
        });
    }
    for d in found.sorted() {
        if d.severity == Severity::Error && drafts.contains(d.path.as_path()) {
            diags.push(Diagnostic {
                severity: Severity::Warning,
                ..d.clone()
            });
        }
    }
}

/// Folds the loaded journal on `today`, then applies `visibility`.
pub fn fold(
    source: JournalSource,
    options: FoldOptions,
    visibility: Visibility,
    today: NaiveDate,
    diags: &mut Diagnostics,
) -> Journal {
    let cadence = source
        .config
        .cadence_days
        .or(options.default_cadence)
        .unwrap_or(DEFAULT_CADENCE);
    if !options.drafts {
        report_left_out_drafts(&source.sessions, today, diags);
    }
    let mut sessions: Vec<_> = source
        .sessions
        .into_iter()
        .filter(|s| options.drafts || !s.front.draft)
        .collect();
    sessions.sort_by(|a, b| (a.date, &a.rel).cmp(&(b.date, &b.rel)));
    let date_origins: Vec<_> = sessions.iter().map(|s| s.date_origin.clone()).collect();
    let mut state = fold::Fold::new(today, diags);
    for session in sessions {
        state.apply(session);
    }
    state.finish();
    let (sessions, goals, commitments) = (state.sessions, state.goals, state.commitments);
    let timeline = timeline::build(&sessions, cadence, today);
    for gap in &timeline.gaps {
        diags.push(
            Diagnostic::at(
                Severity::Note,
                &date_origins[gap.before_session],
                format!(
                    "{} days since the previous session, more than 1.5 × the agreed {cadence} days",
                    gap.days
                ),
            )
            .help("long gaps are the first sign a mentorship is fading; the timeline marks this one"),
        );
    }
    let mut journal = Journal {
        config: source.config,
        today,
        cadence,
        sessions,
        goals,
        commitments,
        topics: Vec::new(),
        timeline,
        statics: source.statics,
        shows_private: false,
        goal_index: std::collections::HashMap::new(),
        commitment_index: std::collections::HashMap::new(),
    };
    visibility::apply(&mut journal, visibility);
    journal
}
