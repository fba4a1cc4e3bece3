//! Settings that come from the page address (`?lang=en`). Pure: the UI passes in
//! `location.search`.

use crate::domain::lang::Lang;

/// The value of `name` in a query string such as `?lang=en&x=1`, if present.
pub fn query_value(search: &str, name: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// The language asked for with `?lang=`; `None` when absent or not one the app speaks.
pub fn lang_from_query(search: &str) -> Option<Lang> {
    query_value(search, "lang").and_then(|code| Lang::parse(&code))
}

/// Whether the address asks for the demo history (`?demo`).
pub fn demo_from_query(search: &str) -> bool {
    flag(search, "demo")
}

/// Whether the address asks for the consultant's viewer (`?viewer`).
pub fn viewer_from_query(search: &str) -> bool {
    flag(search, "viewer")
}

fn flag(search: &str, name: &str) -> bool {
    query_value(search, name).is_some_and(|v| v.is_empty() || v == "1" || v == "true")
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
    }

    #[test]
    fn demo_from_the_address() {
        assert!(demo_from_query("?demo"));
        assert!(demo_from_query("?lang=en&demo=1"));
        assert!(!demo_from_query("?demo=0"));
        assert!(!demo_from_query("?demonstration"));
        assert!(!demo_from_query(""));
        assert!(viewer_from_query("?viewer&lang=en"));
        assert!(!viewer_from_query("?demo"));
    }
}
