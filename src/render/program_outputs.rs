//! What one journal of a program gives the program's own pages: its feed entries and
//! search entries, with URLs under the journal's folder. Rendered here, beside the journal's
//! own pages, so the orchestration in `project` builds no URL and writes no XML.

use crate::model::{Journal, Session};
use crate::render::labels::date_label;
use crate::render::links::{BaseUrl, Linker, Page, session_path};
use crate::render::outputs::feed::{FeedEntry, journal_entries, xml_escape};
use crate::render::outputs::search::SearchDoc;
use crate::render::program::PROGRAM_FEED_ENTRIES;

/// The base URL of the journal published at `<slug>/` of a program at `program_base`.
pub fn member_base_url(program_base: &str, slug: &str) -> String {
    BaseUrl::new(program_base).folder(slug).into()
}

/// A journal's share of the program's feed and search index.
#[derive(Debug, Clone, Default)]
pub struct MemberOutputs {
    /// Its newest sessions, titled with the pair (at most `PROGRAM_FEED_ENTRIES`).
    pub feed: Vec<FeedEntry>,
    /// The journal itself, then its sessions, newest first.
    pub search: Vec<SearchDoc>,
}

/// The feed and search entries of `journal`, published at `<slug>/` of the program.
pub fn member_outputs(journal: &Journal, slug: &str) -> MemberOutputs {
    let links = match &journal.config.base_url {
        Some(b) => Linker::rooted(Some(&BaseUrl::new(b))),
        None => Linker::into_folder(slug),
    };
    let pair = format!("{} & {}", journal.config.mentor, journal.config.mentee);
    let feed = journal_entries(journal, &links, &|s| xml_summary(s, &pair))
        .into_iter()
        .take(PROGRAM_FEED_ENTRIES)
        .map(|mut e| {
            e.title = format!("{pair}: {}", e.title);
            e
        })
        .collect();
    let mut search = vec![SearchDoc {
        t: pair.clone(),
        u: Linker::into_folder(slug).page(Page::Home),
        d: journal.config.title.clone(),
        k: String::new(),
        x: String::new(),
    }];
    search.extend(journal.sessions.iter().rev().filter_map(|s| {
        let page = s.slug_path.as_deref()?;
        Some(SearchDoc {
            t: s.title.clone().unwrap_or_default(),
            u: Linker::into_folder(slug).to(&session_path(page)),
            d: format!("{pair} · {}", date_label(s.date)),
            k: s.topics.join(" "),
            x: String::new(),
        })
    }));
    MemberOutputs { feed, search }
}

/// The program's feed: the newest entries of all its journals, newest first.
pub fn program_feed<'a>(members: impl Iterator<Item = &'a MemberOutputs>) -> Vec<FeedEntry> {
    let mut feed: Vec<FeedEntry> = members.flat_map(|m| m.feed.iter().cloned()).collect();
    feed.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.href.cmp(&b.href)));
    feed.truncate(PROGRAM_FEED_ENTRIES);
    feed
}

/// A program feed entry's content: the pair and the topics (the notes stay in the
/// journal's own feed).
fn xml_summary(session: &Session, pair: &str) -> String {
    let topics = if session.topics.is_empty() {
        String::new()
    } else {
        format!(" Topics: {}.", xml_escape(&session.topics.join(", ")))
    };
    format!("<p>A session of {}.{topics}</p>", xml_escape(pair))
}
