//! The widget inside a portal's iframe: posts the protocol's messages ([`crate::formats::portal`])
//! to the host origins the address names, and heeds the host's requests from those
//! origins only — and only once the origin is trusted: listed by the app's host in
//! `portals.json` (beside the page), or agreed to by the citizen on the start page. Until
//! then a portal hears nothing at all. Also the browser features a phone install needs:
//! the theme from the address, the service worker that keeps the app working offline, and
//! persistent storage.

use std::cell::RefCell;

use js_sys::{Function, Object, Promise, Reflect};
use leptos::prelude::{on_cleanup, window_event_listener, GetUntracked, Set, WithUntracked, WithValue};
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};

use crate::domain::lang::Lang;
use crate::formats::config::{self, Config};
use crate::formats::portal::{ExportFormat, FromPortal, ToPortal, Version};
use crate::i18n::Msg;
use crate::page::state::{AppState, Screen};

thread_local! {
    /// The trusted host origins messages go to (and are heeded from): empty until the
    /// app's host lists the portal or the citizen agrees to it.
    static ORIGINS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// The last height posted, so that an unchanged height is not posted again.
    static HEIGHT: RefCell<u32> = const { RefCell::new(0) };
}

/// Whether a trusted host embeds the widget: the send-to-portal button shows then.
pub fn embedded() -> bool {
    ORIGINS.with(|o| !o.borrow().is_empty())
}

/// The trusted origins in plain words (their hosts), for the send-to-portal texts.
pub fn hosts() -> String {
    ORIGINS.with(|o| o.borrow().iter().map(|o| config::host(o)).collect::<Vec<_>>().join(", "))
}

/// A portal as the citizen is told of it: the name it gives itself (`?provider=`) beside
/// the host it really is on, or only the host.
pub fn portal_name(state: AppState, lang: Lang, host: &str) -> String {
    state.config.with_value(|c| match &c.provider {
        Some(provider) => Msg::PortalAt.fill(lang, &[("provider", provider), ("host", host)]),
        None => host.to_owned(),
    })
}

/// Posts `message` to the parent window, addressed to each trusted origin: the browser
/// delivers it only if the parent's origin is that one.
fn post(message: &ToPortal) {
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else { return };
    let Ok(value) = js_sys::JSON::parse(&message.encode()) else { return };
    ORIGINS.with(|origins| {
        for origin in origins.borrow().iter() {
            let _ = parent.post_message(&value, origin);
        }
    });
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
#[inline(never)]
fn trust(state: AppState, origin: String) {
    ORIGINS.with(|o| o.borrow_mut().push(origin));
    post(&ToPortal::Ready { version: Version, lang: state.lang.get_untracked() });
    HEIGHT.with(|h| h.replace(0));
    post_height();
}

/// The citizen's answer to the start page's question about a portal the app's host does
/// not list: remembered for its origin; yes, and it hears from the widget from now on.
pub fn answer(state: AppState, agreed: bool) {
    let Some(origin) = state.portal_ask.get_untracked() else { return };
    state.portal_ask.set(None);
    state.choose_portal(&origin, agreed);
    if agreed {
        trust(state, origin);
    }
}

/// Starts the protocol when the widget is framed with `parentOrigin`s: listens for the
/// host's requests (heeded only from trusted origins) and reports the height whenever it
/// changes; reads the app's host's list of portals (`portals.json`, beside the page) and
/// trusts the origins listed there or agreed to by the citizen before; asks the citizen
/// about another, when the list lets portals ask. Nothing is posted before that. The
/// listeners belong to the app: they end with it.
pub fn start(state: AppState, config: &Config) {
    let Some(window) = web_sys::window() else { return };
    let framed = window.parent().ok().flatten().is_some_and(|parent| !Object::is(&parent, &window));
    if !framed {
        return;
    }
    let named = config.parent_origins.clone();
    // Once the app is in the page (a moment after this): in a portal's page, its landmarks
    // are named, and the list of portals is read (from the app's own origin, at start-up:
    // nothing is fetched later).
    spawn_local(async move {
        crate::platform::browser::name_landmarks(super::header::BRAND);
        if named.is_empty() {
            return;
        }
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
    if config.parent_origins.is_empty() {
        return;
    }
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
    let Some(body) = window.document().and_then(|d| d.body()) else { return };
    let on_resize = Closure::<dyn Fn()>::new(post_height);
    let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else { return };
    observer.observe(&body);
    // The observer and its handler live as long as the app; the observer stops before its
    // handler is dropped. (The app runs on one thread: the wrapper only lets the cleanup
    // hold them.)
    let resizing = SendWrapper::new((observer, on_resize));
    on_cleanup(move || resizing.0.disconnect());
}

/// Tells the trusted hosts that a check-in was saved (week, instruments, WHO-5
/// percentage only: [`crate::formats::portal::completed`]).
pub fn completed(message: &ToPortal) {
    post(message);
}

/// Sends the canonical export file to the trusted hosts: only ever called on the
/// citizen's confirmation.
pub fn send_export(file: &str) {
    post(&ToPortal::Export { version: Version, format: ExportFormat, json: file.to_owned() });
}

/// Calls `object.name()` if the browser has it (whether it has is returned), and ignores
/// how its promise ends.
fn call(object: &JsValue, name: &str, argument: Option<&JsValue>) -> bool {
    let Some(method) = Reflect::get(object, &JsValue::from_str(name)).ok().and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return false;
    };
    let result = match argument {
        Some(argument) => method.call1(object, argument),
        None => method.call0(object),
    };
    if let Ok(promise) = result.and_then(|p| p.dyn_into::<Promise>()) {
        // A refusal (an opaque origin, a browser without the feature) changes nothing.
        spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
    true
}

fn navigator_part(name: &str) -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    Reflect::get(&navigator, &JsValue::from_str(name)).ok().filter(|v| v.is_object())
}

/// Registers the service worker (`sw.js`, beside the page) that keeps the app working
/// offline after the first visit. Once it runs, asks it to keep the drawn screens' files
/// too (the chart worker, their styles), which it fetches after a quiet moment: then every
/// screen opens offline after one visit to the start page, and neither the first load nor
/// anything the citizen does meanwhile waits for them.
pub fn register_service_worker() {
    let Some(container) = navigator_part("serviceWorker") else { return };
    call(&container, "register", Some(&JsValue::from_str("./sw.js")));
    let Ok(ready) = Reflect::get(&container, &JsValue::from_str("ready")).and_then(JsCast::dyn_into::<Promise>) else {
        return;
    };
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(ready).await else { return };
        if let Ok(worker) = Reflect::get(&registration, &JsValue::from_str("active")) {
            call(&worker, "postMessage", Some(&JsValue::from_str("keep")));
        }
    });
}

/// Asks the browser to keep this site's storage even when the phone runs short of space.
pub fn ask_persistent_storage() {
    if let Some(storage) = navigator_part("storage") {
        call(&storage, "persist", None);
    }
}

/// Applies the checked theme values from the address to the page's root, one custom
/// property at a time (never as a `style` attribute: see [`crate::platform::browser::set_style`]).
pub fn apply_theme(config: &Config) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        for (property, value) in &config.theme {
            crate::platform::browser::set_style(&root, property, value);
        }
    }
}
