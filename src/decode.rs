//! Bytes → text (placeholder: UTF-8, lossy).

use std::borrow::Cow;

use crate::policy::Warning;

/// Decode `bytes`; returns the text, the encoding's name and any warnings.
pub(crate) fn decode(bytes: &[u8]) -> (Cow<'_, str>, &'static str, Vec<Warning>) {
    (String::from_utf8_lossy(bytes), "utf-8", Vec::new())
}
