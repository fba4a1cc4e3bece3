//! The consultant's viewer (`?viewer`): a citizen's file opened read-only and shown as the
//! progress screen shows the citizen's own history, with the same choices and figures. The
//! worker reads the file (its text never passes through the page) and answers with
//! its history, or that it is locked, or why it cannot be shown; nothing is stored.

use leptos::html::Input;
use leptos::prelude::*;

use crate::domain::history::History;
use crate::domain::lang::Lang;
use crate::domain::rater::Readings;
use crate::i18n::{ChartMsg, Msg};
use crate::page::state::AppState;
use crate::session::progress::fitted_width;
use crate::session::progress_screen::trends;
use crate::session::protocol::{FromWorker, ToWorker};
use crate::session::screen::{locked_form, split_screen, Shown};
use crate::session::worker::Worker;

const FILE: &str = "ugb-viewer-file";

/// What the viewer says of the file chosen.
#[derive(Clone, Debug, PartialEq)]
enum Opened {
    /// No file yet, or the locked one was put away.
    Nothing,
    /// Its passphrase is asked for (`wrong`: the one given did not open it).
    Locked { wrong: bool },
    /// It cannot be shown, and why, as the worker said it (in the language asked for).
    Refused(String),
    /// It cannot be shown, and why, as the page says it (in any language).
    Said(Msg),
    /// It is shown: its nickname and how many answers it holds.
    Shown { nickname: Option<String>, responses: u32 },
}

split_screen!(
    /// The viewer's screen, fetched only when the viewer opens (`?viewer`): a citizen opening
    /// the progress screen never fetches it.
    ugeblik_viewer,
    viewer_screen,
    Viewer
);

/// The viewer's screen: the file picker and what it opened, then the figures; or, for a
/// rater on their own device (`?rater=employer`, which opens the app as the viewer: nothing
/// of its own is stored), their rating, saved as a file.
#[component]
pub fn Viewer() -> impl IntoView {
    let state = expect_context::<AppState>();
    let search = crate::platform::browser::search();
    if crate::formats::config::caseload(&search) {
        return view! { <crate::session::caseload::Caseload/> }.into_any();
    }
    match crate::formats::config::rater_role(&search) {
        Some(role) => {
            let slot = crate::session::others::Slot::Standalone(role);
            let (lang, width) = (state.lang.get_untracked(), RwSignal::new(0));
            let part = crate::session::others::others_part(Shown::new(state, None), lang, width, slot);
            crate::session::screen::own_part(state, part)
        }
        None => view! { <FileViewer/> }.into_any(),
    }
}

/// The file picker and what it opened, then the figures.
#[component]
fn FileViewer() -> impl IntoView {
    let state = expect_context::<AppState>();
    let width = fitted_width();
    let file = RwSignal::new(None::<History>);
    let readings = RwSignal::new(Readings::default());
    let shown = Shown::new(state, Some((file, readings)));
    let opened = RwSignal::new(Opened::Nothing);
    let problem = RwSignal::new(None::<Msg>);
    let worker = Worker::new(state, problem);
    // Every answer replaces what was shown: a file that does not open shows nothing of the
    // one before it.
    worker.on_answer(move |answer, _| {
        let (history, said) = match answer {
            FromWorker::Opened { nickname, responses, history, readings: theirs } => {
                // Read again as stored data is, before it is shown.
                let stored = crate::formats::stored::decode_history(&history)
                    .and_then(|h| Ok((h, crate::formats::stored::decode_readings(&theirs)?)));
                match stored {
                    Ok((history, theirs)) => {
                        readings.set(theirs);
                        (Some(history), Opened::Shown { nickname, responses })
                    }
                    Err(_) => (None, Opened::Said(Msg::ChartFailed)),
                }
            }
            FromWorker::Locked { wrong } => {
                // Where the passphrase is typed, once the form is there.
                request_animation_frame(|| crate::platform::browser::focus_id(crate::session::screen::PASSPHRASE));
                (None, Opened::Locked { wrong })
            }
            FromWorker::Refused(why) => (None, Opened::Refused(why)),
            other => return problem.set(other.problem()),
        };
        opened.set(said);
        file.set(history);
    });
    // The worker's refusal is said again in the language chosen (it keeps the file it
    // refused: the last one it was given).
    Effect::new(move |previous: Option<Lang>| {
        let lang = state.lang.get();
        if previous.is_some_and(|p| p != lang) && opened.with_untracked(|o| matches!(o, Opened::Refused(_))) {
            worker.ask(lang, &ToWorker::Open { lang, passphrase: None });
        }
        lang
    });
    let picker = NodeRef::<Input>::new();
    let passphrase = NodeRef::<Input>::new();
    let choose = move |_| {
        let lang = state.lang.get_untracked();
        let chosen = picker.get_untracked().and_then(|input| input.files()).and_then(|files| files.get(0));
        let Some(chosen) = chosen else { return };
        problem.set(None);
        if chosen.size() > crate::formats::import::MAX_IMPORT_BYTES as f64 {
            opened.set(Opened::Said(Msg::ImportTooLarge));
            return file.set(None);
        }
        // The worker reads the file itself: its text never passes through the page.
        if worker.give(&ToWorker::ImportFile, &chosen.into()) {
            worker.ask(lang, &ToWorker::Open { lang, passphrase: None });
        }
    };
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = state.lang.get_untracked();
        let typed = passphrase.get_untracked().map(|field| field.value()).unwrap_or_default();
        worker.ask(lang, &ToWorker::Open { lang, passphrase: Some(typed) });
    };
    let put_away = move |_| {
        if let Some(input) = picker.get_untracked() {
            input.set_value("");
        }
        opened.set(Opened::Nothing);
        file.set(None);
    };
    move || {
        let lang = state.lang.get();
        crate::i18n::pack::install_chart(lang);
        let said = move || match opened.get() {
            Opened::Nothing => None,
            Opened::Locked { wrong } => Some(locked_form(lang, wrong, passphrase, unlock, put_away).into_any()),
            Opened::Refused(why) => Some(view! { <p class="ugb-notice" role="alert">{why}</p> }.into_any()),
            Opened::Said(msg) => Some(view! { <p class="ugb-notice" role="alert">{msg.get(lang)}</p> }.into_any()),
            Opened::Shown { nickname, responses } => {
                let nickname = nickname.unwrap_or_else(|| "–".to_owned());
                let summary =
                    ChartMsg::ViewerFile.fill(lang, &[("nickname", &nickname), ("responses", &responses.to_string())]);
                Some(view! { <p id="ugb-viewer-summary" class="ugb-viewer__file">{summary}</p> }.into_any())
            }
        };
        view! {
            <section class="ugb-screen ugb-trends" aria-labelledby="ugb-drawn-title">
                <h2 id="ugb-drawn-title" tabindex="-1">{Msg::ProgressTitle.get(lang)}</h2>
                {move || problem.get().map(|msg| view! { <p class="ugb-notice" role="alert">{msg.get(lang)}</p> })}
                <section class="ugb-viewer" aria-labelledby="ugb-viewer-title">
                    <h3 id="ugb-viewer-title">{ChartMsg::ViewerTitle.get(lang)}</h3>
                    <div class="ugb-field">
                        <label for=FILE>{ChartMsg::ViewerChoose.get(lang)}</label>
                        <input id=FILE type="file" accept=".json,application/json" node_ref=picker on:change=choose/>
                    </div>
                    {said}
                </section>
                {trends(lang, shown, width)}
            </section>
        }
    }
}
