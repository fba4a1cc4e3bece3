use leptos::prelude::*;

use super::state::AppState;
use crate::i18n::{week_dates, week_label, Msg};

/// This week: start, continue or change the check-in.
#[component]
pub fn Home() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move |msg: Msg| msg.get(state.lang.get());
    let week = state.week;
    let in_progress = move || state.draft.with(|d| d.as_ref().map(|d| (d.answered(), d.total())));
    let done = move || state.history.with(|h| h.has_week(week));

    view! {
        <section class="ugb-screen ugb-home" aria-labelledby="ugb-home-title">
            <h2 id="ugb-home-title" tabindex="-1">{move || week_label(state.lang.get(), week)}</h2>
            <p class="ugb-dates">{move || week_dates(state.lang.get(), week)}</p>
            <p>{move || t(Msg::IntroText)}</p>
            {move || match (in_progress(), done()) {
                (Some((answered, total)), _) => {
                    let info = Msg::ContinueInfo
                        .fill(state.lang.get(), &[("answered", &answered.to_string()), ("total", &total.to_string())]);
                    view! {
                        <p>{info}</p>
                        <button type="button" class="ugb-primary" on:click=move |_| state.start_check_in()>
                            {t(Msg::ContinueCheckIn)}
                        </button>
                    }
                        .into_any()
                }
                (None, true) => {
                    view! {
                        <p>{t(Msg::AlreadyDone)}</p>
                        <button type="button" class="ugb-primary" on:click=move |_| state.start_check_in()>
                            {t(Msg::ChangeCheckIn)}
                        </button>
                    }
                        .into_any()
                }
                (None, false) => {
                    view! {
                        <button type="button" class="ugb-primary" on:click=move |_| state.start_check_in()>
                            {t(Msg::StartCheckIn)}
                        </button>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
