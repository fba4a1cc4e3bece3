use leptos::prelude::*;

use super::state::AppState;
use crate::domain::instrument::CATALOGUE;
use crate::i18n::Msg;

/// What Ugeblik is, where the data lives, and the instruments' sources and notices.
#[component]
pub fn About() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move |msg: Msg| msg.get(state.lang.get());
    view! {
        <section class="ugb-screen ugb-about" aria-labelledby="ugb-about-title">
            <h2 id="ugb-about-title" tabindex="-1">{move || t(Msg::AboutTitle)}</h2>
            <p>{move || t(Msg::AboutText)}</p>
            <h3>{move || t(Msg::PrivacyTitle)}</h3>
            <p>{move || t(Msg::PrivacyText)}</p>
            <h3>{move || t(Msg::SourcesTitle)}</h3>
            <ul class="ugb-sources">
                {CATALOGUE
                    .iter()
                    .map(|instrument| {
                        view! {
                            <li>
                                <strong>{move || instrument.name.get(state.lang.get())}</strong>
                                " – "
                                {move || if instrument.validated { t(Msg::Validated) } else { t(Msg::NotValidated) }}
                                <br/>
                                {move || instrument.notice.get(state.lang.get())}
                                <br/>
                                <span lang="en">{instrument.source}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
