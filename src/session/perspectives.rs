//! Others' readings beside the citizen's own, as figures: job readiness per dimension with
//! the citizen's line and the consultant's or mentor's on the same axes, the two profiles
//! of the same or nearest week overlaid, where they see things three points or more apart
//! (worded as something to talk about, never who is right), and the workplace's evaluation
//! on a chart of its own.
//!
//! Pure and host-tested (`tests/perspectives.rs`), like [`crate::session::figures`].

use crate::chart::{self, LineStyle, Plotted, RadarPlotted, Trend, STYLES};
use crate::domain::history::History;
use crate::domain::instrument::{current, JOB_ID};
use crate::domain::lang::{Lang, Text};
use crate::domain::rater::{differences, nearest_own, Reading, Readings, Role, PLACEMENT_ID, RATER_JOB_ID};
use crate::domain::series::{radar_axes, trend, Line, LineDef, LineKey, RadarReading, Unit};
use crate::domain::week::IsoWeek;
use crate::i18n::{join, week_label_with_year, whole, ChartMsg};
use crate::session::figures::{summary_named, trend_figure, KeyEntry, RadarFigure, TrendFigure, SMALL_WIDTH};
use crate::session::files::rater_label;
use crate::session::protocol::Choices;

/// The citizen's own line, and the others' (a consultant's, a mentor's), each its own.
pub const OWN: LineStyle = STYLES[0];
const OTHERS: [LineStyle; 2] = [STYLES[1], STYLES[3]];

/// What the readings by others add to the progress screen and the session.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Perspectives {
    pub pairs: Option<PairsFigure>,
    pub radar: Option<RadarFigure>,
    pub differences: Option<Differences>,
    pub workplace: Option<TrendFigure>,
}

/// Job readiness, one small chart per dimension, each with the citizen's line and the
/// others' on the same weeks and the same 0–10 axis.
#[derive(Clone, Debug, PartialEq)]
pub struct PairsFigure {
    pub title: String,
    /// Whose each line is.
    pub key: Vec<KeyEntry>,
    pub charts: Vec<PairChart>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PairChart {
    pub code: &'static str,
    pub name: String,
    /// Each line's change in words: the drawing's accessible name.
    pub summary: String,
    pub svg: String,
}

/// Where the citizen and another see job readiness three points or more apart.
#[derive(Clone, Debug, PartialEq)]
pub struct Differences {
    pub title: String,
    /// Whose readings of which weeks are compared, and that a difference is something to
    /// talk about.
    pub intro: String,
    pub items: Vec<String>,
    /// The same in one sentence, for the session view (the numbers are in its picture).
    pub short: String,
}

/// The roles that rated job readiness, in the order of [`Role::OTHERS`].
fn raters(readings: &Readings, session: bool) -> Vec<Role> {
    let mut roles: Vec<Role> = readings.of(RATER_JOB_ID, session).map(|r| r.rater.role).collect();
    roles.sort();
    roles.dedup();
    roles
}

/// The role's readings of `id` as a line over `weeks`: each week the latest reading's
/// answer to `link_id`.
/// (Its name is said by the figure: a rater's is not the catalogue's.)
fn line_of(
    readings: &Readings,
    id: &str,
    session: bool,
    role: Option<Role>,
    link_id: &'static str,
    weeks: &[IsoWeek],
    unit: Unit,
) -> Line {
    let values = weeks
        .iter()
        .map(|week| {
            readings
                .of(id, session)
                .filter(|r| r.response.week == *week && role.is_none_or(|role| r.rater.role == role))
                .max_by(|a, b| a.response.authored.cmp(&b.response.authored))
                .and_then(|r| r.response.answers.get(link_id))
                .map(|v| f32::from(*v))
        })
        .collect();
    let instrument = if id == PLACEMENT_ID { "placement5" } else { "jobready7-rater" };
    let name = crate::domain::rater::find(id, "1")
        .ok()
        .and_then(|i| i.item(link_id))
        .map_or(Text::new("", ""), |item| item.short);
    Line { def: LineDef { key: LineKey::Item { instrument, link_id }, name, unit, instrument: None }, values }
}

/// Who a role's line is: the role, with the rater's name when every reading of it has the
/// same one.
fn whose(readings: &Readings, id: &str, session: bool, role: Role, lang: Lang) -> String {
    let mut of_role = readings.of(id, session).filter(|r| r.rater.role == role).map(|r| &r.rater);
    match of_role.next() {
        Some(first) if of_role.all(|r| r == first) => rater_label(first, lang),
        _ => crate::session::files::role_label(role, lang).to_owned(),
    }
}

/// The figures of `readings` beside `history`, over the period the citizen chose;
/// `session`: without the readings the citizen hid from the session.
pub fn perspectives(history: &History, readings: &Readings, choices: &Choices, session: bool) -> Perspectives {
    if history.span().is_none() && readings.readings.is_empty() {
        return Perspectives::default();
    }
    let lang = choices.lang;
    let weeks = period(history, readings, choices);
    let roles = raters(readings, session);
    let in_period = |r: &&Reading| weeks.contains(&r.response.week);
    let mut out = Perspectives::default();
    if !roles.is_empty() && readings.of(RATER_JOB_ID, session).any(|r| in_period(&r)) {
        out.pairs = Some(pairs(history, readings, &weeks, &roles, choices, session));
        let latest = readings
            .of(RATER_JOB_ID, session)
            .filter(in_period)
            .max_by(|a, b| (a.response.week, &a.response.authored).cmp(&(b.response.week, &b.response.authored)));
        if let Some(latest) = latest {
            let own = nearest_own(history, latest.response.week);
            out.radar = Some(radar(own, latest, lang));
            if let Some(own) = own {
                let found = differences(own, &latest.response);
                let who = rater_label(&latest.rater, lang);
                let (own_week, their_week) =
                    (week_label_with_year(lang, own.week), week_label_with_year(lang, latest.response.week));
                let items = found
                    .iter()
                    .map(|d| {
                        ChartMsg::DifferenceItem.fill(
                            lang,
                            &[
                                ("name", d.short.get(lang)),
                                ("mine", &d.citizen.to_string()),
                                ("who", &who),
                                ("theirs", &d.other.to_string()),
                            ],
                        )
                    })
                    .collect();
                let names: Vec<String> = found.iter().map(|d| d.short.get(lang).to_owned()).collect();
                let short = if found.is_empty() {
                    ChartMsg::DifferencesNoneShort.get(lang).to_owned()
                } else {
                    ChartMsg::DifferencesShort.fill(lang, &[("names", &join(lang, &names))])
                };
                out.differences = Some(Differences {
                    short,
                    title: ChartMsg::DifferencesTitle.get(lang).to_owned(),
                    intro: if found.is_empty() {
                        ChartMsg::DifferencesNone
                            .fill(lang, &[("who", &who), ("mine", &own_week), ("theirs", &their_week)])
                    } else {
                        ChartMsg::DifferencesIntro
                            .fill(lang, &[("who", &who), ("mine", &own_week), ("theirs", &their_week)])
                    },
                    items,
                });
            }
        }
    }
    if readings.of(PLACEMENT_ID, session).any(|r| in_period(&r)) {
        out.workplace = Some(workplace(readings, &weeks, choices, session));
    }
    out
}

/// The weeks shown: the period the citizen chose, over the citizen's history, or, with
/// none yet, over the readings.
fn period(history: &History, readings: &Readings, choices: &Choices) -> Vec<IsoWeek> {
    if history.span().is_some() {
        return choices.chart.period.weeks(history, choices.now);
    }
    let mut only = History::default();
    for reading in &readings.readings {
        only.responses.push(reading.response.clone());
    }
    choices.chart.period.weeks(&only, choices.now)
}

fn pairs(
    history: &History,
    readings: &Readings,
    weeks: &[IsoWeek],
    roles: &[Role],
    choices: &Choices,
    session: bool,
) -> PairsFigure {
    let lang = choices.lang;
    let Some(own) = current(JOB_ID) else {
        return PairsFigure { title: String::new(), key: Vec::new(), charts: Vec::new() };
    };
    let mut key =
        vec![KeyEntry { swatch: chart::swatch(OWN), name: ChartMsg::RoleCitizen.get(lang).to_owned(), figures: None }];
    let names: Vec<String> = roles.iter().map(|role| whose(readings, RATER_JOB_ID, session, *role, lang)).collect();
    for (n, name) in names.iter().enumerate() {
        key.push(KeyEntry { swatch: chart::swatch(OTHERS[n % OTHERS.len()]), name: name.clone(), figures: None });
    }
    let charts = radar_axes(own)
        .into_iter()
        .map(|axis| {
            // The citizen's own line first (empty where they have no answers), then each
            // rater's.
            let mut lines = trend(history, weeks, &[LineKey::Item { instrument: JOB_ID, link_id: axis.link_id }]);
            if lines.is_empty() {
                lines.push(line_of(&Readings::default(), JOB_ID, false, None, axis.link_id, weeks, Unit::Rating));
            }
            for role in roles {
                lines.push(line_of(readings, RATER_JOB_ID, session, Some(*role), axis.link_id, weeks, Unit::Rating));
            }
            let own_name = ChartMsg::RoleCitizen.get(lang).to_owned();
            let styled: Vec<(&Line, LineStyle)> = lines
                .iter()
                .enumerate()
                .map(|(n, line)| (line, if n == 0 { OWN } else { OTHERS[(n - 1) % OTHERS.len()] }))
                .collect();
            let drawn = chart::trend(
                &Trend {
                    weeks,
                    unit: Unit::Rating,
                    lines: styled.iter().map(|(line, style)| Plotted { line, style: *style, average: false }).collect(),
                    width: SMALL_WIDTH,
                    milestones: &[],
                },
                &|w| w.week().to_string(),
            );
            let summary = lines
                .iter()
                .zip(std::iter::once(&own_name).chain(&names))
                .map(|(line, name)| summary_named(name, line, weeks, lang))
                .collect::<Vec<_>>()
                .join(" ");
            PairChart { code: axis.link_id, name: axis.name.get(lang).to_owned(), summary, svg: drawn.svg }
        })
        .collect();
    PairsFigure { title: ChartMsg::PairsTitle.get(lang).to_owned(), key, charts }
}

/// The citizen's profile of the nearest week and the other's latest reading, overlaid.
fn radar(own: Option<&crate::domain::response::Response>, other: &Reading, lang: Lang) -> RadarFigure {
    let axes = current(JOB_ID).map(radar_axes).unwrap_or_default();
    let values = |r: &crate::domain::response::Response| {
        axes.iter().map(|a| r.answers.get(a.link_id).map(|v| f32::from(*v))).collect::<Vec<_>>()
    };
    let mut readings: Vec<(String, RadarReading, LineStyle)> = Vec::new();
    if let Some(own) = own {
        let name = ChartMsg::RaterWeek
            .fill(lang, &[("who", ChartMsg::RoleCitizen.get(lang)), ("week", &week_label_with_year(lang, own.week))]);
        readings.push((name, RadarReading { week: own.week, values: values(own) }, OWN));
    }
    let who = rater_label(&other.rater, lang);
    let theirs =
        ChartMsg::RaterWeek.fill(lang, &[("who", &who), ("week", &week_label_with_year(lang, other.response.week))]);
    readings.push((theirs, RadarReading { week: other.response.week, values: values(&other.response) }, OTHERS[0]));
    let plotted: Vec<RadarPlotted> =
        readings.iter().map(|(_, reading, style)| RadarPlotted { reading, style: *style }).collect();
    let drawn = chart::radar(&axes, &plotted, &|axis| axis.name.get(lang).to_owned());
    let names: Vec<String> = readings.iter().map(|(name, _, _)| name.clone()).collect();
    let name = ChartMsg::BothViewsTitle.get(lang).to_owned();
    RadarFigure {
        id: "both",
        title: name.clone(),
        label: ChartMsg::RadarSummary.fill(lang, &[("name", &name), ("weeks", &join(lang, &names))]),
        name,
        size: (drawn.width, drawn.height),
        svg: drawn.svg,
        key: readings
            .iter()
            .map(|(name, _, style)| KeyEntry { swatch: chart::swatch(*style), name: name.clone(), figures: None })
            .collect(),
        item_header: ChartMsg::TableItem.get(lang).to_owned(),
        weeks: names,
        rows: axes
            .iter()
            .enumerate()
            .map(|(a, axis)| {
                let values =
                    readings.iter().map(|(_, r, _)| r.values[a].map(whole).unwrap_or_else(|| "–".to_owned())).collect();
                (axis.name.get(lang).to_owned(), values)
            })
            .collect(),
    }
}

/// The workplace's evaluation: one line per question over the weeks shown.
fn workplace(readings: &Readings, weeks: &[IsoWeek], choices: &Choices, session: bool) -> TrendFigure {
    let lang = choices.lang;
    let Ok(instrument) = crate::domain::rater::find(PLACEMENT_ID, "1") else {
        unreachable!("the catalogue of others' instruments holds placement5")
    };
    let lines: Vec<Line> = instrument
        .items
        .iter()
        .map(|item| line_of(readings, PLACEMENT_ID, session, None, item.link_id, weeks, Unit::Rating))
        .collect();
    let styled: Vec<(&Line, LineStyle)> = lines.iter().enumerate().map(|(n, l)| (l, chart::style(n))).collect();
    let mut figure = trend_figure(Unit::Rating, weeks, &styled, &[], choices);
    figure.code = "workplace";
    figure.title = instrument.name.get(lang).to_owned();
    figure.keys_title = whose(readings, PLACEMENT_ID, session, Role::Employer, lang);
    figure
}
