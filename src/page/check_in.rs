use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent, MouseEvent};

use crate::domain::checkin::Stage;
use crate::domain::lang::Lang;
use crate::domain::progression::{latin_digits, parse_hours, Absence, Kept, ProgressError, Work};
use crate::domain::week::IsoWeek;
use crate::i18n::Msg;
use crate::page::state::AppState;
use crate::page::steps;
use crate::platform::browser::{self, pressed};

/// The check-in written as HTML ([`steps`]), with one set of listeners: one question per
/// screen, the week's work, one step per open goal, then the optional note. A click acts
/// on the button's `data-act` or on the answer's radio button, the work step's form is
/// read when it is submitted, and the note is kept as it is typed. One view for all of
/// them: each distinct view is code the first load carries.
///
/// The answers are a radio group (the WAI-ARIA pattern, with the browser's own keyboard:
/// one Tab stop, the arrow keys move the choice): a tap, Enter or Space chooses and goes
/// on; an arrow key, or a number typed on a scale of numbers ("7"; "1" then "5" for 15),
/// chooses and stays. Every choice is stored at once.
#[component]
pub fn HtmlScreens() -> impl IntoView {
    let state = expect_context::<AppState>();
    // A memo, so typing in the note (which changes the draft) does not redraw the screen.
    let current =
        Memo::new(move |_| state.draft.with(|d| d.as_ref().map(|d| (d.stage(), d.current_answer(), d.week, d.shown))));
    let html = move || {
        let lang = state.lang.get();
        match current.get() {
            Some((Stage::Question(question), answer, week, shown)) => {
                steps::question_step(lang, &question, answer, week, shown.who5_lang)
            }
            Some((Stage::Work, _, week, _)) => work_screen(state, week, lang),
            Some((Stage::Goal(index), _, week, _)) => goal_screen(state, index, week, lang),
            Some((Stage::Note, _, _, _)) => {
                // Read untracked: the field owns its text while the citizen types.
                let note = state.draft.with_untracked(|d| d.as_ref().map(|d| d.note.clone()).unwrap_or_default());
                steps::note_step(lang, &note, state.not_stored.get())
            }
            None => String::new(),
        }
    };
    // An arrow key checks the next radio button and clicks it: that click moves the choice,
    // not the citizen. A tap's click has a count (`detail`); one from the keyboard has none.
    let arrowed = StoredValue::new(false);
    // The number typed so far on a scale of numbers, and when (milliseconds).
    let typed = StoredValue::new((0u32, 0.0));
    let click = move |event: MouseEvent| {
        if let Some(radio) = answer(&event) {
            let arrow = arrowed.get_value() && event.detail() == 0;
            arrowed.set_value(false);
            return give(state, &radio, !arrow);
        }
        if let Some(text) = pressed(&event, "data-say") {
            let lang = pressed(&event, "data-say-lang").as_deref().and_then(Lang::parse);
            let ui = state.lang.get_untracked();
            return crate::page::speech::say(&text, lang.unwrap_or(ui), ui);
        }
        if let Some(lang) = pressed(&event, "data-who5-lang").as_deref().and_then(Lang::parse) {
            return state.change_shown(|shown| shown.who5_lang = Some(lang));
        }
        match pressed(&event, "data-act").as_deref() {
            Some("back") => state.back(),
            Some("skip") => state.next(),
            Some("save") => state.finish(),
            Some("backup") => state.back_up_now(),
            _ => {}
        }
    };
    let keydown = move |event: KeyboardEvent| {
        let Some(radio) = answer(&event) else { return };
        let key = event.key();
        if key == "Enter" || key == " " {
            // Space's own click is not wanted: it would land on the next step.
            event.prevent_default();
            return give(state, &radio, true);
        }
        arrowed.set_value(key.starts_with("Arrow"));
        let numbers = radio.closest(".ugb-options--rating, .ugb-options--hours").ok().flatten();
        let digit = latin_digits(&key).parse::<u32>().ok().filter(|_| key.chars().count() == 1);
        let (Some(group), Some(digit)) = (numbers, digit) else { return };
        let (now, (before, at)) = (browser::now_millis(), typed.get_value());
        let find = |n: u32| group.query_selector(&format!("input[value=\"{n}\"]")).ok().flatten();
        let joined = Some(before * 10 + digit).filter(|_| now - at < 1000.0);
        let (number, chosen) = match joined.and_then(|n| Some((n, find(n)?))) {
            Some((n, chosen)) => (n, Some(chosen)),
            None => (digit, find(digit)),
        };
        typed.set_value((number, now));
        if let Some(chosen) = chosen.and_then(|c| c.dyn_into::<HtmlInputElement>().ok()) {
            // Checked and given like an arrow key's choice.
            let _ = chosen.focus();
            arrowed.set_value(true);
            chosen.click();
        }
    };
    let submit = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        give_work(state, state.lang.get_untracked());
    };
    let input = move |event: web_sys::Event| {
        if browser::target_id(&event).as_deref() == Some(steps::NOTE_FIELD) {
            state.set_note(event_target_value(&event));
        }
    };
    view! { <div inner_html=html on:click=click on:keydown=keydown on:submit=submit on:input=input></div> }
}

/// The radio button of an answer (a question's or a goal step's) that `event` happened on.
fn answer(event: &web_sys::Event) -> Option<HtmlInputElement> {
    let input = event.target()?.dyn_into::<HtmlInputElement>().ok()?;
    let name = input.name();
    (input.type_() == "radio" && (name == steps::ANSWER || name == steps::KEPT)).then_some(input)
}

/// Gives the answer of `radio` and goes on, or, without `on` (an arrow key, a number
/// typed), stays on the step: then the step is not drawn anew (the radio button keeps its
/// focus), and its "skip" now says "next".
fn give(state: AppState, radio: &HtmlInputElement, on: bool) {
    let value = radio.value();
    if radio.name() == steps::KEPT {
        let Some(kept) = Kept::parse(&value) else { return };
        let note = browser::input_value(steps::GOAL_NOTE).unwrap_or_default();
        return if on { state.keep_goal(kept, &note) } else { state.choose_goal(kept, &note) };
    }
    let Ok(value) = value.parse::<u8>() else { return };
    if on {
        state.answer(value);
    } else {
        state.choose(value);
        browser::set_text(steps::ONWARD, Msg::Next.get(state.lang.get_untracked()));
    }
}

/// Reads the work step's fields and moves on, or explains the first figure that does not
/// add up at its field.
fn give_work(state: AppState, lang: Lang) {
    let text = |id| browser::input_value(id).unwrap_or_default();
    let hours = |id| parse_hours(&text(id)).ok_or((Msg::ErrHours, id));
    let days = |id| {
        let text = crate::domain::progression::latin_digits(&text(id));
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        text.parse::<u8>().ok().filter(|d| *d <= 7).map(Some).ok_or((Msg::ErrDays, id))
    };
    let read = || -> Result<Work, (Msg, &'static str)> {
        Ok(Work {
            planned_minutes: hours(steps::HOURS_PLANNED)?,
            worked_minutes: hours(steps::HOURS_WORKED)?,
            days_planned: days(steps::DAYS_PLANNED)?,
            days_attended: days(steps::DAYS_ATTENDED)?,
            absence: browser::checked_radio(steps::ABSENCE).as_deref().and_then(Absence::parse),
        })
    };
    let given = read().and_then(|work| match state.give_work(work) {
        Err(ProgressError::AttendedAbovePlanned) => Err((Msg::ErrAttendedAbove, steps::DAYS_ATTENDED)),
        Err(_) => Err((Msg::ErrHours, steps::HOURS_PLANNED)),
        Ok(()) => Ok(()),
    });
    if let Err((msg, id)) = given {
        browser::set_text(steps::WORK_ERROR, msg.get(lang));
        browser::mark_invalid(id);
        browser::focus_id(id);
    }
}

/// The week's work ([`steps::work_step`]): starts from what was given for the week, else
/// from last week's plan; read when the citizen goes on.
fn work_screen(state: AppState, week: IsoWeek, lang: Lang) -> String {
    let (given, step, total) =
        state.draft.with_untracked(|d| d.as_ref().map(|d| (d.work.clone(), d.step, d.total())).unwrap_or_default());
    let suggested = given.is_none();
    let start = given.unwrap_or_else(|| {
        state.history.with_untracked(|h| {
            let last = h.work.iter().rev().find(|w| w.week < week).map(|w| &w.work);
            Work {
                planned_minutes: last.and_then(|w| w.planned_minutes),
                days_planned: last.and_then(|w| w.days_planned),
                ..Work::default()
            }
        })
    });
    let body = steps::work_step(lang, &start, suggested && !start.is_empty());
    let label = Msg::Progress.fill(lang, &[("n", &(step + 1).to_string()), ("total", &total.to_string())]);
    steps::step_screen(lang, "ugb-screen ugb-work", "ugb-work-title", (&label, step + 1, total, week), &body)
}

/// One open goal ([`steps::goal_step`]): "Did you keep to it this week?" and a note.
fn goal_screen(state: AppState, index: usize, week: IsoWeek, lang: Lang) -> String {
    let (answer, count, step, total) = state
        .draft
        .with_untracked(|d| {
            d.as_ref().map(|d| {
                let answer = d.goals.get(index).map(|g| (g.goal.clone(), g.kept, g.note.clone()));
                (answer, d.goals.len(), d.step, d.total())
            })
        })
        .unwrap_or_default();
    let (id, given, note) = answer.unwrap_or_default();
    let body = state.history.with_untracked(|h| {
        steps::goal_step(lang, h.goals.iter().find(|g| g.id == id), given, note.as_deref().unwrap_or_default())
    });
    let label = Msg::GoalStep.fill(lang, &[("n", &(index + 1).to_string()), ("total", &count.to_string())]);
    let class = "ugb-screen ugb-question ugb-goal";
    steps::step_screen(lang, class, "ugb-goal-title", (&label, step + 1, total, week), &body)
}
