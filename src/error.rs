//! The one error type: what can really fail around parsing.
//!
//! Parsing itself cannot fail ([`crate::parse_policy`] is total); what can fail is
//! accepting an input when the caller asks to be told: one over the size limit, or
//! one that is not text at all. Reading files is the caller's business (the CLI
//! names its own I/O errors), so there is no I/O variant.

/// Why an input was not parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than [`crate::ParseOptions::max_bytes`].
    #[error("input is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// The input's size in bytes (of its text, for the `&str` entry points).
        size: usize,
        /// The limit in force.
        limit: usize,
    },
    /// The input is not text: control characters that no text holds (NUL and the
    /// like) make up more than 1 in 20 of its first characters — an executable, an
    /// image, a compressed file. Parsing it would only invent records.
    #[error(
        "not text: {controls} of the first {sampled} characters are control characters \
         (a binary file?)"
    )]
    NotText {
        /// Control characters among those looked at.
        controls: usize,
        /// Characters looked at (the first 8192, or all of a shorter input).
        sampled: usize,
    },
}
