//! The provider's report on an existing analytics engine (issue 21, item 4): 1,000 made-up
//! citizens' canonical CSV exports, the report computed by the app's code and by DuckDB
//! (`report/report.sql`, run by `report/report.py` with the Python package the test command
//! installs), and every figure equal.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use common::week;
use ugeblik::domain::demo;
use ugeblik::domain::history::History;
use ugeblik::domain::rater::Readings;
use ugeblik::domain::report::{report, Cell, Report};
use ugeblik::domain::week::IsoWeek;
use ugeblik::formats::csv::to_csv;
use ugeblik::formats::export::export;

const CITIZENS: u32 = 1000;

/// The app's figures under the names report.sql gives them; `None` for "< 5".
fn flat(report: &Report) -> BTreeMap<String, Option<f64>> {
    let mut out = BTreeMap::new();
    let count = |c: Cell<usize>| match c {
        Cell::Shown(n) => Some(n as f64),
        Cell::Few => None,
    };
    let value = |c: Cell<f64>| match c {
        Cell::Shown(v) => Some(v),
        Cell::Few => None,
    };
    out.insert("citizens".into(), count(report.citizens));
    out.insert("weeksAnswered".into(), count(report.weeks_answered));
    for m in &report.measures {
        out.insert(format!("measure:{}:citizens", m.code), count(m.citizens));
        out.insert(format!("measure:{}:first", m.code), value(m.first));
        out.insert(format!("measure:{}:latest", m.code), value(m.latest));
    }
    out.insert("who5Pairs".into(), count(report.who5_pairs));
    out.insert("who5Rose".into(), count(report.who5_rose));
    out.insert("who5Fell".into(), count(report.who5_fell));
    for (start, row) in report.bands.iter().enumerate() {
        for (end, cell) in row.iter().enumerate() {
            out.insert(format!("band:{start}:{end}"), count(*cell));
        }
    }
    out.insert("hoursCitizens".into(), count(report.hours_citizens));
    out.insert("hoursFirst".into(), value(report.hours_first));
    out.insert("hoursLatest".into(), value(report.hours_latest));
    out.insert(
        "attendance".into(),
        match report.attendance {
            Cell::Shown(p) => Some(f64::from(p)),
            Cell::Few => None,
        },
    );
    out.insert("goalsSet".into(), count(report.goals_set));
    out.insert("goalsReached".into(), count(report.goals_reached));
    out.insert("goalsChanged".into(), count(report.goals_changed));
    out.insert("goalsDropped".into(), count(report.goals_dropped));
    out
}

#[test]
fn duckdb_computes_every_figure_of_the_report_the_same_from_the_csv_exports() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let python = std::env::var("UGEBLIK_PYTHON").map_or_else(|_| root.join("target/py/bin/python"), PathBuf::from);
    assert!(
        python.exists(),
        "{} is missing: ./scripts/test.sh installs DuckDB's Python package there (scripts/tools.sh, ensure_duckdb)",
        python.display()
    );
    let dir = std::env::temp_dir().join(format!("ugeblik-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let last = week("2026-W47");
    let (from, to) = (week("2026-W10"), week("2026-W45"));
    let mut citizens: Vec<History> = (0..CITIZENS).map(|n| demo::history_of(n, last, 52)).collect();
    // Every seventh citizen answered twice in their first and their latest week of the
    // period: a later answer and an earlier one, each with other values, the earlier put
    // last in the file. The week's value is the one given later, on both sides.
    for history in citizens.iter_mut().step_by(7) {
        answered_twice(history, from, to);
    }
    // Every third citizen's file carries a consultant's, a mentor's and a workplace's
    // readings too: measures of their own on both sides, never mixed with the citizens'.
    let readings: Vec<Readings> =
        (0..CITIZENS).map(|n| if n % 3 == 0 { demo::readings(last) } else { Readings::default() }).collect();
    for (n, history) in citizens.iter().enumerate() {
        let file = export(history, &readings[n], "2026-11-22T12:00:00Z", "test", None);
        std::fs::write(dir.join(format!("citizen-{n:04}.csv")), to_csv(&file)).unwrap();
    }
    let app = flat(&report(&citizens, &readings, from, to));
    let output = Command::new(&python)
        .arg(root.join("report/report.py"))
        .arg(&dir)
        .arg(from.to_string())
        .arg(to.to_string())
        .output()
        .expect("report.py runs");
    std::fs::remove_dir_all(&dir).ok();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let duckdb: BTreeMap<String, Option<f64>> = serde_json::from_slice(&output.stdout).unwrap();
    // Not a comparison of nothing: most figures are shown.
    assert_eq!(app["citizens"], Some(f64::from(CITIZENS)));
    assert!(app.values().filter(|v| v.is_some()).count() > 30, "{app:#?}");
    // Others' readings are counted too (a third of the citizens have them).
    assert!(app["measure:jobready7-rater.job-ability:citizens"].is_some_and(|n| n > 300.0), "{app:#?}");
    assert!(app["measure:placement5.place-tasks:citizens"].is_some(), "{app:#?}");
    for (figure, mine) in &app {
        // A figure DuckDB has no row for counts no one: "< 5" on both sides.
        let theirs = duckdb.get(figure).copied().flatten();
        match (mine, theirs) {
            (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9, "{figure}: the app {a}, DuckDB {b}"),
            (a, b) => assert_eq!(*a, b, "{figure}: the app {a:?}, DuckDB {b:?}"),
        }
    }
    for figure in duckdb.keys() {
        assert!(app.contains_key(figure), "DuckDB has a figure the app does not: {figure}");
    }
}

/// Adds to `history`, in its first and its latest week with a WHO-5 in `from..=to`, a WHO-5
/// and a CHIME given later that day with other answers, and one given earlier with others
/// again, the earlier put after the later.
fn answered_twice(history: &mut History, from: IsoWeek, to: IsoWeek) {
    let in_period: Vec<_> = history
        .responses
        .iter()
        .filter(|r| r.instrument == "who5" && (from..=to).contains(&r.week))
        .map(|r| r.week)
        .collect();
    let (Some(first), Some(latest)) = (in_period.iter().min().copied(), in_period.iter().max().copied()) else {
        return;
    };
    let originals: Vec<_> = history
        .responses
        .iter()
        .filter(|r| (r.week == first || r.week == latest) && (r.instrument == "who5" || r.instrument == "chime5"))
        .cloned()
        .collect();
    for original in originals {
        for (when, shift) in [("23:00:00Z", 2), ("00:00:01Z", 1)] {
            let mut again = original.clone();
            again.id = format!("{}-{when}", original.id);
            again.authored = format!("{}T{when}", &original.authored[..10]);
            let top = if original.instrument == "who5" { 6 } else { 11 };
            for value in again.answers.values_mut() {
                *value = (*value + shift) % top;
            }
            history.responses.push(again);
        }
    }
}
