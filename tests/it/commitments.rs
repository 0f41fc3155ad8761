//! The commitments page: open, overdue, done and dropped on the build date, and the
//! follow-through rate done ÷ (done + dropped + overdue).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use scraper::ElementRef;

use crate::harness::{Fixture, all, example, example_dir, fact, one, text};

fn section<'a>(root: ElementRef<'a>, key: &str) -> ElementRef<'a> {
    one(root, &format!("section[aria-labelledby=s-{key}]"))
}

fn ids_in(section: ElementRef<'_>) -> Vec<String> {
    all(section, "li.commitment")
        .iter()
        .map(|li| li.attr("id").unwrap_or_default().to_string())
        .collect()
}

/// The count shown in a section's heading, checked against the items listed under it.
fn count_in(root: ElementRef<'_>, key: &str) -> usize {
    let s = section(root, key);
    let shown = text(one(s, "h2 .count"));
    let shown: usize = shown.parse().unwrap_or_else(|_| panic!("count `{shown}` of `{key}`"));
    assert_eq!(shown, ids_in(s).len(), "the `{key}` count and its list disagree");
    shown
}

/// done ÷ (done + dropped + overdue) as a whole percentage, rounded half up.
fn rate(done: usize, dropped: usize, overdue: usize) -> String {
    let counted = done + dropped + overdue;
    if counted == 0 {
        "—".to_string()
    } else {
        format!("{}%", (done * 200 + counted) / (counted * 2))
    }
}

#[test]
fn overdue_commitment_is_listed_under_overdue_on_the_build_date() {
    let page = example().page("commitments.html");
    let root = page.root_element();
    assert_eq!(
        text(one(root, "h2#s-overdue")).split_whitespace().next(),
        Some("Overdue")
    );
    let overdue = section(root, "overdue");
    assert_eq!(ids_in(overdue), ["c-meetup-intro"]);
    let item = one(overdue, "li#c-meetup-intro");
    assert_eq!(text(one(item, ".overdue-label")), "overdue");
    assert_eq!(one(item, "time[datetime]").attr("datetime"), Some("2026-11-05"));
    assert_eq!(ids_in(section(root, "dropped")), ["c-update-format"]);
    assert!(ids_in(section(root, "done")).contains(&"c-roadmap-template".to_string()));
    let open = ids_in(section(root, "open"));
    // Due 10 Dec, and due at the planned 3 Dec session: open, not overdue.
    assert!(open.contains(&"c-group-lead-case".to_string()), "{open:?}");
    assert!(open.contains(&"c-calibration-notes".to_string()), "{open:?}");
}

#[test]
fn follow_through_rate_is_done_over_done_dropped_and_overdue() {
    let page = example().page("commitments.html");
    let root = page.root_element();
    let (done, dropped, overdue) = (
        count_in(root, "done"),
        count_in(root, "dropped"),
        count_in(root, "overdue"),
    );
    let shown = text(one(root, "main .lede strong"));
    assert_eq!(
        shown,
        rate(done, dropped, overdue),
        "done {done}, dropped {dropped}, overdue {overdue}"
    );

    // The same counts, worked out here from the notes themselves.
    let tally = tally_example(NaiveDate::from_ymd_opt(2026, 11, 25).expect("date"));
    assert_eq!(
        (done, dropped, overdue),
        (tally.done, tally.dropped, tally.overdue),
        "{tally:?}"
    );
    assert_eq!(count_in(root, "open"), tally.open, "{tally:?}");
    let home = example().page("index.html");
    assert_eq!(
        fact(one(home.root_element(), "dl.facts"), "Follow-through"),
        shown,
        "the home page agrees"
    );
}

#[test]
fn follow_through_is_a_dash_when_nothing_is_counted() {
    let fixture = Fixture::new(&[(
        "sessions/2026-11-20-intro.md",
        "---\ndate: 2026-11-20\ncommitments:\n  - who: mentee\n    what: Bring three challenges\n    due: next\n---\nHi.\n",
    )]);
    let built = fixture.build();
    let page = built.page("commitments.html");
    assert_eq!(text(one(page.root_element(), "main .lede strong")), "—");
    let item = one(page.root_element(), "li#c-bring-three-challenges");
    assert!(text(item).contains("due next session"), "{}", text(item));
}

#[test]
fn commitment_due_on_the_build_date_is_not_yet_overdue() {
    let fixture = Fixture::new(&[(
        "sessions/2026-11-01-intro.md",
        "---
date: 2026-11-01
commitments:
  - id: today
    who: mentor
    what: Due on the build date
    due: 2026-11-25
  - id: yesterday
    who: mentee
    what: Due the day before
    due: 2026-11-24
---
Hi.
",
    )]);
    let built = fixture.build();
    let page = built.page("commitments.html");
    let root = page.root_element();
    assert_eq!(ids_in(section(root, "overdue")), ["c-yesterday"]);
    assert_eq!(ids_in(section(root, "open")), ["c-today"]);
    assert_eq!(text(one(root, "main .lede strong")), "0%");
}

#[test]
fn due_next_is_the_date_of_the_next_session() {
    let fixture = Fixture::new(&[
        (
            "sessions/2026-10-01-intro.md",
            "---\ndate: 2026-10-01\ncommitments:\n  - id: slides\n    who: mentee\n    what: Send the slides\n    due: next\n---\nHi.\n",
        ),
        (
            "sessions/2026-10-15-second.md",
            "---\ndate: 2026-10-15\n---\nNo word on the slides.\n",
        ),
    ]);
    let built = fixture.build();
    let page = built.page("commitments.html");
    let item = one(section(page.root_element(), "overdue"), "li#c-slides");
    assert_eq!(one(item, "time[datetime]").attr("datetime"), Some("2026-10-15"));
}

#[test]
fn commitments_without_id_get_the_slug_of_what_made_unique() {
    let fixture = Fixture::new(&[(
        "sessions/2026-11-01-intro.md",
        "---\ndate: 2026-11-01\ncommitments:\n  - who: mentee\n    what: Book the room\n  - who: mentor\n    what: Book the room!\n---\nHi.\n",
    )]);
    let built = fixture.build();
    let page = built.page("commitments.html");
    assert_eq!(
        ids_in(section(page.root_element(), "open")),
        ["c-book-the-room", "c-book-the-room-2"]
    );
}

/// Commitment counts of the example journal on `today`, read from the notes' front matter
/// by a deliberately simple line reader (independent of mentorlog's loader).
#[derive(Debug, Default)]
struct Tally {
    open: usize,
    overdue: usize,
    done: usize,
    dropped: usize,
}

#[derive(Debug, Clone, Default)]
struct Entry {
    id: String,
    status: Option<String>,
    due: Option<String>,
    private: bool,
}

fn notes_under(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("read sessions") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            notes_under(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(std::fs::read_to_string(&path).expect("read note"));
        }
    }
}

/// (date, draft, commitment entries) of one note.
fn read_note(text: &str) -> (NaiveDate, bool, Vec<Entry>) {
    let front: Vec<&str> = text.lines().skip(1).take_while(|l| l.trim_end() != "---").collect();
    let date = front
        .iter()
        .find_map(|l| l.strip_prefix("date: "))
        .and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok())
        .expect("every example note has a plain date");
    let draft = front.iter().any(|l| l.trim() == "draft: true");
    let mut entries: Vec<Entry> = Vec::new();
    let mut in_commitments = false;
    for line in front {
        if !line.starts_with(' ') {
            in_commitments = line.starts_with("commitments:");
            continue;
        }
        if !in_commitments {
            continue;
        }
        let item = line.trim_start().strip_prefix("- ");
        if item.is_some() {
            entries.push(Entry::default());
        }
        let Some((key, value)) = item.unwrap_or(line.trim()).split_once(": ") else {
            continue;
        };
        let entry = entries.last_mut().expect("a key inside an entry");
        let value = value.trim().to_string();
        match key {
            "id" => entry.id = value,
            "status" => entry.status = Some(value),
            "due" => entry.due = Some(value),
            "private" => entry.private = value == "true",
            _ => {}
        }
    }
    assert!(
        entries.iter().all(|e| !e.id.is_empty()),
        "the example gives every commitment an id"
    );
    (date, draft, entries)
}

fn tally_example(today: NaiveDate) -> Tally {
    let mut texts = Vec::new();
    notes_under(&example_dir().join("sessions"), &mut texts);
    let mut notes: Vec<(NaiveDate, bool, Vec<Entry>)> = texts.iter().map(|t| read_note(t)).collect();
    notes.retain(|(_, draft, _)| !draft);
    notes.sort_by_key(|(date, _, _)| *date);
    let mut items: BTreeMap<String, Entry> = BTreeMap::new();
    let mut due_dates: BTreeMap<String, Option<NaiveDate>> = BTreeMap::new();
    for (i, (date, _, entries)) in notes.iter().enumerate() {
        if *date > today {
            continue;
        }
        for e in entries {
            let item = items.entry(e.id.clone()).or_insert_with(|| Entry {
                id: e.id.clone(),
                ..Entry::default()
            });
            if e.status.is_some() {
                item.status.clone_from(&e.status);
            }
            item.private |= e.private;
            if let Some(due) = &e.due {
                let when = if due == "next" {
                    notes.get(i + 1).map(|(d, _, _)| *d)
                } else {
                    Some(NaiveDate::parse_from_str(due, "%Y-%m-%d").expect("a due date"))
                };
                due_dates.insert(e.id.clone(), when);
            }
        }
    }
    let mut tally = Tally::default();
    for item in items.values().filter(|i| !i.private) {
        match item.status.as_deref() {
            Some("done") => tally.done += 1,
            Some("dropped") => tally.dropped += 1,
            _ if due_dates.get(&item.id).copied().flatten().is_some_and(|d| d < today) => tally.overdue += 1,
            _ => tally.open += 1,
        }
    }
    tally
}
