//! The catalogue: journal.yaml.

use snapbox::str;

use crate::harness::Test;

#[test]
fn c36_journal_yaml_missing() {
    Test::case("journal-yaml/missing")
        .setup(|dir| std::fs::remove_file(dir.join("journal.yaml")).unwrap())
        .status(1)
        .stderr(str![[r#"
error: `.` is not a mentorlog journal: it has no journal.yaml
help: give the folder that holds journal.yaml (or a program's program.yaml), or start one with `mentorlog init`

"#]])
        .run();
}

#[test]
fn c37_journal_yaml_empty() {
    Test::case("journal-yaml/empty")
        .status(1)
        .stderr(str![[r#"
journal.yaml: error: journal.yaml is empty
help: write at least `title:`, `mentor:` and `mentee:`
1 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
}

#[test]
fn c38_journal_yaml_is_a_folder() {
    // Git holds no empty folder: the test makes it.
    Test::case("journal-yaml/a-folder")
        .setup(|dir| {
            std::fs::remove_file(dir.join("journal.yaml")).unwrap();
            std::fs::create_dir(dir.join("journal.yaml")).unwrap();
        })
        .status(1)
        .stderr(str![[r#"
journal.yaml: error: journal.yaml is a folder, not a file
help: journal.yaml is a text file with at least `title:`, `mentor:` and `mentee:` lines
1 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
}
