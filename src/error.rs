//! The one error type: what can really fail around parsing.
//!
//! Parsing itself cannot fail ([`crate::parse_policy`] is total); what can fail is
//! reading input (the CLI), and input past the size limit when the caller asks to be told.

use std::path::PathBuf;

/// An error from reading or accepting input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The input is larger than [`crate::ParseOptions::max_bytes`].
    #[error("input is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// The input's size in bytes.
        size: usize,
        /// The limit in force.
        limit: usize,
    },
}
