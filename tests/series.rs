//! Shaping the history for the charts: gaps, bands, marked changes, change figures, the
//! moving average, periods and the radar.

use std::collections::BTreeMap;

use ugeblik::domain::demo;
use ugeblik::domain::history::History;
use ugeblik::domain::instrument::{current, find};
use ugeblik::domain::lang::Lang;
use ugeblik::domain::response::{Response, Status};
use ugeblik::domain::series::*;
use ugeblik::domain::week::IsoWeek;

fn week(text: &str) -> IsoWeek {
    text.parse().unwrap()
}

/// A complete WHO-5 response whose percentage is `percent` (a multiple of 4).
fn who5(week_text: &str, percent: u8) -> Response {
    let mut raw = percent / 4;
    let mut answers = BTreeMap::new();
    for link in ["1", "2", "3", "4", "5"] {
        let value = raw.min(5);
        raw -= value;
        answers.insert(link.to_owned(), value);
    }
    response(week_text, "who5", answers)
}

fn response(week_text: &str, instrument: &str, answers: BTreeMap<String, u8>) -> Response {
    let version = current(instrument).unwrap().version.to_owned();
    let status = ugeblik::domain::response::status_of(find(instrument, &version).unwrap(), &answers);
    Response {
        id: format!("{instrument}-{week_text}"),
        instrument: instrument.to_owned(),
        version,
        week: week(week_text),
        authored: "2026-11-20T10:00:00Z".into(),
        language: Lang::Da,
        status,
        answers,
        note: None,
    }
}

fn line(values: &[Option<f32>]) -> Line {
    let def = line_defs()[0];
    Line { def, values: values.to_vec() }
}

#[test]
fn a_missed_week_is_a_gap_and_never_interpolated() {
    let history = History {
        responses: vec![who5("2026-W40", 40), who5("2026-W41", 48), who5("2026-W43", 60), who5("2026-W44", 64)],
        ..Default::default()
    };
    let weeks = Period::Custom(week("2026-W40"), week("2026-W44")).weeks(&history, week("2026-W47"));
    assert_eq!(weeks.len(), 5);
    let lines = trend(&history, &weeks, &[LineKey::Who5]);
    assert_eq!(lines[0].values, vec![Some(40.0), Some(48.0), None, Some(60.0), Some(64.0)]);
    assert_eq!(lines[0].runs(), vec![vec![(0, 40.0), (1, 48.0)], vec![(3, 60.0), (4, 64.0)]]);
}

#[test]
fn a_partial_who5_has_no_point_but_its_items_still_count() {
    let mut partial = who5("2026-W45", 40);
    partial.answers.remove("5");
    partial.status = Status::Partial;
    let history = History { responses: vec![partial], ..Default::default() };
    let weeks = Period::Weeks(3).weeks(&history, week("2026-W47"));
    assert_eq!(weeks, vec![week("2026-W45"), week("2026-W46"), week("2026-W47")]);
    assert_eq!(trend(&history, &weeks, &[LineKey::Who5])[0].values, vec![None, None, None]);
}

#[test]
fn item_lines_read_each_answer_and_leave_skipped_items_empty() {
    let mut answers = BTreeMap::new();
    answers.insert("chime-c".to_owned(), 7);
    let history = History { responses: vec![response("2026-W46", "chime5", answers)], ..Default::default() };
    let weeks = Period::Weeks(2).weeks(&history, week("2026-W47"));
    let connected = LineKey::Item { instrument: "chime5", link_id: "chime-c" };
    let hope = LineKey::Item { instrument: "chime5", link_id: "chime-h" };
    let lines = trend(&history, &weeks, &[connected, hope]);
    assert_eq!(lines[0].values, vec![Some(7.0), None]);
    assert_eq!(lines[1].values, vec![None, None]);
    assert_eq!(lines[0].def.unit, Unit::Rating);
}

#[test]
fn bands_follow_the_who5_cut_offs() {
    for (percent, band) in [
        (0.0, Band::Low),
        (28.0, Band::Low),
        (32.0, Band::Poor),
        (48.0, Band::Poor),
        (50.0, Band::Other),
        (100.0, Band::Other),
    ] {
        assert_eq!(Band::of(percent), band, "{percent}");
    }
}

#[test]
fn changes_of_ten_points_or_more_are_marked_across_gaps() {
    let l = line(&[Some(40.0), Some(48.0), None, Some(60.0), Some(52.0), Some(42.0), Some(40.0)]);
    // 40→48: 8; 48→60 over the gap: 12; 60→52: 8; 52→42: 10; 42→40: 2.
    assert_eq!(l.marked_changes(), vec![3, 5]);
    let mut rating = l.clone();
    rating.def = line_defs()[1];
    assert_eq!(rating.marked_changes(), Vec::<usize>::new(), "only the WHO-5 has a meaningful change");
}

#[test]
fn change_figures_since_the_first_and_the_previous_reading() {
    let l = line(&[None, Some(40.0), Some(48.0), None, Some(56.0), None]);
    let change = l.change().unwrap();
    assert_eq!(change.since_first(), 16.0);
    assert_eq!(change.since_previous(), Some(8.0));
    assert_eq!(change.weeks(), 3);
    let one = line(&[None, Some(40.0)]).change().unwrap();
    assert_eq!((one.since_first(), one.since_previous()), (0.0, None));
    assert_eq!(line(&[None, None]).change(), None);
}

#[test]
fn the_moving_average_covers_four_calendar_weeks_and_keeps_the_gaps() {
    let l = line(&[Some(40.0), Some(44.0), None, Some(48.0), Some(64.0), None, None, None, Some(20.0)]);
    let average = l.moving_average();
    assert_eq!(average[0], Some(40.0));
    assert_eq!(average[1], Some(42.0));
    assert_eq!(average[2], None);
    assert_eq!(average[3], Some(44.0)); // 40, 44, 48
    assert_eq!(average[4], Some(52.0)); // 44, 48, 64 (week 0 is outside the window)
    assert_eq!(average[8], Some(20.0)); // the window holds only itself
    assert_eq!(&average[5..8], &[None, None, None]);
}

#[test]
fn summaries_say_what_happened() {
    let weeks = Period::Weeks(12).weeks(&History::default(), week("2026-W47"));
    let mut values = vec![None; 12];
    values[0] = Some(40.0);
    values[11] = Some(56.0);
    assert_eq!(summarize(&line(&values), &weeks), Summary::Rose { from: 40.0, to: 56.0, weeks: 11 });
    values[11] = Some(32.0);
    assert_eq!(summarize(&line(&values), &weeks), Summary::Fell { from: 40.0, to: 32.0, weeks: 11 });
    values[11] = None;
    assert_eq!(summarize(&line(&values), &weeks), Summary::One { week: weeks[0], value: 40.0 });
    assert_eq!(summarize(&line(&[None; 12]), &weeks), Summary::NoReadings);
}

#[test]
fn periods_end_this_week_and_custom_periods_take_either_order() {
    let history = History { responses: vec![who5("2025-W50", 40)], ..Default::default() };
    let now = week("2026-W02");
    assert_eq!(Period::EIGHT_WEEKS.weeks(&history, now).len(), 8);
    assert_eq!(Period::SIX_MONTHS.weeks(&history, now).len(), 26);
    let all = Period::All.weeks(&history, now);
    assert_eq!((all[0], *all.last().unwrap(), all.len()), (week("2025-W50"), now, 5));
    let custom = Period::Custom(week("2026-W01"), week("2025-W52")).weeks(&history, now);
    assert_eq!(custom, vec![week("2025-W52"), week("2026-W01")]);
    // A history that runs past this week (a wrong clock) is still shown to its end.
    let ahead = History { responses: vec![who5("2026-W05", 40)], ..Default::default() };
    assert_eq!(*Period::EIGHT_WEEKS.weeks(&ahead, now).last().unwrap(), week("2026-W05"));
}

#[test]
fn the_radar_has_five_chime_axes_and_seven_job_axes_clockwise_from_the_top() {
    assert_eq!(radar_axes(current("chime5").unwrap()).len(), 5);
    let job = radar_axes(current("jobready7").unwrap());
    assert_eq!(job.len(), 7);
    assert!(job.iter().all(|a| a.link_id != "job-hours" && a.max == 10.0));
    let close = |(x, y): (f32, f32), (ex, ey): (f32, f32)| (x - ex).abs() < 1e-5 && (y - ey).abs() < 1e-5;
    assert!(close(radar_point(0, 4, 1.0), (0.0, -1.0)), "the first axis points up");
    assert!(close(radar_point(1, 4, 1.0), (1.0, 0.0)), "the second is clockwise, to the right");
    assert!(close(radar_point(2, 4, 0.5), (0.0, 0.5)));
    assert!(close(radar_point(3, 5, 0.0), (0.0, 0.0)));
}

#[test]
fn the_radar_overlays_the_first_a_chosen_and_the_latest_reading() {
    let history = demo::history(week("2026-W47"), 20);
    let chime = current("chime5").unwrap();
    let available = weeks_with(&history, "chime5");
    assert!(available.len() >= 15, "the demo misses few weeks");
    let middle = available[available.len() / 2];
    let chosen = radar_weeks(&available, Some(middle));
    assert_eq!(chosen, vec![available[0], middle, *available.last().unwrap()]);
    assert_eq!(radar_weeks(&available, Some(week("2020-W01"))).len(), 2, "an unrecorded week is ignored");
    assert_eq!(radar_weeks(&available[..1], None), vec![available[0]]);
    let readings = radar_readings(&history, chime, &chosen);
    assert_eq!(readings.len(), 3);
    assert!(readings.iter().all(|r| r.values.len() == 5 && r.values.iter().all(|v| v.is_some_and(|v| v <= 10.0))));
}

#[test]
fn the_demo_history_is_valid_realistic_and_ends_in_the_given_week() {
    let history = demo::history(week("2026-W47"), 520);
    for response in &history.responses {
        ugeblik::domain::response::validate(response).unwrap();
    }
    let (first, last) = history.span().unwrap();
    assert_eq!(last, week("2026-W47"));
    assert_eq!(last.ordinal() - first.ordinal(), 519);
    let weeks = Period::All.weeks(&history, last);
    let who5 = &trend(&history, &weeks, &[LineKey::Who5])[0];
    let missed = who5.values.iter().filter(|v| v.is_none()).count();
    assert!((30..=100).contains(&missed), "about one week in eight is missed: {missed}");
    let change = who5.change().unwrap();
    assert!(change.first.1 < 50.0 && change.latest.1 > change.first.1, "{change:?}");
}
