use std::cell::RefCell;
use std::rc::Rc;

use super::{is_value, Cipher, CryptoError, KeyValueStore, StorageError, LOCK_KEY};
use crate::formats::sealed::{decode_sealed, encode_sealed, is_sealed};
use crate::platform::storage::tasks::spawn_local;

/// A store (`localStorage` in the browser) with every value encrypted under the
/// passphrase's key by the cipher `C` (WebCrypto in the browser: [`super::SealedStore`]).
///
/// WebCrypto is asynchronous and the vault is not: the store decrypts every value of the
/// app once, when it opens, and keeps the plaintext in memory (never anywhere else). A
/// write changes memory at once and reaches `localStorage` a moment later, encrypted; a
/// later write of the same key overtakes an earlier one still being encrypted, so the
/// stored value is always the newest. A value that does not decrypt is left as it is and
/// reads as an error, so the vault never overwrites it.
///
/// The vault reads before it writes, so that no other tab's write is lost; here it reads
/// memory, which learns of another tab's write only once that is stored. So a write is
/// stored only if storage still holds the text this tab's value was based on: when
/// another tab stored the key while this tab's value was being encrypted, theirs is read
/// in instead and the vault is told ([`SealedStore::on_conflict`]) to merge it with this
/// tab's and write again. Nothing is stored once another tab changed the passphrase.
pub struct SealedOver<C: Cipher, S> {
    shared: Rc<Shared<C, S>>,
}

impl<C: Cipher, S> Clone for SealedOver<C, S> {
    fn clone(&self) -> Self {
        SealedOver { shared: Rc::clone(&self.shared) }
    }
}

struct Shared<C: Cipher, S> {
    inner: S,
    key: C::Key,
    /// The lock record this store was opened under.
    lock: Option<String>,
    /// The plaintext of every value, by key (a handful: a list is less code than a map).
    cache: RefCell<Vec<(String, Result<String, StorageError>)>>,
    /// The stored text each value in `cache` was read from or written as.
    base: RefCell<Vec<(String, String)>>,
    /// The number of the newest write asked for, by key.
    latest: RefCell<Vec<(String, u64)>>,
    /// The keys of the writes asked for but not yet stored, one entry per write.
    sealing: RefCell<Vec<String>>,
    /// Told when an encrypted write could not be stored.
    on_failure: RefCell<Option<Failure>>,
    /// Told the key when another tab stored it while this tab's write was being encrypted.
    on_conflict: RefCell<Option<Conflict>>,
    /// The keys of the writes that found another tab's value stored and were told to
    /// `on_conflict`, until it has merged theirs in and written again ([`SealedOver::merged`]):
    /// this tab's value is not in storage meanwhile.
    merging: RefCell<Vec<String>>,
}

/// Told the key and the reason when an encrypted write could not be stored.
pub type Failure = Rc<dyn Fn(String, StorageError)>;
/// Told the key another tab stored while this tab's write of it was being encrypted.
pub type Conflict = Rc<dyn Fn(String)>;

/// What a value that cannot be decrypted reads as.
fn undecryptable() -> StorageError {
    StorageError::Failed("cannot be decrypted with this passphrase".to_owned())
}

impl<C: Cipher, S: KeyValueStore + Clone + 'static> SealedOver<C, S> {
    /// Decrypts every value of the app in `inner` with `key` (already checked against the
    /// lock record). A value stored before the passphrase was set reads as it is and is
    /// encrypted when next written. `lock`: the text of the lock record the key was
    /// checked against (as read then, not read again: a read that fails now must not pass
    /// for another tab's change of the passphrase).
    pub async fn open(inner: S, key: C::Key, lock: Option<String>) -> Self {
        let store = SealedOver {
            shared: Rc::new(Shared {
                lock,
                inner,
                key,
                cache: RefCell::default(),
                base: RefCell::default(),
                latest: RefCell::default(),
                sealing: RefCell::default(),
                on_failure: RefCell::default(),
                on_conflict: RefCell::default(),
                merging: RefCell::default(),
            }),
        };
        for name in store.shared.inner.keys().into_iter().filter(|k| is_value(k)) {
            store.refresh(&name).await;
        }
        store
    }

    /// Every value as it was read or written (decrypted, or why it is not).
    pub(super) fn values(self) -> Vec<(String, Result<String, StorageError>)> {
        self.shared.cache.take()
    }

    /// The key, for sealing an export with the same passphrase.
    pub fn key(&self) -> C::Key {
        self.shared.key.clone()
    }

    /// Writes asked for that are not in storage yet: being encrypted, or found another
    /// tab's value stored and waiting to be merged with it and written again.
    pub fn pending(&self) -> usize {
        self.shared.sealing.borrow().len() + self.shared.merging.borrow().len()
    }

    /// The conflict told of `key` is taken in: theirs is merged with this tab's, which is
    /// written again (and pending as any write) if it had to be.
    pub fn merged(&self, key: &str) {
        let mut merging = self.shared.merging.borrow_mut();
        if let Some(at) = merging.iter().position(|k| k == key) {
            merging.swap_remove(at);
        }
    }

    /// Sets what is told of a write that failed after it was asked for.
    pub fn on_failure(&self, tell: Failure) {
        *self.shared.on_failure.borrow_mut() = Some(tell);
    }

    /// Sets what is told when another tab stored a key while this tab's write of it was
    /// being encrypted: theirs must be read in ([`SealedStore::refresh`]) and this tab's
    /// merged into it.
    pub fn on_conflict(&self, tell: Conflict) {
        *self.shared.on_conflict.borrow_mut() = Some(tell);
    }

    /// Reads `name` again from storage (another tab wrote it) and decrypts it. While a
    /// write of this tab's is being encrypted, memory keeps this tab's value: that write
    /// finds storage changed and has theirs merged in.
    pub async fn refresh(&self, name: &str) {
        let shared = &self.shared;
        let raw = shared.inner.get(name);
        let value = match raw.clone() {
            Ok(Some(raw)) => Some(decrypt::<C>(&shared.key, name, raw).await),
            Ok(None) => None,
            Err(error) => Some(Err(error)),
        };
        if shared.sealing.borrow().iter().any(|k| k == name) {
            return;
        }
        put(&mut shared.base.borrow_mut(), name, raw.ok().flatten());
        put(&mut shared.cache.borrow_mut(), name, value);
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

async fn decrypt<C: Cipher>(key: &C::Key, name: &str, raw: String) -> Result<String, StorageError> {
    if !is_sealed(&raw) {
        return Ok(raw);
    }
    let sealed = decode_sealed(&raw).map_err(|_| undecryptable())?;
    C::open(key, &sealed, name).await.map_err(|_| undecryptable())
}

impl<C: Cipher, S: KeyValueStore + Clone + 'static> KeyValueStore for SealedOver<C, S> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.shared.cache.borrow().iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).transpose()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let shared = Rc::clone(&self.shared);
        put(&mut shared.cache.borrow_mut(), key, Some(Ok(value.to_owned())));
        let number = shared.latest.borrow().iter().map(|(_, n)| *n).max().unwrap_or(0) + 1;
        put(&mut shared.latest.borrow_mut(), key, Some(number));
        shared.sealing.borrow_mut().push(key.to_owned());
        let (key, value) = (key.to_owned(), value.to_owned());
        spawn_local(async move {
            let sealed = C::seal(&shared.key, &value, &key).await;
            let stored = shared.store(&key, number, sealed);
            {
                let mut sealing = shared.sealing.borrow_mut();
                if let Some(at) = sealing.iter().position(|k| *k == key) {
                    sealing.swap_remove(at);
                }
            }
            match stored {
                Stored::Done => {}
                Stored::Failed(error) => {
                    let tell = shared.on_failure.borrow().clone();
                    if let Some(tell) = tell {
                        tell(key, error);
                    }
                }
                Stored::Theirs => {
                    // Another tab stored this key meanwhile: theirs is read in (as when
                    // another tab's write is heard of), and this tab's merged into it.
                    let tell = shared.on_conflict.borrow().clone();
                    if let Some(tell) = tell {
                        shared.merging.borrow_mut().push(key.clone());
                        tell(key);
                    }
                }
            }
        });
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        let number = self.shared.latest.borrow().iter().map(|(_, n)| *n).max().unwrap_or(0) + 1;
        put(&mut self.shared.latest.borrow_mut(), key, Some(number));
        put(&mut self.shared.cache.borrow_mut(), key, None);
        put(&mut self.shared.base.borrow_mut(), key, None);
        self.shared.inner.remove(key)
    }

    fn keys(&self) -> Vec<String> {
        self.shared.cache.borrow().iter().map(|(k, _)| k.clone()).collect()
    }
}

/// What became of an encrypted write.
enum Stored {
    /// Stored, or not needed (a newer write came, or the passphrase changed).
    Done,
    Failed(StorageError),
    /// Not stored: another tab stored the key since this tab's value was based on it.
    Theirs,
}

impl<C: Cipher, S: KeyValueStore> Shared<C, S> {
    /// Stores write `number` of `key`, now `sealed`, if it is still the newest and storage
    /// holds what this tab's value was based on. Synchronous: no write comes between the
    /// check and the write.
    fn store(&self, key: &str, number: u64, sealed: Result<crate::formats::sealed::Sealed, CryptoError>) -> Stored {
        // A newer write (or a removal) of this key came while this one was encrypted.
        if newest(&self.latest.borrow(), key) != Some(number) {
            return Stored::Done;
        }
        // Another tab set, changed or removed the passphrase: this tab loads again, and a
        // value written with the old key would open with no passphrase.
        // A read that fails says nothing of either: the write failed, and the citizen is
        // told (it is never taken for another tab's change, which stores nothing unsaid).
        let lock = match self.inner.get(LOCK_KEY) {
            Ok(lock) => lock,
            Err(error) => return Stored::Failed(error),
        };
        if lock != self.lock {
            return Stored::Done;
        }
        let base = self.base.borrow().iter().find(|(k, _)| k == key).map(|(_, b)| b.clone());
        match self.inner.get(key) {
            Ok(stored) if stored != base => return Stored::Theirs,
            Ok(_) => {}
            Err(error) => return Stored::Failed(error),
        }
        let text = match sealed {
            Ok(sealed) => encode_sealed(&sealed),
            Err(error) => return Stored::Failed(StorageError::Failed(error.to_string())),
        };
        match self.inner.set(key, &text) {
            Ok(()) => {
                put(&mut self.base.borrow_mut(), key, Some(text));
                Stored::Done
            }
            Err(error) => Stored::Failed(error),
        }
    }
}
