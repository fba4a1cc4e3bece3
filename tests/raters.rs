//! Readings by others (issue 20): the rater's instruments, who may answer what, the names
//! kept, the list the citizen controls, and where the citizen and another see things
//! differently.

mod common;

use common::{response, week};
use ugeblik::domain::history::History;
use ugeblik::domain::rater::{
    self, check, differences, nearest_own, NameError, Rater, Reading, ReadingError, Readings, Role, PLACEMENT_ID,
    RATER_JOB_ID,
};
use ugeblik::domain::response::{Response, Status, ValidationError};

const SEVEN: [&str; 7] =
    ["job-ability", "job-belief", "job-health", "job-everyday", "job-cooperation", "job-search", "job-skills"];
const PLACE: [&str; 5] =
    ["place-tasks", "place-attendance", "place-cooperation", "place-wellbeing", "place-motivation"];

/// A reading of `instrument` in `week_text` with every item in `items` answered `value`.
fn rated(id: &str, instrument: &str, week_text: &str, items: &[&str], value: u8) -> Response {
    let answers: Vec<(&str, u8)> = items.iter().map(|i| (*i, value)).collect();
    common::rated(id, instrument, week_text, &answers)
}

fn consultant() -> Rater {
    Rater { role: Role::Consultant, name: Some("MK".into()) }
}

#[test]
fn the_raters_instruments_are_the_definitions() {
    let job = rater::find(RATER_JOB_ID, "1").unwrap();
    assert!(!job.validated);
    assert_eq!(job.items.len(), 8);
    assert_eq!(job.required_items().count(), 7);
    assert_eq!(job.items[0].text.da, "Hvor godt vurderer du, at personen er i stand til at arbejde lige nu?");
    assert!(job.notice.da.starts_with("Konsulentens/mentorens vurdering"));
    // The same linkIds and scale as the citizen's own.
    let own = ugeblik::domain::instrument::find("jobready7", "1").unwrap();
    let ids = |i: &ugeblik::domain::instrument::Instrument| i.items.iter().map(|x| x.link_id).collect::<Vec<_>>();
    assert_eq!(ids(job), ids(own));
    assert_eq!(job.items[0].scale.bounds(), (0, 10));
    assert_eq!(job.item("job-hours").unwrap().scale.bounds(), (0, 37));
    let place = rater::find(PLACEMENT_ID, "1").unwrap();
    assert_eq!(ids(place), PLACE);
    assert!(place.notice.da.starts_with("Arbejdspladsens vurdering"));
    assert_eq!(place.recall.code(), "P2W");
    assert_eq!(place.items[4].text.en, "How motivated does the person seem for the work?");
    // The check-in's own catalogue does not hold them: a citizen is never asked them.
    assert!(ugeblik::domain::instrument::find(RATER_JOB_ID, "1").is_err());
    assert!(ugeblik::domain::instrument::find(PLACEMENT_ID, "1").is_err());
}

#[test]
fn each_role_answers_its_own_instrument() {
    assert_eq!(Role::Consultant.instrument().unwrap().id, RATER_JOB_ID);
    assert_eq!(Role::Mentor.instrument().unwrap().id, RATER_JOB_ID);
    assert_eq!(Role::Employer.instrument().unwrap().id, PLACEMENT_ID);
    assert_eq!(Role::Citizen.instrument(), None);
    for role in [Role::Citizen, Role::Consultant, Role::Mentor, Role::Employer] {
        assert_eq!(Role::parse(role.code()), Some(role));
    }
    assert_eq!(Role::parse("boss"), None);

    let job = rated("r1", RATER_JOB_ID, "2026-W47", &SEVEN, 6);
    let place = rated("r2", PLACEMENT_ID, "2026-W47", &PLACE, 6);
    assert_eq!(check(&consultant(), &job).unwrap().id, RATER_JOB_ID);
    assert_eq!(check(&Rater { role: Role::Mentor, name: None }, &job).unwrap().id, RATER_JOB_ID);
    assert_eq!(check(&Rater { role: Role::Employer, name: None }, &place).unwrap().id, PLACEMENT_ID);
    assert_eq!(
        check(&Rater { role: Role::Employer, name: None }, &job),
        Err(ReadingError::WrongRole { instrument: RATER_JOB_ID.into(), role: Role::Employer })
    );
    assert_eq!(
        check(&consultant(), &place),
        Err(ReadingError::WrongRole { instrument: PLACEMENT_ID.into(), role: Role::Consultant })
    );
    // The citizen never answers another's instrument as their own.
    assert_eq!(check(&Rater::citizen(), &job), Err(ReadingError::NotSelfReport { instrument: RATER_JOB_ID.into() }));
}

#[test]
fn who5_and_chime_are_self_reports_only() {
    let who5 = response("2026-W47", "who5", &[("1", 3), ("2", 3), ("3", 3), ("4", 3), ("5", 3)], None);
    let chime = response("2026-W47", "chime5", &[("chime-c", 5)], None);
    let job = response("2026-W47", "jobready7", &[("job-ability", 5)], None);
    for role in Role::OTHERS {
        let rater = Rater { role, name: None };
        for own in [&who5, &chime, &job] {
            assert_eq!(
                check(&rater, own),
                Err(ReadingError::SelfReportOnly { instrument: own.instrument.clone(), role }),
                "{role:?} answering {}",
                own.instrument
            );
        }
    }
    assert!(check(&Rater::citizen(), &who5).is_ok());
    let message = check(&consultant(), &who5).unwrap_err().to_string();
    assert!(message.contains("who5") && message.contains("citizen only"), "{message}");
}

#[test]
fn a_readings_answers_are_validated_like_the_citizens() {
    let mut wrong = rated("r1", RATER_JOB_ID, "2026-W47", &SEVEN, 6);
    wrong.answers.insert("job-ability".into(), 11);
    assert!(matches!(check(&consultant(), &wrong), Err(ReadingError::Response(ValidationError::OutOfRange { .. }))));
    let mut partial = rated("r1", RATER_JOB_ID, "2026-W47", &SEVEN[..3], 6);
    assert!(matches!(
        check(&consultant(), &partial),
        Err(ReadingError::Response(ValidationError::MissingAnswer { .. }))
    ));
    partial.status = Status::Partial;
    assert!(check(&consultant(), &partial).is_ok());
    let mut unknown = rated("r1", RATER_JOB_ID, "2026-W47", &SEVEN, 6);
    unknown.answers.insert("chime-c".into(), 1);
    assert!(matches!(check(&consultant(), &unknown), Err(ReadingError::Response(ValidationError::UnknownItem { .. }))));
    let mut version = rated("r1", RATER_JOB_ID, "2026-W47", &SEVEN, 6);
    version.version = "9".into();
    assert!(matches!(
        check(&consultant(), &version),
        Err(ReadingError::Response(ValidationError::UnknownVersion { .. }))
    ));
    let no_id = rated(" ", RATER_JOB_ID, "2026-W47", &SEVEN, 6);
    assert_eq!(check(&consultant(), &no_id), Err(ReadingError::Response(ValidationError::EmptyId)));
}

#[test]
fn a_rater_gives_initials_or_a_first_name_never_a_cpr_number_or_an_email() {
    assert_eq!(rater::name("  MK "), Ok(Some("MK".into())));
    assert_eq!(rater::name("Søren"), Ok(Some("Søren".into())));
    assert_eq!(rater::name("   "), Ok(None));
    assert_eq!(rater::name("010190-1234"), Err(NameError::Digits));
    assert_eq!(rater::name("MK 2"), Err(NameError::Digits));
    // Arabic-Indic digits are digits too.
    assert_eq!(rater::name("م ٣"), Err(NameError::Digits));
    assert_eq!(rater::name("mk@jobcenter.dk"), Err(NameError::Email));
    assert_eq!(rater::name(&"a".repeat(31)), Err(NameError::TooLong));
    assert_eq!(rater::name(&"æ".repeat(30)), Ok(Some("æ".repeat(30))));
    let job = rated("r1", RATER_JOB_ID, "2026-W47", &SEVEN, 6);
    let cpr = Rater { role: Role::Consultant, name: Some("0101901234".into()) };
    assert_eq!(check(&cpr, &job), Err(ReadingError::Name(NameError::Digits)));
}

fn reading(id: &str, week_text: &str, value: u8, authored: &str) -> Reading {
    let mut response = rated(id, RATER_JOB_ID, week_text, &SEVEN, value);
    response.authored = authored.to_owned();
    Reading { rater: consultant(), response, hidden: false }
}

#[test]
fn the_citizen_hides_and_deletes_anothers_reading_and_a_deleted_one_stays_gone() {
    let mut readings = Readings::default();
    readings.upsert(reading("b", "2026-W48", 5, "2026-11-27T10:00:00Z"));
    readings.upsert(reading("a", "2026-W47", 4, "2026-11-20T10:00:00Z"));
    assert_eq!(readings.readings.iter().map(|r| r.response.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
    readings.set_hidden("a", true);
    assert_eq!(readings.of(RATER_JOB_ID, true).count(), 1);
    assert_eq!(readings.of(RATER_JOB_ID, false).count(), 2);
    // A newer copy of a hidden reading stays hidden.
    readings.upsert(reading("a", "2026-W47", 6, "2026-11-21T10:00:00Z"));
    assert!(readings.readings[0].hidden);
    assert_eq!(readings.readings[0].response.answers["job-ability"], 6);

    let before_delete = readings.clone();
    readings.delete("b");
    assert_eq!(readings.readings.len(), 1);
    // Neither another tab's older copy nor a file brings it back.
    readings.merge(&before_delete);
    assert_eq!(readings.readings.len(), 1);
    readings.upsert(reading("b", "2026-W48", 5, "2026-11-28T10:00:00Z"));
    assert_eq!(readings.readings.len(), 1);
    // And another tab learns of the deletion.
    let mut other = before_delete;
    other.merge(&readings);
    assert_eq!(other.readings.len(), 1);
    assert_eq!(other.deleted, ["b"]);
}

#[test]
fn merging_keeps_both_tabs_readings_and_the_later_answers() {
    let mut mine = Readings::default();
    mine.upsert(reading("a", "2026-W47", 4, "2026-11-20T10:00:00Z"));
    let mut theirs = Readings::default();
    theirs.upsert(reading("a", "2026-W47", 7, "2026-11-20T11:00:00Z"));
    theirs.upsert(reading("c", "2026-W49", 2, "2026-12-04T10:00:00Z"));
    mine.merge(&theirs);
    assert_eq!(mine.readings.len(), 2);
    assert_eq!(mine.readings[0].response.answers["job-ability"], 7);
    let older = {
        let mut r = Readings::default();
        r.upsert(reading("a", "2026-W47", 1, "2026-11-19T10:00:00Z"));
        r
    };
    mine.merge(&older);
    assert_eq!(mine.readings[0].response.answers["job-ability"], 7);
}

#[test]
fn differences_of_three_or_more_either_way_are_listed_in_the_instruments_order() {
    let own = response(
        "2026-W47",
        "jobready7",
        &[
            ("job-ability", 2),
            ("job-belief", 8),
            ("job-health", 5),
            ("job-everyday", 5),
            ("job-cooperation", 10),
            ("job-search", 0),
            ("job-skills", 4),
            ("job-hours", 30),
        ],
        None,
    );
    let mut other = rated("r", RATER_JOB_ID, "2026-W47", &SEVEN, 5);
    other.answers.insert("job-cooperation".into(), 7);
    other.answers.insert("job-skills".into(), 6);
    other.answers.insert("job-hours".into(), 10);
    let found = differences(&own, &other);
    let listed: Vec<(&str, u8, u8)> = found.iter().map(|d| (d.link_id, d.citizen, d.other)).collect();
    // ability 2 vs 5 (the other higher), belief 8 vs 5 (the citizen higher), cooperation
    // exactly 3 apart, search 0 vs 5; skills 2 apart and the hours (not 0–10) are not.
    assert_eq!(listed, [("job-ability", 2, 5), ("job-belief", 8, 5), ("job-cooperation", 10, 7), ("job-search", 0, 5)]);
    assert_eq!(found[0].short.da, "Arbejdsevne");
    // A skipped item on either side is no difference.
    let mut skipped = other.clone();
    skipped.answers.remove("job-ability");
    skipped.status = Status::Partial;
    assert_eq!(differences(&own, &skipped).len(), 3);
    // Only job readiness against the consultant's rating.
    let place = rated("p", PLACEMENT_ID, "2026-W47", &PLACE, 0);
    assert!(differences(&own, &place).is_empty());
}

#[test]
fn a_reading_is_compared_with_the_citizens_own_of_the_same_or_nearest_week() {
    let mut history = History::default();
    for (w, v) in [("2026-W40", 1), ("2026-W44", 2), ("2026-W48", 3)] {
        let mut r = response(w, "jobready7", &[("job-ability", v)], None);
        r.id = format!("own-{w}");
        history.upsert(r);
    }
    history.upsert(response("2026-W46", "who5", &[("1", 1)], None));
    let at = |w: &str| nearest_own(&history, week(w)).map(|r| r.week.to_string());
    assert_eq!(at("2026-W44").as_deref(), Some("2026-W44"));
    assert_eq!(at("2026-W45").as_deref(), Some("2026-W44"));
    // Two weeks from each: the earlier.
    assert_eq!(at("2026-W46").as_deref(), Some("2026-W44"));
    assert_eq!(at("2026-W47").as_deref(), Some("2026-W48"));
    assert_eq!(at("2027-W10").as_deref(), Some("2026-W48"));
    assert_eq!(nearest_own(&History::default(), week("2026-W47")), None);
}

#[test]
fn a_raters_file_is_labelled_with_a_nickname_or_case_number_never_a_cpr_number() {
    use ugeblik::domain::rater::citizen_label;
    assert_eq!(citizen_label("  Sag 7 "), Some("Sag 7".into()));
    assert_eq!(citizen_label("2026-1234"), Some("2026-1234".into()));
    for cpr in ["010190-1234", "0101901234", "Kim 010190 1234", "010190-12345"] {
        assert_eq!(citizen_label(cpr), None, "{cpr}");
    }
    assert_eq!(citizen_label("   "), None);
    assert_eq!(citizen_label(&"x".repeat(41)), None);
}

#[test]
fn the_address_opens_the_app_for_a_rater_on_their_own_device() {
    use ugeblik::formats::config::{rater_role, Config};
    assert_eq!(rater_role("?rater=employer"), Some(Role::Employer));
    assert_eq!(rater_role("?lang=en&rater=mentor"), Some(Role::Mentor));
    // Unknown, or the citizen's own: a consultant's first screen, where the role is chosen.
    assert_eq!(rater_role("?rater=boss"), Some(Role::Consultant));
    assert_eq!(rater_role("?rater=citizen"), Some(Role::Consultant));
    assert_eq!(rater_role("?raters=employer"), None);
    assert_eq!(rater_role("?viewer"), None);
    // Like the viewer: nothing of the rater's device is stored.
    let config = Config::from_query("?rater=employer");
    assert!(config.viewer && config.errors.is_empty());
}
