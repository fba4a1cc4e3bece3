//! Where the citizen's data is kept: a small key–value trait with an in-memory and a
//! browser (`localStorage`) implementation, and the [`Vault`] that reads and writes the
//! app's values through it. Blocked or full storage and unreadable values are values the
//! UI shows ([`Problem`]), never panics, and an unreadable value is never overwritten
//! before a byte-identical copy of it has been put aside.

#[cfg(target_arch = "wasm32")]
mod browser;
mod memory;
mod vault;

#[cfg(target_arch = "wasm32")]
pub use browser::BrowserStore;
pub use memory::MemoryStore;
pub use vault::{Loaded, Problem, Reloaded, Vault, ASIDE_PREFIX, DRAFT_KEY, HISTORY_KEY, SETTINGS_KEY};

use std::fmt;

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
}
