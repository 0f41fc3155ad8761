//! Front matter: any bytes through what the loader does to a note before Markdown —
//! decoding (lone CRs become line ends), front-matter detection and the `---` split
//! (`split_note`), and the YAML reader. For any input: no panic, no hang, memory bounded
//! (aliases cannot expand it), a note that does not read says why with an error whose line
//! and column are inside the file, and — the privacy invariant of PRODUCT v3 change 2 — a
//! note accepted without error never has a body (the text that would be published) whose
//! first line that is neither blank nor an HTML comment is `---` or `+++` once invisible
//! characters and surrounding white space are gone: front matter in the wrong place is
//! never published as text.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use mentorlog::diag::{Diagnostics, Severity};
use mentorlog::load::damage::{decode, is_invisible};
use mentorlog::load::frontmatter::{read, split_note};

/// The first line of `body` that is neither blank nor HTML comments, found independently
/// of the loader: lines end at LF, CRLF or a lone CR; comments (`<!--` … `-->`, and the
/// whole `<!-->` and `<!--->`) may span lines, and an unclosed one runs to the end.
fn first_content_line(body: &str) -> Option<String> {
    let mut in_comment = false;
    for line in body.split("\r\n").flat_map(|l| l.split(['\r', '\n'])) {
        let mut rest = line;
        loop {
            if in_comment {
                match rest.find("-->") {
                    Some(end) => {
                        rest = &rest[end + 3..];
                        in_comment = false;
                    }
                    None => {
                        rest = "";
                        break;
                    }
                }
            }
            let trimmed = rest.trim_start_matches(is_invisible);
            if let Some(after) = trimmed.strip_prefix("<!--") {
                if let Some(tail) = after.strip_prefix('>') {
                    rest = tail;
                } else if let Some(tail) = after.strip_prefix("->") {
                    rest = tail;
                } else {
                    rest = after;
                    in_comment = true;
                }
                continue;
            }
            rest = trimmed;
            break;
        }
        if !rest.chars().all(is_invisible) {
            return Some(rest.to_string());
        }
    }
    None
}

/// `---` or `+++` apart from invisible characters (anywhere) and white space (around).
fn fence_like(line: &str) -> bool {
    let visible: String = line
        .chars()
        .filter(|&c| c.is_whitespace() || !is_invisible(c))
        .collect();
    matches!(visible.trim(), "---" | "+++")
}

fuzz_target!(|data: &[u8]| {
    let path = Path::new("sessions/note.md");
    let mut diags = Diagnostics::new();
    let Some(text) = decode(path, data.to_vec(), "the note", &mut diags) else {
        assert!(diags.count(Severity::Error) > 0, "refused without an error");
        return;
    };
    let parts = split_note(path, &text, &mut diags);
    let front = parts.as_ref().and_then(|p| read(path, &text, p, &mut diags));
    let errors = diags.count(Severity::Error);
    assert!(front.is_some() || errors > 0, "note refused without an error");
    if let (Some(parts), true) = (parts, errors == 0) {
        if let Some(line) = first_content_line(parts.body) {
            assert!(
                !fence_like(&line),
                "published a body whose first line is a fence: {line:?}\nbody: {:?}",
                parts.body
            );
        }
    }
    let lines = text.lines().count().max(1);
    for d in diags.sorted() {
        if let Some(at) = &d.at {
            assert!(
                at.line >= 1 && at.line <= lines + 1,
                "line {} of {lines}: {}",
                at.line,
                d.message
            );
            assert!(at.col >= 1, "column 0: {}", d.message);
        }
        let _ = d.render(Path::new("/"));
    }
});
