//! What crawlers read: the sitemap, the sitemap index of a program, and robots.txt, which
//! names the sitemap.

use std::fmt::Write as _;

use crate::render::outputs::feed::xml_escape;

/// A sitemap of absolute URLs.
pub fn sitemap(urls: &[String]) -> String {
    loc_list("urlset", "url", urls)
}

/// A sitemap index over other sitemaps.
pub fn sitemap_index(sitemaps: &[String]) -> String {
    loc_list("sitemapindex", "sitemap", sitemaps)
}

/// The sitemaps protocol's one shape: a `list` of `item`s, each with its `loc`.
fn loc_list(list: &str, item: &str, urls: &[String]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<{list} xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    );
    for url in urls {
        let _ = writeln!(out, "  <{item}><loc>{}</loc></{item}>", xml_escape(url));
    }
    let _ = writeln!(out, "</{list}>");
    out
}

/// robots.txt: crawling allowed (pages opt out with `noindex`), and the sitemap if any.
pub fn robots(sitemap_url: Option<&str>) -> String {
    let mut out = String::from("User-agent: *\nAllow: /\n");
    if let Some(url) = sitemap_url {
        let _ = writeln!(out, "Sitemap: {url}");
    }
    out
}
