//! Watching the journal for changes: `journal.yaml`, and `sessions/`, `static/` and
//! `templates/` at any depth (notify), debounced here. A program's folder is watched for
//! `program.yaml` and the same inputs of each journal folder in it, including journal
//! folders that appear while it is served.
//!
//! An editor's save is often several events (a temporary file, a rename, a backup
//! removed). The first event that can change the site opens a batch; the batch closes when
//! no such event came for `DEBOUNCE`, so one save is one rebuild. When the last event is
//! a finished write (the file closed, or renamed into place) of a file the site is made
//! from, the save is over and `SETTLE` is quiet enough. Only writes, creations, removals
//! and renames count: a rebuild reads every note, and those reads are events too (the
//! reason the debouncing is here rather than in a debouncer crate that forgets what kind
//! each event was). Editors' scratch files (hidden names, `~` backups, swap files) are not
//! changes either. Must not read notes: it only says which paths changed.

use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::layout::{FOLDERS, JOURNAL_FILE, PROGRAM_FILE, SESSIONS, is_note_extension, is_scratch};
use crate::serve::ServeError;

/// How long the journal must be quiet before a batch of changes is rebuilt. Short enough
/// for the 100 ms budget from save to reload; long enough for an editor's
/// write-temp-then-rename to land in one batch.
pub(crate) const DEBOUNCE: Duration = Duration::from_millis(20);

/// How long the journal must be quiet after a finished write of a note, the config, a
/// static file or a template before the batch is rebuilt: that save is complete, and
/// other files written with it (an editor saving all) are given this long to follow.
pub(crate) const SETTLE: Duration = Duration::from_millis(5);

/// The longest a batch stays open while changes keep coming (a `git checkout`).
const LONGEST_BATCH: Duration = Duration::from_millis(500);

/// What the watcher tells the rebuild loop.
#[derive(Debug)]
pub(crate) enum Change {
    /// These paths changed (one debounced batch).
    Paths(Vec<PathBuf>),
    /// The operating system reported a problem with watching.
    Failed(String),
}

/// What is served from a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// A journal: `journal.yaml` and its folders.
    Journal,
    /// A program: `program.yaml`, and a journal in each sub-folder holding a `journal.yaml`.
    /// Journals the program lists from elsewhere are built but not watched.
    Program,
}

/// Which files and folders of a source folder are its input.
#[derive(Debug, Clone)]
pub(crate) struct Inputs {
    /// The source folder, absolute.
    pub(crate) root: PathBuf,
    /// What it holds.
    pub(crate) layout: Layout,
}

impl Inputs {
    /// True when a change at `path` can change the site.
    pub(crate) fn is_input(&self, path: &Path) -> bool {
        let Ok(rel) = path.strip_prefix(&self.root) else {
            return false;
        };
        let parts: Vec<&str> = rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(name) => Some(name.to_str().unwrap_or("\u{fffd}")),
                _ => None,
            })
            .collect();
        match (self.layout, parts.as_slice()) {
            (Layout::Journal, parts) => is_journal_input(parts),
            (Layout::Program, [PROGRAM_FILE]) => true,
            (Layout::Program, [folder, ..]) if is_scratch(folder) => false,
            // A folder that appeared or went: perhaps a journal.
            (Layout::Program, [folder]) => {
                let path = self.root.join(folder);
                path.is_dir() || !path.exists()
            }
            // `journal.yaml` makes a folder a journal; the rest counts once it is one.
            (Layout::Program, [folder, rest @ ..]) => {
                rest == [JOURNAL_FILE]
                    || (self.root.join(folder).join(JOURNAL_FILE).is_file() && is_journal_input(rest))
            }
            (Layout::Program, []) => false,
        }
    }

    /// The folders to watch now, and how: a journal's folders at any depth; in a program,
    /// each sub-folder itself too (to see a `journal.yaml` or a journal's folder appear).
    fn folders(&self) -> Vec<(PathBuf, RecursiveMode)> {
        let journal_folders = |journal: &Path| {
            FOLDERS
                .iter()
                .map(|name| journal.join(name))
                .filter(|folder| folder.is_dir())
                .map(|folder| (folder, RecursiveMode::Recursive))
                .collect::<Vec<_>>()
        };
        match self.layout {
            Layout::Journal => journal_folders(&self.root),
            Layout::Program => {
                let mut subfolders: Vec<PathBuf> = std::fs::read_dir(&self.root)
                    .map(|entries| {
                        entries
                            .filter_map(std::result::Result::ok)
                            .filter(|e| !is_scratch(&e.file_name().to_string_lossy()))
                            .map(|e| e.path())
                            .filter(|path| path.is_dir())
                            .collect()
                    })
                    .unwrap_or_default();
                subfolders.sort();
                let mut folders = Vec::new();
                for folder in subfolders {
                    if folder.join(JOURNAL_FILE).is_file() {
                        folders.extend(journal_folders(&folder));
                    }
                    folders.push((folder, RecursiveMode::NonRecursive));
                }
                folders
            }
        }
    }
}

/// True when the path (parts from the journal's folder) is one the journal is made from.
fn is_journal_input(parts: &[&str]) -> bool {
    match parts {
        [JOURNAL_FILE] => true,
        [folder, rest @ ..] if FOLDERS.contains(folder) => !rest.iter().any(|name| is_scratch(name)),
        _ => false,
    }
}

impl Inputs {
    /// True for a file the site is read from as it is: `journal.yaml`, a note (`.md`, `.markdown` …), a
    /// static file or a template; not an editor's temporary file next to a note.
    pub(crate) fn is_source_file(&self, path: &Path) -> bool {
        // A journal's `sessions/`, or one of a program's journals' `<journal>/sessions/`.
        let in_sessions = path.strip_prefix(&self.root).is_ok_and(|rel| {
            rel.parent()
                .is_some_and(|p| p.components().any(|c| c.as_os_str() == SESSIONS))
        });
        self.is_input(path)
            && (!in_sessions || path.extension().and_then(|e| e.to_str()).is_some_and(is_note_extension))
    }
}

/// True for events that can change a file's contents or the set of files; reads, opens
/// and metadata (permissions, access times) cannot.
fn can_change(kind: EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_)) => false,
        _ => true,
    }
}

/// A running watch. Dropping it stops watching.
pub(crate) struct Watch {
    watcher: RecommendedWatcher,
    inputs: Inputs,
    watched: Vec<(PathBuf, RecursiveMode)>,
}

impl Watch {
    /// Starts watching `inputs`; batches of changed input paths go to `changes`.
    pub(crate) fn start(inputs: Inputs, changes: Sender<Change>) -> Result<Watch, ServeError> {
        let (events_tx, events) = mpsc::channel();
        let watcher = notify::recommended_watcher(move |event| {
            // The batching thread has ended: nothing to tell.
            let _ = events_tx.send(event);
        })
        .map_err(|source| ServeError::Watch {
            path: inputs.root.clone(),
            source,
        })?;
        let filter = inputs.clone();
        std::thread::Builder::new()
            .name("mentorlog-watch".into())
            .spawn(move || batch_changes(&events, &filter, &changes))
            .map_err(|e| ServeError::Http(e.to_string()))?;
        let mut watch = Watch {
            watcher,
            inputs,
            watched: Vec::new(),
        };
        let root = watch.inputs.root.clone();
        watch
            .watcher
            .watch(&root, RecursiveMode::NonRecursive)
            .map_err(|source| ServeError::Watch { path: root, source })?;
        if let Some(problem) = watch.refresh(&[]).into_iter().next() {
            return Err(problem);
        }
        Ok(watch)
    }

    /// Watches input folders that appeared (or were replaced) since the last call, and stops
    /// watching those that went; `changed` is the batch just received. Returns what could
    /// not be watched.
    pub(crate) fn refresh(&mut self, changed: &[PathBuf]) -> Vec<ServeError> {
        let wanted = self.inputs.folders();
        let mut problems = Vec::new();
        let watcher = &mut self.watcher;
        self.watched.retain(|(folder, mode)| {
            // Removed or replaced, the old watch points at a folder that is gone; a folder
            // that became a journal is watched differently.
            let keep = wanted.contains(&(folder.clone(), *mode)) && !changed.contains(folder);
            if !keep {
                let _ = watcher.unwatch(folder);
            }
            keep
        });
        for (folder, mode) in wanted {
            if !self.watched.iter().any(|(w, _)| *w == folder) {
                match self.watcher.watch(&folder, mode) {
                    Ok(()) => self.watched.push((folder, mode)),
                    Err(source) => problems.push(ServeError::Watch { path: folder, source }),
                }
            }
        }
        problems
    }
}

/// Turns raw events into debounced batches of input paths, until the watcher is dropped.
fn batch_changes(events: &Receiver<notify::Result<Event>>, inputs: &Inputs, changes: &Sender<Change>) {
    let mut batch: Vec<PathBuf> = Vec::new();
    while let Ok(event) = events.recv() {
        let Some(quiet) = take(event, inputs, &mut batch, changes) else {
            continue;
        };
        let opened = Instant::now();
        let mut close_at = opened + quiet;
        while let Some(wait) = close_at
            .min(opened + LONGEST_BATCH)
            .checked_duration_since(Instant::now())
        {
            match events.recv_timeout(wait) {
                Ok(event) => {
                    if let Some(quiet) = take(event, inputs, &mut batch, changes) {
                        close_at = Instant::now() + quiet;
                    }
                }
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
            }
        }
        if changes.send(Change::Paths(std::mem::take(&mut batch))).is_err() {
            return;
        }
    }
}

/// Adds the input paths `event` changed to `batch`. `None` when there were none; else how
/// long the journal must then stay quiet for the batch to close.
fn take(
    event: notify::Result<Event>,
    inputs: &Inputs,
    batch: &mut Vec<PathBuf>,
    changes: &Sender<Change>,
) -> Option<Duration> {
    let event = match event {
        Ok(event) => event,
        Err(e) => {
            let _ = changes.send(Change::Failed(e.to_string()));
            return None;
        }
    };
    if event.need_rescan() {
        // Events were lost: rebuild, whatever changed.
        batch.push(inputs.root.clone());
        return Some(DEBOUNCE);
    }
    if !can_change(event.kind) {
        return None;
    }
    let before = batch.len();
    batch.extend(event.paths.into_iter().filter(|p| inputs.is_input(p)));
    let added = &batch[before..];
    if added.is_empty() {
        None
    } else if finishes_a_write(event.kind) && added.iter().all(|p| inputs.is_source_file(p)) {
        Some(SETTLE)
    } else {
        Some(DEBOUNCE)
    }
}

/// True for the last event of a save: the file was closed after writing, or renamed into
/// its place.
fn finishes_a_write(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
    )
}

#[cfg(test)]
mod tests {
    use notify::event::{CreateKind, DataChange, MetadataKind};

    use super::*;

    fn inputs() -> Inputs {
        Inputs {
            root: PathBuf::from("/j"),
            layout: Layout::Journal,
        }
    }

    #[test]
    fn notes_static_files_templates_and_the_config_are_inputs() {
        let inputs = inputs();
        for path in [
            "/j/journal.yaml",
            "/j/sessions/2026/a.md",
            "/j/sessions",
            "/j/static/chart.png",
            "/j/templates/session.html",
        ] {
            assert!(inputs.is_input(Path::new(path)), "{path}");
        }
        for path in [
            "/j/sessions/a.md",
            "/j/sessions/a.markdown",
            "/j/sessions/x/a.MKDN",
            "/j/static/x.txt",
        ] {
            assert!(inputs.is_source_file(Path::new(path)), "{path}");
        }
        assert!(!inputs.is_source_file(Path::new("/j/sessions/a.txt")));
    }

    #[test]
    fn output_scratch_files_and_other_folders_are_not() {
        let inputs = inputs();
        for path in [
            "/j/public/index.html",
            "/j/README.md",
            "/j/.git/index",
            "/j/sessions/.a.md.swp",
            "/j/sessions/a.md~",
            "/j/sessions/#a.md#",
            "/j/sessions/4913",
            "/j/sessions/.hidden/a.md",
            "/other/sessions/a.md",
            "/j",
        ] {
            assert!(!inputs.is_input(Path::new(path)), "{path}");
        }
    }

    #[test]
    #[allow(clippy::disallowed_methods)] // the test's own files, in a temporary folder
    fn a_program_reads_its_journal_folders_and_sees_new_ones() {
        let Ok(tmp) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        let root = tmp.path();
        for folder in ["pair/sessions", "new", "public"] {
            assert!(std::fs::create_dir_all(root.join(folder)).is_ok());
        }
        assert!(std::fs::write(root.join("pair/journal.yaml"), "title: T\n").is_ok());
        assert!(std::fs::write(root.join("README.md"), "About the cohort.\n").is_ok());
        let inputs = Inputs {
            root: root.to_path_buf(),
            layout: Layout::Program,
        };
        let input = |rel: &str| inputs.is_input(&root.join(rel));
        for rel in [
            "program.yaml",
            "pair/journal.yaml",
            "pair/sessions/2026-01-01-a.md",
            "new",
            "new/journal.yaml",
            "gone",
        ] {
            assert!(input(rel), "{rel}");
        }
        for rel in [
            "README.md",
            "pair/notes.txt",
            "pair/public/index.html",
            "pair/sessions/.a.md.swp",
            "new/sessions/2026-01-01-a.md",
            "public/index.html",
            ".git/index",
        ] {
            assert!(!input(rel), "{rel}");
        }
        let mut folders = inputs.folders();
        folders.sort();
        assert_eq!(
            folders,
            [
                (root.join("new"), RecursiveMode::NonRecursive),
                (root.join("pair"), RecursiveMode::NonRecursive),
                (root.join("pair/sessions"), RecursiveMode::Recursive),
                (root.join("public"), RecursiveMode::NonRecursive),
            ]
        );
    }

    #[test]
    fn reads_and_metadata_are_not_changes() {
        assert!(!can_change(EventKind::Access(AccessKind::Open(AccessMode::Any))));
        assert!(!can_change(EventKind::Access(AccessKind::Close(AccessMode::Read))));
        assert!(!can_change(EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any))));
        assert!(can_change(EventKind::Access(AccessKind::Close(AccessMode::Write))));
        assert!(can_change(EventKind::Modify(ModifyKind::Data(DataChange::Any))));
        assert!(can_change(EventKind::Modify(ModifyKind::Name(RenameMode::To))));
        assert!(can_change(EventKind::Create(CreateKind::File)));
    }

    #[test]
    fn a_finished_write_of_a_note_settles_sooner_than_a_temporary_file() {
        let inputs = inputs();
        let (tx, _rx) = mpsc::channel();
        let mut batch = Vec::new();
        let mut quiet = |path: &str, kind: EventKind| {
            take(
                Ok(Event::new(kind).add_path(PathBuf::from(path))),
                &inputs,
                &mut batch,
                &tx,
            )
        };
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        assert_eq!(quiet("/j/sessions/a.md", closed), Some(SETTLE));
        assert_eq!(
            quiet("/j/sessions/a.md", EventKind::Modify(ModifyKind::Name(RenameMode::To))),
            Some(SETTLE)
        );
        assert_eq!(quiet("/j/journal.yaml", closed), Some(SETTLE));
        assert_eq!(quiet("/j/static/chart.png", closed), Some(SETTLE));
        assert_eq!(
            quiet("/j/sessions/a.md", EventKind::Modify(ModifyKind::Data(DataChange::Any))),
            Some(DEBOUNCE)
        );
        // JetBrains writes `a.md___jb_tmp___`, then renames it over the note.
        assert_eq!(quiet("/j/sessions/a.md___jb_tmp___", closed), Some(DEBOUNCE));
        assert_eq!(
            quiet("/j/sessions/a.md", EventKind::Remove(notify::event::RemoveKind::File)),
            Some(DEBOUNCE)
        );
        assert_eq!(quiet("/j/sessions/.a.md.swp", closed), None);
    }

    #[test]
    fn one_burst_of_events_is_one_batch() {
        let (events_tx, events) = mpsc::channel();
        let (changes_tx, changes) = mpsc::channel();
        let inputs = inputs();
        let worker = std::thread::spawn(move || batch_changes(&events, &inputs, &changes_tx));
        let write = |path: &str, kind: EventKind| {
            let _ = events_tx.send(Ok(Event::new(kind).add_path(PathBuf::from(path))));
        };
        // A save as an editor does it: a scratch file, then a rename over the note.
        write("/j/sessions/.a.md.tmp", EventKind::Create(CreateKind::File));
        write("/j/sessions/a.md", EventKind::Access(AccessKind::Open(AccessMode::Any)));
        write("/j/sessions/a.md", EventKind::Modify(ModifyKind::Name(RenameMode::To)));
        write(
            "/j/sessions/a.md",
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
        );
        let batch = changes.recv_timeout(Duration::from_secs(5));
        assert!(
            matches!(&batch, Ok(Change::Paths(p)) if p.iter().all(|p| p.ends_with("sessions/a.md")) && !p.is_empty()),
            "{batch:?}"
        );
        drop(events_tx);
        let _ = worker.join();
        assert!(changes.try_recv().is_err(), "one batch only");
    }
}
