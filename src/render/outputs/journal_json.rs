//! `journal.json`: the folded, visibility-filtered model for dashboards and scripts
//! (docs/journal.schema.json).

use serde::Serialize;

use crate::model::Journal;
use crate::model::commitment::Due;
use crate::render::labels::date_iso;
use crate::render::links::{goal_path, session_path, topic_path};

/// The version of the `journal.json` and `program.json` schemas (docs/journal.schema.json,
/// docs/program.schema.json).
pub const SCHEMA_VERSION: u32 = 1;

/// `journal.json`: the folded, visibility-filtered model, serialised straight from borrowed
/// views (no intermediate JSON tree: on a big journal that tree was most of the file's cost).
/// Fields are declared in alphabetical order, so the keys come out sorted.
pub fn journal_json(j: &Journal) -> String {
    let date = |i: usize| date_iso(j.sessions[i].date);
    let view = JournalJson {
        build_date: date_iso(j.today),
        commitments: j
            .commitments
            .iter()
            .map(|c| {
                let (due, due_kind) = match c.due {
                    Due::None => (None, "none"),
                    Due::Date(d) => (Some(date_iso(d)), "date"),
                    Due::NextSession(d) => (d.map(date_iso), "next-session"),
                };
                CommitmentJson {
                    closed_on: c.closed_in.map(date),
                    due,
                    due_kind,
                    history: c
                        .history
                        .iter()
                        .map(|e| CommitEventJson {
                            date: date(e.session),
                            declared: e.declared,
                            note: e.note.as_deref(),
                            status: e.status.key(),
                        })
                        .collect(),
                    id: &c.id,
                    made_on: date(c.made_in),
                    overdue: c.overdue,
                    status: c.status.key(),
                    what: &c.what,
                    who: c.who.key(),
                }
            })
            .collect(),
        generator: "mentorlog",
        goals: j
            .goals
            .iter()
            .map(|g| GoalJson {
                history: g
                    .history
                    .iter()
                    .map(|e| GoalEventJson {
                        after: e.after,
                        before: e.before,
                        date: date(e.session),
                        declared: e.declared,
                        note: e.note.as_deref(),
                        status: e.status.key(),
                        steps_done: &e.steps_done,
                        title: &e.title,
                    })
                    .collect(),
                horizon: g.horizon.key(),
                id: &g.id,
                page: goal_path(&g.id),
                progress: g.measured.then_some(g.progress),
                stale: g.stale,
                status: g.status.key(),
                steps: g
                    .steps
                    .iter()
                    .map(|st| StepJson {
                        done_on: st.done_in.map(date),
                        text: &st.text,
                    })
                    .collect(),
                target: g.target.map(date_iso),
                title: &g.title,
            })
            .collect(),
        journal: JournalMeta {
            cadence_days: j.cadence,
            language: &j.config.language,
            mentee: &j.config.mentee,
            mentor: &j.config.mentor,
            program: j.config.program.as_deref(),
            title: &j.config.title,
        },
        pace: PaceJson {
            days_since_last: j.timeline.days_since_last,
            first_session: j.timeline.held.first().map(|&i| date(i)),
            health: j.timeline.health.key(),
            last_session: j.timeline.held.last().map(|&i| date(i)),
            long_gaps: j
                .timeline
                .gaps
                .iter()
                .map(|g| GapJson {
                    date: date(g.before_session),
                    days: g.days,
                })
                .collect(),
            sessions_held: j.timeline.held.len(),
        },
        schema_version: SCHEMA_VERSION,
        sessions: j
            .sessions
            .iter()
            .map(|s| SessionJson {
                commitments: s
                    .commit_events
                    .iter()
                    .map(|(id, e)| EventRef { event: *e, id })
                    .collect(),
                date: date_iso(s.date),
                draft: s.draft,
                duration: s.duration,
                goals: s.goal_events.iter().map(|(id, e)| EventRef { event: *e, id }).collect(),
                held: s.held(),
                kind: s.kind.as_deref(),
                page: s.slug_path.as_deref().map(session_path),
                planned: s.planned,
                private: s.private,
                title: s.title.as_deref(),
                topics: &s.topics,
            })
            .collect(),
        topics: j
            .topics
            .iter()
            .map(|t| TopicJson {
                name: &t.name,
                page: topic_path(&t.slug),
                sessions: t.sessions.iter().map(|&i| date(i)).collect(),
                slug: &t.slug,
            })
            .collect(),
    };
    serde_json::to_string(&view).unwrap_or_default() + "\n"
}

#[derive(Serialize)]
struct JournalJson<'a> {
    build_date: String,
    commitments: Vec<CommitmentJson<'a>>,
    generator: &'static str,
    goals: Vec<GoalJson<'a>>,
    journal: JournalMeta<'a>,
    pace: PaceJson,
    schema_version: u32,
    sessions: Vec<SessionJson<'a>>,
    topics: Vec<TopicJson<'a>>,
}

#[derive(Serialize)]
struct JournalMeta<'a> {
    cadence_days: u32,
    language: &'a str,
    mentee: &'a str,
    mentor: &'a str,
    program: Option<&'a str>,
    title: &'a str,
}

#[derive(Serialize)]
struct PaceJson {
    days_since_last: Option<i64>,
    first_session: Option<String>,
    health: &'static str,
    last_session: Option<String>,
    long_gaps: Vec<GapJson>,
    sessions_held: usize,
}

#[derive(Serialize)]
struct GapJson {
    date: String,
    days: i64,
}

#[derive(Serialize)]
struct SessionJson<'a> {
    commitments: Vec<EventRef<'a>>,
    date: String,
    draft: bool,
    duration: Option<u32>,
    goals: Vec<EventRef<'a>>,
    held: bool,
    kind: Option<&'a str>,
    page: Option<String>,
    planned: bool,
    private: bool,
    title: Option<&'a str>,
    topics: &'a [String],
}

#[derive(Serialize)]
struct EventRef<'a> {
    event: usize,
    id: &'a str,
}

#[derive(Serialize)]
struct GoalJson<'a> {
    history: Vec<GoalEventJson<'a>>,
    horizon: &'static str,
    id: &'a str,
    page: String,
    progress: Option<u8>,
    stale: bool,
    status: &'static str,
    steps: Vec<StepJson<'a>>,
    target: Option<String>,
    title: &'a str,
}

#[derive(Serialize)]
struct GoalEventJson<'a> {
    after: u8,
    before: u8,
    date: String,
    declared: bool,
    note: Option<&'a str>,
    status: &'static str,
    steps_done: &'a [String],
    title: &'a str,
}

#[derive(Serialize)]
struct StepJson<'a> {
    done_on: Option<String>,
    text: &'a str,
}

#[derive(Serialize)]
struct CommitmentJson<'a> {
    closed_on: Option<String>,
    due: Option<String>,
    due_kind: &'static str,
    history: Vec<CommitEventJson<'a>>,
    id: &'a str,
    made_on: String,
    overdue: bool,
    status: &'static str,
    what: &'a str,
    who: &'static str,
}

#[derive(Serialize)]
struct CommitEventJson<'a> {
    date: String,
    declared: bool,
    note: Option<&'a str>,
    status: &'static str,
}

#[derive(Serialize)]
struct TopicJson<'a> {
    name: &'a str,
    page: String,
    sessions: Vec<String>,
    slug: &'a str,
}
