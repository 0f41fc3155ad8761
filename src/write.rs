//! Write: the only module that writes to disk. A build goes into a fresh sibling folder
//! marked as ours, and is swapped in only when every page was written, so a failed build
//! leaves the previous site exactly as it was. A folder is replaced only when it is empty
//! or carries our marker: we never delete what we did not create.
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::site::{Sink, SitePath};

/// The file that marks a folder as a mentorlog output (safe to replace, never read as input).
pub const OUTPUT_MARKER: &str = ".mentorlog-site";

const MARKER_TEXT: &str = "This folder is a site built by mentorlog. `mentorlog build` replaces it whole.\n";

/// Checks that `out` may receive a build of the journal at `journal`: not the journal
/// itself, not a folder containing it, not inside its `sessions/`, `static/` or
/// `templates/`, and either missing, empty or marked as ours.
pub fn check_output(journal: &Path, out: &Path) -> Result<()> {
    let journal = absolute(journal);
    let target = absolute(out);
    let refuse = |reason: &str| {
        Err(Error::OutputRefused {
            path: out.to_path_buf(),
            reason: reason.to_string(),
        })
    };
    if journal.starts_with(&target) {
        return refuse(
            "it is the journal folder or contains it; choose a folder such as `public/` inside the journal, or one elsewhere",
        );
    }
    for input in ["sessions", "static", "templates"] {
        if target.starts_with(journal.join(input)) {
            return refuse(&format!(
                "it is inside the journal's `{input}/` folder, which mentorlog reads; choose `public/` or a folder outside the journal"
            ));
        }
    }
    if target.is_file() {
        return refuse("it is a file; give a folder");
    }
    if target.is_dir() && !is_ours_or_empty(&target)? {
        return refuse(&format!(
            "it already holds files that mentorlog did not write (no `{OUTPUT_MARKER}` marker); empty it, or choose another folder"
        ));
    }
    Ok(())
}

fn is_ours_or_empty(dir: &Path) -> Result<bool> {
    if dir.join(OUTPUT_MARKER).is_file() {
        return Ok(true);
    }
    let mut entries = std::fs::read_dir(dir).map_err(|e| Error::io("cannot read", dir, e))?;
    Ok(entries.next().is_none())
}

/// Makes `path` absolute and lexically normal without requiring it to exist.
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    // Resolve symlinks of the longest existing ancestor, then append the rest.
    let mut existing = joined.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name().map(ToOwned::to_owned), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut out = std::fs::canonicalize(&existing).unwrap_or(existing);
    for part in rest.into_iter().rev() {
        if part == ".." {
            out.pop();
        } else if part != "." {
            out.push(part);
        }
    }
    out
}

/// Creates `path` with `bytes`, and its folder if needed; refuses to replace an existing
/// file (`init` and `new` never overwrite what the pair wrote).
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
}

impl Staging {
    /// Creates a fresh staging folder next to `out` (after `check_output`).
    pub fn new(out: &Path) -> Result<Staging> {
        let out = absolute(out);
        let parent = out.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        std::fs::create_dir_all(&parent).map_err(|e| Error::io("cannot create", &parent, e))?;
        let name = out
            .file_name()
            .map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
        let staging = parent.join(format!(".{name}.mentorlog-new-{}", std::process::id()));
        if staging.exists() {
            // Left by a killed build that had our process id; removed only if it is ours.
            if !staging.join(OUTPUT_MARKER).is_file() {
                return Err(Error::OutputRefused {
                    path: staging,
                    reason: format!(
                        "mentorlog needs this name for its work folder, and it holds files without the `{OUTPUT_MARKER}` marker; move it away"
                    ),
                });
            }
            std::fs::remove_dir_all(&staging).map_err(|e| Error::io("cannot remove", &staging, e))?;
        }
        std::fs::create_dir(&staging).map_err(|e| Error::io("cannot create", &staging, e))?;
        let marker = staging.join(OUTPUT_MARKER);
        std::fs::write(&marker, MARKER_TEXT).map_err(|e| Error::io("cannot write", &marker, e))?;
        Ok(Staging { out, staging })
    }

    /// Swaps the finished site in place of the old one.
    pub fn publish(self) -> Result<PathBuf> {
        let old = self.staging.with_file_name(format!(
            ".{}.mentorlog-old-{}",
            self.out
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            std::process::id()
        ));
        let had_old = self.out.exists();
        if had_old && exchange(&self.staging, &self.out).map_err(|e| Error::io("cannot swap in", &self.out, e))? {
            // The staging folder's name now holds the previous site.
            std::fs::remove_dir_all(&self.staging)
                .map_err(|e| Error::io("cannot remove the previous site at", &self.staging, e))?;
            return Ok(self.out.clone());
        }
        if had_old {
            std::fs::rename(&self.out, &old).map_err(|e| Error::io("cannot move aside", &self.out, e))?;
        }
        if let Err(e) = std::fs::rename(&self.staging, &self.out) {
            if had_old {
                let _ = std::fs::rename(&old, &self.out);
            }
            return Err(Error::io("cannot move the new site to", &self.out, e));
        }
        if had_old {
            std::fs::remove_dir_all(&old).map_err(|e| Error::io("cannot remove the previous site at", &old, e))?;
        }
        Ok(self.out.clone())
    }

    /// Removes the staging folder after a failed build.
    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.staging);
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

    #[test]
    fn publishing_replaces_the_previous_site_and_leaves_no_folder_behind() {
        let Ok(tmp) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        let out = tmp.path().join("site");
        for text in ["first", "second"] {
            let Ok(staging) = Staging::new(&out) else {
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
