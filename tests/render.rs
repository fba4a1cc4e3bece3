//! The progress and history screens as the chart worker draws them, read as HTML.

use ugeblik::domain::history::History;
use ugeblik::domain::lang::Lang;
use ugeblik::domain::series::ChartChoices;
use ugeblik::domain::series::Period;
use ugeblik::domain::week::IsoWeek;
use ugeblik::session::protocol::Choices;
use ugeblik::session::protocol::FromWorker;
use ugeblik::session::render::{open_for_viewer, render, Request, View};

mod common;
use common::{request, response, week};

/// WHO-5 at 40 % in week 44, none in 45, 56 % in 46 and 60 % in 47; CHIME in 44 and 47.
fn history() -> History {
    let who5 = |w, v: u8, note| response(w, "who5", &[("1", v), ("2", v), ("3", v), ("4", v), ("5", 2)], note);
    History {
        responses: vec![
            who5("2026-W44", 2, Some("<img src=x onerror=alert(1)> & more")),
            who5("2026-W46", 3, None),
            who5("2026-W47", 3, None),
            response("2026-W44", "chime5", &[("chime-c", 3), ("chime-h", 4)], None),
            response("2026-W47", "chime5", &[("chime-c", 6), ("chime-h", 7), ("chime-i", 5)], None),
        ],
        ..Default::default()
    }
}

/// The text of the table with id `ugb-numbers`, row by row, cells joined by `|`.
fn table_rows(html: &str) -> Vec<String> {
    let table = &html[html.find("id=\"ugb-numbers\"").unwrap()..];
    let body = &table[table.find("<tbody>").unwrap()..table.find("</tbody>").unwrap()];
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            let marked =
                row.replace("<span", "|<span").replace("</span>", "|").replace("</th>", "|").replace("</td>", "|");
            let mut text = String::new();
            let mut in_tag = false;
            for c in marked.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text.split('|').map(str::trim).filter(|c| !c.is_empty()).collect::<Vec<_>>().join("|")
        })
        .collect()
}

#[test]
fn the_numbers_table_equals_the_data_and_leaves_missed_weeks_out() {
    let rendered = render(&history(), &request());
    let rows = table_rows(&rendered.html);
    assert_eq!(rows.len(), 3, "{rows:?}");
    // Week, dates, WHO-5, then the five CHIME items.
    assert!(rows[0].starts_with("Week 44, 2026|26 Oct – 1 Nov 2026|40|3|4|–|–|–"), "{}", rows[0]);
    assert!(rows[1].starts_with("Week 46, 2026|9–15 Nov 2026|56|–|–|–|–|–"), "{}", rows[1]);
    assert!(rows[2].starts_with("Week 47, 2026|16–22 Nov 2026|56|6|7|5|–|–"), "{}", rows[2]);
}

#[test]
fn the_table_is_drawn_only_when_asked_for() {
    let html = render(
        &history(),
        &Request {
            choices: Choices { chart: ChartChoices { table: false, ..request().choices.chart }, ..request().choices },
            ..request()
        },
    )
    .html;
    assert!(!html.contains("id=\"ugb-numbers\""));
}

#[test]
fn notes_stay_hidden_until_shown_and_then_appear_as_text() {
    let hidden = render(&history(), &request()).html;
    assert!(!hidden.contains("onerror"), "no note without the citizen's choice");
    let shown = render(
        &history(),
        &Request {
            choices: Choices { chart: ChartChoices { notes: true, ..request().choices.chart }, ..request().choices },
            ..request()
        },
    )
    .html;
    assert!(shown.contains("&lt;img src=x onerror=alert(1)&gt; &amp; more"));
    assert!(!shown.contains("<img"));
}

#[test]
fn one_chart_per_unit_with_a_summary_and_the_data_for_its_cursor() {
    let rendered = render(&history(), &request());
    assert_eq!(rendered.cursors.len(), 2, "WHO-5 and the 0–10 ratings");
    assert!(rendered.cursors.iter().all(|c| c.weeks == 4));
    // What the page makes of the plot's data for the missed week.
    assert_eq!(
        ugeblik::i18n::readout(Lang::En, week("2026-W45"), &[("WHO-5 Well-Being Index", None)]),
        "Week 45, 2026 (2–8 Nov 2026): WHO-5 Well-Being Index no reading"
    );
    assert!(rendered.html.contains("WHO-5 Well-Being Index rose from 40 to 56 over 3 weeks."), "{}", rendered.html);
    assert!(rendered.html.contains("aria-describedby=\"ugb-chart-who5-summary\""));
    assert!(rendered.html.contains("data-first-week=\"2026-W44\" data-lines=\"WHO-5 Well-Being Index;40,,56,56\""));
    let danish =
        render(&history(), &Request { choices: Choices { lang: Lang::Da, ..request().choices }, ..request() }).html;
    assert!(danish.contains("steg fra 40 til 56 over 3 uger"), "the summary is translated");
}

#[test]
fn the_radar_overlays_first_chosen_and_latest() {
    let mut history = history();
    history.responses.push(response("2026-W45", "chime5", &[("chime-c", 5)], None));
    let drawn = |compare| {
        let chart = ChartChoices { compare, ..request().choices.chart };
        render(&history, &Request { choices: Choices { chart, ..request().choices }, ..request() }).html
    };
    let chosen = drawn(Some(week("2026-W45")));
    assert!(chosen.contains("profile for Week 44, 2026, Week 45, 2026 and Week 47, 2026"), "{chosen}");
    assert!(drawn(None).contains("Week 45, 2026 and Week 47, 2026"), "by default the week nearest 4 weeks back");
    let not_offered = drawn(Some(week("2026-W46")));
    assert!(not_offered.contains("Week 45, 2026 and Week 47, 2026"), "a week with no reading is not compared with");
    assert!(!chosen.contains("<select"), "the choices are the toolbar's components, not drawn");
}

#[test]
fn the_viewer_opens_a_file_as_a_history_and_says_why_it_cannot_in_the_language_asked_for() {
    request(); // installs the English pack, as the page sends it to the worker first
    let file = include_str!("fixtures/export-v2.json");
    let FromWorker::Opened { nickname, responses, history } = open_for_viewer(file, Lang::En) else {
        panic!("the fixture opens")
    };
    let history = ugeblik::formats::stored::decode_history(&history).expect("read as stored data is");
    let imported = ugeblik::formats::import::read(file).unwrap();
    assert_eq!(nickname, imported.nickname);
    assert_eq!(responses as usize, imported.responses.len());
    assert_eq!((history.responses, history.goals, history.work), (imported.responses, imported.goals, imported.work));
    let other = r#"{"format": "other"}"#;
    assert_eq!(
        open_for_viewer(other, Lang::Da),
        FromWorker::Refused("Filen er fra et andet program (other) og kan ikke hentes her.".into())
    );
    let FromWorker::Refused(english) = open_for_viewer(other, Lang::En) else { panic!("refused") };
    assert!(english.starts_with("The file is from another program"), "{english}");
    assert!(matches!(open_for_viewer("", Lang::En), FromWorker::Refused(_)));
}

#[test]
fn an_empty_history_says_so_and_the_demo_draws_made_up_weeks() {
    let empty = render(&History::default(), &request()).html;
    assert!(empty.contains("There are no answers yet."));
    let demo = render(
        &History::default(),
        &Request {
            choices: Choices {
                demo: true,
                chart: ChartChoices { period: Period::All, ..request().choices.chart },
                ..request().choices
            },
            ..request()
        },
    );
    assert_eq!(demo.cursors[0].weeks, ugeblik::session::render::DEMO_WEEKS);
}

#[test]
fn the_export_view_gives_the_canonical_file() {
    let request = Request {
        view: View::Export,
        exported: Some("2026-11-22T12:00:00Z".into()),
        nickname: Some("Case 7".into()),
        ..request()
    };
    let text = render(&history(), &request).html;
    let file: ugeblik::formats::export::Export = serde_json::from_str(&text).unwrap();
    assert_eq!(
        (file.responses.len(), file.nickname.as_deref(), file.exported.as_str()),
        (5, Some("Case 7"), "2026-11-22T12:00:00Z")
    );
    assert_eq!(file.app_version, ugeblik::session::render::APP_VERSION);
}

#[test]
fn what_is_sent_to_a_portal_is_the_canonical_file_a_download_gives() {
    // (The button, and the confirmation before anything is sent: tests/e2e/embed.test.mjs.)
    let history = history();
    // What is sent is the canonical export, exactly the file a download gives.
    let export = |format: &str| {
        let request = Request {
            view: View::Export,
            exported: Some("2026-11-20T10:00:00Z".into()),
            format: Some(format.into()),
            ..request()
        };
        render(&history, &request)
    };
    let (sent, file) = (export("portal"), export("json"));
    assert_eq!(sent.html, file.html);
    assert_eq!(sent.file, None, "text for the page to post, not a file");
    assert!(file.file.is_some());
}

#[test]
fn the_reminders_form_makes_a_calendar_file() {
    // (The form, with every day and today's first: tests/e2e/reminder.test.mjs.)
    let file = |form: &[&str]| {
        let request = Request {
            view: View::Export,
            format: Some("ics".into()),
            exported: Some("2026-11-23T19:30:00Z".into()),
            form: form.iter().map(|s| s.to_string()).collect(),
            ..request()
        };
        render(&history(), &request)
    };
    let made = file(&["day", "FR", "time", "08:15", "today", "2026-11-23", "uid", "u1", "link", "https://x.example/"]);
    assert_eq!(made.file.as_deref(), Some("ugeblik-paamindelse.ics"));
    assert!(made.html.contains("DTSTART:20261127T081500\r\n") && made.html.contains("RRULE:FREQ=WEEKLY;BYDAY=FR\r\n"));
    assert!(made.html.contains("SUMMARY:Ugeblik: this week's questions\r\n"));
    // A form the screen did not draw makes no file (the page says the export failed).
    let bad = file(&["day", "XX", "time", "08:15", "today", "2026-11-23"]);
    assert_eq!((bad.html.as_str(), bad.file), ("", None));
}

#[test]
fn a_text_with_the_parts_separator_stays_in_its_part() {
    use ugeblik::domain::progression::{Goal, Milestone, MilestoneKind};
    use ugeblik::formats::html::PART;
    // The page splits a drawn screen at PART and puts each part in place on its own: a
    // note, a goal's words or an id from a file carrying it would cut the screen's markup.
    let hostile = format!("før{PART}\"><b>efter</b>");
    let mut plain = history();
    plain.goals = vec![Goal {
        id: "g1".into(),
        what: "Mål".into(),
        measure: String::new(),
        by: None,
        set: week("2026-W44"),
        authored: "2026-11-20T10:00:00Z".into(),
        closed: None,
        replaces: None,
        checks: Vec::new(),
    }];
    plain.milestones = vec![Milestone {
        id: "m1".into(),
        date: "2026-11-02".into(),
        kind: MilestoneKind::Other,
        text: Some("ord".into()),
        authored: "2026-11-20T10:00:00Z".into(),
    }];
    let mut marked = plain.clone();
    marked.responses[0].note = Some(hostile.clone());
    marked.goals[0].id = hostile.clone();
    marked.goals[0].what = hostile.clone();
    marked.milestones[0].id = hostile.clone();
    marked.milestones[0].text = Some(hostile.clone());
    let request = Request {
        choices: Choices { chart: ChartChoices { notes: true, ..request().choices.chart }, ..request().choices },
        ..request()
    };
    let (a, b) = (render(&plain, &request).html, render(&marked, &request).html);
    assert_eq!(b.matches(PART).count(), a.matches(PART).count());
    assert!(b.contains("før&#1;&quot;&gt;&lt;b&gt;efter&lt;/b&gt;"));
    assert!(!b.contains("<b>"));
}

#[test]
fn no_period_draws_more_than_ten_years_of_weeks_whatever_the_history_or_request_holds() {
    use ugeblik::domain::series::MAX_WEEKS;
    // Weeks from year 1 to year 9998, as a file once brought in.
    let weeks = ["0001-W01", "2026-W47", "9998-W52"];
    let history = History {
        responses: weeks
            .iter()
            .map(|w| response(w, "who5", &[("1", 3), ("2", 3), ("3", 3), ("4", 3), ("5", 3)], None))
            .collect(),
        ..Default::default()
    };
    let now = week("2026-W47");
    let (_, last) = IsoWeek::range();
    assert_eq!(last, week("2099-W53"));
    for period in [Period::All, Period::Weeks(u16::MAX), Period::Custom(week("0001-W01"), week("9998-W52"))] {
        let drawn = period.weeks(&history, now);
        assert_eq!(drawn.len(), MAX_WEEKS, "{period:?}");
        assert_eq!(drawn[drawn.len() - 1], last, "{period:?}: the latest weeks the app shows");
    }
    let custom = Period::Custom(week("2026-W01"), week("2026-W10"));
    assert_eq!(custom.weeks(&history, now).len(), 10, "a short period is drawn whole");
    let early = Period::Custom(week("0001-W01"), week("0001-W10")).weeks(&history, now);
    assert_eq!(early, [week("2000-W01")], "a period before the years the app shows draws their first week");
    assert!("9999-W52".parse::<IsoWeek>().is_err(), "its Sunday is in no year a date reaches");
    let html = render(
        &history,
        &Request {
            choices: Choices {
                chart: ChartChoices {
                    period: Period::Custom(week("0001-W01"), week("9998-W52")),
                    ..request().choices.chart
                },
                ..request().choices
            },
            ..request()
        },
    )
    .html;
    let options = html.matches("<option").count();
    assert!(options <= 2 * (MAX_WEEKS + 1) + 60, "{options} options");
    assert!(html.len() < 2_000_000, "{} bytes", html.len());
}
