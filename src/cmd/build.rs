//! `mentorlog build`: load, fold, render into a staging folder, swap it in.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use mentorlog::clock::BuildDate;
use mentorlog::diag::{Diagnostics, Severity};
use mentorlog::error::Error;
use mentorlog::project::{Build, BuildOptions, Project};
use mentorlog::write::{Source, Staging, check_output};

use crate::cli::BuildArgs;
use crate::cmd::{open_project, print_diagnostics, working_dir};

pub(crate) fn run(args: &BuildArgs, quiet: bool) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let cwd = working_dir()?;
    let dir = &args.dir;
    let out: PathBuf = args.output.clone().unwrap_or_else(|| dir.join("public"));
    let today = BuildDate::from_env()?;
    if let Some(url) = &args.base_url {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            tell!("error: --base-url must be an absolute http(s) URL, such as https://mentoring.example.org/sam-dana/");
            return Ok(ExitCode::from(2));
        }
    }
    let project = match open_project(dir) {
        Ok(project) => project,
        Err(code) => return Ok(code),
    };
    // The program's journals, to keep the output off them. When program.yaml has errors
    // the build stops here, before anything is created.
    let mut found = Diagnostics::new();
    let journals = match project.journal_dirs(&mut found) {
        Ok(journals) => journals,
        Err(e) => {
            print_diagnostics(&found, &cwd, quiet);
            report_failure(&e, &project);
            return Ok(ExitCode::from(1));
        }
    };
    let source = match &project {
        Project::Program(dir) => Source::Program {
            dir,
            journals: &journals,
        },
        Project::Journal(dir) => Source::Journal(dir),
    };
    // Resolved once: every check and every write below uses this one place.
    let out = match check_output(&cwd, source, &out) {
        Ok(out) => out,
        Err(e) => {
            tell!("error: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    let build = Build {
        keep_going: args.keep_going,
        ..Build::new(
            BuildOptions {
                drafts: args.drafts,
                include_private: args.include_private,
                base_url: args.base_url.clone(),
            },
            today,
        )
    };
    let staging = match Staging::new(&out) {
        Ok(staging) => staging,
        Err(e) => {
            tell!("error: {e}; nothing was written");
            return Ok(ExitCode::from(1));
        }
    };
    let mut diags = Diagnostics::new();
    let result = project.build(&build, &staging, &mut diags);
    print_diagnostics(&diags, &cwd, quiet);
    let report = match result {
        Ok(report) => report,
        Err(e) => {
            staging.abandon();
            report_failure(&e, &project);
            return Ok(ExitCode::from(1));
        }
    };
    let published = match staging.publish() {
        Ok(published) => published,
        Err(e) => {
            tell!("error: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    if !quiet {
        let shown = mentorlog::diag::display_path(&published, &cwd);
        let warnings = diags.count(Severity::Warning);
        let warned = if warnings > 0 {
            format!(", {warnings} warning(s)")
        } else {
            String::new()
        };
        say!(
            "built {} files in {} ms{warned} → {shown}/ — open {}",
            report.files,
            started.elapsed().as_millis(),
            published.join("index.html").display()
        );
    }
    if !report.left_out.is_empty() {
        tell!(
            "error: left out because of errors: {}; the rest of the site was written",
            report.left_out.join(", ")
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Says why a build stopped before its site was swapped in.
fn report_failure(error: &Error, project: &Project) {
    match error {
        Error::InvalidInput(n) => {
            let hint = if matches!(project, Project::Program(_)) {
                "; --keep-going writes the site without the broken journals"
            } else {
                ""
            };
            tell!("error: {n} error(s); the site was not written (the previous one, if any, is unchanged){hint}");
        }
        e => tell!("error: {e}"),
    }
}
