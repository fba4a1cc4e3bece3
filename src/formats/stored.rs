//! The formats of the values the app keeps in the browser's storage, and how values
//! written by every earlier version of the app are read. Each stored value is a JSON object
//! with a `"version"`; a value from a newer app is refused, never guessed at. The settings
//! are their serde derive, and so are the history and the check-in in progress, each with
//! the format's version around it (`StoredHistory`, `StoredDraft`); all are read and
//! written by [`json`]'s codec. `tests/stored_json.rs` proves it writes what serde_json
//! writes with the same derives, byte for byte, and reads exactly what serde_json reads.

use std::borrow::Cow;
use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::domain::caseload::Case;
use crate::domain::checkin::Draft;
use crate::domain::history::History;
use crate::domain::lang::Lang;
use crate::domain::progression::{Goal, Milestone, WorkWeek};
use crate::domain::rater::{self, Reading, Readings};
use crate::domain::response::{validate, Response};
use crate::formats::json::{self, Value};

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

    use crate::domain::keyed::Key;

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

/// The stored history: the history's lists after the format's version. The chart worker
/// reads the same text with `History`'s own derive, which does not read the version.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredHistory<'a> {
    version: u64,
    responses: Cow<'a, [Response]>,
    #[serde(default)]
    goals: Cow<'a, [Goal]>,
    #[serde(default)]
    work: Cow<'a, [WorkWeek]>,
    #[serde(default)]
    milestones: Cow<'a, [Milestone]>,
}

/// The stored check-in in progress.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredDraft<'a> {
    version: u64,
    draft: Cow<'a, Draft>,
}

/// The history as the chart worker reads it: the stored history (the serde derive of
/// [`History`] reads it, and does not read the version).
pub fn write_history_body(out: &mut String, history: &History) {
    out.push_str(&encode_history(history));
}

pub fn encode_history(history: &History) -> String {
    json::to_string(&StoredHistory {
        version: STORE_VERSION,
        responses: Cow::Borrowed(&history.responses),
        goals: Cow::Borrowed(&history.goals),
        work: Cow::Borrowed(&history.work),
        milestones: Cow::Borrowed(&history.milestones),
    })
}

pub fn encode_draft(draft: &Draft) -> String {
    json::to_string(&StoredDraft { version: STORE_VERSION, draft: Cow::Borrowed(draft) })
}

/// Reads the stored history: every response must validate and ids must be unique, and so
/// must the goals, the weeks' work and the milestones.
pub fn decode_history(text: &str) -> Result<History, DecodeError> {
    let (_, stored): (_, StoredHistory) = versioned(text, "history", STORE_VERSION)?;
    let history = History {
        responses: stored.responses.into_owned(),
        goals: stored.goals.into_owned(),
        work: stored.work.into_owned(),
        milestones: stored.milestones.into_owned(),
    };
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

pub fn decode_draft(text: &str) -> Result<Draft, DecodeError> {
    let (version, stored): (_, StoredDraft) = versioned(text, "check-in in progress", STORE_VERSION)?;
    let mut draft = stored.draft.into_owned();
    // Version 1 had no work or goal steps: its last step was the note, which now comes
    // after the week's work.
    if version == 1 && draft.step >= crate::domain::checkin::flow().len() {
        draft.step = draft.total();
    }
    draft.check().map_err(|error| DecodeError::Invalid(format!("check-in in progress: {error}")))?;
    Ok(draft)
}

/// The newest format version of the stored readings by others (a key of their own:
/// `ugeblik.v1.readings`, read by the session screens and the worker only).
pub const READINGS_VERSION: u64 = 1;

/// Others' readings of the citizen as stored, after the format's version.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredReadings<'a> {
    version: u64,
    readings: Cow<'a, [Reading]>,
    #[serde(default)]
    deleted: Cow<'a, [String]>,
}

pub fn encode_readings(readings: &Readings) -> String {
    json::to_string(&StoredReadings {
        version: READINGS_VERSION,
        readings: Cow::Borrowed(&readings.readings),
        deleted: Cow::Borrowed(&readings.deleted),
    })
}

/// Reads the stored readings: each must be one its rater may give (WHO-5 and CHIME never
/// by another), valid, and of an id given once.
pub fn decode_readings(text: &str) -> Result<Readings, DecodeError> {
    let (_, stored): (_, StoredReadings) = versioned(text, "readings", READINGS_VERSION)?;
    let readings = Readings { readings: stored.readings.into_owned(), deleted: stored.deleted.into_owned() };
    for (index, reading) in readings.readings.iter().enumerate() {
        let place = index + 1;
        if reading.rater.is_citizen() {
            return Err(DecodeError::Invalid(format!("reading {place}: the citizen's own answers are not kept here")));
        }
        rater::check(&reading.rater, &reading.response)
            .map_err(|error| DecodeError::Invalid(format!("reading {place}: {error}")))?;
        if readings.readings[..index].iter().any(|r| r.response.id == reading.response.id) {
            return Err(DecodeError::Invalid(format!("reading {place}: id {:?} appears twice", reading.response.id)));
        }
    }
    Ok(readings)
}

/// The newest format version of a citizen kept in the consultant's caseload (IndexedDB,
/// always sealed with the consultant's passphrase: `crate::platform::caseload`).
pub const CASE_VERSION: u64 = 1;

/// A citizen in the caseload as stored: the label, and the history and readings each in
/// their own stored format (so that each is read, and checked, as it always is).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredCase<'a> {
    version: u64,
    label: Cow<'a, str>,
    history: Cow<'a, str>,
    readings: Cow<'a, str>,
}

pub fn encode_case(case: &Case) -> String {
    encode_case_of(&case.label, &encode_history(&case.history), &encode_readings(&case.readings))
}

/// [`encode_case`] of a citizen whose history and readings are already in their stored
/// formats, as the worker hands over a file it opened (and the page has read them with
/// [`decode_history`] and [`decode_readings`]): not written again.
pub fn encode_case_of(label: &str, history: &str, readings: &str) -> String {
    // Each text nested as a JSON string: a quote becomes two bytes.
    let expected = 2 * (label.len() + history.len() + readings.len()) + 64;
    json::to_string_sized(
        &StoredCase {
            version: CASE_VERSION,
            label: Cow::Borrowed(label),
            history: Cow::Borrowed(history),
            readings: Cow::Borrowed(readings),
        },
        expected,
    )
}

/// Reads a citizen of the caseload: the label as a file's label must be (never what looks
/// like a CPR number), the history and the readings as stored ones are checked.
pub fn decode_case(text: &str) -> Result<Case, DecodeError> {
    let (_, stored): (_, StoredCase) = versioned(text, "caseload", CASE_VERSION)?;
    let label = match stored.label.as_ref() {
        "" => String::new(),
        label => rater::citizen_label(label)
            .ok_or_else(|| DecodeError::Invalid("caseload: the label is not a nickname or case number".into()))?,
    };
    Ok(Case { label, history: decode_history(&stored.history)?, readings: decode_readings(&stored.readings)? })
}

pub fn encode_settings(settings: &Settings) -> String {
    json::to_string(&Settings { version: STORE_VERSION, ..settings.clone() })
}

/// Reads `text` as the stored value `what` after checking its version: the version and
/// the value.
pub(crate) fn versioned<T: DeserializeOwned>(text: &str, what: &str, newest: u64) -> Result<(u64, T), DecodeError> {
    let version = version(text, newest)?;
    let value = json::from_str(text).map_err(|error| invalid(what, error))?;
    Ok((version, value))
}

/// The version of the stored value `text`, if this app reads it. The text must be JSON as
/// serde_json reads it (strict RFC 8259, which the codec is not: [`json::parse`]), and an
/// object with one whole `"version"` (a newer value may hold fields this app does not
/// know: they are not read). Not generic, so not copied for each stored type (wasm size).
fn version(text: &str, newest: u64) -> Result<u64, DecodeError> {
    let Value::Obj(fields) = json::parse(text).ok_or(DecodeError::NotJson)? else {
        return Err(DecodeError::NoVersion);
    };
    let mut versions = fields.iter().filter(|(key, _)| key == "version");
    // Missing, not a whole number, or given twice.
    let version = match (versions.next(), versions.next()) {
        (Some((_, Value::Num(Some(version)))), None) => *version,
        _ => return Err(DecodeError::NoVersion),
    };
    if version > newest {
        return Err(DecodeError::TooNew { found: version });
    }
    Ok(version)
}

#[inline(never)]
fn invalid(what: &str, error: json::Error) -> DecodeError {
    DecodeError::Invalid(format!("{what}: {error}"))
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
    if let Some((origin, _)) =
        settings.portals.iter().find(|(o, _)| crate::formats::config::origin(o).as_deref() != Some(o))
    {
        return invalid(format!("portals: not an origin: {origin:?}"));
    }
    Ok(settings)
}
