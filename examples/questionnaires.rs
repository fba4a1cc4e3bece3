//! Prints, as a JSON array, the FHIR Questionnaire resources of the weekly check-in (WHO-5,
//! CHIME, job readiness) exactly as Ugeblik exports them: the bench's SurveyJS and LHC-Forms
//! pages are made from them (bench/pages.mjs), so that each tool shows the same questions.
//!
//! cargo run --example questionnaires

use ugeblik::domain::demo;
use ugeblik::domain::rater::Readings;
use ugeblik::formats::export::export;
use ugeblik::formats::fhir;

fn main() {
    let week = "2026-W47".parse().expect("a week");
    let history = demo::history_of(0, week, 1);
    let file = export(&history, &Readings::default(), "2026-11-22T12:00:00Z", "bench", None);
    let bundle: serde_json::Value = serde_json::from_str(&fhir::to_json(&file)).expect("the bundle is JSON");
    let questionnaires: Vec<&serde_json::Value> = bundle["entry"]
        .as_array()
        .expect("the bundle has entries")
        .iter()
        .map(|entry| &entry["resource"])
        .filter(|resource| resource["resourceType"] == "Questionnaire")
        .collect();
    println!("{}", serde_json::to_string_pretty(&questionnaires).expect("JSON"));
}
