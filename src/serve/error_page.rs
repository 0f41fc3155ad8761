//! The page every HTML request gets while the journal has errors: the same diagnostics
//! `mentorlog check` prints (file, line, column, the line with a caret, the hint), as
//! plain text in a `<pre>`, on a self-contained page that needs no other file. The live
//! reload script is added by the caller, so the site comes back as soon as the note is
//! fixed. Diagnostics about what the site leaves out are counted, not shown (`redact`).
//! Must not read files.

use std::fmt::Write as _;
use std::path::Path;

use crate::diag::{Diagnostics, Severity};
use crate::error::Error;
use crate::serve::redact::Redaction;

/// The error page for a failed build: `error` is what the build returned, `diags` what it
/// reported, paths shown relative to `cwd` as on the terminal.
/// What `redaction` says the page may not show is counted, not shown.
pub(crate) fn render(error: &Error, diags: &Diagnostics, cwd: &Path, redaction: &mut Redaction) -> String {
    let errors = diags.count(Severity::Error);
    let warnings = diags.count(Severity::Warning);
    let mut text = String::new();
    let mut hidden = 0;
    for d in diags.sorted() {
        if d.severity != Severity::Note {
            let rendered = d.render(cwd);
            if redaction.shows(d, &rendered) {
                text.push_str(&rendered);
            } else {
                hidden += 1;
            }
        }
    }
    if !matches!(error, Error::InvalidInput(_)) {
        let line = format!("error: {error}");
        if redaction.names_nothing_hidden(&line) {
            let _ = writeln!(text, "{line}");
        } else {
            hidden += 1;
        }
    }
    if hidden > 0 {
        let _ = writeln!(
            text,
            "{hidden} problem(s) in a private note (or a draft, or a note whose privacy cannot be read): \
this page does not show notes the site leaves out; the terminal where `mentorlog serve` runs shows them"
        );
    }
    let _ = write!(text, "{errors} error(s), {warnings} warning(s)");
    let heading = match errors {
        0 => "The site could not be built".to_string(),
        1 => "The journal has an error".to_string(),
        n => format!("The journal has {n} errors"),
    };
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"robots\" content=\"noindex\">\n\
<title>{heading} · mentorlog serve</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
<h1>{heading}</h1>\n\
<p>Fix it and save: this page reloads by itself, and the site comes back. \
This is what <code>mentorlog check</code> says:</p>\n\
<pre class=\"diagnostics\">{}</pre>\n</main>\n</body>\n</html>\n",
        escape(&text)
    )
}

const STYLE: &str = "body{font:1rem/1.5 system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem}\
h1{font-size:1.5rem}pre{overflow-x:auto;padding:1rem;border:2px solid #b3261e;border-radius:.5rem;\
font:.875rem/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}";

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Diagnostic, Origin};

    #[test]
    fn shows_the_check_diagnostics_escaped() {
        let path = Path::new("/j/sessions/a.md");
        let origin = Origin::in_text(path, "---\ngoals:\n  - id: <grup>\n", 3, 9);
        let mut diags = Diagnostics::new();
        diags.push(Diagnostic::at(Severity::Error, &origin, "unknown goal `<grup>`").help("did you mean `group`?"));
        diags.push(Diagnostic::file(Severity::Note, path, "a long gap"));
        let page = render(
            &Error::InvalidInput(1),
            &diags,
            Path::new("/j"),
            &mut Redaction::nothing(),
        );
        assert!(page.contains("<h1>The journal has an error</h1>"), "{page}");
        assert!(
            page.contains("sessions/a.md:3:9: error: unknown goal `&lt;grup&gt;`\n  |\n3 |   - id: &lt;grup&gt;\n"),
            "{page}"
        );
        assert!(page.contains("help: did you mean `group`?"), "{page}");
        assert!(page.contains("1 error(s), 0 warning(s)"), "{page}");
        assert!(!page.contains("a long gap"), "notes are not errors: {page}");
    }

    #[test]
    fn names_errors_that_are_not_diagnostics() {
        let error = Error::Template {
            name: "session.html".into(),
            message: "unexpected `}`".into(),
        };
        let page = render(&error, &Diagnostics::new(), Path::new("/"), &mut Redaction::nothing());
        assert!(page.contains("The site could not be built"), "{page}");
        assert!(
            page.contains("error: template `session.html` does not compile"),
            "{page}"
        );
    }
}
