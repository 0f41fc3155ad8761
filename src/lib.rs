//! mentorlog turns a mentoring journal (Markdown session notes with YAML front matter)
//! into a static website. The pipeline is visible in the modules:
//! `load` (disk → sources) → `model` (pure fold) → `render` (pages to a `Sink`) →
//! `write` (the disk sink). `build_site` runs all of it; tests and commands share it.

pub mod clock;
pub mod diag;
pub mod error;
pub mod fs;
pub mod layout;
pub mod load;
pub mod model;
pub mod program;
pub mod render;
pub mod serve;
pub mod site;
pub mod slug;
pub mod source;
pub mod vocab;
pub mod write;

use std::path::Path;

use crate::clock::BuildDate;
use crate::diag::Diagnostics;
use crate::error::{Error, Result};
use crate::layout::{JOURNAL_FILE, TEMPLATES};
use crate::model::{FoldOptions, Visibility};
use crate::site::Sink;

/// What a build includes.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Include drafts (`--drafts`).
    pub drafts: bool,
    /// Include private sessions, blocks and items (`--include-private`).
    pub include_private: bool,
    /// Override the base URL (`--base-url`).
    pub base_url: Option<String>,
}

impl BuildOptions {
    /// What the built site keeps of private text.
    pub fn visibility(&self) -> Visibility {
        if self.include_private {
            Visibility::Everything
        } else {
            Visibility::Public
        }
    }
}

/// Loads and folds the journal at `dir`. Every problem found is added to `diags`, the
/// fold's too when some notes failed to load, so one run reports them all; any error
/// gives `Error::InvalidInput`.
pub fn load_journal(
    dir: &Path,
    options: &BuildOptions,
    today: BuildDate,
    diags: &mut Diagnostics,
) -> Result<model::Journal> {
    load_journal_cached(dir, options, today, None, diags)
}

/// `load_journal`, reusing the notes `cache` parsed in an earlier load (`serve`).
fn load_journal_cached(
    dir: &Path,
    options: &BuildOptions,
    today: BuildDate,
    cache: Option<&load::NoteCache>,
    diags: &mut Diagnostics,
) -> Result<model::Journal> {
    let load_options = load::LoadOptions {
        drafts: options.drafts,
        program: None,
    };
    let source = load::journal_cached(dir, &load_options, cache, diags)?;
    let Some(source) = source else {
        return Err(Error::InvalidInput(diags.count(diag::Severity::Error).max(1)));
    };
    let visibility = options.visibility();
    let fold_options = FoldOptions {
        drafts: options.drafts,
        default_cadence: None,
    };
    let journal = model::fold(source, fold_options, visibility, today.0, diags);
    if diags.has_errors() {
        return Err(Error::InvalidInput(diags.count(diag::Severity::Error)));
    }
    Ok(journal)
}

/// Loads, folds and renders the journal at `dir` into `sink`; returns how many files
/// were written. Problems in the input are added to `diags`; when any is an error,
/// nothing is rendered and `Error::InvalidInput` is returned.
pub fn build_site(
    dir: &Path,
    options: &BuildOptions,
    today: BuildDate,
    sink: &impl Sink,
    diags: &mut Diagnostics,
) -> Result<usize> {
    build_site_cached(dir, options, today, None, sink, diags)
}

/// `build_site`, reusing the notes `cache` parsed in an earlier build when nothing they
/// depend on changed: `serve` keeps one between rebuilds.
pub fn build_site_cached(
    dir: &Path,
    options: &BuildOptions,
    today: BuildDate,
    cache: Option<&load::NoteCache>,
    sink: &impl Sink,
    diags: &mut Diagnostics,
) -> Result<usize> {
    let journal = load_journal_cached(dir, options, today, cache, diags)?;
    if options.base_url.is_none() && journal.config.base_url.is_none() {
        diags.push(
            diag::Diagnostic::file(
                diag::Severity::Warning,
                &dir.join(JOURNAL_FILE),
                "feed.xml links are relative and there is no sitemap, because the site's address is unknown",
            )
            .help("feed readers need absolute links: set `base_url:` in journal.yaml, or pass --base-url"),
        );
    }
    let theme = render::Theme::load(Some(&dir.join(TEMPLATES)))?;
    let render_options = render::RenderOptions {
        base_url: options.base_url.clone(),
        program: None,
    };
    render::site(&journal, &theme, &render_options, sink)
}
