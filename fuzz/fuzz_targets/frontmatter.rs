//! Front matter: any text through the `---` splitter and the YAML reader. For any input:
//! no panic, no hang, memory bounded (aliases cannot expand it), and a note that does not
//! read says why with an error whose line and column are inside the file.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use mentorlog::diag::{Diagnostics, Severity};
use mentorlog::load::frontmatter::{read, split};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(parts) = split(text) else {
        return;
    };
    let mut diags = Diagnostics::new();
    let front = read(Path::new("sessions/note.md"), text, &parts, &mut diags);
    assert!(
        front.is_some() || diags.count(Severity::Error) > 0,
        "front matter refused without an error"
    );
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
