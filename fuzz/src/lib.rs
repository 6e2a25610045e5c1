//! Shared code of the fuzz targets: the invariants live in `invariants.rs`, which
//! `tests/invariants.rs`, `tests/hostile.rs` and `tests/regressions.rs` include too.

#[path = "invariants.rs"]
pub mod invariants;

/// Bytes as text: UTF-8 when they are, else lossily (so every input reaches the parser).
pub fn text_of(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}
