//! The widget inside a portal's iframe: posts the protocol's messages ([`crate::protocol`])
//! to the host origins the address names, and heeds the host's requests from those
//! origins only. Also the browser features a phone install needs: the theme from the
//! address, the service worker that keeps the app working offline, and persistent storage.

use std::cell::RefCell;

use js_sys::{Function, Object, Promise, Reflect};
use leptos::prelude::GetUntracked;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{AppState, Screen};
use crate::config::Config;
use crate::protocol::{self, HostMessage};

thread_local! {
    /// The host origins messages go to: empty when the widget is not embedded by a
    /// configured host. Set once, at start.
    static ORIGINS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// The last height posted, so that an unchanged height is not posted again.
    static HEIGHT: RefCell<u32> = const { RefCell::new(0) };
}

/// Whether a configured host embeds the widget: the send-to-portal button shows then.
pub fn embedded() -> bool {
    ORIGINS.with(|o| !o.borrow().is_empty())
}

/// Posts `message` (JSON text) to the parent window, addressed to each configured origin:
/// the browser delivers it only if the parent's origin is that one.
fn post(message: &str) {
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else { return };
    let Ok(value) = js_sys::JSON::parse(message) else { return };
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
        post(&protocol::height(height));
    }
}

/// Starts the protocol when a configured host embeds the widget: says `ready`, reports
/// the height whenever it changes, and listens for the host's requests.
pub fn start(state: AppState, config: &Config) {
    let Some(window) = web_sys::window() else { return };
    let framed = window.parent().ok().flatten().is_some_and(|parent| !Object::is(&parent, &window));
    if !framed || config.parent_origins.is_empty() {
        return;
    }
    ORIGINS.with(|o| *o.borrow_mut() = config.parent_origins.clone());
    let trusted = config.parent_origins.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        // From the parent window, from a configured origin, shaped as the protocol says:
        // anything else is ignored without a word.
        let parent = web_sys::window().and_then(|w| w.parent().ok().flatten());
        let from_parent = event.source().zip(parent).is_some_and(|(source, parent)| Object::is(&source, &parent));
        if !from_parent || !trusted.iter().any(|o| *o == event.origin()) {
            return;
        }
        let data = event.data();
        if !data.is_object() {
            return;
        }
        let field = |name: &str| Reflect::get(&data, &JsValue::from_str(name)).ok();
        let kind = field("type").and_then(|v| v.as_string());
        match protocol::host_message(kind.as_deref(), field("version").and_then(|v| v.as_f64())) {
            // Never in the middle of a check-in: the citizen finishes first (the portal
            // may ask again); the check-in would be kept, but the thread would be lost.
            Some(HostMessage::RequestExport) if state.screen.get_untracked() != Screen::CheckIn => {
                state.show(Screen::History)
            }
            Some(HostMessage::RequestHeight) => {
                HEIGHT.with(|h| h.replace(0));
                post_height();
            }
            _ => {}
        }
    });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
    if let Some(body) = window.document().and_then(|d| d.body()) {
        let on_resize = Closure::<dyn Fn()>::new(post_height);
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&body);
        }
        on_resize.forget();
    }
    post(&protocol::ready(state.lang.get_untracked()));
}

/// Tells the host that a check-in was saved (week, instruments, WHO-5 percentage only).
pub fn completed(message: &str) {
    post(message);
}

/// Sends the canonical export file to the host: only ever called on the citizen's
/// confirmation.
pub fn send_export(file: &str) {
    post(&protocol::export(file));
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
        let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
        let _ = promise.catch(&ignore);
        ignore.forget();
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
    let keep = Closure::once(|registration: JsValue| {
        if let Ok(worker) = Reflect::get(&registration, &JsValue::from_str("active")) {
            call(&worker, "postMessage", Some(&JsValue::from_str("keep")));
        }
    });
    let _ = ready.then(&keep);
    keep.forget();
}

/// Asks the browser to keep this site's storage even when the phone runs short of space.
pub fn ask_persistent_storage() {
    if let Some(storage) = navigator_part("storage") {
        call(&storage, "persist", None);
    }
}

/// Applies the checked theme values from the address to the page's root, one custom
/// property at a time (never as a `style` attribute: see [`super::browser::set_style`]).
pub fn apply_theme(config: &Config) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        for (property, value) in &config.theme {
            super::browser::set_style(&root, property, value);
        }
    }
}
