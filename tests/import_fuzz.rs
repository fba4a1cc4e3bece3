//! The import parser against a million generated files: mutations of real exports (bytes
//! flipped, cut, repeated, spliced) and random structures. None may panic; every one is
//! either read or refused with an error. Prints the count.

use ugeblik::domain::demo;
use ugeblik::domain::week::IsoWeek;
use ugeblik::formats::export::{export, to_json};
use ugeblik::formats::import::read;

mod common;
use common::Rng;

const TOKENS: [&str; 24] = [
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "null",
    "true",
    "-1",
    "256",
    "1e400",
    "\"\\u0000\"",
    "\"ugeblik-export\"",
    "\"formatVersion\"",
    "\"responses\"",
    "\"answers\"",
    "\"2026-W53\"",
    "\"2025-W53\"",
    "\"who5\"",
    "\"<script>\"",
    "\"\\ud800\"",
    "9999999999999999999999",
    "\"æøå\"",
];

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 if !bytes.is_empty() => {
                let i = at.min(bytes.len() - 1);
                bytes[i] = (rng.next() & 0xFF) as u8;
            }
            1 => bytes.truncate(at),
            2 => {
                let end = (at + rng.below(40)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                bytes.splice(at..at, token.bytes());
            }
            4 => {
                let end = (at + rng.below(60)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
            _ => {
                let digit = b'0' + (rng.next() % 10) as u8;
                if let Some(i) = bytes.iter().skip(at).position(u8::is_ascii_digit) {
                    bytes[at + i] = digit;
                }
            }
        }
    }
    bytes
}

fn random_json(rng: &mut Rng, depth: usize) -> String {
    match if depth > 6 { rng.below(4) } else { rng.below(7) } {
        0 => "null".into(),
        1 => rng.below(300).to_string(),
        2 => format!("{:?}", TOKENS[rng.below(TOKENS.len())]),
        3 => "\"ugeblik-export\"".into(),
        4 => format!("[{}]", (0..rng.below(4)).map(|_| random_json(rng, depth + 1)).collect::<Vec<_>>().join(",")),
        _ => {
            let keys =
                ["format", "formatVersion", "responses", "answers", "id", "week", "instrument", "version", "status"];
            let fields: Vec<String> = (0..rng.below(5))
                .map(|_| format!("\"{}\":{}", keys[rng.below(keys.len())], random_json(rng, depth + 1)))
                .collect();
            format!("{{{}}}", fields.join(","))
        }
    }
}

#[test]
fn a_million_generated_files_never_panic_the_import() {
    let seeds: Vec<String> = [1, 3, 8]
        .iter()
        .map(|weeks| {
            let history = demo::history("2026-W47".parse::<IsoWeek>().unwrap(), *weeks);
            to_json(&export(
                &history,
                &ugeblik::domain::rater::Readings::default(),
                "2026-11-22T12:00:00Z",
                "0.1.0",
                Some("Sag 7"),
            ))
        })
        .collect();
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let (mut read_ok, mut refused) = (0u64, 0u64);
    let cases = 1_000_000;
    for case in 0..cases {
        let bytes = if case % 4 == 3 {
            random_json(&mut rng, 0).into_bytes()
        } else {
            mutate(&mut rng, seeds[case % seeds.len()].as_bytes())
        };
        // Files are read as text: invalid UTF-8 never reaches the parser.
        let text = String::from_utf8_lossy(&bytes);
        match read(&text) {
            Ok(_) => read_ok += 1,
            Err(_) => refused += 1,
        }
    }
    println!("import fuzz: {cases} generated files, {read_ok} read, {refused} refused, no panic");
    assert_eq!(read_ok + refused, cases as u64);
    assert!(
        read_ok > 1000 && refused > 100_000,
        "the generator reaches both outcomes: {read_ok} read, {refused} refused"
    );
}

/// A random but valid history: any weeks, instruments, skipped items, notes with markup,
/// quotes, line breaks and emoji.
fn random_history(rng: &mut Rng) -> ugeblik::domain::history::History {
    use std::collections::BTreeMap;
    use ugeblik::domain::instrument::CATALOGUE;
    use ugeblik::domain::lang::Lang;
    use ugeblik::domain::response::{status_of, Response};
    const NOTES: [&str; 5] =
        ["<img src=x onerror=alert(1)>", "\"citat\" og 'enkelt'", "linje 1\nlinje 2", "🙂 æøå", ""];
    let mut responses = Vec::new();
    for n in 0..rng.below(30) {
        let instrument = &CATALOGUE[rng.below(CATALOGUE.len())];
        // Any of 800 weeks from 2010 on: weeks outside the years Ugeblik shows are refused.
        let first = "2010-W01".parse::<IsoWeek>().unwrap().ordinal();
        let week = IsoWeek::from_ordinal(first + rng.below(800) as i32).unwrap();
        let mut answers = BTreeMap::new();
        for item in instrument.items {
            if rng.below(5) > 0 {
                let values = item.scale.values();
                answers.insert(item.link_id.to_owned(), values[rng.below(values.len())]);
            }
        }
        let note = NOTES[rng.below(NOTES.len())];
        responses.push(Response {
            id: format!("r{n}-{}", rng.next()),
            instrument: instrument.id.to_owned(),
            version: instrument.version.to_owned(),
            week,
            authored: format!("2026-0{}-1{}T0{}:00:00Z", 1 + rng.below(9), rng.below(10), rng.below(10)),
            language: if rng.below(2) == 0 { Lang::Da } else { Lang::En },
            status: status_of(instrument, &answers),
            answers,
            note: (!note.is_empty()).then(|| note.to_owned()),
        });
    }
    ugeblik::domain::history::History { responses, ..Default::default() }
}

#[test]
fn export_import_export_is_identical_for_a_thousand_random_histories() {
    let mut rng = Rng(0xC0FF_EE00_1234_5678);
    for case in 0..1000 {
        let history = random_history(&mut rng);
        let first = to_json(&export(
            &history,
            &ugeblik::domain::rater::Readings::default(),
            "2026-11-22T12:00:00Z",
            "0.1.0",
            None,
        ));
        let imported = read(&first).unwrap_or_else(|e| panic!("case {case}: {e:?}"));
        let back = ugeblik::domain::history::History { responses: imported.responses, ..Default::default() };
        let second = to_json(&export(
            &back,
            &ugeblik::domain::rater::Readings::default(),
            "2026-11-22T12:00:00Z",
            "0.1.0",
            None,
        ));
        assert_eq!(first, second, "case {case}");
    }
}
