//! The build's date: the one place that reads the clock or the environment for "today".
//!
//! Everything else receives a `BuildDate` as an argument, so the same input and the same
//! date always give byte-identical output (the reproducible-builds convention).

use chrono::NaiveDate;

/// "Today" for overdue commitments, planned sessions and cadence health.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct BuildDate(pub NaiveDate);

/// Why `SOURCE_DATE_EPOCH` could not be used.
#[derive(Debug, thiserror::Error)]
#[error("SOURCE_DATE_EPOCH=`{0}` is not a number of seconds since 1970-01-01 UTC")]
pub struct BadEpoch(pub String);

impl BuildDate {
    /// The UTC date of `SOURCE_DATE_EPOCH` when set, else today's local date.
    ///
    /// # Errors
    ///
    /// When `SOURCE_DATE_EPOCH` is set but is not a whole number of seconds.
    pub fn from_env() -> Result<BuildDate, BadEpoch> {
        match std::env::var("SOURCE_DATE_EPOCH") {
            Ok(raw) if !raw.trim().is_empty() => BuildDate::from_epoch(&raw),
            _ => {
                #[allow(clippy::disallowed_methods)]
                let today = chrono::Local::now().date_naive();
                Ok(BuildDate(today))
            }
        }
    }

    /// The UTC calendar date of a Unix timestamp given as text.
    ///
    /// # Errors
    ///
    /// When `raw` is not a whole number of seconds within chrono's range.
    pub fn from_epoch(raw: &str) -> Result<BuildDate, BadEpoch> {
        let seconds: i64 = raw.trim().parse().map_err(|_| BadEpoch(raw.to_string()))?;
        chrono::DateTime::from_timestamp(seconds, 0)
            .map(|t| BuildDate(t.date_naive()))
            .ok_or_else(|| BadEpoch(raw.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_is_read_as_utc_date() {
        // 2026-11-25T23:30:00Z stays the 25th whatever the local zone is.
        let d = BuildDate::from_epoch("1795649400").map(|d| d.0);
        assert_eq!(d.ok(), NaiveDate::from_ymd_opt(2026, 11, 25));
        assert!(BuildDate::from_epoch("yesterday").is_err());
    }
}
