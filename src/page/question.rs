use leptos::prelude::*;

use crate::domain::checkin::Question;
use crate::domain::lang::Lang;
use crate::domain::week::IsoWeek;
use crate::i18n::Msg;
use crate::page::answers::Answers;
use crate::page::button::Button;
use crate::page::check_in::{SpokenHeading, StepNav, StepProgress};
use crate::page::live::{live, pressed};
use crate::page::state::AppState;
use crate::page::steps::{QuestionText, ANSWER, QUESTION_HEADING};

/// One question of any instrument, as [`QuestionText`] says it: the instrument and its
/// recall period, the item (the heading its answers' group is named by), one radio button
/// per answer (`answer` ticked) with its pictogram, the scale's legend, "what do we mean",
/// back and skip (which says "next" once answered), and the instrument's notice. The
/// question and every worded answer can be read aloud.
///
/// The questions are in the app's language, except where the instrument has no version in
/// it (the WHO-5 in Arabic): then they are in the official version chosen (`who5_lang`,
/// offered here), marked with their own language so that a screen reader and the
/// read-aloud voice pronounce them right, and the explanation stays in the app's. A
/// translation nobody has reviewed yet says so.
#[component]
pub fn QuestionStep(question: Question, answer: Option<u8>, week: IsoWeek, who5_lang: Option<Lang>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    let text = QuestionText::new(lang, &question, who5_lang);
    let shown = text.shown;
    let own = (shown != lang).then_some(shown);
    let (own_code, own_dir) = (own.map(Lang::code), own.map(Lang::dir));
    // Whether the question has an answer: an arrow key's choice stays on the step, and
    // "skip" then says "next".
    let answered = RwSignal::new(answer.is_some());
    let on_choose = Callback::new(move |(value, on): (u8, bool)| {
        if on {
            state.answer(value);
        } else {
            state.choose(value);
            answered.set(true);
        }
    });
    let onward = live(move || if answered.get() { Msg::Next } else { Msg::Skip }.get(lang).to_owned());
    let legend = text.legend.map(|legend| view! { <p class="ugb-legend" lang=own_code dir=own_dir>{legend}</p> });
    let unreviewed = text.unreviewed.then(|| view! { <p class="ugb-unreviewed">{Msg::Unreviewed.get(lang)}</p> });
    view! {
        <section class="ugb-screen ugb-question" aria-labelledby=QUESTION_HEADING>
            <StepProgress label=text.position number=question.number total=question.total week/>
            <p class="ugb-question__section">{text.section}</p>
            {text.official.map(|why| view! { <OfficialChoice shown why/> })}
            <SpokenHeading
                id=QUESTION_HEADING
                class="ugb-question__text"
                lead=text.lead
                text=text.text.to_owned()
                say=text.spoken
                say_lang=shown
                lang=own_code
                dir=own_dir
            />
            <Answers
                name=ANSWER
                labelled_by=QUESTION_HEADING
                layout=text.layout
                answers=text.answers
                checked=answer
                say_lang=shown
                own_lang=own
                on_choose
            />
            {legend}
            <details class="ugb-help">
                <summary>{Msg::WhatWeMean.get(lang)}</summary>
                <p>{text.help}</p>
            </details>
            <StepNav onward/>
            {unreviewed}
            <p class="ugb-instrument-notice" lang=own_code dir=own_dir>{text.notice}</p>
        </section>
    }
}

/// Why the questions are in another language than the app's (said when `why`), and the
/// choice of the WHO-5's official versions, `shown` pressed.
#[component]
fn OfficialChoice(shown: Lang, why: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    let why = why.then(|| view! { <p>{Msg::Who5Official.fill(lang, &[("language", lang.endonym())])}</p> });
    let version = move |option: Lang| {
        view! {
            <Button
                lang=option.code()
                pressed=pressed(move || option == shown)
                text=live(move || option.endonym().to_owned())
                on_click=move || state.change_shown(|shown| shown.who5_lang = Some(option))
            />
        }
    };
    view! {
        <div class="ugb-official">
            {why}
            <div class="ugb-lang" role="group" aria-label=Msg::Who5LangGroup.get(lang)>
                {Lang::ALL.into_iter().filter(|l| l.has_official_who5()).map(version).collect_view()}
            </div>
        </div>
    }
}
