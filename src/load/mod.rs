//! Load: read a journal folder from disk into typed, parsed sources. Finds
//! `journal.yaml`, walks `sessions/` (sorted, hidden entries and output folders skipped),
//! reads `static/`, and parses every note in parallel. Interprets no domain rules.
//!
//! Here: the order of the steps, and what a program decides for its journals. `inputs`
//! finds the files, `note` reads one note.

pub mod body;
pub mod cache;
pub mod damage;
pub mod date;
pub mod frontmatter;
mod inputs;
pub mod journal;
pub mod markdown;
mod note;
pub mod program;
mod sanitize;
pub mod yaml;

use std::path::Path;

use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics, Origin, Severity};
use crate::error::{Error, Result};
use crate::fs::{InputFile, read_bytes};
use crate::layout::{JOURNAL_FILE, SESSIONS, STATIC, is_note};
use crate::source::{JournalConfig, JournalSource, StaticFile};

pub use cache::NoteCache;
use inputs::{Inputs, walk};
pub use markdown::LinkTargets;
use note::{NoteFile, page_slugs};

/// How to load.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Drafts are part of the site: their errors stay errors.
    pub drafts: bool,
    /// The journal is part of a program, whose settings win over the journal's own.
    pub program: Option<ProgramRules>,
}

/// What a program decides for its journals (PRODUCT.md, "Programs and shared domains").
#[derive(Debug, Clone)]
pub struct ProgramRules {
    /// Raw HTML in notes (and script-capable static files) allowed.
    pub raw_html: bool,
    /// Ask search engines not to index.
    pub noindex: bool,
    /// `<html lang>`.
    pub language: String,
    /// The program's base URL plus the journal's slug, if the program has one.
    pub base_url: Option<String>,
}

/// The static file types a browser never runs script in, by extension: the only ones a
/// program publishes without `raw_html` (a pair's `static/` is not trusted to run script
/// on the program's shared domain). An allowlist, because the list of types that can run
/// script is long and grows (`.html`, `.svg`, `.xhtml`, `.xht`, `.xml`, `.xsl`, `.shtml`,
/// `.js`, `.mjs`, and every type a host may not know and serve as HTML). SVG is an image
/// that can run script, so it is not here; neither is CSS, which only a custom template
/// uses. JSON and Markdown are served as data or text and are never run.
pub const SCRIPT_FREE: &[&str] = &[
    // Images.
    "png", "jpg", "jpeg", "gif", "webp", "avif", "ico", "bmp", // Audio.
    "mp3", "ogg", "oga", "opus", "wav", "flac", "m4a", "aac", // Video.
    "mp4", "m4v", "webm", "ogv", "mov", // Fonts.
    "woff", "woff2", "ttf", "otf", // Documents, text and data.
    "pdf", "txt", "csv", "tsv", "md", "json",
];

/// True for a static file (path with `/`) whose type a browser never runs script in.
fn is_script_free(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.rsplit_once('.').is_some_and(|(stem, extension)| {
        !stem.is_empty() && SCRIPT_FREE.contains(&extension.to_ascii_lowercase().as_str())
    })
}

/// Reads the journal at `root`. Problems in its files (unreadable, damaged, invalid) are
/// diagnostics, and `None` when `journal.yaml` is unusable.
///
/// # Errors
///
/// `Error::NotAJournal` only when the folder has no `journal.yaml` at all.
pub fn journal(root: &Path, options: &LoadOptions, diags: &mut Diagnostics) -> Result<Option<JournalSource>> {
    journal_cached(root, options, None, diags)
}

/// `journal`, reusing the notes `cache` parsed in an earlier load when nothing they depend
/// on changed (`serve`, between rebuilds).
///
/// # Errors
///
/// As `journal`.
pub fn journal_cached(
    root: &Path,
    options: &LoadOptions,
    cache: Option<&NoteCache>,
    diags: &mut Diagnostics,
) -> Result<Option<JournalSource>> {
    let config_path = root.join(JOURNAL_FILE);
    if !config_path.exists() && !config_path.is_symlink() {
        return Err(Error::NotAJournal(root.to_path_buf()));
    }
    let inputs = Inputs::find(root, diags);
    let config_text = if !inputs.allowed(JOURNAL_FILE) {
        None
    } else if config_path.is_dir() {
        diags.push(
            Diagnostic::file(Severity::Error, &config_path, "journal.yaml is a folder, not a file")
                .help("journal.yaml is a text file with at least `title:`, `mentor:` and `mentee:` lines"),
        );
        None
    } else {
        match read_bytes(&config_path) {
            Ok(bytes) => damage::decode(&config_path, bytes, JOURNAL_FILE, diags),
            Err(e) => {
                diags.push(unreadable(&config_path, JOURNAL_FILE, &e));
                None
            }
        }
    };
    let config = config_text.and_then(|text| {
        journal::read(&config_path, &text, diags).map(|config| match &options.program {
            Some(rules) => apply_program_rules(config, rules, &config_path, &text, diags),
            None => config,
        })
    });
    let notes = walk(root, SESSIONS, &inputs, is_note, diags);
    let mut static_paths = walk(root, STATIC, &inputs, |_| true, diags);
    // A `\` is a folder separator in URLs on some hosts and on Windows: such a name
    // cannot be published as the same file.
    static_paths.retain(|rel| {
        let odd = rel.contains('\\');
        if odd {
            diags.push(
                Diagnostic::file(
                    Severity::Warning,
                    &root.join(rel),
                    "left out: a static file's name may not contain `\\`",
                )
                .help("rename the file without the backslash"),
            );
        }
        !odd
    });
    if options.program.as_ref().is_some_and(|rules| !rules.raw_html) {
        static_paths.retain(|rel| {
            let script_free = is_script_free(rel);
            if !script_free {
                diags.push(
                    Diagnostic::file(
                        Severity::Warning,
                        &root.join(rel),
                        "left out: in a program, static files are published only when they are of a type no browser runs script in (images, audio, video, fonts, PDF, plain text)",
                    )
                    .help(format!(
                        "the program's `raw_html: true` in program.yaml allows every file; the types published without it are: {}",
                        SCRIPT_FREE.join(", ")
                    )),
                );
            }
            script_free
        });
    }
    let slugs = page_slugs(&notes);
    let mut targets = LinkTargets::default();
    for (i, rel) in notes.iter().enumerate() {
        targets.add_note(rel, &slugs[i], i);
    }
    for (i, rel) in static_paths.iter().enumerate() {
        targets.statics.insert(rel.clone(), i);
    }
    let raw_html = config.as_ref().is_some_and(|c| c.raw_html);
    let context = cache.map(|_| NoteCache::context(root, raw_html, options.drafts, &notes, &static_paths));
    let parsed: Vec<_> = notes
        .par_iter()
        .enumerate()
        .map(|(i, rel)| {
            let note = NoteFile {
                root,
                rel,
                index: i,
                slug: &slugs[i],
                targets: &targets,
                raw_html,
                drafts: options.drafts,
            };
            if let (Some(cache), Some(context)) = (cache, context) {
                return cache.load(&note, context);
            }
            let mut local = Diagnostics::new();
            let session = note.load(&mut local);
            ((session, local), None)
        })
        .collect();
    if let Some(cache) = cache {
        cache.keep(root, &parsed);
    }
    let mut sessions = Vec::with_capacity(parsed.len());
    for ((session, local), _) in parsed {
        diags.extend(local);
        sessions.extend(session);
    }
    // Checked now, copied or served later: a static file is never held in memory.
    let checked: Vec<Result<InputFile>> = static_paths
        .par_iter()
        .map(|rel| inputs.checked_file(root, STATIC, rel))
        .collect();
    let mut statics = Vec::with_capacity(checked.len());
    for (rel, file) in static_paths.iter().zip(checked) {
        match file {
            Ok(file) => statics.push(StaticFile {
                rel: rel.trim_start_matches("static/").to_string(),
                file,
            }),
            // An error: nothing is rendered, so the static indexes links use never shift.
            Err(e) => diags.push(unreadable(&root.join(rel), "the file", &e)),
        }
    }
    Ok(config.map(|config| JournalSource {
        root: root.to_path_buf(),
        config,
        sessions,
        statics,
    }))
}

/// The program decides `raw_html`, `noindex`, `language` and the base URL; a journal's own
/// `raw_html` and `base_url` are ignored there, with a warning.
fn apply_program_rules(
    mut config: JournalConfig,
    rules: &ProgramRules,
    path: &Path,
    text: &str,
    diags: &mut Diagnostics,
) -> JournalConfig {
    let index = yaml::KeyIndex::build(text);
    for key in ["raw_html", "base_url"] {
        if let Some((line, col)) = index.top(key) {
            let origin = Origin::in_text(path, text, line, col);
            diags.push(
                Diagnostic::at(
                    Severity::Warning,
                    &origin,
                    format!("`{key}` is ignored: this journal is part of a program"),
                )
                .help("program.yaml decides it for every journal of the program"),
            );
        }
    }
    config.raw_html = rules.raw_html;
    config.noindex = rules.noindex;
    config.language.clone_from(&rules.language);
    config.base_url.clone_from(&rules.base_url);
    config
}

/// A whole-file error for a file that could not be read, without repeating its path.
fn unreadable(path: &Path, what: &str, error: &Error) -> Diagnostic {
    let reason = match error {
        Error::Io { source, .. } => crate::error::explain(source),
        other => other.to_string(),
    };
    let odd = matches!(error, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::InvalidInput);
    let help = if odd {
        "replace it with a regular file (a text file for journal.yaml and notes)"
    } else {
        "check the file's permissions (mentorlog needs to read every file of the journal)"
    };
    Diagnostic::file(Severity::Error, path, format!("cannot read {what}: {reason}")).help(help)
}

#[cfg(test)]
mod tests {
    use super::note::title_from_file_name;
    use super::*;

    #[test]
    fn page_slugs_are_unique_in_path_order() {
        let notes = vec![
            "sessions/A b.md".to_string(),
            "sessions/a-b.md".to_string(),
            "sessions/x/Ünïcode!.md".to_string(),
        ];
        assert_eq!(page_slugs(&notes), vec!["a-b", "a-b-2", "x/ünïcode"]);
        // Every note extension, in any case, becomes `.html`: the same name with another
        // extension clashes like any other name, `-2` in sorted path order.
        let notes = vec![
            "sessions/a.MD".to_string(),
            "sessions/a.markdown".to_string(),
            "sessions/a.md".to_string(),
            "sessions/b.Mkdn".to_string(),
        ];
        assert_eq!(page_slugs(&notes), vec!["a", "a-2", "a-3", "b"]);
    }

    #[test]
    fn titles_from_file_names() {
        assert_eq!(title_from_file_name("2026-01-08-roadmap-conflict"), "Roadmap conflict");
        assert_eq!(title_from_file_name("07-07-2022"), "07-07-2022");
        assert_eq!(title_from_file_name("2022-07-3"), "2022-07-3");
    }
}
