use leptos::prelude::*;

use crate::domain::history::BackupAge;
use crate::domain::lang::Lang;
use crate::domain::progression::parse_date;
use crate::formats::safety::Ending;
use crate::i18n::{date_label, week_dates, week_label, Msg};
use crate::page::button::Button;
use crate::page::live::{live, set_if, text};
use crate::page::state::AppState;
use crate::platform::browser::today;

/// The id of the start page's easy-read choice.
const EASY_READ: &str = "ugb-easy-read";

/// The start page: this week, what the citizen can do (start, continue or change the
/// check-in), the choice of easy-read words, and a reminder to save a copy of everything
/// when the last one is old. First, when a portal the app's host does not list embeds the
/// widget, the question whether it may hear of the check-ins.
#[component]
pub fn Home() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (lang, week) = (state.lang, state.week);
    // Where this week's check-in stands: answered so far (of how many), or done.
    let stage = move || {
        let in_progress = state.draft.with(|d| d.as_ref().map(|d| (d.answered(), d.total())));
        (in_progress, state.history.with(|h| h.has_week(week)))
    };
    let info = live(move || {
        let lang = lang.get();
        match stage() {
            (Some((answered, total)), _) => {
                Msg::ContinueInfo.fill(lang, &[("answered", &answered.to_string()), ("total", &total.to_string())])
            }
            (None, true) => Msg::AlreadyDone.get(lang).to_owned(),
            (None, false) => String::new(),
        }
    });
    let action = live(move || {
        let action = match stage() {
            (Some(_), _) => Msg::ContinueCheckIn,
            (None, true) => Msg::ChangeCheckIn,
            (None, false) => Msg::StartCheckIn,
        };
        action.get(lang.get()).to_owned()
    });
    let easy = move |event: leptos::ev::Event| {
        let easy = event_target_checked(&event);
        state.change_shown(|shown| shown.easy = easy);
    };
    view! {
        <section class="ugb-screen ugb-home" aria-labelledby="ugb-home-title">
            <h2 id="ugb-home-title" tabindex="-1">{live(move || week_label(lang.get(), week))}</h2>
            <p class="ugb-dates">{live(move || week_dates(lang.get(), week))}</p>
            <PortalQuestion/>
            <p>{text(lang, Msg::IntroText)}</p>
            <p hidden=set_if("", move || matches!(stage(), (None, false)))>{info}</p>
            <Button class="ugb-primary" text=action on_click=move || state.start_check_in()/>
            <p class="ugb-check ugb-easy">
                <input
                    type="checkbox"
                    id=EASY_READ
                    aria-describedby="ugb-easy-hint"
                    checked=state.shown().easy
                    on:change=easy
                />
                <label for=EASY_READ>{text(lang, Msg::EasyReadLabel)}</label>
            </p>
            <p id="ugb-easy-hint" class="ugb-hint">{text(lang, Msg::EasyReadHint)}</p>
            <BackupReminder/>
        </section>
    }
}

/// A portal the app's host does not list, not yet decided on: may it hear of check-ins?
/// Named as it names itself beside the host it really is on; the answer is remembered
/// for its origin (`page::embed::answer`). Hidden once answered.
#[component]
fn PortalQuestion() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let host = move || {
        state.portal_ask.get().map(|origin| crate::formats::config::host(&origin).to_owned()).unwrap_or_default()
    };
    let asks = live(move || {
        let name = crate::page::embed::portal_name(state, lang.get(), &host());
        Msg::PortalAsk.fill(lang.get(), &[("portal", &name)])
    });
    view! {
        <div
            class="ugb-backup"
            role="group"
            aria-labelledby="ugb-portal-ask"
            hidden=set_if("", move || state.portal_ask.with(Option::is_none))
        >
            <p id="ugb-portal-ask">{asks}</p>
            <Button
                class="ugb-secondary"
                text=live(move || Msg::PortalYes.fill(lang.get(), &[("host", &host())]))
                on_click=move || crate::page::embed::answer(state, true)
            />
            <Button
                class="ugb-secondary"
                text=text(lang, Msg::PortalNo)
                on_click=move || crate::page::embed::answer(state, false)
            />
        </div>
    }
}

/// A reminder to save a copy of everything when the last one is old (or there is none),
/// with the one tap that saves it; after the end of the programme, the last copy to save
/// before everything is deleted. Hidden when there is nothing to remind of.
#[component]
fn BackupReminder() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Whether it shows does not depend on the language, only what it says.
    let says = live(move || reminder(state, state.lang.get()).unwrap_or_default());
    let hidden = set_if("", move || reminder(state, state.lang.get_untracked()).is_none());
    view! {
        <div class="ugb-backup" role="note" hidden=hidden>
            <p>{says}</p>
            <Button class="ugb-secondary" text=text(state.lang, Msg::BackupNow) on_click=move || state.back_up_now()/>
        </div>
    }
}

/// What the reminder says, if it shows (never in the demo or the viewer).
fn reminder(state: AppState, lang: Lang) -> Option<String> {
    // After the end of the programme: save a last copy, then everything is deleted.
    if let Ending::Ended { wipe_on } = state.ending() {
        let end = state.safety().end.as_deref().and_then(parse_date);
        let end = end.map(|day| date_label(lang, day)).unwrap_or_default();
        return Some(Msg::Ending.fill(lang, &[("date", &end), ("wipe", &date_label(lang, wipe_on))]));
    }
    let last = state.backup.get().as_deref().and_then(parse_date);
    if state.demo || state.viewer {
        return None;
    }
    Some(match state.history.with(|h| h.backup_reminder(today(), last))? {
        BackupAge::Never => Msg::BackupNever.get(lang).to_owned(),
        BackupAge::Weeks(weeks) => Msg::BackupWeeks.fill(lang, &[("weeks", &weeks.to_string())]),
    })
}
