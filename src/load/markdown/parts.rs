//! Where a large note may be parsed in parts: pulldown-cmark holds a whole segment's tree
//! while it parses, so a note of many megabytes is parsed a part at a time, cut only where
//! the parts give the same events as the whole.

use crate::diag::{Diagnostic, Severity};

use super::{Lines, NoteContext};

/// The smallest part a large segment is parsed in.
pub(super) const PARSE_PART: usize = 64 << 10;

/// Where a large segment may be parsed in separate parts with the same events as whole:
/// the starts of lines that follow a blank line, begin at the margin and start no list
/// item (which could continue a list), outside fenced code and outside HTML blocks that
/// run over blank lines (`<pre>`, `<script>`, `<style>`, `<textarea>`, comments, `<?`,
/// `<!`, CDATA), at least `min_part` apart. Every other block ends at such a line. None
/// when the segment may define a link reference or a footnote (`]:`), which links
/// anywhere in it use.
pub(super) fn parse_cuts(text: &str, min_part: usize) -> Vec<usize> {
    if text.contains("]:") {
        return Vec::new();
    }
    block_starts(text, min_part)
}

/// The most text one block may hold: a paragraph, list, quote, table or code block, which
/// the Markdown parser reads whole (cut nowhere by `parse_cuts`). Its events cost up to
/// about 350 bytes of memory for each byte of dense markup, so this bounds what one block
/// costs (about 370 MiB); real notes' blocks are a few kilobytes.
pub(crate) const MAX_BLOCK: usize = 1 << 20;

/// What makes a text over `MAX_BLOCK` too much to parse at once.
#[derive(Clone, Copy)]
pub(super) enum Oversized {
    /// A block starting at this offset, this long.
    Block(usize, usize),
    /// A link reference or footnote definition (`]:`) at this offset: links anywhere in
    /// the text may use it, so the text is parsed whole.
    References(usize),
}

/// The first block of `text` longer than `MAX_BLOCK`, or, in a text over `MAX_BLOCK` that
/// may define link references or footnotes, where it does.
pub(super) fn oversized(text: &str) -> Option<Oversized> {
    if text.len() <= MAX_BLOCK {
        return None;
    }
    if let Some(at) = text.find("]:") {
        return Some(Oversized::References(at));
    }
    let starts = block_starts(text, 0);
    let ends = starts.iter().copied().chain([text.len()]);
    std::iter::once(0)
        .chain(starts.iter().copied())
        .zip(ends)
        .map(|(start, end)| (start, end - start))
        .find(|&(_, len)| len > MAX_BLOCK)
        .map(|(start, len)| Oversized::Block(start, len))
}

/// The `parse_cuts` places, whether or not the text defines link references.
fn block_starts(text: &str, min_part: usize) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut last = 0;
    let mut blank_before = false;
    // The open fence (its character and length), or the end marker of the HTML block.
    let mut fence: Option<(u8, usize)> = None;
    let mut html_end: Option<&str> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let indent = content.len() - content.trim_start_matches(' ').len();
        let rest = &content[indent..];
        let lower = rest.as_bytes()[..rest.len().min(12)].to_ascii_lowercase();
        if let Some((c, n)) = fence {
            let run = rest.bytes().take_while(|&b| b == c).count();
            if indent < 4 && run >= n && rest[run..].trim().is_empty() {
                fence = None;
            }
            blank_before = false;
            continue;
        }
        if let Some(end) = html_end {
            if content.to_ascii_lowercase().contains(end) {
                html_end = None;
            }
            blank_before = false;
            continue;
        }
        if content.trim().is_empty() {
            blank_before = true;
            continue;
        }
        let list_item = {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let marker = if digits > 0 {
                rest.as_bytes().get(digits).copied()
            } else {
                rest.bytes().next()
            };
            let after = rest.as_bytes().get(if digits > 0 { digits + 1 } else { 1 }).copied();
            let is_marker = if digits > 0 {
                matches!(marker, Some(b'.' | b')'))
            } else {
                matches!(marker, Some(b'-' | b'*' | b'+'))
            };
            is_marker && matches!(after, None | Some(b' ' | b'\t'))
        };
        if blank_before && indent == 0 && !content.starts_with('\t') && !list_item && start - last >= min_part {
            cuts.push(start);
            last = start;
        }
        blank_before = false;
        if indent < 4 {
            let run = rest
                .bytes()
                .take_while(|&b| b == b'`')
                .count()
                .max(rest.bytes().take_while(|&b| b == b'~').count());
            if run >= 3 {
                let c = rest.as_bytes()[0];
                // A backtick fence's info string has no backtick; otherwise it is no fence.
                if c == b'~' || !rest[run..].contains('`') {
                    fence = Some((c, run));
                    continue;
                }
            }
            let opens = [
                ("<pre", "</pre>"),
                ("<script", "</script>"),
                ("<style", "</style>"),
                ("<textarea", "</textarea>"),
                ("<!--", "-->"),
                ("<?", "?>"),
                ("<![cdata[", "]]>"),
                ("<!", ">"),
            ];
            if let Some(&(_, end)) = opens.iter().find(|(open, _)| lower.starts_with(open.as_bytes())) {
                // The end may be on the opening line itself (after the opening tag).
                let after = &content.to_ascii_lowercase()[indent + 2..];
                if !after.contains(end) {
                    html_end = Some(end);
                }
            }
        }
    }
    cuts
}

/// The error for a part of a note too large to parse at once (`MAX_BLOCK`): a block, at
/// its first line, or a large text that defines link references, at the definition.
pub(super) fn too_long(
    problem: Oversized,
    base: usize,
    len: usize,
    lines: &Lines<'_>,
    cx: &NoteContext<'_>,
) -> Diagnostic {
    let limit = MAX_BLOCK / 1024;
    let (at, message, help) = match problem {
        Oversized::Block(at, block) => (
            at,
            format!(
                "this block (a paragraph, list, quote, table or code block) is {} KiB long; one block may hold at most {limit} KiB",
                block.div_ceil(1024)
            ),
            "split it into smaller blocks, each after a blank line and a line of text or a heading, or move the text to a file under static/ and link to it",
        ),
        Oversized::References(at) => (
            at,
            format!(
                "this `]:` may define a link reference or footnote, which any link of the text may use, so its {} KiB are read as one block; one block may hold at most {limit} KiB",
                len.div_ceil(1024)
            ),
            "write the links inline, as `[text](address)`, or split the note into smaller ones",
        ),
    };
    Diagnostic::at(Severity::Error, &lines.origin(base + at, cx), message).help(help)
}
