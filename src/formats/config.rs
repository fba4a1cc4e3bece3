//! Settings that come from the page address (`?lang=en&provider=…`), set by a portal that
//! embeds the widget or by the element (`embed.js`) from its attributes. Pure: the UI
//! passes in `location.search`. Every value is assumed hostile: a value that is not
//! understood is reported (shown to the citizen, translated) and the default is used.

use crate::domain::instrument::{CHIME_ID, JOB_ID, WHO5_ID};
use crate::domain::lang::Lang;

/// The widget's configuration, read from the address.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub lang: Option<Lang>,
    /// The instruments a check-in asks (`?instruments=who5,chime5`), in the app's order;
    /// `None`: all of them.
    pub instruments: Option<Vec<&'static str>>,
    /// WHO-5 every second week (`?who5=fortnightly`) instead of every week.
    pub who5_fortnightly: bool,
    /// The provider's name (`?provider=`), shown as text.
    pub provider: Option<String>,
    /// The host pages allowed to talk with the widget (`?parentOrigin=`), as origins.
    pub parent_origins: Vec<String>,
    /// The theme: `(custom property, value)`, each value checked (`?theme-accent=#0b5cad`).
    pub theme: Vec<(&'static str, String)>,
    pub demo: bool,
    pub viewer: bool,
    /// The settings not understood: `(name, value)` as given (decoded), defaults used.
    pub errors: Vec<(String, String)>,
}

/// The theme's documented custom properties: the address's name and how it is checked.
pub const THEME: [(&str, &str, Kind); 8] = [
    ("theme-accent", "--ugb-accent", Kind::Colour),
    ("theme-accent-text", "--ugb-accent-fg", Kind::Colour),
    ("theme-background", "--ugb-bg", Kind::Colour),
    ("theme-text", "--ugb-fg", Kind::Colour),
    ("theme-muted", "--ugb-muted", Kind::Colour),
    ("theme-font", "--ugb-font", Kind::Font),
    ("theme-radius", "--ugb-radius", Kind::Length),
    ("theme-spacing", "--ugb-gap", Kind::Length),
];

/// What a theme value must look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `#rgb` or `#rrggbb`.
    Colour,
    /// Font family names: letters, digits, spaces, commas, quotes and hyphens.
    Font,
    /// A length from 0 to 48 in `px`, or to 3 in `rem`/`em`.
    Length,
}

/// The longest provider name kept.
pub const PROVIDER_MAX: usize = 80;

impl Config {
    /// Reads the configuration from a query string such as `?lang=en&who5=fortnightly`.
    /// Unknown names are ignored (a portal may add its own); known names with a value
    /// that is not understood are listed in `errors`.
    pub fn from_query(search: &str) -> Config {
        let mut config = Config::default();
        for pair in search.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (name, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(raw);
            let understood = match name {
                "lang" => Lang::parse(&value).map(|lang| config.lang = Some(lang)).is_some(),
                "instruments" => instruments(&value).map(|ids| config.instruments = Some(ids)).is_some(),
                "who5" => match value.as_str() {
                    "weekly" => true,
                    "fortnightly" | "biweekly" => {
                        config.who5_fortnightly = true;
                        true
                    }
                    _ => false,
                },
                "provider" => provider(&value).map(|name| config.provider = Some(name)).is_some(),
                "parentOrigin" => {
                    let before = config.parent_origins.len();
                    let mut fine = true;
                    for given in value.split(',') {
                        match origin(given) {
                            Some(origin) => config.parent_origins.push(origin),
                            None => fine = false,
                        }
                    }
                    if !fine {
                        config.parent_origins.truncate(before);
                    }
                    fine
                }
                "demo" => flag(&value).map(|on| config.demo = on).is_some(),
                "viewer" => flag(&value).map(|on| config.viewer = on).is_some(),
                // A rater on their own device: like the viewer, nothing of its own is
                // stored; the role is read by the viewer's part ([`rater_role`]).
                "rater" => {
                    config.viewer = true;
                    true
                }
                // The consultant's caseload: like the viewer, nothing of a citizen's own is
                // read or stored in localStorage; the caseload's part reads the flag
                // ([`caseload`]).
                "caseload" => {
                    config.viewer = true;
                    true
                }
                _ => match THEME.iter().find(|(param, ..)| *param == name) {
                    Some(&(_, property, kind)) => {
                        theme_value(kind, &value).map(|v| config.theme.push((property, v))).is_some()
                    }
                    None => true,
                },
            };
            if !understood {
                config.errors.push((name.chars().take(40).collect(), value.chars().take(60).collect()));
            }
        }
        config.parent_origins.dedup();
        config
    }

    /// Whether a check-in asks the instrument `id`.
    pub fn asks(&self, id: &str) -> bool {
        self.instruments.as_ref().is_none_or(|ids| ids.contains(&id))
    }

    /// Whether `origin` (of a message received) is one of the host pages allowed.
    pub fn trusts(&self, origin: &str) -> bool {
        self.parent_origins.iter().any(|o| o == origin)
    }
}

/// The portals the app's host lists in `portals.json`, served beside the page: their
/// pages hear from the widget without asking the citizen. A page the list does not name
/// hears nothing unless the citizen agrees for its origin, and may ask only when `ask`
/// (`scripts/serve.mjs` builds the `frame-ancestors` header from the same file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Portals {
    pub origins: Vec<String>,
    pub ask: bool,
}

/// No list (none served, or none fetched): no portal is listed, and the citizen decides.
impl Default for Portals {
    fn default() -> Portals {
        Portals { origins: Vec::new(), ask: true }
    }
}

/// Reads `portals.json`: `{"origins": ["https://portal.example"], "askCitizen": true}`,
/// both optional. An entry that is not an origin (see [`origin`]) is left out; a file
/// that is not of this shape lists no portal and lets none ask: a mistake in it never
/// lets more through than the host meant.
pub fn portals(text: &str) -> Portals {
    let mut portals = Portals::default();
    let read = crate::formats::json::parse(text).map(|value| {
        value.fields("portals", &["origins", "askCitizen"], 0, |index, value| {
            if index == 1 {
                portals.ask = value.boolean("askCitizen")?;
            } else {
                for item in value.array("origins")? {
                    if let Some(origin) = origin(&item.string("origins")?) {
                        portals.origins.push(origin);
                    }
                }
            }
            Ok(())
        })
    });
    if read != Some(Ok(())) {
        portals = Portals { origins: Vec::new(), ask: false };
    }
    portals
}

/// An origin in plain words for the citizen: its host (and port), without the scheme.
pub fn host(origin: &str) -> &str {
    origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://")).unwrap_or(origin)
}

/// The language asked for with `?lang=`; `None` when absent or not one the app speaks.
pub fn lang_from_query(search: &str) -> Option<Lang> {
    Config::from_query(search).lang
}

fn flag(value: &str) -> Option<bool> {
    match value {
        "" | "1" | "true" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

/// A URL query value decoded: `+` is a space, `%XX` a byte; bad escapes stay as they are.
pub fn decode(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    // Not UTF-8: empty, which no setting accepts (so it is reported).
    String::from_utf8(out).unwrap_or_default()
}

/// `who5,chime5,jobready7` (any of them, in any order) as ids in the app's order.
fn instruments(value: &str) -> Option<Vec<&'static str>> {
    let given: Vec<&str> = value.split(',').map(str::trim).collect();
    let known = [WHO5_ID, CHIME_ID, JOB_ID];
    if given.iter().any(|id| !known.contains(id)) {
        return None;
    }
    let ids: Vec<&'static str> = known.into_iter().filter(|id| given.contains(id)).collect();
    (!ids.is_empty()).then_some(ids)
}

/// A provider's name: trimmed, no control characters, not empty, not too long.
fn provider(value: &str) -> Option<String> {
    let name = value.trim();
    let control = |c: char| c < ' ' || ('\u{7f}'..='\u{9f}').contains(&c);
    let fine = !name.is_empty() && name.chars().count() <= PROVIDER_MAX && !name.chars().any(control);
    fine.then(|| name.to_owned())
}

/// A web origin as a browser writes it (`https://portal.example`, `https://a.example:8443`):
/// https, or http on the phone itself (`localhost`, `127.0.0.1`, `[::1]`, for testing).
/// No path, user, query or wildcard: `*` and `null` are refused.
pub fn origin(value: &str) -> Option<String> {
    // Byte by byte: string searching would cost the first load kilobytes.
    let value = value.trim().to_ascii_lowercase();
    let (secure, rest) = match value.strip_prefix("https://") {
        Some(rest) => (true, rest),
        None => (false, value.strip_prefix("http://")?),
    };
    let bytes = rest.as_bytes();
    let colon = bytes.iter().rposition(|b| *b == b':').filter(|i| !bytes[*i..].contains(&b']'));
    let (host, port) = match colon {
        Some(i) => (&bytes[..i], Some(&bytes[i + 1..])),
        None => (bytes, None),
    };
    let host_fine = match host {
        [b'[', inner @ .., b']'] => !inner.is_empty() && inner.iter().all(|b| b.is_ascii_hexdigit() || *b == b':'),
        _ => {
            !host.is_empty()
                && host.split(|b| *b == b'.').all(|label| {
                    !label.is_empty()
                        && label.len() <= 63
                        && label[0] != b'-'
                        && label.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-')
                })
        }
    };
    let port_fine = port.is_none_or(|p| {
        let number = p.iter().try_fold(0u32, |n, b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')));
        !p.is_empty() && p.len() <= 5 && number.is_some_and(|n| (1..=65535).contains(&n))
    });
    let loopback = matches!(host, b"localhost" | b"127.0.0.1" | b"[::1]");
    (host_fine && port_fine && (secure || loopback)).then_some(value)
}

/// A theme value checked against what its property takes; `None` when it does not fit.
/// Only these shapes pass, so a value can never reach anything but its own property
/// (no `url(`, no `;`, no `}`).
pub fn theme_value(kind: Kind, value: &str) -> Option<String> {
    let value = value.trim();
    let fine = match kind {
        Kind::Colour => {
            let hex = value.strip_prefix('#').unwrap_or("");
            matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit())
        }
        Kind::Font => {
            let count = |quote: u8| value.bytes().filter(|b| *b == quote).count();
            !value.is_empty()
                && value.len() <= 120
                && value.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b' ' | b',' | b'\'' | b'"' | b'-'))
                && count(b'"').is_multiple_of(2)
                && count(b'\'').is_multiple_of(2)
        }
        Kind::Length => {
            // By hand, in hundredths: float parsing would cost the first load kilobytes.
            let (number, max) = if let Some(n) = value.strip_suffix("px") {
                (n, 4800)
            } else if let Some(n) = value.strip_suffix("rem").or_else(|| value.strip_suffix("em")) {
                (n, 300)
            } else {
                (value, if value == "0" { 0 } else { -1 })
            };
            let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
            let digits = |part: &str, most: usize| part.len() <= most && part.bytes().all(|b| b.is_ascii_digit());
            let hundredths = || {
                (whole.bytes().chain(fraction.bytes().chain(*b"00").take(2)))
                    .fold(0i32, |n, digit| n * 10 + i32::from(digit - b'0'))
            };
            !whole.is_empty() && digits(whole, 3) && digits(fraction, 2) && hundredths() <= max
        }
    };
    fine.then(|| value.to_owned())
}

/// The role an address opens the app for (`?rater=employer`): a rater on their own device
/// (`None` without `rater`). A role the app does not know, or the citizen's, is taken as a
/// consultant's, whose first screen lets them choose.
pub fn rater_role(search: &str) -> Option<crate::domain::rater::Role> {
    use crate::domain::rater::Role;
    let value = search.trim_start_matches('?').split('&').find_map(|pair| {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        (name == "rater").then(|| decode(value))
    })?;
    Some(Role::parse(&value).filter(|role| *role != Role::Citizen).unwrap_or(Role::Consultant))
}

/// Whether the address opens the consultant's caseload (`?caseload`).
pub fn caseload(search: &str) -> bool {
    search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair.split_once('=').map_or(pair, |(name, _)| name) == "caseload")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(search: &str, expected: Option<Lang>) {
        assert_eq!(lang_from_query(search), expected, "{search:?}");
    }

    #[test]
    fn language_from_the_address() {
        check("?lang=en", Some(Lang::En));
        check("?lang=da", Some(Lang::Da));
        check("?demo&lang=en", Some(Lang::En));
        check("?lang=xx", None);
        check("?lang=", None);
        check("?language=en", None);
        check("", None);
        check("?lang=%3Cscript%3E", None);
        assert_eq!(Config::from_query("?lang=xx").errors, [("lang".to_owned(), "xx".to_owned())]);
    }

    #[test]
    fn demo_from_the_address() {
        let on = |search: &str| Config::from_query(search);
        assert!(on("?demo").demo);
        assert!(on("?lang=en&demo=1").demo);
        assert!(!on("?demo=0").demo);
        assert!(!on("?demonstration").demo);
        assert!(!on("").demo);
        assert!(on("?viewer&lang=en").viewer);
        assert!(!on("?demo").viewer);
        assert!(on("?caseload").viewer);
        assert!(caseload("?lang=ar&caseload"));
        assert!(!caseload("?viewer&caseloads=1"));
    }

    #[test]
    fn instruments_and_the_who5_rhythm() {
        let config = Config::from_query("?instruments=jobready7,who5&who5=fortnightly");
        assert_eq!(config.instruments, Some(vec![WHO5_ID, JOB_ID]));
        assert!(config.who5_fortnightly && config.asks(WHO5_ID) && !config.asks(CHIME_ID));
        assert!(config.errors.is_empty());
        assert!(Config::from_query("").asks(CHIME_ID));
        assert!(!Config::from_query("?who5=weekly").who5_fortnightly);
        for bad in ["?instruments=", "?instruments=who5,phq9", "?instruments=%2C", "?who5=monthly", "?who5="] {
            let config = Config::from_query(bad);
            assert_eq!(config.errors.len(), 1, "{bad}");
            assert_eq!(config.instruments, None, "{bad}: the default is used");
            assert!(!config.who5_fortnightly, "{bad}");
        }
    }

    #[test]
    fn provider_names_are_text_of_a_sensible_length() {
        let config = Config::from_query("?provider=Jobcenter+Aarhus+%26+Co%C3%B8");
        assert_eq!(config.provider.as_deref(), Some("Jobcenter Aarhus & Coø"));
        // Markup is only text here; it is shown as text (never as HTML) on screen.
        let config = Config::from_query("?provider=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
        assert_eq!(config.provider.as_deref(), Some("<img src=x onerror=alert(1)>"));
        for bad in ["?provider=", "?provider=+++", "?provider=a%0Ab", &format!("?provider={}", "x".repeat(81))] {
            let config = Config::from_query(bad);
            assert_eq!((config.provider, config.errors.len()), (None, 1), "{bad}");
        }
    }

    #[test]
    fn only_real_origins_are_trusted() {
        let config =
            Config::from_query("?parentOrigin=https%3A%2F%2Fportal.example&parentOrigin=http://127.0.0.1:8081");
        assert_eq!(config.parent_origins, ["https://portal.example", "http://127.0.0.1:8081"]);
        assert!(config.trusts("https://portal.example") && config.trusts("http://127.0.0.1:8081"));
        assert!(!config.trusts("https://portal.example.evil") && !config.trusts("http://127.0.0.1:8082"));
        let both = Config::from_query("?parentOrigin=https://a.example,https://B.example:8443");
        assert_eq!(both.parent_origins, ["https://a.example", "https://b.example:8443"]);
        for bad in [
            "*",
            "null",
            "",
            "https://",
            "http://portal.example",
            "https://portal.example/",
            "https://portal.example/path",
            "https://user@portal.example",
            "https://portal.example:0",
            "https://portal.example:99999",
            "https://portal.example?x",
            "javascript:alert(1)",
            "https://por tal.example",
            "https://-x.example",
            "https://a.example,*",
        ] {
            let config = Config::from_query(&format!("?parentOrigin={bad}"));
            assert!(config.parent_origins.is_empty(), "{bad:?} was trusted");
            assert_eq!(config.errors.len(), 1, "{bad:?}");
        }
        assert_eq!(origin("http://[::1]:9000").as_deref(), Some("http://[::1]:9000"));
        assert_eq!(origin("https://[::1]").as_deref(), Some("https://[::1]"));
    }

    #[test]
    fn the_hosts_list_of_portals() {
        let listed = portals(
            r#"{"origins":["https://Portal.example","http://127.0.0.1:8081","*","https://x.example/path"],"askCitizen":false}"#,
        );
        assert_eq!(
            listed,
            Portals { origins: vec!["https://portal.example".into(), "http://127.0.0.1:8081".into()], ask: false }
        );
        assert_eq!(portals(r#"{"origins":[]}"#), Portals::default());
        assert_eq!(portals("{}"), Portals { origins: Vec::new(), ask: true });
        // Not of the shape: nothing listed, and no portal may ask.
        for bad in
            ["", "[]", "not json", r#"{"origins":"https://a.example"}"#, r#"{"askCitizen":"yes"}"#, r#"{"ask":true}"#]
        {
            assert_eq!(portals(bad), Portals { origins: Vec::new(), ask: false }, "{bad:?}");
        }
        assert_eq!(host("https://portal.example"), "portal.example");
        assert_eq!(host("http://127.0.0.1:8081"), "127.0.0.1:8081");
    }

    #[test]
    fn theme_values_fit_their_property_or_are_refused() {
        let config = Config::from_query("?theme-accent=%23005a30&theme-radius=4px&theme-font=Verdana,+sans-serif");
        assert_eq!(
            config.theme,
            [
                ("--ugb-accent", "#005a30".into()),
                ("--ugb-radius", "4px".into()),
                ("--ugb-font", "Verdana, sans-serif".into())
            ]
        );
        assert!(config.errors.is_empty());
        assert_eq!(theme_value(Kind::Length, "0").as_deref(), Some("0"));
        assert_eq!(theme_value(Kind::Length, "1.5rem").as_deref(), Some("1.5rem"));
        assert_eq!(theme_value(Kind::Colour, "#ABC").as_deref(), Some("#ABC"));
        for (kind, bad) in [
            (Kind::Colour, "red"),
            (Kind::Colour, "#12345"),
            (Kind::Colour, "#fff;background:url(https://x)"),
            (Kind::Font, "x;}body{display:none"),
            (Kind::Font, "url(https://evil.example/f.woff)"),
            (Kind::Font, "\"unclosed"),
            (Kind::Length, "4"),
            (Kind::Length, "100px"),
            (Kind::Length, "-1px"),
            (Kind::Length, "calc(1px)"),
            (Kind::Length, "1e3px"),
        ] {
            assert_eq!(theme_value(kind, bad), None, "{bad:?}");
        }
        let config = Config::from_query("?theme-accent=red&theme-spacing=9rem");
        assert!(config.theme.is_empty());
        assert_eq!(config.errors.len(), 2);
    }

    #[test]
    fn decoding_keeps_bad_escapes_and_bytes() {
        assert_eq!(decode("a+b%20c"), "a b c");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%C3%A6"), "æ");
        assert_eq!(decode("%FF"), "", "not UTF-8");
        assert_eq!(Config::from_query("?provider=%FF").errors.len(), 1);
    }

    #[test]
    fn unknown_names_are_left_to_the_host() {
        let config = Config::from_query("?utm_source=portal&x&lang=en");
        assert!(config.errors.is_empty());
        assert_eq!(config.lang, Some(Lang::En));
    }
}
