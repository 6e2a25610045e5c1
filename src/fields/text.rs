//! Small text helpers shared by every stage: whitespace folding and the
//! matching form of a phrase (what vocabularies are compared against).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Whitespace as copied text carries it: ASCII, NBSP, narrow NBSP, other Unicode spaces.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}'
}

/// A line without a markdown heading mark (`## `) or leading whitespace.
pub(crate) fn strip_md_heading(text: &str) -> &str {
    let t = text.trim_start();
    let hashes = t.len() - t.trim_start_matches('#').len();
    if hashes > 0 && hashes <= 6 && t[hashes..].starts_with(' ') {
        t[hashes..].trim_start()
    } else {
        t
    }
}

/// Runs of whitespace (of any kind) become one ASCII space; ends trimmed.
pub(crate) fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for c in s.chars() {
        if is_space(c) {
            pending = !out.is_empty();
        } else if c == '\u{AD}' {
            // soft hyphen: an invisible break opportunity, never text
        } else {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push(c);
        }
    }
    out
}

/// Curly quotes, apostrophe variants and dashes as their plain ASCII forms (part of
/// [`match_form`]).
fn plain_punct(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '´' => '\'',
        '\u{201C}' | '\u{201D}' | '«' | '»' | '„' => '"',
        '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        _ => c,
    }
}

/// The form vocabularies are matched in: compatibility-folded (NFKC), lower case,
/// diacritics and curly quotes folded, whitespace folded, surrounding punctuation dropped.
pub(crate) fn match_form(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    if s.is_ascii() {
        // the common case: no decomposition to do
        for b in s.bytes() {
            let c = if b == b'`' {
                b'\''
            } else {
                b.to_ascii_lowercase()
            };
            if c.is_ascii_whitespace() {
                pending = !out.is_empty();
                continue;
            }
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push(c as char);
        }
        return trim_form(out);
    }
    // `FinalitÃ©` is `Finalité`: vocabularies are matched on repaired text
    let repaired;
    let s = if s.contains(['Ã', 'Â', 'â']) {
        repaired = super::repair::fix_mojibake(s).0;
        repaired.as_ref()
    } else {
        s
    };
    // ASCII characters decompose to themselves and are starters (no mark is reordered
    // across them), so only the runs of other characters go through NFKD: the result
    // is the NFKD of the whole text, at a fraction of the cost on mostly-ASCII text
    let mut push = |c: char| {
        let c = plain_punct(c);
        if is_space(c) {
            pending = !out.is_empty();
            return;
        }
        if pending {
            out.push(' ');
            pending = false;
        }
        for l in c.to_lowercase() {
            out.push(l);
        }
    };
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        rest[..ascii].chars().for_each(&mut push);
        rest = &rest[ascii..];
        let other = rest
            .bytes()
            .position(|b| b.is_ascii())
            .unwrap_or(rest.len());
        rest[..other]
            .nfkd()
            .filter(|&c| !is_combining_mark(c))
            .for_each(&mut push);
        rest = &rest[other..];
    }
    trim_form(out)
}

/// Drop the punctuation that surrounds a phrase (`Durée :`, `## Finalités`, `(s)`),
/// in place (no second string: `match_form` is called on most cells and words).
fn trim_form(mut out: String) -> String {
    let edge = |c: char| {
        matches!(
            c,
            ':' | '*'
                | '.'
                | ','
                | ';'
                | '|'
                | '#'
                | '-'
                | '"'
                | '\''
                | '('
                | ')'
                | '['
                | ']'
                | ' '
        )
    };
    let end = out.trim_end_matches(edge).len();
    out.truncate(end);
    let start = out.len() - out.trim_start_matches(edge).len();
    out.drain(..start);
    out
}

/// Words of a matching-form string (letters, digits, apostrophes inside words).
pub(crate) fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '_'))
        .filter(|w| !w.is_empty())
}

/// Byte ranges of the maximal runs of characters for which `in_run` holds.
pub(crate) fn runs(text: &str, in_run: impl Fn(char) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (in_run(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// [`runs`] one at a time, for scans that may stop early on a long text.
pub(crate) fn runs_iter<'a, F: Fn(char) -> bool + 'a>(
    text: &'a str,
    in_run: F,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut chars = text.char_indices();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if in_run(c) {
                break i;
            }
        };
        for (i, c) in chars.by_ref() {
            if !in_run(c) {
                return Some((start, i));
            }
        }
        Some((start, text.len()))
    })
}

/// A fast hasher for the fixed word lists (vocabularies, dictionaries, vendor
/// names): the Fx hash of rustc, a multiply and a rotate per eight bytes, in place
/// of SipHash, whose resistance to chosen keys these tables do not need (their keys
/// are compiled in; the text only looks keys up).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// `BuildHasher` of [`FxHasher`].
pub(crate) type FxBuild = std::hash::BuildHasherDefault<FxHasher>;
/// A `HashMap` with [`FxHasher`].
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, FxBuild>;
/// A `HashSet` with [`FxHasher`].
pub(crate) type FastSet<K> = std::collections::HashSet<K, FxBuild>;

/// Number of whitespace-separated words.
pub(crate) fn word_count(s: &str) -> usize {
    s.split(is_space).filter(|w| !w.is_empty()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_whitespace_of_every_kind() {
        assert_eq!(fold_whitespace("  a\u{A0}\u{202F}b\t\nc  "), "a b c");
        assert_eq!(fold_whitespace("soft\u{AD}ware"), "software");
        assert_eq!(fold_whitespace(""), "");
    }

    #[test]
    fn match_form_folds_case_accents_quotes() {
        assert_eq!(match_form("Durée :"), "duree");
        assert_eq!(
            match_form("Service provider’s name"),
            "service provider's name"
        );
        assert_eq!(match_form("## Finalités"), "finalites");
        assert_eq!(match_form("Qui a accès\u{A0}?"), "qui a acces ?");
        assert_eq!(match_form("FinalitÃ©s"), "finalites");
    }

    #[test]
    fn match_form_by_runs_is_whole_text_nfkd() {
        // the whole-text fold, written plainly: what match_form must equal
        let plain = |s: &str| {
            let mut out = String::new();
            let mut pending = false;
            for c in s.nfkd().filter(|&c| !is_combining_mark(c)) {
                let c = plain_punct(c);
                if is_space(c) {
                    pending = !out.is_empty();
                    continue;
                }
                if pending {
                    out.push(' ');
                    pending = false;
                }
                out.extend(c.to_lowercase());
            }
            trim_form(out)
        };
        for s in [
            "Durée de conservation",
            "e\u{301}\u{323}x",
            "\u{1E09}\u{323}a ß İ ﬁ ①",
            "Ｆｉｎａｌｉｔé\u{A0}: “x” – y\u{B}z",
            "ÉTÉ\tÅ ǅ ﬃ ½",
            "\u{301}début",
        ] {
            assert_eq!(match_form(s), plain(s), "{s:?}");
        }
    }
}
