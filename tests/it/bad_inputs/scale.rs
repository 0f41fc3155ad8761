//! The catalogue: scale. The inputs are generated, never committed.

use std::fmt::Write as _;

use crate::harness::{Test, read_tree};

use super::{A, check_with_memory_limit};

#[test]
fn c42_a_2000_session_journal_builds() {
    let done = Test::new()
        .setup(|dir| {
            crate::harness::write_file(
                &dir.join("sessions/0000/2020-01-01-start.md"),
                b"---\ndate: 2020-01-01\ngoals:\n  - id: lead\n    title: Lead\n    steps: [Plan]\n---\nStart.\n",
            );
            let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 2).unwrap();
            for i in 1..2000 {
                let date = start + chrono::Days::new(i);
                let folder = i / 100;
                crate::harness::write_file(
                    &dir.join(format!("sessions/{folder:04}/{date}-session-{i}.md")),
                    format!(
                        "---\ndate: {date}\ntopics: [topic-{}]\ngoals:\n  - id: lead\n    progress: {}\ncommitments:\n  - who: both\n    what: Try thing {i}\n    due: next\n---\nSession {i}.\n",
                        i % 50,
                        i % 101
                    )
                    .as_bytes(),
                );
            }
        })
        .args(["build"])
        .stderr(c42_stderr())
        .run();
    let site = read_tree(&done.path().join("public"));
    assert_eq!(site.keys().filter(|p| p.starts_with("sessions/")).count(), 2000);
    assert_eq!(site.keys().filter(|p| p.starts_with("topics/")).count(), 50);
}

/// What `build` says of c42's journal: the site has no address, and each commitment but the
/// last was due at the next session (`due: next`) and is still open.
fn c42_stderr() -> String {
    let mut out = String::from(
        "journal.yaml: warning: feed.xml links are relative and there is no sitemap, because the site's address is unknown\n\
         help: feed readers need absolute links: set `base_url:` in journal.yaml, or pass --base-url\n",
    );
    let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 2).unwrap();
    for i in 1..1999 {
        let date = start + chrono::Days::new(i);
        let due = date + chrono::Days::new(1);
        let folder = i / 100;
        let _ = write!(
            out,
            "sessions/{folder:04}/{date}-session-{i}.md:8:5: note: commitment `try-thing-{i}` (both) was due {due} and is still open\n\
             \x20 |\n\
             8 |   - who: both\n\
             \x20 |     ^\n\
             help: close it with `status: done` or `status: dropped` in the next session, or give it a new `due:`\n"
        );
    }
    out
}

/// One broken-link warning of c43, at `line`:`col`, quoting `quoted`.
fn broken_link(line: usize, col: usize, target: &str, quoted: &str) -> String {
    let number = line.to_string();
    let pad = " ".repeat(number.len());
    let caret = " ".repeat((col - 1).min(quoted.chars().count()));
    format!(
        "sessions/2026-01-08-a.md:{line}:{col}: warning: link `{target}` points to a note that does not exist\n\
         {pad} |\n\
         {number} | {quoted}\n\
         {pad} | {caret}^\n\
         help: check the file name; links resolve against this note's own folder\n"
    )
}

/// Asserts `actual` is `expected`, showing the first line that differs (a diff of
/// 100,000 lines would not help).
fn assert_same(actual: &str, expected: &str) {
    if actual == expected {
        return;
    }
    let actual: Vec<&str> = actual.lines().collect();
    let expected: Vec<&str> = expected.lines().collect();
    let n = (0..actual.len().max(expected.len()))
        .find(|&n| actual.get(n) != expected.get(n))
        .unwrap_or(0);
    let (a, e) = (actual.get(n).unwrap_or(&"<end>"), expected.get(n).unwrap_or(&"<end>"));
    panic!("stderr differs at line {}:\n  actual: {a}\nexpected: {e}", n + 1);
}

#[test]
fn c43_twenty_thousand_broken_links_each_located_in_linear_time() {
    // Every warning used to count the lines from the start of the note: 40 s for these.
    let mut body = String::new();
    let mut expected = String::new();
    for i in 0..20_000 {
        let line = format!("- see [note {i}](missing-{i}.md)");
        expected.push_str(&broken_link(i + 4, 7, &format!("missing-{i}.md"), &line));
        body.push_str(&line);
        body.push('\n');
    }
    expected.push_str("1 session(s) checked: 0 error(s), 20000 warning(s), 0 note(s)\n");
    let done = Test::new().file(A, format!("---\ndate: 2026-01-08\n---\n{body}")).run();
    assert_same(&done.run.stderr, &expected);
    // All on one 600 KB line: each warning quotes the line's first 500 bytes, not a copy of
    // all of it (20,000 copies would take 6 GB); a caret past them stands after them.
    let line = (0..20_000).fold(String::new(), |mut line, i| {
        let _ = write!(line, "[n{i}](m-{i}.md) ");
        line
    });
    let mut expected = String::new();
    let mut col = 1;
    for i in 0..20_000 {
        expected.push_str(&broken_link(4, col, &format!("m-{i}.md"), &line[..500]));
        col += format!("[n{i}](m-{i}.md) ").len();
    }
    expected.push_str("1 session(s) checked: 0 error(s), 20000 warning(s), 0 note(s)\n");
    let test = Test::new().file(A, format!("---\ndate: 2026-01-08\n---\n{line}\n"));
    let run = check_with_memory_limit(test.path(), 1024);
    assert_eq!(run.code, 0, "{}", &run.stderr[run.stderr.len().saturating_sub(2000)..]);
    assert_same(&run.stderr, &expected);
}
