//! `mentorlog build`: load, fold, render into a staging folder, swap it in.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use mentorlog::BuildOptions;
use mentorlog::clock::BuildDate;
use mentorlog::diag::{Diagnostics, Severity};
use mentorlog::error::Error;
use mentorlog::write::{Staging, check_output};

use crate::cli::BuildArgs;
use crate::cmd::{print_diagnostics, working_dir};

pub(crate) fn run(args: &BuildArgs, quiet: bool) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let cwd = working_dir()?;
    let dir = &args.dir;
    let out: PathBuf = args.output.clone().unwrap_or_else(|| dir.join("public"));
    let today = BuildDate::from_env()?;
    if let Some(url) = &args.base_url {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            eprintln!(
                "error: --base-url must be an absolute http(s) URL, such as https://mentoring.example.org/sam-dana/"
            );
            return Ok(ExitCode::from(2));
        }
    }
    if !dir.join("journal.yaml").is_file() {
        eprintln!("error: {}", Error::NotAJournal(dir.clone()));
        eprintln!("help: give the folder that holds journal.yaml, or start one with `mentorlog init`");
        return Ok(ExitCode::from(1));
    }
    if let Err(e) = check_output(dir, &out) {
        eprintln!("error: {e}");
        return Ok(ExitCode::from(1));
    }
    let options = BuildOptions {
        drafts: args.drafts,
        include_private: args.include_private,
        base_url: args.base_url.clone(),
    };
    let staging = Staging::new(&out)?;
    let mut diags = Diagnostics::new();
    let result = mentorlog::build_site(dir, &options, today, &staging, &mut diags);
    print_diagnostics(&diags, &cwd, quiet);
    let files = match result {
        Ok(files) => files,
        Err(Error::InvalidInput(n)) => {
            staging.abandon();
            eprintln!(
                "error: {n} error(s) in the journal; the site was not written (the previous one, if any, is unchanged)"
            );
            return Ok(ExitCode::from(1));
        }
        Err(e) => {
            staging.abandon();
            eprintln!("error: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    let published = staging.publish()?;
    if !quiet {
        let shown = mentorlog::diag::display_path(&published, &cwd);
        let warnings = diags.count(Severity::Warning);
        let warned = if warnings > 0 {
            format!(", {warnings} warning(s)")
        } else {
            String::new()
        };
        println!(
            "built {files} files in {} ms{warned} → {shown}/ — open {}",
            started.elapsed().as_millis(),
            published.join("index.html").display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
