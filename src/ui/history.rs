use leptos::prelude::*;

use super::state::AppState;
use crate::domain::history::{Entry, WeekSummary};
use crate::domain::instrument::{Scale, WHO5_ID};
use crate::domain::lang::Lang;
use crate::i18n::{week_dates, week_label_with_year, Msg};

/// Past weeks, newest first, each in short form.
#[component]
pub fn HistoryScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let weeks = Memo::new(move |_| state.history.with(|h| h.weeks()));
    move || {
        let lang = state.lang.get();
        let weeks = weeks.get();
        let body = if weeks.is_empty() {
            view! { <p>{Msg::HistoryEmpty.get(lang)}</p> }.into_any()
        } else {
            view! {
                <ol class="ugb-weeks">
                    {weeks.into_iter().map(|week| view! { <li>{week_card(week, lang)}</li> }).collect_view()}
                </ol>
            }
            .into_any()
        };
        view! {
            <section class="ugb-screen ugb-history" aria-labelledby="ugb-history-title">
                <h2 id="ugb-history-title" tabindex="-1">{Msg::HistoryTitle.get(lang)}</h2>
                {body}
            </section>
        }
    }
}

fn week_card(summary: WeekSummary, lang: Lang) -> impl IntoView {
    let title_id = format!("ugb-week-{}", summary.week);
    let labelled_by = title_id.clone();
    view! {
        <article class="ugb-week" aria-labelledby=labelled_by>
            <h3 id=title_id>
                {week_label_with_year(lang, summary.week)}
                <span class="ugb-dates">{week_dates(lang, summary.week)}</span>
            </h3>
            {summary.entries.into_iter().map(|entry| entry_view(entry, lang)).collect_view()}
            {summary
                .note
                .map(|note| {
                    view! {
                        <p class="ugb-week__note">
                            <strong>{Msg::Note.get(lang)} ": "</strong>
                            {note}
                        </p>
                    }
                })}
        </article>
    }
}

fn entry_view(entry: Entry, lang: Lang) -> AnyView {
    if entry.instrument.id == WHO5_ID {
        let text = match entry.who5 {
            Some(score) => Msg::Who5Score.fill(lang, &[("percent", &score.percent.to_string())]),
            None => Msg::Who5Partial.get(lang).to_owned(),
        };
        return view! { <p class="ugb-week__who5">{text}</p> }.into_any();
    }
    view! {
        <div class="ugb-profile">
            <h4>{entry.instrument.name.get(lang)}</h4>
            <dl>
                {entry
                    .answers
                    .into_iter()
                    .map(|(item, value)| {
                        let max = match item.scale {
                            Scale::Hours { max } => max,
                            _ => 10,
                        };
                        let width = value.map(|v| u32::from(v) * 100 / u32::from(max.max(1))).unwrap_or(0);
                        view! {
                            <div class="ugb-profile__row">
                                <dt>{item.short.get(lang)}</dt>
                                <dd>
                                    <span class="ugb-profile__value">
                                        {value.map(|v| v.to_string()).unwrap_or_else(|| Msg::Skipped.get(lang).to_owned())}
                                    </span>
                                    <span class="ugb-profile__bar" aria-hidden="true">
                                        <span style:width=format!("{width}%")></span>
                                    </span>
                                </dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
        </div>
    }
        .into_any()
}
