//! The session view: a presentation for the meeting, one picture at a time, read from
//! across the table or on a projector. A modal dialog over the whole window (the
//! browser's own full screen, F11, makes that the whole screen), one view at a time
//! ([`crate::session::figures::session_views`]): WHO-5, the two profiles now and at the
//! start, hours and attendance, goals week by week, milestones, and the notes, which stay
//! hidden until the citizen shows them. Arrow keys (mirrored right to left), Page Up and
//! Page Down (a presenter's clicker), Home and End, a swipe, or the buttons move between
//! the views; Escape leaves. The citizen chooses which views are shown, and a view hidden
//! stays hidden as long as the page is open.
//!
//! Sizes: every text is at least 20 px on a 1366 × 768 screen, and grows with the
//! screen's height (2.6 % of it: 28 px at 1080). The charts are drawn for a width that,
//! shown [`crate::session::figures::zoom`] times larger, fills the view: their smallest text (11 px as drawn)
//! is then 22 px at 768 and 31 px at 1080. At three metres, 20 px on a 24-inch screen
//! (about 5.5 mm letters) is at the limit of reading; on a projector or a 55-inch screen
//! the same pixels are two to three times larger, which is what a room needs.

use std::cell::RefCell;

use leptos::html::{Dialog, Div};
use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::i18n::{ChartMsg, Msg};
use crate::session::figures::{fitted, session_views, RadarFigure, SessionView, TrendFigure, ViewBody, ViewKind};
use crate::session::protocol::Choices;
use crate::session::screen::Shown;

thread_local! {
    /// The views the citizen hid, for as long as the page is open: the session.
    static HIDDEN: RefCell<Vec<ViewKind>> =
        RefCell::new(ViewKind::ALL.into_iter().filter(|v| !v.shown_at_first()).collect());
}

/// The presentation's code: a part of its own, fetched the first time the session view
/// opens (`split_screen!`'s way, with the history shown and the language).
#[cfg(ugeblik_split)]
#[leptos::wasm_split::wasm_split(ugeblik_presentation, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn presentation(shown: Shown, lang: Lang, print: bool) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(match print {
        true => view! { <PrintViews shown lang/> }.into_any(),
        false => view! { <Presentation shown lang/> }.into_any(),
    })
}

/// [`presentation`] where the page is not split.
#[cfg(not(ugeblik_split))]
pub async fn presentation(
    shown: Shown,
    lang: Lang,
    print: bool,
) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(match print {
        true => view! { <PrintViews shown lang/> }.into_any(),
        false => view! { <Presentation shown lang/> }.into_any(),
    })
}

/// How wide the printout's charts are drawn: an A4 page's width inside its margins, in CSS
/// px (186 mm at 96 px to the inch), and half of it for two side by side.
const PRINT_WIDTH: (u32, u32) = (700, 340);

/// The session's views as the citizen chose them, one per printed page (style/drawn.css);
/// printed once drawn. Not shown on screen.
#[component]
pub fn PrintViews(shown: Shown, lang: Lang) -> impl IntoView {
    let state = shown.state;
    let choices =
        Choices { lang, demo: state.demo, chart: state.chart.get_untracked(), width: PRINT_WIDTH.0, now: state.week };
    let hidden = HIDDEN.with(|h| h.borrow().clone());
    let views: Vec<SessionView> = shown
        .with(|history| shown.with_readings(|r| session_views(history, r, &choices, PRINT_WIDTH.0, PRINT_WIDTH.1)))
        .into_iter()
        .filter(|v| !hidden.contains(&v.kind))
        .collect();
    request_animation_frame(crate::platform::browser::print);
    let page = |view: SessionView| {
        let (title, words) = (view.title.clone(), view.words.clone());
        view! {
            <section class="ugb-print-view">
                <h2>{title}</h2>
                {words.into_iter().map(|w| view! { <p>{w}</p> }).collect_view()}
                {shown_view(view, Sizes { zoom: 1.0, zoom_two: 1.0, area: (f64::from(PRINT_WIDTH.0), 1e4) })}
            </section>
        }
    };
    view! { <div class="ugb-print-views">{views.into_iter().map(page).collect_view()}</div> }
}

/// The presentation, open while the state's `session` is: over everything, until Escape or
/// "leave" closes it (focus goes back to the session button).
#[component]
pub fn Presentation(shown: Shown, lang: Lang) -> impl IntoView {
    let state = shown.state;
    let dialog = NodeRef::<Dialog>::new();
    let slot = NodeRef::<Div>::new();
    // The picture's area and the window's height, measured once the dialog is shown.
    let area = RwSignal::new((0.0f64, 0.0f64, 0.0f64));
    let hidden = RwSignal::new(HIDDEN.with(|h| h.borrow().clone()));
    let at = RwSignal::new(None::<ViewKind>);
    let choosing = RwSignal::new(false);
    let rtl = lang.dir() == "rtl";

    let measure = move || {
        let Some(slot) = slot.get_untracked() else { return };
        let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
        let vh = root.map_or(768, |r| r.client_height());
        let measured = (f64::from(slot.client_width()), f64::from(slot.client_height()), f64::from(vh));
        // Set only when it changed: the views drawn for it are measured again (below).
        if area.get_untracked() != measured {
            area.set(measured);
        }
    };
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    // Focus goes back to the button that opened it.
    on_cleanup(|| request_animation_frame(|| crate::platform::browser::focus_id("ugb-session")));
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            let _ = dialog.show_modal();
            request_animation_frame(measure);
        }
    });
    Effect::new(move |_| {
        let chosen = hidden.get();
        HIDDEN.with(|h| *h.borrow_mut() = chosen);
    });

    let views = Memo::new(move |_| {
        let (w, h, vh) = area.get();
        if w <= 0.0 {
            return None;
        }
        // A few pixels to spare: the drawing's height is rounded.
        let (zoom, one) = fitted(w, h - 8.0, vh, 1.0);
        let (zoom_two, two) = fitted(w, h - 8.0, vh, 2.0);
        let choices = Choices { lang, demo: state.demo, chart: state.chart.get(), width: one, now: state.week };
        let views = shown.with(|history| shown.with_readings(|r| session_views(history, r, &choices, one, two)));
        Some((views, Sizes { zoom, zoom_two, area: (w, h) }))
    });
    // The heading and the words above the picture take their room once a view is drawn:
    // the picture's area is measured again then, until it no longer changes.
    Effect::new(move |_| {
        views.track();
        at.track();
        hidden.track();
        request_animation_frame(measure);
    });
    // The views shown, in order.
    let visible = move || -> Vec<ViewKind> {
        let hidden = hidden.get();
        views.with(|v| {
            v.as_ref()
                .map(|(views, ..)| views.iter().map(|v| v.kind).filter(|k| !hidden.contains(k)).collect())
                .unwrap_or_default()
        })
    };
    // The view on screen: the one chosen, or the first shown while that one is hidden.
    let current = move || {
        let visible = visible();
        at.get().filter(|k| visible.contains(k)).or_else(|| visible.first().copied())
    };
    let step = move |by: i32| {
        let visible = visible();
        let Some(now) = current() else { return };
        let index = visible.iter().position(|k| *k == now).unwrap_or(0) as i32;
        let next = (index + by).clamp(0, visible.len() as i32 - 1) as usize;
        at.set(visible.get(next).copied());
    };
    let jump = move |last: bool| {
        let visible = visible();
        at.set(if last { visible.last() } else { visible.first() }.copied());
    };
    let (forward, backward) = if rtl { ("ArrowLeft", "ArrowRight") } else { ("ArrowRight", "ArrowLeft") };
    let keydown = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        match key.as_str() {
            "PageDown" => step(1),
            "PageUp" => step(-1),
            "Home" => jump(false),
            "End" => jump(true),
            k if k == forward => step(1),
            k if k == backward => step(-1),
            _ => return,
        }
        ev.prevent_default();
    };
    // A swipe: a stroke sideways of at least 60 px (towards the start of the line goes on,
    // as a page turns). A stroke up or down scrolls, and the browser cancels the pointer.
    let down = StoredValue::new(None::<i32>);
    let pointerdown = move |ev: web_sys::PointerEvent| down.set_value(Some(ev.client_x()));
    let pointerup = move |ev: web_sys::PointerEvent| {
        let Some(x) = down.get_value() else { return };
        down.set_value(None);
        let dx = ev.client_x() - x;
        if dx.abs() >= 60 {
            step(if (dx < 0) != rtl { 1 } else { -1 });
        }
    };
    let leave = move || {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };

    let position = move || {
        let visible = visible();
        let now = current();
        let n = visible.iter().position(|k| Some(*k) == now).map_or(0, |i| i + 1);
        ChartMsg::ViewOf.fill(lang, &[("n", &n.to_string()), ("total", &visible.len().to_string())])
    };
    let at_first = move || {
        let now = current();
        visible().first().copied() == now
    };
    let at_last = move || {
        let now = current();
        visible().last().copied() == now
    };
    let choices = move || {
        let available: Vec<ViewKind> =
            views.with(|v| v.as_ref().map(|(views, ..)| views.iter().map(|v| v.kind).collect()).unwrap_or_default());
        available
            .into_iter()
            .map(|kind| {
                let (id, label_for) = (format!("ugb-view-{}", kind.code()), format!("ugb-view-{}", kind.code()));
                let on = move || !hidden.with(|h| h.contains(&kind));
                let flip = move |_| {
                    hidden.update(|h| match h.iter().position(|k| *k == kind) {
                        Some(i) => {
                            h.remove(i);
                        }
                        None => h.push(kind),
                    })
                };
                view! {
                    <label class="ugb-check" for=label_for>
                        <input type="checkbox" id=id prop:checked=on on:change=flip/>
                        {kind.name().get(lang)}
                    </label>
                }
            })
            .collect_view()
    };
    let body = move || {
        let now = current();
        views.with(|v| {
            v.as_ref().map(|(views, sizes)| match views.iter().find(|v| Some(v.kind) == now) {
                Some(view) => shown_view(view.clone(), *sizes).into_any(),
                None if views.is_empty() => view! { <p>{ChartMsg::ViewNoData.get(lang)}</p> }.into_any(),
                None => view! { <p>{ChartMsg::ViewNone.get(lang)}</p> }.into_any(),
            })
        })
    };
    let title = move || {
        let now = current();
        views.with(|v| {
            v.as_ref()
                .and_then(|(views, ..)| views.iter().find(|v| Some(v.kind) == now))
                .map(|v| v.title.clone())
                .unwrap_or_else(|| ChartMsg::SessionView.get(lang).to_owned())
        })
    };
    let words = move || {
        let now = current();
        views.with(|v| {
            v.as_ref()
                .and_then(|(views, ..)| views.iter().find(|v| Some(v.kind) == now))
                .map(|v| v.words.iter().map(|w| view! { <p>{w.clone()}</p> }).collect_view())
        })
    };
    view! {
        <dialog
            class="ugb-present"
            node_ref=dialog
            aria-labelledby="ugb-present-title"
            aria-describedby="ugb-present-keys"
            on:close=move |_| state.session.set(false)
            on:keydown=keydown
        >
            <div class="ugb-present__head">
                <h2 id="ugb-present-title" aria-live="polite">{title}</h2>
                <div class="ugb-present__words">{words}</div>
            </div>
            // Focusable: on a small screen the picture may need scrolling, by keyboard too.
            <div
                class="ugb-present__slot"
                role="region"
                tabindex="0"
                aria-labelledby="ugb-present-title"
                node_ref=slot
                on:pointerdown=pointerdown
                on:pointerup=pointerup
                on:pointercancel=move |_| down.set_value(None)
            >
                {body}
            </div>
            <div class="ugb-present__bar">
                <button type="button" id="ugb-view-previous" disabled=at_first on:click=move |_| step(-1)>
                    {ChartMsg::ViewPrevious.get(lang)}
                </button>
                <p class="ugb-present__position">{position}</p>
                <button type="button" id="ugb-view-next" disabled=at_last on:click=move |_| step(1)>
                    {ChartMsg::ViewNext.get(lang)}
                </button>
                <button
                    type="button"
                    id="ugb-view-choose"
                    aria-expanded=move || choosing.get().to_string()
                    aria-controls="ugb-view-choices"
                    on:click=move |_| choosing.update(|c| *c = !*c)
                >
                    {ChartMsg::ViewChoose.get(lang)}
                </button>
                <button type="button" id="ugb-view-leave" on:click=move |_| leave()>
                    {ChartMsg::ViewLeave.get(lang)}
                </button>
                <button type="button" class="ugb-exit" on:click=|_| crate::page::safety::quick_exit()>
                    {Msg::QuickExit.get(lang)}
                </button>
            </div>
            <fieldset id="ugb-view-choices" class="ugb-present__choices" hidden=move || !choosing.get()>
                <legend>{ChartMsg::ViewChoose.get(lang)}</legend>
                <p>{ChartMsg::ViewChooseText.get(lang)}</p>
                {choices}
            </fieldset>
            <p id="ugb-present-keys" class="ugb-present__keys">{ChartMsg::ViewKeys.get(lang)}</p>
        </dialog>
    }
}

/// How a view's pictures are shown: `zoom` times larger than drawn (`zoom_two` for two
/// side by side), in an area `w` × `h` CSS px.
#[derive(Clone, Copy, PartialEq)]
struct Sizes {
    zoom: f64,
    zoom_two: f64,
    area: (f64, f64),
}

/// The room a profile's key takes above it, in CSS px.
const KEY: f64 = 72.0;

/// One view's picture, as large as `sizes` let it be.
fn shown_view(view: SessionView, sizes: Sizes) -> impl IntoView {
    let Sizes { zoom, zoom_two, area: (w, h) } = sizes;
    let code = view.kind.code();
    let sized = |width: u32, zoom: f64| format!("{}px", (f64::from(width) * zoom).round());
    let inner = match view.body {
        ViewBody::Trends(trends) => {
            // Two side by side are told apart by their titles; one has the view's heading.
            let (zoom, two) = if trends.len() > 1 { (zoom_two, true) } else { (zoom, false) };
            let chart = move |TrendFigure { title, summary, svg, cursor, .. }: TrendFigure| {
                view! {
                    <figure class="ugb-present__fig" style:width=sized(cursor.width, zoom)>
                        {two.then(|| view! { <figcaption>{title}</figcaption> })}
                        <div class="ugb-present__svg" dir="ltr" role="img" aria-label=summary inner_html=svg></div>
                    </figure>
                }
            };
            trends.into_iter().map(chart).collect_view().into_any()
        }
        // A profile under its key, as large as the area lets it be.
        ViewBody::Radar(radar) => {
            let (rw, rh) = (f64::from(radar.size.0.max(1)), f64::from(radar.size.1.max(1)));
            radar_view(*radar, zoom.min((h - KEY) / rh).min(w / rw).max(1.0)).into_any()
        }
        ViewBody::Goals(goals) => view! {
            <figure class="ugb-present__fig" style:width=sized(goals.size.0, zoom)>
                <div
                    class="ugb-present__svg"
                    dir="ltr"
                    role="img"
                    aria-label=goals.rows.join(" ")
                    inner_html=goals.svg
                ></div>
                <figcaption>{goals.key_note}</figcaption>
            </figure>
        }
        .into_any(),
        ViewBody::List(items) => view! {
            <ol class="ugb-present__list">
                {items
                    .into_iter()
                    .map(|(when, what)| view! { <li><strong>{when}</strong> <span dir="auto">{what}</span></li> })
                    .collect_view()}
            </ol>
        }
        .into_any(),
    };
    view! { <div class=format!("ugb-present__view ugb-present__view--{code}") data-view=code>{inner}</div> }
}

/// A profile, now and at the start: which outline is which week above it, the numbers
/// said in its accessible name (the progress screen has them as a table).
fn radar_view(radar: RadarFigure, zoom: f64) -> impl IntoView {
    let RadarFigure { label, svg, size, rows, key, .. } = radar;
    let numbers: Vec<String> =
        rows.into_iter().map(|(item, values)| format!("{item}: {}", values.join(", "))).collect();
    let keys = key
        .into_iter()
        .map(|entry| {
            view! {
                <li>
                    <span class="ugb-swatch" aria-hidden="true" inner_html=entry.swatch></span>
                    {entry.name}
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="ugb-present__key">{keys}</ul>
        <figure class="ugb-present__fig" style:width=format!("{}px", (f64::from(size.0) * zoom).round())>
            <div
                class="ugb-present__svg"
                role="img"
                aria-label=format!("{label} {}", numbers.join("; "))
                inner_html=svg
            ></div>
        </figure>
    }
}
