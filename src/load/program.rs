//! `program.yaml`: a mentoring program is a folder of journals published together. This
//! reads its settings and finds its journals (direct sub-folders with a `journal.yaml`,
//! plus the paths listed under `journals:`).

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Origin, Severity, closest};
use crate::layout::{JOURNAL_FILE, PROGRAM_FILE, is_hidden};
use crate::load::yaml::{KeyIndex, Yaml};
use crate::slug::slugify;
use crate::source::ProgramConfig;

/// The keys of `program.yaml`.
pub const PROGRAM_KEYS: &[&str] = &[
    "title",
    "lead",
    "base_url",
    "cadence_days",
    "raw_html",
    "noindex",
    "language",
    "journals",
    "journal_templates",
    "format",
    "id",
    "protect",
];

/// One journal of a program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// Its folder.
    pub dir: PathBuf,
    /// Its URL-safe folder name: its site goes under `<slug>/`.
    pub slug: String,
}

/// Reads `program.yaml`; `None` when unusable (the reasons are diagnostics).
pub fn read(path: &Path, text: &str, diags: &mut Diagnostics) -> Option<ProgramConfig> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Lone CRs are line ends, for the positions of diagnostics as for the parser.
    let fixed = crate::load::damage::line_ends(text);
    let text: &str = &fixed;
    if !crate::load::journal::yaml_is_readable(path, text, diags) {
        return None;
    }
    let value = crate::load::journal::parse_settings(path, text, diags)?;
    let index = KeyIndex::build(text);
    let at = |key: &str| {
        let (line, col) = index.top_value(key).unwrap_or((1, 1));
        Origin::in_text(path, text, line, col)
    };
    let Yaml::Map(map) = value else {
        diags.push(
            Diagnostic::file(Severity::Error, path, "program.yaml must be `key: value` lines")
                .help("write at least `title:` and `lead:`"),
        );
        return None;
    };
    let map = crate::load::journal::without_repeats(path, text, &index, map, diags);
    let mut config = ProgramConfig {
        title: String::new(),
        lead: String::new(),
        base_url: None,
        cadence_days: None,
        raw_html: false,
        noindex: true,
        language: "en".to_string(),
        journals: Vec::new(),
        journal_templates: false,
        id: None,
    };
    let errors_before = diags.count(Severity::Error);
    for (key, value) in &map {
        let mut wrong = |expected: &str| {
            diags.push(
                Diagnostic::at(
                    Severity::Error,
                    &at(key),
                    format!("`{key}` must be {expected}, found {}", value.kind()),
                )
                .help(format!("write `{key}:` followed by {expected} on the same line")),
            );
        };
        match (key.as_str(), value) {
            ("title" | "lead" | "base_url" | "language", v) if v.as_text().is_some() => {
                let t = v.as_text().unwrap_or_default().trim().to_string();
                match key.as_str() {
                    "title" => config.title = t,
                    "lead" => config.lead = t,
                    "base_url" => config.base_url = Some(t),
                    _ => config.language = t,
                }
            }
            ("title" | "lead" | "base_url" | "language", _) => wrong("text"),
            ("cadence_days", Yaml::Int(n)) if (1..=366).contains(n) => config.cadence_days = u32::try_from(*n).ok(),
            ("cadence_days", _) => wrong("a whole number of days from 1 to 366"),
            ("raw_html", Yaml::Bool(b)) => config.raw_html = *b,
            ("noindex", Yaml::Bool(b)) => config.noindex = *b,
            ("journal_templates", Yaml::Bool(b)) => config.journal_templates = *b,
            ("raw_html" | "noindex" | "journal_templates", _) => wrong("`true` or `false`"),
            ("id", Yaml::Str(t)) if !t.trim().is_empty() => config.id = Some(t.trim().to_string()),
            ("id", Yaml::Null) => {}
            ("id", _) => wrong("text (a `urn:uuid:…`)"),
            (k, v) if closest(&k.to_lowercase(), ["protect"]).is_some() => {
                if let Some((message, help)) = crate::load::journal::protect_requested(PROGRAM_FILE, key, v) {
                    diags.push(Diagnostic::at(Severity::Error, &at(key), message).help(help));
                }
            }
            // Values that ask for nothing: the format this reads, an empty list of journals.
            ("format", Yaml::Int(1)) | ("journals", Yaml::Null) => {}
            ("format", Yaml::Int(n)) if *n > 1 => diags.push(
                Diagnostic::at(
                    Severity::Error,
                    &at(key),
                    format!("this program uses format {n}, but this mentorlog reads format 1 only"),
                )
                .help("install a newer mentorlog"),
            ),
            ("format", _) => wrong("1"),
            ("journals", Yaml::List(items)) => {
                for (n, item) in items.iter().enumerate() {
                    let pos = index
                        .item("journals", n)
                        .map_or_else(|| index.top_value("journals").unwrap_or((1, 1)), |i| i.start);
                    let origin = Origin::in_text(path, text, pos.0, pos.1);
                    match item.as_text() {
                        Some(p) => config.journals.push((PathBuf::from(p.trim()), origin)),
                        None => diags.push(
                            Diagnostic::at(
                                Severity::Error,
                                &origin,
                                "each entry of `journals` must be a folder path",
                            )
                            .help("e.g. `- ../sam-dana-journal`"),
                        ),
                    }
                }
            }
            ("journals", _) => wrong("a list of folder paths"),
            (other, v) if crate::load::journal::hiding_setting(PROGRAM_FILE, "program", other, v).is_some() => {
                if let Some((message, help)) = crate::load::journal::hiding_setting(PROGRAM_FILE, "program", other, v) {
                    diags.push(Diagnostic::at(Severity::Error, &at(key), message).help(help));
                }
            }
            (other, _) => {
                let help = closest(other, PROGRAM_KEYS.iter().copied()).map_or_else(
                    || format!("program.yaml may have {}", PROGRAM_KEYS.join(", ")),
                    |near| format!("did you mean `{near}`?"),
                );
                diags.push(
                    Diagnostic::at(
                        Severity::Warning,
                        &at(other),
                        format!("unknown key `{other}` in program.yaml"),
                    )
                    .help(help),
                );
            }
        }
    }
    for (key, value) in [("title", &config.title), ("lead", &config.lead)] {
        if value.is_empty() {
            diags.push(
                Diagnostic::file(Severity::Error, path, format!("program.yaml needs `{key}`"))
                    .help(format!("add a line `{key}: …`")),
            );
        }
    }
    if let Some(url) = &config.base_url {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            diags.push(
                Diagnostic::at(
                    Severity::Error,
                    &at("base_url"),
                    format!("`base_url` must be an absolute http(s) URL, found `{url}`"),
                )
                .help("e.g. `base_url: https://mentoring.example.org/`"),
            );
        }
    }
    (diags.count(Severity::Error) == errors_before).then_some(config)
}

/// The program's journals, sorted by slug: direct sub-folders holding a `journal.yaml`
/// (hidden ones and output folders skipped), then the listed paths.
pub fn members(dir: &Path, config: &ProgramConfig, diags: &mut Diagnostics) -> Vec<Member> {
    let mut found: Vec<(PathBuf, Option<Origin>)> = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    entries.sort();
    let real_dir = std::fs::canonicalize(dir).ok();
    for path in entries {
        let hidden = path.file_name().is_some_and(is_hidden);
        if path.is_dir() && !hidden && path.join(JOURNAL_FILE).is_file() {
            // A journal found as a sub-folder must be in the program folder: one reached
            // through a link that leads elsewhere is read only when `journals:` names it.
            if path.is_symlink() {
                let target = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                if !real_dir.as_ref().is_some_and(|d| target.starts_with(d)) {
                    diags.push(
                        Diagnostic::file(
                            Severity::Error,
                            &path,
                            format!(
                                "this journal folder is a symbolic link that leads outside the program folder, to `{}`; mentorlog reads nothing outside the program and the journals it lists",
                                target.display()
                            ),
                        )
                        .help("if the journal belongs to the program, list its real folder under `journals:` in program.yaml and delete the link"),
                    );
                    continue;
                }
            }
            found.push((path, None));
        }
    }
    for (rel, origin) in &config.journals {
        let path = dir.join(rel);
        if path.join(JOURNAL_FILE).is_file() {
            if !found.iter().any(|(p, _)| same_dir(p, &path)) {
                found.push((path, Some(origin.clone())));
            }
        } else {
            diags.push(
                Diagnostic::at(
                    Severity::Error,
                    origin,
                    format!("`{}` is not a journal folder (no journal.yaml)", rel.display()),
                )
                .help("list folders that hold a journal.yaml, relative to program.yaml"),
            );
        }
    }
    let mut members: Vec<Member> = Vec::new();
    for (path, origin) in found {
        let name = std::fs::canonicalize(&path)
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_default();
        let slug = slugify(&name);
        let slug = if slug.is_empty() { "journal".to_string() } else { slug };
        if let Some(other) = members.iter().find(|m| m.slug == slug) {
            let message = format!(
                "two journals would be published at `{slug}/`: `{}` and `{}`",
                other.dir.display(),
                path.display()
            );
            let d = match &origin {
                Some(o) => Diagnostic::at(Severity::Error, o, message),
                None => Diagnostic::file(Severity::Error, &path.join(JOURNAL_FILE), message),
            };
            diags.push(d.help("rename one of the folders: a journal's folder name is its address in the program"));
            continue;
        }
        // Listed paths such as `../../journal` are shown resolved in diagnostics.
        let dir = std::fs::canonicalize(&path).unwrap_or(path);
        members.push(Member { dir, slug });
    }
    members.sort_by(|a, b| a.slug.cmp(&b.slug));
    members
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
