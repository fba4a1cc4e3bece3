//! Readings of the citizen by someone else: the consultant's or mentor's view of their job
//! readiness (`jobready7-rater`) and the workplace's evaluation during a placement
//! (`placement5`), as `shared/domain/INSTRUMENTS.md` section 4 defines them. They are kept
//! *beside* the citizen's own answers, never instead of them: a reading is a response with
//! its rater, in a list of its own ([`Readings`]) that the check-in never touches, and the
//! citizen sees, hides or deletes every one. WHO-5 and CHIME are self-reports only: no one
//! answers them about the citizen.
//!
//! The instruments live here, not in the check-in's catalogue: the page's first load reads
//! only the citizen's own (their texts would cost it a kilobyte), the session screens and
//! the files both.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::history::History;
use crate::domain::instrument::{self, Instrument, Item, LookupError, Recall, Scale, JOB_ID, UNREVIEWED};
use crate::domain::lang::Text;
use crate::domain::response::{validate_in, Response, ValidationError};
use crate::domain::week::IsoWeek;

/// The consultant's or mentor's rating of the citizen's job readiness.
pub const RATER_JOB_ID: &str = "jobready7-rater";
/// The workplace's evaluation during a placement.
pub const PLACEMENT_ID: &str = "placement5";

/// Who gave a reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The citizen's own answers.
    Citizen,
    Consultant,
    Mentor,
    /// The employer, or the workplace's contact person, during a placement.
    Employer,
}

impl Role {
    /// Every role that rates someone else, in the order they are offered.
    pub const OTHERS: [Role; 3] = [Role::Consultant, Role::Mentor, Role::Employer];

    /// The code in files and in the address (`?rater=employer`).
    pub fn code(self) -> &'static str {
        match self {
            Role::Citizen => "citizen",
            Role::Consultant => "consultant",
            Role::Mentor => "mentor",
            Role::Employer => "employer",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        [Role::Citizen, Role::Consultant, Role::Mentor, Role::Employer].into_iter().find(|r| r.code() == code)
    }

    /// The instrument this role answers about the citizen: the workplace evaluates the
    /// placement, a consultant or mentor rates job readiness. The citizen has none here:
    /// their own are the check-in's.
    pub fn instrument(self) -> Option<&'static Instrument> {
        match self {
            Role::Citizen => None,
            Role::Consultant | Role::Mentor => RATED.iter().find(|i| i.id == RATER_JOB_ID),
            Role::Employer => RATED.iter().find(|i| i.id == PLACEMENT_ID),
        }
    }
}

/// Who gave a response: the role, and if they want, initials or a first name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rater {
    pub role: Role,
    /// Initials or a first name, at most 30 characters: never a CPR number nor an e-mail
    /// address, so no digits and no `@`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(max = 30), regex(pattern = r"^[^0-9@]*$")))]
    pub name: Option<String>,
}

/// The longest name a rater may give.
pub const NAME_MAX: usize = 30;

/// Why a rater's name is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameError {
    TooLong,
    /// Digits could be a CPR number; only initials or a first name are kept.
    Digits,
    /// An `@` could be an e-mail address.
    Email,
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameError::TooLong => write!(f, "the rater's name is longer than {NAME_MAX} characters"),
            NameError::Digits => write!(f, "the rater's name has digits (only initials or a first name)"),
            NameError::Email => write!(f, "the rater's name has an @ (only initials or a first name)"),
        }
    }
}

/// A rater's name as typed, trimmed: `None` when empty, an error when it is not initials
/// or a first name.
pub fn name(typed: &str) -> Result<Option<String>, NameError> {
    let name = typed.trim();
    if name.chars().count() > NAME_MAX {
        Err(NameError::TooLong)
    } else if name.chars().any(char::is_numeric) {
        Err(NameError::Digits)
    } else if name.contains('@') {
        Err(NameError::Email)
    } else {
        Ok(Some(name.to_owned()).filter(|n| !n.is_empty()))
    }
}

/// The citizen's nickname or case number as a rater types it on their own device, for the
/// file's label: trimmed, 1–40 characters, and never what looks like a CPR number (six
/// digits, a dash or not, four digits). `None` when it cannot be used.
pub fn citizen_label(typed: &str) -> Option<String> {
    let label = typed.trim();
    let digits: Vec<char> = label.chars().filter(|c| !c.is_whitespace()).collect();
    let cpr = |at: usize| {
        let run =
            |from: usize, n: usize| digits.get(from..from + n).is_some_and(|d| d.iter().all(char::is_ascii_digit));
        run(at, 6) && (run(at + 6, 4) || digits.get(at + 6) == Some(&'-') && run(at + 7, 4))
    };
    let looks_like_cpr = (0..digits.len()).any(cpr);
    (!label.is_empty() && label.chars().count() <= 40 && !looks_like_cpr).then(|| label.to_owned())
}

impl Rater {
    pub fn citizen() -> Rater {
        Rater { role: Role::Citizen, name: None }
    }

    pub fn is_citizen(&self) -> bool {
        self.role == Role::Citizen
    }
}

/// Why a response cannot be kept with its rater.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadingError {
    /// WHO-5 and CHIME are answered by the citizen only.
    SelfReportOnly {
        instrument: String,
        role: Role,
    },
    /// An instrument for others' readings, marked as the citizen's own.
    NotSelfReport {
        instrument: String,
    },
    /// The instrument is not one this role answers (an employer's job-readiness rating).
    WrongRole {
        instrument: String,
        role: Role,
    },
    Name(NameError),
    Response(ValidationError),
}

impl fmt::Display for ReadingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadingError::SelfReportOnly { instrument, role } => {
                write!(f, "{instrument} is answered by the citizen only, not by a {}", role.code())
            }
            ReadingError::NotSelfReport { instrument } => {
                write!(f, "{instrument} is answered about the citizen by someone else, not by the citizen")
            }
            ReadingError::WrongRole { instrument, role } => write!(f, "a {} does not answer {instrument}", role.code()),
            ReadingError::Name(error) => write!(f, "{error}"),
            ReadingError::Response(error) => write!(f, "{error}"),
        }
    }
}

impl From<ValidationError> for ReadingError {
    fn from(error: ValidationError) -> ReadingError {
        ReadingError::Response(error)
    }
}

/// One reading of the citizen by someone else.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    pub rater: Rater,
    pub response: Response,
    /// The citizen chose to leave it out of the session's views (it stays in the list, in
    /// files and in the charts of the progress screen, marked).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
}

/// Checks a response with its rater: the citizen's own against the check-in's catalogue,
/// another's against the instruments for others and the rater's role. Says what is wrong.
pub fn check(rater: &Rater, response: &Response) -> Result<&'static Instrument, ReadingError> {
    if rater.is_citizen() {
        if find(&response.instrument, &response.version).is_ok() {
            return Err(ReadingError::NotSelfReport { instrument: response.instrument.clone() });
        }
        return Ok(crate::domain::response::validate(response)?);
    }
    if let Some(name) = &rater.name {
        self::name(name).map_err(ReadingError::Name)?;
    }
    if instrument::find(&response.instrument, &response.version).is_ok()
        || instrument::current(&response.instrument).is_some()
    {
        return Err(ReadingError::SelfReportOnly { instrument: response.instrument.clone(), role: rater.role });
    }
    if response.id.trim().is_empty() {
        return Err(ValidationError::EmptyId.into());
    }
    let found = find(&response.instrument, &response.version).map_err(ValidationError::from)?;
    if rater.role.instrument().map(|i| i.id) != Some(found.id) {
        return Err(ReadingError::WrongRole { instrument: found.id.to_owned(), role: rater.role });
    }
    validate_in(found, response)?;
    Ok(found)
}

/// Every reading by others, with the ids of those the citizen deleted (so that another
/// tab's or an older file's copy does not bring one back).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Readings {
    pub readings: Vec<Reading>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<String>,
}

impl Readings {
    /// Adds a reading, or replaces the one with the same id; nothing when it was deleted.
    pub fn upsert(&mut self, reading: Reading) {
        if self.deleted.contains(&reading.response.id) {
            return;
        }
        match self.readings.iter_mut().find(|r| r.response.id == reading.response.id) {
            Some(kept) => {
                let hidden = kept.hidden;
                *kept = Reading { hidden, ..reading };
            }
            None => self.readings.push(reading),
        }
        self.sort();
    }

    /// Shows or hides the reading `id` in the session's views.
    pub fn set_hidden(&mut self, id: &str, hidden: bool) {
        if let Some(reading) = self.readings.iter_mut().find(|r| r.response.id == id) {
            reading.hidden = hidden;
        }
    }

    /// Deletes the reading `id` for good.
    pub fn delete(&mut self, id: &str) {
        self.readings.retain(|r| r.response.id != id);
        if !self.deleted.iter().any(|d| d == id) {
            self.deleted.push(id.to_owned());
        }
    }

    /// Takes in another copy (another tab's, or a file's): what only it has is added unless
    /// deleted here; where both have a reading, the later authored wins and this copy's
    /// choice to hide it stays; what either deleted is gone.
    pub fn merge(&mut self, other: &Readings) {
        for id in &other.deleted {
            self.delete(id);
        }
        for theirs in &other.readings {
            match self.readings.iter_mut().find(|r| r.response.id == theirs.response.id) {
                Some(mine) if theirs.response.authored > mine.response.authored => {
                    let hidden = mine.hidden;
                    *mine = Reading { hidden, ..theirs.clone() };
                }
                Some(_) => {}
                None if !self.deleted.contains(&theirs.response.id) => self.readings.push(theirs.clone()),
                None => {}
            }
        }
        self.sort();
    }

    /// Oldest week first, then by time.
    fn sort(&mut self) {
        self.readings
            .sort_by(|a, b| (a.response.week, &a.response.authored).cmp(&(b.response.week, &b.response.authored)));
    }

    /// The readings of `instrument_id`, oldest first; `shown_only`: without those the
    /// citizen hid from the session.
    pub fn of(&self, instrument_id: &str, shown_only: bool) -> impl Iterator<Item = &Reading> {
        let id = instrument_id.to_owned();
        self.readings.iter().filter(move |r| r.response.instrument == id && !(shown_only && r.hidden))
    }
}

/// Where the citizen and another see a dimension differently: by [`DIFFERENT`] points or
/// more on the 0–10 scale, in either direction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub link_id: &'static str,
    /// The dimension's short name.
    pub short: Text,
    pub citizen: u8,
    pub other: u8,
}

/// How many points apart on a 0–10 scale make a difference worth talking about.
pub const DIFFERENT: u8 = 3;

/// The dimensions of job readiness that `citizen` (their own `jobready7` response) and
/// `other` (a `jobready7-rater` reading) see [`DIFFERENT`] points or more apart, in the
/// instrument's order. The hours are left out: they are not on the 0–10 scale.
pub fn differences(citizen: &Response, other: &Response) -> Vec<Difference> {
    let Ok(rated) = find(&other.instrument, &other.version) else { return Vec::new() };
    if citizen.instrument != JOB_ID || rated.id != RATER_JOB_ID {
        return Vec::new();
    }
    rated
        .items
        .iter()
        .filter(|item| matches!(item.scale, Scale::Rating { .. }))
        .filter_map(|item| {
            let (mine, theirs) = (*citizen.answers.get(item.link_id)?, *other.answers.get(item.link_id)?);
            (mine.abs_diff(theirs) >= DIFFERENT).then_some(Difference {
                link_id: item.link_id,
                short: item.short,
                citizen: mine,
                other: theirs,
            })
        })
        .collect()
}

/// The citizen's own job-readiness response of `week`, or of the nearest week (of two as
/// near, the earlier): the one a reading of `week` is compared with.
pub fn nearest_own(history: &History, week: IsoWeek) -> Option<&Response> {
    history
        .responses
        .iter()
        .filter(|r| r.instrument == JOB_ID)
        .min_by_key(|r| ((r.week.ordinal() - week.ordinal()).abs(), r.week, std::cmp::Reverse(r.authored.clone())))
}

/// The answers of a reading as a profile: every item in its instrument's order, `None`
/// where skipped.
pub fn profile(response: &Response) -> Vec<(&'static Item, Option<u8>)> {
    find(&response.instrument, &response.version)
        .map(|i| i.items.iter().map(|item| (item, response.answers.get(item.link_id).copied())).collect())
        .unwrap_or_default()
}

/// The instrument for others' readings `id` in `version`.
pub fn find(id: &str, version: &str) -> Result<&'static Instrument, LookupError> {
    let mut of_id = RATED.iter().filter(|i| i.id == id).peekable();
    if of_id.peek().is_none() {
        return Err(LookupError::UnknownInstrument { id: id.to_owned() });
    }
    of_id
        .find(|i| i.version == version)
        .ok_or_else(|| LookupError::UnknownVersion { id: id.to_owned(), version: version.to_owned() })
}

/// The citizen's own instrument or another's: the one a file's response names.
pub fn find_any(id: &str, version: &str) -> Result<&'static Instrument, LookupError> {
    match find(id, version) {
        Err(LookupError::UnknownInstrument { .. }) => instrument::find(id, version),
        found => found,
    }
}

const RATER_SCALE: Scale = Scale::Rating {
    low: Text::keyed("jobready7.low", "Slet ikke", "Not at all"),
    high: Text::keyed("jobready7.high", "Fuldt ud", "Fully"),
};

const fn rater_item(link_id: &'static str, text: Text, short: Text, help: Text) -> Item {
    Item { link_id, text, short, help, scale: RATER_SCALE, optional: false }
}

const RATER_JOB_ITEMS: [Item; 8] = [
    rater_item(
        "job-ability",
        Text::keyed(
            "jobready7-rater.job-ability.text",
            "Hvor godt vurderer du, at personen er i stand til at arbejde lige nu?",
            "How able do you think the person is to work right now?",
        ),
        Text::keyed("jobready7.job-ability.short", "Arbejdsevne", "Work ability"),
        Text::keyed(
            "jobready7-rater.job-ability.help",
            "Din vurdering af, hvor meget arbejde personen kan klare nu – ud fra det, du har set.",
            "Your view of how much work the person can manage now – from what you have seen.",
        ),
    ),
    rater_item(
        "job-belief",
        Text::keyed(
            "jobready7-rater.job-belief.text",
            "Hvor meget virker personen til at tro på at kunne få eller beholde et passende job?",
            "How much does the person seem to believe they can get or keep a suitable job?",
        ),
        Text::keyed("jobready7.job-belief.short", "Tro på job", "Belief"),
        Text::keyed(
            "jobready7-rater.job-belief.help",
            "Det, personen siger og gør om at få arbejde – ikke hvad du selv tror.",
            "What the person says and does about getting work – not what you believe yourself.",
        ),
    ),
    rater_item(
        "job-health",
        Text::keyed(
            "jobready7-rater.job-health.text",
            "Hvor godt klarer personen sit helbred (krop og psyke) i hverdagen?",
            "How well is the person managing their health (body and mind) in everyday life?",
        ),
        Text::keyed("jobready7.job-health.short", "Helbred", "Health"),
        Text::keyed(
            "jobready7-rater.job-health.help",
            "Hvordan personen håndterer sit helbred i hverdagen – ikke en diagnose.",
            "How the person handles their health in everyday life – not a diagnosis.",
        ),
    ),
    rater_item(
        "job-everyday",
        Text::keyed(
            "jobready7-rater.job-everyday.text",
            "Hvor godt hænger personens hverdag sammen (søvn, mad, aftaler, økonomi, bolig)?",
            "How well does the person's everyday life work (sleep, meals, appointments, money, housing)?",
        ),
        Text::keyed("jobready7.job-everyday.short", "Hverdag", "Everyday"),
        Text::keyed(
            "jobready7-rater.job-everyday.help",
            "For eksempel om aftaler bliver holdt, og om der er ro om bolig og økonomi.",
            "For example whether appointments are kept, and whether housing and money are settled.",
        ),
    ),
    rater_item(
        "job-cooperation",
        Text::keyed(
            "jobready7-rater.job-cooperation.text",
            "Hvor godt arbejder personen sammen med andre på en arbejdsplads?",
            "How well does the person work together with others at a workplace?",
        ),
        Text::keyed("jobready7.job-cooperation.short", "Samarbejde", "Cooperation"),
        Text::keyed(
            "jobready7-rater.job-cooperation.help",
            "Med kolleger, ledere og kunder – i praktik, på hold eller i forløbet.",
            "With colleagues, managers and customers – at a placement, in groups or in the programme.",
        ),
    ),
    rater_item(
        "job-search",
        Text::keyed(
            "jobready7-rater.job-search.text",
            "Hvor meget har personen i denne uge gjort for at komme tættere på arbejde?",
            "This week, how much has the person done to get closer to work?",
        ),
        Text::keyed("jobready7.job-search.short", "Skridt", "Steps"),
        Text::keyed(
            "jobready7-rater.job-search.help",
            "For eksempel kigget på job, kontaktet en arbejdsplads eller været i praktik.",
            "For example looked at jobs, contacted a workplace or been at a placement.",
        ),
    ),
    rater_item(
        "job-skills",
        Text::keyed(
            "jobready7-rater.job-skills.text",
            "Hvor godt passer personens kompetencer og erfaringer til det arbejde, personen gerne vil have?",
            "How well do the person's skills and experience fit the work they want?",
        ),
        Text::keyed("jobready7.job-skills.short", "Kompetencer", "Skills"),
        Text::keyed(
            "jobready7-rater.job-skills.help",
            "Uddannelse, erfaring og det, personen har vist, at de kan.",
            "Education, experience and what the person has shown they can do.",
        ),
    ),
    Item {
        link_id: "job-hours",
        text: Text::keyed(
            "jobready7-rater.job-hours.text",
            "Cirka hvor mange timer om ugen kunne personen arbejde lige nu? (0–37)",
            "About how many hours a week could the person work right now? (0–37)",
        ),
        short: Text::keyed("jobready7.job-hours.short", "Timer", "Hours"),
        help: Text::keyed(
            "jobready7-rater.job-hours.help",
            "Et helt tal fra 0 til 37.",
            "A whole number from 0 to 37.",
        ),
        scale: Scale::Hours { max: 37 },
        optional: true,
    },
];

const PLACEMENT_ITEMS: [Item; 5] = [
    rater_item(
        "place-tasks",
        Text::keyed(
            "placement5.place-tasks.text",
            "Hvor godt klarer personen de aftalte opgaver?",
            "How well does the person manage the tasks agreed?",
        ),
        Text::keyed("placement5.place-tasks.short", "Opgaver", "Tasks"),
        Text::keyed(
            "placement5.place-tasks.help",
            "De opgaver, I har aftalt for praktikken – ikke en fuld stilling.",
            "The tasks you agreed for the placement – not a full position.",
        ),
    ),
    rater_item(
        "place-attendance",
        Text::keyed(
            "placement5.place-attendance.text",
            "Hvor godt overholder personen de aftalte tider?",
            "How well does the person keep to the agreed times?",
        ),
        Text::keyed("placement5.place-attendance.short", "Tider", "Times"),
        Text::keyed(
            "placement5.place-attendance.help",
            "At møde til tiden og give besked ved fravær.",
            "Arriving on time, and letting you know when absent.",
        ),
    ),
    rater_item(
        "place-cooperation",
        Text::keyed(
            "placement5.place-cooperation.text",
            "Hvor godt samarbejder personen med kollegerne?",
            "How well does the person work with colleagues?",
        ),
        Text::keyed("placement5.place-cooperation.short", "Kolleger", "Colleagues"),
        Text::keyed(
            "placement5.place-cooperation.help",
            "At tale med, spørge og hjælpe dem, personen arbejder sammen med.",
            "Talking with, asking and helping the people they work with.",
        ),
    ),
    rater_item(
        "place-wellbeing",
        Text::keyed(
            "placement5.place-wellbeing.text",
            "Hvor godt virker personen til at trives på arbejdspladsen?",
            "How well does the person seem to be doing at the workplace?",
        ),
        Text::keyed("placement5.place-wellbeing.short", "Trivsel", "Well-being"),
        Text::keyed(
            "placement5.place-wellbeing.help",
            "Det, du ser: om personen virker tryg og godt tilpas.",
            "What you see: whether the person seems safe and at ease.",
        ),
    ),
    rater_item(
        "place-motivation",
        Text::keyed(
            "placement5.place-motivation.text",
            "Hvor motiveret virker personen for arbejdet?",
            "How motivated does the person seem for the work?",
        ),
        Text::keyed("placement5.place-motivation.short", "Motivation", "Motivation"),
        Text::keyed(
            "placement5.place-motivation.help",
            "For eksempel lyst til at lære og til at tage nye opgaver.",
            "For example wanting to learn and to take on new tasks.",
        ),
    ),
];

/// Every instrument someone else answers about the citizen.
pub static RATED: [Instrument; 2] = [
    Instrument {
        id: RATER_JOB_ID,
        version: "1",
        name: Text::keyed("jobready7-rater.name", "Konsulentens/mentorens vurdering", "The consultant's/mentor's rating"),
        validated: false,
        source: "Own wording: the job-readiness dimensions of jobready7 in the third person, for a consultant or mentor (shared/domain/INSTRUMENTS.md, section 4). Not validated.",
        notice: Text::keyed(
            "jobready7-rater.notice",
            "Konsulentens/mentorens vurdering – ikke et valideret måleinstrument.",
            "The consultant's/mentor's rating – not a validated instrument.",
        ),
        recall: Recall::ThisWeek,
        lead_in: Text::new("", ""),
        snomed: None,
        items: &RATER_JOB_ITEMS,
        translations: &UNREVIEWED,
    },
    Instrument {
        id: PLACEMENT_ID,
        version: "1",
        name: Text::keyed("placement5.name", "Arbejdspladsens vurdering", "The workplace's evaluation"),
        validated: false,
        source: "Own wording: the workplace's evaluation during a placement, answered by the employer or the workplace's contact person (shared/domain/INSTRUMENTS.md, section 4). Not validated.",
        notice: Text::keyed(
            "placement5.notice",
            "Arbejdspladsens vurdering – ikke et valideret måleinstrument.",
            "The workplace's evaluation – not a validated instrument.",
        ),
        recall: Recall::LastTwoWeeks,
        lead_in: Text::new("", ""),
        snomed: None,
        items: &PLACEMENT_ITEMS,
        translations: &UNREVIEWED,
    },
];
