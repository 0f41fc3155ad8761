//! `journal.yaml`: who the pair is and how their site is published.

use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics, Origin, Severity, closest};
use crate::layout::JOURNAL_FILE;
use crate::load::yaml::{self, KeyIndex, Yaml};
use crate::source::JournalConfig;

/// The keys of `journal.yaml`: the ten of PRODUCT.md, plus `id` and `protect` (v3 change 4).
pub const JOURNAL_KEYS: &[&str] = &[
    "title",
    "mentor",
    "mentee",
    "program",
    "cadence_days",
    "base_url",
    "language",
    "noindex",
    "raw_html",
    "format",
    "id",
    "protect",
];

/// The newest journal format this mentorlog reads.
pub const FORMAT: u32 = 1;

/// True when the text of a YAML file (`journal.yaml`, `program.yaml`) can be parsed at
/// all; else reports why not: an unresolved merge conflict, or a control character (the
/// parser would point at the start of the file, not at the character).
pub(crate) fn yaml_is_readable(path: &Path, text: &str, diags: &mut Diagnostics) -> bool {
    if !crate::load::damage::conflicts(path, text, diags).is_empty() {
        return false;
    }
    if let Some((line, col, c)) = crate::load::damage::control_character(text) {
        diags.push(
            Diagnostic::at(
                Severity::Error,
                &Origin::in_text(path, text, line, col),
                format!("the file contains the control character U+{:04X}", u32::from(c)),
            )
            .help("delete it: YAML allows no control characters other than tabs and line breaks"),
        );
        return false;
    }
    true
}

/// `protect:` of `journal.yaml` or `program.yaml` (`file`), reserved for protected
/// publishing (PRODUCT v3 change 4), which is not built yet: `protect: false` is fine; any
/// other value asks for a protection this mentorlog cannot give, and building would
/// publish the site in the clear, so it is an error.
pub(crate) fn protect_requested(file: &str, key: &str, value: &Yaml) -> Option<(String, &'static str)> {
    (*value != Yaml::Bool(false)).then(|| {
        (
            format!("`{key}` in {file}: protected publishing is not available yet, and the site would be published in the clear"),
            "remove `protect:` (or write `protect: false`) to publish the site openly; keep notes off it with `private: true`",
        )
    })
}

/// True when a key of journal.yaml or program.yaml (any case) asks for protection or for
/// hiding: `protect` and its near spellings, `private`, `draft`, `password`, a typo of them.
fn asks_to_hide(key: &str) -> bool {
    let lower = key.to_lowercase();
    closest(&lower, ["protect", "private", "draft", "published", "publish"]).is_some()
        || [
            "priv", "draft", "secret", "hidden", "confiden", "unlisted", "visib", "passw", "protect",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// The first key inside `value` (nested mappings and lists) that `asks_to_hide`.
fn nested_asking(value: &Yaml) -> Option<&str> {
    match value {
        Yaml::Map(map) => map.iter().find_map(|(k, v)| {
            if asks_to_hide(k) {
                Some(k.as_str())
            } else {
                nested_asking(v)
            }
        }),
        Yaml::List(items) => items.iter().find_map(nested_asking),
        _ => None,
    }
}

/// An unknown key of `journal.yaml` or `program.yaml` (`file`, whose whole is called
/// `whole`: "journal", "program") that asks for what mentorlog cannot do to a whole site —
/// keep it private, leave it out as a draft, protect it with a password — or that holds
/// such a key (`site: {protect: true}`, a merge key `<<: {protect: true}`): building would
/// publish in the clear what the user asked to hide, so it is an error, with its message
/// and help. `protect` itself is read by the caller.
pub(crate) fn hiding_setting(file: &str, whole: &str, key: &str, value: &Yaml) -> Option<(String, String)> {
    let help = format!(
        "remove the line: a {whole} is published as a whole; keep notes off its site with `private: true` in each note, or do not publish this {whole}"
    );
    if key != "<<" && asks_to_hide(key) {
        return Some((
            format!(
                "`{key}` in {file}: mentorlog cannot keep a whole {whole} hidden or protected, so its site would be published in the clear"
            ),
            help,
        ));
    }
    let inner = nested_asking(value)?;
    Some((
        format!("`{inner}` inside `{key}` in {file} is not read, and the site would be published in the clear"),
        help,
    ))
}

/// Reports each top-level key written again (YAML allows a key once) where it is written;
/// returns the mapping with the first writing of each key.
pub(crate) fn without_repeats(
    path: &Path,
    text: &str,
    index: &KeyIndex,
    mut map: Vec<(String, Yaml)>,
    diags: &mut Diagnostics,
) -> Vec<(String, Yaml)> {
    let repeated = yaml::repeated_keys(&map);
    for (key, n) in &repeated {
        let (line, col) = index.top_nth(key, *n).unwrap_or((1, 1));
        let first = index
            .top_nth(key, 0)
            .map_or(String::new(), |(line, _)| format!(" (the first is on line {line})"));
        diags.push(
            Diagnostic::at(
                Severity::Error,
                &Origin::in_text(path, text, line, col),
                format!("duplicate key `{key}`"),
            )
            .help(format!("a key may be written once{first}; keep one of them")),
        );
    }
    if !repeated.is_empty() {
        let mut seen = std::collections::HashSet::new();
        map.retain(|(key, _)| seen.insert(key.clone()));
    }
    map
}

/// Parses a settings file (`journal.yaml`, `program.yaml`); a syntax error becomes a
/// diagnostic at its position, named after the file.
pub(crate) fn parse_settings(path: &Path, text: &str, diags: &mut Diagnostics) -> Option<Yaml> {
    match yaml::parse(text) {
        Ok(v) => Some(v),
        Err(e) => {
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let origin = Origin::in_text(path, text, e.line, e.col);
            diags.push(
                Diagnostic::at(
                    Severity::Error,
                    &origin,
                    format!("{name} is not valid YAML: {}", e.message),
                )
                .help(e.help.unwrap_or(
                    "each line is `key: value`; quote values that contain `: ` or start with a special character",
                )),
            );
            None
        }
    }
}

/// Reads `journal.yaml`; `None` when it is unusable (the reasons are diagnostics).
pub fn read(path: &Path, text: &str, diags: &mut Diagnostics) -> Option<JournalConfig> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Lone CRs are line ends, for the positions of diagnostics as for the parser.
    let fixed = crate::load::damage::line_ends(text);
    let text: &str = &fixed;
    if !yaml_is_readable(path, text, diags) {
        return None;
    }
    let value = parse_settings(path, text, diags)?;
    let index = KeyIndex::build(text);
    let at = |key: &str| {
        let (line, col) = index.top(key).unwrap_or((1, 1));
        Origin::in_text(path, text, line, col)
    };
    let map = match value {
        Yaml::Map(map) => without_repeats(path, text, &index, map, diags),
        Yaml::Null => {
            diags.push(
                Diagnostic::file(Severity::Error, path, "journal.yaml is empty")
                    .help("write at least `title:`, `mentor:` and `mentee:`"),
            );
            return None;
        }
        other => {
            diags.push(
                Diagnostic::at(
                    Severity::Error,
                    &at(""),
                    format!("journal.yaml must be `key: value` lines, found {}", other.kind()),
                )
                .help("write at least `title:`, `mentor:` and `mentee:`"),
            );
            return None;
        }
    };
    let mut config = JournalConfig {
        title: String::new(),
        mentor: String::new(),
        mentee: String::new(),
        program: None,
        cadence_days: None,
        base_url: None,
        language: "en".to_string(),
        noindex: true,
        raw_html: false,
        id: None,
    };
    let mut ok = true;
    // Keys whose value was wrong: already reported, so not "missing" as well.
    let mut wrong: Vec<String> = Vec::new();
    let mut error = |diags: &mut Diagnostics, key: &str, message: String, help: &str| {
        ok = false;
        wrong.push(key.to_string());
        diags.push(Diagnostic::at(Severity::Error, &at(key), message).help(help));
    };
    for (key, value) in &map {
        let text_of = |v: &Yaml| v.as_text().map(|t| t.trim().to_string());
        match key.as_str() {
            "title" | "mentor" | "mentee" | "program" | "base_url" | "language" => match text_of(value) {
                Some(t) => match key.as_str() {
                    "title" => config.title = t,
                    "mentor" => config.mentor = t,
                    "mentee" => config.mentee = t,
                    "program" => config.program = Some(t),
                    "base_url" => config.base_url = Some(t),
                    _ => config.language = t,
                },
                None if *value == Yaml::Null => {}
                None => error(
                    diags,
                    key,
                    format!("`{key}` must be text, found {}", value.kind()),
                    "write it on one line after the colon",
                ),
            },
            "cadence_days" => match value {
                Yaml::Int(n) if (1..=366).contains(n) => config.cadence_days = u32::try_from(*n).ok(),
                _ => error(
                    diags,
                    key,
                    "`cadence_days` must be a whole number of days from 1 to 366".to_string(),
                    "e.g. `cadence_days: 14` for a session every two weeks",
                ),
            },
            "noindex" | "raw_html" => match value {
                Yaml::Bool(b) if key == "noindex" => config.noindex = *b,
                Yaml::Bool(b) => config.raw_html = *b,
                _ => error(
                    diags,
                    key,
                    format!("`{key}` must be `true` or `false`"),
                    &format!("write `{key}: true` or `{key}: false`"),
                ),
            },
            "id" => match value {
                Yaml::Str(t) if !t.trim().is_empty() => config.id = Some(t.trim().to_string()),
                Yaml::Null => {}
                _ => error(
                    diags,
                    key,
                    format!("`id` must be text, found {}", value.kind()),
                    "the id is a `urn:uuid:…` that `mentorlog init` writes; e.g. `id: urn:uuid:0b1c8e5e-5f4e-4c43-9f3a-4f2a1d6b7c80`",
                ),
            },
            "protect" => {
                if let Some((message, help)) = protect_requested(JOURNAL_FILE, key, value) {
                    error(diags, key, message, help);
                }
            }
            "format" => match value {
                Yaml::Int(n) if *n >= 1 && *n <= i64::from(FORMAT) => {}
                Yaml::Int(n) if *n > i64::from(FORMAT) => error(
                    diags,
                    key,
                    format!("this journal uses format {n}, but this mentorlog reads format {FORMAT} only"),
                    "install a newer mentorlog",
                ),
                _ => error(
                    diags,
                    key,
                    "`format` must be a whole number (1)".to_string(),
                    "remove it or write `format: 1`",
                ),
            },
            other if closest(&other.to_lowercase(), ["protect"]).is_some() => {
                // `Protect: true`, `protected: true`: asked for, whatever the spelling.
                if let Some((message, help)) = protect_requested(JOURNAL_FILE, key, value) {
                    error(diags, key, message, help);
                }
            }
            other if hiding_setting(JOURNAL_FILE, "journal", other, value).is_some() => {
                if let Some((message, help)) = hiding_setting(JOURNAL_FILE, "journal", other, value) {
                    error(diags, key, message, &help);
                }
            }
            other => {
                let help = match closest(other, JOURNAL_KEYS.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!(
                        "journal.yaml may have {}",
                        JOURNAL_KEYS
                            .iter()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                diags.push(
                    Diagnostic::at(
                        Severity::Warning,
                        &at(other),
                        format!("unknown key `{other}` in journal.yaml"),
                    )
                    .help(help),
                );
            }
        }
    }
    for (key, who) in [
        ("title", "the site's title"),
        ("mentor", "the mentor's name"),
        ("mentee", "the mentee's name"),
    ] {
        let value = match key {
            "title" => &config.title,
            "mentor" => &config.mentor,
            _ => &config.mentee,
        };
        if value.is_empty() {
            ok = false;
            if wrong.iter().any(|w| w == key) {
                continue;
            }
            diags.push(
                Diagnostic::file(Severity::Error, path, format!("journal.yaml needs `{key}`"))
                    .help(format!("add a line `{key}: …` with {who}")),
            );
        }
    }
    if let Some(url) = &config.base_url {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            ok = false;
            diags.push(
                Diagnostic::at(
                    Severity::Error,
                    &at("base_url"),
                    format!("`base_url` must be an absolute http(s) URL, found `{url}`"),
                )
                .help("e.g. `base_url: https://mentoring.example.org/sam-dana/`"),
            );
        }
    }
    ok.then_some(config)
}
