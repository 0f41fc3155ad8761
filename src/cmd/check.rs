//! `mentorlog check`: load and fold, report every problem, write nothing.

use std::process::ExitCode;

use mentorlog::clock::BuildDate;
use mentorlog::diag::{Diagnostics, Severity};
use mentorlog::error::Error;
use mentorlog::project::{Build, BuildOptions};

use crate::cli::CheckArgs;
use crate::cmd::{open_project, print_diagnostics, working_dir};

pub(crate) fn run(args: &CheckArgs, quiet: bool) -> anyhow::Result<ExitCode> {
    let cwd = working_dir()?;
    let today = BuildDate::from_env()?;
    let mut diags = Diagnostics::new();
    let build = Build::new(BuildOptions::default(), today);
    let project = match open_project(&args.dir) {
        Ok(project) => project,
        Err(code) => return Ok(code),
    };
    let outcome = project.check(&build, &mut diags);
    let sessions = match outcome {
        Ok(n) => Some(n),
        Err(Error::InvalidInput(_)) => None,
        Err(e) => {
            tell!("error: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    if args.strict {
        diags.promote_warnings();
    }
    print_diagnostics(&diags, &cwd, quiet);
    let (errors, warnings, notes) = (
        diags.count(Severity::Error),
        diags.count(Severity::Warning),
        diags.count(Severity::Note),
    );
    if !quiet || errors > 0 {
        let checked = sessions.map_or_else(String::new, |n| format!("{n} session(s) checked: "));
        tell!("{checked}{errors} error(s), {warnings} warning(s), {notes} note(s)");
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
