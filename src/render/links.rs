//! Every URL the site writes is made here: relative between pages (so the site works
//! from disk and under any sub-path) and naming a file, never a folder. The 404 page is
//! the exception: hosts serve it at any depth, so its links are absolute from the base
//! URL when known, else root-relative. Templates never build URLs.
//!
//! The page table (`Page`) and the names of the other files (feed, sitemap, indexes,
//! assets) live here too, so a file name is spelled once: the pages, the navigation, the
//! sitemap and the theme's tests all read it.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::error::{Error, Result};
use crate::site::SitePath;

/// Characters kept as they are in a path segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// Percent-encodes each `/`-separated part of a site path.
pub fn encode_path(path: &str) -> String {
    // Most paths are slugs already: nothing to encode.
    if path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/'))
    {
        return path.to_string();
    }
    path.split('/')
        .map(|part| utf8_percent_encode(part, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// Every kind of page the site has. Journals and programs share the search and 404 pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// A journal's home.
    Home,
    /// All sessions by month.
    Timeline,
    /// Goals by horizon.
    Goals,
    /// Commitments by status.
    Commitments,
    /// The topic index.
    Topics,
    /// Search.
    Search,
    /// Served by hosts for any missing file.
    NotFound,
    /// One per session with a page.
    Session,
    /// One per goal.
    Goal,
    /// One per topic.
    Topic,
    /// A program's home: one card per pair.
    ProgramHome,
}

/// Where a kind of page is in the main navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// An entry of its own, with this label.
    Entry(&'static str),
    /// Under another page's entry (a goal's page under Goals).
    Under(Page),
    /// Not in the navigation.
    Outside,
}

/// One row of the page table.
struct PageRow {
    /// The page's file; for the kinds with one page per item, the folder that holds them.
    path: &'static str,
    template: &'static str,
    nav: Nav,
}

impl Page {
    /// A journal's pages of one file each, in navigation order.
    pub const JOURNAL: [Page; 7] = [
        Page::Home,
        Page::Timeline,
        Page::Goals,
        Page::Commitments,
        Page::Topics,
        Page::Search,
        Page::NotFound,
    ];

    /// A program's own pages, in navigation order.
    pub const PROGRAM: [Page; 3] = [Page::ProgramHome, Page::Search, Page::NotFound];

    /// The page table: each kind's file, template and place in the navigation. Page file
    /// names are spelled here and nowhere else.
    const fn row(self) -> PageRow {
        let (path, template, nav) = match self {
            Page::Home => ("index.html", "index.html", Nav::Entry("Home")),
            Page::Timeline => ("timeline.html", "timeline.html", Nav::Entry("Timeline")),
            Page::Goals => ("goals.html", "goals.html", Nav::Entry("Goals")),
            Page::Commitments => ("commitments.html", "commitments.html", Nav::Entry("Commitments")),
            Page::Topics => ("topics.html", "topics.html", Nav::Entry("Topics")),
            Page::Search => ("search.html", "search.html", Nav::Entry("Search")),
            Page::NotFound => ("404.html", "404.html", Nav::Outside),
            Page::Session => ("sessions", "session.html", Nav::Under(Page::Timeline)),
            Page::Goal => ("goals", "goal.html", Nav::Under(Page::Goals)),
            Page::Topic => ("topics", "topic.html", Nav::Under(Page::Topics)),
            Page::ProgramHome => ("index.html", "program.html", Nav::Entry("Pairs")),
        };
        PageRow { path, template, nav }
    }

    /// The site path of a page of one file; of a kind with one page per item, the folder
    /// its pages are in (`item` names them).
    pub const fn file(self) -> &'static str {
        self.row().path
    }

    /// The site path of the page of one item: `goals/<id>.html`.
    pub fn item(self, key: &str) -> String {
        format!("{}/{key}.html", self.file())
    }

    /// The template that lays the page out.
    pub const fn template(self) -> &'static str {
        self.row().template
    }

    /// Where the page is in the main navigation.
    pub const fn nav(self) -> Nav {
        self.row().nav
    }

    /// The navigation entry marked current on this page.
    pub fn section(self) -> Option<Page> {
        match self.nav() {
            Nav::Entry(_) => Some(self),
            Nav::Under(page) => Some(page),
            Nav::Outside => None,
        }
    }
}

/// `path` as a site path, refused when it could leave the output folder.
pub(crate) fn site_path(path: String) -> Result<SitePath> {
    SitePath::new(path.clone()).ok_or(Error::UnsafeOutputPath(path))
}

/// The site path of a session page.
pub fn session_path(slug_path: &str) -> String {
    Page::Session.item(slug_path)
}

/// The site path of a goal page.
pub fn goal_path(id: &str) -> String {
    Page::Goal.item(id)
}

/// The site path of a topic page.
pub fn topic_path(slug: &str) -> String {
    Page::Topic.item(slug)
}

/// The site path of `path` in the folder of a program's journal `slug`.
pub fn member_path(slug: &str, path: &str) -> String {
    format!("{slug}/{path}")
}

/// The site path of a copied static file.
pub fn static_path(rel: &str) -> String {
    format!("{STATIC}{rel}")
}

/// The folder of a journal's copied static files, with its slash.
pub(crate) const STATIC: &str = "static/";

/// The site path of a theme asset.
pub fn asset_path(name: &str) -> String {
    format!("{ASSETS}/{name}")
}

/// The folder of the theme's assets (a program's, when the journal is in one).
const ASSETS: &str = "assets";
/// The stylesheet's file name under `assets/`.
pub const STYLESHEET: &str = "style.css";
/// The favicon's file name under `assets/`.
pub const FAVICON: &str = "favicon.svg";
/// The search page's script's file name under `assets/`.
pub const SEARCH_SCRIPT: &str = "search.js";
/// The Atom feed.
pub const FEED: &str = "feed.xml";
/// The sitemap (of a program: the index of its sitemaps).
pub const SITEMAP: &str = "sitemap.xml";
/// A program's sitemap of its own pages.
pub const PROGRAM_SITEMAP: &str = "program-sitemap.xml";
/// robots.txt.
pub const ROBOTS: &str = "robots.txt";
/// The search index script.
pub const SEARCH_INDEX: &str = "search-index.js";
/// A journal's model as JSON.
pub const JOURNAL_JSON: &str = "journal.json";
/// A program's summaries as JSON.
pub const PROGRAM_JSON: &str = "program.json";

/// The id of a commitment's entry on the commitments page (and on the home page).
pub fn commitment_anchor(id: &str) -> String {
    format!("c-{id}")
}

/// `base` with exactly one trailing slash.
pub fn with_slash(base: &str) -> String {
    if base.ends_with('/') {
        base.to_string()
    } else {
        format!("{base}/")
    }
}

/// The address a site is published at, ending in one `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// The address `url`, as `--base-url` or a settings file gives it.
    pub fn new(url: &str) -> BaseUrl {
        BaseUrl(with_slash(url))
    }

    /// The address itself.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address of the journal a program publishes in its folder `slug`.
    #[must_use]
    pub fn folder(&self, slug: &str) -> BaseUrl {
        BaseUrl(format!("{}{}/", self.0, encode_path(slug)))
    }

    /// The absolute URL of the site file at `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.0, encode_path(path))
    }
}

impl From<BaseUrl> for String {
    fn from(base: BaseUrl) -> String {
        base.0
    }
}

/// A feed's own address and its site's home: absolute with a base URL, else relative to
/// the feed.
pub fn feed_hrefs(base: Option<&BaseUrl>) -> (String, String) {
    match base {
        Some(b) => (b.url(FEED), b.as_str().to_string()),
        None => (FEED.to_string(), Page::Home.file().to_string()),
    }
}

/// Makes links for one page.
#[derive(Debug, Clone)]
pub struct Linker {
    prefix: String,
    /// Prefix for files outside the journal's own folder (a program's shared `assets/`
    /// and home); the same as `prefix` for a journal published on its own.
    outer: String,
}

impl Linker {
    /// Links relative to the page at `from`.
    pub fn relative(from: &SitePath) -> Linker {
        let prefix = "../".repeat(from.depth());
        Linker {
            outer: prefix.clone(),
            prefix,
        }
    }

    /// Links from a file at the site's root (feed.xml, the search index).
    pub fn at_root() -> Linker {
        Linker {
            prefix: String::new(),
            outer: String::new(),
        }
    }

    /// Links for the 404 page: from the base URL when known, else from the host's root.
    pub fn rooted(base_url: Option<&BaseUrl>) -> Linker {
        let prefix = base_url.map_or_else(|| "/".to_string(), |b| b.as_str().to_string());
        Linker {
            outer: prefix.clone(),
            prefix,
        }
    }

    /// Links from a program's root into the folder of its journal `slug`.
    pub fn into_folder(slug: &str) -> Linker {
        let prefix = format!("{}/", encode_path(slug));
        Linker {
            outer: String::new(),
            prefix,
        }
    }

    /// The same links, for a journal published in a program folder one level down: files
    /// outside the journal (`outer`) are one more folder up.
    #[must_use]
    pub fn in_program(mut self) -> Linker {
        if !self.prefix.contains("://") && !self.prefix.starts_with('/') {
            self.outer = format!("{}../", self.prefix);
        }
        self
    }

    /// Whether the links are relative to the page (not the 404 page's absolute ones), so
    /// HTML made for the site's root can be `rebase`d for it: pages of the same depth share
    /// link text.
    pub fn rebases(&self) -> bool {
        self.prefix == "../".repeat(self.prefix.len() / 3)
    }

    /// HTML written with links from the site's root, with its relative links made relative
    /// to this page.
    pub fn rebase(&self, html: &str) -> String {
        rebase(html, &self.prefix)
    }

    /// The href of a file at the program's root (or the journal's, when on its own).
    pub fn outer(&self, to: &str) -> String {
        format!("{}{}", self.outer, encode_path(to))
    }

    /// The href of the site file at `to`.
    pub fn to(&self, to: &str) -> String {
        format!("{}{}", self.prefix, encode_path(to))
    }

    /// The href of a theme asset.
    pub fn asset(&self, name: &str) -> String {
        self.outer(&asset_path(name))
    }

    /// The href of a page of one file.
    pub fn page(&self, page: Page) -> String {
        self.to(page.file())
    }

    /// The href of a commitment's entry on the commitments page.
    pub fn commitment(&self, id: &str) -> String {
        format!("{}#{}", self.page(Page::Commitments), commitment_anchor(id))
    }

    /// Whether the links are absolute URLs (a base URL is known).
    pub fn is_absolute(&self) -> bool {
        self.prefix.starts_with("http://") || self.prefix.starts_with("https://")
    }

    /// Writes the href of the site file at `dir` + `rel` into an attribute value.
    pub(crate) fn push_to(&self, out: &mut String, dir: &str, rel: &str) {
        // Writing to a String cannot fail.
        let _ = pulldown_cmark_escape::escape_href(&mut *out, &self.prefix);
        out.push_str(dir);
        out.push_str(&encode_path(rel));
    }
}

/// Moves HTML written for the site's root to a page `up` (`../`, `../../`) below it: every
/// relative `href` and `src` (quoted, either way) gets `up` in front. Absolute URLs,
/// root-relative paths and fragments stay as they are. Attribute values come from
/// templates, which escape quotes, so `href="` cannot occur inside text.
fn rebase(html: &str, up: &str) -> String {
    if up.is_empty() {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some(at) = memchr::memchr(b'=', rest.as_bytes()) {
        let Some(quote) = rest[at + 1..].chars().next().filter(|c| matches!(c, '"' | '\'')) else {
            out.push_str(&rest[..=at]);
            rest = &rest[at + 1..];
            continue;
        };
        let (before, after) = rest.split_at(at + 2);
        out.push_str(before);
        let name = &before[..at];
        let is_url = ["href", "src"].iter().any(|attr| {
            name.strip_suffix(attr)
                .is_some_and(|n| n.ends_with(|c: char| c.is_ascii_whitespace()))
        });
        if is_url && is_relative(&after[..after.find(quote).unwrap_or(after.len())]) {
            out.push_str(up);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Whether an attribute value is a relative path: not empty, not `/…`, `#…`, nor `scheme:…`.
fn is_relative(value: &str) -> bool {
    let before_path = &value[..value.find(['/', '?', '#']).unwrap_or(value.len())];
    !value.is_empty() && !value.starts_with('/') && !value.starts_with('#') && !before_path.contains(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind: the journal's single pages, the kinds with a page per item, a program's home.
    fn kinds() -> impl Iterator<Item = Page> {
        let per_item = [Page::Session, Page::Goal, Page::Topic, Page::ProgramHome];
        Page::JOURNAL.into_iter().chain(per_item)
    }

    #[test]
    fn every_page_has_a_relative_file_a_template_and_a_place_in_the_navigation() {
        for page in kinds() {
            let path = if Page::JOURNAL.contains(&page) || Page::PROGRAM.contains(&page) {
                page.file().to_string()
            } else {
                page.item("x")
            };
            assert!(SitePath::new(path.as_str()).is_some(), "{page:?}: {path}");
            assert!(path.ends_with(".html"), "{page:?} names a file: {path}");
            assert!(page.template().ends_with(".html"), "{page:?}");
            match page.nav() {
                Nav::Entry(label) => assert!(!label.is_empty()),
                Nav::Under(entry) => assert!(matches!(entry.nav(), Nav::Entry(_)), "{page:?} is under {entry:?}"),
                Nav::Outside => assert_eq!(page, Page::NotFound, "only the 404 page is outside the navigation"),
            }
        }
    }

    #[test]
    fn the_navigation_lists_each_site_s_pages_in_order() {
        let labels = |pages: &[Page]| -> Vec<&str> {
            pages
                .iter()
                .filter_map(|p| match p.nav() {
                    Nav::Entry(label) => Some(label),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            labels(&Page::JOURNAL),
            ["Home", "Timeline", "Goals", "Commitments", "Topics", "Search"]
        );
        assert_eq!(labels(&Page::PROGRAM), ["Pairs", "Search"]);
        assert_eq!(Page::Goal.section(), Some(Page::Goals));
        assert_eq!(Page::NotFound.section(), None);
    }

    #[test]
    fn no_two_pages_of_a_site_share_a_file() {
        for site in [&Page::JOURNAL[..], &Page::PROGRAM[..]] {
            let mut files: Vec<&str> = site.iter().map(|p| p.file()).collect();
            files.extend([
                FEED,
                SITEMAP,
                ROBOTS,
                SEARCH_INDEX,
                JOURNAL_JSON,
                PROGRAM_JSON,
                PROGRAM_SITEMAP,
            ]);
            let count = files.len();
            files.sort_unstable();
            files.dedup();
            assert_eq!(files.len(), count, "{files:?}");
        }
    }

    #[test]
    fn item_pages_are_files_in_their_kind_s_folder() {
        assert_eq!(session_path("2026/03-05-intro"), "sessions/2026/03-05-intro.html");
        assert_eq!(goal_path("lead-team"), "goals/lead-team.html");
        assert_eq!(topic_path("café"), "topics/café.html");
        assert_eq!(static_path("img/a b.png"), "static/img/a b.png");
        assert_eq!(asset_path(STYLESHEET), "assets/style.css");
    }

    #[test]
    fn a_commitment_link_ends_in_the_anchor_its_entry_carries() {
        let from = SitePath::new("sessions/a.html");
        let href = from.as_ref().map(|p| Linker::relative(p).commitment("call-sam"));
        assert_eq!(href.as_deref(), Some("../commitments.html#c-call-sam"));
        assert!(href.is_some_and(|h| h.ends_with(&format!("#{}", commitment_anchor("call-sam")))));
    }

    #[test]
    fn a_base_url_gets_exactly_one_slash_and_percent_encoded_paths() {
        let base = BaseUrl::new("https://x.org/p");
        assert_eq!(base, BaseUrl::new("https://x.org/p/"));
        assert_eq!(base.url("café/sitemap.xml"), "https://x.org/p/caf%C3%A9/sitemap.xml");
        assert_eq!(String::from(base.folder("café")), "https://x.org/p/caf%C3%A9/");
        assert_eq!(
            feed_hrefs(Some(&base)),
            ("https://x.org/p/feed.xml".into(), "https://x.org/p/".into())
        );
        assert_eq!(feed_hrefs(None), ("feed.xml".into(), "index.html".into()));
        assert_eq!(Linker::into_folder("café").to("index.html"), "caf%C3%A9/index.html");
        assert!(Linker::rooted(Some(&base)).is_absolute());
        assert!(!Linker::into_folder("a").is_absolute());
    }

    #[test]
    fn relative_links_climb_to_the_root() {
        let from = SitePath::new("sessions/2026/a.html");
        let linker = from.as_ref().map(Linker::relative);
        assert_eq!(linker.map(|l| l.to("goals.html")), Some("../../goals.html".to_string()));
        assert_eq!(Linker::rooted(None).to("topics/café.html"), "/topics/caf%C3%A9.html");
        assert_eq!(
            Linker::rooted(Some(&BaseUrl::new("https://x.org/j"))).to("goals.html"),
            "https://x.org/j/goals.html"
        );
    }

    #[test]
    fn relative_links_are_rebased_and_others_kept() {
        let html = r##"<a href="sessions/a.html">A</a> <a href="commitments.html#c-x">x</a> <img src="static/p.png" alt="a"> <a href="https://e.org/x">e</a> <a href="/abs.html">r</a> <a href="#top">t</a> <a href="mailto:a@b.org">m</a> <p class="x">href="no"</p>"##;
        assert_eq!(
            rebase(html, "../"),
            r##"<a href="../sessions/a.html">A</a> <a href="../commitments.html#c-x">x</a> <img src="../static/p.png" alt="a"> <a href="https://e.org/x">e</a> <a href="/abs.html">r</a> <a href="#top">t</a> <a href="mailto:a@b.org">m</a> <p class="x">href="no"</p>"##
        );
        assert_eq!(rebase(html, ""), html);
        assert_eq!(
            rebase(
                "<a class=x\nhref='topics/a.html'>a</a> <a title=\"a=b\" data-href=\"x.html\">b</a>",
                "../../"
            ),
            "<a class=x\nhref='../../topics/a.html'>a</a> <a title=\"a=b\" data-href=\"x.html\">b</a>"
        );
    }
}
