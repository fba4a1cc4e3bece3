//! The form for a locked file to import or view, as HTML: what a citizen sees and what the
//! page acts on; every text escaped. (The "lock and delete" screen is a component, pinned
//! by tests/e2e/lock.test.mjs.)

mod common;

use common::request;
use ugeblik::domain::lang::Lang;
use ugeblik::formats::sealed::{encode_file, KeyParams, Sealed, SealedFile};
use ugeblik::session::protocol::{Choices, FromWorker};
use ugeblik::session::render::{open_for_viewer, render, Request, View};

fn locked_file() -> String {
    encode_file(&SealedFile {
        params: KeyParams { iterations: 600_000, salt: vec![1; 16] },
        sealed: Sealed { iv: vec![2; 12], data: vec![3; 40] },
    })
}

#[test]
fn a_locked_file_to_import_asks_for_its_passphrase_and_says_when_it_was_wrong() {
    let request = Request {
        view: View::History,
        import: Some(locked_file()),
        choices: Choices { lang: Lang::Da, ..request().choices },
        ..request()
    };
    let html = render(&Default::default(), &request).html;
    assert!(html.contains("Filen er låst med et kodeord."));
    assert!(html.contains(r#"id="ugb-import-passphrase" name="passphrase" type="password""#));
    assert!(html.contains(r#"data-action="import-unlock">Åbn filen</button>"#));
    assert!(!html.contains("Kodeordet passer ikke til filen."));
    assert!(!html.contains("aria-invalid"));
    let wrong = render(&Default::default(), &Request { import_wrong: true, ..request }).html;
    assert!(wrong.contains("Kodeordet passer ikke til filen. Intet er ændret."));
    assert!(wrong.contains(r#"aria-invalid="true""#));
}

#[test]
fn a_damaged_locked_file_says_what_is_wrong() {
    let damaged = locked_file().replace("PBKDF2-SHA256", "PBKDF2-<b>MD5</b>");
    let request = Request {
        view: View::History,
        import: Some(damaged),
        choices: Choices { lang: Lang::En, ..request().choices },
        ..request()
    };
    let html = render(&Default::default(), &request).html;
    assert!(html.contains("The file is locked, but it is damaged or from a newer version"));
    assert!(html.contains("PBKDF2-&lt;b&gt;MD5&lt;/b&gt;"));
    assert!(!html.contains("ugb-import-passphrase"));
}

#[test]
fn the_consultants_viewer_asks_for_a_locked_files_passphrase_too_and_says_what_is_wrong_with_a_damaged_one() {
    assert_eq!(open_for_viewer(&locked_file(), Lang::En), FromWorker::Locked { wrong: false });
    let damaged = locked_file().replace("PBKDF2-SHA256", "PBKDF2-<b>MD5</b>");
    let FromWorker::Refused(why) = open_for_viewer(&damaged, Lang::Da) else { panic!("a damaged file is refused") };
    assert!(why.starts_with("Filen er låst, men den er ødelagt"), "{why}");
    assert!(why.contains("PBKDF2-<b>MD5</b>"), "a text the page shows as text: {why}");
}
