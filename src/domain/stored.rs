//! The formats of the values the app keeps in the browser's storage, and how values
//! written by every earlier version of the app are read. Each stored value is a JSON object
//! with a `"version"`; a value from a newer app is refused, never guessed at.

use std::collections::HashSet;
use std::fmt;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::checkin::Draft;
use super::history::History;
use super::json::{self, Object, Shape, Value};
use super::lang::Lang;
use super::response::{validate, Response, Status};
use super::week::IsoWeek;

/// The newest format version of every stored value. Bump it when a format changes, and
/// add the upgrade from the old version in the matching `decode_*` function.
pub const STORE_VERSION: u64 = 1;

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
}

/// Reads `text` as a stored object after checking its version. The object comes back
/// with `"version"` taken, and the version.
fn versioned(text: &str, what: &str) -> Result<(u64, Object), DecodeError> {
    let mut object = match json::parse(text) {
        Some(value @ Value::Obj(_)) => value.object(what).map_err(DecodeError::Invalid)?,
        Some(_) => return Err(DecodeError::NoVersion),
        None => return Err(DecodeError::NotJson),
    };
    let version = match object.take("version") {
        Ok(Some(Value::Num(Some(version)))) => version,
        // Missing, not a whole number, or given twice.
        _ => return Err(DecodeError::NoVersion),
    };
    if version > STORE_VERSION {
        return Err(DecodeError::TooNew { found: version });
    }
    Ok((version, object))
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

/// One response, in the shape of the export's `responses` (the serde derive of [`Response`]).
pub fn read_response(value: Value) -> Shape<Response> {
    let mut object = value.object("response")?;
    let response = Response {
        id: object.need("id")?.string("id")?,
        instrument: object.need("instrument")?.string("instrument")?,
        version: object.need("version")?.string("version")?,
        week: week(object.need("week")?, "week")?,
        authored: object.need("authored")?.string("authored")?,
        language: language(object.need("language")?, "language")?,
        status: match object.need("status")?.string("status")?.as_str() {
            "complete" => Status::Complete,
            "partial" => Status::Partial,
            other => return Err(format!("status: unknown status {other:?}")),
        },
        answers: answers(object.need("answers")?, "answers")?,
        note: object.optional("note")?.map(|note| note.string("note")).transpose()?,
    };
    object.end()?;
    Ok(response)
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

/// The history as the chart worker reads it: `{"responses":[…]}`.
pub fn write_history_body(out: &mut String, history: &History) {
    out.push('{');
    json::key(out, "responses");
    json::array(out, &history.responses, write_response);
    out.push('}');
}

fn start(version: u64) -> String {
    let mut out = String::from("{");
    json::key(&mut out, "version");
    json::number(&mut out, version);
    out
}

pub fn encode_history(history: &History) -> String {
    let mut out = start(STORE_VERSION);
    json::key(&mut out, "responses");
    json::array(&mut out, &history.responses, write_response);
    out.push('}');
    out
}

/// Reads the stored history: every response must validate and ids must be unique.
pub fn decode_history(text: &str) -> Result<History, DecodeError> {
    let (_, mut stored) = versioned(text, "history")?;
    let read = || -> Shape<Vec<Response>> {
        let mut responses = Vec::new();
        for (index, value) in stored.need("responses")?.array("responses")?.into_iter().enumerate() {
            responses.push(read_response(value).map_err(|error| format!("response {}: {error}", index + 1))?);
        }
        stored.end()?;
        Ok(responses)
    };
    let responses = read().map_err(DecodeError::Invalid)?;
    let mut ids = HashSet::new();
    for (index, response) in responses.iter().enumerate() {
        let place = index + 1;
        validate(response).map_err(|error| DecodeError::Invalid(format!("response {place}: {error}")))?;
        if !ids.insert(response.id.as_str()) {
            return Err(DecodeError::Invalid(format!("response {place}: id {:?} appears twice", response.id)));
        }
    }
    Ok(History { responses })
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
    out.push_str("}}}");
    out
}

fn read_draft(stored: &mut Object) -> Shape<Draft> {
    let mut object = stored.need("draft")?.object("draft")?;
    let mut answers = BTreeMap::new();
    for (instrument, value) in object.need("answers")?.map("answers")? {
        let given = self::answers(value, &format!("answers {instrument}"))?;
        answers.insert(instrument, given);
    }
    let mut editing = BTreeMap::new();
    if let Some(value) = object.take("editing")? {
        for (instrument, id) in value.map("editing")? {
            editing.insert(instrument, id.string("editing")?);
        }
    }
    let draft = Draft {
        week: week(object.need("week")?, "week")?,
        step: object.need("step")?.whole("step", u32::MAX.into())? as usize,
        answers,
        note: object.need("note")?.string("note")?,
        editing,
    };
    object.end()?;
    Ok(draft)
}

pub fn decode_draft(text: &str) -> Result<Draft, DecodeError> {
    let (_, mut stored) = versioned(text, "check-in in progress")?;
    let draft = read_draft(&mut stored).and_then(|draft| stored.end().map(|()| draft)).map_err(DecodeError::Invalid)?;
    draft.check().map_err(|error| DecodeError::Invalid(format!("check-in in progress: {error}")))?;
    Ok(draft)
}

pub fn encode_settings(settings: &Settings) -> String {
    let mut out = start(STORE_VERSION);
    json::key(&mut out, "lang");
    match settings.lang {
        Some(lang) => json::string(&mut out, lang.code()),
        None => out.push_str("null"),
    }
    out.push('}');
    out
}

pub fn decode_settings(text: &str) -> Result<Settings, DecodeError> {
    let (version, mut stored) = versioned(text, "settings")?;
    let read = || -> Shape<Settings> {
        let lang = stored.optional("lang")?.map(|lang| language(lang, "lang")).transpose()?;
        stored.end()?;
        Ok(Settings { version, lang })
    };
    read().map_err(DecodeError::Invalid)
}
