//! The catalogue: Trust I: output paths, links that leave the journal, static types, names.

use std::os::unix::fs::symlink;

use mentorlog::BuildOptions;

use crate::harness::snapshot;

use crate::harness::{Fixture, assert_diagnostic, mentorlog, try_build};

use super::{A, JOURNAL_YAML_T14, check, expect, note, output_playground, t14_program};

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

#[test]
fn t14_paths_output_paths_that_walk_back_are_refused_and_nothing_changes() {
    let (tmp, journal) = output_playground();
    // Each spelling leads back onto the journal, one of its inputs, or a foreign folder.
    let spellings = [
        // The examples.
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
