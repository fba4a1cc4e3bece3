//! The goals and milestones screen's edits, used in a session with the consultant: a new
//! goal (perhaps replacing one), a goal closed, a milestone added or removed. Pure and
//! host-tested; the screen itself is a component (`crate::session::goals_screen`), whose
//! forms make an [`Edit`] and show the [`FormError`] beside the form it belongs to.

use crate::domain::history::History;
use crate::domain::lang::Lang;
use crate::domain::progression::{parse_date, Goal, Kept, Milestone, MilestoneKind, Outcome};
use crate::domain::week::IsoWeek;
use crate::i18n::ChartMsg;

/// An edit of the goals and milestones, as the screen's forms make it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// A new goal: what, how we will know, by when (`YYYY-MM-DD` or empty), and the id of
    /// the open goal it replaces (empty for none), which is then closed as changed.
    NewGoal { what: String, measure: String, by: String, replaces: String },
    /// An open goal closed, with how it ended (`None`: none chosen).
    CloseGoal { goal: String, outcome: Option<Outcome> },
    /// A goal closed by mistake opened again: only until the next check-in after it was
    /// closed ([`can_reopen`]).
    ReopenGoal { goal: String },
    /// A milestone: its date (`YYYY-MM-DD`), kind and words (needed for [`MilestoneKind::Other`]).
    NewMilestone { date: String, kind: MilestoneKind, text: String },
    /// A milestone removed.
    RemoveMilestone { milestone: String },
}

/// The screen's forms: each shows its own error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    GoalNew,
    GoalClose,
    MilestoneNew,
    MilestoneRemove,
}

/// A form that could not be applied: which form, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormError {
    pub form: Form,
    pub message: ChartMsg,
}

impl Edit {
    /// The form that makes this edit.
    pub fn form(&self) -> Form {
        match self {
            Edit::NewGoal { .. } => Form::GoalNew,
            Edit::CloseGoal { .. } | Edit::ReopenGoal { .. } => Form::GoalClose,
            Edit::NewMilestone { .. } => Form::MilestoneNew,
            Edit::RemoveMilestone { .. } => Form::MilestoneRemove,
        }
    }
}

/// Whether a closed goal can still be opened again: no check-in has been saved since it
/// was closed (a closed goal's `authored` is when it was closed).
pub fn can_reopen(history: &History, goal: &Goal) -> bool {
    goal.closed.is_some() && !history.responses.iter().any(|r| r.authored > goal.authored)
}

fn clip(text: &str, max: usize) -> String {
    text.trim().chars().take(max).collect()
}

/// Applies `edit` to `history` in week `now`, with `id` for what it adds and `at` (RFC
/// 3339) for when; the new history, or the form's error and nothing changed.
pub fn apply(history: &History, edit: &Edit, id: &str, at: &str, now: IsoWeek) -> Result<History, FormError> {
    let mut history = history.clone();
    let error = |message| FormError { form: edit.form(), message };
    if id.is_empty() {
        return Err(error(ChartMsg::ErrOutcome));
    }
    match edit {
        Edit::NewGoal { what, measure, by, replaces } => {
            let what = clip(what, 300);
            if what.is_empty() {
                return Err(error(ChartMsg::ErrGoalWhat));
            }
            let by = clip(by, 10);
            if !by.is_empty() && parse_date(&by).is_none() {
                return Err(error(ChartMsg::ErrDate));
            }
            let replaced = history.goals.iter_mut().find(|g| g.id == *replaces && g.is_open());
            let replaces = replaced.map(|old| {
                old.close(now, Outcome::Changed, at);
                old.id.clone()
            });
            history.goals.push(Goal {
                id: id.to_owned(),
                what,
                measure: clip(measure, 300),
                by: Some(by).filter(|b| !b.is_empty()),
                set: now,
                authored: at.to_owned(),
                closed: None,
                replaces,
                checks: Vec::new(),
            });
        }
        Edit::CloseGoal { goal, outcome } => {
            let outcome = outcome.ok_or(error(ChartMsg::GoalCloseMissing))?;
            match history.goals.iter_mut().find(|g| g.id == *goal && g.is_open()) {
                Some(goal) => goal.close(now, outcome, at),
                None => return Err(error(ChartMsg::ErrOutcome)),
            }
        }
        Edit::ReopenGoal { goal } => {
            let reopenable = history.goals.iter().find(|g| g.id == *goal).is_some_and(|g| can_reopen(&history, g));
            match history.goals.iter_mut().find(|g| g.id == *goal).filter(|_| reopenable) {
                Some(goal) => {
                    goal.closed = None;
                    goal.authored = at.to_owned();
                }
                None => return Err(error(ChartMsg::ErrOutcome)),
            }
        }
        Edit::NewMilestone { date, kind, text } => {
            let date = clip(date, 10);
            if parse_date(&date).is_none() {
                return Err(error(ChartMsg::ErrDate));
            }
            let text = Some(clip(text, 200)).filter(|t| !t.is_empty());
            if *kind == MilestoneKind::Other && text.is_none() {
                return Err(error(ChartMsg::ErrMilestoneText));
            }
            history.milestones.push(Milestone { id: id.to_owned(), date, kind: *kind, text, authored: at.to_owned() });
        }
        Edit::RemoveMilestone { milestone } => history.milestones.retain(|m| m.id != *milestone),
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

/// The name of a milestone's remove button: "Remove the milestone Placement started: …".
pub fn remove_label(milestone: &Milestone, lang: Lang) -> String {
    ChartMsg::MilestoneRemoveLabel.fill(lang, &[("what", &milestone_text(milestone, lang))])
}
