//! Reading export files back: every class of bad file gets its own error, and a good one
//! merges by id.

use ugeblik::domain::demo;
use ugeblik::domain::history::History;
use ugeblik::domain::lang::Lang;
use ugeblik::domain::rater::{NameError, Rater, ReadingError, Readings, Role, PLACEMENT_ID, RATER_JOB_ID};
use ugeblik::domain::response::{Status, ValidationError};
use ugeblik::domain::week::IsoWeek;
use ugeblik::formats::export::{export, to_json, FORMAT_VERSION};
use ugeblik::formats::import::{
    goal_key, merge, milestone_key, preview, read, work_key, Changed, Expected, Field, ImportError, Place,
    MAX_IMPORT_BYTES,
};

mod common;

fn week(text: &str) -> IsoWeek {
    text.parse().unwrap()
}

fn file(weeks: usize) -> String {
    to_json(&export(
        &demo::history(week("2026-W47"), weeks),
        &Readings::default(),
        "2026-11-22T12:00:00Z",
        "0.1.0",
        Some("Sag 7"),
    ))
}

#[test]
fn export_then_import_then_export_is_identical_for_histories_of_every_length() {
    for weeks in [0, 1, 2, 9, 52, 520] {
        let history = demo::history(week("2026-W47"), weeks);
        let first = to_json(&export(&history, &Readings::default(), "2026-11-22T12:00:00Z", "0.1.0", Some("Sag 7")));
        let imported = read(&first).unwrap();
        let back = History {
            responses: imported.responses,
            goals: imported.goals,
            work: imported.work,
            milestones: imported.milestones,
        };
        let second = to_json(&export(
            &back,
            &Readings::default(),
            "2026-11-22T12:00:00Z",
            "0.1.0",
            imported.nickname.as_deref(),
        ));
        assert_eq!(first, second, "{weeks} weeks");
    }
}

#[track_caller]
fn fails(text: &str) -> ImportError {
    read(text).expect_err("a bad file must be refused")
}

#[test]
fn each_class_of_bad_file_has_its_own_error() {
    let good = file(3);
    assert_eq!(fails("hello"), ImportError::NotJson { line: 1, column: 1 });
    assert_eq!(fails(&good[..good.len() / 2]), ImportError::Truncated);
    assert_eq!(fails(""), ImportError::Truncated);
    assert_eq!(fails("[1, 2, 3]"), ImportError::NotAnExport);
    assert_eq!(fails(r#"{"resourceType": "Bundle", "type": "collection"}"#), ImportError::NotAnExport);
    assert_eq!(
        fails(r#"{"format": "survey-js", "formatVersion": 1}"#),
        ImportError::OtherFormat { format: "survey-js".into() }
    );
    assert_eq!(
        fails(&good.replace(&format!("\"formatVersion\": {FORMAT_VERSION}"), "\"formatVersion\": 9")),
        ImportError::TooNew { version: 9 }
    );
    assert!(matches!(
        fails(&good.replacen("\"answers\": {", "\"answers\": {\"x\": \"seven\",", 1)),
        ImportError::Wrong { field: Field::Answer(x), expected: Expected::Whole { max: 255 }, .. } if x == "x"
    ));
    assert!(
        matches!(fails(&good.replacen("\"note\"", "\"secret\"", 1)), ImportError::Unknown { field: Field::Key(k), .. } if k == "secret"),
        "unknown fields are refused"
    );
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(fails(&deep), ImportError::NotAnExport);
    // Deep nesting anywhere is refused at once (serde_json skips unknown values without
    // recursing and limits recursion elsewhere), never a stack overflow.
    let nested = format!(
        r#"{{"format": "ugeblik-export", "formatVersion": 1, "x": {}{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(matches!(fails(&nested), ImportError::Shape { .. } | ImportError::TooDeep));
    let in_answers = good.replacen(
        "\"answers\": {",
        &format!("\"answers\": {{\"1\": {}{},", "[".repeat(100_000), "]".repeat(100_000)),
        1,
    );
    assert!(matches!(fails(&in_answers), ImportError::Shape { .. } | ImportError::TooDeep | ImportError::Wrong { .. }));
    let huge = format!("{{\"format\": \"ugeblik-export\", \"pad\": \"{}\"}}", "x".repeat(MAX_IMPORT_BYTES));
    assert!(matches!(fails(&huge), ImportError::TooLarge { .. }));
}

#[test]
fn invalid_responses_are_named_by_their_place_and_item() {
    let good = file(3);
    // The first job-readiness response is the third (WHO-5, CHIME, job for the first week).
    let parsed: serde_json::Value = serde_json::from_str(&good).unwrap();
    assert_eq!(parsed["responses"][2]["instrument"], "jobready7");
    let belief = parsed["responses"][2]["answers"]["job-belief"].as_u64().unwrap();
    let bad = good.replacen(&format!("\"job-belief\": {belief}"), "\"job-belief\": 14", 1);
    let error = fails(&bad);
    assert!(
        matches!(&error, ImportError::Invalid { place: Place::Response { index: 3, .. }, error: ValidationError::OutOfRange { link_id, value: 14, max: 10, .. } } if link_id == "job-belief"),
        "{error:?}"
    );
    let with = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut value = parsed.clone();
        change(&mut value);
        serde_json::to_string(&value).unwrap()
    };
    let unknown = with(&|v| v["responses"][1]["instrument"] = "<script>phq9</script>".into());
    assert!(matches!(
        fails(&unknown),
        ImportError::Invalid {
            place: Place::Response { index: 2, .. },
            error: ValidationError::UnknownInstrument { .. }
        }
    ));
    let version = with(&|v| v["responses"][0]["version"] = "7".into());
    assert!(matches!(
        fails(&version),
        ImportError::Invalid { place: Place::Response { index: 1, .. }, error: ValidationError::UnknownVersion { .. } }
    ));
    let item = with(&|v| v["responses"][0]["answers"]["6"] = 3.into());
    assert!(matches!(
        fails(&item),
        ImportError::Invalid { place: Place::Response { index: 1, .. }, error: ValidationError::UnknownItem { .. } }
    ));
    let first_id = parsed["responses"][0]["id"].as_str().unwrap().to_owned();
    let second_id = parsed["responses"][1]["id"].as_str().unwrap().to_owned();
    let duplicate = good.replace(&format!("\"id\": \"{second_id}\""), &format!("\"id\": \"{first_id}\""));
    assert!(matches!(fails(&duplicate), ImportError::Duplicate { place: Place::Response { index: 2, .. } }));
}

#[test]
fn markup_in_a_file_is_kept_as_text() {
    let good = file(3);
    let parsed: serde_json::Value = serde_json::from_str(&good).unwrap();
    let note = parsed["responses"].as_array().unwrap().iter().find_map(|r| r["note"].as_str()).unwrap().to_owned();
    let hostile = good.replacen(&note, "<img src=x onerror=alert(1)>", 1);
    let imported = read(&hostile).unwrap();
    assert!(imported.responses.iter().any(|r| r.note.as_deref() == Some("<img src=x onerror=alert(1)>")));
}

#[test]
fn the_preview_counts_new_same_and_conflicting_responses_and_the_merge_follows_the_choice() {
    let mut theirs = demo::history(week("2026-W47"), 6);
    // This phone has the last weeks of the same history.
    let since = theirs.responses[theirs.responses.len() / 2].week;
    let mine = History {
        responses: theirs.responses.iter().filter(|r| r.week >= since).cloned().collect(),
        ..Default::default()
    };
    // The file has one of this phone's responses with another answer.
    let changed_id = mine.responses[0].id.clone();
    let changed = theirs.responses.iter_mut().find(|r| r.id == changed_id).unwrap();
    changed.note = Some("written on the old phone".into());
    changed.authored = "2026-10-01T08:00:00Z".into();
    let imported =
        read(&to_json(&export(&theirs, &Readings::default(), "2026-11-22T12:00:00Z", "0.1.0", None))).unwrap();

    let seen = preview(&mine, &Readings::default(), &imported);
    assert_eq!(seen.responses, theirs.responses.len());
    assert_eq!(seen.new, theirs.responses.len() - mine.responses.len());
    assert_eq!(seen.unchanged, mine.responses.len() - 1);
    assert_eq!(seen.conflicts.len(), 1);
    assert_eq!(seen.conflicts[0].id, changed_id);
    assert_eq!(seen.span.unwrap().1, week("2026-W47"));

    let kept = merge(&mine, &imported, &[]);
    assert_eq!(kept.responses.len(), theirs.responses.len());
    assert_eq!(kept.responses.iter().find(|r| r.id == changed_id).unwrap().note, mine.responses[0].note);
    let taken = merge(&mine, &imported, std::slice::from_ref(&changed_id));
    assert_eq!(
        taken.responses.iter().find(|r| r.id == changed_id).unwrap().note.as_deref(),
        Some("written on the old phone")
    );
    assert_eq!(merge(&taken, &imported, &[changed_id]), taken, "importing twice changes nothing more");
}

#[test]
fn every_format_version_ever_written_still_imports() {
    // One fixture per format version; a new version adds its own and keeps this one.
    let v1 = include_str!("fixtures/export-v1.json");
    let imported = read(v1).unwrap();
    assert_eq!(imported.nickname.as_deref(), Some("Sag 42"));
    assert_eq!(imported.responses.len(), 3);
    assert_eq!(imported.responses[0].note.as_deref(), Some("Første uge med 15 timer."));
    assert_eq!(imported.responses[2].week, week("2026-W53"));
    let who5 = ugeblik::domain::response::who5_score(&imported.responses[0]).unwrap();
    assert_eq!(who5.percent, 60);
    for (version, text) in [(2, include_str!("fixtures/export-v2.json")), (3, include_str!("fixtures/export-v3.json"))]
    {
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(value["formatVersion"], version);
        let imported = read(text).unwrap_or_else(|e| panic!("format {version}: {e:?}"));
        assert_eq!((imported.responses.len(), imported.readings.len()), (6, 0), "format {version}");
    }
}

#[test]
fn a_format_3_file_imports_as_the_citizens_own_answers() {
    let text = include_str!("fixtures/export-v3.json");
    assert!(!text.contains("\"rater\""), "format 3 had no raters");
    let imported = read(text).unwrap();
    assert_eq!(imported.nickname.as_deref(), Some("Sag 44"));
    assert_eq!(imported.responses.len(), 6);
    assert!(imported.readings.is_empty(), "everything in an older file is the citizen's own");
    let partial = imported.responses.iter().find(|r| r.status == Status::Partial).unwrap();
    assert_eq!((partial.instrument.as_str(), partial.week), ("chime5", week("2026-W47")));
    assert_eq!(partial.note.as_deref(), Some("Lang uge; sov dårligt torsdag."));
    assert!(!partial.answers.contains_key("chime-m"), "the skipped question stays skipped");
    assert_eq!(partial.authored, "2026-11-18T19:42:07Z");
    assert_eq!((imported.goals.len(), imported.work.len(), imported.milestones.len()), (2, 3, 2));
    assert!(imported.goals.iter().any(|g| g.closed.is_some()) && imported.goals.iter().any(|g| !g.checks.is_empty()));
    assert_eq!(imported.work[0].work.worked_minutes, Some(400));
    assert_eq!(imported.milestones[0].text.as_deref(), Some("Café Solsiden"));
    // Exported again it is format 4, every answer marked as the citizen's own.
    let history = History {
        responses: imported.responses,
        goals: imported.goals,
        work: imported.work,
        milestones: imported.milestones,
    };
    let again = export(&history, &Readings::default(), "2026-11-28T09:00:00Z", "0.1.0", imported.nickname.as_deref());
    assert_eq!(again.format_version, FORMAT_VERSION);
    assert!(again.responses.iter().all(|r| r.rater == Some(Rater::citizen())));
    let instruments: Vec<_> = again.instruments.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(instruments, ["who5", "chime5", "jobready7"]);
}

/// The demo's readings (a consultant "MK", an employer "Lise"), a mentor's without a name
/// and a consultant's without a name.
fn every_role() -> Readings {
    let mut readings = demo::readings(week("2026-W47"));
    readings.upsert(common::reading("r-mentor", "2026-W46", Role::Mentor, None, 4));
    readings.upsert(common::reading("r-consultant", "2026-W45", Role::Consultant, None, 9));
    readings
}

/// The file of `weeks` demo weeks with a reading by every role.
fn file_with_readings(weeks: usize) -> serde_json::Value {
    let history = demo::history(week("2026-W47"), weeks);
    serde_json::from_str(&to_json(&export(&history, &every_role(), "2026-11-22T12:00:00Z", "0.1.0", None))).unwrap()
}

#[test]
fn every_rater_role_survives_export_then_import_then_export() {
    let history = demo::history(week("2026-W47"), 20);
    let readings = every_role();
    let roles: Vec<Role> = readings.readings.iter().map(|r| r.rater.role).collect();
    for role in Role::OTHERS {
        assert!(roles.contains(&role), "{role:?}");
    }
    let first = to_json(&export(&history, &readings, "2026-11-22T12:00:00Z", "0.1.0", Some("Sag 7")));
    let imported = read(&first).unwrap();

    // The citizen's own come back as responses, the others' as readings with their rater.
    let mut own: Vec<_> = imported.responses.iter().map(|r| r.id.clone()).collect();
    let mut expected: Vec<_> = history.responses.iter().map(|r| r.id.clone()).collect();
    own.sort();
    expected.sort();
    assert_eq!(own, expected);
    assert_eq!(imported.readings.len(), readings.readings.len());
    for theirs in &imported.readings {
        let mine = readings.readings.iter().find(|r| r.response.id == theirs.response.id).unwrap();
        assert_eq!(theirs, mine, "{}", mine.response.id);
    }
    let mentor = imported.readings.iter().find(|r| r.response.id == "r-mentor").unwrap();
    assert_eq!(mentor.rater, Rater { role: Role::Mentor, name: None });
    let employer = imported.readings.iter().find(|r| r.rater.role == Role::Employer).unwrap();
    assert_eq!((employer.rater.name.as_deref(), employer.response.instrument.as_str()), (Some("Lise"), PLACEMENT_ID));
    let consultant = imported.readings.iter().find(|r| r.rater.name.as_deref() == Some("MK")).unwrap();
    assert_eq!((consultant.rater.role, consultant.response.instrument.as_str()), (Role::Consultant, RATER_JOB_ID));

    let back = History {
        responses: imported.responses,
        goals: imported.goals,
        work: imported.work,
        milestones: imported.milestones,
    };
    let kept = Readings { readings: imported.readings, deleted: Vec::new() };
    let second = to_json(&export(&back, &kept, "2026-11-22T12:00:00Z", "0.1.0", imported.nickname.as_deref()));
    assert_eq!(first, second, "a second export equals the first");
}

/// Where (from 0) the first response to `instrument` is in a file.
fn index_of(value: &serde_json::Value, instrument: &str) -> usize {
    value["responses"].as_array().unwrap().iter().position(|r| r["instrument"] == instrument).unwrap()
}

#[test]
fn a_reading_its_rater_may_not_give_is_refused_and_says_why() {
    let value = file_with_readings(9);
    let with = |n: usize, rater: serde_json::Value| {
        let mut changed = value.clone();
        changed["responses"][n]["rater"] = rater;
        fails(&text(&changed))
    };
    // WHO-5 and CHIME are the citizen's own only.
    for instrument in ["who5", "chime5"] {
        let n = index_of(&value, instrument);
        for role in [Role::Consultant, Role::Employer, Role::Mentor] {
            let error = with(n, serde_json::json!({"role": role.code(), "name": "MK"}));
            assert_eq!(
                error,
                ImportError::Rater {
                    place: Place::Response {
                        index: n + 1,
                        week: Some(week("2026-W39")),
                        instrument: Some(instrument.into())
                    },
                    error: ReadingError::SelfReportOnly { instrument: instrument.into(), role },
                },
                "{instrument} by a {role:?}"
            );
        }
    }
    // Another's instrument is never the citizen's own, whether it says so or says nothing
    // (a response without a rater, as in older files, is the citizen's).
    let rated = index_of(&value, RATER_JOB_ID);
    let not_own = ReadingError::NotSelfReport { instrument: RATER_JOB_ID.into() };
    assert!(
        matches!(with(rated, serde_json::json!({"role": "citizen"})), ImportError::Rater { error, .. } if error == not_own)
    );
    let mut no_rater = value.clone();
    no_rater["responses"][rated].as_object_mut().unwrap().remove("rater");
    assert!(matches!(fails(&text(&no_rater)), ImportError::Rater { error, .. } if error == not_own));
    let placement = index_of(&value, PLACEMENT_ID);
    assert!(matches!(
        with(placement, serde_json::json!({"role": "citizen"})),
        ImportError::Rater { error: ReadingError::NotSelfReport { .. }, .. }
    ));
    // Each role its own instrument.
    assert!(matches!(
        with(rated, serde_json::json!({"role": "employer"})),
        ImportError::Rater { error: ReadingError::WrongRole { role: Role::Employer, .. }, .. }
    ));
    // A name is initials or a first name: never a CPR number, never an e-mail address.
    for (name, why) in [
        ("010190-1234", NameError::Digits),
        ("0101901234", NameError::Digits),
        ("MK 2", NameError::Digits),
        ("mk@kommune.dk", NameError::Email),
        ("Margrethe Karoline Alexandrine Ingrid", NameError::TooLong),
    ] {
        let error = with(rated, serde_json::json!({"role": "consultant", "name": name}));
        assert!(
            matches!(&error, ImportError::Rater { place: Place::Response { index, .. }, error: ReadingError::Name(e) } if *index == rated + 1 && *e == why),
            "{name}: {error:?}"
        );
    }
    // A name the rater trimmed is kept trimmed; an empty one is none.
    let mut padded = value.clone();
    padded["responses"][rated]["rater"] = serde_json::json!({"role": "consultant", "name": "  MK "});
    let id = padded["responses"][rated]["id"].as_str().unwrap().to_owned();
    let imported = read(&text(&padded)).unwrap();
    let kept = imported.readings.iter().find(|r| r.response.id == id).unwrap();
    assert_eq!(kept.rater.name.as_deref(), Some("MK"));
}

#[test]
fn a_rater_the_format_does_not_know_is_refused_naming_the_field() {
    use ugeblik::session::files::import_error;
    common::english();
    let value = file_with_readings(3);
    let rated = index_of(&value, RATER_JOB_ID);
    let said = |n: usize, rater: serde_json::Value| {
        let mut changed = value.clone();
        changed["responses"][n]["rater"] = rater;
        let error = fails(&text(&changed));
        (import_error(&error, Lang::En), error)
    };
    let (english, error) = said(rated, serde_json::json!({"role": "boss", "name": "MK"}));
    assert!(
        matches!(&error, ImportError::Wrong { field: Field::Key(k), expected: Expected::OneOf(words), found, .. }
            if k == "rater.role" && *words == ["citizen", "consultant", "mentor", "employer"] && found == "\"boss\""),
        "{error:?}"
    );
    assert!(
        english.ends_with(
            "the field “rater.role” should be one of the words citizen, consultant, mentor, employer, but the file has \"boss\"."
        ),
        "{english}"
    );
    let (english, error) = said(rated, serde_json::json!({"role": "consultant", "cpr": "0101901234"}));
    assert!(matches!(&error, ImportError::Unknown { field: Field::Key(k), .. } if k == "rater.cpr"), "{error:?}");
    assert!(english.contains("“rater.cpr”"), "{english}");
    let (english, error) = said(rated, serde_json::json!({"name": "MK"}));
    assert!(matches!(&error, ImportError::Missing { field: Field::Key(k), .. } if k == "rater.role"), "{error:?}");
    assert!(english.contains("“rater.role”"), "{english}");
    let (english, error) = said(rated, serde_json::json!("consultant"));
    assert!(
        matches!(&error, ImportError::Wrong { field: Field::Key(k), expected: Expected::Fields, .. } if k == "rater"),
        "{error:?}"
    );
    assert!(english.contains("“rater”"), "{english}");
    // A WHO-5 answered by a consultant: the citizen reads which answers and why.
    let who5 = index_of(&value, "who5");
    let (english, _) = said(who5, serde_json::json!({"role": "consultant"}));
    assert!(english.starts_with("The answers for Week 45, 2026 (WHO-5 Well-Being Index)"), "{english}");
}

/// The file of `weeks` demo weeks as JSON to change.
fn parsed(weeks: usize) -> serde_json::Value {
    serde_json::from_str(&file(weeks)).unwrap()
}

fn text(value: &serde_json::Value) -> String {
    serde_json::to_string(value).unwrap()
}

#[test]
fn weeks_outside_the_years_ugeblik_shows_are_refused() {
    let mut value = parsed(3);
    value["responses"][0]["week"] = "0001-W01".into();
    value["responses"][1]["week"] = "9999-W52".into();
    // The year 9999's last week ends in a year no date reaches: caught while reading.
    let error = fails(&text(&value));
    assert!(
        matches!(&error, ImportError::OutOfRange { place: Place::Response { index: 2, .. }, field: Field::Key(k), found } if k == "week" && found == "9999-W52"),
        "{error:?}"
    );
    value["responses"][1]["week"] = "9998-W52".into();
    let error = fails(&text(&value));
    assert!(
        matches!(&error, ImportError::OutOfRange { place: Place::Response { index: 1, .. }, field: Field::Key(k), found } if k == "week" && found == "0001-W01"),
        "{error:?}"
    );
    for (section, field, bad) in [("work", "week", "2100-W01"), ("goals", "set", "1999-W52")] {
        let mut value = parsed(30);
        value[section][0][field] = bad.into();
        assert!(matches!(fails(&text(&value)), ImportError::OutOfRange { found, .. } if found == bad), "{section}");
    }
    let mut value = parsed(30);
    value["milestones"][0]["date"] = "9999-12-31".into();
    assert!(matches!(fails(&text(&value)), ImportError::OutOfRange { found, .. } if found == "9999-12-31"));
    let mut value = parsed(30);
    value["goals"][1]["checks"][0]["week"] = "0001-W01".into();
    assert!(matches!(fails(&text(&value)), ImportError::OutOfRange { place: Place::Check { .. }, .. }));
    // The edges themselves are in.
    let mut value = parsed(3);
    value["responses"][0]["week"] = "2000-W01".into();
    value["responses"][1]["week"] = "2099-W52".into();
    assert!(read(&text(&value)).is_ok());
}

#[test]
fn authored_must_be_an_rfc_3339_time_and_is_kept_in_utc() {
    for (section, path) in
        [("responses", None), ("goals", None), ("work", None), ("milestones", None), ("goals", Some(1))]
    {
        let mut value = parsed(30);
        match path {
            None => value[section][0]["authored"] = "~".into(),
            Some(goal) => value[section][goal]["checks"][0]["authored"] = "~".into(),
        }
        let error = fails(&text(&value));
        assert!(
            matches!(&error, ImportError::Wrong { field: Field::Key(k), expected: Expected::Time, found, .. } if k == "authored" && found == "\"~\""),
            "{section}: {error:?}"
        );
    }
    let mut value = parsed(3);
    value["responses"][0]["authored"] = "2026-11-20T11:30:00.5+01:00".into();
    let imported = read(&text(&value)).unwrap();
    assert_eq!(imported.responses[0].authored, "2026-11-20T10:30:00Z");
}

#[test]
fn the_preview_lists_what_changes_in_goals_work_and_milestones_and_nothing_is_replaced_unchosen() {
    let history = demo::history(week("2026-W47"), 30);
    let mut value: serde_json::Value =
        serde_json::from_str(&to_json(&export(&history, &Readings::default(), "2026-11-22T12:00:00Z", "0.1.0", None)))
            .unwrap();
    // A goal, a week's work and a milestone the phone has, said otherwise and "later"; and
    // one of each the phone does not have.
    value["goals"][0]["what"] = "Stop going".into();
    value["goals"][0]["authored"] = "2099-01-01T00:00:00Z".into();
    value["work"][0]["work"]["workedMinutes"] = 0.into();
    value["milestones"][0]["text"] = "Fired".into();
    let mut new_goal = value["goals"][0].clone();
    new_goal["id"] = "g-new".into();
    new_goal["checks"] = serde_json::json!([]);
    value["goals"].as_array_mut().unwrap().push(new_goal);
    let mut new_milestone = value["milestones"][0].clone();
    new_milestone["id"] = "m-new".into();
    value["milestones"].as_array_mut().unwrap().push(new_milestone);
    let work_week = |n: usize| value["work"][n]["week"].as_str().unwrap().parse::<IsoWeek>().unwrap();
    let (first_work, second_work) = (work_week(0), work_week(1));
    let mut mine = history.clone();
    mine.work.retain(|w| w.week != second_work);
    let imported = read(&text(&value)).unwrap();

    let seen = preview(&mine, &Readings::default(), &imported);
    let keys: Vec<&str> = seen.changes.iter().map(|c| c.key.as_str()).collect();
    let (goal_id, milestone_id) = (history.goals[0].id.clone(), history.milestones_by_week()[0].1.id.clone());
    assert_eq!(keys, [goal_key(&goal_id), work_key(first_work), milestone_key(&milestone_id)]);
    assert!(matches!(&seen.changes[0].what, Changed::Goal(g) if g.what == "Stop going"));
    assert_eq!(seen.new_goals.iter().map(|g| g.id.as_str()).collect::<Vec<_>>(), ["g-new"]);
    assert_eq!(seen.new_milestones.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), ["m-new"]);
    assert_eq!(seen.new_work, [second_work]);

    // Nothing chosen: the phone's goal, work and milestone stay, whatever the file's times say.
    let kept = merge(&mine, &imported, &[]);
    assert_eq!(kept.goals.iter().find(|g| g.id == goal_id), mine.goals.iter().find(|g| g.id == goal_id));
    assert_eq!(kept.work_for(first_work), mine.work_for(first_work));
    assert_eq!(
        kept.milestones.iter().find(|m| m.id == milestone_id),
        mine.milestones.iter().find(|m| m.id == milestone_id)
    );
    assert!(kept.goals.iter().any(|g| g.id == "g-new") && kept.milestones.iter().any(|m| m.id == "m-new"));
    assert!(kept.work_for(second_work).is_some(), "the week the phone lacked is added");
    // Chosen: the file's.
    let taken = merge(&mine, &imported, &keys.iter().map(|k| k.to_string()).collect::<Vec<_>>());
    assert_eq!(taken.goals.iter().find(|g| g.id == goal_id).unwrap().what, "Stop going");
    assert_eq!(taken.work_for(first_work).unwrap().worked_minutes, Some(0));
    assert_eq!(taken.milestones.iter().find(|m| m.id == milestone_id).unwrap().text.as_deref(), Some("Fired"));
    assert!(preview(&taken, &Readings::default(), &imported).changes.is_empty(), "importing it again asks nothing");
}

#[test]
fn refusals_say_which_week_question_or_field_and_what_was_expected_in_the_citizens_language() {
    use ugeblik::session::files::import_error;
    common::english();
    let said = |change: &dyn Fn(&mut serde_json::Value), lang: Lang| {
        let mut value = parsed(3);
        change(&mut value);
        import_error(&fails(&text(&value)), lang)
    };
    // The demo's first week is 2026-W45; its first response the WHO-5.
    type Change<'a> = &'a dyn Fn(&mut serde_json::Value);
    let cases: [(Change, &str); 9] = [
        (
            &|v| v["responses"][0]["answers"]["1"] = "four".into(),
            "The answers for Week 45, 2026 (WHO-5 Well-Being Index): the answer to question 1 should be a whole number from 0 to 5, but the file has \"four\".",
        ),
        (
            &|v| v["responses"][0]["week"] = 47.into(),
            "Answer 1 in the file: the field “week” should be a week written like 2026-W47, but the file has 47.",
        ),
        (
            &|v| v["responses"][1]["status"] = "done".into(),
            "The answers for Week 45, 2026 (Personal recovery (CHIME)): the field “status” should be one of the words complete, partial, but the file has \"done\".",
        ),
        (
            &|v| {
                v["responses"][0].as_object_mut().unwrap().remove("language");
            },
            "The answers for Week 45, 2026 (WHO-5 Well-Being Index): the field “language” is missing.",
        ),
        (
            &|v| v["responses"][2]["mood"] = 3.into(),
            "The answers for Week 45, 2026 (Job readiness): the file has the field “mood”, which no file from Ugeblik has.",
        ),
        (&|v| v["nickname"] = 7.into(), "The file: the field “nickname” should be text, but the file has 7."),
        (
            &|v| v["responses"][0]["week"] = "2100-W01".into(),
            "Answer 1 in the file: the field “week” is 2100-W01, but Ugeblik only shows the years 2000–2099.",
        ),
        (
            &|v| v["responses"][0]["authored"] = "yesterday".into(),
            "The answers for Week 45, 2026 (WHO-5 Well-Being Index): the field “authored” should be a time written like 2026-11-20T10:00:00Z, but the file has \"yesterday\".",
        ),
        (
            &|v| v["responses"][1]["answers"]["chime-c"] = 11.into(),
            "The answers for Week 45, 2026 (Personal recovery (CHIME)): question chime-c: 11 is above 10.",
        ),
    ];
    for (change, english) in cases {
        assert_eq!(said(change, Lang::En), english);
        assert!(!said(change, Lang::Da).is_empty());
    }
    let mut value = parsed(30);
    value["goals"][0]["checks"][0]["kept"] = "maybe".into();
    let what = value["goals"][0]["what"].as_str().unwrap().to_owned();
    let week = value["goals"][0]["checks"][0]["week"].as_str().unwrap().parse::<IsoWeek>().unwrap();
    assert_eq!(
        import_error(&fails(&text(&value)), Lang::En),
        format!("The goal “{what}”, the answer for Week {}, {}: the field “kept” should be one of the words yes, partly, no, but the file has \"maybe\".", week.week(), week.year())
    );
    let mut value = parsed(30);
    value["work"][0]["work"]["daysAttended"] = (-1).into();
    assert!(import_error(&fails(&text(&value)), Lang::En)
        .contains(": the field “work.daysAttended” should be a whole number from 0 to 255, but the file has -1."));
    // Danish, and a language pack's words.
    assert_eq!(
        said(&|v| v["responses"][0]["answers"]["1"] = "four".into(), Lang::Da),
        "Svarene for Uge 45, 2026 (WHO-5 Trivselsindeks): svaret på spørgsmål 1 skal være et helt tal fra 0 til 5, men filen har \"four\"."
    );
    let uk = std::fs::read_to_string(format!("{}/static/lang/uk.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    assert_eq!(ugeblik::i18n::pack::install_with_chart(&uk), Ok(Lang::Uk));
    let ukrainian = said(&|v| v["responses"][0]["week"] = "0001-W01".into(), Lang::Uk);
    assert_eq!(ukrainian, "Відповідь № 1 у файлі: поле «week» — 0001-W01, але Ugeblik показує лише роки 2000–2099.");
}
