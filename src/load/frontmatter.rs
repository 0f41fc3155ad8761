//! Front matter: split the `---` block off a note (tolerating a BOM, CRLF and a trailing
//! space on the delimiter), read mentorlog's keys with their types checked, accept the
//! keys other tools write, and warn about the rest. Every goal and commitment entry
//! carries the `Origin` of the key that opened it, so later rules can point at it.

use std::path::Path;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Diagnostics, LineIndex, Origin, Severity, closest};
use crate::load::yaml::{self, ItemIndex, KeyIndex, Pos, Yaml};
use crate::source::{CommitmentEntry, FrontMatter, GoalEntry};
use crate::vocab::{DueSpec, Word};

/// mentorlog's own keys of a session note.
pub const SESSION_KEYS: &[&str] = &[
    "date",
    "title",
    "kind",
    "duration",
    "topics",
    "tags",
    "categories",
    "category",
    "draft",
    "private",
    "goals",
    "commitments",
];

/// Keys other tools (Jekyll, Hugo, Docusaurus, Obsidian) write; accepted silently.
pub const FOREIGN_KEYS: &[&str] = &[
    "layout",
    "author",
    "authors",
    "author_url",
    "author_image_url",
    "slug",
    "permalink",
    "description",
    "summary",
    "excerpt",
    "teaser",
    "image",
    "header",
    "redirect_from",
    "redirect_to",
    "aliases",
    "lastmod",
    "last_modified_at",
    "last_updated",
    "updated",
    "time",
    "weight",
    "sidebar_position",
    "sidebar_label",
    "keywords",
    "comments",
    "toc",
    "cover",
    "type",
    "url",
    "cssclass",
    "cssclasses",
    "hide_table_of_contents",
];

/// The keys that decide whether a note is published, as compared (in lower case):
/// `published` (Jekyll) and `publish` (Obsidian Publish) are read as the opposite of
/// `draft` (PRODUCT v3 change 1).
const PRIVACY_KEYS: &[&str] = &["private", "draft", "published", "publish"];

/// Parts of key names that say "keep this hidden" (`is_private`, `isDraft`, `secret`,
/// `visibility`, Docusaurus' `unlisted`…): an unknown key with one of them, or a typo of
/// a privacy key, is an error, never a warning the note is published after.
const HIDING_WORDS: &[&str] = &["priv", "draft", "secret", "hidden", "confiden", "unlisted", "visib"];

/// Parts of key names other tools read as "leave this out" even where the key names a
/// date or a setting: Hugo's `expiryDate` (gone after that date) and `headless`, 11ty's
/// `eleventyExcludeFromCollections`, Zola's `render`, `unpublishDate`, a `password` that
/// would protect the note. mentorlog can neither take a note down at a date nor protect
/// it, so such a key is an error too.
const LEAVE_OUT_WORDS: &[&str] = &[
    "expir",
    "unpublish",
    "headless",
    "exclude",
    "render",
    "listed",
    "ignore",
    "passw",
];

/// True when an unknown key (in lower case) may be meant to hide what it is in; `near`
/// are the privacy keys the place knows.
/// A key ending in `date` names a date (Hugo's `publishDate`), not a flag, unless it says
/// when the note leaves (`expiryDate`). Hugo's `_build` (`render: never`) hides too.
pub(crate) fn means_to_hide(lower: &str, near: &[&str]) -> bool {
    // Full-width letters (`ｐｒｉｖａｔｅ`) read as the ASCII they look like; invisible
    // characters inside a key (`pri\u{200B}vate`) are not there for the eye.
    let folded: String = lower
        .chars()
        .filter(|&c| !crate::load::damage::is_invisible(c))
        .map(|c| match u32::from(c) {
            n @ 0xFF01..=0xFF5E => char::from_u32(n - 0xFEE0).map_or(c, |a| a.to_ascii_lowercase()),
            _ => c,
        })
        .collect();
    let lower = folded.as_str();
    PRIVACY_KEYS.contains(&lower)
        || LEAVE_OUT_WORDS.iter().any(|w| lower.contains(w))
        || lower == "_build"
        || lower == "build"
        || (!lower.ends_with("date")
            && (closest(lower, near.iter().copied()).is_some() || HIDING_WORDS.iter().any(|w| lower.contains(w))))
}

/// Values that say "keep this hidden" when a key mentorlog does not read for privacy
/// holds them (`status: private` of a WordPress export, `visibility: draft`, `kind:
/// secret`, a tag `private`): compared in lower case, trimmed.
const HIDING_VALUES: &[&str] = &[
    "private",
    "draft",
    "drafts",
    "hidden",
    "secret",
    "unlisted",
    "unpublished",
    "confidential",
];

/// True when `value` is text (or a list holding text) that says "keep this hidden".
fn hiding_value(value: &Yaml) -> Option<String> {
    match value {
        Yaml::Str(s) => HIDING_VALUES
            .contains(&s.trim().to_lowercase().as_str())
            .then(|| s.trim().to_string()),
        Yaml::List(items) => items.iter().find_map(hiding_value),
        _ => None,
    }
}

/// The first key, anywhere inside `value` (mappings in mappings and lists), that is a
/// privacy key or means to hide (`params: {private: true}` as Hugo writes it, Zola's
/// `extra: {draft: true}`): mentorlog reads privacy keys at the top only, so one nested
/// elsewhere would be silently ignored.
pub(crate) fn nested_hiding_key(value: &Yaml) -> Option<String> {
    match value {
        Yaml::Map(map) => map.iter().find_map(|(key, v)| {
            let lower = key.to_lowercase();
            if PRIVACY_KEYS.contains(&lower.as_str()) || means_to_hide(&lower, PRIVACY_KEYS) {
                Some(key.clone())
            } else {
                nested_hiding_key(v)
            }
        }),
        Yaml::List(items) => items.iter().find_map(nested_hiding_key),
        _ => None,
    }
}

/// Where `key` is written as a key (`key:`, `"key":`, `{key: …}`) on the first line from
/// 1-based line `from.0` on in `yaml`, as a 1-based line and column; `from` if not found.
fn find_key(yaml: &str, key: &str, from: Pos) -> Pos {
    let quotes = ['"', '\''];
    for (i, line) in yaml.lines().enumerate().skip(from.0.saturating_sub(1)) {
        let mut search = 0;
        while let Some(at) = line[search..].find(key).map(|a| a + search) {
            let after = line[at + key.len()..].trim_start_matches(quotes).trim_start();
            let start = if line[..at].ends_with(quotes) { at - 1 } else { at };
            let before = line[..start].chars().next_back();
            if after.starts_with(':') && before.is_none_or(|c| matches!(c, ' ' | '\t' | '{' | ',' | '-' | '?')) {
                return (i + 1, line[..start].chars().count() + 1);
            }
            search = at + key.len();
        }
    }
    from
}

const GOAL_KEYS: &[&str] = &[
    "id", "title", "horizon", "target", "steps", "progress", "done", "status", "note", "private",
];
const COMMITMENT_KEYS: &[&str] = &["id", "who", "what", "due", "status", "note", "private"];

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

/// Splits off the front matter; `Err` when an opening `---` is never closed.
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
fn visible(line: &str) -> String {
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
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// A line that may have been meant as a fence: a run of three or more `-` or `+` with
/// more after it (`----`, `--- yaml`, `+++toml`), or dashes only, some of them typographic
/// (`—`, `–––`). `- - -`, `***` and `___` are Markdown's thematic breaks, not fences.
fn is_near_fence(v: &str) -> bool {
    let run = |ch: char| v.chars().take_while(|&c| c == ch).count() >= 3;
    (run('-') || run('+') || (!v.is_empty() && v.chars().all(is_dash) && !v.chars().all(|c| c == '-')))
        && v != "---"
        && v != "+++"
}

/// A `key:` or `"key":` line of YAML or JSON.
fn is_key_line(v: &str) -> bool {
    let Some((key, _)) = v.split_once(':') else {
        return false;
    };
    let key = key.trim().trim_matches(|c| c == '"' || c == '\'');
    !key.is_empty() && key.chars().next().is_some_and(char::is_alphanumeric) && !key.chars().any(char::is_whitespace)
}

/// The start of the first line of `text[from..]` that is neither blank (white space and
/// invisible characters only) nor HTML comments (which may span lines), as a byte offset
/// into `text`; with what was skipped before it, if anything.
fn first_content(text: &str, from: usize) -> (usize, Option<&'static str>) {
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
fn shows_nothing(rest: &str) -> Option<(usize, &'static str)> {
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
fn line_from(text: &str, pos: usize) -> &str {
    let rest = &text[pos..];
    rest.split('\n').next().unwrap_or(rest).trim_end_matches('\r')
}

/// Where the first visible character of the line at `pos` is, as a line and column.
fn locate(text: &str, pos: usize) -> (usize, usize) {
    let line = line_from(text, pos);
    let skip = line.len() - line.trim_start_matches(crate::load::damage::is_invisible).len();
    LineIndex::new(text).line_col(pos + skip)
}

/// True when, after the line at `pos`, a `key:` line comes and then a line for which
/// `closes` holds: the shape of front matter.
fn closed_block(text: &str, pos: usize, closes: impl Fn(&str) -> bool) -> bool {
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

/// Reads front matter, reporting problems with positions in the whole file.
pub struct Reader<'a> {
    /// The front matter's YAML, to find keys the index does not hold (nested ones).
    yaml: &'a str,
    path: &'a Path,
    lines: LineIndex<'a>,
    line_offset: usize,
    index: KeyIndex,
    diags: &'a mut Diagnostics,
}

impl<'a> Reader<'a> {
    /// `pos` is within the front matter, as `KeyIndex` gives it.
    fn origin(&self, pos: Pos) -> Origin {
        self.lines.origin(self.path, pos.0 + self.line_offset, pos.1)
    }

    /// Reports a problem at `pos`. Positions, not origins, are passed around: most values
    /// are fine, and an origin (a copy of the path and of the line) is made only for one
    /// that is reported or kept.
    fn report(&mut self, severity: Severity, pos: Pos, message: String, help: &str) {
        let origin = self.origin(pos);
        let mut d = Diagnostic::at(severity, &origin, message);
        if !help.is_empty() {
            d = d.help(help);
        }
        self.diags.push(d);
    }
}

/// Parses the YAML of a split note into `FrontMatter`.
pub fn read(path: &Path, file_text: &str, split: &Split<'_>, diags: &mut Diagnostics) -> Option<FrontMatter> {
    let line_offset = split.yaml_line;
    if let Some((line, col, c)) = crate::load::damage::control_character(split.yaml) {
        // The YAML parser would point at the start of the document, not at the character.
        let origin = Origin::in_text(path, file_text, line + line_offset, col);
        diags.push(
            Diagnostic::at(
                Severity::Error,
                &origin,
                format!("front matter contains the control character U+{:04X}", u32::from(c)),
            )
            .help("delete it: YAML allows no control characters other than tabs and line breaks"),
        );
        return None;
    }
    let value = match yaml::parse(split.yaml) {
        Ok(v) => v,
        Err(e) => {
            // An error found only at the end (an unclosed quote or bracket) points at the
            // last front-matter line, not at the closing `---`.
            let last_line = split.yaml.lines().count().max(1);
            let (line, col) = if e.line > last_line {
                (last_line, 1)
            } else {
                (e.line, e.col)
            };
            let origin = Origin::in_text(path, file_text, line + line_offset, col);
            let help = if let Some(help) = e.help {
                help
            } else if e.message.contains("tab character") {
                "indent with spaces: YAML does not allow tabs for indentation"
            } else if e.message.contains("end of stream") {
                "a quote or bracket opened in the front matter is never closed; check the lines above"
            } else {
                "front matter is YAML between two `---` lines; quote values that contain `: ` or start with `[`, `{`, `*`, `&` or `#`"
            };
            diags.push(
                Diagnostic::at(
                    Severity::Error,
                    &origin,
                    format!("front matter is not valid YAML: {}", e.message),
                )
                .help(help),
            );
            return None;
        }
    };
    let mut r = Reader {
        yaml: split.yaml,
        path,
        lines: LineIndex::new(file_text),
        line_offset,
        index: KeyIndex::build(split.yaml),
        diags,
    };
    // (private, draft) from every writing of the privacy keys, whatever their case.
    let mut fm_hidden = (false, false);
    let map = match value {
        Yaml::Map(map) => {
            // Every writing counts, a repeated one too (reported below): privacy wins.
            hidden_by_any_writing(&map, &mut fm_hidden);
            without_repeats(&mut r, &map, |index, key, n| index.top_nth(key, n)).unwrap_or(map)
        }
        Yaml::Null => Vec::new(),
        other => {
            r.report(
                Severity::Error,
                (1, 1),
                format!("front matter must be `key: value` lines, found {}", other.kind()),
                "write the front matter as `date: 2026-01-08` style lines",
            );
            return None;
        }
    };
    let mut fm = FrontMatter {
        private: fm_hidden.0,
        draft: fm_hidden.1,
        ..FrontMatter::default()
    };
    // The slug of each of `fm.topics`, made once for the length check and the comparison.
    let mut topic_slugs = Vec::new();
    for (key, value) in map {
        let lower = key.to_lowercase();
        if PRIVACY_KEYS.contains(&lower.as_str()) {
            let at_key = r.index.top(&key).unwrap_or((1, 1));
            let at = r.index.top_value(&key).unwrap_or(at_key);
            if key != lower {
                r.report(
                    Severity::Warning,
                    at_key,
                    format!("`{key}` is read as `{lower}`"),
                    &format!("write it in lower case: `{lower}:`"),
                );
            }
            match lower.as_str() {
                "private" => fm.private |= privacy_flag(&mut r, &key, &value, at, "the note is kept private"),
                "draft" => fm.draft |= privacy_flag(&mut r, &key, &value, at, "the note is left out as a draft"),
                _ => fm.draft |= unpublished(&mut r, &key, &value, at),
            }
            continue;
        }
        let at = if SESSION_KEYS.contains(&key.as_str()) {
            r.index.top_value(&key)
        } else {
            r.index.top(&key)
        }
        .unwrap_or_else(|| written_at(split.yaml, &key));
        // Only where the note would otherwise be published: an anchor's `{private: true}`
        // that a merge key applies, in a note hidden anyway, is no doubt.
        // (A draft is published with `--drafts`: it is looked at too.)
        if !fm.private
            && !matches!(
                key.as_str(),
                "goals" | "commitments" | "<<" | "title" | "date" | "duration"
            )
            && !means_to_hide(&lower, PRIVACY_KEYS)
        {
            let at_key = r.index.top(&key).unwrap_or((1, 1));
            fm.private |= hiding_inside(&mut r, split.yaml, &key, &value, at_key, at, "note");
        }
        match key.as_str() {
            "date" => match value.as_text() {
                Some(text) => fm.date = Some((text, r.origin(at))),
                None => r.report(
                    Severity::Error,
                    at,
                    format!("`date` must be a date, found {}", value.kind()),
                    "write it as `date: 2026-01-08`",
                ),
            },
            "title" => fm.title = text_value(&mut r, &key, &value, at),
            "kind" => fm.kind = text_value(&mut r, &key, &value, at),
            "duration" => fm.duration = number_value(&mut r, &key, &value, at, 24 * 60, "minutes"),
            "topics" | "tags" | "categories" | "category" => {
                for topic in topic_values(&mut r, &key, &value, at) {
                    let slug = crate::slug::slugify(&topic);
                    if fits_a_page_name(&mut r, "topic", &topic, &slug, at) {
                        fm.topics.push(topic);
                        topic_slugs.push(slug);
                    }
                }
            }
            "goals" => fm.goals = entries(&mut r, "goals", &value, at, goal_entry),
            "commitments" => {
                fm.commitments = entries(&mut r, "commitments", &value, at, commitment_entry);
            }
            k if FOREIGN_KEYS.contains(&k) => {}
            _ if lower == "protect" => protect_in_a_note(&mut r, &key, &value, at),
            _ if means_to_hide(&lower, PRIVACY_KEYS) => {
                let help = match closest(&lower, PRIVACY_KEYS.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`? Write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line"),
                    None => "write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line".to_string(),
                };
                r.report(
                    Severity::Error,
                    at,
                    format!("unknown key `{key}`: mentorlog cannot tell whether this note may be published"),
                    &help,
                );
            }
            _ => {
                let help = match closest(&key, SESSION_KEYS.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("mentorlog reads {}", list(SESSION_KEYS)),
                };
                r.report(Severity::Warning, at, format!("unknown key `{key}`"), &help);
            }
        }
    }
    // A draft is published with `--drafts`; its errors are warnings without it.
    if !fm.private {
        privacy_lines_in_the_text(&mut r, split);
    }
    // Topics are compared by slug; keep the first spelling of each.
    let mut seen = std::collections::HashSet::new();
    let mut slugs = topic_slugs.into_iter();
    fm.topics.retain(|t| {
        let slug = slugs.next();
        !t.trim().is_empty() && seen.insert(slug)
    });
    Some(fm)
}

/// Values a `private:`-like line may have: YAML's words for true and false and nothing.
fn flag_word(value: &str) -> bool {
    let v = value
        .trim()
        .trim_matches(|c| c == '"' || c == '\'')
        .trim()
        .to_lowercase();
    matches!(
        v.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "1" | "0" | "~" | "null" | ""
    )
}

/// Reports each line of the text of a note that would be published that is a privacy
/// key with a true/false value (`private: true`, `Draft: yes`, `published: false`, a typo
/// of one), outside fenced and indented code: front matter that slipped below the top (a
/// `---` closed too early by `...` or `--- `, a heading above it, fences lost in an
/// editor) would otherwise publish the very line that asks not to be published.
fn privacy_lines_in_the_text(r: &mut Reader<'_>, split: &Split<'_>) {
    let mut fence: Option<(char, usize)> = None;
    for (i, raw) in split.body.split('\n').enumerate() {
        let raw = raw.trim_end_matches('\r');
        let indent = raw.len() - raw.trim_start_matches(' ').len();
        let code_indent = indent >= 4 || raw[indent..].starts_with('\t');
        let rest = raw.trim_start();
        // CommonMark fenced code: three or more backticks or tildes, closed by as many.
        let run = |ch: char| rest.chars().take_while(|&c| c == ch).count();
        let opening = ['`', '~'].into_iter().map(|ch| (ch, run(ch))).find(|&(_, n)| n >= 3);
        match (fence, opening) {
            (Some((ch, n)), Some((c, m))) if c == ch && m >= n && !code_indent && rest[m..].trim().is_empty() => {
                fence = None;
                continue;
            }
            (Some(_), _) => continue,
            (None, Some(open)) if !code_indent => {
                fence = Some(open);
                continue;
            }
            _ => {}
        }
        // Cheap first: a flag's value is a short word, so most lines need no closer look.
        let Some(colon) = raw.find([':', '\u{FF1A}']) else {
            continue;
        };
        let after = &raw[colon + raw[colon..].chars().next().map_or(1, char::len_utf8)..];
        if code_indent || after.trim().len() > 12 {
            continue;
        }
        // A full-width colon (typed with an East Asian input method) reads as a colon.
        let v = visible(raw).replace('\u{FF1A}', ":");
        let Some((key, value)) = v.split_once(':') else {
            continue;
        };
        let key = key.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        let lower = key.to_lowercase();
        let is_privacy = PRIVACY_KEYS.contains(&lower.as_str()) || means_to_hide(&lower, PRIVACY_KEYS);
        if key.is_empty() || key.contains(char::is_whitespace) || !is_privacy || !flag_word(value) {
            continue;
        }
        let line = split.body_line + i + 1;
        let col = raw
            .chars()
            .take_while(|&c| c.is_whitespace() || crate::load::damage::is_invisible(c))
            .count()
            + 1;
        let origin = r.lines.origin(r.path, line, col);
        r.diags.push(
            Diagnostic::at(
                Severity::Error,
                &origin,
                format!("`{}` is in the text of the note, not in its front matter: it would be published as text, and the note with it", v.trim()),
            )
            .help("move the line into the front matter (between the two `---` lines that start the file); to show it as text, put it in backticks"),
        );
    }
}

/// Where a key the index does not place (a list or mapping used as a key, `? [private]`)
/// is first written, as a 1-based line and column of the parsed text; (1, 1) if nowhere.
fn written_at(yaml: &str, key: &str) -> Pos {
    yaml.lines()
        .enumerate()
        .find_map(|(i, line)| line.find(key).map(|at| (i + 1, line[..at].chars().count() + 1)))
        .unwrap_or((1, 1))
}

/// Reports a privacy key nested inside the value of `key` (`params: {private: true}`), or
/// a value of it that says "hidden" (`status: private`, a tag `draft`): mentorlog would
/// otherwise publish what it does not read. `what` is "note" or "entry". True when
/// reported: the note is then kept private (privacy wins the doubt) and `check` fails.
fn hiding_inside(r: &mut Reader<'_>, yaml: &str, key: &str, value: &Yaml, at_key: Pos, at: Pos, what: &str) -> bool {
    if let Some(inner) = nested_hiding_key(value) {
        r.report(
            Severity::Error,
            find_key(yaml, &inner, at_key),
            format!("`{inner}` inside `{key}` is not read: mentorlog cannot tell whether this {what} may be published"),
            &format!(
                "mentorlog reads `private:` only at the top of the {}, not inside another key: write `private: true` (only the pair sees it) there, unindented",
                if what == "note" { "front matter (or `draft: true`)" } else { "entry" }
            ),
        );
        return true;
    }
    if let Some(word) = hiding_value(value) {
        r.report(
            Severity::Error,
            at,
            format!("`{key}` says `{word}`, which does not hide the {what}: mentorlog cannot tell whether it may be published"),
            &format!(
                "to keep the {what} off the site write `private: true`{}; if `{word}` is only a word here, use another",
                if what == "note" { " (only the pair sees it) or `draft: true`" } else { "" }
            ),
        );
        return true;
    }
    false
}

/// Reports each key written again in a mapping (YAML allows a key once) where it is
/// written; `Some` mapping with the first writing of each key only when there were any.
/// `at(index, key, n)` finds the `n`th (0-based) writing of `key`.
fn without_repeats(
    r: &mut Reader<'_>,
    map: &[(String, Yaml)],
    at: impl Fn(&KeyIndex, &str, usize) -> Option<(usize, usize)>,
) -> Option<Vec<(String, Yaml)>> {
    let repeated = yaml::repeated_keys(map);
    if repeated.is_empty() {
        return None;
    }
    for (key, n) in &repeated {
        let pos = at(&r.index, key, *n).unwrap_or((1, 1));
        let first = at(&r.index, key, 0).map_or(String::new(), |(line, _)| {
            format!(" (the first is on line {})", line + r.line_offset)
        });
        r.report(
            Severity::Error,
            pos,
            format!("duplicate key `{key}`"),
            &format!("a key may be written once{first}; keep one of them"),
        );
    }
    let mut seen = std::collections::HashSet::new();
    Some(
        map.iter()
            .filter(|(key, _)| seen.insert(key.as_str()))
            .cloned()
            .collect(),
    )
}

fn list(keys: &[&str]) -> String {
    keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
}

/// A front-matter word (a horizon, a status, `who`); an error naming the allowed ones
/// when it is none of them.
fn word_value<W: Word>(r: &mut Reader<'_>, key: &str, value: &Yaml, at: Pos) -> Option<W> {
    let text = text_value(r, key, value, at)?;
    let word = W::parse(&text);
    if word.is_none() {
        r.report(
            Severity::Error,
            at,
            format!("unknown {} `{text}`", W::NAME),
            &W::allowed(),
        );
    }
    word
}

fn text_value(r: &mut Reader<'_>, key: &str, value: &Yaml, at: Pos) -> Option<String> {
    match value {
        Yaml::Null => None,
        v => match v.text() {
            Some(t) => Some(t.trim().to_string()),
            None => {
                r.report(
                    Severity::Error,
                    at,
                    format!("`{key}` must be text, found {}", v.kind()),
                    "write it on one line after the colon",
                );
                None
            }
        },
    }
}

/// A whole number up to `max`; `expected` says what in words ("minutes", "0 to 100").
fn number_value(r: &mut Reader<'_>, key: &str, value: &Yaml, at: Pos, max: u32, expected: &str) -> Option<u32> {
    match value {
        Yaml::Null => None,
        Yaml::Int(n) if u32::try_from(*n).is_ok_and(|n| n <= max) => u32::try_from(*n).ok(),
        v => {
            let message = format!("`{key}` must be a whole number ({expected}), found {}", describe(v));
            r.report(
                Severity::Error,
                at,
                message,
                &format!("write it like `{key}: {}`", max.min(60)),
            );
            None
        }
    }
}

fn describe(v: &Yaml) -> String {
    match v.as_text() {
        Some(t) => format!("`{t}`"),
        None => v.kind().to_string(),
    }
}

/// Values of `private:` or `draft:` whose meaning is yes, written some other way than
/// `true`.
fn means_yes(value: &Yaml) -> bool {
    match value {
        Yaml::Int(1) => true,
        Yaml::Str(s) => matches!(s.trim().to_lowercase().as_str(), "true" | "yes" | "y" | "on" | "1"),
        _ => false,
    }
}

/// `private:` or `draft:` (any case): `true` or `false`; any other value is read as
/// `true` (privacy wins every doubt), with a warning when it clearly means yes (`yes`,
/// `"true"`, `1`) and an error otherwise (`no`, `0`, nothing, a list: it may mean "no",
/// and the user must say so). `then` says what happens to the note meanwhile.
fn privacy_flag(r: &mut Reader<'_>, key: &str, value: &Yaml, at: Pos, then: &str) -> bool {
    let lower = key.to_lowercase();
    match value {
        Yaml::Bool(b) => *b,
        v if means_yes(v) => {
            r.report(
                Severity::Warning,
                at,
                format!("`{key}` is {}: read as `{lower}: true`", describe(v)),
                &format!("write `{lower}: true`"),
            );
            true
        }
        v => {
            r.report(
                Severity::Error,
                at,
                format!(
                    "`{key}` must be `true` or `false`, found {}; until it says which, {then}",
                    describe(v)
                ),
                &format!("write `{lower}: true` or `{lower}: false`"),
            );
            true
        }
    }
}

/// `published:` (Jekyll) or `publish:` (Obsidian), any case: only `true` publishes;
/// `false` is a draft, and so, with a warning, is anything else. True when a draft.
fn unpublished(r: &mut Reader<'_>, key: &str, value: &Yaml, at: Pos) -> bool {
    match value {
        Yaml::Bool(b) => !*b,
        v => {
            r.report(
                Severity::Warning,
                at,
                format!(
                    "`{key}` is {}, not `true`: the note is left out as a draft",
                    describe(v)
                ),
                &format!("write `{}: true` to publish it, or `draft: true`", key.to_lowercase()),
            );
            true
        }
    }
}

/// Whether any writing of a privacy key in `map` (any case, repeated keys too) hides the
/// note, as (private, draft): every value other than `false` (for `published` and
/// `publish`: other than `true`) hides it. Diagnostics come from the reading of each key.
fn hidden_by_any_writing(map: &[(String, Yaml)], hidden: &mut (bool, bool)) {
    for (key, value) in map {
        match key.to_lowercase().as_str() {
            // A YAML merge key (`<<: *defaults`) that other tools apply: what it would
            // merge hides the note too (mentorlog itself reports `<<` as an unknown key).
            "<<" => match value {
                Yaml::Map(merged) => hidden_by_any_writing(merged, hidden),
                Yaml::List(items) => {
                    for item in items {
                        if let Yaml::Map(merged) = item {
                            hidden_by_any_writing(merged, hidden);
                        }
                    }
                }
                _ => {}
            },
            "private" => hidden.0 |= *value != Yaml::Bool(false),
            "draft" => hidden.1 |= *value != Yaml::Bool(false),
            "published" | "publish" => hidden.1 |= *value != Yaml::Bool(true),
            _ => {}
        }
    }
}

/// `protect:` is reserved for protected publishing, which is not built yet (PRODUCT v3
/// change 4): a note that asks for it would be published in the clear, so it is an error.
fn protect_in_a_note(r: &mut Reader<'_>, key: &str, value: &Yaml, at: Pos) {
    if *value == Yaml::Bool(false) {
        r.report(
            Severity::Warning,
            at,
            format!("`{key}` is not a key of a note"),
            "`protect` is a setting of journal.yaml or program.yaml; remove this line",
        );
    } else {
        r.report(
            Severity::Error,
            at,
            format!("`{key}`: protected publishing is not available yet, so this note would be published in the clear"),
            "remove the line; to keep the note off the site, write `private: true` (only the pair sees it)",
        );
    }
}

fn topic_values(r: &mut Reader<'_>, key: &str, value: &Yaml, at: Pos) -> Vec<String> {
    match value {
        Yaml::Null => Vec::new(),
        Yaml::List(items) => items.iter().filter_map(|i| text_value(r, key, i, at)).collect(),
        v => text_value(r, key, v, at).into_iter().collect(),
    }
}

fn date_value(r: &mut Reader<'_>, key: &str, value: &Yaml, at: Pos) -> Option<NaiveDate> {
    let Some(text) = value.text() else {
        r.report(
            Severity::Error,
            at,
            format!("`{key}` must be a date, found {}", value.kind()),
            "write dates as YYYY-MM-DD, e.g. 2026-03-31",
        );
        return None;
    };
    match super::date::from_front_matter(&text) {
        super::date::DateRead::Clean(d) | super::date::DateRead::Tolerated(d, _) => Some(d),
        super::date::DateRead::Unusable => {
            r.report(
                Severity::Error,
                at,
                format!("`{key}` is not a date: `{text}`"),
                "write dates as YYYY-MM-DD, e.g. 2026-03-31",
            );
            None
        }
    }
}

/// Reads one entry (a mapping) of a list section.
type EntryParser<T> = fn(&mut Reader<'_>, &[(String, Yaml)], &ItemIndex) -> Option<T>;

/// Reads a block or flow list of mappings, one `parse` call per item.
fn entries<T>(r: &mut Reader<'_>, section: &str, value: &Yaml, at: Pos, parse: EntryParser<T>) -> Vec<T> {
    let items = match value {
        Yaml::Null => return Vec::new(),
        Yaml::List(items) => items,
        v => {
            r.report(
                Severity::Error,
                at,
                format!("`{section}` must be a list of entries, found {}", v.kind()),
                "start each entry on its own line with `  - id: …`",
            );
            return Vec::new();
        }
    };
    let fallback = ItemIndex {
        start: r.index.top(section).unwrap_or((1, 1)),
        keys: Vec::new(),
    };
    // Each section is read once: its positions can be moved out instead of copied.
    let positions = r.index.take_items(section);
    let mut out = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let index = positions.get(n).unwrap_or(&fallback);
        match item {
            Yaml::Map(map) => {
                let deduplicated = without_repeats(r, map, |_, key, n| Some(index.key_nth(key, n)));
                let map = deduplicated.as_deref().unwrap_or(map);
                let allowed = if section == "goals" { GOAL_KEYS } else { COMMITMENT_KEYS };
                for (key, value) in map {
                    let lower = key.to_lowercase();
                    if lower == "private" && key != "private" {
                        r.report(
                            Severity::Warning,
                            index.key(key),
                            format!("`{key}` is read as `private`"),
                            "write it in lower case: `private:`",
                        );
                    } else if !allowed.contains(&key.as_str()) && lower != "<<" && means_to_hide(&lower, PRIVACY_KEYS) {
                        r.report(
                            Severity::Error,
                            index.key(key),
                            format!("unknown key `{key}` in `{section}`: mentorlog cannot tell whether this entry may be published"),
                            "an entry is hidden with `private: true` (or shown with `private: false`)",
                        );
                    } else if !allowed.contains(&key.as_str())
                        && lower != "<<"
                        && hiding_inside(r, r.yaml, key, value, index.key(key), index.value(key), "entry")
                    {
                        // Reported; `entry_private` hides the entry.
                    } else if !allowed.contains(&key.as_str()) {
                        let help = match closest(key, allowed.iter().copied()) {
                            Some(near) => format!("did you mean `{near}`?"),
                            None => format!("an entry of `{section}` may have {}", list(allowed)),
                        };
                        r.report(
                            Severity::Warning,
                            index.key(key),
                            format!("unknown key `{key}` in `{section}`"),
                            &help,
                        );
                    }
                }
                if let Some(entry) = parse(r, map, index) {
                    out.push(entry);
                }
            }
            other => {
                r.report(
                    Severity::Error,
                    index.start,
                    format!("an entry of `{section}` must be a mapping, found {}", other.kind()),
                    "write entries as `- id: …` followed by indented `key: value` lines",
                );
            }
        }
    }
    out
}

fn get<'v>(map: &'v [(String, Yaml)], key: &str) -> Option<&'v Yaml> {
    map.iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
        .filter(|v| **v != Yaml::Null)
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An entry's `id` as read.
enum EntryId {
    /// No `id` written.
    Absent,
    Valid(String),
    /// Wrong, and reported; with the valid id the error suggests instead, if there is one.
    Invalid(Option<String>),
}

fn entry_id(r: &mut Reader<'_>, map: &[(String, Yaml)], index: &ItemIndex, what: &str) -> EntryId {
    let Some(value) = get(map, "id") else {
        return EntryId::Absent;
    };
    let at = index.value("id");
    let Some(id) = text_value(r, "id", value, at) else {
        return EntryId::Invalid(None);
    };
    if !valid_id(&id) {
        // The slug, without the letters an id may not have (`Café Plan` → `caf-plan`).
        let ascii: String = crate::slug::slugify(&id)
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' })
            .collect();
        let suggestion = ascii.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
        let help = if suggestion.is_empty() {
            format!("an id is a short name such as `group-lead`; later sessions refer to the {what} by it")
        } else {
            format!("write it as `{suggestion}`")
        };
        r.report(
            Severity::Error,
            at,
            format!("{what} id `{id}` may only use a-z, 0-9 and `-`"),
            &help,
        );
        return EntryId::Invalid(Some(suggestion).filter(|s| !s.is_empty()));
    }
    if what == "goal" && !fits_a_page_name(r, "goal id", &id, &crate::slug::slugify(&id), at) {
        return EntryId::Invalid(None);
    }
    EntryId::Valid(id)
}

/// The longest URL-safe name a page may be given (its file name must stay well under the
/// 255 bytes file systems allow, whatever is added to it).
pub const MAX_PAGE_NAME: usize = 200;

/// True when `name` (a topic or goal id), whose slug is `slug`, makes a page name short
/// enough to be written; else reports it as an error, so `check` finds what `build` could
/// not write.
fn fits_a_page_name(r: &mut Reader<'_>, what: &str, name: &str, slug: &str, at: Pos) -> bool {
    if slug.len() <= MAX_PAGE_NAME {
        return true;
    }
    let start: String = name.chars().take(30).collect();
    r.report(
        Severity::Error,
        at,
        format!(
            "the {what} `{start}…` is too long to name its page ({} characters)",
            name.chars().count()
        ),
        "a topic or id is a short name: keep it under 100 characters",
    );
    false
}

/// Whether a goal or commitment entry is private: every writing of `private` (any case)
/// is read as for a note (`privacy_flag`), and any that hides the entry hides it.
fn entry_private(r: &mut Reader<'_>, map: &[(String, Yaml)], index: &ItemIndex) -> bool {
    let mut private = false;
    for (key, value) in map {
        let lower = key.to_lowercase();
        if lower == "private" {
            let then = "the entry is kept private";
            private |= privacy_flag(r, key, value, index.value(key), then);
        } else if lower == "<<" {
            // A YAML merge key that other tools apply: what it would merge hides too.
            let mut hidden = (false, false);
            hidden_by_any_writing(std::slice::from_ref(&(key.clone(), value.clone())), &mut hidden);
            private |= hidden.0 || hidden.1;
        } else if !GOAL_KEYS.contains(&key.as_str()) && !COMMITMENT_KEYS.contains(&key.as_str()) {
            // Reported where the keys are read (`entries`): privacy wins the doubt.
            private |= nested_hiding_key(value).is_some() || hiding_value(value).is_some();
        }
    }
    private
}

fn goal_entry(r: &mut Reader<'_>, map: &[(String, Yaml)], index: &ItemIndex) -> Option<GoalEntry> {
    let (id, id_invalid) = match entry_id(r, map, index, "goal") {
        EntryId::Valid(id) => (id, false),
        EntryId::Invalid(Some(suggested)) => (suggested, true),
        EntryId::Invalid(None) => return None,
        EntryId::Absent => {
            r.report(
                Severity::Error,
                index.start,
                "a goal entry needs an `id`".to_string(),
                "add `id: short-name` (a-z, 0-9, `-`); later sessions update the goal by this id",
            );
            return None;
        }
    };
    let at = |key: &str| index.value(key);
    let mut entry = GoalEntry {
        origin: r.origin(index.value("id")),
        id,
        title: None,
        horizon: None,
        target: None,
        steps: Vec::new(),
        progress: None,
        done: Vec::new(),
        status: None,
        note: None,
        private: false,
        invalid: false,
        declares: get(map, "title").is_some(),
        id_invalid,
    };
    if id_invalid {
        return Some(entry);
    }
    let errors_before = r.diags.count(Severity::Error);
    if let Some(v) = get(map, "title") {
        entry.title = text_value(r, "title", v, at("title"));
    }
    if let Some(v) = get(map, "horizon") {
        entry.horizon = word_value(r, "horizon", v, at("horizon"));
    }
    if let Some(v) = get(map, "target") {
        entry.target = date_value(r, "target", v, at("target"));
    }
    if let Some(v) = get(map, "steps") {
        entry.steps = topic_values(r, "steps", v, at("steps"));
    }
    if let Some(v) = get(map, "progress") {
        entry.progress = number_value(r, "progress", v, at("progress"), 100, "a percentage from 0 to 100")
            .and_then(|n| u8::try_from(n).ok());
    }
    if let Some(v) = get(map, "done") {
        let o = at("done");
        let done = topic_values(r, "done", v, o);
        if !done.is_empty() {
            let origin = r.origin(o);
            entry.done = done.into_iter().map(|s| (s, origin.clone())).collect();
        }
    }
    if let Some(v) = get(map, "status") {
        entry.status = word_value(r, "status", v, at("status"));
    }
    if let Some(v) = get(map, "note") {
        entry.note = text_value(r, "note", v, at("note"));
    }
    entry.private = entry_private(r, map, index);
    entry.invalid = r.diags.count(Severity::Error) > errors_before;
    Some(entry)
}

fn commitment_entry(r: &mut Reader<'_>, map: &[(String, Yaml)], index: &ItemIndex) -> Option<CommitmentEntry> {
    let at = |key: &str| index.value(key);
    let (id, id_invalid) = match entry_id(r, map, index, "commitment") {
        EntryId::Valid(id) => (Some(id), false),
        EntryId::Invalid(Some(suggested)) => (Some(suggested), true),
        EntryId::Invalid(None) => return None,
        EntryId::Absent => (None, false),
    };
    let start = if id.is_some() { index.value("id") } else { index.start };
    let mut entry = CommitmentEntry {
        origin: r.origin(start),
        id,
        who: None,
        what: None,
        due: None,
        status: None,
        note: None,
        private: false,
        invalid: false,
        declares: get(map, "what").is_some(),
        id_invalid,
    };
    if id_invalid {
        return Some(entry);
    }
    let errors_before = r.diags.count(Severity::Error);
    if let Some(v) = get(map, "who") {
        entry.who = word_value(r, "who", v, at("who"));
    }
    if let Some(v) = get(map, "what") {
        entry.what = text_value(r, "what", v, at("what"));
    }
    if let Some(v) = get(map, "due") {
        let o = at("due");
        if v.text().is_some_and(|t| t.trim().eq_ignore_ascii_case("next")) {
            entry.due = Some(DueSpec::NextSession);
        } else {
            entry.due = date_value(r, "due", v, o).map(DueSpec::Date);
        }
    }
    if let Some(v) = get(map, "status") {
        entry.status = word_value(r, "status", v, at("status"));
    }
    if let Some(v) = get(map, "note") {
        entry.note = text_value(r, "note", v, at("note"));
    }
    entry.private = entry_private(r, map, index);
    entry.invalid = r.diags.count(Severity::Error) > errors_before;
    if entry.id.is_none() && entry.what.is_none() {
        // A `what` that is not text is reported already: that is the one mistake.
        if !entry.declares {
            r.report(
                Severity::Error,
                start,
                "a commitment entry needs `what` (to make one) or `id` (to update one)".to_string(),
                "add `what: …` and `who: mentor|mentee|both`",
            );
        }
        return None;
    }
    Some(entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_with_bom_crlf_and_trailing_space() {
        let text = "\u{feff}---\r\ntitle: A\r\n--- \r\nBody\r\n";
        let s = split(text).ok();
        assert_eq!(
            s.map(|s| (s.yaml, s.body, s.body_line)),
            Some(("title: A\r\n", "Body\r\n", 3))
        );
    }

    #[test]
    fn front_matter_out_of_place_is_found_where_it_is() {
        let at = |text: &str| misplaced(text).map(|m| (m.line, m.col));
        assert_eq!(at("\n---\na: 1\n---\n"), Some((2, 1)));
        assert_eq!(at("\u{feff}\u{200b}---\n"), Some((1, 3)));
        assert_eq!(at("<!--\n-->\n  +++\n"), Some((3, 3)));
        assert_eq!(at("---\na: 1\n---\n<!-- x -->\n---\n"), Some((5, 1)));
        // In place, or nothing like a fence first: nothing to say.
        assert_eq!(at("\u{feff}---  \na: 1\n---\nBody\n---\n"), None);
        assert_eq!(at("Text\n\n---\n"), None);
        assert_eq!(at("- - -\na: 1\n- - -\n"), None);
        assert_eq!(at("<!-- open\n---\n"), None);
        assert_eq!(at(""), None);
        assert!(matches!(misplaced("+++\n").map(|m| m.kind), Some(MisplacedKind::Toml)));
        assert!(matches!(
            misplaced("--- x\na: 1\n---\n").map(|m| m.kind),
            Some(MisplacedKind::NotExactly(l)) if l == "--- x"
        ));
    }

    #[test]
    fn no_front_matter_is_all_body() {
        let s = split("# Hi\n").ok();
        assert_eq!(s.map(|s| s.body), Some("# Hi\n"));
        assert!(split("---\ntitle: x\n").is_err());
    }

    #[test]
    fn unknown_keys_warn_with_a_suggestion_at_their_line() {
        let text = "---\ntitle: A\ncomitments: []\n---\n";
        let s = split(text).ok();
        let mut diags = Diagnostics::new();
        if let Some(s) = s {
            read(Path::new("a.md"), text, &s, &mut diags);
        }
        let d = diags.sorted();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].at.as_ref().map(|o| (o.line, o.col)), Some((3, 1)));
        assert_eq!(d[0].help.as_deref(), Some("did you mean `commitments`?"));
    }
}
