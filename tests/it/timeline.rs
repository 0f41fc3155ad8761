//! The timeline: held sessions newest first, grouped by month; planned sessions on top as
//! upcoming; long gaps marked with their length; private sessions as "Private session".

use chrono::NaiveDate;
use scraper::ElementRef;

use crate::harness::{Fixture, all, example, fact, next_element, one, text};

fn date_of(card: ElementRef<'_>) -> NaiveDate {
    let raw = one(card, ".session-date time[datetime]")
        .attr("datetime")
        .unwrap_or_default();
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap_or_else(|e| panic!("datetime `{raw}`: {e}"))
}

/// The month sections: every section of `main` except the upcoming one.
fn month_sections(root: ElementRef<'_>) -> Vec<ElementRef<'_>> {
    all(root, "main section")
        .into_iter()
        .filter(|s| s.attr("aria-labelledby") != Some("upcoming-h"))
        .collect()
}

#[test]
fn timeline_lists_held_sessions_strictly_newest_first() {
    let page = example().page("timeline.html");
    let dates: Vec<NaiveDate> = month_sections(page.root_element())
        .into_iter()
        .flat_map(|s| all(s, ".session-card"))
        .map(date_of)
        .collect();
    // 17 held sessions: the draft and the planned one are not among them.
    assert_eq!(dates.len(), 17, "{dates:?}");
    assert!(
        dates.windows(2).all(|w| w[0] > w[1]),
        "not strictly newest first: {dates:?}"
    );
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    assert!(dates.iter().all(|d| *d <= today), "{dates:?}");
    let lede = text(one(page.root_element(), "main .lede"));
    assert!(lede.starts_with("17 sessions held"), "{lede}");
}

#[test]
fn timeline_shows_planned_session_on_top_as_upcoming() {
    let page = example().page("timeline.html");
    let root = page.root_element();
    let sections = all(root, "main section");
    let upcoming = sections.first().expect("a section");
    assert_eq!(
        upcoming.attr("aria-labelledby"),
        Some("upcoming-h"),
        "the upcoming section comes first"
    );
    let cards = all(*upcoming, ".session-card");
    assert_eq!(cards.len(), 1);
    assert_eq!(date_of(cards[0]), NaiveDate::from_ymd_opt(2026, 12, 3).expect("date"));
    assert!(cards[0].value().classes().any(|c| c == "planned"));
    assert_eq!(text(one(cards[0], ".badge-upcoming")), "upcoming");
    assert!(text(one(cards[0], ".session-title")).contains("Year-end planning"));
}

#[test]
fn long_gap_is_marked_right_after_the_later_session() {
    let page = example().page("timeline.html");
    let root = page.root_element();
    let card = all(root, ".session-card")
        .into_iter()
        .find(|c| date_of(*c) == NaiveDate::from_ymd_opt(2026, 8, 6).expect("date"))
        .expect("the 6 Aug 2026 session on the timeline");
    let after = next_element(card).expect("something after the 6 Aug card");
    assert!(
        after.value().classes().any(|c| c == "gap"),
        "expected a gap marker, found {}",
        after.html()
    );
    assert!(text(after).contains("42 days"), "{}", text(after));
    // The only long gap: the private session of 28 May counts as held, so May to June is not one.
    assert_eq!(all(root, "main .gap").len(), 1);
}

#[test]
fn timeline_months_are_headed_by_month_and_year() {
    let page = example().page("timeline.html");
    let sections = month_sections(page.root_element());
    let headings: Vec<String> = sections.iter().map(|s| text(one(*s, "h2"))).collect();
    assert!(headings.contains(&"August 2026".to_string()), "{headings:?}");
    assert_eq!(headings.first().map(String::as_str), Some("November 2026"));
    assert_eq!(headings.last().map(String::as_str), Some("March 2026"));
    for section in sections {
        let heading = text(one(section, "h2"));
        for card in all(section, ".session-card") {
            let month = date_of(card).format("%B %Y").to_string();
            assert_eq!(month, heading, "a session under the wrong month");
        }
    }
    // July 2026 had no session, so it has no heading.
    assert!(!headings.contains(&"July 2026".to_string()), "{headings:?}");
}

#[test]
fn private_session_shows_on_timeline_with_date_and_no_link() {
    let page = example().page("timeline.html");
    let card = all(page.root_element(), ".session-card")
        .into_iter()
        .find(|c| date_of(*c) == NaiveDate::from_ymd_opt(2026, 5, 28).expect("date"))
        .expect("the private session of 28 May 2026 keeps its place");
    let title = one(card, ".session-title");
    assert_eq!(text(title), "Private session");
    assert!(all(title, "a").is_empty(), "a private session has no page to link to");
    assert!(all(card, ".topics").is_empty(), "its topics are private too");
}

#[test]
fn timeline_gap_uses_the_journals_cadence() {
    let note = |date: &str| format!("---\ndate: {date}\n---\nTalked.\n");
    let fixture = Fixture::new(&[
        ("journal.yaml", "title: T\nmentor: A\nmentee: B\ncadence_days: 8\n"),
        ("sessions/2026-09-20-a.md", &note("2026-09-20")),
        // 12 days: exactly 1.5 × 8, not longer, so not a long gap.
        ("sessions/2026-10-02-b.md", &note("2026-10-02")),
        // 13 days: longer than 1.5 × 8.
        ("sessions/2026-10-15-c.md", &note("2026-10-15")),
    ]);
    let built = fixture.build();
    let page = built.page("timeline.html");
    let gaps: Vec<String> = all(page.root_element(), "main .gap").into_iter().map(text).collect();
    assert_eq!(gaps.len(), 1, "{gaps:?}");
    assert!(gaps[0].contains("13 days"), "{gaps:?}");
    let lede = text(one(page.root_element(), "main .lede"));
    assert!(lede.contains("every 8 days"), "{lede}");
}

#[test]
fn home_shows_pace_and_next_session() {
    let page = example().page("index.html");
    let root = page.root_element();
    assert_eq!(fact(one(root, "dl.facts"), "Sessions held"), "17");
    // 13 days since 12 Nov 2026 is within 1.5 × 14.
    assert_eq!(text(one(root, ".health")), "on pace");
    let next = one(root, "section[aria-labelledby=next-h] .session-card");
    assert_eq!(date_of(next), NaiveDate::from_ymd_opt(2026, 12, 3).expect("date"));
    let last = one(root, "section[aria-labelledby=last-h] .session-card");
    assert_eq!(date_of(last), NaiveDate::from_ymd_opt(2026, 11, 12).expect("date"));
}

fn health_on_build_date(last_session: Option<&str>) -> String {
    let mut files = Vec::new();
    let note;
    if let Some(date) = last_session {
        note = format!("---\ndate: {date}\n---\nTalked.\n");
        files.push(("sessions/last.md", note.as_str()));
    }
    let built = Fixture::new(&files).build();
    let page = built.page("index.html");
    text(one(page.root_element(), ".health"))
}

#[test]
fn pace_health_follows_days_since_the_last_held_session() {
    // Cadence 14: on pace up to 21 days, slipping up to 42, stalled beyond.
    assert_eq!(health_on_build_date(Some("2026-11-04")), "on pace"); // 21 days
    assert_eq!(health_on_build_date(Some("2026-11-03")), "slipping"); // 22 days
    assert_eq!(health_on_build_date(Some("2026-10-14")), "slipping"); // 42 days
    assert_eq!(health_on_build_date(Some("2026-10-13")), "stalled"); // 43 days
    assert_eq!(health_on_build_date(None), "not started");
    // A session planned for later is not held yet.
    assert_eq!(health_on_build_date(Some("2026-12-01")), "not started");
}

#[test]
fn session_on_the_build_date_is_held_not_upcoming() {
    let built = Fixture::new(&[(
        "sessions/today.md",
        "---\ndate: 2026-11-25\ntitle: Today\n---\nTalked.\n",
    )])
    .build();
    let page = built.page("timeline.html");
    let root = page.root_element();
    assert!(
        all(root, "section[aria-labelledby=upcoming-h]").is_empty(),
        "nothing is upcoming"
    );
    let cards = all(root, "main section .session-card");
    assert_eq!(cards.len(), 1);
    assert!(all(cards[0], ".badge-upcoming").is_empty());
    let session = built.page("sessions/today.html");
    assert!(all(session.root_element(), "main h1 .badge-upcoming").is_empty());
}
