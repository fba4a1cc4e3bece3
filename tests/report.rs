//! The provider's report across citizens (issue 21), on small hand-made caseloads: every
//! figure, with ties, missing weeks, a citizen with one week, and suppression below five.

mod common;

use common::{response, week};
use ugeblik::domain::history::History;
use ugeblik::domain::progression::{Goal, Outcome, Work};
use ugeblik::domain::report::{band, median, report, Cell, MIN_CELL};

/// A citizen's WHO-5 answers: `(week, the five answers all this value)`; percent = value × 20.
fn citizen(weeks: &[(&str, u8)]) -> History {
    let mut history = History::default();
    for (w, v) in weeks {
        let answers: Vec<(&str, u8)> = ["1", "2", "3", "4", "5"].iter().map(|i| (*i, *v)).collect();
        history.upsert(response(w, "who5", &answers, None));
    }
    history
}

fn shown<T: Copy>(cell: Cell<T>) -> T {
    match cell {
        Cell::Shown(value) => value,
        Cell::Few => panic!("suppressed"),
    }
}

#[test]
fn the_median_is_the_middle_value_or_the_mean_of_the_two_middle_ones() {
    assert_eq!(median(&mut []), None);
    assert_eq!(median(&mut [3.0]), Some(3.0));
    assert_eq!(median(&mut [9.0, 1.0, 5.0]), Some(5.0));
    assert_eq!(median(&mut [4.0, 1.0, 9.0, 2.0]), Some(3.0));
    // Ties.
    assert_eq!(median(&mut [2.0, 2.0, 2.0, 7.0]), Some(2.0));
    assert_eq!(median(&mut [5.0, 5.0, 6.0, 6.0]), Some(5.5));
}

#[test]
fn the_who5_bands_are_at_most_28_29_to_49_and_50_or_more() {
    assert_eq!([0, 28, 29, 48, 49, 50, 100].map(band), [0, 0, 1, 1, 1, 2, 2]);
}

#[test]
fn each_figure_of_a_small_caseload() {
    // Six citizens over weeks 40–47; one answered only once, one missed weeks, one has
    // answers outside the period.
    let citizens = vec![
        citizen(&[("2026-W40", 1), ("2026-W47", 3)]), // 20 → 60: rose, band 0 → 2
        citizen(&[("2026-W40", 2), ("2026-W44", 2), ("2026-W46", 3)]), // 40 → 60: rose 20
        citizen(&[("2026-W41", 3)]),                  // one week: 60 → 60, not a pair
        citizen(&[("2026-W40", 4), ("2026-W47", 2)]), // 80 → 40: fell
        citizen(&[("2026-W39", 0), ("2026-W42", 2), ("2026-W45", 2)]), // W39 outside: 40 → 40
        citizen(&[("2026-W43", 2), ("2026-W47", 2), ("2026-W50", 5)]), // W50 outside: 40 → 40
    ];
    let r = report(&citizens, &[], week("2026-W40"), week("2026-W47"));
    assert_eq!(shown(r.citizens), 6);
    // 2 + 3 + 1 + 2 + 2 + 2 weeks answered in the period.
    assert_eq!(shown(r.weeks_answered), 12);
    let who5 = &r.measures[0];
    assert_eq!(who5.code, "who5");
    assert_eq!(shown(who5.citizens), 6);
    // First: 20, 40, 60, 80, 40, 40 → sorted 20 40 40 40 60 80 → (40 + 40) / 2.
    assert_eq!(shown(who5.first), 40.0);
    // Latest: 60, 60, 60, 40, 40, 40 → 40 40 40 60 60 60 → 50.
    assert_eq!(shown(who5.latest), 50.0);
    // Five citizens answered in two different weeks; two rose by 10 or more, one fell.
    assert_eq!(shown(r.who5_pairs), 5);
    assert_eq!(r.who5_rose, Cell::Few, "2 citizens: fewer than {MIN_CELL}, not shown");
    assert_eq!(r.who5_fell, Cell::Few);
    // Bands: start 0,1,2,2,1,1 → end 2,2,2,1,1,1: every cell has fewer than five.
    assert!(r.bands.iter().flatten().all(|c| *c == Cell::Few));
    // The self-ratings: nobody answered them.
    assert!(r.measures[1..].iter().all(|m| m.citizens == Cell::Few && m.first == Cell::Few));
}

#[test]
fn fewer_than_five_citizens_show_nothing_but_five_show_everything() {
    let four: Vec<History> = (0..4).map(|_| citizen(&[("2026-W40", 1), ("2026-W47", 4)])).collect();
    let r = report(&four, &[], week("2026-W40"), week("2026-W47"));
    assert_eq!(r.citizens, Cell::Few);
    assert_eq!(r.weeks_answered, Cell::Few, "a sum over four citizens is not shown either");
    assert_eq!(r.measures[0].first, Cell::Few);
    assert_eq!(r.who5_rose, Cell::Few);
    let five: Vec<History> = (0..5).map(|_| citizen(&[("2026-W40", 1), ("2026-W47", 4)])).collect();
    let r = report(&five, &[], week("2026-W40"), week("2026-W47"));
    assert_eq!(shown(r.citizens), 5);
    assert_eq!(shown(r.measures[0].first), 20.0);
    assert_eq!(shown(r.measures[0].latest), 80.0);
    assert_eq!((shown(r.who5_pairs), shown(r.who5_rose)), (5, 5));
    assert_eq!(r.who5_fell, Cell::Few, "none fell: a cell of 0 is fewer than five too");
    assert_eq!(shown(r.bands[0][2]), 5);
}

#[test]
fn a_change_of_ten_or_more_counts_and_less_does_not() {
    // The percentage moves in steps of 4: from 40, one answer 3 points up is +12 (counts),
    // 2 points up +8 (does not).
    let mut citizens = Vec::new();
    for up in [3u8, 3, 3, 3, 3, 2, 2, 2, 2, 2] {
        let mut history = History::default();
        history.upsert(response("2026-W40", "who5", &[("1", 2), ("2", 2), ("3", 2), ("4", 2), ("5", 2)], None));
        history.upsert(response("2026-W41", "who5", &[("1", 2 + up), ("2", 2), ("3", 2), ("4", 2), ("5", 2)], None));
        citizens.push(history);
    }
    let r = report(&citizens, &[], week("2026-W40"), week("2026-W41"));
    // +3 answer points = +12 %; +2 = +8 %: five rose.
    assert_eq!((shown(r.who5_pairs), shown(r.who5_rose)), (10, 5));
}

#[test]
fn hours_attendance_and_goals() {
    let mut citizens = Vec::new();
    for n in 0..6u32 {
        let mut history = citizen(&[("2026-W40", 2)]);
        let work = |worked: u32, attended: u8| Work {
            planned_minutes: Some(600),
            worked_minutes: Some(worked * 60),
            days_planned: Some(3),
            days_attended: Some(attended),
            absence: None,
        };
        history.set_work(week("2026-W40"), work(2 + n, 2), "2026-10-02T10:00:00Z");
        history.set_work(week("2026-W47"), work(10 + n, 3), "2026-11-20T10:00:00Z");
        // A week outside the period is not counted.
        history.set_work(week("2026-W48"), work(40, 0), "2026-11-27T10:00:00Z");
        let mut goal = Goal {
            id: format!("g{n}"),
            what: "Mød op".into(),
            measure: "Jeg kommer".into(),
            by: None,
            set: week("2026-W41"),
            authored: "t".into(),
            closed: None,
            replaces: None,
            checks: Vec::new(),
        };
        if n < 5 {
            goal.close(week("2026-W45"), Outcome::Reached, "t");
        }
        history.goals.push(goal);
        citizens.push(history);
    }
    let r = report(&citizens, &[], week("2026-W40"), week("2026-W47"));
    assert_eq!(shown(r.hours_citizens), 6);
    // First weeks 2..7 h → median 4.5; latest 10..15 h → 12.5.
    assert_eq!((shown(r.hours_first), shown(r.hours_latest)), (4.5, 12.5));
    // (2 + 3) days attended of (3 + 3) planned, each: 5/6 = 83 %.
    assert_eq!(shown(r.attendance), 83);
    assert_eq!(shown(r.goals_set), 6);
    assert_eq!(shown(r.goals_reached), 5);
    assert_eq!(r.goals_changed, Cell::Few);
    assert_eq!(r.goals_dropped, Cell::Few);
}

#[test]
fn the_csv_names_every_figure_once_and_writes_suppressed_cells_as_under_five() {
    use ugeblik::domain::report::figure;
    assert_eq!(figure(Cell::Shown(4.5f64)), "4.5");
    assert_eq!(figure(Cell::Shown(40.0f64)), "40");
    assert_eq!(figure(Cell::Shown(7.0f64 / 3.0)), "2.33");
    assert_eq!(figure::<f64>(Cell::Few), "< 5");
    let citizens: Vec<History> =
        (0..6).map(|n| citizen(&[("2026-W40", 1 + n % 3), ("2026-W47", 1 + (n + 1) % 4)])).collect();
    let r = report(&citizens, &[], week("2026-W40"), week("2026-W47"));
    let csv = r.csv();
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "figure,value");
    assert_eq!(lines.len() - 1, r.rows().len());
    let value = |name: &str| r.rows().into_iter().find(|(n, _)| n == name).map(|(_, v)| v).unwrap();
    assert_eq!(value("period.from"), "2026-W40");
    assert_eq!(value("citizens"), "6");
    assert_eq!(value("weeks_answered"), "12");
    assert_eq!(value("who5.median_first"), figure(r.measures[0].first));
    // Six citizens, none with hours or goals: every such cell is "< 5".
    assert_eq!(value("hours.median_first"), "< 5");
    assert_eq!(value("goals.set"), "< 5");
    // Every name once.
    let mut names: Vec<String> = r.rows().into_iter().map(|(n, _)| n).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), r.rows().len());
    // No nickname or free text can be in it: only these names and figures.
    assert!(csv.lines().skip(1).all(|l| l.split(',').count() == 2));
}

#[test]
fn others_readings_are_measures_of_their_own_and_never_the_citizens() {
    use common::reading;
    use ugeblik::domain::rater::{Readings, Role};
    // Six citizens with the same own job readiness; a consultant rates five of them twice
    // (3, then 3 + n), a workplace rates four once.
    let citizens: Vec<History> = (0..6)
        .map(|_| {
            let mut history = citizen(&[("2026-W40", 2)]);
            history.upsert(response("2026-W40", "jobready7", &[("job-ability", 7)], None));
            history
        })
        .collect();
    let readings: Vec<Readings> = (0..6u8)
        .map(|n| {
            let mut theirs = Readings::default();
            if n < 5 {
                theirs.upsert(reading(&format!("c{n}a"), "2026-W41", Role::Consultant, Some("MK"), 3));
                theirs.upsert(reading(&format!("c{n}b"), "2026-W45", Role::Mentor, None, 3 + n));
            }
            if n < 4 {
                theirs.upsert(reading(&format!("w{n}"), "2026-W44", Role::Employer, None, 4));
            }
            theirs
        })
        .collect();
    let r = report(&citizens, &readings, week("2026-W40"), week("2026-W47"));
    let row = |code: &str| r.measures.iter().find(|m| m.code == code).unwrap_or_else(|| panic!("no {code}"));
    // The citizen's own answer is theirs alone: 7 for all six, whatever the raters said.
    assert_eq!((shown(row("jobready7.job-ability").first), shown(row("jobready7.job-ability").latest)), (7.0, 7.0));
    // The consultant's and mentor's rating together: first 3 for five; latest 3..7, median 5.
    let rated = row("jobready7-rater.job-ability");
    assert_eq!((shown(rated.citizens), shown(rated.first), shown(rated.latest)), (5, 3.0, 5.0));
    // The workplace's evaluation: four citizens, "< 5".
    let workplace = r.measures.iter().find(|m| m.code.starts_with("placement5.")).unwrap();
    assert_eq!((workplace.citizens, workplace.first), (Cell::Few, Cell::Few));
    // Counted citizens and weeks are the citizens' own answers only.
    assert_eq!(shown(r.citizens), 6);
    assert_eq!(shown(r.weeks_answered), 6);
    // Without readings, the raters' measures are there and "< 5".
    let none = report(&citizens, &[], week("2026-W40"), week("2026-W47"));
    assert!(none.measures.iter().filter(|m| m.code.contains("-rater.")).all(|m| m.citizens == Cell::Few));
}
