//! YAML for `journal.yaml` and front matter: the only file that names `serde_yaml`
//! (archived upstream; swapping the parser stays a one-file change).
//!
//! serde_yaml gives values but no positions, so a second, line-based pass (`index`)
//! finds where each top-level key and each list item of a section starts. Diagnostics use
//! it to point at the exact line and column of the key a user wrote.

use std::collections::HashMap;
use std::fmt::Write as _;

mod index;

pub use index::{ItemIndex, KeyIndex, KeyPos, Keys, Pos};

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

    /// `as_text` without a copy of a string's text: most values are read only to be
    /// trimmed or parsed.
    pub fn text(&self) -> Option<std::borrow::Cow<'_, str>> {
        match self {
            Yaml::Str(s) => Some(std::borrow::Cow::Borrowed(s)),
            other => other.as_text().map(std::borrow::Cow::Owned),
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
    /// How to fix it, when the error has a fix of its own (the callers have a general one).
    pub help: Option<&'static str>,
}

/// Parses YAML text into a value (an empty document is `Null`).
///
/// Bounded whatever the input: nesting deeper than 128 levels is refused by serde_yaml, and
/// anchors and aliases (`&a` … `*a`) may not expand the document beyond a small multiple of
/// its own size (see `Budget`): a "billion laughs" is refused instead of filling memory.
/// Mapping keys written twice are kept, in written order, for the caller to report with
/// their positions (`repeated_keys`).
///
/// # Errors
///
/// `SyntaxError`, with its position when serde_yaml gives one, for text that is not YAML,
/// nests too deep or expands too far.
pub fn parse(text: &str) -> Result<Yaml, SyntaxError> {
    use serde::de::DeserializeSeed as _;
    if let Some((line, col)) = too_deep(text) {
        return Err(SyntaxError {
            line,
            col,
            message: DEEP.to_string(),
            help: Some(DEEP_HELP),
        });
    }
    let budget = Budget::for_text(text);
    match (Node { budget: &budget }).deserialize(serde_yaml::Deserializer::from_str(text)) {
        Ok(value) => Ok(value),
        Err(e) => {
            let (line, col) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
            let message = e.to_string();
            // serde_yaml appends " at line L column C"; the diagnostic shows that itself.
            let message = message.split(" at line ").next().unwrap_or(&message);
            // serde_yaml's words for its limits, said the way a journal's author can act on.
            if message.ends_with("recursion limit exceeded") {
                return Err(SyntaxError {
                    line,
                    col,
                    message: DEEP.to_string(),
                    help: Some(DEEP_HELP),
                });
            }
            if message.ends_with("repetition limit exceeded") || message.ends_with(ALIAS_LIMIT) {
                // The parser stops inside the repeated value; the alias is what to change.
                let (line, col) = first_alias(text).unwrap_or((line, col));
                return Err(SyntaxError {
                    line,
                    col,
                    message: ALIAS_LIMIT.to_string(),
                    help: Some(
                        "aliases (`*name`) repeat the value of an anchor (`&name`): write the values out instead",
                    ),
                });
            }
            Err(SyntaxError {
                line,
                col,
                message: message.to_string(),
                help: None,
            })
        }
    }
}

const DEEP: &str = "values are nested more than 128 levels deep";
const DEEP_HELP: &str = "front matter needs a few levels at most: flatten the lists and mappings";

/// Where a `[` or `{` opens a 129th level of nesting, found by a look at the text before
/// parsing it: libyaml's scanner takes time quadratic in the nesting of `[`/`{` (100,000
/// of them took minutes), and serde_yaml refuses more than 128 levels only after that
/// scan. Quoted text and comments are skipped; a bracket in unquoted text counts, which
/// could only refuse a front matter with over a hundred unclosed brackets in its values.
fn too_deep(text: &str) -> Option<Pos> {
    // Only a bracket or brace opens a level: with 128 of them at most, none is too deep.
    if text.bytes().filter(|b| matches!(b, b'[' | b'{')).count() <= 128 {
        return None;
    }
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    for (i, line) in text.lines().enumerate() {
        let mut chars = line.char_indices().enumerate().peekable();
        while let Some((col, (_, c))) = chars.next() {
            match quote {
                Some('"') if c == '\\' => {
                    chars.next();
                }
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None => match c {
                    '"' | '\'' if matches!(previous, ' ' | '\t' | '[' | '{' | ',' | ':' | '-' | '?') => quote = Some(c),
                    '#' if matches!(previous, ' ' | '\t') || col == 0 => break,
                    '[' | '{' => {
                        depth += 1;
                        if depth > 128 {
                            return Some((i + 1, col + 1));
                        }
                    }
                    ']' | '}' => depth = depth.saturating_sub(1),
                    _ => {}
                },
            }
            previous = c;
        }
        // A single-quoted scalar may go on over lines; so may a double-quoted one.
        previous = ' ';
    }
    None
}

/// Where the first alias (`*name` after a space, `[`, `{`, `,` or `:`) is written, by a
/// look at the text (quoted strings are not told apart: it only places a diagnostic).
fn first_alias(text: &str) -> Option<Pos> {
    text.lines().enumerate().find_map(|(i, line)| {
        let mut previous = ' ';
        for (col, (at, c)) in line.char_indices().enumerate() {
            let named = line[at + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|n| n.is_alphanumeric() || n == '_' || n == '-');
            if c == '*' && named && matches!(previous, ' ' | '[' | '{' | ',' | ':') {
                return Some((i + 1, col + 1));
            }
            previous = c;
        }
        None
    })
}

const ALIAS_LIMIT: &str = "anchors and aliases expand to far more than the text itself";

/// How much a document may expand to: every value built and every byte of text in it
/// costs one unit. Without aliases a document never costs more than about twice its
/// length, so four times its length (plus some slack for tiny documents) only ever stops
/// aliases that repeat big values, and keeps memory and time proportional to the input.
struct Budget(std::cell::Cell<usize>);

impl Budget {
    fn for_text(text: &str) -> Budget {
        Budget(std::cell::Cell::new(text.len().saturating_mul(4).saturating_add(4096)))
    }

    fn spend<E: serde::de::Error>(&self, units: usize) -> Result<(), E> {
        match self.0.get().checked_sub(units.saturating_add(1)) {
            Some(left) => {
                self.0.set(left);
                Ok(())
            }
            None => Err(E::custom(ALIAS_LIMIT)),
        }
    }
}

/// Builds one `Yaml` value straight from the parser's events, spending the budget.
#[derive(Clone, Copy)]
struct Node<'b> {
    budget: &'b Budget,
}

impl<'de> serde::de::DeserializeSeed<'de> for Node<'_> {
    type Value = Yaml;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Yaml, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Node<'_> {
    type Value = Yaml;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("any YAML value")
    }

    fn visit_bool<E: serde::de::Error>(self, b: bool) -> Result<Yaml, E> {
        self.budget.spend(0)?;
        Ok(Yaml::Bool(b))
    }

    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Yaml, E> {
        self.budget.spend(0)?;
        Ok(Yaml::Int(n))
    }

    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Yaml, E> {
        self.budget.spend(0)?;
        // Too big for any key mentorlog reads: kept as written, so a title stays exact and a
        // number key reports the digits the user typed.
        Ok(i64::try_from(n).map_or_else(|_| Yaml::Str(n.to_string()), Yaml::Int))
    }

    fn visit_i128<E: serde::de::Error>(self, n: i128) -> Result<Yaml, E> {
        self.budget.spend(0)?;
        Ok(i64::try_from(n).map_or_else(|_| Yaml::Str(n.to_string()), Yaml::Int))
    }

    fn visit_u128<E: serde::de::Error>(self, n: u128) -> Result<Yaml, E> {
        self.budget.spend(0)?;
        Ok(i64::try_from(n).map_or_else(|_| Yaml::Str(n.to_string()), Yaml::Int))
    }

    fn visit_f64<E: serde::de::Error>(self, f: f64) -> Result<Yaml, E> {
        self.budget.spend(0)?;
        Ok(Yaml::Float(f))
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Yaml, E> {
        self.budget.spend(s.len())?;
        Ok(Yaml::Str(s.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, s: String) -> Result<Yaml, E> {
        self.budget.spend(s.len())?;
        Ok(Yaml::Str(s))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Yaml, E> {
        self.budget.spend(0)?;
        Ok(Yaml::Null)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Yaml, E> {
        self.visit_unit()
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Yaml, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Yaml, A::Error> {
        self.budget.spend(0)?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Yaml::List(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Yaml, A::Error> {
        self.budget.spend(0)?;
        let mut entries = Vec::new();
        while let Some(key) = map.next_key_seed(self)? {
            let value = map.next_value_seed(self)?;
            entries.push((key_text(key), value));
        }
        Ok(Yaml::Map(entries))
    }

    /// A tagged value (`!thing value`): the tag is dropped, the value kept.
    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<Yaml, A::Error> {
        use serde::de::VariantAccess as _;
        let (_tag, contents): (Yaml, _) = data.variant_seed(self)?;
        contents.newtype_variant_seed(self)
    }
}

/// A mapping key as text. A list or mapping used as a key (`? [private]`) is written out
/// in flow style, so the words in it are still seen (a hidden `private` is reported, not
/// read as an empty key).
fn key_text(key: Yaml) -> String {
    match key {
        Yaml::Null => "null".to_string(),
        Yaml::Str(s) => s,
        other => flow_text(&other),
    }
}

/// `value` in YAML's flow style, for showing a key that is not a scalar.
fn flow_text(value: &Yaml) -> String {
    match value {
        Yaml::Null => "null".to_string(),
        Yaml::List(items) => format!("[{}]", items.iter().map(flow_text).collect::<Vec<_>>().join(", ")),
        Yaml::Map(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!("{k}: {}", flow_text(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => other.as_text().unwrap_or_default(),
    }
}

/// The keys of `map` written again after their first time, each with which occurrence
/// (1 for the second) it is: YAML forbids them, and the caller reports each where written.
pub fn repeated_keys(map: &[(String, Yaml)]) -> Vec<(String, usize)> {
    // A mapping has a handful of keys: comparing them pairwise needs no table.
    if map.len() <= 16 {
        let mut repeated = Vec::new();
        for (i, (key, _)) in map.iter().enumerate() {
            let n = map[..i].iter().filter(|(earlier, _)| earlier == key).count();
            if n > 0 {
                repeated.push((key.clone(), n));
            }
        }
        return repeated;
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut repeated = Vec::new();
    for (key, _) in map {
        let n = seen.entry(key.as_str()).or_insert(0);
        if *n > 0 {
            repeated.push((key.clone(), *n));
        }
        *n += 1;
    }
    repeated
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
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::index::normalise_key;
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
    fn keys_are_named_as_the_parser_names_them() {
        // Plain lower-case words skip the parser: each must be what the parser says.
        for word in [
            "yes", "no", "on", "off", "y", "n", "nan", "inf", "date", "private", "a-b", "x_1",
        ] {
            let parsed = match parse(&format!("{word}: 1")) {
                Ok(Yaml::Map(map)) => map.into_iter().next().map(|(k, _)| k),
                _ => None,
            };
            assert_eq!(parsed.as_deref(), Some(normalise_key(word).as_str()), "{word}");
        }
        for (written, name) in [
            ("null", "null"),
            ("~", "null"),
            ("NULL", "null"),
            ("Null", "null"),
            ("\"date\"", "date"),
            ("'it''s'", "it's"),
            ("\"a\\\"b\"", "a\"b"),
            ("True", "true"),
            ("0x1F", "31"),
            ("Private", "Private"),
        ] {
            assert_eq!(normalise_key(written), name, "{written}");
            let parsed = match parse(&format!("{written}: 1")) {
                Ok(Yaml::Map(map)) => map.into_iter().next().map(|(k, _)| k),
                _ => None,
            };
            assert_eq!(parsed.as_deref(), Some(name), "{written}");
        }
    }

    #[test]
    fn repeated_keys_are_found_however_spelled() {
        let text = "date: x\nnull: 1\ntitle: t\n~: 2\n\"title\": u\n? kind\n: k\nkind: l\n";
        let index = KeyIndex::build(text);
        assert_eq!(index.top_nth("null", 1), Some((4, 1)));
        assert_eq!(index.top_nth("title", 1), Some((5, 1)));
        assert_eq!(index.top_nth("kind", 0), Some((6, 3)));
        assert_eq!(index.top_value("kind"), Some((7, 3)));
        assert_eq!(index.top_nth("kind", 1), Some((8, 1)));
        let indented = KeyIndex::build("  date: x\n  NULL: 1\n");
        assert_eq!(indented.top("null"), Some((2, 3)));
    }

    #[test]
    fn repeated_keys_are_counted_in_small_and_big_mappings() {
        let mut map: Vec<(String, Yaml)> = ["a", "b", "a", "c", "a", "b"]
            .iter()
            .map(|k| ((*k).to_string(), Yaml::Null))
            .collect();
        let expected = vec![("a".to_string(), 1), ("a".to_string(), 2), ("b".to_string(), 1)];
        assert_eq!(repeated_keys(&map), expected);
        map.extend((0..20).map(|n| (format!("k{n}"), Yaml::Null)));
        assert_eq!(repeated_keys(&map), expected);
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
