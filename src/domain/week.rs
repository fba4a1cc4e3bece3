//! ISO 8601 weeks: what Danes call "uge 47". Weeks start on Monday; week 1 is the week
//! with the year's first Thursday, so a few days around New Year belong to the
//! neighbouring year's week.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::{Date, Month, Weekday};

/// One ISO week, such as `2026-W47`. Ordered in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IsoWeek {
    year: i32,
    week: u8,
}

/// Why a text is not an ISO week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WeekError {
    /// Not of the form `2026-W47`.
    Malformed(String),
    /// Well formed, but that year has no such week (week 0, or week 53 of a 52-week year).
    NoSuchWeek { year: i32, week: u8 },
}

impl fmt::Display for WeekError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WeekError::Malformed(text) => write!(f, "{text:?} is not an ISO week like 2026-W47"),
            WeekError::NoSuchWeek { year, week } => write!(f, "{year} has no week {week}"),
        }
    }
}

impl std::error::Error for WeekError {}

/// The years Ugeblik shows: a week or date outside them in a file is refused, so that a
/// file cannot ask the charts to draw hundreds of thousands of weeks.
pub const FIRST_YEAR: i32 = 2000;
pub const LAST_YEAR: i32 = 2099;

impl IsoWeek {
    /// Whether the week lies in the years Ugeblik shows ([`FIRST_YEAR`]–[`LAST_YEAR`]).
    pub fn in_range(self) -> bool {
        (FIRST_YEAR..=LAST_YEAR).contains(&self.year)
    }

    /// A placeholder for a value being read, always replaced before use.
    pub const FIRST: IsoWeek = IsoWeek { year: 1, week: 1 };

    /// The week `week` of ISO year `year`, if that year has it, Monday to Sunday (the last
    /// week of year 9999 ends in a year no date reaches: it is no week here).
    pub fn new(year: i32, week: u8) -> Result<IsoWeek, WeekError> {
        Date::from_iso_week_date(year, week, Weekday::Sunday)
            .map(|_| IsoWeek { year, week })
            .map_err(|_| WeekError::NoSuchWeek { year, week })
    }

    /// The first week of [`FIRST_YEAR`] and the last of [`LAST_YEAR`].
    pub fn range() -> (IsoWeek, IsoWeek) {
        // 28 December is always in its year's last week.
        let last = date(LAST_YEAR, 12, 28).map_or(IsoWeek { year: LAST_YEAR, week: 52 }, IsoWeek::containing);
        (IsoWeek { year: FIRST_YEAR, week: 1 }, last)
    }

    /// The week that contains `date`.
    pub fn containing(date: Date) -> IsoWeek {
        let (year, week, _) = date.to_iso_week_date();
        IsoWeek { year, week }
    }

    /// The ISO year, which differs from the calendar year for a few days around New Year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The week number, 1 to 53.
    pub fn week(self) -> u8 {
        self.week
    }

    /// The week's Monday.
    pub fn monday(self) -> Date {
        // The constructor checked that this week exists, so this cannot fail. Not `expect`:
        // it would format the error with its `Debug`, code the first load would carry.
        Date::from_iso_week_date(self.year, self.week, Weekday::Monday)
            .unwrap_or_else(|_| unreachable!("checked in new"))
    }

    /// A running number of the week: consecutive weeks have consecutive numbers, across
    /// years with 52 and 53 weeks alike.
    pub fn ordinal(self) -> i32 {
        // Julian day 0 is a Monday, so a Monday's Julian day is a multiple of 7.
        self.monday().to_julian_day().div_euclid(7)
    }

    /// The week with the running number `ordinal`, if it lies in the years `time` supports.
    pub fn from_ordinal(ordinal: i32) -> Option<IsoWeek> {
        Date::from_julian_day(ordinal.checked_mul(7)?).ok().map(IsoWeek::containing)
    }

    /// The week `n` weeks later (earlier for negative `n`), if it exists.
    pub fn plus(self, n: i32) -> Option<IsoWeek> {
        IsoWeek::from_ordinal(self.ordinal().checked_add(n)?)
    }

    /// The week's Sunday.
    pub fn sunday(self) -> Date {
        Date::from_iso_week_date(self.year, self.week, Weekday::Sunday)
            .unwrap_or_else(|_| unreachable!("checked in new"))
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

impl FromStr for IsoWeek {
    type Err = WeekError;

    fn from_str(text: &str) -> Result<IsoWeek, WeekError> {
        let malformed = || WeekError::Malformed(text.chars().take(40).collect());
        let (year, week) = text.split_once("-W").ok_or_else(malformed)?;
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if year.len() != 4 || week.len() != 2 || !digits(year) || !digits(week) {
            return Err(malformed());
        }
        let year = year.parse().map_err(|_| malformed())?;
        let week = week.parse().map_err(|_| malformed())?;
        IsoWeek::new(year, week)
    }
}

impl TryFrom<String> for IsoWeek {
    type Error = WeekError;

    fn try_from(text: String) -> Result<IsoWeek, WeekError> {
        text.parse()
    }
}

impl From<IsoWeek> for String {
    fn from(week: IsoWeek) -> String {
        week.to_string()
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for IsoWeek {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "IsoWeek".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$",
            "description": "An ISO 8601 week, such as 2026-W47 (\"uge 47\")."
        })
    }
}

/// A calendar date from its parts, for callers that read the clock (the UI) and for tests.
pub fn date(year: i32, month: u8, day: u8) -> Option<Date> {
    let month = Month::try_from(month).ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(y: i32, m: u8, d: u8, expected: &str) {
        let day = date(y, m, d).unwrap();
        assert_eq!(IsoWeek::containing(day).to_string(), expected, "{y}-{m}-{d}");
    }

    #[test]
    fn weeks_at_the_edges_of_years() {
        check(2026, 12, 31, "2026-W53");
        check(2027, 1, 3, "2026-W53");
        check(2027, 1, 4, "2027-W01");
        check(2025, 12, 29, "2026-W01");
        check(2025, 12, 28, "2025-W52");
        check(2026, 11, 22, "2026-W47");
        check(2026, 11, 16, "2026-W47");
        check(2024, 12, 30, "2025-W01");
        check(2021, 1, 3, "2020-W53");
    }

    #[test]
    fn monday_and_sunday_of_a_week() {
        let week: IsoWeek = "2026-W53".parse().unwrap();
        assert_eq!(week.monday(), date(2026, 12, 28).unwrap());
        assert_eq!(week.sunday(), date(2027, 1, 3).unwrap());
        let week: IsoWeek = "2026-W01".parse().unwrap();
        assert_eq!(week.monday(), date(2025, 12, 29).unwrap());
    }

    #[test]
    fn consecutive_weeks_have_consecutive_ordinals_across_years() {
        let w53: IsoWeek = "2026-W53".parse().unwrap();
        assert_eq!(w53.plus(1).unwrap().to_string(), "2027-W01");
        assert_eq!(w53.plus(-52).unwrap().to_string(), "2026-W01");
        let w1: IsoWeek = "2025-W01".parse().unwrap();
        assert_eq!(w1.plus(-1).unwrap().to_string(), "2024-W52");
        assert_eq!(w1.plus(52 * 10).unwrap().ordinal() - w1.ordinal(), 520);
        assert_eq!(IsoWeek::from_ordinal(w53.ordinal()), Some(w53));
        assert_eq!(IsoWeek::from_ordinal(i32::MAX), None);
    }

    #[test]
    fn parsing_rejects_what_is_not_a_week() {
        for bad in ["", "2026", "2026-47", "2026-W4", "2026-W470", "26-W47", "2026-Wxx", "+026-W47"] {
            assert!(matches!(bad.parse::<IsoWeek>(), Err(WeekError::Malformed(_))), "{bad:?}");
        }
        assert_eq!("2025-W53".parse::<IsoWeek>(), Err(WeekError::NoSuchWeek { year: 2025, week: 53 }));
        assert_eq!("2026-W00".parse::<IsoWeek>(), Err(WeekError::NoSuchWeek { year: 2026, week: 0 }));
    }

    #[test]
    fn weeks_order_in_time_and_round_trip_through_json() {
        let a: IsoWeek = "2026-W53".parse().unwrap();
        let b: IsoWeek = "2027-W01".parse().unwrap();
        assert!(a < b);
        let json = serde_json::to_string(&b).unwrap();
        assert_eq!(json, "\"2027-W01\"");
        assert_eq!(serde_json::from_str::<IsoWeek>(&json).unwrap(), b);
        assert!(serde_json::from_str::<IsoWeek>("\"2027-W99\"").is_err());
    }
}
