//! The command line: exit codes (0 success, 1 input errors or a refused operation, 2
//! usage errors), a one-line summary, diagnostics as `path:line:col: error: …` with the
//! line, a caret and `help:`, and never a panic whatever the input.

use std::path::Path;

use crate::harness::{Fixture, INTRO_NOTE, build_cli, example_dir, list_dir, mentorlog, mentorlog_env, read_tree};

const UPDATE_TYPO: &str = "---
date: 2026-10-15
title: Second
goals:
  - id: grup-lead
    progress: 20
---
Body.
";

#[test]
fn build_succeeds_with_a_one_line_summary_naming_the_file_count() {
    let tmp = tempfile::tempdir().expect("tmp");
    let journal = example_dir();
    let run = build_cli(tmp.path(), &journal, "site", &[]);
    assert_eq!(run.code, 0, "{run}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "one line on stdout: {run}");
    let written = read_tree(&tmp.path().join("site")).len() - 1; // without the marker
    assert!(
        lines[0].contains(&format!("{written} files")),
        "the summary counts {written} files: {run}"
    );
    assert!(lines[0].contains("site"), "the summary says where: {run}");
}

#[test]
fn quiet_build_prints_nothing_on_stdout() {
    let tmp = tempfile::tempdir().expect("tmp");
    let journal = example_dir();
    let run = build_cli(tmp.path(), &journal, "site", &["-q"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(run.stdout, "", "{run}");
    assert!(!run.stderr.contains("note:"), "notes are not shown with -q: {run}");
}

#[test]
fn usage_errors_exit_with_2() {
    let tmp = tempfile::tempdir().expect("tmp");
    let cases: &[&[&str]] = &[
        &["build", "--frobnicate"],
        &["frobnicate"],
        &[],
        &["build", "a", "b"],
        &["build", "-o"],
        &["build", "--base-url", "ftp://example.org/"],
    ];
    for args in cases {
        let run = mentorlog(tmp.path(), *args);
        assert_eq!(run.code, 2, "mentorlog {args:?}: {run}");
        assert!(!run.stderr.is_empty(), "mentorlog {args:?} says what is wrong");
    }
    assert!(list_dir(tmp.path()).is_empty(), "a usage error writes nothing");
    let run = mentorlog(tmp.path(), ["build", "--frobnicate"]);
    assert!(run.stderr.contains("--frobnicate"), "{run}");
}

#[test]
fn version_and_help_exit_with_0() {
    let tmp = tempfile::tempdir().expect("tmp");
    let run = mentorlog(tmp.path(), ["--version"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stdout.contains(env!("CARGO_PKG_VERSION")), "{run}");
    let run = mentorlog(tmp.path(), ["build", "--help"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stdout.contains("--include-private"), "{run}");
}

#[test]
fn folder_without_journal_yaml_is_an_error_that_says_so() {
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::create_dir(tmp.path().join("notes")).expect("mkdir");
    let run = mentorlog(tmp.path(), ["build", "notes"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("journal.yaml"), "{run}");
    assert!(run.stderr.contains("notes"), "names the folder: {run}");
    assert!(
        list_dir(&tmp.path().join("notes")).is_empty(),
        "nothing written into it: {run}"
    );
}

#[test]
fn missing_journal_folder_is_an_error_and_is_not_created() {
    let tmp = tempfile::tempdir().expect("tmp");
    let run = mentorlog(tmp.path(), ["build", "no-such-journal"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("no-such-journal"), "{run}");
    assert!(
        list_dir(tmp.path()).is_empty(),
        "the folder was created: {:?}",
        list_dir(tmp.path())
    );
}

#[test]
fn unknown_goal_is_an_error_at_its_line_and_column_with_a_suggestion() {
    let fixture = Fixture::new(&[
        ("sessions/2026-10-01-intro.md", INTRO_NOTE),
        ("sessions/2026-10-15-second.md", UPDATE_TYPO),
    ]);
    let run = mentorlog(fixture.path(), ["build"]);
    assert_eq!(run.code, 1, "{run}");
    let expected = "sessions/2026-10-15-second.md:5:9: error: unknown goal `grup-lead`\n  |\n5 |   - id: grup-lead\n  |         ^\nhelp: did you mean `group-lead`?";
    assert!(run.stderr.contains(expected), "expected\n{expected}\nin\n{run}");
    assert_eq!(
        list_dir(fixture.path()),
        ["journal.yaml", "sessions"],
        "nothing was written"
    );
}

#[test]
fn diagnostics_outside_the_current_folder_use_absolute_paths() {
    let fixture = Fixture::new(&[
        ("sessions/2026-10-01-intro.md", INTRO_NOTE),
        ("sessions/2026-10-15-second.md", UPDATE_TYPO),
    ]);
    let elsewhere = tempfile::tempdir().expect("tmp");
    let run = mentorlog(elsewhere.path(), [Path::new("build"), fixture.path()]);
    assert_eq!(run.code, 1, "{run}");
    let note = fixture.path().join("sessions/2026-10-15-second.md");
    assert!(run.stderr.contains(&format!("{}:5:", note.display())), "{run}");
}

#[test]
fn every_broken_note_is_reported_not_just_the_first() {
    let fixture = Fixture::new(&[
        ("sessions/2026-10-01-intro.md", INTRO_NOTE),
        ("sessions/2026-10-15-second.md", UPDATE_TYPO),
        (
            "sessions/2026-10-29-third.md",
            "---\ndate: 2026-10-29\nduration: an hour\n---\nBody.\n",
        ),
        ("sessions/fourth.md", "---\ndate: 2026-02-30\n---\nBody.\n"),
    ]);
    let run = mentorlog(fixture.path(), ["build"]);
    assert_eq!(run.code, 1, "{run}");
    for file in ["2026-10-15-second.md:5:", "2026-10-29-third.md:3:", "fourth.md:2:"] {
        assert!(
            run.stderr.contains(&format!("sessions/{file}")),
            "`{file}` is not reported: {run}"
        );
    }
}

#[test]
fn unknown_key_is_a_warning_with_a_suggestion_and_the_build_succeeds() {
    let fixture = Fixture::new(&[(
        "sessions/2026-10-01-intro.md",
        "---\ndate: 2026-10-01\ncomitments:\n  - who: mentee\n    what: x\n---\nHello.\n",
    )]);
    let run = mentorlog(fixture.path(), ["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stderr
            .contains("sessions/2026-10-01-intro.md:3:1: warning: unknown key `comitments`"),
        "{run}"
    );
    assert!(run.stderr.contains("help: did you mean `commitments`?"), "{run}");
    assert!(fixture.path().join("public/index.html").is_file());
}

#[test]
fn whole_file_faults_have_no_line_and_column() {
    let fixture = Fixture::new(&[("sessions/2026-10-01-intro.md", INTRO_NOTE)]);
    fixture.write("sessions/2026-10-15-empty.md", "");
    fixture.write("sessions/2026-10-29-binary.md", [0xff_u8, 0xfe, 0x00, 0x41, 0x80]);
    let run = mentorlog(fixture.path(), ["build"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("sessions/2026-10-15-empty.md: error:"), "{run}");
    assert!(run.stderr.contains("sessions/2026-10-29-binary.md: error:"), "{run}");
}

#[test]
fn newer_journal_format_asks_for_a_newer_mentorlog() {
    let fixture = Fixture::new(&[
        ("journal.yaml", "title: T\nmentor: A\nmentee: B\nformat: 2\n"),
        ("sessions/2026-10-01-intro.md", INTRO_NOTE),
    ]);
    let run = mentorlog(fixture.path(), ["build"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("journal.yaml:4:1: error:"), "{run}");
    assert!(run.stderr.contains("newer mentorlog"), "{run}");
}

#[test]
fn bad_source_date_epoch_is_an_error_not_a_panic() {
    let fixture = Fixture::new(&[("sessions/2026-10-01-intro.md", INTRO_NOTE)]);
    let run = mentorlog_env(fixture.path(), ["build"], &[("SOURCE_DATE_EPOCH", "yesterday")]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("SOURCE_DATE_EPOCH"), "{run}");
}

#[test]
fn strange_notes_never_make_it_panic() {
    let cases: &[(&str, &str)] = &[
        ("only-dashes", "---\n"),
        ("empty-front-matter", "---\n---\n"),
        ("unclosed", "---\ndate: 2026-10-20\ntitle: x\n"),
        ("list-front-matter", "---\n- a\n- b\n---\n"),
        ("scalar-front-matter", "---\njust text\n---\n"),
        ("bad-yaml", "---\ndate: 2026-10-20\ntitle: [unclosed\n---\n"),
        ("tabs", "---\ndate: 2026-10-20\n\ttitle: x\n---\n"),
        ("goals-scalar", "---\ndate: 2026-10-20\ngoals: 5\n---\n"),
        ("goal-no-id", "---\ndate: 2026-10-20\ngoals:\n  - title: x\n---\n"),
        (
            "goal-bad-id",
            "---\ndate: 2026-10-20\ngoals:\n  - id: Group Lead\n    title: x\n---\n",
        ),
        (
            "progress-too-big",
            "---\ndate: 2026-10-20\ngoals:\n  - id: g\n    title: x\n    progress: 150\n---\n",
        ),
        (
            "progress-huge",
            "---\ndate: 2026-10-20\ngoals:\n  - id: g\n    title: x\n    progress: 1e99\n---\n",
        ),
        (
            "progress-negative",
            "---\ndate: 2026-10-20\ngoals:\n  - id: g\n    title: x\n    progress: -5\n---\n",
        ),
        (
            "done-unknown-step",
            "---\ndate: 2026-10-20\ngoals:\n  - id: g\n    title: x\n    steps: [a]\n    done: [b]\n---\n",
        ),
        (
            "commitment-no-who",
            "---\ndate: 2026-10-20\ncommitments:\n  - what: x\n---\n",
        ),
        (
            "commitment-bad-due",
            "---\ndate: 2026-10-20\ncommitments:\n  - who: mentor\n    what: x\n    due: someday\n---\n",
        ),
        (
            "aliases",
            "---\ndate: &d 2026-10-20\ntitle: *d\ntopics: [*d, *d]\n---\n",
        ),
        ("nested-title", "---\ndate: 2026-10-20\ntitle: {a: b}\n---\n"),
        ("no-date", "---\ntitle: x\n---\nBody.\n"),
        ("impossible-date", "---\ndate: 2026-13-45\n---\n"),
        ("far-future", "---\ndate: 9999-12-31\n---\n"),
        ("duplicate-keys", "---\ndate: 2026-10-20\ndate: 2026-10-21\n---\n"),
        (
            "unicode-mess",
            "---\ndate: 2026-10-20\ntitle: \"\u{202e}\u{0}\u{fffd}\"\n---\n\u{feff}# \u{1f600}\n",
        ),
    ];
    for (name, text) in cases {
        let fixture = Fixture::new(&[("sessions/2026-10-01-intro.md", INTRO_NOTE)]);
        fixture.write(&format!("sessions/{name}.md"), text);
        let run = mentorlog(fixture.path(), ["build"]);
        assert!(run.code == 0 || run.code == 1, "{name}: {run}");
        if run.code == 1 {
            assert!(
                run.stderr
                    .lines()
                    .any(|l| l.starts_with(&format!("sessions/{name}.md")) && l.contains(": error: ")),
                "{name}: the error names the note: {run}"
            );
        }
    }
}

#[test]
fn history_notes_point_at_the_session_where_they_show_and_never_fail() {
    let fixture = Fixture::new(&[
        ("sessions/2026-01-01.md", "Plain notes.\n"),
        // 59 days later; the date comes from the file name, so the note points at line 1.
        ("sessions/2026-03-01.md", "More plain notes.\n"),
        (
            "sessions/2026-03-15-third.md",
            "---\ndate: 2026-03-15\ncommitments:\n  - id: slides\n    who: mentee\n    what: Send the slides\n    due: 2026-03-20\n---\nBody.\n",
        ),
    ]);
    let run = mentorlog(fixture.path(), ["build"]);
    assert_eq!(run.code, 0, "notes never fail a build: {run}");
    assert!(
        run.stderr
            .contains("sessions/2026-03-01.md:1:1: note: 59 days since the previous session"),
        "{run}"
    );
    let overdue = run.stderr.lines().find(|l| l.contains("note: commitment `slides`"));
    let overdue = overdue.unwrap_or_else(|| panic!("no note for the overdue commitment: {run}"));
    assert!(overdue.starts_with("sessions/2026-03-15-third.md:4:"), "{overdue}");
}

#[test]
fn unknown_key_in_journal_yaml_is_a_warning() {
    let fixture = Fixture::new(&[
        ("journal.yaml", "title: T\nmentor: A\nmentee: B\ncadense_days: 7\n"),
        ("sessions/2026-10-01-intro.md", INTRO_NOTE),
    ]);
    let run = mentorlog(fixture.path(), ["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stderr
            .contains("journal.yaml:4:1: warning: unknown key `cadense_days`"),
        "{run}"
    );
    assert!(run.stderr.contains("help: did you mean `cadence_days`?"), "{run}");
}

/// `init` puts every value into journal.yaml as written: a name that reads like a
/// placeholder of the scaffold (`{mentee}`, `{cadence}`), like YAML (`a: b`, `- dash`,
/// `#hash`, quotes) or spans lines is quoted, and loads back exactly.
#[test]
fn init_writes_hostile_names_literally_and_they_load_back_exactly() {
    let values = [
        "{mentee}",
        "{cadence}",
        "{{x}}",
        "a: b",
        "\"quoted\"",
        "'single'",
        "#hash",
        "- dash",
        "line one\nline two",
        "back\\slash",
        "[list, of]",
        "{title} & {date}",
        "tab\there",
        "yes",
        "~",
        "null",
        "007",
        "*alias",
        "&anchor",
        "!tag",
        "%percent",
        "@at",
        "`tick`",
        "| pipe",
        "> fold",
        "Zoë Ünïcode 名前",
    ];
    for (i, value) in values.iter().enumerate() {
        let mentee = values[(i + 1) % values.len()];
        let program = values[(i + 2) % values.len()];
        let tmp = tempfile::tempdir().unwrap();
        let run = mentorlog(
            tmp.path(),
            [
                "init".to_string(),
                format!("--mentor={value}"),
                format!("--mentee={mentee}"),
                format!("--program={program}"),
                "--cadence=7".to_string(),
            ],
        );
        assert_eq!(run.code, 0, "{value:?}: {run}");
        let mut diags = mentorlog::diag::Diagnostics::new();
        let journal = mentorlog::load::journal(tmp.path(), &mentorlog::load::LoadOptions::default(), &mut diags)
            .unwrap()
            .unwrap_or_else(|| {
                panic!(
                    "{value:?}: journal.yaml does not load:\n{}\n{diags:?}",
                    std::fs::read_to_string(tmp.path().join("journal.yaml")).unwrap()
                )
            });
        assert_eq!(journal.config.mentor, *value);
        assert_eq!(journal.config.mentee, mentee);
        assert_eq!(journal.config.program.as_deref(), Some(program));
        assert_eq!(journal.config.title, format!("{value} & {mentee}: mentoring"));
        assert_eq!(journal.config.cadence_days, Some(7), "{value:?}");
        let run = mentorlog(tmp.path(), ["check"]);
        assert_eq!(run.code, 0, "{value:?}: {run}");
    }
}
