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
    use ugeblik::domain::history::History;
    use ugeblik::render::{render, Request};
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
    }

    fn now(scope: &web_sys::DedicatedWorkerGlobalScope) -> f64 {
        scope.performance().map_or(0.0, |p| p.now())
    }

    /// The answer to one message: its `seq` and the HTML (empty when unreadable).
    fn handle(text: &str) -> (u32, String, String) {
        match serde_json::from_str::<Message>(text) {
            Ok(message) => {
                if let Some(history) = message.history {
                    HISTORY.with(|h| *h.borrow_mut() = history);
                }
                let mut request = message.request;
                if request.import_file {
                    request.import = FILE.with(|f| f.borrow().clone());
                }
                let rendered = HISTORY.with(|h| render(&h.borrow(), &request));
                (message.seq, rendered.html, rendered.file.unwrap_or_default())
            }
            Err(_) => (0, String::new(), String::new()),
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

    pub fn start() {
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let replies = scope.clone();
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            // A file chosen for import: read it here (synchronously: this is a worker) and
            // keep it for the requests that preview and merge it.
            if let Some(file) = event.data().dyn_ref::<web_sys::Blob>() {
                let text = web_sys::FileReaderSync::new().ok().and_then(|r| r.read_as_text(file).ok());
                FILE.with(|f| *f.borrow_mut() = Some(text.unwrap_or_default()));
                return;
            }
            let started = now(&replies);
            let (seq, html, file) = handle(&event.data().as_string().unwrap_or_default());
            let millis = now(&replies) - started;
            // A file goes to the page as a `File` (for the phone's share sheet), posted just
            // before the answer, which carries a blob: URL of it (for a download). The page
            // needs no Blob code of its own and the text never passes through its memory.
            let mut body = html;
            if !file.is_empty() {
                let made = file_of(&body, &file);
                body =
                    made.as_ref().and_then(|f| web_sys::Url::create_object_url_with_blob(f).ok()).unwrap_or_default();
                if let Some(made) = made {
                    let _ = replies.post_message(&made);
                }
            }
            let _ = replies.post_message(&JsValue::from_str(&format!("{seq} {millis:.2} {file}\n{body}")));
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // Messages posted before this point were dropped: say that the worker listens now.
        let _ = scope.post_message(&JsValue::from_str("ready"));
    }
}
