//! The progress screen's choices as the toolbar makes them: what each does to the chart's
//! choices, and which weeks the lists offer.

use ugeblik::domain::history::History;
use ugeblik::domain::series::{ChartChoices, LineKey, Period, MAX_WEEKS};
use ugeblik::session::trends::{compare_choices, custom_span, custom_weeks, Choice, PeriodButton, Toggle};

mod common;
use common::{response, week};

/// CHIME answered in the given weeks.
fn chime(weeks: &[&str]) -> History {
    History {
        responses: weeks.iter().map(|w| response(w, "chime5", &[("chime-c", 5)], None)).collect(),
        ..Default::default()
    }
}

#[test]
fn each_period_button_chooses_its_period_and_says_so() {
    let span = (week("2026-W10"), week("2026-W47"));
    let mut chart = ChartChoices::new(Period::SIX_MONTHS);
    for (button, period) in [
        (PeriodButton::EightWeeks, Period::EIGHT_WEEKS),
        (PeriodButton::All, Period::All),
        (PeriodButton::SixMonths, Period::SIX_MONTHS),
        (PeriodButton::Custom, Period::Custom(span.0, span.1)),
    ] {
        Choice::Period(button).apply(&mut chart, span);
        assert_eq!(chart.period, period, "{button:?}");
        let pressed: Vec<PeriodButton> = PeriodButton::ALL.into_iter().filter(|b| b.is_chosen(chart.period)).collect();
        assert_eq!(pressed, [button], "exactly the pressed button is chosen");
        assert_eq!(PeriodButton::from_id(button.id()), Some(button), "read back from its id");
    }
    // Pressed again, a custom period keeps the weeks chosen in it.
    Choice::From(week("2026-W20")).apply(&mut chart, span);
    Choice::Period(PeriodButton::Custom).apply(&mut chart, span);
    assert_eq!(chart.period, Period::Custom(week("2026-W20"), week("2026-W47")));
}

#[test]
fn the_custom_periods_ends_stay_in_order_and_only_move_a_custom_period() {
    let mut chart = ChartChoices::new(Period::Custom(week("2026-W10"), week("2026-W20")));
    let span = (week("2026-W01"), week("2026-W47"));
    Choice::To(week("2026-W05")).apply(&mut chart, span);
    assert_eq!(chart.period.weeks(&History::default(), week("2026-W47")).first(), Some(&week("2026-W05")));
    assert_eq!(chart.period.weeks(&History::default(), week("2026-W47")).last(), Some(&week("2026-W10")));
    Choice::From(week("2026-W30")).apply(&mut chart, span);
    assert_eq!(chart.period, Period::Custom(week("2026-W30"), week("2026-W10")));
    let mut eight = ChartChoices::new(Period::EIGHT_WEEKS);
    Choice::From(week("2026-W30")).apply(&mut eight, span);
    Choice::To(week("2026-W30")).apply(&mut eight, span);
    assert_eq!(eight.period, Period::EIGHT_WEEKS, "a list that is not shown changes nothing");
}

#[test]
fn lines_and_toggles_flip_and_the_rest_stays() {
    let span = (week("2026-W47"), week("2026-W47"));
    let mut chart = ChartChoices::new(Period::SIX_MONTHS);
    let before = chart.clone();
    let belief = LineKey::from_code("jobready7.job-belief").unwrap();
    Choice::Line(belief).apply(&mut chart, span);
    assert!(chart.lines.contains(&belief));
    Choice::Line(LineKey::Who5).apply(&mut chart, span);
    assert!(!chart.lines.contains(&LineKey::Who5));
    for toggle in Toggle::ALL {
        assert!(!toggle.is_on(&chart));
        Choice::Toggle(toggle).apply(&mut chart, span);
        assert!(toggle.is_on(&chart), "{toggle:?}");
        assert_eq!(Toggle::from_id(toggle.id()), Some(toggle));
    }
    Choice::Lines.apply(&mut chart, span);
    assert!(chart.lines_open);
    assert!(!chart.more_open, "a phone shows the picture first, the choices folded away");
    Choice::More.apply(&mut chart, span);
    assert!(chart.more_open);
    Choice::Compare(Some(week("2026-W40"))).apply(&mut chart, span);
    assert_eq!(chart.compare, Some(week("2026-W40")));
    // Undone, every choice leaves the choices as they were.
    Choice::Line(belief).apply(&mut chart, span);
    Choice::Line(LineKey::Who5).apply(&mut chart, span);
    Toggle::ALL.into_iter().for_each(|t| Choice::Toggle(t).apply(&mut chart, span));
    Choice::Lines.apply(&mut chart, span);
    Choice::More.apply(&mut chart, span);
    Choice::Compare(None).apply(&mut chart, span);
    let mut lines = chart.lines.clone();
    lines.sort_by_key(|k| k.code());
    let mut expected = before.lines.clone();
    expected.sort_by_key(|k| k.code());
    assert_eq!(lines, expected);
    assert_eq!(ChartChoices { lines: before.lines.clone(), ..chart }, before);
}

#[test]
fn a_custom_period_starts_as_the_whole_history_and_its_lists_offer_its_weeks() {
    let now = week("2026-W47");
    let history = chime(&["2026-W40", "2026-W44"]);
    assert_eq!(custom_span(&history, now), (week("2026-W40"), now), "to this week");
    assert_eq!(custom_span(&History::default(), now), (now, now), "this week alone when there is nothing");
    assert_eq!(custom_weeks(&history, now, Period::All), None, "no lists unless the period is custom");
    let lists = custom_weeks(&history, now, Period::Custom(week("2026-W42"), week("2026-W45"))).unwrap();
    assert_eq!(lists.from.1, week("2026-W42"));
    assert_eq!(lists.to.1, week("2026-W45"));
    assert_eq!(lists.from.0.first(), Some(&week("2026-W40")));
    assert_eq!(lists.from.0.last(), Some(&now));
    assert_eq!(lists.from.0.len(), 8);
    // A chosen end outside the history is offered too, so that the list shows it.
    let wide = custom_weeks(&history, now, Period::Custom(week("2026-W30"), now)).unwrap();
    assert_eq!(wide.from.0.first(), Some(&week("2026-W30")));
    assert_eq!(wide.from.0.len(), 9);
    // A century of history offers at most ten years of weeks.
    let century = chime(&["2000-W01", "2099-W52"]);
    let lists = custom_weeks(&century, now, Period::Custom(week("2000-W01"), week("2099-W52"))).unwrap();
    assert!(lists.from.0.len() <= MAX_WEEKS + 1 && lists.to.0.len() <= MAX_WEEKS + 1, "{}", lists.from.0.len());
    assert_eq!(lists.to.1, week("2099-W52"));
}

#[test]
fn the_radars_offer_the_readings_between_the_first_and_the_latest() {
    let history = chime(&["2026-W30", "2026-W38", "2026-W42", "2026-W44", "2026-W47"]);
    let weeks = Period::All.weeks(&history, week("2026-W47"));
    let (offered, chosen) = compare_choices(&history, &weeks, None);
    assert_eq!(offered, [week("2026-W38"), week("2026-W42"), week("2026-W44")]);
    assert_eq!(chosen, Some(week("2026-W42")), "by default the reading nearest four weeks before the latest");
    assert_eq!(compare_choices(&history, &weeks, Some(week("2026-W38"))).1, Some(week("2026-W38")));
    assert_eq!(compare_choices(&history, &weeks, Some(week("2026-W47"))).1, Some(week("2026-W42")), "not the latest");
    let two = chime(&["2026-W30", "2026-W47"]);
    assert_eq!(compare_choices(&two, &weeks, None), (vec![], None), "nothing between two readings");
}
