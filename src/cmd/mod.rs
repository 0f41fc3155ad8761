//! One file per subcommand. Errors carry context with anyhow here, and only here.

mod build;

use std::path::Path;
use std::process::ExitCode;

use mentorlog::diag::{Diagnostics, Severity};

use crate::cli::{Cli, Command};

/// Runs the parsed command line.
pub(crate) fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Some(jobs) = cli.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()?;
    }
    match cli.command {
        Command::Build(args) => build::run(&args, cli.quiet),
    }
}

/// Prints diagnostics to stderr (notes only when not quiet), paths relative to `cwd`.
pub(crate) fn print_diagnostics(diags: &Diagnostics, cwd: &Path, quiet: bool) {
    for d in diags.sorted() {
        if quiet && d.severity == Severity::Note {
            continue;
        }
        eprint!("{}", d.render(cwd));
    }
}
