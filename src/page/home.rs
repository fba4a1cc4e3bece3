use leptos::prelude::*;

use crate::domain::history::BackupAge;
use crate::domain::lang::Lang;
use crate::domain::progression::parse_date;
use crate::formats::safety::Ending;
use crate::i18n::{date_label, Msg};
use crate::page::state::AppState;
use crate::page::steps;
use crate::platform::browser::today;

/// The start page ([`steps::home`], shown by [`crate::page::check_in::HtmlScreens`]): this week,
/// start, continue or change the check-in, and the reminder to save a copy when the last
/// one is old.
pub fn home(state: AppState, lang: Lang) -> String {
    let week = state.week;
    let in_progress = state.draft.with(|d| d.as_ref().map(|d| (d.answered(), d.total())));
    let done = state.history.with(|h| h.has_week(week));
    let (info, action) = match (in_progress, done) {
        (Some((answered, total)), _) => (
            Some(Msg::ContinueInfo.fill(lang, &[("answered", &answered.to_string()), ("total", &total.to_string())])),
            Msg::ContinueCheckIn,
        ),
        (None, true) => (Some(Msg::AlreadyDone.get(lang).to_owned()), Msg::ChangeCheckIn),
        (None, false) => (None, Msg::StartCheckIn),
    };
    // A reminder to save a copy of everything, when the last one is old (or none).
    let last = state.backup.get().as_deref().and_then(parse_date);
    let due = if state.demo || state.viewer { None } else { state.history.with(|h| h.backup_reminder(today(), last)) };
    let mut backup = due.map(|age| match age {
        BackupAge::Never => Msg::BackupNever.get(lang).to_owned(),
        BackupAge::Weeks(weeks) => Msg::BackupWeeks.fill(lang, &[("weeks", &weeks.to_string())]),
    });
    // After the end of the programme: save a last copy, then everything is deleted.
    if let Ending::Ended { wipe_on } = state.ending() {
        let end = state.safety().end.as_deref().and_then(parse_date);
        let end = end.map(|day| date_label(lang, day)).unwrap_or_default();
        backup = Some(Msg::Ending.fill(lang, &[("date", &end), ("wipe", &date_label(lang, wipe_on))]));
    }
    // A portal the app's host does not list, not yet decided on: may it hear of check-ins?
    let asking = state.portal_ask.get();
    let host = asking.as_deref().map(crate::formats::config::host);
    let name = host.map(|host| crate::page::embed::portal_name(state, lang, host));
    let portal = name.as_deref().zip(host);
    steps::home(lang, week, info.as_deref(), action, backup.as_deref(), state.shown().easy, portal)
}
