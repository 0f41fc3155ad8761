//! The catalogue: Trust I: adversarial pass (front matter and keys).

use mentorlog::BuildOptions;
use snapbox::str;

use crate::harness::{Test, build, mentorlog, try_build};

use super::t14_front::{hidden, published, refused};
use super::{A, T14_CANARY, T14_FM, t14_nothing_published};

//
// Decided here:
// - before the fence, besides blank lines and HTML comments, whatever renders as nothing
//   also hides the fence from the one who wrote it: a Markdown "comment" (a link
//   reference definition, `[//]: # (…)`), an Obsidian comment `%% … %%`, an XML
//   declaration `<?xml …?>`, a YAML directive `%YAML 1.2`: the note is refused there;
// - a line of a published note's text (outside code) that is a privacy key (any case, a
//   typo of one) with a true/false value (`private: true`, `DRAFT: yes`, `published:
//   false`) is an error: it is front matter that slipped below the top;
// - a privacy key nested in another key (Hugo's `params`, Zola's `extra`, any mapping or
//   list, a non-scalar key) is not read: an error, unless the note is hidden anyway; so is
//   a value or tag that says `private`, `draft`, `secret`… (`status: private`, `tags:
//   [private]`), and other tools' leave-out keys (`expiryDate`, `_build`, `headless`,
//   `eleventyExcludeFromCollections`, `render`, `password`…) and full-width spellings;
//   `sitemap`, `search`, `noindex` (findability, not publication) stay unknown-key warnings;
// - goal and commitment entries: `published`/`publish` are errors (an entry has `private`
//   only), a merge key's `private` hides the entry, a nested one is an error;
// - journal.yaml and program.yaml: `private`, `draft`, `password`, `protection`, and
//   `protect` inside a merge key or another key, are errors (a whole site cannot be kept
//   hidden: it would be published in the clear).

#[test]
fn t14_adv3_things_that_show_nothing_before_the_fence() {
    for (before, stderr) in [
        (
            "[//]: # (exported)\n",
            str![[r#"
sessions/2026-01-08-a.md:2:1: error: front matter must start on the file's very first line with exactly `---`, but a Markdown comment (a link reference definition such as `[//]: # (…)`) comes before it
  |
2 | ---
  | ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "[comment]: <> (hidden)\n\n",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: front matter must start on the file's very first line with exactly `---`, but a Markdown comment (a link reference definition such as `[//]: # (…)`) comes before it
  |
3 | ---
  | ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "[//]: # \"x\"\r\n",
            str![[r#"
sessions/2026-01-08-a.md:2:1: error: front matter must start on the file's very first line with exactly `---`, but a Markdown comment (a link reference definition such as `[//]: # (…)`) comes before it
  |
2 | ---
  | ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "%% from Obsidian %%\n",
            str![[r#"
sessions/2026-01-08-a.md:2:1: error: front matter must start on the file's very first line with exactly `---`, but an Obsidian comment (`%% … %%`) comes before it
  |
2 | ---
  | ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "%%\nspans\nlines\n%%\n",
            str![[r#"
sessions/2026-01-08-a.md:5:1: error: front matter must start on the file's very first line with exactly `---`, but an Obsidian comment (`%% … %%`) comes before it
  |
5 | ---
  | ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "<?xml version=\"1.0\"?>\n",
            str![[r#"
sessions/2026-01-08-a.md:2:1: error: front matter must start on the file's very first line with exactly `---`, but an XML declaration (`<?…?>`) comes before it
  |
2 | ---
  | ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "%YAML 1.2\n",
            str![[r#"
sessions/2026-01-08-a.md:2:1: error: front matter must start on the file's very first line with exactly `---`, but a YAML directive (`%YAML`, `%TAG`) comes before it
  |
2 | ---
  | ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ] {
        refused(&format!("{before}{T14_FM}"), stderr);
    }
    // Without a privacy key too: the YAML would be published as text.
    refused(
        "%% x %%\n---\ndate: 2026-01-08\ntitle: {C}\n---\nBody\n",
        str![[r#"
sessions/2026-01-08-a.md:2:1: error: front matter must start on the file's very first line with exactly `---`, but an Obsidian comment (`%% … %%`) comes before it
  |
2 | ---
  | ^
help: move the `---` line to the top of the file and delete what is before it (until then the note is not published: its front matter would show as text)
1 error(s), 0 warning(s), 0 note(s)

"#]],
    );
    // Such things before ordinary text, or a link definition used by the text: a note.
    for (text, stderr) in [
        (
            "[//]: # (x)\nText\n",
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "%% x %%\n# Heading\n",
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "[a]: https://example.org\nSee [a].\n",
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ] {
        published(text, stderr);
    }
}

#[test]
fn t14_adv3_privacy_lines_in_the_text_of_a_published_note() {
    for (text, stderr) in [
        // A heading or text above the front matter.
        ("# Notes\n---\ndate: 2026-01-08\nprivate: true\n---\n{C}\n", str![[r#"
sessions/2026-01-08-a.md:4:1: error: `private: true` is in the text of the note, not in its front matter: it would be published as text, and the note with it
  |
4 | private: true
  | ^
help: move the line into the front matter (between the two `---` lines that start the file); to show it as text, put it in backticks
1 error(s), 0 warning(s), 0 note(s)

"#]]),
        (
            "Hello\n\n---\r\ndate: 2026-01-08\r\nPrivate: TRUE\r\n---\r\n{C}\r\n",
            str![[r#"
sessions/2026-01-08-a.md:5:1: error: `Private: TRUE` is in the text of the note, not in its front matter: it would be published as text, and the note with it
  |
5 | Private: TRUE
  | ^
help: move the line into the front matter (between the two `---` lines that start the file); to show it as text, put it in backticks
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        // Front matter closed too early, by YAML's `...` or a second `--- `.
        ("---\n...\nprivate: true\n---\n{C}\n", str![[r#"
sessions/2026-01-08-a.md:3:1: error: `private: true` is in the text of the note, not in its front matter: it would be published as text, and the note with it
  |
3 | private: true
  | ^
help: move the line into the front matter (between the two `---` lines that start the file); to show it as text, put it in backticks
1 error(s), 0 warning(s), 0 note(s)

"#]]),
        ("---\rdate: 2026-01-08\r--- \rdraft: yes\r---\r{C}\r", str![[r#"
sessions/2026-01-08-a.md:4:1: error: `draft: yes` is in the text of the note, not in its front matter: it would be published as text, and the note with it
  |
4 | draft: yes
  | ^
help: move the line into the front matter (between the two `---` lines that start the file); to show it as text, put it in backticks
1 error(s), 0 warning(s), 0 note(s)

"#]]),
        // No fences at all; a setext heading; a full-width colon.
        ("date: 2026-01-08\nprivate: true\n\n{C}\n", str![[r#"
sessions/2026-01-08-a.md:2:1: error: `private: true` is in the text of the note, not in its front matter: it would be published as text, and the note with it
  |
2 | private: true
  | ^
help: move the line into the front matter (between the two `---` lines that start the file); to show it as text, put it in backticks
1 error(s), 0 warning(s), 0 note(s)

"#]]),
        ("---\ndate: 2026-01-08\n---\n  published: false\n{C}\n", str![[r#"
sessions/2026-01-08-a.md:4:3: error: `published: false` is in the text of the note, not in its front matter: it would be published as text, and the note with it
  |
4 |   published: false
  |   ^
help: move the line into the front matter (between the two `---` lines that start the file); to show it as text, put it in backticks
1 error(s), 0 warning(s), 0 note(s)

"#]]),
        ("# T\n\nprivate\u{ff1a} yes\n{C}\n", str![[r#"
sessions/2026-01-08-a.md:3:1: error: `private: yes` is in the text of the note, not in its front matter: it would be published as text, and the note with it
  |
3 | private： yes
  | ^
help: move the line into the front matter (between the two `---` lines that start the file); to show it as text, put it in backticks
1 error(s), 0 warning(s), 0 note(s)

"#]]),
        ("# T\n\u{200b}privte: true\n{C}\n", str!["
sessions/2026-01-08-a.md:2:2: error: `privte: true` is in the text of the note, not in its front matter: it would be published as text, and the note with it
  |
2 | \u{200b}privte: true
  |  ^
help: move the line into the front matter (between the two `---` lines that start the file); to show it as text, put it in backticks
1 error(s), 0 warning(s), 0 note(s)

"]),
    ] {
        refused(text, stderr);
    }
    // Held: inside code, in prose, or in a note hidden anyway, such a line is text.
    for (text, stderr) in [
        (
            "---\ndate: 2026-01-08\n---\n```yaml\nprivate: true\n```\n",
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "---\ndate: 2026-01-08\n---\n~~~~\n```\nprivate: true\n~~~~\n",
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "---\ndate: 2026-01-08\n---\nCode:\n\n    private: true\n",
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "---\ndate: 2026-01-08\n---\nPrivate: we talked about the offer.\n",
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "---\ndate: 2026-01-08\n---\n- private: true is how to hide a note\n",
            str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ] {
        published(text, stderr);
    }
    hidden(
        "---\ndate: 2026-01-08\nprivate: true\n---\nprivate: true\n{C}\n",
        str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]],
    );
    // A draft is published with --drafts: the line stops that build (a warning without it).
    for (text, stderr) in [
        (
            "---\ndate: 2026-01-08\ndraft: true\n---\nprivate: true\n{C}\n",
            str![[r#"
sessions/2026-01-08-a.md:5:1: warning: `private: true` is in the text of the note, not in its front matter: it would be published as text, and the note with it
  |
5 | private: true
  | ^
help: move the line into the front matter (between the two `---` lines that start the file); to show it as text, put it in backticks
0 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "---\ndate: 2026-01-08\ndraft: true\nparams: {private: true}\n---\n{C}\n",
            str![[r#"
sessions/2026-01-08-a.md:4:1: warning: unknown key `params`
  |
4 | params: {private: true}
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
sessions/2026-01-08-a.md:4:10: warning: `private` inside `params` is not read: mentorlog cannot tell whether this note may be published
  |
4 | params: {private: true}
  |          ^
help: mentorlog reads `private:` only at the top of the front matter (or `draft: true`), not inside another key: write `private: true` (only the pair sees it) there, unindented
0 session(s) checked: 0 error(s), 2 warning(s), 0 note(s)

"#]],
        ),
    ] {
        let done = Test::new()
            .file(A, text.replace("{C}", T14_CANARY))
            .stderr(stderr)
            .run();
        let drafts = BuildOptions {
            drafts: true,
            ..BuildOptions::default()
        };
        let (result, built) = try_build(done.path(), &drafts);
        assert!(result.is_err(), "{text:?} was built with --drafts");
        assert!(
            built
                .files
                .iter()
                .all(|(_, bytes)| !String::from_utf8_lossy(bytes).contains(T14_CANARY)),
            "{text:?}"
        );
    }
}

#[test]
fn t14_adv3_privacy_keys_nested_in_other_keys() {
    for (keys, stderr) in [
        (
            "meta: {private: true}",
            str![[r#"
sessions/2026-01-08-a.md:3:1: warning: unknown key `meta`
  |
3 | meta: {private: true}
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
sessions/2026-01-08-a.md:3:8: error: `private` inside `meta` is not read: mentorlog cannot tell whether this note may be published
  |
3 | meta: {private: true}
  |        ^
help: mentorlog reads `private:` only at the top of the front matter (or `draft: true`), not inside another key: write `private: true` (only the pair sees it) there, unindented
1 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "params:\n  private: true",
            str![[r#"
sessions/2026-01-08-a.md:3:1: warning: unknown key `params`
  |
3 | params:
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
sessions/2026-01-08-a.md:4:3: error: `private` inside `params` is not read: mentorlog cannot tell whether this note may be published
  |
4 |   private: true
  |   ^
help: mentorlog reads `private:` only at the top of the front matter (or `draft: true`), not inside another key: write `private: true` (only the pair sees it) there, unindented
1 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "extra:\n  draft: true",
            str![[r#"
sessions/2026-01-08-a.md:3:1: warning: unknown key `extra`
  |
3 | extra:
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
sessions/2026-01-08-a.md:4:3: error: `draft` inside `extra` is not read: mentorlog cannot tell whether this note may be published
  |
4 |   draft: true
  |   ^
help: mentorlog reads `private:` only at the top of the front matter (or `draft: true`), not inside another key: write `private: true` (only the pair sees it) there, unindented
1 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "x:\n  y:\n    - Private: yes",
            str![[r#"
sessions/2026-01-08-a.md:3:1: warning: unknown key `x`
  |
3 | x:
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
sessions/2026-01-08-a.md:5:7: error: `Private` inside `x` is not read: mentorlog cannot tell whether this note may be published
  |
5 |     - Private: yes
  |       ^
help: mentorlog reads `private:` only at the top of the front matter (or `draft: true`), not inside another key: write `private: true` (only the pair sees it) there, unindented
1 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "author: {name: A, 'published': false}",
            str![[r#"
sessions/2026-01-08-a.md:3:19: error: `published` inside `author` is not read: mentorlog cannot tell whether this note may be published
  |
3 | author: {name: A, 'published': false}
  |                   ^
help: mentorlog reads `private:` only at the top of the front matter (or `draft: true`), not inside another key: write `private: true` (only the pair sees it) there, unindented
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ] {
        refused(
            &format!("---\ndate: 2026-01-08\n{keys}\ntitle: {{C}}\n---\n{{C}}\n"),
            stderr,
        );
    }
    // A list used as a key is named, not read as an empty key.
    refused(
        "---\ndate: 2026-01-08\n? [private]\n: true\n---\n{C}\n",
        str![[r#"
sessions/2026-01-08-a.md:3:3: error: unknown key `[private]`: mentorlog cannot tell whether this note may be published
  |
3 | ? [private]
  |   ^
help: did you mean `private`? Write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
    );
}

#[test]
fn t14_adv3_values_and_tags_that_say_hidden() {
    for (line, stderr) in [
        (
            "status: private",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: `status` says `private`, which does not hide the note: mentorlog cannot tell whether it may be published
  |
3 | status: private
  | ^
help: to keep the note off the site write `private: true` (only the pair sees it) or `draft: true`; if `private` is only a word here, use another
sessions/2026-01-08-a.md:3:1: warning: unknown key `status`
  |
3 | status: private
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
1 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        // `visibility_level` is an error of its own; the value is reported as well.
        (
            "visibility_level: 1\naccess: Draft",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `visibility_level`: mentorlog cannot tell whether this note may be published
  |
3 | visibility_level: 1
  | ^
help: write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
sessions/2026-01-08-a.md:4:1: error: `access` says `Draft`, which does not hide the note: mentorlog cannot tell whether it may be published
  |
4 | access: Draft
  | ^
help: to keep the note off the site write `private: true` (only the pair sees it) or `draft: true`; if `Draft` is only a word here, use another
sessions/2026-01-08-a.md:4:1: warning: unknown key `access`
  |
4 | access: Draft
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
2 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "tags: [mentoring, private]",
            str![[r#"
sessions/2026-01-08-a.md:3:7: error: `tags` says `private`, which does not hide the note: mentorlog cannot tell whether it may be published
  |
3 | tags: [mentoring, private]
  |       ^
help: to keep the note off the site write `private: true` (only the pair sees it) or `draft: true`; if `private` is only a word here, use another
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "kind: secret",
            str![[r#"
sessions/2026-01-08-a.md:3:7: error: `kind` says `secret`, which does not hide the note: mentorlog cannot tell whether it may be published
  |
3 | kind: secret
  |       ^
help: to keep the note off the site write `private: true` (only the pair sees it) or `draft: true`; if `secret` is only a word here, use another
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "categories:\n  - unlisted",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: `categories` says `unlisted`, which does not hide the note: mentorlog cannot tell whether it may be published
  |
3 | categories:
  | ^
help: to keep the note off the site write `private: true` (only the pair sees it) or `draft: true`; if `unlisted` is only a word here, use another
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ] {
        refused(
            &format!("---\ndate: 2026-01-08\n{line}\ntitle: {{C}}\n---\n{{C}}\n"),
            stderr,
        );
    }
}

#[test]
fn t14_adv3_other_tools_leave_out_keys() {
    for (key, stderr) in [
        (
            "expiryDate: 2020-01-01",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `expiryDate`: mentorlog cannot tell whether this note may be published
  |
3 | expiryDate: 2020-01-01
  | ^
help: write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "expiry_date: 2099-01-01",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `expiry_date`: mentorlog cannot tell whether this note may be published
  |
3 | expiry_date: 2099-01-01
  | ^
help: write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "_build: {render: never, list: never}",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `_build`: mentorlog cannot tell whether this note may be published
  |
3 | _build: {render: never, list: never}
  | ^
help: write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "headless: true",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `headless`: mentorlog cannot tell whether this note may be published
  |
3 | headless: true
  | ^
help: write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "eleventyExcludeFromCollections: true",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `eleventyExcludeFromCollections`: mentorlog cannot tell whether this note may be published
  |
3 | eleventyExcludeFromCollections: true
  | ^
help: write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "render: false",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `render`: mentorlog cannot tell whether this note may be published
  |
3 | render: false
  | ^
help: write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "password: hunter2",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `password`: mentorlog cannot tell whether this note may be published
  |
3 | password: hunter2
  | ^
help: write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "\u{ff50}\u{ff52}\u{ff49}\u{ff56}\u{ff41}\u{ff54}\u{ff45}: true",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: unknown key `ｐｒｉｖａｔｅ`: mentorlog cannot tell whether this note may be published
  |
3 | ｐｒｉｖａｔｅ: true
  | ^
help: write `private: true` (only the pair sees the note) or `draft: true` (left out), or remove the line
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ] {
        refused(
            &format!("---\ndate: 2026-01-08\n{key}\ntitle: {{C}}\n---\n{{C}}\n"),
            stderr,
        );
    }
    // Held: findability keys are unknown keys (the note is published, as it says nothing
    // about publication).
    for (key, stderr) in [
        (
            "sitemap: false",
            str![[r#"
sessions/2026-01-08-a.md:3:1: warning: unknown key `sitemap`
  |
3 | sitemap: false
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "search: false",
            str![[r#"
sessions/2026-01-08-a.md:3:1: warning: unknown key `search`
  |
3 | search: false
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        (
            "noindex: true",
            str![[r#"
sessions/2026-01-08-a.md:3:1: warning: unknown key `noindex`
  |
3 | noindex: true
  | ^
help: mentorlog reads `date`, `title`, `kind`, `duration`, `topics`, `tags`, `categories`, `category`, `draft`, `private`, `goals`, `commitments`
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
    ] {
        Test::new()
            .file(A, format!("---\ndate: 2026-01-08\n{key}\n---\nx\n"))
            .stderr(stderr)
            .run();
    }
}

#[test]
fn t14_adv3_goal_and_commitment_entries() {
    let entries = |goal_line: &str, commitment_line: &str| {
        format!(
            "---\ndate: 2026-01-08\ngoals:\n  - id: g\n    title: {T14_CANARY} goal\n    {goal_line}\ncommitments:\n  - id: c\n    who: mentor\n    what: {T14_CANARY} commitment\n    {commitment_line}\n---\nPublic\n"
        )
    };
    // A merge key's `private` hides the entry (mentorlog warns about the `<<` key).
    for (goal_line, commitment_line, stderr) in [
        (
            "<<: {private: true}",
            "<<: [{Private: yes}]",
            str![[r#"
sessions/2026-01-08-a.md:6:5: warning: unknown key `<<` in `goals`
  |
6 |     <<: {private: true}
  |     ^
help: did you mean `id`?
sessions/2026-01-08-a.md:11:5: warning: unknown key `<<` in `commitments`
   |
11 |     <<: [{Private: yes}]
   |     ^
help: did you mean `id`?
1 session(s) checked: 0 error(s), 2 warning(s), 0 note(s)

"#]],
        ),
        (
            "<<: {draft: true}",
            "<<: {private: 1}",
            str![[r#"
sessions/2026-01-08-a.md:6:5: warning: unknown key `<<` in `goals`
  |
6 |     <<: {draft: true}
  |     ^
help: did you mean `id`?
sessions/2026-01-08-a.md:11:5: warning: unknown key `<<` in `commitments`
   |
11 |     <<: {private: 1}
   |     ^
help: did you mean `id`?
1 session(s) checked: 0 error(s), 2 warning(s), 0 note(s)

"#]],
        ),
    ] {
        let done = Test::new()
            .file(A, entries(goal_line, commitment_line))
            .stderr(stderr)
            .run();
        assert!(build(done.path(), &BuildOptions::default()).has("sessions/2026-01-08-a.html"));
        t14_nothing_published(done.path());
    }
    for (goal_line, commitment_line, stderr) in [
        (
            "published: false",
            "private: false",
            str![[r#"
sessions/2026-01-08-a.md:6:5: error: unknown key `published` in `goals`: mentorlog cannot tell whether this entry may be published
  |
6 |     published: false
  |     ^
help: an entry is hidden with `private: true` (or shown with `private: false`)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "private: false",
            "Publish: no",
            str![[r#"
sessions/2026-01-08-a.md:11:5: error: unknown key `Publish` in `commitments`: mentorlog cannot tell whether this entry may be published
   |
11 |     Publish: no
   |     ^
help: an entry is hidden with `private: true` (or shown with `private: false`)
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "meta: {private: true}",
            "private: false",
            str![[r#"
sessions/2026-01-08-a.md:6:12: error: `private` inside `meta` is not read: mentorlog cannot tell whether this entry may be published
  |
6 |     meta: {private: true}
  |            ^
help: mentorlog reads `private:` only at the top of the entry, not inside another key: write `private: true` (only the pair sees it) there, unindented
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "private: false",
            "visibility: private",
            str![[r#"
sessions/2026-01-08-a.md:11:5: error: unknown key `visibility` in `commitments`: mentorlog cannot tell whether this entry may be published
   |
11 |     visibility: private
   |     ^
help: an entry is hidden with `private: true` (or shown with `private: false`)
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
fn t14_adv3_settings_that_ask_to_hide_a_whole_site() {
    for (line, stderr) in [
        (
            "private: true",
            str![[r#"
journal.yaml:4:1: error: `private` in journal.yaml: mentorlog cannot keep a whole journal hidden or protected, so its site would be published in the clear
  |
4 | private: true
  | ^
help: remove the line: a journal is published as a whole; keep notes off its site with `private: true` in each note, or do not publish this journal
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "Draft: yes",
            str![[r#"
journal.yaml:4:1: error: `Draft` in journal.yaml: mentorlog cannot keep a whole journal hidden or protected, so its site would be published in the clear
  |
4 | Draft: yes
  | ^
help: remove the line: a journal is published as a whole; keep notes off its site with `private: true` in each note, or do not publish this journal
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "password: hunter2",
            str![[r#"
journal.yaml:4:1: error: `password` in journal.yaml: mentorlog cannot keep a whole journal hidden or protected, so its site would be published in the clear
  |
4 | password: hunter2
  | ^
help: remove the line: a journal is published as a whole; keep notes off its site with `private: true` in each note, or do not publish this journal
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "protection: true",
            str![[r#"
journal.yaml:4:1: error: `protection` in journal.yaml: mentorlog cannot keep a whole journal hidden or protected, so its site would be published in the clear
  |
4 | protection: true
  | ^
help: remove the line: a journal is published as a whole; keep notes off its site with `private: true` in each note, or do not publish this journal
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "<<: {protect: true}",
            str![[r#"
journal.yaml:4:1: error: `protect` inside `<<` in journal.yaml is not read, and the site would be published in the clear
  |
4 | <<: {protect: true}
  | ^
help: remove the line: a journal is published as a whole; keep notes off its site with `private: true` in each note, or do not publish this journal
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "site:\n  protect: true",
            str![[r#"
journal.yaml:4:1: error: `protect` inside `site` in journal.yaml is not read, and the site would be published in the clear
  |
4 | site:
  | ^
help: remove the line: a journal is published as a whole; keep notes off its site with `private: true` in each note, or do not publish this journal
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
        let run = mentorlog(done.path(), ["build", "-o", "site"]);
        assert_eq!(run.code, 1, "{run}");
        assert!(!done.path().join("site").exists(), "{line}: a site was written");
    }
    for (line, stderr) in [
        (
            "private: true",
            str![[r#"
program.yaml:3:10: error: `private` in program.yaml: mentorlog cannot keep a whole program hidden or protected, so its site would be published in the clear
  |
3 | private: true
  |          ^
help: remove the line: a program is published as a whole; keep notes off its site with `private: true` in each note, or do not publish this program
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "x: {protect: true}",
            str![[r#"
program.yaml:3:4: error: `protect` inside `x` in program.yaml is not read, and the site would be published in the clear
  |
3 | x: {protect: true}
  |    ^
help: remove the line: a program is published as a whole; keep notes off its site with `private: true` in each note, or do not publish this program
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "Secret: yes",
            str![[r#"
program.yaml:3:9: error: `Secret` in program.yaml: mentorlog cannot keep a whole program hidden or protected, so its site would be published in the clear
  |
3 | Secret: yes
  |         ^
help: remove the line: a program is published as a whole; keep notes off its site with `private: true` in each note, or do not publish this program
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ] {
        Test::new()
            .remove("journal.yaml")
            .file("program.yaml", format!("title: P\nlead: L\n{line}\n"))
            .file("pair/journal.yaml", "title: T\nmentor: A\nmentee: B\n")
            .status(1)
            .stderr(stderr)
            .run();
    }
}
