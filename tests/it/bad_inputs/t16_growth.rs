//! The catalogue: inputs whose cost used to grow with their square (issue 16). Each is
//! refused beyond a named limit with an error where it is written, or is handled in a time
//! and memory that grow with the input; the growth is measured in `bench/README.md`
//! ("Inputs that grow"), never timed here. The inputs are generated, never committed.

use snapbox::str;

use crate::harness::Test;

use super::{A, check_with_memory_limit};

/// `MAX_HTML_DEPTH` (src/load/sanitize/mod.rs): raw HTML nested deeper than 256 elements.
const MAX_HTML_DEPTH: usize = 256;

#[test]
fn t16_raw_html_nested_deeper_than_the_limit_is_refused_at_the_tag() {
    // 100,000 nested `<div>` took 80 s in the sanitiser's parser: refused before it (at
    // 20,000, which took 3 s, under the block limit that 100,000 on one line is over).
    let n = 20_000;
    Test::new()
        .file(
            A,
            format!("---\ndate: 2026-01-08\n---\nIntro.\n\n{}x{}\n", "<div>".repeat(n), "</div>".repeat(n)),
        )
        .status(1)
        .stderr(str![[r#"
sessions/2026-01-08-a.md:6:1: error: raw HTML nested more than 256 elements deep
  |
6 | <div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div>
  | ^
help: close elements before opening more, or put the HTML in a code block to show it as text
1 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
}

#[test]
fn t16_raw_html_nesting_counts_inline_tags_and_the_markdown_inside() {
    // Inline tags in a paragraph, each nesting: the error is at the first one too deep.
    let inline = format!("{}x\n", "<span title=\"a\">".repeat(MAX_HTML_DEPTH + 1));
    // Block quotes inside a `<div>` nest in its fragment: the error is at the `<div>`.
    let quotes = format!("<div>\n\n{}x\n\n</div>\n", "> ".repeat(MAX_HTML_DEPTH + 1));
    Test::new()
        .file(A, format!("---\ndate: 2026-01-08\n---\n{inline}"))
        .file("sessions/2026-01-09-b.md", format!("---\ndate: 2026-01-09\n---\n{quotes}"))
        .status(1)
        .stderr(str![[r#"
sessions/2026-01-08-a.md:4:4081: error: raw HTML nested more than 256 elements deep
  |
4 | <span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><span title="a"><spa
  |                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                     ^
help: close elements before opening more, or put the HTML in a code block to show it as text
sessions/2026-01-09-b.md:4:1: error: raw HTML nested more than 256 elements deep
  |
4 | <div>
  | ^
help: close elements before opening more, or put the HTML in a code block to show it as text
2 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
}

#[test]
fn t16_raw_html_at_the_limit_and_elements_that_need_no_closing_tag_build() {
    // Nested as deep as allowed, many times over; and 10,000 unclosed `<li>` and `<p>`,
    // which close one another (they do not nest), with closing tags that close nothing.
    let deep = format!(
        "{}x{}",
        "<div>".repeat(MAX_HTML_DEPTH - 1),
        "</div>".repeat(MAX_HTML_DEPTH - 1)
    )
    .repeat(40);
    let flat = format!(
        "<ul>{}</ul>\n\n<div>{}</div>\n",
        "<li>item".repeat(10_000),
        "<p>para".repeat(10_000)
    );
    // A block that closes 200 elements opened before it, then opens 200 more.
    let (open, close) = ("<div>".repeat(200), "</div>".repeat(200));
    let again = format!("<div>\n{open}\n\nText.\n\n{close}{open}x{close}\n\n</div>\n");
    Test::new()
        .file(A, format!("---\ndate: 2026-01-08\n---\n{deep}\n\n{flat}\n{again}"))
        .stderr(str![[r#"
1 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
}

#[test]
fn t16_a_goal_of_20000_steps_marked_done_is_folded_in_bounded_memory() {
    // Each step marked done held a copy of the whole `done:` line: 10,000 steps took
    // 900 MB, 20,000 would take 3.5 GB; and each was looked for among all the steps.
    let steps: Vec<String> = (0..20_000).map(|i| format!("step {i}")).collect();
    let list = steps.join(", ");
    let test = Test::new()
        .file(
            A,
            format!("---\ndate: 2026-01-08\ngoals:\n  - id: g\n    title: G\n    steps: [{list}]\n---\nx\n"),
        )
        .file(
            "sessions/2026-01-09-b.md",
            format!("---\ndate: 2026-01-09\ngoals:\n  - id: g\n    done: [{list}]\n---\nx\n"),
        );
    let run = check_with_memory_limit(test.path(), 512);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(
        run.stderr,
        "2 session(s) checked: 0 error(s), 0 warning(s), 0 note(s)\n"
    );
}

#[test]
fn t16_an_unknown_step_of_a_long_goal_names_the_first_steps_and_counts_the_rest() {
    // The help named every step, for every unknown one: a list of N steps with N typos
    // wrote N² names.
    let steps: Vec<String> = (0..60).map(|i| format!("s{i}")).collect();
    Test::new()
        .file(
            A,
            format!(
                "---\ndate: 2026-01-08\ngoals:\n  - id: g\n    title: G\n    steps: [{}]\n---\nx\n",
                steps.join(", ")
            ),
        )
        .file(
            "sessions/2026-01-09-b.md",
            "---\ndate: 2026-01-09\ngoals:\n  - id: g\n    done: [a step nobody wrote]\n---\nx\n",
        )
        .status(1)
        .stderr(str![[r#"
sessions/2026-01-09-b.md:5:11: error: goal `g` has no step `a step nobody wrote`
  |
5 |     done: [a step nobody wrote]
  |           ^
help: the steps of `g` are: `s0`, `s1`, `s2`, `s3`, `s4`, `s5`, `s6`, `s7`, `s8`, `s9`, `s10`, `s11`, `s12`, `s13`, `s14`, `s15`, `s16`, `s17`, `s18`, `s19`, `s20`, `s21`, `s22`, `s23`, `s24`, `s25`, `s26`, `s27`, `s28`, `s29`, `s30`, `s31`, `s32`, `s33`, `s34`, `s35`, `s36`, `s37`, `s38`, `s39`, `s40`, `s41`, `s42`, `s43`, `s44`, `s45`, `s46`, `s47`, `s48`, `s49` and 10 more
1 error(s), 0 warning(s), 0 note(s)

"#]])
        .run();
}

#[test]
fn t16_thousands_of_errors_on_one_long_front_matter_line_quote_500_bytes_of_it() {
    // Each error held a copy of its whole line: 20,000 wrong topics on one 100 KB line
    // took 2 GB. Each now quotes its first 500 bytes (`SHOWN_LINE`), as in the text.
    let topics = vec!["[x]"; 20_000].join(", ");
    let test = Test::new().file(A, format!("---\ndate: 2026-01-08\ntopics: [{topics}]\n---\nx\n"));
    let run = check_with_memory_limit(test.path(), 512);
    assert_eq!(run.code, 1, "{}", &run.stderr[..run.stderr.len().min(2000)]);
    snapbox::assert_data_eq!(
        run.stderr,
        str![[r#"
sessions/2026-01-08-a.md:3:9: error: `topics` must be text, found a list
  |
3 | topics: [[x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [x], [
  |         ^
help: write it on one line after the colon
20000 error(s), 0 warning(s), 0 note(s)

"#]]
    );
}

/// `MAX_BLOCK` (src/load/markdown/parts.rs): the most text one block may hold.
const MAX_BLOCK: usize = 1 << 20;

/// One block over `MAX_BLOCK` is refused at its first line, whatever holds it together: a
/// paragraph without a blank line, a loose list (blank lines between items do not end it),
/// a quote, a private block. The parser holds a block whole, at up to 350 bytes for each
/// byte of dense markup; a note of many smaller blocks is parsed in parts and builds.
#[test]
fn t16_a_block_over_the_limit_is_refused_at_its_first_line() {
    let over = |unit: &str| unit.repeat(MAX_BLOCK / unit.len() + 1);
    let cases = [
        (
            over("*a* "),
            str![[r#"
sessions/2026-01-08-a.md:4:1: error: this block (a paragraph, list, quote, table or code block) is 1025 KiB long; one block may hold at most 1024 KiB
  |
4 | *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* 
  | ^
help: split it into smaller blocks, each after a blank line and a line of text or a heading, or move the text to a file under static/ and link to it
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            over("- *a* *b*\n\n"),
            str![[r#"
sessions/2026-01-08-a.md:4:1: error: this block (a paragraph, list, quote, table or code block) is 1025 KiB long; one block may hold at most 1024 KiB
  |
4 | - *a* *b*
  | ^
help: split it into smaller blocks, each after a blank line and a line of text or a heading, or move the text to a file under static/ and link to it
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            over("> *a* *b*\n>\n"),
            str![[r#"
sessions/2026-01-08-a.md:4:1: error: this block (a paragraph, list, quote, table or code block) is 1025 KiB long; one block may hold at most 1024 KiB
  |
4 | > *a* *b*
  | ^
help: split it into smaller blocks, each after a blank line and a line of text or a heading, or move the text to a file under static/ and link to it
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        // A text over the limit that may define a link reference: read whole, so refused.
        (
            format!(
                "[home]: https://example.org\n\n{}",
                ("*a* ".repeat(4096) + "\n\n").repeat(300)
            ),
            str![[r#"
sessions/2026-01-08-a.md:4:6: error: this `]:` may define a link reference or footnote, which any link of the text may use, so its 4801 KiB are read as one block; one block may hold at most 1024 KiB
  |
4 | [home]: https://example.org
  |      ^
help: write the links inline, as `[text](address)`, or split the note into smaller ones
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
        (
            format!("Public.\n\n<!-- private -->\n{}\n<!-- /private -->\n", over("*a* ")),
            str![[r#"
sessions/2026-01-08-a.md:7:1: error: this block (a paragraph, list, quote, table or code block) is 1025 KiB long; one block may hold at most 1024 KiB
  |
7 | *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* *a* 
  | ^
help: split it into smaller blocks, each after a blank line and a line of text or a heading, or move the text to a file under static/ and link to it
1 error(s), 0 warning(s), 0 note(s)

"#]],
        ),
    ];
    for (body, stderr) in cases {
        let done = Test::new()
            .file(A, format!("---\ndate: 2026-01-08\n---\n{body}"))
            .status(1)
            .stderr(stderr)
            .run();
        assert!(done.run.stderr.len() < 2_000, "the block is not quoted whole");
    }
    // The same markup in blocks under the limit, more of it in all, builds in bounded memory.
    let note = format!(
        "---\ndate: 2026-01-08\n---\n{}",
        ("*a* ".repeat(4096) + "\n\n").repeat(600)
    );
    let test = Test::new().file(A, note);
    let run = check_with_memory_limit(test.path(), 1024);
    assert_eq!(run.code, 0, "{run}");
}
