//! The readings by others beside the citizen's own, as the progress screen and the session
//! show them (issue 20): both lines per dimension, the profiles overlaid, where they differ,
//! the workplace's chart, and what the citizen hid left out of the session.

mod common;

use common::{choices, response};
use ugeblik::domain::history::History;
use ugeblik::domain::rater::{Rater, Reading, Readings, Role, PLACEMENT_ID, RATER_JOB_ID};
use ugeblik::domain::response::Response;
use ugeblik::session::perspectives::perspectives;

const SEVEN: [&str; 7] =
    ["job-ability", "job-belief", "job-health", "job-everyday", "job-cooperation", "job-search", "job-skills"];

fn own(week_text: &str, values: [u8; 7]) -> Response {
    let answers: Vec<(&str, u8)> = SEVEN.iter().copied().zip(values).collect();
    response(week_text, "jobready7", &answers, None)
}

fn reading(
    role: Role,
    name: Option<&str>,
    instrument: &str,
    week_text: &str,
    items: &[&str],
    values: &[u8],
) -> Reading {
    let answers: Vec<(&str, u8)> = items.iter().copied().zip(values.iter().copied()).collect();
    let response = common::rated(&format!("{}-{week_text}", role.code()), instrument, week_text, &answers);
    Reading { rater: Rater { role, name: name.map(str::to_owned) }, response, hidden: false }
}

fn case() -> (History, Readings) {
    let mut history = History::default();
    history.upsert(own("2026-W44", [2, 8, 5, 5, 10, 0, 4]));
    history.upsert(own("2026-W46", [3, 8, 5, 5, 9, 1, 4]));
    let mut readings = Readings::default();
    readings.upsert(reading(Role::Consultant, Some("MK"), RATER_JOB_ID, "2026-W45", &SEVEN, &[5, 5, 5, 5, 5, 5, 5]));
    readings.upsert(reading(Role::Consultant, Some("MK"), RATER_JOB_ID, "2026-W47", &SEVEN, &[6, 5, 6, 5, 6, 5, 6]));
    (history, readings)
}

#[test]
fn each_dimension_has_the_citizens_line_and_the_consultants_with_a_key_that_says_whose() {
    let (history, readings) = case();
    let shown = perspectives(&history, &readings, &choices(), false);
    let pairs = shown.pairs.expect("job readiness from both sides");
    assert_eq!(pairs.charts.len(), 7, "one small chart per 0–10 dimension, the hours left out");
    let names: Vec<&str> = pairs.key.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(names, ["Own rating", "Consultant (MK)"]);
    // Each line its own colour, and the other's dashed.
    assert_ne!(pairs.key[0].swatch, pairs.key[1].swatch);
    let ability = &pairs.charts[0];
    assert_eq!(ability.name, "Work ability");
    assert!(ability.svg.contains("#005AA0") && ability.svg.contains("#BE5A00"), "both lines drawn");
    assert!(ability.svg.contains("stroke-dasharray=\"7 4\""), "the consultant's line is dashed");
    assert!(
        ability.summary.contains("Own rating") && ability.summary.contains("Consultant (MK)"),
        "{}",
        ability.summary
    );
}

#[test]
fn the_profiles_of_the_nearest_weeks_are_overlaid_and_their_differences_listed_neutrally() {
    let (history, readings) = case();
    let shown = perspectives(&history, &readings, &choices(), false);
    let radar = shown.radar.expect("the two profiles");
    // The consultant's latest (week 47) beside the citizen's nearest (week 46).
    let keys: Vec<&str> = radar.key.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(keys, ["Own rating, Week 46, 2026", "Consultant (MK), Week 47, 2026"]);
    assert_eq!(radar.rows[0], ("Work ability".to_owned(), vec!["3".to_owned(), "6".to_owned()]));
    let differences = shown.differences.expect("a list of where they differ");
    assert_eq!(differences.title, "Where you see it differently");
    // Ability 3 vs 6, belief 8 vs 5 (both directions), cooperation 9 vs 6, search 1 vs 5.
    assert_eq!(
        differences.items,
        [
            "Work ability: own rating 3, Consultant (MK) 6",
            "Belief: own rating 8, Consultant (MK) 5",
            "Cooperation: own rating 9, Consultant (MK) 6",
            "Steps: own rating 1, Consultant (MK) 5",
        ]
    );
    // Worded as something to talk about, never who is right.
    let all = format!("{} {}", differences.intro, differences.items.join(" ")).to_lowercase();
    for judging in ["should", "too high", "too low", "unrealistic", "correct", "mistake", "overestimat", "underestimat"]
    {
        assert!(!all.contains(judging), "{all}");
    }
    assert!(differences.intro.contains("nobody is right or wrong"), "{}", differences.intro);
    assert!(differences.intro.contains("something to talk about"), "{}", differences.intro);
}

#[test]
fn no_differences_of_three_says_so() {
    let mut history = History::default();
    history.upsert(own("2026-W47", [6, 5, 6, 5, 6, 5, 6]));
    let (_, readings) = case();
    let shown = perspectives(&history, &readings, &choices(), false);
    let differences = shown.differences.unwrap();
    assert!(differences.items.is_empty());
    assert!(differences.intro.contains("less than 3 points"), "{}", differences.intro);
}

#[test]
fn the_workplaces_evaluation_has_a_chart_of_its_own() {
    let (history, mut readings) = case();
    let places = ["place-tasks", "place-attendance", "place-cooperation", "place-wellbeing", "place-motivation"];
    readings.upsert(reading(Role::Employer, Some("Lise"), PLACEMENT_ID, "2026-W46", &places, &[7, 9, 6, 8, 7]));
    let shown = perspectives(&history, &readings, &choices(), false);
    let workplace = shown.workplace.expect("the workplace's chart");
    assert_eq!(workplace.title, "The workplace's evaluation");
    assert_eq!(workplace.keys_title, "Workplace (Lise)");
    let names: Vec<&str> = workplace.lines.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["Tasks", "Times", "Colleagues", "Well-being", "Motivation"]);
    // Four weeks shown (44–47); the evaluation in week 46.
    assert_eq!(workplace.lines[1].1, [None, None, Some("9".to_owned()), None]);
    // It is not job readiness: the pairs and the differences stay the consultant's.
    assert_eq!(shown.pairs.unwrap().key.len(), 2);
}

#[test]
fn a_reading_the_citizen_hid_is_left_out_of_the_session_but_not_out_of_progress() {
    let (history, mut readings) = case();
    readings.set_hidden("consultant-2026-W47", true);
    let session = perspectives(&history, &readings, &choices(), true);
    // The week 45 reading is what the session compares now.
    let radar = session.radar.unwrap();
    assert!(radar.key[1].name.contains("Week 45"), "{:?}", radar.key);
    let progress = perspectives(&history, &readings, &choices(), false);
    assert!(progress.radar.unwrap().key[1].name.contains("Week 47"));
    readings.set_hidden("consultant-2026-W45", true);
    let none = perspectives(&history, &readings, &choices(), true);
    assert_eq!(none.pairs, None);
    assert_eq!(none.radar, None);
    assert_eq!(none.differences, None);
}

#[test]
fn without_readings_by_others_nothing_is_added() {
    let (history, _) = case();
    assert_eq!(perspectives(&history, &Readings::default(), &choices(), false), Default::default());
    // A reading outside the weeks shown is not drawn.
    let mut readings = Readings::default();
    readings.upsert(reading(Role::Mentor, None, RATER_JOB_ID, "2025-W10", &SEVEN, &[5; 7]));
    assert_eq!(perspectives(&history, &readings, &choices(), false).pairs, None);
}
