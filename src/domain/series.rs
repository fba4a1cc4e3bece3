//! What the charts draw, shaped from the history: one value per week over a period with a
//! gap wherever nothing was recorded (never interpolated), the WHO-5 bands, changes of
//! 10 points or more, change figures, the 4-week moving average and the radar profiles.
//!
//! Pure: the charts ([`crate::chart`]) and the table view read these shapes, and host
//! tests check them.

use serde::{Deserialize, Serialize};

use crate::domain::history::History;
use crate::domain::instrument::{Instrument, Scale, CATALOGUE, WHO5_ID};
use crate::domain::lang::Text;
use crate::domain::progression::{Kept, Work};
use crate::domain::response::{who5_score, Response};
use crate::domain::week::IsoWeek;

/// WHO-5 percentages at or below this are in the lowest band.
pub const WHO5_LOW_MAX: f32 = 28.0;
/// WHO-5 percentages below this (and above [`WHO5_LOW_MAX`]) are in the middle band.
pub const WHO5_POOR_BELOW: f32 = 50.0;
/// A WHO-5 change of this many points from one reading to the next is marked.
pub const MEANINGFUL_CHANGE: f32 = 10.0;
/// The window of the moving average, in weeks.
pub const AVERAGE_WEEKS: usize = 4;

/// A WHO-5 band, shown to the consultant as a reason to talk, never as a diagnosis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Band {
    /// ≤ 28.
    Low,
    /// Above 28 and below 50.
    Poor,
    /// 50 and above.
    Other,
}

impl Band {
    pub fn of(percent: f32) -> Band {
        if percent <= WHO5_LOW_MAX {
            Band::Low
        } else if percent < WHO5_POOR_BELOW {
            Band::Poor
        } else {
            Band::Other
        }
    }
}

/// The unit of a line; lines of one unit share a chart and its y axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// The WHO-5 percentage, 0–100.
    Percent,
    /// A 0–10 self-rating.
    Rating,
    /// Hours a week, 0–37 (the chart grows for more).
    Hours,
    /// Days attended of days planned, 0–100 %.
    Attendance,
}

impl Unit {
    pub fn max(self) -> f32 {
        match self {
            Unit::Percent => 100.0,
            Unit::Rating => 10.0,
            Unit::Hours => 37.0,
            Unit::Attendance => 100.0,
        }
    }

    pub const ALL: [Unit; 4] = [Unit::Percent, Unit::Rating, Unit::Hours, Unit::Attendance];
}

/// Which line: the WHO-5 percentage, one item of an instrument, or the week's work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineKey {
    Who5,
    Item { instrument: &'static str, link_id: &'static str },
    HoursPlanned,
    HoursWorked,
    Attendance,
}

impl LineKey {
    /// A stable text form, for ids in the page and for the stored choice of lines.
    pub fn code(self) -> String {
        match self {
            LineKey::Who5 => WHO5_ID.to_owned(),
            LineKey::Item { instrument, link_id } => format!("{instrument}.{link_id}"),
            LineKey::HoursPlanned => "work.planned".to_owned(),
            LineKey::HoursWorked => "work.worked".to_owned(),
            LineKey::Attendance => "work.attendance".to_owned(),
        }
    }

    /// Whether the line is drawn as steps: hours hold for the week, they do not glide.
    pub fn is_step(self) -> bool {
        matches!(self, LineKey::HoursPlanned | LineKey::HoursWorked)
    }

    /// Whether the line is another's readings of the citizen (`jobready7-rater`,
    /// `placement5`): given every few weeks, not weekly, so drawn joined across the weeks
    /// between, where the citizen's own lines break at a week missed.
    pub fn is_sparse(self) -> bool {
        matches!(self, LineKey::Item { instrument, .. } if crate::domain::rater::find(instrument, "1").is_ok())
    }

    /// Whether the line comes from the week's work rather than an instrument.
    pub fn is_work(self) -> bool {
        matches!(self, LineKey::HoursPlanned | LineKey::HoursWorked | LineKey::Attendance)
    }
}

impl LineKey {
    /// The line whose [`LineKey::code`] is `code`, if there is one.
    pub fn from_code(code: &str) -> Option<LineKey> {
        line_defs().into_iter().map(|d| d.key).find(|k| k.code() == code)
    }
}

/// A line the charts can show.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineDef {
    pub key: LineKey,
    /// Short name, for the legend and the table.
    pub name: Text,
    pub unit: Unit,
    /// Where the line comes from, for grouping the chooser: an instrument, or `None` for
    /// the week's work.
    pub instrument: Option<&'static Instrument>,
}

/// Every line the charts can show, in the catalogue's order: the WHO-5 percentage, then
/// every CHIME and job-readiness item of the current versions.
pub fn line_defs() -> Vec<LineDef> {
    let mut defs = Vec::new();
    for (index, instrument) in CATALOGUE.iter().enumerate() {
        // Only the last plain version of an id: items keep their linkIds across versions,
        // and an easy-read version's answers are drawn on the same lines.
        if instrument.is_easy()
            || CATALOGUE[index + 1..].iter().any(|later| later.id == instrument.id && !later.is_easy())
        {
            continue;
        }
        if instrument.id == WHO5_ID {
            defs.push(LineDef {
                key: LineKey::Who5,
                name: instrument.name,
                unit: Unit::Percent,
                instrument: Some(instrument),
            });
            continue;
        }
        for item in instrument.items {
            let unit = match item.scale {
                Scale::Hours { .. } => Unit::Hours,
                _ => Unit::Rating,
            };
            let key = LineKey::Item { instrument: instrument.id, link_id: item.link_id };
            defs.push(LineDef { key, name: item.short, unit, instrument: Some(instrument) });
        }
    }
    for (key, name, unit) in [
        (LineKey::HoursPlanned, Text::keyed("work.hoursPlanned", "Timer planlagt", "Hours planned"), Unit::Hours),
        (LineKey::HoursWorked, Text::keyed("work.hoursWorked", "Timer arbejdet", "Hours worked"), Unit::Hours),
        (LineKey::Attendance, Text::keyed("work.attendance", "Fremmøde", "Attendance"), Unit::Attendance),
    ] {
        defs.push(LineDef { key, name, unit, instrument: None });
    }
    defs
}

/// The lines shown before the citizen chooses: the WHO-5, the CHIME items and the week's
/// work (drawn only for a history that has any).
pub fn default_lines() -> Vec<LineKey> {
    line_defs()
        .into_iter()
        .filter(|d| match d.key {
            LineKey::Item { instrument, .. } => instrument == "chime5",
            _ => true,
        })
        .map(|d| d.key)
        .collect()
}

/// The most weeks any period draws (ten years and a little): whatever the history or the
/// request holds, a chart, a table and the custom period's lists never grow past this.
pub const MAX_WEEKS: usize = 530;

/// Which weeks a chart covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Period {
    /// The last `n` weeks, this week included.
    Weeks(u16),
    /// From the first recorded week to this week.
    All,
    /// From one week to another, both included (in either order).
    Custom(IsoWeek, IsoWeek),
}

impl Period {
    /// The chooser's fixed choices: 8 weeks and 6 months (26 weeks).
    pub const EIGHT_WEEKS: Period = Period::Weeks(8);
    pub const SIX_MONTHS: Period = Period::Weeks(26);

    /// The consecutive weeks of the period, at most [`MAX_WEEKS`] (the latest of them), in
    /// the years Ugeblik shows.
    /// `now` is this week; a history that runs past it (a phone whose clock was wrong) is
    /// still shown to its last week.
    pub fn weeks(self, history: &History, now: IsoWeek) -> Vec<IsoWeek> {
        let (first, last) = history.span().unwrap_or((now, now));
        // Only weeks of the years Ugeblik shows, and never more than `MAX_WEEKS` of them.
        let (lowest, highest) = IsoWeek::range();
        let end = now.max(last).clamp(lowest, highest);
        let (from, to) = match self {
            Period::Weeks(n) => (end.plus(1 - i32::from(n.max(1))).unwrap_or(end), end),
            Period::All => (first.min(end), end),
            Period::Custom(a, b) => (a.min(b), a.max(b)),
        };
        let to = to.clamp(lowest, highest);
        let from = from.clamp(lowest, to).ordinal().max(to.ordinal() - (MAX_WEEKS as i32 - 1));
        (from..=to.ordinal()).filter_map(IsoWeek::from_ordinal).collect()
    }
}

/// One line over a period: one value per week of the period, `None` where nothing was
/// recorded (or the WHO-5 was partial).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub def: LineDef,
    pub values: Vec<Option<f32>>,
}

/// First, previous and latest reading of a line, and the changes between them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    pub first: (usize, f32),
    pub previous: Option<(usize, f32)>,
    pub latest: (usize, f32),
}

impl Change {
    pub fn since_first(&self) -> f32 {
        self.latest.1 - self.first.1
    }

    pub fn since_previous(&self) -> Option<f32> {
        self.previous.map(|(_, previous)| self.latest.1 - previous)
    }

    /// Weeks from the first reading to the latest.
    pub fn weeks(&self) -> usize {
        self.latest.0 - self.first.0
    }
}

impl Line {
    /// Every reading: (index of the week, value).
    pub fn readings(&self) -> impl Iterator<Item = (usize, f32)> + '_ {
        self.values.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v)))
    }

    /// The unbroken stretches of consecutive weeks with a reading. A missed week ends a
    /// stretch: the chart draws each stretch as its own line, so a gap stays a gap.
    pub fn runs(&self) -> Vec<Vec<(usize, f32)>> {
        let mut runs: Vec<Vec<(usize, f32)>> = Vec::new();
        let mut previous: Option<usize> = None;
        for (index, value) in self.readings() {
            match runs.last_mut() {
                Some(run) if previous == Some(index - 1) => run.push((index, value)),
                _ => runs.push(vec![(index, value)]),
            }
            previous = Some(index);
        }
        runs
    }

    /// The change figures, or `None` without readings.
    pub fn change(&self) -> Option<Change> {
        let mut readings = self.readings();
        let first = readings.next()?;
        let (mut previous, mut latest) = (None, first);
        for reading in readings {
            previous = Some(latest);
            latest = reading;
        }
        Some(Change { first, previous, latest })
    }

    /// The readings that differ from the reading before them (across any gap) by at least
    /// [`MEANINGFUL_CHANGE`]. Only the WHO-5 has a meaningful change; other lines get none.
    pub fn marked_changes(&self) -> Vec<usize> {
        if self.def.key != LineKey::Who5 {
            return Vec::new();
        }
        let mut marked = Vec::new();
        let mut previous: Option<f32> = None;
        for (index, value) in self.readings() {
            if previous.is_some_and(|p| (value - p).abs() >= MEANINGFUL_CHANGE) {
                marked.push(index);
            }
            previous = Some(value);
        }
        marked
    }

    /// The trailing moving average over [`AVERAGE_WEEKS`] calendar weeks: at each week with
    /// a reading, the mean of the readings in it and the weeks just before. Weeks without a
    /// reading get none, so the average has the same gaps as the line.
    pub fn moving_average(&self) -> Vec<Option<f32>> {
        (0..self.values.len())
            .map(|i| {
                self.values[i]?;
                let window = &self.values[(i + 1).saturating_sub(AVERAGE_WEEKS)..=i];
                let (sum, count) = window.iter().flatten().fold((0.0, 0u16), |(s, c), v| (s + v, c + 1));
                Some(sum / f32::from(count))
            })
            .collect()
    }
}

/// The responses of a period, indexed by week: built once, read by every line.
struct WeekTable<'a> {
    first: i32,
    /// Per week, per instrument id: the latest authored response.
    rows: Vec<Vec<(&'a str, &'a Response)>>,
}

impl<'a> WeekTable<'a> {
    fn new(history: &'a History, weeks: &[IsoWeek]) -> WeekTable<'a> {
        let first = weeks.first().map_or(0, |w| w.ordinal());
        let mut rows: Vec<Vec<(&str, &Response)>> = vec![Vec::new(); weeks.len()];
        for response in &history.responses {
            let index = response.week.ordinal() - first;
            let Some(row) = usize::try_from(index).ok().and_then(|i| rows.get_mut(i)) else { continue };
            match row.iter_mut().find(|(id, _)| *id == response.instrument) {
                Some(slot) if slot.1.authored < response.authored => slot.1 = response,
                Some(_) => {}
                None => row.push((&response.instrument, response)),
            }
        }
        WeekTable { first, rows }
    }

    fn response(&self, index: usize, instrument: &str) -> Option<&'a Response> {
        self.rows[index].iter().find(|(id, _)| *id == instrument).map(|(_, r)| *r)
    }
}

/// The lines `keys` over `weeks` (consecutive weeks, as from [`Period::weeks`]).
pub fn trend(history: &History, weeks: &[IsoWeek], keys: &[LineKey]) -> Vec<Line> {
    let table = WeekTable::new(history, weeks);
    let mut work: Vec<Option<&Work>> = vec![None; weeks.len()];
    for record in &history.work {
        if let Some(slot) = usize::try_from(record.week.ordinal() - table.first).ok().and_then(|i| work.get_mut(i)) {
            *slot = Some(&record.work);
        }
    }
    debug_assert!(weeks.first().is_none_or(|w| w.ordinal() == table.first));
    let defs = line_defs();
    keys.iter()
        .filter_map(|key| defs.iter().find(|d| d.key == *key))
        .map(|def| {
            let values = (0..weeks.len())
                .map(|i| match def.key {
                    LineKey::Who5 => {
                        table.response(i, WHO5_ID).and_then(who5_score).map(|score| f32::from(score.percent))
                    }
                    LineKey::Item { instrument, link_id } => {
                        table.response(i, instrument).and_then(|r| r.answers.get(link_id)).map(|v| f32::from(*v))
                    }
                    LineKey::HoursPlanned => work[i].and_then(|w| w.planned_minutes).map(|m| m as f32 / 60.0),
                    LineKey::HoursWorked => work[i].and_then(|w| w.worked_minutes).map(|m| m as f32 / 60.0),
                    LineKey::Attendance => work[i].and_then(Work::attendance_percent).map(f32::from),
                })
                .collect();
            Line { def: *def, values }
        })
        .collect()
}

/// One axis of a radar chart: an item answered on the 0–10 scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RadarAxis {
    pub link_id: &'static str,
    pub name: Text,
    pub max: f32,
}

/// The axes of `instrument`'s radar: its items on the 0–10 scale (hours are a count, not a
/// rating, so they stay in the trend chart).
pub fn radar_axes(instrument: &Instrument) -> Vec<RadarAxis> {
    instrument
        .items
        .iter()
        .filter(|item| matches!(item.scale, Scale::Rating { .. }))
        .map(|item| RadarAxis { link_id: item.link_id, name: item.short, max: f32::from(item.scale.bounds().1) })
        .collect()
}

/// Where a value lies on axis `axis` of `count`: the first axis points up and the others
/// follow clockwise; `fraction` 0 is the centre, 1 the rim. Coordinates are on the unit
/// circle with y growing downwards, as on screen.
pub fn radar_point(axis: usize, count: usize, fraction: f32) -> (f32, f32) {
    let angle = std::f32::consts::TAU * axis as f32 / count.max(1) as f32;
    (fraction * angle.sin(), -fraction * angle.cos())
}

/// One reading on a radar: the week and, per axis, the answer (`None` where skipped).
#[derive(Clone, Debug, PartialEq)]
pub struct RadarReading {
    pub week: IsoWeek,
    pub values: Vec<Option<f32>>,
}

/// The readings of `instrument` in `weeks` (weeks without a response are left out).
pub fn radar_readings(history: &History, instrument: &Instrument, weeks: &[IsoWeek]) -> Vec<RadarReading> {
    let axes = radar_axes(instrument);
    weeks
        .iter()
        .filter_map(|week| {
            let response = history.response_for(*week, instrument.id)?;
            let values = axes.iter().map(|a| response.answers.get(a.link_id).map(|v| f32::from(*v))).collect();
            Some(RadarReading { week: *week, values })
        })
        .collect()
}

/// The weeks with a response to `instrument_id`, oldest first: the choices for the radar.
pub fn weeks_with(history: &History, instrument_id: &str) -> Vec<IsoWeek> {
    let mut weeks: Vec<IsoWeek> =
        history.responses.iter().filter(|r| r.instrument == instrument_id).map(|r| r.week).collect();
    weeks.sort_unstable();
    weeks.dedup();
    weeks
}

/// The radar's default readings: the first, the one `earlier` (if given and recorded), and
/// the latest — at most three, oldest first, each once.
pub fn radar_weeks(available: &[IsoWeek], earlier: Option<IsoWeek>) -> Vec<IsoWeek> {
    let mut chosen: Vec<IsoWeek> = available.first().into_iter().copied().collect();
    chosen.extend(earlier.filter(|w| available.contains(w)));
    chosen.extend(available.last().copied());
    chosen.sort_unstable();
    chosen.dedup();
    chosen
}

/// What a line did over the period, for the chart's text alternative.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Summary {
    NoReadings,
    One { week: IsoWeek, value: f32 },
    Rose { from: f32, to: f32, weeks: usize },
    Fell { from: f32, to: f32, weeks: usize },
    Same { value: f32, weeks: usize },
}

pub fn summarize(line: &Line, weeks: &[IsoWeek]) -> Summary {
    let Some(change) = line.change() else { return Summary::NoReadings };
    let (from, to, span) = (change.first.1, change.latest.1, change.weeks());
    if span == 0 {
        Summary::One { week: weeks[change.latest.0], value: to }
    } else if to > from {
        Summary::Rose { from, to, weeks: span }
    } else if to < from {
        Summary::Fell { from, to, weeks: span }
    } else {
        Summary::Same { value: to, weeks: span }
    }
}

/// A goal's weekly answers over a period, for the row of marks under the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalRow {
    pub id: String,
    pub what: String,
    /// One per week of the period: the answer, or `None` where not evaluated.
    pub marks: Vec<Option<Kept>>,
}

/// The goals that were open at some time in `weeks` (consecutive), each with its marks.
pub fn goal_rows(history: &History, weeks: &[IsoWeek]) -> Vec<GoalRow> {
    let (Some(first), Some(last)) = (weeks.first(), weeks.last()) else { return Vec::new() };
    history
        .goals
        .iter()
        .filter(|g| g.set <= *last && g.closed.as_ref().is_none_or(|c| c.week >= *first))
        .map(|goal| GoalRow {
            id: goal.id.clone(),
            what: goal.what.clone(),
            marks: weeks.iter().map(|w| goal.check_for(*w).map(|c| c.kept)).collect(),
        })
        .collect()
}

/// The milestones in `weeks` (consecutive): the index of the week and the milestone, in
/// date order, numbered from 1 by the caller.
pub fn milestones_in<'a>(
    history: &'a History,
    weeks: &[IsoWeek],
) -> Vec<(usize, &'a crate::domain::progression::Milestone)> {
    let Some(first) = weeks.first() else { return Vec::new() };
    history
        .milestones_by_week()
        .into_iter()
        .filter_map(|(week, m)| {
            let index = usize::try_from(week.ordinal() - first.ordinal()).ok().filter(|i| *i < weeks.len())?;
            Some((index, m))
        })
        .collect()
}

/// What the progress screen's charts show, as the citizen chose it: kept by the page while
/// they move between screens, and part of every drawing's choices
/// (`session::protocol::Choices`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChartChoices {
    pub period: Period,
    /// The lines drawn, written as their codes ([`LineKey::code`]); a code no line has
    /// is left out when read.
    #[serde(with = "line_codes")]
    pub lines: Vec<LineKey>,
    pub average: bool,
    /// Notes are private: hidden unless the citizen shows them.
    pub notes: bool,
    /// The numbers as a table under the charts.
    pub table: bool,
    /// The earlier week the radars compare with, besides the first and the latest.
    pub compare: Option<IsoWeek>,
    /// The self-ratings (0–10) in one chart, instead of one small chart each.
    pub combined: bool,
    /// Whether the list of lines to choose from is open.
    pub lines_open: bool,
    /// Whether the choices beyond the period are open on a narrow screen (a phone shows
    /// the picture first; a wide screen shows every choice).
    pub more_open: bool,
}

impl ChartChoices {
    /// The default lines over `period`, nothing else shown.
    pub fn new(period: Period) -> ChartChoices {
        ChartChoices {
            period,
            lines: default_lines(),
            average: false,
            notes: false,
            table: false,
            compare: None,
            combined: false,
            lines_open: false,
            more_open: false,
        }
    }
}

mod line_codes {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::LineKey;

    pub fn serialize<S: Serializer>(lines: &[LineKey], serializer: S) -> Result<S::Ok, S::Error> {
        lines.iter().map(|key| key.code()).collect::<Vec<_>>().serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<LineKey>, D::Error> {
        Ok(Vec::<String>::deserialize(deserializer)?.iter().filter_map(|code| LineKey::from_code(code)).collect())
    }
}
