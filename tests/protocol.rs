//! The portal protocol (README, "Embedding in a portal"): every message of both enums is
//! written by the page's codec exactly as documented and reads back as itself (a portal's
//! request through the codec; the widget's messages, which only a portal reads, through
//! serde_json as a portal's `JSON.parse` would), and anything else a portal might post is
//! refused with an error value, never a panic.

use ugeblik::domain::lang::Lang;
use ugeblik::domain::week::IsoWeek;
use ugeblik::formats::portal::{completed, ExportFormat, FromPortal, ProtocolError, ToPortal, Version, MAX_MESSAGE};

fn week() -> IsoWeek {
    "2026-W47".parse().unwrap()
}

/// Every message the widget posts, with its documented JSON text.
fn to_portal() -> Vec<(ToPortal, &'static str)> {
    vec![
        (ToPortal::Ready { version: Version, lang: Lang::En }, r#"{"type":"ugeblik:ready","version":1,"lang":"en"}"#),
        (ToPortal::Ready { version: Version, lang: Lang::Ar }, r#"{"type":"ugeblik:ready","version":1,"lang":"ar"}"#),
        (ToPortal::Height { version: Version, height: 812 }, r#"{"type":"ugeblik:height","version":1,"height":812}"#),
        (
            completed(week(), &["who5", "chime5"], Some(56)),
            r#"{"type":"ugeblik:checkin-completed","version":1,"week":"2026-W47","instruments":["who5","chime5"],"who5Percent":56}"#,
        ),
        (
            completed(week(), &["jobready7"], None),
            r#"{"type":"ugeblik:checkin-completed","version":1,"week":"2026-W47","instruments":["jobready7"]}"#,
        ),
        (
            ToPortal::Export { version: Version, format: ExportFormat, json: "{\"format\":\"x\"}\n".into() },
            r#"{"type":"ugeblik:export","version":1,"format":"ugeblik-export","json":"{\"format\":\"x\"}\n"}"#,
        ),
    ]
}

/// Every request a portal may post, with its documented JSON text.
fn from_portal() -> Vec<(FromPortal, &'static str)> {
    vec![
        (FromPortal::RequestExport, r#"{"type":"ugeblik:request-export","version":1}"#),
        (FromPortal::RequestHeight, r#"{"type":"ugeblik:request-height","version":1}"#),
    ]
}

#[test]
fn the_widgets_messages_are_written_as_documented_and_read_back() {
    for (message, text) in to_portal() {
        assert_eq!(message.encode(), text);
        // The page's codec writes what serde_json writes, and a portal's JSON.parse reads it.
        assert_eq!(serde_json::to_string(&message).unwrap(), text);
        assert_eq!(serde_json::from_str::<ToPortal>(text).unwrap(), message);
    }
}

#[test]
fn a_portals_requests_are_written_as_documented_and_read_back() {
    for (message, text) in from_portal() {
        assert_eq!(message.encode(), text);
        assert_eq!(FromPortal::decode(text), Ok(message), "{text}");
    }
    // As a browser's JSON.stringify writes them, in any order, with a portal's own fields.
    for (text, expected) in [
        (r#"{"version":1,"type":"ugeblik:request-height"}"#, FromPortal::RequestHeight),
        (
            r#"{ "type": "ugeblik:request-export", "version": 1, "requestId": "a7", "note": {"x": [1, 2]} }"#,
            FromPortal::RequestExport,
        ),
    ] {
        assert_eq!(FromPortal::decode(text), Ok(expected), "{text}");
    }
}

#[track_caller]
fn refused(text: &str) -> ProtocolError {
    match FromPortal::decode(text) {
        Ok(message) => panic!("{text:?} was read as {message:?}"),
        Err(error) => error,
    }
}

#[test]
fn anything_else_a_portal_posts_is_refused_with_a_reason() {
    // What embed.test.mjs and hostile.test.mjs post, as JSON.stringify gives it to the widget.
    for text in [
        r#""ugeblik:request-export""#,
        "null",
        "42",
        "true",
        r#"["ugeblik:request-export",1]"#,
        r#"{"type":"ugeblik:request-export"}"#,
        r#"{"version":1}"#,
        r#"{"type":"ugeblik:request-export","version":"1"}"#,
        r#"{"type":"ugeblik:request-export","version":2}"#,
        r#"{"type":"ugeblik:request-export","version":0}"#,
        r#"{"type":"ugeblik:request-export","version":1.5}"#,
        r#"{"type":"ugeblik:request-export","version":-1}"#,
        r#"{"type":"ugeblik:request-export","version":null}"#,
        r#"{"type":"ugeblik:export","version":1,"format":"ugeblik-export","json":"{}"}"#,
        r#"{"type":"ugeblik:ready","version":1,"lang":"en"}"#,
        r#"{"type":"<img src=x onerror=alert(1)>","version":1}"#,
        r#"{"type":"UGEBLIK:REQUEST-EXPORT","version":1}"#,
        r#"{"type":null,"version":1}"#,
        r#"{"type":["ugeblik:request-export"],"version":1}"#,
        r#"{"type":"ugeblik:request-export","type":"ugeblik:request-height","version":1}"#,
    ] {
        // serde-json-core tells a number it cannot read (1.5, -1) from JSON that is not
        // JSON: either way, refused with a reason.
        assert!(matches!(refused(text), ProtocolError::Refused(_) | ProtocolError::NotJson(_)), "{text}");
    }
    // Not one JSON value: cut short, junk after it, or not JSON at all.
    for text in [
        "",
        "{",
        r#"{"type":"ugeblik:request-export","version":1"#,
        r#"{"type":"ugeblik:request-export","version":1} junk"#,
        r#"{"type":"ugeblik:request-export","version":1}{}"#,
        "undefined",
        "<script>",
        "\u{0}",
    ] {
        assert!(matches!(refused(text), ProtocolError::NotJson(_) | ProtocolError::Refused(_)), "{text:?}");
    }
    // Huge: refused before it is read, whatever it holds.
    let huge = format!(r#"{{"type":"{}","version":1}}"#, "ugeblik:request-export".repeat(10_000));
    assert_eq!(refused(&huge), ProtocolError::TooLarge(huge.len()));
    let padded = format!(r#"{{"type":"ugeblik:request-height","version":1,"pad":"{}"}}"#, "x".repeat(MAX_MESSAGE));
    assert!(matches!(refused(&padded), ProtocolError::TooLarge(_)));
    let deep = format!("{}{}", "[".repeat(2000), "]".repeat(2000));
    assert!(matches!(refused(&deep), ProtocolError::NotJson(_) | ProtocolError::Refused(_)), "nested too deep");
    // Nested deep in a field of the portal's own, which the codec skips: refused before it
    // is read (skipping is recursive, and would overflow the stack).
    let deep =
        format!(r#"{{"type":"ugeblik:request-height","version":1,"x":{}{}}}"#, "[".repeat(30_000), "]".repeat(30_000));
    assert!(matches!(refused(&deep), ProtocolError::NotJson(_)), "nested too deep in a field");
}

#[test]
fn the_widgets_messages_are_refused_when_malformed_too() {
    for text in [
        r#"{"type":"ugeblik:height","version":1}"#,
        r#"{"type":"ugeblik:height","version":1,"height":-3}"#,
        r#"{"type":"ugeblik:height","version":2,"height":3}"#,
        r#"{"type":"ugeblik:ready","version":1,"lang":"xx"}"#,
        r#"{"type":"ugeblik:ready","version":1,"lang":"en","answers":[1]}"#,
        r#"{"type":"ugeblik:checkin-completed","version":1,"week":"2026-W99","instruments":[]}"#,
        r#"{"type":"ugeblik:export","version":1,"format":"other","json":"{}"}"#,
        r#"{"type":"ugeblik:request-export","version":1}"#,
    ] {
        assert!(serde_json::from_str::<ToPortal>(text).is_err(), "{text}");
    }
}

/// Cuts and splices the documented messages: whatever comes of it is read or refused,
/// never a panic, and what is read is one of the two requests.
#[test]
fn mangled_requests_never_panic() {
    let texts: Vec<String> = from_portal().into_iter().chain([]).map(|(_, t)| t.to_owned()).collect();
    let pieces = ["{", "}", "\"", ",", ":", "1", "[", "]", "\\u0000", "\"type\"", "\"version\"", "null", "é"];
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = |below: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % below as u64) as usize
    };
    for case in 0..20_000 {
        let mut chars: Vec<char> = texts[case % texts.len()].chars().collect();
        for _ in 0..1 + next(3) {
            let at = next(chars.len() + 1);
            match next(3) {
                0 if at < chars.len() => {
                    chars.remove(at);
                }
                _ => {
                    let piece = pieces[next(pieces.len())];
                    chars.splice(at..at, piece.chars());
                }
            }
        }
        let text: String = chars.into_iter().collect();
        if let Ok(message) = FromPortal::decode(&text) {
            assert!(from_portal().iter().any(|(m, _)| *m == message), "{text}");
        }
    }
}
