//! Reading an export file back: every earlier format version through its migration, every
//! response validated, and the merge by response id. Bad files give an [`ImportError`]
//! that says what and where; nothing here changes the citizen's history until [`merge`].

// An `ImportError` says where and what in words (a few strings): it is made once per file
// refused, so its size costs nothing worth boxing it for.
#![allow(clippy::result_large_err)]

use std::collections::HashSet;

use serde::Deserialize;
use serde_json::error::Category;

use crate::domain::history::History;
use crate::domain::progression::{parse_date, Goal, Milestone, ProgressError, WorkWeek};
use crate::domain::rater::{self, Rater, Reading, ReadingError, Readings};
use crate::domain::response::{normalize_time, Response, ValidationError};
use crate::domain::week::{IsoWeek, WeekError, FIRST_YEAR, LAST_YEAR};
use crate::formats::export::{Export, ExportedResponse, FORMAT, FORMAT_VERSION};

/// Files above this are refused before they are read: ten years of weekly answers with
/// notes are well under 2 MB.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// Where in a file a problem is, named the way a citizen knows the thing: the answers of
/// a week, a goal by its words, a week's work, a milestone by its date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The file's own fields.
    File,
    /// The `index`th (from 1) description of a questionnaire.
    Instrument { index: usize },
    /// The `index`th response: its week and questionnaire, where the file says them.
    Response { index: usize, week: Option<IsoWeek>, instrument: Option<String> },
    /// The `index`th goal, by its words where it has them.
    Goal { index: usize, what: Option<String> },
    /// A goal's answer for a week.
    Check { goal: Box<Place>, week: Option<IsoWeek> },
    /// The `index`th week's work.
    Work { index: usize, week: Option<IsoWeek> },
    /// The `index`th milestone, by its date where it has one.
    Milestone { index: usize, date: Option<String> },
}

/// What a field should hold, said to the citizen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    /// A whole number from 0 to `max`.
    Whole {
        max: u64,
    },
    /// `true` or `false`.
    YesNo,
    /// An ISO week like `2026-W47`.
    Week,
    /// An RFC 3339 time like `2026-11-20T10:00:00Z`.
    Time,
    /// A language code.
    Lang,
    /// One of these words.
    OneOf(&'static [&'static str]),
    /// A list.
    List,
    /// A group of named fields.
    Fields,
}

/// A field of a file, as the citizen finds it: by its name in the file, or the answer to
/// a question by the question's id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Key(String),
    Answer(String),
}

/// Why a file cannot be imported. Each says where (a [`Place`]) and what, so that the
/// citizen reads which week, which question or field and what was expected.
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
    /// A field holds the wrong kind of value (`found` is the value as the file has it,
    /// shortened).
    Wrong {
        place: Place,
        field: Field,
        expected: Expected,
        found: String,
    },
    /// A field every file has is missing.
    Missing {
        place: Place,
        field: Field,
    },
    /// A field no version of the format ever had.
    Unknown {
        place: Place,
        field: Field,
    },
    /// A week or date outside the years Ugeblik shows.
    OutOfRange {
        place: Place,
        field: Field,
        found: String,
    },
    /// An export whose content has the wrong shape where no field could be named (never
    /// expected: every shape error is placed first). `detail` is the parser's (English).
    Shape {
        line: usize,
        column: usize,
        detail: String,
    },
    /// A response is not valid.
    Invalid {
        place: Place,
        error: ValidationError,
    },
    /// Two responses, goals or milestones share an id, or two weeks' work a week.
    Duplicate {
        place: Place,
    },
    /// A goal, a week's work or a milestone is wrong.
    Progression {
        place: Place,
        error: ProgressError,
    },
    /// A response whose rater may not give it: WHO-5 or CHIME answered by someone other
    /// than the citizen, another's instrument marked as the citizen's own, a rater's name
    /// that is not initials or a first name.
    Rater {
        place: Place,
        error: ReadingError,
    },
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
    /// The goals, weeks of work and milestones this phone does not have: they are added.
    pub new_goals: Vec<Goal>,
    pub new_work: Vec<IsoWeek>,
    pub new_milestones: Vec<Milestone>,
    /// Weekly answers to goals this phone has, for weeks it has no answer: they are added.
    pub new_checks: usize,
    /// Goals, weeks of work and milestones this phone has otherwise: the citizen decides.
    pub changes: Vec<Change>,
    /// Others' readings of the citizen in the file, and those this phone does not have
    /// (nor had deleted): they are added when the citizen chooses to keep them.
    pub readings: usize,
    pub new_readings: Vec<Reading>,
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

/// A goal, a week's work or a milestone that differs between the phone and the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// What the citizen ticks to take the file's: [`goal_key`], [`work_key`] or
    /// [`milestone_key`], passed to [`merge`] with the responses' ids.
    pub key: String,
    pub what: Changed,
    pub mine_authored: String,
    pub theirs_authored: String,
}

/// Which thing differs, as the file has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Changed {
    Goal(Goal),
    Work(WorkWeek),
    Milestone(Milestone),
}

/// The choice that takes the file's goal `id` ([`merge`]).
pub fn goal_key(id: &str) -> String {
    format!("goal:{id}")
}

/// The choice that takes the file's work of `week`.
pub fn work_key(week: IsoWeek) -> String {
    format!("work:{week}")
}

/// The choice that takes the file's milestone `id`.
pub fn milestone_key(id: &str) -> String {
    format!("milestone:{id}")
}

/// A file read and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The citizen's own answers.
    pub responses: Vec<Response>,
    /// Others' readings of the citizen (format 4).
    pub readings: Vec<Reading>,
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
/// validated, ids unique, every week in the years Ugeblik shows and every time a real
/// RFC 3339 time (kept as this app writes times: UTC, whole seconds).
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
        // Version 1 had no goals, work or milestones, version 2 no translations, version 3
        // no raters (only the citizen's own answers): each reads as the newest without them.
        Some(1..=FORMAT_VERSION) => serde_json::from_str(text).map_err(|e| {
            explain(text).unwrap_or(ImportError::Shape { line: e.line(), column: e.column(), detail: e.to_string() })
        })?,
        _ => return Err(ImportError::NotAnExport),
    };
    checked(export)
}

/// `text` shortened to `max` characters, with an ellipsis where it was cut.
fn short(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let mut cut: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        cut.push('…');
    }
    cut
}

fn key(name: &str) -> Field {
    Field::Key(name.to_owned())
}

fn in_range(place: &Place, field: &str, week: IsoWeek) -> Result<(), ImportError> {
    if week.in_range() {
        return Ok(());
    }
    Err(ImportError::OutOfRange { place: place.clone(), field: key(field), found: week.to_string() })
}

fn date_in_range(place: &Place, field: &str, date: &str) -> Result<(), ImportError> {
    match parse_date(date) {
        Some(day) if !(FIRST_YEAR..=LAST_YEAR).contains(&day.year()) => {
            Err(ImportError::OutOfRange { place: place.clone(), field: key(field), found: date.to_owned() })
        }
        _ => Ok(()),
    }
}

/// The `authored` time, checked and written as this app writes times.
fn time(place: &Place, text: &str) -> Result<String, ImportError> {
    normalize_time(text).ok_or_else(|| ImportError::Wrong {
        place: place.clone(),
        field: key("authored"),
        expected: Expected::Time,
        found: found(&serde_json::Value::String(text.to_owned())),
    })
}

/// What an export holds, checked beyond its shape.
fn checked(export: Export) -> Result<Imported, ImportError> {
    let mut ids = HashSet::new();
    let mut responses = Vec::with_capacity(export.responses.len());
    let mut readings = Vec::new();
    for (n, exported) in export.responses.into_iter().enumerate() {
        let place = Place::Response {
            index: n + 1,
            week: Some(exported.week),
            instrument: Some(short(&exported.instrument, 40)),
        };
        in_range(&place, "week", exported.week)?;
        let rater = exported.rater.clone().unwrap_or_else(Rater::citizen);
        let mut response = into_response(exported);
        response.authored = time(&place, &response.authored)?;
        rater::check(&rater, &response).map_err(|error| match error {
            ReadingError::Response(error) => ImportError::Invalid { place: place.clone(), error },
            error => ImportError::Rater { place: place.clone(), error },
        })?;
        if !ids.insert(response.id.clone()) {
            return Err(ImportError::Duplicate { place });
        }
        if rater.is_citizen() {
            responses.push(response);
        } else {
            let name = rater.name.as_deref().and_then(|n| rater::name(n).ok().flatten());
            readings.push(Reading { rater: Rater { name, ..rater }, response, hidden: false });
        }
    }
    let mut goals = export.goals;
    for n in 0..goals.len() {
        let place = Place::Goal { index: n + 1, what: Some(short(&goals[n].what, 60)) };
        if goals[..n].iter().any(|g| g.id == goals[n].id) {
            return Err(ImportError::Duplicate { place });
        }
        let goal = &mut goals[n];
        goal.validate().map_err(|error| ImportError::Progression { place: place.clone(), error })?;
        in_range(&place, "set", goal.set)?;
        if let Some(closed) = &goal.closed {
            in_range(&place, "closed.week", closed.week)?;
        }
        date_in_range(&place, "by", goal.by.as_deref().unwrap_or(""))?;
        goal.authored = time(&place, &goal.authored)?;
        for check in &mut goal.checks {
            let place = Place::Check { goal: Box::new(place.clone()), week: Some(check.week) };
            in_range(&place, "week", check.week)?;
            check.authored = time(&place, &check.authored)?;
        }
    }
    let mut work = export.work;
    for n in 0..work.len() {
        let place = Place::Work { index: n + 1, week: Some(work[n].week) };
        if work[..n].iter().any(|w| w.week == work[n].week) {
            return Err(ImportError::Duplicate { place });
        }
        let week = &mut work[n];
        in_range(&place, "week", week.week)?;
        week.work.validate().map_err(|error| ImportError::Progression { place: place.clone(), error })?;
        week.authored = time(&place, &week.authored)?;
    }
    let mut milestones = export.milestones;
    for n in 0..milestones.len() {
        let date = Some(milestones[n].date.clone()).filter(|d| parse_date(d).is_some());
        let place = Place::Milestone { index: n + 1, date };
        if milestones[..n].iter().any(|m| m.id == milestones[n].id) {
            return Err(ImportError::Duplicate { place });
        }
        let milestone = &mut milestones[n];
        milestone.validate().map_err(|error| ImportError::Progression { place: place.clone(), error })?;
        date_in_range(&place, "date", &milestone.date)?;
        milestone.authored = time(&place, &milestone.authored)?;
    }
    Ok(Imported { responses, readings, nickname: export.nickname, goals, work, milestones })
}

/// A value as the file has it, shortened, for a message: text in quotes, a list or a
/// group of fields as `[…]` and `{…}`.
fn found(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::String(text) => format!("\"{}\"", short(text, 40)),
        Value::Array(_) => "[…]".to_owned(),
        Value::Object(_) => "{…}".to_owned(),
        other => short(&other.to_string(), 40),
    }
}

/// What a field of the format holds, for [`explain`].
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Whole(u64),
    YesNo,
    Week,
    Lang,
    OneOf(&'static [&'static str]),
    List(Section),
    Object(&'static [Spec]),
    /// A response's answers: question id → whole number on the question's scale.
    Answers,
}

/// The lists of the format, each with its own way of naming an element.
#[derive(Clone, Copy)]
enum Section {
    Instruments,
    Translations,
    Responses,
    Goals,
    Checks,
    Work,
    Milestones,
}

#[derive(Clone, Copy, PartialEq)]
enum Need {
    Required,
    /// May be left out, but not `null`.
    Optional,
    /// May be left out or `null`.
    Nullable,
}

/// A field of the format: the serde types of `export.rs` and `progression.rs`, said again
/// as data, so that a file that does not fit them can be told where and how.
struct Spec(&'static str, Kind, Need);

use Need::{Nullable, Optional, Required};
const U8: u64 = u8::MAX as u64;
const U32: u64 = u32::MAX as u64;

static FILE: [Spec; 10] = [
    Spec("format", Kind::Text, Required),
    Spec("formatVersion", Kind::Whole(U32), Required),
    Spec("exported", Kind::Text, Required),
    Spec("appVersion", Kind::Text, Required),
    Spec("nickname", Kind::Text, Nullable),
    Spec("instruments", Kind::List(Section::Instruments), Required),
    Spec("responses", Kind::List(Section::Responses), Required),
    Spec("goals", Kind::List(Section::Goals), Optional),
    Spec("work", Kind::List(Section::Work), Optional),
    Spec("milestones", Kind::List(Section::Milestones), Optional),
];
static INSTRUMENT: [Spec; 6] = [
    Spec("id", Kind::Text, Required),
    Spec("version", Kind::Text, Required),
    Spec("name", Kind::Text, Required),
    Spec("source", Kind::Text, Required),
    Spec("validated", Kind::YesNo, Required),
    Spec("translations", Kind::List(Section::Translations), Optional),
];
static TRANSLATION: [Spec; 2] = [Spec("language", Kind::Lang, Required), Spec("reviewed", Kind::YesNo, Required)];
static RESPONSE: [Spec; 12] = [
    Spec("id", Kind::Text, Required),
    Spec("instrument", Kind::Text, Required),
    Spec("version", Kind::Text, Required),
    Spec("week", Kind::Week, Required),
    Spec("recall", Kind::Text, Required),
    Spec("authored", Kind::Text, Required),
    Spec("language", Kind::Lang, Required),
    Spec("status", Kind::OneOf(&["complete", "partial"]), Required),
    Spec("answers", Kind::Answers, Required),
    Spec("scores", Kind::Object(&SCORES), Nullable),
    Spec("note", Kind::Text, Nullable),
    Spec("rater", Kind::Object(&RATER), Nullable),
];
static RATER: [Spec; 2] = [
    Spec("role", Kind::OneOf(&["citizen", "consultant", "mentor", "employer"]), Required),
    Spec("name", Kind::Text, Nullable),
];
static SCORES: [Spec; 2] = [Spec("who5Raw", Kind::Whole(U8), Required), Spec("who5Percent", Kind::Whole(U8), Required)];
static GOAL: [Spec; 9] = [
    Spec("id", Kind::Text, Required),
    Spec("what", Kind::Text, Required),
    Spec("measure", Kind::Text, Required),
    Spec("by", Kind::Text, Nullable),
    Spec("set", Kind::Week, Required),
    Spec("authored", Kind::Text, Required),
    Spec("closed", Kind::Object(&CLOSED), Nullable),
    Spec("replaces", Kind::Text, Nullable),
    Spec("checks", Kind::List(Section::Checks), Optional),
];
static CLOSED: [Spec; 2] =
    [Spec("week", Kind::Week, Required), Spec("outcome", Kind::OneOf(&["reached", "changed", "dropped"]), Required)];
static CHECK: [Spec; 4] = [
    Spec("week", Kind::Week, Required),
    Spec("kept", Kind::OneOf(&["yes", "partly", "no"]), Required),
    Spec("note", Kind::Text, Nullable),
    Spec("authored", Kind::Text, Required),
];
static WORK_WEEK: [Spec; 3] = [
    Spec("week", Kind::Week, Required),
    Spec("work", Kind::Object(&WORK), Required),
    Spec("authored", Kind::Text, Required),
];
static WORK: [Spec; 5] = [
    Spec("plannedMinutes", Kind::Whole(U32), Nullable),
    Spec("workedMinutes", Kind::Whole(U32), Nullable),
    Spec("daysPlanned", Kind::Whole(U8), Nullable),
    Spec("daysAttended", Kind::Whole(U8), Nullable),
    Spec("absence", Kind::OneOf(&["ill", "other", "rather-not-say"]), Nullable),
];
static MILESTONE: [Spec; 5] = [
    Spec("id", Kind::Text, Required),
    Spec("date", Kind::Text, Required),
    Spec(
        "kind",
        Kind::OneOf(&["placement-started", "hours-changed", "placement-ended", "new-mentor", "other"]),
        Required,
    ),
    Spec("text", Kind::Text, Nullable),
    Spec("authored", Kind::Text, Required),
];

impl Section {
    fn specs(self) -> &'static [Spec] {
        match self {
            Section::Instruments => &INSTRUMENT,
            Section::Translations => &TRANSLATION,
            Section::Responses => &RESPONSE,
            Section::Goals => &GOAL,
            Section::Checks => &CHECK,
            Section::Work => &WORK_WEEK,
            Section::Milestones => &MILESTONE,
        }
    }

    /// Where the `index`th element (from 1) of this list is, named by what it says of itself.
    fn place(self, index: usize, item: &serde_json::Value, parent: &Place) -> Place {
        let text = |key: &str| item.get(key).and_then(serde_json::Value::as_str);
        let week = |key: &str| text(key).and_then(|t| t.parse::<IsoWeek>().ok());
        match self {
            Section::Instruments => Place::Instrument { index },
            Section::Translations => parent.clone(),
            Section::Responses => {
                Place::Response { index, week: week("week"), instrument: text("instrument").map(|t| short(t, 40)) }
            }
            Section::Goals => Place::Goal { index, what: text("what").map(|t| short(t, 60)) },
            Section::Checks => Place::Check { goal: Box::new(parent.clone()), week: week("week") },
            Section::Work => Place::Work { index, week: week("week") },
            Section::Milestones => {
                Place::Milestone { index, date: text("date").filter(|d| parse_date(d).is_some()).map(str::to_owned) }
            }
        }
    }
}

impl Kind {
    fn expected(self) -> Expected {
        match self {
            Kind::Text => Expected::Text,
            Kind::Whole(max) => Expected::Whole { max },
            Kind::YesNo => Expected::YesNo,
            Kind::Week => Expected::Week,
            Kind::Lang => Expected::Lang,
            Kind::OneOf(words) => Expected::OneOf(words),
            Kind::List(_) => Expected::List,
            Kind::Object(_) | Kind::Answers => Expected::Fields,
        }
    }

    fn fits(self, value: &serde_json::Value) -> bool {
        match self {
            Kind::Text => value.is_string(),
            Kind::Whole(max) => value.as_u64().is_some_and(|n| n <= max),
            Kind::YesNo => value.is_boolean(),
            Kind::Week => value.as_str().is_some_and(|t| t.parse::<IsoWeek>().is_ok()),
            Kind::Lang => serde_json::from_value::<crate::domain::lang::Lang>(value.clone()).is_ok(),
            Kind::OneOf(words) => value.as_str().is_some_and(|t| words.contains(&t)),
            Kind::List(_) => value.is_array(),
            Kind::Object(_) | Kind::Answers => value.is_object(),
        }
    }
}

/// Where and how a file that serde refused differs from the format: the first field, in
/// the file's order, that is missing, unknown or of the wrong kind. `None` when it finds
/// nothing (then the parser's line and column are all there is to say).
fn explain(text: &str) -> Option<ImportError> {
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        // Nested deeper than the parser goes (an unknown field's value, skipped unread).
        Err(error) => return Some(classify(&error)),
    };
    value.is_object().then(|| object(&value, &FILE, &Place::File, "").err()).flatten()
}

fn object(value: &serde_json::Value, specs: &'static [Spec], place: &Place, prefix: &str) -> Result<(), ImportError> {
    let Some(map) = value.as_object() else { return Ok(()) };
    let named = |name: &str| Field::Key(format!("{prefix}{name}"));
    if let Some(unknown) = map.keys().find(|k| !specs.iter().any(|s| s.0 == k.as_str())) {
        return Err(ImportError::Unknown { place: place.clone(), field: named(unknown) });
    }
    for Spec(name, kind, need) in specs {
        let value = match (map.get(*name), need) {
            (None, Required) => return Err(ImportError::Missing { place: place.clone(), field: named(name) }),
            (None, _) | (Some(serde_json::Value::Null), Nullable) => continue,
            (Some(value), _) => value,
        };
        if !kind.fits(value) {
            // A week of a year beyond any date (9999-W52 ends in year 10000) is out of range.
            if let (Kind::Week, Some(Err(WeekError::NoSuchWeek { year, .. }))) =
                (kind, value.as_str().map(str::parse::<IsoWeek>))
            {
                if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
                    let found = value.as_str().unwrap_or_default().to_owned();
                    return Err(ImportError::OutOfRange { place: place.clone(), field: named(name), found });
                }
            }
            let (expected, found) = (kind.expected(), found(value));
            return Err(ImportError::Wrong { place: place.clone(), field: named(name), expected, found });
        }
        match kind {
            Kind::List(section) => {
                for (n, item) in value.as_array().into_iter().flatten().enumerate() {
                    let inner = section.place(n + 1, item, place);
                    if !item.is_object() {
                        let (expected, found) = (Expected::Fields, found(item));
                        return Err(ImportError::Wrong { place: inner, field: named(name), expected, found });
                    }
                    object(item, section.specs(), &inner, "")?;
                }
            }
            Kind::Object(inner) => object(value, inner, place, &format!("{prefix}{name}."))?,
            Kind::Answers => answers(map, value, place)?,
            _ => {}
        }
    }
    Ok(())
}

/// A response's answers: each a whole number, on its question's scale where the
/// questionnaire is known (the range itself is checked after reading).
fn answers(
    response: &serde_json::Map<String, serde_json::Value>,
    answers: &serde_json::Value,
    place: &Place,
) -> Result<(), ImportError> {
    let text = |key: &str| response.get(key).and_then(serde_json::Value::as_str).unwrap_or("");
    let known = rater::find_any(text("instrument"), text("version")).ok();
    for (link_id, value) in answers.as_object().into_iter().flatten() {
        if !Kind::Whole(U8).fits(value) {
            let max = known.and_then(|i| i.item(link_id)).map_or(U8, |item| u64::from(item.scale.bounds().1));
            let (field, expected) = (Field::Answer(short(link_id, 40)), Expected::Whole { max });
            return Err(ImportError::Wrong { place: place.clone(), field, expected, found: found(value) });
        }
    }
    Ok(())
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
pub fn preview(history: &History, readings: &Readings, imported: &Imported) -> Preview {
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
    let mut preview = Preview {
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
        new_goals: Vec::new(),
        new_work: Vec::new(),
        new_milestones: Vec::new(),
        new_checks: 0,
        changes: Vec::new(),
        readings: imported.readings.len(),
        new_readings: imported
            .readings
            .iter()
            .filter(|r| {
                let id = &r.response.id;
                !readings.deleted.contains(id) && !readings.readings.iter().any(|mine| &mine.response.id == id)
            })
            .cloned()
            .collect(),
    };
    preview_progression(history, imported, &mut preview);
    preview
}

/// A goal's own fields, without when it was changed and its weekly answers.
fn goal_fields(goal: &Goal) -> Goal {
    Goal { authored: String::new(), checks: Vec::new(), ..goal.clone() }
}

/// Whether two milestones say the same (when each was written aside).
fn same_milestone(a: &Milestone, b: &Milestone) -> bool {
    (&a.date, a.kind, &a.text) == (&b.date, b.kind, &b.text)
}

fn preview_progression(history: &History, imported: &Imported, preview: &mut Preview) {
    for theirs in &imported.goals {
        let Some(mine) = history.goals.iter().find(|g| g.id == theirs.id) else {
            preview.new_goals.push(theirs.clone());
            continue;
        };
        let added = theirs.checks.iter().filter(|c| mine.check_for(c.week).is_none()).count();
        preview.new_checks += added;
        let differs = goal_fields(mine) != goal_fields(theirs)
            || theirs
                .checks
                .iter()
                .any(|c| mine.check_for(c.week).is_some_and(|own| (own.kept, &own.note) != (c.kept, &c.note)));
        if differs {
            preview.changes.push(Change {
                key: goal_key(&theirs.id),
                what: Changed::Goal(theirs.clone()),
                mine_authored: mine.authored.clone(),
                theirs_authored: theirs.authored.clone(),
            });
        }
    }
    for theirs in &imported.work {
        match history.work.iter().find(|w| w.week == theirs.week) {
            None => preview.new_work.push(theirs.week),
            Some(mine) if mine.work == theirs.work => {}
            Some(mine) => preview.changes.push(Change {
                key: work_key(theirs.week),
                what: Changed::Work(theirs.clone()),
                mine_authored: mine.authored.clone(),
                theirs_authored: theirs.authored.clone(),
            }),
        }
    }
    for theirs in &imported.milestones {
        match history.milestones.iter().find(|m| m.id == theirs.id) {
            None => preview.new_milestones.push(theirs.clone()),
            Some(mine) if same_milestone(mine, theirs) => {}
            Some(mine) => preview.changes.push(Change {
                key: milestone_key(&theirs.id),
                what: Changed::Milestone(theirs.clone()),
                mine_authored: mine.authored.clone(),
                theirs_authored: theirs.authored.clone(),
            }),
        }
    }
}

/// `history` with `imported` merged in: what only the file has is added (responses,
/// goals, a goal's answers for weeks without one, weeks of work, milestones); where both
/// have a thing and it differs, the file's is taken only if the citizen chose it: its
/// response id, or its [`goal_key`], [`work_key`] or [`milestone_key`], is in
/// `take_theirs`. Nothing is decided by comparing times a file may have made up.
pub fn merge(history: &History, imported: &Imported, take_theirs: &[String]) -> History {
    let mut merged = history.clone();
    for theirs in &imported.responses {
        let exists = merged.responses.iter().any(|r| r.id == theirs.id);
        if !exists || take_theirs.contains(&theirs.id) {
            merged.upsert(theirs.clone());
        }
    }
    let chosen = |key: String| take_theirs.contains(&key);
    for theirs in &imported.goals {
        match merged.goals.iter_mut().find(|g| g.id == theirs.id) {
            None => merged.goals.push(theirs.clone()),
            Some(mine) => {
                // The chosen side's goal and answers, and the other side's answers for the
                // weeks it has none: an answer given is never lost.
                let (kept, other) =
                    if chosen(goal_key(&theirs.id)) { (theirs.clone(), &*mine) } else { (mine.clone(), theirs) };
                let mut goal = kept;
                for check in &other.checks {
                    if goal.check_for(check.week).is_none() {
                        goal.evaluate(check.clone());
                    }
                }
                *mine = goal;
            }
        }
    }
    for theirs in &imported.work {
        let exists = merged.work.iter().any(|w| w.week == theirs.week);
        if !exists || chosen(work_key(theirs.week)) {
            merged.set_work(theirs.week, theirs.work.clone(), &theirs.authored);
        }
    }
    for theirs in &imported.milestones {
        match merged.milestones.iter_mut().find(|m| m.id == theirs.id) {
            None => merged.milestones.push(theirs.clone()),
            Some(mine) if chosen(milestone_key(&theirs.id)) => *mine = theirs.clone(),
            Some(_) => {}
        }
    }
    merged
}

/// `readings` with the file's readings added: a new one unless the citizen deleted it, a
/// newer answer to one kept (the citizen's choice to hide it stays).
pub fn merge_readings(readings: &Readings, imported: &Imported) -> Readings {
    let mut merged = readings.clone();
    for reading in &imported.readings {
        match merged.readings.iter().find(|r| r.response.id == reading.response.id) {
            Some(mine) if mine.response.authored >= reading.response.authored => {}
            _ => merged.upsert(reading.clone()),
        }
    }
    merged
}

/// The tables above describe the export format a second time, for the refusals' words:
/// they must name exactly the fields of its one definition, the serde types (as their
/// generated JSON Schema lists them), or a field added there would go undescribed here.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_described_fields_are_the_export_types_fields() {
        let schema = serde_json::to_value(schemars::schema_for!(Export)).unwrap();
        let names = |properties: &serde_json::Value| {
            let mut names: Vec<String> = properties.as_object().unwrap().keys().cloned().collect();
            names.sort();
            names
        };
        let described = |specs: &[Spec]| {
            let mut names: Vec<String> = specs.iter().map(|spec| spec.0.to_owned()).collect();
            names.sort();
            names
        };
        assert_eq!(described(&FILE), names(&schema["properties"]), "the file");
        let tables: [(&str, &[Spec]); 11] = [
            ("Rater", &RATER),
            ("InstrumentInfo", &INSTRUMENT),
            ("TranslationInfo", &TRANSLATION),
            ("ExportedResponse", &RESPONSE),
            ("Scores", &SCORES),
            ("Goal", &GOAL),
            ("Closed", &CLOSED),
            ("GoalCheck", &CHECK),
            ("WorkWeek", &WORK_WEEK),
            ("Work", &WORK),
            ("Milestone", &MILESTONE),
        ];
        for (name, specs) in tables {
            assert_eq!(described(specs), names(&schema["$defs"][name]["properties"]), "{name}");
        }
    }
}
