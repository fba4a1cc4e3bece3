//! The passphrase lock over `localStorage`: whether one is set, unlocking, and setting,
//! changing or removing it. A wrong passphrase changes nothing; setting, changing or
//! removing one writes every value anew or none, and a change cut short is finished or
//! undone at the next start (see [`crate::platform::storage::change_lock`]).

use super::{
    change_lock, is_value, Change, ChangeError, Cipher, CryptoError, KeyValueStore, SealedOver, StorageError, LOCK_KEY,
};
use crate::formats::sealed::{self, decode_lock, encode_lock, encode_sealed, KeyParams, LockRecord, SealedError};

/// Why the lock did not open or change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockError {
    /// The passphrase does not open the lock.
    WrongPassphrase,
    /// The lock record cannot be read: nothing is changed, nothing can be opened.
    Damaged(SealedError),
    /// The browser cannot do the cryptography here.
    Crypto(CryptoError),
    /// Storage refused the new values; the old ones are back in place.
    Storage(StorageError),
    /// The value under this key does not open with the current passphrase: a change would
    /// leave it where no passphrase opens it, so none is made.
    Stranded(String),
}

impl From<CryptoError> for LockError {
    fn from(error: CryptoError) -> LockError {
        LockError::Crypto(error)
    }
}

/// The lock record, if a passphrase is set (or a record is there that cannot be read).
pub fn record(store: &dyn KeyValueStore) -> Option<Result<LockRecord, SealedError>> {
    match store.get(LOCK_KEY) {
        Ok(Some(text)) => Some(decode_lock(&text)),
        Ok(None) => None,
        Err(error) => Some(Err(SealedError::Invalid(error.to_string()))),
    }
}

/// The key `passphrase` makes with `params`, if it opens `check`.
async fn checked_key<C: Cipher>(
    passphrase: &str,
    params: &KeyParams,
    check: &sealed::Sealed,
) -> Result<C::Key, LockError> {
    let key = C::derive_key(passphrase, params).await?;
    match C::open(&key, check, sealed::CHECK_AAD).await {
        Ok(text) if text == sealed::CHECK_TEXT => Ok(key),
        Ok(_) | Err(CryptoError::WrongKey) => Err(LockError::WrongPassphrase),
        Err(error) => Err(LockError::Crypto(error)),
    }
}

/// Opens the lock with `passphrase`: the store with every value decrypted.
pub async fn unlock<C: Cipher, S: KeyValueStore + Clone + 'static>(
    store: S,
    passphrase: &str,
) -> Result<SealedOver<C, S>, LockError> {
    let text = match store.get(LOCK_KEY) {
        Ok(Some(text)) => text,
        Ok(None) => return Err(LockError::Damaged(SealedError::NotSealed)),
        Err(error) => return Err(LockError::Damaged(SealedError::Invalid(error.to_string()))),
    };
    let record = decode_lock(&text).map_err(LockError::Damaged)?;
    let key = checked_key::<C>(passphrase, &record.params, &record.check).await?;
    Ok(SealedOver::open(store, key, Some(text)).await)
}

/// Checks `passphrase` against the lock without opening anything (before a change).
pub async fn check<C: Cipher>(store: &dyn KeyValueStore, passphrase: &str) -> Result<(), LockError> {
    match record(store) {
        Some(Ok(record)) => checked_key::<C>(passphrase, &record.params, &record.check).await.map(drop),
        Some(Err(error)) => Err(LockError::Damaged(error)),
        None => Err(LockError::Damaged(SealedError::NotSealed)),
    }
}

/// A new passphrase's key and every value sealed with it (or as plain text, when the
/// passphrase is removed), ready to be stored at once.
pub struct Sealing<C: Cipher> {
    key: Option<C::Key>,
    change: Change,
    /// What storage held when it was read: if that changed meanwhile, seal again.
    read: Vec<(String, String)>,
}

impl<C: Cipher> Sealing<C> {
    /// Whether storage still holds what was sealed.
    pub fn current(&self, store: &dyn KeyValueStore) -> bool {
        stored(store) == self.read
    }
}

/// Every value of the app as stored, in storage's order.
fn stored(store: &dyn KeyValueStore) -> Vec<(String, String)> {
    let keys = store.keys().into_iter().filter(|key| is_value(key));
    keys.filter_map(|key| store.get(&key).ok().flatten().map(|value| (key, value))).collect()
}

/// Reads every value of the app from storage, opens it with `current` (the key of the
/// passphrase set now, if any) and seals it with a new key made from `passphrase` and a new
/// lock record, or, without `passphrase`, keeps it as plain text. Nothing is stored yet
/// (see [`commit`]). A value that does not open with `current` refuses the change
/// ([`LockError::Stranded`]): afterwards no passphrase would open it.
pub async fn seal_all<C: Cipher, S: KeyValueStore + Clone + 'static>(
    store: &S,
    current: Option<&C::Key>,
    passphrase: Option<&str>,
) -> Result<Sealing<C>, LockError> {
    let read = stored(store);
    let opened = match current {
        // Read and decrypted again: storage, not memory, is what is sealed anew.
        Some(key) => SealedOver::<C, S>::open(store.clone(), key.clone(), None).await.values(),
        None => read.iter().map(|(name, raw)| (name.clone(), Ok(raw.clone()))).collect(),
    };
    let mut plaintexts = Vec::with_capacity(opened.len());
    for (name, plain) in opened {
        match plain {
            Ok(plain) => plaintexts.push((name, plain)),
            Err(_) => return Err(LockError::Stranded(name)),
        }
    }
    let (mut lock, mut key) = (None, None);
    if let Some(passphrase) = passphrase {
        let params = C::new_params()?;
        let new = C::derive_key(passphrase, &params).await?;
        let check = C::seal(&new, sealed::CHECK_TEXT, sealed::CHECK_AAD).await?;
        lock = Some(encode_lock(&LockRecord { params, check }));
        key = Some(new);
    }
    let mut values = Vec::with_capacity(plaintexts.len());
    for (name, plain) in plaintexts {
        let value = match &key {
            Some(key) => encode_sealed(&C::seal(key, &plain, &name).await?),
            None => plain,
        };
        values.push((name, Some(value)));
    }
    let change = Change::new(lock, values).map_err(change_error)?;
    Ok(Sealing { key, change, read })
}

fn change_error(error: ChangeError) -> LockError {
    match error {
        ChangeError::Stranded(key) => LockError::Stranded(key),
        ChangeError::Storage(error) => LockError::Storage(error),
    }
}

/// Seals every value stored with a key made from `passphrase` (or, without one, keeps it
/// as plain text) and stores them; `current` is the store open now, if a passphrase is
/// set. Sealing takes a moment; if anything was written meanwhile (another tab, a save of
/// this tab's still on its way), it seals again, so that what is stored is what storage
/// held, with nothing of it left under the old passphrase. `settle` waits for the
/// encrypted writes under way (the page: a few milliseconds).
pub async fn reseal<C: Cipher, S: KeyValueStore + Clone + 'static, F: std::future::Future<Output = ()>>(
    store: S,
    current: Option<SealedOver<C, S>>,
    passphrase: Option<&str>,
    settle: impl Fn() -> F,
) -> Result<Option<SealedOver<C, S>>, LockError> {
    let key = current.as_ref().map(SealedOver::key);
    let idle = || current.as_ref().is_none_or(|s| s.pending() == 0);
    for _ in 0..3 {
        settle().await;
        let sealing = seal_all::<C, S>(&store, key.as_ref(), passphrase).await?;
        settle().await;
        if sealing.current(&store) && idle() {
            return commit(store, sealing).await;
        }
    }
    // Written to all the time: try again later rather than store an old copy.
    Err(LockError::Storage(StorageError::Failed("busy".into())))
}

/// Stores what [`seal_all`] sealed, all of it or nothing (see [`change_lock`]), and opens
/// the store over it (none: the passphrase was removed). Synchronous up to the write: no
/// other write of this tab can come between.
pub async fn commit<C: Cipher, S: KeyValueStore + Clone + 'static>(
    store: S,
    sealing: Sealing<C>,
) -> Result<Option<SealedOver<C, S>>, LockError> {
    change_lock(&store, &sealing.change).map_err(change_error)?;
    Ok(match sealing.key {
        Some(key) => Some(SealedOver::open(store, key, sealing.change.lock().map(str::to_owned)).await),
        None => None,
    })
}
