//! The agenda for the next session: what is open and what needs attention, in the order
//! a mentor would raise it. Used by the home page (and by `new`, later).

use crate::model::Journal;
use crate::model::commitment::CommitStatus;
use crate::model::goal::GoalStatus;

/// What to bring to the next session.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Agenda {
    /// The first planned session, if one is written.
    pub next_session: Option<usize>,
    /// Open commitments (indices), overdue first, then by due date, then in order made.
    pub open_commitments: Vec<usize>,
    /// Active goals (indices): stale ones first, then in declaration order.
    pub active_goals: Vec<usize>,
}

/// Works out the agenda from the folded (and visibility-filtered) journal.
pub fn agenda(journal: &Journal) -> Agenda {
    let mut open: Vec<usize> = (0..journal.commitments.len())
        .filter(|&i| journal.commitments[i].status == CommitStatus::Open)
        .collect();
    open.sort_by_key(|&i| {
        let c = &journal.commitments[i];
        (!c.overdue, c.due.date().is_none(), c.due.date(), i)
    });
    let mut goals: Vec<usize> = (0..journal.goals.len())
        .filter(|&i| journal.goals[i].status == GoalStatus::Active)
        .collect();
    goals.sort_by_key(|&i| (!journal.goals[i].stale, i));
    Agenda {
        next_session: journal.timeline.next_planned,
        open_commitments: open,
        active_goals: goals,
    }
}
