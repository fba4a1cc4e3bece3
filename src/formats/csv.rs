//! The CSV export for providers who work in Excel: long format, one row per answer.
//!
//! - UTF-8 with a byte-order mark, so Excel shows æøå; lines end with CRLF.
//! - Separated by semicolons, as Danish Excel expects (the comma is its decimal sign).
//! - Values are whole numbers; there are no decimals. Weeks are ISO (`2026-W47`), dates
//!   ISO 8601 (`2026-11-16`), times RFC 3339 in UTC.
//! - Fields with `;`, `,`, a tab, `"` or line breaks are quoted, quotes doubled (RFC 4180):
//!   a spreadsheet that splits on commas or tabs instead of semicolons still sees one cell,
//!   so a note like `x,=HYPERLINK(…)` never puts a formula at the start of a cell of its own.
//! - Every cell that starts with `=`, `+`, `-`, `@`, tab or carriage return (or their
//!   full-width forms) gets a leading `'`, so a spreadsheet never runs it as a formula.
//! - The note is on the first row of its response only; a response with a note and no
//!   answers has one row with an empty item.
//! - Who gave the answers (format 4): `rater_role` is `citizen` for the citizen's own
//!   answers (and for every goal, work and milestone row: the citizen's own too), or
//!   `consultant`, `mentor` or `employer` for another's reading of the citizen;
//!   `rater_name` the initials or first name that rater gave, or empty. Both sit before
//!   the note, which stays last.
//! - After the answers (format 2): for each goal a row in the week it was set (`instrument`
//!   `goal`, item `set`) and, once closed, one in the week it was closed (item `closed`),
//!   `status` the goal's state (`open`, `reached`, `changed`, `dropped`), `item_label` the
//!   goal; then one row per goal evaluation (item `kept`, value 2 yes, 1 partly, 0 no,
//!   `note` the week's note); one row per figure of a week's work (`instrument` `work`,
//!   items `planned_minutes`, `worked_minutes`, `days_planned`, `days_attended`, and
//!   `absence` with the reason in `item_label`); one row per milestone (`instrument`
//!   `milestone`, item its kind, `note` its words).

use crate::domain::progression::{parse_date, Absence, Kept};
use crate::domain::rater::{self, Role};
use crate::domain::week::IsoWeek;
use crate::formats::export::Export;

/// How many columns every row has.
const COLUMNS: usize = 16;

/// The columns, in order.
pub const HEADER: [&str; COLUMNS] = [
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
    "rater_role",
    "rater_name",
    "note",
];

/// One field, quoted and defused as needed.
pub fn field(text: &str) -> String {
    let defused = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠') => format!("'{text}"),
        _ => text.to_owned(),
    };
    if defused.contains([';', ',', '\t', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

fn monday_of(week: IsoWeek) -> String {
    let monday = week.monday();
    format!("{:04}-{:02}-{:02}", monday.year(), u8::from(monday.month()), monday.day())
}

/// A row of the [`HEADER`]'s columns: every cell goes through [`field`], whatever it holds
/// (a rater's name too: `=HYPERLINK(…)` has neither digits nor an `@`).
fn row(out: &mut String, cells: [String; COLUMNS]) {
    for (n, cell) in cells.iter().enumerate() {
        if n > 0 {
            out.push(';');
        }
        out.push_str(&field(cell));
    }
    out.push_str("\r\n");
}

/// The goals', the work's and the milestones' rows.
fn progression_rows(out: &mut String, export: &Export) {
    let blank = String::new;
    // Goals, work and milestones are the citizen's own.
    let citizen = || Role::Citizen.code().to_owned();
    for goal in &export.goals {
        let status = goal.closed.as_ref().map_or("open", |c| c.outcome.code());
        // When it was set and, if it was, closed: the rows a report counts goals by.
        let closed = goal.closed.as_ref().map(|c| (c.week, "closed"));
        for (week, item) in std::iter::once((goal.set, "set")).chain(closed) {
            row(
                out,
                [
                    goal.id.clone(),
                    week.to_string(),
                    monday_of(week),
                    goal.authored.clone(),
                    "goal".into(),
                    blank(),
                    "false".into(),
                    status.into(),
                    blank(),
                    item.into(),
                    goal.what.clone(),
                    blank(),
                    blank(),
                    citizen(),
                    blank(),
                    blank(),
                ],
            );
        }
        for check in &goal.checks {
            let value = match check.kept {
                Kept::Yes => "2",
                Kept::Partly => "1",
                Kept::No => "0",
            };
            row(
                out,
                [
                    goal.id.clone(),
                    check.week.to_string(),
                    monday_of(check.week),
                    check.authored.clone(),
                    "goal".into(),
                    blank(),
                    "false".into(),
                    status.into(),
                    blank(),
                    "kept".into(),
                    goal.what.clone(),
                    value.into(),
                    blank(),
                    citizen(),
                    blank(),
                    check.note.clone().unwrap_or_default(),
                ],
            );
        }
    }
    for week in &export.work {
        let work = &week.work;
        let figures = [
            ("planned_minutes", "Hours planned (minutes)", work.planned_minutes),
            ("worked_minutes", "Hours worked (minutes)", work.worked_minutes),
            ("days_planned", "Days planned", work.days_planned.map(u32::from)),
            ("days_attended", "Days attended", work.days_attended.map(u32::from)),
        ];
        let cells = |item: &str, label: &str, value: String| {
            [
                format!("work-{}", week.week),
                week.week.to_string(),
                monday_of(week.week),
                week.authored.clone(),
                "work".into(),
                blank(),
                "false".into(),
                blank(),
                blank(),
                item.into(),
                label.into(),
                value,
                blank(),
                citizen(),
                blank(),
                blank(),
            ]
        };
        for (item, label, value) in figures {
            if let Some(value) = value {
                row(out, cells(item, label, value.to_string()));
            }
        }
        if let Some(absence) = work.absence {
            row(out, cells("absence", Absence::code(absence), String::new()));
        }
    }
    for milestone in &export.milestones {
        let week = parse_date(&milestone.date).map(IsoWeek::containing);
        row(
            out,
            [
                milestone.id.clone(),
                week.map(|w| w.to_string()).unwrap_or_default(),
                week.map(monday_of).unwrap_or_default(),
                milestone.authored.clone(),
                "milestone".into(),
                blank(),
                "false".into(),
                blank(),
                blank(),
                milestone.kind.code().into(),
                kind_label(milestone.kind).into(),
                blank(),
                blank(),
                citizen(),
                blank(),
                milestone.text.clone().unwrap_or_default(),
            ],
        );
    }
}

fn kind_label(kind: crate::domain::progression::MilestoneKind) -> &'static str {
    use crate::domain::progression::MilestoneKind::*;
    match kind {
        PlacementStarted => "Placement started",
        HoursChanged => "Hours changed",
        PlacementEnded => "Placement ended",
        NewMentor => "New mentor",
        Other => "Other",
    }
}

/// The CSV file for an export.
pub fn to_csv(export: &Export) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&HEADER.join(";"));
    out.push_str("\r\n");
    for response in &export.responses {
        let known = rater::find_any(&response.instrument, &response.version).ok();
        // A file of format 3 or older holds the citizen's own answers only.
        let role = response.rater.as_ref().map_or(Role::Citizen, |r| r.role);
        let name = response.rater.as_ref().and_then(|r| r.name.clone()).unwrap_or_default();
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
            let cells = [
                response.id.clone(),
                response.week.to_string(),
                monday.clone(),
                response.authored.clone(),
                response.instrument.clone(),
                response.version.clone(),
                validated.to_string(),
                format!("{:?}", response.status).to_lowercase(),
                response.language.code().to_owned(),
                link_id.to_owned(),
                label.to_owned(),
                value.map(|v| v.to_string()).unwrap_or_default(),
                percent.clone(),
                role.code().to_owned(),
                name.clone(),
                note.to_owned(),
            ];
            row(&mut out, cells);
        }
    }
    progression_rows(&mut out, export);
    out
}
