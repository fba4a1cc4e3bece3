//! The page's JSON: a codec for serde derives, and a small hand-written reader.
//!
//! **The codec** ([`to_string`], [`from_str`]): the portal protocol, every stored value (the
//! history, the check-in in progress, the settings, the shared-phone settings) and the
//! envelopes of encrypted data are defined once, by their
//! serde derives, and read and written here with serde-json-core, a codec made for code
//! size. What this module adds to it: a text of any length (it writes into a slice given to
//! it: one of the size expected, or a larger one when that is full), escapes of control
//! characters in lower case as serde_json writes them (`\u001f`; it writes `\u001F`), a buffer for strings with
//! escapes, and nesting bounded before anything is read (it skips the fields a type does not
//! read by recursion, without a bound). Map keys are read as `str`
//! (`crate::domain::keyed`: it reads no `String` key). `tests/stored_json.rs` and
//! `tests/protocol.rs` prove it writes what serde_json writes, byte for byte, and reads
//! back what it wrote.
//!
//! **The reader** ([`parse`], [`Value`]) is for the language packs and `portals.json`, and
//! checks that a stored value is JSON as serde_json reads it before the codec reads it
//! (`crate::formats::stored::versioned`). It is strict RFC 8259 (no trailing commas, no
//! comments, no lone surrogates, no raw control characters in strings), bounded in nesting
//! depth, and never panics on any input.

use std::fmt;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Writes `value` as JSON text, byte for byte what `serde_json::to_string` writes.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    to_string_sized(value, 4096)
}

/// [`to_string`] starting from a buffer of `expected` bytes: for a value whose size is known
/// beforehand, so that it is written once. Every attempt writes the value from its start,
/// and a field written from bytes made into text (base64) makes that text again at each
/// attempt: a sealed citizen of 58 KB took 8 attempts from 1 KB doubling, most of the time
/// of adding files to the caseload.
pub fn to_string_sized<T: Serialize + ?Sized>(value: &T, expected: usize) -> String {
    written(expected, &|buffer| serde_json_core::to_slice(value, buffer).ok())
}

// What does not depend on the type is a function of its own, not part of each type's copy
// of the generic ones (wasm size).

/// The text `write` writes into a buffer, from one of `expected` bytes: when it is full
/// (serde-json-core's only error), four times as large (every attempt writes from the
/// start: a citizen's history of 30 KB, from 1 KB doubling, took 2.5 times as long as
/// written once; from 4 KB quadrupling, 1.7 times).
#[inline(never)]
fn written(expected: usize, write: &dyn Fn(&mut [u8]) -> Option<usize>) -> String {
    let mut buffer = vec![0; expected];
    loop {
        match write(&mut buffer) {
            Some(length) => {
                buffer.truncate(length);
                return lower_escapes(buffer);
            }
            None => buffer.resize(buffer.len() * 4 + 64, 0),
        }
    }
}

/// serde-json-core writes `\u001F`, serde_json `\u001f`: only control characters are
/// written as `\u` escapes, and every other backslash comes in a pair.
#[inline(never)]
fn lower_escapes(mut buffer: Vec<u8>) -> String {
    let mut at = 0;
    while at < buffer.len() {
        if buffer[at] == b'\\' {
            if buffer.get(at + 1) == Some(&b'u') {
                buffer.get_mut(at + 2..at + 6).map(<[u8]>::make_ascii_lowercase);
            }
            at += 1;
        }
        at += 1;
    }
    String::from_utf8(buffer).unwrap_or_default()
}

/// Why a text was not read as a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// Not JSON, as far as it was read: cut short, or not of JSON's grammar.
    NotJson(String),
    /// JSON, but not of the value's shape; says what.
    Shape(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotJson(why) | Error::Shape(why) => f.write_str(why),
        }
    }
}

/// Reads `text` as a `T`: the whole text, one JSON value, nested at most [`MAX_DEPTH`] deep.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    readable(text)?;
    // Unescaped, a string is never longer than written.
    let mut unescaped = vec![0; text.len()];
    serde_json_core::from_str_escaped(text, &mut unescaped).map(|(value, _)| value).map_err(refused)
}

/// Whether serde-json-core may read `text`.
#[inline(never)]
fn readable(text: &str) -> Result<(), Error> {
    let start = text.trim_start_matches([' ', '\t', '\n', '\r']);
    if !start.starts_with(|c| matches!(c, '{' | '[' | '"' | '-' | '0'..='9' | 't' | 'f' | 'n')) {
        // serde-json-core would call it a value of another type.
        return Err(Error::NotJson("not a JSON value".into()));
    }
    if !shallow(text) {
        return Err(Error::NotJson(format!("nested deeper than {MAX_DEPTH}")));
    }
    Ok(())
}

#[inline(never)]
fn refused(error: serde_json_core::de::Error) -> Error {
    use serde_json_core::de::Error as E;
    match error {
        E::InvalidType | E::CustomError | E::AnyIsUnsupported => Error::Shape(error.to_string()),
        _ => Error::NotJson(error.to_string()),
    }
}

/// Whether `text`'s arrays and objects nest at most [`MAX_DEPTH`] deep (counted without
/// recursion, strings skipped).
fn shallow(text: &str) -> bool {
    let (mut depth, mut string, mut escaped) = (0usize, false, false);
    for byte in text.bytes() {
        match (string, escaped, byte) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (_, false, b'"') => string = !string,
            (false, _, b'[' | b'{') => depth += 1,
            (false, _, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > MAX_DEPTH {
            return false;
        }
    }
    true
}

/// A parsed JSON value. Numbers are kept only as what this app stores: whole numbers from
/// 0 to `u64::MAX`; any other number is `Num(None)`, valid JSON but never a valid field.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Num(Option<u64>),
    Str(String),
    Arr(Vec<Value>),
    Obj(Vec<(String, Value)>),
}

/// Deeper than this is refused as not JSON (a hostile value could otherwise exhaust the
/// stack). The app's own values nest four deep.
const MAX_DEPTH: usize = 128;

/// Reads `text` as one JSON value; `None` when it is not JSON.
pub fn parse(text: &str) -> Option<Value> {
    let mut parser = Parser { text, at: 0 };
    let value = parser.value(0)?;
    parser.space();
    (parser.at == text.len()).then_some(value)
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// Skips space, then `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    fn word(&mut self, word: &str, value: Value) -> Option<Value> {
        self.text[self.at..].starts_with(word).then(|| {
            self.at += word.len();
            value
        })
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.space();
        match self.peek()? {
            b'n' => self.word("null", Value::Null),
            b't' => self.word("true", Value::Bool(true)),
            b'f' => self.word("false", Value::Bool(false)),
            b'"' => self.string().map(Value::Str),
            b'-' | b'0'..=b'9' => self.number(),
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(Value::Arr(items))
            }
            b'{' => {
                self.at += 1;
                let mut fields = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.space();
                        if self.peek() != Some(b'"') {
                            return None;
                        }
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return None;
                        }
                        fields.push((key, self.value(depth + 1)?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(Value::Obj(fields))
            }
            _ => None,
        }
    }

    /// Counts and skips ASCII digits.
    fn digits(&mut self) -> usize {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Option<Value> {
        let negative = self.peek() == Some(b'-');
        self.at += usize::from(negative);
        let start = self.at;
        let count = self.digits();
        if count == 0 || (count > 1 && self.text.as_bytes()[start] == b'0') {
            return None;
        }
        let integer = &self.text.as_bytes()[start..self.at];
        let mut whole = !negative;
        if self.peek() == Some(b'.') {
            self.at += 1;
            whole = false;
            if self.digits() == 0 {
                return None;
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            whole = false;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if self.digits() == 0 {
                return None;
            }
        }
        let value = if whole {
            integer.iter().try_fold(0u64, |n, d| n.checked_mul(10)?.checked_add(u64::from(d - b'0')))
        } else {
            None
        };
        Some(Value::Num(value))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.at..self.at + 4)?;
        self.at += 4;
        digits.chars().try_fold(0, |n, c| Some(n * 16 + c.to_digit(16)?))
    }

    /// A string, the opening quote next.
    fn string(&mut self) -> Option<String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(byte) = self.peek() {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // Stops only at ASCII bytes, so both ends are character boundaries.
            out.push_str(&self.text[start..self.at]);
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.at += 1;
                    let escaped = self.peek()?;
                    self.at += 1;
                    out.push(match escaped {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let high = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&high) {
                                if !self.text[self.at..].starts_with("\\u") {
                                    return None;
                                }
                                self.at += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return None;
                                }
                                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                high
                            };
                            char::from_u32(code)?
                        }
                        _ => return None,
                    });
                }
                // A raw control character.
                _ => return None,
            }
        }
    }
}

/// Why a value is not of the expected shape; the text names the field.
pub type Shape<T> = Result<T, String>;

impl Value {
    fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Num(_) => "a number",
            Value::Str(_) => "a string",
            Value::Arr(_) => "an array",
            Value::Obj(_) => "an object",
        }
    }

    fn expected<T>(&self, what: &str, expected: &str) -> Shape<T> {
        Err(format!("{what}: expected {expected}, found {}", self.kind()))
    }

    /// The fields of an object used as a map (keys free, a repeated key's last value wins).
    pub fn map(self, what: &str) -> Shape<Vec<(String, Value)>> {
        match self {
            Value::Obj(fields) => Ok(fields),
            other => other.expected(what, "an object"),
        }
    }

    pub fn array(self, what: &str) -> Shape<Vec<Value>> {
        match self {
            Value::Arr(items) => Ok(items),
            other => other.expected(what, "an array"),
        }
    }

    pub fn string(self, what: &str) -> Shape<String> {
        match self {
            Value::Str(text) => Ok(text),
            other => other.expected(what, "a string"),
        }
    }

    pub fn boolean(self, what: &str) -> Shape<bool> {
        match self {
            Value::Bool(value) => Ok(value),
            other => other.expected(what, "a boolean"),
        }
    }

    /// A whole number no greater than `max`.
    pub fn whole(self, what: &str, max: u64) -> Shape<u64> {
        match self {
            Value::Num(Some(n)) if n <= max => Ok(n),
            Value::Num(_) => Err(format!("{what}: expected a whole number from 0 to {max}")),
            other => other.expected(what, "a number"),
        }
    }

    /// Reads the fields of the object `what`, whose keys are `keys` (at most 32): `read`
    /// gets each field's place in `keys` and its value. Like serde's
    /// `deny_unknown_fields`, a key not in `keys` is an error, and so is a key given twice
    /// or a missing key whose bit is set in `required`.
    pub fn fields(
        self,
        what: &str,
        keys: &[&str],
        required: u32,
        mut read: impl FnMut(usize, Value) -> Shape<()>,
    ) -> Shape<()> {
        // One loop for every reader: generic, it was a copy per reader (wasm size).
        self.fields_with(what, keys, required, &mut read)
    }

    fn fields_with(
        self,
        what: &str,
        keys: &[&str],
        required: u32,
        read: &mut dyn FnMut(usize, Value) -> Shape<()>,
    ) -> Shape<()> {
        let Value::Obj(fields) = self else { return self.expected(what, "an object") };
        let mut seen = 0u32;
        for (key, value) in fields {
            let Some(index) = keys.iter().position(|k| *k == key) else {
                return Err(format!("{what}: unknown field `{key}`"));
            };
            if seen & (1 << index) != 0 {
                return Err(format!("{what}: duplicate field `{key}`"));
            }
            seen |= 1 << index;
            read(index, value)?;
        }
        match (0..keys.len()).find(|&index| required & (1 << index) != 0 && seen & (1 << index) == 0) {
            Some(index) => Err(format!("{what}: missing field `{}`", keys[index])),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value() {
        let value = parse(r#" {"a":[1,true,false,null,"x\u00e6\ud83d\ude00\n"],"b":{},"c":-1.5e3} "#).unwrap();
        let Value::Obj(fields) = value else { panic!("not an object") };
        assert_eq!(
            fields[0].1,
            Value::Arr(vec![
                Value::Num(Some(1)),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null,
                Value::Str("xæ😀\n".into())
            ])
        );
        assert_eq!(fields[1].1, Value::Obj(vec![]));
        assert_eq!(fields[2].1, Value::Num(None));
        assert_eq!(parse("18446744073709551615"), Some(Value::Num(Some(u64::MAX))));
        assert_eq!(parse("18446744073709551616"), Some(Value::Num(None)));
    }

    #[test]
    fn refuses_what_is_not_json() {
        for text in [
            "",
            " ",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            "1e",
            "-",
            "+1",
            "'a'",
            "\"a",
            "\"\\x\"",
            "\"\t\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "nul",
            "[1] 2",
            "{a:1}",
            "\"\\u12\"",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
        assert_eq!(parse(&"[".repeat(MAX_DEPTH + 5)), None);
        assert!(parse(&format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH))).is_some());
    }

    #[test]
    fn the_codec_writes_strings_as_serde_json_does_and_reads_them_back() {
        let text: String = (0u32..0x300).filter_map(char::from_u32).chain("\"\\/😀\u{7f}\u{2028}".chars()).collect();
        let written = to_string(&text);
        assert_eq!(written, serde_json::to_string(&text).unwrap());
        assert_eq!(from_str::<String>(&written), Ok(text));
        assert_eq!(to_string(&("\u{1f}\\u001F", 7u8)), r#"["\u001f\\u001F",7]"#);
    }

    #[test]
    fn the_codec_refuses_what_nests_too_deep_before_reading_it() {
        let deep = format!("[{}{}]", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(matches!(from_str::<Vec<Vec<u8>>>(&deep), Err(Error::NotJson(_))));
        let text = format!("\"{}\"", "[".repeat(1000));
        assert_eq!(from_str::<String>(&text), Ok("[".repeat(1000)));
    }

    #[test]
    fn fields_are_read_once_and_checked() {
        let read = |text: &str| {
            let mut got = Vec::new();
            parse(text).unwrap().fields("x", &["a", "b", "c"], 0b011, |i, v| {
                got.push((i, v));
                Ok(())
            })?;
            Ok::<_, String>(got)
        };
        assert_eq!(read(r#"{"b":null,"a":1}"#).unwrap(), [(1, Value::Null), (0, Value::Num(Some(1)))]);
        assert_eq!(read(r#"{"a":1,"a":2,"b":1}"#).unwrap_err(), "x: duplicate field `a`");
        assert_eq!(read(r#"{"a":1,"c":3}"#).unwrap_err(), "x: missing field `b`");
        assert_eq!(read(r#"{"a":1,"b":2,"d":3}"#).unwrap_err(), "x: unknown field `d`");
        assert_eq!(read("[]").unwrap_err(), "x: expected an object, found an array");
    }
}
