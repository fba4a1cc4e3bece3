//! Every language has every text: the built-in Danish (the `messages!` macro does not
//! compile without it), and each language pack in `static/lang/` (English, Arabic,
//! Ukrainian), read the way the app reads it and checked against the Danish.

use ugeblik::domain::instrument::{self, keyed_texts, CATALOGUE};
use ugeblik::domain::lang::Lang;
use ugeblik::domain::series::line_defs;
use ugeblik::i18n::pack::{self, PackError};
use ugeblik::i18n::{
    date_label, decimal_separator, placeholders, plural_blocks, plural_categories, plural_category, same_placeholders,
    week_dates, week_label, CaseloadMsg, ChartMsg, Msg,
};

fn pack_file(lang: Lang) -> String {
    let path = format!("{}/static/lang/{}.json", env!("CARGO_MANIFEST_DIR"), lang.code());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn install(lang: Lang) {
    assert_eq!(pack::install_with_chart(&pack_file(lang)), Ok(lang));
}

fn packed() -> impl Iterator<Item = Lang> {
    Lang::ALL.into_iter().filter(|l| !l.built_in())
}

/// Every keyed text: the instruments' and the chart's lines for the week's work.
fn data_texts() -> Vec<ugeblik::domain::lang::Text> {
    let mut texts = keyed_texts();
    texts.extend(line_defs().into_iter().map(|d| d.name).filter(|t| !t.key.is_empty()));
    texts.sort_by_key(|t| t.key);
    texts.dedup();
    texts
}

#[test]
fn every_key_is_in_every_language() {
    for lang in packed() {
        let file = pack_file(lang);
        install(lang);
        let mut missing = Vec::new();
        for (i, msg) in Msg::ALL.iter().enumerate() {
            if pack::message(lang, pack::Table::Page, i).is_none() {
                missing.push(format!("messages.{}", msg.key()));
            }
        }
        for (i, msg) in ChartMsg::ALL.iter().enumerate() {
            if pack::message(lang, pack::Table::Chart, i).is_none() {
                missing.push(format!("chart.{}", msg.key()));
            }
        }
        for (i, msg) in CaseloadMsg::ALL.iter().enumerate() {
            if pack::message(lang, pack::Table::Caseload, i).is_none() {
                missing.push(format!("caseload.{}", msg.key()));
            }
        }
        // The instruments' English is their catalogue's (an original, not a translation).
        for text in data_texts().into_iter().filter(|_| !lang.in_catalogue()) {
            if pack::instrument_text(lang, text.key).is_none() {
                missing.push(format!("instruments.{}", text.key));
            }
        }
        assert!(missing.is_empty(), "{lang:?} lacks (or has wrong placeholders in) {missing:#?}");
        // And no key the app does not know: a misspelt key would silently show English.
        let value: serde_json::Value = serde_json::from_str(&file).unwrap();
        let known_data: Vec<&str> =
            if lang.in_catalogue() { Vec::new() } else { data_texts().iter().map(|t| t.key).collect() };
        for (table, known) in [
            ("messages", Msg::ALL.iter().map(|m| m.key()).collect::<Vec<_>>()),
            ("chart", ChartMsg::ALL.iter().map(|m| m.key()).collect()),
            ("caseload", CaseloadMsg::ALL.iter().map(|m| m.key()).collect()),
            ("instruments", known_data),
        ] {
            for key in value[table].as_object().unwrap().keys() {
                assert!(known.contains(&key.as_str()), "{lang:?}: unknown key {table}.{key}");
            }
        }
    }
}

#[test]
fn the_who5_wording_is_never_translated() {
    for instrument in CATALOGUE.iter().filter(|i| i.id == instrument::WHO5_ID) {
        assert!(instrument.translations.is_empty());
        for item in instrument.items {
            assert!(item.text.key.is_empty(), "WHO-5 item {} must keep its official wording", item.link_id);
        }
        assert!(instrument.notice.key.is_empty());
    }
    for lang in packed() {
        let file: serde_json::Value = serde_json::from_str(&pack_file(lang)).unwrap();
        for key in file["instruments"].as_object().unwrap().keys() {
            assert!(!(key.starts_with("who5.") && key.ends_with(".text")), "{lang:?} translates {key}");
        }
    }
}

#[test]
fn plural_blocks_have_their_languages_categories() {
    for lang in Lang::ALL {
        if !lang.built_in() {
            install(lang);
        }
        let all = Msg::ALL.iter().map(|m| (m.key(), m.get(lang), m.danish()));
        let chart = ChartMsg::ALL.iter().map(|m| (m.key(), m.get(lang), m.danish()));
        let caseload = CaseloadMsg::ALL.iter().map(|m| (m.key(), m.get(lang), m.danish()));
        for (key, text, danish) in all.chain(chart).chain(caseload) {
            assert!(
                same_placeholders(text, danish),
                "{lang:?} {key}: {:?} / {:?}",
                placeholders(text),
                placeholders(danish)
            );
            for (name, categories) in plural_blocks(text) {
                let mut sorted = categories.clone();
                sorted.sort_unstable();
                let mut expected = plural_categories(lang).to_vec();
                expected.sort_unstable();
                assert_eq!(sorted, expected, "{lang:?} {key}: the plural block of {name}");
            }
        }
        assert_eq!(Msg::Months.get(lang).split('|').count(), 12, "{lang:?} Months");
    }
}

#[test]
fn plural_categories_follow_cldr() {
    // CLDR's sample numbers for each category.
    type Samples = &'static [(&'static str, &'static [u64])];
    let cases: [(Lang, Samples); 4] = [
        (Lang::Da, &[("one", &[1]), ("other", &[0, 2, 16, 100])]),
        (Lang::En, &[("one", &[1]), ("other", &[0, 2, 16, 100])]),
        (
            Lang::Ar,
            &[
                ("zero", &[0]),
                ("one", &[1]),
                ("two", &[2]),
                ("few", &[3, 10, 103, 110, 1003]),
                ("many", &[11, 26, 99, 111, 1011]),
                ("other", &[100, 102, 200, 1000]),
            ],
        ),
        (
            Lang::Uk,
            &[
                ("one", &[1, 21, 31, 101, 1001]),
                ("few", &[2, 3, 4, 22, 24, 102]),
                ("many", &[0, 5, 11, 12, 14, 19, 20, 25, 100, 111]),
            ],
        ),
    ];
    for (lang, categories) in cases {
        for (category, numbers) in categories {
            for n in *numbers {
                assert_eq!(plural_category(lang, *n), *category, "{lang:?} {n}");
            }
        }
    }
}

#[test]
fn plurals_and_values_fill_in_each_language() {
    for lang in packed() {
        install(lang);
    }
    let weeks = |lang, n: &str| Msg::BackupWeeks.fill(lang, &[("weeks", n)]);
    assert_eq!(weeks(Lang::Da, "3"), "Din sidste kopi af svarene er fra for 3 uger siden.");
    assert_eq!(weeks(Lang::En, "1"), "Your last copy of the answers is from 1 week ago.");
    assert_eq!(weeks(Lang::En, "3"), "Your last copy of the answers is from 3 weeks ago.");
    // Ukrainian: 1 тиждень, 3 тижні, 5 тижнів; Arabic picks its own forms. The number is
    // in every one of them.
    let (uk1, uk3, uk5) = (weeks(Lang::Uk, "1"), weeks(Lang::Uk, "3"), weeks(Lang::Uk, "5"));
    assert!(uk1.contains("тиждень") && uk3.contains("тижні") && uk5.contains("тижнів"), "{uk1} / {uk3} / {uk5}");
    for n in ["3", "11"] {
        assert!(weeks(Lang::Ar, n).contains(n), "{}", weeks(Lang::Ar, n));
    }
    assert_ne!(weeks(Lang::Ar, "3"), weeks(Lang::Ar, "11").replace("11", "3"), "Arabic has a few and a many form");
    // In Arabic every value is isolated, so a Latin name or a number keeps its direction.
    let text = ChartMsg::SendTitle.fill(Lang::Ar, &[("portal", "Jobcenter Aarhus")]);
    assert!(text.contains("\u{2068}Jobcenter Aarhus\u{2069}"), "{text}");
    assert!(!ChartMsg::SendTitle.fill(Lang::Uk, &[("portal", "X")]).contains('\u{2068}'));
}

#[test]
fn dates_and_numbers_follow_the_language() {
    for lang in packed() {
        install(lang);
    }
    let week = "2026-W47".parse().unwrap();
    assert_eq!(week_dates(Lang::Da, week), "16.–22. nov. 2026");
    assert_eq!(week_dates(Lang::En, week), "16–22 Nov 2026");
    assert_eq!(week_dates(Lang::Uk, week), "16–22 лист. 2026 р.");
    assert_eq!(week_dates(Lang::Ar, week), "16–22 تشرين الثاني 2026");
    assert_eq!(week_label(Lang::Da, week), "Uge 47");
    assert!(week_label(Lang::Uk, week).contains("47"));
    let new_year = "2026-W53".parse().unwrap();
    assert_eq!(week_dates(Lang::Uk, new_year), "28 груд. 2026 р. – 3 січ. 2027 р.");
    let date = time::Date::from_calendar_date(2027, time::Month::January, 31).unwrap();
    assert_eq!(date_label(Lang::Da, date), "31. jan. 2027");
    assert!(date_label(Lang::Uk, date).starts_with("31 січ."));
    assert_eq!([Lang::Da, Lang::En, Lang::Ar, Lang::Uk].map(decimal_separator), [',', '.', '.', ',']);
}

#[test]
fn a_hostile_or_broken_pack_is_refused_or_falls_back_to_danish() {
    assert_eq!(pack::install("not json"), Err(PackError::NotJson));
    assert_eq!(pack::install(&"x".repeat(pack::MAX_BYTES + 1)), Err(PackError::TooLarge));
    assert!(matches!(pack::install(r#"{"format":"other"}"#), Err(PackError::NotAPack(_))));
    let future = r#"{"format":"ugeblik-language","version":2,"lang":"ar","messages":{},"chart":{},"instruments":{}}"#;
    assert_eq!(pack::install(future), Err(PackError::TooNew(2)));
    // A built-in language cannot be replaced by a pack.
    let danish = r#"{"format":"ugeblik-language","version":1,"lang":"da","messages":{"AppName":"X"},"chart":{},"instruments":{}}"#;
    assert!(matches!(pack::install(danish), Err(PackError::NotAPack(_))));
    assert_eq!(Msg::AppName.get(Lang::Da), "Ugeblik");
    // A text whose placeholders are wrong is dropped: Danish, the language always there,
    // shows instead of a broken text.
    let broken = r#"{"format":"ugeblik-language","version":1,"lang":"uk","reviewed":false,
        "messages":{"WeekNumber":"Тиждень {wek}","Back":"Назад <img src=x onerror=alert(1)>"},"chart":{},
        "instruments":{"chime5.chime-c.text":"\"><script>alert(2)</script>"}}"#;
    assert_eq!(pack::install(broken), Ok(Lang::Uk));
    assert_eq!(Msg::WeekNumber.get(Lang::Uk), "Uge {week}");
    assert_eq!(Msg::Back.get(Lang::Uk), "Назад <img src=x onerror=alert(1)>");
    // A pack's markup is text: the question says it as it is, and the check-in's views put
    // it in text nodes and attributes, never parsed as markup (hostile.test.mjs shows it).
    let chime = instrument::current("chime5").unwrap();
    let question =
        ugeblik::domain::checkin::Question { instrument: chime, item: &chime.items[0], number: 6, total: 19 };
    let text = ugeblik::page::steps::QuestionText::new(Lang::Uk, &question, None);
    assert_eq!(text.text, "\"><script>alert(2)</script>");
    assert!(text.spoken.starts_with("\"><script>alert(2)</script>"), "{}", text.spoken);
    assert_eq!(Msg::Next.get(Lang::Uk), "Næste");
    assert!(!pack::reviewed(Lang::Uk));
}

#[test]
fn the_app_s_own_instruments_are_marked_unreviewed_in_arabic_and_ukrainian() {
    let chime = instrument::current("chime5").unwrap();
    assert!(chime.unreviewed_in(Lang::Ar) && chime.unreviewed_in(Lang::Uk) && !chime.unreviewed_in(Lang::Da));
    let who5 = instrument::current("who5").unwrap();
    // The WHO-5 has no Arabic version: it is shown in the official version chosen.
    assert_eq!(who5.shown_in(Lang::Ar, Some(Lang::Da)), Lang::Da);
    assert_eq!(who5.shown_in(Lang::Uk, None), Lang::En);
    assert_eq!(who5.shown_in(Lang::Da, Some(Lang::En)), Lang::Da);
    assert_eq!(chime.shown_in(Lang::Ar, Some(Lang::Da)), Lang::Ar);
    let easy = instrument::current_in("chime5", true).unwrap();
    assert!(easy.is_easy() && easy.version == "1-easy");
    assert_eq!(instrument::current_in("who5", true).unwrap().version, "1", "the WHO-5 has no easy version");
    let linked: Vec<_> = easy.items.iter().map(|i| i.link_id).collect();
    assert_eq!(linked, chime.items.iter().map(|i| i.link_id).collect::<Vec<_>>());
}

#[test]
fn a_pack_with_plural_blocks_nested_thousands_deep_is_read_and_shows_danish_there() {
    // 4,000 plural blocks, each inside the one before: reading it once overflowed the stack.
    let deep = format!("{}#{}", "{weeks, plural, other {".repeat(4000), "}}".repeat(4000));
    let pack = serde_json::json!({
        "format": "ugeblik-language", "version": 1, "lang": "ar", "reviewed": false,
        "messages": { "BackupWeeks": deep, "Next": "التالي" },
        "chart": { "PreviewSummary": deep },
        "instruments": {},
    });
    assert_eq!(pack::install_with_chart(&pack.to_string()), Ok(Lang::Ar));
    assert_eq!(Msg::BackupWeeks.get(Lang::Ar), Msg::BackupWeeks.danish(), "the Danish is shown instead");
    assert_eq!(ChartMsg::PreviewSummary.get(Lang::Ar), ChartMsg::PreviewSummary.danish());
    assert!(Msg::BackupWeeks.fill(Lang::Ar, &[("weeks", "3")]).ends_with("\u{2069} uger siden."));
    assert_eq!(Msg::Next.get(Lang::Ar), "التالي", "the pack's other texts are kept");
    // A message nested as deep as a real one may be (a plural inside a plural) is kept.
    assert!(pack::shallow("{a, plural, one {{b, plural, one {#} other {#}}} other {#}}"));
    assert!(!pack::shallow(&"{".repeat(pack::MAX_NESTING + 1)));
}

#[test]
fn english_is_a_pack_and_its_questionnaires_are_in_the_catalogue() {
    // Only Danish is compiled in: before its pack is loaded, English is not ready and its
    // texts are the Danish.
    assert!(Lang::Da.built_in() && !Lang::En.built_in());
    assert!(!pack::ready(Lang::En));
    assert_eq!(Msg::StartCheckIn.get(Lang::En), "Start ugens spørgsmål");
    install(Lang::En);
    assert!(pack::ready(Lang::En) && pack::reviewed(Lang::En), "English is an original, not a translation");
    assert_eq!(Msg::StartCheckIn.get(Lang::En), "Start this week's questions");
    assert_eq!(ChartMsg::ShowAverage.get(Lang::En), "Show 4-week average");
    // The questionnaires' English (the WHO-5's official version among them) is the
    // catalogue's, whether or not the pack is loaded; the pack holds none of it.
    let who5 = instrument::current("who5").unwrap();
    assert_eq!(who5.items[0].text.get(Lang::En), who5.items[0].text.en);
    assert!(who5.items[0].text.en.contains("cheerful"), "{}", who5.items[0].text.en);
    let file: serde_json::Value = serde_json::from_str(&pack_file(Lang::En)).unwrap();
    assert_eq!(file["instruments"], serde_json::json!({}));
}

#[test]
fn the_drawn_screens_texts_are_read_when_the_page_first_draws_them() {
    // The page installs a pack without the drawn screens' texts (the first load never reads
    // them); the part of its code that draws those screens reads them from the same pack.
    // Each test runs on a thread of its own, with packs of its own.
    let file = pack_file(Lang::Uk);
    let value: serde_json::Value = serde_json::from_str(&file).unwrap();
    let title = value["chart"]["ChartPercent"].as_str().unwrap();
    assert_ne!(title, ChartMsg::ChartPercent.danish());
    assert_eq!(pack::install(&file), Ok(Lang::Uk));
    assert_eq!(ChartMsg::ChartPercent.get(Lang::Uk), ChartMsg::ChartPercent.danish());
    pack::install_chart(Lang::Uk);
    assert_eq!(ChartMsg::ChartPercent.get(Lang::Uk), title);
    assert_eq!(Msg::AppName.get(Lang::Uk), value["messages"]["AppName"].as_str().unwrap());
    // Every text of the table, as the chart worker reads it.
    for msg in ChartMsg::ALL {
        let want = value["chart"][msg.key()].as_str().unwrap();
        assert_eq!(msg.get(Lang::Uk), want, "{}", msg.key());
    }
    // Read once: again changes nothing, and a language with no pack loaded reads nothing.
    pack::install_chart(Lang::Uk);
    assert_eq!(ChartMsg::ChartPercent.get(Lang::Uk), title);
    pack::install_chart(Lang::Ar);
    assert_eq!(ChartMsg::ChartPercent.get(Lang::Ar), ChartMsg::ChartPercent.danish());
}
