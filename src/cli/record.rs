//! The output record: one per document (or per unreadable JSON line), the same
//! types for serialisation and for `cookie-charter schema`, so they cannot drift.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::sync::OnceLock;

use cookie_charter::Policy;
use schemars::gen::SchemaGenerator;
use schemars::schema::{InstanceType, ObjectValidation, Schema, SchemaObject};
use schemars::JsonSchema;
use serde::de::{DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserializer, Serialize, Serializer};
use serde_json::Value;

/// One record of the output: a parsed document, or an input line that could not be read.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(untagged)]
#[schemars(title = "cookie-charter output record")]
pub(crate) enum OutputRecord {
    /// A parsed document.
    Document(DocumentRecord),
    /// A JSON Lines input line that could not be used.
    Error(ErrorRecord),
}

/// A parsed document: where it came from, the fields passed through from a
/// JSON Lines input, and the library's [`Policy`].
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct DocumentRecord {
    /// The input: its path, `-` for stdin, or `line N` for JSON Lines input
    /// (`PATH line N` when several JSON Lines inputs are read).
    pub(crate) source: String,
    /// For JSON Lines input: the line number, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) line: Option<u64>,
    /// The other fields of the JSON Lines input object, as given.
    #[serde(flatten)]
    pub(crate) fields: PassThrough,
    /// What was changed in the JSON Lines input line to read it (a lone surrogate
    /// escape replaced by U+FFFD); absent when nothing was.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) input_warnings: Vec<String>,
    /// What the parser extracted.
    #[serde(flatten)]
    pub(crate) policy: Policy,
}

/// An input that failed: a file that could not be read, was not text or was over
/// the size limit, or a JSON Lines line that was not a JSON object with a string
/// text field. Every failed input has one, so that counts add up.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct ErrorRecord {
    /// The path, `-`, or `line N` (`PATH line N` when several JSON Lines inputs are read).
    pub(crate) source: String,
    /// For JSON Lines input: the line number, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) line: Option<u64>,
    /// Why the input could not be used.
    pub(crate) error: String,
    /// The version of cookie-charter that tried.
    pub(crate) parser_version: &'static str,
    /// The other fields of the line, when it was a JSON object.
    #[serde(flatten)]
    pub(crate) fields: PassThrough,
}

/// Fields copied from a JSON Lines input object, in input order. A field whose name
/// is one the output uses (`source`, `language`, `cookies`, ...) is renamed with an
/// `input_` prefix.
#[derive(Debug, Default)]
pub(crate) struct PassThrough(pub(crate) Vec<(String, Value)>);

impl Serialize for PassThrough {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl JsonSchema for PassThrough {
    fn schema_name() -> String {
        "PassThrough".to_string()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        Schema::Object(SchemaObject {
            instance_type: Some(InstanceType::Object.into()),
            object: Some(Box::new(ObjectValidation::default())),
            ..Default::default()
        })
    }
}

/// The JSON Schema of [`OutputRecord`].
pub(crate) fn schema() -> schemars::schema::RootSchema {
    schemars::schema_for!(OutputRecord)
}

/// Names the output itself uses; passed-through fields with these names are renamed.
fn reserved() -> &'static BTreeSet<String> {
    static RESERVED: OnceLock<BTreeSet<String>> = OnceLock::new();
    RESERVED.get_or_init(|| {
        let mut names: BTreeSet<String> = ["source", "line", "error", "input_warnings"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let policy = schemars::schema_for!(Policy);
        if let Some(object) = &policy.schema.object {
            names.extend(object.properties.keys().cloned());
        }
        names
    })
}

/// A JSON Lines input line, split into the document text and the other fields.
#[derive(Debug)]
pub(crate) struct InputLine {
    /// The text field's value; `Err` says why there is none.
    pub(crate) text: Result<String, String>,
    /// The other fields, renamed where they clash with output names.
    pub(crate) fields: PassThrough,
    /// What was changed to read the line.
    pub(crate) warnings: Vec<String>,
}

/// Read one JSON Lines line. `Err` when it is not a JSON object. A lone surrogate
/// escape (`\ud800`, which JSON allows and UTF-8 cannot hold) becomes U+FFFD, with a
/// warning, rather than losing the whole line for one bad field.
pub(crate) fn read_input_line(bytes: &[u8], text_field: &str) -> Result<InputLine, String> {
    let (bytes, replaced) = replace_lone_surrogates(bytes);
    let mut de = serde_json::Deserializer::from_slice(&bytes);
    let mut line = LineSeed { text_field }
        .deserialize(&mut de)
        .map_err(|e| e.to_string())?;
    de.end().map_err(|e| e.to_string())?;
    if replaced > 0 {
        line.warnings.push(format!(
            "{replaced} lone surrogate escape(s) (\\uD800-\\uDFFF without a pair) replaced by U+FFFD"
        ));
    }
    Ok(line)
}

/// `\uD800`-`\uDFFF` escapes that are not a high-low pair, replaced by `\uFFFD`;
/// and how many. Other escapes (`\\u` is a backslash and a `u`) are stepped over.
fn replace_lone_surrogates(bytes: &[u8]) -> (std::borrow::Cow<'_, [u8]>, usize) {
    let hex4 = |at: usize| -> Option<u16> {
        let h = bytes.get(at..at + 4)?;
        u16::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()
    };
    // the code unit of a `\uXXXX` escape starting at `at`
    let unit = |at: usize| -> Option<u16> {
        (bytes.get(at) == Some(&b'\\') && bytes.get(at + 1) == Some(&b'u'))
            .then(|| hex4(at + 2))
            .flatten()
    };
    let mut lone: Vec<usize> = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'\\', &bytes[i..]) {
        let at = i + off;
        match unit(at) {
            Some(u @ 0xD800..=0xDBFF) => {
                if matches!(unit(at + 6), Some(0xDC00..=0xDFFF)) {
                    i = at + 12;
                    continue;
                }
                let _ = u;
                lone.push(at);
                i = at + 6;
            }
            Some(0xDC00..=0xDFFF) => {
                lone.push(at);
                i = at + 6;
            }
            Some(_) => i = at + 6,
            None => i = at + 2,
        }
        if i >= bytes.len() {
            break;
        }
    }
    if lone.is_empty() {
        return (std::borrow::Cow::Borrowed(bytes), 0);
    }
    let mut out = bytes.to_vec();
    for &at in &lone {
        out[at + 2..at + 6].copy_from_slice(b"FFFD");
    }
    (std::borrow::Cow::Owned(out), lone.len())
}

struct LineSeed<'a> {
    text_field: &'a str,
}

impl<'de> DeserializeSeed<'de> for LineSeed<'_> {
    type Value = InputLine;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<InputLine, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for LineSeed<'_> {
    type Value = InputLine;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<InputLine, A::Error> {
        let mut text = None;
        let mut fields: Vec<(String, Value)> = Vec::new();
        // name → index in `fields`: a repeated key is found in constant time (a
        // scan per key made a line of 100k keys quadratic)
        let mut index: HashMap<String, usize> = HashMap::new();
        while let Some(key) = map.next_key::<String>()? {
            let value: Value = map.next_value()?;
            if key == self.text_field {
                text = Some(value);
                continue;
            }
            let mut name = key;
            while reserved().contains(&name) {
                name = format!("input_{name}");
            }
            // A repeated key keeps its last value, in the place of its first, as
            // most JSON readers do.
            match index.get(&name) {
                Some(&i) => fields[i].1 = value,
                None => {
                    index.insert(name.clone(), fields.len());
                    fields.push((name, value));
                }
            }
        }
        let text = match text {
            Some(Value::String(s)) => Ok(s),
            Some(other) => Err(format!(
                "field `{}` is {}, not a string",
                self.text_field,
                kind(&other)
            )),
            None => Err(format!("no field `{}`", self.text_field)),
        };
        Ok(InputLine {
            text,
            fields: PassThrough(fields),
            warnings: Vec::new(),
        })
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_lines() {
        let l =
            read_input_line(br#"{"url":"u","text":"t","language":"de","id":3}"#, "text").unwrap();
        assert_eq!(l.text.unwrap(), "t");
        let names: Vec<&str> = l.fields.0.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["url", "input_language", "id"]);
        let l = read_input_line(br#"{"body":1}"#, "body").unwrap();
        assert!(l.text.unwrap_err().contains("a number"));
        assert!(read_input_line(b"[1]", "text").is_err());
        assert!(read_input_line(b"{\"text\":\"a\"} x", "text").is_err());
        assert!(read_input_line(b"{\"text\":", "text").is_err());
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let l = read_input_line(
            br#"{"title":"a\ud800b","text":"_ga","ok":"\ud83d\ude00","x":"\\ud800"}"#,
            "text",
        )
        .unwrap();
        assert_eq!(l.fields.0[0].1, "a\u{FFFD}b");
        assert_eq!(l.fields.0[1].1, "\u{1F600}");
        assert_eq!(l.fields.0[2].1, "\\ud800");
        assert_eq!(l.warnings.len(), 1);
        let l = read_input_line(br#"{"text":"\udc00 trailing"}"#, "text").unwrap();
        assert_eq!(l.text.unwrap(), "\u{FFFD} trailing");
    }

    #[test]
    fn many_keys_stay_linear() {
        let mut line = String::from("{\"text\":\"x\"");
        for i in 0..100_000 {
            line.push_str(&format!(",\"k{i}\":{i}"));
        }
        line.push_str(",\"k7\":\"last\"}");
        let started = std::time::Instant::now();
        let l = read_input_line(line.as_bytes(), "text").unwrap();
        assert_eq!(l.fields.0.len(), 100_000);
        assert_eq!(l.fields.0[7].1, "last");
        // seconds when quadratic (13 s measured), well under one when linear
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }
}
