use leptos::prelude::*;

use crate::page::live::{Attr, Text};

/// A button that does one thing when pressed: its text (which follows the language) and
/// what pressing it does, typed. One component for the page's plain buttons: each distinct
/// view is code the first load carries.
#[component]
pub fn Button(
    /// `ugb-primary`, `ugb-secondary`, `ugb-danger`, `ugb-exit`, or none.
    #[prop(default = "")]
    class: &'static str,
    text: Text,
    #[prop(into)] on_click: Callback<()>,
    /// Hidden while this says so (see [`crate::page::live::set_if`]).
    #[prop(optional)]
    hidden: Option<Attr>,
    /// A toggle: pressed while this says "true" (see [`crate::page::live::pressed`]).
    #[prop(optional)]
    pressed: Option<Attr>,
    /// A disclosure: "true" while what it shows is open (see [`crate::page::live::pressed`]).
    #[prop(optional)]
    expanded: Option<Attr>,
    /// In a menu: "page" while its screen is shown.
    #[prop(optional)]
    current: Option<Attr>,
    /// The language of its text, where that is not the page's.
    #[prop(optional)]
    lang: Option<&'static str>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class=class
            lang=lang
            hidden=hidden
            aria-pressed=pressed
            aria-expanded=expanded
            aria-current=current
            on:click=move |_| on_click.run(())
        >
            {text}
        </button>
    }
}
