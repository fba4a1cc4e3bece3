//! Language packs: the texts of every language but Danish (English, Arabic, Ukrainian, and
//! any added later), each in a JSON file of its own (`static/lang/<code>.json`), fetched
//! when the language is chosen (or opened with). Only Danish is in the first load.
//!
//! ```json
//! { "format": "ugeblik-language", "version": 1, "lang": "ar", "reviewed": false,
//!   "messages": { "AppName": "…" }, "chart": { "PeriodGroup": "…" },
//!   "instruments": { "chime5.chime-c.text": "…" } }
//! ```
//!
//! Keys are the names of [`Msg`] and [`ChartMsg`], and the keys of the instruments' texts
//! ([`crate::domain::lang::Text::keyed`]). A pack is read as hostile input: a text whose
//! placeholders differ from the Danish one's is dropped, and the Danish is shown in its
//! place (Danish is the one language always there); unknown keys are ignored. A host test
//! proves that the shipped packs have every key (`tests/languages.rs`).
//!
//! English is a pack like the others for the app's own texts. The instruments' English
//! (the WHO-5's official English version, and the English originals of the app's own
//! questionnaires) stays in the catalogue (`domain/instrument.rs`): it is the instrument's
//! wording, versioned with it, shown in any language that has no version of its own, and
//! named in exports. So `en.json` has no instrument texts.

use std::cell::{OnceCell, RefCell};

use super::{same_placeholders, CaseloadMsg, ChartMsg, Msg};
use crate::domain::lang::{Lang, Text};
use crate::formats::json::{self, Value};

/// The format's name and the newest version this app reads.
pub const FORMAT: &str = "ugeblik-language";
pub const VERSION: u64 = 1;
/// Larger than any pack could be: refused unread.
pub const MAX_BYTES: usize = 512 * 1024;
/// How deep a text's braces may nest: a plural block inside a plural block is 4 deep; no
/// message needs more than that, and a deeper text is dropped (the Danish is shown).
pub const MAX_NESTING: usize = 8;

/// Which messages a text belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    Page,
    Chart,
    Caseload,
}

/// Why a pack was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackError {
    TooLarge,
    NotJson,
    /// Not a language pack, or for a language the app does not have packs for.
    NotAPack(String),
    /// A newer format than this app reads.
    TooNew(u64),
}

/// A language's texts, indexed like [`Msg::ALL`] and [`ChartMsg::ALL`].
struct Pack {
    lang: Lang,
    reviewed: bool,
    page: Vec<Option<&'static str>>,
    /// Read when the drawn screens first need them ([`install_chart`]), or with the pack
    /// ([`install_with_chart`]): the first load never reads them.
    chart: OnceCell<Vec<Option<&'static str>>>,
    /// The consultant's caseload's texts: read when it first opens ([`install_caseload`]),
    /// so neither the first load nor the citizen's session screens read them.
    caseload: OnceCell<Vec<Option<&'static str>>>,
    instruments: Vec<(&'static str, &'static str)>,
    /// The file as fetched, for the chart worker.
    source: &'static str,
}

thread_local! {
    // Leaked once per language and session: the texts are `&'static` like the built-in ones.
    static PACKS: RefCell<Vec<&'static Pack>> = const { RefCell::new(Vec::new()) };
}

fn find(lang: Lang) -> Option<&'static Pack> {
    PACKS.with(|packs| packs.borrow().iter().find(|p| p.lang == lang).copied())
}

/// The message at `index` of `table` in `lang`'s pack; `None` when the pack is not loaded
/// or lacks it.
pub fn message(lang: Lang, table: Table, index: usize) -> Option<&'static str> {
    let pack = find(lang)?;
    let texts = match table {
        Table::Page => &pack.page,
        Table::Chart => pack.chart.get()?,
        Table::Caseload => pack.caseload.get()?,
    };
    texts.get(index).copied().flatten()
}

impl Text {
    /// The text in `lang`: Danish and English are built in; another language's is in its
    /// pack under the text's key, or English when it has none (or its pack is not loaded).
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Da => self.da,
            Lang::En => self.en,
            _ => instrument_text(lang, self.key).unwrap_or(self.en),
        }
    }
}

/// An instrument's text by its key in `lang`'s pack.
pub fn instrument_text(lang: Lang, key: &str) -> Option<&'static str> {
    if key.is_empty() {
        return None;
    }
    find(lang)?.instruments.iter().find(|(k, _)| *k == key).map(|(_, text)| *text)
}

/// Whether `lang` can be shown now: built in, or its pack is loaded.
pub fn ready(lang: Lang) -> bool {
    lang.built_in() || find(lang).is_some()
}

/// Whether `lang`'s translation has been reviewed (Danish, built in, is the original).
pub fn reviewed(lang: Lang) -> bool {
    lang.built_in() || find(lang).is_some_and(|p| p.reviewed)
}

/// The pack file of `lang` as it was loaded, for handing to the chart worker.
pub fn source(lang: Lang) -> Option<&'static str> {
    find(lang).map(|p| p.source)
}

/// Where a pack is fetched from, relative to the page.
pub fn url(lang: Lang) -> String {
    format!("lang/{}.json", lang.code())
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// Reads a pack file and makes its language available to the page; the language it is
/// for. The drawn screens' texts are left out: reading them here would put all of them in
/// the first load ([`install_chart`] reads them when a drawn screen opens).
pub fn install(text: &str) -> Result<Lang, PackError> {
    install_with(text, |_, _| {})
}

/// [`install`] with the drawn screens' texts too (in the chart worker).
pub fn install_with_chart(text: &str) -> Result<Lang, PackError> {
    let lang = install_with(text, |pack, fields| {
        let _ = pack.chart.set(chart_texts(fields));
    })?;
    install_caseload(lang);
    Ok(lang)
}

/// Reads the caseload's texts of `lang`'s pack, unless they are read already: the
/// caseload's part calls this when it draws.
pub fn install_caseload(lang: Lang) {
    let Some(pack) = find(lang) else { return };
    if pack.caseload.get().is_some() {
        return;
    }
    let texts = section(pack.source, "caseload").map_or_else(Vec::new, |fields| {
        let mut texts = vec![None; CaseloadMsg::ALL.len()];
        for (key, value) in fields {
            if let (Some(i), Value::Str(text)) = (CaseloadMsg::ALL.iter().position(|m| m.key() == key), value) {
                texts[i] = checked(text, CaseloadMsg::ALL[i].danish());
            }
        }
        texts
    });
    let _ = pack.caseload.set(texts);
}

/// The table `name` of a pack's text (read whole when it was installed).
fn section(source: &str, name: &str) -> Option<Vec<(String, Value)>> {
    let table = match json::parse(source) {
        Some(Value::Obj(members)) => members.into_iter().find(|(key, _)| key == name).map(|(_, table)| table),
        _ => None,
    };
    table.and_then(|table| table.map(name).ok())
}

/// Reads the drawn screens' texts of `lang`'s pack, loaded by [`install`] without them,
/// unless they are read already: the page draws those screens in the part of its code
/// fetched when the first of them opens (`session::screen::drawn_screen`), which calls this.
pub fn install_chart(lang: Lang) {
    let Some(pack) = find(lang) else { return };
    if pack.chart.get().is_some() {
        return;
    }
    // The pack was read whole when it was installed: only its `chart` table is needed.
    // (Its own code, not `section`'s: sharing that with the caseload's part cost the
    // progress screen's opening 0.1 KB.)
    let fields = match json::parse(pack.source) {
        Some(Value::Obj(members)) => members.into_iter().find(|(key, _)| key == "chart").map(|(_, table)| table),
        _ => None,
    };
    let _ = pack.chart.set(fields.and_then(|table| table.map("chart").ok()).map_or_else(Vec::new, chart_texts));
}

/// The drawn screens' texts, indexed like [`ChartMsg::ALL`], from a pack's `chart` table.
fn chart_texts(fields: Vec<(String, Value)>) -> Vec<Option<&'static str>> {
    let mut chart = vec![None; ChartMsg::ALL.len()];
    for (key, value) in fields {
        if let (Some(i), Value::Str(text)) = (ChartMsg::ALL.iter().position(|m| m.key() == key), value) {
            chart[i] = checked(text, ChartMsg::ALL[i].danish());
        }
    }
    chart
}

fn install_with(text: &str, chart: impl FnOnce(&mut Pack, Vec<(String, Value)>)) -> Result<Lang, PackError> {
    if text.len() > MAX_BYTES {
        return Err(PackError::TooLarge);
    }
    let value = json::parse(text).ok_or(PackError::NotJson)?;
    let (mut pack, chart_fields) = read(value).map_err(PackError::NotAPack)??;
    chart(&mut pack, chart_fields);
    let lang = pack.lang;
    if find(lang).is_some() {
        // Already loaded (switched to before): the first stays.
        return Ok(lang);
    }
    pack.source = leak(text.to_owned());
    let pack: &'static Pack = Box::leak(Box::new(pack));
    PACKS.with(|packs| packs.borrow_mut().push(pack));
    Ok(lang)
}

/// A text of the pack, if its placeholders are the Danish one's. A text nested deeper
/// than any message is (plural blocks inside plural blocks, thousands deep) is dropped
/// before anything reads its blocks, so the Danish is shown and no stack overflows.
fn checked(text: String, danish: &str) -> Option<&'static str> {
    (shallow(&text) && same_placeholders(&text, danish) && !text.trim().is_empty()).then(|| leak(text))
}

/// Whether `text`'s braces nest at most [`MAX_NESTING`] deep (counted without recursion).
pub fn shallow(text: &str) -> bool {
    let mut depth = 0usize;
    for byte in text.bytes() {
        match byte {
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            _ => continue,
        }
        if depth > MAX_NESTING {
            return false;
        }
    }
    true
}

/// A pack read, and the chart worker's texts still unread.
type Read = (Pack, Vec<(String, Value)>);

fn read(value: Value) -> Result<Result<Read, PackError>, String> {
    let mut pack = Pack {
        lang: Lang::Da,
        reviewed: false,
        page: Vec::new(),
        chart: OnceCell::new(),
        caseload: OnceCell::new(),
        instruments: Vec::new(),
        source: "",
    };
    let (mut format, mut version, mut lang) = (String::new(), 0, String::new());
    let mut tables = (Vec::new(), Vec::new(), Vec::new());
    // The caseload's texts are read when it opens ([`install_caseload`]); optional, as a
    // pack made before it had none.
    const KEYS: &[&str] = &["format", "version", "lang", "reviewed", "messages", "chart", "instruments", "caseload"];
    value.fields("language pack", KEYS, 0b111_0111, |index, value| {
        match index {
            0 => format = value.string("format")?,
            1 => version = value.whole("version", u64::MAX)?,
            2 => lang = value.string("lang")?,
            3 => pack.reviewed = value.boolean("reviewed")?,
            4 => tables.0 = value.map("messages")?,
            5 => tables.1 = value.map("chart")?,
            6 => tables.2 = value.map("instruments")?,
            _ => {}
        }
        Ok(())
    })?;
    if format != FORMAT {
        return Err(format!("format {format:?}"));
    }
    if version > VERSION {
        return Ok(Err(PackError::TooNew(version)));
    }
    pack.lang = Lang::parse(&lang).filter(|l| !l.built_in() && l.code() == lang).ok_or(format!("lang {lang:?}"))?;
    pack.page = vec![None; Msg::ALL.len()];
    for (key, value) in tables.0 {
        if let (Some(i), Value::Str(text)) = (Msg::ALL.iter().position(|m| m.key() == key), value) {
            pack.page[i] = checked(text, Msg::ALL[i].danish());
        }
    }
    for (key, value) in tables.2 {
        if let Value::Str(text) = value {
            if !text.trim().is_empty() {
                pack.instruments.push((leak(key), leak(text)));
            }
        }
    }
    Ok(Ok((pack, tables.1)))
}

/// The English pack as shipped, loaded as the browser loads it, for unit tests that check
/// English texts (integration tests read the file themselves).
#[cfg(test)]
pub(crate) fn install_english() {
    let english = include_str!("../../static/lang/en.json");
    assert_eq!(install_with_chart(english), Ok(Lang::En));
}
