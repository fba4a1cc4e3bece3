//! The user interface: Leptos components, one per file, that read the app state from
//! context and change it only through [`state::AppState`]'s methods. Every visible text
//! comes from `crate::i18n` or the instrument catalogue.

mod app;
mod browser;
mod button;
mod check_in;
mod deleted;
mod embed;
mod header;
mod history;
mod home;
mod language;
mod language_switch;
mod live;
mod notices;
mod progress;
mod safety;
mod saved;
mod speech;
mod state;
mod tabs;
mod unlock;

pub use app::mount;
