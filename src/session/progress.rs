//! The progress screen's figures as components: each trend chart with its summary, key and
//! cursor (pointer and arrow keys), the goals' rows, the milestones, the radar profiles with
//! their numbers, the table and the notices, laid out from the data
//! [`crate::session::figures`] makes (plotters' SVG placed as it is drawn). In the part of
//! the page's code fetched when a session screen first opens
//! (`crate::session::screen::drawn_screen`): the check-in's first load carries none of it.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::lang::Lang;
use crate::i18n::ChartMsg;
use crate::page::state::AppState;
use crate::platform::browser;
use crate::session::figures::{
    self, figures, Chart, Figures, GoalsFigure, KeyEntry, MultiplesFigure, NumbersRow, NumbersTable, RadarFigure,
    SmallChart, TrendFigure,
};
use crate::session::perspectives::{Differences, PairChart, PairsFigure, Perspectives};
use crate::session::protocol::Choices;
use crate::session::screen::Shown;

/// The drawn screens' styles, linked when the first of them opens.
pub(crate) const STYLESHEET: &str = "./drawn.css";

/// The width the progress screen's charts are drawn for: the app's, measured again when
/// the window changes it.
pub fn fitted_width() -> RwSignal<u32> {
    let width = RwSignal::new(browser::app_width());
    request_animation_frame(move || width.set(browser::app_width()));
    let resize = window_event_listener(leptos::ev::resize, move |_| width.set(browser::app_width()));
    on_cleanup(move || resize.remove());
    width
}

/// What every drawing depends on, from the choices made (tracked when read in an effect).
pub(crate) fn choices(state: AppState, lang: Lang, width: u32) -> Choices {
    Choices { lang, demo: state.demo, chart: state.chart.get(), width, now: state.week }
}

/// The progress screen's figures for the history `shown` (the citizen's, the demo's, or
/// the file the consultant's viewer opened: nothing until one is), made anew whenever a
/// choice, the language or the width changes. The view is rebuilt in place: an element
/// whose content did not change is left alone (a chart's SVG is set again only when it
/// changed), so focus stays where it was.
pub(crate) fn results(shown: Shown, lang: Lang, width: RwSignal<u32>) -> impl IntoView {
    let state = shown.state;
    browser::ensure_stylesheet(STYLESHEET);
    // How many times the figures were made (the area's `data-drawn`, which the browser
    // tests wait on) and how long the last took, in hundredths of a millisecond.
    let drawings = StoredValue::new(0u32);
    let figures = move || {
        let choices = choices(state, lang, width.get());
        crate::i18n::pack::install_chart(lang);
        let started = browser::now_millis();
        let figures = match shown.file {
            Some(file) => file.with(|opened| opened.as_ref().map(|history| figures(history, &choices))),
            None => Some(shown.with(|history| figures(history, &choices))),
        };

        let hundredths = ((browser::now_millis() - started) * 100.0) as u32;
        drawings.update_value(|n| *n += 1);
        let millis = format!("{}.{:02}", hundredths / 100, hundredths % 100);
        let content = match figures {
            // No file opened yet: what the viewer is for, in its place.
            None => view! { <p>{ChartMsg::ViewerText.get(lang)}</p> }.into_any(),
            Some(Figures::Empty(text)) => view! { <p>{text}</p> }.into_any(),
            Some(Figures::Shown(shown)) => shown_figures(*shown, lang).into_any(),
        };
        view! {
            <div class="ugb-results" aria-busy="false" data-drawn=drawings.get_value() data-millis=millis>
                {content}
            </div>
        }
    };
    figures
}

/// The figures of a history with answers.
fn shown_figures(shown: figures::Shown, lang: Lang) -> impl IntoView {
    let figures::Shown { period, charts, goals, milestones, radars, table, notices } = shown;
    let charts = charts.into_iter().map(|chart| match chart {
        Chart::Trend(figure) => view! { <TrendChart figure=*figure lang/> }.into_any(),
        Chart::Multiples(multiples) => view! { <Multiples multiples/> }.into_any(),
    });
    view! {
        <p class="ugb-period__shown">{period}</p>
        {charts.collect_view()}
        {goals.map(|goals| view! { <GoalsChart goals/> })}
        {milestones.map(|list| {
            view! {
                <div class="ugb-milestone-list">
                    <p id="ugb-milestone-key">{list.title}</p>
                    <ol aria-labelledby="ugb-milestone-key">
                        {list
                            .items
                            .into_iter()
                            .map(|(when, what)| view! { <li><strong>{when}</strong>" – "{what}</li> })
                            .collect_view()}
                    </ol>
                </div>
            }
        })}
        <div class="ugb-radars">{radars.into_iter().map(|radar| view! { <RadarChart radar/> }).collect_view()}</div>
        {table.map(|table| view! { <Numbers table/> })}
        <ul class="ugb-chart-notices">{notices.into_iter().map(|notice| view! { <li>{notice}</li> }).collect_view()}</ul>
    }
}

/// Others' readings beside the citizen's own: job readiness from both sides, the two
/// profiles, where they differ, and the workplace's evaluation.
pub(crate) fn others_figures(others: Perspectives, lang: Lang) -> impl IntoView {
    let Perspectives { pairs, radar, differences, workplace } = others;
    view! {
        {pairs.map(|pairs| view! { <Pairs pairs/> })}
        {radar.map(|radar| view! { <div class="ugb-radars"><RadarChart radar/></div> })}
        {differences.map(|differences| view! { <DifferenceList differences/> })}
        {workplace.map(|figure| view! { <TrendChart figure lang/> })}
    }
}

/// Job readiness per dimension: the citizen's line and the others', one key for all.
#[component]
fn Pairs(pairs: PairsFigure) -> impl IntoView {
    let PairsFigure { title, key: entries, charts } = pairs;
    let small = |PairChart { code, name, summary, svg }: PairChart| {
        view! {
            <li class="ugb-multiple" id=format!("ugb-pair-{code}")>
                <h4>{name}</h4>
                <div class="ugb-chart__svg" role="img" aria-label=summary inner_html=svg></div>
            </li>
        }
    };
    view! {
        <figure class="ugb-chart ugb-chart--multiples" id="ugb-chart-pairs">
            <figcaption>
                <h3 id="ugb-chart-pairs-title">{title}</h3>
            </figcaption>
            {key(entries)}
            <ul class="ugb-multiples" aria-labelledby="ugb-chart-pairs-title">
                {charts.into_iter().map(small).collect_view()}
            </ul>
        </figure>
    }
}

/// Where the citizen and another see things three points or more apart.
#[component]
pub(crate) fn DifferenceList(differences: Differences) -> impl IntoView {
    let Differences { title, intro, items, .. } = differences;
    let list = (!items.is_empty()).then(|| {
        view! { <ul class="ugb-differences__list">{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul> }
    });
    view! {
        <section class="ugb-differences" aria-labelledby="ugb-differences-title">
            <h3 id="ugb-differences-title">{title}</h3>
            <p>{intro}</p>
            {list}
        </section>
    }
}

/// A legend: each entry's sample (plotters' SVG), name and figures.
fn key(entries: Vec<KeyEntry>) -> impl IntoView {
    let entry = |KeyEntry { swatch, name, figures }: KeyEntry| {
        view! {
            <li>
                <span class="ugb-swatch" aria-hidden="true" inner_html=swatch></span>
                <strong>{name}</strong>
                {figures.map(|figures| view! { <span class="ugb-chart__figures">{figures}</span> })}
            </li>
        }
    };
    view! { <ul class="ugb-chart__key">{entries.into_iter().map(entry).collect_view()}</ul> }
}

/// A trend chart: its title and summary (the plot's accessible description), the drawing
/// under a focusable plot with a cursor that pointer and arrow keys move, what the cursor
/// is on, and the key.
#[component]
fn TrendChart(figure: TrendFigure, lang: Lang) -> impl IntoView {
    // The week the cursor is on, if shown.
    let at = RwSignal::new(None::<usize>);
    let plot = NodeRef::<Div>::new();
    let cursor = figure.cursor.clone();
    let last = cursor.weeks.saturating_sub(1);
    let id = format!("ugb-chart-{}", figure.code);
    let (title_id, summary_id) = (format!("{id}-title"), format!("{id}-summary"));
    let data_lines = figure.data_lines();
    let TrendFigure { title, summary, svg, keys_title, key: entries, average_note, bands, milestone_note, .. } =
        figure.clone();
    // The room the words take while the cursor is shown: the longest they can be, found
    // once, when the cursor first shows.
    let room = {
        let (figure, longest) = (figure.clone(), std::cell::OnceCell::new());
        move || at.get().map(|_| longest.get_or_init(|| figure.longest_readout(lang).unwrap_or_default()).clone())
    };
    let readout = move || at.get().and_then(|index| figure.readout(lang, index));
    // The cursor line's place, in hundredths of a percent of the drawing's width.
    let left = {
        let cursor = cursor.clone();
        move || {
            at.get().map(|index| {
                let (first, last_x) = (i64::from(cursor.first_x), i64::from(cursor.last_x));
                let count = cursor.weeks as i64;
                let x = if count > 1 { first + (last_x - first) * index as i64 / (count - 1) } else { first };
                let hundredths = x * 10_000 / i64::from(cursor.width.max(1));
                format!("{}.{:02}%", hundredths / 100, hundredths % 100)
            })
        }
    };
    let on_move = {
        let cursor = cursor.clone();
        move |ev: leptos::ev::PointerEvent| {
            let Some(plot) = plot.get_untracked() else { return };
            let rect = plot.get_bounding_client_rect();
            let x = (f64::from(ev.client_x()) - rect.left()) / rect.width().max(1.0) * f64::from(cursor.width);
            at.set(Some(crate::chart::week_at(cursor.first_x, cursor.last_x, cursor.weeks, x as i32)));
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let now = at.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowLeft" | "ArrowDown" => now.map_or(last, |i| i.saturating_sub(1)),
            "ArrowRight" | "ArrowUp" => now.map_or(last, |i| (i + 1).min(last)),
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        ev.prevent_default();
        at.set(Some(next));
    };
    // Leaving the plot hides the cursor; moving between its parts is not leaving it.
    let on_leave = move |ev: leptos::ev::PointerEvent| {
        let into = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let inside = plot.get_untracked().is_some_and(|plot| plot.contains(into.as_ref()));
        if !inside {
            at.set(None);
        }
    };
    let bands = bands.map(|(bands, note)| {
        view! {
            <ul class="ugb-chart__key">
                {bands
                    .into_iter()
                    .map(|(class, text)| {
                        view! {
                            <li>
                                <span class=class aria-hidden="true"></span>
                                <span class="ugb-chart__key-words">{text}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="ugb-chart__note">{note}</p>
        }
    });
    view! {
        <figure class="ugb-chart" id=id.clone()>
            <figcaption>
                <h3 id=title_id.clone()>{title}</h3>
                <p id=summary_id.clone() class="ugb-chart__summary">{summary}</p>
            </figcaption>
            <div
                class="ugb-chart__plot"
                dir="ltr"
                role="img"
                tabindex="0"
                id=format!("{id}-plot")
                data-first-x=cursor.first_x
                data-last-x=cursor.last_x
                data-width=cursor.width
                data-first-week=cursor.first_week.to_string()
                data-lines=data_lines
                aria-labelledby=title_id
                aria-describedby=summary_id
                node_ref=plot
                on:pointermove=on_move
                on:pointerout=on_leave
                on:keydown=on_key
                on:focus=move |_| at.set(Some(at.get_untracked().unwrap_or(last)))
                on:blur=move |_| at.set(None)
            >
                <div class="ugb-chart__svg" inner_html=svg></div>
                <span class="ugb-chart__cursor" aria-hidden="true" hidden=move || at.get().is_none() style:left=left></span>
            </div>
            <p class="ugb-chart__readout">
                <span aria-live="polite">{readout}</span>
                <span class="ugb-chart__readout-room" aria-hidden="true">{room}</span>
            </p>
            <p class="ugb-chart__keys">{keys_title}</p>
            {key(entries)}
            {average_note.map(|note| view! { <p class="ugb-chart__note">{note}</p> })}
            {bands}
            {milestone_note.map(|note| view! { <p class="ugb-chart__note">{note}</p> })}
        </figure>
    }
}

/// The self-ratings as small multiples: one small chart per dimension on the same axes, its
/// first and latest answer in large figures (said in words by the drawing's name).
#[component]
fn Multiples(multiples: MultiplesFigure) -> impl IntoView {
    let MultiplesFigure { title, key_note, charts } = multiples;
    let small = |SmallChart { code, name, first, latest, summary, svg }: SmallChart| {
        let figures = match (first, latest) {
            (Some(first), Some(latest)) => format!("{first} → {latest}"),
            _ => "–".to_owned(),
        };
        view! {
            <li class="ugb-multiple" id=format!("ugb-multiple-{}", code.replace('.', "-"))>
                <h4>{name}</h4>
                <p class="ugb-multiple__figures" aria-hidden="true">{figures}</p>
                <div class="ugb-chart__svg" role="img" aria-label=summary inner_html=svg></div>
            </li>
        }
    };
    view! {
        <figure class="ugb-chart ugb-chart--multiples" id="ugb-chart-ratings">
            <figcaption>
                <h3 id="ugb-chart-ratings-title">{title}</h3>
                <p class="ugb-chart__note">{key_note}</p>
            </figcaption>
            <ul class="ugb-multiples" aria-labelledby="ugb-chart-ratings-title">
                {charts.into_iter().map(small).collect_view()}
            </ul>
        </figure>
    }
}

/// Each goal's weekly answers as a row of marks, with a list that says the same in words.
#[component]
fn GoalsChart(goals: GoalsFigure) -> impl IntoView {
    let GoalsFigure { title, svg, key_note, rows, .. } = goals;
    view! {
        <figure class="ugb-chart ugb-chart--goals" id="ugb-chart-goals">
            <figcaption>
                <h3 id="ugb-chart-goals-title">{title}</h3>
            </figcaption>
            <div
                class="ugb-chart__svg"
                role="img"
                aria-labelledby="ugb-chart-goals-title"
                aria-describedby="ugb-chart-goals-list"
                inner_html=svg
            ></div>
            <p class="ugb-chart__note">{key_note}</p>
            <ul id="ugb-chart-goals-list" class="ugb-chart__key">
                {rows.into_iter().map(|row| view! { <li>{row}</li> }).collect_view()}
            </ul>
        </figure>
    }
}

/// A radar profile with its key and its numbers as a table.
#[component]
fn RadarChart(radar: RadarFigure) -> impl IntoView {
    let RadarFigure { id, title, name, label, svg, key: entries, item_header, weeks, rows, .. } = radar;
    let region = name.clone();
    view! {
        <figure class="ugb-chart ugb-chart--radar" id=format!("ugb-radar-{id}")>
            <figcaption>
                <h3>{title}</h3>
            </figcaption>
            <div class="ugb-chart__svg" role="img" aria-label=label inner_html=svg></div>
            {key(entries)}
            <div class="ugb-table-wrap" role="region" aria-label=region tabindex="0">
                <table class="ugb-table">
                    <caption>{name}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{item_header}</th>
                            {weeks.into_iter().map(|week| view! { <th scope="col">{week}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|(axis, values)| {
                                view! {
                                    <tr>
                                        <th scope="row">{axis}</th>
                                        {values.into_iter().map(|value| view! { <td>{value}</td> }).collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </figure>
    }
}

/// The numbers behind the trend charts.
#[component]
fn Numbers(table: NumbersTable) -> impl IntoView {
    let NumbersTable { title, week_header, columns, notes_header, rows } = table;
    let region = title.clone();
    let row = |NumbersRow { week, dates, values, note }: NumbersRow| {
        view! {
            <tr>
                <th scope="row">{week}" "<span class="ugb-dates">{dates}</span></th>
                {values.into_iter().map(|value| view! { <td>{value}</td> }).collect_view()}
                {note.map(|note| view! { <td class="ugb-table__note" dir="auto">{note}</td> })}
            </tr>
        }
    };
    view! {
        <div class="ugb-table-wrap ugb-table-wrap--numbers" role="region" aria-label=region tabindex="0">
            <table class="ugb-table" id="ugb-numbers">
                <caption>{title}</caption>
                <thead>
                    <tr>
                        <th scope="col">{week_header}</th>
                        {columns.into_iter().map(|column| view! { <th scope="col">{column}</th> }).collect_view()}
                        {notes_header.map(|header| view! { <th scope="col">{header}</th> })}
                    </tr>
                </thead>
                <tbody>{rows.into_iter().map(row).collect_view()}</tbody>
            </table>
        </div>
    }
}
