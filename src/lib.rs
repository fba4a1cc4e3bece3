//! Ugeblik: a weekly self-assessment that runs entirely in the browser.
//!
//! See `ARCHITECTURE.md` for the map of the code, `DESIGN.md` for its invariants.

pub mod chart;
pub mod domain;
pub mod formats;
pub mod i18n;
pub mod page;
pub mod platform;
pub mod session;
