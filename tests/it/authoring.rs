//! `init` and `new`: the commands a pair lives in between sessions. Each writes notes that
//! build at once, never overwrites a file, and `new` carries exactly what is open.

use mentorlog::BuildOptions;
use mentorlog::model::commitment::CommitStatus;
use mentorlog::model::goal::GoalStatus;
use mentorlog::project::{Build, load_journal};

use crate::harness::{Built, Fixture, INTRO_NOTE, all, build_date, copy_example, mentorlog, one, text};

#[test]
fn init_then_build_gives_a_site_with_the_first_session() {
    let tmp = tempfile::tempdir().unwrap();
    let run = mentorlog(
        tmp.path(),
        [
            "init",
            "pair",
            "--mentor",
            "Dana Levi",
            "--mentee",
            "Sam Ortiz",
            "--date",
            "2026-11-20",
        ],
    );
    assert_eq!(run.code, 0, "{run}");
    let dir = tmp.path().join("pair");
    let journal = std::fs::read_to_string(dir.join("journal.yaml")).unwrap();
    assert!(journal.contains("mentor: \"Dana Levi\""), "{journal}");
    let note = std::fs::read_to_string(dir.join("sessions/2026-11-20-getting-to-know-each-other.md")).unwrap();
    assert!(note.contains("kind: intro"), "{note}");
    for horizon in ["horizon: career", "horizon: work", "horizon: day-to-day"] {
        assert!(note.contains(horizon), "the first note shows the {horizon} example");
    }
    let gitignore = std::fs::read_to_string(dir.join(".gitignore")).unwrap();
    assert!(gitignore.lines().any(|l| l == "public/"), "{gitignore}");

    let built = mentorlog(tmp.path(), ["build", "pair"]);
    assert_eq!(built.code, 0, "{built}");
    let page = std::fs::read_to_string(dir.join("public/sessions/2026-11-20-getting-to-know-each-other.html")).unwrap();
    let page = scraper::Html::parse_document(&page);
    assert_eq!(text(one(page.root_element(), "main h1")), "Getting to know each other");
}

#[test]
fn init_without_names_off_a_terminal_writes_placeholders_and_says_what_to_edit() {
    let tmp = tempfile::tempdir().unwrap();
    let run = mentorlog(tmp.path(), ["init"]);
    assert_eq!(run.code, 0, "{run}");
    let journal = std::fs::read_to_string(tmp.path().join("journal.yaml")).unwrap();
    assert!(
        journal.contains("Mentor Name") && journal.contains("Mentee Name"),
        "{journal}"
    );
    assert!(run.stdout.contains("edit journal.yaml"), "{run}");
    assert_eq!(mentorlog(tmp.path(), ["build"]).code, 0);
}

#[test]
fn init_never_overwrites_and_leaves_an_existing_gitignore_alone() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join(".gitignore"), "target/\n").unwrap();
    let first = mentorlog(tmp.path(), ["init", "--mentor", "A", "--mentee", "B"]);
    assert_eq!(first.code, 0, "{first}");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join(".gitignore")).unwrap(),
        "target/\n"
    );
    assert!(first.stderr.contains("`public/`"), "says which line to add:\n{first}");

    std::fs::write(tmp.path().join("journal.yaml"), "title: Ours\nmentor: A\nmentee: B\n").unwrap();
    let again = mentorlog(tmp.path(), ["init", "--mentor", "C", "--mentee", "D"]);
    assert_eq!(again.code, 1, "{again}");
    assert!(again.stderr.contains("journal.yaml` already exists"), "{again}");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("journal.yaml")).unwrap(),
        "title: Ours\nmentor: A\nmentee: B\n"
    );
}

/// The ids `new` wrote as commented entries under `section:` in its front matter.
fn commented_ids(note: &str, section: &str) -> Vec<String> {
    let front = note.split("\n---\n").next().unwrap();
    let mut inside = false;
    let mut ids = Vec::new();
    for line in front.lines() {
        if !line.starts_with('#') && !line.starts_with(' ') && line.contains(':') {
            inside = line.starts_with(&format!("{section}:"));
            continue;
        }
        if let Some(rest) = line.strip_prefix("#  - id: ").filter(|_| inside) {
            ids.push(rest.split_whitespace().next().unwrap().to_string());
        }
    }
    ids.sort();
    ids
}

#[test]
fn new_after_the_example_carries_exactly_the_open_commitments_and_active_goals() {
    let tmp = tempfile::tempdir().unwrap();
    copy_example(tmp.path());
    let options = BuildOptions {
        include_private: true,
        ..BuildOptions::default()
    };
    let mut diags = mentorlog::diag::Diagnostics::new();
    let journal = load_journal(tmp.path(), &Build::new(options, build_date()), &mut diags).unwrap();
    let mut open: Vec<String> = journal
        .commitments
        .iter()
        .filter(|c| c.status == CommitStatus::Open)
        .map(|c| c.id.clone())
        .collect();
    open.sort();
    let mut active: Vec<String> = journal
        .goals
        .iter()
        .filter(|g| g.status == GoalStatus::Active)
        .map(|g| g.id.clone())
        .collect();
    active.sort();
    assert!(
        open.len() >= 2 && active.len() >= 2,
        "the example has open items to carry"
    );

    let run = mentorlog(tmp.path(), ["new", "--title", "Year-end check-in"]);
    assert_eq!(run.code, 0, "{run}");
    let path = tmp.path().join("sessions/2026-11-25-year-end-check-in.md");
    assert!(
        run.stdout.contains("sessions/2026-11-25-year-end-check-in.md"),
        "prints the path:\n{run}"
    );
    let note = std::fs::read_to_string(&path).unwrap();
    assert_eq!(commented_ids(&note, "commitments"), open, "{note}");
    assert_eq!(commented_ids(&note, "goals"), active, "{note}");
    assert!(note.contains("OVERDUE"), "the overdue commitment is marked:\n{note}");

    // It builds at once, and nothing counts as touched: the overdue commitment stays overdue.
    let built = mentorlog(tmp.path(), ["build", "-q"]);
    assert_eq!(built.code, 0, "{built}");
    let page = std::fs::read_to_string(tmp.path().join("public/commitments.html")).unwrap();
    let page = scraper::Html::parse_document(&page);
    one(
        page.root_element(),
        "#s-overdue ~ ul li#c-meetup-intro, section.section-overdue li#c-meetup-intro",
    );
}

#[test]
fn new_without_a_title_is_session_n_and_never_overwrites() {
    let tmp = tempfile::tempdir().unwrap();
    copy_example(tmp.path());
    let mut diags = mentorlog::diag::Diagnostics::new();
    let build = Build::new(BuildOptions::default(), build_date());
    let journal = load_journal(tmp.path(), &build, &mut diags).unwrap();
    let n = journal.sessions.len() + 1;
    let first = mentorlog(tmp.path(), ["new", "--date", "2026-11-26"]);
    assert_eq!(first.code, 0, "{first}");
    let path = tmp.path().join(format!("sessions/2026-11-26-session-{n}.md"));
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains(&format!("title: \"Session {n}\"")), "{written}");

    std::fs::write(&path, "my notes\n").unwrap();
    let again = mentorlog(
        tmp.path(),
        ["new", "--date", "2026-11-26", "--title", &format!("Session {n}")],
    );
    assert_eq!(again.code, 1, "{again}");
    assert!(again.stderr.contains("already exists"), "{again}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my notes\n");
}

#[test]
fn new_prefills_open_items_as_comments_that_touch_nothing() {
    let fixture = Fixture::new(&[
        ("sessions/2026-10-01-intro.md", INTRO_NOTE),
        ("sessions/2026-10-15-second.md", "---\ndate: 2026-10-15\n---\nTalked.\n"),
        (
            "sessions/2026-10-29-draft.md",
            "---\ndate: 2026-10-29\ndraft: true\n---\nWIP.\n",
        ),
    ]);
    let touched = |built: &Built| {
        let page = built.page("goals.html");
        all(page.root_element(), "article.goal#group-lead details.touched li").len()
    };
    assert_eq!(touched(&fixture.build()), 1);
    let run = mentorlog(fixture.path(), ["new", "--date", "2026-11-20"]);
    assert_eq!(run.code, 0, "{run}");
    let note_path = fixture.path().join("sessions/2026-11-20-session-3.md");
    let note = std::fs::read_to_string(&note_path).unwrap_or_else(|e| panic!("{e}: {run}"));
    assert!(
        note.contains("title: \"Session 3\"") || note.contains("title: Session 3"),
        "{note}"
    );
    for id in ["group-lead", "send-template", "book-room"] {
        let line = note.lines().find(|l| l.contains(&format!("id: {id}")));
        let line = line.unwrap_or_else(|| panic!("`{id}` is not pre-filled:\n{note}"));
        assert!(line.trim_start().starts_with('#'), "`{id}` must be a comment: {line}");
    }
    // The new note counts as a session, but touches no goal and closes no commitment.
    let built = fixture.build();
    assert!(built.has("sessions/2026-11-20-session-3.html"));
    assert_eq!(touched(&built), 1, "the commented goal entry touched the goal");
    let commitments = built.page("commitments.html");
    let overdue: Vec<String> = all(commitments.root_element(), "section[aria-labelledby=s-overdue] li")
        .iter()
        .filter_map(|li| li.attr("id").map(str::to_string))
        .collect();
    assert_eq!(overdue, ["c-send-template"]);
}
