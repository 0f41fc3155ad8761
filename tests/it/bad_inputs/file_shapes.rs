//! The catalogue: shapes of files.

use super::{A, check_with_memory_limit, expect, note};

#[test]
fn c20_an_empty_note() {
    let f = note(A, "");
    expect(&f, 1, (1, 0), &["sessions/2026-01-08-a.md: error: the note is empty"]);
}

#[test]
fn c21_a_note_of_only_dashes() {
    let f = note(A, "---\n");
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/2026-01-08-a.md:1:1: error: the front matter starts with `---` but never ends"],
    );
}

#[test]
fn c22_front_matter_closed_with_four_dashes_never_closes() {
    let f = note(A, "---\ndate: 2026-01-08\ntitle: Closed wrongly\n----\nNotes\n");
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/2026-01-08-a.md:1:1: error: the front matter starts with `---` but never ends"],
    );
}

#[test]
fn c23_a_10_mb_note_builds() {
    let paragraph = "We talked about the roadmap, the team, and what to try next. ".repeat(16) + "\n\n";
    let mut body = String::with_capacity(10_500_000);
    while body.len() < 10 * 1024 * 1024 {
        body.push_str(&paragraph);
    }
    body.push_str("The very last line.\n");
    let f = note(A, &format!("---\ndate: 2026-01-08\ntitle: Long\n---\n{body}"));
    let built = f.build();
    let page = built.text("sessions/2026-01-08-a.html");
    assert!(page.len() > 10 * 1024 * 1024, "the whole note is on its page");
    assert!(page.contains("The very last line."));
}

#[test]
fn c24_a_50000_line_note_builds() {
    let mut body = String::new();
    for i in 1..=50_000 {
        body.push_str(&format!("- line {i}\n"));
    }
    let f = note(A, &format!("---\ndate: 2026-01-08\n---\n# Many lines\n\n{body}"));
    let built = f.build();
    let page = built.text("sessions/2026-01-08-a.html");
    assert!(
        page.contains("line 1<") && page.contains("line 50000<"),
        "first and last lines"
    );
}

#[test]
fn c25_deeply_nested_yaml_is_refused() {
    // 100,000 brackets: libyaml alone would scan them in time quadratic in their depth
    // (minutes); mentorlog refuses them at the 129th.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let f = note(A, &format!("---\ndate: 2026-01-08\nx: {deep}\n---\n"));
    let run = expect(&f, 1, (1, 0), &[]);
    assert!(
        run.stderr.starts_with(
            "sessions/2026-01-08-a.md:3:132: error: front matter is not valid YAML: values are nested more than 128 levels deep"
        ),
        "{run}"
    );
    let block: String = (0..300).map(|i| format!("{}k{i}:\n", "  ".repeat(i))).collect();
    let f = note(A, &format!("---\ndate: 2026-01-08\nx:\n{block}---\n"));
    let run = expect(&f, 1, (1, 0), &[]);
    assert!(
        run.stderr.contains("values are nested more than 128 levels deep"),
        "{run}"
    );
}

#[test]
fn c26_billion_laughs_is_refused_within_bounded_memory() {
    // The classic: nine levels of nine aliases, a billion "lol"s if expanded.
    let mut laughs = String::from("---\ndate: 2026-01-08\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let refs = vec![format!("*{}", pair[0]); 9].join(", ");
        laughs.push_str(&format!("{}: &{} [{refs}]\n", pair[1], pair[1]));
    }
    laughs.push_str("---\n");
    let f = note(A, &laughs);
    let run = expect(
        &f,
        1,
        (1, 0),
        &[
            "sessions/2026-01-08-a.md:4:8: error: front matter is not valid YAML: anchors and aliases expand to far more than the text itself",
        ],
    );
    assert!(run.stderr.contains("write the values out instead"), "{run}");
    // Few aliases of one big list: serde_yaml's own limit (100 alias uses per event) let
    // this one through to gigabytes before mentorlog bounded the expansion.
    let items = vec!["x"; 50_000].join(",");
    let uses = vec!["*big"; 100].join(",");
    let f = note(
        A,
        &format!("---\ndate: 2026-01-08\nbig: &big [{items}]\nmore: [{uses}]\n---\n"),
    );
    let run = check_with_memory_limit(f.path(), 1024);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr.contains(
            "sessions/2026-01-08-a.md:4:8: error: front matter is not valid YAML: anchors and aliases expand"
        ),
        "{run}"
    );
}
