//! The goals page: goals grouped by horizon, each with its latest progress, status,
//! chart and steps; day-to-day goals without a bar; progress rules from the sessions.

use mentorlog::diag::Severity;
use scraper::ElementRef;

use crate::harness::{Fixture, all, example, one, text};

/// The `aria-valuenow` of a goal card's progress bar, if it has one.
fn progress_of(card: ElementRef<'_>) -> Option<u8> {
    all(card, ".progress-bar[aria-valuenow]").first().map(|bar| {
        let value = bar.attr("aria-valuenow").unwrap_or_default();
        value
            .parse()
            .unwrap_or_else(|_| panic!("aria-valuenow `{value}` is not a number"))
    })
}

/// The rows of a goal page's history, as text.
pub(crate) fn history_rows(root: ElementRef<'_>) -> Vec<String> {
    all(root, "main .history > li, main table.history tbody > tr")
        .into_iter()
        .map(text)
        .collect()
}

#[test]
fn goals_page_shows_each_goals_latest_progress() {
    let page = example().page("goals.html");
    let root = page.root_element();
    for (id, expected) in [("group-lead", 85), ("discovery", 100), ("sales-update", 30)] {
        let card = one(root, &format!("article.goal#{id}"));
        assert_eq!(progress_of(card), Some(expected), "progress of `{id}`");
        let shown = text(one(card, ".progress-value"));
        assert_eq!(shown, format!("{expected}%"), "the number next to the bar of `{id}`");
    }
}

#[test]
fn goals_are_grouped_under_their_horizon() {
    let page = example().page("goals.html");
    let groups: Vec<(String, Vec<String>)> = all(page.root_element(), "section.horizon")
        .into_iter()
        .map(|section| {
            let heading = one(section, "h2");
            let id = heading.attr("id").unwrap_or_default().to_string();
            let goals = all(section, "article.goal")
                .iter()
                .map(|g| g.attr("id").unwrap_or_default().to_string())
                .collect();
            (id, goals)
        })
        .collect();
    let expected = vec![
        ("h-career".to_string(), vec!["group-lead".to_string()]),
        (
            "h-work".to_string(),
            vec!["discovery".to_string(), "sales-update".to_string()],
        ),
        ("h-day-to-day".to_string(), vec!["current-challenges".to_string()]),
    ];
    assert_eq!(groups, expected);
    let labels: Vec<String> = all(page.root_element(), "section.horizon > h2")
        .into_iter()
        .map(text)
        .collect();
    assert_eq!(labels, ["Career", "Work", "Day to day"]);
}

#[test]
fn day_to_day_goal_without_steps_or_progress_is_ongoing_with_no_bar() {
    let page = example().page("goals.html");
    let card = one(page.root_element(), "article.goal#current-challenges");
    assert_eq!(progress_of(card), None, "an ongoing goal has no progress bar");
    assert!(all(card, "svg.chart").is_empty(), "an ongoing goal has no chart");
    let ongoing = text(one(card, ".ongoing"));
    assert!(ongoing.starts_with("Ongoing"), "{ongoing}");
    // It was touched by the intro and six later public or private sessions.
    let touched = all(card, "details.touched li").len();
    assert!(touched >= 7, "sessions that touched it: {touched}");
}

#[test]
fn achieved_goal_shows_status_achieved_at_full_progress() {
    let page = example().page("goals.html");
    let card = one(page.root_element(), "article.goal#discovery");
    assert!(
        card.value().classes().any(|c| c == "status-achieved"),
        "{:?}",
        card.value().attr("class")
    );
    assert_eq!(text(one(card, ".goal-meta .status")), "achieved");
    assert_eq!(progress_of(card), Some(100));
    let paused = one(page.root_element(), "article.goal#sales-update");
    assert_eq!(text(one(paused, ".goal-meta .status")), "paused");
}

#[test]
fn each_measured_goal_has_an_inline_chart_with_a_title() {
    let page = example().page("goals.html");
    for id in ["group-lead", "discovery", "sales-update"] {
        let card = one(page.root_element(), &format!("article.goal#{id}"));
        let chart = one(card, "svg.chart");
        let title = text(one(chart, "title"));
        let goal_title = text(one(card, "h3"));
        assert!(
            title.contains(&goal_title),
            "chart title `{title}` should name `{goal_title}`"
        );
        assert!(!all(chart, "circle").is_empty(), "the chart of `{id}` draws its points");
    }
}

#[test]
fn goal_steps_checklist_marks_done_steps() {
    let page = example().page("goals.html");
    let card = one(page.root_element(), "article.goal#group-lead");
    let done: Vec<String> = all(card, "ul.steps li.done").into_iter().map(text).collect();
    let todo: Vec<String> = all(card, "ul.steps li.todo").into_iter().map(text).collect();
    assert_eq!(done.len(), 4, "{done:?}");
    assert_eq!(todo.len(), 1, "{todo:?}");
    assert!(todo[0].contains("Coach a junior PM"), "{todo:?}");
}

const DECLARE_STEPS: &str = "---
date: 2026-01-08
title: Intro
goals:
  - id: lead
    title: Lead a group
    horizon: career
    steps: [One, Two, Three, Four, Five, Six, Seven, Eight]
  - id: talk
    title: Give a talk
    progress: 40
    steps: [Pick a topic, Submit the abstract]
---
Hello.
";

#[test]
fn progress_follows_steps_done_rounded_half_up_and_never_lowers() {
    let fixture = Fixture::new(&[
        ("sessions/2026-01-08-intro.md", DECLARE_STEPS),
        (
            "sessions/2026-01-22-second.md",
            "---\ndate: 2026-01-22\ngoals:\n  - id: lead\n    done: [One]\n  - id: talk\n    done: [Pick a topic]\n---\nBody.\n",
        ),
    ]);
    let built = fixture.build();
    let page = built.page("goals.html");
    // 1 of 8 steps is 12.5%, rounded half up.
    assert_eq!(progress_of(one(page.root_element(), "article.goal#lead")), Some(13));
    // 1 of 2 steps is 50%, more than the stated 40%.
    assert_eq!(progress_of(one(page.root_element(), "article.goal#talk")), Some(50));

    fixture.write(
        "sessions/2026-02-05-third.md",
        "---\ndate: 2026-02-05\ngoals:\n  - id: talk\n    progress: 45\n---\nBody.\n",
    );
    fixture.write(
        "sessions/2026-02-19-fourth.md",
        "---\ndate: 2026-02-19\ngoals:\n  - id: lead\n    done: [Two]\n    progress: 20\n---\nBody.\n",
    );
    let built = fixture.build();
    let page = built.page("goals.html");
    // A stated progress wins over the share of steps, even when lower.
    assert_eq!(progress_of(one(page.root_element(), "article.goal#talk")), Some(45));
    assert_eq!(progress_of(one(page.root_element(), "article.goal#lead")), Some(20));
}

#[test]
fn achieved_means_full_progress_unless_stated() {
    let fixture = Fixture::new(&[
        ("sessions/2026-01-08-intro.md", DECLARE_STEPS),
        (
            "sessions/2026-01-22-done.md",
            "---\ndate: 2026-01-22\ngoals:\n  - id: lead\n    status: achieved\n  - id: talk\n    status: achieved\n    progress: 90\n---\nBody.\n",
        ),
    ]);
    let built = fixture.build();
    let page = built.page("goals.html");
    assert_eq!(progress_of(one(page.root_element(), "article.goal#lead")), Some(100));
    assert_eq!(progress_of(one(page.root_element(), "article.goal#talk")), Some(90));
}

#[test]
fn goal_untouched_in_last_three_sessions_is_flagged_stale() {
    let session = |date: &str| format!("---\ndate: {date}\n---\nWe talked.\n");
    let fixture = Fixture::new(&[
        ("sessions/2026-01-08-intro.md", DECLARE_STEPS),
        ("sessions/2026-01-22-a.md", &session("2026-01-22")),
        ("sessions/2026-02-05-b.md", &session("2026-02-05")),
        (
            "sessions/2026-02-19-c.md",
            "---\ndate: 2026-02-19\ngoals:\n  - id: talk\n    progress: 60\n---\nBody.\n",
        ),
    ]);
    let built = fixture.build();
    let page = built.page("goals.html");
    let lead = one(page.root_element(), "article.goal#lead");
    let talk = one(page.root_element(), "article.goal#talk");
    assert_eq!(
        all(lead, ".badge-stale").len(),
        1,
        "`lead` was not touched in the last 3 sessions"
    );
    assert!(
        all(talk, ".badge-stale").is_empty(),
        "`talk` was touched in the last session"
    );
    assert!(
        built
            .rendered_diags()
            .contains("goal `lead` has not been touched in the last 3 sessions"),
        "{}",
        built.rendered_diags()
    );
    assert_eq!(built.count(Severity::Error), 0);
}

#[test]
fn planned_session_moves_no_goal_before_its_date() {
    let fixture = Fixture::new(&[
        ("sessions/2026-01-08-intro.md", DECLARE_STEPS),
        (
            "sessions/2026-12-10-planned.md",
            "---\ndate: 2026-12-10\ngoals:\n  - id: talk\n    progress: 95\n---\nAgenda.\n",
        ),
    ]);
    let built = fixture.build();
    let page = built.page("goals.html");
    assert_eq!(progress_of(one(page.root_element(), "article.goal#talk")), Some(40));
}

#[test]
fn goal_page_keeps_the_history_of_progress_and_titles() {
    let fixture = Fixture::new(&[
        ("sessions/2026-01-08-intro.md", DECLARE_STEPS),
        (
            "sessions/2026-01-22-second.md",
            "---\ndate: 2026-01-22\ngoals:\n  - id: talk\n    title: Give a conference talk\n    progress: 70\n    note: Abstract accepted\n---\nBody.\n",
        ),
    ]);
    let built = fixture.build();
    let page = built.page("goals/talk.html");
    let root = page.root_element();
    assert_eq!(text(one(root, "main h1")), "Give a conference talk");
    let rows = history_rows(root);
    assert_eq!(rows.len(), 2, "{rows:?}");
    let row = |change: &str| {
        rows.iter()
            .find(|r| r.contains(change))
            .unwrap_or_else(|| panic!("no `{change}` in {rows:?}"))
    };
    assert!(row("0% → 40%").contains("Intro"), "{rows:?}");
    assert!(
        row("0% → 40%").contains("“Give a talk”"),
        "the old title is kept: {rows:?}"
    );
    assert!(row("40% → 70%").contains("Second"), "{rows:?}");
    assert!(row("40% → 70%").contains("Abstract accepted"), "{rows:?}");
}

#[test]
fn marking_an_unknown_step_done_is_an_error_with_a_suggestion() {
    let fixture = Fixture::new(&[
        ("sessions/2026-01-08-intro.md", DECLARE_STEPS),
        (
            "sessions/2026-01-22-second.md",
            "---\ndate: 2026-01-22\ngoals:\n  - id: talk\n    done: [Submit the abstrakt]\n---\nBody.\n",
        ),
    ]);
    let (result, built) = crate::harness::try_build(fixture.path(), &mentorlog::BuildOptions::default());
    assert!(result.is_err(), "the build stops");
    let rendered = built.rendered_diags();
    assert!(rendered.contains("2026-01-22-second.md:5:"), "{rendered}");
    assert!(
        rendered.contains("error: goal `talk` has no step `Submit the abstrakt`"),
        "{rendered}"
    );
    assert!(
        rendered.contains("help: did you mean `Submit the abstract`?"),
        "{rendered}"
    );
    assert!(built.files.is_empty(), "nothing is rendered");
}
