//! Publishing outputs: the Atom feed, the sitemap, robots.txt, the search index and
//! `journal.json`. Dates are the sessions' own (never the build time), so the output is
//! byte-identical for the same input and build date.

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::commitment::Due;
use crate::model::{Journal, Session};
use crate::render::labels::{date_iso, date_label};
use crate::render::links::{encode_path, goal_path, session_path, topic_path};

/// How many sessions a journal's feed carries.
pub const FEED_ENTRIES: usize = 50;

/// The version of the `journal.json` / `program.json` schema (docs/json-schema.md).
pub const SCHEMA_VERSION: u32 = 1;

/// Escapes text for XML content and double-quoted attributes.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

/// `base` with exactly one trailing slash.
pub fn with_slash(base: &str) -> String {
    if base.ends_with('/') {
        base.to_string()
    } else {
        format!("{base}/")
    }
}

/// An entry of a feed, ready to write.
#[derive(Debug, Clone)]
pub struct FeedEntry {
    /// Entry title.
    pub title: String,
    /// Absolute URL, or a path relative to the feed.
    pub href: String,
    /// `urn:uuid:` or the absolute URL.
    pub id: String,
    /// The session's date.
    pub date: chrono::NaiveDate,
    /// Escaped-later HTML of the note, or a summary.
    pub content_html: String,
}

/// The feed's entries for a journal: newest held sessions that have a page, newest first.
/// `prefix` is put before site paths (the base URL, or a relative folder in a program).
pub fn journal_entries(journal: &Journal, prefix: &str, note_html: &dyn Fn(&Session) -> String) -> Vec<FeedEntry> {
    let absolute = prefix.starts_with("http://") || prefix.starts_with("https://");
    journal
        .sessions
        .iter()
        .rev()
        .filter(|s| s.held() && s.slug_path.is_some())
        .take(FEED_ENTRIES)
        .filter_map(|s| {
            let path = session_path(s.slug_path.as_deref()?);
            let href = format!("{prefix}{}", encode_path(&path));
            let id = if absolute {
                href.clone()
            } else {
                let name = format!("{}\n{path}", journal.config.title);
                format!(
                    "urn:uuid:{}",
                    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes())
                )
            };
            Some(FeedEntry {
                title: s.title.clone().unwrap_or_default(),
                href,
                id,
                date: s.date,
                content_html: note_html(s),
            })
        })
        .collect()
}

/// An Atom feed. `self_href` is the feed's own URL (absolute, or `feed.xml`).
pub fn atom(title: &str, author: &str, self_href: &str, home_href: &str, entries: &[FeedEntry]) -> String {
    let feed_id = if self_href.starts_with("http") {
        self_href.to_string()
    } else {
        format!(
            "urn:uuid:{}",
            uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, title.as_bytes())
        )
    };
    let updated = entries.iter().map(|e| e.date).max();
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    let _ = writeln!(out, "  <title>{}</title>", xml_escape(title));
    let _ = writeln!(out, "  <id>{}</id>", xml_escape(&feed_id));
    let _ = writeln!(out, "  <link rel=\"self\" href=\"{}\"/>", xml_escape(self_href));
    let _ = writeln!(
        out,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        xml_escape(home_href)
    );
    let _ = writeln!(out, "  <author><name>{}</name></author>", xml_escape(author));
    let _ = writeln!(
        out,
        "  <updated>{}</updated>",
        updated.map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |d| format!("{d}T00:00:00Z"))
    );
    let _ = writeln!(out, "  <generator>mentorlog</generator>");
    for e in entries {
        out.push_str("  <entry>\n");
        let _ = writeln!(out, "    <title>{}</title>", xml_escape(&e.title));
        let _ = writeln!(
            out,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            xml_escape(&e.href)
        );
        let _ = writeln!(out, "    <id>{}</id>", xml_escape(&e.id));
        let _ = writeln!(out, "    <updated>{}T00:00:00Z</updated>", e.date);
        let _ = writeln!(
            out,
            "    <content type=\"html\">{}</content>",
            xml_escape(&e.content_html)
        );
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// A sitemap of absolute URLs.
pub fn sitemap(urls: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in urls {
        let _ = writeln!(out, "  <url><loc>{}</loc></url>", xml_escape(url));
    }
    out.push_str("</urlset>\n");
    out
}

/// A sitemap index over other sitemaps.
pub fn sitemap_index(sitemaps: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in sitemaps {
        let _ = writeln!(out, "  <sitemap><loc>{}</loc></sitemap>", xml_escape(url));
    }
    out.push_str("</sitemapindex>\n");
    out
}

/// robots.txt: crawling allowed (pages opt out with `noindex`), and the sitemap if any.
pub fn robots(sitemap_url: Option<&str>) -> String {
    let mut out = String::from("User-agent: *\nAllow: /\n");
    if let Some(url) = sitemap_url {
        let _ = writeln!(out, "Sitemap: {url}");
    }
    out
}

/// One searchable document.
#[derive(Debug, Clone, Serialize)]
pub struct SearchDoc {
    /// Title.
    pub t: String,
    /// Href relative to the search page.
    pub u: String,
    /// Date label (or the pair, in a program).
    pub d: String,
    /// Topics, space-separated.
    pub k: String,
    /// Text (may be empty).
    pub x: String,
}

/// The search index as a script file (file:// forbids fetch, so it is loaded by `<script>`).
pub fn search_index<T: Serialize>(docs: &[T]) -> String {
    let mut bytes = Vec::new();
    // Writing to memory cannot fail, and serde_json writes UTF-8 (the escape adds ASCII).
    let _ = write_search_index(docs, &mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}

/// Writes the search index script to `out` as it is serialised: a big journal's index is
/// as large as all its notes, and is never held whole on the way to the disk.
pub fn write_search_index<T: Serialize>(docs: &[T], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(b"window.MENTORLOG_SEARCH = ")?;
    let mut json = ScriptSafe { out, after_lt: false };
    serde_json::to_writer(&mut json, docs).map_err(std::io::Error::other)?;
    json.out.write_all(b";\n")
}

/// Passes JSON on for a `<script>` element: `</` inside a string must not end the element,
/// so it is written `<\/` (the same string to JSON). The JSON arrives in pieces, so a `<`
/// ending one piece is remembered.
struct ScriptSafe<'a> {
    out: &'a mut dyn std::io::Write,
    after_lt: bool,
}

impl std::io::Write for ScriptSafe<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut rest = buf;
        while let Some(at) = memchr::memchr(b'/', rest) {
            let after_lt = match at {
                0 => self.after_lt,
                _ => rest[at - 1] == b'<',
            };
            self.out.write_all(&rest[..at])?;
            self.out.write_all(if after_lt { b"\\/" } else { b"/" })?;
            self.after_lt = false;
            rest = &rest[at + 1..];
        }
        self.out.write_all(rest)?;
        if let Some(&last) = buf.last() {
            self.after_lt = last == b'<';
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// One session of a journal's search index; the text is the note's, borrowed.
#[derive(Serialize)]
struct NoteDoc<'a> {
    t: &'a str,
    u: String,
    d: String,
    k: String,
    x: Joined<'a>,
}

/// A note's text segments, written to JSON with a space between them, without joining
/// them into one more copy of the note first.
struct Joined<'a>(Vec<&'a str>);

impl Serialize for Joined<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl std::fmt::Display for Joined<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (n, part) in self.0.iter().enumerate() {
            if n > 0 {
                f.write_str(" ")?;
            }
            f.write_str(part)?;
        }
        Ok(())
    }
}

/// Writes `search-index.js` of a journal: its sessions with pages (titles, topics and note
/// text).
pub fn write_journal_search_index(journal: &Journal, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let docs: Vec<NoteDoc<'_>> = journal
        .sessions
        .iter()
        .rev()
        .filter_map(|s| {
            let slug = s.slug_path.as_deref()?;
            Some(NoteDoc {
                t: s.title.as_deref().unwrap_or_default(),
                u: encode_path(&session_path(slug)),
                d: date_label(s.date),
                k: s.topics.join(" "),
                x: Joined(s.note.segments.iter().map(|seg| seg.text.as_str()).collect()),
            })
        })
        .collect();
    write_search_index(&docs, out)
}

/// `journal.json`: the folded, visibility-filtered model, serialised straight from borrowed
/// views (no intermediate JSON tree: on a big journal that tree was most of the file's cost).
/// Fields are declared in alphabetical order, so the keys come out sorted.
pub fn journal_json(j: &Journal) -> String {
    let date = |i: usize| date_iso(j.sessions[i].date);
    let view = JournalJson {
        build_date: date_iso(j.today),
        commitments: j
            .commitments
            .iter()
            .map(|c| {
                let (due, due_kind) = match c.due {
                    Due::None => (None, "none"),
                    Due::Date(d) => (Some(date_iso(d)), "date"),
                    Due::NextSession(d) => (d.map(date_iso), "next-session"),
                };
                CommitmentJson {
                    closed_on: c.closed_in.map(date),
                    due,
                    due_kind,
                    history: c
                        .history
                        .iter()
                        .map(|e| CommitEventJson {
                            date: date(e.session),
                            declared: e.declared,
                            note: e.note.as_deref(),
                            status: e.status.key(),
                        })
                        .collect(),
                    id: &c.id,
                    made_on: date(c.made_in),
                    overdue: c.overdue,
                    status: c.status.key(),
                    what: &c.what,
                    who: c.who.key(),
                }
            })
            .collect(),
        generator: "mentorlog",
        goals: j
            .goals
            .iter()
            .map(|g| GoalJson {
                history: g
                    .history
                    .iter()
                    .map(|e| GoalEventJson {
                        after: e.after,
                        before: e.before,
                        date: date(e.session),
                        declared: e.declared,
                        note: e.note.as_deref(),
                        status: e.status.key(),
                        steps_done: &e.steps_done,
                        title: &e.title,
                    })
                    .collect(),
                horizon: g.horizon.key(),
                id: &g.id,
                page: goal_path(&g.id),
                progress: g.measured.then_some(g.progress),
                stale: g.stale,
                status: g.status.key(),
                steps: g
                    .steps
                    .iter()
                    .map(|st| StepJson {
                        done_on: st.done_in.map(date),
                        text: &st.text,
                    })
                    .collect(),
                target: g.target.map(date_iso),
                title: &g.title,
            })
            .collect(),
        journal: JournalMeta {
            cadence_days: j.cadence,
            language: &j.config.language,
            mentee: &j.config.mentee,
            mentor: &j.config.mentor,
            program: j.config.program.as_deref(),
            title: &j.config.title,
        },
        pace: PaceJson {
            days_since_last: j.timeline.days_since_last,
            first_session: j.timeline.held.first().map(|&i| date(i)),
            health: j.timeline.health.key(),
            last_session: j.timeline.held.last().map(|&i| date(i)),
            long_gaps: j
                .timeline
                .gaps
                .iter()
                .map(|g| GapJson {
                    date: date(g.before_session),
                    days: g.days,
                })
                .collect(),
            sessions_held: j.timeline.held.len(),
        },
        schema_version: SCHEMA_VERSION,
        sessions: j
            .sessions
            .iter()
            .map(|s| SessionJson {
                commitments: s
                    .commit_events
                    .iter()
                    .map(|(id, e)| EventRef { event: *e, id })
                    .collect(),
                date: date_iso(s.date),
                draft: s.draft,
                duration: s.duration,
                goals: s.goal_events.iter().map(|(id, e)| EventRef { event: *e, id }).collect(),
                held: s.held(),
                kind: s.kind.as_deref(),
                page: s.slug_path.as_deref().map(session_path),
                planned: s.planned,
                private: s.private,
                title: s.title.as_deref(),
                topics: &s.topics,
            })
            .collect(),
        topics: j
            .topics
            .iter()
            .map(|t| TopicJson {
                name: &t.name,
                page: topic_path(&t.slug),
                sessions: t.sessions.iter().map(|&i| date(i)).collect(),
                slug: &t.slug,
            })
            .collect(),
    };
    serde_json::to_string(&view).unwrap_or_default() + "\n"
}

#[derive(Serialize)]
struct JournalJson<'a> {
    build_date: String,
    commitments: Vec<CommitmentJson<'a>>,
    generator: &'static str,
    goals: Vec<GoalJson<'a>>,
    journal: JournalMeta<'a>,
    pace: PaceJson,
    schema_version: u32,
    sessions: Vec<SessionJson<'a>>,
    topics: Vec<TopicJson<'a>>,
}

#[derive(Serialize)]
struct JournalMeta<'a> {
    cadence_days: u32,
    language: &'a str,
    mentee: &'a str,
    mentor: &'a str,
    program: Option<&'a str>,
    title: &'a str,
}

#[derive(Serialize)]
struct PaceJson {
    days_since_last: Option<i64>,
    first_session: Option<String>,
    health: &'static str,
    last_session: Option<String>,
    long_gaps: Vec<GapJson>,
    sessions_held: usize,
}

#[derive(Serialize)]
struct GapJson {
    date: String,
    days: i64,
}

#[derive(Serialize)]
struct SessionJson<'a> {
    commitments: Vec<EventRef<'a>>,
    date: String,
    draft: bool,
    duration: Option<u32>,
    goals: Vec<EventRef<'a>>,
    held: bool,
    kind: Option<&'a str>,
    page: Option<String>,
    planned: bool,
    private: bool,
    title: Option<&'a str>,
    topics: &'a [String],
}

#[derive(Serialize)]
struct EventRef<'a> {
    event: usize,
    id: &'a str,
}

#[derive(Serialize)]
struct GoalJson<'a> {
    history: Vec<GoalEventJson<'a>>,
    horizon: &'static str,
    id: &'a str,
    page: String,
    progress: Option<u8>,
    stale: bool,
    status: &'static str,
    steps: Vec<StepJson<'a>>,
    target: Option<String>,
    title: &'a str,
}

#[derive(Serialize)]
struct GoalEventJson<'a> {
    after: u8,
    before: u8,
    date: String,
    declared: bool,
    note: Option<&'a str>,
    status: &'static str,
    steps_done: &'a [String],
    title: &'a str,
}

#[derive(Serialize)]
struct StepJson<'a> {
    done_on: Option<String>,
    text: &'a str,
}

#[derive(Serialize)]
struct CommitmentJson<'a> {
    closed_on: Option<String>,
    due: Option<String>,
    due_kind: &'static str,
    history: Vec<CommitEventJson<'a>>,
    id: &'a str,
    made_on: String,
    overdue: bool,
    status: &'static str,
    what: &'a str,
    who: &'static str,
}

#[derive(Serialize)]
struct CommitEventJson<'a> {
    date: String,
    declared: bool,
    note: Option<&'a str>,
    status: &'static str,
}

#[derive(Serialize)]
struct TopicJson<'a> {
    name: &'a str,
    page: String,
    sessions: Vec<String>,
    slug: &'a str,
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    /// The script's JSON, parsed back.
    fn parsed(script: &str) -> serde_json::Value {
        let json = script
            .strip_prefix("window.MENTORLOG_SEARCH = ")
            .and_then(|s| s.strip_suffix(";\n"))
            .unwrap_or_default();
        serde_json::from_str(json).unwrap_or_default()
    }

    #[test]
    fn the_search_index_cannot_end_its_script_element() {
        let text = "see </script><script>alert(1)</script> and a/b";
        let script = search_index(&[text]);
        assert!(!script.contains("</"), "{script}");
        assert_eq!(parsed(&script), serde_json::json!([text]));
    }

    #[test]
    fn a_split_between_the_angle_bracket_and_the_slash_is_still_escaped() {
        let mut bytes = Vec::new();
        let mut safe = ScriptSafe {
            out: &mut bytes,
            after_lt: false,
        };
        for piece in ["\"a <", "/b> c/", "<", "", "/d\""] {
            assert!(safe.write_all(piece.as_bytes()).is_ok());
        }
        assert_eq!(String::from_utf8_lossy(&bytes), r#""a <\/b> c/<\/d""#);
    }
}
