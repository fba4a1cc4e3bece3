use leptos::prelude::*;

use crate::i18n::Msg;
use crate::page::button::Button;
use crate::page::live::text;
use crate::page::state::{AppState, Screen};

/// The thank-you after saving: on to the past weeks, or back to the start page.
#[component]
pub fn Saved() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <section class="ugb-screen ugb-saved" aria-labelledby="ugb-saved-title">
            <h2 id="ugb-saved-title" tabindex="-1">{text(lang, Msg::SavedTitle)}</h2>
            <p>{text(lang, Msg::SavedText)}</p>
            <Button
                class="ugb-primary"
                text=text(lang, Msg::SeeHistory)
                on_click=move || state.show(Screen::History)
            />
            <Button class="ugb-secondary" text=text(lang, Msg::ToStart) on_click=move || state.show(Screen::Home)/>
        </section>
    }
}
