//! A program's own pages at its root: the home with one card per pair (the fading ones
//! first) and the cohort's sessions per month, the program-wide search, feed, sitemap
//! index, robots.txt, 404 page and `program.json`. Built from journal summaries only.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::load::program::ProgramConfig;
use crate::model::program::{JournalSummary, cohort_months};
use crate::render::feeds::{self, FeedEntry, SearchDoc};
use crate::render::labels::{DateView, date_iso, days_label, rate};
use crate::render::links::{Linker, encode_path};
use crate::render::pages::{checked, write_assets};
use crate::render::svg;
use crate::render::theme::{Theme, chain};
use crate::render::views::{Base, NavItem};
use crate::site::Sink;

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
    fn base(&self, linker: &Linker, title: &str, current: &str, css: &str, inline_css: bool) -> Base {
        let nav = [("Pairs", "index.html"), ("Search", "search.html")]
            .iter()
            .map(|(label, path)| NavItem {
                label,
                href: linker.to(path),
                current: *path == current,
            })
            .collect();
        Base {
            lang: self.config.language.clone(),
            site_title: self.config.title.clone(),
            page_title: title.to_string(),
            noindex: self.config.noindex,
            css_href: (!inline_css).then(|| linker.to("assets/style.css")),
            inline_css_html: inline_css.then(|| css.to_string()),
            icon_href: linker.to("assets/favicon.svg"),
            home_href: linker.to("index.html"),
            nav,
            mentor: String::new(),
            mentee: String::new(),
            program: None,
            shows_private: self.shows_private,
            program_home: None,
            lead: Some(self.config.lead.clone()),
        }
    }

    fn card(&self, s: &JournalSummary, linker: &Linker) -> PairCard {
        PairCard {
            title: s.title.clone(),
            href: linker.to(&format!("{}/index.html", s.slug)),
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
}

fn render(theme: &Theme, template: &str, page: &str, view: &impl Serialize) -> Result<String> {
    let error = |message: String| Error::Render {
        page: page.to_string(),
        template: template.to_string(),
        message,
    };
    let context = tera::Context::from_serialize(view).map_err(|e| error(chain(&e)))?;
    theme.tera.render(template, &context).map_err(|e| error(chain(&e)))
}

/// Renders the program's root pages and shared assets into `sink`; returns the file count.
pub fn render_program(p: &ProgramPages<'_>, theme: &Theme, sink: &impl Sink) -> Result<usize> {
    let root = Linker::at_root();
    let mut summaries: Vec<&JournalSummary> = p.summaries.iter().collect();
    summaries.sort_by(|a, b| crate::model::program::attention_order(a, b));
    let count = |h: crate::model::timeline::Health| summaries.iter().filter(|s| s.health == h).count();
    use crate::model::timeline::Health;
    let home = ProgramHome {
        base: p.base(&root, &p.config.title, "index.html", &theme.css, false),
        totals: Totals {
            pairs: summaries.len(),
            sessions: summaries.iter().map(|s| s.sessions_held).sum(),
            on_pace: count(Health::OnPace),
            slipping: count(Health::Slipping),
            stalled: count(Health::Stalled),
            not_started: count(Health::NotStarted),
        },
        months_svg_html: svg::month_chart(&cohort_months(p.summaries)),
        pairs: summaries.iter().map(|s| p.card(s, &root)).collect(),
    };
    let mut files: Vec<(String, String)> =
        vec![("index.html".into(), render(theme, "program.html", "index.html", &home)?)];
    let search = Plain {
        base: p.base(&root, "Search", "search.html", &theme.css, false),
        index_href: root.to("search-index.js"),
        script_href: root.to("assets/search.js"),
        topics_href: root.to("index.html"),
    };
    files.push((
        "search.html".into(),
        render(theme, "search.html", "search.html", &search)?,
    ));
    let base = p.base_url.as_deref().map(feeds::with_slash);
    let rooted = Linker::rooted(base.as_deref());
    let not_found = Plain {
        base: p.base(&rooted, "Page not found", "", &theme.css, true),
        index_href: String::new(),
        script_href: String::new(),
        topics_href: rooted.to("index.html"),
    };
    files.push(("404.html".into(), render(theme, "404.html", "404.html", &not_found)?));
    files.push(("search-index.js".into(), feeds::search_index(p.search)));
    let (self_href, home_href) = match &base {
        Some(b) => (format!("{b}feed.xml"), b.clone()),
        None => ("feed.xml".to_string(), "index.html".to_string()),
    };
    files.push((
        "feed.xml".into(),
        feeds::atom(&p.config.title, &p.config.lead, &self_href, &home_href, p.feed),
    ));
    files.push((
        "robots.txt".into(),
        feeds::robots(base.as_ref().map(|b| format!("{b}sitemap.xml")).as_deref()),
    ));
    if let Some(b) = &base {
        let own = feeds::sitemap(&[format!("{b}index.html"), format!("{b}search.html")]);
        files.push(("program-sitemap.xml".into(), own));
        let mut maps = vec![format!("{b}program-sitemap.xml")];
        maps.extend(
            p.summaries
                .iter()
                .map(|s| format!("{b}{}/sitemap.xml", encode_path(&s.slug))),
        );
        files.push(("sitemap.xml".into(), feeds::sitemap_index(&maps)));
    }
    files.push(("program.json".into(), program_json(p)));
    let n = files.len() + theme.assets.len();
    for (path, text) in files {
        sink.put(checked(path)?, text.into_bytes())?;
    }
    write_assets(theme, sink)?;
    Ok(n)
}

/// `program.json`: the program and one summary per journal, with the path of its
/// `journal.json` for the full model.
fn program_json(p: &ProgramPages<'_>) -> String {
    use serde_json::json;
    let date = date_iso;
    let journals: Vec<_> = p
        .summaries
        .iter()
        .map(|s| {
            json!({
                "slug": s.slug,
                "title": s.title,
                "mentor": s.mentor,
                "mentee": s.mentee,
                "cadence_days": s.cadence,
                "health": s.health.key(),
                "sessions_held": s.sessions_held,
                "first_session": s.first.map(date),
                "last_session": s.last.map(date),
                "days_since_last": s.days_since_last,
                "goals_by_horizon": s.horizons.iter().map(|h| json!({
                    "horizon": h.horizon.key(),
                    "goals": h.goals,
                    "average_progress": h.average_progress,
                })).collect::<Vec<_>>(),
                "average_progress": s.average_progress,
                "goals_achieved": s.goals_achieved,
                "open_commitments": s.open,
                "overdue_commitments": s.overdue,
                "follow_through": s.follow_through,
                "home": format!("{}/index.html", s.slug),
                "journal_json": format!("{}/journal.json", s.slug),
            })
        })
        .collect();
    let value = json!({
        "schema_version": feeds::SCHEMA_VERSION,
        "generator": "mentorlog",
        "build_date": date(p.today),
        "program": {
            "title": p.config.title,
            "lead": p.config.lead,
            "language": p.config.language,
        },
        "journals": journals,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}
