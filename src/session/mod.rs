//! The session screens: progress, past weeks with export and import, goals and milestones,
//! lock and delete, about, and the consultant's viewer. Never in the first load: they are a
//! part of the page fetched the first time one opens (Leptos's code splitting, the split
//! point in [`screen`], scripts/split.mjs). About, lock and delete, goals and the progress
//! screen's choices are Leptos components (`about`, `safety`, `goals_screen`,
//! `progress_screen`; the goals' typed edits in [`goals`] and the choices in [`trends`],
//! pure and host-tested); the progress screen's figures, past weeks and the viewer are
//! still HTML written by [`render`] and [`privacy`] (pure, host-tested), placed by
//! `progress`, and the chart worker (`src/bin/charts.rs`) does what needs a file.

pub mod goals;
pub mod privacy;
pub mod protocol;
pub mod render;
pub mod trends;

#[cfg(target_arch = "wasm32")]
pub(crate) mod about;
#[cfg(target_arch = "wasm32")]
pub(crate) mod goals_screen;
#[cfg(target_arch = "wasm32")]
pub(crate) mod progress;
#[cfg(target_arch = "wasm32")]
pub(crate) mod progress_screen;
#[cfg(target_arch = "wasm32")]
pub(crate) mod safety;
#[cfg(target_arch = "wasm32")]
pub(crate) mod screen;
#[cfg(target_arch = "wasm32")]
pub(crate) mod viewer;
#[cfg(target_arch = "wasm32")]
pub(crate) mod worker;
