//! The first load: what a citizen needs to check in. The citizen's data and every operation
//! on it ([`model`], pure over the storage traits) and what the check-in's steps say
//! ([`steps`]) are host-tested; the rest are Leptos components that read the app state
//! from context and change it only through [`state::AppState`]'s methods. Every visible
//! text comes from `crate::i18n` or the instrument catalogue.

pub mod model;
pub mod steps;

#[cfg(target_arch = "wasm32")]
pub(crate) mod answers;
#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
pub(crate) mod button;
#[cfg(target_arch = "wasm32")]
mod check_in;
#[cfg(target_arch = "wasm32")]
mod deleted;
#[cfg(target_arch = "wasm32")]
pub(crate) mod embed;
#[cfg(target_arch = "wasm32")]
mod goal;
#[cfg(target_arch = "wasm32")]
mod header;
#[cfg(target_arch = "wasm32")]
mod home;
#[cfg(target_arch = "wasm32")]
mod language;
#[cfg(target_arch = "wasm32")]
mod language_switch;
#[cfg(target_arch = "wasm32")]
pub(crate) mod live;
#[cfg(target_arch = "wasm32")]
mod notices;
#[cfg(target_arch = "wasm32")]
mod portal;
#[cfg(target_arch = "wasm32")]
mod question;
#[cfg(target_arch = "wasm32")]
pub(crate) mod safety;
#[cfg(target_arch = "wasm32")]
mod saved;
#[cfg(target_arch = "wasm32")]
mod speech;
#[cfg(target_arch = "wasm32")]
pub(crate) mod state;
#[cfg(target_arch = "wasm32")]
pub(crate) mod tabs;
#[cfg(target_arch = "wasm32")]
mod unlock;
#[cfg(target_arch = "wasm32")]
mod work;

#[cfg(target_arch = "wasm32")]
pub use app::mount;
