use leptos::prelude::*;

use super::state::{AppState, Screen};
use crate::i18n::Msg;

/// The thank-you after saving.
#[component]
pub fn Saved() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move |msg: Msg| msg.get(state.lang.get());
    view! {
        <section class="ugb-screen ugb-saved" aria-labelledby="ugb-saved-title">
            <h2 id="ugb-saved-title" tabindex="-1">{move || t(Msg::SavedTitle)}</h2>
            <p>{move || t(Msg::SavedText)}</p>
            <button type="button" class="ugb-primary" on:click=move |_| state.show(Screen::History)>
                {move || t(Msg::SeeHistory)}
            </button>
            <button type="button" class="ugb-secondary" on:click=move |_| state.show(Screen::Home)>
                {move || t(Msg::ToStart)}
            </button>
        </section>
    }
}
