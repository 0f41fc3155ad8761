//! The whole load → model path on a generated journal: the input is cut at lines reading
//! `%%` into `journal.yaml` and up to five notes (fixed names, one in a sub-folder, one
//! without a date), written into a temporary folder and loaded with
//! `mentorlog::project::load_journal`. For any input: no panic, no hang, memory bounded, and either
//! a journal or at least one error.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mentorlog::clock::BuildDate;
use mentorlog::diag::Diagnostics;
use mentorlog::error::Error;
use mentorlog::project::{Build, BuildOptions, load_journal};

const NOTES: &[&str] = &[
    "sessions/2026-01-08-intro.md",
    "sessions/2026-01-22-second.md",
    "sessions/sub/2026-02-05-deep.md",
    "sessions/notes.md",
    "sessions/2026-12-24-planned.md",
];

fn dir() -> &'static Path {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().to_path_buf();
        (dir, path)
    })
    .1
}

fuzz_target!(|data: &[u8]| {
    let root = dir();
    let _ = std::fs::remove_dir_all(root.join("sessions"));
    let _ = std::fs::create_dir_all(root.join("sessions/sub"));
    let mut parts = data.split(|&b| b == b'\n').fold(vec![Vec::new()], |mut parts, line| {
        if line == b"%%" {
            parts.push(Vec::new());
        } else if let Some(last) = parts.last_mut() {
            last.extend_from_slice(line);
            last.push(b'\n');
        }
        parts
    });
    let config = parts.remove(0);
    std::fs::write(root.join("journal.yaml"), config).expect("write journal.yaml");
    for (name, bytes) in NOTES.iter().zip(parts) {
        std::fs::write(root.join(name), bytes).expect("write a note");
    }
    let date = BuildDate(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date"));
    for drafts in [false, true] {
        let mut diags = Diagnostics::new();
        let options = BuildOptions {
            drafts,
            include_private: drafts,
            base_url: None,
        };
        match load_journal(root, &Build::new(options, date), &mut diags) {
            Ok(_) => assert!(!diags.has_errors(), "a journal despite errors"),
            Err(Error::InvalidInput(n)) => assert!(n > 0 && diags.has_errors(), "refused without an error"),
            Err(e) => panic!("load failed without a diagnostic: {e}"),
        }
        for d in diags.sorted() {
            let _ = d.render(root);
        }
    }
});
