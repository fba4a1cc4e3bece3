//! Reading an export file back: every earlier format version through its migration, every
//! response validated, and the merge by response id. Bad files give an [`ImportError`]
//! that says what and where; nothing here changes the citizen's history until [`merge`].

use std::collections::HashSet;

use serde::Deserialize;
use serde_json::error::Category;

use super::export::{Export, ExportedResponse, FORMAT, FORMAT_VERSION};
use super::history::History;
use super::progression::{Goal, Milestone, WorkWeek};
use super::response::{validate, Response, ValidationError};
use super::week::IsoWeek;

/// Files above this are refused before they are read: ten years of weekly answers with
/// notes are well under 2 MB.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// Why a file cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    /// Not JSON at all; where it stops being JSON.
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON that ends too early (a file cut off while copying).
    Truncated,
    /// Nested deeper than any export is.
    TooDeep,
    /// JSON, but not an Ugeblik export.
    NotAnExport,
    /// Another program's format.
    OtherFormat {
        format: String,
    },
    /// Made by a newer Ugeblik.
    TooNew {
        version: u32,
    },
    /// An export whose content has the wrong shape: a number where text belongs, a field
    /// no version ever had. `detail` is the parser's (English) description.
    Shape {
        line: usize,
        column: usize,
        detail: String,
    },
    /// Response `index` (from 1) is not valid.
    Invalid {
        index: usize,
        error: ValidationError,
    },
    /// Two responses share an id.
    DuplicateId {
        id: String,
        index: usize,
    },
    /// A goal, a week's work or a milestone is wrong: says which and why (in English).
    Progression(String),
}

/// What an import would do, shown before the citizen confirms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    pub responses: usize,
    pub weeks: usize,
    pub span: Option<(IsoWeek, IsoWeek)>,
    /// Responses this phone does not have yet.
    pub new: usize,
    /// Responses this phone already has, identical.
    pub unchanged: usize,
    /// Responses this phone has with different answers: the citizen decides.
    pub conflicts: Vec<Conflict>,
    pub nickname: Option<String>,
    /// How many goals, weeks of work and milestones the file has.
    pub goals: usize,
    pub work: usize,
    pub milestones: usize,
}

/// One response that differs between the phone and the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub id: String,
    pub week: IsoWeek,
    pub instrument: String,
    pub mine_authored: String,
    pub theirs_authored: String,
}

/// A file read and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub responses: Vec<Response>,
    pub nickname: Option<String>,
    pub goals: Vec<Goal>,
    pub work: Vec<WorkWeek>,
    pub milestones: Vec<Milestone>,
}

/// Only the head of a file, to learn which format and version it is before reading the
/// rest of it.
#[derive(Deserialize)]
struct Head {
    format: Option<String>,
    #[serde(rename = "formatVersion")]
    format_version: Option<u32>,
}

fn classify(error: &serde_json::Error) -> ImportError {
    match error.classify() {
        Category::Eof => ImportError::Truncated,
        _ if error.to_string().contains("recursion limit") => ImportError::TooDeep,
        Category::Syntax | Category::Io => ImportError::NotJson { line: error.line(), column: error.column() },
        Category::Data => ImportError::NotAnExport,
    }
}

/// Reads an export file: its version, the migration from older versions, every response
/// validated, ids unique.
pub fn read(text: &str) -> Result<Imported, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let head: Head = serde_json::from_str(text).map_err(|e| classify(&e))?;
    let format = head.format.ok_or(ImportError::NotAnExport)?;
    if format != FORMAT {
        return Err(ImportError::OtherFormat { format: format.chars().take(60).collect() });
    }
    let export: Export = match head.format_version {
        Some(version) if version > FORMAT_VERSION => return Err(ImportError::TooNew { version }),
        // Version 1 had no goals, work or milestones, version 2 no translations: each reads
        // as the newest without them.
        Some(1..=3) => serde_json::from_str(text).map_err(|e| ImportError::Shape {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        })?,
        _ => return Err(ImportError::NotAnExport),
    };
    let mut ids = HashSet::new();
    let mut responses = Vec::with_capacity(export.responses.len());
    for (n, exported) in export.responses.into_iter().enumerate() {
        let index = n + 1;
        let response = into_response(exported);
        validate(&response).map_err(|error| ImportError::Invalid { index, error })?;
        if !ids.insert(response.id.clone()) {
            return Err(ImportError::DuplicateId { id: response.id.chars().take(60).collect(), index });
        }
        responses.push(response);
    }
    let progression =
        History { responses: Vec::new(), goals: export.goals, work: export.work, milestones: export.milestones };
    progression.check_progression().map_err(|what| ImportError::Progression(what.chars().take(120).collect()))?;
    Ok(Imported {
        responses,
        nickname: export.nickname,
        goals: progression.goals,
        work: progression.work,
        milestones: progression.milestones,
    })
}

/// The stored form of an exported response. Recall and scores are derived from the
/// instrument and the answers, so they are not kept.
fn into_response(exported: ExportedResponse) -> Response {
    Response {
        id: exported.id,
        instrument: exported.instrument,
        version: exported.version,
        week: exported.week,
        authored: exported.authored,
        language: exported.language,
        status: exported.status,
        answers: exported.answers,
        note: exported.note,
    }
}

/// What importing `imported` into `history` would do.
pub fn preview(history: &History, imported: &Imported) -> Preview {
    let mut new = 0;
    let mut unchanged = 0;
    let mut conflicts = Vec::new();
    for theirs in &imported.responses {
        match history.responses.iter().find(|r| r.id == theirs.id) {
            None => new += 1,
            Some(mine) if mine == theirs => unchanged += 1,
            Some(mine) => conflicts.push(Conflict {
                id: theirs.id.clone(),
                week: theirs.week,
                instrument: theirs.instrument.clone(),
                mine_authored: mine.authored.clone(),
                theirs_authored: theirs.authored.clone(),
            }),
        }
    }
    let weeks: HashSet<IsoWeek> = imported.responses.iter().map(|r| r.week).collect();
    let span = weeks.iter().min().copied().zip(weeks.iter().max().copied());
    Preview {
        responses: imported.responses.len(),
        weeks: weeks.len(),
        span,
        new,
        unchanged,
        conflicts,
        nickname: imported.nickname.clone(),
        goals: imported.goals.len(),
        work: imported.work.len(),
        milestones: imported.milestones.len(),
    }
}

/// `history` with `imported` merged in by id: new responses are added; where both have a
/// response with the same id, the file's wins only if its id is in `take_theirs`.
pub fn merge(history: &History, imported: &Imported, take_theirs: &[String]) -> History {
    let mut merged = history.clone();
    for theirs in &imported.responses {
        let exists = merged.responses.iter().any(|r| r.id == theirs.id);
        if !exists || take_theirs.contains(&theirs.id) {
            merged.upsert(theirs.clone());
        }
    }
    merge_progression(&mut merged, imported);
    merged
}

/// Goals, weeks of work and milestones merge by id (by week for work): what only one side
/// has is kept; where both have it, the later changed wins, and a goal keeps every week's
/// evaluation from both sides (the later given, where both evaluated a week).
fn merge_progression(merged: &mut History, imported: &Imported) {
    for theirs in &imported.goals {
        match merged.goals.iter_mut().find(|g| g.id == theirs.id) {
            None => merged.goals.push(theirs.clone()),
            Some(mine) => {
                let checks = std::mem::take(&mut mine.checks);
                if theirs.authored > mine.authored {
                    *mine = Goal { checks: Vec::new(), ..theirs.clone() };
                }
                mine.checks = checks;
                for check in &theirs.checks {
                    match mine.check_for(check.week) {
                        Some(own) if own.authored >= check.authored => {}
                        _ => mine.evaluate(check.clone()),
                    }
                }
            }
        }
    }
    for theirs in &imported.work {
        let newer =
            merged.work.iter().find(|w| w.week == theirs.week).is_none_or(|mine| theirs.authored > mine.authored);
        if newer {
            merged.set_work(theirs.week, theirs.work.clone(), &theirs.authored);
        }
    }
    for theirs in &imported.milestones {
        match merged.milestones.iter_mut().find(|m| m.id == theirs.id) {
            None => merged.milestones.push(theirs.clone()),
            Some(mine) if theirs.authored > mine.authored => *mine = theirs.clone(),
            Some(_) => {}
        }
    }
}
