//! The catalogue: Trust I: front matter and privacy keys.
//!
//! Each spelling of a class is one row of its table, with the whole stderr `check` prints
//! for it; `refused` and `hidden` also build the note and look for its canary.

use mentorlog::BuildOptions;
use snapbox::{IntoData, str};

use crate::harness::{Test, build, try_build};

use super::{A, T14_CANARY, T14_FM, t14_nothing_published};

/// The note `text` at `A` (`{C}` for the canary) is refused: `check` exits 1 printing
/// exactly `stderr`, a build fails, and no file of a site holds the canary.
pub(super) fn refused(text: &str, stderr: impl IntoData) {
    let done = Test::new()
        .file(A, text.replace("{C}", T14_CANARY))
        .status(1)
        .stderr(stderr)
        .run();
    let (result, _) = try_build(done.path(), &BuildOptions::default());
    assert!(result.is_err(), "{text:?} was built");
    t14_nothing_published(done.path());
}

/// The note `text` at `A` (`{C}` for the canary) loads (`check` exits 0 printing exactly
/// `stderr`) and publishes nothing of it but its date: it is a draft or private.
pub(super) fn hidden(text: &str, stderr: impl IntoData) {
    let done = Test::new()
        .file(A, text.replace("{C}", T14_CANARY))
        .stderr(stderr)
        .run();
    let built = build(done.path(), &BuildOptions::default());
    assert!(!built.has("sessions/2026-01-08-a.html"), "{text:?} has a page");
    t14_nothing_published(done.path());
}

/// The note `text` at `A` loads (`check` exits 0 printing exactly `stderr`) and has a page.
pub(super) fn published(text: &str, stderr: impl IntoData) {
    let done = Test::new().file(A, text).stderr(stderr).run();
    let built = build(done.path(), &BuildOptions::default());
    assert!(built.has("sessions/2026-01-08-a.html"), "{text:?} has no page");
}

#[test]
fn t14_front_blank_lines_or_spaces_before_the_fence() {
    for (before, stderr) in [
        ("\n", str![[r#"
sessions/2026-01-08-a.md:2:1: error: front matter must start on the file's very first line with exactly `---`, but blank lines come before it
  |
2 | ---
  | ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"#]]),
        ("\n\n  \t\n", str![[r#"
sessions/2026-01-08-a.md:4:1: error: front matter must start on the file's very first line with exactly `---`, but blank lines come before it
  |
4 | ---
  | ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"#]]),
        (" ", str![[r#"
sessions/2026-01-08-a.md:1:2: error: front matter must start on the file's very first line with exactly `---`, but white space comes before it
  |
1 |  ---
  |  ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"#]]),
        ("\t", str![[r#"
sessions/2026-01-08-a.md:1:2: error: front matter must start on the file's very first line with exactly `---`, but white space comes before it
  |
1 | 	---
  | 	^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"#]]),
        ("\u{a0}\u{3000}", str!["
sessions/2026-01-08-a.md:1:3: error: front matter must start on the file's very first line with exactly `---`, but white space comes before it
  |
1 | \u{a0}\u{3000}---
  |   ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"]),
        ("\r\n", str![[r#"
sessions/2026-01-08-a.md:2:1: error: front matter must start on the file's very first line with exactly `---`, but blank lines come before it
  |
2 | ---
  | ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"#]]),
    ] {
        refused(&format!("{before}{T14_FM}"), stderr);
    }
}

#[test]
fn t14_front_invisible_characters_before_the_fence() {
    for (before, stderr) in [
        ("\u{200b}", str!["
sessions/2026-01-08-a.md:1:2: error: front matter must start on the file's very first line with exactly `---`, but an invisible character comes before it
  |
1 | \u{200b}---
  |  ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"]),
        ("\u{2060}", str!["
sessions/2026-01-08-a.md:1:2: error: front matter must start on the file's very first line with exactly `---`, but an invisible character comes before it
  |
1 | \u{2060}---
  |  ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"]),
        ("\u{ad}", str!["
sessions/2026-01-08-a.md:1:2: error: front matter must start on the file's very first line with exactly `---`, but an invisible character comes before it
  |
1 | \u{ad}---
  |  ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"]),
        ("\u{200f}\u{202e}", str![[r#"
sessions/2026-01-08-a.md:1:3: error: front matter must start on the file's very first line with exactly `---`, but an invisible character comes before it
  |
1 | \u{200f}\u{202e}---
  |                 ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"#]]),
        ("\u{180e}", str!["
sessions/2026-01-08-a.md:1:2: error: front matter must start on the file's very first line with exactly `---`, but an invisible character comes before it
  |
1 | \u{180e}---
  |  ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"]),
        ("\u{feff}\u{feff}", str!["
sessions/2026-01-08-a.md:1:3: error: front matter must start on the file's very first line with exactly `---`, but a second byte-order mark comes before it
  |
1 | \u{feff}\u{feff}---
  |   ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"]),
        ("\u{feff}\u{200d}\n", str![[r#"
sessions/2026-01-08-a.md:2:1: error: front matter must start on the file's very first line with exactly `---`, but blank lines come before it
  |
2 | ---
  | ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"#]]),
    ] {
        refused(&format!("{before}{T14_FM}"), stderr);
    }
    // Invisible characters inside or after the fence: still the fence, still not exact.
    for (fence, stderr) in [("-\u{200b}--", str!["
sessions/2026-01-08-a.md:1:1: error: front matter must start on the file's very first line with exactly `---`, but its line holds invisible characters
  |
1 | -\u{200b}--
  | ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"]), ("---\u{200b}", str!["
sessions/2026-01-08-a.md:1:1: error: front matter must start on the file's very first line with exactly `---`, but its line holds invisible characters
  |
1 | ---\u{200b}
  | ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"])] {
        refused(&T14_FM.replacen("---", fence, 1), stderr);
    }
}

#[test]
fn t14_front_html_comment_before_the_fence() {
    for (before, stderr) in [
        (
            "<!-- exported from Obsidian -->\n",
            str![[r#"
sessions/2026-01-08-a.md:2:1: error: front matter must start on the file's very first line with exactly `---`, but an HTML comment comes before it
  |
2 | ---
  | ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "<!--\n  spans\n  lines\n-->\n\n",
            str![[r#"
sessions/2026-01-08-a.md:6:1: error: front matter must start on the file's very first line with exactly `---`, but an HTML comment comes before it
  |
6 | ---
  | ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "<!-- a --> ",
            str![[r#"
sessions/2026-01-08-a.md:1:12: error: front matter must start on the file's very first line with exactly `---`, but an HTML comment comes before it
  |
1 | <!-- a --> ---
  |            ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "<!---->\n<!-->\n",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: front matter must start on the file's very first line with exactly `---`, but an HTML comment comes before it
  |
3 | ---
  | ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ] {
        refused(&format!("{before}{T14_FM}"), stderr);
    }
}

#[test]
fn t14_front_lone_carriage_returns_are_line_ends() {
    // The front matter is read, so the note is private; nothing of it is published.
    hidden(
        &T14_FM.replace('\n', "\r"),
        str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
    );
    hidden(
        "---\r\ndate: 2026-01-08\rdraft: true\r\n---\r{C}\r",
        str![[r#"
0 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
    );
    // Lines and columns of diagnostics count a lone CR as a line end.
    Test::new()
        .file(A, "---\rdate: 2026-01-08\rcomitments: []\r---\rBody\r")
        .stderr(str![[r#"
sessions/2026-01-08-a.md:3:1: warning: unknown key `comitments`
  |
3 | comitments: []
  | ^
help: did you mean `commitments`?
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]])
        .run();
    Test::new()
        .file(A, "---\r\ndate: 2026-01-08\rkind: {a: 1}\n---\r\n")
        .status(1)
        .stderr(str![[r#"
sessions/2026-01-08-a.md:3:7: error: `kind` must be text, found a mapping
  |
3 | kind: {a: 1}
  |       ^
help: write it on one line after the colon
1 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
    refused(
        "\r\r---\rdate: 2026-01-08\rprivate: true\r---\r{C}\r",
        str![[r#"
sessions/2026-01-08-a.md:3:1: error: front matter must start on the file's very first line with exactly `---`, but blank lines come before it
  |
3 | ---
  | ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"#]],
    );
}

#[test]
fn t14_front_toml_front_matter() {
    for (text, stderr) in [
        (
            "+++\ndate = 2026-01-08\nprivate = true\ntitle = \"{C}\"\n+++\n{C}\n",
            str![[r#"
sessions/2026-01-08-a.md:1:1: error: TOML front matter (`+++`): mentorlog reads YAML front matter between `---` lines
  |
1 | +++
  | ^
help: convert it to YAML: write `---` instead of each `+++` line, and `key: value` instead of `key = value`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "\n +++ \ndate = 2026-01-08\nprivate = true\n+++\n{C}\n",
            str![[r#"
sessions/2026-01-08-a.md:2:2: error: TOML front matter (`+++`): mentorlog reads YAML front matter between `---` lines
  |
2 |  +++ 
  |  ^
help: convert it to YAML: write `---` instead of each `+++` line, and `key: value` instead of `key = value`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "\u{feff}+++\r\ndate = 2026-01-08\r\n+++\r\n{C}\r\n",
            str![
                "
sessions/2026-01-08-a.md:1:2: error: TOML front matter (`+++`): mentorlog reads YAML front matter between `---` lines
  |
1 | \u{feff}+++
  |  ^
help: convert it to YAML: write `---` instead of each `+++` line, and `key: value` instead of `key = value`
1 error(s), 0 warning(s), 0 note(s)

"
            ],
        ),
    ] {
        refused(text, stderr);
    }
}

#[test]
fn t14_front_fences_that_are_not_exactly_three_dashes() {
    for (opening, closing, stderr) in [
        (
            "----",
            "----",
            str![[r#"
sessions/2026-01-08-a.md:1:1: error: this looks like front matter, but it opens with `----`, not `---`
  |
1 | ----
  | ^
help: write front matter between two lines of exactly `---`, the first on the file's first line; for a thematic break, write `***`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "--- yaml",
            "---",
            str![[r#"
sessions/2026-01-08-a.md:1:1: error: this looks like front matter, but it opens with `--- yaml`, not `---`
  |
1 | --- yaml
  | ^
help: write front matter between two lines of exactly `---`, the first on the file's first line; for a thematic break, write `***`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "---yaml",
            "---",
            str![[r#"
sessions/2026-01-08-a.md:1:1: error: this looks like front matter, but it opens with `---yaml`, not `---`
  |
1 | ---yaml
  | ^
help: write front matter between two lines of exactly `---`, the first on the file's first line; for a thematic break, write `***`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "\u{2014}",
            "\u{2014}",
            str![[r#"
sessions/2026-01-08-a.md:1:1: error: this looks like front matter, but it opens with `—`, not `---`
  |
1 | —
  | ^
help: write front matter between two lines of exactly `---`, the first on the file's first line; for a thematic break, write `***`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "\u{2013}\u{2013}\u{2013}",
            "...",
            str![[r#"
sessions/2026-01-08-a.md:1:1: error: this looks like front matter, but it opens with `–––`, not `---`
  |
1 | –––
  | ^
help: write front matter between two lines of exactly `---`, the first on the file's first line; for a thematic break, write `***`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "++++",
            "++++",
            str![[r#"
sessions/2026-01-08-a.md:1:1: error: this looks like front matter, but it opens with `++++`, not `---`
  |
1 | ++++
  | ^
help: write front matter between two lines of exactly `---`, the first on the file's first line; for a thematic break, write `***`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ] {
        refused(
            &format!("{opening}\ndate: 2026-01-08\nprivate: true\n{closing}\n{{C}}\n"),
            stderr,
        );
    }
    refused(
        "{\n  \"date\": \"2026-01-08\",\n  \"private\": true\n}\n{C}\n",
        str![[r#"
sessions/2026-01-08-a.md:1:1: error: JSON front matter: mentorlog reads YAML front matter between `---` lines
  |
1 | {
  | ^
help: convert it to YAML between two `---` lines: `"key": value,` becomes `key: value`
1 error(s), 0 warning(s), 0 note(s)

"#]],
    );
}

#[test]
fn t14_front_a_second_block_after_the_front_matter() {
    for (text, stderr) in [
        (
            "---\ndate: 2026-01-08\n---\n\n---\nprivate: true\n---\n{C}\n",
            str![[r#"
sessions/2026-01-08-a.md:5:1: error: a second `---` block after the front matter: it would be published as text
  |
5 | ---
  | ^
help: move its keys into the front matter at the top and delete its fence lines; for a thematic break, write `***`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "---\ndate: 2026-01-08\n---\n<!-- x -->\n+++\nprivate = true\n+++\n{C}\n",
            str![[r#"
sessions/2026-01-08-a.md:5:1: error: a second `+++` block after the front matter: it would be published as text
  |
5 | +++
  | ^
help: move its keys into the front matter at the top and delete its fence lines; for a thematic break, write `***`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "---\ndate: 2026-01-08\n---\n\u{200b}\n---\n{C}\n",
            str![[r#"
sessions/2026-01-08-a.md:5:1: error: a second `---` block after the front matter: it would be published as text
  |
5 | ---
  | ^
help: move its keys into the front matter at the top and delete its fence lines; for a thematic break, write `***`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ] {
        refused(text, stderr);
    }
}

/// Decided: only exact `---`/`+++` (or a fence-like opening with `key:` lines and a closing
/// line) count; Markdown's thematic breaks and notes without front matter load as before.
#[test]
fn t14_front_thematic_breaks_and_notes_without_front_matter_still_load() {
    for (text, stderr) in [
        (
            "- - -\nTime: ten\n- - -\nText\n",
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "***\nTime: ten\n***\n",
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "___\n",
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "# Heading\n\n---\n\nMore\n",
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "Intro\n---\n",
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "----\nNo key line here\n----\n",
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "--- yaml\nTime: ten\n",
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "<!-- just a comment -->\nText with a key: value\n",
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "<!-- never closed\n---\ndate: 2026-01-08\n---\n",
            str![[r#"
sessions/2026-01-08-a.md:1:1: warning: this HTML comment is never closed with `-->`, so everything after it is hidden
  |
1 | <!-- never closed
  | ^
help: end the comment with `-->`
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
    ] {
        published(text, stderr);
    }
}

#[test]
fn t14_front_privacy_keys_in_any_case() {
    for (key, stderr) in [
        (
            "Private",
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: `Private` is read as `private`
  |
4 | Private: true
  | ^
help: write it in lower case: `private:`
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "PRIVATE",
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: `PRIVATE` is read as `private`
  |
4 | PRIVATE: true
  | ^
help: write it in lower case: `private:`
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "pRiVaTe",
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: `pRiVaTe` is read as `private`
  |
4 | pRiVaTe: true
  | ^
help: write it in lower case: `private:`
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "Draft",
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: `Draft` is read as `draft`
  |
4 | Draft: true
  | ^
help: write it in lower case: `draft:`
0 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "DRAFT",
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: `DRAFT` is read as `draft`
  |
4 | DRAFT: true
  | ^
help: write it in lower case: `draft:`
0 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
    ] {
        hidden(
            &format!("---\ndate: 2026-01-08\ntitle: {{C}}\n{key}: true\n---\n{{C}}\n"),
            stderr,
        );
    }
    // Two spellings: either one hides the note.
    for (keys, stderr) in [
        (
            "private: false\nPrivate: true",
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: `Private` is read as `private`
  |
4 | Private: true
  | ^
help: write it in lower case: `private:`
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "Private: true\nprivate: false",
            str![[r#"
sessions/2026-01-08-a.md:3:1: warning: `Private` is read as `private`
  |
3 | Private: true
  | ^
help: write it in lower case: `private:`
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "draft: false\nDraft: true",
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: `Draft` is read as `draft`
  |
4 | Draft: true
  | ^
help: write it in lower case: `draft:`
0 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
    ] {
        hidden(&format!("---\ndate: 2026-01-08\n{keys}\n---\n{{C}}\n"), stderr);
    }
}

#[test]
fn t14_front_published_and_publish_other_than_true_mean_draft() {
    for (line, stderr) in [
        (
            "published: false",
            str![[r#"
0 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "publish: false",
            str![[r#"
0 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "published: false\ndraft: false",
            str![[r#"
0 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "draft: false\npublish: false",
            str![[r#"
0 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "Published: false",
            str![[r#"
sessions/2026-01-08-a.md:3:1: warning: `Published` is read as `published`
  |
3 | Published: false
  | ^
help: write it in lower case: `published:`
0 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "published: no",
            str![[r#"
sessions/2026-01-08-a.md:3:12: warning: `published` is `no`, not `true`: the note is left out as a draft
  |
3 | published: no
  |            ^
help: write `published: true` to publish it, or `draft: true`
0 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "published: \"false\"",
            str![[r#"
sessions/2026-01-08-a.md:3:12: warning: `published` is `false`, not `true`: the note is left out as a draft
  |
3 | published: "false"
  |            ^
help: write `published: true` to publish it, or `draft: true`
0 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "published: \"true\"",
            str![[r#"
sessions/2026-01-08-a.md:3:12: warning: `published` is the text "true" in quotes, not the value `true`: the note is left out as a draft
  |
3 | published: "true"
  |            ^
help: remove the quotes to publish it: `published: true`
0 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "publish: 0",
            str![[r#"
sessions/2026-01-08-a.md:3:10: warning: `publish` is `0`, not `true`: the note is left out as a draft
  |
3 | publish: 0
  |          ^
help: write `publish: true` to publish it, or `draft: true`
0 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "published:",
            str![[r#"
sessions/2026-01-08-a.md:3:1: warning: `published` is nothing, not `true`: the note is left out as a draft
  |
3 | published:
  | ^
help: write `published: true` to publish it, or `draft: true`
0 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "published: []",
            str![[r#"
sessions/2026-01-08-a.md:3:12: warning: `published` is a list, not `true`: the note is left out as a draft
  |
3 | published: []
  |            ^
help: write `published: true` to publish it, or `draft: true`
0 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "PUBLISH: ~",
            str![[r#"
sessions/2026-01-08-a.md:3:1: warning: `PUBLISH` is read as `publish`
  |
3 | PUBLISH: ~
  | ^
help: write it in lower case: `publish:`
sessions/2026-01-08-a.md:3:10: warning: `PUBLISH` is nothing, not `true`: the note is left out as a draft
  |
3 | PUBLISH: ~
  |          ^
help: write `publish: true` to publish it, or `draft: true`
0 session(s) checked: 0 error(s), 2 warning(s), 0 note(s)

"#]],
        ),
    ] {
        hidden(&format!("---\ndate: 2026-01-08\n{line}\n---\n{{C}}\n"), stderr);
    }
    published(
        "---\ndate: 2026-01-08\npublished: true\npublish: true\n---\nShown\n",
        str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
    );
}

#[test]
fn t14_front_misspelled_privacy_keys_are_errors() {
    for (key, stderr) in [
        (
            "privat",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `privat`: mentorlog cannot tell whether this note may be published
  |
3 | privat: true
  | ^
help: did you mean `private`? Write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "pirvate",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `pirvate`: mentorlog cannot tell whether this note may be published
  |
3 | pirvate: true
  | ^
help: did you mean `private`? Write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "priavte",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `priavte`: mentorlog cannot tell whether this note may be published
  |
3 | priavte: true
  | ^
help: did you mean `private`? Write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "privte",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `privte`: mentorlog cannot tell whether this note may be published
  |
3 | privte: true
  | ^
help: did you mean `private`? Write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "drafts",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `drafts`: mentorlog cannot tell whether this note may be published
  |
3 | drafts: true
  | ^
help: did you mean `draft`? Write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "darft",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `darft`: mentorlog cannot tell whether this note may be published
  |
3 | darft: true
  | ^
help: did you mean `draft`? Write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "is_private",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `is_private`: mentorlog cannot tell whether this note may be published
  |
3 | is_private: true
  | ^
help: write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "isDraft",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `isDraft`: mentorlog cannot tell whether this note may be published
  |
3 | isDraft: true
  | ^
help: did you mean `draft`? Write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "secret",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `secret`: mentorlog cannot tell whether this note may be published
  |
3 | secret: true
  | ^
help: write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "visibility",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `visibility`: mentorlog cannot tell whether this note may be published
  |
3 | visibility: true
  | ^
help: write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "publshed",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `publshed`: mentorlog cannot tell whether this note may be published
  |
3 | publshed: true
  | ^
help: did you mean `published`? Write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "pubish",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `pubish`: mentorlog cannot tell whether this note may be published
  |
3 | pubish: true
  | ^
help: did you mean `publish`? Write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ] {
        refused(&format!("---\ndate: 2026-01-08\n{key}: true\n---\n{{C}}\n"), stderr);
    }
    // A date named like a privacy key (Hugo's `publishDate`) stays an unknown key.
    published(
        "---\ndate: 2026-01-08\npublishDate: 2026-01-01\n---\nx\n",
        str![[r#"
sessions/2026-01-08-a.md:3:1: warning: unknown key `publishDate`
  |
3 | publishDate: 2026-01-01
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
    );
}

#[test]
fn t14_front_doubtful_privacy_values_hide_the_note() {
    // Clearly yes: a warning, and the note is private.
    for (value, stderr) in [
        (
            "yes",
            str![[r#"
sessions/2026-01-08-a.md:3:10: warning: `private` is `yes`: read as `private: true`
  |
3 | private: yes
  |          ^
help: write `private: true`
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "\"true\"",
            str![[r#"
sessions/2026-01-08-a.md:3:10: warning: `private` is `true`: read as `private: true`
  |
3 | private: "true"
  |          ^
help: write `private: true`
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "1",
            str![[r#"
sessions/2026-01-08-a.md:3:10: warning: `private` is `1`: read as `private: true`
  |
3 | private: 1
  |          ^
help: write `private: true`
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "On",
            str![[r#"
sessions/2026-01-08-a.md:3:10: warning: `private` is `On`: read as `private: true`
  |
3 | private: On
  |          ^
help: write `private: true`
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "'Y'",
            str![[r#"
sessions/2026-01-08-a.md:3:10: warning: `private` is `Y`: read as `private: true`
  |
3 | private: 'Y'
  |          ^
help: write `private: true`
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
    ] {
        hidden(
            &format!("---\ndate: 2026-01-08\nprivate: {value}\n---\n{{C}}\n"),
            stderr,
        );
    }
    // Maybe no: an error (the user must say which), and meanwhile private.
    for (value, stderr) in [
        (
            "no",
            str![[r#"
sessions/2026-01-08-a.md:3:10: error: `private` must be `true` or `false`, found `no`; until it says which, the note is kept private
  |
3 | private: no
  |          ^
help: write `private: true` or `private: false`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "\"false\"",
            str![[r#"
sessions/2026-01-08-a.md:3:10: error: `private` must be `true` or `false`, found `false`; until it says which, the note is kept private
  |
3 | private: "false"
  |          ^
help: write `private: true` or `private: false`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "0",
            str![[r#"
sessions/2026-01-08-a.md:3:10: error: `private` must be `true` or `false`, found `0`; until it says which, the note is kept private
  |
3 | private: 0
  |          ^
help: write `private: true` or `private: false`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "~",
            str![[r#"
sessions/2026-01-08-a.md:3:10: error: `private` must be `true` or `false`, found nothing; until it says which, the note is kept private
  |
3 | private: ~
  |          ^
help: write `private: true` or `private: false`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: `private` must be `true` or `false`, found nothing; until it says which, the note is kept private
  |
3 | private: 
  | ^
help: write `private: true` or `private: false`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "[true]",
            str![[r#"
sessions/2026-01-08-a.md:3:10: error: `private` must be `true` or `false`, found a list; until it says which, the note is kept private
  |
3 | private: [true]
  |          ^
help: write `private: true` or `private: false`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "maybe",
            str![[r#"
sessions/2026-01-08-a.md:3:10: error: `private` must be `true` or `false`, found `maybe`; until it says which, the note is kept private
  |
3 | private: maybe
  |          ^
help: write `private: true` or `private: false`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ] {
        let text = format!("---\ndate: 2026-01-08\nprivate: {value}\n---\n{T14_CANARY}\n");
        let done = Test::new().file(A, text).status(1).stderr(stderr).run();
        t14_nothing_published(done.path());
    }
    // A doubtful `draft` makes a draft (whose errors are warnings): left out.
    for (value, stderr) in [
        (
            "yes",
            str![[r#"
sessions/2026-01-08-a.md:3:8: warning: `draft` is `yes`: read as `draft: true`
  |
3 | draft: yes
  |        ^
help: write `draft: true`
0 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "no",
            str![[r#"
sessions/2026-01-08-a.md:3:8: warning: `draft` must be `true` or `false`, found `no`; until it says which, the note is left out as a draft
  |
3 | draft: no
  |        ^
help: write `draft: true` or `draft: false`
0 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "\"\"",
            str![[r#"
sessions/2026-01-08-a.md:3:8: warning: `draft` must be `true` or `false`, found ``; until it says which, the note is left out as a draft
  |
3 | draft: ""
  |        ^
help: write `draft: true` or `draft: false`
0 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "~",
            str![[r#"
sessions/2026-01-08-a.md:3:8: warning: `draft` must be `true` or `false`, found nothing; until it says which, the note is left out as a draft
  |
3 | draft: ~
  |        ^
help: write `draft: true` or `draft: false`
0 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
    ] {
        hidden(&format!("---\ndate: 2026-01-08\ndraft: {value}\n---\n{{C}}\n"), stderr);
    }
}

#[test]
fn t14_front_goal_and_commitment_privacy_keys() {
    let entries = |goal_line: &str, commitment_line: &str| {
        format!(
            "---\ndate: 2026-01-08\ngoals:\n  - id: g\n    title: {T14_CANARY} goal\n    {goal_line}\ncommitments:\n  - id: c\n    who: mentor\n    what: {T14_CANARY} commitment\n    {commitment_line}\n---\nPublic\n"
        )
    };
    // Any case, a value that means yes: left out, with warnings.
    let done = Test::new()
        .file(A, entries("Private: true", "private: \"yes\""))
        .stderr(str![[r#"
sessions/2026-01-08-a.md:6:5: warning: `Private` is read as `private`
  |
6 |     Private: true
  |     ^
help: write it in lower case: `private:`
sessions/2026-01-08-a.md:11:14: warning: `private` is `yes`: read as `private: true`
   |
11 |     private: "yes"
   |              ^
help: write `private: true`
1 session(s) checked: 0 error(s), 2 warning(s), 0 note(s)

"#]])
        .run();
    let built = build(done.path(), &BuildOptions::default());
    assert!(built.has("sessions/2026-01-08-a.html"));
    t14_nothing_published(done.path());
    // Typos and doubtful values: errors.
    for (goal_line, commitment_line, stderr) in [
        (
            "privte: true",
            "private: false",
            str![[r#"
sessions/2026-01-08-a.md:6:5: error: unknown key `privte` in `goals`: mentorlog cannot tell whether this entry may be published
  |
6 |     privte: true
  |     ^
help: an entry is hidden with `private: true` (or shown with `private: false`)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "private: false",
            "is_private: true",
            str![[r#"
sessions/2026-01-08-a.md:11:5: error: unknown key `is_private` in `commitments`: mentorlog cannot tell whether this entry may be published
   |
11 |     is_private: true
   |     ^
help: an entry is hidden with `private: true` (or shown with `private: false`)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "draft: true",
            "private: false",
            str![[r#"
sessions/2026-01-08-a.md:6:5: error: unknown key `draft` in `goals`: mentorlog cannot tell whether this entry may be published
  |
6 |     draft: true
  |     ^
help: an entry is hidden with `private: true` (or shown with `private: false`)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "private: no",
            "private: false",
            str![[r#"
sessions/2026-01-08-a.md:6:14: error: `private` must be `true` or `false`, found `no`; until it says which, the entry is kept private
  |
6 |     private: no
  |              ^
help: write `private: true` or `private: false`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ] {
        let done = Test::new()
            .file(A, entries(goal_line, commitment_line))
            .status(1)
            .stderr(stderr)
            .run();
        t14_nothing_published(done.path());
    }
}

#[test]
fn t14_front_duplicate_keys_point_at_the_repeated_line() {
    for (keys, stderr) in [
        (
            "null: 1\ntitle: t\n~: 2",
            str![[r#"
sessions/2026-01-08-a.md:3:1: warning: unknown key `null`
  |
3 | null: 1
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
sessions/2026-01-08-a.md:5:1: error: duplicate key `null`
  |
5 | ~: 2
  | ^
help: a key may be written once (the first is on line 3); keep one of them
1 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "~: 1\nNULL: 2",
            str![[r#"
sessions/2026-01-08-a.md:3:1: warning: unknown key `null`
  |
3 | ~: 1
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
sessions/2026-01-08-a.md:4:1: error: duplicate key `null`
  |
4 | NULL: 2
  | ^
help: a key may be written once (the first is on line 3); keep one of them
1 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "Null: 1\ntitle: t\nnull: 2",
            str![[r#"
sessions/2026-01-08-a.md:3:1: warning: unknown key `null`
  |
3 | Null: 1
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
sessions/2026-01-08-a.md:5:1: error: duplicate key `null`
  |
5 | null: 2
  | ^
help: a key may be written once (the first is on line 3); keep one of them
1 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "\"title\": a\ntitle: b",
            str![[r#"
sessions/2026-01-08-a.md:4:1: error: duplicate key `title`
  |
4 | title: b
  | ^
help: a key may be written once (the first is on line 3); keep one of them
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "title: a\n'title': b",
            str![[r#"
sessions/2026-01-08-a.md:4:1: error: duplicate key `title`
  |
4 | 'title': b
  | ^
help: a key may be written once (the first is on line 3); keep one of them
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "? kind\n: a\nkind: b",
            str![[r#"
sessions/2026-01-08-a.md:5:1: error: duplicate key `kind`
  |
5 | kind: b
  | ^
help: a key may be written once (the first is on line 3); keep one of them
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "True: 1\ntrue: 2",
            str![[r#"
sessions/2026-01-08-a.md:3:1: warning: unknown key `true`
  |
3 | True: 1
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
sessions/2026-01-08-a.md:4:1: error: duplicate key `true`
  |
4 | true: 2
  | ^
help: a key may be written once (the first is on line 3); keep one of them
1 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
    ] {
        Test::new()
            .file(A, format!("---\ndate: 2026-01-08\n{keys}\n---\nx\n"))
            .status(1)
            .stderr(stderr)
            .run();
    }
    Test::new()
        .file(
            A,
            "---\ndate: 2026-01-08\ngoals:\n  - id: a\n    title: A\n    \"id\": b\n---\n",
        )
        .status(1)
        .stderr(str![[r#"
sessions/2026-01-08-a.md:6:5: error: duplicate key `id`
  |
6 |     "id": b
  |     ^
help: a key may be written once (the first is on line 4); keep one of them
1 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
    Test::new()
        .file("journal.yaml", "title: T\nmentor: A\nmentee: B\n~: 1\nnull: 2\n")
        .status(1)
        .stderr(str![[r#"
journal.yaml:4:1: warning: unknown key `null` in journal.yaml
  |
4 | ~: 1
  | ^
help: journal.yaml may have `title`, `mentor`, `mentee`, `program`, `cadence_days`, `base_url`, `language`, `noindex`, `raw_html`, `format`, `id`, `protect`
journal.yaml:5:1: error: duplicate key `null`
  |
5 | null: 2
  | ^
help: a key may be written once (the first is on line 4); keep one of them
1 error(s), 1 warning(s), 0 note(s)

"#]])
        .run();
}

#[test]
fn t14_front_protect_is_reserved() {
    for (line, stderr) in [
        (
            "protect: true",
            str![[r#"
journal.yaml:4:1: error: `protect` in journal.yaml: protected publishing is not available yet, and the site would be published in the clear
  |
4 | protect: true
  | ^
help: remove `protect:` (or write `protect: false`) to publish the site openly; keep notes off it with `private: true`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "protect: yes",
            str![[r#"
journal.yaml:4:1: error: `protect` in journal.yaml: protected publishing is not available yet, and the site would be published in the clear
  |
4 | protect: yes
  | ^
help: remove `protect:` (or write `protect: false`) to publish the site openly; keep notes off it with `private: true`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "protect:",
            str![[r#"
journal.yaml:4:1: error: `protect` in journal.yaml: protected publishing is not available yet, and the site would be published in the clear
  |
4 | protect:
  | ^
help: remove `protect:` (or write `protect: false`) to publish the site openly; keep notes off it with `private: true`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "protect: {password: x}",
            str![[r#"
journal.yaml:4:1: error: `protect` in journal.yaml: protected publishing is not available yet, and the site would be published in the clear
  |
4 | protect: {password: x}
  | ^
help: remove `protect:` (or write `protect: false`) to publish the site openly; keep notes off it with `private: true`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "Protect: true",
            str![[r#"
journal.yaml:4:1: error: `Protect` in journal.yaml: protected publishing is not available yet, and the site would be published in the clear
  |
4 | Protect: true
  | ^
help: remove `protect:` (or write `protect: false`) to publish the site openly; keep notes off it with `private: true`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "protected: true",
            str![[r#"
journal.yaml:4:1: error: `protected` in journal.yaml: protected publishing is not available yet, and the site would be published in the clear
  |
4 | protected: true
  | ^
help: remove `protect:` (or write `protect: false`) to publish the site openly; keep notes off it with `private: true`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ] {
        let done = Test::new()
            .file("journal.yaml", format!("title: T\nmentor: A\nmentee: B\n{line}\n"))
            .file(A, format!("---\ndate: 2026-01-08\n---\n{T14_CANARY}\n"))
            .status(1)
            .stderr(stderr)
            .run();
        let run = crate::harness::mentorlog(done.path(), ["build", "-o", "site"]);
        assert_eq!(run.code, 1, "{run}");
        assert!(!done.path().join("site").exists(), "{line}: a site was written");
    }
    Test::new()
        .file("journal.yaml", "title: T\nmentor: A\nmentee: B\nprotect: false\n")
        .stderr(str![[r#"
0 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
    // In a note, it is no key of a note, and never publishes in the clear what it asks to protect.
    refused(
        "---\ndate: 2026-01-08\nprotect: true\n---\n{C}\n",
        str![[r#"
sessions/2026-01-08-a.md:3:1: error: `protect`: protected publishing is not available yet, so this note would be published in the clear
  |
3 | protect: true
  | ^
help: remove the line; to keep the note off the site, write `private: true` (only the pair sees it)
1 error(s), 0 warning(s), 0 note(s)

"#]],
    );
    // program.yaml too.
    Test::case("t14-front/protect-in-program-yaml")
        .remove("journal.yaml")
        .status(1)
        .stderr(str![[r#"
program.yaml:3:10: error: `protect` in program.yaml: protected publishing is not available yet, and the site would be published in the clear
  |
3 | protect: true
  |          ^
help: remove `protect:` (or write `protect: false`) to publish the site openly; keep notes off it with `private: true`
1 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
}

#[test]
fn t14_front_id_key_of_journal_and_program() {
    Test::new()
        .file(
            "journal.yaml",
            "title: T\nmentor: A\nmentee: B\nid: urn:uuid:0b1c8e5e-5f4e-4c43-9f3a-4f2a1d6b7c80\n",
        )
        .stderr(str![[r#"
0 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
    for (value, stderr) in [
        (
            "5",
            str![[r#"
journal.yaml:4:1: error: `id` must be text, found a number
  |
4 | id: 5
  | ^
help: the id is a `urn:uuid:…` that `mentorlog init` writes; e.g. `id: urn:uuid:0b1c8e5e-5f4e-4c43-9f3a-4f2a1d6b7c80`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "[a]",
            str![[r#"
journal.yaml:4:1: error: `id` must be text, found a list
  |
4 | id: [a]
  | ^
help: the id is a `urn:uuid:…` that `mentorlog init` writes; e.g. `id: urn:uuid:0b1c8e5e-5f4e-4c43-9f3a-4f2a1d6b7c80`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "{a: b}",
            str![[r#"
journal.yaml:4:1: error: `id` must be text, found a mapping
  |
4 | id: {a: b}
  | ^
help: the id is a `urn:uuid:…` that `mentorlog init` writes; e.g. `id: urn:uuid:0b1c8e5e-5f4e-4c43-9f3a-4f2a1d6b7c80`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "true",
            str![[r#"
journal.yaml:4:1: error: `id` must be text, found a true/false value
  |
4 | id: true
  | ^
help: the id is a `urn:uuid:…` that `mentorlog init` writes; e.g. `id: urn:uuid:0b1c8e5e-5f4e-4c43-9f3a-4f2a1d6b7c80`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ] {
        Test::new()
            .file("journal.yaml", format!("title: T\nmentor: A\nmentee: B\nid: {value}\n"))
            .status(1)
            .stderr(stderr)
            .run();
    }
    Test::case("t14-front/id-in-program-yaml")
        .remove("journal.yaml")
        .stderr(str![[r#"
0 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
}

#[test]
fn t14_front_unicode_line_ends_and_merge_keys() {
    // YAML reads U+2028, U+2029 and U+0085 as line ends, Markdown does not: refused.
    for (end, stderr) in [
        (
            '\u{2028}',
            str![[r#"
sessions/2026-01-08-a.md:1:1: error: this `---` line ends with U+2028, which Markdown does not read as a line end
  |
1 | ---\u{2028}date: 2026-01-08\u{2028}private: true\u{2028}---\u{2028}Canary t14 front
  | ^
help: save the file with ordinary line ends (LF or CRLF)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            '\u{2029}',
            str![[r#"
sessions/2026-01-08-a.md:1:1: error: this `---` line ends with U+2029, which Markdown does not read as a line end
  |
1 | ---\u{2029}date: 2026-01-08\u{2029}private: true\u{2029}---\u{2029}Canary t14 front
  | ^
help: save the file with ordinary line ends (LF or CRLF)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            '\u{85}',
            str![[r#"
sessions/2026-01-08-a.md:1:1: error: this `---` line ends with U+0085, which Markdown does not read as a line end
  |
1 | ---\u{85}date: 2026-01-08\u{85}private: true\u{85}---\u{85}Canary t14 front
  | ^
help: save the file with ordinary line ends (LF or CRLF)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ] {
        refused(
            &format!("---{end}date: 2026-01-08{end}private: true{end}---{end}{{C}}\n"),
            stderr,
        );
    }
    // `private` merged in by a YAML merge key (which mentorlog does not apply) still hides.
    hidden(
        "---\ndate: 2026-01-08\ndefaults: &d {private: true}\n<<: *d\n---\n{C}\n",
        str![[r#"
sessions/2026-01-08-a.md:3:1: warning: unknown key `defaults`
  |
3 | defaults: &d {private: true}
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
sessions/2026-01-08-a.md:4:1: warning: unknown key `<<`
  |
4 | <<: *d
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
1 session(s) checked: 0 error(s), 2 warning(s), 0 note(s)

"#]],
    );
    hidden(
        "---\ndate: 2026-01-08\n<<: [{Draft: yes}]\n---\n{C}\n",
        str![[r#"
sessions/2026-01-08-a.md:3:1: warning: unknown key `<<`
  |
3 | <<: [{Draft: yes}]
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
0 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
    );
}
