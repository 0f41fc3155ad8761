//! Session dates as people and other tools write them: plain dates, date-times with or
//! without an offset (the calendar date as written wins), and the file-name prefixes
//! `YYYY-MM-DD`, `YYYY-M-D` and `DD-MM-YYYY`.

use chrono::NaiveDate;

/// How a front-matter date read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateRead {
    /// A well-formed date or date-time.
    Clean(NaiveDate),
    /// Usable, but written loosely (single-digit parts, a stray `:00`); says how.
    Tolerated(NaiveDate, &'static str),
    /// Not a date, or an impossible one.
    Unusable,
}

/// Reads a front-matter `date` value.
pub fn from_front_matter(raw: &str) -> DateRead {
    let raw = raw.trim();
    let split = raw.find(['T', 't', ' ']).unwrap_or(raw.len());
    let (date_part, time_part) = raw.split_at(split);
    let Some((date, padded)) = ymd(date_part) else {
        return DateRead::Unusable;
    };
    let time = time_part.trim_start_matches(['T', 't']).trim();
    let time_ok = if time.is_empty() { Some(true) } else { clock_time(time) };
    match (time_ok, padded) {
        (None, _) => DateRead::Unusable,
        (Some(true), true) => DateRead::Clean(date),
        (Some(false), _) => DateRead::Tolerated(date, "its time has an unusual form"),
        (Some(true), false) => DateRead::Tolerated(date, "its month or day has a single digit"),
    }
}

/// Reads the date a file name starts with: `YYYY-MM-DD`, `YYYY-M-D` or `DD-MM-YYYY`.
pub fn from_file_name(stem: &str) -> Option<NaiveDate> {
    let digits_then = |s: &str, n: usize| {
        s.len() >= n
            && s.as_bytes()[..n].iter().all(u8::is_ascii_digit)
            && !s.as_bytes().get(n).is_some_and(u8::is_ascii_digit)
    };
    // DD-MM-YYYY, exactly.
    if stem.len() >= 10
        && digits_then(stem, 2)
        && stem.as_bytes()[2] == b'-'
        && digits_then(&stem[3..], 2)
        && stem.as_bytes()[5] == b'-'
        && digits_then(&stem[6..], 4)
    {
        let day = stem[0..2].parse().ok()?;
        let month = stem[3..5].parse().ok()?;
        let year = stem[6..10].parse().ok()?;
        return NaiveDate::from_ymd_opt(year, month, day);
    }
    let mut parts = stem.splitn(4, '-');
    let year = parts.next()?;
    let month = parts.next()?;
    let day_and_rest = parts.next()?;
    let day_len = day_and_rest.bytes().take_while(u8::is_ascii_digit).count();
    let day = &day_and_rest[..day_len];
    // `2026-01-08intro` is not a date prefix; `2026-01-08_intro` is.
    if day_and_rest[day_len..].starts_with(char::is_alphanumeric) {
        return None;
    }
    ymd(&format!("{year}-{month}-{day}")).map(|(d, _)| d)
}

/// `YYYY-M-D` with one- or two-digit month and day; returns whether both were padded.
fn ymd(text: &str) -> Option<(NaiveDate, bool)> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let numeric = |s: &str, lens: &[usize]| lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !numeric(y, &[4]) || !numeric(m, &[1, 2]) || !numeric(d, &[1, 2]) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    Some((date, m.len() == 2 && d.len() == 2))
}

/// Checks a time of day with an optional offset. `Some(true)`: well-formed;
/// `Some(false)`: tolerable (single-digit hour, a stray `:00`); `None`: not a time.
fn clock_time(text: &str) -> Option<bool> {
    let text = text.trim();
    let (clock, zone) = split_zone(text);
    if !zone.is_empty() && !valid_zone(zone) {
        return None;
    }
    let parts: Vec<&str> = clock.split(':').collect();
    if !(2..=4).contains(&parts.len()) {
        return None;
    }
    let mut clean = true;
    for (i, part) in parts.iter().enumerate() {
        let whole = part.split('.').next().unwrap_or(part);
        if whole.is_empty() || whole.len() > 2 || !whole.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if whole.len() == 1 {
            clean = false;
        }
        let value: u32 = whole.parse().ok()?;
        let limit = if i == 0 { 24 } else { 61 };
        if value >= limit {
            return None;
        }
    }
    if parts.len() == 4 {
        if parts[3] != "00" {
            return None;
        }
        clean = false;
    }
    Some(clean)
}

fn split_zone(text: &str) -> (&str, &str) {
    if let Some(clock) = text.strip_suffix(['Z', 'z']) {
        return (clock.trim_end(), "");
    }
    match text.rfind(['+', '-']) {
        Some(at) => (text[..at].trim_end(), &text[at..]),
        None => (text, ""),
    }
}

fn valid_zone(zone: &str) -> bool {
    let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
    (digits.len() == 4 || digits.len() == 2) && digits.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn clean_dates_and_date_times() {
        assert_eq!(from_front_matter("2026-01-08"), DateRead::Clean(d(2026, 1, 8)));
        assert_eq!(
            from_front_matter("2017-02-04 09:40:11 +0200"),
            DateRead::Clean(d(2017, 2, 4))
        );
        assert_eq!(
            from_front_matter("2026-01-08T23:30:00-05:00"),
            DateRead::Clean(d(2026, 1, 8))
        );
    }

    #[test]
    fn loose_dates_are_tolerated() {
        assert!(
            matches!(from_front_matter("2018-05-31 9:50:00 +0200"), DateRead::Tolerated(x, _) if x == d(2018, 5, 31))
        );
        assert!(
            matches!(from_front_matter("2018-06-21 10:30:00:00 +0000"), DateRead::Tolerated(x, _) if x == d(2018, 6, 21))
        );
        assert!(
            matches!(from_front_matter("2020-07-3 18:00:00:00 +0000"), DateRead::Tolerated(x, _) if x == d(2020, 7, 3))
        );
    }

    #[test]
    fn impossible_or_garbled_dates_are_unusable() {
        assert_eq!(from_front_matter("2026-02-30"), DateRead::Unusable);
        assert_eq!(from_front_matter("4th July, 2022"), DateRead::Unusable);
        assert_eq!(from_front_matter("2026-01-08 lunchtime"), DateRead::Unusable);
    }

    #[test]
    fn file_name_prefixes() {
        assert_eq!(from_file_name("2026-01-08-intro"), Some(d(2026, 1, 8)));
        assert_eq!(from_file_name("2022-07-3"), Some(d(2022, 7, 3)));
        assert_eq!(from_file_name("07-07-2022"), Some(d(2022, 7, 7)));
        assert_eq!(from_file_name("notes"), None);
        assert_eq!(from_file_name("2026-13-01-x"), None);
    }
}
