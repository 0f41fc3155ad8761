//! The catalogue: leftovers of tools.

use std::os::unix::fs::symlink;

use mentorlog::BuildOptions;
use snapbox::str;

use crate::harness::{Test, build};

#[test]
fn c39_editor_leftovers_are_ignored() {
    let done = Test::case("tool-leftovers/editor-leftovers")
        // Emacs writes its lock as a dangling symbolic link, which git does not hold.
        .setup(|dir| symlink("dana@laptop.4243", dir.join("sessions/.#other.md")).unwrap())
        .stderr(str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
    let built = build(done.path(), &BuildOptions::default());
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
    let done = Test::case("tool-leftovers/sync-conflict-copies").stderr(str![[r#"
sessions/2026-01-08-a (Dana's conflicted copy 2026-01-09).md: warning: left out: this looks like a sync tool's conflict copy
help: merge what it adds into the original file, then delete this copy
sessions/2026-01-08-a.sync-conflict-20260109-101500-ABCDEFG.md: warning: left out: this looks like a sync tool's conflict copy
help: merge what it adds into the original file, then delete this copy
1 session(s) checked: 0 error(s), 2 warning(s), 0 note(s)

"#]]).run();
    let built = build(done.path(), &BuildOptions::default());
    assert_eq!(
        built.text("commitments.html").matches("Call Ruth").count(),
        1,
        "made once"
    );
}
