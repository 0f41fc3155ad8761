//! A program's view of its journals: one small `JournalSummary` per pair (all the program
//! pages need), so a program's memory follows its largest journal, not its size.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::model::Journal;
use crate::model::commitment::{CommitStatus, follow_through};
use crate::model::goal::{GoalStatus, Horizon};
use crate::model::timeline::Health;

/// Goals of one horizon in a journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HorizonSummary {
    /// The horizon.
    pub horizon: Horizon,
    /// Goals of this horizon (all statuses).
    pub goals: usize,
    /// Average progress over its active and achieved goals that have progress.
    pub average_progress: Option<u8>,
}

/// What the program pages show of one journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalSummary {
    /// The journal's folder slug (its pages are under `<slug>/`).
    pub slug: String,
    /// Journal title.
    pub title: String,
    /// The mentor.
    pub mentor: String,
    /// The mentee.
    pub mentee: String,
    /// The agreed pace.
    pub cadence: u32,
    /// Held sessions.
    pub sessions_held: usize,
    /// First held session.
    pub first: Option<NaiveDate>,
    /// Last held session.
    pub last: Option<NaiveDate>,
    /// Days since the last held session.
    pub days_since_last: Option<i64>,
    /// Cadence health on the build date.
    pub health: Health,
    /// Goals by horizon (horizons without goals left out).
    pub horizons: Vec<HorizonSummary>,
    /// Average progress over all active and achieved goals that have progress.
    pub average_progress: Option<u8>,
    /// Goals achieved.
    pub goals_achieved: usize,
    /// Open commitments (overdue included).
    pub open: usize,
    /// Overdue commitments.
    pub overdue: usize,
    /// done ÷ (done + dropped + overdue).
    pub follow_through: Option<u8>,
    /// Held sessions per (year, month).
    pub per_month: BTreeMap<(i32, u32), usize>,
}

fn average(values: impl Iterator<Item = u8>) -> Option<u8> {
    let (sum, n) = values.fold((0u32, 0u32), |(s, n), v| (s + u32::from(v), n + 1));
    (n > 0).then(|| u8::try_from((sum * 2 + n) / (n * 2)).unwrap_or(100))
}

/// Summarises a folded (visibility-filtered) journal.
pub fn summarize(journal: &Journal, slug: &str) -> JournalSummary {
    let t = &journal.timeline;
    let counted = |g: &crate::model::Goal| matches!(g.status, GoalStatus::Active | GoalStatus::Achieved) && g.measured;
    let horizons = Horizon::ALL
        .iter()
        .map(|h| {
            let goals: Vec<_> = journal.goals.iter().filter(|g| g.horizon == *h).collect();
            HorizonSummary {
                horizon: *h,
                goals: goals.len(),
                average_progress: average(goals.iter().filter(|g| counted(g)).map(|g| g.progress)),
            }
        })
        .filter(|h| h.goals > 0)
        .collect();
    let mut per_month = BTreeMap::new();
    for &i in &t.held {
        let d = journal.sessions[i].date;
        *per_month.entry((d.year(), d.month())).or_insert(0) += 1;
    }
    JournalSummary {
        slug: slug.to_string(),
        title: journal.config.title.clone(),
        mentor: journal.config.mentor.clone(),
        mentee: journal.config.mentee.clone(),
        cadence: journal.cadence,
        sessions_held: t.held.len(),
        first: t.held.first().map(|&i| journal.sessions[i].date),
        last: t.held.last().map(|&i| journal.sessions[i].date),
        days_since_last: t.days_since_last,
        health: t.health,
        horizons,
        average_progress: average(journal.goals.iter().filter(|g| counted(g)).map(|g| g.progress)),
        goals_achieved: journal
            .goals
            .iter()
            .filter(|g| g.status == GoalStatus::Achieved)
            .count(),
        open: journal
            .commitments
            .iter()
            .filter(|c| c.status == CommitStatus::Open)
            .count(),
        overdue: journal.commitments.iter().filter(|c| c.overdue).count(),
        follow_through: follow_through(&journal.commitments),
        per_month,
    }
}

/// How urgently a pair needs the lead's attention: stalled first, then slipping, then not
/// started, then on pace; within each, the longest silence first.
pub fn attention_order(a: &JournalSummary, b: &JournalSummary) -> std::cmp::Ordering {
    let rank = |h: Health| match h {
        Health::Stalled => 0,
        Health::Slipping => 1,
        Health::NotStarted => 2,
        Health::OnPace => 3,
    };
    (rank(a.health), std::cmp::Reverse(a.days_since_last), &a.slug).cmp(&(
        rank(b.health),
        std::cmp::Reverse(b.days_since_last),
        &b.slug,
    ))
}

/// Held sessions per month across the cohort, every month from the first to the last.
pub fn cohort_months(summaries: &[JournalSummary]) -> Vec<((i32, u32), usize)> {
    let mut totals: BTreeMap<(i32, u32), usize> = BTreeMap::new();
    for s in summaries {
        for (month, n) in &s.per_month {
            *totals.entry(*month).or_insert(0) += n;
        }
    }
    let (Some(&first), Some(&last)) = (totals.keys().next(), totals.keys().next_back()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut month = first;
    while month <= last {
        out.push((month, totals.get(&month).copied().unwrap_or(0)));
        month = if month.1 == 12 {
            (month.0 + 1, 1)
        } else {
            (month.0, month.1 + 1)
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(slug: &str, health: Health, days: Option<i64>) -> JournalSummary {
        JournalSummary {
            slug: slug.into(),
            title: String::new(),
            mentor: String::new(),
            mentee: String::new(),
            cadence: 14,
            sessions_held: 0,
            first: None,
            last: None,
            days_since_last: days,
            health,
            horizons: Vec::new(),
            average_progress: None,
            goals_achieved: 0,
            open: 0,
            overdue: 0,
            follow_through: None,
            per_month: BTreeMap::new(),
        }
    }

    #[test]
    fn the_fading_pairs_come_first() {
        let mut list = [
            summary("a", Health::OnPace, Some(3)),
            summary("b", Health::Stalled, Some(50)),
            summary("c", Health::Slipping, Some(30)),
            summary("d", Health::Stalled, Some(90)),
            summary("e", Health::NotStarted, None),
        ];
        list.sort_by(attention_order);
        let order: Vec<&str> = list.iter().map(|s| s.slug.as_str()).collect();
        assert_eq!(order, ["d", "b", "c", "e", "a"]);
    }

    #[test]
    fn cohort_months_fill_empty_months() {
        let mut a = summary("a", Health::OnPace, Some(1));
        a.per_month.insert((2025, 11), 2);
        a.per_month.insert((2026, 2), 1);
        let months = cohort_months(&[a]);
        assert_eq!(
            months,
            vec![((2025, 11), 2), ((2025, 12), 0), ((2026, 1), 0), ((2026, 2), 1)]
        );
    }
}
