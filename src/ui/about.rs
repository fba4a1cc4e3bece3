use leptos::prelude::*;

use super::state::AppState;
use crate::domain::instrument::CATALOGUE;
use crate::i18n::Msg;

/// What Ugeblik is, where the data lives, and the instruments' sources and notices.
#[component]
pub fn About() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        view! {
            <section class="ugb-screen ugb-about" aria-labelledby="ugb-about-title">
                <h2 id="ugb-about-title" tabindex="-1">{Msg::AboutTitle.get(lang)}</h2>
                <p>{Msg::AboutText.get(lang)}</p>
                <h3>{Msg::PrivacyTitle.get(lang)}</h3>
                <p>{Msg::PrivacyText.get(lang)}</p>
                <h3>{Msg::SourcesTitle.get(lang)}</h3>
                <ul class="ugb-sources">
                    {CATALOGUE
                        .iter()
                        .map(|instrument| {
                            let validity = if instrument.validated { Msg::Validated } else { Msg::NotValidated };
                            view! {
                                <li>
                                    <strong>{instrument.name.get(lang)}</strong>
                                    " – "
                                    {validity.get(lang)}
                                    <br/>
                                    {instrument.notice.get(lang)}
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
}
