//! The catalogue: scale.

use mentorlog::BuildOptions;

use crate::harness::{Fixture, build};

use super::{A, check_with_memory_limit, expect, note};

#[test]
fn c42_a_2000_session_journal_builds() {
    let f = Fixture::new(&[(
        "sessions/0000/2020-01-01-start.md",
        "---\ndate: 2020-01-01\ngoals:\n  - id: lead\n    title: Lead\n    steps: [Plan]\n---\nStart.\n",
    )]);
    let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 2).unwrap();
    for i in 1..2000 {
        let date = start + chrono::Days::new(i);
        let folder = i / 100;
        f.write(
            &format!("sessions/{folder:04}/{date}-session-{i}.md"),
            format!(
                "---\ndate: {date}\ntopics: [topic-{}]\ngoals:\n  - id: lead\n    progress: {}\ncommitments:\n  - who: both\n    what: Try thing {i}\n    due: next\n---\nSession {i}.\n",
                i % 50,
                i % 101
            ),
        );
    }
    let built = build(f.path(), &BuildOptions::default());
    let sessions = built.files.keys().filter(|p| p.starts_with("sessions/")).count();
    assert_eq!(sessions, 2000);
    assert_eq!(built.files.keys().filter(|p| p.starts_with("topics/")).count(), 50);
}

#[test]
fn c43_twenty_thousand_broken_links_each_located_in_linear_time() {
    // Every warning used to count the lines from the start of the note: 40 s for these.
    let mut body = String::new();
    for i in 0..20_000 {
        body.push_str(&format!("- see [note {i}](missing-{i}.md)\n"));
    }
    let f = note(A, &format!("---\ndate: 2026-01-08\n---\n{body}"));
    expect(
        &f,
        0,
        (0, 20_000),
        &["sessions/2026-01-08-a.md:20003:7: warning: link `missing-19999.md` points to a note that does not exist"],
    );
    // All on one 600 KB line: each warning shows the start of the line, not a copy of it
    // (20,000 copies would take 6 GB).
    let line: String = (0..20_000).map(|i| format!("[n{i}](m-{i}.md) ")).collect();
    let f = note(A, &format!("---\ndate: 2026-01-08\n---\n{line}\n"));
    let run = check_with_memory_limit(f.path(), 1024);
    assert_eq!(run.code, 0, "{}", &run.stderr[run.stderr.len().saturating_sub(2000)..]);
    assert!(run.stderr.contains("0 error(s), 20000 warning(s)"));
}
