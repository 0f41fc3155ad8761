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
    /// Some value of the entry was wrong (already reported): the fold adds no errors of
    /// its own about it, nor about later entries of a goal it failed to declare.
    pub invalid: bool,
    /// The entry has a `title`, valid or not: it means to declare the goal. An invalid
    /// entry without one is an update, and its id must still be a known goal.
    pub declares: bool,
    /// The id as written was invalid (already reported) and `id` is the valid id it
    /// stands for: the entry applies nothing, but later entries of that id, written as
    /// the error's help says, must not each add an "unknown goal" error.
    pub id_invalid: bool,
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
    /// Some value of the entry was wrong (already reported): the fold adds no errors of
    /// its own about it, nor about later entries of a commitment it failed to make.
    pub invalid: bool,
    /// The entry has a `what`, valid or not: it means to make the commitment.
    pub declares: bool,
    /// As for goals: the id as written was invalid (already reported), `id` is the valid
    /// id it stands for, and the entry only keeps later entries of it from erroring.
    pub id_invalid: bool,
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
