//! The fold: sessions applied in (date, path) order. The first appearance of a goal or
//! commitment id declares it, later entries update it; progress, statuses, `due: next`,
//! overdue and stale are worked out here, and nowhere else.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Diagnostics, Severity, closest};
use crate::model::commitment::{CommitEvent, CommitStatus, Commitment, Due, DueSpec, Who};
use crate::model::goal::{Goal, GoalEvent, GoalStatus, Horizon, Step, share_of_steps};
use crate::model::session::Session;
use crate::source::{CommitmentEntry, GoalEntry, SessionSource};

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
        if entry.id_invalid {
            self.broken_goals.insert(entry.id);
            return;
        }
        let g = match self.goal_ids.get(&entry.id) {
            Some(&g) => g,
            None => {
                let Some(title) = entry.title.clone() else {
                    if entry.invalid && entry.declares {
                        self.broken_goals.insert(entry.id);
                        return;
                    }
                    if self.broken_goals.contains(&entry.id) {
                        return;
                    }
                    let known: Vec<&str> = self.goals.iter().map(|g| g.id.as_str()).collect();
                    let help = match closest(&entry.id, known) {
                        Some(near) => format!("did you mean `{near}`? To declare a new goal, add `title:`"),
                        None => "to declare a new goal, add `title:` (and `horizon:`) to this entry".to_string(),
                    };
                    self.diags.push(
                        Diagnostic::at(Severity::Error, &entry.origin, format!("unknown goal `{}`", entry.id))
                            .help(help),
                    );
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
            }
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
            match index.trimmed.get(text.trim()).and_then(|&k| goal.steps.get_mut(k)) {
                Some(step) => {
                    if step.done_in.is_none() {
                        step.done_in = Some(session);
                        index.done += 1;
                    }
                    steps_done.push(step.text.clone());
                }
                None => {
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
        if entry.id_invalid {
            self.broken_commitments.extend(entry.id);
            return;
        }
        let existing = entry.id.as_ref().and_then(|id| self.commit_ids.get(id).copied());
        let c = match existing {
            Some(c) => c,
            None => {
                let Some(what) = entry.what.clone() else {
                    let id = entry.id.clone().unwrap_or_default();
                    if entry.invalid && entry.declares {
                        self.broken_commitments.insert(id);
                        return;
                    }
                    if self.broken_commitments.contains(&id) {
                        return;
                    }
                    let known: Vec<&str> = self.commitments.iter().map(|c| c.id.as_str()).collect();
                    let help = match closest(&id, known) {
                        Some(near) => {
                            format!("did you mean `{near}`? To make a new commitment, add `who:` and `what:`")
                        }
                        None => "to make a new commitment, add `who:` and `what:` to this entry".to_string(),
                    };
                    self.diags.push(
                        Diagnostic::at(Severity::Error, &entry.origin, format!("unknown commitment `{id}`")).help(help),
                    );
                    return;
                };
                let Some(who) = entry.who else {
                    // The entry meant to make the commitment: its later entries are not
                    // unknown, only waiting for this one to be fixed.
                    self.broken_commitments.extend(entry.id.clone());
                    if entry.invalid {
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
            }
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
    use crate::diag::Origin;
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

    fn goal(id: &str) -> GoalEntry {
        GoalEntry {
            origin: origin(),
            id: id.into(),
            title: None,
            horizon: None,
            target: None,
            steps: Vec::new(),
            progress: None,
            done: Vec::new(),
            done_at: None,
            status: None,
            note: None,
            private: false,
            invalid: false,
            declares: false,
            id_invalid: false,
        }
    }

    fn commit(id: Option<&str>) -> CommitmentEntry {
        CommitmentEntry {
            origin: origin(),
            id: id.map(Into::into),
            who: None,
            what: None,
            due: None,
            status: None,
            note: None,
            private: false,
            invalid: false,
            declares: false,
            id_invalid: false,
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
        let declare = GoalEntry {
            title: Some("Lead".into()),
            horizon: Some(Horizon::Career),
            progress: Some(10),
            ..goal("lead")
        };
        let update = GoalEntry {
            progress: Some(35),
            title: Some("Lead a group".into()),
            ..goal("lead")
        };
        let (goals, _, diags) = run(
            d(12, 1),
            vec![
                session(d(1, 1), vec![declare], vec![]),
                session(d(1, 15), vec![update], vec![]),
            ],
        );
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
        let declare = GoalEntry {
            title: Some("G".into()),
            steps,
            progress: Some(40),
            ..goal("g")
        };
        let one_step = GoalEntry {
            done: vec!["a".into()],
            ..goal("g")
        };
        let two_more = GoalEntry {
            done: vec!["b".into(), "c".into()],
            ..goal("g")
        };
        let stated = GoalEntry {
            done: vec!["d".into()],
            progress: Some(90),
            ..goal("g")
        };
        let (goals, _, _) = run(
            d(12, 1),
            vec![
                session(d(1, 1), vec![declare], vec![]),
                session(d(1, 2), vec![one_step], vec![]),
                session(d(1, 3), vec![two_more], vec![]),
                session(d(1, 4), vec![stated], vec![]),
            ],
        );
        let after: Vec<u8> = goals[0].history.iter().map(|e| e.after).collect();
        assert_eq!(after, vec![40, 40, 75, 90]);
    }

    #[test]
    fn unknown_goal_and_step_are_errors_with_suggestions() {
        let declare = GoalEntry {
            title: Some("G".into()),
            steps: vec!["Run the review".into()],
            ..goal("group-lead")
        };
        let typo = goal("grup-lead");
        let bad_step = GoalEntry {
            done: vec!["Run the reveiw".into()],
            ..goal("group-lead")
        };
        let (_, _, diags) = run(
            d(12, 1),
            vec![
                session(d(1, 1), vec![declare], vec![]),
                session(d(1, 2), vec![typo, bad_step], vec![]),
            ],
        );
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
        let declare = GoalEntry {
            title: Some("G".into()),
            progress: Some(60),
            ..goal("g")
        };
        let done = GoalEntry {
            status: Some(GoalStatus::Achieved),
            ..goal("g")
        };
        let (goals, _, _) = run(
            d(12, 1),
            vec![
                session(d(1, 1), vec![declare], vec![]),
                session(d(1, 2), vec![done], vec![]),
            ],
        );
        assert_eq!((goals[0].progress, goals[0].status), (100, GoalStatus::Achieved));
    }

    #[test]
    fn due_next_resolves_to_the_next_non_draft_session() {
        let make = CommitmentEntry {
            who: Some(Who::Mentee),
            what: Some("Bring three challenges".into()),
            due: Some(DueSpec::NextSession),
            ..commit(None)
        };
        let mut draft = session(d(1, 10), vec![], vec![]);
        draft.front.draft = true;
        let (_, commitments, _) = run(
            d(12, 1),
            vec![
                session(d(1, 1), vec![], vec![make]),
                draft,
                session(d(1, 22), vec![], vec![]),
            ],
        );
        assert_eq!(commitments[0].id, "bring-three-challenges");
        assert_eq!(commitments[0].due, Due::NextSession(Some(d(1, 22))));
        assert!(commitments[0].overdue);
    }

    #[test]
    fn due_next_without_a_next_session_is_never_overdue() {
        let make = CommitmentEntry {
            who: Some(Who::Both),
            what: Some("Meet".into()),
            due: Some(DueSpec::NextSession),
            ..commit(None)
        };
        let (_, commitments, _) = run(d(12, 1), vec![session(d(1, 1), vec![], vec![make])]);
        assert_eq!(commitments[0].due, Due::NextSession(None));
        assert!(!commitments[0].overdue);
    }

    #[test]
    fn overdue_only_after_the_due_day() {
        let make = |what: &str, due| CommitmentEntry {
            who: Some(Who::Mentor),
            what: Some(what.into()),
            due: Some(DueSpec::Date(due)),
            ..commit(None)
        };
        let (_, c, diags) = run(
            d(3, 10),
            vec![session(
                d(3, 1),
                vec![],
                vec![make("on the day", d(3, 10)), make("before", d(3, 9))],
            )],
        );
        assert!(!c[0].overdue);
        assert!(c[1].overdue);
        assert_eq!(diags.count(Severity::Note), 1);
    }

    #[test]
    fn closing_and_duplicate_ids() {
        let make = CommitmentEntry {
            who: Some(Who::Mentee),
            what: Some("Write it".into()),
            ..commit(None)
        };
        let again = CommitmentEntry {
            who: Some(Who::Mentee),
            what: Some("Write it".into()),
            ..commit(None)
        };
        let close = CommitmentEntry {
            status: Some(CommitStatus::Done),
            ..commit(Some("write-it"))
        };
        let (_, c, _) = run(
            d(12, 1),
            vec![
                session(d(1, 1), vec![], vec![make, again]),
                session(d(1, 2), vec![], vec![close]),
            ],
        );
        assert_eq!(
            c.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
            vec!["write-it", "write-it-2"]
        );
        assert_eq!((c[0].status, c[0].closed_in), (CommitStatus::Done, Some(1)));
        assert_eq!(c[1].status, CommitStatus::Open);
    }

    #[test]
    fn a_text_repeated_every_session_numbers_on() {
        let make = || CommitmentEntry {
            who: Some(Who::Mentee),
            what: Some("Send the update".into()),
            ..commit(None)
        };
        let sessions = (1..=4).map(|day| session(d(1, day), vec![], vec![make()])).collect();
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
            invalid: true,
            declares: true,
            ..goal("g")
        };
        let update = GoalEntry {
            progress: Some(30),
            ..goal("g")
        };
        let redeclare = GoalEntry {
            title: Some("G".into()),
            ..goal("g")
        };
        let (goals, _, diags) = run(
            d(12, 1),
            vec![
                session(d(1, 1), vec![broken], vec![]),
                session(d(1, 2), vec![update.clone()], vec![]),
                session(d(1, 3), vec![redeclare], vec![]),
                session(d(1, 4), vec![update], vec![]),
            ],
        );
        assert_eq!(diags.count(Severity::Error), 0);
        assert_eq!(goals.len(), 1);
        assert_eq!(goals[0].progress, 30);
    }

    #[test]
    fn an_entry_with_an_invalid_id_applies_nothing_and_silences_that_id() {
        let wrong_id = GoalEntry {
            title: Some("Other".into()),
            progress: Some(90),
            id_invalid: true,
            ..goal("g")
        };
        let declare = GoalEntry {
            title: Some("G".into()),
            ..goal("g")
        };
        let (goals, _, diags) = run(
            d(12, 1),
            vec![
                session(d(1, 1), vec![wrong_id.clone()], vec![]),
                session(d(1, 2), vec![goal("g")], vec![]),
                session(d(1, 3), vec![declare], vec![]),
                session(d(1, 4), vec![wrong_id], vec![]),
            ],
        );
        assert_eq!(diags.count(Severity::Error), 0);
        assert_eq!(goals.len(), 1);
        assert_eq!((goals[0].title.as_str(), goals[0].progress), ("G", 0));
        assert_eq!(goals[0].history.len(), 1, "only the valid declaration is history");
    }

    #[test]
    fn updates_of_a_commitment_whose_making_was_invalid_add_no_errors() {
        let wrong_what = CommitmentEntry {
            who: Some(Who::Mentor),
            invalid: true,
            declares: true,
            ..commit(Some("c"))
        };
        let no_who = CommitmentEntry {
            what: Some("Do it".into()),
            ..commit(Some("n"))
        };
        let wrong_id = CommitmentEntry {
            who: Some(Who::Mentor),
            what: Some("Do it".into()),
            id_invalid: true,
            ..commit(Some("i"))
        };
        let done = |id| CommitmentEntry {
            status: Some(CommitStatus::Done),
            ..commit(Some(id))
        };
        let remake = CommitmentEntry {
            who: Some(Who::Mentee),
            what: Some("Do it".into()),
            ..commit(Some("c"))
        };
        let (_, commitments, diags) = run(
            d(12, 1),
            vec![
                session(d(1, 1), vec![], vec![wrong_what, no_who, wrong_id]),
                session(d(1, 2), vec![], vec![done("c"), done("n"), done("i")]),
                session(d(1, 3), vec![], vec![remake]),
                session(d(1, 4), vec![], vec![done("c")]),
            ],
        );
        // The one error is the missing `who`, which the fold itself reports.
        assert_eq!(diags.count(Severity::Error), 1);
        assert_eq!(commitments.len(), 1);
        assert_eq!(commitments[0].status, CommitStatus::Done);
    }

    #[test]
    fn planned_sessions_do_not_apply_yet() {
        let declare = GoalEntry {
            title: Some("G".into()),
            progress: Some(10),
            ..goal("g")
        };
        let later = GoalEntry {
            progress: Some(80),
            ..goal("g")
        };
        let (goals, _, _) = run(
            d(2, 1),
            vec![
                session(d(1, 1), vec![declare], vec![]),
                session(d(3, 1), vec![later], vec![]),
            ],
        );
        assert_eq!(goals[0].progress, 10);
    }

    #[test]
    fn a_goal_untouched_in_the_last_three_held_sessions_is_stale() {
        let declare = GoalEntry {
            title: Some("G".into()),
            ..goal("g")
        };
        let (goals, _, diags) = run(
            d(12, 1),
            vec![
                session(d(1, 1), vec![declare], vec![]),
                session(d(1, 2), vec![], vec![]),
                session(d(1, 3), vec![], vec![]),
                session(d(1, 4), vec![], vec![]),
            ],
        );
        assert!(goals[0].stale);
        assert_eq!(diags.count(Severity::Note), 1);
    }
}
