//! The vault over the in-memory store: what the app keeps, what it refuses, and that an
//! unreadable value survives byte for byte.

use ugeblik::domain::checkin::Draft;
use ugeblik::domain::history::History;
use ugeblik::domain::lang::Lang;
use ugeblik::domain::stored::{decode_settings, encode_settings, DecodeError, Settings, STORE_VERSION};
use ugeblik::storage::{
    KeyValueStore, MemoryStore, Problem, Vault, ASIDE_PREFIX, DRAFT_KEY, HISTORY_KEY, SETTINGS_KEY,
};

const HISTORY_V1: &str = include_str!("fixtures/store-v1-history.json");
const DRAFT_V1: &str = include_str!("fixtures/store-v1-draft.json");
const SETTINGS_V1: &str = include_str!("fixtures/store-v1-settings.json");

/// A store shared between the test and the vault, so the test can look inside.
#[derive(Clone, Default)]
struct Shared(std::rc::Rc<MemoryStore>);

impl KeyValueStore for Shared {
    fn get(&self, key: &str) -> Result<Option<String>, ugeblik::storage::StorageError> {
        self.0.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), ugeblik::storage::StorageError> {
        self.0.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), ugeblik::storage::StorageError> {
        self.0.remove(key)
    }
}

fn open(store: &Shared) -> (Vault, ugeblik::storage::Loaded) {
    Vault::open(Some(Box::new(store.clone())), 1_795_000_000_000)
}

#[test]
fn the_memory_store_keeps_and_forgets() {
    let store = MemoryStore::new();
    assert_eq!(store.get("a").unwrap(), None);
    store.set("a", "1").unwrap();
    assert_eq!(store.get("a").unwrap().as_deref(), Some("1"));
    store.set("a", "2").unwrap();
    assert_eq!(store.get("a").unwrap().as_deref(), Some("2"));
    store.remove("a").unwrap();
    assert_eq!(store.get("a").unwrap(), None);
    let full = MemoryStore::with_quota(10);
    assert!(full.set("key", "a value too long").is_err());
}

#[test]
fn an_empty_store_opens_empty_without_problems() {
    let (_, loaded) = open(&Shared::default());
    assert_eq!(loaded.history, History::default());
    assert_eq!(loaded.draft, None);
    assert!(loaded.problems.is_empty());
}

#[test]
fn every_format_version_ever_written_still_loads() {
    let store = Shared::default();
    store.0.preload(HISTORY_KEY, HISTORY_V1);
    store.0.preload(DRAFT_KEY, DRAFT_V1);
    store.0.preload(SETTINGS_KEY, SETTINGS_V1);
    let (_, loaded) = open(&store);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.history.responses.len(), 4);
    assert_eq!(loaded.draft.unwrap().step, 7);
    assert_eq!(loaded.settings.lang, Some(Lang::En));
}

#[test]
fn what_is_saved_is_what_is_loaded() {
    let store = Shared::default();
    let (vault, _) = open(&store);
    let history = ugeblik::domain::stored::decode_history(HISTORY_V1).unwrap();
    let draft = Draft::start("2026-W47".parse().unwrap(), &history);
    vault.save_history(&history).unwrap();
    vault.save_draft(Some(&draft)).unwrap();
    vault.save_settings(&Settings { version: 0, lang: Some(Lang::En), backup: None }).unwrap();
    let (vault, loaded) = open(&store);
    assert_eq!(loaded.history, history);
    assert_eq!(loaded.draft, Some(draft));
    assert_eq!(loaded.settings.lang, Some(Lang::En));
    vault.save_draft(None).unwrap();
    assert_eq!(store.0.get(DRAFT_KEY).unwrap(), None);
}

#[track_caller]
fn check_unreadable(stored: &str, expected: DecodeError) {
    let store = Shared::default();
    store.0.preload(HISTORY_KEY, stored);
    let (vault, loaded) = open(&store);
    assert_eq!(loaded.history, History::default());
    let [Problem::Unreadable { key, reason, kept_as: Some(kept) }] = loaded.problems.as_slice() else {
        panic!("expected one unreadable value, got {:?}", loaded.problems);
    };
    assert_eq!(key, HISTORY_KEY);
    assert_eq!(reason, &expected);
    assert!(kept.starts_with(ASIDE_PREFIX));
    assert_eq!(store.0.get(kept).unwrap().as_deref(), Some(stored), "the copy is byte-identical");
    // Saving new answers afterwards leaves the copy alone.
    vault.save_history(&History::default()).unwrap();
    assert_eq!(store.0.get(kept).unwrap().as_deref(), Some(stored));
}

#[test]
fn unreadable_values_are_put_aside_unchanged_and_reported() {
    check_unreadable("{\"version\":1,\"responses\":[", DecodeError::NotJson);
    check_unreadable("<html>not ours</html>", DecodeError::NotJson);
    check_unreadable("[1,2,3]", DecodeError::NoVersion);
    check_unreadable("\"just text\"", DecodeError::NoVersion);
    check_unreadable("{}", DecodeError::NoVersion);
    check_unreadable("{\"version\":\"1\"}", DecodeError::NoVersion);
    check_unreadable("", DecodeError::NotJson);
    check_unreadable("{\"version\":4,\"responses\":[]}", DecodeError::TooNew { found: 4 });
    let out_of_range = HISTORY_V1.replace("\"job-belief\":6", "\"job-belief\":14");
    check_unreadable(&out_of_range, DecodeError::Invalid("response 3: item job-belief: 14 is above 10".into()));
    let duplicate = HISTORY_V1.replace("1f6d2c1e0a02", "1f6d2c1e0a01");
    check_unreadable(
        &duplicate,
        DecodeError::Invalid("response 2: id \"0b7f2f64-3c4e-4b8e-9a51-1f6d2c1e0a01\" appears twice".into()),
    );
}

#[test]
fn an_unreadable_value_that_cannot_be_copied_is_never_overwritten() {
    let corrupt = "{\"version\":1,\"responses\":[{\"id\":";
    let store = Shared(std::rc::Rc::new(MemoryStore::with_quota(corrupt.len() + HISTORY_KEY.len())));
    store.0.preload(HISTORY_KEY, corrupt);
    let (vault, loaded) = open(&store);
    assert!(matches!(loaded.problems.as_slice(), [Problem::Unreadable { kept_as: None, .. }]));
    vault.save_history(&History::default()).unwrap();
    assert_eq!(store.0.snapshot().len(), 1, "nothing was added");
    assert_eq!(store.0.get(HISTORY_KEY).unwrap().as_deref(), Some(corrupt), "byte for byte");
}

#[test]
fn a_full_store_reports_the_failed_save() {
    let store = Shared(std::rc::Rc::new(MemoryStore::with_quota(30)));
    let (vault, _) = open(&store);
    let history = ugeblik::domain::stored::decode_history(HISTORY_V1).unwrap();
    let error = vault.save_history(&history).unwrap_err();
    assert!(matches!(error, Problem::SaveFailed { ref key, .. } if key == HISTORY_KEY), "{error:?}");
}

#[test]
fn no_store_at_all_means_memory_only_and_says_so() {
    let (vault, loaded) = Vault::open(None, 0);
    assert_eq!(loaded.problems, vec![Problem::MemoryOnly]);
    vault.save_history(&History::default()).unwrap();
}

#[test]
fn a_draft_with_answers_off_the_scale_is_not_resumed() {
    let store = Shared::default();
    let bad = DRAFT_V1.replace("\"chime-c\":8", "\"chime-c\":11");
    store.0.preload(DRAFT_KEY, &bad);
    let (_, loaded) = open(&store);
    assert_eq!(loaded.draft, None);
    assert!(matches!(loaded.problems.as_slice(), [Problem::Unreadable { key, .. }] if key == DRAFT_KEY));
}

#[test]
fn the_start_page_reminds_of_a_backup_four_weeks_after_the_last_one() {
    use ugeblik::domain::history::BackupAge;
    use ugeblik::domain::progression::parse_date;
    let day = |text: &str| parse_date(text).unwrap();
    let mut history = History::default();
    let today = day("2026-11-23");
    assert_eq!(history.backup_reminder(today, None), None, "nothing to lose yet");
    let mut draft = Draft::start("2026-W47".parse().unwrap(), &history);
    draft.answer(3, 1_795_000_000_000).unwrap();
    let mut n = 0;
    draft.save_into(&mut history, "2026-11-16T10:00:00Z", Lang::Da, &mut || {
        n += 1;
        format!("id-{n}")
    });
    assert_eq!(history.backup_reminder(day("2026-11-22"), None), None, "a week-old history");
    assert_eq!(history.backup_reminder(day("2026-11-30"), None), Some(BackupAge::Never));
    assert_eq!(history.backup_reminder(today, Some(day("2026-10-27"))), None, "27 days: still fresh");
    assert_eq!(history.backup_reminder(today, Some(day("2026-10-26"))), Some(BackupAge::Weeks(4)));
    assert_eq!(history.backup_reminder(today, Some(day("2026-08-01"))), Some(BackupAge::Weeks(16)));
}

#[test]
fn the_day_of_the_last_backup_is_kept_and_a_bad_one_refused() {
    let settings = Settings { version: STORE_VERSION, lang: None, backup: Some("2026-11-23".into()) };
    assert_eq!(decode_settings(&encode_settings(&settings)).unwrap(), settings);
    assert!(decode_settings(r#"{"version":2,"lang":null,"backup":"2026-02-30"}"#).is_err());
    assert!(decode_settings(r#"{"version":2,"lang":null,"backup":"<img src=x>"}"#).is_err());
    assert!(decode_settings(r#"{"version":2,"lang":null,"backup":7}"#).is_err());
}

#[test]
fn dates_are_written_as_iso_dates() {
    use ugeblik::domain::progression::{format_date, parse_date};
    for text in ["2026-11-23", "0999-01-01", "2024-02-29", "9999-12-31"] {
        assert_eq!(format_date(parse_date(text).unwrap()), text);
    }
}
