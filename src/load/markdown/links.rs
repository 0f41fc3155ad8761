//! Where links inside notes lead: every note and static file of the journal by path and by name, and a link's destination resolved to one of them, kept as it is, or dropped.

use std::collections::HashMap;

use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::layout::{SESSIONS, STATIC, inside, is_note, note_stem};
use crate::source::Target;

use super::{Lines, NoteContext};

/// What links inside notes may point at: every note and static file of the journal.
#[derive(Debug, Default)]
pub struct LinkTargets {
    /// Journal-relative note paths (`sessions/…md`) → note index.
    pub notes: HashMap<String, usize>,
    /// Note paths without their extension (`sessions/…`) → note index; the first in path
    /// order wins (`a.markdown` before `a.md`).
    bases: HashMap<String, usize>,
    /// File stems (wikilink names) → note index; the first in path order wins.
    pub stems: HashMap<String, usize>,
    /// Journal-relative static paths (`static/…`) → static index.
    pub statics: HashMap<String, usize>,
    /// Lower-cased note paths and stems → the note, or `None` when several notes share
    /// it: a wikilink written in another case (as Obsidian and case-insensitive file
    /// systems resolve it) still names that note, so its name stays typed.
    folded: HashMap<String, Option<usize>>,
    /// Every note's file stem and page name, lower-cased: what a URL in raw HTML names.
    names: std::collections::HashSet<String>,
}

impl LinkTargets {
    /// Adds note `index` at the journal-relative `rel` (`sessions/…md`, or any note
    /// extension), whose page is `slug` (under `sessions/`, without `.html`).
    pub fn add_note(&mut self, rel: &str, slug: &str, index: usize) {
        self.notes.insert(rel.to_string(), index);
        let base = note_stem(rel).unwrap_or(rel);
        self.bases.entry(base.to_string()).or_insert(index);
        let stem = base.rsplit('/').next().unwrap_or(base);
        self.stems.entry(stem.to_string()).or_insert(index);
        for key in [base.to_lowercase(), stem.to_lowercase()] {
            self.folded
                .entry(key)
                .and_modify(|n| {
                    if *n != Some(index) {
                        *n = None;
                    }
                })
                .or_insert(Some(index));
        }
        self.names.insert(stem.to_lowercase());
        let page = slug.rsplit('/').next().unwrap_or(slug);
        self.names.insert(page.to_lowercase());
    }

    /// The note a wikilink's destination points at: the note of exactly that path under
    /// `sessions/` when it has a note extension (`[[a.markdown]]` beside `a.md`), else
    /// the note `wiki_note` finds by its name.
    pub(super) fn wiki_target(&self, dest: &str) -> Option<usize> {
        let path = dest.trim().split(['#', '?']).next().unwrap_or("");
        let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
        let path = path.trim().trim_end_matches('\\').trim_end();
        is_note(path)
            .then(|| self.notes.get(&format!("{SESSIONS}/{path}")).copied())
            .flatten()
            .or_else(|| self.wiki_note(&wiki_name(dest)))
    }

    /// The note a wikilink's `name` (without its extension) points at: by its path under
    /// `sessions/`, else by its file stem; in another case when one note only matches.
    pub(super) fn wiki_note(&self, name: &str) -> Option<usize> {
        let stem = name.rsplit('/').next().unwrap_or(name);
        let path = format!("{SESSIONS}/{name}");
        if let Some(&n) = self.bases.get(&path).or_else(|| self.stems.get(stem)) {
            return Some(n);
        }
        [path.to_lowercase(), stem.to_lowercase()]
            .iter()
            .find_map(|key| self.folded.get(key).copied().flatten())
    }

    /// Whether a URL written in raw HTML names a note of the journal: relative, and its
    /// last part (percent-decoded, any case, with or without a note extension, `.html`
    /// or `.htm`) is a note's file stem or page name. Raw HTML cannot be resolved per page like a
    /// Markdown link, so such a URL would publish the name of a note that may be private.
    pub fn names_note(&self, url: &str) -> bool {
        let url = url.trim();
        if url.starts_with("//") || has_scheme(url).is_some() {
            return false;
        }
        let path = url.split(['#', '?']).next().unwrap_or(url);
        let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
        let Some(last) = path.split(['/', '\\']).rev().find(|p| !p.is_empty()) else {
            return false;
        };
        let last = last.trim().to_lowercase();
        let name = note_stem(&last)
            .or_else(|| [".html", ".htm"].iter().find_map(|ext| last.strip_suffix(ext)))
            .unwrap_or(&last);
        self.names.contains(name)
    }
}

/// What a link in a note turned into.
pub(super) enum Resolved {
    /// Keep this destination (a fragment, or a web, mail or phone address).
    Keep(String),
    /// A note or static file of the journal: a typed hole, with the `#fragment` if any.
    Target(Target, Option<Box<str>>),
    /// Render the link text only.
    Drop,
}

pub(super) fn has_scheme(dest: &str) -> Option<String> {
    let colon = dest.find(':')?;
    let scheme = &dest[..colon];
    let ok = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'));
    ok.then(|| scheme.to_ascii_lowercase())
}

/// What kind of reference is being resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LinkKind {
    /// `[text](dest)`.
    Link,
    /// `![alt](src)`.
    Image,
    /// `[[name]]` (not labelled: its text is the note's name) or `[[name|label]]`.
    Wiki { labelled: bool },
    /// `<sam@example.org>`: the writer adds `mailto:`.
    Email,
}

pub(super) fn resolve(
    dest: &str,
    kind: LinkKind,
    offset: usize,
    body: &Lines<'_>,
    cx: &NoteContext<'_>,
    diags: &mut Diagnostics,
) -> Resolved {
    let dest = dest.trim();
    if kind == LinkKind::Email || dest.starts_with('#') || dest.starts_with("//") {
        return Resolved::Keep(dest.to_string());
    }
    let wiki = matches!(kind, LinkKind::Wiki { .. });
    if !wiki {
        if let Some(scheme) = has_scheme(dest) {
            return if matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel") {
                Resolved::Keep(dest.to_string())
            } else {
                Resolved::Drop
            };
        }
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (dest, None),
    };
    let path = path.split('?').next().unwrap_or(path);
    let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let warn = |diags: &mut Diagnostics, message: String, help: &str| {
        let origin = body.origin(offset, cx);
        diags.push(Diagnostic::at(Severity::Warning, &origin, message).help(help));
    };
    let anchor = fragment.map(|f| {
        let mut escaped = String::with_capacity(f.len() + 1);
        // Writing to a String cannot fail.
        let _ = pulldown_cmark_escape::escape_href(&mut escaped, &format!("#{f}"));
        escaped.into_boxed_str()
    });
    if wiki {
        let name = wiki_name(dest);
        return if let Some(n) = cx.targets.wiki_target(dest) {
            Resolved::Target(Target::Note(n), anchor)
        } else {
            warn(
                diags,
                format!("`[[{name}]]` links to a note that does not exist"),
                "use the file name of a note under sessions/, without `.md`",
            );
            Resolved::Drop
        };
    }
    if dest.is_empty() {
        return empty(kind, offset, body, cx, diags);
    }
    let Some(target) = join(cx.dir, &path) else {
        warn(
            diags,
            format!("`{dest}` points outside the journal"),
            "link to notes under sessions/ or files under static/",
        );
        return Resolved::Drop;
    };
    if target.is_empty() {
        return Resolved::Keep(dest.to_string());
    }
    if let Some(&n) = cx.targets.notes.get(&target) {
        return Resolved::Target(Target::Note(n), anchor);
    }
    if let Some(&n) = cx.targets.statics.get(&target) {
        return Resolved::Target(Target::Static(n), anchor);
    }
    let what = if kind == LinkKind::Image { "image" } else { "link" };
    if inside(SESSIONS, &target).is_some() && is_note(&target) {
        warn(
            diags,
            format!("{what} `{dest}` points to a note that does not exist"),
            "check the file name; links resolve against this note's own folder",
        );
    } else if inside(STATIC, &target).is_some() {
        warn(
            diags,
            format!("{what} `{dest}` points to a file that is not in static/"),
            "add the file under static/ or fix the path; links resolve against this note's own folder",
        );
    } else {
        warn(
            diags,
            format!("{what} `{dest}` points to a file that is not published"),
            "only notes under sessions/ and files under static/ become part of the site",
        );
    }
    Resolved::Drop
}

/// An empty destination (`[top]()`, `[x](<>)`), which CommonMark makes `href=""`: the
/// page itself, as a browser reads `href=""`, so a link to the note's own page (also right
/// in the feed, where `href=""` would lead to the feed); kept as `href=""` when the note is
/// not a link target (never in a build). An image needs a source: a warning, and its alt
/// text.
fn empty(kind: LinkKind, offset: usize, body: &Lines<'_>, cx: &NoteContext<'_>, diags: &mut Diagnostics) -> Resolved {
    if kind == LinkKind::Image {
        let origin = body.origin(offset, cx);
        diags.push(
            Diagnostic::at(
                Severity::Warning,
                &origin,
                "this image has no source, so only its text is shown",
            )
            .help("write the image's path between the parentheses: `![what it shows](../static/photo.png)`"),
        );
        return Resolved::Drop;
    }
    let own = cx
        .path
        .file_name()
        .and_then(|name| name.to_str())
        .and_then(|name| join(cx.dir, name))
        .and_then(|rel| cx.targets.notes.get(&rel).copied());
    own.map_or_else(
        || Resolved::Keep(String::new()),
        |n| Resolved::Target(Target::Note(n), None),
    )
}

/// The note name a wikilink's destination gives: without its `#heading`, `?query` and
/// note extension (`.md`, `.markdown` …, in any case), percent-decoded, trimmed, and
/// without the `\` that escapes the `|` of `[[name\|label]]` inside a table.
pub(super) fn wiki_name(dest: &str) -> String {
    let path = dest.trim().split(['#', '?']).next().unwrap_or("");
    let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let path = path.trim().trim_end_matches('\\').trim_end();
    note_stem(path).unwrap_or(path).to_string()
}

/// Joins a relative link to the note's folder; `None` when it climbs out of the journal.
pub(super) fn join(dir: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = if link.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|p| !p.is_empty()).collect()
    };
    for part in link.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}
