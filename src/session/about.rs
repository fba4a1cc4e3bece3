//! What Ugeblik is, where the data lives, and every instrument's source and notice.

use leptos::prelude::*;

use crate::domain::instrument::CATALOGUE;
use crate::i18n::{ChartMsg, Msg};
use crate::session::screen::frame;

/// The screen.
#[component]
pub fn About() -> impl IntoView {
    frame(Msg::AboutTitle, None, |lang| {
        let sources = CATALOGUE
            .iter()
            .map(|instrument| {
                let validity = if instrument.validated { ChartMsg::Validated } else { ChartMsg::NotValidated };
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
            .collect::<Vec<_>>();
        view! {
            <p>{ChartMsg::AboutText.get(lang)}</p>
            <h3>{ChartMsg::PrivacyTitle.get(lang)}</h3>
            <p>{ChartMsg::PrivacyText.get(lang)}</p>
            <h3>{ChartMsg::ConsultantsTitle.get(lang)}</h3>
            <p>
                {ChartMsg::ConsultantsText.get(lang)}
                " "
                <a href="?viewer" id="ugb-viewer-link">{ChartMsg::ViewerChoose.get(lang)}</a>
            </p>
            <h3>{ChartMsg::SourcesTitle.get(lang)}</h3>
            <ul class="ugb-sources">{sources}</ul>
        }
    })
}
