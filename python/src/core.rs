//! Every call into the core crate `cookie_charter` is in this module, so that a change
//! of the core's API is adapted here and nowhere else. The rest of the binding sees
//! only the types below: a parsed document as its JSON text, flat cookie rows, and a
//! per-document summary.
//!
//! The dicts that Python sees are built from the serde JSON of the core's `Policy`,
//! so fields that the core adds flow through with no change here.

use std::panic::{catch_unwind, AssertUnwindSafe};

use cookie_charter::{DurationKind, ParseOptions, Policy};

/// The size limit in bytes (`cookie_charter::DEFAULT_MAX_BYTES`).
pub(crate) const MAX_BYTES: usize = cookie_charter::DEFAULT_MAX_BYTES;

/// The separator of several purposes joined into one table cell (the CLI's CSV one).
pub(crate) const PURPOSE_SEPARATOR: &str = " | ";

/// One document to parse.
#[derive(Clone, Copy)]
pub(crate) enum Input<'a> {
    /// Text, parsed as given (the core's `&str` API: spans index this text).
    Text(&'a str),
    /// Bytes, decoded as the CLI decodes files (BOM, UTF-8, UTF-16, else Windows-1252).
    Bytes(&'a [u8]),
}

/// Why a document gave no result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Failure {
    /// The input is over the size limit.
    TooLarge { size: usize, limit: usize },
    /// Any other error the core reports.
    Other(String),
    /// The core panicked; the message of the panic.
    Panic(String),
}

/// One parsed document.
pub(crate) struct Parsed(Policy);

/// One row of the cookies table.
pub(crate) struct CookieRow {
    pub(crate) name: String,
    pub(crate) provider: Option<String>,
    pub(crate) category: &'static str,
    pub(crate) category_declared: Option<String>,
    pub(crate) duration_kind: Option<&'static str>,
    pub(crate) duration_iso8601: Option<String>,
    pub(crate) duration_seconds: Option<u64>,
    pub(crate) duration_text: Option<String>,
    pub(crate) purposes: String,
    pub(crate) span_start: usize,
    pub(crate) span_end: usize,
}

/// One row of the documents table.
pub(crate) struct DocumentRow {
    pub(crate) language: Option<String>,
    pub(crate) language_confidence: Option<f64>,
    pub(crate) encoding: String,
    pub(crate) text_len: usize,
    pub(crate) cookie_count: usize,
    pub(crate) warning_count: usize,
    pub(crate) repair_count: usize,
}

/// Run `f`, turning a panic into [`Failure::Panic`].
pub(crate) fn guard<T>(f: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => {
            let message = if let Some(s) = payload.downcast_ref::<&str>() {
                (*s).to_string()
            } else if let Some(s) = payload.downcast_ref::<String>() {
                s.clone()
            } else {
                "unknown panic payload".to_string()
            };
            Err(Failure::Panic(message))
        }
    }
}

/// Parse one document with the core's `parse_policy_with` / `parse_policy_bytes_with`:
/// an input over [`MAX_BYTES`] is a [`Failure::TooLarge`], never cut silently.
pub(crate) fn parse(input: Input<'_>, repair: bool) -> Result<Parsed, Failure> {
    guard(|| {
        let options = ParseOptions {
            max_bytes: MAX_BYTES,
            repair,
        };
        let result = match input {
            Input::Text(text) => cookie_charter::parse_policy_with(text, &options),
            Input::Bytes(bytes) => {
                cookie_charter::parse_policy_bytes_with(bytes, &options).map(|d| d.policy)
            }
        };
        result.map(Parsed).map_err(|e| match e {
            cookie_charter::Error::TooLarge { size, limit } => Failure::TooLarge { size, limit },
            other => Failure::Other(other.to_string()),
        })
    })
}

impl Parsed {
    /// The serde JSON of the `Policy`: what `cookie-charter parse --format json` prints
    /// for the document, less the CLI's `source` key.
    pub(crate) fn to_json(&self) -> Result<String, Failure> {
        serde_json::to_string(&self.0).map_err(|e| Failure::Other(e.to_string()))
    }

    /// One row per cookie, in document order.
    pub(crate) fn cookie_rows(&self) -> impl Iterator<Item = CookieRow> + '_ {
        self.0.cookies.iter().map(|c| {
            let d = c.duration.as_ref();
            CookieRow {
                name: c.name.clone(),
                provider: c.provider.clone(),
                category: c.category.as_str(),
                category_declared: c.category_declared.clone(),
                duration_kind: d.map(|d| kind_str(d.kind)),
                duration_iso8601: d.and_then(|d| d.iso8601.clone()),
                duration_seconds: d.and_then(|d| d.seconds),
                duration_text: d.map(|d| d.text.clone()),
                purposes: c.purposes.join(PURPOSE_SEPARATOR),
                span_start: c.span.start,
                span_end: c.span.end,
            }
        })
    }

    /// The document's language (ISO 639-1), or `None`.
    pub(crate) fn language(&self) -> Option<&str> {
        self.0.language.as_deref()
    }

    /// The counts and document-level fields.
    pub(crate) fn document_row(&self) -> DocumentRow {
        let p = &self.0;
        DocumentRow {
            language: p.language.clone(),
            language_confidence: p.language_confidence,
            encoding: p.encoding.clone(),
            text_len: p.text_len,
            cookie_count: p.cookies.len(),
            warning_count: p.warnings.len(),
            repair_count: p.repairs.len(),
        }
    }
}

fn kind_str(kind: DurationKind) -> &'static str {
    kind.as_str()
}

/// The JSON Schema of what [`Parsed::to_json`] gives (the core's `Policy`).
pub(crate) fn schema_json() -> Result<String, Failure> {
    let schema = schemars::schema_for!(Policy);
    serde_json::to_string_pretty(&schema).map_err(|e| Failure::Other(e.to_string()))
}
