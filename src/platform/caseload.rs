//! The consultant's caseload as kept on their machine: in IndexedDB (localStorage is too
//! small for a caseload, and is where the consultant's own check-ins would be), every
//! citizen sealed with the consultant's passphrase by the lock's scheme (PBKDF2-SHA256 →
//! AES-GCM 256, `crate::platform::crypto`), so that the raw database holds no nickname and
//! no answer in clear: its keys are random ids, its values `{"sealed":1,"iv":…,"data":…}`.
//!
//! The database `ugeblik-caseload` has one object store of text values: `lock` (the lock
//! record: the key's parameters and a check value sealed under [`LOCK_AAD`]) and
//! `case:<id>` for each citizen, sealed with its own key as additional data (a value moved
//! to another key does not open). The worker keeps the caseload (`ToWorker::Caseload`):
//! only it reaches this module, so the page carries no IndexedDB code. What is sealed is
//! the citizen in the stored format (`formats::stored::encode_case`), which the page
//! writes and reads.

use std::cell::RefCell;

use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, Query, TransactionMode};
use wasm_bindgen::JsValue;
use web_sys::CryptoKey;

use crate::formats::sealed::{self, decode_lock, decode_sealed, encode_lock, encode_sealed, LockRecord};
use crate::platform::crypto;

const DATABASE: &str = "ugeblik-caseload";
const STORE: &str = "sealed";
const LOCK: &str = "lock";
const CASE: &str = "case:";
/// What the lock record's check value is sealed with: not the citizen's lock's, so that
/// neither record opens the other.
pub const LOCK_AAD: &str = "ugeblik.caseload.lock";

pub use crate::platform::storage::CaseloadError;

fn storage(error: idb::Error) -> CaseloadError {
    CaseloadError::Storage(error.to_string())
}

/// The key, or that the caseload is not open yet.
fn opened(key: Option<&CryptoKey>) -> Result<&CryptoKey, CaseloadError> {
    key.ok_or(CaseloadError::Locked)
}

fn crypto_error(error: crypto::CryptoError) -> CaseloadError {
    match error {
        crypto::CryptoError::WrongKey => CaseloadError::WrongPassphrase,
        _ => CaseloadError::Crypto,
    }
}

/// The database, opened (and made, the first time); and, once the passphrase has opened
/// it, its citizens read, added, replaced and removed with the passphrase's key.
pub struct Shelf {
    db: Database,
    /// The lock record, if a passphrase was set.
    lock: RefCell<Option<String>>,
}

/// What was read back: each citizen by id (in the stored format), and the ids of values
/// that do not open (kept as they are, never overwritten).
#[derive(Default)]
pub struct Loaded {
    pub cases: Vec<(String, String)>,
    pub unreadable: Vec<String>,
}

impl Shelf {
    pub async fn open() -> Result<Shelf, CaseloadError> {
        let factory = Factory::new().map_err(storage)?;
        let mut request = factory.open(DATABASE, Some(1)).map_err(storage)?;
        request.on_upgrade_needed(|event| {
            if let Ok(db) = event.database() {
                let _ = db.create_object_store(STORE, ObjectStoreParams::new());
            }
        });
        let db = request.await.map_err(storage)?;
        let lock = get(&db, LOCK).await?;
        Ok(Shelf { db, lock: RefCell::new(lock) })
    }

    /// Whether a passphrase was set: it is then asked for, else one is made.
    pub fn is_new(&self) -> bool {
        self.lock.borrow().is_none()
    }

    /// The key of `passphrase`: the one set, or (the first time) a new one, then set.
    pub async fn unlock(&self, passphrase: &str) -> Result<CryptoKey, CaseloadError> {
        let lock = self.lock.borrow().clone();
        match lock {
            Some(text) => {
                let record = decode_lock(&text).map_err(|_| CaseloadError::Damaged)?;
                let key = crypto::derive_key(passphrase, &record.params).await.map_err(crypto_error)?;
                match crypto::open(&key, &record.check, LOCK_AAD).await.map_err(crypto_error)? {
                    check if check == sealed::CHECK_TEXT => Ok(key),
                    _ => Err(CaseloadError::WrongPassphrase),
                }
            }
            None => {
                let params = crypto::new_params().map_err(crypto_error)?;
                let key = crypto::derive_key(passphrase, &params).await.map_err(crypto_error)?;
                let check = crypto::seal(&key, sealed::CHECK_TEXT, LOCK_AAD).await.map_err(crypto_error)?;
                let record = encode_lock(&LockRecord { params, check });
                put(&self.db, &[(LOCK.to_owned(), record.clone())]).await?;
                *self.lock.borrow_mut() = Some(record);
                Ok(key)
            }
        }
    }

    /// Every citizen kept.
    pub async fn load(&self, key: Option<&CryptoKey>) -> Result<Loaded, CaseloadError> {
        let key = opened(key)?;
        let tx = self.db.transaction(&[STORE], TransactionMode::ReadOnly).map_err(storage)?;
        let store = tx.object_store(STORE).map_err(storage)?;
        let keys = store.get_all_keys(None, None).map_err(storage)?.await.map_err(storage)?;
        let values = store.get_all(None, None).map_err(storage)?.await.map_err(storage)?;
        let mut loaded = Loaded::default();
        for (name, value) in keys.iter().zip(values.iter()) {
            let Some(id) = name.as_string().and_then(|k| k.strip_prefix(CASE).map(str::to_owned)) else { continue };
            match read(key, &id, value.as_string().as_deref()).await {
                Some(case) => loaded.cases.push((id, case)),
                None => loaded.unreadable.push(id),
            }
        }
        Ok(loaded)
    }

    /// Keeps `cases` (new, or replacing those of the same id), all or none.
    pub async fn keep(&self, key: Option<&CryptoKey>, cases: &[(String, String)]) -> Result<(), CaseloadError> {
        let key = opened(key)?;
        let mut sealed_cases = Vec::with_capacity(cases.len());
        for (id, case) in cases {
            if !is_id(id) {
                return Err(CaseloadError::Storage(format!(
                    "not an id: {:?}",
                    id.chars().take(20).collect::<String>()
                )));
            }
            let name = format!("{CASE}{id}");
            let sealed = crypto::seal(key, case, &name).await.map_err(crypto_error)?;
            sealed_cases.push((name, encode_sealed(&sealed)));
        }
        put(&self.db, &sealed_cases).await
    }

    /// Removes one citizen.
    pub async fn remove(&self, key: Option<&CryptoKey>, id: &str) -> Result<(), CaseloadError> {
        opened(key)?;
        let tx = self.db.transaction(&[STORE], TransactionMode::ReadWrite).map_err(storage)?;
        let store = tx.object_store(STORE).map_err(storage)?;
        let request = store.delete(Query::Key(JsValue::from_str(&format!("{CASE}{id}")))).map_err(storage)?;
        request.await.map_err(storage)?;
        committed(tx).await
    }

    /// Removes every citizen, and the passphrase's record with them: the next caseload
    /// starts anew, with a new passphrase.
    pub async fn remove_everything(&self) -> Result<(), CaseloadError> {
        let tx = self.db.transaction(&[STORE], TransactionMode::ReadWrite).map_err(storage)?;
        let store = tx.object_store(STORE).map_err(storage)?;
        store.clear().map_err(storage)?.await.map_err(storage)?;
        committed(tx).await?;
        *self.lock.borrow_mut() = None;
        Ok(())
    }
}

async fn read(key: &CryptoKey, id: &str, text: Option<&str>) -> Option<String> {
    let sealed = decode_sealed(text?).ok()?;
    crypto::open(key, &sealed, &format!("{CASE}{id}")).await.ok()
}

/// Whether `id` is one the page makes for a citizen: 16 lower-case hex digits (random:
/// it says nothing of them).
pub fn is_id(id: &str) -> bool {
    id.len() == 16 && id.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

async fn get(db: &Database, key: &str) -> Result<Option<String>, CaseloadError> {
    let tx = db.transaction(&[STORE], TransactionMode::ReadOnly).map_err(storage)?;
    let store = tx.object_store(STORE).map_err(storage)?;
    let value = store.get(Query::Key(JsValue::from_str(key))).map_err(storage)?.await.map_err(storage)?;
    Ok(value.and_then(|v| v.as_string()))
}

/// Writes every `(key, value)` in one transaction: all are kept, or none.
async fn put(db: &Database, values: &[(String, String)]) -> Result<(), CaseloadError> {
    let tx = db.transaction(&[STORE], TransactionMode::ReadWrite).map_err(storage)?;
    let store = tx.object_store(STORE).map_err(storage)?;
    for (key, value) in values {
        // The requests run in order within the transaction; its end says whether all did.
        store.put(&JsValue::from_str(value), Some(&JsValue::from_str(key))).map_err(storage)?;
    }
    committed(tx).await
}

async fn committed(tx: idb::Transaction) -> Result<(), CaseloadError> {
    match tx.await.map_err(storage)? {
        idb::TransactionResult::Committed => Ok(()),
        idb::TransactionResult::Aborted => Err(CaseloadError::Storage("aborted".into())),
    }
}
