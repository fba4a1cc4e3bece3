//! The shared-phone screens as HTML: "lock and delete", and the form for a locked file.
//! What a citizen sees and what the page acts on; every text escaped.

mod common;

use common::request;
use ugeblik::domain::lang::Lang;
use ugeblik::formats::sealed::{encode_file, KeyParams, Sealed, SealedFile};
use ugeblik::session::protocol::Choices;
use ugeblik::session::render::{render, Request, View};

fn safety(locked: bool, crypto: bool) -> String {
    let request = Request {
        view: View::Safety,
        choices: Choices { lang: Lang::Da, locked, crypto, ..request().choices },
        ..request()
    };
    render(&Default::default(), &request).html
}

#[test]
fn without_a_passphrase_the_screen_offers_to_set_one_and_warns_what_forgetting_means() {
    let html = safety(false, true);
    assert!(html.contains(r#"id="ugb-lock-new" name="new" type="password" autocomplete="off""#));
    assert!(html.contains(r#"id="ugb-lock-repeat" name="repeat" type="password""#));
    assert!(html.contains(r#"data-action="lock-set">Sæt kodeord</button>"#));
    assert!(!html.contains("lock-change") && !html.contains("lock-remove"));
    assert!(html.contains("Glemmer du kodeordet, er dine svar væk"));
    // The idle lock waits for a passphrase, and says so.
    assert!(html.contains("Virker, når der er sat et kodeord."));
    assert!(html.contains(r#"data-action="delete-all""#));
    assert!(html.contains(r#"id="ugb-delete-all-confirm" name="confirm" value="yes""#));
}

#[test]
fn with_a_passphrase_it_can_be_changed_or_removed_with_the_current_one() {
    let html = safety(true, true);
    assert!(!html.contains("lock-set"));
    assert_eq!(html.matches(r#"name="current""#).count(), 2, "change and remove each ask for it");
    assert!(html.contains(r#"data-action="lock-change""#) && html.contains(r#"data-action="lock-remove""#));
    assert!(!html.contains("Virker, når der er sat et kodeord."));
    // The chosen idle time is the one selected.
    assert!(html.contains(r#"<option value="5" selected="">5 min.</option>"#));
}

#[test]
fn where_the_browser_cannot_encrypt_no_passphrase_is_offered() {
    let html = safety(false, false);
    assert!(html.contains("kræver en sikker forbindelse"));
    assert!(!html.contains("lock-set"));
}

#[test]
fn the_end_date_is_shown_as_given_and_escaped() {
    let request = Request {
        view: View::Safety,
        choices: Choices { lang: Lang::En, end: Some("\"><script>alert(1)</script>".into()), ..request().choices },
        ..request()
    };
    let html = render(&Default::default(), &request).html;
    assert!(!html.contains("<script>"));
    assert!(html.contains("&quot;&gt;&lt;script&gt;"));
    assert!(html.contains("Last day of the programme"));
}

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
fn the_consultants_viewer_asks_for_a_locked_files_passphrase_too() {
    let request = Request {
        import: Some(locked_file()),
        choices: Choices { viewer: true, lang: Lang::En, ..request().choices },
        ..request()
    };
    let html = render(&Default::default(), &request).html;
    assert!(html.contains("The file is locked with a passphrase."));
    assert!(html.contains("ugb-import-passphrase"));
}
