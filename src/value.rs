//! The parsed document: a read-only JSON tree laid out for a large document
//! that is read many times and never changed.
//!
//! `serde_json::Value` with ordered maps spends about 100 bytes on every
//! object entry (a hash, a 72-byte value and a hash-table slot) and grows its
//! vectors by doubling, so a document takes more than ten times its size in
//! memory. Here an entry is a shared key and a 32-byte value in a slice of
//! the exact size, in document order; objects of more than [`INDEXED_FROM`]
//! entries also keep a hash table of their entries' positions, and smaller
//! ones are scanned.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::hash::BuildHasher;
use std::sync::{Arc, LazyLock};

use hashbrown::HashTable;
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
pub use serde_json::Number;

/// An object key. Documents repeat a few hundred keys (`type`,
/// `properties`, field names) hundreds of thousands of times, so each
/// distinct key is allocated once per document and shared.
pub type Key = Arc<str>;

/// Objects with more entries than this are looked up through a hash table.
const INDEXED_FROM: usize = 8;

/// Seeded per process, so that no document can be written to collide.
static HASHER: LazyLock<foldhash::fast::RandomState> = LazyLock::new(Default::default);

fn hash_key(key: &str) -> u64 {
    HASHER.hash_one(key)
}

#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(Box<str>),
    Array(Box<[Value]>),
    Object(Object),
}

/// A JSON object: its entries in document order, keys unique (a repeated key
/// keeps its first place and its last value, as serde_json does).
#[derive(Debug, Clone, Default)]
pub struct Object {
    entries: Box<[(Key, Value)]>,
    /// Positions of the entries by key; only for large objects.
    index: Option<Box<HashTable<u32>>>,
}

impl Value {
    /// The value of `key` when this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    /// The value at a JSON pointer (`/a/0/b`, with `~0` for `~` and `~1`
    /// for `/`), if there is one.
    pub fn pointer(&self, pointer: &str) -> Option<&Value> {
        if pointer.is_empty() {
            return Some(self);
        }
        let mut current = self;
        for segment in pointer.strip_prefix('/')?.split('/') {
            let unescaped;
            let segment = if segment.as_bytes().contains(&b'~') {
                unescaped = segment.replace("~1", "/").replace("~0", "~");
                unescaped.as_str()
            } else {
                segment
            };
            current = match current {
                Value::Object(object) => object.get(segment)?,
                Value::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(current)
    }

    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Value::Object(object) => Some(object),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(number) => number.as_u64(),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(number) => number.as_i64(),
            _ => None,
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }
}

impl Object {
    pub fn from_entries(mut entries: Vec<(Key, Value)>) -> Object {
        let index = if entries.len() <= INDEXED_FROM {
            let repeated = (1..entries.len())
                .any(|at| entries[..at].iter().any(|(key, _)| *key == entries[at].0));
            if repeated {
                remove_repeated_keys(&mut entries);
            }
            None
        } else {
            let index = match index_of(&entries) {
                Some(index) => index,
                None => {
                    remove_repeated_keys(&mut entries);
                    index_of(&entries).expect("keys are unique now")
                }
            };
            Some(Box::new(index))
        };
        Object {
            entries: entries.into_boxed_slice(),
            index,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        let position = match &self.index {
            None => self.entries.iter().position(|(name, _)| &**name == key)?,
            Some(index) => {
                *index.find(hash_key(key), |&at| &*self.entries[at as usize].0 == key)? as usize
            }
        };
        Some(&self.entries[position].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Every value, to change in place; keys and order stay as they are.
    pub fn values_mut(&mut self) -> impl Iterator<Item = (&str, &mut Value)> {
        self.entries.iter_mut().map(|(key, value)| (&**key, value))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries in document order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &Value)> + DoubleEndedIterator {
        self.into_iter()
    }

    pub fn keys(&self) -> impl ExactSizeIterator<Item = &str> + DoubleEndedIterator {
        self.entries.iter().map(|(key, _)| &**key)
    }

    pub fn values(&self) -> impl ExactSizeIterator<Item = &Value> + DoubleEndedIterator {
        self.entries.iter().map(|(_, value)| value)
    }

    /// Entries sorted by key (code point order).
    pub fn sorted_entries(&self) -> Vec<(&str, &Value)> {
        let mut entries: Vec<_> = self.iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
        entries
    }
}

impl<'a> IntoIterator for &'a Object {
    type Item = (&'a str, &'a Value);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Key, Value)>,
        fn(&'a (Key, Value)) -> (&'a str, &'a Value),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(key, value)| (&**key, value))
    }
}

/// The positions of the entries by key, or `None` when a key repeats.
fn index_of(entries: &[(Key, Value)]) -> Option<HashTable<u32>> {
    let mut index = HashTable::with_capacity(entries.len());
    for (position, (key, _)) in entries.iter().enumerate() {
        let hash = hash_key(key);
        if index
            .find(hash, |&at: &u32| entries[at as usize].0 == *key)
            .is_some()
        {
            return None;
        }
        index.insert_unique(hash, position as u32, |&at| {
            hash_key(&entries[at as usize].0)
        });
    }
    Some(index)
}

/// Gives each repeated key's last value to its first entry and drops the
/// later ones.
fn remove_repeated_keys(entries: &mut Vec<(Key, Value)>) {
    let mut first_of: std::collections::HashMap<Key, usize> = std::collections::HashMap::new();
    let mut keep = Vec::with_capacity(entries.len());
    for position in 0..entries.len() {
        let key = Key::clone(&entries[position].0);
        match first_of.get(&key) {
            Some(&first) => {
                entries[first].1 = std::mem::take(&mut entries[position].1);
                keep.push(false);
            }
            None => {
                first_of.insert(key, position);
                keep.push(true);
            }
        }
    }
    let mut keep = keep.into_iter();
    entries.retain(|_| keep.next().unwrap_or(true));
}

/// Objects are equal when they have the same keys with equal values, in any order.
impl PartialEq for Object {
    fn eq(&self, other: &Object) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .all(|(key, value)| other.get(key) == Some(value))
    }
}

impl std::ops::Index<&str> for Value {
    type Output = Value;

    /// The value of `key`, or `null` when there is none.
    fn index(&self, key: &str) -> &Value {
        static NULL: Value = Value::Null;
        self.get(key).unwrap_or(&NULL)
    }
}

/// Compact JSON.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = serde_json::to_string(self).map_err(|_| fmt::Error)?;
        f.write_str(&text)
    }
}

impl From<serde_json::Value> for Value {
    fn from(value: serde_json::Value) -> Value {
        match value {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(flag) => Value::Bool(flag),
            serde_json::Value::Number(number) => Value::Number(number),
            serde_json::Value::String(text) => Value::String(text.into_boxed_str()),
            serde_json::Value::Array(items) => {
                Value::Array(items.into_iter().map(Value::from).collect())
            }
            serde_json::Value::Object(map) => Value::Object(Object::from_entries(
                map.into_iter()
                    .map(|(key, value)| (Key::from(key), Value::from(value)))
                    .collect(),
            )),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(flag) => serializer.serialize_bool(*flag),
            Value::Number(number) => number.serialize(serializer),
            Value::String(text) => serializer.serialize_str(text),
            Value::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(object) => {
                let mut map = serializer.serialize_map(Some(object.len()))?;
                for (key, value) in object.iter() {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        let parse = RefCell::new(Parse::default());
        ValueSeed { parse: &parse }.deserialize(deserializer)
    }
}

/// What deserializing one document shares between its values.
#[derive(Default)]
struct Parse {
    keys: HashSet<Key, foldhash::fast::RandomState>,
    /// The entries and items of the objects and arrays being read, innermost
    /// last. An object or array takes its own off the top when it ends, in
    /// one allocation of the exact size (the parser cannot tell sizes ahead).
    entries: Vec<(Key, Value)>,
    items: Vec<Value>,
}

/// Deserializes one value of a document.
#[derive(Clone, Copy)]
struct ValueSeed<'p> {
    parse: &'p RefCell<Parse>,
}

impl ValueSeed<'_> {
    fn key(&self, text: &str) -> Key {
        let keys = &mut self.parse.borrow_mut().keys;
        if let Some(key) = keys.get(text) {
            return Key::clone(key);
        }
        let key = Key::from(text);
        keys.insert(Key::clone(&key));
        key
    }
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_bool<E>(self, flag: bool) -> Result<Value, E> {
        Ok(Value::Bool(flag))
    }

    fn visit_i64<E>(self, number: i64) -> Result<Value, E> {
        Ok(Value::Number(number.into()))
    }

    fn visit_u64<E>(self, number: u64) -> Result<Value, E> {
        Ok(Value::Number(number.into()))
    }

    fn visit_f64<E>(self, number: f64) -> Result<Value, E> {
        Ok(Number::from_f64(number).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Value, E> {
        Ok(Value::String(text.into()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Value, E> {
        Ok(Value::String(text.into_boxed_str()))
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let start = self.parse.borrow().items.len();
        let mut read = || {
            while let Some(item) = seq.next_element_seed(self)? {
                self.parse.borrow_mut().items.push(item);
            }
            Ok(())
        };
        let read = read();
        // This array's items are the top of the stack, also after an error.
        let items = self.parse.borrow_mut().items.drain(start..).collect();
        read.map(|()| Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let start = self.parse.borrow().entries.len();
        let mut read = || {
            while let Some(key) = map.next_key_seed(KeySeed(self))? {
                let value = map.next_value_seed(self)?;
                self.parse.borrow_mut().entries.push((key, value));
            }
            Ok(())
        };
        let read = read();
        let entries = self.parse.borrow_mut().entries.drain(start..).collect();
        read.map(|()| Value::Object(Object::from_entries(entries)))
    }
}

/// Deserializes an object key into its shared copy, without an
/// intermediate `String`.
struct KeySeed<'k>(ValueSeed<'k>);

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed<'_> {
    type Value = Key;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a string key")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Key, E> {
        Ok(self.0.key(text))
    }
}

/// A value as compact JSON with the keys of every object sorted, so that
/// the order of a document's maps does not show.
pub fn canonical_json(value: &Value) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail, and serde_json writes UTF-8.
    let _ = write_canonical(value, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes `value` as [`canonical_json`] does.
pub fn write_canonical(value: &Value, out: &mut impl std::io::Write) -> std::io::Result<()> {
    match value {
        Value::Object(object) => {
            out.write_all(b"{")?;
            for (index, (key, value)) in object.sorted_entries().into_iter().enumerate() {
                if index > 0 {
                    out.write_all(b",")?;
                }
                serde_json::to_writer(&mut *out, key)?;
                out.write_all(b":")?;
                write_canonical(value, out)?;
            }
            out.write_all(b"}")
        }
        Value::Array(items) => {
            out.write_all(b"[")?;
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.write_all(b",")?;
                }
                write_canonical(item, out)?;
            }
            out.write_all(b"]")
        }
        other => Ok(serde_json::to_writer(&mut *out, other)?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Value {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn a_value_takes_32_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 32);
    }

    #[test]
    fn looks_up_small_and_large_objects() {
        let small = parse(r#"{"b": 1, "a": 2}"#);
        assert_eq!(small["a"].as_u64(), Some(2));
        assert!(small.get("c").is_none());
        let entries: Vec<String> = (0..100).map(|n| format!("\"k{n}\": {n}")).collect();
        let large = parse(&format!("{{{}}}", entries.join(",")));
        for n in 0..100 {
            assert_eq!(large[format!("k{n}").as_str()].as_u64(), Some(n));
        }
        assert!(large.get("k100").is_none());
        let keys: Vec<&str> = large.as_object().unwrap().keys().take(3).collect();
        assert_eq!(keys, ["k0", "k1", "k2"]);
    }

    #[test]
    fn a_repeated_key_keeps_its_place_and_its_last_value() {
        for size in [3, 30] {
            let mut entries: Vec<String> = (0..size).map(|n| format!("\"k{n}\": {n}")).collect();
            entries.push("\"k1\": \"last\"".to_string());
            let value = parse(&format!("{{{}}}", entries.join(",")));
            let object = value.as_object().unwrap();
            assert_eq!(object.len(), size);
            assert_eq!(object.keys().nth(1), Some("k1"));
            assert_eq!(object.get("k1").and_then(Value::as_str), Some("last"));
        }
    }

    #[test]
    fn writes_back_the_same_json_and_compares_objects_by_content() {
        let text = r#"{"z":[1,-2,2.5,"x",null,true],"a":{"y":{},"b":[]}}"#;
        let value = parse(text);
        assert_eq!(value.to_string(), text);
        assert_eq!(parse(r#"{"a": 1, "b": 2}"#), parse(r#"{"b": 2, "a": 1}"#));
        assert_ne!(parse(r#"{"a": 1}"#), parse(r#"{"a": 2}"#));
        let converted = Value::from(serde_json::from_str::<serde_json::Value>(text).unwrap());
        assert_eq!(converted, value);
    }

    #[test]
    fn sorted_entries_follow_code_points() {
        for size in [4, 40] {
            let entries: Vec<String> = (0..size)
                .rev()
                .map(|n| format!("\"{n:03}\": {n}"))
                .collect();
            let value = parse(&format!("{{{}}}", entries.join(",")));
            let keys: Vec<&str> = value
                .as_object()
                .unwrap()
                .sorted_entries()
                .into_iter()
                .map(|(key, _)| key)
                .collect();
            let mut expected = keys.clone();
            expected.sort_unstable();
            assert_eq!(keys, expected);
        }
    }
}
