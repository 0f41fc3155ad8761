//! `mentorlog init`: a new journal with a first-session note that guides the first
//! meeting. Asks for names only on a terminal; never overwrites a file.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use mentorlog::clock::BuildDate;
use mentorlog::layout::{JOURNAL_FILE, SESSIONS};
use mentorlog::load::yaml::quote;
use mentorlog::write::create_new;

use crate::cli::InitArgs;
use crate::cmd::{fill, working_dir};

const JOURNAL: &str = include_str!("scaffold/journal.yaml");
const FIRST_SESSION: &str = include_str!("scaffold/first-session.md");
const GITIGNORE_LINE: &str = "public/";

pub(crate) fn run(args: &InitArgs, quiet: bool) -> anyhow::Result<ExitCode> {
    let cwd = working_dir()?;
    let dir = &args.dir;
    let date = match args.date {
        Some(d) => d,
        None => BuildDate::from_env()?.0,
    };
    let journal_path = dir.join(JOURNAL_FILE);
    let note_path = dir
        .join(SESSIONS)
        .join(format!("{}-getting-to-know-each-other.md", date.format("%Y-%m-%d")));
    for path in [&journal_path, &note_path] {
        if path.exists() {
            tell!(
                "error: `{}` already exists; mentorlog never overwrites a file\nhelp: to start a new journal, run `mentorlog init` in an empty folder",
                mentorlog::diag::display_path(path, &cwd)
            );
            return Ok(ExitCode::from(1));
        }
    }
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let mut placeholders = Vec::new();
    let mut ask = |flag: &Option<String>, question: &str, placeholder: &str, key: &str| -> anyhow::Result<String> {
        if let Some(value) = flag.as_ref().filter(|v| !v.trim().is_empty()) {
            return Ok(value.trim().to_string());
        }
        if interactive {
            eprint!("{question}: ");
            std::io::stderr().flush()?;
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line)?;
            if !line.trim().is_empty() {
                return Ok(line.trim().to_string());
            }
        }
        placeholders.push(key.to_string());
        Ok(placeholder.to_string())
    };
    let mentor = ask(&args.mentor, "The mentor's name", "Mentor Name", "mentor")?;
    let mentee = ask(&args.mentee, "The mentee's name", "Mentee Name", "mentee")?;
    let cadence = args.cadence.unwrap_or(14).to_string();
    let program = args
        .program
        .as_deref()
        .map_or_else(String::new, |p| format!("program: {}\n", quote(p)));
    let title = format!("{mentor} & {mentee}: mentoring");
    let date_text = date.format("%Y-%m-%d").to_string();
    let values = [
        ("title", quote(&title)),
        ("mentor", quote(&mentor)),
        ("mentee", quote(&mentee)),
        ("program", program),
        ("cadence", cadence),
        ("date", date_text),
    ];
    create_new(&journal_path, fill(JOURNAL, &values).as_bytes())?;
    // In the note's text, a name stays on its line.
    let one_line = |name: &str| name.split_whitespace().collect::<Vec<_>>().join(" ");
    let body_values = [
        ("mentor", one_line(&mentor)),
        ("mentee", one_line(&mentee)),
        ("cadence", values[4].1.clone()),
        ("date", values[5].1.clone()),
    ];
    create_new(&note_path, fill(FIRST_SESSION, &body_values).as_bytes())?;
    let gitignore = dir.join(".gitignore");
    let created_gitignore = !gitignore.exists();
    let gitignore_note = if created_gitignore {
        create_new(
            &gitignore,
            format!("# The site mentorlog builds; rebuild it any time with `mentorlog build`.\n{GITIGNORE_LINE}\n")
                .as_bytes(),
        )?;
        None
    } else {
        let text = String::from_utf8(mentorlog::fs::read_bytes(&gitignore)?).unwrap_or_default();
        if text
            .lines()
            .any(|l| matches!(l.trim(), "public/" | "public" | "/public/" | "/public"))
        {
            None
        } else {
            Some(format!(
                "{} exists, so it was left alone; add the line `{GITIGNORE_LINE}` to keep the built site out of git",
                mentorlog::diag::display_path(&gitignore, &cwd)
            ))
        }
    };
    if !quiet {
        let shown = |p: &Path| mentorlog::diag::display_path(p, &cwd);
        say!("created {}", shown(&journal_path));
        say!("created {}", shown(&note_path));
        if created_gitignore {
            say!("created {}", shown(&gitignore));
        }
        if !placeholders.is_empty() {
            say!(
                "edit {}: replace the placeholder {} name(s)",
                shown(&journal_path),
                placeholders.join(" and ")
            );
        }
        say!(
            "next: fill in {} after your first meeting, then run `mentorlog build {}`",
            shown(&note_path),
            dir.display()
        );
    }
    if let Some(note) = gitignore_note {
        tell!("note: {note}");
    }
    Ok(ExitCode::SUCCESS)
}
