//! Front matter: split the `---` block off a note (tolerating a BOM, CRLF and a trailing
//! space on the delimiter), read mentorlog's keys with their types checked, accept the
//! keys other tools write, and warn about the rest. Every goal and commitment entry
//! carries the `Origin` of the key that opened it, so later rules can point at it.
//!
//! Here: the note's own keys. `fence` splits the block off, `entries` reads goal and
//! commitment entries, `privacy` finds what means to keep something hidden.

use std::path::Path;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Diagnostics, LineIndex, Origin, Severity, closest};
use crate::load::yaml::{self, KeyIndex, Pos, Yaml};
use crate::source::FrontMatter;
use crate::vocab::Word;

mod entries;
mod fence;
mod privacy;

pub use entries::MAX_PAGE_NAME;
use entries::{commitment_entry, entries, fits_a_page_name, goal_entry};
pub use fence::{Misplaced, MisplacedKind, Split, Unclosed, is_fence_like, misplaced, split, split_note};
use privacy::{
    PRIVACY_KEYS, hidden_by_any_writing, hiding_inside, means_to_hide, privacy_flag, privacy_lines_in_the_text,
    protect_in_a_note, unpublished, written_at,
};

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

impl Reader<'_> {
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
            without_repeats(&mut r, &map, KeyIndex::top_nth).unwrap_or(map)
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
        v => {
            if let Some(t) = v.text() {
                Some(t.trim().to_string())
            } else {
                r.report(
                    Severity::Error,
                    at,
                    format!("`{key}` must be text, found {}", v.kind()),
                    "write it on one line after the colon",
                );
                None
            }
        }
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
