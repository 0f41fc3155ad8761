//! Programs: three pairs (on pace, slipping, stalled on the tests' build date) built into
//! one site. The home shows each pair's health and numbers, the fading first; publishing
//! outputs are right; no private text reaches any file; a broken journal stops the build
//! unless `--keep-going`, which leaves it out and still exits 1.

use std::collections::BTreeMap;
use std::path::Path;

use mentorlog::BuildOptions;
use mentorlog::diag::Diagnostics;
use mentorlog::project::{Build, Project};
use mentorlog::site::Site;

use crate::harness::{all, build_date, mentorlog, one, text, write_file};

const PRIVATE_CANARIES: &[&str] = &[
    "Canary private title",
    "canary-private-topic",
    "Canary private body",
    "Canary private goal note",
    "Canary private commitment note",
    "Canary private block",
    "Canary private goal",
    "Canary private commitment",
    "2026-11-18-frank",
];

/// A program folder: `on-pace` (last session 5 days before the build date), `slipping`
/// (31 days) and `stalled` (85 days), all at the default 14-day cadence.
fn program(dir: &Path, extra_yaml: &str) {
    write_file(
        &dir.join("program.yaml"),
        format!("title: Cohort 2026\nlead: Miriam Cohen\n{extra_yaml}").as_bytes(),
    );
    let journal = |slug: &str, mentor: &str, mentee: &str| {
        write_file(
            &dir.join(slug).join("journal.yaml"),
            format!("title: {mentor} and {mentee}\nmentor: {mentor}\nmentee: {mentee}\n").as_bytes(),
        );
    };
    let note =
        |slug: &str, name: &str, text: &str| write_file(&dir.join(slug).join("sessions").join(name), text.as_bytes());
    journal("on-pace", "Dana Levi", "Sam Ortiz");
    note(
        "on-pace",
        "2026-11-06-start.md",
        "---\ndate: 2026-11-06\ntitle: Roadmap talk\ntopics: [roadmap]\ngoals:\n  - id: lead\n    title: Lead a group\n    horizon: career\n    progress: 40\n  - id: secret\n    title: Canary private goal\n    private: true\ncommitments:\n  - id: template\n    who: mentor\n    what: Send the template\n    due: 2026-11-13\n  - id: hidden\n    who: mentee\n    what: Canary private commitment\n    private: true\n---\nPublic words about the roadmap.\n\n<!-- private -->\nCanary private block\n<!-- /private -->\n",
    );
    note(
        "on-pace",
        "2026-11-18-frank.md",
        "---\ndate: 2026-11-18\ntitle: Canary private title\nprivate: true\ntopics: [canary-private-topic]\ngoals:\n  - id: lead\n    progress: 60\n    note: Canary private goal note\ncommitments:\n  - id: template\n    status: done\n    note: Canary private commitment note\n---\nCanary private body\n",
    );
    note(
        "on-pace",
        "2026-11-20-next.md",
        "---\ndate: 2026-11-20\ntitle: Hiring plan\ntopics: [hiring]\n---\nWe talked about hiring.\n",
    );
    journal("slipping", "Noa Shapiro", "Ravi Menon");
    note(
        "slipping",
        "2026-10-11-a.md",
        "---\ndate: 2026-10-11\ntitle: First critique\n---\nCritique.\n",
    );
    note(
        "slipping",
        "2026-10-25-b.md",
        "---\ndate: 2026-10-25\ntitle: Second critique\ngoals:\n  - id: critique\n    title: Run critiques\n    status: achieved\ncommitments:\n  - id: intro\n    who: mentor\n    what: Introduce Ravi to research\n    due: 2026-11-01\n---\nBetter.\n",
    );
    journal("stalled", "Lena Fischer", "Tom Adeyemi");
    note(
        "stalled",
        "2026-09-01-start.md",
        "---\ndate: 2026-09-01\ntitle: Getting started\n---\nHello.\n",
    );
}

fn build_in_memory(dir: &Path, options: &BuildOptions) -> (BTreeMap<String, Vec<u8>>, Diagnostics) {
    let site = Site::new();
    let mut diags = Diagnostics::new();
    let build = Build::new(options.clone(), build_date());
    let report = Project::Program(dir.to_path_buf()).build(&build, &site, &mut diags);
    assert!(report.is_ok(), "the program builds: {:?}", diags.sorted());
    let files = site
        .into_files()
        .into_iter()
        .map(|(p, b)| (p.as_str().to_string(), b))
        .collect();
    (files, diags)
}

fn page(files: &BTreeMap<String, Vec<u8>>, path: &str) -> scraper::Html {
    let bytes = files
        .get(path)
        .unwrap_or_else(|| panic!("no {path}: {:?}", files.keys().collect::<Vec<_>>()));
    scraper::Html::parse_document(&String::from_utf8_lossy(bytes))
}

#[test]
fn the_home_shows_each_pairs_health_and_numbers_fading_first() {
    let tmp = tempfile::tempdir().unwrap();
    program(tmp.path(), "");
    let (files, _) = build_in_memory(tmp.path(), &BuildOptions::default());
    let home = page(&files, "index.html");
    let cards = all(home.root_element(), ".pair-card");
    let summary: Vec<(String, String)> = cards
        .iter()
        .map(|c| (text(one(*c, "h3")), text(one(*c, ".health"))))
        .collect();
    assert_eq!(
        summary,
        [
            ("Lena Fischer & Tom Adeyemi".to_string(), "stalled".to_string()),
            ("Noa Shapiro & Ravi Menon".to_string(), "slipping".to_string()),
            ("Dana Levi & Sam Ortiz".to_string(), "on pace".to_string()),
        ]
    );
    let on_pace = cards[2];
    let fact = |label: &str| crate::harness::fact(on_pace, label);
    assert_eq!(fact("Sessions held"), "3", "the private session counts as held");
    assert_eq!(fact("Average progress"), "60%", "the private session's update applies");
    assert_eq!(fact("Follow-through"), "100%");
    assert_eq!(crate::harness::fact(cards[1], "Commitments"), "1 open, 1 overdue");
    assert_eq!(crate::harness::fact(cards[1], "Goals achieved"), "1");
    assert!(
        text(one(cards[0], "p:nth-of-type(2)")).contains("85 days ago"),
        "{}",
        cards[0].html()
    );
    // Each card links to the pair's own site, which exists.
    for card in &cards {
        let href = one(*card, "h3 a").attr("href").unwrap();
        assert!(files.contains_key(href), "{href}");
    }
    let chart = one(home.root_element(), "svg.chart");
    assert!(
        text(one(chart, "desc")).contains("November 2026: 3"),
        "{}",
        chart.html()
    );
}

#[test]
fn publishing_with_a_base_url_gives_absolute_feeds_and_sitemaps_of_every_page() {
    let tmp = tempfile::tempdir().unwrap();
    program(tmp.path(), "base_url: https://mentoring.example.org/cohort/\n");
    let (files, _) = build_in_memory(tmp.path(), &BuildOptions::default());
    let feed = String::from_utf8_lossy(&files["feed.xml"]).into_owned();
    let links: Vec<&str> = feed
        .split("<link rel=\"alternate\" type=\"text/html\" href=\"")
        .skip(2)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    assert_eq!(links.len(), 5, "five public held sessions across the program:\n{feed}");
    assert_eq!(
        links[0],
        "https://mentoring.example.org/cohort/on-pace/sessions/2026-11-20-next.html"
    );
    assert!(
        links
            .iter()
            .all(|l| l.starts_with("https://mentoring.example.org/cohort/"))
    );
    let index = String::from_utf8_lossy(&files["sitemap.xml"]).into_owned();
    for slug in ["on-pace", "slipping", "stalled"] {
        assert!(
            index.contains(&format!(
                "<loc>https://mentoring.example.org/cohort/{slug}/sitemap.xml</loc>"
            )),
            "{index}"
        );
        let sitemap = String::from_utf8_lossy(&files[&format!("{slug}/sitemap.xml")]).into_owned();
        let listed: Vec<String> = sitemap
            .split("<loc>")
            .skip(1)
            .map(|s| {
                s.split("</loc>")
                    .next()
                    .unwrap()
                    .trim_start_matches("https://mentoring.example.org/cohort/")
                    .to_string()
            })
            .collect();
        let mut listed: Vec<&String> = listed.iter().collect();
        listed.sort();
        let pages: Vec<&String> = files
            .keys()
            .filter(|p| p.starts_with(&format!("{slug}/")) && p.ends_with(".html"))
            .collect();
        assert_eq!(listed, pages, "the sitemap of {slug} lists every page");
    }
    assert!(
        String::from_utf8_lossy(&files["robots.txt"])
            .contains("Sitemap: https://mentoring.example.org/cohort/sitemap.xml")
    );
}

#[test]
fn the_program_search_index_holds_pairs_and_public_sessions_only() {
    let tmp = tempfile::tempdir().unwrap();
    program(tmp.path(), "");
    let (files, _) = build_in_memory(tmp.path(), &BuildOptions::default());
    let script = String::from_utf8_lossy(&files["search-index.js"]).into_owned();
    let json = script
        .trim()
        .trim_start_matches("window.MENTORLOG_SEARCH = ")
        .trim_end_matches(';');
    let docs: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
    let titles: Vec<&str> = docs.iter().map(|d| d["t"].as_str().unwrap()).collect();
    for expected in [
        "Dana Levi & Sam Ortiz",
        "Roadmap talk",
        "Hiring plan",
        "Second critique",
        "Getting started",
    ] {
        assert!(titles.contains(&expected), "{expected} in {titles:?}");
    }
    assert_eq!(titles.len(), 3 + 5, "three pairs and five public sessions: {titles:?}");
    for doc in &docs {
        let href = doc["u"].as_str().unwrap();
        assert!(files.contains_key(href), "search result {href} is a page");
    }
    let search_page = String::from_utf8_lossy(&files["search.html"]).into_owned();
    let noscript = search_page
        .split("<noscript>")
        .nth(1)
        .and_then(|s| s.split("</noscript>").next())
        .unwrap_or("");
    assert!(
        noscript.contains("href=\"index.html\""),
        "without JavaScript the page links to the pairs: {noscript}"
    );
}

#[test]
fn json_exports_validate_against_their_schemas() {
    let tmp = tempfile::tempdir().unwrap();
    program(tmp.path(), "");
    let (files, _) = build_in_memory(tmp.path(), &BuildOptions::default());
    let schema = |name: &str| -> serde_json::Value {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs").join(name);
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let program_schema = jsonschema::validator_for(&schema("program.schema.json")).unwrap();
    let journal_schema = jsonschema::validator_for(&schema("journal.schema.json")).unwrap();
    let program_json: serde_json::Value = serde_json::from_slice(&files["program.json"]).unwrap();
    let errors: Vec<String> = program_schema
        .iter_errors(&program_json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(program_json["journals"].as_array().unwrap().len(), 3);
    for journal in program_json["journals"].as_array().unwrap() {
        let path = journal["journal_json"].as_str().unwrap();
        let value: serde_json::Value = serde_json::from_slice(&files[path]).unwrap();
        let errors: Vec<String> = journal_schema.iter_errors(&value).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{path}: {errors:?}");
    }
    // The example journal, with everything in it, validates too.
    let example = crate::harness::example();
    let value: serde_json::Value = serde_json::from_slice(&example.files["journal.json"]).unwrap();
    let errors: Vec<String> = journal_schema.iter_errors(&value).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(value["goals"].as_array().unwrap().len() >= 3);
}

#[test]
fn no_private_text_reaches_any_file_of_the_program() {
    let tmp = tempfile::tempdir().unwrap();
    program(tmp.path(), "base_url: https://mentoring.example.org/cohort/\n");
    let (files, _) = build_in_memory(tmp.path(), &BuildOptions::default());
    for (path, bytes) in &files {
        let body = String::from_utf8_lossy(bytes);
        for canary in PRIVATE_CANARIES {
            assert!(
                !path.contains(canary) && !body.contains(canary),
                "`{canary}` leaked into {path}"
            );
        }
    }
    // The same program with --include-private does carry them: the check above can fail.
    let everything = BuildOptions {
        include_private: true,
        ..BuildOptions::default()
    };
    let (files, _) = build_in_memory(tmp.path(), &everything);
    let all_text: String = files
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    for canary in PRIVATE_CANARIES {
        assert!(all_text.contains(canary), "`{canary}` is in the fixture");
    }
}

#[test]
fn a_broken_journal_stops_the_build_unless_keep_going() {
    let tmp = tempfile::tempdir().unwrap();
    program(tmp.path(), "");
    write_file(
        &tmp.path().join("slipping/sessions/2026-10-30-broken.md"),
        b"---\ndate: 2026-10-30\ngoals:\n  - id: critiqe\n    progress: 5\n---\n",
    );
    let out = tmp.path().join("site");
    let run = mentorlog(tmp.path(), ["build", ".", "-o", "site"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr
            .contains("slipping/sessions/2026-10-30-broken.md:4:9: error: unknown goal `critiqe`"),
        "{run}"
    );
    assert!(!out.exists(), "nothing is published");

    let run = mentorlog(tmp.path(), ["build", ".", "-o", "site", "--keep-going"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr.contains("left out because of errors") && run.stderr.contains("slipping"),
        "{run}"
    );
    assert!(out.join("on-pace/index.html").is_file() && out.join("stalled/index.html").is_file());
    assert!(!out.join("slipping").exists(), "the broken journal is left out");
    let home = scraper::Html::parse_document(&std::fs::read_to_string(out.join("index.html")).unwrap());
    assert_eq!(all(home.root_element(), ".pair-card").len(), 2);
    let problems = crate::links::broken_links(&out, 10);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn without_a_base_url_links_stay_relative_and_the_build_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    program(tmp.path(), "");
    let run = mentorlog(tmp.path(), ["build", ".", "-o", "site"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stderr
            .contains("program.yaml: warning: feed.xml links are relative"),
        "{run}"
    );
    let out = tmp.path().join("site");
    assert!(!out.join("sitemap.xml").exists());
    let feed = std::fs::read_to_string(out.join("feed.xml")).unwrap();
    assert!(
        feed.contains("href=\"on-pace/sessions/2026-11-20-next.html\""),
        "{feed}"
    );
    assert!(feed.contains("<id>urn:uuid:"), "{feed}");
    // Journal pages share the program's assets and link back to its home.
    let journal_home = scraper::Html::parse_document(&std::fs::read_to_string(out.join("on-pace/index.html")).unwrap());
    assert_eq!(
        one(journal_home.root_element(), "link[rel=stylesheet]").attr("href"),
        Some("../assets/style.css")
    );
    assert_eq!(
        one(journal_home.root_element(), "a.program-link").attr("href"),
        Some("../index.html")
    );
    assert!(!out.join("on-pace/assets").exists() && out.join("assets/style.css").is_file());
    let problems = crate::links::broken_links(&out, 10);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn the_program_decides_raw_html_and_script_capable_static_files() {
    let tmp = tempfile::tempdir().unwrap();
    program(tmp.path(), "");
    write_file(
        &tmp.path().join("on-pace/journal.yaml"),
        b"title: T\nmentor: Dana Levi\nmentee: Sam Ortiz\nraw_html: true\n",
    );
    write_file(
        &tmp.path().join("on-pace/static/page.html"),
        b"<script>alert(1)</script>",
    );
    write_file(&tmp.path().join("on-pace/static/chart.png"), b"png");
    write_file(
        &tmp.path().join("on-pace/sessions/2026-11-21-raw.md"),
        b"---\ndate: 2026-11-21\n---\n<script>alert(2)</script>\n",
    );
    let (files, diags) = build_in_memory(tmp.path(), &BuildOptions::default());
    assert!(files.contains_key("on-pace/static/chart.png"));
    assert!(
        !files.contains_key("on-pace/static/page.html"),
        "script-capable files are left out"
    );
    let note = String::from_utf8_lossy(&files["on-pace/sessions/2026-11-21-raw.html"]).into_owned();
    assert!(!note.contains("<script>alert(2)"), "the journal's raw_html is ignored");
    let rendered: String = diags.sorted().iter().map(|d| d.render(Path::new("/"))).collect();
    assert!(
        rendered.contains("warning: `raw_html` is ignored: this journal is part of a program"),
        "{rendered}"
    );
    assert!(rendered.contains("static/page.html: warning: left out"), "{rendered}");
}
