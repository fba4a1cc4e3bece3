//! The one source of truth of the running app, provided by context.

use leptos::prelude::*;

use super::{browser, embed};
use crate::config::Config;
use crate::domain::checkin::{skipped, Draft, Shown};
use crate::domain::history::History;
use crate::domain::instrument::WHO5_ID;
use crate::domain::lang::Lang;
use crate::domain::progression::{Kept, ProgressError, Work};
use crate::domain::response::who5_score;
use crate::domain::safety::{Ending, Safety};
use crate::domain::series::{default_lines, LineKey, Period};
use crate::domain::stored::Settings;
use crate::domain::week::IsoWeek;
use crate::i18n::Msg;
use crate::storage::{BrowserStore, Loaded, MemoryStore, Problem, SealedStore, Vault};

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

/// What the progress screen shows: kept while the citizen moves between screens. One
/// signal for all of it: one reactive type costs the first load less than five.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartChoices {
    pub period: Period,
    pub lines: Vec<LineKey>,
    pub average: bool,
    /// Notes are private: hidden unless the citizen shows them.
    pub notes: bool,
    /// The numbers as a table under the charts.
    pub table: bool,
    /// The earlier week the radars compare with, besides the first and the latest.
    pub compare: Option<IsoWeek>,
    /// Whether the list of lines to choose from is open.
    pub lines_open: bool,
}

/// The app's state: signals for what the UI shows, and the vault that keeps it.
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
    /// The language the citizen chose with the switch (stored; the address's `?lang=`
    /// shows a language without choosing it).
    chosen: StoredValue<Option<Lang>>,
    /// The start page's "save a copy now" was tapped: the history screen saves it.
    pub back_up_pending: StoredValue<bool>,
    /// A passphrase is set: everything stored is encrypted, and the app locks when idle.
    pub locked: RwSignal<bool>,
    /// Everything was deleted: the app shows only this message.
    pub wiped: RwSignal<Option<Msg>>,
    /// Saving the check-in failed: its answers are kept (in memory and in the stored
    /// check-in), and its last step says so, with a way out.
    pub not_stored: RwSignal<bool>,
    /// The citizen's file opened in the consultant's viewer: kept by the page (as the
    /// browser's `File`, never read here) so that it stays open when the screen is drawn
    /// anew, in another language, for instance.
    pub viewer_file: StoredValue<Option<wasm_bindgen::JsValue>, LocalStorage>,
    /// The origin of a portal the app's host does not list, which the start page asks the
    /// citizen about (`ui::embed`).
    pub portal_ask: RwSignal<Option<String>>,
    /// The vault and what lies under it. One stored value for all of it: each reactive
    /// type is code the first load carries.
    vault: StoredValue<Backing, LocalStorage>,
}

/// The vault, and the stores under it.
pub struct Backing {
    vault: Vault,
    /// The browser's storage (none in the demo, the viewer, or when the browser refuses
    /// storage), and the encrypted store over it while a passphrase is set.
    store: Option<BrowserStore>,
    sealed: Option<SealedStore>,
    /// The idle lock's time and the end of the programme.
    safety: Safety,
    /// How the check-in's questions are shown (stored with the settings).
    shown: Shown,
    /// The citizen's answer per portal origin (stored with the settings).
    portals: Vec<(String, bool)>,
}

impl std::ops::Deref for Backing {
    type Target = Vault;
    fn deref(&self) -> &Vault {
        &self.vault
    }
}

impl std::ops::DerefMut for Backing {
    fn deref_mut(&mut self) -> &mut Vault {
        &mut self.vault
    }
}

impl AppState {
    /// Reads the stored data and decides where the app opens: in a check-in that was left
    /// half-way, or on the start page.
    pub fn new(
        vault: Vault,
        loaded: Loaded,
        config: Config,
        store: Option<BrowserStore>,
        sealed: Option<SealedStore>,
    ) -> AppState {
        let Loaded { history, mut draft, settings, safety, mut problems } = loaded;
        // Showing the made-up demo history or a file: open on the progress screen.
        let (demo, viewer) = (config.demo, config.viewer);
        let mut lang = config.lang.or(settings.lang).unwrap_or_default();
        // A language whose pack could not be fetched: English until it can.
        if !crate::i18n::pack::ready(lang) {
            problems.push(Problem::LanguageUnavailable { lang });
            lang = Lang::En;
        }
        let shown = Shown { easy: settings.easy, who5_lang: settings.who5_lang };
        if let Some(draft) = &mut draft {
            draft.shown = shown;
        }
        let screen = if demo || viewer {
            Screen::Progress
        } else if draft.is_some() {
            Screen::CheckIn
        } else {
            Screen::Home
        };
        AppState {
            lang: RwSignal::new(lang),
            screen: RwSignal::new(screen),
            history: RwSignal::new(history),
            draft: RwSignal::new(draft),
            problems: RwSignal::new(problems),
            chart: RwSignal::new(ChartChoices {
                // A citizen's file may be old: the viewer shows all of it at first.
                period: if viewer { Period::All } else { Period::SIX_MONTHS },
                lines: default_lines(),
                average: false,
                notes: false,
                table: false,
                compare: None,
                lines_open: false,
            }),
            session: RwSignal::new(false),
            demo,
            viewer,
            week: IsoWeek::containing(browser::today()),
            config: StoredValue::new(config),
            backup: RwSignal::new(settings.backup),
            chosen: StoredValue::new(settings.lang),
            back_up_pending: StoredValue::new(false),
            locked: RwSignal::new(sealed.is_some()),
            wiped: RwSignal::new(None),
            not_stored: RwSignal::new(false),
            viewer_file: StoredValue::new_local(None),
            portal_ask: RwSignal::new(None),
            vault: StoredValue::new_local(Backing { vault, store, sealed, safety, shown, portals: settings.portals }),
        }
    }

    /// The idle lock's time and the end of the programme.
    pub fn safety(self) -> Safety {
        self.vault.with_value(|b| b.safety.clone())
    }

    /// Changes the shared-phone settings and stores them.
    pub fn change_safety(self, change: impl FnOnce(&mut Safety)) {
        self.vault.update_value(|b| change(&mut b.safety));
        let result = self.vault.with_value(|b| b.vault.save_safety(&b.safety));
        self.report(result);
    }

    /// The browser's storage, if the app keeps the citizen's data there.
    pub fn browser_store(self) -> Option<BrowserStore> {
        self.vault.with_value(|b| b.store.clone())
    }

    /// The encrypted store, while a passphrase is set.
    pub fn sealed(self) -> Option<SealedStore> {
        self.vault.with_value(|b| b.sealed.clone())
    }

    /// From now on, writes go through `sealed` (a passphrase was set or changed) or, with
    /// `None`, as plain text to the browser's storage (the passphrase was removed).
    pub fn use_store(self, sealed: Option<SealedStore>) {
        let Some(store) = self.browser_store() else { return };
        if let Some(sealed) = &sealed {
            self.tell_failures(sealed);
        }
        let next: Box<dyn crate::storage::KeyValueStore> = match sealed.clone() {
            Some(sealed) => Box::new(sealed),
            None => Box::new(store),
        };
        self.locked.set(sealed.is_some());
        self.vault.update_value(|b| {
            b.vault.replace_store(next);
            b.sealed = sealed;
        });
    }

    /// Reports an encrypted write that failed after it was asked for, like any failed save.
    pub fn tell_failures(self, sealed: &SealedStore) {
        sealed.on_failure(std::rc::Rc::new(move |key, reason| {
            self.report(Err(Problem::SaveFailed { key, reason }));
        }));
    }

    /// Deletes every value of the app from this browser, the lock too, and shows `why`.
    /// Nothing is written afterwards: the vault keeps to memory until the page is left.
    pub fn delete_everything(self, why: Msg) {
        self.vault.with_value(|v| crate::storage::delete_everything(v.store()));
        if let Some(store) = self.browser_store() {
            crate::storage::delete_everything(&store);
        }
        self.vault.update_value(|b| {
            b.vault.replace_store(Box::new(MemoryStore::new()));
            b.sealed = None;
            b.store = None;
        });
        self.locked.set(false);
        self.history.set(History::default());
        self.draft.set(None);
        self.backup.set(None);
        self.problems.set(Vec::new());
        self.wiped.set(Some(why));
    }

    /// Where the programme stands today (see [`Safety::ending`]).
    pub fn ending(self) -> Ending {
        if self.demo || self.viewer {
            return Ending::Running;
        }
        self.safety().ending(browser::today())
    }

    fn report(self, result: Result<(), Problem>) {
        if let Err(problem) = result {
            self.problems.update(|problems| {
                if !problems.contains(&problem) {
                    problems.push(problem);
                }
            });
        }
    }

    fn save_draft(self) {
        let result = self.draft.with_untracked(|draft| self.vault.with_value(|v| v.save_draft(draft.as_ref())));
        self.report(result);
    }

    fn save_settings(self) {
        let shown = self.shown();
        let mut settings = Settings {
            version: 0,
            lang: self.chosen.get_value(),
            backup: self.backup.get_untracked(),
            easy: shown.easy,
            who5_lang: shown.who5_lang,
            portals: Vec::new(),
        };
        // The answers per portal lent to the settings for the write (a copy is code).
        let mut result = Ok(());
        self.vault.update_value(|b| {
            settings.portals = std::mem::take(&mut b.portals);
            result = b.vault.save_settings(&settings);
            b.portals = std::mem::take(&mut settings.portals);
        });
        self.report(result);
    }

    /// Switches the language. A language not in the first load is fetched first; the
    /// screen, and a check-in half done, stay as they are.
    pub fn set_lang(self, lang: Lang) {
        if !crate::i18n::pack::ready(lang) {
            wasm_bindgen_futures::spawn_local(async move {
                if super::language::load(lang).await {
                    self.problems.update(|p| p.retain(|p| !matches!(p, Problem::LanguageUnavailable { .. })));
                    self.set_lang(lang);
                } else {
                    self.report(Err(Problem::LanguageUnavailable { lang }));
                }
            });
            return;
        }
        self.lang.set(lang);
        self.chosen.set_value(Some(lang));
        self.save_settings();
    }

    /// The citizen's answer for the portal `origin`, if they gave one.
    pub fn portal_choice(self, origin: &str) -> Option<bool> {
        self.vault.with_value(|b| b.portals.iter().rev().find(|(o, _)| o == origin).map(|(_, agreed)| *agreed))
    }

    /// Remembers the citizen's answer for the portal `origin`, and stores it.
    pub fn choose_portal(self, origin: &str, agreed: bool) {
        // Only asked about an origin not yet answered for (the last answer counts).
        self.vault.update_value(|b| b.portals.push((origin.to_owned(), agreed)));
        self.save_settings();
    }

    /// How the check-in's questions are shown.
    pub fn shown(self) -> Shown {
        self.vault.with_value(|b| b.shown)
    }

    /// Changes how the questions are shown, for the check-in in progress too, and stores it.
    pub fn change_shown(self, change: impl FnOnce(&mut Shown)) {
        self.vault.update_value(|b| change(&mut b.shown));
        let shown = self.shown();
        self.draft.update(|draft| draft.iter_mut().for_each(|d| d.shown = shown));
        self.save_settings();
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
        if self.demo || self.viewer {
            return false;
        }
        self.backup.set(Some(crate::domain::progression::format_date(browser::today())));
        self.save_settings();
        matches!(self.ending(), Ending::Ended { .. })
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
        // The viewer has no check-in of its own: nothing it answered could be kept.
        if self.viewer || self.demo {
            return;
        }
        if self.draft.with_untracked(Option::is_none) {
            self.merge_stored();
        }
        if self.draft.with_untracked(Option::is_none) {
            let draft = self.history.with_untracked(|history| {
                let skipped = self
                    .config
                    .with_value(|c| skipped(c.instruments.as_deref(), c.who5_fortnightly, self.week, history));
                Draft::start_without(self.week, history, skipped)
            });
            self.draft.set(Some(Draft { shown: self.shown(), ..draft }));
            self.save_draft();
        }
        self.screen.set(Screen::CheckIn);
    }

    pub fn answer(self, value: u8) {
        self.draft.update(|draft| {
            if let Some(draft) = draft {
                // The buttons offer only values on the scale; an error here changes nothing.
                let _ = draft.answer(value, browser::now_millis() as u64);
            }
        });
        self.save_draft();
    }

    /// Answers the current question and stays on it: an arrow key moved the choice, and
    /// the radio button already shows it. Untracked: drawing the step anew would take the
    /// radio button's focus (what another tab gives is still drawn).
    pub fn choose(self, value: u8) {
        self.draft.update_untracked(|draft| {
            if let Some(draft) = draft {
                // The radio buttons offer only values on the scale; an error changes nothing.
                let _ = draft.choose(value, browser::now_millis() as u64);
            }
        });
        self.save_draft();
    }

    /// Gives the week's work and moves on; a step that does not add up changes nothing.
    pub fn give_work(self, work: Work) -> Result<(), ProgressError> {
        let mut result = Ok(());
        self.draft.update(|draft| {
            if let Some(draft) = draft {
                result = draft.give_work(work, browser::now_millis() as u64);
            }
        });
        self.save_draft();
        result
    }

    pub fn keep_goal(self, kept: Kept, note: &str) {
        let now = browser::now_millis() as u64;
        self.draft.update(|draft| draft.iter_mut().for_each(|d| d.keep_goal(kept, note, now)));
        self.save_draft();
    }

    /// Answers the goal step and stays on it: an arrow key moved the choice.
    pub fn choose_goal(self, kept: Kept, note: &str) {
        let now = browser::now_millis() as u64;
        self.draft.update(|draft| {
            if let Some(draft) = draft {
                draft.choose_goal(kept, note, now);
            }
        });
        self.save_draft();
    }

    pub fn next(self) {
        self.draft.update(|draft| draft.iter_mut().for_each(Draft::next));
        self.save_draft();
    }

    /// One step back; from the first question, back to the start page (the check-in stays).
    pub fn back(self) {
        let at_first = self.draft.with_untracked(|d| d.as_ref().is_none_or(|d| d.step == 0));
        if at_first {
            self.screen.set(Screen::Home);
        } else {
            self.draft.update(|draft| draft.iter_mut().for_each(Draft::back));
            self.save_draft();
        }
    }

    pub fn set_note(self, note: String) {
        // Untracked: the note field owns its text, and re-rendering would steal its focus.
        self.draft.update_untracked(|draft| {
            if let Some(draft) = draft {
                draft.set_note(note, browser::now_millis() as u64);
            }
        });
        self.save_draft();
    }

    /// Takes in what other tabs stored since this one last read or wrote (see
    /// [`Vault::reload`]) without moving the citizen: the step stays, and a screen redraws
    /// only when what it shows changed. A check-in another tab saved is closed here too,
    /// unless the citizen is in it here: then it goes on, and saving it keeps both.
    pub fn merge_stored(self) {
        let mut draft = self.draft.get_untracked();
        let reloaded = self.vault.with_value(|v| v.reload(&mut draft));
        if reloaded.draft_gone && self.screen.get_untracked() != Screen::CheckIn {
            draft = None;
        }
        for problem in reloaded.problems {
            self.report(Err(problem));
        }
        if let Some(history) = reloaded.history {
            super::tabs::history_reloaded();
            self.history.set(history);
        }
        // What the check-in's screen shows is a memo: it redraws only if that changed.
        let shown = self.shown();
        self.draft.set(draft.map(|d| Draft { shown, ..d }));
    }

    /// Replaces the history (after an import the citizen confirmed) and stores it.
    pub fn replace_history(self, history: History) {
        self.history.set(history);
        let saved = self.history.with_untracked(|history| self.vault.with_value(|v| v.save_history(history)));
        self.report(saved);
    }

    /// Saves the check-in into the history. The check-in in progress is removed only once
    /// the history is stored (with a passphrase: once its encrypted write is in storage),
    /// and only then does the citizen read "saved" and the portal hear of it. A save that
    /// fails keeps every answer and says so on the check-in's last step.
    pub fn finish(self) {
        // What another tab gave or saved meanwhile is saved with it.
        self.merge_stored();
        let Some(mut draft) = self.draft.get_untracked() else { return };
        let week = draft.week;
        let authored = crate::domain::response::rfc3339_utc(browser::now_millis());
        let lang = self.lang.get_untracked();
        let mut history = self.history.get_untracked();
        draft.clone().save_into(&mut history, &authored, lang, &mut browser::random_id);
        // A second try saves the same responses again, not new ones beside them.
        for id in crate::domain::history::instrument_ids() {
            if let Some(response) = history.response_for(week, id) {
                draft.editing.insert(id.to_owned(), response.id.clone());
            }
        }
        // An earlier failure of this save is told again only if it fails again.
        let history_key =
            |p: &Problem| matches!(p, Problem::SaveFailed { key, .. } if key == crate::storage::HISTORY_KEY);
        self.problems.update(|problems| problems.retain(|p| !history_key(p)));
        let saved = self.vault.with_value(|v| v.save_history(&history));
        let stored = !matches!(saved, Err(Problem::SaveFailed { .. }))
            && self.vault.with_value(|v| v.writes(crate::storage::HISTORY_KEY));
        self.report(saved);
        // Held in memory either way: a file saved from "Past weeks" then holds the answers.
        self.history.set(history);
        if !stored {
            self.draft.set(Some(draft));
            self.save_draft();
            return self.not_stored.set(true);
        }
        match self.sealed() {
            None => self.saved(week),
            // The encrypted write is on its way: "saved" only once it is in storage.
            Some(sealed) => wasm_bindgen_futures::spawn_local(async move {
                for _ in 0..250 {
                    if sealed.pending() == 0 {
                        break;
                    }
                    browser::sleep(20).await;
                }
                let failed = self.problems.with_untracked(|problems| problems.iter().any(history_key));
                if failed || sealed.pending() > 0 {
                    self.draft.set(Some(draft));
                    self.save_draft();
                    self.not_stored.set(true);
                } else {
                    self.saved(week);
                }
            }),
        }
    }

    /// The check-in of `week` is stored: it ends, the citizen is thanked, and the portal
    /// hears that a check-in was saved (the week, the instruments answered and the WHO-5
    /// percentage, nothing more).
    fn saved(self, week: IsoWeek) {
        self.not_stored.set(false);
        self.draft.set(None);
        self.save_draft();
        embed::ask_persistent_storage();
        let summary = self.history.with_untracked(|history| {
            let answered: Vec<&str> = crate::domain::history::instrument_ids()
                .into_iter()
                .filter(|id| history.response_for(week, id).is_some_and(|r| !r.answers.is_empty()))
                .collect();
            let who5 = history.response_for(week, WHO5_ID).and_then(who5_score).map(|s| s.percent);
            crate::protocol::completed(week, &answered, who5)
        });
        embed::completed(&summary);
        self.screen.set(Screen::Saved);
    }
}
