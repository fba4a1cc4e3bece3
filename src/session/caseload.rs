//! The consultant's caseload (`?caseload`): the citizens whose export files the consultant
//! added, one row each (`domain::caseload::Row`), sorted and filtered; a row opens that
//! citizen's progress read-only, as the viewer shows a file. Kept in IndexedDB, sealed
//! with the consultant's passphrase (`platform::caseload`), apart from anything the app
//! keeps for a citizen. The files are read by the worker, a few ahead, and opened one
//! after another, as the viewer's are (`ToWorker::OpenFiles`): their text never passes
//! through the page. In the consultant's part with the viewer (`session::viewer`), fetched
//! when either opens: a split point of its own cost the first load 0.4 KB and, by sharing
//! the progress screen's code with one more part, the progress screen's opening 0.8 KB
//! more.

use std::collections::VecDeque;

use leptos::html::Input;
use leptos::prelude::*;

use crate::domain::caseload::{same_citizen, sort, Case, Column, Filter, Hours, Row, Update as Change};
use crate::domain::history::History;
use crate::domain::lang::Lang;
use crate::domain::rater::Readings;
use crate::domain::report::{report, Report};
use crate::domain::week::IsoWeek;
use crate::formats::sealed::{check_new_passphrase, PassphraseError};
use crate::formats::stored::{decode_case, decode_history, decode_readings, encode_case, encode_case_of};
use crate::i18n::{week_label_with_year, CaseloadMsg, Msg};
use crate::page::state::AppState;
use crate::platform::browser;

use crate::session::progress::fitted_width;
use crate::session::progress_screen::trends;
use crate::session::protocol::{CaseloadAnswer, CaseloadError, CaseloadRequest, FromWorker, ToWorker};
use crate::session::screen::Shown;
use crate::session::worker::Worker;

const PASSPHRASE: &str = "ugb-caseload-passphrase";
const REPEAT: &str = "ugb-caseload-repeat";
const FILES: &str = "ugb-caseload-files";
const FOLDER: &str = "ugb-caseload-folder";
const OPENED_TITLE: &str = "ugb-caseload-opened";
const CONFIRM: &str = "ugb-caseload-confirm";
/// The caseload's and the report's styles: fetched with its part, not with the citizen's
/// screens (`style/caseload.css`).
const STYLESHEET: &str = "./caseload.css";
const REPORT_FROM: &str = "ugb-report-from";
const REPORT_TO: &str = "ugb-report-to";

/// Where the caseload stands.
#[derive(Clone, Debug, PartialEq)]
enum Phase {
    /// The database is being opened.
    Opening,
    /// Its passphrase is asked for: a new one the first time (`new`).
    Ask { new: bool },
    /// Open: its citizens are shown.
    Open,
}

/// What the screen said last, said again in the language chosen.
#[derive(Clone, Debug, PartialEq)]
enum Told {
    Added(usize),
    Updated(String),
    Same(String),
    Removed(String),
    RemovedAll,
    Unreadable(usize),
    Wrong,
    Passphrase(PassphraseError),
    Damaged,
    Crypto,
    Storage(String),
}

impl Told {
    fn text(&self, lang: Lang) -> String {
        let n = |n: &usize| n.to_string();
        match self {
            Told::Added(count) => CaseloadMsg::CaseloadAdded.fill(lang, &[("n", &n(count))]),
            Told::Updated(name) => CaseloadMsg::CaseloadUpdated.fill(lang, &[("name", name)]),
            Told::Same(name) => CaseloadMsg::CaseloadUpdateSame.fill(lang, &[("name", name)]),
            Told::Removed(name) => CaseloadMsg::CaseloadRemoved.fill(lang, &[("name", name)]),
            Told::RemovedAll => CaseloadMsg::CaseloadRemovedAll.get(lang).to_owned(),
            Told::Unreadable(count) => CaseloadMsg::CaseloadUnreadable.fill(lang, &[("n", &n(count))]),
            Told::Wrong => CaseloadMsg::CaseloadWrong.get(lang).to_owned(),
            Told::Passphrase(PassphraseError::TooShort) => Msg::ErrPassphraseShort.get(lang).to_owned(),
            Told::Passphrase(PassphraseError::TooLong) => Msg::ErrPassphraseLong.get(lang).to_owned(),
            Told::Passphrase(PassphraseError::Different) => Msg::ErrPassphraseDifferent.get(lang).to_owned(),
            Told::Damaged => CaseloadMsg::CaseloadDamaged.get(lang).to_owned(),
            Told::Crypto => Msg::CryptoUnavailable.get(lang).to_owned(),
            Told::Storage(why) => CaseloadMsg::CaseloadStorageFailed.fill(lang, &[("why", why)]),
        }
    }

    /// Whether it is something wrong (an alert) rather than something done (a status).
    fn is_problem(&self) -> bool {
        !matches!(self, Told::Added(_) | Told::Updated(_) | Told::Same(_) | Told::Removed(_) | Told::RemovedAll)
    }

    /// What an answer that is not the one asked for says (`None`: nothing to say).
    fn failed(answer: CaseloadAnswer) -> Option<Told> {
        let CaseloadAnswer::Failed(error) = answer else { return Some(Told::Storage("?".into())) };
        Some(match error {
            CaseloadError::WrongPassphrase => Told::Wrong,
            CaseloadError::Damaged => Told::Damaged,
            CaseloadError::Crypto => Told::Crypto,
            CaseloadError::Locked => Told::Storage("locked".into()),
            CaseloadError::Storage(why) => Told::Storage(why),
        })
    }
}

/// Why a file was not added.
#[derive(Clone, Debug, PartialEq)]
enum Why {
    Locked,
    TooLarge,
    /// As the worker said it, in the language asked for.
    Said(String),
    Failed,
}

/// What a file chosen is read for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Purpose {
    /// To add to the caseload (or update a citizen there).
    Caseload,
    /// For the report alone: kept nowhere.
    Report,
}

/// Whom the report covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    Caseload,
    Files,
}

/// A newer file of a citizen already in the caseload, waiting for "update" or "keep".
#[derive(Clone, Debug, PartialEq)]
struct Pending {
    id: String,
    case: Case,
    update: Change,
}

/// What is asked once more before it is done.
#[derive(Clone, Debug, PartialEq)]
enum Confirm {
    Remove { id: String, name: String },
    Everything,
}

/// What to do with the caseload's answer to a request.
type Then = Box<dyn FnOnce(CaseloadAnswer)>;

/// The caseload's requests to the worker, which keeps it: each answer (by its ticket)
/// goes to what asked.
#[derive(Clone, Copy)]
struct Keeper {
    state: AppState,
    worker: Worker,
    /// The next ticket, and the requests not answered yet.
    waiting: StoredValue<(u32, Vec<(u32, Then)>), LocalStorage>,
}

impl Keeper {
    fn new(state: AppState, worker: Worker) -> Keeper {
        Keeper { state, worker, waiting: StoredValue::new_local((0, Vec::new())) }
    }

    /// Asks `request`; `then` has its answer. When the worker cannot be started, the
    /// worker's problem is said and `then` never runs.
    fn ask(self, request: CaseloadRequest, then: impl FnOnce(CaseloadAnswer) + 'static) {
        let ticket = self.waiting.with_value(|(next, _)| *next);
        self.waiting.update_value(|(next, waiting)| {
            *next = ticket.wrapping_add(1);
            waiting.push((ticket, Box::new(then)));
        });
        let lang = self.state.lang.get_untracked();
        if !self.worker.ask(lang, &ToWorker::Caseload { ticket, request }) {
            self.waiting.update_value(|(_, waiting)| waiting.retain(|(t, _)| *t != ticket));
        }
    }

    fn answered(self, ticket: u32, answer: CaseloadAnswer) {
        let then = self
            .waiting
            .try_update_value(|(_, w)| w.iter().position(|(t, _)| *t == ticket).map(|at| w.remove(at).1))
            .flatten();
        if let Some(then) = then {
            then(answer);
        }
    }
}

/// `text` in lower case by the browser's own Unicode rules ("Åse", "ÅSE" and "åse" alike):
/// what the caseload sorts and searches by. (`str::to_lowercase` would put its code and
/// tables in a chunk the progress screen fetches too: 0.3 KB over that budget.)
fn lower(text: &str) -> String {
    String::from(js_sys::JsString::from(text).to_lower_case())
}

/// A fresh id for a citizen: random, so that it says nothing of them.
fn new_id() -> Option<String> {
    let bytes = crate::platform::crypto::random_bytes(8).ok()?;
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// A citizen's name as shown: the nickname or case number, or that there is none.
fn shown_name(label: &str, lang: Lang) -> String {
    match label {
        "" => CaseloadMsg::CaseloadNoName.get(lang).to_owned(),
        label => label.to_owned(),
    }
}

/// The caseload's screen.
#[component]
pub fn Caseload() -> impl IntoView {
    let state = expect_context::<AppState>();
    let phase = RwSignal::new(Phase::Opening);
    let cases = RwSignal::new(Vec::<(String, Case)>::new());
    let told = RwSignal::new(None::<Told>);
    let refused = RwSignal::new(Vec::<(String, Why)>::new());
    let pending = RwSignal::new(Vec::<Pending>::new());
    let confirm = RwSignal::new(None::<Confirm>);
    let opened = RwSignal::new(None::<String>);
    let reading = RwSignal::new(0usize);
    let problem = RwSignal::new(None::<Msg>);
    let worker = Worker::new(state, problem);
    let keeper = Keeper::new(state, worker);
    // The files in the worker's hands, in the order asked; and the citizens new in this
    // batch, kept together when the last has been read: each with its id and the text to
    // keep, written as it arrives, while the worker reads the next file (written all at
    // the end, that was an eighth of adding 200 files).
    let queue = StoredValue::new_local(VecDeque::<(String, Purpose)>::new());
    let batch = StoredValue::new_local(Vec::<(String, Case, String)>::new());
    // The provider's report: over the caseload or over files chosen for it alone (read
    // like the caseload's, kept nowhere), for a period.
    let report_files = RwSignal::new(Vec::<(History, Readings)>::new());
    let report_batch = StoredValue::new_local(Vec::<(History, Readings)>::new());
    let source = RwSignal::new(Source::Caseload);
    let made = RwSignal::new(None::<Report>);

    keeper.ask(CaseloadRequest::Open, move |answer| match answer {
        CaseloadAnswer::Opened { new } => {
            phase.set(Phase::Ask { new });
            request_animation_frame(|| browser::focus_id(PASSPHRASE));
        }
        other => told.set(Told::failed(other)),
    });

    // Keeps the batch read: new citizens together, all or none; or gives the report its
    // files.
    let finish_batch = move || {
        reading.set(0);
        let for_report = report_batch.try_update_value(std::mem::take).unwrap_or_default();
        if !for_report.is_empty() {
            report_files.set(for_report);
            source.set(Source::Files);
            made.set(None);
        }
        let new = batch.try_update_value(std::mem::take).unwrap_or_default();
        if new.is_empty() {
            return;
        }
        let (new, stored): (Vec<_>, Vec<_>) =
            new.into_iter().map(|(id, case, text)| ((id.clone(), case), (id, text))).unzip();
        keeper.ask(CaseloadRequest::Keep { cases: stored }, move |answer| match answer {
            CaseloadAnswer::Done => {
                let count = new.len();
                cases.update(|cases| cases.extend(new));
                told.set(Some(Told::Added(count)));
            }
            other => told.set(Told::failed(other)),
        });
    };

    // A citizen's file read, with its history and readings as the worker wrote them in
    // their stored formats: a new row, or (a newer file of one already there) an update to
    // preview.
    let arrived = move |case: Case, history: &str, readings: &str| {
        let key = lower(&case.label);
        let known = cases.with_untracked(|cases| {
            cases
                .iter()
                .find(|(_, kept)| same_citizen(&lower(&kept.label), &kept.history, &key, &case.history))
                .map(|(id, kept)| (id.clone(), Change::between(&kept.history, &case.history)))
        });
        let in_batch = || {
            batch.with_value(|batch| {
                batch.iter().any(|(_, kept, _)| same_citizen(&lower(&kept.label), &kept.history, &key, &case.history))
            })
        };
        match known {
            Some((_, update)) if !update.changes() => told.set(Some(Told::Same(case.label.clone()))),
            Some((id, update)) => pending.update(|p| {
                p.retain(|p| p.id != id);
                p.push(Pending { id, case, update });
            }),
            // Twice in one batch: the first is kept.
            None if in_batch() => {}
            None => match new_id() {
                Some(id) => {
                    let text = encode_case_of(&case.label, history, readings);
                    batch.update_value(|batch| batch.push((id, case, text)));
                }
                None => told.set(Some(Told::Crypto)),
            },
        }
    };

    worker.on_answer(move |answer, _| {
        if let FromWorker::Caseload { ticket, answer } = answer {
            return keeper.answered(ticket, answer);
        }
        let Some((name, purpose)) = queue.try_update_value(|q| q.pop_front()).flatten() else { return };
        match answer {
            FromWorker::Opened { nickname, history, readings, .. } => {
                // Read again as stored data is, before it is kept.
                match decode_history(&history).and_then(|h| Ok((h, decode_readings(&readings)?))) {
                    Ok(file) if purpose == Purpose::Report => report_batch.update_value(|b| b.push(file)),
                    Ok((decoded, decoded_readings)) => arrived(
                        Case { label: nickname.unwrap_or_default(), history: decoded, readings: decoded_readings },
                        &history,
                        &readings,
                    ),
                    Err(_) => refused.update(|r| r.push((name, Why::Failed))),
                }
            }
            FromWorker::Locked { .. } => refused.update(|r| r.push((name, Why::Locked))),
            FromWorker::Refused(why) => refused.update(|r| r.push((name, Why::Said(why)))),
            _ => refused.update(|r| r.push((name, Why::Failed))),
        }
        reading.set(queue.with_value(VecDeque::len));
        if queue.with_value(VecDeque::is_empty) {
            finish_batch();
        }
    });

    // Files chosen (or a folder's): given to the worker together, and opened in turn.
    let add = move |input: NodeRef<Input>, purpose: Purpose, folder: bool| {
        let lang = state.lang.get_untracked();
        let Some(field) = input.get_untracked() else { return };
        let Some(files) = field.files() else { return };
        told.set(None);
        refused.set(Vec::new());
        let (given, mut names) = (js_sys::Array::new(), Vec::new());
        for index in 0..files.length() {
            let Some(file) = files.get(index) else { continue };
            let name = file.name();
            // A folder holds what else was exported (spreadsheets, calendar files): only
            // its JSON files are read.
            if folder && !name.to_ascii_lowercase().ends_with(".json") {
                continue;
            }
            if file.size() > crate::formats::import::MAX_IMPORT_BYTES as f64 {
                refused.update(|r| r.push((name, Why::TooLarge)));
                continue;
            }
            given.push(&file);
            names.push((name, purpose));
        }
        if given.length() > 0 && worker.ask_with(lang, &ToWorker::OpenFiles { lang }, Some(&given)) {
            queue.update_value(|q| q.extend(names));
        }
        field.set_value("");
        reading.set(queue.with_value(VecDeque::len));
    };

    let rows = Memo::new(move |_| {
        let now = state.week;
        cases.with(|cases| {
            cases
                .iter()
                .map(|(id, case)| Row::new(id, &case.label, &case.history, now).keyed(lower(&case.label)))
                .collect::<Vec<_>>()
        })
    });
    let order = RwSignal::new((Column::Label, true));
    let filter = RwSignal::new(Filter::default());
    let typed = RwSignal::new(String::new());
    let shown_rows = Memo::new(move |_| {
        let mut shown: Vec<Row> =
            rows.with(|rows| filter.with(|f| rows.iter().filter(|r| f.keeps(r)).cloned().collect()));
        let (column, ascending) = order.get();
        sort(&mut shown, column, ascending);
        shown
    });

    // The citizen opened read-only, as the viewer shows a file.
    let file = RwSignal::new(None::<History>);
    let file_readings = RwSignal::new(Readings::default());
    let shown = Shown::new(state, Some((file, file_readings)));
    let width = fitted_width();
    let open = move |id: String| {
        let case = cases.with_untracked(|cases| cases.iter().find(|(i, _)| *i == id).map(|(_, c)| c.clone()));
        let Some(case) = case else { return };
        file_readings.set(case.readings);
        file.set(Some(case.history));
        opened.set(Some(id));
        request_animation_frame(|| browser::focus_id(OPENED_TITLE));
    };
    let close = move || {
        let id = opened.get_untracked();
        opened.set(None);
        file.set(None);
        if let Some(id) = id {
            request_animation_frame(move || browser::focus_id(&format!("ugb-case-{id}")));
        }
    };

    let unlock = move |passphrase: String, repeat: Option<String>| {
        if let Some(repeat) = repeat {
            if let Err(error) = check_new_passphrase(&passphrase, &repeat) {
                told.set(Some(Told::Passphrase(error)));
                let at = if error == PassphraseError::Different { REPEAT } else { PASSPHRASE };
                browser::mark_invalid(at);
                return browser::focus_id(at);
            }
        }
        told.set(None);
        keeper.ask(CaseloadRequest::Unlock { passphrase }, move |answer| match answer {
            CaseloadAnswer::Loaded { cases: stored, unreadable } => {
                let mut opened = Vec::with_capacity(stored.len());
                let mut unreadable = unreadable as usize;
                for (id, text) in stored {
                    match decode_case(&text) {
                        Ok(case) => opened.push((id, case)),
                        Err(_) => unreadable += 1,
                    }
                }
                if unreadable > 0 {
                    told.set(Some(Told::Unreadable(unreadable)));
                }
                cases.set(opened);
                phase.set(Phase::Open);
                request_animation_frame(|| browser::focus_id("ugb-drawn-title"));
            }
            other => {
                told.set(Told::failed(other));
                browser::mark_invalid(PASSPHRASE);
                browser::focus_id(PASSPHRASE);
            }
        });
    };

    let update = move |id: String, take: bool| {
        let Some(chosen) = pending.with_untracked(|p| p.iter().find(|p| p.id == id).cloned()) else { return };
        pending.update(|p| p.retain(|p| p.id != id));
        if !take {
            return;
        }
        let stored = vec![(chosen.id.clone(), encode_case(&chosen.case))];
        keeper.ask(CaseloadRequest::Keep { cases: stored }, move |answer| match answer {
            CaseloadAnswer::Done => {
                let Pending { id, case, .. } = chosen;
                let label = case.label.clone();
                cases.update(|cases| match cases.iter_mut().find(|(i, _)| *i == id) {
                    Some(kept) => kept.1 = case,
                    None => cases.push((id, case)),
                });
                told.set(Some(Told::Updated(label)));
            }
            other => told.set(Told::failed(other)),
        });
    };

    let remove = move |confirmed: Confirm| {
        confirm.set(None);
        match confirmed {
            Confirm::Remove { id, name } => {
                keeper.ask(CaseloadRequest::Remove { id: id.clone() }, move |answer| match answer {
                    CaseloadAnswer::Done => {
                        cases.update(|cases| cases.retain(|(i, _)| *i != id));
                        told.set(Some(Told::Removed(name)));
                        browser::focus_id("ugb-drawn-title");
                    }
                    other => told.set(Told::failed(other)),
                })
            }
            Confirm::Everything => keeper.ask(CaseloadRequest::RemoveAll, move |answer| match answer {
                CaseloadAnswer::Done => {
                    cases.set(Vec::new());
                    pending.set(Vec::new());
                    told.set(Some(Told::RemovedAll));
                    phase.set(Phase::Ask { new: true });
                    request_animation_frame(|| browser::focus_id(PASSPHRASE));
                }
                other => told.set(Told::failed(other)),
            }),
        }
    };
    let ask_first = move |asked: Confirm| {
        confirm.set(Some(asked));
        request_animation_frame(|| browser::focus_id(CONFIRM));
    };

    move || {
        let lang = state.lang.get();
        crate::i18n::pack::install_chart(lang);
        crate::i18n::pack::install_caseload(lang);
        browser::ensure_stylesheet(crate::session::progress::STYLESHEET);
        browser::ensure_stylesheet(STYLESHEET);
        let said = move || {
            told.get().map(|t| match t.is_problem() {
                true => view! { <p class="ugb-notice" role="alert">{t.text(lang)}</p> }.into_any(),
                false => view! { <p class="ugb-done" role="status">{t.text(lang)}</p> }.into_any(),
            })
        };
        // "Remove the whole caseload", asked once more: also where the passphrase is asked
        // (a forgotten one: the consultant starts anew, with the citizens' files).
        let remove_all = move || {
            view! {
                {move || confirm.get().map(|asked| confirming(lang, asked, remove, move || confirm.set(None)))}
                <p>
                    <button type="button" class="ugb-secondary" on:click=move |_| ask_first(Confirm::Everything)>
                        {CaseloadMsg::CaseloadRemoveAll.get(lang)}
                    </button>
                </p>
            }
        };
        let body = move || match phase.get() {
            Phase::Opening => ().into_any(),
            Phase::Ask { new: true } => passphrase_form(lang, true, unlock).into_any(),
            Phase::Ask { new: false } => view! { {passphrase_form(lang, false, unlock)} {remove_all()} }.into_any(),
            Phase::Open if opened.get().is_some() => {
                let name = opened
                    .get()
                    .and_then(|id| cases.with(|c| c.iter().find(|(i, _)| *i == id).map(|(_, c)| c.label.clone())))
                    .unwrap_or_default();
                view! {
                    <section class="ugb-caseload__opened" aria-labelledby=OPENED_TITLE>
                        <h3 id=OPENED_TITLE tabindex="-1">
                            {CaseloadMsg::CaseloadReadOnly.fill(lang, &[("name", &shown_name(&name, lang))])}
                        </h3>
                        <button type="button" class="ugb-secondary" on:click=move |_| close()>
                            {CaseloadMsg::CaseloadBack.get(lang)}
                        </button>
                        {trends(lang, shown, width)}
                    </section>
                }
                .into_any()
            }
            Phase::Open => view! {
                {adding(lang, reading, add)}
                {move || refusals(lang, refused.get())}
                {move || updates(lang, pending.get(), update)}
                {move || match cases.with(Vec::is_empty) {
                    true => view! { <p>{CaseloadMsg::CaseloadEmpty.get(lang)}</p> }.into_any(),
                    false => view! {
                        {filters(lang, filter, typed)}
                        {table(lang, shown_rows, rows, order, open, ask_first)}
                    }
                    .into_any(),
                }}
                {remove_all()}
                {report_section(lang, state.week, cases, report_files, source, made, add)}
            }
            .into_any(),
        };
        view! {
            <section class="ugb-screen ugb-caseload" aria-labelledby="ugb-drawn-title">
                <h2 id="ugb-drawn-title" tabindex="-1">{CaseloadMsg::CaseloadTitle.get(lang)}</h2>
                <p>{CaseloadMsg::CaseloadIntro.get(lang)}</p>
                {move || problem.get().map(|msg| view! { <p class="ugb-notice" role="alert">{msg.get(lang)}</p> })}
                {said}
                <div class="ugb-results" aria-busy="false">{body}</div>
            </section>
        }
    }
}

/// The passphrase asked for: a new one typed twice the first time, else the one set.
fn passphrase_form(lang: Lang, new: bool, unlock: impl Fn(String, Option<String>) + Copy + 'static) -> impl IntoView {
    let (field, repeat) = (NodeRef::<Input>::new(), NodeRef::<Input>::new());
    let value = |field: NodeRef<Input>| field.get_untracked().map(|f| f.value()).unwrap_or_default();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        unlock(value(field), new.then(|| value(repeat)));
    };
    let label = if new { CaseloadMsg::CaseloadNewPassphrase } else { CaseloadMsg::CaseloadPassphrase };
    view! {
        <form class="ugb-form" on:submit=submit>
            <label for=PASSPHRASE>{label.get(lang)}</label>
            <input id=PASSPHRASE type="password" autocomplete="off" maxlength="256" node_ref=field/>
            {new.then(|| view! {
                <label for=REPEAT>{CaseloadMsg::CaseloadRepeat.get(lang)}</label>
                <input id=REPEAT type="password" autocomplete="off" maxlength="256" node_ref=repeat/>
            })}
            <p>{CaseloadMsg::CaseloadForgot.get(lang)}</p>
            <button type="submit" class="ugb-primary">
                {if new { CaseloadMsg::CaseloadCreate.get(lang) } else { CaseloadMsg::CaseloadUnlock.get(lang) }}
            </button>
        </form>
    }
}

/// The file pickers (many files, or a folder), and how many are still being read.
fn adding(
    lang: Lang,
    reading: RwSignal<usize>,
    add: impl Fn(NodeRef<Input>, Purpose, bool) + Copy + 'static,
) -> impl IntoView {
    let (files, folder) = (NodeRef::<Input>::new(), NodeRef::<Input>::new());
    folder.on_load(folder_picker);
    view! {
        <div class="ugb-caseload__add">
            <div class="ugb-field">
                <label for=FILES>{CaseloadMsg::CaseloadAdd.get(lang)}</label>
                <input id=FILES type="file" multiple accept=".json,application/json" node_ref=files on:change=move |_| add(files, Purpose::Caseload, false)/>
            </div>
            <div class="ugb-field">
                <label for=FOLDER>{CaseloadMsg::CaseloadAddFolder.get(lang)}</label>
                <input id=FOLDER type="file" multiple node_ref=folder on:change=move |_| add(folder, Purpose::Caseload, true)/>
            </div>
            <p role="status" aria-live="polite">
                {move || match reading.get() {
                    0 => String::new(),
                    n => CaseloadMsg::CaseloadReading.fill(lang, &[("n", &n.to_string())]),
                }}
            </p>
        </div>
    }
}

/// The files not added, each with its name and why.
fn refusals(lang: Lang, refused: Vec<(String, Why)>) -> Option<impl IntoView> {
    if refused.is_empty() {
        return None;
    }
    let items = refused
        .into_iter()
        .map(|(file, why)| {
            let why = match why {
                Why::Locked => CaseloadMsg::CaseloadLocked.get(lang).to_owned(),
                Why::TooLarge => CaseloadMsg::CaseloadTooLarge.get(lang).to_owned(),
                Why::Said(why) => why,
                Why::Failed => Msg::ChartFailed.get(lang).to_owned(),
            };
            view! { <li>{CaseloadMsg::CaseloadRefused.fill(lang, &[("file", &file), ("why", &why)])}</li> }
        })
        .collect_view();
    let count = items.len().to_string();
    Some(view! {
        <div class="ugb-notice" role="alert">
            <p>{CaseloadMsg::CaseloadRefusedTitle.fill(lang, &[("n", &count)])}</p>
            <ul>{items}</ul>
        </div>
    })
}

/// Newer files of citizens already there: what each would change, "update" or "keep".
fn updates(lang: Lang, pending: Vec<Pending>, update: impl Fn(String, bool) + Copy + 'static) -> Option<impl IntoView> {
    if pending.is_empty() {
        return None;
    }
    let items = pending
        .into_iter()
        .map(|Pending { id, case, update: change }| {
            let name = shown_name(&case.label, lang);
            let summary = CaseloadMsg::CaseloadUpdate.fill(
                lang,
                &[
                    ("name", &name),
                    ("new", &change.new_weeks.to_string()),
                    ("changed", &change.changed.to_string()),
                    ("missing", &change.missing_weeks.to_string()),
                ],
            );
            let (take, keep) = (id.clone(), id);
            view! {
                <li>
                    <p>{summary} {change.older.then(|| CaseloadMsg::CaseloadUpdateOlder.get(lang))}</p>
                    <div class="ugb-toolbar__row">
                        <button type="button" class="ugb-primary" on:click=move |_| update(take.clone(), true)>
                            {CaseloadMsg::CaseloadUpdateYes.fill(lang, &[("name", &name)])}
                        </button>
                        <button type="button" class="ugb-secondary" on:click=move |_| update(keep.clone(), false)>
                            {CaseloadMsg::CaseloadUpdateNo.get(lang)}
                        </button>
                    </div>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="ugb-caseload__updates" aria-labelledby="ugb-caseload-updates">
            <h3 id="ugb-caseload-updates">{CaseloadMsg::CaseloadUpdateTitle.get(lang)}</h3>
            <ul>{items}</ul>
        </section>
    })
}

/// The filters: part of the name, the WHO-5 band, answers lately, "talk about it", open
/// goals.
/// Drawn anew in another language, with the choices as they stand (`typed`: the search as
/// typed; the filter holds it in lower case).
fn filters(lang: Lang, filter: RwSignal<Filter>, typed: RwSignal<String>) -> impl IntoView {
    let target = |ev: &leptos::ev::Event| event_target_value(ev);
    let checked = |ev: &leptos::ev::Event| event_target_checked(ev);
    let now = filter.get_untracked();
    let band = |b: Option<usize>| now.band == b;
    let recent = |r: Option<u8>| now.recent_at_most == r;
    view! {
        <fieldset class="ugb-caseload__filters">
            <legend>{CaseloadMsg::CaseloadFilter.get(lang)}</legend>
            <div class="ugb-field">
                <label for="ugb-caseload-search">{CaseloadMsg::CaseloadSearch.get(lang)}</label>
                <input
                    id="ugb-caseload-search"
                    type="search"
                    autocomplete="off"
                    value=typed.get_untracked()
                    on:input=move |ev| {
                        typed.set(target(&ev));
                        filter.update(|f| f.text = lower(&typed.get_untracked()));
                    }
                />
            </div>
            <div class="ugb-field">
                <label for="ugb-caseload-band">{CaseloadMsg::CaseloadBandLabel.get(lang)}</label>
                <select
                    id="ugb-caseload-band"
                    on:change=move |ev| filter.update(|f| f.band = target(&ev).parse().ok())
                >
                    <option value="" selected=band(None)>{CaseloadMsg::CaseloadAll.get(lang)}</option>
                    <option value="0" selected=band(Some(0))>"≤ 28"</option>
                    <option value="1" selected=band(Some(1))>"29–49"</option>
                    <option value="2" selected=band(Some(2))>"≥ 50"</option>
                </select>
            </div>
            <div class="ugb-field">
                <label for="ugb-caseload-recent">{CaseloadMsg::CaseloadRecentLabel.get(lang)}</label>
                <select
                    id="ugb-caseload-recent"
                    on:change=move |ev| filter.update(|f| f.recent_at_most = target(&ev).parse().ok())
                >
                    <option value="" selected=recent(None)>{CaseloadMsg::CaseloadAll.get(lang)}</option>
                    <option value="0" selected=recent(Some(0))>{CaseloadMsg::CaseloadRecentNone.get(lang)}</option>
                    <option value="4" selected=recent(Some(4))>{CaseloadMsg::CaseloadRecentFew.get(lang)}</option>
                </select>
            </div>
            <label class="ugb-check">
                <input type="checkbox" checked=now.talk on:change=move |ev| filter.update(|f| f.talk = checked(&ev))/>
                {CaseloadMsg::CaseloadTalkOnly.get(lang)}
            </label>
            <label class="ugb-check">
                <input
                    type="checkbox"
                    checked=now.goals_open
                    on:change=move |ev| filter.update(|f| f.goals_open = checked(&ev))
                />
                {CaseloadMsg::CaseloadGoalsOpen.get(lang)}
            </label>
        </fieldset>
    }
}

/// Makes a file field pick a folder (every current browser has it, under this name). Set
/// as an attribute: the property's setter would be one more import in the page's glue.
fn folder_picker(input: web_sys::HtmlInputElement) {
    let _ = input.set_attribute("webkitdirectory", "");
}

fn hours_text(lang: Lang, hours: Option<Hours>) -> String {
    let Some(hours) = hours else { return "–".to_owned() };
    let separator = crate::i18n::decimal_separator(lang);
    let h = |minutes: Option<u32>| {
        minutes.map_or("–".to_owned(), |m| crate::domain::progression::format_hours(m, separator))
    };
    CaseloadMsg::CaseloadHours.fill(lang, &[("planned", &h(hours.planned)), ("worked", &h(hours.worked))])
}

fn column_name(column: Column) -> CaseloadMsg {
    match column {
        Column::Label => CaseloadMsg::ColName,
        Column::LastWeek => CaseloadMsg::ColLastWeek,
        Column::Recent => CaseloadMsg::ColRecent,
        Column::Who5 => CaseloadMsg::ColWho5,
        Column::Change => CaseloadMsg::ColChange,
        Column::Band => CaseloadMsg::ColBand,
        Column::Hours => CaseloadMsg::ColHours,
        Column::Goals => CaseloadMsg::ColGoals,
        Column::Talk => CaseloadMsg::ColTalk,
    }
}

/// A WHO-5 band as shown.
pub(crate) fn band_text(band: usize) -> &'static str {
    ["≤ 28", "29–49", "≥ 50"].get(band).copied().unwrap_or("–")
}

/// The table: a header per column that sorts by it (again: the other way), a row per
/// citizen shown; the name opens the citizen read-only, the last cell removes them.
fn table(
    lang: Lang,
    shown_rows: Memo<Vec<Row>>,
    rows: Memo<Vec<Row>>,
    order: RwSignal<(Column, bool)>,
    open: impl Fn(String) + Copy + Send + Sync + 'static,
    ask_first: impl Fn(Confirm) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let headers = Column::ALL
        .into_iter()
        .map(|column| {
            let sorted = move || match order.get() {
                (c, true) if c == column => "ascending",
                (c, false) if c == column => "descending",
                _ => "none",
            };
            let by = move |_| order.update(|o| *o = if o.0 == column { (column, !o.1) } else { (column, true) });
            view! {
                <th scope="col" aria-sort=sorted>
                    <button type="button" class="ugb-caseload__sort" on:click=by>{column_name(column).get(lang)}</button>
                </th>
            }
        })
        .collect_view();
    let count = move || {
        CaseloadMsg::CaseloadShown.fill(
            lang,
            &[("shown", &shown_rows.with(Vec::len).to_string()), ("total", &rows.with(Vec::len).to_string())],
        )
    };
    view! {
        <p role="status">{count}</p>
        <p>{CaseloadMsg::CaseloadSortHint.get(lang)}</p>
        <div class="ugb-table-wrap ugb-caseload__scroll" tabindex="0" role="region" aria-labelledby="ugb-caseload-caption">
            <table class="ugb-table ugb-caseload__table">
                <caption id="ugb-caseload-caption">{CaseloadMsg::CaseloadCaption.get(lang)}</caption>
                <thead>
                    <tr>
                        {headers}
                        <th scope="col">{CaseloadMsg::ColRemove.get(lang)}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || shown_rows.get() key=|row| row.clone() let:row>
                        {row_view(lang, row, open, ask_first)}
                    </For>
                </tbody>
            </table>
        </div>
    }
}

fn row_view(
    lang: Lang,
    row: Row,
    open: impl Fn(String) + Copy + 'static,
    ask_first: impl Fn(Confirm) + Copy + 'static,
) -> impl IntoView {
    let name = shown_name(&row.label, lang);
    let dash = || "–".to_owned();
    let last = row.last_week.map_or_else(dash, |w| week_label_with_year(lang, w));
    let change = row.who5_change.map_or_else(dash, |c| crate::i18n::signed(c as f32));
    let hours = format!("{} · {}", hours_text(lang, row.hours_first), hours_text(lang, row.hours_latest));
    let (id, remove_id) = (row.id.clone(), row.id.clone());
    let remove_name = name.clone();
    view! {
        <tr class:ugb-caseload__talk=row.talk>
            <th scope="row">
                <button
                    type="button"
                    id=format!("ugb-case-{}", row.id)
                    class="ugb-caseload__open"
                    aria-label=CaseloadMsg::CaseloadOpen.fill(lang, &[("name", &name)])
                    on:click=move |_| open(id.clone())
                >
                    {name.clone()}
                </button>
            </th>
            <td>{last}</td>
            <td class="ugb-caseload__num">{row.recent}</td>
            <td class="ugb-caseload__num">{row.who5.map_or_else(dash, |w| w.to_string())}</td>
            <td class="ugb-caseload__num">{change}</td>
            <td class="ugb-caseload__num">{row.band.map_or("–", band_text)}</td>
            <td>{hours}</td>
            <td class="ugb-caseload__num">{format!("{} · {}", row.goals_open, row.goals_reached)}</td>
            <td>{row.talk.then(|| view! { <span class="ugb-caseload__mark">{CaseloadMsg::TalkMark.get(lang)}</span> })}</td>
            <td>
                <button
                    type="button"
                    class="ugb-secondary"
                    aria-label=CaseloadMsg::CaseloadRemove.fill(lang, &[("name", &name)])
                    on:click=move |_| ask_first(Confirm::Remove { id: remove_id.clone(), name: remove_name.clone() })
                >
                    {CaseloadMsg::ColRemove.get(lang)}
                </button>
            </td>
        </tr>
    }
}

/// "Remove …?" asked once more.
fn confirming(
    lang: Lang,
    asked: Confirm,
    remove: impl Fn(Confirm) + Copy + 'static,
    cancel: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let (question, yes) = match &asked {
        Confirm::Remove { name, .. } => {
            (CaseloadMsg::CaseloadRemoveConfirm.fill(lang, &[("name", name)]), CaseloadMsg::CaseloadRemoveYes)
        }
        Confirm::Everything => {
            (CaseloadMsg::CaseloadRemoveAllConfirm.get(lang).to_owned(), CaseloadMsg::CaseloadRemoveAllYes)
        }
    };
    view! {
        <div class="ugb-caseload__confirm" role="group" aria-labelledby=CONFIRM>
            <p id=CONFIRM tabindex="-1">{question}</p>
            <div class="ugb-toolbar__row">
                <button type="button" class="ugb-primary" on:click=move |_| remove(asked.clone())>{yes.get(lang)}</button>
                <button type="button" class="ugb-secondary" on:click=move |_| cancel()>
                    {CaseloadMsg::CaseloadCancel.get(lang)}
                </button>
            </div>
        </div>
    }
}

/// The provider's report: the period, whom it covers (the caseload, or files chosen for
/// it alone, e.g. a folder from several consultants), and the report made.
fn report_section(
    lang: Lang,
    now: IsoWeek,
    cases: RwSignal<Vec<(String, Case)>>,
    files: RwSignal<Vec<(History, Readings)>>,
    source: RwSignal<Source>,
    made: RwSignal<Option<Report>>,
    add: impl Fn(NodeRef<Input>, Purpose, bool) + Copy + 'static,
) -> impl IntoView {
    let (from, to) = (NodeRef::<Input>::new(), NodeRef::<Input>::new());
    let (picked, folder) = (NodeRef::<Input>::new(), NodeRef::<Input>::new());
    folder.on_load(folder_picker);
    let problem = RwSignal::new(None::<(CaseloadMsg, &'static str)>);
    let value = |field: NodeRef<Input>| field.get_untracked().map(|f| f.value()).unwrap_or_default();
    let make = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let week = |field: NodeRef<Input>| value(field).trim().parse::<IsoWeek>().ok();
        let said = match (week(from), week(to)) {
            (None, _) => Err((CaseloadMsg::ReportWeekError, REPORT_FROM)),
            (_, None) => Err((CaseloadMsg::ReportWeekError, REPORT_TO)),
            (Some(first), Some(last)) if first > last => Err((CaseloadMsg::ReportOrder, REPORT_FROM)),
            (Some(first), Some(last)) => Ok((first, last)),
        };
        match said {
            Err((msg, field)) => {
                problem.set(Some((msg, field)));
                made.set(None);
                browser::focus_id(field);
            }
            Ok((first, last)) => {
                problem.set(None);
                // The citizens' histories and others' readings of them (copies: the report
                // takes them side by side).
                let (histories, readings): (Vec<History>, Vec<Readings>) = match source.get_untracked() {
                    Source::Caseload => cases.with_untracked(|cases| {
                        cases.iter().map(|(_, c)| (c.history.clone(), c.readings.clone())).unzip()
                    }),
                    Source::Files => files.with_untracked(|files| files.iter().cloned().unzip()),
                };
                let made_now = report(&histories, &readings, first, last);
                made.set(Some(made_now));
                request_animation_frame(|| browser::focus_id("ugb-report-made"));
            }
        }
    };
    let invalid =
        move |field: &'static str| move || problem.with(|p| p.is_some_and(|(_, at)| at == field)).then_some("true");
    let default_from = now.plus(-51).unwrap_or(now).to_string();
    view! {
        <section class="ugb-report" aria-labelledby="ugb-report-title">
            <h3 id="ugb-report-title">{CaseloadMsg::ReportTitle.get(lang)}</h3>
            <p>{CaseloadMsg::ReportIntro.get(lang)}</p>
            <form class="ugb-form" on:submit=make novalidate>
                <div class="ugb-field">
                    <label for=REPORT_FROM>{CaseloadMsg::ReportFrom.get(lang)}</label>
                    <input id=REPORT_FROM type="week" value=default_from aria-describedby="ugb-report-problem"
                        aria-invalid=invalid(REPORT_FROM) node_ref=from/>
                </div>
                <div class="ugb-field">
                    <label for=REPORT_TO>{CaseloadMsg::ReportTo.get(lang)}</label>
                    <input id=REPORT_TO type="week" value=now.to_string() aria-describedby="ugb-report-problem"
                        aria-invalid=invalid(REPORT_TO) node_ref=to/>
                </div>
                <fieldset>
                    <legend>{CaseloadMsg::ReportSource.get(lang)}</legend>
                    <label class="ugb-check">
                        <input type="radio" name="ugb-report-source"
                            prop:checked=move || source.get() == Source::Caseload
                            on:change=move |_| source.set(Source::Caseload)/>
                        {move || CaseloadMsg::ReportFromCaseload.fill(lang, &[("n", &cases.with(Vec::len).to_string())])}
                    </label>
                    <label class="ugb-check">
                        <input type="radio" name="ugb-report-source"
                            prop:checked=move || source.get() == Source::Files
                            prop:disabled=move || files.with(Vec::is_empty)
                            on:change=move |_| source.set(Source::Files)/>
                        {move || CaseloadMsg::ReportFromFiles.fill(lang, &[("n", &files.with(Vec::len).to_string())])}
                    </label>
                </fieldset>
                <div class="ugb-field">
                    <label for="ugb-report-files">{CaseloadMsg::ReportFiles.get(lang)}</label>
                    <input id="ugb-report-files" type="file" multiple accept=".json,application/json"
                        node_ref=picked on:change=move |_| add(picked, Purpose::Report, false)/>
                </div>
                <div class="ugb-field">
                    <label for="ugb-report-folder">{CaseloadMsg::ReportFolder.get(lang)}</label>
                    <input id="ugb-report-folder" type="file" multiple node_ref=folder
                        on:change=move |_| add(folder, Purpose::Report, true)/>
                </div>
                <p id="ugb-report-problem" class="ugb-field-error" role="alert">
                    {move || problem.get().map(|(msg, _)| msg.get(lang))}
                </p>
                <button type="submit" class="ugb-primary">{CaseloadMsg::ReportMake.get(lang)}</button>
            </form>
            {move || made.with(|made| made.as_ref().map(|r| crate::session::report_view::report_view(lang, r)))}
        </section>
    }
}
