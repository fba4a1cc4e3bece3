//! Setting, changing and removing the passphrase never leaves a value that no passphrase
//! opens: the old lock record stays until every value is written anew, a change cut short
//! after any number of writes is finished or undone at the next start, and a change that
//! would leave a value behind is refused. The sealing here is a stand-in (the browser's
//! WebCrypto does it in the app): a value "opens" with the key whose name it carries.

use std::cell::Cell;

use ugeblik::platform::storage::{
    change_lock, finish_change, is_value, Change, ChangeError, KeyValueStore, MemoryStore, StorageError, LOCK_KEY,
    NEXT_LOCK_KEY, NEXT_PREFIX,
};

/// Every value of the app, as plain text.
fn plaintexts() -> Vec<(String, String)> {
    [
        ("ugeblik.v1.history", r#"{"version":2,"responses":[{"note":"min uge"}]}"#),
        ("ugeblik.v1.draft", r#"{"version":4,"draft":{"week":"2026-W48"}}"#),
        ("ugeblik.v1.settings", r#"{"version":2,"lang":"da"}"#),
        ("ugeblik.v1.safety", r#"{"version":1,"autoLock":5}"#),
        ("ugeblik.v1.aside.ugeblik.v1.history.1795000000000", "{\"version\":3,\"responses\":"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

/// A value sealed under passphrase `id` (`None`: stored as plain text), bound to its key.
fn seal(id: Option<&str>, key: &str, text: &str) -> String {
    match id {
        Some(id) => format!("{{\"sealed\":1,\"by\":\"{id}\",\"at\":\"{key}\",\"text\":{text:?}}}"),
        None => text.to_owned(),
    }
}

fn record(id: Option<&str>) -> Option<String> {
    id.map(|id| format!("{{\"version\":1,\"lock\":\"{id}\"}}"))
}

/// A phone whose every value is stored under passphrase `id`.
fn phone(id: Option<&str>) -> MemoryStore {
    let store = MemoryStore::new();
    for (key, text) in plaintexts() {
        store.set(&key, &seal(id, &key, &text)).unwrap();
    }
    if let Some(lock) = record(id) {
        store.set(LOCK_KEY, &lock).unwrap();
    }
    store.set("portal.own", "theirs").unwrap();
    store
}

/// The change to passphrase `id` (`None`: removed), every value sealed anew.
fn change_to(id: Option<&str>) -> Change {
    let values = plaintexts().into_iter().map(|(key, text)| (key.clone(), Some(seal(id, &key, &text)))).collect();
    Change::new(record(id), values).unwrap()
}

/// The passphrase named by the lock record, and every value as plain text.
type Opened = (Option<String>, Vec<(String, String)>);

/// What the lock screen's passphrase opens, as a start would; an error names a value it
/// does not open.
fn open(store: &MemoryStore) -> Result<Opened, String> {
    let snapshot = store.snapshot();
    let id = snapshot.get(LOCK_KEY).map(|lock| lock.split('"').nth(5).unwrap_or_default().to_owned());
    let mut opened = Vec::new();
    for (key, value) in snapshot.iter().filter(|(key, _)| is_value(key)) {
        let text = plaintexts().into_iter().find(|(k, _)| k == key).map(|(_, t)| t).ok_or(key.clone())?;
        if *value != seal(id.as_deref(), key, &text) {
            return Err(format!("{key} does not open with {id:?}: {value}"));
        }
        opened.push((key.clone(), text));
    }
    if let Some(left) = snapshot.keys().find(|k| k.starts_with(NEXT_PREFIX)) {
        return Err(format!("{left} left over"));
    }
    Ok((id, opened))
}

/// A store in a tab that dies after `left` more writes: nothing after them reaches storage.
struct Dying<'a> {
    inner: &'a MemoryStore,
    left: Cell<usize>,
}

impl Dying<'_> {
    fn alive(&self) -> bool {
        let left = self.left.get();
        self.left.set(left.saturating_sub(1));
        left > 0
    }
}

impl KeyValueStore for Dying<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if self.alive() {
            self.inner.set(key, value)?;
        }
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        if self.alive() {
            self.inner.remove(key)?;
        }
        Ok(())
    }
    fn keys(&self) -> Vec<String> {
        self.inner.keys()
    }
}

#[track_caller]
fn check_cut_short_anywhere(from: Option<&str>, to: Option<&str>) {
    let values = plaintexts().len();
    // The new lock record, the new values beside the old ones, then the one write that decides.
    let deciding = 1 + values + 1;
    let all = deciding + 2 * values + 1;
    let before = phone(from).snapshot();
    for n in 0..=all + 1 {
        let store = phone(from);
        let dying = Dying { inner: &store, left: Cell::new(n) };
        let result = change_lock(&dying, &change_to(to));
        assert_eq!(result, Ok(()), "the tab does not know it dies");
        if n < deciding {
            assert_eq!(store.get(LOCK_KEY).unwrap(), record(from), "the old lock record stays, after {n} writes");
            for (key, value) in &before {
                assert_eq!(store.get(key).unwrap().as_ref(), Some(value), "{key} as it was, after {n} writes");
            }
        }
        // The next start makes it whole: every value opens with the one passphrase.
        assert_eq!(finish_change(&store), n > 0 && n < all, "after {n} writes");
        let (opens_with, opened) = open(&store).unwrap_or_else(|e| panic!("after {n} writes: {e}"));
        let mut expected = plaintexts();
        expected.sort();
        assert_eq!(opened, expected, "every value, after {n} writes");
        if n < deciding {
            assert_eq!(opens_with.as_deref(), from, "undone after {n} writes");
            assert_eq!(store.snapshot(), before, "byte for byte, after {n} writes");
        } else {
            assert_eq!(opens_with.as_deref(), to, "finished after {n} writes");
        }
        assert_eq!(store.get("portal.own").unwrap().as_deref(), Some("theirs"));
        assert!(!finish_change(&store), "nothing left to do");
    }
}

#[test]
fn a_passphrase_change_cut_short_after_any_number_of_writes_opens_with_one_passphrase_at_the_next_start() {
    check_cut_short_anywhere(Some("old"), Some("new"));
}

#[test]
fn setting_a_passphrase_cut_short_anywhere_leaves_everything_readable() {
    check_cut_short_anywhere(None, Some("new"));
}

#[test]
fn removing_the_passphrase_cut_short_anywhere_leaves_everything_readable() {
    check_cut_short_anywhere(Some("old"), None);
}

#[test]
fn a_whole_change_leaves_only_the_new_passphrase_and_no_copies() {
    let store = phone(Some("old"));
    change_lock(&store, &change_to(Some("new"))).unwrap();
    assert!(!finish_change(&store));
    assert_eq!(open(&store).unwrap().0.as_deref(), Some("new"));
    assert_eq!(store.snapshot(), phone(Some("new")).snapshot());
}

#[test]
fn a_change_that_does_not_fit_changes_nothing() {
    // Room for every value once, not for the new ones beside them.
    let before = phone(Some("old")).snapshot();
    let size: usize = before.iter().map(|(k, v)| k.len() + v.len()).sum();
    let store = MemoryStore::with_quota(size + 200);
    for (key, value) in &before {
        store.set(key, value).unwrap();
    }
    let result = change_lock(&store, &change_to(Some("new")));
    assert_eq!(result, Err(ChangeError::Storage(StorageError::Full)));
    assert_eq!(store.snapshot(), before, "byte for byte");
}

#[test]
fn a_change_that_would_leave_a_value_no_passphrase_opens_is_refused() {
    // The settings did not open with the current passphrase (damaged, or sealed with
    // another): after the change nothing would ever open them.
    let mut values: Vec<(String, Option<String>)> =
        plaintexts().into_iter().map(|(key, text)| (key.clone(), Some(seal(Some("new"), &key, &text)))).collect();
    values[2].1 = None;
    let refused = Change::new(record(Some("new")), values).unwrap_err();
    assert_eq!(refused, ChangeError::Stranded("ugeblik.v1.settings".into()));
    // The lock record and a change's own keys are never values to move.
    let odd = vec![(LOCK_KEY.to_owned(), None), (NEXT_LOCK_KEY.to_owned(), None), ("portal.own".to_owned(), None)];
    assert!(Change::new(None, odd).is_ok());
}

#[test]
fn a_change_is_not_made_over_another_left_half_done() {
    // Another tab's change was cut short before it was decided: this one is not made
    // (it was sealed from what was stored before), and the other is undone.
    let store = phone(Some("old"));
    let before = store.snapshot();
    store.set(NEXT_LOCK_KEY, &record(Some("other")).unwrap()).unwrap();
    store.set(&format!("{NEXT_PREFIX}history"), "half").unwrap();
    assert!(matches!(change_lock(&store, &change_to(Some("new"))), Err(ChangeError::Storage(_))));
    assert_eq!(store.snapshot(), before);
}
