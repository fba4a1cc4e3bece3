//! The shared-phone settings: how long the app may sit unused before it locks itself,
//! and the day the citizen's programme ends, after which the app offers a last copy of
//! the answers and then deletes everything. Pure: today and the time are parameters.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::domain::progression::{format_date, parse_date};
use crate::formats::json;
use crate::formats::stored::{versioned, DecodeError};

/// The format version of the stored value.
pub const SAFETY_VERSION: u64 = 1;
/// The idle times the citizen can choose, in minutes.
pub const AUTO_LOCK_CHOICES: [u32; 5] = [1, 2, 5, 10, 30];
/// The idle time until the lock, once a passphrase is set and nothing else was chosen.
pub const DEFAULT_AUTO_LOCK: u32 = 5;
/// How long after the end of the programme the app waits for the citizen to save a copy
/// before it deletes everything by itself.
pub const GRACE_DAYS: i64 = 30;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Safety {
    /// Minutes without a tap or a key before the app locks (with a passphrase set).
    pub auto_lock: u32,
    /// The last day of the programme (`YYYY-MM-DD`).
    pub end: Option<String>,
}

impl Default for Safety {
    fn default() -> Safety {
        Safety { auto_lock: DEFAULT_AUTO_LOCK, end: None }
    }
}

/// Where the programme stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// No end set, or the end is still ahead.
    Running,
    /// The programme has ended: offer a copy; everything is deleted after `wipe_on`.
    Ended { wipe_on: Date },
    /// The grace period is over: delete everything now.
    Wipe,
}

impl Safety {
    /// Where the programme stands on `today`.
    pub fn ending(&self, today: Date) -> Ending {
        let Some(end) = self.end.as_deref().and_then(parse_date) else { return Ending::Running };
        if today <= end {
            return Ending::Running;
        }
        let wipe_on = end.checked_add(time::Duration::days(GRACE_DAYS)).unwrap_or(Date::MAX);
        if today > wipe_on {
            Ending::Wipe
        } else {
            Ending::Ended { wipe_on }
        }
    }

    /// Whether the app has sat unused for its auto-lock time: `idle_millis` since the last
    /// tap or key.
    pub fn idle_too_long(&self, idle_millis: f64) -> bool {
        idle_millis >= f64::from(self.auto_lock) * 60_000.0
    }
}

/// Reads an end date typed in the settings form: empty clears it; a date is
/// `YYYY-MM-DD` (what a date field gives) and not before `today`.
pub fn parse_end(text: &str, today: Date) -> Result<Option<String>, EndError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let date = parse_date(text).ok_or(EndError::NotADate)?;
    if date < today {
        return Err(EndError::Past);
    }
    Ok(Some(format_date(date)))
}

/// Why an end date is not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndError {
    NotADate,
    Past,
}

/// Reads an auto-lock choice from the form: one of [`AUTO_LOCK_CHOICES`].
pub fn parse_auto_lock(text: &str) -> Option<u32> {
    text.trim().parse().ok().filter(|n| AUTO_LOCK_CHOICES.contains(n))
}

/// The stored shared-phone settings: `{"version":1,"autoLock":5,"end":"2027-06-30"}`.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct StoredSafety {
    version: u64,
    #[serde(default = "default_auto_lock")]
    auto_lock: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end: Option<String>,
}

fn default_auto_lock() -> u32 {
    DEFAULT_AUTO_LOCK
}

pub fn encode_safety(safety: &Safety) -> String {
    json::to_string(&StoredSafety { version: SAFETY_VERSION, auto_lock: safety.auto_lock, end: safety.end.clone() })
}

pub fn decode_safety(text: &str) -> Result<Safety, DecodeError> {
    let invalid = |what: String| DecodeError::Invalid(format!("shared-phone settings: {what}"));
    let (version, stored): (_, StoredSafety) = match versioned(text, "shared-phone settings", SAFETY_VERSION) {
        Err(DecodeError::NotJson | DecodeError::NoVersion) => return Err(invalid("not JSON with a version".into())),
        other => other?,
    };
    if version != SAFETY_VERSION {
        return Err(invalid(format!("version {version}")));
    }
    if !AUTO_LOCK_CHOICES.contains(&stored.auto_lock) {
        return Err(invalid(format!("autoLock: {} is not a choice", stored.auto_lock)));
    }
    if let Some(day) = stored.end.as_deref().filter(|day| parse_date(day).is_none()) {
        return Err(invalid(format!("end: not a date: {day:?}")));
    }
    Ok(Safety { auto_lock: stored.auto_lock, end: stored.end })
}
