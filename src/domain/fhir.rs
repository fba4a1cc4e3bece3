//! The HL7 FHIR R4 export: a `Bundle` of type `collection` with one `Questionnaire` per
//! instrument version, one `QuestionnaireResponse` per response, and an `Observation` for
//! each WHO-5 percentage, `derivedFrom` its response. Hand-written serde structs for these
//! few resources: full FHIR crates are enormous, and this runs in the chart worker only.
//!
//! Canonical URLs live under the project's own base, [`BASE`]. No LOINC code exists for
//! the WHO-5 and none is invented; the questionnaire carries KL's SNOMED CT code.

use serde::Serialize;

use super::export::{Export, ExportedResponse};
use super::instrument::{self, Instrument, Scale};
use super::lang::Lang;
use super::response::Status;

/// The base of every canonical URL Ugeblik defines.
pub const BASE: &str = "https://ugeblik.dk/fhir";
const SNOMED: &str = "http://snomed.info/sct";
const ITEM_WEIGHT: &str = "http://hl7.org/fhir/StructureDefinition/itemWeight";
const UCUM: &str = "http://unitsofmeasure.org";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bundle {
    resource_type: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    timestamp: String,
    entry: Vec<Entry>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Entry {
    full_url: String,
    resource: Resource,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Resource {
    Questionnaire(Box<Questionnaire>),
    Response(Box<QuestionnaireResponse>),
    Observation(Box<Observation>),
}

#[derive(Serialize)]
struct Coding {
    system: String,
    code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    display: Option<String>,
}

#[derive(Serialize)]
struct CodeableConcept {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    coding: Vec<Coding>,
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Questionnaire {
    resource_type: &'static str,
    id: String,
    url: String,
    version: String,
    name: String,
    title: String,
    status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    code: Vec<Coding>,
    copyright: String,
    item: Vec<QuestionnaireItem>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct QuestionnaireItem {
    link_id: String,
    text: String,
    #[serde(rename = "type")]
    kind: &'static str,
    required: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    answer_option: Vec<AnswerOption>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AnswerOption {
    extension: Vec<WeightExtension>,
    value_coding: Coding,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WeightExtension {
    url: &'static str,
    value_decimal: u8,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct QuestionnaireResponse {
    resource_type: &'static str,
    id: String,
    questionnaire: String,
    status: &'static str,
    authored: String,
    language: &'static str,
    item: Vec<ResponseItem>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResponseItem {
    link_id: String,
    answer: Vec<Answer>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
enum Answer {
    ValueCoding(Coding),
    ValueInteger(u8),
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Observation {
    resource_type: &'static str,
    id: String,
    status: &'static str,
    code: CodeableConcept,
    effective_date_time: String,
    value_quantity: Quantity,
    derived_from: Vec<Reference>,
}

#[derive(Serialize)]
struct Quantity {
    value: u8,
    unit: &'static str,
    system: &'static str,
    code: &'static str,
}

#[derive(Serialize)]
struct Reference {
    reference: String,
}

/// The canonical URL of an instrument's questionnaire.
pub fn questionnaire_url(id: &str) -> String {
    format!("{BASE}/Questionnaire/{id}")
}

/// A FHIR `id`: letters, digits, `-` and `.`, at most 64 characters.
fn fhir_id(text: &str) -> String {
    let id: String = text.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.')).take(64).collect();
    if id.is_empty() {
        "x".to_owned()
    } else {
        id
    }
}

fn answer_system(instrument: &Instrument) -> String {
    format!("{BASE}/CodeSystem/{}-answers", instrument.id)
}

fn questionnaire(instrument: &Instrument) -> Questionnaire {
    let items = instrument
        .items
        .iter()
        .map(|item| {
            let (kind, answer_option) = match item.scale {
                Scale::Who5 => {
                    let options = item
                        .scale
                        .values()
                        .into_iter()
                        .map(|value| AnswerOption {
                            extension: vec![WeightExtension { url: ITEM_WEIGHT, value_decimal: value }],
                            value_coding: Coding {
                                system: answer_system(instrument),
                                code: value.to_string(),
                                display: item.scale.who5_label(value).map(|t| t.get(Lang::Da).to_owned()),
                            },
                        })
                        .collect();
                    ("choice", options)
                }
                _ => ("integer", Vec::new()),
            };
            QuestionnaireItem {
                link_id: item.link_id.to_owned(),
                text: item.text.get(Lang::Da).to_owned(),
                kind,
                required: !item.optional,
                answer_option,
            }
        })
        .collect();
    Questionnaire {
        resource_type: "Questionnaire",
        id: fhir_id(&format!("{}-{}", instrument.id, instrument.version)),
        url: questionnaire_url(instrument.id),
        version: instrument.version.to_owned(),
        name: fhir_name(instrument.id),
        title: instrument.name.get(Lang::Da).to_owned(),
        status: "active",
        code: instrument
            .snomed
            .map(|code| Coding { system: SNOMED.to_owned(), code: code.to_owned(), display: None })
            .into_iter()
            .collect(),
        copyright: instrument.notice.get(Lang::En).to_owned(),
        item: items,
    }
}

/// A computer-friendly name: `who5` → `Who5`, `jobready7` → `Jobready7`.
fn fhir_name(id: &str) -> String {
    let mut chars = id.chars().filter(char::is_ascii_alphanumeric);
    chars.next().map(|c| c.to_ascii_uppercase()).into_iter().chain(chars).collect()
}

fn response_url(response: &ExportedResponse) -> String {
    format!("{BASE}/QuestionnaireResponse/{}", fhir_id(&response.id))
}

fn questionnaire_response(response: &ExportedResponse, instrument: &Instrument) -> QuestionnaireResponse {
    let item = instrument
        .items
        .iter()
        .filter_map(|item| {
            let value = *response.answers.get(item.link_id)?;
            let answer = match item.scale {
                Scale::Who5 => Answer::ValueCoding(Coding {
                    system: answer_system(instrument),
                    code: value.to_string(),
                    display: item.scale.who5_label(value).map(|t| t.get(Lang::Da).to_owned()),
                }),
                _ => Answer::ValueInteger(value),
            };
            Some(ResponseItem { link_id: item.link_id.to_owned(), answer: vec![answer] })
        })
        .collect();
    QuestionnaireResponse {
        resource_type: "QuestionnaireResponse",
        id: fhir_id(&response.id),
        questionnaire: format!("{}|{}", questionnaire_url(instrument.id), instrument.version),
        status: match response.status {
            Status::Complete => "completed",
            Status::Partial => "in-progress",
        },
        authored: response.authored.clone(),
        language: response.language.code(),
        item,
    }
}

/// The Bundle for an export.
pub fn bundle(export: &Export) -> Bundle {
    let mut entry = Vec::new();
    for info in &export.instruments {
        if let Ok(instrument) = instrument::find(&info.id, &info.version) {
            let resource = questionnaire(instrument);
            entry.push(Entry {
                full_url: format!("{BASE}/Questionnaire/{}", resource.id),
                resource: Resource::Questionnaire(Box::new(resource)),
            });
        }
    }
    for response in &export.responses {
        let Ok(instrument) = instrument::find(&response.instrument, &response.version) else { continue };
        let url = response_url(response);
        entry.push(Entry {
            full_url: url.clone(),
            resource: Resource::Response(Box::new(questionnaire_response(response, instrument))),
        });
        if let Some(scores) = response.scores {
            let id = fhir_id(&format!("{}-who5-percent", response.id));
            entry.push(Entry {
                full_url: format!("{BASE}/Observation/{id}"),
                resource: Resource::Observation(Box::new(Observation {
                    resource_type: "Observation",
                    id,
                    status: "final",
                    code: CodeableConcept {
                        coding: Vec::new(),
                        text: "WHO-5 Well-Being Index, percentage score (raw × 4)".to_owned(),
                    },
                    effective_date_time: response.authored.clone(),
                    value_quantity: Quantity { value: scores.who5_percent, unit: "%", system: UCUM, code: "%" },
                    derived_from: vec![Reference { reference: url }],
                })),
            });
        }
    }
    Bundle { resource_type: "Bundle", kind: "collection", timestamp: export.exported.clone(), entry }
}

/// The Bundle as the text of the file.
pub fn to_json(export: &Export) -> String {
    serde_json::to_string_pretty(&bundle(export)).unwrap_or_default()
}
