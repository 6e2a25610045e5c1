//! Output types: the JSON contract of the crate.
//!
//! Every type owns its data and round-trips through serde, so a `Policy`
//! printed by the CLI can be read back by another Rust program.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A half-open range `start..end` of byte offsets into the caller's input.
///
/// Both ends always lie on `char` boundaries. When the input was decoded from
/// bytes ([`crate::parse_policy_bytes`]), offsets point into the decoded text
/// that [`Policy::text_len`] describes, not into the raw bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Policy {
    /// ISO 639-1 code of the document's main language, or null when it could not be told.
    pub language: Option<String>,
    /// whatlang's confidence in `language`, from 0 to 1.
    pub language_confidence: Option<f64>,
    /// The encoding the text was decoded from (`"utf-8"` for `&str` input).
    #[serde(default = "default_encoding")]
    pub encoding: String,
    /// Length in bytes of the text that spans point into.
    #[serde(default)]
    pub text_len: usize,
    /// One record per declared cookie, in input order.
    pub cookies: Vec<Cookie>,
    /// What could not be read, with where it stands in the input.
    pub warnings: Vec<Warning>,
    /// Every change made to field text (glued words, mojibake, hyphenation, ...).
    #[serde(default)]
    pub repairs: Vec<Repair>,
}

fn default_encoding() -> String {
    "utf-8".to_string()
}

/// One cookie the document declares by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
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
    /// The source lines of this record.
    pub span: Span,
}

/// What a document declares a cookie to be for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DurationRange {
    /// The lower bound.
    pub min: String,
    /// The upper bound.
    pub max: String,
}

/// Whether a cookie ends with the browser session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DurationKind {
    /// Deleted when the browser session ends.
    Session,
    /// Has a lifetime (stated or not).
    Persistent,
    /// The text gives no readable lifetime (`Varies`).
    Unknown,
}

/// Something the parser could not read, or chose to leave out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Warning {
    /// What kind of problem.
    pub kind: WarningKind,
    /// A human-readable explanation.
    pub message: String,
    /// Where in the input.
    pub span: Span,
}

/// Kinds of [`Warning`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
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
    /// Control characters were dropped.
    ControlCharacters,
    /// The input was not UTF-8 and was decoded with a fallback encoding.
    EncodingFallback,
}

/// One change made to field text, so that a user can audit the output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Repair {
    /// What kind of repair.
    pub kind: RepairKind,
    /// Where the original text stands in the input.
    pub span: Span,
    /// The text before the repair.
    pub before: String,
    /// The text after the repair.
    pub after: String,
}

/// Kinds of [`Repair`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
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
}
