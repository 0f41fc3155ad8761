//! The catalogue: Trust I: diagnostics inside pages.

/// A served program's error page says nothing of a note the site leaves out. The issue's
/// example is an error in a private note; then a private note spelt `Private:`, a private
/// note whose front matter does not parse, and an error inside a private block of a
/// public note. The terminal names each.
#[test]
fn t14_serve_error_pages_name_no_hidden_note() {
    for (file, text, terminal) in [
        (
            "2026-11-08-t14-hidden.md",
            "---\ndate: 2026-11-08\ntitle: T14 hidden title\nprivate: true\ngoals:\n  - id: t14-hidden-goal\n    progress: 5\n---\nt14 hidden body\n",
            "2026-11-08-t14-hidden.md:6:9: error",
        ),
        (
            "2026-11-08-t14-hidden.md",
            "---\ndate: 2026-11-08\ntitle: T14 hidden title\nPrivate: true\ngoals:\n  - id: t14-hidden-goal\n---\nt14 hidden body\n",
            "2026-11-08-t14-hidden.md:",
        ),
        (
            "2026-11-08-t14-hidden.md",
            "---\ndate: 2026-11-08\ntitle: [T14 hidden title\nprivate: true\n---\nt14 hidden body\n",
            "2026-11-08-t14-hidden.md:",
        ),
        (
            "2026-11-09-public.md",
            "---\ndate: 2026-11-09\n---\nOpen words.\n\n<!-- private -->\n<<<<<<< t14 hidden branch\nt14 hidden body\n=======\nother\n>>>>>>> main\n<!-- /private -->\n",
            "2026-11-09-public.md:7:1: error",
        ),
    ] {
        let dir = crate::serve::one_pair_program("Public words.");
        let served = crate::serve::serve(dir.path(), &[]);
        crate::harness::write_file(&dir.path().join("pair/sessions").join(file), text.as_bytes());
        let broken = served.wait_for("/", "the error page", |r| r.status == 500);
        let lower = broken.body.to_lowercase();
        for canary in ["t14-hidden", "t14 hidden"] {
            assert!(
                !lower.contains(canary),
                "{text:?}: the page shows `{canary}`:\n{}",
                broken.body
            );
        }
        assert!(broken.body.contains("problem(s) in a private note"), "{}", broken.body);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while !served.stderr().contains(terminal) {
            assert!(
                std::time::Instant::now() < deadline,
                "{text:?}: terminal:\n{}",
                served.stderr()
            );
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
    }
}
