//! `serve`: the site answered from memory on a free port, rebuilt and reloaded on every
//! save, an error page while a note is broken, nothing outside the site, everything (marked)
//! on 127.0.0.1 and nothing of it in `build`. Each test starts the real binary and stops it
//! when done; waits poll with a deadline, never a fixed sleep.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use scraper::Html;

use crate::harness::{EPOCH, Fixture, INTRO_NOTE, all, build_cli, list_dir, mentorlog, one, read_tree, text};

/// How long anything may take before the test fails (debug builds on a busy machine).
const PATIENCE: Duration = Duration::from_secs(30);

/// A running `mentorlog serve`, stopped when dropped.
pub(crate) struct Served {
    child: Child,
    pub(crate) port: u16,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Served {
    fn stdout(&self) -> String {
        self.stdout.lock().unwrap().clone()
    }

    pub(crate) fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// How many threads the server runs now (Linux only: read from /proc).
    #[cfg(target_os = "linux")]
    fn threads(&self) -> usize {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).expect("the server's status");
        let line = status
            .lines()
            .find_map(|l| l.strip_prefix("Threads:"))
            .expect("a Threads line");
        line.trim().parse().expect("a thread count")
    }

    fn get(&self, target: &str) -> Reply {
        get(self.port, target)
    }

    /// Polls `target` until `done` holds for the reply; panics with the last reply after
    /// `PATIENCE`.
    pub(crate) fn wait_for(&self, target: &str, what: &str, done: impl Fn(&Reply) -> bool) -> Reply {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let reply = self.get(target);
            if done(&reply) {
                return reply;
            }
            assert!(
                Instant::now() < deadline,
                "waited in vain for {what} at {target}; last reply: {} {}\n--- stdout\n{}--- stderr\n{}",
                reply.status,
                reply.body,
                self.stdout(),
                self.stderr()
            );
            thread::sleep(Duration::from_millis(25));
        }
    }

    /// Waits until the terminal output (stdout) satisfies `done`.
    fn wait_for_output(&self, what: &str, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        while !done(&self.stdout()) {
            assert!(
                Instant::now() < deadline,
                "waited in vain for {what}\n--- stdout\n{}--- stderr\n{}",
                self.stdout(),
                self.stderr()
            );
            thread::sleep(Duration::from_millis(25));
        }
    }
}

/// Starts `mentorlog serve . --port 0 EXTRA…` in `cwd` and waits for its "serving" line.
pub(crate) fn serve(cwd: &Path, extra: &[&str]) -> Served {
    let mut served = spawn(cwd, &[&["serve", ".", "--port", "0"], extra].concat());
    let deadline = Instant::now() + PATIENCE;
    loop {
        let out = served.stdout();
        if let Some(at) = out.find("at http://") {
            let rest = &out[at + "at http://".len()..];
            let port = rest.split('/').next().and_then(|addr| addr.rsplit(':').next());
            served.port = port.and_then(|p| p.parse().ok()).expect("a port in the serving line");
            return served;
        }
        if let Ok(Some(status)) = served.child.try_wait() {
            panic!(
                "serve ended with {status}\n--- stdout\n{out}--- stderr\n{}",
                served.stderr()
            );
        }
        assert!(
            Instant::now() < deadline,
            "serve did not start:\n{out}{}",
            served.stderr()
        );
        thread::sleep(Duration::from_millis(25));
    }
}

/// Starts the binary with `args` in `cwd` on the tests' build date, collecting its output.
fn spawn(cwd: &Path, args: &[&str]) -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mentorlog"))
        .args(args)
        .current_dir(cwd)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start mentorlog");
    let stdout = collect(child.stdout.take().expect("stdout"));
    let stderr = collect(child.stderr.take().expect("stderr"));
    Served {
        child,
        port: 0,
        stdout,
        stderr,
    }
}

fn collect(pipe: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let sink = Arc::clone(&text);
    thread::spawn(move || {
        let mut reader = BufReader::new(pipe);
        let mut line = String::new();
        while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
            sink.lock().unwrap().push_str(&line);
            line.clear();
        }
    });
    text
}

/// One HTTP response.
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) head: String,
    pub(crate) body: String,
}

/// `GET target` with a one-shot HTTP/1.1 request, the target sent exactly as given.
fn get(port: u16, target: &str) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to serve");
    stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the reply");
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").expect("a reply head");
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("a status");
    Reply {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}

/// The live-reload events stream, as a tab holds it.
struct Events(BufReader<TcpStream>);

impl Events {
    fn open(port: u16) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to serve");
        stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
        write!(
            stream,
            "GET /__mentorlog/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
        )
        .expect("send");
        Events(BufReader::new(stream))
    }

    /// The next event's data; panics after `PATIENCE`.
    fn next(&mut self) -> String {
        let mut line = String::new();
        loop {
            line.clear();
            let n = self.0.read_line(&mut line).expect("an event before the deadline");
            assert!(n > 0, "the events stream closed");
            if let Some(data) = line.strip_prefix("data: ") {
                return data.trim_end().to_string();
            }
        }
    }
}

const SECOND_NOTE: &str =
    "---\ndate: 2026-10-15\ntitle: Second\ngoals:\n  - id: group-lead\n    progress: 20\n---\nThe first version.\n";

const BROKEN_NOTE: &str =
    "---\ndate: 2026-10-15\ntitle: Second\ngoals:\n  - id: grup-lead\n    progress: 20\n---\nThe first version.\n";

fn journal() -> Fixture {
    Fixture::new(&[
        ("sessions/2026-10-01-intro.md", INTRO_NOTE),
        ("sessions/2026-10-15-second.md", SECOND_NOTE),
    ])
}

#[test]
fn serves_the_site_and_reloads_tabs_after_a_save() {
    let fixture = journal();
    let served = serve(fixture.path(), &[]);
    assert!(
        served.stdout().contains(&format!(
            "serving Test journal at http://127.0.0.1:{}/ (drafts and private notes shown; Ctrl-C to stop)",
            served.port
        )),
        "{}",
        served.stdout()
    );
    let home = served.get("/");
    assert_eq!(home.status, 200, "{}", home.body);
    assert!(
        home.head
            .to_ascii_lowercase()
            .contains("content-type: text/html; charset=utf-8"),
        "{}",
        home.head
    );
    let css = served.get("/assets/style.css");
    assert_eq!(css.status, 200);
    assert!(
        css.head.to_ascii_lowercase().contains("content-type: text/css"),
        "{}",
        css.head
    );
    let page = served.get("/sessions/2026-10-15-second.html");
    assert!(page.body.contains("The first version."), "{}", page.body);

    let mut tab = Events::open(served.port);
    let shown = tab.next();
    assert!(
        home.body.contains(&format!("\"{shown}\"")),
        "the page knows the build it shows"
    );
    fixture.write("sessions/2026-10-15-second.md", SECOND_NOTE.replace("first", "second"));
    let reload = tab.next();
    assert_ne!(reload, shown, "a save sends a new build to the tab");
    let page = served.get("/sessions/2026-10-15-second.html");
    assert!(
        page.body.contains("The second version."),
        "the new site is served once the tab is told: {}",
        page.body
    );
    served.wait_for_output("the rebuild line", |out| {
        out.contains("sessions/2026-10-15-second.md changed: rebuilt in ")
    });
    assert_eq!(
        list_dir(fixture.path()),
        ["journal.yaml", "sessions"],
        "serve writes nothing"
    );
}

#[test]
fn an_editors_save_by_rename_is_one_rebuild() {
    let fixture = journal();
    let served = serve(fixture.path(), &[]);
    // Write a hidden temporary file, then rename it over the note, as editors do.
    fixture.write("sessions/.second.md.tmp", SECOND_NOTE.replace("first", "renamed"));
    std::fs::rename(
        fixture.path().join("sessions/.second.md.tmp"),
        fixture.path().join("sessions/2026-10-15-second.md"),
    )
    .unwrap();
    served.wait_for("/sessions/2026-10-15-second.html", "the renamed note", |r| {
        r.body.contains("The renamed version.")
    });
    fixture.write(
        "sessions/2026-10-01-intro.md",
        INTRO_NOTE.replace("Hello.", "Hello again."),
    );
    served.wait_for_output("the second save's rebuild", |out| {
        out.contains("sessions/2026-10-01-intro.md changed:")
    });
    let rebuilds = served.stdout().matches(" changed: ").count();
    assert_eq!(rebuilds, 2, "one rebuild per save:\n{}", served.stdout());
}

#[test]
fn a_new_note_turns_links_to_it_into_links_on_the_pages_that_had_them() {
    let fixture = Fixture::new(&[(
        "sessions/2026-10-01-intro.md",
        &INTRO_NOTE.replace("Hello.", "Hello. Next time: [the follow-up](2026-10-15-second.md)."),
    )]);
    let served = serve(fixture.path(), &[]);
    let page = served.get("/sessions/2026-10-01-intro.html");
    assert!(page.body.contains("the follow-up"), "{}", page.body);
    assert!(
        !page.body.contains("2026-10-15-second.html\">the follow-up"),
        "{}",
        page.body
    );
    fixture.write("sessions/2026-10-15-second.md", SECOND_NOTE);
    served.wait_for("/sessions/2026-10-01-intro.html", "the link to the new note", |r| {
        r.body.contains("2026-10-15-second.html\">the follow-up")
    });
}

#[test]
fn a_broken_note_shows_the_check_diagnostic_until_it_is_fixed() {
    let fixture = journal();
    let served = serve(fixture.path(), &[]);
    fixture.write("sessions/2026-10-15-second.md", BROKEN_NOTE);
    let broken = served.wait_for("/sessions/2026-10-15-second.html", "the error page", |r| {
        r.status == 500
    });
    let expected = "sessions/2026-10-15-second.md:5:9: error: unknown goal `grup-lead`\n  |\n5 |   - id: grup-lead\n  |         ^\nhelp: did you mean `group-lead`?";
    let page = Html::parse_document(&broken.body);
    let shown = one(page.root_element(), "pre").text().collect::<String>();
    assert!(shown.contains(expected), "expected\n{expected}\nin\n{shown}");
    assert!(
        broken.body.contains("/__mentorlog/events"),
        "the error page reloads too"
    );
    // The same words as `check`, and the same on the terminal.
    let check = mentorlog(fixture.path(), ["check"]);
    assert!(check.stderr.contains(expected), "{check}");
    let deadline = Instant::now() + PATIENCE;
    while !served.stderr().contains(expected) {
        assert!(Instant::now() < deadline, "terminal:\n{}", served.stderr());
        thread::sleep(Duration::from_millis(25));
    }
    // Every page says so, and the stylesheet still loads.
    assert_eq!(served.get("/").status, 500);
    assert_eq!(served.get("/assets/style.css").status, 200);

    fixture.write("sessions/2026-10-15-second.md", SECOND_NOTE.replace("first", "fixed"));
    let fixed = served.wait_for("/sessions/2026-10-15-second.html", "the site again", |r| {
        r.status == 200
    });
    assert!(fixed.body.contains("The fixed version."), "{}", fixed.body);
}

#[test]
fn requests_outside_the_site_get_404_and_never_the_file() {
    let fixture = journal();
    let served = serve(fixture.path(), &[]);
    for target in [
        "/../journal.yaml",
        "/%2e%2e/journal.yaml",
        "/%2E%2E/journal.yaml",
        "/..%2fjournal.yaml",
        "/%2e%2e%2fjournal.yaml",
        "/sessions/..%2f..%2fjournal.yaml",
        "/..\\journal.yaml",
        "//etc/passwd",
        "/%2fetc/passwd",
        "/journal.yaml",
        "/sessions/2026-10-01-intro.md",
        "/nope.html",
    ] {
        let reply = served.get(target);
        assert_eq!(reply.status, 404, "{target}: {}", reply.body);
        for secret in ["mentor: Dana Levi", "root:", "id: send-template"] {
            assert!(!reply.body.contains(secret), "{target} answered with `{secret}`");
        }
        assert!(
            reply.body.contains("Page not found"),
            "{target} gets the site's 404 page"
        );
    }
}

#[test]
fn reload_script_is_in_served_pages_and_never_in_build_output() {
    let fixture = journal();
    {
        let served = serve(fixture.path(), &[]);
        for page in [
            "/",
            "/timeline.html",
            "/sessions/2026-10-01-intro.html",
            "/goals/group-lead.html",
            "/nope",
        ] {
            let body = served.get(page).body;
            assert_eq!(
                body.matches("new EventSource(\"/__mentorlog/events\")").count(),
                1,
                "{page}"
            );
            let script = body.find("<script>/* mentorlog serve").expect("the script");
            assert!(
                body[script..].contains("</body>"),
                "{page}: the script goes inside <body>"
            );
        }
        assert!(!served.get("/assets/style.css").body.contains("__mentorlog"));
    }
    let out = tempfile::tempdir().unwrap();
    let run = build_cli(
        fixture.path(),
        fixture.path(),
        &out.path().join("site").to_string_lossy(),
        &[],
    );
    assert_eq!(run.code, 0, "{run}");
    for (path, bytes) in read_tree(&out.path().join("site")) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("__mentorlog"),
            "`{path}` of a build has the reload script"
        );
    }
}

const PRIVATE_NOTE: &str =
    "---\ndate: 2026-10-08\ntitle: Frank talk\nprivate: true\n---\nCanary: serve-only private session\n";
const DRAFT_NOTE: &str = "---\ndate: 2026-10-10\ntitle: Half-written\ndraft: true\n---\nCanary: serve-only draft\n";
const BLOCK_NOTE: &str = "---\ndate: 2026-10-20\ntitle: Mixed\n---\nPublic words.\n\n<!-- private -->\nCanary: serve-only private block\n<!-- /private -->\n";

fn journal_with_secrets() -> Fixture {
    Fixture::new(&[
        ("sessions/2026-10-01-intro.md", INTRO_NOTE),
        ("sessions/2026-10-08-frank-talk.md", PRIVATE_NOTE),
        ("sessions/2026-10-10-half-written.md", DRAFT_NOTE),
        ("sessions/2026-10-20-mixed.md", BLOCK_NOTE),
    ])
}

#[test]
fn loopback_serve_shows_private_notes_and_drafts_marked_and_build_does_not() {
    let fixture = journal_with_secrets();
    {
        let served = serve(fixture.path(), &[]);
        let private = served.get("/sessions/2026-10-08-frank-talk.html");
        assert!(
            private.body.contains("Canary: serve-only private session"),
            "{}",
            private.body
        );
        let page = Html::parse_document(&private.body);
        assert_eq!(text(one(page.root_element(), "h1 .badge-private")), "private");
        let draft = served.get("/sessions/2026-10-10-half-written.html");
        assert!(draft.body.contains("Canary: serve-only draft"), "{}", draft.body);
        let page = Html::parse_document(&draft.body);
        assert_eq!(text(one(page.root_element(), "h1 .badge-draft")), "draft");
        let mixed = served.get("/sessions/2026-10-20-mixed.html");
        assert!(
            mixed.body.contains("Canary: serve-only private block"),
            "{}",
            mixed.body
        );
        let page = Html::parse_document(&served.get("/timeline.html").body);
        assert!(
            text(one(page.root_element(), "main")).contains("includes private notes"),
            "every page says it shows private notes"
        );
    }
    let out = tempfile::tempdir().unwrap();
    let run = build_cli(
        fixture.path(),
        fixture.path(),
        &out.path().join("site").to_string_lossy(),
        &[],
    );
    assert_eq!(run.code, 0, "{run}");
    for (path, bytes) in read_tree(&out.path().join("site")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("serve-only"), "`{path}` of a build has private text");
        assert!(!path.contains("frank-talk") && !path.contains("half-written"), "{path}");
    }
}

#[test]
fn non_loopback_bind_warns_and_leaves_private_notes_out_unless_asked() {
    let fixture = journal_with_secrets();
    let served = serve(fixture.path(), &["--bind", "0.0.0.0"]);
    assert!(
        served.stderr().contains(&format!(
            "warning: listening on 0.0.0.0: anyone who can reach this machine on port {} can read the site (private notes are left out",
            served.port
        )),
        "{}",
        served.stderr()
    );
    assert!(
        served
            .stdout()
            .contains("(drafts and private notes left out; Ctrl-C to stop)"),
        "{}",
        served.stdout()
    );
    assert_eq!(served.get("/sessions/2026-10-08-frank-talk.html").status, 404);
    assert_eq!(served.get("/sessions/2026-10-10-half-written.html").status, 404);
    for page in [
        "/",
        "/timeline.html",
        "/sessions/2026-10-20-mixed.html",
        "/search-index.js",
        "/feed.xml",
    ] {
        assert!(!served.get(page).body.contains("serve-only"), "{page}");
    }
    drop(served);
    let served = serve(fixture.path(), &["--bind", "0.0.0.0", "--include-private"]);
    assert!(
        served.stderr().contains("private notes included"),
        "{}",
        served.stderr()
    );
    let private = served.get("/sessions/2026-10-08-frank-talk.html");
    assert!(
        private.body.contains("Canary: serve-only private session"),
        "{}",
        private.body
    );
}

#[test]
fn port_in_use_is_a_clear_error_that_suggests_another() {
    let fixture = journal();
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let mut run = spawn(fixture.path(), &["serve", "--port", &port.to_string()]);
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = run.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "serve did not stop: {}", run.stdout());
        thread::sleep(Duration::from_millis(25));
    };
    assert_eq!(status.code(), Some(1));
    let stderr_deadline = Instant::now() + PATIENCE;
    while !run.stderr().contains('\n') && Instant::now() < stderr_deadline {
        thread::sleep(Duration::from_millis(10));
    }
    let next = port.checked_add(1).unwrap_or(1111);
    assert_eq!(
        run.stderr(),
        format!("error: port {port} is already in use; try `--port {next}`\n")
    );
}

#[test]
fn a_folder_without_journal_yaml_is_refused() {
    let empty = tempfile::tempdir().unwrap();
    let run = mentorlog(empty.path(), ["serve", "--port", "0"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("has no journal.yaml"), "{run}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_it_and_leaves_nothing_behind() {
    let fixture = journal();
    let mut served = serve(fixture.path(), &[]);
    let killed = Command::new("kill")
        .args(["-INT", &served.child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let deadline = Instant::now() + PATIENCE;
    while served.child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "serve is still running after Ctrl-C");
        thread::sleep(Duration::from_millis(25));
    }
    assert_eq!(list_dir(fixture.path()), ["journal.yaml", "sessions"]);
    assert_eq!(list_dir(&fixture.path().join("sessions")).len(), 2);
}

/// A program folder with one pair (Dana & Sam) and its note `2026-11-01-open.md` reading
/// `text`.
pub(crate) fn one_pair_program(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    crate::harness::write_file(&root.join("program.yaml"), b"title: Cohort\nlead: Miriam\n");
    crate::harness::write_file(
        &root.join("pair/journal.yaml"),
        b"title: Pair\nmentor: Dana\nmentee: Sam\n",
    );
    let note = format!("---\ndate: 2026-11-01\ntitle: Open session\n---\n{text}\n");
    crate::harness::write_file(&root.join("pair/sessions/2026-11-01-open.md"), note.as_bytes());
    dir
}

#[test]
fn a_program_is_served_without_private_notes_unless_asked() {
    let dir = one_pair_program("Public words.");
    let root = dir.path();
    crate::harness::write_file(
        &root.join("pair/sessions/2026-11-08-secret.md"),
        b"---\ndate: 2026-11-08\ntitle: Canary program secret\nprivate: true\n---\nCanary program body\n",
    );
    {
        let served = serve(root, &[]);
        let home = served.get("/");
        assert!(
            home.body.contains("Dana &amp; Sam"),
            "the program home is served: {}",
            home.body
        );
        let timeline = served.get("/pair/timeline.html");
        assert!(timeline.body.contains("Open session"), "{}", timeline.body);
        assert!(
            !timeline.body.contains("Canary program"),
            "a lead must not read private notes by accident"
        );
        assert_eq!(served.get("/pair/sessions/2026-11-08-secret.html").status, 404);
    }
    let served = serve(root, &["--include-private"]);
    let page = served.get("/pair/sessions/2026-11-08-secret.html");
    assert!(page.body.contains("Canary program body"), "{}", page.body);
}

/// The pairs on a served program's home, by their cards' headings.
fn served_pairs(served: &Served) -> Vec<String> {
    let home = Html::parse_document(&served.get("/").body);
    all(home.root_element(), ".pair-card h3")
        .into_iter()
        .map(text)
        .collect()
}

#[test]
fn a_served_program_shows_saves_and_a_journal_added_while_it_runs() {
    let dir = one_pair_program("The first words.");
    let root = dir.path();
    let served = serve(root, &[]);
    assert_eq!(served_pairs(&served), ["Dana & Sam"]);

    // A save in a journal of the program: its page shows the new text (not a cached parse).
    let note = root.join("pair/sessions/2026-11-01-open.md");
    let saved = std::fs::read_to_string(&note).unwrap().replace("first", "second");
    crate::harness::write_file(&note, saved.as_bytes());
    let page = served.wait_for("/pair/sessions/2026-11-01-open.html", "the saved note", |r| {
        r.body.contains("The second words.")
    });
    let page = Html::parse_document(&page.body);
    assert_eq!(text(one(page.root_element(), "h1")), "Open session");

    // A new pair's folder, made the way `mentorlog init` and a first note would: the
    // folder first, then its files.
    std::fs::create_dir(root.join("newpair")).unwrap();
    served.wait_for_output("the rebuild for the new folder", |out| out.contains("newpair changed:"));
    crate::harness::write_file(
        &root.join("newpair/journal.yaml"),
        b"title: New pair\nmentor: Ines\nmentee: Joe\n",
    );
    crate::harness::write_file(
        &root.join("newpair/sessions/2026-11-10-first.md"),
        b"---\ndate: 2026-11-10\ntitle: First meeting\n---\nHello.\n",
    );
    served.wait_for("/newpair/sessions/2026-11-10-first.html", "the new pair's note", |r| {
        r.status == 200 && r.body.contains("Hello.")
    });
    assert_eq!(served_pairs(&served), ["Dana & Sam", "Ines & Joe"]);
}

// ------------- Trust I: serve and other websites, diagnostics inside pages

/// Sends `head` (request line and headers, without the blank line that ends them) exactly
/// as given, and reads the whole reply.
pub(crate) fn raw(port: u16, head: &str) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to serve");
    stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
    write!(stream, "{head}\r\n\r\n").expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the reply");
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((raw.as_str(), ""));
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Reply {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}

/// `GET target` with `Host: host` and the `extra` header lines.
pub(crate) fn get_as(port: u16, target: &str, host: &str, extra: &[&str]) -> Reply {
    let mut head = format!("GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close");
    for line in extra {
        head.push_str("\r\n");
        head.push_str(line);
    }
    raw(port, &head)
}

/// The events stream's head and first event, read as a tab would (the stream stays open).
fn events_start(port: u16, host: &str) -> String {
    let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to serve");
    stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
    let mut writer = stream.try_clone().expect("a second handle");
    write!(writer, "GET /__mentorlog/events HTTP/1.1\r\nHost: {host}\r\n\r\n").expect("send");
    let mut reader = BufReader::new(stream);
    let mut text = String::new();
    let mut line = String::new();
    while reader.read_line(&mut line).expect("the stream's start") > 0 {
        text.push_str(&line);
        if line.starts_with("data: ") {
            break;
        }
        line.clear();
    }
    text
}

/// Asserts the headers every response carries (refused ones and the events stream too).
fn assert_safety_headers(what: &str, head: &str) {
    let head = head.to_ascii_lowercase();
    for header in [
        "cross-origin-resource-policy: same-origin",
        "x-content-type-options: nosniff",
    ] {
        assert!(head.contains(header), "{what}: no `{header}` in\n{head}");
    }
}

/// The private and draft text of `journal_with_secrets`: none may reach a site that hides it.
const JOURNAL_CANARIES: &[&str] = &[
    "serve-only",
    "frank-talk",
    "frank talk",
    "half-written",
    "half written",
    "half-written.md",
];

fn assert_no_canary(what: &str, text: &str, canaries: &[&str]) {
    let lower = text.to_lowercase();
    for canary in canaries {
        assert!(
            !lower.contains(&canary.to_lowercase()),
            "{what} shows `{canary}`:\n{text}"
        );
    }
}

#[test]
fn t14_serve_requests_for_other_host_names_are_refused_with_nothing_of_the_site() {
    let fixture = journal_with_secrets();
    let served = serve(fixture.path(), &[]);
    let port = served.port;
    let page = "/sessions/2026-10-08-frank-talk.html";
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LocalHost:{port}"),
        format!("[::1]:{port}"),
    ] {
        let reply = get_as(port, page, &host, &[]);
        assert_eq!(reply.status, 200, "{host}: {}", reply.head);
        assert!(reply.body.contains("serve-only private session"), "{host}");
    }
    // DNS rebinding: a name the attacker points at 127.0.0.1, a wrong port, spellings.
    for host in [
        format!("evil.example:{port}"),
        "evil.example".to_string(),
        format!("localhost:{}", port.wrapping_add(1)),
        "localhost".to_string(),
        format!("localhost.:{port}"),
        format!("127.0.0.1.:{port}"),
        format!("0.0.0.0:{port}"),
        format!("127.0.0.2:{port}"),
        format!("localhost:{port}@evil.example"),
        String::new(),
    ] {
        for target in [page, "/search-index.js", "/", "/nope", "/__mentorlog/events"] {
            let reply = get_as(port, target, &host, &[]);
            assert_eq!(reply.status, 421, "Host `{host}` {target}: {}", reply.head);
            assert_safety_headers(&format!("Host `{host}` {target}"), &reply.head);
            assert!(reply.body.len() < 200, "a short text, not the site: {}", reply.body);
            assert_no_canary(&format!("Host `{host}` {target}"), &reply.body, JOURNAL_CANARIES);
        }
    }
    // No Host, or two of them.
    for head in [
        format!("GET {page} HTTP/1.0"),
        format!("GET {page} HTTP/1.1\r\nConnection: close"),
        format!("GET {page} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: evil.example\r\nConnection: close"),
    ] {
        let reply = raw(port, &head);
        assert_eq!(reply.status, 421, "{head:?}: {}", reply.head);
        assert_no_canary(&format!("{head:?}"), &reply.body, JOURNAL_CANARIES);
    }
}

#[test]
fn t14_serve_requests_made_by_other_websites_are_refused_and_navigations_are_not() {
    let fixture = journal_with_secrets();
    let served = serve(fixture.path(), &[]);
    let port = served.port;
    let host = format!("127.0.0.1:{port}");
    let other_port = format!("Origin: http://127.0.0.1:{}", port.wrapping_add(1));
    // What a page of another site (another port of 127.0.0.1 is `same-site`) sends for
    // <script src>, fetch (no-cors and cors), <img>, <iframe> and EventSource.
    for (target, headers) in [
        (
            "/search-index.js",
            vec![
                "Sec-Fetch-Site: same-site",
                "Sec-Fetch-Mode: no-cors",
                "Sec-Fetch-Dest: script",
            ],
        ),
        (
            "/search-index.js",
            vec![
                "Sec-Fetch-Site: cross-site",
                "Sec-Fetch-Mode: no-cors",
                "Sec-Fetch-Dest: script",
            ],
        ),
        (
            "/journal.json",
            vec![
                "Sec-Fetch-Site: cross-site",
                "Sec-Fetch-Mode: cors",
                "Sec-Fetch-Dest: empty",
                "Origin: http://evil.example",
            ],
        ),
        (
            "/sessions/2026-10-08-frank-talk.html",
            vec![
                "Sec-Fetch-Site: same-site",
                "Sec-Fetch-Mode: no-cors",
                "Sec-Fetch-Dest: empty",
            ],
        ),
        (
            "/sessions/2026-10-08-frank-talk.html",
            vec![
                "Sec-Fetch-Site: same-site",
                "Sec-Fetch-Mode: navigate",
                "Sec-Fetch-Dest: iframe",
            ],
        ),
        (
            "/feed.xml",
            vec![
                "Sec-Fetch-Site: cross-site",
                "Sec-Fetch-Mode: no-cors",
                "Sec-Fetch-Dest: image",
            ],
        ),
        (
            "/__mentorlog/events",
            vec![
                "Sec-Fetch-Site: same-site",
                "Sec-Fetch-Mode: cors",
                "Sec-Fetch-Dest: empty",
                other_port.as_str(),
            ],
        ),
        // No Sec-Fetch-* (an older browser), but another origin says who asks.
        ("/journal.json", vec![other_port.as_str()]),
        ("/__mentorlog/events", vec!["Origin: null"]),
    ] {
        let reply = get_as(port, target, &host, &headers);
        assert_eq!(reply.status, 403, "{target} {headers:?}: {}", reply.head);
        assert_safety_headers(target, &reply.head);
        assert_no_canary(&format!("{target} {headers:?}"), &reply.body, JOURNAL_CANARIES);
    }
    // The pair's own tab: typed in, or from the site itself; a link from elsewhere opens
    // the page (the other site cannot read it).
    for headers in [
        vec![
            "Sec-Fetch-Site: none",
            "Sec-Fetch-Mode: navigate",
            "Sec-Fetch-Dest: document",
        ],
        vec![
            "Sec-Fetch-Site: same-origin",
            "Sec-Fetch-Mode: no-cors",
            "Sec-Fetch-Dest: script",
        ],
        vec![
            "Sec-Fetch-Site: cross-site",
            "Sec-Fetch-Mode: navigate",
            "Sec-Fetch-Dest: document",
        ],
        vec![],
    ] {
        let reply = get_as(port, "/search-index.js", &host, &headers);
        assert_eq!(reply.status, 200, "{headers:?}: {}", reply.head);
        assert_safety_headers("the search index", &reply.head);
    }
}

#[test]
fn t14_serve_every_response_carries_the_cross_origin_headers() {
    let fixture = journal();
    let served = serve(fixture.path(), &[]);
    let port = served.port;
    let host = format!("127.0.0.1:{port}");
    for (what, reply) in [
        ("a page", get_as(port, "/", &host, &[])),
        ("the stylesheet", get_as(port, "/assets/style.css", &host, &[])),
        ("the search index", get_as(port, "/search-index.js", &host, &[])),
        ("a 404", get_as(port, "/nope.html", &host, &[])),
        ("a refused host", get_as(port, "/", "evil.example", &[])),
        (
            "another site",
            get_as(
                port,
                "/",
                &host,
                &["Sec-Fetch-Site: cross-site", "Sec-Fetch-Mode: no-cors"],
            ),
        ),
        (
            "a POST",
            raw(
                port,
                &format!("POST / HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0\r\nConnection: close"),
            ),
        ),
    ] {
        assert_safety_headers(what, &reply.head);
    }
    let events = events_start(port, &host);
    assert!(events.starts_with("HTTP/1.1 200"), "{events}");
    assert_safety_headers("the events stream", &events);
    fixture.write("sessions/2026-10-15-second.md", BROKEN_NOTE);
    let broken = served.wait_for("/", "the error page", |r| r.status == 500);
    assert_safety_headers("the error page", &broken.head);
}

/// Every site file reachable from `/` by links (pages, stylesheets, scripts, images), plus
/// the files no page links to, and a 404: (target, reply) for each.
fn walk_site(port: u16, host: &str) -> Vec<(String, Reply)> {
    let mut queue: Vec<String> = [
        "/",
        "/search-index.js",
        "/journal.json",
        "/program.json",
        "/feed.xml",
        "/sitemap.xml",
        "/robots.txt",
        "/404.html",
        "/no-such-page.html",
    ]
    .iter()
    .map(std::string::ToString::to_string)
    .collect();
    let mut seen: std::collections::BTreeSet<String> = queue.iter().cloned().collect();
    let mut replies = Vec::new();
    while let Some(target) = queue.pop() {
        let reply = get_as(port, &target, host, &[]);
        if reply.head.to_ascii_lowercase().contains("content-type: text/html") {
            let page = Html::parse_document(&reply.body);
            let base = &target[..=target.rfind('/').unwrap_or(0)];
            for link in all(
                page.root_element(),
                "a[href], link[href], script[src], img[src], source[src]",
            ) {
                let value = link.value();
                let href = value.attr("href").or_else(|| value.attr("src")).unwrap_or_default();
                let href = href.split('#').next().unwrap_or_default();
                let path = if let Some(rest) = href.strip_prefix("http://") {
                    match rest.split_once('/') {
                        Some((authority, path)) if authority.ends_with(&format!(":{port}")) => format!("/{path}"),
                        _ => continue,
                    }
                } else if href.is_empty() || href.contains(':') {
                    continue;
                } else if href.starts_with('/') {
                    href.to_string()
                } else {
                    let Some(joined) = crate::harness::resolve_path(&base[1..], href) else {
                        continue;
                    };
                    format!("/{joined}")
                };
                if seen.insert(path.clone()) {
                    queue.push(path);
                }
            }
        }
        replies.push((target, reply));
    }
    replies
}

#[test]
fn t14_serve_privacy_sweep_of_a_journal_on_a_wildcard_address() {
    let fixture = journal_with_secrets();
    let served = serve(fixture.path(), &["--bind", "0.0.0.0"]);
    let port = served.port;
    let host = format!("127.0.0.1:{port}");
    assert!(
        served.stderr().contains("answering requests for ") && served.stderr().contains(&host),
        "{}",
        served.stderr()
    );
    let replies = walk_site(port, &host);
    assert!(replies.len() > 10, "the walk found the site: {}", replies.len());
    assert!(
        replies
            .iter()
            .any(|(t, r)| t == "/sessions/2026-10-20-mixed.html" && r.body.contains("Public words.")),
        "the walk reached the note with a private block"
    );
    for (target, reply) in &replies {
        assert_no_canary(target, &format!("{}\n{}", reply.head, reply.body), JOURNAL_CANARIES);
    }
    assert_no_canary("the events stream", &events_start(port, &host), JOURNAL_CANARIES);

    // A broken private note, a broken draft, and a private note whose front matter does
    // not parse: the error page says a hidden note has a problem, and the terminal says
    // everything.
    fixture.write(
        "sessions/2026-10-08-frank-talk.md",
        PRIVATE_NOTE.replace(
            "private: true\n",
            "private: true\ngoals:\n  - id: serve-only-goal\n    progress: 20\n",
        ),
    );
    fixture.write(
        "sessions/2026-10-22-half-written-too.md",
        "---\ndate: 2026-10-22\ntitle: [Canary serve-only unclosed\nprivate: true\n---\nCanary: serve-only broken\n",
    );
    fixture.write(
        "sessions/2026-10-20-mixed.md",
        format!("{BLOCK_NOTE}\n<!-- private -->\n[[serve-only-missing-note]] and `{{{{ serve-only }}}}`\n<!-- /private -->\n"),
    );
    let broken = served.wait_for("/", "the error page", |r| r.status == 500);
    let page = Html::parse_document(&broken.body);
    let shown = one(page.root_element(), "pre").text().collect::<String>();
    assert!(shown.contains("problem(s) in a private note"), "{shown}");
    for (target, reply) in walk_site(port, &host) {
        assert_no_canary(&target, &format!("{}\n{}", reply.head, reply.body), JOURNAL_CANARIES);
    }
    let deadline = Instant::now() + PATIENCE;
    while !served.stderr().contains("2026-10-08-frank-talk.md:") {
        assert!(
            Instant::now() < deadline,
            "the terminal names the note:\n{}",
            served.stderr()
        );
        thread::sleep(Duration::from_millis(25));
    }
}

/// The private note of `sweep_program`: its file name, title and text.
const PROGRAM_CANARIES: &[&str] = &[
    "zebra-secret",
    "zebra secret",
    "Quokka confidential",
    "Canary program body",
    "Canary program block",
    "serve-only",
];

/// A program of one pair with a public note (a private block in it) and a private note.
fn sweep_program() -> tempfile::TempDir {
    let dir = one_pair_program("Public words.\n\n<!-- private -->\nCanary program block\n<!-- /private -->\n");
    crate::harness::write_file(
        &dir.path().join("pair/sessions/2026-11-08-zebra-secret.md"),
        b"---\ndate: 2026-11-08\ntitle: Quokka confidential\nprivate: true\n---\nCanary program body\n",
    );
    dir
}

#[test]
fn t14_serve_privacy_sweep_of_a_program_error_pages_included() {
    let dir = sweep_program();
    let root = dir.path();
    let served = serve(root, &[]);
    let port = served.port;
    let host = format!("127.0.0.1:{port}");
    let replies = walk_site(port, &host);
    assert!(
        replies
            .iter()
            .any(|(t, r)| t.ends_with("/sessions/2026-11-01-open.html") && r.body.contains("Public words.")),
        "the walk reached the pair's public note: {:?}",
        replies.iter().map(|(t, _)| t).collect::<Vec<_>>()
    );
    for (target, reply) in &replies {
        assert_no_canary(target, &format!("{}\n{}", reply.head, reply.body), PROGRAM_CANARIES);
    }
    assert_no_canary("the events stream", &events_start(port, &host), PROGRAM_CANARIES);

    // The private note breaks: the page does not name it, the terminal does.
    let note = root.join("pair/sessions/2026-11-08-zebra-secret.md");
    crate::harness::write_file(
        &note,
        b"---\ndate: 2026-11-08\ntitle: Quokka confidential\nprivate: true\ngoals:\n  - id: serve-only-goal\n    progress: 20\n---\nCanary program body\n",
    );
    let broken = served.wait_for("/", "the error page", |r| r.status == 500);
    let page = Html::parse_document(&broken.body);
    let shown = one(page.root_element(), "pre").text().collect::<String>();
    assert!(shown.contains("1 problem(s) in a private note"), "{shown}");
    for (target, reply) in walk_site(port, &host) {
        assert_no_canary(&target, &format!("{}\n{}", reply.head, reply.body), PROGRAM_CANARIES);
    }
    let deadline = Instant::now() + PATIENCE;
    while !served.stderr().contains("2026-11-08-zebra-secret.md:") {
        assert!(
            Instant::now() < deadline,
            "the terminal names the note:\n{}",
            served.stderr()
        );
        thread::sleep(Duration::from_millis(25));
    }

    // Its front matter no longer parses: its privacy cannot be known, so it stays hidden.
    crate::harness::write_file(
        &note,
        b"---\ndate: 2026-11-08\ntitle: [Quokka confidential\nprivate: true\n---\nCanary program body\n",
    );
    served.wait_for("/", "the error page of the unparsable note", |r| {
        r.status == 500 && !r.body.contains("serve-only-goal")
    });
    for (target, reply) in walk_site(port, &host) {
        assert_no_canary(&target, &format!("{}\n{}", reply.head, reply.body), PROGRAM_CANARIES);
    }
}

#[test]
fn t14_serve_a_public_notes_diagnostic_is_still_shown_on_a_programs_error_page() {
    let dir = sweep_program();
    let root = dir.path();
    let served = serve(root, &[]);
    crate::harness::write_file(
        &root.join("pair/sessions/2026-11-01-open.md"),
        b"---\ndate: 2026-11-01\ntitle: Open session\ngoals:\n  - id: grup-lead\n    progress: 20\n---\nPublic words.\n",
    );
    let broken = served.wait_for("/", "the error page", |r| r.status == 500);
    let page = Html::parse_document(&broken.body);
    let shown = one(page.root_element(), "pre").text().collect::<String>();
    assert!(
        shown.contains("2026-11-01-open.md:5:9: error: unknown goal `grup-lead`"),
        "{shown}"
    );
    assert!(!shown.contains("private note"), "{shown}");
}

/// The bound the issue allows for the pair's request while stuck clients hold connections;
/// far below `REQUEST_TIMEOUT` and `WRITE_TIMEOUT` (30 s), so they still hold them.
const ANSWERED_WITHIN: Duration = Duration::from_secs(10);

/// A client that connected and is stuck: it sent nothing, or part of a request head, or
/// asked for a file and reads none of it.
fn stuck(port: u16, send: &str) -> TcpStream {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to serve");
    stream.write_all(send.as_bytes()).expect("send");
    stream
}

/// The server has not closed `stream`: nothing to read yet (or the response it is still
/// sending), no end of stream, no reset.
fn still_open(stream: &TcpStream) -> bool {
    stream.set_nonblocking(true).expect("non-blocking");
    let mut byte = [0; 1];
    match stream.peek(&mut byte) {
        Ok(n) => n > 0,
        Err(e) => e.kind() == std::io::ErrorKind::WouldBlock,
    }
}

/// The pair's tab asks for the home page: answered 200 within `ANSWERED_WITHIN`.
fn the_tab_is_answered(served: &Served) {
    let started = Instant::now();
    let mut stream = TcpStream::connect(("127.0.0.1", served.port)).expect("connect to serve");
    stream.set_read_timeout(Some(ANSWERED_WITHIN)).expect("timeout");
    let port = served.port;
    write!(
        stream,
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut raw = Vec::new();
    let read = stream.read_to_end(&mut raw);
    let raw = String::from_utf8_lossy(&raw);
    assert!(
        read.is_ok() && raw.starts_with("HTTP/1.1 200") && raw.contains("</html>"),
        "the tab was not answered within {ANSWERED_WITHIN:?} ({read:?}): {:.200}\n--- stderr\n{}",
        raw,
        served.stderr()
    );
    assert!(
        started.elapsed() < ANSWERED_WITHIN,
        "answered after {:?}",
        started.elapsed()
    );
}

#[test]
fn stuck_clients_do_not_keep_the_pairs_tab_waiting() {
    let fixture = journal();
    // Larger than what the sockets of a client that reads nothing can hold (a few MB each
    // way), so sending it really is stuck.
    fixture.write("static/big.bin", vec![b'x'; 24 << 20]);
    let served = serve(fixture.path(), &[]);
    let port = served.port;
    let big = format!("GET /static/big.bin HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n");
    let mut clients = Vec::new();
    for _ in 0..8 {
        clients.push(("asked for a large file and reads nothing", stuck(port, &big)));
        clients.push(("sent nothing", stuck(port, "")));
        clients.push(("sent half a request head", stuck(port, "GET / HTTP/1.1\r\nHost: 127.0")));
    }
    // Every large file has started on its way (and stopped: nobody reads it) before the
    // tab asks.
    for (what, client) in clients.iter().filter(|(what, _)| what.contains("large")) {
        client.set_read_timeout(Some(PATIENCE)).expect("timeout");
        let mut head = [0; 12];
        let started = client
            .peek(&mut head)
            .is_ok_and(|n| n > 0 && b"HTTP/1.1 200".starts_with(&head[..n]));
        assert!(started, "a client that {what} got no response");
    }
    the_tab_is_answered(&served);
    for (what, client) in &clients {
        assert!(
            still_open(client),
            "a client that {what} was dropped before its timeout"
        );
    }
}

#[test]
fn many_half_open_connections_do_not_stop_the_answers() {
    let fixture = journal();
    let served = serve(fixture.path(), &[]);
    let port = served.port;
    the_tab_is_answered(&served);
    #[cfg(target_os = "linux")]
    let threads = served.threads();
    // More than `MAX_CONNECTIONS` (128): the oldest are closed to make room, never the tab.
    let clients: Vec<TcpStream> = (0..300)
        .map(|n| stuck(port, if n % 2 == 0 { "" } else { "GET / HTTP/1.1\r\n" }))
        .collect();
    the_tab_is_answered(&served);
    #[cfg(target_os = "linux")]
    assert!(
        served.threads() < threads + 8,
        "{} threads with {} connections, {threads} before",
        served.threads(),
        clients.len()
    );
    // The newest of them are still held: only the oldest made room.
    assert!(
        clients.iter().rev().take(64).all(still_open),
        "recent connections were dropped"
    );
}
