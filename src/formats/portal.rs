//! The messages between the widget and a portal that embeds it in an iframe: protocol
//! version 1, documented in the README ("Embedding in a portal"). Pure: the UI
//! (`page::embed`) posts what [`ToPortal::encode`] writes and heeds what
//! [`FromPortal::decode`] reads.
//!
//! Every message is a plain object with `type` (`ugeblik:…`) and `version`, then the
//! message's own fields. Each enum below has one variant per message; its serde derive is
//! the message's one definition, written and read by the page's codec
//! ([`crate::formats::json`], serde-json-core). The widget posts only to the origins the address names
//! (`?parentOrigin=`), never to `"*"`, and heeds only messages from those origins, from its
//! parent window.

use std::fmt;

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

use crate::domain::lang::Lang;
use crate::domain::week::IsoWeek;
use crate::formats::json;

/// The protocol's version, in every message.
pub const VERSION: u64 = 1;

/// A message from a portal whose JSON text is longer than this is refused unread (the
/// protocol's own are about 50 bytes; a portal may add fields of its own).
pub const MAX_MESSAGE: usize = 64 * 1024;

/// The `version` field of every message: written as 1, and read only when it is 1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Version;

impl Serialize for Version {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(VERSION)
    }
}

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Version, D::Error> {
        match u64::deserialize(deserializer)? {
            VERSION => Ok(Version),
            other => Err(de::Error::invalid_value(de::Unexpected::Unsigned(other), &"version 1")),
        }
    }
}

/// The `format` of [`ToPortal::Export`]: always `"ugeblik-export"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportFormat;

const EXPORT_FORMAT: &str = "ugeblik-export";

impl Serialize for ExportFormat {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(EXPORT_FORMAT)
    }
}

impl<'de> Deserialize<'de> for ExportFormat {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ExportFormat, D::Error> {
        let format = String::deserialize(deserializer)?;
        if format == EXPORT_FORMAT {
            Ok(ExportFormat)
        } else {
            Err(de::Error::invalid_value(de::Unexpected::Str(&format), &EXPORT_FORMAT))
        }
    }
}

/// What the widget tells a trusted portal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", deny_unknown_fields)]
pub enum ToPortal {
    /// `ugeblik:ready`: the widget runs and listens; `lang` is the language it shows.
    #[serde(rename = "ugeblik:ready")]
    Ready { version: Version, lang: Lang },
    /// `ugeblik:height`: the height the widget's content needs, in CSS pixels, so the host
    /// can size the iframe without scrollbars. Sent whenever it changes.
    #[serde(rename = "ugeblik:height")]
    Height { version: Version, height: u32 },
    /// `ugeblik:checkin-completed`: a check-in was saved. Only the week, which instruments
    /// were answered and the WHO-5 percentage (when all five WHO-5 items were answered):
    /// never the answers, notes, goals or work.
    #[serde(rename = "ugeblik:checkin-completed", rename_all = "camelCase")]
    CheckinCompleted {
        version: Version,
        week: IsoWeek,
        instruments: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        who5_percent: Option<u8>,
    },
    /// `ugeblik:export`: the canonical export file (as its JSON text, byte for byte the
    /// file a download gives), sent only after the citizen confirmed it in the widget.
    #[serde(rename = "ugeblik:export")]
    Export { version: Version, format: ExportFormat, json: String },
}

/// What a trusted portal may ask of the widget: the `type` of its message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FromPortal {
    /// `ugeblik:request-export`: show the citizen the screen where they may send their
    /// answers to the portal. Nothing is sent unless they confirm.
    #[serde(rename = "ugeblik:request-export")]
    RequestExport,
    /// `ugeblik:request-height`: post `ugeblik:height` now.
    #[serde(rename = "ugeblik:request-height")]
    RequestHeight,
}

/// A portal's message as posted: `{"type": …, "version": 1}`. Fields the protocol does not
/// name are ignored (a portal may add its own). Not an internally tagged enum: serde reads
/// those through a buffer of any JSON, 2 KB more of the first load.
#[derive(Serialize, Deserialize)]
struct Request {
    #[serde(rename = "type")]
    kind: FromPortal,
    version: Version,
}

/// Why a message was not read: it is then ignored, without a word to the sender.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProtocolError {
    /// Longer than [`MAX_MESSAGE`] bytes.
    TooLarge(usize),
    /// Not one JSON value (as far as it was read); says why.
    NotJson(String),
    /// JSON, but not a message of this version: says what is wrong.
    Refused(String),
}

impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProtocolError::TooLarge(bytes) => write!(f, "{bytes} bytes, more than {MAX_MESSAGE}"),
            ProtocolError::NotJson(why) => write!(f, "not JSON: {why}"),
            ProtocolError::Refused(why) => write!(f, "{why}"),
        }
    }
}

impl std::error::Error for ProtocolError {}

impl ToPortal {
    /// The message as JSON text. (A portal reads it with `JSON.parse`; the page's codec
    /// cannot read it back, having no `deserialize_any` for an internally tagged enum, and
    /// the page never needs to: `tests/protocol.rs` reads it with serde_json.)
    pub fn encode(&self) -> String {
        json::to_string(self)
    }
}

impl FromPortal {
    /// The request as JSON text (a portal's side, and the tests').
    pub fn encode(self) -> String {
        json::to_string(&Request { kind: self, version: Version })
    }

    /// Reads a portal's message (the JSON text of what it posted).
    pub fn decode(text: &str) -> Result<FromPortal, ProtocolError> {
        if text.len() > MAX_MESSAGE {
            return Err(ProtocolError::TooLarge(text.len()));
        }
        match json::from_str::<Request>(text) {
            Ok(request) => Ok(request.kind),
            Err(json::Error::NotJson(why)) => Err(ProtocolError::NotJson(why)),
            Err(json::Error::Shape(why)) => Err(ProtocolError::Refused(why)),
        }
    }
}

/// `ugeblik:checkin-completed` for a saved check-in of `week`.
pub fn completed(week: IsoWeek, instruments: &[&str], who5_percent: Option<u8>) -> ToPortal {
    ToPortal::CheckinCompleted {
        version: Version,
        week,
        instruments: instruments.iter().map(|id| (*id).to_owned()).collect(),
        who5_percent,
    }
}
