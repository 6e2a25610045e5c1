//! The duration grammar (placeholder until the grammar lands).

use crate::policy::{Duration, DurationKind};

/// Read a whole duration value. Always returns a `Duration`; `kind` is
/// `Unknown` when the text holds no readable lifetime.
pub(crate) fn parse_duration(text: &str) -> Duration {
    Duration {
        text: text.trim().to_string(),
        kind: DurationKind::Unknown,
        iso8601: None,
        seconds: None,
        range: None,
        until: None,
    }
}

/// Byte length of the longest duration phrase at the start of `text`.
pub(crate) fn duration_prefix(_text: &str) -> Option<usize> {
    None
}

/// Byte offset where the longest duration phrase ending at the end of `text` starts.
pub(crate) fn duration_suffix(_text: &str) -> Option<usize> {
    None
}

/// The leftmost duration phrase inside `text`, as a byte range.
pub(crate) fn find_duration(_text: &str) -> Option<(usize, usize)> {
    None
}
