//! Markdown → sanitised HTML: any note body, rendered the way a public build renders it
//! (raw HTML sanitised). For any input: no panic, no hang, and no script or `javascript:`
//! link in the HTML.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mentorlog::diag::Diagnostics;
use mentorlog::load::markdown::{LinkTargets, NoteContext, render};

fn targets() -> &'static LinkTargets {
    static TARGETS: OnceLock<LinkTargets> = OnceLock::new();
    TARGETS.get_or_init(|| {
        let mut t = LinkTargets::default();
        t.add_note("sessions/2026-01-08-intro.md", "2026-01-08-intro", 0);
        t.add_note("sessions/sub/2026-02-05-deep.md", "sub/2026-02-05-deep", 1);
        t.statics.insert("static/chart.png".into(), 0);
        t
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    let cx = NoteContext {
        path: Path::new("sessions/sub/note.md"),
        file_text: body,
        body_line: 0,
        dir: "sessions/sub",
        targets: targets(),
        raw_html: false,
    };
    let mut diags = Diagnostics::new();
    let note = render(body, &cx, &mut diags);
    for segment in &note.segments {
        assert_no_script(&segment.body.html_without_fills());
    }
    for d in diags.sorted() {
        let _ = d.render(Path::new("/"));
    }
});

/// Panics when a tag of `html` is a `<script>`, has an event handler attribute, or an `href`/`src` with the
/// `javascript:` scheme. Looks at tags only: text may say anything (it is escaped).
fn assert_no_script(html: &str) {
    let lower = html.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut i = 0;
    while let Some(found) = lower[i..].find('<') {
        let start = i + found;
        if lower[start..].starts_with("<!--") {
            i = lower[start..].find("-->").map_or(bytes.len(), |end| start + end + 3);
            continue;
        }
        // The tag runs to the first `>` outside quotes.
        let mut end = start + 1;
        let mut quote = None;
        while end < bytes.len() {
            match (quote, bytes[end]) {
                (None, b'"' | b'\'') => quote = Some(bytes[end]),
                (Some(q), c) if c == q => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            end += 1;
        }
        let tag = &lower[start..end.min(bytes.len())];
        assert!(!tag.starts_with("<script"), "a script survived: {html}");
        // An event handler attribute (`onerror=`) after white space inside a tag that is
        // not a comment: quoted values are skipped by looking only outside quotes.
        let mut quoted = None;
        let mut prev = b' ';
        for (k, &c) in tag.as_bytes().iter().enumerate() {
            match (quoted, c) {
                (None, b'"' | b'\'') => quoted = Some(c),
                (Some(q), c) if c == q => quoted = None,
                (None, b'o') if prev.is_ascii_whitespace() || prev == b'/' => {
                    let rest = &tag[k..];
                    let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
                    let after = rest[name.len()..].trim_start();
                    assert!(
                        !(name.starts_with("on") && name.len() > 2 && after.starts_with('=')),
                        "an event handler survived: {html}"
                    );
                }
                _ => {}
            }
            prev = c;
        }
        for name in [" href=", " src="] {
            for (at, _) in tag.match_indices(name) {
                let value = tag[at + name.len()..].trim_start_matches(['"', '\'', ' ']);
                assert!(!value.starts_with("javascript:"), "a javascript: link survived: {html}");
            }
        }
        i = end + 1;
        if i >= bytes.len() {
            break;
        }
    }
}
