//! The journal's folder layout, and the mark a built site leaves: the one place that
//! names them, so loading, watching, scaffolding and choosing an output folder agree on
//! what is input and what is not.

use std::ffi::OsStr;

/// A journal's settings file; a folder holding one is a journal.
pub const JOURNAL_FILE: &str = "journal.yaml";

/// A program's settings file; a folder holding one is a program.
pub const PROGRAM_FILE: &str = "program.yaml";

/// The notes, at any depth.
pub const SESSIONS: &str = "sessions";

/// The extensions of a note's file name, matched in any case (`.MD`, `.Markdown`): the
/// names editors, git hosts and other site generators give Markdown (`.markdown` is
/// Jekyll's default). Any other file in `sessions/` is not a note.
pub const NOTE_EXTENSIONS: [&str; 5] = ["md", "markdown", "mdown", "mkd", "mkdn"];

/// True when `extension` (without its dot) is a note's, in any case.
pub fn is_note_extension(extension: &str) -> bool {
    NOTE_EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(extension))
}

/// `name` (a file name, or a path with `/`) without its note extension, when it is a
/// note's name: a note extension (in any case) after a non-empty file stem.
pub fn note_stem(name: &str) -> Option<&str> {
    let (stem, extension) = name.rsplit_once('.')?;
    let file_stem = stem.rsplit('/').next().unwrap_or(stem);
    (!file_stem.is_empty() && is_note_extension(extension)).then_some(stem)
}

/// True for a note's file name (or path with `/`): see `note_stem`.
pub fn is_note(name: &str) -> bool {
    note_stem(name).is_some()
}

/// Files published as they are.
pub const STATIC: &str = "static";

/// Templates overriding the theme's, file by file.
pub const TEMPLATES: &str = "templates";

/// The folders a journal reads besides its settings file.
pub const FOLDERS: [&str; 3] = [SESSIONS, STATIC, TEMPLATES];

/// Everything a journal reads at its top level.
pub const TOP_INPUTS: [&str; 4] = [JOURNAL_FILE, SESSIONS, STATIC, TEMPLATES];

/// The file marking a folder as a site mentorlog built (it lists the files built there):
/// such a folder is never read as input, and only such a folder is overwritten.
pub const OUTPUT_MARKER: &str = ".mentorlog-site";

/// The rest of `rel` (journal-relative, with `/`) when it lies inside `folder`.
pub fn inside<'a>(folder: &str, rel: &'a str) -> Option<&'a str> {
    rel.strip_prefix(folder)?.strip_prefix('/')
}

/// True when `name` is a hidden file or folder name (starts with a dot), UTF-8 or not.
pub fn is_hidden(name: &OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// True for a name the loader leaves out: hidden, or an editor's backup or autosave file
/// (`name~` from vim, emacs and gedit, `#name#` from emacs). Swap and lock files
/// (`.name.swp`, `.#name`) are hidden files.
pub fn is_skipped(name: &OsStr) -> bool {
    is_hidden(name)
        || name
            .to_str()
            .is_some_and(|n| n.ends_with('~') || (n.len() > 1 && n.starts_with('#') && n.ends_with('#')))
}

/// True for a name an editor writes while saving, whose changes are no change to the
/// journal (serve's watcher): what the loader skips, plus swap files and the file vim
/// writes (`4913`) to learn whether it may create files in the folder.
pub fn is_scratch(name: &str) -> bool {
    is_skipped(OsStr::new(name)) || name == "#" || name == "4913" || name.ends_with(".swp") || name.ends_with(".swx")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_markdown_files_by_any_usual_extension_in_any_case() {
        for (name, stem) in [
            ("sessions/2026-01-08-a.md", "sessions/2026-01-08-a"),
            ("2014-03-01-welcome.markdown", "2014-03-01-welcome"),
            ("a.MD", "a"),
            ("a.Markdown", "a"),
            ("x/a.mdown", "x/a"),
            ("a.mkd", "a"),
            ("a.MKDN", "a"),
            ("v1.2.md", "v1.2"),
        ] {
            assert_eq!(note_stem(name), Some(stem), "{name}");
        }
        for name in [
            "a.txt", "a.md.txt", "md", "x/.md", ".md", "a.html", "a.mdx", "a.rmd", "a.md/b",
        ] {
            assert!(!is_note(name), "{name}");
        }
    }

    #[test]
    fn scratch_files_are_what_the_loader_skips_and_editors_swap_files() {
        for name in [".a.md.swp", "a.md~", "#a.md#", "#", "4913", "a.swx", ".DS_Store"] {
            assert!(is_scratch(name), "{name}");
        }
        for name in ["a.md", "4913.md", "chart.png"] {
            assert!(!is_scratch(name), "{name}");
            assert!(!is_skipped(OsStr::new(name)), "{name}");
        }
        assert!(is_skipped(OsStr::new("#a#")) && !is_skipped(OsStr::new("#")));
    }
}
