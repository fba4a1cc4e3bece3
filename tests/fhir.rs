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
    let observations = of_type(&bundle, "Observation");
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
