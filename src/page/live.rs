//! Texts and attributes of views that follow the app's state: closures, as in every
//! Leptos view, but boxed, so that every changing text is one type ([`Text`]) and every
//! changing attribute another ([`Attr`]). Each type of changing value in a view is code
//! the first load carries: one closure type per text costs about 0.7 KB gzipped, and
//! `Signal<T>` (which can hold any kind of signal) 1 KB more per type than a boxed
//! closure (measured).

use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::i18n::Msg;

/// A text that follows the state.
pub type Text = Box<dyn Fn() -> String + Send + Sync>;

/// An attribute that follows the state: set to the value given, or absent (`None`).
pub type Attr = Box<dyn Fn() -> Option<&'static str> + Send + Sync>;

/// `msg` in the language `lang` holds: set again when the language changes.
pub fn text(lang: RwSignal<Lang>, msg: Msg) -> Text {
    Box::new(move || msg.get(lang.get()).to_owned())
}

/// A text made from the state (a week's label, a count, a message with values in it).
pub fn live(text: impl Fn() -> String + Send + Sync + 'static) -> Text {
    Box::new(text)
}

/// `msg` in the language `lang` holds, as an attribute (`aria-label`).
pub fn label(lang: RwSignal<Lang>, msg: Msg) -> Attr {
    Box::new(move || Some(msg.get(lang.get())))
}

/// An attribute with `value` while `when` holds, and without it otherwise (`hidden`,
/// `aria-current`, `aria-invalid`).
pub fn set_if(value: &'static str, when: impl Fn() -> bool + Send + Sync + 'static) -> Attr {
    Box::new(move || when().then_some(value))
}

/// `aria-pressed` of a toggle button: "true" or "false", never absent.
pub fn pressed(when: impl Fn() -> bool + Send + Sync + 'static) -> Attr {
    Box::new(move || Some(if when() { "true" } else { "false" }))
}

/// `<html lang dir>` and the widget's root follow `lang`: one effect, for the app and for
/// the lock screen before it.
pub fn follow_lang(lang: RwSignal<Lang>) {
    Effect::new(move |_| crate::platform::browser::set_document_lang(lang.get()));
}
