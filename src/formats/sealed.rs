//! The formats of encrypted data: what the app stores once the citizen has set a
//! passphrase, the lock record that says how the key is made from it, and an export file
//! locked with it. Pure: the cryptography is the browser's WebCrypto (`crate::platform::crypto`);
//! this module only writes the envelopes and reads them back strictly, so that a damaged
//! or hostile envelope is an error, never a panic or a guess.
//!
//! The key is AES-GCM 256, derived with PBKDF2-SHA256 over [`ITERATIONS`] rounds (OWASP's
//! figure for 2023 onwards) from the passphrase and a random 16-byte salt. Every value is
//! encrypted under a fresh random 12-byte IV, with the storage key it is kept under as
//! additional data, so a value copied to another key does not decrypt.

use std::borrow::Cow;
use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::formats::json;

/// The key derivation, as written in the lock record and in a locked file.
pub const KDF: &str = "PBKDF2-SHA256";
/// The cipher, as written in a locked file.
pub const CIPHER: &str = "AES-GCM-256";
/// PBKDF2 rounds for a new passphrase.
pub const ITERATIONS: u32 = 600_000;
/// Fewer rounds than these are refused (a weakened file or record), and so are more than
/// [`MAX_ITERATIONS`] (a hostile file would otherwise keep the phone busy for hours).
pub const MIN_ITERATIONS: u32 = 600_000;
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_LEN: usize = 16;
pub const IV_LEN: usize = 12;
/// The `format` of a locked export file.
pub const FILE_FORMAT: &str = "ugeblik-sealed";
/// The additional data a locked export file's content is encrypted with.
pub const FILE_AAD: &str = "ugeblik-sealed-file";
/// The lock record's check value: decrypting it proves the passphrase right.
pub const CHECK_TEXT: &str = "ugeblik-lock-check";
pub const CHECK_AAD: &str = "ugeblik.v1.lock";
/// The shortest passphrase accepted, in characters.
pub const MIN_PASSPHRASE: usize = 8;
pub const MAX_PASSPHRASE: usize = 256;
/// A gzipped ten-year history is far below this; more is refused before decoding.
const MAX_DATA: usize = 8 * 1024 * 1024;

/// How the key is made from the passphrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyParams {
    pub iterations: u32,
    pub salt: Vec<u8>,
}

/// One encrypted value: its IV and the ciphertext with its 16-byte tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    pub iv: Vec<u8>,
    pub data: Vec<u8>,
}

/// Stored under [`CHECK_AAD`] once a passphrase is set: the key's parameters and a check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockRecord {
    pub params: KeyParams,
    pub check: Sealed,
}

/// An export file locked with the passphrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedFile {
    pub params: KeyParams,
    pub sealed: Sealed,
}

/// Why an envelope cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SealedError {
    /// Not JSON, or not an envelope of this kind.
    NotSealed,
    /// Written by a newer version of the app.
    TooNew(u64),
    /// A key derivation or cipher this app does not use, or too few or too many rounds.
    Unsupported(String),
    /// An envelope, but damaged; says what.
    Invalid(String),
}

impl fmt::Display for SealedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SealedError::NotSealed => write!(f, "not an encrypted value"),
            SealedError::TooNew(found) => write!(f, "encryption format version {found} is newer than 1"),
            SealedError::Unsupported(what) => write!(f, "unsupported encryption: {what}"),
            SealedError::Invalid(what) => write!(f, "damaged encrypted value: {what}"),
        }
    }
}

impl std::error::Error for SealedError {}

/// Why a new passphrase is not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PassphraseError {
    TooShort,
    TooLong,
    /// The two fields differ.
    Different,
}

/// Checks a new passphrase and its repetition. Length is counted in characters, so a
/// passphrase in any script counts the same.
pub fn check_new_passphrase(new: &str, repeat: &str) -> Result<(), PassphraseError> {
    let length = new.chars().count();
    if length < MIN_PASSPHRASE {
        Err(PassphraseError::TooShort)
    } else if length > MAX_PASSPHRASE {
        Err(PassphraseError::TooLong)
    } else if new != repeat {
        Err(PassphraseError::Different)
    } else {
        Ok(())
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// How long [`base64`] of `bytes` bytes is.
fn base64_length(bytes: usize) -> usize {
    bytes.div_ceil(3) * 4
}

/// Standard base64 with padding (RFC 4648 §4).
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(base64_length(bytes.len()));
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Reads standard base64 with padding; `None` for anything else (no whitespace, no
/// missing padding, no stray bits).
pub fn unbase64(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for (index, chunk) in bytes.chunks(4).enumerate() {
        let last = index == bytes.len() / 4 - 1;
        let pad = chunk.iter().rev().take_while(|b| **b == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for (i, b) in chunk[..4 - pad].iter().enumerate() {
            let value = ALPHABET.iter().position(|a| a == b)? as u32;
            n |= value << (18 - 6 * i);
        }
        let keep = 3 - pad;
        // Bits below the last byte kept must be zero: one text for one byte string.
        if n & ((1 << (8 * (3 - keep))) - 1) != 0 {
            return None;
        }
        out.extend((0..keep).map(|i| (n >> (16 - 8 * i)) as u8));
    }
    Some(out)
}

/// Bytes as standard base64 text, for `#[serde(with = "base64_text")]`: written with
/// [`base64`], read with [`unbase64`] (anything else is refused), at most [`MAX_DATA`].
mod base64_text {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&super::base64(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>, T: From<Vec<u8>>>(deserializer: D) -> Result<T, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text.len() > super::MAX_DATA {
            return Err(D::Error::custom("too large"));
        }
        super::unbase64(&text).map(T::from).ok_or_else(|| D::Error::custom("not base64"))
    }
}

/// One encrypted value as stored (`{"sealed":1,"iv":…,"data":…}`; `sealed` is the version).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredSealed<'a> {
    sealed: u64,
    #[serde(with = "base64_text")]
    iv: Cow<'a, [u8]>,
    #[serde(with = "base64_text")]
    data: Cow<'a, [u8]>,
}

/// The lock record (`{"version":1,"kdf":…,"iterations":…,"salt":…,"check":{"iv","data"}}`).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredLock<'a> {
    version: u64,
    kdf: Cow<'a, str>,
    iterations: u64,
    #[serde(with = "base64_text")]
    salt: Cow<'a, [u8]>,
    check: Check<'a>,
}

/// The lock record's check: an encrypted value without the envelope's version.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Check<'a> {
    #[serde(with = "base64_text")]
    iv: Cow<'a, [u8]>,
    #[serde(with = "base64_text")]
    data: Cow<'a, [u8]>,
}

/// A locked export file. Its `about` says in plain English what it is, for a provider who
/// opens it in a text editor.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LockedFile<'a> {
    format: Cow<'a, str>,
    version: u64,
    #[serde(default)]
    about: Cow<'a, str>,
    kdf: Cow<'a, str>,
    iterations: u64,
    #[serde(with = "base64_text")]
    salt: Cow<'a, [u8]>,
    cipher: Cow<'a, str>,
    #[serde(with = "base64_text")]
    iv: Cow<'a, [u8]>,
    #[serde(with = "base64_text")]
    data: Cow<'a, [u8]>,
}

const ABOUT: &str = "Answers from Ugeblik, locked with the citizen's passphrase. Open the file in Ugeblik (Past weeks, Get answers from a file) and type the passphrase.";

/// Reads an envelope: not a JSON object is [`SealedError::NotSealed`], the wrong shape
/// invalid.
fn read<T: DeserializeOwned>(text: &str) -> Result<T, SealedError> {
    if !text.trim_start().starts_with('{') {
        return Err(SealedError::NotSealed);
    }
    json::from_str(text).map_err(|error| match error {
        json::Error::NotJson(_) => SealedError::NotSealed,
        json::Error::Shape(what) => SealedError::Invalid(what),
    })
}

fn version(found: u64) -> Result<(), SealedError> {
    match found {
        1 => Ok(()),
        n if n > 1 => Err(SealedError::TooNew(n)),
        _ => Err(SealedError::Invalid("version 0".into())),
    }
}

fn named(name: &str, expected: &str) -> Result<(), SealedError> {
    if name == expected {
        Ok(())
    } else {
        Err(SealedError::Unsupported(name.to_owned()))
    }
}

fn params(kdf: &str, iterations: u64, salt: Cow<[u8]>) -> Result<KeyParams, SealedError> {
    named(kdf, KDF)?;
    if !(u64::from(MIN_ITERATIONS)..=u64::from(MAX_ITERATIONS)).contains(&iterations) {
        return Err(SealedError::Unsupported(format!("{iterations} PBKDF2 rounds")));
    }
    length("salt", &salt, SALT_LEN)?;
    Ok(KeyParams { iterations: iterations as u32, salt: salt.into_owned() })
}

fn length(what: &str, bytes: &[u8], expected: usize) -> Result<(), SealedError> {
    if bytes.len() == expected {
        Ok(())
    } else {
        Err(SealedError::Invalid(format!("{what}: {} bytes, expected {expected}", bytes.len())))
    }
}

fn sealed(iv: Cow<[u8]>, data: Cow<[u8]>) -> Result<Sealed, SealedError> {
    length("iv", &iv, IV_LEN)?;
    // The tag alone is 16 bytes.
    if data.len() < 16 {
        return Err(SealedError::Invalid("data: too short".into()));
    }
    Ok(Sealed { iv: iv.into_owned(), data: data.into_owned() })
}

/// Whether a stored text is an encrypted value (rather than one stored before the
/// passphrase was set, or by an app without one).
pub fn is_sealed(text: &str) -> bool {
    text.starts_with("{\"sealed\":")
}

/// A stored value: `{"sealed":1,"iv":…,"data":…}`.
pub fn encode_sealed(sealed: &Sealed) -> String {
    json::to_string_sized(
        &StoredSealed { sealed: 1, iv: Cow::Borrowed(&sealed.iv), data: Cow::Borrowed(&sealed.data) },
        base64_length(sealed.iv.len() + sealed.data.len()) + 64,
    )
}

pub fn decode_sealed(text: &str) -> Result<Sealed, SealedError> {
    if !is_sealed(text) {
        return Err(SealedError::NotSealed);
    }
    let stored: StoredSealed = read(text)?;
    version(stored.sealed)?;
    sealed(stored.iv, stored.data)
}

pub fn encode_lock(record: &LockRecord) -> String {
    json::to_string(&StoredLock {
        version: 1,
        kdf: Cow::Borrowed(KDF),
        iterations: record.params.iterations.into(),
        salt: Cow::Borrowed(&record.params.salt),
        check: Check { iv: Cow::Borrowed(&record.check.iv), data: Cow::Borrowed(&record.check.data) },
    })
}

pub fn decode_lock(text: &str) -> Result<LockRecord, SealedError> {
    let stored: StoredLock = read(text)?;
    version(stored.version)?;
    let params = params(&stored.kdf, stored.iterations, stored.salt)?;
    Ok(LockRecord { params, check: sealed(stored.check.iv, stored.check.data)? })
}

pub fn encode_file(file: &SealedFile) -> String {
    let expected = base64_length(file.sealed.data.len()) + 512;
    json::to_string_sized(
        &LockedFile {
            format: Cow::Borrowed(FILE_FORMAT),
            version: 1,
            about: Cow::Borrowed(ABOUT),
            kdf: Cow::Borrowed(KDF),
            iterations: file.params.iterations.into(),
            salt: Cow::Borrowed(&file.params.salt),
            cipher: Cow::Borrowed(CIPHER),
            iv: Cow::Borrowed(&file.sealed.iv),
            data: Cow::Borrowed(&file.sealed.data),
        },
        expected,
    )
}

/// Whether a file's text is a locked export ([`decode_file`] tells what is wrong with it).
pub fn is_sealed_file(text: &str) -> bool {
    /// Only the format, whatever else the file holds.
    #[derive(Deserialize)]
    struct Peek {
        format: Option<String>,
    }
    text.trim_start().starts_with("{\"format\":\"ugeblik-sealed\"")
        || json::from_str::<Peek>(text).is_ok_and(|peek| peek.format.as_deref() == Some(FILE_FORMAT))
}

pub fn decode_file(text: &str) -> Result<SealedFile, SealedError> {
    if !is_sealed_file(text) {
        return Err(SealedError::NotSealed);
    }
    let file: LockedFile = read(text)?;
    version(file.version)?;
    let params = params(&file.kdf, file.iterations, file.salt)?;
    named(&file.cipher, CIPHER)?;
    Ok(SealedFile { params, sealed: sealed(file.iv, file.data)? })
}
