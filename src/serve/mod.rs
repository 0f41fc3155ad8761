//! `serve`: the pair's live, local view of their journal. Builds the site into memory
//! (the same `Project::build` as `build`), answers HTTP from that in-memory site, watches the
//! journal, rebuilds on every save and reloads the open tabs.
//!
//! - `conn`: connections, bounded in number and in time (a stuck client holds no thread);
//! - `guard`: which requests are answered at all (the address's own names, not other websites);
//! - `paths`: which site file a URL names (nothing outside the site, ever);
//! - `respond`: answers one request (pages get the live-reload script, here only);
//! - `reload`: the script and the server-sent events stream;
//! - `state`: the served site, swapped whole on each rebuild;
//! - `watch`: notify, debounced, filtered to the journal's inputs;
//! - `error_page`: the diagnostics page shown while the journal has errors;
//! - `redact`: which of those diagnostics the page may show (the site's own visibility).
//!
//! Must not write files (the site lives in memory only), print (the `Report` given by the
//! command does), or keep global state.

mod conn;
mod error_page;
mod guard;
mod paths;
mod redact;
mod reload;
mod respond;
mod state;
mod watch;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use crate::clock::BuildDate;
use crate::diag::Diagnostics;
use crate::error::Error;
use crate::project::{BuildOptions, Project};

use self::guard::Guard;
use self::state::{Builder, Shared};
use self::watch::{Change, Inputs, Layout, Watch};

/// The files and folders whose changes change the site of `project`; its folder made
/// absolute.
fn inputs(project: &Project, cwd: &Path) -> Inputs {
    let layout = match project {
        Project::Journal(_) => Layout::Journal,
        Project::Program(_) => Layout::Program,
    };
    Inputs {
        root: cwd.join(project.dir()),
        layout,
    }
}

/// What a served site shows: decided by where it listens, not only by flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    /// Drafts are in the site (marked).
    pub drafts: bool,
    /// Private sessions, blocks and items are in the site (marked).
    pub private: bool,
    /// Other machines may connect: the address is not a loopback one.
    pub reachable_by_others: bool,
}

/// A journal served on a loopback address shows everything, because only the pair sees
/// it. On any other address (others can connect), drafts and private text only when
/// asked for with `--drafts` and `--include-private`.
pub fn shown(project: &Project, bind: IpAddr, drafts: bool, include_private: bool) -> Shown {
    let loopback = bind.to_canonical().is_loopback();
    match project {
        Project::Journal(_) if loopback => Shown {
            drafts: true,
            private: true,
            reachable_by_others: false,
        },
        Project::Journal(_) => Shown {
            drafts,
            private: include_private,
            reachable_by_others: true,
        },
        // A program puts many pairs' notes on one site: the lead must not read private
        // notes by accident, so they appear only when asked for, even on 127.0.0.1.
        Project::Program(_) => Shown {
            drafts: loopback || drafts,
            private: include_private,
            reachable_by_others: !loopback,
        },
    }
}

/// How to serve.
pub struct Config {
    /// What to build.
    pub project: Project,
    /// Drafts, private content and the base URL (the served address).
    pub options: BuildOptions,
    /// The current folder, which diagnostics show paths relative to.
    pub cwd: PathBuf,
    /// "Today" for each rebuild (a long-running serve crosses midnight).
    pub today: Box<dyn Fn() -> BuildDate + Send + Sync>,
}

/// One rebuild, for the command to print.
#[derive(Debug)]
pub struct Rebuilt<'a> {
    /// The build at start, before the server answers.
    pub first: bool,
    /// From the start of the rebuild until the new site is served and the tabs are told.
    pub elapsed: Duration,
    /// How many files the site has, when it built.
    pub files: Option<usize>,
    /// Why it did not build.
    pub error: Option<&'a Error>,
    /// Everything the load and fold reported.
    pub diags: &'a Diagnostics,
    /// The files whose change caused it (empty at start).
    pub changed: &'a [PathBuf],
    /// The outcome is the one already served: no tab was reloaded.
    pub unchanged: bool,
}

/// Where `serve` tells what happens (the command prints it).
pub trait Report: Send + Sync {
    /// A (re)build finished.
    fn rebuilt(&self, rebuilt: &Rebuilt<'_>);
    /// Something went wrong that does not stop serving.
    fn problem(&self, problem: &ServeError);
}

/// Why `serve` could not start or keep watching.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// Another program listens on the port.
    #[error("port {port} is already in use; try `--port {suggestion}`")]
    PortInUse {
        /// The port asked for.
        port: u16,
        /// The next one.
        suggestion: u16,
    },
    /// The address cannot be listened on (not this machine's, or a privileged port).
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        /// The address asked for.
        addr: SocketAddr,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// A folder cannot be watched for changes.
    #[error("cannot watch `{}` for changes: {source}", path.display())]
    Watch {
        /// The folder.
        path: PathBuf,
        /// notify's reason.
        source: notify::Error,
    },
    /// The operating system stopped reporting some changes.
    #[error("watching for changes failed ({0}); if a save does not show, restart `mentorlog serve`")]
    Watching(String),
    /// The HTTP server did not start.
    #[error("cannot start the HTTP server: {0}")]
    Http(String),
}

/// A bound address, not yet answering.
pub struct Listener {
    listener: TcpListener,
    addr: SocketAddr,
    guard: Guard,
}

impl Listener {
    /// Listens on `addr` (port 0: any free port).
    ///
    /// # Errors
    ///
    /// `ServeError::PortInUse` when another program listens on the port, else
    /// `ServeError::Listen` or `ServeError::Http` with the reason.
    pub fn bind(addr: SocketAddr) -> std::result::Result<Listener, ServeError> {
        let listener = TcpListener::bind(addr).map_err(|source| match source.kind() {
            std::io::ErrorKind::AddrInUse => ServeError::PortInUse {
                port: addr.port(),
                suggestion: addr.port().checked_add(1).unwrap_or(1111),
            },
            _ => ServeError::Listen { addr, source },
        })?;
        let addr = listener
            .local_addr()
            .map_err(|source| ServeError::Listen { addr, source })?;
        let guard = Guard::for_address(addr);
        Ok(Listener { listener, addr, guard })
    }

    /// The `Host` values answered (`host:port`, lower case); requests for any other name
    /// are refused (DNS rebinding).
    pub fn hosts(&self) -> Vec<String> {
        self.guard.hosts().map(str::to_string).collect()
    }

    /// The address listened on (with the port chosen when 0 was asked for).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }
}

/// How many requests are answered at once. Answering never waits on a client (`conn`
/// writes the responses), and events streams do not hold a worker.
const HTTP_WORKERS: usize = 4;

/// How often the events streams are pinged to find the tabs that went away.
const PING_EVERY: Duration = Duration::from_secs(10);

/// Starts serving: watches the inputs, builds once (reported before this returns), then
/// answers requests on `listener`. `Running::wait` keeps rebuilding on changes.
///
/// # Errors
///
/// `ServeError::Watch` when the inputs cannot be watched; `ServeError::Http` when the
/// server cannot start.
pub fn start(listener: Listener, config: Config, report: Arc<dyn Report>) -> std::result::Result<Running, ServeError> {
    let (changes_tx, changes) = mpsc::channel();
    // Watch before the first build, so a save during it is not missed.
    let watch = Watch::start(inputs(&config.project, &config.cwd), changes_tx)?;
    let shared = Arc::new(Shared::new());
    let mut builder = Builder::new(config, Arc::clone(&report));
    builder.rebuild(&shared, &[]);
    let guard = listener.guard;
    let answered = Arc::clone(&shared);
    conn::start(listener.listener, HTTP_WORKERS, move |request| {
        respond::handle(request, &answered, &guard);
    })
    .map_err(|e| ServeError::Http(e.to_string()))?;
    let pinged = Arc::clone(&shared);
    std::thread::Builder::new()
        .name("mentorlog-ping".into())
        .spawn(move || {
            loop {
                std::thread::sleep(PING_EVERY);
                pinged.reload.ping();
            }
        })
        .map_err(|e| ServeError::Http(e.to_string()))?;
    Ok(Running {
        builder,
        shared,
        watch,
        changes,
        report,
    })
}

/// A serving site.
pub struct Running {
    builder: Builder,
    shared: Arc<Shared>,
    watch: Watch,
    changes: mpsc::Receiver<Change>,
    report: Arc<dyn Report>,
}

impl Running {
    /// The site's title, as the build at start read it from `journal.yaml` or
    /// `program.yaml`; `None` when it could not.
    pub fn title(&self) -> Option<String> {
        self.builder.title()
    }

    /// Rebuilds after every batch of changes, for as long as the process runs (Ctrl-C ends
    /// it; nothing is on disk to clean up).
    pub fn wait(mut self) {
        self.builder.warm_up();
        while let Ok(change) = self.changes.recv() {
            let mut changed = Vec::new();
            let mut next = Some(change);
            // Changes that arrived during the last rebuild make one rebuild together.
            while let Some(change) = next {
                match change {
                    Change::Paths(paths) => changed.extend(paths),
                    Change::Failed(message) => self.report.problem(&ServeError::Watching(message)),
                }
                next = self.changes.try_recv().ok();
            }
            if changed.is_empty() {
                continue;
            }
            changed.sort();
            changed.dedup();
            for problem in self.watch.refresh(&changed) {
                self.report.problem(&problem);
            }
            self.builder.rebuild(&self.shared, &changed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_shows_everything_and_other_addresses_only_what_is_asked_for() {
        let journal = Project::Journal(PathBuf::from("j"));
        let everything = Shown {
            drafts: true,
            private: true,
            reachable_by_others: false,
        };
        for local in ["127.0.0.1", "127.0.0.2", "::1", "::ffff:127.0.0.1"] {
            let ip: IpAddr = local.parse().unwrap_or(IpAddr::from([0, 0, 0, 0]));
            assert_eq!(shown(&journal, ip, false, false), everything, "{local}");
        }
        for open in ["0.0.0.0", "::", "192.168.1.20"] {
            let ip: IpAddr = open.parse().unwrap_or(IpAddr::from([127, 0, 0, 1]));
            let public = shown(&journal, ip, false, false);
            assert!(
                public.reachable_by_others && !public.private && !public.drafts,
                "{open}"
            );
            let asked = shown(&journal, ip, true, true);
            assert!(asked.private && asked.drafts, "{open}");
        }
    }
}
