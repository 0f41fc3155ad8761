//! `mentorlog new`: the next session's note, pre-filled from the journal's state. Open
//! commitments and active goals are written as YAML comments, so nothing counts as
//! touched until the pair uncomments a line.

use std::fmt::Write as _;
use std::process::ExitCode;

use mentorlog::clock::BuildDate;
use mentorlog::diag::Diagnostics;
use mentorlog::error::Error;
use mentorlog::layout::SESSIONS;
use mentorlog::load::yaml::quote;
use mentorlog::model::Journal;
use mentorlog::model::agenda::agenda;
use mentorlog::model::commitment::Due;
use mentorlog::project::{Build, BuildOptions, load_journal};
use mentorlog::slug::slugify;
use mentorlog::write::create_new;

use crate::cli::NewArgs;
use crate::cmd::{fill, print_diagnostics, working_dir};

const NEXT_SESSION: &str = include_str!("scaffold/next-session.md");

pub(crate) fn run(args: &NewArgs, quiet: bool) -> anyhow::Result<ExitCode> {
    let cwd = working_dir()?;
    let today = BuildDate::from_env()?;
    let mut diags = Diagnostics::new();
    // The note is the pair's own: private goals and commitments belong in it too.
    let options = BuildOptions {
        include_private: true,
        ..BuildOptions::default()
    };
    let journal = match load_journal(&args.dir, &Build::new(options, today), &mut diags) {
        Ok(journal) => journal,
        Err(Error::InvalidInput(_)) => {
            print_diagnostics(&diags, &cwd, true);
            tell!("error: fix the errors above first; `new` reads the journal to pre-fill the note");
            return Ok(ExitCode::from(1));
        }
        Err(e) => {
            tell!("error: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    let date = args.date.unwrap_or(today.0);
    let number = journal.sessions.iter().filter(|s| !s.draft).count() + 1;
    let title = args
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| format!("Session {number}"));
    let slug = match slugify(&title) {
        s if s.is_empty() => "session".to_string(),
        s => s,
    };
    let path = args
        .dir
        .join(SESSIONS)
        .join(format!("{}-{slug}.md", date.format("%Y-%m-%d")));
    let text = note_text(&journal, date, &title);
    match create_new(&path, text.as_bytes()) {
        Ok(()) => {}
        Err(Error::WouldOverwrite(p)) => {
            tell!(
                "error: `{}` already exists; mentorlog never overwrites a file\nhelp: give the session another title with --title, or another date with --date",
                mentorlog::diag::display_path(&p, &cwd)
            );
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e.into()),
    }
    if quiet {
        say!("{}", mentorlog::diag::display_path(&path, &cwd));
    } else {
        say!("created {}", mentorlog::diag::display_path(&path, &cwd));
    }
    Ok(ExitCode::SUCCESS)
}

/// The note: front matter with commented entries, and an agenda.
fn note_text(journal: &Journal, date: chrono::NaiveDate, title: &str) -> String {
    let plan = agenda(journal);
    let mut goals = String::new();
    let mut commitments = String::new();
    let mut items = Vec::new();
    for &i in &plan.open_commitments {
        let c = &journal.commitments[i];
        let due = match c.due {
            Due::None => String::new(),
            Due::Date(d) | Due::NextSession(Some(d)) => format!(", due {d}"),
            Due::NextSession(None) => ", due this session".to_string(),
        };
        let overdue = if c.overdue { " — OVERDUE" } else { "" };
        let _ = writeln!(
            commitments,
            "#  - id: {}    # {}: {}{due}{overdue}",
            c.id,
            c.who.key(),
            one_line(&c.what)
        );
        let _ = writeln!(commitments, "#    status: done          # or: dropped");
        items.push(format!(
            "- [ ] {}{}: {}{}",
            if c.overdue { "**Overdue** · " } else { "" },
            c.who.key(),
            c.what,
            due.replacen(", due", " (due", 1) + if due.is_empty() { "" } else { ")" }
        ));
    }
    let mut goal_items = Vec::new();
    for &i in &plan.active_goals {
        let g = &journal.goals[i];
        let progress = if g.measured {
            format!(", {}%", g.progress)
        } else {
            String::new()
        };
        let stale = if g.stale {
            " — not touched in the last 3 sessions"
        } else {
            ""
        };
        let _ = writeln!(
            goals,
            "#  - id: {}    # {} ({}{progress}){stale}",
            g.id,
            one_line(&g.title),
            g.horizon.key()
        );
        if g.measured {
            let _ = writeln!(goals, "#    progress: {}", g.progress);
        }
        if let Some(step) = g.next_step() {
            let _ = writeln!(goals, "#    done: [{}]", quote(&step.text));
        }
        let _ = writeln!(goals, "#    note: what moved, in one line");
        let next = g
            .next_step()
            .map_or_else(String::new, |s| format!(" — next step: {}", s.text));
        goal_items.push(format!("- [ ] {}{progress}{next}", g.title));
    }
    if goals.is_empty() {
        goals.push_str("#  (no active goals yet: declare one with id, title, horizon and steps)\n");
    }
    let mut agenda_text = String::from("1. Review our commitments\n");
    for item in &items {
        let _ = writeln!(agenda_text, "   {item}");
    }
    if items.is_empty() {
        agenda_text.push_str("   - Nothing open.\n");
    }
    agenda_text.push_str("2. Where the goals stand\n");
    for item in &goal_items {
        let _ = writeln!(agenda_text, "   {item}");
    }
    if goal_items.is_empty() {
        agenda_text.push_str("   - No active goals: is it time to set one?\n");
    }
    agenda_text.push_str("3. The real problem of the week: one recent situation, worked through together\n");
    agenda_text.push_str("4. New commitments, for both of us, and the date of the next session");
    fill(
        NEXT_SESSION,
        &[
            ("date", date.format("%Y-%m-%d").to_string()),
            ("title", quote(title)),
            ("goals", goals),
            ("commitments", commitments),
            ("agenda", agenda_text),
        ],
    )
}

/// Keeps a value on one comment line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
