//! The envelopes of encrypted data: written and read back exactly, and every damaged or
//! hostile envelope refused with a reason, never a panic.

use ugeblik::formats::sealed::*;

#[track_caller]
fn check_base64(bytes: &[u8], text: &str) {
    assert_eq!(base64(bytes), text);
    assert_eq!(unbase64(text).as_deref(), Some(bytes));
}

#[test]
fn base64_matches_rfc_4648_vectors() {
    check_base64(b"", "");
    check_base64(b"f", "Zg==");
    check_base64(b"fo", "Zm8=");
    check_base64(b"foo", "Zm9v");
    check_base64(b"foob", "Zm9vYg==");
    check_base64(b"fooba", "Zm9vYmE=");
    check_base64(b"foobar", "Zm9vYmFy");
    check_base64(&[0xff, 0xfe, 0xfd, 0x00], "//79AA==");
}

#[test]
fn base64_refuses_what_is_not_exactly_base64() {
    for bad in ["Zg", "Zg=", "Z===", "Zg==Zg==", "Zm9v\n", "Zm-v", "Zh==", "Zm9=", "ÆØÅ="] {
        assert_eq!(unbase64(bad), None, "{bad:?}");
    }
}

#[test]
fn base64_round_trips_every_length() {
    let data: Vec<u8> = (0..=255u8).collect();
    for length in 0..data.len() {
        assert_eq!(unbase64(&base64(&data[..length])).as_deref(), Some(&data[..length]));
    }
}

fn sealed() -> Sealed {
    Sealed { iv: vec![7; IV_LEN], data: (0..40).collect() }
}

fn params() -> KeyParams {
    KeyParams { iterations: ITERATIONS, salt: vec![3; SALT_LEN] }
}

#[test]
fn a_stored_value_reads_back() {
    let text = encode_sealed(&sealed());
    assert!(is_sealed(&text));
    assert_eq!(decode_sealed(&text), Ok(sealed()));
    // A plain stored value is not an envelope.
    assert!(!is_sealed("{\"version\":2,\"responses\":[]}"));
    assert_eq!(decode_sealed("{\"version\":2,\"responses\":[]}"), Err(SealedError::NotSealed));
}

#[track_caller]
fn check_damaged(text: &str) {
    match decode_sealed(text) {
        Err(SealedError::Invalid(_)) | Err(SealedError::NotSealed) => {}
        other => panic!("{text}: {other:?}"),
    }
}

#[test]
fn a_damaged_stored_value_is_refused() {
    check_damaged("");
    check_damaged("{\"sealed\":1}");
    check_damaged("{\"sealed\":1,\"iv\":\"AAAA\",\"data\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}");
    check_damaged("{\"sealed\":1,\"iv\":\"BwcHBwcHBwcHBwcH\",\"data\":\"AA==\"}");
    check_damaged("{\"sealed\":1,\"iv\":\"BwcHBwcHBwcHBwcH\",\"data\":\"not base64!\"}");
    check_damaged("{\"sealed\":1,\"iv\":\"BwcHBwcHBwcHBwcH\",\"data\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"x\":1}");
    assert_eq!(
        decode_sealed("{\"sealed\":2,\"iv\":\"BwcHBwcHBwcHBwcH\",\"data\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}"),
        Err(SealedError::TooNew(2))
    );
}

#[test]
fn the_lock_record_reads_back_and_refuses_weak_or_odd_derivations() {
    let record = LockRecord { params: params(), check: sealed() };
    let text = encode_lock(&record);
    assert_eq!(decode_lock(&text), Ok(record));
    let weak = text.replace("600000", "1000");
    assert!(matches!(decode_lock(&weak), Err(SealedError::Unsupported(_))), "{weak}");
    let endless = text.replace("600000", "99999999999");
    assert!(matches!(decode_lock(&endless), Err(SealedError::Unsupported(_))));
    let other = text.replace("PBKDF2-SHA256", "PBKDF2-SHA1");
    assert_eq!(decode_lock(&other), Err(SealedError::Unsupported("PBKDF2-SHA1".into())));
    let newer = text.replace("{\"version\":1", "{\"version\":9");
    assert_eq!(decode_lock(&newer), Err(SealedError::TooNew(9)));
    assert!(matches!(decode_lock(&text.replace("\"salt\"", "\"pepper\"")), Err(SealedError::Invalid(_))));
    assert_eq!(decode_lock("not json"), Err(SealedError::NotSealed));
}

#[test]
fn a_locked_file_reads_back_and_says_what_it_is() {
    let file = SealedFile { params: params(), sealed: sealed() };
    let text = encode_file(&file);
    assert!(is_sealed_file(&text));
    assert!(text.contains("Open the file in Ugeblik"));
    assert_eq!(decode_file(&text), Ok(file));
    // Pretty-printed by someone, the file is still one.
    let spaced = text.replace(",\"", ",\n  \"").replacen('{', "{\n  ", 1);
    assert!(is_sealed_file(&spaced));
    assert!(decode_file(&spaced).is_ok());
    // An ordinary export is not a locked file.
    let plain = "{\"format\":\"ugeblik-export\",\"formatVersion\":2}";
    assert!(!is_sealed_file(plain));
    assert_eq!(decode_file(plain), Err(SealedError::NotSealed));
    let other_cipher = text.replace("AES-GCM-256", "AES-CBC-256");
    assert_eq!(decode_file(&other_cipher), Err(SealedError::Unsupported("AES-CBC-256".into())));
    assert!(matches!(decode_file(&text.replace("\"iv\"", "\"nonce\"")), Err(SealedError::Invalid(_))));
}

#[test]
fn a_new_passphrase_must_be_long_enough_and_typed_twice_alike() {
    assert_eq!(check_new_passphrase("kort", "kort"), Err(PassphraseError::TooShort));
    assert_eq!(check_new_passphrase("seven77", "seven77"), Err(PassphraseError::TooShort));
    assert_eq!(check_new_passphrase("otte tegn", "otte tegn"), Ok(()));
    assert_eq!(check_new_passphrase("otte tegn", "otte tegm"), Err(PassphraseError::Different));
    // Eight characters in Arabic script are eight characters, not sixteen bytes.
    assert_eq!(check_new_passphrase("كلمةسرية", "كلمةسرية"), Ok(()));
    assert_eq!(check_new_passphrase("كلمةسر", "كلمةسر"), Err(PassphraseError::TooShort));
    let long = "x".repeat(MAX_PASSPHRASE + 1);
    assert_eq!(check_new_passphrase(&long, &long), Err(PassphraseError::TooLong));
}

#[test]
fn no_envelope_ever_panics() {
    let good = encode_file(&SealedFile { params: params(), sealed: sealed() });
    // Every prefix and every single-byte change of a good file.
    for end in 0..good.len() {
        let _ = decode_file(&good[..end]);
        let _ = decode_lock(&good[..end]);
        let _ = decode_sealed(&good[..end]);
    }
    let bytes = good.as_bytes();
    for at in 0..bytes.len() {
        for b in [b'"', b'{', b'}', b'0', b'=', b'A', b' '] {
            let mut changed = bytes.to_vec();
            changed[at] = b;
            if let Ok(text) = std::str::from_utf8(&changed) {
                let _ = decode_file(text);
            }
        }
    }
}

/// Written by real WebCrypto in Chromium (tests/e2e/lock.test.mjs opens it with its
/// passphrase): every version's envelopes must keep reading.
const SEALED_V1: &str = include_str!("fixtures/sealed-v1-storage.json");

#[test]
fn the_fixture_of_locked_storage_reads() {
    let all: std::collections::BTreeMap<String, String> = serde_json::from_str(SEALED_V1).unwrap();
    let lock = decode_lock(&all["ugeblik.v1.lock"]).unwrap();
    assert_eq!(lock.params.iterations, ITERATIONS);
    assert_eq!(lock.params.salt.len(), SALT_LEN);
    assert_eq!(encode_lock(&lock), all["ugeblik.v1.lock"], "written back byte for byte");
    let history = decode_sealed(&all["ugeblik.v1.history"]).unwrap();
    assert_eq!(history.iv.len(), IV_LEN);
    assert_eq!(encode_sealed(&history), all["ugeblik.v1.history"]);
}
