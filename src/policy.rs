//! Output types: the JSON contract of the crate.
//!
//! Every type owns its data and round-trips through serde, so a `Policy`
//! printed by the CLI can be read back by another Rust program.
//!
//! The structs and enums that will grow (new fields, new categories) are
//! `#[non_exhaustive]`, so that adding to them is not a breaking change: other
//! crates read them, match them with a `_` arm, and never build them.
//! `schemars::JsonSchema` is derived only with the `schema` feature, so that schemars
//! is not part of the default public API.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A half-open range `start..end` of byte offsets into the caller's input.
///
/// Both ends always lie on `char` boundaries. For [`crate::parse_policy`] the input
/// is the `&str` given; for [`crate::parse_policy_bytes`] it is the text that function
/// returns ([`crate::Decoded::text`]): the bytes decoded from their character
/// encoding and nothing else, so `&text[span.start..span.end]` is always the source
/// as the caller can see it (see `docs/provenance.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Everything extracted from one policy text.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Policy {
    /// The version of cookie-charter that produced this record (its crate version),
    /// so that a result can be tied to the code that made it.
    #[serde(default)]
    pub parser_version: String,
    /// ISO 639-1 code of the document's main language; null when the evidence does
    /// not support one (whatlang does not call its answer reliable, or the document
    /// has too little prose), even though a best guess may have a confidence.
    pub language: Option<String>,
    /// whatlang's confidence in its best guess, from 0 to 1; given even when
    /// `language` is null, so that a caller can see how weak the guess was. Null
    /// only when there was no text to guess from.
    pub language_confidence: Option<f64>,
    /// The encoding the text was decoded from (`"utf-8"` for `&str` input).
    #[serde(default = "default_encoding")]
    pub encoding: String,
    /// Length in bytes of the text that spans point into: the `&str` given, or the
    /// decoded text [`crate::parse_policy_bytes`] returns.
    #[serde(default)]
    pub text_len: usize,
    /// One record per declared cookie, in input order.
    pub cookies: Vec<Cookie>,
    /// What could not be read, with where it stands in the input.
    pub warnings: Vec<Warning>,
    /// Every change made to the text before it was read: by the decoder (control
    /// characters dropped, whole-document mojibake) and in field values (glued words,
    /// mojibake, hyphenation, ...). Empty when `repair` is off.
    #[serde(default)]
    pub repairs: Vec<Repair>,
}

fn default_encoding() -> String {
    "utf-8".to_string()
}

/// One cookie the document declares by name.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Cookie {
    /// The name as written (`_ga`, `_ga_*`, `_ga_<container-id>`).
    pub name: String,
    /// The company or service the document names as setting it.
    pub provider: Option<String>,
    /// Every purpose / description text of this cookie, in reading order.
    pub purposes: Vec<String>,
    /// How long the cookie lives, when the document says.
    pub duration: Option<Duration>,
    /// The category the document declares for it.
    pub category: Category,
    /// The heading or label that declared the category, as written.
    pub category_declared: Option<String>,
    /// Other columns or keys, keyed by their header as written.
    #[serde(default)]
    pub extra: BTreeMap<String, String>,
    /// The source lines of this record: the first of `spans`.
    pub span: Span,
    /// The source lines of every record merged into this cookie (the same cookie
    /// declared in prose and in a table, say), in input order; `spans[0] == span`.
    #[serde(default)]
    pub spans: Vec<Span>,
}

/// What a document declares a cookie to be for.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Strictly necessary, essential, required, technical.
    Necessary,
    /// Preferences, functionality.
    Functional,
    /// Statistics, analytics, performance, audience measurement.
    Analytics,
    /// Marketing, advertising, targeting, tracking, social media.
    Advertising,
    /// Nothing declared, or declared unclassified.
    #[default]
    Unknown,
}

impl DurationKind {
    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            DurationKind::Session => "session",
            DurationKind::Persistent => "persistent",
            DurationKind::Unknown => "unknown",
        }
    }
}

impl Category {
    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Necessary => "necessary",
            Category::Functional => "functional",
            Category::Analytics => "analytics",
            Category::Advertising => "advertising",
            Category::Unknown => "unknown",
        }
    }
}

/// A cookie lifetime, as written and normalised.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Duration {
    /// The duration text as written (typos repaired).
    pub text: String,
    /// Session, persistent or unknown.
    pub kind: DurationKind,
    /// ISO 8601 duration (`P6M`, `PT30M`), or null when no length is given.
    pub iso8601: Option<String>,
    /// The length in seconds, with month = 30 days and year = 365 days
    /// (the IAB TCF `maxAgeSeconds` convention).
    pub seconds: Option<u64>,
    /// For ranges (`30 seconds to 1 year`): both bounds; `iso8601` holds the upper one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<DurationRange>,
    /// For fixed expiry dates (`10 Nov 2030`): the date as `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
}

/// Both ends of a duration range, as ISO 8601 durations.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DurationRange {
    /// The lower bound.
    pub min: String,
    /// The upper bound.
    pub max: String,
}

/// Whether a cookie ends with the browser session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DurationKind {
    /// Deleted when the browser session ends.
    Session,
    /// Has a lifetime (stated or not).
    Persistent,
    /// The text gives no readable lifetime (`Varies`).
    Unknown,
}

/// Something the parser could not read, or chose to leave out.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Warning {
    /// What kind of problem.
    pub kind: WarningKind,
    /// A human-readable explanation.
    pub message: String,
    /// Where in the input.
    pub span: Span,
}

/// Kinds of [`Warning`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// A line inside a table or block that is not part of it; skipped.
    SkippedLine,
    /// A record cut off by the end of the text; left out.
    TruncatedRecord,
    /// An entry the text types as local storage, pixel or similar; not a cookie.
    NotACookie,
    /// A value that could not be read (an unknown duration, a row with too many cells).
    Unreadable,
    /// The input was larger than the size limit; the rest was not parsed.
    InputTooLarge,
    /// Control characters (other than tab, line feed, carriage return): dropped
    /// before parsing (listed in `repairs`), or, with `repair` off, kept as they are.
    ControlCharacters,
    /// The input was not UTF-8 and was decoded with a fallback encoding, or holds
    /// UTF-8 that was decoded as Windows-1252 (mojibake): repaired before parsing
    /// (listed in `repairs`) or, with `repair` off, left as it is.
    EncodingFallback,
}

/// One change made to the text, so that a user can audit the output.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Repair {
    /// What kind of repair.
    pub kind: RepairKind,
    /// Where the original text stands in the input: `before` is the input's text at
    /// this span (for field repairs, once whitespace is folded).
    pub span: Span,
    /// The text before the repair.
    pub before: String,
    /// The text after the repair.
    pub after: String,
}

/// Kinds of [`Repair`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RepairKind {
    /// Two or three words run together (`Forthe` → `For the`).
    GluedWord,
    /// UTF-8 text that had been decoded as Windows-1252 (`Ã©` → `é`).
    Mojibake,
    /// A word hyphenated across a wrapped line (`func-` `tionality`).
    Hyphenation,
    /// A misspelt word from the typo table (`Regestrieren` → `Registrieren`).
    Typo,
    /// Control characters dropped from the document before parsing (a form feed from
    /// a PDF tool, NUL from binary junk); `after` is empty.
    ControlCharacters,
    /// A carriage return inside a line of a text whose lines end with line feeds
    /// (a cell pasted with one), read as a space rather than as a line end that
    /// would make a record of the rest of the line.
    LineBreak,
}
