//! The catalogue: leftovers of tools.

use std::os::unix::fs::symlink;

use crate::harness::Fixture;

use super::{A, expect};

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
