//! The catalogue: links and permissions. Git holds neither links nor permissions, so the
//! tests make them.

use std::os::unix::fs::{PermissionsExt, symlink};

use mentorlog::BuildOptions;
use snapbox::str;

use crate::harness::{Test, build};

use super::{as_nobody, open_to_all};

#[test]
fn c33_a_symlink_loop_under_sessions_is_left_out() {
    let done = Test::case("links-and-permissions/a-symlink-loop-under-sessions")
        .setup(|dir| {
            symlink(".", dir.join("sessions/loop")).unwrap();
            symlink("2026-01-22-y.md", dir.join("sessions/2026-01-22-x.md")).unwrap();
            symlink("2026-01-22-x.md", dir.join("sessions/2026-01-22-y.md")).unwrap();
        })
        .stderr(str![[r#"
sessions/2026-01-22-x.md: warning: left out: this symbolic link leads nowhere (Too many levels of symbolic links)
help: point the link at a file inside the journal, or delete it
sessions/2026-01-22-y.md: warning: left out: this symbolic link leads nowhere (Too many levels of symbolic links)
help: point the link at a file inside the journal, or delete it
sessions/loop: warning: left out: this is a symbolic link to a folder, and mentorlog does not follow those
help: move or copy the files into the journal's own folders
1 session(s) checked: 0 error(s), 3 warning(s), 0 note(s)

"#]])
        .run();
    assert!(build(done.path(), &BuildOptions::default()).has("sessions/2026-01-08-a.html"));
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
    let real = outside.path().canonicalize().unwrap();
    // The warnings name the link's target; `[..]` stands for the temporary folder.
    let done = Test::case("links-and-permissions/a-symlink-out-of-the-journal")
        .setup(|dir| {
            symlink(real.join("secret.md"), dir.join("sessions/2026-01-09-secret.md")).unwrap();
            symlink(real.join("passwd"), dir.join("static/passwd")).unwrap();
            // A link that stays inside the journal is read like the file it points to.
            symlink("2026-01-10-inside.md", dir.join("sessions/2026-01-11-alias.md")).unwrap();
        })
        .stderr(str![[r#"
sessions/2026-01-09-secret.md: warning: left out: this symbolic link leads outside the journal, to `[..]/secret.md`
help: mentorlog reads only files inside the journal, each from its own folder; copy the file in if it belongs here
static/passwd: warning: left out: this symbolic link leads outside the journal, to `[..]/passwd`
help: mentorlog reads only files inside the journal, each from its own folder; copy the file in if it belongs here
3 session(s) checked: 0 error(s), 2 warning(s), 0 note(s)

"#]])
        .run();
    let built = build(done.path(), &BuildOptions::default());
    assert!(built.has("sessions/2026-01-11-alias.html"));
    assert!(!built.has("static/passwd") && !built.has("sessions/2026-01-09-secret.html"));
    for (path, bytes) in &built.files {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("Canary"), "{path} has text from outside the journal");
    }
}

#[test]
fn c35_an_unreadable_note_and_folder_are_errors_of_the_whole_file() {
    // Run as a user whom permissions stop, which this builder cannot do: the journal is
    // the builder's, the run and the whole-stderr comparison are `as_nobody`'s.
    let test = Test::case("links-and-permissions/an-unreadable-note-and-folder").setup(|dir| {
        open_to_all(dir);
        let locked = dir.join("sessions/2026-01-22-locked.md");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        let folder = dir.join("sessions/private");
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o000)).unwrap();
    });
    let run = as_nobody(test.path(), &["check".as_ref()]);
    std::fs::set_permissions(
        test.path().join("sessions/private"),
        std::fs::Permissions::from_mode(0o755),
    )
    .unwrap();
    let Some(run) = run else {
        return;
    };
    assert_eq!(run.code, 1, "{run}");
    crate::harness::exactly(
        &run.stderr,
        str![[r#"
sessions/2026-01-22-locked.md: error: cannot read the note: Permission denied: the user running mentorlog may not do this here; check the permissions of the file or folder and of the folders above it
help: check the file's permissions (mentorlog needs to read every file of the journal)
sessions/private: error: cannot read this folder: Permission denied: the user running mentorlog may not do this here; check the permissions of the file or folder and of the folders above it
help: check the folder's permissions (mentorlog needs to read every file of the journal)
2 error(s), 0 warning(s), 0 note(s)

"#]],
    );
}
