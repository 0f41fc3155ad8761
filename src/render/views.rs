//! One `Serialize` struct per repeated piece (the shared head and navigation, a session's
//! card, a goal, a commitment), with ready-made relative hrefs and display strings:
//! templates only lay things out. Fields holding HTML end in `_html`. The pages' own views
//! are in `page_views.rs`.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::commitment::CommitStatus;
use crate::model::{Commitment, Goal, Journal, Session};
use crate::render::labels::{DateView, change_label, date_iso, due_label};
use crate::render::links::{
    FAVICON, Linker, Nav, Page, STYLESHEET, commitment_anchor, goal_path, session_path, topic_path,
};
use crate::render::note_links::NoteLinks;
use crate::render::svg;
use crate::slug::slugify;

/// A link that may have nowhere to go (a private session has no page).
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    /// Text.
    pub text: String,
    /// Where to, if anywhere.
    pub href: Option<String>,
}

/// The parts every page shares: head, navigation, footer.
#[derive(Debug, Clone, Serialize)]
pub struct Base {
    /// `<html lang>`.
    pub lang: String,
    /// The journal's title.
    pub site_title: String,
    /// This page's title.
    pub page_title: String,
    /// Ask search engines not to index.
    pub noindex: bool,
    /// The stylesheet, unless inlined.
    pub css_href: Option<String>,
    /// The stylesheet's text, for the 404 page.
    pub inline_css_html: Option<String>,
    /// The favicon.
    pub icon_href: String,
    /// Home.
    pub home_href: String,
    /// Main navigation.
    pub nav: Vec<NavItem>,
    /// The mentor's name.
    pub mentor: String,
    /// The mentee's name.
    pub mentee: String,
    /// The program, if any.
    pub program: Option<String>,
    /// Private text is on this site (the pages mark it).
    pub shows_private: bool,
    /// In a program: the link back to the program's home.
    pub program_home: Option<LinkView>,
    /// On a program's own pages: its lead (the footer names them instead of a pair).
    pub lead: Option<String>,
}

/// One entry of the main navigation.
#[derive(Debug, Clone, Serialize)]
pub struct NavItem {
    /// Label.
    pub label: &'static str,
    /// Href.
    pub href: String,
    /// This is the current page (or its section).
    pub current: bool,
}

/// The main navigation of a site whose pages of one file are `pages`, on `current`.
pub fn nav(pages: &[Page], current: Page, linker: &Linker) -> Vec<NavItem> {
    pages
        .iter()
        .filter_map(|&page| match page.nav() {
            Nav::Entry(label) => Some(NavItem {
                label,
                href: linker.page(page),
                current: current.section() == Some(page),
            }),
            Nav::Under(_) | Nav::Outside => None,
        })
        .collect()
}

/// Everything a view builder needs about the page being rendered.
pub struct PageCx<'a> {
    /// The folded journal.
    pub journal: &'a Journal,
    /// Links from this page.
    pub linker: Linker,
    /// Note index → session page path, for links inside notes.
    pub note_pages: &'a HashMap<usize, String>,
    /// Static file paths, for links inside notes.
    pub statics: &'a [String],
    /// The program's title, when the journal is published as part of one.
    pub program: Option<&'a str>,
}

impl PageCx<'_> {
    /// The shared parts, for the page `page` titled `title`.
    pub fn base(&self, title: &str, page: Page, css: &str, inline_css: bool) -> Base {
        let config = &self.journal.config;
        Base {
            lang: config.language.clone(),
            site_title: config.title.clone(),
            page_title: title.to_string(),
            noindex: config.noindex,
            css_href: (!inline_css).then(|| self.linker.asset(STYLESHEET)),
            inline_css_html: inline_css.then(|| css.to_string()),
            icon_href: self.linker.asset(FAVICON),
            program_home: self.program.map(|title| LinkView {
                text: title.to_string(),
                href: Some(self.linker.outer(Page::Home.file())),
            }),
            lead: None,
            home_href: self.linker.page(Page::Home),
            nav: nav(&Page::JOURNAL, page, &self.linker),
            mentor: config.mentor.clone(),
            mentee: config.mentee.clone(),
            program: config.program.clone(),
            shows_private: self.journal.shows_private,
        }
    }

    fn session(&self, i: usize) -> &Session {
        &self.journal.sessions[i]
    }

    /// A short reference to a session: date, title and link.
    pub fn session_ref(&self, i: usize) -> SessionRef {
        let s = self.session(i);
        SessionRef {
            date: DateView::of(s.date),
            title: s.title.clone().unwrap_or_else(|| "Private session".to_string()),
            href: s.slug_path.as_ref().map(|p| self.linker.to(&session_path(p))),
            private: s.private,
            draft: s.draft,
            planned: s.planned,
        }
    }

    /// A session with everything it moved, as its own page shows it.
    pub fn session_card(&self, i: usize) -> SessionCard {
        self.card(i, usize::MAX)
    }

    /// Session `i`'s card as listed where it repeats (timeline, topic pages, home): each
    /// list cut after [`CARD_ITEMS`], with what was left out counted (its session page
    /// shows them all).
    pub fn short_card(&self, i: usize) -> SessionCard {
        self.card(i, CARD_ITEMS)
    }

    fn card(&self, i: usize, limit: usize) -> SessionCard {
        let s = self.session(i);
        let mut moves = s
            .goal_events
            .iter()
            .filter_map(|(id, e)| Some((self.journal.goal(id)?, *e)))
            .filter_map(|(goal, e)| Some((goal, goal.history.get(e)?)));
        let goals_moved = moves
            .by_ref()
            .take(limit)
            .map(|(goal, event)| GoalMove {
                title: event.title.clone(),
                href: self.linker.to(&goal_path(&goal.id)),
                declared: event.declared,
                measured: goal.measured,
                before: event.before,
                after: event.after,
                change: change_label(event.before, event.after),
                status: event.status.key(),
                steps_done: event.steps_done.clone(),
                note: event.note.clone(),
            })
            .collect();
        let mut moves_more = moves.count();
        let mut made = Vec::new();
        let mut closed = Vec::new();
        let mut updated = Vec::new();
        for (id, e) in &s.commit_events {
            let Some(c) = self.journal.commitment(id) else { continue };
            let Some(event) = c.history.get(*e) else { continue };
            let closing = event.status != CommitStatus::Open && c.closed_in == Some(i);
            let list = if event.declared {
                &mut made
            } else if closing {
                &mut closed
            } else {
                &mut updated
            };
            if list.len() == limit {
                // `updated` is not on the default card: its cut is not counted there.
                if event.declared || closing {
                    moves_more += 1;
                }
                continue;
            }
            list.push(CommitLine {
                what: c.what.clone(),
                who: c.who.key(),
                href: self.linker.commitment(&c.id),
                status: event.status.key(),
                due: due_label(c.due),
                note: event.note.clone(),
            });
        }
        SessionCard {
            at: self.session_ref(i),
            kind: s.kind.clone(),
            duration: s.duration,
            topics: s
                .topics
                .iter()
                .take(limit)
                .map(|t| LinkView {
                    text: t.clone(),
                    href: Some(self.linker.to(&topic_path(&slugify(t)))),
                })
                .collect(),
            topics_more: s.topics.len().saturating_sub(limit),
            goals_moved,
            made,
            closed,
            updated,
            moves_more,
        }
    }

    /// A goal with its chart, steps and sessions.
    pub fn goal(&self, goal: &Goal) -> GoalView {
        let points: Vec<(NaiveDate, u8)> = goal
            .history
            .iter()
            .map(|e| (self.session(e.session).date, e.after))
            .collect();
        let mut sessions: Vec<usize> = goal.history.iter().map(|e| e.session).collect();
        sessions.dedup();
        let chart_svg_html = if goal.measured {
            svg::progress_chart(&goal.id, &goal.title, &points)
        } else {
            String::new()
        };
        GoalView {
            id: goal.id.clone(),
            title: goal.title.clone(),
            href: self.linker.to(&goal_path(&goal.id)),
            horizon: goal.horizon.key(),
            horizon_label: goal.horizon.label(),
            status: goal.status.key(),
            progress: goal.progress,
            measured: goal.measured,
            target: goal.target.map(DateView::of),
            steps: goal
                .steps
                .iter()
                .map(|st| StepView {
                    text: st.text.clone(),
                    done: st.done_in.is_some(),
                    done_in: st.done_in.map(|i| self.session_ref(i)),
                })
                .collect(),
            steps_done: goal.steps_done(),
            next_step: goal.next_step().map(|s| s.text.clone()),
            stale: goal.stale,
            chart_svg_html,
            sessions: sessions.iter().map(|&i| self.session_ref(i)).collect(),
            history: goal
                .history
                .iter()
                .map(|e| HistoryRow {
                    session: self.session_ref(e.session),
                    declared: e.declared,
                    before: e.before,
                    after: e.after,
                    change: change_label(e.before, e.after),
                    status: e.status.key(),
                    title: e.title.clone(),
                    steps_done: e.steps_done.clone(),
                    note: e.note.clone(),
                })
                .collect(),
        }
    }

    /// A commitment with where it was made and closed.
    pub fn commitment(&self, c: &Commitment) -> CommitmentView {
        CommitmentView {
            id: c.id.clone(),
            anchor: commitment_anchor(&c.id),
            who: c.who.key(),
            what: c.what.clone(),
            href: self.linker.commitment(&c.id),
            due: due_label(c.due),
            due_iso: c.due.date().map(date_iso),
            status: c.status.key(),
            overdue: c.overdue,
            made: self.session_ref(c.made_in),
            closed: c.closed_in.map(|i| self.session_ref(i)),
            notes: c.history.iter().filter_map(|e| e.note.clone()).collect(),
        }
    }

    /// A note's HTML for its own page: links filled in for this page, private blocks marked.
    pub fn note_html(&self, s: &Session) -> String {
        let links = NoteLinks {
            note_pages: self.note_pages,
            statics: self.statics,
        };
        let size: usize = s.note.segments.iter().map(|seg| seg.body.len() + 64).sum();
        let mut html = String::with_capacity(size);
        for segment in &s.note.segments {
            if segment.private {
                html.push_str("<div class=\"private-block\"><p class=\"badge badge-private\">Private</p>\n");
                links.write_body(&mut html, &segment.body, &s.note, &self.linker);
                html.push_str("</div>\n");
            } else {
                links.write_body(&mut html, &segment.body, &s.note, &self.linker);
            }
        }
        html
    }
}

/// A session in a list.
#[derive(Debug, Clone, Serialize)]
pub struct SessionRef {
    /// Date.
    pub date: DateView,
    /// Title, or "Private session".
    pub title: String,
    /// Its page, if it has one.
    pub href: Option<String>,
    /// Private (shown only when private text is on the site, or as "Private session").
    pub private: bool,
    /// A draft.
    pub draft: bool,
    /// Dated after the build date.
    pub planned: bool,
}

/// A session with what it moved.
#[derive(Debug, Clone, Serialize)]
pub struct SessionCard {
    /// Date, title, link, flags.
    pub at: SessionRef,
    /// Kind.
    pub kind: Option<String>,
    /// Minutes.
    pub duration: Option<u32>,
    /// Topic links.
    pub topics: Vec<LinkView>,
    /// Goals it declared or updated.
    pub goals_moved: Vec<GoalMove>,
    /// Commitments made.
    pub made: Vec<CommitLine>,
    /// Commitments closed.
    pub closed: Vec<CommitLine>,
    /// Commitments otherwise updated.
    pub updated: Vec<CommitLine>,
    /// Topics left out of `topics` on a short card ("and N more").
    pub topics_more: usize,
    /// Goals moved and commitments made or closed left out of a short card (the
    /// commitments cut from `updated`, which the default card does not show, are not
    /// counted).
    pub moves_more: usize,
}

/// How many topics, and how many of each kind of move, a session's card lists where it
/// repeats (timeline, topic pages, home). A card is pasted on the page of every one of
/// its topics: a note with 4,000 topics, each card listing all of them, wrote 4,000 pages
/// of 4,000 links (780 MB). Cut, the card's size no longer grows with the note.
pub const CARD_ITEMS: usize = 12;

/// One goal's move in one session.
#[derive(Debug, Clone, Serialize)]
pub struct GoalMove {
    /// Title at the time.
    pub title: String,
    /// Goal page.
    pub href: String,
    /// Declared here.
    pub declared: bool,
    /// Has a progress bar.
    pub measured: bool,
    /// Progress before.
    pub before: u8,
    /// Progress after.
    pub after: u8,
    /// `+25`, `-5`, `±0`.
    pub change: String,
    /// Status after.
    pub status: &'static str,
    /// Steps marked done.
    pub steps_done: Vec<String>,
    /// The note on what moved.
    pub note: Option<String>,
}

/// A commitment as a line in a session.
#[derive(Debug, Clone, Serialize)]
pub struct CommitLine {
    /// What.
    pub what: String,
    /// Who.
    pub who: &'static str,
    /// Its entry on the commitments page.
    pub href: String,
    /// Status after this session.
    pub status: &'static str,
    /// Due label.
    pub due: Option<String>,
    /// Note.
    pub note: Option<String>,
}

/// A goal in full.
#[derive(Debug, Clone, Serialize)]
pub struct GoalView {
    /// Id (also the anchor on the goals page).
    pub id: String,
    /// Title.
    pub title: String,
    /// Its page.
    pub href: String,
    /// Horizon key.
    pub horizon: &'static str,
    /// Horizon label.
    pub horizon_label: &'static str,
    /// Status key.
    pub status: &'static str,
    /// 0-100.
    pub progress: u8,
    /// Has a bar (false: "ongoing").
    pub measured: bool,
    /// Target date.
    pub target: Option<DateView>,
    /// Steps checklist.
    pub steps: Vec<StepView>,
    /// Steps done.
    pub steps_done: usize,
    /// The first undone step.
    pub next_step: Option<String>,
    /// Active and untouched in the last three held sessions.
    pub stale: bool,
    /// Progress over time.
    pub chart_svg_html: String,
    /// Sessions that touched it.
    pub sessions: Vec<SessionRef>,
    /// Full history.
    pub history: Vec<HistoryRow>,
}

/// One step of a goal.
#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    /// Text.
    pub text: String,
    /// Done.
    pub done: bool,
    /// The session that marked it done.
    pub done_in: Option<SessionRef>,
}

/// One row of a goal's history.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryRow {
    /// The session.
    pub session: SessionRef,
    /// Declared here.
    pub declared: bool,
    /// Progress before.
    pub before: u8,
    /// Progress after.
    pub after: u8,
    /// Change label.
    pub change: String,
    /// Status after.
    pub status: &'static str,
    /// Title at the time.
    pub title: String,
    /// Steps marked done.
    pub steps_done: Vec<String>,
    /// Note.
    pub note: Option<String>,
}

/// A commitment in full.
#[derive(Debug, Clone, Serialize)]
pub struct CommitmentView {
    /// Id.
    pub id: String,
    /// The id of its entry on the page (`href` ends in `#` and this).
    pub anchor: String,
    /// Who.
    pub who: &'static str,
    /// What.
    pub what: String,
    /// Its entry on the commitments page.
    pub href: String,
    /// Due label.
    pub due: Option<String>,
    /// Due date for `<time>`.
    pub due_iso: Option<String>,
    /// Status key.
    pub status: &'static str,
    /// Open and past due.
    pub overdue: bool,
    /// Made in.
    pub made: SessionRef,
    /// Closed in.
    pub closed: Option<SessionRef>,
    /// Notes from its entries.
    pub notes: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::SitePath;

    fn nav_from(path: &str, page: Page) -> Vec<(&'static str, String, bool)> {
        let linker = SitePath::new(path).map_or_else(Linker::at_root, |p| Linker::relative(&p));
        nav(&Page::JOURNAL, page, &linker)
            .into_iter()
            .map(|item| (item.label, item.href, item.current))
            .collect()
    }

    #[test]
    fn a_goal_s_page_marks_goals_current_and_links_up_to_the_others() {
        let items = nav_from("goals/lead.html", Page::Goal);
        assert_eq!(items.len(), 6);
        let current: Vec<_> = items.iter().filter(|i| i.2).map(|i| i.0).collect();
        assert_eq!(current, ["Goals"]);
        assert_eq!(items[0], ("Home", "../index.html".to_string(), false));
        assert_eq!(items[5].1, "../search.html");
    }

    #[test]
    fn the_404_page_marks_no_entry_current() {
        assert!(nav_from("404.html", Page::NotFound).iter().all(|i| !i.2));
        let session = nav_from("sessions/2026/a.html", Page::Session);
        assert_eq!(session[1], ("Timeline", "../../timeline.html".to_string(), true));
    }
}
