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
struct Served {
    child: Child,
    port: u16,
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

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    fn get(&self, target: &str) -> Reply {
        get(self.port, target)
    }

    /// Polls `target` until `done` holds for the reply; panics with the last reply after
    /// `PATIENCE`.
    fn wait_for(&self, target: &str, what: &str, done: impl Fn(&Reply) -> bool) -> Reply {
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
fn serve(cwd: &Path, extra: &[&str]) -> Served {
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
struct Reply {
    status: u16,
    head: String,
    body: String,
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
fn one_pair_program(text: &str) -> tempfile::TempDir {
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
