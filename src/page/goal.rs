use leptos::prelude::*;

use crate::domain::progression::Kept;
use crate::domain::week::IsoWeek;
use crate::i18n::Msg;
use crate::page::answers::Answers;
use crate::page::button::Button;
use crate::page::check_in::{SpokenHeading, StepNav, StepProgress};
use crate::page::live::text;
use crate::page::state::AppState;
use crate::page::steps::{goal_lines, kept_answers, GOAL_NOTE, KEPT, NOTE_FIELD};
use crate::platform::browser;

/// One open goal (the `index`th of the check-in's): what it is, how we will know, by when,
/// an optional note, and "Did you keep to it this week?", answered yes, partly or no like
/// a question (the same radio group). The note is given with the answer.
#[component]
pub fn GoalStep(index: usize, week: IsoWeek, number: usize, total: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    let ((id, kept, note), count) = state
        .draft
        .with_untracked(|d| {
            d.as_ref().map(|d| {
                let answer = d.goals.get(index).map(|g| (g.goal.clone(), g.kept, g.note.clone().unwrap_or_default()));
                (answer.unwrap_or_default(), d.goals.len())
            })
        })
        .unwrap_or_default();
    let goal = state.history.with_untracked(|h| h.goals.iter().find(|g| g.id == id).cloned());
    let lines = goal_lines(lang, goal.as_ref()).map(|(measure, by)| {
        let by = by.map(|by| view! { <br/>{by} });
        view! { <p>{measure}{by}</p> }
    });
    // A goal the history no longer has (an import replaced it mid check-in) still gets a
    // heading, never an empty one.
    let what = goal.map_or_else(|| Msg::GoalLabel.get(lang).to_owned(), |g| g.what);
    let question = Msg::GoalQuestion.get(lang);
    let on_choose = Callback::new(move |(value, on): (u8, bool)| {
        let Some(&kept) = Kept::ALL.get(usize::from(value)) else { return };
        let note = browser::input_value(GOAL_NOTE).unwrap_or_default();
        if on {
            state.keep_goal(kept, &note);
        } else {
            state.choose_goal(kept, &note);
        }
    });
    let checked = kept.and_then(|kept| Kept::ALL.iter().position(|k| *k == kept)).map(|n| n as u8);
    let label = Msg::GoalStep.fill(lang, &[("n", &(index + 1).to_string()), ("total", &count.to_string())]);
    view! {
        <section class="ugb-screen ugb-question ugb-goal" aria-labelledby="ugb-goal-title">
            <StepProgress label number total week/>
            <p class="ugb-question__section">{Msg::GoalLabel.get(lang)}</p>
            // The citizen's own words keep their own direction (Arabic in a Danish app, or back).
            <SpokenHeading
                id="ugb-goal-title"
                class="ugb-question__text"
                dir=Some("auto")
                say=format!("{what}. {question}")
                text=what
                say_lang=lang
            />
            {lines}
            <label for=GOAL_NOTE>{Msg::GoalNote.get(lang)}</label>
            <textarea id=GOAL_NOTE rows="2" maxlength="500" dir="auto">
                {note}
            </textarea>
            <p id="ugb-goal-question" class="ugb-goal__question">{question}</p>
            <Answers
                name=KEPT
                labelled_by="ugb-goal-question"
                layout="ugb-options ugb-options--list"
                answers=kept_answers(lang)
                checked
                say_lang=lang
                on_choose
            />
            <StepNav onward=text(state.lang, Msg::Skip)/>
        </section>
    }
}

/// The closing note, kept as it is typed, and "save". When saving failed (`not_stored`),
/// it says so and offers the answers as a file: nothing is lost.
#[component]
pub fn NoteStep(not_stored: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    // Read once: from here on the field owns its text while the citizen types.
    let note = state.draft.with_untracked(|d| d.as_ref().map(|d| d.note.clone()).unwrap_or_default());
    let (title, hint) = (Msg::NoteTitle.get(lang), Msg::NoteHint.get(lang));
    let not_stored = not_stored.then(|| {
        view! {
            <div class="ugb-notice" role="alert">
                <p>{Msg::NotStored.get(lang)}</p>
                <Button class="ugb-secondary" text=text(state.lang, Msg::SaveAsFile) on_click=move || state.back_up_now()/>
            </div>
        }
    });
    view! {
        <section class="ugb-screen ugb-note" aria-labelledby="ugb-note-title">
            <SpokenHeading id="ugb-note-title" text=title.to_owned() say=format!("{title} {hint}") say_lang=lang/>
            {not_stored}
            <label for=NOTE_FIELD>{Msg::NoteLabel.get(lang)}</label>
            <textarea
                id=NOTE_FIELD
                rows="5"
                maxlength="2000"
                aria-describedby="ugb-note-hint"
                dir="auto"
                on:input=move |event| state.set_note(event_target_value(&event))
            >
                {note}
            </textarea>
            <p id="ugb-note-hint" class="ugb-hint">{hint}</p>
            <StepNav onward=text(state.lang, Msg::Save) save=true/>
        </section>
    }
}
