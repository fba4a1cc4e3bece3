//! The goals and milestones screen, used in a session with the consultant: open goals with
//! their weekly answers and a way to close them, closed goals (kept), a new goal, the
//! milestones and a new milestone. Drawn in the chart worker like the other session
//! screens; pure and host-tested.
//!
//! Edits: a form's button carries `data-action="edit"` and `data-edit` (what to do); the
//! page sends the form's named fields, a fresh id and the time ([`Request::form`]), and
//! [`apply`] returns the new history, or the form's error, which the screen then shows
//! beside the form with what was typed kept.

use crate::domain::history::History;
use crate::domain::lang::Lang;
use crate::domain::progression::{parse_date, Goal, Kept, Milestone, MilestoneKind, Outcome};
use crate::domain::week::IsoWeek;
use crate::formats::html::Html;
use crate::i18n::{date_label, week_label_with_year, ChartMsg};
use crate::session::render::Request;

/// A form that could not be applied: which form, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormError {
    pub form: &'static str,
    pub message: ChartMsg,
}

/// The value of field `name` in the page's `[name, value, name, value, …]`.
pub fn field<'a>(form: &'a [String], name: &str) -> &'a str {
    form.chunks(2).find(|pair| pair[0] == name).and_then(|pair| pair.get(1)).map_or("", |v| v.as_str())
}

fn clip(text: &str, max: usize) -> String {
    text.trim().chars().take(max).collect()
}

/// Applies the edit the page sent (`form`) to `history` in week `now`.
pub fn apply(history: &History, form: &[String], now: IsoWeek) -> Result<History, FormError> {
    let mut history = history.clone();
    let (id, at) = (field(form, "id"), field(form, "at"));
    // Which form sent it: its error is shown beside it.
    let which = match field(form, "edit") {
        "goal-new" => "goal-new",
        "goal-close" => "goal-close",
        "milestone-new" => "milestone-new",
        "milestone-remove" => "milestone-remove",
        _ => return Err(FormError { form: "", message: ChartMsg::ErrOutcome }),
    };
    let error = |message| FormError { form: which, message };
    match which {
        "goal-new" => {
            let what = clip(field(form, "what"), 300);
            if what.is_empty() {
                return Err(error(ChartMsg::ErrGoalWhat));
            }
            let by = clip(field(form, "by"), 10);
            if !by.is_empty() && parse_date(&by).is_none() {
                return Err(error(ChartMsg::ErrDate));
            }
            let replaces = field(form, "replaces");
            let replaced = history.goals.iter_mut().find(|g| g.id == replaces && g.is_open());
            let replaces = replaced.map(|old| {
                old.close(now, Outcome::Changed, at);
                old.id.clone()
            });
            history.goals.push(Goal {
                id: id.to_owned(),
                what,
                measure: clip(field(form, "measure"), 300),
                by: Some(by).filter(|b| !b.is_empty()),
                set: now,
                authored: at.to_owned(),
                closed: None,
                replaces,
                checks: Vec::new(),
            });
        }
        "goal-close" => {
            let outcome = Outcome::parse(field(form, "outcome")).ok_or(error(ChartMsg::ErrOutcome))?;
            let goal = field(form, "goal");
            match history.goals.iter_mut().find(|g| g.id == goal && g.is_open()) {
                Some(goal) => goal.close(now, outcome, at),
                None => return Err(error(ChartMsg::ErrOutcome)),
            }
        }
        "milestone-new" => {
            let date = clip(field(form, "date"), 10);
            if parse_date(&date).is_none() {
                return Err(error(ChartMsg::ErrDate));
            }
            let kind = MilestoneKind::parse(field(form, "kind")).unwrap_or(MilestoneKind::Other);
            let text = Some(clip(field(form, "text"), 200)).filter(|t| !t.is_empty());
            if kind == MilestoneKind::Other && text.is_none() {
                return Err(error(ChartMsg::ErrMilestoneText));
            }
            history.milestones.push(Milestone { id: id.to_owned(), date, kind, text, authored: at.to_owned() });
        }
        _ => {
            let milestone = field(form, "milestone");
            history.milestones.retain(|m| m.id != milestone);
        }
    }
    // What the page will check again when it stores it.
    history.check_progression().map_err(|_| error(ChartMsg::ErrOutcome))?;
    Ok(history)
}

pub fn kept_text(kept: Kept) -> ChartMsg {
    match kept {
        Kept::Yes => ChartMsg::KeptYes,
        Kept::Partly => ChartMsg::KeptPartly,
        Kept::No => ChartMsg::KeptNo,
    }
}

pub fn outcome_text(outcome: Outcome) -> ChartMsg {
    match outcome {
        Outcome::Reached => ChartMsg::OutcomeReached,
        Outcome::Changed => ChartMsg::OutcomeChanged,
        Outcome::Dropped => ChartMsg::OutcomeDropped,
    }
}

pub fn kind_text(kind: MilestoneKind) -> ChartMsg {
    match kind {
        MilestoneKind::PlacementStarted => ChartMsg::KindPlacementStarted,
        MilestoneKind::HoursChanged => ChartMsg::KindHoursChanged,
        MilestoneKind::PlacementEnded => ChartMsg::KindPlacementEnded,
        MilestoneKind::NewMentor => ChartMsg::KindNewMentor,
        MilestoneKind::Other => ChartMsg::KindOther,
    }
}

/// "Placement started: Café Solsiden".
pub fn milestone_text(milestone: &Milestone, lang: Lang) -> String {
    let kind = kind_text(milestone.kind).get(lang);
    match milestone.text.as_deref().filter(|t| !t.trim().is_empty()) {
        Some(text) if milestone.kind == MilestoneKind::Other => text.to_owned(),
        Some(text) => format!("{kind}: {text}"),
        None => kind.to_owned(),
    }
}

/// "Yes 2 · partly 1 · no 0".
pub fn tally(goal: &Goal, lang: Lang) -> String {
    let count = |kept| goal.checks.iter().filter(|c| c.kept == kept).count().to_string();
    ChartMsg::GoalTally
        .fill(lang, &[("yes", &count(Kept::Yes)), ("partly", &count(Kept::Partly)), ("no", &count(Kept::No))])
}

/// A form's error line: the message when this form failed, empty otherwise (kept in the
/// page so that `aria-describedby` always points at something).
fn error_line(html: &mut Html, id: &'static str, error: Option<FormError>, form: &str, lang: Lang) {
    let text = error.filter(|e| e.form == form).map_or("", |e| e.message.get(lang));
    html.el("p", &[("id", id), ("class", "ugb-error"), ("role", "alert")], text);
}

/// The goals and milestones screen. `form` is what the citizen typed when an edit failed
/// (`error`), to show again.
pub fn screen(history: &History, request: &Request, error: Option<FormError>) -> String {
    let lang = request.choices.lang;
    let now = request.choices.now;
    let typed = |name: &str| if error.is_some() { field(&request.form, name).to_owned() } else { String::new() };
    let mut html = Html::new();

    // Open goals.
    html.el("h3", &[("id", "ugb-goals-open")], ChartMsg::GoalsOpen.get(lang));
    let open: Vec<&Goal> = history.goals.iter().filter(|g| g.is_open()).collect();
    if open.is_empty() {
        html.el("p", &[], ChartMsg::GoalsNone.get(lang));
    }
    html.open("ul", &[("class", "ugb-goals"), ("aria-labelledby", "ugb-goals-open")]);
    for goal in &open {
        html.open("li", &[("class", "ugb-goal-card")]).el("h4", &[("dir", "auto")], &goal.what);
        goal_details(&mut html, goal, lang);
        // Closing it: how it ended, then the button.
        let select_id = format!("ugb-close-{}", goal.id);
        html.open("form", &[("class", "ugb-inline-form"), ("data-form", "goal-close")]);
        html.open("input", &[("type", "hidden"), ("name", "goal"), ("value", &goal.id)]);
        html.el("label", &[("for", &select_id)], ChartMsg::GoalCloseLabel.get(lang));
        html.open("select", &[("id", &select_id), ("name", "outcome")]);
        for outcome in Outcome::ALL {
            html.el("option", &[("value", outcome.code())], outcome_text(outcome).get(lang));
        }
        html.close("select");
        let button_id = format!("ugb-close-button-{}", goal.id);
        html.el(
            "button",
            &[("type", "button"), ("id", &button_id), ("data-action", "edit"), ("data-edit", "goal-close")],
            ChartMsg::GoalClose.get(lang),
        );
        html.close("form").close("li");
    }
    html.close("ul");
    error_line(&mut html, "ugb-goal-close-error", error, "goal-close", lang);
    html.part();

    // A new goal.
    html.open("form", &[("class", "ugb-form"), ("data-form", "goal-new"), ("aria-labelledby", "ugb-goal-new-title")]);
    html.el("h3", &[("id", "ugb-goal-new-title")], ChartMsg::GoalNewTitle.get(lang));
    html.el("p", &[("class", "ugb-hint")], ChartMsg::GoalNewHint.get(lang));
    for (id, name, label, rows) in [
        ("ugb-goal-what", "what", ChartMsg::GoalWhat, "2"),
        ("ugb-goal-measure", "measure", ChartMsg::GoalHowKnow, "2"),
    ] {
        html.el("label", &[("for", id)], label.get(lang));
        html.el(
            "textarea",
            &[
                ("id", id),
                ("name", name),
                ("rows", rows),
                ("maxlength", "300"),
                ("aria-describedby", "ugb-goal-new-error"),
            ],
            &typed(name),
        );
    }
    html.el("label", &[("for", "ugb-goal-by")], ChartMsg::GoalByLabel.get(lang));
    html.open(
        "input",
        &[
            ("id", "ugb-goal-by"),
            ("name", "by"),
            ("type", "date"),
            ("value", &typed("by")),
            ("aria-describedby", "ugb-goal-new-error"),
        ],
    );
    if !open.is_empty() {
        html.el("label", &[("for", "ugb-goal-replaces")], ChartMsg::GoalReplaces.get(lang));
        html.open("select", &[("id", "ugb-goal-replaces"), ("name", "replaces")]);
        html.el("option", &[("value", "")], ChartMsg::GoalReplacesNone.get(lang));
        for goal in &open {
            let short: String = goal.what.chars().take(60).collect();
            html.el("option", &[("value", &goal.id)], &short);
        }
        html.close("select");
    }
    error_line(&mut html, "ugb-goal-new-error", error, "goal-new", lang);
    html.el(
        "button",
        &[
            ("type", "submit"),
            ("id", "ugb-goal-add"),
            ("class", "ugb-primary"),
            ("data-action", "edit"),
            ("data-edit", "goal-new"),
        ],
        ChartMsg::GoalAdd.get(lang),
    );
    html.close("form");
    html.part();

    // Milestones.
    html.el("h3", &[("id", "ugb-milestones-title")], ChartMsg::MilestonesTitle.get(lang));
    let milestones = history.milestones_by_week();
    if milestones.is_empty() {
        html.el("p", &[], ChartMsg::MilestonesNone.get(lang));
    }
    html.open("ol", &[("class", "ugb-milestones"), ("aria-labelledby", "ugb-milestones-title")]);
    for (week, milestone) in &milestones {
        let when = parse_date(&milestone.date).map(|d| date_label(lang, d)).unwrap_or_default();
        html.open("li", &[]).el("strong", &[], &when).text(" (").text(&week_label_with_year(lang, *week)).text(") – ");
        html.text(&milestone_text(milestone, lang));
        html.open("form", &[("class", "ugb-inline-form"), ("data-form", "milestone-remove")]);
        html.open("input", &[("type", "hidden"), ("name", "milestone"), ("value", &milestone.id)]);
        let label = ChartMsg::MilestoneRemoveLabel.fill(lang, &[("what", &milestone_text(milestone, lang))]);
        html.el(
            "button",
            &[
                ("type", "button"),
                ("class", "ugb-secondary"),
                ("data-action", "edit"),
                ("data-edit", "milestone-remove"),
                ("aria-label", &label),
            ],
            ChartMsg::MilestoneRemove.get(lang),
        );
        html.close("form").close("li");
    }
    html.close("ol");
    html.open(
        "form",
        &[("class", "ugb-form"), ("data-form", "milestone-new"), ("aria-labelledby", "ugb-milestone-new-title")],
    );
    html.el("h4", &[("id", "ugb-milestone-new-title")], ChartMsg::MilestoneNewTitle.get(lang));
    let today = typed("date");
    let today = if today.is_empty() { now.monday().to_string() } else { today };
    html.el("label", &[("for", "ugb-milestone-date")], ChartMsg::MilestoneDate.get(lang));
    html.open(
        "input",
        &[
            ("id", "ugb-milestone-date"),
            ("name", "date"),
            ("type", "date"),
            ("value", &today),
            ("aria-describedby", "ugb-milestone-error"),
        ],
    );
    html.el("label", &[("for", "ugb-milestone-kind")], ChartMsg::MilestoneKindLabel.get(lang));
    html.open("select", &[("id", "ugb-milestone-kind"), ("name", "kind")]);
    let chosen = typed("kind");
    for kind in MilestoneKind::ALL {
        if chosen == kind.code() {
            html.el("option", &[("value", kind.code()), ("selected", "")], kind_text(kind).get(lang));
        } else {
            html.el("option", &[("value", kind.code())], kind_text(kind).get(lang));
        }
    }
    html.close("select");
    html.el("label", &[("for", "ugb-milestone-text")], ChartMsg::MilestoneText.get(lang));
    html.open(
        "input",
        &[
            ("id", "ugb-milestone-text"),
            ("name", "text"),
            ("type", "text"),
            ("maxlength", "200"),
            ("value", &typed("text")),
            ("aria-describedby", "ugb-milestone-error"),
        ],
    );
    error_line(&mut html, "ugb-milestone-error", error, "milestone-new", lang);
    html.el(
        "button",
        &[
            ("type", "submit"),
            ("id", "ugb-milestone-add"),
            ("class", "ugb-primary"),
            ("data-action", "edit"),
            ("data-edit", "milestone-new"),
        ],
        ChartMsg::MilestoneAdd.get(lang),
    );
    html.close("form");
    html.part();

    // Closed goals, kept with their answers.
    let closed: Vec<&Goal> = history.goals.iter().filter(|g| !g.is_open()).collect();
    if !closed.is_empty() {
        html.el("h3", &[("id", "ugb-goals-closed")], ChartMsg::GoalsClosed.get(lang));
        html.open("ul", &[("class", "ugb-goals"), ("aria-labelledby", "ugb-goals-closed")]);
        for goal in closed {
            html.open("li", &[("class", "ugb-goal-card")]).el("h4", &[("dir", "auto")], &goal.what);
            if let Some(closed) = &goal.closed {
                let text = ChartMsg::GoalClosedAs.fill(
                    lang,
                    &[
                        ("outcome", outcome_text(closed.outcome).get(lang)),
                        ("week", &week_label_with_year(lang, closed.week)),
                    ],
                );
                html.el("p", &[("class", "ugb-goal-card__closed")], &text);
            }
            goal_details(&mut html, goal, lang);
            html.close("li");
        }
        html.close("ul");
    }
    html.finish()
}

/// How we will know, by when, since when, and the weekly answers so far.
fn goal_details(html: &mut Html, goal: &Goal, lang: Lang) {
    html.open("p", &[]);
    if !goal.measure.trim().is_empty() {
        html.text(&ChartMsg::GoalMeasure.fill(lang, &[("measure", &goal.measure)])).open("br", &[]);
    }
    html.text(&ChartMsg::GoalSet.fill(lang, &[("week", &week_label_with_year(lang, goal.set))]));
    if let Some(by) = goal.by.as_deref().and_then(parse_date) {
        html.text(" · ").text(&ChartMsg::GoalBy.fill(lang, &[("date", &date_label(lang, by))]));
    }
    html.open("br", &[]).text(&tally(goal, lang)).close("p");
    if let Some(last) = goal.checks.last() {
        let kept = kept_text(last.kept).get(lang);
        let text = ChartMsg::GoalLast.fill(lang, &[("week", &week_label_with_year(lang, last.week)), ("kept", kept)]);
        html.open("p", &[]).text(&text);
        if let Some(note) = &last.note {
            html.text(" – ").el("q", &[], note);
        }
        html.close("p");
    }
}
