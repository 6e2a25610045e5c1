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

/// Format characters that carry no text and are not seen on a page: the soft hyphen
/// (`&shy;`, a break opportunity), zero-width space, non-joiner and joiner, the
/// direction marks and embedding and isolate controls, the word joiner and invisible
/// operators, and the byte order mark inside a text. Web pages carry them between
/// the letters of words (`Mark&shy;eting`, `Cookie&#8203;name`), where a reader
/// that matched them would miss the word.
#[inline]
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{61C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Spaces other than the ASCII space: the no-break space (`2&nbsp;years`), the
/// narrow no-break space French puts before a colon, the fixed-width spaces of
/// typesetting and the ideographic space. They separate words as a space does.
#[inline]
pub(crate) fn is_other_space(c: char) -> bool {
    matches!(
        c,
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// The marks a list item opens with, as pages, word processors and PDF tools draw
/// them: dots and discs (`•`, `·`, `●`, `∙`), squares and diamonds (`▪`, `■`, `□`,
/// `◆`, `❖`), circles (`◦`, `○`), hyphens and dashes (`-`, `–`, `—`, `⁃`), the
/// asterisk, triangles and arrows (`►`, `▸`, `‣`, `→`, `➤`, `›`, `»`), check marks
/// and boxes (`✓`, `✔`, `☐`). One set for every reader, so an item drawn with an arrow
/// reads as one drawn with a dot. A mark is a bullet only before a space: the
/// readers ask that themselves (`*` opens bold and wildcards, `-` a negative number,
/// `»` a German quotation).
#[inline]
pub(crate) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '·'
            | '●'
            | '∙'
            | '⦁'
            | '▪'
            | '■'
            | '□'
            | '◆'
            | '◇'
            | '❖'
            | '◦'
            | '○'
            | '-'
            | '–'
            | '—'
            | '⁃'
            | '*'
            | '►'
            | '▶'
            | '▸'
            | '‣'
            | '→'
            | '➔'
            | '➜'
            | '➢'
            | '➣'
            | '➤'
            | '›'
            | '»'
            | '✓'
            | '✔'
            | '☐'
    )
}

/// A quotation mark of any language: the ASCII ones and the backtick, guillemets
/// (`«` `»`, `‹` `›`), English and German curly quotes (`“` `”` `„` `‟`, `‘` `’`
/// `‚` `‛`). A quoted name's marks are trimmed on either side whichever they are: the
/// German `„_ga“` closes with the mark English opens with, `»_ga«` opens with the
/// French closing one.
#[inline]
pub(crate) fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '“'
            | '”'
            | '„'
            | '‟'
            | '‘'
            | '’'
            | '‚'
            | '‛'
    )
}

/// A list bullet ([`is_bullet`]) or a space (the ASCII one or a no-break one): what
/// readers trim before a line's key or label.
#[inline]
pub(crate) fn is_bullet_or_space(c: char) -> bool {
    is_bullet(c) || matches!(c, ' ' | '\u{a0}')
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

    /// The spaces are every whitespace character that is neither ASCII nor a line
    /// end (`U+0085`, `U+2028`, `U+2029`); the invisible characters are none of
    /// whitespace, letters, digits or controls.
    #[test]
    fn other_spaces_and_invisible_characters() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let line_end = matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}');
            let space = c.is_whitespace() && !c.is_ascii() && !line_end;
            assert_eq!(is_other_space(c), space, "{:#X}", c as u32);
            if is_invisible(c) {
                assert!(
                    !c.is_whitespace() && !c.is_alphanumeric() && !c.is_control(),
                    "{:#X}",
                    c as u32
                );
            }
        }
    }
}
