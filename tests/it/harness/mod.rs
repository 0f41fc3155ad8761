//! Shared helpers: build a journal into an in-memory `Site` on the tests' fixed build
//! date, write small fixture journals into temporary folders, read pages with `scraper`,
//! and run the `mentorlog` binary with `SOURCE_DATE_EPOCH` set.

mod test;

pub(crate) use test::{Test, exactly};

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use chrono::NaiveDate;
use mentorlog::BuildOptions;
use mentorlog::clock::BuildDate;
use mentorlog::diag::{Diagnostics, Severity};
use mentorlog::project::{Build, Project};
use mentorlog::site::Site;
use scraper::{ElementRef, Html, Selector};

/// `SOURCE_DATE_EPOCH` for CLI runs: 2026-11-25 (UTC).
pub(crate) const EPOCH: &str = "1795649400";

/// The build date of in-library builds: the same day as `EPOCH`.
pub(crate) fn build_date() -> BuildDate {
    BuildDate(NaiveDate::from_ymd_opt(2026, 11, 25).expect("a valid date"))
}

/// The demo journal shipped with the project.
pub(crate) fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("example-journal")
}

/// The three canaries of the example journal that must never reach a public build.
pub(crate) const REORG_CANARY: &str = "Canary: the reorg rumour about Priya";
pub(crate) const SALARY_CANARY: &str = "Canary: salary band figures";
pub(crate) const DRAFT_CANARY: &str = "Canary: draft thoughts";

/// A minimal valid `journal.yaml` for fixtures.
pub(crate) const JOURNAL_YAML: &str = "title: Test journal\nmentor: Dana Levi\nmentee: Sam Ortiz\n";

/// A first session that declares a career goal with steps and two commitments (one due
/// 2026-10-15, overdue on the tests' build date; one due 2026-12-20).
pub(crate) const INTRO_NOTE: &str = "---
date: 2026-10-01
title: Intro
goals:
  - id: group-lead
    title: Become a group lead
    horizon: career
    progress: 10
    steps: [Run the planning review, Coach a junior PM]
commitments:
  - id: send-template
    who: mentor
    what: Send the roadmap template
    due: 2026-10-15
  - id: book-room
    who: mentee
    what: Book a room for the offsite
    due: 2026-12-20
---
Hello.
";

/// The outcome of an in-library build: every file by site path, and the diagnostics.
pub(crate) struct Built {
    pub(crate) files: BTreeMap<String, Vec<u8>>,
    pub(crate) diags: Diagnostics,
}

impl Built {
    /// True when the site has a file at `path`.
    pub(crate) fn has(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// The text of the file at `path`; panics (listing the site) when it is missing.
    pub(crate) fn text(&self, path: &str) -> &str {
        let bytes = self.files.get(path).unwrap_or_else(|| {
            panic!(
                "no `{path}` in the site; it has: {:?}",
                self.files.keys().collect::<Vec<_>>()
            )
        });
        std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("`{path}` is not UTF-8: {e}"))
    }

    /// The page at `path`, parsed.
    pub(crate) fn page(&self, path: &str) -> Html {
        Html::parse_document(self.text(path))
    }

    /// The diagnostics as the command line would print them.
    pub(crate) fn rendered_diags(&self) -> String {
        render_diags(&self.diags)
    }

    /// How many diagnostics of `severity` were reported.
    pub(crate) fn count(&self, severity: Severity) -> usize {
        self.diags.count(severity)
    }
}

fn render_diags(diags: &Diagnostics) -> String {
    diags.sorted().iter().map(|d| d.render(Path::new("/"))).collect()
}

/// Builds the journal at `dir`; returns the library's result and what was produced.
pub(crate) fn try_build(dir: &Path, options: &BuildOptions) -> (Result<usize, mentorlog::error::Error>, Built) {
    let site = Site::new();
    let mut diags = Diagnostics::new();
    let build = Build::new(options.clone(), build_date());
    let result = Project::Journal(dir.to_path_buf())
        .build(&build, &site, &mut diags)
        .map(|report| report.files);
    let files = site
        .into_files()
        .into_iter()
        .map(|(p, b)| (p.as_str().to_string(), b))
        .collect();
    (result, Built { files, diags })
}

/// Builds the journal at `dir`, which must succeed.
pub(crate) fn build(dir: &Path, options: &BuildOptions) -> Built {
    let (result, built) = try_build(dir, options);
    if let Err(e) = result {
        panic!("building {} failed: {e}\n{}", dir.display(), built.rendered_diags());
    }
    built
}

/// The example journal built with default options (public, no drafts), shared by tests.
pub(crate) fn example() -> &'static Built {
    static EXAMPLE: OnceLock<Built> = OnceLock::new();
    EXAMPLE.get_or_init(|| build(&example_dir(), &BuildOptions::default()))
}

/// A throwaway journal in a temporary folder.
pub(crate) struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    /// A journal with `files` (journal-relative path, text); `journal.yaml` is the minimal
    /// one unless `files` has its own.
    pub(crate) fn new(files: &[(&str, &str)]) -> Fixture {
        let fixture = Fixture {
            dir: tempfile::tempdir().expect("a temporary folder"),
        };
        if !files.iter().any(|(p, _)| *p == "journal.yaml") {
            fixture.write("journal.yaml", JOURNAL_YAML);
        }
        for (path, text) in files {
            fixture.write(path, text);
        }
        fixture
    }

    /// The journal folder.
    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes (or replaces) one file, creating its folders.
    pub(crate) fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        write_file(&self.dir.path().join(rel), text.as_ref());
    }

    /// Builds it with default options; must succeed.
    pub(crate) fn build(&self) -> Built {
        build(self.path(), &BuildOptions::default())
    }
}

/// Writes a file, creating its folders.
pub(crate) fn write_file(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folders");
    }
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

/// Copies the example journal's sources (not a previous build) into `dest`.
pub(crate) fn copy_example(dest: &Path) {
    copy_dir(&example_dir(), dest, &["public"]);
}

/// Copies the folder `from` into `to` (created), leaving out the entries of `from` named
/// in `skip`. Folders are copied entry by entry; anything else (a link too) is copied with
/// `std::fs::copy`, which reads through a link.
pub(crate) fn copy_dir(from: &Path, to: &Path, skip: &[&str]) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in walk(from, usize::MAX) {
        let rel = entry.path.strip_prefix(from).expect("inside the folder");
        let top = rel.components().next().expect("a name").as_os_str();
        if skip.iter().any(|s| OsStr::new(s) == top) {
            continue;
        }
        let target = to.join(rel);
        if entry.kind == Kind::Dir {
            std::fs::create_dir_all(&target).expect("create folder");
        } else {
            std::fs::copy(&entry.path, &target).expect("copy file");
        }
    }
}

/// What `walk` found at a path; links are never followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A folder (not a link to one).
    Dir,
    /// Anything else that is not a link: a file (or a special file).
    File,
    /// A symbolic link, whatever it points to, or if it points nowhere.
    Link,
}

/// One entry under the folder `walk` was given.
#[derive(Debug)]
pub(crate) struct Entry {
    /// Its path below the folder, `/`-separated, lossy where a name is not UTF-8.
    pub(crate) rel: String,
    /// Its full path.
    pub(crate) path: PathBuf,
    pub(crate) kind: Kind,
}

/// The tests' one folder walker: every entry under `root` (not `root` itself) down to
/// `depth` levels (1: the folder's own entries; `usize::MAX`: all), sorted by relative
/// path, so a folder comes before what it holds. Folders are entered; links are never
/// followed (a link to a folder is an entry, not a folder). Nothing is read.
pub(crate) fn walk(root: &Path, depth: usize) -> Vec<Entry> {
    fn visit(dir: &Path, prefix: &str, depth: usize, out: &mut Vec<Entry>) {
        for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display())) {
            let entry = entry.expect("entry");
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}/{name}")
            };
            // `DirEntry::file_type` does not follow links.
            let kind = entry.file_type().expect("file type");
            let kind = if kind.is_symlink() {
                Kind::Link
            } else if kind.is_dir() {
                Kind::Dir
            } else {
                Kind::File
            };
            let path = entry.path();
            if kind == Kind::Dir && depth > 1 {
                visit(&path, &rel, depth - 1, out);
            }
            out.push(Entry { rel, path, kind });
        }
    }
    let mut out = Vec::new();
    if depth > 0 {
        visit(root, "", depth, &mut out);
    }
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    out
}

/// Every file under `root`, by `/`-separated relative path, with its bytes. The trees it
/// reads (sites, journals) hold no links; one found is a failure, not followed.
pub(crate) fn read_tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walk(root, usize::MAX)
        .into_iter()
        .filter_map(|entry| match entry.kind {
            Kind::Dir => None,
            Kind::File => {
                let bytes = std::fs::read(&entry.path).unwrap_or_else(|e| panic!("read {}: {e}", entry.path.display()));
                Some((entry.rel, bytes))
            }
            Kind::Link => panic!(
                "{} is a link: read_tree does not follow links (use snapshot)",
                entry.path.display()
            ),
        })
        .collect()
}

/// One entry of a folder, as `snapshot` records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    /// A folder.
    Dir,
    /// A file, with its bytes.
    File(Vec<u8>),
    /// A symbolic link, with where it points (never followed).
    Link(PathBuf),
}

/// Everything under `root`, without following links: each folder, file (with its bytes)
/// and link (with its target), by `/`-separated relative path. Two equal snapshots mean
/// nothing was created, changed or removed, empty folders included.
pub(crate) fn snapshot(root: &Path) -> BTreeMap<String, Node> {
    walk(root, usize::MAX)
        .into_iter()
        .map(|entry| {
            let node = match entry.kind {
                Kind::Dir => Node::Dir,
                Kind::File => Node::File(std::fs::read(&entry.path).expect("read file")),
                Kind::Link => Node::Link(std::fs::read_link(&entry.path).expect("link")),
            };
            (entry.rel, node)
        })
        .collect()
}

/// True for the site path of an HTML page.
pub(crate) fn is_page(path: &str) -> bool {
    Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html"))
}

/// Names in a folder, sorted.
pub(crate) fn list_dir(dir: &Path) -> Vec<String> {
    walk(dir, 1).into_iter().map(|entry| entry.rel).collect()
}

/// A CSS selector; panics on a typo in the test.
pub(crate) fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector `{css}`: {e:?}"))
}

/// Every element under `scope` matching `css`, in document order.
pub(crate) fn all<'a>(scope: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    scope.select(&sel(css)).collect()
}

/// The first element under `scope` matching `css`; panics when there is none.
pub(crate) fn one<'a>(scope: ElementRef<'a>, css: &str) -> ElementRef<'a> {
    scope
        .select(&sel(css))
        .next()
        .unwrap_or_else(|| panic!("nothing matches `{css}` in:\n{}", scope.html()))
}

/// An element's text with whitespace runs collapsed to one space, trimmed.
pub(crate) fn text(el: ElementRef<'_>) -> String {
    el.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `<dd>` text that follows the `<dt>` reading `label` under `scope`.
pub(crate) fn fact(scope: ElementRef<'_>, label: &str) -> String {
    let dt = all(scope, "dt").into_iter().find(|dt| text(*dt) == label);
    let dt = dt.unwrap_or_else(|| panic!("no `{label}` fact in:\n{}", scope.html()));
    next_element(dt).map(text).unwrap_or_default()
}

/// The next sibling that is an element.
pub(crate) fn next_element(el: ElementRef<'_>) -> Option<ElementRef<'_>> {
    el.next_siblings().find_map(ElementRef::wrap)
}

/// What a run of the binary printed, and how it ended.
pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit code {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs `mentorlog ARGS` in `cwd` on the tests' build date. A panic is always a failure.
pub(crate) fn mentorlog<I, S>(cwd: &Path, args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    mentorlog_env(cwd, args, &[("SOURCE_DATE_EPOCH", EPOCH)])
}

/// Runs `mentorlog build JOURNAL -o OUT EXTRA…` in `cwd` on the tests' build date.
pub(crate) fn build_cli(cwd: &Path, journal: &Path, out: &str, extra: &[&str]) -> Run {
    let mut args: Vec<&OsStr> = vec![
        OsStr::new("build"),
        journal.as_os_str(),
        OsStr::new("-o"),
        OsStr::new(out),
    ];
    args.extend(extra.iter().map(OsStr::new));
    mentorlog(cwd, args)
}

/// Runs `mentorlog ARGS` in `cwd` with `env` set. A panic is always a failure.
pub(crate) fn mentorlog_env<I, S>(cwd: &Path, args: I, env: &[(&str, &str)]) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new(env!("CARGO_BIN_EXE_mentorlog"));
    command
        .args(args)
        .current_dir(cwd)
        .env_remove("RUST_BACKTRACE")
        .env_remove("SOURCE_DATE_EPOCH");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().expect("run mentorlog");
    let run = Run {
        code: output.status.code().expect("mentorlog ended by a signal"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "mentorlog panicked:\n{run}");
    run
}

/// Decodes `%XX` escapes of a URL path (the site percent-encodes non-ASCII path parts).
pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push(u8::try_from(h * 16 + l).expect("a byte"));
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|e| panic!("`{text}` does not decode to UTF-8: {e}"))
}

/// Joins a relative URL path to the folder of the site file `from`, lexically; `None` when
/// it climbs out of the site.
pub(crate) fn resolve_path(from: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in path.split('/') {
        match part {
            "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// The site file (and fragment) a relative `href` on the page `from` points at.
pub(crate) fn resolve_href(from: &str, href: &str) -> (String, Option<String>) {
    assert!(
        !href.starts_with('/') && !href.contains("://"),
        "`{href}` on `{from}` is not relative"
    );
    let (path, fragment) = href
        .split_once('#')
        .map_or((href, None), |(p, f)| (p, Some(percent_decode(f))));
    let target = if path.is_empty() {
        from.to_string()
    } else {
        resolve_path(from, &percent_decode(path)).unwrap_or_else(|| panic!("`{href}` climbs out of the site"))
    };
    (target, fragment)
}
