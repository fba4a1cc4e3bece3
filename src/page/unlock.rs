//! The lock screen, shown before the app while a passphrase is set: the passphrase opens
//! the store, and the app is mounted in the screen's place. A wrong passphrase says so
//! and changes nothing; a forgotten one can only delete everything, after a tick.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use leptos::html::Input;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::domain::lang::Lang;
use crate::i18n::Msg;
use crate::page::button::Button;
use crate::page::header::{HeaderTop, BRAND};
use crate::page::live::{follow_lang, live, set_if, text};
use crate::platform::browser;
use crate::platform::storage::lock::{self, LockError};
use crate::platform::storage::{BrowserStore, SealedStore};

const PASSPHRASE: &str = "ugb-passphrase";
const UNLOCK_ERROR: &str = "ugb-unlock-error";
const DELETE_CONFIRM: &str = "ugb-delete-confirm";

/// What opens the app once the passphrase has opened the store: the encrypted store, and
/// the language switched to on the lock screen, if any.
pub type Opened = Rc<dyn Fn(SealedStore, Option<Lang>)>;

/// The lock screen, in a part of its own fetched when a locked phone opens (the service
/// worker keeps it from the first visit on), so that the first load of everyone else does
/// not carry it; [`show`] there. `Err` when the part cannot be fetched (offline before the
/// service worker kept it). A split point only in the page's own build, as the session
/// screens' (`session::screen`).
#[cfg(ugeblik_split)]
#[leptos::wasm_split::wasm_split(ugeblik_unlock, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn lock_screen(store: BrowserStore, lang: Lang, damaged: bool, opened: Opened) -> Result<(), SplitLoaderError> {
    show(store, lang, damaged, opened);
    Ok(())
}

/// [`lock_screen`] where the page is not split (trunk's throw-away build).
#[cfg(not(ugeblik_split))]
pub async fn lock_screen(
    store: BrowserStore,
    lang: Lang,
    damaged: bool,
    opened: Opened,
) -> Result<(), SplitLoaderError> {
    show(store, lang, damaged, opened);
    Ok(())
}

/// In place of the lock screen when its part cannot be fetched: that it cannot open now,
/// and that nothing is lost.
pub fn unavailable(lang: Lang) {
    leptos::mount::mount_to_body(move || {
        view! {
            <div class="ugb-app" lang=lang.code() dir=lang.dir()>
                <header class="ugb-header">
                    <h1 class="ugb-brand">{Msg::AppName.get(lang)}</h1>
                </header>
                <main class="ugb-main">
                    <p class="ugb-notice" role="alert">{Msg::ChartOffline.get(lang)}</p>
                </main>
            </div>
        }
    });
}

/// Mounts the lock screen in `lang`. `damaged`: the lock record cannot be read. Once the
/// passphrase opens the store, the screen is unmounted (everything typed into it goes,
/// and its signals end) and `opened` is called.
fn show(store: BrowserStore, lang: Lang, damaged: bool, opened: Opened) {
    let Some(body) = document().body() else { return };
    let first = if damaged {
        Some(Msg::LockDamaged)
    } else if !crate::platform::crypto::available() {
        Some(Msg::CryptoUnavailable)
    } else {
        None
    };
    // The mounted screen, held until it is replaced: dropping it unmounts it.
    let mounted: Rc<RefCell<Option<Box<dyn Any>>>> = Rc::default();
    let slot = Rc::clone(&mounted);
    let replace: Opened = Rc::new(move |sealed, switched| {
        let screen = slot.borrow_mut().take();
        drop(screen);
        opened(sealed, switched);
    });
    let screen = leptos::mount::mount_to(body, move || view! { <LockScreen store lang first opened=replace/> });
    *mounted.borrow_mut() = Some(Box::new(screen));
    // The passphrase is the one thing to do here.
    browser::focus_id(PASSPHRASE);
}

/// The lock screen: the passphrase (a form, read when it is sent), what went wrong, and
/// what a forgotten passphrase means. `first` is said at once (a damaged lock record, or
/// a browser that cannot decrypt).
#[component]
fn LockScreen(store: BrowserStore, lang: Lang, first: Option<Msg>, opened: Opened) -> impl IntoView {
    let lang = RwSignal::new(lang);
    // The citizen chose the language here: it goes on in the app.
    let switched = StoredValue::new(false);
    let error = RwSignal::new(first);
    let busy = RwSignal::new(false);
    let store = StoredValue::new_local(store);
    let opened = StoredValue::new_local(opened);
    let field = NodeRef::<Input>::new();
    follow_lang(lang);
    // A language not in the first load is fetched first; if it cannot be, the screen
    // stays as it is.
    let choose = move |code: Lang| {
        wasm_bindgen_futures::spawn_local(async move {
            if crate::page::language::load(code).await {
                lang.set(code);
                switched.set_value(true);
            }
        })
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let passphrase = field.get_untracked().map(|field| field.value()).unwrap_or_default();
        // Cleared while it opens, so that the same error said again is announced again.
        error.set(None);
        busy.set(true);
        let store = store.get_value();
        wasm_bindgen_futures::spawn_local(async move {
            match lock::unlock(store, &passphrase).await {
                Ok(sealed) => {
                    let chosen = switched.get_value().then(|| lang.get_untracked());
                    // Taken out first: calling it unmounts this screen, and its values with it.
                    let opened = opened.get_value();
                    opened(sealed, chosen);
                }
                Err(reason) => {
                    error.set(Some(match reason {
                        LockError::WrongPassphrase => Msg::WrongPassphrase,
                        LockError::Damaged(_) => Msg::LockDamaged,
                        LockError::Crypto(_) | LockError::Storage(_) | LockError::Stranded(_) => Msg::CryptoUnavailable,
                    }));
                    busy.set(false);
                    // Said at the field, emptied and with the focus again for another try.
                    if let Some(field) = field.get_untracked() {
                        field.set_value("");
                        let _ = field.focus();
                    }
                }
            }
        });
    };
    view! {
        <div class="ugb-app">
            <header class="ugb-header" aria-labelledby=BRAND>
                <HeaderTop lang provider=None choose/>
            </header>
            <main class="ugb-main" id="ugb-main" aria-labelledby=BRAND>
                <section class="ugb-screen ugb-unlock" aria-labelledby="ugb-unlock-title">
                    <h2 id="ugb-unlock-title" tabindex="-1">{text(lang, Msg::LockedTitle)}</h2>
                    <p>{text(lang, Msg::LockedText)}</p>
                    <form class="ugb-form" on:submit=submit>
                        <label for=PASSPHRASE>{text(lang, Msg::Passphrase)}</label>
                        // A shared phone: no password manager may offer it to the next person.
                        <input
                            id=PASSPHRASE
                            type="password"
                            autocomplete="off"
                            maxlength="256"
                            aria-describedby=UNLOCK_ERROR
                            aria-invalid=set_if("true", move || error.with(Option::is_some))
                            node_ref=field
                        />
                        <p id=UNLOCK_ERROR class="ugb-field-error" role="alert">
                            {live(move || error.get().map_or("", |error| error.get(lang.get())).to_owned())}
                        </p>
                        <button type="submit" class="ugb-primary" aria-disabled=set_if("true", move || busy.get())>
                            {live(move || if busy.get() { Msg::Unlocking } else { Msg::Unlock }.get(lang.get()).to_owned())}
                        </button>
                    </form>
                    <Forgotten lang store error/>
                </section>
            </main>
        </div>
    }
}

/// A forgotten passphrase: nobody can open the answers without it, so all that is left is
/// to delete everything, which acts only when "yes, delete …" is ticked.
#[component]
fn Forgotten(
    lang: RwSignal<Lang>,
    store: StoredValue<BrowserStore, LocalStorage>,
    error: RwSignal<Option<Msg>>,
) -> impl IntoView {
    let confirm = NodeRef::<Input>::new();
    let delete = move || {
        let Some(confirm) = confirm.get_untracked() else { return };
        if !confirm.checked() {
            error.set(Some(Msg::DeleteNeedsConfirm));
            // Where the citizen must act: the tick.
            let _ = confirm.focus();
            return;
        }
        store.with_value(|store| crate::platform::storage::delete_everything(store));
        browser::reload();
    };
    view! {
        <section class="ugb-forgot" aria-labelledby="ugb-forgot-title">
            <h3 id="ugb-forgot-title">{text(lang, Msg::ForgotTitle)}</h3>
            <p>{text(lang, Msg::ForgotText)}</p>
            <p class="ugb-check">
                <input type="checkbox" id=DELETE_CONFIRM node_ref=confirm/>
                <label for=DELETE_CONFIRM>{text(lang, Msg::DeleteConfirm)}</label>
            </p>
            <Button class="ugb-danger" text=text(lang, Msg::DeleteEverything) on_click=delete/>
        </section>
    }
}
