//! The vault over the in-memory store: what the app keeps, what it refuses, and that an
//! unreadable value survives byte for byte.

use ugeblik::domain::checkin::Draft;
use ugeblik::domain::history::History;
use ugeblik::domain::lang::Lang;
use ugeblik::formats::stored::{
    decode_draft, decode_history, decode_settings, encode_settings, DecodeError, Settings, STORE_VERSION,
};
use ugeblik::platform::storage::{
    KeyValueStore, MemoryStore, Problem, Vault, ASIDE_PREFIX, DRAFT_KEY, HISTORY_KEY, SETTINGS_KEY,
};

const HISTORY_V1: &str = include_str!("fixtures/store-v1-history.json");
const DRAFT_V1: &str = include_str!("fixtures/store-v1-draft.json");
const SETTINGS_V1: &str = include_str!("fixtures/store-v1-settings.json");

/// A store shared between the test and the vault, so the test can look inside.
#[derive(Clone, Default)]
struct Shared(std::rc::Rc<MemoryStore>);

impl KeyValueStore for Shared {
    fn get(&self, key: &str) -> Result<Option<String>, ugeblik::platform::storage::StorageError> {
        self.0.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), ugeblik::platform::storage::StorageError> {
        self.0.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), ugeblik::platform::storage::StorageError> {
        self.0.remove(key)
    }
    fn keys(&self) -> Vec<String> {
        self.0.keys()
    }
}

fn open(store: &Shared) -> (Vault, ugeblik::platform::storage::Loaded) {
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
    let history = ugeblik::formats::stored::decode_history(HISTORY_V1).unwrap();
    let draft = Draft::start("2026-W47".parse().unwrap(), &history);
    vault.save_history(&history).unwrap();
    vault.save_draft(Some(&draft)).unwrap();
    vault.save_settings(&Settings { version: 0, lang: Some(Lang::En), ..Settings::default() }).unwrap();
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
    let history = ugeblik::formats::stored::decode_history(HISTORY_V1).unwrap();
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
    let settings = Settings { version: STORE_VERSION, backup: Some("2026-11-23".into()), ..Settings::default() };
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

// Two tabs of one browser share its storage: each has its own vault over the one store.

/// 2026-11-18T11:06:40Z, in milliseconds since the Unix epoch.
const T: u64 = 1_795_000_000_000;

/// One tab: its vault over the shared store and what it holds in memory, changed the way
/// the app's state changes it: every answer stored at once, and a reload when another tab
/// wrote (here: when the test says so) and before a check-in is saved.
struct Tab {
    vault: Vault,
    history: History,
    draft: Option<Draft>,
}

impl Tab {
    fn open(store: &Shared) -> Tab {
        let (vault, loaded) = open(store);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        Tab { vault, history: loaded.history, draft: loaded.draft }
    }

    fn reload(&mut self) -> ugeblik::platform::storage::Reloaded {
        let reloaded = self.vault.reload(&mut self.draft);
        if let Some(history) = &reloaded.history {
            self.history = history.clone();
        }
        reloaded
    }

    fn start(&mut self) {
        if self.draft.is_none() {
            self.reload();
        }
        let week = "2026-W47".parse().unwrap();
        let draft = self.draft.get_or_insert_with(|| Draft::start(week, &self.history));
        self.vault.save_draft(Some(draft)).unwrap();
    }

    /// Answers the question at `step` with `value`, given at `at`.
    fn answer(&mut self, step: usize, value: u8, at: u64) {
        let draft = self.draft.as_mut().expect("a check-in in progress");
        draft.step = step;
        draft.answer(value, at).unwrap();
        self.vault.save_draft(Some(draft)).unwrap();
    }

    fn finish(&mut self, authored: &str, id: &str) {
        self.reload();
        let draft = self.draft.take().expect("a check-in in progress");
        draft.save_into(&mut self.history, authored, Lang::Da, &mut || id.to_owned());
        self.vault.save_history(&self.history).unwrap();
        self.vault.save_draft(None).unwrap();
    }

    fn answers(&self) -> Vec<(String, u8)> {
        let draft = self.draft.as_ref().expect("a check-in in progress");
        draft.answers.iter().flat_map(|(i, a)| a.iter().map(move |(l, v)| (format!("{i}/{l}"), *v))).collect()
    }
}

fn answers(list: &[(&str, u8)]) -> Vec<(String, u8)> {
    list.iter().map(|&(part, value)| (part.to_owned(), value)).collect()
}

fn stored_draft(store: &Shared) -> Option<Draft> {
    store.0.get(DRAFT_KEY).unwrap().map(|text| decode_draft(&text).unwrap())
}

fn stored_history(store: &Shared) -> History {
    decode_history(&store.0.get(HISTORY_KEY).unwrap().unwrap()).unwrap()
}

/// Two tabs over one store, each in the same week's check-in.
fn two_started(store: &Shared) -> (Tab, Tab) {
    let (mut a, mut b) = (Tab::open(store), Tab::open(store));
    a.start();
    b.start();
    (a, b)
}

#[test]
fn two_tabs_answering_at_once_both_keep_their_answers_in_storage_and_in_each_other() {
    let store = Shared::default();
    let (mut a, mut b) = two_started(&store);
    // Neither hears of the other's answer before it writes its own.
    a.answer(0, 3, T);
    b.answer(1, 4, T + 1);
    assert_eq!(stored_draft(&store).unwrap().answers["who5"].len(), 2, "the later write kept the earlier");
    a.answer(1, 1, T + 2); // A changes item 2 later than B gave it
    let both = answers(&[("who5/1", 3), ("who5/2", 1)]);
    for tab in [&mut a, &mut b] {
        let reloaded = tab.reload();
        assert_eq!(reloaded, ugeblik::platform::storage::Reloaded::default(), "no history, no problem");
        assert_eq!(tab.answers(), both);
    }
    assert_eq!((a.draft.as_ref().unwrap().step, b.draft.as_ref().unwrap().step), (2, 2), "each tab's own step");
    // Reopened (a reload of the page), the check-in has both.
    let again = Tab::open(&store);
    assert_eq!(again.answers(), both);
}

#[test]
fn an_answer_lost_when_two_tabs_wrote_at_the_same_moment_goes_back_into_storage() {
    let store = Shared::default();
    let (mut a, mut b) = two_started(&store);
    // Both read the stored check-in before the other wrote: B's write keeps only its own.
    let before = store.0.get(DRAFT_KEY).unwrap().unwrap();
    a.answer(0, 3, T);
    store.0.set(DRAFT_KEY, &before).unwrap();
    b.answer(1, 4, T + 1);
    assert_eq!(stored_draft(&store).unwrap().answers["who5"].len(), 1, "A's answer is not stored");
    // A hears of B's write: it takes B's answer in and writes its own back.
    a.reload();
    assert_eq!(stored_draft(&store).unwrap().answers["who5"].len(), 2);
    // Then B hears of it, and nothing more is written: the tabs agree.
    b.reload();
    let agreed = store.0.get(DRAFT_KEY).unwrap();
    assert_eq!(b.answers(), answers(&[("who5/1", 3), ("who5/2", 4)]));
    a.reload();
    assert_eq!(store.0.get(DRAFT_KEY).unwrap(), agreed);
}

#[test]
fn when_one_tab_saves_the_check_in_the_other_goes_on_and_saving_it_keeps_both() {
    let store = Shared::default();
    let (mut a, mut b) = two_started(&store);
    a.answer(0, 3, T);
    b.answer(1, 4, T + 1);
    a.finish("2026-11-18T11:06:45Z", "saved-by-a");
    assert_eq!(store.0.get(DRAFT_KEY).unwrap(), None);
    assert_eq!(stored_history(&store).responses[0].answers.len(), 2, "A saved B's answer too");
    // B, still in the check-in, hears of it: the check-in stays, and now updates A's response.
    assert!(b.reload().draft_gone);
    b.answer(2, 2, T + 10_000);
    assert_eq!(b.draft.as_ref().unwrap().editing["who5"], "saved-by-a");
    b.finish("2026-11-18T11:07:00Z", "never-used");
    let history = stored_history(&store);
    assert_eq!(history.responses.len(), 1, "one response for the week");
    assert_eq!(history.responses[0].answers.len(), 3);
    a.reload();
    assert_eq!(a.history, history);
    assert_eq!(a.draft, None);
}

#[test]
fn both_tabs_saving_the_same_week_keep_every_answer() {
    let store = Shared::default();
    let (mut a, mut b) = two_started(&store);
    a.answer(0, 3, T);
    b.answer(1, 4, T + 1);
    a.answer(2, 1, T + 2);
    // B saves after A, having heard of it: one response with every answer.
    a.finish("2026-11-18T11:06:45Z", "saved-by-a");
    b.finish("2026-11-18T11:06:46Z", "never-used");
    let history = stored_history(&store);
    assert_eq!(history.responses.len(), 1);
    assert_eq!(history.responses[0].answers.len(), 3);
    // Saving at the very same moment, neither hearing of the other: two responses for the
    // week, and no answer lost.
    let store = Shared::default();
    let (mut a, mut b) = two_started(&store);
    a.answer(0, 3, T);
    b.answer(1, 4, T + 1);
    for (tab, id) in [(&mut a, "saved-by-a"), (&mut b, "saved-by-b")] {
        let draft = tab.draft.take().unwrap();
        draft.save_into(&mut tab.history, "2026-11-18T11:06:45Z", Lang::Da, &mut || id.to_owned());
        tab.vault.save_history(&tab.history).unwrap();
    }
    let history = stored_history(&store);
    let mut kept: Vec<(&str, Vec<&str>)> =
        history.responses.iter().map(|r| (r.id.as_str(), r.answers.keys().map(String::as_str).collect())).collect();
    kept.sort();
    assert_eq!(kept, [("saved-by-a", vec!["1"]), ("saved-by-b", vec!["2"])]);
    for tab in [&mut a, &mut b] {
        tab.reload();
        assert_eq!(tab.history.responses.len(), 2);
    }
}

#[test]
fn an_edit_in_one_tab_while_the_other_saves_a_check_in_keeps_both() {
    use ugeblik::domain::progression::{Milestone, MilestoneKind};
    let store = Shared::default();
    let (mut a, mut b) = (Tab::open(&store), Tab::open(&store));
    let milestone = |id: &str| Milestone {
        id: id.into(),
        date: "2026-11-16".into(),
        kind: MilestoneKind::NewMentor,
        text: None,
        authored: "2026-11-18T11:00:00Z".into(),
    };
    a.history.milestones.push(milestone("m1"));
    a.vault.save_history(&a.history).unwrap();
    b.reload();
    b.start();
    b.answer(0, 5, T);
    // A adds a milestone while B saves its check-in, neither hearing of the other.
    a.history.milestones.push(milestone("m2"));
    b.finish("2026-11-18T11:06:42Z", "b-who5");
    a.vault.save_history(&a.history).unwrap();
    let history = stored_history(&store);
    let ids: Vec<&str> = history.milestones.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["m1", "m2"]);
    assert_eq!(history.responses.len(), 1, "B's check-in is kept");
    for tab in [&mut a, &mut b] {
        tab.reload();
        assert_eq!(tab.history, history);
    }
    // Removed with nobody writing in between, it stays removed.
    a.history.milestones.retain(|m| m.id != "m1");
    a.vault.save_history(&a.history).unwrap();
    assert_eq!(stored_history(&store).milestones.len(), 1);
    b.reload();
    assert_eq!(b.history.milestones.len(), 1, "and the other tab takes the removal in");
}

#[test]
fn a_tab_that_wrote_last_writes_its_own_value_unmerged() {
    // Nobody else wrote since: the value is written as it is, so a choice that makes it
    // older (an import's "take the file's answers") holds.
    let store = Shared::default();
    let (tab, _) = open(&store);
    let mut history = ugeblik::formats::stored::decode_history(HISTORY_V1).unwrap();
    tab.save_history(&history).unwrap();
    history.responses[0].authored = "2020-01-01T00:00:00Z".into();
    history.responses[0].answers.clear();
    history.responses[0].status = ugeblik::domain::response::Status::Partial;
    tab.save_history(&history).unwrap();
    assert_eq!(stored_history(&store), history);
}

#[test]
fn a_value_another_tab_wrote_that_cannot_be_read_is_put_aside_before_it_is_written_over() {
    for (stored, expected) in
        [("{\"version\":3,\"responses\":", DecodeError::NotJson), ("{\"responses\":[]}", DecodeError::NoVersion)]
    {
        let store = Shared::default();
        let mut tab = Tab::open(&store);
        tab.vault.save_history(&tab.history).unwrap();
        store.0.set(HISTORY_KEY, stored).unwrap(); // a newer app in another tab, or a cut write
        let error = tab.vault.save_history(&tab.history).unwrap_err();
        let Problem::Unreadable { key, reason, kept_as: Some(kept) } = error else { panic!("{error:?}") };
        assert_eq!((key.as_str(), reason), (HISTORY_KEY, expected));
        assert_eq!(store.0.get(&kept).unwrap().as_deref(), Some(stored), "the copy is byte-identical");
        assert_eq!(stored_history(&store), tab.history, "then the tab's value is written");
        // Heard of by a reload first, it is put aside and reported there, once.
        store.0.set(HISTORY_KEY, stored).unwrap();
        let reloaded = tab.reload();
        assert!(matches!(reloaded.problems.as_slice(), [Problem::Unreadable { kept_as: Some(_), .. }]));
        assert_eq!(tab.vault.save_history(&tab.history), Ok(()));
    }
    // Without room for a copy, the key is never written again.
    let store = Shared(std::rc::Rc::new(MemoryStore::with_quota(200)));
    let mut tab = Tab::open(&store);
    tab.vault.save_history(&tab.history).unwrap();
    let newer = format!("{{\"version\":9,\"responses\":[],\"pad\":\"{}\"}}", "x".repeat(100));
    store.0.set(HISTORY_KEY, &newer).unwrap();
    let error = tab.vault.save_history(&tab.history).unwrap_err();
    assert!(matches!(error, Problem::Unreadable { kept_as: None, .. }), "{error:?}");
    tab.history.responses = decode_history(HISTORY_V1).unwrap().responses;
    tab.vault.save_history(&tab.history).unwrap();
    assert_eq!(store.0.get(HISTORY_KEY).unwrap(), Some(newer), "byte for byte");
}

#[test]
fn a_value_from_a_newer_version_is_left_untouched_and_never_written_over() {
    let newer = "{\"version\":99,\"responses\":[],\"somethingNew\":true}";
    let store = Shared::default();
    store.0.preload(HISTORY_KEY, newer);
    let (vault, loaded) = open(&store);
    assert_eq!(
        loaded.problems,
        vec![Problem::Unreadable { key: HISTORY_KEY.into(), reason: DecodeError::TooNew { found: 99 }, kept_as: None }]
    );
    let history = decode_history(HISTORY_V1).unwrap();
    assert_eq!(vault.save_history(&history), Ok(()), "kept in memory, as the citizen is told");
    assert_eq!(store.0.get(HISTORY_KEY).unwrap().as_deref(), Some(newer), "byte for byte");
    assert!(store.0.snapshot().keys().all(|k| !k.starts_with(ASIDE_PREFIX)), "no copy needed");

    // Written by a newer app in another tab while this one runs: the same.
    let store = Shared::default();
    let tab = Tab::open(&store);
    tab.vault.save_history(&tab.history).unwrap();
    store.0.set(HISTORY_KEY, newer).unwrap();
    let error = tab.vault.save_history(&tab.history).unwrap_err();
    assert!(matches!(error, Problem::Unreadable { reason: DecodeError::TooNew { found: 99 }, kept_as: None, .. }));
    tab.vault.save_history(&tab.history).unwrap();
    assert_eq!(store.0.get(HISTORY_KEY).unwrap().as_deref(), Some(newer));
}

#[test]
fn newer_settings_and_shared_phone_settings_stay_byte_for_byte_when_the_app_saves_its_own() {
    use ugeblik::formats::safety::Safety;
    use ugeblik::platform::storage::SAFETY_KEY;
    let settings = Settings { version: 0, lang: Some(Lang::En), ..Settings::default() };
    let safety = Safety::default();
    let newer_settings = r#"{"version":9,"lang":"en","somethingNew":{"x":1}}"#;
    let newer_safety = r#"{"version":7,"autoLock":5,"somethingNew":true}"#;
    let too_new = |key: &str, found| Problem::Unreadable {
        key: key.into(),
        reason: DecodeError::TooNew { found },
        kept_as: None,
    };

    // Found at start: reported, then kept in memory only.
    let store = Shared::default();
    store.0.preload(SETTINGS_KEY, newer_settings);
    store.0.preload(SAFETY_KEY, newer_safety);
    let (vault, loaded) = open(&store);
    assert_eq!(loaded.problems, vec![too_new(SETTINGS_KEY, 9), too_new(SAFETY_KEY, 7)]);
    assert_eq!(vault.save_settings(&settings), Ok(()));
    assert_eq!(vault.save_safety(&safety), Ok(()));
    assert_eq!(store.0.get(SETTINGS_KEY).unwrap().as_deref(), Some(newer_settings), "byte for byte");
    assert_eq!(store.0.get(SAFETY_KEY).unwrap().as_deref(), Some(newer_safety), "byte for byte");

    // Written by a newer app in another tab after this one started: read before writing,
    // reported once, never written over.
    let store = Shared::default();
    let (vault, _) = open(&store);
    vault.save_settings(&settings).unwrap();
    vault.save_safety(&safety).unwrap();
    store.0.set(SETTINGS_KEY, newer_settings).unwrap();
    store.0.set(SAFETY_KEY, newer_safety).unwrap();
    assert_eq!(vault.save_settings(&settings), Err(too_new(SETTINGS_KEY, 9)));
    assert_eq!(vault.save_safety(&safety), Err(too_new(SAFETY_KEY, 7)));
    assert_eq!(vault.save_settings(&Settings { easy: true, ..settings.clone() }), Ok(()));
    assert_eq!(vault.save_safety(&Safety { auto_lock: 1, ..safety.clone() }), Ok(()));
    assert_eq!(store.0.get(SETTINGS_KEY).unwrap().as_deref(), Some(newer_settings), "byte for byte");
    assert_eq!(store.0.get(SAFETY_KEY).unwrap().as_deref(), Some(newer_safety), "byte for byte");
    assert!(store.0.snapshot().keys().all(|k| !k.starts_with(ASIDE_PREFIX)), "left where it is, not copied");
}

#[test]
fn settings_another_tab_stored_are_written_over_only_when_readable_or_put_aside() {
    let settings = Settings { version: 0, lang: Some(Lang::En), ..Settings::default() };
    let store = Shared::default();
    let (vault, _) = open(&store);
    // Another tab of this version: its settings are read, then this tab's choice is stored.
    store.0.set(SETTINGS_KEY, r#"{"version":2,"lang":"da"}"#).unwrap();
    vault.save_settings(&settings).unwrap();
    assert_eq!(decode_settings(&store.0.get(SETTINGS_KEY).unwrap().unwrap()).unwrap().lang, Some(Lang::En));
    // A damaged value: a byte-identical copy first.
    let damaged = r#"{"version":2,"lang":"#;
    store.0.set(SETTINGS_KEY, damaged).unwrap();
    let Err(Problem::Unreadable { kept_as: Some(kept), .. }) = vault.save_settings(&settings) else { panic!() };
    assert_eq!(store.0.get(&kept).unwrap().as_deref(), Some(damaged));
    assert_eq!(decode_settings(&store.0.get(SETTINGS_KEY).unwrap().unwrap()).unwrap().lang, Some(Lang::En));
}
