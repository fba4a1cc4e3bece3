//! The session screens: progress, past weeks with export and import, goals and milestones,
//! lock and delete, about, and the consultant's viewer. Never in the first load: the chart
//! worker (`src/bin/charts.rs`) draws them as HTML (render, goals, privacy; pure and
//! host-tested), and the page's side of them ([`screen`], [`progress`]) is a part of the
//! page fetched the first time one opens (Leptos's code splitting, scripts/split.mjs).

pub mod goals;
pub mod privacy;
pub mod protocol;
pub mod render;

#[cfg(target_arch = "wasm32")]
pub(crate) mod about;
#[cfg(target_arch = "wasm32")]
pub(crate) mod progress;
#[cfg(target_arch = "wasm32")]
pub(crate) mod safety;
#[cfg(target_arch = "wasm32")]
pub(crate) mod screen;
