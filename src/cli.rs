//! The command line, as clap derive types. No disk access here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// mentorlog turns a mentoring journal — one Markdown note per session, with goals,
/// commitments and topics in front matter — into a calm static website.
#[derive(Debug, Parser)]
#[command(
    name = "mentorlog",
    version,
    about = "Turn a mentoring journal (one Markdown note per session) into a calm static website",
    after_help = "Start with:\n  mentorlog build path/to/journal\nthen open path/to/journal/public/index.html in a browser.",
    propagate_version = true
)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
    /// Threads to use (default: all cores).
    #[arg(short = 'j', long = "jobs", global = true, value_name = "N")]
    pub(crate) jobs: Option<usize>,
    /// Print only errors and warnings.
    #[arg(short = 'q', long = "quiet", global = true)]
    pub(crate) quiet: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Build the journal's (or the program's) website into DIR/public/ (or -o OUT).
    ///
    /// Private sessions, private blocks and drafts are left out unless asked for.
    /// Open the result's index.html in a browser, or upload the folder to any static host.
    Build(BuildArgs),
    /// Check the journal and report every problem, with file, line and column. Writes nothing.
    ///
    /// Errors make the exit code 1; warnings (unknown keys, values read with a fallback) do
    /// too with --strict. Notes about the journal's history (long gaps, stale goals, overdue
    /// commitments) never do.
    Check(CheckArgs),
    /// Start a new journal: journal.yaml, a first-session note that guides the first
    /// meeting, and a .gitignore. Never overwrites a file.
    Init(InitArgs),
    /// Write the next session's note, pre-filled with the open commitments and active goals
    /// (as comments: uncomment what the session touched). Never overwrites a file.
    New(NewArgs),
    /// Serve the site on http://127.0.0.1:1111/ while you write: every save rebuilds it and
    /// reloads the browser. Writes nothing.
    ///
    /// On 127.0.0.1 it shows everything, drafts and private notes marked, because only you
    /// see it. Errors show in the browser and here, with file, line and column, until the
    /// note is fixed. Ctrl-C stops it.
    Serve(ServeArgs),
}

/// Flags of `check`.
#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// The journal folder. Default: the current folder.
    #[arg(value_name = "DIR", default_value = ".")]
    pub(crate) dir: PathBuf,
    /// Treat warnings as errors (notes about history never are).
    #[arg(long)]
    pub(crate) strict: bool,
}

/// Flags of `init`.
#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// Where to create the journal (created if missing). Default: the current folder.
    #[arg(value_name = "DIR", default_value = ".")]
    pub(crate) dir: PathBuf,
    /// The mentor's name.
    #[arg(long, value_name = "NAME")]
    pub(crate) mentor: Option<String>,
    /// The mentee's name.
    #[arg(long, value_name = "NAME")]
    pub(crate) mentee: Option<String>,
    /// The mentoring program, if any.
    #[arg(long, value_name = "NAME")]
    pub(crate) program: Option<String>,
    /// The agreed pace: a session every DAYS days.
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=366))]
    pub(crate) cadence: Option<u32>,
    /// The first session's date (YYYY-MM-DD). Default: today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) date: Option<chrono::NaiveDate>,
}

/// Flags of `new`.
#[derive(Debug, Args)]
pub(crate) struct NewArgs {
    /// The journal folder. Default: the current folder.
    #[arg(value_name = "DIR", default_value = ".")]
    pub(crate) dir: PathBuf,
    /// The session's date (YYYY-MM-DD). Default: today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) date: Option<chrono::NaiveDate>,
    /// The session's title. Default: "Session N".
    #[arg(long, value_name = "TITLE")]
    pub(crate) title: Option<String>,
}

fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date; write it as YYYY-MM-DD"))
}

/// Flags of `build`.
#[derive(Debug, Args)]
pub(crate) struct BuildArgs {
    /// The journal folder (the one with journal.yaml). Default: the current folder.
    #[arg(value_name = "DIR", default_value = ".")]
    pub(crate) dir: PathBuf,
    /// Where to write the site (relative to the current folder). Default: DIR/public/.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,
    /// Include draft sessions (draft: true).
    #[arg(long)]
    pub(crate) drafts: bool,
    /// Include private sessions, private blocks and private goals and commitments.
    /// Only for a site nobody else will see.
    #[arg(long)]
    pub(crate) include_private: bool,
    /// The absolute URL the site will be published at (overrides journal.yaml's base_url).
    #[arg(long, value_name = "URL")]
    pub(crate) base_url: Option<String>,
    /// In a program: write the site without the journals that have errors (they are
    /// named, and the exit code is still 1).
    #[arg(long)]
    pub(crate) keep_going: bool,
}

/// Flags of `serve`.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The journal folder (the one with journal.yaml). Default: the current folder.
    #[arg(value_name = "DIR", default_value = ".")]
    pub(crate) dir: PathBuf,
    /// The port to listen on (0: any free port).
    #[arg(short = 'p', long, value_name = "PORT", default_value_t = 1111)]
    pub(crate) port: u16,
    /// The IP address to listen on. Any address but a loopback one (127.0.0.1, ::1) lets
    /// other machines read the site; drafts and private notes are then left out unless
    /// --drafts and --include-private are given.
    #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1")]
    pub(crate) bind: std::net::IpAddr,
    /// Open the site in the default browser.
    #[arg(long)]
    pub(crate) open: bool,
    /// Show drafts on a non-loopback --bind (always shown on 127.0.0.1).
    #[arg(long)]
    pub(crate) drafts: bool,
    /// Show private sessions, blocks and items on a non-loopback --bind (always shown on
    /// 127.0.0.1). Everyone who can reach the address can read them.
    #[arg(long)]
    pub(crate) include_private: bool,
}
