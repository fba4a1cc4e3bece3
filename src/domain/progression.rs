//! The concrete progression the providers follow beside the instruments: SMART sub-goals
//! evaluated every week, the week's work (hours planned and worked, days attended), and
//! dated milestones (a placement starts, hours change, a new mentor).
//!
//! Whole numbers only, in storage and in the export: hours are kept in minutes, so that
//! 7½ hours is exactly 450 and the page needs no floating-point parsing.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::week::{date, IsoWeek};

/// The answer to "Did you keep to it this week?".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Kept {
    Yes,
    Partly,
    No,
}

impl Kept {
    pub const ALL: [Kept; 3] = [Kept::Yes, Kept::Partly, Kept::No];

    pub fn code(self) -> &'static str {
        match self {
            Kept::Yes => "yes",
            Kept::Partly => "partly",
            Kept::No => "no",
        }
    }

    pub fn parse(code: &str) -> Option<Kept> {
        Kept::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// How a goal was closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Reached: the goal is met.
    Reached,
    /// Changed: replaced by a new goal (which names this one in `replaces`).
    Changed,
    /// Dropped: no longer pursued.
    Dropped,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Reached, Outcome::Changed, Outcome::Dropped];

    pub fn code(self) -> &'static str {
        match self {
            Outcome::Reached => "reached",
            Outcome::Changed => "changed",
            Outcome::Dropped => "dropped",
        }
    }

    pub fn parse(code: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.code() == code)
    }
}

/// One week's evaluation of a goal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GoalCheck {
    pub week: IsoWeek,
    pub kept: Kept,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When it was answered, RFC 3339 in UTC.
    pub authored: String,
}

/// When and how a goal was closed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Closed {
    pub week: IsoWeek,
    pub outcome: Outcome,
}

/// A SMART sub-goal in plain words, with its weekly evaluations. Closed goals are kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Goal {
    /// A UUID; goals merge by it.
    pub id: String,
    /// What, specifically ("take on only one task at a time").
    pub what: String,
    /// How we will know it is reached.
    pub measure: String,
    /// By when, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The week it was set.
    pub set: IsoWeek,
    /// When it was last changed, RFC 3339 in UTC.
    pub authored: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Closed>,
    /// The id of the goal this one changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<String>,
    /// One per week at most, oldest first.
    #[serde(default)]
    pub checks: Vec<GoalCheck>,
}

/// Why a part of the progression is not valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgressError {
    EmptyId,
    /// A goal without the words of what it is.
    EmptyGoal,
    /// Not a real calendar date like 2026-12-31.
    BadDate(String),
    /// A goal evaluated twice in one week.
    CheckedTwice(IsoWeek),
    /// More than a week holds (minutes, or days).
    TooMany {
        field: &'static str,
        value: u32,
        max: u32,
    },
    /// More days attended than planned.
    AttendedAbovePlanned,
    /// A second record for a week that has one.
    WeekTwice(IsoWeek),
    /// A milestone of kind "other" without words.
    EmptyMilestone,
    /// An id that appears twice.
    IdTwice(String),
}

impl fmt::Display for ProgressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProgressError::EmptyId => write!(f, "no id"),
            ProgressError::EmptyGoal => write!(f, "the goal says nothing"),
            ProgressError::BadDate(text) => write!(f, "{text:?} is not a date like 2026-12-31"),
            ProgressError::CheckedTwice(week) => write!(f, "evaluated twice in {week}"),
            ProgressError::TooMany { field, value, max } => write!(f, "{field}: {value} is above {max}"),
            ProgressError::AttendedAbovePlanned => write!(f, "more days attended than planned"),
            ProgressError::WeekTwice(week) => write!(f, "{week} appears twice"),
            ProgressError::EmptyMilestone => write!(f, "the milestone says nothing"),
            ProgressError::IdTwice(id) => write!(f, "id {id:?} appears twice"),
        }
    }
}

impl std::error::Error for ProgressError {}

/// Writes a date as `YYYY-MM-DD`.
pub fn format_date(date: time::Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
}

/// Reads `YYYY-MM-DD` as a calendar date.
pub fn parse_date(text: &str) -> Option<time::Date> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = &text[range];
        part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse().ok())?
    };
    date(number(0..4)? as i32, number(5..7)? as u8, number(8..10)? as u8)
}

impl Goal {
    pub fn is_open(&self) -> bool {
        self.closed.is_none()
    }

    /// The evaluation of `week`, if given.
    pub fn check_for(&self, week: IsoWeek) -> Option<&GoalCheck> {
        self.checks.iter().find(|c| c.week == week)
    }

    /// Records this week's answer, replacing an earlier answer for the same week.
    pub fn evaluate(&mut self, check: GoalCheck) {
        match self.checks.iter_mut().find(|c| c.week == check.week) {
            Some(existing) => *existing = check,
            None => {
                let at = self.checks.partition_point(|c| c.week < check.week);
                self.checks.insert(at, check);
            }
        }
    }

    /// Closes the goal; a closed goal is not asked about any more.
    pub fn close(&mut self, week: IsoWeek, outcome: Outcome, authored: &str) {
        self.closed = Some(Closed { week, outcome });
        self.authored = authored.to_owned();
    }

    pub fn validate(&self) -> Result<(), ProgressError> {
        if self.id.trim().is_empty() {
            return Err(ProgressError::EmptyId);
        }
        if self.what.trim().is_empty() {
            return Err(ProgressError::EmptyGoal);
        }
        if let Some(by) = &self.by {
            parse_date(by).ok_or_else(|| ProgressError::BadDate(by.chars().take(20).collect()))?;
        }
        for (index, check) in self.checks.iter().enumerate() {
            if self.checks[..index].iter().any(|c| c.week == check.week) {
                return Err(ProgressError::CheckedTwice(check.week));
            }
        }
        Ok(())
    }
}

/// Why the citizen was away, if they want to say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Absence {
    Ill,
    Other,
    RatherNotSay,
}

impl Absence {
    pub const ALL: [Absence; 3] = [Absence::Ill, Absence::Other, Absence::RatherNotSay];

    pub fn code(self) -> &'static str {
        match self {
            Absence::Ill => "ill",
            Absence::Other => "other",
            Absence::RatherNotSay => "rather-not-say",
        }
    }

    pub fn parse(code: &str) -> Option<Absence> {
        Absence::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// Minutes in a week: no week holds more.
pub const WEEK_MINUTES: u32 = 7 * 24 * 60;

/// One week's work in a placement or job. Every part is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Work {
    /// Hours planned, in minutes (7½ hours is 450).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_minutes: Option<u32>,
    /// Hours worked, in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worked_minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_planned: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_attended: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub absence: Option<Absence>,
}

impl Work {
    pub fn is_empty(&self) -> bool {
        *self == Work::default()
    }

    pub fn validate(&self) -> Result<(), ProgressError> {
        for (field, value) in [("plannedMinutes", self.planned_minutes), ("workedMinutes", self.worked_minutes)] {
            if let Some(value) = value.filter(|&v| v > WEEK_MINUTES) {
                return Err(ProgressError::TooMany { field, value, max: WEEK_MINUTES });
            }
        }
        for (field, value) in [("daysPlanned", self.days_planned), ("daysAttended", self.days_attended)] {
            if let Some(value) = value.filter(|&v| v > 7) {
                return Err(ProgressError::TooMany { field, value: value.into(), max: 7 });
            }
        }
        if let (Some(planned), Some(attended)) = (self.days_planned, self.days_attended) {
            if attended > planned {
                return Err(ProgressError::AttendedAbovePlanned);
            }
        }
        Ok(())
    }

    /// Days attended of days planned, 0–100 %, when both are known and days were planned.
    pub fn attendance_percent(&self) -> Option<u8> {
        let planned = u32::from(self.days_planned.filter(|&p| p > 0)?);
        let attended = u32::from(self.days_attended?).min(planned);
        Some(((attended * 100 + planned / 2) / planned) as u8)
    }
}

/// The work of one week, as stored and exported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WorkWeek {
    pub week: IsoWeek,
    pub work: Work,
    /// When it was last given, RFC 3339 in UTC.
    pub authored: String,
}

/// What kind of event a milestone is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum MilestoneKind {
    PlacementStarted,
    HoursChanged,
    PlacementEnded,
    NewMentor,
    Other,
}

impl MilestoneKind {
    pub const ALL: [MilestoneKind; 5] = [
        MilestoneKind::PlacementStarted,
        MilestoneKind::HoursChanged,
        MilestoneKind::PlacementEnded,
        MilestoneKind::NewMentor,
        MilestoneKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MilestoneKind::PlacementStarted => "placement-started",
            MilestoneKind::HoursChanged => "hours-changed",
            MilestoneKind::PlacementEnded => "placement-ended",
            MilestoneKind::NewMentor => "new-mentor",
            MilestoneKind::Other => "other",
        }
    }

    pub fn parse(code: &str) -> Option<MilestoneKind> {
        MilestoneKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A dated event shown as a labelled marker on every chart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Milestone {
    /// A UUID; milestones merge by it.
    pub id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub kind: MilestoneKind,
    /// Free words (the placement's name, the new hours); required for kind `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// When it was added, RFC 3339 in UTC.
    pub authored: String,
}

impl Milestone {
    /// The week it falls in (`None` only for an invalid date).
    pub fn week(&self) -> Option<IsoWeek> {
        parse_date(&self.date).map(IsoWeek::containing)
    }

    pub fn validate(&self) -> Result<(), ProgressError> {
        if self.id.trim().is_empty() {
            return Err(ProgressError::EmptyId);
        }
        parse_date(&self.date).ok_or_else(|| ProgressError::BadDate(self.date.chars().take(20).collect()))?;
        if self.kind == MilestoneKind::Other && self.text.as_deref().is_none_or(|t| t.trim().is_empty()) {
            return Err(ProgressError::EmptyMilestone);
        }
        Ok(())
    }
}

/// A number as a phone's keyboard may type it, in Latin digits: an Arabic keyboard types
/// Arabic-Indic digits (٠–٩) and the Arabic decimal separator (٫), a Persian one ۰–۹.
pub fn latin_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            '\u{066B}' => '.',
            _ => c,
        })
        .collect()
}

/// Reads hours as a citizen types them: `7`, `7,5`, `7.5`, `7½`, `7:30`, also in
/// Arabic-Indic digits (`٧٫٥`). Whole minutes, at most a week's. `None` for anything else;
/// an empty text is `Some(None)`.
pub fn parse_hours(text: &str) -> Option<Option<u32>> {
    let text = latin_digits(text);
    let text = text.trim();
    if text.is_empty() {
        return Some(None);
    }
    let (whole, minutes) = if let Some(whole) = text.strip_suffix('½') {
        (whole.trim(), 30)
    } else if let Some((whole, minutes)) = text.split_once(':') {
        let minutes = digits(minutes).filter(|&m| m < 60 && minutes.len() == 2)?;
        (whole, minutes)
    } else if let Some((whole, fraction)) = text.split_once([',', '.']) {
        if fraction.is_empty() || fraction.len() > 2 {
            return None;
        }
        let hundredths = digits(fraction)? * if fraction.len() == 1 { 10 } else { 1 };
        (whole, (hundredths * 60 + 50) / 100)
    } else {
        (text, 0)
    };
    let whole = if whole.is_empty() { 0 } else { digits(whole)? };
    let total = whole.checked_mul(60)?.checked_add(minutes)?;
    (total <= WEEK_MINUTES).then_some(Some(total))
}

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 6 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Minutes as hours with a decimal `separator` and at most two decimals: 450 → `7,5`.
pub fn format_hours(minutes: u32, separator: char) -> String {
    let hundredths = (minutes * 100 + 30) / 60;
    let (whole, fraction) = (hundredths / 100, hundredths % 100);
    match fraction {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}{separator}{}", f / 10),
        f => format!("{whole}{separator}{f:02}"),
    }
}
