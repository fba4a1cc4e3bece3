use leptos::prelude::*;

use super::progress::results;
use super::state::AppState;
use crate::i18n::Msg;
use crate::render::View;

/// What Ugeblik is, where the data lives, and the instruments' sources and notices: drawn
/// by the worker, like the other screens that only show things.
#[component]
pub fn About() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        view! {
            <section class="ugb-screen ugb-about" aria-labelledby="ugb-about-title">
                <h2 id="ugb-about-title" tabindex="-1">{Msg::AboutTitle.get(lang)}</h2>
                {results(state, lang, None, View::About)}
            </section>
        }
    }
}
