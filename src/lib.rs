//! Ugeblik: a weekly self-assessment that runs entirely in the browser.
//!
//! See `ARCHITECTURE.md` for the map of the code and its invariants.

pub mod chart;
pub mod chart_protocol;
pub mod config;
#[cfg(target_arch = "wasm32")]
pub mod crypto;
pub mod domain;
pub mod goals;
pub mod html;
pub mod i18n;
pub mod model;
pub mod privacy;
pub mod protocol;
pub mod render;
pub mod steps;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod ui;
