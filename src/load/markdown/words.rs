//! The search index's text of a note: its words, one space apart.

/// Appends the words of `text` to `words`, one space between words, so the search index
/// needs no clean-up. The same as a loop over `split_whitespace`, which decodes every
/// character and copies word by word: this looks at bytes when no whitespace beyond
/// ASCII can be in `text`, and copies words already one space apart in one go.
pub(super) fn push_words(words: &mut String, text: &str) {
    let mut push = |run: &str| {
        if !words.is_empty() {
            words.push(' ');
        }
        words.push_str(run);
    };
    // The first bytes of every whitespace character beyond ASCII (U+0085, U+00A0, U+1680,
    // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
    if !text.is_ascii() && text.bytes().any(|b| matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3)) {
        text.split_whitespace().for_each(push);
        return;
    }
    // ASCII whitespace as `char::is_whitespace` has it (with U+000B, unlike `u8`'s).
    let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    // Most texts are words one space apart already: one look at all bytes (no early exit,
    // so it runs on whole vectors) tells, and the text is copied as it is.
    let one_line = !text.bytes().fold(false, |seen, b| seen | matches!(b, b'\t'..=b'\r'));
    if one_line && !text.starts_with(' ') && !text.ends_with(' ') && !text.contains("  ") {
        if !text.is_empty() {
            push(text);
        }
        return;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        while i < bytes.len() && space(bytes[i]) {
            i += 1;
        }
        if i == bytes.len() {
            return;
        }
        let start = i;
        while i < bytes.len() {
            if !space(bytes[i]) {
                i += 1;
            } else if bytes[i] == b' ' && bytes.get(i + 1).is_some_and(|&next| !space(next)) {
                i += 2;
            } else {
                break;
            }
        }
        push(&text[start..i]);
    }
}
