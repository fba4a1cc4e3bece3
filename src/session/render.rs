//! The progress screen's content, rendered to HTML from the history: the trend charts with
//! their summaries and keys, the radar profiles, the numbers as tables and the notices.
//!
//! Pure and host-tested. In the browser it runs in a web worker (`src/bin/charts.rs`),
//! loaded only when the progress screen is opened, so the check-in's first load never
//! carries plotters or this code. Every text goes through [`Html`], which escapes it.

use serde::{Deserialize, Serialize};

use crate::chart::{self, Drawn, Plotted, RadarPlotted, Trend};
use crate::domain::history::History;
use crate::domain::instrument::{current, CATALOGUE};
use crate::domain::lang::Lang;
use crate::domain::progression::{format_hours, parse_date, Kept, Milestone, ProgressError};
use crate::domain::response::ValidationError;
use crate::domain::series::{
    goal_rows, milestones_in, radar_axes, radar_readings, radar_weeks, summarize, trend, weeks_with, Line, LineKey,
    Summary, Unit,
};
use crate::domain::week::{IsoWeek, FIRST_YEAR, LAST_YEAR};
use crate::formats::html::Html;
use crate::formats::ics::{Reminder, Wording};
use crate::formats::import::{self, Changed, Expected, Field, ImportError, Place};
use crate::i18n::{
    date_label, decimal_separator, join, signed, week_dates, week_label, week_label_with_year, whole, ChartMsg,
};
use crate::session::protocol::{Choices, Differs, FromWorker, ImportPreview};
use crate::session::trends::compare_choices;

const RADAR_INSTRUMENTS: [&str; 2] = ["chime5", "jobready7"];

/// Which screen to draw.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// The progress screen's figures: charts, radars, tables.
    #[default]
    Progress,
    /// The canonical export file (JSON text instead of HTML).
    Export,
    /// The history merged with the file in `import` (the stored history's JSON, not HTML).
    ImportMerge,
}

/// What to show: the screen, the citizen's choices (the same [`Choices`] the page sends),
/// and what one request adds to them. Made from the page's message
/// ([`crate::session::protocol::ToWorker::request`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub view: View,
    /// The language, the choices on the progress screen, the room there is, this week and
    /// the settings the screens show.
    pub choices: Choices,
    /// For [`View::Export`]: the time of the export (RFC 3339) and the citizen's nickname.
    pub exported: Option<String>,
    pub nickname: Option<String>,
    /// For [`View::Export`]: `json` (the canonical file, the default), `csv` or `fhir`.
    pub format: Option<String>,
    /// For [`View::ImportMerge`]: the file the citizen chose to import. In the worker,
    /// the file the page posted to it ([`crate::session::protocol::ToWorker::ImportFile`]).
    pub import: Option<String>,
    /// For [`View::ImportMerge`]: the ids of the conflicting responses where the file's
    /// answers win.
    pub take_theirs: Vec<String>,
    /// The reminder's form (`[name, value, name, value, …]`: `day` and `time`, with
    /// `today`, `uid` and `link` from the page).
    pub form: Vec<String>,
    /// For [`View::Export`]: lock the file with the passphrase (the worker does it).
    pub seal: bool,
}

/// A trend chart's geometry and the text for each week, for the cursor. The page reads
/// what it needs from the plot's `data-first-x`, `data-last-x`, `data-width`,
/// `data-first-week` and `data-lines` (`name;v,v,,v|name;…`, empty where not recorded)
/// attributes and builds the same texts with [`crate::i18n::readout`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cursor {
    /// Pixel x of the first and the last week in the drawn SVG (whole pixels: the page
    /// then needs no float formatting, which costs the first load several kilobytes).
    pub first_x: i32,
    pub last_x: i32,
    pub width: u32,
    /// How many weeks the chart spans.
    pub weeks: usize,
}

/// The rendered content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rendered {
    pub html: String,
    /// One per trend chart, in the order of the `data-chart` attributes.
    pub cursors: Vec<Cursor>,
    /// For [`View::Export`]: the file's name.
    pub file: Option<String>,
}

/// This build's version, written into exports.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// How many weeks the demo history spans: long enough for every period choice.
pub const DEMO_WEEKS: usize = 40;

/// Renders what `request` asks for from `history` (or the demo history): the progress
/// screen's figures ([`render_drawn`], in the page) or a file ([`render_file`], in the
/// worker).
pub fn render(history: &History, request: &Request) -> Rendered {
    match request.view {
        View::Progress => render_drawn(history, request),
        View::Export | View::ImportMerge => render_file(history, request),
    }
}

/// The demo's made-up history in place of `history` for a request of the demo (`?demo`).
fn with_demo(history: &History, request: &Request, render: fn(&History, &Request) -> Rendered) -> Rendered {
    if !request.choices.demo {
        return render(history, request);
    }
    let demo = crate::domain::demo::history(request.choices.now, DEMO_WEEKS);
    render(&demo, &Request { choices: Choices { demo: false, ..request.choices.clone() }, ..request.clone() })
}

/// The progress screen's figures, drawn by the page in the part of its code fetched when a
/// session screen opens: charts, keys, radars, tables and notices, in parts
/// ([`crate::formats::html::PART`]).
pub fn render_drawn(history: &History, request: &Request) -> Rendered {
    with_demo(history, request, progress)
}

/// A file, made by the worker: an export (the canonical file, CSV, FHIR, the reminder's
/// calendar file, the portal's text), or the history with the file in `import` merged (in
/// the stored format). Empty when it cannot be made. It carries none of the drawing code.
pub fn render_file(history: &History, request: &Request) -> Rendered {
    with_demo(history, request, file)
}

fn file(history: &History, request: &Request) -> Rendered {
    match request.view {
        View::ImportMerge => {
            // Only a file that still reads is merged; the page checks the result again.
            let html = match request.import.as_deref().map(import::read) {
                Some(Ok(imported)) => {
                    crate::formats::stored::encode_history(&import::merge(history, &imported, &request.take_theirs))
                }
                _ => String::new(),
            };
            Rendered { html, cursors: Vec::new(), file: None }
        }
        View::Export => {
            let exported = request.exported.as_deref().unwrap_or("");
            let file = crate::formats::export::export(history, exported, APP_VERSION, request.nickname.as_deref());
            let (text, extension) = match request.format.as_deref() {
                // For the portal: the canonical file's text itself, posted by the page.
                Some("portal") => {
                    return Rendered { html: crate::formats::export::to_json(&file), cursors: Vec::new(), file: None };
                }
                Some("ics") => return reminder_file(request),
                Some("csv") => (crate::formats::csv::to_csv(&file), "csv"),
                Some("fhir") => (crate::formats::fhir::to_json(&file), "fhir.json"),
                _ => (crate::formats::export::to_json(&file), "json"),
            };
            let name = crate::formats::export::file_name(&file, request.choices.now, extension);
            Rendered { html: text, cursors: Vec::new(), file: Some(name) }
        }
        View::Progress => Rendered { html: String::new(), cursors: Vec::new(), file: None },
    }
}

/// The reminder's calendar file from the form (`day`, `time`) and what the page adds
/// (`today`, `uid`, `link`, `at`); nothing when the form is not one the screen drew.
fn reminder_file(request: &Request) -> Rendered {
    let field = |name: &str| {
        request.form.chunks(2).find(|pair| pair[0] == name).and_then(|pair| pair.get(1)).map_or("", String::as_str)
    };
    let today = crate::domain::progression::parse_date(field("today"));
    let reminder = Reminder::parse(field("day"), field("time"));
    let html = match (reminder, today) {
        (Ok(reminder), Some(today)) => {
            let at = request.exported.as_deref().unwrap_or("");
            let lang = request.choices.lang;
            let wording =
                Wording { summary: ChartMsg::IcsSummary.get(lang), description: ChartMsg::IcsDescription.get(lang) };
            reminder.to_ics(lang, wording, today, at, field("uid"), field("link"))
        }
        _ => String::new(),
    };
    let file = (!html.is_empty()).then(|| "ugeblik-paamindelse.ics".to_owned());
    Rendered { html, cursors: Vec::new(), file }
}

fn progress(history: &History, request: &Request) -> Rendered {
    let lang = request.choices.lang;
    if history.span().is_none() {
        let mut html = Html::new();
        html.el("p", &[], ChartMsg::ProgressEmpty.get(lang));
        return Rendered { html: html.finish(), cursors: Vec::new(), file: None };
    }
    let weeks = request.choices.chart.period.weeks(history, request.choices.now);
    // The week's work is drawn only for a history that has any.
    let keys: Vec<LineKey> =
        request.choices.chart.lines.iter().copied().filter(|k| !k.is_work() || !history.work.is_empty()).collect();
    let lines = trend(history, &weeks, &keys);
    let milestones = milestones_in(history, &weeks);
    let marks: Vec<usize> = milestones.iter().map(|(index, _)| *index).collect();
    let mut html = Html::new();
    // The parts, each replaced in the page only when it changed: period, one per unit's
    // chart, the goals, the milestones, the radars, the table, the notices. The choices
    // are the toolbar's (`session::progress_screen`).
    let (first, last) = (weeks[0], weeks[weeks.len() - 1]);
    let shown = ChartMsg::PeriodShown
        .fill(lang, &[("from", &week_label_with_year(lang, first)), ("to", &week_label_with_year(lang, last))]);
    html.el("p", &[("class", "ugb-period__shown")], &shown);
    html.part();
    let mut cursors = Vec::new();
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
        if !of_unit.is_empty() {
            let index = cursors.len();
            cursors.push(trend_figure(&mut html, index, unit, &weeks, &of_unit, &marks, request));
        }
        html.part();
    }
    goals_figure(&mut html, history, &weeks, &marks, request);
    html.part();
    milestone_list(&mut html, &milestones, lang);
    html.part();
    let (_, compare) = compare_choices(history, &weeks, request.choices.chart.compare);
    radars(&mut html, history, &weeks, compare, lang);
    html.part();
    // Notes live in the table: showing them shows it.
    if request.choices.chart.table || request.choices.chart.notes {
        table(&mut html, history, &weeks, &lines, request.choices.chart.notes, lang);
    }
    html.part();
    notices(&mut html, lang);
    Rendered { html: html.finish(), cursors, file: None }
}

fn unit_title(unit: Unit) -> ChartMsg {
    match unit {
        Unit::Percent => ChartMsg::ChartPercent,
        Unit::Rating => ChartMsg::ChartRating,
        Unit::Hours => ChartMsg::ChartHours,
        Unit::Attendance => ChartMsg::ChartAttendance,
    }
}

fn summary_text(line: &Line, weeks: &[IsoWeek], lang: Lang) -> String {
    let name = line.def.name.get(lang);
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

/// A legend entry: the style's sample and a text.
fn key_entry(html: &mut Html, style: chart::LineStyle, name: &str, figures: Option<&str>) {
    html.open("li", &[]).open("span", &[("class", "ugb-swatch"), ("aria-hidden", "true")]);
    html.trusted_svg(&chart::swatch(style)).close("span").el("strong", &[], name);
    if let Some(figures) = figures {
        html.el("span", &[("class", "ugb-chart__figures")], figures);
    }
    html.close("li");
}

/// What a trend chart's marks mean: lines with their change figures, the average, the
/// WHO-5 bands and the ring around a marked change.
fn trend_key(html: &mut Html, unit: Unit, lines: &[(&Line, chart::LineStyle)], average: bool, lang: Lang) {
    html.el("p", &[("class", "ugb-chart__keys")], ChartMsg::ChartKeys.get(lang));
    html.open("ul", &[("class", "ugb-chart__key")]);
    for (line, style) in lines {
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
        key_entry(html, *style, line.def.name.get(lang), figures.as_deref());
    }
    html.close("ul");
    if average {
        html.el("p", &[("class", "ugb-chart__note")], ChartMsg::AverageLegend.get(lang));
    }
    if unit == Unit::Percent {
        html.open("ul", &[("class", "ugb-chart__key")]);
        for (class, msg) in [
            ("ugb-band ugb-band--low", ChartMsg::BandLow),
            ("ugb-band ugb-band--poor", ChartMsg::BandPoor),
            ("ugb-ring", ChartMsg::ChangeRing),
        ] {
            html.open("li", &[]).el("span", &[("class", class), ("aria-hidden", "true")], "").text(msg.get(lang));
            html.close("li");
        }
        html.close("ul");
        html.el("p", &[("class", "ugb-chart__note")], ChartMsg::BandNote.get(lang));
    }
}

/// One trend chart: title, summary (its accessible description), the SVG under a
/// focusable plot with a cursor, the readout line and the key.
fn trend_figure(
    html: &mut Html,
    index: usize,
    unit: Unit,
    weeks: &[IsoWeek],
    lines: &[(&Line, chart::LineStyle)],
    milestones: &[usize],
    request: &Request,
) -> Cursor {
    let lang = request.choices.lang;
    let drawn: Drawn = chart::trend(
        &Trend {
            weeks,
            unit,
            lines: lines
                .iter()
                .map(|(line, style)| Plotted { line, style: *style, average: request.choices.chart.average })
                .collect(),
            width: request.choices.width,
            milestones,
        },
        &|w| w.week().to_string(),
    );
    let id = format!("ugb-chart-{}", unit_code(unit));
    let (title_id, summary_id) = (format!("{id}-title"), format!("{id}-summary"));
    let summary = lines.iter().map(|(l, _)| summary_text(l, weeks, lang)).collect::<Vec<_>>().join(" ");
    html.open("figure", &[("class", "ugb-chart"), ("id", &id)]).open("figcaption", &[]);
    html.el("h3", &[("id", &title_id)], unit_title(unit).get(lang));
    html.el("p", &[("id", &summary_id), ("class", "ugb-chart__summary")], &summary).close("figcaption");
    let values: Vec<Vec<Option<String>>> =
        lines.iter().map(|(line, _)| line.values.iter().map(|v| v.map(|v| figure(line, v, lang))).collect()).collect();
    let cursor =
        Cursor { first_x: drawn.first_x as i32, last_x: drawn.last_x as i32, width: drawn.width, weeks: weeks.len() };
    let index_text = index.to_string();
    let (first_x, last_x, width) = (cursor.first_x.to_string(), cursor.last_x.to_string(), cursor.width.to_string());
    // The page builds the cursor's text itself from these: far less HTML than a text per week.
    let data_lines = lines
        .iter()
        .zip(&values)
        .map(|((line, _), v)| {
            let v: Vec<&str> = v.iter().map(|v| v.as_deref().unwrap_or("")).collect();
            format!("{};{}", line.def.name.get(lang), v.join(","))
        })
        .collect::<Vec<_>>()
        .join("|");
    let first_week = weeks.first().map(|w| w.to_string()).unwrap_or_default();
    html.open(
        "div",
        &[
            ("class", "ugb-chart__plot"),
            ("dir", "ltr"),
            ("role", "img"),
            ("tabindex", "0"),
            ("id", &format!("{id}-plot")),
            ("data-chart", &index_text),
            ("data-first-x", &first_x),
            ("data-last-x", &last_x),
            ("data-width", &width),
            ("data-first-week", &first_week),
            ("data-lines", &data_lines),
            ("aria-labelledby", &title_id),
            ("aria-describedby", &summary_id),
        ],
    );
    html.open("div", &[("class", "ugb-chart__svg")]).trusted_svg(&drawn.svg).close("div");
    html.el("span", &[("class", "ugb-chart__cursor"), ("aria-hidden", "true"), ("hidden", "")], "").close("div");
    html.el("p", &[("class", "ugb-chart__readout"), ("aria-live", "polite")], "");
    trend_key(html, unit, lines, request.choices.chart.average, lang);
    if !milestones.is_empty() {
        html.el("p", &[("class", "ugb-chart__note")], ChartMsg::MilestoneSeeList.get(lang));
    }
    html.close("figure");
    cursor
}

/// A value as the chart's texts write it: hours with up to two decimals, others whole.
fn figure(line: &Line, value: f32, lang: Lang) -> String {
    if line.def.unit == Unit::Hours && line.def.key.is_work() {
        format_hours((value * 60.0).round() as u32, decimal_separator(lang))
    } else {
        whole(value)
    }
}

/// Each goal's weekly answers as a row of marks, on the trend charts' time axis, with a
/// list that says the same in words.
fn goals_figure(html: &mut Html, history: &History, weeks: &[IsoWeek], milestones: &[usize], request: &Request) {
    let lang = request.choices.lang;
    let rows = goal_rows(history, weeks);
    if rows.is_empty() {
        return;
    }
    let drawn_rows: Vec<(String, Vec<Option<Kept>>)> = rows.iter().map(|r| (r.what.clone(), r.marks.clone())).collect();
    let drawn = chart::goal_rows(weeks, &drawn_rows, milestones, request.choices.width, &|w| w.week().to_string());
    html.open("figure", &[("class", "ugb-chart ugb-chart--goals"), ("id", "ugb-chart-goals")]);
    html.open("figcaption", &[]).el("h3", &[("id", "ugb-chart-goals-title")], ChartMsg::GoalsChartTitle.get(lang));
    html.close("figcaption");
    let summary: Vec<String> = rows
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
    html.open(
        "div",
        &[
            ("class", "ugb-chart__svg"),
            ("role", "img"),
            ("aria-labelledby", "ugb-chart-goals-title"),
            ("aria-describedby", "ugb-chart-goals-list"),
        ],
    );
    html.trusted_svg(&drawn.svg).close("div");
    html.el("p", &[("class", "ugb-chart__note")], ChartMsg::GoalsChartKey.get(lang));
    html.open("ul", &[("id", "ugb-chart-goals-list"), ("class", "ugb-chart__key")]);
    for line in &summary {
        html.el("li", &[], line);
    }
    html.close("ul").close("figure");
}

/// The milestones shown on the charts, numbered as their markers.
fn milestone_list(html: &mut Html, milestones: &[(usize, &Milestone)], lang: Lang) {
    if milestones.is_empty() {
        return;
    }
    html.open("div", &[("class", "ugb-milestone-list")]);
    html.el("p", &[("id", "ugb-milestone-key")], ChartMsg::MilestoneKey.get(lang));
    html.open("ol", &[("aria-labelledby", "ugb-milestone-key")]);
    for (_, milestone) in milestones {
        let when = parse_date(&milestone.date).map(|d| date_label(lang, d)).unwrap_or_default();
        html.open("li", &[])
            .el("strong", &[], &when)
            .text(" – ")
            .text(&crate::session::goals::milestone_text(milestone, lang));
        html.close("li");
    }
    html.close("ol").close("div");
}

fn unit_code(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "who5",
        Unit::Rating => "ratings",
        Unit::Hours => "hours",
        Unit::Attendance => "attendance",
    }
}

/// The radar profiles of CHIME and job readiness, each with its numbers as a table.
fn radars(html: &mut Html, history: &History, weeks: &[IsoWeek], compare: Option<IsoWeek>, lang: Lang) {
    html.open("div", &[("class", "ugb-radars")]);
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
        let label = ChartMsg::RadarSummary.fill(lang, &[("name", name), ("weeks", &join(lang, &week_names))]);
        let figure_id = format!("ugb-radar-{id}");
        html.open("figure", &[("class", "ugb-chart ugb-chart--radar"), ("id", &figure_id)]);
        html.open("figcaption", &[])
            .el("h3", &[], &ChartMsg::RadarTitle.fill(lang, &[("name", name)]))
            .close("figcaption");
        html.open("div", &[("class", "ugb-chart__svg"), ("role", "img"), ("aria-label", &label)]);
        html.trusted_svg(&drawn.svg).close("div");
        html.open("ul", &[("class", "ugb-chart__key")]);
        for (n, week) in week_names.iter().enumerate() {
            key_entry(html, chart::style(n), week, None);
        }
        html.close("ul");
        html.open("div", &[("class", "ugb-table-wrap"), ("role", "region"), ("aria-label", name), ("tabindex", "0")]);
        html.open("table", &[("class", "ugb-table")]).el("caption", &[], name);
        html.open("thead", &[]).open("tr", &[]).el("th", &[("scope", "col")], ChartMsg::TableItem.get(lang));
        for week in &week_names {
            html.el("th", &[("scope", "col")], week);
        }
        html.close("tr").close("thead").open("tbody", &[]);
        for (a, axis) in axes.iter().enumerate() {
            html.open("tr", &[]).el("th", &[("scope", "row")], axis.name.get(lang));
            for reading in &readings {
                html.el("td", &[], &reading.values[a].map(whole).unwrap_or_else(|| "–".to_owned()));
            }
            html.close("tr");
        }
        html.close("tbody").close("table").close("div").close("figure");
    }
    html.close("div");
}

/// The numbers behind the trend charts: one row per week with a reading (or, when the
/// citizen shows them, a note), oldest first, as the chart reads.
fn table(html: &mut Html, history: &History, weeks: &[IsoWeek], lines: &[Line], show_notes: bool, lang: Lang) {
    let title = ChartMsg::TableTitle.get(lang);
    html.open(
        "div",
        &[
            ("class", "ugb-table-wrap ugb-table-wrap--numbers"),
            ("role", "region"),
            ("aria-label", title),
            ("tabindex", "0"),
        ],
    );
    html.open("table", &[("class", "ugb-table"), ("id", "ugb-numbers")]).el("caption", &[], title);
    html.open("thead", &[]).open("tr", &[]).el("th", &[("scope", "col")], ChartMsg::TableWeek.get(lang));
    for line in lines {
        html.el("th", &[("scope", "col")], line.def.name.get(lang));
    }
    if show_notes {
        html.el("th", &[("scope", "col")], ChartMsg::NotesTitle.get(lang));
    }
    html.close("tr").close("thead").open("tbody", &[]);
    for (i, week) in weeks.iter().enumerate() {
        let note = if show_notes { history.note_for(*week) } else { None };
        if note.is_none() && lines.iter().all(|l| l.values[i].is_none()) {
            continue;
        }
        html.open("tr", &[]).open("th", &[("scope", "row")]).text(&week_label_with_year(lang, *week)).text(" ");
        html.el("span", &[("class", "ugb-dates")], &week_dates(lang, *week)).close("th");
        for line in lines {
            html.el("td", &[], &line.values[i].map(|v| figure(line, v, lang)).unwrap_or_else(|| "–".to_owned()));
        }
        if show_notes {
            html.el("td", &[("class", "ugb-table__note"), ("dir", "auto")], note.as_deref().unwrap_or(""));
        }
        html.close("tr");
    }
    html.close("tbody").close("table").close("div");
}

/// The instruments' notices: the WHO-5's attribution, and that the others are not validated.
fn notices(html: &mut Html, lang: Lang) {
    html.open("ul", &[("class", "ugb-chart-notices")]);
    for instrument in CATALOGUE.iter().filter(|i| current(i.id) == Some(*i)) {
        html.el("li", &[], instrument.notice.get(lang));
    }
    html.close("ul");
}

/// What a file read for import would bring to `history`, worded in `lang`: the counts,
/// what it adds, and a choice for each answer, goal, week of work or milestone the phone
/// has otherwise (the phone's is kept unless the citizen ticks the file's).
pub fn import_preview(history: &History, imported: &import::Imported, lang: Lang) -> ImportPreview {
    let seen = import::preview(history, imported);
    let (from, to) = seen.span.map_or((String::new(), String::new()), |(a, b)| {
        (week_label_with_year(lang, a), week_label_with_year(lang, b))
    });
    let summary = ChartMsg::PreviewSummary.fill(
        lang,
        &[
            ("responses", &seen.responses.to_string()),
            ("weeks", &seen.weeks.to_string()),
            ("from", &from),
            ("to", &to),
            ("new", &seen.new.to_string()),
            ("same", &seen.unchanged.to_string()),
        ],
    );
    let progression = (seen.goals + seen.work + seen.milestones > 0).then(|| {
        ChartMsg::PreviewProgression.fill(
            lang,
            &[
                ("goals", &seen.goals.to_string()),
                ("work", &seen.work.to_string()),
                ("milestones", &seen.milestones.to_string()),
            ],
        )
    });
    let mut added = Vec::new();
    for goal in &seen.new_goals {
        added.push(ChartMsg::PreviewNewGoal.fill(lang, &[("what", &goal.what)]));
    }
    if let (Some(first), Some(last)) = (seen.new_work.iter().min(), seen.new_work.iter().max()) {
        added.push(ChartMsg::PreviewNewWork.fill(
            lang,
            &[
                ("count", &seen.new_work.len().to_string()),
                ("from", &week_label_with_year(lang, *first)),
                ("to", &week_label_with_year(lang, *last)),
            ],
        ));
    }
    for milestone in &seen.new_milestones {
        let date = parse_date(&milestone.date).map(|d| date_label(lang, d)).unwrap_or_default();
        let what = crate::session::goals::milestone_text(milestone, lang);
        added.push(ChartMsg::PreviewNewMilestone.fill(lang, &[("date", &date), ("what", &what)]));
    }
    if seen.new_checks > 0 {
        added.push(ChartMsg::PreviewNewChecks.fill(lang, &[("count", &seen.new_checks.to_string())]));
    }
    let conflicts = seen
        .conflicts
        .iter()
        .map(|conflict| {
            let name = crate::domain::instrument::current(&conflict.instrument).map_or("", |i| i.name.get(lang));
            let label = ChartMsg::ConflictChoice.fill(
                lang,
                &[
                    ("name", name),
                    ("week", &week_label_with_year(lang, conflict.week)),
                    ("theirs", conflict.theirs_authored.get(..10).unwrap_or("")),
                    ("mine", conflict.mine_authored.get(..10).unwrap_or("")),
                ],
            );
            Differs { key: conflict.id.clone(), label }
        })
        .collect();
    let changes = seen
        .changes
        .iter()
        .map(|change| {
            let (theirs, mine) =
                (change.theirs_authored.get(..10).unwrap_or(""), change.mine_authored.get(..10).unwrap_or(""));
            let dates = [("theirs", theirs), ("mine", mine)];
            let label = match &change.what {
                Changed::Goal(goal) => ChartMsg::ChangeGoal.fill(lang, &[("what", &goal.what), dates[0], dates[1]]),
                Changed::Work(work) => ChartMsg::ChangeWork
                    .fill(lang, &[("week", &week_label_with_year(lang, work.week)), dates[0], dates[1]]),
                Changed::Milestone(milestone) => {
                    let date = parse_date(&milestone.date).map(|d| date_label(lang, d)).unwrap_or_default();
                    let what = crate::session::goals::milestone_text(milestone, lang);
                    ChartMsg::ChangeMilestone.fill(lang, &[("date", &date), ("what", &what), dates[0], dates[1]])
                }
            };
            Differs { key: change.key.clone(), label }
        })
        .collect();
    let nickname =
        seen.nickname.as_deref().map(|nickname| ChartMsg::PreviewNickname.fill(lang, &[("nickname", nickname)]));
    ImportPreview { summary, progression, added, nickname, conflicts, changes }
}

/// Why a file cannot be imported, in the citizen's language, saying what and where: the
/// week and questionnaire, the goal, the week's work or the milestone; the field or the
/// question; what it should hold and what the file has.
pub fn import_error(error: &ImportError, lang: Lang) -> String {
    let n = |v: usize| v.to_string();
    match error {
        ImportError::TooLarge { bytes } => {
            ChartMsg::ErrTooLarge.fill(lang, &[("size", &n(bytes.div_ceil(1024 * 1024)))])
        }
        ImportError::NotJson { line, column } => {
            ChartMsg::ErrNotJson.fill(lang, &[("line", &n(*line)), ("column", &n(*column))])
        }
        ImportError::Truncated => ChartMsg::ErrTruncated.get(lang).to_owned(),
        ImportError::TooDeep => ChartMsg::ErrTooDeep.get(lang).to_owned(),
        ImportError::NotAnExport => ChartMsg::ErrNotAnExport.get(lang).to_owned(),
        ImportError::OtherFormat { format } => ChartMsg::ErrOtherFormat.fill(lang, &[("format", format)]),
        ImportError::TooNew { version } => ChartMsg::ErrTooNew.fill(lang, &[("version", &version.to_string())]),
        ImportError::Wrong { place, field, expected, found } => ChartMsg::ErrWrong.fill(
            lang,
            &[
                ("place", &place_text(place, lang)),
                ("field", &field_text(field, lang)),
                ("expected", &expected_text(*expected, lang)),
                ("found", found),
            ],
        ),
        ImportError::Missing { place, field } => {
            ChartMsg::ErrMissing.fill(lang, &[("place", &place_text(place, lang)), ("field", &field_text(field, lang))])
        }
        ImportError::Unknown { place, field } => ChartMsg::ErrUnknownField
            .fill(lang, &[("place", &place_text(place, lang)), ("field", &field_text(field, lang))]),
        ImportError::OutOfRange { place, field, found } => ChartMsg::ErrOutOfRange.fill(
            lang,
            &[
                ("place", &place_text(place, lang)),
                ("field", &field_text(field, lang)),
                ("found", found),
                ("first", &FIRST_YEAR.to_string()),
                ("last", &LAST_YEAR.to_string()),
            ],
        ),
        ImportError::Shape { line, column, .. } => {
            ChartMsg::ErrShape.fill(lang, &[("line", &n(*line)), ("column", &n(*column))])
        }
        ImportError::Invalid { place, error } => ChartMsg::ErrInvalid
            .fill(lang, &[("place", &place_text(place, lang)), ("problem", &validation_text(error, lang))]),
        ImportError::Duplicate { place } => ChartMsg::ErrDuplicate.fill(lang, &[("place", &place_text(place, lang))]),
        ImportError::Progression { place, error } => ChartMsg::ErrProgression
            .fill(lang, &[("place", &place_text(place, lang)), ("problem", &progress_text(error, lang))]),
    }
}

/// Where in the file, as the citizen knows it: "The answers for Week 47, 2026 (WHO-5)".
fn place_text(place: &Place, lang: Lang) -> String {
    let index = |index: &usize| [("index", index.to_string())];
    let with = |msg: ChartMsg, values: &[(&str, String)]| {
        let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        msg.fill(lang, &values)
    };
    match place {
        Place::File => ChartMsg::PlaceFile.get(lang).to_owned(),
        Place::Instrument { index: i } => with(ChartMsg::PlaceInstrument, &index(i)),
        Place::Response { week: Some(week), instrument: Some(id), .. } if week.in_range() => {
            let name = current(id).map_or_else(|| format!("\"{id}\""), |i| i.name.get(lang).to_owned());
            with(ChartMsg::PlaceResponse, &[("week", week_label_with_year(lang, *week)), ("name", name)])
        }
        Place::Response { index: i, .. } => with(ChartMsg::PlaceResponseIndex, &index(i)),
        Place::Goal { what: Some(what), .. } => with(ChartMsg::PlaceGoal, &[("what", what.clone())]),
        Place::Goal { index: i, .. } => with(ChartMsg::PlaceGoalIndex, &index(i)),
        Place::Check { goal, week: Some(week) } if week.in_range() => {
            with(ChartMsg::PlaceCheck, &[("goal", place_text(goal, lang)), ("week", week_label_with_year(lang, *week))])
        }
        Place::Check { goal, .. } => with(ChartMsg::PlaceCheckAny, &[("goal", place_text(goal, lang))]),
        Place::Work { week: Some(week), .. } if week.in_range() => {
            with(ChartMsg::PlaceWork, &[("week", week_label_with_year(lang, *week))])
        }
        Place::Work { index: i, .. } => with(ChartMsg::PlaceWorkIndex, &index(i)),
        Place::Milestone { date: Some(date), .. }
            if parse_date(date).is_some_and(|d| IsoWeek::containing(d).in_range()) =>
        {
            let date = parse_date(date).map(|d| date_label(lang, d)).unwrap_or_default();
            with(ChartMsg::PlaceMilestone, &[("date", date)])
        }
        Place::Milestone { index: i, .. } => with(ChartMsg::PlaceMilestoneIndex, &index(i)),
    }
}

fn field_text(field: &Field, lang: Lang) -> String {
    match field {
        Field::Key(name) => ChartMsg::FieldKey.fill(lang, &[("name", name)]),
        Field::Answer(item) => ChartMsg::FieldAnswer.fill(lang, &[("item", item)]),
    }
}

fn expected_text(expected: Expected, lang: Lang) -> String {
    match expected {
        Expected::Text => ChartMsg::ExpText.get(lang).to_owned(),
        Expected::Whole { max } => ChartMsg::ExpWhole.fill(lang, &[("max", &max.to_string())]),
        Expected::YesNo => ChartMsg::ExpYesNo.get(lang).to_owned(),
        Expected::Week => ChartMsg::ExpWeek.get(lang).to_owned(),
        Expected::Time => ChartMsg::ExpTime.get(lang).to_owned(),
        Expected::Lang => ChartMsg::ExpLang.get(lang).to_owned(),
        Expected::OneOf(words) => ChartMsg::ExpOneOf.fill(lang, &[("words", &words.join(", "))]),
        Expected::List => ChartMsg::ExpList.get(lang).to_owned(),
        Expected::Fields => ChartMsg::ExpFields.get(lang).to_owned(),
    }
}

fn progress_text(error: &ProgressError, lang: Lang) -> String {
    match error {
        ProgressError::EmptyId => ChartMsg::ProgNoId.get(lang).to_owned(),
        ProgressError::EmptyGoal => ChartMsg::ProgEmptyGoal.get(lang).to_owned(),
        ProgressError::BadDate(text) => ChartMsg::ProgBadDate.fill(lang, &[("text", text)]),
        ProgressError::CheckedTwice(week) => {
            ChartMsg::ProgCheckedTwice.fill(lang, &[("week", &week_label_with_year(lang, *week))])
        }
        ProgressError::TooMany { field, value, max } => ChartMsg::ProgTooMany
            .fill(lang, &[("field", field), ("value", &value.to_string()), ("max", &max.to_string())]),
        ProgressError::AttendedAbovePlanned => ChartMsg::ProgAttended.get(lang).to_owned(),
        ProgressError::WeekTwice(_) | ProgressError::IdTwice(_) => ChartMsg::ProgTwice.get(lang).to_owned(),
        ProgressError::EmptyMilestone => ChartMsg::ProgEmptyMilestone.get(lang).to_owned(),
    }
}

fn validation_text(error: &ValidationError, lang: Lang) -> String {
    match error {
        ValidationError::UnknownInstrument { id } => {
            ChartMsg::ProbUnknownInstrument.fill(lang, &[("id", &id.chars().take(40).collect::<String>())])
        }
        ValidationError::UnknownVersion { id: name, version } => ChartMsg::ProbUnknownVersion
            .fill(lang, &[("id", name), ("version", &version.chars().take(20).collect::<String>())]),
        ValidationError::UnknownItem { link_id } => {
            ChartMsg::ProbUnknownItem.fill(lang, &[("item", &link_id.chars().take(40).collect::<String>())])
        }
        ValidationError::OutOfRange { link_id, value, max, .. } if value > max => ChartMsg::ProbAbove
            .fill(lang, &[("item", link_id), ("value", &value.to_string()), ("max", &max.to_string())]),
        ValidationError::OutOfRange { link_id, value, min, .. } => ChartMsg::ProbBelow
            .fill(lang, &[("item", link_id), ("value", &value.to_string()), ("min", &min.to_string())]),
        ValidationError::MissingAnswer { link_id } => ChartMsg::ProbMissing.fill(lang, &[("item", link_id)]),
        ValidationError::WronglyPartial => ChartMsg::ProbWronglyPartial.get(lang).to_owned(),
        ValidationError::EmptyId => ChartMsg::ProbEmptyId.get(lang).to_owned(),
        ValidationError::Progression(what) => {
            ChartMsg::ProbProgression.fill(lang, &[("what", &what.chars().take(80).collect::<String>())])
        }
    }
}

/// A locked file's answer before it is opened: its passphrase asked for, or why it cannot
/// be opened. `None` for a file that is not locked.
fn locked_answer(text: &str, lang: Lang) -> Option<FromWorker> {
    if !crate::formats::sealed::is_sealed_file(text) {
        return None;
    }
    Some(match crate::formats::sealed::decode_file(text) {
        Ok(_) => FromWorker::Locked { wrong: false },
        Err(error) => FromWorker::Refused(ChartMsg::ImportLockedBroken.fill(lang, &[("what", &error.to_string())])),
    })
}

/// The worker's answer to the consultant's viewer for a file's text (opened, if it was
/// locked): its history to show, that it is locked, or why it cannot be shown, in `lang`.
pub fn open_for_viewer(text: &str, lang: Lang) -> FromWorker {
    if let Some(locked) = locked_answer(text, lang) {
        return locked;
    }
    match import::read(text) {
        Ok(imported) => {
            let history = History {
                responses: imported.responses,
                goals: imported.goals,
                work: imported.work,
                milestones: imported.milestones,
            };
            FromWorker::Opened {
                nickname: imported.nickname,
                responses: u32::try_from(history.responses.len()).unwrap_or(u32::MAX),
                history: crate::formats::stored::encode_history(&history),
            }
        }
        Err(error) => FromWorker::Refused(import_error(&error, lang)),
    }
}

/// The worker's answer to a file chosen for import (opened, if it was locked): what it
/// would bring to `history`, that it is locked, or why it cannot be read and that nothing
/// changed, in `lang`.
pub fn preview_for_import(history: &History, text: &str, lang: Lang) -> FromWorker {
    if let Some(locked) = locked_answer(text, lang) {
        return locked;
    }
    match import::read(text) {
        Ok(imported) => FromWorker::Preview(Box::new(import_preview(history, &imported, lang))),
        Err(error) => {
            FromWorker::Refused(format!("{} {}", import_error(&error, lang), ChartMsg::ErrNothingChanged.get(lang)))
        }
    }
}
