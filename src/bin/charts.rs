//! The chart worker: renders the progress screen's content (plotters SVG, keys, tables) in
//! a web worker. The app starts it only when the progress screen opens, so the check-in's
//! first load never downloads it, and drawing never blocks the page.
//!
//! Protocol: once it listens, the worker posts `ready`. The page may post a `File` (for
//! import; kept, no answer). Then the page posts a JSON string `{"seq", "history"?, "request"}`; the worker
//! keeps the last history it was sent and answers with the text `seq`, a newline, and the
//! HTML (the charts' cursor data rides in `data-` attributes, so the page needs no JSON
//! parser for the answer). The first line also carries the milliseconds the drawing took
//! and, for an export, the file's name: `seq millis name`, and the body is then a `blob:`
//! URL of the file. A message it cannot read gets `0 0` and a newline and nothing else,
//! never a panic.

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the chart worker runs in a browser; see src/render.rs for what it draws");
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::RefCell;

    use serde::Deserialize;
    use ugeblik::crypto;
    use ugeblik::domain::history::History;
    use ugeblik::domain::sealed::{self, KeyParams, SealedFile};
    use ugeblik::render::{render, Request, View};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    #[derive(Deserialize)]
    struct Message {
        seq: u32,
        #[serde(default)]
        history: Option<History>,
        request: Request,
    }

    thread_local! {
        static HISTORY: RefCell<History> = RefCell::new(History::default());
        /// The text of the file the page last posted for import.
        static FILE: RefCell<Option<String>> = const { RefCell::new(None) };
        /// With a passphrase set: its key (never readable) and the lock's parameters.
        static KEY: RefCell<Option<(web_sys::CryptoKey, KeyParams)>> = const { RefCell::new(None) };
    }

    fn now(scope: &web_sys::DedicatedWorkerGlobalScope) -> f64 {
        scope.performance().map_or(0.0, |p| p.now())
    }

    /// Reads one message; `None` when it is not one (answered with `0 0`).
    fn read(text: &str) -> Option<Message> {
        let mut message = serde_json::from_str::<Message>(text).ok()?;
        if let Some(history) = message.history.take() {
            HISTORY.with(|h| *h.borrow_mut() = history);
        }
        if message.request.import_file {
            message.request.import = FILE.with(|f| f.borrow().clone());
        }
        Some(message)
    }

    /// The answer to one message: the HTML (or the file's text) and the file's name.
    fn draw(request: &Request) -> (String, String) {
        let rendered = HISTORY.with(|h| render(&h.borrow(), request));
        (rendered.html, rendered.file.unwrap_or_default())
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

    /// Locks an export file with the passphrase's key; empty (the page says the file could
    /// not be made) without one.
    async fn seal_file(text: &str, name: &str) -> (String, String) {
        let Some((key, params)) = key() else { return (String::new(), String::new()) };
        match crypto::seal(&key, text, sealed::FILE_AAD).await {
            Ok(sealed) => {
                let stem = name.strip_suffix(".json").unwrap_or(name);
                (sealed::encode_file(&SealedFile { params, sealed }), format!("{stem}.locked.json"))
            }
            Err(_) => (String::new(), String::new()),
        }
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

    /// Posts the answer. A file goes to the page as a `File` (for the phone's share sheet),
    /// posted just before the answer, which carries a blob: URL of it (for a download).
    /// The page needs no Blob code of its own and the text never passes through its memory.
    fn reply(scope: &web_sys::DedicatedWorkerGlobalScope, seq: u32, millis: f64, html: String, file: String) {
        let mut body = html;
        if !file.is_empty() {
            let made = file_of(&body, &file);
            body = made.as_ref().and_then(|f| web_sys::Url::create_object_url_with_blob(f).ok()).unwrap_or_default();
            if let Some(made) = made {
                let _ = scope.post_message(&made);
            }
        }
        let _ = scope.post_message(&JsValue::from_str(&format!("{seq} {millis:.2} {file}\n{body}")));
    }

    pub fn start() {
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let replies = scope.clone();
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            // A file chosen for import: read it here (synchronously: this is a worker) and
            // keep it for the requests that preview and merge it.
            if let Some(file) = data.dyn_ref::<web_sys::Blob>() {
                let text = web_sys::FileReaderSync::new().ok().and_then(|r| r.read_as_text(file).ok());
                FILE.with(|f| *f.borrow_mut() = Some(text.unwrap_or_default()));
                return;
            }
            // A language pack, for drawing in a language not built in.
            if let Some(pack) = data.dyn_ref::<js_sys::Array>().filter(|a| a.length() == 1) {
                if let Some(text) = pack.get(0).as_string() {
                    let _ = ugeblik::i18n::pack::install_with_chart(&text);
                }
                return;
            }
            // The passphrase's key and the lock record it belongs to.
            if let Some(pair) = data.dyn_ref::<js_sys::Array>() {
                let key = pair.get(0).dyn_into::<web_sys::CryptoKey>().ok();
                let record = pair.get(1).as_string().and_then(|r| sealed::decode_lock(&r).ok());
                if let (Some(key), Some(record)) = (key, record) {
                    KEY.with(|k| *k.borrow_mut() = Some((key, record.params)));
                }
                return;
            }
            let started = now(&replies);
            let Some(mut message) = read(&data.as_string().unwrap_or_default()) else {
                return reply(&replies, 0, 0.0, String::new(), String::new());
            };
            let request = &message.request;
            let locked_import = request.import.as_deref().is_some_and(sealed::is_sealed_file);
            let seal = request.view == View::Export
                && request.seal
                && !matches!(request.format.as_deref(), Some("portal") | Some("ics"));
            if !locked_import && !seal {
                let (html, file) = draw(request);
                return reply(&replies, message.seq, now(&replies) - started, html, file);
            }
            // WebCrypto answers later: the reply follows when it has.
            let replies = replies.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if locked_import {
                    open_file(&mut message.request).await;
                }
                let (mut html, mut file) = draw(&message.request);
                if seal && !file.is_empty() {
                    (html, file) = seal_file(&html, &file).await;
                }
                reply(&replies, message.seq, now(&replies) - started, html, file);
            });
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // Messages posted before this point were dropped: say that the worker listens now.
        let _ = scope.post_message(&JsValue::from_str("ready"));
    }
}
