use std::cell::{Cell, RefCell};
use std::rc::Rc;

use web_sys::CryptoKey;

use super::{BrowserStore, KeyValueStore, StorageError, LOCK_KEY};
use crate::crypto;
use crate::domain::sealed::{decode_sealed, encode_sealed, is_sealed};

/// `localStorage` with every value encrypted under the passphrase's key.
///
/// WebCrypto is asynchronous and the vault is not: the store decrypts every value of the
/// app once, when it opens, and keeps the plaintext in memory (never anywhere else). A
/// write changes memory at once and reaches `localStorage` a moment later, encrypted; a
/// later write of the same key overtakes an earlier one still being encrypted, so the
/// stored value is always the newest. A value that does not decrypt is left as it is and
/// reads as an error, so the vault never overwrites it.
#[derive(Clone)]
pub struct SealedStore {
    shared: Rc<Shared>,
}

struct Shared {
    inner: BrowserStore,
    key: CryptoKey,
    /// The plaintext of every value, by key (a handful: a list is less code than a map).
    cache: RefCell<Vec<(String, Result<String, StorageError>)>>,
    /// The number of the newest write asked for, by key.
    latest: RefCell<Vec<(String, u64)>>,
    next: Cell<u64>,
    /// Writes asked for but not yet in storage.
    pending: Cell<usize>,
    /// Told when an encrypted write could not be stored.
    on_failure: RefCell<Option<Failure>>,
}

/// Told the key and the reason when an encrypted write could not be stored.
pub type Failure = Rc<dyn Fn(String, StorageError)>;

/// What a value that cannot be decrypted reads as.
fn undecryptable() -> StorageError {
    StorageError::Failed("cannot be decrypted with this passphrase".to_owned())
}

impl SealedStore {
    /// Decrypts every value of the app in `inner` with `key` (already checked against the
    /// lock record). A value stored before the passphrase was set reads as it is and is
    /// encrypted when next written.
    pub async fn open(inner: BrowserStore, key: CryptoKey) -> SealedStore {
        let mut cache = Vec::new();
        for name in inner.app_keys() {
            if name == LOCK_KEY {
                continue;
            }
            let value = match inner.get(&name) {
                Ok(Some(raw)) => decrypt(&key, &name, raw).await,
                Ok(None) => continue,
                Err(error) => Err(error),
            };
            cache.push((name, value));
        }
        SealedStore {
            shared: Rc::new(Shared {
                inner,
                key,
                cache: RefCell::new(cache),
                latest: RefCell::new(Vec::new()),
                next: Cell::new(0),
                pending: Cell::new(0),
                on_failure: RefCell::new(None),
            }),
        }
    }

    /// The key, for sealing an export with the same passphrase.
    pub fn key(&self) -> CryptoKey {
        self.shared.key.clone()
    }

    /// Writes asked for that are not in storage yet.
    pub fn pending(&self) -> usize {
        self.shared.pending.get()
    }

    /// Sets what is told of a write that failed after it was asked for.
    pub fn on_failure(&self, tell: Failure) {
        *self.shared.on_failure.borrow_mut() = Some(tell);
    }

    /// Reads `name` again from storage (another tab wrote it) and decrypts it.
    pub async fn refresh(&self, name: &str) {
        let raw = self.shared.inner.get(name);
        let value = match raw {
            Ok(Some(raw)) => Some(decrypt(&self.shared.key, name, raw).await),
            Ok(None) => None,
            Err(error) => Some(Err(error)),
        };
        put(&mut self.shared.cache.borrow_mut(), name, value);
    }
}

/// Sets (or with `None` removes) `key` in a list of pairs.
fn put<T>(list: &mut Vec<(String, T)>, key: &str, value: Option<T>) {
    let at = list.iter().position(|(k, _)| k == key);
    match (at, value) {
        (Some(at), Some(value)) => list[at].1 = value,
        (None, Some(value)) => list.push((key.to_owned(), value)),
        (Some(at), None) => drop(list.swap_remove(at)),
        (None, None) => {}
    }
}

fn newest(list: &[(String, u64)], key: &str) -> Option<u64> {
    list.iter().find(|(k, _)| k == key).map(|(_, n)| *n)
}

async fn decrypt(key: &CryptoKey, name: &str, raw: String) -> Result<String, StorageError> {
    if !is_sealed(&raw) {
        return Ok(raw);
    }
    let sealed = decode_sealed(&raw).map_err(|_| undecryptable())?;
    crypto::open(key, &sealed, name).await.map_err(|_| undecryptable())
}

impl KeyValueStore for SealedStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.shared.cache.borrow().iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).transpose()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let shared = Rc::clone(&self.shared);
        put(&mut shared.cache.borrow_mut(), key, Some(Ok(value.to_owned())));
        let number = shared.next.get() + 1;
        shared.next.set(number);
        put(&mut shared.latest.borrow_mut(), key, Some(number));
        shared.pending.set(shared.pending.get() + 1);
        let (key, value) = (key.to_owned(), value.to_owned());
        wasm_bindgen_futures::spawn_local(async move {
            let sealed = crypto::seal(&shared.key, &value, &key).await;
            shared.pending.set(shared.pending.get() - 1);
            // A newer write (or a removal) of this key came while this one was encrypted.
            if newest(&shared.latest.borrow(), &key) != Some(number) {
                return;
            }
            let stored = match sealed {
                Ok(sealed) => shared.inner.set(&key, &encode_sealed(&sealed)),
                Err(error) => Err(StorageError::Failed(error.to_string())),
            };
            if let Err(error) = stored {
                let tell = shared.on_failure.borrow().clone();
                if let Some(tell) = tell {
                    tell(key, error);
                }
            }
        });
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        let number = self.shared.next.get() + 1;
        self.shared.next.set(number);
        put(&mut self.shared.latest.borrow_mut(), key, Some(number));
        put(&mut self.shared.cache.borrow_mut(), key, None);
        self.shared.inner.remove(key)
    }

    fn keys(&self) -> Vec<String> {
        self.shared.cache.borrow().iter().map(|(k, _)| k.clone()).collect()
    }
}
