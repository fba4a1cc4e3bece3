//! The worker from the page's side (`src/bin/charts.rs` is the other side): started
//! the first time a drawn screen needs a file made or read, given what it needs before a
//! request (the language's pack, the history, the passphrase's key), and its answers read
//! as [`FromWorker`] and handed to the screen. It ends with the screen that started it.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::lang::Lang;
use crate::i18n::Msg;
use crate::page::state::AppState;
use crate::platform::browser;
use crate::session::protocol::{wire, FromWorker, ToWorker};

/// Where the worker's loader lies, relative to the page, so a sub-path works. The release
/// build names it with a hash of its content (and of the files it loads) and writes that
/// name into the page (`<meta name="ugeblik-charts">`, scripts/offline.mjs): a page only
/// ever starts the worker of its own build, whatever an older version left in the cache.
/// A development build (`trunk serve`) has the plain name.
const WORKER_URL: &str = "./charts_loader.js";

/// What the screen does with an answer and what rides beside it (an export's `File`).
type Answer = Box<dyn Fn(FromWorker, JsValue)>;

/// A started worker and its handlers (kept alive as long as the worker).
struct Running {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
    /// It has the history as it is now.
    history_sent: bool,
    /// It has said `Ready`; until then messages wait in `pending`, in order.
    ready: bool,
    pending: Vec<JsValue>,
    /// The language packs it has had.
    packs: Vec<Lang>,
}

impl Running {
    /// Posts a message (with what rides beside it), or keeps it until the worker is ready.
    fn post(&mut self, message: &ToWorker, beside: Option<&JsValue>) {
        self.send(wire::post_value(message, beside));
    }

    fn send(&mut self, posted: JsValue) {
        if self.ready {
            let _ = self.worker.post_message(&posted);
        } else {
            self.pending.push(posted);
        }
    }
}

/// A drawn screen's worker, started when first asked for.
#[derive(Clone, Copy)]
pub struct Worker {
    state: AppState,
    running: StoredValue<Option<Running>, LocalStorage>,
    answer: StoredValue<Option<Answer>, LocalStorage>,
    /// Set when it cannot be started, loaded or run.
    problem: RwSignal<Option<Msg>>,
}

impl Worker {
    /// The screen's worker, not started yet; terminated when the screen ends. `problem` is
    /// set when it cannot be started (offline before the service worker kept it, say).
    pub fn new(state: AppState, problem: RwSignal<Option<Msg>>) -> Worker {
        let worker =
            Worker { state, running: StoredValue::new_local(None), answer: StoredValue::new_local(None), problem };
        on_cleanup(move || {
            worker.running.update_value(|running| {
                if let Some(running) = running.take() {
                    // A message the worker posted before it ends may still be on its way:
                    // with no handler it is dropped, instead of calling a closure freed here.
                    running.worker.set_onmessage(None);
                    running.worker.set_onerror(None);
                    running.worker.terminate();
                }
            })
        });
        worker
    }

    /// What the screen does with each answer but `Ready`, which the worker handles itself.
    pub fn on_answer(self, answer: impl Fn(FromWorker, JsValue) + 'static) {
        self.answer.set_value(Some(Box::new(answer)));
    }

    /// Hands an answer to the screen (also one the page made itself), unless it has ended.
    pub fn answered(self, answer: FromWorker, beside: JsValue) {
        let _ = self.answer.try_with_value(|on| on.as_ref().map(|on| on(answer, beside)));
    }

    /// Asks it, with the language's pack and the history first if it has not had them;
    /// starts it the first time. `false` when it cannot be started.
    pub fn ask(self, lang: Lang, message: &ToWorker) -> bool {
        self.ask_with(lang, message, None)
    }

    /// [`Worker::ask`] with what rides beside the message (files to open).
    pub fn ask_with(self, lang: Lang, message: &ToWorker, beside: Option<&JsValue>) -> bool {
        if !self.started() {
            return false;
        }
        let state = self.state;
        self.running.update_value(|running| {
            let Some(running) = running else { return };
            // It draws in the language's pack: sent once, before the first request that
            // needs it.
            if !running.packs.contains(&lang) {
                if let Some(source) = crate::i18n::pack::source(lang) {
                    running.post(&ToWorker::Pack(source.into()), None);
                    running.packs.push(lang);
                }
            }
            if !running.history_sent {
                let mut stored = String::new();
                state.history.with_untracked(|h| crate::formats::stored::write_history_body(&mut stored, h));
                running.post(&ToWorker::History(stored), None);
                running.history_sent = true;
            }
            // Others' readings, as held now: few, and changed on any session screen.
            let readings =
                crate::session::readings::held(state).with_untracked(crate::formats::stored::encode_readings);
            running.post(&ToWorker::Readings(readings), None);
            running.post(message, beside);
        });
        true
    }

    /// Gives it a message with what rides beside (a file to import); starts it the first
    /// time. `false` when it cannot be started.
    pub fn give(self, message: &ToWorker, beside: &JsValue) -> bool {
        if !self.started() {
            return false;
        }
        self.running.update_value(|running| running.iter_mut().for_each(|r| r.post(message, Some(beside))));
        true
    }

    /// The history changed: it is sent again before the next request.
    pub fn history_changed(self) {
        self.running.update_value(|running| running.iter_mut().for_each(|r| r.history_sent = false));
    }

    /// Starts it unless it runs; whether it runs.
    fn started(self) -> bool {
        if self.running.with_value(Option::is_none) {
            let started = self.start();
            if started.is_none() {
                self.problem.set(Some(Msg::ChartFailed));
            }
            self.running.set_value(started);
        }
        self.running.with_value(Option::is_some)
    }

    fn start(self) -> Option<Running> {
        let url = browser::meta("ugeblik-charts").unwrap_or_else(|| WORKER_URL.into());
        let worker = web_sys::Worker::new(&url).ok()?;
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            // An answer that does not read is `Failed`: said, and nothing else happens.
            let (bytes, beside) = wire::received(&event.data());
            match FromWorker::read(&bytes) {
                FromWorker::Ready => self.running.update_value(|running| {
                    if let Some(running) = running {
                        running.ready = true;
                        for message in std::mem::take(&mut running.pending) {
                            running.send(message);
                        }
                    }
                }),
                answer => self.answered(answer, beside),
            }
        });
        // Before it is ready, the worker could not be loaded: offline, the drawn screens'
        // files not kept yet (the service worker keeps them once the phone is idle online).
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            let loaded = self.running.with_value(|r| r.as_ref().is_some_and(|r| r.ready));
            self.problem.set(Some(if loaded { Msg::ChartFailed } else { Msg::ChartOffline }));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let mut running = Running {
            worker,
            _on_message: on_message,
            _on_error: on_error,
            history_sent: false,
            ready: false,
            pending: Vec::new(),
            packs: Vec::new(),
        };
        // With a passphrase set, the worker gets the key (which cannot be read out of it)
        // and the lock's parameters, to lock an export and open a file locked the same way.
        let state = self.state;
        if let (Some(sealed), Some(store)) = (state.sealed(), state.browser_store()) {
            if let Ok(Some(lock)) =
                crate::platform::storage::KeyValueStore::get(&store, crate::platform::storage::LOCK_KEY)
            {
                running.post(&ToWorker::Key { lock }, Some(&sealed.key()));
            }
        }
        Some(running)
    }
}
