use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::formats::stored::DecodeError;
use crate::i18n::Msg;
use crate::page::live::text;
use crate::page::state::AppState;
use crate::platform::storage::Problem;

/// Plain messages: the demo's banner, settings in the address not understood, and about
/// the stored data: storage refused, values put aside, failed saves. Each is a text and,
/// for whoever helps the citizen, a detail. A live region, so a save that fails later is
/// announced too.
#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let notices = move || {
        let lang = lang.get();
        // Settings in the address that were not understood: the defaults are used.
        let config = state
            .config
            .with_value(|c| c.errors.clone())
            .into_iter()
            .map(|(name, value)| (Msg::ConfigIgnored.fill(lang, &[("name", &name), ("value", &value)]), None));
        let problems = state.problems.get().into_iter().map(|problem| said(&problem, lang));
        config
            .chain(problems)
            .map(|(text, detail)| {
                let hidden = detail.is_none();
                view! {
                    <div class="ugb-notice">
                        <p>{text}</p>
                        <p class="ugb-notice__detail" hidden=hidden>{detail.unwrap_or_default()}</p>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <div class="ugb-notices" role="status">
            // The demo says so above everything: made-up answers, nothing kept.
            {state.demo.then(|| view! { <p class="ugb-demo">{text(lang, Msg::DemoBanner)}</p> })}
            {notices}
        </div>
    }
}

/// What a problem says, and its detail (the key and the reason) where it has one.
fn said(problem: &Problem, lang: Lang) -> (String, Option<String>) {
    let (msg, key, reason) = match problem {
        Problem::MemoryOnly => (Msg::MemoryOnly, None, String::new()),
        Problem::Unreadable { reason: reason @ DecodeError::TooNew { .. }, key, .. } => {
            (Msg::TooNew, Some(key), reason.to_string())
        }
        Problem::Unreadable { kept_as: Some(kept), reason, .. } => (Msg::Unreadable, Some(kept), reason.to_string()),
        Problem::Unreadable { key, kept_as: None, reason } => (Msg::UnreadableNotKept, Some(key), reason.to_string()),
        Problem::SaveFailed { key, reason } => (Msg::SaveFailed, Some(key), reason.to_string()),
        Problem::LanguageUnavailable { lang: missing } => {
            return (Msg::LangFailed.fill(lang, &[("language", missing.endonym())]), None);
        }
    };
    let detail = key.map(|key| Msg::ProblemDetail.fill(lang, &[("key", key), ("reason", &reason)]));
    (msg.get(lang).to_owned(), detail)
}
