//! The page's JSON against serde_json with the derives of the same types, which the worker,
//! the import and the exports use: the history, the check-in and the settings, each one
//! serde derive (src/formats/stored.rs) read and written by serde-json-core
//! (src/formats/json.rs):
//!
//! - what the page writes is byte for byte what serde_json writes;
//! - what serde_json reads back from it is the value that was written;
//! - over 60 000 mutated stored values, the page's readers accept exactly what serde_json
//!   with the derives accepts, read the same value, and refuse for the same kind of
//!   reason; nothing panics;
//! - every fixture from format 2 on is written back byte for byte.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ugeblik::domain::checkin::Draft;
use ugeblik::domain::demo;
use ugeblik::domain::history::History;
use ugeblik::domain::lang::Lang;
use ugeblik::domain::progression::{
    Absence, Closed, Goal, GoalCheck, Kept, Milestone, MilestoneKind, Outcome, Work, WorkWeek,
};
use ugeblik::domain::response::{validate, Response};
use ugeblik::formats::stored::{
    decode_draft, decode_history, decode_settings, encode_draft, encode_history, encode_settings, write_history_body,
    DecodeError, Settings, STORE_VERSION,
};

mod common;
use common::Rng;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredHistory {
    version: u64,
    responses: Vec<Response>,
    #[serde(default)]
    goals: Vec<Goal>,
    #[serde(default)]
    work: Vec<WorkWeek>,
    #[serde(default)]
    milestones: Vec<Milestone>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DraftV1 {
    version: u64,
    draft: Draft,
}

#[derive(Deserialize)]
struct Peek {
    version: Option<u64>,
}

/// The stored formats' reader as it was with serde_json: the oracle.
fn serde_versioned<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, DecodeError> {
    let version = match serde_json::from_str::<Peek>(text) {
        Ok(Peek { version: Some(version) }) => version,
        Ok(Peek { version: None }) => return Err(DecodeError::NoVersion),
        Err(_) if serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() => return Err(DecodeError::NoVersion),
        Err(_) => return Err(DecodeError::NotJson),
    };
    if version > STORE_VERSION {
        return Err(DecodeError::TooNew { found: version });
    }
    serde_json::from_str(text).map_err(|error| DecodeError::Invalid(error.to_string()))
}

fn serde_history(text: &str) -> Result<History, DecodeError> {
    let stored: StoredHistory = serde_versioned(text)?;
    let mut ids = std::collections::HashSet::new();
    for response in &stored.responses {
        validate(response).map_err(|error| DecodeError::Invalid(error.to_string()))?;
        if !ids.insert(response.id.clone()) {
            return Err(DecodeError::Invalid("twice".into()));
        }
    }
    let history =
        History { responses: stored.responses, goals: stored.goals, work: stored.work, milestones: stored.milestones };
    history.check_progression().map_err(DecodeError::Invalid)?;
    Ok(history)
}

/// The kind of refusal, without the wording (which differs between the two readers).
fn kind<T>(result: &Result<T, DecodeError>) -> &'static str {
    match result {
        Ok(_) => "read",
        Err(DecodeError::NotJson) => "not JSON",
        Err(DecodeError::NoVersion) => "no version",
        Err(DecodeError::TooNew { .. }) => "too new",
        Err(DecodeError::Invalid(_)) => "invalid",
    }
}

fn history(rng: &mut Rng) -> History {
    let mut history = demo::history("2026-W47".parse().unwrap(), 1 + rng.below(30));
    let week = history.responses[rng.below(history.responses.len())].week;
    let maybe = |rng: &mut Rng| (rng.below(2) == 0).then(|| rng.text());
    let kept = |rng: &mut Rng| Kept::ALL[rng.below(3)];
    for n in 0..rng.below(3) {
        history.goals.push(Goal {
            id: format!("goal-{n}{}", rng.text()),
            what: format!("x{}", rng.text()),
            measure: rng.text(),
            by: (rng.below(2) == 0).then(|| "2027-02-28".to_owned()),
            set: week,
            authored: rng.text(),
            closed: (rng.below(2) == 0)
                .then(|| Closed { week: week.plus(3).unwrap(), outcome: Outcome::ALL[rng.below(3)] }),
            replaces: maybe(rng),
            checks: (0..rng.below(4))
                .map(|i| GoalCheck {
                    week: week.plus(i as i32).unwrap(),
                    kept: kept(rng),
                    note: maybe(rng),
                    authored: rng.text(),
                })
                .collect(),
        });
    }
    for i in 0..rng.below(4) {
        let planned = rng.below(3) as u8;
        let work = Work {
            planned_minutes: (rng.below(2) == 0).then(|| rng.below(2400) as u32),
            worked_minutes: (rng.below(2) == 0).then(|| rng.below(2400) as u32),
            days_planned: (rng.below(2) == 0).then_some(planned),
            days_attended: (rng.below(2) == 0).then(|| planned.min(rng.below(3) as u8)),
            absence: (rng.below(2) == 0).then(|| Absence::ALL[rng.below(3)]),
        };
        history.set_work(week.plus(i as i32).unwrap(), work, &rng.text());
    }
    for n in 0..rng.below(3) {
        let kind = MilestoneKind::ALL[rng.below(5)];
        history.milestones.push(Milestone {
            id: format!("m{n}"),
            date: "2026-11-18".into(),
            kind,
            text: if kind == MilestoneKind::Other { Some(format!("t{}", rng.text())) } else { maybe(rng) },
            authored: rng.text(),
        });
    }
    for response in &mut history.responses {
        if rng.below(3) == 0 {
            response.note = Some(rng.text());
        }
        if rng.below(4) == 0 {
            response.id = format!("{}{}", response.id, rng.text());
        }
    }
    history
}

fn draft(rng: &mut Rng) -> Draft {
    let history = history(rng);
    let week = history.responses[rng.below(history.responses.len())].week;
    let mut draft = Draft::start(week, &history);
    if rng.below(3) == 0 {
        draft.skipped = vec!["who5".into(), "jobready7".into()][..1 + rng.below(2)].to_vec();
    }
    draft.step = rng.below(draft.total() + 1);
    draft.note = rng.text();
    if rng.below(2) == 0 {
        draft.work = Some(Work { planned_minutes: Some(450), days_planned: Some(3), ..Work::default() });
    }
    for answer in &mut draft.goals {
        answer.kept = (rng.below(2) == 0).then_some(Kept::Partly);
        answer.note = (rng.below(2) == 0).then(|| rng.text());
    }
    if rng.below(2) == 0 {
        draft.given.clear();
    }
    for _ in 0..rng.below(3) {
        draft.given.push((rng.text(), rng.next()));
    }
    draft.given.sort();
    draft.given.dedup_by(|a, b| a.0 == b.0);
    draft
}

#[test]
fn the_page_writes_what_serde_writes() {
    let mut rng = Rng(0x5eed);
    for _ in 0..300 {
        let history = history(&mut rng);
        let ours = encode_history(&history);
        let theirs = serde_json::to_string(&StoredHistory {
            version: STORE_VERSION,
            responses: history.responses.clone(),
            goals: history.goals.clone(),
            work: history.work.clone(),
            milestones: history.milestones.clone(),
        })
        .unwrap();
        assert_eq!(ours, theirs);
        assert_eq!(decode_history(&ours).unwrap(), history);

        let draft = draft(&mut rng);
        let ours = encode_draft(&draft);
        assert_eq!(ours, serde_json::to_string(&DraftV1 { version: STORE_VERSION, draft: draft.clone() }).unwrap());
        assert_eq!(decode_draft(&ours).unwrap(), draft);
    }
    let portals = |list: &[(&str, bool)]| list.iter().map(|(o, a)| (o.to_string(), *a)).collect::<Vec<_>>();
    let cases = [
        (None, None, false, None, portals(&[])),
        (Some(Lang::Da), Some("2026-11-23".to_owned()), false, None, portals(&[("https://b.example", false)])),
        (Some(Lang::En), None, true, None, portals(&[])),
        (Some(Lang::Ar), Some("2026-11-23".to_owned()), true, Some(Lang::Da), portals(&[])),
        (
            Some(Lang::Uk),
            None,
            false,
            Some(Lang::En),
            portals(&[("https://b.example", true), ("http://127.0.0.1:8081", false)]),
        ),
    ];
    for (lang, backup, easy, who5_lang, portals) in cases {
        let settings = Settings { version: STORE_VERSION, lang, backup, easy, who5_lang, portals };
        let ours = encode_settings(&settings);
        assert_eq!(ours, serde_json::to_string(&settings).unwrap());
        assert_eq!(decode_settings(&ours).unwrap(), settings);
    }
}

#[test]
fn the_worker_reads_the_pages_history() {
    let mut rng = Rng(0xfeed);
    for case in 0..200 {
        let history = history(&mut rng);
        let mut text = String::new();
        write_history_body(&mut text, &history);
        let read: History = serde_json::from_str(&text).unwrap_or_else(|e| panic!("case {case}: {e}\n{text}"));
        assert_eq!(read, history);
    }
}

/// Cuts, repeats, replaces and inserts pieces of a valid stored value, at character
/// boundaries (storage holds strings, never invalid UTF-8).
fn mutate(rng: &mut Rng, seed: &str) -> String {
    const TOKENS: [&str; 40] = [
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "null",
        "true",
        "1",
        "-0",
        "1.0",
        "256",
        "2",
        "1e2",
        " ",
        "\\",
        "\"version\"",
        "\"responses\"",
        "\"answers\"",
        "\"note\"",
        "\"draft\"",
        "\"lang\"",
        "\"en\"",
        "\"EN\"",
        "\"2026-W53\"",
        "\"\\ud800\"",
        "\"\\u00e6\"",
        "18446744073709551616",
        "\"extra\"",
        "\"goals\"",
        "\"skipped\"",
        "\"chime5\"",
        "\"work\"",
        "\"kept\"",
        "\"partly\"",
        "\"2026-02-30\"",
        "\"given\"",
        "\"authored\"",
        "[\"a\",1]",
    ];
    let mut chars: Vec<char> = seed.chars().collect();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(chars.len() + 1);
        let token: Vec<char> = TOKENS[rng.below(TOKENS.len())].chars().collect();
        match rng.below(4) {
            0 if at < chars.len() => {
                chars.remove(at);
            }
            1 => {
                chars.splice(at..at, token);
            }
            2 if at < chars.len() => {
                let end = (at + token.len()).min(chars.len());
                chars.splice(at..end, token);
            }
            _ => {
                let from = rng.below(chars.len());
                let piece: Vec<char> = chars[from..(from + 1 + rng.below(40)).min(chars.len())].to_vec();
                chars.splice(at..at, piece);
            }
        }
    }
    chars.into_iter().collect()
}

#[test]
fn the_page_accepts_exactly_what_serde_accepts() {
    let mut rng = Rng(0xdec0de);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let small = history(&mut Rng(7));
    let seeds = [
        encode_history(&small),
        encode_draft(&draft(&mut rng)),
        encode_settings(&Settings { version: 1, lang: Some(Lang::En), ..Settings::default() }),
        include_str!("fixtures/store-v1-history.json").to_owned(),
    ];
    for case in 0..60_000 {
        let text = mutate(&mut rng, &seeds[case % seeds.len()]);
        let (ours, theirs) = match case % seeds.len() {
            1 => {
                let theirs = serde_versioned::<DraftV1>(&text)
                    .and_then(|d| d.draft.check().map(|()| d.draft).map_err(|e| DecodeError::Invalid(e.to_string())));
                (decode_draft(&text).map(|d| format!("{d:?}")), theirs.map(|d| format!("{d:?}")))
            }
            2 => (
                decode_settings(&text).map(|s| format!("{s:?}")),
                serde_versioned::<Settings>(&text).map(|s| format!("{s:?}")),
            ),
            _ => (decode_history(&text).map(|h| format!("{h:?}")), serde_history(&text).map(|h| format!("{h:?}"))),
        };
        // A lone surrogate escape (`"\ud800"`): serde_json skips over it while it looks
        // for the version and then calls the value invalid; ours calls it not JSON. Both
        // refuse it (the app never writes such an escape), which is what matters here.
        let lone_surrogate = text.contains("\\ud800") && ours.is_err() && theirs.is_err();
        if !lone_surrogate {
            assert_eq!(kind(&ours), kind(&theirs), "case {case}: {text}\nours: {ours:?}\nserde: {theirs:?}");
        }
        if let (Ok(ours), Ok(theirs)) = (&ours, &theirs) {
            assert_eq!(ours, theirs, "case {case}: {text}");
        }
        *counts.entry(kind(&ours)).or_default() += 1;
    }
    println!("60 000 mutated stored values: {counts:?}");
    assert!(counts.len() == 5, "every kind of outcome was reached: {counts:?}");
}

/// Every prefix of every stored format's value, and the value with one byte (every third)
/// changed to one of JSON's own: read or refused with an error value, never a panic.
#[test]
fn no_stored_value_cut_short_or_changed_panics() {
    let mut rng = Rng(0xc0ffee);
    let mut small = demo::history("2026-W47".parse().unwrap(), 2);
    small.goals = history(&mut Rng(11)).goals;
    let values = [
        encode_history(&small),
        encode_draft(&draft(&mut rng)),
        include_str!("fixtures/store-v5-settings.json").to_owned(),
        include_str!("fixtures/store-v1-safety.json").trim().to_owned(),
        include_str!("fixtures/store-v3-draft.json").to_owned(),
    ];
    for value in &values {
        let bytes = value.as_bytes();
        for end in (0..bytes.len()).filter(|end| value.is_char_boundary(*end)) {
            let cut = &value[..end];
            assert!(decode_history(cut).is_err() || end == bytes.len());
            let _ = (decode_draft(cut), decode_settings(cut), ugeblik::formats::safety::decode_safety(cut));
        }
        for at in (0..bytes.len()).step_by(3) {
            for byte in *b"\"{}[],:0-\\ n" {
                let mut changed = bytes.to_vec();
                changed[at] = byte;
                if let Ok(text) = std::str::from_utf8(&changed) {
                    let _ = (decode_history(text), decode_draft(text), decode_settings(text));
                    let _ = ugeblik::formats::safety::decode_safety(text);
                }
            }
        }
    }
}

/// Every stored-format fixture from format 2 on reads, and is written back byte for byte,
/// with the newest version number. (Format 1's fixtures of the history and the check-in
/// hold their answers out of key order: they read, tests/storage.rs, and are written in
/// order.)
#[test]
fn every_fixture_is_written_back_byte_for_byte() {
    let newest = |text: &str| {
        let old = text.split(',').next().unwrap();
        text.trim().replacen(old, &format!("{{\"version\":{STORE_VERSION}"), 1)
    };
    for text in [include_str!("fixtures/store-v2-history.json"), include_str!("fixtures/store-v3-history.json")] {
        assert_eq!(encode_history(&decode_history(text).unwrap()), newest(text));
    }
    for text in [include_str!("fixtures/store-v2-draft.json"), include_str!("fixtures/store-v3-draft.json")] {
        assert_eq!(encode_draft(&decode_draft(text).unwrap()), newest(text));
    }
    for text in [
        include_str!("fixtures/store-v1-settings.json"),
        include_str!("fixtures/store-v3-settings.json"),
        include_str!("fixtures/store-v4-settings.json"),
        include_str!("fixtures/store-v5-settings.json"),
    ] {
        assert_eq!(encode_settings(&decode_settings(text).unwrap()), newest(text));
    }
    let text = include_str!("fixtures/store-v1-safety.json").trim();
    use ugeblik::formats::safety::{decode_safety, encode_safety};
    assert_eq!(encode_safety(&decode_safety(text).unwrap()), text);
}

/// A stored value that is not JSON as serde_json reads it is refused as not JSON, whichever
/// value it is, before its reader reads anything: a raw control character in a string, a
/// comma before a list's first item or after its last, a value of an unknown field cut
/// short. serde-json-core, the codec, would read some of these (before, the settings
/// and the shared-phone settings were read so, and `"en\u{7}"` was an unknown language).
#[test]
fn what_is_not_json_is_refused_as_not_json_by_every_stored_reader() {
    use ugeblik::formats::safety::decode_safety;
    let settings =
        ["{\"version\":5,\"lang\":\"en\u{7}\"}", "{\"version\":5,\"lang\":\"en\",}", "{\"version\":5,\"x\":[,1]}"];
    for text in settings {
        assert_eq!(decode_settings(text), Err(DecodeError::NotJson), "{text:?}");
        // The shared-phone settings say so in their own words.
        let not_json = DecodeError::Invalid("shared-phone settings: not JSON with a version".into());
        assert_eq!(decode_safety(&text.replace("\"version\":5,\"lang\"", "\"version\":1,\"end\"")), Err(not_json));
    }
    let draft = include_str!("fixtures/store-v3-draft.json").replace("Skrevet i to faner", "Skrevet\u{1}");
    assert_eq!(decode_draft(&draft), Err(DecodeError::NotJson));
    let history = include_str!("fixtures/store-v3-history.json");
    assert_eq!(decode_history(&history.replacen("[", "[,", 1)), Err(DecodeError::NotJson));
    assert_eq!(
        decode_history(&history.replacen("\"version\":3", "\"version\":3,\"x\":1e", 1)),
        Err(DecodeError::NotJson)
    );
}
