//! The formats of the values the app keeps in the browser's storage, and how values
//! written by every earlier version of the app are read. Each stored value is a JSON object
//! with a `"version"`; a value from a newer app is refused, never guessed at.

use std::collections::HashSet;
use std::fmt;

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use super::checkin::Draft;
use super::history::History;
use super::lang::Lang;
use super::response::{validate, Response};

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

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct HistoryV1 {
    version: u64,
    responses: Vec<Response>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DraftV1 {
    version: u64,
    draft: Draft,
}

/// The citizen's choices that outlive a check-in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub version: u64,
    pub lang: Option<Lang>,
}

/// Just the `"version"` of a stored object; every other field is skipped.
#[derive(Deserialize)]
struct Peek {
    version: Option<u64>,
}

/// Reads `text` as format `T` after checking its version. Parsing straight into `T`, with
/// no intermediate `serde_json::Value`, keeps one JSON deserializer in the wasm.
fn versioned<T: DeserializeOwned>(text: &str) -> Result<T, DecodeError> {
    let version = match serde_json::from_str::<Peek>(text) {
        Ok(Peek { version: Some(version) }) => version,
        Ok(Peek { version: None }) => return Err(DecodeError::NoVersion),
        // Valid JSON of another shape (an array, a string…) has no version either.
        Err(_) if serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() => return Err(DecodeError::NoVersion),
        Err(_) => return Err(DecodeError::NotJson),
    };
    if version > STORE_VERSION {
        return Err(DecodeError::TooNew { found: version });
    }
    serde_json::from_str(text).map_err(|error| DecodeError::Invalid(error.to_string()))
}

pub fn encode_history(history: &History) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string(&HistoryV1 { version: STORE_VERSION, responses: history.responses.clone() })
        .expect("plain data serialises")
}

/// Reads the stored history: every response must validate and ids must be unique.
pub fn decode_history(text: &str) -> Result<History, DecodeError> {
    let stored: HistoryV1 = versioned(text)?;
    let mut ids = HashSet::new();
    for (index, response) in stored.responses.iter().enumerate() {
        let place = index + 1;
        validate(response).map_err(|error| DecodeError::Invalid(format!("response {place}: {error}")))?;
        if !ids.insert(response.id.as_str()) {
            return Err(DecodeError::Invalid(format!("response {place}: id {:?} appears twice", response.id)));
        }
    }
    Ok(History { responses: stored.responses })
}

pub fn encode_draft(draft: &Draft) -> String {
    serde_json::to_string(&DraftV1 { version: STORE_VERSION, draft: draft.clone() }).expect("plain data serialises")
}

pub fn decode_draft(text: &str) -> Result<Draft, DecodeError> {
    let stored: DraftV1 = versioned(text)?;
    stored.draft.check().map_err(|error| DecodeError::Invalid(format!("check-in in progress: {error}")))?;
    Ok(stored.draft)
}

pub fn encode_settings(settings: &Settings) -> String {
    serde_json::to_string(&Settings { version: STORE_VERSION, ..settings.clone() }).expect("plain data serialises")
}

pub fn decode_settings(text: &str) -> Result<Settings, DecodeError> {
    versioned(text)
}
