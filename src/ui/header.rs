use leptos::prelude::*;

use super::state::{AppState, Screen};
use crate::domain::lang::Lang;
use crate::steps;

/// The app name, the language switch and the menu ([`steps::header`]): HTML rebuilt whole
/// when the language or the screen changes, and one listener for its buttons.
#[component]
pub fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let html = move || {
        let current = match state.screen.get() {
            Screen::Home | Screen::CheckIn | Screen::Saved => "home",
            Screen::Progress => "progress",
            Screen::Goals => "goals",
            Screen::History => "history",
            Screen::About => "about",
            Screen::Safety => "safety",
        };
        let current = Some(current).filter(|_| !state.viewer);
        let locked = state.locked.get();
        state.config.with_value(|c| steps::header(state.lang.get(), current, c.provider.as_deref(), locked))
    };
    let click = move |event: web_sys::MouseEvent| {
        use wasm_bindgen::JsCast;
        let button = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button").ok().flatten());
        let Some(button) = button else { return };
        if let Some(lang) = button.get_attribute("data-lang").as_deref().and_then(Lang::parse) {
            state.set_lang(lang);
        }
        match button.get_attribute("data-act").as_deref() {
            Some("exit") => return super::safety::quick_exit(),
            Some("lock") => return super::safety::lock_now(state),
            _ => {}
        }
        let screen = match button.get_attribute("data-screen").as_deref() {
            Some("home") => Screen::Home,
            Some("progress") => Screen::Progress,
            Some("goals") => Screen::Goals,
            Some("history") => Screen::History,
            Some("about") => Screen::About,
            Some("safety") => Screen::Safety,
            _ => return,
        };
        state.show(screen);
    };
    view! { <header class="ugb-header" inner_html=html on:click=click></header> }
}
