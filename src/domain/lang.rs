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
    /// Arabic, written right to left. Its texts come in a language pack ([`crate::i18n::pack`]).
    Ar,
    /// Ukrainian. Its texts come in a language pack.
    Uk,
}

impl Lang {
    /// Every language, in the order the language switcher shows them.
    pub const ALL: [Lang; 4] = [Lang::Da, Lang::En, Lang::Ar, Lang::Uk];

    /// The BCP 47 code, as used in `<html lang>` and `?lang=`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Uk => "uk",
        }
    }

    /// The writing direction, for `dir` on the widget's root.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// Whether the app's texts are in the first load: Danish only. The other languages'
    /// texts are a language pack, fetched when the language is chosen
    /// (`static/lang/<code>.json`).
    pub fn built_in(self) -> bool {
        self == Lang::Da
    }

    /// Whether the instruments were written in this language: the catalogue holds their
    /// Danish and English originals (`domain/instrument.rs`); other languages' versions are
    /// translations in the language packs.
    pub fn in_catalogue(self) -> bool {
        matches!(self, Lang::Da | Lang::En)
    }

    /// Whether the WHO-5 has an official version in this language. Where it has none, the
    /// citizen answers it in one that has (see [`crate::domain::instrument::Instrument`]).
    pub fn has_official_who5(self) -> bool {
        matches!(self, Lang::Da | Lang::En)
    }

    /// The language's own name for itself, shown in the switcher whatever the current language.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Da => "Dansk",
            Lang::En => "English",
            Lang::Ar => "العربية",
            Lang::Uk => "Українська",
        }
    }

    /// Reads a language code such as `da`, `EN` or `en-GB`; `None` for anything else.
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }
}

/// A fixed text of an instrument, in Danish and English, and the key of its translation in
/// the language packs. A text without a key is never translated (the WHO-5's own wording):
/// in another language it is shown in English. A text in the language shown is
/// `Text::get`, defined with the language packs in `crate::i18n::pack`: the domain reads no
/// pack.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Text {
    #[serde(skip)]
    pub key: &'static str,
    pub da: &'static str,
    pub en: &'static str,
}

impl Text {
    /// A text that is never translated.
    pub const fn new(da: &'static str, en: &'static str) -> Text {
        Text { key: "", da, en }
    }

    /// A text that the language packs translate under `key`.
    pub const fn keyed(key: &'static str, da: &'static str, en: &'static str) -> Text {
        Text { key, da, en }
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
        check("ar-SY", Some(Lang::Ar));
        check("UK", Some(Lang::Uk));
        check("de", None);
        check("", None);
        check("<script>", None);
    }
}
