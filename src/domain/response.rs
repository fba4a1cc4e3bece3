//! One citizen's answers to one instrument in one week, with its scoring and validation.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::instrument::{self, Instrument, LookupError, Scale, WHO5_ID};
use crate::domain::lang::Lang;
use crate::domain::week::IsoWeek;

/// Whether every required item was answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Complete,
    Partial,
}

/// One response, as stored and exported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Response {
    /// A UUID, so that responses from several devices or files merge by id.
    pub id: String,
    pub instrument: String,
    pub version: String,
    /// The week the answers are about.
    pub week: IsoWeek,
    /// When the answers were last given, RFC 3339 in UTC.
    pub authored: String,
    /// The language the questions were shown in.
    pub language: Lang,
    pub status: Status,
    /// Answer values by item `linkId`. A skipped item is absent.
    #[serde(deserialize_with = "super::keyed::keyed")]
    pub answers: BTreeMap<String, u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The WHO-5 score of a complete response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Who5Score {
    /// Sum of the five answers, 0–25.
    pub raw: u8,
    /// `raw × 4`, 0–100.
    pub percent: u8,
}

/// The WHO-5 score of a response, or `None` unless it is a WHO-5 response with all five
/// items answered. A partial response never has a score.
pub fn who5_score(response: &Response) -> Option<Who5Score> {
    if response.instrument != WHO5_ID || response.status != Status::Complete {
        return None;
    }
    let instrument = instrument::find(&response.instrument, &response.version).ok()?;
    let mut raw: u8 = 0;
    for item in instrument.items {
        let value = *response.answers.get(item.link_id)?;
        if value > 5 {
            return None;
        }
        raw += value;
    }
    Some(Who5Score { raw, percent: raw * 4 })
}

/// The answers of a CHIME or job-readiness response as a profile: every item in the
/// instrument's order, `None` where skipped. Deliberately no total: these self-ratings
/// have no validated sum.
pub fn profile(response: &Response) -> Vec<(&'static str, Option<u8>)> {
    match instrument::find(&response.instrument, &response.version) {
        Ok(instrument) => {
            instrument.items.iter().map(|item| (item.link_id, response.answers.get(item.link_id).copied())).collect()
        }
        Err(_) => Vec::new(),
    }
}

/// The status that a set of answers earns in an instrument.
pub fn status_of(instrument: &Instrument, answers: &BTreeMap<String, u8>) -> Status {
    if instrument.required_items().all(|item| answers.contains_key(item.link_id)) {
        Status::Complete
    } else {
        Status::Partial
    }
}

/// Why a response is not valid. Each names exactly what is wrong and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValidationError {
    UnknownInstrument {
        id: String,
    },
    UnknownVersion {
        id: String,
        version: String,
    },
    UnknownItem {
        link_id: String,
    },
    OutOfRange {
        link_id: String,
        value: u8,
        min: u8,
        max: u8,
    },
    /// Marked complete, but a required item has no answer.
    MissingAnswer {
        link_id: String,
    },
    /// Marked partial, but every required item is answered.
    WronglyPartial,
    EmptyId,
    /// A goal, the week's work or a milestone is wrong: says what.
    Progression(String),
}

impl From<LookupError> for ValidationError {
    fn from(error: LookupError) -> ValidationError {
        match error {
            LookupError::UnknownInstrument { id } => ValidationError::UnknownInstrument { id },
            LookupError::UnknownVersion { id, version } => ValidationError::UnknownVersion { id, version },
        }
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValidationError::UnknownInstrument { id } => write!(f, "unknown instrument {id:?}"),
            ValidationError::UnknownVersion { id, version } => {
                write!(f, "unknown version {version:?} of instrument {id:?}")
            }
            ValidationError::UnknownItem { link_id } => write!(f, "unknown item {link_id:?}"),
            ValidationError::OutOfRange { link_id, value, min, max } => {
                if value > max {
                    write!(f, "item {link_id}: {value} is above {max}")
                } else {
                    write!(f, "item {link_id}: {value} is below {min}")
                }
            }
            ValidationError::MissingAnswer { link_id } => {
                write!(f, "marked complete but item {link_id} has no answer")
            }
            ValidationError::WronglyPartial => write!(f, "marked partial but every item is answered"),
            ValidationError::EmptyId => write!(f, "the response has no id"),
            ValidationError::Progression(what) => write!(f, "{what}"),
        }
    }
}

impl std::error::Error for ValidationError {}

/// Checks a response against its instrument: known instrument and version, known items,
/// values within the scale, and a status that matches the answers.
pub fn validate(response: &Response) -> Result<&'static Instrument, ValidationError> {
    if response.id.trim().is_empty() {
        return Err(ValidationError::EmptyId);
    }
    let instrument = instrument::find(&response.instrument, &response.version)?;
    validate_in(instrument, response).map(|()| instrument)
}

/// Checks `response`'s answers against `instrument` (which the caller found by the
/// response's id and version, in the citizen's catalogue or another's): every item known,
/// every value on its scale, the status the answers earn.
// Inlined: the page's first load validates the citizen's own with it, and the session
// screens others' readings; a function called from both would cost the first load its
// calls (measured, 0.7 KB raw).
#[inline(always)]
pub fn validate_in(instrument: &'static Instrument, response: &Response) -> Result<(), ValidationError> {
    for (link_id, &value) in &response.answers {
        let item = instrument.item(link_id).ok_or_else(|| ValidationError::UnknownItem { link_id: link_id.clone() })?;
        let (min, max) = item.scale.bounds();
        if !(min..=max).contains(&value) {
            return Err(ValidationError::OutOfRange { link_id: link_id.clone(), value, min, max });
        }
        if matches!(item.scale, Scale::Who5) && item.scale.who5_label(value).is_none() {
            return Err(ValidationError::OutOfRange { link_id: link_id.clone(), value, min, max });
        }
    }
    match (response.status, status_of(instrument, &response.answers)) {
        (Status::Complete, Status::Partial) => {
            let missing = instrument
                .required_items()
                .find(|item| !response.answers.contains_key(item.link_id))
                .map(|item| item.link_id.to_owned())
                .unwrap_or_default();
            Err(ValidationError::MissingAnswer { link_id: missing })
        }
        (Status::Partial, Status::Complete) => Err(ValidationError::WronglyPartial),
        _ => Ok(()),
    }
}

/// Formats 16 random bytes as a version 4 UUID (RFC 9562). The caller supplies the bytes
/// (the browser's `crypto.getRandomValues`), so this stays pure.
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

/// An RFC 3339 UTC timestamp from milliseconds since the Unix epoch.
pub fn rfc3339_utc(unix_millis: f64) -> String {
    let seconds = (unix_millis / 1000.0).floor() as i64;
    match time::OffsetDateTime::from_unix_timestamp(seconds) {
        Ok(t) => format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        ),
        Err(_) => "1970-01-01T00:00:00Z".to_owned(),
    }
}

/// An RFC 3339 time as a file may hold it (`2026-11-20T10:00:00Z`,
/// `2026-11-20T11:00:00.250+01:00`), written the way this app writes times: in UTC, whole
/// seconds. Written so, two times compare in time order as text. `None` for any other
/// text, and for a time outside the years Ugeblik shows.
pub fn normalize_time(text: &str) -> Option<String> {
    let day = crate::domain::progression::parse_date(text.get(..10)?)?;
    let b = text.as_bytes();
    let two = |at: usize| -> Option<i64> {
        let (tens, ones) = (b.get(at)?.wrapping_sub(b'0'), b.get(at + 1)?.wrapping_sub(b'0'));
        (tens < 10 && ones < 10).then(|| i64::from(tens * 10 + ones))
    };
    if !matches!(b.get(10), Some(b'T' | b't')) || b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return None;
    }
    let (hour, minute, second) = (two(11)?, two(14)?, two(17)?);
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        rest = &fraction[digits..];
    }
    let offset = match rest.as_bytes() {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (hours, minutes) = (two(text.len() - 5)?, two(text.len() - 2)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            (hours * 60 + minutes) * 60 * if *sign == b'-' { -1 } else { 1 }
        }
        _ => return None,
    };
    // A leap second (:60) is the last second of its minute here.
    let time = time::Time::from_hms(hour.try_into().ok()?, minute.try_into().ok()?, second.min(59).try_into().ok()?);
    let utc = day.with_time(time.ok()?).assume_utc().unix_timestamp() - offset;
    let year = time::OffsetDateTime::from_unix_timestamp(utc).ok()?.year();
    (crate::domain::week::FIRST_YEAR..=crate::domain::week::LAST_YEAR)
        .contains(&year)
        .then(|| rfc3339_utc(utc as f64 * 1000.0))
}

/// Milliseconds since the Unix epoch of a timestamp as [`rfc3339_utc`] writes it
/// (`2026-11-18T11:06:40Z`); 0 for any other text, so that a time this app cannot read
/// never wins a merge.
pub fn unix_millis(rfc3339: &str) -> u64 {
    let (Some(day), Some(clock)) =
        (rfc3339.get(..10).and_then(crate::domain::progression::parse_date), rfc3339.get(10..))
    else {
        return 0;
    };
    let b = clock.as_bytes();
    let two = |at: usize| -> Option<u8> {
        let (tens, ones) = (b.get(at)?.wrapping_sub(b'0'), b.get(at + 1)?.wrapping_sub(b'0'));
        (tens < 10 && ones < 10).then(|| tens * 10 + ones)
    };
    let shape = b.len() == 10 && b[0] == b'T' && b[3] == b':' && b[6] == b':' && b[9] == b'Z';
    let time = (shape.then_some(()))
        .and_then(|()| time::Time::from_hms(two(1)?, two(4)?, two(7)?).ok())
        .map(|time| day.with_time(time).assume_utc().unix_timestamp());
    time.and_then(|seconds| u64::try_from(seconds).ok()).map_or(0, |seconds| seconds * 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn response(instrument: &str, answers: &[(&str, u8)], status: Status) -> Response {
        Response {
            id: "a0f1c3d2-0000-4000-8000-000000000001".into(),
            instrument: instrument.into(),
            version: "1".into(),
            week: "2026-W47".parse().unwrap(),
            authored: "2026-11-20T10:00:00Z".into(),
            language: Lang::Da,
            status,
            answers: answers.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            note: None,
        }
    }

    #[test]
    fn times_are_read_as_rfc_3339_and_written_in_utc() {
        for (text, expected) in [
            ("2026-11-20T10:00:00Z", Some("2026-11-20T10:00:00Z")),
            ("2026-11-20t10:00:00z", Some("2026-11-20T10:00:00Z")),
            ("2026-11-20T11:00:00.250+01:00", Some("2026-11-20T10:00:00Z")),
            ("2026-11-20T00:30:00-02:00", Some("2026-11-20T02:30:00Z")),
            ("2027-01-01T00:30:00+01:00", Some("2026-12-31T23:30:00Z")),
            ("2026-12-31T23:59:60Z", Some("2026-12-31T23:59:59Z")),
            ("~", None),
            ("", None),
            ("2026-11-20", None),
            ("2026-11-20 10:00:00Z", None),
            ("2026-11-20T10:00:00", None),
            ("2026-11-20T24:00:00Z", None),
            ("2026-02-30T10:00:00Z", None),
            ("2026-11-20T10:00:00.Z", None),
            ("2026-11-20T10:00:00+1:00", None),
            ("2026-11-20T10:00:00+24:00", None),
            ("2026-11-20T10:00:00Z ", None),
            ("1999-12-31T23:59:59Z", None),
            ("9999-12-31T23:59:59Z", None),
            ("2026-11-20T10:00:00Zæ", None),
            ("2026-11-20T1æ:00:00Z", None),
        ] {
            assert_eq!(normalize_time(text).as_deref(), expected, "{text:?}");
        }
    }

    #[track_caller]
    fn check_score(answers: &[(&str, u8)], status: Status, expected: Option<(u8, u8)>) {
        let got = who5_score(&response("who5", answers, status)).map(|s| (s.raw, s.percent));
        assert_eq!(got, expected, "answers {answers:?}");
    }

    #[test]
    fn who5_scores_only_complete_responses() {
        let all = |v: u8| [("1", v), ("2", v), ("3", v), ("4", v), ("5", v)];
        check_score(&all(5), Status::Complete, Some((25, 100)));
        check_score(&all(0), Status::Complete, Some((0, 0)));
        check_score(&[("1", 3), ("2", 4), ("3", 2), ("4", 1), ("5", 5)], Status::Complete, Some((15, 60)));
        check_score(&[("1", 3), ("2", 4), ("3", 2), ("4", 1)], Status::Partial, None);
        // A response that claims to be complete but lacks an item still gets no score.
        check_score(&[("1", 3), ("2", 4), ("3", 2), ("4", 1)], Status::Complete, None);
        check_score(&all(4), Status::Partial, None);
    }

    #[test]
    fn other_instruments_have_no_who5_score_and_a_profile_without_total() {
        let chime = response("chime5", &[("chime-c", 7), ("chime-m", 2)], Status::Partial);
        assert_eq!(who5_score(&chime), None);
        assert_eq!(
            profile(&chime),
            vec![("chime-c", Some(7)), ("chime-h", None), ("chime-i", None), ("chime-m", Some(2)), ("chime-e", None)]
        );
    }

    #[track_caller]
    fn check_validation(r: Response, expected: Result<(), ValidationError>) {
        assert_eq!(validate(&r).map(|_| ()), expected);
    }

    #[test]
    fn validation_names_what_is_wrong() {
        use ValidationError::*;
        let full = [("1", 3), ("2", 4), ("3", 2), ("4", 1), ("5", 5)];
        check_validation(response("who5", &full, Status::Complete), Ok(()));
        check_validation(response("who5", &full[..2], Status::Partial), Ok(()));
        check_validation(response("who5", &[], Status::Partial), Ok(()));
        check_validation(
            response("who5", &[("1", 6)], Status::Partial),
            Err(OutOfRange { link_id: "1".into(), value: 6, min: 0, max: 5 }),
        );
        check_validation(
            response("jobready7", &[("job-belief", 14)], Status::Partial),
            Err(OutOfRange { link_id: "job-belief".into(), value: 14, min: 0, max: 10 }),
        );
        check_validation(
            response("jobready7", &[("job-hours", 38)], Status::Partial),
            Err(OutOfRange { link_id: "job-hours".into(), value: 38, min: 0, max: 37 }),
        );
        check_validation(response("who5", &[("6", 1)], Status::Partial), Err(UnknownItem { link_id: "6".into() }));
        check_validation(response("phq9", &[], Status::Partial), Err(UnknownInstrument { id: "phq9".into() }));
        let mut v2 = response("chime5", &[], Status::Partial);
        v2.version = "2".into();
        check_validation(v2, Err(UnknownVersion { id: "chime5".into(), version: "2".into() }));
        check_validation(response("who5", &full[..4], Status::Complete), Err(MissingAnswer { link_id: "5".into() }));
        check_validation(response("who5", &full, Status::Partial), Err(WronglyPartial));
        let mut no_id = response("who5", &full, Status::Complete);
        no_id.id = " ".into();
        check_validation(no_id, Err(EmptyId));
    }

    #[test]
    fn job_hours_is_optional_for_completeness() {
        let seven: Vec<(&str, u8)> =
            instrument::find("jobready7", "1").unwrap().required_items().map(|item| (item.link_id, 5)).collect();
        check_validation(response("jobready7", &seven, Status::Complete), Ok(()));
    }

    #[test]
    fn error_messages_say_what_and_where() {
        let error = ValidationError::OutOfRange { link_id: "job-belief".into(), value: 14, min: 0, max: 10 };
        assert_eq!(error.to_string(), "item job-belief: 14 is above 10");
    }

    #[test]
    fn uuids_have_version_and_variant_bits() {
        let id = uuid_v4([0xff; 16]);
        assert_eq!(id, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        let id = uuid_v4([0; 16]);
        assert_eq!(id, "00000000-0000-4000-8000-000000000000");
    }

    #[test]
    fn timestamps_are_rfc3339_utc() {
        assert_eq!(rfc3339_utc(0.0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_utc(1_795_000_000_123.0), "2026-11-18T11:06:40Z");
    }

    #[track_caller]
    fn check_millis(text: &str, expected: u64) {
        assert_eq!(unix_millis(text), expected, "{text:?}");
    }

    #[test]
    fn timestamps_read_back_as_milliseconds_and_anything_else_as_zero() {
        check_millis("1970-01-01T00:00:00Z", 0);
        check_millis("2026-11-18T11:06:40Z", 1_795_000_000_000);
        check_millis("2024-02-29T23:59:59Z", 1_709_251_199_000);
        check_millis(&rfc3339_utc(1_795_000_000_123.0), 1_795_000_000_000);
        for bad in ["", "t", "2026-11-18", "2026-11-18T11:06:40", "2026-11-18T11:06:40+01:00", "2026-11-18T24:00:00Z"] {
            check_millis(bad, 0);
        }
        check_millis("2026-02-30T10:00:00Z", 0);
        check_millis("1969-12-31T23:59:59Z", 0);
        check_millis("2026-11-18T11:6:40Z", 0);
    }

    #[test]
    fn unknown_fields_are_refused_when_reading() {
        let json = r#"{"id":"x","instrument":"who5","version":"1","week":"2026-W47","authored":"2026-11-20T10:00:00Z","language":"da","status":"partial","answers":{},"cpr":"010203-1234"}"#;
        assert!(serde_json::from_str::<Response>(json).is_err());
    }
}
