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
    /// Build the journal's website into DIR/public/ (or -o OUT).
    ///
    /// Private sessions, private blocks and drafts are left out unless asked for.
    /// Open the result's index.html in a browser, or upload the folder to any static host.
    Build(BuildArgs),
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
}
