use leptos::prelude::*;

use super::state::{AppState, Screen};
use crate::domain::lang::Lang;
use crate::i18n::Msg;

/// The app name, the main menu and the language switch.
#[component]
pub fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move |msg: Msg| msg.get(state.lang.get());
    let nav_item = move |screen: Screen, msg: Msg| {
        let current = move || {
            let shown = state.screen.get();
            let here = shown == screen || (screen == Screen::Home && matches!(shown, Screen::CheckIn | Screen::Saved));
            here.then_some("page")
        };
        view! {
            <li>
                <button type="button" class="ugb-nav__item" aria-current=current on:click=move |_| state.show(screen)>
                    {move || t(msg)}
                </button>
            </li>
        }
    };
    view! {
        <header class="ugb-header">
            <div class="ugb-header__top">
                <h1 class="ugb-brand">{move || t(Msg::AppName)}</h1>
                <div class="ugb-lang" role="group" aria-label=move || t(Msg::LanguageGroup)>
                    {Lang::ALL
                        .into_iter()
                        .map(|lang| {
                            view! {
                                <button
                                    type="button"
                                    lang=lang.code()
                                    aria-pressed=move || if state.lang.get() == lang { "true" } else { "false" }
                                    on:click=move |_| state.set_lang(lang)
                                >
                                    {lang.endonym()}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </div>
            <nav class="ugb-nav" aria-label=move || t(Msg::MainNav)>
                <ul>
                    {nav_item(Screen::Home, Msg::NavThisWeek)}
                    {nav_item(Screen::History, Msg::NavHistory)}
                    {nav_item(Screen::About, Msg::NavAbout)}
                </ul>
            </nav>
        </header>
    }
}
