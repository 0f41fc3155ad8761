//! What a build produces, independent of where it goes: pages at `SitePath`s handed to a
//! `Sink`. `Site` is the in-memory sink `serve` answers from and tests read; the disk sink
//! lives in `write/`. No I/O here, except `Site::into_files` reading the journal's
//! static files for tests.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;
use std::sync::Mutex;

use crate::error::{Error, Result};
use crate::fs::InputFile;

/// A file's place in the site: relative, `/`-separated, never `..` or empty parts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SitePath(String);

impl SitePath {
    /// Checks and wraps a relative path; `None` for anything that could escape the site.
    pub fn new(path: impl Into<String>) -> Option<SitePath> {
        let path = path.into();
        let ok = !path.is_empty()
            && !path.starts_with('/')
            && !path.contains('\\')
            && path
                .split('/')
                .all(|part| !part.is_empty() && part != "." && part != "..");
        ok.then_some(SitePath(path))
    }

    /// The path as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// How many folders deep the file is (0 at the site root).
    pub fn depth(&self) -> usize {
        self.0.matches('/').count()
    }
}

impl fmt::Display for SitePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where rendered files go, the moment each is ready. Called from many threads.
pub trait Sink: Sync {
    /// Takes one file.
    ///
    /// # Errors
    ///
    /// `Error::DuplicateOutput` for a second file at one path; a disk sink's `Error::Io`.
    fn put(&self, path: SitePath, bytes: Vec<u8>) -> Result<()>;

    /// Takes one file that `write` produces piece by piece: a journal's search index is as
    /// large as all its notes, and a sink that writes to disk need never hold it whole.
    /// By default the pieces are collected and `put`.
    ///
    /// # Errors
    ///
    /// As `put`, and what `write` returns.
    fn put_streamed(&self, path: SitePath, write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
        let mut bytes = Vec::new();
        write(&mut bytes).map_err(|e| Error::io("cannot write", path.as_str(), e))?;
        self.put(path, bytes)
    }

    /// Takes one file of the journal published as it is (a static file): the sink reads it
    /// from disk through `file` (which refuses anything but the file load checked), so no
    /// sink need hold it whole.
    ///
    /// # Errors
    ///
    /// `Error::Io` when the file is no longer the one load checked, or cannot be copied.
    fn put_file(&self, path: SitePath, file: &InputFile) -> Result<()>;
}

/// One file of a `Site`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteFile {
    /// Made by the build.
    Made(Vec<u8>),
    /// A file of the journal, published as it is: read from disk when asked for.
    Journal(InputFile),
}

/// The whole site in memory, sorted by path; the journal's static files by reference.
#[derive(Debug, Default)]
pub struct Site {
    files: Mutex<BTreeMap<SitePath, SiteFile>>,
}

impl Site {
    /// An empty site.
    pub fn new() -> Site {
        Site::default()
    }

    /// All files, sorted by path, static files by reference (`serve` reads them when
    /// asked for).
    pub fn into_contents(self) -> BTreeMap<SitePath, SiteFile> {
        self.files
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// All files with their bytes, sorted by path: the static files are read from the
    /// journal now (for tests; a file that can no longer be read is left empty).
    pub fn into_files(self) -> BTreeMap<SitePath, Vec<u8>> {
        self.into_contents()
            .into_iter()
            .map(|(path, file)| {
                let bytes = match file {
                    SiteFile::Made(bytes) => bytes,
                    SiteFile::Journal(file) => file.read().unwrap_or_default(),
                };
                (path, bytes)
            })
            .collect()
    }

    fn insert(&self, path: SitePath, file: SiteFile) -> Result<()> {
        let mut files = self.files.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if files.contains_key(&path) {
            return Err(Error::DuplicateOutput(path.0));
        }
        files.insert(path, file);
        Ok(())
    }
}

impl Sink for Site {
    fn put(&self, path: SitePath, bytes: Vec<u8>) -> Result<()> {
        self.insert(path, SiteFile::Made(bytes))
    }

    fn put_file(&self, path: SitePath, file: &InputFile) -> Result<()> {
        self.insert(path, SiteFile::Journal(file.clone()))
    }
}

/// A sink that puts every file under a folder of another sink: a program's journals are
/// written under their slug.
pub struct Prefixed<'a, S: Sink> {
    inner: &'a S,
    prefix: String,
}

impl<'a, S: Sink> Prefixed<'a, S> {
    /// Files go to `inner` under `folder/`.
    pub fn new(inner: &'a S, folder: &str) -> Prefixed<'a, S> {
        Prefixed {
            inner,
            prefix: folder.trim_end_matches('/').to_string(),
        }
    }
}

impl<S: Sink> Prefixed<'_, S> {
    /// `path` under the folder.
    fn join(&self, path: &SitePath) -> Result<SitePath> {
        let joined = format!("{}/{}", self.prefix, path.as_str());
        SitePath::new(joined.clone()).ok_or(Error::UnsafeOutputPath(joined))
    }
}

impl<S: Sink> Sink for Prefixed<'_, S> {
    fn put(&self, path: SitePath, bytes: Vec<u8>) -> Result<()> {
        self.inner.put(self.join(&path)?, bytes)
    }

    fn put_streamed(&self, path: SitePath, write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
        self.inner.put_streamed(self.join(&path)?, write)
    }

    fn put_file(&self, path: SitePath, file: &InputFile) -> Result<()> {
        self.inner.put_file(self.join(&path)?, file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_paths_cannot_escape() {
        assert!(SitePath::new("sessions/a.html").is_some());
        for bad in ["", "/etc/passwd", "a/../b", "a//b", "./a", "a\\b"] {
            assert!(SitePath::new(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn two_files_at_one_path_are_refused() {
        let site = Site::new();
        let p = SitePath::new("index.html");
        assert!(p.is_some());
        if let Some(p) = p {
            assert!(site.put(p.clone(), b"a".to_vec()).is_ok());
            assert!(matches!(site.put(p, b"b".to_vec()), Err(Error::DuplicateOutput(_))));
        }
    }
}
