use std::cell::RefCell;

use super::{KeyValueStore, MemoryStore, StorageError};
use crate::domain::checkin::Draft;
use crate::domain::history::History;
use crate::domain::rater::Readings;
use crate::formats::safety::{self, Safety};
use crate::formats::stored::{self, DecodeError, Settings};

/// Keys are namespaced and carry the key-layout version; each value carries its own
/// format version inside (see `formats::stored`).
pub const HISTORY_KEY: &str = "ugeblik.v1.history";
pub const DRAFT_KEY: &str = "ugeblik.v1.draft";
pub const SETTINGS_KEY: &str = "ugeblik.v1.settings";
/// The shared-phone settings (`formats::safety`).
pub const SAFETY_KEY: &str = "ugeblik.v1.safety";
/// Others' readings of the citizen (`formats::stored::decode_readings`): read and written
/// by the session screens only, never by the check-in.
pub const READINGS_KEY: &str = "ugeblik.v1.readings";
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
    /// The texts of the language chosen could not be fetched (offline on the first visit in
    /// it): the app speaks Danish, the language always there, until they can.
    LanguageUnavailable { lang: crate::domain::lang::Lang },
    /// The code that talks with the portal the widget is framed in could not be fetched
    /// (offline before the service worker kept it): the app works, the portal hears nothing.
    PortalUnavailable,
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

/// What [`Vault::reload`] found that the caller must take in.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Reloaded {
    /// The history another tab stored: it replaces this tab's, which it holds (every tab
    /// changes the history it reloaded just before).
    pub history: Option<History>,
    /// The stored check-in is gone while this tab has one: another tab saved it.
    pub draft_gone: bool,
    pub problems: Vec<Problem>,
}

/// Which of [`Vault::seen`] holds a key's text.
const HISTORY: usize = 0;
const DRAFT: usize = 1;
const SETTINGS: usize = 2;
const SAFETY: usize = 3;

/// The app's data in a store, which other tabs of the app may write at any time.
pub struct Vault {
    store: Box<dyn KeyValueStore>,
    /// Keys holding an unreadable value that could not be put aside: never written.
    frozen: RefCell<Vec<String>>,
    /// The stored texts of the history, the check-in, the settings and the shared-phone
    /// settings that this tab holds, as last read, or written as it holds them (`None`:
    /// nothing, or not known). A stored text that is not this one was written by another tab.
    seen: RefCell<[Option<String>; 4]>,
    /// Names the aside copies.
    opened: u64,
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
        let vault = Vault { store, frozen: RefCell::default(), seen: RefCell::default(), opened: now_millis };
        let problems = &mut loaded.problems;
        if let Some(history) = vault.changed(HISTORY, HISTORY_KEY, stored::decode_history, problems) {
            loaded.history = history;
        }
        loaded.draft = vault.changed(DRAFT, DRAFT_KEY, stored::decode_draft, problems);
        if let Some(text) = vault.raw(SETTINGS_KEY, problems) {
            loaded.settings = vault.decode(SETTINGS_KEY, &text, stored::decode_settings, problems).unwrap_or_default();
        }
        if let Some(text) = vault.raw(SAFETY_KEY, problems) {
            loaded.safety = vault.decode(SAFETY_KEY, &text, safety::decode_safety, problems).unwrap_or_default();
        }
        (vault, loaded)
    }

    /// What is stored under `key`. A value the browser itself cannot read is reported, and
    /// its key frozen: treated like a value we cannot parse that we also cannot copy.
    fn raw(&self, key: &str, problems: &mut Vec<Problem>) -> Option<String> {
        self.store
            .get(key)
            .map_err(|reason| {
                self.frozen.borrow_mut().push(key.to_owned());
                let reason = DecodeError::Invalid(reason.to_string());
                problems.push(Problem::Unreadable { key: key.to_owned(), reason, kept_as: None });
            })
            .ok()
            .flatten()
    }

    /// Reads the text stored under `key`. One that does not decode is put aside unchanged
    /// and reported; if no copy can be made, its key is frozen.
    fn decode<T>(
        &self,
        key: &str,
        raw: &str,
        decode: fn(&str) -> Result<T, DecodeError>,
        problems: &mut Vec<Problem>,
    ) -> Option<T> {
        decode(raw)
            .map_err(|reason| {
                // A newer app's value stays where it is, byte for byte, for that app to
                // read again; this one keeps new data in memory only.
                let newer = matches!(reason, DecodeError::TooNew { .. });
                let kept_as = if newer { None } else { self.put_aside(key, raw) };
                if kept_as.is_none() {
                    self.frozen.borrow_mut().push(key.to_owned());
                }
                problems.push(Problem::Unreadable { key: key.to_owned(), reason, kept_as });
            })
            .ok()
    }

    /// The value stored under `key` (held in `seen[slot]`)
    /// when it is not the one this tab already holds: another tab wrote it. `None` when it
    /// is, when nothing is stored, or when it cannot be read. Afterwards this tab is taken
    /// to hold what is stored.
    fn changed<T>(
        &self,
        slot: usize,
        key: &str,
        decode: fn(&str) -> Result<T, DecodeError>,
        problems: &mut Vec<Problem>,
    ) -> Option<T> {
        let raw = self.changed_text(slot, key, problems)?;
        self.decode(key, &raw, decode, problems)
    }

    /// The text stored under `key` when it is not the one `seen[slot]` holds; afterwards
    /// it is. (Apart from the decoding: one copy for every type, wasm size.)
    fn changed_text(&self, slot: usize, key: &str, problems: &mut Vec<Problem>) -> Option<String> {
        if self.is_frozen(key) {
            return None;
        }
        let raw = self.raw(key, problems);
        let mut seen = self.seen.borrow_mut();
        if raw == seen[slot] {
            return None;
        }
        seen[slot].clone_from(&raw);
        raw
    }

    /// Whether a write of `key` reaches the store: not when its stored value could not be
    /// read nor put aside (then new data stays in memory only).
    pub fn writes(&self, key: &str) -> bool {
        !self.is_frozen(key)
    }

    fn is_frozen(&self, key: &str) -> bool {
        self.frozen.borrow().iter().any(|k| k == key)
    }

    /// Copies `raw` to a new aside key and checks the copy reads back identical.
    fn put_aside(&self, key: &str, raw: &str) -> Option<String> {
        let base = format!("{ASIDE_PREFIX}{key}.{}", self.opened);
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

    /// Writes `value` under `key` (removes it for `None`); `holds`: this tab holds exactly
    /// that value.
    fn write(&self, slot: usize, key: &str, value: Option<String>, holds: bool) -> Result<(), Problem> {
        if self.is_frozen(key) {
            // The citizen was told at start that new data here is kept in memory only.
            return Ok(());
        }
        let result = match &value {
            Some(value) => self.store.set(key, value),
            None => self.store.remove(key),
        };
        self.seen.borrow_mut()[slot] = value.filter(|_| holds && result.is_ok());
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

    /// Saves the history. Callers change the history they reloaded ([`Vault::reload`])
    /// just before; should another tab have stored one since, it is merged in first
    /// (`History::merge`), so that none of its answers is thrown away. An unreadable value
    /// stored meanwhile is put aside first, or, when it cannot be, never written over.
    pub fn save_history(&self, history: &History) -> Result<(), Problem> {
        let mut problems = Vec::new();
        let (text, holds) = match self.changed(HISTORY, HISTORY_KEY, stored::decode_history, &mut problems) {
            Some(theirs) => {
                let mut merged = history.clone();
                merged.merge(&theirs);
                (stored::encode_history(&merged), false)
            }
            None => (stored::encode_history(history), true),
        };
        self.write(HISTORY, HISTORY_KEY, Some(text), holds)?;
        problems.into_iter().next().map_or(Ok(()), Err)
    }

    /// Saves the check-in in progress, merged first with the answers another tab stored
    /// meanwhile (`Draft::merge`), so that none is thrown away; or removes it when `None`
    /// (saved into the history, which holds what other tabs had given of it).
    pub fn save_draft(&self, draft: Option<&Draft>) -> Result<(), Problem> {
        let mut problems = Vec::new();
        let mut holds = true;
        let text = draft.map(|draft| match self.changed(DRAFT, DRAFT_KEY, stored::decode_draft, &mut problems) {
            Some(theirs) => {
                // This tab holds what it merged in only once it reloads.
                holds = false;
                let mut merged = draft.clone();
                merged.merge(&theirs);
                stored::encode_draft(&merged)
            }
            None => stored::encode_draft(draft),
        });
        self.write(DRAFT, DRAFT_KEY, text, holds)?;
        problems.into_iter().next().map_or(Ok(()), Err)
    }

    /// Saves the settings. What another tab stored meanwhile is read first: a value this
    /// version cannot read (a newer version's) is left as it is, byte for byte, and
    /// reported, and the settings are kept in memory only; a damaged one is put aside first.
    pub fn save_settings(&self, settings: &Settings) -> Result<(), Problem> {
        self.save_whole(SETTINGS, SETTINGS_KEY, stored::encode_settings(settings), |t| {
            stored::decode_settings(t).map(drop)
        })
    }

    /// Writes `text` under `key` (held in `seen[slot]`) as a whole, after reading what is
    /// stored there (see [`Vault::save_settings`]); `readable` decodes it.
    fn save_whole(
        &self,
        slot: usize,
        key: &str,
        text: String,
        readable: fn(&str) -> Result<(), DecodeError>,
    ) -> Result<(), Problem> {
        let mut problems = Vec::new();
        // Read apart from decoding, like `Vault::open`: no other copy of `changed` (wasm size).
        if let Some(raw) = self.changed_text(slot, key, &mut problems) {
            self.decode(key, &raw, readable, &mut problems);
        }
        self.write(slot, key, Some(text), true)?;
        problems.into_iter().next().map_or(Ok(()), Err)
    }

    /// Takes in what other tabs stored since this one last read or wrote: the history they
    /// stored (returned: it replaces this tab's), and their check-in, merged part by part
    /// into `draft` (`Draft::merge`), or taken as it is when this tab has none. A check-in
    /// in progress also takes in what was saved of its week meanwhile
    /// (`Draft::merge_saved`). Should the stored check-in lack a part this tab gave (two
    /// tabs wrote at the same moment), this tab's goes back into storage. Call it when
    /// another tab wrote (the browser's `storage` event) and before changing the history.
    pub fn reload(&self, draft: &mut Option<Draft>) -> Reloaded {
        let mut reloaded = Reloaded::default();
        let problems = &mut reloaded.problems;
        reloaded.history = self.changed(HISTORY, HISTORY_KEY, stored::decode_history, problems);
        if let (Some(history), Some(draft)) = (&reloaded.history, draft.as_mut()) {
            draft.merge_saved(history);
        }
        if let Some(theirs) = self.changed(DRAFT, DRAFT_KEY, stored::decode_draft, problems) {
            match draft {
                Some(mine) => {
                    mine.merge(&theirs);
                    // Two tabs wrote at the same moment, and the other's write kept only its
                    // own answer: this tab's goes back into storage.
                    if mine.given_later_than(&theirs) {
                        let written = self.write(DRAFT, DRAFT_KEY, Some(stored::encode_draft(mine)), true);
                        problems.extend(written.err());
                    }
                }
                None => *draft = Some(theirs),
            }
        }
        reloaded.draft_gone = draft.is_some() && self.seen.borrow()[DRAFT].is_none() && !self.is_frozen(DRAFT_KEY);
        reloaded
    }

    /// Saves the shared-phone settings, read first like [`Vault::save_settings`].
    pub fn save_safety(&self, safety: &Safety) -> Result<(), Problem> {
        self.save_whole(SAFETY, SAFETY_KEY, safety::encode_safety(safety), |t| safety::decode_safety(t).map(drop))
    }

    /// Others' readings of the citizen as stored (none when nothing is); an unreadable
    /// value is put aside, or its key frozen, and reported, like the history at start.
    pub fn readings(&self) -> (Readings, Vec<Problem>) {
        let mut problems = Vec::new();
        let readings = self
            .raw(READINGS_KEY, &mut problems)
            .and_then(|text| self.decode(READINGS_KEY, &text, stored::decode_readings, &mut problems))
            .unwrap_or_default();
        (readings, problems)
    }

    /// Saves `readings`, merged first with what is stored now (another tab may have added
    /// or deleted one: `Readings::merge`, so that none is lost and a deleted one stays
    /// gone). Returns what this tab holds from now on; a key frozen at reading keeps them
    /// in memory only.
    pub fn save_readings(&self, readings: &Readings) -> (Readings, Option<Problem>) {
        let (stored, problems) = self.readings();
        let mut merged = readings.clone();
        merged.merge(&stored);
        if self.is_frozen(READINGS_KEY) {
            return (merged, problems.into_iter().next());
        }
        let written = self.store.set(READINGS_KEY, &stored::encode_readings(&merged));
        let problem = written.err().map(|reason| Problem::SaveFailed { key: READINGS_KEY.to_owned(), reason });
        (merged, problem.or(problems.into_iter().next()))
    }
}
