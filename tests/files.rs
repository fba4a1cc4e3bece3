//! What the worker makes and reads (src/session/files.rs): the export files, the portal's
//! text, the reminder's calendar file, and a file opened for the consultant's viewer.

use ugeblik::domain::history::History;
use ugeblik::domain::lang::Lang;
use ugeblik::session::files::{make, open_for_viewer, Request, View};
use ugeblik::session::protocol::FromWorker;

mod common;
use common::{choices, english, response};

/// WHO-5 in weeks 44, 46 and 47, CHIME in 44 and 47.
fn history() -> History {
    let who5 = |w, v: u8| response(w, "who5", &[("1", v), ("2", v), ("3", v), ("4", v), ("5", 2)], None);
    History {
        responses: vec![
            who5("2026-W44", 2),
            who5("2026-W46", 3),
            who5("2026-W47", 3),
            response("2026-W44", "chime5", &[("chime-c", 3), ("chime-h", 4)], None),
            response("2026-W47", "chime5", &[("chime-c", 6), ("chime-h", 7), ("chime-i", 5)], None),
        ],
        ..Default::default()
    }
}

/// A request to make `view` with the English choices.
fn request(view: View) -> Request {
    choices().request(view)
}

#[test]
fn the_export_view_gives_the_canonical_file() {
    let request = Request {
        view: View::Export,
        exported: Some("2026-11-22T12:00:00Z".into()),
        nickname: Some("Case 7".into()),
        ..request(View::Export)
    };
    let text = make(&history(), &Default::default(), &request).text;
    let file: ugeblik::formats::export::Export = serde_json::from_str(&text).unwrap();
    assert_eq!(
        (file.responses.len(), file.nickname.as_deref(), file.exported.as_str()),
        (5, Some("Case 7"), "2026-11-22T12:00:00Z")
    );
    assert_eq!(file.app_version, ugeblik::session::files::APP_VERSION);
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
            ..request(View::Export)
        };
        make(&history, &Default::default(), &request)
    };
    let (sent, file) = (export("portal"), export("json"));
    assert_eq!(sent.text, file.text);
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
            ..request(View::Export)
        };
        make(&history(), &Default::default(), &request)
    };
    let made = file(&["day", "FR", "time", "08:15", "today", "2026-11-23", "uid", "u1", "link", "https://x.example/"]);
    assert_eq!(made.file.as_deref(), Some("ugeblik-paamindelse.ics"));
    assert!(made.text.contains("DTSTART:20261127T081500\r\n") && made.text.contains("RRULE:FREQ=WEEKLY;BYDAY=FR\r\n"));
    assert!(made.text.contains("SUMMARY:Ugeblik: this week's questions\r\n"));
    // A form the screen did not draw makes no file (the page says the export failed).
    let bad = file(&["day", "XX", "time", "08:15", "today", "2026-11-23"]);
    assert_eq!((bad.text.as_str(), bad.file), ("", None));
}

#[test]
fn the_viewer_opens_a_file_as_a_history_and_says_why_it_cannot_in_the_language_asked_for() {
    english(); // as the page sends it to the worker first
    let file = include_str!("fixtures/export-v2.json");
    let FromWorker::Opened { nickname, responses, history, .. } = open_for_viewer(file, Lang::En) else {
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
