use leptos::prelude::*;

use super::state::AppState;
use crate::domain::checkin::Question;
use crate::domain::instrument::{Recall, Scale};
use crate::domain::lang::Lang;
use crate::domain::week::IsoWeek;
use crate::i18n::{week_label, Msg};

const QUESTION_HEADING: &str = "ugb-question-text";
const NOTE_HEADING: &str = "ugb-note-title";

/// The check-in: one question per screen, then the optional note.
#[component]
pub fn CheckIn() -> impl IntoView {
    let state = expect_context::<AppState>();
    // A memo, so typing in the note (which changes the draft) does not re-render the screen.
    let current =
        Memo::new(move |_| state.draft.with(|d| d.as_ref().map(|d| (d.question(), d.current_answer(), d.week))));
    move || {
        let lang = state.lang.get();
        match current.get() {
            Some((Some(question), answer, week)) => question_screen(state, question, answer, week, lang).into_any(),
            Some((None, _, _)) => note_screen(state, lang).into_any(),
            None => ().into_any(),
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
    let percent = question.number.saturating_sub(1) * 100 / question.total.max(1);
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
            <div class="ugb-progress">
                <p>
                    <span>{progress}</span>
                    " · "
                    <span>{week_label(lang, week)}</span>
                </p>
                <div class="ugb-progress__bar" aria-hidden="true">
                    <span style:width=format!("{percent}%")></span>
                </div>
            </div>
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
