//! Where the citizen's data is kept: a small key–value trait with an in-memory and a
//! browser (`localStorage`) implementation, and the [`Vault`] that reads and writes the
//! app's values through it. Blocked or full storage and unreadable values are values the
//! UI shows ([`Problem`]), never panics, and an unreadable value is never overwritten
//! before a byte-identical copy of it has been put aside.

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
pub mod lock;
mod memory;
#[cfg(target_arch = "wasm32")]
mod sealed;
mod vault;

#[cfg(target_arch = "wasm32")]
pub use browser::BrowserStore;
pub use memory::MemoryStore;
#[cfg(target_arch = "wasm32")]
pub use sealed::SealedStore;
pub use vault::{Loaded, Problem, Reloaded, Vault, ASIDE_PREFIX, DRAFT_KEY, HISTORY_KEY, SAFETY_KEY, SETTINGS_KEY};

use std::fmt;

/// Every key the app keeps starts with this.
pub const APP_PREFIX: &str = "ugeblik.v1.";
/// The lock record (`domain::sealed::LockRecord`), there only while a passphrase is set.
pub const LOCK_KEY: &str = "ugeblik.v1.lock";

/// Why the store did not do what was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The quota is used up.
    Full,
    /// Anything else the browser said, in its words.
    Failed(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Full => write!(f, "storage is full"),
            StorageError::Failed(why) => write!(f, "{why}"),
        }
    }
}

impl std::error::Error for StorageError {}

/// A place that keeps strings under string keys.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key of the app in this store, in order.
    fn keys(&self) -> Vec<String>;
}

/// Writes every value of `writes` (`None` removes the key) or none of them: when one
/// write fails (storage full), every key written so far gets its old value back. Used to
/// set, change or remove the passphrase, where a mix of old and new keys would leave data
/// that no passphrase opens.
pub fn write_all(store: &dyn KeyValueStore, writes: &[(String, Option<String>)]) -> Result<(), StorageError> {
    let mut before = Vec::with_capacity(writes.len());
    for (key, _) in writes {
        before.push((key, store.get(key)?));
    }
    for (done, (key, value)) in writes.iter().enumerate() {
        let written = match value {
            Some(value) => store.set(key, value),
            None => store.remove(key),
        };
        if let Err(error) = written {
            // Old values fitted before, so putting them back frees room rather than taking it.
            for (key, old) in before.iter().take(done + 1).rev() {
                let _ = match old {
                    Some(old) => store.set(key, old),
                    None => store.remove(key),
                };
            }
            return Err(error);
        }
    }
    Ok(())
}

/// Removes every value of the app from `store`: answers, check-in, settings, copies put
/// aside and the lock. Returns the keys that could not be removed.
pub fn delete_everything(store: &dyn KeyValueStore) -> Vec<String> {
    store.keys().into_iter().filter(|key| store.remove(key).is_err()).collect()
}
