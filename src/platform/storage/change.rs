//! Setting, changing or removing the passphrase without ever leaving a value that no
//! passphrase opens.
//!
//! Every value is first written beside the old one, under [`NEXT_PREFIX`], and the new
//! lock record (an empty text when the passphrase is removed) under [`NEXT_LOCK_KEY`]; the
//! old lock record and the old values stay as they are. Then one write decides: the lock
//! record becomes the new one (or goes). Only after it are the new values moved into
//! place. A tab that dies at any point leaves storage that [`finish_change`] makes whole
//! at the next start: before the deciding write, the new copies go and the old passphrase
//! opens everything; after it, they are moved in and the new one does. A value is sealed
//! with the key it ends up under as additional data, so it is moved byte for byte and
//! finishing needs no passphrase. Pure over [`KeyValueStore`]: the sealing is the caller's.

use super::{KeyValueStore, StorageError, APP_PREFIX, LOCK_KEY};

/// The new values of a change in progress: `ugeblik.v1.history` is written beside itself as
/// `ugeblik.v1.next.history`.
pub const NEXT_PREFIX: &str = "ugeblik.v1.next.";
/// The new lock record of a change in progress; empty when the passphrase is removed.
pub const NEXT_LOCK_KEY: &str = "ugeblik.v1.next.lock";

/// Whether `key` holds one of the app's values (not the lock record, not a change in
/// progress, not another app's).
pub fn is_value(key: &str) -> bool {
    key.starts_with(APP_PREFIX) && key != LOCK_KEY && !key.starts_with(NEXT_PREFIX)
}

/// Why a change was not made. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeError {
    /// The value under this key does not open with the current passphrase: after the
    /// change, no passphrase would open it.
    Stranded(String),
    /// Storage refused the new values (full); the old ones are as they were.
    Storage(StorageError),
}

/// A new lock record (`None`: no passphrase) and every value as it is to be stored.
#[derive(Debug)]
pub struct Change {
    lock: Option<String>,
    values: Vec<(String, String)>,
}

impl Change {
    /// `values`: every value of the app, as it is to be stored after the change, or `None`
    /// where the stored value did not open with the current passphrase. Such a change is
    /// refused: that value would be left where no passphrase opens it.
    pub fn new(lock: Option<String>, values: Vec<(String, Option<String>)>) -> Result<Change, ChangeError> {
        let mut kept = Vec::with_capacity(values.len());
        for (key, value) in values.into_iter().filter(|(key, _)| is_value(key)) {
            match value {
                Some(value) => kept.push((key, value)),
                None => return Err(ChangeError::Stranded(key)),
            }
        }
        Ok(Change { lock, values: kept })
    }
}

impl Change {
    /// The new lock record (`None`: the passphrase is removed).
    pub fn lock(&self) -> Option<&str> {
        self.lock.as_deref()
    }
}

fn next_key(key: &str) -> String {
    NEXT_PREFIX.to_owned() + &key[APP_PREFIX.len()..]
}

/// The new values of a change in progress (the lock record's not among them).
fn copies(store: &dyn KeyValueStore) -> Vec<String> {
    store.keys().into_iter().filter(|key| key.starts_with(NEXT_PREFIX) && key != NEXT_LOCK_KEY).collect()
}

/// Stores `change`: every value and the lock record, or, when storage refuses, nothing
/// (the old ones stay, byte for byte). Synchronous: no other write of this tab can come
/// between.
pub fn change_lock(store: &dyn KeyValueStore, change: &Change) -> Result<(), ChangeError> {
    // Another change under way (another tab's, or one cut short): that one is made whole
    // and this one not made, for it was sealed from what was stored before.
    if finish_change(store) {
        return Err(ChangeError::Storage(StorageError::Failed("another change".into())));
    }
    let prepared = store
        .set(NEXT_LOCK_KEY, change.lock.as_deref().unwrap_or(""))
        .and_then(|()| change.values.iter().try_for_each(|(key, value)| store.set(&next_key(key), value)));
    // The one write that decides.
    let decided = prepared.and_then(|()| match &change.lock {
        Some(lock) => store.set(LOCK_KEY, lock),
        None => store.remove(LOCK_KEY),
    });
    match decided {
        Ok(()) => {
            roll_forward(store);
            Ok(())
        }
        Err(error) => {
            roll_back(store);
            Err(ChangeError::Storage(error))
        }
    }
}

/// Makes whole what a change cut short left (a tab closed or killed during it): finishes
/// it when its lock record was written, undoes it otherwise. Afterwards every value opens
/// with the passphrase of the lock record (or is plain text when there is none). Call it
/// at start, before the lock record is read. `true` when there was something to do.
pub fn finish_change(store: &dyn KeyValueStore) -> bool {
    let (Ok(Some(pending)), Ok(lock)) = (store.get(NEXT_LOCK_KEY), store.get(LOCK_KEY)) else {
        return false;
    };
    if lock.unwrap_or_default() == pending {
        roll_forward(store);
    } else {
        roll_back(store);
    }
    true
}

/// The change was decided: every new value goes into place, then the record of the change.
fn roll_forward(store: &dyn KeyValueStore) {
    for next in copies(store) {
        let Ok(Some(value)) = store.get(&next) else { continue };
        let key = APP_PREFIX.to_owned() + &next[NEXT_PREFIX.len()..];
        if store.set(&key, &value).is_err() {
            // Full: the copy's own room makes room for it (the value is in memory meanwhile).
            let _ = store.remove(&next);
            if store.set(&key, &value).is_err() {
                // Put back, for the next start to finish.
                let _ = store.set(&next, &value);
                return;
            }
        }
        let _ = store.remove(&next);
    }
    let _ = store.remove(NEXT_LOCK_KEY);
}

/// The change was not decided: its new values go, then its record; the old ones stay.
fn roll_back(store: &dyn KeyValueStore) {
    for next in copies(store) {
        let _ = store.remove(&next);
    }
    let _ = store.remove(NEXT_LOCK_KEY);
}
