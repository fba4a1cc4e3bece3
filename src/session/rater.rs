//! "Min vurdering": a consultant, mentor or the workplace's contact answers their
//! instrument about the citizen one question per screen, like the citizen's check-in, and
//! it is kept beside the citizen's own answers, which it never touches. In the part of
//! others' readings ([`crate::session::others`]), fetched when one starts.
//!
//! Its questions are drawn here, not by the check-in's components: a first-load function
//! the part calls too is no longer inlined where the page calls it (measured: reusing the
//! check-in's answers and question texts cost the first load 1.2 KB).

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::instrument::{Instrument, Recall, Scale};
use crate::domain::lang::Lang;
use crate::domain::rater::{self, Rater, Reading, Role};
use crate::domain::response::{status_of, Response};
use crate::i18n::{ChartMsg, Msg};
use crate::page::state::AppState;
use crate::platform::browser;
use crate::session::files::{rater_label, role_label};
use crate::session::protocol::{FileFormat, FromWorker, ToWorker};
use crate::session::worker::Worker;

/// The button that opens "Min vurdering".
pub(crate) const START: &str = "ugb-rater-start";

/// Where "Min vurdering" is: who rates, then one question per screen, then saved.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Who,
    Question(usize),
    Review,
    Saved,
}

/// The fields' ids.
const ROLE: &str = "ugb-rater-role";
const NAME: &str = "ugb-rater-name";
const CITIZEN: &str = "ugb-rater-citizen";
const HEADING: &str = "ugb-rater-heading";

/// "Min vurdering": the rater's role (`role` at first) and, if they want, initials; their
/// instrument one question per screen; then kept beside the citizen's own answers.
/// `rating`: whether it is open in place of the progress screen's figures, on the
/// citizen's device. Without it, the app was opened for a rater on their own device
/// (`?rater=employer`): the citizen's nickname or case number is asked too, the reading is
/// held in memory only and saved as a file for the citizen to import.
#[component]
pub(crate) fn RaterFlow(rating: Option<RwSignal<bool>>, role: Role) -> impl IntoView {
    let state = expect_context::<AppState>();
    let step = RwSignal::new(Step::Who);
    let rater = RwSignal::new(Rater { role, name: None });
    let answers = RwSignal::new(BTreeMap::<String, u8>::new());
    let refused = RwSignal::new(None::<ChartMsg>);
    // On the rater's own device: the citizen's nickname or case number, the file saved.
    let citizen = rating.is_none().then(|| RwSignal::new(String::new()));
    let saved = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<Msg>);
    let worker = rating.is_none().then(|| {
        let worker = Worker::new(state, problem);
        worker.on_answer(move |answer, _| match answer {
            FromWorker::File { name, url } if browser::download(&name, &url) => {
                saved.set(Some(name));
                step.set(Step::Saved);
                request_animation_frame(|| browser::focus_id(HEADING));
            }
            other => problem.set(other.problem().or(Some(Msg::ExportFailed))),
        });
        worker
    });
    let close = move || {
        if let Some(rating) = rating {
            rating.set(false);
            request_animation_frame(|| browser::focus_id(START));
        }
    };
    let go = move |to: Step| {
        step.set(to);
        request_animation_frame(|| browser::focus_id(HEADING));
    };
    request_animation_frame(|| browser::focus_id(HEADING));
    move || {
        let lang = state.lang.get();
        crate::i18n::pack::install_chart(lang);
        let instrument = rater.with_untracked(|r| r.role.instrument());
        let Some(instrument) = instrument else { return ().into_any() };
        match step.get() {
            Step::Who => who(lang, rater, citizen, refused, move || go(Step::Question(0)), rating.map(|_| close)).into_any(),
            Step::Question(n) => question(lang, instrument, n, rater, answers, go).into_any(),
            Step::Review => {
                let save = move || {
                    let response = response(state, instrument, answers.get_untracked());
                    let reading = Reading { rater: rater.get_untracked(), response, hidden: false };
                    if rater::check(&reading.rater, &reading.response).is_err() {
                        return;
                    }
                    match (worker, citizen) {
                        // Held in memory (nothing is stored on the rater's device) and
                        // made into a file with the citizen's nickname by the worker.
                        (Some(worker), Some(citizen)) => {
                            problem.set(None);
                            crate::session::readings::change(state, |held| {
                                *held = crate::domain::rater::Readings { readings: vec![reading], deleted: Vec::new() }
                            });
                            let lang = state.lang.get_untracked();
                            worker.ask(
                                lang,
                                &ToWorker::Export {
                                    choices: crate::session::progress::choices(state, lang, 0),
                                    exported: crate::domain::response::rfc3339_utc(browser::now_millis()),
                                    nickname: Some(citizen.get_untracked()),
                                    format: FileFormat::Json,
                                    seal: false,
                                },
                            );
                        }
                        _ => {
                            crate::session::readings::keep(state, reading);
                            answers.set(BTreeMap::new());
                            go(Step::Saved);
                        }
                    }
                };
                let back = move || go(Step::Question(instrument.items.len() - 1));
                view! {
                    {review(lang, instrument, rater, answers, rating.is_none(), save, back)}
                    <p class="ugb-notice" role="alert" hidden=move || problem.get().is_none()>
                        {move || problem.get().map(|msg| msg.get(lang))}
                    </p>
                }
                .into_any()
            }
            Step::Saved => match saved.get() {
                // The file is saved: what to do with it, and another rating.
                Some(name) => {
                    let again = move |_| {
                        answers.set(BTreeMap::new());
                        saved.set(None);
                        go(Step::Who);
                    };
                    view! {
                        <section class="ugb-screen ugb-rater" aria-labelledby=HEADING>
                            <h3 id=HEADING tabindex="-1">{ChartMsg::RaterFileSaved.fill(lang, &[("name", &name)])}</h3>
                            <p>{ChartMsg::RaterFileText.get(lang)}</p>
                            <button type="button" class="ugb-primary" on:click=again>{ChartMsg::RaterAgain.get(lang)}</button>
                        </section>
                    }
                    .into_any()
                }
                None => view! {
                    <section class="ugb-screen ugb-rater" aria-labelledby=HEADING>
                        <h3 id=HEADING tabindex="-1">{ChartMsg::RaterSaved.get(lang)}</h3>
                        <button type="button" class="ugb-primary" on:click=move |_| close()>{ChartMsg::RaterBack.get(lang)}</button>
                    </section>
                }
                .into_any(),
            },
        }
    }
}

/// The response a rating makes: of this week, authored now.
fn response(state: AppState, instrument: &'static Instrument, answers: BTreeMap<String, u8>) -> Response {
    Response {
        id: browser::random_id(),
        instrument: instrument.id.to_owned(),
        version: instrument.version.to_owned(),
        week: state.week,
        authored: crate::domain::response::rfc3339_utc(browser::now_millis()),
        language: state.lang.get_untracked(),
        status: status_of(instrument, &answers),
        answers,
        note: None,
    }
}

/// Who rates: the role (a radio group) and, if they want, initials or a first name; on the
/// rater's own device also whom the reading is about (`citizen`: their nickname or case
/// number, never a CPR number). `close`: cancel, on the citizen's device.
fn who(
    lang: Lang,
    rater: RwSignal<Rater>,
    citizen: Option<RwSignal<String>>,
    refused: RwSignal<Option<ChartMsg>>,
    begin: impl Fn() + Clone + 'static,
    close: Option<impl Fn() + Clone + Send + Sync + 'static>,
) -> impl IntoView {
    let role = rater.with_untracked(|r| r.role);
    let chosen = StoredValue::new(role);
    let name = rater.with_untracked(|r| r.name.clone()).unwrap_or_default();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(citizen) = citizen {
            let typed = browser::input_value(CITIZEN).unwrap_or_default();
            match rater::citizen_label(&typed) {
                Some(label) => citizen.set(label),
                None => {
                    refused.set(Some(ChartMsg::RaterCitizenRefused));
                    browser::mark_invalid(CITIZEN);
                    return browser::focus_id(CITIZEN);
                }
            }
        }
        match rater::name(&browser::input_value(NAME).unwrap_or_default()) {
            Ok(name) => {
                refused.set(None);
                rater.set(Rater { role: chosen.get_value(), name });
                begin();
            }
            Err(_) => {
                refused.set(Some(ChartMsg::RaterNameRefused));
                browser::mark_invalid(NAME);
                browser::focus_id(NAME);
            }
        }
    };
    let roles = Role::OTHERS.map(|option| {
        let id = format!("{ROLE}-{}", option.code());
        let input = id.clone();
        view! {
            <label class="ugb-choice" for=id>
                <input
                    type="radio"
                    id=input
                    name=ROLE
                    value=option.code()
                    checked=option == role
                    on:change=move |_| chosen.set_value(option)
                />
                {role_label(option, lang)}
            </label>
        }
    });
    let said = move |msg: ChartMsg| move || refused.get().filter(|m| *m == msg).map(|m| m.get(lang));
    let citizen_field = citizen.map(|citizen| {
        view! {
            <label for=CITIZEN>{ChartMsg::RaterCitizen.get(lang)}</label>
            <input
                id=CITIZEN
                type="text"
                autocomplete="off"
                maxlength="40"
                required
                value=citizen.get_untracked()
                aria-describedby="ugb-rater-citizen-hint ugb-rater-citizen-error"
            />
            <p id="ugb-rater-citizen-hint" class="ugb-hint">{ChartMsg::RaterCitizenHint.get(lang)}</p>
            <p id="ugb-rater-citizen-error" class="ugb-field-error" role="alert">{said(ChartMsg::RaterCitizenRefused)}</p>
        }
    });
    let cancel = close.map(|close| {
        view! { <button type="button" class="ugb-secondary" on:click=move |_| close()>{ChartMsg::ImportCancel.get(lang)}</button> }
    });
    view! {
        <section class="ugb-screen ugb-rater" aria-labelledby=HEADING>
            <h3 id=HEADING tabindex="-1">{ChartMsg::RaterStart.get(lang)}</h3>
            <p>{if citizen.is_some() { ChartMsg::RaterIntroFile } else { ChartMsg::RaterIntro }.get(lang)}</p>
            <form class="ugb-form" aria-labelledby=HEADING on:submit=submit novalidate>
                {citizen_field}
                <fieldset>
                    <legend>{ChartMsg::RaterWho.get(lang)}</legend>
                    {roles.into_iter().collect_view()}
                </fieldset>
                <label for=NAME>{ChartMsg::RaterName.get(lang)}</label>
                <input id=NAME type="text" autocomplete="off" maxlength="30" value=name aria-describedby="ugb-rater-name-hint ugb-rater-name-error"/>
                <p id="ugb-rater-name-hint" class="ugb-hint">{ChartMsg::RaterNameHint.get(lang)}</p>
                <p id="ugb-rater-name-error" class="ugb-field-error" role="alert">{said(ChartMsg::RaterNameRefused)}</p>
                <div class="ugb-toolbar__row">
                    <button type="submit" class="ugb-primary">{ChartMsg::RaterBegin.get(lang)}</button>
                    {cancel}
                </div>
            </form>
        </section>
    }
}

/// Whose reading the screens are: "Konsulent (MK) vurderer – det er ikke borgerens egne svar".
fn whose(lang: Lang, rater: RwSignal<Rater>) -> String {
    ChartMsg::RaterWhose.fill(lang, &[("who", &rater.with_untracked(|r| rater_label(r, lang)))])
}

/// One question of the rater's instrument: its text, one radio button per value (a tap or
/// Enter chooses and goes on; an arrow key chooses and stays, as in the check-in), what the
/// ends of the scale mean, "what we mean", back and skip.
fn question(
    lang: Lang,
    instrument: &'static Instrument,
    n: usize,
    rater: RwSignal<Rater>,
    answers: RwSignal<BTreeMap<String, u8>>,
    go: impl Fn(Step) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let item = &instrument.items[n];
    let total = instrument.items.len();
    let shown = instrument.shown_in(lang, None);
    let checked = answers.with_untracked(|a| a.get(item.link_id).copied());
    let answered = RwSignal::new(checked.is_some());
    let onward = move || if n + 1 < total { Step::Question(n + 1) } else { Step::Review };
    let back = move || if n == 0 { Step::Who } else { Step::Question(n - 1) };
    let give = move |value: u8, on: bool| {
        answers.update(|a| {
            a.insert(item.link_id.to_owned(), value);
        });
        answered.set(true);
        if on {
            go(onward());
        }
    };
    // A tap's click has a count; an arrow key's (which moves the choice) has none.
    let click = move |ev: leptos::ev::MouseEvent| {
        if let Some(value) = chosen_value(&ev) {
            give(value, ev.detail() > 0);
        }
    };
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" || ev.key() == " " {
            if let Some(value) = chosen_value(&ev) {
                ev.prevent_default();
                give(value, true);
            }
        }
    };
    let (legend, layout) = match item.scale {
        Scale::Rating { low, high } => (
            Msg::ScaleLegend.fill(shown, &[("low", low.get(shown)), ("high", high.get(shown))]),
            "ugb-options ugb-options--rating",
        ),
        _ => (Msg::HoursLegend.get(shown).to_owned(), "ugb-options ugb-options--hours"),
    };
    let options = item.scale.values().into_iter().map(|value| {
        view! {
            <div class="ugb-option">
                <label class="ugb-answer">
                    // The property, not the attribute: moving on patches the screen in
                    // place, and a choice on the question before must not stay ticked.
                    <input type="radio" name="ugb-rater-answer" value=value.to_string() prop:checked=checked == Some(value)/>
                    <span class="ugb-answer__face"><span>{value}</span></span>
                </label>
            </div>
        }
    });
    let recall = match instrument.recall {
        Recall::LastTwoWeeks => Msg::RecallTwoWeeks,
        Recall::ThisWeek => Msg::RecallThisWeek,
    };
    let position = Msg::Progress.fill(lang, &[("n", &(n + 1).to_string()), ("total", &total.to_string())]);
    view! {
        <section class="ugb-screen ugb-question ugb-rater" aria-labelledby=HEADING>
            <p class="ugb-notice">{whose(lang, rater)}</p>
            <p class="ugb-question__section">{position}" · "{instrument.name.get(lang)}" · "{recall.get(lang)}</p>
            <h3 id=HEADING class="ugb-question__text" tabindex="-1">{item.text.get(shown)}</h3>
            <fieldset class=layout aria-labelledby=HEADING on:click=click on:keydown=keydown>
                {options.collect_view()}
            </fieldset>
            <p class="ugb-legend">{legend}</p>
            <details class="ugb-help" prop:open=false>
                <summary>{Msg::WhatWeMean.get(lang)}</summary>
                <p>{item.help.get(lang)}</p>
            </details>
            <div class="ugb-stepnav">
                <button type="button" class="ugb-secondary" on:click=move |_| go(back())>{Msg::Back.get(lang)}</button>
                <button type="button" class="ugb-secondary" on:click=move |_| go(onward())>
                    {move || if answered.get() { Msg::Next } else { Msg::Skip }.get(lang)}
                </button>
            </div>
            {instrument.unreviewed_in(shown).then(|| view! { <p class="ugb-unreviewed">{Msg::Unreviewed.get(lang)}</p> })}
            <p class="ugb-instrument-notice">{instrument.notice.get(shown)}</p>
        </section>
    }
}

/// The value of the radio button an event in the answers happened on.
fn chosen_value(ev: &web_sys::Event) -> Option<u8> {
    use wasm_bindgen::JsCast;
    ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?.value().parse().ok()
}

/// Before it is kept: whose, what was answered, and save.
fn review(
    lang: Lang,
    instrument: &'static Instrument,
    rater: RwSignal<Rater>,
    answers: RwSignal<BTreeMap<String, u8>>,
    file: bool,
    save: impl Fn() + Clone + 'static,
    back: impl Fn() + Clone + 'static,
) -> impl IntoView {
    let given = answers.get_untracked();
    let rows = instrument
        .items
        .iter()
        .map(|item| {
            let value = given.get(item.link_id).map_or("–".to_owned(), u8::to_string);
            view! { <li>{item.short.get(lang)}": "{value}</li> }
        })
        .collect_view();
    let count = instrument.items.iter().filter(|i| given.contains_key(i.link_id)).count();
    view! {
        <section class="ugb-screen ugb-rater" aria-labelledby=HEADING>
            <p class="ugb-notice">{whose(lang, rater)}</p>
            <h3 id=HEADING tabindex="-1">{instrument.name.get(lang)}</h3>
            <p>{ChartMsg::RaterReview.fill(lang, &[("count", &count.to_string()), ("total", &instrument.items.len().to_string())])}</p>
            <ul>{rows}</ul>
            <div class="ugb-stepnav">
                <button type="button" class="ugb-secondary" on:click=move |_| back()>{Msg::Back.get(lang)}</button>
                <button type="button" class="ugb-primary" on:click=move |_| save()>
                    {if file { ChartMsg::RaterSaveFile } else { ChartMsg::RaterSave }.get(lang)}
                </button>
            </div>
        </section>
    }
}
