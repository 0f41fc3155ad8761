//! Write: the only module that writes to disk. A build goes into a fresh sibling folder
//! marked as ours, and is swapped in only when every page was written, so a failed build
//! leaves the previous site exactly as it was. A folder is replaced only when it is empty
//! or carries our marker: we never delete what we did not create.
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result, explain};
use crate::layout::{FOLDERS, OUTPUT_MARKER};
use crate::site::{Sink, SitePath};

mod marker;

pub use marker::marker_text;
use marker::{MARKER_TEXT, MAX_MARKER, encode_listed, listed_files};

/// What a build reads, so that its output can never land on it.
#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    /// A journal folder.
    Journal(&'a Path),
    /// A program folder and the folders of all its journals.
    Program {
        /// The folder with `program.yaml`.
        dir: &'a Path,
        /// Every journal of the program, wherever it is.
        journals: &'a [PathBuf],
    },
}

/// An output folder, resolved once and checked: absolute, without `.` or `..`, with every
/// symbolic link of its existing part resolved. Only `check_output` makes one, and the
/// staging folder, the swap and the clean-up all use it, so the place that was checked is
/// the place that is written (a path such as `public/../sessions` is read the same way
/// by every step).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedOutput {
    /// The resolved place.
    path: PathBuf,
}

impl ResolvedOutput {
    /// The resolved place the site is written to.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Resolves `out` (relative to `cwd`) and checks that it may receive a build of `source`:
/// not a journal or program folder, nor a folder containing one; not inside a journal's
/// `sessions/`, `static/` or `templates/`, nor containing them (through links); for a
/// program, not inside any of its journals; and either missing, empty or marked as ours.
/// Nothing is created or changed.
///
/// # Errors
///
/// `Error::OutputRefused` with the reason when the folder may not receive the build.
pub fn check_output(cwd: &Path, source: Source<'_>, out: &Path) -> Result<ResolvedOutput> {
    let refuse = |resolved: Option<&Path>, reason: String| Error::OutputRefused {
        path: out.to_path_buf(),
        resolved: resolved.map(Path::to_path_buf),
        reason,
    };
    let target = resolve(cwd, out).map_err(|reason| refuse(None, reason))?;
    let at = Some(target.as_path());
    let real = |dir: &Path| {
        resolve(cwd, dir).map_err(|reason| {
            refuse(
                at,
                format!("mentorlog cannot tell where `{}` is: {reason}", dir.display()),
            )
        })
    };
    let (program, journals): (Option<&Path>, Vec<&Path>) = match source {
        Source::Journal(dir) => (None, vec![dir]),
        Source::Program { dir, journals } => (Some(dir), journals.iter().map(PathBuf::as_path).collect()),
    };
    if let Some(dir) = program {
        let dir = real(dir)?;
        if dir.starts_with(&target) {
            return Err(refuse(
                at,
                "it is the program folder or contains it; choose a folder such as `public/` inside the program, or one elsewhere".to_string(),
            ));
        }
    }
    for journal in journals {
        let dir = real(journal)?;
        if dir.starts_with(&target) {
            let reason = if program.is_some() {
                format!(
                    "it is the program's journal `{}` or contains it; choose a folder such as `public/` inside the program, or one elsewhere",
                    journal.display()
                )
            } else {
                "it is the journal folder or contains it; choose a folder such as `public/` inside the journal, or one elsewhere".to_string()
            };
            return Err(refuse(at, reason));
        }
        if program.is_some() && target.starts_with(&dir) {
            return Err(refuse(
                at,
                format!(
                    "it is inside the program's journal `{}`; choose `public/` in the program folder, or a folder elsewhere",
                    journal.display()
                ),
            ));
        }
        for input in FOLDERS {
            // The folder as named, and where it leads when it is a link.
            let named = dir.join(input);
            let linked = std::fs::canonicalize(&named).ok();
            for place in std::iter::once(&named).chain(linked.as_ref()) {
                if target.starts_with(place) {
                    return Err(refuse(
                        at,
                        format!(
                            "it is the journal's `{input}/` folder or inside it, and mentorlog reads that folder; choose `public/` or a folder outside the journal"
                        ),
                    ));
                }
                if place.starts_with(&target) {
                    return Err(refuse(
                        at,
                        format!(
                            "it contains the journal's `{input}/` folder (through a symbolic link), which mentorlog reads; choose another folder"
                        ),
                    ));
                }
            }
        }
    }
    match std::fs::symlink_metadata(&target) {
        Ok(meta) if meta.is_dir() => {
            if let Some(reason) = foreign_content(&target) {
                return Err(refuse(at, reason));
            }
        }
        Ok(meta) if meta.is_file() => return Err(refuse(at, "it is a file; give a folder".to_string())),
        Ok(_) => return Err(refuse(at, "it is not a folder; give a folder".to_string())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(refuse(at, format!("mentorlog cannot look at it: {}", explain(&e)))),
    }
    Ok(ResolvedOutput { path: target })
}

/// Why the folder `dir` is not one mentorlog may replace; `None` when it is empty, or
/// holds a site mentorlog built and nothing else. A marker alone proves nothing (anyone can
/// copy one into a folder of their own, or commit one next to real documents), so the
/// marker lists every file its build wrote, and the folder may hold only those (and the
/// folders above them): a file added to the site later, or a folder whose marker was
/// copied there, stops the build instead of being deleted.
pub fn foreign_content(dir: &Path) -> Option<String> {
    let cannot_read = |e: std::io::Error| Some(format!("mentorlog cannot look into it ({})", explain(&e)));
    let mut entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return cannot_read(e),
    };
    // An empty folder is free to use.
    let _first = entries.next()?;
    let no_marker = || {
        Some(format!(
            "it already holds files that mentorlog did not write (no `{OUTPUT_MARKER}` marker); empty it, or choose another folder"
        ))
    };
    let marker = dir.join(OUTPUT_MARKER);
    let listed = match std::fs::symlink_metadata(&marker) {
        Ok(meta) if meta.is_file() && meta.len() <= MAX_MARKER => match std::fs::read(&marker) {
            Ok(bytes) => listed_files(&bytes),
            Err(e) => return cannot_read(e),
        },
        Ok(_) => None,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return no_marker(),
        Err(e) => return cannot_read(e),
    };
    let Some(listed) = listed else {
        return Some(format!(
            "its `{OUTPUT_MARKER}` is not a list of the files mentorlog built there (an older mentorlog wrote it, or it was copied there), so mentorlog cannot tell that everything in the folder is its own; if the folder holds only an old site, delete the folder and build again"
        ));
    };
    let folders: std::collections::HashSet<&str> = listed
        .iter()
        .flat_map(|file| file.match_indices('/').map(|(i, _)| &file[..i]))
        .collect();
    for entry in walkdir::WalkDir::new(dir).min_depth(1).follow_links(false) {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().map_or_else(|| dir.to_path_buf(), Path::to_path_buf);
                let reason = e.io_error().map_or_else(|| e.to_string(), explain);
                return Some(format!(
                    "mentorlog cannot look into `{}` ({reason}), so it cannot tell that everything in the folder is its own",
                    path.display()
                ));
            }
        };
        let rel = entry.path().strip_prefix(dir).ok().and_then(|rel| {
            let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
            parts.map(|p| encode_listed(&p.join("/")))
        });
        let kind = entry.file_type();
        let known = rel.as_deref().is_some_and(|rel| {
            if kind.is_dir() {
                folders.contains(rel)
            } else {
                kind.is_file() && (listed.contains(rel) || rel == OUTPUT_MARKER || is_view_metadata(entry.file_name()))
            }
        });
        if !known {
            return Some(format!(
                "it holds `{}`, which mentorlog did not write there (its `{OUTPUT_MARKER}` marker lists every file a build wrote); move that away, or choose another folder",
                entry.path().display()
            ));
        }
    }
    None
}

/// Files a file manager writes into every folder it shows (how the folder is viewed, a
/// thumbnail cache): deleting them loses nothing, and refusing a site for them would make
/// opening the site in the file manager break the next build.
fn is_view_metadata(name: &std::ffi::OsStr) -> bool {
    [".DS_Store", "Thumbs.db", "desktop.ini"]
        .iter()
        .any(|n| name == std::ffi::OsStr::new(n))
}

/// Resolves `path` (relative to `base`) the way the system would, without requiring it
/// to exist: component by component, each existing prefix through its real path (so
/// `link/..` is the folder above the link's target, as the system reads it), and `..`
/// after a part that does not exist removes that part. The result has no `.`, `..` or
/// link in its existing part.
///
/// # Errors
///
/// Says in words why the path cannot be used: a part is a file, a link leads nowhere, a
/// folder cannot be looked into.
pub fn resolve(base: &Path, path: &Path) -> std::result::Result<PathBuf, String> {
    use std::path::Component;
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        base.join(path)
    };
    let mut real = PathBuf::new();
    // The parts after the deepest existing folder, which exist nowhere yet.
    let mut missing: Vec<&std::ffi::OsStr> = Vec::new();
    // The existing part is a folder (a file has no parts, and no `..`).
    let mut is_dir = true;
    for part in joined.components() {
        match part {
            Component::Prefix(_) | Component::RootDir => {
                real.push(part.as_os_str());
                missing.clear();
            }
            Component::CurDir => {}
            Component::ParentDir if missing.pop().is_some() => {}
            Component::ParentDir | Component::Normal(_) if !is_dir => {
                return Err(format!("`{}` is a file, not a folder", real.display()));
            }
            Component::ParentDir => {
                real.pop();
            }
            Component::Normal(name) if !missing.is_empty() => missing.push(name),
            Component::Normal(name) => {
                let next = real.join(name);
                match std::fs::symlink_metadata(&next) {
                    Ok(_) => {
                        real = std::fs::canonicalize(&next).map_err(|e| {
                            format!(
                                "`{}` is a symbolic link that leads nowhere, or to a place mentorlog cannot look at ({})",
                                next.display(),
                                explain(&e)
                            )
                        })?;
                        is_dir = real.is_dir();
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => missing.push(name),
                    Err(e) => {
                        return Err(format!(
                            "mentorlog cannot look at `{}`: {}",
                            next.display(),
                            explain(&e)
                        ));
                    }
                }
            }
        }
    }
    real.extend(missing);
    Ok(real)
}

/// Creates `path` with `bytes`, and its folder if needed; refuses to replace an existing
/// file (`init` and `new` never overwrite what the pair wrote).
///
/// # Errors
///
/// `Error::WouldOverwrite` when the file exists; `Error::Io` when it cannot be written.
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io("cannot create", dir, e))?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    let mut file = options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Error::WouldOverwrite(path.to_path_buf())
        } else {
            Error::io("cannot create", path, e)
        }
    })?;
    std::io::Write::write_all(&mut file, bytes).map_err(|e| Error::io("cannot write", path, e))
}

/// The disk sink: writes each page into a staging folder as it arrives.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    staging: PathBuf,
    /// Folders above the output that this build created, deepest first: removed again
    /// when the build fails, so a failed build leaves nothing behind.
    created: Vec<PathBuf>,
    /// The site paths written, for the marker's list (see `foreign_content`).
    written: Mutex<Vec<String>>,
}

impl Staging {
    /// Creates a fresh staging folder next to the checked output folder (and the folders
    /// above it that do not exist yet).
    ///
    /// # Errors
    ///
    /// `Error::Io` when a folder cannot be created.
    pub fn new(out: &ResolvedOutput) -> Result<Staging> {
        let out = out.path().to_path_buf();
        let Some(parent) = out.parent().map(Path::to_path_buf) else {
            return Err(Error::OutputRefused {
                path: out,
                resolved: None,
                reason: "it has no folder above it".to_string(),
            });
        };
        let name = out
            .file_name()
            .map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
        let staging = parent.join(format!(".{name}.mentorlog-new-{}", std::process::id()));
        let mut this = Staging {
            out,
            staging,
            created: Vec::new(),
            written: Mutex::new(Vec::new()),
        };
        match this.prepare(&parent) {
            Ok(()) => Ok(this),
            Err(e) => {
                this.remove_created();
                Err(e)
            }
        }
    }

    fn prepare(&mut self, parent: &Path) -> Result<()> {
        let mut todo = Vec::new();
        let mut dir = parent;
        while std::fs::symlink_metadata(dir).is_err() {
            todo.push(dir.to_path_buf());
            match dir.parent() {
                Some(up) => dir = up,
                None => break,
            }
        }
        for dir in todo.into_iter().rev() {
            std::fs::create_dir(&dir).map_err(|e| Error::io("cannot create", &dir, e))?;
            self.created.insert(0, dir);
        }
        // A folder already at the work folder's name (left by a killed build that had our
        // process id, or put there by someone else) is never removed: the next free name
        // is taken instead.
        let base = self.staging.clone();
        let mut n = 1;
        loop {
            match std::fs::create_dir(&self.staging) {
                Ok(()) => break,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1000 => {
                    let mut name = base.as_os_str().to_os_string();
                    name.push(format!("-{n}"));
                    self.staging = PathBuf::from(name);
                    n += 1;
                }
                Err(e) => return Err(Error::io("cannot create", &self.staging, e)),
            }
        }
        let staging = &self.staging;
        let marker = staging.join(OUTPUT_MARKER);
        if let Err(e) = std::fs::write(&marker, MARKER_TEXT) {
            let _ = std::fs::remove_dir_all(staging);
            return Err(Error::io("cannot write", &marker, e));
        }
        Ok(())
    }

    /// Removes the folders above the output this build created (only while empty).
    fn remove_created(&self) {
        for dir in &self.created {
            let _ = std::fs::remove_dir(dir);
        }
    }

    /// Removes the staging folder and what was created for it: the build failed.
    fn clean_up(&self) {
        let _ = std::fs::remove_dir_all(&self.staging);
        self.remove_created();
    }

    /// Swaps the finished site in place of the old one. On failure the previous site is
    /// still in place and the staging folder is removed.
    ///
    /// # Errors
    ///
    /// `Error::Io` when the site cannot be moved in place; `Error::OutputRefused` when
    /// someone else's files appeared in the output folder during the build.
    pub fn publish(self) -> Result<PathBuf> {
        let out = &self.out;
        let fail = |action: &'static str, path: &Path, e: std::io::Error| {
            self.clean_up();
            Err(Error::io(action, path, e))
        };
        // The marker lists every file written, so that the next build can tell the folder
        // holds nothing else.
        let marker = self.staging.join(OUTPUT_MARKER);
        let mut files = std::mem::take(&mut *self.written.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
        files.sort();
        if let Err(e) = std::fs::write(&marker, marker_text(&files)) {
            return fail("cannot write", &marker, e);
        }
        let had_old = match std::fs::symlink_metadata(out) {
            Ok(_) => true,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
            Err(e) => return fail("cannot look at", out, e),
        };
        // The check ran before the build: look again, in case something else was put
        // there meanwhile.
        let foreign = if !had_old {
            None
        } else if out.is_dir() && !out.is_symlink() {
            foreign_content(out)
        } else {
            Some("it is no longer a folder".to_string())
        };
        if let Some(why) = foreign {
            self.clean_up();
            return Err(Error::OutputRefused {
                path: out.clone(),
                resolved: None,
                reason: format!(
                    "while the site was being built, it changed: {why}; it was left as it is, and the new site was not written"
                ),
            });
        }
        if had_old {
            match exchange(&self.staging, out) {
                Ok(true) => {
                    // The staging folder's name now holds the previous site.
                    return match std::fs::remove_dir_all(&self.staging) {
                        Ok(()) => Ok(out.clone()),
                        Err(e) => Err(Error::io(
                            "the new site is in place, but the previous one could not be removed; delete",
                            &self.staging,
                            e,
                        )),
                    };
                }
                Ok(false) => {}
                Err(e) => return fail("cannot swap the new site in at", out, e),
            }
        }
        let old = self.staging.with_file_name(format!(
            ".{}.mentorlog-old-{}",
            out.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            std::process::id()
        ));
        if had_old {
            if let Err(e) = std::fs::rename(out, &old) {
                return fail("cannot move the previous site aside at", out, e);
            }
        }
        if let Err(e) = std::fs::rename(&self.staging, out) {
            if had_old {
                let _ = std::fs::rename(&old, out);
            }
            return fail("cannot move the new site to", out, e);
        }
        if had_old {
            std::fs::remove_dir_all(&old).map_err(|e| {
                Error::io(
                    "the new site is in place, but the previous one could not be removed; delete",
                    &old,
                    e,
                )
            })?;
        }
        Ok(out.clone())
    }

    /// Removes the staging folder (and the folders created above it) after a failed build.
    pub fn abandon(self) {
        self.clean_up();
    }
}

/// Swaps two folders in one step, where the system can: a build killed at that moment
/// still leaves a whole site at the output path, the old or the new. `false` when the
/// system or file system cannot; the caller then moves the old one aside first.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(e) if e == Errno::INVAL || e == Errno::NOSYS || e == Errno::NOTSUP => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<bool> {
    Ok(false)
}

impl Staging {
    /// Creates the file for `path` in the staging folder, and its folders.
    fn create(&self, path: &SitePath) -> Result<(PathBuf, std::fs::File)> {
        if path.as_str() == OUTPUT_MARKER {
            return Err(Error::DuplicateOutput(path.to_string()));
        }
        let file = self.staging.join(path.as_str());
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("cannot create", dir, e))?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        let handle = options.open(&file).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Error::DuplicateOutput(path.to_string())
            } else {
                Error::io("cannot write", &file, e)
            }
        })?;
        self.written
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(path.as_str().to_string());
        Ok((file, handle))
    }
}

impl Sink for Staging {
    fn put(&self, path: SitePath, bytes: Vec<u8>) -> Result<()> {
        let (file, mut handle) = self.create(&path)?;
        std::io::Write::write_all(&mut handle, &bytes).map_err(|e| Error::io("cannot write", &file, e))
    }

    fn put_streamed(
        &self,
        path: SitePath,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<()> {
        let (file, handle) = self.create(&path)?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, handle);
        write(&mut out)
            .and_then(|()| std::io::Write::flush(&mut out))
            .map_err(|e| Error::io("cannot write", &file, e))
    }

    /// Copies the journal's file by streaming (the system's in-kernel copy where it has
    /// one), so a file of any size costs no memory; opened once, and only when it is still
    /// the file load checked.
    fn put_file(&self, path: SitePath, from: &crate::fs::InputFile) -> Result<()> {
        let (mut source, _) = from.open()?;
        let (file, mut handle) = self.create(&path)?;
        std::io::copy(&mut source, &mut handle).map_err(|e| Error::io("cannot write", &file, e))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_os = "linux")]
    fn two_folders_are_swapped_in_one_step() {
        let Ok(tmp) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        let (a, b) = (tmp.path().join("new"), tmp.path().join("old"));
        for (dir, text) in [(&a, "new site"), (&b, "old site")] {
            assert!(std::fs::create_dir(dir).is_ok());
            assert!(std::fs::write(dir.join("index.html"), text).is_ok());
        }
        assert!(matches!(exchange(&a, &b), Ok(true)), "tmp folders support the exchange");
        let read = |dir: &Path| std::fs::read_to_string(dir.join("index.html")).unwrap_or_default();
        assert_eq!(read(&b), "new site");
        assert_eq!(read(&a), "old site");
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    #[test]
    fn paths_resolve_as_the_system_reads_them_and_dot_dot_after_a_missing_part_pops_it() {
        let Ok(tmp) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        let Ok(root) = tmp.path().canonicalize() else {
            panic!("a real path");
        };
        assert!(std::fs::create_dir_all(root.join("a/b")).is_ok());
        assert!(std::os::unix::fs::symlink("a/b", root.join("link")).is_ok());
        assert!(std::fs::write(root.join("file"), "x").is_ok());
        let cases = [
            ("a/b/..", Some("a")),
            ("link/..", Some("a")),
            ("link/../..", Some("")),
            ("missing/..", Some("")),
            ("missing/../a/./b//", Some("a/b")),
            ("x/y/../../a", Some("a")),
            ("x/../../", None),
            ("file/..", None),
            ("file/x", None),
        ];
        for (spelling, expected) in cases {
            let got = resolve(&root, Path::new(spelling));
            match expected {
                Some(rel) => assert_eq!(got.as_deref().ok(), Some(root.join(rel).as_path()), "{spelling}"),
                None if spelling.starts_with("file") => assert!(got.is_err(), "{spelling}: {got:?}"),
                None => assert_eq!(got.as_deref().ok(), root.parent(), "{spelling}"),
            }
        }
        assert!(resolve(&root, Path::new("link/../..")).is_ok_and(|p| p == root));
    }

    #[test]
    fn an_abandoned_build_leaves_no_folder_behind_not_even_the_ones_above_the_output() {
        let Ok(tmp) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        let out = ResolvedOutput {
            path: tmp.path().join("new/deeper/site"),
        };
        let Ok(staging) = Staging::new(&out) else {
            panic!("a staging folder");
        };
        assert!(tmp.path().join("new/deeper").is_dir());
        staging.abandon();
        assert!(names(tmp.path()).is_empty(), "{:?}", names(tmp.path()));
    }

    #[test]
    fn a_foreign_folder_that_appears_during_the_build_is_left_alone() {
        let Ok(tmp) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        let out = ResolvedOutput {
            path: tmp.path().join("site"),
        };
        let Ok(staging) = Staging::new(&out) else {
            panic!("a staging folder");
        };
        assert!(std::fs::create_dir(out.path()).is_ok());
        assert!(std::fs::write(out.path().join("thesis.tex"), "mine").is_ok());
        assert!(matches!(staging.publish(), Err(Error::OutputRefused { .. })));
        assert_eq!(names(tmp.path()), ["site"], "the staging folder is removed");
        assert_eq!(names(out.path()), ["thesis.tex"]);
    }

    #[test]
    #[cfg(unix)]
    fn a_folder_is_ours_only_while_it_holds_just_the_files_its_marker_lists() {
        let Ok(tmp) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        let site = tmp.path();
        let files = ["100%.txt", "a\nb.txt", "sub/é.html"];
        for file in files {
            assert!(std::fs::create_dir_all(site.join(file).parent().unwrap_or(site)).is_ok());
            assert!(std::fs::write(site.join(file), "x").is_ok());
        }
        let marker = site.join(OUTPUT_MARKER);
        assert!(std::fs::write(&marker, marker_text(&files)).is_ok());
        assert_eq!(foreign_content(site), None, "odd names are listed one per line");
        assert!(std::fs::write(site.join("sub/.DS_Store"), "view").is_ok());
        assert_eq!(foreign_content(site), None, "a file manager's view file");
        assert!(std::fs::write(site.join("sub/mine.txt"), "x").is_ok());
        assert!(foreign_content(site).is_some_and(|why| why.contains("sub/mine.txt")));
        assert!(std::fs::remove_file(site.join("sub/mine.txt")).is_ok());
        assert!(std::fs::create_dir(site.join("empty")).is_ok());
        assert!(foreign_content(site).is_some(), "a folder no listed file is in");
        assert!(std::fs::remove_dir(site.join("empty")).is_ok());
        // The marker must be a file of its own, not a link to one.
        let Ok(elsewhere) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        let real = elsewhere.path().join("real-marker");
        assert!(std::fs::rename(&marker, &real).is_ok());
        assert!(std::os::unix::fs::symlink(&real, &marker).is_ok());
        assert!(foreign_content(site).is_some(), "a marker that is a link");
    }

    #[test]
    fn publishing_replaces_the_previous_site_and_leaves_no_folder_behind() {
        let Ok(tmp) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        let out = tmp.path().join("site");
        for text in ["first", "second"] {
            let checked = ResolvedOutput { path: out.clone() };
            let Ok(staging) = Staging::new(&checked) else {
                panic!("a staging folder beside {}", out.display());
            };
            let path = SitePath::new("index.html".to_string());
            assert!(path.is_some_and(|p| staging.put(p, text.as_bytes().to_vec()).is_ok()));
            assert!(staging.publish().is_ok());
        }
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap_or_default(),
            "second"
        );
        let names: Vec<String> = std::fs::read_dir(tmp.path())
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(names, ["site"]);
    }
}
