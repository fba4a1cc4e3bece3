//! The citizen's history: every response ever saved on this device.

use serde::{Deserialize, Serialize};

use crate::domain::instrument::{self, Instrument, Item, CATALOGUE};
use crate::domain::progression::{Goal, Milestone, ProgressError, Work, WorkWeek};
use crate::domain::response::{profile, status_of, who5_score, Response, Status, Who5Score};
use crate::domain::week::IsoWeek;

/// All stored responses. The week keeps at most one response per instrument: changing a
/// week's answers updates that response in place.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    pub responses: Vec<Response>,
    /// Sub-goals, open and closed, in the order they were set.
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// The week's work, at most one per week, oldest first.
    #[serde(default)]
    pub work: Vec<WorkWeek>,
    /// Dated events, oldest first.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
}

/// One instrument's answers in a week, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub instrument: &'static Instrument,
    pub status: Status,
    /// The WHO-5 score, for a complete WHO-5 response only.
    pub who5: Option<Who5Score>,
    /// Every item with its answer, `None` where skipped.
    pub answers: Vec<(&'static Item, Option<u8>)>,
}

/// One week of the history, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct WeekSummary {
    pub week: IsoWeek,
    /// In the catalogue's order (WHO-5, CHIME, job readiness).
    pub entries: Vec<Entry>,
    pub note: Option<String>,
}

impl History {
    /// Checks the goals, the weeks' work and the milestones: each valid, goal and
    /// milestone ids unique, at most one work record per week. Says what and where.
    /// (Each is compared with the ones before it, not hashed: a hash set's code costs the
    /// page's first load more than the comparisons cost a history of ten years.)
    pub fn check_progression(&self) -> Result<(), String> {
        for (index, goal) in self.goals.iter().enumerate() {
            goal.validate().map_err(|error| format!("goal {}: {error}", index + 1))?;
            if self.goals[..index].iter().any(|g| g.id == goal.id) {
                return Err(format!("goal {}: {}", index + 1, ProgressError::IdTwice(goal.id.clone())));
            }
        }
        for (index, work) in self.work.iter().enumerate() {
            work.work.validate().map_err(|error| format!("work week {}: {error}", index + 1))?;
            if self.work[..index].iter().any(|w| w.week == work.week) {
                return Err(format!("work week {}: {}", index + 1, ProgressError::WeekTwice(work.week)));
            }
        }
        for (index, milestone) in self.milestones.iter().enumerate() {
            milestone.validate().map_err(|error| format!("milestone {}: {error}", index + 1))?;
            if self.milestones[..index].iter().any(|m| m.id == milestone.id) {
                return Err(format!("milestone {}: {}", index + 1, ProgressError::IdTwice(milestone.id.clone())));
            }
        }
        Ok(())
    }

    /// Takes in another copy of the history, stored meanwhile by another tab, by id (by
    /// week for the week's work): what only the other has is added; where both have it,
    /// the later changed wins (at the same time, this one). A response keeps the answers
    /// of both and a goal every week's answer of both: answers are never taken back. What
    /// this copy removed (a milestone, a week's work) and the other still has comes back:
    /// a merge loses nothing.
    pub fn merge(&mut self, other: &History) {
        for theirs in &other.responses {
            let Some(mine) = self.responses.iter_mut().find(|r| r.id == theirs.id) else {
                self.responses.push(theirs.clone());
                continue;
            };
            let newer = theirs.authored > mine.authored;
            if mine.version != theirs.version {
                // Answers to another version's items do not mix.
                if newer {
                    mine.clone_from(theirs);
                }
                continue;
            }
            for (link_id, value) in &theirs.answers {
                let own = mine.answers.entry(link_id.clone()).or_insert(*value);
                if newer {
                    *own = *value;
                }
            }
            if newer {
                mine.authored.clone_from(&theirs.authored);
                mine.note.clone_from(&theirs.note);
                mine.language = theirs.language;
            }
            if let Ok(instrument) = instrument::find(&mine.instrument, &mine.version) {
                mine.status = status_of(instrument, &mine.answers);
            }
        }
        for theirs in &other.goals {
            let Some(mine) = self.goals.iter_mut().find(|g| g.id == theirs.id) else {
                self.goals.push(theirs.clone());
                continue;
            };
            if theirs.authored > mine.authored {
                let checks = std::mem::take(&mut mine.checks);
                mine.clone_from(theirs);
                mine.checks = checks;
            }
            for check in &theirs.checks {
                if mine.check_for(check.week).is_none_or(|own| check.authored > own.authored) {
                    mine.evaluate(check.clone());
                }
            }
        }
        for theirs in &other.work {
            if self.work.iter().find(|w| w.week == theirs.week).is_none_or(|mine| theirs.authored > mine.authored) {
                self.set_work(theirs.week, theirs.work.clone(), &theirs.authored);
            }
        }
        for theirs in &other.milestones {
            match self.milestones.iter_mut().find(|m| m.id == theirs.id) {
                None => self.milestones.push(theirs.clone()),
                Some(mine) if theirs.authored > mine.authored => mine.clone_from(theirs),
                Some(_) => {}
            }
        }
    }

    /// The work recorded for `week`.
    pub fn work_for(&self, week: IsoWeek) -> Option<&Work> {
        self.work.iter().find(|w| w.week == week).map(|w| &w.work)
    }

    /// Records the work of `week`, replacing what was recorded; an empty record removes it.
    pub fn set_work(&mut self, week: IsoWeek, work: Work, authored: &str) {
        self.work.retain(|w| w.week != week);
        if !work.is_empty() {
            let at = self.work.partition_point(|w| w.week < week);
            self.work.insert(at, WorkWeek { week, work, authored: authored.to_owned() });
        }
    }

    /// The goals open in `week`: set in or before it, and not closed before it.
    pub fn open_goals(&self, week: IsoWeek) -> impl Iterator<Item = &Goal> {
        self.goals.iter().filter(move |g| g.set <= week && g.closed.as_ref().is_none_or(|c| c.week > week))
    }

    /// Milestones in date order, each with its week.
    pub fn milestones_by_week(&self) -> Vec<(IsoWeek, &Milestone)> {
        let mut out: Vec<(IsoWeek, &Milestone)> =
            self.milestones.iter().filter_map(|m| m.week().map(|week| (week, m))).collect();
        out.sort_by(|a, b| a.1.date.cmp(&b.1.date));
        out
    }

    /// Adds a response, or replaces the one with the same id.
    pub fn upsert(&mut self, response: Response) {
        match self.responses.iter_mut().find(|r| r.id == response.id) {
            Some(existing) => *existing = response,
            None => self.responses.push(response),
        }
    }

    /// The response to `instrument_id` in `week`, if any (the latest authored, should a
    /// merge ever have left two).
    pub fn response_for(&self, week: IsoWeek, instrument_id: &str) -> Option<&Response> {
        self.responses
            .iter()
            .filter(|r| r.week == week && r.instrument == instrument_id)
            .max_by(|a, b| a.authored.cmp(&b.authored))
    }

    /// Whether anything has been saved for `week`.
    pub fn has_week(&self, week: IsoWeek) -> bool {
        self.responses.iter().any(|r| r.week == week)
    }

    /// The week's note, if one was written (it is kept on the week's first response).
    pub fn note_for(&self, week: IsoWeek) -> Option<String> {
        instrument_ids()
            .into_iter()
            .filter_map(|id| self.response_for(week, id))
            .find_map(|r| r.note.clone().filter(|n| !n.trim().is_empty()))
    }

    /// The first and the last week with anything recorded: a response, a week's work, a
    /// goal set or answered, a milestone.
    pub fn span(&self) -> Option<(IsoWeek, IsoWeek)> {
        let weeks = self
            .responses
            .iter()
            .map(|r| r.week)
            .chain(self.work.iter().map(|w| w.week))
            .chain(self.goals.iter().flat_map(|g| std::iter::once(g.set).chain(g.checks.iter().map(|c| c.week))))
            .chain(self.milestones.iter().filter_map(Milestone::week));
        weeks.fold(None, |span, week| match span {
            None => Some((week, week)),
            Some((first, last)) => Some((first.min(week), last.max(week))),
        })
    }

    /// Every week with responses, newest first.
    pub fn weeks(&self) -> Vec<WeekSummary> {
        let mut weeks: Vec<IsoWeek> = self.responses.iter().map(|r| r.week).collect();
        weeks.sort_unstable_by(|a, b| b.cmp(a));
        weeks.dedup();
        weeks.into_iter().map(|week| self.summary(week)).collect()
    }

    fn summary(&self, week: IsoWeek) -> WeekSummary {
        let mut entries = Vec::new();
        let mut note = None;
        for id in instrument_ids() {
            let Some(response) = self.response_for(week, id) else { continue };
            if note.is_none() {
                note = response.note.clone().filter(|n| !n.trim().is_empty());
            }
            let Ok(instrument) = instrument::find(&response.instrument, &response.version) else {
                continue;
            };
            let answers = profile(response)
                .into_iter()
                .filter_map(|(link_id, value)| instrument.item(link_id).map(|item| (item, value)))
                .collect();
            entries.push(Entry { instrument, status: response.status, who5: who5_score(response), answers });
        }
        WeekSummary { week, entries, note }
    }
}

/// How old the citizen's last saved copy of everything is, when the start page should
/// remind them to save one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupAge {
    /// No copy saved yet.
    Never,
    /// The last copy was saved this many whole weeks ago.
    Weeks(i64),
}

/// After how many weeks without a saved copy the start page reminds the citizen.
pub const BACKUP_WEEKS: i64 = 4;

impl History {
    /// The reminder the start page shows, if any: [`BACKUP_WEEKS`] weeks after the last
    /// copy, or, when there has never been one, once something was recorded two weeks or
    /// more before `today`. Nothing for an empty history: there is nothing to lose.
    pub fn backup_reminder(&self, today: time::Date, last: Option<time::Date>) -> Option<BackupAge> {
        let (first, _) = self.span()?;
        match last {
            Some(last) => {
                let weeks = (today - last).whole_weeks();
                (weeks >= BACKUP_WEEKS).then_some(BackupAge::Weeks(weeks))
            }
            None => ((today - first.monday()).whole_weeks() >= 2).then_some(BackupAge::Never),
        }
    }
}

/// Instrument ids in catalogue order, each once.
pub fn instrument_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Vec::new();
    for instrument in &CATALOGUE {
        if !ids.contains(&instrument.id) {
            ids.push(instrument.id);
        }
    }
    ids
}
