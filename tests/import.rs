//! Reading export files back: every class of bad file gets its own error, and a good one
//! merges by id.

use ugeblik::domain::demo;
use ugeblik::domain::export::{export, to_json};
use ugeblik::domain::history::History;
use ugeblik::domain::import::{merge, preview, read, ImportError, MAX_IMPORT_BYTES};
use ugeblik::domain::response::ValidationError;
use ugeblik::domain::week::IsoWeek;

fn week(text: &str) -> IsoWeek {
    text.parse().unwrap()
}

fn file(weeks: usize) -> String {
    to_json(&export(&demo::history(week("2026-W47"), weeks), "2026-11-22T12:00:00Z", "0.1.0", Some("Sag 7")))
}

#[test]
fn export_then_import_then_export_is_identical_for_histories_of_every_length() {
    for weeks in [0, 1, 2, 9, 52, 520] {
        let history = demo::history(week("2026-W47"), weeks);
        let first = to_json(&export(&history, "2026-11-22T12:00:00Z", "0.1.0", Some("Sag 7")));
        let imported = read(&first).unwrap();
        let back = History {
            responses: imported.responses,
            goals: imported.goals,
            work: imported.work,
            milestones: imported.milestones,
        };
        let second = to_json(&export(&back, "2026-11-22T12:00:00Z", "0.1.0", imported.nickname.as_deref()));
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
        fails(&good.replace("\"formatVersion\": 3", "\"formatVersion\": 9")),
        ImportError::TooNew { version: 9 }
    );
    assert!(matches!(
        fails(&good.replacen("\"answers\": {", "\"answers\": {\"x\": \"seven\",", 1)),
        ImportError::Shape { .. }
    ));
    assert!(
        matches!(fails(&good.replacen("\"note\"", "\"secret\"", 1)), ImportError::Shape { .. }),
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
    assert!(matches!(fails(&nested), ImportError::Shape { .. }));
    let in_answers = good.replacen(
        "\"answers\": {",
        &format!("\"answers\": {{\"1\": {}{},", "[".repeat(100_000), "]".repeat(100_000)),
        1,
    );
    assert!(matches!(fails(&in_answers), ImportError::Shape { .. } | ImportError::TooDeep));
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
        matches!(&error, ImportError::Invalid { index: 3, error: ValidationError::OutOfRange { link_id, value: 14, max: 10, .. } } if link_id == "job-belief"),
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
        ImportError::Invalid { index: 2, error: ValidationError::UnknownInstrument { .. } }
    ));
    let version = with(&|v| v["responses"][0]["version"] = "7".into());
    assert!(matches!(
        fails(&version),
        ImportError::Invalid { index: 1, error: ValidationError::UnknownVersion { .. } }
    ));
    let item = with(&|v| v["responses"][0]["answers"]["6"] = 3.into());
    assert!(matches!(fails(&item), ImportError::Invalid { index: 1, error: ValidationError::UnknownItem { .. } }));
    let first_id = parsed["responses"][0]["id"].as_str().unwrap().to_owned();
    let second_id = parsed["responses"][1]["id"].as_str().unwrap().to_owned();
    let duplicate = good.replace(&format!("\"id\": \"{second_id}\""), &format!("\"id\": \"{first_id}\""));
    assert_eq!(fails(&duplicate), ImportError::DuplicateId { id: first_id, index: 2 });
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
    let imported = read(&to_json(&export(&theirs, "2026-11-22T12:00:00Z", "0.1.0", None))).unwrap();

    let seen = preview(&mine, &imported);
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
}
