//! Privacy: without `--include-private`, no private session text, private block, private
//! item or draft reaches any byte or file name of the built site; a private session keeps
//! its date and its goal and commitment updates.

use mentorlog::BuildOptions;
use mentorlog::diag::Severity;
use mentorlog::project::{Build, Project};

use crate::harness::{
    Built, DRAFT_CANARY, Fixture, REORG_CANARY, SALARY_CANARY, all, build, example, example_dir, one, text, try_build,
};

/// The site paths and files whose path or bytes contain `needle`.
fn where_found(built: &Built, needle: &str) -> Vec<String> {
    let needle = needle.as_bytes();
    built
        .files
        .iter()
        .filter(|(path, bytes)| {
            path.as_bytes().windows(needle.len()).any(|w| w == needle)
                || bytes.windows(needle.len()).any(|w| w == needle)
        })
        .map(|(path, _)| path.clone())
        .collect()
}

#[test]
fn public_build_has_no_private_text_in_any_file_or_file_name() {
    let built = example();
    assert!(built.files.len() > 30, "the example builds a full site");
    for needle in [
        REORG_CANARY,
        SALARY_CANARY,
        DRAFT_CANARY,
        "frank-talk",
        "manager-conversation",
        // The private session's title, and the notes of its goal and commitment entries.
        "A frank talk about Noa",
        "Decided to ask for clarity",
        "Both references strong",
        // The text of a private commitment.
        "what the reorg means for my team",
    ] {
        assert_eq!(where_found(built, needle), Vec::<String>::new(), "`{needle}` leaked");
    }
}

#[test]
fn private_session_keeps_its_date_and_goal_updates() {
    let built = example();
    let page = built.page("goals/group-lead.html");
    let rows = crate::goals::history_rows(page.root_element());
    let row = rows
        .iter()
        .find(|r| r.contains("28 May 2026"))
        .expect("the private session in the goal's history");
    assert!(row.contains("Private session"), "{row}");
    assert!(row.contains("10% → 15%"), "{row}");
    // The reference check it closed stays closed, and counts as done.
    let commitments = built.page("commitments.html");
    let item = one(
        commitments.root_element(),
        "section[aria-labelledby=s-done] li#c-reference-check",
    );
    assert!(text(item).contains("Private session"), "{}", text(item));
}

#[test]
fn include_private_shows_private_sessions_and_blocks() {
    let built = build(
        &example_dir(),
        &BuildOptions {
            include_private: true,
            ..BuildOptions::default()
        },
    );
    assert!(
        !where_found(&built, REORG_CANARY).is_empty(),
        "the private session is in the pair's own copy"
    );
    assert!(
        !where_found(&built, SALARY_CANARY).is_empty(),
        "the private block is in the pair's own copy"
    );
    assert!(built.has("sessions/2026-05-28-frank-talk.html"));
    assert!(
        where_found(&built, DRAFT_CANARY).is_empty(),
        "drafts still need --drafts"
    );
    let page = built.page("sessions/2026-05-28-frank-talk.html");
    assert_eq!(
        all(page.root_element(), "main h1 .badge-private").len(),
        1,
        "marked as private"
    );
    assert_eq!(
        all(page.root_element(), "main .notice").len(),
        1,
        "the site warns that it holds private notes"
    );
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    assert!(!example().has("sessions/2026-11-19-notes-on-feedback.html"));
    let built = build(
        &example_dir(),
        &BuildOptions {
            drafts: true,
            ..BuildOptions::default()
        },
    );
    assert!(!where_found(&built, DRAFT_CANARY).is_empty());
    let page = built.page("sessions/2026-11-19-notes-on-feedback.html");
    assert_eq!(
        all(page.root_element(), "main h1 .badge-draft").len(),
        1,
        "marked as a draft"
    );
    assert!(
        where_found(&built, REORG_CANARY).is_empty(),
        "drafts do not bring private text with them"
    );
}

#[test]
fn private_goal_or_commitment_is_left_out_entirely() {
    let fixture = Fixture::new(&[(
        "sessions/2026-11-01-intro.md",
        "---
date: 2026-11-01
goals:
  - id: public-goal
    title: A goal everyone may see
  - id: secret-goal
    title: Secret goal canary
    private: true
commitments:
  - id: secret-commitment
    who: mentee
    what: Secret commitment canary
    due: 2026-11-02
    private: true
---
Hi.
",
    )]);
    let built = fixture.build();
    assert_eq!(where_found(&built, "secret"), Vec::<String>::new());
    assert_eq!(where_found(&built, "Secret"), Vec::<String>::new());
    let page = built.page("commitments.html");
    // An overdue private commitment is not counted either.
    assert_eq!(text(one(page.root_element(), "main .lede strong")), "—");
    let everything = build(
        fixture.path(),
        &BuildOptions {
            include_private: true,
            ..BuildOptions::default()
        },
    );
    assert!(everything.has("goals/secret-goal.html"));
}

#[test]
fn private_markers_match_loosely_and_first_heading_skips_them() {
    let fixture = Fixture::new(&[(
        "sessions/2026-11-01-intro.md",
        "---\ndate: 2026-11-01\n---\n<!--Private-->\n# Hidden heading canary\n\nHidden body canary.\n<!-- /PRIVATE -->\n\n# Visible heading\n\nVisible.\n\n<!--   private   -->\nUnclosed canary.\n",
    )]);
    let built = fixture.build();
    assert_eq!(where_found(&built, "canary"), Vec::<String>::new());
    let page = built.page("sessions/2026-11-01-intro.html");
    assert_eq!(text(one(page.root_element(), "main h1")), "Visible heading");
    assert!(
        built
            .rendered_diags()
            .contains("warning: this private block is never closed"),
        "{}",
        built.rendered_diags()
    );
}

#[test]
fn errors_in_a_left_out_draft_are_only_warnings() {
    let fixture = Fixture::new(&[
        ("sessions/2026-11-01-intro.md", "---\ndate: 2026-11-01\n---\nHi.\n"),
        (
            "sessions/2026-11-08-draft.md",
            "---\ndate: 2026-11-08\ndraft: true\nduration: soon\n---\nWIP.\n",
        ),
    ]);
    let built = fixture.build();
    assert!(!built.has("sessions/2026-11-08-draft.html"));
    let note_warnings = built
        .diags
        .sorted()
        .iter()
        .filter(|d| d.severity == Severity::Warning && d.path.ends_with("sessions/2026-11-08-draft.md"))
        .count();
    assert_eq!(note_warnings, 1, "{}", built.rendered_diags());
    assert!(
        built.rendered_diags().contains("2026-11-08-draft.md:4:"),
        "{}",
        built.rendered_diags()
    );
    let (result, with_drafts) = try_build(
        fixture.path(),
        &BuildOptions {
            drafts: true,
            ..BuildOptions::default()
        },
    );
    assert!(result.is_err(), "with --drafts the draft's error stops the build");
    assert_eq!(
        with_drafts.count(Severity::Error),
        1,
        "{}",
        with_drafts.rendered_diags()
    );
}

#[test]
fn unknown_goal_in_a_left_out_draft_is_a_warning() {
    let fixture = Fixture::new(&[
        ("sessions/2026-11-01-intro.md", "---\ndate: 2026-11-01\n---\nHi.\n"),
        (
            "sessions/2026-11-08-draft.md",
            "---\ndate: 2026-11-08\ndraft: true\ngoals:\n  - id: nowhere\n    progress: 5\n---\nWIP.\n",
        ),
    ]);
    let built = fixture.build();
    assert!(!built.has("sessions/2026-11-08-draft.html"));
    let rendered = built.rendered_diags();
    assert!(
        rendered.contains("warning: unknown goal `nowhere`"),
        "no warning for the draft's error:\n{rendered}"
    );
    let (result, with_drafts) = try_build(
        fixture.path(),
        &BuildOptions {
            drafts: true,
            ..BuildOptions::default()
        },
    );
    assert!(result.is_err(), "with --drafts the draft's error stops the build");
    assert!(
        with_drafts.rendered_diags().contains("error: unknown goal `nowhere`"),
        "{}",
        with_drafts.rendered_diags()
    );
}

#[test]
fn private_session_is_not_listed_on_topic_pages() {
    let built = example();
    for (path, _) in built.files.iter().filter(|(p, _)| p.starts_with("topics/")) {
        let page = built.page(path);
        let dates: Vec<&str> = all(page.root_element(), "main .session-card time[datetime]")
            .into_iter()
            .filter_map(|t| t.attr("datetime"))
            .collect();
        assert!(!dates.contains(&"2026-05-28"), "{path} lists the private session");
    }
    let index = built.page("topics.html");
    assert!(
        !text(index.root_element()).contains("Private session"),
        "the topic index lists the private session"
    );
}

#[test]
fn topic_carried_only_by_a_private_session_has_no_page() {
    let fixture = Fixture::new(&[
        (
            "sessions/2026-11-01-public.md",
            "---\ndate: 2026-11-01\ntopics: [shared]\n---\nHi.\n",
        ),
        (
            "sessions/2026-11-08-private.md",
            "---\ndate: 2026-11-08\nprivate: true\ntopics: [shared, Reorg rumours]\n---\nHidden.\n",
        ),
    ]);
    let built = fixture.build();
    let topics: Vec<&String> = built.files.keys().filter(|p| p.starts_with("topics/")).collect();
    assert_eq!(topics, ["topics/shared.html"]);
    assert_eq!(where_found(&built, "eorg"), Vec::<String>::new());
    let page = built.page("topics/shared.html");
    assert_eq!(
        all(page.root_element(), "main .session-card").len(),
        1,
        "only the public session"
    );
}

#[test]
fn a_bare_wikilink_to_a_private_note_does_not_show_its_file_name() {
    let fixture = Fixture::new(&[
        (
            "sessions/2026-05-28-frank-talk.md",
            "---\ndate: 2026-05-28\nprivate: true\n---\nSecret.\n",
        ),
        (
            "sessions/2026-06-11-after.md",
            "---\ndate: 2026-06-11\n---\nSee [[2026-05-28-frank-talk]] and [[2026-05-28-frank-talk|last time]].\n",
        ),
    ]);
    let built = fixture.build();
    let page = built.page("sessions/2026-06-11-after.html");
    let note = crate::harness::text(crate::harness::one(page.root_element(), ".note"));
    assert_eq!(note, "See an unpublished note and last time.");
    assert!(
        built
            .files
            .values()
            .all(|b| !String::from_utf8_lossy(b).contains("frank-talk"))
    );
}

// ------------- Trust I: names of unpublished notes (issue 14, items 8 and 10)

/// A note naming a private note (`2026-01-08-frank-talk`) and a draft
/// (`drafts/2026-01-09-drafty-plan`) in every way a note can: a bare wikilink in its first
/// heading (so in its title, heading id, neighbours' labels, feed, search index and JSON),
/// another heading, links with and without anchors, labelled wikilinks, images, a
/// footnote, a private block, a raw-HTML (sanitised) part, and text that looks like the
/// old in-band placeholders.
const NAMING_NOTE: &str = "---\ndate: 2026-01-15\ntopics: [talks]\n---\n# About [[2026-01-08-frank-talk]] and [[drafts/2026-01-09-drafty-plan]]\n\nWe had [our talk](2026-01-08-frank-talk.md) and [the plan](drafts/2026-01-09-drafty-plan.md#next-steps).\nSee [x](2026-01-08-frank-talk.md#anchor), [[2026-01-08-frank-talk|that chat]], [[2026-01-09-drafty-plan#top]].\nmentorlog:x next to [[2026-01-08-frank-talk]] and \"mentorlog:note/0\" and [[sessions/2026-01-08-frank-talk]].\n![a picture](2026-01-08-frank-talk.md \"t\") ![plan pic](drafts/2026-01-09-drafty-plan.md)\n\n## More on [[2026-01-09-drafty-plan]]\n\nA footnote.[^1]\n\n[^1]: From [[2026-01-08-frank-talk]] and [notes](2026-01-08-frank-talk.md).\n\n<!-- private -->\nPrivately: [[2026-01-08-frank-talk]].\n<!-- /private -->\n\n<b>raw</b> and [[2026-01-08-frank-talk]], [talk](2026-01-08-frank-talk.md), ![p](2026-01-08-frank-talk.md).\n\n# Again [[2026-01-08-frank-talk]]\n";

/// Writes the journal of `NAMING_NOTE` into `dir`, with public neighbours before and after.
fn naming_journal(dir: &std::path::Path, yaml: &str) {
    let write = |rel: &str, text: &str| crate::harness::write_file(&dir.join(rel), text.as_bytes());
    write("journal.yaml", yaml);
    write(
        "sessions/2026-01-08-frank-talk.md",
        "---\ndate: 2026-01-08\ntitle: Frank secret title\nprivate: true\n---\n# Frank heading\n\nFrank secret body.\n",
    );
    write(
        "sessions/drafts/2026-01-09-drafty-plan.md",
        "---\ndate: 2026-01-09\ndraft: true\n---\n# Drafty heading\n\n## Next steps\n\nDrafty body.\n",
    );
    write(
        "sessions/2026-01-05-before.md",
        "---\ndate: 2026-01-05\ntitle: Before\n---\nEarlier.\n",
    );
    write("sessions/2026-01-15-about.md", NAMING_NOTE);
    write(
        "sessions/2026-01-22-after.md",
        "---\ndate: 2026-01-22\ntitle: After\n---\nLater.\n",
    );
}

/// Every output path and file (bytes, lower-cased) that holds `needle`.
fn files_holding(files: &std::collections::BTreeMap<String, Vec<u8>>, needle: &str) -> Vec<String> {
    let needle = needle.to_lowercase();
    files
        .iter()
        .filter(|(path, bytes)| {
            path.to_lowercase().contains(&needle) || String::from_utf8_lossy(bytes).to_lowercase().contains(&needle)
        })
        .map(|(path, _)| path.clone())
        .collect()
}

/// The private note's file name, stem, title, path and words; the draft's when it is left out.
/// (A private session keeps its date on the timeline, so the date alone is no leak.)
const FRANK: &[&str] = &["frank", "sessions/2026-01-08"];
const DRAFTY: &[&str] = &["drafty", "2026-01-09"];

#[test]
fn t14_names_of_unpublished_notes_reach_no_output_file() {
    let tmp = tempfile::tempdir().unwrap();
    naming_journal(
        tmp.path(),
        "title: Test journal\nmentor: Dana Levi\nmentee: Sam Ortiz\nbase_url: https://example.org/j/\n",
    );
    let public = build(tmp.path(), &BuildOptions::default());
    let with_drafts = build(
        tmp.path(),
        &BuildOptions {
            drafts: true,
            ..BuildOptions::default()
        },
    );
    for needle in FRANK.iter().chain(DRAFTY) {
        assert_eq!(
            files_holding(&public.files, needle),
            Vec::<String>::new(),
            "`{needle}` leaked"
        );
    }
    for needle in FRANK {
        assert_eq!(
            files_holding(&with_drafts.files, needle),
            Vec::<String>::new(),
            "`{needle}` leaked with --drafts"
        );
    }
    // What the user wrote stays, as plain text; derived text says "an unpublished note".
    let page = public.page("sessions/2026-01-15-about.html");
    let title = text(one(page.root_element(), "title"));
    assert!(
        title.starts_with("About an unpublished note and an unpublished note"),
        "{title}"
    );
    let h1 = one(page.root_element(), ".note h1");
    assert_eq!(
        h1.value().attr("id"),
        Some("about-an-unpublished-note-and-an-unpublished-note")
    );
    let note = text(one(page.root_element(), ".note"));
    for kept in [
        "We had our talk and the plan.",
        "that chat",
        "mentorlog:x next to an unpublished note and \"mentorlog:note/0\"",
        "a picture plan pic",
        "More on an unpublished note",
        "raw and an unpublished note, talk, p.",
    ] {
        assert!(note.contains(kept), "`{kept}` in: {note}");
    }
    assert!(
        all(page.root_element(), ".note a[href^='..'], .note img").is_empty(),
        "no links to unpublished notes"
    );
    // The neighbours' labels, the feed, the search index and the JSON use the same title.
    let before = public.text("sessions/2026-01-05-before.html");
    assert!(before.contains("About an unpublished note and an unpublished note"));
    for file in ["feed.xml", "search-index.js", "journal.json", "timeline.html"] {
        assert!(
            public
                .text(file)
                .contains("About an unpublished note and an unpublished note"),
            "{file}"
        );
    }
    // With --drafts the draft is published: its name and links show, the private note's do not.
    let page = with_drafts.page("sessions/2026-01-15-about.html");
    let title = text(one(page.root_element(), "title"));
    assert!(
        title.starts_with("About an unpublished note and drafts/2026-01-09-drafty-plan"),
        "{title}"
    );
    let h1 = one(page.root_element(), ".note h1");
    assert_eq!(
        h1.value().attr("id"),
        Some("about-an-unpublished-note-and-drafts2026-01-09-drafty-plan")
    );
    let hrefs: Vec<&str> = all(page.root_element(), ".note a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .filter(|h| h.starts_with(".."))
        .collect();
    let draft = "../sessions/drafts/2026-01-09-drafty-plan.html";
    assert_eq!(
        hrefs,
        [
            draft.to_string(),
            format!("{draft}#next-steps"),
            format!("{draft}#top"),
            draft.to_string()
        ]
    );
    let images: Vec<&str> = all(page.root_element(), ".note img")
        .iter()
        .filter_map(|i| i.value().attr("src"))
        .collect();
    assert_eq!(images, [draft]);
    // The check can fail: with --include-private every name is there.
    let everything = build(
        tmp.path(),
        &BuildOptions {
            drafts: true,
            include_private: true,
            ..BuildOptions::default()
        },
    );
    let page = everything.page("sessions/2026-01-15-about.html");
    let title = text(one(page.root_element(), "title"));
    assert!(
        title.starts_with("About 2026-01-08-frank-talk and drafts/2026-01-09-drafty-plan"),
        "{title}"
    );
    let ids: Vec<&str> = all(page.root_element(), ".note h1, .note h2")
        .iter()
        .filter_map(|h| h.value().attr("id"))
        .collect();
    assert_eq!(
        ids,
        [
            "about-2026-01-08-frank-talk-and-drafts2026-01-09-drafty-plan",
            "more-on-2026-01-09-drafty-plan",
            "again-2026-01-08-frank-talk"
        ]
    );
    let note = text(one(page.root_element(), ".note"));
    assert!(note.contains("Privately: 2026-01-08-frank-talk."), "{note}");
    for needle in FRANK.iter().chain(DRAFTY) {
        assert!(
            !files_holding(&everything.files, needle).is_empty(),
            "`{needle}` is in the fixture"
        );
    }
}

/// The same journal inside a program: no file of the program names the unpublished notes.
#[test]
fn t14_names_of_unpublished_notes_reach_no_file_of_a_program() {
    let tmp = tempfile::tempdir().unwrap();
    crate::harness::write_file(
        &tmp.path().join("program.yaml"),
        b"title: Cohort\nlead: Miriam Cohen\nbase_url: https://example.org/c/\n",
    );
    naming_journal(
        &tmp.path().join("pair"),
        "title: Pair\nmentor: Dana Levi\nmentee: Sam Ortiz\n",
    );
    for drafts in [false, true] {
        let site = mentorlog::site::Site::new();
        let mut diags = mentorlog::diag::Diagnostics::new();
        let options = BuildOptions {
            drafts,
            ..BuildOptions::default()
        };
        let build = Build::new(options, crate::harness::build_date());
        let report = Project::Program(tmp.path().to_path_buf()).build(&build, &site, &mut diags);
        assert!(report.is_ok(), "{:?}", diags.sorted());
        let files: std::collections::BTreeMap<String, Vec<u8>> = site
            .into_files()
            .into_iter()
            .map(|(p, b)| (p.as_str().to_string(), b))
            .collect();
        assert!(files.contains_key("pair/sessions/2026-01-15-about.html"));
        let needles = if drafts {
            FRANK.to_vec()
        } else {
            FRANK.iter().chain(DRAFTY).copied().collect()
        };
        for needle in needles {
            assert_eq!(
                files_holding(&files, needle),
                Vec::<String>::new(),
                "`{needle}` leaked (drafts: {drafts})"
            );
        }
        let program_search = String::from_utf8_lossy(&files["search-index.js"]).into_owned();
        assert!(program_search.contains("About an unpublished note"), "{program_search}");
    }
}
