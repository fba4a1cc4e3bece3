//! The progress screen's figures as data: for a history and the citizen's choices, every
//! chart's drawing (plotters' SVG), its title, summary, key and the values its cursor
//! reads, the goals' rows, the milestones, the radar profiles with their numbers, the
//! table and the instruments' notices, each text in the language asked for. The progress
//! screen's components (`session::progress`) lay them out; nothing here knows the page.
//!
//! Pure and host-tested (`tests/figures.rs`, `tests/clipping.rs`).

use crate::chart::{self, Drawn, Plotted, RadarPlotted, Trend};
use crate::domain::history::History;
use crate::domain::instrument::{current, CATALOGUE};
use crate::domain::lang::Lang;
use crate::domain::progression::{format_hours, parse_date, Kept, Milestone};
use crate::domain::series::{
    goal_rows, milestones_in, radar_axes, radar_readings, radar_weeks, summarize, trend, weeks_with, Line, LineKey,
    Summary, Unit,
};
use crate::domain::week::IsoWeek;
use crate::i18n::{date_label, decimal_separator, join, signed, week_dates, week_label, week_label_with_year, whole};
use crate::i18n::{readout, ChartMsg};
use crate::session::protocol::Choices;
use crate::session::trends::compare_choices;

const RADAR_INSTRUMENTS: [&str; 2] = ["chime5", "jobready7"];

/// How many weeks the demo history spans: long enough for every period choice.
pub const DEMO_WEEKS: usize = 40;

/// Everything the progress screen shows below its choices.
#[derive(Clone, Debug, PartialEq)]
pub enum Figures {
    /// Nothing answered yet: what to do first.
    Empty(String),
    Shown(Box<Shown>),
}

/// The figures of a history with answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    /// "Weeks shown: … – …".
    pub period: String,
    /// One chart per unit with lines: WHO-5, the 0–10 ratings (one small chart each,
    /// unless the citizen chose them combined), hours, attendance.
    pub charts: Vec<Chart>,
    pub goals: Option<GoalsFigure>,
    pub milestones: Option<MilestoneList>,
    pub radars: Vec<RadarFigure>,
    /// The numbers behind the trend charts, when asked for (or the notes are).
    pub table: Option<NumbersTable>,
    /// The instruments' notices: the WHO-5's attribution, and that the others are not
    /// validated.
    pub notices: Vec<String>,
}

/// A chart of the weeks shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Chart {
    Trend(Box<TrendFigure>),
    /// The self-ratings as small multiples.
    Multiples(MultiplesFigure),
}

impl Shown {
    /// The trend charts (not the small multiples).
    pub fn trends(&self) -> impl Iterator<Item = &TrendFigure> {
        self.charts.iter().filter_map(|chart| match chart {
            Chart::Trend(trend) => Some(trend.as_ref()),
            Chart::Multiples(_) => None,
        })
    }

    /// The small multiples, if the self-ratings are shown so.
    pub fn multiples(&self) -> Option<&MultiplesFigure> {
        self.charts.iter().find_map(|chart| match chart {
            Chart::Multiples(multiples) => Some(multiples),
            Chart::Trend(_) => None,
        })
    }
}

/// The self-ratings (0–10) as small multiples: one small chart per dimension, on the same
/// weeks and the same 0–10 axis, each with its first and latest answer in large figures.
#[derive(Clone, Debug, PartialEq)]
pub struct MultiplesFigure {
    pub title: String,
    /// What the small charts and their figures are.
    pub key_note: String,
    pub charts: Vec<SmallChart>,
}

/// One dimension's small chart.
#[derive(Clone, Debug, PartialEq)]
pub struct SmallChart {
    /// The line's code, for its id.
    pub code: String,
    pub name: String,
    /// The first and the latest answer in the weeks shown, as the texts write them.
    pub first: Option<String>,
    pub latest: Option<String>,
    /// Its change in words: the drawing's accessible name.
    pub summary: String,
    pub svg: String,
}

/// How wide each small chart is drawn (the narrowest the trend charts draw): the page
/// sets as many side by side as fit.
pub const SMALL_WIDTH: u32 = 280;

/// A trend chart: one unit's lines over the weeks shown.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendFigure {
    /// What its ids are made of: `who5`, `ratings`, `hours`, `attendance`.
    pub code: &'static str,
    pub title: String,
    /// Each line's change in words: the plot's accessible description.
    pub summary: String,
    pub svg: String,
    pub cursor: Cursor,
    /// Each line's name and its value each week as the texts write it (`None`: not
    /// recorded), for the cursor's readout.
    pub lines: Vec<(String, Vec<Option<String>>)>,
    pub keys_title: String,
    pub key: Vec<KeyEntry>,
    /// What the dashed average lines are, when shown.
    pub average_note: Option<String>,
    /// The WHO-5's bands and ringed change, and what they mean.
    pub bands: Option<(Vec<(&'static str, String)>, String)>,
    /// "The numbered lines are milestones: see the list."
    pub milestone_note: Option<String>,
}

/// A chart's geometry: pixel x of the first and last week in the drawn SVG (whole pixels)
/// and its size, and the weeks it spans from the first.
#[derive(Clone, Debug, PartialEq)]
pub struct Cursor {
    pub first_x: i32,
    pub last_x: i32,
    pub width: u32,
    pub height: u32,
    pub first_week: IsoWeek,
    pub weeks: usize,
}

/// A legend entry: the line's sample (an SVG), its name, its change in figures.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyEntry {
    pub swatch: String,
    pub name: String,
    pub figures: Option<String>,
}

/// Each goal's weekly answers as a row of marks, with the same in words.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalsFigure {
    pub title: String,
    pub svg: String,
    /// The drawing's width and height.
    pub size: (u32, u32),
    pub key_note: String,
    pub rows: Vec<String>,
}

/// The milestones shown on the charts, numbered as their markers: when, and what.
#[derive(Clone, Debug, PartialEq)]
pub struct MilestoneList {
    pub title: String,
    pub items: Vec<(String, String)>,
}

/// A radar profile (CHIME, job readiness): the readings overlaid, with the numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct RadarFigure {
    /// The instrument's id.
    pub id: &'static str,
    pub title: String,
    /// The instrument's name: the table's caption.
    pub name: String,
    /// What the drawing shows, in words.
    pub label: String,
    pub svg: String,
    /// The drawing's width and height.
    pub size: (u32, u32),
    pub key: Vec<KeyEntry>,
    pub item_header: String,
    /// The weeks of the readings, as the columns.
    pub weeks: Vec<String>,
    /// Each dimension's name and its value in each reading.
    pub rows: Vec<(String, Vec<String>)>,
}

/// The numbers behind the trend charts: one row per week with a reading (or, when the
/// notes are shown, a note), oldest first.
#[derive(Clone, Debug, PartialEq)]
pub struct NumbersTable {
    pub title: String,
    pub week_header: String,
    pub columns: Vec<String>,
    pub notes_header: Option<String>,
    pub rows: Vec<NumbersRow>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NumbersRow {
    pub week: String,
    pub dates: String,
    pub values: Vec<String>,
    /// With the notes shown: the week's note (empty if none).
    pub note: Option<String>,
}

impl TrendFigure {
    /// What the cursor says at week `index` of the chart.
    pub fn readout(&self, lang: Lang, index: usize) -> Option<String> {
        let week = self.cursor.first_week.plus(i32::try_from(index).ok()?)?;
        let values: Vec<(&str, Option<&str>)> = self
            .lines
            .iter()
            .map(|(name, values)| (name.as_str(), values.get(index).and_then(|v| v.as_deref())))
            .collect();
        Some(readout(lang, week, &values))
    }

    /// The longest of what the cursor can say on this chart (by characters): the room the
    /// page keeps for it while the cursor is shown, so that the page below does not move as
    /// the cursor crosses a week whose words take another line.
    pub fn longest_readout(&self, lang: Lang) -> Option<String> {
        (0..self.cursor.weeks).filter_map(|index| self.readout(lang, index)).max_by_key(|text| text.chars().count())
    }

    /// The values as the plot's `data-lines` attribute writes them (`name;v,v,,v|…`,
    /// empty where not recorded): the chart's data, for whoever reads the page.
    pub fn data_lines(&self) -> String {
        let line = |(name, values): &(String, Vec<Option<String>>)| {
            let values: Vec<&str> = values.iter().map(|v| v.as_deref().unwrap_or("")).collect();
            format!("{name};{}", values.join(","))
        };
        self.lines.iter().map(line).collect::<Vec<_>>().join("|")
    }
}

/// The figures for `history` and the choices. (The demo's made-up history is made once, by
/// the page: `session::screen::Shown`; `choices.demo` is not read here.)
pub fn figures(history: &History, choices: &Choices) -> Figures {
    let lang = choices.lang;
    if history.span().is_none() {
        return Figures::Empty(ChartMsg::ProgressEmpty.get(lang).to_owned());
    }
    let weeks = choices.chart.period.weeks(history, choices.now);
    // The week's work is drawn only for a history that has any.
    let keys: Vec<LineKey> =
        choices.chart.lines.iter().copied().filter(|k| !k.is_work() || !history.work.is_empty()).collect();
    let lines = trend(history, &weeks, &keys);
    let milestones = milestones_in(history, &weeks);
    let marks: Vec<usize> = milestones.iter().map(|(index, _)| *index).collect();
    let (first, last) = (weeks[0], weeks[weeks.len() - 1]);
    let period = ChartMsg::PeriodShown
        .fill(lang, &[("from", &week_label_with_year(lang, first)), ("to", &week_label_with_year(lang, last))]);
    let mut charts = Vec::new();
    let mut style_index = 0;
    for unit in Unit::ALL {
        let of_unit: Vec<(&Line, chart::LineStyle)> = lines
            .iter()
            .filter(|l| l.def.unit == unit)
            .map(|l| {
                style_index += 1;
                (l, chart::style(style_index - 1))
            })
            .collect();
        if of_unit.is_empty() {
            continue;
        }
        charts.push(if unit == Unit::Rating && !choices.chart.combined {
            Chart::Multiples(multiples(&weeks, &of_unit, choices))
        } else {
            Chart::Trend(Box::new(trend_figure(unit, &weeks, &of_unit, &marks, choices)))
        });
    }
    let (_, compare) = compare_choices(history, &weeks, choices.chart.compare);
    // Notes live in the table: showing them shows it.
    let table = (choices.chart.table || choices.chart.notes)
        .then(|| numbers_table(history, &weeks, &lines, choices.chart.notes, lang));
    Figures::Shown(Box::new(Shown {
        period,
        charts,
        goals: goals_figure(history, &weeks, &marks, choices),
        milestones: milestone_list(&milestones, lang),
        radars: radars(history, &weeks, compare, lang),
        table,
        notices: CATALOGUE
            .iter()
            .filter(|i| current(i.id) == Some(*i))
            .map(|i| i.notice.get(lang).to_owned())
            .collect(),
    }))
}

fn unit_title(unit: Unit) -> ChartMsg {
    match unit {
        Unit::Percent => ChartMsg::ChartPercent,
        Unit::Rating => ChartMsg::ChartRating,
        Unit::Hours => ChartMsg::ChartHours,
        Unit::Attendance => ChartMsg::ChartAttendance,
    }
}

fn unit_code(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "who5",
        Unit::Rating => "ratings",
        Unit::Hours => "hours",
        Unit::Attendance => "attendance",
    }
}

fn summary_text(line: &Line, weeks: &[IsoWeek], lang: Lang) -> String {
    summary_named(line.def.name.get(lang), line, weeks, lang)
}

/// What `line`, called `name`, did over `weeks`, in words.
pub(crate) fn summary_named(name: &str, line: &Line, weeks: &[IsoWeek], lang: Lang) -> String {
    match summarize(line, weeks) {
        Summary::NoReadings => ChartMsg::SummaryNone.fill(lang, &[("name", name)]),
        Summary::One { week, value } => ChartMsg::SummaryOne
            .fill(lang, &[("name", name), ("value", &figure(line, value, lang)), ("week", &week_label(lang, week))]),
        Summary::Rose { from, to, weeks } | Summary::Fell { from, to, weeks } => {
            let msg = if to > from { ChartMsg::SummaryRose } else { ChartMsg::SummaryFell };
            let (from, to) = (figure(line, from, lang), figure(line, to, lang));
            msg.fill(lang, &[("name", name), ("from", &from), ("to", &to), ("weeks", &weeks.to_string())])
        }
        Summary::Same { value, weeks } => ChartMsg::SummarySame
            .fill(lang, &[("name", name), ("value", &figure(line, value, lang)), ("weeks", &weeks.to_string())]),
    }
}

/// A value as the chart's texts write it: hours with up to two decimals, others whole.
fn figure(line: &Line, value: f32, lang: Lang) -> String {
    if line.def.unit == Unit::Hours && line.def.key.is_work() {
        format_hours((value * 60.0).round() as u32, decimal_separator(lang))
    } else {
        whole(value)
    }
}

/// One trend chart: drawn, described, keyed, and the values for its cursor.
pub(crate) fn trend_figure(
    unit: Unit,
    weeks: &[IsoWeek],
    lines: &[(&Line, chart::LineStyle)],
    milestones: &[usize],
    choices: &Choices,
) -> TrendFigure {
    let lang = choices.lang;
    let average = choices.chart.average;
    let drawn: Drawn = chart::trend(
        &Trend {
            weeks,
            unit,
            lines: lines.iter().map(|(line, style)| Plotted { line, style: *style, average }).collect(),
            width: choices.width,
            milestones,
        },
        &|w| w.week().to_string(),
    );
    let key = lines
        .iter()
        .map(|(line, style)| {
            let figures = line.change().map(|change| {
                let previous = change.since_previous().map(signed).unwrap_or_else(|| "–".to_owned());
                ChartMsg::ChangeFigures.fill(
                    lang,
                    &[
                        ("latest", &figure(line, change.latest.1, lang)),
                        ("first", &signed(change.since_first())),
                        ("previous", &previous),
                    ],
                )
            });
            KeyEntry { swatch: chart::swatch(*style), name: line.def.name.get(lang).to_owned(), figures }
        })
        .collect();
    let bands = (unit == Unit::Percent).then(|| {
        let bands = [
            ("ugb-band ugb-band--low", ChartMsg::BandLow),
            ("ugb-band ugb-band--poor", ChartMsg::BandPoor),
            ("ugb-ring", ChartMsg::ChangeRing),
        ];
        (bands.map(|(class, msg)| (class, msg.get(lang).to_owned())).to_vec(), ChartMsg::BandNote.get(lang).to_owned())
    });
    TrendFigure {
        code: unit_code(unit),
        title: unit_title(unit).get(lang).to_owned(),
        summary: lines.iter().map(|(l, _)| summary_text(l, weeks, lang)).collect::<Vec<_>>().join(" "),
        cursor: Cursor {
            first_x: drawn.first_x as i32,
            last_x: drawn.last_x as i32,
            width: drawn.width,
            height: drawn.height,
            first_week: weeks[0],
            weeks: weeks.len(),
        },
        svg: drawn.svg,
        lines: lines
            .iter()
            .map(|(line, _)| {
                let values = line.values.iter().map(|v| v.map(|v| figure(line, v, lang))).collect();
                (line.def.name.get(lang).to_owned(), values)
            })
            .collect(),
        keys_title: ChartMsg::ChartKeys.get(lang).to_owned(),
        key,
        average_note: average.then(|| ChartMsg::AverageLegend.get(lang).to_owned()),
        bands,
        milestone_note: (!milestones.is_empty()).then(|| ChartMsg::MilestoneSeeList.get(lang).to_owned()),
    }
}

/// The self-ratings as small multiples: each line drawn alone, on the same weeks and axis.
fn multiples(weeks: &[IsoWeek], lines: &[(&Line, chart::LineStyle)], choices: &Choices) -> MultiplesFigure {
    let lang = choices.lang;
    let charts = lines
        .iter()
        .map(|(line, style)| {
            let drawn = chart::trend(
                &Trend {
                    weeks,
                    unit: Unit::Rating,
                    lines: vec![Plotted { line, style: *style, average: choices.chart.average }],
                    width: SMALL_WIDTH,
                    milestones: &[],
                },
                &|w| w.week().to_string(),
            );
            let (first, latest) = match summarize(line, weeks) {
                Summary::NoReadings => (None, None),
                Summary::One { value, .. } | Summary::Same { value, .. } => {
                    (Some(figure(line, value, lang)), Some(figure(line, value, lang)))
                }
                Summary::Rose { from, to, .. } | Summary::Fell { from, to, .. } => {
                    (Some(figure(line, from, lang)), Some(figure(line, to, lang)))
                }
            };
            SmallChart {
                code: line.def.key.code(),
                name: line.def.name.get(lang).to_owned(),
                first,
                latest,
                summary: summary_text(line, weeks, lang),
                svg: drawn.svg,
            }
        })
        .collect();
    MultiplesFigure {
        title: ChartMsg::ChartRating.get(lang).to_owned(),
        key_note: ChartMsg::MultiplesKey.get(lang).to_owned(),
        charts,
    }
}

/// Each goal's weekly answers as a row of marks, on the trend charts' time axis.
fn goals_figure(history: &History, weeks: &[IsoWeek], milestones: &[usize], choices: &Choices) -> Option<GoalsFigure> {
    let lang = choices.lang;
    let rows = goal_rows(history, weeks);
    if rows.is_empty() {
        return None;
    }
    let drawn_rows: Vec<(String, Vec<Option<Kept>>)> = rows.iter().map(|r| (r.what.clone(), r.marks.clone())).collect();
    let drawn = chart::goal_rows(weeks, &drawn_rows, milestones, choices.width, &|w| w.week().to_string());
    let rows = rows
        .iter()
        .map(|row| {
            let given: Vec<String> = weeks
                .iter()
                .zip(&row.marks)
                .filter_map(|(w, m)| {
                    m.map(|k| format!("{} {}", week_label(lang, *w), crate::session::goals::kept_text(k).get(lang)))
                })
                .collect();
            format!("{}: {}", row.what, if given.is_empty() { "–".to_owned() } else { join(lang, &given) })
        })
        .collect();
    Some(GoalsFigure {
        title: ChartMsg::GoalsChartTitle.get(lang).to_owned(),
        size: (drawn.width, drawn.height),
        svg: drawn.svg,
        key_note: ChartMsg::GoalsChartKey.get(lang).to_owned(),
        rows,
    })
}

/// The milestones shown on the charts, numbered as their markers.
fn milestone_list(milestones: &[(usize, &Milestone)], lang: Lang) -> Option<MilestoneList> {
    if milestones.is_empty() {
        return None;
    }
    let items = milestones
        .iter()
        .map(|(_, milestone)| {
            let when = parse_date(&milestone.date).map(|d| date_label(lang, d)).unwrap_or_default();
            (when, crate::session::goals::milestone_text(milestone, lang))
        })
        .collect();
    Some(MilestoneList { title: ChartMsg::MilestoneKey.get(lang).to_owned(), items })
}

/// The radar profiles of CHIME and job readiness, each with its numbers.
fn radars(history: &History, weeks: &[IsoWeek], compare: Option<IsoWeek>, lang: Lang) -> Vec<RadarFigure> {
    let mut figures = Vec::new();
    for id in RADAR_INSTRUMENTS {
        let Some(instrument) = current(id) else { continue };
        let recorded: Vec<IsoWeek> = weeks_with(history, id).into_iter().filter(|w| weeks.contains(w)).collect();
        let chosen = radar_weeks(&recorded, compare);
        if chosen.is_empty() {
            continue;
        }
        let axes = radar_axes(instrument);
        let readings = radar_readings(history, instrument, &chosen);
        let plotted: Vec<_> =
            readings.iter().enumerate().map(|(n, reading)| RadarPlotted { reading, style: chart::style(n) }).collect();
        let drawn = chart::radar(&axes, &plotted, &|axis| axis.name.get(lang).to_owned());
        let name = instrument.name.get(lang);
        let week_names: Vec<String> = readings.iter().map(|r| week_label_with_year(lang, r.week)).collect();
        let key = week_names
            .iter()
            .enumerate()
            .map(|(n, week)| KeyEntry { swatch: chart::swatch(chart::style(n)), name: week.clone(), figures: None })
            .collect();
        let rows = axes
            .iter()
            .enumerate()
            .map(|(a, axis)| {
                let values =
                    readings.iter().map(|r| r.values[a].map(whole).unwrap_or_else(|| "–".to_owned())).collect();
                (axis.name.get(lang).to_owned(), values)
            })
            .collect();
        figures.push(RadarFigure {
            id,
            title: ChartMsg::RadarTitle.fill(lang, &[("name", name)]),
            name: name.to_owned(),
            label: ChartMsg::RadarSummary.fill(lang, &[("name", name), ("weeks", &join(lang, &week_names))]),
            size: (drawn.width, drawn.height),
            svg: drawn.svg,
            key,
            item_header: ChartMsg::TableItem.get(lang).to_owned(),
            weeks: week_names,
            rows,
        });
    }
    figures
}

/// The numbers behind the trend charts: one row per week with a reading (or, with the
/// notes shown, a note), oldest first, as the chart reads.
fn numbers_table(history: &History, weeks: &[IsoWeek], lines: &[Line], show_notes: bool, lang: Lang) -> NumbersTable {
    let rows = weeks
        .iter()
        .enumerate()
        .filter_map(|(i, week)| {
            let note = if show_notes { history.note_for(*week) } else { None };
            if note.is_none() && lines.iter().all(|l| l.values[i].is_none()) {
                return None;
            }
            Some(NumbersRow {
                week: week_label_with_year(lang, *week),
                dates: week_dates(lang, *week),
                values: lines
                    .iter()
                    .map(|line| line.values[i].map(|v| figure(line, v, lang)).unwrap_or_else(|| "–".to_owned()))
                    .collect(),
                note: show_notes.then(|| note.unwrap_or_default()),
            })
        })
        .collect();
    NumbersTable {
        title: ChartMsg::TableTitle.get(lang).to_owned(),
        week_header: ChartMsg::TableWeek.get(lang).to_owned(),
        columns: lines.iter().map(|line| line.def.name.get(lang).to_owned()).collect(),
        notes_header: show_notes.then(|| ChartMsg::NotesTitle.get(lang).to_owned()),
        rows,
    }
}

/// The session's views: a presentation of one picture at a time, in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ViewKind {
    /// Well-being over the weeks, with its bands.
    Who5,
    /// The CHIME profile, now and at the start.
    Chime,
    /// Job readiness, now and at the start.
    JobReady,
    /// Job readiness as the citizen and a consultant or mentor see it, and where they
    /// differ.
    Others,
    /// The workplace's evaluation during a placement.
    Workplace,
    /// Hours and attendance.
    Work,
    /// The goals, week by week.
    Goals,
    Milestones,
    /// The week's notes: private, so hidden until the citizen shows them.
    Notes,
}

impl ViewKind {
    pub const ALL: [ViewKind; 9] = [
        ViewKind::Who5,
        ViewKind::Chime,
        ViewKind::JobReady,
        ViewKind::Others,
        ViewKind::Workplace,
        ViewKind::Work,
        ViewKind::Goals,
        ViewKind::Milestones,
        ViewKind::Notes,
    ];

    /// Whether a session shows it until the citizen hides it (the notes are hidden until
    /// the citizen shows them).
    pub fn shown_at_first(self) -> bool {
        self != ViewKind::Notes
    }

    /// What its ids are made of.
    pub fn code(self) -> &'static str {
        match self {
            ViewKind::Who5 => "who5",
            ViewKind::Chime => "chime",
            ViewKind::JobReady => "jobready",
            ViewKind::Others => "others",
            ViewKind::Workplace => "workplace",
            ViewKind::Work => "work",
            ViewKind::Goals => "goals",
            ViewKind::Milestones => "milestones",
            ViewKind::Notes => "notes",
        }
    }

    /// Its name where the citizen chooses the views shown.
    pub fn name(self) -> ChartMsg {
        match self {
            ViewKind::Who5 => ChartMsg::ViewWho5,
            ViewKind::Chime => ChartMsg::ViewChime,
            ViewKind::JobReady => ChartMsg::ViewJobReady,
            ViewKind::Others => ChartMsg::ViewOthers,
            ViewKind::Workplace => ChartMsg::ViewWorkplace,
            ViewKind::Work => ChartMsg::ViewWork,
            ViewKind::Goals => ChartMsg::GoalsChartTitle,
            ViewKind::Milestones => ChartMsg::ViewMilestones,
            ViewKind::Notes => ChartMsg::NotesTitle,
        }
    }
}

/// One view of the session: its heading, its change in words, and its picture.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionView {
    pub kind: ViewKind,
    pub title: String,
    /// What changed, in words (each line's summary).
    pub words: Vec<String>,
    pub body: ViewBody,
}

/// A view's picture.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewBody {
    /// One chart, or two side by side.
    Trends(Vec<TrendFigure>),
    /// A profile, now and at the start, with its numbers.
    Radar(Box<RadarFigure>),
    Goals(GoalsFigure),
    /// When and what: the milestones, or the notes.
    List(Vec<(String, String)>),
}

/// The session's views of `history` and others' `readings` over the period chosen, each
/// that has something to show: charts drawn `one` px wide where a view has one, `two` where
/// it has two side by side (hours and attendance). The profiles compare the first and the
/// latest reading; a reading by another that the citizen hid is left out.
pub fn session_views(
    history: &History,
    readings: &crate::domain::rater::Readings,
    choices: &Choices,
    one: u32,
    two: u32,
) -> Vec<SessionView> {
    let lang = choices.lang;
    let mut chart = choices.chart.clone();
    chart.lines = crate::domain::series::line_defs()
        .into_iter()
        .filter(|d| d.unit == Unit::Percent || d.key.is_work())
        .map(|d| d.key)
        .collect();
    (chart.average, chart.table, chart.notes, chart.compare) = (false, false, false, None);
    let drawn = |width| match figures(history, &Choices { chart: chart.clone(), width, ..choices.clone() }) {
        Figures::Shown(shown) => Some(*shown),
        Figures::Empty(_) => None,
    };
    let (Some(wide), Some(halves)) = (drawn(one), drawn(two)) else { return Vec::new() };
    let view = |kind: ViewKind, title: String, words: Vec<String>, body| SessionView { kind, title, words, body };
    let mut views = Vec::new();
    if let Some(who5) = wide.trends().find(|t| t.code == "who5") {
        views.push(view(
            ViewKind::Who5,
            who5.title.clone(),
            vec![who5.summary.clone()],
            ViewBody::Trends(vec![who5.clone()]),
        ));
    }
    let weeks = choices.chart.period.weeks(history, choices.now);
    // Now and at the start: the first reading and the latest, nothing between.
    let mut profiles = radars(history, &weeks, None, lang);
    for (kind, id) in [(ViewKind::Chime, "chime5"), (ViewKind::JobReady, "jobready7")] {
        if let Some(at) = profiles.iter().position(|r| r.id == id) {
            let radar = profiles.remove(at);
            views.push(view(kind, radar.title.clone(), Vec::new(), ViewBody::Radar(Box::new(radar))));
        }
    }
    let others =
        crate::session::perspectives::perspectives(history, readings, &Choices { width: one, ..choices.clone() }, true);
    if let Some(radar) = others.radar {
        let words = others.differences.map(|d| vec![d.short]).unwrap_or_default();
        views.push(view(ViewKind::Others, radar.title.clone(), words, ViewBody::Radar(Box::new(radar))));
    }
    if let Some(workplace) = others.workplace {
        let words = vec![workplace.summary.clone()];
        views.push(view(ViewKind::Workplace, workplace.title.clone(), words, ViewBody::Trends(vec![workplace])));
    }
    let work: Vec<TrendFigure> =
        halves.trends().filter(|t| matches!(t.code, "hours" | "attendance")).cloned().collect();
    if !work.is_empty() {
        let words = work.iter().map(|t| t.summary.clone()).collect();
        views.push(view(ViewKind::Work, ChartMsg::ViewWork.get(lang).to_owned(), words, ViewBody::Trends(work)));
    }
    if let Some(goals) = wide.goals {
        views.push(view(ViewKind::Goals, goals.title.clone(), Vec::new(), ViewBody::Goals(goals)));
    }
    if let Some(list) = wide.milestones {
        let title = ChartMsg::ViewMilestones.get(lang).to_owned();
        views.push(view(ViewKind::Milestones, title, Vec::new(), ViewBody::List(list.items)));
    }
    let notes: Vec<(String, String)> =
        weeks.iter().filter_map(|w| Some((week_label_with_year(lang, *w), history.note_for(*w)?))).collect();
    if !notes.is_empty() {
        views.push(view(ViewKind::Notes, ChartMsg::NotesTitle.get(lang).to_owned(), Vec::new(), ViewBody::List(notes)));
    }
    views
}

/// The space between two charts side by side in the session view, in CSS px.
const GAP: f64 = 32.0;
/// The narrowest a chart is drawn (the trend charts' narrowest).
const NARROWEST: f64 = 280.0;

/// How many times larger than drawn the charts are shown on a screen `height` px tall:
/// twice on a 768 px laptop, and more on a taller screen (the texts grow with it).
pub fn zoom(height: f64) -> f64 {
    (height / 384.0).max(2.0)
}

/// The zoom and the width to draw each of `n` charts side by side for, in an area `w` ×
/// `h` px of a screen `vh` px tall: as wide as the area lets a chart of the trends'
/// proportions (9 : 20) be, never narrower than [`NARROWEST`]. On a phone the zoom is what
/// the width allows (at least 1).
pub fn fitted(w: f64, h: f64, vh: f64, n: f64) -> (f64, u32) {
    let room = ((w - GAP * (n - 1.0)) / n).max(1.0);
    let zoom = zoom(vh).min(room / NARROWEST).max(1.0);
    let width = (room / zoom).min(h / zoom * 20.0 / 9.0).max(NARROWEST);
    (zoom, width as u32)
}
