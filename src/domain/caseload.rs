//! The consultant's caseload: one row per citizen whose export file the consultant added,
//! with what a consultant looks at first (when they last answered, how often lately, their
//! WHO-5 and its change, hours and goals) and a neutral "talk about it" mark; sorting,
//! filtering, and whether a file added later is a newer file of a citizen already there.
//! Pure: this week is a parameter; storing the caseload is `platform`'s, drawing it
//! `session::caseload`'s.

use std::cmp::Ordering;

use crate::domain::history::History;
use crate::domain::instrument::WHO5_ID;
use crate::domain::progression::Outcome;
use crate::domain::report::{band, series, MEANINGFUL};
use crate::domain::week::IsoWeek;

/// The weeks "answered lately" counts: this week and the seven before it.
pub const RECENT_WEEKS: i32 = 8;
/// A WHO-5 at or below this is a reason to talk (the band of likely depression, WHO's
/// own cut-off for a further assessment).
pub const TALK_AT_OR_BELOW: u8 = 28;

/// A week's hours, in minutes: planned and worked (either may be missing).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Hours {
    pub planned: Option<u32>,
    pub worked: Option<u32>,
}

/// One citizen's row in the caseload.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Row {
    /// Where the caseload keeps the citizen (a random id: never the nickname).
    pub id: String,
    /// The nickname or case number the file was saved with (empty for none).
    pub label: String,
    /// The label as it is sorted and searched: in lower case, made by the caller with
    /// [`Row::keyed`] (the page lower-cases with the browser's own Unicode rules; until
    /// then, the label as it is).
    pub key: String,
    /// The last week with any answer.
    pub last_week: Option<IsoWeek>,
    /// Of this week and the seven before it, how many have an answer.
    pub recent: u8,
    /// The latest WHO-5 (0–100).
    pub who5: Option<u8>,
    /// The latest WHO-5 less the first, once there are two weeks with one.
    pub who5_change: Option<i32>,
    /// The latest WHO-5's band: 0 (≤ 28), 1 (29–49), 2 (≥ 50).
    pub band: Option<usize>,
    /// The first and latest week with hours.
    pub hours_first: Option<Hours>,
    pub hours_latest: Option<Hours>,
    pub goals_open: u32,
    pub goals_reached: u32,
    /// Something to talk about: WHO-5 at or below 28, or fallen by 10 or more.
    pub talk: bool,
}

impl Row {
    /// The row, sorted and searched by `key` (its label in lower case).
    pub fn keyed(self, key: String) -> Row {
        Row { key, ..self }
    }

    /// The row of `history` (saved as `label`, kept under `id`) in the week `now`.
    pub fn new(id: &str, label: &str, history: &History, now: IsoWeek) -> Row {
        let who5 = history.span().map_or_else(Vec::new, |(first, last)| series(history, WHO5_ID, first, last));
        let latest = who5.last().map(|(_, value)| *value as u8);
        let who5_change = match (who5.first(), who5.last()) {
            (Some(first), Some(last)) if first.0 != last.0 => Some(last.1 as i32 - first.1 as i32),
            _ => None,
        };
        let mut weeks: Vec<IsoWeek> = history.responses.iter().map(|r| r.week).collect();
        weeks.extend(history.work.iter().map(|w| w.week));
        weeks.sort_unstable();
        weeks.dedup();
        let since = now.plus(1 - RECENT_WEEKS);
        let recent = weeks.iter().filter(|w| since.is_some_and(|s| **w >= s) && **w <= now).count() as u8;
        let hours: Vec<(IsoWeek, Hours)> = history
            .work
            .iter()
            .filter(|w| w.work.planned_minutes.is_some() || w.work.worked_minutes.is_some())
            .map(|w| (w.week, Hours { planned: w.work.planned_minutes, worked: w.work.worked_minutes }))
            .collect();
        let first_hours = hours.iter().min_by_key(|h| h.0).map(|h| h.1);
        let latest_hours = hours.iter().max_by_key(|h| h.0).map(|h| h.1);
        let reached =
            history.goals.iter().filter(|g| g.closed.as_ref().is_some_and(|c| c.outcome == Outcome::Reached)).count();
        Row {
            id: id.to_owned(),
            label: label.to_owned(),
            key: label.to_owned(),
            last_week: history.responses.iter().map(|r| r.week).max(),
            recent,
            who5: latest,
            who5_change,
            band: latest.map(band),
            hours_first: first_hours,
            hours_latest: latest_hours,
            goals_open: history.goals.iter().filter(|g| g.is_open()).count() as u32,
            goals_reached: reached as u32,
            talk: latest.is_some_and(|w| w <= TALK_AT_OR_BELOW) || who5_change.is_some_and(|c| c <= -MEANINGFUL),
        }
    }
}

/// `a` against `b` as people order names and case numbers: runs of digits by their value
/// ("Sag 2" before "Sag 10"), everything else letter by letter.
fn natural(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (a.peek().copied(), b.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let run = |chars: &mut std::iter::Peekable<std::str::Chars>| {
                    let mut digits = String::new();
                    while let Some(d) = chars.next_if(char::is_ascii_digit) {
                        digits.push(d);
                    }
                    let value = digits.trim_start_matches('0');
                    (value.len(), value.to_owned())
                };
                let order = run(&mut a).cmp(&run(&mut b));
                if order != Ordering::Equal {
                    return order;
                }
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(&y);
                }
                a.next();
                b.next();
            }
        }
    }
}

/// A column of the caseload, by which it can be sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Label,
    LastWeek,
    Recent,
    Who5,
    Change,
    Band,
    /// By the latest week's hours worked.
    Hours,
    /// By goals open (then reached).
    Goals,
    Talk,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::Label,
        Column::LastWeek,
        Column::Recent,
        Column::Who5,
        Column::Change,
        Column::Band,
        Column::Hours,
        Column::Goals,
        Column::Talk,
    ];

    /// `a` against `b` by this column, ascending; rows without a value after every row
    /// with one, whichever the direction (see [`sort`]).
    fn compare(self, a: &Row, b: &Row) -> Option<Ordering> {
        fn some<T: Ord>(a: Option<T>, b: Option<T>) -> Option<Ordering> {
            Some(a?.cmp(&b?))
        }
        match self {
            Column::Label => Some(natural(&a.key, &b.key)),
            Column::LastWeek => some(a.last_week, b.last_week),
            Column::Recent => Some(a.recent.cmp(&b.recent)),
            Column::Who5 => some(a.who5, b.who5),
            Column::Change => some(a.who5_change, b.who5_change),
            Column::Band => some(a.band, b.band),
            Column::Hours => some(a.hours_latest.and_then(|h| h.worked), b.hours_latest.and_then(|h| h.worked)),
            Column::Goals => Some((a.goals_open, a.goals_reached).cmp(&(b.goals_open, b.goals_reached))),
            Column::Talk => Some(a.talk.cmp(&b.talk)),
        }
    }

    fn has_value(self, row: &Row) -> bool {
        match self {
            Column::LastWeek => row.last_week.is_some(),
            Column::Who5 => row.who5.is_some(),
            Column::Change => row.who5_change.is_some(),
            Column::Band => row.band.is_some(),
            Column::Hours => row.hours_latest.and_then(|h| h.worked).is_some(),
            _ => true,
        }
    }
}

/// Sorts `rows` by `column` (`ascending` or not); rows without a value last either way,
/// and rows equal by the column in the order of their nickname.
pub fn sort(rows: &mut [Row], column: Column, ascending: bool) {
    rows.sort_by(|a, b| {
        let by_value = match (column.has_value(a), column.has_value(b)) {
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            (false, false) => Ordering::Equal,
            (true, true) => {
                let order = column.compare(a, b).unwrap_or(Ordering::Equal);
                if ascending {
                    order
                } else {
                    order.reverse()
                }
            }
        };
        by_value.then_with(|| Column::Label.compare(a, b).unwrap_or(Ordering::Equal)).then_with(|| a.id.cmp(&b.id))
    });
}

/// Which rows the caseload shows: every condition set must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Part of the nickname or case number, in lower case (see [`Row::key`]).
    pub text: String,
    /// Only this WHO-5 band (0, 1, 2).
    pub band: Option<usize>,
    /// Only rows marked "talk about it".
    pub talk: bool,
    /// Only rows answered in at most this many of the last eight weeks (0: none).
    pub recent_at_most: Option<u8>,
    /// Only rows with an open goal.
    pub goals_open: bool,
}

impl Filter {
    pub fn keeps(&self, row: &Row) -> bool {
        let text = self.text.trim();
        (text.is_empty() || row.key.contains(text))
            && self.band.is_none_or(|band| row.band == Some(band))
            && (!self.talk || row.talk)
            && self.recent_at_most.is_none_or(|most| row.recent <= most)
            && (!self.goals_open || row.goals_open > 0)
    }
}

/// Whether a file (saved as `label`, holding `history`) is a newer file of the citizen
/// whose row is `existing_label` with `existing`: the same nickname or case number (both
/// given in lower case, see [`Row::key`]; spaces around ignored) and at least one answer of
/// the same id. The same nickname with no answer in common is another citizen who chose
/// the same one.
pub fn same_citizen(existing_label: &str, existing: &History, label: &str, history: &History) -> bool {
    let same_label = existing_label.trim() == label.trim();
    same_label && history.responses.iter().any(|r| existing.responses.iter().any(|e| e.id == r.id))
}

/// What a newer file of a citizen would change in their row: shown before it does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Update {
    /// Weeks with answers the file has and the caseload has not.
    pub new_weeks: usize,
    /// Weeks with answers the caseload has and the file has not (the citizen deleted
    /// them, or the file is older).
    pub missing_weeks: usize,
    /// Answers in both whose content differs.
    pub changed: usize,
    /// Goals, weeks' work or milestones differ.
    pub progression: bool,
    /// The file's last week with an answer is before the caseload's.
    pub older: bool,
}

/// When each goal (and each of its weekly checks), week's work and milestone was last
/// given, by id: every edit sets its `authored`. (Not the derived equality of the parts:
/// comparing them here as well would take it out of the first load's inlined code.)
fn stamps(history: &History) -> Vec<&str> {
    let mut stamps = Vec::new();
    for goal in &history.goals {
        stamps.extend([goal.id.as_str(), goal.authored.as_str()]);
        stamps.extend(goal.checks.iter().map(|c| c.authored.as_str()));
    }
    stamps.extend(history.work.iter().map(|w| w.authored.as_str()));
    for milestone in &history.milestones {
        stamps.extend([milestone.id.as_str(), milestone.authored.as_str()]);
    }
    stamps
}

impl Update {
    pub fn between(kept: &History, file: &History) -> Update {
        let weeks = |h: &History| {
            let mut weeks: Vec<IsoWeek> = h.responses.iter().map(|r| r.week).collect();
            weeks.sort_unstable();
            weeks.dedup();
            weeks
        };
        let (old, new) = (weeks(kept), weeks(file));
        let changed = file.responses.iter().filter(|r| kept.responses.iter().any(|k| k.id == r.id && k != *r)).count();
        Update {
            new_weeks: new.iter().filter(|w| !old.contains(w)).count(),
            missing_weeks: old.iter().filter(|w| !new.contains(w)).count(),
            changed,
            progression: stamps(kept) != stamps(file),
            older: new.last() < old.last(),
        }
    }

    /// Whether the file changes anything at all.
    pub fn changes(&self) -> bool {
        self.new_weeks + self.missing_weeks + self.changed > 0 || self.progression
    }
}

/// One citizen in the caseload: the nickname or case number their file was saved with,
/// their history and others' readings of them, as the file had them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Case {
    pub label: String,
    pub history: History,
    pub readings: crate::domain::rater::Readings,
}
