//! `mentorlog check`: one fixture per diagnostic, each with the exact `path:line:col`
//! (or `path:` alone for a fault of the whole file) that PRODUCT.md's Diagnostics rule
//! promises, the right level, a caret under the column and an actionable `help:`.

use crate::harness::{Fixture, INTRO_NOTE, assert_diagnostic, mentorlog, read_tree};

/// Runs `check` in the fixture and returns (exit code, stderr).
fn check(fixture: &Fixture, extra: &[&str]) -> (i32, String) {
    let mut args = vec!["check"];
    args.extend_from_slice(extra);
    let run = mentorlog(fixture.path(), args);
    (run.code, run.stderr)
}

fn fixture(note_path: &str, note: &str) -> Fixture {
    Fixture::new(&[(note_path, note)])
}

#[test]
fn invalid_yaml_points_into_the_front_matter() {
    let f = fixture(
        "sessions/2026-01-08-a.md",
        "---\ndate: 2026-01-08\ntitle: \"never closed\nkind: intro\n---\nBody\n",
    );
    let (code, err) = check(&f, &[]);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(
        &err,
        "sessions/2026-01-08-a.md:4:1: error: front matter is not valid YAML",
    );
}

#[test]
fn wrong_types_in_mentorlog_keys_are_errors() {
    let f = fixture(
        "sessions/2026-01-08-a.md",
        "---\ndate: 2026-01-08\nduration: long\nprivate: maybe\n---\n",
    );
    let (code, err) = check(&f, &[]);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(
        &err,
        "sessions/2026-01-08-a.md:3:11: error: `duration` must be a whole number",
    );
    assert_diagnostic(
        &err,
        "sessions/2026-01-08-a.md:4:10: error: `private` must be `true` or `false`",
    );
}

#[test]
fn missing_required_journal_keys_are_errors() {
    let f = Fixture::new(&[
        ("journal.yaml", "title: T\nmentor: Dana\n"),
        ("sessions/2026-01-08-a.md", "---\ndate: 2026-01-08\n---\n"),
    ]);
    let (code, err) = check(&f, &[]);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(&err, "journal.yaml: error: journal.yaml needs `mentee`");
}

#[test]
fn a_goal_declared_without_a_title_is_an_error() {
    let f = fixture(
        "sessions/2026-01-08-a.md",
        "---\ndate: 2026-01-08\ngoals:\n  - id: lead\n    progress: 10\n---\n",
    );
    let (code, err) = check(&f, &[]);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(&err, "sessions/2026-01-08-a.md:4:9: error: unknown goal `lead`");
    assert!(err.contains("add `title:`"), "{err}");
}

#[test]
fn impossible_dates_without_a_fallback_are_errors() {
    let f = fixture("sessions/notes.md", "---\ndate: 2026-02-30\n---\n");
    let (code, err) = check(&f, &[]);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(&err, "sessions/notes.md:2:7: error: `date: 2026-02-30` is not a date");
}

#[test]
fn progress_outside_0_to_100_is_an_error() {
    let note = "---\ndate: 2026-01-08\ngoals:\n  - id: lead\n    title: Lead\n    progress: 150\n---\n";
    let (code, err) = check(&fixture("sessions/2026-01-08-a.md", note), &[]);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(
        &err,
        "sessions/2026-01-08-a.md:6:15: error: `progress` must be a whole number (a percentage from 0 to 100), found `150`",
    );
}

#[test]
fn unknown_status_horizon_and_who_values_are_errors() {
    let note = "---\ndate: 2026-01-08\ngoals:\n  - id: lead\n    title: Lead\n    horizon: galaxy\n    status: finished\ncommitments:\n  - who: nobody\n    what: Call\n  - what: Write\n    who: mentee\n    status: closed\n---\n";
    let (code, err) = check(&fixture("sessions/2026-01-08-a.md", note), &[]);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(&err, "sessions/2026-01-08-a.md:6:14: error: unknown horizon `galaxy`");
    assert_diagnostic(
        &err,
        "sessions/2026-01-08-a.md:7:13: error: unknown goal status `finished`",
    );
    assert_diagnostic(&err, "sessions/2026-01-08-a.md:9:10: error: unknown `who`: `nobody`");
    assert_diagnostic(
        &err,
        "sessions/2026-01-08-a.md:13:13: error: unknown commitment status `closed`",
    );
    assert_eq!(
        err.matches(": error: ").count(),
        4,
        "one error each, no follow-on errors:\n{err}"
    );
}

#[test]
fn updating_an_undeclared_id_suggests_the_closest() {
    let f = Fixture::new(&[
        (
            "sessions/2026-01-08-a.md",
            "---\ndate: 2026-01-08\ngoals:\n  - id: group-lead\n    title: Lead a group\ncommitments:\n  - id: send-template\n    who: mentor\n    what: Send the template\n---\n",
        ),
        (
            "sessions/2026-01-22-b.md",
            "---\ndate: 2026-01-22\ngoals:\n  - id: grup-lead\n    progress: 20\ncommitments:\n  - id: send-templte\n    status: done\n---\n",
        ),
    ]);
    let (code, err) = check(&f, &[]);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(&err, "sessions/2026-01-22-b.md:4:9: error: unknown goal `grup-lead`");
    assert!(err.contains("help: did you mean `group-lead`?"), "{err}");
    assert_diagnostic(
        &err,
        "sessions/2026-01-22-b.md:7:9: error: unknown commitment `send-templte`",
    );
    assert!(err.contains("help: did you mean `send-template`?"), "{err}");
}

#[test]
fn a_step_marked_done_must_exist() {
    let f = Fixture::new(&[
        (
            "sessions/2026-01-08-a.md",
            "---\ndate: 2026-01-08\ngoals:\n  - id: lead\n    title: Lead\n    steps: [Run the planning review, Coach a junior PM]\n---\n",
        ),
        (
            "sessions/2026-01-22-b.md",
            "---\ndate: 2026-01-22\ngoals:\n  - id: lead\n    done: [Run the planing review]\n---\n",
        ),
    ]);
    let (code, err) = check(&f, &[]);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(
        &err,
        "sessions/2026-01-22-b.md:5:11: error: goal `lead` has no step `Run the planing review`",
    );
    assert!(err.contains("help: did you mean `Run the planning review`?"), "{err}");
}

#[test]
fn whole_file_faults_have_no_line_or_column() {
    let f = Fixture::new(&[("sessions/notes.md", "Just a thought, no date anywhere.\n")]);
    f.write(
        "sessions/2026-01-08-latin1.md",
        b"---\ndate: 2026-01-08\ntitle: caf\xe9\n---\n",
    );
    let (code, err) = check(&f, &[]);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(&err, "sessions/2026-01-08-latin1.md: error: the note is not UTF-8 text");
    assert_diagnostic(&err, "sessions/notes.md: error: the note has no date");
}

#[test]
fn unterminated_front_matter_is_an_error_at_its_start() {
    let f = fixture(
        "sessions/2026-01-08-a.md",
        "---\ndate: 2026-01-08\ntitle: Forgot to close\n\nNotes\n",
    );
    let (code, err) = check(&f, &[]);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(
        &err,
        "sessions/2026-01-08-a.md:1:1: error: the front matter starts with `---` but never ends",
    );
}

#[test]
fn unknown_keys_and_fallback_dates_are_warnings_that_strict_turns_into_errors() {
    let f = fixture(
        "sessions/2026-01-08-a.md",
        "---\ndate: 4th of January\ncomitments: []\n---\n",
    );
    let (code, err) = check(&f, &[]);
    assert_eq!(code, 0, "warnings alone pass:\n{err}");
    assert_diagnostic(
        &err,
        "sessions/2026-01-08-a.md:2:7: warning: `date: 4th of January` is not a date; the file name's date 2026-01-08 is used",
    );
    assert_diagnostic(&err, "sessions/2026-01-08-a.md:3:1: warning: unknown key `comitments`");
    assert!(err.contains("help: did you mean `commitments`?"), "{err}");
    let (code, err) = check(&f, &["--strict"]);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(&err, "sessions/2026-01-08-a.md:3:1: error: unknown key `comitments`");
}

#[test]
fn notes_about_history_never_fail_even_with_strict() {
    // A 40-day gap, a commitment overdue on the build date (2026-11-25) and a stale goal.
    let f = Fixture::new(&[
        (
            "sessions/2026-09-01-a.md",
            "---\ndate: 2026-09-01\ngoals:\n  - id: lead\n    title: Lead\ncommitments:\n  - id: call\n    who: mentor\n    what: Call Ruth\n    due: 2026-09-10\n---\n",
        ),
        ("sessions/2026-10-11-b.md", "---\ndate: 2026-10-11\n---\n"),
        ("sessions/2026-10-25-c.md", "---\ndate: 2026-10-25\n---\n"),
        ("sessions/2026-11-08-d.md", "---\ndate: 2026-11-08\n---\n"),
    ]);
    let (code, err) = check(&f, &["--strict"]);
    assert_eq!(code, 0, "{err}");
    assert_diagnostic(
        &err,
        "sessions/2026-10-11-b.md:2:7: note: 40 days since the previous session",
    );
    assert_diagnostic(
        &err,
        "sessions/2026-09-01-a.md:7:9: note: commitment `call` (mentor) was due 2026-09-10 and is still open",
    );
    assert_diagnostic(
        &err,
        "sessions/2026-09-01-a.md:4:9: note: goal `lead` has not been touched in the last 3 sessions",
    );
    assert!(!err.contains(": error:"), "{err}");
}

#[test]
fn every_problem_is_reported_in_one_run_sorted_by_file_and_line() {
    let f = Fixture::new(&[
        (
            "sessions/2026-01-08-a.md",
            "---\ndate: 2026-01-08\nduration: long\nkind: [a, b]\n---\n",
        ),
        ("sessions/b.md", "no date\n"),
    ]);
    let (code, err) = check(&f, &[]);
    assert_eq!(code, 1);
    let heads: Vec<&str> = err.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(heads.len(), 3, "{err}");
    assert!(heads[0].starts_with("sessions/2026-01-08-a.md:3:"), "{err}");
    assert!(heads[1].starts_with("sessions/2026-01-08-a.md:4:"), "{err}");
    assert!(heads[2].starts_with("sessions/b.md: error"), "{err}");
}

#[test]
fn paths_outside_the_current_folder_are_absolute_and_nothing_is_written() {
    let f = fixture(
        "sessions/2026-01-08-a.md",
        "---\ndate: 2026-01-08\nduration: long\n---\n",
    );
    let elsewhere = tempfile::tempdir().unwrap();
    let run = mentorlog(elsewhere.path(), ["check".as_ref(), f.path().as_os_str()]);
    assert_eq!(run.code, 1, "{run}");
    let absolute = f.path().join("sessions/2026-01-08-a.md");
    assert!(
        run.stderr.starts_with(&format!("{}:3:11: error:", absolute.display())),
        "{run}"
    );
    assert!(!f.path().join("public").exists(), "check must not write a site");
}

#[test]
fn colours_only_on_a_terminal() {
    let f = fixture(
        "sessions/2026-01-08-a.md",
        "---\ndate: 2026-01-08\nduration: long\n---\n",
    );
    let (_, err) = check(&f, &[]);
    assert!(
        !err.contains('\u{1b}'),
        "no escape codes when stderr is not a terminal:\n{err}"
    );
}

#[test]
fn check_reports_errors_and_writes_nothing() {
    let fixture = Fixture::new(&[
        ("sessions/2026-10-01-intro.md", INTRO_NOTE),
        (
            "sessions/2026-10-15-second.md",
            "---\ndate: 2026-10-15\ngoals:\n  - id: grup-lead\n    progress: 20\n---\n",
        ),
    ]);
    let before = read_tree(fixture.path());
    let run = mentorlog(fixture.path(), ["check"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("sessions/2026-10-15-second.md:4:"), "{run}");
    assert!(run.stderr.contains("unknown goal `grup-lead`"), "{run}");
    assert!(read_tree(fixture.path()) == before, "check changed the journal");
}
