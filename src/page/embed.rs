//! The widget inside a portal's iframe: posts the protocol's messages ([`crate::formats::portal`])
//! to the host origins the address names, and heeds the host's requests from those
//! origins only — and only once the origin is trusted: listed by the app's host in
//! `portals.json` (beside the page), or agreed to by the citizen on the start page. Until
//! then a portal hears nothing at all. What only an embedded widget runs (the listener,
//! the height, the list of portals) is a part fetched when the widget is framed with a
//! `parentOrigin` ([`super::portal`]); here is what the first load needs of it. Also the
//! browser features a phone install needs: the theme from the address, the service worker
//! that keeps the app working offline, and persistent storage.

use std::cell::RefCell;

use js_sys::{Function, Object, Promise, Reflect};
use leptos::prelude::{GetUntracked, Owner, Set, WithValue};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};

use crate::domain::lang::Lang;
use crate::formats::config::{self, Config};
use crate::formats::portal::{ExportFormat, ToPortal, Version};
use crate::i18n::Msg;
use crate::page::state::AppState;
use crate::platform::storage::Problem;

thread_local! {
    /// The trusted host origins messages go to (and are heeded from): empty until the
    /// app's host lists the portal or the citizen agrees to it.
    pub(super) static ORIGINS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
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
pub(super) fn post(message: &ToPortal) {
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else { return };
    let Ok(value) = js_sys::JSON::parse(&message.encode()) else { return };
    ORIGINS.with(|origins| {
        for origin in origins.borrow().iter() {
            let _ = parent.post_message(&value, origin);
        }
    });
}

/// The citizen's answer to the start page's question about a portal the app's host does
/// not list: remembered for its origin; yes, and it hears from the widget from now on.
/// (The question is asked only once the portal's part is loaded: [`super::portal::trusted`].)
pub fn answer(state: AppState, agreed: bool) {
    let Some(origin) = state.portal_ask.get_untracked() else { return };
    state.portal_ask.set(None);
    state.choose_portal(&origin, agreed);
    if agreed {
        spawn_local(async move {
            if super::portal::trusted(state, origin).await.is_err() {
                unavailable(state);
            }
        });
    }
}

/// When the widget is framed with `parentOrigin`s, starts the protocol: fetches the
/// portal's part ([`super::portal::connect`]: the listener for the host's requests, the
/// height, the list of portals), which trusts the origins listed or agreed to and only then
/// posts anything. A widget that is not embedded never fetches it. A part that cannot be
/// fetched (offline before the service worker kept it) is said as a notice; the app works
/// on, and no portal hears anything (nor is heard: nothing listens).
pub fn start(state: AppState, config: &Config) {
    let Some(window) = web_sys::window() else { return };
    let framed = window.parent().ok().flatten().is_some_and(|parent| !Object::is(&parent, &window));
    if !framed {
        return;
    }
    let named = config.parent_origins.clone();
    // The portal's listeners belong to the app: they end with it.
    let owner = Owner::current().unwrap_or_default();
    // Once the app is in the page (a moment after this): in a portal's page, its landmarks
    // are named, and the portal's part is fetched.
    spawn_local(async move {
        crate::platform::browser::name_landmarks(super::header::BRAND);
        if named.is_empty() {
            return;
        }
        if super::portal::connect(state, named, owner).await.is_err() {
            unavailable(state);
        }
    });
}

/// The portal's part could not be fetched: the citizen is told, once.
fn unavailable(state: AppState) {
    state.change(|m| m.report(Err(Problem::PortalUnavailable)));
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
