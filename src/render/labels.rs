//! Dates and numbers as the site writes them for people: one spelling of each, shared by
//! pages, charts, feeds and JSON, so a label never differs between two places.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::model::commitment::Due;

/// `8 Jan 2026`.
pub fn date_label(date: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.get(date.month0() as usize).copied().unwrap_or("");
    format!("{} {month} {}", date.day(), date.year())
}

/// `2026-01-08`.
pub fn date_iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// A date for `<time datetime>` and for people.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// `2026-01-08`.
    pub iso: String,
    /// `8 Jan 2026`.
    pub label: String,
}

impl DateView {
    /// The view of a date.
    pub fn of(date: NaiveDate) -> DateView {
        DateView {
            iso: date_iso(date),
            label: date_label(date),
        }
    }
}

/// Days as words: "1 day", "12 days".
pub fn days_label(days: i64) -> String {
    if days == 1 {
        "1 day".to_string()
    } else {
        format!("{days} days")
    }
}

/// A progress change as people write it: `+25`, `-5`, `±0`.
pub fn change_label(before: u8, after: u8) -> String {
    match i16::from(after) - i16::from(before) {
        0 => "±0".to_string(),
        up if up > 0 => format!("+{up}"),
        down => down.to_string(),
    }
}

/// "8 Jan 2026", "next session", or "next session, 8 Jan 2026".
pub fn due_label(due: Due) -> Option<String> {
    match due {
        Due::None => None,
        Due::Date(d) => Some(date_label(d)),
        Due::NextSession(None) => Some("next session".to_string()),
        Due::NextSession(Some(d)) => Some(format!("next session, {}", date_label(d))),
    }
}

/// A percentage, or a dash when there is nothing to count.
pub fn rate(value: Option<u8>) -> String {
    value.map_or_else(|| "—".to_string(), |v| format!("{v}%"))
}
