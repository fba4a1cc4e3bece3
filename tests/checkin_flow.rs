//! The weekly check-in from first question to saved responses, without a browser.

use ugeblik::domain::checkin::{flow, skipped, Draft, Stage};
use ugeblik::domain::history::History;
use ugeblik::domain::lang::Lang;
use ugeblik::domain::response::{validate, who5_score, Status};
use ugeblik::domain::week::IsoWeek;

/// When the tests' answers are given (milliseconds since the Unix epoch).
const NOW: u64 = 1_795_000_000_000;

fn week() -> IsoWeek {
    "2026-W47".parse().unwrap()
}

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("id-{n}")
    }
}

/// Answers every question with the first value its scale offers after `pick` positions.
fn answer_all(draft: &mut Draft, pick: usize) {
    while let Some(question) = draft.question() {
        let values = question.item.scale.values();
        draft.answer(values[pick.min(values.len() - 1)], NOW).unwrap();
    }
}

#[test]
fn the_flow_asks_every_item_of_the_three_instruments_in_order() {
    let flow = flow();
    assert_eq!(flow.len(), 18);
    let ids: Vec<_> = flow.iter().map(|(i, item)| format!("{}:{}", i.id, item.link_id)).collect();
    assert_eq!(ids[0], "who5:1");
    assert_eq!(ids[4], "who5:5");
    assert_eq!(ids[5], "chime5:chime-c");
    assert_eq!(ids[17], "jobready7:job-hours");
}

#[test]
fn a_full_check_in_takes_one_answer_per_question_and_saves_three_valid_responses() {
    let mut draft = Draft::start(week(), &History::default());
    assert_eq!(draft.question().unwrap().number, 1);
    assert_eq!(draft.question().unwrap().total, 19, "18 questions and the week's work");
    answer_all(&mut draft, 1); // "Most of the time" (4) on WHO-5, 1 on the 0–10 scales.
    assert_eq!(draft.stage(), Stage::Work, "the week's work comes after the questions");
    draft.next();
    assert!(draft.at_note());
    draft.note = "  A good week.  ".into();
    let responses = draft.into_responses("2026-11-20T10:00:00Z", Lang::En, &mut ids());
    assert_eq!(responses.len(), 3);
    for response in &responses {
        validate(response).unwrap();
        assert_eq!(response.status, Status::Complete);
        assert_eq!(response.week, week());
        assert_eq!(response.language, Lang::En);
    }
    assert_eq!(who5_score(&responses[0]).unwrap().percent, 80);
    assert_eq!(responses[0].note.as_deref(), Some("A good week."));
    assert_eq!(responses[1].note, None);
    assert_eq!(responses[2].answers["job-hours"], 1);
}

#[test]
fn skipping_leaves_items_out_and_marks_the_response_partial() {
    let mut draft = Draft::start(week(), &History::default());
    draft.answer(5, NOW).unwrap(); // WHO-5 item 1
    draft.next(); // skip item 2
    while !draft.at_note() {
        draft.next();
    }
    let responses = draft.into_responses("2026-11-20T10:00:00Z", Lang::Da, &mut ids());
    assert_eq!(responses.len(), 1, "instruments without any answer are not saved");
    assert_eq!(responses[0].status, Status::Partial);
    assert_eq!(who5_score(&responses[0]), None);
}

#[test]
fn back_returns_to_the_previous_question_and_keeps_its_answer() {
    let mut draft = Draft::start(week(), &History::default());
    draft.answer(3, NOW).unwrap();
    draft.back();
    assert_eq!(draft.step, 0);
    assert_eq!(draft.current_answer(), Some(3));
    draft.back();
    assert_eq!(draft.step, 0, "there is nothing before the first question");
}

#[test]
fn choosing_with_the_arrow_keys_stores_the_answer_and_stays_on_the_question() {
    let mut draft = Draft::start(week(), &History::default());
    assert_eq!(draft.choose(4, NOW), Ok(true));
    assert_eq!((draft.step, draft.current_answer()), (0, Some(4)));
    assert_eq!(draft.choose(2, NOW + 1), Ok(true), "another choice replaces it");
    assert_eq!((draft.step, draft.current_answer()), (0, Some(2)));
    assert!(draft.choose(6, NOW).is_err(), "off the scale");
    assert_eq!(draft.current_answer(), Some(2));
    while !draft.at_note() {
        draft.next();
    }
    let at_note = draft.clone();
    assert_eq!(draft.choose(3, NOW), Ok(false), "the note has no answers to choose");
    assert_eq!(draft, at_note);
}

#[test]
fn a_value_off_the_scale_is_refused_and_changes_nothing() {
    let mut draft = Draft::start(week(), &History::default());
    let before = draft.clone();
    assert!(draft.answer(6, NOW).is_err());
    assert_eq!(draft, before);
}

#[test]
fn changing_a_week_updates_its_responses_instead_of_adding_new_ones() {
    let mut history = History::default();
    let mut draft = Draft::start(week(), &history);
    answer_all(&mut draft, 0);
    for response in draft.into_responses("2026-11-20T10:00:00Z", Lang::Da, &mut ids()) {
        history.upsert(response);
    }
    assert_eq!(history.responses.len(), 3);

    let mut again = Draft::start(week(), &history);
    assert_eq!(again.current_answer(), Some(5), "the saved answers are the starting point");
    again.answer(0, NOW).unwrap();
    while !again.at_note() {
        again.next();
    }
    let mut fresh = || -> String { panic!("no new id is needed when changing a week") };
    for response in again.into_responses("2026-11-21T10:00:00Z", Lang::Da, &mut fresh) {
        history.upsert(response);
    }
    assert_eq!(history.responses.len(), 3, "one response per instrument and week");
    let who5 = history.response_for(week(), "who5").unwrap();
    assert_eq!(who5.answers["1"], 0);
    assert_eq!(who5.authored, "2026-11-21T10:00:00Z");
    assert_eq!(who5_score(who5).unwrap().raw, 20);
}

#[test]
fn a_note_alone_is_kept() {
    let mut draft = Draft::start(week(), &History::default());
    while !draft.at_note() {
        draft.next();
    }
    draft.note = "Ill all week.".into();
    let responses = draft.into_responses("2026-11-20T10:00:00Z", Lang::Da, &mut ids());
    assert_eq!(responses.len(), 1);
    assert_eq!(responses[0].status, Status::Partial);
    assert_eq!(responses[0].note.as_deref(), Some("Ill all week."));
}

#[test]
fn history_lists_weeks_newest_first_with_scores_and_profiles() {
    let history = ugeblik::formats::stored::decode_history(include_str!("fixtures/store-v1-history.json")).unwrap();
    let weeks = history.weeks();
    assert_eq!(weeks.iter().map(|w| w.week.to_string()).collect::<Vec<_>>(), ["2026-W46", "2026-W45"]);
    let latest = &weeks[0];
    assert_eq!(latest.entries.len(), 3);
    assert_eq!(latest.entries[0].who5.unwrap().percent, 52);
    assert_eq!(latest.note.as_deref(), Some("Første uge i praktik."));
    let chime: Vec<_> = latest.entries[1].answers.iter().map(|(item, v)| (item.link_id, *v)).collect();
    assert_eq!(chime[1], ("chime-h", Some(4)));
    assert_eq!(chime[2], ("chime-i", None));
    assert_eq!(weeks[1].entries[0].who5, None, "a partial WHO-5 has no score");
}

/// A check-in after the portal chose its instruments (`?instruments=`, `?who5=`).
fn configured(asked: Option<&[&str]>, fortnightly: bool, week: IsoWeek, history: &History) -> Draft {
    Draft::start_without(week, history, skipped(asked, fortnightly, week, history))
}

#[test]
fn a_portal_that_chose_two_instruments_gets_only_their_questions() {
    let mut draft = configured(Some(&["who5", "jobready7"]), false, week(), &History::default());
    assert_eq!(draft.skipped, ["chime5"]);
    assert_eq!(draft.question().unwrap().total, 5 + 8 + 1, "five WHO-5 items, eight of job readiness, the work");
    let asked: Vec<&str> = draft.flow().iter().map(|(i, _)| i.id).collect();
    assert!(!asked.contains(&"chime5") && asked.contains(&"who5") && asked.contains(&"jobready7"));
    answer_all(&mut draft, 2);
    draft.next();
    assert!(draft.at_note());
    let responses = draft.into_responses("2026-11-20T10:00:00Z", Lang::Da, &mut ids());
    let saved: Vec<&str> = responses.iter().map(|r| r.instrument.as_str()).collect();
    assert_eq!(saved, ["who5", "jobready7"], "nothing is saved for the instrument not asked");
}

#[test]
fn the_who5_every_second_week_is_asked_in_the_week_after_one_without_it() {
    let mut history = History::default();
    let mut week = week();
    let mut asked = Vec::new();
    for _ in 0..5 {
        let mut draft = configured(None, true, week, &history);
        asked.push(!draft.skipped.contains(&"who5".to_owned()));
        answer_all(&mut draft, 1);
        draft.next();
        draft.save_into(&mut history, "2026-11-20T10:00:00Z", Lang::Da, &mut ids());
        week = week.plus(1).unwrap();
    }
    assert_eq!(asked, [true, false, true, false, true]);
    // A week that already has WHO-5 answers asks them again when the week is changed.
    let first = "2026-W47".parse().unwrap();
    assert!(configured(None, true, first, &history).skipped.is_empty());
    // Every week when the portal did not ask for a fortnightly rhythm.
    assert!(configured(None, false, week, &history).skipped.is_empty());
}

#[test]
fn a_stored_check_in_that_skips_an_unknown_instrument_is_refused() {
    let mut draft = Draft::start(week(), &History::default());
    draft.skipped = vec!["phq9".into()];
    assert!(draft.check().is_err());
    draft.skipped = vec!["who5".into(), "who5".into()];
    assert!(draft.check().is_err());
    draft.skipped = vec!["who5".into()];
    draft.check().unwrap();
}
