//! The catalogue: text that would act on the terminal. A note is written by two people and
//! shared through git; `mentorlog check` prints what it holds (the line, a quoted key or
//! value, the file's name). Control characters there could retitle the window, clear the
//! screen or hide the lines above, and bidirectional overrides could make the shown line
//! say something else: all are printed as `\u{..}` escapes, with the caret still under the
//! column. A line is shown up to 500 bytes, wherever it is.

use snapbox::str;

use crate::harness::Test;

const A: &str = "sessions/2026-01-08-a.md";

#[test]
fn c50_control_characters_in_a_value_a_key_and_a_body_line_are_escaped() {
    let cases = [
        // A value: the window title sequence of xterm (ESC ] 0 ; … BEL).
        (
            "---\ndate: 2026-01-08\ntitle: \u{1b}]0;owned\u{7}Kickoff\n---\nBody\n",
            1,
            str![[r#"
sessions/2026-01-08-a.md:3:8: error: front matter contains the control character U+001B
  |
3 | title: \u{1b}]0;owned\u{7}Kickoff
  |        ^
help: delete it: YAML allows no control characters other than tabs and line breaks
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        // A key: an unknown key is quoted in the message and its help.
        (
            "---\ndate: 2026-01-08\nti\u{1b}[2Jtle: Kickoff\n---\nBody\n",
            1,
            str![[r#"
sessions/2026-01-08-a.md:3:3: error: front matter contains the control character U+001B
  |
3 | ti\u{1b}[2Jtle: Kickoff
  |   ^
help: delete it: YAML allows no control characters other than tabs and line breaks
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        // A body line: a raw HTML tag that is removed is reported on its line (a warning).
        (
            "---\ndate: 2026-01-08\n---\n\u{1b}[8m<script>x</script> hidden \u{9b}2J\n",
            0,
            str![[r#"
sessions/2026-01-08-a.md:4:5: warning: `<script>` removed with what is inside it: raw HTML that can run script is not published
  |
4 | \u{1b}[8m<script>x</script> hidden \u{9b}2J
  |          ^
help: to show the tag as text, put it in backticks: `` `<script>` ``
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
        // Bidirectional overrides around a broken link.
        (
            "---\ndate: 2026-01-08\n---\nSee [[\u{202e}gnissim\u{202c}]].\n",
            0,
            str![[r#"
sessions/2026-01-08-a.md:4:5: warning: `[[\u{202e}gnissim\u{202c}]]` links to a note that does not exist
  |
4 | See [[\u{202e}gnissim\u{202c}]].
  |     ^
help: use the file name of a note under sessions/, without `.md`
1 session(s) checked: 0 error(s), 1 warning(s), 0 note(s)

"#]],
        ),
    ];
    for (note, status, stderr) in cases {
        Test::new().file(A, note).status(status).stderr(stderr).run();
    }
}

#[test]
fn c51_a_file_name_with_an_escape_sequence_is_shown_escaped() {
    Test::new()
        .file("sessions/2026-01-08-\u{1b}[31mred.md", "---\ndate: 2026-01-08\ntitle: [x\n---\n")
        .status(1)
        .stderr(str![[r#"
sessions/2026-01-08-\u{1b}[31mred.md:3:1: error: front matter is not valid YAML: did not find expected ',' or ']'
  |
3 | title: [x
  | ^
help: front matter is YAML between two `---` lines; quote values that contain `: ` or start with `[`, `{`, `*`, `&` or `#`
1 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
}

#[test]
fn c52_a_long_front_matter_line_is_shown_up_to_500_bytes() {
    let long = format!("---\ndate: 2026-01-08\ntitle: \"{}\n---\n", "é".repeat(100_000));
    let done = Test::new().file(A, long).status(1).stderr(str![[r#"
sessions/2026-01-08-a.md:3:1: error: front matter is not valid YAML: found unexpected end of stream
  |
3 | title: "éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé
  | ^
help: a quote or bracket opened in the front matter is never closed; check the lines above
1 error(s), 0 warning(s), 0 note(s)

"#]]).run();
    let shown = done
        .run
        .stderr
        .lines()
        .find(|l| l.starts_with("3 | "))
        .expect("the line");
    assert!(shown.len() <= "3 | ".len() + 500, "{} bytes shown", shown.len());
}

#[test]
fn c53_a_folder_named_with_an_escape_sequence_is_shown_escaped_in_command_errors() {
    for (command, stderr) in [
        (
            "check",
            str![[r#"
error: `x\u{1b}]0;owned\u{7}` is not a mentorlog journal: it has no journal.yaml
help: give the folder that holds journal.yaml (or a program's program.yaml), or start one with `mentorlog init`

"#]],
        ),
        (
            "build",
            str![[r#"
error: `x\u{1b}]0;owned\u{7}` is not a mentorlog journal: it has no journal.yaml
help: give the folder that holds journal.yaml (or a program's program.yaml), or start one with `mentorlog init`

"#]],
        ),
    ] {
        Test::new()
            .args([command, "x\u{1b}]0;owned\u{7}"])
            .status(1)
            .stderr(stderr)
            .run();
    }
}
