//! The worker: what the session screens do with files, in a web worker: a file to import
//! previewed (a locked one opened) and merged; the consultant's viewer; every export (JSON,
//! CSV, FHIR, locked or not), the reminder's calendar file and the file for a portal. The
//! page starts it the first time one of those is asked for, so opening a session screen
//! never fetches it, nor serde_json, CSV, FHIR or the import's readers. It draws nothing:
//! the figures are the page's (`session::figures`). (Its files keep the name "charts" of
//! the time it drew them.)
//!
//! Protocol: the enums of `src/session/protocol.rs`, shared with the page. Once it listens,
//! the worker says [`FromWorker::Ready`]. It keeps what the page gives it (the history, a
//! language pack, the passphrase's key, a file to import) and answers each request with
//! its answer's variant. A message it cannot read is answered with `Failed`, never a panic.

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the worker runs in a browser; see src/session/files.rs for what it makes and reads");
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::RefCell;
    use std::collections::VecDeque;

    use ugeblik::domain::history::History;
    use ugeblik::domain::lang::Lang;
    use ugeblik::domain::rater::Readings;
    use ugeblik::formats::sealed::{self, KeyParams, SealedFile};
    use ugeblik::platform::caseload::Shelf;
    use ugeblik::platform::crypto;
    use ugeblik::session::files::{make, open_for_viewer, preview_for_import, Request};
    use ugeblik::session::protocol::{wire, CaseloadAnswer, CaseloadError, CaseloadRequest, FromWorker, ToWorker};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    type OnMessage = Closure<dyn FnMut(web_sys::MessageEvent)>;

    thread_local! {
        static HISTORY: RefCell<History> = RefCell::new(History::default());
        /// Others' readings of the citizen.
        static READINGS: RefCell<Readings> = RefCell::new(Readings::default());
        /// The text of the file the page last posted for import.
        static FILE: RefCell<Option<String>> = const { RefCell::new(None) };
        /// With a passphrase set: its key (never readable) and the lock's parameters.
        static KEY: RefCell<Option<(web_sys::CryptoKey, KeyParams)>> = const { RefCell::new(None) };
        /// The consultant's caseload, once opened, and its passphrase's key once unlocked.
        static SHELF: RefCell<Option<std::rc::Rc<Shelf>>> = const { RefCell::new(None) };
        static CASELOAD_KEY: RefCell<Option<web_sys::CryptoKey>> = const { RefCell::new(None) };
        /// The page's messages' listener.
        static LISTENER: RefCell<Option<OnMessage>> = const { RefCell::new(None) };
        /// The files given to open ([`ToWorker::OpenFiles`]) not yet read, in order, each
        /// with the language of its answer; and whether a task is opening them.
        static TO_OPEN: RefCell<(VecDeque<(Lang, web_sys::Blob)>, bool)> = const { RefCell::new((VecDeque::new(), false)) };
    }

    /// How many files are read ahead of the one being opened.
    const READ_AHEAD: usize = 8;

    /// Keeps what a message gives the worker; `false` when it asks for an answer instead.
    /// What rides beside the message (`beside`) is read only by the variants that carry it.
    fn keep(scope: &web_sys::DedicatedWorkerGlobalScope, message: &ToWorker, beside: &JsValue) -> bool {
        match message {
            // Read like the page wrote it; a history that does not read is refused, and
            // the one kept before stays.
            ToWorker::History(stored) => match serde_json::from_str::<History>(stored) {
                Ok(history) => HISTORY.with(|h| *h.borrow_mut() = history),
                Err(_) => reply(scope, &FromWorker::Failed, None),
            },
            ToWorker::Readings(stored) => match ugeblik::formats::stored::decode_readings(stored) {
                Ok(readings) => READINGS.with(|r| *r.borrow_mut() = readings),
                Err(_) => reply(scope, &FromWorker::Failed, None),
            },
            // A language pack, for drawing in a language not built in.
            ToWorker::Pack(text) => {
                let _ = ugeblik::i18n::pack::install_with_chart(text);
            }
            // The passphrase's key and the lock record it belongs to.
            ToWorker::Key { lock } => {
                let key = beside.clone().dyn_into::<web_sys::CryptoKey>().ok();
                if let (Some(key), Ok(record)) = (key, sealed::decode_lock(lock)) {
                    KEY.with(|k| *k.borrow_mut() = Some((key, record.params)));
                }
            }
            // A file chosen for import: read here (synchronously: this is a worker) and
            // kept for the requests that preview and merge it.
            ToWorker::ImportFile => {
                let file = beside.dyn_ref::<web_sys::Blob>();
                let text = file.and_then(|file| web_sys::FileReaderSync::new().ok()?.read_as_text(file).ok());
                FILE.with(|f| *f.borrow_mut() = Some(text.unwrap_or_default()));
            }
            _ => return false,
        }
        true
    }

    /// The request a message asks, with the file previewed as its `import` to merge.
    fn request_of(message: &ToWorker) -> Option<Request> {
        let mut request = message.request()?;
        if matches!(message, ToWorker::Merge { .. }) {
            request.import = FILE.with(|f| f.borrow().clone());
        }
        Some(request)
    }

    fn key() -> Option<(web_sys::CryptoKey, KeyParams)> {
        KEY.with(|k| k.borrow().clone())
    }

    /// What a chosen file is opened for, and the answer that says what it holds.
    #[derive(Clone, Copy)]
    enum Opening {
        /// The consultant's viewer: its history to show.
        View,
        /// Import: what it would bring to the history. A file locked with this phone's
        /// passphrase opens with its key, without asking.
        Import,
    }

    impl Opening {
        fn answer(self, text: &str, lang: Lang) -> FromWorker {
            match self {
                Opening::View => open_for_viewer(text, lang),
                Opening::Import => {
                    HISTORY.with(|h| READINGS.with(|r| preview_for_import(&h.borrow(), &r.borrow(), text, lang)))
                }
            }
        }
    }

    /// Opens the file kept (with `passphrase` when it is locked) and says what it holds,
    /// or that the passphrase did not open it. The opened text replaces the locked one:
    /// another language asks again without the passphrase, and a merge reads it.
    fn open(scope: &web_sys::DedicatedWorkerGlobalScope, opening: Opening, lang: Lang, passphrase: Option<String>) {
        let text = FILE.with(|f| f.borrow().clone()).unwrap_or_default();
        let Ok(file) = sealed::decode_file(&text) else {
            return reply(scope, &opening.answer(&text, lang), None);
        };
        let own_key = match opening {
            Opening::Import => key().filter(|(_, params)| params.salt == file.params.salt).map(|(key, _)| key),
            Opening::View => None,
        };
        if passphrase.is_none() && own_key.is_none() {
            return reply(scope, &opening.answer(&text, lang), None);
        }
        let scope = scope.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let key = match (passphrase, own_key) {
                (Some(passphrase), _) => crypto::derive_key(&passphrase, &file.params).await.ok(),
                (None, key) => key,
            };
            let opened = match key {
                Some(key) => crypto::open(&key, &file.sealed, sealed::FILE_AAD).await.ok(),
                None => None,
            };
            let answer = match opened {
                Some(plain) => {
                    let answer = opening.answer(&plain, lang);
                    FILE.with(|f| *f.borrow_mut() = Some(plain));
                    answer
                }
                None => FromWorker::Locked { wrong: true },
            };
            reply(&scope, &answer, None);
        });
    }

    /// Opens `files` (an array of `File`s) after those given before, one answer each, in
    /// order: a few are read ahead (the browser reads them while the worker opens another).
    fn open_files(scope: &web_sys::DedicatedWorkerGlobalScope, lang: Lang, files: &JsValue) {
        let files = files.dyn_ref::<js_sys::Array>().map(js_sys::Array::to_vec).unwrap_or_default();
        let running = TO_OPEN.with(|to_open| {
            let mut to_open = to_open.borrow_mut();
            // What is not a file is answered as an empty one is: refused, in its place.
            let empty = || web_sys::Blob::new().ok();
            to_open.0.extend(files.into_iter().filter_map(|file| Some((lang, file.dyn_into().ok().or_else(empty)?))));
            std::mem::replace(&mut to_open.1, true)
        });
        if running {
            return;
        }
        let scope = scope.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let mut reading = VecDeque::new();
            loop {
                while reading.len() < READ_AHEAD {
                    let Some((lang, file)) = TO_OPEN.with(|to_open| to_open.borrow_mut().0.pop_front()) else { break };
                    reading.push_back((lang, wasm_bindgen_futures::JsFuture::from(file.text())));
                }
                let Some((lang, text)) = reading.pop_front() else { break };
                let text = text.await.ok().and_then(|text| text.as_string()).unwrap_or_default();
                reply(&scope, &open_for_viewer(&text, lang), None);
            }
            TO_OPEN.with(|to_open| to_open.borrow_mut().1 = false);
        });
    }

    /// Does what the caseload is asked (opening its database the first time).
    async fn caseload(request: CaseloadRequest) -> Result<CaseloadAnswer, CaseloadError> {
        let shelf = match SHELF.with(|s| s.borrow().clone()) {
            Some(shelf) => shelf,
            None => {
                let shelf = std::rc::Rc::new(Shelf::open().await?);
                SHELF.with(|s| *s.borrow_mut() = Some(shelf.clone()));
                shelf
            }
        };
        let key = CASELOAD_KEY.with(|k| k.borrow().clone());
        match request {
            CaseloadRequest::Open => Ok(CaseloadAnswer::Opened { new: shelf.is_new() }),
            CaseloadRequest::Unlock { passphrase } => {
                let key = shelf.unlock(&passphrase).await?;
                let loaded = shelf.load(Some(&key)).await?;
                CASELOAD_KEY.with(|k| *k.borrow_mut() = Some(key));
                Ok(CaseloadAnswer::Loaded { cases: loaded.cases, unreadable: loaded.unreadable.len() as u32 })
            }
            CaseloadRequest::Keep { cases } => shelf.keep(key.as_ref(), &cases).await.map(|()| CaseloadAnswer::Done),
            CaseloadRequest::Remove { id } => shelf.remove(key.as_ref(), &id).await.map(|()| CaseloadAnswer::Done),
            CaseloadRequest::RemoveAll => {
                shelf.remove_everything().await?;
                CASELOAD_KEY.with(|k| *k.borrow_mut() = None);
                Ok(CaseloadAnswer::Done)
            }
        }
    }

    /// Locks an export file with the passphrase's key: the locked text and its name;
    /// `None` (the page says the file could not be made) without a key.
    async fn seal_file(text: &str, name: &str) -> Option<(String, String)> {
        let (key, params) = key()?;
        let sealed = crypto::seal(&key, text, sealed::FILE_AAD).await.ok()?;
        let stem = name.strip_suffix(".json").unwrap_or(name);
        Some((sealed::encode_file(&SealedFile { params, sealed }), format!("{stem}.locked.json")))
    }

    /// A file's text as a `File` called `name`, typed by its name.
    fn file_of(text: &str, name: &str) -> Option<web_sys::File> {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::FilePropertyBag::new();
        options.set_type(match name.rsplit('.').next() {
            Some("csv") => "text/csv;charset=utf-8",
            Some("ics") => "text/calendar;charset=utf-8",
            _ => "application/json",
        });
        web_sys::File::new_with_str_sequence_and_options(&parts, name, &options).ok()
    }

    /// The answer to a request that is not a file to download: the merged history, or
    /// the text for the portal.
    fn answer(message: &ToWorker, request: &Request) -> FromWorker {
        let made = held(request);
        let (made, readings) = (made.text, made.readings.unwrap_or_default());
        match (message, made.is_empty()) {
            (ToWorker::Merge { .. }, false) => FromWorker::Merged { history: made, readings },
            (ToWorker::Merge { .. }, true) => FromWorker::MergeFailed,
            (ToWorker::Send { .. }, false) => FromWorker::ForPortal { json: made },
            (ToWorker::Send { .. }, true) => FromWorker::PortalFailed,
            _ => FromWorker::Failed,
        }
    }

    /// Makes what `request` asks for from the history and the readings kept.
    fn held(request: &Request) -> ugeblik::session::files::Made {
        HISTORY.with(|h| READINGS.with(|r| make(&h.borrow(), &r.borrow(), request)))
    }

    /// Posts an answer, with what rides beside it.
    fn reply(scope: &web_sys::DedicatedWorkerGlobalScope, answer: &FromWorker, beside: Option<&JsValue>) {
        let _ = scope.post_message(&wire::post_value(answer, beside));
    }

    /// Posts an export file: as a `File` (for the phone's share sheet) beside its answer,
    /// which carries a blob: URL of it (for a download). The page needs no Blob code of
    /// its own and the text never passes through its memory.
    fn reply_file(scope: &web_sys::DedicatedWorkerGlobalScope, made: Option<(String, String)>) {
        let made = made.filter(|(text, _)| !text.is_empty());
        let file = made.as_ref().and_then(|(text, name)| Some((file_of(text, name)?, name.clone())));
        let url = file.as_ref().and_then(|(file, _)| web_sys::Url::create_object_url_with_blob(file).ok());
        match (file, url) {
            (Some((file, name)), Some(url)) => reply(scope, &FromWorker::File { name, url }, Some(&file)),
            _ => reply(scope, &FromWorker::FileFailed, None),
        }
    }

    /// Handles one message: keeps it, or answers it (later when WebCrypto is needed).
    fn receive(scope: &web_sys::DedicatedWorkerGlobalScope, data: &JsValue) {
        let (bytes, beside) = wire::received(data);
        let message = match ToWorker::read(&bytes) {
            Ok(message) => message,
            Err(refused) => return reply(scope, &refused, None),
        };
        if keep(scope, &message, &beside) {
            return;
        }
        match message {
            ToWorker::Open { lang, passphrase } => return open(scope, Opening::View, lang, passphrase),
            ToWorker::OpenFiles { lang } => return open_files(scope, lang, &beside),
            ToWorker::Preview { lang, passphrase } => return open(scope, Opening::Import, lang, passphrase),
            ToWorker::Caseload { ticket, request } => {
                let scope = scope.clone();
                return wasm_bindgen_futures::spawn_local(async move {
                    let answer = caseload(request).await.unwrap_or_else(CaseloadAnswer::Failed);
                    reply(&scope, &FromWorker::Caseload { ticket, answer }, None);
                });
            }
            _ => {}
        }
        let Some(request) = request_of(&message) else { return reply(scope, &FromWorker::Failed, None) };
        let file = matches!(message, ToWorker::Export { .. } | ToWorker::Reminder { .. });
        let seal = matches!(message, ToWorker::Export { seal: true, .. });
        if !seal {
            if file {
                let made = held(&request);
                return reply_file(scope, made.file.map(|name| (made.text, name)));
            }
            return reply(scope, &answer(&message, &request), None);
        }
        // WebCrypto answers later: the reply follows when it has.
        let scope = scope.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let made = held(&request);
            let made = match made.file {
                Some(name) if seal && !made.text.is_empty() => seal_file(&made.text, &name).await,
                Some(name) => Some((made.text, name)),
                None => None,
            };
            reply_file(&scope, made);
        });
    }

    pub fn start() {
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let replies = scope.clone();
        let on_message = OnMessage::new(move |event: web_sys::MessageEvent| receive(&replies, &event.data()));
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // Owned by the worker's state, not forgotten: it lives exactly as long as the worker.
        LISTENER.with(|l| *l.borrow_mut() = Some(on_message));
        // Messages posted before this point were dropped: say that the worker listens now.
        reply(&scope, &FromWorker::Ready, None);
    }
}
