//! The catalogue: Trust I: front matter and privacy keys.

use crate::harness::{Fixture, assert_diagnostic, mentorlog};

use super::{A, T14_CANARY, T14_FM, check, expect, note, t14_hidden, t14_nothing_published, t14_refused};

#[test]
fn t14_front_blank_lines_or_spaces_before_the_fence() {
    let at_top = "front matter must start on the file's very first line with exactly `---`";
    for (before, head) in [
        (
            "\n",
            format!("sessions/2026-01-08-a.md:2:1: error: {at_top}, but blank lines come before it"),
        ),
        (
            "\n\n  \t\n",
            format!("sessions/2026-01-08-a.md:4:1: error: {at_top}, but blank lines come before it"),
        ),
        (
            " ",
            format!("sessions/2026-01-08-a.md:1:2: error: {at_top}, but white space comes before it"),
        ),
        (
            "\t",
            format!("sessions/2026-01-08-a.md:1:2: error: {at_top}, but white space comes before it"),
        ),
        (
            "\u{a0}\u{3000}",
            format!("sessions/2026-01-08-a.md:1:3: error: {at_top}, but white space comes before it"),
        ),
        (
            "\r\n",
            format!("sessions/2026-01-08-a.md:2:1: error: {at_top}, but blank lines come before it"),
        ),
    ] {
        t14_refused(&format!("{before}{T14_FM}"), &head);
    }
}

#[test]
fn t14_front_invisible_characters_before_the_fence() {
    let at_top = "front matter must start on the file's very first line with exactly `---`";
    let invisible = format!("{at_top}, but an invisible character comes before it");
    for (before, head) in [
        ("\u{200b}", format!("sessions/2026-01-08-a.md:1:2: error: {invisible}")),
        ("\u{2060}", format!("sessions/2026-01-08-a.md:1:2: error: {invisible}")),
        ("\u{ad}", format!("sessions/2026-01-08-a.md:1:2: error: {invisible}")),
        (
            "\u{200f}\u{202e}",
            format!("sessions/2026-01-08-a.md:1:3: error: {invisible}"),
        ),
        ("\u{180e}", format!("sessions/2026-01-08-a.md:1:2: error: {invisible}")),
        (
            "\u{feff}\u{feff}",
            format!("sessions/2026-01-08-a.md:1:3: error: {at_top}, but a second byte-order mark comes before it"),
        ),
        (
            "\u{feff}\u{200d}\n",
            format!("sessions/2026-01-08-a.md:2:1: error: {at_top}, but blank lines come before it"),
        ),
    ] {
        t14_refused(&format!("{before}{T14_FM}"), &head);
    }
    // Invisible characters inside or after the fence: still the fence, still not exact.
    t14_refused(
        &T14_FM.replacen("---", "-\u{200b}--", 1),
        &format!("sessions/2026-01-08-a.md:1:1: error: {at_top}, but its line holds invisible characters"),
    );
    t14_refused(
        &T14_FM.replacen("---", "---\u{200b}", 1),
        &format!("sessions/2026-01-08-a.md:1:1: error: {at_top}, but its line holds invisible characters"),
    );
}

#[test]
fn t14_front_html_comment_before_the_fence() {
    let comment =
        "front matter must start on the file's very first line with exactly `---`, but an HTML comment comes before it";
    for (before, head) in [
        (
            "<!-- exported from Obsidian -->\n",
            format!("sessions/2026-01-08-a.md:2:1: error: {comment}"),
        ),
        (
            "<!--\n  spans\n  lines\n-->\n\n",
            format!("sessions/2026-01-08-a.md:6:1: error: {comment}"),
        ),
        (
            "<!-- a --> ",
            format!("sessions/2026-01-08-a.md:1:12: error: {comment}"),
        ),
        (
            "<!---->\n<!-->\n",
            format!("sessions/2026-01-08-a.md:3:1: error: {comment}"),
        ),
    ] {
        t14_refused(&format!("{before}{T14_FM}"), &head);
    }
}

#[test]
fn t14_front_lone_carriage_returns_are_line_ends() {
    // The front matter is read, so the note is private; nothing of it is published.
    t14_hidden(&T14_FM.replace('\n', "\r"), 0, &[]);
    t14_hidden("---\r\ndate: 2026-01-08\rdraft: true\r\n---\r{C}\r", 0, &[]);
    // Lines and columns of diagnostics count a lone CR as a line end.
    let f = note(A, "---\rdate: 2026-01-08\rcomitments: []\r---\rBody\r");
    expect(
        &f,
        0,
        (0, 1),
        &["sessions/2026-01-08-a.md:3:1: warning: unknown key `comitments`"],
    );
    let f = note(A, "---\r\ndate: 2026-01-08\rkind: {a: 1}\n---\r\n");
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/2026-01-08-a.md:3:7: error: `kind` must be text, found a mapping"],
    );
    t14_refused(
        "\r\r---\rdate: 2026-01-08\rprivate: true\r---\r{C}\r",
        "sessions/2026-01-08-a.md:3:1: error: front matter must start on the file's very first line with exactly `---`, but blank lines come before it",
    );
}

#[test]
fn t14_front_toml_front_matter() {
    let toml = "sessions/2026-01-08-a.md:{}: error: TOML front matter (`+++`): mentorlog reads YAML front matter between `---` lines";
    for (text, at) in [
        (
            "+++\ndate = 2026-01-08\nprivate = true\ntitle = \"{C}\"\n+++\n{C}\n",
            "1:1",
        ),
        ("\n +++ \ndate = 2026-01-08\nprivate = true\n+++\n{C}\n", "2:2"),
        ("\u{feff}+++\r\ndate = 2026-01-08\r\n+++\r\n{C}\r\n", "1:2"),
    ] {
        t14_refused(text, &toml.replace("{}", at));
    }
}

#[test]
fn t14_front_fences_that_are_not_exactly_three_dashes() {
    let head = |at: &str, line: &str| {
        format!(
            "sessions/2026-01-08-a.md:{at}: error: this looks like front matter, but it opens with `{line}`, not `---`"
        )
    };
    for (opening, closing, shown) in [
        ("----", "----", "----"),
        ("--- yaml", "---", "--- yaml"),
        ("---yaml", "---", "---yaml"),
        ("\u{2014}", "\u{2014}", "\u{2014}"),
        ("\u{2013}\u{2013}\u{2013}", "...", "\u{2013}\u{2013}\u{2013}"),
        ("++++", "++++", "++++"),
    ] {
        let text = format!("{opening}\ndate: 2026-01-08\nprivate: true\n{closing}\n{{C}}\n");
        t14_refused(&text, &head("1:1", shown));
    }
    t14_refused(
        "{\n  \"date\": \"2026-01-08\",\n  \"private\": true\n}\n{C}\n",
        "sessions/2026-01-08-a.md:1:1: error: JSON front matter: mentorlog reads YAML front matter between `---` lines",
    );
}

#[test]
fn t14_front_a_second_block_after_the_front_matter() {
    let second = |fence: &str| {
        format!(
            "sessions/2026-01-08-a.md:5:1: error: a second `{fence}` block after the front matter: it would be published as text"
        )
    };
    t14_refused(
        "---\ndate: 2026-01-08\n---\n\n---\nprivate: true\n---\n{C}\n",
        &second("---"),
    );
    t14_refused(
        "---\ndate: 2026-01-08\n---\n<!-- x -->\n+++\nprivate = true\n+++\n{C}\n",
        &second("+++"),
    );
    t14_refused("---\ndate: 2026-01-08\n---\n\u{200b}\n---\n{C}\n", &second("---"));
}

/// Decided: only exact `---`/`+++` (or a fence-like opening with `key:` lines and a closing
/// line) count; Markdown's thematic breaks and notes without front matter load as before.
#[test]
fn t14_front_thematic_breaks_and_notes_without_front_matter_still_load() {
    for text in [
        "- - -\nTime: ten\n- - -\nText\n",
        "***\nTime: ten\n***\n",
        "___\n",
        "# Heading\n\n---\n\nMore\n",
        "Intro\n---\n",
        "----\nNo key line here\n----\n",
        "--- yaml\nTime: ten\n",
        "<!-- just a comment -->\nText with a key: value\n",
        "<!-- never closed\n---\ndate: 2026-01-08\n---\n",
    ] {
        let f = note(A, text);
        let run = check(&f);
        assert_eq!(run.code, 0, "{text:?}\n{run}");
        assert!(f.build().has("sessions/2026-01-08-a.html"), "{text:?}");
    }
}

#[test]
fn t14_front_privacy_keys_in_any_case() {
    for (key, lower) in [
        ("Private", "private"),
        ("PRIVATE", "private"),
        ("pRiVaTe", "private"),
        ("Draft", "draft"),
        ("DRAFT", "draft"),
    ] {
        t14_hidden(
            &format!("---\ndate: 2026-01-08\ntitle: {{C}}\n{key}: true\n---\n{{C}}\n"),
            1,
            &[&format!(
                "sessions/2026-01-08-a.md:4:1: warning: `{key}` is read as `{lower}`"
            )],
        );
    }
    // Two spellings: either one hides the note.
    for keys in [
        "private: false\nPrivate: true",
        "Private: true\nprivate: false",
        "draft: false\nDraft: true",
    ] {
        t14_hidden(&format!("---\ndate: 2026-01-08\n{keys}\n---\n{{C}}\n"), 1, &[]);
    }
}

#[test]
fn t14_front_published_and_publish_other_than_true_mean_draft() {
    for (line, warnings) in [
        ("published: false", 0),
        ("publish: false", 0),
        ("published: false\ndraft: false", 0),
        ("draft: false\npublish: false", 0),
        ("Published: false", 1),
        ("published: no", 1),
        ("published: \"false\"", 1),
        ("published: \"true\"", 1),
        ("publish: 0", 1),
        ("published:", 1),
        ("published: []", 1),
        ("PUBLISH: ~", 2),
    ] {
        t14_hidden(&format!("---\ndate: 2026-01-08\n{line}\n---\n{{C}}\n"), warnings, &[]);
    }
    let f = note(A, "---\ndate: 2026-01-08\npublished: true\npublish: true\n---\nShown\n");
    expect(&f, 0, (0, 0), &[]);
    assert!(f.build().has("sessions/2026-01-08-a.html"));
}

#[test]
fn t14_front_misspelled_privacy_keys_are_errors() {
    for key in [
        "privat",
        "pirvate",
        "priavte",
        "privte",
        "drafts",
        "darft",
        "is_private",
        "isDraft",
        "secret",
        "visibility",
        "publshed",
        "pubish",
    ] {
        t14_refused(
            &format!("---\ndate: 2026-01-08\n{key}: true\n---\n{{C}}\n"),
            &format!(
                "sessions/2026-01-08-a.md:3:1: error: unknown key `{key}`: mentorlog cannot tell whether this note may be published"
            ),
        );
    }
    // A date named like a privacy key (Hugo's `publishDate`) stays an unknown key.
    let f = note(A, "---\ndate: 2026-01-08\npublishDate: 2026-01-01\n---\nx\n");
    expect(
        &f,
        0,
        (0, 1),
        &["sessions/2026-01-08-a.md:3:1: warning: unknown key `publishDate`"],
    );
}

#[test]
fn t14_front_doubtful_privacy_values_hide_the_note() {
    // Clearly yes: a warning, and the note is private.
    for value in ["yes", "\"true\"", "1", "On", "'Y'"] {
        t14_hidden(
            &format!("---\ndate: 2026-01-08\nprivate: {value}\n---\n{{C}}\n"),
            1,
            &["sessions/2026-01-08-a.md:3:10: warning: `private` is "],
        );
    }
    // Maybe no: an error (the user must say which), and meanwhile private.
    for value in ["no", "\"false\"", "0", "~", "", "[true]", "maybe"] {
        let text = format!("---\ndate: 2026-01-08\nprivate: {value}\n---\n{{C}}\n");
        let f = note(A, &text.replace("{C}", T14_CANARY));
        let run = check(&f);
        assert_eq!(run.code, 1, "{value}\n{run}");
        assert!(
            run.stderr.contains("error: `private` must be `true` or `false`, found"),
            "{run}"
        );
        assert!(
            run.stderr.contains("until it says which, the note is kept private"),
            "{run}"
        );
        t14_nothing_published(f.path());
    }
    // A doubtful `draft` makes a draft (whose errors are warnings): left out.
    for value in ["yes", "no", "\"\"", "~"] {
        let f = note(
            A,
            &format!("---\ndate: 2026-01-08\ndraft: {value}\n---\n{T14_CANARY}\n"),
        );
        assert_eq!(check(&f).code, 0);
        assert!(!f.build().has("sessions/2026-01-08-a.html"), "{value}");
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
    let f = note(A, &entries("Private: true", "private: \"yes\""));
    expect(
        &f,
        0,
        (0, 2),
        &[
            "sessions/2026-01-08-a.md:6:5: warning: `Private` is read as `private`",
            "sessions/2026-01-08-a.md:11:14: warning: `private` is `yes`: read as `private: true`",
        ],
    );
    let built = f.build();
    assert!(built.has("sessions/2026-01-08-a.html"));
    t14_nothing_published(f.path());
    // Typos and doubtful values: errors.
    for (goal_line, commitment_line, head) in [
        (
            "privte: true",
            "private: false",
            "sessions/2026-01-08-a.md:6:5: error: unknown key `privte` in `goals`",
        ),
        (
            "private: false",
            "is_private: true",
            "sessions/2026-01-08-a.md:11:5: error: unknown key `is_private` in `commitments`",
        ),
        (
            "draft: true",
            "private: false",
            "sessions/2026-01-08-a.md:6:5: error: unknown key `draft` in `goals`",
        ),
        (
            "private: no",
            "private: false",
            "sessions/2026-01-08-a.md:6:14: error: `private` must be `true` or `false`, found `no`",
        ),
    ] {
        let f = note(A, &entries(goal_line, commitment_line));
        expect(&f, 1, (1, 0), &[head]);
        t14_nothing_published(f.path());
    }
}

#[test]
fn t14_front_duplicate_keys_point_at_the_repeated_line() {
    for (keys, at, key, first) in [
        ("null: 1\ntitle: t\n~: 2", "5:1", "null", 3),
        ("~: 1\nNULL: 2", "4:1", "null", 3),
        ("Null: 1\ntitle: t\nnull: 2", "5:1", "null", 3),
        ("\"title\": a\ntitle: b", "4:1", "title", 3),
        ("title: a\n'title': b", "4:1", "title", 3),
        ("? kind\n: a\nkind: b", "5:1", "kind", 3),
        ("True: 1\ntrue: 2", "4:1", "true", 3),
    ] {
        let f = note(A, &format!("---\ndate: 2026-01-08\n{keys}\n---\nx\n"));
        let run = check(&f);
        assert_eq!(run.code, 1, "{keys}\n{run}");
        assert_diagnostic(
            &run.stderr,
            &format!("sessions/2026-01-08-a.md:{at}: error: duplicate key `{key}`"),
        );
        assert!(run.stderr.contains(&format!("(the first is on line {first})")), "{run}");
    }
    let f = note(
        A,
        "---\ndate: 2026-01-08\ngoals:\n  - id: a\n    title: A\n    \"id\": b\n---\n",
    );
    let run = check(&f);
    assert_diagnostic(&run.stderr, "sessions/2026-01-08-a.md:6:5: error: duplicate key `id`");
    let f = Fixture::new(&[("journal.yaml", "title: T\nmentor: A\nmentee: B\n~: 1\nnull: 2\n")]);
    let run = check(&f);
    assert_diagnostic(&run.stderr, "journal.yaml:5:1: error: duplicate key `null`");
}

#[test]
fn t14_front_protect_is_reserved() {
    let head = "journal.yaml:4:1: error: `{}` in journal.yaml: protected publishing is not available yet, and the site would be published in the clear";
    for (line, key) in [
        ("protect: true", "protect"),
        ("protect: yes", "protect"),
        ("protect:", "protect"),
        ("protect: {password: x}", "protect"),
        ("Protect: true", "Protect"),
        ("protected: true", "protected"),
    ] {
        let f = Fixture::new(&[
            ("journal.yaml", &format!("title: T\nmentor: A\nmentee: B\n{line}\n")),
            (A, &format!("---\ndate: 2026-01-08\n---\n{T14_CANARY}\n")),
        ]);
        expect(&f, 1, (1, 0), &[&head.replace("{}", key)]);
        let run = mentorlog(f.path(), ["build", "-o", "site"]);
        assert_eq!(run.code, 1, "{run}");
        assert!(!f.path().join("site").exists(), "{line}: a site was written");
    }
    let f = Fixture::new(&[("journal.yaml", "title: T\nmentor: A\nmentee: B\nprotect: false\n")]);
    expect(&f, 0, (0, 0), &[]);
    // In a note, it is no key of a note, and never publishes in the clear what it asks to protect.
    t14_refused(
        "---\ndate: 2026-01-08\nprotect: true\n---\n{C}\n",
        "sessions/2026-01-08-a.md:3:1: error: `protect`: protected publishing is not available yet",
    );
    // program.yaml too.
    let dir = tempfile::tempdir().expect("a temporary folder");
    crate::harness::write_file(&dir.path().join("program.yaml"), b"title: P\nlead: L\nprotect: true\n");
    crate::harness::write_file(
        &dir.path().join("pair/journal.yaml"),
        b"title: T\nmentor: A\nmentee: B\n",
    );
    let run = mentorlog(dir.path(), ["check"]);
    assert_eq!(run.code, 1, "{run}");
    assert_diagnostic(
        &run.stderr,
        "program.yaml:3:10: error: `protect` in program.yaml: protected publishing is not available yet",
    );
}

#[test]
fn t14_front_id_key_of_journal_and_program() {
    let f = Fixture::new(&[(
        "journal.yaml",
        "title: T\nmentor: A\nmentee: B\nid: urn:uuid:0b1c8e5e-5f4e-4c43-9f3a-4f2a1d6b7c80\n",
    )]);
    expect(&f, 0, (0, 0), &[]);
    for value in ["5", "[a]", "{a: b}", "true"] {
        let f = Fixture::new(&[(
            "journal.yaml",
            &format!("title: T\nmentor: A\nmentee: B\nid: {value}\n"),
        )]);
        expect(&f, 1, (1, 0), &["journal.yaml:4:1: error: `id` must be text"]);
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    crate::harness::write_file(&dir.path().join("program.yaml"), b"title: P\nlead: L\nid: urn:uuid:1\n");
    crate::harness::write_file(
        &dir.path().join("pair/journal.yaml"),
        b"title: T\nmentor: A\nmentee: B\n",
    );
    let run = mentorlog(dir.path(), ["check"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(!run.stderr.contains("unknown key"), "{run}");
}

#[test]
fn t14_front_unicode_line_ends_and_merge_keys() {
    // YAML reads U+2028, U+2029 and U+0085 as line ends, Markdown does not: refused.
    for end in ['\u{2028}', '\u{2029}', '\u{85}'] {
        t14_refused(
            &format!("---{end}date: 2026-01-08{end}private: true{end}---{end}{{C}}\n"),
            &format!(
                "sessions/2026-01-08-a.md:1:1: error: this `---` line ends with U+{:04X}, which Markdown does not read as a line end",
                u32::from(end)
            ),
        );
    }
    // `private` merged in by a YAML merge key (which mentorlog does not apply) still hides.
    t14_hidden(
        "---\ndate: 2026-01-08\ndefaults: &d {private: true}\n<<: *d\n---\n{C}\n",
        2,
        &[],
    );
    t14_hidden("---\ndate: 2026-01-08\n<<: [{Draft: yes}]\n---\n{C}\n", 1, &[]);
}
