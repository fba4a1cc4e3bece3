use leptos::prelude::*;

use super::progress::results;
use super::state::AppState;
use crate::i18n::Msg;
use crate::render::View;

/// Past weeks, newest first, each in short form: drawn by the chart worker, like the
/// progress screen, so that the first load does not carry it.
#[component]
pub fn HistoryScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        view! {
            <section class="ugb-screen ugb-history" aria-labelledby="ugb-history-title">
                <h2 id="ugb-history-title" tabindex="-1">{Msg::HistoryTitle.get(lang)}</h2>
                {results(state, lang, None, View::History)}
            </section>
        }
    }
}
