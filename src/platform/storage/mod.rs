//! Where the citizen's data is kept: a small key–value trait with an in-memory and a
//! browser (`localStorage`) implementation, and the [`Vault`] that reads and writes the
//! app's values through it. Blocked or full storage and unreadable values are values the
//! UI shows ([`Problem`]), never panics, and an unreadable value is never overwritten
//! before a byte-identical copy of it has been put aside.

#[cfg(target_arch = "wasm32")]
mod browser;
mod change;
mod cipher;
pub mod lock;
mod memory;
mod sealed;
pub mod tasks;
mod vault;

#[cfg(target_arch = "wasm32")]
pub use browser::BrowserStore;
pub use change::{change_lock, finish_change, is_value, Change, ChangeError, NEXT_LOCK_KEY, NEXT_PREFIX};
#[cfg(target_arch = "wasm32")]
pub use cipher::WebCrypto;
pub use cipher::{Cipher, CryptoError};
pub use memory::MemoryStore;
pub use sealed::SealedOver;
/// The browser's storage, encrypted with WebCrypto while a passphrase is set.
#[cfg(target_arch = "wasm32")]
pub type SealedStore = SealedOver<WebCrypto, BrowserStore>;
pub use vault::{
    Loaded, Problem, Reloaded, Vault, ASIDE_PREFIX, DRAFT_KEY, HISTORY_KEY, READINGS_KEY, SAFETY_KEY, SETTINGS_KEY,
};

use std::fmt;

/// Every key the app keeps starts with this.
pub const APP_PREFIX: &str = "ugeblik.v1.";
/// The lock record (`formats::sealed::LockRecord`), there only while a passphrase is set.
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

/// Why the caseload did not open or keep what was asked.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CaseloadError {
    /// The passphrase does not open it.
    WrongPassphrase,
    /// The lock record cannot be read: nothing can be opened, nothing is changed.
    Damaged,
    /// The browser cannot do the cryptography here (not a secure context).
    Crypto,
    /// Not opened with its passphrase yet.
    Locked,
    /// IndexedDB refused (private mode, full, or blocked), in the browser's words.
    Storage(String),
}

/// A place that keeps strings under string keys.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key of the app in this store, in order.
    fn keys(&self) -> Vec<String>;
}

/// Removes every value of the app from `store`: answers, check-in, settings, copies put
/// aside and, last, the lock (a tab closed half-way leaves nothing sealed without the lock
/// that opens it). Returns the keys that could not be removed.
pub fn delete_everything(store: &dyn KeyValueStore) -> Vec<String> {
    let (lock, values): (Vec<String>, Vec<String>) = store.keys().into_iter().partition(|key| key == LOCK_KEY);
    values.into_iter().chain(lock).filter(|key| store.remove(key).is_err()).collect()
}
