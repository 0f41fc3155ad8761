//! Where a journal's files go and in what order they are made: every page of the page
//! table rendered in parallel and streamed to the sink, the outputs that are not pages made
//! meanwhile, then the theme's assets and the journal's static files.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::model::Journal;
use crate::render::cards::Cards;
use crate::render::links::{BaseUrl, Linker, session_path, site_path, static_path};
use crate::render::outputs::{Publishing, publish};
use crate::render::page_views::{JournalPage, context};
use crate::render::theme::{Theme, chain};
use crate::render::views::PageCx;
use crate::site::{Sink, SitePath};

/// How to render.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Absolute URL the site is published at (`--base-url`, else `journal.yaml`).
    pub base_url: Option<String>,
    /// The program's title when the journal is published in a program folder: assets,
    /// robots.txt and 404.html then live at the program's root, not in the journal's.
    pub program: Option<String>,
}

/// Renders the whole site into `sink`: every page, asset and static file; returns how many
/// files were written.
///
/// # Errors
///
/// `Error::Render` when a template fails on a page; the sink's errors as they come.
pub fn site(journal: &Journal, theme: &Theme, options: &RenderOptions, sink: &impl Sink) -> Result<usize> {
    let program = options.program.as_deref();
    let mut pages = vec![
        JournalPage::Home,
        JournalPage::Timeline,
        JournalPage::Goals,
        JournalPage::Commitments,
        JournalPage::Topics,
        JournalPage::NotFound,
        JournalPage::Search,
    ];
    // A program has one 404 page, at its root.
    if program.is_some() {
        pages.retain(|p| !matches!(p, JournalPage::NotFound));
    }
    pages.extend(
        (0..journal.sessions.len())
            .filter(|&i| journal.sessions[i].slug_path.is_some())
            .map(JournalPage::Session),
    );
    pages.extend((0..journal.goals.len()).map(JournalPage::Goal));
    pages.extend((0..journal.topics.len()).map(JournalPage::Topic));
    let paths: Vec<String> = pages.iter().map(|p| p.path(journal)).collect();
    let note_pages: HashMap<usize, String> = journal
        .sessions
        .iter()
        .filter_map(|s| s.slug_path.as_ref().map(|p| (s.note_index, session_path(p))))
        .collect();
    let statics: Vec<String> = journal.statics.iter().map(|f| f.rel.clone()).collect();
    let base = options
        .base_url
        .as_deref()
        .or(journal.config.base_url.as_deref())
        .map(BaseUrl::new);
    let cx = PageCx {
        journal,
        linker: Linker::at_root(),
        note_pages: &note_pages,
        statics: &statics,
        program,
    };
    let cards = Cards::new(journal.sessions.len());
    // The feed, search index and JSON do not depend on the pages: make them meanwhile.
    let (rendered, published) = rayon::join(
        || {
            pages.par_iter().zip(&paths).try_for_each(|(&page, path)| {
                let path = site_path(path.clone())?;
                let linker = match page {
                    JournalPage::NotFound => Linker::rooted(base.as_ref()),
                    _ if program.is_some() => Linker::relative(&path).in_program(),
                    _ => Linker::relative(&path),
                };
                let cx = PageCx { linker, ..cx };
                let html = render_page(page, &cx, theme, &cards, &path)?;
                sink.put(path, html.into_bytes())
            })
        },
        || {
            let sitemap_pages = pages
                .iter()
                .zip(&paths)
                .filter(|(p, _)| !matches!(p, JournalPage::NotFound))
                .map(|(_, path)| path.as_str())
                .collect();
            let publishing = Publishing {
                cx: PageCx {
                    linker: Linker::at_root(),
                    ..cx
                },
                base: base.as_ref(),
                sitemap_pages,
                in_program: program.is_some(),
            };
            publish(&publishing, sink)
        },
    );
    rendered?;
    let published = published?;
    if program.is_none() {
        write_assets(theme, sink)?;
    }
    journal
        .statics
        .par_iter()
        .try_for_each(|f| sink.put_file(site_path(static_path(&f.rel))?, &f.file))?;
    let assets = if program.is_none() { theme.assets.len() } else { 0 };
    Ok(pages.len() + assets + journal.statics.len() + published)
}

/// The theme's CSS, icon and search script, under `assets/`.
pub(crate) fn write_assets(theme: &Theme, sink: &impl Sink) -> Result<()> {
    for (path, bytes) in &theme.assets {
        sink.put(site_path(path.clone())?, bytes.clone())?;
    }
    Ok(())
}

fn render_page(page: JournalPage, cx: &PageCx<'_>, theme: &Theme, cards: &Cards, path: &SitePath) -> Result<String> {
    let template = page.kind().template();
    let render_error = |message: String| Error::Render {
        page: path.to_string(),
        template: template.to_string(),
        message,
    };
    let context = context(page, cx, theme, cards).map_err(|e| render_error(chain(&e)))?;
    theme
        .tera
        .render(template, &context)
        .map_err(|e| render_error(chain(&e)))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use super::{RenderOptions, site};
    use crate::diag::{Diagnostics, Origin};
    use crate::model::{FoldOptions, Visibility};
    use crate::render::Theme;
    use crate::render::links::{Nav, Page, SITEMAP};
    use crate::site::Site;
    use crate::source::{FrontMatter, GoalEntry, JournalConfig, JournalSource, Note, SessionSource};

    /// One session of 2026-01-0`day`, with `topics` and goal entries.
    fn session(day: u32, topics: &[&str], goals: Vec<GoalEntry>) -> SessionSource {
        let date = NaiveDate::from_ymd_opt(2026, 1, day).unwrap_or_default();
        let origin = Origin::in_text(Path::new("s.md"), "", 1, 1);
        SessionSource {
            path: format!("sessions/{date}.md").into(),
            rel: format!("sessions/{date}.md"),
            note_index: usize::try_from(day).unwrap_or_default() - 1,
            slug_path: date.to_string(),
            date,
            date_origin: origin,
            title: format!("Session {day}"),
            title_names: None,
            front: FrontMatter {
                topics: topics.iter().map(|t| (*t).to_string()).collect(),
                goals,
                ..FrontMatter::default()
            },
            note: Note::default(),
        }
    }

    /// A journal of two sessions, a topic and a goal, folded and rendered with a base URL:
    /// its files by path.
    fn example() -> Vec<(String, String)> {
        let origin = Origin::in_text(Path::new("s.md"), "", 1, 1);
        let goal = GoalEntry {
            title: Some("Lead a group".into()),
            ..GoalEntry::new(origin, "lead".into())
        };
        let source = JournalSource {
            root: "journal".into(),
            config: JournalConfig {
                title: "Sam & Dana".into(),
                mentor: "Dana".into(),
                mentee: "Sam".into(),
                program: None,
                cadence_days: None,
                base_url: None,
                language: "en".into(),
                noindex: false,
                raw_html: false,
                id: None,
            },
            sessions: vec![session(1, &["feedback"], vec![goal]), session(2, &[], Vec::new())],
            statics: Vec::new(),
        };
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default();
        let mut diags = Diagnostics::new();
        let fold = FoldOptions {
            drafts: false,
            default_cadence: None,
        };
        let journal = crate::model::fold(source, fold, Visibility::Public, today, &mut diags);
        let theme = Theme::load(None);
        assert!(theme.is_ok(), "{:?}", theme.err());
        let options = RenderOptions {
            base_url: Some("https://example.org/j".to_string()),
            program: None,
        };
        let out = Site::new();
        let written = theme.and_then(|theme| site(&journal, &theme, &options, &out));
        assert!(written.is_ok(), "{written:?}");
        out.into_files()
            .into_iter()
            .map(|(path, bytes)| (path.to_string(), String::from_utf8_lossy(&bytes).into_owned()))
            .collect()
    }

    #[test]
    fn every_page_of_the_table_is_written_and_the_sitemap_lists_all_but_the_404_page() {
        let files = example();
        let has = |path: &str| files.iter().any(|(p, _)| p == path);
        for page in Page::JOURNAL {
            assert!(has(page.file()), "{page:?}: {} is missing", page.file());
        }
        let html: Vec<&str> = files
            .iter()
            .map(|(p, _)| p.as_str())
            .filter(|p| p.ends_with(".html") && *p != Page::NotFound.file())
            .collect();
        for folder in ["sessions/", "goals/", "topics/"] {
            assert!(html.iter().any(|p| p.starts_with(folder)), "{folder}: {html:?}");
        }
        let sitemap = files
            .iter()
            .find(|(p, _)| p == SITEMAP)
            .map(|(_, t)| t.as_str())
            .unwrap_or_default();
        assert_eq!(sitemap.matches("<loc>").count(), html.len(), "{sitemap}");
        for path in html {
            assert!(
                sitemap.contains(&format!("<loc>https://example.org/j/{path}</loc>")),
                "{path}"
            );
        }
    }

    #[test]
    fn a_goal_page_links_up_to_every_navigation_entry() {
        let files = example();
        let entries: Vec<&str> = Page::JOURNAL
            .iter()
            .filter(|p| matches!(p.nav(), Nav::Entry(_)))
            .map(|p| p.file())
            .collect();
        let (path, text) = files
            .iter()
            .find(|(p, _)| p.starts_with("goals/"))
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .unwrap_or_default();
        for file in entries {
            assert!(
                text.contains(&format!("href=\"../{file}\"")),
                "{path} does not link to {file}"
            );
        }
    }
}
