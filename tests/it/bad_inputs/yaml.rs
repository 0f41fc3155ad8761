//! The catalogue: invalid YAML.

use super::{A, expect, note};

#[test]
fn c01_yaml_unclosed_bracket() {
    let f = note(A, "---\ndate: 2026-01-08\ntitle: [unclosed\n---\nBody\n");
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/2026-01-08-a.md:3:1: error: front matter is not valid YAML: did not find expected ',' or ']'"],
    );
}

#[test]
fn c02_yaml_tab_indentation() {
    let f = note(A, "---\ndate: 2026-01-08\n\ttitle: Tabbed\n---\n");
    let run = expect(
        &f,
        1,
        (1, 0),
        &[
            "sessions/2026-01-08-a.md:3:1: error: front matter is not valid YAML: found a tab character that violates indentation",
        ],
    );
    assert!(run.stderr.contains("help: indent with spaces"), "{run}");
}

#[test]
fn c03_yaml_colon_space_inside_a_value() {
    let f = note(A, "---\ndate: 2026-01-08\ntitle: Roadmap: the sequel\n---\n");
    let run = expect(
        &f,
        1,
        (1, 0),
        &[
            "sessions/2026-01-08-a.md:3:15: error: front matter is not valid YAML: mapping values are not allowed in this context",
        ],
    );
    assert!(run.stderr.contains("quote values that contain `: `"), "{run}");
}

#[test]
fn c04_yaml_list_item_among_keys() {
    let f = note(A, "---\ndate: 2026-01-08\n- a stray item\n---\n");
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/2026-01-08-a.md:3:1: error: front matter is not valid YAML: did not find expected key"],
    );
}

#[test]
fn c05_yaml_front_matter_that_is_a_list() {
    let f = note(A, "---\n- a\n- b\n---\n");
    expect(
        &f,
        1,
        (1, 0),
        &["sessions/2026-01-08-a.md:2:1: error: front matter must be `key: value` lines, found a list"],
    );
}

#[test]
fn c06_yaml_reserved_indicator() {
    let f = note(A, "---\ndate: 2026-01-08\n@mention: Dana\n---\n");
    expect(
        &f,
        1,
        (1, 0),
        &[
            "sessions/2026-01-08-a.md:3:1: error: front matter is not valid YAML: found character that cannot start any token",
        ],
    );
}
