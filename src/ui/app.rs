use leptos::either::Either;
use leptos::prelude::*;

use super::check_in::HtmlScreens;
use super::header::Header;
use super::history::drawn_screen;
use super::notices::Notices;
use super::state::{AppState, Screen};
use super::{browser, embed};
use crate::storage::{BrowserStore, KeyValueStore, MemoryStore, Vault};

/// The whole app: reads storage once, provides the state, and shows one screen at a time.
#[component]
pub fn App() -> impl IntoView {
    let config = crate::config::Config::from_query(&browser::search());
    let (demo, viewer) = (config.demo, config.viewer);
    // The demo and the consultant's viewer never touch this browser's storage.
    let store: Option<Box<dyn KeyValueStore>> = if demo || viewer {
        Some(Box::new(MemoryStore::new()))
    } else {
        BrowserStore::open().map(|s| Box::new(s) as Box<dyn KeyValueStore>)
    };
    let (vault, loaded) = Vault::open(store, browser::now_millis() as u64);
    embed::apply_theme(&config);
    let state = AppState::new(vault, loaded.history, loaded.draft, loaded.settings, loaded.problems, config);
    provide_context(state);
    state.config.with_value(|config| embed::start(state, config));
    embed::register_service_worker();
    super::tabs::listen(state);

    Effect::new(move |_| browser::set_document_lang(state.lang.get()));
    // When the citizen moves to another screen or question, focus its heading so a screen
    // reader reads it and the keyboard starts from the top. Not on first render: the
    // citizen has not acted yet.
    let place = Memo::new(move |_| (state.screen.get(), state.draft.with(|d| d.as_ref().map(|d| d.step))));
    Effect::new(move |previous: Option<()>| {
        // Read, not just tracked: a memo that is never read never recomputes.
        let _ = place.get();
        if previous.is_some() {
            browser::focus_main_heading();
        }
    });

    // The screens written as HTML are one view that redraws itself as the screen changes;
    // each screen the worker draws is its own.
    let drawn = Memo::new(move |_| {
        Some(state.screen.get()).filter(|s| !matches!(s, Screen::Home | Screen::CheckIn | Screen::Saved))
    });

    view! {
        <div class="ugb-app" class:ugb-app--session=move || state.session.get() lang=move || state.lang.get().code()>
            <Header/>
            <main class="ugb-main" id="ugb-main">
                <Notices/>
                {move || match drawn.get() {
                    None => Either::Left(view! { <HtmlScreens/> }),
                    Some(screen) => Either::Right(drawn_screen(screen)),
                }}
            </main>
        </div>
    }
}
