//! What crawlers read: the sitemap, the sitemap index of a program, and robots.txt, which
//! names the sitemap.

use std::fmt::Write as _;

use crate::render::outputs::feed::xml_escape;

/// A sitemap of absolute URLs.
pub fn sitemap(urls: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in urls {
        let _ = writeln!(out, "  <url><loc>{}</loc></url>", xml_escape(url));
    }
    out.push_str("</urlset>\n");
    out
}

/// A sitemap index over other sitemaps.
pub fn sitemap_index(sitemaps: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in sitemaps {
        let _ = writeln!(out, "  <sitemap><loc>{}</loc></sitemap>", xml_escape(url));
    }
    out.push_str("</sitemapindex>\n");
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
