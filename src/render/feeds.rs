//! Publishing outputs: the Atom feed, the sitemap, robots.txt, the search index and
//! `journal.json`. Dates are the sessions' own (never the build time), so the output is
//! byte-identical for the same input and build date.

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::commitment::Due;
use crate::model::{Journal, Session};
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
pub fn search_index(docs: &[SearchDoc]) -> String {
    let json = serde_json::to_string(docs).unwrap_or_else(|_| "[]".to_string());
    // `</script>` inside a string must not end a script element.
    let json = if json.contains("</") {
        json.replace("</", "<\\/")
    } else {
        json
    };
    format!("window.MENTORLOG_SEARCH = {json};\n")
}

/// The journal's sessions with pages as search documents (titles, topics and note text).
pub fn journal_search_docs(journal: &Journal) -> Vec<SearchDoc> {
    journal
        .sessions
        .iter()
        .rev()
        .filter_map(|s| {
            let slug = s.slug_path.as_deref()?;
            let text: Vec<&str> = s.note.segments.iter().map(|seg| seg.text.as_str()).collect();
            Some(SearchDoc {
                t: s.title.clone().unwrap_or_default(),
                u: encode_path(&session_path(slug)),
                d: crate::render::views::date_label(s.date),
                k: s.topics.join(" "),
                x: text.join(" "),
            })
        })
        .collect()
}

/// `journal.json`: the folded, visibility-filtered model.
pub fn journal_json(journal: &Journal) -> String {
    let value = journal_value(journal, "");
    serde_json::to_string(&value).unwrap_or_default() + "\n"
}

/// The model as a JSON value; page paths get `prefix` (a journal's folder in a program).
pub fn journal_value(j: &Journal, prefix: &str) -> serde_json::Value {
    use serde_json::json;
    let date = |d: chrono::NaiveDate| crate::render::views::date_iso(d);
    let page = |p: String| format!("{prefix}{p}");
    let sessions: Vec<_> = j
        .sessions
        .iter()
        .map(|s| {
            json!({
                "date": date(s.date),
                "title": s.title,
                "kind": s.kind,
                "duration": s.duration,
                "topics": s.topics,
                "private": s.private,
                "draft": s.draft,
                "planned": s.planned,
                "held": s.held(),
                "page": s.slug_path.as_deref().map(|p| page(session_path(p))),
                "goals": s.goal_events.iter().map(|(id, e)| json!({"id": id, "event": e})).collect::<Vec<_>>(),
                "commitments": s.commit_events.iter().map(|(id, e)| json!({"id": id, "event": e})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let goals: Vec<_> = j
        .goals
        .iter()
        .map(|g| {
            json!({
                "id": g.id,
                "title": g.title,
                "horizon": g.horizon.key(),
                "status": g.status.key(),
                "progress": if g.measured { Some(g.progress) } else { None },
                "target": g.target.map(date),
                "stale": g.stale,
                "page": page(goal_path(&g.id)),
                "steps": g.steps.iter().map(|st| json!({
                    "text": st.text,
                    "done_on": st.done_in.map(|i| date(j.sessions[i].date)),
                })).collect::<Vec<_>>(),
                "history": g.history.iter().map(|e| json!({
                    "date": date(j.sessions[e.session].date),
                    "declared": e.declared,
                    "before": e.before,
                    "after": e.after,
                    "status": e.status.key(),
                    "title": e.title,
                    "steps_done": e.steps_done,
                    "note": e.note,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let commitments: Vec<_> = j
        .commitments
        .iter()
        .map(|c| {
            let (due, due_kind) = match c.due {
                Due::None => (None, "none"),
                Due::Date(d) => (Some(date(d)), "date"),
                Due::NextSession(d) => (d.map(date), "next-session"),
            };
            json!({
                "id": c.id,
                "who": c.who.key(),
                "what": c.what,
                "due": due,
                "due_kind": due_kind,
                "status": c.status.key(),
                "overdue": c.overdue,
                "made_on": date(j.sessions[c.made_in].date),
                "closed_on": c.closed_in.map(|i| date(j.sessions[i].date)),
                "history": c.history.iter().map(|e| json!({
                    "date": date(j.sessions[e.session].date),
                    "declared": e.declared,
                    "status": e.status.key(),
                    "note": e.note,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let topics: Vec<_> = j
        .topics
        .iter()
        .map(|t| {
            json!({
                "slug": t.slug,
                "name": t.name,
                "page": page(topic_path(&t.slug)),
                "sessions": t.sessions.iter().map(|&i| date(j.sessions[i].date)).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "schema_version": SCHEMA_VERSION,
        "generator": "mentorlog",
        "build_date": date(j.today),
        "journal": {
            "title": j.config.title,
            "mentor": j.config.mentor,
            "mentee": j.config.mentee,
            "program": j.config.program,
            "language": j.config.language,
            "cadence_days": j.cadence,
        },
        "pace": {
            "health": j.timeline.health.key(),
            "sessions_held": j.timeline.held.len(),
            "first_session": j.timeline.held.first().map(|&i| date(j.sessions[i].date)),
            "last_session": j.timeline.held.last().map(|&i| date(j.sessions[i].date)),
            "days_since_last": j.timeline.days_since_last,
            "long_gaps": j.timeline.gaps.iter().map(|g| json!({
                "date": date(j.sessions[g.before_session].date),
                "days": g.days,
            })).collect::<Vec<_>>(),
        },
        "sessions": sessions,
        "goals": goals,
        "commitments": commitments,
        "topics": topics,
    })
}
