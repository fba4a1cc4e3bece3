use leptos::prelude::*;

use crate::domain::progression::Absence;
use crate::domain::week::IsoWeek;
use crate::i18n::Msg;
use crate::page::check_in::{SpokenHeading, StepNav, StepProgress};
use crate::page::live::{live, set_if, text};
use crate::page::state::AppState;
use crate::page::steps::{read_work, work_fields, work_refused, work_start, ABSENCE, WORK_ERROR};
use crate::platform::browser;

/// The reasons for being away, each with its text (none given first).
const REASONS: [(Option<Absence>, Msg); 4] = [
    (None, Msg::AbsenceNone),
    (Some(Absence::Ill), Msg::AbsenceIll),
    (Some(Absence::Other), Msg::AbsenceOther),
    (Some(Absence::RatherNotSay), Msg::AbsenceRatherNot),
];

/// The week's work: hours planned and worked, days planned and attended (all optional) and
/// why the citizen was away. It starts from what was given for the week, else from last
/// week's plan (and says so), and is read when the citizen goes on (next, or Enter in a
/// field): the first figure that does not add up is explained, and its field marked and
/// focused.
#[component]
pub fn WorkStep(week: IsoWeek, number: usize, total: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    let given = state.draft.with_untracked(|d| d.as_ref().and_then(|d| d.work.clone()));
    let (start, suggested) = state.history.with_untracked(|h| work_start(given, h, week));
    // What does not add up, and the id of its field.
    let (error, invalid) = (RwSignal::new(None::<Msg>), RwSignal::new(None::<String>));
    let submit = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        let absence = browser::checked_radio(ABSENCE).as_deref().and_then(Absence::parse);
        let read = read_work(|id| browser::input_value(id).unwrap_or_default(), absence);
        if let Err((msg, id)) = read.and_then(|work| state.give_work(work).map_err(work_refused)) {
            error.set(Some(msg));
            invalid.set(Some(id.to_owned()));
            browser::focus_id(id);
        }
    };
    let fields = work_fields(lang, &start).map(|(id, label, value, mode)| {
        view! {
            <div class="ugb-field">
                <label for=id>{label.get(lang)}</label>
                <input
                    id=id
                    type="text"
                    inputmode=mode
                    autocomplete="off"
                    maxlength="8"
                    aria-describedby=WORK_ERROR
                    aria-invalid=set_if("true", move || invalid.with(|at| at.as_deref() == Some(id)))
                    value=value
                />
            </div>
        }
    });
    let reasons = REASONS.map(|(reason, label)| {
        let id = format!("{ABSENCE}-{}", reason.map_or("none", Absence::code));
        view! {
            <label class="ugb-choice" for=id.clone()>
                <input
                    type="radio"
                    id=id.clone()
                    name=ABSENCE
                    value=reason.map_or("", Absence::code)
                    checked=start.absence == reason
                />
                {label.get(lang)}
            </label>
        }
    });
    let label = Msg::Progress.fill(lang, &[("n", &number.to_string()), ("total", &total.to_string())]);
    let (title, hint) = (Msg::WorkTitle.get(lang), Msg::WorkHint.get(lang));
    let hint_shown = if suggested { format!("{hint} {}", Msg::Suggested.get(lang)) } else { hint.to_owned() };
    view! {
        <section class="ugb-screen ugb-work" aria-labelledby="ugb-work-title">
            <StepProgress label number total week/>
            <SpokenHeading id="ugb-work-title" text=title.to_owned() say=format!("{title} {hint}") say_lang=lang/>
            <p class="ugb-hint">{hint_shown}</p>
            <form novalidate aria-labelledby="ugb-work-title" on:submit=submit>
                <div class="ugb-work__grid">{fields}</div>
                <p class="ugb-hint">{Msg::HoursExample.get(lang)}</p>
                <fieldset class="ugb-reasons">
                    <legend>{Msg::AbsenceLegend.get(lang)}</legend>
                    {reasons}
                </fieldset>
                <p id=WORK_ERROR class="ugb-error" role="alert">
                    {live(move || error.get().map(|msg| msg.get(lang)).unwrap_or_default().to_owned())}
                </p>
                <StepNav onward=text(state.lang, Msg::Skip) submit=true/>
            </form>
        </section>
    }
}
