//! Render: the folded journal to files. Every page, asset and static file is rendered in
//! parallel and handed to a `Sink` the moment it is ready; nothing here touches the disk
//! except `theme.rs` reading template overrides.

mod cards;
pub mod labels;
pub mod links;
pub mod note_links;
pub mod outputs;
mod page_views;
pub mod pages;
pub mod program;
pub mod program_outputs;
pub mod svg;
pub mod theme;
pub mod views;

pub use pages::{RenderOptions, site};
pub use theme::Theme;
