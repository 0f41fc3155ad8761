//! Measures `serve`'s save-to-reload latency: the time from writing one note of a
//! 500-session journal until the live-reload event reaches a connected tab (debouncing,
//! full in-memory rebuild and the swap included). The budget is 100 ms.
//!
//! ```sh
//! cargo run --release --example serve_latency              # a generated 500-session journal
//! cargo run --release --example serve_latency -- DIR       # DIR's journal (generated there if missing)
//! cargo run --release --example serve_latency -- --sessions 1000
//! ```
//!
//! It runs the same `mentorlog::serve` the command runs, in this process, on a free port
//! of 127.0.0.1, and writes only inside a temporary folder (or the given journal's one
//! note, which it puts back as it was).
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use mentorlog::clock::BuildDate;
use mentorlog::project::{BuildOptions, Project};
use mentorlog::serve::{self, Listener, Rebuilt, Report, ServeError};

/// The binary's allocator, so the rebuilds measured are the command's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Saves measured per mode (a write in place, and an editor's write-then-rename).
const SAVES: usize = 15;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut sessions = 500;
    let mut given: Option<PathBuf> = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--sessions" => sessions = args.next().and_then(|n| n.parse().ok()).expect("--sessions N"),
            dir => given = Some(PathBuf::from(dir)),
        }
    }
    let scratch = tempfile::tempdir().expect("a temporary folder");
    let dir = given.unwrap_or_else(|| scratch.path().join("journal"));
    if !dir.join("journal.yaml").exists() {
        generate(&dir, sessions);
    }
    let note = pick_note(&dir);
    let original = std::fs::read_to_string(&note).expect("read the note");

    let report = Arc::new(Timings::default());
    let listener = Listener::bind(SocketAddr::from(([127, 0, 0, 1], 0))).expect("a free port");
    let port = listener.local_addr().port();
    let today = BuildDate(NaiveDate::from_ymd_opt(2040, 1, 1).expect("a date"));
    let config = serve::Config {
        project: Project::Journal(dir.clone()),
        options: BuildOptions {
            drafts: true,
            include_private: true,
            base_url: Some(format!("http://127.0.0.1:{port}/")),
        },
        cwd: std::env::current_dir().expect("current folder"),
        today: Box::new(move || today),
    };
    let started = Instant::now();
    let running = serve::start(listener, config, Arc::clone(&report) as Arc<dyn Report>).expect("serve starts");
    println!(
        "journal: {} ({} notes); first build {} ms; {} cores",
        dir.display(),
        count_notes(&dir.join("sessions")),
        started.elapsed().as_millis(),
        std::thread::available_parallelism().map_or(1, usize::from)
    );
    std::thread::spawn(move || running.wait());

    let mut tab = Tab::open(port);
    let mut shown = tab.next_event();
    // After start, serve builds once more in the background (a warm-up); a person's first
    // save comes later than that.
    std::thread::sleep(Duration::from_secs(1));
    let mut results = Vec::new();
    for mode in ["write in place", "write + rename"] {
        let mut latencies = Vec::new();
        let mut rebuilds = Vec::new();
        for i in 0..SAVES {
            std::thread::sleep(Duration::from_millis(150));
            let text = format!("{original}\nEdit {i} ({mode}).\n");
            let saved = Instant::now();
            if mode == "write in place" {
                std::fs::write(&note, &text).expect("write the note");
            } else {
                let tmp = note.with_file_name(".mentorlog-bench.tmp");
                std::fs::write(&tmp, &text).expect("write the temporary file");
                std::fs::rename(&tmp, &note).expect("rename over the note");
            }
            let token = tab.next_event();
            latencies.push(saved.elapsed());
            assert_ne!(token, shown, "a new build was announced");
            shown = token;
            rebuilds.push(report.latest_after(saved));
        }
        results.push((mode, latencies, rebuilds));
    }
    std::fs::write(&note, &original).expect("put the note back");

    println!("save → reload event (ms), {SAVES} saves each, debounce included:");
    for (mode, latencies, rebuilds) in &results {
        println!("  {mode:<15} {}", summary(latencies));
        println!("  {:<15} {}", "  rebuild only", summary(rebuilds));
        let each: Vec<String> = latencies
            .iter()
            .map(|d| format!("{:.0}", d.as_secs_f64() * 1000.0))
            .collect();
        println!("  {:<15} {}", "  in order", each.join(" "));
    }
    let worst = results
        .iter()
        .flat_map(|r| r.1.iter())
        .max()
        .copied()
        .unwrap_or_default();
    println!(
        "budget 100 ms: {}",
        if worst <= Duration::from_millis(100) {
            "met"
        } else {
            "MISSED"
        }
    );
}

fn summary(samples: &[Duration]) -> String {
    let mut ms: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    ms.sort_by(f64::total_cmp);
    // The sample nearest the percentile, rounding half up.
    let at = |percent: usize| ms[((ms.len() - 1) * percent + 50) / 100];
    format!(
        "min {:.1}  median {:.1}  p90 {:.1}  max {:.1}",
        at(0),
        at(50),
        at(90),
        at(100)
    )
}

/// Remembers how long each rebuild took, as `serve` reports it (after the tabs are told).
#[derive(Default)]
struct Timings(Mutex<Vec<(Instant, Duration)>>);

impl Timings {
    /// The duration of the first rebuild reported after `since` (waits for its report).
    fn latest_after(&self, since: Instant) -> Duration {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some((_, took)) = self.0.lock().unwrap().iter().find(|(at, _)| *at > since) {
                return *took;
            }
            assert!(Instant::now() < deadline, "no rebuild was reported");
            std::thread::sleep(Duration::from_millis(1));
        }
    }
}

impl Report for Timings {
    fn rebuilt(&self, rebuilt: &Rebuilt<'_>) {
        if let Some(error) = rebuilt.error {
            eprintln!("the journal did not build: {error}");
        }
        self.0.lock().unwrap().push((Instant::now(), rebuilt.elapsed));
    }

    fn problem(&self, problem: &ServeError) {
        eprintln!("warning: {problem}");
    }
}

/// A tab's events stream.
struct Tab(BufReader<TcpStream>);

impl Tab {
    fn open(port: u16) -> Tab {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
        // The port is part of the `Host` serve answers (src/serve/guard.rs).
        write!(
            stream,
            "GET /__mentorlog/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
        )
        .expect("send");
        Tab(BufReader::new(stream))
    }

    fn next_event(&mut self) -> String {
        let mut line = String::new();
        loop {
            line.clear();
            assert!(
                self.0.read_line(&mut line).expect("an event within 10 s") > 0,
                "stream closed"
            );
            if let Some(data) = line.strip_prefix("data: ") {
                return data.trim_end().to_string();
            }
        }
    }
}

/// The note in the middle of the journal (by file name).
fn pick_note(dir: &Path) -> PathBuf {
    let mut notes: Vec<PathBuf> = std::fs::read_dir(dir.join("sessions"))
        .expect("sessions/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    notes.sort();
    notes.swap_remove(notes.len() / 2)
}

fn count_notes(dir: &Path) -> usize {
    walk(dir)
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .count()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

const WORDS: &[&str] = &[
    "roadmap",
    "stakeholder",
    "planning review",
    "one-pager",
    "hiring plan",
    "discovery track",
    "pricing page",
    "team charter",
    "weekly update",
    "career ladder",
    "usability test",
    "decision log",
];
const TOPICS: &[&str] = &[
    "roadmap",
    "hiring",
    "stakeholders",
    "delegation",
    "discovery",
    "feedback",
];

/// Writes a journal of `sessions` notes, about 6 KB each (like a real, talkative journal):
/// goals declared early and moved later, commitments made and closed, topics, lists.
fn generate(dir: &Path, sessions: usize) {
    std::fs::create_dir_all(dir.join("sessions")).expect("create the journal");
    std::fs::write(
        dir.join("journal.yaml"),
        "title: \"Sam & Dana: product mentoring\"\nmentor: Dana Levi\nmentee: Sam Ortiz\ncadence_days: 14\n",
    )
    .expect("write journal.yaml");
    let start = NaiveDate::from_ymd_opt(2020, 1, 6).expect("a date");
    for i in 0..sessions {
        let date = start + chrono::Days::new(14 * i as u64);
        let mut note = format!(
            "---\ndate: {date}\ntitle: Session {n}\nkind: regular\nduration: 60\ntopics: [{}, {}]\n",
            TOPICS[i % TOPICS.len()],
            TOPICS[(i / 3) % TOPICS.len()],
            n = i + 1
        );
        let goal = format!("goal-{}", i / 10);
        if i % 10 == 0 {
            let _ = write!(
                note,
                "goals:\n  - id: {goal}\n    title: Move the {} forward\n    horizon: work\n    steps: [Draft it, Review it, Ship it]\n    progress: 5\n",
                WORDS[i % WORDS.len()]
            );
        } else {
            let _ = write!(note, "goals:\n  - id: {goal}\n    progress: {}\n", 5 + (i % 10) * 9);
        }
        let _ = write!(
            note,
            "commitments:\n  - id: c-{i}\n    who: {}\n    what: Bring the {} to the next session\n    due: next\n",
            if i % 2 == 0 { "mentee" } else { "mentor" },
            WORDS[(i * 7) % WORDS.len()]
        );
        if i > 0 {
            let _ = write!(note, "  - id: c-{}\n    status: done\n", i - 1);
        }
        note.push_str("---\n\n");
        for section in 0..8 {
            let _ = writeln!(note, "## Part {section}\n");
            for sentence in 0..6 {
                let w = |k: usize| WORDS[(i + section * 5 + sentence * 3 + k) % WORDS.len()];
                let _ = write!(
                    note,
                    "We talked about how to reshape the {} without losing the {}, and what the {} means for the {}. ",
                    w(0),
                    w(1),
                    w(2),
                    w(3)
                );
            }
            note.push_str("\n\n");
            for item in 0..3 {
                let _ = writeln!(
                    note,
                    "- Ask about the **{}** before the {}",
                    WORDS[(i + item) % WORDS.len()],
                    WORDS[(section + item) % WORDS.len()]
                );
            }
            note.push('\n');
        }
        let path = dir.join(format!("sessions/{date}-session-{}.md", i + 1));
        std::fs::write(path, note).expect("write a note");
    }
}
