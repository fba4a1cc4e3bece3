use leptos::prelude::*;

use crate::formats::stored::DecodeError;
use crate::i18n::Msg;
use crate::page::state::AppState;
use crate::page::steps;
use crate::platform::storage::Problem;

/// Plain messages: the demo's banner, settings in the address not understood, and about
/// the stored data: storage refused, values put aside, failed saves.
/// A live region, so a save that fails later is announced too. HTML ([`steps::notices`]).
#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    let html = move || {
        let lang = state.lang.get();
        // Settings in the address that were not understood: the defaults are used.
        let config = state
            .config
            .with_value(|c| c.errors.clone())
            .into_iter()
            .map(|(name, value)| (Msg::ConfigIgnored.fill(lang, &[("name", &name), ("value", &value)]), None));
        let lang_now = lang;
        let problems = state.problems.get().into_iter().map(|problem| {
            let (msg, detail) = match &problem {
                Problem::MemoryOnly => (Msg::MemoryOnly, None),
                Problem::Unreadable { reason: DecodeError::TooNew { .. }, key, .. } => (Msg::TooNew, Some(key.clone())),
                Problem::Unreadable { kept_as: Some(kept), .. } => (Msg::Unreadable, Some(kept.clone())),
                Problem::Unreadable { key, kept_as: None, .. } => (Msg::UnreadableNotKept, Some(key.clone())),
                Problem::SaveFailed { key, .. } => (Msg::SaveFailed, Some(key.clone())),
                Problem::LanguageUnavailable { lang } => {
                    return (Msg::LangFailed.fill(lang_now, &[("language", lang.endonym())]), None);
                }
            };
            let detail = detail
                .map(|key| Msg::ProblemDetail.fill(lang, &[("key", &key), ("reason", &problem_reason(&problem))]));
            (msg.get(lang).to_owned(), detail)
        });
        // The demo says so above everything: made-up answers, nothing kept.
        let demo = state.demo.then(|| Msg::DemoBanner.get(lang));
        steps::notices(demo, &config.chain(problems).collect::<Vec<_>>())
    };
    view! { <div class="ugb-notices" role="status" inner_html=html></div> }
}

fn problem_reason(problem: &Problem) -> String {
    match problem {
        Problem::MemoryOnly => String::new(),
        Problem::Unreadable { reason, .. } => reason.to_string(),
        Problem::SaveFailed { reason, .. } => reason.to_string(),
        Problem::LanguageUnavailable { .. } => String::new(),
    }
}
