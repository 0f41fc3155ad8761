//! `program.json`: the program and one summary per journal, with the path of its
//! `journal.json` for the full model (docs/program.schema.json). Serialised straight from
//! borrowed views; fields are declared in alphabetical order, so the keys come out sorted.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::program::JournalSummary;
use crate::render::labels::date_iso;
use crate::render::links::{JOURNAL_JSON, Linker, Page};
use crate::render::outputs::journal_json::SCHEMA_VERSION;

/// The program itself, as `program.json` names it.
#[derive(Serialize)]
pub struct ProgramMeta<'a> {
    /// The language of its pages.
    pub language: &'a str,
    /// Who leads it.
    pub lead: &'a str,
    /// Its title.
    pub title: &'a str,
}

#[derive(Serialize)]
struct ProgramJson<'a> {
    build_date: String,
    generator: &'static str,
    journals: Vec<JournalJson<'a>>,
    program: ProgramMeta<'a>,
    schema_version: u32,
}

#[derive(Serialize)]
struct JournalJson<'a> {
    average_progress: Option<u8>,
    cadence_days: u32,
    days_since_last: Option<i64>,
    first_session: Option<String>,
    follow_through: Option<u8>,
    goals_achieved: usize,
    goals_by_horizon: Vec<HorizonJson>,
    health: &'static str,
    home: String,
    journal_json: String,
    last_session: Option<String>,
    mentee: &'a str,
    mentor: &'a str,
    open_commitments: usize,
    overdue_commitments: usize,
    sessions_held: usize,
    slug: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct HorizonJson {
    average_progress: Option<u8>,
    goals: usize,
    horizon: &'static str,
}

/// `program.json`, pretty-printed. `home` and `journal_json` are links relative to it,
/// percent-encoded like every other link of the site.
pub fn program_json(program: ProgramMeta<'_>, summaries: &[JournalSummary], today: NaiveDate) -> String {
    let journals = summaries
        .iter()
        .map(|s| {
            let folder = Linker::into_folder(&s.slug);
            JournalJson {
                average_progress: s.average_progress,
                cadence_days: s.cadence,
                days_since_last: s.days_since_last,
                first_session: s.first.map(date_iso),
                follow_through: s.follow_through,
                goals_achieved: s.goals_achieved,
                goals_by_horizon: s
                    .horizons
                    .iter()
                    .map(|h| HorizonJson {
                        average_progress: h.average_progress,
                        goals: h.goals,
                        horizon: h.horizon.key(),
                    })
                    .collect(),
                health: s.health.key(),
                home: folder.to(Page::Home.file()),
                journal_json: folder.to(JOURNAL_JSON),
                last_session: s.last.map(date_iso),
                mentee: &s.mentee,
                mentor: &s.mentor,
                open_commitments: s.open,
                overdue_commitments: s.overdue,
                sessions_held: s.sessions_held,
                slug: &s.slug,
                title: &s.title,
            }
        })
        .collect();
    let view = ProgramJson {
        build_date: date_iso(today),
        generator: "mentorlog",
        journals,
        program,
        schema_version: SCHEMA_VERSION,
    };
    serde_json::to_string_pretty(&view).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::goal::Horizon;
    use crate::model::program::HorizonSummary;
    use crate::model::timeline::Health;

    fn summary(slug: &str) -> JournalSummary {
        JournalSummary {
            slug: slug.to_string(),
            title: "Sam & Dana".to_string(),
            mentor: "Sam".to_string(),
            mentee: "Dana".to_string(),
            cadence: 14,
            sessions_held: 0,
            first: None,
            last: None,
            days_since_last: None,
            health: Health::NotStarted,
            horizons: vec![HorizonSummary {
                horizon: Horizon::Career,
                goals: 1,
                average_progress: None,
            }],
            average_progress: None,
            goals_achieved: 0,
            open: 0,
            overdue: 0,
            follow_through: None,
            per_month: std::collections::BTreeMap::new(),
        }
    }

    fn json(slug: &str) -> serde_json::Value {
        let meta = ProgramMeta {
            language: "en",
            lead: "Ana",
            title: "Cohort",
        };
        let date = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap_or_default();
        serde_json::from_str(&program_json(meta, &[summary(slug)], date)).unwrap_or_default()
    }

    #[test]
    fn a_journal_s_links_are_percent_encoded_like_the_sitemap_s() {
        let value = json("café");
        assert_eq!(value["journals"][0]["slug"], "café");
        assert_eq!(value["journals"][0]["home"], "caf%C3%A9/index.html");
        assert_eq!(value["journals"][0]["journal_json"], "caf%C3%A9/journal.json");
    }

    #[test]
    fn keys_come_out_sorted_as_the_schema_lists_them() {
        let text = program_json(
            ProgramMeta {
                language: "en",
                lead: "Ana",
                title: "Cohort",
            },
            &[summary("a")],
            NaiveDate::from_ymd_opt(2026, 12, 2).unwrap_or_default(),
        );
        let keys = |v: &serde_json::Value| -> Vec<String> {
            v.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default()
        };
        let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(
            keys(&value),
            ["build_date", "generator", "journals", "program", "schema_version"]
        );
        // serde_json's map is sorted: parsing back cannot show the order, the text does.
        let order: Vec<usize> = keys(&value["journals"][0])
            .iter()
            .filter_map(|k| text.find(&format!("\"{k}\":")))
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
        assert!(text.ends_with("}\n") && text.contains("\n  \"build_date\": \"2026-12-02\""));
        assert_eq!(json("a")["journals"][0]["goals_by_horizon"][0]["horizon"], "career");
    }
}
