//! The `---` block: splitting it off a note, and telling a note that tried to write one and missed (a fence out of place, a key line before it) from one that has none.

use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics, LineIndex, Origin, Severity};

/// A note split into its front matter and body.
#[derive(Debug, Clone, Copy)]
pub struct Split<'a> {
    /// The YAML between the delimiters (empty when the note has none).
    pub yaml: &'a str,
    /// 0-based line of the file where `yaml` starts.
    pub yaml_line: usize,
    /// The Markdown after the closing delimiter.
    pub body: &'a str,
    /// 0-based line of the file where `body` starts.
    pub body_line: usize,
}

/// An opening `---` that is never closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unclosed;

/// Splits off the front matter.
///
/// # Errors
///
/// `Unclosed` when an opening `---` is never closed.
pub fn split(text: &str) -> Result<Split<'_>, Unclosed> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let is_delim = |line: &str| line.trim_end() == "---";
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return Ok(Split {
            yaml: "",
            yaml_line: 0,
            body: text,
            body_line: 0,
        });
    };
    if !is_delim(first) {
        return Ok(Split {
            yaml: "",
            yaml_line: 0,
            body: text,
            body_line: 0,
        });
    }
    let start = first.len();
    let mut offset = start;
    for (i, line) in lines.enumerate() {
        if is_delim(line) || line.trim_end() == "..." {
            return Ok(Split {
                yaml: &text[start..offset],
                yaml_line: 1,
                body: &text[offset + line.len()..],
                body_line: i + 2,
            });
        }
        offset += line.len();
    }
    Err(Unclosed)
}

/// Front matter that is not where mentorlog reads it, or not YAML: such a note would be
/// published with its front matter (`private: true` included) as text, so it is refused
/// (PRODUCT v3 change 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misplaced {
    /// 1-based line of the file where the fence-like line is.
    pub line: usize,
    /// 1-based column (in characters) of its first visible character.
    pub col: usize,
    /// What is wrong.
    pub kind: MisplacedKind,
}

/// The ways front matter can be misplaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MisplacedKind {
    /// A `---` line that is the first thing seen, but not the file's first line; says
    /// why (what comes before it).
    NotAtTop(&'static str),
    /// `+++`: TOML front matter (Hugo).
    Toml,
    /// A line such as `----`, `--- yaml` or `———` opening what looks like front matter
    /// (`key:` lines, then a closing line); holds the line as written.
    NotExactly(String),
    /// `{` opening JSON front matter (Hugo).
    Json,
    /// After the front matter, a second `---` or `+++` block (or line).
    Second(&'static str),
    /// A fence followed, on its line, by a Unicode line end (U+0085, U+2028, U+2029) that
    /// YAML reads as a line end and Markdown does not.
    OddLineEnd(char),
}

/// The line with invisible characters other than white space removed (everywhere), and
/// white space trimmed from both ends: `\u{200B}---\t` reads `---`, `- - -` stays.
pub(super) fn visible(line: &str) -> String {
    line.chars()
        .filter(|&c| c.is_whitespace() || !crate::load::damage::is_invisible(c))
        .collect::<String>()
        .trim()
        .to_string()
}

/// What separates front matter from a note: exactly `---` or `+++` once invisible
/// characters and surrounding white space are gone.
pub fn is_fence_like(line: &str) -> bool {
    let v = visible(line);
    v == "---" || v == "+++"
}

/// Dashes that editors' "smart punctuation" makes of `---` and `--`.
pub(super) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// A line that may have been meant as a fence: a run of three or more `-` or `+` with
/// more after it (`----`, `--- yaml`, `+++toml`), or dashes only, some of them typographic
/// (`—`, `–––`). `- - -`, `***` and `___` are Markdown's thematic breaks, not fences.
pub(super) fn is_near_fence(v: &str) -> bool {
    let run = |ch: char| v.chars().take_while(|&c| c == ch).count() >= 3;
    (run('-') || run('+') || (!v.is_empty() && v.chars().all(is_dash) && !v.chars().all(|c| c == '-')))
        && v != "---"
        && v != "+++"
}

/// A `key:` or `"key":` line of YAML or JSON.
pub(super) fn is_key_line(v: &str) -> bool {
    let Some((key, _)) = v.split_once(':') else {
        return false;
    };
    let key = key.trim().trim_matches(|c| c == '"' || c == '\'');
    !key.is_empty() && key.chars().next().is_some_and(char::is_alphanumeric) && !key.chars().any(char::is_whitespace)
}

/// The start of the first line of `text[from..]` that is neither blank (white space and
/// invisible characters only) nor HTML comments (which may span lines), as a byte offset
/// into `text`; with what was skipped before it, if anything.
pub(super) fn first_content(text: &str, from: usize) -> (usize, Option<&'static str>) {
    let mut pos = from;
    let mut skipped: Option<&'static str> = None;
    loop {
        let rest = &text[pos..];
        let trimmed = rest.trim_start_matches(crate::load::damage::is_invisible);
        if trimmed.len() < rest.len() {
            let gone = &rest[..rest.len() - trimmed.len()];
            let what = if gone.contains('\n') {
                "blank lines come before it"
            } else if gone.starts_with('\u{feff}') {
                "a second byte-order mark comes before it"
            } else if gone.chars().all(char::is_whitespace) {
                "white space comes before it"
            } else {
                "an invisible character comes before it"
            };
            skipped = skipped.or(Some(what));
            pos += gone.len();
            continue;
        }
        if let Some(after) = rest.strip_prefix("<!--") {
            // CommonMark: `<!-->` and `<!--->` are whole comments, else up to `-->`.
            let end = if after.starts_with('>') {
                Some(1)
            } else if after.starts_with("->") {
                Some(2)
            } else {
                after.find("-->").map(|e| e + 3)
            };
            if let Some(end) = end {
                skipped = skipped.or(Some("an HTML comment comes before it"));
                pos += 4 + end;
                continue;
            }
        }
        if let Some((len, what)) = shows_nothing(rest) {
            skipped = skipped.or(Some(what));
            pos += len;
            continue;
        }
        return (pos, skipped);
    }
}

/// Other things a note may start with that show nothing where they are, so a `---`
/// after them looks like the top of the file to whoever wrote it: a Markdown "comment"
/// (a link reference definition such as `[//]: # (x)`, which renders as nothing), an
/// Obsidian comment `%% … %%` (which may span lines), an XML declaration or other
/// processing instruction `<? … ?>`, and a YAML directive (`%YAML 1.2`, which YAML
/// itself puts before a `---`). Gives the length of the construct at the start of
/// `rest` and what to call it.
pub(super) fn shows_nothing(rest: &str) -> Option<(usize, &'static str)> {
    let line = rest.split('\n').next().unwrap_or(rest);
    if let Some(after) = rest.strip_prefix("%%") {
        let end = after.find("%%")?;
        return Some((2 + end + 2, "an Obsidian comment (`%% … %%`) comes before it"));
    }
    if line.starts_with("%YAML ") || line.starts_with("%TAG ") {
        return Some((line.len(), "a YAML directive (`%YAML`, `%TAG`) comes before it"));
    }
    if let Some(after) = rest.strip_prefix("<?") {
        let end = after.find("?>")?;
        return Some((2 + end + 2, "an XML declaration (`<?…?>`) comes before it"));
    }
    // `[label]: destination`, with the label closed on its line and something after it.
    let label_end = line.strip_prefix('[').and_then(|l| l.find("]:")).map(|e| e + 1)?;
    let label = &line[1..label_end];
    let destination = line[label_end + 2..].trim();
    (!label.trim().is_empty() && !label.contains('[') && !destination.is_empty()).then_some((
        line.len(),
        "a Markdown comment (a link reference definition such as `[//]: # (…)`) comes before it",
    ))
}

/// The line of `text` that `pos` is in, from `pos` to its end (without the line break).
pub(super) fn line_from(text: &str, pos: usize) -> &str {
    let rest = &text[pos..];
    rest.split('\n').next().unwrap_or(rest).trim_end_matches('\r')
}

/// Where the first visible character of the line at `pos` is, as a line and column.
pub(super) fn locate(text: &str, pos: usize) -> (usize, usize) {
    let line = line_from(text, pos);
    let skip = line.len() - line.trim_start_matches(crate::load::damage::is_invisible).len();
    LineIndex::new(text).line_col(pos + skip)
}

/// True when, after the line at `pos`, a `key:` line comes and then a line for which
/// `closes` holds: the shape of front matter.
pub(super) fn closed_block(text: &str, pos: usize, closes: impl Fn(&str) -> bool) -> bool {
    let mut keys = false;
    for line in text[pos..].split('\n').skip(1) {
        let v = visible(line.trim_end_matches('\r'));
        if keys && closes(&v) {
            return true;
        }
        keys |= is_key_line(&v);
    }
    false
}

/// Looks for front matter that is not where mentorlog reads it, in the note's whole
/// (decoded) text, and in the body `split` left after the front matter: see
/// `MisplacedKind`. A file whose first line (after one byte-order mark) is `---` has its
/// front matter in place; its body is checked. Anything else is checked from its first
/// line that is neither blank nor an HTML comment.
pub fn misplaced(text: &str) -> Option<Misplaced> {
    let start = text.strip_prefix('\u{feff}').map_or(0, |_| '\u{feff}'.len_utf8());
    let first = line_from(text, start);
    if first.trim_end() == "---" {
        let body = split(text).ok()?.body;
        let body_start = text.len() - body.len();
        let (pos, _) = first_content(text, body_start);
        let v = visible(line_from(text, pos));
        if v == "---" || v == "+++" {
            let (line, col) = locate(text, pos);
            let fence = if v == "---" { "---" } else { "+++" };
            return Some(Misplaced {
                line,
                col,
                kind: MisplacedKind::Second(fence),
            });
        }
        return None;
    }
    let (pos, skipped) = first_content(text, start);
    let v = visible(line_from(text, pos));
    let (line, col) = locate(text, pos);
    let odd_end = v.find(['\u{85}', '\u{2028}', '\u{2029}']);
    let kind = if let Some(c) = odd_end
        .filter(|&at| is_fence_like(&v[..at]))
        .and_then(|at| v[at..].chars().next())
    {
        MisplacedKind::OddLineEnd(c)
    } else if v == "+++" {
        MisplacedKind::Toml
    } else if v == "---" {
        MisplacedKind::NotAtTop(skipped.unwrap_or("its line holds invisible characters"))
    } else if is_near_fence(&v)
        && closed_block(text, pos, |c| {
            is_near_fence(c) || c == "---" || c == "+++" || c == "..."
        })
    {
        MisplacedKind::NotExactly(v)
    } else if v == "{" && closed_block(text, pos, |c| c == "}") {
        MisplacedKind::Json
    } else {
        return None;
    };
    Some(Misplaced { line, col, kind })
}

/// `split`, reporting why a note cannot be split: front matter not at the top, not YAML
/// (`misplaced`), or never closed. `None` after such an error: the note is not published,
/// so its front matter never shows as text.
pub fn split_note<'a>(path: &Path, text: &'a str, diags: &mut Diagnostics) -> Option<Split<'a>> {
    if let Some(found) = misplaced(text) {
        let origin = Origin::in_text(path, text, found.line, found.col);
        let (message, help) = match found.kind {
            MisplacedKind::NotAtTop(reason) => (
                format!("front matter must start on the file's very first line with exactly `---`, but {reason}"),
                "move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)".to_string(),
            ),
            MisplacedKind::Toml => (
                "TOML front matter (`+++`): mentorlog reads YAML front matter between `---` lines".to_string(),
                "convert it to YAML: write `---` instead of each `+++` line, and `key: value` instead of `key = value`".to_string(),
            ),
            MisplacedKind::NotExactly(line) => (
                format!("this looks like front matter, but it opens with `{line}`, not `---`"),
                "write front matter between two lines of exactly `---`, the first on the file's first line; for a thematic break, write `***`".to_string(),
            ),
            MisplacedKind::Json => (
                "JSON front matter: mentorlog reads YAML front matter between `---` lines".to_string(),
                "convert it to YAML between two `---` lines: `\"key\": value,` becomes `key: value`".to_string(),
            ),
            MisplacedKind::OddLineEnd(c) => (
                format!("this `---` line ends with U+{:04X}, which Markdown does not read as a line end", u32::from(c)),
                "save the file with ordinary line ends (LF or CRLF)".to_string(),
            ),
            MisplacedKind::Second(fence) => (
                format!("a second `{fence}` block after the front matter: it would be published as text"),
                "move its keys into the front matter at the top and delete its fence lines; for a thematic break, write `***`".to_string(),
            ),
        };
        diags.push(Diagnostic::at(Severity::Error, &origin, message).help(help));
        return None;
    }
    let Ok(parts) = split(text) else {
        let origin = Origin::in_text(path, text, 1, 1);
        diags.push(
            Diagnostic::at(
                Severity::Error,
                &origin,
                "the front matter starts with `---` but never ends",
            )
            .help("add a line with `---` after the last front-matter line"),
        );
        return None;
    };
    Some(parts)
}
