//! A journal's `static/` files: copied byte for byte by streaming (never held in memory),
//! answered by `serve` from disk when asked for, and, once checked, never swapped for a
//! link out of the journal between load and copy.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;

use mentorlog::diag::Diagnostics;
use mentorlog::load::LoadOptions;
use mentorlog::model::{FoldOptions, Visibility};
use mentorlog::render::{RenderOptions, Theme};
use mentorlog::write::{Source, Staging, check_output};

use crate::harness::{Fixture, INTRO_NOTE, build_cli, build_date, read_tree};
use crate::serve::serve;

/// `len` bytes that no short pattern repeats in (a copy that drops or repeats a buffer's
/// worth of bytes cannot match by chance).
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed;
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 56) as u8
        })
        .collect()
}

/// Larger than any buffer a copy uses (8 KiB, 64 KiB, a 2 MiB splice pipe).
const BIG: usize = 5 * 1024 * 1024 + 12_345;

fn journal_with_statics() -> (Fixture, Vec<(&'static str, Vec<u8>)>) {
    let statics = vec![
        ("static/empty.txt", Vec::new()),
        ("static/notes.txt", b"plain text\n".to_vec()),
        ("static/all-bytes.bin", (0..=255u8).cycle().take(70_000).collect()),
        ("static/deep/er/video.mp4", noise(BIG, 7)),
    ];
    let fixture = Fixture::new(&[("sessions/2026-10-01-intro.md", INTRO_NOTE)]);
    for (rel, bytes) in &statics {
        fixture.write(rel, bytes);
    }
    (fixture, statics)
}

#[test]
fn a_build_publishes_static_files_byte_identical_large_ones_too() {
    let (fixture, statics) = journal_with_statics();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let run = build_cli(fixture.path(), fixture.path(), site.to_str().unwrap(), &["-q"]);
    assert_eq!(run.code, 0, "{run}");
    let tree = read_tree(&site);
    for (rel, bytes) in &statics {
        let copied = tree.get(*rel).unwrap_or_else(|| panic!("{rel} is published"));
        assert_eq!(copied.len(), bytes.len(), "{rel}");
        assert!(copied == bytes, "{rel} is not byte-identical");
    }
}

/// GET `target` and the reply's head and body bytes.
fn get_bytes(port: u16, target: &str) -> (String, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to serve");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the reply");
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a reply head");
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    (head, raw[end + 4..].to_vec())
}

#[test]
fn serve_answers_static_files_from_disk_byte_identical() {
    let (fixture, statics) = journal_with_statics();
    let served = serve(fixture.path(), &[]);
    for (rel, bytes) in &statics {
        let (head, body) = get_bytes(served.port, &format!("/{rel}"));
        assert!(head.starts_with("HTTP/1.1 200"), "{rel}: {head}");
        assert!(
            head.to_ascii_lowercase()
                .contains(&format!("content-length: {}", bytes.len())),
            "{rel}: {head}"
        );
        assert!(body == *bytes, "{rel} is not byte-identical ({} bytes)", body.len());
    }
    // Edited in place: the new bytes are what is answered (read from disk on each request;
    // the rebuild the save starts changes nothing else).
    fixture.write("static/notes.txt", "edited\n");
    served.wait_for("/static/notes.txt", "the edited file", |r| r.body == "edited\n");
}

#[test]
#[cfg(unix)]
fn a_static_file_swapped_for_a_link_out_of_the_journal_after_load_is_not_published() {
    let (fixture, _) = journal_with_statics();
    let journal = fixture.path();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, "SECRET of someone else").unwrap();
    // Load and fold, as a build does.
    let mut diags = Diagnostics::new();
    let source = mentorlog::load::journal(journal, &LoadOptions::default(), &mut diags);
    let source = source.unwrap().expect("the journal loads");
    let folded = mentorlog::model::fold(
        source,
        FoldOptions {
            drafts: false,
            default_cadence: None,
        },
        Visibility::Public,
        build_date().0,
        &mut diags,
    );
    assert!(!diags.has_errors(), "{:?}", diags.sorted());
    // Between load and copy, a collaborator swaps a checked file for a link out.
    let notes = journal.join("static/notes.txt");
    std::fs::remove_file(&notes).unwrap();
    std::os::unix::fs::symlink(&secret, &notes).unwrap();
    // The copy refuses it and the build fails; nothing is published.
    let out_parent = tempfile::tempdir().unwrap();
    let out = out_parent.path().join("site");
    let checked = check_output(Path::new("/"), Source::Journal(journal), &out).unwrap();
    let staging = Staging::new(&checked).unwrap();
    let theme = Theme::load(None).unwrap();
    let rendered = mentorlog::render::site(&folded, &theme, &RenderOptions::default(), &staging);
    let error = rendered.expect_err("the swapped file is refused").to_string();
    assert!(
        error.contains("static/notes.txt") && error.contains("symbolic link"),
        "{error}"
    );
    staging.abandon();
    assert!(!out.exists());
    assert!(
        crate::harness::list_dir(out_parent.path()).is_empty(),
        "nothing is left behind"
    );
}
