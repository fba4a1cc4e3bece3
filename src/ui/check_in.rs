use leptos::prelude::*;

use super::state::AppState;
use crate::domain::checkin::{Draft, Question};
use crate::domain::instrument::{Recall, Scale};
use crate::domain::lang::Lang;
use crate::i18n::{week_label, Msg};

const QUESTION_HEADING: &str = "ugb-question-text";
const NOTE_HEADING: &str = "ugb-note-title";

/// The check-in: one question per screen, then the optional note.
#[component]
pub fn CheckIn() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Memos, so typing in the note does not re-render the screen.
    let current = Memo::new(move |_| state.draft.with(|d| d.as_ref().map(|d| (d.question(), d.current_answer()))));
    move || match current.get() {
        Some((Some(question), answer)) => view! { <QuestionScreen question answer/> }.into_any(),
        Some((None, _)) => view! { <NoteScreen/> }.into_any(),
        None => ().into_any(),
    }
}

#[component]
fn QuestionScreen(question: Question, answer: Option<u8>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang.get();
    let instrument = question.instrument;
    let item = question.item;
    let percent = question.number.saturating_sub(1) * 100 / question.total.max(1);
    let recall = move || match instrument.recall {
        Recall::LastTwoWeeks => Msg::RecallTwoWeeks.get(lang()),
        Recall::ThisWeek => Msg::RecallThisWeek.get(lang()),
    };
    let progress = move || {
        Msg::Progress.fill(lang(), &[("n", &question.number.to_string()), ("total", &question.total.to_string())])
    };
    let week = state.draft.with_untracked(|d| d.as_ref().map(|d: &Draft| d.week)).unwrap_or(state.week);
    let scale_class = match item.scale {
        Scale::Who5 => "ugb-options ugb-options--list",
        Scale::Rating { .. } => "ugb-options ugb-options--rating",
        Scale::Hours { .. } => "ugb-options ugb-options--hours",
    };

    view! {
        <section class="ugb-screen ugb-question" aria-labelledby=QUESTION_HEADING>
            <div class="ugb-progress">
                <p>
                    <span>{progress}</span>
                    " · "
                    <span>{move || week_label(lang(), week)}</span>
                </p>
                <div class="ugb-progress__bar" aria-hidden="true">
                    <span style:width=format!("{percent}%")></span>
                </div>
            </div>
            <p class="ugb-question__section">{move || instrument.name.get(lang())} " · " {recall}</p>
            <h2 id=QUESTION_HEADING class="ugb-question__text" tabindex="-1">
                {move || {
                    let lead = instrument.lead_in.get(lang());
                    (!lead.is_empty()).then(|| view! { <span class="ugb-question__lead">{lead}</span> })
                }}
                {move || item.text.get(lang())}
            </h2>
            <details class="ugb-help">
                <summary>{move || Msg::WhatWeMean.get(lang())}</summary>
                <p>{move || item.help.get(lang())}</p>
            </details>
            <div class=scale_class role="group" aria-labelledby=QUESTION_HEADING>
                {item
                    .scale
                    .values()
                    .into_iter()
                    .map(|value| {
                        let label = move || option_label(&item.scale, value, lang());
                        let pressed = if answer == Some(value) { "true" } else { "false" };
                        view! {
                            <button type="button" aria-pressed=pressed on:click=move |_| state.answer(value)>
                                {label}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            {move || legend(&item.scale, lang()).map(|text| view! { <p class="ugb-legend">{text}</p> })}
            <div class="ugb-stepnav">
                <button type="button" class="ugb-secondary" on:click=move |_| state.back()>
                    {move || Msg::Back.get(lang())}
                </button>
                <button type="button" class="ugb-secondary" on:click=move |_| state.next()>
                    {move || if answer.is_some() { Msg::Next.get(lang()) } else { Msg::Skip.get(lang()) }}
                </button>
            </div>
            <p class="ugb-instrument-notice">{move || instrument.notice.get(lang())}</p>
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

#[component]
fn NoteScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang.get();
    let initial = state.draft.with_untracked(|d| d.as_ref().map(|d| d.note.clone()).unwrap_or_default());
    view! {
        <section class="ugb-screen ugb-note" aria-labelledby=NOTE_HEADING>
            <h2 id=NOTE_HEADING tabindex="-1">{move || Msg::NoteTitle.get(lang())}</h2>
            <label for="ugb-note-field">{move || Msg::NoteLabel.get(lang())}</label>
            <textarea
                id="ugb-note-field"
                rows="5"
                maxlength="2000"
                aria-describedby="ugb-note-hint"
                prop:value=initial
                on:input=move |ev| state.set_note(event_target_value(&ev))
            ></textarea>
            <p id="ugb-note-hint" class="ugb-hint">{move || Msg::NoteHint.get(lang())}</p>
            <div class="ugb-stepnav">
                <button type="button" class="ugb-secondary" on:click=move |_| state.back()>
                    {move || Msg::Back.get(lang())}
                </button>
                <button type="button" class="ugb-primary" on:click=move |_| state.finish()>
                    {move || Msg::Save.get(lang())}
                </button>
            </div>
        </section>
    }
}
