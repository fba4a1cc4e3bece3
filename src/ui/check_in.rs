use leptos::either::EitherOf5;
use leptos::prelude::*;

use super::browser::{self, pressed};
use super::state::AppState;
use crate::domain::checkin::{Question, Stage};
use crate::domain::instrument::{Recall, Scale};
use crate::domain::lang::Lang;
use crate::domain::progression::{parse_hours, Absence, Kept, ProgressError, Work};
use crate::domain::week::IsoWeek;
use crate::i18n::{week_label, Msg};
use crate::steps;

const QUESTION_HEADING: &str = "ugb-question-text";
const NOTE_HEADING: &str = "ugb-note-title";

/// The check-in: one question per screen, then the optional note.
#[component]
pub fn CheckIn() -> impl IntoView {
    let state = expect_context::<AppState>();
    // A memo, so typing in the note (which changes the draft) does not re-render the screen.
    let current = Memo::new(move |_| state.draft.with(|d| d.as_ref().map(|d| (d.stage(), d.current_answer(), d.week))));
    move || {
        let lang = state.lang.get();
        match current.get() {
            Some((Stage::Question(question), answer, week)) => {
                EitherOf5::A(question_screen(state, question, answer, week, lang))
            }
            Some((Stage::Work, _, week)) => EitherOf5::B(work_screen(state, week, lang)),
            Some((Stage::Goal(index), _, week)) => EitherOf5::C(goal_screen(state, index, week, lang)),
            Some((Stage::Note, _, _)) => EitherOf5::D(note_screen(state, lang)),
            None => EitherOf5::E(()),
        }
    }
}

fn question_screen(
    state: AppState,
    question: Question,
    answer: Option<u8>,
    week: IsoWeek,
    lang: Lang,
) -> impl IntoView {
    let instrument = question.instrument;
    let item = question.item;
    let recall = match instrument.recall {
        Recall::LastTwoWeeks => Msg::RecallTwoWeeks,
        Recall::ThisWeek => Msg::RecallThisWeek,
    };
    let progress =
        Msg::Progress.fill(lang, &[("n", &question.number.to_string()), ("total", &question.total.to_string())]);
    let scale_class = match item.scale {
        Scale::Who5 => "ugb-options ugb-options--list",
        Scale::Rating { .. } => "ugb-options ugb-options--rating",
        Scale::Hours { .. } => "ugb-options ugb-options--hours",
    };
    let lead = instrument.lead_in.get(lang);
    let options = item
        .scale
        .values()
        .into_iter()
        .map(|value| {
            let pressed = if answer == Some(value) { "true" } else { "false" };
            view! {
                <button type="button" aria-pressed=pressed on:click=move |_| state.answer(value)>
                    {option_label(&item.scale, value, lang)}
                </button>
            }
        })
        .collect_view();
    let onward = if answer.is_some() { Msg::Next } else { Msg::Skip };

    view! {
        <section class="ugb-screen ugb-question" aria-labelledby=QUESTION_HEADING>
            {step_progress(progress, question.number, question.total, week, lang)}
            <p class="ugb-question__section">{instrument.name.get(lang)} " · " {recall.get(lang)}</p>
            <h2 id=QUESTION_HEADING class="ugb-question__text" tabindex="-1">
                {(!lead.is_empty()).then(|| view! { <span class="ugb-question__lead">{lead}</span> })}
                {item.text.get(lang)}
            </h2>
            <details class="ugb-help">
                <summary>{Msg::WhatWeMean.get(lang)}</summary>
                <p>{item.help.get(lang)}</p>
            </details>
            <div class=scale_class role="group" aria-labelledby=QUESTION_HEADING>
                {options}
            </div>
            {legend(&item.scale, lang).map(|text| view! { <p class="ugb-legend">{text}</p> })}
            <div class="ugb-stepnav">
                <button type="button" class="ugb-secondary" on:click=move |_| state.back()>
                    {Msg::Back.get(lang)}
                </button>
                <button type="button" class="ugb-secondary" on:click=move |_| state.next()>
                    {onward.get(lang)}
                </button>
            </div>
            <p class="ugb-instrument-notice">{instrument.notice.get(lang)}</p>
        </section>
    }
}

/// What a button says: the WHO-5 wording, or the number.
fn option_label(scale: &Scale, value: u8, lang: Lang) -> String {
    match scale.who5_label(value) {
        Some(text) => text.get(lang).to_owned(),
        None => value.to_string(),
    }
}

/// The explanation of the endpoints under a numeric scale.
fn legend(scale: &Scale, lang: Lang) -> Option<String> {
    match scale {
        Scale::Who5 => None,
        Scale::Rating { low, high } => {
            Some(Msg::ScaleLegend.fill(lang, &[("low", low.get(lang)), ("high", high.get(lang))]))
        }
        Scale::Hours { .. } => Some(Msg::HoursLegend.get(lang).to_owned()),
    }
}

fn note_screen(state: AppState, lang: Lang) -> impl IntoView {
    // Read untracked: the field owns its text while the citizen types.
    let initial = state.draft.with_untracked(|d| d.as_ref().map(|d| d.note.clone()).unwrap_or_default());
    view! {
        <section class="ugb-screen ugb-note" aria-labelledby=NOTE_HEADING>
            <h2 id=NOTE_HEADING tabindex="-1">{Msg::NoteTitle.get(lang)}</h2>
            <label for="ugb-note-field">{Msg::NoteLabel.get(lang)}</label>
            <textarea
                id="ugb-note-field"
                rows="5"
                maxlength="2000"
                aria-describedby="ugb-note-hint"
                prop:value=initial
                on:input=move |ev| state.set_note(event_target_value(&ev))
            ></textarea>
            <p id="ugb-note-hint" class="ugb-hint">{Msg::NoteHint.get(lang)}</p>
            <div class="ugb-stepnav">
                <button type="button" class="ugb-secondary" on:click=move |_| state.back()>
                    {Msg::Back.get(lang)}
                </button>
                <button type="button" class="ugb-primary" on:click=move |_| state.finish()>
                    {Msg::Save.get(lang)}
                </button>
            </div>
        </section>
    }
}

/// The step's position, "Goal 2 of 3" or "Question 19 of 21", and its bar.
fn step_progress(label: String, number: usize, total: usize, week: IsoWeek, lang: Lang) -> impl IntoView {
    let percent = number.saturating_sub(1) * 100 / total.max(1);
    view! {
        <div class="ugb-progress">
            <p>
                <span>{label}</span>
                " · "
                <span>{week_label(lang, week)}</span>
            </p>
            <div class="ugb-progress__bar" aria-hidden="true">
                <span style:width=format!("{percent}%")></span>
            </div>
        </div>
    }
}

/// The back and skip buttons of a step written as HTML.
fn step_buttons(state: AppState, event: &web_sys::MouseEvent) {
    match pressed(event, "data-act").as_deref() {
        Some("back") => state.back(),
        Some("skip") => state.next(),
        _ => {}
    }
}

/// The week's work ([`steps::work_step`]): starts from what was given for the week, else
/// from last week's plan; read when the citizen goes on.
fn work_screen(state: AppState, week: IsoWeek, lang: Lang) -> impl IntoView {
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
    let html = steps::work_step(lang, &start, suggested && !start.is_empty());
    let submit = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        let text = |id| browser::input_value(id).unwrap_or_default();
        let hours = |id| parse_hours(&text(id)).ok_or((Msg::ErrHours, id));
        let days = |id| {
            let text = text(id);
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
    };
    let label = Msg::Progress.fill(lang, &[("n", &(step + 1).to_string()), ("total", &total.to_string())]);
    view! {
        <section class="ugb-screen ugb-work" aria-labelledby="ugb-work-title">
            {step_progress(label, step + 1, total, week, lang)}
            <div inner_html=html on:submit=submit on:click=move |ev| step_buttons(state, &ev)></div>
        </section>
    }
}

/// One open goal ([`steps::goal_step`]): "Did you keep to it this week?" and a note.
fn goal_screen(state: AppState, index: usize, week: IsoWeek, lang: Lang) -> impl IntoView {
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
    let html = state.history.with_untracked(|h| {
        steps::goal_step(lang, h.goals.iter().find(|g| g.id == id), given, note.as_deref().unwrap_or_default())
    });
    let click = move |event: web_sys::MouseEvent| match pressed(&event, "data-kept").as_deref().and_then(Kept::parse) {
        Some(kept) => state.keep_goal(kept, &browser::input_value(steps::GOAL_NOTE).unwrap_or_default()),
        None => step_buttons(state, &event),
    };
    let label = Msg::GoalStep.fill(lang, &[("n", &(index + 1).to_string()), ("total", &count.to_string())]);
    view! {
        <section class="ugb-screen ugb-question ugb-goal" aria-labelledby="ugb-goal-title">
            {step_progress(label, step + 1, total, week, lang)}
            <div inner_html=html on:click=click></div>
        </section>
    }
}
