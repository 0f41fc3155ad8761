//! Where keys are written: the line-based pass that finds each top-level key and each
//! list item of a section, since the parser gives values without positions.

use std::collections::HashMap;

use super::{Yaml, key_text, parse};

/// A 1-based line and column within the parsed text.
pub type Pos = (usize, usize);

/// One `- ` item of a block list: where it starts and where each of its keys is.
#[derive(Debug, Clone, Default)]
pub struct ItemIndex {
    /// The first character after `- `.
    pub start: Pos,
    /// Keys of the item's mapping, in written order.
    pub keys: Keys,
}

/// Keys in written order, found by name without a scan: a mapping of thousands of
/// (unknown) keys, each reported where it is written, made the lookups quadratic.
#[derive(Debug, Clone, Default)]
pub struct Keys {
    list: Vec<KeyPos>,
    by_name: HashMap<String, Vec<usize>>,
}

impl Keys {
    fn push(&mut self, key: KeyPos) {
        self.by_name.entry(key.name.clone()).or_default().push(self.list.len());
        self.list.push(key);
    }

    /// The `n`th (0-based) writing of `name`.
    fn nth(&self, name: &str, n: usize) -> Option<&KeyPos> {
        self.by_name.get(name)?.get(n).and_then(|&at| self.list.get(at))
    }

    fn last_mut(&mut self) -> Option<&mut KeyPos> {
        self.list.last_mut()
    }
}

/// Where a key and its value are written.
#[derive(Debug, Clone)]
pub struct KeyPos {
    /// The key, unquoted.
    pub name: String,
    /// The key's first character.
    pub key: Pos,
    /// The value's first character (the key's when the value is on later lines).
    pub value: Pos,
}

impl ItemIndex {
    /// Where `key` is written in this item, else where the item starts.
    pub fn key(&self, key: &str) -> Pos {
        self.keys.nth(key, 0).map_or(self.start, |k| k.key)
    }

    /// Where the value of `key` is written, else where the item starts.
    pub fn value(&self, key: &str) -> Pos {
        self.keys.nth(key, 0).map_or(self.start, |k| k.value)
    }

    /// Where the `n`th (0-based) writing of `key` in this item is, else where the item starts.
    pub fn key_nth(&self, key: &str, n: usize) -> Pos {
        self.keys.nth(key, n).map_or(self.start, |k| k.key)
    }
}

/// Positions of top-level keys and of the items of block lists under them.
#[derive(Debug, Clone, Default)]
pub struct KeyIndex {
    top: Keys,
    items: HashMap<String, Vec<ItemIndex>>,
}

impl KeyIndex {
    /// Scans `text` line by line; flow-style lists get no item positions (their items
    /// then point at the section's key).
    pub fn build(text: &str) -> KeyIndex {
        let mut index = KeyIndex::default();
        let mut section: Option<String> = None;
        let mut dash_indent: Option<usize> = None;
        // The indent of top-level keys: that of the first one (a document may be indented).
        let mut top_indent: Option<usize> = None;
        // The previous top-level line was an explicit key (`? date`): its value may follow
        // on a `: value` line.
        let mut explicit = false;
        for (i, raw) in text.lines().enumerate() {
            let line_no = i + 1;
            let line = raw.trim_end_matches('\r');
            let content = line.trim_start_matches(' ');
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            let indent = line.len() - content.len();
            let col_of = |byte: usize| line[..byte].chars().count() + 1;
            let is_dash = content == "-" || content.starts_with("- ");
            if !is_dash && *top_indent.get_or_insert(indent) == indent {
                let was_explicit = std::mem::take(&mut explicit);
                if was_explicit && (content == ":" || content.starts_with(": ")) {
                    let value = content[1..].trim_start_matches(' ');
                    if let (false, Some(last)) = (value.is_empty() || value.starts_with('#'), index.top.last_mut()) {
                        last.value = (line_no, col_of(line.len() - value.len()));
                    }
                    continue;
                }
                if let Some((key, at)) = explicit_key(content) {
                    let pos = (line_no, col_of(indent + at));
                    index.top.push(KeyPos {
                        name: key.clone(),
                        key: pos,
                        value: pos,
                    });
                    section = Some(key);
                    dash_indent = None;
                    explicit = true;
                    continue;
                }
                if let Some((key, value_at)) = key_of(content) {
                    index.top.push(KeyPos {
                        name: key.clone(),
                        key: (line_no, indent + 1),
                        value: (line_no, col_of(indent + value_at)),
                    });
                    section = Some(key);
                    dash_indent = None;
                }
                continue;
            }
            let Some(name) = &section else { continue };
            if is_dash && dash_indent.is_none_or(|d| d == indent) {
                dash_indent = Some(indent);
                let rest = content[1..].trim_start_matches(' ');
                let rest_at = indent + (content.len() - rest.len());
                let mut item = ItemIndex {
                    start: (line_no, col_of(rest_at)),
                    keys: Keys::default(),
                };
                if let Some((key, value_at)) = key_of(rest) {
                    let value = (line_no, col_of(rest_at + value_at));
                    item.keys.push(KeyPos {
                        name: key,
                        key: (line_no, col_of(rest_at)),
                        value,
                    });
                }
                index.items.entry(name.clone()).or_default().push(item);
            } else if let (Some(d), Some((key, at))) = (dash_indent, key_of(content).or_else(|| explicit_key(content)))
            {
                // An item's key (an explicit `? key` too: its value on a later `: value`
                // line is not looked for; the key's own position is used).
                if indent == d + 2 {
                    if let Some(item) = index.items.get_mut(name).and_then(|v| v.last_mut()) {
                        let value_at = if content.starts_with('?') { 0 } else { at };
                        let key_at = if content.starts_with('?') { at } else { 0 };
                        item.keys.push(KeyPos {
                            name: key,
                            key: (line_no, col_of(indent + key_at)),
                            value: (line_no, col_of(indent + value_at.max(key_at))),
                        });
                    }
                }
            }
        }
        index
    }

    /// Where a top-level key is written.
    pub fn top(&self, key: &str) -> Option<Pos> {
        self.top.nth(key, 0).map(|k| k.key)
    }

    /// Where the `n`th (0-based) writing of a top-level key is.
    pub fn top_nth(&self, key: &str, n: usize) -> Option<Pos> {
        self.top.nth(key, n).map(|k| k.key)
    }

    /// Where the value of a top-level key is written.
    pub fn top_value(&self, key: &str) -> Option<Pos> {
        self.top.nth(key, 0).map(|k| k.value)
    }

    /// The `n`th item of the list under `section`, if it was written as a block list.
    pub fn item(&self, section: &str, n: usize) -> Option<&ItemIndex> {
        self.items.get(section).and_then(|items| items.get(n))
    }

    /// The items of the list under `section`, taken out of the index.
    pub fn take_items(&mut self, section: &str) -> Vec<ItemIndex> {
        self.items.remove(section).unwrap_or_default()
    }
}

/// The key of a `key: value` line, named as the parser names it (`normalise_key`), and
/// the byte offset where its value starts (0 when the value is on the following lines);
/// `None` when the line is no mapping entry.
fn key_of(content: &str) -> Option<(String, usize)> {
    let bytes = content.as_bytes();
    let (key, after) = match bytes.first() {
        Some(b'"') => {
            // Up to the first quote that no backslash escapes.
            let mut i = 1;
            loop {
                match bytes.get(i)? {
                    b'\\' => i += 2,
                    b'"' => break,
                    _ => i += 1,
                }
            }
            (&content[..=i], i + 1)
        }
        Some(b'\'') => {
            // Up to the first quote that is not doubled (`''` is a quote inside).
            let mut i = 1;
            loop {
                match bytes.get(i)? {
                    b'\'' if bytes.get(i + 1) == Some(&b'\'') => i += 2,
                    b'\'' => break,
                    _ => i += 1,
                }
            }
            (&content[..=i], i + 1)
        }
        Some(b'{' | b'[') => return None,
        _ => {
            let end = content.find(": ").or_else(|| content.strip_suffix(':').map(str::len))?;
            if content[..end].trim().is_empty() {
                // `: value` continues an explicit key; an empty plain key is no YAML.
                return None;
            }
            (&content[..end], end)
        }
    };
    let rest = content.get(after..)?.trim_start_matches(' ').strip_prefix(':')?;
    let value = rest.trim_start_matches(' ');
    let value_at = if value.is_empty() || value.starts_with('#') {
        0
    } else {
        content.len() - value.len()
    };
    Some((normalise_key(key), value_at))
}

/// A key as written (`null`, `~`, `NULL`, `"date"`, `'it''s'`, `0x1F`, `True`) named the
/// way `parse` names the keys of a mapping (`null`, `null`, `null`, `date`, `it's`, `31`,
/// `true`), so that a key's position is found however it is spelled. A plain lower-case
/// word is its own name (no parse needed: most keys are such words).
pub(super) fn normalise_key(raw: &str) -> String {
    let raw = raw.trim();
    let plain = raw.bytes().next().is_some_and(|b| b.is_ascii_lowercase() || b == b'_')
        && raw
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
        && !matches!(raw, "null" | "true" | "false");
    if plain {
        return raw.to_string();
    }
    match parse(raw) {
        Ok(Yaml::List(_) | Yaml::Map(_)) | Err(_) => raw.trim_matches(|c| c == '"' || c == '\'').to_string(),
        Ok(value) => key_text(value),
    }
}

/// The key of an explicit-key line (`? date`), named as `normalise_key` names it, and the
/// byte offset where it starts; `None` for other lines and for complex keys.
fn explicit_key(content: &str) -> Option<(String, usize)> {
    let rest = content.strip_prefix('?')?;
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let key = rest.trim_start_matches(' ');
    let key = key.split(" #").next().unwrap_or(key).trim_end();
    if key.is_empty() || key.contains(": ") || key.ends_with(':') || key.starts_with(['[', '{', '-', '?']) {
        return None;
    }
    Some((normalise_key(key), content.len() - rest.trim_start_matches(' ').len()))
}
