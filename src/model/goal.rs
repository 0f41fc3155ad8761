//! Goals: what the mentee is working towards, on three horizons, with progress that
//! moves session by session and a history that keeps every move.

use chrono::NaiveDate;

use crate::diag::Origin;
pub use crate::vocab::{GoalStatus, Horizon};

/// One step of a goal, and the session that marked it done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The step as written.
    pub text: String,
    /// Index (in `Journal::sessions`) of the session that marked it done.
    pub done_in: Option<usize>,
}

/// What one session did to a goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalEvent {
    /// Index of the session in `Journal::sessions`.
    pub session: usize,
    /// True for the entry that declared the goal.
    pub declared: bool,
    /// Progress before this session's entries.
    pub before: u8,
    /// Progress after them.
    pub after: u8,
    /// Status after them.
    pub status: GoalStatus,
    /// The goal's title after them (titles may be revised).
    pub title: String,
    /// Steps this session marked done.
    pub steps_done: Vec<String>,
    /// The one-line note on what moved; `None` once hidden by privacy.
    pub note: Option<String>,
}

/// A goal after folding every session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Goal {
    /// The id written in front matter (`[a-z0-9-]`), also its page name.
    pub id: String,
    /// The latest title.
    pub title: String,
    /// Career, work or day to day.
    pub horizon: Horizon,
    /// Optional target date.
    pub target: Option<NaiveDate>,
    /// Steps, in the order they were added.
    pub steps: Vec<Step>,
    /// Current progress, 0-100.
    pub progress: u8,
    /// False for a day-to-day goal that has neither steps nor a stated progress ("ongoing").
    pub measured: bool,
    /// Current status.
    pub status: GoalStatus,
    /// `private: true` on any of its entries: left out of a published site entirely.
    pub private: bool,
    /// Every session that declared or updated it, in order.
    pub history: Vec<GoalEvent>,
    /// Where it was last declared or updated, for notes about it.
    pub last_origin: Origin,
    /// Active, and none of the last three held sessions touched it.
    pub stale: bool,
}

impl Goal {
    /// The first step not yet done.
    pub fn next_step(&self) -> Option<&Step> {
        self.steps.iter().find(|s| s.done_in.is_none())
    }

    /// How many steps are done.
    pub fn steps_done(&self) -> usize {
        self.steps.iter().filter(|s| s.done_in.is_some()).count()
    }
}

/// `part / whole` as a percentage, rounded half up.
pub fn share_of_steps(done: usize, total: usize) -> u8 {
    if total == 0 {
        return 0;
    }
    let pct = (done * 200 + total) / (total * 2);
    u8::try_from(pct.min(100)).unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_share_rounds_half_up() {
        assert_eq!(share_of_steps(1, 8), 13); // 12.5 -> 13
        assert_eq!(share_of_steps(1, 3), 33);
        assert_eq!(share_of_steps(2, 3), 67);
        assert_eq!(share_of_steps(3, 3), 100);
        assert_eq!(share_of_steps(0, 0), 0);
    }
}
