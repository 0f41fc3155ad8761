//! The settings of `journal.yaml` and `program.yaml`, as read.

use std::path::PathBuf;

use crate::diag::Origin;

/// A journal's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalConfig {
    /// Site title.
    pub title: String,
    /// The mentor's name.
    pub mentor: String,
    /// The mentee's name.
    pub mentee: String,
    /// The program the pair belongs to.
    pub program: Option<String>,
    /// The agreed pace, in days; `None` means the default (14, or the program's).
    pub cadence_days: Option<u32>,
    /// Absolute URL the site is published at.
    pub base_url: Option<String>,
    /// `<html lang>`.
    pub language: String,
    /// Ask search engines not to index.
    pub noindex: bool,
    /// Keep raw HTML in notes as written.
    pub raw_html: bool,
    /// The journal's stable identity (a `urn:uuid:…` written by `init`), if given.
    pub id: Option<String>,
}

/// The default cadence when neither the journal nor a program sets one.
pub const DEFAULT_CADENCE: u32 = 14;

/// A program's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramConfig {
    /// The program's name.
    pub title: String,
    /// Who runs it.
    pub lead: String,
    /// Absolute URL the program is published at.
    pub base_url: Option<String>,
    /// The default pace for its journals.
    pub cadence_days: Option<u32>,
    /// Keep raw HTML in notes (decided here, for every journal).
    pub raw_html: bool,
    /// Ask search engines not to index (decided here).
    pub noindex: bool,
    /// `<html lang>` (decided here).
    pub language: String,
    /// Journals kept elsewhere, relative to `program.yaml`.
    pub journals: Vec<(PathBuf, Origin)>,
    /// Let journals' `templates/` override the theme.
    pub journal_templates: bool,
    /// The program's stable identity (a `urn:uuid:…`), if given (PRODUCT v3 change 4).
    pub id: Option<String>,
}
