//! The output folder: byte-identical builds, a failed build that leaves the previous site
//! untouched, refusing folders mentorlog did not create or that hold the journal, and the
//! marker that lets a later build replace its own output.

use std::path::Path;

use mentorlog::BuildOptions;
use mentorlog::layout::OUTPUT_MARKER;

use crate::harness::{
    Fixture, INTRO_NOTE, all, build, build_cli, copy_example, example_dir, is_page, list_dir, mentorlog, read_tree,
    write_file,
};

#[test]
fn two_builds_of_the_example_are_byte_identical() {
    let a = tempfile::tempdir().expect("tmp");
    let b = tempfile::tempdir().expect("tmp");
    let journal = example_dir();
    for dir in [a.path(), b.path()] {
        let run = build_cli(dir, &journal, "site", &[]);
        assert_eq!(run.code, 0, "{run}");
    }
    let first = read_tree(&a.path().join("site"));
    let second = read_tree(&b.path().join("site"));
    assert!(first.len() > 30, "{:?}", first.keys());
    assert_eq!(first.keys().collect::<Vec<_>>(), second.keys().collect::<Vec<_>>());
    for (path, bytes) in &first {
        assert!(second[path] == *bytes, "`{path}` differs between two builds");
    }
}

#[test]
fn disk_output_has_the_same_bytes_as_the_in_memory_site() {
    let tmp = tempfile::tempdir().expect("tmp");
    let journal = example_dir();
    let run = build_cli(tmp.path(), &journal, "site", &[]);
    assert_eq!(run.code, 0, "{run}");
    let mut on_disk = read_tree(&tmp.path().join("site"));
    assert!(on_disk.remove(OUTPUT_MARKER).is_some(), "the output carries the marker");
    let in_memory = build(&journal, &BuildOptions::default());
    assert_eq!(
        on_disk.keys().collect::<Vec<_>>(),
        in_memory.files.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &in_memory.files {
        assert!(
            on_disk[path] == *bytes,
            "`{path}` on disk differs from the in-memory build"
        );
    }
    let again = build(&journal, &BuildOptions::default());
    assert!(again.files == in_memory.files, "two in-memory builds differ");
}

#[test]
fn failed_build_keeps_the_previous_site() {
    let fixture = Fixture::new(&[("sessions/2026-10-01-intro.md", INTRO_NOTE)]);
    let outside = tempfile::tempdir().expect("tmp");
    let out = outside.path().join("out");
    let run = mentorlog(
        outside.path(),
        [Path::new("build"), fixture.path(), Path::new("-o"), Path::new("out")],
    );
    assert_eq!(run.code, 0, "{run}");
    let before = read_tree(&out);
    assert!(before.contains_key("index.html"));

    // A new session (which would change the home page) that updates an unknown goal.
    fixture.write(
        "sessions/2026-10-15-broken.md",
        "---\ndate: 2026-10-15\ntitle: A newer session\ngoals:\n  - id: grup-lead\n    progress: 20\n---\nBody.\n",
    );
    let run = mentorlog(
        fixture.path(),
        [Path::new("build"), Path::new("."), Path::new("-o"), out.as_path()],
    );
    assert_eq!(run.code, 1, "{run}");
    let error = run
        .stderr
        .lines()
        .find(|l| l.contains("error: unknown goal `grup-lead`"));
    let error = error.unwrap_or_else(|| panic!("no diagnostic for the unknown goal: {run}"));
    assert!(
        error.starts_with("sessions/2026-10-15-broken.md:5:"),
        "names the file and line: {error}"
    );
    let after = read_tree(&out);
    assert!(
        after["index.html"] == before["index.html"],
        "index.html changed after a failed build"
    );
    assert!(after == before, "the previous site changed after a failed build");
    assert_eq!(
        list_dir(outside.path()),
        ["out"],
        "a failed build leaves nothing behind"
    );
    assert!(!list_dir(fixture.path()).contains(&"public".to_string()));
}

#[test]
fn refuses_an_output_folder_it_did_not_create() {
    let fixture = Fixture::new(&[("sessions/2026-10-01-intro.md", INTRO_NOTE)]);
    let outside = tempfile::tempdir().expect("tmp");
    let out = outside.path().join("precious");
    write_file(&out.join("keep.txt"), b"my own file");
    let run = build_cli(outside.path(), fixture.path(), "precious", &[]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("precious"), "the message names the folder: {run}");
    assert_eq!(list_dir(&out), ["keep.txt"]);
    assert_eq!(std::fs::read(out.join("keep.txt")).expect("keep.txt"), b"my own file");
    assert_eq!(
        list_dir(outside.path()),
        ["precious"],
        "nothing written next to it either"
    );
}

#[test]
fn refuses_the_journal_itself_its_parent_and_its_input_folders() {
    let fixture = Fixture::new(&[("sessions/2026-10-01-intro.md", INTRO_NOTE), ("static/a.txt", "a")]);
    let journal = fixture.path();
    let before = read_tree(journal);
    let parent = journal.parent().expect("a parent");
    for out in [
        journal.to_path_buf(),
        journal.join("."),
        journal.join("sessions"),
        journal.join("sessions/site"),
        journal.join("static/site"),
        journal.join("templates"),
        parent.to_path_buf(),
    ] {
        let run = mentorlog(
            journal,
            [Path::new("build"), Path::new("."), Path::new("-o"), out.as_path()],
        );
        assert_eq!(run.code, 1, "-o {}: {run}", out.display());
        assert!(run.stderr.contains("refusing"), "-o {}: {run}", out.display());
        assert!(read_tree(journal) == before, "-o {} changed the journal", out.display());
        assert_eq!(
            list_dir(journal),
            ["journal.yaml", "sessions", "static"],
            "-o {}",
            out.display()
        );
    }
}

#[test]
fn default_output_inside_the_journal_is_replaced_by_the_next_build() {
    let tmp = tempfile::tempdir().expect("tmp");
    let journal = tmp.path().join("journal");
    copy_example(&journal);
    let run = mentorlog(&journal, ["build"]);
    assert_eq!(run.code, 0, "{run}");
    let public = journal.join("public");
    assert!(public.join(OUTPUT_MARKER).is_file(), "the output carries the marker");
    assert!(public.join("index.html").is_file());
    assert!(public.join("sessions/2026-12-03-year-end-planning.html").is_file());

    // The next build replaces the folder whole: a page whose note is gone goes too.
    std::fs::remove_file(journal.join("sessions/2026-12-03-year-end-planning.md")).expect("remove");
    let run = mentorlog(tmp.path(), ["build", "journal"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(public.join(OUTPUT_MARKER).is_file());
    assert!(public.join("index.html").is_file());
    assert!(!public.join("sessions/2026-12-03-year-end-planning.html").exists());
    let names = list_dir(&journal);
    assert_eq!(
        names,
        ["journal.yaml", "public", "sessions", "static"],
        "no temporary folders left"
    );
}

#[test]
fn an_empty_existing_output_folder_is_used() {
    let fixture = Fixture::new(&[("sessions/2026-10-01-intro.md", INTRO_NOTE)]);
    let outside = tempfile::tempdir().expect("tmp");
    std::fs::create_dir(outside.path().join("empty")).expect("mkdir");
    let run = mentorlog(
        outside.path(),
        [Path::new("build"), fixture.path(), Path::new("-o"), Path::new("empty")],
    );
    assert_eq!(run.code, 0, "{run}");
    assert!(outside.path().join("empty/index.html").is_file());
}

#[test]
fn loader_skips_folders_that_hold_the_output_marker() {
    let fixture = Fixture::new(&[
        ("sessions/2026-10-01-intro.md", INTRO_NOTE),
        // An old build somewhere under sessions/ is never read as notes.
        ("sessions/old-site/.mentorlog-site", "marker"),
        ("sessions/old-site/2026-01-01-not-a-note.md", "---\ndate: never\n---\n"),
        // Hidden files and folders are skipped too.
        ("sessions/.trash/2026-01-02-deleted.md", "---\ndate: never\n---\n"),
    ]);
    let built = fixture.build();
    let sessions: Vec<&String> = built.files.keys().filter(|p| p.starts_with("sessions/")).collect();
    assert_eq!(sessions, ["sessions/2026-10-01-intro.html"]);
}

#[test]
fn output_does_not_depend_on_the_number_of_threads() {
    let tmp = tempfile::tempdir().expect("tmp");
    let journal = example_dir();
    for (jobs, out) in [("1", "one"), ("4", "four")] {
        let args = [
            Path::new("-j"),
            Path::new(jobs),
            Path::new("build"),
            journal.as_path(),
            Path::new("-o"),
            Path::new(out),
        ];
        let run = mentorlog(tmp.path(), args);
        assert_eq!(run.code, 0, "{run}");
    }
    let one = read_tree(&tmp.path().join("one"));
    let four = read_tree(&tmp.path().join("four"));
    assert!(one.len() > 30);
    assert!(one == four, "-j 1 and -j 4 wrote different sites");
}

#[test]
fn refuses_an_output_that_is_a_file() {
    let fixture = Fixture::new(&[("sessions/2026-10-01-intro.md", INTRO_NOTE)]);
    let outside = tempfile::tempdir().expect("tmp");
    write_file(&outside.path().join("site.txt"), b"not a folder");
    let run = build_cli(outside.path(), fixture.path(), "site.txt", &[]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("site.txt"), "{run}");
    assert_eq!(
        std::fs::read(outside.path().join("site.txt")).expect("read"),
        b"not a folder"
    );
    assert_eq!(list_dir(outside.path()), ["site.txt"]);
}

#[test]
fn pages_ask_not_to_be_indexed_by_default_and_carry_the_language() {
    let fixture = Fixture::new(&[("sessions/2026-10-01-intro.md", INTRO_NOTE)]);
    let built = fixture.build();
    for (path, _) in built.files.iter().filter(|(p, _)| is_page(p)) {
        let page = built.page(path);
        let robots = all(page.root_element(), "head meta[name=robots]");
        assert_eq!(robots.len(), 1, "{path}");
        assert_eq!(robots[0].attr("content"), Some("noindex"), "{path}");
        assert_eq!(page.root_element().attr("lang"), Some("en"), "{path}");
    }
    fixture.write(
        "journal.yaml",
        "title: T\nmentor: A\nmentee: B\nnoindex: false\nlanguage: de\n",
    );
    let built = fixture.build();
    let page = built.page("index.html");
    assert!(
        all(page.root_element(), "head meta[name=robots]").is_empty(),
        "noindex: false opts in"
    );
    assert_eq!(page.root_element().attr("lang"), Some("de"));
}

#[test]
fn a_journals_template_overrides_the_theme_file_by_file() {
    let fixture = Fixture::new(&[
        ("sessions/2026-10-01-intro.md", INTRO_NOTE),
        (
            "templates/404.html",
            "{% extends \"base.html\" %}{% block content %}<h1 class=\"ours\">Lost? {{ base.site_title }}</h1>{% endblock content %}",
        ),
    ]);
    let built = fixture.build();
    let page = built.page("404.html");
    assert_eq!(
        crate::harness::text(crate::harness::one(page.root_element(), "main h1.ours")),
        "Lost? Test journal"
    );
    // The other pages still use the default theme.
    let home = built.page("index.html");
    assert_eq!(all(home.root_element(), "dl.facts").len(), 1);
}

#[test]
fn broken_template_override_fails_the_build_and_keeps_the_previous_site() {
    let fixture = Fixture::new(&[("sessions/2026-10-01-intro.md", INTRO_NOTE)]);
    let outside = tempfile::tempdir().expect("tmp");
    let run = mentorlog(
        outside.path(),
        [Path::new("build"), fixture.path(), Path::new("-o"), Path::new("out")],
    );
    assert_eq!(run.code, 0, "{run}");
    let before = read_tree(&outside.path().join("out"));
    fixture.write(
        "templates/session.html",
        "{% extends \"base.html\" %}{% block content %}{% if %}{% endblock content %}",
    );
    let run = mentorlog(
        outside.path(),
        [Path::new("build"), fixture.path(), Path::new("-o"), Path::new("out")],
    );
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("session.html"), "names the template: {run}");
    assert!(
        read_tree(&outside.path().join("out")) == before,
        "the previous site changed"
    );
    assert_eq!(list_dir(outside.path()), ["out"]);
}

#[test]
fn an_overridden_session_card_is_used_wherever_cards_are_listed_with_links_for_each_page() {
    let fixture = Fixture::new(&[
        (
            "sessions/2026-10-01-intro.md",
            "---\ndate: 2026-10-01\ntitle: Intro\ntopics: [Delegation]\n---\nFirst talk.\n",
        ),
        (
            "sessions/2026-10-15-second.md",
            "---\ndate: 2026-10-15\ntitle: Second\ntopics: [Delegation]\n---\nSecond talk.\n",
        ),
        (
            "templates/partials/session_card.html",
            "<article class=\"ours\"><a class=\"s\" href=\"{{ card.at.href }}\">{{ card.at.title }}</a>{% for t in card.topics %}<a class=\"t\" href=\"{{ t.href }}\">{{ t.text }}</a>{% endfor %}</article>",
        ),
    ]);
    let built = fixture.build();
    // The same card is rendered for pages at the root and one folder down: each must link
    // correctly from where it is shown.
    for page_path in ["timeline.html", "topics/delegation.html"] {
        let page = built.page(page_path);
        let cards = all(page.root_element(), "article.ours");
        let titles: Vec<String> = cards
            .iter()
            .map(|c| crate::harness::text(crate::harness::one(*c, "a.s")))
            .collect();
        assert_eq!(titles, ["Second", "Intro"], "on {page_path}");
        for card in cards {
            let session = crate::harness::one(card, "a.s").attr("href").unwrap_or_default();
            let (target, _) = crate::harness::resolve_href(page_path, session);
            assert!(built.has(&target), "`{session}` on {page_path} leads nowhere");
            let topic = crate::harness::one(card, "a.t").attr("href").unwrap_or_default();
            let (target, _) = crate::harness::resolve_href(page_path, topic);
            assert_eq!(target, "topics/delegation.html", "on {page_path}");
        }
    }
    assert!(
        all(built.page("timeline.html").root_element(), "article.session-card").is_empty(),
        "the default card is replaced"
    );
}
