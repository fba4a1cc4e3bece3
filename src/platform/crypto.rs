//! The browser's WebCrypto, for the passphrase lock: the key made from the passphrase
//! (PBKDF2-SHA256 → AES-GCM 256, never extractable) and sealing and opening one value.
//! Works in the page and in the chart worker alike (both have `crypto.subtle`). The
//! formats of what is sealed are pure and host-tested: [`crate::formats::sealed`].

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

use crate::formats::sealed::{KeyParams, Sealed, IV_LEN, SALT_LEN};

pub use crate::platform::storage::CryptoError;

fn crypto() -> Result<web_sys::Crypto, CryptoError> {
    Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::Crypto>().ok())
        .ok_or(CryptoError::Unavailable)
}

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    let subtle = crypto()?.subtle();
    // Outside a secure context `crypto.subtle` is undefined, not an error.
    if JsValue::from(subtle.clone()).is_undefined() {
        return Err(CryptoError::Unavailable);
    }
    Ok(subtle)
}

/// Whether the passphrase lock can work here.
pub fn available() -> bool {
    subtle().is_ok()
}

fn failed(error: JsValue) -> CryptoError {
    let name = Reflect::get(&error, &JsValue::from_str("name")).ok().and_then(|n| n.as_string());
    match name.as_deref() {
        // What AES-GCM says when the tag does not match.
        Some("OperationError") => CryptoError::WrongKey,
        Some(name) => CryptoError::Failed(name.to_owned()),
        None => CryptoError::Failed("crypto error".to_owned()),
    }
}

fn object(fields: &[(&str, &JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in fields {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

async fn wait(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, CryptoError> {
    JsFuture::from(promise.map_err(failed)?).await.map_err(failed)
}

/// `n` bytes from the browser's cryptographic random source.
pub fn random_bytes(n: usize) -> Result<Vec<u8>, CryptoError> {
    let mut bytes = vec![0u8; n];
    crypto()?.get_random_values_with_u8_array(&mut bytes).map_err(failed)?;
    Ok(bytes)
}

/// Fresh parameters for a new passphrase: the current rounds and a random salt.
pub fn new_params() -> Result<KeyParams, CryptoError> {
    Ok(KeyParams { iterations: crate::formats::sealed::ITERATIONS, salt: random_bytes(SALT_LEN)? })
}

/// The AES-GCM 256 key made from `passphrase` (as UTF-8) with `params`. It can seal and
/// open, and can be handed to the worker, but its bytes can never be read out.
pub async fn derive_key(passphrase: &str, params: &KeyParams) -> Result<CryptoKey, CryptoError> {
    let subtle = subtle()?;
    let usages = Array::of1(&JsValue::from_str("deriveKey"));
    let raw = Uint8Array::from(passphrase.as_bytes());
    let pbkdf2 = JsValue::from_str("PBKDF2");
    let base = wait(subtle.import_key_with_object("raw", &raw, &object(&[("name", &pbkdf2)]), false, &usages)).await?;
    let algorithm = object(&[
        ("name", &pbkdf2),
        ("hash", &JsValue::from_str("SHA-256")),
        ("salt", &Uint8Array::from(params.salt.as_slice())),
        ("iterations", &JsValue::from(params.iterations)),
    ]);
    let aes = object(&[("name", &JsValue::from_str("AES-GCM")), ("length", &JsValue::from(256))]);
    let usages = Array::of2(&JsValue::from_str("encrypt"), &JsValue::from_str("decrypt"));
    let key = wait(subtle.derive_key_with_object_and_object(&algorithm, &base.unchecked_into(), &aes, false, &usages))
        .await?;
    Ok(key.unchecked_into())
}

fn gcm(iv: &[u8], aad: &str) -> Object {
    object(&[
        ("name", &JsValue::from_str("AES-GCM")),
        ("iv", &Uint8Array::from(iv)),
        ("additionalData", &Uint8Array::from(aad.as_bytes())),
    ])
}

/// Encrypts `plaintext` under a fresh random IV, bound to `aad` (the key it is kept under).
pub async fn seal(key: &CryptoKey, plaintext: &str, aad: &str) -> Result<Sealed, CryptoError> {
    let iv = random_bytes(IV_LEN)?;
    let data = wait(subtle()?.encrypt_with_object_and_u8_array(&gcm(&iv, aad), key, plaintext.as_bytes())).await?;
    Ok(Sealed { iv, data: Uint8Array::new(&data).to_vec() })
}

/// Decrypts what [`seal`] made with the same key and `aad`.
pub async fn open(key: &CryptoKey, sealed: &Sealed, aad: &str) -> Result<String, CryptoError> {
    let data = wait(subtle()?.decrypt_with_object_and_u8_array(&gcm(&sealed.iv, aad), key, &sealed.data)).await?;
    String::from_utf8(Uint8Array::new(&data).to_vec()).map_err(|_| CryptoError::WrongKey)
}
