use leptos::prelude::*;

use super::state::AppState;
use crate::i18n::{week_dates, week_label, Msg};

/// This week: start, continue or change the check-in.
#[component]
pub fn Home() -> impl IntoView {
    let state = expect_context::<AppState>();
    let week = state.week;
    move || {
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
        view! {
            <section class="ugb-screen ugb-home" aria-labelledby="ugb-home-title">
                <h2 id="ugb-home-title" tabindex="-1">{week_label(lang, week)}</h2>
                <p class="ugb-dates">{week_dates(lang, week)}</p>
                <p>{Msg::IntroText.get(lang)}</p>
                {info.map(|info| view! { <p>{info}</p> })}
                <button type="button" class="ugb-primary" on:click=move |_| state.start_check_in()>
                    {action.get(lang)}
                </button>
            </section>
        }
    }
}
