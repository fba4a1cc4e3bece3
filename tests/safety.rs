//! The shared-phone settings and the storage operations behind the lock and "delete
//! everything": an idle time, the end of the programme, writing all values or none.

use ugeblik::domain::week::date;
use ugeblik::formats::safety::*;
use ugeblik::formats::stored::DecodeError;
use ugeblik::platform::storage::{delete_everything, KeyValueStore, MemoryStore};

fn day(y: i32, m: u8, d: u8) -> time::Date {
    date(y, m, d).unwrap()
}

#[track_caller]
fn check_ending(end: Option<&str>, today: time::Date, expected: Ending) {
    let safety = Safety { end: end.map(str::to_owned), ..Safety::default() };
    assert_eq!(safety.ending(today), expected);
}

#[test]
fn the_programme_ends_then_waits_thirty_days_then_wipes() {
    check_ending(None, day(2030, 1, 1), Ending::Running);
    check_ending(Some("2027-03-31"), day(2027, 3, 30), Ending::Running);
    // The last day is still part of the programme.
    check_ending(Some("2027-03-31"), day(2027, 3, 31), Ending::Running);
    check_ending(Some("2027-03-31"), day(2027, 4, 1), Ending::Ended { wipe_on: day(2027, 4, 30) });
    check_ending(Some("2027-03-31"), day(2027, 4, 30), Ending::Ended { wipe_on: day(2027, 4, 30) });
    check_ending(Some("2027-03-31"), day(2027, 5, 1), Ending::Wipe);
    check_ending(Some("2027-12-31"), day(2028, 1, 31), Ending::Wipe);
}

#[test]
fn idle_time_counts_in_minutes() {
    let safety = Safety { auto_lock: 2, end: None };
    assert!(!safety.idle_too_long(119_999.0));
    assert!(safety.idle_too_long(120_000.0));
    assert!(Safety::default().idle_too_long(5.0 * 60_000.0));
    assert!(!Safety::default().idle_too_long(4.9 * 60_000.0));
}

#[test]
fn an_end_date_from_the_form_is_a_real_day_not_in_the_past() {
    let today = day(2026, 12, 1);
    assert_eq!(parse_end("", today), Ok(None));
    assert_eq!(parse_end("  ", today), Ok(None));
    assert_eq!(parse_end("2026-12-01", today), Ok(Some("2026-12-01".into())));
    assert_eq!(parse_end("2027-06-30", today), Ok(Some("2027-06-30".into())));
    assert_eq!(parse_end("2026-11-30", today), Err(EndError::Past));
    assert_eq!(parse_end("2027-02-30", today), Err(EndError::NotADate));
    assert_eq!(parse_end("30.06.2027", today), Err(EndError::NotADate));
    assert_eq!(parse_end("<script>", today), Err(EndError::NotADate));
}

#[test]
fn only_the_offered_idle_times_are_taken() {
    for n in AUTO_LOCK_CHOICES {
        assert_eq!(parse_auto_lock(&n.to_string()), Some(n));
    }
    for bad in ["0", "3", "-1", "", "5 min", "99999999999"] {
        assert_eq!(parse_auto_lock(bad), None, "{bad:?}");
    }
}

#[test]
fn the_settings_read_back_and_a_newer_version_is_refused() {
    for safety in [Safety::default(), Safety { auto_lock: 1, end: Some("2027-06-30".into()) }] {
        assert_eq!(decode_safety(&encode_safety(&safety)), Ok(safety));
    }
    assert_eq!(decode_safety("{\"version\":2,\"autoLock\":5,\"wipeAt\":\"x\"}"), Err(DecodeError::TooNew { found: 2 }));
    for bad in [
        "",
        "{}",
        "{\"version\":1,\"autoLock\":7}",
        "{\"version\":1,\"end\":\"soon\"}",
        "{\"version\":1,\"autoLock\":5,\"autoLock\":5}",
        "{\"version\":1,\"extra\":true}",
        "{\"version\":0}",
    ] {
        assert!(matches!(decode_safety(bad), Err(DecodeError::Invalid(_))), "{bad:?}");
    }
}

#[test]
fn delete_everything_removes_the_apps_keys_only() {
    let store = MemoryStore::new();
    for key in ["ugeblik.v1.history", "ugeblik.v1.draft", "ugeblik.v1.lock", "ugeblik.v1.aside.ugeblik.v1.history.1"] {
        store.set(key, "{}").unwrap();
    }
    store.set("portal.session", "theirs").unwrap();
    assert_eq!(delete_everything(&store), Vec::<String>::new());
    assert_eq!(store.snapshot().into_iter().collect::<Vec<_>>(), vec![("portal.session".into(), "theirs".into())]);
}

#[test]
fn the_fixture_of_every_version_reads() {
    let safety = decode_safety(include_str!("fixtures/store-v1-safety.json").trim()).unwrap();
    assert_eq!(safety, Safety { auto_lock: 10, end: Some("2027-06-30".into()) });
}
