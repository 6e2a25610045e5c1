//! Character classes the readers ask of almost every character: alphabetic and
//! alphanumeric, answered for the Basic Multilingual Plane from bitmaps `build.rs`
//! makes with the standard library's own tests.
//!
//! `char::is_alphabetic` answers ASCII at once but searches compressed Unicode tables
//! for every other character, about 380 instructions a character for Cyrillic, Arabic,
//! Devanagari or CJK text: a policy in those scripts (or a table of names among them)
//! spent more than half its parse there (`docs/performance.md`, "Round 15"). A bit of
//! an 8 KB bitmap answers in a few. Characters beyond the plane (rare in policies) are
//! asked of the standard library.

/// Alphabetic characters of the plane: bit `c % 8` of byte `c / 8`.
static ALPHABETIC: &[u8; 0x10000 / 8] = include_bytes!(concat!(env!("OUT_DIR"), "/alphabetic.bin"));
/// Numeric characters of the plane, likewise.
static NUMERIC: &[u8; 0x10000 / 8] = include_bytes!(concat!(env!("OUT_DIR"), "/numeric.bin"));

/// Bit `c` of `bits`; `None` beyond the plane.
#[inline]
fn bit(bits: &[u8; 0x10000 / 8], c: char) -> Option<bool> {
    let c = c as usize;
    bits.get(c / 8).map(|b| b >> (c % 8) & 1 == 1)
}

/// `char::is_alphabetic`, fast for the whole plane.
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    bit(ALPHABETIC, c).unwrap_or_else(|| c.is_alphabetic())
}

/// `char::is_alphanumeric`, fast for the whole plane.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match (bit(ALPHABETIC, c), bit(NUMERIC, c)) {
        (Some(a), Some(n)) => a || n,
        _ => c.is_alphanumeric(),
    }
}

/// The two tests as methods, so a call site reads as the standard library's did.
pub(crate) trait CharClass {
    /// [`is_alphabetic`].
    fn is_letter(&self) -> bool;
    /// [`is_alphanumeric`].
    fn is_letter_or_digit(&self) -> bool;
}

impl CharClass for char {
    #[inline]
    fn is_letter(&self) -> bool {
        is_alphabetic(*self)
    }
    #[inline]
    fn is_letter_or_digit(&self) -> bool {
        is_alphanumeric(*self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character, the plane and beyond, is classed as the standard library
    /// classes it.
    #[test]
    fn classes_are_the_standard_librarys() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{:#X}", c as u32);
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{:#X}", c as u32);
        }
    }
}
