//! Helpers several host test files share: a deterministic random source and the choices
//! the progress screen is drawn for. Each test file uses some of them.
#![allow(dead_code)]

use std::collections::BTreeMap;

use ugeblik::domain::instrument::{current, find};
use ugeblik::domain::lang::Lang;
use ugeblik::domain::response::{status_of, Response};
use ugeblik::domain::series::{ChartChoices, Period};
use ugeblik::domain::week::IsoWeek;
use ugeblik::session::protocol::Choices;

/// xorshift64*: deterministic, so a failure can be replayed from its case number.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// A text with quotes, backslashes, control characters, non-Latin and astral letters.
    pub fn text(&mut self) -> String {
        const PIECES: [&str; 14] =
            ["a", "Æ", "ø", " ", "\"", "\\", "\n", "\t", "\u{1}", "\u{1f}", "\u{7f}", "😀", "مرحبا", "</script>"];
        (0..self.below(12)).map(|_| PIECES[self.below(PIECES.len())]).collect()
    }
}

pub fn week(text: &str) -> IsoWeek {
    text.parse().unwrap()
}

/// The progress screen's choices in English, the last four weeks to 2026-W47, the default
/// lines, the table shown, 600 px wide. The English pack is loaded first, as the page
/// loads it before it draws in English.
pub fn choices() -> Choices {
    english();
    Choices {
        demo: false,
        lang: Lang::En,
        chart: ChartChoices { table: true, ..ChartChoices::new(Period::Weeks(4)) },
        width: 600,
        now: week("2026-W47"),
    }
}

/// Loads the English language pack the way the app does (English, like Arabic and
/// Ukrainian, is a pack: only Danish is compiled in). A test that reads English texts calls
/// this first; packs are per thread, and each test runs on its own.
pub fn english() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/static/lang/en.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(ugeblik::i18n::pack::install_with_chart(&text), Ok(Lang::En));
}

/// A response to the current version of `instrument` in the week `week_text`, with these
/// answers and note.
pub fn response(week_text: &str, instrument: &str, answers: &[(&str, u8)], note: Option<&str>) -> Response {
    let answers: BTreeMap<String, u8> = answers.iter().map(|(k, v)| (k.to_string(), *v)).collect();
    let version = current(instrument).unwrap().version.to_owned();
    Response {
        id: format!("{instrument}-{week_text}"),
        status: status_of(find(instrument, &version).unwrap(), &answers),
        instrument: instrument.to_owned(),
        version,
        week: week(week_text),
        authored: "2026-11-20T10:00:00Z".into(),
        language: Lang::Da,
        answers,
        note: note.map(str::to_owned),
    }
}

/// A complete reading of the citizen by `role` (named `name`, if any) in the week
/// `week_text`, every item answered `value` (at most the item's scale allows).
pub fn reading(
    id: &str,
    week_text: &str,
    role: ugeblik::domain::rater::Role,
    name: Option<&str>,
    value: u8,
) -> ugeblik::domain::rater::Reading {
    use ugeblik::domain::rater::{Rater, Reading};
    let instrument = role.instrument().unwrap();
    let answers =
        instrument.items.iter().map(|item| (item.link_id.to_owned(), value.min(item.scale.bounds().1))).collect();
    Reading {
        rater: Rater { role, name: name.map(str::to_owned) },
        response: Response {
            id: id.into(),
            instrument: instrument.id.into(),
            version: instrument.version.into(),
            week: week(week_text),
            authored: "2026-11-21T13:00:00Z".into(),
            language: Lang::Da,
            status: ugeblik::domain::response::Status::Complete,
            answers,
            note: None,
        },
        hidden: false,
    }
}

/// A response of another's `instrument` (version 1) in the week `week_text`, complete, with
/// these answers.
pub fn rated(id: &str, instrument: &str, week_text: &str, answers: &[(&str, u8)]) -> Response {
    Response {
        id: id.to_owned(),
        instrument: instrument.to_owned(),
        version: "1".into(),
        week: week(week_text),
        authored: "2026-11-20T10:00:00Z".into(),
        language: Lang::Da,
        status: ugeblik::domain::response::Status::Complete,
        answers: answers.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        note: None,
    }
}
