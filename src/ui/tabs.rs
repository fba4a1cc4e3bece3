//! Ugeblik open in several tabs or windows of one browser: they share its storage. When
//! another tab writes the history or the check-in, this one merges what it wrote into its
//! own ([`AppState::merge_stored`]), so answers given in two tabs at once are all kept and
//! shown in both.

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use leptos::prelude::*;

use super::state::AppState;
use crate::storage::{is_value, SealedStore, DRAFT_KEY, HISTORY_KEY, SAFETY_KEY, SETTINGS_KEY};

/// Listens, for as long as the page lives, for other tabs' writes to the app's data. The
/// browser tells only the other tabs of a write, never the one that wrote.
pub fn listen(state: AppState) {
    if let Some(sealed) = state.sealed() {
        merge_conflicts(state, &sealed);
    }
    // Never removed: the listener lives as long as the page.
    let _ = window_event_listener(leptos::ev::storage, move |event| {
        // No key: another tab cleared all of storage.
        let key = event.key();
        let merge = key.as_deref().is_none_or(|key| key == HISTORY_KEY || key == DRAFT_KEY);
        // Locked: what the other tab wrote is decrypted first (every value: the vault
        // reads the settings too before it writes them), then merged.
        match (state.sealed(), key) {
            (Some(sealed), Some(key)) if is_value(&key) => wasm_bindgen_futures::spawn_local(async move {
                sealed.refresh(&key).await;
                if merge {
                    state.merge_stored();
                }
            }),
            _ if merge => state.merge_stored(),
            _ => {}
        }
    });
}

/// With a passphrase set, another tab may store a value while this tab's write of it is
/// being encrypted: `sealed` then holds theirs, and this tab's value is merged into it
/// and saved again (the history, the check-in), or saved again after reading theirs
/// (the settings, which a newer version's are not written over).
pub fn merge_conflicts(state: AppState, sealed: &SealedStore) {
    sealed.on_conflict(Rc::new(move |key: String| {
        if key == HISTORY_KEY {
            state.replace_history(state.history.get_untracked());
        } else if key == SETTINGS_KEY {
            state.change_shown(|_| {});
        } else if key == SAFETY_KEY {
            state.change_safety(|_| {});
        }
        state.merge_stored();
    }));
}

/// How often a history another tab stored was taken in: a drawn screen's worker then gets
/// the history again (`ui::progress`).
static HISTORY_RELOADS: AtomicU32 = AtomicU32::new(0);

pub fn history_reloaded() {
    HISTORY_RELOADS.fetch_add(1, Ordering::Relaxed);
}

pub fn history_reloads() -> u32 {
    HISTORY_RELOADS.load(Ordering::Relaxed)
}
