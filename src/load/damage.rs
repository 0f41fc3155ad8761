//! Damaged text: what editors, sync tools and merges leave in a journal's files. A file in
//! another encoding (UTF-16 above all), NUL bytes, control characters in YAML and
//! unresolved git merge conflicts each get one clear diagnostic at the place they are,
//! instead of a parser's puzzled message or a published page with `<<<<<<<` in it.
//!
//! Reads no files and knows no keys: it looks at bytes and lines only.

use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics, LineIndex, Origin, Severity};

/// Decodes `bytes` (the file at `path`, named `what` in messages: "the note",
/// "journal.yaml") as UTF-8 text; `None`, with a diagnostic saying why, when it is not
/// text mentorlog can read.
pub fn decode(path: &Path, bytes: Vec<u8>, what: &str, diags: &mut Diagnostics) -> Option<String> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || looks_like_utf16(&bytes);
    if utf16 {
        diags.push(
            Diagnostic::file(Severity::Error, path, format!("{what} is UTF-16 text, not UTF-8")).help(
                "save it as UTF-8: most editors have an encoding choice in “Save as” (Notepad: Encoding → UTF-8)",
            ),
        );
        return None;
    }
    let Ok(text) = String::from_utf8(bytes) else {
        diags.push(
            Diagnostic::file(Severity::Error, path, format!("{what} is not UTF-8 text")).help("save it as UTF-8"),
        );
        return None;
    };
    let text = lone_cr_to_lf(text);
    if let Some(at) = text.find('\0') {
        let (line, col) = LineIndex::new(&text).line_col(at);
        diags.push(
            Diagnostic::at(
                Severity::Error,
                &Origin::in_text(path, &text, line, col),
                format!("{what} contains a NUL (zero) byte, so it is damaged or not text"),
            )
            .help("remove the NUL bytes (editors show them as `^@` or `\\0`), or restore the file from git"),
        );
        return None;
    }
    Some(text)
}

/// `text` with every lone CR (a CR not followed by LF: classic Mac OS line ends, and
/// what some sync tools and pastes leave) made an LF. YAML and CommonMark both read a
/// lone CR as a line end; so must everything else that counts lines (the front-matter
/// split, diagnostics' line numbers), and one conversion here makes them all agree.
/// CRLF is left as it is; the text is not copied when it has no lone CR.
pub fn lone_cr_to_lf(text: String) -> String {
    match line_ends(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(fixed) => fixed,
    }
}

/// `lone_cr_to_lf` for borrowed text.
pub fn line_ends(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes.get(i + 1) != Some(&b'\n');
    let has_lone = bytes.iter().enumerate().any(|(i, &b)| b == b'\r' && lone(i));
    if !has_lone {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\r') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        out.push_str(if after.starts_with('\n') { "\r" } else { "\n" });
        rest = after;
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Characters that show nothing (or only space) where they are: Unicode's
/// Default_Ignorable_Code_Point set (zero-width space and joiners, the word joiner, BOMs,
/// soft hyphens, bidirectional marks and isolates, variation selectors, Hangul fillers,
/// tag characters…), the other format characters (general category Cf), and white space.
/// A line made of `---` and these looks like `---` in every editor, so front-matter
/// detection reads through them (PRODUCT v3 change 2: "after removing BOMs and invisible
/// characters").
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            u32::from(c),
            0x00AD                      // soft hyphen
            | 0x034F                    // combining grapheme joiner
            | 0x061C                    // Arabic letter mark
            | 0x0600..=0x0605           // Arabic number signs (Cf)
            | 0x06DD | 0x070F | 0x0890 | 0x0891 | 0x08E2 // Cf
            | 0x115F | 0x1160           // Hangul fillers
            | 0x17B4 | 0x17B5           // Khmer inherent vowels
            | 0x180B..=0x180F           // Mongolian variation selectors, vowel separator
            | 0x200B..=0x200F           // zero-width space, ZWNJ, ZWJ, LRM, RLM
            | 0x202A..=0x202E           // bidirectional embeddings and overrides
            | 0x2060..=0x206F           // word joiner, invisible operators, isolates
            | 0x2800                    // Braille pattern blank (shows as a space)
            | 0x3164                    // Hangul filler
            | 0xFE00..=0xFE0F           // variation selectors
            | 0xFEFF                    // BOM / zero-width no-break space
            | 0xFFA0                    // halfwidth Hangul filler
            | 0xFFF0..=0xFFFB           // unassigned and interlinear annotation (Cf)
            | 0x110BD | 0x110CD         // Kaithi number signs (Cf)
            | 0x13430..=0x1343F         // Egyptian hieroglyph format controls
            | 0x1BCA0..=0x1BCA3         // shorthand format controls
            | 0x1D173..=0x1D17A         // musical symbol format controls
            | 0xE0000..=0xE0FFF // tags and variation selectors supplement
        )
}

/// UTF-16 without a byte-order mark: ASCII text with a zero byte beside every character.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64)];
    head.len() >= 8 && {
        let zeros_at = |parity: usize| head.iter().skip(parity).step_by(2).all(|&b| b == 0);
        let text_at = |parity: usize| head.iter().skip(parity).step_by(2).all(|&b| b != 0);
        (zeros_at(1) && text_at(0)) || (zeros_at(0) && text_at(1))
    }
}

/// The first character YAML does not allow (a control character other than tab and line
/// breaks) in `yaml`, as a 1-based line and column within it.
pub fn control_character(yaml: &str) -> Option<(usize, usize, char)> {
    // Every control character starts with one of these bytes (U+0080–U+009F with 0xC2):
    // a look at the bytes (no early exit, so it runs on whole vectors) rules most texts
    // out without decoding them.
    let suspect = |b: &u8| (*b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || matches!(b, 0x7F | 0xC2);
    if !yaml.as_bytes().iter().fold(false, |seen, b| seen | suspect(b)) {
        return None;
    }
    let (at, c) = yaml
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{85}'))?;
    let (line, col) = LineIndex::new(yaml).line_col(at);
    Some((line, col, c))
}

/// Reports every unresolved git merge conflict in `text` (the whole file at `path`):
/// a `<<<<<<<` line followed by a `=======` or `>>>>>>>` line, outside fenced code
/// blocks (a note may show a conflict as an example). Returns the 1-based lines of the
/// `<<<<<<<` markers.
pub fn conflicts(path: &Path, text: &str, diags: &mut Diagnostics) -> Vec<usize> {
    // Every conflict starts with this marker; most notes have none, and need no walk.
    if !text.contains("<<<<<<<") {
        return Vec::new();
    }
    // The open code fence, as its character and length (``` or ~~~, three or more).
    let mut fence: Option<(char, usize)> = None;
    let mut open: Option<usize> = None;
    let mut found = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        let trimmed = line.trim_start_matches(' ');
        let fence_char = trimmed.chars().next().filter(|c| matches!(c, '`' | '~'));
        if let (true, Some(c)) = (line.len() - trimmed.len() <= 3, fence_char) {
            let run = trimmed.chars().take_while(|&x| x == c).count();
            if run >= 3 {
                match fence {
                    None => fence = Some((c, run)),
                    Some((open_char, open_run))
                        if open_char == c && run >= open_run && trimmed[run..].trim().is_empty() =>
                    {
                        fence = None;
                    }
                    Some(_) => {}
                }
                continue;
            }
        }
        if fence.is_some() {
            continue;
        }
        let is = |marker: &str| line == marker || line.strip_prefix(marker).is_some_and(|r| r.starts_with(' '));
        if is("<<<<<<<") {
            open = Some(i + 1);
        } else if (is("=======") || is(">>>>>>>")) && open.is_some() {
            if let Some(start) = open.take() {
                found.push(start);
            }
        }
    }
    for &line in &found {
        diags.push(
            Diagnostic::at(
                Severity::Error,
                &Origin::in_text(path, text, line, 1),
                "an unresolved git merge conflict",
            )
            .help("keep what is right from both sides, then delete the `<<<<<<<`, `=======` and `>>>>>>>` lines"),
        );
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conflicts_are_found_outside_code_fences_only() {
        let text = "---\ndate: 2026-01-08\n---\n```\n<<<<<<< HEAD\n=======\n>>>>>>> b\n```\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> other\n";
        let mut diags = Diagnostics::new();
        assert_eq!(conflicts(Path::new("a.md"), text, &mut diags), vec![9]);
        assert_eq!(diags.count(Severity::Error), 1);
    }

    #[test]
    fn a_setext_underline_alone_is_no_conflict() {
        let mut diags = Diagnostics::new();
        assert!(conflicts(Path::new("a.md"), "Title\n=======\n", &mut diags).is_empty());
    }

    #[test]
    fn utf16_is_named_with_or_without_a_byte_order_mark() {
        let utf16: Vec<u8> = "date: 2026-01-08\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        for bytes in [utf16.clone(), [vec![0xFF, 0xFE], utf16].concat()] {
            let mut diags = Diagnostics::new();
            assert!(decode(Path::new("a.md"), bytes, "the note", &mut diags).is_none());
            assert!(diags.sorted()[0].message.contains("UTF-16"));
        }
    }

    #[test]
    fn lone_carriage_returns_become_line_feeds() {
        assert_eq!(line_ends("a\rb\r\nc\r"), "a\nb\r\nc\n");
        assert!(matches!(line_ends("a\r\nb\n"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(lone_cr_to_lf("\r\r\n\r".to_string()), "\n\r\n\n");
    }

    #[test]
    fn invisible_characters_include_format_characters_and_spaces() {
        for c in [
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{2060}',
            '\u{FEFF}',
            '\u{00AD}',
            '\u{180E}',
            '\u{200E}',
            '\u{202E}',
            '\u{2066}',
            '\u{2069}',
            '\u{A0}',
            '\u{3000}',
            '\t',
            '\u{E0041}',
        ] {
            assert!(is_invisible(c), "{:04X}", u32::from(c));
        }
        for c in ['-', '+', 'a', '\u{2014}', '<'] {
            assert!(!is_invisible(c), "{c}");
        }
    }

    #[test]
    fn control_characters_are_located() {
        assert_eq!(control_character("a: b\nc: d\u{1}"), Some((2, 5, '\u{1}')));
        assert_eq!(control_character("a: \tb\r\n"), None);
        assert_eq!(control_character("é: \u{a0}\u{9f}"), Some((1, 5, '\u{9f}')));
        assert_eq!(control_character("a: \u{85}\u{7f}"), Some((1, 5, '\u{7f}')));
    }
}
