//! The FHIR R4 export's shape (the official JSON Schema check runs in Chromium, in
//! tests/e2e/export.test.mjs).

use ugeblik::domain::demo;
use ugeblik::formats::export::export;
use ugeblik::formats::fhir::{questionnaire_url, to_json};

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
    let goal_url = format!("{}/Goal/{}", ugeblik::formats::fhir::BASE, reached["id"].as_str().unwrap());
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

fn extension<'a>(item: &'a serde_json::Value, url: &str) -> &'a serde_json::Value {
    item["extension"]
        .as_array()
        .and_then(|list| list.iter().find(|e| e["url"] == url))
        .unwrap_or(&serde_json::Value::Null)
}

fn control(item: &serde_json::Value) -> Option<&str> {
    extension(item, "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl")["valueCodeableConcept"]
        ["coding"][0]["code"]
        .as_str()
}

/// The texts shown with a question, by item control: [(control, text)].
fn shown_with(item: &serde_json::Value) -> Vec<(&str, &str)> {
    item["item"]
        .as_array()
        .map(|children| {
            children
                .iter()
                .inspect(|c| assert_eq!(c["type"], "display", "only texts are nested in a question"))
                .map(|c| (control(c).unwrap(), c["text"].as_str().unwrap()))
                .collect()
        })
        .unwrap_or_default()
}

fn question<'a>(bundle: &'a serde_json::Value, instrument: &str, link_id: &str) -> &'a serde_json::Value {
    let questionnaire =
        of_type(bundle, "Questionnaire").into_iter().find(|q| q["url"] == questionnaire_url(instrument)).unwrap();
    questionnaire["item"].as_array().unwrap().iter().find(|i| i["linkId"] == link_id).unwrap()
}

/// The whole numbers a question offers (none for worded options).
fn integer_options(item: &serde_json::Value) -> Vec<u64> {
    item["answerOption"].as_array().unwrap().iter().filter_map(|o| o["valueInteger"].as_u64()).collect()
}

/// The smallest and largest whole number a question offers.
fn bounds(item: &serde_json::Value) -> (Option<u64>, Option<u64>) {
    let options = integer_options(item);
    (options.iter().min().copied(), options.iter().max().copied())
}

#[test]
fn no_question_is_required_since_the_citizen_may_skip_every_one() {
    let bundle = bundle(2);
    let questionnaires = of_type(&bundle, "Questionnaire");
    let questions: Vec<_> = questionnaires.iter().flat_map(|q| q["item"].as_array().unwrap()).collect();
    assert_eq!(questions.len(), 5 + 5 + 8);
    for question in questions {
        assert_eq!(question["required"], false, "{}", question["linkId"]);
        for text in question["item"].as_array().unwrap() {
            assert!(text.get("required").is_none(), "display items carry no required flag");
        }
    }
}

#[test]
fn the_ratings_are_bounded_0_to_10_with_their_end_labels_as_a_row_of_radio_buttons() {
    let bundle = bundle(2);
    let connected = question(&bundle, "chime5", "chime-c");
    assert_eq!(connected["type"], "integer", "the answers stay valueInteger");
    assert_eq!(bounds(connected), (Some(0), Some(10)));
    assert_eq!(integer_options(connected), (0..=10).collect::<Vec<_>>(), "one option per button the app shows");
    assert_eq!(control(connected), Some("radio-button"));
    assert_eq!(
        extension(connected, "http://hl7.org/fhir/StructureDefinition/questionnaire-choiceOrientation")["valueCode"],
        "horizontal"
    );
    let texts = shown_with(connected);
    assert_eq!(&texts[..2], &[("lower", "Slet ikke"), ("upper", "I meget høj grad")]);
    assert_eq!(texts[2].0, "help", "what we mean, last");
    assert!(texts[2].1.starts_with("Familie, venner"), "{}", texts[2].1);
    assert_eq!(
        shown_with(question(&bundle, "jobready7", "job-ability"))[..2],
        [("lower", "Slet ikke"), ("upper", "Fuldt ud")]
    );
    for (instrument, count) in [("chime5", 5), ("jobready7", 7)] {
        let questionnaire =
            of_type(&bundle, "Questionnaire").into_iter().find(|q| q["url"] == questionnaire_url(instrument)).unwrap();
        let ratings: Vec<_> =
            questionnaire["item"].as_array().unwrap().iter().filter(|i| bounds(i) == (Some(0), Some(10))).collect();
        assert_eq!(ratings.len(), count, "every 0–10 item of {instrument} is bounded");
        assert!(ratings.iter().all(|i| control(i) == Some("radio-button") && integer_options(i).len() == 11));
    }
}

#[test]
fn the_hours_are_bounded_0_to_37_and_full_time_is_named() {
    let bundle = bundle(2);
    let hours = question(&bundle, "jobready7", "job-hours");
    assert_eq!((hours["type"].as_str(), bounds(hours)), (Some("integer"), (Some(0), Some(37))));
    assert_eq!(integer_options(hours), (0..=37).collect::<Vec<_>>());
    assert_eq!(control(hours), Some("radio-button"));
    assert_eq!(shown_with(hours)[0], ("upper", "Fuld tid er 37 timer om ugen."));
}

#[test]
fn the_who5_options_are_radio_buttons_in_a_column_with_their_weights() {
    let bundle = bundle(2);
    let first = question(&bundle, "who5", "1");
    assert_eq!(first["type"], "choice");
    assert_eq!(control(first), Some("radio-button"));
    assert_eq!(
        extension(first, "http://hl7.org/fhir/StructureDefinition/questionnaire-choiceOrientation")["valueCode"],
        "vertical"
    );
    assert_eq!(bounds(first), (None, None));
    let options = first["answerOption"].as_array().unwrap();
    assert_eq!(
        options.iter().map(|o| o["valueCoding"]["display"].as_str().unwrap()).collect::<Vec<_>>(),
        [
            "Hele tiden",
            "Det meste af tiden",
            "Lidt mere end halvdelen af tiden",
            "Lidt mindre end halvdelen af tiden",
            "Lidt af tiden",
            "På intet tidspunkt"
        ]
    );
    assert_eq!(first["text"], "I de sidste 2 uger har jeg været glad og i godt humør", "the wording unchanged");
    assert_eq!(
        shown_with(first).iter().map(|(c, _)| *c).collect::<Vec<_>>(),
        ["help"],
        "no end labels: the options are words"
    );
}

#[test]
fn every_answer_given_is_one_of_its_questions_options() {
    let bundle = bundle(30);
    for response in of_type(&bundle, "QuestionnaireResponse") {
        let (url, _) = response["questionnaire"].as_str().unwrap().split_once('|').unwrap();
        let instrument = url.rsplit('/').next().unwrap();
        for answered in response["item"].as_array().unwrap() {
            let item = question(&bundle, instrument, answered["linkId"].as_str().unwrap());
            let answer = &answered["answer"][0];
            let offered = item["answerOption"].as_array().unwrap();
            if let Some(value) = answer["valueInteger"].as_u64() {
                assert_eq!(item["type"], "integer");
                assert!(integer_options(item).contains(&value));
            } else {
                assert!(offered.iter().any(|o| o["valueCoding"]["code"] == answer["valueCoding"]["code"]));
            }
        }
    }
}
