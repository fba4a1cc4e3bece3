use leptos::either::EitherOf4;
use leptos::prelude::*;

use crate::domain::checkin::{Draft, Stage};
use crate::domain::lang::Lang;
use crate::domain::week::IsoWeek;
use crate::i18n::{week_label, Msg};
use crate::page::button::Button;
use crate::page::goal::{GoalStep, NoteStep};
use crate::page::live::{text, Text};
use crate::page::question::QuestionStep;
use crate::page::state::AppState;
use crate::page::steps::{done, SPEECH_STATUS};
use crate::page::work::WorkStep;

/// The check-in: one question per step ([`QuestionStep`], one component for every item of
/// every instrument), the week's work, one step per open goal, then the optional note.
/// Each step is drawn anew when the citizen moves to another, or the language, the
/// version of the questions or (on the note) a failed save changes; a choice that stays
/// on the step (an arrow key, a number typed) is stored without drawing it anew, so the
/// radio button keeps its focus.
///
/// The keyboard: focus goes to each step's heading; one Tab reaches its answers, a radio
/// group ([`crate::page::answers::Answers`]); the heading's read-aloud button stands
/// before it (Shift+Tab), never between the answers.
#[component]
pub fn CheckIn() -> impl IntoView {
    let state = expect_context::<AppState>();
    // A memo, so typing a note (which changes the draft) or choosing a goal's answer does
    // not draw the step anew.
    let step = Memo::new(move |_| {
        state.draft.with(|d| {
            d.as_ref().map(|d| (d.stage(), d.current_answer(), d.week, d.shown.who5_lang, d.step + 1, d.total()))
        })
    });
    move || {
        state.lang.track();
        let (stage, _, week, who5_lang, number, total) = step.get()?;
        Some(Drawn(match stage {
            Stage::Question(question) => {
                // Read afresh: a choice that stayed on the step was stored quietly.
                let answer = state.draft.with_untracked(|d| d.as_ref().and_then(Draft::current_answer));
                EitherOf4::A(view! { <QuestionStep question answer week who5_lang/> })
            }
            Stage::Work => EitherOf4::B(view! { <WorkStep week number total/> }),
            Stage::Goal(index) => EitherOf4::C(view! { <GoalStep index week number total/> }),
            Stage::Note => EitherOf4::D(view! { <NoteStep not_stored=state.not_stored.get()/> }),
        }))
    }
}

/// Above a step: its position (`label`: "Spørgsmål 3 af 19", "Mål 1 af 2"), the week, and
/// a bar (decorative: the text says it).
#[component]
pub fn StepProgress(label: String, number: usize, total: usize, week: IsoWeek) -> impl IntoView {
    let lang = expect_context::<AppState>().lang.get_untracked();
    view! {
        <div class="ugb-progress">
            <p>
                <span>{label}</span>
                " · "
                <span>{week_label(lang, week)}</span>
            </p>
            <progress class="ugb-progress__bar" max="100" value=done(number, total) aria-hidden="true"></progress>
        </div>
    }
}

/// A step's heading (`id`, focused when the step opens), with the button that reads `say`
/// aloud in `say_lang` before it (Shift+Tab from the heading; never between the answers),
/// and the line that says when the phone cannot read aloud.
#[component]
pub fn SpokenHeading(
    id: &'static str,
    text: String,
    say: String,
    say_lang: Lang,
    #[prop(optional)] class: Option<&'static str>,
    /// Words said before the question, on a line of their own.
    #[prop(optional)]
    lead: Option<&'static str>,
    /// The heading's language and direction, where they are not the app's.
    #[prop(optional_no_strip)]
    lang: Option<&'static str>,
    #[prop(optional_no_strip)] dir: Option<&'static str>,
) -> impl IntoView {
    let ui = expect_context::<AppState>().lang.get_untracked();
    let lead = lead.filter(|l| !l.is_empty()).map(|lead| view! { <span class="ugb-question__lead">{lead}</span> });
    view! {
        <div class="ugb-heading">
            <SpeakButton label=Msg::ReadQuestion.get(ui).to_owned() say say_lang/>
            <h2 tabindex="-1" id=id class=class lang=lang dir=dir>
                {lead}
                {text}
            </h2>
        </div>
        <p id=SPEECH_STATUS class="ugb-hint" role="status"></p>
    }
}

/// A button that reads `say` aloud in `say_lang`, named `label` in the app's language.
/// `answer`: an answer's own button, left out of the Tab order (it would stand between the
/// answers; the keyboard reaches the question's).
#[component]
pub fn SpeakButton(label: String, say: String, say_lang: Lang, #[prop(optional)] answer: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <button
            type="button"
            class="ugb-speak"
            aria-label=label
            tabindex=answer.then_some("-1")
            on:click=move |_| crate::page::speech::say(&say, say_lang, state.lang.get_untracked())
        >
            <svg class="ugb-speak__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M3 9v6h4l5 4V5L7 9z"></path>
                <path
                    d="M15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13"
                    fill="none"
                    stroke="currentColor"
                    stroke-width="2"
                    stroke-linecap="round"
                ></path>
            </svg>
        </button>
    }
}

/// The buttons under a step: back, then `onward` (skip, which says "next" once a question
/// is answered; on the note's step, `save`), and for the work step's form, next, which
/// sends it (`submit`).
#[component]
pub fn StepNav(onward: Text, #[prop(optional)] save: bool, #[prop(optional)] submit: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let next = submit
        .then(|| view! { <button type="submit" class="ugb-primary">{Msg::Next.get(lang.get_untracked())}</button> });
    view! {
        <div class="ugb-stepnav">
            <Button class="ugb-secondary" text=text(lang, Msg::Back) on_click=move || state.back()/>
            <Button
                class=if save { "ugb-primary" } else { "ugb-secondary" }
                text=onward
                on_click=move || if save { state.finish() } else { state.next() }
            />
            {next}
        </div>
    }
}

use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};

/// A view built anew whenever it changes, never patched into the one before: a step's
/// radio buttons, fields and "what we mean" start as the step says, not as the citizen
/// left the last one. (Only `build` is ever called on the view inside, so the code that
/// would patch a step in place is never in the first load.)
struct Drawn<V>(V);

impl<V: Render> Render for Drawn<V> {
    type State = V::State;

    fn build(self) -> V::State {
        self.0.build()
    }

    fn rebuild(self, state: &mut V::State) {
        let mut new = self.0.build();
        state.insert_before_this(&mut new);
        state.unmount();
        *state = new;
    }
}

impl<V: AddAnyAttr> AddAnyAttr for Drawn<V> {
    type Output<A: Attribute> = V::Output<A>;

    fn add_any_attr<A: Attribute>(self, attr: A) -> Self::Output<A>
    where
        Self::Output<A>: RenderHtml,
    {
        self.0.add_any_attr(attr)
    }
}

impl<V: RenderHtml> RenderHtml for Drawn<V> {
    type AsyncOutput = V::AsyncOutput;
    type Owned = V::Owned;
    const MIN_LENGTH: usize = V::MIN_LENGTH;

    fn dry_resolve(&mut self) {
        self.0.dry_resolve()
    }

    async fn resolve(self) -> Self::AsyncOutput {
        self.0.resolve().await
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        self.0.to_html_with_buf(buf, position, escape, mark_branches, extra_attrs)
    }

    fn hydrate<const FROM_SERVER: bool>(self, cursor: &Cursor, position: &PositionState) -> Self::State {
        self.0.hydrate::<FROM_SERVER>(cursor, position)
    }

    fn into_owned(self) -> Self::Owned {
        self.0.into_owned()
    }
}
