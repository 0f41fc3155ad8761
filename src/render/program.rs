//! A program's own pages at its root: the home with one card per pair (the fading ones
//! first) and the cohort's sessions per month, the program-wide search, feed, sitemap
//! index, robots.txt, 404 page and `program.json`. Built from journal summaries only.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::program::{JournalSummary, cohort_months};
use crate::model::timeline::Health;
use crate::render::labels::{DateView, days_label, rate};
use crate::render::links::{
    BaseUrl, FAVICON, FEED, Linker, PROGRAM_JSON, PROGRAM_SITEMAP, Page, ROBOTS, SEARCH_INDEX, SEARCH_SCRIPT, SITEMAP,
    STYLESHEET, feed_hrefs, member_path, site_path,
};
use crate::render::outputs::feed::{self, FeedEntry};
use crate::render::outputs::program_json::{ProgramMeta, program_json};
use crate::render::outputs::search::{self, SearchDoc};
use crate::render::outputs::sitemap;
use crate::render::pages::write_assets;
use crate::render::svg;
use crate::render::theme::{Theme, chain};
use crate::render::views::{Base, nav};
use crate::site::Sink;
use crate::source::ProgramConfig;

/// How many sessions the program's feed carries.
pub const PROGRAM_FEED_ENTRIES: usize = 100;

/// Everything the program pages are made from.
pub struct ProgramPages<'a> {
    /// `program.yaml`.
    pub config: &'a ProgramConfig,
    /// One summary per published journal.
    pub summaries: &'a [JournalSummary],
    /// Pairs and sessions to search.
    pub search: &'a [SearchDoc],
    /// The newest sessions across journals (at most `PROGRAM_FEED_ENTRIES`), newest first.
    pub feed: &'a [FeedEntry],
    /// The build date.
    pub today: chrono::NaiveDate,
    /// The base URL (`--base-url`, else program.yaml).
    pub base_url: Option<String>,
    /// Private text is on the site.
    pub shows_private: bool,
}

#[derive(Serialize)]
struct HorizonCell {
    label: &'static str,
    goals: usize,
    average: Option<u8>,
}

#[derive(Serialize)]
struct PairCard {
    title: String,
    href: String,
    mentor: String,
    mentee: String,
    sessions_held: usize,
    first: Option<DateView>,
    last: Option<DateView>,
    days_since_last: Option<String>,
    health: &'static str,
    health_label: &'static str,
    cadence: u32,
    horizons: Vec<HorizonCell>,
    average: Option<u8>,
    achieved: usize,
    open: usize,
    overdue: usize,
    follow_through: String,
}

#[derive(Serialize)]
struct Totals {
    pairs: usize,
    sessions: usize,
    on_pace: usize,
    slipping: usize,
    stalled: usize,
    not_started: usize,
}

#[derive(Serialize)]
struct ProgramHome {
    base: Base,
    totals: Totals,
    months_svg_html: String,
    pairs: Vec<PairCard>,
}

#[derive(Serialize)]
struct Plain {
    base: Base,
    index_href: String,
    script_href: String,
    topics_href: String,
}

impl ProgramPages<'_> {
    fn base(&self, linker: &Linker, title: &str, page: Page, css: &str, inline_css: bool) -> Base {
        Base {
            lang: self.config.language.clone(),
            site_title: self.config.title.clone(),
            page_title: title.to_string(),
            noindex: self.config.noindex,
            css_href: (!inline_css).then(|| linker.asset(STYLESHEET)),
            inline_css_html: inline_css.then(|| css.to_string()),
            icon_href: linker.asset(FAVICON),
            home_href: linker.page(Page::ProgramHome),
            nav: nav(&Page::PROGRAM, page, linker),
            mentor: String::new(),
            mentee: String::new(),
            program: None,
            shows_private: self.shows_private,
            program_home: None,
            lead: Some(self.config.lead.clone()),
        }
    }
}

fn render(theme: &Theme, page: Page, view: &impl Serialize) -> Result<String> {
    let template = page.template();
    let error = |message: String| Error::Render {
        page: page.file().to_string(),
        template: template.to_string(),
        message,
    };
    let context = tera::Context::from_serialize(view).map_err(|e| error(chain(&e)))?;
    theme.tera.render(template, &context).map_err(|e| error(chain(&e)))
}

/// A pair's card on the program's home.
fn card(s: &JournalSummary, linker: &Linker) -> PairCard {
    PairCard {
        title: s.title.clone(),
        href: linker.to(&member_path(&s.slug, Page::Home.file())),
        mentor: s.mentor.clone(),
        mentee: s.mentee.clone(),
        sessions_held: s.sessions_held,
        first: s.first.map(DateView::of),
        last: s.last.map(DateView::of),
        days_since_last: s.days_since_last.map(days_label),
        health: s.health.key(),
        health_label: s.health.label(),
        cadence: s.cadence,
        horizons: s
            .horizons
            .iter()
            .map(|h| HorizonCell {
                label: h.horizon.label(),
                goals: h.goals,
                average: h.average_progress,
            })
            .collect(),
        average: s.average_progress,
        achieved: s.goals_achieved,
        open: s.open,
        overdue: s.overdue,
        follow_through: rate(s.follow_through),
    }
}

/// Renders the program's root pages and shared assets into `sink`; returns the file count.
///
/// # Errors
///
/// `Error::Render` when a template fails on a page; the sink's errors as they come.
pub fn render_program(p: &ProgramPages<'_>, theme: &Theme, sink: &impl Sink) -> Result<usize> {
    let root = Linker::at_root();
    let mut summaries: Vec<&JournalSummary> = p.summaries.iter().collect();
    summaries.sort_by(|a, b| crate::model::program::attention_order(a, b));
    let count = |h: Health| summaries.iter().filter(|s| s.health == h).count();
    let home = ProgramHome {
        base: p.base(&root, &p.config.title, Page::ProgramHome, &theme.css, false),
        totals: Totals {
            pairs: summaries.len(),
            sessions: summaries.iter().map(|s| s.sessions_held).sum(),
            on_pace: count(Health::OnPace),
            slipping: count(Health::Slipping),
            stalled: count(Health::Stalled),
            not_started: count(Health::NotStarted),
        },
        months_svg_html: svg::month_chart(&cohort_months(p.summaries)),
        pairs: summaries.iter().map(|s| card(s, &root)).collect(),
    };
    let mut files: Vec<(&str, String)> = vec![(Page::ProgramHome.file(), render(theme, Page::ProgramHome, &home)?)];
    let search = Plain {
        base: p.base(&root, "Search", Page::Search, &theme.css, false),
        index_href: root.to(SEARCH_INDEX),
        script_href: root.asset(SEARCH_SCRIPT),
        topics_href: root.page(Page::ProgramHome),
    };
    files.push((Page::Search.file(), render(theme, Page::Search, &search)?));
    let base = p.base_url.as_deref().map(BaseUrl::new);
    let rooted = Linker::rooted(base.as_ref());
    let not_found = Plain {
        base: p.base(&rooted, "Page not found", Page::NotFound, &theme.css, true),
        index_href: String::new(),
        script_href: String::new(),
        topics_href: rooted.page(Page::ProgramHome),
    };
    files.push((Page::NotFound.file(), render(theme, Page::NotFound, &not_found)?));
    files.push((SEARCH_INDEX, search::search_index(p.search)));
    let (self_href, home_href) = feed_hrefs(base.as_ref());
    files.push((
        FEED,
        feed::atom(&p.config.title, &p.config.lead, &self_href, &home_href, p.feed),
    ));
    files.push((
        ROBOTS,
        sitemap::robots(base.as_ref().map(|b| b.url(SITEMAP)).as_deref()),
    ));
    if let Some(b) = &base {
        let own = sitemap::sitemap(
            &Page::PROGRAM[..2]
                .iter()
                .map(|page| b.url(page.file()))
                .collect::<Vec<_>>(),
        );
        files.push((PROGRAM_SITEMAP, own));
        let mut maps = vec![b.url(PROGRAM_SITEMAP)];
        maps.extend(p.summaries.iter().map(|s| b.url(&member_path(&s.slug, SITEMAP))));
        files.push((SITEMAP, sitemap::sitemap_index(&maps)));
    }
    let meta = ProgramMeta {
        language: &p.config.language,
        lead: &p.config.lead,
        title: &p.config.title,
    };
    files.push((PROGRAM_JSON, program_json(meta, p.summaries, p.today)));
    let n = files.len() + theme.assets.len();
    for (path, text) in files {
        sink.put(site_path(path.to_string())?, text.into_bytes())?;
    }
    write_assets(theme, sink)?;
    Ok(n)
}
