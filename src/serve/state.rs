//! The site being served, and how a rebuild replaces it.
//!
//! A rebuild is a full build into an in-memory `Site` (journals are small; tracking which
//! page depends on which note breeds bugs). The result is swapped in whole, behind an
//! `Arc`, so a request sees one site or the next, never a mix. A failed rebuild keeps the
//! last good site (its CSS and images still load) but makes every page answer with the
//! error page until the input is fixed. Must not write files.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Instant;

use crate::diag::Diagnostics;
use crate::project::{Build, BuildReport, Cache};
use crate::serve::redact::Redaction;
use crate::serve::reload::Reload;
use crate::serve::{Config, Rebuilt, Report, error_page};
use crate::site::{Site, SiteFile, SitePath};

/// Every file of one build, by path: the journal's static files by reference, read from
/// disk when asked for (see `respond`).
pub(crate) type Files = BTreeMap<SitePath, SiteFile>;

/// What requests are answered from.
#[derive(Debug)]
pub(crate) struct Snapshot {
    /// Names this build for live reload (`<process id>-<generation>`).
    pub(crate) token: String,
    /// The last site that built.
    pub(crate) files: Arc<Files>,
    /// The error page (without the reload script) while the last build failed.
    pub(crate) failure: Option<String>,
}

/// The state shared by the HTTP workers and the rebuild loop.
pub(crate) struct Shared {
    current: RwLock<Arc<Snapshot>>,
    /// The connected tabs.
    pub(crate) reload: Reload,
}

impl Shared {
    /// Nothing built yet.
    pub(crate) fn new() -> Shared {
        let token = token(0);
        Shared {
            current: RwLock::new(Arc::new(Snapshot {
                token: token.clone(),
                files: Arc::new(Files::new()),
                failure: None,
            })),
            reload: Reload::new(token),
        }
    }

    /// The site to answer a request from.
    pub(crate) fn current(&self) -> Arc<Snapshot> {
        Arc::clone(&self.current.read().unwrap_or_else(PoisonError::into_inner))
    }

    fn replace(&self, snapshot: Snapshot) {
        *self.current.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(snapshot);
    }
}

fn token(generation: u64) -> String {
    format!("{}-{generation}", std::process::id())
}

/// Rebuilds on demand and tells the tabs.
pub(crate) struct Builder {
    config: Config,
    report: Arc<dyn Report>,
    generation: u64,
    /// What the last rebuild left: a save re-parses the notes it changed only.
    cache: Cache,
}

impl Builder {
    pub(crate) fn new(config: Config, report: Arc<dyn Report>) -> Builder {
        Builder {
            config,
            report,
            generation: 0,
            cache: Cache::new(),
        }
    }

    /// Builds the site once more and throws it away, right after start: the memory a
    /// rebuild needs (a second site next to the served one) then already belongs to the
    /// process, and the first save is as fast as later ones (on a 500-note journal, fresh
    /// memory made the first rebuild twice as slow).
    pub(crate) fn warm_up(&mut self) {
        let site = Site::new();
        let _ = self.config.project.build(&self.build(), &site, &mut Diagnostics::new());
    }

    /// The title the last rebuild read from the project's settings file.
    pub(crate) fn title(&self) -> Option<String> {
        self.cache.title()
    }

    /// Today's build, with the cache.
    fn build(&self) -> Build<'_> {
        Build {
            options: self.config.options.clone(),
            today: (self.config.today)(),
            keep_going: false,
            cache: Some(&self.cache),
        }
    }

    /// Builds the site again; when the outcome differs from what is served, swaps it in
    /// and reloads every tab. `changed` are the files that triggered it (empty at start).
    pub(crate) fn rebuild(&mut self, shared: &Shared, changed: &[PathBuf]) {
        let started = Instant::now();
        let first = self.generation == 0;
        let site = Site::new();
        let mut diags = Diagnostics::new();
        let result = self.config.project.build(&self.build(), &site, &mut diags);
        let previous = shared.current();
        let (files, failure) = match &result {
            Ok(_) => (Arc::new(site.into_contents()), None),
            Err(e) => (
                Arc::clone(&previous.files),
                Some(error_page::render(
                    e,
                    &diags,
                    &self.config.cwd,
                    &mut Redaction::for_site(&self.config.project, &self.config.options),
                )),
            ),
        };
        let unchanged =
            !first && failure == previous.failure && (Arc::ptr_eq(&files, &previous.files) || files == previous.files);
        if !unchanged {
            self.generation += 1;
            let token = token(self.generation);
            shared.replace(Snapshot {
                token: token.clone(),
                files,
                failure,
            });
            shared.reload.announce(&token);
        }
        let elapsed = started.elapsed();
        self.report.rebuilt(&Rebuilt {
            first,
            elapsed,
            files: result.as_ref().ok().map(|report: &BuildReport| report.files),
            error: result.as_ref().err(),
            diags: &diags,
            changed,
            unchanged,
        });
    }
}
