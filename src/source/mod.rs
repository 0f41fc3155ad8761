//! What load hands model: a journal as read from disk, parsed and typed, before any
//! domain rule. Load builds these values, model folds them and render fills their note
//! bodies; none of those layers needs another's code to name them.

mod body;
mod config;
mod front;
mod note;

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::diag::Origin;
use crate::fs::InputFile;

pub use body::{Body, Fill, Hole, Phrase, Piece, Target, UNPUBLISHED_NOTE};
pub use config::{DEFAULT_CADENCE, JournalConfig, ProgramConfig};
pub use front::{CommitmentEntry, FrontMatter, GoalEntry, Reading};
pub use note::{NamedHeading, Note, Segment};

/// One note, parsed.
#[derive(Debug, Clone)]
pub struct SessionSource {
    /// The file on disk.
    pub path: PathBuf,
    /// Journal-relative path with `/` (`sessions/2026-01-08-intro.md`).
    pub rel: String,
    /// Index in the sorted list of all notes (what link placeholders refer to).
    pub note_index: usize,
    /// URL-safe page name under `sessions/`, without `.html` (`2026-01-08-intro`).
    pub slug_path: String,
    /// The session's date.
    pub date: NaiveDate,
    /// The `date` key, or line 1 when the date came from the file name.
    pub date_origin: Origin,
    /// Title, first heading, or file name; a heading naming notes as if they were unpublished.
    pub title: String,
    /// The first heading, when it is the title and names notes (resolved in `model`).
    pub title_names: Option<Phrase>,
    /// The front matter.
    pub front: FrontMatter,
    /// The rendered body.
    pub note: Note,
}

/// A file of the journal's `static/` folder.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Path under `static/`, with `/`.
    pub rel: String,
    /// The file on disk, as load checked it: copied or served from there when needed,
    /// never held in memory.
    pub file: InputFile,
}

/// A whole journal, loaded.
#[derive(Debug, Clone)]
pub struct JournalSource {
    /// The journal folder.
    pub root: PathBuf,
    /// `journal.yaml`.
    pub config: JournalConfig,
    /// Notes that loaded, in path order.
    pub sessions: Vec<SessionSource>,
    /// `static/` files, in path order.
    pub statics: Vec<StaticFile>,
}
