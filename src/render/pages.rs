//! The page list: which file is rendered with which template from which view. Pages are
//! rendered in parallel and streamed to the sink; URLs come from `links.rs` only.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::Journal;
use crate::model::agenda::agenda;
use crate::model::commitment::{CommitStatus, Who, follow_through};
use crate::model::goal::GoalStatus;
use crate::render::RenderOptions;
use crate::render::cards::Cards;
use crate::render::feeds;
use crate::render::labels::{DateView, days_label, rate};
use crate::render::links::{Linker, encode_path, goal_path, session_path, static_path, topic_path};
use crate::render::theme::{Theme, chain};
use crate::render::views::{
    Base, CommitmentView, GoalView, HorizonGroup, PageCx, SessionCard, SessionRef, horizon_groups,
};
use crate::site::{Sink, SitePath};

/// One page of the site.
#[derive(Debug, Clone, Copy)]
enum Page {
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

impl Page {
    fn path(self, journal: &Journal) -> String {
        match self {
            Page::Home => "index.html".into(),
            Page::Timeline => "timeline.html".into(),
            Page::Goals => "goals.html".into(),
            Page::Commitments => "commitments.html".into(),
            Page::Topics => "topics.html".into(),
            Page::NotFound => "404.html".into(),
            Page::Search => "search.html".into(),
            Page::Session(i) => session_path(journal.sessions[i].slug_path.as_deref().unwrap_or("")),
            Page::Goal(i) => goal_path(&journal.goals[i].id),
            Page::Topic(i) => topic_path(&journal.topics[i].slug),
        }
    }

    fn template(self) -> &'static str {
        match self {
            Page::Home => "index.html",
            Page::Timeline => "timeline.html",
            Page::Goals => "goals.html",
            Page::Commitments => "commitments.html",
            Page::Topics => "topics.html",
            Page::NotFound => "404.html",
            Page::Search => "search.html",
            Page::Session(_) => "session.html",
            Page::Goal(_) => "goal.html",
            Page::Topic(_) => "topic.html",
        }
    }
}

/// Renders every page, asset and static file into `sink`.
pub(crate) fn render_all(journal: &Journal, theme: &Theme, options: &RenderOptions, sink: &impl Sink) -> Result<usize> {
    let mut pages = vec![
        Page::Home,
        Page::Timeline,
        Page::Goals,
        Page::Commitments,
        Page::Topics,
        Page::NotFound,
        Page::Search,
    ];
    pages.extend(
        (0..journal.sessions.len())
            .filter(|&i| journal.sessions[i].slug_path.is_some())
            .map(Page::Session),
    );
    pages.extend((0..journal.goals.len()).map(Page::Goal));
    pages.extend((0..journal.topics.len()).map(Page::Topic));
    let note_pages: HashMap<usize, String> = journal
        .sessions
        .iter()
        .filter_map(|s| s.slug_path.as_ref().map(|p| (s.note_index, session_path(p))))
        .collect();
    let statics: Vec<String> = journal.statics.iter().map(|f| f.rel.clone()).collect();
    let base_url = options.base_url.clone().or_else(|| journal.config.base_url.clone());
    let program = options.program.as_deref();
    if program.is_some() {
        pages.retain(|p| !matches!(p, Page::NotFound));
    }
    let cards = Cards::new(journal.sessions.len());
    // The feed, search index and JSON do not depend on the pages: make them meanwhile.
    let (rendered, published) = rayon::join(
        || {
            pages.par_iter().try_for_each(|&page| {
                let path = checked(page.path(journal))?;
                let linker = match page {
                    Page::NotFound => Linker::rooted(base_url.as_deref()),
                    _ if program.is_some() => Linker::relative(&path).in_program(),
                    _ => Linker::relative(&path),
                };
                let cx = PageCx {
                    journal,
                    linker,
                    note_pages: &note_pages,
                    statics: &statics,
                    program,
                };
                let html = render_page(page, &cx, theme, &cards, &path)?;
                sink.put(path, html.into_bytes())
            })
        },
        || {
            let cx = Publishing {
                journal,
                pages: &pages,
                base_url: base_url.as_deref(),
                note_pages: &note_pages,
                statics: &statics,
                in_program: program.is_some(),
            };
            publish(&cx, sink)
        },
    );
    rendered?;
    let published = published?;
    if program.is_none() {
        write_assets(theme, sink)?;
    }
    journal
        .statics
        .par_iter()
        .try_for_each(|f| sink.put(checked(static_path(&f.rel))?, f.bytes.clone()))?;
    let assets = if program.is_none() { theme.assets.len() } else { 0 };
    Ok(pages.len() + assets + journal.statics.len() + published)
}

/// The theme's CSS, icon and search script, under `assets/`.
pub(crate) fn write_assets(theme: &Theme, sink: &impl Sink) -> Result<()> {
    for (name, bytes) in &theme.assets {
        sink.put(checked(format!("assets/{name}"))?, bytes.clone())?;
    }
    Ok(())
}

/// What the publishing outputs are made from.
struct Publishing<'a> {
    journal: &'a Journal,
    pages: &'a [Page],
    base_url: Option<&'a str>,
    note_pages: &'a HashMap<usize, String>,
    statics: &'a [String],
    /// robots.txt is the program's then, not the journal's.
    in_program: bool,
}

/// Writes feed.xml, robots.txt, search-index.js, journal.json, and sitemap.xml with a base
/// URL; returns how many. Each goes to the sink as soon as it is made: a big journal's
/// search index is as large as all its notes, and is not kept while the pages render.
fn publish(p: &Publishing<'_>, sink: &impl Sink) -> Result<usize> {
    let Publishing {
        journal,
        pages,
        base_url,
        note_pages,
        statics,
        in_program,
    } = *p;
    let written = std::cell::Cell::new(0);
    let put = |path: &str, text: String| {
        written.set(written.get() + 1);
        sink.put(checked(path.to_string())?, text.into_bytes())
    };
    let base = base_url.map(feeds::with_slash);
    let feed_linker = match &base {
        Some(b) => Linker::rooted(Some(b)),
        None => Linker::at_root(),
    };
    let cx = PageCx {
        journal,
        linker: feed_linker,
        note_pages,
        statics,
        program: None,
    };
    let prefix = base.clone().unwrap_or_default();
    let entries = feeds::journal_entries(journal, &prefix, &|s| cx.note_html(s));
    let config = &journal.config;
    let author = format!("{} & {}", config.mentor, config.mentee);
    let (self_href, home_href) = match &base {
        Some(b) => (format!("{b}feed.xml"), b.clone()),
        None => ("feed.xml".to_string(), "index.html".to_string()),
    };
    put(
        "feed.xml",
        feeds::atom(&config.title, &author, &self_href, &home_href, &entries),
    )?;
    drop(entries);
    if !in_program {
        put(
            "robots.txt",
            feeds::robots(base.as_ref().map(|b| format!("{b}sitemap.xml")).as_deref()),
        )?;
    }
    written.set(written.get() + 1);
    sink.put_streamed(checked("search-index.js".to_string())?, &mut |out| {
        feeds::write_journal_search_index(journal, out)
    })?;
    put("journal.json", feeds::journal_json(journal))?;
    if let Some(b) = &base {
        let urls: Vec<String> = pages
            .iter()
            .filter(|p| !matches!(p, Page::NotFound))
            .map(|p| format!("{b}{}", encode_path(&p.path(journal))))
            .collect();
        put("sitemap.xml", feeds::sitemap(&urls))?;
    }
    Ok(written.get())
}

pub(crate) fn checked(path: String) -> Result<SitePath> {
    SitePath::new(path.clone()).ok_or(Error::UnsafeOutputPath(path))
}

fn render_page(page: Page, cx: &PageCx<'_>, theme: &Theme, cards: &Cards, path: &SitePath) -> Result<String> {
    let template = page.template();
    let context = match page {
        Page::Home => to_context(&home(cx, theme)),
        Page::Timeline => timeline(cx, theme, cards).and_then(|view| to_context(&view)),
        Page::Goals => to_context(&GoalsPage {
            base: cx.base("Goals", "goals.html", &theme.css, false),
            groups: horizon_groups(cx),
        }),
        Page::Commitments => to_context(&commitments(cx, theme)),
        Page::Topics => topics(cx, theme).and_then(|view| to_context(&view)),
        Page::Search => to_context(&SearchPage {
            base: cx.base("Search", "search.html", &theme.css, false),
            index_href: cx.linker.to("search-index.js"),
            script_href: cx.linker.outer("assets/search.js"),
            topics_href: cx.linker.to("topics.html"),
        }),
        Page::NotFound => to_context(&NotFoundPage {
            base: cx.base("Page not found", "", &theme.css, true),
        }),
        Page::Session(i) => to_context(&session(cx, theme, i)),
        Page::Goal(i) => {
            let goal = cx.goal(&cx.journal.goals[i]);
            to_context(&GoalPage {
                base: cx.base(&goal.title, "goals.html", &theme.css, false),
                index_href: cx.linker.to("goals.html"),
                goal,
            })
        }
        Page::Topic(i) => {
            let topic = &cx.journal.topics[i];
            topic
                .sessions
                .iter()
                .rev()
                .map(|&s| cards.html(cx, theme, s))
                .collect::<std::result::Result<_, _>>()
                .and_then(|cards_html| {
                    to_context(&TopicPage {
                        base: cx.base(&format!("Topic: {}", topic.name), "topics.html", &theme.css, false),
                        index_href: cx.linker.to("topics.html"),
                        name: topic.name.clone(),
                        cards_html,
                    })
                })
        }
    };
    let render_error = |message: String| Error::Render {
        page: path.to_string(),
        template: template.to_string(),
        message,
    };
    let context = context.map_err(|e| render_error(chain(&e)))?;
    theme
        .tera
        .render(template, &context)
        .map_err(|e| render_error(chain(&e)))
}

fn to_context<T: Serialize>(view: &T) -> std::result::Result<tera::Context, tera::Error> {
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
        base: cx.base(&j.config.title, "index.html", &theme.css, false),
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
        last_session: t.held.last().map(|&i| cx.session_card(i)),
        next_session: a.next_session.map(|i| cx.session_card(i)),
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

fn timeline(cx: &PageCx<'_>, theme: &Theme, cards: &Cards) -> std::result::Result<TimelinePage, tera::Error> {
    let j = cx.journal;
    let gaps: HashMap<usize, i64> = j.timeline.gaps.iter().map(|g| (g.before_session, g.days)).collect();
    let upcoming_html = (0..j.sessions.len())
        .filter(|&i| j.sessions[i].planned)
        .map(|i| cards.html(cx, theme, i))
        .collect::<std::result::Result<_, _>>()?;
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
        base: cx.base("Timeline", "timeline.html", &theme.css, false),
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
        base: cx.base(&card.at.title, "timeline.html", &theme.css, false),
        note_html: cx.note_html(s),
        card,
        prev,
        next,
        gap_before: j
            .timeline
            .gaps
            .iter()
            .find(|g| g.before_session == i)
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
        base: cx.base("Commitments", "commitments.html", &theme.css, false),
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
fn topics(cx: &PageCx<'_>, theme: &Theme) -> std::result::Result<TopicsPage, tera::Error> {
    let mut refs: Vec<Option<tera::Value>> = vec![None; cx.journal.sessions.len()];
    let mut session_ref = |i: usize| -> std::result::Result<tera::Value, tera::Error> {
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
                .collect::<std::result::Result<_, _>>()?,
        });
    }
    Ok(TopicsPage {
        base: cx.base("Topics", "topics.html", &theme.css, false),
        topics: rows,
    })
}
