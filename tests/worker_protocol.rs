//! The messages between the page and the chart worker (src/session/protocol.rs): every
//! variant of both enums goes through the codec and comes back the same; bytes that are
//! not a message (an unknown variant, cut short, malformed, with bytes left over) are an
//! error value, never a panic, and each side turns them into its clear outcome; and each
//! request asks the worker for what the page asked.

use ugeblik::domain::lang::Lang;
use ugeblik::domain::series::{line_defs, ChartChoices, Period};
use ugeblik::i18n::Msg;
use ugeblik::session::files::{make, View};
use ugeblik::session::protocol::{
    decode, encode, CaseloadAnswer, CaseloadError, CaseloadRequest, Choices, Differs, FileFormat, FromWorker,
    ImportPreview, ToWorker, Unreadable,
};

mod common;
use common::{week, Rng};

/// Which variant a message is. No wildcard: a new variant does not compile until it is
/// counted here, and then the round trips below fail until they make one.
fn to_worker_variant(message: &ToWorker) -> usize {
    match message {
        ToWorker::Pack(_) => 0,
        ToWorker::Key { .. } => 1,
        ToWorker::ImportFile => 2,
        ToWorker::History(_) => 3,
        ToWorker::Preview { .. } => 4,
        ToWorker::Merge { .. } => 5,
        ToWorker::Export { .. } => 6,
        ToWorker::Reminder { .. } => 7,
        ToWorker::Send { .. } => 8,
        ToWorker::Open { .. } => 9,
        ToWorker::Readings(_) => 10,
        ToWorker::Caseload { .. } => 11,
        ToWorker::OpenFiles { .. } => 12,
    }
}
const TO_WORKER_VARIANTS: usize = 13;

fn from_worker_variant(message: &FromWorker) -> usize {
    match message {
        FromWorker::Ready => 0,
        FromWorker::Preview(_) => 1,
        FromWorker::Merged { .. } => 2,
        FromWorker::MergeFailed => 3,
        FromWorker::File { .. } => 4,
        FromWorker::FileFailed => 5,
        FromWorker::ForPortal { .. } => 6,
        FromWorker::PortalFailed => 7,
        FromWorker::Failed => 8,
        FromWorker::Opened { .. } => 9,
        FromWorker::Locked { .. } => 10,
        FromWorker::Refused(_) => 11,
        FromWorker::Caseload { .. } => 12,
    }
}
const FROM_WORKER_VARIANTS: usize = 13;

fn pick<T: Copy>(rng: &mut Rng, choices: &[T]) -> T {
    choices[rng.below(choices.len())]
}

fn maybe(rng: &mut Rng) -> Option<String> {
    (rng.below(2) == 0).then(|| rng.text())
}

fn texts(rng: &mut Rng) -> Vec<String> {
    (0..rng.below(6)).map(|_| rng.text()).collect()
}

fn choices(rng: &mut Rng) -> Choices {
    Choices {
        lang: pick(rng, &Lang::ALL),
        demo: rng.below(2) == 0,
        chart: ChartChoices {
            period: pick(
                rng,
                &[Period::Weeks(8), Period::Weeks(26), Period::All, Period::Custom(week("2026-W53"), week("2027-W02"))],
            ),
            lines: line_defs().into_iter().map(|d| d.key).filter(|_| rng.below(2) == 0).collect(),
            average: rng.below(2) == 0,
            notes: rng.below(2) == 0,
            table: rng.below(2) == 0,
            compare: (rng.below(2) == 0).then(|| week("2026-W01")),
            lines_open: rng.below(2) == 0,
            more_open: rng.below(2) == 0,
            combined: rng.below(2) == 0,
        },
        width: rng.next() as u32,
        now: week("2026-W47"),
    }
}

fn differs(rng: &mut Rng) -> Vec<Differs> {
    (0..rng.below(4)).map(|_| Differs { key: rng.text(), label: rng.text() }).collect()
}

/// Citizens of the caseload as `(id, stored text)`.
fn cases(rng: &mut Rng) -> Vec<(String, String)> {
    (0..rng.below(4)).map(|_| (rng.text(), rng.text())).collect()
}

/// Each of the caseload's requests, in turn.
fn caseload_request(rng: &mut Rng) -> CaseloadRequest {
    match rng.below(5) {
        0 => CaseloadRequest::Open,
        1 => CaseloadRequest::Unlock { passphrase: rng.text() },
        2 => CaseloadRequest::Keep { cases: cases(rng) },
        3 => CaseloadRequest::Remove { id: rng.text() },
        _ => CaseloadRequest::RemoveAll,
    }
}

/// Each of the caseload's answers and errors, in turn.
fn caseload_answer(rng: &mut Rng) -> CaseloadAnswer {
    match rng.below(9) {
        0 => CaseloadAnswer::Opened { new: rng.below(2) == 0 },
        1 => CaseloadAnswer::Loaded { cases: cases(rng), unreadable: rng.next() as u32 },
        2 => CaseloadAnswer::Done,
        3 => CaseloadAnswer::Failed(CaseloadError::WrongPassphrase),
        4 => CaseloadAnswer::Failed(CaseloadError::Damaged),
        5 => CaseloadAnswer::Failed(CaseloadError::Crypto),
        6 => CaseloadAnswer::Failed(CaseloadError::Locked),
        _ => CaseloadAnswer::Failed(CaseloadError::Storage(rng.text())),
    }
}

/// A message to the worker of variant `n` (see [`to_worker_variant`]).
fn to_worker(rng: &mut Rng, n: usize) -> ToWorker {
    match n {
        0 => ToWorker::Pack(rng.text()),
        1 => ToWorker::Key { lock: rng.text() },
        2 => ToWorker::ImportFile,
        3 => ToWorker::History(rng.text()),
        4 => ToWorker::Preview { lang: pick(rng, &Lang::ALL), passphrase: maybe(rng) },
        5 => ToWorker::Merge { choices: choices(rng), take_theirs: texts(rng) },
        6 => ToWorker::Export {
            choices: choices(rng),
            exported: rng.text(),
            nickname: maybe(rng),
            format: pick(rng, &[FileFormat::Json, FileFormat::Csv, FileFormat::Fhir]),
            seal: rng.below(2) == 0,
        },
        7 => ToWorker::Reminder { choices: choices(rng), exported: rng.text(), form: texts(rng) },
        8 => ToWorker::Send { choices: choices(rng), exported: rng.text(), nickname: maybe(rng) },
        9 => ToWorker::Open { lang: pick(rng, &Lang::ALL), passphrase: maybe(rng) },
        10 => ToWorker::Readings(rng.text()),
        11 => ToWorker::OpenFiles { lang: pick(rng, &Lang::ALL) },
        _ => ToWorker::Caseload { ticket: rng.next() as u32, request: caseload_request(rng) },
    }
}

/// An answer of variant `n` (see [`from_worker_variant`]).
fn from_worker(rng: &mut Rng, n: usize) -> FromWorker {
    match n {
        0 => FromWorker::Ready,
        1 => FromWorker::Preview(Box::new(ImportPreview {
            summary: rng.text(),
            progression: maybe(rng),
            added: texts(rng),
            readings: texts(rng),
            nickname: maybe(rng),
            conflicts: differs(rng),
            changes: differs(rng),
        })),
        2 => FromWorker::Merged { history: rng.text(), readings: rng.text() },
        3 => FromWorker::MergeFailed,
        4 => FromWorker::File { name: rng.text(), url: rng.text() },
        5 => FromWorker::FileFailed,
        6 => FromWorker::ForPortal { json: rng.text() },
        7 => FromWorker::PortalFailed,
        8 => FromWorker::Failed,
        9 => FromWorker::Opened {
            nickname: maybe(rng),
            responses: rng.next() as u32,
            history: rng.text(),
            readings: rng.text(),
        },
        10 => FromWorker::Locked { wrong: rng.below(2) == 0 },
        11 => FromWorker::Refused(rng.text()),
        _ => FromWorker::Caseload { ticket: rng.next() as u32, answer: caseload_answer(rng) },
    }
}

#[test]
fn every_message_to_the_worker_comes_back_the_same() {
    let mut rng = Rng(0x7011);
    let mut seen = [false; TO_WORKER_VARIANTS];
    for case in 0..2000 {
        let message = to_worker(&mut rng, case % TO_WORKER_VARIANTS);
        seen[to_worker_variant(&message)] = true;
        let bytes = encode(&message);
        assert_eq!(ToWorker::read(&bytes), Ok(message), "case {case}");
    }
    assert_eq!(seen, [true; TO_WORKER_VARIANTS]);
}

#[test]
fn every_answer_comes_back_the_same() {
    let mut rng = Rng(0xf0f0);
    let mut seen = [false; FROM_WORKER_VARIANTS];
    for case in 0..2000 {
        let answer = from_worker(&mut rng, case % FROM_WORKER_VARIANTS);
        seen[from_worker_variant(&answer)] = true;
        let bytes = encode(&answer);
        assert_eq!(FromWorker::read(&bytes), answer, "case {case}");
    }
    assert_eq!(seen, [true; FROM_WORKER_VARIANTS]);
}

/// What each side does with bytes that are not a message: the worker answers `Failed`;
/// the page reads them as `Failed`, which it shows as its translated "the chart could not
/// be drawn" (the answer touches no data).
fn refused_by_both_sides(bytes: &[u8], what: &str) {
    assert_eq!(decode::<ToWorker>(bytes), Err(Unreadable), "{what}: {bytes:?}");
    assert_eq!(decode::<FromWorker>(bytes), Err(Unreadable), "{what}: {bytes:?}");
    assert_eq!(ToWorker::read(bytes), Err(FromWorker::Failed), "{what}: {bytes:?}");
    assert_eq!(FromWorker::read(bytes), FromWorker::Failed, "{what}: {bytes:?}");
}

#[test]
fn unknown_truncated_and_malformed_messages_are_refused_with_an_error_value() {
    // No message at all, and variants that do not exist (the enums have 12 and 13).
    refused_by_both_sides(&[], "empty");
    for unknown in [13u8, 14, 100, 127] {
        refused_by_both_sides(&[unknown], "unknown variant");
        refused_by_both_sides(&[unknown, 0, 0, 0], "unknown variant with a body");
    }
    // A variant index that never ends (a varint of only continuation bytes).
    refused_by_both_sides(&[0x80; 12], "endless varint");

    let mut rng = Rng(0xbad);
    for case in 0..300 {
        // Every message cut short anywhere is refused: it needs all its bytes.
        let message = to_worker(&mut rng, case % TO_WORKER_VARIANTS);
        let bytes = encode(&message);
        for end in 0..bytes.len() {
            assert_eq!(ToWorker::read(&bytes[..end]), Err(FromWorker::Failed), "case {case} cut at {end}");
        }
        let answer = from_worker(&mut rng, case % FROM_WORKER_VARIANTS);
        let bytes = encode(&answer);
        for end in 0..bytes.len() {
            assert_eq!(FromWorker::read(&bytes[..end]), FromWorker::Failed, "case {case} cut at {end}");
        }
        // With bytes left over, it is not that message either.
        let mut longer = encode(&message);
        longer.push(rng.next() as u8);
        assert_eq!(ToWorker::read(&longer), Err(FromWorker::Failed), "case {case} with a byte more");
    }

    // Malformed inside: a text that is not UTF-8, a yes/no that is neither, a length
    // longer than the message.
    let mut pack = encode(&ToWorker::Pack("ab".into()));
    *pack.last_mut().unwrap() = 0xff;
    refused_by_both_sides(&pack, "invalid UTF-8");
    let mut merge = encode(&ToWorker::Merge { choices: choices(&mut Rng(1)), take_theirs: Vec::new() });
    let demo_flag = 2; // variant, lang: then `demo`, a bool
    assert!(merge[demo_flag] <= 1);
    merge[demo_flag] = 2;
    assert_eq!(ToWorker::read(&merge), Err(FromWorker::Failed), "a bool of 2");
    refused_by_both_sides(&[0, 200, 1, b'a'], "a length past the end");

    // Random bytes, and valid messages with random bytes changed: an error value or a
    // message, never a panic (a panic fails this test).
    for case in 0..20_000 {
        let mut bytes = encode(&to_worker(&mut rng, case % TO_WORKER_VARIANTS));
        if case % 4 == 0 {
            bytes = (0..rng.below(40)).map(|_| rng.next() as u8).collect();
        }
        for _ in 0..1 + rng.below(3) {
            if !bytes.is_empty() {
                let at = rng.below(bytes.len());
                bytes[at] = rng.next() as u8;
            }
        }
        let _ = ToWorker::read(&bytes);
        let _ = FromWorker::read(&bytes);
    }
}

#[test]
fn the_page_says_a_translated_error_for_every_failure_and_nothing_for_an_answer() {
    for (answer, said) in [
        (FromWorker::Failed, Some(Msg::ChartFailed)),
        (FromWorker::MergeFailed, Some(Msg::ChartFailed)),
        (FromWorker::FileFailed, Some(Msg::ExportFailed)),
        (FromWorker::PortalFailed, Some(Msg::ExportFailed)),
        (FromWorker::Ready, None),
        (FromWorker::Preview(Box::default()), None),
        (FromWorker::Locked { wrong: true }, None),
        (FromWorker::Merged { history: "{}".into(), readings: "{}".into() }, None),
        (FromWorker::File { name: "a.json".into(), url: "blob:x".into() }, None),
        (FromWorker::ForPortal { json: "{}".into() }, None),
    ] {
        assert_eq!(answer.problem(), said, "{answer:?}");
    }
    // The error the page shows for an answer it cannot read, in Danish (built in).
    let text = FromWorker::read(&[255]).problem().unwrap().get(Lang::Da);
    assert!(text.contains("Grafen kunne ikke tegnes") && text.contains("Dine svar er ikke berørt"), "{text}");
}

fn english_choices() -> Choices {
    common::choices()
}

#[test]
fn each_request_asks_for_what_the_page_asked() {
    let choices = english_choices();
    let history = ugeblik::domain::demo::history(week("2026-W47"), 8);
    let form: Vec<String> = ["day", "FR", "time", "08:15"].map(str::to_owned).to_vec();
    let ids = vec!["r-1".to_owned()];
    let merge = ToWorker::Merge { choices: choices.clone(), take_theirs: ids.clone() }.request().unwrap();
    assert_eq!((merge.view, merge.take_theirs), (View::ImportMerge, ids));

    for (format, code) in [(FileFormat::Json, "json"), (FileFormat::Csv, "csv"), (FileFormat::Fhir, "fhir")] {
        let export = ToWorker::Export {
            choices: choices.clone(),
            exported: "2026-11-20T10:00:00Z".into(),
            nickname: Some("Kim".into()),
            format,
            seal: true,
        };
        let request = export.request().unwrap();
        assert_eq!(request.view, View::Export);
        assert_eq!(request.format.as_deref(), Some(code));
        assert_eq!(request.exported.as_deref(), Some("2026-11-20T10:00:00Z"));
        assert_eq!(request.nickname.as_deref(), Some("Kim"));
        assert!(request.seal);
        // The file is the one the export makes, named for its format.
        let made = make(&history, &Default::default(), &request);
        assert!(made.file.unwrap().ends_with(if code == "fhir" { ".fhir.json" } else { code }));
    }

    let reminder = ToWorker::Reminder { choices: choices.clone(), exported: "x".into(), form: form.clone() };
    let request = reminder.request().unwrap();
    assert_eq!((request.view, request.format.as_deref(), request.form), (View::Export, Some("ics"), form));
    assert!(!request.seal, "a calendar file is never locked");

    let send = ToWorker::Send { choices: choices.clone(), exported: "x".into(), nickname: None };
    let request = send.request().unwrap();
    assert_eq!((request.view, request.format.as_deref()), (View::Export, Some("portal")));
    // For the portal: the canonical file's text itself, no file name.
    let made = make(&history, &Default::default(), &request);
    assert!(made.file.is_none() && made.text.starts_with('{'));

    // What the worker only keeps, and a file opened or previewed, ask nothing of the
    // worker's maker (`files::make`).
    for kept in [
        ToWorker::Pack("{}".into()),
        ToWorker::Key { lock: "{}".into() },
        ToWorker::ImportFile,
        ToWorker::History("{}".into()),
        ToWorker::Open { lang: Lang::En, passphrase: None },
        ToWorker::OpenFiles { lang: Lang::En },
        ToWorker::Preview { lang: Lang::En, passphrase: Some("x".into()) },
    ] {
        assert_eq!(kept.request(), None);
    }
}

#[test]
fn the_charts_choices_are_one_definition_sent_with_their_lines_as_codes() {
    // The page's choices (`AppState::chart`) are the messages' own: sent as they are.
    let mut chart = ChartChoices::new(Period::All);
    chart.lines.truncate(2);
    let choices = Choices { chart: chart.clone(), ..english_choices() };
    let message = ToWorker::Merge { choices, take_theirs: Vec::new() };
    match decode::<ToWorker>(&encode(&message)) {
        Ok(ToWorker::Merge { choices, .. }) => assert_eq!(choices.chart, chart),
        other => panic!("{other:?}"),
    }
    // The lines are written as their codes; a code no line has is left out when read.
    let json = serde_json::to_string(&chart).unwrap();
    let codes: Vec<String> = chart.lines.iter().map(|k| k.code()).collect();
    assert!(codes.iter().all(|code| json.contains(&format!("\"{code}\""))), "{json}");
    let unknown = json.replacen(&format!("\"{}\"", codes[0]), "\"no-such-line\"", 1);
    let read: ChartChoices = serde_json::from_str(&unknown).unwrap();
    assert_eq!(read.lines, chart.lines[1..]);
}
