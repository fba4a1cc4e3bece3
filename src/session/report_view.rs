//! The provider's report on screen (issue 21): the anonymous figures of
//! [`crate::domain::report`] for a period, as tables a screen reader reads cell by cell,
//! with the median first and latest profiles of CHIME and job readiness (the citizens' own,
//! and the consultant's or mentor's rating of them) as radars; saved as
//! CSV (the report's own rows, [`Report::csv`]) and printed on A4. A part of the
//! caseload's screen: the figures come from the caseload, or from files chosen for the
//! report alone (read by the worker, kept nowhere).

use leptos::prelude::*;

use crate::chart::{self, RadarPlotted};
use crate::domain::instrument::{current, Instrument, WHO5_ID};
use crate::domain::lang::Lang;
use crate::domain::rater::RATED;
use crate::domain::report::{count_cell, figure, Cell, Report, BANDS};
use crate::domain::series::{radar_axes, RadarReading};
use crate::i18n::{week_label_with_year, CaseloadMsg, ChartMsg};
use crate::session::caseload::band_text;

/// A figure as the screen writes it: as the CSV does, with the language's decimal
/// separator. The cell says which of the CSV's rows it is (`data-figure`).
fn shown<T: Into<f64> + Copy>(lang: Lang, cell: Cell<T>) -> String {
    let text = figure(cell);
    match crate::i18n::decimal_separator(lang) {
        '.' => text,
        separator => text.replace('.', &separator.to_string()),
    }
}

fn count(lang: Lang, cell: Cell<usize>) -> String {
    shown(lang, count_cell(cell))
}

/// The citizen's instrument `id`, or the one others rate the citizen with.
fn instrument(id: &str) -> Option<&'static Instrument> {
    current(id).or_else(|| RATED.iter().find(|i| i.id == id))
}

/// A measure's name: WHO-5's, or an instrument's name (the rater's for others' readings)
/// and the item's short name.
fn measure_name(lang: Lang, code: &str) -> String {
    if code == WHO5_ID {
        return ChartMsg::ChartPercent.get(lang).to_owned();
    }
    let Some((id, link_id)) = code.split_once('.') else { return code.to_owned() };
    let Some(instrument) = instrument(id) else { return code.to_owned() };
    let item = instrument.items.iter().find(|i| i.link_id == link_id);
    format!("{}: {}", instrument.name.get(lang), item.map_or(link_id, |i| i.short.get(lang)))
}

/// One row of a two-column table of figures: its name and its value.
fn figure_row(name: String, csv: &'static str, value: String) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{name}</th>
            <td data-figure=csv>{value}</td>
        </tr>
    }
}

/// A table of figures, one row each: its name and its value (and which CSV row it is).
fn figures_table(lang: Lang, caption: CaseloadMsg, rows: Vec<(CaseloadMsg, &'static str, String)>) -> impl IntoView {
    let rows =
        rows.into_iter().map(|(name, csv, value)| figure_row(name.get(lang).to_owned(), csv, value)).collect_view();
    view! {
        <div class="ugb-table-wrap">
            <table class="ugb-table">
                <caption>{caption.get(lang)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{CaseloadMsg::ReportFigure.get(lang)}</th>
                        <th scope="col">{CaseloadMsg::ReportValue.get(lang)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The share `part` of `whole`, in whole per cent, when both are shown.
fn share(part: Cell<usize>, whole: Cell<usize>) -> String {
    match (part, whole) {
        (Cell::Shown(part), Cell::Shown(whole)) if whole > 0 => format!("{} %", (part * 100 + whole / 2) / whole),
        _ => "–".to_owned(),
    }
}

/// The radar of `instrument`'s median first and latest answers (a suppressed median leaves
/// the outline open there).
fn radar(lang: Lang, report: &Report, id: &str) -> Option<impl IntoView> {
    let instrument = instrument(id)?;
    let axes = radar_axes(instrument);
    let median = |first: bool| {
        let values = axes
            .iter()
            .map(|axis| {
                let code = format!("{id}.{}", axis.link_id);
                let row = report.measures.iter().find(|m| m.code == code)?;
                match if first { row.first } else { row.latest } {
                    Cell::Shown(value) => Some(value as f32),
                    Cell::Few => None,
                }
            })
            .collect();
        RadarReading { week: if first { report.from } else { report.to }, values }
    };
    let (first, latest) = (median(true), median(false));
    let plotted = [
        RadarPlotted { reading: &first, style: chart::style(0) },
        RadarPlotted { reading: &latest, style: chart::style(1) },
    ];
    let drawn = chart::radar(&axes, &plotted, &|axis| axis.name.get(lang).to_owned());
    let name = instrument.name.get(lang);
    let title = CaseloadMsg::ReportRadar.fill(lang, &[("name", name)]);
    let key = [(chart::style(0), CaseloadMsg::ReportFirst), (chart::style(1), CaseloadMsg::ReportLatest)]
        .into_iter()
        .map(|(style, msg)| {
            view! {
                <li>
                    <span class="ugb-swatch" aria-hidden="true" inner_html=chart::swatch(style)></span>
                    <span class="ugb-chart__key-words">{msg.get(lang)}</span>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <figure class="ugb-chart ugb-report__radar">
            <figcaption>
                <h4>{title.clone()}</h4>
            </figcaption>
            <ul class="ugb-chart__key">{key}</ul>
            <div class="ugb-chart__svg" role="img" aria-label=title inner_html=drawn.svg></div>
        </figure>
    })
}

/// The report: what it covers, the medians, WHO-5's change and bands, work and goals, the
/// radars; and its CSV, as a link that saves it (a `data:` address: nothing is sent).
pub fn report_view(lang: Lang, report: &Report) -> impl IntoView {
    let period = CaseloadMsg::ReportPeriod.fill(
        lang,
        &[("from", &week_label_with_year(lang, report.from)), ("to", &week_label_with_year(lang, report.to))],
    );
    let measures = report
        .measures
        .iter()
        .map(|m| {
            view! {
                <tr>
                    <th scope="row">{measure_name(lang, &m.code)}</th>
                    <td data-figure=format!("{}.citizens", m.code)>{count(lang, m.citizens)}</td>
                    <td data-figure=format!("{}.median_first", m.code)>{shown(lang, m.first)}</td>
                    <td data-figure=format!("{}.median_latest", m.code)>{shown(lang, m.latest)}</td>
                </tr>
            }
        })
        .collect_view();
    let bands = (0..BANDS)
        .map(|start| {
            let cells = (0..BANDS)
                .map(|end| {
                    view! {
                        <td data-figure=format!("who5.band_start_{start}.end_{end}")>
                            {count(lang, report.bands[start][end])}
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row" class="ugb-caseload__num">{band_text(start)}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    // The citizens' own profiles, and the consultant's or mentor's rating of the same
    // dimensions.
    let radars = ["chime5", "jobready7", crate::domain::rater::RATER_JOB_ID].map(|id| radar(lang, report, id));
    let band_heads =
        (0..BANDS).map(|end| view! { <th scope="col" class="ugb-caseload__num">{band_text(end)}</th> }).collect_view();
    let csv = report.csv();
    // Base64, with the page's own encoder: encodeURIComponent would be one more import.
    let href = format!("data:text/csv;charset=utf-8;base64,{}", crate::formats::sealed::base64(csv.as_bytes()));
    let name = format!("ugeblik-rapport-{}-{}.csv", report.from, report.to);
    view! {
        <section class="ugb-report__made" aria-labelledby="ugb-report-made">
            <h4 id="ugb-report-made">{period}</h4>
            <div class="ugb-toolbar__row ugb-report__actions">
                <a class="ugb-secondary" href=href download=name>{CaseloadMsg::ReportCsv.get(lang)}</a>
                <button type="button" class="ugb-secondary" on:click=|_| {
                    // Not `browser::print`: calling it from this part too would cost the
                    // progress screen's opening, where it is inlined now, 0.1 KB.
                    let _ = window().print();
                }>
                    {CaseloadMsg::ReportPrint.get(lang)}
                </button>
            </div>
            {figures_table(lang, CaseloadMsg::ReportTitle, vec![
                (CaseloadMsg::ReportCitizens, "citizens", count(lang, report.citizens)),
                (CaseloadMsg::ReportWeeks, "weeks_answered", count(lang, report.weeks_answered)),
            ])}
            <div class="ugb-table-wrap">
                <table class="ugb-table">
                    <caption>{CaseloadMsg::ReportMedians.get(lang)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{CaseloadMsg::ReportMeasure.get(lang)}</th>
                            <th scope="col">{CaseloadMsg::ReportCount.get(lang)}</th>
                            <th scope="col">{CaseloadMsg::ReportFirst.get(lang)}</th>
                            <th scope="col">{CaseloadMsg::ReportLatest.get(lang)}</th>
                        </tr>
                    </thead>
                    <tbody>{measures}</tbody>
                </table>
            </div>
            <div class="ugb-report__radars">{radars}</div>
            <div class="ugb-table-wrap">
                <table class="ugb-table">
                    <caption>{CaseloadMsg::ReportWho5Change.get(lang)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{CaseloadMsg::ReportFigure.get(lang)}</th>
                            <th scope="col">{CaseloadMsg::ReportCount.get(lang)}</th>
                            <th scope="col">{CaseloadMsg::ReportShare.get(lang)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr>
                            <th scope="row">{CaseloadMsg::ReportPairs.get(lang)}</th>
                            <td data-figure="who5.two_weeks">{count(lang, report.who5_pairs)}</td>
                            <td></td>
                        </tr>
                        <tr>
                            <th scope="row">{CaseloadMsg::ReportRose.get(lang)}</th>
                            <td data-figure="who5.rose_10">{count(lang, report.who5_rose)}</td>
                            <td>{share(report.who5_rose, report.who5_pairs)}</td>
                        </tr>
                        <tr>
                            <th scope="row">{CaseloadMsg::ReportFell.get(lang)}</th>
                            <td data-figure="who5.fell_10">{count(lang, report.who5_fell)}</td>
                            <td>{share(report.who5_fell, report.who5_pairs)}</td>
                        </tr>
                    </tbody>
                </table>
            </div>
            <div class="ugb-table-wrap">
                <table class="ugb-table">
                    <caption>{CaseloadMsg::ReportBands.get(lang)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{CaseloadMsg::ReportBandCorner.get(lang)}</th>
                            {band_heads}
                        </tr>
                    </thead>
                    <tbody>{bands}</tbody>
                </table>
            </div>
            {figures_table(lang, CaseloadMsg::ReportWork, vec![
                (CaseloadMsg::ReportHoursCitizens, "hours.citizens", count(lang, report.hours_citizens)),
                (CaseloadMsg::ReportHoursFirst, "hours.median_first", shown(lang, report.hours_first)),
                (CaseloadMsg::ReportHoursLatest, "hours.median_latest", shown(lang, report.hours_latest)),
                (CaseloadMsg::ReportAttendance, "attendance.percent", shown(lang, report.attendance)),
            ])}
            {figures_table(lang, CaseloadMsg::ReportGoals, vec![
                (CaseloadMsg::ReportGoalsSet, "goals.set", count(lang, report.goals_set)),
                (CaseloadMsg::ReportGoalsReached, "goals.reached", count(lang, report.goals_reached)),
                (CaseloadMsg::ReportGoalsChanged, "goals.changed", count(lang, report.goals_changed)),
                (CaseloadMsg::ReportGoalsDropped, "goals.dropped", count(lang, report.goals_dropped)),
            ])}
        </section>
    }
}
