//! What the app needs of the browser, behind types the rest can use: storage (a key-value
//! store, the vault over it, the sealed store that encrypts it, the passphrase's lock),
//! WebCrypto, and small DOM helpers. The storage logic is pure over its traits, so the host
//! drives it (tests/storage.rs, tests/faults.rs); only the browser's own pieces are wasm.

pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod caseload;
#[cfg(target_arch = "wasm32")]
pub mod crypto;
