//! The session screens: progress, past weeks with export and import, goals and milestones,
//! lock and delete, about, and the consultant's viewer. Never in the first load: they are a
//! part of the page fetched the first time one opens (Leptos's code splitting, the split
//! point in [`screen`], scripts/split.mjs); goals, past weeks, lock and delete and the
//! viewer are parts of their own within it. Every screen is a Leptos component (`about`,
//! `safety`, `goals_screen`, `progress_screen` with its figures in `progress`,
//! `past_weeks`, `viewer`), with what they show and do made in pure, host-tested modules
//! ([`figures`], [`goals`], [`trends`]). What needs a file is done by the worker
//! (`src/bin/charts.rs`, with [`files`]), in the messages of [`protocol`].

pub mod figures;
pub mod files;
pub mod goals;
pub mod perspectives;
pub mod protocol;

pub mod trends;

#[cfg(target_arch = "wasm32")]
pub(crate) mod about;
#[cfg(target_arch = "wasm32")]
pub(crate) mod caseload;
#[cfg(target_arch = "wasm32")]
pub(crate) mod goals_screen;
#[cfg(target_arch = "wasm32")]
pub(crate) mod others;
#[cfg(target_arch = "wasm32")]
pub(crate) mod past_weeks;
#[cfg(target_arch = "wasm32")]
pub(crate) mod presentation;
#[cfg(target_arch = "wasm32")]
pub(crate) mod progress;
#[cfg(target_arch = "wasm32")]
pub(crate) mod progress_screen;
#[cfg(target_arch = "wasm32")]
pub(crate) mod rater;
#[cfg(target_arch = "wasm32")]
pub(crate) mod readings;
#[cfg(target_arch = "wasm32")]
pub(crate) mod report_view;
#[cfg(target_arch = "wasm32")]
pub(crate) mod safety;
#[cfg(target_arch = "wasm32")]
pub(crate) mod screen;
#[cfg(target_arch = "wasm32")]
pub(crate) mod viewer;
#[cfg(target_arch = "wasm32")]
pub(crate) mod worker;
