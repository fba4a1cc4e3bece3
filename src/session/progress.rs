//! The drawn content of the progress and past-weeks screens, and the chart worker.
//!
//! The figures (charts, keys, radars, tables) and the past weeks are drawn as HTML by
//! `crate::session::render`, here, in the part of the page's code fetched when a drawn
//! screen first opens (`crate::session::screen::drawn_screen`): the check-in's first load
//! carries none of it. The progress screen's choices are components
//! (`session::progress_screen`); what they change is drawn anew here. What needs files (a
//! file to import or view, every export) is done by the chart worker (`src/bin/charts.rs`,
//! reached through [`Worker`]), started the first time one is asked for, in the same
//! messages. This side asks for a drawing, puts the answer in place with focus kept where
//! it was, and reacts through one set of delegated listeners: `data-action` on the past
//! weeks' buttons, and the hover and keyboard cursor on each chart.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::history::History;
use crate::domain::lang::Lang;
use crate::domain::week::IsoWeek;
use crate::i18n::{readout, Msg};
use crate::page::state::AppState;
use crate::platform::browser;
use crate::session::protocol::{Choices, FileFormat, FromWorker, Page, ToWorker};
use crate::session::worker::Worker;

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
fn choices(state: AppState, lang: Lang, width: u32, importing: bool) -> Choices {
    // Embedded by a trusted portal: the history screen offers to send to it, by the name
    // it gives itself beside the host the file would really go to.
    let portal = crate::page::embed::embedded()
        .then(|| crate::page::embed::portal_name(state, lang, &crate::page::embed::hosts()));
    Choices {
        lang,
        demo: state.demo,
        chart: state.chart.get(),
        width,
        now: state.week,
        session: state.session.get(),
        importing,
        portal,
        sending: false,
        locked: state.locked.get(),
    }
}

/// The content area of a screen the worker draws: asks it to draw whenever a choice, the
/// language or the width changes, and puts each answer in place (keeping focus where it
/// was).
/// `print_after`: print was asked for while the table was hidden, so print once it is
/// drawn ([`print`]). `file`: the consultant's viewer draws the file it opened (nothing
/// until one is), never this browser's history.
pub fn results(
    state: AppState,
    lang: Lang,
    width: Option<RwSignal<u32>>,
    page: Page,
    print_after: StoredValue<bool>,
    file: Option<RwSignal<Option<History>>>,
) -> impl IntoView {
    browser::ensure_stylesheet(STYLESHEET);
    let area = NodeRef::<Div>::new();
    // What went wrong, if anything: the drawing, or making the export file.
    let problem = RwSignal::new(None::<Msg>);
    // A file chosen for import, previewed until the citizen confirms or cancels, and the
    // message after an import. How many files were chosen since the last import or
    // cancel: a new number asks the worker to preview the file it was just sent.
    let importing = RwSignal::new(0u32);
    let done = RwSignal::new(None::<Msg>);
    // The citizen asked to send to the portal (the confirmation shows).
    let sending = RwSignal::new(false);
    let worker = Worker::new(state, problem);
    let latest = StoredValue::new(0u32);
    // The parts last put in place, to leave the unchanged ones alone.
    let placed: StoredValue<Vec<String>, LocalStorage> = StoredValue::new_local(Vec::new());
    // Whether the copy of everything just offered is known to be saved.
    let copy = RwSignal::new(None::<Copy>);

    // A history the worker made (an edit, an import), read like stored data: validated
    // again before it is kept.
    let keep_history = move |stored: &str, said: Msg| match crate::formats::stored::decode_history(stored) {
        Ok(history) => {
            state.replace_history(history, move || done.set(Some(said)));
            worker.history_changed();
        }
        Err(_) => problem.set(Some(Msg::ChartFailed)),
    };
    // A drawing put in place, unless a newer question overtook it.
    let place = move |seq: u32, hundredths: u32, html: &str| {
        if seq != latest.get_value() {
            return;
        }
        let Some(area) = area.get_untracked() else { return };
        let focused = browser::focused_id();
        placed.update_value(|placed| place_parts(&area, html, placed));
        let _ = area.set_attribute("aria-busy", "false");
        let _ = area.set_attribute("data-drawn", &seq.to_string());
        // How long the drawing took, for the benchmark and for curious consultants.
        let _ = area.set_attribute("data-millis", &format!("{}.{:02}", hundredths / 100, hundredths % 100));
        if let Some(id) = focused {
            browser::focus_id(&id);
        }
        if print_after.get_value() {
            print_after.set_value(false);
            browser::print();
        }
        // The start page's one-tap backup: the export button, once it is drawn.
        if page == Page::History && state.back_up_pending.get_value() {
            state.back_up_pending.set_value(false);
            browser::click("ugb-export");
        }
    };
    // A file the worker made: shared, or downloaded where the phone cannot share files.
    let deliver = move |name: String, worker_url: String, file: JsValue| {
        // The file of everything (not a spreadsheet or FHIR file) is the citizen's backup.
        let backup = name.ends_with(".json") && !name.ends_with(".fhir.json");
        let file = file.dyn_into::<web_sys::Blob>().ok();
        wasm_bindgen_futures::spawn_local(async move {
            // The phone's own share sheet where it can share files; a download otherwise.
            let shared = match &file {
                Some(file) => browser::share(file).await,
                None => browser::Shared::Unable,
            };
            match shared {
                browser::Shared::Done if backup => copy.set(Some(kept(state))),
                browser::Shared::Done => {}
                browser::Shared::Cancelled => problem.set(Some(Msg::ShareCancelled)),
                browser::Shared::Unable => {
                    // Downloaded from the page's own address of the file: the worker's
                    // dies with the worker.
                    let own = file.as_ref().and_then(|blob| web_sys::Url::create_object_url_with_blob(blob).ok());
                    let url = own.as_deref().unwrap_or(&worker_url);
                    if url.is_empty() || !browser::download(&name, url) {
                        problem.set(Some(Msg::ExportFailed));
                    } else if backup {
                        // A download says nothing of whether it arrived: the citizen does.
                        copy.set(Some(Copy::Check));
                    }
                }
            }
        });
    };

    let on_reply = move |answer: FromWorker, beside: JsValue| {
        if let Some(msg) = answer.problem() {
            problem.set(Some(msg));
        }
        match answer {
            FromWorker::Drawn { seq, hundredths, html } => place(seq, hundredths, &html),
            FromWorker::Merged { history } => {
                keep_history(&history, Msg::Imported);
                importing.set(0);
            }
            FromWorker::MergeFailed => importing.set(0),
            FromWorker::File { name, url } => deliver(name, url, beside),
            FromWorker::ForPortal { json } => {
                sending.set(false);
                crate::page::embed::send_export(&json);
                done.set(Some(Msg::Sent));
            }
            FromWorker::PortalFailed => sending.set(false),
            // The viewer's answers: asked only by the viewer (`session::viewer`).
            FromWorker::Opened { .. } | FromWorker::Locked { .. } | FromWorker::Refused(_) => {}
            FromWorker::Ready | FromWorker::FileFailed | FromWorker::Failed => {}
        }
    };
    worker.on_answer(on_reply);

    // The number of the last request: its answer carries it where it needs one.
    let asked = StoredValue::new(0u32);
    // Asks for what `message` makes from the request's next number, and returns the
    // number. What needs no file is drawn here, at once (timed as the worker timed it); the
    // rest goes to the worker, started the first time. `None` when it cannot be started.
    let ask = move |message: &dyn Fn(u32) -> ToWorker| {
        let seq = asked.get_value() + 1;
        asked.set_value(seq);
        let message = message(seq);
        let started = browser::now_millis();
        crate::i18n::pack::install_chart(lang);
        let here = match file {
            Some(file) => file.with_untracked(|h| h.as_ref().and_then(|h| message.answer_here(h))),
            None => state.history.with_untracked(|h| message.answer_here(h)),
        };
        if let Some(answer) = here {
            let answer = match answer {
                FromWorker::Drawn { seq, html, .. } => {
                    let hundredths = ((browser::now_millis() - started) * 100.0) as u32;
                    FromWorker::Drawn { seq, hundredths, html }
                }
                other => other,
            };
            // Answered once the asker has kept the number, as the worker's answers are; not
            // at all if the screen is gone by then (its signals with it).
            wasm_bindgen_futures::spawn_local(async move {
                if latest.try_get_value().is_some() {
                    worker.answered(answer, JsValue::UNDEFINED);
                }
            });
            return Some(seq);
        }
        worker.ask(lang, &message).then_some(seq)
    };

    // Another tab's history the worker has not had yet.
    let reloads = StoredValue::new(crate::page::tabs::history_reloads());
    Effect::new(move |_| {
        // A new history (an edit, an import, another tab's, a file opened) is drawn anew.
        match file {
            Some(file) => file.track(),
            None => state.history.track(),
        }
        if reloads.get_value() != crate::page::tabs::history_reloads() {
            reloads.set_value(crate::page::tabs::history_reloads());
            worker.history_changed();
        }
        let choices = Choices {
            sending: sending.get(),
            ..choices(state, lang, width.map_or(0, |w| w.get()), importing.get() > 0)
        };
        if let Some(area) = area.get_untracked() {
            let _ = area.set_attribute("aria-busy", "true");
        }
        // No file opened yet: what the viewer is for, in its place.
        if file.is_some_and(|file| file.with_untracked(Option::is_none)) {
            let seq = asked.get_value() + 1;
            asked.set_value(seq);
            latest.set_value(seq);
            let mut html = crate::formats::html::Html::new();
            html.el("p", &[], crate::i18n::ChartMsg::ViewerText.get(lang));
            return place(seq, 0, &html.finish());
        }
        if let Some(seq) = ask(&|seq| ToWorker::Draw { seq, page, choices: choices.clone() }) {
            latest.set_value(seq);
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
    let on_change = move |ev: leptos::ev::Event| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        if target.id() == "ugb-import-file" {
            let file =
                target.dyn_into::<web_sys::HtmlInputElement>().ok().and_then(|i| i.files()).and_then(|f| f.get(0));
            let Some(file) = file else { return };
            done.set(None);
            if file.size() > crate::formats::import::MAX_IMPORT_BYTES as f64 {
                return problem.set(Some(Msg::ImportTooLarge));
            }
            // The worker reads the file itself: its text never passes through the page.
            worker.give(&ToWorker::ImportFile, &file.into());
            importing.update(|n| *n += 1);
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button").ok().flatten());
        let Some(button) = button else { return };
        // A form's main button is a submit button, so that Enter in a field presses it:
        // what it does happens here, and the browser never submits the form itself (that
        // would reload the page with what was typed in the address).
        ev.prevent_default();
        if let Some(action) = button.get_attribute("data-action") {
            match action.as_str() {
                "import-cancel" => importing.set(0),
                // A locked file's passphrase: the worker opens the file and previews it.
                "import-unlock" => {
                    let form = browser::form_fields(&button);
                    let choices = choices(state, lang, width.map_or(0, |w| w.get_untracked()), true);
                    if let Some(seq) =
                        ask(&|seq| ToWorker::Unlock { seq, page, choices: choices.clone(), form: form.clone() })
                    {
                        latest.set_value(seq);
                    }
                }
                "send-ask" => sending.set(true),
                "send-cancel" => sending.set(false),
                "send" => {
                    let exported = crate::domain::response::rfc3339_utc(browser::now_millis());
                    let nickname = browser::input_value("ugb-nickname").filter(|n| !n.trim().is_empty());
                    let choices = choices(state, lang, 0, false);
                    ask(&|_| ToWorker::Send {
                        choices: choices.clone(),
                        exported: exported.clone(),
                        nickname: nickname.clone(),
                    });
                }
                "import-confirm" => {
                    let take_theirs = browser::checked_values(&button, "data-conflict");
                    let choices = choices(state, lang, 0, importing.get_untracked() > 0);
                    ask(&|_| ToWorker::Merge { choices: choices.clone(), take_theirs: take_theirs.clone() });
                }
                "export" => {
                    let exported = crate::domain::response::rfc3339_utc(browser::now_millis());
                    let choices = choices(state, lang, 0, false);
                    let format = button.get_attribute("data-format");
                    if format.as_deref() == Some("ics") {
                        // The reminder's form, and what its calendar file needs from the page.
                        let mut form = browser::form_fields(&button);
                        let today = crate::domain::progression::format_date(browser::today());
                        form.extend(["today".into(), today, "uid".into(), browser::random_id()]);
                        form.extend(["link".into(), browser::app_address()]);
                        ask(&|_| ToWorker::Reminder {
                            choices: choices.clone(),
                            exported: exported.clone(),
                            form: form.clone(),
                        });
                    } else {
                        let nickname = browser::input_value("ugb-nickname").filter(|n| !n.trim().is_empty());
                        let format = FileFormat::from_code(format.as_deref());
                        let seal = browser::is_checked("ugb-export-seal");
                        ask(&|_| ToWorker::Export {
                            choices: choices.clone(),
                            exported: exported.clone(),
                            nickname: nickname.clone(),
                            format,
                            seal,
                        });
                    }
                }
                _ => {}
            }
        }
    };
    view! {
        {move || problem.get().map(|msg| view! { <p class="ugb-notice" role="alert">{msg.get(lang)}</p> })}
        <p class="ugb-done" role="status">{move || done.get().map(|msg| msg.get(lang))}</p>
        {move || copy.get().map(|asked| copy_check(state, lang, asked, copy))}
        <div
            class="ugb-results"
            node_ref=area
            aria-busy="true"
            on:pointermove=on_move
            on:pointerout=on_leave
            on:keydown=on_key
            on:focusin=on_focus
            on:focusout=on_blur
            on:change=on_change
            on:click=on_click
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

/// Where the copy of everything just offered stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Copy {
    /// Downloaded: only the citizen can tell whether the file arrived.
    Check,
    /// Saved (shared, or the citizen has the file).
    Kept,
    /// Saved, and the programme has ended: deleting everything is offered, as a step of
    /// its own.
    KeptAtEnd,
}

/// The copy is saved: remembered (the reminder's date), and what follows from it.
fn kept(state: AppState) -> Copy {
    if state.backed_up() {
        Copy::KeptAtEnd
    } else {
        Copy::Kept
    }
}

/// Asks whether a downloaded copy arrived, says it is saved, and at the end of the
/// programme offers to delete everything: a text and, but for "saved", its one button.
fn copy_check(state: AppState, lang: Lang, asked: Copy, copy: RwSignal<Option<Copy>>) -> impl IntoView {
    let (text, button) = match asked {
        Copy::Check => (Msg::CopyCheck, Some(Msg::CopyHaveIt)),
        Copy::Kept => (Msg::CopyKept, None),
        Copy::KeptAtEnd => (Msg::EndDeleteOffer, Some(Msg::EndDeleteNow)),
    };
    let class = if asked == Copy::KeptAtEnd { "ugb-danger" } else { "ugb-primary" };
    let press = move |_| match asked {
        Copy::KeptAtEnd => state.delete_everything(Msg::CopyThenDeleted),
        _ => {
            copy.set(Some(kept(state)));
            // The panel is drawn anew: focus goes to what it says now, not to the page's top.
            request_animation_frame(|| browser::focus_id("ugb-copy-text"));
        }
    };
    view! {
        <div class="ugb-copy" role="group" aria-labelledby="ugb-copy-text">
            <p id="ugb-copy-text" role="status" tabindex="-1">{text.get(lang)}</p>
            {button.map(|b| view! { <button type="button" class=class on:click=press>{b.get(lang)}</button> })}
        </div>
    }
}
