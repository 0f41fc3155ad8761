//! Notes written for other tools (Jekyll, Hugo, Obsidian, plain files) still load: dates
//! from file names, date-times with offsets read as the calendar date written, `tags` and
//! `categories` as topics, CRLF and a BOM, a delimiter with a trailing space.

use std::collections::BTreeSet;

use mentorlog::diag::Severity;

use crate::harness::{Built, Fixture, all, one, text};

/// (note path, its text, its page, the date it must show).
const NOTES: &[(&str, &str, &str, &str)] = &[
    (
        "sessions/07-07-2022.md",
        "No front matter, just what we talked about in July.\n",
        "sessions/07-07-2022.html",
        "2022-07-07",
    ),
    (
        "sessions/2022-07-3.md",
        "# Catch-up\n\nShort one.\n",
        "sessions/2022-07-3.html",
        "2022-07-03",
    ),
    (
        "sessions/2017-02-04-welcome-to-jekyll.md",
        "---\nlayout: post\ntitle:  \"Welcome to Jekyll!\"\ndate:   2017-02-04 09:40:11 +0200\ncategories: blog posts\ntags:\n  - remote\n  - one-on-one\nauthor: Dana\npermalink: /welcome/\n---\nJekyll body.\n",
        "sessions/2017-02-04-welcome-to-jekyll.html",
        "2017-02-04",
    ),
    (
        "sessions/late-night.md",
        "---\ntitle: Late night\ndate: 2017-03-01T23:30:00-05:00\n---\nThe calendar date as written, not converted to UTC.\n",
        "sessions/late-night.html",
        "2017-03-01",
    ),
    (
        "sessions/windows.md",
        "\u{feff}---\r\ndate: 2021-05-06\r\ntitle: Windows note\r\ntags: [crlf]\r\n---\r\n## Heading here\r\n\r\nBody line.\r\n",
        "sessions/windows.html",
        "2021-05-06",
    ),
    (
        "sessions/trailing.md",
        "--- \ndate: 2020-01-02\ntitle: Trailing space\n--- \nBody after a delimiter with a trailing space.\n",
        "sessions/trailing.html",
        "2020-01-02",
    ),
    (
        "sessions/hugo-post.md",
        "---\ntitle: \"Hugo post\"\ndate: \"2019-08-10T10:00:00Z\"\ndraft: false\ntags: [\"hugo\"]\ndescription: A post\nweight: 3\naliases: [/old/]\nlastmod: 2019-08-11\n---\nHugo body.\n",
        "sessions/hugo-post.html",
        "2019-08-10",
    ),
    (
        "sessions/obsidian.md",
        "---\ndate: 2019-09-01\ncategory: mentoring\ncssclass: wide\n---\nObsidian body with [[hugo-post]].\n",
        "sessions/obsidian.html",
        "2019-09-01",
    ),
    (
        "sessions/loose.md",
        "---\ntitle: Loose\ndate: 2018-05-31 9:50:00 +0200\n---\nA single-digit hour.\n",
        "sessions/loose.html",
        "2018-05-31",
    ),
    (
        "sessions/2016-01-02-name-wins.md",
        "---\ndate: 4th July\n---\nThe file name's date is used.\n",
        "sessions/2016-01-02-name-wins.html",
        "2016-01-02",
    ),
];

fn built() -> Built {
    let files: Vec<(&str, &str)> = NOTES.iter().map(|(path, text, _, _)| (*path, *text)).collect();
    Fixture::new(&files).build()
}

#[test]
fn notes_from_other_tools_build_and_show_the_right_dates() {
    let built = built();
    assert_eq!(built.count(Severity::Error), 0, "{}", built.rendered_diags());
    for (note, _, page, date) in NOTES {
        let html = built.page(page);
        let time = one(html.root_element(), "header.session-head time[datetime]");
        assert_eq!(time.attr("datetime"), Some(*date), "{note}");
    }
    let page = built.page("timeline.html");
    let dates: Vec<&str> = all(page.root_element(), ".session-card .session-date time")
        .into_iter()
        .filter_map(|t| t.attr("datetime"))
        .collect();
    assert_eq!(dates.len(), NOTES.len(), "{dates:?}");
    assert!(dates.windows(2).all(|w| w[0] > w[1]), "{dates:?}");
}

#[test]
fn shown_dates_read_like_8_jan_2026() {
    let built = built();
    let page = built.page("sessions/2022-07-3.html");
    assert_eq!(text(one(page.root_element(), "header.session-head time")), "3 Jul 2022");
}

#[test]
fn titles_come_from_front_matter_heading_or_file_name() {
    let built = built();
    for (page, title) in [
        ("sessions/2017-02-04-welcome-to-jekyll.html", "Welcome to Jekyll!"),
        ("sessions/2022-07-3.html", "Catch-up"),
        ("sessions/07-07-2022.html", "07-07-2022"),
        ("sessions/windows.html", "Windows note"),
        ("sessions/trailing.html", "Trailing space"),
    ] {
        let html = built.page(page);
        assert_eq!(text(one(html.root_element(), "main h1")), title, "{page}");
    }
}

#[test]
fn tags_categories_and_category_become_topics() {
    let built = built();
    let topics: BTreeSet<&str> = built
        .files
        .keys()
        .filter_map(|p| p.strip_prefix("topics/")?.strip_suffix(".html"))
        .collect();
    let expected: BTreeSet<&str> = ["blog-posts", "remote", "one-on-one", "crlf", "hugo", "mentoring"].into();
    assert_eq!(topics, expected);
    let page = built.page("topics/blog-posts.html");
    assert_eq!(text(one(page.root_element(), "main h1")), "blog posts");
    let titles: Vec<String> = all(page.root_element(), ".session-card .session-title a")
        .into_iter()
        .map(text)
        .collect();
    assert_eq!(titles, ["Welcome to Jekyll!"]);
}

#[test]
fn crlf_note_with_bom_renders_its_markdown() {
    let built = built();
    let page = built.page("sessions/windows.html");
    let note = one(page.root_element(), "main .note");
    assert_eq!(all(note, "h2#heading-here").len(), 1, "{}", note.html());
    assert!(
        !note.html().contains("---"),
        "the front matter is not part of the note: {}",
        note.html()
    );
    assert!(!note.html().contains('\u{feff}'));
}

#[test]
fn other_tools_keys_are_accepted_silently_and_loose_dates_warn() {
    let built = built();
    let warned: BTreeSet<String> = built
        .diags
        .sorted()
        .iter()
        .filter(|d| d.severity == Severity::Warning && d.path.extension().is_some_and(|e| e == "md"))
        .filter_map(|d| d.path.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let expected: BTreeSet<String> = ["loose.md", "2016-01-02-name-wins.md"]
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(warned, expected, "{}", built.rendered_diags());
    let rendered = built.rendered_diags();
    assert!(rendered.contains("help: write it as `date: 2018-05-31`"), "{rendered}");
}

#[test]
fn liquid_and_shortcode_tags_in_a_note_stay_text() {
    let fixture = Fixture::new(&[(
        "sessions/2026-01-08-jekyll.md",
        "---\nlayout: post\ntitle: From Jekyll\ndate: 2026-01-08 10:00:00 +0100\n---\n{% include note.html %}\n\n{{< figure src=\"x.png\" >}}\n\nPlain {{ page.title }} text.\n",
    )]);
    let built = fixture.build();
    let page = built.page("sessions/2026-01-08-jekyll.html");
    let note = text(one(page.root_element(), ".note"));
    assert_eq!(
        note,
        "{% include note.html %} {{< figure src=\"x.png\" >}} Plain {{ page.title }} text."
    );
}

/// A Jekyll blog's posts as they are (`_posts/YYYY-MM-DD-title.markdown`, Jekyll's default
/// extension), put under `sessions/`: every post is a session, under its own title.
const JEKYLL_POSTS: &[(&str, &str, &str)] = &[
    (
        "sessions/2014-03-01-welcome-to-jekyll.markdown",
        "---\nlayout: post\ntitle:  \"Welcome to Jekyll!\"\ndate:   2014-03-01 21:20:01 +0100\ncategories: jekyll update\n---\nYou'll find this post in your `_posts` directory. Next: [the roadmap](2014-03-15-the-roadmap.markdown).\n",
        "Welcome to Jekyll!",
    ),
    (
        "sessions/2014-03-15-the-roadmap.markdown",
        "---\nlayout: post\ntitle: The roadmap\n---\nWe talked about the roadmap; see [[2014-03-01-welcome-to-jekyll|the first post]].\n",
        "The roadmap",
    ),
    (
        "sessions/2014-04-02-saying-no.Markdown",
        "---\nlayout: post\n---\n# Saying no\n\nA heading gives the title.\n",
        "Saying no",
    ),
    (
        "sessions/2014-04-20-one-on-one.MD",
        "---\nlayout: post\ntags: [remote]\n---\nNo title: the file name gives it.\n",
        "One on one",
    ),
    (
        "sessions/2014-05-04-hiring.mdown",
        "---\ntitle: Hiring\n---\nHugo's spelling.\n",
        "Hiring",
    ),
    (
        "sessions/2014-05-18-metrics.mkd",
        "---\ntitle: Metrics\n---\nOld.\n",
        "Metrics",
    ),
    (
        "sessions/2014-06-01-offsite.mkdn",
        "---\ntitle: Offsite\n---\nOlder.\n",
        "Offsite",
    ),
];

#[test]
fn a_jekyll_blog_with_markdown_posts_builds_every_session_under_its_title() {
    let files: Vec<(&str, &str)> = JEKYLL_POSTS.iter().map(|(path, text, _)| (*path, *text)).collect();
    let built = Fixture::new(&files).build();
    assert_eq!(built.count(Severity::Error), 0, "{}", built.rendered_diags());
    let warnings: Vec<String> = built
        .diags
        .sorted()
        .iter()
        .filter(|d| d.severity == Severity::Warning && d.path.to_string_lossy().contains("sessions"))
        .map(|d| d.render(std::path::Path::new("/")))
        .collect();
    assert!(warnings.is_empty(), "{warnings:?}");
    let mut titles = BTreeSet::new();
    for (note, _, title) in JEKYLL_POSTS {
        let name = note.trim_start_matches("sessions/");
        let page = format!(
            "sessions/{}.html",
            name.split('.').next().unwrap_or(name).to_lowercase()
        );
        let html = built.page(&page);
        assert_eq!(text(one(html.root_element(), "main h1")), *title, "{note}");
        titles.insert(*title);
    }
    let timeline = built.page("timeline.html");
    let cards: BTreeSet<String> = all(timeline.root_element(), ".session-card h3")
        .into_iter()
        .map(text)
        .collect();
    assert_eq!(cards.len(), JEKYLL_POSTS.len(), "{cards:?}");
    assert!(titles.iter().all(|t| cards.contains(*t)), "{cards:?}");
    // Links between the posts reach their pages.
    let page = built.page("sessions/2014-03-01-welcome-to-jekyll.html");
    let link = one(one(page.root_element(), "main .note"), "a[href]");
    assert_eq!(link.attr("href"), Some("../sessions/2014-03-15-the-roadmap.html"));
    let page = built.page("sessions/2014-03-15-the-roadmap.html");
    let link = one(one(page.root_element(), "main .note"), "a[href]");
    assert_eq!(link.attr("href"), Some("../sessions/2014-03-01-welcome-to-jekyll.html"));
}
