//! mentorlog turns a mentoring journal (Markdown session notes with YAML front matter)
//! into a static website. The pipeline is visible in the modules:
//! `load` (disk → sources) → `model` (pure fold) → `render` (pages to a `Sink`) →
//! `write` (the disk sink). `project` runs all of it, for a journal or a program; tests and
//! commands share it.

pub mod clock;
pub mod diag;
pub mod error;
pub mod fs;
pub mod layout;
pub mod load;
pub mod model;
pub mod project;
pub mod render;
pub mod serve;
pub mod site;
pub mod slug;
pub mod source;
pub mod vocab;
pub mod write;

pub use project::BuildOptions;
