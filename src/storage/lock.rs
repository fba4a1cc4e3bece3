//! The passphrase lock over `localStorage`: whether one is set, unlocking, and setting,
//! changing or removing it. A wrong passphrase changes nothing; setting or changing one
//! writes every value anew or none (see [`super::write_all`]).

use web_sys::CryptoKey;

use super::{write_all, BrowserStore, KeyValueStore, SealedStore, StorageError, LOCK_KEY};
use crate::crypto::{self, CryptoError};
use crate::domain::sealed::{self, decode_lock, encode_lock, encode_sealed, KeyParams, LockRecord, SealedError};

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
}

impl From<CryptoError> for LockError {
    fn from(error: CryptoError) -> LockError {
        LockError::Crypto(error)
    }
}

/// The lock record, if a passphrase is set (or a record is there that cannot be read).
pub fn record(store: &BrowserStore) -> Option<Result<LockRecord, SealedError>> {
    match store.get(LOCK_KEY) {
        Ok(Some(text)) => Some(decode_lock(&text)),
        Ok(None) => None,
        Err(error) => Some(Err(SealedError::Invalid(error.to_string()))),
    }
}

/// The key `passphrase` makes with `params`, if it opens `check`.
async fn checked_key(passphrase: &str, params: &KeyParams, check: &sealed::Sealed) -> Result<CryptoKey, LockError> {
    let key = crypto::derive_key(passphrase, params).await?;
    match crypto::open(&key, check, sealed::CHECK_AAD).await {
        Ok(text) if text == sealed::CHECK_TEXT => Ok(key),
        Ok(_) | Err(CryptoError::WrongKey) => Err(LockError::WrongPassphrase),
        Err(error) => Err(LockError::Crypto(error)),
    }
}

/// Opens the lock with `passphrase`: the store with every value decrypted.
pub async fn unlock(store: BrowserStore, passphrase: &str) -> Result<SealedStore, LockError> {
    let record = match record(&store) {
        Some(Ok(record)) => record,
        Some(Err(error)) => return Err(LockError::Damaged(error)),
        None => return Err(LockError::Damaged(SealedError::NotSealed)),
    };
    let key = checked_key(passphrase, &record.params, &record.check).await?;
    Ok(SealedStore::open(store, key).await)
}

/// Checks `passphrase` against the lock without opening anything (before a change).
pub async fn check(store: &BrowserStore, passphrase: &str) -> Result<(), LockError> {
    match record(store) {
        Some(Ok(record)) => checked_key(passphrase, &record.params, &record.check).await.map(drop),
        Some(Err(error)) => Err(LockError::Damaged(error)),
        None => Err(LockError::Damaged(SealedError::NotSealed)),
    }
}

/// A new passphrase's key and every value sealed with it, ready to be stored at once.
pub struct Sealing {
    key: CryptoKey,
    /// What was sealed: if the app's values changed meanwhile, seal again.
    pub plaintexts: Vec<(String, String)>,
    writes: Vec<(String, Option<String>)>,
}

/// Seals every value in `plaintexts` with a new key made from `passphrase`, with a new
/// lock record; nothing is stored yet (see [`commit`]).
pub async fn seal_all(plaintexts: Vec<(String, String)>, passphrase: &str) -> Result<Sealing, LockError> {
    let params = crypto::new_params()?;
    let key = crypto::derive_key(passphrase, &params).await?;
    let check = crypto::seal(&key, sealed::CHECK_TEXT, sealed::CHECK_AAD).await?;
    let mut writes = Vec::with_capacity(plaintexts.len() + 1);
    writes.push((LOCK_KEY.to_owned(), Some(encode_lock(&LockRecord { params, check }))));
    for (name, text) in &plaintexts {
        let sealed = crypto::seal(&key, text, name).await?;
        writes.push((name.clone(), Some(encode_sealed(&sealed))));
    }
    Ok(Sealing { key, plaintexts, writes })
}

/// Stores what [`seal_all`] sealed, all at once or not at all, and opens the store over
/// it. Synchronous up to the write: no other write can come between.
pub async fn commit(store: BrowserStore, sealing: Sealing) -> Result<SealedStore, LockError> {
    write_all(&store, &sealing.writes).map_err(LockError::Storage)?;
    Ok(SealedStore::open(store, sealing.key).await)
}

/// Removes the passphrase: every value is stored as plain text again, the lock record
/// goes, all at once or not at all.
pub fn remove(store: &BrowserStore, plaintexts: Vec<(String, String)>) -> Result<(), LockError> {
    let mut writes: Vec<(String, Option<String>)> = plaintexts.into_iter().map(|(k, v)| (k, Some(v))).collect();
    writes.push((LOCK_KEY.to_owned(), None));
    write_all(store, &writes).map_err(LockError::Storage)
}

/// Every value of the app as plain text, read from an unlocked store.
pub fn plaintexts(store: &dyn KeyValueStore) -> Vec<(String, String)> {
    store
        .keys()
        .into_iter()
        .filter(|key| key != LOCK_KEY)
        .filter_map(|key| store.get(&key).ok().flatten().map(|value| (key, value)))
        .collect()
}
