//! The shared-phone settings: how long the app may sit unused before it locks itself,
//! and the day the citizen's programme ends, after which the app offers a last copy of
//! the answers and then deletes everything. Pure: today and the time are parameters.

use time::Date;

use crate::domain::progression::{format_date, parse_date};
use crate::formats::json::{self, Value};
use crate::formats::stored::DecodeError;

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

pub fn encode_safety(safety: &Safety) -> String {
    let mut out = String::from("{\"version\":1");
    json::key(&mut out, "autoLock");
    json::number(&mut out, safety.auto_lock.into());
    if let Some(end) = &safety.end {
        json::key(&mut out, "end");
        json::string(&mut out, end);
    }
    out.push('}');
    out
}

pub fn decode_safety(text: &str) -> Result<Safety, DecodeError> {
    let value = json::parse(text).ok_or_else(|| DecodeError::Invalid("shared-phone settings: not JSON".into()))?;
    // A newer version may have fields this one does not know: look at the version first.
    if let Value::Obj(fields) = &value {
        if let Some((_, Value::Num(Some(found)))) = fields.iter().find(|(k, _)| k == "version") {
            if *found > SAFETY_VERSION {
                return Err(DecodeError::TooNew { found: *found });
            }
        }
    }
    let mut safety = Safety::default();
    value
        .fields("shared-phone settings", &["version", "autoLock", "end"], 0b1, |index, value: Value| {
            match index {
                0 => match value.whole("version", u64::MAX)? {
                    SAFETY_VERSION => {}
                    n => return Err(format!("version {n}")),
                },
                1 => {
                    let minutes = value.whole("autoLock", 1440)? as u32;
                    if !AUTO_LOCK_CHOICES.contains(&minutes) {
                        return Err(format!("autoLock: {minutes} is not a choice"));
                    }
                    safety.auto_lock = minutes;
                }
                _ => {
                    let day = value.string("end")?;
                    if parse_date(&day).is_none() {
                        return Err(format!("end: not a date: {day:?}"));
                    }
                    safety.end = Some(day);
                }
            }
            Ok(())
        })
        .map_err(DecodeError::Invalid)?;
    Ok(safety)
}
