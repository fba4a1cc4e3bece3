use std::cell::RefCell;
use std::collections::BTreeMap;

use super::{KeyValueStore, StorageError};

/// Keeps everything in memory: the stand-in when the browser refuses storage, and the
/// store of host tests. An optional quota (in bytes of keys and values) makes it behave
/// like a full `localStorage`.
#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: RefCell<BTreeMap<String, String>>,
    quota: Option<usize>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// A store that refuses writes that would take it past `bytes`.
    pub fn with_quota(bytes: usize) -> MemoryStore {
        MemoryStore { entries: RefCell::default(), quota: Some(bytes) }
    }

    /// Puts a value in regardless of the quota: for tests that set up a full store.
    pub fn preload(&self, key: &str, value: &str) {
        self.entries.borrow_mut().insert(key.to_owned(), value.to_owned());
    }

    /// Every key and value, for tests.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.entries.borrow().clone()
    }

    fn used_without(&self, key: &str) -> usize {
        self.entries.borrow().iter().filter(|(k, _)| *k != key).map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(quota) = self.quota {
            if self.used_without(key) + key.len() + value.len() > quota {
                return Err(StorageError::Full);
            }
        }
        self.entries.borrow_mut().insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        self.entries.borrow().keys().filter(|k| k.starts_with(super::APP_PREFIX)).cloned().collect()
    }
}
