//! YAML for `journal.yaml` and front matter: the only file that names `serde_yaml`
//! (archived upstream; swapping the parser stays a one-file change).
//!
//! serde_yaml gives values but no positions, so a second, line-based pass (`KeyIndex`)
//! finds where each top-level key and each list item of a section starts. Diagnostics use
//! it to point at the exact line and column of the key a user wrote.

use std::collections::HashMap;

/// A parsed YAML value, in the parser-neutral form the loader reads.
#[derive(Debug, Clone, PartialEq)]
pub enum Yaml {
    /// `~`, `null` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// Any string, including dates (YAML 1.2 has no date type).
    Str(String),
    /// A sequence.
    List(Vec<Yaml>),
    /// A mapping, keys in written order (non-string keys shown as text).
    Map(Vec<(String, Yaml)>),
}

impl Yaml {
    /// The value as text, for scalars (numbers and booleans too: `title: 2026` is a title).
    pub fn as_text(&self) -> Option<String> {
        match self {
            Yaml::Str(s) => Some(s.clone()),
            Yaml::Int(i) => Some(i.to_string()),
            Yaml::Float(f) => Some(f.to_string()),
            Yaml::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// A short name of the value's kind for type errors.
    pub fn kind(&self) -> &'static str {
        match self {
            Yaml::Null => "nothing",
            Yaml::Bool(_) => "a true/false value",
            Yaml::Int(_) | Yaml::Float(_) => "a number",
            Yaml::Str(_) => "text",
            Yaml::List(_) => "a list",
            Yaml::Map(_) => "a mapping",
        }
    }
}

/// Where a YAML syntax error is, 1-based within the parsed text.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    /// 1-based line within the parsed text.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// The parser's explanation.
    pub message: String,
}

/// Parses YAML text into a value (an empty document is `Null`).
pub fn parse(text: &str) -> Result<Yaml, SyntaxError> {
    match serde_yaml::from_str::<serde_yaml::Value>(text) {
        Ok(value) => Ok(convert(value)),
        Err(e) => {
            let (line, col) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
            let message = e.to_string();
            // serde_yaml appends " at line L column C"; the diagnostic shows that itself.
            let message = message.split(" at line ").next().unwrap_or(&message).to_string();
            Err(SyntaxError { line, col, message })
        }
    }
}

fn convert(value: serde_yaml::Value) -> Yaml {
    use serde_yaml::Value;
    match value {
        Value::Null => Yaml::Null,
        Value::Bool(b) => Yaml::Bool(b),
        Value::Number(n) => n
            .as_i64()
            .map(Yaml::Int)
            .unwrap_or_else(|| Yaml::Float(n.as_f64().unwrap_or(0.0))),
        Value::String(s) => Yaml::Str(s),
        Value::Sequence(items) => Yaml::List(items.into_iter().map(convert).collect()),
        Value::Mapping(map) => Yaml::Map(map.into_iter().map(|(k, v)| (key_text(k), convert(v))).collect()),
        Value::Tagged(tagged) => convert(tagged.value),
    }
}

fn key_text(key: serde_yaml::Value) -> String {
    match convert(key) {
        Yaml::Null => "null".to_string(),
        other => other.as_text().unwrap_or_default(),
    }
}

/// Writes `text` as a double-quoted YAML scalar, safe whatever it contains.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A 1-based line and column within the parsed text.
pub type Pos = (usize, usize);

/// One `- ` item of a block list: where it starts and where each of its keys is.
#[derive(Debug, Clone, Default)]
pub struct ItemIndex {
    /// The first character after `- `.
    pub start: Pos,
    /// Keys of the item's mapping, in written order.
    pub keys: Vec<KeyPos>,
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
        self.keys.iter().find(|k| k.name == key).map_or(self.start, |k| k.key)
    }

    /// Where the value of `key` is written, else where the item starts.
    pub fn value(&self, key: &str) -> Pos {
        self.keys.iter().find(|k| k.name == key).map_or(self.start, |k| k.value)
    }
}

/// Positions of top-level keys and of the items of block lists under them.
#[derive(Debug, Clone, Default)]
pub struct KeyIndex {
    top: Vec<KeyPos>,
    items: HashMap<String, Vec<ItemIndex>>,
}

impl KeyIndex {
    /// Scans `text` line by line; flow-style lists get no item positions (their items
    /// then point at the section's key).
    pub fn build(text: &str) -> KeyIndex {
        let mut index = KeyIndex::default();
        let mut section: Option<String> = None;
        let mut dash_indent: Option<usize> = None;
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
            if indent == 0 && !is_dash {
                if let Some((key, value_at)) = key_of(content) {
                    index.top.push(KeyPos {
                        name: key.clone(),
                        key: (line_no, 1),
                        value: (line_no, col_of(value_at)),
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
                    keys: Vec::new(),
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
            } else if let (Some(d), Some((key, value_at))) = (dash_indent, key_of(content)) {
                if indent == d + 2 {
                    if let Some(item) = index.items.get_mut(name).and_then(|v| v.last_mut()) {
                        let value = (line_no, col_of(indent + value_at));
                        item.keys.push(KeyPos {
                            name: key,
                            key: (line_no, col_of(indent)),
                            value,
                        });
                    }
                }
            }
        }
        index
    }

    /// Where a top-level key is written.
    pub fn top(&self, key: &str) -> Option<Pos> {
        self.top.iter().find(|k| k.name == key).map(|k| k.key)
    }

    /// Where the value of a top-level key is written.
    pub fn top_value(&self, key: &str) -> Option<Pos> {
        self.top.iter().find(|k| k.name == key).map(|k| k.value)
    }

    /// The `n`th item of the list under `section`, if it was written as a block list.
    pub fn item(&self, section: &str, n: usize) -> Option<&ItemIndex> {
        self.items.get(section).and_then(|items| items.get(n))
    }
}

/// The key of a `key: value` line, unquoted, and the byte offset where its value starts
/// (0 when the value is on the following lines); `None` when the line is no mapping entry.
fn key_of(content: &str) -> Option<(String, usize)> {
    let (key, after) = if let Some(rest) = content.strip_prefix('"') {
        let end = rest.find('"')?;
        (&rest[..end], end + 2)
    } else if let Some(rest) = content.strip_prefix('\'') {
        let end = rest.find('\'')?;
        (&rest[..end], end + 2)
    } else {
        if content.starts_with('{') || content.starts_with('[') {
            return None;
        }
        let end = content.find(": ").or_else(|| content.strip_suffix(':').map(str::len))?;
        (&content[..end], end)
    };
    let rest = content.get(after..)?.strip_prefix(':')?;
    let value = rest.trim_start_matches(' ');
    let value_at = if value.is_empty() || value.starts_with('#') {
        0
    } else {
        content.len() - value.len()
    };
    Some((key.trim().to_string(), value_at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_and_list_items() {
        let text =
            "date: 2026-01-08\ngoals:\n  - id: a\n    title: A\n  - id: b\n    progres: 3\ncommitments:\n- what: x\n";
        let index = KeyIndex::build(text);
        assert_eq!(index.top("goals"), Some((2, 1)));
        assert_eq!(index.item("goals", 0).map(|i| i.start), Some((3, 5)));
        assert_eq!(index.item("goals", 1).map(|i| i.key("progres")), Some((6, 5)));
        assert_eq!(index.item("commitments", 0).map(|i| i.key("what")), Some((8, 3)));
        assert_eq!(index.item("goals", 0).map(|i| i.value("id")), Some((3, 9)));
        assert_eq!(index.top_value("date"), Some((1, 7)));
    }

    #[test]
    fn quoted_text_reads_back_unchanged() {
        for text in [
            "Sales & the roadmap",
            "a: b # c",
            "\"quoted\" \\ back",
            "[x]",
            "line\nbreak",
        ] {
            let parsed = parse(&format!("k: {}", quote(text))).ok();
            assert_eq!(
                parsed,
                Some(Yaml::Map(vec![("k".into(), Yaml::Str(text.into()))])),
                "{text}"
            );
        }
    }

    #[test]
    fn syntax_errors_carry_a_position() {
        let err = parse("title: [unclosed\n").err();
        assert!(err.is_some_and(|e| e.line >= 1 && !e.message.contains(" at line ")));
    }
}
