//! The pure core: the instruments, responses and their scoring, ISO weeks, the history and
//! the check-in flow, goals and the week's work, the series the charts show. Nothing here
//! knows of Leptos, the DOM, storage, the clock or the language packs: today's date, the
//! time and the language are parameters (scripts/test.sh checks it).

pub mod caseload;
pub mod checkin;
pub mod demo;
pub mod history;
pub mod instrument;
pub mod keyed;
pub mod lang;
pub mod progression;
pub mod rater;
pub mod report;
pub mod response;
pub mod series;
pub mod week;
