//! The search index, `search-index.js`: a script rather than JSON, since pages opened from
//! disk may not fetch files; a journal's is streamed to the sink as it is serialised.

use serde::Serialize;

use crate::model::Journal;
use crate::render::labels::date_label;
use crate::render::links::{encode_path, session_path};

/// One searchable document.
#[derive(Debug, Clone, Serialize)]
pub struct SearchDoc {
    /// Title.
    pub t: String,
    /// Href relative to the search page.
    pub u: String,
    /// Date label (or the pair, in a program).
    pub d: String,
    /// Topics, space-separated.
    pub k: String,
    /// Text (may be empty).
    pub x: String,
}

/// The search index as a script file (file:// forbids fetch, so it is loaded by `<script>`).
pub fn search_index<T: Serialize>(docs: &[T]) -> String {
    let mut bytes = Vec::new();
    // Writing to memory cannot fail, and serde_json writes UTF-8 (the escape adds ASCII).
    let _ = write_search_index(docs, &mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}

/// Writes the search index script to `out` as it is serialised: a big journal's index is
/// as large as all its notes, and is never held whole on the way to the disk.
///
/// # Errors
///
/// What writing to `out` returns.
pub fn write_search_index<T: Serialize>(docs: &[T], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(b"window.MENTORLOG_SEARCH = ")?;
    let mut json = ScriptSafe { out, after_lt: false };
    serde_json::to_writer(&mut json, docs).map_err(std::io::Error::other)?;
    json.out.write_all(b";\n")
}

/// Passes JSON on for a `<script>` element: `</` inside a string must not end the element,
/// so it is written `<\/` (the same string to JSON). The JSON arrives in pieces, so a `<`
/// ending one piece is remembered.
struct ScriptSafe<'a> {
    out: &'a mut dyn std::io::Write,
    after_lt: bool,
}

impl std::io::Write for ScriptSafe<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut rest = buf;
        while let Some(at) = memchr::memchr(b'/', rest) {
            let after_lt = match at {
                0 => self.after_lt,
                _ => rest[at - 1] == b'<',
            };
            self.out.write_all(&rest[..at])?;
            self.out.write_all(if after_lt { b"\\/" } else { b"/" })?;
            self.after_lt = false;
            rest = &rest[at + 1..];
        }
        self.out.write_all(rest)?;
        if let Some(&last) = buf.last() {
            self.after_lt = last == b'<';
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// One session of a journal's search index; the text is the note's, borrowed.
#[derive(Serialize)]
struct NoteDoc<'a> {
    t: &'a str,
    u: String,
    d: String,
    k: String,
    x: Joined<'a>,
}

/// A note's text segments, written to JSON with a space between them, without joining
/// them into one more copy of the note first.
struct Joined<'a>(Vec<&'a str>);

impl Serialize for Joined<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl std::fmt::Display for Joined<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (n, part) in self.0.iter().enumerate() {
            if n > 0 {
                f.write_str(" ")?;
            }
            f.write_str(part)?;
        }
        Ok(())
    }
}

/// Writes `search-index.js` of a journal: its sessions with pages (titles, topics and note
/// text).
///
/// # Errors
///
/// What writing to `out` returns.
pub fn write_journal_search_index(journal: &Journal, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let docs: Vec<NoteDoc<'_>> = journal
        .sessions
        .iter()
        .rev()
        .filter_map(|s| {
            let slug = s.slug_path.as_deref()?;
            Some(NoteDoc {
                t: s.title.as_deref().unwrap_or_default(),
                u: encode_path(&session_path(slug)),
                d: date_label(s.date),
                k: s.topics.join(" "),
                x: Joined(s.note.segments.iter().map(|seg| seg.text.as_str()).collect()),
            })
        })
        .collect();
    write_search_index(&docs, out)
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    /// The script's JSON, parsed back.
    fn parsed(script: &str) -> serde_json::Value {
        let json = script
            .strip_prefix("window.MENTORLOG_SEARCH = ")
            .and_then(|s| s.strip_suffix(";\n"))
            .unwrap_or_default();
        serde_json::from_str(json).unwrap_or_default()
    }

    #[test]
    fn the_search_index_cannot_end_its_script_element() {
        let text = "see </script><script>alert(1)</script> and a/b";
        let script = search_index(&[text]);
        assert!(!script.contains("</"), "{script}");
        assert_eq!(parsed(&script), serde_json::json!([text]));
    }

    #[test]
    fn a_split_between_the_angle_bracket_and_the_slash_is_still_escaped() {
        let mut bytes = Vec::new();
        let mut safe = ScriptSafe {
            out: &mut bytes,
            after_lt: false,
        };
        for piece in ["\"a <", "/b> c/", "<", "", "/d\""] {
            assert!(safe.write_all(piece.as_bytes()).is_ok());
        }
        assert_eq!(String::from_utf8_lossy(&bytes), r#""a <\/b> c/<\/d""#);
    }
}
