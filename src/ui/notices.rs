use leptos::prelude::*;

use super::state::AppState;
use crate::domain::stored::DecodeError;
use crate::i18n::Msg;
use crate::storage::Problem;

/// Plain messages about the stored data: storage refused, values put aside, failed saves.
/// A live region, so a save that fails later is announced too.
#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="ugb-notices" role="status">
            {move || {
                let lang = state.lang.get();
                state
                    .problems
                    .get()
                    .into_iter()
                    .map(|problem| {
                        let (msg, detail) = match &problem {
                            Problem::MemoryOnly => (Msg::MemoryOnly, None),
                            Problem::Unreadable { reason: DecodeError::TooNew { .. }, kept_as: Some(kept), .. } => {
                                (Msg::TooNew, Some((kept.clone(), problem_reason(&problem))))
                            }
                            Problem::Unreadable { kept_as: Some(kept), .. } => {
                                (Msg::Unreadable, Some((kept.clone(), problem_reason(&problem))))
                            }
                            Problem::Unreadable { key, kept_as: None, .. } => {
                                (Msg::UnreadableNotKept, Some((key.clone(), problem_reason(&problem))))
                            }
                            Problem::SaveFailed { key, .. } => (Msg::SaveFailed, Some((key.clone(), problem_reason(&problem)))),
                        };
                        view! {
                            <div class="ugb-notice">
                                <p>{msg.get(lang)}</p>
                                {detail
                                    .map(|(key, reason)| {
                                        view! {
                                            <p class="ugb-notice__detail">
                                                {Msg::ProblemDetail.fill(lang, &[("key", &key), ("reason", &reason)])}
                                            </p>
                                        }
                                    })}
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

fn problem_reason(problem: &Problem) -> String {
    match problem {
        Problem::MemoryOnly => String::new(),
        Problem::Unreadable { reason, .. } => reason.to_string(),
        Problem::SaveFailed { reason, .. } => reason.to_string(),
    }
}
