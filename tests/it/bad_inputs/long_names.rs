//! The catalogue: names too long for a page.

use super::{A, build_cli_in, expect, note};

#[test]
fn c41_names_too_long_for_a_page_file() {
    let long = "a".repeat(240);
    let f = note(
        A,
        &format!("---\ndate: 2026-01-08\ntopics: [{long}]\ngoals:\n  - id: {long}\n    title: Long\n---\n"),
    );
    let run = expect(
        &f,
        1,
        (2, 0),
        &[
            "sessions/2026-01-08-a.md:3:9: error: the topic `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…` is too long to name its page (240 characters)",
            "sessions/2026-01-08-a.md:5:9: error: the goal id `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…` is too long to name its page (240 characters)",
        ],
    );
    assert!(run.stderr.contains("keep it under 100 characters"), "{run}");
    // A note's own file name near the file system's limit: its page name is shortened.
    let name = format!("sessions/2026-01-08-{}.md", "b".repeat(230));
    let f = note(&name, "---\ntitle: Long file name\n---\nA.\n");
    let run = build_cli_in(&f);
    assert_eq!(run.code, 0, "{run}");
    let pages: Vec<String> = std::fs::read_dir(f.path().join("public/sessions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(pages, vec![format!("2026-01-08-{}.html", "b".repeat(189))]);
}
