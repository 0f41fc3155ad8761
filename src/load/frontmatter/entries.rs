//! Goal and commitment entries: their ids, their values, and whether they are private.

use crate::diag::{Severity, closest};
use crate::load::yaml::{ItemIndex, Keys, Pos, Yaml};
use crate::source::{CommitmentEntry, GoalEntry, Reading};
use crate::vocab::DueSpec;

use super::privacy::{
    PRIVACY_KEYS, hidden_by_any_writing, hiding_inside, hiding_value, means_to_hide, nested_hiding_key, privacy_flag,
};
use super::{Reader, date_value, list, number_value, text_value, topic_values, without_repeats, word_value};

pub(super) const GOAL_KEYS: &[&str] = &[
    "id", "title", "horizon", "target", "steps", "progress", "done", "status", "note", "private",
];
pub(super) const COMMITMENT_KEYS: &[&str] = &["id", "who", "what", "due", "status", "note", "private"];

/// Reads one entry (a mapping) of a list section.
pub(super) type EntryParser<T> = fn(&mut Reader<'_>, &[(String, Yaml)], &ItemIndex) -> Option<T>;

/// Reads a block or flow list of mappings, one `parse` call per item.
pub(super) fn entries<T>(r: &mut Reader<'_>, section: &str, value: &Yaml, at: Pos, parse: EntryParser<T>) -> Vec<T> {
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
        keys: Keys::default(),
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

pub(super) fn get<'v>(map: &'v [(String, Yaml)], key: &str) -> Option<&'v Yaml> {
    map.iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
        .filter(|v| **v != Yaml::Null)
}

pub(super) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An entry's `id` as read.
pub(super) enum EntryId {
    /// No `id` written.
    Absent,
    Valid(String),
    /// Wrong, and reported; with the valid id the error suggests instead, if there is one.
    Invalid(Option<String>),
}

pub(super) fn entry_id(r: &mut Reader<'_>, map: &[(String, Yaml)], index: &ItemIndex, what: &str) -> EntryId {
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
pub(super) fn fits_a_page_name(r: &mut Reader<'_>, what: &str, name: &str, slug: &str, at: Pos) -> bool {
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
pub(super) fn entry_private(r: &mut Reader<'_>, map: &[(String, Yaml)], index: &ItemIndex) -> bool {
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

/// The value of `key` in an entry, read with `read` when it is written and not null.
fn field<T>(
    r: &mut Reader<'_>,
    map: &[(String, Yaml)],
    index: &ItemIndex,
    key: &str,
    read: fn(&mut Reader<'_>, &str, &Yaml, Pos) -> Option<T>,
) -> Option<T> {
    get(map, key).and_then(|v| read(r, key, v, index.value(key)))
}

/// What goal and commitment entries share besides their id: read last, the same way.
trait Entry {
    fn shared(&mut self) -> (&mut Option<String>, &mut bool, &mut Reading);
}

impl Entry for GoalEntry {
    fn shared(&mut self) -> (&mut Option<String>, &mut bool, &mut Reading) {
        (&mut self.note, &mut self.private, &mut self.reading)
    }
}

impl Entry for CommitmentEntry {
    fn shared(&mut self) -> (&mut Option<String>, &mut bool, &mut Reading) {
        (&mut self.note, &mut self.private, &mut self.reading)
    }
}

/// Fills `entry`: with nothing when its id was wrong (it stands only for that id), else
/// with its own values (`read`), its `note` and whether it is private, and how it read.
/// `declaring` is the key that makes an entry a declaration (`title` or `what`).
fn read_entry<E: Entry>(
    r: &mut Reader<'_>,
    map: &[(String, Yaml)],
    index: &ItemIndex,
    mut entry: E,
    wrong_id: bool,
    declaring: &str,
    read: impl FnOnce(&mut Reader<'_>, &mut E),
) -> E {
    if wrong_id {
        *entry.shared().2 = Reading::WrongId;
        return entry;
    }
    let errors_before = r.diags.count(Severity::Error);
    read(r, &mut entry);
    let (note, private, reading) = entry.shared();
    *note = field(r, map, index, "note", text_value);
    *private = entry_private(r, map, index);
    let wrong = r.diags.count(Severity::Error) > errors_before;
    *reading = Reading::of(wrong, get(map, declaring).is_some());
    entry
}

pub(super) fn goal_entry(r: &mut Reader<'_>, map: &[(String, Yaml)], index: &ItemIndex) -> Option<GoalEntry> {
    let (id, wrong_id) = match entry_id(r, map, index, "goal") {
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
    let entry = GoalEntry::new(r.origin(index.value("id")), id);
    Some(read_entry(r, map, index, entry, wrong_id, "title", |r, entry| {
        entry.title = field(r, map, index, "title", text_value);
        entry.horizon = field(r, map, index, "horizon", word_value);
        entry.target = field(r, map, index, "target", date_value);
        if let Some(v) = get(map, "steps") {
            entry.steps = topic_values(r, "steps", v, index.value("steps"));
        }
        entry.progress = field(r, map, index, "progress", |r, key, v, at| {
            let percent = number_value(r, key, v, at, 100, "a percentage from 0 to 100");
            percent.and_then(|n| u8::try_from(n).ok())
        });
        if let Some(v) = get(map, "done") {
            let o = index.value("done");
            entry.done = topic_values(r, "done", v, o);
            if !entry.done.is_empty() {
                entry.done_at = Some(r.origin(o));
            }
        }
        entry.status = field(r, map, index, "status", word_value);
    }))
}

pub(super) fn commitment_entry(
    r: &mut Reader<'_>,
    map: &[(String, Yaml)],
    index: &ItemIndex,
) -> Option<CommitmentEntry> {
    let (id, wrong_id) = match entry_id(r, map, index, "commitment") {
        EntryId::Valid(id) => (Some(id), false),
        EntryId::Invalid(Some(suggested)) => (Some(suggested), true),
        EntryId::Invalid(None) => return None,
        EntryId::Absent => (None, false),
    };
    let start = if id.is_some() { index.value("id") } else { index.start };
    let entry = CommitmentEntry::new(r.origin(start), id);
    let entry = read_entry(r, map, index, entry, wrong_id, "what", |r, entry| {
        entry.who = field(r, map, index, "who", word_value);
        entry.what = field(r, map, index, "what", text_value);
        if let Some(v) = get(map, "due") {
            if v.text().is_some_and(|t| t.trim().eq_ignore_ascii_case("next")) {
                entry.due = Some(DueSpec::NextSession);
            } else {
                entry.due = date_value(r, "due", v, index.value("due")).map(DueSpec::Date);
            }
        }
        entry.status = field(r, map, index, "status", word_value);
    });
    if entry.id.is_none() && entry.what.is_none() {
        // A `what` that is not text is reported already: that is the one mistake.
        if get(map, "what").is_none() {
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
