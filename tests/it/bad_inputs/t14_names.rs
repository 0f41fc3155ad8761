//! The catalogue: Trust I: links and names of unpublished notes (items 8 and 10).

use super::{T14_YAML, t14_links_build};

#[test]
fn t14_links_text_like_the_old_placeholders_stays_as_written() {
    // The example: the literal `mentorlog:x` next to a wikilink to a private note.
    let site = t14_links_build(
        "Words \"mentorlog:x more words [[2026-01-08-frank-talk]] end.\n\nNext paragraph.\n",
        T14_YAML,
    );
    assert_eq!(
        site.note,
        "Words \"mentorlog:x more words an unpublished note end. Next paragraph."
    );
    assert_eq!(site.html.matches("<p>").count(), 2, "{}", site.html);
    // In quotes, as an attribute-looking text, and as a link destination.
    let site = t14_links_build(
        "a \"mentorlog:note/0#x\" b href=\"mentorlog:wiki/0\" [c](mentorlog:note/0) [[2026-01-08-frank-talk|d]] e\n",
        T14_YAML,
    );
    assert_eq!(site.note, "a \"mentorlog:note/0#x\" b href=\"mentorlog:wiki/0\" c d e");
    // Raw HTML kept as written with raw_html: true, never read as a link.
    let site = t14_links_build(
        "<a href=\"mentorlog:note/0\">x</a> <img src=\"mentorlog:static/0\" alt=\"y\"> [[2026-01-08-frank-talk]]\n",
        "title: T\nmentor: A\nmentee: B\nraw_html: true\n",
    );
    assert!(
        site.raw.contains(
            "<a href=\"mentorlog:note/0\">x</a> <img src=\"mentorlog:static/0\" alt=\"y\"> an unpublished note"
        ),
        "{}",
        site.raw
    );
}

#[test]
fn t14_links_headings_and_titles_naming_unpublished_notes() {
    // The example: the first heading is the title.
    let site = t14_links_build("# About [[2026-01-08-frank-talk]]\n\nText.\n", T14_YAML);
    assert!(site.title.starts_with("About an unpublished note"), "{}", site.title);
    assert!(
        site.html
            .contains("<h1 id=\"about-an-unpublished-note\">About an unpublished note</h1>"),
        "{}",
        site.html
    );
    // By path, with an anchor, and to a draft.
    let site = t14_links_build("# [[sessions/2026-01-08-frank-talk]]\n", T14_YAML);
    assert!(site.title.starts_with("an unpublished note"), "{}", site.title);
    let site = t14_links_build(
        "## On [[2026-01-08-frank-talk#part]] and [[2026-01-09-drafty]]\n",
        T14_YAML,
    );
    assert!(
        site.title.starts_with("On an unpublished note and an unpublished note"),
        "{}",
        site.title
    );
    assert!(
        site.html
            .contains("id=\"on-an-unpublished-note-and-an-unpublished-note\""),
        "{}",
        site.html
    );
}

#[test]
fn t14_links_link_text_the_user_wrote_stays_as_plain_text() {
    let site = t14_links_build(
        "[our talk](2026-01-08-frank-talk.md) [part](2026-01-08-frank-talk.md#x) [[2026-01-09-drafty|the plan]] ![a pic](2026-01-08-frank-talk.md)[^n]\n\n[^n]: See [[2026-01-08-frank-talk]].\n",
        T14_YAML,
    );
    assert!(site.note.starts_with("our talk part the plan a pic"), "{}", site.note);
    assert!(site.note.contains("See an unpublished note."), "{}", site.note);
    assert!(!site.html.contains("<img"), "{}", site.html);
}
