//! # cookie-charter
//!
//! Turns messy cookie-policy text (copied out of web pages and PDFs, in English,
//! French, German, Spanish, Italian, Dutch or Portuguese) into structured cookie
//! records: name, provider, purposes, duration (ISO 8601), declared category,
//! the document's language, and the byte span each record came from.
//!
//! ```
//! let text = "Name\tProvider\tPurpose\tExpiry\n_ga\tGoogle\tDistinguishes users\t2 years\n";
//! let policy = cookie_charter::parse_policy(text);
//! let ga = &policy.cookies[0];
//! assert_eq!(ga.name, "_ga");
//! assert_eq!(ga.provider.as_deref(), Some("Google"));
//! assert_eq!(ga.duration.as_ref().unwrap().iso8601.as_deref(), Some("P2Y"));
//! assert_eq!(&text[ga.span.start..ga.span.end], "_ga\tGoogle\tDistinguishes users\t2 years");
//! ```
//!
//! ## The pipeline
//!
//! [`parse_policy`] runs these stages, one module each:
//!
//! 1. **decode** (`decode`, bytes input only): UTF-8, UTF-16 or Windows-1252 → text.
//! 2. **segment** (`segment`): the text → lines with byte spans and a shape
//!    (blank, tab row, pipe row, table rule, text).
//! 3. **language** (`lang`): whatlang over a bounded sample of prose lines.
//! 4. **layout** (`layout`): one parser per layout (tab, pipe, cell-per-line,
//!    space-aligned, glued cells, key-value, list, prose) turns runs of lines into
//!    raw records, while the section context (headings, category and provider
//!    statements) is tracked.
//! 5. **fields** (`fields`): value grammars turn raw cells into values: names split,
//!    durations read, categories mapped, providers found, text repaired.
//! 6. **records** (`records`): one [`Cookie`] per name, duplicates merged.
//!
//! Parsing never fails and never panics: what cannot be read becomes a
//! [`Warning`] with its span. Vocabularies (headers, keys, categories, duration
//! units) are data tables per language under `src/vocab/data/`.

#![deny(missing_docs)]
#![warn(unreachable_pub)]

mod decode;
mod error;
mod fields;
mod lang;
mod layout;
mod policy;
mod records;
mod segment;
mod vocab;

pub use error::Error;
pub use policy::{
    Category, Cookie, Duration, DurationKind, DurationRange, Policy, Repair, RepairKind, Span,
    Warning, WarningKind,
};

/// Inputs larger than this are cut (at a line boundary) by [`parse_policy`], or
/// refused by [`parse_policy_with`]: 64 MiB, far above any real policy, low enough
/// that a hostile input cannot exhaust memory.
pub const DEFAULT_MAX_BYTES: usize = 64 << 20;

/// Options for [`parse_policy_with`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseOptions {
    /// Largest input accepted, in bytes.
    pub max_bytes: usize,
    /// Repair field text (glued words, mojibake, hyphenation). On by default.
    pub repair: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            repair: true,
        }
    }
}

/// Parse a cookie policy. Total: any input gives a [`Policy`]; an input over
/// [`DEFAULT_MAX_BYTES`] is parsed up to the last line that fits, with a warning.
pub fn parse_policy(text: &str) -> Policy {
    parse_with_limit(text, &ParseOptions::default())
}

/// Parse with options; an input over `options.max_bytes` is an [`Error::TooLarge`].
pub fn parse_policy_with(text: &str, options: &ParseOptions) -> Result<Policy, Error> {
    if text.len() > options.max_bytes {
        return Err(Error::TooLarge {
            size: text.len(),
            limit: options.max_bytes,
        });
    }
    Ok(run(text, options))
}

/// Parse a policy given as bytes: UTF-8 (with or without BOM), UTF-16 with BOM,
/// or else Windows-1252. Spans point into the decoded text.
pub fn parse_policy_bytes(bytes: &[u8]) -> Policy {
    let (text, encoding, warnings) = decode::decode(bytes);
    let policy = parse_policy(&text);
    with_decoding(policy, encoding, warnings)
}

/// [`parse_policy_bytes`] with options: an input whose decoded text is over
/// `options.max_bytes` is an [`Error::TooLarge`].
pub fn parse_policy_bytes_with(bytes: &[u8], options: &ParseOptions) -> Result<Policy, Error> {
    let (text, encoding, warnings) = decode::decode(bytes);
    let policy = parse_policy_with(&text, options)?;
    Ok(with_decoding(policy, encoding, warnings))
}

/// Record how the text was decoded; decoding warnings come first.
fn with_decoding(mut policy: Policy, encoding: &str, mut warnings: Vec<Warning>) -> Policy {
    policy.encoding = encoding.to_string();
    warnings.append(&mut policy.warnings);
    policy.warnings = warnings;
    policy
}

/// Read one duration value (`6 months`, `13 mois`, `Sitzung`, `30 seconds to 1 year`)
/// with the same grammar the parser uses for duration cells.
///
/// ```
/// let d = cookie_charter::parse_duration("6 months");
/// assert_eq!(d.iso8601.as_deref(), Some("P6M"));
/// ```
pub fn parse_duration(text: &str) -> Duration {
    fields::duration::parse_duration(text)
}

/// Split a cell that lists cookie names (`_ga, _gid`, `_pk_id et _pk_ses`) into names,
/// as the parser does; markers such as `[x2]` and glosses in brackets are taken off.
///
/// ```
/// assert_eq!(cookie_charter::split_cookie_names("_ga + _gid"), ["_ga", "_gid"]);
/// ```
pub fn split_cookie_names(cell: &str) -> Vec<String> {
    fields::names::split_names(cell)
        .into_iter()
        .map(|n| n.name)
        .collect()
}

/// Normalise one field value as the parser does: Unicode NFC, whitespace folded,
/// and (unless `repair` is false) damaged text repaired. Returns the text and the repairs,
/// whose spans are byte offsets into `text`.
pub fn normalize_text(text: &str, repair: bool) -> (String, Vec<Repair>) {
    let mut repairs = Vec::new();
    let part = fields::repair::Fragment { text, offset: 0 };
    let out = fields::repair::normalize_value(&[part], None, repair, &mut repairs);
    (out, repairs)
}

fn parse_with_limit(text: &str, options: &ParseOptions) -> Policy {
    if text.len() <= options.max_bytes {
        return run(text, options);
    }
    let mut cut = options.max_bytes;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    if let Some(nl) = text[..cut].rfind('\n') {
        cut = nl + 1;
    }
    let mut policy = run(&text[..cut], options);
    policy.warnings.push(Warning {
        kind: WarningKind::InputTooLarge,
        message: format!(
            "input is {} bytes, over the limit of {} bytes; the rest was not parsed",
            text.len(),
            options.max_bytes
        ),
        span: Span::new(cut, text.len()),
    });
    policy.text_len = text.len();
    policy
}

/// The pipeline, in the order the crate docs list it.
fn run(text: &str, options: &ParseOptions) -> Policy {
    let lines = segment::lines(text);
    let language = lang::detect(text, &lines);
    let mut raw = layout::parse(&lines);
    let mut warnings = std::mem::take(&mut raw.warnings);
    let mut repairs = Vec::new();
    let cookies = records::build(
        raw,
        language.map(|(l, _)| l),
        options.repair,
        &mut warnings,
        &mut repairs,
    );
    warnings.sort_by_key(|w| (w.span.start, w.span.end));
    Policy {
        language: language.map(|(l, _)| l.to_string()),
        language_confidence: language.map(|(_, c)| (c * 1000.0).round() / 1000.0),
        encoding: "utf-8".to_string(),
        text_len: text.len(),
        cookies,
        warnings,
        repairs,
    }
}
