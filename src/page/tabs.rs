//! Ugeblik open in several tabs or windows of one browser: they share its storage. When
//! another tab writes the history or the check-in, this one merges what it wrote into its
//! own ([`AppState::merge_stored`]), so answers given in two tabs at once are all kept and
//! shown in both.

use std::rc::Rc;

use leptos::prelude::*;

use crate::page::state::{AppState, Screen};
use crate::platform::storage::{is_value, SealedStore};

/// Listens, for as long as the app lives, for other tabs' writes to the app's data. The
/// browser tells only the other tabs of a write, never the one that wrote.
pub fn listen(state: AppState) {
    if let Some(sealed) = state.sealed() {
        merge_conflicts(state, &sealed);
    }
    let listener = window_event_listener(leptos::ev::storage, move |event| {
        // No key: another tab cleared all of storage.
        match event.key() {
            Some(key) => heard(state, key, false),
            None => state.merge_stored(),
        }
    });
    on_cleanup(move || listener.remove());
}

/// Another tab stored `key`. Locked, it is decrypted first: every value, for the vault
/// reads the settings too before it writes them. The history and the check-in are merged
/// in; with `again` (this tab's write of `key` found it stored meanwhile), this tab's
/// history is saved again, merged with theirs.
fn heard(state: AppState, key: String, again: bool) {
    let name = key.clone();
    let take_in = move || {
        let in_check_in = state.screen.get_untracked() == Screen::CheckIn;
        state.change(|m| m.heard(&name, again, in_check_in));
    };
    match state.sealed() {
        Some(sealed) if is_value(&key) => wasm_bindgen_futures::spawn_local(async move {
            if again {
                sealed.take_theirs(&key).await;
            } else {
                sealed.refresh(&key).await;
            }
            take_in();
            if again {
                // This tab's value is merged and written again: until now it was in no
                // storage, and "saved" waits for it (`pending`).
                sealed.merged(&key);
            }
        }),
        _ => take_in(),
    }
}

/// With a passphrase set, another tab may store a value while this tab's write of it is
/// being encrypted: `sealed` then stores nothing, and this tab reads theirs in and merges
/// its own into it (the history, the check-in). The settings are theirs then: a newer
/// version's are never written over.
pub fn merge_conflicts(state: AppState, sealed: &SealedStore) {
    sealed.on_conflict(Rc::new(move |key: String| heard(state, key, true)));
}
