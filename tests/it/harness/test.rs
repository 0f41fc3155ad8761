//! One way to state what a command does with a journal, in the style of just's `Test`:
//! the journal (a catalogue folder, files written by the test, or both), the arguments,
//! then the exit code and the **whole** stderr the user sees, compared exactly (help lines
//! and summary included). A test reads as the specification of one case.
//!
//! Catalogue cases live in `tests/catalogue/<area>/<case>/`: the journal's files as a user
//! would have them. A case without `journal.yaml` gets the minimal one. Inputs git cannot
//! hold (names that are not UTF-8, unreadable files, links) are made by the test with
//! `.file(…)` or `.setup(…)`.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

use snapbox::IntoData;

use super::{JOURNAL_YAML, Run, copy_dir, mentorlog, write_file};

/// Where the catalogue's journals are.
fn catalogue() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/catalogue")
}

/// A run of `mentorlog` to set up, run and check. Without `.args(…)` it runs `check`;
/// without `.status(…)` it expects exit code 0.
#[must_use = "a Test does nothing until `.run()`"]
pub(crate) struct Test {
    dir: tempfile::TempDir,
    args: Vec<OsString>,
    status: i32,
    stderr: Option<snapbox::Data>,
    stdout: Option<snapbox::Data>,
}

/// What a finished `Test` leaves for further checks: the run and the journal folder.
pub(crate) struct Done {
    pub(crate) run: Run,
    dir: tempfile::TempDir,
}

impl Done {
    /// The journal folder (the run's working folder).
    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Test {
    /// An empty journal: just the minimal `journal.yaml`.
    pub(crate) fn new() -> Test {
        let dir = tempfile::tempdir().expect("a temporary folder");
        write_file(&dir.path().join("journal.yaml"), JOURNAL_YAML.as_bytes());
        Test {
            dir,
            args: vec!["check".into()],
            status: 0,
            stderr: None,
            stdout: None,
        }
    }

    /// The journal of catalogue case `case` (`<area>/<case>`), copied to a temporary
    /// folder so the run cannot change the repository.
    pub(crate) fn case(case: &str) -> Test {
        let from = catalogue().join(case);
        assert!(from.is_dir(), "no catalogue case {}", from.display());
        let test = Test::new();
        copy_dir(&from, test.dir.path(), &[]);
        test
    }

    /// Writes (or replaces) one file of the journal, creating its folders.
    pub(crate) fn file(self, rel: &str, bytes: impl AsRef<[u8]>) -> Test {
        write_file(&self.dir.path().join(rel), bytes.as_ref());
        self
    }

    /// Anything else the journal needs that a file cannot say (links, permissions, names
    /// that are not UTF-8), done in the journal folder.
    pub(crate) fn setup(self, f: impl FnOnce(&Path)) -> Test {
        f(self.dir.path());
        self
    }

    /// The command line after `mentorlog`.
    pub(crate) fn args<I, S>(mut self, args: I) -> Test
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.args = args.into_iter().map(|a| a.as_ref().to_owned()).collect();
        self
    }

    /// The exit code expected.
    pub(crate) fn status(mut self, code: i32) -> Test {
        self.status = code;
        self
    }

    /// The whole stderr expected, exactly; the journal folder's path reads `[ROOT]`.
    pub(crate) fn stderr(mut self, expected: impl IntoData) -> Test {
        self.stderr = Some(expected.into_data());
        self
    }

    /// The whole stdout expected, exactly; the journal folder's path reads `[ROOT]`.
    pub(crate) fn stdout(mut self, expected: impl IntoData) -> Test {
        self.stdout = Some(expected.into_data());
        self
    }

    /// Runs `mentorlog` in the journal folder and checks the exit code and the output
    /// stated; a panic is always a failure.
    pub(crate) fn run(self) -> Done {
        let mut run = mentorlog(self.dir.path(), &self.args);
        let root = self.dir.path().to_string_lossy().into_owned();
        run.stderr = run.stderr.replace(&root, "[ROOT]");
        run.stdout = run.stdout.replace(&root, "[ROOT]");
        if let Some(expected) = self.stderr {
            exactly(&run.stderr, expected);
        }
        if let Some(expected) = self.stdout {
            exactly(&run.stdout, expected);
        }
        assert_eq!(run.code, self.status, "exit code:\n{run}");
        Done { run, dir: self.dir }
    }

    /// The journal folder, for a run this builder cannot make (another user, a memory
    /// limit) or for a path to give as an argument.
    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Removes one file of the journal: the minimal `journal.yaml` of a case that is a
    /// program (its `program.yaml` and pair folders come from the catalogue).
    pub(crate) fn remove(self, rel: &str) -> Test {
        let path = self.dir.path().join(rel);
        std::fs::remove_file(&path).unwrap_or_else(|e| panic!("remove {}: {e}", path.display()));
        self
    }
}

/// Compares `actual` with the expected text: exactly, except that `[..]` in the expected
/// text stands for the rest of a line that cannot be known (a random temporary folder).
/// Backslashes are compared as they are (snapbox would turn them into `/` for Windows
/// paths; here they are escapes a user must see).
#[track_caller]
pub(crate) fn exactly(actual: &str, expected: impl IntoData) {
    snapbox::Assert::new()
        .action_env(snapbox::assert::DEFAULT_ACTION_ENV)
        .normalize_paths(false)
        .eq(actual, expected.into_data());
}
