//! The widget's side of the portal protocol that only an embedded widget runs: the listener
//! for the host's requests, the height reported whenever it changes, and the list of
//! portals that decides which origins are trusted. A split point (Leptos's code splitting,
//! built by scripts/split.mjs, like `session::screen::drawn_screen`): fetched only when the
//! widget is framed with a `parentOrigin` ([`super::embed::start`]), and kept by the
//! service worker with the drawn screens' parts for offline use.
//!
//! No host message is lost or misread while the part loads: the protocol heeds a host only
//! once its origin is trusted, which it learns from `ugeblik:ready`, and `ready` is posted
//! only here, after the listener is in place. A host's message before that is ignored
//! without a word, as it always was (the origin is not trusted yet).

use std::cell::RefCell;

use js_sys::Object;
use leptos::prelude::{on_cleanup, window_event_listener, GetUntracked, Owner, Set, WithUntracked};
use leptos::wasm_split::SplitLoaderError;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;

use super::embed::{post, ORIGINS};
use crate::formats::config;
use crate::formats::portal::{FromPortal, ToPortal, Version};
use crate::page::state::{AppState, Screen};

thread_local! {
    /// The last height posted, so that an unchanged height is not posted again.
    static HEIGHT: RefCell<u32> = const { RefCell::new(0) };
}

fn post_height() {
    let height = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .map_or(0, |body| body.offset_height().max(0) as u32);
    if height > 0 && HEIGHT.with(|h| h.replace(height)) != height {
        post(&ToPortal::Height { version: Version, height });
    }
}

/// From now on `origin` hears from the widget, and is heeded: it hears `ready` and the
/// height at once.
fn trust(state: AppState, origin: String) {
    ORIGINS.with(|o| o.borrow_mut().push(origin));
    post(&ToPortal::Ready { version: Version, lang: state.lang.get_untracked() });
    HEIGHT.with(|h| h.replace(0));
    post_height();
}

/// The citizen agreed to `origin` on the start page (asked only once this part runs).
/// Split points only in the page's own build, as `session::screen::drawn_screen`.
#[cfg(ugeblik_split)]
#[leptos::wasm_split::wasm_split(ugeblik_portal, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn trusted(state: AppState, origin: String) -> Result<(), SplitLoaderError> {
    trust(state, origin);
    Ok(())
}

#[cfg(not(ugeblik_split))]
pub async fn trusted(state: AppState, origin: String) -> Result<(), SplitLoaderError> {
    trust(state, origin);
    Ok(())
}

/// Starts the protocol for a widget framed with the `named` origins: listens for the host's
/// requests (heeded only from trusted origins) and reports the height whenever it changes,
/// both owned by `owner` (the app: they end with it); then reads the app's host's list of
/// portals (`portals.json`, beside the page, read at start-up: nothing is fetched later)
/// and trusts the origins listed there or agreed to by the citizen before; asks the
/// citizen about another, when the list lets portals ask. Nothing is posted before that.
#[cfg(ugeblik_split)]
#[leptos::wasm_split::wasm_split(ugeblik_portal, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn connect(state: AppState, named: Vec<String>, owner: Owner) -> Result<(), SplitLoaderError> {
    start(state, named, owner);
    Ok(())
}

#[cfg(not(ugeblik_split))]
pub async fn connect(state: AppState, named: Vec<String>, owner: Owner) -> Result<(), SplitLoaderError> {
    start(state, named, owner);
    Ok(())
}

fn start(state: AppState, named: Vec<String>, owner: Owner) {
    owner.with(|| listen(state));
    spawn_local(async move {
        let listed = crate::platform::browser::fetch_text("portals.json")
            .await
            .map_or_else(Default::default, |t| config::portals(&t));
        for origin in named {
            let choice = state.portal_choice(&origin);
            if choice == Some(true) || listed.origins.contains(&origin) {
                trust(state, origin);
            } else if choice.is_none() && listed.ask && state.portal_ask.with_untracked(Option::is_none) {
                state.portal_ask.set(Some(origin));
            }
        }
    });
}

/// The host's requests and the height, in the current owner.
fn listen(state: AppState) {
    let on_message = window_event_listener(leptos::ev::message, move |event| {
        // From the parent window, from a trusted origin, shaped as the protocol says:
        // anything else is ignored without a word.
        let parent = web_sys::window().and_then(|w| w.parent().ok().flatten());
        let from_parent = event.source().zip(parent).is_some_and(|(source, parent)| Object::is(&source, &parent));
        if !from_parent || !ORIGINS.with(|o| o.borrow().contains(&event.origin())) {
            return;
        }
        // Read as the JSON text of what was posted (a value JSON cannot write is no message).
        let Some(text) = js_sys::JSON::stringify(&event.data()).ok().and_then(|text| text.as_string()) else {
            return;
        };
        match FromPortal::decode(&text) {
            // Never in the middle of a check-in: the citizen finishes first (the portal
            // may ask again); the check-in would be kept, but the thread would be lost.
            Ok(FromPortal::RequestExport) if state.screen.get_untracked() != Screen::CheckIn => {
                state.show(Screen::History)
            }
            Ok(FromPortal::RequestHeight) => {
                HEIGHT.with(|h| h.replace(0));
                post_height();
            }
            _ => {}
        }
    });
    on_cleanup(move || on_message.remove());
    let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else { return };
    let on_resize = Closure::<dyn Fn()>::new(post_height);
    let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else { return };
    observer.observe(&body);
    // The observer and its handler live as long as the app; the observer stops before its
    // handler is dropped. (The app runs on one thread: the wrapper only lets the cleanup
    // hold them.)
    let resizing = SendWrapper::new((observer, on_resize));
    on_cleanup(move || resizing.0.disconnect());
}
