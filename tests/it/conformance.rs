//! The Markdown conformance suites (CommonMark 0.31.2 and GFM 0.29, `tests/conformance/`):
//! every example becomes a note of one journal built with `raw_html: true`, and the note's
//! rendered body (the element with class `note` on its session page) is compared with the
//! spec's HTML after normalising both. The comparator: whitespace between block tags and
//! runs of whitespace outside `<pre>` do not count, nor does attribute order; heading `id`s
//! are dropped on both sides; an expected `<a href>` or `<img src>` whose target is not in
//! the journal becomes what the link policy gives (`src/load/markdown/links.rs`): kept for
//! `#…`, `//…`, `http(s):`, `mailto:`, `tel:` and a path that resolves to the journal's
//! folder itself, else the link's text (an image's alt text). Every other difference counts.
//!
//! The examples that differ today are listed below by number, each with its reason. The
//! test fails when the differing examples are not exactly those, and prints the lines to
//! add to or remove from the lists. `CONFORMANCE_SHOW=482,500 cargo test --test it
//! conformance -- --nocapture` prints those examples' normal forms, passing or not.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{Days, NaiveDate};
use scraper::{ElementRef, Html, Node, Selector};

use crate::harness::{Built, Fixture, JOURNAL_YAML};

/// The CommonMark examples that differ today: (number, reason).
const COMMONMARK_DIFFERS: &[(usize, &str)] = &[
    (44, "starts with `---`/`+++`: front matter, not built"),
    (96, "starts with `---`/`+++`: front matter, not built"),
    (98, "starts with `---`/`+++`: front matter, not built"),
    (550, "`[[…]]` is a wikilink"),
    (561, "`[[…]]` is a wikilink"),
    (575, "image not published: its text keeps emphasis"),
    (578, "image not published: its text keeps emphasis"),
    (579, "image not published: its text keeps emphasis"),
    (587, "image not published: its text keeps emphasis"),
    (591, "image not published: its text keeps emphasis"),
    (592, "`[[…]]` is a wikilink"),
    (
        604,
        "GFM autolinks on: the spec writes this core example without extensions",
    ),
    (
        608,
        "GFM autolinks on: the spec writes this core example without extensions",
    ),
    (
        610,
        "GFM autolinks on: the spec writes this core example without extensions",
    ),
    (
        613,
        "GFM autolinks on: the spec writes this core example without extensions",
    ),
    (
        614,
        "GFM autolinks on: the spec writes this core example without extensions",
    ),
];

/// The GFM examples that differ today: (number, reason).
const GFM_DIFFERS: &[(usize, &str)] = &[
    (14, "starts with `---`/`+++`: front matter, not built"),
    (66, "starts with `---`/`+++`: front matter, not built"),
    (68, "starts with `---`/`+++`: front matter, not built"),
    (199, "table alignment as `style`, not `align`"),
    (205, "table without rows writes an empty `<tbody>`"),
    (556, "`[[…]]` is a wikilink"),
    (567, "`[[…]]` is a wikilink"),
    (581, "image not published: its text keeps emphasis"),
    (584, "image not published: its text keeps emphasis"),
    (585, "image not published: its text keeps emphasis"),
    (593, "image not published: its text keeps emphasis"),
    (597, "image not published: its text keeps emphasis"),
    (598, "`[[…]]` is a wikilink"),
    (
        610,
        "GFM autolinks on: the spec writes this core example without extensions",
    ),
    (
        614,
        "GFM autolinks on: the spec writes this core example without extensions",
    ),
    (
        616,
        "GFM autolinks on: the spec writes this core example without extensions",
    ),
    (
        619,
        "GFM autolinks on: the spec writes this core example without extensions",
    ),
    (
        620,
        "GFM autolinks on: the spec writes this core example without extensions",
    ),
    (631, "email with a one-letter top-level domain (`a.b`) not linked"),
    (645, "HTML comment: CommonMark 0.31's rule, not GFM 0.29's"),
    (646, "HTML comment: CommonMark 0.31's rule, not GFM 0.29's"),
    (653, "disallowed raw HTML kept (`raw_html: true`)"),
];

/// One example of a spec.
struct Example {
    number: usize,
    section: String,
    markdown: String,
    html: String,
}

/// The examples of a spec text (SOURCE.md: 32 backticks and ` example` open one, a `.`
/// line separates Markdown from HTML, 32 backticks close it; `→` is a tab; `disabled`
/// examples are skipped but keep their number).
fn examples(spec: &str) -> Vec<Example> {
    let fence = "`".repeat(32);
    let mut out = Vec::new();
    let mut section = String::new();
    let mut number = 0;
    let mut lines = spec.lines();
    while let Some(line) = lines.next() {
        if let Some(words) = line.strip_prefix(&format!("{fence} example")) {
            number += 1;
            let (mut markdown, mut html) = (String::new(), String::new());
            let mut in_html = false;
            for line in lines.by_ref() {
                if line == fence {
                    break;
                }
                if line == "." && !in_html {
                    in_html = true;
                    continue;
                }
                let part = if in_html { &mut html } else { &mut markdown };
                part.push_str(&line.replace('→', "\t"));
                part.push('\n');
            }
            if !words.split_whitespace().any(|w| w == "disabled") {
                out.push(Example {
                    number,
                    section: section.clone(),
                    markdown,
                    html,
                });
            }
        } else if line.starts_with('#') && !line.starts_with("#####") {
            section = line.trim_start_matches('#').trim().to_string();
        }
    }
    out
}

/// A node of normalised HTML.
#[derive(Debug)]
enum N {
    El(String, Vec<(String, String)>, Vec<N>),
    Text(String),
    Comment(String),
}

fn push(out: &mut Vec<N>, node: N) {
    if let (Some(N::Text(last)), N::Text(t)) = (out.last_mut(), &node) {
        last.push_str(t);
    } else {
        out.push(node);
    }
}

/// Whether the link policy keeps a destination written in a note under `sessions/` of a
/// journal where it names no note or static file (mirrors `resolve` in links.rs).
fn policy_keeps(dest: &str) -> bool {
    let dest = dest.trim();
    if dest.starts_with('#') || dest.starts_with("//") {
        return true;
    }
    if let Some(colon) = dest.find(':') {
        let scheme = &dest[..colon];
        if scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
        {
            return matches!(
                scheme.to_ascii_lowercase().as_str(),
                "http" | "https" | "mailto" | "tel"
            );
        }
    }
    let path = dest.split('#').next().unwrap_or(dest);
    let path = path.split('?').next().unwrap_or(path);
    let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let mut parts: Vec<&str> = if path.starts_with('/') {
        Vec::new()
    } else {
        vec!["sessions"]
    };
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return false;
                }
            }
            p => parts.push(p),
        }
    }
    // The journal folder itself is kept as written; anything else is not in the journal.
    parts.is_empty()
}

/// How the expected HTML is rewritten: not at all (the rendered side), or by the link
/// policy for links and images written in Markdown. An example whose Markdown holds raw
/// `<a …>` (or `<img …>`) tags keeps those elements as they are, as `raw_html: true` does.
#[derive(Clone, Copy)]
struct Rewrite {
    links: bool,
    images: bool,
}

impl Rewrite {
    const NONE: Rewrite = Rewrite {
        links: false,
        images: false,
    };

    fn for_markdown(markdown: &str) -> Rewrite {
        let lower = markdown.to_lowercase();
        let raw = |tag: &str| {
            lower
                .match_indices(tag)
                .any(|(at, _)| lower[at + tag.len()..].starts_with(char::is_whitespace))
        };
        Rewrite {
            links: !raw("<a"),
            images: !raw("<img"),
        }
    }
}

/// Converts a parsed node's children, rewriting the expected side's links.
fn convert(node: ElementRef<'_>, expected: Rewrite, out: &mut Vec<N>) {
    for child in node.children() {
        match child.value() {
            Node::Text(t) => push(out, N::Text(t.to_string())),
            Node::Comment(c) => out.push(N::Comment(c.to_string())),
            Node::Element(e) => {
                let name = e.name().to_string();
                let child = ElementRef::wrap(child).expect("an element");
                // An empty destination links to the note's own page (README, links); the
                // actual side writes that page as `href=""` again (see `difference`).
                if expected.links
                    && name == "a"
                    && e.attr("href").is_some_and(|h| !h.trim().is_empty() && !policy_keeps(h))
                {
                    convert(child, expected, out);
                    continue;
                }
                if expected.images && name == "img" && e.attr("src").is_some_and(|s| !policy_keeps(s)) {
                    push(out, N::Text(e.attr("alt").unwrap_or("").to_string()));
                    continue;
                }
                let heading = matches!(name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                let mut attrs: Vec<(String, String)> = e
                    .attrs()
                    .filter(|(k, _)| !(heading && *k == "id"))
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect();
                attrs.sort();
                let mut children = Vec::new();
                convert(child, expected, &mut children);
                out.push(N::El(name, attrs, children));
            }
            _ => {}
        }
    }
}

/// Block-level elements: whitespace next to their tags does not count (as in the specs'
/// own `normalize.py`).
fn is_block(name: &str) -> bool {
    const BLOCK: &str = "article header aside hgroup blockquote hr iframe body li map button object canvas ol \
        caption output col p colgroup pre dd progress div section dl table td dt tbody embed textarea \
        fieldset tfoot figcaption th figure thead footer tr form ul h1 h2 h3 h4 h5 h6 video script style";
    BLOCK.split_whitespace().any(|b| b == name)
}

fn is_void(name: &str) -> bool {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ];
    VOID.contains(&name)
}

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// Writes `nodes` (children of a block element when `in_block`) in normal form.
fn write(nodes: &[N], in_block: bool, in_pre: bool, out: &mut String) {
    let block_at = |i: Option<usize>| match i {
        None => in_block,
        Some(i) => matches!(&nodes[i], N::El(name, ..) if is_block(name)),
    };
    for (i, node) in nodes.iter().enumerate() {
        match node {
            N::Text(t) if in_pre => escape(t, out),
            N::Text(t) => {
                let words = t.split_whitespace().collect::<Vec<_>>().join(" ");
                let lead = t.starts_with(char::is_whitespace) && !block_at(i.checked_sub(1));
                let trail = t.ends_with(char::is_whitespace) && !block_at(Some(i + 1).filter(|&n| n < nodes.len()));
                if words.is_empty() {
                    if lead && trail {
                        out.push(' ');
                    }
                } else {
                    if lead {
                        out.push(' ');
                    }
                    escape(&words, out);
                    if trail {
                        out.push(' ');
                    }
                }
            }
            N::Comment(c) => {
                let _ = write!(out, "<!--{c}-->");
            }
            N::El(name, attrs, children) => {
                out.push('<');
                out.push_str(name);
                for (k, v) in attrs {
                    let _ = write!(out, " {k}=\"");
                    escape(v, out);
                    out.push('"');
                }
                out.push('>');
                if !is_void(name) {
                    write(children, is_block(name), in_pre || name == "pre", out);
                    let _ = write!(out, "</{name}>");
                }
            }
        }
    }
}

/// The normal form of the children of `node`.
fn normal(node: ElementRef<'_>, expected: Rewrite) -> String {
    let mut nodes = Vec::new();
    convert(node, expected, &mut nodes);
    let mut out = String::new();
    write(&nodes, true, false, &mut out);
    out
}

/// The note's HTML as the session page writes it: the source of its one element with
/// class `note`, from its start tag to the template's `</div>` before the page's
/// previous/next links. It is parsed on its own, as the spec's HTML is: an element the
/// example leaves open (as the spec's own HTML does) is compared as written, not with the
/// rest of the page it would run into.
fn note_source<'a>(built: &'a Built, page: &str) -> Result<&'a str, String> {
    let count = built
        .page(page)
        .select(&Selector::parse(".note").expect("a selector"))
        .count();
    if count != 1 {
        return Err(format!("{count} elements with class `note` on {page}"));
    }
    let text = built.text(page);
    let open = "<div class=\"note\">";
    let start = text.find(open).ok_or("no `<div class=\"note\">`")? + open.len();
    let nav = text[start..]
        .find("<nav class=\"prev-next\"")
        .ok_or("no previous/next links")?
        + start;
    let end = text[start..nav].rfind("</div>").ok_or("no `</div>` closing the note")? + start;
    Ok(&text[start..end])
}

/// What one example gave: `None` when it renders as the spec says.
fn difference(example: &Example, built: &Built, page: &str) -> Option<String> {
    let expected = Html::parse_fragment(&example.html);
    let want = normal(expected.root_element(), Rewrite::for_markdown(&example.markdown));
    let got = match note_source(built, page) {
        Ok(note) => {
            // A link to the note's own page is what an empty destination gives.
            let note = note.replace(&format!("href=\"../{page}\""), "href=\"\"");
            normal(Html::parse_fragment(&note).root_element(), Rewrite::NONE)
        }
        Err(e) => e,
    };
    if std::env::var("CONFORMANCE_SHOW").is_ok_and(|v| v.split(',').any(|n| n == example.number.to_string())) {
        eprintln!(
            "{}\n{}\nexpected: {want}\n     got: {got}\n",
            example.number, example.markdown
        );
    }
    (want != got).then(|| format!("expected: {want}\n     got: {got}"))
}

/// Where an example's note goes: a distinct date per example, a suite's own name prefix.
fn note_path(prefix: &str, first: NaiveDate, example: &Example) -> String {
    let date = first
        .checked_add_days(Days::new(u64::try_from(example.number).expect("a small number")))
        .expect("a date");
    format!("sessions/{date}-{prefix}-{}", example.number)
}

/// Whether a note can hold this Markdown unchanged: its first line that shows something
/// must not start with `---` or `+++`, which a note reads as front matter (an error when
/// it is not on the first line, README "A journal"), so such an example is not built and
/// counts as differing.
fn fits_a_note(markdown: &str) -> bool {
    markdown
        .lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty())
        .is_none_or(|l| !(l.starts_with("---") || l.starts_with("+++")))
}

struct Suite {
    name: &'static str,
    /// The name of its list of differing examples.
    list: &'static str,
    prefix: &'static str,
    first: NaiveDate,
    examples: Vec<Example>,
    listed: &'static [(usize, &'static str)],
}

#[test]
fn the_commonmark_and_gfm_examples_render_as_the_specs_say_but_for_the_listed_ones() {
    let suites = [
        Suite {
            name: "CommonMark",
            list: "COMMONMARK_DIFFERS",
            prefix: "cm",
            first: NaiveDate::from_ymd_opt(2001, 1, 1).expect("a date"),
            examples: examples(include_str!("../conformance/commonmark-0.31.2-spec.txt")),
            listed: COMMONMARK_DIFFERS,
        },
        Suite {
            name: "GFM",
            list: "GFM_DIFFERS",
            prefix: "gfm",
            first: NaiveDate::from_ymd_opt(2011, 1, 1).expect("a date"),
            examples: examples(include_str!("../conformance/gfm-0.29-spec.txt")),
            listed: GFM_DIFFERS,
        },
    ];
    assert_eq!(suites[0].examples.len(), 655, "CommonMark examples");
    assert_eq!(suites[1].examples.len(), 671, "GFM examples (673, 2 disabled)");

    let journal = format!("{JOURNAL_YAML}raw_html: true\n");
    let fixture = Fixture::new(&[("journal.yaml", &journal)]);
    for suite in &suites {
        for example in suite.examples.iter().filter(|e| fits_a_note(&e.markdown)) {
            let path = note_path(suite.prefix, suite.first, example);
            fixture.write(&format!("{path}.md"), &example.markdown);
        }
    }
    let built = fixture.build();

    let mut counts = String::new();
    let mut changes = String::new();
    for suite in &suites {
        let mut differs = BTreeMap::new();
        for example in &suite.examples {
            let diff = if fits_a_note(&example.markdown) {
                difference(
                    example,
                    &built,
                    &format!("{}.html", note_path(suite.prefix, suite.first, example)),
                )
            } else {
                Some("not built: a note cannot start with `---` or `+++`".to_string())
            };
            if let Some(diff) = diff {
                differs.insert(example.number, (example, diff));
            }
        }
        let total = suite.examples.len();
        let _ = writeln!(
            counts,
            "{}: {} of {total} pass ({} listed as differing)",
            suite.name,
            total - differs.len(),
            suite.listed.len()
        );
        let listed: BTreeMap<usize, &str> = suite.listed.iter().copied().collect();
        assert_eq!(
            listed.len(),
            suite.listed.len(),
            "{}: an example is listed twice",
            suite.name
        );
        for (number, (example, diff)) in &differs {
            if !listed.contains_key(number) {
                let _ = writeln!(
                    changes,
                    "add to {} (in number order), with its reason:\n    ({number}, \"REASON\"),\n  \
                     section {:?}, markdown {:?}\n  {diff}",
                    suite.list, example.section, example.markdown
                );
            }
        }
        for (number, reason) in &listed {
            if !differs.contains_key(number) {
                let _ = writeln!(
                    changes,
                    "remove from {} (it passes now):\n    ({number}, {reason:?}),",
                    suite.list
                );
            }
        }
    }
    for suite in &suites {
        let mut reasons = BTreeMap::new();
        for (_, reason) in suite.listed {
            *reasons.entry(*reason).or_insert(0) += 1;
        }
        let _ = writeln!(counts, "{} differences by reason:", suite.name);
        for (reason, n) in reasons {
            let _ = writeln!(counts, "  {n:3}  {reason}");
        }
    }
    println!("{counts}");
    assert!(
        changes.is_empty(),
        "the examples that differ are not the ones listed in tests/it/conformance.rs:\n{counts}\n{changes}"
    );
}

#[test]
fn the_comparator_ignores_only_layout_attribute_order_heading_ids_and_unpublished_targets() {
    let norm = |html: &str, markdown: &str| {
        normal(
            Html::parse_fragment(html).root_element(),
            Rewrite::for_markdown(markdown),
        )
    };
    let got = |html: &str| normal(Html::parse_fragment(html).root_element(), Rewrite::NONE);
    // Whitespace between block tags and runs of it in text; attribute order; heading ids.
    assert_eq!(
        norm("<h2>A</h2>\n<p>x  y\nz <em>w</em></p>\n", ""),
        got("\n  <h2 id=\"a\">A</h2><p>x y z <em>w</em></p>\n  ")
    );
    assert_eq!(
        norm("<p><a title=\"t\" href=\"https://x.org\">l</a></p>", ""),
        got("<p><a href=\"https://x.org\" title=\"t\">l</a></p>")
    );
    // Not equal: whitespace inside <pre>, between inline elements, an attribute's value.
    assert_ne!(
        norm("<pre><code>a\n b</code></pre>", ""),
        got("<pre><code>a b</code></pre>")
    );
    assert_ne!(
        norm("<p><em>a</em> <em>b</em></p>", ""),
        got("<p><em>a</em><em>b</em></p>")
    );
    assert_ne!(norm("<p id=\"x\">a</p>", ""), got("<p id=\"y\">a</p>"));
    // A link or image to a target that is not in the journal is its text; a kept one stays.
    assert_eq!(
        norm("<p><a href=\"/url\"><em>l</em></a></p>", "[*l*](/url)"),
        got("<p><em>l</em></p>")
    );
    assert_eq!(
        norm("<p><img src=\"x.png\" alt=\"a b\" /></p>", "![a b](x.png)"),
        got("<p>a b</p>")
    );
    assert_eq!(
        norm("<p><a href=\"..\">up</a></p>", "[up](..)"),
        got("<p><a href=\"..\">up</a></p>")
    );
    assert_eq!(
        norm("<p><a href=\"mailto:a@b.c\">a@b.c</a></p>", "<a@b.c>"),
        got("<p><a href=\"mailto:a@b.c\">a@b.c</a></p>")
    );
    // Raw HTML links are kept as written (`raw_html: true`).
    assert_eq!(
        norm("<a href=\"/url\">x</a>", "<a href=\"/url\">x</a>"),
        got("<a href=\"/url\">x</a>")
    );
}
