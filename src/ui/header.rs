use leptos::prelude::*;

use super::state::{AppState, Screen};
use crate::domain::lang::Lang;
use crate::i18n::Msg;

/// The app name, the main menu and the language switch.
///
/// Like every screen, it renders plain text for one language and is rebuilt as a whole
/// when the language or the screen changes: far less code than a reactive closure per text.
#[component]
pub fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        let shown = state.screen.get();
        let nav_item = move |screen: Screen, msg: Msg| {
            let here = shown == screen || (screen == Screen::Home && matches!(shown, Screen::CheckIn | Screen::Saved));
            view! {
                <li>
                    <button
                        type="button"
                        class="ugb-nav__item"
                        aria-current=here.then_some("page")
                        on:click=move |_| state.show(screen)
                    >
                        {msg.get(lang)}
                    </button>
                </li>
            }
        };
        view! {
            <header class="ugb-header">
                <div class="ugb-header__top">
                    <h1 class="ugb-brand">{Msg::AppName.get(lang)}</h1>
                    <div class="ugb-lang" role="group" aria-label=Msg::LanguageGroup.get(lang)>
                        {Lang::ALL
                            .into_iter()
                            .map(|option| {
                                view! {
                                    <button
                                        type="button"
                                        lang=option.code()
                                        aria-pressed=if option == lang { "true" } else { "false" }
                                        on:click=move |_| state.set_lang(option)
                                    >
                                        {option.endonym()}
                                    </button>
                                }
                            })
                            .collect_view()}
                    </div>
                </div>
                <nav class="ugb-nav" aria-label=Msg::MainNav.get(lang)>
                    <ul>
                        {nav_item(Screen::Home, Msg::NavThisWeek)}
                        {nav_item(Screen::Progress, Msg::NavProgress)}
                        {nav_item(Screen::Goals, Msg::NavGoals)}
                        {nav_item(Screen::History, Msg::NavHistory)}
                        {nav_item(Screen::About, Msg::NavAbout)}
                    </ul>
                </nav>
            </header>
        }
    }
}
