use leptos::prelude::*;

use crate::i18n::Msg;
use crate::page::button::Button;
use crate::page::live::text;
use crate::page::state::AppState;

/// After everything was deleted, the only screen left: what happened (`why`), and a
/// fresh start (the page loaded again, with nothing stored).
#[component]
pub fn Deleted(why: Msg) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    view! {
        <section class="ugb-screen" aria-labelledby="ugb-deleted-title">
            <h2 id="ugb-deleted-title" tabindex="-1">{text(lang, why)}</h2>
            <Button class="ugb-primary" text=text(lang, Msg::StartAgain) on_click=crate::platform::browser::reload/>
        </section>
    }
}
