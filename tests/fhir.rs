//! The FHIR R4 export's shape: the questionnaires, the responses and who gave them, the
//! observations (the official JSON Schema check runs in Chromium, in
//! tests/e2e/export.test.mjs).

use std::collections::BTreeMap;

use serde_json::Value;
use ugeblik::domain::demo;
use ugeblik::domain::lang::Lang;
use ugeblik::domain::rater::{Rater, Reading, Readings, Role, PLACEMENT_ID, RATER_JOB_ID};
use ugeblik::domain::response::{Response, Status};
use ugeblik::formats::export::export;
use ugeblik::formats::fhir::{questionnaire_url, to_json, BASE, CITIZEN};

fn bundle(weeks: usize) -> serde_json::Value {
    bundle_with(weeks, &Readings::default())
}

fn bundle_with(weeks: usize, readings: &Readings) -> serde_json::Value {
    let history = demo::history("2026-W47".parse().unwrap(), weeks);
    serde_json::from_str(&to_json(&export(&history, readings, "2026-11-22T12:00:00Z", "0.1.0", None))).unwrap()
}

/// The demo's readings (the consultant "MK" every fourth week, the employer "Lise" every
/// second), and a mentor's without a name in the last week.
fn readings() -> Readings {
    let mut readings = demo::readings("2026-W47".parse().unwrap());
    let instrument = Role::Mentor.instrument().unwrap();
    let answers: BTreeMap<String, u8> = instrument.items.iter().map(|i| (i.link_id.to_owned(), 5)).collect();
    readings.upsert(Reading {
        rater: Rater { role: Role::Mentor, name: None },
        response: Response {
            id: "mentor-2026-W47".into(),
            instrument: instrument.id.into(),
            version: instrument.version.into(),
            week: "2026-W47".parse().unwrap(),
            authored: "2026-11-20T15:00:00Z".into(),
            language: Lang::Da,
            status: Status::Complete,
            answers,
            note: None,
        },
        hidden: false,
    });
    readings
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
        !to_json(&export(&demo::history("2026-W47".parse().unwrap(), 2), &Readings::default(), "t", "v", None))
            .contains("loinc"),
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
    let bundle = bundle_with(30, &readings());
    assert!(of_type(&bundle, "QuestionnaireResponse")
        .iter()
        .any(|r| r["questionnaire"].as_str().unwrap().contains(PLACEMENT_ID)));
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

/// The resource `reference` points at, seen from `container` (the resource that has the
/// reference): `#id` is a resource contained in it; `Type/id` is relative to the bundle's
/// base, as every entry's `fullUrl` is `BASE/Type/id`; anything else a `fullUrl` itself.
fn resolve<'a>(bundle: &'a Value, container: &'a Value, reference: &Value) -> Option<&'a Value> {
    let reference = reference["reference"].as_str()?;
    if let Some(id) = reference.strip_prefix('#') {
        return container["contained"].as_array()?.iter().find(|r| r["id"] == id);
    }
    let url = if reference.starts_with("https://") { reference.to_owned() } else { format!("{BASE}/{reference}") };
    bundle["entry"].as_array()?.iter().find(|e| e["fullUrl"] == url.as_str()).map(|e| &e["resource"])
}

/// The responses to `instrument`.
fn responses_to<'a>(bundle: &'a Value, instrument: &str) -> Vec<&'a Value> {
    let canonical = format!("{}|", questionnaire_url(instrument));
    of_type(bundle, "QuestionnaireResponse")
        .into_iter()
        .filter(|r| r["questionnaire"].as_str().unwrap().starts_with(&canonical))
        .collect()
}

#[test]
fn the_citizen_is_the_source_of_their_own_answers_and_the_subject_of_every_response() {
    for bundle in [bundle(2), bundle_with(20, &readings())] {
        let patients = of_type(&bundle, "Patient");
        assert_eq!(patients.len(), 1, "one citizen, whenever there are responses, goals or not");
        assert_eq!(patients[0].as_object().unwrap().len(), 2, "no identifier, no name");
        let own: Vec<&Value> = ["who5", "chime5", "jobready7"].iter().flat_map(|i| responses_to(&bundle, i)).collect();
        assert!(!own.is_empty());
        for response in own {
            for field in ["source", "author"] {
                assert_eq!(response[field]["reference"], CITIZEN, "{field}");
                assert_eq!(resolve(&bundle, response, &response[field]), Some(patients[0]), "{field} resolves");
            }
            assert!(response.get("contained").is_none());
        }
        for response in of_type(&bundle, "QuestionnaireResponse") {
            assert_eq!(resolve(&bundle, response, &response["subject"]), Some(patients[0]), "about the citizen");
        }
    }
}

#[test]
fn a_readings_author_is_its_rater_with_a_display_name_only() {
    let bundle = bundle_with(20, &readings());
    let text = bundle.to_string();
    let consultant = responses_to(&bundle, RATER_JOB_ID);
    assert!(consultant.len() > 1);
    for response in &consultant {
        let author = resolve(&bundle, response, &response["author"]).expect("the author resolves");
        assert_eq!(author["resourceType"], "Practitioner");
        let mentor = response["id"] == "mentor-2026-W47";
        let (name, display) = if mentor { ("Mentor", "Mentor") } else { ("MK", "Konsulent (MK)") };
        assert_eq!(author["name"], serde_json::json!([{"text": name}]), "the initials, or the role's word");
        assert_eq!(response["author"]["display"], display);
        let mut fields: Vec<&str> = author.as_object().unwrap().keys().map(String::as_str).collect();
        fields.sort();
        assert_eq!(fields, ["id", "name", "resourceType"], "a display name only: no identifier, no telecom");
        assert_eq!(response["source"], response["author"], "the rater gave the answers, not the citizen");
        assert_eq!(response["contained"].as_array().unwrap().len(), 1);
    }
    let employer = responses_to(&bundle, PLACEMENT_ID);
    assert_eq!(employer.len(), 4);
    for response in &employer {
        let author = resolve(&bundle, response, &response["author"]).unwrap();
        assert_eq!(author["resourceType"], "RelatedPerson");
        assert_eq!(author["name"][0]["text"], "Lise");
        assert_eq!(response["author"]["display"], "Arbejdsplads (Lise)");
        assert!(author["relationship"][0]["text"].is_string());
        let patient = resolve(&bundle, author, &author["patient"]).expect("the related person's patient");
        assert_eq!(patient["resourceType"], "Patient");
        assert!(author.get("identifier").is_none() && author.get("telecom").is_none());
        assert_eq!(response["source"], response["author"]);
    }
    assert_eq!(text.matches("\"identifier\"").count(), of_type(&bundle, "Goal").len(), "only the goals have one");
    // Only the citizen's own WHO-5 gets an Observation; no reading is scored.
    for observation in of_type(&bundle, "Observation") {
        for from in observation["derivedFrom"].as_array().into_iter().flatten() {
            let response = resolve(&bundle, observation, from).unwrap();
            assert!(response["questionnaire"].as_str().unwrap().starts_with(&questionnaire_url("who5")));
        }
    }
    // Without readings, no rater at all.
    let own = bundle_with(20, &Readings::default()).to_string();
    assert!(!own.contains("Practitioner") && !own.contains("RelatedPerson") && !own.contains("contained"));
}

#[test]
fn every_responses_questionnaire_is_in_the_bundle_the_raters_instruments_too() {
    let bundle = bundle_with(20, &readings());
    let questionnaires = of_type(&bundle, "Questionnaire");
    let canonicals: Vec<String> = questionnaires
        .iter()
        .map(|q| format!("{}|{}", q["url"].as_str().unwrap(), q["version"].as_str().unwrap()))
        .collect();
    for instrument in ["who5", "chime5", "jobready7", RATER_JOB_ID, PLACEMENT_ID] {
        assert!(canonicals.contains(&format!("{}|1", questionnaire_url(instrument))), "{instrument}: {canonicals:?}");
    }
    assert_eq!(questionnaires.len(), 5, "one per instrument version");
    for response in of_type(&bundle, "QuestionnaireResponse") {
        let canonical = response["questionnaire"].as_str().unwrap();
        assert!(canonicals.iter().any(|c| c == canonical), "{canonical} resolves");
    }
    let rated = questionnaires.iter().find(|q| q["url"] == questionnaire_url(RATER_JOB_ID)).unwrap();
    assert_eq!(rated["item"].as_array().unwrap().len(), 8);
    assert_eq!(
        rated["item"][0]["text"], "Hvor godt vurderer du, at personen er i stand til at arbejde lige nu?",
        "in the third person"
    );
    assert!(rated["copyright"].as_str().unwrap().contains("not a validated instrument"));
    let placement = questionnaires.iter().find(|q| q["url"] == questionnaire_url(PLACEMENT_ID)).unwrap();
    let items = placement["item"].as_array().unwrap();
    assert_eq!(items.len(), 5);
    assert!(items.iter().all(|i| bounds(i) == (Some(0), Some(10)) && i["required"] == false));
    assert_eq!(shown_with(&items[0])[..2], [("lower", "Slet ikke"), ("upper", "Fuldt ud")]);
}
