//! The canonical export: its content, and its JSON Schema kept in step with the Rust types.

mod common;

use std::collections::BTreeMap;

use ugeblik::domain::history::History;
use ugeblik::domain::lang::Lang;
use ugeblik::domain::rater::{Rater, Readings, Role, PLACEMENT_ID, RATER_JOB_ID};
use ugeblik::domain::response::{Response, Status};
use ugeblik::domain::week::IsoWeek;
use ugeblik::formats::export::{export, file_name, to_json, Export, FORMAT, FORMAT_VERSION};

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/ugeblik-export-v4.schema.json");

fn week(text: &str) -> IsoWeek {
    text.parse().unwrap()
}

fn response(
    id: &str,
    w: &str,
    instrument: &str,
    answers: &[(&str, u8)],
    status: Status,
    note: Option<&str>,
) -> Response {
    Response {
        id: id.into(),
        instrument: instrument.into(),
        version: "1".into(),
        week: week(w),
        authored: "2026-11-20T10:00:00Z".into(),
        language: Lang::Da,
        status,
        answers: answers.iter().map(|(k, v)| (k.to_string(), *v)).collect::<BTreeMap<_, _>>(),
        note: note.map(str::to_owned),
    }
}

fn history() -> History {
    History {
        responses: vec![
            response("b", "2026-W47", "chime5", &[("chime-c", 6)], Status::Partial, None),
            response(
                "a",
                "2026-W46",
                "who5",
                &[("1", 4), ("2", 4), ("3", 3), ("4", 3), ("5", 2)],
                Status::Complete,
                Some("<b>god</b> uge"),
            ),
            response("c", "2026-W47", "who5", &[("1", 4)], Status::Partial, None),
        ],
        ..Default::default()
    }
}

/// A reading by each role that rates the citizen: a consultant who gave initials, a mentor
/// who gave no name, and the placement's employer.
fn readings() -> Readings {
    let mut readings = Readings::default();
    readings.upsert(common::reading("r-consultant", "2026-W47", Role::Consultant, Some("MK"), 6));
    readings.upsert(common::reading("r-mentor", "2026-W46", Role::Mentor, None, 6));
    readings.upsert(common::reading("r-employer", "2026-W47", Role::Employer, Some("Lise"), 6));
    readings
}

#[test]
fn the_json_schema_in_the_repo_is_the_one_the_types_give() {
    let generated = serde_json::to_string_pretty(&schemars::schema_for!(Export)).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &generated).unwrap();
    }
    let kept = std::fs::read_to_string(SCHEMA_PATH).unwrap_or_default();
    assert!(
        kept == generated,
        "schema/ugeblik-export-v4.schema.json differs from the Rust types in src/formats/export.rs. \
         If the change is intended, run `UPDATE_SCHEMA=1 cargo test --test export` and bump \
         FORMAT_VERSION when the change is not backwards compatible."
    );
}

#[test]
fn an_export_holds_every_response_with_its_instrument_recall_and_scores() {
    let file = export(&history(), &Readings::default(), "2026-11-22T12:00:00Z", "0.1.0", Some("  Case 42  "));
    assert_eq!((file.format.as_str(), file.format_version), (FORMAT, FORMAT_VERSION));
    assert_eq!(file.nickname.as_deref(), Some("Case 42"));
    let ids: Vec<_> = file.responses.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["a", "c", "b"], "oldest week first, then in the catalogue's order");
    assert_eq!(file.instruments.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["who5", "chime5"]);
    assert!(file.instruments[0].validated && !file.instruments[1].validated);
    let who5 = &file.responses[0];
    assert_eq!((who5.recall.as_str(), who5.scores.map(|s| (s.who5_raw, s.who5_percent))), ("P2W", Some((16, 64))));
    assert_eq!(who5.note.as_deref(), Some("<b>god</b> uge"), "kept as the citizen wrote it");
    assert_eq!(file.responses[2].recall, "P1W");
    assert_eq!(file.responses[1].scores, None, "a partial WHO-5 has no score");
}

#[test]
fn the_file_reads_back_to_the_same_export() {
    let file = export(&history(), &Readings::default(), "2026-11-22T12:00:00Z", "0.1.0", None);
    let text = to_json(&file);
    assert!(!text.contains("nickname"), "no empty nickname field");
    let back: Export = serde_json::from_str(&text).unwrap();
    assert_eq!(back, file);
    assert_eq!(to_json(&back), text);
}

#[test]
fn file_names_carry_the_week_and_only_safe_characters_of_the_nickname() {
    let mut file = export(&History::default(), &Readings::default(), "2026-11-22T12:00:00Z", "0.1.0", None);
    assert_eq!(file_name(&file, week("2026-W47"), "json"), "ugeblik-2026-W47.json");
    file.nickname = Some("../Sag 42/æ".into());
    assert_eq!(file_name(&file, week("2026-W47"), "json"), "ugeblik-Sag42-2026-W47.json");
}

#[test]
fn every_response_says_who_gave_it_and_the_readings_instruments_are_described() {
    let mut readings = readings();
    readings.set_hidden("r-mentor", true);
    let file = export(&history(), &readings, "2026-11-22T12:00:00Z", "0.1.0", None);
    assert_eq!(file.format_version, 4);
    let given: Vec<(&str, Option<Role>)> =
        file.responses.iter().map(|r| (r.id.as_str(), r.rater.as_ref().map(|r| r.role))).collect();
    assert_eq!(
        given,
        [
            ("a", Some(Role::Citizen)),
            ("r-mentor", Some(Role::Mentor)),
            ("c", Some(Role::Citizen)),
            ("b", Some(Role::Citizen)),
            ("r-consultant", Some(Role::Consultant)),
            ("r-employer", Some(Role::Employer)),
        ],
        "week by week; each week the citizen's own first, then the readings"
    );
    let by = |id: &str| file.responses.iter().find(|r| r.id == id).unwrap();
    assert_eq!(by("a").rater, Some(Rater::citizen()));
    assert_eq!(by("r-consultant").rater, Some(Rater { role: Role::Consultant, name: Some("MK".into()) }));
    assert_eq!(by("r-mentor").rater, Some(Rater { role: Role::Mentor, name: None }));
    assert_eq!(by("r-employer").rater.as_ref().and_then(|r| r.name.as_deref()), Some("Lise"));
    assert_eq!((by("r-consultant").instrument.as_str(), by("r-consultant").recall.as_str()), (RATER_JOB_ID, "P1W"));
    assert_eq!((by("r-employer").instrument.as_str(), by("r-employer").recall.as_str()), (PLACEMENT_ID, "P2W"));
    assert!(file.responses.iter().filter(|r| r.rater != Some(Rater::citizen())).all(|r| r.scores.is_none()));

    let described: Vec<(&str, &str, bool)> =
        file.instruments.iter().map(|i| (i.id.as_str(), i.version.as_str(), i.validated)).collect();
    assert_eq!(
        described,
        [("who5", "1", true), ("chime5", "1", false), (RATER_JOB_ID, "1", false), (PLACEMENT_ID, "1", false)]
    );
    assert_eq!(file.instruments[2].name, "The consultant's/mentor's rating");
    assert!(file.instruments[3].source.contains("Not validated"));

    // In the file: the citizen's own as `{"role": "citizen"}`, a rater without a name
    // without a `name` field.
    let value: serde_json::Value = serde_json::from_str(&to_json(&file)).unwrap();
    let raters: Vec<&serde_json::Value> = value["responses"].as_array().unwrap().iter().map(|r| &r["rater"]).collect();
    assert_eq!(raters[0], &serde_json::json!({"role": "citizen"}));
    assert_eq!(raters[1], &serde_json::json!({"role": "mentor"}));
    assert_eq!(raters[4], &serde_json::json!({"role": "consultant", "name": "MK"}));
    assert!(!to_json(&file).contains("hidden"), "whether the citizen hid a reading stays on the phone");
}

#[test]
fn a_file_with_readings_reads_back_to_the_same_export() {
    let file = export(&history(), &readings(), "2026-11-22T12:00:00Z", "0.1.0", Some("Sag 7"));
    let text = to_json(&file);
    let back: Export = serde_json::from_str(&text).unwrap();
    assert_eq!(back, file);
    assert_eq!(to_json(&back), text);
}
