//! What the check-in's steps say, apart from how they are drawn: a question's texts and
//! answers in the language they are shown in, the pictograms' shapes, a goal's lines, and
//! the week's work as its fields show it and as it is read back from them. The step
//! components draw it (`page::check_in` the frame, `page::question`, `page::work`,
//! `page::goal`). Pure and host-tested.

use crate::domain::checkin::Question;
use crate::domain::history::History;
use crate::domain::instrument::{Recall, Scale};
use crate::domain::lang::Lang;
use crate::domain::progression::{format_hours, latin_digits, parse_date, parse_hours, Goal, ProgressError, Work};
use crate::domain::week::IsoWeek;
use crate::i18n::{date_label, decimal_separator, Msg};

/// The question's heading, which names its answers' group, and the line that says when the
/// phone cannot read aloud.
pub const QUESTION_HEADING: &str = "ugb-question-text";
pub const SPEECH_STATUS: &str = "ugb-speech-status";
/// The names of the radio buttons of a question's answers and of a goal step's.
pub const ANSWER: &str = "ugb-answer";
pub const KEPT: &str = "ugb-kept";
/// The ids of the work step's fields, in the order they are read, its reasons' radio
/// buttons' name, and its error line's id.
pub const HOURS_PLANNED: &str = "ugb-hours-planned";
pub const HOURS_WORKED: &str = "ugb-hours-worked";
pub const DAYS_PLANNED: &str = "ugb-days-planned";
pub const DAYS_ATTENDED: &str = "ugb-days-attended";
pub const ABSENCE: &str = "ugb-absence";
pub const WORK_ERROR: &str = "ugb-work-error";
/// The goal step's note, and the closing note.
pub const GOAL_NOTE: &str = "ugb-goal-note";
pub const NOTE_FIELD: &str = "ugb-note-field";

/// How far the check-in is before step `number` of `total`, in percent, for the bar above
/// each step.
pub fn done(number: usize, total: usize) -> String {
    (number.saturating_sub(1) * 100 / total.max(1)).to_string()
}

/// One question's texts and answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionText {
    /// The language of the instrument's texts: the app's, except where the instrument has
    /// no version in it (the WHO-5 in Arabic): then the official version chosen.
    pub shown: Lang,
    /// "Spørgsmål 3 af 19".
    pub position: String,
    /// The instrument and how far back the citizen looks.
    pub section: String,
    /// Words said before the item ("Over the last two weeks…"); empty where the item holds
    /// them itself.
    pub lead: &'static str,
    pub text: &'static str,
    /// "What do we mean", in the app's language.
    pub help: &'static str,
    /// What the ends of a 0–10 scale mean, or what full time is.
    pub legend: Option<String>,
    /// What the question's read-aloud button says: the lead, the question, the legend.
    pub spoken: String,
    /// The answers' layout (the classes of their group): a list of words, or a grid of
    /// numbers.
    pub layout: &'static str,
    pub answers: Vec<Answer>,
    /// Where the questions are in another language than the app's: whether to say why (at
    /// the instrument's first question; the choice of version is on each).
    pub official: Option<bool>,
    /// A translation nobody has reviewed yet.
    pub unreviewed: bool,
    /// The instrument's notice: the attribution, or that it is not validated.
    pub notice: &'static str,
}

/// One answer a question or a goal step offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Answer {
    /// The value the answer gives (a goal step's: the index in `Kept::ALL`).
    pub value: u8,
    /// Its words; `None` for a number, which is its own name.
    pub words: Option<&'static str>,
    pub pict: Pict,
}

/// The pictogram beside an answer (decorative: the words and numbers stay).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pict {
    None,
    /// A clock face filled for the share of the time a WHO-5 answer says (0–5 fifths).
    Clock(u8),
    /// A bar filled `n` tenths of the way, for a 0–10 answer.
    Bar(u8),
}

impl QuestionText {
    /// The question as the app shows it in `lang`, with `who5_lang` the official version
    /// of the WHO-5 the citizen chose (where `lang` has none).
    pub fn new(lang: Lang, question: &Question, who5_lang: Option<Lang>) -> QuestionText {
        let (instrument, item) = (question.instrument, question.item);
        let shown = instrument.shown_in(lang, who5_lang);
        let recall = match instrument.recall {
            Recall::LastTwoWeeks => Msg::RecallTwoWeeks,
            Recall::ThisWeek => Msg::RecallThisWeek,
        };
        let legend = match item.scale {
            Scale::Who5 => None,
            Scale::Rating { low, high } => {
                Some(Msg::ScaleLegend.fill(shown, &[("low", low.get(shown)), ("high", high.get(shown))]))
            }
            Scale::Hours { .. } => Some(Msg::HoursLegend.get(shown).to_owned()),
        };
        let (lead, text) = (instrument.lead_in.get(shown), item.text.get(shown));
        let spoken = [lead, text, legend.as_deref().unwrap_or_default()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let answers = item
            .scale
            .values()
            .into_iter()
            .map(|value| Answer {
                value,
                words: item.scale.who5_label(value).map(|words| words.get(shown)),
                pict: match item.scale {
                    Scale::Who5 => Pict::Clock(value),
                    Scale::Rating { .. } => Pict::Bar(value),
                    Scale::Hours { .. } => Pict::None,
                },
            })
            .collect();
        let first = instrument.items.first().is_some_and(|first| first.link_id == item.link_id);
        let (n, total) = (question.number.to_string(), question.total.to_string());
        QuestionText {
            shown,
            position: Msg::Progress.fill(lang, &[("n", &n), ("total", &total)]),
            section: format!("{} · {}", instrument.name.get(lang), recall.get(lang)),
            lead,
            text,
            help: item.help.get(lang),
            legend,
            spoken,
            layout: match item.scale {
                Scale::Who5 => "ugb-options ugb-options--list",
                Scale::Rating { .. } => "ugb-options ugb-options--rating",
                Scale::Hours { .. } => "ugb-options ugb-options--hours",
            },
            answers,
            official: (shown != lang).then_some(first),
            unreviewed: instrument.unreviewed_in(shown),
            notice: instrument.notice.get(shown),
        }
    }
}

/// The fifths of a clock face of radius 9 about 12,12, filled from twelve o'clock. Written
/// out: float formatting and trigonometry would cost the first load kilobytes.
const CLOCK: [&str; 6] = [
    "",
    "M12 12V3A9 9 0 0 1 20.56 9.22Z",
    "M12 12V3A9 9 0 0 1 17.29 19.28Z",
    "M12 12V3A9 9 0 1 1 6.71 19.28Z",
    "M12 12V3A9 9 0 1 1 3.44 9.22Z",
    CLOCK_FACE,
];
/// A circle of radius 9 about 12,12.
const CLOCK_FACE: &str = "M3 12a9 9 0 1 0 18 0a9 9 0 1 0-18 0Z";
/// A bar's frame: 10 by 22 with rounded corners, at 1,1.
const BAR_FRAME: &str = "M3 1h6a2 2 0 0 1 2 2v18a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V3a2 2 0 0 1 2-2Z";

/// A pictogram as SVG: its view box, the path of its filled part (empty when nothing is
/// filled) and the path of its frame, drawn over it. `None` for no pictogram.
pub fn pictogram(pict: Pict) -> Option<(&'static str, String, &'static str)> {
    match pict {
        Pict::None => None,
        Pict::Clock(value) => Some(("0 0 24 24", CLOCK[usize::from(value.min(5))].to_owned(), CLOCK_FACE)),
        Pict::Bar(value) => {
            let height = value.min(10) * 2;
            Some(("0 0 12 24", format!("M2 {}h8v{height}H2Z", 22 - height), BAR_FRAME))
        }
    }
}

/// A goal step's answers: kept to it, partly, or not (their values index `Kept::ALL`).
pub fn kept_answers(lang: Lang) -> Vec<Answer> {
    [Msg::KeptYes, Msg::KeptPartly, Msg::KeptNo]
        .into_iter()
        .zip(0..)
        .map(|(words, value)| Answer { value, words: Some(words.get(lang)), pict: Pict::None })
        .collect()
}

/// A goal's lines under its heading: how we will know, and by when (each where the goal
/// says). `None` for a goal the history no longer has.
pub fn goal_lines(lang: Lang, goal: Option<&Goal>) -> Option<(Option<String>, Option<String>)> {
    let goal = goal?;
    let measure = Some(&goal.measure)
        .filter(|m| !m.trim().is_empty())
        .map(|measure| Msg::GoalMeasure.fill(lang, &[("measure", measure)]));
    let by =
        goal.by.as_deref().and_then(parse_date).map(|by| Msg::GoalBy.fill(lang, &[("date", &date_label(lang, by))]));
    Some((measure, by))
}

/// Where the work step starts: what was given for the week, else last week's plan, and
/// whether that plan is what it shows (a suggestion, said so).
pub fn work_start(given: Option<Work>, history: &History, week: IsoWeek) -> (Work, bool) {
    if let Some(given) = given {
        return (given, false);
    }
    let last = history.work.iter().rev().find(|w| w.week < week).map(|w| &w.work);
    let start = Work {
        planned_minutes: last.and_then(|w| w.planned_minutes),
        days_planned: last.and_then(|w| w.days_planned),
        ..Work::default()
    };
    let suggested = !start.is_empty();
    (start, suggested)
}

/// The work step's four fields: id, label, value shown (from `start`) and input mode.
pub fn work_fields(lang: Lang, start: &Work) -> [(&'static str, Msg, String, &'static str); 4] {
    let separator = decimal_separator(lang);
    let hours = |minutes: Option<u32>| minutes.map(|m| format_hours(m, separator)).unwrap_or_default();
    let days = |days: Option<u8>| days.map(|d| d.to_string()).unwrap_or_default();
    [
        (HOURS_PLANNED, Msg::HoursPlanned, hours(start.planned_minutes), "decimal"),
        (HOURS_WORKED, Msg::HoursWorked, hours(start.worked_minutes), "decimal"),
        (DAYS_PLANNED, Msg::DaysPlanned, days(start.days_planned), "numeric"),
        (DAYS_ATTENDED, Msg::DaysAttended, days(start.days_attended), "numeric"),
    ]
}

/// Reads the work step's fields (`text` gives a field's text by its id), or says which
/// figure does not read, and at which field.
pub fn read_work(
    text: impl Fn(&'static str) -> String,
    absence: Option<crate::domain::progression::Absence>,
) -> Result<Work, (Msg, &'static str)> {
    let hours = |id| parse_hours(&text(id)).ok_or((Msg::ErrHours, id));
    let days = |id| {
        let text = latin_digits(&text(id));
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        text.parse::<u8>().ok().filter(|d| *d <= 7).map(Some).ok_or((Msg::ErrDays, id))
    };
    Ok(Work {
        planned_minutes: hours(HOURS_PLANNED)?,
        worked_minutes: hours(HOURS_WORKED)?,
        days_planned: days(DAYS_PLANNED)?,
        days_attended: days(DAYS_ATTENDED)?,
        absence,
    })
}

/// What a week's work the model refused says, and at which field.
pub fn work_refused(error: ProgressError) -> (Msg, &'static str) {
    match error {
        ProgressError::AttendedAbovePlanned => (Msg::ErrAttendedAbove, DAYS_ATTENDED),
        _ => (Msg::ErrHours, HOURS_PLANNED),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instrument::current_in;
    use crate::domain::progression::{Absence, Kept};

    fn question(id: &str, link_id: &str, easy: bool) -> Question {
        let instrument = current_in(id, easy).unwrap();
        Question { instrument, item: instrument.item(link_id).unwrap(), number: 1, total: 19 }
    }

    #[test]
    fn a_who5_question_reads_its_words_and_offers_six_worded_answers_with_clock_faces() {
        let text = QuestionText::new(Lang::Da, &question("who5", "1", false), None);
        assert_eq!(text.position, "Spørgsmål 1 af 19");
        assert_eq!(text.section, "WHO-5 Trivselsindeks · De sidste 2 uger");
        assert_eq!(text.spoken, "I de sidste 2 uger har jeg været glad og i godt humør");
        assert_eq!((text.legend, text.layout), (None, "ugb-options ugb-options--list"));
        let words: Vec<_> = text.answers.iter().map(|a| (a.value, a.words.unwrap(), a.pict)).collect();
        assert_eq!(words[0], (5, "Hele tiden", Pict::Clock(5)));
        assert_eq!(words[5], (0, "På intet tidspunkt", Pict::Clock(0)));
        assert_eq!((text.official, text.unreviewed), (None, false));
        assert_eq!(done(1, 19), "0");
        assert_eq!(done(20, 20), "95");
    }

    #[test]
    fn a_rating_reads_what_its_ends_mean_and_offers_the_numbers_with_bars() {
        let text = QuestionText::new(Lang::En, &question("chime5", "chime-h", false), None);
        assert_eq!(
            text.spoken,
            "This week, how hopeful have you felt about your future? 0 = Not at all, 10 = Very much"
        );
        assert_eq!(text.legend.as_deref(), Some("0 = Not at all, 10 = Very much"));
        assert_eq!(text.answers.len(), 11, "a bar beside every number 0–10");
        assert!(text.answers.iter().enumerate().all(|(n, a)| usize::from(a.value) == n && a.words.is_none()));
        assert_eq!(text.answers[7].pict, Pict::Bar(7));
        let hours = QuestionText::new(Lang::Da, &question("jobready7", "job-hours", false), None);
        assert_eq!((hours.answers.len(), hours.answers[15].pict), (38, Pict::None));
        assert_eq!(hours.layout, "ugb-options ugb-options--hours");
        // Easy-read words are a version of their own.
        let easy = QuestionText::new(Lang::Da, &question("chime5", "chime-c", true), None);
        assert_eq!(easy.text, "Har du i denne uge følt dig tæt på andre mennesker?");
    }

    #[test]
    fn the_who5_in_a_language_without_an_official_version_is_shown_in_the_one_chosen() {
        // Without the Arabic pack the app's own texts fall back to Danish; what matters
        // here is the WHO-5's wording and where it says why.
        let first = QuestionText::new(Lang::Ar, &question("who5", "1", false), Some(Lang::Da));
        assert_eq!((first.shown, first.official), (Lang::Da, Some(true)));
        assert_eq!(first.answers[0].words, Some("Hele tiden"));
        let second = QuestionText::new(Lang::Ar, &question("who5", "2", false), Some(Lang::Da));
        assert_eq!(second.text, "I de sidste 2 uger har jeg følt mig rolig og afslappet");
        assert_eq!(second.official, Some(false), "why is said once, at the first question");
        assert_eq!(QuestionText::new(Lang::Uk, &question("who5", "2", false), None).shown, Lang::En);
        // The app's own instruments are translated, and say that nobody has reviewed it yet.
        let chime = QuestionText::new(Lang::Ar, &question("chime5", "chime-c", false), Some(Lang::Da));
        assert_eq!((chime.shown, chime.official, chime.unreviewed), (Lang::Ar, None, true));
    }

    #[test]
    fn the_pictograms_fill_their_share() {
        // The clock faces' slices are the fifths of the circle.
        for value in 1..=4u8 {
            let angle = f32::from(value) / 5.0 * std::f32::consts::TAU;
            let end = format!("{:.2} {:.2}Z", 12.0 + 9.0 * angle.sin(), 12.0 - 9.0 * angle.cos());
            let (_, fill, _) = pictogram(Pict::Clock(value)).unwrap();
            assert!(fill.ends_with(&end), "{value}: {fill}");
        }
        assert_eq!(pictogram(Pict::Clock(5)).unwrap().1, CLOCK_FACE, "all of the time: full");
        assert_eq!(pictogram(Pict::Clock(0)).unwrap().1, "", "at no time: empty");
        // A full bar for 10, an empty one for 0.
        assert_eq!(pictogram(Pict::Bar(10)).unwrap().1, "M2 2h8v20H2Z");
        assert_eq!(pictogram(Pict::Bar(3)).unwrap().1, "M2 16h8v6H2Z");
        assert_eq!(pictogram(Pict::Bar(0)).unwrap().1, "M2 22h8v0H2Z");
        assert_eq!(pictogram(Pict::None), None);
    }

    #[test]
    fn a_goal_step_offers_kept_partly_or_not_and_says_how_and_by_when() {
        crate::i18n::pack::install_english();
        let values: Vec<_> =
            kept_answers(Lang::Da).iter().map(|a| (Kept::ALL[usize::from(a.value)], a.words)).collect();
        assert_eq!(values[1], (Kept::Partly, Some(Msg::KeptPartly.get(Lang::Da))));
        let goal = Goal {
            id: "g".into(),
            what: "<img src=x onerror=alert(1)>".into(),
            measure: "Mentor says so".into(),
            by: Some("2027-01-31".into()),
            set: "2026-W47".parse::<IsoWeek>().unwrap(),
            authored: String::new(),
            closed: None,
            replaces: None,
            checks: Vec::new(),
        };
        let (measure, by) = goal_lines(Lang::En, Some(&goal)).unwrap();
        assert!(measure.unwrap().contains("Mentor says so"));
        assert_eq!(by.as_deref(), Some("By 31 Jan 2027"));
        let vague = Goal { measure: " ".into(), by: None, ..goal };
        assert_eq!(goal_lines(Lang::En, Some(&vague)), Some((None, None)));
        assert_eq!(goal_lines(Lang::En, None), None, "a goal the history no longer has");
    }

    #[test]
    fn the_work_step_starts_from_last_weeks_plan_and_reads_its_fields_back() {
        let week: IsoWeek = "2026-W47".parse().unwrap();
        let mut history = History::default();
        let planned =
            Work { planned_minutes: Some(450), worked_minutes: Some(400), days_planned: Some(3), ..Work::default() };
        history.work.push(crate::domain::progression::WorkWeek {
            week: "2026-W46".parse().unwrap(),
            work: planned,
            authored: String::new(),
        });
        let (start, suggested) = work_start(None, &history, week);
        assert!(suggested);
        assert_eq!(
            start,
            Work { planned_minutes: Some(450), days_planned: Some(3), ..Work::default() },
            "what happened is not guessed"
        );
        let fields = work_fields(Lang::Da, &start);
        assert_eq!((fields[0].0, fields[0].2.as_str(), fields[0].3), (HOURS_PLANNED, "7,5", "decimal"));
        assert_eq!((fields[2].2.as_str(), fields[3].2.as_str(), fields[3].3), ("3", "", "numeric"));
        assert_eq!(work_fields(Lang::En, &start)[0].2, "7.5");
        let given = Work { absence: Some(Absence::Ill), ..Work::default() };
        assert_eq!(work_start(Some(given.clone()), &history, week), (given, false));
        assert!(!work_start(None, &History::default(), week).1, "no plan, no suggestion");

        let texts = |planned: &'static str, attended: &'static str| {
            move |id: &'static str| match id {
                HOURS_PLANNED => planned.to_owned(),
                DAYS_ATTENDED => attended.to_owned(),
                _ => String::new(),
            }
        };
        let read = read_work(texts("7,5", "٣"), Some(Absence::Other)).unwrap();
        assert_eq!(
            read,
            Work {
                planned_minutes: Some(450),
                days_attended: Some(3),
                absence: Some(Absence::Other),
                ..Work::default()
            }
        );
        assert_eq!(read_work(texts("x", ""), None), Err((Msg::ErrHours, HOURS_PLANNED)));
        assert_eq!(read_work(texts("", "8"), None), Err((Msg::ErrDays, DAYS_ATTENDED)));
        assert_eq!(work_refused(ProgressError::AttendedAbovePlanned), (Msg::ErrAttendedAbove, DAYS_ATTENDED));
    }
}
