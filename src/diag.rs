//! Diagnostics as data: every problem found while loading and folding a journal is
//! collected here, sorted and shown once, in the `path:line:col: level: message` form
//! of PRODUCT.md, with the offending line, a caret and a `help:` hint.
//!
//! This module formats but never prints: the command layer decides where text goes.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// News about the journal's history (a long gap, a stale goal); never fails anything.
    Note,
    /// Suspicious input or a fallback was used; `--strict` turns it into an error.
    Warning,
    /// The input is wrong; the build stops.
    Error,
}

impl Severity {
    fn label(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// `text` safe to print on a terminal: control characters (escape sequences could retitle
/// the window, move the cursor or hide the lines above) and the characters that reorder
/// or break displayed text (bidirectional overrides, line separators) are shown as
/// `\u{..}` escapes. A note is written by two people and shared through git: what it
/// holds must not act on the terminal of whoever checks it.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(acts_on_terminal) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if acts_on_terminal(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// True for a character `visible` escapes. Tab and line feed are kept: they only move to
/// the next stop or line (a diagnostic's quoted line never holds a line feed).
fn acts_on_terminal(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n')
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A position in a user's file: 1-based line and column (column counted in characters),
/// with the text of that line so the diagnostic can show it without reading the file again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file, as found on disk.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// The whole text of that line (without its line ending).
    pub line_text: String,
}

impl Origin {
    /// Points at line `line`, column `col` of `text` (the whole file).
    pub fn in_text(path: &Path, text: &str, line: usize, col: usize) -> Origin {
        LineIndex::new(text).origin(path, line, col)
    }
}

/// A text with where its lines start, found once and only as far as needed: the one way
/// mentorlog turns positions into lines. A note's front matter points at dozens of places
/// near the top of the file, and a note with 20,000 broken links at as many places in its
/// body; scanning the text from its start for each took seconds.
pub struct LineIndex<'a> {
    text: &'a str,
    /// Starts of the lines found so far: 0, then one past each line break (the text's
    /// length too when it ends with one).
    starts: RefCell<Vec<usize>>,
}

impl<'a> LineIndex<'a> {
    /// Lines of `text` (a whole file, or a part with its own numbering).
    pub fn new(text: &'a str) -> LineIndex<'a> {
        LineIndex {
            text,
            starts: RefCell::new(vec![0]),
        }
    }

    /// Finds line starts until `enough` says so or the text ends.
    fn grow(&self, enough: impl Fn(&[usize]) -> bool) -> std::cell::Ref<'_, Vec<usize>> {
        {
            let mut starts = self.starts.borrow_mut();
            while !enough(&starts) {
                let last = starts.last().copied().unwrap_or(0);
                match self.text[last..].find('\n') {
                    Some(end) => starts.push(last + end + 1),
                    None => break,
                }
            }
        }
        self.starts.borrow()
    }

    /// The text of 1-based line `line` (0 is taken as 1) without its line ending; empty
    /// past the end.
    pub fn line_text(&self, line: usize) -> &'a str {
        let wanted = line.saturating_sub(1);
        let start = self.grow(|s| s.len() > wanted).get(wanted).copied();
        start.map_or("", |start| {
            let rest = &self.text[start..];
            rest.find('\n').map_or(rest, |end| &rest[..end]).trim_end_matches('\r')
        })
    }

    /// The 0-based number of the line byte `offset` is in, and where that line starts.
    pub fn line_of(&self, offset: usize) -> (usize, usize) {
        let starts = self.grow(|s| s.last().is_some_and(|&last| last > offset));
        let line = starts.partition_point(|&s| s <= offset).saturating_sub(1);
        (line, starts.get(line).copied().unwrap_or(0))
    }

    /// 1-based line and character column of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let (line, start) = self.line_of(offset);
        (line + 1, self.text[start..offset].chars().count() + 1)
    }

    /// Line `line`, column `col` of the text, which is the file at `path`. The line shown
    /// is cut after [`SHOWN_LINE`] bytes: thousands of diagnostics on one huge line (a list
    /// of topics or steps on one line of front matter) must not each hold a copy of it.
    pub fn origin(&self, path: &Path, line: usize, col: usize) -> Origin {
        let wanted = line.saturating_sub(1);
        let start = self.grow(|s| s.len() > wanted).get(wanted).copied();
        let line_text = start.map_or("", |start| shown_line(self.text, start));
        Origin {
            path: path.to_path_buf(),
            line,
            col,
            line_text: line_text.to_string(),
        }
    }
}

/// How much of a line a diagnostic shows, in bytes (the line is cut at a character
/// boundary at or before it).
pub const SHOWN_LINE: usize = 500;

/// The line of `text` starting at byte `start`, without its line ending, cut after
/// [`SHOWN_LINE`] bytes; found without reading the rest of a longer line.
pub fn shown_line(text: &str, start: usize) -> &str {
    let mut end = (start + SHOWN_LINE).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = &text[start..end];
    window
        .find('\n')
        .map_or(window, |e| &window[..e])
        .trim_end_matches('\r')
}

/// One problem, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error, warning or note.
    pub severity: Severity,
    /// The file the problem is in.
    pub path: PathBuf,
    /// Line, column and line text; `None` for a fault of the whole file.
    pub at: Option<Origin>,
    /// Lower-case, names the offending thing in backticks.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A problem at a position.
    pub fn at(severity: Severity, origin: &Origin, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            path: origin.path.clone(),
            at: Some(origin.clone()),
            message: message.into(),
            help: None,
        }
    }

    /// A fault of a whole file (missing, empty, unreadable, not UTF-8).
    pub fn file(severity: Severity, path: &Path, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            path: path.to_path_buf(),
            at: None,
            message: message.into(),
            help: None,
        }
    }

    /// Adds the `help:` line.
    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Formats the diagnostic as plain text; paths relative to `cwd` when inside it.
    pub fn render(&self, cwd: &Path) -> String {
        self.render_styled(cwd, false)
    }

    /// Formats the diagnostic, with terminal colours when `color` is true.
    pub fn render_styled(&self, cwd: &Path, color: bool) -> String {
        use anstyle::{AnsiColor, Style};
        let paint = |style: Style, text: &str| {
            if color {
                format!("{}{text}{}", style.render(), style.render_reset())
            } else {
                text.to_string()
            }
        };
        let level_style = match self.severity {
            Severity::Error => AnsiColor::Red.on_default().bold(),
            Severity::Warning => AnsiColor::Yellow.on_default().bold(),
            Severity::Note => AnsiColor::Cyan.on_default().bold(),
        };
        let gutter = AnsiColor::Blue.on_default().bold();
        let level = paint(level_style, self.severity.label());
        let shown = paint(Style::new().bold(), &visible(&display_path(&self.path, cwd)));
        let message = visible(&self.message);
        let mut out = String::new();
        match &self.at {
            Some(at) => {
                let _ = writeln!(out, "{shown}:{}:{}: {level}: {message}", at.line, at.col);
                let number = at.line.to_string();
                let pad = " ".repeat(number.len());
                let _ = writeln!(out, "{}", paint(gutter, &format!("{pad} |")));
                let _ = writeln!(
                    out,
                    "{} {}",
                    paint(gutter, &format!("{number} |")),
                    visible(&at.line_text)
                );
                // Under each character of the line as shown: a tab stays a tab, an escaped
                // character takes as many columns as its escape.
                let mut caret_pad = String::new();
                for c in at.line_text.chars().take(at.col.saturating_sub(1)) {
                    if c == '\t' {
                        caret_pad.push('\t');
                    } else {
                        let width = if acts_on_terminal(c) {
                            visible(c.encode_utf8(&mut [0; 4])).len()
                        } else {
                            1
                        };
                        caret_pad.extend(std::iter::repeat_n(' ', width));
                    }
                }
                let _ = writeln!(
                    out,
                    "{} {caret_pad}{}",
                    paint(gutter, &format!("{pad} |")),
                    paint(level_style, "^")
                );
            }
            None => {
                let _ = writeln!(out, "{shown}: {level}: {}", self.message);
            }
        }
        if let Some(help) = &self.help {
            let _ = writeln!(
                out,
                "{}: {}",
                paint(AnsiColor::Green.on_default().bold(), "help"),
                visible(help)
            );
        }
        out
    }
}

/// Shows `path` relative to `cwd` when it lies inside it, else as given (absolute).
pub fn display_path(path: &Path, cwd: &Path) -> String {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    match absolute.strip_prefix(cwd) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel.display().to_string(),
        _ => absolute.display().to_string(),
    }
}

/// The collected problems of one run.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty collection.
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    /// Records one problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Takes over all problems of another collection (e.g. one gathered on another thread).
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// True when at least one error was recorded.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// How many of one severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }

    /// Turns every warning into an error (`--strict`, or `--drafts` for a draft's problems).
    pub fn promote_warnings(&mut self) {
        for d in &mut self.items {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
            }
        }
    }

    /// Turns every error into a warning (problems of a draft that is left out).
    pub fn demote_errors(&mut self) {
        for d in &mut self.items {
            if d.severity == Severity::Error {
                d.severity = Severity::Warning;
            }
        }
    }

    /// All problems sorted by file, then position, then severity; duplicates dropped.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| {
            let pos = |d: &Diagnostic| d.at.as_ref().map_or((0, 0), |o| (o.line, o.col));
            (&a.path, pos(a), std::cmp::Reverse(a.severity), &a.message).cmp(&(
                &b.path,
                pos(b),
                std::cmp::Reverse(b.severity),
                &b.message,
            ))
        });
        items.dedup();
        items
    }

    /// True when nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// The closest candidate to `wanted`, if one is close enough to be a plausible typo.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(wanted, c), c))
        .filter(|(distance, c)| *distance <= (c.chars().count().max(3) / 3).max(2))
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_caret_and_help() {
        let origin = Origin::in_text(Path::new("/j/sessions/a.md"), "---\ngoals:\n  - id: grup-lead\n", 3, 9);
        let d = Diagnostic::at(Severity::Error, &origin, "unknown goal `grup-lead`").help("did you mean `group-lead`?");
        let text = d.render(Path::new("/j"));
        assert_eq!(
            text,
            "sessions/a.md:3:9: error: unknown goal `grup-lead`\n  |\n3 |   - id: grup-lead\n  |         ^\nhelp: did you mean `group-lead`?\n"
        );
    }

    #[test]
    fn line_index_points_where_lines_split_and_counting_do() {
        let path = Path::new("a.md");
        for text in ["", "\n", "a", "a\n", "a\r\nb\r\n\r\nc", "x\n\ny\r\r\n z", "é\nü\n"] {
            let lines = LineIndex::new(text);
            for line in [0usize, 3, 1, 2, 7, 4, 5, 6, 1] {
                let line_text = text
                    .lines()
                    .nth(line.saturating_sub(1))
                    .unwrap_or("")
                    .trim_end_matches('\r');
                assert_eq!(lines.origin(path, line, 2).line_text, line_text, "{text:?} {line}");
            }
            let fresh = LineIndex::new(text);
            for (at, _) in text.char_indices().rev().chain([(text.len(), ' ')]) {
                let before = &text[..at];
                let line = before.matches('\n').count() + 1;
                let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                assert_eq!(fresh.line_col(at), (line, col), "{text:?} {at}");
            }
        }
    }

    #[test]
    fn paths_outside_cwd_stay_absolute() {
        assert_eq!(display_path(Path::new("/x/y.md"), Path::new("/j")), "/x/y.md");
    }

    #[test]
    fn closest_suggests_typos_only() {
        assert_eq!(closest("comitments", ["commitments", "goals"]), Some("commitments"));
        assert_eq!(closest("zzzz", ["commitments", "goals"]), None);
    }
}
