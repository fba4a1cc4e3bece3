//! The canonical export: everything the citizen has answered, lossless and versioned, for
//! the provider, a new phone or a new mentor. Its JSON Schema (`schema/`) is generated
//! from these types; `tests/export.rs` fails when the two drift apart.
//!
//! Never a CPR number: the only free identification is an optional nickname or case
//! number the citizen types.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::history::History;
use crate::domain::instrument::CATALOGUE;
use crate::domain::lang::Lang;
use crate::domain::progression::{Goal, Milestone, WorkWeek};
use crate::domain::rater::{self, Rater, Readings, RATED};
use crate::domain::response::{who5_score, Response, Status};
use crate::domain::week::IsoWeek;

/// The format's name, in every file.
pub const FORMAT: &str = "ugeblik-export";
/// The newest format version. Bump it when the format changes, keep a fixture of the old
/// one in `tests/fixtures/`, and add its migration to the import.
pub const FORMAT_VERSION: u32 = 4;
// Version 2 added `goals`, `work` and `milestones`; a version 1 file reads with none.
// Version 3 added the instruments' `translations`. Version 4 added every response's
// `rater`; a file of an older version holds the citizen's own answers only.

/// A whole export file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Export {
    /// Always `ugeblik-export`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = "ugeblik-export")))]
    pub format: String,
    /// The format version; a reader refuses a newer one.
    pub format_version: u32,
    /// When the file was made, RFC 3339 in UTC.
    pub exported: String,
    /// The version of Ugeblik that made it.
    pub app_version: String,
    /// A nickname or case number the citizen chose to add. Never a CPR number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// Every instrument version the responses use.
    pub instruments: Vec<InstrumentInfo>,
    /// Every response, oldest week first: the citizen's own and, from format 4, others'
    /// readings of the citizen, each with its `rater`.
    pub responses: Vec<ExportedResponse>,
    /// Sub-goals, open and closed, each with its weekly evaluations (format 2).
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// The work of each week: hours planned and worked in minutes, days (format 2).
    #[serde(default)]
    pub work: Vec<WorkWeek>,
    /// Dated events: placements started and ended, hours changed, new mentor (format 2).
    #[serde(default)]
    pub milestones: Vec<Milestone>,
}

/// What an instrument version is and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InstrumentInfo {
    pub id: String,
    pub version: String,
    /// Its name in English.
    pub name: String,
    pub source: String,
    /// Whether it is a validated measure (only the WHO-5 is).
    pub validated: bool,
    /// Its texts' translations beyond the Danish and English originals, and whether each
    /// has been reviewed (new in format 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<TranslationInfo>,
}

/// A translation of an instrument's texts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TranslationInfo {
    pub language: Lang,
    /// `false`: translated, but nobody has checked the translation yet.
    pub reviewed: bool,
}

/// One response, with its recall period and computed scores.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExportedResponse {
    /// A UUID; responses merge by it.
    pub id: String,
    pub instrument: String,
    pub version: String,
    /// The ISO week the answers are about, such as `2026-W47`.
    pub week: IsoWeek,
    /// The period the questions asked about: `P2W` (the last two weeks) or `P1W` (this week).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("enum" = ["P2W", "P1W"])))]
    pub recall: String,
    /// When the answers were last given, RFC 3339 in UTC.
    pub authored: String,
    /// The language the questions were shown in.
    pub language: Lang,
    pub status: Status,
    /// Answer values by item `linkId`; a skipped item is absent.
    pub answers: BTreeMap<String, u8>,
    /// Scores computed from the answers (the WHO-5's, when complete); never an invented total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scores: Option<Scores>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Who gave the answers (format 4; every response has it): the citizen, or a
    /// consultant, mentor or employer rating them. Absent in older files: the citizen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rater: Option<Rater>,
}

/// The WHO-5 score of a complete response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scores {
    /// Sum of the five answers, 0–25.
    pub who5_raw: u8,
    /// `who5Raw × 4`, 0–100.
    pub who5_percent: u8,
}

/// The export of `history` and of others' `readings` of the citizen, made at `exported`
/// (RFC 3339) by app version `app_version`.
pub fn export(
    history: &History,
    readings: &Readings,
    exported: &str,
    app_version: &str,
    nickname: Option<&str>,
) -> Export {
    let citizen = Rater::citizen();
    let mut responses: Vec<(&Response, &Rater)> = history.responses.iter().map(|r| (r, &citizen)).collect();
    responses.extend(readings.readings.iter().map(|r| (&r.response, &r.rater)));
    // Week by week, each week's instruments in the catalogue's order (WHO-5, CHIME, job),
    // then the readings by others.
    let order = |id: &str| CATALOGUE.iter().chain(&RATED).position(|c| c.id == id).unwrap_or(usize::MAX);
    responses.sort_by(|(a, _), (b, _)| {
        (a.week, order(&a.instrument), &a.authored).cmp(&(b.week, order(&b.instrument), &b.authored))
    });
    let mut instruments: Vec<InstrumentInfo> = Vec::new();
    let exported_responses = responses
        .into_iter()
        .map(|(r, by)| {
            let known = rater::find_any(&r.instrument, &r.version).ok();
            if let Some(i) = known {
                if !instruments.iter().any(|x| x.id == i.id && x.version == i.version) {
                    instruments.push(InstrumentInfo {
                        id: i.id.to_owned(),
                        version: i.version.to_owned(),
                        name: i.name.en.to_owned(),
                        source: i.source.to_owned(),
                        validated: i.validated,
                        translations: i
                            .translations
                            .iter()
                            .map(|t| TranslationInfo { language: t.lang, reviewed: t.reviewed })
                            .collect(),
                    });
                }
            }
            ExportedResponse {
                id: r.id.clone(),
                instrument: r.instrument.clone(),
                version: r.version.clone(),
                week: r.week,
                recall: known.map_or("", |i| i.recall.code()).to_owned(),
                authored: r.authored.clone(),
                language: r.language,
                status: r.status,
                answers: r.answers.clone(),
                scores: who5_score(r).map(|s| Scores { who5_raw: s.raw, who5_percent: s.percent }),
                note: r.note.clone(),
                rater: Some(by.clone()),
            }
        })
        .collect();
    // The catalogue's order, so that files are stable.
    instruments.sort_by_key(|i| CATALOGUE.iter().chain(&RATED).position(|c| c.id == i.id && c.version == i.version));
    Export {
        format: FORMAT.to_owned(),
        format_version: FORMAT_VERSION,
        exported: exported.to_owned(),
        app_version: app_version.to_owned(),
        nickname: nickname.map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned),
        instruments,
        responses: exported_responses,
        goals: history.goals.clone(),
        work: history.work.clone(),
        milestones: history.milestones_by_week().into_iter().map(|(_, m)| m.clone()).collect(),
    }
}

/// The export as the JSON text of the file (pretty-printed: people open these files).
pub fn to_json(export: &Export) -> String {
    serde_json::to_string_pretty(export).unwrap_or_default()
}

/// The file name: `ugeblik-2026-W47.json`, or with the nickname's safe characters.
pub fn file_name(export: &Export, this_week: IsoWeek, extension: &str) -> String {
    let nick: String = export
        .nickname
        .as_deref()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(24)
        .collect();
    if nick.is_empty() {
        format!("ugeblik-{this_week}.{extension}")
    } else {
        format!("ugeblik-{nick}-{this_week}.{extension}")
    }
}
