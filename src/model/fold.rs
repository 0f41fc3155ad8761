//! The fold: sessions applied in (date, path) order. The first appearance of a goal or
//! commitment id declares it, later entries update it; progress, statuses, `due: next`,
//! overdue and stale are worked out here, and nowhere else.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Diagnostics, Origin, Severity, closest};
use crate::model::commitment::{CommitEvent, CommitStatus, Commitment, Due, DueSpec, Who};
use crate::model::goal::{Goal, GoalEvent, GoalStatus, Horizon, Step, share_of_steps};
use crate::model::session::Session;
use crate::source::{CommitmentEntry, GoalEntry, Reading, SessionSource};

/// The state being folded.
pub(crate) struct Fold<'d> {
    pub(crate) today: NaiveDate,
    pub(crate) sessions: Vec<Session>,
    pub(crate) goals: Vec<Goal>,
    pub(crate) commitments: Vec<Commitment>,
    goal_ids: HashMap<String, usize>,
    /// For each goal (same order as `goals`), its steps by text, so adding and marking
    /// steps done costs the same whatever their number (a scan of every step for each
    /// step marked made a goal of 100,000 steps take minutes).
    steps: Vec<StepIndex>,
    /// Ids of goals whose declaring entry was invalid (for an invalid id, the id its error
    /// suggests): their later updates are ignored without an "unknown goal" error, which
    /// would only repeat the error already reported.
    broken_goals: HashSet<String>,
    commit_ids: HashMap<String, usize>,
    /// The same for commitments: ids whose making entry was invalid or lacked `who`.
    broken_commitments: HashSet<String>,
    /// Commitments due at the next session, waiting for one.
    waiting_for_next: Vec<usize>,
    /// For ids made from `what`: the next `-N` suffix to try, by base.
    next_suffix: HashMap<String, usize>,
    diags: &'d mut Diagnostics,
}

impl<'d> Fold<'d> {
    pub(crate) fn new(today: NaiveDate, diags: &'d mut Diagnostics) -> Fold<'d> {
        Fold {
            today,
            sessions: Vec::new(),
            goals: Vec::new(),
            commitments: Vec::new(),
            goal_ids: HashMap::new(),
            steps: Vec::new(),
            broken_goals: HashSet::new(),
            commit_ids: HashMap::new(),
            broken_commitments: HashSet::new(),
            waiting_for_next: Vec::new(),
            next_suffix: HashMap::new(),
            diags,
        }
    }

    /// Applies one session (callers go in date, then path, order).
    pub(crate) fn apply(&mut self, source: SessionSource) {
        let index = self.sessions.len();
        let planned = source.date > self.today;
        let draft = source.front.draft;
        if !draft {
            for c in std::mem::take(&mut self.waiting_for_next) {
                self.commitments[c].due = Due::NextSession(Some(source.date));
            }
        }
        let front = source.front;
        self.sessions.push(Session {
            note_index: source.note_index,
            slug_path: Some(source.slug_path),
            date: source.date,
            title: Some(source.title),
            title_names: source.title_names,
            kind: front.kind,
            duration: front.duration,
            topics: front.topics,
            draft,
            private: front.private,
            planned,
            note: source.note,
            goal_events: Vec::new(),
            commit_events: Vec::new(),
        });
        // A planned session's entries take effect once its date is reached.
        if planned {
            return;
        }
        for entry in front.goals {
            self.goal_entry(index, entry);
        }
        for entry in front.commitments {
            self.commitment_entry(index, entry, draft);
        }
    }

    fn goal_entry(&mut self, session: usize, entry: GoalEntry) {
        if entry.reading == Reading::WrongId {
            self.broken_goals.insert(entry.id);
            return;
        }
        let g = if let Some(&g) = self.goal_ids.get(&entry.id) {
            g
        } else {
            let Some(title) = entry.title.clone() else {
                if !explained(&mut self.broken_goals, &entry.id, entry.reading) {
                    let known = self.goals.iter().map(|g| g.id.as_str());
                    self.diags.push(UNKNOWN_GOAL.error(&entry.id, &entry.origin, known));
                }
                return;
            };
            self.goal_ids.insert(entry.id.clone(), self.goals.len());
            self.steps.push(StepIndex::default());
            self.goals.push(Goal {
                id: entry.id.clone(),
                title,
                horizon: entry.horizon.unwrap_or(Horizon::Work),
                target: None,
                steps: Vec::new(),
                progress: 0,
                measured: false,
                status: GoalStatus::Active,
                private: false,
                history: Vec::new(),
                last_origin: entry.origin.clone(),
                stale: false,
            });
            self.goals.len() - 1
        };
        let goal = &mut self.goals[g];
        let declared = goal.history.is_empty();
        let before = goal.progress;
        if let Some(title) = &entry.title {
            goal.title.clone_from(title);
        }
        if let Some(h) = entry.horizon {
            goal.horizon = h;
        }
        if entry.target.is_some() {
            goal.target = entry.target;
        }
        let index = &mut self.steps[g];
        for step in &entry.steps {
            if index.exact.insert(step.clone()) {
                index.trimmed.entry(step.trim().to_string()).or_insert(goal.steps.len());
                goal.steps.push(Step {
                    text: step.clone(),
                    done_in: None,
                });
            }
        }
        let mut steps_done = Vec::new();
        for text in &entry.done {
            if let Some(step) = index.trimmed.get(text.trim()).and_then(|&k| goal.steps.get_mut(k)) {
                if step.done_in.is_none() {
                    step.done_in = Some(session);
                    index.done += 1;
                }
                steps_done.push(step.text.clone());
            } else {
                let origin = entry.done_at.as_ref().unwrap_or(&entry.origin);
                let help = match closest(text, goal.steps.iter().take(SUGGESTED_STEPS).map(|s| s.text.as_str())) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None if goal.steps.is_empty() => {
                        format!("goal `{}` has no steps yet; add them with `steps: [...]`", goal.id)
                    }
                    None => format!(
                        "the steps of `{}` are: {}",
                        goal.id,
                        listed(goal.steps.iter().map(|s| format!("`{}`", s.text)), goal.steps.len())
                    ),
                };
                self.diags.push(
                    Diagnostic::at(
                        Severity::Error,
                        origin,
                        format!("goal `{}` has no step `{text}`", goal.id),
                    )
                    .help(help),
                );
            }
        }
        if let Some(status) = entry.status {
            goal.status = status;
        }
        if let Some(p) = entry.progress {
            goal.progress = p;
        } else if entry.status == Some(GoalStatus::Achieved) {
            goal.progress = 100;
        } else if !entry.done.is_empty() && !goal.steps.is_empty() {
            goal.progress = goal.progress.max(share_of_steps(index.done, goal.steps.len()));
        }
        goal.measured |= entry.progress.is_some() || !goal.steps.is_empty() || goal.horizon != Horizon::DayToDay;
        goal.private |= entry.private;
        goal.last_origin = entry.origin.clone();
        goal.history.push(GoalEvent {
            session,
            declared,
            before,
            after: goal.progress,
            status: goal.status,
            title: goal.title.clone(),
            steps_done,
            note: entry.note.clone(),
        });
        let event = goal.history.len() - 1;
        let id = goal.id.clone();
        self.sessions[session].goal_events.push((id, event));
    }

    fn commitment_entry(&mut self, session: usize, entry: CommitmentEntry, draft: bool) {
        if entry.reading == Reading::WrongId {
            self.broken_commitments.extend(entry.id);
            return;
        }
        let existing = entry.id.as_ref().and_then(|id| self.commit_ids.get(id).copied());
        let c = if let Some(c) = existing {
            c
        } else {
            let Some(what) = entry.what.clone() else {
                let id = entry.id.clone().unwrap_or_default();
                if !explained(&mut self.broken_commitments, &id, entry.reading) {
                    let known = self.commitments.iter().map(|c| c.id.as_str());
                    self.diags.push(UNKNOWN_COMMITMENT.error(&id, &entry.origin, known));
                }
                return;
            };
            let Some(who) = entry.who else {
                // The entry meant to make the commitment: its later entries are not
                // unknown, only waiting for this one to be fixed.
                self.broken_commitments.extend(entry.id.clone());
                if entry.reading != Reading::Sound {
                    return;
                }
                self.diags.push(
                    Diagnostic::at(
                        Severity::Error,
                        &entry.origin,
                        format!("the commitment `{what}` needs `who`"),
                    )
                    .help("add `who: mentor`, `who: mentee` or `who: both`"),
                );
                return;
            };
            let id = match &entry.id {
                Some(id) => id.clone(),
                None => self.fresh_commitment_id(&what),
            };
            self.commit_ids.insert(id.clone(), self.commitments.len());
            self.commitments.push(Commitment {
                id,
                who,
                what,
                due: Due::None,
                status: CommitStatus::Open,
                private: false,
                made_in: session,
                closed_in: None,
                history: Vec::new(),
                last_origin: entry.origin.clone(),
                overdue: false,
            });
            self.commitments.len() - 1
        };
        let commitment = &mut self.commitments[c];
        let declared = commitment.history.is_empty();
        if let (false, Some(what)) = (declared, &entry.what) {
            commitment.what.clone_from(what);
        }
        if let (false, Some(who)) = (declared, entry.who) {
            commitment.who = who;
        }
        match entry.due {
            Some(DueSpec::Date(d)) => {
                commitment.due = Due::Date(d);
                self.waiting_for_next.retain(|&w| w != c);
            }
            Some(DueSpec::NextSession) => {
                commitment.due = Due::NextSession(None);
                if !draft {
                    self.waiting_for_next.push(c);
                }
            }
            None => {}
        }
        if let Some(status) = entry.status {
            commitment.status = status;
            commitment.closed_in = (status != CommitStatus::Open).then_some(session);
        }
        commitment.private |= entry.private;
        commitment.last_origin = entry.origin.clone();
        commitment.history.push(CommitEvent {
            session,
            declared,
            status: commitment.status,
            note: entry.note,
        });
        let event = commitment.history.len() - 1;
        let id = commitment.id.clone();
        self.sessions[session].commit_events.push((id, event));
    }

    fn fresh_commitment_id(&mut self, what: &str) -> String {
        let base = crate::slug::slugify(what);
        let base = if base.is_empty() {
            "commitment".to_string()
        } else {
            base
        };
        // Remember where the numbering of each base stopped, so a text repeated in every
        // session does not rescan `-2`, `-3` … from the start each time.
        let mut n = self.next_suffix.get(&base).copied().unwrap_or(2);
        let mut id = if n == 2 { base.clone() } else { format!("{base}-{n}") };
        while self.commit_ids.contains_key(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.next_suffix.insert(base, n);
        id
    }

    /// Overdue and stale, once every session is in; notes about them.
    pub(crate) fn finish(&mut self) {
        for c in &mut self.commitments {
            c.overdue = c.status == CommitStatus::Open && c.due.date().is_some_and(|d| d < self.today);
            if c.overdue {
                let due = c.due.date().map(|d| d.to_string()).unwrap_or_default();
                self.diags.push(
                    Diagnostic::at(Severity::Note, &c.last_origin, format!("commitment `{}` ({}) was due {due} and is still open", c.id, who_label(c.who)))
                        .help("close it with `status: done` or `status: dropped` in the next session, or give it a new `due:`"),
                );
            }
        }
        let held: Vec<usize> = (0..self.sessions.len()).filter(|&i| self.sessions[i].held()).collect();
        let recent = &held[held.len().saturating_sub(3)..];
        for goal in &mut self.goals {
            let touched = goal.history.iter().any(|e| recent.contains(&e.session));
            goal.stale = goal.status == GoalStatus::Active && recent.len() == 3 && !touched;
            if goal.stale {
                self.diags.push(
                    Diagnostic::at(
                        Severity::Note,
                        &goal.last_origin,
                        format!("goal `{}` has not been touched in the last 3 sessions", goal.id),
                    )
                    .help("update it, or set `status: paused` if it is on hold"),
                );
            }
        }
    }
}

/// Whether an entry of `id`, which no entry has declared, is explained by an error already
/// reported: its own declaration was wrong (`broken` learns the id), or an earlier one was.
fn explained(broken: &mut HashSet<String>, id: &str, reading: Reading) -> bool {
    if reading == Reading::WrongDeclaration {
        broken.insert(id.to_string());
        return true;
    }
    broken.contains(id)
}

/// The words of the error for an entry of an id that no entry has declared.
struct UnknownId {
    kind: &'static str,
    /// How to declare one, after a "did you mean".
    declare: &'static str,
    /// How to declare one when no known id is near.
    declare_here: &'static str,
}

const UNKNOWN_GOAL: UnknownId = UnknownId {
    kind: "goal",
    declare: "To declare a new goal, add `title:`",
    declare_here: "to declare a new goal, add `title:` (and `horizon:`) to this entry",
};

const UNKNOWN_COMMITMENT: UnknownId = UnknownId {
    kind: "commitment",
    declare: "To make a new commitment, add `who:` and `what:`",
    declare_here: "to make a new commitment, add `who:` and `what:` to this entry",
};

impl UnknownId {
    fn error<'k>(&self, id: &str, origin: &Origin, known: impl IntoIterator<Item = &'k str>) -> Diagnostic {
        let help = match closest(id, known) {
            Some(near) => format!("did you mean `{near}`? {}", self.declare),
            None => self.declare_here.to_string(),
        };
        Diagnostic::at(Severity::Error, origin, format!("unknown {} `{id}`", self.kind)).help(help)
    }
}

fn who_label(who: Who) -> &'static str {
    who.key()
}

/// One goal's steps by text, for the fold.
#[derive(Default)]
struct StepIndex {
    /// Every step's text as written: a step listed again is not added twice.
    exact: HashSet<String>,
    /// The first step of each trimmed text, by position in `Goal::steps`: `done` matches
    /// steps without the spaces around them.
    trimmed: HashMap<String, usize>,
    /// How many steps are done.
    done: usize,
}

/// How many steps a "did you mean" compares an unknown step with, and names when none is
/// close: every step for every unknown one made the errors of a long list grow with its
/// square, in time and in text.
const SUGGESTED_STEPS: usize = 50;

/// At most [`SUGGESTED_STEPS`] of `items` (of `total`), joined, with "and N more" after.
fn listed(items: impl Iterator<Item = String>, total: usize) -> String {
    let shown: Vec<String> = items.take(SUGGESTED_STEPS).collect();
    let more = total.saturating_sub(shown.len());
    let shown = shown.join(", ");
    if more == 0 {
        shown
    } else {
        format!("{shown} and {more} more")
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::source::{FrontMatter, Note};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap_or_default()
    }

    fn origin() -> Origin {
        Origin::in_text(Path::new("s.md"), "", 1, 1)
    }

    fn session(date: NaiveDate, goals: Vec<GoalEntry>, commitments: Vec<CommitmentEntry>) -> SessionSource {
        SessionSource {
            path: "s.md".into(),
            rel: format!("sessions/{date}.md"),
            note_index: 0,
            slug_path: date.to_string(),
            date,
            date_origin: origin(),
            title: "t".into(),
            title_names: None,
            front: FrontMatter {
                goals,
                commitments,
                ..FrontMatter::default()
            },
            note: Note::default(),
        }
    }

    fn goals_on(date: NaiveDate, goals: Vec<GoalEntry>) -> SessionSource {
        session(date, goals, Vec::new())
    }

    fn commitments_on(date: NaiveDate, commitments: Vec<CommitmentEntry>) -> SessionSource {
        session(date, Vec::new(), commitments)
    }

    /// One session a day from January 1st, each with its goal entries.
    fn daily(entries: impl IntoIterator<Item = Vec<GoalEntry>>) -> Vec<SessionSource> {
        (1..).zip(entries).map(|(day, e)| goals_on(d(1, day), e)).collect()
    }

    fn goal(id: &str) -> GoalEntry {
        GoalEntry::new(origin(), id.into())
    }

    fn declare(id: &str, title: &str) -> GoalEntry {
        GoalEntry {
            title: Some(title.into()),
            ..goal(id)
        }
    }

    fn progressed(progress: u8, entry: GoalEntry) -> GoalEntry {
        GoalEntry {
            progress: Some(progress),
            ..entry
        }
    }

    fn commit(id: Option<&str>) -> CommitmentEntry {
        CommitmentEntry::new(origin(), id.map(Into::into))
    }

    fn make(who: Who, what: &str) -> CommitmentEntry {
        CommitmentEntry {
            who: Some(who),
            what: Some(what.into()),
            ..commit(None)
        }
    }

    fn run(today: NaiveDate, sessions: Vec<SessionSource>) -> (Vec<Goal>, Vec<Commitment>, Diagnostics) {
        let mut diags = Diagnostics::new();
        let mut fold = Fold::new(today, &mut diags);
        for s in sessions {
            fold.apply(s);
        }
        fold.finish();
        let (g, c) = (fold.goals, fold.commitments);
        (g, c, diags)
    }

    #[test]
    fn declare_then_update_by_id_keeps_history() {
        let first = GoalEntry {
            horizon: Some(Horizon::Career),
            progress: Some(10),
            ..declare("lead", "Lead")
        };
        let update = progressed(35, declare("lead", "Lead a group"));
        let sessions = vec![goals_on(d(1, 1), vec![first]), goals_on(d(1, 15), vec![update])];
        let (goals, _, diags) = run(d(12, 1), sessions);
        assert!(!diags.has_errors());
        assert_eq!(goals[0].progress, 35);
        assert_eq!(
            goals[0].history.iter().map(|e| (e.before, e.after)).collect::<Vec<_>>(),
            vec![(0, 10), (10, 35)]
        );
        assert_eq!(goals[0].history[0].title, "Lead");
        assert_eq!(goals[0].title, "Lead a group");
    }

    #[test]
    fn progress_from_steps_never_lowers_and_stated_progress_wins() {
        let steps: Vec<String> = ["a", "b", "c", "d"].iter().map(|s| (*s).to_string()).collect();
        let first = GoalEntry {
            steps,
            progress: Some(40),
            ..declare("g", "G")
        };
        let done = |steps: &[&str], progress| GoalEntry {
            done: steps.iter().map(|s| (*s).into()).collect(),
            progress,
            ..goal("g")
        };
        let (goals, _, _) = run(
            d(12, 1),
            vec![
                goals_on(d(1, 1), vec![first]),
                goals_on(d(1, 2), vec![done(&["a"], None)]),
                goals_on(d(1, 3), vec![done(&["b", "c"], None)]),
                goals_on(d(1, 4), vec![done(&["d"], Some(90))]),
            ],
        );
        let after: Vec<u8> = goals[0].history.iter().map(|e| e.after).collect();
        assert_eq!(after, vec![40, 40, 75, 90]);
    }

    #[test]
    fn unknown_goal_and_step_are_errors_with_suggestions() {
        let first = GoalEntry {
            steps: vec!["Run the review".into()],
            ..declare("group-lead", "G")
        };
        let typo = goal("grup-lead");
        let bad_step = GoalEntry {
            done: vec!["Run the reveiw".into()],
            ..goal("group-lead")
        };
        let sessions = vec![goals_on(d(1, 1), vec![first]), goals_on(d(1, 2), vec![typo, bad_step])];
        let (_, _, diags) = run(d(12, 1), sessions);
        let helps: Vec<_> = diags
            .sorted()
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.help.clone().unwrap_or_default())
            .collect();
        assert_eq!(helps.len(), 2);
        assert!(helps.iter().any(|h| h.contains("`group-lead`")));
        assert!(helps.iter().any(|h| h.contains("`Run the review`")));
    }

    #[test]
    fn achieved_means_100_unless_stated() {
        let first = progressed(60, declare("g", "G"));
        let achieved = GoalEntry {
            status: Some(GoalStatus::Achieved),
            ..goal("g")
        };
        let sessions = vec![goals_on(d(1, 1), vec![first]), goals_on(d(1, 2), vec![achieved])];
        let (goals, _, _) = run(d(12, 1), sessions);
        assert_eq!((goals[0].progress, goals[0].status), (100, GoalStatus::Achieved));
    }

    #[test]
    fn due_next_resolves_to_the_next_non_draft_session() {
        let make = CommitmentEntry {
            due: Some(DueSpec::NextSession),
            ..make(Who::Mentee, "Bring three challenges")
        };
        let mut draft = goals_on(d(1, 10), vec![]);
        draft.front.draft = true;
        let sessions = vec![commitments_on(d(1, 1), vec![make]), draft, goals_on(d(1, 22), vec![])];
        let (_, commitments, _) = run(d(12, 1), sessions);
        assert_eq!(commitments[0].id, "bring-three-challenges");
        assert_eq!(commitments[0].due, Due::NextSession(Some(d(1, 22))));
        assert!(commitments[0].overdue);
    }

    #[test]
    fn due_next_without_a_next_session_is_never_overdue() {
        let make = CommitmentEntry {
            due: Some(DueSpec::NextSession),
            ..make(Who::Both, "Meet")
        };
        let (_, commitments, _) = run(d(12, 1), vec![commitments_on(d(1, 1), vec![make])]);
        assert_eq!(commitments[0].due, Due::NextSession(None));
        assert!(!commitments[0].overdue);
    }

    #[test]
    fn overdue_only_after_the_due_day() {
        let due = |what: &str, due| CommitmentEntry {
            due: Some(DueSpec::Date(due)),
            ..make(Who::Mentor, what)
        };
        let entries = vec![due("on the day", d(3, 10)), due("before", d(3, 9))];
        let (_, c, diags) = run(d(3, 10), vec![commitments_on(d(3, 1), entries)]);
        assert!(!c[0].overdue);
        assert!(c[1].overdue);
        assert_eq!(diags.count(Severity::Note), 1);
    }

    #[test]
    fn closing_and_duplicate_ids() {
        let close = CommitmentEntry {
            status: Some(CommitStatus::Done),
            ..commit(Some("write-it"))
        };
        let twice = vec![make(Who::Mentee, "Write it"), make(Who::Mentee, "Write it")];
        let sessions = vec![commitments_on(d(1, 1), twice), commitments_on(d(1, 2), vec![close])];
        let (_, c, _) = run(d(12, 1), sessions);
        assert_eq!(
            c.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
            vec!["write-it", "write-it-2"]
        );
        assert_eq!((c[0].status, c[0].closed_in), (CommitStatus::Done, Some(1)));
        assert_eq!(c[1].status, CommitStatus::Open);
    }

    #[test]
    fn a_text_repeated_every_session_numbers_on() {
        let sessions = (1..=4)
            .map(|day| commitments_on(d(1, day), vec![make(Who::Mentee, "Send the update")]))
            .collect();
        let (_, c, _) = run(d(12, 1), sessions);
        let ids: Vec<&str> = c.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "send-the-update",
                "send-the-update-2",
                "send-the-update-3",
                "send-the-update-4"
            ]
        );
    }

    #[test]
    fn updates_of_a_goal_whose_declaration_was_invalid_add_no_errors() {
        let broken = GoalEntry {
            reading: Reading::WrongDeclaration,
            ..goal("g")
        };
        let update = progressed(30, goal("g"));
        let entries = [broken, update.clone(), declare("g", "G"), update];
        let (goals, _, diags) = run(d(12, 1), daily(entries.map(|e| vec![e])));
        assert_eq!(diags.count(Severity::Error), 0);
        assert_eq!(goals.len(), 1);
        assert_eq!(goals[0].progress, 30);
    }

    #[test]
    fn an_entry_with_an_invalid_id_applies_nothing_and_silences_that_id() {
        let wrong_id = GoalEntry {
            progress: Some(90),
            reading: Reading::WrongId,
            ..declare("g", "Other")
        };
        let entries = [wrong_id.clone(), goal("g"), declare("g", "G"), wrong_id];
        let (goals, _, diags) = run(d(12, 1), daily(entries.map(|e| vec![e])));
        assert_eq!(diags.count(Severity::Error), 0);
        assert_eq!(goals.len(), 1);
        assert_eq!((goals[0].title.as_str(), goals[0].progress), ("G", 0));
        assert_eq!(goals[0].history.len(), 1, "only the valid declaration is history");
    }

    #[test]
    fn updates_of_a_commitment_whose_making_was_invalid_add_no_errors() {
        let wrong_what = CommitmentEntry {
            who: Some(Who::Mentor),
            reading: Reading::WrongDeclaration,
            ..commit(Some("c"))
        };
        let no_who = CommitmentEntry {
            what: Some("Do it".into()),
            ..commit(Some("n"))
        };
        let wrong_id = CommitmentEntry {
            id: Some("i".into()),
            reading: Reading::WrongId,
            ..make(Who::Mentor, "Do it")
        };
        let done = |id| CommitmentEntry {
            status: Some(CommitStatus::Done),
            ..commit(Some(id))
        };
        let remake = CommitmentEntry {
            id: Some("c".into()),
            ..make(Who::Mentee, "Do it")
        };
        let (_, commitments, diags) = run(
            d(12, 1),
            vec![
                commitments_on(d(1, 1), vec![wrong_what, no_who, wrong_id]),
                commitments_on(d(1, 2), vec![done("c"), done("n"), done("i")]),
                commitments_on(d(1, 3), vec![remake]),
                commitments_on(d(1, 4), vec![done("c")]),
            ],
        );
        // The one error is the missing `who`, which the fold itself reports.
        assert_eq!(diags.count(Severity::Error), 1);
        assert_eq!(commitments.len(), 1);
        assert_eq!(commitments[0].status, CommitStatus::Done);
    }

    #[test]
    fn planned_sessions_do_not_apply_yet() {
        let first = progressed(10, declare("g", "G"));
        let later = progressed(80, goal("g"));
        let sessions = vec![goals_on(d(1, 1), vec![first]), goals_on(d(3, 1), vec![later])];
        let (goals, _, _) = run(d(2, 1), sessions);
        assert_eq!(goals[0].progress, 10);
    }

    #[test]
    fn a_goal_untouched_in_the_last_three_held_sessions_is_stale() {
        let (goals, _, diags) = run(d(12, 1), daily([vec![declare("g", "G")], vec![], vec![], vec![]]));
        assert!(goals[0].stale);
        assert_eq!(diags.count(Severity::Note), 1);
    }
}
