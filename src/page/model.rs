//! What the citizen has given and where it is kept: the history, the check-in in progress,
//! the settings, and the vault they are stored through. Every operation the page offers
//! that changes stored data is a method here, pure over the [`KeyValueStore`] and the
//! [`Cipher`], so the host drives the very same code (tests/faults.rs runs long random
//! sequences of them against storage that fails). The page (`page::state::AppState`) holds
//! one `Model` and mirrors what it shows in signals.
//!
//! Time comes in as arguments (`now`: milliseconds since 1970; `today`), never read here.

use time::Date;

use crate::domain::checkin::{skipped, Draft, Shown};
use crate::domain::history::{instrument_ids, History};
use crate::domain::instrument::WHO5_ID;
use crate::domain::lang::Lang;
use crate::domain::progression::{format_date, Kept, ProgressError, Work};
use crate::domain::rater::Readings;
use crate::domain::response::{rfc3339_utc, who5_score};
use crate::domain::week::IsoWeek;
use crate::formats::config::Config;
use crate::formats::safety::{Ending, Safety};
use crate::formats::stored::Settings;
use crate::platform::storage::{
    delete_everything, Cipher, KeyValueStore, Loaded, MemoryStore, Problem, SealedOver, Vault, DRAFT_KEY, HISTORY_KEY,
    READINGS_KEY,
};

/// What became of [`Model::finish`].
#[derive(Debug)]
pub enum Finished {
    /// Stored: the check-in of this week is over.
    Saved(IsoWeek),
    /// Not stored: every answer is kept in the check-in, which stays open and says so.
    NotStored,
    /// Written through the passphrase's encryption, still under way: call
    /// [`Model::sealed_outcome`] once no encrypted write is pending.
    Sealing(IsoWeek, Draft),
}

/// The citizen's data and the stores it is kept in. `S` is the browser's storage (none in
/// the demo, the viewer, or when the browser refuses storage), `C` the passphrase's cipher.
pub struct Model<C: Cipher, S: KeyValueStore + Clone + 'static> {
    vault: Vault,
    store: Option<S>,
    /// The encrypted store over `store`, while a passphrase is set.
    sealed: Option<SealedOver<C, S>>,
    /// What the address (or the portal) configured.
    pub config: Config,
    /// The language shown, and the one the citizen chose (stored; `?lang=` only shows).
    pub lang: Lang,
    chosen: Option<Lang>,
    pub history: History,
    pub draft: Option<Draft>,
    /// What the citizen must be told about their stored data.
    pub problems: Vec<Problem>,
    /// How many writes of the history have failed, each counted (`problems` lists a
    /// problem once): "saved" is said of a history only if none failed meanwhile.
    history_failures: u32,
    /// Saving the check-in failed: its answers are kept, and its last step says so.
    pub not_stored: bool,
    /// The day the citizen last saved the file of everything (`YYYY-MM-DD`), if ever.
    pub backup: Option<String>,
    /// The idle lock's time and the end of the programme.
    pub safety: Safety,
    /// How the check-in's questions are shown (stored with the settings).
    pub shown: Shown,
    /// The citizen's answer per portal origin (stored with the settings).
    portals: Vec<(String, bool)>,
    /// The week that contains today.
    pub week: IsoWeek,
}

impl<C: Cipher, S: KeyValueStore + Clone + 'static> Model<C, S> {
    /// The model over what [`Vault::open`] found; `lang` is the language to show.
    pub fn new(
        vault: Vault,
        loaded: Loaded,
        config: Config,
        lang: Lang,
        store: Option<S>,
        sealed: Option<SealedOver<C, S>>,
        today: Date,
    ) -> Self {
        let Loaded { history, mut draft, settings, safety, problems } = loaded;
        let shown = Shown { easy: settings.easy, who5_lang: settings.who5_lang };
        if let Some(draft) = &mut draft {
            draft.shown = shown;
        }
        Model {
            vault,
            store,
            sealed,
            config,
            lang,
            chosen: settings.lang,
            history,
            draft,
            problems,
            history_failures: 0,
            not_stored: false,
            backup: settings.backup,
            safety,
            shown,
            portals: settings.portals,
            week: IsoWeek::containing(today),
        }
    }

    /// Showing the made-up demo history or a citizen's file: nothing is stored.
    pub fn read_only(&self) -> bool {
        self.config.demo || self.config.viewer
    }

    /// The browser's storage, if the app keeps the citizen's data there.
    pub fn store(&self) -> Option<&S> {
        self.store.as_ref()
    }

    /// The encrypted store, while a passphrase is set.
    pub fn sealed(&self) -> Option<&SealedOver<C, S>> {
        self.sealed.as_ref()
    }

    /// Encrypted writes asked for and not yet in storage.
    pub fn pending(&self) -> usize {
        self.sealed.as_ref().map_or(0, SealedOver::pending)
    }

    /// Tells the citizen of `result`'s problem, once.
    pub fn report(&mut self, result: Result<(), Problem>) {
        if let Err(problem) = result {
            if history_failed(&problem) {
                self.history_failures += 1;
            }
            if !self.problems.contains(&problem) {
                self.problems.push(problem);
            }
        }
    }

    /// From now on, writes go through `sealed` (a passphrase was set or changed) or, with
    /// `None`, as plain text to the browser's storage (the passphrase was removed).
    pub fn use_store(&mut self, sealed: Option<SealedOver<C, S>>) {
        let Some(store) = self.store.clone() else { return };
        let next: Box<dyn KeyValueStore> = match sealed.clone() {
            Some(sealed) => Box::new(sealed),
            None => Box::new(store),
        };
        self.vault.replace_store(next);
        self.sealed = sealed;
    }

    /// Changes the shared-phone settings and stores them.
    pub fn change_safety(&mut self, change: impl FnOnce(&mut Safety)) {
        change(&mut self.safety);
        let result = self.vault.save_safety(&self.safety);
        self.report(result);
    }

    /// Where the programme stands `today` (see [`Safety::ending`]).
    pub fn ending(&self, today: Date) -> Ending {
        if self.read_only() {
            return Ending::Running;
        }
        self.safety.ending(today)
    }

    /// Deletes every value of the app from this browser, the lock too. Nothing is written
    /// afterwards: the vault keeps to memory until the page is left.
    pub fn delete_everything(&mut self) {
        delete_everything(self.vault.store());
        if let Some(store) = &self.store {
            delete_everything(store);
        }
        self.vault.replace_store(Box::new(MemoryStore::new()));
        self.sealed = None;
        self.store = None;
        self.history = History::default();
        self.draft = None;
        self.backup = None;
        self.problems.clear();
    }

    fn save_draft(&mut self) {
        let result = self.vault.save_draft(self.draft.as_ref());
        self.report(result);
    }

    fn save_settings(&mut self) {
        let mut settings = Settings {
            version: 0,
            lang: self.chosen,
            backup: self.backup.clone(),
            easy: self.shown.easy,
            who5_lang: self.shown.who5_lang,
            // Lent to the settings for the write (a copy is code).
            portals: std::mem::take(&mut self.portals),
        };
        let result = self.vault.save_settings(&settings);
        self.portals = std::mem::take(&mut settings.portals);
        self.report(result);
    }

    /// Shows `lang` and stores it as the citizen's choice (its texts must be at hand).
    pub fn choose_lang(&mut self, lang: Lang) {
        self.lang = lang;
        self.chosen = Some(lang);
        self.save_settings();
    }

    /// The citizen's answer for the portal `origin`, if they gave one.
    pub fn portal_choice(&self, origin: &str) -> Option<bool> {
        self.portals.iter().rev().find(|(o, _)| o == origin).map(|(_, agreed)| *agreed)
    }

    /// Remembers the citizen's answer for the portal `origin`, and stores it.
    pub fn choose_portal(&mut self, origin: &str, agreed: bool) {
        // Only asked about an origin not yet answered for (the last answer counts).
        self.portals.push((origin.to_owned(), agreed));
        self.save_settings();
    }

    /// Changes how the questions are shown, for the check-in in progress too, and stores it.
    pub fn change_shown(&mut self, change: impl FnOnce(&mut Shown)) {
        change(&mut self.shown);
        let shown = self.shown;
        self.draft.iter_mut().for_each(|d| d.shown = shown);
        self.save_settings();
    }

    /// Remembers that the citizen has the file of everything, saved `today`: called only
    /// with evidence of it. Returns whether the programme has ended, so that deleting
    /// everything may be offered: never done here, always a step of its own.
    pub fn backed_up(&mut self, today: Date) -> bool {
        if self.read_only() {
            return false;
        }
        self.backup = Some(format_date(today));
        self.save_settings();
        matches!(self.ending(today), Ending::Ended { .. })
    }

    /// Opens this week's check-in: the one in progress (here or in another tab), or a new
    /// one that starts from the week's saved answers, if any. `false` in the demo and the
    /// viewer, which have no check-in of their own.
    pub fn start_check_in(&mut self) -> bool {
        if self.read_only() {
            return false;
        }
        if self.draft.is_none() {
            self.merge_stored(true);
        }
        if self.draft.is_none() {
            let skipped =
                skipped(self.config.instruments.as_deref(), self.config.who5_fortnightly, self.week, &self.history);
            let draft = Draft::start_without(self.week, &self.history, skipped);
            self.draft = Some(Draft { shown: self.shown, ..draft });
            self.save_draft();
        }
        true
    }

    /// Answers the current question with `value`; a value off the scale changes nothing.
    pub fn answer(&mut self, value: u8, now: u64) {
        if let Some(draft) = &mut self.draft {
            let _ = draft.answer(value, now);
        }
        self.save_draft();
    }

    /// Answers the current question and stays on it (an arrow key moved the choice). The
    /// answers offered are only values on the scale: an error changes nothing.
    pub fn choose(&mut self, value: u8, now: u64) {
        if let Some(draft) = &mut self.draft {
            let _ = draft.choose(value, now);
        }
        self.save_draft();
    }

    /// Gives the week's work and moves on; a step that does not add up changes nothing.
    pub fn give_work(&mut self, work: Work, now: u64) -> Result<(), ProgressError> {
        let result = self.draft.as_mut().map_or(Ok(()), |draft| draft.give_work(work, now));
        self.save_draft();
        result
    }

    pub fn keep_goal(&mut self, kept: Kept, note: &str, now: u64) {
        self.draft.iter_mut().for_each(|d| d.keep_goal(kept, note, now));
        self.save_draft();
    }

    /// Answers the goal step and stays on it (an arrow key moved the choice).
    pub fn choose_goal(&mut self, kept: Kept, note: &str, now: u64) {
        self.draft.iter_mut().for_each(|d| {
            d.choose_goal(kept, note, now);
        });
        self.save_draft();
    }

    pub fn set_goal_note(&mut self, note: &str, now: u64) {
        self.draft.iter_mut().for_each(|d| d.set_goal_note(note, now));
        self.save_draft();
    }

    pub fn next(&mut self) {
        self.draft.iter_mut().for_each(Draft::next);
        self.save_draft();
    }

    /// One step back. `false` from the first question: the page goes back to the start
    /// page, and the check-in stays.
    pub fn back(&mut self) -> bool {
        if self.draft.as_ref().is_none_or(|d| d.step == 0) {
            return false;
        }
        self.draft.iter_mut().for_each(Draft::back);
        self.save_draft();
        true
    }

    pub fn set_note(&mut self, note: String, now: u64) {
        if let Some(draft) = &mut self.draft {
            draft.set_note(note, now);
        }
        self.save_draft();
    }

    /// Takes in what other tabs stored since this one last read or wrote (see
    /// [`Vault::reload`]) without moving the citizen: the step stays. A check-in another
    /// tab saved is closed here too, unless the citizen is `in_check_in` here: then it
    /// goes on, and saving it keeps both. Returns whether the history changed.
    pub fn merge_stored(&mut self, in_check_in: bool) -> bool {
        let reloaded = self.vault.reload(&mut self.draft);
        if reloaded.draft_gone && !in_check_in {
            self.draft = None;
        }
        for problem in reloaded.problems {
            self.report(Err(problem));
        }
        let shown = self.shown;
        self.draft.iter_mut().for_each(|d| d.shown = shown);
        match reloaded.history {
            Some(history) => {
                self.history = history;
                true
            }
            None => false,
        }
    }

    /// Another tab stored `key` (with a passphrase set: already read in, see
    /// [`SealedOver::refresh`]). The history and the check-in are merged in; with `again`
    /// (this tab's write of `key` found it stored meanwhile, and stored nothing), this
    /// tab's history or check-in is saved again, merged with theirs. Returns whether the
    /// history changed.
    pub fn heard(&mut self, key: &str, again: bool, in_check_in: bool) -> bool {
        if again && key == HISTORY_KEY {
            // Taken out and put back: no copy of the history (wasm size).
            let mine = std::mem::take(&mut self.history);
            self.replace_history(mine);
        }
        let changed = (key == HISTORY_KEY || key == DRAFT_KEY) && self.merge_stored(in_check_in);
        // This tab's check-in was not stored (theirs was, or none was): once merged, it is.
        if again && key == DRAFT_KEY && self.draft.is_some() {
            self.save_draft();
        }
        changed
    }

    /// Replaces the history (after an import the citizen confirmed) and stores it.
    pub fn replace_history(&mut self, history: History) {
        self.history = history;
        let saved = self.vault.save_history(&self.history);
        self.report(saved);
    }

    /// Whether readings by others were ever stored here (not read, nor decrypted).
    pub fn has_readings(&self) -> bool {
        matches!(self.vault.store().get(READINGS_KEY), Ok(Some(_)))
    }

    /// Others' readings of the citizen, read from storage (the session screens hold them;
    /// the check-in never does). What cannot be read is told like any stored value.
    pub fn readings(&mut self) -> Readings {
        let (readings, problems) = self.vault.readings();
        for problem in problems {
            self.report(Err(problem));
        }
        readings
    }

    /// Stores `readings` (merged with another tab's) and returns what to hold; nothing is
    /// stored for the demo or the viewer.
    pub fn save_readings(&mut self, readings: &Readings) -> Readings {
        if self.read_only() {
            return readings.clone();
        }
        let (held, problem) = self.vault.save_readings(readings);
        self.report(problem.map_or(Ok(()), Err));
        held
    }

    /// How many writes of the history have failed so far: compared before and after a
    /// write, it tells whether that write failed ([`Model::history_stored`]).
    pub fn history_failures(&self) -> u32 {
        self.history_failures
    }

    /// Whether the history is in storage since `failures_before` was read: it is written
    /// at all (not kept in memory only, beside a value that could not be read), no write
    /// of it failed meanwhile, and none is still being encrypted.
    pub fn history_stored(&self, failures_before: u32) -> bool {
        self.vault.writes(HISTORY_KEY) && self.pending() == 0 && self.history_failures == failures_before
    }

    /// Saves the check-in into the history. The check-in in progress is removed only once
    /// the history is stored (with a passphrase: once its encrypted write is in storage,
    /// see [`Finished::Sealing`]), and only then may the citizen read "saved". A save that
    /// fails keeps every answer and says so on the check-in's last step.
    pub fn finish(&mut self, now: u64, random_id: &mut dyn FnMut() -> String) -> Finished {
        // What another tab gave or saved meanwhile is saved with it.
        self.merge_stored(true);
        let Some(mut draft) = self.draft.clone() else { return Finished::NotStored };
        let week = draft.week;
        let authored = rfc3339_utc(now as f64);
        draft.clone().save_into(&mut self.history, &authored, self.lang, random_id);
        // A second try saves the same responses again, not new ones beside them.
        for id in instrument_ids() {
            if let Some(response) = self.history.response_for(week, id) {
                draft.editing.insert(id.to_owned(), response.id.clone());
            }
        }
        // An earlier failure of this save is told again only if it fails again.
        self.problems.retain(|p| !history_failed(p));
        let saved = self.vault.save_history(&self.history);
        let stored = !matches!(saved, Err(Problem::SaveFailed { .. })) && self.vault.writes(HISTORY_KEY);
        self.report(saved);
        if !stored {
            self.keep_unsaved(draft);
            return Finished::NotStored;
        }
        if self.sealed.is_some() {
            return Finished::Sealing(week, draft);
        }
        self.saved();
        Finished::Saved(week)
    }

    /// After [`Finished::Sealing`], once the encrypted writes are done (or the wait is
    /// over): whether the history is stored. If not, the check-in stays, as when a plain
    /// save fails.
    pub fn sealed_outcome(&mut self, draft: Draft) -> bool {
        let failed = self.problems.iter().any(history_failed);
        if failed || self.pending() > 0 {
            self.keep_unsaved(draft);
            false
        } else {
            self.saved();
            true
        }
    }

    fn keep_unsaved(&mut self, draft: Draft) {
        self.draft = Some(draft);
        self.save_draft();
        self.not_stored = true;
    }

    fn saved(&mut self) {
        self.not_stored = false;
        self.draft = None;
        self.save_draft();
    }

    /// What the portal hears of the saved check-in of `week`: the week, the instruments
    /// answered and the WHO-5 percentage, nothing more.
    pub fn completed_message(&self, week: IsoWeek) -> crate::formats::portal::ToPortal {
        let history = &self.history;
        let answered: Vec<&str> = instrument_ids()
            .into_iter()
            .filter(|id| history.response_for(week, id).is_some_and(|r| !r.answers.is_empty()))
            .collect();
        let who5 = history.response_for(week, WHO5_ID).and_then(who5_score).map(|s| s.percent);
        crate::formats::portal::completed(week, &answered, who5)
    }
}

/// Whether `problem` is the history's failed save.
fn history_failed(problem: &Problem) -> bool {
    matches!(problem, Problem::SaveFailed { key, .. } if key == HISTORY_KEY)
}
