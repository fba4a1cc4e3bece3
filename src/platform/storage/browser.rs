use wasm_bindgen::JsValue;

use super::{KeyValueStore, StorageError};

/// The browser's `localStorage`.
#[derive(Clone)]
pub struct BrowserStore {
    storage: web_sys::Storage,
}

const PROBE_KEY: &str = "ugeblik.v1.probe";

impl BrowserStore {
    /// The page's `localStorage`, if the browser lets us write it, or if it holds the
    /// app's data (storage that is full still holds the citizen's answers: they are read,
    /// and each write that fails says so). A sandboxed iframe throws on access; some
    /// private modes have no room at all.
    pub fn open() -> Option<BrowserStore> {
        let storage = web_sys::window()?.local_storage().ok()??;
        let writable = storage.set_item(PROBE_KEY, "1").is_ok() && storage.remove_item(PROBE_KEY).is_ok();
        let holds_ours = || {
            (0..storage.length().unwrap_or(0))
                .any(|i| storage.key(i).ok().flatten().is_some_and(|key| key.starts_with("ugeblik.v1.")))
        };
        (writable || holds_ours()).then_some(BrowserStore { storage })
    }
}

fn storage_error(error: JsValue) -> StorageError {
    let name = js_sys::Reflect::get(&error, &JsValue::from_str("name"))
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        StorageError::Full
    } else {
        StorageError::Failed(if name.is_empty() { "storage error".to_owned() } else { name })
    }
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(storage_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(storage_error)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage.remove_item(key).map_err(storage_error)
    }

    fn keys(&self) -> Vec<String> {
        self.app_keys()
    }
}

impl BrowserStore {
    /// Every key that belongs to the app (its prefix), the lock record's too.
    pub fn app_keys(&self) -> Vec<String> {
        let count = self.storage.length().unwrap_or(0);
        // In storage's own order: a sort would be code the first load carries, for nothing.
        (0..count)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .filter(|key| key.starts_with(super::APP_PREFIX) && key != PROBE_KEY)
            .collect()
    }
}
