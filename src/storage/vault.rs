use super::{KeyValueStore, MemoryStore, StorageError};
use crate::domain::checkin::Draft;
use crate::domain::history::History;
use crate::domain::safety::{self, Safety};
use crate::domain::stored::{self, DecodeError, Settings};

/// Keys are namespaced and carry the key-layout version; each value carries its own
/// format version inside (see `domain::stored`).
pub const HISTORY_KEY: &str = "ugeblik.v1.history";
pub const DRAFT_KEY: &str = "ugeblik.v1.draft";
pub const SETTINGS_KEY: &str = "ugeblik.v1.settings";
/// The shared-phone settings (`domain::safety`).
pub const SAFETY_KEY: &str = "ugeblik.v1.safety";
/// Unreadable values are copied, unchanged, to `ASIDE_PREFIX + key + "." + time`.
pub const ASIDE_PREFIX: &str = "ugeblik.v1.aside.";

/// Something about the stored data the citizen must be told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The browser refuses storage; everything lives in memory until the page closes.
    MemoryOnly,
    /// A stored value could not be read. `kept_as` names the byte-identical copy; `None`
    /// means no copy could be made, so the original is left alone and never written.
    Unreadable { key: String, reason: DecodeError, kept_as: Option<String> },
    /// A write failed; what was to be saved is still in memory.
    SaveFailed { key: String, reason: StorageError },
}

/// What was found in storage when the app started.
#[derive(Debug, Default)]
pub struct Loaded {
    pub history: History,
    pub draft: Option<Draft>,
    pub settings: Settings,
    pub safety: Safety,
    pub problems: Vec<Problem>,
}

/// The app's data in a store.
pub struct Vault {
    store: Box<dyn KeyValueStore>,
    /// Keys holding an unreadable value that could not be put aside: never written.
    frozen: Vec<String>,
}

impl Vault {
    /// Opens the store and reads everything in it. With no store (the browser refused
    /// one), the vault keeps data in memory and says so. `now_millis` names aside copies.
    pub fn open(store: Option<Box<dyn KeyValueStore>>, now_millis: u64) -> (Vault, Loaded) {
        let mut loaded = Loaded::default();
        let store = store.unwrap_or_else(|| {
            loaded.problems.push(Problem::MemoryOnly);
            Box::new(MemoryStore::new())
        });
        let mut vault = Vault { store, frozen: Vec::new() };
        if let Some(history) = vault.read(HISTORY_KEY, stored::decode_history, now_millis, &mut loaded.problems) {
            loaded.history = history;
        }
        loaded.draft = vault.read(DRAFT_KEY, stored::decode_draft, now_millis, &mut loaded.problems);
        if let Some(settings) = vault.read(SETTINGS_KEY, stored::decode_settings, now_millis, &mut loaded.problems) {
            loaded.settings = settings;
        }
        if let Some(safety) = vault.read(SAFETY_KEY, safety::decode_safety, now_millis, &mut loaded.problems) {
            loaded.safety = safety;
        }
        (vault, loaded)
    }

    fn read<T>(
        &mut self,
        key: &str,
        decode: fn(&str) -> Result<T, DecodeError>,
        now_millis: u64,
        problems: &mut Vec<Problem>,
    ) -> Option<T> {
        let raw = match self.store.get(key) {
            Ok(Some(raw)) => raw,
            Ok(None) => return None,
            Err(reason) => {
                // Unreadable by the browser itself: treat like a value we cannot parse
                // that we also cannot copy, so it is never overwritten.
                self.frozen.push(key.to_owned());
                problems.push(Problem::Unreadable {
                    key: key.to_owned(),
                    reason: DecodeError::Invalid(reason.to_string()),
                    kept_as: None,
                });
                return None;
            }
        };
        match decode(&raw) {
            Ok(value) => Some(value),
            Err(reason) => {
                let kept_as = self.put_aside(key, &raw, now_millis);
                if kept_as.is_none() {
                    self.frozen.push(key.to_owned());
                }
                problems.push(Problem::Unreadable { key: key.to_owned(), reason, kept_as });
                None
            }
        }
    }

    /// Copies `raw` to a new aside key and checks the copy reads back identical.
    fn put_aside(&self, key: &str, raw: &str, now_millis: u64) -> Option<String> {
        let base = format!("{ASIDE_PREFIX}{key}.{now_millis}");
        let mut aside = base.clone();
        let mut n = 1;
        while matches!(self.store.get(&aside), Ok(Some(_))) {
            n += 1;
            aside = format!("{base}-{n}");
        }
        self.store.set(&aside, raw).ok()?;
        match self.store.get(&aside) {
            Ok(Some(copy)) if copy == raw => Some(aside),
            _ => None,
        }
    }

    fn write(&self, key: &str, value: Option<&str>) -> Result<(), Problem> {
        if self.frozen.iter().any(|k| k == key) {
            // The citizen was told at start that new data here is kept in memory only.
            return Ok(());
        }
        let result = match value {
            Some(value) => self.store.set(key, value),
            None => self.store.remove(key),
        };
        result.map_err(|reason| Problem::SaveFailed { key: key.to_owned(), reason })
    }

    /// The store the vault writes to.
    pub fn store(&self) -> &dyn KeyValueStore {
        self.store.as_ref()
    }

    /// Writes through `store` from now on: the same data after the passphrase was set,
    /// changed or removed.
    pub fn replace_store(&mut self, store: Box<dyn KeyValueStore>) {
        self.store = store;
    }

    pub fn save_history(&self, history: &History) -> Result<(), Problem> {
        self.write(HISTORY_KEY, Some(&stored::encode_history(history)))
    }

    /// Saves the check-in in progress, or removes it when `None`.
    pub fn save_draft(&self, draft: Option<&Draft>) -> Result<(), Problem> {
        self.write(DRAFT_KEY, draft.map(stored::encode_draft).as_deref())
    }

    pub fn save_settings(&self, settings: &Settings) -> Result<(), Problem> {
        self.write(SETTINGS_KEY, Some(&stored::encode_settings(settings)))
    }

    pub fn save_safety(&self, safety: &Safety) -> Result<(), Problem> {
        self.write(SAFETY_KEY, Some(&safety::encode_safety(safety)))
    }
}
