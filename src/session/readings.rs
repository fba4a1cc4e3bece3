//! Others' readings of the citizen on this device, as the session screens hold them: read
//! from storage the first time a session screen needs them (the check-in never does), and
//! every change stored at once through the vault (merged with what another tab stored).
//! One signal for every session screen, so that a reading added, hidden or deleted on one
//! is what the others show.

use std::cell::RefCell;

use leptos::prelude::*;

use crate::domain::rater::{Reading, Readings};
use crate::page::state::AppState;

thread_local! {
    static HELD: RefCell<Option<ArcRwSignal<Readings>>> = const { RefCell::new(None) };
}

/// The citizen's readings by others (the demo's made-up ones in the demo; none in the
/// consultant's viewer, which shows the file's).
pub(crate) fn held(state: AppState) -> ArcRwSignal<Readings> {
    HELD.with(|held| {
        held.borrow_mut()
            .get_or_insert_with(|| {
                let readings = match (state.demo, state.viewer) {
                    (true, _) => crate::domain::demo::readings(state.week),
                    (_, true) => Readings::default(),
                    _ => state.change(|m| m.readings()),
                };
                ArcRwSignal::new(readings)
            })
            .clone()
    })
}

/// Changes the readings and stores them (not in the demo or the viewer); the signal then
/// holds what was stored, another tab's changes merged in.
pub(crate) fn change(state: AppState, change: impl FnOnce(&mut Readings)) {
    let signal = held(state);
    let mut readings = signal.get_untracked();
    change(&mut readings);
    let stored = state.change(|m| m.save_readings(&readings));
    signal.set(stored);
}

/// Keeps a reading just given (in a session on the citizen's phone).
pub(crate) fn keep(state: AppState, reading: Reading) {
    change(state, |readings| readings.upsert(reading));
}

/// Forgets what is held (everything was deleted): read from storage again when next needed.
pub(crate) fn forget() {
    HELD.with(|held| {
        if let Some(signal) = held.borrow_mut().take() {
            signal.set(Readings::default());
        }
    });
}
