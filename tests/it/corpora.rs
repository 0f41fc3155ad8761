//! Notes written for other tools: the real notes in `../shared/corpora` (GSoC meeting
//! notes, Jekyll posts, a mentoring program's posts), kept byte for byte, each set put under
//! `sessions/` of a journal, must build with every note on its own page under its own title.
//! They are read from the shared folder, never copied into this repository.

use std::path::{Path, PathBuf};

use crate::harness::{Fixture, build, one, text};
use mentorlog::BuildOptions;

fn corpora() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
    dir.is_dir().then_some(dir)
}

fn copy_tree(from: &Path, to: &Path, notes: &mut Vec<(String, String)>, rel: &str) {
    let mut entries: Vec<_> = std::fs::read_dir(from).unwrap().map(|e| e.unwrap()).collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(to.join(&name)).unwrap();
            copy_tree(&entry.path(), &to.join(&name), notes, &rel);
        } else if name.ends_with(".md") {
            std::fs::copy(entry.path(), to.join(&name)).unwrap();
            notes.push((rel, std::fs::read_to_string(entry.path()).unwrap()));
        }
    }
}

/// The `title:` a note's front matter gives, unquoted, if any.
fn front_title(note: &str) -> Option<String> {
    let note = note.trim_start_matches('\u{feff}');
    let mut lines = note.lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    for line in lines {
        if line.trim_end() == "---" {
            return None;
        }
        if let Some(value) = line.strip_prefix("title:") {
            let value = value.trim();
            let unquoted = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(value);
            return Some(unquoted.replace("\\\"", "\"").replace("''", "'"));
        }
    }
    None
}

fn check_set(set: &str) {
    let Some(corpora) = corpora() else {
        eprintln!("skipped: ../shared/corpora is not here");
        return;
    };
    let fixture = Fixture::new(&[]);
    let sessions = fixture.path().join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let mut notes = Vec::new();
    copy_tree(&corpora.join(set).join("posts"), &sessions, &mut notes, "");
    assert!(notes.len() > 20, "the {set} set has its notes");
    let built = build(fixture.path(), &BuildOptions::default());
    let pages: Vec<&String> = built.files.keys().filter(|p| p.starts_with("sessions/")).collect();
    assert_eq!(pages.len(), notes.len(), "one page per note of {set}");
    for (rel, source) in &notes {
        let parts: Vec<String> = rel
            .trim_end_matches(".md")
            .split('/')
            .map(mentorlog::slug::slugify)
            .collect();
        let page_path = format!("sessions/{}.html", parts.join("/"));
        assert!(built.has(&page_path), "{rel} has its page at {page_path}");
        let page = built.page(&page_path);
        let h1 = text(one(page.root_element(), "main h1"));
        assert!(!h1.is_empty(), "{rel} has a title");
        if let Some(title) = front_title(source) {
            assert_eq!(h1, title.split_whitespace().collect::<Vec<_>>().join(" "), "{rel}");
        }
    }
}

#[test]
fn fossology_gsoc_meeting_notes_build_with_dates_from_file_names() {
    check_set("fossology-gsoc-weekly");
}

#[test]
fn qemu_jekyll_posts_build_with_offset_and_malformed_date_times() {
    check_set("qemu-blog");
}

#[test]
fn carpentries_posts_build_with_both_front_matter_styles() {
    check_set("carpentries-mentoring");
}
