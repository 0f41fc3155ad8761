//! The `mentorlog` binary: parse the command line, run it, turn the outcome into an exit
//! code (0 success, 1 input errors or a refused operation, 2 usage errors from clap).

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::Parser;

/// Rendering allocates many small strings; mimalloc handles that much faster.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(error) => {
            // The cause chain can name paths the user gave: shown with escapes, never raw.
            eprintln!("error: {}", mentorlog::diag::visible(&format!("{error:#}")));
            ExitCode::from(1)
        }
    }
}
