//! Maps with text keys, for `#[serde(deserialize_with = "…")]`: each key is read as a `str`
//! and then owned. serde's own `BTreeMap<String, _>` asks a reader for an owned `String`
//! key, which the page's JSON codec (serde-json-core) does not give (it stops at
//! `unreachable!()`: rust-embedded-community/serde-json-core#48); every other reader gives
//! a `str` the same way. For a key given twice, the last value counts, as in serde's maps.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

/// A map key, read as `str`.
pub struct Key(pub String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        struct Text;
        impl Visitor<'_> for Text {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E>(self, text: &str) -> Result<Key, E> {
                Ok(Key(text.to_owned()))
            }
        }
        deserializer.deserialize_str(Text)
    }
}

/// A map of text keys, in key order.
pub struct Keyed<V>(pub BTreeMap<String, V>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Keyed<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Keyed<V>, D::Error> {
        struct Entries<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Entries<V> {
            type Value = Keyed<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keyed<V>, A::Error> {
                let mut entries = BTreeMap::new();
                while let Some((Key(key), value)) = map.next_entry()? {
                    entries.insert(key, value);
                }
                Ok(Keyed(entries))
            }
        }
        deserializer.deserialize_map(Entries(PhantomData))
    }
}

/// A map of text keys.
pub fn keyed<'de, D: Deserializer<'de>, V: Deserialize<'de>>(deserializer: D) -> Result<BTreeMap<String, V>, D::Error> {
    Keyed::deserialize(deserializer).map(|keyed| keyed.0)
}

/// A map of text keys whose values are maps of text keys.
pub fn keyed_twice<'de, D: Deserializer<'de>, V: Deserialize<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, BTreeMap<String, V>>, D::Error> {
    let outer: Keyed<Keyed<V>> = Keyed::deserialize(deserializer)?;
    Ok(outer.0.into_iter().map(|(key, inner)| (key, inner.0)).collect())
}
