//! The messages between the widget and a portal that embeds it in an iframe: protocol
//! version 1, documented in the README ("Embedding in a portal"). Pure: the UI
//! (`page::embed`) posts what these functions write and asks [`host_message`] what a
//! message received means.
//!
//! Every message is a plain object with `type` (`ugeblik:…`) and `version`. The widget
//! posts only to the origins the address names (`?parentOrigin=`), never to `"*"`, and
//! heeds only messages from those origins, from its parent window.

use crate::domain::lang::Lang;
use crate::domain::week::IsoWeek;
use crate::formats::json::{key, number, string};

/// The protocol's version, in every message.
pub const VERSION: u64 = 1;

fn message(kind: &str, fields: impl FnOnce(&mut String)) -> String {
    let mut out = String::from("{");
    key(&mut out, "type");
    string(&mut out, kind);
    key(&mut out, "version");
    number(&mut out, VERSION);
    fields(&mut out);
    out.push('}');
    out
}

/// `ugeblik:ready`: the widget runs and listens; `lang` is the language it shows.
pub fn ready(lang: Lang) -> String {
    message("ugeblik:ready", |out| {
        key(out, "lang");
        string(out, lang.code());
    })
}

/// `ugeblik:height`: the height the widget's content needs, in CSS pixels, so the host
/// can size the iframe without scrollbars. Sent whenever it changes.
pub fn height(pixels: u32) -> String {
    message("ugeblik:height", |out| {
        key(out, "height");
        number(out, pixels.into());
    })
}

/// `ugeblik:checkin-completed`: a check-in was saved. Only the week, which instruments
/// were answered and the WHO-5 percentage (when all five WHO-5 items were answered):
/// never the answers, notes, goals or work.
pub fn completed(week: IsoWeek, instruments: &[&str], who5_percent: Option<u8>) -> String {
    message("ugeblik:checkin-completed", |out| {
        key(out, "week");
        string(out, &week.to_string());
        key(out, "instruments");
        out.push('[');
        for (i, id) in instruments.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            string(out, id);
        }
        out.push(']');
        if let Some(percent) = who5_percent {
            key(out, "who5Percent");
            number(out, percent.into());
        }
    })
}

/// `ugeblik:export`: the canonical export file (as its JSON text, byte for byte the file
/// a download gives), sent only after the citizen confirmed it in the widget.
pub fn export(file: &str) -> String {
    message("ugeblik:export", |out| {
        key(out, "format");
        string(out, "ugeblik-export");
        key(out, "json");
        string(out, file);
    })
}

/// What a host may ask of the widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostMessage {
    /// `ugeblik:request-export`: show the citizen the screen where they may send their
    /// answers to the portal. Nothing is sent unless they confirm.
    RequestExport,
    /// `ugeblik:request-height`: post `ugeblik:height` now.
    RequestHeight,
}

/// What a message from a trusted origin asks, from its `type` and `version`; `None` for
/// anything else (ignored).
pub fn host_message(kind: Option<&str>, version: Option<f64>) -> Option<HostMessage> {
    if version != Some(VERSION as f64) {
        return None;
    }
    match kind? {
        "ugeblik:request-export" => Some(HostMessage::RequestExport),
        "ugeblik:request-height" => Some(HostMessage::RequestHeight),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_have_their_type_and_version_and_nothing_more() {
        assert_eq!(ready(Lang::En), r#"{"type":"ugeblik:ready","version":1,"lang":"en"}"#);
        assert_eq!(height(812), r#"{"type":"ugeblik:height","version":1,"height":812}"#);
        let week: IsoWeek = "2026-W47".parse().unwrap();
        assert_eq!(
            completed(week, &["who5", "chime5"], Some(56)),
            r#"{"type":"ugeblik:checkin-completed","version":1,"week":"2026-W47","instruments":["who5","chime5"],"who5Percent":56}"#
        );
        assert_eq!(
            completed(week, &["jobready7"], None),
            r#"{"type":"ugeblik:checkin-completed","version":1,"week":"2026-W47","instruments":["jobready7"]}"#
        );
        assert_eq!(
            export("{\"format\":\"x\"}\n"),
            r#"{"type":"ugeblik:export","version":1,"format":"ugeblik-export","json":"{\"format\":\"x\"}\n"}"#
        );
    }

    #[test]
    fn only_known_requests_of_this_version_are_heeded() {
        assert_eq!(host_message(Some("ugeblik:request-export"), Some(1.0)), Some(HostMessage::RequestExport));
        assert_eq!(host_message(Some("ugeblik:request-height"), Some(1.0)), Some(HostMessage::RequestHeight));
        assert_eq!(host_message(Some("ugeblik:request-export"), Some(2.0)), None);
        assert_eq!(host_message(Some("ugeblik:request-export"), None), None);
        assert_eq!(host_message(Some("ugeblik:export"), Some(1.0)), None);
        assert_eq!(host_message(None, Some(1.0)), None);
        assert_eq!(host_message(Some("<script>"), Some(1.0)), None);
    }
}
