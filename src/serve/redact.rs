//! Which diagnostics the error page may show: the same visibility as the served site.
//!
//! The terminal shows every diagnostic (it belongs to whoever ran `serve`); the page is
//! read by whoever can reach the address, and for a program by a lead who must not read a
//! pair's private notes by accident. When the site leaves private text or drafts out, a
//! diagnostic is shown on the page only when mentorlog is sure it reveals nothing hidden:
//!
//! - its file reads as UTF-8 text and has no line that looks like a key hiding it (a key
//!   like `private`, `protect`, `draft`, `published` or `publish`, in any case, misspelt
//!   or not, anywhere in the file: a broken front matter may still be a private note's);
//! - its line lies before the first private marker of the file (`<!-- private -->` in any
//!   spelling: an HTML comment that says `private`);
//! - its text names no note that is hidden (file name, page name or title).
//!
//! Anything else is counted, and the page says that a note the site does not show has a
//! problem and to look at the terminal. The checks are lexical on purpose: they must hold
//! for notes the loader cannot read, and over-hiding only sends the reader to the terminal.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};
use crate::layout::{PROGRAM_FILE, SESSIONS};
use crate::project::{BuildOptions, Project};

/// Keys that hide a note (or an item of it) when private text is left out.
const PRIVATE_KEYS: &[&str] = &["private", "protect"];
/// Keys that hide a note when drafts are left out.
const DRAFT_KEYS: &[&str] = &["draft", "published", "publish"];

/// Whether a file's diagnostics may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// The file is, or may be, hidden: nothing of it is shown.
    Hidden,
    /// The file is shown, up to the line before `hidden_from` (its first private marker).
    Shown { hidden_from: Option<usize> },
}

/// What the error page may show, for one failed build.
#[derive(Debug)]
pub(crate) struct Redaction {
    /// Private text is left out of the site.
    private: bool,
    /// Drafts are left out of the site.
    drafts: bool,
    /// The site's notes, whose hidden ones' names are looked for (once, when needed).
    project: Option<Project>,
    /// Lower-case names of the hidden notes (file names, page names, titles).
    names: Option<Vec<String>>,
    /// Verdicts by file, as found.
    files: HashMap<PathBuf, Verdict>,
}

impl Redaction {
    /// Shows everything: the site itself shows private notes and drafts.
    pub(crate) fn nothing() -> Redaction {
        Redaction {
            private: false,
            drafts: false,
            project: None,
            names: None,
            files: HashMap::new(),
        }
    }

    /// For the site of `project` built with `options`. Its notes are read (to learn which are
    /// hidden) only when the site hides anything and a diagnostic could be shown.
    pub(crate) fn for_site(project: &Project, options: &BuildOptions) -> Redaction {
        Redaction {
            private: !options.include_private,
            drafts: !options.drafts,
            project: Some(project.clone()),
            ..Redaction::nothing()
        }
    }

    /// The names of the hidden notes, read on first use.
    fn hidden_names(&mut self) -> &[String] {
        if self.names.is_none() {
            let mut names = Vec::new();
            let notes = self.project.as_ref().map(notes_of).unwrap_or_default();
            for note in notes {
                if self.verdict(&note) == Verdict::Hidden {
                    let text = crate::fs::read_bytes(&note).unwrap_or_default();
                    names.extend(names_of(&note, &String::from_utf8_lossy(&text)));
                }
            }
            names.sort();
            names.dedup();
            self.names = Some(names);
        }
        self.names.as_deref().unwrap_or_default()
    }

    fn hides_anything(&self) -> bool {
        self.private || self.drafts
    }

    /// True when the page may show `diagnostic` (rendered as `rendered`).
    pub(crate) fn shows(&mut self, diagnostic: &Diagnostic, rendered: &str) -> bool {
        if !self.hides_anything() {
            return true;
        }
        let line = diagnostic.at.as_ref().map(|at| at.line);
        let shown = match self.verdict(&diagnostic.path) {
            Verdict::Hidden => false,
            Verdict::Shown { hidden_from: None } => true,
            Verdict::Shown {
                hidden_from: Some(marker),
            } => line.is_some_and(|line| line < marker),
        };
        shown && self.names_nothing_hidden(rendered)
    }

    /// True when `text` names no hidden note.
    pub(crate) fn names_nothing_hidden(&mut self, text: &str) -> bool {
        if !self.hides_anything() {
            return true;
        }
        let text = text.to_lowercase();
        !self.hidden_names().iter().any(|name| text.contains(name.as_str()))
    }

    fn verdict(&mut self, path: &Path) -> Verdict {
        if let Some(verdict) = self.files.get(path) {
            return *verdict;
        }
        // A folder, a link, a missing or unreadable file, or bytes that are not UTF-8: its
        // privacy cannot be read.
        // Only a regular file is read: a link may lead to a named pipe, which would block.
        let regular = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file());
        let text = regular.then(|| crate::fs::read_bytes(path).map(String::from_utf8));
        let verdict = match text {
            Some(Ok(Ok(text))) => classify(&text, self.private, self.drafts),
            _ => Verdict::Hidden,
        };
        self.files.insert(path.to_path_buf(), verdict);
        verdict
    }
}

/// What `text` (a whole file) shows, when private text (`private`) and drafts (`drafts`)
/// are left out.
fn classify(text: &str, private: bool, drafts: bool) -> Verdict {
    let mut keys: Vec<&str> = Vec::new();
    if private {
        keys.extend(PRIVATE_KEYS);
    }
    if drafts {
        keys.extend(DRAFT_KEYS);
    }
    if lines(text).any(|line| key_of(line).is_some_and(|key| hides(&key, &keys))) {
        return Verdict::Hidden;
    }
    Verdict::Shown {
        hidden_from: if private { first_marker_line(text) } else { None },
    }
}

/// Lines, with a lone CR, LF or CRLF as line end (the loader's rule).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').flat_map(|l| l.split('\r'))
}

/// The key a line would have as YAML, TOML or a list item: its leading word, lower case,
/// without invisible characters, dashes, quotes or spaces before it.
fn key_of(line: &str) -> Option<String> {
    let visible: String = line
        .chars()
        .filter(|c| !is_invisible(*c))
        .collect::<String>()
        .to_lowercase();
    let rest = visible.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '"' | '\'' | '+' | '['));
    let key: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-'))
        .collect();
    (!key.is_empty()).then_some(key)
}

/// A key hides when it holds one of `keys`, or is two edits from `private` or `draft`
/// (the loader's "did you mean" reach, which makes such a key an error).
fn hides(key: &str, keys: &[&str]) -> bool {
    keys.iter()
        .any(|k| key.contains(k) || (matches!(*k, "private" | "draft") && strsim::damerau_levenshtein(key, k) <= 2))
}

/// Characters that do not show: a key with one is still that key to a reader.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{feff}' | '\u{00ad}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2064}')
}

/// The first line holding an HTML comment that says `private`, in either way of counting
/// lines (lone CRs as line ends or not): the smaller, so no private line is shown.
fn first_marker_line(text: &str) -> Option<usize> {
    let lower = text.to_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find("<!--") {
        let start = from + found;
        let rest = &lower[start + 4..];
        let end = rest.find("-->").map_or(rest.len(), |e| e);
        if rest[..end].contains("private") {
            let before = &text[..start.min(text.len())];
            let lf = before.matches('\n').count() + 1;
            let any = lines(before).count();
            return Some(lf.min(any));
        }
        from = start + 4;
    }
    None
}

/// The names a hidden note could be known by: its file name, its page name with and
/// without the date, the title made from it, and every `title:` and first-heading text
/// it has. Short ones (under four characters) are left out: they would hide everything.
fn names_of(path: &Path, text: &str) -> Vec<String> {
    let mut names = Vec::new();
    if let Some(file) = path.file_name().and_then(|f| f.to_str()) {
        names.push(file.to_string());
        let stem = crate::layout::note_stem(file).unwrap_or(file);
        names.push(stem.to_string());
        let undated = stem.get(11..).filter(|_| stem.get(..11).is_some_and(is_date_prefix));
        if let Some(undated) = undated {
            names.push(undated.to_string());
            names.push(undated.replace(['-', '_'], " "));
        }
        names.push(stem.replace(['-', '_'], " "));
    }
    for line in lines(text) {
        let visible: String = line.chars().filter(|c| !is_invisible(*c)).collect();
        let trimmed = visible.trim();
        let lower = trimmed.to_lowercase();
        if let Some(title) = lower
            .strip_prefix("title")
            .and_then(|r| r.trim_start().strip_prefix(':'))
        {
            names.push(title.trim().trim_matches(['"', '\'']).trim().to_string());
        } else if trimmed.starts_with('#') {
            names.push(trimmed.trim_start_matches('#').trim().to_string());
        }
    }
    names
        .into_iter()
        .map(|n| n.to_lowercase())
        .filter(|n| n.chars().count() >= 4)
        .collect()
}

/// `2026-01-08-`.
fn is_date_prefix(prefix: &str) -> bool {
    prefix.char_indices().all(|(i, c)| match i {
        4 | 7 | 10 => c == '-',
        _ => c.is_ascii_digit(),
    })
}

/// Every Markdown file in the `sessions/` folders of the site's journals (links not
/// followed, at any depth).
fn notes_of(project: &Project) -> Vec<PathBuf> {
    let journals = match project {
        Project::Journal(dir) => vec![dir.clone()],
        Project::Program(dir) => {
            let mut dirs = Vec::new();
            let path = dir.join(PROGRAM_FILE);
            let text = crate::fs::read_bytes(&path)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .unwrap_or_default();
            let mut ignored = Diagnostics::new();
            if let Some(config) = crate::load::program::read(&path, &text, &mut ignored) {
                dirs.extend(
                    crate::load::program::members(dir, &config, &mut ignored)
                        .into_iter()
                        .map(|m| m.dir),
                );
            }
            // Every sub-folder too: a journal the program file fails to list is still hidden.
            if let Ok(entries) = std::fs::read_dir(dir) {
                dirs.extend(entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_dir()));
            }
            dirs
        }
    };
    let mut notes = Vec::new();
    for journal in journals {
        for entry in walkdir::WalkDir::new(journal.join(SESSIONS))
            .follow_links(false)
            .into_iter()
            .filter_map(Result::ok)
        {
            if entry.file_type().is_file()
                && entry
                    .path()
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(crate::layout::is_note_extension)
            {
                notes.push(entry.into_path());
            }
        }
    }
    notes
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;

    const HIDDEN: Verdict = Verdict::Hidden;
    const SHOWN: Verdict = Verdict::Shown { hidden_from: None };

    #[test]
    fn any_spelling_of_a_key_that_hides_hides_the_file() {
        for text in [
            "---\ndate: 2026-01-08\nprivate: true\n---\nx\n",
            "---\nPrivate: true\n---\n",
            "---\nPRIVATE: yes\n---\n",
            "---\n\"private\": true\n---\n",
            "---\npivate: true\n---\n",
            "---\nprivte: true\n---\n",
            " ---\nprivate: true\n---\n",
            "\u{200b}---\n\u{200b}private: true\n---\n",
            "---\rdate: 2026-01-08\rprivate: true\r---\r",
            "+++\nprivate = true\n+++\n",
            "---\ngoals:\n  - id: a\n    private: true\n---\n",
            "---\nprotect: true\n---\n",
            "---\ndraft: true\n---\n",
            "---\nDraft: true\n---\n",
            "---\npublished: false\n---\n",
            "---\nPublish: no\n---\n",
            "---\ndarft: true\n---\n",
            "---\ndate: [unclosed\nprivate: true\n",
        ] {
            assert_eq!(classify(text, true, true), HIDDEN, "{text:?}");
        }
        assert_eq!(
            classify("---\ndate: 2026-01-08\ntitle: Plain\n---\nWords.\n", true, true),
            SHOWN
        );
        // A program on 127.0.0.1 shows drafts: a draft is not hidden there.
        assert_eq!(classify("---\ndraft: true\n---\n", true, false), SHOWN);
        assert_eq!(classify("---\nprivate: true\n---\n", false, true), SHOWN);
    }

    #[test]
    fn lines_from_the_first_private_marker_on_are_hidden() {
        for (text, line) in [
            ("a\nb\n<!-- private -->\nsecret\n<!-- /private -->\n", 3),
            ("a\n<!--Private\n-->\nsecret\n", 2),
            ("a\n<!-- private --->\nsecret\n", 2),
            ("a\rb\n<!-- private -->\nsecret\n", 2),
            ("<!-- /private -->\nsecret\n", 1),
        ] {
            assert_eq!(
                classify(text, true, true),
                Verdict::Shown {
                    hidden_from: Some(line)
                },
                "{text:?}"
            );
        }
        assert_eq!(classify("a\n<!-- a comment -->\nb\n", true, true), SHOWN);
        // A line that starts with the word hides the whole file.
        assert_eq!(classify("a\n<!--\n  PRIVATE\n-->\nsecret\n", true, true), HIDDEN);
    }

    #[test]
    fn a_shown_notes_diagnostic_that_names_a_hidden_note_is_hidden() {
        let Ok(dir) = tempfile::tempdir() else { return };
        let sessions = dir.path().join("sessions");
        let hidden = sessions.join("2026-01-08-frank-talk.md");
        let open = sessions.join("2026-01-09-open.md");
        assert!(std::fs::create_dir_all(&sessions).is_ok());
        assert!(std::fs::write(&hidden, "---\nprivate: true\ntitle: Hard words\n---\nx\n").is_ok());
        let open_text = "---\ndate: 2026-01-09\n---\nSee [[2026-01-08-frank-talk]] and [[nope]].\n";
        assert!(std::fs::write(&open, open_text).is_ok());
        let at = |path: &Path, text: &str, message: &str| {
            let origin = crate::diag::Origin::in_text(path, text, 4, 5);
            Diagnostic::at(crate::diag::Severity::Error, &origin, message)
        };
        let project = Project::Journal(dir.path().to_path_buf());
        let options = |include_private| BuildOptions {
            drafts: true,
            include_private,
            base_url: None,
        };
        let mut redaction = Redaction::for_site(&project, &options(false));
        let names_it = at(&open, open_text, "a link to `nope`, which is not a note");
        let private = at(&hidden, "", "unknown goal");
        let plain = at(&open, "a\nb\nc\nd\n", "a link to `nope`, which is not a note");
        assert!(
            !redaction.shows(&names_it, &names_it.render(dir.path())),
            "its line names the note"
        );
        assert!(!redaction.shows(&private, &private.render(dir.path())));
        assert!(redaction.shows(&plain, &plain.render(dir.path())));
        assert!(!redaction.names_nothing_hidden("error: cannot read `sessions/2026-01-08-FRANK-TALK.md`"));
        assert!(!redaction.names_nothing_hidden("the goal from “Hard words”"));
        let mut everything = Redaction::for_site(&project, &options(true));
        assert!(everything.shows(&private, &private.render(dir.path())));
        assert!(everything.shows(&names_it, &names_it.render(dir.path())));
    }

    #[test]
    fn a_hidden_note_is_known_by_its_file_page_and_titles() {
        let names = names_of(
            Path::new("j/sessions/2026-01-08-frank-talk.md"),
            "---\nTitle: \"A Hard Talk\"\n---\n# Heading of it\n",
        );
        for name in [
            "2026-01-08-frank-talk.md",
            "2026-01-08-frank-talk",
            "frank-talk",
            "frank talk",
            "a hard talk",
            "heading of it",
        ] {
            assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
        }
    }
}
