//! The catalogue: journal.yaml.

use crate::harness::Fixture;

use super::{A, check, expect};

#[test]
fn c36_journal_yaml_missing() {
    let f = Fixture::new(&[(A, "---\ndate: 2026-01-08\n---\n")]);
    std::fs::remove_file(f.path().join("journal.yaml")).unwrap();
    let run = check(&f);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr
            .contains("is not a mentorlog journal: it has no journal.yaml"),
        "{run}"
    );
}

#[test]
fn c37_journal_yaml_empty() {
    let f = Fixture::new(&[("journal.yaml", ""), (A, "---\ndate: 2026-01-08\n---\n")]);
    expect(&f, 1, (1, 0), &["journal.yaml: error: journal.yaml is empty"]);
}

#[test]
fn c38_journal_yaml_is_a_folder() {
    let f = Fixture::new(&[(A, "---\ndate: 2026-01-08\n---\n")]);
    std::fs::remove_file(f.path().join("journal.yaml")).unwrap();
    std::fs::create_dir(f.path().join("journal.yaml")).unwrap();
    expect(
        &f,
        1,
        (1, 0),
        &["journal.yaml: error: journal.yaml is a folder, not a file"],
    );
}
