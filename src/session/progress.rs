//! The progress screen's figures (charts, keys, radars, tables), drawn as HTML by
//! [`crate::session::render`] here, in the part of the page's code fetched when a session
//! screen first opens (`crate::session::screen::drawn_screen`): the check-in's first load
//! carries none of it. The choices are components (`session::progress_screen`); what they
//! change is drawn anew and put in place part by part, with focus kept where it was. The
//! hover and keyboard cursor on each chart read the plot's `data-*` geometry.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::history::History;
use crate::domain::lang::Lang;
use crate::domain::week::IsoWeek;
use crate::i18n::{readout, Msg};
use crate::page::state::AppState;
use crate::platform::browser;
use crate::session::protocol::Choices;
use crate::session::render::{render_drawn, View};

/// The drawn screens' styles, linked when the first of them opens.
pub(crate) const STYLESHEET: &str = "./drawn.css";

/// The width the progress screen's charts are drawn for: the app's, measured again when
/// the window or the session view changes it.
pub fn fitted_width() -> RwSignal<u32> {
    let state = expect_context::<AppState>();
    let width = RwSignal::new(browser::app_width());
    let measure = move || request_animation_frame(move || width.set(browser::app_width()));
    measure();
    let resize = window_event_listener(leptos::ev::resize, move |_| width.set(browser::app_width()));
    on_cleanup(move || resize.remove());
    Effect::new(move |_| {
        state.session.track();
        measure();
    });
    width
}

/// What every drawing depends on, from the choices made (tracked when read in an effect).
pub(crate) fn choices(state: AppState, lang: Lang, width: u32) -> Choices {
    Choices { lang, demo: state.demo, chart: state.chart.get(), width, now: state.week, session: state.session.get() }
}

/// The progress screen's figures: drawn whenever a choice, the language or the width
/// changes, and put in place (keeping focus where it was).
/// `print_after`: print was asked for while the table was hidden, so print once it is
/// drawn ([`print`]). `file`: the consultant's viewer draws the file it opened (nothing
/// until one is), never this browser's history.
pub fn results(
    state: AppState,
    lang: Lang,
    width: RwSignal<u32>,
    print_after: StoredValue<bool>,
    file: Option<RwSignal<Option<History>>>,
) -> impl IntoView {
    browser::ensure_stylesheet(STYLESHEET);
    let area = NodeRef::<Div>::new();
    // What went wrong, if anything.
    let problem = RwSignal::new(None::<Msg>);
    // The parts last put in place, to leave the unchanged ones alone.
    let placed: StoredValue<Vec<String>, LocalStorage> = StoredValue::new_local(Vec::new());

    // How many drawings were put in place (the area's `data-drawn`, which the browser
    // tests wait on).
    let drawings = StoredValue::new(0u32);
    // A drawing put in place, and how long it took.
    let place = move |hundredths: u32, html: &str| {
        let Some(area) = area.get_untracked() else { return };
        let focused = browser::focused_id();
        placed.update_value(|placed| place_parts(&area, html, placed));
        let _ = area.set_attribute("aria-busy", "false");
        drawings.update_value(|n| *n += 1);
        let _ = area.set_attribute("data-drawn", &drawings.get_value().to_string());
        // How long the drawing took, for the benchmark and for curious consultants.
        let _ = area.set_attribute("data-millis", &format!("{}.{:02}", hundredths / 100, hundredths % 100));
        if let Some(id) = focused {
            browser::focus_id(&id);
        }
        if print_after.get_value() {
            print_after.set_value(false);
            browser::print();
        }
    };

    Effect::new(move |_| {
        // A new history (an edit, an import, another tab's, a file opened) is drawn anew.
        let request = choices(state, lang, width.get()).request(View::Progress);
        if let Some(area) = area.get_untracked() {
            let _ = area.set_attribute("aria-busy", "true");
        }
        crate::i18n::pack::install_chart(lang);
        let started = browser::now_millis();
        let drawn = match file {
            // No file opened yet: what the viewer is for, in its place.
            Some(file) => file.with(|opened| opened.as_ref().map(|history| render_drawn(history, &request).html)),
            None => Some(state.history.with(|history| render_drawn(history, &request).html)),
        };
        let hundredths = ((browser::now_millis() - started) * 100.0) as u32;
        match drawn {
            Some(html) if html.is_empty() => problem.set(Some(Msg::ChartFailed)),
            Some(html) => place(hundredths, &html),
            None => {
                let mut html = crate::formats::html::Html::new();
                html.el("p", &[], crate::i18n::ChartMsg::ViewerText.get(lang));
                place(0, &html.finish());
            }
        }
    });

    let on_move = move |ev: leptos::ev::PointerEvent| {
        let Some(plot) = plot_of(ev.target()) else { return };
        let rect = plot.get_bounding_client_rect();
        let width = number(&plot, "data-width");
        let x = (f64::from(ev.client_x()) - rect.left()) / rect.width().max(1.0) * f64::from(width);
        show_cursor(&plot, lang, Some(week_at(&plot, x as i32)));
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let Some(plot) = plot_of(ev.target()) else { return };
        let last = week_count(&plot).saturating_sub(1);
        let now = plot.get_attribute("data-week").and_then(|w| w.parse::<usize>().ok());
        let next = match ev.key().as_str() {
            "ArrowLeft" | "ArrowDown" => now.map_or(last, |i| i.saturating_sub(1)),
            "ArrowRight" | "ArrowUp" => now.map_or(last, |i| (i + 1).min(last)),
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        ev.prevent_default();
        show_cursor(&plot, lang, Some(next));
    };
    let on_focus = move |ev: leptos::ev::FocusEvent| {
        if let Some(plot) = plot_of(ev.target()) {
            let now = plot.get_attribute("data-week").and_then(|w| w.parse::<usize>().ok());
            show_cursor(&plot, lang, Some(now.unwrap_or(week_count(&plot).saturating_sub(1))));
        }
    };
    let on_blur = move |ev: leptos::ev::FocusEvent| {
        if let Some(plot) = plot_of(ev.target()) {
            show_cursor(&plot, lang, None);
        }
    };
    let on_leave = move |ev: leptos::ev::PointerEvent| {
        // Moving between the parts of one chart is not leaving it.
        if let Some(plot) = plot_of(ev.target()).filter(|p| plot_of(ev.related_target()).as_ref() != Some(p)) {
            show_cursor(&plot, lang, None);
        }
    };
    view! {
        {move || problem.get().map(|msg| view! { <p class="ugb-notice" role="alert">{msg.get(lang)}</p> })}
        <div
            class="ugb-results"
            node_ref=area
            aria-busy="true"
            on:pointermove=on_move
            on:pointerout=on_leave
            on:keydown=on_key
            on:focusin=on_focus
            on:focusout=on_blur
        ></div>
    }
}

/// Prints the progress screen. The printout carries the table: a hidden one is drawn first,
/// and printed once it is in place (`print_after`, which [`results`] heeds).
pub(crate) fn print(state: AppState, print_after: StoredValue<bool>) {
    if state.chart.with_untracked(|c| c.table) {
        browser::print();
    } else {
        print_after.set_value(true);
        state.chart.update(|c| c.table = true);
    }
}

/// Puts the worker's HTML in place, part by part (see [`crate::formats::html::PART`]): a part that
/// did not change is left alone, so the browser neither parses nor lays it out again.
fn place_parts(area: &web_sys::HtmlDivElement, html: &str, placed: &mut Vec<String>) {
    let parts: Vec<&str> = html.split(crate::formats::html::PART).collect();
    let children = area.children();
    if children.length() as usize != parts.len() || placed.len() != parts.len() {
        let wrapped: String = parts.iter().map(|p| format!("<div class=\"ugb-part\">{p}</div>")).collect();
        area.set_inner_html(&wrapped);
    } else {
        for (i, part) in parts.iter().enumerate() {
            match children.item(i as u32) {
                Some(child) if placed[i] != *part => child.set_inner_html(part),
                _ => {}
            }
        }
    }
    *placed = parts.into_iter().map(str::to_owned).collect();
}

/// The chart plot an event happened in, if any.
fn plot_of(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    target?.dyn_into::<web_sys::Element>().ok()?.closest(".ugb-chart__plot").ok().flatten()
}

/// A whole-number `data-` attribute of a plot (0 when absent).
fn number(plot: &web_sys::Element, name: &str) -> i32 {
    plot.get_attribute(name).and_then(|v| v.parse().ok()).unwrap_or(0)
}

/// The number of weeks a plot shows.
fn week_count(plot: &web_sys::Element) -> usize {
    let lines = plot.get_attribute("data-lines").unwrap_or_default();
    lines.split('|').next().map_or(0, |line| line.split(';').nth(1).map_or(0, |v| v.split(',').count()))
}

/// What the cursor says about week `index` of a plot (see [`crate::session::render::Cursor`]).
fn readout_at(plot: &web_sys::Element, lang: Lang, index: usize) -> Option<String> {
    let first = plot.get_attribute("data-first-week")?.parse::<IsoWeek>().ok()?;
    let week = first.plus(i32::try_from(index).ok()?)?;
    let lines = plot.get_attribute("data-lines").unwrap_or_default();
    let values: Vec<(&str, Option<&str>)> = lines
        .split('|')
        .filter_map(|line| {
            let (name, values) = line.split_once(';')?;
            Some((name, values.split(',').nth(index).filter(|v| !v.is_empty())))
        })
        .collect();
    Some(readout(lang, week, &values))
}

/// The week index nearest to a pixel x of the drawn chart.
fn week_at(plot: &web_sys::Element, x: i32) -> usize {
    crate::chart::week_at(number(plot, "data-first-x"), number(plot, "data-last-x"), week_count(plot), x)
}

/// Shows the cursor line at week `index` and says which week and values it is on; `None`
/// hides it. Positions are in hundredths of a percent, written without float formatting.
fn show_cursor(plot: &web_sys::Element, lang: Lang, index: Option<usize>) {
    let line = plot.query_selector(".ugb-chart__cursor").ok().flatten();
    let readout = plot.parent_element().and_then(|f| f.query_selector(".ugb-chart__readout").ok().flatten());
    let (Some(line), Some(readout)) = (line, readout) else { return };
    let count = week_count(plot);
    match index.filter(|i| *i < count) {
        Some(i) => {
            let count = count as i64;
            let (first, last) = (i64::from(number(plot, "data-first-x")), i64::from(number(plot, "data-last-x")));
            let x = if count > 1 { first + (last - first) * i as i64 / (count - 1) } else { first };
            let hundredths = x * 10_000 / i64::from(number(plot, "data-width").max(1));
            browser::set_style(&line, "left", &format!("{}.{:02}%", hundredths / 100, hundredths % 100));
            let _ = line.remove_attribute("hidden");
            let _ = plot.set_attribute("data-week", &i.to_string());
            readout.set_text_content(readout_at(plot, lang, i).as_deref());
        }
        None => {
            let _ = line.set_attribute("hidden", "");
            readout.set_text_content(None);
        }
    }
}
