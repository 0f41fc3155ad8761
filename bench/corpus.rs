//! The benchmark corpus: a deterministic mentoring program of N journals × M sessions in
//! mentorlog's format (`--layout mentorlog`), or the same Markdown bodies as a Hugo site
//! (`--layout hugo`), so the two generators are timed on the same text.
//!
//! ```sh
//! cargo run --release --example bench_corpus -- --journals 500 --sessions 20 --out /tmp/p10k
//! cargo run --release --example bench_corpus -- --journals 500 --sessions 20 --layout hugo --out /tmp/h10k
//! ```
//! Notes are about 900 words with headings, lists, task lists, a table, a quote, a
//! footnote and links; goals are declared and updated, commitments made and closed, and
//! about 24 topics recur. The same `--seed` always gives the same bytes.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// xorshift64*: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n as u64)).unwrap_or(0)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "roadmap",
    "team",
    "quarter",
    "stakeholder",
    "feedback",
    "priority",
    "customer",
    "launch",
    "metric",
    "hiring",
    "interview",
    "decision",
    "trade-off",
    "meeting",
    "plan",
    "review",
    "engineering",
    "design",
    "sales",
    "budget",
    "strategy",
    "onboarding",
    "discovery",
    "experiment",
    "delegation",
    "coaching",
    "manager",
    "peer",
    "goal",
    "deadline",
    "scope",
    "risk",
    "signal",
    "question",
    "answer",
    "example",
    "story",
    "habit",
    "week",
    "month",
    "clear",
    "hard",
    "small",
    "honest",
    "useful",
    "quiet",
    "careful",
    "direct",
    "early",
    "late",
    "better",
    "real",
    "we",
    "talked",
    "about",
    "the",
    "a",
    "and",
    "then",
    "because",
    "so",
    "it",
    "was",
    "is",
    "will",
    "should",
    "could",
    "asked",
    "agreed",
    "noticed",
    "tried",
    "wrote",
    "shared",
    "moved",
    "kept",
    "dropped",
    "learned",
];
const TOPICS: &[&str] = &[
    "roadmap",
    "stakeholders",
    "hiring",
    "feedback",
    "discovery",
    "delegation",
    "career",
    "planning",
    "metrics",
    "communication",
    "strategy",
    "coaching",
    "conflict",
    "prioritisation",
    "onboarding",
    "research",
    "leadership",
    "time-management",
    "negotiation",
    "writing",
    "presenting",
    "team-health",
    "promotion",
    "burnout",
];
const NAMES: &[&str] = &[
    "Aisha", "Ben", "Chloe", "Dana", "Eli", "Farah", "Gil", "Hana", "Ivan", "Jun", "Kofi", "Lena", "Maya", "Noa",
    "Omar", "Priya", "Quinn", "Ravi", "Sam", "Tal", "Uma", "Vera", "Wen", "Yuki",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        let w = rng.pick(WORDS);
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                s.extend(f.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

fn paragraph(rng: &mut Rng, sentences: usize) -> String {
    (0..sentences)
        .map(|_| {
            let words = 8 + rng.below(10);
            sentence(rng, words)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A note body of about 900 words. `previous` is the previous note's file name, if any.
fn body(rng: &mut Rng, previous: Option<&str>) -> String {
    let mut b = String::new();
    let _ = writeln!(
        b,
        "## What we talked about\n\n{}\n\n{}\n",
        paragraph(rng, 8),
        paragraph(rng, 7)
    );
    if let Some(prev) = previous {
        let _ = writeln!(
            b,
            "This follows [the last session]({prev}); see also [a useful essay](https://example.org/essay).\n"
        );
    }
    let _ = writeln!(b, "## The real problem\n\n{}\n", paragraph(rng, 8));
    for _ in 0..5 {
        let _ = writeln!(b, "- {}", sentence(rng, 9));
    }
    let _ = writeln!(b, "\n> {}\n", sentence(rng, 14));
    let _ = writeln!(b, "{} {}[^1]\n", paragraph(rng, 4), sentence(rng, 6));
    let _ = writeln!(b, "| Option | For | Against |\n| --- | --- | --- |");
    for _ in 0..3 {
        let _ = writeln!(
            b,
            "| {} | {} | {} |",
            rng.pick(WORDS),
            sentence(rng, 5),
            sentence(rng, 5)
        );
    }
    let _ = writeln!(b, "\n## Decisions\n\n{}\n", paragraph(rng, 5));
    for i in 0..4 {
        let _ = writeln!(b, "- [{}] {}", if i % 2 == 0 { "x" } else { " " }, sentence(rng, 7));
    }
    let _ = writeln!(b, "\n## Next time\n\n{}\n\n{}\n", paragraph(rng, 5), paragraph(rng, 4));
    let _ = writeln!(b, "[^1]: {}", sentence(rng, 10));
    b
}

struct Session {
    date: chrono::NaiveDate,
    file: String,
    title: String,
    topics: Vec<&'static str>,
    front_extra: String,
    body: String,
}

fn journal_sessions(rng: &mut Rng, journal: usize, sessions: usize) -> Vec<Session> {
    let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 6).unwrap() + chrono::Days::new((journal % 28) as u64);
    let mut out: Vec<Session> = Vec::new();
    let mut date = start;
    for s in 0..sessions {
        let title = format!("{} {}", sentence(rng, 3).trim_end_matches('.'), s + 1);
        let slug: String = title
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        let file = format!("{}-{}.md", date.format("%Y-%m-%d"), slug);
        let topics = vec![rng.pick(TOPICS), rng.pick(TOPICS), rng.pick(TOPICS)];
        let mut extra = String::new();
        if s == 0 {
            extra.push_str("goals:\n  - id: career\n    title: Grow into a group lead role\n    horizon: career\n    steps: [Lead a planning review, Coach a junior colleague, Hire for the team, Write the strategy]\n    progress: 5\n  - id: discovery\n    title: Start a discovery routine\n    horizon: work\n    steps: [Agree the cadence, Interview customers, Share findings]\n  - id: weekly\n    title: Work through current challenges\n    horizon: day-to-day\n");
        } else {
            extra.push_str("goals:\n");
            match s % 4 {
                0 => extra.push_str("  - id: career\n    done: [Lead a planning review]\n"),
                1 => {
                    let _ = writeln!(extra, "  - id: discovery\n    progress: {}", (s * 7).min(100));
                }
                2 => extra.push_str("  - id: weekly\n    note: Talked through the week\n"),
                _ => {
                    let _ = writeln!(
                        extra,
                        "  - id: career\n    progress: {}\n    note: Moved a little",
                        (5 + s * 4).min(100)
                    );
                }
            }
        }
        extra.push_str("commitments:\n");
        if s > 0 {
            let status = if s % 5 == 0 { "dropped" } else { "done" };
            let _ = writeln!(
                extra,
                "  - id: c{}-a\n    status: {status}\n  - id: c{}-b\n    status: done",
                s - 1,
                s - 1
            );
        }
        let _ = writeln!(
            extra,
            "  - id: c{s}-a\n    who: mentee\n    what: {}\n    due: next\n  - id: c{s}-b\n    who: mentor\n    what: {}\n    due: {}",
            sentence(rng, 6).trim_end_matches('.'),
            sentence(rng, 5).trim_end_matches('.'),
            (date + chrono::Days::new(10)).format("%Y-%m-%d")
        );
        let previous = out.last().map(|p| p.file.clone());
        out.push(Session {
            date,
            file,
            title,
            topics,
            front_extra: extra,
            body: body(rng, previous.as_deref()),
        });
        let gap = if rng.below(10) == 0 { 35 } else { 14 };
        date = date + chrono::Days::new(gap);
    }
    out
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn main() {
    let mut journals = 50usize;
    let mut sessions = 20usize;
    let mut out = PathBuf::from("bench-corpus");
    let mut layout = "mentorlog".to_string();
    let mut seed = 2026u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().expect("a value after the flag");
        match a.as_str() {
            "--journals" => journals = value().parse().unwrap(),
            "--sessions" => sessions = value().parse().unwrap(),
            "--out" => out = PathBuf::from(value()),
            "--layout" => layout = value(),
            "--seed" => seed = value().parse().unwrap(),
            other => panic!("unknown argument {other}; see the file's header"),
        }
    }
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    if layout == "hugo" {
        write(
            &out.join("hugo.toml"),
            "baseURL = 'https://example.org/'\ntitle = 'Bench program'\ndisableKinds = ['RSS', 'sitemap', 'robotsTXT', '404']\n[taxonomies]\ntag = 'tags'\n",
        );
        write(
            &out.join("layouts/_default/single.html"),
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1><p>{{ .Date.Format \"2 Jan 2006\" }}</p>{{ .Content }}<ul>{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul></main></body></html>\n",
        );
        write(
            &out.join("layouts/_default/list.html"),
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Date.Format \"2 Jan 2006\" }}</li>{{ end }}</ul></main></body></html>\n",
        );
        write(
            &out.join("layouts/index.html"),
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Site.Title }}</title></head><body><main><h1>{{ .Site.Title }}</h1><ul>{{ range .Sections }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> ({{ len .Pages }})</li>{{ end }}</ul></main></body></html>\n",
        );
    } else {
        write(
            &out.join("program.yaml"),
            "title: Bench program\nlead: Bench Lead\ncadence_days: 14\n",
        );
    }
    for j in 0..journals {
        let mentor = NAMES[j % NAMES.len()];
        let mentee = NAMES[(j / NAMES.len() + j + 7) % NAMES.len()];
        let slug = format!("pair-{j:05}");
        let list = journal_sessions(&mut rng, j, sessions);
        if layout == "hugo" {
            write(
                &out.join(format!("content/{slug}/_index.md")),
                &format!("---\ntitle: \"{mentor} & {mentee}\"\n---\n"),
            );
            for s in &list {
                let front = format!(
                    "---\ntitle: \"{}\"\ndate: {}\ntags: [{}]\n---\n",
                    s.title,
                    s.date.format("%Y-%m-%d"),
                    s.topics.join(", ")
                );
                write(&out.join(format!("content/{slug}/{}", s.file)), &(front + &s.body));
            }
        } else {
            write(
                &out.join(&slug).join("journal.yaml"),
                &format!("title: \"{mentor} & {mentee}\"\nmentor: {mentor}\nmentee: {mentee}\n"),
            );
            for s in &list {
                let front = format!(
                    "---\ndate: {}\ntitle: \"{}\"\nkind: regular\nduration: 60\ntopics: [{}]\n{}---\n",
                    s.date.format("%Y-%m-%d"),
                    s.title,
                    s.topics.join(", "),
                    s.front_extra
                );
                write(&out.join(&slug).join("sessions").join(&s.file), &(front + &s.body));
            }
        }
    }
    eprintln!("wrote {journals} × {sessions} sessions ({layout}) to {}", out.display());
}
