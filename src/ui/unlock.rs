use std::rc::Rc;

use leptos::prelude::*;

use super::browser;
use crate::domain::lang::Lang;
use crate::i18n::Msg;
use crate::steps;
use crate::storage::lock::{self, LockError};
use crate::storage::{BrowserStore, SealedStore};

/// The lock screen ([`steps::unlock_screen`]): the passphrase opens the store, which goes
/// to `opened`. A wrong passphrase says so and changes nothing; a forgotten one can only
/// delete everything, after a tick. `damaged`: the lock record cannot be read.
pub fn unlock(store: BrowserStore, lang: Lang, damaged: bool, opened: Rc<dyn Fn(SealedStore)>) -> impl IntoView {
    let lang = RwSignal::new(lang);
    let first = if damaged {
        Some(Msg::LockDamaged)
    } else if !crate::crypto::available() {
        Some(Msg::CryptoUnavailable)
    } else {
        None
    };
    let error = RwSignal::new(first);
    let busy = RwSignal::new(false);
    Effect::new(move |_| browser::set_document_lang(lang.get()));
    // The one thing to do here: the field has the focus once it is painted.
    request_animation_frame(|| browser::focus_id(steps::PASSPHRASE_FIELD));
    let html = move || steps::unlock_screen(lang.get(), error.get(), busy.get());
    let deleting = store.clone();
    let submit = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let passphrase = browser::input_value(steps::PASSPHRASE_FIELD).unwrap_or_default();
        busy.set(true);
        let (store, opened) = (store.clone(), Rc::clone(&opened));
        wasm_bindgen_futures::spawn_local(async move {
            match lock::unlock(store, &passphrase).await {
                Ok(sealed) => opened(sealed),
                Err(reason) => {
                    error.set(Some(match reason {
                        LockError::WrongPassphrase => Msg::WrongPassphrase,
                        LockError::Damaged(_) => Msg::LockDamaged,
                        LockError::Crypto(_) | LockError::Storage(_) => Msg::CryptoUnavailable,
                    }));
                    busy.set(false);
                    request_animation_frame(|| browser::focus_id(steps::PASSPHRASE_FIELD));
                }
            }
        });
    };
    let click = move |event: web_sys::MouseEvent| {
        if let Some(code) = browser::pressed(&event, "data-lang").as_deref().and_then(Lang::parse) {
            lang.set(code);
            return;
        }
        if browser::pressed(&event, "data-act").as_deref() == Some("delete") {
            if !browser::is_checked(steps::DELETE_CONFIRM) {
                error.set(Some(Msg::DeleteNeedsConfirm));
                return;
            }
            crate::storage::delete_everything(&deleting);
            browser::reload();
        }
    };
    view! { <div class="ugb-app" lang=move || lang.get().code() inner_html=html on:submit=submit on:click=click></div> }
}
