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
//! - cost (issue 16, `t16_…`): raw HTML nested deeper than 256 elements is an error at the
//!   first tag too deep (a parse of it grows with the square of the depth); long lists are
//!   not refused: a session's card lists a dozen of each, a help names 50 steps.

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::process::Command;

use mentorlog::BuildOptions;

use crate::harness::{EPOCH, Fixture, Run, build, mentorlog, one, text, try_build};

mod encodings;
mod file_names;
mod file_shapes;
mod fuzz_reproducers;
mod ids_and_history;
mod journal_yaml;
mod links_and_permissions;
mod long_names;
mod merge_conflicts;
mod scale;
mod t14_adv_files;
mod t14_adv_front;
mod t14_adv_private;
mod t14_front;
mod t14_markers;
mod t14_names;
mod t14_pages;
mod t14_paths;
mod t14_serve;
mod t16_growth;
mod t17_files_and_links;
mod terminal;
mod tool_leftovers;
mod wrong_types;
mod yaml;

pub(super) const A: &str = "sessions/2026-01-08-a.md";

/// Runs `mentorlog check` in `dir` with its address space limited to `mib` MiB, so a run
/// that tries to fill memory fails instead of slowing the machine down.
pub(super) fn check_with_memory_limit(dir: &Path, mib: u64) -> Run {
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

/// `dir` and everything under it, links not followed (a link is listed, not entered).
pub(super) fn walkdir_all(dir: &Path) -> Vec<std::path::PathBuf> {
    let entries = crate::harness::walk(dir, usize::MAX)
        .into_iter()
        .map(|entry| entry.path);
    std::iter::once(dir.to_path_buf()).chain(entries).collect()
}

/// A folder holding a journal `journal/` (example-like fixture) and a foreign non-empty
/// folder `victim/`, with cwd = the journal.
pub(super) fn output_playground() -> (tempfile::TempDir, std::path::PathBuf) {
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

pub(super) const JOURNAL_YAML_T14: &str = "title: T\nmentor: Dana Levi\nmentee: Sam Ortiz\n";

/// A program in `dir` with one journal `pair/`.
pub(super) fn t14_program(dir: &Path, yaml: &str) {
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

/// A journal with a private note `2026-01-08-frank-talk`, a draft `2026-01-09-drafty`, and
/// `sessions/2026-01-15-b.md` holding `body`; built public (no drafts).
pub(super) fn t14_links_build(body: &str, yaml: &str) -> T14Page {
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
pub(super) struct T14Page {
    title: String,
    note: String,
    html: String,
    /// The page's bytes as written.
    raw: String,
}

pub(super) const T14_YAML: &str = "title: T\nmentor: A\nmentee: B\n";

/// The canary every note of this section hides: it must reach no file of a built site.
pub(super) const T14_CANARY: &str = "Canary t14 front";

/// Asserts that no file of the site built from `dir` holds the canary, whether or not the
/// build succeeded.
pub(super) fn t14_nothing_published(dir: &Path) {
    let (_, built) = try_build(dir, &BuildOptions::default());
    for (path, bytes) in &built.files {
        assert!(
            !String::from_utf8_lossy(bytes).contains(T14_CANARY),
            "{path} publishes the canary"
        );
    }
}

pub(super) const T14_FM: &str = "---\ndate: 2026-01-08\nprivate: true\ntitle: {C}\n---\n{C} body\n";

/// A journal `journal/` and a folder `docs/` of real documents beside it, cwd = journal.
pub(super) fn docs_playground() -> (tempfile::TempDir, std::path::PathBuf) {
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
pub(super) fn real_marker(journal: &Path) -> Vec<u8> {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let run = mentorlog(journal, ["build", ".", "-o", site.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{run}");
    std::fs::read(site.join(".mentorlog-site")).unwrap()
}

/// A private note, `2026-01-08-frank-talk`, beside the note `A` that tries to name it.
pub(super) const FRANK: &str = "sessions/2026-01-08-frank-talk.md";

pub(super) const FRANK_NOTE: &str = "---\ndate: 2026-01-08\ntitle: Secret title\nprivate: true\n---\nSecret body.\n";

/// Every output path and file (any case) holding `needle`.
pub(super) fn holding(built: &crate::harness::Built, needle: &str) -> Vec<String> {
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
pub(super) fn note_attributes(built: &crate::harness::Built, page: &str) -> Vec<String> {
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
