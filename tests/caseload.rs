//! The consultant's caseload (issue 21): each row's figures, the "talk about it" mark,
//! sorting and filtering by every column, whether a file is a newer one of a citizen
//! already there and what it would change, and the stored (sealed) case's format.

mod common;

use common::{response, week};
use ugeblik::domain::caseload::{same_citizen, sort, Case, Column, Filter, Hours, Row, Update};
use ugeblik::domain::history::History;
use ugeblik::domain::progression::{Goal, Outcome, Work, WorkWeek};
use ugeblik::formats::stored::{
    decode_case, encode_case, encode_case_of, encode_history, encode_readings, DecodeError,
};

/// WHO-5 answers: `(week, each of the five answers)`; percent = value × 20.
fn who5(weeks: &[(&str, u8)]) -> History {
    let mut history = History::default();
    for (w, v) in weeks {
        let answers: Vec<(&str, u8)> = ["1", "2", "3", "4", "5"].iter().map(|i| (*i, *v)).collect();
        history.upsert(response(w, "who5", &answers, None));
    }
    history
}

fn goal(id: &str, set: &str) -> Goal {
    Goal {
        id: id.into(),
        what: "Mød op".into(),
        measure: "Jeg kommer".into(),
        by: None,
        set: week(set),
        authored: "t".into(),
        closed: None,
        replaces: None,
        checks: Vec::new(),
    }
}

fn work(w: &str, planned: Option<u32>, worked: Option<u32>) -> WorkWeek {
    WorkWeek {
        week: week(w),
        work: Work { planned_minutes: planned, worked_minutes: worked, ..Work::default() },
        authored: "t".into(),
    }
}

/// A row, keyed as the page keys it: its label in lower case.
fn row(label: &str, history: &History) -> Row {
    Row::new(label, label, history, week("2026-W49")).keyed(label.to_lowercase())
}

#[test]
fn a_row_holds_the_last_week_recent_weeks_who5_change_band_hours_and_goals() {
    let mut history = who5(&[("2026-W30", 3), ("2026-W44", 2), ("2026-W47", 2), ("2026-W49", 1)]);
    history.work = vec![
        work("2026-W40", Some(600), Some(300)),
        work("2026-W46", Some(900), None),
        work("2026-W48", Some(1200), Some(1110)),
    ];
    let mut reached = goal("a", "2026-W40");
    reached.close(week("2026-W45"), Outcome::Reached, "t");
    let mut dropped = goal("b", "2026-W41");
    dropped.close(week("2026-W45"), Outcome::Dropped, "t");
    history.goals = vec![reached, dropped, goal("c", "2026-W46"), goal("d", "2026-W47")];
    let row = row("Kim", &history);
    assert_eq!(row.label, "Kim");
    assert_eq!(row.last_week, Some(week("2026-W49")));
    // Weeks 42–49: answers in 44, 47 and 49, work in 46 and 48.
    assert_eq!(row.recent, 5);
    assert_eq!(row.who5, Some(20));
    assert_eq!(row.who5_change, Some(-40));
    assert_eq!(row.band, Some(0));
    assert_eq!(row.hours_first, Some(Hours { planned: Some(600), worked: Some(300) }));
    assert_eq!(row.hours_latest, Some(Hours { planned: Some(1200), worked: Some(1110) }));
    assert_eq!((row.goals_open, row.goals_reached), (2, 1));
    assert!(row.talk);
}

#[test]
fn talk_about_it_is_who5_at_or_below_28_or_a_fall_of_10_or_more() {
    // 29 is not at or below 28; 48 → 40 fell by 8 only.
    let cases = [
        (who5(&[("2026-W40", 3), ("2026-W49", 1)]), true),  // 60 → 20: both
        (who5(&[("2026-W40", 5), ("2026-W49", 4)]), true),  // 100 → 80: fell 20
        (who5(&[("2026-W49", 1)]), true),                   // 20, one week
        (who5(&[("2026-W40", 2), ("2026-W49", 2)]), false), // 40 → 40
        (who5(&[("2026-W40", 1), ("2026-W49", 3)]), false), // 20 → 60: rose
        (History::default(), false),
    ];
    for (n, (history, talk)) in cases.iter().enumerate() {
        assert_eq!(row("x", history).talk, *talk, "case {n}");
    }
    // Exactly 28 and exactly a fall of 10, with answers given item by item.
    let at = |values: [u8; 5]| {
        let answers: Vec<(&str, u8)> = ["1", "2", "3", "4", "5"].iter().copied().zip(values).collect();
        response("2026-W49", "who5", &answers, None)
    };
    let mut history = History::default();
    history.upsert(at([2, 1, 1, 1, 2])); // 7 × 4 = 28
    assert_eq!(row("x", &history).who5, Some(28));
    assert!(row("x", &history).talk);
    let mut history = who5(&[("2026-W40", 3)]); // 60
    history.upsert(at([2, 2, 3, 3, 3])); // 13 × 4 = 52: fell 8
    assert!(!row("x", &history).talk);
    history.upsert(at([2, 2, 2, 3, 3])); // 12 × 4 = 48: fell 12
    assert!(row("x", &history).talk);
}

#[test]
fn a_citizen_with_no_who5_and_one_week_has_no_change() {
    let history = who5(&[("2026-W20", 3)]);
    let row = row("x", &history);
    assert_eq!((row.who5, row.who5_change, row.band), (Some(60), None, Some(2)));
    // Week 20 is not among the last eight weeks.
    assert_eq!(row.recent, 0);
    let empty = Row::new("y", "y", &History::default(), week("2026-W49"));
    assert_eq!((empty.last_week, empty.who5, empty.band, empty.hours_latest), (None, None, None, None));
}

fn labels(rows: &[Row]) -> Vec<&str> {
    rows.iter().map(|r| r.label.as_str()).collect()
}

fn caseload() -> Vec<Row> {
    let mut b = who5(&[("2026-W40", 4), ("2026-W49", 2)]); // 80 → 40
    b.work = vec![work("2026-W49", Some(600), Some(600))];
    let mut c = who5(&[("2026-W48", 1)]); // 20
    c.goals = vec![goal("g", "2026-W45")];
    vec![
        row("bo", &b),
        row("Ali", &who5(&[("2026-W10", 3), ("2026-W30", 5)])), // 60 → 100, long ago
        row("Cem", &c),
        row("Dan", &History::default()),
    ]
}

#[test]
fn sorting_by_each_column_puts_rows_without_a_value_last_either_way() {
    let mut rows = caseload();
    sort(&mut rows, Column::Label, true);
    assert_eq!(labels(&rows), ["Ali", "bo", "Cem", "Dan"], "names, any case");
    sort(&mut rows, Column::Label, false);
    assert_eq!(labels(&rows), ["Dan", "Cem", "bo", "Ali"]);
    sort(&mut rows, Column::Who5, true);
    assert_eq!(labels(&rows), ["Cem", "bo", "Ali", "Dan"]);
    sort(&mut rows, Column::Who5, false);
    assert_eq!(labels(&rows), ["Ali", "bo", "Cem", "Dan"], "no WHO-5: last, also descending");
    sort(&mut rows, Column::Change, true);
    assert_eq!(labels(&rows), ["bo", "Ali", "Cem", "Dan"]);
    sort(&mut rows, Column::LastWeek, false);
    assert_eq!(labels(&rows), ["bo", "Cem", "Ali", "Dan"]);
    sort(&mut rows, Column::Recent, false);
    assert_eq!(labels(&rows), ["bo", "Cem", "Ali", "Dan"], "2, 1, then 0 and 0 by name");
    sort(&mut rows, Column::Band, true);
    assert_eq!(labels(&rows), ["Cem", "bo", "Ali", "Dan"]);
    sort(&mut rows, Column::Hours, true);
    assert_eq!(labels(&rows), ["bo", "Ali", "Cem", "Dan"], "only bo has hours");
    sort(&mut rows, Column::Goals, false);
    assert_eq!(labels(&rows), ["Cem", "Ali", "bo", "Dan"]);
    sort(&mut rows, Column::Talk, false);
    assert_eq!(labels(&rows), ["bo", "Cem", "Ali", "Dan"]);
    assert_eq!(Column::ALL.len(), 9);
    // Case numbers in the order of their numbers, not their digits.
    let mut numbered: Vec<Row> =
        ["Sag 10", "sag 9", "Sag 100", "Sag 09a", "Åse", "Sag 1"].iter().map(|l| row(l, &History::default())).collect();
    sort(&mut numbered, Column::Label, true);
    assert_eq!(labels(&numbered), ["Sag 1", "sag 9", "Sag 09a", "Sag 10", "Sag 100", "Åse"]);
}

#[test]
fn filters_by_name_band_talk_recent_answers_and_open_goals() {
    let rows = caseload();
    let kept = |filter: Filter| labels(&rows.iter().filter(|r| filter.keeps(r)).cloned().collect::<Vec<_>>()).join(",");
    assert_eq!(kept(Filter::default()), "bo,Ali,Cem,Dan");
    assert_eq!(kept(Filter { text: " b".into(), ..Filter::default() }), "bo");
    assert_eq!(kept(Filter { band: Some(1), ..Filter::default() }), "bo");
    assert_eq!(kept(Filter { talk: true, ..Filter::default() }), "bo,Cem");
    assert_eq!(kept(Filter { recent_at_most: Some(0), ..Filter::default() }), "Ali,Dan");
    assert_eq!(kept(Filter { goals_open: true, ..Filter::default() }), "Cem");
    assert_eq!(kept(Filter { talk: true, band: Some(0), ..Filter::default() }), "Cem");
    assert_eq!(kept(Filter { text: "zz".into(), ..Filter::default() }), "");
    assert_eq!(kept(Filter { text: "cem".into(), ..Filter::default() }), "Cem");
}

#[test]
fn a_newer_file_is_the_same_nickname_with_an_answer_of_the_same_id() {
    let old = who5(&[("2026-W40", 2), ("2026-W41", 3)]);
    let mut newer = old.clone();
    newer.upsert(response("2026-W42", "who5", &[("1", 4)], None));
    // Labels as the page gives them: in lower case.
    let key = |label: &str| label.to_lowercase();
    assert!(same_citizen(&key("Kim"), &old, &key(" Kim "), &newer));
    assert!(!same_citizen(&key("Kim"), &old, &key("Kimmie"), &newer), "another nickname");
    assert!(same_citizen(&key("Åse Ø"), &old, &key("åse ø"), &newer), "Danish letters in any case");
    let mut stranger = who5(&[("2026-W40", 2)]);
    stranger.responses[0].id = "another-phone".into();
    assert!(!same_citizen("kim", &old, "kim", &stranger), "the same nickname, no answer in common");

    let update = Update::between(&old, &newer);
    assert_eq!(update, Update { new_weeks: 1, missing_weeks: 0, changed: 0, progression: false, older: false });
    assert!(update.changes());
    assert!(!Update::between(&old, &old).changes());
    // The older file: a week fewer, and it ends before.
    let back = Update::between(&newer, &old);
    assert_eq!((back.new_weeks, back.missing_weeks, back.older), (0, 1, true));
    // An answer changed in place (given again: a later `authored`), and a goal added.
    let mut changed = old.clone();
    changed.responses[0].answers.insert("1".into(), 5);
    changed.responses[0].authored = "2026-12-01T10:00:00Z".into();
    changed.goals.push(goal("g", "2026-W41"));
    let update = Update::between(&old, &changed);
    assert_eq!((update.changed, update.progression, update.new_weeks), (1, true, 0));
    // A goal closed, a week's work given again: changes too.
    let mut goals = changed.clone();
    goals.goals[0].close(week("2026-W42"), Outcome::Reached, "2026-12-02T10:00:00Z");
    assert!(Update::between(&changed, &goals).progression);
    let mut worked = changed.clone();
    worked.work.push(work("2026-W41", Some(600), Some(300)));
    assert!(Update::between(&changed, &worked).progression);
    assert!(!Update::between(&worked, &worked.clone()).changes());
}

#[test]
fn a_case_is_stored_and_read_back_whole_and_a_damaged_one_is_refused() {
    let mut history = who5(&[("2026-W40", 2), ("2026-W41", 3)]);
    history.goals.push(goal("g", "2026-W41"));
    let case = Case { label: "Kim".into(), history, readings: ugeblik::domain::demo::readings(week("2026-W41")) };
    let text = encode_case(&case);
    assert_eq!(decode_case(&text), Ok(case.clone()));
    // Kept from the texts the worker wrote (a file added to the caseload): the same bytes.
    let (history, readings) = (encode_history(&case.history), encode_readings(&case.readings));
    assert_eq!(encode_case_of(&case.label, &history, &readings), text);
    let none = Case { label: String::new(), ..case.clone() };
    assert_eq!(decode_case(&encode_case(&none)), Ok(none));
    // A label that looks like a CPR number, a newer format, a history that does not read.
    let cpr = text.replace("\"label\":\"Kim\"", "\"label\":\"010203-1234\"");
    assert!(matches!(decode_case(&cpr), Err(DecodeError::Invalid(_))));
    let newer = text.replacen("\"version\":1", "\"version\":2", 1);
    assert!(matches!(decode_case(&newer), Err(DecodeError::TooNew { found: 2 })));
    assert!(decode_case(&text.replace("\\\"who5\\\"", "\\\"who6\\\"")).is_err());
    assert!(decode_case("{\"version\":1}").is_err());
    assert!(decode_case("not json").is_err());
}
