//! Every format that crosses a boundary of the app, each with one definition: what the page
//! stores (stored, sealed), what the citizen exports and imports (export, import, csv, fhir,
//! the reminder's ics), the messages with a portal (portal) and the settings in the address
//! (config). Pure: they read and write text, and every reader treats its input as hostile
//! (an error value, never a panic).

pub mod config;
pub mod csv;
pub mod export;
pub mod fhir;
pub mod html;
pub mod ics;
pub mod import;
pub mod json;
pub mod portal;
pub mod safety;
pub mod sealed;
pub mod stored;
