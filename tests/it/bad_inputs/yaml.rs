//! The catalogue: invalid YAML.

use snapbox::str;

use crate::harness::Test;

/// Front matter that is not YAML (or not `key: value` lines) is one error at the place the
/// parser stopped, with a help line where one helps.
#[test]
fn c01_c06_invalid_yaml_is_one_error_where_the_parser_stops() {
    let cases = [
        (
            "yaml/unclosed-bracket",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: front matter is not valid YAML: did not find expected ',' or ']'
  |
3 | title: [unclosed
  | ^
help: front matter is YAML between two `---` lines; quote values that contain `: ` or start with `[`, `{`, `*`, `&` or `#`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "yaml/tab-indentation",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: front matter is not valid YAML: found a tab character that violates indentation
  |
3 | 	title: Tabbed
  | ^
help: indent with spaces: YAML does not allow tabs for indentation
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "yaml/colon-space-inside-a-value",
            str![[r#"
sessions/2026-01-08-a.md:3:15: error: front matter is not valid YAML: mapping values are not allowed in this context
  |
3 | title: Roadmap: the sequel
  |               ^
help: front matter is YAML between two `---` lines; quote values that contain `: ` or start with `[`, `{`, `*`, `&` or `#`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "yaml/list-item-among-keys",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: front matter is not valid YAML: did not find expected key
  |
3 | - a stray item
  | ^
help: front matter is YAML between two `---` lines; quote values that contain `: ` or start with `[`, `{`, `*`, `&` or `#`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "yaml/front-matter-that-is-a-list",
            str![[r#"
sessions/2026-01-08-a.md:2:1: error: front matter must be `key: value` lines, found a list
  |
2 | - a
  | ^
help: write the front matter as `date: 2026-01-08` style lines
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            "yaml/reserved-indicator",
            str![[r#"
sessions/2026-01-08-a.md:3:1: error: front matter is not valid YAML: found character that cannot start any token
  |
3 | @mention: Dana
  | ^
help: front matter is YAML between two `---` lines; quote values that contain `: ` or start with `[`, `{`, `*`, `&` or `#`
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ];
    for (case, stderr) in cases {
        Test::case(case).status(1).stderr(stderr).run();
    }
}
