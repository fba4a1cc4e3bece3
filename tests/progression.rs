//! Goals, the week's work and milestones, without a browser: a goal's life cycle through
//! weekly check-ins, attendance, hours as citizens type them, and the stored upgrade.

use ugeblik::domain::checkin::{flow, Draft, Stage};
use ugeblik::domain::history::History;
use ugeblik::domain::lang::Lang;
use ugeblik::domain::progression::{
    format_hours, parse_hours, Absence, Goal, Kept, Milestone, MilestoneKind, Outcome, ProgressError, Work,
};
use ugeblik::domain::week::IsoWeek;
use ugeblik::formats::stored::{decode_draft, decode_history, encode_history};

/// When the tests' answers are given (milliseconds since the Unix epoch).
const NOW: u64 = 1_795_000_000_000;

fn week(text: &str) -> IsoWeek {
    text.parse().unwrap()
}

fn goal(id: &str, what: &str, set: &str) -> Goal {
    Goal {
        id: id.into(),
        what: what.into(),
        measure: "my mentor and I agree".into(),
        by: Some("2027-01-31".into()),
        set: week(set),
        authored: "2026-11-02T10:00:00Z".into(),
        closed: None,
        replaces: None,
        checks: Vec::new(),
    }
}

/// Runs a check-in for `week` that skips every question and the work step and answers
/// each goal step with `kept`.
fn check_in(history: &mut History, week_text: &str, kept: &[(Kept, &str)]) {
    let mut draft = Draft::start(week(week_text), history);
    while draft.question().is_some() {
        draft.next();
    }
    assert_eq!(draft.stage(), Stage::Work);
    draft.next();
    for (answer, note) in kept {
        assert!(matches!(draft.stage(), Stage::Goal(_)), "a goal step for each open goal");
        draft.keep_goal(*answer, note, NOW);
    }
    assert_eq!(draft.stage(), Stage::Note);
    let mut n = 0;
    draft.save_into(history, &format!("{week_text}T"), Lang::Da, &mut || {
        n += 1;
        format!("r{n}")
    });
}

#[test]
fn a_goal_is_set_evaluated_three_weeks_running_and_closed() {
    let mut history = History::default();
    history.goals.push(goal("g1", "Take on only one task at a time", "2026-W45"));

    // Not asked before the week it was set.
    assert!(Draft::start(week("2026-W44"), &history).goals.is_empty());

    check_in(&mut history, "2026-W45", &[(Kept::Partly, " too many tasks on Tuesday ")]);
    check_in(&mut history, "2026-W46", &[(Kept::Yes, "")]);
    check_in(&mut history, "2026-W47", &[(Kept::Yes, "")]);
    let checks: Vec<_> = history.goals[0].checks.iter().map(|c| (c.week.to_string(), c.kept)).collect();
    assert_eq!(
        checks,
        [("2026-W45".into(), Kept::Partly), ("2026-W46".into(), Kept::Yes), ("2026-W47".into(), Kept::Yes)]
    );
    assert_eq!(history.goals[0].checks[0].note.as_deref(), Some("too many tasks on Tuesday"));
    assert_eq!(history.goals[0].checks[1].note, None);

    // Answering a week again replaces that week's answer, and the step starts from it.
    let draft = Draft::start(week("2026-W47"), &history);
    assert_eq!(draft.goals[0].kept, Some(Kept::Yes));
    check_in(&mut history, "2026-W47", &[(Kept::No, "")]);
    assert_eq!(history.goals[0].checks.len(), 3);
    assert_eq!(history.goals[0].checks[2].kept, Kept::No);

    // Closed as reached in week 48: no longer asked from that week, but kept with its history.
    history.goals[0].close(week("2026-W48"), Outcome::Reached, "2026-11-23T10:00:00Z");
    assert!(Draft::start(week("2026-W48"), &history).goals.is_empty());
    assert_eq!(Draft::start(week("2026-W47"), &history).goals.len(), 1, "an earlier week still asks");
    assert_eq!(history.goals.len(), 1);
    assert_eq!(history.goals[0].checks.len(), 3);

    // It survives storage.
    assert_eq!(decode_history(&encode_history(&history)).unwrap(), history);
}

#[test]
fn a_goal_chosen_with_the_arrow_keys_is_stored_and_the_step_stays() {
    let mut history = History::default();
    history.goals.push(goal("g1", "Come on time", "2026-W45"));
    let mut draft = Draft::start(week("2026-W47"), &history);
    assert!(!draft.choose_goal(Kept::Yes, "", NOW), "no goal step shown yet");
    assert!(draft.goals[0].kept.is_none());
    while draft.stage() != Stage::Goal(0) {
        draft.next();
    }
    let step = draft.step;
    assert!(draft.choose_goal(Kept::Partly, "  late monday ", NOW));
    assert_eq!(draft.step, step);
    assert_eq!((draft.goals[0].kept, draft.goals[0].note.as_deref()), (Some(Kept::Partly), Some("late monday")));
    draft.keep_goal(Kept::Yes, "", NOW + 1);
    assert_eq!(
        (draft.stage(), draft.goals[0].kept, draft.goals[0].note.as_deref()),
        (Stage::Note, Some(Kept::Yes), None)
    );
}

#[test]
fn the_goal_note_comes_after_its_answer_and_is_kept_as_typed() {
    let mut history = History::default();
    history.goals.push(goal("g1", "Come on time", "2026-W45"));
    let mut draft = Draft::start(week("2026-W47"), &history);
    while draft.stage() != Stage::Goal(0) {
        draft.next();
    }
    // Before an answer there is nothing to write the note to: no answer is made up.
    draft.set_goal_note("late", NOW);
    assert_eq!((draft.goals[0].kept, draft.goals[0].note.as_deref()), (None, None));
    draft.choose_goal(Kept::Partly, "", NOW);
    draft.set_goal_note("  late monday", NOW + 1);
    assert_eq!((draft.goals[0].kept, draft.goals[0].note.as_deref()), (Some(Kept::Partly), Some("late monday")));
    // Emptied, the note is gone; the answer stays.
    draft.set_goal_note("  ", NOW + 2);
    assert_eq!((draft.goals[0].kept, draft.goals[0].note.as_deref()), (Some(Kept::Partly), None));
    // On another step the goal's note is never written.
    draft.next();
    draft.set_goal_note("elsewhere", NOW + 3);
    assert_eq!(draft.goals[0].note, None);
}

#[test]
fn a_changed_goal_is_closed_and_its_successor_names_it() {
    let mut history = History::default();
    history.goals.push(goal("g1", "Work four hours without a break", "2026-W40"));
    history.goals[0].close(week("2026-W44"), Outcome::Changed, "t");
    let mut next = goal("g2", "Work four hours with one break", "2026-W44");
    next.replaces = Some("g1".into());
    history.goals.push(next);
    let draft = Draft::start(week("2026-W44"), &history);
    assert_eq!(draft.goals.iter().map(|g| g.goal.as_str()).collect::<Vec<_>>(), ["g2"]);
    history.check_progression().unwrap();
}

#[test]
fn goals_that_are_not_valid_are_refused_with_the_reason() {
    let mut history = History::default();
    history.goals.push(goal("g1", "  ", "2026-W40"));
    assert_eq!(history.check_progression().unwrap_err(), "goal 1: the goal says nothing");
    history.goals[0].what = "ok".into();
    history.goals[0].by = Some("2026-02-30".into());
    assert!(history.check_progression().unwrap_err().contains("not a date"));
    history.goals[0].by = None;
    history.goals.push(goal("g1", "again", "2026-W41"));
    assert_eq!(history.check_progression().unwrap_err(), "goal 2: id \"g1\" appears twice");
}

#[test]
fn attendance_is_days_attended_of_days_planned() {
    let work = |planned, attended| Work { days_planned: planned, days_attended: attended, ..Work::default() };
    assert_eq!(work(Some(4), Some(3)).attendance_percent(), Some(75));
    assert_eq!(work(Some(3), Some(2)).attendance_percent(), Some(67));
    assert_eq!(work(Some(5), Some(5)).attendance_percent(), Some(100));
    assert_eq!(work(Some(5), Some(0)).attendance_percent(), Some(0));
    assert_eq!(work(Some(0), Some(0)).attendance_percent(), None, "nothing planned: no rate");
    assert_eq!(work(None, Some(2)).attendance_percent(), None);
    assert_eq!(work(Some(3), None).attendance_percent(), None);
    assert_eq!(work(Some(3), Some(4)).validate(), Err(ProgressError::AttendedAbovePlanned));
    assert!(matches!(work(Some(8), None).validate(), Err(ProgressError::TooMany { max: 7, .. })));
}

#[test]
fn hours_are_read_as_citizens_type_them() {
    assert_eq!(parse_hours(""), Some(None));
    assert_eq!(parse_hours(" 7 "), Some(Some(420)));
    assert_eq!(parse_hours("7,5"), Some(Some(450)));
    assert_eq!(parse_hours("7.5"), Some(Some(450)));
    assert_eq!(parse_hours("7½"), Some(Some(450)));
    assert_eq!(parse_hours("7:30"), Some(Some(450)));
    assert_eq!(parse_hours("0,25"), Some(Some(15)));
    assert_eq!(parse_hours(",5"), Some(Some(30)));
    assert_eq!(parse_hours("168"), Some(Some(168 * 60)));
    // An Arabic or Persian keyboard's digits and decimal separator.
    assert_eq!(parse_hours("٧٫٥"), Some(Some(450)));
    assert_eq!(parse_hours("١٥"), Some(Some(900)));
    assert_eq!(parse_hours("۷,۵"), Some(Some(450)));
    assert_eq!(parse_hours("٢٠٠"), None, "still at most a week");
    for bad in ["169", "7,555", "7:60", "7:5", "-2", "seven", "7,", "1e2", "7 5"] {
        assert_eq!(parse_hours(bad), None, "{bad:?}");
    }
    assert_eq!(format_hours(450, ','), "7,5");
    assert_eq!(format_hours(420, '.'), "7");
    assert_eq!(format_hours(15, ','), "0,25");
    assert_eq!(format_hours(20, ','), "0,33");
    for minutes in (0..=600).step_by(15) {
        assert_eq!(parse_hours(&format_hours(minutes, ',')), Some(Some(minutes)));
    }
}

#[test]
fn the_weeks_work_is_remembered_and_replaced_by_week() {
    let mut history = History::default();
    let mut draft = Draft::start(week("2026-W46"), &history);
    draft.step = flow().len();
    let work = Work {
        planned_minutes: Some(240),
        worked_minutes: Some(180),
        days_planned: Some(2),
        days_attended: Some(1),
        absence: Some(Absence::Ill),
    };
    draft.give_work(work.clone(), NOW).unwrap();
    assert_eq!(draft.stage(), Stage::Note);
    draft.save_into(&mut history, "2026-11-13T10:00:00Z", Lang::Da, &mut || "x".into());
    assert_eq!(history.work_for(week("2026-W46")), Some(&work));
    // Editing the week starts from what was given; an emptied step removes the record.
    let mut again = Draft::start(week("2026-W46"), &history);
    assert_eq!(again.work, Some(work));
    again.step = flow().len();
    again.give_work(Work::default(), NOW).unwrap();
    again.save_into(&mut history, "t", Lang::Da, &mut || "y".into());
    assert_eq!(history.work_for(week("2026-W46")), None);
    // A step that does not add up is refused and nothing moves.
    let mut wrong = Draft::start(week("2026-W47"), &history);
    wrong.step = flow().len();
    let error = wrong.give_work(Work { days_planned: Some(1), days_attended: Some(2), ..Work::default() }, NOW);
    assert_eq!(error, Err(ProgressError::AttendedAbovePlanned));
    assert_eq!(wrong.stage(), Stage::Work);
}

#[test]
fn milestones_fall_in_the_week_of_their_date_and_must_say_something() {
    let milestone = Milestone {
        id: "m1".into(),
        date: "2026-11-18".into(),
        kind: MilestoneKind::PlacementStarted,
        text: Some("Café Solsiden".into()),
        authored: "t".into(),
    };
    assert_eq!(milestone.week(), Some(week("2026-W47")));
    milestone.validate().unwrap();
    let other = Milestone { kind: MilestoneKind::Other, text: Some(" ".into()), ..milestone.clone() };
    assert_eq!(other.validate(), Err(ProgressError::EmptyMilestone));
    let bad = Milestone { date: "18-11-2026".into(), ..milestone };
    assert!(matches!(bad.validate(), Err(ProgressError::BadDate(_))));
}

#[test]
fn a_version_1_check_in_on_its_note_resumes_on_the_note() {
    let n = flow().len();
    let text =
        format!("{{\"version\":1,\"draft\":{{\"week\":\"2026-W47\",\"step\":{n},\"answers\":{{}},\"note\":\"hej\"}}}}");
    let draft = decode_draft(&text).unwrap();
    assert_eq!(draft.stage(), Stage::Note);
    assert_eq!(draft.note, "hej");
    let text = text.replace(&format!("\"step\":{n}"), "\"step\":3");
    assert_eq!(decode_draft(&text).unwrap().step, 3);
}

#[test]
fn the_stored_history_of_version_1_reads_with_no_goals() {
    let history = decode_history(include_str!("fixtures/store-v1-history.json")).unwrap();
    assert!(!history.responses.is_empty());
    assert!(history.goals.is_empty() && history.work.is_empty() && history.milestones.is_empty());
}

#[test]
fn the_export_keeps_goals_work_and_milestones_and_imports_them_back() {
    use ugeblik::formats::export::{export, to_json, FORMAT_VERSION};
    use ugeblik::formats::import::{merge, preview, read};
    let history = ugeblik::domain::demo::history(week("2026-W47"), 30);
    assert!(!history.goals.is_empty() && !history.work.is_empty() && !history.milestones.is_empty());
    let file = export(&history, &ugeblik::domain::rater::Readings::default(), "2026-11-20T10:00:00Z", "test", None);
    assert_eq!(file.format_version, FORMAT_VERSION);
    let imported = read(&to_json(&file)).unwrap();
    let seen = preview(&History::default(), &Default::default(), &imported);
    assert_eq!((seen.goals, seen.work, seen.milestones), (2, history.work.len(), history.milestones.len()));
    let merged = merge(&History::default(), &imported, &[]);
    assert_eq!(merged.goals, history.goals);
    assert_eq!(merged.work, history.work);
    assert_eq!(merged.milestones, history.milestones);
    assert_eq!(merged.responses.len(), history.responses.len());
    // Importing the same file again changes nothing.
    assert_eq!(merge(&merged, &imported, &[]), merged);
}

#[test]
fn a_format_1_file_imports_with_no_goals_and_a_format_2_file_with_them() {
    use ugeblik::formats::import::read;
    let old = read(include_str!("fixtures/export-v1.json")).unwrap();
    assert!(old.goals.is_empty() && old.work.is_empty() && old.milestones.is_empty());
    let new = read(include_str!("fixtures/export-v2.json")).unwrap();
    assert_eq!(new.nickname.as_deref(), Some("Sag 43"));
    assert_eq!(new.goals.len(), 2);
    assert_eq!(new.goals[0].closed.as_ref().map(|c| c.outcome), Some(Outcome::Reached));
    assert_eq!(new.goals[1].checks.len(), 3);
    assert_eq!(new.work.len(), 3);
    assert_eq!(new.work[0].work.planned_minutes, Some(10 * 60));
    assert_eq!(new.milestones[0].kind, MilestoneKind::PlacementStarted);
}

#[test]
fn merging_keeps_both_sides_goal_evaluations_and_the_goal_the_citizen_chose() {
    use ugeblik::domain::progression::GoalCheck;
    use ugeblik::formats::import::{goal_key, merge, Imported};
    let check = |w: &str, kept, at: &str| GoalCheck { week: week(w), kept, note: None, authored: at.into() };
    let mut mine = History::default();
    let mut goal_here = goal("g1", "Møde til tiden", "2026-W40");
    goal_here.checks =
        vec![check("2026-W40", Kept::Yes, "2026-10-02T10:00:00Z"), check("2026-W41", Kept::No, "2026-10-09T10:00:00Z")];
    mine.goals.push(goal_here.clone());
    let mut goal_there = goal_here.clone();
    goal_there.checks = vec![
        check("2026-W41", Kept::Partly, "2026-10-10T10:00:00Z"),
        check("2026-W42", Kept::Yes, "2026-10-16T10:00:00Z"),
    ];
    goal_there.close(week("2026-W43"), Outcome::Reached, "2026-11-05T10:00:00Z");
    let imported = Imported {
        responses: Vec::new(),
        readings: Vec::new(),
        nickname: None,
        goals: vec![goal_there, goal("g2", "Nyt mål", "2026-W42")],
        work: Vec::new(),
        milestones: Vec::new(),
    };
    let weeks = |history: &History| -> Vec<(String, Kept)> {
        history.goals[0].checks.iter().map(|c| (c.week.to_string(), c.kept)).collect()
    };
    // Not chosen: the phone's goal and its answers stay; the file's answer for a week the
    // phone has none is added, and so is the goal the phone does not have.
    let kept = merge(&mine, &imported, &[]);
    assert_eq!(kept.goals.len(), 2);
    assert_eq!(
        weeks(&kept),
        [("2026-W40".into(), Kept::Yes), ("2026-W41".into(), Kept::No), ("2026-W42".into(), Kept::Yes)]
    );
    assert_eq!(kept.goals[0].closed, None, "the phone's goal, although the file's is newer");
    // Chosen: the file's goal and answers, and the phone's answer for the week the file lacks.
    let taken = merge(&mine, &imported, &[goal_key("g1")]);
    assert_eq!(
        weeks(&taken),
        [("2026-W40".into(), Kept::Yes), ("2026-W41".into(), Kept::Partly), ("2026-W42".into(), Kept::Yes)]
    );
    assert_eq!(taken.goals[0].closed.as_ref().map(|c| c.outcome), Some(Outcome::Reached));
}

#[test]
fn the_csv_has_a_row_per_goal_evaluation_work_figure_and_milestone() {
    use ugeblik::formats::csv::to_csv;
    use ugeblik::formats::export::export;
    let mut history = History::default();
    let mut g = goal("g1", "One task at a time", "2026-W45");
    g.evaluate(ugeblik::domain::progression::GoalCheck {
        week: week("2026-W46"),
        kept: Kept::Partly,
        note: Some("=SUM(A1)".into()),
        authored: "2026-11-13T10:00:00Z".into(),
    });
    history.goals.push(g);
    let work = Work {
        planned_minutes: Some(450),
        days_planned: Some(3),
        days_attended: Some(2),
        absence: Some(Absence::Ill),
        ..Work::default()
    };
    history.set_work(week("2026-W46"), work, "2026-11-13T10:00:00Z");
    history.milestones.push(Milestone {
        id: "m1".into(),
        date: "2026-11-10".into(),
        kind: MilestoneKind::PlacementStarted,
        text: Some("Café; \"Sol\"".into()),
        authored: "t".into(),
    });
    let csv =
        to_csv(&export(&history, &ugeblik::domain::rater::Readings::default(), "2026-11-20T10:00:00Z", "test", None));
    let rows: Vec<&str> = csv.lines().collect();
    assert!(
        rows.iter().any(|r| r.starts_with(
            "g1;2026-W46;2026-11-09;2026-11-13T10:00:00Z;goal;;false;open;;kept;One task at a time;1;;citizen;;'=SUM(A1)"
        )),
        "{csv}"
    );
    assert!(
        rows.iter().any(|r| r.contains(";work;;false;;;planned_minutes;Hours planned (minutes);450;;citizen;;")),
        "{csv}"
    );
    assert!(rows.iter().any(|r| r.contains(";work;;false;;;days_attended;Days attended;2;;citizen;;")), "{csv}");
    assert!(rows.iter().any(|r| r.contains(";work;;false;;;absence;ill;;;citizen;;")), "{csv}");
    assert!(
        rows.iter().any(|r| r.starts_with(
            "m1;2026-W46;2026-11-09;t;milestone;;false;;;placement-started;Placement started;;;citizen;;\"Café; \"\"Sol\"\"\""
        )),
        "{csv}"
    );
}

#[test]
fn the_stored_values_of_format_2_read_back_and_are_written_the_same_as_the_newest_format() {
    use ugeblik::formats::stored::encode_draft;
    // Formats 3 to 5 only added optional fields: a format 2 value is written back as it
    // was, with the new version number.
    let as_3 = |text: &str| text.replacen("{\"version\":2,", "{\"version\":5,", 1);
    let text = include_str!("fixtures/store-v2-history.json");
    let history = decode_history(text).unwrap();
    assert_eq!(history.goals.len(), 2);
    assert!(!history.work.is_empty());
    assert_eq!(history.milestones.len(), 1);
    assert_eq!(encode_history(&history), as_3(text));
    let text = include_str!("fixtures/store-v2-draft.json");
    let draft = decode_draft(text).unwrap();
    assert_eq!(draft.stage(), Stage::Goal(0), "a check-in paused on a goal resumes there");
    assert_eq!(draft.work.as_ref().and_then(|w| w.planned_minutes), Some(600));
    assert_eq!(draft.goals[0].kept, Some(Kept::Partly));
    assert_eq!(encode_draft(&draft), as_3(text));
}

#[test]
fn the_stored_values_of_format_3_read_back_and_are_written_the_same_as_the_newest_format() {
    use ugeblik::formats::stored::{decode_settings, encode_draft, encode_settings};
    // Formats 4 and 5 only added optional settings.
    let as_4 = |text: &str| text.replacen("{\"version\":3,", "{\"version\":5,", 1);
    let text = include_str!("fixtures/store-v3-history.json");
    assert_eq!(encode_history(&decode_history(text).unwrap()), as_4(text));
    let text = include_str!("fixtures/store-v3-settings.json");
    assert_eq!(encode_settings(&decode_settings(text).unwrap()), as_4(text));
    let text = include_str!("fixtures/store-v4-settings.json");
    let settings = decode_settings(text).unwrap();
    assert_eq!((settings.lang, settings.easy, settings.who5_lang), (Some(Lang::Ar), true, Some(Lang::Da)));
    assert_eq!(encode_settings(&settings), text.replacen("{\"version\":4,", "{\"version\":5,", 1));
    // Format 5 added the citizen's answer per portal origin.
    let text = include_str!("fixtures/store-v5-settings.json");
    let settings = decode_settings(text).unwrap();
    let portals = [("http://127.0.0.1:8081".to_owned(), false), ("https://minside.example".to_owned(), true)];
    assert_eq!(settings.portals, portals);
    assert_eq!(encode_settings(&settings), text, "this version writes format 5 exactly as the fixture");
    for wrong in [
        text.replace("https://minside.example", "https://minside.example/"),
        text.replace("https://minside.example", "*"),
        text.replace("true", "1"),
    ] {
        assert!(decode_settings(&wrong).is_err(), "{wrong}");
    }
    let text = include_str!("fixtures/store-v3-draft.json");
    let draft = decode_draft(text).unwrap();
    assert_eq!(draft.answers["who5"]["2"], 3);
    let given: Vec<(&str, u64)> = draft.given.iter().map(|(part, at)| (part.as_str(), *at)).collect();
    assert_eq!(
        given,
        [
            ("goal/demo-goal-2", 1_795_500_120_000),
            ("note", 1_795_500_300_500),
            ("who5/1", 1_795_500_000_000),
            ("who5/2", 1_795_500_061_250),
            ("work", 1_795_500_090_000)
        ]
    );
    assert_eq!(draft.step, 2);
    assert_eq!(encode_draft(&draft), as_4(text));
    // Each part's time once, in order: anything else is not a value this app wrote.
    for wrong in [text.replace("[\"note\",", "[\"who5/1\","), text.replace("[\"note\",", "[\"goal/demo-goal-2\",")] {
        assert!(decode_draft(&wrong).is_err(), "{wrong}");
    }
}
