//! The goals and milestones screen, used in a session with the consultant: open goals with
//! their weekly answers and a way to close them, a new goal, the milestones and a new
//! milestone, closed goals (kept). Each form makes a typed [`Edit`], applied to the
//! history here ([`crate::session::goals::apply`]); a refused one shows its error beside
//! its form, with what was typed kept.

use leptos::html::{Input, Select, Textarea};
use leptos::prelude::*;

use crate::domain::history::History;
use crate::domain::lang::Lang;
use crate::domain::progression::{parse_date, Goal, MilestoneKind, Outcome};
use crate::i18n::{date_label, week_label_with_year, ChartMsg, Msg};
use crate::page::state::AppState;
use crate::platform::browser;
use crate::session::goals::{
    apply, can_reopen, kept_text, kind_text, milestone_text, outcome_text, remove_label, tally,
};
use crate::session::goals::{Edit, Form, FormError};
use crate::session::screen::{frame, split_screen, Said, Shown};

/// A form's error line: the message when this form failed, empty otherwise (kept in the
/// page so that `aria-describedby` always points at something).
fn error_line(id: &'static str, error: RwSignal<Option<FormError>>, form: Form, lang: Lang) -> impl IntoView {
    view! {
        <p id=id class="ugb-error" role="alert">
            {move || error.get().filter(|e| e.form == form).map_or("", |e| e.message.get(lang))}
        </p>
    }
}

/// How we will know, by when, since when, and the weekly answers so far.
fn goal_details(goal: &Goal, lang: Lang) -> impl IntoView {
    let measure = (!goal.measure.trim().is_empty()).then(|| {
        view! {
            {ChartMsg::GoalMeasure.fill(lang, &[("measure", &goal.measure)])}
            <br/>
        }
    });
    let set = ChartMsg::GoalSet.fill(lang, &[("week", &week_label_with_year(lang, goal.set))]);
    let by = goal
        .by
        .as_deref()
        .and_then(parse_date)
        .map(|by| format!(" · {}", ChartMsg::GoalBy.fill(lang, &[("date", &date_label(lang, by))])));
    let last = goal.checks.last().map(|last| {
        let kept = kept_text(last.kept).get(lang);
        let text = ChartMsg::GoalLast.fill(lang, &[("week", &week_label_with_year(lang, last.week)), ("kept", kept)]);
        let note = last.note.clone().map(|note| view! { " – " <q>{note}</q> });
        view! { <p>{text}{note}</p> }
    });
    view! {
        <p>{measure}{set}{by}<br/>{tally(goal, lang)}</p>
        {last}
    }
}

split_screen!(
    /// The goals screen, fetched only when it opens: opening the progress screen never fetches
    /// its forms.
    ugeblik_goals,
    goals_screen,
    Goals
);

/// The screen.
#[component]
pub fn Goals() -> impl IntoView {
    let state = expect_context::<AppState>();
    let said = Said::new();
    let shown = Shown::new(state, None);
    // The last form refused, and why.
    let error = RwSignal::new(None::<FormError>);
    // Applies an edit made now; `true` when it was made (and is being stored).
    let edit = move |edit: Edit| -> bool {
        said.done.set(None);
        let at = crate::domain::response::rfc3339_utc(browser::now_millis());
        let base = if state.demo { shown.with(History::clone) } else { state.history.get_untracked() };
        let result = apply(&base, &edit, &browser::random_id(), &at, state.week);
        said.answered();
        match result {
            Ok(edited) => {
                error.set(None);
                state.replace_history(edited, move || said.done(Msg::EditSaved));
                true
            }
            Err(refused) => {
                error.set(Some(refused));
                false
            }
        }
    };
    frame(Msg::GoalsTitle, Some(said), move |lang| {
        let open_goals = move || shown.with(|h| h.goals.iter().filter(|g| g.is_open()).cloned().collect::<Vec<_>>());
        let open_list = move || {
            let open = open_goals();
            let none = open.is_empty().then(|| view! { <p>{ChartMsg::GoalsNone.get(lang)}</p> });
            let cards = open
                .into_iter()
                .map(|goal| {
                    let outcome = NodeRef::<Select>::new();
                    let (select_id, button_id) = (format!("ugb-close-{}", goal.id), format!("ugb-close-button-{}", goal.id));
                    // No outcome chosen for the citizen: closing a goal is a choice of its own.
                    let options = Outcome::ALL
                        .into_iter()
                        .map(|o| view! { <option value=o.code()>{outcome_text(o).get(lang)}</option> })
                        .collect::<Vec<_>>();
                    let choose = view! { <option value="" selected>{ChartMsg::GoalCloseChoose.get(lang)}</option> };
                    let id = goal.id.clone();
                    let close = move |_| {
                        let chosen = outcome.get_untracked().and_then(|s| Outcome::parse(&s.value()));
                        edit(Edit::CloseGoal { goal: id.clone(), outcome: chosen });
                    };
                    view! {
                        <li class="ugb-goal-card">
                            <h4 dir="auto">{goal.what.clone()}</h4>
                            {goal_details(&goal, lang)}
                            <form class="ugb-inline-form">
                                // Which goal, as the form's own record of it (the button needs no more).
                                <input type="hidden" name="goal" value=goal.id.clone()/>
                                <label for=select_id.clone()>{ChartMsg::GoalCloseLabel.get(lang)}</label>
                                <select id=select_id name="outcome" node_ref=outcome>{choose}{options}</select>
                                <button type="button" id=button_id on:click=close>{ChartMsg::GoalClose.get(lang)}</button>
                            </form>
                        </li>
                    }
                })
                .collect::<Vec<_>>();
            view! {
                {none}
                <ul class="ugb-goals" aria-labelledby="ugb-goals-open">{cards}</ul>
            }
        };

        // A new goal.
        let (what, measure) = (NodeRef::<Textarea>::new(), NodeRef::<Textarea>::new());
        let (by, replaces) = (NodeRef::<Input>::new(), NodeRef::<Select>::new());
        let add_goal = move |ev: leptos::ev::SubmitEvent| {
            // Enter in a field adds it; the browser never sends the form itself.
            ev.prevent_default();
            let text = |field: NodeRef<Textarea>| field.get_untracked().map(|f| f.value()).unwrap_or_default();
            let made = edit(Edit::NewGoal {
                what: text(what),
                measure: text(measure),
                by: by.get_untracked().map(|f| f.value()).unwrap_or_default(),
                replaces: replaces.get_untracked().map(|f| f.value()).unwrap_or_default(),
            });
            if made {
                for field in [what, measure].into_iter().filter_map(|f| f.get_untracked()) {
                    field.set_value("");
                }
                if let Some(field) = by.get_untracked() {
                    field.set_value("");
                }
            }
        };
        let replaces_choice = move || {
            let open = open_goals();
            (!open.is_empty()).then(|| {
                let options = open
                    .into_iter()
                    .map(|goal| {
                        let short: String = goal.what.chars().take(60).collect();
                        view! { <option value=goal.id>{short}</option> }
                    })
                    .collect::<Vec<_>>();
                view! {
                    <label for="ugb-goal-replaces">{ChartMsg::GoalReplaces.get(lang)}</label>
                    <select id="ugb-goal-replaces" name="replaces" node_ref=replaces>
                        <option value="">{ChartMsg::GoalReplacesNone.get(lang)}</option>
                        {options}
                    </select>
                }
            })
        };
        let new_goal = view! {
            <form class="ugb-form" aria-labelledby="ugb-goal-new-title" on:submit=add_goal>
                <h3 id="ugb-goal-new-title">{ChartMsg::GoalNewTitle.get(lang)}</h3>
                <p class="ugb-hint">{ChartMsg::GoalNewHint.get(lang)}</p>
                <label for="ugb-goal-what">{ChartMsg::GoalWhat.get(lang)}</label>
                <textarea
                    id="ugb-goal-what"
                    name="what"
                    rows="2"
                    maxlength="300"
                    aria-describedby="ugb-goal-new-error"
                    node_ref=what
                ></textarea>
                <label for="ugb-goal-measure">{ChartMsg::GoalHowKnow.get(lang)}</label>
                <textarea
                    id="ugb-goal-measure"
                    name="measure"
                    rows="2"
                    maxlength="300"
                    aria-describedby="ugb-goal-new-error"
                    node_ref=measure
                ></textarea>
                <label for="ugb-goal-by">{ChartMsg::GoalByLabel.get(lang)}</label>
                <input id="ugb-goal-by" name="by" type="date" aria-describedby="ugb-goal-new-error" node_ref=by/>
                {replaces_choice}
                {error_line("ugb-goal-new-error", error, Form::GoalNew, lang)}
                <button type="submit" id="ugb-goal-add" class="ugb-primary">{ChartMsg::GoalAdd.get(lang)}</button>
            </form>
        };

        // The milestones, by date, each with its remove button.
        let milestone_list = move || {
            let history = shown.with(History::clone);
            let milestones = history.milestones_by_week();
            let none = milestones.is_empty().then(|| view! { <p>{ChartMsg::MilestonesNone.get(lang)}</p> });
            let items = milestones
                .into_iter()
                .map(|(week, milestone)| {
                    let when = parse_date(&milestone.date).map(|d| date_label(lang, d)).unwrap_or_default();
                    let id = milestone.id.clone();
                    let remove = move |_| {
                        edit(Edit::RemoveMilestone { milestone: id.clone() });
                    };
                    view! {
                        <li>
                            <strong>{when}</strong>
                            {format!(" ({}) – {}", week_label_with_year(lang, week), milestone_text(milestone, lang))}
                            <form class="ugb-inline-form">
                                <button type="button" class="ugb-secondary" aria-label=remove_label(milestone, lang) on:click=remove>
                                    {ChartMsg::MilestoneRemove.get(lang)}
                                </button>
                            </form>
                        </li>
                    }
                })
                .collect::<Vec<_>>();
            view! {
                {none}
                <ol class="ugb-milestones" aria-labelledby="ugb-milestones-title">{items}</ol>
            }
        };
        let monday = state.week.monday().to_string();
        let (date, kind, words) = (NodeRef::<Input>::new(), NodeRef::<Select>::new(), NodeRef::<Input>::new());
        let add_milestone = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let value = |field: NodeRef<Input>| field.get_untracked().map(|f| f.value()).unwrap_or_default();
            let chosen = kind.get_untracked().and_then(|k| MilestoneKind::parse(&k.value()));
            let made = edit(Edit::NewMilestone {
                date: value(date),
                kind: chosen.unwrap_or(MilestoneKind::Other),
                text: value(words),
            });
            if made {
                if let (Some(date), Some(kind), Some(words)) =
                    (date.get_untracked(), kind.get_untracked(), words.get_untracked())
                {
                    date.set_value(&state.week.monday().to_string());
                    kind.set_value(MilestoneKind::ALL[0].code());
                    words.set_value("");
                }
            }
        };
        let kinds = MilestoneKind::ALL
            .into_iter()
            .map(|k| view! { <option value=k.code()>{kind_text(k).get(lang)}</option> })
            .collect::<Vec<_>>();
        let new_milestone = view! {
            <form class="ugb-form" aria-labelledby="ugb-milestone-new-title" on:submit=add_milestone>
                <h4 id="ugb-milestone-new-title">{ChartMsg::MilestoneNewTitle.get(lang)}</h4>
                <label for="ugb-milestone-date">{ChartMsg::MilestoneDate.get(lang)}</label>
                <input
                    id="ugb-milestone-date"
                    name="date"
                    type="date"
                    value=monday
                    aria-describedby="ugb-milestone-error"
                    node_ref=date
                />
                <label for="ugb-milestone-kind">{ChartMsg::MilestoneKindLabel.get(lang)}</label>
                <select id="ugb-milestone-kind" name="kind" node_ref=kind>{kinds}</select>
                <label for="ugb-milestone-text">{ChartMsg::MilestoneText.get(lang)}</label>
                <input
                    id="ugb-milestone-text"
                    name="text"
                    type="text"
                    maxlength="200"
                    aria-describedby="ugb-milestone-error"
                    node_ref=words
                />
                {error_line("ugb-milestone-error", error, Form::MilestoneNew, lang)}
                <button type="submit" id="ugb-milestone-add" class="ugb-primary">{ChartMsg::MilestoneAdd.get(lang)}</button>
            </form>
        };

        // Closed goals, kept with their answers.
        let closed_list = move || {
            let closed: Vec<Goal> = shown.with(|h| h.goals.iter().filter(|g| !g.is_open()).cloned().collect());
            (!closed.is_empty()).then(|| {
                let cards = closed
                    .iter()
                    .map(|goal| {
                        let ended = goal.closed.as_ref().map(|closed| {
                            let text = ChartMsg::GoalClosedAs.fill(
                                lang,
                                &[
                                    ("outcome", outcome_text(closed.outcome).get(lang)),
                                    ("week", &week_label_with_year(lang, closed.week)),
                                ],
                            );
                            view! { <p class="ugb-goal-card__closed">{text}</p> }
                        });
                        // Closed by mistake: undone until the next check-in.
                        let reopen = shown.with(|h| can_reopen(h, goal)).then(|| {
                            let id = goal.id.clone();
                            let press = move |_| {
                                edit(Edit::ReopenGoal { goal: id.clone() });
                            };
                            view! { <button type="button" on:click=press>{ChartMsg::GoalReopen.get(lang)}</button> }
                        });
                        view! {
                            <li class="ugb-goal-card">
                                <h4 dir="auto">{goal.what.clone()}</h4>
                                {ended}
                                {reopen}
                                {goal_details(goal, lang)}
                            </li>
                        }
                    })
                    .collect::<Vec<_>>();
                view! {
                    <h3 id="ugb-goals-closed">{ChartMsg::GoalsClosed.get(lang)}</h3>
                    <ul class="ugb-goals" aria-labelledby="ugb-goals-closed">{cards}</ul>
                }
            })
        };

        view! {
            <h3 id="ugb-goals-open">{ChartMsg::GoalsOpen.get(lang)}</h3>
            {open_list}
            {error_line("ugb-goal-close-error", error, Form::GoalClose, lang)}
            {new_goal}
            <h3 id="ugb-milestones-title">{ChartMsg::MilestonesTitle.get(lang)}</h3>
            {milestone_list}
            {new_milestone}
            {closed_list}
        }
    })
}
