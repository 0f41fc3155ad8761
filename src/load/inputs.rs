//! Finding a journal's input files: the top-level inputs and their links, then `sessions/` and `static/` walked in sorted order, leaving out hidden and scratch files, built sites, conflict copies, names that cannot be published and links that lead outside.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::error::{Error, Result};
use crate::fs::InputFile;
use crate::layout::{OUTPUT_MARKER, SESSIONS, TOP_INPUTS, is_note_extension, is_skipped};

/// The journal's top-level inputs, where they really are. One that is a symbolic link
/// leading outside the journal, or onto another input (`static` → `.` would publish every
/// note's source as it is), is an error and is not read at all; a link that stays inside
/// is read like the folder or file it leads to.
pub(super) struct Inputs {
    /// The journal's real folder; `None` only if it vanished.
    real_root: Option<PathBuf>,
    /// Each input that exists, by name, with its real place.
    real: Vec<(&'static str, PathBuf)>,
    /// The inputs refused.
    refused: Vec<&'static str>,
}

impl Inputs {
    pub(super) fn find(root: &Path, diags: &mut Diagnostics) -> Inputs {
        let real_root = std::fs::canonicalize(root).ok();
        let mut inputs = Inputs {
            real_root,
            real: Vec::new(),
            refused: Vec::new(),
        };
        let mut links = Vec::new();
        for name in TOP_INPUTS {
            let path = root.join(name);
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            if !meta.is_symlink() {
                if let Some(r) = &inputs.real_root {
                    inputs.real.push((name, r.join(name)));
                }
                continue;
            }
            match std::fs::canonicalize(&path) {
                Ok(target) => {
                    inputs.real.push((name, target.clone()));
                    links.push((name, path, target));
                }
                Err(e) => {
                    diags.push(
                        Diagnostic::file(
                            Severity::Error,
                            &path,
                            format!(
                                "`{name}` is a symbolic link that leads nowhere ({})",
                                crate::error::explain(&e)
                            ),
                        )
                        .help(format!(
                            "replace the link with the real `{name}`, or point it at a place inside the journal"
                        )),
                    );
                    inputs.refused.push(name);
                }
            }
        }
        for (name, path, target) in links {
            let reason = match &inputs.real_root {
                Some(r) if !target.starts_with(r) => Some(format!(
                    "`{name}` is a symbolic link that leads outside the journal, to `{}`; mentorlog reads nothing outside the journal folder",
                    target.display()
                )),
                Some(r) if target == *r => Some(format!(
                    "`{name}` is a symbolic link to the journal folder itself; its files would be read twice, and published as they are"
                )),
                Some(_) => inputs
                    .real
                    .iter()
                    .find(|(other, place)| *other != name && (target.starts_with(place) || place.starts_with(&target)))
                    .map(|(other, _)| {
                        format!(
                            "`{name}` is a symbolic link into the journal's `{other}`, which mentorlog reads for another purpose; its files would be read twice, and could be published as they are"
                        )
                    }),
                None => Some(format!("`{name}` is a symbolic link, and the journal folder cannot be found")),
            };
            if let Some(reason) = reason {
                diags.push(Diagnostic::file(Severity::Error, &path, reason).help(format!(
                    "replace the link with a real `{name}` (copy the files into the journal), or point it at a place inside the journal"
                )));
                inputs.refused.push(name);
            }
        }
        inputs
    }

    /// False for an input that is a refused link.
    pub(super) fn allowed(&self, name: &str) -> bool {
        !self.refused.contains(&name)
    }

    /// The file `rel` (journal-relative, found by `walk` in `folder`) as it is now: its real
    /// place is checked again the way `walk` checked it (inside the journal, not in another
    /// input) and it is opened from there without following any link, so a file swapped
    /// for a link since the walk is refused rather than read.
    pub(super) fn checked_file(&self, root: &Path, folder: &str, rel: &str) -> Result<InputFile> {
        let path = root.join(rel);
        let resolved = std::fs::canonicalize(&path).map_err(|e| Error::io("cannot read", &path, e))?;
        let refusal = self.link_refusal(folder, &resolved);
        match (&self.real_root, refusal) {
            (Some(real_root), None) => InputFile::check(real_root, &resolved),
            (_, reason) => Err(Error::io(
                "cannot read",
                &path,
                std::io::Error::other(format!(
                    "it changed while the journal was being read ({})",
                    reason.unwrap_or_else(|| "the journal folder cannot be found".to_string())
                )),
            )),
        }
    }

    /// Why a symbolic link found inside `folder` that leads to `target` is not read:
    /// it leads outside the journal, or into another of its inputs. `None`: read it.
    fn link_refusal(&self, folder: &str, target: &Path) -> Option<String> {
        if !self.real_root.as_ref().is_some_and(|r| target.starts_with(r)) {
            return Some(format!(
                "left out: this symbolic link leads outside the journal, to `{}`",
                target.display()
            ));
        }
        self.real
            .iter()
            .find(|(name, place)| *name != folder && target.starts_with(place))
            .map(|(name, _)| {
                format!("left out: this symbolic link leads into the journal's `{name}`, which is not published from `{folder}/`")
            })
    }
}

/// Journal-relative paths (with `/`) of the files under `root/folder` that `keep` accepts,
/// sorted. Skipped: hidden entries (editor swap and lock files among them), editor backups
/// (`name~`, `#name#`), sync tools' conflict copies (with a warning), folders holding an
/// output marker (with a warning: a folder of notes with a stray marker would vanish
/// silently), names that are not UTF-8 (an error for a note, a warning for a static
/// file). Symbolic links are never followed out of the journal, nor into another of its
/// inputs, nor into folders (which could loop); a folder that cannot be read is an error,
/// and the walk goes on.
pub(super) fn walk(
    root: &Path,
    folder: &'static str,
    inputs: &Inputs,
    keep: impl Fn(&str) -> bool,
    diags: &mut Diagnostics,
) -> Vec<String> {
    let base = root.join(folder);
    if !inputs.allowed(folder) || !base.is_dir() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut entries = walkdir::WalkDir::new(&base)
        .sort_by_file_name()
        .follow_links(false)
        .into_iter();
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().map_or_else(|| base.clone(), Path::to_path_buf);
                let reason = e.io_error().map_or_else(|| e.to_string(), crate::error::explain);
                diags.push(
                    Diagnostic::file(Severity::Error, &path, format!("cannot read this folder: {reason}"))
                        .help("check the folder's permissions (mentorlog needs to read every file of the journal)"),
                );
                continue;
            }
        };
        let is_dir = entry.file_type().is_dir();
        if entry.depth() > 0 {
            let name = entry.file_name();
            let skip = if is_skipped(name) {
                true
            } else if is_dir && entry.path().join(OUTPUT_MARKER).exists() {
                diags.push(
                    Diagnostic::file(
                        Severity::Warning,
                        entry.path(),
                        format!(
                            "left out: this folder holds a `{OUTPUT_MARKER}` file, which marks a site built by mentorlog, so nothing in it is read"
                        ),
                    )
                    .help(format!(
                        "if the folder holds your own files, delete its `{OUTPUT_MARKER}` file (a copied site's marker)"
                    )),
                );
                true
            } else if name.to_str().is_none() {
                if let Some(d) = not_utf8(entry.path(), folder, is_dir) {
                    diags.push(d);
                }
                true
            } else {
                false
            };
            if skip {
                if is_dir {
                    entries.skip_current_dir();
                }
                continue;
            }
        }
        let Ok(rel) = entry.path().strip_prefix(root) else {
            continue;
        };
        let rel: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let rel = rel.join("/");
        if entry.path_is_symlink() && entry.depth() > 0 {
            match follow_link(entry.path(), inputs, folder, &rel, &keep) {
                Link::Read => {}
                Link::Skip => continue,
                Link::Refuse(warning) => {
                    diags.push(warning);
                    continue;
                }
            }
        } else if !entry.file_type().is_file() {
            if !is_dir && entry.depth() > 0 && keep(&rel) {
                diags.push(
                    Diagnostic::file(
                        Severity::Warning,
                        entry.path(),
                        "left out: this is not a regular file (a named pipe, a device or a socket)",
                    )
                    .help("mentorlog reads only regular files; replace it with one, or delete it"),
                );
            }
            continue;
        }
        if !keep(&rel) {
            continue;
        }
        if is_conflict_copy(&rel) {
            diags.push(
                Diagnostic::file(
                    Severity::Warning,
                    entry.path(),
                    "left out: this looks like a sync tool's conflict copy",
                )
                .help("merge what it adds into the original file, then delete this copy"),
            );
            continue;
        }
        out.push(rel);
    }
    out
}

/// The diagnostic for a name that is not UTF-8 (a page address and a link are made from
/// names, so such a file cannot be published): an error for a note, or a folder holding
/// notes, in `sessions/` (a note that cannot be published must not vanish silently), a
/// warning for a file or folder of `static/` (left out); `None` for other files in
/// `sessions/`, which are not read anyway.
fn not_utf8(path: &Path, folder: &str, is_dir: bool) -> Option<Diagnostic> {
    let is_note = |p: &Path| p.extension().and_then(|e| e.to_str()).is_some_and(is_note_extension);
    let severity = if folder != SESSIONS {
        Severity::Warning
    } else if is_dir {
        let holds_notes = walkdir::WalkDir::new(path)
            .follow_links(false)
            .into_iter()
            .flatten()
            .any(|e| e.file_type().is_file() && is_note(e.path()));
        if !holds_notes {
            return None;
        }
        Severity::Error
    } else if is_note(path) {
        Severity::Error
    } else {
        return None;
    };
    let what = match (is_dir, severity) {
        (true, Severity::Error) => "this folder's name is not valid UTF-8 text, so the notes in it cannot be published",
        (true, _) => "left out: this folder's name is not valid UTF-8 text, so its files cannot be published",
        (false, Severity::Error) => "this note's file name is not valid UTF-8 text, so it cannot be published",
        (false, _) => "left out: this file's name is not valid UTF-8 text, so it cannot be published",
    };
    Some(
        Diagnostic::file(severity, path, what).help(
            "rename it (the `�` marks the bytes that are not UTF-8); page addresses and links are made from names",
        ),
    )
}

/// What the walk does with a symbolic link.
enum Link {
    /// A link to a file inside the journal: read like any file.
    Read,
    /// Not something the walk would read anyway.
    Skip,
    /// Looks meant to be read (a note, or a link to a folder or out of the journal): left
    /// out, with this warning.
    Refuse(Diagnostic),
}

fn follow_link(path: &Path, inputs: &Inputs, folder: &str, rel: &str, keep: impl Fn(&str) -> bool) -> Link {
    let refuse =
        |message: String, help: &str| Link::Refuse(Diagnostic::file(Severity::Warning, path, message).help(help));
    match std::fs::canonicalize(path) {
        // Broken, or a loop of links: `canonicalize` gives up instead of going round.
        Err(e) if keep(rel) => refuse(
            format!(
                "left out: this symbolic link leads nowhere ({})",
                crate::error::explain(&e)
            ),
            "point the link at a file inside the journal, or delete it",
        ),
        Ok(target) if target.is_dir() => refuse(
            "left out: this is a symbolic link to a folder, and mentorlog does not follow those".to_string(),
            "move or copy the files into the journal's own folders",
        ),
        Ok(_) if !keep(rel) => Link::Skip,
        Ok(target) => match inputs.link_refusal(folder, &target) {
            None if !target.is_file() => refuse(
                "left out: this symbolic link leads to something that is not a regular file (a named pipe, a device or a socket)".to_string(),
                "point the link at a file inside the journal, or delete it",
            ),
            None => Link::Read,
            Some(message) => refuse(
                message,
                "mentorlog reads only files inside the journal, each from its own folder; copy the file in if it belongs here",
            ),
        },
        Err(_) => Link::Skip,
    }
}

/// Conflict copies that Syncthing (`name.sync-conflict-DATE-TIME-ID.md`), Dropbox and
/// Nextcloud (`name (… conflicted copy …).md`) leave when two people edit a file at once.
fn is_conflict_copy(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel).to_lowercase();
    name.contains(".sync-conflict-") || name.contains("conflicted copy")
}
