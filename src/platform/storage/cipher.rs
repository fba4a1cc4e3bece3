//! What seals and opens the citizen's values under a passphrase. In the browser that is
//! WebCrypto ([`WebCrypto`], see `crate::platform::crypto`); the host's tests bring a cipher of their
//! own, so that the sealed store and the lock run, and fail, under their control.

use std::future::Future;

use crate::formats::sealed::{KeyParams, Sealed};

/// Why the cipher did not do what was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// No `crypto.subtle`: the page is not in a secure context (plain http on a real host).
    Unavailable,
    /// A wrong key, or a value changed since it was sealed: the tag does not match.
    WrongKey,
    /// Anything else the browser said, in its words.
    Failed(String),
}

impl std::fmt::Display for CryptoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CryptoError::Unavailable => write!(f, "WebCrypto is not available"),
            CryptoError::WrongKey => write!(f, "wrong key or changed value"),
            CryptoError::Failed(why) => write!(f, "{why}"),
        }
    }
}

/// A passphrase's key, and sealing and opening one value with it (bound to `aad`: the key
/// the value is kept under). Asynchronous, as WebCrypto is.
pub trait Cipher: 'static {
    type Key: Clone + 'static;
    /// Fresh parameters for a new passphrase.
    fn new_params() -> Result<KeyParams, CryptoError>;
    fn derive_key(passphrase: &str, params: &KeyParams) -> impl Future<Output = Result<Self::Key, CryptoError>>;
    fn seal(key: &Self::Key, plaintext: &str, aad: &str) -> impl Future<Output = Result<Sealed, CryptoError>>;
    fn open(key: &Self::Key, sealed: &Sealed, aad: &str) -> impl Future<Output = Result<String, CryptoError>>;
}

/// The browser's WebCrypto: PBKDF2-SHA256 → AES-GCM 256 (`crate::platform::crypto`).
#[cfg(target_arch = "wasm32")]
pub struct WebCrypto;

#[cfg(target_arch = "wasm32")]
impl Cipher for WebCrypto {
    type Key = web_sys::CryptoKey;

    fn new_params() -> Result<KeyParams, CryptoError> {
        crate::platform::crypto::new_params()
    }

    fn derive_key(passphrase: &str, params: &KeyParams) -> impl Future<Output = Result<Self::Key, CryptoError>> {
        crate::platform::crypto::derive_key(passphrase, params)
    }

    fn seal(key: &Self::Key, plaintext: &str, aad: &str) -> impl Future<Output = Result<Sealed, CryptoError>> {
        crate::platform::crypto::seal(key, plaintext, aad)
    }

    fn open(key: &Self::Key, sealed: &Sealed, aad: &str) -> impl Future<Output = Result<String, CryptoError>> {
        crate::platform::crypto::open(key, sealed, aad)
    }
}
