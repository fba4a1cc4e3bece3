use std::rc::Rc;

use leptos::either::EitherOf5;
use leptos::prelude::*;

use super::{embed, safety};
use crate::domain::lang::Lang;
use crate::formats::config::Config;
use crate::formats::safety::Ending;
use crate::i18n::Msg;
use crate::page::check_in::CheckIn;
use crate::page::deleted::Deleted;
use crate::page::header::Header;
use crate::page::home::Home;
use crate::page::notices::Notices;
use crate::page::saved::Saved;
use crate::page::state::{AppState, Screen};
use crate::page::unlock;
use crate::platform::browser;
use crate::platform::storage::{lock, BrowserStore, KeyValueStore, MemoryStore, SealedStore, Vault};
use crate::session::screen::drawn_screen;

/// Mounts the app: with a passphrase set, the lock screen until the passphrase opens the
/// store, then the app over it. Two mounts rather than one view that switches: a view
/// that switches carries the code to rebuild everything under it (1.6 KB measured).
pub fn mount() {
    let config = Config::from_query(&browser::search());
    // The lock screen too speaks the language asked for or chosen (when readable unlocked).
    let stored = BrowserStore::open().and_then(|s| stored_lang(&s));
    when_ready(config.lang.or(stored), move || open(config));
}

/// The language the citizen chose, as stored in `store` (none while it is locked).
fn stored_lang(store: &dyn KeyValueStore) -> Option<Lang> {
    let text = store.get(crate::platform::storage::SETTINGS_KEY).ok().flatten()?;
    crate::formats::stored::decode_settings(&text).ok()?.lang
}

/// Runs `then` once `lang` can be shown: at once, or after its pack is fetched (whether or
/// not that works: the app then says so, in Danish).
fn when_ready(lang: Option<Lang>, then: impl FnOnce() + 'static) {
    match lang.filter(|lang| !crate::i18n::pack::ready(*lang)) {
        None => then(),
        Some(lang) => wasm_bindgen_futures::spawn_local(async move {
            crate::page::language::load(lang).await;
            then();
        }),
    }
}

fn open(config: Config) {
    // The demo and the consultant's viewer never touch this browser's storage.
    if config.demo || config.viewer {
        return mount_app(config, Some(Box::new(MemoryStore::new())), None, None);
    }
    let store = BrowserStore::open();
    // A passphrase change that a closed tab left half done is finished or undone first.
    if let Some(store) = &store {
        crate::platform::storage::finish_change(store);
    }
    let Some((store, record)) = store.clone().and_then(|s| lock::record(&s).map(|r| (s, r))) else {
        let boxed = store.clone().map(|s| Box::new(s) as Box<dyn KeyValueStore>);
        return mount_app(config, boxed, store, None);
    };
    // A language whose pack could not be fetched: the lock screen speaks Danish.
    let lang = config.lang.filter(|lang| crate::i18n::pack::ready(*lang)).unwrap_or_default();
    let browser_store = store.clone();
    let on_open = Rc::new(move |sealed: SealedStore, switched: Option<Lang>| {
        let boxed = Box::new(sealed.clone()) as Box<dyn KeyValueStore>;
        // Switched to on the lock screen: shown for this visit, like `?lang=`.
        let config = Config { lang: switched.or(config.lang), ..config.clone() };
        mount_app(config, Some(boxed), Some(browser_store.clone()), Some(sealed));
    });
    wasm_bindgen_futures::spawn_local(async move {
        if unlock::lock_screen(store, lang, record.is_err(), on_open).await.is_err() {
            unlock::unavailable(lang);
        }
    });
}

/// One place that mounts the app, whichever way it opened: each mount is code.
#[inline(never)]
fn mount_app(
    config: Config,
    store: Option<Box<dyn KeyValueStore>>,
    browser_store: Option<BrowserStore>,
    sealed: Option<SealedStore>,
) {
    let lang = config.lang.or_else(|| store.as_deref().and_then(stored_lang));
    when_ready(lang, move || {
        leptos::mount::mount_to_body(move || running(config, store, browser_store, sealed));
    });
}

/// The app over its store: `sealed` is the encrypted store when a passphrase is set.
fn running(
    config: Config,
    store: Option<Box<dyn KeyValueStore>>,
    browser_store: Option<BrowserStore>,
    sealed: Option<SealedStore>,
) -> impl IntoView {
    let (vault, loaded) = Vault::open(store, browser::now_millis() as u64);
    embed::apply_theme(&config);
    let state = AppState::new(vault, loaded, config, browser_store, sealed.clone());
    if let Some(sealed) = &sealed {
        state.tell_failures(sealed);
    }
    provide_context(state);
    // Past the end of the programme and the time to save a copy: delete as agreed.
    if state.ending() == Ending::Wipe {
        state.delete_everything(Msg::EndedWiped);
    }
    state.config.with_value(|config| embed::start(state, config));
    embed::register_service_worker();
    safety::watch_idle(state);
    crate::page::tabs::listen(state);

    // The language and its direction on the page and on the widget's root, set by one
    // effect: each reactive attribute in a view is code the first load carries.
    crate::page::live::follow_lang(state.lang);
    // When the citizen moves to another screen or question, focus its heading so a screen
    // reader reads it and the keyboard starts from the top. Not on first render: the
    // citizen has not acted yet.
    let place = Memo::new(move |_| {
        (state.screen.get(), state.draft.with(|d| d.as_ref().map(|d| d.step)), state.wiped.with(Option::is_some))
    });
    Effect::new(move |previous: Option<()>| {
        // Read, not just tracked: a memo that is never read never recomputes.
        let _ = place.get();
        if previous.is_some() {
            browser::focus_main_heading();
        }
    });

    // One view per screen: the start page, the check-in, the thank-you, each screen the
    // worker draws; once everything is deleted, only that message is left. A memo, so a
    // screen is built again only when another one is shown.
    let shown = Memo::new(move |_| (state.wiped.get(), state.screen.get()));
    let main = move || match shown.get() {
        (Some(why), _) => EitherOf5::A(view! { <Deleted why/> }),
        (None, Screen::Home) => EitherOf5::B(view! { <Home/> }),
        (None, Screen::CheckIn) => EitherOf5::C(view! { <CheckIn/> }),
        (None, Screen::Saved) => EitherOf5::D(view! { <Saved/> }),
        // Its code is fetched when a drawn screen first opens; offline before the service
        // worker kept it, that is said as when their worker cannot be fetched.
        (None, screen) => EitherOf5::E(Suspend::new(async move {
            drawn_screen(screen).await.unwrap_or_else(|_| {
                let lang = state.lang.get_untracked();
                view! { <p class="ugb-notice" role="alert">{Msg::ChartOffline.get(lang)}</p> }.into_any()
            })
        })),
    };

    view! {
        <div class="ugb-app">
            <Header/>
            <main class="ugb-main" id="ugb-main">
                <Notices/>
                {main}
            </main>
        </div>
    }
}
