//! Keys and text that mean to keep a note or an entry hidden: the privacy keys, the words other tools use for "leave this out", and their misspellings, which are errors rather than warnings a note is published after.

use crate::diag::{Diagnostic, Severity, closest};
use crate::load::yaml::{Pos, Yaml};

use super::fence::{Split, visible};
use super::{Reader, describe, flag_word, means_yes};

/// The keys that decide whether a note is published, as compared (in lower case):
/// `published` (Jekyll) and `publish` (Obsidian Publish) are read as the opposite of
/// `draft` (PRODUCT v3 change 1).
pub(super) const PRIVACY_KEYS: &[&str] = &["private", "draft", "published", "publish"];

/// Parts of key names that say "keep this hidden" (`is_private`, `isDraft`, `secret`,
/// `visibility`, Docusaurus' `unlisted`…): an unknown key with one of them, or a typo of
/// a privacy key, is an error, never a warning the note is published after.
pub(super) const HIDING_WORDS: &[&str] = &["priv", "draft", "secret", "hidden", "confiden", "unlisted", "visib"];

/// Parts of key names other tools read as "leave this out" even where the key names a
/// date or a setting: Hugo's `expiryDate` (gone after that date) and `headless`, 11ty's
/// `eleventyExcludeFromCollections`, Zola's `render`, `unpublishDate`, a `password` that
/// would protect the note. mentorlog can neither take a note down at a date nor protect
/// it, so such a key is an error too.
pub(super) const LEAVE_OUT_WORDS: &[&str] = &[
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
pub(super) const HIDING_VALUES: &[&str] = &[
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
pub(super) fn hiding_value(value: &Yaml) -> Option<String> {
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
pub(super) fn find_key(yaml: &str, key: &str, from: Pos) -> Pos {
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

/// Reports each line of the text of a note that would be published that is a privacy
/// key with a true/false value (`private: true`, `Draft: yes`, `published: false`, a typo
/// of one), outside fenced and indented code: front matter that slipped below the top (a
/// `---` closed too early by `...` or `--- `, a heading above it, fences lost in an
/// editor) would otherwise publish the very line that asks not to be published.
pub(super) fn privacy_lines_in_the_text(r: &mut Reader<'_>, split: &Split<'_>) {
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
pub(super) fn written_at(yaml: &str, key: &str) -> Pos {
    yaml.lines()
        .enumerate()
        .find_map(|(i, line)| line.find(key).map(|at| (i + 1, line[..at].chars().count() + 1)))
        .unwrap_or((1, 1))
}

/// Reports a privacy key nested inside the value of `key` (`params: {private: true}`), or
/// a value of it that says "hidden" (`status: private`, a tag `draft`): mentorlog would
/// otherwise publish what it does not read. `what` is "note" or "entry". True when
/// reported: the note is then kept private (privacy wins the doubt) and `check` fails.
pub(super) fn hiding_inside(
    r: &mut Reader<'_>,
    yaml: &str,
    key: &str,
    value: &Yaml,
    at_key: Pos,
    at: Pos,
    what: &str,
) -> bool {
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

/// `private:` or `draft:` (any case): `true` or `false`; any other value is read as
/// `true` (privacy wins every doubt), with a warning when it clearly means yes (`yes`,
/// `"true"`, `1`) and an error otherwise (`no`, `0`, nothing, a list: it may mean "no",
/// and the user must say so). `then` says what happens to the note meanwhile.
pub(super) fn privacy_flag(r: &mut Reader<'_>, key: &str, value: &Yaml, at: Pos, then: &str) -> bool {
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
pub(super) fn unpublished(r: &mut Reader<'_>, key: &str, value: &Yaml, at: Pos) -> bool {
    match value {
        Yaml::Bool(b) => !*b,
        // `"true"` in quotes is text, and reads as a contradiction when shown as `true`.
        Yaml::Str(text) if text.eq_ignore_ascii_case("true") => {
            r.report(
                Severity::Warning,
                at,
                format!(
                    "`{key}` is the text \"{text}\" in quotes, not the value `true`: the note is left out as a draft"
                ),
                &format!("remove the quotes to publish it: `{}: true`", key.to_lowercase()),
            );
            true
        }
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
pub(super) fn hidden_by_any_writing(map: &[(String, Yaml)], hidden: &mut (bool, bool)) {
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
pub(super) fn protect_in_a_note(r: &mut Reader<'_>, key: &str, value: &Yaml, at: Pos) {
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
