//! The weekly reminder as an iCalendar file (RFC 5545): one event that repeats every week
//! on the day and at the time the citizen chose, with an alarm at that time. No server:
//! the phone's own calendar reminds them. The time is "floating" (no time zone): 9:00
//! stays 9:00 wherever the phone is, summer time or not.

use time::{Date, Duration, Weekday};

use crate::domain::lang::Lang;

/// The reminder the citizen chose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    pub weekday: Weekday,
    pub hour: u8,
    pub minute: u8,
}

/// Why a reminder's form cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReminderError {
    Day,
    Time,
}

/// The days as the form offers them (`mo` … `su`, as RFC 5545's `BYDAY` writes them).
pub const DAYS: [(&str, Weekday); 7] = [
    ("MO", Weekday::Monday),
    ("TU", Weekday::Tuesday),
    ("WE", Weekday::Wednesday),
    ("TH", Weekday::Thursday),
    ("FR", Weekday::Friday),
    ("SA", Weekday::Saturday),
    ("SU", Weekday::Sunday),
];

/// What the reminder's event says, in the citizen's language: the caller's texts (the
/// translations are `crate::i18n`'s; the domain knows no language's words).
#[derive(Clone, Copy, Debug)]
pub struct Wording<'a> {
    pub summary: &'a str,
    pub description: &'a str,
}

impl Reminder {
    /// Reads the form: the day's code (`MO` … `SU`) and the time as `HH:MM` (what an
    /// `<input type="time">` gives).
    pub fn parse(day: &str, time: &str) -> Result<Reminder, ReminderError> {
        let weekday = DAYS.iter().find(|(code, _)| code.eq_ignore_ascii_case(day.trim())).ok_or(ReminderError::Day)?.1;
        let (hour, minute) = time.trim().split_once(':').ok_or(ReminderError::Time)?;
        let number = |text: &str, max: u8| {
            (text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()))
                .then(|| text.parse::<u8>().ok())
                .flatten()
                .filter(|n| *n <= max)
        };
        let (hour, minute) = number(hour, 23).zip(number(minute, 59)).ok_or(ReminderError::Time)?;
        Ok(Reminder { weekday, hour, minute })
    }

    /// The first day on or after `today` that falls on the reminder's weekday.
    pub fn first_day(&self, today: Date) -> Date {
        let ahead = (7 + self.weekday.number_days_from_monday() - today.weekday().number_days_from_monday()) % 7;
        today + Duration::days(i64::from(ahead))
    }

    /// The calendar file, its event worded in `lang` by `wording`. `stamp` is now in UTC
    /// as RFC 3339 (`2026-11-23T19:30:00Z`), `uid` a fresh unique id, `link` the app's
    /// address (opened from the event).
    pub fn to_ics(&self, lang: Lang, wording: Wording, today: Date, stamp: &str, uid: &str, link: &str) -> String {
        let first = self.first_day(today);
        let code = DAYS.iter().find(|(_, day)| *day == self.weekday).map_or("MO", |(code, _)| code);
        let Wording { summary, description } = wording;
        let stamp: String = stamp.chars().filter(|c| c.is_ascii_alphanumeric()).take(15).collect();
        let lines = [
            "BEGIN:VCALENDAR".to_owned(),
            "VERSION:2.0".to_owned(),
            format!("PRODID:-//Ugeblik//Ugeblik {}//{}", env!("CARGO_PKG_VERSION"), lang.code().to_ascii_uppercase()),
            "CALSCALE:GREGORIAN".to_owned(),
            "METHOD:PUBLISH".to_owned(),
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}@ugeblik.invalid", text(uid)),
            format!("DTSTAMP:{stamp}Z"),
            format!(
                "DTSTART:{:04}{:02}{:02}T{:02}{:02}00",
                first.year(),
                u8::from(first.month()),
                first.day(),
                self.hour,
                self.minute
            ),
            "DURATION:PT15M".to_owned(),
            format!("RRULE:FREQ=WEEKLY;BYDAY={code}"),
            format!("SUMMARY:{}", text(summary)),
            format!("DESCRIPTION:{}", text(description)),
            format!("URL:{link}"),
            "TRANSP:TRANSPARENT".to_owned(),
            "BEGIN:VALARM".to_owned(),
            "ACTION:DISPLAY".to_owned(),
            format!("DESCRIPTION:{}", text(summary)),
            "TRIGGER:PT0M".to_owned(),
            "END:VALARM".to_owned(),
            "END:VEVENT".to_owned(),
            "END:VCALENDAR".to_owned(),
        ];
        lines.iter().map(|line| fold(line)).collect()
    }
}

/// A TEXT value escaped (RFC 5545 3.3.11): backslash, semicolon, comma and newlines.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (never inside a UTF-8 character) and ended by CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::week::date;

    #[test]
    fn the_form_is_read_strictly() {
        assert_eq!(Reminder::parse("we", "09:30"), Ok(Reminder { weekday: Weekday::Wednesday, hour: 9, minute: 30 }));
        assert_eq!(Reminder::parse("SU", "23:59").unwrap().weekday, Weekday::Sunday);
        for (day, time, error) in [
            ("XX", "09:00", ReminderError::Day),
            ("", "09:00", ReminderError::Day),
            ("MO", "9:00", ReminderError::Time),
            ("MO", "24:00", ReminderError::Time),
            ("MO", "09:60", ReminderError::Time),
            ("MO", "0900", ReminderError::Time),
            ("MO", "+9:00", ReminderError::Time),
            ("MO", "", ReminderError::Time),
        ] {
            assert_eq!(Reminder::parse(day, time), Err(error), "{day:?} {time:?}");
        }
    }

    #[test]
    fn the_first_reminder_is_the_next_chosen_weekday() {
        let monday = date(2026, 11, 23).unwrap();
        let reminder = |weekday| Reminder { weekday, hour: 9, minute: 0 };
        assert_eq!(reminder(Weekday::Monday).first_day(monday), monday);
        assert_eq!(reminder(Weekday::Wednesday).first_day(monday), date(2026, 11, 25).unwrap());
        assert_eq!(reminder(Weekday::Sunday).first_day(monday), date(2026, 11, 29).unwrap());
        let friday = date(2026, 11, 27).unwrap();
        assert_eq!(reminder(Weekday::Monday).first_day(friday), date(2026, 11, 30).unwrap());
    }

    #[test]
    fn the_file_has_crlf_lines_folded_at_75_octets_and_escaped_text() {
        let reminder = Reminder { weekday: Weekday::Wednesday, hour: 9, minute: 5 };
        let wording = Wording {
            summary: "Ugeblik: ugens spørgsmål",
            description: "Tid til ugens spørgsmål i Ugeblik. Det tager et par minutter. Svarene bliver på din telefon.",
        };
        let ics = reminder.to_ics(
            Lang::Da,
            wording,
            date(2026, 11, 23).unwrap(),
            "2026-11-23T19:30:00Z",
            "abc",
            "https://x.example/u/",
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.contains("\r\nDTSTART:20261125T090500\r\n"));
        assert!(ics.contains("\r\nRRULE:FREQ=WEEKLY;BYDAY=WE\r\n"));
        assert!(ics.contains("\r\nDTSTAMP:20261123T193000Z\r\n"));
        assert!(ics.contains("\r\nUID:abc@ugeblik.invalid\r\n"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains("DESCRIPTION:Tid til ugens spørgsmål i Ugeblik. Det tager et par minutter. Svarene"));
        assert_eq!(text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
