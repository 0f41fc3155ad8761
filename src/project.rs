//! A project is what a command is pointed at: one journal, or a program (many pairs'
//! journals built into one site). Detected here, once, and checked and built here, on one
//! path: each journal goes through load → model → render on its own; a program's journals
//! in parallel, into `<slug>/`, each leaving only a small summary for the program's own
//! pages, so memory follows the largest journal.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;

use crate::clock::BuildDate;
use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::error::{Error, Result};
use crate::layout::{JOURNAL_FILE, PROGRAM_FILE, TEMPLATES};
use crate::load::program::{self as program_config, Member};
use crate::load::{LoadOptions, NoteCache, ProgramRules};
use crate::model::program::{JournalSummary, summarize};
use crate::model::{FoldOptions, Journal, Visibility};
use crate::render::outputs::search::SearchDoc;
use crate::render::program::{ProgramPages, render_program};
use crate::render::program_outputs::{MemberOutputs, member_base_url, member_outputs, program_feed};
use crate::render::{RenderOptions, Theme};
use crate::site::{Prefixed, Sink};
use crate::source::ProgramConfig;

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

/// What a build leaves for the next one: `serve` keeps one across rebuilds, so a save
/// re-parses only the notes it changed, and the command names the site by the title the
/// build read rather than reading the settings file again.
#[derive(Debug, Default)]
pub struct Cache {
    notes: NoteCache,
    title: Mutex<Option<String>>,
}

impl Cache {
    /// Nothing built yet.
    pub fn new() -> Cache {
        Cache::default()
    }

    /// The title the last build read from `journal.yaml` or `program.yaml`, if it could.
    pub fn title(&self) -> Option<String> {
        self.title.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    fn saw_title(&self, title: &str) {
        *self.title.lock().unwrap_or_else(PoisonError::into_inner) = Some(title.to_string());
    }
}

/// One build (or check): what it includes, its date, and what it may reuse.
#[derive(Debug, Clone)]
pub struct Build<'a> {
    /// Drafts, private text and the base URL.
    pub options: BuildOptions,
    /// "Today", for overdue commitments and cadence.
    pub today: BuildDate,
    /// In a program, a journal with errors is left out instead of failing the build.
    pub keep_going: bool,
    /// What the previous build left (`serve`).
    pub cache: Option<&'a Cache>,
}

impl Build<'static> {
    /// A build from scratch that stops at the first journal with errors.
    pub fn new(options: BuildOptions, today: BuildDate) -> Build<'static> {
        Build {
            options,
            today,
            keep_going: false,
            cache: None,
        }
    }
}

impl Build<'_> {
    fn notes(&self) -> Option<&NoteCache> {
        self.cache.map(|c| &c.notes)
    }

    fn saw_title(&self, title: &str) {
        if let Some(cache) = self.cache {
            cache.saw_title(title);
        }
    }
}

/// The outcome of a build.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    /// Files written.
    pub files: usize,
    /// A program's journals left out because of errors (`keep_going`), by folder.
    pub left_out: Vec<String>,
}

/// A journal or a program, by its folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Project {
    /// The folder holds `journal.yaml`.
    Journal(PathBuf),
    /// The folder holds `program.yaml`.
    Program(PathBuf),
}

impl Project {
    /// A program when `dir` holds `program.yaml`, else a journal: loading it says what is
    /// wrong with it (`check`).
    pub fn detect(dir: &Path) -> Project {
        if dir.join(PROGRAM_FILE).is_file() {
            Project::Program(dir.to_path_buf())
        } else {
            Project::Journal(dir.to_path_buf())
        }
    }

    /// `detect`, refusing a folder with neither settings file before anything is done
    /// (`build`, `serve`).
    ///
    /// # Errors
    ///
    /// `Error::NotAJournal` when `dir` has neither `journal.yaml` nor `program.yaml`. A
    /// `journal.yaml` that is there but is no readable file (a folder, a pipe, a broken
    /// link) makes a journal: loading it says precisely what is wrong.
    pub fn open(dir: &Path) -> Result<Project> {
        match Project::detect(dir) {
            Project::Journal(dir) if dir.join(JOURNAL_FILE).symlink_metadata().is_err() => Err(Error::NotAJournal(dir)),
            project => Ok(project),
        }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        match self {
            Project::Journal(dir) | Project::Program(dir) => dir,
        }
    }

    /// The folders of a program's journals (to check an output folder against them before
    /// anything is written); none for a journal.
    ///
    /// # Errors
    ///
    /// `Error::InvalidInput` when `program.yaml` or the list of journals has errors, which
    /// are in `diags`.
    pub fn journal_dirs(&self, diags: &mut Diagnostics) -> Result<Vec<PathBuf>> {
        match self {
            Project::Journal(_) => Ok(Vec::new()),
            Project::Program(dir) => {
                let (_, members) = open_program(dir, None, diags)?;
                Ok(members.into_iter().map(|m| m.dir).collect())
            }
        }
    }

    /// Loads and folds every journal, renders nothing; returns how many sessions were
    /// checked. Problems go to `diags`.
    ///
    /// # Errors
    ///
    /// `Error::InvalidInput` when any problem is an error; a folder that cannot be read is
    /// `Error::Io` or `Error::NotAJournal`.
    pub fn check(&self, build: &Build<'_>, diags: &mut Diagnostics) -> Result<usize> {
        match self {
            Project::Journal(dir) => load_journal(dir, build, diags).map(|j| j.sessions.len()),
            Project::Program(dir) => check_program(dir, build, diags),
        }
    }

    /// Builds the site into `sink`. Problems in the input are added to `diags`.
    ///
    /// # Errors
    ///
    /// `Error::InvalidInput` when any problem in the input is an error (a program's broken
    /// journals are left out instead when `build.keep_going`, and named in the report); the
    /// theme's, the rendering's and the sink's errors as they come.
    pub fn build(&self, build: &Build<'_>, sink: &impl Sink, diags: &mut Diagnostics) -> Result<BuildReport> {
        match self {
            Project::Journal(dir) => build_journal(dir, build, sink, diags).map(|files| BuildReport {
                files,
                left_out: Vec::new(),
            }),
            Project::Program(dir) => build_program(dir, build, sink, diags),
        }
    }
}

/// Loads and folds the journal at `dir`. Every problem found is added to `diags`, the
/// fold's too when some notes failed to load, so one run reports them all.
///
/// # Errors
///
/// `Error::InvalidInput` when any problem is an error; `Error::NotAJournal` without a
/// `journal.yaml`.
pub fn load_journal(dir: &Path, build: &Build<'_>, diags: &mut Diagnostics) -> Result<Journal> {
    let journal = fold_journal(dir, None, None, build, diags)?;
    if let Some(journal) = &journal {
        build.saw_title(&journal.config.title);
    }
    match journal {
        Some(journal) if !diags.has_errors() => Ok(journal),
        _ => Err(Error::InvalidInput(diags.count(Severity::Error).max(1))),
    }
}

/// Loads and folds one journal, alone or in a program (its rules and cadence); `None` when
/// its settings file is unusable. The journal comes back even when `diags` holds errors:
/// the caller decides.
fn fold_journal(
    dir: &Path,
    rules: Option<ProgramRules>,
    default_cadence: Option<u32>,
    build: &Build<'_>,
    diags: &mut Diagnostics,
) -> Result<Option<Journal>> {
    let options = &build.options;
    let load_options = LoadOptions {
        drafts: options.drafts,
        program: rules,
    };
    let Some(source) = crate::load::journal_cached(dir, &load_options, build.notes(), diags)? else {
        return Ok(None);
    };
    let fold_options = FoldOptions {
        drafts: options.drafts,
        default_cadence,
    };
    Ok(Some(crate::model::fold(
        source,
        fold_options,
        options.visibility(),
        build.today.0,
        diags,
    )))
}

/// The warning for a site whose address is unknown, at its settings file.
fn unknown_address(settings: &Path, name: &str) -> Diagnostic {
    Diagnostic::file(
        Severity::Warning,
        settings,
        "feed.xml links are relative and there is no sitemap, because the site's address is unknown",
    )
    .help(format!(
        "feed readers need absolute links: set `base_url:` in {name}, or pass --base-url"
    ))
}

fn build_journal(dir: &Path, build: &Build<'_>, sink: &impl Sink, diags: &mut Diagnostics) -> Result<usize> {
    let journal = load_journal(dir, build, diags)?;
    if build.options.base_url.is_none() && journal.config.base_url.is_none() {
        diags.push(unknown_address(&dir.join(JOURNAL_FILE), "journal.yaml"));
    }
    let theme = Theme::load(Some(&dir.join(TEMPLATES)))?;
    let render_options = RenderOptions {
        base_url: build.options.base_url.clone(),
        program: None,
    };
    crate::render::site(&journal, &theme, &render_options, sink)
}

/// Reads `program.yaml` and finds the journals; any error stops here.
fn open_program(
    dir: &Path,
    build: Option<&Build<'_>>,
    diags: &mut Diagnostics,
) -> Result<(ProgramConfig, Vec<Member>)> {
    let path = dir.join(PROGRAM_FILE);
    if path.is_symlink() {
        let target = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        let real_dir = std::fs::canonicalize(dir).ok();
        if !real_dir.is_some_and(|d| target.starts_with(d)) {
            diags.push(
                Diagnostic::file(
                    Severity::Error,
                    &path,
                    format!(
                        "program.yaml is a symbolic link that leads outside the program folder, to `{}`; mentorlog reads nothing outside the program folder",
                        target.display()
                    ),
                )
                .help("replace the link with the real program.yaml"),
            );
            return Err(Error::InvalidInput(1));
        }
    }
    let bytes = crate::fs::read_bytes(&path)?;
    let Ok(text) = String::from_utf8(bytes) else {
        diags.push(Diagnostic::file(Severity::Error, &path, "program.yaml is not UTF-8 text").help("save it as UTF-8"));
        return Err(Error::InvalidInput(1));
    };
    let config = program_config::read(&path, &text, diags);
    let Some(config) = config else {
        return Err(Error::InvalidInput(diags.count(Severity::Error).max(1)));
    };
    if let Some(build) = build {
        build.saw_title(&config.title);
    }
    let errors = diags.count(Severity::Error);
    let members = program_config::members(dir, &config, diags);
    if diags.count(Severity::Error) > errors {
        return Err(Error::InvalidInput(diags.count(Severity::Error)));
    }
    Ok((config, members))
}

/// What every journal of one program build shares.
struct Run<'a> {
    config: &'a ProgramConfig,
    base_url: Option<&'a str>,
    build: &'a Build<'a>,
}

/// Loads and folds one journal of the program with the program's rules; `None` when it
/// has errors.
fn fold_member(member: &Member, run: &Run<'_>, diags: &mut Diagnostics) -> Result<Option<Journal>> {
    let config = run.config;
    let rules = ProgramRules {
        raw_html: config.raw_html,
        noindex: config.noindex,
        language: config.language.clone(),
        base_url: run.base_url.map(|b| member_base_url(b, &member.slug)),
    };
    let journal = fold_journal(&member.dir, Some(rules), config.cadence_days, run.build, diags)?;
    Ok(journal.filter(|_| !diags.has_errors()))
}

/// Checks every journal of the program; problems go to `diags`.
fn check_program(dir: &Path, build: &Build<'_>, diags: &mut Diagnostics) -> Result<usize> {
    let (config, members) = open_program(dir, Some(build), diags)?;
    let run = Run {
        config: &config,
        base_url: None,
        build,
    };
    let results: Vec<(Diagnostics, Result<Option<Journal>>)> = members
        .par_iter()
        .map(|m| {
            let mut local = Diagnostics::new();
            let folded = fold_member(m, &run, &mut local);
            (local, folded)
        })
        .collect();
    let mut sessions = 0;
    for (local, folded) in results {
        diags.extend(local);
        if let Some(journal) = folded? {
            sessions += journal.sessions.len();
        }
    }
    if diags.has_errors() {
        return Err(Error::InvalidInput(diags.count(Severity::Error)));
    }
    Ok(sessions)
}

/// What one journal leaves behind for the program pages.
struct MemberOutput {
    files: usize,
    summary: JournalSummary,
    outputs: MemberOutputs,
}

/// Builds the program at `dir` into `sink`. A journal with errors fails the whole build,
/// unless `keep_going`: then it is left out and named in the report.
fn build_program(dir: &Path, build: &Build<'_>, sink: &impl Sink, diags: &mut Diagnostics) -> Result<BuildReport> {
    let (config, members) = open_program(dir, Some(build), diags)?;
    if let Some(notes) = build.notes() {
        notes.keep_journals(&members.iter().map(|m| m.dir.as_path()).collect::<Vec<_>>());
    }
    let base_url = build.options.base_url.clone().or_else(|| config.base_url.clone());
    if base_url.is_none() {
        diags.push(unknown_address(&dir.join(PROGRAM_FILE), "program.yaml"));
    }
    let theme = Theme::load(None)?;
    let run = Run {
        config: &config,
        base_url: base_url.as_deref(),
        build,
    };
    let results: Vec<(Diagnostics, Result<Option<MemberOutput>>)> = members
        .par_iter()
        .map(|m| {
            let mut local = Diagnostics::new();
            let out = build_member(m, &run, &theme, sink, &mut local);
            (local, out)
        })
        .collect();
    let mut report = BuildReport::default();
    let mut outputs = Vec::new();
    let mut failed = 0;
    for ((local, out), member) in results.into_iter().zip(&members) {
        let output = out?;
        match output {
            Some(o) => outputs.push(o),
            None if build.keep_going => report.left_out.push(member.dir.display().to_string()),
            None => failed += 1,
        }
        diags.extend(local);
    }
    if failed > 0 {
        return Err(Error::InvalidInput(diags.count(Severity::Error)));
    }
    let feed = program_feed(outputs.iter().map(|o| &o.outputs));
    let summaries: Vec<JournalSummary> = outputs.iter().map(|o| o.summary.clone()).collect();
    let search: Vec<SearchDoc> = outputs.iter().flat_map(|o| o.outputs.search.iter().cloned()).collect();
    let pages = ProgramPages {
        config: &config,
        summaries: &summaries,
        search: &search,
        feed: &feed,
        today: build.today.0,
        base_url,
        shows_private: build.options.include_private,
    };
    report.files = outputs.iter().map(|o| o.files).sum::<usize>() + render_program(&pages, &theme, sink)?;
    Ok(report)
}

/// Builds one journal of the program into `<slug>/` of `sink`; `None` when it has errors.
fn build_member(
    member: &Member,
    run: &Run<'_>,
    default_theme: &Theme,
    sink: &impl Sink,
    diags: &mut Diagnostics,
) -> Result<Option<MemberOutput>> {
    let config = run.config;
    let Some(journal) = fold_member(member, run, diags)? else {
        return Ok(None);
    };
    let templates = member.dir.join(TEMPLATES);
    let own_theme = if templates.is_dir() {
        if config.journal_templates {
            Some(Theme::load(Some(&templates))?)
        } else {
            diags.push(
                Diagnostic::file(
                    Severity::Warning,
                    &templates,
                    "the journal's templates are ignored in a program",
                )
                .help("set `journal_templates: true` in program.yaml to allow them"),
            );
            None
        }
    } else {
        None
    };
    let theme = own_theme.as_ref().unwrap_or(default_theme);
    let render_options = RenderOptions {
        base_url: journal.config.base_url.clone(),
        program: Some(config.title.clone()),
    };
    let files = crate::render::site(&journal, theme, &render_options, &Prefixed::new(sink, &member.slug))?;
    Ok(Some(MemberOutput {
        files,
        summary: summarize(&journal, &member.slug),
        outputs: member_outputs(&journal, &member.slug),
    }))
}
