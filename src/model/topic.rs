//! Topics: the tags that make real problems findable across sessions.

use std::collections::BTreeMap;

use crate::model::session::Session;
use crate::slug::slugify;

/// One topic and the sessions that carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// URL-safe name, also the page name.
    pub slug: String,
    /// The first spelling seen, in date order.
    pub name: String,
    /// Sessions (indices), oldest first.
    pub sessions: Vec<usize>,
}

/// Groups sessions by topic slug, sorted by slug.
pub fn index(sessions: &[Session]) -> Vec<Topic> {
    let mut topics: BTreeMap<String, Topic> = BTreeMap::new();
    for (i, session) in sessions.iter().enumerate() {
        for name in &session.topics {
            let slug = slugify(name);
            if slug.is_empty() {
                continue;
            }
            let topic = topics.entry(slug.clone()).or_insert_with(|| Topic {
                slug,
                name: name.clone(),
                sessions: Vec::new(),
            });
            if topic.sessions.last() != Some(&i) {
                topic.sessions.push(i);
            }
        }
    }
    topics.into_values().collect()
}
