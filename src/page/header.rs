use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::i18n::Msg;
use crate::page::button::Button;
use crate::page::language_switch::LanguageSwitch;
use crate::page::live::{label, pressed, set_if, text};
use crate::page::state::{AppState, Screen};

/// The id of the app's name in the header: it names the widget's landmarks (banner and
/// main), so that in a portal's page they are told apart from the portal's own.
pub const BRAND: &str = "ugb-brand";

/// The menu's screens, in their order, with each item's text.
const MENU: [(Screen, Msg); 6] = [
    (Screen::Home, Msg::NavThisWeek),
    (Screen::Progress, Msg::NavProgress),
    (Screen::Goals, Msg::NavGoals),
    (Screen::History, Msg::NavHistory),
    (Screen::Safety, Msg::NavSafety),
    (Screen::About, Msg::NavAbout),
];

/// The header: quick exit and, with a passphrase set, "lock"; the app's name, the
/// provider's, the language switch; and the menu, the screen shown marked as the page.
/// The consultant's viewer has no menu: the citizen's screens (the check-in, goals, past
/// weeks) are not its.
#[component]
pub fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let provider = state.config.with_value(|c| c.provider.clone());
    view! {
        <header class="ugb-header">
            <div class="ugb-header__safety">
                <Button
                    text=text(lang, Msg::LockNow)
                    hidden=set_if("", move || !state.locked.get())
                    on_click=move || crate::page::safety::lock_now(state)
                />
                <Button class="ugb-exit" text=text(lang, Msg::QuickExit) on_click=crate::page::safety::quick_exit/>
            </div>
            <HeaderTop lang provider choose=move |chosen| state.set_lang(chosen)/>
            {(!state.viewer).then(|| view! { <Menu/> })}
        </header>
    }
}

/// The app's name, the provider's (from the portal that embeds the widget: text, never
/// markup) and the language switch: the top of the app's header and of the lock screen's.
#[component]
pub fn HeaderTop(
    lang: RwSignal<Lang>,
    provider: Option<String>,
    #[prop(into)] choose: Callback<Lang>,
) -> impl IntoView {
    view! {
        <div class="ugb-header__top">
            <div>
                <h1 class="ugb-brand" id=BRAND>{text(lang, Msg::AppName)}</h1>
                {provider.map(|provider| view! { <p class="ugb-provider" dir="auto">{provider}</p> })}
            </div>
            <LanguageSwitch lang choose/>
        </div>
    }
}

/// The main menu: one button per screen, the one shown (or, for the check-in and its
/// thank-you, "this week") marked as the current page. On a phone it is a tab bar fixed at
/// the bottom of the screen (style/main.css): the first four screens and "More",
/// which opens the rest above the bar (closed again by a choice, or by "More"); on a
/// wider screen one row of every screen, and no "More". The items never
/// move: every screen has the same menu, and the one shown is marked without changing
/// any item's size.
#[component]
fn Menu() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let open = RwSignal::new(false);
    let current = move || match state.screen.get() {
        Screen::CheckIn | Screen::Saved => Screen::Home,
        screen => screen,
    };
    let [a, b, c, d, e, f] = MENU.map(|(screen, msg)| {
        view! {
            <li>
                <Button
                    class="ugb-nav__item"
                    current=set_if("page", move || current() == screen)
                    text=text(lang, msg)
                    on_click=move || {
                        open.set(false);
                        state.show(screen);
                    }
                />
            </li>
        }
    });
    view! {
        <nav class="ugb-nav" aria-label=label(lang, Msg::MainNav)>
            <ul class="ugb-nav__bar">
                {a}
                {b}
                {c}
                {d}
                <li class="ugb-nav__more">
                    <Button
                        class="ugb-nav__item"
                        expanded=pressed(move || open.get())
                        text=text(lang, Msg::NavMore)
                        on_click=move || open.update(|o| *o = !*o)
                    />
                </li>
            </ul>
            <ul class="ugb-nav__rest" data-open=set_if("", move || open.get())>
                {e}
                {f}
            </ul>
        </nav>
    }
}
