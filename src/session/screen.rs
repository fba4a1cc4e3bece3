use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::i18n::Msg;
use crate::page::state::{AppState, Screen};
use crate::session::progress::results;
use crate::session::protocol::Page;

/// A screen the chart worker draws, so that the first load does not carry it: progress
/// (charts fitted to the width there is), past weeks with export, import and the
/// reminder, goals and milestones for a session with the consultant, and what Ugeblik is.
///
/// Its code, and all that only it reaches, is fetched the first time a drawn screen opens
/// (Leptos's code splitting, the split point `#[lazy]` makes, built by scripts/split.mjs):
/// 20.6 KB less of the first load. `fallible`: a part that cannot be fetched (offline,
/// before the service worker kept it) is an error to show, not a panic.
#[leptos::wasm_split::wasm_split(ugeblik_drawn_screen, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn drawn_screen(screen: Screen) -> Result<AnyView, SplitLoaderError> {
    let (title, page) = match screen {
        Screen::Progress => (Msg::ProgressTitle, Page::Progress),
        Screen::Goals => (Msg::GoalsTitle, Page::Goals),
        Screen::About => (Msg::AboutTitle, Page::About),
        Screen::Safety => (Msg::NavSafety, Page::Safety),
        _ => (Msg::HistoryTitle, Page::History),
    };
    let width = (screen == Screen::Progress).then(crate::session::progress::fitted_width);
    Ok(drawing(title, page, width).into_any())
}

/// A screen whose content the worker draws: its heading, then the drawing, fitted to
/// `width` where the drawing depends on it (the charts). One function for all of them:
/// each distinct view is code the first load carries.
fn drawing(title: Msg, page: Page, width: Option<RwSignal<u32>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let class = if width.is_some() { "ugb-screen ugb-trends" } else { "ugb-screen" };
    move || {
        let lang = state.lang.get();
        view! {
            <section class=class aria-labelledby="ugb-drawn-title">
                <h2 id="ugb-drawn-title" tabindex="-1">{title.get(lang)}</h2>
                {results(state, lang, width, page)}
            </section>
        }
    }
}
