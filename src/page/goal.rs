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
/// then "Did you keep to it this week?", answered yes, partly or no like a question (the
/// same radio group). A choice stays on the step: once answered, an optional note follows
/// the answer (style/main.css), and "next" goes on; Enter on the answer chosen goes on too.
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
    // A choice stays on the step: the note follows the answer, and "next" goes on. The
    // answer chosen already, given again (Enter after the arrow keys chose it), goes on.
    let on_choose = Callback::new(move |(value, on): (u8, bool)| {
        let Some(&kept) = Kept::ALL.get(usize::from(value)) else { return };
        let chosen = state.draft.with_untracked(|d| d.as_ref().and_then(|d| d.goals.get(index)?.kept));
        let note = browser::input_value(GOAL_NOTE).unwrap_or_default();
        state.choose_goal(kept, &note);
        if on && chosen == Some(kept) {
            state.next();
        }
    });
    let checked = kept.and_then(|kept| Kept::ALL.iter().position(|k| *k == kept)).map(|n| n as u8);
    let label = Msg::GoalStep.fill(lang, &[("n", &(index + 1).to_string()), ("total", &count.to_string())]);
    let onward = text(state.lang, Msg::Next);
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
            // Shown once an answer is chosen (style/main.css).
            <NoteField
                id=GOAL_NOTE
                label=Msg::GoalNote.get(lang)
                rows="2"
                max="500"
                text=note
                on_input=Callback::new(move |note: String| state.set_goal_note(&note))
            />
            <StepNav onward/>
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
            <NoteField
                id=NOTE_FIELD
                label=Msg::NoteLabel.get(lang)
                rows="5"
                max="2000"
                hint="ugb-note-hint"
                text=note
                on_input=Callback::new(move |note| state.set_note(note))
            />
            <p id="ugb-note-hint" class="ugb-hint">{hint}</p>
            <StepNav onward=text(state.lang, Msg::Save) save=true/>
        </section>
    }
}

/// A note's label and field (`id`), holding `text`; each change is given to `on_input` as
/// it is typed (the field owns its text: a redraw would take its focus). `hint`: the id of
/// the text that describes it.
#[component]
fn NoteField(
    id: &'static str,
    label: &'static str,
    rows: &'static str,
    max: &'static str,
    text: String,
    #[prop(optional)] hint: Option<&'static str>,
    on_input: Callback<String>,
) -> impl IntoView {
    view! {
        <label for=id>{label}</label>
        <textarea
            id=id
            rows=rows
            maxlength=max
            aria-describedby=hint
            dir="auto"
            on:input=move |event| on_input.run(event_target_value(&event))
        >
            {text}
        </textarea>
    }
}
