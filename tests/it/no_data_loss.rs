//! No data loss, proven: every command leaves every file the pair wrote byte-identical
//! (only the files `init`/`new` announce are added, and only the output folder `build`
//! owns changes); a build that fails at any stage, or is killed half-way, leaves the
//! previous site exactly as it was; and no name in a journal can make a build write
//! outside its output folder.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use mentorlog::BuildOptions;

use crate::bad_inputs::{as_nobody, open_to_all};
use crate::harness::{
    EPOCH, Fixture, INTRO_NOTE, Run, build_cli, copy_example, list_dir, mentorlog, read_tree, try_build,
};

/// The files a command said it created (`created PATH` lines), as paths relative to `dir`.
fn announced(run: &Run, cwd: &Path, dir: &Path) -> BTreeSet<String> {
    run.stdout
        .lines()
        .filter_map(|l| l.strip_prefix("created "))
        .map(|shown| {
            let path = cwd.join(shown.trim());
            path.strip_prefix(dir)
                .unwrap_or_else(|_| panic!("{} is outside {}", path.display(), dir.display()))
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// Asserts every file of `before` is in `after` with the same bytes, and that the files
/// `after` adds are exactly `added` (paths under `owned/`, the output folder, excepted).
fn assert_only_added(
    before: &BTreeMap<String, Vec<u8>>,
    after: &BTreeMap<String, Vec<u8>>,
    added: &BTreeSet<String>,
    owned: Option<&str>,
) {
    let outside = |p: &String| owned.is_none_or(|o| !p.starts_with(&format!("{o}/")));
    for (path, bytes) in before.iter().filter(|(p, _)| outside(p)) {
        match after.get(path) {
            Some(now) => assert!(now == bytes, "`{path}` was changed"),
            None => panic!("`{path}` was deleted"),
        }
    }
    let new: BTreeSet<String> = after
        .keys()
        .filter(|p| outside(p) && !before.contains_key(*p))
        .cloned()
        .collect();
    assert_eq!(&new, added, "files created besides the announced ones");
}

/// A copy of the example journal, with files a pair might keep beside their notes.
fn example_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_example(dir.path());
    let extra: [(&str, &[u8]); 5] = [
        ("README.md", b"Our journal.\n"),
        (".gitignore", b"public/\n"),
        ("sessions/.2026-03-05-getting-to-know-each-other.md.swp", b"\0swap"),
        ("sessions/drafts/ideas.txt", b"not a note\n"),
        ("static/notes~", b"backup\n"),
    ];
    for (rel, bytes) in extra {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

#[test]
fn init_adds_only_what_it_announces() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "Mine.\n").unwrap();
    std::fs::write(dir.path().join(".gitignore"), "target/\n").unwrap();
    std::fs::create_dir(dir.path().join("sessions")).unwrap();
    std::fs::write(dir.path().join("sessions/old.txt"), "Older notes.\n").unwrap();
    let before = read_tree(dir.path());
    let run = mentorlog(dir.path(), ["init", "--mentor", "Dana", "--mentee", "Sam"]);
    assert_eq!(run.code, 0, "{run}");
    let added = announced(&run, dir.path(), dir.path());
    assert_eq!(added.len(), 2, "journal.yaml and the first note: {run}");
    assert_only_added(&before, &read_tree(dir.path()), &added, None);
    // A second init refuses, and changes nothing.
    let before = read_tree(dir.path());
    let run = mentorlog(dir.path(), ["init"]);
    assert_eq!(run.code, 1, "{run}");
    assert_only_added(&before, &read_tree(dir.path()), &BTreeSet::new(), None);
}

#[test]
fn new_adds_only_the_note_it_announces() {
    let dir = example_copy();
    let before = read_tree(dir.path());
    let run = mentorlog(dir.path(), ["new", "--title", "Next steps"]);
    assert_eq!(run.code, 0, "{run}");
    let added = announced(&run, dir.path(), dir.path());
    assert_eq!(added.len(), 1, "{run}");
    assert_only_added(&before, &read_tree(dir.path()), &added, None);
    // The same title again would overwrite: refused, nothing changes.
    let before = read_tree(dir.path());
    let run = mentorlog(dir.path(), ["new", "--title", "Next steps"]);
    assert_eq!(run.code, 1, "{run}");
    assert_only_added(&before, &read_tree(dir.path()), &BTreeSet::new(), None);
}

#[test]
fn check_changes_nothing_even_on_errors() {
    let dir = example_copy();
    std::fs::write(dir.path().join("sessions/2026-12-10-broken.md"), "---\ndate: [\n---\n").unwrap();
    let before = read_tree(dir.path());
    let run = mentorlog(dir.path(), ["check", "--strict"]);
    assert_eq!(run.code, 1, "{run}");
    assert_only_added(&before, &read_tree(dir.path()), &BTreeSet::new(), None);
}

#[test]
fn build_changes_only_its_output_folder() {
    let dir = example_copy();
    let before = read_tree(dir.path());
    let run = mentorlog(dir.path(), ["build"]);
    assert_eq!(run.code, 0, "{run}");
    let after = read_tree(dir.path());
    assert_only_added(&before, &after, &BTreeSet::new(), Some("public"));
    assert!(after.contains_key("public/index.html"));
    // And a second build, replacing the first, too.
    let run = mentorlog(dir.path(), ["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert_only_added(&before, &read_tree(dir.path()), &BTreeSet::new(), Some("public"));
}

/// A running `mentorlog serve`, killed when dropped.
struct Served(std::process::Child);

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn serve_changes_nothing() {
    let dir = example_copy();
    let before = read_tree(dir.path());
    let mut child = Command::new(env!("CARGO_BIN_EXE_mentorlog"))
        .args(["serve", ".", "--port", "0"])
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start serve");
    let stdout = child.stdout.take().expect("stdout");
    let served = Served(child);
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        // Read every line (so serve never blocks on a full pipe); send the one with the URL.
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.contains("http://127.0.0.1:") {
                let _ = tx.send(line);
            }
        }
    });
    let line = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("serve says where it listens");
    let port: u16 = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in `{line}`"));
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    stream
        .write_all(format!("GET / HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n").as_bytes())
        .unwrap();
    let mut reply = String::new();
    let _ = stream.read_to_string(&mut reply);
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    drop(served);
    assert_only_added(&before, &read_tree(dir.path()), &BTreeSet::new(), None);
}

/// A journal built once to `out` (next to it, not inside), returning the old site's files.
fn built_once(journal: &Path, out: &Path) -> BTreeMap<String, Vec<u8>> {
    let run = build_cli(journal, journal, out.to_str().unwrap(), &[]);
    assert_eq!(run.code, 0, "{run}");
    read_tree(out)
}

/// Asserts the site at `out` is exactly `old`, and nothing of a build was left beside it.
fn assert_old_site_kept(out: &Path, old: &BTreeMap<String, Vec<u8>>) {
    assert!(
        read_tree(out) == *old,
        "the previous site at {} was changed",
        out.display()
    );
    let leftovers: Vec<String> = list_dir(out.parent().unwrap())
        .into_iter()
        .filter(|n| n.contains(".mentorlog-"))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
}

#[test]
fn a_build_failing_on_input_or_a_template_keeps_the_old_site() {
    let dir = example_copy();
    let out_parent = tempfile::tempdir().unwrap();
    let out = out_parent.path().join("site");
    let old = built_once(dir.path(), &out);
    let journal = dir.path();
    // An input error.
    std::fs::write(journal.join("sessions/2026-12-10-broken.md"), "---\ndate: [\n---\n").unwrap();
    let run = build_cli(journal, journal, out.to_str().unwrap(), &[]);
    assert_eq!(run.code, 1, "{run}");
    assert_old_site_kept(&out, &old);
    std::fs::remove_file(journal.join("sessions/2026-12-10-broken.md")).unwrap();
    // A template that does not compile.
    std::fs::create_dir_all(journal.join("templates")).unwrap();
    std::fs::write(journal.join("templates/session.html"), "{% if %}broken{% endfor %}").unwrap();
    let run = build_cli(journal, journal, out.to_str().unwrap(), &[]);
    assert_eq!(run.code, 1, "{run}");
    assert_old_site_kept(&out, &old);
    // A template that compiles but fails while pages are being written.
    std::fs::write(journal.join("templates/session.html"), "{{ no_such_thing.at_all }}").unwrap();
    let run = build_cli(journal, journal, out.to_str().unwrap(), &[]);
    assert_eq!(run.code, 1, "{run}");
    assert_old_site_kept(&out, &old);
}

#[test]
fn a_build_failing_while_writing_keeps_the_old_site() {
    let dir = example_copy();
    let journal = dir.path();
    // A static file bigger than the file-size limit set below: writing it fails half-way
    // through the build, after many pages were written.
    std::fs::write(journal.join("static/big.bin"), vec![7u8; 4 * 1024 * 1024]).unwrap();
    let out_parent = tempfile::tempdir().unwrap();
    let out = out_parent.path().join("site");
    let old = built_once(journal, &out);
    std::fs::write(
        journal.join("sessions/2026-12-10-new.md"),
        "---\ndate: 2026-11-20\n---\nNew.\n",
    )
    .unwrap();
    // `trap ''` makes the failing write an error (EFBIG) instead of a killing signal.
    let output = Command::new("sh")
        .args([
            "-c",
            "trap '' XFSZ; ulimit -f 2048 && exec \"$0\" build \"$1\" -o \"$2\"",
        ])
        .arg(env!("CARGO_BIN_EXE_mentorlog"))
        .arg(journal)
        .arg(&out)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .expect("run mentorlog");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("cannot write") && stderr.contains("big.bin"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_old_site_kept(&out, &old);

    // The output's folder is read-only for the user building (root ignores permissions, so
    // the build runs as `nobody`).
    open_to_all(journal);
    open_to_all(out_parent.path());
    std::fs::set_permissions(out_parent.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let args: [&OsStr; 4] = ["build".as_ref(), journal.as_os_str(), "-o".as_ref(), out.as_os_str()];
    if let Some(run) = as_nobody(journal, &args) {
        assert_eq!(run.code, 1, "{run}");
        assert!(run.stderr.contains("Permission denied"), "{run}");
        assert_old_site_kept(&out, &old);
    }
    std::fs::set_permissions(out_parent.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// A journal of `n` sessions with goals, commitments and topics: big enough that building
/// it takes a while.
fn big_journal(n: u64) -> Fixture {
    let f = Fixture::new(&[(
        "sessions/2020-01-01-start.md",
        INTRO_NOTE.replace("2026-10-01", "2020-01-01").as_str(),
    )]);
    let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 2).unwrap();
    let body = "We went through the week, one real problem at a time. ".repeat(40);
    for i in 1..n {
        let date = start + chrono::Days::new(i);
        f.write(
            &format!("sessions/{:03}/{date}-session.md", i / 100),
            format!(
                "---\ndate: {date}\ntopics: [topic-{}]\ngoals:\n  - id: group-lead\n    progress: {}\n---\n# Session {i}\n\n{body}\n",
                i % 40,
                i % 101
            ),
        );
    }
    f
}

#[test]
fn a_build_killed_half_way_leaves_the_old_site_in_place() {
    let f = big_journal(1500);
    let out_parent = tempfile::tempdir().unwrap();
    let out = out_parent.path().join("site");
    let old = built_once(f.path(), &out);
    std::fs::write(
        f.path().join("sessions/2026-11-20-new.md"),
        "---\ndate: 2026-11-20\n---\nNew.\n",
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_mentorlog"))
        .arg("build")
        .arg(f.path())
        .arg("-o")
        .arg(&out)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start a build");
    let staging = out_parent.path().join(format!(".site.mentorlog-new-{}", child.id()));
    // Kill it once it has written some pages, but not all.
    let started = Instant::now();
    let mut caught = false;
    while started.elapsed() < Duration::from_secs(120) {
        let pages = std::fs::read_dir(staging.join("sessions")).map_or(0, std::iter::Iterator::count);
        if pages >= 3 {
            child.kill().expect("kill the build");
            caught = true;
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let _ = child.wait();
    assert!(caught, "the build ended before it could be killed half-way");
    assert!(read_tree(&out) == old, "the old site was changed by a killed build");
    assert!(
        staging.exists(),
        "the killed build's pages stay in its own staging folder"
    );
    // The next build replaces the old site as usual.
    let run = build_cli(f.path(), f.path(), out.to_str().unwrap(), &[]);
    assert_eq!(run.code, 0, "{run}");
    assert!(out.join("sessions/2026-11-20-new.html").exists());
}

#[test]
fn a_folder_of_someone_elses_files_is_never_used_as_output() {
    let dir = example_copy();
    let other = tempfile::tempdir().unwrap();
    std::fs::write(other.path().join("thesis.tex"), "My thesis.\n").unwrap();
    let before = read_tree(other.path());
    let run = build_cli(dir.path(), dir.path(), other.path().to_str().unwrap(), &[]);
    assert_eq!(run.code, 1, "{run}");
    assert!(read_tree(other.path()) == before);
    for inside in ["sessions", "static", "."] {
        let before = read_tree(dir.path());
        let run = build_cli(dir.path(), dir.path(), inside, &[]);
        assert_eq!(run.code, 1, "-o {inside}: {run}");
        assert!(read_tree(dir.path()) == before, "-o {inside} changed the journal");
    }
}

/// Every path of the site is relative, inside it, and made of plain parts.
fn assert_contained(paths: impl IntoIterator<Item = String>) {
    for path in paths {
        assert!(!path.starts_with('/') && !path.contains('\\'), "`{path}`");
        assert!(
            path.split('/')
                .all(|part| !part.is_empty() && part != "." && part != ".."),
            "`{path}`"
        );
    }
}

#[test]
fn names_from_a_journal_cannot_escape_the_output_folder() {
    let f = Fixture::new(&[
        (
            "sessions/a..b.md",
            "---\ndate: 2026-01-08\ntitle: ../../../etc/passwd\ntopics: [\"../../escape\", /etc/passwd, \"..\", \"C:\\\\Windows\", CON, a/b, \"~root\"]\n---\n[up](../../../../outside.md)\n",
        ),
        (
            "sessions/CON.md",
            "---\ndate: 2026-01-22\ntitle: /absolute/title\n---\nReserved on Windows.\n",
        ),
        (
            "sessions/nul/aux.md",
            "---\ndate: 2026-02-05\n---\nReserved names as folders.\n",
        ),
        (
            "sessions/ .. /x.md",
            "---\ndate: 2026-02-19\n---\nDots and spaces as a folder name.\n",
        ),
        ("static/..odd", "a hidden-looking name"),
        ("static/a..b.txt", "dots"),
        ("static/COM1.txt", "reserved"),
    ]);
    let (result, built) = try_build(f.path(), &BuildOptions::default());
    assert!(result.is_ok(), "{}", built.rendered_diags());
    assert_contained(built.files.keys().cloned());
    assert!(built.has("sessions/con.html") && built.has("sessions/nul/aux.html"));
    // On disk: everything under the output folder, nothing beside it.
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("site");
    let run = build_cli(f.path(), f.path(), out.to_str().unwrap(), &[]);
    assert_eq!(run.code, 0, "{run}");
    let written = read_tree(&out);
    assert_contained(written.keys().cloned());
    assert_eq!(list_dir(parent.path()), ["site"]);
    let expected: BTreeSet<&String> = built.files.keys().collect();
    let on_disk: BTreeSet<&String> = written.keys().filter(|p| !p.starts_with(".mentorlog")).collect();
    assert_eq!(on_disk, expected, "the disk holds exactly the site");
}

#[test]
fn ids_that_look_like_paths_are_refused_and_nothing_is_written() {
    let long = "x".repeat(300);
    let f = Fixture::new(&[(
        "sessions/2026-01-08-a.md",
        &format!(
            "---\ndate: 2026-01-08\ngoals:\n  - id: ../../escape\n    title: Up\n  - id: /etc/passwd\n    title: Root\n  - id: {long}\n    title: Long\n---\n"
        ),
    )]);
    let run = mentorlog(f.path(), ["build"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(!f.path().join("public").exists(), "nothing written");
    assert_eq!(
        list_dir(f.path()),
        ["journal.yaml", "sessions"],
        "journal.yaml and sessions/ only"
    );
}

mod output_paths {
    //! The property behind "nothing the user wrote is lost": whatever `-o` spelling a
    //! user types (`.`, `..`, `//`, trailing slashes, links, folders that do not exist),
    //! the build either refuses and changes nothing anywhere, or writes only to a place
    //! that was missing, empty or its own, and that is the place the system itself reads
    //! the spelling as.
    //!
    //! `cargo test` runs 256 cases; `PROPTEST_CASES=N cargo test --test it output_paths`
    //! runs N (the 5-minute run in issue 14 used this).

    use std::os::unix::fs::symlink;
    use std::path::{Path, PathBuf};

    use mentorlog::BuildOptions;
    use mentorlog::diag::Diagnostics;
    use mentorlog::layout::OUTPUT_MARKER;
    use mentorlog::project::{Build, Project};
    use mentorlog::write::{Source, Staging, check_output};
    use proptest::prelude::*;

    use crate::harness::{Node, build_date, snapshot, write_file};

    /// Parts a spelling is made of: the folders and links of `world`, places that do not
    /// exist, `.`, `..` and empty parts (`//`).
    const PARTS: &[&str] = &[
        ".",
        "..",
        "",
        "home",
        "j",
        "jl",
        "sessions",
        "static",
        "templates",
        "sub",
        "victim",
        "public",
        "empty",
        "free",
        "lnk",
        "up",
        "self",
        "sl",
        "dangling",
        "file.txt",
        "journal.yaml",
        "new",
        "missing",
    ];

    /// The folders a run may start in, relative to the world.
    const CWDS: &[&str] = &["", "home", "home/j", "home/j/sessions", "home/jl", "home/victim"];

    /// A journal `home/j` (notes, static, templates, its own marked `public/`, an empty
    /// folder, a file, links up, to itself, to its notes, to a foreign folder and to
    /// nowhere), a link `home/jl` to it, a foreign non-empty `home/victim` and an empty
    /// `home/free`.
    fn world(root: &Path) {
        for (rel, text) in [
            ("home/j/journal.yaml", "title: T\nmentor: A\nmentee: B\n"),
            ("home/j/sessions/2026-01-08-a.md", "---\ndate: 2026-01-08\n---\nA.\n"),
            (
                "home/j/sessions/sub/2026-01-09-b.md",
                "---\ndate: 2026-01-09\n---\nB.\n",
            ),
            ("home/j/static/s.txt", "static\n"),
            ("home/j/templates/extra.html", "extra\n"),
            ("home/j/public/index.html", "old site\n"),
            ("home/j/file.txt", "a file\n"),
            ("home/victim/thesis.tex", "My thesis.\n"),
        ] {
            write_file(&root.join(rel), text.as_bytes());
        }
        let marker = mentorlog::write::marker_text(&["index.html"]);
        write_file(&root.join("home/j/public").join(OUTPUT_MARKER), marker.as_bytes());
        for dir in ["home/j/empty", "home/free"] {
            std::fs::create_dir_all(root.join(dir)).unwrap();
        }
        for (target, link) in [
            ("../victim", "home/j/lnk"),
            ("..", "home/j/up"),
            (".", "home/j/self"),
            ("sessions", "home/j/sl"),
            ("nowhere-at-all", "home/j/dangling"),
            ("j", "home/jl"),
        ] {
            symlink(target, root.join(link)).unwrap();
        }
    }

    fn spelling() -> impl Strategy<Value = (usize, bool, Vec<usize>, bool, bool)> {
        (
            0..CWDS.len(),
            any::<bool>(),
            proptest::collection::vec(0..PARTS.len(), 1..8),
            any::<bool>(),
            any::<bool>(),
        )
    }

    /// The places no build may write into, whatever the spelling.
    fn refused(root: &Path, out: &Path) -> Option<&'static str> {
        let j = root.join("home/j");
        if j.starts_with(out) {
            return Some("the journal or a folder containing it");
        }
        for input in ["sessions", "static", "templates", "journal.yaml", "file.txt"] {
            if out.starts_with(j.join(input)) {
                return Some("an input of the journal, or a file");
            }
        }
        // `victim/new` and below would be fresh places; `victim` itself is foreign.
        (out == root.join("home/victim")).then_some("a foreign non-empty folder")
    }

    fn run_case(cwd_index: usize, absolute: bool, parts: &[usize], trailing: bool, via_link: bool) {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().canonicalize().unwrap();
        world(&root);
        let cwd = root.join(CWDS[cwd_index]);
        let cwd_shown = cwd.display();
        let mut text: String = parts.iter().map(|&i| PARTS[i]).collect::<Vec<_>>().join("/");
        if trailing {
            text.push('/');
        }
        if text.is_empty() {
            text.push('.');
        }
        let spelling = if absolute {
            PathBuf::from(format!("{}/{text}", root.display()))
        } else {
            PathBuf::from(&text)
        };
        let journal = root.join(if via_link { "home/jl" } else { "home/j" });
        let before = snapshot(&root);
        // What the system reads the spelling as, where it can read it at all.
        let os_before = std::fs::canonicalize(cwd.join(&spelling)).ok();
        let checked = check_output(&cwd, Source::Journal(&journal), &spelling);
        let Ok(out) = checked else {
            assert!(
                snapshot(&root) == before,
                "refusing `{text}` in {cwd_shown} changed files"
            );
            return;
        };
        let place = out.path().to_path_buf();
        let place_shown = place.display();
        if let Some(os) = &os_before {
            assert_eq!(
                os, &place,
                "`{text}` in {cwd_shown}: checked one place, the system reads another"
            );
        }
        if let Some(why) = refused(&root, &place) {
            panic!("`{text}` in {cwd_shown} was accepted as {place_shown}: {why}");
        }
        let rel = place.strip_prefix(&root).map(|p| p.to_string_lossy().into_owned());
        let was = rel.as_ref().ok().and_then(|r| before.get(r));
        let was_ours = match was {
            None => true,
            Some(Node::Dir) => {
                let r = rel.as_ref().unwrap();
                let inside: Vec<&String> = before.keys().filter(|k| k.starts_with(&format!("{r}/"))).collect();
                inside.is_empty() || before.contains_key(&format!("{r}/{OUTPUT_MARKER}"))
            }
            Some(_) => false,
        };
        assert!(
            was_ours,
            "`{text}` in {cwd_shown}: {place_shown} was neither missing, empty nor marked"
        );
        // The real build, through the real writer.
        let staging = Staging::new(&out).unwrap();
        let mut diags = Diagnostics::new();
        let settings = Build::new(BuildOptions::default(), build_date());
        let built = Project::Journal(journal.clone()).build(&settings, &staging, &mut diags);
        assert!(built.is_ok(), "{built:?}");
        assert_eq!(staging.publish().unwrap(), place);
        assert!(place.join("index.html").is_file());
        // Only the output (and folders created above it) changed.
        let after = snapshot(&root);
        let changed: Vec<&String> = before
            .keys()
            .chain(after.keys())
            .filter(|k| before.get(*k) != after.get(*k))
            .collect();
        for key in changed {
            let path = root.join(key);
            let fine = path.starts_with(&place)
                || (place.starts_with(&path) && !before.contains_key(key) && after.get(key) == Some(&Node::Dir));
            assert!(fine, "`{text}` in {cwd_shown} (→ {place_shown}) changed `{key}`");
        }
        if let Ok(os_after) = std::fs::canonicalize(cwd.join(&spelling)) {
            assert_eq!(
                os_after, place,
                "`{text}` in {cwd_shown}: wrote one place, the system reads another"
            );
        }
    }

    fn cases() -> u32 {
        std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(256)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(cases()))]

        #[test]
        fn no_spelling_of_the_output_writes_into_a_refused_place(
            (cwd, absolute, parts, trailing, via_link) in spelling()
        ) {
            run_case(cwd, absolute, &parts, trailing, via_link);
        }
    }

    #[test]
    fn the_issues_spellings_and_others() {
        // (cwd, spelling) from the world above, each refused or written where it should.
        let at = |p: &str| PARTS.iter().position(|x| *x == p).unwrap();
        for (cwd, spelling) in [
            (2, "public/../sessions"),
            (2, "new/../../victim"),
            (2, "missing/.."),
            (2, "up/j/sessions/../public"),
            (2, "lnk/../j/static"),
            (4, "missing/../sessions/sub/.."),
            (0, "home//jl/./self/sl/.."),
        ] {
            let parts: Vec<usize> = spelling.split('/').map(at).collect();
            run_case(cwd, false, &parts, false, false);
            run_case(cwd, false, &parts, true, true);
        }
    }
}

/// Unmounts a tmpfs when dropped, so a failing test leaves no mount behind.
struct Mounted(PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_swap_that_fails_removes_its_work_folder_and_says_why_in_words() {
    // An output folder that is a mount point cannot be renamed (EBUSY): the swap fails
    // after every page was written.
    let journal = example_copy();
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("mnt");
    std::fs::create_dir(&out).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "none"])
        .arg(&out)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: cannot mount a tmpfs here (not root, or no permission)");
        return;
    }
    let _guard = Mounted(out.clone());
    let run = build_cli(journal.path(), journal.path(), out.to_str().unwrap(), &[]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr.contains("cannot swap the new site in at") && run.stderr.contains("mount point"),
        "{run}"
    );
    assert!(!run.stderr.contains("os error"), "{run}");
    assert_eq!(list_dir(parent.path()), ["mnt"], "the work folder is removed");
    assert!(list_dir(&out).is_empty(), "the mounted folder is untouched");
}
