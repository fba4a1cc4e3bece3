//! The CSV export for providers who work in Excel: long format, one row per answer.
//!
//! - UTF-8 with a byte-order mark, so Excel shows æøå; lines end with CRLF.
//! - Separated by semicolons, as Danish Excel expects (the comma is its decimal sign).
//! - Values are whole numbers; there are no decimals. Weeks are ISO (`2026-W47`), dates
//!   ISO 8601 (`2026-11-16`), times RFC 3339 in UTC.
//! - Fields with `;`, `"` or line breaks are quoted, quotes doubled (RFC 4180).
//! - A text that starts with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`,
//!   so a spreadsheet never runs it as a formula.
//! - The note is on the first row of its response only; a response with a note and no
//!   answers has one row with an empty item.

use super::export::Export;
use super::instrument;

/// The columns, in order.
pub const HEADER: [&str; 14] = [
    "response_id",
    "week",
    "week_monday",
    "authored",
    "instrument",
    "instrument_version",
    "validated",
    "status",
    "language",
    "item",
    "item_label",
    "value",
    "who5_percent",
    "note",
];

/// One field, quoted and defused as needed.
pub fn field(text: &str) -> String {
    let defused = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    };
    if defused.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// The CSV file for an export.
pub fn to_csv(export: &Export) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&HEADER.join(";"));
    out.push_str("\r\n");
    for response in &export.responses {
        let known = instrument::find(&response.instrument, &response.version).ok();
        let validated = known.is_some_and(|i| i.validated);
        let percent = response.scores.map(|s| s.who5_percent.to_string()).unwrap_or_default();
        let monday = response.week.monday();
        let monday = format!("{:04}-{:02}-{:02}", monday.year(), u8::from(monday.month()), monday.day());
        // In the instrument's order, not the alphabetical order of the stored answers.
        let mut answers: Vec<(&str, Option<u8>)> =
            response.answers.iter().map(|(k, v)| (k.as_str(), Some(*v))).collect();
        answers.sort_by_key(|(link, _)| known.and_then(|i| i.items.iter().position(|item| item.link_id == *link)));
        // A response with only a note still gets its row, so the note is not lost.
        if answers.is_empty() {
            answers.push(("", None));
        }
        for (n, (link_id, value)) in answers.into_iter().enumerate() {
            let label = known.and_then(|i| i.item(link_id)).map_or("", |item| item.short.en);
            let note = if n == 0 { response.note.as_deref().unwrap_or("") } else { "" };
            let row = [
                field(&response.id),
                response.week.to_string(),
                monday.clone(),
                field(&response.authored),
                field(&response.instrument),
                field(&response.version),
                validated.to_string(),
                format!("{:?}", response.status).to_lowercase(),
                response.language.code().to_owned(),
                field(link_id),
                field(label),
                value.map(|v| v.to_string()).unwrap_or_default(),
                percent.clone(),
                field(note),
            ];
            out.push_str(&row.join(";"));
            out.push_str("\r\n");
        }
    }
    out
}
