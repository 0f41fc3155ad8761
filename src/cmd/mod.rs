//! One file per subcommand. Errors carry context with anyhow here, and only here.

/// `println!` for text that may hold what the user's files say (a title, a file name, an
/// error naming a path): control characters are shown as escapes, never sent to the
/// terminal (see `diag::visible`).
macro_rules! say {
    ($($arg:tt)*) => {
        println!("{}", mentorlog::diag::visible(&format!($($arg)*)))
    };
}

/// `eprintln!` with the same care as `say!`.
macro_rules! tell {
    ($($arg:tt)*) => {
        eprintln!("{}", mentorlog::diag::visible(&format!($($arg)*)))
    };
}

mod build;
mod check;
mod init;
mod new;
mod serve;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use std::process::ExitCode;

use mentorlog::diag::{Diagnostics, Severity};
use mentorlog::project::Project;

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
        Command::Check(args) => check::run(&args, cli.quiet),
        Command::Init(args) => init::run(&args, cli.quiet),
        Command::New(args) => new::run(&args, cli.quiet),
        Command::Serve(args) => serve::run(&args, cli.quiet),
    }
}

/// Prints diagnostics to stderr (notes only when not quiet), paths relative to `cwd`;
/// coloured only on a terminal, and never when `NO_COLOR` is set.
pub(crate) fn print_diagnostics(diags: &Diagnostics, cwd: &Path, quiet: bool) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    for d in diags.sorted() {
        if quiet && d.severity == Severity::Note {
            continue;
        }
        eprint!("{}", d.render_styled(cwd, color));
    }
}

/// The journal or program at `dir`; when it is neither, says so with how to start one,
/// and gives the exit code.
pub(crate) fn open_project(dir: &Path) -> Result<Project, ExitCode> {
    Project::open(dir).map_err(|e| {
        tell!("error: {e}");
        tell!(
            "help: give the folder that holds journal.yaml (or a program's program.yaml), or start one with `mentorlog init`"
        );
        ExitCode::from(1)
    })
}

/// The current folder, which diagnostics show paths relative to.
pub(crate) fn working_dir() -> anyhow::Result<PathBuf> {
    std::env::current_dir().context("cannot read the current folder")
}

/// Replaces each `{key}` of a scaffold with its value, in one pass over the template: a
/// value is never scanned again, so a name such as `{mentee}` goes in as written.
pub(crate) fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let hit = after.find('}').and_then(|close| {
            let key = &after[..close];
            values.iter().find(|(k, _)| *k == key).map(|(_, v)| (close, v))
        });
        if let Some((close, value)) = hit {
            out.push_str(value);
            rest = &after[close + 1..];
        } else {
            out.push('{');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn values_are_never_filled_again() {
        let values = [("a", "{b}".to_string()), ("b", "B".to_string())];
        assert_eq!(fill("{a} {b} {c} {", &values), "{b} B {c} {");
    }
}
