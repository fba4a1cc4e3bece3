//! What the worker says of a file chosen for import or opened in the consultant's viewer,
//! before anything changes: a locked file's passphrase asked for, a damaged one refused
//! with why, and what a readable file would bring, worded for the citizen with a choice
//! for each answer the phone has otherwise. (The forms that show it are components,
//! pinned by tests/e2e/import.test.mjs, lock.test.mjs and viewer.test.mjs.)

mod common;

use common::{english, response};
use ugeblik::domain::history::History;
use ugeblik::domain::lang::Lang;
use ugeblik::formats::export::{export, to_json};
use ugeblik::formats::sealed::{encode_file, KeyParams, Sealed, SealedFile};
use ugeblik::session::files::{open_for_viewer, preview_for_import};
use ugeblik::session::protocol::{Differs, FromWorker, ImportPreview};

fn locked_file() -> String {
    encode_file(&SealedFile {
        params: KeyParams { iterations: 600_000, salt: vec![1; 16] },
        sealed: Sealed { iv: vec![2; 12], data: vec![3; 40] },
    })
}

#[test]
fn a_locked_file_to_import_or_view_asks_for_its_passphrase() {
    assert_eq!(
        preview_for_import(&History::default(), &Default::default(), &locked_file(), Lang::Da),
        FromWorker::Locked { wrong: false }
    );
    assert_eq!(open_for_viewer(&locked_file(), Lang::En), FromWorker::Locked { wrong: false });
}

#[test]
fn a_damaged_locked_file_says_what_is_wrong_as_text() {
    english();
    let damaged = locked_file().replace("PBKDF2-SHA256", "PBKDF2-<b>MD5</b>");
    let FromWorker::Refused(why) = preview_for_import(&History::default(), &Default::default(), &damaged, Lang::En)
    else {
        panic!("a damaged file is refused")
    };
    assert!(why.starts_with("The file is locked, but it is damaged or from a newer version"), "{why}");
    assert!(why.contains("PBKDF2-<b>MD5</b>"), "a text the page shows as text: {why}");
    let FromWorker::Refused(why) = open_for_viewer(&damaged, Lang::Da) else { panic!("a damaged file is refused") };
    assert!(why.starts_with("Filen er låst, men den er ødelagt"), "{why}");
}

#[test]
fn a_file_that_cannot_be_read_says_why_and_that_nothing_changed() {
    english();
    let FromWorker::Refused(why) =
        preview_for_import(&History::default(), &Default::default(), "{\"format\": ", Lang::En)
    else {
        panic!("a cut-off file is refused")
    };
    assert!(why.ends_with("Nothing on this phone has changed."), "{why}");
    let FromWorker::Refused(why) = preview_for_import(&History::default(), &Default::default(), "[1, 2]", Lang::Da)
    else {
        panic!("not an export")
    };
    assert!(why.ends_with("Intet er ændret på telefonen."), "{why}");
}

#[test]
fn a_readable_file_is_previewed_in_words_with_a_choice_for_each_answer_that_differs() {
    english();
    let who5 = |week, v: u8| response(week, "who5", &[("1", v), ("2", v), ("3", v), ("4", v), ("5", v)], None);
    let file = History { responses: vec![who5("2026-W46", 3), who5("2026-W47", 4)], ..Default::default() };
    let mut phone_answer = who5("2026-W47", 1);
    phone_answer.authored = "2026-11-19T08:00:00Z".into();
    let phone = History { responses: vec![phone_answer], ..Default::default() };
    let text = to_json(&export(
        &file,
        &ugeblik::domain::rater::Readings::default(),
        "2026-11-22T12:00:00Z",
        "test",
        Some("Kim <b>"),
    ));
    let FromWorker::Preview(preview) = preview_for_import(&phone, &Default::default(), &text, Lang::En) else {
        panic!("previewed")
    };
    let ImportPreview { summary, progression, added, nickname, conflicts, changes, .. } = *preview;
    assert_eq!(
        summary,
        "The file has 2 answers from 2 weeks (Week 46, 2026 – Week 47, 2026): 1 are new, 0 you already have."
    );
    assert_eq!((progression, added, changes), (None, Vec::<String>::new(), Vec::new()));
    assert!(nickname.as_deref().is_some_and(|n| n.contains("Kim <b>")), "{nickname:?}");
    assert_eq!(
        conflicts,
        vec![Differs {
            key: "who5-2026-W47".into(),
            label: "WHO-5 Well-Being Index, Week 47, 2026: use the file's answers (from 2026-11-20) instead of the \
                    phone's (from 2026-11-19)"
                .into(),
        }]
    );
}
