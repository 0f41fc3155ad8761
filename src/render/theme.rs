//! The theme: the default templates and assets are embedded in the binary, so one binary
//! works anywhere; a journal's `templates/` folder overrides them file by file. Tera
//! compiles everything once. The only render file that reads the disk.

use std::path::Path;

use tera::Tera;

use crate::error::{Error, Result};
use crate::fs::read_bytes;
use crate::layout::is_hidden;
use crate::render::links::{FAVICON, SEARCH_SCRIPT, STYLESHEET, asset_path};

/// The default theme's templates, (name, text), each named once: `include_str!` needs the
/// literal file name, so the page table's templates are checked against this list by a test.
macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*]
    };
}

const TEMPLATES: &[(&str, &str)] = embedded![
    "base.html",
    "index.html",
    "timeline.html",
    "session.html",
    "goals.html",
    "goal.html",
    "commitments.html",
    "topics.html",
    "topic.html",
    "404.html",
    "search.html",
    "program.html",
    "partials/session_card.html",
    "partials/goal_card.html",
    "partials/commitment.html",
    "partials/session_ref.html",
];

/// The stylesheet.
const STYLE: &str = include_str!("../../themes/default/static/style.css");
/// The favicon.
const FAVICON_SVG: &str = include_str!("../../themes/default/static/favicon.svg");
/// The search page's script (the only script of the site).
const SEARCH_JS: &str = include_str!("../../themes/default/static/search.js");

/// Compiled templates and the assets that go with them.
pub struct Theme {
    /// Compiled templates.
    pub tera: Tera,
    /// The stylesheet's text.
    pub css: String,
    /// Files for `assets/`: (site path, bytes).
    pub assets: Vec<(String, Vec<u8>)>,
}

impl Theme {
    /// The default theme, with `overrides` (a journal's `templates/` folder) on top.
    ///
    /// # Errors
    ///
    /// `Error::Template` when a template does not compile or is not UTF-8; `Error::Io` when
    /// an override cannot be read; `Error::LinkRefused` when `templates/` links out of the
    /// journal.
    pub fn load(overrides: Option<&Path>) -> Result<Theme> {
        let mut templates: Vec<(String, String)> = TEMPLATES
            .iter()
            .map(|(n, t)| ((*n).to_string(), (*t).to_string()))
            .collect();
        if let Some(dir) = overrides.filter(|d| d.is_dir()) {
            refuse_link_out(dir)?;
            for (name, text) in read_overrides(dir)? {
                match templates.iter_mut().find(|(n, _)| *n == name) {
                    Some(slot) => slot.1 = text,
                    None => templates.push((name, text)),
                }
            }
        }
        let mut tera = Tera::new();
        tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
            .map_err(|e| Error::Template {
                name: template_of(&e),
                message: chain(&e),
            })?;
        Ok(Theme {
            tera,
            css: STYLE.to_string(),
            assets: vec![
                (asset_path(STYLESHEET), STYLE.as_bytes().to_vec()),
                (asset_path(FAVICON), FAVICON_SVG.as_bytes().to_vec()),
                (asset_path(SEARCH_SCRIPT), SEARCH_JS.as_bytes().to_vec()),
            ],
        })
    }
}

/// A journal's `templates` that is a symbolic link leading outside the journal is never
/// read (the loader reports it too; this keeps the theme safe on its own).
fn refuse_link_out(dir: &Path) -> Result<()> {
    if !dir.is_symlink() {
        return Ok(());
    }
    let target = std::fs::canonicalize(dir).map_err(|e| Error::io("cannot read", dir, e))?;
    let journal = dir.parent().and_then(|p| std::fs::canonicalize(p).ok());
    if journal.is_some_and(|j| target.starts_with(j)) {
        return Ok(());
    }
    Err(Error::LinkRefused {
        link: dir.to_path_buf(),
        target,
        reason: "it leads outside the journal, and mentorlog reads nothing outside the journal folder".to_string(),
    })
}

fn read_overrides(dir: &Path) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        let entry = entry.map_err(|e| Error::io("cannot read", dir, e.into()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let name: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let bytes = read_bytes(entry.path())?;
        let text = String::from_utf8(bytes).map_err(|_| Error::Template {
            name: entry.path().display().to_string(),
            message: "the template is not UTF-8 text".to_string(),
        })?;
        out.push((name.join("/"), text));
    }
    Ok(out)
}

/// Tera's message with its causes, on one line.
pub fn chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    message
}

fn template_of(error: &tera::Error) -> String {
    let text = error.to_string();
    text.split('\'').nth(1).unwrap_or("theme").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::links::Page;

    #[test]
    fn the_default_theme_has_a_template_for_every_page() {
        let names: Vec<&str> = TEMPLATES.iter().map(|(n, _)| *n).collect();
        for page in Page::JOURNAL
            .iter()
            .chain(&Page::PROGRAM)
            .chain(&[Page::Session, Page::Goal, Page::Topic])
        {
            assert!(
                names.contains(&page.template()),
                "{page:?}: {} is not in the theme",
                page.template()
            );
        }
    }

    #[test]
    fn the_default_theme_compiles_and_its_assets_go_under_assets() {
        let theme = Theme::load(None);
        assert!(
            theme
                .as_ref()
                .is_ok_and(|t| t.tera.get_template_names().count() == TEMPLATES.len())
        );
        let paths: Vec<String> = theme
            .map(|t| t.assets.into_iter().map(|(p, _)| p).collect())
            .unwrap_or_default();
        assert_eq!(paths, ["assets/style.css", "assets/favicon.svg", "assets/search.js"]);
    }

    #[test]
    fn a_broken_template_s_message_says_where_it_is_broken() {
        let mut tera = Tera::new();
        let message = tera
            .add_raw_templates([("goal.html", "{% if %}")])
            .err()
            .map(|e| chain(&e))
            .unwrap_or_default();
        assert!(message.contains("goal.html:1:7"), "{message}");
    }
}
