//! The HL7 FHIR R4 export: a `Bundle` of type `collection` with one `Questionnaire` per
//! instrument version, one `QuestionnaireResponse` per response, and an `Observation` for
//! each WHO-5 percentage, `derivedFrom` its response. Hand-written serde structs for these
//! few resources: full FHIR crates are enormous, and this runs in the chart worker only.
//!
//! Canonical URLs live under the project's own base, [`BASE`]. No LOINC code exists for
//! the WHO-5 and none is invented; the questionnaire carries KL's SNOMED CT code.
//!
//! Each question is described as the app asks it, in the terms of the Structured Data
//! Capture guide, so that a form filler shows it as the citizen saw it: no question is
//! `required` (every one can be skipped: the app never demands an answer; whether a
//! response counts as complete is its `status`); the WHO-5's six worded options as radio
//! buttons in a column; the 0–10 ratings and the 0–37 hours as `integer` items whose
//! options are every whole number from 0 to the top, shown as radio buttons in a row (the
//! app's row of buttons, not a slider), the scale's end labels as `lower`/`upper` display
//! items; and "what we mean" as a `help` display item, last (a filler that shows only one
//! such text, LHC-Forms, then shows the help).
//!
//! The options are the bounds. `minValue`/`maxValue` are not added beside them: LHC-Forms
//! (40.1.3) checks them against the chosen option as a whole and refuses every answer
//! ("must be an integer number"), so a response would no longer be accepted.
//!
//! Who answered (format 4): the citizen is one anonymous `Patient` (`Patient/citizen`, no
//! identifier nor name at all), in the bundle whenever it has a response or a goal. Every
//! response's `subject` is that Patient: the answers are about the citizen, whoever gave
//! them. The citizen's own answers have the Patient as `author` and `source` too (they
//! answered and recorded them in their own app). Another's reading has neither: its
//! `author` and `source` are the rater, a resource `contained` in the response (FHIR's way
//! for a party known by nothing that identifies it): a `Practitioner` for a consultant or
//! mentor, a `RelatedPerson` (its `patient` the citizen) for the employer or the
//! workplace's contact person, each with a display name only (the initials or first name
//! the rater gave, or else the role's word), never an identifier. The raters' instruments
//! (`jobready7-rater`, `placement5`) get a `Questionnaire` of their own; no `Observation` is
//! derived from a reading.
//!
//! Format 2's progression (see the README): each goal is a `Goal` (its subject the
//! anonymous `Patient`, since R4 requires a subject), each
//! weekly evaluation an `Observation` whose `focus` is the goal; each week's work one
//! `Observation` with components (time in UCUM `min`, days, the absence reason); each
//! milestone an `Observation` on its date. Codes are Ugeblik's own, under [`BASE`].

use serde::Serialize;

use crate::domain::instrument::{Instrument, Item, Scale};
use crate::domain::lang::Lang;
use crate::domain::progression::Outcome;
use crate::domain::rater::{self, Rater, Role};
use crate::domain::response::Status;
use crate::domain::week::IsoWeek;
use crate::formats::export::{Export, ExportedResponse};

/// The base of every canonical URL Ugeblik defines.
pub const BASE: &str = "https://ugeblik.dk/fhir";
const SNOMED: &str = "http://snomed.info/sct";
const ITEM_WEIGHT: &str = "http://hl7.org/fhir/StructureDefinition/itemWeight";
const ITEM_CONTROL: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
const ITEM_CONTROL_SYSTEM: &str = "http://hl7.org/fhir/questionnaire-item-control";
const CHOICE_ORIENTATION: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-choiceOrientation";
const UCUM: &str = "http://unitsofmeasure.org";
/// The citizen: the one `Patient` of every bundle, referred to as [`CITIZEN`].
const CITIZEN_ID: &str = "citizen";
/// How every resource refers to the citizen (relative to the bundle's [`BASE`], as each
/// entry's `fullUrl` is `BASE/<type>/<id>`).
pub const CITIZEN: &str = "Patient/citizen";
/// The `id` of the rater contained in another's reading, referred to as `#rater`.
const RATER_ID: &str = "rater";

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
    Goal(Box<GoalResource>),
    Patient(Box<Patient>),
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Patient {
    resource_type: &'static str,
    id: &'static str,
}

/// Who gave another's reading: a `Practitioner` (consultant, mentor) or a `RelatedPerson`
/// (employer), contained in the response, with a display name only.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RaterResource {
    resource_type: &'static str,
    id: &'static str,
    /// A `RelatedPerson`'s: the citizen (required by R4).
    #[serde(skip_serializing_if = "Option::is_none")]
    patient: Option<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    relationship: Vec<CodeableConcept>,
    name: Vec<HumanName>,
}

#[derive(Serialize)]
struct HumanName {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct GoalResource {
    resource_type: &'static str,
    id: String,
    identifier: Vec<Identifier>,
    lifecycle_status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    achievement_status: Option<CodeableConcept>,
    description: CodeableConcept,
    subject: Reference,
    start_date: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    target: Vec<GoalTarget>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status_date: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct GoalTarget {
    #[serde(skip_serializing_if = "Option::is_none")]
    detail_string: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    due_date: Option<String>,
}

#[derive(Serialize)]
struct Identifier {
    system: String,
    value: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Period {
    start: String,
    end: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Component {
    code: CodeableConcept,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_quantity: Option<Quantity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_integer: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_codeable_concept: Option<CodeableConcept>,
}

#[derive(Serialize, Default)]
struct Coding {
    system: String,
    code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    display: Option<String>,
}

#[derive(Serialize, Default)]
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
    #[serde(skip_serializing_if = "Vec::is_empty")]
    extension: Vec<Extension>,
    link_id: String,
    text: String,
    #[serde(rename = "type")]
    kind: &'static str,
    /// `None` for display items, which may not carry it.
    #[serde(skip_serializing_if = "Option::is_none")]
    required: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    answer_option: Vec<AnswerOption>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    item: Vec<QuestionnaireItem>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AnswerOption {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    extension: Vec<Extension>,
    #[serde(flatten)]
    value: Answer,
}

#[derive(Serialize)]
struct Extension {
    url: &'static str,
    #[serde(flatten)]
    value: ExtensionValue,
}

/// An extension's `value[x]`.
#[derive(Serialize)]
enum ExtensionValue {
    #[serde(rename = "valueDecimal")]
    Decimal(u8),
    #[serde(rename = "valueCode")]
    Code(&'static str),
    #[serde(rename = "valueCodeableConcept")]
    CodeableConcept(CodeableConcept),
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct QuestionnaireResponse {
    resource_type: &'static str,
    id: String,
    language: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    contained: Vec<RaterResource>,
    questionnaire: String,
    status: &'static str,
    /// Whom the answers are about: always the citizen.
    subject: Reference,
    authored: String,
    /// Who gave the answers: the citizen, or the contained rater.
    author: Reference,
    source: Reference,
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

#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct Observation {
    resource_type: &'static str,
    id: String,
    status: &'static str,
    code: CodeableConcept,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    focus: Vec<Reference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    effective_date_time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    effective_period: Option<Period>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_quantity: Option<Quantity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_codeable_concept: Option<CodeableConcept>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_string: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    derived_from: Vec<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    component: Vec<Component>,
}

#[derive(Serialize)]
struct Quantity {
    value: u32,
    unit: &'static str,
    system: &'static str,
    code: &'static str,
}

#[derive(Serialize, Clone)]
struct Reference {
    reference: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    display: Option<String>,
}

impl Reference {
    fn to(reference: impl Into<String>) -> Reference {
        Reference { reference: reference.into(), display: None }
    }
}

/// The word for a rater's role in the file (Danish, as the questionnaires' texts are).
fn role_word(role: Role) -> &'static str {
    match role {
        Role::Citizen => "Borgeren",
        Role::Consultant => "Konsulent",
        Role::Mentor => "Mentor",
        Role::Employer => "Arbejdsplads",
    }
}

/// The rater of another's reading as a contained resource, and the reference to it (whose
/// `display` says the role and the name given, like `Konsulent (MK)`). `None` for the
/// citizen's own answers.
fn rater_resource(rater: &Rater) -> Option<(RaterResource, Reference)> {
    let word = role_word(rater.role);
    let given = rater.name.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let name = vec![HumanName { text: given.unwrap_or(word).to_owned() }];
    let resource = match rater.role {
        Role::Citizen => return None,
        Role::Consultant | Role::Mentor => {
            RaterResource { resource_type: "Practitioner", id: RATER_ID, patient: None, relationship: Vec::new(), name }
        }
        Role::Employer => RaterResource {
            resource_type: "RelatedPerson",
            id: RATER_ID,
            patient: Some(Reference::to(CITIZEN)),
            relationship: vec![CodeableConcept {
                coding: Vec::new(),
                text: "Arbejdsgiver eller kontaktperson på arbejdspladsen".to_owned(),
            }],
            name,
        },
    };
    let display = match given {
        Some(given) => format!("{word} ({given})"),
        None => word.to_owned(),
    };
    Some((resource, Reference { reference: format!("#{RATER_ID}"), display: Some(display) }))
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

/// An `itemControl` extension with a code of the core item control code system.
fn item_control(code: &'static str, display: &str) -> Extension {
    Extension {
        url: ITEM_CONTROL,
        value: ExtensionValue::CodeableConcept(CodeableConcept {
            coding: vec![Coding {
                system: ITEM_CONTROL_SYSTEM.to_owned(),
                code: code.to_owned(),
                display: Some(display.to_owned()),
            }],
            text: display.to_owned(),
        }),
    }
}

/// A text shown with a question: an end label of its scale, or its help.
fn display_item(link_id: String, text: &str, control: (&'static str, &str)) -> QuestionnaireItem {
    QuestionnaireItem {
        extension: vec![item_control(control.0, control.1)],
        link_id,
        text: text.to_owned(),
        kind: "display",
        required: None,
        answer_option: Vec::new(),
        item: Vec::new(),
    }
}

fn question(instrument: &Instrument, item: &Item) -> QuestionnaireItem {
    let link_id = item.link_id;
    let label = |end: &str, text: &str, control| display_item(format!("{link_id}-{end}"), text, control);
    let (kind, answer_option, orientation, mut labels) = match item.scale {
        Scale::Who5 => {
            let options = item
                .scale
                .values()
                .into_iter()
                .map(|value| AnswerOption {
                    extension: vec![Extension { url: ITEM_WEIGHT, value: ExtensionValue::Decimal(value) }],
                    value: Answer::ValueCoding(Coding {
                        system: answer_system(instrument),
                        code: value.to_string(),
                        display: item.scale.who5_label(value).map(|t| t.da.to_owned()),
                    }),
                })
                .collect();
            ("choice", options, "vertical", Vec::new())
        }
        Scale::Rating { low, high } => {
            let labels = vec![
                label("lower", low.da, ("lower", "Lower-bound")),
                label("upper", high.da, ("upper", "Upper-bound")),
            ];
            ("integer", integer_options(&item.scale), "horizontal", labels)
        }
        Scale::Hours { .. } => {
            let full_time = crate::i18n::Msg::HoursLegend.get(Lang::Da);
            (
                "integer",
                integer_options(&item.scale),
                "horizontal",
                vec![label("upper", full_time, ("upper", "Upper-bound"))],
            )
        }
    };
    let extension = vec![
        item_control("radio-button", "Radio Button"),
        Extension { url: CHOICE_ORIENTATION, value: ExtensionValue::Code(orientation) },
    ];
    labels.push(label("help", item.help.da, ("help", "Help-Button")));
    QuestionnaireItem {
        extension,
        link_id: link_id.to_owned(),
        text: item.text.da.to_owned(),
        kind,
        // The app lets the citizen skip every question.
        required: Some(false),
        answer_option,
        item: labels,
    }
}

/// One option per whole number of a bounded integer scale (from [`Scale::bounds`]), as the
/// app's buttons.
fn integer_options(scale: &Scale) -> Vec<AnswerOption> {
    scale
        .values()
        .into_iter()
        .map(|value| AnswerOption { extension: Vec::new(), value: Answer::ValueInteger(value) })
        .collect()
}

fn questionnaire(instrument: &Instrument) -> Questionnaire {
    let items = instrument.items.iter().map(|item| question(instrument, item)).collect();
    Questionnaire {
        resource_type: "Questionnaire",
        id: fhir_id(&format!("{}-{}", instrument.id, instrument.version)),
        url: questionnaire_url(instrument.id),
        version: instrument.version.to_owned(),
        name: fhir_name(instrument.id),
        title: instrument.name.da.to_owned(),
        status: "active",
        code: instrument
            .snomed
            .map(|code| Coding { system: SNOMED.to_owned(), code: code.to_owned(), display: None })
            .into_iter()
            .collect(),
        copyright: instrument.notice.en.to_owned(),
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
    // A file of format 3 or older holds the citizen's own answers only.
    let rater = response.rater.as_ref().and_then(rater_resource);
    let (contained, by) = match rater {
        Some((resource, reference)) => (vec![resource], reference),
        None => (Vec::new(), Reference::to(CITIZEN)),
    };
    let source = by.clone();
    let item = instrument
        .items
        .iter()
        .filter_map(|item| {
            let value = *response.answers.get(item.link_id)?;
            let answer = match item.scale {
                Scale::Who5 => Answer::ValueCoding(Coding {
                    system: answer_system(instrument),
                    code: value.to_string(),
                    display: item.scale.who5_label(value).map(|t| t.da.to_owned()),
                }),
                _ => Answer::ValueInteger(value),
            };
            Some(ResponseItem { link_id: item.link_id.to_owned(), answer: vec![answer] })
        })
        .collect();
    QuestionnaireResponse {
        resource_type: "QuestionnaireResponse",
        id: fhir_id(&response.id),
        language: response.language.code(),
        contained,
        questionnaire: format!("{}|{}", questionnaire_url(instrument.id), instrument.version),
        status: match response.status {
            Status::Complete => "completed",
            Status::Partial => "in-progress",
        },
        subject: Reference::to(CITIZEN),
        authored: response.authored.clone(),
        author: by,
        source,
        item,
    }
}

/// The Bundle for an export.
pub fn bundle(export: &Export) -> Bundle {
    let mut entry = Vec::new();
    for info in &export.instruments {
        if let Ok(instrument) = rater::find_any(&info.id, &info.version) {
            let resource = questionnaire(instrument);
            entry.push(Entry {
                full_url: format!("{BASE}/Questionnaire/{}", resource.id),
                resource: Resource::Questionnaire(Box::new(resource)),
            });
        }
    }
    if !export.responses.is_empty() || !export.goals.is_empty() {
        entry.push(Entry {
            full_url: format!("{BASE}/{CITIZEN}"),
            resource: Resource::Patient(Box::new(Patient { resource_type: "Patient", id: CITIZEN_ID })),
        });
    }
    for response in &export.responses {
        let Ok(instrument) = rater::find_any(&response.instrument, &response.version) else { continue };
        let own = response.rater.as_ref().is_none_or(Rater::is_citizen);
        let url = response_url(response);
        entry.push(Entry {
            full_url: url.clone(),
            resource: Resource::Response(Box::new(questionnaire_response(response, instrument))),
        });
        // Only the citizen's own WHO-5 has a score; a reading never gets an Observation.
        if let Some(scores) = response.scores.filter(|_| own) {
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
                    effective_date_time: Some(response.authored.clone()),
                    value_quantity: Some(Quantity {
                        value: u32::from(scores.who5_percent),
                        unit: "%",
                        system: UCUM,
                        code: "%",
                    }),
                    derived_from: vec![Reference::to(url)],
                    ..Observation::default()
                })),
            });
        }
    }
    progression(export, &mut entry);
    Bundle { resource_type: "Bundle", kind: "collection", timestamp: export.exported.clone(), entry }
}

/// A code of one of Ugeblik's own code systems.
fn own(system: &str, code: &str, text: &str) -> CodeableConcept {
    CodeableConcept {
        coding: vec![Coding { system: format!("{BASE}/CodeSystem/{system}"), code: code.to_owned(), display: None }],
        text: text.to_owned(),
    }
}

fn date_of(week: IsoWeek, sunday: bool) -> String {
    let day = if sunday { week.sunday() } else { week.monday() };
    format!("{:04}-{:02}-{:02}", day.year(), u8::from(day.month()), day.day())
}

fn week_period(week: IsoWeek) -> Period {
    Period { start: date_of(week, false), end: date_of(week, true) }
}

fn observation(id: String, code: CodeableConcept) -> Observation {
    Observation { resource_type: "Observation", id, status: "final", code, ..Observation::default() }
}

fn push_observation(entry: &mut Vec<Entry>, observation: Observation) {
    entry.push(Entry {
        full_url: format!("{BASE}/Observation/{}", observation.id),
        resource: Resource::Observation(Box::new(observation)),
    });
}

/// Time in whole minutes (UCUM `min`): exact, as the export keeps it.
fn minutes(minutes: u32) -> Quantity {
    Quantity { value: minutes, unit: "min", system: UCUM, code: "min" }
}

/// The goals, their evaluations, the weeks' work and the milestones.
fn progression(export: &Export, entry: &mut Vec<Entry>) {
    for goal in &export.goals {
        let id = fhir_id(&format!("goal-{}", goal.id));
        let url = format!("{BASE}/Goal/{id}");
        let (lifecycle, achievement) = match goal.closed.as_ref().map(|c| c.outcome) {
            None => ("active", None),
            Some(Outcome::Reached) => ("completed", Some(("achieved", "Achieved"))),
            Some(Outcome::Changed) => ("cancelled", Some(("not-achieved", "Not achieved (changed)"))),
            Some(Outcome::Dropped) => ("cancelled", Some(("not-achieved", "Not achieved (dropped)"))),
        };
        let target = GoalTarget {
            detail_string: Some(goal.measure.clone()).filter(|m| !m.trim().is_empty()),
            due_date: goal.by.clone(),
        };
        let has_target = target.detail_string.is_some() || target.due_date.is_some();
        entry.push(Entry {
            full_url: url.clone(),
            resource: Resource::Goal(Box::new(GoalResource {
                resource_type: "Goal",
                id,
                identifier: vec![Identifier { system: format!("{BASE}/goal-id"), value: goal.id.clone() }],
                lifecycle_status: lifecycle,
                achievement_status: achievement.map(|(code, text)| CodeableConcept {
                    coding: vec![Coding {
                        system: "http://terminology.hl7.org/CodeSystem/goal-achievement".to_owned(),
                        code: code.to_owned(),
                        display: None,
                    }],
                    text: text.to_owned(),
                }),
                description: CodeableConcept { coding: Vec::new(), text: goal.what.clone() },
                subject: Reference::to(CITIZEN),
                start_date: date_of(goal.set, false),
                target: if has_target { vec![target] } else { Vec::new() },
                status_date: goal.closed.as_ref().map(|c| date_of(c.week, false)),
            })),
        });
        for check in &goal.checks {
            let mut kept = observation(
                fhir_id(&format!("goal-{}-{}", goal.id, check.week)),
                own("observation", "goal-kept", "Kept to the goal this week"),
            );
            kept.focus = vec![Reference::to(url.clone())];
            kept.effective_period = Some(week_period(check.week));
            kept.value_codeable_concept = Some(own("goal-kept", check.kept.code(), check.kept.code()));
            kept.value_string = None;
            push_observation(entry, kept);
        }
    }
    for week in &export.work {
        let work = &week.work;
        let mut observation =
            observation(fhir_id(&format!("work-{}", week.week)), own("observation", "work-week", "The week's work"));
        observation.effective_period = Some(week_period(week.week));
        let part = |code: &str, text: &str| own("work", code, text);
        let mut component = Vec::new();
        if let Some(m) = work.planned_minutes {
            component.push(Component {
                value_quantity: Some(minutes(m)),
                ..component_of(part("hours-planned", "Hours planned"))
            });
        }
        if let Some(m) = work.worked_minutes {
            component.push(Component {
                value_quantity: Some(minutes(m)),
                ..component_of(part("hours-worked", "Hours worked"))
            });
        }
        if let Some(d) = work.days_planned {
            component.push(Component {
                value_integer: Some(d.into()),
                ..component_of(part("days-planned", "Days planned"))
            });
        }
        if let Some(d) = work.days_attended {
            component.push(Component {
                value_integer: Some(d.into()),
                ..component_of(part("days-attended", "Days attended"))
            });
        }
        if let Some(a) = work.absence {
            let reason = own("absence", a.code(), a.code());
            component.push(Component {
                value_codeable_concept: Some(reason),
                ..component_of(part("absence", "Absence reason"))
            });
        }
        observation.component = component;
        push_observation(entry, observation);
    }
    for milestone in &export.milestones {
        let mut observation = observation(
            fhir_id(&format!("milestone-{}", milestone.id)),
            own("milestone", milestone.kind.code(), "Milestone"),
        );
        observation.effective_date_time = Some(milestone.date.clone());
        observation.value_string = milestone.text.clone();
        push_observation(entry, observation);
    }
}

fn component_of(code: CodeableConcept) -> Component {
    Component { code, value_quantity: None, value_integer: None, value_codeable_concept: None }
}

/// The Bundle as the text of the file.
pub fn to_json(export: &Export) -> String {
    serde_json::to_string_pretty(&bundle(export)).unwrap_or_default()
}
