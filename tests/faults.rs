//! Nothing the citizen gave is lost under any storage fault: long random sequences of what
//! citizens do, in two tabs of one browser, against storage that fails, the way SQLite tests
//! every I/O failure point.
//!
//! The driver performs the page's real operations ([`Model`], the passphrase lock, the
//! sealed store, the vault) over a store that, as each sequence says, refuses a write (full),
//! fails a read, dies part-way through an action (the tab was closed: it opens again from
//! storage), hears another tab's writes late, or finds a newer version's value. It keeps
//! every answer, note and week's work the citizen gave (the latest per part) and every
//! "saved" the app reported, and after every step checks:
//!
//! 1. every part the citizen gave is in the stored history or the stored check-in in
//!    progress, or the tab it was given in has told the citizen of a storage problem since;
//! 2. "saved" is said only when the stored history holds the check-in's answers;
//! 3. every stored value of the app can be read by the app (decrypted with the passphrase
//!    the citizen set, if any);
//! 4. a value from a newer version is what that version wrote, byte for byte (its text,
//!    once decrypted);
//! 5. after "delete everything", nothing of the app is left in storage.
//!
//! A failing sequence is shrunk to the shortest one that still fails and printed, to be kept
//! below as a regression test. `FAULT_SEQUENCES` and `FAULT_SEED` run more or others:
//! `FAULT_SEQUENCES=200000 cargo test --profile faults --test faults` (README).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use ugeblik::domain::checkin::{Draft, Stage};
use ugeblik::domain::history::History;
use ugeblik::domain::lang::Lang;
use ugeblik::domain::progression::{Goal, Kept, Work};
use ugeblik::domain::week::IsoWeek;
use ugeblik::formats::config::Config;
use ugeblik::formats::safety::decode_safety;
use ugeblik::formats::sealed::{decode_lock, decode_sealed, encode_sealed, is_sealed, KeyParams, Sealed, ITERATIONS};
use ugeblik::formats::stored::{decode_draft, decode_history, decode_settings};
use ugeblik::page::model::{Finished, Model};
use ugeblik::platform::storage::{
    finish_change, is_value, lock, tasks, Cipher, CryptoError, KeyValueStore, Problem, SealedOver, StorageError, Vault,
    APP_PREFIX, ASIDE_PREFIX, DRAFT_KEY, HISTORY_KEY, LOCK_KEY, SAFETY_KEY, SETTINGS_KEY,
};

// ----------------------------------------------------------------------------------------
// A cipher for tests: deterministic, and a wrong key fails as AES-GCM's tag does.

struct Toy;

fn fnv(parts: &[&[u8]]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for part in parts {
        for byte in *part {
            hash = (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
        hash = (hash ^ 0xff).wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

thread_local! {
    static COUNTER: RefCell<u64> = const { RefCell::new(0) };
}

fn count() -> u64 {
    COUNTER.with(|c| {
        *c.borrow_mut() += 1;
        *c.borrow()
    })
}

fn stream(key: u64, iv: &[u8], len: usize) -> Vec<u8> {
    (0..len.div_ceil(8))
        .flat_map(|block| fnv(&[&key.to_le_bytes(), iv, &block.to_le_bytes()]).to_le_bytes())
        .take(len)
        .collect()
}

fn tag(key: u64, aad: &str, iv: &[u8], data: &[u8]) -> Vec<u8> {
    let a = fnv(&[&key.to_le_bytes(), aad.as_bytes(), iv, data]);
    let b = fnv(&[&a.to_le_bytes(), aad.as_bytes()]);
    [a.to_le_bytes(), b.to_le_bytes()].concat()
}

impl Cipher for Toy {
    type Key = u64;

    fn new_params() -> Result<KeyParams, CryptoError> {
        let salt = [count().to_le_bytes(), 7u64.to_le_bytes()].concat();
        Ok(KeyParams { iterations: ITERATIONS, salt })
    }

    async fn derive_key(passphrase: &str, params: &KeyParams) -> Result<u64, CryptoError> {
        Ok(fnv(&[passphrase.as_bytes(), &params.salt]))
    }

    async fn seal(key: &u64, plaintext: &str, aad: &str) -> Result<Sealed, CryptoError> {
        let iv = [count().to_le_bytes().as_slice(), &[0; 4]].concat();
        let mut data: Vec<u8> = plaintext.bytes().zip(stream(*key, &iv, plaintext.len())).map(|(a, b)| a ^ b).collect();
        data.extend(tag(*key, aad, &iv, &data));
        Ok(Sealed { iv, data })
    }

    async fn open(key: &u64, sealed: &Sealed, aad: &str) -> Result<String, CryptoError> {
        let split = sealed.data.len().checked_sub(16).ok_or(CryptoError::WrongKey)?;
        let (data, found) = sealed.data.split_at(split);
        if tag(*key, aad, &sealed.iv, data) != found {
            return Err(CryptoError::WrongKey);
        }
        let plain: Vec<u8> = data.iter().zip(stream(*key, &sealed.iv, data.len())).map(|(a, b)| a ^ b).collect();
        String::from_utf8(plain).map_err(|_| CryptoError::WrongKey)
    }
}

// ----------------------------------------------------------------------------------------
// The browser's storage, shared by the tabs, and each tab's faulty view of it.

type Disk = Rc<RefCell<BTreeMap<String, String>>>;

/// What goes wrong for one tab, as the sequence says.
#[derive(Default)]
struct Faults {
    /// The next this many writes are refused: storage is full.
    full: u32,
    /// The next this many reads fail.
    unreadable: u32,
    /// The tab dies after this many more writes (removals count).
    dies_after: Option<u32>,
    dead: bool,
}

#[derive(Clone)]
struct FaultyStore {
    disk: Disk,
    faults: Rc<RefCell<Faults>>,
    /// The keys this tab wrote, which the other tab hears of (the `storage` event).
    heard_by_other: Rc<RefCell<Vec<String>>>,
}

impl FaultyStore {
    /// Whether this write happens: not once the tab died; counts down to its death.
    fn writes(&self) -> bool {
        let mut faults = self.faults.borrow_mut();
        if faults.dead {
            return false;
        }
        if let Some(left) = &mut faults.dies_after {
            if *left == 0 {
                faults.dead = true;
                return false;
            }
            *left -= 1;
        }
        true
    }
}

impl KeyValueStore for FaultyStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        let mut faults = self.faults.borrow_mut();
        if faults.unreadable > 0 {
            faults.unreadable -= 1;
            return Err(StorageError::Failed("read failed".into()));
        }
        Ok(self.disk.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if !self.writes() {
            return Err(StorageError::Failed("the tab died".into()));
        }
        {
            let mut faults = self.faults.borrow_mut();
            if faults.full > 0 {
                faults.full -= 1;
                return Err(StorageError::Full);
            }
        }
        self.disk.borrow_mut().insert(key.to_owned(), value.to_owned());
        self.heard_by_other.borrow_mut().push(key.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        if !self.writes() {
            return Err(StorageError::Failed("the tab died".into()));
        }
        if self.disk.borrow_mut().remove(key).is_some() {
            self.heard_by_other.borrow_mut().push(key.to_owned());
        }
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        self.disk.borrow().keys().filter(|k| k.starts_with(APP_PREFIX)).cloned().collect()
    }
}

type TabModel = Model<Toy, FaultyStore>;
type TabSealed = SealedOver<Toy, FaultyStore>;

// ----------------------------------------------------------------------------------------
// What the citizen does, and what goes wrong.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Act {
    Start,
    Answer(u8),
    /// An arrow key moves the choice on a question's or a goal's step, which stays shown.
    Choose(u8),
    Back,
    Skip,
    Work(u16),
    /// Sets a goal on the goals screen (its edits come back as a new history).
    AddGoal,
    /// Answers "did you keep to it?" on a goal's step.
    Goal(u8),
    Note(u8),
    Save,
    Import,
    SetPassphrase(u8),
    RemovePassphrase,
    DeleteEverything,
    EndOfProgramme,
    /// The start page (leaves the check-in open, as the menu does).
    Home,
    /// The tab is closed and opened again.
    Reload,
    /// Opened again, and a wrong passphrase typed first on the lock screen.
    WrongPassphrase,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// Tab 0 or 1 does `Act`.
    Do(u8, Act),
    /// The tab's next this many writes are refused (full).
    Full(u8, u8),
    /// The tab's next this many reads fail.
    Unreadable(u8, u8),
    /// The tab dies after this many writes of its next action, and opens again.
    Dies(u8, u8),
    /// A newer version of the app writes this value (history, check-in, settings, safety).
    Newer(u8),
    /// One encrypted write under way (this one of those waiting) reaches storage.
    Seal(u8),
    /// The tab hears of what the other tab wrote (the browser's `storage` event).
    Hear(u8),
    /// The tab has decrypted the values its writes met in storage (another tab's, stored
    /// while this tab's were encrypted), merges its own into them and writes again: in the
    /// browser this waits for a decryption, so a `storage` event may come first.
    Merge(u8),
}

// ----------------------------------------------------------------------------------------
// One tab: the page's model over its faulty view, and what the page does around it.

struct Tab {
    store: FaultyStore,
    model: Option<TabModel>,
    /// Encrypted writes that failed or met another tab's, told by the sealed store.
    failed: Rc<RefCell<Vec<(String, StorageError)>>>,
    conflicts: Rc<RefCell<Vec<String>>>,
    /// The conflicts are merged at the end of this step ([`Step::Merge`]).
    merge_due: bool,
    in_check_in: bool,
    /// A save waiting for its encrypted write.
    sealing: Option<(IsoWeek, Draft)>,
    /// A goal set on the goals screen, waiting for its write before "saved" is said: the
    /// history's failed writes before it ([`Model::history_stored`]) and the goal's id.
    editing: Option<(u32, String)>,
    /// The last step after which this tab showed a storage problem.
    told: Option<usize>,
    /// The lock screen is shown: a passphrase is set and the citizen has not opened it.
    locked_out: bool,
    /// Everything was deleted: the page shows only that, until it is opened again.
    wiped: bool,
    /// Another tab changed the passphrase while this one's encrypted writes were under way
    /// (a known race of a few milliseconds: those writes are not stored, and this tab
    /// loads again under the new passphrase).
    racing: bool,
}

/// The whole world: storage, two tabs, the clock, the passphrase the citizen knows.
struct World {
    disk: Disk,
    tabs: Vec<Tab>,
    now: u64,
    step: usize,
    passphrase: Option<String>,
    /// What the citizen gave, by part: `(week, part)` → (what, step, tab, time).
    given: BTreeMap<(IsoWeek, String), (String, usize, usize, u64)>,
    /// Values a newer version wrote, by key: the text it wrote (decrypted).
    newer: BTreeMap<String, String>,
    /// Everything was deleted in this step.
    deleted: bool,
    /// Saves said "saved" in this step, checked after it.
    saved: Vec<Draft>,
    /// Goals the goals screen said "saved" of in this step, checked after it.
    goals_saved: Vec<String>,
    today: time::Date,
}

const KEYS: [&str; 4] = [HISTORY_KEY, DRAFT_KEY, SETTINGS_KEY, SAFETY_KEY];
const PASSPHRASES: [&str; 3] = ["correct horse battery", "staple paper clip", "ni tusind syv hundrede"];

/// A goal set on the goals screen in `week`.
fn a_goal(id: &str, week: IsoWeek) -> Goal {
    Goal {
        id: id.into(),
        what: "Gå en tur hver dag".into(),
        measure: "5 gange".into(),
        by: None,
        set: week,
        authored: "2026-12-01T10:00:00Z".into(),
        closed: None,
        replaces: None,
        checks: Vec::new(),
    }
}

fn config() -> Config {
    Config::default()
}

impl World {
    fn new() -> World {
        let disk: Disk = Rc::default();
        tasks::drop_all();
        let mut world = World {
            disk: disk.clone(),
            tabs: Vec::new(),
            now: 1_764_000_000_000,
            step: 0,
            passphrase: None,
            given: BTreeMap::new(),
            newer: BTreeMap::new(),
            deleted: false,
            saved: Vec::new(),
            goals_saved: Vec::new(),
            today: time::Date::from_calendar_date(2026, time::Month::December, 3).unwrap(),
        };
        let inboxes: [Rc<RefCell<Vec<String>>>; 2] = [Rc::default(), Rc::default()];
        for tab in 0..2 {
            let store = FaultyStore {
                disk: disk.clone(),
                faults: Rc::default(),
                // What tab 0 writes, tab 1 hears of, and the other way round.
                heard_by_other: inboxes[1 - tab].clone(),
            };
            world.tabs.push(Tab {
                store,
                model: None,
                failed: Rc::default(),
                conflicts: Rc::default(),
                merge_due: false,
                in_check_in: false,
                sealing: None,
                editing: None,
                told: None,
                locked_out: false,
                wiped: false,
                racing: false,
            });
        }
        world.open(0);
        world.open(1);
        world
    }
}

impl World {
    /// What tab `t` hears of: the keys the other tab wrote.
    fn inbox(&self, t: usize) -> Rc<RefCell<Vec<String>>> {
        self.tabs[1 - t].store.heard_by_other.clone()
    }

    /// Opens tab `t` as the page does (`page::app`): a passphrase change cut short is
    /// finished or undone, the lock opened with the passphrase the citizen set, the vault
    /// read, and everything deleted if the programme's grace period is over.
    fn open(&mut self, t: usize) {
        // The old page closed with encrypted writes still under way (a few milliseconds of
        // WebCrypto): what they held was given as the tab was closed, and is not given.
        if self.tabs[t].racing || self.tabs[t].model.as_ref().is_some_and(|m| m.pending() > 0) {
            if let Ok(texts) = self.stored() {
                let kept = Snapshot::of(&texts);
                self.given
                    .retain(|(week, part), (what, _, tab, time)| *tab != t || kept.holds(*week, part, what, *time));
            }
        }
        let inbox = self.inbox(t);
        inbox.borrow_mut().clear();
        let tab = &mut self.tabs[t];
        // A new page: what the old one asked for and never finished can no longer write.
        tab.store.faults.borrow_mut().dead = true;
        tab.store.faults = Rc::default();
        tab.failed = Rc::default();
        tab.conflicts = Rc::default();
        tab.model = None;
        tab.sealing = None;
        tab.editing = None;
        tab.in_check_in = false;
        tab.locked_out = false;
        tab.wiped = false;
        tab.racing = false;
        let store = tab.store.clone();
        finish_change(&store);
        let sealed = match lock::record(&store) {
            None => None,
            Some(_) => {
                let opened =
                    self.passphrase.as_deref().map(|p| tasks::block_on(lock::unlock::<Toy, _>(store.clone(), p)));
                match opened {
                    Some(Ok(sealed)) => Some(sealed),
                    _ => {
                        tab.locked_out = true;
                        return;
                    }
                }
            }
        };
        let boxed: Box<dyn KeyValueStore> = match &sealed {
            Some(sealed) => Box::new(sealed.clone()),
            None => Box::new(store.clone()),
        };
        let (vault, loaded) = Vault::open(Some(boxed), self.now);
        let lang = loaded.settings.lang.unwrap_or(Lang::Da);
        let mut model = Model::new(vault, loaded, config(), lang, Some(store), sealed.clone(), self.today);
        if let Some(sealed) = &sealed {
            listen(tab, sealed);
        }
        tab.in_check_in = model.draft.is_some();
        if model.ending(self.today) == ugeblik::formats::safety::Ending::Wipe {
            model.delete_everything();
        }
        tab.model = Some(model);
    }

    fn model(&mut self, t: usize) -> Option<&mut TabModel> {
        self.tabs[t].model.as_mut()
    }

    fn give(&mut self, t: usize, week: IsoWeek, part: String, what: String) {
        self.given.insert((week, part), (what, self.step, t, self.now));
    }

    /// Tab `t` does what the citizen does.
    fn act(&mut self, t: usize, act: Act) -> Result<(), String> {
        // Another tab set, changed or removed the passphrase: this one has loaded again
        // (the `storage` event of the lock comes before anything the citizen does next).
        if self.inbox(t).borrow().iter().any(|k| k == LOCK_KEY) {
            self.open(t);
        }
        if self.tabs[t].locked_out || (self.tabs[t].wiped && act != Act::Reload) {
            return Ok(());
        }
        let now = self.now;
        let today = self.today;
        let in_check_in = self.tabs[t].in_check_in;
        let step = self.step;
        let Some(m) = self.tabs[t].model.as_mut() else { return Ok(()) };
        let stage = m.draft.as_ref().map(Draft::stage);
        let week = m.draft.as_ref().map_or(m.week, |d| d.week);
        match act {
            Act::Start => self.tabs[t].in_check_in = m.start_check_in(),
            // A tap answers and moves on; an arrow key chooses and stays.
            Act::Answer(value) | Act::Choose(value) if in_check_in => match (stage, &m.draft) {
                (Some(Stage::Question(q)), _) => {
                    let (low, high) = q.item.scale.bounds();
                    let value = low + value % (high - low + 1);
                    if matches!(act, Act::Answer(_)) {
                        m.answer(value, now);
                    } else {
                        m.choose(value, now);
                    }
                    let given =
                        m.draft.as_ref().and_then(|d| d.answers.get(q.instrument.id)?.get(q.item.link_id).copied());
                    if given == Some(value) {
                        self.give(t, week, format!("{}/{}", q.instrument.id, q.item.link_id), value.to_string());
                    }
                }
                (Some(Stage::Goal(index)), Some(draft)) if matches!(act, Act::Choose(_)) => {
                    let goal = draft.goals[index].goal.clone();
                    let kept = [Kept::Yes, Kept::Partly, Kept::No][usize::from(value) % 3];
                    m.choose_goal(kept, "", now);
                    self.give(t, week, format!("goal/{goal}"), format!("{kept:?}"));
                }
                _ => {}
            },
            Act::Back if in_check_in => self.tabs[t].in_check_in = m.back(),
            Act::Skip if in_check_in => m.next(),
            Act::Work(minutes) if in_check_in && stage == Some(Stage::Work) => {
                let work = Work {
                    planned_minutes: Some(450),
                    worked_minutes: Some(u32::from(minutes) % 451),
                    ..Work::default()
                };
                if m.give_work(work.clone(), now).is_ok() {
                    self.give(t, week, "work".into(), format!("{work:?}"));
                }
            }
            Act::AddGoal => {
                let mut history = m.history.clone();
                let id = format!("goal-{step}");
                history.goals.push(a_goal(&id, m.week));
                let before = m.history_failures();
                m.replace_history(history);
                self.tabs[t].editing = Some((before, id));
            }
            Act::Goal(n) if in_check_in => {
                if let (Some(Stage::Goal(index)), Some(draft)) = (stage, &m.draft) {
                    let goal = draft.goals[index].goal.clone();
                    let kept = [Kept::Yes, Kept::Partly, Kept::No][usize::from(n) % 3];
                    m.keep_goal(kept, "", now);
                    self.give(t, week, format!("goal/{goal}"), format!("{kept:?}"));
                }
            }
            Act::Note(n) if in_check_in && stage == Some(Stage::Note) => {
                let note = format!("note {n} at {step}");
                m.set_note(note.clone(), now);
                self.give(t, week, "note".into(), note);
            }
            Act::Save if in_check_in && stage == Some(Stage::Note) => {
                let draft = m.draft.clone().expect("at the note step");
                let mut n = 0;
                let mut id = || {
                    n += 1;
                    format!("id-{step}-{n}")
                };
                match m.finish(now, &mut id) {
                    Finished::Saved(_) => {
                        self.tabs[t].in_check_in = false;
                        self.check_saved(&draft)?;
                    }
                    Finished::NotStored => {}
                    Finished::Sealing(week, draft) => self.tabs[t].sealing = Some((week, draft)),
                }
            }
            Act::Import => {
                let file = import_file(m.week);
                let imported = ugeblik::formats::import::read(&file).map_err(|e| format!("import: {e:?}"))?;
                let merged = ugeblik::formats::import::merge(&m.history, &imported, &[]);
                m.replace_history(merged);
                let week = m.week.plus(-3).expect("a week");
                for (link, value) in IMPORTED {
                    self.give(t, week, format!("who5/{link}"), value.to_string());
                }
            }
            Act::SetPassphrase(n) => {
                let new = PASSPHRASES[usize::from(n) % PASSPHRASES.len()].to_owned();
                self.change_passphrase(t, Some(new))?;
            }
            Act::RemovePassphrase if self.passphrase.is_some() => self.change_passphrase(t, None)?,
            Act::DeleteEverything | Act::EndOfProgramme => {
                if act == Act::EndOfProgramme {
                    let yesterday = today.previous_day().expect("a day");
                    m.change_safety(|s| s.end = Some(ugeblik::domain::progression::format_date(yesterday)));
                    // The citizen saved the file of everything, and deletes as offered.
                    if !m.backed_up(today) {
                        return Ok(());
                    }
                }
                m.delete_everything();
                self.tabs[t].in_check_in = false;
                self.tabs[t].wiped = true;
                // The screen that would say "saved" of an edit is gone with the rest; so is
                // the other tab's, if its edit is still being encrypted: it loads again as it
                // hears the lock go (the page's `storage` listener), like a lock change.
                self.tabs.iter_mut().for_each(|tab| tab.editing = None);
                if !self.disk.borrow().contains_key(LOCK_KEY) {
                    self.passphrase = None;
                }
                self.given.clear();
                let disk = self.disk.borrow();
                self.newer.retain(|key, _| disk.contains_key(key));
                drop(disk);
                // A tab closed while deleting has not deleted everything: the citizen
                // finds it there again, and deletes again.
                self.deleted = !self.tabs[t].store.faults.borrow().dead;
            }
            Act::Home => self.tabs[t].in_check_in = false,
            Act::Reload => self.open(t),
            Act::WrongPassphrase => {
                let store = self.tabs[t].store.clone();
                let before = self.disk.borrow().clone();
                if lock::record(&store).is_some() {
                    let opened = tasks::block_on(lock::unlock::<Toy, _>(store, "not the passphrase"));
                    if opened.is_ok() {
                        return Err("a wrong passphrase opened the lock".into());
                    }
                }
                if *self.disk.borrow() != before {
                    return Err("a wrong passphrase changed what is stored".into());
                }
                self.open(t);
            }
            _ => {}
        }
        Ok(())
    }

    /// Sets, changes (`new`) or removes (`None`) the passphrase from tab `t`, as the
    /// "lock and delete" screen does: the current one is typed and checked first.
    fn change_passphrase(&mut self, t: usize, new: Option<String>) -> Result<(), String> {
        let Some(m) = self.tabs[t].model.as_ref() else { return Ok(()) };
        let Some(store) = m.store().cloned() else { return Ok(()) };
        if let Some(current) = &self.passphrase {
            if tasks::block_on(lock::check::<Toy>(&store, current)).is_err() {
                // Storage changed under the citizen's feet; the screen says so.
                return Ok(());
            }
        }
        let current = m.sealed().cloned();
        let other = &mut self.tabs[1 - t];
        other.racing |= other.model.as_ref().is_some_and(|m| m.pending() > 0) || !other.conflicts.borrow().is_empty();
        let result = tasks::block_on(lock::reseal(store, current, new.as_deref(), || async { tasks::run_all() }));
        if let Ok(sealed) = result {
            if let Some(sealed) = &sealed {
                listen(&self.tabs[t], sealed);
            }
            if let Some(m) = self.model(t) {
                m.use_store(sealed);
            }
            self.passphrase = new;
        }
        Ok(())
    }

    /// The stored texts of the app, decrypted with the passphrase the citizen set.
    fn stored(&self) -> Result<BTreeMap<String, String>, String> {
        let disk = self.disk.borrow();
        let key = match (disk.get(LOCK_KEY), &self.passphrase) {
            (None, _) => None,
            (Some(record), Some(passphrase)) => {
                let record = decode_lock(record).map_err(|e| format!("the lock record is unreadable: {e:?}"))?;
                Some(tasks::block_on(Toy::derive_key(passphrase, &record.params)).unwrap())
            }
            (Some(_), None) => return Err("a lock is stored that the citizen did not set".into()),
        };
        let mut texts = BTreeMap::new();
        for (name, raw) in disk.iter().filter(|(k, _)| is_value(k) && !k.starts_with(ASIDE_PREFIX)) {
            let text = match (key, is_sealed(raw)) {
                (Some(key), true) => {
                    let sealed = decode_sealed(raw).map_err(|e| format!("{name}: not a sealed value: {e:?}"))?;
                    tasks::block_on(Toy::open(&key, &sealed, name))
                        .map_err(|_| format!("{name} does not open with the passphrase the citizen set"))?
                }
                (None, true) => return Err(format!("{name} is sealed, with no passphrase set")),
                (_, false) => raw.clone(),
            };
            texts.insert(name.clone(), text);
        }
        Ok(texts)
    }

    /// Invariant 2: "saved" was said for `draft`: the stored history holds its answers.
    fn check_saved(&self, draft: &Draft) -> Result<(), String> {
        let texts = self.stored()?;
        let history = texts.get(HISTORY_KEY).map(|t| decode_history(t)).transpose().map_err(|e| format!("{e:?}"))?;
        let history = history.unwrap_or_default();
        for (instrument, answers) in &draft.answers {
            let stored = history.response_for(draft.week, instrument).map(|r| &r.answers);
            for (link, value) in answers {
                let found = stored.and_then(|a| a.get(link));
                let latest = self.given.get(&(draft.week, format!("{instrument}/{link}"))).map(|g| g.0.clone());
                if found != Some(value) && found.map(u8::to_string) != latest {
                    return Err(format!(
                        "\"saved\" was said, but {instrument}/{link} is stored as {found:?}, not {value}"
                    ));
                }
            }
        }
        Ok(())
    }

    /// Invariant 2 for an edit on a session screen: "saved" was said of the goal `id`: the
    /// stored history holds it.
    fn check_goal_saved(&self, id: &str) -> Result<(), String> {
        if self.newer.contains_key(HISTORY_KEY) {
            // A newer version wrote the history meanwhile: what it holds is that version's
            // to keep (as for the check-in's parts, see `newer`).
            return Ok(());
        }
        let texts = self.stored()?;
        let history = texts.get(HISTORY_KEY).map(|t| decode_history(t)).transpose().map_err(|e| format!("{e:?}"))?;
        if history.is_some_and(|h| h.goals.iter().any(|g| g.id == id)) {
            Ok(())
        } else {
            Err(format!("\"saved\" was said of the goal {id}, but the stored history does not hold it"))
        }
    }

    /// What the sealed stores told, taken in as the page does; saves waiting for their
    /// encrypted write finished once it is done; tabs that died opened again.
    fn drain(&mut self) {
        for t in 0..2 {
            if self.tabs[t].store.faults.borrow().dead {
                // The tab was closed in the middle of a write. Whatever of it was not stored
                // yet went with it (all else was checked stored at the end of its step);
                // the citizen opens the app again.
                self.open(t);
                if let Ok(texts) = self.stored() {
                    let kept = Snapshot::of(&texts);
                    self.given
                        .retain(|(week, part), (what, _, tab, time)| *tab != t || kept.holds(*week, part, what, *time));
                }
                continue;
            }
            let failed: Vec<_> = self.tabs[t].failed.borrow_mut().drain(..).collect();
            let conflicts: Vec<_> = if self.tabs[t].merge_due {
                self.tabs[t].conflicts.borrow_mut().drain(..).collect()
            } else {
                Vec::new()
            };
            self.tabs[t].merge_due = false;
            let in_check_in = self.tabs[t].in_check_in;
            let Some(m) = self.tabs[t].model.as_mut() else { continue };
            for (key, reason) in failed {
                m.report(Err(Problem::SaveFailed { key, reason }));
            }
            for key in conflicts {
                let sealed = m.sealed().cloned();
                if let Some(sealed) = &sealed {
                    tasks::block_on(sealed.take_theirs(&key));
                }
                m.heard(&key, true, in_check_in);
                // As the page does (`tabs::heard`): merged and written again.
                sealed.iter().for_each(|s| s.merged(&key));
            }
            if m.pending() == 0 {
                if let Some((before, goal)) = self.tabs[t].editing.take() {
                    let m = self.tabs[t].model.as_ref().expect("a model");
                    if m.history_stored(before) {
                        // The goals screen says "saved": checked below, with the rest.
                        self.goals_saved.push(goal);
                    }
                }
                if let Some((_, draft)) = self.tabs[t].sealing.take() {
                    let m = self.tabs[t].model.as_mut().expect("a model");
                    if m.sealed_outcome(draft.clone()) {
                        self.tabs[t].in_check_in = false;
                        // Checked when it is said (below, with the rest).
                        self.saved.push(draft);
                    }
                }
            }
        }
    }

    /// Tab `t` hears of what the other tab wrote.
    fn hear(&mut self, t: usize) {
        let keys: Vec<String> = self.inbox(t).borrow_mut().drain(..).collect();
        if keys.iter().any(|k| k == LOCK_KEY) {
            return self.open(t);
        }
        let in_check_in = self.tabs[t].in_check_in;
        let Some(m) = self.tabs[t].model.as_mut() else { return };
        let mut seen: Vec<&String> = Vec::new();
        for key in &keys {
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            if let (Some(sealed), true) = (m.sealed().cloned(), is_value(key)) {
                tasks::block_on(sealed.refresh(key));
            }
            m.heard(key, false, in_check_in);
        }
    }

    /// A newer version of the app, in a third tab, writes `key`.
    fn newer(&mut self, key: &str) -> Result<(), String> {
        // What was stored there is in the newer version's value now: the citizen's parts
        // kept only there are that version's to keep.
        let texts = self.stored()?;
        let kept = Snapshot::of(&texts);
        self.given.retain(|(week, part), (what, _, _, time)| match key {
            HISTORY_KEY => !kept.in_history(*week, part, what),
            DRAFT_KEY => !kept.in_draft(*week, part, what, *time),
            _ => true,
        });
        let text = format!("{{\"version\":99,\"at\":{}}}", self.step);
        let raw = match (&self.passphrase, self.disk.borrow().get(LOCK_KEY)) {
            (Some(passphrase), Some(record)) => {
                let record = decode_lock(record).map_err(|e| format!("{e:?}"))?;
                let key_ = tasks::block_on(Toy::derive_key(passphrase, &record.params)).unwrap();
                encode_sealed(&tasks::block_on(Toy::seal(&key_, &text, key)).unwrap())
            }
            _ => text.clone(),
        };
        self.disk.borrow_mut().insert(key.to_owned(), raw);
        for t in 0..2 {
            self.tabs[t].store.heard_by_other.borrow_mut().push(key.to_owned());
        }
        self.newer.insert(key.to_owned(), text);
        Ok(())
    }

    fn step(&mut self, step: Step) -> Result<(), String> {
        self.step += 1;
        self.now += 1_000;
        self.deleted = false;
        match step {
            Step::Do(t, act) => self.act(usize::from(t), act)?,
            Step::Full(t, n) => self.tabs[usize::from(t)].store.faults.borrow_mut().full = u32::from(n),
            Step::Unreadable(t, n) => self.tabs[usize::from(t)].store.faults.borrow_mut().unreadable = u32::from(n),
            Step::Dies(t, n) => self.tabs[usize::from(t)].store.faults.borrow_mut().dies_after = Some(u32::from(n)),
            Step::Newer(k) => self.newer(KEYS[usize::from(k) % KEYS.len()])?,
            Step::Seal(i) => {
                tasks::run_task(usize::from(i));
            }
            Step::Hear(t) => self.hear(usize::from(t)),
            Step::Merge(t) => self.tabs[usize::from(t)].merge_due = true,
        }
        self.drain();
        for draft in std::mem::take(&mut self.saved) {
            self.check_saved(&draft)?;
        }
        for goal in std::mem::take(&mut self.goals_saved) {
            self.check_goal_saved(&goal)?;
        }
        for t in 0..2 {
            let tab = &mut self.tabs[t];
            if let Some(m) = &tab.model {
                let told = m.not_stored || m.problems.iter().any(|p| !matches!(p, Problem::LanguageUnavailable { .. }));
                if told {
                    tab.told = Some(self.step);
                }
            }
        }
        self.check()
    }

    /// The invariants, after every step.
    fn check(&self) -> Result<(), String> {
        if self.deleted {
            let left: Vec<String> = self.disk.borrow().keys().filter(|k| k.starts_with(APP_PREFIX)).cloned().collect();
            if !left.is_empty() {
                return Err(format!("after \"delete everything\" these are left: {left:?}"));
            }
        }
        for (t, tab) in self.tabs.iter().enumerate() {
            if tab.locked_out {
                return Err(format!("tab {t}: the passphrase the citizen set does not open the lock"));
            }
        }
        let texts = self.stored()?;
        if texts.keys().any(|k| k.starts_with(ugeblik::platform::storage::NEXT_PREFIX)) {
            return Err("a passphrase change is left half done".into());
        }
        // 3 and 4: every stored value reads, or is the newer version's, as written.
        for (key, text) in &texts {
            if let Some(newer) = self.newer.get(key) {
                if newer != text {
                    return Err(format!("{key}: the newer version's value was changed to {text}"));
                }
                continue;
            }
            let read = match key.as_str() {
                HISTORY_KEY => decode_history(text).map(drop),
                DRAFT_KEY => decode_draft(text).map(drop),
                SETTINGS_KEY => decode_settings(text).map(drop),
                SAFETY_KEY => decode_safety(text).map(drop),
                _ => Ok(()),
            };
            read.map_err(|e| format!("{key} is stored unreadable: {e:?}: {text}"))?;
        }
        // 1: every part the citizen gave is stored, or they were told; or its encrypted
        // write is still under way.
        let kept = Snapshot::of(&texts);
        for ((week, part), (what, at, tab, time)) in &self.given {
            if self.tabs[*tab].racing || self.tabs[*tab].model.as_ref().is_some_and(|m| m.pending() > 0) {
                continue;
            }
            if kept.holds(*week, part, what, *time) {
                continue;
            }
            if self.tabs[*tab].told.is_some_and(|told| told >= *at) {
                continue;
            }
            return Err(format!(
                "{week} {part} = {what}, given at step {at} in tab {tab}, is not stored, and the citizen was not told"
            ));
        }
        Ok(())
    }
}

/// The stored history and check-in, read once for the checks of a step.
struct Snapshot {
    history: Option<History>,
    draft: Option<Draft>,
}

impl Snapshot {
    fn of(texts: &BTreeMap<String, String>) -> Snapshot {
        Snapshot {
            history: texts.get(HISTORY_KEY).and_then(|t| decode_history(t).ok()),
            draft: texts.get(DRAFT_KEY).and_then(|t| decode_draft(t).ok()),
        }
    }

    /// Whether the history or the check-in holds `what` as the week's `part`, given at
    /// `time` (the stored check-in keeps the time each part was given; the history not).
    fn holds(&self, week: IsoWeek, part: &str, what: &str, time: u64) -> bool {
        self.in_history(week, part, what) || self.in_draft(week, part, what, time)
    }

    fn in_history(&self, week: IsoWeek, part: &str, what: &str) -> bool {
        let Some(history) = &self.history else { return false };
        if let Some(goal) = part.strip_prefix("goal/") {
            let goal = history.goals.iter().find(|g| g.id == goal);
            return goal.is_some_and(|g| g.checks.iter().any(|c| c.week == week && format!("{:?}", c.kept) == what));
        }
        match part {
            "note" => history.note_for(week).as_deref() == Some(what),
            "work" => history.work_for(week).is_some_and(|w| format!("{w:?}") == what),
            _ => {
                let (instrument, link) = part.split_once('/').expect("instrument/link");
                history.response_for(week, instrument).and_then(|r| r.answers.get(link)).map(u8::to_string).as_deref()
                    == Some(what)
            }
        }
    }

    fn in_draft(&self, week: IsoWeek, part: &str, what: &str, time: u64) -> bool {
        let Some(draft) = &self.draft else { return false };
        if draft.week != week || draft.given.iter().any(|(p, t)| p == part && *t != time) {
            return false;
        }
        if let Some(goal) = part.strip_prefix("goal/") {
            let answer = draft.goals.iter().find(|a| a.goal == goal);
            return answer.and_then(|a| a.kept).is_some_and(|kept| format!("{kept:?}") == what);
        }
        match part {
            "note" => draft.note == what,
            "work" => draft.work.as_ref().is_some_and(|w| format!("{w:?}") == what),
            _ => {
                let (instrument, link) = part.split_once('/').expect("instrument/link");
                draft.answers.get(instrument).and_then(|a| a.get(link)).map(u8::to_string).as_deref() == Some(what)
            }
        }
    }
}

/// Tells the tab of what its sealed store tells, as `page::state` and `page::tabs` do.
fn listen(tab: &Tab, sealed: &TabSealed) {
    let failed = tab.failed.clone();
    sealed.on_failure(Rc::new(move |key, reason| failed.borrow_mut().push((key, reason))));
    let conflicts = tab.conflicts.clone();
    sealed.on_conflict(Rc::new(move |key| conflicts.borrow_mut().push(key)));
}

/// The WHO-5 answers in the file the citizen imports: three weeks back.
const IMPORTED: [(&str, u8); 5] = [("1", 3), ("2", 4), ("3", 2), ("4", 5), ("5", 1)];

fn import_file(this_week: IsoWeek) -> String {
    let week = this_week.plus(-3).expect("a week");
    let mut history = History::default();
    let mut draft = Draft::start_without(week, &history, vec!["chime5".into(), "jobready7".into()]);
    for (_, value) in IMPORTED {
        draft.answer(value, 1).expect("on the scale");
    }
    draft.save_into(&mut history, "2026-11-12T10:00:00Z", Lang::Da, &mut || "imported-1".to_owned());
    let export = ugeblik::formats::export::export(
        &history,
        &ugeblik::domain::rater::Readings::default(),
        "2026-11-20T10:00:00Z",
        "1.0.0",
        None,
    );
    ugeblik::formats::export::to_json(&export)
}

// ----------------------------------------------------------------------------------------
// Random sequences, running them, and shrinking a failing one.

/// xorshift64*: deterministic, so a failure can be replayed from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u8 {
        (self.next() % n) as u8
    }
}

/// What a citizen does next, weighted so that check-ins get saved often.
fn random_step(rng: &mut Rng) -> Step {
    let tab = rng.below(2);
    let n = rng.below(4);
    match rng.below(100) {
        0..=24 => Step::Do(tab, Act::Answer(rng.below(11))),
        25..=29 => Step::Do(tab, Act::Choose(rng.below(11))),
        30..=36 => Step::Do(tab, Act::Skip),
        37..=40 => Step::Do(tab, Act::Back),
        41..=47 => Step::Do(tab, Act::Start),
        48..=49 => Step::Do(tab, Act::Work(rng.next() as u16)),
        50..=51 => Step::Do(tab, Act::Goal(n)),
        52..=55 => Step::Do(tab, Act::Note(n)),
        56..=63 => Step::Do(tab, Act::Save),
        64 => Step::Do(tab, Act::Import),
        65..=66 => Step::Do(tab, Act::SetPassphrase(n)),
        67 => Step::Do(tab, Act::RemovePassphrase),
        68 => Step::Do(tab, if n == 0 { Act::DeleteEverything } else { Act::EndOfProgramme }),
        69..=70 => Step::Do(tab, Act::Home),
        71..=72 => Step::Do(tab, if n == 0 { Act::WrongPassphrase } else { Act::Reload }),
        73 => Step::Do(tab, Act::AddGoal),
        74..=78 => Step::Full(tab, 1 + n),
        79..=81 => Step::Unreadable(tab, 1 + n),
        82..=84 => Step::Dies(tab, rng.below(6)),
        85 => Step::Newer(n),
        86..=93 => Step::Seal(rng.below(8)),
        94..=96 => Step::Merge(tab),
        _ => Step::Hear(tab),
    }
}

fn sequence(seed: u64, max_len: u64) -> Vec<Step> {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let len = 1 + rng.next() % max_len;
    (0..len).map(|_| random_step(&mut rng)).collect()
}

/// Runs `steps` from an empty browser; the first invariant broken, at which step.
fn run(steps: &[Step]) -> Result<(), (usize, String)> {
    let mut world = World::new();
    for (at, step) in steps.iter().enumerate() {
        world.step(*step).map_err(|why| (at, why))?;
    }
    Ok(())
}

/// The shortest sequence found that still fails: parts of it removed while it does.
fn shrink(mut steps: Vec<Step>) -> Vec<Step> {
    if let Err((at, _)) = run(&steps) {
        steps.truncate(at + 1);
    }
    let mut chunk = steps.len() / 2;
    while chunk >= 1 {
        let mut start = 0;
        while start + chunk <= steps.len() {
            let mut shorter = steps.clone();
            shorter.drain(start..start + chunk);
            if !shorter.is_empty() && run(&shorter).is_err() {
                steps = shorter;
            } else {
                start += 1;
            }
        }
        chunk /= 2;
    }
    steps
}

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Runs `count` random sequences from `first`; a failure is shrunk and printed.
fn random_sequences(first: u64, count: u64) {
    let started = std::time::Instant::now();
    let mut steps = 0usize;
    for seed in first..first + count {
        let sequence = sequence(seed, 60);
        steps += sequence.len();
        if let Err((at, why)) = run(&sequence) {
            let shrunk = shrink(sequence);
            let (_, shrunk_why) = run(&shrunk).expect_err("still fails");
            panic!(
                "seed {seed} broke an invariant at step {at}: {why}\n\
                 shortest sequence that still fails ({} steps): {shrunk_why}\n{shrunk:?}",
                shrunk.len()
            );
        }
    }
    eprintln!(
        "fault injection: {count} sequences, {steps} steps, from seed {first}, in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

/// 100,000 sequences of up to 60 steps optimised (`--profile faults`, as the test command
/// runs it); a thousand in the unoptimised `cargo test`, which takes 30 times as long a step.
#[test]
fn nothing_the_citizen_gave_is_lost_under_random_storage_faults() {
    let count = if cfg!(debug_assertions) { 1_000 } else { 100_000 };
    random_sequences(env("FAULT_SEED", 1), env("FAULT_SEQUENCES", count));
}

/// What the harness found, each shrunk to its shortest failing sequence, and fixed.
#[test]
fn regressions() {
    use Act::*;
    use Step::*;
    let found: [(&str, &[Step]); 4] = [
        (
            "a read of the lock record that failed was taken for another tab's new passphrase: \
             the encrypted write was dropped without a word",
            &[Unreadable(1, 3), Do(1, SetPassphrase(0)), Do(1, Start), Do(1, Answer(6)), Do(1, SetPassphrase(2))],
        ),
        (
            "a read that failed just before an encrypted write was taken for another tab's change of \
             the passphrase: the imported file was dropped without a word",
            &[Do(0, SetPassphrase(0)), Do(1, Import), Unreadable(1, 2), Seal(4)],
        ),
        (
            "a check-in whose encrypted write met storage emptied meanwhile stayed in memory only",
            &[
                Do(0, Start),
                Do(0, SetPassphrase(2)),
                Dies(0, 1),
                Do(1, Save),
                Do(0, EndOfProgramme),
                Do(1, Answer(10)),
                Do(1, RemovePassphrase),
            ],
        ),
        (
            "deleting everything removed the lock before a value a newer version had sealed: a tab \
             closed at that moment left it sealed with no lock to open it",
            &[Do(0, SetPassphrase(2)), Do(1, Start), Do(1, AddGoal), Newer(3), Dies(1, 3), Do(1, DeleteEverything)],
        ),
    ];
    for (what, steps) in found {
        if let Err((at, why)) = run(steps) {
            panic!("{what}: fails again at step {at}: {why}");
        }
    }
}

/// The harness finds what it must: a store that loses a write without an error.
#[test]
fn the_harness_sees_a_write_lost_without_a_word() {
    let mut world = World::new();
    for step in [Step::Do(0, Act::Start), Step::Do(0, Act::Answer(3))] {
        world.step(step).unwrap();
    }
    // Storage loses the check-in behind the app's back.
    world.disk.borrow_mut().remove(DRAFT_KEY);
    let error = world.check().unwrap_err();
    assert!(error.contains("is not stored, and the citizen was not told"), "{error}");
}

/// And a "saved" that is not true.
#[test]
fn the_harness_sees_saved_said_for_what_is_not_stored() {
    let mut world = World::new();
    for step in [Step::Do(0, Act::Start), Step::Do(0, Act::Answer(3))] {
        world.step(step).unwrap();
    }
    let draft = world.tabs[0].model.as_ref().unwrap().draft.clone().unwrap();
    let error = world.check_saved(&draft).unwrap_err();
    assert!(error.contains("\"saved\" was said"), "{error}");
}

/// A short run shrinks to what matters.
#[test]
fn a_failing_sequence_is_shrunk() {
    // Deleting everything while a lock is half changed is not a failure; an unreadable
    // value planted in storage is: `run` must fail, and shrinking keeps only what fails.
    let steps = vec![Step::Do(0, Act::Start); 5];
    assert!(run(&steps).is_ok());
    assert_eq!(shrink(vec![Step::Do(0, Act::Start)]).len(), 1);
}

/// An edit on a session screen (a goal set) is said "saved" only once it is in storage:
/// with a passphrase, once its encrypted write has landed; never when the write failed.
#[test]
fn a_goal_is_said_saved_only_once_its_write_has_landed() {
    // With a passphrase: nothing is said while the write is being encrypted.
    let mut world = World::new();
    world.step(Step::Do(0, Act::SetPassphrase(0))).unwrap();
    world.step(Step::Do(0, Act::AddGoal)).unwrap();
    let m = world.tabs[0].model.as_ref().unwrap();
    assert!(m.pending() > 0, "the goal's encrypted write is on its way");
    assert!(!m.history_stored(m.history_failures()), "not stored yet: \"saved\" must wait");
    assert!(world.tabs[0].editing.is_some());
    for _ in 0..8 {
        world.step(Step::Seal(0)).unwrap();
    }
    // Said once it landed; each step checked the stored history holds the goal.
    assert!(world.tabs[0].editing.is_none(), "\"saved\" is said once the write has landed");
    assert_eq!(world.tabs[0].model.as_ref().unwrap().pending(), 0);

    // Without one, on full storage: the write fails, and "saved" is never said.
    let mut world = World::new();
    world.step(Step::Full(0, 5)).unwrap();
    let m = world.tabs[0].model.as_mut().unwrap();
    let before = m.history_failures();
    let mut history = m.history.clone();
    history.goals.push(a_goal("goal-full", m.week));
    m.replace_history(history);
    assert!(!m.history_stored(before), "a write refused as full is not \"saved\"");
    assert!(world.check_goal_saved("goal-full").is_err(), "and the harness sees it is not stored");
}

/// A write that finds another tab's value stored is still pending while this tab reads
/// theirs in and merges its own into it: "saved" cannot be said of it in between.
/// With a passphrase set, each tab adds a goal, and the encrypted writes land one by one
/// without the page taking in what they tell, until one tab's meets the other's in
/// storage: that tab's number, its goal still pending while theirs is to be merged in.
fn goals_that_meet() -> (World, usize) {
    let mut world = World::new();
    for step in [Step::Do(0, Act::SetPassphrase(0)), Step::Do(0, Act::AddGoal), Step::Do(1, Act::AddGoal)] {
        world.step(step).unwrap();
    }
    let mut conflicted = false;
    for _ in 0..10 {
        if !tasks::run_task(0) {
            break;
        }
        if !world.tabs[1].conflicts.borrow().is_empty() || !world.tabs[0].conflicts.borrow().is_empty() {
            conflicted = true;
            break;
        }
    }
    assert!(conflicted, "one tab's goal met the other's in storage");
    let t = if world.tabs[1].conflicts.borrow().is_empty() { 0 } else { 1 };
    assert!(world.tabs[t].model.as_ref().unwrap().pending() > 0, "not stored: still pending while theirs is merged in");
    (world, t)
}

/// Merged as the page does, every write landed: both goals are stored.
fn merge_and_land(world: &mut World, t: usize) {
    world.step(Step::Merge(t as u8)).unwrap();
    for _ in 0..10 {
        world.step(Step::Seal(0)).unwrap();
    }
    assert_eq!(world.tabs[t].model.as_ref().unwrap().pending(), 0);
    world.check_goal_saved("goal-2").unwrap();
    world.check_goal_saved("goal-3").unwrap();
}

#[test]
fn a_write_that_met_another_tabs_is_pending_until_merged_and_written_again() {
    let (mut world, t) = goals_that_meet();
    merge_and_land(&mut world, t);
}

#[test]
fn a_storage_event_heard_before_the_merge_loses_nothing_of_this_tabs_write() {
    let (mut world, t) = goals_that_meet();
    // The other tab's write is heard of (its `storage` event) before theirs is decrypted
    // for the merge: this tab's goal, in no storage yet, must not give way to theirs.
    world.step(Step::Hear(t as u8)).unwrap();
    merge_and_land(&mut world, t);
}
