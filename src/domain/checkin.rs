//! The weekly check-in as a state machine: one question per step, in a fixed order, then a
//! note. It is pure data so that a half-finished check-in can be stored after every tap
//! and resumed exactly where it stopped.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::history::{instrument_ids, History};
use crate::domain::instrument::{self, Instrument, Item};
use crate::domain::lang::Lang;
use crate::domain::progression::{GoalCheck, Kept, ProgressError, Work};
use crate::domain::response::{status_of, unix_millis, validate, Response, Status, ValidationError};
use crate::domain::week::IsoWeek;

/// A check-in in progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Draft {
    pub week: IsoWeek,
    /// Index into [`flow`]; equal to its length on the closing note screen.
    pub step: usize,
    /// Answers by instrument id, then by item `linkId`.
    #[serde(deserialize_with = "super::keyed::keyed_twice")]
    pub answers: BTreeMap<String, BTreeMap<String, u8>>,
    pub note: String,
    /// The ids of this week's stored responses that this check-in changes, by instrument id.
    #[serde(default, deserialize_with = "super::keyed::keyed")]
    pub editing: BTreeMap<String, String>,
    /// The week's work as given on its step; `None` leaves the week's record as it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work: Option<Work>,
    /// One step per goal open when the check-in started, in the order they were set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<GoalAnswer>,
    /// The instruments this check-in does not ask (the portal's choice, or the WHO-5 in
    /// its week off), by id; empty: it asks them all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<String>,
    /// When each part was last given, in milliseconds since the Unix epoch, by part
    /// (`<instrument>/<linkId>` for an answer, `goal/<id>`, `work`, `note`), in the order
    /// of the parts' names. A part without a time is older than any: given before times
    /// were kept. Two tabs' check-ins merge by these ([`Draft::merge`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub given: Vec<(String, u64)>,
    /// How the questions are shown: the citizen's settings, not part of the stored
    /// check-in (set again from the settings whenever it is read).
    #[serde(skip)]
    pub shown: Shown,
}

/// How a check-in's questions are shown, from the citizen's settings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    /// The easy-read versions of the app's own instruments.
    pub easy: bool,
    /// The official version of the WHO-5 chosen where the app's language has none.
    pub who5_lang: Option<Lang>,
}

/// The parts of a check-in that [`Draft::given`] names besides the answers.
const WORK: &str = "work";
const NOTE: &str = "note";

fn answer_part(instrument: &str, link_id: &str) -> String {
    format!("{instrument}/{link_id}")
}

fn goal_part(goal: &str) -> String {
    format!("goal/{goal}")
}

/// The answer to "Did you keep to it this week?" for one goal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalAnswer {
    /// The goal's id.
    pub goal: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept: Option<Kept>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What the current step shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Question(Question),
    /// The week's work: hours and days.
    Work,
    /// The goal at this index of [`Draft::goals`].
    Goal(usize),
    /// The closing note.
    Note,
}

/// The question shown at one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    pub instrument: &'static Instrument,
    pub item: &'static Item,
    /// 1-based, for "3 of 18".
    pub number: usize,
    pub total: usize,
}

/// Every question of a full check-in, in order: the current version of each instrument.
pub fn flow() -> Vec<(&'static Instrument, &'static Item)> {
    flow_without(&[], false)
}

/// The questions of a check-in that leaves out the instruments in `skipped`, in easy-read
/// words if `easy`.
fn flow_without(skipped: &[String], easy: bool) -> Vec<(&'static Instrument, &'static Item)> {
    instrument_ids()
        .into_iter()
        .filter(|id| !skipped.iter().any(|s| s == id))
        .filter_map(|id| instrument::current_in(id, easy))
        .flat_map(|instrument| instrument.items.iter().map(move |item| (instrument, item)))
        .collect()
}

/// Which instruments a new check-in for `week` leaves out: those the portal did not
/// choose (`asked`, `None` for all), and with `who5_fortnightly` the WHO-5 in a week
/// after one that has WHO-5 answers. An instrument the week already has answers for is
/// always asked, so that changing the week's answers never hides them.
pub fn skipped(asked: Option<&[&str]>, who5_fortnightly: bool, week: IsoWeek, history: &History) -> Vec<String> {
    let answered_in = |week: Option<IsoWeek>, id: &str| {
        week.and_then(|w| history.response_for(w, id)).is_some_and(|r| !r.answers.is_empty())
    };
    instrument_ids()
        .into_iter()
        .filter(|id| !answered_in(Some(week), id))
        .filter(|id| {
            let chosen = asked.is_none_or(|asked| asked.contains(id));
            let off_week = *id == instrument::WHO5_ID && who5_fortnightly && answered_in(week.plus(-1), id);
            !chosen || off_week
        })
        .map(str::to_owned)
        .collect()
}

impl Draft {
    /// A fresh check-in for `week`, or, when the week already has saved answers, a check-in
    /// that starts from them and updates the same responses.
    pub fn start(week: IsoWeek, history: &History) -> Draft {
        Draft::start_without(week, history, Vec::new())
    }

    /// [`Draft::start`] for a check-in that leaves out the instruments in `skipped`
    /// (see [`skipped`]).
    pub fn start_without(week: IsoWeek, history: &History, skipped: Vec<String>) -> Draft {
        let asked: Vec<&str> = instrument_ids().into_iter().filter(|id| !skipped.iter().any(|s| s == id)).collect();
        let mut draft = Draft {
            week,
            step: 0,
            answers: BTreeMap::new(),
            note: String::new(),
            editing: BTreeMap::new(),
            work: None,
            goals: Vec::new(),
            skipped,
            given: Vec::new(),
            shown: Shown::default(),
        };
        // Each part as given when it was saved.
        for goal in history.open_goals(week) {
            let check = goal.check_for(week);
            draft.goals.push(GoalAnswer {
                goal: goal.id.clone(),
                kept: check.map(|c| c.kept),
                note: check.and_then(|c| c.note.clone()),
            });
            draft.stamp(goal_part(&goal.id), check.map_or(0, |c| unix_millis(&c.authored)));
        }
        if let Some(work) = history.work.iter().find(|w| w.week == week) {
            draft.work = Some(work.work.clone());
            draft.stamp(WORK.to_owned(), unix_millis(&work.authored));
        }
        for id in asked {
            if let Some(existing) = history.response_for(week, id) {
                let at = unix_millis(&existing.authored);
                draft.editing.insert(id.to_owned(), existing.id.clone());
                draft.answers.insert(id.to_owned(), existing.answers.clone());
                for link_id in existing.answers.keys() {
                    draft.stamp(answer_part(id, link_id), at);
                }
                if draft.note.is_empty() {
                    draft.note = existing.note.clone().unwrap_or_default();
                    draft.stamp(NOTE.to_owned(), at);
                }
            }
        }
        draft
    }

    /// Takes in what is saved for this week (by another tab, while this check-in went
    /// on): the answers and the ids of the responses, so that saving this check-in updates
    /// them rather than adding a second response per instrument; the note, the week's work
    /// and the answers about the goals it asks. Each part as given when it was saved; a
    /// part given here later stays.
    pub fn merge_saved(&mut self, history: &History) {
        let mut saved = Draft::start_without(self.week, history, self.skipped.clone());
        // The check-in asks about the goals open when it started (one set meanwhile waits
        // for the next check-in), so its steps do not move.
        saved.goals.retain(|g| self.goals.iter().any(|mine| mine.goal == g.goal));
        self.merge(&saved);
    }

    /// Takes in the check-in of another tab for the same week, part by part: the later
    /// given wins, and of two given at the same time the greater, so that the order of
    /// merging does not matter. The step and the instruments asked stay this tab's own
    /// (the citizen's place never moves: on the note, it stays on the note); a goal only
    /// the other asks about is asked too. A check-in of another week changes nothing: the
    /// tab that started one keeps it.
    pub fn merge(&mut self, other: &Draft) {
        if other.week != self.week {
            return;
        }
        let at_note = self.at_note();
        for (id, answers) in &other.answers {
            for (link_id, value) in answers {
                let part = answer_part(id, link_id);
                let (mine, at) = (self.answers.get(id).and_then(|a| a.get(link_id)), other.given_at(&part));
                if self.newer(&part, mine, at, value) {
                    self.answers.entry(id.clone()).or_default().insert(link_id.clone(), *value);
                    self.stamp(part, at);
                }
            }
        }
        if self.newer(NOTE, Some(&self.note), other.given_at(NOTE), &other.note) {
            self.note.clone_from(&other.note);
            self.stamp(NOTE.to_owned(), other.given_at(NOTE));
        }
        if let Some(work) = &other.work {
            if self.newer(WORK, self.work.as_ref(), other.given_at(WORK), work) {
                self.work = Some(work.clone());
                self.stamp(WORK.to_owned(), other.given_at(WORK));
            }
        }
        for theirs in &other.goals {
            let part = goal_part(&theirs.goal);
            let at = other.given_at(&part);
            fn key(a: &GoalAnswer) -> (Option<Kept>, Option<&str>) {
                (a.kept, a.note.as_deref())
            }
            match self.goals.iter().position(|g| g.goal == theirs.goal) {
                Some(index) if !self.newer(&part, Some(&key(&self.goals[index])), at, &key(theirs)) => continue,
                Some(index) => self.goals[index] = theirs.clone(),
                None => self.goals.push(theirs.clone()),
            }
            self.stamp(part, at);
        }
        // Both name the response they change; of two names (the week saved twice at
        // once), the greater.
        for (id, response) in &other.editing {
            let mine = self.editing.entry(id.clone()).or_insert_with(|| response.clone());
            if response > mine {
                mine.clone_from(response);
            }
        }
        if at_note {
            self.step = self.total();
        }
    }

    /// Whether this check-in has a part given later than `other` has it: then `other` is
    /// missing an answer (another tab wrote it over this tab's at the same moment).
    pub fn given_later_than(&self, other: &Draft) -> bool {
        self.given.iter().any(|(part, at)| *at > other.given_at(part))
    }

    /// When `part` was last given here; 0 when never, or before times were kept.
    fn given_at(&self, part: &str) -> u64 {
        self.given.binary_search_by(|(p, _)| p.as_str().cmp(part)).map_or(0, |at| self.given[at].1)
    }

    /// Records that `part` was given at `at` (nothing for 0: no time is older than any).
    fn stamp(&mut self, part: String, at: u64) {
        match self.given.binary_search_by(|(p, _)| p.cmp(&part)) {
            Ok(index) => self.given[index].1 = at,
            Err(_) if at == 0 => {}
            Err(index) => self.given.insert(index, (part, at)),
        }
    }

    /// Whether `theirs`, given at `at`, replaces this check-in's `part` (`mine`): the later
    /// wins; at the same time, the greater.
    fn newer<T: Ord>(&self, part: &str, mine: Option<&T>, at: u64, theirs: &T) -> bool {
        mine.is_none_or(|mine| (at, theirs) > (self.given_at(part), mine))
    }

    /// The questions this check-in asks.
    pub fn flow(&self) -> Vec<(&'static Instrument, &'static Item)> {
        flow_without(&self.skipped, self.shown.easy)
    }

    /// Every step before the note: the questions, the week's work, one per goal.
    pub fn total(&self) -> usize {
        self.flow().len() + 1 + self.goals.len()
    }

    /// What the current step shows.
    pub fn stage(&self) -> Stage {
        let questions = self.flow().len();
        match self.question() {
            Some(question) => Stage::Question(question),
            None if self.step == questions => Stage::Work,
            None if self.step < self.total() => Stage::Goal(self.step - questions - 1),
            None => Stage::Note,
        }
    }

    /// Gives the week's work (the step's "next") at `now` (milliseconds since the Unix
    /// epoch, like every time a check-in keeps) and moves on.
    pub fn give_work(&mut self, work: Work, now: u64) -> Result<(), ProgressError> {
        work.validate()?;
        self.work = Some(work);
        self.stamp(WORK.to_owned(), now);
        self.next();
        Ok(())
    }

    /// Answers the goal step shown at `now` and moves on.
    pub fn keep_goal(&mut self, kept: Kept, note: &str, now: u64) {
        if self.choose_goal(kept, note, now) {
            self.next();
        }
    }

    /// Answers the goal step shown at `now` and stays on it (an arrow key moved the
    /// choice, not the citizen). Returns whether a goal step is shown.
    pub fn choose_goal(&mut self, kept: Kept, note: &str, now: u64) -> bool {
        let Stage::Goal(index) = self.stage() else { return false };
        let note = Some(note.trim().to_owned()).filter(|n| !n.is_empty());
        if let Some(answer) = self.goals.get_mut(index) {
            answer.kept = Some(kept);
            answer.note = note;
            let part = goal_part(&answer.goal);
            self.stamp(part, now);
        }
        true
    }

    /// Writes the note of the goal step shown, once its answer is chosen (the note comes
    /// after the answer), at `now`.
    pub fn set_goal_note(&mut self, note: &str, now: u64) {
        let Stage::Goal(index) = self.stage() else { return };
        if let Some(kept) = self.goals.get(index).and_then(|a| a.kept) {
            self.choose_goal(kept, note, now);
        }
    }

    /// Writes the week's note at `now`.
    pub fn set_note(&mut self, note: String, now: u64) {
        self.note = note;
        self.stamp(NOTE.to_owned(), now);
    }

    /// The goals' evaluations this check-in saves: one per goal answered.
    pub fn goal_checks(&self, authored: &str) -> Vec<(String, GoalCheck)> {
        self.goals
            .iter()
            .filter_map(|answer| {
                let kept = answer.kept?;
                let check =
                    GoalCheck { week: self.week, kept, note: answer.note.clone(), authored: authored.to_owned() };
                Some((answer.goal.clone(), check))
            })
            .collect()
    }

    /// The question at the current step, or `None` on the closing note screen.
    pub fn question(&self) -> Option<Question> {
        let total = self.total();
        self.flow().get(self.step).map(|&(instrument, item)| Question {
            instrument,
            item,
            number: self.step + 1,
            total,
        })
    }

    /// The answer already given to the current question.
    pub fn current_answer(&self) -> Option<u8> {
        let question = self.question()?;
        self.answers.get(question.instrument.id)?.get(question.item.link_id).copied()
    }

    /// Answers the current question at `now` and moves to the next step.
    pub fn answer(&mut self, value: u8, now: u64) -> Result<(), ValidationError> {
        if self.choose(value, now)? {
            self.step += 1;
        }
        Ok(())
    }

    /// Answers the current question at `now` and stays on it (an arrow key moved the
    /// choice, not the citizen). Returns whether a question is shown.
    pub fn choose(&mut self, value: u8, now: u64) -> Result<bool, ValidationError> {
        let Some(question) = self.question() else { return Ok(false) };
        let (min, max) = question.item.scale.bounds();
        if !question.item.scale.values().contains(&value) {
            return Err(ValidationError::OutOfRange { link_id: question.item.link_id.to_owned(), value, min, max });
        }
        self.answers
            .entry(question.instrument.id.to_owned())
            .or_default()
            .insert(question.item.link_id.to_owned(), value);
        self.stamp(answer_part(question.instrument.id, question.item.link_id), now);
        Ok(true)
    }

    /// Moves on without answering (or keeping an answer given before).
    pub fn next(&mut self) {
        self.step = (self.step + 1).min(self.total());
    }

    /// Goes back one step; at the first question, stays there.
    pub fn back(&mut self) {
        self.step = self.step.saturating_sub(1);
    }

    /// Whether the closing note screen is showing.
    pub fn at_note(&self) -> bool {
        self.step >= self.total()
    }

    /// How many steps have an answer.
    pub fn answered(&self) -> usize {
        self.answers.values().map(BTreeMap::len).sum::<usize>()
            + usize::from(self.work.is_some())
            + self.goals.iter().filter(|g| g.kept.is_some()).count()
    }

    /// Checks a draft read back from storage: each answer must belong to a known question and
    /// lie on its scale, each part's time be given once and in order, and the step must
    /// exist. Anything else means the stored value is not one this app wrote.
    pub fn check(&self) -> Result<(), ValidationError> {
        for (index, id) in self.skipped.iter().enumerate() {
            if instrument::current(id).is_none() || self.skipped[..index].contains(id) {
                return Err(ValidationError::UnknownInstrument { id: id.clone() });
            }
        }
        for (id, answers) in &self.answers {
            let instrument =
                instrument::current(id).ok_or_else(|| ValidationError::UnknownInstrument { id: id.clone() })?;
            let probe = Response {
                id: "draft".into(),
                instrument: instrument.id.into(),
                version: instrument.version.into(),
                week: self.week,
                authored: String::new(),
                language: Lang::Da,
                status: status_of(instrument, answers),
                answers: answers.clone(),
                note: None,
            };
            validate(&probe)?;
        }
        if let Some(work) = &self.work {
            work.validate().map_err(|error| ValidationError::Progression(error.to_string()))?;
        }
        for (index, answer) in self.goals.iter().enumerate() {
            if answer.goal.trim().is_empty() || self.goals[..index].iter().any(|g| g.goal == answer.goal) {
                return Err(ValidationError::Progression(format!("goal {}: no id, or one given twice", index + 1)));
            }
        }
        if self.given.windows(2).any(|pair| pair[0].0 >= pair[1].0) {
            return Err(ValidationError::Progression("given: a part out of order, or given twice".into()));
        }
        if self.step > self.total() {
            return Err(ValidationError::OutOfRange {
                link_id: "step".into(),
                value: u8::try_from(self.step).unwrap_or(u8::MAX),
                min: 0,
                max: u8::try_from(self.total()).unwrap_or(u8::MAX),
            });
        }
        Ok(())
    }

    /// Saves this check-in into `history`: its responses, the week's work (when its step
    /// was answered) and the goals' evaluations.
    pub fn save_into(self, history: &mut History, authored: &str, language: Lang, new_id: &mut dyn FnMut() -> String) {
        let (week, work, checks) = (self.week, self.work.clone(), self.goal_checks(authored));
        for response in self.into_responses(authored, language, new_id) {
            history.upsert(response);
        }
        if let Some(work) = work {
            history.set_work(week, work, authored);
        }
        for (id, check) in checks {
            if let Some(goal) = history.goals.iter_mut().find(|g| g.id == id) {
                goal.evaluate(check);
            }
        }
    }

    /// The responses this check-in saves: one per instrument with at least one answer,
    /// reusing the ids of the responses it changes. The note goes on the first of them.
    /// `new_id` is asked for a fresh id only where no response exists yet.
    pub fn into_responses(self, authored: &str, language: Lang, new_id: &mut dyn FnMut() -> String) -> Vec<Response> {
        let note = Some(self.note.trim().to_owned()).filter(|n| !n.is_empty());
        let mut responses: Vec<Response> = Vec::new();
        for id in instrument_ids() {
            let Some(instrument) = instrument::current_in(id, self.shown.easy) else { continue };
            let answers = self.answers.get(id).cloned().unwrap_or_default();
            let existing = self.editing.get(id).cloned();
            if answers.is_empty() && existing.is_none() {
                continue;
            }
            responses.push(Response {
                id: existing.unwrap_or_else(&mut *new_id),
                instrument: instrument.id.to_owned(),
                version: instrument.version.to_owned(),
                week: self.week,
                authored: authored.to_owned(),
                // The WHO-5 in Arabic is answered in the official version chosen.
                language: instrument.shown_in(language, self.shown.who5_lang),
                status: status_of(instrument, &answers),
                answers,
                note: None,
            });
        }
        if note.is_some() && responses.is_empty() {
            // A note alone is still worth keeping; it rides on an empty, partial WHO-5.
            if let Some(who5) = instrument::current(instrument::WHO5_ID) {
                responses.push(Response {
                    id: new_id(),
                    instrument: who5.id.to_owned(),
                    version: who5.version.to_owned(),
                    week: self.week,
                    authored: authored.to_owned(),
                    language: who5.shown_in(language, self.shown.who5_lang),
                    status: Status::Partial,
                    answers: BTreeMap::new(),
                    note: None,
                });
            }
        }
        if let Some(first) = responses.first_mut() {
            first.note = note;
        }
        responses
    }
}
