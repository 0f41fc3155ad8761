//! The catalogue: wrong types, every key.

use crate::harness::Fixture;

use super::{A, DECLARES, expect, note};

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
