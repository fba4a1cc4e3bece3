//! Shared-phone safety on the page: quick exit, locking (now, and after the chosen idle
//! time), and the actions of the "lock and delete" screen (drawn in the worker, see
//! `crate::session::privacy`): setting, changing and removing the passphrase, the idle time, the
//! end of the programme, deleting everything.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::formats::safety::{parse_auto_lock, parse_end, EndError};
use crate::formats::sealed::{check_new_passphrase, PassphraseError};
use crate::i18n::Msg;
use crate::page::state::AppState;
use crate::platform::browser;
use crate::platform::storage::lock::{self, LockError};
use crate::platform::storage::WebCrypto;

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
async fn settle(state: AppState) {
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

fn passphrase_error(error: PassphraseError) -> Msg {
    match error {
        PassphraseError::TooShort => Msg::ErrPassphraseShort,
        PassphraseError::TooLong => Msg::ErrPassphraseLong,
        PassphraseError::Different => Msg::ErrPassphraseDifferent,
    }
}

fn lock_error(error: LockError) -> Msg {
    match error {
        LockError::WrongPassphrase => Msg::ErrCurrentWrong,
        LockError::Storage(_) => Msg::ErrLockFailed,
        LockError::Damaged(_) => Msg::LockDamaged,
        LockError::Crypto(_) => Msg::CryptoUnavailable,
        LockError::Stranded(_) => Msg::ErrLockStranded,
    }
}

/// What the screen's messages show: an error (`problem`) or what was done (`done`).
#[derive(Clone, Copy)]
pub struct Said {
    pub done: RwSignal<Option<Msg>>,
    pub problem: RwSignal<Option<Msg>>,
}

impl Said {
    fn done(self, msg: Msg) {
        self.problem.set(None);
        self.done.set(Some(msg));
    }

    fn problem(self, msg: Msg, field: Option<&str>) {
        self.done.set(None);
        self.problem.set(Some(msg));
        if let Some(field) = field {
            browser::mark_invalid(field);
            browser::focus_id(field);
        }
    }
}

/// Sets (no `current`), changes or removes (no `new`) the passphrase; the current one is
/// checked first. One task for the three: each is code the first load carries.
fn change_passphrase(state: AppState, current: Option<String>, new: Option<String>, said: Said) {
    let Some(store) = state.browser_store() else { return };
    said.done.set(None);
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(current) = &current {
            if let Err(error) = lock::check::<WebCrypto>(&store, current).await {
                let at = if new.is_some() { "ugb-lock-current" } else { "ugb-lock-remove-current" };
                return said.problem(lock_error(error), Some(at));
            }
        }
        let done = match (&current, &new) {
            (None, _) => Msg::PassphraseSet,
            (Some(_), Some(_)) => Msg::PassphraseChanged,
            (Some(_), None) => Msg::PassphraseRemoved,
        };
        let result = lock::reseal(store, state.sealed(), new.as_deref(), || settle(state)).await;
        match result {
            Ok(sealed) => {
                if let Some(sealed) = &sealed {
                    crate::page::tabs::merge_conflicts(state, sealed);
                }
                state.use_store(sealed);
                said.done(done);
            }
            Err(error) => said.problem(lock_error(error), None),
        }
    });
}

/// Acts on a button of the "lock and delete" screen; `false` when `action` is not one.
pub fn act(state: AppState, action: &str, button: &web_sys::Element, said: Said) -> bool {
    let form = browser::form_fields(button);
    let field = |name: &str| browser::field(&form, name).to_owned();
    match action {
        "lock-set" | "lock-change" => {
            let (new, repeat, current) = (field("new"), field("repeat"), field("current"));
            if let Err(error) = check_new_passphrase(&new, &repeat) {
                let at = if error == PassphraseError::Different { "ugb-lock-repeat" } else { "ugb-lock-new" };
                said.problem(passphrase_error(error), Some(at));
                return true;
            }
            let current = (action == "lock-change").then_some(current);
            change_passphrase(state, current, Some(new), said);
        }
        "lock-remove" => change_passphrase(state, Some(field("current")), None, said),
        "auto-lock" => {
            if let Some(minutes) = parse_auto_lock(&field("minutes")) {
                state.change_safety(|s| s.auto_lock = minutes);
                said.done(Msg::EditSaved);
            }
        }
        "end-date" => match parse_end(&field("end"), browser::today()) {
            Ok(end) => {
                state.change_safety(|s| s.end = end);
                said.done(Msg::EditSaved);
            }
            Err(EndError::NotADate | EndError::Past) => said.problem(Msg::ErrEndDate, Some("ugb-end")),
        },
        "delete-all" => {
            if field("confirm") == "yes" {
                state.delete_everything(Msg::Deleted);
            } else {
                said.problem(Msg::DeleteNeedsConfirm, Some("ugb-delete-all-confirm"));
            }
        }
        _ => return false,
    }
    true
}
