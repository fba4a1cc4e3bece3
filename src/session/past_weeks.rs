//! Past weeks: saving a file for the consultant (JSON, CSV, FHIR, locked or not), sending
//! to the portal that embeds the widget, the weekly reminder's calendar file, getting
//! answers from a file (previewed, a locked one opened, with a choice for each thing that
//! differs), and the weeks answered, newest first.
//!
//! Components with their handlers on their elements. What needs a file is asked of the
//! worker ([`Worker`], `src/bin/charts.rs`) in the typed messages of
//! [`crate::session::protocol`]: the page never reads a file's text, and carries none of
//! the code that reads or writes the exchange formats.

use std::collections::BTreeSet;

use leptos::html::{Input, Select};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::history::{History, WeekSummary};
use crate::domain::instrument::{Scale, WHO5_ID};
use crate::domain::lang::Lang;
use crate::i18n::{week_dates, week_label_with_year, ChartMsg, Msg};
use crate::page::state::AppState;
use crate::platform::browser;
use crate::session::progress::choices;
use crate::session::protocol::{FileFormat, FromWorker, ImportPreview, ToWorker};
use crate::session::screen::{frame, locked_form, split_screen, Said, Shown};
use crate::session::worker::Worker;

const IMPORT_FILE: &str = "ugb-import-file";
const PASSPHRASE: &str = "ugb-import-passphrase";
const PREVIEW_TITLE: &str = "ugb-import-preview";

split_screen!(
    /// The past weeks' screen, fetched only when it opens: opening the progress screen never
    /// fetches export, import or the reminder.
    ugeblik_past_weeks,
    past_weeks_screen,
    PastWeeks
);

/// What the import section shows.
#[derive(Clone, Debug, PartialEq)]
enum Importing {
    /// The file picker.
    Nothing,
    /// A locked file's passphrase, asked for (`wrong`: the one given did not open it).
    Locked { wrong: bool },
    /// Why the file cannot be read, as the worker said it (in the language asked for).
    Refused(String),
    /// What the file would bring, for the citizen to confirm.
    Preview(ImportPreview),
}

/// Where the copy of everything just offered stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Copy {
    /// Downloaded: only the citizen can tell whether the file arrived.
    Check,
    /// Saved (shared, or the citizen has the file).
    Kept,
    /// Saved, and the programme has ended: deleting everything is offered, as a step of
    /// its own.
    KeptAtEnd,
}

/// The screen's state and what it asks of the worker: one copy for every section.
#[derive(Clone, Copy)]
struct Files {
    state: AppState,
    worker: Worker,
    said: Said,
    importing: RwSignal<Importing>,
    /// The citizen asked to send to the portal: the confirmation shows.
    sending: RwSignal<bool>,
    copy: RwSignal<Option<Copy>>,
    /// What the export is saved with: a nickname, and whether it is locked.
    nickname: RwSignal<String>,
    seal: RwSignal<bool>,
}

impl Files {
    fn lang(self) -> Lang {
        self.state.lang.get_untracked()
    }

    /// The nickname typed, if any.
    fn nickname(self) -> Option<String> {
        Some(self.nickname.get_untracked()).filter(|n| !n.trim().is_empty())
    }

    fn ask(self, message: &ToWorker) {
        self.worker.ask(self.lang(), message);
    }

    /// Makes an export file (shared or downloaded when it comes: [`Files::deliver`]).
    fn export(self, format: FileFormat) {
        let (lang, exported) = (self.lang(), now());
        let (nickname, seal) = (self.nickname(), self.seal.get_untracked() && self.state.locked.get_untracked());
        self.ask(&ToWorker::Export { choices: choices(self.state, lang, 0), exported, nickname, format, seal });
    }

    /// Makes the reminder's calendar file for `day` and `time`.
    fn reminder(self, day: String, time: String) {
        let today = crate::domain::progression::format_date(browser::today());
        let form = ["day".into(), day, "time".into(), time, "today".into(), today]
            .into_iter()
            .chain(["uid".into(), browser::random_id(), "link".into(), browser::app_address()])
            .collect();
        let lang = self.lang();
        self.ask(&ToWorker::Reminder { choices: choices(self.state, lang, 0), exported: now(), form });
    }

    /// Sends the canonical file to the portal (asked for and confirmed).
    fn send(self) {
        let lang = self.lang();
        let nickname = self.nickname();
        self.ask(&ToWorker::Send { choices: choices(self.state, lang, 0), exported: now(), nickname });
    }

    /// A file chosen for import: the worker reads it and says what it would bring.
    fn choose(self, file: web_sys::File) {
        self.said.done.set(None);
        if file.size() > crate::formats::import::MAX_IMPORT_BYTES as f64 {
            return self.said.problem(Msg::ImportTooLarge, None);
        }
        self.said.problem.set(None);
        // The worker reads the file itself: its text never passes through the page.
        if self.worker.give(&ToWorker::ImportFile, &file.into()) {
            self.preview(None);
        }
    }

    /// Asks what the file would bring (opening it with `passphrase` when it is locked).
    fn preview(self, passphrase: Option<String>) {
        let lang = self.lang();
        self.ask(&ToWorker::Preview { lang, passphrase });
    }

    /// Merges the file previewed, the file's taken where `take_theirs` says.
    fn merge(self, take_theirs: Vec<String>) {
        let lang = self.lang();
        self.ask(&ToWorker::Merge { choices: choices(self.state, lang, 0), take_theirs });
    }

    /// Puts the file away: nothing changes.
    fn cancel(self) {
        self.importing.set(Importing::Nothing);
        request_animation_frame(|| browser::focus_id(IMPORT_FILE));
    }

    /// What the worker answered.
    fn answered(self, answer: FromWorker, beside: JsValue) {
        self.said.answered();
        if let Some(msg) = answer.problem() {
            self.said.problem(msg, None);
        }
        match answer {
            FromWorker::Preview(preview) => {
                self.importing.set(Importing::Preview(*preview));
                request_animation_frame(|| browser::focus_id(PREVIEW_TITLE));
            }
            FromWorker::Locked { wrong } => {
                self.importing.set(Importing::Locked { wrong });
                request_animation_frame(|| browser::focus_id(PASSPHRASE));
            }
            FromWorker::Refused(why) => self.importing.set(Importing::Refused(why)),
            // The history the worker made, read like stored data: validated again before
            // it is kept.
            FromWorker::Merged { history, readings } => {
                self.importing.set(Importing::Nothing);
                let stored = crate::formats::stored::decode_history(&history)
                    .and_then(|h| Ok((h, crate::formats::stored::decode_readings(&readings)?)));
                match stored {
                    Ok((history, readings)) => {
                        let said = self.said;
                        // Others' readings first: "imported" is said once the history is
                        // stored, and the readings are then too.
                        crate::session::readings::change(self.state, |held| held.merge(&readings));
                        self.state.replace_history(history, move || said.done(Msg::Imported));
                    }
                    Err(_) => self.said.problem(Msg::ChartFailed, None),
                }
            }
            FromWorker::MergeFailed => self.importing.set(Importing::Nothing),
            FromWorker::File { name, url } => self.deliver(name, url, beside),
            FromWorker::ForPortal { json } => {
                self.sending.set(false);
                crate::page::embed::send_export(&json);
                self.said.done(Msg::Sent);
            }
            FromWorker::PortalFailed => self.sending.set(false),
            _ => {}
        }
    }

    /// A file the worker made: shared, or downloaded where the phone cannot share files.
    fn deliver(self, name: String, worker_url: String, file: JsValue) {
        // The file of everything (not a spreadsheet or FHIR file) is the citizen's backup.
        let backup = name.ends_with(".json") && !name.ends_with(".fhir.json");
        let file = file.dyn_into::<web_sys::Blob>().ok();
        let (state, copy, said) = (self.state, self.copy, self.said);
        wasm_bindgen_futures::spawn_local(async move {
            // The phone's own share sheet where it can share files; a download otherwise.
            let shared = match &file {
                Some(file) => browser::share(file).await,
                None => browser::Shared::Unable,
            };
            match shared {
                browser::Shared::Done if backup => copy.set(Some(kept(state))),
                browser::Shared::Done => {}
                browser::Shared::Cancelled => said.problem(Msg::ShareCancelled, None),
                browser::Shared::Unable => {
                    // Downloaded from the page's own address of the file: the worker's
                    // dies with the worker.
                    let own = file.as_ref().and_then(|blob| web_sys::Url::create_object_url_with_blob(blob).ok());
                    let url = own.as_deref().unwrap_or(&worker_url);
                    if url.is_empty() || !browser::download(&name, url) {
                        said.problem(Msg::ExportFailed, None);
                    } else if backup {
                        // A download says nothing of whether it arrived: the citizen does.
                        copy.set(Some(Copy::Check));
                    }
                }
            }
        });
    }
}

/// Now, as an export records it (RFC 3339).
fn now() -> String {
    crate::domain::response::rfc3339_utc(browser::now_millis())
}

/// The copy is saved: remembered (the reminder's date), and what follows from it.
fn kept(state: AppState) -> Copy {
    if state.backed_up() {
        Copy::KeptAtEnd
    } else {
        Copy::Kept
    }
}

/// The screen: the weeks first, then sharing them, the reminder and the import.
#[component]
pub fn PastWeeks() -> impl IntoView {
    let state = expect_context::<AppState>();
    let said = Said::new();
    let files = Files {
        state,
        worker: Worker::new(state, said.problem),
        said,
        importing: RwSignal::new(Importing::Nothing),
        sending: RwSignal::new(false),
        copy: RwSignal::new(None),
        nickname: RwSignal::new(String::new()),
        seal: RwSignal::new(false),
    };
    files.worker.on_answer(move |answer, beside| files.answered(answer, beside));
    // A new history (an import, another tab's) is sent to the worker before its next
    // request; what it says of a file is said again in the language chosen (it keeps the
    // file, opened).
    Effect::new(move |_| {
        state.history.track();
        files.worker.history_changed();
    });
    Effect::new(move |previous: Option<Lang>| {
        let lang = state.lang.get();
        let said = files.importing.with_untracked(|i| matches!(i, Importing::Preview(_) | Importing::Refused(_)));
        if previous.is_some_and(|p| p != lang) && said {
            files.preview(None);
        }
        lang
    });
    // The start page's one-tap backup: the file of everything, made at once.
    if state.back_up_pending.get_value() {
        state.back_up_pending.set_value(false);
        files.export(FileFormat::Json);
    }
    let shown = Shown::new(state, None);
    frame(Msg::HistoryTitle, Some(said), move |lang| {
        view! {
            {move || files.copy.get().map(|asked| view! { <CopyCheck files asked lang/> })}
            {move || shown.with(|history| weeks(history, lang))}
            <Export files lang/>
            <ReminderForm files lang/>
            <Import files lang/>
        }
    })
}

/// Asks whether a downloaded copy arrived, says it is saved, and at the end of the
/// programme offers to delete everything: a text and, but for "saved", its one button.
#[component]
fn CopyCheck(files: Files, asked: Copy, lang: Lang) -> impl IntoView {
    let (text, button) = match asked {
        Copy::Check => (Msg::CopyCheck, Some(Msg::CopyHaveIt)),
        Copy::Kept => (Msg::CopyKept, None),
        Copy::KeptAtEnd => (Msg::EndDeleteOffer, Some(Msg::EndDeleteNow)),
    };
    let class = if asked == Copy::KeptAtEnd { "ugb-danger" } else { "ugb-primary" };
    let press = move |_| match asked {
        Copy::KeptAtEnd => {
            crate::session::readings::forget();
            files.state.delete_everything(Msg::CopyThenDeleted)
        }
        _ => {
            files.copy.set(Some(kept(files.state)));
            // What it says now has the focus, not the page's top.
            request_animation_frame(|| browser::focus_id("ugb-copy-text"));
        }
    };
    view! {
        <div class="ugb-copy" role="group" aria-labelledby="ugb-copy-text">
            <p id="ugb-copy-text" role="status" tabindex="-1">{text.get(lang)}</p>
            {button.map(|b| view! { <button type="button" class=class on:click=press>{b.get(lang)}</button> })}
        </div>
    }
}

/// "Save a file for your consultant": the nickname, the lock (with a passphrase set), the
/// three formats, and sending to the portal that embeds the widget.
#[component]
fn Export(files: Files, lang: Lang) -> impl IntoView {
    let state = files.state;
    // Embedded by a trusted portal: sending to it is offered, by the name it gives itself
    // beside the host the file would really go to.
    let portal = crate::page::embed::embedded()
        .then(|| crate::page::embed::portal_name(state, lang, &crate::page::embed::hosts()));
    let seal = move || {
        state.locked.get().then(|| {
            view! {
                <p class="ugb-check">
                    <input
                        type="checkbox"
                        id="ugb-export-seal"
                        aria-describedby="ugb-export-seal-hint"
                        prop:checked=move || files.seal.get()
                        on:change=move |ev| files.seal.set(event_target_checked(&ev))
                    />
                    <label for="ugb-export-seal">{ChartMsg::ExportSeal.get(lang)}</label>
                </p>
                <p id="ugb-export-seal-hint" class="ugb-hint">{ChartMsg::ExportSealHint.get(lang)}</p>
            }
        })
    };
    view! {
        <section class="ugb-export" aria-labelledby="ugb-export-title">
            <h3 id="ugb-export-title">{ChartMsg::ExportTitle.get(lang)}</h3>
            <p>{ChartMsg::ExportText.get(lang)}</p>
            <p class="ugb-warning">{ChartMsg::EmailWarning.get(lang)}</p>
            <div class="ugb-field">
                <label for="ugb-nickname">{ChartMsg::NicknameLabel.get(lang)}</label>
                <input
                    id="ugb-nickname"
                    type="text"
                    autocomplete="off"
                    maxlength="40"
                    dir="auto"
                    prop:value=move || files.nickname.get()
                    on:input=move |ev| files.nickname.set(event_target_value(&ev))
                />
            </div>
            {seal}
            <div class="ugb-toolbar__row">
                <button type="button" id="ugb-export" class="ugb-primary" on:click=move |_| files.export(FileFormat::Json)>
                    {ChartMsg::ExportButton.get(lang)}
                </button>
                <button type="button" on:click=move |_| files.export(FileFormat::Csv)>
                    {ChartMsg::ExportCsvButton.get(lang)}
                </button>
                <button type="button" on:click=move |_| files.export(FileFormat::Fhir)>
                    {ChartMsg::ExportFhirButton.get(lang)}
                </button>
            </div>
            {portal.map(|portal| view! { <Send files lang portal/> })}
        </section>
    }
}

/// Sending the answers to the portal that embeds the widget: a button, then a plain
/// confirmation of what leaves the phone and to whom. Nothing is sent before "Send".
#[component]
fn Send(files: Files, lang: Lang, portal: String) -> impl IntoView {
    let title = ChartMsg::SendTitle.fill(lang, &[("portal", &portal)]);
    let ask = ChartMsg::SendButton.fill(lang, &[("portal", &portal)]);
    let confirm = move || {
        let weeks = files.state.history.with(|h| h.weeks().len()).to_string();
        ChartMsg::SendConfirm.fill(lang, &[("portal", &portal), ("weeks", &weeks)])
    };
    view! {
        <div class="ugb-send" role="group" aria-labelledby="ugb-send-title">
            <h4 id="ugb-send-title">{title}</h4>
            <Show
                when=move || files.sending.get()
                fallback=move || view! { <button type="button" on:click=move |_| files.sending.set(true)>{ask.clone()}</button> }
            >
                <p class="ugb-warning" role="alert">{confirm.clone()}</p>
                <div class="ugb-toolbar__row">
                    <button type="button" class="ugb-primary" on:click=move |_| files.send()>
                        {ChartMsg::SendYes.get(lang)}
                    </button>
                    <button type="button" on:click=move |_| files.sending.set(false)>
                        {ChartMsg::ImportCancel.get(lang)}
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// The weekly reminder: a day and a time, and a calendar file for the phone's own
/// calendar (see [`crate::formats::ics`]).
#[component]
fn ReminderForm(files: Files, lang: Lang) -> impl IntoView {
    let day = NodeRef::<Select>::new();
    let time = NodeRef::<Input>::new();
    let today = files.state.week.monday().weekday();
    let days = crate::formats::ics::DAYS.iter().zip(ChartMsg::WEEKDAYS).map(|((code, weekday), name)| {
        view! { <option value=*code selected=*weekday == today>{name.get(lang)}</option> }
    });
    // Enter in the time field makes the file too; the page is never submitted.
    let make = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let day = day.get_untracked().map(|d| d.value()).unwrap_or_default();
        let time = time.get_untracked().map(|t| t.value()).unwrap_or_default();
        files.reminder(day, time);
    };
    view! {
        <section class="ugb-reminder" aria-labelledby="ugb-reminder-title">
            <h3 id="ugb-reminder-title">{ChartMsg::ReminderTitle.get(lang)}</h3>
            <p>{ChartMsg::ReminderText.get(lang)}</p>
            <form class="ugb-reminder__form" novalidate on:submit=make>
                <div class="ugb-field">
                    <label for="ugb-reminder-day">{ChartMsg::ReminderDay.get(lang)}</label>
                    <select id="ugb-reminder-day" node_ref=day>{days.collect_view()}</select>
                </div>
                <div class="ugb-field">
                    <label for="ugb-reminder-time">{ChartMsg::ReminderTime.get(lang)}</label>
                    <input id="ugb-reminder-time" type="time" value="09:00" required node_ref=time/>
                </div>
                <button type="submit">{ChartMsg::ReminderButton.get(lang)}</button>
            </form>
        </section>
    }
}

/// "Get answers from a file": the file picker, or what the chosen file would bring (or
/// why it cannot be read, or its passphrase), with the citizen's choices.
#[component]
fn Import(files: Files, lang: Lang) -> impl IntoView {
    let picker = NodeRef::<Input>::new();
    let choose = move |_| {
        let chosen = picker.get_untracked().and_then(|input| input.files()).and_then(|list| list.get(0));
        if let Some(chosen) = chosen {
            files.choose(chosen);
        }
    };
    let passphrase = NodeRef::<Input>::new();
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        files.preview(Some(passphrase.get_untracked().map(|field| field.value()).unwrap_or_default()));
    };
    let cancel = move |_| files.cancel();
    let content = move || match files.importing.get() {
        Importing::Nothing => view! {
            <p>{ChartMsg::ImportText.get(lang)}</p>
            <div class="ugb-field">
                <label for=IMPORT_FILE>{ChartMsg::ImportChoose.get(lang)}</label>
                <input id=IMPORT_FILE type="file" accept=".json,application/json" node_ref=picker on:change=choose/>
            </div>
        }
        .into_any(),
        Importing::Locked { wrong } => locked_form(lang, wrong, passphrase, unlock, cancel).into_any(),
        Importing::Refused(why) => view! {
            <p class="ugb-notice" role="alert" id="ugb-import-error">{why}</p>
            <button type="button" on:click=cancel>{ChartMsg::ImportCancel.get(lang)}</button>
        }
        .into_any(),
        Importing::Preview(preview) => view! { <Preview files lang preview/> }.into_any(),
    };
    view! {
        <section class="ugb-import" aria-labelledby="ugb-import-title">
            <h3 id="ugb-import-title">{ChartMsg::ImportTitle.get(lang)}</h3>
            {content}
        </section>
    }
}

/// What the file would bring, and a tick box for each thing the phone has otherwise (the
/// phone's is kept unless the citizen ticks the file's); a backup first, import, or cancel.
#[component]
fn Preview(files: Files, lang: Lang, preview: ImportPreview) -> impl IntoView {
    let ImportPreview { summary, progression, added, readings, nickname, conflicts, changes } = preview;
    let take_theirs = RwSignal::new(BTreeSet::<String>::new());
    let choices = move |legend: String, prefix: &'static str, differs: Vec<crate::session::protocol::Differs>| {
        (!differs.is_empty()).then(|| {
            let boxes = differs.into_iter().enumerate().map(|(n, differs)| {
                let (id, label_for) = (format!("ugb-{prefix}-{n}"), format!("ugb-{prefix}-{n}"));
                let key = differs.key;
                let tick = move |ev: leptos::ev::Event| {
                    let on = event_target_checked(&ev);
                    take_theirs.update(|keys| {
                        if on {
                            keys.insert(key.clone());
                        } else {
                            keys.remove(&key);
                        }
                    });
                };
                view! {
                    <label class="ugb-check" for=label_for>
                        <input type="checkbox" id=id on:change=tick/>
                        {differs.label}
                    </label>
                }
            });
            view! {
                <fieldset class="ugb-conflicts">
                    <legend>{legend}</legend>
                    {boxes.collect_view()}
                </fieldset>
            }
        })
    };
    let conflicts_legend = ChartMsg::ConflictsLegend.fill(lang, &[("count", &conflicts.len().to_string())]);
    let changes_legend = ChartMsg::ChangesLegend.fill(lang, &[("count", &changes.len().to_string())]);
    let added = (!added.is_empty()).then(|| {
        view! {
            <p id="ugb-import-added">{ChartMsg::PreviewAddedTitle.get(lang)}</p>
            <ul aria-labelledby="ugb-import-added">
                {added.into_iter().map(|item| view! { <li dir="auto">{item}</li> }).collect_view()}
            </ul>
        }
    });
    let readings = (!readings.is_empty()).then(|| {
        view! {
            <p id="ugb-import-readings">{ChartMsg::PreviewReadingsTitle.get(lang)}</p>
            <ul aria-labelledby="ugb-import-readings">
                {readings.into_iter().map(|item| view! { <li dir="auto">{item}</li> }).collect_view()}
            </ul>
        }
    });
    let confirm = move |_| files.merge(take_theirs.get_untracked().into_iter().collect());
    view! {
        <h4 id=PREVIEW_TITLE tabindex="-1">{ChartMsg::PreviewTitle.get(lang)}</h4>
        <p id="ugb-import-summary">{summary}</p>
        {progression.map(|text| view! { <p id="ugb-import-progression">{text}</p> })}
        {added}
        {readings}
        {nickname.map(|text| view! { <p>{text}</p> })}
        {choices(changes_legend, "change", changes)}
        {choices(conflicts_legend, "conflict", conflicts)}
        <p>{ChartMsg::BackupHint.get(lang)}</p>
        <div class="ugb-toolbar__row">
            <button type="button" on:click=move |_| files.export(FileFormat::Json)>{ChartMsg::BackupButton.get(lang)}</button>
            <button type="button" class="ugb-primary" on:click=confirm>{ChartMsg::ImportConfirm.get(lang)}</button>
            <button type="button" on:click=move |_| files.cancel()>{ChartMsg::ImportCancel.get(lang)}</button>
        </div>
    }
}

/// The weeks answered, newest first, each in short form: the WHO-5 score, each profile's
/// answers with a bar, and the note.
fn weeks(history: &History, lang: Lang) -> AnyView {
    let weeks = history.weeks();
    if weeks.is_empty() {
        return view! { <p>{ChartMsg::HistoryEmpty.get(lang)}</p> }.into_any();
    }
    view! { <ol class="ugb-weeks">{weeks.into_iter().map(|summary| week(summary, lang)).collect_view()}</ol> }
        .into_any()
}

fn week(summary: WeekSummary, lang: Lang) -> impl IntoView {
    let (title_id, labelled_by) = (format!("ugb-week-{}", summary.week), format!("ugb-week-{}", summary.week));
    let entries = summary.entries.into_iter().map(|entry| {
        if entry.instrument.id == WHO5_ID {
            let text = match entry.who5 {
                Some(score) => ChartMsg::Who5Score.fill(lang, &[("percent", &score.percent.to_string())]),
                None => ChartMsg::Who5Partial.get(lang).to_owned(),
            };
            return view! { <p class="ugb-week__who5">{text}</p> }.into_any();
        }
        let rows = entry.answers.into_iter().map(|(item, value)| {
            let max = match item.scale {
                Scale::Hours { max } => max,
                _ => 10,
            };
            let width = value.map_or(0, |v| u32::from(v) * 100 / u32::from(max.max(1)));
            let shown = value.map_or_else(|| ChartMsg::Skipped.get(lang).to_owned(), |v| v.to_string());
            // The bar's length as an SVG attribute: a `style` attribute would need
            // 'unsafe-inline' in the Content-Security-Policy.
            view! {
                <div class="ugb-profile__row">
                    <dt>{item.short.get(lang)}</dt>
                    <dd>
                        <span class="ugb-profile__value">{shown}</span>
                        <span class="ugb-profile__bar" aria-hidden="true">
                            <svg viewBox="0 0 100 1" preserveAspectRatio="none" focusable="false">
                                <rect width=width.to_string() height="1"></rect>
                            </svg>
                        </span>
                    </dd>
                </div>
            }
        });
        view! {
            <div class="ugb-profile">
                <h4>{entry.instrument.name.get(lang)}</h4>
                <dl>{rows.collect_view()}</dl>
            </div>
        }
        .into_any()
    });
    // The citizen's own words keep their own direction.
    let note = summary.note.map(|note| {
        view! {
            <p class="ugb-week__note">
                <strong>{format!("{}: ", ChartMsg::NotesTitle.get(lang))}</strong>
                <bdi>{note}</bdi>
            </p>
        }
    });
    view! {
        <li>
            <article class="ugb-week" aria-labelledby=labelled_by>
                <h3 id=title_id>
                    {week_label_with_year(lang, summary.week)} " "
                    <span class="ugb-dates">{week_dates(lang, summary.week)}</span>
                </h3>
                {entries.collect_view()}
                {note}
            </article>
        </li>
    }
}
