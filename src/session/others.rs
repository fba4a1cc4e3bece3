//! Others' readings on the progress screen, a part of its own fetched only when there are
//! any: beside the citizen's own figures, job readiness from both sides, the two profiles,
//! where they differ and the workplace's evaluation; and in the list of every reading
//! about the citizen (who, when, what), each of which the citizen hides from the session's
//! views or deletes; and "Min vurdering" ([`crate::session::rater`]). One part for all
//! three (each split point costs the first load its loader and exports). A citizen with
//! no readings fetches it only when someone starts a rating.

use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::domain::rater::{self, Reading};
use crate::i18n::ChartMsg;
use crate::page::state::AppState;
use crate::platform::browser;
use crate::session::files::reading_line;
use crate::session::perspectives::perspectives;
use crate::session::progress::{choices, others_figures};
use crate::session::rater::{RaterFlow, START};
use crate::session::screen::Shown;

/// Which of the part's places on the progress screen.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// Below the citizen's figures.
    Figures,
    /// In the section "Others' readings", above "My rating".
    List,
    /// "Min vurdering", in place of the figures while `rating`.
    Rate(RwSignal<bool>),
    /// The app opened for a rater on their own device (`?rater=…`), as this role at first.
    Standalone(crate::domain::rater::Role),
}

/// The part: `slot`'s content for the history and readings `shown`, drawn `width` wide.
#[cfg(ugeblik_split)]
#[leptos::wasm_split::wasm_split(ugeblik_others, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn others_part(
    shown: Shown,
    lang: Lang,
    width: RwSignal<u32>,
    slot: Slot,
) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(slot_view(shown, lang, width, slot))
}

/// [`others_part`] where the page is not split.
#[cfg(not(ugeblik_split))]
pub async fn others_part(
    shown: Shown,
    lang: Lang,
    width: RwSignal<u32>,
    slot: Slot,
) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(slot_view(shown, lang, width, slot))
}

fn slot_view(shown: Shown, lang: Lang, width: RwSignal<u32>, slot: Slot) -> AnyView {
    match slot {
        // Every reading, made anew whenever a choice, the width or the readings change.
        Slot::Figures => (move || {
            let choices = choices(shown.state, lang, width.get());
            let figures = shown.with(|history| shown.with_readings(|r| perspectives(history, r, &choices, false)));
            view! { <div class="ugb-others-figures">{others_figures(figures, lang)}</div> }
        })
        .into_any(),
        Slot::List => view! { <Others lang/> }.into_any(),
        Slot::Rate(rating) => {
            view! { <RaterFlow rating=Some(rating) role=crate::domain::rater::Role::Consultant/> }.into_any()
        }
        Slot::Standalone(role) => view! {
            <section class="ugb-screen" aria-labelledby="ugb-drawn-title">
                <h2 id="ugb-drawn-title" tabindex="-1">
                    {move || ChartMsg::RaterStandaloneTitle.get(shown.state.lang.get())}
                </h2>
                <RaterFlow rating=None role/>
            </section>
        }
        .into_any(),
    }
}

/// Every reading of the citizen by others, newest first, each with its choices.
#[component]
fn Others(lang: Lang) -> impl IntoView {
    let state = expect_context::<AppState>();
    let held = crate::session::readings::held(state);
    let said = RwSignal::new(None::<String>);
    // The reading whose deletion is being confirmed.
    let asking = RwSignal::new(None::<String>);
    let list = {
        let held = held.clone();
        move || {
            let readings: Vec<Reading> = held.with(|r| r.readings.iter().rev().cloned().collect());
            if readings.is_empty() {
                return view! { <p>{ChartMsg::OthersNone.get(lang)}</p> }.into_any();
            }
            view! { <ul class="ugb-others__list">{readings.into_iter().map(|r| item(state, r, lang, asking, said)).collect_view()}</ul> }
                .into_any()
        }
    };
    view! {
        {list}
        <p class="ugb-done" role="status">{move || said.get()}</p>
    }
}

/// One reading in the list: who, when and what, whether the session shows it, and delete
/// (asked once more first).
fn item(
    state: AppState,
    reading: Reading,
    lang: Lang,
    asking: RwSignal<Option<String>>,
    said: RwSignal<Option<String>>,
) -> impl IntoView {
    let id = reading.response.id.clone();
    let line = reading_line(&reading, lang);
    let answers = answers_text(&reading, lang);
    let hidden = reading.hidden;
    let (toggle_id, delete_id) = (id.clone(), id.clone());
    let toggle = move |_| {
        crate::session::readings::change(state, |r| r.set_hidden(&toggle_id, !hidden));
        let msg = if hidden { ChartMsg::ReadingShownAgain } else { ChartMsg::ReadingHidden };
        said.set(Some(msg.get(lang).to_owned()));
    };
    let confirm = {
        let line = line.clone();
        move || {
            let (id, line) = (delete_id.clone(), line.clone());
            asking.with(|a| a.as_deref() == Some(id.as_str())).then(move || {
                let yes = {
                    let id = id.clone();
                    move |_| {
                        crate::session::readings::change(state, |r| r.delete(&id));
                        asking.set(None);
                        said.set(Some(ChartMsg::ReadingDeleted.get(lang).to_owned()));
                        browser::focus_id(START);
                    }
                };
                view! {
                    <div class="ugb-notice" role="group" aria-labelledby=format!("ugb-ask-{id}")>
                        <p id=format!("ugb-ask-{id}")>{ChartMsg::ReadingDeleteAsk.fill(lang, &[("what", &line)])}</p>
                        <button type="button" class="ugb-primary" on:click=yes>{ChartMsg::ReadingDeleteYes.get(lang)}</button>
                        <button type="button" class="ugb-secondary" on:click=move |_| asking.set(None)>
                            {ChartMsg::ImportCancel.get(lang)}
                        </button>
                    </div>
                }
            })
        }
    };
    let ask_id = id.clone();
    view! {
        <li>
            <p><strong>{line.clone()}</strong></p>
            <p>{answers}</p>
            <div class="ugb-toolbar__row">
                <button type="button" class="ugb-secondary" aria-pressed=hidden.to_string() on:click=toggle>
                    {ChartMsg::ReadingHide.get(lang)}
                </button>
                <button
                    type="button"
                    class="ugb-secondary"
                    aria-label=ChartMsg::ReadingDeleteNamed.fill(lang, &[("what", &line)])
                    on:click=move |_| asking.set(Some(ask_id.clone()))
                >
                    {ChartMsg::ReadingDelete.get(lang)}
                </button>
            </div>
            {confirm}
        </li>
    }
}

/// A reading's answers in words: "Arbejdsevne 6, Tro på job 5, …", a skipped one "–".
fn answers_text(reading: &Reading, lang: Lang) -> String {
    rater::profile(&reading.response)
        .into_iter()
        .map(|(item, value)| format!("{} {}", item.short.get(lang), value.map_or("–".to_owned(), |v| v.to_string())))
        .collect::<Vec<_>>()
        .join(", ")
}
