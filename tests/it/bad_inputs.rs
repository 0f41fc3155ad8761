//! The bad-input catalogue: journals as they really arrive — hand-written over years,
//! merged in git, synced by tools that leave odd files behind — each with the exact answer
//! `mentorlog check` gives (level, `path:line:col` or `path:` for a fault of a whole
//! file, message, a caret and a `help:`), and the promise that no input makes it panic,
//! hang or fill memory. Big inputs are generated here, never committed.
//!
//! Debatable outcomes, decided:
//! - the same goal id with a `title` in two sessions: the second is an *update* that
//!   renames the goal (PRODUCT.md: "later entries may change `title`"), not an error;
//! - a goal updated in a session dated before the one declaring it is an error at the
//!   update: sessions apply in date order, whatever their file names;
//! - an empty note, a UTF-16 note and a note with NUL bytes are errors of the whole file
//!   (or at the NUL); a merge conflict is an error at its `<<<<<<<` line;
//! - symbolic links are never followed out of the journal, nor into folders (no loops):
//!   such a link is left out with a warning;
//! - editor leftovers are ignored silently; a sync tool's conflict copy is left out with a
//!   warning (loading it would apply its entries twice);
//! - a file name that is not UTF-8 cannot be published: an error for a note (or a folder
//!   holding notes) in `sessions/`, a warning for a file or folder of `static/` (left
//!   out); a stray `.mentorlog-site` in a sub-folder is still skipped, with a warning
//!   (more decided cases of Trust I: output paths and links, at the end of this file);
//! - front matter (Trust I, `t14_front_…`): a fence is exactly `---` or `+++` once
//!   invisible characters (Unicode Default_Ignorable, format characters Cf, white space)
//!   and surrounding white space are gone; `- - -`, `***`, `___` are thematic breaks. An
//!   opening line like `----`, `--- yaml`, `---yaml` or typographic dashes (`—`, `–––`)
//!   is an error only before a `key:` line and a closing line (else it is Markdown); so is
//!   `{` … `}` (JSON). A `---`/`+++` that is the body's first line after valid front
//!   matter is an error (a second block would publish as text; a break is `***`). An
//!   unclosed `<!--` hides nothing: its line is the first line. journal.yaml is pure YAML
//!   and has no fences.
//! - privacy keys: a non-boolean `private`/`draft` that clearly means yes (`yes`, `"true"`,
//!   `1`, `on`) is a warning and hides; any other (`no`, `0`, nothing, a list) is an error
//!   and hides (a `draft` error is then a draft's, so a warning). `published`/`publish`
//!   other than `true`: a draft, silently for `false`, with a warning otherwise. Unknown
//!   keys within reach of a privacy key or holding `priv`, `draft`, `secret`, `hidden`,
//!   `confiden`, `unlisted`, `visib` are errors (so is `public`: say `private` or `draft`),
//!   except keys ending in `date` (Hugo's `publishDate`: an unknown-key warning).
//! - `protect` other than `false` is an error in journal.yaml, program.yaml (any spelling
//!   within reach: `Protect`, `protected`) and a note; `id` must be text, any text.

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::process::Command;

use mentorlog::BuildOptions;

use snapbox::str;

use crate::harness::{
    EPOCH, Fixture, Run, Test, assert_diagnostic, build, mentorlog, mentorlog_env, one, text, try_build,
};

/// Runs `check` in the fixture.
fn check(fixture: &Fixture) -> Run {
    mentorlog(fixture.path(), ["check"])
}

/// The `E error(s), W warning(s)` of the summary line `check` ends with.
fn counts(run: &Run) -> (usize, usize) {
    let summary = run
        .stderr
        .lines()
        .rev()
        .find(|l| l.contains(" error(s), "))
        .unwrap_or_else(|| panic!("no summary line in:\n{run}"));
    let summary = summary.rsplit(": ").next().unwrap_or(summary);
    let number = |label: &str| -> usize {
        let part = summary
            .split(", ")
            .find(|p| p.ends_with(label))
            .unwrap_or_else(|| panic!("no `{label}` in `{summary}`"));
        part.split(' ').next().and_then(|n| n.parse().ok()).expect("a count")
    };
    (number("error(s)"), number("warning(s)"))
}

/// Checks `fixture` and asserts the exit code, the numbers of errors and warnings, and
/// each diagnostic of `heads`; returns the run for further checks.
fn expect(fixture: &Fixture, code: i32, errors_warnings: (usize, usize), heads: &[&str]) -> Run {
    let run = check(fixture);
    assert_eq!(run.code, code, "{run}");
    assert_eq!(counts(&run), errors_warnings, "(errors, warnings):\n{run}");
    for head in heads {
        assert_diagnostic(&run.stderr, head);
    }
    run
}

/// A journal with one note at `path`.
fn note(path: &str, text: &str) -> Fixture {
    Fixture::new(&[(path, text)])
}

const A: &str = "sessions/2026-01-08-a.md";

// ---------------------------------------------------------------- invalid YAML

#[test]
fn c01_yaml_unclosed_bracket() {
    let f = note(A, "---\ndate: 2026-01-08\ntitle: [unclosed\n---\nBody\n");
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/2026-01-08-a.md:3:1: error: front matter is not valid YAML: did not find expected ',' or ']'"],
    );
}

#[test]
fn c02_yaml_tab_indentation() {
    let f = note(A, "---\ndate: 2026-01-08\n\ttitle: Tabbed\n---\n");
    let run = expect(
        &f,
        1,
        (1, 0),
        &[
            "sessions/2026-01-08-a.md:3:1: error: front matter is not valid YAML: found a tab character that violates indentation",
        ],
    );
    assert!(run.stderr.contains("help: indent with spaces"), "{run}");
}

#[test]
fn c03_yaml_colon_space_inside_a_value() {
    let f = note(A, "---\ndate: 2026-01-08\ntitle: Roadmap: the sequel\n---\n");
    let run = expect(
        &f,
        1,
        (1, 0),
        &[
            "sessions/2026-01-08-a.md:3:15: error: front matter is not valid YAML: mapping values are not allowed in this context",
        ],
    );
    assert!(run.stderr.contains("quote values that contain `: `"), "{run}");
}

#[test]
fn c04_yaml_list_item_among_keys() {
    let f = note(A, "---\ndate: 2026-01-08\n- a stray item\n---\n");
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/2026-01-08-a.md:3:1: error: front matter is not valid YAML: did not find expected key"],
    );
}

#[test]
fn c05_yaml_front_matter_that_is_a_list() {
    let f = note(A, "---\n- a\n- b\n---\n");
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/2026-01-08-a.md:2:1: error: front matter must be `key: value` lines, found a list"],
    );
}

#[test]
fn c06_yaml_reserved_indicator() {
    let f = note(A, "---\ndate: 2026-01-08\n@mention: Dana\n---\n");
    expect(
        &f,
        1,
        (1, 0),
        &[
            "sessions/2026-01-08-a.md:3:1: error: front matter is not valid YAML: found character that cannot start any token",
        ],
    );
}

// ---------------------------------------------------------------- merge conflicts

#[test]
fn c07_merge_conflict_in_front_matter_is_one_clear_error() {
    let f = note(
        A,
        "---\ndate: 2026-01-08\n<<<<<<< HEAD\ntitle: Ours\n=======\ntitle: Theirs\n>>>>>>> dana/notes\n---\nBody\n",
    );
    let run = expect(
        &f,
        1,
        (1, 0),
        &["sessions/2026-01-08-a.md:3:1: error: an unresolved git merge conflict"],
    );
    assert!(!run.stderr.contains("YAML"), "no parser error on top:\n{run}");
}

#[test]
fn c08_merge_conflict_in_a_note_body_and_the_rest_still_checked() {
    let f = note(
        A,
        "---\ndate: 2026-01-08\ncomitments: []\n---\nBefore.\n\n<<<<<<< HEAD\nWe agreed on A.\n=======\nWe agreed on B.\n>>>>>>> sam/notes\n\n```text\n<<<<<<< an example in a code block is text\n=======\n>>>>>>> end\n```\n",
    );
    expect(
        &f,
        1,
        (1, 1),
        &[
            "sessions/2026-01-08-a.md:3:1: warning: unknown key `comitments`",
            "sessions/2026-01-08-a.md:7:1: error: an unresolved git merge conflict",
        ],
    );
}

#[test]
fn c09_merge_conflict_in_journal_yaml() {
    let f = Fixture::new(&[
        (
            "journal.yaml",
            "title: T\n<<<<<<< HEAD\nmentor: Dana\n=======\nmentor: Dana Levi\n>>>>>>> main\nmentee: Sam\n",
        ),
        (A, "---\ndate: 2026-01-08\n---\n"),
    ]);
    expect(
        &f,
        1,
        (1, 0),
        &["journal.yaml:2:1: error: an unresolved git merge conflict"],
    );
}

// ---------------------------------------------------------------- wrong types, every key

#[test]
fn c10_wrong_types_of_every_session_key() {
    let f = note(
        A,
        "---\ndate: [2026, 1, 8]\ntitle: [a, b]\nkind: {a: 1}\nduration: -5\ntopics: {a: 1}\ntags: [[nested]]\ncategories: [{a: 1}]\nprivate: [1]\ngoals: just text\ncommitments: {what: x}\n---\n",
    );
    // (A `draft` that is not `true` or `false` makes the note a draft, whose errors are
    // warnings: see t14_front_doubtful_privacy_values_hide_the_note.)
    expect(
        &f,
        1,
        (10, 0),
        &[
            "sessions/2026-01-08-a.md:2:7: error: `date` must be a date, found a list",
            "sessions/2026-01-08-a.md:3:8: error: `title` must be text, found a list",
            "sessions/2026-01-08-a.md:4:7: error: `kind` must be text, found a mapping",
            "sessions/2026-01-08-a.md:5:11: error: `duration` must be a whole number (minutes), found `-5`",
            "sessions/2026-01-08-a.md:6:9: error: `topics` must be text, found a mapping",
            "sessions/2026-01-08-a.md:7:7: error: `tags` must be text, found a list",
            "sessions/2026-01-08-a.md:8:13: error: `categories` must be text, found a mapping",
            "sessions/2026-01-08-a.md:9:10: error: `private` must be `true` or `false`, found a list",
            "sessions/2026-01-08-a.md:10:8: error: `goals` must be a list of entries, found text",
            "sessions/2026-01-08-a.md:11:14: error: `commitments` must be a list of entries, found a mapping",
        ],
    );
}

/// A first session declaring goal `lead` and commitment `call`, so the second can update
/// them with wrong values and nothing else.
const DECLARES: &str = "---\ndate: 2026-01-08\ngoals:\n  - id: lead\n    title: Lead\n    steps: [Plan]\ncommitments:\n  - id: call\n    who: mentor\n    what: Call Ruth\n---\n";

#[test]
fn c11_wrong_types_of_every_goal_key() {
    let f = Fixture::new(&[
        (A, DECLARES),
        (
            "sessions/2026-01-22-b.md",
            "---\ndate: 2026-01-22\ngoals:\n  - id: [lead]\n  - id: lead\n    title: [Lead]\n    horizon: 5\n    target: [2026]\n    steps: {a: 1}\n    progress: half\n    done: {a: 1}\n    status: [active]\n    note: {a: 1}\n    private: \"no\"\n---\n",
        ),
    ]);
    let b = "sessions/2026-01-22-b.md";
    expect(
        &f,
        1,
        (10, 0),
        &[
            &format!("{b}:4:9: error: `id` must be text, found a list"),
            &format!("{b}:6:12: error: `title` must be text, found a list"),
            &format!("{b}:7:14: error: unknown horizon `5`"),
            &format!("{b}:8:13: error: `target` must be a date, found a list"),
            &format!("{b}:9:12: error: `steps` must be text, found a mapping"),
            &format!("{b}:10:15: error: `progress` must be a whole number (a percentage from 0 to 100), found `half`"),
            &format!("{b}:11:11: error: `done` must be text, found a mapping"),
            &format!("{b}:12:13: error: `status` must be text, found a list"),
            &format!("{b}:13:11: error: `note` must be text, found a mapping"),
            &format!("{b}:14:14: error: `private` must be `true` or `false`, found `no`"),
        ],
    );
}

#[test]
fn c12_wrong_types_of_every_commitment_key() {
    let f = Fixture::new(&[
        (A, DECLARES),
        (
            "sessions/2026-01-22-b.md",
            "---\ndate: 2026-01-22\ncommitments:\n  - id: [call]\n    what: X\n    who: mentor\n  - id: call\n    who: [mentor]\n    what: {a: 1}\n    due: [2026]\n    status: 3\n    note: [a]\n    private: maybe\n  - what: Write\n    who: mentee\n    due: someday\n---\n",
        ),
    ]);
    let b = "sessions/2026-01-22-b.md";
    expect(
        &f,
        1,
        (8, 0),
        &[
            &format!("{b}:4:9: error: `id` must be text, found a list"),
            &format!("{b}:8:10: error: `who` must be text, found a list"),
            &format!("{b}:9:11: error: `what` must be text, found a mapping"),
            &format!("{b}:10:10: error: `due` must be a date, found a list"),
            &format!("{b}:11:13: error: unknown commitment status `3`"),
            &format!("{b}:12:11: error: `note` must be text, found a list"),
            &format!("{b}:13:14: error: `private` must be `true` or `false`, found `maybe`"),
            &format!("{b}:16:10: error: `due` is not a date: `someday`"),
        ],
    );
}

#[test]
fn c13_wrong_types_of_every_journal_key() {
    let f = Fixture::new(&[
        (
            "journal.yaml",
            "title: [a]\nmentor: {a: 1}\nmentee: [b]\nprogram: [p]\ncadence_days: two weeks\nbase_url: [u]\nlanguage: {en: 1}\nnoindex: \"yes\"\nraw_html: 1\nformat: one\n",
        ),
        (A, "---\ndate: 2026-01-08\n---\n"),
    ]);
    let run = expect(
        &f,
        1,
        (10, 0),
        &[
            "journal.yaml:1:1: error: `title` must be text, found a list",
            "journal.yaml:2:1: error: `mentor` must be text, found a mapping",
            "journal.yaml:3:1: error: `mentee` must be text, found a list",
            "journal.yaml:4:1: error: `program` must be text, found a list",
            "journal.yaml:5:1: error: `cadence_days` must be a whole number of days from 1 to 366",
            "journal.yaml:6:1: error: `base_url` must be text, found a list",
            "journal.yaml:7:1: error: `language` must be text, found a mapping",
            "journal.yaml:8:1: error: `noindex` must be `true` or `false`",
            "journal.yaml:9:1: error: `raw_html` must be `true` or `false`",
            "journal.yaml:10:1: error: `format` must be a whole number (1)",
        ],
    );
    assert!(!run.stderr.contains("needs `title`"), "no follow-on error:\n{run}");
}

#[test]
fn c14_a_number_too_big_for_any_integer_is_reported_as_written() {
    let f = note(A, "---\ndate: 2026-01-08\nduration: 99999999999999999999999\n---\n");
    expect(
        &f,
        1,
        (1, 0),
        &[
            "sessions/2026-01-08-a.md:3:11: error: `duration` must be a whole number (minutes), found `99999999999999999999999`",
        ],
    );
}

// ---------------------------------------------------------------- ids and history

#[test]
fn c15_ids_with_spaces_upper_case_or_accents_suggest_a_valid_id() {
    let f = note(
        A,
        "---\ndate: 2026-01-08\ngoals:\n  - id: Group Lead\n    title: A\n  - id: LEAD\n    title: B\n  - id: café\n    title: C\ncommitments:\n  - id: Send Template\n    who: mentor\n    what: Send\n---\n",
    );
    let run = expect(
        &f,
        1,
        (4, 0),
        &[
            "sessions/2026-01-08-a.md:4:9: error: goal id `Group Lead` may only use a-z, 0-9 and `-`",
            "sessions/2026-01-08-a.md:6:9: error: goal id `LEAD` may only use a-z, 0-9 and `-`",
            "sessions/2026-01-08-a.md:8:9: error: goal id `café` may only use a-z, 0-9 and `-`",
            "sessions/2026-01-08-a.md:11:9: error: commitment id `Send Template` may only use a-z, 0-9 and `-`",
        ],
    );
    for help in [
        "help: write it as `group-lead`",
        "help: write it as `lead`",
        "help: write it as `caf`",
        "help: write it as `send-template`",
    ] {
        assert!(run.stderr.contains(help), "`{help}` in:\n{run}");
    }
}

#[test]
fn c16_a_goal_updated_before_it_is_declared_by_date_order() {
    // The file names sort the other way: the dates decide.
    let f = Fixture::new(&[
        (
            "sessions/a-declares.md",
            "---\ndate: 2026-01-22\ngoals:\n  - id: lead\n    title: Lead a group\n---\n",
        ),
        (
            "sessions/b-updates.md",
            "---\ndate: 2026-01-08\ngoals:\n  - id: lead\n    progress: 20\n---\n",
        ),
    ]);
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/b-updates.md:4:9: error: unknown goal `lead`"],
    );
}

#[test]
fn c17_the_same_goal_declared_in_two_sessions_is_an_update() {
    let f = Fixture::new(&[
        (
            A,
            "---\ndate: 2026-01-08\ngoals:\n  - id: lead\n    title: Lead a group\n    progress: 10\ncommitments:\n  - id: call\n    who: mentor\n    what: Call Ruth\n---\n",
        ),
        (
            "sessions/2026-01-22-b.md",
            "---\ndate: 2026-01-22\ngoals:\n  - id: lead\n    title: Lead the product group\n    horizon: career\n    progress: 30\ncommitments:\n  - id: call\n    who: mentor\n    what: Call Ruth and Ahmed\n---\n",
        ),
    ]);
    expect(&f, 0, (0, 0), &[]);
    let built = f.build();
    let page = built.page("goals/lead.html");
    assert_eq!(text(one(page.root_element(), "main h1")), "Lead the product group");
    assert!(
        text(page.root_element()).contains("then titled “Lead a group”"),
        "the history keeps the old title"
    );
    assert!(built.text("commitments.html").contains("Call Ruth and Ahmed"));
    assert!(!built.has("goals/lead-2.html"), "one goal, not two");
}

/// A declaration with a mistake is one error: the sessions that update it later must not
/// each add an "unknown goal" or "unknown commitment" error that only repeats the first
/// (the whole stderr shows there is none). The invalid ids are updated later under the
/// spelling the error suggests; a commitment's wrong `what` is no update of a known one
/// either, not even on the entry itself.
#[test]
fn c44_c48_a_declaration_with_a_mistake_is_one_error_not_one_per_update() {
    let cases = [
        (
            "ids-and-history/goal-declared-with-a-wrong-title",
            str![[r#"
sessions/2026-01-08-a.md:5:12: error: `title` must be text, found a list
  |
5 |     title: [not, text]
  |            ^
help: write it on one line after the colon
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "ids-and-history/goal-declared-with-an-invalid-id",
            str![[r#"
sessions/2026-01-08-a.md:4:9: error: goal id `Group Lead` may only use a-z, 0-9 and `-`
  |
4 |   - id: Group Lead
  |         ^
help: write it as `group-lead`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "ids-and-history/commitment-made-with-an-invalid-id",
            str![[r#"
sessions/2026-01-08-a.md:4:9: error: commitment id `Send Template` may only use a-z, 0-9 and `-`
  |
4 |   - id: Send Template
  |         ^
help: write it as `send-template`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "ids-and-history/commitment-made-with-a-wrong-what",
            str![[r#"
sessions/2026-01-08-a.md:6:11: error: `what` must be text, found a list
  |
6 |     what: [send, template]
  |           ^
help: write it on one line after the colon
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "ids-and-history/commitment-made-with-a-wrong-or-missing-who",
            str![[r#"
sessions/2026-01-08-a.md:5:10: error: `who` must be text, found a list
  |
5 |     who: [mentor]
  |          ^
help: write it on one line after the colon
sessions/2026-01-08-a.md:7:9: error: the commitment `Book a room` needs `who`
  |
7 |   - id: book-room
  |         ^
help: add `who: mentor`, `who: mentee` or `who: both`
2 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ];
    for (case, stderr) in cases {
        Test::case(case).status(1).stderr(stderr).run();
    }
}

#[test]
fn c49_an_update_with_a_mistyped_id_and_a_wrong_value_is_two_errors_at_once() {
    // Two mistakes in one entry: both are reported in the same run, so fixing the value
    // does not reveal the unknown id only on the next check.
    let f = Fixture::new(&[
        (
            A,
            "---\ndate: 2026-01-08\ngoals:\n  - id: group-lead\n    title: Lead a group\ncommitments:\n  - id: send-template\n    who: mentor\n    what: Send the template\n---\n",
        ),
        (
            "sessions/2026-01-22-b.md",
            "---\ndate: 2026-01-22\ngoals:\n  - id: grup-lead\n    progress: 150\ncommitments:\n  - id: send-templat\n    status: finished\n  - what: [a, list]\n    who: mentee\n---\n",
        ),
    ]);
    let run = expect(
        &f,
        1,
        (5, 0),
        &[
            "sessions/2026-01-22-b.md:4:9: error: unknown goal `grup-lead`",
            "sessions/2026-01-22-b.md:5:15: error: `progress` must be a whole number (a percentage from 0 to 100), found `150`",
            "sessions/2026-01-22-b.md:7:9: error: unknown commitment `send-templat`",
            "sessions/2026-01-22-b.md:8:13: error: unknown commitment status `finished`",
            "sessions/2026-01-22-b.md:9:11: error: `what` must be text, found a list",
        ],
    );
    assert!(run.stderr.contains("did you mean `group-lead`?"), "{run}");
    assert!(run.stderr.contains("did you mean `send-template`?"), "{run}");
    assert!(
        !run.stderr.contains("needs `what` (to make one)"),
        "a `what` that is not text is one error:\n{run}"
    );
}

#[test]
fn c18_duplicate_keys_point_at_the_second() {
    let f = note(
        A,
        "---\ndate: 2026-01-08\ntitle: First\ndate: 2026-01-09\ngoals:\n  - id: lead\n    title: Lead\n    title: Lead again\n---\n",
    );
    let run = expect(
        &f,
        1,
        (2, 0),
        &[
            "sessions/2026-01-08-a.md:4:1: error: duplicate key `date`",
            "sessions/2026-01-08-a.md:8:5: error: duplicate key `title`",
        ],
    );
    assert!(run.stderr.contains("(the first is on line 2)"), "{run}");
    assert!(run.stderr.contains("(the first is on line 7)"), "{run}");
}

#[test]
fn c19_duplicate_keys_in_journal_yaml() {
    let f = Fixture::new(&[
        ("journal.yaml", "title: T\nmentor: A\nmentee: B\ntitle: U\n"),
        (A, "---\ndate: 2026-01-08\n---\n"),
    ]);
    expect(&f, 1, (1, 0), &["journal.yaml:4:1: error: duplicate key `title`"]);
}

// ---------------------------------------------------------------- shapes of files

#[test]
fn c20_an_empty_note() {
    let f = note(A, "");
    expect(&f, 1, (1, 0), &["sessions/2026-01-08-a.md: error: the note is empty"]);
}

#[test]
fn c21_a_note_of_only_dashes() {
    let f = note(A, "---\n");
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/2026-01-08-a.md:1:1: error: the front matter starts with `---` but never ends"],
    );
}

#[test]
fn c22_front_matter_closed_with_four_dashes_never_closes() {
    let f = note(A, "---\ndate: 2026-01-08\ntitle: Closed wrongly\n----\nNotes\n");
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/2026-01-08-a.md:1:1: error: the front matter starts with `---` but never ends"],
    );
}

#[test]
fn c23_a_10_mb_note_builds() {
    let paragraph = "We talked about the roadmap, the team, and what to try next. ".repeat(16) + "\n\n";
    let mut body = String::with_capacity(10_500_000);
    while body.len() < 10 * 1024 * 1024 {
        body.push_str(&paragraph);
    }
    body.push_str("The very last line.\n");
    let f = note(A, &format!("---\ndate: 2026-01-08\ntitle: Long\n---\n{body}"));
    let built = f.build();
    let page = built.text("sessions/2026-01-08-a.html");
    assert!(page.len() > 10 * 1024 * 1024, "the whole note is on its page");
    assert!(page.contains("The very last line."));
}

#[test]
fn c24_a_50000_line_note_builds() {
    let mut body = String::new();
    for i in 1..=50_000 {
        body.push_str(&format!("- line {i}\n"));
    }
    let f = note(A, &format!("---\ndate: 2026-01-08\n---\n# Many lines\n\n{body}"));
    let built = f.build();
    let page = built.text("sessions/2026-01-08-a.html");
    assert!(
        page.contains("line 1<") && page.contains("line 50000<"),
        "first and last lines"
    );
}

#[test]
fn c25_deeply_nested_yaml_is_refused() {
    // 100,000 brackets: libyaml alone would scan them in time quadratic in their depth
    // (minutes); mentorlog refuses them at the 129th.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let f = note(A, &format!("---\ndate: 2026-01-08\nx: {deep}\n---\n"));
    let run = expect(&f, 1, (1, 0), &[]);
    assert!(
        run.stderr.starts_with(
            "sessions/2026-01-08-a.md:3:132: error: front matter is not valid YAML: values are nested more than 128 levels deep"
        ),
        "{run}"
    );
    let block: String = (0..300).map(|i| format!("{}k{i}:\n", "  ".repeat(i))).collect();
    let f = note(A, &format!("---\ndate: 2026-01-08\nx:\n{block}---\n"));
    let run = expect(&f, 1, (1, 0), &[]);
    assert!(
        run.stderr.contains("values are nested more than 128 levels deep"),
        "{run}"
    );
}

/// Runs `mentorlog check` in `dir` with its address space limited to `mib` MiB, so a run
/// that tries to fill memory fails instead of slowing the machine down.
fn check_with_memory_limit(dir: &Path, mib: u64) -> Run {
    let output = Command::new("sh")
        .args(["-c", &format!("ulimit -v {} && exec \"$0\" check", mib * 1024)])
        .arg(env!("CARGO_BIN_EXE_mentorlog"))
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .expect("run mentorlog");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn c26_billion_laughs_is_refused_within_bounded_memory() {
    // The classic: nine levels of nine aliases, a billion "lol"s if expanded.
    let mut laughs = String::from("---\ndate: 2026-01-08\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let refs = vec![format!("*{}", pair[0]); 9].join(", ");
        laughs.push_str(&format!("{}: &{} [{refs}]\n", pair[1], pair[1]));
    }
    laughs.push_str("---\n");
    let f = note(A, &laughs);
    let run = expect(
        &f,
        1,
        (1, 0),
        &[
            "sessions/2026-01-08-a.md:4:8: error: front matter is not valid YAML: anchors and aliases expand to far more than the text itself",
        ],
    );
    assert!(run.stderr.contains("write the values out instead"), "{run}");
    // Few aliases of one big list: serde_yaml's own limit (100 alias uses per event) let
    // this one through to gigabytes before mentorlog bounded the expansion.
    let items = vec!["x"; 50_000].join(",");
    let uses = vec!["*big"; 100].join(",");
    let f = note(
        A,
        &format!("---\ndate: 2026-01-08\nbig: &big [{items}]\nmore: [{uses}]\n---\n"),
    );
    let run = check_with_memory_limit(f.path(), 1024);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr.contains(
            "sessions/2026-01-08-a.md:4:8: error: front matter is not valid YAML: anchors and aliases expand"
        ),
        "{run}"
    );
}

// ---------------------------------------------------------------- encodings and bytes

#[test]
fn c27_invalid_utf8_in_a_note_body() {
    let f = Fixture::new(&[]);
    f.write(A, b"---\ndate: 2026-01-08\n---\nCaf\xe9 au lait, written in Latin-1.\n");
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/2026-01-08-a.md: error: the note is not UTF-8 text"],
    );
}

fn utf16le(text: &str, bom: bool) -> Vec<u8> {
    let bytes = text.encode_utf16().flat_map(u16::to_le_bytes);
    if bom {
        [0xFF, 0xFE].into_iter().chain(bytes).collect()
    } else {
        bytes.collect()
    }
}

#[test]
fn c28_a_utf16_note_asks_to_save_as_utf8() {
    let f = Fixture::new(&[]);
    f.write(A, utf16le("---\ndate: 2026-01-08\n---\nSaved by Notepad.\n", true));
    f.write(
        "sessions/2026-01-22-b.md",
        utf16le("---\ndate: 2026-01-22\n---\nNo BOM.\n", false),
    );
    let run = expect(
        &f,
        1,
        (2, 0),
        &[
            "sessions/2026-01-08-a.md: error: the note is UTF-16 text, not UTF-8",
            "sessions/2026-01-22-b.md: error: the note is UTF-16 text, not UTF-8",
        ],
    );
    assert!(run.stderr.contains("help: save it as UTF-8"), "{run}");
}

#[test]
fn c29_a_utf16_journal_yaml() {
    let f = Fixture::new(&[(A, "---\ndate: 2026-01-08\n---\n")]);
    f.write("journal.yaml", utf16le("title: T\nmentor: A\nmentee: B\n", true));
    expect(
        &f,
        1,
        (1, 0),
        &["journal.yaml: error: journal.yaml is UTF-16 text, not UTF-8"],
    );
}

#[test]
fn c30_nul_bytes_are_located() {
    let f = Fixture::new(&[]);
    f.write(A, b"---\ndate: 2026-01-08\n---\nA line.\nab\0\0\0c\n");
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/2026-01-08-a.md:5:3: error: the note contains a NUL (zero) byte, so it is damaged or not text"],
    );
}

#[test]
fn c31_a_control_character_in_front_matter_is_located() {
    let f = note(A, "---\ndate: 2026-01-08\ntitle: Bell\u{7} rings\n---\n");
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/2026-01-08-a.md:3:12: error: front matter contains the control character U+0007"],
    );
}

// ---------------------------------------------------------------- file names

#[test]
fn c32_file_names_with_spaces_unicode_and_no_date_prefix() {
    let f = Fixture::new(&[
        ("sessions/2026-01-08 roadmap talk.md", "---\ntitle: Spaces\n---\nA.\n"),
        ("sessions/Ünïcode — café.md", "---\ndate: 2026-01-22\n---\nB.\n"),
        ("sessions/notes without a date.md", "---\ndate: 2026-02-05\n---\nC.\n"),
        ("sessions/no date at all.md", "Just a thought.\n"),
    ]);
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/no date at all.md: error: the note has no date"],
    );
    f.write("sessions/no date at all.md", "---\ndate: 2026-02-19\n---\nD.\n");
    let built = f.build();
    for page in [
        "sessions/2026-01-08-roadmap-talk.html",
        "sessions/ünïcode-café.html",
        "sessions/notes-without-a-date.html",
        "sessions/no-date-at-all.html",
    ] {
        assert!(
            built.has(page),
            "{page} in {:?}",
            built.files.keys().collect::<Vec<_>>()
        );
    }
}

// ---------------------------------------------------------------- links and permissions

#[test]
fn c33_a_symlink_loop_under_sessions_is_left_out() {
    let f = note(A, "---\ndate: 2026-01-08\n---\nA.\n");
    symlink(".", f.path().join("sessions/loop")).unwrap();
    symlink("2026-01-22-y.md", f.path().join("sessions/2026-01-22-x.md")).unwrap();
    symlink("2026-01-22-x.md", f.path().join("sessions/2026-01-22-y.md")).unwrap();
    let run = expect(
        &f,
        0,
        (0, 3),
        &[
            "sessions/loop: warning: left out: this is a symbolic link to a folder, and mentorlog does not follow those",
            "sessions/2026-01-22-x.md: warning: left out: this symbolic link leads nowhere",
            "sessions/2026-01-22-y.md: warning: left out: this symbolic link leads nowhere",
        ],
    );
    assert!(run.stderr.contains("1 session(s) checked"), "{run}");
    assert!(f.build().has("sessions/2026-01-08-a.html"));
}

#[test]
fn c34_a_symlink_out_of_the_journal_is_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.md"),
        "---\ndate: 2026-01-09\n---\nCanary: someone else's notes\n",
    )
    .unwrap();
    std::fs::write(outside.path().join("passwd"), "Canary: a system file\n").unwrap();
    let f = Fixture::new(&[
        (A, "---\ndate: 2026-01-08\n---\n[A photo](../static/photo.png)\n"),
        ("static/photo.png", "png"),
        ("sessions/2026-01-10-inside.md", "---\ndate: 2026-01-10\n---\nInside.\n"),
    ]);
    let real = outside.path().canonicalize().unwrap();
    symlink(real.join("secret.md"), f.path().join("sessions/2026-01-09-secret.md")).unwrap();
    symlink(real.join("passwd"), f.path().join("static/passwd")).unwrap();
    // A link that stays inside the journal is read like the file it points to.
    symlink("2026-01-10-inside.md", f.path().join("sessions/2026-01-11-alias.md")).unwrap();
    let run = expect(
        &f,
        0,
        (0, 2),
        &[
            "sessions/2026-01-09-secret.md: warning: left out: this symbolic link leads outside the journal",
            "static/passwd: warning: left out: this symbolic link leads outside the journal",
        ],
    );
    assert!(run.stderr.contains("3 session(s) checked"), "{run}");
    let built = f.build();
    assert!(built.has("sessions/2026-01-11-alias.html"));
    assert!(!built.has("static/passwd") && !built.has("sessions/2026-01-09-secret.html"));
    for (path, bytes) in &built.files {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("Canary"), "{path} has text from outside the journal");
    }
}

/// Runs `mentorlog ARGS` in `cwd` as a user whom file permissions stop: `nobody` when the
/// tests run as root (root ignores permissions), else the user running them. `None`, with
/// the reason printed, when root cannot drop privileges (`setpriv` missing).
pub(crate) fn as_nobody(cwd: &Path, args: &[&std::ffi::OsStr]) -> Option<Run> {
    let root = std::fs::read_to_string("/proc/self/status").is_ok_and(|status| {
        status
            .lines()
            .any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0"))
    });
    let mut command = if root {
        if Command::new("setpriv").arg("--version").output().is_err() {
            eprintln!("skipped: running as root without `setpriv`, so privileges cannot be dropped");
            return None;
        }
        let mut c = Command::new("setpriv");
        c.args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"])
            .arg(env!("CARGO_BIN_EXE_mentorlog"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_mentorlog"))
    };
    let output = command
        .args(args)
        .current_dir(cwd)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .expect("run mentorlog");
    let run = Run {
        code: output.status.code().expect("mentorlog ended by a signal"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "mentorlog panicked:\n{run}");
    Some(run)
}

/// Opens `dir` and everything in it to other users (temporary folders are private to
/// root), so `nobody` can read the journal.
pub(crate) fn open_to_all(dir: &Path) {
    for entry in walkdir_all(dir) {
        let mode = if entry.is_dir() { 0o755 } else { 0o644 };
        std::fs::set_permissions(&entry, std::fs::Permissions::from_mode(mode)).unwrap();
    }
}

fn walkdir_all(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() && !path.is_symlink() {
            out.extend(walkdir_all(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn c35_an_unreadable_note_and_folder_are_errors_of_the_whole_file() {
    let f = Fixture::new(&[
        (A, "---\ndate: 2026-01-08\n---\nA.\n"),
        ("sessions/2026-01-22-locked.md", "---\ndate: 2026-01-22\n---\nB.\n"),
        ("sessions/private/2026-02-05-c.md", "---\ndate: 2026-02-05\n---\nC.\n"),
    ]);
    open_to_all(f.path());
    let locked = f.path().join("sessions/2026-01-22-locked.md");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let folder = f.path().join("sessions/private");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o000)).unwrap();
    let Some(run) = as_nobody(f.path(), &["check".as_ref()]) else {
        return;
    };
    assert_eq!(run.code, 1, "{run}");
    assert_eq!(counts(&run), (2, 0), "{run}");
    assert_diagnostic(
        &run.stderr,
        "sessions/2026-01-22-locked.md: error: cannot read the note: Permission denied",
    );
    assert_diagnostic(
        &run.stderr,
        "sessions/private: error: cannot read this folder: Permission denied",
    );
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
}

// ---------------------------------------------------------------- journal.yaml

#[test]
fn c36_journal_yaml_missing() {
    let f = Fixture::new(&[(A, "---\ndate: 2026-01-08\n---\n")]);
    std::fs::remove_file(f.path().join("journal.yaml")).unwrap();
    let run = check(&f);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr
            .contains("is not a mentorlog journal: it has no journal.yaml"),
        "{run}"
    );
}

#[test]
fn c37_journal_yaml_empty() {
    let f = Fixture::new(&[("journal.yaml", ""), (A, "---\ndate: 2026-01-08\n---\n")]);
    expect(&f, 1, (1, 0), &["journal.yaml: error: journal.yaml is empty"]);
}

#[test]
fn c38_journal_yaml_is_a_folder() {
    let f = Fixture::new(&[(A, "---\ndate: 2026-01-08\n---\n")]);
    std::fs::remove_file(f.path().join("journal.yaml")).unwrap();
    std::fs::create_dir(f.path().join("journal.yaml")).unwrap();
    expect(
        &f,
        1,
        (1, 0),
        &["journal.yaml: error: journal.yaml is a folder, not a file"],
    );
}

// ---------------------------------------------------------------- leftovers of tools

#[test]
fn c39_editor_leftovers_are_ignored() {
    let note_text = "---\ndate: 2026-01-08\ngoals:\n  - id: lead\n    title: Lead\n---\nA.\n";
    let f = Fixture::new(&[
        (A, note_text),
        ("sessions/.2026-01-08-a.md.swp", "binary swap \u{1} file"),
        ("sessions/2026-01-08-a.md~", note_text),
        ("sessions/#2026-01-08-a.md#", note_text),
        ("sessions/.#2026-01-08-a.md", "dana@laptop.4242"),
        ("static/chart.png", "png"),
        ("static/chart.png~", "old png"),
        ("static/.chart.png.swp", "swap"),
    ]);
    // Emacs writes its lock as a dangling symbolic link.
    symlink("dana@laptop.4243", f.path().join("sessions/.#other.md")).unwrap();
    let run = expect(&f, 0, (0, 0), &[]);
    assert!(run.stderr.contains("1 session(s) checked"), "{run}");
    let built = f.build();
    assert!(built.has("static/chart.png"));
    let odd: Vec<&String> = built
        .files
        .keys()
        .filter(|p| p.contains('~') || p.contains('#') || p.contains(".swp"))
        .collect();
    assert!(odd.is_empty(), "{odd:?}");
}

#[test]
fn c40_sync_conflict_copies_are_left_out_with_a_warning() {
    let note_text = "---\ndate: 2026-01-08\ncommitments:\n  - who: mentor\n    what: Call Ruth\n---\nA.\n";
    let f = Fixture::new(&[
        (A, note_text),
        (
            "sessions/2026-01-08-a.sync-conflict-20260109-101500-ABCDEFG.md",
            note_text,
        ),
        (
            "sessions/2026-01-08-a (Dana's conflicted copy 2026-01-09).md",
            note_text,
        ),
    ]);
    expect(
        &f,
        0,
        (0, 2),
        &[
            "sessions/2026-01-08-a.sync-conflict-20260109-101500-ABCDEFG.md: warning: left out: this looks like a sync tool's conflict copy",
            "sessions/2026-01-08-a (Dana's conflicted copy 2026-01-09).md: warning: left out: this looks like a sync tool's conflict copy",
        ],
    );
    let built = f.build();
    assert_eq!(
        built.text("commitments.html").matches("Call Ruth").count(),
        1,
        "made once"
    );
}

// ---------------------------------------------------------------- names too long for a page

#[test]
fn c41_names_too_long_for_a_page_file() {
    let long = "a".repeat(240);
    let f = note(
        A,
        &format!("---\ndate: 2026-01-08\ntopics: [{long}]\ngoals:\n  - id: {long}\n    title: Long\n---\n"),
    );
    let run = expect(
        &f,
        1,
        (2, 0),
        &[
            "sessions/2026-01-08-a.md:3:9: error: the topic `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…` is too long to name its page (240 characters)",
            "sessions/2026-01-08-a.md:5:9: error: the goal id `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…` is too long to name its page (240 characters)",
        ],
    );
    assert!(run.stderr.contains("keep it under 100 characters"), "{run}");
    // A note's own file name near the file system's limit: its page name is shortened.
    let name = format!("sessions/2026-01-08-{}.md", "b".repeat(230));
    let f = note(&name, "---\ntitle: Long file name\n---\nA.\n");
    let run = build_cli_in(&f);
    assert_eq!(run.code, 0, "{run}");
    let pages: Vec<String> = std::fs::read_dir(f.path().join("public/sessions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(pages, vec![format!("2026-01-08-{}.html", "b".repeat(189))]);
}

fn build_cli_in(f: &Fixture) -> Run {
    mentorlog_env(f.path(), ["build"], &[("SOURCE_DATE_EPOCH", EPOCH)])
}

// ---------------------------------------------------------------- scale

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

// ---------------------------------------------------------------- fuzzing reproducers

/// Found by the `markdown` fuzz target (a false alarm of its first, text-based check, kept
/// as a guard): a broken tag whose text reads like a `javascript:` link must stay text.
#[test]
fn fuzz_markdown_a_broken_tag_that_reads_like_a_link_stays_text() {
    let body = "<detai@s><summary>More</summary>text</de\0\0\0\0\0\0\0\u{8}a href=\"JaVaScRiPt:alert(2)\">a</a> <img src=x onerror=alert(3)>\n";
    let targets = mentorlog::load::markdown::LinkTargets::default();
    let cx = mentorlog::load::markdown::NoteContext {
        path: Path::new("sessions/note.md"),
        file_text: body,
        body_line: 0,
        dir: "sessions",
        targets: &targets,
        raw_html: false,
    };
    let mut diags = mentorlog::diag::Diagnostics::new();
    let note = mentorlog::load::markdown::render(body, &cx, &mut diags);
    let html: String = note.segments.iter().map(|s| s.body.html_without_fills()).collect();
    let page = scraper::Html::parse_fragment(&html);
    for el in crate::harness::all(page.root_element(), "*") {
        assert_ne!(el.value().name(), "script", "{html}");
        for (name, value) in el.value().attrs() {
            assert!(!name.starts_with("on"), "{html}");
            assert!(!value.trim().to_ascii_lowercase().starts_with("javascript:"), "{html}");
        }
    }
    assert!(html.contains("JaVaScRiPt:alert(2)"), "kept as text: {html}");
}

/// Inputs the fuzz targets (fuzz/) found or that guard what they check: the load of each
/// must end with a journal or errors, never a panic.
#[test]
fn fuzz_reproducers_load_or_report() {
    let cases: &[&str] = &[
        // An alias to an anchor inside a tagged value.
        "---\ndate: 2026-01-08\na: !t &x [1]\nb: *x\n---\n",
        // Keys that are lists, mappings and null.
        "---\ndate: 2026-01-08\n[a]: 1\n{b: 2}: 3\n~: 4\n? c\n---\n",
        // A `...` document end instead of `---`.
        "---\ndate: 2026-01-08\n...\nBody\n",
    ];
    for (i, text) in cases.iter().enumerate() {
        let f = note(A, text);
        let (result, built) = try_build(f.path(), &BuildOptions::default());
        assert!(
            result.is_ok() || built.count(mentorlog::diag::Severity::Error) > 0,
            "case {i}: {result:?}"
        );
    }
}

// ------------- Trust I: serve and other websites

/// A request for a name that is not the address `serve` listens on (DNS rebinding): 421,
/// and nothing of the site. The issue's example is a foreign domain; then a trailing dot,
/// another port, and two `Host` headers.
#[test]
fn t14_serve_host_names_not_the_listened_address_are_refused() {
    let f = Fixture::new(&[(
        "sessions/2026-01-08-secret.md",
        "---\ndate: 2026-01-08\nprivate: true\n---\nCanary: t14 host\n",
    )]);
    let served = crate::serve::serve(f.path(), &[]);
    let port = served.port;
    let page = "/sessions/2026-01-08-secret.html";
    assert_eq!(
        crate::serve::get_as(port, page, &format!("localhost:{port}"), &[]).status,
        200
    );
    for head in [
        format!("GET {page} HTTP/1.1\r\nHost: rebind.example:{port}\r\nConnection: close"),
        format!("GET {page} HTTP/1.1\r\nHost: localhost.:{port}\r\nConnection: close"),
        format!(
            "GET {page} HTTP/1.1\r\nHost: localhost:{}\r\nConnection: close",
            port.wrapping_add(1)
        ),
        format!("GET {page} HTTP/1.1\r\nHost: localhost:{port}\r\nHost: rebind.example\r\nConnection: close"),
        format!("GET {page} HTTP/1.0"),
    ] {
        let reply = crate::serve::raw(port, &head);
        assert_eq!(reply.status, 421, "{head:?}");
        assert!(!reply.body.contains("t14 host"), "{head:?}: {}", reply.body);
    }
}

/// A request another website's page makes: refused (403). The issue's example is
/// `<script src>` of the search index from another port of 127.0.0.1 (`same-site`); then a
/// cross-site cors fetch, a frame, and the reload stream with a foreign `Origin`.
#[test]
fn t14_serve_requests_of_other_websites_are_refused() {
    let f = Fixture::new(&[(
        "sessions/2026-01-08-secret.md",
        "---\ndate: 2026-01-08\nprivate: true\n---\nCanary: t14 site\n",
    )]);
    let served = crate::serve::serve(f.path(), &[]);
    let port = served.port;
    let host = format!("127.0.0.1:{port}");
    for (target, headers) in [
        (
            "/search-index.js",
            [
                "Sec-Fetch-Site: same-site",
                "Sec-Fetch-Mode: no-cors",
                "Sec-Fetch-Dest: script",
            ],
        ),
        (
            "/journal.json",
            [
                "Sec-Fetch-Site: cross-site",
                "Sec-Fetch-Mode: cors",
                "Sec-Fetch-Dest: empty",
            ],
        ),
        (
            "/sessions/2026-01-08-secret.html",
            [
                "Sec-Fetch-Site: cross-site",
                "Sec-Fetch-Mode: navigate",
                "Sec-Fetch-Dest: iframe",
            ],
        ),
        (
            "/__mentorlog/events",
            [
                "Origin: http://127.0.0.1:1",
                "Sec-Fetch-Mode: cors",
                "Sec-Fetch-Dest: empty",
            ],
        ),
    ] {
        let reply = crate::serve::get_as(port, target, &host, &headers);
        assert_eq!(reply.status, 403, "{target} {headers:?}");
        assert!(!reply.body.contains("t14 site"), "{target}: {}", reply.body);
        let head = reply.head.to_ascii_lowercase();
        assert!(head.contains("cross-origin-resource-policy: same-origin"), "{head}");
        assert!(head.contains("x-content-type-options: nosniff"), "{head}");
    }
}

// ------------- Trust I: diagnostics inside pages

/// A served program's error page says nothing of a note the site leaves out. The issue's
/// example is an error in a private note; then a private note spelt `Private:`, a private
/// note whose front matter does not parse, and an error inside a private block of a
/// public note. The terminal names each.
#[test]
fn t14_serve_error_pages_name_no_hidden_note() {
    for (file, text, terminal) in [
        (
            "2026-11-08-t14-hidden.md",
            "---\ndate: 2026-11-08\ntitle: T14 hidden title\nprivate: true\ngoals:\n  - id: t14-hidden-goal\n    progress: 5\n---\nt14 hidden body\n",
            "2026-11-08-t14-hidden.md:6:9: error",
        ),
        (
            "2026-11-08-t14-hidden.md",
            "---\ndate: 2026-11-08\ntitle: T14 hidden title\nPrivate: true\ngoals:\n  - id: t14-hidden-goal\n---\nt14 hidden body\n",
            "2026-11-08-t14-hidden.md:",
        ),
        (
            "2026-11-08-t14-hidden.md",
            "---\ndate: 2026-11-08\ntitle: [T14 hidden title\nprivate: true\n---\nt14 hidden body\n",
            "2026-11-08-t14-hidden.md:",
        ),
        (
            "2026-11-09-public.md",
            "---\ndate: 2026-11-09\n---\nOpen words.\n\n<!-- private -->\n<<<<<<< t14 hidden branch\nt14 hidden body\n=======\nother\n>>>>>>> main\n<!-- /private -->\n",
            "2026-11-09-public.md:7:1: error",
        ),
    ] {
        let dir = crate::serve::one_pair_program("Public words.");
        let served = crate::serve::serve(dir.path(), &[]);
        crate::harness::write_file(&dir.path().join("pair/sessions").join(file), text.as_bytes());
        let broken = served.wait_for("/", "the error page", |r| r.status == 500);
        let lower = broken.body.to_lowercase();
        for canary in ["t14-hidden", "t14 hidden"] {
            assert!(
                !lower.contains(canary),
                "{text:?}: the page shows `{canary}`:\n{}",
                broken.body
            );
        }
        assert!(broken.body.contains("problem(s) in a private note"), "{}", broken.body);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while !served.stderr().contains(terminal) {
            assert!(
                std::time::Instant::now() < deadline,
                "{text:?}: terminal:\n{}",
                served.stderr()
            );
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
    }
}

// ------------- Trust I: output paths, links that leave the journal, static types, names
//
// Decided:
// - `-o` is resolved once (`.`, `..`, `//`, links) and every check and write uses that one
//   place; refused (exit 1, nothing created or changed anywhere): the journal, an
//   ancestor of it, anything in its `sessions/`, `static/`, `templates/`, a file, a
//   non-empty folder without the output marker; for a program also its folder and each
//   of its journals;
// - a top-level `sessions`, `static`, `templates` or `journal.yaml` that is a link leading
//   outside the journal, to the journal itself or onto another input is an error naming
//   the link; a deeper link into another input (`static/x` → `../sessions/note.md`) is
//   left out with a warning;
// - in a program without `raw_html`, only static types no browser runs script in are
//   published (images but not SVG, audio, video, fonts, PDF, text, CSV, JSON, Markdown);
//   the rest is left out with a warning naming the file;
// - a name that is not UTF-8: an error for a note in `sessions/` (or a folder holding
//   notes), a warning for a file of `static/` (left out); other files of `sessions/` are
//   not read anyway;
// - a folder of `sessions/` or `static/` holding a stray `.mentorlog-site` marker is
//   still skipped, with a warning naming it.

use crate::no_data_loss::snapshot;

/// A folder holding a journal `journal/` (example-like fixture) and a foreign non-empty
/// folder `victim/`, with cwd = the journal.
fn output_playground() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().canonicalize().unwrap();
    let journal = root.join("journal");
    for (rel, text) in [
        ("journal/journal.yaml", JOURNAL_YAML_T14),
        (
            "journal/sessions/2026-01-08-a.md",
            "---\ndate: 2026-01-08\n---\nNotes.\n",
        ),
        ("journal/static/s.txt", "static\n"),
        ("journal/templates/extra.html", "extra\n"),
        ("victim/thesis.tex", "My thesis.\n"),
    ] {
        crate::harness::write_file(&root.join(rel), text.as_bytes());
    }
    symlink("../victim", journal.join("lnk")).unwrap();
    (tmp, journal)
}

const JOURNAL_YAML_T14: &str = "title: T\nmentor: Dana Levi\nmentee: Sam Ortiz\n";

#[test]
fn t14_paths_output_paths_that_walk_back_are_refused_and_nothing_changes() {
    let (tmp, journal) = output_playground();
    // Each spelling leads back onto the journal, one of its inputs, or a foreign folder.
    let spellings = [
        // The issue's examples.
        "public/../sessions",
        "nowhere/../../victim",
        "x/..",
        // Other spellings of each.
        "public/../sessions/",
        "./public/..//sessions/.",
        "sessions//new",
        "static/../templates/x",
        "a/b/../../static",
        "nowhere/../lnk",
        "lnk/../victim",
        "lnk",
        "x/../",
        "x/y/../../.",
        "sessions/x/../..",
        "..",
        "//",
        "journal.yaml",
        "journal.yaml/x",
    ];
    for spelling in spellings {
        let before = snapshot(tmp.path());
        let run = mentorlog(&journal, ["build", ".", "-o", spelling]);
        assert_eq!(run.code, 1, "-o {spelling}: {run}");
        assert!(
            run.stderr
                .contains(&format!("refusing to write the site into `{spelling}`")),
            "-o {spelling}: {run}"
        );
        assert!(!run.stderr.contains("os error"), "-o {spelling}: {run}");
        assert!(snapshot(tmp.path()) == before, "-o {spelling} changed or created files");
    }
}

#[test]
fn t14_paths_output_paths_that_walk_back_to_a_fresh_place_are_used() {
    let (tmp, journal) = output_playground();
    for (spelling, place) in [
        ("public/../site", "journal/site"),
        ("x/../public/", "journal/public"),
        ("lnk/../fresh", "fresh"),
        ("nowhere/../../new/a/b", "new/a/b"),
    ] {
        let run = mentorlog(&journal, ["build", ".", "-o", spelling]);
        assert_eq!(run.code, 0, "-o {spelling}: {run}");
        assert!(tmp.path().join(place).join("index.html").is_file(), "-o {spelling}");
        assert!(!tmp.path().join("journal/x").exists() && !tmp.path().join("journal/nowhere").exists());
    }
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("victim/thesis.tex")).unwrap(),
        "My thesis.\n"
    );
}

#[test]
fn t14_paths_program_output_may_not_land_on_its_journals() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().canonicalize().unwrap();
    let elsewhere = root.join("elsewhere-pair");
    for (rel, text) in [
        (
            "program/program.yaml",
            "title: C\nlead: L\njournals: [../elsewhere-pair]\n",
        ),
        ("program/pair/journal.yaml", JOURNAL_YAML_T14),
        (
            "program/pair/sessions/2026-01-08-a.md",
            "---\ndate: 2026-01-08\n---\nA.\n",
        ),
        ("elsewhere-pair/journal.yaml", JOURNAL_YAML_T14),
        (
            "elsewhere-pair/sessions/2026-01-08-b.md",
            "---\ndate: 2026-01-08\n---\nB.\n",
        ),
    ] {
        crate::harness::write_file(&root.join(rel), text.as_bytes());
    }
    let program = root.join("program");
    for spelling in [
        "pair/public",
        "pair",
        "x/../pair/sessions",
        "../elsewhere-pair/public",
        "../elsewhere-pair/x/..",
        "..",
        ".",
        "public/..",
    ] {
        let before = snapshot(tmp.path());
        let run = mentorlog(&program, ["build", ".", "-o", spelling]);
        assert_eq!(run.code, 1, "-o {spelling}: {run}");
        assert!(
            run.stderr.contains("refusing to write the site"),
            "-o {spelling}: {run}"
        );
        assert!(snapshot(tmp.path()) == before, "-o {spelling} changed or created files");
    }
    let run = mentorlog(&program, ["build", ".", "-o", "pair/../public"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(program.join("public/pair/index.html").is_file() && elsewhere.join("sessions").is_dir());
}

#[test]
fn t14_paths_a_top_level_link_out_of_the_journal_is_an_error() {
    let outside = tempfile::tempdir().unwrap();
    let real = outside.path().canonicalize().unwrap();
    crate::harness::write_file(&real.join("etc/passwd"), b"Canary: root:x:0:0\n");
    crate::harness::write_file(
        &real.join("notes/2026-01-09-x.md"),
        b"---\ndate: 2026-01-09\n---\nCanary: someone else's notes\n",
    );
    crate::harness::write_file(&real.join("tpl/base.html"), b"Canary: template");
    crate::harness::write_file(&real.join("other.yaml"), JOURNAL_YAML_T14.as_bytes());
    let cases = [
        (
            "static",
            "etc",
            "static: error: `static` is a symbolic link that leads outside the journal",
        ),
        (
            "sessions",
            "notes",
            "sessions: error: `sessions` is a symbolic link that leads outside the journal",
        ),
        (
            "templates",
            "tpl",
            "templates: error: `templates` is a symbolic link that leads outside the journal",
        ),
        (
            "journal.yaml",
            "other.yaml",
            "journal.yaml: error: `journal.yaml` is a symbolic link that leads outside the journal",
        ),
    ];
    for (name, target, head) in cases {
        let f = Fixture::new(&[]);
        if name != "sessions" {
            f.write(A, "---\ndate: 2026-01-08\n---\nA.\n");
        }
        if name == "journal.yaml" {
            std::fs::remove_file(f.path().join(name)).unwrap();
        }
        symlink(real.join(target), f.path().join(name)).unwrap();
        let run = check(&f);
        assert_eq!(run.code, 1, "{name}: {run}");
        assert_diagnostic(&run.stderr, head);
        let (result, built) = try_build(f.path(), &BuildOptions::default());
        assert!(result.is_err(), "{name}");
        assert!(built.files.is_empty(), "{name}: nothing is written");
        let run = mentorlog(f.path(), ["build"]);
        assert_eq!(run.code, 1, "{run}");
        assert!(!f.path().join("public").exists(), "{name}: nothing is written");
    }
}

#[test]
fn t14_paths_a_top_level_link_onto_another_input_is_an_error_one_inside_is_fine() {
    let private = "---\ndate: 2026-01-09\nprivate: true\n---\nCanary: private words\n";
    let make = || {
        Fixture::new(&[
            (A, "---\ndate: 2026-01-08\n---\nA.\n"),
            ("sessions/2026-01-09-p.md", private),
            ("assets/photo.png", "png"),
        ])
    };
    for (target, head) in [
        (
            ".",
            "static: error: `static` is a symbolic link to the journal folder itself",
        ),
        (
            "sessions",
            "static: error: `static` is a symbolic link into the journal's `sessions`",
        ),
        (
            "sessions/..",
            "static: error: `static` is a symbolic link to the journal folder itself",
        ),
    ] {
        let f = make();
        symlink(target, f.path().join("static")).unwrap();
        let run = check(&f);
        assert_eq!(run.code, 1, "static -> {target}: {run}");
        assert_diagnostic(&run.stderr, head);
    }
    // A top-level link that stays inside, onto no other input: read as the folder.
    let f = make();
    symlink("assets", f.path().join("static")).unwrap();
    expect(&f, 0, (0, 0), &[]);
    assert!(f.build().has("static/photo.png"));
    // A link deeper down into another input is left out: a private note's source would
    // be published as a static file.
    let f = make();
    std::fs::create_dir(f.path().join("static")).unwrap();
    symlink("../sessions/2026-01-09-p.md", f.path().join("static/leak.md")).unwrap();
    symlink("../journal.yaml", f.path().join("static/settings.yaml")).unwrap();
    expect(
        &f,
        0,
        (0, 2),
        &[
            "static/leak.md: warning: left out: this symbolic link leads into the journal's `sessions`",
            "static/settings.yaml: warning: left out: this symbolic link leads into the journal's `journal.yaml`",
        ],
    );
    let built = f.build();
    assert!(!built.has("static/leak.md") && !built.has("static/settings.yaml"));
    assert!(
        built
            .files
            .values()
            .all(|b| !String::from_utf8_lossy(b).contains("Canary"))
    );
}

/// A program in `dir` with one journal `pair/`.
fn t14_program(dir: &Path, yaml: &str) {
    crate::harness::write_file(
        &dir.join("program.yaml"),
        format!("title: C\nlead: L\n{yaml}").as_bytes(),
    );
    crate::harness::write_file(&dir.join("pair/journal.yaml"), JOURNAL_YAML_T14.as_bytes());
    crate::harness::write_file(
        &dir.join("pair/sessions/2026-01-08-a.md"),
        b"---\ndate: 2026-01-08\n---\nA.\n",
    );
}

#[test]
fn t14_paths_a_program_reads_nothing_outside_its_folder_and_listed_journals() {
    let outside = tempfile::tempdir().unwrap();
    let real = outside.path().canonicalize().unwrap();
    crate::harness::write_file(&real.join("program.yaml"), b"title: Canary\nlead: L\n");
    crate::harness::write_file(
        &real.join("stranger/journal.yaml"),
        b"title: Canary stranger\nmentor: A\nmentee: B\n",
    );
    crate::harness::write_file(
        &real.join("stranger/sessions/2026-01-08-s.md"),
        b"---\ndate: 2026-01-08\n---\nCanary stranger notes\n",
    );
    // program.yaml leading outside.
    let tmp = tempfile::tempdir().unwrap();
    t14_program(tmp.path(), "");
    std::fs::remove_file(tmp.path().join("program.yaml")).unwrap();
    symlink(real.join("program.yaml"), tmp.path().join("program.yaml")).unwrap();
    let run = mentorlog(tmp.path(), ["check"]);
    assert_eq!(run.code, 1, "{run}");
    assert_diagnostic(
        &run.stderr,
        "program.yaml: error: program.yaml is a symbolic link that leads outside the program folder",
    );
    // A journal found as a sub-folder, through a link leading outside.
    let tmp = tempfile::tempdir().unwrap();
    t14_program(tmp.path(), "");
    symlink(real.join("stranger"), tmp.path().join("stranger")).unwrap();
    let run = mentorlog(tmp.path(), ["build"]);
    assert_eq!(run.code, 1, "{run}");
    assert_diagnostic(
        &run.stderr,
        "stranger: error: this journal folder is a symbolic link that leads outside the program folder",
    );
    assert!(!tmp.path().join("public").exists());
    // Listed under `journals:`, the same folder is read.
    let tmp = tempfile::tempdir().unwrap();
    t14_program(
        tmp.path(),
        &format!("journals: [\"{}\"]\n", real.join("stranger").display()),
    );
    let run = mentorlog(tmp.path(), ["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(tmp.path().join("public/stranger/index.html").is_file());
    // A journal's own top-level link out of it, in a program.
    let tmp = tempfile::tempdir().unwrap();
    t14_program(tmp.path(), "");
    symlink(real.join("stranger/sessions"), tmp.path().join("pair/static")).unwrap();
    let run = mentorlog(tmp.path(), ["build"]);
    assert_eq!(run.code, 1, "{run}");
    assert_diagnostic(
        &run.stderr,
        "pair/static: error: `static` is a symbolic link that leads outside the journal",
    );
}

#[test]
fn t14_paths_a_program_publishes_only_static_types_that_cannot_run_script() {
    let tmp = tempfile::tempdir().unwrap();
    t14_program(tmp.path(), "");
    let left_out = [
        "page.xhtml",
        "page.xht",
        "feed.xml",
        "style.xsl",
        "page.shtml",
        "logo.svg",
        "page.html",
        "page.htm",
        "app.js",
        "app.mjs",
        "README",
        "style.css",
        "page.HTML",
        "x.svgz",
        "a.mht",
        "swf.swf",
        ".png",
    ];
    let published = [
        "chart.png",
        "photo.JPG",
        "a.jpeg",
        "b.gif",
        "c.webp",
        "d.avif",
        "favicon.ico",
        "e.bmp",
        "talk.mp3",
        "talk.ogg",
        "v.mp4",
        "v.webm",
        "f.woff2",
        "f.ttf",
        "slides.pdf",
        "list.txt",
        "data.csv",
        "data.json",
        "notes.md",
        "deep/in/folder.png",
    ];
    for name in left_out.iter().chain(&published) {
        crate::harness::write_file(&tmp.path().join("pair/static").join(name), b"<script>alert(1)</script>");
    }
    let run = mentorlog(tmp.path(), ["build"]);
    assert_eq!(run.code, 0, "{run}");
    for name in left_out {
        // Hidden files are skipped without a word, as in a journal.
        if !name.starts_with('.') {
            assert_diagnostic(
                &run.stderr,
                &format!("pair/static/{name}: warning: left out: in a program"),
            );
        }
        assert!(
            !tmp.path().join("public/pair/static").join(name).exists(),
            "{name} published"
        );
    }
    for name in published {
        assert!(
            tmp.path().join("public/pair/static").join(name).is_file(),
            "{name} not published"
        );
    }
    // With `raw_html: true`, the program allows every type.
    std::fs::write(tmp.path().join("program.yaml"), "title: C\nlead: L\nraw_html: true\n").unwrap();
    let run = mentorlog(tmp.path(), ["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(tmp.path().join("public/pair/static/page.xhtml").is_file());
}

#[test]
fn t14_paths_names_that_are_not_utf8_are_named() {
    use std::os::unix::ffi::OsStrExt;
    let bad = |prefix: &[u8], suffix: &[u8]| {
        let mut name = prefix.to_vec();
        name.extend_from_slice(b"\xff\xfe");
        name.extend_from_slice(suffix);
        std::ffi::OsStr::from_bytes(&name).to_os_string()
    };
    // A note: an error naming it (lossy), the rest of the journal still checked.
    let f = note(A, "---\ndate: 2026-01-08\n---\nA.\n");
    std::fs::write(
        f.path().join("sessions").join(bad(b"2026-01-09-", b".md")),
        "---\ndate: 2026-01-09\n---\nB.\n",
    )
    .unwrap();
    expect(
        &f,
        1,
        (1, 0),
        &[
            "sessions/2026-01-09-\u{fffd}\u{fffd}.md: error: this note's file name is not valid UTF-8 text, so it cannot be published",
        ],
    );
    // A folder of notes.
    let f = note(A, "---\ndate: 2026-01-08\n---\nA.\n");
    let folder = f.path().join("sessions").join(bad(b"2025-", b""));
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("2025-01-01-x.md"), "---\ndate: 2025-01-01\n---\nX.\n").unwrap();
    expect(
        &f,
        1,
        (1, 0),
        &[
            "sessions/2025-\u{fffd}\u{fffd}: error: this folder's name is not valid UTF-8 text, so the notes in it cannot be published",
        ],
    );
    // A static file and a static folder: left out with a warning; the build goes on.
    let f = note(A, "---\ndate: 2026-01-08\n---\nA.\n");
    crate::harness::write_file(&f.path().join("static/ok.txt"), b"ok");
    std::fs::write(f.path().join("static").join(bad(b"photo-", b".png")), "png").unwrap();
    std::fs::create_dir(f.path().join("static").join(bad(b"dir-", b""))).unwrap();
    // A file in sessions/ that is not a note is not read anyway: no word about it.
    std::fs::write(f.path().join("sessions").join(bad(b"scan-", b".pdf")), "pdf").unwrap();
    expect(
        &f,
        0,
        (0, 2),
        &[
            "static/photo-\u{fffd}\u{fffd}.png: warning: left out: this file's name is not valid UTF-8 text",
            "static/dir-\u{fffd}\u{fffd}: warning: left out: this folder's name is not valid UTF-8 text",
        ],
    );
    let run = mentorlog(f.path(), ["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(f.path().join("public/static/ok.txt").is_file());
}

#[test]
fn t14_paths_a_stray_site_marker_in_sessions_is_named() {
    let f = Fixture::new(&[
        (A, "---\ndate: 2026-01-08\n---\nA.\n"),
        ("sessions/2025/2025-03-01-old.md", "---\ndate: 2025-03-01\n---\nOld.\n"),
        ("sessions/2025/.mentorlog-site", "copied from a site\n"),
        ("sessions/2024/deep/.mentorlog-site", ""),
        ("sessions/2024/deep/2024-01-01-x.md", "---\ndate: 2024-01-01\n---\nX.\n"),
        ("static/old-site/.mentorlog-site", ""),
        ("static/old-site/index.html", "old"),
    ]);
    let run = expect(
        &f,
        0,
        (0, 3),
        &[
            "sessions/2025: warning: left out: this folder holds a `.mentorlog-site` file",
            "sessions/2024/deep: warning: left out: this folder holds a `.mentorlog-site` file",
            "static/old-site: warning: left out: this folder holds a `.mentorlog-site` file",
        ],
    );
    assert!(
        run.stderr.contains("1 session(s) checked"),
        "the folders are still skipped: {run}"
    );
    let run = mentorlog(f.path(), ["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stderr.contains("sessions/2025: warning: left out"), "{run}");
}

// ------------- Trust I: links and names of unpublished notes (items 8 and 10)

/// A journal with a private note `2026-01-08-frank-talk`, a draft `2026-01-09-drafty`, and
/// `sessions/2026-01-15-b.md` holding `body`; built public (no drafts).
fn t14_links_build(body: &str, yaml: &str) -> T14Page {
    let f = Fixture::new(&[
        ("journal.yaml", yaml),
        (
            "sessions/2026-01-08-frank-talk.md",
            "---\ndate: 2026-01-08\ntitle: Frank title\nprivate: true\n---\nFrank body.\n",
        ),
        (
            "sessions/2026-01-09-drafty.md",
            "---\ndate: 2026-01-09\ndraft: true\n---\nDrafty body.\n",
        ),
        (
            "sessions/2026-01-15-b.md",
            &format!("---\ndate: 2026-01-15\n---\n{body}"),
        ),
    ]);
    let built = build(f.path(), &BuildOptions::default());
    for (path, bytes) in &built.files {
        let lower = format!("{path}\n{}", String::from_utf8_lossy(bytes)).to_lowercase();
        assert!(
            !lower.contains("frank") && !lower.contains("drafty"),
            "{path} names an unpublished note"
        );
    }
    let page = built.page("sessions/2026-01-15-b.html");
    T14Page {
        title: text(one(page.root_element(), "title")),
        note: text(one(page.root_element(), ".note")),
        html: one(page.root_element(), ".note").html(),
        raw: built.text("sessions/2026-01-15-b.html").to_string(),
    }
}

/// What these cases look at: the page's title, its note's text and HTML.
struct T14Page {
    title: String,
    note: String,
    html: String,
    /// The page's bytes as written.
    raw: String,
}

const T14_YAML: &str = "title: T\nmentor: A\nmentee: B\n";

#[test]
fn t14_links_text_like_the_old_placeholders_stays_as_written() {
    // The issue's example: the literal `mentorlog:x` next to a wikilink to a private note.
    let site = t14_links_build(
        "Words \"mentorlog:x more words [[2026-01-08-frank-talk]] end.\n\nNext paragraph.\n",
        T14_YAML,
    );
    assert_eq!(
        site.note,
        "Words \"mentorlog:x more words an unpublished note end. Next paragraph."
    );
    assert_eq!(site.html.matches("<p>").count(), 2, "{}", site.html);
    // In quotes, as an attribute-looking text, and as a link destination.
    let site = t14_links_build(
        "a \"mentorlog:note/0#x\" b href=\"mentorlog:wiki/0\" [c](mentorlog:note/0) [[2026-01-08-frank-talk|d]] e\n",
        T14_YAML,
    );
    assert_eq!(site.note, "a \"mentorlog:note/0#x\" b href=\"mentorlog:wiki/0\" c d e");
    // Raw HTML kept as written with raw_html: true, never read as a link.
    let site = t14_links_build(
        "<a href=\"mentorlog:note/0\">x</a> <img src=\"mentorlog:static/0\" alt=\"y\"> [[2026-01-08-frank-talk]]\n",
        "title: T\nmentor: A\nmentee: B\nraw_html: true\n",
    );
    assert!(
        site.raw.contains(
            "<a href=\"mentorlog:note/0\">x</a> <img src=\"mentorlog:static/0\" alt=\"y\"> an unpublished note"
        ),
        "{}",
        site.raw
    );
}

#[test]
fn t14_links_headings_and_titles_naming_unpublished_notes() {
    // The issue's example: the first heading is the title.
    let site = t14_links_build("# About [[2026-01-08-frank-talk]]\n\nText.\n", T14_YAML);
    assert!(site.title.starts_with("About an unpublished note"), "{}", site.title);
    assert!(
        site.html
            .contains("<h1 id=\"about-an-unpublished-note\">About an unpublished note</h1>"),
        "{}",
        site.html
    );
    // By path, with an anchor, and to a draft.
    let site = t14_links_build("# [[sessions/2026-01-08-frank-talk]]\n", T14_YAML);
    assert!(site.title.starts_with("an unpublished note"), "{}", site.title);
    let site = t14_links_build(
        "## On [[2026-01-08-frank-talk#part]] and [[2026-01-09-drafty]]\n",
        T14_YAML,
    );
    assert!(
        site.title.starts_with("On an unpublished note and an unpublished note"),
        "{}",
        site.title
    );
    assert!(
        site.html
            .contains("id=\"on-an-unpublished-note-and-an-unpublished-note\""),
        "{}",
        site.html
    );
}

#[test]
fn t14_links_link_text_the_user_wrote_stays_as_plain_text() {
    let site = t14_links_build(
        "[our talk](2026-01-08-frank-talk.md) [part](2026-01-08-frank-talk.md#x) [[2026-01-09-drafty|the plan]] ![a pic](2026-01-08-frank-talk.md)[^n]\n\n[^n]: See [[2026-01-08-frank-talk]].\n",
        T14_YAML,
    );
    assert!(site.note.starts_with("our talk part the plan a pic"), "{}", site.note);
    assert!(site.note.contains("See an unpublished note."), "{}", site.note);
    assert!(!site.html.contains("<img"), "{}", site.html);
}

// ---------------------------------------------------------------- Trust I: private markers and raw HTML

/// Every file of the built site, as text, for a search for private words.
fn t14_site_text(f: &Fixture) -> String {
    let built = f.build();
    built
        .files
        .values()
        .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
        .collect()
}

/// Markers are found with any spacing, case, line breaks and dashes inside them.
#[test]
fn t14_private_markers_with_line_breaks_case_and_dashes() {
    for (open, close) in [
        // The issue's example.
        ("<!--\n  private\n-->", "<!-- /private -->"),
        ("<!--- PRIVATE --->", "<!-- / Private -->"),
        ("<!--\tprivate-->", "<!--end private-->"),
        ("<!-- private --->", "<!--\n/PRIVATE\n-->"),
    ] {
        let f = note(
            A,
            &format!("---\ndate: 2026-01-08\n---\nBefore.\n\n{open}\nCanary: the salary band.\n{close}\n\nAfter.\n"),
        );
        expect(&f, 0, (0, 0), &[]);
        let site = t14_site_text(&f);
        assert!(!site.contains("salary band"), "{open:?} {close:?}");
        assert!(site.contains("After."), "{open:?} {close:?}");
    }
}

/// Markers nest: a second opening marker inside a private block keeps the text private
/// until the last closing marker, whatever was meant.
#[test]
fn t14_private_nested_markers_keep_the_tail_private() {
    for body in [
        // The issue's shape, in one paragraph.
        "Pay: <!-- private --> a <!-- private --> b <!-- /private --> Canary-c <!-- /private --> public.\n",
        // As blocks.
        "<!-- private -->\na\n\n<!-- private -->\nb\n<!-- /private -->\n\nCanary-c\n\n<!-- /private -->\n\npublic.\n",
        // A forgotten closing marker looks the same: the rest stays private.
        "<!-- private -->\na\n<!-- Private -->\nb\n<!-- /private -->\nCanary-c\n\nand the rest\n",
    ] {
        let f = note(A, &format!("---\ndate: 2026-01-08\n---\n{body}"));
        let run = check(&f);
        assert_eq!(run.code, 0, "{run}");
        assert!(
            run.stderr
                .contains("a private block opened inside another private block"),
            "{run}"
        );
        let site = t14_site_text(&f);
        assert!(!site.contains("Canary-c"), "{body:?}");
    }
    let f = note(
        A,
        "---\ndate: 2026-01-08\n---\nx <!-- private --> a <!-- private --> b\n",
    );
    expect(
        &f,
        0,
        (0, 2),
        &[
            "sessions/2026-01-08-a.md:4:22: warning: a private block opened inside another private block",
            "sessions/2026-01-08-a.md:4:3: warning: this private block is never closed, so the rest of the note is private",
        ],
    );
}

/// A closing marker with nothing open warns (the text before it was published).
#[test]
fn t14_private_stray_closing_marker_warns() {
    for (body, col) in [
        ("Text <!-- /private -->\n", 6),
        ("<!-- / private -->\n", 1),
        ("<!--end private-->\n", 1),
    ] {
        let f = note(A, &format!("---\ndate: 2026-01-08\n---\n{body}"));
        expect(
            &f,
            0,
            (0, 1),
            &[&format!(
                "sessions/2026-01-08-a.md:4:{col}: warning: this `<!-- /private -->` closes no private block"
            )],
        );
    }
}

/// A comment that looks like a marker but is not one is an error, and the text after it
/// is treated as private meanwhile: mentorlog cannot tell what was meant.
#[test]
fn t14_private_look_alike_markers_are_errors() {
    for comment in [
        "<!-- privat -->",
        "<!-- private: pay talk -->",
        "<!-- Private stuff -->",
        "<!-- private -- >",
    ] {
        let f = note(
            A,
            &format!("---\ndate: 2026-01-08\n---\nIntro.\n\n{comment}\nCanary: pay.\n<!-- /private -->\n"),
        );
        // `-- >` does not end a comment: it runs to the next `-->` and takes the closing
        // marker with it, so the block is also never closed.
        let warnings = usize::from(comment.ends_with("-- >"));
        let run = expect(&f, 1, (1, warnings), &["sessions/2026-01-08-a.md:6:1: error: `<!-- "]);
        assert!(
            run.stderr.contains("looks like a private marker but is not one"),
            "{run}"
        );
        let (result, _) = try_build(f.path(), &BuildOptions::default());
        assert!(result.is_err(), "{comment}: the build must refuse");
    }
    // A look-alike closing marker closes nothing.
    let f = note(
        A,
        "---\ndate: 2026-01-08\n---\n<!-- private -->\nCanary: pay.\n<!-- /privte -->\n\nTail.\n",
    );
    expect(
        &f,
        1,
        (1, 1),
        &["sessions/2026-01-08-a.md:6:1: error: `<!-- /privte -->` looks like a private marker but is not one"],
    );
}

/// A tag named in prose is removed with a warning and the rest of the note stays Markdown.
#[test]
fn t14_html_tags_named_in_prose() {
    for (line, col, tag) in [
        // The issue's example.
        ("Put the page name in a <title> element.", 24, "title"),
        ("Styles go in <style>, scripts in backticks.", 14, "style"),
        ("A <textarea> holds the draft.", 3, "textarea"),
        ("Pick one from a <select>.", 17, "select"),
    ] {
        let f = note(
            A,
            &format!("---\ndate: 2026-01-08\n---\n{line}\n\nThe *next* paragraph.\n"),
        );
        expect(
            &f,
            0,
            (0, 1),
            &[&format!("sessions/2026-01-08-a.md:4:{col}: warning: `<{tag}>` removed")],
        );
        let built = f.build();
        let page = built.page("sessions/2026-01-08-a.html");
        assert_eq!(text(one(page.root_element(), "main .note p em")), "next", "{tag}");
    }
}

/// With `raw_html: true` the tag is kept, and an unclosed one that swallows the rest of
/// the page is a warning.
#[test]
fn t14_html_unclosed_swallowing_element_with_raw_html() {
    for (line, col, tag) in [
        ("Put the page name in a <title> element.", 24, "title"),
        ("A <script> tag runs code.", 3, "script"),
        ("Use <template> for repeats.", 5, "template"),
    ] {
        let f = Fixture::new(&[
            (
                "journal.yaml",
                "title: T\nmentor: Dana Levi\nmentee: Sam Ortiz\nraw_html: true\n",
            ),
            (A, &format!("---\ndate: 2026-01-08\n---\n{line}\n\nMore.\n")),
        ]);
        expect(
            &f,
            0,
            (0, 1),
            &[&format!(
                "sessions/2026-01-08-a.md:4:{col}: warning: `<{tag}>` is never closed in this paragraph or block"
            )],
        );
    }
}

/// What the sanitiser removes is a warning at its line: tags that can run script,
/// event-handler attributes, `javascript:` links.
#[test]
fn t14_html_removals_are_warnings() {
    for (line, col, head) in [
        (
            "<script>alert(1)</script>",
            1,
            "`<script>` removed with what is inside it",
        ),
        (
            "A <b onclick=\"go()\">bold</b> word.",
            3,
            "`onclick` removed from `<b>`: it can run script",
        ),
        (
            "An <a href=\" JaVaScRiPt:alert(2)\">odd</a> link.",
            4,
            "the `javascript:` href is removed from `<a>`",
        ),
        (
            "<iframe src=\"https://example.org\"></iframe>",
            1,
            "`<iframe>` removed: raw HTML that can run script",
        ),
    ] {
        let f = note(A, &format!("---\ndate: 2026-01-08\n---\n{line}\n"));
        expect(
            &f,
            0,
            (0, 1),
            &[&format!("sessions/2026-01-08-a.md:4:{col}: warning: {head}")],
        );
    }
    // Nothing removed, nothing said.
    let f = note(
        A,
        "---\ndate: 2026-01-08\n---\n<kbd>Ctrl</kbd><br> <details open><summary>s</summary>d</details> <a name=\"x\"></a>\n",
    );
    expect(&f, 0, (0, 0), &[]);
}

// ------------- Trust I: front matter and privacy keys

/// The canary every note of this section hides: it must reach no file of a built site.
const T14_CANARY: &str = "Canary t14 front";

/// Asserts that no file of the site built from `dir` holds the canary, whether or not the
/// build succeeded.
fn t14_nothing_published(dir: &Path) {
    let (_, built) = try_build(dir, &BuildOptions::default());
    for (path, bytes) in &built.files {
        assert!(
            !String::from_utf8_lossy(bytes).contains(T14_CANARY),
            "{path} publishes the canary"
        );
    }
}

/// A note `text` (with `{C}` standing for the canary) is refused: `check` exits 1 with
/// exactly one error, `head`, and a build publishes nothing of it.
fn t14_refused(text: &str, head: &str) {
    let f = note(A, &text.replace("{C}", T14_CANARY));
    expect(&f, 1, (1, 0), &[head]);
    let (result, _) = try_build(f.path(), &BuildOptions::default());
    assert!(result.is_err(), "{text:?} was built");
    t14_nothing_published(f.path());
}

/// The note `text` loads (exit 0, `warnings` warnings) and publishes nothing of it but
/// its date: it is a draft or private.
fn t14_hidden(text: &str, warnings: usize, heads: &[&str]) {
    let f = note(A, &text.replace("{C}", T14_CANARY));
    expect(&f, 0, (0, warnings), heads);
    let built = f.build();
    assert!(!built.has("sessions/2026-01-08-a.html"), "{text:?} has a page");
    t14_nothing_published(f.path());
}

const T14_FM: &str = "---\ndate: 2026-01-08\nprivate: true\ntitle: {C}\n---\n{C} body\n";

#[test]
fn t14_front_blank_lines_or_spaces_before_the_fence() {
    let at_top = "front matter must start on the file's very first line with exactly `---`";
    for (before, head) in [
        (
            "\n",
            format!("sessions/2026-01-08-a.md:2:1: error: {at_top}, but blank lines come before it"),
        ),
        (
            "\n\n  \t\n",
            format!("sessions/2026-01-08-a.md:4:1: error: {at_top}, but blank lines come before it"),
        ),
        (
            " ",
            format!("sessions/2026-01-08-a.md:1:2: error: {at_top}, but white space comes before it"),
        ),
        (
            "\t",
            format!("sessions/2026-01-08-a.md:1:2: error: {at_top}, but white space comes before it"),
        ),
        (
            "\u{a0}\u{3000}",
            format!("sessions/2026-01-08-a.md:1:3: error: {at_top}, but white space comes before it"),
        ),
        (
            "\r\n",
            format!("sessions/2026-01-08-a.md:2:1: error: {at_top}, but blank lines come before it"),
        ),
    ] {
        t14_refused(&format!("{before}{T14_FM}"), &head);
    }
}

#[test]
fn t14_front_invisible_characters_before_the_fence() {
    let at_top = "front matter must start on the file's very first line with exactly `---`";
    let invisible = format!("{at_top}, but an invisible character comes before it");
    for (before, head) in [
        ("\u{200b}", format!("sessions/2026-01-08-a.md:1:2: error: {invisible}")),
        ("\u{2060}", format!("sessions/2026-01-08-a.md:1:2: error: {invisible}")),
        ("\u{ad}", format!("sessions/2026-01-08-a.md:1:2: error: {invisible}")),
        (
            "\u{200f}\u{202e}",
            format!("sessions/2026-01-08-a.md:1:3: error: {invisible}"),
        ),
        ("\u{180e}", format!("sessions/2026-01-08-a.md:1:2: error: {invisible}")),
        (
            "\u{feff}\u{feff}",
            format!("sessions/2026-01-08-a.md:1:3: error: {at_top}, but a second byte-order mark comes before it"),
        ),
        (
            "\u{feff}\u{200d}\n",
            format!("sessions/2026-01-08-a.md:2:1: error: {at_top}, but blank lines come before it"),
        ),
    ] {
        t14_refused(&format!("{before}{T14_FM}"), &head);
    }
    // Invisible characters inside or after the fence: still the fence, still not exact.
    t14_refused(
        &T14_FM.replacen("---", "-\u{200b}--", 1),
        &format!("sessions/2026-01-08-a.md:1:1: error: {at_top}, but its line holds invisible characters"),
    );
    t14_refused(
        &T14_FM.replacen("---", "---\u{200b}", 1),
        &format!("sessions/2026-01-08-a.md:1:1: error: {at_top}, but its line holds invisible characters"),
    );
}

#[test]
fn t14_front_html_comment_before_the_fence() {
    let comment =
        "front matter must start on the file's very first line with exactly `---`, but an HTML comment comes before it";
    for (before, head) in [
        (
            "<!-- exported from Obsidian -->\n",
            format!("sessions/2026-01-08-a.md:2:1: error: {comment}"),
        ),
        (
            "<!--\n  spans\n  lines\n-->\n\n",
            format!("sessions/2026-01-08-a.md:6:1: error: {comment}"),
        ),
        (
            "<!-- a --> ",
            format!("sessions/2026-01-08-a.md:1:12: error: {comment}"),
        ),
        (
            "<!---->\n<!-->\n",
            format!("sessions/2026-01-08-a.md:3:1: error: {comment}"),
        ),
    ] {
        t14_refused(&format!("{before}{T14_FM}"), &head);
    }
}

#[test]
fn t14_front_lone_carriage_returns_are_line_ends() {
    // The front matter is read, so the note is private; nothing of it is published.
    t14_hidden(&T14_FM.replace('\n', "\r"), 0, &[]);
    t14_hidden("---\r\ndate: 2026-01-08\rdraft: true\r\n---\r{C}\r", 0, &[]);
    // Lines and columns of diagnostics count a lone CR as a line end.
    let f = note(A, "---\rdate: 2026-01-08\rcomitments: []\r---\rBody\r");
    expect(
        &f,
        0,
        (0, 1),
        &["sessions/2026-01-08-a.md:3:1: warning: unknown key `comitments`"],
    );
    let f = note(A, "---\r\ndate: 2026-01-08\rkind: {a: 1}\n---\r\n");
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/2026-01-08-a.md:3:7: error: `kind` must be text, found a mapping"],
    );
    t14_refused(
        "\r\r---\rdate: 2026-01-08\rprivate: true\r---\r{C}\r",
        "sessions/2026-01-08-a.md:3:1: error: front matter must start on the file's very first line with exactly `---`, but blank lines come before it",
    );
}

#[test]
fn t14_front_toml_front_matter() {
    let toml = "sessions/2026-01-08-a.md:{}: error: TOML front matter (`+++`): mentorlog reads YAML front matter between `---` lines";
    for (text, at) in [
        (
            "+++\ndate = 2026-01-08\nprivate = true\ntitle = \"{C}\"\n+++\n{C}\n",
            "1:1",
        ),
        ("\n +++ \ndate = 2026-01-08\nprivate = true\n+++\n{C}\n", "2:2"),
        ("\u{feff}+++\r\ndate = 2026-01-08\r\n+++\r\n{C}\r\n", "1:2"),
    ] {
        t14_refused(text, &toml.replace("{}", at));
    }
}

#[test]
fn t14_front_fences_that_are_not_exactly_three_dashes() {
    let head = |at: &str, line: &str| {
        format!(
            "sessions/2026-01-08-a.md:{at}: error: this looks like front matter, but it opens with `{line}`, not `---`"
        )
    };
    for (opening, closing, shown) in [
        ("----", "----", "----"),
        ("--- yaml", "---", "--- yaml"),
        ("---yaml", "---", "---yaml"),
        ("\u{2014}", "\u{2014}", "\u{2014}"),
        ("\u{2013}\u{2013}\u{2013}", "...", "\u{2013}\u{2013}\u{2013}"),
        ("++++", "++++", "++++"),
    ] {
        let text = format!("{opening}\ndate: 2026-01-08\nprivate: true\n{closing}\n{{C}}\n");
        t14_refused(&text, &head("1:1", shown));
    }
    t14_refused(
        "{\n  \"date\": \"2026-01-08\",\n  \"private\": true\n}\n{C}\n",
        "sessions/2026-01-08-a.md:1:1: error: JSON front matter: mentorlog reads YAML front matter between `---` lines",
    );
}

#[test]
fn t14_front_a_second_block_after_the_front_matter() {
    let second = |fence: &str| {
        format!(
            "sessions/2026-01-08-a.md:5:1: error: a second `{fence}` block after the front matter: it would be published as text"
        )
    };
    t14_refused(
        "---\ndate: 2026-01-08\n---\n\n---\nprivate: true\n---\n{C}\n",
        &second("---"),
    );
    t14_refused(
        "---\ndate: 2026-01-08\n---\n<!-- x -->\n+++\nprivate = true\n+++\n{C}\n",
        &second("+++"),
    );
    t14_refused("---\ndate: 2026-01-08\n---\n\u{200b}\n---\n{C}\n", &second("---"));
}

/// Decided: only exact `---`/`+++` (or a fence-like opening with `key:` lines and a closing
/// line) count; Markdown's thematic breaks and notes without front matter load as before.
#[test]
fn t14_front_thematic_breaks_and_notes_without_front_matter_still_load() {
    for text in [
        "- - -\nTime: ten\n- - -\nText\n",
        "***\nTime: ten\n***\n",
        "___\n",
        "# Heading\n\n---\n\nMore\n",
        "Intro\n---\n",
        "----\nNo key line here\n----\n",
        "--- yaml\nTime: ten\n",
        "<!-- just a comment -->\nText with a key: value\n",
        "<!-- never closed\n---\ndate: 2026-01-08\n---\n",
    ] {
        let f = note(A, text);
        let run = check(&f);
        assert_eq!(run.code, 0, "{text:?}\n{run}");
        assert!(f.build().has("sessions/2026-01-08-a.html"), "{text:?}");
    }
}

#[test]
fn t14_front_privacy_keys_in_any_case() {
    for (key, lower) in [
        ("Private", "private"),
        ("PRIVATE", "private"),
        ("pRiVaTe", "private"),
        ("Draft", "draft"),
        ("DRAFT", "draft"),
    ] {
        t14_hidden(
            &format!("---\ndate: 2026-01-08\ntitle: {{C}}\n{key}: true\n---\n{{C}}\n"),
            1,
            &[&format!(
                "sessions/2026-01-08-a.md:4:1: warning: `{key}` is read as `{lower}`"
            )],
        );
    }
    // Two spellings: either one hides the note.
    for keys in [
        "private: false\nPrivate: true",
        "Private: true\nprivate: false",
        "draft: false\nDraft: true",
    ] {
        t14_hidden(&format!("---\ndate: 2026-01-08\n{keys}\n---\n{{C}}\n"), 1, &[]);
    }
}

#[test]
fn t14_front_published_and_publish_other_than_true_mean_draft() {
    for (line, warnings) in [
        ("published: false", 0),
        ("publish: false", 0),
        ("published: false\ndraft: false", 0),
        ("draft: false\npublish: false", 0),
        ("Published: false", 1),
        ("published: no", 1),
        ("published: \"false\"", 1),
        ("published: \"true\"", 1),
        ("publish: 0", 1),
        ("published:", 1),
        ("published: []", 1),
        ("PUBLISH: ~", 2),
    ] {
        t14_hidden(&format!("---\ndate: 2026-01-08\n{line}\n---\n{{C}}\n"), warnings, &[]);
    }
    let f = note(A, "---\ndate: 2026-01-08\npublished: true\npublish: true\n---\nShown\n");
    expect(&f, 0, (0, 0), &[]);
    assert!(f.build().has("sessions/2026-01-08-a.html"));
}

#[test]
fn t14_front_misspelled_privacy_keys_are_errors() {
    for key in [
        "privat",
        "pirvate",
        "priavte",
        "privte",
        "drafts",
        "darft",
        "is_private",
        "isDraft",
        "secret",
        "visibility",
        "publshed",
        "pubish",
    ] {
        t14_refused(
            &format!("---\ndate: 2026-01-08\n{key}: true\n---\n{{C}}\n"),
            &format!(
                "sessions/2026-01-08-a.md:3:1: error: unknown key `{key}`: mentorlog cannot tell whether this note may be published"
            ),
        );
    }
    // A date named like a privacy key (Hugo's `publishDate`) stays an unknown key.
    let f = note(A, "---\ndate: 2026-01-08\npublishDate: 2026-01-01\n---\nx\n");
    expect(
        &f,
        0,
        (0, 1),
        &["sessions/2026-01-08-a.md:3:1: warning: unknown key `publishDate`"],
    );
}

#[test]
fn t14_front_doubtful_privacy_values_hide_the_note() {
    // Clearly yes: a warning, and the note is private.
    for value in ["yes", "\"true\"", "1", "On", "'Y'"] {
        t14_hidden(
            &format!("---\ndate: 2026-01-08\nprivate: {value}\n---\n{{C}}\n"),
            1,
            &["sessions/2026-01-08-a.md:3:10: warning: `private` is "],
        );
    }
    // Maybe no: an error (the user must say which), and meanwhile private.
    for value in ["no", "\"false\"", "0", "~", "", "[true]", "maybe"] {
        let text = format!("---\ndate: 2026-01-08\nprivate: {value}\n---\n{{C}}\n");
        let f = note(A, &text.replace("{C}", T14_CANARY));
        let run = check(&f);
        assert_eq!(run.code, 1, "{value}\n{run}");
        assert!(
            run.stderr.contains("error: `private` must be `true` or `false`, found"),
            "{run}"
        );
        assert!(
            run.stderr.contains("until it says which, the note is kept private"),
            "{run}"
        );
        t14_nothing_published(f.path());
    }
    // A doubtful `draft` makes a draft (whose errors are warnings): left out.
    for value in ["yes", "no", "\"\"", "~"] {
        let f = note(
            A,
            &format!("---\ndate: 2026-01-08\ndraft: {value}\n---\n{T14_CANARY}\n"),
        );
        assert_eq!(check(&f).code, 0);
        assert!(!f.build().has("sessions/2026-01-08-a.html"), "{value}");
    }
}

#[test]
fn t14_front_goal_and_commitment_privacy_keys() {
    let entries = |goal_line: &str, commitment_line: &str| {
        format!(
            "---\ndate: 2026-01-08\ngoals:\n  - id: g\n    title: {T14_CANARY} goal\n    {goal_line}\ncommitments:\n  - id: c\n    who: mentor\n    what: {T14_CANARY} commitment\n    {commitment_line}\n---\nPublic\n"
        )
    };
    // Any case, a value that means yes: left out, with warnings.
    let f = note(A, &entries("Private: true", "private: \"yes\""));
    expect(
        &f,
        0,
        (0, 2),
        &[
            "sessions/2026-01-08-a.md:6:5: warning: `Private` is read as `private`",
            "sessions/2026-01-08-a.md:11:14: warning: `private` is `yes`: read as `private: true`",
        ],
    );
    let built = f.build();
    assert!(built.has("sessions/2026-01-08-a.html"));
    t14_nothing_published(f.path());
    // Typos and doubtful values: errors.
    for (goal_line, commitment_line, head) in [
        (
            "privte: true",
            "private: false",
            "sessions/2026-01-08-a.md:6:5: error: unknown key `privte` in `goals`",
        ),
        (
            "private: false",
            "is_private: true",
            "sessions/2026-01-08-a.md:11:5: error: unknown key `is_private` in `commitments`",
        ),
        (
            "draft: true",
            "private: false",
            "sessions/2026-01-08-a.md:6:5: error: unknown key `draft` in `goals`",
        ),
        (
            "private: no",
            "private: false",
            "sessions/2026-01-08-a.md:6:14: error: `private` must be `true` or `false`, found `no`",
        ),
    ] {
        let f = note(A, &entries(goal_line, commitment_line));
        expect(&f, 1, (1, 0), &[head]);
        t14_nothing_published(f.path());
    }
}

#[test]
fn t14_front_duplicate_keys_point_at_the_repeated_line() {
    for (keys, at, key, first) in [
        ("null: 1\ntitle: t\n~: 2", "5:1", "null", 3),
        ("~: 1\nNULL: 2", "4:1", "null", 3),
        ("Null: 1\ntitle: t\nnull: 2", "5:1", "null", 3),
        ("\"title\": a\ntitle: b", "4:1", "title", 3),
        ("title: a\n'title': b", "4:1", "title", 3),
        ("? kind\n: a\nkind: b", "5:1", "kind", 3),
        ("True: 1\ntrue: 2", "4:1", "true", 3),
    ] {
        let f = note(A, &format!("---\ndate: 2026-01-08\n{keys}\n---\nx\n"));
        let run = check(&f);
        assert_eq!(run.code, 1, "{keys}\n{run}");
        assert_diagnostic(
            &run.stderr,
            &format!("sessions/2026-01-08-a.md:{at}: error: duplicate key `{key}`"),
        );
        assert!(run.stderr.contains(&format!("(the first is on line {first})")), "{run}");
    }
    let f = note(
        A,
        "---\ndate: 2026-01-08\ngoals:\n  - id: a\n    title: A\n    \"id\": b\n---\n",
    );
    let run = check(&f);
    assert_diagnostic(&run.stderr, "sessions/2026-01-08-a.md:6:5: error: duplicate key `id`");
    let f = Fixture::new(&[("journal.yaml", "title: T\nmentor: A\nmentee: B\n~: 1\nnull: 2\n")]);
    let run = check(&f);
    assert_diagnostic(&run.stderr, "journal.yaml:5:1: error: duplicate key `null`");
}

#[test]
fn t14_front_protect_is_reserved() {
    let head = "journal.yaml:4:1: error: `{}` in journal.yaml: protected publishing is not available yet, and the site would be published in the clear";
    for (line, key) in [
        ("protect: true", "protect"),
        ("protect: yes", "protect"),
        ("protect:", "protect"),
        ("protect: {password: x}", "protect"),
        ("Protect: true", "Protect"),
        ("protected: true", "protected"),
    ] {
        let f = Fixture::new(&[
            ("journal.yaml", &format!("title: T\nmentor: A\nmentee: B\n{line}\n")),
            (A, &format!("---\ndate: 2026-01-08\n---\n{T14_CANARY}\n")),
        ]);
        expect(&f, 1, (1, 0), &[&head.replace("{}", key)]);
        let run = mentorlog(f.path(), ["build", "-o", "site"]);
        assert_eq!(run.code, 1, "{run}");
        assert!(!f.path().join("site").exists(), "{line}: a site was written");
    }
    let f = Fixture::new(&[("journal.yaml", "title: T\nmentor: A\nmentee: B\nprotect: false\n")]);
    expect(&f, 0, (0, 0), &[]);
    // In a note, it is no key of a note, and never publishes in the clear what it asks to protect.
    t14_refused(
        "---\ndate: 2026-01-08\nprotect: true\n---\n{C}\n",
        "sessions/2026-01-08-a.md:3:1: error: `protect`: protected publishing is not available yet",
    );
    // program.yaml too.
    let dir = tempfile::tempdir().expect("a temporary folder");
    crate::harness::write_file(&dir.path().join("program.yaml"), b"title: P\nlead: L\nprotect: true\n");
    crate::harness::write_file(
        &dir.path().join("pair/journal.yaml"),
        b"title: T\nmentor: A\nmentee: B\n",
    );
    let run = mentorlog(dir.path(), ["check"]);
    assert_eq!(run.code, 1, "{run}");
    assert_diagnostic(
        &run.stderr,
        "program.yaml:3:10: error: `protect` in program.yaml: protected publishing is not available yet",
    );
}

#[test]
fn t14_front_id_key_of_journal_and_program() {
    let f = Fixture::new(&[(
        "journal.yaml",
        "title: T\nmentor: A\nmentee: B\nid: urn:uuid:0b1c8e5e-5f4e-4c43-9f3a-4f2a1d6b7c80\n",
    )]);
    expect(&f, 0, (0, 0), &[]);
    for value in ["5", "[a]", "{a: b}", "true"] {
        let f = Fixture::new(&[(
            "journal.yaml",
            &format!("title: T\nmentor: A\nmentee: B\nid: {value}\n"),
        )]);
        expect(&f, 1, (1, 0), &["journal.yaml:4:1: error: `id` must be text"]);
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    crate::harness::write_file(&dir.path().join("program.yaml"), b"title: P\nlead: L\nid: urn:uuid:1\n");
    crate::harness::write_file(
        &dir.path().join("pair/journal.yaml"),
        b"title: T\nmentor: A\nmentee: B\n",
    );
    let run = mentorlog(dir.path(), ["check"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(!run.stderr.contains("unknown key"), "{run}");
}

#[test]
fn t14_front_unicode_line_ends_and_merge_keys() {
    // YAML reads U+2028, U+2029 and U+0085 as line ends, Markdown does not: refused.
    for end in ['\u{2028}', '\u{2029}', '\u{85}'] {
        t14_refused(
            &format!("---{end}date: 2026-01-08{end}private: true{end}---{end}{{C}}\n"),
            &format!(
                "sessions/2026-01-08-a.md:1:1: error: this `---` line ends with U+{:04X}, which Markdown does not read as a line end",
                u32::from(end)
            ),
        );
    }
    // `private` merged in by a YAML merge key (which mentorlog does not apply) still hides.
    t14_hidden(
        "---\ndate: 2026-01-08\ndefaults: &d {private: true}\n<<: *d\n---\n{C}\n",
        2,
        &[],
    );
    t14_hidden("---\ndate: 2026-01-08\n<<: [{Draft: yes}]\n---\n{C}\n", 1, &[]);
}

// ------------- Trust I: adversarial pass (files and serve)
//
// Decided:
// - a `.mentorlog-site` marker alone does not make a folder mentorlog's: anyone can copy
//   one into a folder of their own, or commit one into `docs/` beside real documents. A
//   finished site's marker lists every file its build wrote, and a folder is replaced only
//   when it holds nothing else (and file managers' `.DS_Store`, `Thumbs.db`,
//   `desktop.ini`). A marker that lists nothing (an older mentorlog's, or a copied empty
//   one) is refused with a help saying to delete the old site by hand, once;
// - a marked folder that is the journal, contains it or is one of its inputs stays
//   refused, whatever its marker says;
// - a folder already at the name of the build's work folder is never removed (a fresh
//   name is taken);
// - only regular files are read: `journal.yaml` that is a named pipe (or a link to one)
//   is an error, never a hang; a note or static file that is a pipe, a device or a socket
//   (or a link to one) is left out with a warning;
// - serve: a `Sec-Fetch-Site`, `-Mode` or `-Dest` header sent twice is refused (403).

/// A journal `journal/` and a folder `docs/` of real documents beside it, cwd = journal.
fn docs_playground() -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, journal) = output_playground();
    for (rel, text) in [
        ("docs/README.md", "# Our real documentation\n"),
        ("docs/guide/setup.md", "Setup steps.\n"),
    ] {
        crate::harness::write_file(&tmp.path().join(rel), text.as_bytes());
    }
    (tmp, journal)
}

/// The marker of a real build of the playground's journal.
fn real_marker(journal: &Path) -> Vec<u8> {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let run = mentorlog(journal, ["build", ".", "-o", site.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{run}");
    std::fs::read(site.join(".mentorlog-site")).unwrap()
}

/// A marker planted in a folder of real files (committed into `docs/` by a collaborator,
/// or copied there): `build -o docs` refuses and deletes nothing. The issue's example is
/// an empty marker; then the text an older mentorlog wrote, a real build's marker (which
/// does not list the documents), a real marker reached through a link, and a marker
/// that lists the documents but not a file added since.
#[test]
fn t14_adv1_a_marker_planted_in_a_folder_of_real_files_deletes_nothing() {
    let (tmp, journal) = docs_playground();
    let docs = tmp.path().join("docs");
    let marker = docs.join(".mentorlog-site");
    let real = real_marker(&journal);
    let mut listing_docs = real.clone();
    listing_docs.extend_from_slice(b"README.md\nguide/setup.md\n");
    let plant = |bytes: &[u8]| {
        let _ = std::fs::remove_file(&marker);
        std::fs::write(&marker, bytes).unwrap();
    };
    type Plant<'a> = Box<dyn Fn() + 'a>;
    let cases: Vec<(&str, Plant)> = vec![
        ("an empty marker", Box::new(|| plant(b""))),
        (
            "an older mentorlog's marker",
            Box::new(|| plant(b"This folder is a site built by mentorlog. `mentorlog build` replaces it whole.\n")),
        ),
        ("a real build's marker", Box::new(|| plant(&real))),
        (
            "a link to a real build's marker",
            Box::new(|| {
                let _ = std::fs::remove_file(&marker);
                std::fs::write(tmp.path().join("real-marker"), &real).unwrap();
                symlink("../real-marker", &marker).unwrap();
            }),
        ),
        (
            "a marker listing the documents, and a file added since",
            Box::new(|| {
                plant(&listing_docs);
                crate::harness::write_file(&docs.join("guide/new-draft.md"), b"Not committed yet.\n");
            }),
        ),
    ];
    for (what, plant) in cases {
        plant();
        let before = snapshot(tmp.path());
        let run = mentorlog(&journal, ["build", ".", "-o", "../docs"]);
        assert_eq!(run.code, 1, "{what}: {run}");
        assert!(
            run.stderr.contains("refusing to write the site into `../docs`"),
            "{what}: {run}"
        );
        assert!(snapshot(tmp.path()) == before, "{what}: files changed");
    }
}

/// A site mentorlog built is replaced as long as it holds only what the build wrote (and
/// a file manager's view files); a file added to it stops the next build, named.
#[test]
fn t14_adv1_a_built_site_with_a_file_added_is_refused_and_a_clean_one_replaced() {
    let (tmp, journal) = output_playground();
    let public = journal.join("public");
    let run = mentorlog(&journal, ["build", "."]);
    assert_eq!(run.code, 0, "{run}");
    for junk in [".DS_Store", "sessions/Thumbs.db", "desktop.ini"] {
        crate::harness::write_file(&public.join(junk), b"view settings");
    }
    let run = mentorlog(&journal, ["build", "."]);
    assert_eq!(run.code, 0, "a file manager's view files are no obstacle: {run}");
    for added in ["CNAME", "sessions/my-notes.txt", "assets/extra/logo.png", ".git/config"] {
        crate::harness::write_file(&public.join(added), b"mine\n");
        let before = snapshot(tmp.path());
        let run = mentorlog(&journal, ["build", "."]);
        assert_eq!(run.code, 1, "{added}: {run}");
        let first = added.split('/').next().unwrap();
        assert!(
            run.stderr
                .contains(&format!("it holds `{}", public.join(first).display())),
            "{added}: {run}"
        );
        assert!(snapshot(tmp.path()) == before, "{added}: files changed");
        std::fs::remove_dir_all(public.join(first))
            .or_else(|_| std::fs::remove_file(public.join(first)))
            .unwrap();
    }
    let run = mentorlog(&journal, ["build", "."]);
    assert_eq!(run.code, 0, "{run}");
}

/// A marked folder is still refused where a site may never go: the journal itself (the
/// issue's rule), its `sessions/` and `static/`, and a folder containing the journal, each
/// with a marker that lists everything in it.
#[test]
fn t14_adv1_a_marked_journal_or_input_is_still_refused() {
    let (tmp, journal) = output_playground();
    let listing = |dir: &Path| {
        let mut files: Vec<String> = walkdir::WalkDir::new(dir)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned())
            .collect();
        files.sort();
        mentorlog::write::marker_text(&files)
    };
    for (spelling, dir) in [
        (".", journal.clone()),
        ("sessions", journal.join("sessions")),
        ("static/", journal.join("static")),
        ("..", tmp.path().to_path_buf()),
    ] {
        let marker = listing(&dir);
        std::fs::write(dir.join(".mentorlog-site"), marker).unwrap();
        let before = snapshot(tmp.path());
        let run = mentorlog(&journal, ["build", ".", "-o", spelling]);
        assert_eq!(run.code, 1, "-o {spelling}: {run}");
        assert!(snapshot(tmp.path()) == before, "-o {spelling} changed files");
        std::fs::remove_file(dir.join(".mentorlog-site")).unwrap();
    }
}

/// A folder at the name of the build's work folder (`.site.mentorlog-new-PID`) is not
/// removed, marked or not: the build takes another name and leaves it as it was.
#[test]
fn t14_adv1_a_folder_at_the_work_folders_name_is_left_alone() {
    use mentorlog::project::{Build, Project};
    use mentorlog::write::{Source, Staging, check_output};
    let (tmp, journal) = output_playground();
    let pid = std::process::id();
    let cases = [
        (format!(".site.mentorlog-new-{pid}"), "an empty marker"),
        (format!(".site.mentorlog-new-{pid}-1"), "the next name too"),
    ];
    for (name, _) in &cases {
        let squat = tmp.path().join(name);
        crate::harness::write_file(&squat.join(".mentorlog-site"), b"");
        crate::harness::write_file(&squat.join("mine.txt"), b"keep me\n");
    }
    let before = snapshot(tmp.path());
    let out = check_output(tmp.path(), Source::Journal(&journal), Path::new("site")).unwrap();
    let staging = Staging::new(&out).unwrap();
    let mut diags = mentorlog::diag::Diagnostics::new();
    let build = Build::new(BuildOptions::default(), crate::harness::build_date());
    Project::Journal(journal.clone())
        .build(&build, &staging, &mut diags)
        .unwrap();
    staging.publish().unwrap();
    let after = snapshot(tmp.path());
    for (key, node) in &before {
        assert_eq!(after.get(key), Some(node), "{key} changed");
    }
    assert!(tmp.path().join("site/index.html").is_file());
}

/// Only regular files are read: a `journal.yaml` that is a named pipe (or a link to one
/// inside the journal) is an error, never a hang; notes and static files that are pipes,
/// devices or links to them are left out with a warning.
#[test]
fn t14_adv1_pipes_and_devices_are_never_read() {
    let mkfifo = |path: &Path| {
        let made = Command::new("mkfifo").arg(path).status().unwrap();
        assert!(made.success(), "mkfifo {}", path.display());
    };
    // The issue's rule: a link to a named pipe must not hang; then the pipe itself.
    for linked in [true, false] {
        let f = Fixture::new(&[(A, "---\ndate: 2026-01-08\n---\nA.\n")]);
        std::fs::remove_file(f.path().join("journal.yaml")).unwrap();
        if linked {
            mkfifo(&f.path().join("pipe"));
            symlink("pipe", f.path().join("journal.yaml")).unwrap();
        } else {
            mkfifo(&f.path().join("journal.yaml"));
        }
        // Under `timeout`, so that a hang fails the test instead of stopping the suite.
        let output = Command::new("timeout")
            .args(["60", env!("CARGO_BIN_EXE_mentorlog"), "check"])
            .current_dir(f.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(1),
            "linked: {linked}, 124 is a hang: {stderr}"
        );
        assert_diagnostic(
            &stderr,
            "journal.yaml: error: cannot read journal.yaml: it is not a regular file",
        );
    }
    let f = Fixture::new(&[(A, "---\ndate: 2026-01-08\n---\nA.\n"), ("static/ok.txt", "ok\n")]);
    mkfifo(&f.path().join("sessions/2026-01-09-pipe.md"));
    mkfifo(&f.path().join("pipe"));
    symlink("../pipe", f.path().join("static/pipe.txt")).unwrap();
    symlink("/dev/zero", f.path().join("static/zero.bin")).unwrap();
    symlink("/dev/zero", f.path().join("sessions/2026-01-10-zero.md")).unwrap();
    expect(
        &f,
        0,
        (0, 4),
        &[
            "sessions/2026-01-09-pipe.md: warning: left out: this is not a regular file",
            "sessions/2026-01-10-zero.md: warning: left out: this symbolic link leads outside the journal",
            "static/pipe.txt: warning: left out: this symbolic link leads to something that is not a regular file",
            "static/zero.bin: warning: left out: this symbolic link leads outside the journal",
        ],
    );
    let built = f.build();
    assert!(built.has("static/ok.txt") && !built.has("static/pipe.txt") && !built.has("static/zero.bin"));
}

/// serve: each `Sec-Fetch-*` header sent twice is refused, whichever value comes last. The
/// example is `cross-site` then `same-origin`; then the mode and the destination.
#[test]
fn t14_adv1_serve_refuses_repeated_fetch_metadata() {
    let f = Fixture::new(&[(
        "sessions/2026-01-08-secret.md",
        "---\ndate: 2026-01-08\nprivate: true\n---\nCanary: t14 adv1\n",
    )]);
    let served = crate::serve::serve(f.path(), &[]);
    let port = served.port;
    let host = format!("127.0.0.1:{port}");
    for headers in [
        [
            "Sec-Fetch-Site: cross-site",
            "Sec-Fetch-Site: same-origin",
            "Sec-Fetch-Mode: no-cors",
            "Sec-Fetch-Dest: script",
        ],
        [
            "Sec-Fetch-Site: cross-site",
            "Sec-Fetch-Mode: no-cors",
            "Sec-Fetch-Mode: navigate",
            "Sec-Fetch-Dest: document",
        ],
        [
            "Sec-Fetch-Site: same-site",
            "Sec-Fetch-Mode: navigate",
            "Sec-Fetch-Dest: iframe",
            "Sec-Fetch-Dest: document",
        ],
    ] {
        let reply = crate::serve::get_as(port, "/search-index.js", &host, &headers);
        assert_eq!(reply.status, 403, "{headers:?}");
        assert!(!reply.body.contains("t14 adv1"), "{headers:?}: {}", reply.body);
    }
}

// ------------- Trust I: adversarial pass (front matter and keys)
//
// Decided here:
// - before the fence, besides blank lines and HTML comments, whatever renders as nothing
//   also hides the fence from the one who wrote it: a Markdown "comment" (a link
//   reference definition, `[//]: # (…)`), an Obsidian comment `%% … %%`, an XML
//   declaration `<?xml …?>`, a YAML directive `%YAML 1.2`: the note is refused there;
// - a line of a published note's text (outside code) that is a privacy key (any case, a
//   typo of one) with a true/false value (`private: true`, `DRAFT: yes`, `published:
//   false`) is an error: it is front matter that slipped below the top;
// - a privacy key nested in another key (Hugo's `params`, Zola's `extra`, any mapping or
//   list, a non-scalar key) is not read: an error, unless the note is hidden anyway; so is
//   a value or tag that says `private`, `draft`, `secret`… (`status: private`, `tags:
//   [private]`), and other tools' leave-out keys (`expiryDate`, `_build`, `headless`,
//   `eleventyExcludeFromCollections`, `render`, `password`…) and full-width spellings;
//   `sitemap`, `search`, `noindex` (findability, not publication) stay unknown-key warnings;
// - goal and commitment entries: `published`/`publish` are errors (an entry has `private`
//   only), a merge key's `private` hides the entry, a nested one is an error;
// - journal.yaml and program.yaml: `private`, `draft`, `password`, `protection`, and
//   `protect` inside a merge key or another key, are errors (a whole site cannot be kept
//   hidden: it would be published in the clear).

/// A note `text` (`{C}` for the canary) is refused: `check` exits 1 with `head` among its
/// errors, `build` fails, and no file of a site holds the canary.
fn t14_adv3_refused(text: &str, head: &str) {
    let f = note(A, &text.replace("{C}", T14_CANARY));
    let run = check(&f);
    assert_eq!(run.code, 1, "{text:?}\n{run}");
    assert_diagnostic(&run.stderr, head);
    assert!(run.stderr.contains("help: "), "{run}");
    let (result, _) = try_build(f.path(), &BuildOptions::default());
    assert!(result.is_err(), "{text:?} was built");
    t14_nothing_published(f.path());
}

#[test]
fn t14_adv3_things_that_show_nothing_before_the_fence() {
    let at_top = "front matter must start on the file's very first line with exactly `---`, but";
    let markdown = "a Markdown comment (a link reference definition such as `[//]: # (…)`) comes before it";
    let obsidian = "an Obsidian comment (`%% … %%`) comes before it";
    for (before, at, why) in [
        ("[//]: # (exported)\n", "2:1", markdown),
        ("[comment]: <> (hidden)\n\n", "3:1", markdown),
        ("[//]: # \"x\"\r\n", "2:1", markdown),
        ("%% from Obsidian %%\n", "2:1", obsidian),
        ("%%\nspans\nlines\n%%\n", "5:1", obsidian),
        (
            "<?xml version=\"1.0\"?>\n",
            "2:1",
            "an XML declaration (`<?…?>`) comes before it",
        ),
        (
            "%YAML 1.2\n",
            "2:1",
            "a YAML directive (`%YAML`, `%TAG`) comes before it",
        ),
    ] {
        t14_adv3_refused(
            &format!("{before}{T14_FM}"),
            &format!("sessions/2026-01-08-a.md:{at}: error: {at_top} {why}"),
        );
    }
    // Without a privacy key too: the YAML would be published as text.
    t14_adv3_refused(
        "%% x %%\n---\ndate: 2026-01-08\ntitle: {C}\n---\nBody\n",
        &format!("sessions/2026-01-08-a.md:2:1: error: {at_top} {obsidian}"),
    );
    // Such things before ordinary text, or a link definition used by the text: a note.
    for text in [
        "[//]: # (x)\nText\n",
        "%% x %%\n# Heading\n",
        "[a]: https://example.org\nSee [a].\n",
    ] {
        let f = note(A, text);
        assert_eq!(check(&f).code, 0, "{text:?}");
        assert!(f.build().has("sessions/2026-01-08-a.html"), "{text:?}");
    }
}

#[test]
fn t14_adv3_privacy_lines_in_the_text_of_a_published_note() {
    let head = |at: &str, line: &str| {
        format!(
            "sessions/2026-01-08-a.md:{at}: error: `{line}` is in the text of the note, not in its front matter: it would be published as text, and the note with it"
        )
    };
    for (text, at, line) in [
        // A heading or text above the front matter.
        (
            "# Notes\n---\ndate: 2026-01-08\nprivate: true\n---\n{C}\n",
            "4:1",
            "private: true",
        ),
        (
            "Hello\n\n---\r\ndate: 2026-01-08\r\nPrivate: TRUE\r\n---\r\n{C}\r\n",
            "5:1",
            "Private: TRUE",
        ),
        // Front matter closed too early, by YAML's `...` or a second `--- `.
        ("---\n...\nprivate: true\n---\n{C}\n", "3:1", "private: true"),
        (
            "---\rdate: 2026-01-08\r--- \rdraft: yes\r---\r{C}\r",
            "4:1",
            "draft: yes",
        ),
        // No fences at all; a setext heading; a full-width colon.
        ("date: 2026-01-08\nprivate: true\n\n{C}\n", "2:1", "private: true"),
        (
            "---\ndate: 2026-01-08\n---\n  published: false\n{C}\n",
            "4:3",
            "published: false",
        ),
        ("# T\n\nprivate\u{ff1a} yes\n{C}\n", "3:1", "private: yes"),
        ("# T\n\u{200b}privte: true\n{C}\n", "2:2", "privte: true"),
    ] {
        t14_adv3_refused(text, &head(at, line));
    }
    // Held: inside code, in prose, or in a note hidden anyway, such a line is text.
    for text in [
        "---\ndate: 2026-01-08\n---\n```yaml\nprivate: true\n```\n",
        "---\ndate: 2026-01-08\n---\n~~~~\n```\nprivate: true\n~~~~\n",
        "---\ndate: 2026-01-08\n---\nCode:\n\n    private: true\n",
        "---\ndate: 2026-01-08\n---\nPrivate: we talked about the offer.\n",
        "---\ndate: 2026-01-08\n---\n- private: true is how to hide a note\n",
    ] {
        let f = note(A, text);
        let run = check(&f);
        assert_eq!(run.code, 0, "{text:?}\n{run}");
        assert!(f.build().has("sessions/2026-01-08-a.html"), "{text:?}");
    }
    t14_hidden(
        "---\ndate: 2026-01-08\nprivate: true\n---\nprivate: true\n{C}\n",
        0,
        &[],
    );
    // A draft is published with --drafts: the line stops that build (a warning without it).
    for text in [
        "---\ndate: 2026-01-08\ndraft: true\n---\nprivate: true\n{C}\n",
        "---\ndate: 2026-01-08\ndraft: true\nparams: {private: true}\n---\n{C}\n",
    ] {
        let f = note(A, &text.replace("{C}", T14_CANARY));
        assert_eq!(check(&f).code, 0, "{text:?}");
        let drafts = BuildOptions {
            drafts: true,
            ..BuildOptions::default()
        };
        let (result, built) = try_build(f.path(), &drafts);
        assert!(result.is_err(), "{text:?} was built with --drafts");
        assert!(
            built
                .files
                .iter()
                .all(|(_, bytes)| !String::from_utf8_lossy(bytes).contains(T14_CANARY)),
            "{text:?}"
        );
    }
}

#[test]
fn t14_adv3_privacy_keys_nested_in_other_keys() {
    let head = |at: &str, inner: &str, outer: &str| {
        format!(
            "sessions/2026-01-08-a.md:{at}: error: `{inner}` inside `{outer}` is not read: mentorlog cannot tell whether this note may be published"
        )
    };
    for (keys, at, inner, outer) in [
        ("meta: {private: true}", "3:8", "private", "meta"),
        ("params:\n  private: true", "4:3", "private", "params"),
        ("extra:\n  draft: true", "4:3", "draft", "extra"),
        ("x:\n  y:\n    - Private: yes", "5:7", "Private", "x"),
        ("author: {name: A, 'published': false}", "3:19", "published", "author"),
    ] {
        t14_adv3_refused(
            &format!("---\ndate: 2026-01-08\n{keys}\ntitle: {{C}}\n---\n{{C}}\n"),
            &head(at, inner, outer),
        );
    }
    // A list used as a key is named, not read as an empty key.
    t14_adv3_refused(
        "---\ndate: 2026-01-08\n? [private]\n: true\n---\n{C}\n",
        "sessions/2026-01-08-a.md:3:3: error: unknown key `[private]`: mentorlog cannot tell whether this note may be published",
    );
}

#[test]
fn t14_adv3_values_and_tags_that_say_hidden() {
    for (line, at, key, word) in [
        ("status: private", "3:1", "status", "private"),
        ("visibility_level: 1\naccess: Draft", "4:1", "access", "Draft"),
        ("tags: [mentoring, private]", "3:7", "tags", "private"),
        ("kind: secret", "3:7", "kind", "secret"),
        ("categories:\n  - unlisted", "3:1", "categories", "unlisted"),
    ] {
        let text = format!("---\ndate: 2026-01-08\n{line}\ntitle: {{C}}\n---\n{{C}}\n");
        if key == "access" {
            // `visibility_level` is an error of its own; the value is reported as well.
            t14_adv3_refused(
                &text,
                "sessions/2026-01-08-a.md:3:1: error: unknown key `visibility_level`",
            );
        }
        t14_adv3_refused(
            &text,
            &format!(
                "sessions/2026-01-08-a.md:{at}: error: `{key}` says `{word}`, which does not hide the note: mentorlog cannot tell whether it may be published"
            ),
        );
    }
}

#[test]
fn t14_adv3_other_tools_leave_out_keys() {
    for key in [
        "expiryDate: 2020-01-01",
        "expiry_date: 2099-01-01",
        "_build: {render: never, list: never}",
        "headless: true",
        "eleventyExcludeFromCollections: true",
        "render: false",
        "password: hunter2",
        "\u{ff50}\u{ff52}\u{ff49}\u{ff56}\u{ff41}\u{ff54}\u{ff45}: true",
    ] {
        let name = key.split(':').next().unwrap_or(key);
        t14_adv3_refused(
            &format!("---\ndate: 2026-01-08\n{key}\ntitle: {{C}}\n---\n{{C}}\n"),
            &format!(
                "sessions/2026-01-08-a.md:3:1: error: unknown key `{name}`: mentorlog cannot tell whether this note may be published"
            ),
        );
    }
    // Held: findability keys are unknown keys (the note is published, as it says nothing
    // about publication).
    for key in ["sitemap: false", "search: false", "noindex: true"] {
        let f = note(A, &format!("---\ndate: 2026-01-08\n{key}\n---\nx\n"));
        expect(&f, 0, (0, 1), &[]);
    }
}

#[test]
fn t14_adv3_goal_and_commitment_entries() {
    let entries = |goal_line: &str, commitment_line: &str| {
        format!(
            "---\ndate: 2026-01-08\ngoals:\n  - id: g\n    title: {T14_CANARY} goal\n    {goal_line}\ncommitments:\n  - id: c\n    who: mentor\n    what: {T14_CANARY} commitment\n    {commitment_line}\n---\nPublic\n"
        )
    };
    // A merge key's `private` hides the entry (mentorlog warns about the `<<` key).
    for (goal_line, commitment_line) in [
        ("<<: {private: true}", "<<: [{Private: yes}]"),
        ("<<: {draft: true}", "<<: {private: 1}"),
    ] {
        let f = note(A, &entries(goal_line, commitment_line));
        expect(
            &f,
            0,
            (0, 2),
            &["sessions/2026-01-08-a.md:6:5: warning: unknown key `<<` in `goals`"],
        );
        assert!(f.build().has("sessions/2026-01-08-a.html"));
        t14_nothing_published(f.path());
    }
    for (goal_line, commitment_line, head) in [
        (
            "published: false",
            "private: false",
            "sessions/2026-01-08-a.md:6:5: error: unknown key `published` in `goals`: mentorlog cannot tell whether this entry may be published",
        ),
        (
            "private: false",
            "Publish: no",
            "sessions/2026-01-08-a.md:11:5: error: unknown key `Publish` in `commitments`",
        ),
        (
            "meta: {private: true}",
            "private: false",
            "sessions/2026-01-08-a.md:6:12: error: `private` inside `meta` is not read: mentorlog cannot tell whether this entry may be published",
        ),
        (
            "private: false",
            "visibility: private",
            "sessions/2026-01-08-a.md:11:5: error: unknown key `visibility` in `commitments`",
        ),
    ] {
        let f = note(A, &entries(goal_line, commitment_line));
        let run = check(&f);
        assert_eq!(run.code, 1, "{run}");
        assert_diagnostic(&run.stderr, head);
        t14_nothing_published(f.path());
    }
}

#[test]
fn t14_adv3_settings_that_ask_to_hide_a_whole_site() {
    let clear =
        "mentorlog cannot keep a whole journal hidden or protected, so its site would be published in the clear";
    for (line, head) in [
        ("private: true", format!("journal.yaml:4:1: error: `private` in journal.yaml: {clear}")),
        ("Draft: yes", format!("journal.yaml:4:1: error: `Draft` in journal.yaml: {clear}")),
        ("password: hunter2", format!("journal.yaml:4:1: error: `password` in journal.yaml: {clear}")),
        ("protection: true", format!("journal.yaml:4:1: error: `protection` in journal.yaml: {clear}")),
        (
            "<<: {protect: true}",
            "journal.yaml:4:1: error: `protect` inside `<<` in journal.yaml is not read, and the site would be published in the clear".to_string(),
        ),
        (
            "site:\n  protect: true",
            "journal.yaml:4:1: error: `protect` inside `site` in journal.yaml is not read".to_string(),
        ),
    ] {
        let f = Fixture::new(&[
            ("journal.yaml", &format!("title: T\nmentor: A\nmentee: B\n{line}\n")),
            (A, &format!("---\ndate: 2026-01-08\n---\n{T14_CANARY}\n")),
        ]);
        let run = check(&f);
        assert_eq!(run.code, 1, "{line}\n{run}");
        assert_diagnostic(&run.stderr, &head);
        assert!(run.stderr.contains("help: remove the line"), "{run}");
        let run = mentorlog(f.path(), ["build", "-o", "site"]);
        assert_eq!(run.code, 1, "{run}");
        assert!(!f.path().join("site").exists(), "{line}: a site was written");
    }
    for line in ["private: true", "x: {protect: true}", "Secret: yes"] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        crate::harness::write_file(
            &dir.path().join("program.yaml"),
            format!("title: P\nlead: L\n{line}\n").as_bytes(),
        );
        crate::harness::write_file(
            &dir.path().join("pair/journal.yaml"),
            b"title: T\nmentor: A\nmentee: B\n",
        );
        let run = mentorlog(dir.path(), ["check"]);
        assert_eq!(run.code, 1, "{line}\n{run}");
        assert!(
            run.stderr
                .lines()
                .any(|l| l.starts_with("program.yaml:3:") && l.contains("error: `") && l.contains("in program.yaml")),
            "{run}"
        );
        assert!(run.stderr.contains("help: remove the line"), "{run}");
    }
}

// ------------- Trust I: adversarial pass (private text and script)

/// A private note, `2026-01-08-frank-talk`, beside the note `A` that tries to name it.
const FRANK: &str = "sessions/2026-01-08-frank-talk.md";
const FRANK_NOTE: &str = "---\ndate: 2026-01-08\ntitle: Secret title\nprivate: true\n---\nSecret body.\n";

/// Every output path and file (any case) holding `needle`.
fn holding(built: &crate::harness::Built, needle: &str) -> Vec<String> {
    let needle = needle.to_lowercase();
    built
        .files
        .iter()
        .filter(|(path, bytes)| {
            path.to_lowercase().contains(&needle) || String::from_utf8_lossy(bytes).to_lowercase().contains(&needle)
        })
        .map(|(path, _)| path.clone())
        .collect()
}

/// Every attribute of every element of the page's note, as `tag attr`.
fn note_attributes(built: &crate::harness::Built, page: &str) -> Vec<String> {
    let page = built.page(page);
    let note = one(page.root_element(), "main .note");
    note.descendants()
        .skip(1)
        .filter_map(scraper::ElementRef::wrap)
        .flat_map(|e| {
            let tag = e.value().name().to_string();
            e.value()
                .attrs()
                .map(move |(name, _)| format!("{tag} {name}"))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A Markdown link, image or heading inside a sanitised fragment whose tag leaves an
/// attribute value open across the Markdown (`<img src=x title="` … `">`): the sanitiser
/// keeps the Markdown's HTML as the attribute's text, and the link put back in its place
/// closed the attribute, so its URL (`#/onerror=…`) became an event handler of the `<img>`
/// and ran script with `raw_html: false`. The fragment is now made plain instead.
#[test]
fn t14_adv2_links_kept_inside_a_sanitised_attribute_run_no_script() {
    for (inner, kept) in [
        // The attack as found: an image of static/ with a crafted anchor.
        (
            "![x](../static/a.png#/onerror=document.body.setAttribute('data-p',1)//)",
            "",
        ),
        // A link to a published note, with the same anchor.
        (
            "[y](2026-01-08-a.md#/onerror=document.body.setAttribute('data-p',1)//)",
            "y",
        ),
        // A heading (kept as an event for its id) and a wikilink.
        ("## Heading\n\n[[2026-01-08-a|z]]", "z"),
    ] {
        let f = Fixture::new(&[
            ("journal.yaml", "title: T\nmentor: Dana Levi\nmentee: Sam Ortiz\n"),
            ("static/a.png", "PNG"),
            (
                A,
                &format!(
                    "---\ndate: 2026-01-08\n---\nHi.\n\n<div>\n<img src=\"nope.png\" title=\"\n\n{inner}\n\n\">\n</div>\n"
                ),
            ),
        ]);
        let built = f.build();
        let attrs = note_attributes(&built, "sessions/2026-01-08-a.html");
        assert_eq!(attrs, ["img src", "img title"], "{inner}");
        // What the Markdown wrote stays the attribute's text (the link made plain).
        let page = built.page("sessions/2026-01-08-a.html");
        let title = one(page.root_element(), "main .note img")
            .value()
            .attr("title")
            .unwrap_or_default()
            .to_string();
        assert!(title.contains(kept), "{inner}: {title}");
    }
}

/// `![[note]]` (Obsidian's embed) of a private note put its file name in the page as the
/// image's text (and a heading made of one in the title, feed, search index and JSON); a
/// wikilink in another case than the file (`[[2026-01-08-Frank-Talk]]`, which Obsidian and
/// case-insensitive file systems resolve) linked nothing and showed the name as written.
/// Both now name the note as a wikilink does: "an unpublished note" while it is private.
#[test]
fn t14_adv2_note_embeds_and_wikilinks_in_another_case_name_no_private_note() {
    for body in [
        "Embedded: ![[2026-01-08-frank-talk]].",
        "# ![[2026-01-08-frank-talk#Part]] again",
        "In another case: [[2026-01-08-Frank-Talk]].",
        "By path: [[SESSIONS/2026-01-08-FRANK-TALK.md]] and ![[2026-01-08-FRANK-TALK|our talk]].",
        "With the extension in capitals: [[2026-01-08-frank-talk.MD]].",
        "| In a table |\n|---|\n| [[2026-01-08-frank-talk\\|our talk]] |",
    ] {
        let f = Fixture::new(&[
            (
                "journal.yaml",
                "title: T\nmentor: Dana Levi\nmentee: Sam Ortiz\nbase_url: https://example.org/\n",
            ),
            (FRANK, FRANK_NOTE),
            (A, &format!("---\ndate: 2026-01-09\n---\n{body}\n")),
        ]);
        expect(&f, 0, (0, 0), &[]);
        let built = f.build();
        assert_eq!(holding(&built, "frank"), Vec::<String>::new(), "{body}");
        let page = built.page("sessions/2026-01-08-a.html");
        let note = text(one(page.root_element(), "main .note"));
        let expected = if body.contains('|') {
            "our talk"
        } else {
            "an unpublished note"
        };
        assert!(note.contains(expected), "{body}: {note}");
        // Published, the same text links to the note.
        let (_, everything) = try_build(
            f.path(),
            &BuildOptions {
                include_private: true,
                ..BuildOptions::default()
            },
        );
        let page = everything.page("sessions/2026-01-08-a.html");
        let hrefs: Vec<String> = crate::harness::all(page.root_element(), "main .note a")
            .iter()
            .filter_map(|a| a.value().attr("href").map(str::to_string))
            .collect();
        assert!(
            hrefs
                .iter()
                .all(|h| h.starts_with("../sessions/2026-01-08-frank-talk.html"))
                && !hrefs.is_empty(),
            "{body}: {hrefs:?}"
        );
    }
}

/// A URL in raw HTML that names a note (`<a href="2026-01-08-frank-talk.md">`) was
/// published as written: a private note's file name in the page and the feed, where the
/// same link in Markdown becomes plain text. Raw HTML cannot be resolved per page, so such
/// an attribute is removed with a warning; with `raw_html: true` it is kept and warned about.
#[test]
fn t14_adv2_raw_html_urls_naming_a_note_are_removed() {
    for (html, col, attr) in [
        (
            "<a href=\"2026-01-08-frank-talk.md\">our talk</a>",
            1,
            "`href` removed from `<a>`",
        ),
        (
            "See <a href=\"../sessions/2026-01-08-Frank-Talk.html#x\">it</a>.",
            5,
            "`href` removed from `<a>`",
        ),
        (
            "<img src=\"./2026-01-08-frank%2Dtalk\" alt=\"pic\">",
            1,
            "`src` removed from `<img>`",
        ),
        (
            "<q cite=\"2026-01-08-frank-talk.md\">quoted</q>",
            1,
            "`cite` removed from `<q>`",
        ),
    ] {
        let f = Fixture::new(&[
            (
                "journal.yaml",
                "title: T\nmentor: Dana Levi\nmentee: Sam Ortiz\nbase_url: https://example.org/\n",
            ),
            (FRANK, FRANK_NOTE),
            (A, &format!("---\ndate: 2026-01-09\n---\n{html}\n")),
        ]);
        let run = expect(
            &f,
            0,
            (0, 1),
            &[&format!(
                "sessions/2026-01-08-a.md:4:{col}: warning: {attr}: it names a note"
            )],
        );
        assert!(
            run.stderr.contains("help: link to the note with Markdown instead"),
            "{run}"
        );
        let built = f.build();
        assert_eq!(holding(&built, "frank"), Vec::<String>::new(), "{html}");
        // With `raw_html: true` the HTML is the user's to keep, with a warning.
        f.write(
            "journal.yaml",
            "title: T\nmentor: Dana Levi\nmentee: Sam Ortiz\nbase_url: https://example.org/\nraw_html: true\n",
        );
        expect(
            &f,
            0,
            (0, 1),
            &[&format!("sessions/2026-01-08-a.md:4:{col}: warning: `")],
        );
    }
    // A URL that only looks like a note's is kept, and says nothing.
    let f = Fixture::new(&[
        (
            "journal.yaml",
            "title: T\nmentor: Dana Levi\nmentee: Sam Ortiz\nbase_url: https://example.org/\n",
        ),
        (FRANK, FRANK_NOTE),
        (
            A,
            "---\ndate: 2026-01-09\n---\n<a href=\"https://example.org/2026-01-08-frank-talk-notes.html\">x</a> <a href=\"../static/talk.pdf\">y</a>\n",
        ),
    ]);
    expect(&f, 0, (0, 0), &[]);
}

/// A comment left open before a private marker (`<!-- TODO` on one line, the marker on
/// the next) is one comment with it in a browser and in the Markdown parser: the marker
/// was not seen, so the private text after it was published (with only a warning about
/// the closing marker). The marker now opens its block all the same, with a warning.
#[test]
fn t14_adv2_a_private_marker_closing_an_open_comment_still_opens_a_block() {
    for (body, col) in [
        (
            "<!-- TODO: ask about\n<!-- private -->\nCanary: pay.\n<!-- /private -->\n\nAfter.\n",
            1,
        ),
        (
            "Text <!-- todo <!-- private -->Canary: pay.<!-- /private --> after.\n",
            6,
        ),
        (
            "<!-- draft notes\n\n<!--\nPRIVATE\n--->\nCanary: pay.\n<!-- /private -->\n\nAfter.\n",
            1,
        ),
    ] {
        let f = Fixture::new(&[
            (
                "journal.yaml",
                "title: T\nmentor: Dana Levi\nmentee: Sam Ortiz\nbase_url: https://example.org/\n",
            ),
            (A, &format!("---\ndate: 2026-01-08\n---\n{body}")),
        ]);
        expect(
            &f,
            0,
            (0, 1),
            &[&format!(
                "sessions/2026-01-08-a.md:4:{col}: warning: the comment `<!-- "
            )],
        );
        let built = f.build();
        assert_eq!(holding(&built, "Canary: pay"), Vec::<String>::new(), "{body}");
        let page = built.page("sessions/2026-01-08-a.html");
        assert!(text(one(page.root_element(), "main .note")).contains("fter"), "{body}");
    }
}

/// Heading ids were numbered across the whole note, private blocks included: a public
/// `## Plan` after a private `## Plan` got `id="plan-1"`, which tells the reader that a
/// private heading with that text is there. Public headings are now numbered among
/// themselves; private ones (shown with `--include-private`) after them.
#[test]
fn t14_adv2_heading_ids_do_not_count_private_headings() {
    for (body, public_id) in [
        (
            "<!-- private -->\n## Layoffs in March\n<!-- /private -->\n\n## Layoffs in March\n",
            "layoffs-in-march",
        ),
        (
            "<!-- private -->\nPlan\n----\n<!-- /private -->\n\nPlan\n----\n",
            "plan",
        ),
        (
            "<!-- private -->\n## About an unpublished note\n<!-- /private -->\n\n## About [[2026-01-08-frank-talk]]\n",
            "about-an-unpublished-note",
        ),
    ] {
        let f = Fixture::new(&[
            (
                "journal.yaml",
                "title: T\nmentor: Dana Levi\nmentee: Sam Ortiz\nbase_url: https://example.org/\n",
            ),
            (FRANK, FRANK_NOTE),
            (A, &format!("---\ndate: 2026-01-09\n---\n{body}")),
        ]);
        let built = f.build();
        let page = built.page("sessions/2026-01-08-a.html");
        let ids: Vec<&str> = crate::harness::all(page.root_element(), "main .note h2")
            .iter()
            .filter_map(|h| h.value().attr("id"))
            .collect();
        assert_eq!(ids, [public_id], "{body}");
        // With the private text on the site, every id is still unique.
        let (_, everything) = try_build(
            f.path(),
            &BuildOptions {
                include_private: true,
                ..BuildOptions::default()
            },
        );
        let page = everything.page("sessions/2026-01-08-a.html");
        let mut ids: Vec<&str> = crate::harness::all(page.root_element(), "main .note h2")
            .iter()
            .filter_map(|h| h.value().attr("id"))
            .collect();
        assert_eq!(ids.len(), 2, "{body}");
        ids.dedup();
        assert_eq!(ids.len(), 2, "{body}: {ids:?}");
    }
}
