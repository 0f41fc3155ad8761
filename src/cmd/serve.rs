//! `mentorlog serve`: decide what the served site shows (by where it listens), start the
//! server, and print what happens: the diagnostics and one line per rebuild.
//!
//! Ctrl-C ends the process with the default signal handling: `serve` writes nothing, so
//! there is nothing to clean up.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use mentorlog::clock::BuildDate;
use mentorlog::diag::display_path;
use mentorlog::error::Error;
use mentorlog::project::BuildOptions;
use mentorlog::serve::{self, Listener, Rebuilt, Report, ServeError, Shown};

use crate::cli::ServeArgs;
use crate::cmd::{open_project, print_diagnostics, working_dir};

pub(crate) fn run(args: &ServeArgs, quiet: bool) -> anyhow::Result<ExitCode> {
    let cwd = working_dir()?;
    let today = BuildDate::from_env()?;
    let project = match open_project(&args.dir) {
        Ok(project) => project,
        Err(code) => return Ok(code),
    };
    let shown = serve::shown(&project, args.bind, args.drafts, args.include_private);
    let listener = match Listener::bind(SocketAddr::new(args.bind, args.port)) {
        Ok(listener) => listener,
        Err(e) => {
            tell!("error: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    let url = format!("http://{}/", listener.local_addr());
    let port = listener.local_addr().port();
    let hosts = listener.hosts();
    let config = serve::Config {
        project,
        options: BuildOptions {
            drafts: shown.drafts,
            include_private: shown.private,
            // The 404 page and the feed link to the served site, not the published one.
            base_url: Some(url.clone()),
        },
        cwd: cwd.clone(),
        today: Box::new(move || BuildDate::from_env().unwrap_or(today)),
    };
    let report = Arc::new(Terminal { cwd, quiet });
    let running = serve::start(listener, config, report)?;
    let title = running.title().unwrap_or_else(|| args.dir.display().to_string());
    if shown.reachable_by_others {
        tell!("{}", exposure_warning(args, port, shown));
        // Requests for other names are refused (DNS rebinding): say which are answered.
        tell!("answering requests for {}", hosts.join(", "));
    }
    say!("serving {title} at {url} ({}; Ctrl-C to stop)", what_is_shown(shown));
    if args.open {
        if let Err(e) = opener::open(&url) {
            tell!("could not open a browser ({e}); open {url} yourself");
        }
    }
    running.wait();
    Ok(ExitCode::SUCCESS)
}

fn what_is_shown(shown: Shown) -> &'static str {
    match (shown.drafts, shown.private) {
        (true, true) => "drafts and private notes shown",
        (true, false) => "drafts shown, private notes left out",
        (false, true) => "private notes shown, drafts left out",
        (false, false) => "drafts and private notes left out",
    }
}

fn exposure_warning(args: &ServeArgs, port: u16, shown: Shown) -> String {
    let who = format!("anyone who can reach this machine on port {port} can read the site");
    if shown.private {
        format!("warning: listening on {}: {who}, private notes included", args.bind)
    } else {
        format!(
            "warning: listening on {}: {who} (private notes are left out; --include-private would show them to everyone)",
            args.bind
        )
    }
}

/// Prints rebuilds to the terminal.
struct Terminal {
    cwd: PathBuf,
    quiet: bool,
}

impl Report for Terminal {
    fn rebuilt(&self, rebuilt: &Rebuilt<'_>) {
        // Notes about the journal's history once, at start; problems on every rebuild.
        print_diagnostics(rebuilt.diags, &self.cwd, self.quiet || !rebuilt.first);
        let ms = rebuilt.elapsed.as_millis();
        let cause = changed_files(rebuilt.changed, &self.cwd);
        match (rebuilt.error, rebuilt.files) {
            (Some(error), _) => {
                if !matches!(error, Error::InvalidInput(_)) {
                    tell!("error: {error}");
                }
                tell!("{cause}the site has errors ({ms} ms); the browser shows them until they are fixed");
            }
            (None, Some(files)) if !self.quiet => {
                if rebuilt.first {
                    say!("built {files} files in {ms} ms");
                } else if rebuilt.unchanged {
                    say!("{cause}no change to the site ({ms} ms)");
                } else {
                    say!("{cause}rebuilt in {ms} ms ({files} files)");
                }
            }
            (None, _) => {}
        }
    }

    fn problem(&self, problem: &ServeError) {
        tell!("warning: {problem}");
    }
}

/// `sessions/a.md changed: ` (or `… and 2 more changed: `); empty at start.
fn changed_files(changed: &[PathBuf], cwd: &Path) -> String {
    match changed {
        [] => String::new(),
        [one] => format!("{} changed: ", display_path(one, cwd)),
        [first, rest @ ..] => format!("{} and {} more changed: ", display_path(first, cwd), rest.len()),
    }
}
