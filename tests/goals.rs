//! The goals and milestones screen and its edits, without a browser.

use ugeblik::domain::history::History;
use ugeblik::domain::lang::Lang;
use ugeblik::domain::progression::{MilestoneKind, Outcome};
use ugeblik::domain::series::{goal_rows, trend, LineKey, Period};
use ugeblik::i18n::ChartMsg;
use ugeblik::session::goals::{apply, screen};
use ugeblik::session::protocol::Choices;
use ugeblik::session::render::{render, Request, View};

mod common;
use common::week;

fn form(fields: &[(&str, &str)], id: &str) -> Vec<String> {
    let mut form: Vec<String> = fields.iter().flat_map(|(k, v)| [k.to_string(), v.to_string()]).collect();
    form.extend(["id".into(), id.into(), "at".into(), "2026-11-20T10:00:00Z".into()]);
    form
}

fn request(form: Vec<String>) -> Request {
    let base = common::request();
    Request {
        view: View::Edit,
        choices: Choices { period: Period::Weeks(8), table: false, ..base.choices.clone() },
        form,
        ..base
    }
}

#[test]
fn a_goal_is_set_changed_into_a_new_one_and_closed() {
    let now = week("2026-W47");
    let history = History::default();
    let set = form(
        &[
            ("edit", "goal-new"),
            ("what", "  Work four hours without a break "),
            ("measure", "Mentor agrees"),
            ("by", "2027-01-31"),
        ],
        "g1",
    );
    let history = apply(&history, &set, now).unwrap();
    assert_eq!(history.goals.len(), 1);
    assert_eq!(history.goals[0].what, "Work four hours without a break");
    assert_eq!(history.goals[0].by.as_deref(), Some("2027-01-31"));
    assert_eq!(history.goals[0].set, now);

    // Changed: the new goal names the old, which is closed as changed; both are kept.
    let change = form(
        &[
            ("edit", "goal-new"),
            ("what", "Work four hours with one break"),
            ("measure", ""),
            ("by", ""),
            ("replaces", "g1"),
        ],
        "g2",
    );
    let history = apply(&history, &change, week("2026-W48")).unwrap();
    assert_eq!(history.goals.len(), 2);
    assert_eq!(
        history.goals[0].closed.as_ref().map(|c| (c.outcome, c.week)),
        Some((Outcome::Changed, week("2026-W48")))
    );
    assert_eq!(history.goals[1].replaces.as_deref(), Some("g1"));
    assert_eq!(history.open_goals(week("2026-W48")).count(), 1);

    let close = form(&[("edit", "goal-close"), ("goal", "g2"), ("outcome", "dropped")], "x");
    let history = apply(&history, &close, week("2026-W49")).unwrap();
    assert_eq!(history.goals[1].closed.as_ref().map(|c| c.outcome), Some(Outcome::Dropped));
    assert_eq!(history.open_goals(week("2026-W49")).count(), 0);
    // A closed goal cannot be closed again.
    assert!(apply(&history, &close, week("2026-W50")).is_err());
}

#[test]
fn a_form_that_does_not_add_up_is_refused_with_its_message_and_changes_nothing() {
    let now = week("2026-W47");
    let history = History::default();
    let cases = [
        (form(&[("edit", "goal-new"), ("what", "   ")], "g"), "goal-new", ChartMsg::ErrGoalWhat),
        (form(&[("edit", "goal-new"), ("what", "x"), ("by", "31-01-2027")], "g"), "goal-new", ChartMsg::ErrDate),
        (
            form(&[("edit", "milestone-new"), ("date", "2026-02-30"), ("kind", "new-mentor")], "m"),
            "milestone-new",
            ChartMsg::ErrDate,
        ),
        (
            form(&[("edit", "milestone-new"), ("date", "2026-11-18"), ("kind", "other"), ("text", " ")], "m"),
            "milestone-new",
            ChartMsg::ErrMilestoneText,
        ),
        (
            form(&[("edit", "goal-close"), ("goal", "nope"), ("outcome", "reached")], "x"),
            "goal-close",
            ChartMsg::ErrOutcome,
        ),
        (form(&[("edit", "goal-new"), ("what", "x")], ""), "goal-new", ChartMsg::ErrOutcome),
    ];
    for (form, which, message) in cases {
        let error = apply(&history, &form, now).unwrap_err();
        assert_eq!((error.form, error.message), (which, message), "{form:?}");
        // The screen shows the message beside that form and keeps what was typed.
        let html = render(&history, &request(form.clone())).html;
        assert!(html.contains(message.get(Lang::En)), "{html}");
    }
}

#[test]
fn a_failed_goal_keeps_what_was_typed_escaped() {
    let typed = form(&[("edit", "goal-new"), ("what", ""), ("measure", "</textarea><script>alert(1)</script>")], "g");
    let html = render(&History::default(), &request(typed)).html;
    assert!(html.contains("&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script>"));
}

#[test]
fn milestones_are_added_listed_by_date_and_removed() {
    let now = week("2026-W47");
    let add = |history: &History, id: &str, date: &str| {
        apply(
            history,
            &form(
                &[
                    ("edit", "milestone-new"),
                    ("date", date),
                    ("kind", "placement-started"),
                    ("text", "Café <b>Sol</b>"),
                ],
                id,
            ),
            now,
        )
        .unwrap()
    };
    let history = add(&History::default(), "m2", "2026-11-18");
    let history = add(&history, "m1", "2026-10-05");
    assert_eq!(history.milestones.len(), 2);
    assert_eq!(history.milestones[0].kind, MilestoneKind::PlacementStarted);
    let html = screen(&history, &request(Vec::new()), None);
    let first = html.find("5 Oct 2026").unwrap();
    let second = html.find("18 Nov 2026").unwrap();
    assert!(first < second, "in date order");
    assert!(html.contains("Placement started: Café &lt;b&gt;Sol&lt;/b&gt;"));
    assert!(html.contains(r#"aria-label="Remove the milestone Placement started: Café &lt;b&gt;Sol&lt;/b&gt;""#));
    let removed = apply(&history, &form(&[("edit", "milestone-remove"), ("milestone", "m2")], "x"), now).unwrap();
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
    let viewer = Request {
        view: View::Progress,
        import: Some(file.to_owned()),
        choices: Choices { viewer: true, period: Period::All, ..request(Vec::new()).choices },
        ..request(Vec::new())
    };
    let html = render(&History::default(), &viewer).html;
    assert!(html.contains("ugb-chart-hours"), "hours");
    assert!(html.contains("ugb-chart-attendance"), "attendance");
    assert!(html.contains("ugb-chart-goals"), "goals week by week");
    assert!(html.contains("ugb-milestone-list"), "milestones");
}
