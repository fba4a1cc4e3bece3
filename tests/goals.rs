//! The goals and milestones screen's edits, without a browser (the screen itself is a
//! component, pinned by tests/e2e/progression.test.mjs, hostile.test.mjs and tabs.test.mjs).

use ugeblik::domain::history::History;
use ugeblik::domain::lang::Lang;
use ugeblik::domain::progression::{MilestoneKind, Outcome};
use ugeblik::domain::series::ChartChoices;
use ugeblik::domain::series::{goal_rows, trend, LineKey, Period};
use ugeblik::i18n::ChartMsg;
use ugeblik::session::figures::{figures, Figures};
use ugeblik::session::files::open_for_viewer;
use ugeblik::session::goals::{apply, can_reopen, milestone_text, remove_label, Edit, Form};
use ugeblik::session::protocol::{Choices, FromWorker};

mod common;
use common::week;

const AT: &str = "2026-11-20T10:00:00Z";

fn goal(what: &str, measure: &str, by: &str, replaces: &str) -> Edit {
    Edit::NewGoal { what: what.into(), measure: measure.into(), by: by.into(), replaces: replaces.into() }
}

fn milestone(date: &str, kind: MilestoneKind, text: &str) -> Edit {
    Edit::NewMilestone { date: date.into(), kind, text: text.into() }
}

#[test]
fn a_goal_is_set_changed_into_a_new_one_and_closed() {
    let now = week("2026-W47");
    let history = History::default();
    let set = goal("  Work four hours without a break ", "Mentor agrees", "2027-01-31", "");
    let history = apply(&history, &set, "g1", AT, now).unwrap();
    assert_eq!(history.goals.len(), 1);
    assert_eq!(history.goals[0].what, "Work four hours without a break");
    assert_eq!(history.goals[0].by.as_deref(), Some("2027-01-31"));
    assert_eq!(history.goals[0].set, now);

    // Changed: the new goal names the old, which is closed as changed; both are kept.
    let change = goal("Work four hours with one break", "", "", "g1");
    let history = apply(&history, &change, "g2", AT, week("2026-W48")).unwrap();
    assert_eq!(history.goals.len(), 2);
    assert_eq!(
        history.goals[0].closed.as_ref().map(|c| (c.outcome, c.week)),
        Some((Outcome::Changed, week("2026-W48")))
    );
    assert_eq!(history.goals[1].replaces.as_deref(), Some("g1"));
    assert_eq!(history.open_goals(week("2026-W48")).count(), 1);

    let close = Edit::CloseGoal { goal: "g2".into(), outcome: Some(Outcome::Dropped) };
    let history = apply(&history, &close, "x", AT, week("2026-W49")).unwrap();
    assert_eq!(history.goals[1].closed.as_ref().map(|c| c.outcome), Some(Outcome::Dropped));
    assert_eq!(history.open_goals(week("2026-W49")).count(), 0);
    // A closed goal cannot be closed again.
    assert!(apply(&history, &close, "x", AT, week("2026-W50")).is_err());
}

#[test]
fn a_goal_closed_by_mistake_opens_again_until_the_next_check_in() {
    let now = week("2026-W47");
    let history = ugeblik::domain::demo::history(now, 8);
    let open = history.goals.iter().find(|g| g.is_open()).map(|g| g.id.clone()).unwrap();
    let closed_at = "2099-01-01T10:00:00Z";
    let close = Edit::CloseGoal { goal: open.clone(), outcome: Some(Outcome::Reached) };
    let closed = apply(&history, &close, "x", closed_at, now).unwrap();
    let goal = closed.goals.iter().find(|g| g.id == open).unwrap();
    assert!(can_reopen(&closed, goal), "no check-in since it was closed");
    let reopen = Edit::ReopenGoal { goal: open.clone() };
    let opened = apply(&closed, &reopen, "x", "2099-01-01T10:05:00Z", now).unwrap();
    let goal = opened.goals.iter().find(|g| g.id == open).unwrap();
    assert!(goal.is_open() && goal.closed.is_none(), "open again, its answers kept");
    assert_eq!(goal.checks, history.goals.iter().find(|g| g.id == open).unwrap().checks);
    // After the next check-in it stays closed.
    let mut checked_in = closed.clone();
    let mut later = checked_in.responses[0].clone();
    later.id = "after".into();
    later.authored = "2099-01-08T09:00:00Z".into();
    checked_in.responses.push(later);
    let goal = checked_in.goals.iter().find(|g| g.id == open).unwrap();
    assert!(!can_reopen(&checked_in, goal));
    let refused = apply(&checked_in, &reopen, "x", "2099-01-08T10:00:00Z", now).unwrap_err();
    assert_eq!(refused.message, ChartMsg::ErrOutcome);
}

#[test]
fn a_form_that_does_not_add_up_is_refused_with_its_message_and_changes_nothing() {
    let now = week("2026-W47");
    let history = ugeblik::domain::demo::history(now, 8);
    let open = history.goals.iter().find(|g| g.is_open()).map(|g| g.id.clone()).unwrap();
    let cases = [
        (goal("   ", "", "", ""), "g", Form::GoalNew, ChartMsg::ErrGoalWhat),
        (goal("x", "", "31-01-2027", ""), "g", Form::GoalNew, ChartMsg::ErrDate),
        (milestone("2026-02-30", MilestoneKind::NewMentor, ""), "m", Form::MilestoneNew, ChartMsg::ErrDate),
        (milestone("2026-11-18", MilestoneKind::Other, " "), "m", Form::MilestoneNew, ChartMsg::ErrMilestoneText),
        (
            Edit::CloseGoal { goal: "nope".into(), outcome: Some(Outcome::Reached) },
            "x",
            Form::GoalClose,
            ChartMsg::ErrOutcome,
        ),
        // No outcome chosen: the citizen is asked to choose one, nothing closes.
        (Edit::CloseGoal { goal: open.clone(), outcome: None }, "x", Form::GoalClose, ChartMsg::GoalCloseMissing),
        // An open goal is not opened again.
        (Edit::ReopenGoal { goal: open }, "x", Form::GoalClose, ChartMsg::ErrOutcome),
        (goal("x", "", "", ""), "", Form::GoalNew, ChartMsg::ErrOutcome),
    ];
    for (edit, id, form, message) in cases {
        let error = apply(&history, &edit, id, AT, now).unwrap_err();
        assert_eq!((error.form, error.message), (form, message), "{edit:?}");
        assert!(!message.get(Lang::En).is_empty());
    }
}

#[test]
fn milestones_are_added_listed_by_date_and_removed() {
    let now = week("2026-W47");
    let add = |history: &History, id: &str, date: &str| {
        apply(history, &milestone(date, MilestoneKind::PlacementStarted, "Café <b>Sol</b>"), id, AT, now).unwrap()
    };
    let history = add(&History::default(), "m2", "2026-11-18");
    let history = add(&history, "m1", "2026-10-05");
    assert_eq!(history.milestones.len(), 2);
    assert_eq!(history.milestones[0].kind, MilestoneKind::PlacementStarted);
    let listed: Vec<&str> = history.milestones_by_week().iter().map(|(_, m)| m.id.as_str()).collect();
    assert_eq!(listed, ["m1", "m2"], "in date order");
    // Its words as given (the component sets them as text, never as HTML).
    assert_eq!(milestone_text(&history.milestones[0], Lang::Da), "Praktik startet: Café <b>Sol</b>");
    assert_eq!(remove_label(&history.milestones[0], Lang::Da), "Fjern milepælen Praktik startet: Café <b>Sol</b>");
    let removed = apply(&history, &Edit::RemoveMilestone { milestone: "m2".into() }, "x", AT, now).unwrap();
    assert_eq!(removed.milestones.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), ["m1"]);
}

#[test]
fn hours_and_attendance_are_series_with_gaps_and_goals_rows_of_marks() {
    let mut history = ugeblik::domain::demo::history(week("2026-W47"), 30);
    history.work.retain(|w| w.week != week("2026-W45"));
    let weeks = Period::Weeks(4).weeks(&history, week("2026-W47"));
    let lines = trend(&history, &weeks, &[LineKey::HoursPlanned, LineKey::HoursWorked, LineKey::Attendance]);
    assert_eq!(lines[0].values, vec![Some(15.0), None, Some(15.0), Some(15.0)], "a week without work is a gap");
    let attendance = &lines[2].values;
    assert!(attendance.iter().flatten().all(|v| (0.0..=100.0).contains(v)));
    for (i, w) in weeks.iter().enumerate() {
        let expected = history.work_for(*w).and_then(|w| w.attendance_percent()).map(f32::from);
        assert_eq!(attendance[i], expected);
        let worked = history.work_for(*w).and_then(|w| w.worked_minutes).map(|m| m as f32 / 60.0);
        assert_eq!(lines[1].values[i], worked);
    }
    let rows = goal_rows(&history, &weeks);
    assert_eq!(rows.len(), 1, "the goal closed before the period is not a row");
    assert_eq!(rows[0].marks.len(), 4);
    assert!(rows[0].marks.iter().all(Option::is_some), "evaluated every week");
}

#[test]
fn the_consultants_viewer_draws_a_format_2_files_work_goals_and_milestones() {
    let file = include_str!("fixtures/export-v2.json");
    let FromWorker::Opened { history, responses, .. } = open_for_viewer(file, Lang::En) else {
        panic!("a format 2 file opens")
    };
    let history = ugeblik::formats::stored::decode_history(&history).expect("stored as the page reads it");
    assert_eq!(responses as usize, history.responses.len());
    let choices =
        Choices { chart: ChartChoices { period: Period::All, ..common::choices().chart }, ..common::choices() };
    let Figures::Shown(shown) = figures(&history, &choices) else { panic!("answers shown") };
    let shown = *shown;
    let codes: Vec<&str> = shown.trends().map(|t| t.code).collect();
    assert!(codes.contains(&"hours"), "hours: {codes:?}");
    assert!(codes.contains(&"attendance"), "attendance: {codes:?}");
    assert!(shown.goals.is_some_and(|g| !g.rows.is_empty()), "goals week by week");
    assert!(shown.milestones.is_some_and(|m| !m.items.is_empty()), "milestones");
}
