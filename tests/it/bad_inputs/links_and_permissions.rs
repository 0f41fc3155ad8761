//! The catalogue: links and permissions.

use std::os::unix::fs::{PermissionsExt, symlink};

use crate::harness::{Fixture, assert_diagnostic};

use super::{A, as_nobody, counts, expect, note, open_to_all};

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
