//! The catalogue: shapes of files.

use snapbox::str;

use crate::harness::{Test, read_tree};

use super::{A, check_with_memory_limit};

/// A note that is empty, only `---`, or closed with `----` is one error: of the whole file,
/// or at the front matter's start.
#[test]
fn c20_c22_a_note_without_a_whole_front_matter() {
    let cases = [
        (
            "file-shapes/an-empty-note",
            str![[r#"
sessions/2026-01-08-a.md: error: the note is empty
help: add front matter with a `date:` and some notes, or delete the file
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "file-shapes/a-note-of-only-dashes",
            str![[r#"
sessions/2026-01-08-a.md:1:1: error: the front matter starts with `---` but never ends
  |
1 | ---
  | ^
help: add a line with `---` after the last front-matter line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "file-shapes/front-matter-closed-with-four-dashes",
            str![[r#"
sessions/2026-01-08-a.md:1:1: error: the front matter starts with `---` but never ends
  |
1 | ---
  | ^
help: add a line with `---` after the last front-matter line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ];
    for (case, stderr) in cases {
        Test::case(case).status(1).stderr(stderr).run();
    }
}

/// The page of the note `sessions/2026-01-08-a.md` in the site built in `dir`.
fn page_of_a(dir: &std::path::Path) -> String {
    let site = read_tree(&dir.join("public"));
    String::from_utf8(site["sessions/2026-01-08-a.html"].clone()).expect("a UTF-8 page")
}

#[test]
fn c23_a_10_mb_note_builds() {
    let paragraph = "We talked about the roadmap, the team, and what to try next. ".repeat(16) + "\n\n";
    let mut body = String::with_capacity(10_500_000);
    while body.len() < 10 * 1024 * 1024 {
        body.push_str(&paragraph);
    }
    body.push_str("The very last line.\n");
    let done = Test::new()
        .file(A, format!("---\ndate: 2026-01-08\ntitle: Long\n---\n{body}"))
        .args(["build"])
        .stderr(str![[r#"
journal.yaml: warning: feed.xml links are relative and there is no sitemap, because the site's address is unknown
help: feed readers need absolute links: set `base_url:` in journal.yaml, or pass --base-url

"#]])
        .run();
    let page = page_of_a(done.path());
    assert!(page.len() > 10 * 1024 * 1024, "the whole note is on its page");
    assert!(page.contains("The very last line."));
}

#[test]
fn c24_a_50000_line_note_builds() {
    let mut body = String::new();
    for i in 1..=50_000 {
        body.push_str(&format!("- line {i}\n"));
    }
    let done = Test::new()
        .file(A, format!("---\ndate: 2026-01-08\n---\n# Many lines\n\n{body}"))
        .args(["build"])
        .stderr(str![[r#"
journal.yaml: warning: feed.xml links are relative and there is no sitemap, because the site's address is unknown
help: feed readers need absolute links: set `base_url:` in journal.yaml, or pass --base-url

"#]])
        .run();
    let page = page_of_a(done.path());
    assert!(
        page.contains("line 1<") && page.contains("line 50000<"),
        "first and last lines"
    );
}

#[test]
fn c25_deeply_nested_yaml_is_refused() {
    // 100,000 brackets: libyaml alone would scan them in time quadratic in their depth
    // (minutes); mentorlog refuses them at the 129th. The quoted line is left unspecified,
    // `[..]`: today all 200,000 characters of it are shown, where a note's body cuts a
    // quoted line after 500 bytes (reported apart, not written down here).
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    Test::new()
        .file(A, format!("---\ndate: 2026-01-08\nx: {deep}\n---\n"))
        .status(1)
        .stderr(str![[r#"
sessions/2026-01-08-a.md:3:132: error: front matter is not valid YAML: values are nested more than 128 levels deep
  |
3 | x: [..]
  |                                                                                                                                    ^
help: front matter needs a few levels at most: flatten the lists and mappings
1 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
    let block: String = (0..300).map(|i| format!("{}k{i}:\n", "  ".repeat(i))).collect();
    Test::new()
        .file(A, format!("---\ndate: 2026-01-08\nx:\n{block}---\n"))
        .status(1)
        .stderr(str![[r#"
sessions/2026-01-08-a.md:132:257: error: front matter is not valid YAML: values are nested more than 128 levels deep
    |
132 |                                                                                                                                                                                                                                                                 k128:
    |                                                                                                                                                                                                                                                                 ^
help: front matter needs a few levels at most: flatten the lists and mappings
1 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
}

#[test]
fn c26_billion_laughs_is_refused_within_bounded_memory() {
    // The classic: nine levels of nine aliases, a billion "lol"s if expanded.
    Test::case("file-shapes/billion-laughs").status(1).stderr(str![[r#"
sessions/2026-01-08-a.md:4:8: error: front matter is not valid YAML: anchors and aliases expand to far more than the text itself
  |
4 | b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
  |        ^
help: aliases (`*name`) repeat the value of an anchor (`&name`): write the values out instead
1 error(s), 0 warning(s), 0 note(s)

"#]]).run();
    // Few aliases of one big list: serde_yaml's own limit (100 alias uses per event) let
    // this one through to gigabytes before mentorlog bounded the expansion.
    let items = vec!["x"; 50_000].join(",");
    let uses = vec!["*big"; 100].join(",");
    let test = Test::new().file(
        A,
        format!("---\ndate: 2026-01-08\nbig: &big [{items}]\nmore: [{uses}]\n---\n"),
    );
    let run = check_with_memory_limit(test.path(), 1024);
    assert_eq!(run.code, 1, "{run}");
    snapbox::assert_data_eq!(
        run.stderr,
        str![[r#"
sessions/2026-01-08-a.md:4:8: error: front matter is not valid YAML: anchors and aliases expand to far more than the text itself
  |
4 | more: [*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*big,*bi
  |        ^
help: aliases (`*name`) repeat the value of an anchor (`&name`): write the values out instead
1 error(s), 0 warning(s), 0 note(s)

"#]]
    );
}
