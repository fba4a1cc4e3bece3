//! Languages the app speaks, and texts that exist in each of them.

use serde::{Deserialize, Serialize};

/// A language of the user interface and of the instrument texts.
///
/// Danish comes first: it is the default for a citizen who has chosen nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    /// Every language, in the order the language switcher shows them.
    pub const ALL: [Lang; 2] = [Lang::Da, Lang::En];

    /// The BCP 47 code, as used in `<html lang>` and `?lang=`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// The language's own name for itself, shown in the switcher whatever the current language.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Da => "Dansk",
            Lang::En => "English",
        }
    }

    /// Reads a language code such as `da`, `EN` or `en-GB`; `None` for anything else.
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }
}

/// A fixed text in every language the app ships. A missing language cannot compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Text {
    pub da: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn new(da: &'static str, en: &'static str) -> Text {
        Text { da, en }
    }

    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Da => self.da,
            Lang::En => self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(code: &str, expected: Option<Lang>) {
        assert_eq!(Lang::parse(code), expected, "code {code:?}");
    }

    #[test]
    fn parses_language_codes() {
        check("da", Some(Lang::Da));
        check("en", Some(Lang::En));
        check("EN", Some(Lang::En));
        check("en-GB", Some(Lang::En));
        check("da_DK", Some(Lang::Da));
        check(" da ", Some(Lang::Da));
        check("de", None);
        check("", None);
        check("<script>", None);
    }
}
