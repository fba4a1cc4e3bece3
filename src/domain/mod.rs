//! The pure core: instruments, responses, ISO weeks, scoring, the history and the check-in
//! flow, and the stored formats. Nothing here knows of Leptos, the DOM, storage or the
//! clock: today's date, the time and the language are parameters.

pub mod checkin;
pub mod csv;
pub mod demo;
pub mod export;
pub mod fhir;
pub mod history;
pub mod ics;
pub mod import;
pub mod instrument;
pub mod json;
pub mod lang;
pub mod progression;
pub mod response;
pub mod safety;
pub mod sealed;
pub mod series;
pub mod stored;
pub mod week;
