use leptos::prelude::*;

use super::browser::{pressed, today};
use super::state::{AppState, Screen};
use crate::domain::history::BackupAge;
use crate::domain::progression::parse_date;
use crate::i18n::Msg;
use crate::steps;

/// This week: start, continue or change the check-in, and the reminder to save a copy
/// ([`steps::home`]: HTML with one listener, like the header).
#[component]
pub fn Home() -> impl IntoView {
    let state = expect_context::<AppState>();
    let week = state.week;
    let html = move || {
        let lang = state.lang.get();
        let in_progress = state.draft.with(|d| d.as_ref().map(|d| (d.answered(), d.total())));
        let done = state.history.with(|h| h.has_week(week));
        let (info, action) = match (in_progress, done) {
            (Some((answered, total)), _) => (
                Some(
                    Msg::ContinueInfo.fill(lang, &[("answered", &answered.to_string()), ("total", &total.to_string())]),
                ),
                Msg::ContinueCheckIn,
            ),
            (None, true) => (Some(Msg::AlreadyDone.get(lang).to_owned()), Msg::ChangeCheckIn),
            (None, false) => (None, Msg::StartCheckIn),
        };
        // A reminder to save a copy of everything, when the last one is old (or none).
        let last = state.backup.get().as_deref().and_then(parse_date);
        let due = if state.demo || state.viewer { None } else { state.history.with(|h| h.backup_reminder(today(), last)) };
        let backup = due.map(|age| match age {
            BackupAge::Never => Msg::BackupNever.get(lang).to_owned(),
            BackupAge::Weeks(weeks) => Msg::BackupWeeks.fill(lang, &[("weeks", &weeks.to_string())]),
        });
        steps::home(lang, week, info.as_deref(), action, backup.as_deref())
    };
    let click = move |event: web_sys::MouseEvent| match pressed(&event, "data-act").as_deref() {
        Some("start") => state.start_check_in(),
        Some("backup") => state.back_up_now(),
        _ => {}
    };
    view! { <div inner_html=html on:click=click></div> }
}

/// The thank-you after saving ([`steps::saved`]).
#[component]
pub fn Saved() -> impl IntoView {
    let state = expect_context::<AppState>();
    let click = move |event: web_sys::MouseEvent| match pressed(&event, "data-act").as_deref() {
        Some("history") => state.show(Screen::History),
        Some("home") => state.show(Screen::Home),
        _ => {}
    };
    view! { <div inner_html=move || steps::saved(state.lang.get()) on:click=click></div> }
}
