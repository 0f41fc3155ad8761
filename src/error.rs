//! The library's error type: each variant carries the path, template or page it is
//! about, so a message can name it and tests can match the variant.

use std::path::PathBuf;

/// Everything that stops a load, render or write.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read, created or moved.
    #[error("{action} `{}`: {source}", path.display())]
    Io {
        /// What was being done ("cannot read", "cannot create").
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The folder is not a journal.
    #[error("`{}` is not a mentorlog journal: it has no journal.yaml", .0.display())]
    NotAJournal(PathBuf),
    /// The input has errors; they were reported as diagnostics.
    #[error("the journal has {0} error(s); nothing was written")]
    InvalidInput(usize),
    /// A theme or override template does not compile.
    #[error("template `{name}` does not compile: {message}")]
    Template {
        /// Template file name.
        name: String,
        /// Tera's explanation.
        message: String,
    },
    /// A page failed to render.
    #[error("cannot render `{page}` with template `{template}`: {message}")]
    Render {
        /// The page being rendered.
        page: String,
        /// The template used.
        template: String,
        /// Tera's explanation.
        message: String,
    },
    /// Two outputs were written to one path.
    #[error("two pages would be written to `{0}`")]
    DuplicateOutput(String),
    /// A file to create exists already.
    #[error("`{}` already exists; mentorlog never overwrites a file", .0.display())]
    WouldOverwrite(PathBuf),
    /// A page path that could leave the output folder (never made from valid input).
    #[error("refusing to write `{0}`: the path could leave the output folder")]
    UnsafeOutputPath(String),
    /// The output folder was refused to protect the user's files.
    #[error("refusing to write the site into `{}`: {reason}", path.display())]
    OutputRefused {
        /// The refused folder.
        path: PathBuf,
        /// Why, and what to do instead.
        reason: String,
    },
}

/// Result with the library's error.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// Wraps an I/O error with what was being done and to which path.
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            action,
            path: path.into(),
            source,
        }
    }
}
