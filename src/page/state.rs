//! The one source of truth of the running app, provided by context.

use leptos::prelude::*;

use super::embed;
use crate::domain::checkin::{Draft, Shown};
use crate::domain::history::History;
use crate::domain::lang::Lang;
use crate::domain::progression::{Kept, ProgressError, Work};
use crate::domain::series::ChartChoices;
use crate::domain::series::Period;
use crate::domain::week::IsoWeek;
use crate::formats::config::Config;
use crate::formats::safety::{Ending, Safety};
use crate::i18n::Msg;
use crate::page::model::{Finished, Model};
use crate::platform::browser;
use crate::platform::storage::{BrowserStore, Loaded, Problem, SealedStore, Vault, WebCrypto};

/// The citizen's data in the browser: its storage, encrypted with WebCrypto when locked.
pub type AppModel = Model<WebCrypto, BrowserStore>;

/// What fills the main area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Home,
    CheckIn,
    Saved,
    History,
    About,
    Progress,
    Goals,
    /// The passphrase, the idle lock, the end of the programme, deleting everything.
    Safety,
}

/// The app's state: the [`Model`] of the citizen's data, and signals for what the UI
/// shows. Every change goes through the model ([`AppState::change`]), and the signals then
/// take what changed: components read signals and call `AppState` methods.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub screen: RwSignal<Screen>,
    pub history: RwSignal<History>,
    pub draft: RwSignal<Option<Draft>>,
    pub problems: RwSignal<Vec<Problem>>,
    pub chart: RwSignal<ChartChoices>,
    /// The large layout for a laptop, a projector or a phone turned sideways.
    pub session: RwSignal<bool>,
    /// Showing the made-up demo history (`?demo`): the worker draws it; nothing of the
    /// citizen's storage is read or written.
    pub demo: bool,
    /// The consultant's viewer (`?viewer`): files are drawn read-only; nothing is stored.
    pub viewer: bool,
    /// The week that contains today.
    pub week: IsoWeek,
    /// What the address (or the portal that embeds the widget) configured.
    pub config: StoredValue<Config>,
    /// The day the citizen last saved the file of everything (`YYYY-MM-DD`), if ever.
    pub backup: RwSignal<Option<String>>,
    /// The start page's "save a copy now" was tapped: the history screen saves it.
    pub back_up_pending: StoredValue<bool>,
    /// A passphrase is set: everything stored is encrypted, and the app locks when idle.
    pub locked: RwSignal<bool>,
    /// Everything was deleted: the app shows only this message.
    pub wiped: RwSignal<Option<Msg>>,
    /// Saving the check-in failed: its answers are kept (in memory and in the stored
    /// check-in), and its last step says so, with a way out.
    pub not_stored: RwSignal<bool>,
    /// The origin of a portal the app's host does not list, which the start page asks the
    /// citizen about (`page::embed`).
    pub portal_ask: RwSignal<Option<String>>,
    model: StoredValue<AppModel, LocalStorage>,
}

impl AppState {
    /// Reads the stored data and decides where the app opens: in a check-in that was left
    /// half-way, or on the start page.
    pub fn new(
        vault: Vault,
        mut loaded: Loaded,
        config: Config,
        store: Option<BrowserStore>,
        sealed: Option<SealedStore>,
    ) -> AppState {
        // Showing the made-up demo history or a file: open on the progress screen.
        let (demo, viewer) = (config.demo, config.viewer);
        let mut lang = config.lang.or(loaded.settings.lang).unwrap_or_default();
        // A language whose pack could not be fetched: Danish, the language always there,
        // until it can be.
        if !crate::i18n::pack::ready(lang) {
            loaded.problems.push(Problem::LanguageUnavailable { lang });
            lang = Lang::Da;
        }
        let model = AppModel::new(vault, loaded, config.clone(), lang, store, sealed, browser::today());
        let screen = if demo || viewer {
            Screen::Progress
        } else if model.draft.is_some() {
            Screen::CheckIn
        } else {
            Screen::Home
        };
        AppState {
            lang: RwSignal::new(lang),
            screen: RwSignal::new(screen),
            history: RwSignal::new(model.history.clone()),
            draft: RwSignal::new(model.draft.clone()),
            problems: RwSignal::new(model.problems.clone()),
            // What the progress screen shows: kept while the citizen moves between screens.
            // A citizen's file may be old: the viewer shows all of it at first.
            chart: RwSignal::new(ChartChoices::new(if viewer { Period::All } else { Period::SIX_MONTHS })),
            session: RwSignal::new(false),
            demo,
            viewer,
            week: model.week,
            config: StoredValue::new(config),
            backup: RwSignal::new(model.backup.clone()),
            back_up_pending: StoredValue::new(false),
            locked: RwSignal::new(model.sealed().is_some()),
            wiped: RwSignal::new(None),
            not_stored: RwSignal::new(false),
            portal_ask: RwSignal::new(None),
            model: StoredValue::new_local(model),
        }
    }

    /// Changes the model, then lets each signal take what changed (and only that: a
    /// signal set is a redraw).
    pub fn change<T>(self, change: impl FnOnce(&mut AppModel) -> T) -> T {
        let out = self.model.try_update_value(change).expect("the model lives as long as the app");
        self.sync();
        out
    }

    /// Lets each signal take what changed in the model. One copy for every change (wasm
    /// size).
    #[inline(never)]
    fn sync(self) {
        self.model.with_value(|m| {
            take(self.history, &m.history);
            take(self.draft, &m.draft);
            take(self.problems, &m.problems);
            take(self.backup, &m.backup);
            take(self.not_stored, &m.not_stored);
            take(self.locked, &m.sealed().is_some());
        });
    }

    /// Reads the model.
    pub fn read<T>(self, read: impl FnOnce(&AppModel) -> T) -> T {
        self.model.with_value(read)
    }

    /// The idle lock's time and the end of the programme.
    pub fn safety(self) -> Safety {
        self.read(|m| m.safety.clone())
    }

    /// Changes the shared-phone settings and stores them.
    pub fn change_safety(self, change: impl FnOnce(&mut Safety)) {
        self.change(|m| m.change_safety(change));
    }

    /// The browser's storage, if the app keeps the citizen's data there.
    pub fn browser_store(self) -> Option<BrowserStore> {
        self.read(|m| m.store().cloned())
    }

    /// The encrypted store, while a passphrase is set.
    pub fn sealed(self) -> Option<SealedStore> {
        self.read(|m| m.sealed().cloned())
    }

    /// From now on, writes go through `sealed` (a passphrase was set or changed) or, with
    /// `None`, as plain text to the browser's storage (the passphrase was removed).
    pub fn use_store(self, sealed: Option<SealedStore>) {
        if let Some(sealed) = &sealed {
            self.tell_failures(sealed);
        }
        self.change(|m| m.use_store(sealed));
    }

    /// Reports an encrypted write that failed after it was asked for, like any failed save.
    pub fn tell_failures(self, sealed: &SealedStore) {
        sealed.on_failure(std::rc::Rc::new(move |key, reason| {
            self.change(|m| m.report(Err(Problem::SaveFailed { key, reason })));
        }));
    }

    /// Deletes every value of the app from this browser, the lock too, and shows `why`.
    /// Nothing is written afterwards: the vault keeps to memory until the page is left.
    pub fn delete_everything(self, why: Msg) {
        self.change(AppModel::delete_everything);
        self.wiped.set(Some(why));
    }

    /// Where the programme stands today (see [`Safety::ending`]).
    pub fn ending(self) -> Ending {
        self.read(|m| m.ending(browser::today()))
    }

    /// Switches the language. A language not in the first load is fetched first; the
    /// screen, and a check-in half done, stay as they are.
    pub fn set_lang(self, lang: Lang) {
        if !crate::i18n::pack::ready(lang) {
            wasm_bindgen_futures::spawn_local(async move {
                if crate::page::language::load(lang).await {
                    self.change(|m| m.problems.retain(|p| !matches!(p, Problem::LanguageUnavailable { .. })));
                    self.set_lang(lang);
                } else {
                    self.change(|m| m.report(Err(Problem::LanguageUnavailable { lang })));
                }
            });
            return;
        }
        self.change(|m| m.choose_lang(lang));
        self.lang.set(lang);
    }

    /// The citizen's answer for the portal `origin`, if they gave one.
    pub fn portal_choice(self, origin: &str) -> Option<bool> {
        self.read(|m| m.portal_choice(origin))
    }

    /// Remembers the citizen's answer for the portal `origin`, and stores it.
    pub fn choose_portal(self, origin: &str, agreed: bool) {
        self.change(|m| m.choose_portal(origin, agreed));
    }

    /// How the check-in's questions are shown.
    pub fn shown(self) -> Shown {
        self.read(|m| m.shown)
    }

    /// Changes how the questions are shown, for the check-in in progress too, and stores it.
    pub fn change_shown(self, change: impl FnOnce(&mut Shown)) {
        self.change(|m| m.change_shown(change));
    }

    /// Opens the screen with the export and saves the file of everything there, as soon
    /// as it is drawn: the start page's one-tap backup.
    pub fn back_up_now(self) {
        self.back_up_pending.set_value(true);
        self.screen.set(Screen::History);
    }

    /// Remembers that the citizen has the file of everything, saved today: called only
    /// with evidence of it (a share that went through, or the citizen's word that the
    /// download is there). Returns whether the programme has ended, so that deleting
    /// everything may be offered: never done here, always a step of its own.
    pub fn backed_up(self) -> bool {
        self.change(|m| m.backed_up(browser::today()))
    }

    pub fn show(self, screen: Screen) {
        // The consultant's viewer shows the citizen's file, and nothing of its own.
        if self.viewer && screen != Screen::Progress {
            return;
        }
        self.screen.set(screen);
    }

    /// Opens this week's check-in: the one in progress (here or in another tab), or a new
    /// one that starts from the week's saved answers, if any.
    pub fn start_check_in(self) {
        if self.change(AppModel::start_check_in) {
            self.screen.set(Screen::CheckIn);
        }
    }

    pub fn answer(self, value: u8) {
        self.change(|m| m.answer(value, now()));
    }

    /// Answers the current question and stays on it: an arrow key moved the choice, and
    /// the radio button already shows it. Quietly: drawing the step anew would take the
    /// radio button's focus (what another tab gives is still drawn).
    pub fn choose(self, value: u8) {
        self.quietly(|m| m.choose(value, now()));
    }

    /// Gives the week's work and moves on; a step that does not add up changes nothing.
    pub fn give_work(self, work: Work) -> Result<(), ProgressError> {
        self.change(|m| m.give_work(work, now()))
    }

    /// Answers the goal step and stays on it: an arrow key moved the choice.
    pub fn choose_goal(self, kept: Kept, note: &str) {
        self.change(|m| m.choose_goal(kept, note, now()));
    }

    /// The goal step's note, kept as it is typed (the field keeps its focus).
    pub fn set_goal_note(self, note: &str) {
        self.quietly(|m| m.set_goal_note(note, now()));
    }

    pub fn next(self) {
        self.change(AppModel::next);
    }

    /// One step back; from the first question, back to the start page (the check-in stays).
    pub fn back(self) {
        if !self.change(AppModel::back) {
            self.screen.set(Screen::Home);
        }
    }

    pub fn set_note(self, note: String) {
        // The note field owns its text: a redraw would steal the field's focus.
        self.quietly(|m| m.set_note(note, now()));
    }

    /// Runs `operation` and takes in the check-in untracked: the control that changed it
    /// already shows the change, and drawing the step anew would take its focus. The
    /// problems it met are shown.
    fn quietly(self, operation: impl FnOnce(&mut AppModel)) {
        let problems = self.model.try_update_value(|m| {
            operation(m);
            self.draft.update_untracked(|draft| draft.clone_from(&m.draft));
            m.problems.clone()
        });
        if let Some(problems) = problems {
            take(self.problems, &problems);
        }
    }

    /// Takes in what other tabs stored since this one last read or wrote (see
    /// [`AppModel::merge_stored`]) without moving the citizen: the step stays, and a
    /// screen redraws only when what it shows changed.
    pub fn merge_stored(self) {
        let in_check_in = self.screen.get_untracked() == Screen::CheckIn;
        self.change(|m| m.merge_stored(in_check_in));
    }

    /// Replaces the history (an edit on a session screen, an import) and stores it;
    /// `stored` runs once it is in storage (with a passphrase: once its encrypted write has
    /// landed), so "saved" is never said of what a reload would lose. A write that fails
    /// is told like any failed save, and `stored` never runs.
    pub fn replace_history(self, history: History, stored: impl FnOnce() + 'static) {
        let before = self.read(AppModel::history_failures);
        self.change(|m| m.replace_history(history));
        wasm_bindgen_futures::spawn_local(async move {
            self.settled().await;
            if self.read(|m| m.history_stored(before)) {
                stored();
            }
        });
    }

    /// Waits until every encrypted write asked for is in storage (at most five seconds).
    pub(crate) async fn settled(self) {
        for _ in 0..250 {
            if self.read(AppModel::pending) == 0 {
                break;
            }
            browser::sleep(20).await;
        }
    }

    /// Saves the check-in into the history (see [`AppModel::finish`]): "saved" only once
    /// it is stored; a save that fails keeps every answer and says so.
    pub fn finish(self) {
        let finished = self.change(|m| m.finish(now(), &mut browser::random_id));
        match finished {
            Finished::Saved(week) => self.saved(week),
            Finished::NotStored => {}
            // The encrypted write is on its way: "saved" only once it is in storage.
            Finished::Sealing(week, draft) => wasm_bindgen_futures::spawn_local(async move {
                self.settled().await;
                if self.change(|m| m.sealed_outcome(draft)) {
                    self.saved(week);
                }
            }),
        }
    }

    /// The check-in of `week` is stored: the citizen is thanked, and the portal hears that
    /// a check-in was saved.
    fn saved(self, week: IsoWeek) {
        embed::ask_persistent_storage();
        embed::completed(&self.read(|m| m.completed_message(week)));
        self.screen.set(Screen::Saved);
    }
}

/// The time now, in milliseconds since 1970.
fn now() -> u64 {
    browser::now_millis() as u64
}

/// Sets `signal` to `value` if it holds something else.
fn take<T: Clone + PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: &T) {
    if signal.with_untracked(|held| held != value) {
        signal.set(value.clone());
    }
}
