use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::i18n::Msg;
use crate::page::button::Button;
use crate::page::live::{label, live, pressed};

/// One button per language the app speaks, each named in its own language (and marked
/// with it), the one shown pressed. In the header, and on the lock screen before the app
/// opens; `choose` is called with the language pressed.
#[component]
pub fn LanguageSwitch(lang: RwSignal<Lang>, #[prop(into)] choose: Callback<Lang>) -> impl IntoView {
    let buttons = Lang::ALL.map(|option| {
        view! {
            <Button
                lang=option.code()
                pressed=pressed(move || lang.get() == option)
                text=live(move || option.endonym().to_owned())
                on_click=move || choose.run(option)
            />
        }
    });
    view! {
        <div class="ugb-lang" role="group" aria-label=label(lang, Msg::LanguageGroup)>
            {buttons}
        </div>
    }
}
