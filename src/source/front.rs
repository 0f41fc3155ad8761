//! A note's front matter as mentorlog reads it: the note's own keys, and the goal and
//! commitment entries, each with where it is written (for the fold's diagnostics).

use chrono::NaiveDate;

use crate::diag::Origin;
use crate::vocab::{CommitStatus, DueSpec, GoalStatus, Horizon, Who};

/// A goal entry as written.
#[derive(Debug, Clone)]
pub struct GoalEntry {
    /// Where the entry starts (its `id`).
    pub origin: Origin,
    /// The goal id.
    pub id: String,
    /// Title (required when declaring).
    pub title: Option<String>,
    /// Horizon, when given.
    pub horizon: Option<Horizon>,
    /// Target date.
    pub target: Option<NaiveDate>,
    /// Steps to add.
    pub steps: Vec<String>,
    /// Stated progress.
    pub progress: Option<u8>,
    /// Steps marked done.
    pub done: Vec<String>,
    /// Where `done` is written, when it is (one place for all its steps: a copy for each
    /// step of a list of thousands on one line made memory grow with their square).
    pub done_at: Option<Origin>,
    /// New status.
    pub status: Option<GoalStatus>,
    /// One line on what moved.
    pub note: Option<String>,
    /// Keep out of published sites.
    pub private: bool,
    /// What the fold may still report about it (a `title` makes it a declaration).
    pub reading: Reading,
}

impl GoalEntry {
    /// An entry of goal `id`, written at `origin`, that states nothing yet.
    pub fn new(origin: Origin, id: String) -> GoalEntry {
        GoalEntry {
            origin,
            id,
            title: None,
            horizon: None,
            target: None,
            steps: Vec::new(),
            progress: None,
            done: Vec::new(),
            done_at: None,
            status: None,
            note: None,
            private: false,
            reading: Reading::Sound,
        }
    }
}

/// A commitment entry as written.
#[derive(Debug, Clone)]
pub struct CommitmentEntry {
    /// Where the entry starts.
    pub origin: Origin,
    /// Written id, if any.
    pub id: Option<String>,
    /// Who promised.
    pub who: Option<Who>,
    /// What was promised.
    pub what: Option<String>,
    /// When it is due.
    pub due: Option<DueSpec>,
    /// New status.
    pub status: Option<CommitStatus>,
    /// One line on it.
    pub note: Option<String>,
    /// Keep out of published sites.
    pub private: bool,
    /// What the fold may still report about it (a `what` makes it a declaration).
    pub reading: Reading,
}

impl CommitmentEntry {
    /// An entry written at `origin`, with its id if it has one, that states nothing yet.
    pub fn new(origin: Origin, id: Option<String>) -> CommitmentEntry {
        CommitmentEntry {
            origin,
            id,
            who: None,
            what: None,
            due: None,
            status: None,
            note: None,
            private: false,
            reading: Reading::Sound,
        }
    }
}

/// How a goal or commitment entry read. Load reports every mistake in an entry; this
/// tells the fold which errors of its own would only repeat one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// No value was wrong.
    Sound,
    /// Some value was wrong (already reported), and the entry has no `title` (`what`):
    /// it is an update, and its id must still be a known one.
    WrongUpdate,
    /// Some value was wrong, and the entry has a `title` (`what`), valid or not: it meant
    /// to declare the goal (make the commitment), so later entries of its id, which
    /// failed with it, add no "unknown" errors.
    WrongDeclaration,
    /// The id as written was wrong (already reported) and the entry's id is the valid
    /// one it stands for: the entry applies nothing, but later entries of that id,
    /// written as the error's help says, must not each add an "unknown" error.
    WrongId,
}

impl Reading {
    /// The reading of an entry whose id was valid: `wrong` when some value was reported,
    /// `declares` when it has its `title` (`what`) key.
    pub fn of(wrong: bool, declares: bool) -> Reading {
        match (wrong, declares) {
            (false, _) => Reading::Sound,
            (true, false) => Reading::WrongUpdate,
            (true, true) => Reading::WrongDeclaration,
        }
    }
}

/// mentorlog's reading of a note's front matter.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    /// The raw `date` value and where it is.
    pub date: Option<(String, Origin)>,
    /// Title.
    pub title: Option<String>,
    /// Free word: intro, regular, review…
    pub kind: Option<String>,
    /// Minutes.
    pub duration: Option<u32>,
    /// Topics, from `topics`, `tags`, `categories` and `category`, in written order.
    pub topics: Vec<String>,
    /// Left out unless asked for.
    pub draft: bool,
    /// Only the pair sees it.
    pub private: bool,
    /// Goal entries.
    pub goals: Vec<GoalEntry>,
    /// Commitment entries.
    pub commitments: Vec<CommitmentEntry>,
}
