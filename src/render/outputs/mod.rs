//! The files that are not pages, one module each: the Atom feed, the sitemap and
//! robots.txt, the search index, `journal.json` and `program.json`. Each goes to the sink
//! as soon as it is made: a big journal's search index is as large as all its notes, and
//! is not kept while the pages render.

pub mod feed;
pub mod journal_json;
pub mod program_json;
pub mod search;
pub mod sitemap;

use std::cell::Cell;

use crate::error::Result;
use crate::render::links::{BaseUrl, FEED, JOURNAL_JSON, Linker, ROBOTS, SEARCH_INDEX, SITEMAP, feed_hrefs, site_path};
use crate::render::views::PageCx;
use crate::site::Sink;

/// What a journal's outputs are made from.
pub(crate) struct Publishing<'a> {
    /// Links inside notes resolve as on the pages; `linker` is replaced by the feed's.
    pub cx: PageCx<'a>,
    /// The site's address, when known.
    pub base: Option<&'a BaseUrl>,
    /// The pages the sitemap lists.
    pub sitemap_pages: Vec<&'a str>,
    /// robots.txt is the program's then, not the journal's.
    pub in_program: bool,
}

/// Writes feed.xml, robots.txt, search-index.js, journal.json, and sitemap.xml with a base
/// URL; returns how many.
pub(crate) fn publish(p: &Publishing<'_>, sink: &impl Sink) -> Result<usize> {
    let journal = p.cx.journal;
    let written = Cell::new(0);
    let put = |path: &str, text: String| {
        written.set(written.get() + 1);
        sink.put(site_path(path.to_string())?, text.into_bytes())
    };
    let cx = PageCx {
        linker: p.base.map_or_else(Linker::at_root, |b| Linker::rooted(Some(b))),
        program: None,
        ..p.cx
    };
    let entries = feed::journal_entries(journal, &cx.linker, &|s| cx.note_html(s));
    let config = &journal.config;
    let author = format!("{} & {}", config.mentor, config.mentee);
    let (self_href, home_href) = feed_hrefs(p.base);
    written.set(written.get() + 1);
    sink.put_streamed(site_path(FEED.to_string())?, &mut |out| {
        feed::write_atom(out, &config.title, &author, &self_href, &home_href, &entries)
    })?;
    drop(entries);
    if !p.in_program {
        put(ROBOTS, sitemap::robots(p.base.map(|b| b.url(SITEMAP)).as_deref()))?;
    }
    written.set(written.get() + 1);
    sink.put_streamed(site_path(SEARCH_INDEX.to_string())?, &mut |out| {
        search::write_journal_search_index(journal, out)
    })?;
    put(JOURNAL_JSON, journal_json::journal_json(journal))?;
    if let Some(b) = p.base {
        let urls: Vec<String> = p.sitemap_pages.iter().map(|path| b.url(path)).collect();
        put(SITEMAP, sitemap::sitemap(&urls))?;
    }
    Ok(written.get())
}
