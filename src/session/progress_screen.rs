//! The progress screen: its choices as components (the period, the lines, what else to
//! show, the session view and print, the radars' earlier week), each a typed
//! [`Choice`] applied to the [`AppState`]'s chart choices; the figures drawn for them
//! below (`session::progress::results`). The same for the citizen's history, the demo's
//! and a file opened in the consultant's viewer (`session::viewer`).

use leptos::prelude::*;

use crate::domain::instrument::{current, CATALOGUE};
use crate::domain::lang::Lang;
use crate::domain::series::line_defs;
use crate::domain::week::IsoWeek;
use crate::i18n::{week_label_with_year, ChartMsg, Msg};
use crate::page::state::AppState;
use crate::session::others::{others_part, Slot};
use crate::session::presentation::presentation;
use crate::session::progress::{fitted_width, results};
use crate::session::rater::START;
use crate::session::screen::{own_part, Shown};
use crate::session::trends::{compare_choices, custom_span, custom_weeks, Choice, PeriodButton, Toggle};

/// Below this width (CSS px of the content, a phone's) the choices beyond the period fold
/// away behind "More choices".
const NARROW: u32 = 600;

/// The progress screen that citizen and consultant look at together.
#[component]
pub fn Progress() -> impl IntoView {
    let state = expect_context::<AppState>();
    let width = fitted_width();
    let shown = Shown::new(state, None);
    move || {
        let lang = state.lang.get();
        crate::i18n::pack::install_chart(lang);
        view! {
            <section class="ugb-screen ugb-trends" aria-labelledby="ugb-drawn-title">
                <h2 id="ugb-drawn-title" tabindex="-1">{Msg::ProgressTitle.get(lang)}</h2>
                {trends(lang, shown, width)}
            </section>
        }
    }
}

/// The choices, once there is something to show, and the figures drawn for them.
///
/// Printing: "print" gives a one-page A4 summary of the figures (style/drawn.css), "print
/// one page per view" the session's views, each on a page of its own (in the session
/// view's part, fetched then).
pub(crate) fn trends(lang: Lang, shown: Shown, width: RwSignal<u32>) -> impl IntoView {
    let any = Memo::new(move |_| shown.with(|h| h.span().is_some()));
    // One page per view asked for: drawn for the printout (and printed once drawn).
    let printing = RwSignal::new(false);
    // "Min vurdering", in place of the figures while open.
    let rating = RwSignal::new(false);
    view! {
        <Show when=move || !rating.get()>
            <Show when=move || any.get()>
                <Toolbar lang shown width printing/>
            </Show>
            {results(shown, lang, width)}
            {others(shown, lang, width, rating)}
        </Show>
        {move || rating.get().then(|| own_part(shown.state, others_part(shown, lang, width, Slot::Rate(rating))))}
        <Show when=move || shown.state.session.get()>
            {own_part(shown.state, presentation(shown, lang, false))}
        </Show>
        <Show when=move || printing.get()>
            {own_part(shown.state, presentation(shown, lang, true))}
        </Show>
    }
}

/// The choices above the figures. Each control stays in the page while the choices change
/// (only what it shows changes), so focus stays where it was.
#[component]
fn Toolbar(lang: Lang, shown: Shown, width: RwSignal<u32>, printing: RwSignal<bool>) -> impl IntoView {
    let state = shown.state;
    // On a narrow screen the period stays, and the other choices fold away behind one
    // button: the picture comes first.
    let narrow = move || width.get() < NARROW;
    let more = move || !narrow() || state.chart.with(|c| c.more_open);
    let choose = move |choice: Choice| {
        let span = shown.with(|h| custom_span(h, state.week));
        state.chart.update(|c| choice.apply(c, span));
    };
    let period = move || state.chart.with(|c| c.period);
    let custom = Memo::new(move |_| shown.with(|h| custom_weeks(h, state.week, period())));
    let compare = Memo::new(move |_| {
        let (period, chosen) = state.chart.with(|c| (c.period, c.compare));
        shown.with(|h| compare_choices(h, &period.weeks(h, state.week), chosen))
    });
    let periods = PeriodButton::ALL.map(|button| {
        view! {
            <button
                type="button"
                id=button.id()
                aria-pressed=move || button.is_chosen(period()).to_string()
                on:click=move |_| choose(Choice::Period(button))
            >
                {button.text().get(lang)}
            </button>
        }
    });
    let groups = move || {
        CATALOGUE
            .iter()
            .filter(|i| current(i.id) == Some(*i))
            .map(|i| (Some(i.id), i.name.get(lang)))
            .chain([(None, ChartMsg::WorkLines.get(lang))])
            .map(|(group, legend)| {
                let lines = line_defs().into_iter().filter(|d| d.instrument.map(|i| i.id) == group).map(|def| {
                    let key = def.key;
                    let on = move || state.chart.with(|c| c.lines.contains(&key));
                    check(format!("ugb-line-{}", key.code()), on, def.name.get(lang), move || choose(Choice::Line(key)))
                });
                view! { <fieldset><legend>{legend}</legend>{lines.collect_view()}</fieldset> }
            })
            .collect_view()
    };
    let toggles = Toggle::ALL.map(|toggle| {
        let on = move || state.chart.with(|c| toggle.is_on(c));
        check(toggle.id().to_owned(), on, toggle.text().get(lang), move || choose(Choice::Toggle(toggle)))
    });
    let custom_list = move |to: bool| {
        move || custom.get().map(|c| if to { c.to } else { c.from }).map(|(weeks, chosen)| (weeks, Some(chosen)))
    };
    view! {
        <div class="ugb-toolbar">
            <div class="ugb-period" role="group" aria-labelledby="ugb-period-label">
                <span id="ugb-period-label" class="ugb-toolbar__label">{ChartMsg::PeriodGroup.get(lang)}</span>
                {periods}
            </div>
            <Show when=move || custom.with(Option::is_some)>
                <div class="ugb-period__custom">
                    <label for="ugb-period-from">{ChartMsg::PeriodFrom.get(lang)}</label>
                    {week_select("ugb-period-from", custom_list(false), None, lang, move |week| {
                        if let Some(week) = week {
                            choose(Choice::From(week));
                        }
                    })}
                    <label for="ugb-period-to">{ChartMsg::PeriodTo.get(lang)}</label>
                    {week_select("ugb-period-to", custom_list(true), None, lang, move |week| {
                        if let Some(week) = week {
                            choose(Choice::To(week));
                        }
                    })}
                </div>
            </Show>
        </div>
        <Show when=narrow>
            <button
                type="button"
                id="ugb-more-toggle"
                class="ugb-lines__toggle"
                aria-expanded=move || state.chart.with(|c| c.more_open).to_string()
                aria-controls="ugb-more"
                on:click=move |_| choose(Choice::More)
            >
                {ChartMsg::MoreChoices.get(lang)}
            </button>
        </Show>
        <div id="ugb-more" class="ugb-more" hidden=move || !more()>
        <div class="ugb-toolbar">
            <button
                type="button"
                id="ugb-lines-toggle"
                class="ugb-lines__toggle"
                aria-expanded=move || state.chart.with(|c| c.lines_open).to_string()
                on:click=move |_| choose(Choice::Lines)
            >
                {ChartMsg::ChooseLines.get(lang)}
            </button>
            <Show when=move || state.chart.with(|c| c.lines_open)>
                <div class="ugb-lines">{groups()}</div>
            </Show>
        </div>
        <div class="ugb-toolbar">
            <div class="ugb-toolbar__row">{toggles}</div>
            <div class="ugb-toolbar__row">
                <button type="button" id="ugb-session" on:click=move |_| state.session.set(true)>
                    {ChartMsg::SessionView.get(lang)}
                </button>
                <button
                    type="button"
                    id="ugb-print"
                    on:click=move |_| {
                        printing.set(false);
                        request_animation_frame(crate::platform::browser::print);
                    }
                >
                    {ChartMsg::Print.get(lang)}
                </button>
                <button type="button" id="ugb-print-views" on:click=move |_| printing.set(true)>
                    {ChartMsg::PrintViews.get(lang)}
                </button>
            </div>
        </div>
        <Show when=move || compare.with(|(weeks, _)| !weeks.is_empty())>
            <div class="ugb-compare">
                <label for="ugb-compare">{ChartMsg::RadarCompare.get(lang)}</label>
                {week_select(
                    "ugb-compare",
                    move || Some(compare.get()),
                    Some(ChartMsg::RadarNoCompare.get(lang)),
                    lang,
                    move |week| choose(Choice::Compare(week)),
                )}
            </div>
        </Show>
        </div>
    }
}

/// A labelled tick box, ticked while `on`; `flip` when ticked or unticked.
fn check(
    id: String,
    on: impl Fn() -> bool + Send + Sync + 'static,
    text: &'static str,
    flip: impl Fn() + 'static,
) -> impl IntoView {
    let label_for = id.clone();
    view! {
        <label class="ugb-check" for=label_for>
            <input type="checkbox" id=id prop:checked=on on:change=move |_| flip()/>
            {text}
        </label>
    }
}

/// A list of weeks: `weeks` gives them and the one chosen (`None` while there are none);
/// `none` is a first choice of no week. The list stays in the page while its weeks
/// change, so a focused list keeps the focus.
fn week_select(
    id: &'static str,
    weeks: impl Fn() -> Option<(Vec<IsoWeek>, Option<IsoWeek>)> + Send + Sync + 'static,
    none: Option<&'static str>,
    lang: Lang,
    pick: impl Fn(Option<IsoWeek>) + 'static,
) -> impl IntoView {
    let options = move || {
        let (weeks, chosen) = weeks().unwrap_or_default();
        weeks
            .into_iter()
            .map(|week| {
                let selected = Some(week) == chosen;
                view! {
                    <option value=week.to_string() selected=selected>
                        {week_label_with_year(lang, week)}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <select id=id on:change=move |ev| pick(event_target_value(&ev).parse().ok())>
            {none.map(|none| view! { <option value="">{none}</option> })}
            {options}
        </select>
    }
}

/// Others' readings: their figures and their list, in a part fetched only when there are
/// any (the citizen's stored, the demo's, the file's in the viewer); and, on the citizen's
/// own screens, "Min vurdering".
fn others(shown: Shown, lang: Lang, width: RwSignal<u32>, rating: RwSignal<bool>) -> impl IntoView {
    let state = shown.state;
    let own = shown.file.is_none();
    let any = move || shown.any_readings();
    let part = move |slot| own_part(state, others_part(shown, lang, width, slot));
    view! {
        {move || any().then(|| part(Slot::Figures))}
        {own.then(|| {
            view! {
                <section class="ugb-others" aria-labelledby="ugb-others-title">
                    <h3 id="ugb-others-title">{ChartMsg::OthersTitle.get(lang)}</h3>
                    <p>{ChartMsg::OthersText.get(lang)}</p>
                    {move || if any() { part(Slot::List) } else { view! { <p>{ChartMsg::OthersNone.get(lang)}</p> }.into_any() }}
                    <button type="button" id=START class="ugb-primary" on:click=move |_| rating.set(true)>
                        {ChartMsg::RaterStart.get(lang)}
                    </button>
                </section>
            }
        })}
    }
}
