//! Markup that the HTML tokenizer ends at the first `>` though its author meant more:
//! a processing instruction `<?php echo '>'; ?>` (CommonMark ends it at `?>`) and a
//! `<![CDATA[ a > b ]]>` section (ends at `]]>`), a `<!DOCTYPE … "a > b">` (its quoted
//! strings hold the `>`). Read as the sanitiser reads them, they
//! become a bogus comment up to the first `>` and leave the rest (`';`, `?>`) on the page.
//! All are removed whole before the fragment is cut and cleaned, with one warning each
//! at their own `<`.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::policy::cut;
use crate::diag::{Diagnostic, Diagnostics, Origin, Severity};

/// Elements whose content the tokenizer reads as text up to their closing tag: a `<?`
/// inside them is not markup.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// One construct to remove: its byte range in the text scanned, and the warning.
struct Whole {
    from: usize,
    to: usize,
    message: String,
    help: &'static str,
}

/// Processing instructions, CDATA sections and document types in `html`, each whole (an unclosed one is
/// left to the sanitiser, which ends it at its first `>` as a browser would). Comments,
/// tags (with their quoted attribute values) and raw-text elements are skipped, as the
/// tokenizer reads them.
fn find(html: &str) -> Vec<Whole> {
    let bytes = html.as_bytes();
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    // The next `?>` and `]]>` found: many unclosed `<?` must not each search to the end.
    let mut pi_end = Next::default();
    let mut cdata_end = Next::default();
    let mut i = 0;
    while let Some(lt) = html[i..].find('<').map(|at| at + i) {
        let rest = &html[lt..];
        if let Some(body) = rest.strip_prefix("<!--") {
            if body.starts_with('>') {
                i = lt + 5;
            } else if body.starts_with("->") {
                i = lt + 6;
            } else if let Some(end) = body.find("-->") {
                i = lt + 4 + end + 3;
            } else {
                break;
            }
        } else if rest.starts_with("<?") {
            if let Some(end) = pi_end.find(html, "?>", lt + 2) {
                let to = end + 2;
                let pi = &html[lt..to];
                let shown = if pi.contains('\n') {
                    let first = pi.lines().next().unwrap_or_default().trim_end();
                    format!("{}…", first.chars().take(41).collect::<String>())
                } else {
                    format!("<{}>", cut(&pi[1..pi.len() - 1], 40))
                };
                found.push(Whole {
                    from: lt,
                    to,
                    message: format!("the processing instruction `{shown}` is removed"),
                    help: "raw HTML keeps elements and text only; put it in backticks to show it",
                });
                i = to;
            } else {
                match rest.find('>') {
                    Some(end) => i = lt + end + 1,
                    None => break,
                }
            }
        } else if rest.starts_with("<![CDATA[") {
            if let Some(end) = cdata_end.find(html, "]]>", lt + 9) {
                let to = end + 3;
                found.push(Whole {
                    from: lt,
                    to,
                    message: "a `<![CDATA[…]]>` section is removed".into(),
                    help: "CDATA belongs to XML, not HTML; write the text without it",
                });
                i = to;
            } else {
                match rest.find('>') {
                    Some(end) => i = lt + end + 1,
                    None => break,
                }
            }
        } else if lower[lt..].starts_with("<!doctype") {
            // Its quoted identifiers may hold a `>` (`"-//W3C//DTD … > …"`).
            match quoted_end(html, lt + 9) {
                Some(to) => {
                    found.push(Whole {
                        from: lt,
                        to,
                        message: "`<!DOCTYPE …>` is removed".into(),
                        help: "a note is part of a page: write its content without a document type",
                    });
                    i = to;
                }
                None => break,
            }
        } else if rest.starts_with("<!") {
            match rest.find('>') {
                Some(end) => i = lt + end + 1,
                None => break,
            }
        } else if rest.len() > 1 && (bytes[lt + 1].is_ascii_alphabetic() || bytes[lt + 1] == b'/') {
            let closing = bytes[lt + 1] == b'/';
            let name_start = lt + 1 + usize::from(closing);
            let name_end = html[name_start..]
                .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
                .map_or(html.len(), |at| at + name_start);
            let name = &lower[name_start..name_end];
            // To the tag's end, over quoted attribute values.
            let mut j = name_end;
            let mut end = None;
            while j < bytes.len() {
                match bytes[j] {
                    b'>' => {
                        end = Some(j + 1);
                        break;
                    }
                    b'=' => {
                        j += 1;
                        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                            j += 1;
                        }
                        if let Some(&quote @ (b'"' | b'\'')) = bytes.get(j) {
                            match html[j + 1..].find(quote as char) {
                                Some(close) => j += 1 + close,
                                None => j = bytes.len(),
                            }
                        }
                        j += 1;
                    }
                    _ => j += 1,
                }
            }
            let Some(end) = end else { break };
            i = end;
            if !closing && name == "plaintext" {
                break;
            }
            if !closing && RAW_TEXT.contains(&name) {
                match lower[i..].find(&format!("</{name}")) {
                    Some(close) => i += close,
                    None => break,
                }
            }
        } else {
            i = lt + 1;
        }
    }
    found
}

/// The next place of a pattern, remembered: a search from a later start reuses it.
#[derive(Default)]
struct Next {
    /// Searched from `.0`: found at `.1` (or nowhere after `.0`).
    last: Option<(usize, Option<usize>)>,
}

impl Next {
    fn find(&mut self, html: &str, pattern: &str, from: usize) -> Option<usize> {
        match self.last {
            Some((searched, at)) if searched <= from && at.is_none_or(|at| at >= from) => at,
            _ => {
                let at = html[from..].find(pattern).map(|at| at + from);
                self.last = Some((from, at));
                at
            }
        }
    }
}

/// The end (after its `>`) of a tag or declaration whose name ends at `from`, over quoted
/// strings.
fn quoted_end(html: &str, from: usize) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut j = from;
    while j < bytes.len() {
        match bytes[j] {
            b'>' => return Some(j + 1),
            quote @ (b'"' | b'\'') => j += 1 + html[j + 1..].find(quote as char)?,
            _ => {}
        }
        j += 1;
    }
    None
}

/// Removes processing instructions, CDATA sections and document types whole from the note's raw HTML in
/// `events`, with a warning for each. An HTML block is read as one text (a processing
/// instruction may run over its lines), each inline piece alone.
pub(super) fn remove_whole(
    events: &mut [Event<'_>],
    offset_of: &dyn Fn(usize) -> Option<usize>,
    origin: &dyn Fn(usize) -> Origin,
    diags: &mut Diagnostics,
) {
    let mut i = 0;
    while i < events.len() {
        let mut group: Vec<usize> = Vec::new();
        match &events[i] {
            Event::Start(Tag::HtmlBlock) => {
                i += 1;
                while i < events.len() && !matches!(events[i], Event::End(TagEnd::HtmlBlock)) {
                    if matches!(events[i], Event::Html(_)) && offset_of(i).is_some() {
                        group.push(i);
                    }
                    i += 1;
                }
            }
            Event::Html(_) | Event::InlineHtml(_) if offset_of(i).is_some() => group.push(i),
            _ => {}
        }
        i += 1;
        if group.is_empty() {
            continue;
        }
        let mut text = String::new();
        // Where each event's text starts in `text`.
        let mut starts = Vec::with_capacity(group.len());
        for &index in &group {
            if let Event::Html(html) | Event::InlineHtml(html) = &events[index] {
                starts.push(text.len());
                text.push_str(html);
            }
        }
        let found = find(&text);
        if found.is_empty() {
            continue;
        }
        for whole in &found {
            let piece = starts.partition_point(|&s| s <= whole.from) - 1;
            let offset = offset_of(group[piece]).unwrap_or(0) + (whole.from - starts[piece]);
            diags.push(Diagnostic::at(Severity::Warning, &origin(offset), whole.message.clone()).help(whole.help));
        }
        // `found` is in order and its ranges apart: one walk over both.
        let mut next = 0;
        for (piece, &index) in group.iter().enumerate() {
            let from = starts[piece];
            let to = starts.get(piece + 1).copied().unwrap_or(text.len());
            while next < found.len() && found[next].to <= from {
                next += 1;
            }
            let overlapping = found[next..].iter().take_while(|w| w.from < to);
            let mut kept = String::new();
            let mut at = from;
            let mut any = false;
            for whole in overlapping {
                any = true;
                if whole.from > at {
                    kept.push_str(&text[at..whole.from]);
                }
                at = at.max(whole.to.min(to));
            }
            if !any {
                continue;
            }
            if at < to {
                kept.push_str(&text[at..to]);
            }
            events[index] = match &events[index] {
                Event::Html(_) => Event::Html(CowStr::from(kept)),
                _ => Event::InlineHtml(CowStr::from(kept)),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::find;

    fn spans(html: &str) -> Vec<&str> {
        find(html).into_iter().map(|w| &html[w.from..w.to]).collect()
    }

    #[test]
    fn finds_processing_instructions_and_cdata_whole() {
        assert_eq!(spans("<?php\n  echo '>';\n?>\n"), ["<?php\n  echo '>';\n?>"]);
        assert_eq!(spans("a <![CDATA[ x > y ]]> b"), ["<![CDATA[ x > y ]]>"]);
        assert_eq!(
            spans("<!DOCTYPE html PUBLIC\n \"a > b\">c"),
            ["<!DOCTYPE html PUBLIC\n \"a > b\">"]
        );
        // Not markup: in comments, attribute values, raw text.
        assert!(spans("<!-- <?x?> --><a title=\"<?x?>\" b='>'>").is_empty());
        assert!(spans("<textarea><?x?></textarea>").is_empty());
        assert_eq!(spans("<textarea>t</textarea><?y?>"), ["<?y?>"]);
        // Unclosed: left to the sanitiser.
        assert!(spans("<?php echo 1;").is_empty());
        // As CommonMark reads them: to the first `?>`, `>`s and all.
        assert_eq!(
            spans("<?a> b <?c?> <![CDATA[d> <![CDATA[e]]>"),
            ["<?a> b <?c?>", "<![CDATA[d> <![CDATA[e]]>"]
        );
        assert_eq!(spans("<?a> <![CDATA[b> <?c?>"), ["<?a> <![CDATA[b> <?c?>"]);
        // Linear: 200,000 unclosed `<?` and `<![CDATA[` in one block.
        let many = "<?x>\n<![CDATA[y>\n".repeat(100_000);
        assert!(spans(&many).is_empty());
    }
}
