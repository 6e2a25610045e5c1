//! Value normalisation: turns the fragments of input that make up one field value
//! (a cell and its continuation lines) into clean text, recording every repair.
//!
//! The document is never rewritten: each fragment keeps its byte offset into the
//! caller's input, so a [`Repair`] points at the original text. To keep that
//! mapping through every step, the value is worked on as a list of [`Ch`]: each
//! character carries the input span it came from.
//!
//! Steps, in order (all but the cleaning only when repair is on):
//! 1. **mojibake** (UTF-8 read as Windows-1252/Latin-1, once or twice). It runs
//!    first because its evidence (C1 controls, NBSP, soft hyphens inside `Ã\u{AD}`)
//!    is exactly what the cleaning step removes.
//! 2. **cleaning**: control, zero-width and soft-hyphen characters dropped, every
//!    space folded to one ASCII space, NFC. Not recorded: no letter changes.
//! 3. **hyphenation** at fragment joins (`func-` + `tionality`).
//! 4. **typos** from a small table, and **glued words** (`Forthe` → `For the`),
//!    decided with the embedded frequency word lists of `src/vocab/words/`.

use super::text::{FastMap as HashMap, FastSet as HashSet};
use crate::chars::CharClass;
use std::sync::OnceLock;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::policy::{Repair, RepairKind, Span};
use crate::vocab::affixes::{lang_words, repair_words};
use crate::vocab::languages::{index_of, LANGUAGES};
use crate::vocab::word_table::WordTable;

/// A piece of the caller's input that belongs to one field value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fragment<'a> {
    /// The text, a slice of the input.
    pub text: &'a str,
    /// Byte offset of `text` in the input.
    pub offset: usize,
}

/// A value's pieces of input text. Most values are one piece, kept inline: a
/// vector for each table cell and key's value was an allocation per field (and the
/// most of a table's memory after its records).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Frags<'a> {
    One(Fragment<'a>),
    Many(Vec<Fragment<'a>>),
}

impl Default for Frags<'_> {
    fn default() -> Self {
        Frags::Many(Vec::new())
    }
}

impl<'a> Frags<'a> {
    /// Add a piece at the end; the first piece of an empty value is kept inline.
    pub(crate) fn push(&mut self, f: Fragment<'a>) {
        match self {
            Frags::One(first) => *self = Frags::Many(vec![*first, f]),
            Frags::Many(v) if v.is_empty() => *self = Frags::One(f),
            Frags::Many(v) => v.push(f),
        }
    }
}

impl<'a> std::ops::Deref for Frags<'a> {
    type Target = [Fragment<'a>];

    fn deref(&self) -> &[Fragment<'a>] {
        match self {
            Frags::One(f) => std::slice::from_ref(f),
            Frags::Many(v) => v,
        }
    }
}

impl<'a> std::ops::DerefMut for Frags<'a> {
    fn deref_mut(&mut self) -> &mut [Fragment<'a>] {
        match self {
            Frags::One(f) => std::slice::from_mut(f),
            Frags::Many(v) => v,
        }
    }
}

impl<'a> From<Fragment<'a>> for Frags<'a> {
    fn from(f: Fragment<'a>) -> Self {
        Frags::One(f)
    }
}

impl<'a> From<Vec<Fragment<'a>>> for Frags<'a> {
    fn from(mut v: Vec<Fragment<'a>>) -> Self {
        match v.len() {
            1 => Frags::One(v.remove(0)),
            _ => Frags::Many(v),
        }
    }
}

impl<'a> Extend<Fragment<'a>> for Frags<'a> {
    fn extend<I: IntoIterator<Item = Fragment<'a>>>(&mut self, iter: I) {
        for f in iter {
            self.push(f);
        }
    }
}

impl<'a> FromIterator<Fragment<'a>> for Frags<'a> {
    fn from_iter<I: IntoIterator<Item = Fragment<'a>>>(iter: I) -> Self {
        let mut out = Frags::default();
        out.extend(iter);
        out
    }
}

impl<'s, 'a> IntoIterator for &'s Frags<'a> {
    type Item = &'s Fragment<'a>;
    type IntoIter = std::slice::Iter<'s, Fragment<'a>>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// One character of the value being normalised, with the input span it stands for,
/// so that any later repair can name the original bytes.
#[derive(Debug, Clone, Copy)]
struct Ch {
    c: char,
    start: usize,
    end: usize,
    /// A space that stands for the boundary between two fragments (a wrapped line).
    join: bool,
}

/// Normalise one field value: fragments joined by a space, whitespace folded, NFC.
/// With `repair`, damaged text is repaired and each repair is pushed to `repairs`.
pub(crate) fn normalize_value(
    parts: &[Fragment<'_>],
    lang: Option<&str>,
    repair: bool,
    repairs: &mut Vec<Repair>,
) -> String {
    let mend = if repair { Mend::All } else { Mend::Off };
    normalize_value_with(parts, lang, mend, repairs)
}

/// How far value repair goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mend {
    /// Cleaning only (`--raw`, names, providers).
    Off,
    /// Every repair but splitting a word that is no glue of function words into two
    /// words (`thesession`): in a document that shows no glued text elsewhere, an
    /// unlisted word is more likely a real one (`fallback`, `allowlist`, `conversioni`).
    Sure,
    /// Every repair.
    All,
}

/// [`glue_evidence_in`] over one text.
#[cfg(test)]
pub(crate) fn glue_evidence(text: &str, lang: Option<&str>) -> bool {
    glue_evidence_in(std::iter::once(text), lang)
}

/// Whether a document shows glued text in the values repair will read (`texts`):
/// somewhere two function words of its language run together (`Forthe`, `atthe`,
/// `surle`, `dela`, `mitder`), or three tokens lead with a function word onto a
/// listed word, which a copy that lost its spaces leaves everywhere and a clean text
/// almost never has.
/// With it, value repair also splits unlisted words into two words
/// ([`Mend::All`]); without it, only the surer repairs ([`Mend::Sure`]). With no
/// language known, there are no function words to go by: every repair, as before.
pub(crate) fn glue_evidence_in<'t>(
    texts: impl Iterator<Item = &'t str>,
    lang: Option<&str>,
) -> bool {
    let Some(l) = lang.and_then(lang_index) else {
        return true;
    };
    let words = lang_words(l);
    if words.function_words.is_empty() {
        return true;
    }
    // a function word glued to a listed word (`surcookies`, `thesession`): one such
    // token may be a real word the lists lack (`conversioni`), several are glue
    let mut led = 0;
    let mut lower = String::new();
    let mut words_of = Vec::new();
    for t in texts {
        words_of.clear();
        alphabetic_runs(t, &mut words_of);
        for &w in &words_of {
            if !(MIN_PAIR_CHARS..=MAX_GLUED_CHARS * 4).contains(&w.len()) {
                continue;
            }
            let ascii = w.is_ascii();
            let n = if ascii { w.len() } else { w.chars().count() };
            if !(MIN_PAIR_CHARS..=MAX_GLUED_CHARS).contains(&n) {
                continue;
            }
            let first_upper;
            if ascii {
                // (an ASCII letter is lower or upper case as its ASCII case says)
                let b = w.as_bytes();
                first_upper = b[0].is_ascii_uppercase();
                if !b[1..].iter().all(u8::is_ascii_lowercase) {
                    continue;
                }
            } else {
                let mut cs = w.chars();
                first_upper = cs.next().is_some_and(char::is_uppercase);
                if !cs.all(char::is_lowercase) {
                    continue;
                }
            }
            // an ASCII word in lower case is its own lower case: read as it is
            let lw = if ascii && !first_upper {
                w
            } else {
                lower.clear();
                if ascii {
                    lower.push_str(w);
                    lower.make_ascii_lowercase();
                } else {
                    lower.extend(w.chars().flat_map(char::to_lowercase));
                }
                lower.as_str()
            };
            if is_known_word(lw, Some(l)) {
                continue;
            }
            let shape = if first_upper {
                Shape::Capital
            } else {
                Shape::Lower
            };
            // (`lw` is no known word of the language: asked above)
            let pair = n <= MAX_PAIR_TOKEN && function_pair(lw, shape, Some(l), false).is_some();
            let fw_then_word = !pair
                && lw.char_indices().skip(2).take(6).any(|(i, _)| {
                    words.function_words.contains(&lw[..i])
                        && lw[i..].chars().count() >= 3
                        && is_known_word(&lw[i..], Some(l))
                });
            // a word of another registered language is no glue (asked last: the dearest)
            if !(pair || fw_then_word) || is_known_word(lw, None) {
                continue;
            }
            if pair {
                return true;
            }
            led += 1;
            if led >= MIN_LED_TOKENS {
                return true;
            }
        }
    }
    false
}

/// The runs of alphabetic characters of `t`, as `t.split(|c| !c.is_letter())`
/// gives them but without the empty ones, pushed to `out`; ASCII text is read byte
/// by byte.
fn alphabetic_runs<'t>(t: &'t str, out: &mut Vec<&'t str>) {
    if !t.is_ascii() {
        out.extend(t.split(|c: char| !c.is_letter()).filter(|w| !w.is_empty()));
        return;
    }
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && !b[i].is_ascii_alphabetic() {
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        if start < i {
            // (ASCII: every index is a char boundary)
            if let Some(w) = t.get(start..i) {
                out.push(w);
            }
        }
    }
}

/// Tokens made of a function word and a listed word that show a document glued.
const MIN_LED_TOKENS: usize = 3;

/// Longest token [`glue_evidence`] looks at: two function words run together.
const MAX_PAIR_TOKEN: usize = 14;

/// [`normalize_value`] with the extent of repair given.
pub(crate) fn normalize_value_with(
    parts: &[Fragment<'_>],
    lang: Option<&str>,
    mend: Mend,
    repairs: &mut Vec<Repair>,
) -> String {
    let total: usize = parts.iter().map(|p| p.text.len()).sum();
    if total <= PIECE_BYTES {
        return normalize_piece(parts, lang, mend, repairs, &mut [0; 4]);
    }
    let mut steps = StepRepairs::default();
    let mut piece_repairs = Vec::new();
    // a long value, piece by piece: each piece's records live only while it is worked
    // on, so memory stays near the text's own size however long the value is
    let mut out = String::with_capacity(total + parts.len());
    let mut piece: Vec<Fragment<'_>> = Vec::new();
    let mut piece_len = 0;
    let mut flush = |piece: &mut Vec<Fragment<'_>>, out: &mut String| {
        let mut marks = [0; 4];
        let text = normalize_piece(piece, lang, mend, &mut piece_repairs, &mut marks);
        steps.take(&mut piece_repairs, marks);
        piece.clear();
        // the pieces meet at a space the cleaning folds into one, and never trims
        // between two kept characters (see [`next_cut`])
        if !text.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&text);
        }
    };
    for p in parts {
        let mut from = 0;
        while piece_len + (p.text.len() - from) > PIECE_BYTES {
            let want = from + PIECE_BYTES.saturating_sub(piece_len).max(1);
            let Some(cut) = next_cut(p.text, want) else {
                break;
            };
            piece.push(Fragment {
                text: p.text.get(from..cut).unwrap_or_default(),
                offset: p.offset + from,
            });
            flush(&mut piece, &mut out);
            piece_len = 0;
            from = cut;
        }
        piece.push(Fragment {
            text: p.text.get(from..).unwrap_or_default(),
            offset: p.offset + from,
        });
        piece_len += p.text.len() - from;
    }
    if !piece.is_empty() {
        flush(&mut piece, &mut out);
    }
    steps.append_to(repairs);
    out
}

/// Values longer than this many bytes are normalised in pieces of about this size
/// ([`normalize_value_with`]).
const PIECE_BYTES: usize = 4096;

/// The repairs of each step, kept apart while a value is worked on piece by piece,
/// so that they come out in the order of the whole value worked on at once: every
/// mojibake repair of the first pass, of the second, of the passes after NFC, then
/// hyphenation, then words.
#[derive(Default)]
struct StepRepairs {
    mojibake: Vec<Repair>,
    mojibake_again: Vec<Repair>,
    mojibake_composed: Vec<Repair>,
    hyphenation: Vec<Repair>,
    words: Vec<Repair>,
}

/// Where each step's repairs end in a piece's list: after the first mojibake pass,
/// the second, the passes after NFC, and hyphenation (the words' come last).
type Marks = [usize; 4];

impl StepRepairs {
    /// Take one piece's repairs, which end each step at `marks` (see
    /// [`normalize_general`]).
    fn take(&mut self, piece: &mut Vec<Repair>, marks: Marks) {
        let [a, b, c, d] = marks;
        self.words.extend(piece.drain(d..));
        self.hyphenation.extend(piece.drain(c..));
        self.mojibake_composed.extend(piece.drain(b..));
        self.mojibake_again.extend(piece.drain(a..));
        self.mojibake.append(piece);
    }

    fn append_to(self, repairs: &mut Vec<Repair>) {
        // (the first step's list becomes the answer when there is none yet: a copy
        // of the longest list saved)
        if repairs.is_empty() {
            *repairs = self.mojibake;
        } else {
            repairs.extend(self.mojibake);
        }
        repairs.extend(self.mojibake_again);
        repairs.extend(self.mojibake_composed);
        repairs.extend(self.hyphenation);
        repairs.extend(self.words);
    }
}

/// Where a long value may be cut into pieces, at or after byte `from` of `text`: at
/// an ASCII space, tab or line feed after a character that no step reads across a
/// space. That character is kept by the cleaning (no space, no invisible character),
/// so the piece before ends with it and the two pieces meet at one folded space; it
/// is no hyphen (hyphenation reads a hyphen before a space), no character of
/// mojibake (`Â` before a space is a damaged NBSP) and no combining mark (`A\u{302}`
/// composes to that `Â`); NFC and word repairs read words between spaces. A value cut
/// there normalises to the pieces' texts joined by a space, with the same repairs.
fn next_cut(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    while at < bytes.len() {
        let k = at + memchr::memchr3(b' ', b'\t', b'\n', bytes.get(at..)?)?;
        let before = text.get(..k).and_then(|t| t.chars().next_back());
        if before.is_some_and(|c| {
            !c.is_whitespace()
                && !is_dropped(c)
                && !is_wrap_hyphen(c)
                && mojibake_byte(c).is_none()
                && !is_combining_mark(c)
        }) {
            return Some(k);
        }
        at = k + 1;
    }
    None
}

/// One value, or one piece of a long one: the plain path when it suffices, else the
/// general one. `marks` as [`normalize_general`] sets them.
fn normalize_piece(
    parts: &[Fragment<'_>],
    lang: Option<&str>,
    mend: Mend,
    repairs: &mut Vec<Repair>,
    marks: &mut Marks,
) -> String {
    if let Some(text) = normalize_plain(parts, lang.and_then(lang_index), mend) {
        *marks = [repairs.len(); 4];
        return text;
    }
    normalize_general(parts, lang, mend, repairs, marks)
}

/// [`normalize_value_with`] for a value that only needs cleaning, the common case:
/// the text is built straight from the fragments, with no per-character records.
/// `None` when any step after the cleaning might change it (mojibake, NFC, a hyphen
/// before a join, a token repair would change): then [`normalize_general`] runs,
/// which records spans for the repairs. When this gives a text, the general path
/// gives the same one and makes no repair.
fn normalize_plain(parts: &[Fragment<'_>], lang: Option<usize>, mend: Mend) -> Option<String> {
    let repair = mend != Mend::Off;
    let splits = mend == Mend::All;
    let mut out = String::with_capacity(parts.iter().map(|p| p.text.len() + 1).sum());
    // the cleaning of [`clean`]: a space is put before the next kept character when
    // any whitespace (or a join) came since the last, and never first
    let mut pending = false;
    // the characters before, as the general path lists them (joins included), for
    // the mojibake test; whether there is any, for the joins
    let mut prev: Option<char> = None;
    // the last character kept: a join after a hyphen is hyphenation's to judge
    let mut last_kept: Option<char> = None;
    // whether any character is not ASCII (then the mojibake and NFC tests run)
    let mut ascii = true;
    // where the word being written starts in `out`: the words (the text between the
    // single spaces the cleaning writes) are asked whether a repair would change
    // them as they end
    let mut word = 0;
    // the space the cleaning owes goes in, after the word before it is asked
    macro_rules! pay_pending {
        () => {
            if pending {
                if repair && chunk_needs_fix(out.get(word..).unwrap_or_default(), lang, splits) {
                    return None;
                }
                out.push(' ');
                word = out.len();
                pending = false;
            }
        };
    }
    for p in parts {
        if let Some(a) = prev {
            // a join, a space in the characters (`Â` before it may be mojibake)
            if repair && (last_kept.is_some_and(is_wrap_hyphen) || may_start_mojibake(a, ' ')) {
                return None;
            }
            if !out.is_empty() {
                pending = true;
            }
            prev = Some(' ');
        }
        let text = p.text;
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // A run of printable ASCII (neither space nor control) is kept whole, byte
            // by byte: an ASCII character neither leads mojibake (its leads are
            // `Â`–`ô`) nor follows a lead in it (its second characters are not ASCII,
            // but for the space after `Â`, which no run holds).
            if is_printable(b) {
                pay_pending!();
                if word == out.len() {
                    // A word starts here: the stretch of such runs joined by single
                    // spaces (most of a line of prose) is the text the cleaning
                    // writes, copied at once; its words are asked as they end, but
                    // the last, which what follows may go on.
                    let (mut j, mut w) = (i, i);
                    loop {
                        j += printable_run(&bytes[j..]);
                        let next = bytes.get(j + 1).copied().unwrap_or(0);
                        if bytes.get(j) != Some(&b' ') || !is_printable(next) {
                            break;
                        }
                        if repair
                            && chunk_needs_fix(text.get(w..j).unwrap_or_default(), lang, splits)
                        {
                            return None;
                        }
                        j += 1;
                        w = j;
                    }
                    out.push_str(text.get(i..j).unwrap_or_default());
                    word = out.len() - (j - w);
                    let c = Some(char::from(bytes[j - 1]));
                    (prev, last_kept) = (c, c);
                    i = j;
                    continue;
                }
                let run = printable_run(&bytes[i..]);
                out.push_str(text.get(i..i + run).unwrap_or_default());
                let c = Some(char::from(bytes[i + run - 1]));
                (prev, last_kept) = (c, c);
                i += run;
                continue;
            }
            // a space, the usual end of a run: pending (`Â` before it is mojibake)
            if b == b' ' {
                if repair && prev == Some('Â') {
                    return None;
                }
                prev = Some(' ');
                pending |= !out.is_empty();
                i += 1;
                continue;
            }
            // one character: a control or a character that is not ASCII (`i` is on
            // a char boundary: runs are ASCII, and a character is skipped by its
            // length)
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                break;
            };
            let at = i;
            i += c.len_utf8();
            ascii &= c.is_ascii();
            if repair && prev.is_some_and(|a| may_start_mojibake(a, c)) {
                return None;
            }
            prev = Some(c);
            if is_dropped(c) {
                continue;
            }
            if c.is_whitespace() {
                pending |= !out.is_empty();
                continue;
            }
            pay_pending!();
            out.push_str(text.get(at..i).unwrap_or_default());
            last_kept = Some(c);
        }
    }
    if !ascii {
        // the second mojibake test, over the cleaned text
        if repair && has_mojibake_pair(&out) {
            return None;
        }
        if is_nfc_quick(out.chars()) != IsNormalized::Yes {
            return None;
        }
    }
    // the last word
    if repair && chunk_needs_fix(out.get(word..).unwrap_or_default(), lang, splits) {
        return None;
    }
    Some(out)
}

/// Printable ASCII: neither a space nor a control.
fn is_printable(b: u8) -> bool {
    (0x21..=0x7E).contains(&b)
}

/// The length of the run of [`is_printable`] bytes that `bytes` starts with.
fn printable_run(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| !is_printable(b))
        .unwrap_or(bytes.len())
}

/// Whether [`word_chunk`] would change a space-delimited chunk (without its space).
fn chunk_needs_fix(chunk: &str, lang: Option<usize>, splits: bool) -> bool {
    // trimming only shortens: a chunk this short has no core of four bytes
    if chunk.len() < 4 {
        return false;
    }
    // Byte by byte while the ends are ASCII (most chunks): the ASCII characters of
    // `is_lead_punct` and `is_trail_punct` trimmed, then an ASCII core must be
    // letters and `'` (an ASCII letter is alphabetic, `'` the only ASCII apostrophe).
    let b = chunk.as_bytes();
    let ascii_is =
        |at: usize, punct: fn(char) -> bool| b[at].is_ascii() && punct(char::from(b[at]));
    let (mut s, mut e) = (0, b.len());
    while s < e && ascii_is(s, is_lead_punct) {
        s += 1;
    }
    while e > s && ascii_is(e - 1, is_trail_punct) {
        e -= 1;
    }
    if e - s < 4 {
        return false;
    }
    if b[s] >= 0x80 || b[e - 1] >= 0x80 {
        // an end that is not ASCII may be punctuation to trim (`«`, `…`)
        return chunk_needs_fix_chars(chunk, lang, splits);
    }
    let core = chunk.get(s..e).unwrap_or_default();
    if core.len() > MAX_GLUED_CHARS * 4 {
        return false;
    }
    // the classes of the core's bytes at once: any ASCII byte that is neither a
    // letter nor `'` is not alphabetic, so the character path would say no too
    let classes = core
        .as_bytes()
        .iter()
        .fold(0, |m, &c| m | CORE_CLASS[usize::from(c)]);
    if classes & OTHER != 0 {
        return false;
    }
    if classes & NOT_ASCII != 0 {
        return chunk_needs_fix_chars(core, lang, splits);
    }
    // (most words hold no apostrophe: they are their one piece)
    if classes & APOSTROPHE == 0 {
        return token_needs_fix(core, lang, splits);
    }
    core.split_inclusive('\'')
        .filter(|piece| !piece.ends_with('\''))
        .any(|body| token_needs_fix(body, lang, splits))
}

/// [`CORE_CLASS`] of `'`.
const APOSTROPHE: u8 = 1;
/// [`CORE_CLASS`] of a byte beyond ASCII.
const NOT_ASCII: u8 = 2;
/// [`CORE_CLASS`] of an ASCII byte that is neither a letter nor `'`.
const OTHER: u8 = 4;

/// The class of each byte in a word's core, for [`chunk_needs_fix`]: 0 for an ASCII
/// letter.
static CORE_CLASS: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c == b'\'' {
            APOSTROPHE
        } else if c >= 0x80 {
            NOT_ASCII
        } else if c.is_ascii_alphabetic() {
            0
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// [`chunk_needs_fix`] character by character, for chunks that are not ASCII.
fn chunk_needs_fix_chars(chunk: &str, lang: Option<usize>, splits: bool) -> bool {
    let core = chunk
        .trim_start_matches(is_lead_punct)
        .trim_end_matches(is_trail_punct);
    let n = core.chars().count();
    if !(4..=MAX_GLUED_CHARS * 4).contains(&n)
        || !core.chars().all(|c| c.is_letter() || is_apostrophe(c))
    {
        return false;
    }
    // a piece that ends in an apostrophe is an elided article (`l’`, `d’`)
    core.split_inclusive(is_apostrophe)
        .filter(|piece| !piece.ends_with(is_apostrophe))
        .any(|body| token_needs_fix(body, lang, splits))
}

/// Whether [`plan_token`] would change `tok` ([`remembered_plan`]), the plain path's
/// question about nearly every word of every value: answered for short tokens from
/// a small per-thread table of verdicts ([`Verdicts`]) before the memo of plans,
/// whose lookup (hashing through `Hasher`, a probe, a `memcmp`) cost about 170
/// instructions a word.
fn token_needs_fix(tok: &str, lang: Option<usize>, splits: bool) -> bool {
    thread_local! {
        static VERDICTS: std::cell::RefCell<Verdicts> = std::cell::RefCell::new(Verdicts::new());
    }
    let Some(key) = VerdictKey::new(tok, memo_slot(lang, splits)) else {
        return remembered_plan(tok, lang, splits, |plan| plan.is_some());
    };
    if let Some(v) = VERDICTS.with(|v| v.borrow().get(&key)) {
        return v;
    }
    let v = remembered_plan(tok, lang, splits, |plan| plan.is_some());
    VERDICTS.with(|t| t.borrow_mut().put(key, v));
    v
}

/// Tokens up to this many bytes have their verdicts kept in [`Verdicts`] (longer
/// ones are rare, and asked of the memo of plans).
const VERDICT_KEY: usize = 24;

/// A token of up to [`VERDICT_KEY`] bytes, zero-padded, read as words, with its
/// length and memo (language and `splits`, as [`remembered_plan`] numbers them) in
/// the last: compared whole, so a verdict is only ever the token's own.
#[derive(Clone, Copy, PartialEq, Eq)]
struct VerdictKey([u64; VERDICT_KEY / 8 + 1]);

impl VerdictKey {
    fn new(tok: &str, memo: usize) -> Option<VerdictKey> {
        let b = tok.as_bytes();
        if b.is_empty() || b.len() > VERDICT_KEY {
            return None;
        }
        let mut bytes = [0u8; VERDICT_KEY];
        bytes.get_mut(..b.len())?.copy_from_slice(b);
        let mut key = [0u64; VERDICT_KEY / 8 + 1];
        for (w, c) in key.iter_mut().zip(bytes.chunks_exact(8)) {
            *w = u64::from_le_bytes(c.try_into().unwrap_or_default());
        }
        key[VERDICT_KEY / 8] = b.len() as u64 | (memo as u64) << 8;
        Some(VerdictKey(key))
    }

    /// Its slot in a table of `1 << bits`: the Fx hash of its words (a multiply
    /// leaves its best bits high).
    fn slot(&self, bits: u32) -> usize {
        use std::hash::Hasher;
        let mut h = crate::fx::FxHasher::default();
        for &w in &self.0 {
            h.write_u64(w);
        }
        (h.finish() >> (64 - bits)) as usize
    }
}

/// The last verdicts of [`token_needs_fix`] for short tokens, one per slot (a new
/// token takes its slot's place): a cache in front of the memo of plans, which
/// keeps what this one forgets. A slot is a key with the verdict in bit 16 of its
/// last word; an empty slot is zeros, which no key is (its length is not 0), so the
/// table is allocated zeroed and costs memory only where it is written.
struct Verdicts {
    slots: Vec<[u64; VERDICT_KEY / 8 + 1]>,
}

impl Verdicts {
    /// `1 << BITS` slots of 32 bytes (512 KB a thread at most): 4,096 slots caught
    /// few of the 5,300 distinct words of `corpus/` asked in turn, 16,384 most.
    const BITS: u32 = 14;
    /// The verdict's bit in a slot's last word.
    const YES: u64 = 1 << 16;

    fn new() -> Verdicts {
        Verdicts {
            slots: vec![[0; VERDICT_KEY / 8 + 1]; 1 << Self::BITS],
        }
    }

    fn get(&self, key: &VerdictKey) -> Option<bool> {
        let slot = self.slots.get(key.slot(Self::BITS))?;
        let last = VERDICT_KEY / 8;
        let mut stored = *slot;
        stored[last] &= !Self::YES;
        (stored == key.0).then_some(slot[last] & Self::YES != 0)
    }

    fn put(&mut self, key: VerdictKey, v: bool) {
        if let Some(slot) = self.slots.get_mut(key.slot(Self::BITS)) {
            *slot = key.0;
            if v {
                slot[VERDICT_KEY / 8] |= Self::YES;
            }
        }
    }
}

/// [`plan_token`], memoised per thread, handed to `read`: policies repeat their
/// words in every row, and each plan asks several word lists. The plan is a
/// function of the token, the language and `splits` over fixed lists, so a
/// remembered plan is the plan; each (language, `splits`) has its own memo, which
/// keeps the plans of about the last [`PLAN_MEMO`] distinct tokens
/// ([`super::text::Memo`]). The plain path asks whether a token needs a fix and the
/// general path then asks for the fix of the same token: one search serves both.
fn remembered_plan<R>(
    tok: &str,
    lang: Option<usize>,
    splits: bool,
    read: impl Fn(Option<&Fix>) -> R,
) -> R {
    thread_local! {
        static MEMO: std::cell::RefCell<Vec<PlanMemo>> =
            std::cell::RefCell::new((0..2 * (N_LANGS + 1)).map(|_| PlanMemo::default()).collect());
    }
    // (the tokens `plan_token` turns away on their length alone need no memo)
    if tok.len() < MIN_PAIR_CHARS || tok.len() > MAX_GLUED_CHARS * 4 {
        return read(None);
    }
    let slot = memo_slot(lang, splits);
    let found = MEMO.with(|m| {
        m.borrow_mut()
            .get_mut(slot)
            .and_then(|m| m.read(tok, |plan| read(plan.as_ref())))
    });
    if let Some(v) = found {
        return v;
    }
    let plan = plan_token(tok, lang, splits);
    let v = read(plan.as_ref());
    MEMO.with(|m| {
        if let Some(m) = m.borrow_mut().get_mut(slot) {
            m.insert(tok.to_string(), plan);
        }
    });
    v
}

/// The memo of plans (and the verdicts' key) for a language, or none, and `splits`:
/// one of `2 × (N_LANGS + 1)`.
fn memo_slot(lang: Option<usize>, splits: bool) -> usize {
    2 * lang.map_or(0, |l| l + 1) + usize::from(splits)
}

/// Distinct tokens whose plans a [`remembered_plan`] memo keeps (at least; at most
/// twice as many, at about 100 bytes a plan). The plain path's verdicts have their
/// own larger table in front ([`Verdicts`]); this memo serves its misses and the
/// general path.
const PLAN_MEMO: usize = 4096;

/// The plans of one (language, `splits`).
type PlanMemo = super::text::Memo<Option<Fix>, PLAN_MEMO>;

/// [`normalize_value_with`] character by character, each with the input span it
/// stands for, so that every repair can name the original bytes. The repairs are
/// pushed step by step; `marks` gets the length of `repairs` after each step (see
/// [`Marks`]).
/// mojibake pass, the second, and hyphenation (the words' repairs come last).
fn normalize_general(
    parts: &[Fragment<'_>],
    lang: Option<&str>,
    mend: Mend,
    repairs: &mut Vec<Repair>,
    marks: &mut Marks,
) -> String {
    let repair = mend != Mend::Off;
    let splits = mend == Mend::All;
    let mut chs: Vec<Ch> = Vec::with_capacity(parts.iter().map(|p| p.text.len() + 1).sum());
    for p in parts {
        if let Some(last) = chs.last() {
            let e = last.end;
            chs.push(Ch {
                c: ' ',
                start: e,
                end: e,
                join: true,
            });
        }
        for (i, c) in p.text.char_indices() {
            chs.push(Ch {
                c,
                start: p.offset + i,
                end: p.offset + i + c.len_utf8(),
                join: false,
            });
        }
    }
    let lang = lang.and_then(lang_index);
    // ASCII holds no mojibake (its lead characters are `Â`–`ô`) and is NFC already;
    // cleaning keeps it ASCII
    let ascii = parts.iter().all(|p| p.text.is_ascii());
    if repair && !ascii {
        mojibake(&mut chs, parts, repairs);
    }
    marks[0] = repairs.len();
    let mut chs = clean(chs);
    if repair && !ascii {
        // once more: a zero-width character inside a damaged sequence hid it the first time
        let before = repairs.len();
        mojibake(&mut chs, parts, repairs);
        // what it decoded can be what the cleaning removes or folds (`Â` + `–` is the
        // C1 control U+0096, `Â` + `\u{A0}`... an NBSP): clean again, as a second
        // normalisation would
        if repairs.len() > before {
            chs = clean(chs);
        }
    }
    marks[1] = repairs.len();
    if !ascii {
        let mut composed;
        (chs, composed) = nfc(chs);
        // a composed letter can be the lead of mojibake (`A\u{303}` + `¡` is `Ã¡`):
        // read again until composing makes nothing new, as a second normalisation
        // would (at most twice more)
        for _ in 0..2 {
            if !(repair && composed) {
                break;
            }
            let before = repairs.len();
            mojibake(&mut chs, parts, repairs);
            if repairs.len() == before {
                break;
            }
            chs = clean(chs);
            (chs, composed) = nfc(chs);
        }
    }
    marks[2] = repairs.len();
    if repair {
        chs = hyphenation(chs, lang, repairs);
        marks[3] = repairs.len();
        chs = words(chs, lang, splits, repairs);
    } else {
        marks[3] = repairs.len();
    }
    chs.iter().map(|c| c.c).collect()
}

/// The input span covered by some characters (their smallest cover).
fn span_of(chs: &[Ch]) -> Span {
    let start = chs.iter().map(|c| c.start).min().unwrap_or(0);
    let end = chs.iter().map(|c| c.end).max().unwrap_or(start);
    Span::new(start, end)
}

/// The current text of some characters (a repair's `before` or `after`).
fn text_of(chs: &[Ch]) -> String {
    chs.iter().map(|c| c.c).collect()
}

/// The original text under `span`: the overlapping part of each fragment, joined by
/// a space as the fragments are.
fn source_text(parts: &[Fragment<'_>], span: Span) -> String {
    let mut out = String::new();
    let mut first = true;
    for p in parts {
        let (s, e) = (p.offset, p.offset + p.text.len());
        if e < span.start || s > span.end || (s == span.end && !p.text.is_empty()) {
            continue;
        }
        let a = span.start.max(s) - s;
        let b = span.end.min(e) - s;
        if let Some(t) = p.text.get(a..b) {
            if !first {
                out.push(' ');
            }
            out.push_str(t);
            first = false;
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Mojibake
// ---------------------------------------------------------------------------

/// Characters of Windows-1252 in 0x80..=0x9F that are not Latin-1 code points
/// (`€`, `’`, `™`, ...), with their byte: built from `encoding_rs`, not by hand.
fn cp1252_high() -> &'static [(char, u8)] {
    static TABLE: OnceLock<Vec<(char, u8)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80u8..=0x9F)
            .filter_map(|b| {
                let bytes = [b];
                let (s, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
                let c = s.chars().next()?;
                (c as u32 > 0xFF).then_some((c, b))
            })
            .collect()
    })
}

/// The byte a character had if it came from decoding UTF-8 bytes as Windows-1252
/// (or Latin-1, whose C1 controls stand for the bytes Windows-1252 leaves undefined).
fn mojibake_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if (0x80..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    if u < 0x80 {
        return None;
    }
    cp1252_high().iter().find(|(h, _)| *h == c).map(|(_, b)| *b)
}

/// Whether a character decoded from an `n`-byte UTF-8 sequence is one that policy
/// text plausibly contains; the ranges are narrow so that two legitimate accented
/// letters side by side are never read as one mojibake sequence.
fn plausible(c: char, n: usize, lead: u8) -> bool {
    let u = c as u32;
    match n {
        // Latin-1 supplement and Latin Extended-A (œ, Polish, Czech letters); the
        // Windows-1252 letters beyond (`ˆ`, `˜`, `ƒ`) and C1 controls, which are
        // what the first layer of doubly-encoded text is made of (`Ë†` → `ˆ`,
        // `Â\u{9D}` → U+009D, then `â€\u{9D}` → `”`); a C1 control left alone is
        // dropped by the cleaning anyway
        2 => (0xC2..=0xC5).contains(&lead) || cp1252_high().iter().any(|(h, _)| *h == c),
        // punctuation, currency, letterlike symbols (™), arrows, box drawing, shapes and
        // symbols (`■`, `⚠`, `✓`)
        3 => {
            matches!(u, 0x2000..=0x206F | 0x20A0..=0x20CF | 0x2100..=0x215F | 0x2190..=0x21FF | 0x2500..=0x27BF)
        }
        // emoji and pictographs
        4 => (0x1F000..=0x1FAFF).contains(&u),
        _ => false,
    }
}

/// One pass of mojibake repair; returns the spans repaired.
fn mojibake_pass(chs: &mut Vec<Ch>) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut out: Vec<Ch> = Vec::with_capacity(chs.len());
    let mut i = 0;
    while i < chs.len() {
        let ch = chs[i];
        if let Some(lead) = mojibake_byte(ch.c) {
            let n = match lead {
                0xC2..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF4 => 4,
                _ => 0,
            };
            if n > 0 && i + n <= chs.len() {
                let mut bytes = [lead, 0, 0, 0];
                let mut ok = true;
                for k in 1..n {
                    match mojibake_byte(chs[i + k].c) {
                        Some(b) if (0x80..=0xBF).contains(&b) => bytes[k] = b,
                        _ => {
                            ok = false;
                            break;
                        }
                    }
                }
                if ok {
                    if let Some(d) = std::str::from_utf8(&bytes[..n])
                        .ok()
                        .and_then(|s| s.chars().next())
                    {
                        if plausible(d, n, lead) {
                            let span = span_of(&chs[i..i + n]);
                            out.push(Ch {
                                c: d,
                                start: span.start,
                                end: span.end,
                                join: false,
                            });
                            spans.push(span);
                            i += n;
                            continue;
                        }
                    }
                }
            }
        }
        // `Â` left before a space: an NBSP (C2 A0) whose second byte became a plain
        // space on the way. Only after a lower-case letter, digit or punctuation, so
        // that capitals (`CHÂTEAU`, a title's `Â`) are never touched. The character is
        // the base of its combining marks (`a` of `a\u{303}`), as NFC, which runs later,
        // makes it (`ã`): else a second normalisation would remove what the first kept.
        if ch.c == 'Â'
            && chs.get(i + 1).is_some_and(|n| n.c == ' ')
            && i > 0
            && out
                .iter()
                .rev()
                .find(|p| !is_combining_mark(p.c))
                .is_some_and(|p| {
                    !p.c.is_whitespace()
                        && !p.c.is_uppercase()
                        && (p.c.is_letter_or_digit() || p.c.is_ascii_punctuation())
                })
        {
            spans.push(Span::new(ch.start, ch.end));
            i += 1;
            continue;
        }
        out.push(ch);
        i += 1;
    }
    *chs = out;
    spans
}

/// Repair mojibake, also doubly-encoded (up to three passes), one [`Repair`] per
/// repaired place with the original text before.
/// Cheap test before any repair: mojibake is a UTF-8 lead byte read as Windows-1252
/// (`Â`–`ô`) followed by a continuation byte read the same way (U+0080–U+00BF or
/// one of the Windows-1252 punctuation marks); accented text alone never has that
/// pair. `Â` before a plain space is an NBSP whose second byte became a space.
#[inline]
fn may_start_mojibake(a: char, b: char) -> bool {
    // the lead test first: it rejects almost every pair (ASCII text) before the
    // continuation test searches its list
    if !('\u{C2}'..='\u{F4}').contains(&a) {
        return false;
    }
    let cont = ('\u{80}'..='\u{BF}').contains(&b) || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(b);
    cont || (a == 'Â' && b == ' ')
}

/// Whether two characters side by side in `text` may start mojibake
/// ([`may_start_mojibake`]), as testing every pair of `text.chars()` says. A pair
/// starts with a character of `Â`..=`ô`, all of which UTF-8 writes with the lead
/// byte 0xC3, a byte no other character's encoding holds (continuation bytes are
/// 0x80..=0xBF): only those places are decoded.
fn has_mojibake_pair(text: &str) -> bool {
    memchr::memchr_iter(0xC3, text.as_bytes()).any(|at| {
        // (a lead byte starts a char: the slice cannot fail)
        let mut cs = text.get(at..).unwrap_or_default().chars();
        match (cs.next(), cs.next()) {
            (Some(a), Some(b)) => may_start_mojibake(a, b),
            _ => false,
        }
    })
}

fn mojibake(chs: &mut Vec<Ch>, parts: &[Fragment<'_>], repairs: &mut Vec<Repair>) {
    if !chs.windows(2).any(|w| may_start_mojibake(w[0].c, w[1].c)) {
        return;
    }
    let mut spans: Vec<Span> = Vec::new();
    for _ in 0..3 {
        let s = mojibake_pass(chs);
        if s.is_empty() {
            break;
        }
        spans.extend(s);
    }
    if spans.is_empty() {
        return;
    }
    // a later pass covers the spans of the earlier ones: keep the outermost only
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut kept: Vec<Span> = Vec::new();
    for s in spans {
        if let Some(last) = kept.last() {
            if s.start >= last.start && s.end <= last.end {
                continue;
            }
        }
        kept.push(s);
    }
    for span in kept {
        // the characters are in input order: find the first of the span by bisection
        let from = chs.partition_point(|c| c.start < span.start);
        let after: String = chs[from..]
            .iter()
            .take_while(|c| c.end <= span.end)
            .filter(|c| !c.join)
            .map(|c| c.c)
            .collect();
        repairs.push(Repair {
            kind: RepairKind::Mojibake,
            span,
            before: source_text(parts, span),
            after,
        });
    }
}

/// Mojibake repaired in a plain string, without spans or records: for a whole
/// document read from bytes (`decode`), and for matching headers and headings
/// against vocabularies (`FinalitÃ©` is `Finalité`). Returns the text (borrowed
/// when nothing changed) and the number of places repaired.
pub(crate) fn fix_mojibake(text: &str) -> (std::borrow::Cow<'_, str>, usize) {
    // most text has no suspicious pair at all: no per-character list is built for it
    if !has_mojibake_pair(text) {
        return (std::borrow::Cow::Borrowed(text), 0);
    }
    let mut chs: Vec<Ch> = text
        .char_indices()
        .map(|(i, c)| Ch {
            c,
            start: i,
            end: i + c.len_utf8(),
            join: false,
        })
        .collect();
    let mut places = 0;
    for _ in 0..3 {
        let n = mojibake_pass(&mut chs).len();
        if n == 0 {
            break;
        }
        // a later pass repairs what an earlier one made: count the first pass's places
        if places == 0 {
            places = n;
        }
    }
    if places > 0 {
        (std::borrow::Cow::Owned(text_of(&chs)), places)
    } else {
        (std::borrow::Cow::Borrowed(text), 0)
    }
}

// ---------------------------------------------------------------------------
// Cleaning
// ---------------------------------------------------------------------------

/// Characters that carry no text: controls (C0 other than whitespace, C1) and the
/// invisible format characters the document's text is read without
/// ([`crate::chars::is_invisible`]: zero-width characters, the BOM, soft hyphens,
/// direction marks).
fn is_dropped(c: char) -> bool {
    crate::chars::is_invisible(c) || (c.is_control() && !c.is_whitespace())
}

/// Drop invisible characters, fold every kind of space to one ASCII space, trim.
/// A folded space is a join when any space it replaces was one.
fn clean(chs: Vec<Ch>) -> Vec<Ch> {
    let mut out: Vec<Ch> = Vec::with_capacity(chs.len());
    let mut pending: Option<Ch> = None;
    for ch in chs {
        if is_dropped(ch.c) {
            continue;
        }
        if ch.c.is_whitespace() {
            if out.is_empty() {
                continue;
            }
            pending = Some(match pending {
                Some(p) => Ch {
                    c: ' ',
                    start: p.start,
                    end: ch.end.max(p.end),
                    join: p.join || ch.join,
                },
                None => Ch { c: ' ', ..ch },
            });
            continue;
        }
        if let Some(p) = pending.take() {
            out.push(p);
        }
        out.push(ch);
    }
    out
}

/// NFC, word by word (spaces never compose), only where the quick check says so.
fn nfc(chs: Vec<Ch>) -> (Vec<Ch>, bool) {
    if is_nfc_quick(chs.iter().map(|c| c.c)) == IsNormalized::Yes {
        return (chs, false);
    }
    let mut out = Vec::with_capacity(chs.len());
    for word in chs.split_inclusive(|c| c.c == ' ') {
        if is_nfc_quick(word.iter().map(|c| c.c)) == IsNormalized::Yes {
            out.extend_from_slice(word);
            continue;
        }
        let (body, space) = match word.split_last() {
            Some((last, body)) if last.c == ' ' => (body, Some(*last)),
            _ => (word, None),
        };
        let span = span_of(body);
        out.extend(body.iter().map(|c| c.c).nfc().map(|c| Ch {
            c,
            start: span.start,
            end: span.end,
            join: false,
        }));
        out.extend(space);
    }
    (out, true)
}

// ---------------------------------------------------------------------------
// Dictionaries
// ---------------------------------------------------------------------------

/// How many languages are registered: languages are indices into [`LANGUAGES`],
/// whose `words` are the frequency-ranked word lists (wordfreq 3.1.1, CC-BY-SA 4.0;
/// see `src/vocab/words/README.md`), one word a line, most frequent first.
const N_LANGS: usize = LANGUAGES.len();

/// Misspellings seen in real policies, `wrong<TAB>right`, lower case.
const TYPOS: &str = include_str!("../vocab/words/typos.tsv");

/// Web and privacy words the frequency lists miss that look like two words
/// (`usability`, `timestamp`): never split.
const KEEP: &str = include_str!("../vocab/words/keep.txt");

/// Vendor names (read, not owned, by this module): a glued-looking vendor name such
/// as `Outbrain` or `Onetrust` is never split.
const VENDORS: &str = include_str!("../vocab/data/vendors.txt");

/// The word list of language `i` of [`LANGUAGES`], word → rank (1 = most frequent),
/// read through the hash table `build.rs` compiled in (nothing is built at run time).
fn dict(i: usize) -> WordTable {
    LANGUAGES[i].word_list()
}

/// The index in [`LANGUAGES`] of an ISO 639-1 code; unsupported codes count as unknown.
fn lang_index(code: &str) -> Option<usize> {
    index_of(code)
}

/// The typo table, parsed once.
fn typos() -> &'static HashMap<&'static str, &'static str> {
    static T: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    T.get_or_init(|| {
        TYPOS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
}

/// The keep-list, parsed once.
fn keep() -> &'static HashSet<&'static str> {
    static K: OnceLock<HashSet<&'static str>> = OnceLock::new();
    K.get_or_init(|| {
        KEEP.lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    })
}

/// Vendor names folded to one lower-case token (`Active Campaign` → `activecampaign`),
/// and the words of names of several words.
fn vendor_tokens() -> &'static HashSet<String> {
    static V: OnceLock<HashSet<String>> = OnceLock::new();
    V.get_or_init(|| {
        VENDORS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(|l| {
                // the whole name as one token (`activecampaign`), and each of its words
                // (`Conva` of `Conva Ventures Inc`)
                let fold = |s: &str| {
                    s.chars()
                        .filter(|c| c.is_letter_or_digit())
                        .flat_map(char::to_lowercase)
                        .collect::<String>()
                };
                let mut forms = vec![fold(l)];
                if l.contains(' ') {
                    forms.extend(l.split(' ').map(fold));
                }
                forms
            })
            .filter(|s| !s.is_empty())
            .collect()
    })
}

/// Whether `w` is a word of any language's list (compared in lower case): the
/// prose reader takes an unlisted token after `the cookie` for a name (`dbln`), never
/// a listed one (`the cookie banner`).
pub(crate) fn is_any_language_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    is_known_word(&lower, None)
}

/// The best (lowest) rank `w` (compared in lower case) has in any language's list:
/// 1 for the most frequent word, `None` when no list holds it. A word of two or three
/// letters ranked low in every list is as often an abbreviation as a word (`gst`,
/// `fr`, `ts`).
pub(crate) fn best_rank_any_language(w: &str) -> Option<u32> {
    // (a word already in lower case, as the lifetime readers pass them, is not copied)
    let lower = if w.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(w.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(w)
    };
    (0..N_LANGS).filter_map(|l| dict(l).rank(&lower)).min()
}

/// Whether a lower-case ASCII word of four letters or more is two words of any
/// language's list glued, each of two letters or more (`estune`,
/// `speicherinformationen`): a compound or a lost space, not an unknown name.
pub(crate) fn is_two_words_glued(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() < 4 || b.len() > 32 || !b.iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    // (ASCII: every split is a character boundary)
    (2..=b.len() - 2).any(|i| is_known_word(&w[..i], None) && is_known_word(&w[i..], None))
}

/// Whether a lower-case ASCII word is one edit away from a word of any language's
/// list (a letter dropped, added, changed or two swapped: `utlizzati`, `tecnci`), or
/// two listed words glued (`estune`): a misspelt word, not an unknown name. The
/// prose reader asks it of the few tokens it would take for a name after `the cookie`.
pub(crate) fn is_near_any_language_word(w: &str) -> bool {
    /// Shorter words are one edit from too many others to tell anything.
    const MIN_LEN: usize = 4;
    let b = w.as_bytes();
    if b.len() < MIN_LEN || b.len() > 32 || !b.iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    if is_two_words_glued(w) {
        return true;
    }
    let known = |c: &[u8]| std::str::from_utf8(c).is_ok_and(|c| is_known_word(c, None));
    let mut buf: Vec<u8> = Vec::with_capacity(b.len() + 1);
    for i in 0..=b.len() {
        for c in b'a'..=b'z' {
            // a letter added here, or the letter here changed
            buf.clear();
            buf.extend_from_slice(&b[..i]);
            buf.push(c);
            buf.extend_from_slice(&b[i..]);
            if known(&buf) {
                return true;
            }
            if i < b.len() && b[i] != c {
                buf.remove(i + 1);
                if known(&buf) {
                    return true;
                }
            }
        }
        if i < b.len() {
            // the letter here dropped, or swapped with the next
            buf.clear();
            buf.extend_from_slice(&b[..i]);
            buf.extend_from_slice(&b[i + 1..]);
            if known(&buf) {
                return true;
            }
            if i + 1 < b.len() {
                buf.clear();
                buf.extend_from_slice(b);
                buf.swap(i, i + 1);
                if known(&buf) {
                    return true;
                }
            }
        }
    }
    false
}

/// Whether `w` (lower case) is a word of the document: of its language and of
/// English (which every policy borrows from), or of any language when unknown.
fn is_known_word(w: &str, lang: Option<usize>) -> bool {
    match lang {
        Some(l) => {
            dict(l).rank(w).is_some()
                || index_of("en").is_some_and(|e| e != l && dict(e).rank(w).is_some())
        }
        None => (0..N_LANGS).any(|l| dict(l).rank(w).is_some()),
    }
}

// ---------------------------------------------------------------------------
// Hyphenation
// ---------------------------------------------------------------------------

/// Words hyphenated across a fragment join: `func-` + `tionality` becomes
/// `functionality` when that is a word and the hyphenated form is not a compound;
/// a compound (`third-` + `party`) loses only the space; a suspended hyphen
/// (`Analyse-` + `und`) keeps it.
fn hyphenation(chs: Vec<Ch>, lang: Option<usize>, repairs: &mut Vec<Repair>) -> Vec<Ch> {
    if !chs.iter().any(|c| c.join) {
        return chs;
    }
    let mut out: Vec<Ch> = Vec::with_capacity(chs.len());
    let mut i = 0;
    while i < chs.len() {
        let ch = chs[i];
        let is_hyphen_join = ch.join
            && ch.c == ' '
            && out.len() >= 2
            && is_wrap_hyphen(out[out.len() - 1].c)
            && out[out.len() - 2].c.is_letter();
        if !is_hyphen_join {
            out.push(ch);
            i += 1;
            continue;
        }
        // the letter run before the hyphen and after the space
        let hy = out.len() - 1;
        let mut ls = hy;
        while ls > 0 && out[ls - 1].c.is_letter() {
            ls -= 1;
        }
        let mut re = i + 1;
        while re < chs.len() && chs[re].c.is_letter() {
            re += 1;
        }
        let left = lower(&out[ls..hy]);
        let right = lower(&chs[i + 1..re]);
        let right_starts_lower = chs.get(i + 1).is_some_and(|c| c.c.is_lowercase());
        let preceded_by_hyphen = ls > 0 && out[ls - 1].c == '-';
        let (Some(left), Some(right)) = (left, right) else {
            out.push(ch);
            i += 1;
            continue;
        };
        if right.is_empty() || repair_words().hyphen_next.contains(&right) {
            out.push(ch);
            i += 1;
            continue;
        }
        let compound = format!("{left}-{right}");
        let joined = format!("{left}{right}");
        if right_starts_lower
            && !preceded_by_hyphen
            && !repair_words().hyphen_compounds.contains(&compound)
            && !repair_words().hyphen_prefixes.contains(&left)
            && is_known_word(&joined, lang)
        {
            let before_chs: Vec<Ch> = out[ls..].iter().chain(&chs[i..re]).copied().collect();
            let span = span_of(&before_chs);
            let before = text_of(&before_chs);
            out.truncate(hy);
            out.extend_from_slice(&chs[i + 1..re]);
            repairs.push(Repair {
                kind: RepairKind::Hyphenation,
                span,
                before,
                after: text_of(&out[ls..]),
            });
            i = re;
            continue;
        }
        // a real hyphen at a line end: the wrap's space goes
        i += 1;
    }
    out
}

/// A hyphen that [`hyphenation`] reads before a line wrap.
fn is_wrap_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}')
}

/// Lower case of some characters, `None` when a character lowers to several.
fn lower(chs: &[Ch]) -> Option<String> {
    if chs.iter().all(|c| c.c.is_ascii()) {
        // (ASCII lowers to one character each, without the Unicode tables)
        return Some(chs.iter().map(|c| c.c.to_ascii_lowercase()).collect());
    }
    let mut s = String::with_capacity(chs.len());
    for c in chs {
        let mut l = c.c.to_lowercase();
        let first = l.next()?;
        if l.next().is_some() {
            return None;
        }
        s.push(first);
    }
    Some(s)
}

// ---------------------------------------------------------------------------
// Glued words and typos
// ---------------------------------------------------------------------------

/// Tokens longer than this (in characters) are never split: the search is quadratic
/// in the token, and no two or three words run together are longer.
const MAX_GLUED_CHARS: usize = 40;

/// Tokens shorter than this are never split (`ona`, `isa` are too ambiguous).
const MIN_GLUED_CHARS: usize = 5;

/// A lower-case or capitalised token's parts must each rank at most this high,
/// unless the token's case shows the boundary (`derSitzung`).
const MAX_PART_RANK: u32 = 8000;

/// Two-letter parts must be at least this common (lists carry abbreviations).
const MAX_SHORT_PART_RANK: u32 = 400;

/// Capitalised tokens split only after a word at least this common (`For`, `Dans`).
const MAX_CAPITAL_PREFIX_RANK: u32 = 50;

/// Two words that are both content words (neither among the most common
/// [`MAX_FUNCTION_RANK`]) are a closed compound as often as a glued pair
/// (`songbook`, `rainmaker`): they split only when both are this common.
const MAX_CONTENT_PAIR_RANK: u32 = 2500;

/// Words at least this common count as function words (articles, prepositions).
const MAX_FUNCTION_RANK: u32 = 300;

/// Tokens of this many characters split only into two function words (`dela`).
const MIN_PAIR_CHARS: usize = 4;

/// A function word before the capital of a `lowerUpper` token has at least this many
/// letters: `onClick`, `toString`, `inArray` are the shape of code.
const MIN_HUMP_FUNCTION_CHARS: usize = 3;

/// Each extra word costs this much (in log-rank units): fewer words are preferred.
const PART_PENALTY: f64 = 3.0;

/// A third word in a `lowerUpper` token costs this much more: its capital shows
/// one boundary, so two words are read whenever they can be.
const HUMP_THIRD_WORD_COST: f64 = 1000.0;

/// Apply typos and glued-word splits to every token of the folded text.
fn words(chs: Vec<Ch>, lang: Option<usize>, splits: bool, repairs: &mut Vec<Repair>) -> Vec<Ch> {
    let mut out: Vec<Ch> = Vec::with_capacity(chs.len() + 8);
    for chunk in chs.split_inclusive(|c| c.c == ' ') {
        word_chunk(chunk, lang, splits, repairs, &mut out);
    }
    out
}

/// Punctuation that may open a plain word (`(thesession`).
fn is_lead_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '"' | '\'' | '«' | '„' | '“' | '‘' | '¿' | '¡'
    )
}

/// Punctuation that may close a plain word (`thesession).`).
fn is_trail_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '"' | '\'' | '»' | '”' | '’' | '…' | ' '
    )
}

/// Apostrophes separate elided articles (`l’`) from the word after them.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// One space-delimited chunk: only plain words (letters, apostrophes, surrounding
/// punctuation) are looked at; anything with a digit, `_`, `.`, `-`, `/`, `@` inside
/// is a name, number, URL or code, and is copied as is.
fn word_chunk(
    chunk: &[Ch],
    lang: Option<usize>,
    splits: bool,
    repairs: &mut Vec<Repair>,
    out: &mut Vec<Ch>,
) {
    let mut a = 0;
    while a < chunk.len() && is_lead_punct(chunk[a].c) {
        a += 1;
    }
    let mut b = chunk.len();
    while b > a && is_trail_punct(chunk[b - 1].c) {
        b -= 1;
    }
    let core = &chunk[a..b];
    if core.len() < 4
        || core.len() > MAX_GLUED_CHARS * 4
        || !core.iter().all(|c| c.c.is_letter() || is_apostrophe(c.c))
    {
        out.extend_from_slice(chunk);
        return;
    }
    out.extend_from_slice(&chunk[..a]);
    for piece in core.split_inclusive(|c| is_apostrophe(c.c)) {
        let (body, apo) = match piece.split_last() {
            Some((l, body)) if is_apostrophe(l.c) => (body, Some(*l)),
            _ => (piece, None),
        };
        // a piece that ends in an apostrophe is an elided article (`l’`, `d’`)
        let fixed = if apo.is_some() {
            None
        } else {
            fix_token(body, lang, splits, repairs)
        };
        match fixed {
            Some(f) => out.extend(f),
            None => out.extend_from_slice(body),
        }
        out.extend(apo);
    }
    out.extend_from_slice(&chunk[b..]);
}

/// The case shape of a token, which decides what splits are allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `thesession`
    Lower,
    /// `Forthe`
    Capital,
    /// `derSitzung`: lower-case start, one capital at this char index.
    Hump(usize),
}

/// The case shape of a token, `None` for shapes never split (ALL CAPS, CamelCase,
/// `iPhone`). `n` is the token's length in chars.
fn shape(tok: &str, n: usize) -> Option<Shape> {
    // the first capital, and whether there is a second (no list is built)
    let mut uppers = tok
        .chars()
        .enumerate()
        .filter(|(_, c)| c.is_uppercase())
        .map(|(i, _)| i);
    match (uppers.next(), uppers.next()) {
        (None, _) => Some(Shape::Lower),
        (Some(0), None) => Some(Shape::Capital),
        (Some(h), None) if h >= 2 && n - h >= 3 => Some(Shape::Hump(h)),
        _ => None,
    }
}

/// Lower case of a token, `None` when a character lowers to several (as [`lower`]);
/// borrowed when it is lower case already.
fn lower_str(tok: &str) -> Option<std::borrow::Cow<'_, str>> {
    if tok.is_ascii() {
        // (ASCII lowers to one character each, without the Unicode tables)
        return Some(if tok.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(tok.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(tok)
        });
    }
    let mut s = String::with_capacity(tok.len());
    for c in tok.chars() {
        let mut l = c.to_lowercase();
        let first = l.next()?;
        if l.next().is_some() {
            return None;
        }
        s.push(first);
    }
    Some(std::borrow::Cow::Owned(s))
}

/// What repair does to one token.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Fix {
    /// A typo of the table: the token becomes this text.
    Typo(String),
    /// Glued words: a space goes before each of these char indices.
    Split(Vec<usize>),
}

/// The repair of one alphabetic token (its current text): a typo from the table, or
/// glued words split; `None` to keep the token. Both [`fix_token`] and the plain path
/// of [`normalize_value_with`] ask this, so they decide alike.
fn plan_token(tok: &str, lang: Option<usize>, splits: bool) -> Option<Fix> {
    // (the length in chars only matters up to `MAX_GLUED_CHARS`: more bytes than
    // four per char of that is longer for sure)
    if tok.len() < MIN_PAIR_CHARS || tok.len() > MAX_GLUED_CHARS * 4 {
        return None;
    }
    let n = tok.chars().count();
    if !(MIN_PAIR_CHARS..=MAX_GLUED_CHARS).contains(&n) {
        return None;
    }
    let shape = shape(tok, n)?;
    // an ASCII token (of at most `MAX_GLUED_CHARS` bytes here) is lowered on the stack
    let mut buf = [0u8; MAX_GLUED_CHARS];
    let lowered;
    let lw: &str = if tok.is_ascii() {
        let b = buf.get_mut(..tok.len())?;
        b.copy_from_slice(tok.as_bytes());
        b.make_ascii_lowercase();
        std::str::from_utf8(b).ok()?
    } else {
        lowered = lower_str(tok)?;
        &lowered
    };
    // (the table is asked only of tokens long enough for it)
    if let Some(right) = (n >= MIN_GLUED_CHARS).then(|| typos().get(lw)).flatten() {
        let mut after: String = right.to_string();
        if shape == Shape::Capital {
            let mut cs = after.chars();
            if let Some(f) = cs.next() {
                after = f.to_uppercase().chain(cs).collect();
            }
        }
        return Some(Fix::Typo(after));
    }
    // a word of the document's language (or of English) is kept unless it is one of
    // the language's glued forms (`dela`): asked first, as most tokens are words, and
    // the answer below would be the same (no function pair of a known word, and a
    // known word is never split)
    let known = lang.is_some() && is_known_word(lw, lang);
    if known && !lang.is_some_and(|l| lang_words(l).glued_forms.contains(lw)) {
        return None;
    }
    // vendor names (and each word of them), known cookie names (`usprivacy`,
    // `atuserid`, `appName`) and the keep-list are never split
    if vendor_tokens().contains(lw)
        || keep().contains(lw)
        || crate::fields::names::is_listed_name(lw)
    {
        return None;
    }
    let cuts = match function_pair(lw, shape, lang, known) {
        Some(cut) => vec![cut],
        // a word of any registered language is no glue: a Dutch table in a policy
        // whose prose is English keeps `weken` (`3 weken`), not `we ken`
        // a capital inside (`votreNavigateur`, `monthsThis`) is evidence of its own
        None if (!splits && !matches!(shape, Shape::Hump(_)))
            || n < MIN_GLUED_CHARS
            || known
            || is_known_word(lw, None) =>
        {
            return None
        }
        None => best_split(lw, shape, lang)?,
    };
    Some(Fix::Split(cuts))
}

/// Repair one alphabetic token: a typo from the table, or glued words split.
/// Returns the replacement characters, or `None` to keep the token.
fn fix_token(
    tok: &[Ch],
    lang: Option<usize>,
    splits: bool,
    repairs: &mut Vec<Repair>,
) -> Option<Vec<Ch>> {
    let before = text_of(tok);
    match remembered_plan(&before, lang, splits, |plan| plan.cloned())? {
        Fix::Typo(after) => {
            let span = span_of(tok);
            let new = after
                .chars()
                .map(|c| Ch {
                    c,
                    start: span.start,
                    end: span.end,
                    join: false,
                })
                .collect();
            repairs.push(Repair {
                kind: RepairKind::Typo,
                span,
                before,
                after,
            });
            Some(new)
        }
        Fix::Split(cuts) => {
            let mut new = Vec::with_capacity(tok.len() + 2);
            let mut prev = 0;
            for &cut in &cuts {
                new.extend_from_slice(&tok[prev..cut]);
                let at = tok[cut].start;
                new.push(Ch {
                    c: ' ',
                    start: at,
                    end: at,
                    join: false,
                });
                prev = cut;
            }
            new.extend_from_slice(&tok[prev..]);
            repairs.push(Repair {
                kind: RepairKind::GluedWord,
                span: span_of(tok),
                before,
                after: text_of(&new),
            });
            Some(new)
        }
    }
}

/// Two function words of the document's language glued (`atthe`, `surle`, `mitder`,
/// `dela`, `Dansle`): the char index of the cut, the cheapest by word rank when
/// there are several. Only when the token is no word of the language (nor of
/// English), or is one of the language's glued forms (`dela`, which the French
/// word list carries because web text writes it so); never in `lowerUpper` tokens
/// (see [`best_split`]).
/// `known` is [`is_known_word`] of `lw` in `lang`, which the callers have asked already.
/// The parts are slices of `lw`: no string is built per cut.
fn function_pair(lw: &str, shape: Shape, lang: Option<usize>, known: bool) -> Option<usize> {
    let l = lang?;
    if matches!(shape, Shape::Hump(_)) {
        return None;
    }
    let words = lang_words(l);
    if words.function_words.is_empty() || (known && !words.glued_forms.contains(lw)) {
        return None;
    }
    let mut best: Option<(f64, usize)> = None;
    // `i` counts chars (the cut returned), `b` is its byte offset in `lw`
    for (i, (b, _)) in lw.char_indices().enumerate().skip(1) {
        let (first, last) = lw.split_at(b);
        if !words.function_words.contains(first) || !words.function_words.contains(last) {
            continue;
        }
        let (Some(r1), Some(r2)) = (dict(l).rank(first), dict(l).rank(last)) else {
            continue;
        };
        // the cost of [`best_split`], so both read a pair alike
        let cost = ((r1 + 1) as f64).ln() + ((r2 + 1) as f64).ln();
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, i));
        }
    }
    best.map(|(_, i)| i)
}

/// Is the `lowerUpper` split `first|Last` two words rather than an identifier? In a
/// language that capitalises nouns (`derSitzung`, `akzeptierenNur`) unless the
/// first part is an English word and neither is a function word of the language
/// (`getItem`, `setItem` are code); elsewhere one side must be a function word of
/// the language (`votreNavigateur`, `monthsThis`) and not both (`forEach`), a
/// function word before the capital of three letters or more (`onClick`,
/// `toString` are code).
fn hump_is_words(first: &str, last: &str, l: usize) -> bool {
    let words = lang_words(l);
    let (f, t) = (
        words.function_words.contains(first),
        words.function_words.contains(last),
    );
    if words.capitalised_nouns {
        let english = index_of("en").is_some_and(|e| e != l && dict(e).rank(first).is_some());
        return f || t || !english;
    }
    ((f && first.chars().count() >= MIN_HUMP_FUNCTION_CHARS) || t) && !(f && t)
}

/// The rank of `w`, `chars` characters long, as a part of a split in language `l`,
/// if it may be one.
fn part_rank(w: &str, chars: usize, l: usize, max_rank: u32) -> Option<u32> {
    match chars {
        0 => None,
        1 => lang_words(l)
            .single_letters
            .contains(w)
            .then(|| dict(l).rank(w))
            .flatten(),
        2 => dict(l)
            .rank(w)
            .filter(|&r| r <= MAX_SHORT_PART_RANK.min(max_rank)),
        _ => dict(l).rank(w).filter(|&r| r <= max_rank),
    }
}

/// The cheapest split of `lw` (lower case) into two or three words of one language,
/// as char indices of the cuts; `None` when there is none the rules allow.
///
/// The cuts are char indices, the parts slices of `lw` between the byte offsets of
/// those chars: no string is built per candidate part (collecting each part into a
/// `String` was most of the cost of value repair).
fn best_split(lw: &str, shape: Shape, lang: Option<usize>) -> Option<Vec<usize>> {
    // `at[i]` is the byte offset of char `i`, `at[n]` the length: chars `a..b` are
    // `lw[at[a]..at[b]]`
    let at: Vec<usize> = lw
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(lw.len()))
        .collect();
    let n = at.len() - 1;
    // (the offsets are char boundaries: the slices cannot fail)
    let part = |a: usize, b: usize| lw.get(at[a]..at[b]).unwrap_or_default();
    let langs = match lang {
        Some(l) => l..l + 1,
        None => 0..N_LANGS,
    };
    let max_rank = match shape {
        Shape::Hump(_) => u32::MAX,
        _ => MAX_PART_RANK,
    };
    let hump = matches!(shape, Shape::Hump(_));
    let cost = |r: u32| ((r + 1) as f64).ln() + PART_PENALTY;
    let mut best: Option<(f64, Vec<usize>)> = None;
    let mut consider = |c: f64, cuts: &[usize]| {
        if best.as_ref().is_none_or(|(b, _)| c < *b) {
            best = Some((c, cuts.to_vec()));
        }
    };
    // prefix ranks, computed once per cut (index `i` for chars `..i`)
    let mut prefix: Vec<Option<u32>> = Vec::with_capacity(n);
    for l in langs {
        let words = lang_words(l);
        prefix.clear();
        prefix.push(None);
        prefix.extend((1..n).map(|i| part_rank(part(0, i), i, l, max_rank)));
        for (i, &r1) in prefix.iter().enumerate().skip(1) {
            let Some(r1) = r1 else { continue };
            let first = part(0, i);
            if !first_part_ok(first, r1, shape) {
                continue;
            }
            let last = part(i, n);
            if shape != Shape::Hump(i) {
                let verb_like = words
                    .participle_prefixes
                    .iter()
                    .any(|p| last.starts_with(p.as_str()))
                    || words
                        .verb_endings
                        .iter()
                        .any(|e| last.ends_with(e.as_str()))
                    || shape == Shape::Capital;
                if words.bound_prefixes.contains(first)
                    || (verb_like && words.separable_prefixes.contains(first))
                {
                    continue;
                }
            }
            let inflected = !hump && words.endings.contains(last);
            if let Some(r2) = part_rank(last, n - i, l, max_rank).filter(|_| !inflected) {
                let content_pair = r1.min(r2) > MAX_FUNCTION_RANK;
                // outside languages that capitalise nouns (`derSitzung`), a capital
                // inside a word is a camelCase identifier (`localStorage`, `dataLayer`)
                // unless a function word shows glued words (`votreNavigateur`) or a
                // lost sentence break (`monthsThis`)
                let identifier = hump && !hump_is_words(first, last, l);
                if boundary_ok(shape, &[i])
                    && !identifier
                    && (hump || !content_pair || r1.max(r2) <= MAX_CONTENT_PAIR_RANK)
                {
                    consider(cost(r1) + cost(r2), &[i]);
                }
            }
            // three words: none a single letter (`big a my` is `bigamy`), the last
            // not a short suffix-like word (`ti di ed`): the middle word from `i + 2`,
            // the last of three chars or more
            if i < 2 {
                continue;
            }
            for j in i + 2..n.saturating_sub(2) {
                let Some(r2) = part_rank(part(i, j), j - i, l, max_rank) else {
                    continue;
                };
                let last = part(j, n);
                if words.endings.contains(last) {
                    continue;
                }
                let Some(r3) = part_rank(last, n - j, l, max_rank) else {
                    continue;
                };
                // three words: at least two of them very common (`de la session`);
                // among the very most common when the language is unknown, where
                // seven lists offer many more short words (`te le cast`)
                let very = if lang.is_some() { 200 } else { 20 };
                let common = [r1, r2, r3].iter().filter(|&&r| r <= very).count();
                if common >= 2 && boundary_ok(shape, &[i, j]) {
                    // a hump that reads as two words is two words (`ontoStrength`,
                    // never `on to Strength`)
                    let hump_extra = if hump { HUMP_THIRD_WORD_COST } else { 0.0 };
                    consider(cost(r1) + cost(r2) + cost(r3) + hump_extra, &[i, j]);
                }
            }
        }
    }
    best.map(|(_, cuts)| cuts)
}

/// A capitalised token splits only after a very common function word.
fn first_part_ok(first: &str, rank: u32, shape: Shape) -> bool {
    if shape != Shape::Capital {
        return true;
    }
    rank <= MAX_CAPITAL_PREFIX_RANK && !repair_words().brand_starts.contains(first)
}

/// A hump token (`derSitzung`) must be cut at its capital.
fn boundary_ok(shape: Shape, cuts: &[usize]) -> bool {
    match shape {
        Shape::Hump(h) => cuts.last() == Some(&h),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_words() {
        // a letter dropped, added, changed, swapped; two words glued
        for w in [
            "utlizzati",
            "bannner",
            "cookei",
            "analytcs",
            "estune",
            "thesession",
        ] {
            assert!(is_near_any_language_word(w), "{w}");
        }
        // names, and what is not a lower-case ASCII word of four letters or more
        for w in [
            "lcsrc", "ptradtrt", "zqxjv", "fid", "Bannner", "ep201", "cookie-x",
        ] {
            assert!(!is_near_any_language_word(w), "{w}");
        }
    }

    /// [`Frags`] reads as the vector of its pieces however it was built: pushed one
    /// by one from empty, from a vector, extended, collected; one piece stays inline.
    #[test]
    fn frags_are_their_pieces() {
        let text = "abcdefgh";
        let piece = |i: usize| Fragment {
            text: &text[i..=i],
            offset: i,
        };
        for n in 0..5 {
            let want: Vec<Fragment<'_>> = (0..n).map(piece).collect();
            let mut pushed = Frags::default();
            for f in &want {
                pushed.push(*f);
            }
            let mut extended = Frags::from(want.first().copied().into_iter().collect::<Vec<_>>());
            extended.extend(want.iter().skip(1).copied());
            let collected: Frags<'_> = want.iter().copied().collect();
            for frags in [pushed, Frags::from(want.clone()), extended, collected] {
                assert_eq!(&*frags, &want[..], "{n}");
                assert_eq!(matches!(frags, Frags::One(_)), n == 1, "{n}");
                assert_eq!((&frags).into_iter().count(), n);
            }
        }
        let mut one = Frags::from(piece(0));
        one[0] = piece(3);
        assert_eq!(&*one, &[piece(3)]);
    }

    fn norm(parts: &[&str], lang: Option<&str>, repair: bool) -> (String, Vec<Repair>) {
        let mut off = 0;
        let mut frags = Vec::new();
        for p in parts {
            frags.push(Fragment {
                text: p,
                offset: off,
            });
            off += p.len() + 1;
        }
        let mut repairs = Vec::new();
        let out = normalize_value(&frags, lang, repair, &mut repairs);
        (out, repairs)
    }

    #[track_caller]
    fn check(parts: &[&str], lang: Option<&str>, want: &str) {
        let (got, _) = norm(parts, lang, true);
        assert_eq!(got, want, "input {parts:?} lang {lang:?}");
    }

    #[test]
    fn cleaning_without_repair() {
        let cases: &[(&[&str], &str)] = &[
            (&["  a\u{A0}\u{202F}b\t\nc  "], "a b c"),
            (&["soft\u{AD}ware"], "software"),
            (&["zero\u{200B}width\u{FEFF}\u{2060}"], "zerowidth"),
            (&["ctl\u{0}\u{7}\u{80}x"], "ctlx"),
            (&["e\u{301}te\u{301}"], "été"),
            (&["func-", "tionality"], "func- tionality"),
            (&["Forthe", "win"], "Forthe win"),
            (&["Ã©t’é"], "Ã©t’é"),
            (&["", "a", "", "b"], "a b"),
            (&[], ""),
        ];
        for (parts, want) in cases {
            let (got, reps) = norm(parts, Some("en"), false);
            assert_eq!(&got, want, "{parts:?}");
            assert!(reps.is_empty());
        }
    }

    #[test]
    fn mojibake_is_repaired() {
        let cases: &[(&str, &str)] = &[
            ("DurÃ©e", "Durée"),
            ("lâ€™utilisateur", "l’utilisateur"),
            ("Ã¼ber GerÃ¤te", "über Geräte"),
            ("13Â\u{A0}mois", "13 mois"),
            ("cookiesÂ :", "cookies :"),
            ("PrÃ\u{83}Â©fÃ\u{83}Â©rences", "Préférences"),
            ("Ã\u{81}lvaro", "Álvaro"),
            ("â‚¬ 5 â€“ â€œxâ€\u{9D}", "€ 5 – “x”"),
            ("Å“uvre", "œuvre"),
            // legitimate text stays
            (
                "São Paulo, âge, CHÂTEAU, Â la une",
                "São Paulo, âge, CHÂTEAU, Â la une",
            ),
            ("Ångström Ørsted ÉTÉ «Über»", "Ångström Ørsted ÉTÉ «Über»"),
            ("Ã", "Ã"),
        ];
        for (input, want) in cases {
            check(&[input], Some("fr"), want);
        }
    }

    #[test]
    fn fix_mojibake_for_matching() {
        assert_eq!(fix_mojibake("FinalitÃ©").0, "Finalité");
        assert_eq!(
            fix_mojibake("Cookies nÃƒÂ©cessaires").0,
            "Cookies nécessaires"
        );
        assert!(matches!(
            fix_mojibake("São").0,
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn mojibake_repairs_are_recorded_with_original_spans() {
        let (out, reps) = norm(&["xDurÃ©e"], None, true);
        assert_eq!(out, "xDurée");
        assert_eq!(reps.len(), 1);
        assert_eq!(reps[0].kind, RepairKind::Mojibake);
        assert_eq!(reps[0].span, Span::new(4, 8));
        assert_eq!(reps[0].before, "Ã©");
        assert_eq!(reps[0].after, "é");
        let (_, reps) = norm(&["PrÃ\u{83}Â©f"], None, true);
        assert_eq!(reps.len(), 1);
        assert_eq!(reps[0].before, "Ã\u{83}Â©");
        assert_eq!(reps[0].after, "é");
    }

    #[test]
    fn hyphenation_at_joins() {
        let cases: &[(&[&str], &str)] = &[
            (&["func-", "tionality"], "functionality"),
            (&["the first-", "party cookies"], "the first-party cookies"),
            (&["third-", "party"], "third-party"),
            (&["opt-", "out"], "opt-out"),
            (
                &["Analyse-", "und Marketingcookies"],
                "Analyse- und Marketingcookies",
            ),
            (&["Marketing-", "Cookies"], "Marketing-Cookies"),
            (&["a - ", "b"], "a - b"),
            (&["-", "x"], "- x"),
        ];
        for (parts, want) in cases {
            check(parts, Some("en"), want);
        }
        let (_, reps) = norm(&["the func-", "tionality"], Some("en"), true);
        assert_eq!(reps.len(), 1);
        assert_eq!(reps[0].kind, RepairKind::Hyphenation);
        assert_eq!(reps[0].span, Span::new(4, 19));
        assert_eq!(reps[0].after, "functionality");
    }

    #[test]
    fn glued_words_are_split() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            ("Forthe session", Some("en"), "For the session"),
            (
                "stored in thesession.",
                Some("en"),
                "stored in the session.",
            ),
            ("(thesession)", None, "(the session)"),
            ("durée delasession", Some("fr"), "durée de la session"),
            ("Dauer derSitzung", Some("de"), "Dauer der Sitzung"),
            ("l’utilisateurdu site", Some("fr"), "l’utilisateur du site"),
        ];
        for (input, lang, want) in cases {
            check(&[input], *lang, want);
        }
    }

    #[test]
    fn words_and_names_are_not_split() {
        let keep = [
            "together thesis notre pendant Zusammenarbeit therapist anonymisiert Besucher-ID",
            "_ga csrftoken cookielawinfo-checkbox-analytics tarteaucitron gtag.js",
            "PostHog TokenFactory CookieConsent Opendatasoft RegisterSecurely IndexEgaPro",
            "https://example.com/thesession user@thesession.com 1234567 thesession2",
            "Outbrain Onetrust Onesignal AddThis Cookiebot",
            "localStorage sessionStorage dataLayer userId clientId pageView",
            "THESESSION iPhone eBay",
        ];
        for text in keep {
            for lang in [None, Some("en"), Some("fr"), Some("de")] {
                check(&[text], lang, text);
            }
        }
    }

    #[test]
    fn glue_evidence_decides_how_far_repair_goes() {
        // two function words run together, or several function words led onto words
        assert!(glue_evidence("Forthe purposes of this policy", Some("en")));
        assert!(glue_evidence(
            "Stores thesession id, onthe page, forthe visitor and inthe cache",
            Some("en")
        ));
        // a clean text with a compound the lists lack, or one stray token, is not glued
        assert!(!glue_evidence(
            "Used as a fallback when the allowlist is empty.",
            Some("en")
        ));
        assert!(!glue_evidence("Traccia visite e conversioni.", Some("it")));
        // no language: no function words to go by, every repair as before
        assert!(glue_evidence("Used as a fallback.", None));
        let part = |t: &'static str| [Fragment { text: t, offset: 0 }];
        let mut repairs = Vec::new();
        let sure = normalize_value_with(&part("a fallback"), Some("en"), Mend::Sure, &mut repairs);
        let all = normalize_value_with(&part("a fallback"), Some("en"), Mend::All, &mut repairs);
        assert_eq!((sure.as_str(), all.as_str()), ("a fallback", "a fall back"));
        // what is sure still happens: function words glued, a capital inside
        let sure = normalize_value_with(
            &part("Forthe visitor, 2 monthsThis"),
            Some("en"),
            Mend::Sure,
            &mut repairs,
        );
        assert_eq!(sure, "For the visitor, 2 months This");
    }

    #[test]
    fn glued_repair_is_recorded() {
        let (out, reps) = norm(&["ab Forthe"], Some("en"), true);
        assert_eq!(out, "ab For the");
        assert_eq!(reps.len(), 1);
        assert_eq!(reps[0].kind, RepairKind::GluedWord);
        assert_eq!(reps[0].span, Span::new(3, 9));
        assert_eq!(reps[0].before, "Forthe");
        assert_eq!(reps[0].after, "For the");
    }

    #[test]
    fn typos_from_the_table() {
        check(&["we recieve data"], Some("en"), "we receive data");
        check(&["Vieleicht später"], Some("de"), "Vielleicht später");
        check(&["seperately stored"], None, "separately stored");
    }

    #[test]
    fn huge_tokens_are_kept() {
        // (their cost is measured by the hostile-input suite, not timed here)
        let big = "a".repeat(1 << 20);
        let (out, reps) = norm(&[&big], None, true);
        assert_eq!(out.len(), big.len());
        assert!(reps.is_empty());
        let mixed = "Ã©".repeat(1 << 18) + &"x\u{A0}".repeat(1 << 18);
        let (out, _) = norm(&[&mixed, "thesession-"], None, true);
        assert!(out.starts_with("éé"));
    }

    /// The measure of `tests/repair.rs`, with the document's language known (as the
    /// parser calls it): glued pairs of the top 2 000 words split back exactly,
    /// sampled real words of ranks 2 000–20 000 and unseen words kept whole.
    /// `cargo test --lib glued_words_with_language -- --nocapture` prints the table.
    #[test]
    fn glued_words_with_language() {
        // unseen words of each language (`misc/words/heldout-<code>.txt`), by code
        const HELD: &[(&str, &str)] = &[
            ("en", include_str!("../../misc/words/heldout-en.txt")),
            ("fr", include_str!("../../misc/words/heldout-fr.txt")),
            ("de", include_str!("../../misc/words/heldout-de.txt")),
            ("es", include_str!("../../misc/words/heldout-es.txt")),
            ("it", include_str!("../../misc/words/heldout-it.txt")),
            ("nl", include_str!("../../misc/words/heldout-nl.txt")),
            ("pt", include_str!("../../misc/words/heldout-pt.txt")),
        ];
        let run = |w: &str, l: &str| norm(&[w], Some(l), true).0;
        let mut seed: u64 = 7;
        let mut below = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % n
        };
        println!("\n| lang | glued pairs split exactly | real words kept (2k–20k) | unseen words kept (25k–60k) |");
        println!("| --- | --- | --- | --- |");
        for (li, language) in LANGUAGES.iter().enumerate() {
            let lang = &language.code;
            let words: Vec<&str> = language.words.lines().collect();
            let common: Vec<&str> = words[..2000]
                .iter()
                .copied()
                .filter(|w| w.chars().count() >= 2)
                .collect();
            let (mut pairs, mut ok) = (0, 0);
            while pairs < 3000 {
                let (a, b) = (common[below(common.len())], common[below(common.len())]);
                let glued = format!("{a}{b}");
                if is_known_word(&glued, Some(li)) {
                    continue;
                }
                pairs += 1;
                ok += usize::from(run(&glued, lang) == format!("{a} {b}"));
            }
            let real: Vec<&str> = words[2000..20000]
                .iter()
                .copied()
                .filter(|w| w.chars().count() >= 6)
                .collect();
            let kept = (0..3000)
                .filter(|_| {
                    let w = real[below(real.len())];
                    run(w, lang) == w
                })
                .count();
            let held = HELD.iter().find(|(c, _)| c == lang).map(|(_, t)| *t);
            let held: Vec<&str> = held
                .unwrap_or_else(|| panic!("misc/words/heldout-{lang}.txt is not listed"))
                .lines()
                .collect();
            let held_kept = held.iter().filter(|w| run(w, lang) == **w).count();
            let recall = ok as f64 / pairs as f64;
            let keep = kept as f64 / 3000.0;
            println!(
                "| {lang} | {recall:.4} ({ok}/{pairs}) | {keep:.4} ({kept}/3000) | {:.4} ({held_kept}/{}) |",
                held_kept as f64 / held.len() as f64,
                held.len()
            );
            assert!(recall >= 0.95, "{lang}: recall {recall}");
            assert!(keep >= 0.99, "{lang}: real words kept {keep}");
        }
    }

    /// `normalize_text` with repair, and again on its own output: the first text,
    /// after checking the second is the same.
    #[track_caller]
    fn normalized_idempotent(t: &str) -> String {
        let (once, _) = crate::normalize_text(t, true);
        let (twice, _) = crate::normalize_text(&once, true);
        assert_eq!(once, twice, "{t:?}");
        once
    }

    /// `Â` before a space after a letter with combining marks: the mark does not hide
    /// the letter, so the first normalisation removes the `Â` as the second would
    /// (found by fuzzing `normalize_text`: idempotence broke).
    #[test]
    fn nbsp_debris_after_a_combining_mark_is_idempotent() {
        let cases = [
            "\u{2}\u{FFFD}\0+a\u{303}Â\u{3} \u{FFFD}Â\u{FFFD}vÂ\u{FFFD}vÃ\u{FFFD}i",
            "a\u{303}Â \u{3}x",
            "e\u{301}\u{327}Â x",
            "A\u{303}Â x",
            "7\u{20DD}Â x",
            " \u{303}Â x",
        ];
        for t in cases {
            normalized_idempotent(t);
        }
        // the letter's `Â` goes; a capital's stays
        assert_eq!(crate::normalize_text("cafe\u{301}Â x", true).0, "café x");
        assert_eq!(crate::normalize_text("CAFE\u{301}Â x", true).0, "CAFÉÂ x");
    }

    /// A letter that NFC composes can lead a pair of mojibake (`A\u{303}` + `¡` is
    /// `Ã¡`, `á` read as Windows-1252): it is repaired after composing, so that a
    /// second normalisation changes nothing (found by fuzzing `normalize_text`).
    #[test]
    fn mojibake_made_by_composing_is_repaired_once() {
        let cases = [
            "C\u{FFFD}\u{FFFD}\u{FFFD}\u{1}\0\0\0\0\0A\u{303}¡¡\u{FFFD}erdsd\u{FFFD}",
            "A\u{303}¡",
            "caf A\u{303}© x",
            "A\u{303}\u{303}¡",
            "A\u{303}Â\u{303}© x",
        ];
        for t in cases {
            normalized_idempotent(t);
        }
        assert_eq!(crate::normalize_text("A\u{303}¡", true).0, "á");
    }

    /// What the second mojibake pass decodes can be a control or a space the
    /// cleaning had removed or folded (`Â` + `–` is U+0096 read as Windows-1252,
    /// `Â` + `\u{A0}` an NBSP): cleaned again, so a second normalisation changes
    /// nothing (found by fuzzing `normalize_text`).
    #[test]
    fn what_the_second_mojibake_pass_decodes_is_cleaned() {
        let cases = [
            "Â\0–\0\u{FFFD}",
            "x Â\u{200B}– y",
            "a Â\u{200B}\u{A0} b",
            "Â\u{200B}\u{A0}",
            "A\u{303}Â\u{200B}– x",
        ];
        for t in cases {
            let once = normalized_idempotent(t);
            assert!(!once.chars().any(|c| c.is_control()), "{t:?} -> {once:?}");
        }
    }

    /// Random values from a palette of troublesome characters, cut into random
    /// fragments: never a panic, spans inside the input, output folded.
    #[test]
    fn random_input_never_panics() {
        const PALETTE: &[&str] = &[
            "Ã",
            "©",
            "â",
            "€",
            "™",
            "Â",
            "\u{A0}",
            "-",
            " ",
            "\u{AD}",
            "\u{301}",
            "e",
            "the",
            "session",
            "'",
            "’",
            "_",
            "7",
            "\u{0}",
            "\u{200B}",
            "\u{81}",
            "ß",
            "İ",
            "Sitzung",
            "de",
            "la",
            "\n",
            "func-",
            "x.y",
            "@",
            "ğŸ",
            "\u{1F600}",
            "Ÿ",
        ];
        let mut seed: u64 = 42;
        let mut below = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % n
        };
        for _ in 0..3000 {
            let len = below(30);
            let input: String = (0..len).map(|_| PALETTE[below(PALETTE.len())]).collect();
            // cut at random char boundaries into fragments
            let mut cuts: Vec<usize> = (0..below(4))
                .map(|_| below(input.len() + 1))
                .filter(|&c| input.is_char_boundary(c))
                .collect();
            cuts.push(0);
            cuts.push(input.len());
            cuts.sort_unstable();
            cuts.dedup();
            let frags: Vec<Fragment<'_>> = cuts
                .windows(2)
                .map(|w| Fragment {
                    text: &input[w[0]..w[1]],
                    offset: w[0],
                })
                .collect();
            let lang = [None, Some("en"), Some("fr"), Some("de"), Some("xx")][below(5)];
            let mut reps = Vec::new();
            let out = normalize_value(&frags, lang, below(2) == 0, &mut reps);
            assert!(
                !out.contains("  ") && out.trim() == out,
                "{input:?} -> {out:?}"
            );
            for r in reps {
                assert!(
                    r.span.start <= r.span.end && r.span.end <= input.len(),
                    "{input:?}"
                );
                assert!(input.is_char_boundary(r.span.start) && input.is_char_boundary(r.span.end));
            }
        }
    }

    /// The plain path gives what the general path gives, with no repair, whenever
    /// it gives anything: over every ASCII character and random palette text in
    /// fragments, and over the corpus lines, wrapped into values of one to three lines.
    #[test]
    fn plain_path_matches_general() {
        #[track_caller]
        fn same(frags: &[Fragment<'_>], lang: Option<&str>, mend: Mend) -> bool {
            let plain = normalize_plain(frags, lang.and_then(lang_index), mend);
            let mut reps = Vec::new();
            let general = normalize_general(frags, lang, mend, &mut reps, &mut [0; 4]);
            if let Some(p) = &plain {
                assert_eq!(p, &general, "{frags:?} {lang:?} {mend:?}");
                assert!(reps.is_empty(), "{frags:?} {lang:?} {mend:?}: {reps:?}");
            }
            plain.is_some()
        }
        fn frags<'a>(pieces: &[&'a str]) -> Vec<Fragment<'a>> {
            let mut off = 0;
            pieces
                .iter()
                .map(|t| {
                    let f = Fragment {
                        text: t,
                        offset: off,
                    };
                    off += t.len() + 1;
                    f
                })
                .collect()
        }
        const MENDS: [Mend; 3] = [Mend::Off, Mend::Sure, Mend::All];
        // every ASCII character inside, before and after words, and at joins
        for b in 0u8..=127 {
            let c = (b as char).to_string();
            let texts = [
                format!("the{c}session"),
                format!("{c}Forthe"),
                format!("atthe{c}"),
                format!("func{c}"),
                format!("x{c}{c}y z"),
            ];
            for t in &texts {
                for pieces in [
                    vec![t.as_str()],
                    vec![t.as_str(), "tionality"],
                    vec!["a", t.as_str()],
                ] {
                    for lang in [None, Some("en"), Some("fr")] {
                        for mend in MENDS {
                            same(&frags(&pieces), lang, mend);
                        }
                    }
                }
            }
        }
        // random text of a palette of damage, words and glue
        const PALETTE: &[&str] = &[
            "Ã",
            "©",
            "â",
            "€",
            "Â",
            "\u{A0}",
            "-",
            "\u{2010}",
            " ",
            "\u{AD}",
            "\u{301}",
            "e",
            "é",
            "the",
            "session",
            "Forthe",
            "atthe",
            "dela",
            "'",
            "’",
            "(",
            ").",
            "_",
            "7",
            "\u{0}",
            "\u{200B}",
            "\u{81}",
            "ß",
            "İ",
            "Sitzung",
            "der",
            "votre",
            "Navigateur",
            "\n",
            "\t",
            "func-",
            "tionality",
            "x.y",
            "ğŸ",
            "Ÿ",
            "thesession",
            "Cookies",
        ];
        let mut seed: u64 = 7;
        let mut below = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % n
        };
        let mut plain = 0;
        for _ in 0..4000 {
            let pieces: Vec<String> = (0..1 + below(3))
                .map(|_| {
                    (0..below(8))
                        .map(|_| PALETTE[below(PALETTE.len())])
                        .collect()
                })
                .collect();
            let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
            let lang = [None, Some("en"), Some("fr"), Some("de"), Some("xx")][below(5)];
            plain += usize::from(same(&frags(&pieces), lang, MENDS[below(3)]));
        }
        assert!(plain > 400, "plain path taken {plain} times of 4000");
        // the corpus, line by line and wrapped
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        let (mut taken, mut total) = (0, 0);
        for (k, path) in files.iter().enumerate() {
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            let lines: Vec<&str> = text.lines().collect();
            let lang = [Some("en"), Some("fr"), Some("de"), None, Some("es")][k % 5];
            for (i, w) in lines.windows(3).enumerate() {
                let pieces = &w[..1 + i % 3];
                total += 1;
                taken += usize::from(same(&frags(pieces), lang, MENDS[i % 3]));
            }
        }
        assert!(
            total == 0 || taken * 2 > total,
            "plain path taken {taken} of {total}"
        );
    }

    /// A long value worked on piece by piece gives the text and the repairs (in the
    /// same order) of the whole value worked on at once: over random text of damage,
    /// glue, hyphens, joins and spaces of every kind, and over every corpus document
    /// read as one value of its lines.
    #[test]
    fn pieces_match_whole() {
        #[track_caller]
        fn same(frags: &[Fragment<'_>], lang: Option<&str>, mend: Mend) {
            let mut pieced = Vec::new();
            let got = normalize_value_with(frags, lang, mend, &mut pieced);
            let mut whole = Vec::new();
            let want = normalize_piece(frags, lang, mend, &mut whole, &mut [0; 4]);
            assert!(got == want, "{lang:?} {mend:?}: texts differ");
            assert_eq!(pieced, whole, "{lang:?} {mend:?}");
        }
        fn frags<'a>(pieces: &[&'a str]) -> Vec<Fragment<'a>> {
            let mut off = 0;
            pieces
                .iter()
                .map(|t| {
                    let f = Fragment {
                        text: t,
                        offset: off,
                    };
                    off += t.len() + 1;
                    f
                })
                .collect()
        }
        const MENDS: [Mend; 3] = [Mend::Off, Mend::Sure, Mend::All];
        const PALETTE: &[&str] = &[
            " ",
            " ",
            " ",
            "  ",
            "\t",
            "\n",
            "\u{A0}",
            "\u{200B}",
            "\u{AD}",
            "\u{301}",
            "-",
            "\u{2010}",
            "func-",
            "tionality",
            "Ã",
            "©",
            "Ã©",
            "â€™",
            "Â",
            "Â ",
            "ğŸ",
            "the",
            "session",
            "thesession",
            "Forthe",
            "atthe",
            "dela",
            "Sitzung",
            "der",
            "votre",
            "l’",
            "'",
            "(",
            ").",
            "_ga",
            "7",
            "x.y",
            "é",
            "ß",
            "Cookies",
            "\u{0}",
            "\u{81}",
            "A\u{303}",
            "¡",
            "a\u{303}",
        ];
        let mut seed: u64 = 11;
        let mut below = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % n
        };
        let mut cut = 0;
        for round in 0..60 {
            let pieces: Vec<String> = (0..1 + below(4))
                .map(|_| {
                    let mut t = String::new();
                    let len = [10, 3000, 5000, 9000][below(4)];
                    while t.len() < len {
                        t.push_str(PALETTE[below(PALETTE.len())]);
                    }
                    t
                })
                .collect();
            let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
            let lang = [None, Some("en"), Some("fr"), Some("de")][below(4)];
            let f = frags(&pieces);
            cut += usize::from(f.iter().map(|p| p.text.len()).sum::<usize>() > PIECE_BYTES);
            same(&f, lang, MENDS[round % 3]);
        }
        assert!(cut > 20, "only {cut} values long enough to be cut");
        // the places a cut would change the value: a hyphen before a wrap, `Â` before
        // a space, an invisible character before a space, each right where the first
        // cut is looked for
        let pad = "x".repeat(PIECE_BYTES - 6);
        for (a, b) in [
            (format!("{pad} func- "), "tionality is on"),
            (format!("{pad}xxxxÂ more"), "text"),
            (format!("{pad}xxxA\u{302} more"), "text"),
            (format!("{pad}xxxx\u{200B} more"), "text"),
            (format!("{pad}xxxx\u{A0} more"), "text"),
            (format!("{pad} Forthe session"), "text"),
        ] {
            for mend in MENDS {
                same(&frags(&[&a, b]), Some("en"), mend);
            }
        }
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        for (k, path) in files.iter().enumerate() {
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            let lines: Vec<&str> = text.lines().collect();
            let lang = [Some("en"), Some("fr"), Some("de"), None, Some("es")][k % 5];
            same(&frags(&lines), lang, MENDS[k % 3]);
        }
    }

    /// `alphabetic_runs` reads ASCII text byte by byte: the same runs as splitting
    /// at every non-alphabetic character, over every ASCII character and the corpus.
    #[test]
    fn alphabetic_runs_match_split() {
        #[track_caller]
        fn same(t: &str) {
            let mut got = Vec::new();
            alphabetic_runs(t, &mut got);
            let want: Vec<&str> = t
                .split(|c: char| !c.is_letter())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(got, want, "{t:?}");
        }
        for b in 0u8..=127 {
            let c = b as char;
            same(&format!("{c}ab{c}Cd{c}{c}e{c}"));
            same(&c.to_string());
        }
        same("");
        same("Forthe été, straße 42 thesession");
        crate::testing::corpus_lines().iter().for_each(|l| same(l));
    }

    /// `list_lines` gives the lines `str::lines` gives: over the word lists and the
    /// ends and returns that `lines` treats apart.
    /// [`glue_evidence_in`] as it was when it copied every word to lower case (the
    /// reference for reading a lower-case ASCII word as it is).
    fn glue_evidence_copying<'t>(texts: impl Iterator<Item = &'t str>, lang: Option<&str>) -> bool {
        let Some(l) = lang.and_then(lang_index) else {
            return true;
        };
        let words = lang_words(l);
        if words.function_words.is_empty() {
            return true;
        }
        // a function word glued to a listed word (`surcookies`, `thesession`): one such
        // token may be a real word the lists lack (`conversioni`), several are glue
        let mut led = 0;
        let mut lw = String::new();
        let mut words_of = Vec::new();
        for t in texts {
            words_of.clear();
            alphabetic_runs(t, &mut words_of);
            for &w in &words_of {
                if !(MIN_PAIR_CHARS..=MAX_GLUED_CHARS * 4).contains(&w.len()) {
                    continue;
                }
                let ascii = w.is_ascii();
                let n = if ascii { w.len() } else { w.chars().count() };
                if !(MIN_PAIR_CHARS..=MAX_GLUED_CHARS).contains(&n) {
                    continue;
                }
                let first_upper;
                if ascii {
                    // (an ASCII letter is lower or upper case as its ASCII case says)
                    let b = w.as_bytes();
                    first_upper = b[0].is_ascii_uppercase();
                    if !b[1..].iter().all(u8::is_ascii_lowercase) {
                        continue;
                    }
                } else {
                    let mut cs = w.chars();
                    first_upper = cs.next().is_some_and(char::is_uppercase);
                    if !cs.all(char::is_lowercase) {
                        continue;
                    }
                }
                lw.clear();
                if ascii {
                    lw.push_str(w);
                    lw.make_ascii_lowercase();
                } else {
                    lw.extend(w.chars().flat_map(char::to_lowercase));
                }
                let lw = lw.as_str();
                if is_known_word(lw, Some(l)) {
                    continue;
                }
                let shape = if first_upper {
                    Shape::Capital
                } else {
                    Shape::Lower
                };
                // (`lw` is no known word of the language: asked above)
                let pair =
                    n <= MAX_PAIR_TOKEN && function_pair(lw, shape, Some(l), false).is_some();
                let fw_then_word = !pair
                    && lw.char_indices().skip(2).take(6).any(|(i, _)| {
                        words.function_words.contains(&lw[..i])
                            && lw[i..].chars().count() >= 3
                            && is_known_word(&lw[i..], Some(l))
                    });
                // a word of another registered language is no glue (asked last: the dearest)
                if !(pair || fw_then_word) || is_known_word(lw, None) {
                    continue;
                }
                if pair {
                    return true;
                }
                led += 1;
                if led >= MIN_LED_TOKENS {
                    return true;
                }
            }
        }
        false
    }

    /// [`glue_evidence_in`] answers as [`glue_evidence_copying`] does: for every
    /// corpus line alone and for the whole corpus as one document, in every language
    /// and none, and for made-up glued and clean lines.
    #[test]
    fn lower_case_words_read_as_they_are() {
        let made_up = [
            "Forthe purposes of this policy",
            "Stores thesession id, onthe page, forthe visitor and inthe cache",
            "Used as a fallback when the allowlist is empty.",
            "STORES THESESSION ID, ONTHE PAGE",
            "Traccia visite e conversioni.",
            "surle site, dela page, mitder Seite, Überdie Seite",
        ];
        let lines = crate::testing::corpus_lines_and(&made_up);
        let codes: Vec<Option<&str>> = std::iter::once(None)
            .chain(LANGUAGES.iter().map(|l| Some(l.code)))
            .collect();
        for &code in &codes {
            for line in &lines {
                assert_eq!(
                    glue_evidence_in(std::iter::once(line.as_str()), code),
                    glue_evidence_copying(std::iter::once(line.as_str()), code),
                    "{code:?} {line:?}"
                );
            }
            let all = || lines.iter().map(String::as_str);
            assert_eq!(
                glue_evidence_in(all(), code),
                glue_evidence_copying(all(), code)
            );
        }
    }

    /// [`chunk_needs_fix`], which turns away chunks under four bytes before trimming
    /// them, answers as it did when it trimmed first (kept here): for every chunk of
    /// every corpus line, in every language and none, with and without splits.
    #[test]
    fn short_chunks_need_no_fix() {
        fn trimmed_first(chunk: &str, lang: Option<usize>, splits: bool) -> bool {
            let core = chunk
                .trim_start_matches(is_lead_punct)
                .trim_end_matches(is_trail_punct);
            if core.len() < 4 {
                return false;
            }
            if core.is_ascii() {
                let b = core.as_bytes();
                if b.len() > MAX_GLUED_CHARS * 4
                    || !b.iter().all(|&c| c.is_ascii_alphabetic() || c == b'\'')
                {
                    return false;
                }
                return core
                    .split_inclusive('\'')
                    .filter(|piece| !piece.ends_with('\''))
                    .any(|body| token_needs_fix(body, lang, splits));
            }
            let n = core.chars().count();
            if !(4..=MAX_GLUED_CHARS * 4).contains(&n)
                || !core.chars().all(|c| c.is_letter() || is_apostrophe(c))
            {
                return false;
            }
            core.split_inclusive(is_apostrophe)
                .filter(|piece| !piece.ends_with(is_apostrophe))
                .any(|body| token_needs_fix(body, lang, splits))
        }
        let made_up = [
            "(a)", "\"ab\"", "l’a", "d'un", "...", "a.b", "Forthe", "atthe,",
        ];
        let langs = [None, lang_index("en"), lang_index("de"), lang_index("fr")];
        for line in &crate::testing::corpus_lines_and(&made_up) {
            for chunk in line.split(' ') {
                for &lang in &langs {
                    for splits in [false, true] {
                        assert_eq!(
                            chunk_needs_fix(chunk, lang, splits),
                            trimmed_first(chunk, lang, splits),
                            "{chunk:?}"
                        );
                    }
                }
            }
        }
    }

    // The split search as it was, on `Vec<char>` parts collected into a `String`
    // each: the reference [`best_split`] must agree with.
    /// Is the `lowerUpper` split `first|Last` two words rather than an identifier? In a
    /// language that capitalises nouns (`derSitzung`, `akzeptierenNur`) unless the
    /// first part is an English word and neither is a function word of the language
    /// (`getItem`, `setItem` are code); elsewhere one side must be a function word of
    /// the language (`votreNavigateur`, `monthsThis`) and not both (`forEach`), a
    /// function word before the capital of three letters or more (`onClick`,
    /// `toString` are code).
    fn hump_is_words_reference(first: &[char], last: &[char], l: usize) -> bool {
        let words = lang_words(l);
        let as_string = |w: &[char]| w.iter().collect::<String>();
        let (first, last) = (as_string(first), as_string(last));
        let (f, t) = (
            words.function_words.contains(&first),
            words.function_words.contains(&last),
        );
        if words.capitalised_nouns {
            let english = index_of("en").is_some_and(|e| e != l && dict(e).rank(&first).is_some());
            return f || t || !english;
        }
        ((f && first.chars().count() >= MIN_HUMP_FUNCTION_CHARS) || t) && !(f && t)
    }

    /// The rank of `w` as a part of a split in language `l`, if it may be one.
    fn part_rank_reference(w: &[char], l: usize, max_rank: u32) -> Option<u32> {
        let s: String = w.iter().collect();
        match w.len() {
            0 => None,
            1 => lang_words(l)
                .single_letters
                .contains(&s)
                .then(|| dict(l).rank(&s))
                .flatten(),
            2 => dict(l)
                .rank(&s)
                .filter(|&r| r <= MAX_SHORT_PART_RANK.min(max_rank)),
            _ => dict(l).rank(&s).filter(|&r| r <= max_rank),
        }
    }

    /// The cheapest split of `lw` (lower case) into two or three words of one language,
    /// as char indices of the cuts; `None` when there is none the rules allow.
    fn best_split_reference(lw: &str, shape: Shape, lang: Option<usize>) -> Option<Vec<usize>> {
        let cs: Vec<char> = lw.chars().collect();
        let n = cs.len();
        let langs: Vec<usize> = match lang {
            Some(l) => vec![l],
            None => (0..N_LANGS).collect(),
        };
        let max_rank = match shape {
            Shape::Hump(_) => u32::MAX,
            _ => MAX_PART_RANK,
        };
        let cost = |r: u32| ((r + 1) as f64).ln() + PART_PENALTY;
        let mut best: Option<(f64, Vec<usize>)> = None;
        let mut consider = |c: f64, cuts: Vec<usize>| {
            if best.as_ref().is_none_or(|(b, _)| c < *b) {
                best = Some((c, cuts));
            }
        };
        for &l in &langs {
            // prefix ranks, computed once per cut
            let prefix: Vec<Option<u32>> = (0..=n)
                .map(|i| {
                    if i == 0 {
                        None
                    } else {
                        part_rank_reference(&cs[..i], l, max_rank)
                    }
                })
                .collect();
            for i in 1..n {
                let Some(r1) = prefix[i] else { continue };
                if !first_part_ok_reference(&cs[..i], r1, shape) {
                    continue;
                }
                if shape != Shape::Hump(i) {
                    let first: String = cs[..i].iter().collect();
                    let rest: String = cs[i..].iter().collect();
                    let words = lang_words(l);
                    let verb_like = words
                        .participle_prefixes
                        .iter()
                        .any(|p| rest.starts_with(p.as_str()))
                        || words
                            .verb_endings
                            .iter()
                            .any(|e| rest.ends_with(e.as_str()))
                        || shape == Shape::Capital;
                    if words.bound_prefixes.contains(&first)
                        || (verb_like && words.separable_prefixes.contains(&first))
                    {
                        continue;
                    }
                }
                let last: String = cs[i..].iter().collect();
                let inflected =
                    !matches!(shape, Shape::Hump(_)) && lang_words(l).endings.contains(&last);
                if let Some(r2) = part_rank_reference(&cs[i..], l, max_rank).filter(|_| !inflected)
                {
                    let content_pair = r1.min(r2) > MAX_FUNCTION_RANK;
                    let hump = matches!(shape, Shape::Hump(_));
                    // outside languages that capitalise nouns (`derSitzung`), a capital
                    // inside a word is a camelCase identifier (`localStorage`, `dataLayer`)
                    // unless a function word shows glued words (`votreNavigateur`) or a
                    // lost sentence break (`monthsThis`)
                    let identifier = hump && !hump_is_words_reference(&cs[..i], &cs[i..], l);
                    if boundary_ok(shape, &[i])
                        && !identifier
                        && (hump || !content_pair || r1.max(r2) <= MAX_CONTENT_PAIR_RANK)
                    {
                        consider(cost(r1) + cost(r2), vec![i]);
                    }
                }
                // three words: none a single letter (`big a my` is `bigamy`), the last
                // not a short suffix-like word (`ti di ed`)
                for j in i + 1..n {
                    if i < 2 || j - i < 2 || n - j < 3 {
                        continue;
                    }
                    let Some(r2) = part_rank_reference(&cs[i..j], l, max_rank) else {
                        continue;
                    };
                    let last: String = cs[j..].iter().collect();
                    if lang_words(l).endings.contains(&last) {
                        continue;
                    }
                    let Some(r3) = part_rank_reference(&cs[j..], l, max_rank) else {
                        continue;
                    };
                    // three words: at least two of them very common (`de la session`);
                    // among the very most common when the language is unknown, where
                    // seven lists offer many more short words (`te le cast`)
                    let very = if lang.is_some() { 200 } else { 20 };
                    let common = [r1, r2, r3].iter().filter(|&&r| r <= very).count();
                    if common >= 2 && boundary_ok(shape, &[i, j]) {
                        // a hump that reads as two words is two words (`ontoStrength`,
                        // never `on to Strength`)
                        let hump_extra = if matches!(shape, Shape::Hump(_)) {
                            HUMP_THIRD_WORD_COST
                        } else {
                            0.0
                        };
                        consider(cost(r1) + cost(r2) + cost(r3) + hump_extra, vec![i, j]);
                    }
                }
            }
        }
        best.map(|(_, cuts)| cuts)
    }

    /// A capitalised token splits only after a very common function word.
    fn first_part_ok_reference(first: &[char], rank: u32, shape: Shape) -> bool {
        if shape != Shape::Capital {
            return true;
        }
        let s: String = first.iter().collect();
        rank <= MAX_CAPITAL_PREFIX_RANK && !repair_words().brand_starts.contains(&s)
    }

    /// [`best_split`] on string slices gives the cuts of the search that collected
    /// every part into a `String`: every word of the corpus lines (in its case, and
    /// lowered) and made-up glues of common words of each language (two and three
    /// words, lower case, capitalised and humped), in every language and none.
    #[test]
    fn best_split_matches_reference() {
        let mut words: Vec<String> = Vec::new();
        for line in crate::testing::corpus_lines() {
            for w in line.split(|c: char| !c.is_letter()) {
                words.push(w.to_string());
                words.push(w.to_lowercase());
            }
        }
        // a small generator (no crate): the same made-up words every run
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move |m: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m as u64) as usize
        };
        let cap = |w: &str| {
            let mut cs = w.chars();
            cs.next()
                .map(|f| f.to_uppercase().chain(cs).collect::<String>())
                .unwrap_or_default()
        };
        for lang in LANGUAGES {
            let common: Vec<&str> = crate::vocab::word_table::list_words(lang.words)
                .map(|(_, w)| w)
                .take(600)
                .collect();
            for _ in 0..400 {
                let (a, b, c) = (
                    common[next(common.len())],
                    common[next(common.len())],
                    common[next(common.len())],
                );
                words.push(format!("{a}{b}"));
                words.push(format!("{a}{b}{c}"));
                words.push(cap(&format!("{a}{b}")));
                words.push(format!("{a}{}", cap(b)));
                words.push(format!("{a}{b}{}", cap(c)));
            }
        }
        words.extend(
            [
                "Forthe",
                "thesession",
                "derSitzung",
                "ÉtéCookie",
                "sessiónde",
            ]
            .map(String::from),
        );
        words.sort();
        words.dedup();
        let langs: Vec<Option<usize>> = std::iter::once(None)
            .chain((0..N_LANGS).map(Some))
            .collect();
        let mut compared = 0;
        for w in &words {
            let n = w.chars().count();
            if !(2..=MAX_GLUED_CHARS).contains(&n) {
                continue;
            }
            let (Some(sh), Some(lw)) = (shape(w, n), lower_str(w)) else {
                continue;
            };
            for &lang in &langs {
                assert_eq!(
                    best_split(&lw, sh, lang),
                    best_split_reference(&lw, sh, lang),
                    "{w:?} {lang:?}"
                );
                compared += 1;
            }
        }
        assert!(compared > 10_000, "{compared}");
    }

    /// [`has_mojibake_pair`] answers as testing every pair of chars does: corpus
    /// lines, their mojibake (each line's UTF-8 read as Latin-1, once and twice) and
    /// edge cases.
    #[test]
    fn mojibake_pairs_found_by_lead_byte() {
        let every_pair = |t: &str| {
            t.chars()
                .zip(t.chars().skip(1))
                .any(|(a, b)| may_start_mojibake(a, b))
        };
        let latin1 = |t: &str| t.bytes().map(char::from).collect::<String>();
        let mut texts = crate::testing::corpus_lines();
        let damaged: Vec<String> = texts.iter().map(|t| latin1(t)).collect();
        texts.extend(damaged.iter().map(|t| latin1(t)));
        texts.extend(damaged);
        texts.extend(
            [
                "",
                "Ã",
                "Â ",
                "xÂ",
                "Ã©",
                "ôx",
                "ô€",
                "Ã\u{83}Â©",
                "Ā€",
                "é€",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for t in &texts {
            assert_eq!(has_mojibake_pair(t), every_pair(t), "{t:?}");
            found += usize::from(every_pair(t));
        }
        assert!(found > 100, "{found}");
    }

    /// [`chunk_needs_fix`]'s byte path answers as the character path does (the
    /// reference, which reads any chunk): every chunk of the corpus lines, bare and
    /// wrapped in each kind of punctuation the trims know, ASCII and not, in every
    /// language, with and without splits.
    #[test]
    fn chunk_bytes_answer_as_chars() {
        let mut chunks: Vec<String> = Vec::new();
        for line in crate::testing::corpus_lines() {
            chunks.extend(line.split_whitespace().map(String::from));
        }
        chunks.sort();
        chunks.dedup();
        let mut words: Vec<String> = chunks
            .iter()
            .filter(|c| c.chars().all(crate::chars::is_alphabetic))
            .take(400)
            .cloned()
            .collect();
        words.extend(
            [
                "thesession",
                "Forthe",
                "l'été",
                "dell’utente",
                "aujourd'hui",
            ]
            .map(String::from),
        );
        for w in &words {
            for (open, close) in [
                ("(", ")."),
                ("«", "»"),
                ("\"", "\","),
                ("'", "'"),
                ("¿", "?"),
                ("„", "“"),
                ("[", "]…"),
                ("", "’"),
                ("", "é"),
                ("é", ""),
                ("(", "1"),
            ] {
                chunks.push(format!("{open}{w}{close}"));
            }
        }
        for lang in [None, index_of("en"), index_of("fr"), index_of("de")] {
            for splits in [false, true] {
                for c in &chunks {
                    assert_eq!(
                        chunk_needs_fix(c, lang, splits),
                        chunk_needs_fix_chars(c, lang, splits),
                        "{c:?} {lang:?} {splits}"
                    );
                }
            }
        }
    }

    /// The memoised [`token_needs_fix`] answers as [`plan_token`] does, and the
    /// memoised plan ([`remembered_plan`]) is its plan, asked twice
    /// (the second answer from the memo) in every language, with and without
    /// splits: every word of the corpus lines, in its case and lower-cased, and words
    /// that are typos, glued, humped or non-ASCII.
    #[test]
    fn remembered_plans_are_the_plans() {
        let mut words: Vec<String> = Vec::new();
        for line in crate::testing::corpus_lines() {
            for w in line.split(|c: char| !c.is_letter() && c != '\'') {
                words.push(w.to_string());
                words.push(w.to_lowercase());
            }
        }
        words.extend(
            [
                "",
                "a",
                "Forthe",
                "thesession",
                "atthe",
                "surle",
                "dela",
                "derSitzung",
                "monthsThis",
                "votreNavigateur",
                "Cookiie",
                "sessión",
                "ÉtéCookie",
                "l'été",
                "Outbrain",
                "usprivacy",
                "x".repeat(200).as_str(),
            ]
            .map(String::from),
        );
        words.sort();
        words.dedup();
        let langs: Vec<Option<usize>> = std::iter::once(None)
            .chain((0..N_LANGS).map(Some))
            .collect();
        for &lang in &langs {
            for splits in [false, true] {
                for _ in 0..2 {
                    for w in &words {
                        let want = plan_token(w, lang, splits);
                        assert_eq!(
                            token_needs_fix(w, lang, splits),
                            want.is_some(),
                            "{w:?} {lang:?}"
                        );
                        let got = remembered_plan(w, lang, splits, |p| p.cloned());
                        assert_eq!(got, want, "{w:?} {lang:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn spans_stay_on_char_boundaries_of_the_input() {
        let input = "Ã©tÃ© thesession 13Â\u{A0}mois Forthe";
        let (_, reps) = norm(&[input], Some("fr"), true);
        for r in reps {
            assert!(input.is_char_boundary(r.span.start) && input.is_char_boundary(r.span.end));
            assert!(r.span.start <= r.span.end && r.span.end <= input.len());
        }
    }
}
