//! The catalogue: Trust I: output paths, links that leave the journal, static types, names.

use std::os::unix::fs::symlink;
use std::path::Path;

use mentorlog::BuildOptions;
use snapbox::{IntoData, str};

use crate::harness::{Run, Test, build, mentorlog, snapshot, try_build};

use super::{A, JOURNAL_YAML_T14, output_playground, t14_program};

/// Runs `mentorlog ARGS` in `cwd` (somewhere under `root`, a playground of several
/// folders) and checks the exit code and the whole stderr, `root` read as `[ROOT]`, as
/// `Test` does for a journal alone.
pub(super) fn run_in(root: &Path, cwd: &Path, args: &[&str], code: i32, stderr: impl IntoData) -> Run {
    let mut run = mentorlog(cwd, args);
    let root = root.canonicalize().expect("the playground");
    run.stderr = run.stderr.replace(&*root.to_string_lossy(), "[ROOT]");
    crate::harness::exactly(&run.stderr, stderr);
    assert_eq!(run.code, code, "exit code:\n{run}");
    run
}

/// A journal of one note, `A`, in a `Test`.
fn one_note() -> Test {
    Test::new().file(A, "---\ndate: 2026-01-08\n---\nA.\n")
}

/// A `Test` of a program with one journal `pair/` (`t14_program`), `yaml` added to its
/// program.yaml.
fn program(yaml: &str) -> Test {
    let yaml = yaml.to_string();
    Test::new()
        .remove("journal.yaml")
        .setup(move |dir| t14_program(dir, &yaml))
}

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
    for (spelling, stderr) in [
        // The issue's examples.
        (
            "public/../sessions",
            str![[r#"
error: refusing to write the site into `public/../sessions` (that is `[ROOT]/journal/sessions`): it is the journal's `sessions/` folder or inside it, and mentorlog reads that folder; choose `public/` or a folder outside the journal

"#]],
        ),
        (
            "nowhere/../../victim",
            str![[r#"
error: refusing to write the site into `nowhere/../../victim` (that is `[ROOT]/victim`): it already holds files that mentorlog did not write (no `.mentorlog-site` marker); empty it, or choose another folder

"#]],
        ),
        (
            "x/..",
            str![[r#"
error: refusing to write the site into `x/..` (that is `[ROOT]/journal`): it is the journal folder or contains it; choose a folder such as `public/` inside the journal, or one elsewhere

"#]],
        ),
        // Other spellings of each.
        (
            "public/../sessions/",
            str![[r#"
error: refusing to write the site into `public/../sessions/` (that is `[ROOT]/journal/sessions`): it is the journal's `sessions/` folder or inside it, and mentorlog reads that folder; choose `public/` or a folder outside the journal

"#]],
        ),
        (
            "./public/..//sessions/.",
            str![[r#"
error: refusing to write the site into `./public/..//sessions/.` (that is `[ROOT]/journal/sessions`): it is the journal's `sessions/` folder or inside it, and mentorlog reads that folder; choose `public/` or a folder outside the journal

"#]],
        ),
        (
            "sessions//new",
            str![[r#"
error: refusing to write the site into `sessions//new` (that is `[ROOT]/journal/sessions/new`): it is the journal's `sessions/` folder or inside it, and mentorlog reads that folder; choose `public/` or a folder outside the journal

"#]],
        ),
        (
            "static/../templates/x",
            str![[r#"
error: refusing to write the site into `static/../templates/x` (that is `[ROOT]/journal/templates/x`): it is the journal's `templates/` folder or inside it, and mentorlog reads that folder; choose `public/` or a folder outside the journal

"#]],
        ),
        (
            "a/b/../../static",
            str![[r#"
error: refusing to write the site into `a/b/../../static` (that is `[ROOT]/journal/static`): it is the journal's `static/` folder or inside it, and mentorlog reads that folder; choose `public/` or a folder outside the journal

"#]],
        ),
        (
            "nowhere/../lnk",
            str![[r#"
error: refusing to write the site into `nowhere/../lnk` (that is `[ROOT]/victim`): it already holds files that mentorlog did not write (no `.mentorlog-site` marker); empty it, or choose another folder

"#]],
        ),
        (
            "lnk/../victim",
            str![[r#"
error: refusing to write the site into `lnk/../victim` (that is `[ROOT]/victim`): it already holds files that mentorlog did not write (no `.mentorlog-site` marker); empty it, or choose another folder

"#]],
        ),
        (
            "lnk",
            str![[r#"
error: refusing to write the site into `lnk` (that is `[ROOT]/victim`): it already holds files that mentorlog did not write (no `.mentorlog-site` marker); empty it, or choose another folder

"#]],
        ),
        (
            "x/../",
            str![[r#"
error: refusing to write the site into `x/../` (that is `[ROOT]/journal`): it is the journal folder or contains it; choose a folder such as `public/` inside the journal, or one elsewhere

"#]],
        ),
        (
            "x/y/../../.",
            str![[r#"
error: refusing to write the site into `x/y/../../.` (that is `[ROOT]/journal`): it is the journal folder or contains it; choose a folder such as `public/` inside the journal, or one elsewhere

"#]],
        ),
        (
            "sessions/x/../..",
            str![[r#"
error: refusing to write the site into `sessions/x/../..` (that is `[ROOT]/journal`): it is the journal folder or contains it; choose a folder such as `public/` inside the journal, or one elsewhere

"#]],
        ),
        (
            "..",
            str![[r#"
error: refusing to write the site into `..` (that is `[ROOT]`): it is the journal folder or contains it; choose a folder such as `public/` inside the journal, or one elsewhere

"#]],
        ),
        (
            "//",
            str![[r#"
error: refusing to write the site into `//`: it is the journal folder or contains it; choose a folder such as `public/` inside the journal, or one elsewhere

"#]],
        ),
        (
            "journal.yaml",
            str![[r#"
error: refusing to write the site into `journal.yaml` (that is `[ROOT]/journal/journal.yaml`): it is a file; give a folder

"#]],
        ),
        (
            "journal.yaml/x",
            str![[r#"
error: refusing to write the site into `journal.yaml/x`: `[ROOT]/journal/journal.yaml` is a file, not a folder

"#]],
        ),
    ] {
        let before = snapshot(tmp.path());
        run_in(tmp.path(), &journal, &["build", ".", "-o", spelling], 1, stderr);
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
    for (spelling, stderr) in [
        (
            "pair/public",
            str![[r#"
error: refusing to write the site into `pair/public` (that is `[ROOT]/program/pair/public`): it is inside the program's journal `[ROOT]/program/pair`; choose `public/` in the program folder, or a folder elsewhere

"#]],
        ),
        (
            "pair",
            str![[r#"
error: refusing to write the site into `pair` (that is `[ROOT]/program/pair`): it is the program's journal `[ROOT]/program/pair` or contains it; choose a folder such as `public/` inside the program, or one elsewhere

"#]],
        ),
        (
            "x/../pair/sessions",
            str![[r#"
error: refusing to write the site into `x/../pair/sessions` (that is `[ROOT]/program/pair/sessions`): it is inside the program's journal `[ROOT]/program/pair`; choose `public/` in the program folder, or a folder elsewhere

"#]],
        ),
        (
            "../elsewhere-pair/public",
            str![[r#"
error: refusing to write the site into `../elsewhere-pair/public` (that is `[ROOT]/elsewhere-pair/public`): it is inside the program's journal `[ROOT]/elsewhere-pair`; choose `public/` in the program folder, or a folder elsewhere

"#]],
        ),
        (
            "../elsewhere-pair/x/..",
            str![[r#"
error: refusing to write the site into `../elsewhere-pair/x/..` (that is `[ROOT]/elsewhere-pair`): it is the program's journal `[ROOT]/elsewhere-pair` or contains it; choose a folder such as `public/` inside the program, or one elsewhere

"#]],
        ),
        (
            "..",
            str![[r#"
error: refusing to write the site into `..` (that is `[ROOT]`): it is the program folder or contains it; choose a folder such as `public/` inside the program, or one elsewhere

"#]],
        ),
        (
            ".",
            str![[r#"
error: refusing to write the site into `.` (that is `[ROOT]/program`): it is the program folder or contains it; choose a folder such as `public/` inside the program, or one elsewhere

"#]],
        ),
        (
            "public/..",
            str![[r#"
error: refusing to write the site into `public/..` (that is `[ROOT]/program`): it is the program folder or contains it; choose a folder such as `public/` inside the program, or one elsewhere

"#]],
        ),
    ] {
        let before = snapshot(tmp.path());
        run_in(tmp.path(), &program, &["build", ".", "-o", spelling], 1, stderr);
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
    for (name, target, stderr) in [
        (
            "static",
            "etc",
            str![[r#"
static: error: `static` is a symbolic link that leads outside the journal, to `[..]/etc`; mentorlog reads nothing outside the journal folder
help: replace the link with a real `static` (copy the files into the journal), or point it at a place inside the journal
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "sessions",
            "notes",
            str![[r#"
sessions: error: `sessions` is a symbolic link that leads outside the journal, to `[..]/notes`; mentorlog reads nothing outside the journal folder
help: replace the link with a real `sessions` (copy the files into the journal), or point it at a place inside the journal
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "templates",
            "tpl",
            str![[r#"
templates: error: `templates` is a symbolic link that leads outside the journal, to `[..]/tpl`; mentorlog reads nothing outside the journal folder
help: replace the link with a real `templates` (copy the files into the journal), or point it at a place inside the journal
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "journal.yaml",
            "other.yaml",
            str![[r#"
journal.yaml: error: `journal.yaml` is a symbolic link that leads outside the journal, to `[..]/other.yaml`; mentorlog reads nothing outside the journal folder
help: replace the link with a real `journal.yaml` (copy the files into the journal), or point it at a place inside the journal
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ] {
        let mut test = Test::new();
        if name != "sessions" {
            test = test.file(A, "---\ndate: 2026-01-08\n---\nA.\n");
        }
        if name == "journal.yaml" {
            test = test.remove(name);
        }
        let done = test
            .setup(|dir| symlink(real.join(target), dir.join(name)).unwrap())
            .status(1)
            .stderr(stderr)
            .run();
        let (result, built) = try_build(done.path(), &BuildOptions::default());
        assert!(result.is_err(), "{name}");
        assert!(built.files.is_empty(), "{name}: nothing is written");
        let run = mentorlog(done.path(), ["build"]);
        assert_eq!(run.code, 1, "{run}");
        assert!(!done.path().join("public").exists(), "{name}: nothing is written");
    }
}

#[test]
fn t14_paths_a_top_level_link_onto_another_input_is_an_error_one_inside_is_fine() {
    let private = "---\ndate: 2026-01-09\nprivate: true\n---\nCanary: private words\n";
    let make = || {
        one_note()
            .file("sessions/2026-01-09-p.md", private)
            .file("assets/photo.png", "png")
    };
    for (target, stderr) in [
        (
            ".",
            str![[r#"
static: error: `static` is a symbolic link to the journal folder itself; its files would be read twice, and published as they are
help: replace the link with a real `static` (copy the files into the journal), or point it at a place inside the journal
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "sessions",
            str![[r#"
static: error: `static` is a symbolic link into the journal's `sessions`, which mentorlog reads for another purpose; its files would be read twice, and could be published as they are
help: replace the link with a real `static` (copy the files into the journal), or point it at a place inside the journal
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "sessions/..",
            str![[r#"
static: error: `static` is a symbolic link to the journal folder itself; its files would be read twice, and published as they are
help: replace the link with a real `static` (copy the files into the journal), or point it at a place inside the journal
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ] {
        make()
            .setup(|dir| symlink(target, dir.join("static")).unwrap())
            .status(1)
            .stderr(stderr)
            .run();
    }
    // A top-level link that stays inside, onto no other input: read as the folder.
    let done = make()
        .setup(|dir| symlink("assets", dir.join("static")).unwrap())
        .stderr(str![[r#"
2 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
    assert!(build(done.path(), &BuildOptions::default()).has("static/photo.png"));
    // A link deeper down into another input is left out: a private note's source would
    // be published as a static file.
    let done = make()
        .setup(|dir| {
            std::fs::create_dir(dir.join("static")).unwrap();
            symlink("../sessions/2026-01-09-p.md", dir.join("static/leak.md")).unwrap();
            symlink("../journal.yaml", dir.join("static/settings.yaml")).unwrap();
        })
        .stderr(str![[r#"
static/leak.md: warning: left out: this symbolic link leads into the journal's `sessions`, which is not published from `static/`
help: mentorlog reads only files inside the journal, each from its own folder; copy the file in if it belongs here
static/settings.yaml: warning: left out: this symbolic link leads into the journal's `journal.yaml`, which is not published from `static/`
help: mentorlog reads only files inside the journal, each from its own folder; copy the file in if it belongs here
2 session(s) checked: 0 error(s), 2 warning(s), 0 note(s)

"#]])
        .run();
    let built = build(done.path(), &BuildOptions::default());
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
    program("")
        .setup(|dir| {
            std::fs::remove_file(dir.join("program.yaml")).unwrap();
            symlink(real.join("program.yaml"), dir.join("program.yaml")).unwrap();
        })
        .status(1)
        .stderr(str![[r#"
program.yaml: error: program.yaml is a symbolic link that leads outside the program folder, to `[..]/program.yaml`; mentorlog reads nothing outside the program folder
help: replace the link with the real program.yaml
1 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
    // A journal found as a sub-folder, through a link leading outside.
    let done = program("")
        .setup(|dir| symlink(real.join("stranger"), dir.join("stranger")).unwrap())
        .args(["build"])
        .status(1)
        .stderr(str![[r#"
stranger: error: this journal folder is a symbolic link that leads outside the program folder, to `[..]/stranger`; mentorlog reads nothing outside the program and the journals it lists
help: if the journal belongs to the program, list its real folder under `journals:` in program.yaml and delete the link
error: 1 error(s); the site was not written (the previous one, if any, is unchanged); --keep-going writes the site without the broken journals

"#]])
        .run();
    assert!(!done.path().join("public").exists());
    // Listed under `journals:`, the same folder is read.
    let done = program(&format!("journals: [\"{}\"]\n", real.join("stranger").display()))
        .args(["build"])
        .run();
    assert!(done.path().join("public/stranger/index.html").is_file());
    // A journal's own top-level link out of it, in a program.
    program("")
        .setup(|dir| symlink(real.join("stranger/sessions"), dir.join("pair/static")).unwrap())
        .args(["build"])
        .status(1)
        .stderr(str![[r#"
pair/static: error: `static` is a symbolic link that leads outside the journal, to `[..]/stranger/sessions`; mentorlog reads nothing outside the journal folder
help: replace the link with a real `static` (copy the files into the journal), or point it at a place inside the journal
program.yaml: warning: feed.xml links are relative and there is no sitemap, because the site's address is unknown
help: feed readers need absolute links: set `base_url:` in program.yaml, or pass --base-url
error: 1 error(s); the site was not written (the previous one, if any, is unchanged); --keep-going writes the site without the broken journals

"#]])
        .run();
}

#[test]
fn t14_paths_a_program_publishes_only_static_types_that_cannot_run_script() {
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
    let mut test = program("");
    for name in left_out.iter().chain(&published) {
        test = test.file(&format!("pair/static/{name}"), "<script>alert(1)</script>");
    }
    // Every file left out is named, but hidden ones (`.png`), skipped without a word as in
    // a journal.
    let done = test.args(["build"]).stderr(str![[r#"
pair/static/README: warning: left out: in a program, static files are published only when they are of a type no browser runs script in (images, audio, video, fonts, PDF, plain text)
help: the program's `raw_html: true` in program.yaml allows every file; the types published without it are: png, jpg, jpeg, gif, webp, avif, ico, bmp, mp3, ogg, oga, opus, wav, flac, m4a, aac, mp4, m4v, webm, ogv, mov, woff, woff2, ttf, otf, pdf, txt, csv, tsv, md, json
pair/static/a.mht: warning: left out: in a program, static files are published only when they are of a type no browser runs script in (images, audio, video, fonts, PDF, plain text)
help: the program's `raw_html: true` in program.yaml allows every file; the types published without it are: png, jpg, jpeg, gif, webp, avif, ico, bmp, mp3, ogg, oga, opus, wav, flac, m4a, aac, mp4, m4v, webm, ogv, mov, woff, woff2, ttf, otf, pdf, txt, csv, tsv, md, json
pair/static/app.js: warning: left out: in a program, static files are published only when they are of a type no browser runs script in (images, audio, video, fonts, PDF, plain text)
help: the program's `raw_html: true` in program.yaml allows every file; the types published without it are: png, jpg, jpeg, gif, webp, avif, ico, bmp, mp3, ogg, oga, opus, wav, flac, m4a, aac, mp4, m4v, webm, ogv, mov, woff, woff2, ttf, otf, pdf, txt, csv, tsv, md, json
pair/static/app.mjs: warning: left out: in a program, static files are published only when they are of a type no browser runs script in (images, audio, video, fonts, PDF, plain text)
help: the program's `raw_html: true` in program.yaml allows every file; the types published without it are: png, jpg, jpeg, gif, webp, avif, ico, bmp, mp3, ogg, oga, opus, wav, flac, m4a, aac, mp4, m4v, webm, ogv, mov, woff, woff2, ttf, otf, pdf, txt, csv, tsv, md, json
pair/static/feed.xml: warning: left out: in a program, static files are published only when they are of a type no browser runs script in (images, audio, video, fonts, PDF, plain text)
help: the program's `raw_html: true` in program.yaml allows every file; the types published without it are: png, jpg, jpeg, gif, webp, avif, ico, bmp, mp3, ogg, oga, opus, wav, flac, m4a, aac, mp4, m4v, webm, ogv, mov, woff, woff2, ttf, otf, pdf, txt, csv, tsv, md, json
pair/static/logo.svg: warning: left out: in a program, static files are published only when they are of a type no browser runs script in (images, audio, video, fonts, PDF, plain text)
help: the program's `raw_html: true` in program.yaml allows every file; the types published without it are: png, jpg, jpeg, gif, webp, avif, ico, bmp, mp3, ogg, oga, opus, wav, flac, m4a, aac, mp4, m4v, webm, ogv, mov, woff, woff2, ttf, otf, pdf, txt, csv, tsv, md, json
pair/static/page.HTML: warning: left out: in a program, static files are published only when they are of a type no browser runs script in (images, audio, video, fonts, PDF, plain text)
help: the program's `raw_html: true` in program.yaml allows every file; the types published without it are: png, jpg, jpeg, gif, webp, avif, ico, bmp, mp3, ogg, oga, opus, wav, flac, m4a, aac, mp4, m4v, webm, ogv, mov, woff, woff2, ttf, otf, pdf, txt, csv, tsv, md, json
pair/static/page.htm: warning: left out: in a program, static files are published only when they are of a type no browser runs script in (images, audio, video, fonts, PDF, plain text)
help: the program's `raw_html: true` in program.yaml allows every file; the types published without it are: png, jpg, jpeg, gif, webp, avif, ico, bmp, mp3, ogg, oga, opus, wav, flac, m4a, aac, mp4, m4v, webm, ogv, mov, woff, woff2, ttf, otf, pdf, txt, csv, tsv, md, json
pair/static/page.html: warning: left out: in a program, static files are published only when they are of a type no browser runs script in (images, audio, video, fonts, PDF, plain text)
help: the program's `raw_html: true` in program.yaml allows every file; the types published without it are: png, jpg, jpeg, gif, webp, avif, ico, bmp, mp3, ogg, oga, opus, wav, flac, m4a, aac, mp4, m4v, webm, ogv, mov, woff, woff2, ttf, otf, pdf, txt, csv, tsv, md, json
pair/static/page.shtml: warning: left out: in a program, static files are published only when they are of a type no browser runs script in (images, audio, video, fonts, PDF, plain text)
help: the program's `raw_html: true` in program.yaml allows every file; the types published without it are: png, jpg, jpeg, gif, webp, avif, ico, bmp, mp3, ogg, oga, opus, wav, flac, m4a, aac, mp4, m4v, webm, ogv, mov, woff, woff2, ttf, otf, pdf, txt, csv, tsv, md, json
pair/static/page.xht: warning: left out: in a program, static files are published only when they are of a type no browser runs script in (images, audio, video, fonts, PDF, plain text)
help: the program's `raw_html: true` in program.yaml allows every file; the types published without it are: png, jpg, jpeg, gif, webp, avif, ico, bmp, mp3, ogg, oga, opus, wav, flac, m4a, aac, mp4, m4v, webm, ogv, mov, woff, woff2, ttf, otf, pdf, txt, csv, tsv, md, json
pair/static/page.xhtml: warning: left out: in a program, static files are published only when they are of a type no browser runs script in (images, audio, video, fonts, PDF, plain text)
help: the program's `raw_html: true` in program.yaml allows every file; the types published without it are: png, jpg, jpeg, gif, webp, avif, ico, bmp, mp3, ogg, oga, opus, wav, flac, m4a, aac, mp4, m4v, webm, ogv, mov, woff, woff2, ttf, otf, pdf, txt, csv, tsv, md, json
pair/static/style.css: warning: left out: in a program, static files are published only when they are of a type no browser runs script in (images, audio, video, fonts, PDF, plain text)
help: the program's `raw_html: true` in program.yaml allows every file; the types published without it are: png, jpg, jpeg, gif, webp, avif, ico, bmp, mp3, ogg, oga, opus, wav, flac, m4a, aac, mp4, m4v, webm, ogv, mov, woff, woff2, ttf, otf, pdf, txt, csv, tsv, md, json
pair/static/style.xsl: warning: left out: in a program, static files are published only when they are of a type no browser runs script in (images, audio, video, fonts, PDF, plain text)
help: the program's `raw_html: true` in program.yaml allows every file; the types published without it are: png, jpg, jpeg, gif, webp, avif, ico, bmp, mp3, ogg, oga, opus, wav, flac, m4a, aac, mp4, m4v, webm, ogv, mov, woff, woff2, ttf, otf, pdf, txt, csv, tsv, md, json
pair/static/swf.swf: warning: left out: in a program, static files are published only when they are of a type no browser runs script in (images, audio, video, fonts, PDF, plain text)
help: the program's `raw_html: true` in program.yaml allows every file; the types published without it are: png, jpg, jpeg, gif, webp, avif, ico, bmp, mp3, ogg, oga, opus, wav, flac, m4a, aac, mp4, m4v, webm, ogv, mov, woff, woff2, ttf, otf, pdf, txt, csv, tsv, md, json
pair/static/x.svgz: warning: left out: in a program, static files are published only when they are of a type no browser runs script in (images, audio, video, fonts, PDF, plain text)
help: the program's `raw_html: true` in program.yaml allows every file; the types published without it are: png, jpg, jpeg, gif, webp, avif, ico, bmp, mp3, ogg, oga, opus, wav, flac, m4a, aac, mp4, m4v, webm, ogv, mov, woff, woff2, ttf, otf, pdf, txt, csv, tsv, md, json
program.yaml: warning: feed.xml links are relative and there is no sitemap, because the site's address is unknown
help: feed readers need absolute links: set `base_url:` in program.yaml, or pass --base-url

"#]]).run();
    let public = done.path().join("public/pair/static");
    for name in left_out {
        assert!(!public.join(name).exists(), "{name} published");
    }
    for name in published {
        assert!(public.join(name).is_file(), "{name} not published");
    }
    // With `raw_html: true`, the program allows every type.
    std::fs::write(done.path().join("program.yaml"), "title: C\nlead: L\nraw_html: true\n").unwrap();
    let run = mentorlog(done.path(), ["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(public.join("page.xhtml").is_file());
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
    one_note()
        .setup(|dir| {
            std::fs::write(
                dir.join("sessions").join(bad(b"2026-01-09-", b".md")),
                "---\ndate: 2026-01-09\n---\nB.\n",
            )
            .unwrap();
        })
        .status(1)
        .stderr(str![[r#"
sessions/2026-01-09-��.md: error: this note's file name is not valid UTF-8 text, so it cannot be published
help: rename it (the `�` marks the bytes that are not UTF-8); page addresses and links are made from names
1 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
    // A folder of notes.
    one_note()
        .setup(|dir| {
            let folder = dir.join("sessions").join(bad(b"2025-", b""));
            std::fs::create_dir(&folder).unwrap();
            std::fs::write(folder.join("2025-01-01-x.md"), "---\ndate: 2025-01-01\n---\nX.\n").unwrap();
        })
        .status(1)
        .stderr(str![[r#"
sessions/2025-��: error: this folder's name is not valid UTF-8 text, so the notes in it cannot be published
help: rename it (the `�` marks the bytes that are not UTF-8); page addresses and links are made from names
1 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
    // A static file and a static folder: left out with a warning; the build goes on.
    let done = one_note()
        .file("static/ok.txt", "ok")
        .setup(|dir| {
            std::fs::write(dir.join("static").join(bad(b"photo-", b".png")), "png").unwrap();
            std::fs::create_dir(dir.join("static").join(bad(b"dir-", b""))).unwrap();
            // A file in sessions/ that is not a note is not read anyway: no word about it.
            std::fs::write(dir.join("sessions").join(bad(b"scan-", b".pdf")), "pdf").unwrap();
        })
        .stderr(str![[r#"
static/dir-��: warning: left out: this folder's name is not valid UTF-8 text, so its files cannot be published
help: rename it (the `�` marks the bytes that are not UTF-8); page addresses and links are made from names
static/photo-��.png: warning: left out: this file's name is not valid UTF-8 text, so it cannot be published
help: rename it (the `�` marks the bytes that are not UTF-8); page addresses and links are made from names
1 session(s) checked: 0 error(s), 2 warning(s), 0 note(s)

"#]])
        .run();
    let run = mentorlog(done.path(), ["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(done.path().join("public/static/ok.txt").is_file());
}

#[test]
fn t14_paths_a_stray_site_marker_in_sessions_is_named() {
    // The folders are still skipped: one session checked, and the build says so too.
    Test::case("t14-paths/stray-site-markers").stderr(str![[r#"
sessions/2024/deep: warning: left out: this folder holds a `.mentorlog-site` file, which marks a site built by mentorlog, so nothing in it is read
help: if the folder holds your own files, delete its `.mentorlog-site` file (a copied site's marker)
sessions/2025: warning: left out: this folder holds a `.mentorlog-site` file, which marks a site built by mentorlog, so nothing in it is read
help: if the folder holds your own files, delete its `.mentorlog-site` file (a copied site's marker)
static/old-site: warning: left out: this folder holds a `.mentorlog-site` file, which marks a site built by mentorlog, so nothing in it is read
help: if the folder holds your own files, delete its `.mentorlog-site` file (a copied site's marker)
1 session(s) checked: 0 error(s), 3 warning(s), 0 note(s)

"#]]).run();
    Test::case("t14-paths/stray-site-markers")
        .args(["build"])
        .stderr(str![[r#"
journal.yaml: warning: feed.xml links are relative and there is no sitemap, because the site's address is unknown
help: feed readers need absolute links: set `base_url:` in journal.yaml, or pass --base-url
sessions/2024/deep: warning: left out: this folder holds a `.mentorlog-site` file, which marks a site built by mentorlog, so nothing in it is read
help: if the folder holds your own files, delete its `.mentorlog-site` file (a copied site's marker)
sessions/2025: warning: left out: this folder holds a `.mentorlog-site` file, which marks a site built by mentorlog, so nothing in it is read
help: if the folder holds your own files, delete its `.mentorlog-site` file (a copied site's marker)
static/old-site: warning: left out: this folder holds a `.mentorlog-site` file, which marks a site built by mentorlog, so nothing in it is read
help: if the folder holds your own files, delete its `.mentorlog-site` file (a copied site's marker)

"#]])
        .run();
}
