//! Read helpers whose errors name the path: "no such file" alone helps no one.
//! Writing lives in `write/` only.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Reads a whole file as bytes. Only a regular file is read: a named pipe, a device
/// (`/dev/zero`), a socket, or a link to one, would never end, or block until another
/// program writes to it, and a journal holds none.
///
/// # Errors
///
/// `Error::Io` when the file cannot be read or is not a regular file.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    read_regular(path).map_err(|e| Error::io("cannot read", path, e))
}

fn read_regular(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let file = open_without_waiting(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "it is not a regular file (a named pipe, a device or a socket), and mentorlog reads only regular files",
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    (&file).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Opens `path` for reading without waiting: opening a named pipe otherwise blocks until
/// another program opens it for writing. (Reading a regular file ignores the flag.)
#[cfg(unix)]
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC;
    let fd = rustix::fs::open(path, flags, Mode::empty())?;
    Ok(std::fs::File::from(fd))
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// A file of the journal that load checked and that is read again later: a static file is
/// copied (`build`) or answered (`serve`) from disk when it is needed, never held in memory
/// (a 600 MB video would otherwise cost 600 MB, twice). It names the file by its real place
/// in the journal, with no symbolic link on the way, and by the identity load saw (device
/// and inode). `open` reaches that place without following any link and refuses anything
/// but that very file, so a file swapped for a link out of the journal, or for another file,
/// between load and copy is never read: what is copied is what was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The journal's real folder: absolute, without links.
    root: PathBuf,
    /// The file's real place under `root`: plain names only, none of them a link.
    rel: PathBuf,
    /// Device and inode when checked.
    id: (u64, u64),
    /// Size and modification time when checked. Only equality uses them: `serve` sees
    /// that a file was edited in place and reloads the tabs showing it.
    stamp: (u64, Option<std::time::SystemTime>),
}

impl InputFile {
    /// Checks the file at `real` (a path without links, inside the journal's real folder
    /// `root`): it is reached without following a link and is a regular file.
    ///
    /// # Errors
    ///
    /// `Error::Io` when it cannot be opened that way or is not a regular file.
    pub fn check(root: &Path, real: &Path) -> Result<InputFile> {
        let inside = real.strip_prefix(root).map(Path::to_path_buf);
        let checked = inside
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidInput, "it is outside the journal"))
            .and_then(|rel| {
                let file = open_beneath(root, &rel)?;
                let meta = regular(&file)?;
                Ok(InputFile {
                    root: root.to_path_buf(),
                    rel,
                    id: identity(&meta),
                    stamp: (meta.len(), meta.modified().ok()),
                })
            });
        checked.map_err(|e| Error::io("cannot read", real, e))
    }

    /// Where the file is.
    pub fn path(&self) -> PathBuf {
        self.root.join(&self.rel)
    }

    /// Opens the file for reading, with its size now; an error when what is at its place
    /// is no longer the file that was checked (a link, another file, nothing).
    ///
    /// # Errors
    ///
    /// `Error::Io` naming the file in either case.
    pub fn open(&self) -> Result<(std::fs::File, u64)> {
        let opened = open_beneath(&self.root, &self.rel).and_then(|file| {
            let meta = regular(&file)?;
            if identity(&meta) != self.id {
                return Err(std::io::Error::other(
                    "it was replaced by another file while the site was being built; build again",
                ));
            }
            Ok((file, meta.len()))
        });
        opened.map_err(|e| {
            let e = match replaced(&e) {
                Some(what) => std::io::Error::other(format!(
                    "{what} while the site was being built; mentorlog follows no link it did not check, so it was not read"
                )),
                None => e,
            };
            Error::io("cannot read", self.path(), e)
        })
    }

    /// The whole file, for the in-memory site tests read.
    ///
    /// # Errors
    ///
    /// As `open`, or when reading fails.
    pub fn read(&self) -> Result<Vec<u8>> {
        use std::io::Read as _;
        let (file, len) = self.open()?;
        let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
        (&file)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("cannot read", self.path(), e))?;
        Ok(bytes)
    }
}

/// The metadata of an open file that must be a regular one.
fn regular(file: &std::fs::File) -> std::io::Result<std::fs::Metadata> {
    let meta = file.metadata()?;
    if meta.is_file() {
        Ok(meta)
    } else {
        Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "it is not a regular file (a named pipe, a device or a socket), and mentorlog reads only regular files",
        ))
    }
}

/// Device and inode: which file an open handle is.
#[cfg(unix)]
fn identity(meta: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt as _;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn identity(meta: &std::fs::Metadata) -> (u64, u64) {
    (meta.len(), 0)
}

/// What the error of an open without links says was put in the file's way: the file
/// itself is now a link (`ELOOP`), or a folder on the way is no longer a folder (`ENOTDIR`:
/// a link, opened as itself, is no folder).
fn replaced(e: &std::io::Error) -> Option<&'static str> {
    #[cfg(target_os = "linux")]
    {
        let errno = e.raw_os_error();
        if errno == Some(rustix::io::Errno::LOOP.raw_os_error()) {
            return Some("it became a symbolic link");
        }
        if errno == Some(rustix::io::Errno::NOTDIR.raw_os_error()) {
            return Some("a folder on the way to it became a symbolic link or a file");
        }
    }
    let _ = e;
    None
}

/// Opens `root/rel` for reading one name at a time, following no symbolic link below
/// `root`: each folder is opened as itself (`O_NOFOLLOW`), so a part that is a link
/// stops the open instead of leading elsewhere. Does not wait on a named pipe.
#[cfg(target_os = "linux")]
fn open_beneath(root: &Path, rel: &Path) -> std::io::Result<std::fs::File> {
    use rustix::fs::{CWD, Mode, OFlags, openat};
    let parts: Vec<&std::ffi::OsStr> = rel
        .components()
        .map(|c| match c {
            std::path::Component::Normal(name) => Ok(name),
            _ => Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "its path is not a plain path inside the journal",
            )),
        })
        .collect::<std::io::Result<_>>()?;
    let Some((name, folders)) = parts.split_last() else {
        return Err(std::io::ErrorKind::InvalidInput.into());
    };
    let folder = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
    let mut dir = openat(CWD, root, folder, Mode::empty())?;
    for part in folders {
        dir = openat(&dir, *part, folder | OFlags::NOFOLLOW, Mode::empty())?;
    }
    let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    Ok(std::fs::File::from(openat(&dir, *name, flags, Mode::empty())?))
}

/// Elsewhere the path is opened as it is; the identity check still refuses another file.
#[cfg(not(target_os = "linux"))]
fn open_beneath(root: &Path, rel: &Path) -> std::io::Result<std::fs::File> {
    open_without_waiting(&root.join(rel))
}

#[cfg(all(test, target_os = "linux"))]
#[allow(clippy::disallowed_methods)] // the test's own files, in a temporary folder
mod tests {
    use super::*;

    #[test]
    fn a_checked_file_swapped_for_a_link_or_reached_through_one_is_not_opened() {
        let Ok(tmp) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        let Ok(root) = tmp.path().canonicalize() else {
            panic!("a real path");
        };
        let outside = root.join("outside");
        assert!(std::fs::create_dir_all(root.join("j/static/img")).is_ok());
        assert!(std::fs::create_dir_all(outside.join("img")).is_ok());
        assert!(std::fs::write(outside.join("img/a.png"), "SECRET").is_ok());
        let journal = root.join("j");
        let file = journal.join("static/img/a.png");
        assert!(std::fs::write(&file, "mine").is_ok());
        let checked = InputFile::check(&journal, &file);
        let Ok(checked) = checked else {
            panic!("{checked:?}");
        };
        assert!(checked.read().is_ok_and(|b| b == b"mine"));
        // The file itself becomes a link out of the journal.
        assert!(std::fs::rename(&file, journal.join("kept.png")).is_ok());
        assert!(std::os::unix::fs::symlink(outside.join("img/a.png"), &file).is_ok());
        let refused = checked.read();
        assert!(
            refused.as_ref().is_err_and(|e| e.to_string().contains("symbolic link")),
            "{refused:?}"
        );
        // A folder on the way becomes a link to a folder outside with a file of that name.
        assert!(std::fs::remove_file(&file).is_ok());
        assert!(std::fs::rename(journal.join("static/img"), journal.join("img-kept")).is_ok());
        assert!(std::os::unix::fs::symlink(outside.join("img"), journal.join("static/img")).is_ok());
        assert!(checked.read().is_err());
        // A file outside the journal, or a link, is never checked in the first place.
        assert!(InputFile::check(&journal, &outside.join("img/a.png")).is_err());
        assert!(InputFile::check(&journal, &file).is_err());
    }
}
