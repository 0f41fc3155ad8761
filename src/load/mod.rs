//! Load: read a journal folder from disk into typed, parsed sources. Finds
//! `journal.yaml`, walks `sessions/` (sorted, hidden entries and output folders skipped),
//! reads `static/`, and parses every note in parallel. Interprets no domain rules.

pub mod body;
pub mod cache;
pub mod damage;
pub mod date;
pub mod frontmatter;
pub mod journal;
pub mod markdown;
pub mod program;
mod sanitize;
pub mod yaml;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics, Origin, Severity};
use crate::error::{Error, Result};
use crate::fs::read_bytes;
use crate::layout::{JOURNAL_FILE, OUTPUT_MARKER, SESSIONS, STATIC, TOP_INPUTS, is_skipped};
use crate::slug::slugify;
use crate::source::{FrontMatter, JournalConfig, JournalSource, Note, SessionSource, StaticFile};

pub use cache::NoteCache;
pub use markdown::LinkTargets;

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
/// diagnostics, and `None` when `journal.yaml` is unusable; `Err` only when the folder has
/// no `journal.yaml` at all.
pub fn journal(root: &Path, options: &LoadOptions, diags: &mut Diagnostics) -> Result<Option<JournalSource>> {
    journal_cached(root, options, None, diags)
}

/// `journal`, reusing the notes `cache` parsed in an earlier load when nothing they depend
/// on changed (`serve`, between rebuilds).
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
    let notes = walk(root, SESSIONS, &inputs, |name| name.ends_with(".md"), diags);
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
    let read: Vec<Result<Vec<u8>>> = static_paths.par_iter().map(|rel| read_bytes(&root.join(rel))).collect();
    let mut statics = Vec::with_capacity(read.len());
    for (rel, bytes) in static_paths.iter().zip(read) {
        match bytes {
            Ok(bytes) => statics.push(StaticFile {
                rel: rel.trim_start_matches("static/").to_string(),
                bytes,
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

/// The journal's top-level inputs, where they really are. One that is a symbolic link
/// leading outside the journal, or onto another input (`static` → `.` would publish every
/// note's source as it is), is an error and is not read at all; a link that stays inside
/// is read like the folder or file it leads to.
struct Inputs {
    /// The journal's real folder; `None` only if it vanished.
    real_root: Option<PathBuf>,
    /// Each input that exists, by name, with its real place.
    real: Vec<(&'static str, PathBuf)>,
    /// The inputs refused.
    refused: Vec<&'static str>,
}

impl Inputs {
    fn find(root: &Path, diags: &mut Diagnostics) -> Inputs {
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
    fn allowed(&self, name: &str) -> bool {
        !self.refused.contains(&name)
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
fn walk(
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
    let is_note = |p: &Path| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("md"));
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

/// URL-safe page names for notes, unique: on a collision `-2`, `-3` … in path order.
fn page_slugs(notes: &[String]) -> Vec<String> {
    let mut taken = std::collections::HashSet::new();
    notes
        .iter()
        .map(|rel| {
            let inner = rel.trim_start_matches("sessions/").trim_end_matches(".md");
            let parts: Vec<String> = inner
                .split('/')
                .map(|p| {
                    let mut s = slugify(p);
                    // A file name near the file system's limit would not fit once `.md`
                    // becomes `.html`: cut it (collisions get `-2` below).
                    if s.len() > frontmatter::MAX_PAGE_NAME {
                        let mut cut = frontmatter::MAX_PAGE_NAME;
                        while !s.is_char_boundary(cut) {
                            cut -= 1;
                        }
                        s.truncate(cut);
                        s = s.trim_end_matches('-').to_string();
                    }
                    if s.is_empty() { "note".to_string() } else { s }
                })
                .collect();
            let base = parts.join("/");
            let mut candidate = base.clone();
            let mut n = 2;
            while !taken.insert(candidate.clone()) {
                candidate = format!("{base}-{n}");
                n += 1;
            }
            candidate
        })
        .collect()
}

/// One note being loaded.
struct NoteFile<'a> {
    root: &'a Path,
    rel: &'a str,
    index: usize,
    slug: &'a str,
    targets: &'a LinkTargets,
    raw_html: bool,
    drafts: bool,
}

impl NoteFile<'_> {
    fn load(&self, diags: &mut Diagnostics) -> Option<SessionSource> {
        let path = self.root.join(self.rel);
        let bytes = match read_bytes(&path) {
            Ok(b) => b,
            Err(e) => {
                diags.push(unreadable(&path, "the note", &e));
                return None;
            }
        };
        self.parse_bytes(&path, bytes, diags)
    }

    /// Everything `load` does once the file is read.
    fn parse_bytes(&self, path: &Path, bytes: Vec<u8>, diags: &mut Diagnostics) -> Option<SessionSource> {
        let text = damage::decode(path, bytes, "the note", diags)?;
        if text.trim_start_matches('\u{feff}').trim().is_empty() {
            diags.push(
                Diagnostic::file(Severity::Error, path, "the note is empty")
                    .help("add front matter with a `date:` and some notes, or delete the file"),
            );
            return None;
        }
        let mut local = Diagnostics::new();
        let session = self.parse(path, &text, &mut local);
        let is_draft = session
            .as_ref()
            .map_or_else(|| looks_like_draft(&text), |s| s.front.draft);
        if is_draft && !self.drafts {
            // Left out of the site, but kept (without its text) so the fold can still
            // report its problems as warnings.
            local.demote_errors();
        }
        diags.extend(local);
        session
    }

    fn parse(&self, path: &Path, text: &str, diags: &mut Diagnostics) -> Option<SessionSource> {
        let split = frontmatter::split_note(path, text, diags)?;
        // A merge conflict in the front matter leaves no YAML worth parsing; one in the
        // body is reported, and the rest of the note is still checked.
        let conflicts = damage::conflicts(path, text, diags);
        if conflicts.first().is_some_and(|&line| line <= split.body_line) {
            return None;
        }
        let front = frontmatter::read(path, text, &split, diags)?;
        let stem = self.rel.rsplit('/').next().unwrap_or(self.rel).trim_end_matches(".md");
        let (date, date_origin) = session_date(path, text, stem, &front, diags)?;
        if front.draft && !self.drafts {
            // Left out: no need to render it.
            return Some(SessionSource {
                path: path.to_path_buf(),
                rel: self.rel.to_string(),
                note_index: self.index,
                slug_path: self.slug.to_string(),
                date,
                date_origin,
                title: String::new(),
                title_names: None,
                front,
                note: Note::default(),
            });
        }
        let dir = self.rel.rsplit_once('/').map_or("", |(d, _)| d);
        let cx = markdown::NoteContext {
            path,
            file_text: text,
            body_line: split.body_line,
            dir,
            targets: self.targets,
            raw_html: self.raw_html,
        };
        let note = markdown::render(split.body, &cx, diags);
        let heading = note.first_heading.as_ref().filter(|h| !h.is_blank());
        let (title, title_names) = match (front.title.clone().filter(|t| !t.is_empty()), heading) {
            (Some(title), _) => (title, None),
            (None, Some(h)) => (h.hidden().trim().to_string(), h.names_notes().then(|| h.clone())),
            (None, None) => (title_from_file_name(stem), None),
        };
        Some(SessionSource {
            path: path.to_path_buf(),
            rel: self.rel.to_string(),
            note_index: self.index,
            slug_path: self.slug.to_string(),
            date,
            date_origin,
            title,
            title_names,
            front,
            note,
        })
    }
}

/// A note whose front matter did not parse may still say `draft: true`.
fn looks_like_draft(text: &str) -> bool {
    text.lines().take(40).any(|l| {
        let l = l.trim().to_lowercase();
        l.starts_with("draft:") && l.trim_start_matches("draft:").trim() == "true"
    })
}

fn session_date(
    path: &Path,
    text: &str,
    stem: &str,
    front: &FrontMatter,
    diags: &mut Diagnostics,
) -> Option<(NaiveDate, Origin)> {
    let from_name = date::from_file_name(stem);
    let line_one = || Origin::in_text(path, text, 1, 1);
    let Some((raw, origin)) = &front.date else {
        if let Some(d) = from_name {
            return Some((d, line_one()));
        }
        diags.push(Diagnostic::file(Severity::Error, path, "the note has no date").help(
            "add `date: YYYY-MM-DD` to its front matter, or start the file name with the date (2026-01-08-….md)",
        ));
        return None;
    };
    match date::from_front_matter(raw) {
        date::DateRead::Clean(d) => Some((d, origin.clone())),
        date::DateRead::Tolerated(d, why) => {
            diags.push(
                Diagnostic::at(
                    Severity::Warning,
                    origin,
                    format!("`date: {raw}` is read as {d}, but {why}"),
                )
                .help(format!("write it as `date: {d}`")),
            );
            Some((d, origin.clone()))
        }
        date::DateRead::Unusable => match from_name {
            Some(d) => {
                diags.push(
                    Diagnostic::at(
                        Severity::Warning,
                        origin,
                        format!("`date: {raw}` is not a date; the file name's date {d} is used"),
                    )
                    .help("write it as `date: YYYY-MM-DD`"),
                );
                Some((d, origin.clone()))
            }
            None => {
                diags.push(
                    Diagnostic::at(Severity::Error, origin, format!("`date: {raw}` is not a date"))
                        .help("write it as `date: YYYY-MM-DD`, e.g. `date: 2026-01-08`"),
                );
                None
            }
        },
    }
}

/// `2026-01-08-roadmap-conflict` → `Roadmap conflict`; a bare date stays as written.
fn title_from_file_name(stem: &str) -> String {
    let mut rest = stem;
    if date::from_file_name(stem).is_some() {
        // Drop the date prefix: three dash-separated parts.
        rest = stem.splitn(4, '-').nth(3).unwrap_or("");
    }
    let words = rest.replace(['-', '_'], " ");
    let words = words.trim();
    if words.is_empty() {
        return stem.to_string();
    }
    let mut chars = words.chars();
    chars
        .next()
        .map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_slugs_are_unique_in_path_order() {
        let notes = vec![
            "sessions/A b.md".to_string(),
            "sessions/a-b.md".to_string(),
            "sessions/x/Ünïcode!.md".to_string(),
        ];
        assert_eq!(page_slugs(&notes), vec!["a-b", "a-b-2", "x/ünïcode"]);
    }

    #[test]
    fn titles_from_file_names() {
        assert_eq!(title_from_file_name("2026-01-08-roadmap-conflict"), "Roadmap conflict");
        assert_eq!(title_from_file_name("07-07-2022"), "07-07-2022");
        assert_eq!(title_from_file_name("2022-07-3"), "2022-07-3");
    }
}
