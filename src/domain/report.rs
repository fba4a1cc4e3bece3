//! The provider's report across citizens (issue 21): for a period and many citizens'
//! histories, how many answered and how often, each measure's median first and latest
//! value, how many rose or fell by a meaningful amount on the WHO-5, the WHO-5 band at the
//! start against the end, hours and attendance, and the goals. Anonymous by construction:
//! it takes no nickname and no free text, and every figure that counts or summarises fewer
//! than [`MIN_CELL`] citizens is [`Cell::Few`] ("< 5").
//!
//! The definitions (the DuckDB SQL over the canonical CSV, still to come in issue 21, is to
//! compute them the same way):
//! - a citizen is counted when they answered anything in the period; a week answered is a
//!   week in the period with any response of theirs;
//! - a measure's first and latest value are the citizen's values of the first and the
//!   latest week in the period with that value (the WHO-5: a complete response's
//!   percentage; a 0–10 item: its answer); the median is the middle value, or the mean of
//!   the two middle values;
//! - rose / fell: among citizens with a WHO-5 percentage in two different weeks of the
//!   period, those whose latest is 10 or more above / below their first;
//! - bands: ≤ 28, 29–49, ≥ 50, of the first and of the latest percentage;
//! - hours: the first and latest week's hours worked (and planned) of those with any;
//!   attendance: all days attended over all days planned in the period, in percent;
//! - goals: set in the period; reached, changed, dropped: closed so in the period;
//! - others' readings of the citizens (issue 20) are measures of their own, never mixed
//!   with the citizens' answers: each 0–10 item of the consultant's or mentor's rating
//!   (`jobready7-rater.…`) and of the workplace's evaluation (`placement5.…`), its first
//!   and latest value per citizen as above (all raters of the instrument together; of two
//!   readings in a week, the later given).
//!
//! Pure and host-tested (`tests/report.rs`).

use serde::{Serialize, Serializer};

use crate::domain::history::History;
use crate::domain::instrument::{current, WHO5_ID};
use crate::domain::progression::Outcome;
use crate::domain::rater::{Readings, RATED};
use crate::domain::response::who5_score;
use crate::domain::series::{WHO5_LOW_MAX, WHO5_POOR_BELOW};
use crate::domain::week::IsoWeek;

/// Fewer citizens than this in a figure, and it is not shown.
pub const MIN_CELL: usize = 5;
/// A change of the WHO-5 percentage this large is meaningful.
pub const MEANINGFUL: i32 = 10;

/// A figure of the report: a count or a value, or too few citizens behind it to show.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell<T> {
    Shown(T),
    /// Fewer than [`MIN_CELL`] citizens: shown as "< 5".
    Few,
}

/// As the report's file writes a figure: the value, or the text `"< 5"`.
impl<T: Serialize> Serialize for Cell<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Shown(value) => value.serialize(serializer),
            Cell::Few => serializer.serialize_str("< 5"),
        }
    }
}

impl Cell<usize> {
    /// A count of citizens.
    pub fn count(n: usize) -> Cell<usize> {
        if n < MIN_CELL {
            Cell::Few
        } else {
            Cell::Shown(n)
        }
    }
}

impl<T> Cell<T> {
    /// The value shown, made into another; "< 5" stays.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Cell<U> {
        match self {
            Cell::Shown(value) => Cell::Shown(f(value)),
            Cell::Few => Cell::Few,
        }
    }

    /// A value summarising `citizens` citizens.
    pub fn of(citizens: usize, value: T) -> Cell<T> {
        if citizens < MIN_CELL {
            Cell::Few
        } else {
            Cell::Shown(value)
        }
    }
}

/// One measure's row: how many citizens have it, and their median first and latest value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeasureRow {
    /// `who5` or `instrument.linkId`.
    pub code: String,
    pub citizens: Cell<usize>,
    pub first: Cell<f64>,
    pub latest: Cell<f64>,
}

/// The WHO-5 bands, low to high: ≤ 28, 29–49, ≥ 50.
pub const BANDS: usize = 3;

/// The report.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub from: IsoWeek,
    pub to: IsoWeek,
    pub citizens: Cell<usize>,
    pub weeks_answered: Cell<usize>,
    pub measures: Vec<MeasureRow>,
    /// Citizens with a WHO-5 percentage in two different weeks, and of them those who rose
    /// and fell by [`MEANINGFUL`] or more.
    pub who5_pairs: Cell<usize>,
    pub who5_rose: Cell<usize>,
    pub who5_fell: Cell<usize>,
    /// `bands[start][end]`: citizens by their first and latest WHO-5 band.
    pub bands: [[Cell<usize>; BANDS]; BANDS],
    /// Hours worked a week: citizens with any, their median first and latest week.
    pub hours_citizens: Cell<usize>,
    pub hours_first: Cell<f64>,
    pub hours_latest: Cell<f64>,
    /// Days attended over days planned in the period, in percent (whole).
    pub attendance: Cell<u32>,
    /// Goals set in the period, and closed in it as reached, changed or dropped: counts of
    /// goals, shown when five citizens or more had one.
    pub goals_set: Cell<usize>,
    pub goals_reached: Cell<usize>,
    pub goals_changed: Cell<usize>,
    pub goals_dropped: Cell<usize>,
}

/// The median of `values` (sorted here): the middle one, or the mean of the two middle ones.
pub fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

/// The band of a WHO-5 percentage: 0 (≤ 28), 1 (29–49), 2 (≥ 50).
pub fn band(percent: u8) -> usize {
    let p = f32::from(percent);
    if p <= WHO5_LOW_MAX {
        0
    } else if p < WHO5_POOR_BELOW {
        1
    } else {
        2
    }
}

/// A citizen's values of one measure in the period, by week (the latest authored of a week).
pub(crate) fn series(history: &History, code: &str, from: IsoWeek, to: IsoWeek) -> Vec<(IsoWeek, f64)> {
    by_week(history.responses.iter(), code, from, to)
}

/// Whether `code` is a measure of others' readings (an instrument of [`RATED`]).
pub fn is_rated(code: &str) -> bool {
    code.split_once('.').is_some_and(|(id, _)| RATED.iter().any(|i| i.id == id))
}

/// `responses`' values of one measure in the period, by week (the latest authored of a week).
fn by_week<'a>(
    responses: impl Iterator<Item = &'a crate::domain::response::Response>,
    code: &str,
    from: IsoWeek,
    to: IsoWeek,
) -> Vec<(IsoWeek, f64)> {
    let mut weeks: Vec<(IsoWeek, String, f64)> = responses
        .filter(|r| (from..=to).contains(&r.week))
        .filter_map(|r| {
            let value = if code == WHO5_ID {
                (r.instrument == WHO5_ID).then(|| who5_score(r)).flatten().map(|s| f64::from(s.percent))
            } else {
                let (instrument, link_id) = code.split_once('.')?;
                (r.instrument == instrument).then(|| r.answers.get(link_id).map(|v| f64::from(*v))).flatten()
            };
            Some((r.week, r.authored.clone(), value?))
        })
        .collect();
    weeks.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    let mut out: Vec<(IsoWeek, f64)> = Vec::new();
    for (week, _, value) in weeks {
        match out.last_mut() {
            Some(last) if last.0 == week => last.1 = value,
            _ => out.push((week, value)),
        }
    }
    out
}

/// Every measure the report has a row for: the WHO-5, then each 0–10 item of CHIME and job
/// readiness, in the catalogue's order; then each item of others' readings ([`RATED`]).
pub fn measures() -> Vec<String> {
    let mut codes = vec![WHO5_ID.to_owned()];
    for id in ["chime5", "jobready7"] {
        if let Some(instrument) = current(id) {
            codes.extend(
                instrument
                    .items
                    .iter()
                    .filter(|i| matches!(i.scale, crate::domain::instrument::Scale::Rating { .. }))
                    .map(|i| format!("{id}.{}", i.link_id)),
            );
        }
    }
    for instrument in &RATED {
        let rated =
            instrument.items.iter().filter(|i| matches!(i.scale, crate::domain::instrument::Scale::Rating { .. }));
        codes.extend(rated.map(|i| format!("{}.{}", instrument.id, i.link_id)));
    }
    codes
}

/// The report over `citizens`' histories for the weeks `from` to `to`, with others'
/// readings of them (`readings[i]` of `citizens[i]`; none where it is missing).
pub fn report(citizens: &[History], readings: &[Readings], from: IsoWeek, to: IsoWeek) -> Report {
    let in_period = |w: IsoWeek| (from..=to).contains(&w);
    let mut counted = 0;
    let mut weeks_answered = 0;
    for history in citizens {
        let mut weeks: Vec<IsoWeek> = history.responses.iter().map(|r| r.week).filter(|w| in_period(*w)).collect();
        weeks.sort_unstable();
        weeks.dedup();
        if !weeks.is_empty() {
            counted += 1;
            weeks_answered += weeks.len();
        }
    }
    let measures = measures()
        .into_iter()
        .map(|code| {
            let (mut first, mut latest) = (Vec::new(), Vec::new());
            let rated = is_rated(&code);
            for (n, history) in citizens.iter().enumerate() {
                let values = match (rated, readings.get(n)) {
                    (false, _) => series(history, &code, from, to),
                    (true, Some(theirs)) => by_week(theirs.readings.iter().map(|r| &r.response), &code, from, to),
                    (true, None) => Vec::new(),
                };
                if let (Some(a), Some(b)) = (values.first(), values.last()) {
                    first.push(a.1);
                    latest.push(b.1);
                }
            }
            let n = first.len();
            MeasureRow {
                code,
                citizens: Cell::count(n),
                first: median(&mut first).map_or(Cell::Few, |m| Cell::of(n, m)),
                latest: median(&mut latest).map_or(Cell::Few, |m| Cell::of(n, m)),
            }
        })
        .collect();
    let (mut pairs, mut rose, mut fell) = (0, 0, 0);
    let mut bands = [[0usize; BANDS]; BANDS];
    for history in citizens {
        let values = series(history, WHO5_ID, from, to);
        let (Some(first), Some(latest)) = (values.first(), values.last()) else { continue };
        bands[band(first.1 as u8)][band(latest.1 as u8)] += 1;
        if first.0 != latest.0 {
            pairs += 1;
            let change = latest.1 as i32 - first.1 as i32;
            rose += usize::from(change >= MEANINGFUL);
            fell += usize::from(change <= -MEANINGFUL);
        }
    }
    let (mut hours_first, mut hours_latest) = (Vec::new(), Vec::new());
    let (mut attended, mut planned) = (0u32, 0u32);
    let mut attendance_citizens = 0;
    for history in citizens {
        let mut worked: Vec<(IsoWeek, f64)> = history
            .work
            .iter()
            .filter(|w| in_period(w.week))
            .filter_map(|w| Some((w.week, f64::from(w.work.worked_minutes?) / 60.0)))
            .collect();
        worked.sort_by_key(|w| w.0);
        if let (Some(a), Some(b)) = (worked.first(), worked.last()) {
            hours_first.push(a.1);
            hours_latest.push(b.1);
        }
        let days: Vec<(u32, u32)> = history
            .work
            .iter()
            .filter(|w| in_period(w.week))
            .filter_map(|w| Some((u32::from(w.work.days_attended?), u32::from(w.work.days_planned?))))
            .collect();
        if !days.is_empty() {
            attendance_citizens += 1;
            attended += days.iter().map(|d| d.0).sum::<u32>();
            planned += days.iter().map(|d| d.1).sum::<u32>();
        }
    }
    let hours_n = hours_first.len();
    // Rounded to the nearest whole percent.
    let attendance = (attended * 100 + planned / 2)
        .checked_div(planned)
        .map_or(Cell::Few, |percent| Cell::of(attendance_citizens, percent));
    // Goals are counted, but shown only when five citizens or more stand behind the count.
    let goals = |counts: &dyn Fn(&crate::domain::progression::Goal) -> bool| {
        let per: Vec<usize> = citizens.iter().map(|h| h.goals.iter().filter(|g| counts(g)).count()).collect();
        Cell::of(per.iter().filter(|n| **n > 0).count(), per.iter().sum::<usize>())
    };
    let closed = |outcome: Outcome| {
        goals(&move |g| g.closed.as_ref().is_some_and(|c| c.outcome == outcome && in_period(c.week)))
    };
    Report {
        from,
        to,
        citizens: Cell::count(counted),
        weeks_answered: Cell::of(counted, weeks_answered),
        measures,
        who5_pairs: Cell::count(pairs),
        who5_rose: Cell::count(rose),
        who5_fell: Cell::count(fell),
        bands: bands.map(|row| row.map(Cell::count)),
        hours_citizens: Cell::count(hours_n),
        hours_first: median(&mut hours_first).map_or(Cell::Few, |m| Cell::of(hours_n, m)),
        hours_latest: median(&mut hours_latest).map_or(Cell::Few, |m| Cell::of(hours_n, m)),
        attendance,
        goals_set: goals(&|g| in_period(g.set)),
        goals_reached: closed(Outcome::Reached),
        goals_changed: closed(Outcome::Changed),
        goals_dropped: closed(Outcome::Dropped),
    }
}

/// A figure as the report's CSV and screen give it: "< 5" when suppressed, a number with
/// at most two decimals (a point; the screen writes the language's separator).
pub fn figure<T: Into<f64> + Copy>(cell: Cell<T>) -> String {
    match cell {
        Cell::Few => "< 5".to_owned(),
        Cell::Shown(value) => {
            let text = format!("{:.2}", value.into());
            text.trim_end_matches('0').trim_end_matches('.').to_owned()
        }
    }
}

/// A count as [`figure`] takes it (a count of citizens is far below `u32::MAX`).
pub fn count_cell(cell: Cell<usize>) -> Cell<u32> {
    cell.map(|n| u32::try_from(n).unwrap_or(u32::MAX))
}

impl Report {
    /// Every figure, named, in the order of the report: what its CSV holds, one row each.
    pub fn rows(&self) -> Vec<(String, String)> {
        let count = |cell: Cell<usize>| figure(count_cell(cell));
        let mut rows = vec![
            ("period.from".to_owned(), self.from.to_string()),
            ("period.to".to_owned(), self.to.to_string()),
            ("citizens".to_owned(), count(self.citizens)),
            ("weeks_answered".to_owned(), count(self.weeks_answered)),
        ];
        for m in &self.measures {
            rows.push((format!("{}.citizens", m.code), count(m.citizens)));
            rows.push((format!("{}.median_first", m.code), figure(m.first)));
            rows.push((format!("{}.median_latest", m.code), figure(m.latest)));
        }
        rows.push(("who5.two_weeks".to_owned(), count(self.who5_pairs)));
        rows.push(("who5.rose_10".to_owned(), count(self.who5_rose)));
        rows.push(("who5.fell_10".to_owned(), count(self.who5_fell)));
        for (start, row) in self.bands.iter().enumerate() {
            for (end, cell) in row.iter().enumerate() {
                rows.push((format!("who5.band_start_{start}.end_{end}"), count(*cell)));
            }
        }
        rows.push(("hours.citizens".to_owned(), count(self.hours_citizens)));
        rows.push(("hours.median_first".to_owned(), figure(self.hours_first)));
        rows.push(("hours.median_latest".to_owned(), figure(self.hours_latest)));
        rows.push(("attendance.percent".to_owned(), figure(self.attendance)));
        rows.push(("goals.set".to_owned(), count(self.goals_set)));
        rows.push(("goals.reached".to_owned(), count(self.goals_reached)));
        rows.push(("goals.changed".to_owned(), count(self.goals_changed)));
        rows.push(("goals.dropped".to_owned(), count(self.goals_dropped)));
        rows
    }

    /// The report as CSV (RFC 4180; no field needs quoting: names and figures only).
    pub fn csv(&self) -> String {
        let mut csv = String::from("figure,value\r\n");
        for (name, value) in self.rows() {
            csv.push_str(&name);
            csv.push(',');
            csv.push_str(&value);
            csv.push_str("\r\n");
        }
        csv
    }
}
