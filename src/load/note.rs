//! One note: read, split, its front matter and body parsed, its date and title found, and its page name.

use std::path::Path;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Diagnostics, Origin, Severity};
use crate::fs::read_bytes;
use crate::layout::note_stem;
use crate::slug::slugify;
use crate::source::{FrontMatter, Note, SessionSource};

use super::{LinkTargets, damage, date, frontmatter, markdown, unreadable};

/// URL-safe page names for notes, unique: on a collision `-2`, `-3` … in path order.
pub(super) fn page_slugs(notes: &[String]) -> Vec<String> {
    let mut taken = std::collections::HashSet::new();
    notes
        .iter()
        .map(|rel| {
            let rel = rel.trim_start_matches("sessions/");
            let inner = note_stem(rel).unwrap_or(rel);
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
pub(super) struct NoteFile<'a> {
    pub(super) root: &'a Path,
    pub(super) rel: &'a str,
    pub(super) index: usize,
    pub(super) slug: &'a str,
    pub(super) targets: &'a LinkTargets,
    pub(super) raw_html: bool,
    pub(super) drafts: bool,
}

impl NoteFile<'_> {
    pub(super) fn load(&self, diags: &mut Diagnostics) -> Option<SessionSource> {
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
    pub(super) fn parse_bytes(&self, path: &Path, bytes: Vec<u8>, diags: &mut Diagnostics) -> Option<SessionSource> {
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
        let name = self.rel.rsplit('/').next().unwrap_or(self.rel);
        let stem = note_stem(name).unwrap_or(name);
        let (date, date_origin) = session_date(path, text, stem, &front, diags)?;
        // A draft left out needs no rendering.
        let (title, title_names, note) = if front.draft && !self.drafts {
            (String::new(), None, Note::default())
        } else {
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
            (title, title_names, note)
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
        date::DateRead::Unusable => {
            if let Some(d) = from_name {
                diags.push(
                    Diagnostic::at(
                        Severity::Warning,
                        origin,
                        format!("`date: {raw}` is not a date; the file name's date {d} is used"),
                    )
                    .help("write it as `date: YYYY-MM-DD`"),
                );
                Some((d, origin.clone()))
            } else {
                diags.push(
                    Diagnostic::at(Severity::Error, origin, format!("`date: {raw}` is not a date"))
                        .help("write it as `date: YYYY-MM-DD`, e.g. `date: 2026-01-08`"),
                );
                None
            }
        }
    }
}

/// `2026-01-08-roadmap-conflict` → `Roadmap conflict`; a bare date stays as written.
pub(super) fn title_from_file_name(stem: &str) -> String {
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
