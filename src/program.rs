//! Programs: many pairs' journals built into one site. Each journal goes through
//! load → model → render on its own, in parallel, into `<slug>/`, leaving only a small
//! summary for the program's own pages, so memory follows the largest journal.

use std::path::Path;

use rayon::prelude::*;

use crate::BuildOptions;
use crate::clock::BuildDate;
use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::error::{Error, Result};
use crate::load::program::{self as program_config, Member, ProgramConfig};
use crate::load::{LoadOptions, NoteCache, ProgramRules};
use crate::model::program::{JournalSummary, summarize};
use crate::model::{FoldOptions, Journal};
use crate::render::links::{BaseUrl, Linker, Page, session_path};
use crate::render::outputs::feed::{FeedEntry, journal_entries, xml_escape};
use crate::render::outputs::search::SearchDoc;
use crate::render::program::{PROGRAM_FEED_ENTRIES, ProgramPages, render_program};
use crate::render::{RenderOptions, Theme};
use crate::site::{Prefixed, Sink};

/// The outcome of a program build.
#[derive(Debug, Clone, Default)]
pub struct ProgramReport {
    /// Files written.
    pub files: usize,
    /// Journals left out because of errors (`--keep-going`), by folder.
    pub left_out: Vec<String>,
}

/// True when `dir` holds a `program.yaml`.
pub fn is_program(dir: &Path) -> bool {
    dir.join("program.yaml").is_file()
}

/// Reads `program.yaml` and finds the journals; any error stops here.
fn open(dir: &Path, diags: &mut Diagnostics) -> Result<(ProgramConfig, Vec<Member>)> {
    let path = dir.join("program.yaml");
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
    let errors = diags.count(Severity::Error);
    let members = program_config::members(dir, &config, diags);
    if diags.count(Severity::Error) > errors {
        return Err(Error::InvalidInput(diags.count(Severity::Error)));
    }
    Ok((config, members))
}

/// The folders of the program's journals (to check an output folder against them before
/// anything is written); `Err` when `program.yaml` or the list of journals has errors,
/// which are in `diags`.
pub fn journal_dirs(dir: &Path, diags: &mut Diagnostics) -> Result<Vec<std::path::PathBuf>> {
    let (_, members) = open(dir, diags)?;
    Ok(members.into_iter().map(|m| m.dir).collect())
}

/// What every journal of one program build shares.
struct Run<'a> {
    config: &'a ProgramConfig,
    base_url: Option<&'a str>,
    options: &'a BuildOptions,
    today: BuildDate,
    /// Notes parsed by the previous build (`serve`).
    cache: Option<&'a NoteCache>,
}

/// Loads and folds one journal of the program with the program's rules.
fn fold_member(member: &Member, run: &Run<'_>, diags: &mut Diagnostics) -> Result<Option<Journal>> {
    let Run {
        config,
        base_url,
        options,
        today,
        cache,
    } = *run;
    let rules = ProgramRules {
        raw_html: config.raw_html,
        noindex: config.noindex,
        language: config.language.clone(),
        base_url: base_url.map(|b| BaseUrl::new(b).folder(&member.slug).into()),
    };
    let load_options = LoadOptions {
        drafts: options.drafts,
        program: Some(rules),
    };
    let Some(source) = crate::load::journal_cached(&member.dir, &load_options, cache, diags)? else {
        return Ok(None);
    };
    let visibility = options.visibility();
    let fold_options = FoldOptions {
        drafts: options.drafts,
        default_cadence: config.cadence_days,
    };
    let journal = crate::model::fold(source, fold_options, visibility, today.0, diags);
    Ok((!diags.has_errors()).then_some(journal))
}

/// Checks every journal of the program; problems go to `diags`.
pub fn check_program(dir: &Path, options: &BuildOptions, today: BuildDate, diags: &mut Diagnostics) -> Result<usize> {
    let (config, members) = open(dir, diags)?;
    let run = Run {
        config: &config,
        base_url: None,
        options,
        today,
        cache: None,
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
    search: Vec<SearchDoc>,
    feed: Vec<FeedEntry>,
}

/// Builds the program at `dir` into `sink`. A journal with errors fails the whole build,
/// unless `keep_going`: then it is left out and named in the report.
pub fn build_program(
    dir: &Path,
    options: &BuildOptions,
    keep_going: bool,
    today: BuildDate,
    sink: &impl Sink,
    diags: &mut Diagnostics,
) -> Result<ProgramReport> {
    build_program_cached(dir, options, keep_going, today, None, sink, diags)
}

/// `build_program`, reusing the notes `cache` parsed in an earlier build (`serve`).
pub fn build_program_cached(
    dir: &Path,
    options: &BuildOptions,
    keep_going: bool,
    today: BuildDate,
    cache: Option<&NoteCache>,
    sink: &impl Sink,
    diags: &mut Diagnostics,
) -> Result<ProgramReport> {
    let (config, members) = open(dir, diags)?;
    if let Some(cache) = cache {
        cache.keep_journals(&members.iter().map(|m| m.dir.as_path()).collect::<Vec<_>>());
    }
    let base_url = options.base_url.clone().or_else(|| config.base_url.clone());
    if base_url.is_none() {
        diags.push(
            Diagnostic::file(
                Severity::Warning,
                &dir.join("program.yaml"),
                "feed.xml links are relative and there is no sitemap, because the site's address is unknown",
            )
            .help("feed readers need absolute links: set `base_url:` in program.yaml, or pass --base-url"),
        );
    }
    let theme = Theme::load(None)?;
    let run = Run {
        config: &config,
        base_url: base_url.as_deref(),
        options,
        today,
        cache,
    };
    let results: Vec<(Diagnostics, Result<Option<MemberOutput>>)> = members
        .par_iter()
        .map(|m| {
            let mut local = Diagnostics::new();
            let out = build_member(m, &run, &theme, sink, &mut local);
            (local, out)
        })
        .collect();
    let mut report = ProgramReport::default();
    let mut outputs = Vec::new();
    let mut failed = 0;
    for ((local, out), member) in results.into_iter().zip(&members) {
        let output = out?;
        match output {
            Some(o) => outputs.push(o),
            None if keep_going => report.left_out.push(member.dir.display().to_string()),
            None => failed += 1,
        }
        diags.extend(local);
    }
    if failed > 0 {
        return Err(Error::InvalidInput(diags.count(Severity::Error)));
    }
    let mut feed: Vec<FeedEntry> = outputs.iter().flat_map(|o| o.feed.iter().cloned()).collect();
    feed.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.href.cmp(&b.href)));
    feed.truncate(PROGRAM_FEED_ENTRIES);
    let summaries: Vec<JournalSummary> = outputs.iter().map(|o| o.summary.clone()).collect();
    let search: Vec<SearchDoc> = outputs.iter().flat_map(|o| o.search.iter().cloned()).collect();
    let pages = ProgramPages {
        config: &config,
        summaries: &summaries,
        search: &search,
        feed: &feed,
        today: today.0,
        base_url,
        shows_private: options.include_private,
    };
    report.files = outputs.iter().map(|o| o.files).sum::<usize>() + render_program(&pages, &theme, sink)?;
    Ok(report)
}

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
    let templates = member.dir.join("templates");
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
    let links = match &journal.config.base_url {
        Some(b) => Linker::rooted(Some(&BaseUrl::new(b))),
        None => Linker::into_folder(&member.slug),
    };
    let pair = format!("{} & {}", journal.config.mentor, journal.config.mentee);
    let feed = journal_entries(&journal, &links, &|s| xml_summary(s, &pair))
        .into_iter()
        .take(PROGRAM_FEED_ENTRIES)
        .map(|mut e| {
            e.title = format!("{pair}: {}", e.title);
            e
        })
        .collect();
    let mut search = vec![SearchDoc {
        t: pair.clone(),
        u: Linker::into_folder(&member.slug).page(Page::Home),
        d: journal.config.title.clone(),
        k: String::new(),
        x: String::new(),
    }];
    search.extend(journal.sessions.iter().rev().filter_map(|s| {
        let slug = s.slug_path.as_deref()?;
        Some(SearchDoc {
            t: s.title.clone().unwrap_or_default(),
            u: Linker::into_folder(&member.slug).to(&session_path(slug)),
            d: format!("{pair} · {}", crate::render::labels::date_label(s.date)),
            k: s.topics.join(" "),
            x: String::new(),
        })
    }));
    Ok(Some(MemberOutput {
        files,
        summary: summarize(&journal, &member.slug),
        search,
        feed,
    }))
}

/// A program feed entry's content: the pair and the topics (the notes stay in the
/// journal's own feed).
fn xml_summary(session: &crate::model::Session, pair: &str) -> String {
    let topics = if session.topics.is_empty() {
        String::new()
    } else {
        format!(" Topics: {}.", xml_escape(&session.topics.join(", ")))
    };
    format!("<p>A session of {}.{topics}</p>", xml_escape(pair))
}
