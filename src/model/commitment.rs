//! Commitments: what mentor, mentee or both promised to do, made in one session and
//! reviewed in a later one.

use chrono::NaiveDate;

use crate::diag::Origin;
pub use crate::vocab::{CommitStatus, DueSpec, Who};

/// A due date after folding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// No due date.
    None,
    /// Due on this date.
    Date(NaiveDate),
    /// Due at the next session; its date once one exists.
    NextSession(Option<NaiveDate>),
}

impl Due {
    /// The date it is due, when known.
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Due::Date(d) | Due::NextSession(Some(d)) => Some(d),
            Due::None | Due::NextSession(None) => None,
        }
    }
}

/// What one session did to a commitment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitEvent {
    /// Index of the session in `Journal::sessions`.
    pub session: usize,
    /// True for the entry that made it.
    pub declared: bool,
    /// Status after this session.
    pub status: CommitStatus,
    /// The one-line note; `None` once hidden by privacy.
    pub note: Option<String>,
}

/// A commitment after folding every session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commitment {
    /// Its id (written, or the slug of `what`).
    pub id: String,
    /// Who promised it.
    pub who: Who,
    /// What was promised (latest wording).
    pub what: String,
    /// When it is due.
    pub due: Due,
    /// Current status.
    pub status: CommitStatus,
    /// `private: true`: left out of a published site entirely.
    pub private: bool,
    /// The session that made it.
    pub made_in: usize,
    /// The session that closed it (done or dropped).
    pub closed_in: Option<usize>,
    /// Every session that made or updated it.
    pub history: Vec<CommitEvent>,
    /// Where it was last made or updated, for notes about it.
    pub last_origin: Origin,
    /// Open, and its due date is before the build date.
    pub overdue: bool,
}

/// done ÷ (done + dropped + overdue) as a whole percentage; `None` when that is 0 ÷ 0.
pub fn follow_through<'a>(items: impl IntoIterator<Item = &'a Commitment>) -> Option<u8> {
    let (mut done, mut counted) = (0usize, 0usize);
    for c in items {
        match c.status {
            CommitStatus::Done => {
                done += 1;
                counted += 1;
            }
            CommitStatus::Dropped => counted += 1,
            CommitStatus::Open if c.overdue => counted += 1,
            CommitStatus::Open => {}
        }
    }
    (counted > 0).then(|| u8::try_from((done * 200 + counted) / (counted * 2)).unwrap_or(100))
}
