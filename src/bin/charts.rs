//! The chart worker: what the drawn screens do with files, in a web worker: a file to
//! import previewed (a locked one opened), merged; the consultant's viewer; every export
//! (JSON, CSV, FHIR, locked or not), the reminder's calendar file and the file for a
//! portal. The page starts it the first time one of those is asked for: the drawn screens
//! themselves the page draws with the same renderer (`render::render_drawn`, in the part
//! of its code fetched when such a screen opens), so opening the progress screen never
//! fetches this worker, nor serde_json, CSV, FHIR or the import's readers.
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
    eprintln!("the chart worker runs in a browser; see src/session/render.rs for what it draws");
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::RefCell;

    use ugeblik::domain::history::History;
    use ugeblik::domain::lang::Lang;
    use ugeblik::formats::sealed::{self, KeyParams, SealedFile};
    use ugeblik::platform::crypto;
    use ugeblik::session::protocol::{wire, FromWorker, ToWorker};
    use ugeblik::session::render::{open_for_viewer, render, Request};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    type OnMessage = Closure<dyn FnMut(web_sys::MessageEvent)>;

    thread_local! {
        static HISTORY: RefCell<History> = RefCell::new(History::default());
        /// The text of the file the page last posted for import.
        static FILE: RefCell<Option<String>> = const { RefCell::new(None) };
        /// With a passphrase set: its key (never readable) and the lock's parameters.
        static KEY: RefCell<Option<(web_sys::CryptoKey, KeyParams)>> = const { RefCell::new(None) };
        /// The page's messages' listener.
        static LISTENER: RefCell<Option<OnMessage>> = const { RefCell::new(None) };
    }

    fn now(scope: &web_sys::DedicatedWorkerGlobalScope) -> f64 {
        scope.performance().map_or(0.0, |p| p.now())
    }

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

    /// The request a message asks, with the file being previewed as its `import`.
    fn request_of(message: &ToWorker) -> Option<Request> {
        let mut request = message.request()?;
        if request.choices.importing {
            request.import = FILE.with(|f| f.borrow().clone());
        }
        Some(request)
    }

    fn key() -> Option<(web_sys::CryptoKey, KeyParams)> {
        KEY.with(|k| k.borrow().clone())
    }

    /// Opens a locked file to import with the passphrase in the request's form, or with
    /// the passphrase's key when the file was locked with it on this phone. The opened
    /// text replaces the file; a wrong passphrase is said on the form.
    async fn open_file(request: &mut Request) {
        let Some(text) = request.import.clone() else { return };
        let Ok(file) = sealed::decode_file(&text) else { return };
        let typed = request.form.chunks(2).find(|pair| pair[0] == "passphrase").and_then(|pair| pair.get(1)).cloned();
        let key = match (typed, key()) {
            (Some(passphrase), _) => crypto::derive_key(&passphrase, &file.params).await.ok(),
            (None, Some((key, params))) if params.salt == file.params.salt => Some(key),
            (None, _) => return,
        };
        let opened = match key {
            Some(key) => crypto::open(&key, &file.sealed, sealed::FILE_AAD).await.ok(),
            None => None,
        };
        match opened {
            Some(plain) => {
                FILE.with(|f| *f.borrow_mut() = Some(plain.clone()));
                request.import = Some(plain);
            }
            None => request.import_wrong = true,
        }
    }

    /// Opens the file kept for the consultant's viewer, with `passphrase` when it is locked,
    /// and says what it holds (or that the passphrase did not open it).
    fn open(scope: &web_sys::DedicatedWorkerGlobalScope, lang: Lang, passphrase: Option<String>) {
        let text = FILE.with(|f| f.borrow().clone()).unwrap_or_default();
        let (Ok(file), Some(passphrase)) = (sealed::decode_file(&text), passphrase) else {
            return reply(scope, &open_for_viewer(&text, lang), None);
        };
        let scope = scope.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let opened = match crypto::derive_key(&passphrase, &file.params).await {
                Ok(key) => crypto::open(&key, &file.sealed, sealed::FILE_AAD).await.ok(),
                Err(_) => None,
            };
            let answer = match opened {
                // Kept opened: another language asks again without the passphrase.
                Some(plain) => {
                    let answer = open_for_viewer(&plain, lang);
                    FILE.with(|f| *f.borrow_mut() = Some(plain));
                    answer
                }
                None => FromWorker::Locked { wrong: true },
            };
            reply(&scope, &answer, None);
        });
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

    /// The answer to a request other than a file, with the time it took since `started`.
    fn answer(
        scope: &web_sys::DedicatedWorkerGlobalScope,
        message: &ToWorker,
        request: &Request,
        started: f64,
    ) -> FromWorker {
        let drawn = |seq| {
            let html = HISTORY.with(|h| render(&h.borrow(), request)).html;
            if html.is_empty() {
                return FromWorker::Failed;
            }
            let hundredths = ((now(scope) - started) * 100.0) as u32;
            FromWorker::Drawn { seq, hundredths, html }
        };
        match message {
            ToWorker::Draw { seq, .. } | ToWorker::Unlock { seq, .. } => drawn(*seq),
            ToWorker::Merge { .. } => {
                let merged = HISTORY.with(|h| render(&h.borrow(), request)).html;
                if merged.is_empty() {
                    FromWorker::MergeFailed
                } else {
                    FromWorker::Merged { history: merged }
                }
            }
            ToWorker::Send { .. } => {
                let json = HISTORY.with(|h| render(&h.borrow(), request)).html;
                if json.is_empty() {
                    FromWorker::PortalFailed
                } else {
                    FromWorker::ForPortal { json }
                }
            }
            _ => FromWorker::Failed,
        }
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
        let started = now(scope);
        let (bytes, beside) = wire::received(data);
        let message = match ToWorker::read(&bytes) {
            Ok(message) => message,
            Err(refused) => return reply(scope, &refused, None),
        };
        if keep(scope, &message, &beside) {
            return;
        }
        if let ToWorker::Open { lang, passphrase } = message {
            return open(scope, lang, passphrase);
        }
        let Some(mut request) = request_of(&message) else { return reply(scope, &FromWorker::Failed, None) };
        let locked_import = request.import.as_deref().is_some_and(sealed::is_sealed_file);
        let file = matches!(message, ToWorker::Export { .. } | ToWorker::Reminder { .. });
        let seal = matches!(message, ToWorker::Export { seal: true, .. });
        if !locked_import && !seal {
            if file {
                let rendered = HISTORY.with(|h| render(&h.borrow(), &request));
                return reply_file(scope, rendered.file.map(|name| (rendered.html, name)));
            }
            return reply(scope, &answer(scope, &message, &request, started), None);
        }
        // WebCrypto answers later: the reply follows when it has.
        let scope = scope.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if locked_import {
                open_file(&mut request).await;
            }
            if !file {
                return reply(&scope, &answer(&scope, &message, &request, started), None);
            }
            let rendered = HISTORY.with(|h| render(&h.borrow(), &request));
            let made = match rendered.file {
                Some(name) if seal && !rendered.html.is_empty() => seal_file(&rendered.html, &name).await,
                Some(name) => Some((rendered.html, name)),
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
