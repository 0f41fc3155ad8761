//! Private blocks: `<!-- private -->` … `<!-- /private -->` found in the text and cut out before parsing, so their words never enter public HTML.

use pulldown_cmark::{Event, Parser, Tag};

use crate::diag::{Diagnostic, Diagnostics, Severity};

use super::{Lines, NoteContext, options};

/// Splits the body at private markers: `(private, start, end)` byte ranges.
///
/// The rule that never leaks: markers nest. A block opened inside a private block does
/// not end it; the text stays private until as many closing markers as opening ones have
/// come (`<!-- private --> a <!-- private --> b <!-- /private --> c <!-- /private -->`
/// keeps `c` private). An opening marker inside a block warns (a forgotten closing
/// marker looks the same); a closing marker with no block open warns (its text was
/// published, and the marker may have lost its opening one); a block never closed hides
/// the rest of the note and warns; a comment that looks like a marker but is not one is an
/// error and, when it reads like an opening one, opens a block all the same.
pub(super) fn private_blocks(body: &str, cx: &NoteContext<'_>, diags: &mut Diagnostics) -> Vec<(bool, usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut depth = 0usize;
    let mut opened_at = 0;
    let lines = Lines::new(body);
    let warn = |diags: &mut Diagnostics, severity, at: usize, message: String, help: &str| {
        diags.push(Diagnostic::at(severity, &lines.origin(at, cx), message).help(help));
    };
    for marker in private_markers(body) {
        let opens = match marker.kind {
            MarkerKind::Open => true,
            MarkerKind::OpenInComment => {
                warn(
                    diags,
                    Severity::Warning,
                    marker.start,
                    format!(
                        "the comment `{}` is not closed before a `<!-- private -->` marker, so the two are one comment",
                        cut_line(&body[marker.start..marker.end])
                    ),
                    "close the comment with `-->` before the marker; until then the comment and the text after it are kept private",
                );
                true
            }
            MarkerKind::Close => false,
            MarkerKind::LooksLike { opens } => {
                warn(
                    diags,
                    Severity::Error,
                    marker.start,
                    format!(
                        "`{}` looks like a private marker but is not one",
                        cut_line(&body[marker.start..marker.end])
                    ),
                    if opens {
                        "a private block starts with exactly `<!-- private -->`; to keep a comment, do not start it with \"private\" (until then the text after it is kept private)"
                    } else {
                        "a private block ends with exactly `<!-- /private -->` (or `<!-- end private -->`)"
                    },
                );
                if !opens {
                    continue;
                }
                depth += 1;
                if depth == 1 {
                    out.push((false, pos, marker.start));
                    pos = marker.end;
                    opened_at = marker.start;
                }
                continue;
            }
        };
        if opens {
            depth += 1;
            if depth == 1 {
                out.push((false, pos, marker.start));
                pos = marker.end;
                opened_at = marker.start;
            } else {
                warn(
                    diags,
                    Severity::Warning,
                    marker.start,
                    "a private block opened inside another private block: the text stays private until both are closed"
                        .into(),
                    "close the first block with `<!-- /private -->` before opening another, or remove this marker",
                );
            }
        } else if depth == 0 {
            warn(
                diags,
                Severity::Warning,
                marker.start,
                format!(
                    "this `{}` closes no private block, so the text before it is published",
                    cut_line(&body[marker.start..marker.end])
                ),
                "start the private part with `<!-- private -->`, or remove this marker",
            );
        } else {
            depth -= 1;
            if depth == 0 {
                out.push((true, pos, marker.start));
                pos = marker.end;
            }
        }
    }
    out.push((depth > 0, pos, body.len()));
    if depth > 0 {
        warn(
            diags,
            Severity::Warning,
            opened_at,
            "this private block is never closed, so the rest of the note is private".into(),
            "end the block with `<!-- /private -->`",
        );
    }
    out
}

/// A comment's text for a diagnostic: its first line, cut after 60 characters.
pub(super) fn cut_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    match line.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None if line.len() < text.len() => format!("{line}…"),
        None => line.to_string(),
    }
}

/// What a comment in a note says about privacy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MarkerKind {
    /// `<!-- private -->`.
    Open,
    /// `<!-- private -->` at the end of a comment left open before it.
    OpenInComment,
    /// `<!-- /private -->`.
    Close,
    /// Close to a marker but not one (`<!-- privat -->`, `<!-- private: pay -->`).
    LooksLike { opens: bool },
}

/// A private marker found in a note body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Marker {
    start: usize,
    end: usize,
    kind: MarkerKind,
}

/// What the text inside `<!--` … `-->` makes of a comment. Case, whitespace (line breaks
/// included) and the dashes next to the comment's ends do not count: `<!--private-->`,
/// `<!-- PRIVATE -->`, `<!--\n  private\n-->`, `<!--- private --->` all open a block;
/// `<!-- /private -->`, `<!-- / Private -->`, `<!-- end private -->` and
/// `<!-- end-private -->` close one. A comment that starts with the word `private` (or
/// `/private`) but says more, or whose whole text is a near misspelling of a marker, is
/// [`MarkerKind::LooksLike`]: mentorlog cannot tell what was meant, so it refuses.
pub(super) fn marker_kind(inner: &str) -> Option<MarkerKind> {
    let squeezed: String = inner
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    let squeezed = squeezed.trim_matches('-');
    match squeezed {
        "private" => return Some(MarkerKind::Open),
        "/private" | "endprivate" | "end-private" | "end_private" => return Some(MarkerKind::Close),
        _ => {}
    }
    let closes = squeezed.starts_with('/') || squeezed.starts_with("end");
    let word = squeezed.trim_start_matches('/');
    let near = |wanted: &str| strsim::damerau_levenshtein(squeezed, wanted) <= 1;
    let first_word: String = inner
        .trim_start_matches(|c: char| c == '-' || c == '/' || c.is_whitespace())
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    // `private` as a word of its own (not `privately`), then more text.
    let looks = first_word == "private"
        || word.starts_with("endprivate")
        || near("private")
        || near("/private")
        || near("endprivate")
        || (first_word.len() >= 5 && strsim::damerau_levenshtein(&first_word, "private") <= 1);
    looks.then_some(MarkerKind::LooksLike { opens: !closes })
}

/// The private markers that are real HTML comments (not inside code), in order.
pub(super) fn private_markers(body: &str) -> Vec<Marker> {
    let mut markers = Vec::new();
    if !body.contains("<!--") {
        return markers;
    }
    // The stretches of the body that are raw HTML: a whole HTML block (its comments may
    // span lines), or one piece of inline HTML.
    let mut scanned = 0;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        if !matches!(event, Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_)) || range.start < scanned {
            continue;
        }
        scanned = range.end;
        let source = &body[range.clone()];
        let mut search = 0;
        while let Some(found) = source[search..].find("<!--") {
            let start = search + found;
            let rest = &source[start + 4..];
            // The comment ends at the first `-->` (or `--!>`, as browsers end it); one
            // that never ends runs to the end of its HTML.
            let (inner_len, close_len) = if rest.starts_with('>') {
                (0, 1)
            } else if rest.starts_with("->") {
                (0, 2)
            } else {
                match (rest.find("-->"), rest.find("--!>")) {
                    (Some(a), Some(b)) if b < a => (b, 4),
                    (Some(a), _) => (a, 3),
                    (None, Some(b)) => (b, 4),
                    (None, None) => (rest.len(), 0),
                }
            };
            let end = start + 4 + inner_len + close_len;
            let inner = &rest[..inner_len];
            // A comment left open before a marker (`<!-- TODO` … `<!-- private -->`) ends
            // at the marker's `-->`, so browsers hide the marker with it: it still opens a
            // block (the comment with it), or the text meant to be private is published.
            let nested = inner
                .rfind("<!--")
                .filter(|_| marker_kind(inner).is_none())
                .and_then(|at| marker_kind(&inner[at + 4..]))
                .filter(|kind| *kind == MarkerKind::Open)
                .map(|_| MarkerKind::OpenInComment);
            if let Some(kind) = marker_kind(inner).or(nested) {
                markers.push(Marker {
                    start: range.start + start,
                    end: range.start + end,
                    kind,
                });
            }
            search = end;
        }
    }
    markers
}
