//! The messages between the page and the worker (`src/bin/charts.rs`), defined once
//! for both: the page builds a [`ToWorker`] and matches on the [`FromWorker`] it gets back,
//! the worker the other way round, so the compiler checks both sides.
//!
//! On the wire every message is its postcard encoding, posted as a `Uint8Array` (the
//! smallest codec for the page's first load of those measured: see `tests/size.mjs`).
//! What cannot be encoded (a `File` to import, the passphrase's `CryptoKey`, an export
//! `File` for the share sheet) rides beside it: the message is then posted as the array
//! `[bytes, that]`, and only the variants documented as carrying one read it ([`wire`]).
//!
//! A message that does not decode (unknown variant, truncated, malformed) is an error
//! value, never a panic: the worker answers it with [`FromWorker::Failed`], and the page
//! reads it as that same answer, which it shows as its translated "could not be drawn".

use serde::{Deserialize, Serialize};

use crate::domain::lang::Lang;
use crate::domain::series::ChartChoices;
use crate::domain::week::IsoWeek;
use crate::i18n::Msg;
pub use crate::platform::storage::CaseloadError;
use crate::session::files::{Request, View};

/// What every drawing depends on: the language, the citizen's choices on the progress
/// screen, the room there is and this week.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choices {
    pub lang: Lang,
    /// Draw the made-up demo history instead of the citizen's (`?demo`).
    pub demo: bool,
    /// What the progress screen's charts show.
    pub chart: ChartChoices,
    /// Width of the content area in CSS pixels.
    pub width: u32,
    /// This week.
    pub now: IsoWeek,
}

/// The kinds of export file (the reminder's calendar file is [`ToWorker::Reminder`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileFormat {
    /// The canonical file of everything, the citizen's backup.
    Json,
    /// A spreadsheet.
    Csv,
    /// FHIR R4 for a health record.
    Fhir,
}

/// What the page asks of the worker, or gives it to keep.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToWorker {
    /// A language pack's text, for drawing in a language not built in. Kept; no answer.
    Pack(String),
    /// The lock record of the passphrase whose key (a `CryptoKey`, which cannot be read
    /// out) rides beside: to lock an export and open a file locked the same way. Kept; no
    /// answer.
    Key { lock: String },
    /// A file chosen for import, which rides beside as a `File`: the worker reads it, so
    /// its text never passes through the page. Kept; no answer.
    ImportFile,
    /// The citizen's history, in the stored format: drawn from until the next. No answer.
    History(String),
    /// Others' readings of the citizen, in their stored format: exported and merged with
    /// the history until the next. No answer.
    Readings(String),
    /// Say what the file given last ([`ToWorker::ImportFile`]) would bring to the
    /// history, in `lang`; a locked one opened with `passphrase`, or with the passphrase's
    /// key when it was locked with it. Answer: [`FromWorker::Preview`],
    /// [`FromWorker::Locked`] or [`FromWorker::Refused`].
    Preview { lang: Lang, passphrase: Option<String> },
    /// Merge the file previewed into the history; where responses, goals, work or
    /// milestones differ, the file's win for the keys in `take_theirs`. Answer:
    /// [`FromWorker::Merged`] or [`FromWorker::MergeFailed`].
    Merge { choices: Choices, take_theirs: Vec<String> },
    /// Make an export file, made at `exported` (RFC 3339), locked with the passphrase if
    /// `seal`. Answer: [`FromWorker::File`] or [`FromWorker::FileFailed`].
    Export { choices: Choices, exported: String, nickname: Option<String>, format: FileFormat, seal: bool },
    /// Make the weekly reminder's calendar file from its form (`day`, `time`, `today`,
    /// `uid`, `link`). Answer: [`FromWorker::File`] or [`FromWorker::FileFailed`].
    Reminder { choices: Choices, exported: String, form: Vec<String> },
    /// Make the canonical file's text for the portal that embeds the widget. Answer:
    /// [`FromWorker::ForPortal`] or [`FromWorker::PortalFailed`].
    Send { choices: Choices, exported: String, nickname: Option<String> },
    /// Open the file given last ([`ToWorker::ImportFile`]) for the consultant's viewer,
    /// with `passphrase` if it is locked; what it says, in `lang`. Answer:
    /// [`FromWorker::Opened`], [`FromWorker::Locked`] or [`FromWorker::Refused`].
    Open { lang: Lang, passphrase: Option<String> },
    /// A request to the consultant's caseload, which the worker keeps (IndexedDB, sealed
    /// with the consultant's passphrase: `crate::platform::caseload`), so that neither
    /// IndexedDB's code nor a citizen's file text is in the page. Answer:
    /// [`FromWorker::Caseload`] with the same `ticket` (answers may come in another order
    /// than the requests: each waits for its storage).
    Caseload { ticket: u32, request: CaseloadRequest },
    /// Open the files that ride beside (an array of `File`s) for the caseload or the
    /// report, as [`ToWorker::Open`] opens one without a passphrase: one answer for each,
    /// in their order (after those of files given before), each [`FromWorker::Opened`],
    /// [`FromWorker::Locked`] or [`FromWorker::Refused`]. The worker reads a few ahead,
    /// without waiting for each: read one after another (`FileReaderSync`), each file kept
    /// it waiting 2.2 ms for the disk.
    OpenFiles { lang: Lang },
}

/// What the page asks of the caseload the worker keeps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaseloadRequest {
    /// Open the database: whether a passphrase was set. Answer: [`CaseloadAnswer::Opened`].
    Open,
    /// Open it with `passphrase` (the first time: set it) and read every citizen. Answer:
    /// [`CaseloadAnswer::Loaded`].
    Unlock { passphrase: String },
    /// Keep these citizens, each `(id, the citizen in the stored format)`, new or
    /// replacing the one of that id: all, or none. Answer: [`CaseloadAnswer::Done`].
    Keep { cases: Vec<(String, String)> },
    /// Remove the citizen `id`. Answer: [`CaseloadAnswer::Done`].
    Remove { id: String },
    /// Remove every citizen and the passphrase. Answer: [`CaseloadAnswer::Done`].
    RemoveAll,
}

/// What the caseload answers; any request may be answered [`CaseloadAnswer::Failed`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaseloadAnswer {
    /// Opened: `new` when no passphrase was set yet.
    Opened {
        new: bool,
    },
    /// Unlocked: every citizen `(id, stored format)` it could open, and how many it could
    /// not (left as they are).
    Loaded {
        cases: Vec<(String, String)>,
        unreadable: u32,
    },
    Done,
    Failed(CaseloadError),
}

/// What the worker says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FromWorker {
    /// It listens: messages posted before were lost, so the page holds them until now.
    Ready,
    /// What the file to import would bring, in the language asked for.
    Preview(Box<ImportPreview>),
    /// The history with the file merged, and the readings by others with the file's
    /// added, each in its stored format.
    Merged { history: String, readings: String },
    /// The file no longer reads: nothing merged.
    MergeFailed,
    /// The file made, called `name`, at the worker's `blob:` address `url` (for a
    /// download); the `File` itself rides beside (for the share sheet).
    File { name: String, url: String },
    /// The file could not be made (or locked).
    FileFailed,
    /// The canonical file's text, for the portal.
    ForPortal { json: String },
    /// The file for the portal could not be made.
    PortalFailed,
    /// The file opened for the viewer: its nickname, how many answers it holds, and its
    /// history in the stored format (read again, as stored data is, before it is shown).
    Opened { nickname: Option<String>, responses: u32, history: String, readings: String },
    /// The file (to view or import) is locked: its passphrase is asked for (`wrong`: the
    /// one given did not open it).
    Locked { wrong: bool },
    /// The file (to view or import) cannot be read: why, in the language asked for.
    Refused(String),
    /// The caseload's answer to the request of this `ticket`.
    Caseload { ticket: u32, answer: CaseloadAnswer },
    /// A message it could not read, or a request it could not answer.
    Failed,
}

/// What a file to import would bring, worded for the citizen (in the language asked for),
/// with what they can choose: shown before anything changes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    /// How many answers and weeks, from when to when, how many new and how many the same.
    pub summary: String,
    /// How many goals, weeks of work and milestones it has, if any.
    pub progression: Option<String>,
    /// The goals, weeks of work, milestones and weekly goal answers it adds.
    pub added: Vec<String>,
    /// Others' readings of the citizen it adds: who rated what, and when.
    pub readings: Vec<String>,
    /// The nickname it was saved with.
    pub nickname: Option<String>,
    /// Answers this phone has otherwise: the file's are taken for those ticked.
    pub conflicts: Vec<Differs>,
    /// Goals, weeks of work and milestones this phone has otherwise: likewise.
    pub changes: Vec<Differs>,
}

/// One thing the phone and the file have otherwise: the key that takes the file's
/// ([`crate::formats::import::merge`]'s `take_theirs`) and what it says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Differs {
    pub key: String,
    pub label: String,
}

/// A message that does not decode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unreadable;

/// A message's bytes (empty if it cannot be encoded, which then reads as [`Unreadable`]).
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    postcard::to_allocvec(message).unwrap_or_default()
}

/// A message from its bytes, or [`Unreadable`]: never a panic, whatever the bytes. Bytes
/// left over after a message make it unreadable too.
pub fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, Unreadable> {
    match postcard::take_from_bytes(bytes) {
        Ok((message, [])) => Ok(message),
        _ => Err(Unreadable),
    }
}

impl ToWorker {
    /// What the worker does with bytes it got: the message, or the answer to a message it
    /// cannot read.
    pub fn read(bytes: &[u8]) -> Result<ToWorker, FromWorker> {
        decode(bytes).map_err(|Unreadable| FromWorker::Failed)
    }

    /// What to make for this message, for [`crate::session::files::make`]; `None` for
    /// what the worker only keeps.
    pub fn request(&self) -> Option<Request> {
        let (choices, view) = match self {
            ToWorker::Pack(_)
            | ToWorker::Key { .. }
            | ToWorker::ImportFile
            | ToWorker::History(_)
            | ToWorker::Readings(_)
            | ToWorker::Preview { .. }
            | ToWorker::Open { .. }
            | ToWorker::OpenFiles { .. }
            | ToWorker::Caseload { .. } => return None,
            ToWorker::Merge { choices, .. } => (choices, View::ImportMerge),
            ToWorker::Export { choices, .. } | ToWorker::Reminder { choices, .. } | ToWorker::Send { choices, .. } => {
                (choices, View::Export)
            }
        };
        let mut request = choices.request(view);
        match self {
            ToWorker::Merge { take_theirs, .. } => request.take_theirs = take_theirs.clone(),
            ToWorker::Export { exported, nickname, format, seal, .. } => {
                request.exported = Some(exported.clone());
                request.nickname = nickname.clone();
                request.format = Some(format.code().into());
                request.seal = *seal;
            }
            ToWorker::Reminder { exported, form, .. } => {
                request.exported = Some(exported.clone());
                request.format = Some("ics".into());
                request.form = form.clone();
            }
            ToWorker::Send { exported, nickname, .. } => {
                request.exported = Some(exported.clone());
                request.nickname = nickname.clone();
                request.format = Some("portal".into());
            }
            _ => {}
        }
        Some(request)
    }
}

impl FromWorker {
    /// What the page does with bytes it got: the answer, or [`FromWorker::Failed`] for an
    /// answer it cannot read.
    pub fn read(bytes: &[u8]) -> FromWorker {
        decode(bytes).unwrap_or(FromWorker::Failed)
    }

    /// The translated error the page shows for this answer, if it is a failure. The
    /// citizen's data is untouched by every one of them.
    pub fn problem(&self) -> Option<Msg> {
        match self {
            FromWorker::Failed | FromWorker::MergeFailed => Some(Msg::ChartFailed),
            FromWorker::FileFailed | FromWorker::PortalFailed => Some(Msg::ExportFailed),
            _ => None,
        }
    }
}

impl FileFormat {
    fn code(self) -> &'static str {
        match self {
            FileFormat::Json => "json",
            FileFormat::Csv => "csv",
            FileFormat::Fhir => "fhir",
        }
    }
}

impl Choices {
    /// The request to make `view` with these choices and nothing else.
    pub fn request(&self, view: View) -> Request {
        Request {
            view,
            choices: self.clone(),
            exported: None,
            nickname: None,
            format: None,
            import: None,
            take_theirs: Vec::new(),
            form: Vec::new(),
            seal: false,
        }
    }
}

/// Posting and reading messages in the browser, the same on both sides.
#[cfg(target_arch = "wasm32")]
pub mod wire {
    use serde::Serialize;
    use wasm_bindgen::{JsCast, JsValue};

    /// A message as posted: its bytes, or `[bytes, beside]` when something rides beside.
    pub fn post_value<T: Serialize>(message: &T, beside: Option<&JsValue>) -> JsValue {
        let bytes: JsValue = js_sys::Uint8Array::from(super::encode(message).as_slice()).into();
        match beside {
            Some(beside) => js_sys::Array::of2(&bytes, beside).into(),
            None => bytes,
        }
    }

    /// A posted value's bytes and what rides beside (`undefined` when nothing does).
    pub fn received(data: &JsValue) -> (Vec<u8>, JsValue) {
        let (bytes, beside) = match data.dyn_ref::<js_sys::Array>() {
            Some(pair) => (pair.get(0), pair.get(1)),
            None => (data.clone(), JsValue::UNDEFINED),
        };
        let bytes = bytes.dyn_ref::<js_sys::Uint8Array>().map(js_sys::Uint8Array::to_vec).unwrap_or_default();
        (bytes, beside)
    }
}
