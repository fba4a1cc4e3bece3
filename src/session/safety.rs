//! The "lock and delete" screen: the passphrase (set, change, remove), the idle lock, quick
//! exit, the end of the programme and deleting everything. A component of the part of the
//! page fetched when a session screen first opens: each button calls its operation with
//! the fields it needs, read from its own form's elements.

use leptos::html::{Input, Select};
use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::formats::safety::{parse_auto_lock, parse_end, EndError, AUTO_LOCK_CHOICES};
use crate::formats::sealed::{check_new_passphrase, PassphraseError};
use crate::i18n::{ChartMsg, Msg};
use crate::page::state::AppState;
use crate::platform::browser;
use crate::platform::storage::lock::{self, LockError};
use crate::platform::storage::WebCrypto;
use crate::session::screen::{frame, split_screen, Said};

const LOCK_CURRENT: &str = "ugb-lock-current";
const LOCK_NEW: &str = "ugb-lock-new";
const LOCK_REPEAT: &str = "ugb-lock-repeat";
const REMOVE_CURRENT: &str = "ugb-lock-remove-current";
const END: &str = "ugb-end";
const DELETE_CONFIRM: &str = "ugb-delete-all-confirm";

fn passphrase_error(error: PassphraseError) -> Msg {
    match error {
        PassphraseError::TooShort => Msg::ErrPassphraseShort,
        PassphraseError::TooLong => Msg::ErrPassphraseLong,
        PassphraseError::Different => Msg::ErrPassphraseDifferent,
    }
}

fn lock_error(error: LockError) -> Msg {
    match error {
        LockError::WrongPassphrase => Msg::ErrCurrentWrong,
        LockError::Storage(_) => Msg::ErrLockFailed,
        LockError::Damaged(_) => Msg::LockDamaged,
        LockError::Crypto(_) => Msg::CryptoUnavailable,
        LockError::Stranded(_) => Msg::ErrLockStranded,
    }
}

/// Sets (no `current`), changes or removes (no `new`) the passphrase; the current one is
/// checked first.
fn change_passphrase(state: AppState, current: Option<String>, new: Option<String>, said: Said) {
    let Some(store) = state.browser_store() else { return };
    said.done.set(None);
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(current) = &current {
            if let Err(error) = lock::check::<WebCrypto>(&store, current).await {
                let at = if new.is_some() { LOCK_CURRENT } else { REMOVE_CURRENT };
                return said.problem(lock_error(error), Some(at));
            }
        }
        let done = match (&current, &new) {
            (None, _) => Msg::PassphraseSet,
            (Some(_), Some(_)) => Msg::PassphraseChanged,
            (Some(_), None) => Msg::PassphraseRemoved,
        };
        let result = lock::reseal(store, state.sealed(), new.as_deref(), || crate::page::safety::settle(state)).await;
        match result {
            Ok(sealed) => {
                if let Some(sealed) = &sealed {
                    crate::page::tabs::merge_conflicts(state, sealed);
                }
                state.use_store(sealed);
                said.done(done);
            }
            Err(error) => said.problem(lock_error(error), None),
        }
    });
}

/// Sets a new passphrase (`current` when one is set already), once it is long enough
/// and typed the same twice.
fn set_passphrase(state: AppState, current: Option<String>, new: String, repeat: &str, said: Said) {
    match check_new_passphrase(&new, repeat) {
        Err(error) => {
            let at = if error == PassphraseError::Different { LOCK_REPEAT } else { LOCK_NEW };
            said.problem(passphrase_error(error), Some(at));
        }
        Ok(()) => change_passphrase(state, current, Some(new), said),
    }
}

/// The idle time until the lock, one of the choices offered.
fn save_auto_lock(state: AppState, minutes: &str, said: Said) {
    if let Some(minutes) = parse_auto_lock(minutes) {
        state.change_safety(|s| s.auto_lock = minutes);
        said.done(Msg::EditSaved);
    }
}

/// The programme's last day: a date not yet passed, or none.
fn save_end(state: AppState, end: &str, said: Said) {
    match parse_end(end, browser::today()) {
        Ok(end) => {
            state.change_safety(|s| s.end = end);
            said.done(Msg::EditSaved);
        }
        Err(EndError::NotADate | EndError::Past) => said.problem(Msg::ErrEndDate, Some(END)),
    }
}

/// Deletes everything, once "yes, delete …" is ticked.
fn delete_all(state: AppState, confirmed: bool, said: Said) {
    if confirmed {
        crate::session::readings::forget();
        state.delete_everything(Msg::Deleted);
    } else {
        said.problem(Msg::DeleteNeedsConfirm, Some(DELETE_CONFIRM));
    }
}

/// A field's value, or "" before it is in the page.
fn value(field: NodeRef<Input>) -> String {
    field.get_untracked().map(|field| field.value()).unwrap_or_default()
}

/// A password field with its label. On a shared phone no password manager may keep it,
/// or offer it to the next person.
fn passphrase(
    id: &'static str,
    name: &'static str,
    label: ChartMsg,
    lang: Lang,
    field: NodeRef<Input>,
) -> impl IntoView {
    view! {
        <label for=id>{label.get(lang)}</label>
        <input id=id name=name type="password" autocomplete="off" maxlength="256" node_ref=field/>
    }
}

/// A section of the screen, titled.
fn part(id: &'static str, title: ChartMsg, lang: Lang, content: impl IntoView) -> impl IntoView {
    view! {
        <section class="ugb-safety__part" aria-labelledby=id>
            <h3 id=id>{title.get(lang)}</h3>
            {content}
        </section>
    }
}

/// The passphrase: why to set one and how (no passphrase yet), how to change or remove it,
/// or that this browser cannot encrypt.
fn passphrase_part(state: AppState, lang: Lang, said: Said) -> impl IntoView {
    let (current, new, repeat, remove) = (NodeRef::new(), NodeRef::new(), NodeRef::new(), NodeRef::new());
    let set = move |_| set_passphrase(state, None, value(new), &value(repeat), said);
    let change = move |_| set_passphrase(state, Some(value(current)), value(new), &value(repeat), said);
    let remove_it = move |_| change_passphrase(state, Some(value(remove)), None, said);
    let content = move || {
        if !crate::platform::crypto::available() {
            return view! { <p class="ugb-warning">{ChartMsg::LockUnavailable.get(lang)}</p> }.into_any();
        }
        let warning = view! { <p class="ugb-warning">{ChartMsg::LockWarning.get(lang)}</p> };
        if !state.locked.get() {
            return view! {
                <p>{ChartMsg::LockOffText.get(lang)}</p>
                {warning}
                <form class="ugb-form" aria-labelledby="ugb-lock-title">
                    {passphrase(LOCK_NEW, "new", ChartMsg::LockNew, lang, new)}
                    {passphrase(LOCK_REPEAT, "repeat", ChartMsg::LockRepeat, lang, repeat)}
                    <button type="button" id="ugb-lock-set" class="ugb-primary" on:click=set>
                        {ChartMsg::LockSet.get(lang)}
                    </button>
                </form>
            }
            .into_any();
        }
        view! {
            <p>{ChartMsg::LockOnText.get(lang)}</p>
            {warning}
            <form class="ugb-form" aria-label=ChartMsg::LockChange.get(lang)>
                {passphrase(LOCK_CURRENT, "current", ChartMsg::LockCurrent, lang, current)}
                {passphrase(LOCK_NEW, "new", ChartMsg::LockNew, lang, new)}
                {passphrase(LOCK_REPEAT, "repeat", ChartMsg::LockRepeat, lang, repeat)}
                <button type="button" id="ugb-lock-change" class="ugb-primary" on:click=change>
                    {ChartMsg::LockChange.get(lang)}
                </button>
            </form>
            <form class="ugb-form" aria-label=ChartMsg::LockRemove.get(lang)>
                <p>{ChartMsg::LockRemoveText.get(lang)}</p>
                {passphrase(REMOVE_CURRENT, "current", ChartMsg::LockCurrent, lang, remove)}
                <button type="button" id="ugb-lock-remove" class="ugb-secondary" on:click=remove_it>
                    {ChartMsg::LockRemove.get(lang)}
                </button>
            </form>
        }
        .into_any()
    };
    part("ugb-lock-title", ChartMsg::LockTitle, lang, content)
}

split_screen!(
    /// The lock and delete screen, fetched only when it opens.
    ugeblik_safety,
    safety_screen,
    Safety
);

/// The screen, with what it says it did or why it could not.
#[component]
pub fn Safety() -> impl IntoView {
    let state = expect_context::<AppState>();
    let said = Said::new();
    frame(Msg::NavSafety, Some(said), move |lang| {
        let safety = state.safety();
        let minutes = NodeRef::<Select>::new();
        let end = NodeRef::<Input>::new();
        let confirm = NodeRef::<Input>::new();
        let options = AUTO_LOCK_CHOICES
            .into_iter()
            .map(|choice| {
                let value = choice.to_string();
                let text = ChartMsg::AutoLockMinutes.fill(lang, &[("n", &value)]);
                view! { <option value=value selected={choice == safety.auto_lock}>{text}</option> }
            })
            .collect::<Vec<_>>();
        let save_minutes = move |_| {
            let chosen = minutes.get_untracked().map(|m| m.value()).unwrap_or_default();
            save_auto_lock(state, &chosen, said);
        };
        let idle = view! {
            <form class="ugb-form" aria-labelledby="ugb-auto-lock-title">
                <label for="ugb-auto-lock">{ChartMsg::AutoLockLabel.get(lang)}</label>
                <select id="ugb-auto-lock" name="minutes" node_ref=minutes>{options}</select>
                {move || (!state.locked.get()).then(|| view! { <p class="ugb-hint">{ChartMsg::AutoLockOff.get(lang)}</p> })}
                <button type="button" id="ugb-auto-lock-save" class="ugb-secondary" on:click=save_minutes>
                    {ChartMsg::SaveChoice.get(lang)}
                </button>
            </form>
        };
        let ending = view! {
            <p>{ChartMsg::EndText.get(lang)}</p>
            <form class="ugb-form" aria-labelledby="ugb-end-title">
                <label for=END>{ChartMsg::EndLabel.get(lang)}</label>
                <input id=END name="end" type="date" value={safety.end.unwrap_or_default()} node_ref=end/>
                <button type="button" id="ugb-end-save" class="ugb-secondary" on:click=move |_| save_end(state, &value(end), said)>
                    {ChartMsg::SaveChoice.get(lang)}
                </button>
            </form>
        };
        let checked = move || confirm.get_untracked().is_some_and(|c| c.checked());
        let delete = view! {
            <p>{ChartMsg::DeleteText.get(lang)}</p>
            <form class="ugb-form" aria-labelledby="ugb-delete-title">
                <p class="ugb-check">
                    <input type="checkbox" id=DELETE_CONFIRM name="confirm" value="yes" node_ref=confirm/>
                    <label for=DELETE_CONFIRM>{ChartMsg::DeleteConfirmText.get(lang)}</label>
                </p>
                <button type="button" id="ugb-delete-all" class="ugb-danger" on:click=move |_| delete_all(state, checked(), said)>
                    {ChartMsg::DeleteButton.get(lang)}
                </button>
            </form>
        };
        view! {
            {passphrase_part(state, lang, said)}
            {part("ugb-auto-lock-title", ChartMsg::AutoLockTitle, lang, idle)}
            {part("ugb-exit-title", ChartMsg::QuickExitTitle, lang, view! { <p>{ChartMsg::QuickExitText.get(lang)}</p> })}
            {part("ugb-end-title", ChartMsg::EndTitle, lang, ending)}
            {part("ugb-delete-title", ChartMsg::DeleteTitle, lang, delete)}
        }
    })
}
