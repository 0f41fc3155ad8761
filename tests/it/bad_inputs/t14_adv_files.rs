//! The catalogue: Trust I: adversarial pass (files and serve).

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;

use mentorlog::BuildOptions;
use snapbox::str;

use crate::harness::{Fixture, Test, build, mentorlog, snapshot};

use super::t14_paths::run_in;
use super::{A, docs_playground, output_playground, real_marker};

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

/// A marker planted in a folder of real files (committed into `docs/` by a collaborator,
/// or copied there): `build -o docs` refuses and deletes nothing. The issue's example is
/// an empty marker; then the text an older mentorlog wrote, a real build's marker (which
/// does not list the documents), a real marker reached through a link, and a marker
/// that lists the documents but not a file added since.
/// One way of planting a marker, run before the build.
type Plant<'a> = Box<dyn Fn() + 'a>;

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
    let cases: Vec<(&str, Plant, _)> = vec![
        (
            "an empty marker",
            Box::new(|| plant(b"")),
            str![[r#"
error: refusing to write the site into `../docs` (that is `[ROOT]/docs`): its `.mentorlog-site` is not a list of the files mentorlog built there (an older mentorlog wrote it, or it was copied there), so mentorlog cannot tell that everything in the folder is its own; if the folder holds only an old site, delete the folder and build again

"#]],
        ),
        (
            "an older mentorlog's marker",
            Box::new(|| plant(b"This folder is a site built by mentorlog. `mentorlog build` replaces it whole.\n")),
            str![[r#"
error: refusing to write the site into `../docs` (that is `[ROOT]/docs`): its `.mentorlog-site` is not a list of the files mentorlog built there (an older mentorlog wrote it, or it was copied there), so mentorlog cannot tell that everything in the folder is its own; if the folder holds only an old site, delete the folder and build again

"#]],
        ),
        (
            "a real build's marker",
            Box::new(|| plant(&real)),
            str![[r#"
error: refusing to write the site into `../docs` (that is `[ROOT]/docs`): it holds `[ROOT]/docs/README.md`, which mentorlog did not write there (its `.mentorlog-site` marker lists every file a build wrote); move that away, or choose another folder

"#]],
        ),
        (
            "a link to a real build's marker",
            Box::new(|| {
                let _ = std::fs::remove_file(&marker);
                std::fs::write(tmp.path().join("real-marker"), &real).unwrap();
                symlink("../real-marker", &marker).unwrap();
            }),
            str![[r#"
error: refusing to write the site into `../docs` (that is `[ROOT]/docs`): its `.mentorlog-site` is not a list of the files mentorlog built there (an older mentorlog wrote it, or it was copied there), so mentorlog cannot tell that everything in the folder is its own; if the folder holds only an old site, delete the folder and build again

"#]],
        ),
        (
            "a marker listing the documents, and a file added since",
            Box::new(|| {
                plant(&listing_docs);
                crate::harness::write_file(&docs.join("guide/new-draft.md"), b"Not committed yet.\n");
            }),
            str![[r#"
error: refusing to write the site into `../docs` (that is `[ROOT]/docs`): it holds `[ROOT]/docs/guide/new-draft.md`, which mentorlog did not write there (its `.mentorlog-site` marker lists every file a build wrote); move that away, or choose another folder

"#]],
        ),
    ];
    for (what, plant, stderr) in cases {
        plant();
        let before = snapshot(tmp.path());
        run_in(tmp.path(), &journal, &["build", ".", "-o", "../docs"], 1, stderr);
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
    for (added, stderr) in [
        (
            "CNAME",
            str![[r#"
error: refusing to write the site into `./public` (that is `[ROOT]/journal/public`): it holds `[ROOT]/journal/public/CNAME`, which mentorlog did not write there (its `.mentorlog-site` marker lists every file a build wrote); move that away, or choose another folder

"#]],
        ),
        (
            "sessions/my-notes.txt",
            str![[r#"
error: refusing to write the site into `./public` (that is `[ROOT]/journal/public`): it holds `[ROOT]/journal/public/sessions/my-notes.txt`, which mentorlog did not write there (its `.mentorlog-site` marker lists every file a build wrote); move that away, or choose another folder

"#]],
        ),
        (
            "assets/extra/logo.png",
            str![[r#"
error: refusing to write the site into `./public` (that is `[ROOT]/journal/public`): it holds `[ROOT]/journal/public/assets/extra`, which mentorlog did not write there (its `.mentorlog-site` marker lists every file a build wrote); move that away, or choose another folder

"#]],
        ),
        (
            ".git/config",
            str![[r#"
error: refusing to write the site into `./public` (that is `[ROOT]/journal/public`): it holds `[ROOT]/journal/public/.git`, which mentorlog did not write there (its `.mentorlog-site` marker lists every file a build wrote); move that away, or choose another folder

"#]],
        ),
    ] {
        crate::harness::write_file(&public.join(added), b"mine\n");
        let before = snapshot(tmp.path());
        run_in(tmp.path(), &journal, &["build", "."], 1, stderr);
        assert!(snapshot(tmp.path()) == before, "{added}: files changed");
        let first = added.split('/').next().unwrap();
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
    for (spelling, dir, stderr) in [
        (
            ".",
            journal.clone(),
            str![[r#"
error: refusing to write the site into `.` (that is `[ROOT]/journal`): it is the journal folder or contains it; choose a folder such as `public/` inside the journal, or one elsewhere

"#]],
        ),
        (
            "sessions",
            journal.join("sessions"),
            str![[r#"
error: refusing to write the site into `sessions` (that is `[ROOT]/journal/sessions`): it is the journal's `sessions/` folder or inside it, and mentorlog reads that folder; choose `public/` or a folder outside the journal

"#]],
        ),
        (
            "static/",
            journal.join("static"),
            str![[r#"
error: refusing to write the site into `static/` (that is `[ROOT]/journal/static`): it is the journal's `static/` folder or inside it, and mentorlog reads that folder; choose `public/` or a folder outside the journal

"#]],
        ),
        (
            "..",
            tmp.path().to_path_buf(),
            str![[r#"
error: refusing to write the site into `..` (that is `[ROOT]`): it is the journal folder or contains it; choose a folder such as `public/` inside the journal, or one elsewhere

"#]],
        ),
    ] {
        let marker = listing(&dir);
        std::fs::write(dir.join(".mentorlog-site"), marker).unwrap();
        let before = snapshot(tmp.path());
        run_in(tmp.path(), &journal, &["build", ".", "-o", spelling], 1, stderr);
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
    for (linked, expected) in [
        (
            true,
            str![[r#"
journal.yaml: error: cannot read journal.yaml: it is not a regular file (a named pipe, a device or a socket), and mentorlog reads only regular files
help: replace it with a regular file (a text file for journal.yaml and notes)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            false,
            str![[r#"
journal.yaml: error: cannot read journal.yaml: it is not a regular file (a named pipe, a device or a socket), and mentorlog reads only regular files
help: replace it with a regular file (a text file for journal.yaml and notes)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ] {
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
        crate::harness::exactly(&stderr, expected);
    }
    let done = Test::new()
        .file(A, "---\ndate: 2026-01-08\n---\nA.\n")
        .file("static/ok.txt", "ok\n")
        .setup(|dir| {
            mkfifo(&dir.join("sessions/2026-01-09-pipe.md"));
            mkfifo(&dir.join("pipe"));
            symlink("../pipe", dir.join("static/pipe.txt")).unwrap();
            symlink("/dev/zero", dir.join("static/zero.bin")).unwrap();
            symlink("/dev/zero", dir.join("sessions/2026-01-10-zero.md")).unwrap();
        })
        .stderr(str![[r#"
sessions/2026-01-09-pipe.md: warning: left out: this is not a regular file (a named pipe, a device or a socket)
help: mentorlog reads only regular files; replace it with one, or delete it
sessions/2026-01-10-zero.md: warning: left out: this symbolic link leads outside the journal, to `/dev/zero`
help: mentorlog reads only files inside the journal, each from its own folder; copy the file in if it belongs here
static/pipe.txt: warning: left out: this symbolic link leads to something that is not a regular file (a named pipe, a device or a socket)
help: point the link at a file inside the journal, or delete it
static/zero.bin: warning: left out: this symbolic link leads outside the journal, to `/dev/zero`
help: mentorlog reads only files inside the journal, each from its own folder; copy the file in if it belongs here
1 session(s) checked: 0 error(s), 4 warning(s), 0 note(s)

"#]])
        .run();
    let built = build(done.path(), &BuildOptions::default());
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
