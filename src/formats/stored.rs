//! The formats of the values the app keeps in the browser's storage, and how values
//! written by every earlier version of the app are read. Each stored value is a JSON object
//! with a `"version"`; a value from a newer app is refused, never guessed at. The settings
//! are their serde derive, read and written by [`json`]'s codec; the history and the
//! check-in in progress are still read and written by hand (their derives through the codec
//! would cost the first load 11 KB more: ARCHITECTURE.md), and `tests/stored_json.rs` proves
//! those hand-written ones read and write exactly what their serde derives do.

use std::fmt;

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::domain::checkin::{Draft, GoalAnswer};
use crate::domain::history::History;
use crate::domain::lang::Lang;
use crate::domain::progression::{
    Absence, Closed, Goal, GoalCheck, Kept, Milestone, MilestoneKind, Outcome, Work, WorkWeek,
};
use crate::domain::response::{validate, Response, Status};
use crate::domain::week::IsoWeek;
use crate::formats::json::{self, Shape, Value};

/// The newest format version of every stored value. Bump it when a format changes, and
/// add the upgrade from the old version in the matching `decode_*` function.
pub const STORE_VERSION: u64 = 5;

// Version 2 added the history's `goals`, `work` and `milestones` and the check-in's `work`
// and `goals`; every one is optional, so a version 1 value reads as it is. Version 3 added
// the check-in's `given` (when each part was given, so that two tabs' check-ins merge);
// it is optional too, so a version 2 value reads as it is. Version 4 added the settings'
// `easy` (easy-read wording) and `who5Lang` (the WHO-5's official version where the app's
// language has none); both optional, so a version 3 value reads as it is. Version 5 added
// the settings' `portals` (the citizen's answer, per origin, to a portal the app's host does
// not list); optional, so a version 4 value reads as it is. An older app leaves a newer
// value untouched.

/// Why a stored value could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON at all (cut short, or overwritten by something else).
    NotJson,
    /// JSON, but not an object with a numeric `"version"`.
    NoVersion,
    /// Written by a newer version of the app.
    TooNew { found: u64 },
    /// Of a known version, but its content is wrong; says what and where.
    Invalid(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson => write!(f, "not JSON"),
            DecodeError::NoVersion => write!(f, "no format version"),
            DecodeError::TooNew { found } => {
                write!(f, "format version {found} is newer than {STORE_VERSION}, the newest this app reads")
            }
            DecodeError::Invalid(what) => write!(f, "{what}"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// The citizen's choices that outlive a check-in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub version: u64,
    pub lang: Option<Lang>,
    /// The day the citizen last saved the JSON file of everything (`YYYY-MM-DD`): the
    /// start page reminds them when it gets old.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup: Option<String>,
    /// The easy-read versions of the app's own instruments.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub easy: bool,
    /// The WHO-5's official version chosen where the app's language has none.
    #[serde(default, rename = "who5Lang", skip_serializing_if = "Option::is_none")]
    pub who5_lang: Option<Lang>,
    /// The citizen's answer for each portal origin the app's host does not list: whether
    /// that page may hear that a check-in was saved. Stored as a map
    /// (`"https://portal.example": true`), kept as a list in the file's order (a map's code
    /// would cost the first load 1 KB): for an origin given twice, the last answer counts.
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "portal_map")]
    pub portals: Vec<(String, bool)>,
}

impl Settings {
    /// The citizen's answer for the portal `origin`, if they gave one.
    pub fn portal(&self, origin: &str) -> Option<bool> {
        self.portals.iter().rev().find(|(o, _)| o == origin).map(|(_, agreed)| *agreed)
    }
}

/// `Settings::portals` as a JSON map.
mod portal_map {
    use serde::de::{Deserializer, MapAccess, Visitor};
    use serde::Serializer;

    use crate::formats::json::Key;

    pub fn serialize<S: Serializer>(portals: &[(String, bool)], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(portals.iter().map(|(origin, agreed)| (origin, agreed)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<(String, bool)>, D::Error> {
        deserializer.deserialize_map(Portals)
    }

    /// In the file's order, as the page reads it.
    struct Portals;

    impl<'de> Visitor<'de> for Portals {
        type Value = Vec<(String, bool)>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a map of origins to answers")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut portals = Vec::new();
            while let Some((Key(origin), agreed)) = map.next_entry()? {
                portals.push((origin, agreed));
            }
            Ok(portals)
        }
    }
}

fn language(value: Value, what: &str) -> Shape<Lang> {
    let code = value.string(what)?;
    Lang::ALL.into_iter().find(|lang| lang.code() == code).ok_or_else(|| format!("{what}: unknown language {code:?}"))
}

fn week(value: Value, what: &str) -> Shape<IsoWeek> {
    value.string(what)?.parse().map_err(|error| format!("{what}: {error}"))
}

fn answers(value: Value, what: &str) -> Shape<BTreeMap<String, u8>> {
    let mut answers = BTreeMap::new();
    for (link_id, value) in value.map(what)? {
        let value = value.small(&format!("{what} {link_id}"))?;
        answers.insert(link_id, value);
    }
    Ok(answers)
}

fn write_answers(out: &mut String, answers: &BTreeMap<String, u8>) {
    out.push('{');
    for (link_id, value) in answers {
        json::key(out, link_id);
        json::number(out, (*value).into());
    }
    out.push('}');
}

pub fn write_response(out: &mut String, response: &Response) {
    out.push('{');
    for (key, text) in [("id", &response.id), ("instrument", &response.instrument), ("version", &response.version)] {
        json::key(out, key);
        json::string(out, text);
    }
    json::key(out, "week");
    json::string(out, &response.week.to_string());
    json::key(out, "authored");
    json::string(out, &response.authored);
    json::key(out, "language");
    json::string(out, response.language.code());
    json::key(out, "status");
    json::string(out, if response.status == Status::Complete { "complete" } else { "partial" });
    json::key(out, "answers");
    write_answers(out, &response.answers);
    if let Some(note) = &response.note {
        json::key(out, "note");
        json::string(out, note);
    }
    out.push('}');
}

/// The history's fields after `{` (or after `"version":n`), as serde writes [`History`].
fn write_history_fields(out: &mut String, history: &History) {
    json::key(out, "responses");
    json::array(out, &history.responses, write_response);
    json::key(out, "goals");
    json::array(out, &history.goals, write_goal);
    json::key(out, "work");
    json::array(out, &history.work, write_work_week);
    json::key(out, "milestones");
    json::array(out, &history.milestones, write_milestone);
    out.push('}');
}

/// The history as the chart worker reads it (the serde derive of [`History`]).
pub fn write_history_body(out: &mut String, history: &History) {
    out.push('{');
    write_history_fields(out, history);
}

fn start(version: u64) -> String {
    let mut out = String::from("{");
    json::key(&mut out, "version");
    json::number(&mut out, version);
    out
}

pub fn encode_history(history: &History) -> String {
    let mut out = start(STORE_VERSION);
    write_history_fields(&mut out, history);
    out
}

pub fn encode_draft(draft: &Draft) -> String {
    let mut out = start(STORE_VERSION);
    json::key(&mut out, "draft");
    out.push('{');
    json::key(&mut out, "week");
    json::string(&mut out, &draft.week.to_string());
    json::key(&mut out, "step");
    json::number(&mut out, draft.step as u64);
    json::key(&mut out, "answers");
    out.push('{');
    for (instrument, answers) in &draft.answers {
        json::key(&mut out, instrument);
        write_answers(&mut out, answers);
    }
    out.push('}');
    json::key(&mut out, "note");
    json::string(&mut out, &draft.note);
    json::key(&mut out, "editing");
    out.push('{');
    for (instrument, id) in &draft.editing {
        json::key(&mut out, instrument);
        json::string(&mut out, id);
    }
    out.push('}');
    if let Some(work) = &draft.work {
        json::key(&mut out, "work");
        write_work(&mut out, work);
    }
    if !draft.goals.is_empty() {
        json::key(&mut out, "goals");
        json::array(&mut out, &draft.goals, |out, answer| {
            out.push('{');
            json::key(out, "goal");
            json::string(out, &answer.goal);
            write_opt_text(out, "kept", answer.kept.map(Kept::code));
            write_opt_text(out, "note", answer.note.as_deref());
            out.push('}');
        });
    }
    if !draft.skipped.is_empty() {
        json::key(&mut out, "skipped");
        json::array(&mut out, &draft.skipped, |out, id| json::string(out, id));
    }
    if !draft.given.is_empty() {
        json::key(&mut out, "given");
        json::array(&mut out, &draft.given, |out, (part, at)| {
            out.push('[');
            json::string(out, part);
            out.push(',');
            json::number(out, *at);
            out.push(']');
        });
    }
    out.push_str("}}");
    out
}

fn write_opt_text(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        json::key(out, key);
        json::string(out, value);
    }
}

fn write_opt_number(out: &mut String, key: &str, value: Option<u32>) {
    if let Some(value) = value {
        json::key(out, key);
        json::number(out, value.into());
    }
}

pub fn write_work(out: &mut String, work: &Work) {
    out.push('{');
    write_opt_number(out, "plannedMinutes", work.planned_minutes);
    write_opt_number(out, "workedMinutes", work.worked_minutes);
    write_opt_number(out, "daysPlanned", work.days_planned.map(u32::from));
    write_opt_number(out, "daysAttended", work.days_attended.map(u32::from));
    write_opt_text(out, "absence", work.absence.map(Absence::code));
    out.push('}');
}

fn write_work_week(out: &mut String, work_week: &WorkWeek) {
    out.push('{');
    json::key(out, "week");
    json::string(out, &work_week.week.to_string());
    json::key(out, "work");
    write_work(out, &work_week.work);
    json::key(out, "authored");
    json::string(out, &work_week.authored);
    out.push('}');
}

fn write_check(out: &mut String, check: &GoalCheck) {
    out.push('{');
    json::key(out, "week");
    json::string(out, &check.week.to_string());
    json::key(out, "kept");
    json::string(out, check.kept.code());
    write_opt_text(out, "note", check.note.as_deref());
    json::key(out, "authored");
    json::string(out, &check.authored);
    out.push('}');
}

fn write_goal(out: &mut String, goal: &Goal) {
    out.push('{');
    for (key, text) in [("id", &goal.id), ("what", &goal.what), ("measure", &goal.measure)] {
        json::key(out, key);
        json::string(out, text);
    }
    write_opt_text(out, "by", goal.by.as_deref());
    json::key(out, "set");
    json::string(out, &goal.set.to_string());
    json::key(out, "authored");
    json::string(out, &goal.authored);
    if let Some(closed) = &goal.closed {
        json::key(out, "closed");
        out.push('{');
        json::key(out, "week");
        json::string(out, &closed.week.to_string());
        json::key(out, "outcome");
        json::string(out, closed.outcome.code());
        out.push('}');
    }
    write_opt_text(out, "replaces", goal.replaces.as_deref());
    json::key(out, "checks");
    json::array(out, &goal.checks, write_check);
    out.push('}');
}

fn write_milestone(out: &mut String, milestone: &Milestone) {
    out.push('{');
    json::key(out, "id");
    json::string(out, &milestone.id);
    json::key(out, "date");
    json::string(out, &milestone.date);
    json::key(out, "kind");
    json::string(out, milestone.kind.code());
    write_opt_text(out, "text", milestone.text.as_deref());
    json::key(out, "authored");
    json::string(out, &milestone.authored);
    out.push('}');
}

// Reading. Each object is read field by field in one loop ([`Value::fields`]): a struct
// literal with a `?` per field made the page's wasm about 4 KB (gzipped) larger, for the
// drop code of every partly built value.

/// Reads `text` as a stored object after checking its version; returns the version and
/// the object (its `"version"` is read again, and ignored, with the other fields).
fn versioned_value(text: &str) -> Result<(u64, Value), DecodeError> {
    let value = json::parse(text).ok_or(DecodeError::NotJson)?;
    let Value::Obj(fields) = &value else { return Err(DecodeError::NoVersion) };
    let mut versions = fields.iter().filter(|(key, _)| key == "version");
    // Missing, not a whole number, or given twice.
    let version = match (versions.next(), versions.next()) {
        (Some((_, Value::Num(Some(version)))), None) => *version,
        _ => return Err(DecodeError::NoVersion),
    };
    if version > STORE_VERSION {
        return Err(DecodeError::TooNew { found: version });
    }
    Ok((version, value))
}

fn text(value: Value, what: &str) -> Shape<String> {
    value.string(what)
}

/// An optional text: null and absent are both `None`.
fn text_opt(value: Value, what: &str) -> Shape<Option<String>> {
    value.nullable().map(|value| value.string(what)).transpose()
}

fn code<T>(value: Value, what: &str, parse: fn(&str) -> Option<T>) -> Shape<T> {
    let text = value.string(what)?;
    parse(&text).ok_or_else(|| unknown(what, &text))
}

// The messages of the generic readers are made once, not in each of their copies (wasm size).
#[inline(never)]
fn unknown(what: &str, text: &str) -> String {
    format!("{what}: unknown value {text:?}")
}

#[inline(never)]
fn at_place(what: &str, index: usize, error: String) -> String {
    format!("{what} {}: {error}", index + 1)
}

fn code_opt<T>(value: Value, what: &str, parse: fn(&str) -> Option<T>) -> Shape<Option<T>> {
    value.nullable().map(|value| code(value, what, parse)).transpose()
}

fn list<T>(value: Value, what: &str, read: fn(Value) -> Shape<T>) -> Shape<Vec<T>> {
    let mut out = Vec::new();
    for (index, value) in value.array(what)?.into_iter().enumerate() {
        out.push(read(value).map_err(|error| at_place(what, index, error))?);
    }
    Ok(out)
}

/// One response, in the shape of the export's `responses` (the serde derive of [`Response`]).
pub fn read_response(value: Value) -> Shape<Response> {
    let mut r = Response {
        id: String::new(),
        instrument: String::new(),
        version: String::new(),
        week: IsoWeek::FIRST,
        authored: String::new(),
        language: Lang::Da,
        status: Status::Partial,
        answers: BTreeMap::new(),
        note: None,
    };
    const KEYS: &[&str] = &["id", "instrument", "version", "week", "authored", "language", "status", "answers", "note"];
    value.fields("response", KEYS, 0xff, |index, value| {
        match index {
            0 => r.id = text(value, "id")?,
            1 => r.instrument = text(value, "instrument")?,
            2 => r.version = text(value, "version")?,
            3 => r.week = week(value, "week")?,
            4 => r.authored = text(value, "authored")?,
            5 => r.language = language(value, "language")?,
            6 => {
                r.status = code(value, "status", |s| match s {
                    "complete" => Some(Status::Complete),
                    "partial" => Some(Status::Partial),
                    _ => None,
                })?
            }
            7 => r.answers = answers(value, "answers")?,
            _ => r.note = text_opt(value, "note")?,
        }
        Ok(())
    })?;
    Ok(r)
}

fn read_work(value: Value) -> Shape<Work> {
    let mut work = Work::default();
    const KEYS: &[&str] = &["plannedMinutes", "workedMinutes", "daysPlanned", "daysAttended", "absence"];
    value.fields("work", KEYS, 0, |index, value| {
        let value = value.nullable();
        let what = KEYS[index];
        match (index, value) {
            (_, None) => {}
            (0, Some(v)) => work.planned_minutes = Some(v.whole(what, u32::MAX.into())? as u32),
            (1, Some(v)) => work.worked_minutes = Some(v.whole(what, u32::MAX.into())? as u32),
            (2, Some(v)) => work.days_planned = Some(v.small(what)?),
            (3, Some(v)) => work.days_attended = Some(v.small(what)?),
            (_, Some(v)) => work.absence = Some(code(v, what, Absence::parse)?),
        }
        Ok(())
    })?;
    Ok(work)
}

fn read_work_week(value: Value) -> Shape<WorkWeek> {
    let mut read = WorkWeek { week: IsoWeek::FIRST, work: Work::default(), authored: String::new() };
    value.fields("work week", &["week", "work", "authored"], 0b111, |index, value| {
        match index {
            0 => read.week = week(value, "week")?,
            1 => read.work = read_work(value)?,
            _ => read.authored = text(value, "authored")?,
        }
        Ok(())
    })?;
    Ok(read)
}

fn read_check(value: Value) -> Shape<GoalCheck> {
    let mut check = GoalCheck { week: IsoWeek::FIRST, kept: Kept::No, note: None, authored: String::new() };
    value.fields("check", &["week", "kept", "note", "authored"], 0b1011, |index, value| {
        match index {
            0 => check.week = week(value, "week")?,
            1 => check.kept = code(value, "kept", Kept::parse)?,
            2 => check.note = text_opt(value, "note")?,
            _ => check.authored = text(value, "authored")?,
        }
        Ok(())
    })?;
    Ok(check)
}

fn read_closed(value: Value) -> Shape<Option<Closed>> {
    let Some(value) = value.nullable() else { return Ok(None) };
    let mut closed = Closed { week: IsoWeek::FIRST, outcome: Outcome::Reached };
    value.fields("closed", &["week", "outcome"], 0b11, |index, value| {
        match index {
            0 => closed.week = week(value, "week")?,
            _ => closed.outcome = code(value, "outcome", Outcome::parse)?,
        }
        Ok(())
    })?;
    Ok(Some(closed))
}

fn read_goal(value: Value) -> Shape<Goal> {
    let mut goal = Goal {
        id: String::new(),
        what: String::new(),
        measure: String::new(),
        by: None,
        set: IsoWeek::FIRST,
        authored: String::new(),
        closed: None,
        replaces: None,
        checks: Vec::new(),
    };
    const KEYS: &[&str] = &["id", "what", "measure", "by", "set", "authored", "closed", "replaces", "checks"];
    value.fields("goal", KEYS, 0b11_0111, |index, value| {
        match index {
            0 => goal.id = text(value, "id")?,
            1 => goal.what = text(value, "what")?,
            2 => goal.measure = text(value, "measure")?,
            3 => goal.by = text_opt(value, "by")?,
            4 => goal.set = week(value, "set")?,
            5 => goal.authored = text(value, "authored")?,
            6 => goal.closed = read_closed(value)?,
            7 => goal.replaces = text_opt(value, "replaces")?,
            _ => goal.checks = list(value, "check", read_check)?,
        }
        Ok(())
    })?;
    Ok(goal)
}

fn read_milestone(value: Value) -> Shape<Milestone> {
    let mut milestone = Milestone {
        id: String::new(),
        date: String::new(),
        kind: MilestoneKind::Other,
        text: None,
        authored: String::new(),
    };
    value.fields("milestone", &["id", "date", "kind", "text", "authored"], 0b10111, |index, value| {
        match index {
            0 => milestone.id = text(value, "id")?,
            1 => milestone.date = text(value, "date")?,
            2 => milestone.kind = code(value, "kind", MilestoneKind::parse)?,
            3 => milestone.text = text_opt(value, "text")?,
            _ => milestone.authored = text(value, "authored")?,
        }
        Ok(())
    })?;
    Ok(milestone)
}

/// Reads the stored history: every response must validate and ids must be unique, and so
/// must the goals, the weeks' work and the milestones.
pub fn decode_history(text: &str) -> Result<History, DecodeError> {
    let (_, value) = versioned_value(text)?;
    let mut history = History::default();
    const KEYS: &[&str] = &["version", "responses", "goals", "work", "milestones"];
    value
        .fields("history", KEYS, 0b11, |index, value| {
            match index {
                0 => {}
                1 => history.responses = list(value, "response", read_response)?,
                2 => history.goals = list(value, "goal", read_goal)?,
                3 => history.work = list(value, "work week", read_work_week)?,
                _ => history.milestones = list(value, "milestone", read_milestone)?,
            }
            Ok(())
        })
        .map_err(DecodeError::Invalid)?;
    // Compared with the ones before, not hashed (see `History::check_progression`).
    for (index, response) in history.responses.iter().enumerate() {
        let place = index + 1;
        validate(response).map_err(|error| DecodeError::Invalid(format!("response {place}: {error}")))?;
        if history.responses[..index].iter().any(|r| r.id == response.id) {
            return Err(DecodeError::Invalid(format!("response {place}: id {:?} appears twice", response.id)));
        }
    }
    history.check_progression().map_err(DecodeError::Invalid)?;
    Ok(history)
}

fn read_goal_answer(value: Value) -> Shape<GoalAnswer> {
    let mut answer = GoalAnswer { goal: String::new(), kept: None, note: None };
    value.fields("goal", &["goal", "kept", "note"], 0b1, |index, value| {
        match index {
            0 => answer.goal = text(value, "goal")?,
            1 => answer.kept = code_opt(value, "kept", Kept::parse)?,
            _ => answer.note = text_opt(value, "note")?,
        }
        Ok(())
    })?;
    Ok(answer)
}

/// One `[part, time]` of a check-in's `given`.
fn read_given(value: Value) -> Shape<(String, u64)> {
    let mut pair = value.array("given")?.into_iter();
    match (pair.next(), pair.next(), pair.next()) {
        (Some(part), Some(at), None) => Ok((part.string("given")?, at.whole("given", u64::MAX)?)),
        _ => Err("given: expected a part and a time".to_owned()),
    }
}

fn read_draft(value: Value) -> Shape<Draft> {
    let mut draft = Draft {
        week: IsoWeek::FIRST,
        step: 0,
        answers: BTreeMap::new(),
        note: String::new(),
        editing: BTreeMap::new(),
        work: None,
        goals: Vec::new(),
        skipped: Vec::new(),
        given: Vec::new(),
        shown: Default::default(),
    };
    const KEYS: &[&str] = &["week", "step", "answers", "note", "editing", "work", "goals", "skipped", "given"];
    value.fields("draft", KEYS, 0b1111, |index, value| {
        match index {
            0 => draft.week = week(value, "week")?,
            1 => draft.step = value.whole("step", u32::MAX.into())? as usize,
            2 => {
                for (instrument, value) in value.map("answers")? {
                    let given = answers(value, &format!("answers {instrument}"))?;
                    draft.answers.insert(instrument, given);
                }
            }
            3 => draft.note = text(value, "note")?,
            4 => {
                for (instrument, id) in value.map("editing")? {
                    draft.editing.insert(instrument, id.string("editing")?);
                }
            }
            5 => draft.work = value.nullable().map(read_work).transpose()?,
            6 => draft.goals = list(value, "goal", read_goal_answer)?,
            7 => draft.skipped = list(value, "skipped", |v| v.string("skipped"))?,
            _ => draft.given = list(value, "given", read_given)?,
        }
        Ok(())
    })?;
    Ok(draft)
}

pub fn decode_draft(text: &str) -> Result<Draft, DecodeError> {
    let (version, value) = versioned_value(text)?;
    let mut draft = None;
    value
        .fields("check-in in progress", &["version", "draft"], 0b11, |index, value| {
            if index == 1 {
                draft = Some(read_draft(value)?);
            }
            Ok(())
        })
        .map_err(DecodeError::Invalid)?;
    let mut draft = draft.ok_or(DecodeError::NoVersion)?;
    // Version 1 had no work or goal steps: its last step was the note, which now comes
    // after the week's work.
    if version == 1 && draft.step >= crate::domain::checkin::flow().len() {
        draft.step = draft.total();
    }
    draft.check().map_err(|error| DecodeError::Invalid(format!("check-in in progress: {error}")))?;
    Ok(draft)
}

pub fn encode_settings(settings: &Settings) -> String {
    json::to_string(&Settings { version: STORE_VERSION, ..settings.clone() })
}

/// Reads `text` as the stored value `what` after checking its version: the version and
/// the value.
pub(crate) fn versioned<T: DeserializeOwned>(text: &str, what: &str, newest: u64) -> Result<(u64, T), DecodeError> {
    /// Only the version, whatever else the value holds (a newer one may hold fields this
    /// app does not know).
    #[derive(Deserialize)]
    struct Peek {
        version: Option<u64>,
    }
    let version = match json::from_str::<Peek>(text) {
        Ok(Peek { version: Some(version) }) => version,
        Err(json::Error::NotJson(_)) => return Err(DecodeError::NotJson),
        _ => return Err(DecodeError::NoVersion),
    };
    if version > newest {
        return Err(DecodeError::TooNew { found: version });
    }
    let value = json::from_str(text).map_err(|error| DecodeError::Invalid(format!("{what}: {error}")))?;
    Ok((version, value))
}

pub fn decode_settings(text: &str) -> Result<Settings, DecodeError> {
    let (_, settings): (_, Settings) = versioned(text, "settings", STORE_VERSION)?;
    let invalid = |what: String| Err(DecodeError::Invalid(format!("settings: {what}")));
    if let Some(day) = settings.backup.as_deref().filter(|day| crate::domain::progression::parse_date(day).is_none()) {
        return invalid(format!("backup: not a date: {day:?}"));
    }
    if let Some(lang) = settings.who5_lang.filter(|lang| !lang.has_official_who5()) {
        return invalid(format!("who5Lang: the WHO-5 has no official version in {lang:?}"));
    }
    if let Some((origin, _)) = settings.portals.iter().find(|(o, _)| crate::formats::config::origin(o).as_deref() != Some(o)) {
        return invalid(format!("portals: not an origin: {origin:?}"));
    }
    Ok(settings)
}
