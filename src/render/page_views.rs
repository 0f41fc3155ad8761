//! The pages of a journal, one view struct each: what every page shows, with links from
//! that page. `pages.rs` decides where they go and renders them; templates lay them out.

use std::collections::HashMap;

use serde::Serialize;
use tera::Error;

use crate::model::Journal;
use crate::model::agenda::agenda;
use crate::model::commitment::{CommitStatus, Who, follow_through};
use crate::model::goal::{GoalStatus, Horizon};
use crate::render::cards::Cards;
use crate::render::labels::{DateView, days_label, rate};
use crate::render::links::{Page, SEARCH_INDEX, SEARCH_SCRIPT, goal_path, session_path, topic_path};
use crate::render::theme::Theme;
use crate::render::views::{Base, CommitmentView, GoalView, PageCx, SessionCard, SessionRef};

/// One page of a journal's site.
#[derive(Debug, Clone, Copy)]
pub(crate) enum JournalPage {
    Home,
    Timeline,
    Goals,
    Commitments,
    Topics,
    NotFound,
    Search,
    Session(usize),
    Goal(usize),
    Topic(usize),
}

impl JournalPage {
    /// Its kind in the page table.
    pub(crate) fn kind(self) -> Page {
        match self {
            JournalPage::Home => Page::Home,
            JournalPage::Timeline => Page::Timeline,
            JournalPage::Goals => Page::Goals,
            JournalPage::Commitments => Page::Commitments,
            JournalPage::Topics => Page::Topics,
            JournalPage::NotFound => Page::NotFound,
            JournalPage::Search => Page::Search,
            JournalPage::Session(_) => Page::Session,
            JournalPage::Goal(_) => Page::Goal,
            JournalPage::Topic(_) => Page::Topic,
        }
    }

    /// Its site path.
    pub(crate) fn path(self, journal: &Journal) -> String {
        match self {
            JournalPage::Session(i) => session_path(journal.sessions[i].slug_path.as_deref().unwrap_or("")),
            JournalPage::Goal(i) => goal_path(&journal.goals[i].id),
            JournalPage::Topic(i) => topic_path(&journal.topics[i].slug),
            page => page.kind().file().to_string(),
        }
    }
}

/// The template context of `page`, with links from the page `cx` renders.
pub(crate) fn context(
    page: JournalPage,
    cx: &PageCx<'_>,
    theme: &Theme,
    cards: &Cards,
) -> Result<tera::Context, Error> {
    match page {
        JournalPage::Home => to_context(&home(cx, theme)),
        JournalPage::Timeline => timeline(cx, theme, cards).and_then(|view| to_context(&view)),
        JournalPage::Goals => to_context(&GoalsPage {
            base: cx.base("Goals", Page::Goals, &theme.css, false),
            groups: horizon_groups(cx),
        }),
        JournalPage::Commitments => to_context(&commitments(cx, theme)),
        JournalPage::Topics => topics(cx, theme).and_then(|view| to_context(&view)),
        JournalPage::Search => to_context(&SearchPage {
            base: cx.base("Search", Page::Search, &theme.css, false),
            index_href: cx.linker.to(SEARCH_INDEX),
            script_href: cx.linker.asset(SEARCH_SCRIPT),
            topics_href: cx.linker.page(Page::Topics),
        }),
        JournalPage::NotFound => to_context(&NotFoundPage {
            base: cx.base("Page not found", Page::NotFound, &theme.css, true),
        }),
        JournalPage::Session(i) => to_context(&session(cx, theme, i)),
        JournalPage::Goal(i) => {
            let goal = cx.goal(&cx.journal.goals[i]);
            to_context(&GoalPage {
                base: cx.base(&goal.title, Page::Goal, &theme.css, false),
                index_href: cx.linker.page(Page::Goals),
                goal,
            })
        }
        JournalPage::Topic(i) => {
            let topic = &cx.journal.topics[i];
            topic
                .sessions
                .iter()
                .rev()
                .map(|&s| cards.html(cx, theme, s))
                .collect::<Result<_, _>>()
                .and_then(|cards_html| {
                    to_context(&TopicPage {
                        base: cx.base(&format!("Topic: {}", topic.name), Page::Topic, &theme.css, false),
                        index_href: cx.linker.page(Page::Topics),
                        name: topic.name.clone(),
                        cards_html,
                    })
                })
        }
    }
}

fn to_context<T: Serialize>(view: &T) -> Result<tera::Context, Error> {
    tera::Context::from_serialize(view)
}

#[derive(Serialize)]
struct SearchPage {
    base: Base,
    index_href: String,
    script_href: String,
    topics_href: String,
}

#[derive(Serialize)]
struct NotFoundPage {
    base: Base,
}

#[derive(Serialize)]
struct GoalsPage {
    base: Base,
    groups: Vec<HorizonGroup>,
}

#[derive(Serialize)]
struct GoalPage {
    base: Base,
    index_href: String,
    goal: GoalView,
}

#[derive(Serialize)]
struct TopicPage {
    base: Base,
    index_href: String,
    name: String,
    /// Its sessions' cards, newest first.
    cards_html: Vec<String>,
}

#[derive(Serialize)]
struct Health {
    key: &'static str,
    label: &'static str,
}

#[derive(Serialize)]
struct HomePage {
    base: Base,
    started: Option<DateView>,
    cadence_days: u32,
    health: Health,
    days_since_last: Option<String>,
    sessions_held: usize,
    goals: Vec<GoalView>,
    overdue: Vec<CommitmentView>,
    open: Vec<CommitmentView>,
    follow_through: String,
    last_session: Option<SessionCard>,
    next_session: Option<SessionCard>,
    agenda_goals: Vec<GoalView>,
}

fn home(cx: &PageCx<'_>, theme: &Theme) -> HomePage {
    let j = cx.journal;
    let t = &j.timeline;
    let a = agenda(j);
    let open: Vec<CommitmentView> = a
        .open_commitments
        .iter()
        .map(|&i| cx.commitment(&j.commitments[i]))
        .collect();
    let (overdue, open): (Vec<_>, Vec<_>) = open.into_iter().partition(|c| c.overdue);
    HomePage {
        base: cx.base(&j.config.title, Page::Home, &theme.css, false),
        started: t.held.first().map(|&i| DateView::of(j.sessions[i].date)),
        cadence_days: j.cadence,
        health: Health {
            key: t.health.key(),
            label: t.health.label(),
        },
        days_since_last: t.days_since_last.map(days_label),
        sessions_held: t.held.len(),
        goals: j
            .goals
            .iter()
            .filter(|g| matches!(g.status, GoalStatus::Active | GoalStatus::Achieved))
            .map(|g| cx.goal(g))
            .collect(),
        overdue,
        open,
        follow_through: rate(follow_through(&j.commitments)),
        last_session: t.held.last().map(|&i| cx.short_card(i)),
        next_session: a.next_session.map(|i| cx.short_card(i)),
        agenda_goals: a.active_goals.iter().map(|&i| cx.goal(&j.goals[i])).collect(),
    }
}

#[derive(Serialize)]
struct TimelineItem {
    card_html: String,
    /// A long gap before this session (between it and the older one below it).
    gap_before: Option<String>,
}

#[derive(Serialize)]
struct Month {
    id: String,
    label: String,
    items: Vec<TimelineItem>,
}

#[derive(Serialize)]
struct TimelinePage {
    base: Base,
    /// Planned sessions' cards.
    upcoming_html: Vec<String>,
    months: Vec<Month>,
    sessions_held: usize,
    long_gaps: usize,
    cadence_days: u32,
}

fn timeline(cx: &PageCx<'_>, theme: &Theme, cards: &Cards) -> Result<TimelinePage, Error> {
    let j = cx.journal;
    let gaps: HashMap<usize, i64> = j.timeline.gaps.iter().map(|g| (g.before_session, g.days)).collect();
    let upcoming_html = (0..j.sessions.len())
        .filter(|&i| j.sessions[i].planned)
        .map(|i| cards.html(cx, theme, i))
        .collect::<Result<_, _>>()?;
    let mut months: Vec<Month> = Vec::new();
    for i in (0..j.sessions.len()).rev().filter(|&i| !j.sessions[i].planned) {
        let date = j.sessions[i].date;
        let id = date.format("%Y-%m").to_string();
        if months.last().is_none_or(|m| m.id != id) {
            months.push(Month {
                id: id.clone(),
                label: date.format("%B %Y").to_string(),
                items: Vec::new(),
            });
        }
        let item = TimelineItem {
            card_html: cards.html(cx, theme, i)?,
            gap_before: gaps.get(&i).map(|d| days_label(*d)),
        };
        if let Some(month) = months.last_mut() {
            month.items.push(item);
        }
    }
    Ok(TimelinePage {
        base: cx.base("Timeline", Page::Timeline, &theme.css, false),
        upcoming_html,
        months,
        sessions_held: j.timeline.held.len(),
        long_gaps: j.timeline.gaps.len(),
        cadence_days: j.cadence,
    })
}

#[derive(Serialize)]
struct SessionPage {
    base: Base,
    card: SessionCard,
    note_html: String,
    prev: Option<SessionRef>,
    next: Option<SessionRef>,
    gap_before: Option<String>,
}

fn session(cx: &PageCx<'_>, theme: &Theme, i: usize) -> SessionPage {
    let j = cx.journal;
    let s = &j.sessions[i];
    let with_page = |k: &usize| j.sessions[*k].slug_path.is_some();
    let prev = (0..i).rev().find(with_page).map(|k| cx.session_ref(k));
    let next = (i + 1..j.sessions.len()).find(with_page).map(|k| cx.session_ref(k));
    let card = cx.session_card(i);
    SessionPage {
        base: cx.base(&card.at.title, Page::Session, &theme.css, false),
        note_html: cx.note_html(s),
        card,
        prev,
        next,
        // Gaps are oldest first: found without a scan of every gap for every session.
        gap_before: j
            .timeline
            .gaps
            .binary_search_by_key(&i, |g| g.before_session)
            .ok()
            .and_then(|at| j.timeline.gaps.get(at))
            .map(|g| days_label(g.days)),
    }
}

#[derive(Serialize)]
struct WhoRow {
    who: &'static str,
    open: usize,
    overdue: usize,
    done: usize,
    dropped: usize,
    rate: String,
}

#[derive(Serialize)]
struct CommitSection {
    key: &'static str,
    label: &'static str,
    items: Vec<CommitmentView>,
}

#[derive(Serialize)]
struct CommitmentsPage {
    base: Base,
    follow_through: String,
    total: usize,
    by_who: Vec<WhoRow>,
    sections: Vec<CommitSection>,
}

fn commitments(cx: &PageCx<'_>, theme: &Theme) -> CommitmentsPage {
    let all = &cx.journal.commitments;
    let by_who = Who::ALL
        .iter()
        .map(|w| {
            let mine: Vec<_> = all.iter().filter(|c| c.who == *w).collect();
            let count = |f: &dyn Fn(&&crate::model::Commitment) -> bool| mine.iter().filter(|c| f(c)).count();
            WhoRow {
                who: w.key(),
                open: count(&|c| c.status == CommitStatus::Open && !c.overdue),
                overdue: count(&|c| c.overdue),
                done: count(&|c| c.status == CommitStatus::Done),
                dropped: count(&|c| c.status == CommitStatus::Dropped),
                rate: rate(follow_through(mine.iter().copied())),
            }
        })
        .collect();
    let section = |key, label, keep: &dyn Fn(&crate::model::Commitment) -> bool| CommitSection {
        key,
        label,
        items: all.iter().filter(|c| keep(c)).map(|c| cx.commitment(c)).collect(),
    };
    CommitmentsPage {
        base: cx.base("Commitments", Page::Commitments, &theme.css, false),
        follow_through: rate(follow_through(all)),
        total: all.len(),
        by_who,
        sections: vec![
            section("overdue", "Overdue", &|c| c.overdue),
            section("open", "Open", &|c| c.status == CommitStatus::Open && !c.overdue),
            section("done", "Done", &|c| c.status == CommitStatus::Done),
            section("dropped", "Dropped", &|c| c.status == CommitStatus::Dropped),
        ],
    }
}

#[derive(Serialize)]
struct TopicRow {
    name: String,
    href: String,
    count: usize,
    /// `SessionRef`s, each made once and shared by the rows of all its topics.
    sessions: Vec<tera::Value>,
}

#[derive(Serialize)]
struct TopicsPage {
    base: Base,
    topics: Vec<TopicRow>,
}

/// The topics index. A session is listed under each of its topics: its reference is
/// made into a Tera value once, and the rows share it (on a journal of 20,000 sessions,
/// 60,000 references as separate values were most of what this page held in memory).
fn topics(cx: &PageCx<'_>, theme: &Theme) -> Result<TopicsPage, Error> {
    let mut refs: Vec<Option<tera::Value>> = vec![None; cx.journal.sessions.len()];
    let mut session_ref = |i: usize| -> Result<tera::Value, Error> {
        if let Some(value) = &refs[i] {
            return Ok(value.clone());
        }
        let value = tera::Value::try_from_serializable(&cx.session_ref(i))?;
        refs[i] = Some(value.clone());
        Ok(value)
    };
    let mut rows = Vec::with_capacity(cx.journal.topics.len());
    for t in &cx.journal.topics {
        rows.push(TopicRow {
            name: t.name.clone(),
            href: cx.linker.to(&topic_path(&t.slug)),
            count: t.sessions.len(),
            sessions: t
                .sessions
                .iter()
                .rev()
                .map(|&i| session_ref(i))
                .collect::<Result<_, _>>()?,
        });
    }
    Ok(TopicsPage {
        base: cx.base("Topics", Page::Topics, &theme.css, false),
        topics: rows,
    })
}

/// Goals of one horizon.
#[derive(Debug, Clone, Serialize)]
struct HorizonGroup {
    /// Horizon key.
    key: &'static str,
    /// Heading.
    label: &'static str,
    /// Goals.
    goals: Vec<GoalView>,
}

/// Groups goals by horizon, in page order, leaving out empty horizons.
fn horizon_groups(cx: &PageCx<'_>) -> Vec<HorizonGroup> {
    Horizon::ALL
        .iter()
        .map(|h| HorizonGroup {
            key: h.key(),
            label: h.label(),
            goals: cx
                .journal
                .goals
                .iter()
                .filter(|g| g.horizon == *h)
                .map(|g| cx.goal(g))
                .collect(),
        })
        .filter(|g| !g.goals.is_empty())
        .collect()
}
