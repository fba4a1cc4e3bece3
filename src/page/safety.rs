//! Shared-phone safety on the page: quick exit, locking (now, and after the chosen idle
//! time). The "lock and delete" screen, where the passphrase is set, is a session screen
//! (`crate::session::safety`).

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::page::state::AppState;
use crate::platform::browser;

/// Leaves at once for an empty page that replaces the app in the tab's history, so the
/// back button does not bring it back; the page is blanked first.
pub fn quick_exit() {
    browser::blank_page();
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace("about:blank");
    }
}

/// Locks: blanks the page, lets the encrypted writes still under way finish, and loads
/// the app again, which opens on the lock screen with nothing of the answers in memory.
pub fn lock_now(state: AppState) {
    browser::blank_page();
    wasm_bindgen_futures::spawn_local(async move {
        settle(state).await;
        browser::reload();
    });
}

/// Waits until every encrypted write asked for is in storage (a few milliseconds; at
/// most about two seconds, then goes on regardless).
pub(crate) async fn settle(state: AppState) {
    for _ in 0..100 {
        if state.sealed().is_none_or(|s| s.pending() == 0) {
            return;
        }
        browser::sleep(20).await;
    }
}

/// Locks the app after the chosen idle time, while a passphrase is set: any tap, key or
/// scroll counts as use. Checked every few seconds and whenever the page is shown again.
/// The listeners and the timer belong to the app: they end with it.
pub fn watch_idle(state: AppState) {
    let last = Rc::new(Cell::new(browser::now_millis()));
    let mut listeners = Vec::new();
    for event in ["pointerdown", "keydown", "input", "wheel", "touchstart"] {
        let last = Rc::clone(&last);
        listeners.push(window_event_listener_untyped(event, move |_| last.set(browser::now_millis())));
    }
    let check = move || {
        let idle = browser::now_millis() - last.get();
        if state.locked.get_untracked() && state.safety().idle_too_long(idle) {
            lock_now(state);
        }
    };
    let again = check.clone();
    listeners.push(window_event_listener_untyped("visibilitychange", move |_| again()));
    // Another tab set, changed or removed the passphrase, or deleted everything: this tab
    // must not go on writing with what it had, so it loads again (and locks, if set).
    listeners.push(window_event_listener(leptos::ev::storage, move |event| {
        if event.key().is_none_or(|key| key == crate::platform::storage::LOCK_KEY) {
            browser::blank_page();
            browser::reload();
        }
    }));
    let timer = set_interval_with_handle(check, std::time::Duration::from_secs(5)).ok();
    on_cleanup(move || {
        listeners.into_iter().for_each(WindowListenerHandle::remove);
        timer.iter().for_each(IntervalHandle::clear);
    });
}
