//! Parsed notes kept between loads, for `serve`: saving one note of a 500-note journal
//! re-parses that note, not all of them (parsing front matter and Markdown is about a
//! third of a rebuild). An entry is reused only when everything its parse depends on is
//! the same: the note's bytes, its path and place in the list, and the journal-wide inputs
//! (the folder, `raw_html`, drafts, and every note and static path, which links resolve
//! against). The fold and the render still run in full: this caches inputs, not pages.
//! Only each journal's previous load is kept, so memory follows the journals' size; a
//! program keeps one set per journal, and drops those of journals no longer in it.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{PoisonError, RwLock};

use crate::diag::Diagnostics;
use crate::fs::read_bytes;
use crate::load::note::NoteFile;
use crate::load::unreadable;
use crate::source::SessionSource;

/// One note's parse: the session (if it loaded) and the note's own diagnostics.
pub(super) type Parsed = (Option<SessionSource>, Diagnostics);

/// Parsed notes by journal folder, then by a hash of everything their parse depends on.
#[derive(Debug, Default)]
pub struct NoteCache {
    journals: RwLock<HashMap<PathBuf, HashMap<u64, Parsed>>>,
}

/// Where an entry came from, for `NoteCache::keep`.
pub(super) struct Used {
    key: u64,
    reused: bool,
}

impl NoteCache {
    /// An empty cache.
    pub fn new() -> NoteCache {
        NoteCache::default()
    }

    /// Hashes the inputs every note's parse depends on.
    pub(super) fn context(root: &Path, raw_html: bool, drafts: bool, notes: &[String], statics: &[String]) -> u64 {
        let mut hasher = DefaultHasher::new();
        (root, raw_html, drafts, notes, statics).hash(&mut hasher);
        hasher.finish()
    }

    /// Reads and parses `note`, or reuses the parse of the same bytes in the same context.
    pub(super) fn load(&self, note: &NoteFile<'_>, context: u64) -> (Parsed, Option<Used>) {
        let path = note.root.join(note.rel);
        let bytes = match read_bytes(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                let mut diags = Diagnostics::new();
                diags.push(unreadable(&path, "the note", &e));
                return ((None, diags), None);
            }
        };
        let mut hasher = DefaultHasher::new();
        (context, note.index, note.rel, note.slug, &bytes).hash(&mut hasher);
        let key = hasher.finish();
        let known = self
            .journals
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(note.root)
            .and_then(|entries| entries.get(&key))
            .cloned();
        if let Some(parsed) = known {
            return (parsed, Some(Used { key, reused: true }));
        }
        let mut diags = Diagnostics::new();
        let session = note.parse_bytes(&path, bytes, &mut diags);
        ((session, diags), Some(Used { key, reused: false }))
    }

    /// Keeps, for the journal at `root`, the entries of this load only: the reused ones,
    /// and the new parses.
    pub(super) fn keep(&self, root: &Path, parsed: &[(Parsed, Option<Used>)]) {
        let used: HashSet<u64> = parsed.iter().filter_map(|(_, u)| u.as_ref().map(|u| u.key)).collect();
        let mut journals = self.journals.write().unwrap_or_else(PoisonError::into_inner);
        let entries = journals.entry(root.to_path_buf()).or_default();
        entries.retain(|key, _| used.contains(key));
        for (result, used) in parsed {
            if let Some(Used { key, reused: false }) = used {
                entries.insert(*key, result.clone());
            }
        }
    }

    /// Forgets the journals not in `roots` (a program's journal removed or renamed).
    pub fn keep_journals(&self, roots: &[&Path]) {
        let mut journals = self.journals.write().unwrap_or_else(PoisonError::into_inner);
        journals.retain(|root, _| roots.contains(&root.as_path()));
    }

    /// How many notes are kept.
    pub fn len(&self) -> usize {
        let journals = self.journals.read().unwrap_or_else(PoisonError::into_inner);
        journals.values().map(HashMap::len).sum()
    }

    /// True when nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;
    use crate::load::{JournalSource, LoadOptions, journal, journal_cached};

    fn write(dir: &Path, rel: &str, text: &str) {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            assert!(std::fs::create_dir_all(parent).is_ok());
        }
        assert!(std::fs::write(path, text).is_ok());
    }

    /// The load as text: sources and diagnostics, to compare a cached load with a fresh one.
    fn snapshot(source: Option<&JournalSource>, diags: &Diagnostics) -> String {
        format!("{source:#?}\n{:#?}", diags.sorted())
    }

    fn fresh(dir: &Path) -> String {
        let mut diags = Diagnostics::new();
        let source = journal(dir, &LoadOptions::default(), &mut diags).ok().flatten();
        snapshot(source.as_ref(), &diags)
    }

    fn cached(dir: &Path, cache: &NoteCache) -> String {
        let mut diags = Diagnostics::new();
        let source = journal_cached(dir, &LoadOptions::default(), Some(cache), &mut diags)
            .ok()
            .flatten();
        snapshot(source.as_ref(), &diags)
    }

    #[test]
    fn a_cached_load_is_the_same_as_a_fresh_one_through_edits_and_new_notes() {
        let Ok(tmp) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        let dir = tmp.path();
        write(dir, "journal.yaml", "title: T\nmentor: A\nmentee: B\n");
        write(
            dir,
            "sessions/2026-01-01-a.md",
            "---\ndate: 2026-01-01\nflavour: x\n---\nSee [b](2026-01-15-b.md).\n",
        );
        write(dir, "sessions/2026-01-08-c.md", "---\ndate: 2026-01-08\n---\nPlain.\n");
        let cache = NoteCache::new();
        // First load: everything parsed; a link to a note that does not exist yet.
        assert_eq!(cached(dir, &cache), fresh(dir));
        assert_eq!(cache.len(), 2);
        // Nothing changed: everything reused, the same result.
        assert_eq!(cached(dir, &cache), fresh(dir));
        // One note edited.
        write(dir, "sessions/2026-01-08-c.md", "---\ndate: 2026-01-08\n---\nEdited.\n");
        let after_edit = cached(dir, &cache);
        assert!(after_edit.contains("Edited."), "{after_edit}");
        assert_eq!(after_edit, fresh(dir));
        // A new note: the link in `a` now resolves, so `a` is parsed again too.
        write(dir, "sessions/2026-01-15-b.md", "---\ndate: 2026-01-15\n---\nB.\n");
        assert_eq!(cached(dir, &cache), fresh(dir));
        assert_eq!(cache.len(), 3);
        // A note removed: its entry goes.
        assert!(std::fs::remove_file(dir.join("sessions/2026-01-08-c.md")).is_ok());
        assert_eq!(cached(dir, &cache), fresh(dir));
        assert_eq!(cache.len(), 2);
    }

    #[test]
    fn journals_sharing_a_cache_keep_their_own_notes_until_they_leave() {
        let Ok(tmp) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
        for (dir, notes) in [(&a, 2), (&b, 3)] {
            write(dir, "journal.yaml", "title: T\nmentor: A\nmentee: B\n");
            for n in 1..=notes {
                write(
                    dir,
                    &format!("sessions/2026-01-0{n}-s.md"),
                    &format!("---\ndate: 2026-01-0{n}\n---\nNote {n}.\n"),
                );
            }
        }
        let cache = NoteCache::new();
        assert_eq!(cached(&a, &cache), fresh(&a));
        assert_eq!(cached(&b, &cache), fresh(&b));
        assert_eq!(cache.len(), 5, "loading one journal keeps the other's notes");
        write(&a, "sessions/2026-01-01-s.md", "---\ndate: 2026-01-01\n---\nEdited.\n");
        let edited = cached(&a, &cache);
        assert!(edited.contains("Edited."), "{edited}");
        assert_eq!(edited, fresh(&a));
        assert_eq!(cached(&b, &cache), fresh(&b));
        assert_eq!(cache.len(), 5);
        cache.keep_journals(&[b.as_path()]);
        assert_eq!(cache.len(), 3, "a journal that left the program is forgotten");
    }
}
