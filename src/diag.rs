//! Diagnostics as data: every problem found while loading and folding a journal is
//! collected here, sorted and shown once, in the `path:line:col: level: message` form
//! of PRODUCT.md, with the offending line, a caret and a `help:` hint.
//!
//! This module formats but never prints: the command layer decides where text goes.

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
        let line_text = text
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or("")
            .trim_end_matches('\r')
            .to_string();
        Origin {
            path: path.to_path_buf(),
            line,
            col,
            line_text,
        }
    }
}

/// A file's text with where its lines start, found once and only as far as needed: a
/// note's front matter points at dozens of places near the top of the file, and
/// `Origin::in_text` scans the text from its start for each.
pub struct TextLines<'a> {
    path: &'a Path,
    text: &'a str,
    /// Starts of the lines found so far (the first line always starts at 0).
    starts: std::cell::RefCell<Vec<usize>>,
}

impl<'a> TextLines<'a> {
    /// `text` is the whole file at `path`.
    pub fn new(path: &'a Path, text: &'a str) -> TextLines<'a> {
        TextLines {
            path,
            text,
            starts: std::cell::RefCell::new(vec![0]),
        }
    }

    /// The same origin as `Origin::in_text(path, text, line, col)`.
    pub fn origin(&self, line: usize, col: usize) -> Origin {
        let text = self.text;
        let wanted = line.saturating_sub(1);
        let mut starts = self.starts.borrow_mut();
        while starts.len() <= wanted {
            let last = starts.last().copied().unwrap_or(0);
            // `lines()` has no empty line after a final line break.
            match text[last..].find('\n').map(|end| last + end + 1) {
                Some(next) if next < text.len() => starts.push(next),
                _ => break,
            }
        }
        let line_text = starts.get(wanted).map_or("", |&start| {
            let rest = &text[start..];
            rest.find('\n').map_or(rest, |end| &rest[..end])
        });
        Origin {
            path: self.path.to_path_buf(),
            line,
            col,
            line_text: line_text.trim_end_matches('\r').to_string(),
        }
    }
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
        let shown = paint(Style::new().bold(), &display_path(&self.path, cwd));
        let mut out = String::new();
        match &self.at {
            Some(at) => {
                let _ = writeln!(out, "{shown}:{}:{}: {level}: {}", at.line, at.col, self.message);
                let number = at.line.to_string();
                let pad = " ".repeat(number.len());
                let _ = writeln!(out, "{}", paint(gutter, &format!("{pad} |")));
                let _ = writeln!(out, "{} {}", paint(gutter, &format!("{number} |")), at.line_text);
                let caret_pad: String = at
                    .line_text
                    .chars()
                    .take(at.col.saturating_sub(1))
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
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
            let _ = writeln!(out, "{}: {help}", paint(AnsiColor::Green.on_default().bold(), "help"));
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
    fn text_lines_point_where_in_text_does() {
        let path = Path::new("a.md");
        for text in ["", "\n", "a", "a\n", "a\r\nb\r\n\r\nc", "x\n\ny\r\r\n z", "é\nü\n"] {
            let lines = TextLines::new(path, text);
            for line in [0, 3, 1, 2, 7, 4, 5, 6, 1] {
                assert_eq!(
                    lines.origin(line, 2),
                    Origin::in_text(path, text, line, 2),
                    "{text:?} {line}"
                );
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
