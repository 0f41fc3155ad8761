//! The catalogue: Trust I: adversarial pass (front matter and keys).

use mentorlog::BuildOptions;

use crate::harness::{Fixture, assert_diagnostic, mentorlog, try_build};

use super::{A, T14_CANARY, T14_FM, check, expect, note, t14_adv3_refused, t14_hidden, t14_nothing_published};

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
    let at_top = "front matter must start on the file's very first line with exactly `---`, but";
    let markdown = "a Markdown comment (a link reference definition such as `[//]: # (…)`) comes before it";
    let obsidian = "an Obsidian comment (`%% … %%`) comes before it";
    for (before, at, why) in [
        ("[//]: # (exported)\n", "2:1", markdown),
        ("[comment]: <> (hidden)\n\n", "3:1", markdown),
        ("[//]: # \"x\"\r\n", "2:1", markdown),
        ("%% from Obsidian %%\n", "2:1", obsidian),
        ("%%\nspans\nlines\n%%\n", "5:1", obsidian),
        (
            "<?xml version=\"1.0\"?>\n",
            "2:1",
            "an XML declaration (`<?…?>`) comes before it",
        ),
        (
            "%YAML 1.2\n",
            "2:1",
            "a YAML directive (`%YAML`, `%TAG`) comes before it",
        ),
    ] {
        t14_adv3_refused(
            &format!("{before}{T14_FM}"),
            &format!("sessions/2026-01-08-a.md:{at}: error: {at_top} {why}"),
        );
    }
    // Without a privacy key too: the YAML would be published as text.
    t14_adv3_refused(
        "%% x %%\n---\ndate: 2026-01-08\ntitle: {C}\n---\nBody\n",
        &format!("sessions/2026-01-08-a.md:2:1: error: {at_top} {obsidian}"),
    );
    // Such things before ordinary text, or a link definition used by the text: a note.
    for text in [
        "[//]: # (x)\nText\n",
        "%% x %%\n# Heading\n",
        "[a]: https://example.org\nSee [a].\n",
    ] {
        let f = note(A, text);
        assert_eq!(check(&f).code, 0, "{text:?}");
        assert!(f.build().has("sessions/2026-01-08-a.html"), "{text:?}");
    }
}

#[test]
fn t14_adv3_privacy_lines_in_the_text_of_a_published_note() {
    let head = |at: &str, line: &str| {
        format!(
            "sessions/2026-01-08-a.md:{at}: error: `{line}` is in the text of the note, not in its front matter: it would be published as text, and the note with it"
        )
    };
    for (text, at, line) in [
        // A heading or text above the front matter.
        (
            "# Notes\n---\ndate: 2026-01-08\nprivate: true\n---\n{C}\n",
            "4:1",
            "private: true",
        ),
        (
            "Hello\n\n---\r\ndate: 2026-01-08\r\nPrivate: TRUE\r\n---\r\n{C}\r\n",
            "5:1",
            "Private: TRUE",
        ),
        // Front matter closed too early, by YAML's `...` or a second `--- `.
        ("---\n...\nprivate: true\n---\n{C}\n", "3:1", "private: true"),
        (
            "---\rdate: 2026-01-08\r--- \rdraft: yes\r---\r{C}\r",
            "4:1",
            "draft: yes",
        ),
        // No fences at all; a setext heading; a full-width colon.
        ("date: 2026-01-08\nprivate: true\n\n{C}\n", "2:1", "private: true"),
        (
            "---\ndate: 2026-01-08\n---\n  published: false\n{C}\n",
            "4:3",
            "published: false",
        ),
        ("# T\n\nprivate\u{ff1a} yes\n{C}\n", "3:1", "private: yes"),
        ("# T\n\u{200b}privte: true\n{C}\n", "2:2", "privte: true"),
    ] {
        t14_adv3_refused(text, &head(at, line));
    }
    // Held: inside code, in prose, or in a note hidden anyway, such a line is text.
    for text in [
        "---\ndate: 2026-01-08\n---\n```yaml\nprivate: true\n```\n",
        "---\ndate: 2026-01-08\n---\n~~~~\n```\nprivate: true\n~~~~\n",
        "---\ndate: 2026-01-08\n---\nCode:\n\n    private: true\n",
        "---\ndate: 2026-01-08\n---\nPrivate: we talked about the offer.\n",
        "---\ndate: 2026-01-08\n---\n- private: true is how to hide a note\n",
    ] {
        let f = note(A, text);
        let run = check(&f);
        assert_eq!(run.code, 0, "{text:?}\n{run}");
        assert!(f.build().has("sessions/2026-01-08-a.html"), "{text:?}");
    }
    t14_hidden(
        "---\ndate: 2026-01-08\nprivate: true\n---\nprivate: true\n{C}\n",
        0,
        &[],
    );
    // A draft is published with --drafts: the line stops that build (a warning without it).
    for text in [
        "---\ndate: 2026-01-08\ndraft: true\n---\nprivate: true\n{C}\n",
        "---\ndate: 2026-01-08\ndraft: true\nparams: {private: true}\n---\n{C}\n",
    ] {
        let f = note(A, &text.replace("{C}", T14_CANARY));
        assert_eq!(check(&f).code, 0, "{text:?}");
        let drafts = BuildOptions {
            drafts: true,
            ..BuildOptions::default()
        };
        let (result, built) = try_build(f.path(), &drafts);
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
    let head = |at: &str, inner: &str, outer: &str| {
        format!(
            "sessions/2026-01-08-a.md:{at}: error: `{inner}` inside `{outer}` is not read: mentorlog cannot tell whether this note may be published"
        )
    };
    for (keys, at, inner, outer) in [
        ("meta: {private: true}", "3:8", "private", "meta"),
        ("params:\n  private: true", "4:3", "private", "params"),
        ("extra:\n  draft: true", "4:3", "draft", "extra"),
        ("x:\n  y:\n    - Private: yes", "5:7", "Private", "x"),
        ("author: {name: A, 'published': false}", "3:19", "published", "author"),
    ] {
        t14_adv3_refused(
            &format!("---\ndate: 2026-01-08\n{keys}\ntitle: {{C}}\n---\n{{C}}\n"),
            &head(at, inner, outer),
        );
    }
    // A list used as a key is named, not read as an empty key.
    t14_adv3_refused(
        "---\ndate: 2026-01-08\n? [private]\n: true\n---\n{C}\n",
        "sessions/2026-01-08-a.md:3:3: error: unknown key `[private]`: mentorlog cannot tell whether this note may be published",
    );
}

#[test]
fn t14_adv3_values_and_tags_that_say_hidden() {
    for (line, at, key, word) in [
        ("status: private", "3:1", "status", "private"),
        ("visibility_level: 1\naccess: Draft", "4:1", "access", "Draft"),
        ("tags: [mentoring, private]", "3:7", "tags", "private"),
        ("kind: secret", "3:7", "kind", "secret"),
        ("categories:\n  - unlisted", "3:1", "categories", "unlisted"),
    ] {
        let text = format!("---\ndate: 2026-01-08\n{line}\ntitle: {{C}}\n---\n{{C}}\n");
        if key == "access" {
            // `visibility_level` is an error of its own; the value is reported as well.
            t14_adv3_refused(
                &text,
                "sessions/2026-01-08-a.md:3:1: error: unknown key `visibility_level`",
            );
        }
        t14_adv3_refused(
            &text,
            &format!(
                "sessions/2026-01-08-a.md:{at}: error: `{key}` says `{word}`, which does not hide the note: mentorlog cannot tell whether it may be published"
            ),
        );
    }
}

#[test]
fn t14_adv3_other_tools_leave_out_keys() {
    for key in [
        "expiryDate: 2020-01-01",
        "expiry_date: 2099-01-01",
        "_build: {render: never, list: never}",
        "headless: true",
        "eleventyExcludeFromCollections: true",
        "render: false",
        "password: hunter2",
        "\u{ff50}\u{ff52}\u{ff49}\u{ff56}\u{ff41}\u{ff54}\u{ff45}: true",
    ] {
        let name = key.split(':').next().unwrap_or(key);
        t14_adv3_refused(
            &format!("---\ndate: 2026-01-08\n{key}\ntitle: {{C}}\n---\n{{C}}\n"),
            &format!(
                "sessions/2026-01-08-a.md:3:1: error: unknown key `{name}`: mentorlog cannot tell whether this note may be published"
            ),
        );
    }
    // Held: findability keys are unknown keys (the note is published, as it says nothing
    // about publication).
    for key in ["sitemap: false", "search: false", "noindex: true"] {
        let f = note(A, &format!("---\ndate: 2026-01-08\n{key}\n---\nx\n"));
        expect(&f, 0, (0, 1), &[]);
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
    for (goal_line, commitment_line) in [
        ("<<: {private: true}", "<<: [{Private: yes}]"),
        ("<<: {draft: true}", "<<: {private: 1}"),
    ] {
        let f = note(A, &entries(goal_line, commitment_line));
        expect(
            &f,
            0,
            (0, 2),
            &["sessions/2026-01-08-a.md:6:5: warning: unknown key `<<` in `goals`"],
        );
        assert!(f.build().has("sessions/2026-01-08-a.html"));
        t14_nothing_published(f.path());
    }
    for (goal_line, commitment_line, head) in [
        (
            "published: false",
            "private: false",
            "sessions/2026-01-08-a.md:6:5: error: unknown key `published` in `goals`: mentorlog cannot tell whether this entry may be published",
        ),
        (
            "private: false",
            "Publish: no",
            "sessions/2026-01-08-a.md:11:5: error: unknown key `Publish` in `commitments`",
        ),
        (
            "meta: {private: true}",
            "private: false",
            "sessions/2026-01-08-a.md:6:12: error: `private` inside `meta` is not read: mentorlog cannot tell whether this entry may be published",
        ),
        (
            "private: false",
            "visibility: private",
            "sessions/2026-01-08-a.md:11:5: error: unknown key `visibility` in `commitments`",
        ),
    ] {
        let f = note(A, &entries(goal_line, commitment_line));
        let run = check(&f);
        assert_eq!(run.code, 1, "{run}");
        assert_diagnostic(&run.stderr, head);
        t14_nothing_published(f.path());
    }
}

#[test]
fn t14_adv3_settings_that_ask_to_hide_a_whole_site() {
    let clear =
        "mentorlog cannot keep a whole journal hidden or protected, so its site would be published in the clear";
    for (line, head) in [
        ("private: true", format!("journal.yaml:4:1: error: `private` in journal.yaml: {clear}")),
        ("Draft: yes", format!("journal.yaml:4:1: error: `Draft` in journal.yaml: {clear}")),
        ("password: hunter2", format!("journal.yaml:4:1: error: `password` in journal.yaml: {clear}")),
        ("protection: true", format!("journal.yaml:4:1: error: `protection` in journal.yaml: {clear}")),
        (
            "<<: {protect: true}",
            "journal.yaml:4:1: error: `protect` inside `<<` in journal.yaml is not read, and the site would be published in the clear".to_string(),
        ),
        (
            "site:\n  protect: true",
            "journal.yaml:4:1: error: `protect` inside `site` in journal.yaml is not read".to_string(),
        ),
    ] {
        let f = Fixture::new(&[
            ("journal.yaml", &format!("title: T\nmentor: A\nmentee: B\n{line}\n")),
            (A, &format!("---\ndate: 2026-01-08\n---\n{T14_CANARY}\n")),
        ]);
        let run = check(&f);
        assert_eq!(run.code, 1, "{line}\n{run}");
        assert_diagnostic(&run.stderr, &head);
        assert!(run.stderr.contains("help: remove the line"), "{run}");
        let run = mentorlog(f.path(), ["build", "-o", "site"]);
        assert_eq!(run.code, 1, "{run}");
        assert!(!f.path().join("site").exists(), "{line}: a site was written");
    }
    for line in ["private: true", "x: {protect: true}", "Secret: yes"] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        crate::harness::write_file(
            &dir.path().join("program.yaml"),
            format!("title: P\nlead: L\n{line}\n").as_bytes(),
        );
        crate::harness::write_file(
            &dir.path().join("pair/journal.yaml"),
            b"title: T\nmentor: A\nmentee: B\n",
        );
        let run = mentorlog(dir.path(), ["check"]);
        assert_eq!(run.code, 1, "{line}\n{run}");
        assert!(
            run.stderr
                .lines()
                .any(|l| l.starts_with("program.yaml:3:") && l.contains("error: `") && l.contains("in program.yaml")),
            "{run}"
        );
        assert!(run.stderr.contains("help: remove the line"), "{run}");
    }
}
