//! The FHIR R4 export's shape (the official JSON Schema check runs in Chromium, in
//! tests/e2e/export.test.mjs).

use ugeblik::domain::demo;
use ugeblik::domain::export::export;
use ugeblik::domain::fhir::{questionnaire_url, to_json};

fn bundle(weeks: usize) -> serde_json::Value {
    let history = demo::history("2026-W47".parse().unwrap(), weeks);
    serde_json::from_str(&to_json(&export(&history, "2026-11-22T12:00:00Z", "0.1.0", None))).unwrap()
}

fn of_type<'a>(bundle: &'a serde_json::Value, kind: &str) -> Vec<&'a serde_json::Value> {
    bundle["entry"].as_array().unwrap().iter().map(|e| &e["resource"]).filter(|r| r["resourceType"] == kind).collect()
}

#[test]
fn a_collection_with_questionnaires_responses_and_who5_observations() {
    let bundle = bundle(2);
    assert_eq!((bundle["resourceType"].as_str(), bundle["type"].as_str()), (Some("Bundle"), Some("collection")));
    let questionnaires = of_type(&bundle, "Questionnaire");
    assert_eq!(questionnaires.len(), 3, "one per instrument version");
    let who5 = questionnaires.iter().find(|q| q["url"] == questionnaire_url("who5")).unwrap();
    assert_eq!(who5["code"][0]["code"], "1144665009");
    let option = &who5["item"][0]["answerOption"][0];
    assert_eq!(option["extension"][0]["url"], "http://hl7.org/fhir/StructureDefinition/itemWeight");
    assert_eq!(
        (option["extension"][0]["valueDecimal"].as_u64(), option["valueCoding"]["code"].as_str()),
        (Some(5), Some("5"))
    );
    let responses = of_type(&bundle, "QuestionnaireResponse");
    assert_eq!(responses.len(), 6);
    let first = responses[0];
    assert_eq!(first["questionnaire"], format!("{}|1", questionnaire_url("who5")));
    assert_eq!(first["status"], "completed");
    assert!(first["item"][0]["answer"][0]["valueCoding"]["code"].is_string());
    let chime = responses.iter().find(|r| r["questionnaire"].as_str().unwrap().contains("chime5")).unwrap();
    assert!(chime["item"][0]["answer"][0]["valueInteger"].is_u64());
    let observations: Vec<_> =
        of_type(&bundle, "Observation").into_iter().filter(|o| !o["derivedFrom"].is_null()).collect();
    assert_eq!(observations.len(), 2, "one per complete WHO-5");
    let reference = observations[0]["derivedFrom"][0]["reference"].as_str().unwrap();
    let entry = bundle["entry"].as_array().unwrap().iter().find(|e| e["fullUrl"] == reference).unwrap();
    assert_eq!(entry["resource"]["resourceType"], "QuestionnaireResponse", "derivedFrom points at its response");
    assert_eq!(observations[0]["valueQuantity"]["code"], "%");
    assert!(
        !to_json(&export(&demo::history("2026-W47".parse().unwrap(), 2), "t", "v", None)).contains("loinc"),
        "no invented LOINC code"
    );
}

#[test]
fn goals_their_evaluations_the_weeks_work_and_milestones() {
    let bundle = bundle(30);
    let goals = of_type(&bundle, "Goal");
    assert_eq!(goals.len(), 2);
    let reached = goals.iter().find(|g| g["lifecycleStatus"] == "completed").unwrap();
    assert_eq!(reached["achievementStatus"]["coding"][0]["code"], "achieved");
    assert_eq!(reached["subject"]["reference"], "Patient/citizen");
    assert_eq!(goals.iter().filter(|g| g["lifecycleStatus"] == "active").count(), 1);
    let patients = of_type(&bundle, "Patient");
    assert_eq!(patients.len(), 1);
    assert_eq!(patients[0].as_object().unwrap().len(), 2, "an anonymous subject: resourceType and id, nothing else");
    let observations = of_type(&bundle, "Observation");
    let kept: Vec<_> = observations.iter().filter(|o| o["code"]["coding"][0]["code"] == "goal-kept").collect();
    assert!(!kept.is_empty());
    let goal_url = format!("{}/Goal/{}", ugeblik::domain::fhir::BASE, reached["id"].as_str().unwrap());
    assert!(kept.iter().any(|o| o["focus"][0]["reference"] == goal_url.as_str()));
    assert!(kept
        .iter()
        .all(|o| ["yes", "partly", "no"].contains(&o["valueCodeableConcept"]["coding"][0]["code"].as_str().unwrap())));
    let work: Vec<_> = observations.iter().filter(|o| o["code"]["coding"][0]["code"] == "work-week").collect();
    assert!(!work.is_empty());
    let planned = &work[0]["component"][0];
    assert_eq!(
        (planned["valueQuantity"]["unit"].as_str(), planned["valueQuantity"]["system"].as_str()),
        (Some("min"), Some("http://unitsofmeasure.org"))
    );
    assert!(work[0]["effectivePeriod"]["start"].is_string());
    let milestones: Vec<_> = observations.iter().filter(|o| o["code"]["text"] == "Milestone").collect();
    assert_eq!(milestones[0]["code"]["coding"][0]["code"], "placement-started");
    assert_eq!(milestones[0]["valueString"], "Café Solsiden");
}
