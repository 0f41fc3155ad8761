//! The catalogue: names too long for a page.

use snapbox::str;

use crate::harness::{Test, list_dir};

#[test]
fn c41_names_too_long_for_a_page_file() {
    Test::case("long-names/a-topic-and-a-goal-id").status(1).stderr(str![[r#"
sessions/2026-01-08-a.md:3:9: error: the topic `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…` is too long to name its page (240 characters)
  |
3 | topics: [aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa]
  |         ^
help: a topic or id is a short name: keep it under 100 characters
sessions/2026-01-08-a.md:5:9: error: the goal id `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…` is too long to name its page (240 characters)
  |
5 |   - id: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
  |         ^
help: a topic or id is a short name: keep it under 100 characters
2 error(s), 0 warning(s), 0 note(s)

"#]]).run();
    // A note's own file name near the file system's limit: its page name is shortened.
    // (Made by the test: a 247-character name is more than some checkouts can hold.)
    let name = format!("sessions/2026-01-08-{}.md", "b".repeat(230));
    let done = Test::new()
        .file(&name, "---\ntitle: Long file name\n---\nA.\n")
        .args(["build"])
        .stderr(str![[r#"
journal.yaml: warning: feed.xml links are relative and there is no sitemap, because the site's address is unknown
help: feed readers need absolute links: set `base_url:` in journal.yaml, or pass --base-url

"#]])
        .run();
    assert_eq!(
        list_dir(&done.path().join("public/sessions")),
        vec![format!("2026-01-08-{}.html", "b".repeat(189))]
    );
}
