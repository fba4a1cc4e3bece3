use leptos::prelude::*;

use super::state::{AppState, Screen};
use crate::i18n::Msg;

/// The thank-you after saving.
#[component]
pub fn Saved() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        view! {
            <section class="ugb-screen ugb-saved" aria-labelledby="ugb-saved-title">
                <h2 id="ugb-saved-title" tabindex="-1">{Msg::SavedTitle.get(lang)}</h2>
                <p>{Msg::SavedText.get(lang)}</p>
                <button type="button" class="ugb-primary" on:click=move |_| state.show(Screen::History)>
                    {Msg::SeeHistory.get(lang)}
                </button>
                <button type="button" class="ugb-secondary" on:click=move |_| state.show(Screen::Home)>
                    {Msg::ToStart.get(lang)}
                </button>
            </section>
        }
    }
}
