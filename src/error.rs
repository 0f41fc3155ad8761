//! The library's error type: each variant carries the path, template or page it is
//! about, so a message can name it and tests can match the variant.

use std::path::PathBuf;

/// Everything that stops a load, render or write.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read, created or moved.
    #[error("{action} `{}`: {}", path.display(), explain(source))]
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
    #[error("refusing to write the site into `{}`{}: {reason}", path.display(), resolved_note(path, resolved.as_deref()))]
    OutputRefused {
        /// The refused folder, as the user wrote it.
        path: PathBuf,
        /// Where it leads, once `.`, `..` and symbolic links are resolved (when known).
        resolved: Option<PathBuf>,
        /// Why, and what to do instead.
        reason: String,
    },
    /// A top-level input (`sessions`, `static`, `templates`, `journal.yaml`,
    /// `program.yaml`, a program's journal folder) is a symbolic link that leads where
    /// mentorlog may not read.
    #[error("`{}` is a symbolic link to `{}`: {reason}", link.display(), target.display())]
    LinkRefused {
        /// The link.
        link: PathBuf,
        /// Where it leads.
        target: PathBuf,
        /// Why it is refused, and what to do instead.
        reason: String,
    },
}

/// ` (that is `/real/place`)` when the path the user wrote leads elsewhere than it reads.
fn resolved_note(path: &std::path::Path, resolved: Option<&std::path::Path>) -> String {
    match resolved {
        Some(r) if r != path => format!(" (that is `{}`)", r.display()),
        _ => String::new(),
    }
}

/// An operating-system error in words a user can act on: "Device or resource busy (os
/// error 16)" says nothing about what to do. Errors without a sentence of their own keep
/// the system's text, without the error number.
pub fn explain(error: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let sentence = match error.kind() {
        K::PermissionDenied => {
            "Permission denied: the user running mentorlog may not do this here; check the permissions of the file or folder and of the folders above it"
        }
        K::NotFound => "No such file or folder",
        K::AlreadyExists => "something of that name already exists",
        K::ResourceBusy => {
            "the folder is busy: it is a mount point, or another program is using it; choose a folder inside it, or close that program"
        }
        K::DirectoryNotEmpty => {
            "the folder is not empty (another program may have written into it while mentorlog ran)"
        }
        K::CrossesDevices => {
            "it is a mount point (another disk or file system than the folder above it), so the new site cannot be swapped in; choose a folder inside it"
        }
        K::StorageFull => "the disk is full",
        K::QuotaExceeded => "the disk quota is used up",
        K::ReadOnlyFilesystem => "the disk is mounted read-only",
        K::FileTooLarge => "the file is larger than the file system, or a limit set for this process, allows",
        K::NotADirectory => "a part of the path is a file, not a folder",
        K::IsADirectory => "it is a folder, not a file",
        _ => {
            let text = error.to_string();
            // "Text (os error N)" → "Text": the number helps no one.
            return match text.rfind(" (os error ") {
                Some(at) if text.ends_with(')') => text[..at].to_string(),
                _ => text,
            };
        }
    };
    sentence.to_string()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_errors_are_sentences_without_numbers() {
        // EPERM, ENOENT, EACCES, EBUSY, EEXIST, EXDEV, ENOTDIR, ENOSPC, EROFS, ENOTEMPTY, ELOOP.
        for code in [1, 2, 13, 16, 17, 18, 20, 28, 30, 39, 40] {
            let text = explain(&std::io::Error::from_raw_os_error(code));
            assert!(!text.contains("os error"), "{code}: {text}");
            assert!(text.len() > 10, "{code}: {text}");
        }
        let busy = explain(&std::io::Error::from_raw_os_error(16));
        assert!(busy.contains("mount point"), "{busy}");
        let error = Error::io(
            "cannot swap the new site in at",
            "/x",
            std::io::Error::from_raw_os_error(18),
        );
        assert!(error.to_string().contains("mount point"), "{error}");
    }
}
