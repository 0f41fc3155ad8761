//! Render: the folded journal to files. Every page, asset and static file is rendered in
//! parallel and handed to a `Sink` the moment it is ready; nothing here touches the disk
//! except `theme.rs` reading template overrides.

mod cards;
pub mod labels;
pub mod links;
pub mod outputs;
mod page_views;
pub mod pages;
pub mod program;
pub mod svg;
pub mod theme;
pub mod views;

use crate::error::Result;
use crate::model::Journal;
use crate::site::Sink;

pub use theme::Theme;

/// How to render.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Absolute URL the site is published at (`--base-url`, else `journal.yaml`).
    pub base_url: Option<String>,
    /// The program's title when the journal is published in a program folder: assets,
    /// robots.txt and 404.html then live at the program's root, not in the journal's.
    pub program: Option<String>,
}

/// Renders the whole site into `sink`; returns how many files were written.
pub fn site(journal: &Journal, theme: &Theme, options: &RenderOptions, sink: &impl Sink) -> Result<usize> {
    pages::render_all(journal, theme, options, sink)
}
