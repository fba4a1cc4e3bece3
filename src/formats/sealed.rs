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

use std::fmt;

use crate::formats::json::{self, Value};

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

/// Standard base64 with padding (RFC 4648 §4).
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
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

fn bytes(value: Value, what: &str, length: Option<usize>) -> Result<Vec<u8>, String> {
    let text = value.string(what)?;
    if text.len() > MAX_DATA {
        return Err(format!("{what}: too large"));
    }
    let decoded = unbase64(&text).ok_or_else(|| format!("{what}: not base64"))?;
    match length {
        Some(length) if decoded.len() != length => Err(format!("{what}: {} bytes, expected {length}", decoded.len())),
        // The tag alone is 16 bytes.
        None if decoded.len() < 16 => Err(format!("{what}: too short")),
        _ => Ok(decoded),
    }
}

fn iterations(value: Value) -> Result<u32, SealedError> {
    let n = value.whole("iterations", u64::MAX).map_err(SealedError::Invalid)?;
    if !(u64::from(MIN_ITERATIONS)..=u64::from(MAX_ITERATIONS)).contains(&n) {
        return Err(SealedError::Unsupported(format!("{n} PBKDF2 rounds")));
    }
    Ok(n as u32)
}

fn named(value: Value, what: &str, expected: &str) -> Result<(), SealedError> {
    let name = value.string(what).map_err(SealedError::Invalid)?;
    if name == expected {
        Ok(())
    } else {
        Err(SealedError::Unsupported(name))
    }
}

fn version(value: Value) -> Result<(), SealedError> {
    match value.whole("version", u64::MAX).map_err(SealedError::Invalid)? {
        1 => Ok(()),
        n if n > 1 => Err(SealedError::TooNew(n)),
        _ => Err(SealedError::Invalid("version 0".into())),
    }
}

fn write_bytes(out: &mut String, key: &str, bytes: &[u8]) {
    json::key(out, key);
    json::string(out, &base64(bytes));
}

fn write_params(out: &mut String, params: &KeyParams) {
    json::key(out, "kdf");
    json::string(out, KDF);
    json::key(out, "iterations");
    json::number(out, params.iterations.into());
    write_bytes(out, "salt", &params.salt);
}

/// Whether a stored text is an encrypted value (rather than one stored before the
/// passphrase was set, or by an app without one).
pub fn is_sealed(text: &str) -> bool {
    text.starts_with("{\"sealed\":")
}

/// A stored value: `{"sealed":1,"iv":…,"data":…}`.
pub fn encode_sealed(sealed: &Sealed) -> String {
    let mut out = String::from("{\"sealed\":1");
    write_bytes(&mut out, "iv", &sealed.iv);
    write_bytes(&mut out, "data", &sealed.data);
    out.push('}');
    out
}

pub fn decode_sealed(text: &str) -> Result<Sealed, SealedError> {
    let value = json::parse(text).ok_or(SealedError::NotSealed)?;
    sealed_of(value, true)
}

fn sealed_of(value: Value, marked: bool) -> Result<Sealed, SealedError> {
    if !matches!(&value, Value::Obj(fields) if !marked || fields.first().is_some_and(|(k, _)| k == "sealed")) {
        return Err(SealedError::NotSealed);
    }
    let mut sealed = Sealed { iv: Vec::new(), data: Vec::new() };
    let mut error = None;
    let required = if marked { 0b111 } else { 0b110 };
    value
        .fields("encrypted value", &["sealed", "iv", "data"], required, |index, value| {
            match index {
                0 => {
                    if let Err(e) = version(value) {
                        error = Some(e);
                    }
                }
                1 => sealed.iv = bytes(value, "iv", Some(IV_LEN))?,
                _ => sealed.data = bytes(value, "data", None)?,
            }
            Ok(())
        })
        .map_err(SealedError::Invalid)?;
    match error {
        Some(error) => Err(error),
        None => Ok(sealed),
    }
}

/// The lock record: `{"version":1,"kdf":…,"iterations":…,"salt":…,"check":{"iv","data"}}`.
pub fn encode_lock(record: &LockRecord) -> String {
    let mut out = String::from("{\"version\":1");
    write_params(&mut out, &record.params);
    json::key(&mut out, "check");
    out.push('{');
    write_bytes(&mut out, "iv", &record.check.iv);
    write_bytes(&mut out, "data", &record.check.data);
    out.push_str("}}");
    out
}

pub fn decode_lock(text: &str) -> Result<LockRecord, SealedError> {
    let value = json::parse(text).ok_or(SealedError::NotSealed)?;
    let (mut iterations_, mut salt, mut check) = (0, Vec::new(), None);
    let mut error = None;
    let mut keep = |result: Result<(), SealedError>| {
        if let Err(e) = result {
            error.get_or_insert(e);
        }
    };
    value
        .fields("lock", &["version", "kdf", "iterations", "salt", "check"], 0b11111, |index, value| {
            match index {
                0 => keep(version(value)),
                1 => keep(named(value, "kdf", KDF)),
                2 => keep(iterations(value).map(|n| iterations_ = n)),
                3 => salt = bytes(value, "salt", Some(SALT_LEN))?,
                _ => keep(sealed_of(value, false).map(|s| check = Some(s))),
            }
            Ok(())
        })
        .map_err(SealedError::Invalid)?;
    if let Some(error) = error {
        return Err(error);
    }
    let check = check.ok_or_else(|| SealedError::Invalid("check".into()))?;
    Ok(LockRecord { params: KeyParams { iterations: iterations_, salt }, check })
}

/// A locked export file. Its `about` says in plain English what it is, for a provider who
/// opens it in a text editor.
pub fn encode_file(file: &SealedFile) -> String {
    let mut out = String::from("{");
    json::key(&mut out, "format");
    json::string(&mut out, FILE_FORMAT);
    json::key(&mut out, "version");
    json::number(&mut out, 1);
    json::key(&mut out, "about");
    json::string(
        &mut out,
        "Answers from Ugeblik, locked with the citizen's passphrase. Open the file in Ugeblik (Past weeks, Get answers from a file) and type the passphrase.",
    );
    write_params(&mut out, &file.params);
    json::key(&mut out, "cipher");
    json::string(&mut out, CIPHER);
    write_bytes(&mut out, "iv", &file.sealed.iv);
    write_bytes(&mut out, "data", &file.sealed.data);
    out.push('}');
    out
}

/// Whether a file's text is a locked export ([`decode_file`] tells what is wrong with it).
pub fn is_sealed_file(text: &str) -> bool {
    text.trim_start().starts_with("{\"format\":\"ugeblik-sealed\"")
        || matches!(json::parse(text), Some(Value::Obj(fields))
            if fields.iter().any(|(k, v)| k == "format" && *v == Value::Str(FILE_FORMAT.into())))
}

pub fn decode_file(text: &str) -> Result<SealedFile, SealedError> {
    if !is_sealed_file(text) {
        return Err(SealedError::NotSealed);
    }
    let value = json::parse(text).ok_or(SealedError::NotSealed)?;
    let keys = ["format", "version", "about", "kdf", "iterations", "salt", "cipher", "iv", "data"];
    let mut file = SealedFile {
        params: KeyParams { iterations: 0, salt: Vec::new() },
        sealed: Sealed { iv: Vec::new(), data: Vec::new() },
    };
    let mut error = None;
    let mut keep = |result: Result<(), SealedError>| {
        if let Err(e) = result {
            error.get_or_insert(e);
        }
    };
    value
        .fields("locked file", &keys, 0b1_1111_1011, |index, value| {
            match index {
                0 => drop(value.string("format")?),
                1 => keep(version(value)),
                2 => drop(value.string("about")?),
                3 => keep(named(value, "kdf", KDF)),
                4 => keep(iterations(value).map(|n| file.params.iterations = n)),
                5 => file.params.salt = bytes(value, "salt", Some(SALT_LEN))?,
                6 => keep(named(value, "cipher", CIPHER)),
                7 => file.sealed.iv = bytes(value, "iv", Some(IV_LEN))?,
                _ => file.sealed.data = bytes(value, "data", None)?,
            }
            Ok(())
        })
        .map_err(SealedError::Invalid)?;
    match error {
        Some(error) => Err(error),
        None => Ok(file),
    }
}
