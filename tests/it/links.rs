//! Every internal link of a built site resolves: relative, naming a file that exists, with
//! any `#fragment` present as an id in the target page, so the site works from disk and
//! under any sub-path. The 404 page alone links from the root.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use scraper::Html;

use crate::harness::{
    Fixture, all, copy_example, is_page, mentorlog, percent_decode, read_tree, resolve_href, resolve_path,
};

/// The URLs a page points at: `a[href]`, `link[href]`, `img[src]`, `script[src]`, `source[src]`.
fn urls(page: &Html) -> Vec<String> {
    all(
        page.root_element(),
        "a[href], link[href], img[src], script[src], source[src]",
    )
    .into_iter()
    .filter_map(|el| el.attr("href").or_else(|| el.attr("src")))
    .map(str::to_string)
    .collect()
}

fn is_external(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["http:", "https:", "mailto:", "tel:"]
        .iter()
        .any(|s| lower.starts_with(s))
}

fn ids(page: &Html) -> BTreeSet<String> {
    all(page.root_element(), "[id]")
        .into_iter()
        .filter_map(|el| el.attr("id"))
        .map(str::to_string)
        .collect()
}

/// Checks every link of every page of the site in `out`; returns the problems found.
pub(crate) fn broken_links(out: &Path, at_least: usize) -> Vec<String> {
    let files = read_tree(out);
    let pages: BTreeMap<&str, Html> = files
        .iter()
        .filter(|(p, _)| is_page(p))
        .map(|(p, b)| {
            (
                p.as_str(),
                Html::parse_document(std::str::from_utf8(b).expect("UTF-8 page")),
            )
        })
        .collect();
    assert!(
        pages.len() > 5,
        "the site has pages: {:?}",
        files.keys().collect::<Vec<_>>()
    );
    let mut problems = Vec::new();
    let mut checked = 0;
    for (from, page) in &pages {
        let urls = urls(page);
        if *from == "404.html" {
            for url in urls.iter().filter(|u| !u.starts_with('#') && !is_external(u)) {
                if !url.starts_with('/') {
                    problems.push(format!("404.html: `{url}` is not root-relative"));
                } else if !files.contains_key(&percent_decode(&url[1..])) {
                    problems.push(format!("404.html: `{url}` names no file of the site"));
                }
            }
            continue;
        }
        for url in urls.iter().filter(|u| !is_external(u)) {
            checked += 1;
            let (path, fragment) = url.split_once('#').map_or((url.as_str(), None), |(p, f)| (p, Some(f)));
            if path.starts_with('/') || path.starts_with("//") {
                problems.push(format!("{from}: `{url}` is not relative"));
                continue;
            }
            let target = if path.is_empty() {
                (*from).to_string()
            } else {
                let Some(target) = resolve_path(from, &percent_decode(path)) else {
                    problems.push(format!("{from}: `{url}` climbs out of the site"));
                    continue;
                };
                target
            };
            if !files.contains_key(&target) {
                let what = if out.join(&target).is_dir() {
                    "a folder, not a file"
                } else {
                    "nothing"
                };
                problems.push(format!("{from}: `{url}` → `{target}` is {what}"));
                continue;
            }
            if let Some(fragment) = fragment {
                let Some(target_page) = pages.get(target.as_str()) else {
                    problems.push(format!("{from}: `{url}` has a fragment but `{target}` is not a page"));
                    continue;
                };
                if !ids(target_page).contains(&percent_decode(fragment)) {
                    problems.push(format!("{from}: `{url}` → no id `{fragment}` in `{target}`"));
                }
            }
        }
    }
    assert!(checked >= at_least, "only {checked} links checked");
    problems
}

#[test]
fn every_internal_link_of_the_example_site_resolves() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("site");
    let journal = super::harness::example_dir();
    let run = mentorlog(
        tmp.path(),
        [Path::new("build"), journal.as_path(), Path::new("-o"), out.as_path()],
    );
    assert_eq!(run.code, 0, "{run}");
    assert_no_broken_links(&out, 500);
}

#[test]
fn every_internal_link_resolves_with_private_notes_and_drafts_included() {
    let tmp = tempfile::tempdir().expect("tmp");
    let journal = tmp.path().join("journal");
    copy_example(&journal);
    let run = mentorlog(tmp.path(), ["build", "journal", "--include-private", "--drafts"]);
    assert_eq!(run.code, 0, "{run}");
    let problems = broken_links(&journal.join("public"), 500);
    assert!(
        problems.is_empty(),
        "{} broken links:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn links_to_unicode_names_are_percent_encoded_and_resolve() {
    let fixture = Fixture::new(&[
        (
            "sessions/2026-01-08-Café réunion.md",
            "---\ndate: 2026-01-08\ntopics: [Größe, \"Roadmap & Sales\"]\n---\n## Première partie\n\nBonjour.\n",
        ),
        (
            "sessions/2026/Zweite Sitzung.md",
            "---\ndate: 2026-01-22\ntopics: [größe]\n---\nSee [the first](../2026-01-08-Café%20réunion.md#première-partie) and [[2026-01-08-Café réunion]].\n\n![chart](<../../static/Diagramm ü.svg>)\n",
        ),
        ("static/Diagramm ü.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
    ]);
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("out");
    let run = mentorlog(
        tmp.path(),
        [Path::new("build"), fixture.path(), Path::new("-o"), out.as_path()],
    );
    assert_eq!(run.code, 0, "{run}");
    let files = read_tree(&out);
    assert!(
        files.contains_key("sessions/2026-01-08-café-réunion.html"),
        "{:?}",
        files.keys()
    );
    assert!(
        files.contains_key("sessions/2026/zweite-sitzung.html"),
        "{:?}",
        files.keys()
    );
    assert!(files.contains_key("topics/größe.html"), "{:?}", files.keys());
    assert!(files.contains_key("topics/roadmap-sales.html"), "{:?}", files.keys());
    let second = Html::parse_document(std::str::from_utf8(&files["sessions/2026/zweite-sitzung.html"]).expect("UTF-8"));
    let from = "sessions/2026/zweite-sitzung.html";
    let hrefs = urls(&second);
    assert!(
        hrefs.iter().any(|h| h.contains("caf%C3%A9-r%C3%A9union.html")),
        "percent-encoded: {hrefs:?}"
    );
    let targets: Vec<(String, Option<String>)> = hrefs.iter().map(|h| resolve_href(from, h)).collect();
    let heading = (
        "sessions/2026-01-08-café-réunion.html".to_string(),
        Some("première-partie".to_string()),
    );
    assert!(targets.contains(&heading), "{targets:?}");
    assert_no_broken_links(&out, 20);
}

#[test]
fn ids_are_unique_on_every_page() {
    for options in [
        mentorlog::BuildOptions::default(),
        mentorlog::BuildOptions {
            include_private: true,
            drafts: true,
            ..Default::default()
        },
    ] {
        let built = crate::harness::build(&crate::harness::example_dir(), &options);
        for (path, bytes) in built.files.iter().filter(|(p, _)| is_page(p)) {
            let page = Html::parse_document(std::str::from_utf8(bytes).expect("UTF-8"));
            let mut seen = BTreeSet::new();
            let repeated: Vec<&str> = all(page.root_element(), "[id]")
                .into_iter()
                .filter_map(|el| el.attr("id"))
                .filter(|id| !seen.insert(*id))
                .collect();
            assert!(repeated.is_empty(), "{path} repeats ids {repeated:?}");
        }
    }
}

#[test]
fn not_found_page_links_from_the_base_url_and_inlines_its_css() {
    let built = crate::harness::build(
        &crate::harness::example_dir(),
        &mentorlog::BuildOptions {
            base_url: Some("https://mentoring.example.org/sam-dana/".to_string()),
            ..Default::default()
        },
    );
    let page = built.page("404.html");
    let links: Vec<String> = urls(&page).into_iter().filter(|u| !u.starts_with('#')).collect();
    assert!(!links.is_empty());
    for url in &links {
        assert!(url.starts_with("https://mentoring.example.org/sam-dana/"), "{url}");
    }
    assert!(
        links.contains(&"https://mentoring.example.org/sam-dana/index.html".to_string()),
        "{links:?}"
    );
    assert!(
        all(page.root_element(), "link[rel=stylesheet]").is_empty(),
        "the CSS is inlined"
    );
    assert!(!crate::harness::text(crate::harness::one(page.root_element(), "head style")).is_empty());
}

/// Fails listing every broken link when any of the site's links does not resolve.
fn assert_no_broken_links(out: &Path, at_least_pages: usize) {
    let problems = broken_links(out, at_least_pages);
    assert!(
        problems.is_empty(),
        "{} broken links:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
