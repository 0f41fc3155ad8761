//! Pace: which sessions were held, the long gaps between them and the pair's health on
//! the build date, as PRODUCT.md's Pace rule defines them.

use chrono::NaiveDate;

use crate::model::session::Session;
pub use crate::vocab::Health;

/// A long gap: more than 1.5 × cadence between two consecutive held sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    /// The later session of the two (index in `Journal::sessions`).
    pub before_session: usize,
    /// Days between them.
    pub days: i64,
}

/// The journal's pace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// Held sessions, oldest first (indices).
    pub held: Vec<usize>,
    /// Long gaps, oldest first.
    pub gaps: Vec<Gap>,
    /// Health on the build date.
    pub health: Health,
    /// Days from the last held session to the build date.
    pub days_since_last: Option<i64>,
    /// The first planned session, if any.
    pub next_planned: Option<usize>,
}

/// True when `days` exceeds 1.5 × `cadence`.
pub fn is_long_gap(days: i64, cadence: u32) -> bool {
    days * 2 > i64::from(cadence) * 3
}

/// Works out the pace of `sessions` (sorted by date) on `today`.
pub fn build(sessions: &[Session], cadence: u32, today: NaiveDate) -> Timeline {
    let held: Vec<usize> = (0..sessions.len()).filter(|&i| sessions[i].held()).collect();
    let gaps = held
        .windows(2)
        .filter_map(|w| {
            let days = (sessions[w[1]].date - sessions[w[0]].date).num_days();
            is_long_gap(days, cadence).then_some(Gap {
                before_session: w[1],
                days,
            })
        })
        .collect();
    let days_since_last = held.last().map(|&i| (today - sessions[i].date).num_days());
    let cadence = i64::from(cadence);
    let health = match days_since_last {
        None => Health::NotStarted,
        Some(d) if d * 2 <= cadence * 3 => Health::OnPace,
        Some(d) if d <= cadence * 3 => Health::Slipping,
        Some(_) => Health::Stalled,
    };
    let next_planned = (0..sessions.len()).find(|&i| sessions[i].planned && !sessions[i].draft);
    Timeline {
        held,
        gaps,
        health,
        days_since_last,
        next_planned,
    }
}
