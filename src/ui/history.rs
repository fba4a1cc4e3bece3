use leptos::prelude::*;

use super::progress::results;
use super::state::AppState;
use crate::i18n::Msg;
use crate::render::View;

/// Past weeks, newest first, each in short form, with export and import: drawn by the
/// chart worker, like the progress screen, so that the first load does not carry it.
#[component]
pub fn HistoryScreen() -> impl IntoView {
    drawn_screen(Msg::HistoryTitle, View::History)
}

/// Goals and milestones, for a session with the consultant: drawn by the chart worker.
#[component]
pub fn GoalsScreen() -> impl IntoView {
    drawn_screen(Msg::GoalsTitle, View::Goals)
}

/// A screen whose content the worker draws: its heading, then the drawing.
fn drawn_screen(title: Msg, view: View) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        view! {
            <section class="ugb-screen" aria-labelledby="ugb-drawn-title">
                <h2 id="ugb-drawn-title" tabindex="-1">{title.get(lang)}</h2>
                {results(state, lang, None, view)}
            </section>
        }
    }
}
