use leptos::either::EitherOf7;
use leptos::prelude::*;

use super::about::About;
use super::{browser, embed};
use super::check_in::CheckIn;
use super::header::Header;
use super::history::{GoalsScreen, HistoryScreen};
use super::home::{Home, Saved};
use super::notices::Notices;
use super::progress::Progress;
use super::state::{AppState, Screen};
use crate::i18n::Msg;
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

    view! {
        <div class="ugb-app" class:ugb-app--session=move || state.session.get() lang=move || state.lang.get().code()>
            <Header/>
            <main class="ugb-main" id="ugb-main">
                {demo.then(|| view! { <p class="ugb-demo" role="note">{move || Msg::DemoBanner.get(state.lang.get())}</p> })}
                <Notices/>
                {move || match state.screen.get() {
                    Screen::Home => EitherOf7::A(view! { <Home/> }),
                    Screen::CheckIn => EitherOf7::B(view! { <CheckIn/> }),
                    Screen::Saved => EitherOf7::C(view! { <Saved/> }),
                    Screen::History => EitherOf7::D(view! { <HistoryScreen/> }),
                    Screen::About => EitherOf7::E(view! { <About/> }),
                    Screen::Progress => EitherOf7::F(view! { <Progress/> }),
                    Screen::Goals => EitherOf7::G(view! { <GoalsScreen/> }),
                }}
            </main>
        </div>
    }
}
