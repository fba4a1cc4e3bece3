//! What the worker (`src/bin/charts.rs`) makes and reads: every export file (the canonical
//! JSON, CSV, FHIR, the reminder's calendar file, the portal's text), the history with a
//! file merged, and what a file chosen for import or opened in the consultant's viewer
//! holds, worded for the citizen in the language asked for (or why it cannot be read).
//!
//! Pure and host-tested. It links none of the drawing code (that is
//! [`crate::session::figures`], in the page), and the page links none of it: the readers
//! and writers of the exchange formats are fetched with the worker, when a file is first
//! made or read.

use crate::domain::history::History;
use crate::domain::instrument::current;
use crate::domain::lang::Lang;
use crate::domain::progression::{parse_date, ProgressError};
use crate::domain::rater::{self, Rater, Reading, ReadingError, Readings, Role};
use crate::domain::response::ValidationError;
use crate::domain::week::{IsoWeek, FIRST_YEAR, LAST_YEAR};
use crate::formats::ics::{Reminder, Wording};
use crate::formats::import::{self, Changed, Expected, Field, ImportError, Place};
use crate::formats::stored;
use crate::i18n::{date_label, week_label_with_year, ChartMsg};
use crate::session::figures::DEMO_WEEKS;
use crate::session::protocol::{Choices, Differs, FromWorker, ImportPreview};

/// What to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// An export file (or the portal's text): [`Request::format`] says which.
    Export,
    /// The history merged with the file in `import` (in the stored format).
    ImportMerge,
}

/// What to make: the kind, the choices the page sends with every request (the language,
/// the demo, this week), and what one request adds to them. Made from the page's message
/// ([`crate::session::protocol::ToWorker::request`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub view: View,
    pub choices: Choices,
    /// For [`View::Export`]: the time of the export (RFC 3339) and the citizen's nickname.
    pub exported: Option<String>,
    pub nickname: Option<String>,
    /// For [`View::Export`]: `json` (the canonical file, the default), `csv`, `fhir`, `ics`
    /// (the reminder) or `portal`.
    pub format: Option<String>,
    /// For [`View::ImportMerge`]: the file the citizen chose to import. In the worker,
    /// the file the page posted to it ([`crate::session::protocol::ToWorker::ImportFile`]).
    pub import: Option<String>,
    /// For [`View::ImportMerge`]: the keys of what differs where the file's win.
    pub take_theirs: Vec<String>,
    /// The reminder's form (`[name, value, name, value, …]`: `day` and `time`, with
    /// `today`, `uid` and `link` from the page).
    pub form: Vec<String>,
    /// For [`View::Export`]: lock the file with the passphrase (the worker does it).
    pub seal: bool,
}

/// What was made: the text, and for a file to save, its name. Empty when it cannot be
/// made. A merge also makes the readings by others with the file's added (stored format).
#[derive(Clone, Debug, PartialEq)]
pub struct Made {
    pub text: String,
    pub file: Option<String>,
    pub readings: Option<String>,
}

/// This build's version, written into exports.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Makes what `request` asks for from `history` and others' `readings` of the citizen
/// (or, for the demo, its made-up ones).
pub fn make(history: &History, readings: &Readings, request: &Request) -> Made {
    if request.choices.demo {
        let now = request.choices.now;
        let (demo, readings) = (crate::domain::demo::history(now, DEMO_WEEKS), crate::domain::demo::readings(now));
        let request = Request { choices: Choices { demo: false, ..request.choices.clone() }, ..request.clone() };
        return make(&demo, &readings, &request);
    }
    match request.view {
        View::ImportMerge => {
            // Only a file that still reads is merged; the page checks the result again.
            match request.import.as_deref().map(import::read) {
                Some(Ok(imported)) => Made {
                    text: stored::encode_history(&import::merge(history, &imported, &request.take_theirs)),
                    file: None,
                    readings: Some(stored::encode_readings(&import::merge_readings(readings, &imported))),
                },
                _ => Made { text: String::new(), file: None, readings: None },
            }
        }
        View::Export => {
            let exported = request.exported.as_deref().unwrap_or("");
            let nickname = request.nickname.as_deref();
            let file = crate::formats::export::export(history, readings, exported, APP_VERSION, nickname);
            let (text, extension) = match request.format.as_deref() {
                // For the portal: the canonical file's text itself, posted by the page.
                Some("portal") => {
                    return Made { text: crate::formats::export::to_json(&file), file: None, readings: None }
                }
                Some("ics") => return reminder_file(request),
                Some("csv") => (crate::formats::csv::to_csv(&file), "csv"),
                Some("fhir") => (crate::formats::fhir::to_json(&file), "fhir.json"),
                _ => (crate::formats::export::to_json(&file), "json"),
            };
            let name = crate::formats::export::file_name(&file, request.choices.now, extension);
            Made { text, file: Some(name), readings: None }
        }
    }
}

/// The reminder's calendar file from the form (`day`, `time`) and what the page adds
/// (`today`, `uid`, `link`, `at`); nothing when the form is not one the screen drew.
fn reminder_file(request: &Request) -> Made {
    let field = |name: &str| {
        request.form.chunks(2).find(|pair| pair[0] == name).and_then(|pair| pair.get(1)).map_or("", String::as_str)
    };
    let today = crate::domain::progression::parse_date(field("today"));
    let reminder = Reminder::parse(field("day"), field("time"));
    let text = match (reminder, today) {
        (Ok(reminder), Some(today)) => {
            let at = request.exported.as_deref().unwrap_or("");
            let lang = request.choices.lang;
            let wording =
                Wording { summary: ChartMsg::IcsSummary.get(lang), description: ChartMsg::IcsDescription.get(lang) };
            reminder.to_ics(lang, wording, today, at, field("uid"), field("link"))
        }
        _ => String::new(),
    };
    let file = (!text.is_empty()).then(|| "ugeblik-paamindelse.ics".to_owned());
    Made { text, file, readings: None }
}

/// What a file read for import would bring to `history`, worded in `lang`: the counts,
/// what it adds, and a choice for each answer, goal, week of work or milestone the phone
/// has otherwise (the phone's is kept unless the citizen ticks the file's).
pub fn import_preview(
    history: &History,
    readings: &Readings,
    imported: &import::Imported,
    lang: Lang,
) -> ImportPreview {
    let seen = import::preview(history, readings, imported);
    let (from, to) = seen.span.map_or((String::new(), String::new()), |(a, b)| {
        (week_label_with_year(lang, a), week_label_with_year(lang, b))
    });
    let summary = ChartMsg::PreviewSummary.fill(
        lang,
        &[
            ("responses", &seen.responses.to_string()),
            ("weeks", &seen.weeks.to_string()),
            ("from", &from),
            ("to", &to),
            ("new", &seen.new.to_string()),
            ("same", &seen.unchanged.to_string()),
        ],
    );
    let progression = (seen.goals + seen.work + seen.milestones > 0).then(|| {
        ChartMsg::PreviewProgression.fill(
            lang,
            &[
                ("goals", &seen.goals.to_string()),
                ("work", &seen.work.to_string()),
                ("milestones", &seen.milestones.to_string()),
            ],
        )
    });
    let mut added = Vec::new();
    for goal in &seen.new_goals {
        added.push(ChartMsg::PreviewNewGoal.fill(lang, &[("what", &goal.what)]));
    }
    if let (Some(first), Some(last)) = (seen.new_work.iter().min(), seen.new_work.iter().max()) {
        added.push(ChartMsg::PreviewNewWork.fill(
            lang,
            &[
                ("count", &seen.new_work.len().to_string()),
                ("from", &week_label_with_year(lang, *first)),
                ("to", &week_label_with_year(lang, *last)),
            ],
        ));
    }
    for milestone in &seen.new_milestones {
        let date = parse_date(&milestone.date).map(|d| date_label(lang, d)).unwrap_or_default();
        let what = crate::session::goals::milestone_text(milestone, lang);
        added.push(ChartMsg::PreviewNewMilestone.fill(lang, &[("date", &date), ("what", &what)]));
    }
    if seen.new_checks > 0 {
        added.push(ChartMsg::PreviewNewChecks.fill(lang, &[("count", &seen.new_checks.to_string())]));
    }
    let readings = seen.new_readings.iter().map(|reading| reading_line(reading, lang)).collect();
    let conflicts = seen
        .conflicts
        .iter()
        .map(|conflict| {
            let name = crate::domain::instrument::current(&conflict.instrument).map_or("", |i| i.name.get(lang));
            let label = ChartMsg::ConflictChoice.fill(
                lang,
                &[
                    ("name", name),
                    ("week", &week_label_with_year(lang, conflict.week)),
                    ("theirs", conflict.theirs_authored.get(..10).unwrap_or("")),
                    ("mine", conflict.mine_authored.get(..10).unwrap_or("")),
                ],
            );
            Differs { key: conflict.id.clone(), label }
        })
        .collect();
    let changes = seen
        .changes
        .iter()
        .map(|change| {
            let (theirs, mine) =
                (change.theirs_authored.get(..10).unwrap_or(""), change.mine_authored.get(..10).unwrap_or(""));
            let dates = [("theirs", theirs), ("mine", mine)];
            let label = match &change.what {
                Changed::Goal(goal) => ChartMsg::ChangeGoal.fill(lang, &[("what", &goal.what), dates[0], dates[1]]),
                Changed::Work(work) => ChartMsg::ChangeWork
                    .fill(lang, &[("week", &week_label_with_year(lang, work.week)), dates[0], dates[1]]),
                Changed::Milestone(milestone) => {
                    let date = parse_date(&milestone.date).map(|d| date_label(lang, d)).unwrap_or_default();
                    let what = crate::session::goals::milestone_text(milestone, lang);
                    ChartMsg::ChangeMilestone.fill(lang, &[("date", &date), ("what", &what), dates[0], dates[1]])
                }
            };
            Differs { key: change.key.clone(), label }
        })
        .collect();
    let nickname =
        seen.nickname.as_deref().map(|nickname| ChartMsg::PreviewNickname.fill(lang, &[("nickname", nickname)]));
    // A rater's file: readings only, none of the citizen's own answers.
    let summary = if seen.responses == 0 && seen.readings > 0 {
        ChartMsg::PreviewReadingsOnly.fill(lang, &[("count", &seen.readings.to_string())])
    } else {
        summary
    };
    ImportPreview { summary, progression, added, readings, nickname, conflicts, changes }
}

/// Why a file cannot be imported, in the citizen's language, saying what and where: the
/// week and questionnaire, the goal, the week's work or the milestone; the field or the
/// question; what it should hold and what the file has.
pub fn import_error(error: &ImportError, lang: Lang) -> String {
    let n = |v: usize| v.to_string();
    match error {
        ImportError::TooLarge { bytes } => {
            ChartMsg::ErrTooLarge.fill(lang, &[("size", &n(bytes.div_ceil(1024 * 1024)))])
        }
        ImportError::NotJson { line, column } => {
            ChartMsg::ErrNotJson.fill(lang, &[("line", &n(*line)), ("column", &n(*column))])
        }
        ImportError::Truncated => ChartMsg::ErrTruncated.get(lang).to_owned(),
        ImportError::TooDeep => ChartMsg::ErrTooDeep.get(lang).to_owned(),
        ImportError::NotAnExport => ChartMsg::ErrNotAnExport.get(lang).to_owned(),
        ImportError::OtherFormat { format } => ChartMsg::ErrOtherFormat.fill(lang, &[("format", format)]),
        ImportError::TooNew { version } => ChartMsg::ErrTooNew.fill(lang, &[("version", &version.to_string())]),
        ImportError::Wrong { place, field, expected, found } => ChartMsg::ErrWrong.fill(
            lang,
            &[
                ("place", &place_text(place, lang)),
                ("field", &field_text(field, lang)),
                ("expected", &expected_text(*expected, lang)),
                ("found", found),
            ],
        ),
        ImportError::Missing { place, field } => {
            ChartMsg::ErrMissing.fill(lang, &[("place", &place_text(place, lang)), ("field", &field_text(field, lang))])
        }
        ImportError::Unknown { place, field } => ChartMsg::ErrUnknownField
            .fill(lang, &[("place", &place_text(place, lang)), ("field", &field_text(field, lang))]),
        ImportError::OutOfRange { place, field, found } => ChartMsg::ErrOutOfRange.fill(
            lang,
            &[
                ("place", &place_text(place, lang)),
                ("field", &field_text(field, lang)),
                ("found", found),
                ("first", &FIRST_YEAR.to_string()),
                ("last", &LAST_YEAR.to_string()),
            ],
        ),
        ImportError::Shape { line, column, .. } => {
            ChartMsg::ErrShape.fill(lang, &[("line", &n(*line)), ("column", &n(*column))])
        }
        ImportError::Invalid { place, error } => ChartMsg::ErrInvalid
            .fill(lang, &[("place", &place_text(place, lang)), ("problem", &validation_text(error, lang))]),
        ImportError::Duplicate { place } => ChartMsg::ErrDuplicate.fill(lang, &[("place", &place_text(place, lang))]),
        ImportError::Progression { place, error } => ChartMsg::ErrProgression
            .fill(lang, &[("place", &place_text(place, lang)), ("problem", &progress_text(error, lang))]),
        ImportError::Rater { place, error } => ChartMsg::ErrInvalid
            .fill(lang, &[("place", &place_text(place, lang)), ("problem", &rater_text(error, lang))]),
    }
}

/// Who rated what, when: "Konsulent (MK): Konsulentens/mentorens vurdering, uge 47, 2026,
/// givet 20.11.2026".
pub fn reading_line(reading: &Reading, lang: Lang) -> String {
    let name = rater::find(&reading.response.instrument, &reading.response.version).map_or("", |i| i.name.get(lang));
    let given =
        reading.response.authored.get(..10).and_then(parse_date).map(|d| date_label(lang, d)).unwrap_or_default();
    ChartMsg::ReadingLine.fill(
        lang,
        &[
            ("who", &rater_label(&reading.rater, lang)),
            ("what", name),
            ("week", &week_label_with_year(lang, reading.response.week)),
            ("given", &given),
        ],
    )
}

/// The rater's role in words, with their initials or first name if given: "Konsulent (MK)".
pub fn rater_label(rater: &Rater, lang: Lang) -> String {
    let role = role_label(rater.role, lang);
    match &rater.name {
        Some(name) => ChartMsg::RaterNamed.fill(lang, &[("role", role), ("name", name)]),
        None => role.to_owned(),
    }
}

pub fn role_label(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::Citizen => ChartMsg::RoleCitizen,
        Role::Consultant => ChartMsg::RoleConsultant,
        Role::Mentor => ChartMsg::RoleMentor,
        Role::Employer => ChartMsg::RoleEmployer,
    }
    .get(lang)
}

fn rater_text(error: &ReadingError, lang: Lang) -> String {
    let name =
        |id: &str| rater::find_any(id, "1").map_or_else(|_| format!("\"{id}\""), |i| i.name.get(lang).to_owned());
    match error {
        ReadingError::SelfReportOnly { instrument, role } => {
            ChartMsg::ProbSelfReportOnly.fill(lang, &[("name", &name(instrument)), ("role", role_label(*role, lang))])
        }
        ReadingError::NotSelfReport { instrument } => {
            ChartMsg::ProbNotSelfReport.fill(lang, &[("name", &name(instrument))])
        }
        ReadingError::WrongRole { instrument, role } => {
            ChartMsg::ProbWrongRole.fill(lang, &[("name", &name(instrument)), ("role", role_label(*role, lang))])
        }
        ReadingError::Name(_) => ChartMsg::ProbRaterName.get(lang).to_owned(),
        ReadingError::Response(error) => validation_text(error, lang),
    }
}

/// Where in the file, as the citizen knows it: "The answers for Week 47, 2026 (WHO-5)".
fn place_text(place: &Place, lang: Lang) -> String {
    let index = |index: &usize| [("index", index.to_string())];
    let with = |msg: ChartMsg, values: &[(&str, String)]| {
        let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        msg.fill(lang, &values)
    };
    match place {
        Place::File => ChartMsg::PlaceFile.get(lang).to_owned(),
        Place::Instrument { index: i } => with(ChartMsg::PlaceInstrument, &index(i)),
        Place::Response { week: Some(week), instrument: Some(id), .. } if week.in_range() => {
            let name = current(id).map_or_else(|| format!("\"{id}\""), |i| i.name.get(lang).to_owned());
            with(ChartMsg::PlaceResponse, &[("week", week_label_with_year(lang, *week)), ("name", name)])
        }
        Place::Response { index: i, .. } => with(ChartMsg::PlaceResponseIndex, &index(i)),
        Place::Goal { what: Some(what), .. } => with(ChartMsg::PlaceGoal, &[("what", what.clone())]),
        Place::Goal { index: i, .. } => with(ChartMsg::PlaceGoalIndex, &index(i)),
        Place::Check { goal, week: Some(week) } if week.in_range() => {
            with(ChartMsg::PlaceCheck, &[("goal", place_text(goal, lang)), ("week", week_label_with_year(lang, *week))])
        }
        Place::Check { goal, .. } => with(ChartMsg::PlaceCheckAny, &[("goal", place_text(goal, lang))]),
        Place::Work { week: Some(week), .. } if week.in_range() => {
            with(ChartMsg::PlaceWork, &[("week", week_label_with_year(lang, *week))])
        }
        Place::Work { index: i, .. } => with(ChartMsg::PlaceWorkIndex, &index(i)),
        Place::Milestone { date: Some(date), .. }
            if parse_date(date).is_some_and(|d| IsoWeek::containing(d).in_range()) =>
        {
            let date = parse_date(date).map(|d| date_label(lang, d)).unwrap_or_default();
            with(ChartMsg::PlaceMilestone, &[("date", date)])
        }
        Place::Milestone { index: i, .. } => with(ChartMsg::PlaceMilestoneIndex, &index(i)),
    }
}

fn field_text(field: &Field, lang: Lang) -> String {
    match field {
        Field::Key(name) => ChartMsg::FieldKey.fill(lang, &[("name", name)]),
        Field::Answer(item) => ChartMsg::FieldAnswer.fill(lang, &[("item", item)]),
    }
}

fn expected_text(expected: Expected, lang: Lang) -> String {
    match expected {
        Expected::Text => ChartMsg::ExpText.get(lang).to_owned(),
        Expected::Whole { max } => ChartMsg::ExpWhole.fill(lang, &[("max", &max.to_string())]),
        Expected::YesNo => ChartMsg::ExpYesNo.get(lang).to_owned(),
        Expected::Week => ChartMsg::ExpWeek.get(lang).to_owned(),
        Expected::Time => ChartMsg::ExpTime.get(lang).to_owned(),
        Expected::Lang => ChartMsg::ExpLang.get(lang).to_owned(),
        Expected::OneOf(words) => ChartMsg::ExpOneOf.fill(lang, &[("words", &words.join(", "))]),
        Expected::List => ChartMsg::ExpList.get(lang).to_owned(),
        Expected::Fields => ChartMsg::ExpFields.get(lang).to_owned(),
    }
}

fn progress_text(error: &ProgressError, lang: Lang) -> String {
    match error {
        ProgressError::EmptyId => ChartMsg::ProgNoId.get(lang).to_owned(),
        ProgressError::EmptyGoal => ChartMsg::ProgEmptyGoal.get(lang).to_owned(),
        ProgressError::BadDate(text) => ChartMsg::ProgBadDate.fill(lang, &[("text", text)]),
        ProgressError::CheckedTwice(week) => {
            ChartMsg::ProgCheckedTwice.fill(lang, &[("week", &week_label_with_year(lang, *week))])
        }
        ProgressError::TooMany { field, value, max } => ChartMsg::ProgTooMany
            .fill(lang, &[("field", field), ("value", &value.to_string()), ("max", &max.to_string())]),
        ProgressError::AttendedAbovePlanned => ChartMsg::ProgAttended.get(lang).to_owned(),
        ProgressError::WeekTwice(_) | ProgressError::IdTwice(_) => ChartMsg::ProgTwice.get(lang).to_owned(),
        ProgressError::EmptyMilestone => ChartMsg::ProgEmptyMilestone.get(lang).to_owned(),
    }
}

fn validation_text(error: &ValidationError, lang: Lang) -> String {
    match error {
        ValidationError::UnknownInstrument { id } => {
            ChartMsg::ProbUnknownInstrument.fill(lang, &[("id", &id.chars().take(40).collect::<String>())])
        }
        ValidationError::UnknownVersion { id: name, version } => ChartMsg::ProbUnknownVersion
            .fill(lang, &[("id", name), ("version", &version.chars().take(20).collect::<String>())]),
        ValidationError::UnknownItem { link_id } => {
            ChartMsg::ProbUnknownItem.fill(lang, &[("item", &link_id.chars().take(40).collect::<String>())])
        }
        ValidationError::OutOfRange { link_id, value, max, .. } if value > max => ChartMsg::ProbAbove
            .fill(lang, &[("item", link_id), ("value", &value.to_string()), ("max", &max.to_string())]),
        ValidationError::OutOfRange { link_id, value, min, .. } => ChartMsg::ProbBelow
            .fill(lang, &[("item", link_id), ("value", &value.to_string()), ("min", &min.to_string())]),
        ValidationError::MissingAnswer { link_id } => ChartMsg::ProbMissing.fill(lang, &[("item", link_id)]),
        ValidationError::WronglyPartial => ChartMsg::ProbWronglyPartial.get(lang).to_owned(),
        ValidationError::EmptyId => ChartMsg::ProbEmptyId.get(lang).to_owned(),
        ValidationError::Progression(what) => {
            ChartMsg::ProbProgression.fill(lang, &[("what", &what.chars().take(80).collect::<String>())])
        }
    }
}

/// A locked file's answer before it is opened: its passphrase asked for, or why it cannot
/// be opened. `None` for a file that is not locked.
fn locked_answer(text: &str, lang: Lang) -> Option<FromWorker> {
    if !crate::formats::sealed::is_sealed_file(text) {
        return None;
    }
    Some(match crate::formats::sealed::decode_file(text) {
        Ok(_) => FromWorker::Locked { wrong: false },
        Err(error) => FromWorker::Refused(ChartMsg::ImportLockedBroken.fill(lang, &[("what", &error.to_string())])),
    })
}

/// The worker's answer to the consultant's viewer for a file's text (opened, if it was
/// locked): its history to show, that it is locked, or why it cannot be shown, in `lang`.
pub fn open_for_viewer(text: &str, lang: Lang) -> FromWorker {
    if let Some(locked) = locked_answer(text, lang) {
        return locked;
    }
    match import::read(text) {
        Ok(imported) => {
            let history = History {
                responses: imported.responses,
                goals: imported.goals,
                work: imported.work,
                milestones: imported.milestones,
            };
            let readings = Readings { readings: imported.readings, deleted: Vec::new() };
            FromWorker::Opened {
                nickname: imported.nickname,
                responses: u32::try_from(history.responses.len()).unwrap_or(u32::MAX),
                history: stored::encode_history(&history),
                readings: stored::encode_readings(&readings),
            }
        }
        Err(error) => FromWorker::Refused(import_error(&error, lang)),
    }
}

/// The worker's answer to a file chosen for import (opened, if it was locked): what it
/// would bring to `history`, that it is locked, or why it cannot be read and that nothing
/// changed, in `lang`.
pub fn preview_for_import(history: &History, readings: &Readings, text: &str, lang: Lang) -> FromWorker {
    if let Some(locked) = locked_answer(text, lang) {
        return locked;
    }
    match import::read(text) {
        Ok(imported) => FromWorker::Preview(Box::new(import_preview(history, readings, &imported, lang))),
        Err(error) => {
            FromWorker::Refused(format!("{} {}", import_error(&error, lang), ChartMsg::ErrNothingChanged.get(lang)))
        }
    }
}
