//! Where a journal's files go and in what order they are made: every page of the page
//! table rendered in parallel and streamed to the sink, the outputs that are not pages made
//! meanwhile, then the theme's assets and the journal's static files.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::model::Journal;
use crate::render::RenderOptions;
use crate::render::cards::Cards;
use crate::render::links::{BaseUrl, Linker, session_path, site_path, static_path};
use crate::render::outputs::{Publishing, publish};
use crate::render::page_views::{JournalPage, context};
use crate::render::theme::{Theme, chain};
use crate::render::views::PageCx;
use crate::site::{Sink, SitePath};

/// Renders every page, asset and static file into `sink`.
pub(crate) fn render_all(journal: &Journal, theme: &Theme, options: &RenderOptions, sink: &impl Sink) -> Result<usize> {
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
            publish(publishing, sink)
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
        .try_for_each(|f| sink.put(site_path(static_path(&f.rel))?, f.bytes.clone()))?;
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
