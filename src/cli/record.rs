//! The output record: one per document (or per unreadable JSON line), the same
//! types for serialisation and for `cookie-charter schema`, so they cannot drift.

use std::collections::BTreeSet;
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
    /// What the parser extracted.
    #[serde(flatten)]
    pub(crate) policy: Policy,
}

/// A JSON Lines input line that was not a JSON object with a string text field.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct ErrorRecord {
    /// `line N` (`PATH line N` when several JSON Lines inputs are read).
    pub(crate) source: String,
    /// The line number, from 1.
    pub(crate) line: u64,
    /// Why the line could not be used.
    pub(crate) error: String,
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
        let mut names: BTreeSet<String> = ["source", "line", "error"]
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
}

/// Read one JSON Lines line. `Err` when it is not a JSON object.
pub(crate) fn read_input_line(bytes: &[u8], text_field: &str) -> Result<InputLine, String> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let line = LineSeed { text_field }
        .deserialize(&mut de)
        .map_err(|e| e.to_string())?;
    de.end().map_err(|e| e.to_string())?;
    Ok(line)
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
        let mut fields = Vec::new();
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
            // A repeated key keeps its last value, as most JSON readers do.
            fields.retain(|(k, _): &(String, Value)| *k != name);
            fields.push((name, value));
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
}
