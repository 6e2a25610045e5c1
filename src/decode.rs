//! Stage 1: bytes → text, and the text → what the parser reads.
//!
//! Two steps, kept apart so that spans can always be traced back to text the caller
//! holds (the provenance contract, `docs/provenance.md`):
//!
//! 1. [`decode`] (bytes input only) turns bytes into text by their character
//!    encoding and nothing else: UTF-8 (with or without a BOM), UTF-16 with a BOM, or,
//!    failing both, Windows-1252 — by `encoding_rs` (the WHATWG definitions browsers
//!    use), never by hand tables. This text is what [`crate::parse_policy_bytes`]
//!    returns, and what every span indexes. Input that is not text at all (an
//!    executable, an image: NUL and other control characters all over) is refused
//!    here with [`Error::NotText`], so that it never turns into records.
//! 2. [`prepare`] makes the text the parser reads. With `repair` on, control
//!    characters other than line structure are dropped (a form feed from pdftotext,
//!    NUL from binary junk) and whole-document mojibake is repaired (`Ã©` → `é`), each
//!    change listed as a [`Repair`] whose span indexes the caller's text; an
//!    [`OffsetMap`] then carries every span the parser reports back into the caller's
//!    text, so that nothing drifts. With `repair` off nothing is repaired: the text
//!    is read as it is, and what would have been changed is only warned about.
//!    Either way the last step reads every character as what the page shows
//!    ([`space_references`]: a no-break space's reference `&nbsp;` is a space;
//!    [`plain_characters`]: a no-break space is a space, a soft hyphen or a
//!    zero-width space nothing, a box-drawing `│` a `|`, a decomposed accent
//!    composed), which is no repair
//!    and is not listed: field values were always normalised so.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::error::Error;
use crate::policy::{Repair, RepairKind, Span, Warning, WarningKind};

/// At most this many `ControlCharacters` warnings (and repairs) are given one by one;
/// the rest are summed up in one last warning, so a damaged file cannot flood the output.
const MAX_CONTROL_WARNINGS: usize = 20;

/// The not-text test looks at this many characters from the start, as git and
/// ripgrep look at a prefix: enough to tell, independent of the input's size.
const SNIFF_CHARS: usize = 8192;

/// Decode `bytes`; returns the text, the encoding's name and any warnings, or
/// [`Error::NotText`].
///
/// - a UTF-8 BOM, or bytes that are valid UTF-8: UTF-8 (the BOM is removed);
/// - a UTF-16 LE or BE BOM: UTF-16 (malformed units become U+FFFD, with a warning);
/// - anything else: Windows-1252, with an `EncodingFallback` warning, because that is
///   what pages saved on Windows in the supported languages are.
pub(crate) fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static str, Vec<Warning>), Error> {
    let mut warnings = Vec::new();
    let (text, name): (Cow<'_, str>, &'static str) = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => {
            let body = &bytes[bom_len..];
            let (text, had_errors) = enc.decode_without_bom_handling(body);
            let name = if enc == UTF_16LE {
                "utf-16le"
            } else if enc == UTF_16BE {
                "utf-16be"
            } else {
                "utf-8"
            };
            if had_errors {
                warnings.push(Warning {
                    kind: WarningKind::EncodingFallback,
                    message: format!(
                        "the input starts with a {name} byte-order mark but is not valid {name}; \
                         malformed sequences were replaced by U+FFFD"
                    ),
                    span: Span::new(0, text.len()),
                });
            }
            (text, name)
        }
        None => match std::str::from_utf8(bytes) {
            Ok(s) => (Cow::Borrowed(s), "utf-8"),
            Err(e) => {
                let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
                warnings.push(Warning {
                    kind: WarningKind::EncodingFallback,
                    message: format!(
                        "the input is not valid UTF-8 (first bad byte at offset {}); \
                         decoded as Windows-1252",
                        e.valid_up_to()
                    ),
                    span: Span::new(0, text.len()),
                });
                (text, "windows-1252")
            }
        },
    };
    check_text(&text)?;
    Ok((text, name, warnings))
}

/// For each byte, what [`check_text`] counts: 1 when it starts a character (it is no
/// UTF-8 continuation byte), plus `1 << 16` when it is a character no text holds (a
/// C0 control other than tab, line feed, vertical tab, form feed and carriage return,
/// or DEL).
static SNIFF_CLASS: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut b = 0usize;
    while b < 256 {
        let byte = b as u8;
        let starts = byte & 0xC0 != 0x80;
        let kept = matches!(byte, b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
        let control = (byte < b' ' && !kept) || byte == 0x7F;
        t[b] = starts as u32 | ((control as u32) << 16);
        b += 1;
    }
    t
};

/// Characters no text holds: C0 controls other than tab, line feed, vertical tab,
/// form feed and carriage return, and DEL ([`check_text`] tests their bytes; this is
/// the reference its test compares with).
#[cfg(test)]
fn is_binary_char(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\x0B' | '\x0C' | '\r')) || c == '\u{7F}'
}

/// `Err(NotText)` when more than 1 in 20 of the first [`SNIFF_CHARS`] characters
/// (and at least 4) are characters no text holds. A stray NUL or two in a policy
/// (`_g\0a`) is text with damage, parsed and warned about; an executable, an image or
/// a compressed file decoded as Windows-1252 has far more (about 1 in 9 for random
/// bytes, most of an ELF header is NUL).
///
/// Counted over bytes, one lookup in [`SNIFF_CLASS`] a byte (every document passes
/// here, and decoding it character by character cost more than the rest of the
/// check): a character starts at each byte that is not a UTF-8 continuation byte,
/// and every character no text holds is one ASCII byte. Only a text longer than the
/// sample is decoded, to find where the sample ends.
pub(crate) fn check_text(text: &str) -> Result<(), Error> {
    let bytes = text.as_bytes();
    let cut = if bytes.len() <= SNIFF_CHARS {
        bytes.len()
    } else {
        text.char_indices()
            .nth(SNIFF_CHARS)
            .map_or(bytes.len(), |(i, _)| i)
    };
    // one table lookup a byte: the low half counts characters, the high half controls
    // (a sample is at most 4 × SNIFF_CHARS bytes, so neither half overflows)
    let both: u32 = bytes[..cut]
        .iter()
        .map(|&b| SNIFF_CLASS[usize::from(b)])
        .sum();
    let (sampled, controls) = ((both & 0xFFFF) as usize, (both >> 16) as usize);
    if controls >= 4 && controls * 20 > sampled {
        return Err(Error::NotText { controls, sampled });
    }
    Ok(())
}

/// C0 controls that are not line structure: they carry no text and confuse every
/// later stage.
pub(crate) fn is_dropped_control(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{7F}'
}

/// The text the parser reads, and how to carry its positions back to the caller's.
pub(crate) struct Prepared<'a> {
    /// What the parser reads: the caller's text, or a repaired copy.
    pub(crate) text: Cow<'a, str>,
    /// From positions in `text` to positions in the caller's text.
    pub(crate) map: OffsetMap,
    /// Warnings, with spans into the caller's text.
    pub(crate) warnings: Vec<Warning>,
    /// The changes made, with spans into the caller's text.
    pub(crate) repairs: Vec<Repair>,
}

/// Make the text the parser reads from the caller's `text` (see the module docs).
pub(crate) fn prepare(text: &str, repair: bool) -> Prepared<'_> {
    let mut warnings = Vec::new();
    let mut repairs = Vec::new();
    if !repair {
        for at in lone_crs(text) {
            warnings.push(Warning {
                kind: WarningKind::ControlCharacters,
                message: "a carriage return inside a line (the text ends its lines with line \
                          feeds) was read as a line end, because repair is off"
                    .to_string(),
                span: Span::new(at, at + 1),
            });
        }
        warn_controls(text, &mut warnings);
        let (_, places) = crate::fields::repair::fix_mojibake(text);
        if places > 0 {
            warnings.push(Warning {
                kind: WarningKind::EncodingFallback,
                message: format!(
                    "the text seems to hold UTF-8 that was read as Windows-1252 (mojibake \
                     such as `Ã©`) in {places} place(s); left as it is, because repair is off"
                ),
                span: Span::new(0, text.len()),
            });
        }
        let (text, map) = shown(text);
        return Prepared {
            text,
            map,
            warnings,
            repairs,
        };
    }
    let spaced = space_lone_crs(text, &mut warnings, &mut repairs);
    let (mid, controls) = match &spaced {
        Cow::Borrowed(t) => drop_controls(t, &mut warnings, &mut repairs),
        Cow::Owned(t) => {
            let (mid, map) = drop_controls(t, &mut warnings, &mut repairs);
            (Cow::Owned(mid.into_owned()), map)
        }
    };
    let (fixed, places) = crate::fields::repair::fix_mojibake(&mid);
    if places == 0 {
        drop(fixed);
        let (text, plain) = match mid {
            Cow::Borrowed(t) => shown(t),
            Cow::Owned(t) => owned_shown(t),
        };
        return Prepared {
            text,
            map: controls.then(plain),
            warnings,
            repairs,
        };
    }
    let fixed = fixed.into_owned();
    let moji = diff_mojibake(&mid, &fixed);
    for e in &moji {
        let span = controls.span(Span::new(e.from().0, e.from().1));
        repairs.push(Repair {
            kind: RepairKind::Mojibake,
            span,
            before: text[span.start..span.end].to_string(),
            after: fixed[e.to().0..e.to().1].to_string(),
        });
    }
    warnings.push(Warning {
        kind: WarningKind::EncodingFallback,
        message: format!(
            "the text holds UTF-8 that was read as Windows-1252 (mojibake such as `Ã©`); \
             {places} place(s) repaired before parsing"
        ),
        span: Span::new(0, text.len()),
    });
    repairs.sort_by_key(|r| (r.span.start, r.span.end));
    let (text, plain) = owned_shown(fixed);
    Prepared {
        text,
        map: controls.then(OffsetMap::layer(moji)).then(plain),
        warnings,
        repairs,
    }
}

/// The text as the page shows it: [`space_references`], then [`plain_characters`].
fn shown(text: &str) -> (Cow<'_, str>, OffsetMap) {
    match space_references(text) {
        (Cow::Borrowed(t), _) => plain_characters(t),
        (Cow::Owned(t), refs) => {
            let (plain, map) = owned_plain(t);
            (plain, refs.then(map))
        }
    }
}

/// [`shown`] of a text the caller gives up.
fn owned_shown<'a>(text: String) -> (Cow<'a, str>, OffsetMap) {
    let (spaced, refs) = match space_references(&text) {
        (Cow::Borrowed(_), _) => (None, OffsetMap::default()),
        (Cow::Owned(t), refs) => (Some(t), refs),
    };
    match spaced {
        None => owned_plain(text),
        Some(t) => {
            let (plain, map) = owned_plain(t);
            (plain, refs.then(map))
        }
    }
}

/// The text with each character reference of a no-break space (`&nbsp;`, `&#160;`,
/// `&#xA0;`, any case) read as a space: text copied from a page's source, or a
/// converter that escaped them, shows a space there (`_ga&nbsp;`, `2&nbsp;years`),
/// and every reader that matches words or gaps would otherwise read a name cut at the
/// reference's `;` or a lifetime of one word. Other references are left to the field
/// values (`fields::text::decode_markup`): they are no gap. As [`plain_characters`],
/// no repair is listed, and spans are carried back to the reference.
fn space_references(text: &str) -> (Cow<'_, str>, OffsetMap) {
    let bytes = text.as_bytes();
    let mut rewrite = Rewrite::new(text);
    for at in memchr::memchr_iter(b'&', bytes) {
        if let Some(n) = space_reference_len(&bytes[at..]) {
            rewrite.replace((at, at + n), " ");
        }
    }
    rewrite.finish()
}

/// The length of a no-break space's character reference at the start of `b`.
fn space_reference_len(b: &[u8]) -> Option<usize> {
    const REFERENCES: [&[u8]; 3] = [b"&nbsp;", b"&#160;", b"&#xa0;"];
    REFERENCES
        .iter()
        .find(|r| b.get(..r.len()).is_some_and(|p| p.eq_ignore_ascii_case(r)))
        .map(|r| r.len())
}

/// [`plain_characters`] of a text the caller gives up.
fn owned_plain<'a>(text: String) -> (Cow<'a, str>, OffsetMap) {
    let (plain, map) = plain_characters(&text);
    match plain {
        Cow::Borrowed(_) => (Cow::Owned(text), map),
        Cow::Owned(p) => (Cow::Owned(p), map),
    }
}

/// The text with every character read as what it shows, the last step of
/// [`prepare`], with repair on or off: a space other than the ASCII one (the
/// no-break space of `2&nbsp;years`, the narrow one French puts before a colon)
/// becomes a space, an invisible format character (the soft hyphen of
/// `Mark&shy;eting`, zero-width spaces and joiners, direction marks) is dropped,
/// a line or paragraph separator (`U+2028`, `U+2029`, `U+0085`) ends the line, a
/// box-drawing line is the ASCII one a text table draws ([`box_drawing`]), and
/// a word not in Unicode NFC (`e` and a combining accent, as some PDF tools and
/// pasteboards give it) is composed. None of this is damage: the page shows the
/// same text either way, and field values were always normalised so; but every
/// reader that matches words, spaces or line ends (header words, gaps between
/// columns, category headings, names) would otherwise miss them. No repair or
/// warning is listed; spans are carried back to the caller's characters, a
/// composed word's spans widening to the whole word.
///
/// Only words (runs between ASCII whitespace) holding a character that may change
/// are looked at ([`may_change`]), each on its own: NFC never composes across a
/// space or a line end. ASCII is passed over eight bytes at a time.
pub(crate) fn plain_characters(text: &str) -> (Cow<'_, str>, OffsetMap) {
    let bytes = text.as_bytes();
    let is_gap = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    let mut rewrite = Rewrite::new(text);
    // `i`: where to look on; `done`: the end of the last word looked at
    let (mut i, mut done) = (0, 0);
    while let Some(p) = next_non_ascii(bytes, i) {
        let mut q = p;
        let mut change = false;
        for c in text[p..].chars() {
            if c.is_ascii() {
                break;
            }
            change |= may_change(c);
            q += c.len_utf8();
        }
        if !change {
            i = q;
            continue;
        }
        let start = bytes[done..p]
            .iter()
            .rposition(is_gap)
            .map_or(done, |k| done + k + 1);
        let end = bytes[q..]
            .iter()
            .position(is_gap)
            .map_or(bytes.len(), |k| q + k);
        let word = &text[start..end];
        if is_nfc_quick(word.chars()) == IsNormalized::Yes {
            // the characters before `p` need no change
            for (k, c) in text[p..end].char_indices() {
                if let Some(to) = plain_char(c) {
                    rewrite.replace((p + k, p + k + c.len_utf8()), to);
                }
            }
        } else {
            let mut plain = String::with_capacity(word.len());
            for c in word.chars() {
                plain.push_str(plain_char(c).unwrap_or(c.encode_utf8(&mut [0; 4])));
            }
            let composed: String = plain.nfc().collect();
            if composed != word {
                rewrite.replace((start, end), &composed);
            }
        }
        (i, done) = (end, end);
    }
    rewrite.finish()
}

/// A copy of a text with byte ranges replaced in order, and the edits that carry
/// its positions back: the shared step of [`space_references`] and
/// [`plain_characters`]. Nothing is copied until the first replacement.
struct Rewrite<'t> {
    text: &'t str,
    out: String,
    edits: Vec<Edit>,
    /// The end of the last range replaced.
    last: usize,
}

impl<'t> Rewrite<'t> {
    fn new(text: &'t str) -> Rewrite<'t> {
        Rewrite {
            text,
            out: String::new(),
            edits: Vec::new(),
            last: 0,
        }
    }

    /// Put `to` for the caller's `from` range (after the last range replaced).
    fn replace(&mut self, from: (usize, usize), to: &str) {
        if self.out.capacity() == 0 {
            self.out.reserve(self.text.len());
        }
        self.out.push_str(&self.text[self.last..from.0]);
        let at = self.out.len();
        self.out.push_str(to);
        let end = self.out.len();
        match self.edits.last_mut() {
            // one edit for a run (`&nbsp;&nbsp;`, a soft hyphen by a zero-width space)
            Some(e) if e.from().1 == from.0 && e.to().1 == at => {
                *e = Edit::new((e.from().0, from.1), (e.to().0, end));
            }
            _ => self.edits.push(Edit::new(from, (at, end))),
        }
        self.last = from.1;
    }

    /// The text, borrowed when nothing was replaced, and its map.
    fn finish(mut self) -> (Cow<'t, str>, OffsetMap) {
        if self.edits.is_empty() {
            return (Cow::Borrowed(self.text), OffsetMap::default());
        }
        self.out.push_str(&self.text[self.last..]);
        (Cow::Owned(self.out), OffsetMap::layer(self.edits))
    }
}

/// The first byte at or after `from` that is not ASCII.
fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut blocks = rest.chunks_exact(8);
    let mut at = from;
    for block in &mut blocks {
        let x = u64::from_le_bytes(block.try_into().expect("eight bytes"));
        if x & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        at += 8;
    }
    bytes[at..].iter().position(|&b| b >= 0x80).map(|k| at + k)
}

/// Whether [`plain_characters`] may change `c` or the word it is in: a character it
/// replaces, or one that may not stand as it is in NFC (a combining mark, a
/// character NFC replaces). Below `U+0300` (Latin-1 and the Latin extensions) only
/// the three it replaces; those blocks hold no combining mark (tested).
fn may_change(c: char) -> bool {
    if u32::from(c) < 0x300 {
        return matches!(c, '\u{85}' | '\u{A0}' | '\u{AD}');
    }
    plain_char(c).is_some()
        || unicode_normalization::char::canonical_combining_class(c) != 0
        || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes
}

/// What [`plain_characters`] puts for `c`, when it changes it.
fn plain_char(c: char) -> Option<&'static str> {
    if crate::chars::is_other_space(c) {
        Some(" ")
    } else if crate::chars::is_invisible(c) {
        Some("")
    } else if matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}') {
        Some("\n")
    } else {
        box_drawing(c)
    }
}

/// A box-drawing character as the ASCII a text table draws the same line with: a
/// vertical as `|` (a cell's edge), a horizontal as `-`, a corner, tee or cross as
/// `+` (`│ _ga │ Google │`, `├─────┼────┤`: the tables text browsers and terminal
/// tools draw). The diagonals are left as they are.
fn box_drawing(c: char) -> Option<&'static str> {
    match c {
        '\u{2502}' | '\u{2503}' | '\u{2506}' | '\u{2507}' | '\u{250A}' | '\u{250B}'
        | '\u{2551}' | '\u{254E}' | '\u{254F}' | '\u{2575}' | '\u{2577}' | '\u{2579}'
        | '\u{257B}' | '\u{257D}' | '\u{257F}' => Some("|"),
        '\u{2500}' | '\u{2501}' | '\u{2504}' | '\u{2505}' | '\u{2508}' | '\u{2509}'
        | '\u{2550}' | '\u{254C}' | '\u{254D}' | '\u{2574}' | '\u{2576}' | '\u{2578}'
        | '\u{257A}' | '\u{257C}' | '\u{257E}' => Some("-"),
        '\u{2571}'..='\u{2573}' => None,
        '\u{2500}'..='\u{257F}' => Some("+"),
        _ => None,
    }
}

/// Most lone carriage returns reported one by one; past this, none are listed (the
/// repairs still are).
const MAX_CR_WARNINGS: usize = 20;

/// Positions of carriage returns that are not line ends: in a text whose lines end
/// with line feeds, a `\r` not followed by `\n` is debris inside a line (a cell
/// pasted with a carriage return in it), and read as a line end it would make a
/// record of the second half of the line. A text without any line feed ends its
/// lines with `\r` (classic Mac OS) and has none.
fn lone_crs(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    if memchr::memchr(b'\n', bytes).is_none() {
        return Vec::new();
    }
    memchr::memchr_iter(b'\r', bytes)
        .filter(|&i| bytes.get(i + 1) != Some(&b'\n'))
        .collect()
}

/// With `repair` on: every lone carriage return ([`lone_crs`]) becomes a space, so
/// that the line it stands in stays one line; one repair each (a one-byte change:
/// no position moves), and warnings (capped).
fn space_lone_crs<'a>(
    text: &'a str,
    warnings: &mut Vec<Warning>,
    repairs: &mut Vec<Repair>,
) -> Cow<'a, str> {
    let crs = lone_crs(text);
    if crs.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for (k, &at) in crs.iter().enumerate() {
        bytes[at] = b' ';
        repairs.push(Repair {
            kind: RepairKind::LineBreak,
            span: Span::new(at, at + 1),
            before: "\r".to_string(),
            after: " ".to_string(),
        });
        if k < MAX_CR_WARNINGS {
            warnings.push(Warning {
                kind: WarningKind::ControlCharacters,
                message: "a carriage return inside a line (the text ends its lines with line \
                          feeds) was read as a space"
                    .to_string(),
                span: Span::new(at, at + 1),
            });
        }
    }
    if crs.len() > MAX_CR_WARNINGS {
        warnings.push(Warning {
            kind: WarningKind::ControlCharacters,
            message: format!(
                "{} more carriage return(s) inside lines read as spaces",
                crs.len() - MAX_CR_WARNINGS
            ),
            span: Span::new(0, text.len()),
        });
    }
    // an ASCII byte for an ASCII byte: still UTF-8
    Cow::Owned(
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
}

/// With `repair` off: one warning per run of control characters (capped), spanning
/// the run, which stays in the text.
fn warn_controls(text: &str, warnings: &mut Vec<Warning>) {
    let mut runs = 0usize;
    let mut extra = 0usize;
    for (start, end) in control_runs(text) {
        runs += 1;
        let n = text[start..end].chars().count();
        if runs <= MAX_CONTROL_WARNINGS {
            warnings.push(Warning {
                kind: WarningKind::ControlCharacters,
                message: format!("{n} control character(s) kept, because repair is off"),
                span: Span::new(start, end),
            });
        } else {
            extra += n;
        }
    }
    if runs > MAX_CONTROL_WARNINGS {
        warnings.push(Warning {
            kind: WarningKind::ControlCharacters,
            message: format!(
                "{extra} more control character(s) kept in {} more place(s)",
                runs - MAX_CONTROL_WARNINGS
            ),
            span: Span::new(0, text.len()),
        });
    }
}

/// Byte ranges of the runs of dropped controls, in order.
///
/// Read byte by byte, not character by character: every dropped control is ASCII
/// ([`is_dropped_control`]), and in UTF-8 a byte below 0x80 is always a character of
/// its own, so the byte test finds the same runs without decoding the text. Most
/// texts hold none: 32 bytes are tested at a time, without a branch per byte.
fn control_runs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        let start = first_control(bytes, from)?;
        let end = bytes[start..]
            .iter()
            .position(|&b| !is_dropped_byte(b))
            .map_or(bytes.len(), |n| start + n);
        from = end;
        Some((start, end))
    })
}

/// [`is_dropped_control`] of an ASCII byte (false for every byte of a longer
/// character, which are all 0x80 or above).
///
/// Written with `&` and `|`, not `&&` and `||`: without branches, the chunk test of
/// [`first_control`] is compiled to vector instructions.
fn is_dropped_byte(b: u8) -> bool {
    let line = (b == b'\t') | (b == b'\n') | (b == b'\r');
    ((b < 0x20) & !line) | (b == 0x7F)
}

/// Position of the first dropped control at or after `from`.
fn first_control(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(32);
    let mut at = from;
    for chunk in chunks.by_ref() {
        // the whole chunk's answer first (the compiler tests it a vector at a time)
        if chunk.iter().fold(false, |any, &b| any | is_dropped_byte(b)) {
            return chunk
                .iter()
                .position(|&b| is_dropped_byte(b))
                .map(|p| at + p);
        }
        at += 32;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| is_dropped_byte(b))
        .map(|p| at + p)
}

/// Remove control characters: one warning and one repair per run (capped; the rest
/// summed up in one warning). Borrowed text without controls stays borrowed.
fn drop_controls<'a>(
    text: &'a str,
    warnings: &mut Vec<Warning>,
    repairs: &mut Vec<Repair>,
) -> (Cow<'a, str>, OffsetMap) {
    let mut edits: Vec<Edit> = Vec::new();
    let mut out = String::new();
    let mut last = 0usize;
    let mut extra = 0usize;
    for (start, end) in control_runs(text) {
        if out.capacity() == 0 {
            out.reserve(text.len());
        }
        out.push_str(&text[last..start]);
        edits.push(Edit::new((start, end), (out.len(), out.len())));
        let n = text[start..end].chars().count();
        if edits.len() <= MAX_CONTROL_WARNINGS {
            warnings.push(Warning {
                kind: WarningKind::ControlCharacters,
                message: format!("{n} control character(s) dropped before parsing"),
                span: Span::new(start, end),
            });
        } else {
            extra += n;
        }
        repairs.push(Repair {
            kind: RepairKind::ControlCharacters,
            span: Span::new(start, end),
            before: text[start..end].to_string(),
            after: String::new(),
        });
        last = end;
    }
    if edits.is_empty() {
        return (Cow::Borrowed(text), OffsetMap::default());
    }
    if edits.len() > MAX_CONTROL_WARNINGS {
        warnings.push(Warning {
            kind: WarningKind::ControlCharacters,
            message: format!(
                "{extra} more control character(s) dropped in {} more place(s)",
                edits.len() - MAX_CONTROL_WARNINGS
            ),
            span: Span::new(0, text.len()),
        });
    }
    out.push_str(&text[last..]);
    (Cow::Owned(out), OffsetMap::layer(edits))
}

/// The places where mojibake repair changed `before` into `after`. The repair only
/// ever replaces runs of non-ASCII characters (mojibake is UTF-8's bytes 0x80..=0xFF
/// read one by one, and what it stands for is non-ASCII too), so ASCII characters
/// pair up one to one and the runs between them are compared, each trimmed to the
/// characters that differ. Should that ever not hold, the whole text is one edit:
/// spans then widen, but never point at the wrong text.
fn diff_mojibake(before: &str, after: &str) -> Vec<Edit> {
    let whole = || vec![Edit::new((0, before.len()), (0, after.len()))];
    let (a, b) = (before.as_bytes(), after.as_bytes());
    let run_end = |s: &[u8], mut i: usize| {
        while i < s.len() && !s[i].is_ascii() {
            i += 1;
        }
        i
    };
    let mut edits = Vec::new();
    let (mut i, mut j) = (0usize, 0usize);
    while i < a.len() && j < b.len() {
        match (a[i].is_ascii(), b[j].is_ascii()) {
            (true, true) if a[i] == b[j] => {
                i += 1;
                j += 1;
            }
            (false, false) => {
                let (ei, ej) = (run_end(a, i), run_end(b, j));
                let (ra, rb) = (&before[i..ei], &after[j..ej]);
                if ra != rb {
                    let prefix: usize = ra
                        .chars()
                        .zip(rb.chars())
                        .take_while(|(x, y)| x == y)
                        .map(|(x, _)| x.len_utf8())
                        .sum();
                    let suffix: usize = ra[prefix..]
                        .chars()
                        .rev()
                        .zip(rb[prefix..].chars().rev())
                        .take_while(|(x, y)| x == y)
                        .map(|(x, _)| x.len_utf8())
                        .sum();
                    edits.push(Edit::new(
                        (i + prefix, ei - suffix),
                        (j + prefix, ej - suffix),
                    ));
                }
                i = ei;
                j = ej;
            }
            _ => return whole(),
        }
    }
    if i != a.len() || j != b.len() {
        return whole();
    }
    edits
}

/// One change: the caller's `from` range became the parser's `to` range. Offsets are
/// kept as `u32` (the pipeline reads no text over [`crate::segment::MAX_TEXT`]
/// bytes): a text with a no-break space between every two words holds an edit for
/// every few bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    from: [u32; 2],
    to: [u32; 2],
}

impl Edit {
    fn new(from: (usize, usize), to: (usize, usize)) -> Edit {
        use crate::segment::offset32;
        Edit {
            from: [offset32(from.0), offset32(from.1)],
            to: [offset32(to.0), offset32(to.1)],
        }
    }

    fn from(self) -> (usize, usize) {
        (self.from[0] as usize, self.from[1] as usize)
    }

    fn to(self) -> (usize, usize) {
        (self.to[0] as usize, self.to[1] as usize)
    }
}

/// Positions in a changed text carried back to the text it was made from. Edits are
/// in order and do not overlap. Outside an edit a position moves by the length
/// difference of the edits before it; a span that starts or ends inside an edit
/// widens to the whole of what the edit replaced; a span that starts where characters
/// were dropped starts after them, one that ends there ends before them.
#[derive(Debug, Default)]
pub(crate) struct OffsetMap {
    /// One list of edits per change made, the first change first.
    layers: Vec<Layer>,
}

impl OffsetMap {
    fn layer(edits: Vec<Edit>) -> OffsetMap {
        OffsetMap {
            layers: vec![Layer { edits }],
        }
    }

    /// This map followed by `next` (a change of this map's changed text).
    fn then(mut self, next: OffsetMap) -> OffsetMap {
        self.layers.extend(next.layers);
        self.layers.retain(|l| !l.edits.is_empty());
        self
    }

    /// A span of the changed text, in the original.
    pub(crate) fn span(&self, s: Span) -> Span {
        self.layers.iter().rev().fold(s, |s, l| l.span(s))
    }
}

/// The edits of one change, in order, not overlapping.
#[derive(Debug, Default)]
struct Layer {
    edits: Vec<Edit>,
}

impl Layer {
    /// The position `p` of the changed text in the original, as the start (`end`
    /// false) or the end of a span.
    fn map(&self, p: usize, end: bool) -> usize {
        let shift = |k: usize| -> usize {
            match k.checked_sub(1).map(|k| self.edits[k]) {
                Some(e) => p - e.to().1 + e.from().1,
                None => p,
            }
        };
        let mut k = self.edits.partition_point(|e| e.to().1 < p);
        while let Some(e) = self.edits.get(k) {
            if e.to().0 > p {
                break;
            }
            let dropped = e.to().0 == e.to().1;
            if dropped {
                if end {
                    return shift(k);
                }
            } else if p == e.to().0 {
                return shift(k);
            } else if p < e.to().1 {
                return if end { e.from().1 } else { e.from().0 };
            }
            k += 1;
        }
        shift(k)
    }

    /// A span of the changed text, in the original.
    fn span(&self, s: Span) -> Span {
        if self.edits.is_empty() {
            return s;
        }
        if s.start == s.end {
            let p = self.map(s.start, true);
            return Span::new(p, p);
        }
        let end = self.map(s.end, true);
        Span::new(self.map(s.start, false).min(end), end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`check_text`] as it read before it counted bytes: by characters.
    fn check_text_by_chars(text: &str) -> Result<(), Error> {
        let mut sampled = 0usize;
        let mut controls = 0usize;
        for c in text.chars().take(SNIFF_CHARS) {
            sampled += 1;
            controls += usize::from(is_binary_char(c));
        }
        if controls >= 4 && controls * 20 > sampled {
            return Err(Error::NotText { controls, sampled });
        }
        Ok(())
    }

    /// Counting bytes gives the answer counting characters gave: on every corpus
    /// document, on documents of controls and multi-byte characters around the
    /// sample's end, and on random bytes decoded as text.
    #[test]
    fn check_text_counts_as_by_chars() {
        let mut texts: Vec<String> = crate::testing::corpus_documents()
            .into_iter()
            .map(|(_, t)| String::from_utf8_lossy(&t).into_owned())
            .collect();
        for fill in ["a", "é", "日", "\u{1F600}", "\0", "\x7F", "\t", "\x1B"] {
            for n in [SNIFF_CHARS - 2, SNIFF_CHARS, SNIFF_CHARS + 3] {
                for tail in ["\0\0\0\0\0", "é\x01\x02\x03\x04", ""] {
                    let head = fill.repeat(n);
                    texts.push(format!("{head}{tail}"));
                    texts.push(format!("{}{head}", "\x01x".repeat(n / 30)));
                    texts.push(format!("{}{head}", "\x01x".repeat(n / 15)));
                }
            }
        }
        let mut seed = 7u64;
        for len in [0, 1, 10, 100, 1000, 9000, 20000] {
            for _ in 0..20 {
                let bytes: Vec<u8> = (0..len)
                    .map(|_| {
                        seed = seed
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        (seed >> 56) as u8
                    })
                    .collect();
                texts.push(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
        let mut refused = 0;
        for t in &texts {
            let (got, want) = (check_text(t), check_text_by_chars(t));
            assert_eq!(
                format!("{got:?}"),
                format!("{want:?}"),
                "{:?}",
                &t[..t.len().min(40)]
            );
            refused += usize::from(want.is_err());
        }
        assert!(refused > 20 && refused < texts.len(), "{refused}");
    }

    /// `control_runs` before it read bytes: character by character.
    fn control_runs_by_chars(text: &str) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for (i, c) in text.char_indices() {
            if !is_dropped_control(c) {
                continue;
            }
            match out.last_mut() {
                Some(last) if last.1 == i => last.1 = i + c.len_utf8(),
                _ => out.push((i, i + c.len_utf8())),
            }
        }
        out
    }

    /// The byte scan finds the runs the character scan found: on every corpus line,
    /// and with every ASCII byte (and runs of them) at every place of a text of
    /// several chunks that mixes one-, two-, three- and four-byte characters.
    #[test]
    fn control_runs_read_bytes_as_characters() {
        let mut texts = crate::testing::corpus_lines();
        let base = "ab\u{e9}\u{20ac}\u{1F36A}|\t\r\n x\u{a0}y".repeat(6);
        for b in 0u8..0x80 {
            let c = char::from(b);
            for at in base.char_indices().map(|(i, _)| i).step_by(3) {
                let mut t = base.clone();
                t.insert(at, c);
                texts.push(t.clone());
                t.insert(at, c);
                t.insert(0, c);
                t.push(c);
                texts.push(t);
            }
        }
        let mut found = 0;
        for t in &texts {
            let want = control_runs_by_chars(t);
            assert_eq!(control_runs(t).collect::<Vec<_>>(), want, "{t:?}");
            found += want.len();
        }
        assert!(found > 1000, "only {found} runs");
    }

    #[track_caller]
    fn check(bytes: &[u8], text: &str, enc: &str, kinds: &[WarningKind]) {
        let (t, e, w) = decode(bytes).unwrap();
        assert_eq!(t, text);
        assert_eq!(e, enc);
        let got: Vec<WarningKind> = w.iter().map(|w| w.kind).collect();
        assert_eq!(got, kinds);
    }

    #[test]
    fn decodes_every_supported_encoding_and_changes_nothing_else() {
        let fb = WarningKind::EncodingFallback;
        let cases: &[(&[u8], &str, &str, &[WarningKind])] = &[
            (b"Dur\xC3\xA9e", "Durée", "utf-8", &[]),
            (b"\xEF\xBB\xBFDur\xC3\xA9e", "Durée", "utf-8", &[]),
            (b"\xFF\xFED\x00\xE9\x00", "Dé", "utf-16le", &[]),
            (b"\xFE\xFF\x00D\x00\xE9", "Dé", "utf-16be", &[]),
            (b"Dur\xE9e \x80", "Durée €", "windows-1252", &[fb]),
            (b"a\x00b\x0Cc", "a\0b\x0Cc", "utf-8", &[]),
            (b"\xFF\xFED", "\u{FFFD}", "utf-16le", &[fb]),
            (b"", "", "utf-8", &[]),
            (b"Dur\xC3\x83\xC2\xA9e", "DurÃ©e", "utf-8", &[]),
        ];
        for (bytes, text, enc, kinds) in cases {
            check(bytes, text, enc, kinds);
        }
    }

    #[test]
    fn binary_input_is_not_text() {
        let mut elf = b"\x7FELF\x02\x01\x01\x00".to_vec();
        elf.extend(std::iter::repeat_n(0u8, 56));
        elf.extend_from_slice(b"some strings .text .data");
        assert!(matches!(decode(&elf), Err(Error::NotText { .. })));
        // random-looking bytes decoded as Windows-1252
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert!(matches!(decode(&noise), Err(Error::NotText { .. })));
        // a few stray controls in a text are damage, not binary
        let damaged = "Name\tDuration\n_g\0a\t2 years\n\x0C\n".repeat(3);
        assert!(decode(damaged.as_bytes()).is_ok());
    }

    #[test]
    fn controls_are_dropped_with_repairs_or_kept_with_warnings() {
        let text = "ab\0\0cd\x0Ce";
        let p = prepare(text, true);
        assert_eq!(p.text, "abcde");
        let spans: Vec<Span> = p.repairs.iter().map(|r| r.span).collect();
        assert_eq!(spans, [Span::new(2, 4), Span::new(6, 7)]);
        assert_eq!(p.repairs[0].before, "\0\0");
        // positions in the parser's text come back to the caller's
        assert_eq!(p.map.span(Span::new(0, 4)), Span::new(0, 6)); // "abcd"
        assert_eq!(p.map.span(Span::new(2, 4)), Span::new(4, 6)); // "cd"
        assert_eq!(p.map.span(Span::new(4, 5)), Span::new(7, 8)); // "e"
        let q = prepare(text, false);
        assert_eq!(q.text, text);
        assert!(q.repairs.is_empty());
        let spans: Vec<Span> = q.warnings.iter().map(|w| w.span).collect();
        assert_eq!(spans, [Span::new(2, 4), Span::new(6, 7)]);
    }

    #[test]
    fn mojibake_repairs_map_back() {
        let text = "Dur\u{c3}\u{a9}e\0: 2 ans, Ã©t\u{e9}";
        let p = prepare(text, true);
        assert_eq!(p.text, "Durée: 2 ans, été");
        let got: Vec<(&str, &str, Span)> = p
            .repairs
            .iter()
            .map(|r| (r.before.as_str(), r.after.as_str(), r.span))
            .collect();
        assert_eq!(
            got,
            [
                ("Ã©", "é", Span::new(3, 7)),
                ("\0", "", Span::new(8, 9)),
                ("Ã©", "é", Span::new(18, 22)),
            ]
        );
        for r in &p.repairs {
            assert_eq!(&text[r.span.start..r.span.end], r.before);
        }
        // every span of the parser's text maps to text that repairs to it
        let whole = p.map.span(Span::new(0, p.text.len()));
        assert_eq!(whole, Span::new(0, text.len()));
        let two = p.text.find('2').unwrap();
        assert_eq!(p.map.span(Span::new(two, two + 5)), {
            let s = text.find('2').unwrap();
            Span::new(s, s + 5)
        });
        // a span inside a repaired place widens to the whole place
        assert_eq!(p.map.span(Span::new(3, 5)), Span::new(3, 7));
    }

    /// A span of the parser's text, as the caller's text shows it.
    fn back<'t>(text: &'t str, p: &Prepared<'_>, word: &str) -> &'t str {
        let at = p.text.find(word).expect("word in the parser's text");
        let s = p.map.span(Span::new(at, at + word.len()));
        &text[s.start..s.end]
    }

    #[test]
    fn characters_are_read_as_they_show() {
        let text = "Mark\u{ad}eting\u{a0}cookies\u{2028}_ga\u{200b}\t2\u{202f}ans\u{feff}";
        for repair in [true, false] {
            let p = prepare(text, repair);
            assert_eq!(p.text, "Marketing cookies\n_ga\t2 ans", "{repair}");
            assert!(p.repairs.is_empty() && p.warnings.is_empty());
            assert_eq!(back(text, &p, "Marketing"), "Mark\u{ad}eting");
            assert_eq!(back(text, &p, "cookies"), "cookies");
            assert_eq!(back(text, &p, "_ga"), "_ga");
            assert_eq!(back(text, &p, "2 ans"), "2\u{202f}ans");
            let whole = p.map.span(Span::new(0, p.text.len()));
            assert_eq!(whole, Span::new(0, text.len() - '\u{feff}'.len_utf8()));
        }
        // a decomposed word is composed, its spans the whole word
        let text = "Cookies de pre\u{301}fe\u{301}rence\tx";
        let p = prepare(text, true);
        assert_eq!(p.text, "Cookies de préférence\tx");
        assert_eq!(back(text, &p, "préf"), "pre\u{301}fe\u{301}rence");
        assert_eq!(back(text, &p, "x"), "x");
        // with mojibake and controls: each step's positions come back in turn
        let text = "Dur\u{c3}\u{a9}e\0\u{a0}: 2\u{a0}ans";
        let p = prepare(text, true);
        assert_eq!(p.text, "Durée : 2 ans");
        assert_eq!(back(text, &p, "2 ans"), "2\u{a0}ans");
        assert_eq!(back(text, &p, "Durée"), "Dur\u{c3}\u{a9}e");
        // a box-drawing table is read as the ASCII one
        let text = "┌─────┬────┐\n│ _ga │ 2 ans │\n└─────┴────┘";
        let p = prepare(text, true);
        assert_eq!(p.text, "+-----+----+\n| _ga | 2 ans |\n+-----+----+");
        assert_eq!(back(text, &p, "| _ga |"), "│ _ga │");
        // text that shows what it holds is not copied
        for plain in ["", "ASCII only\n", "déjà vu, 2 años — “quoted”"] {
            assert!(
                matches!(plain_characters(plain).0, Cow::Borrowed(_)),
                "{plain:?}"
            );
        }
    }

    /// A no-break space's reference left in copied text shows as a space; other
    /// references are a value's to read, and spans come back to the reference.
    #[test]
    fn space_references_are_read_as_spaces() {
        let text = "_ga&nbsp;\t2&#160;years&NBSP;&nbsp;x\tAds &amp; more&#xA0;\u{a0}é&nbsp";
        for repair in [true, false] {
            let p = prepare(text, repair);
            assert_eq!(
                p.text, "_ga \t2 years  x\tAds &amp; more  é&nbsp",
                "{repair}"
            );
            assert!(p.repairs.is_empty() && p.warnings.is_empty());
            assert_eq!(back(text, &p, "_ga "), "_ga&nbsp;");
            assert_eq!(back(text, &p, "2 years"), "2&#160;years");
            assert_eq!(back(text, &p, "  x"), "&NBSP;&nbsp;x");
            assert_eq!(back(text, &p, "more  é"), "more&#xA0;\u{a0}é");
            assert_eq!(back(text, &p, "é&nbsp"), "é&nbsp");
        }
        // with mojibake repaired after: both steps' positions come back
        let text = "Dur\u{c3}\u{a9}e&nbsp;: 2&nbsp;ans";
        let p = prepare(text, true);
        assert_eq!(p.text, "Durée : 2 ans");
        assert_eq!(back(text, &p, "2 ans"), "2&nbsp;ans");
        assert_eq!(back(text, &p, "Durée"), "Dur\u{c3}\u{a9}e");
        for plain in ["", "a & b", "&amp;&#160x;&nbs;"] {
            assert!(
                matches!(space_references(plain).0, Cow::Borrowed(_)),
                "{plain:?}"
            );
        }
    }

    /// Every character a word may need changed for is found by `may_change`, and
    /// the fast answer below `U+0300` is the general one.
    #[test]
    fn may_change_finds_every_character_that_changes() {
        for c in (0x80..=0x10FFFFu32).filter_map(char::from_u32) {
            let general = plain_char(c).is_some()
                || unicode_normalization::char::canonical_combining_class(c) != 0
                || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes;
            assert_eq!(may_change(c), general, "{:#X}", c as u32);
            // a character alone that no test flags reads as it is
            if !general {
                let s = c.to_string();
                assert!(
                    matches!(plain_characters(&s).0, Cow::Borrowed(_)),
                    "{:#X}",
                    c as u32
                );
            }
        }
        let text = "ascii text, then é and more ascii, and ü";
        for from in 0..=text.len() {
            let want = text
                .bytes()
                .skip(from)
                .position(|b| b >= 0x80)
                .map(|k| from + k);
            assert_eq!(next_non_ascii(text.as_bytes(), from), want, "{from}");
        }
    }

    #[test]
    fn a_lone_carriage_return_inside_a_line_is_not_a_line_end() {
        let text = "Name\tPurpose\n_ga\tDistin\rguishes users\n";
        let p = prepare(text, true);
        assert_eq!(p.text, "Name\tPurpose\n_ga\tDistin guishes users\n");
        assert_eq!(p.repairs.len(), 1);
        assert_eq!(p.repairs[0].span, Span::new(23, 24));
        assert_eq!(p.map.span(Span::new(12, 33)), Span::new(12, 33));
        let q = prepare(text, false);
        assert_eq!(q.text, text);
        assert_eq!(q.warnings[0].span, Span::new(23, 24));
        // a text whose lines end with carriage returns keeps them
        assert_eq!(prepare("a\rb\r", true).text, "a\rb\r");
        assert_eq!(prepare("a\r\nb\r\n", true).text, "a\r\nb\r\n");
    }

    #[test]
    fn control_warnings_are_capped() {
        let bytes: String = (0..1000).map(|_| "aaaaaaaaaaaaaaaaaaaaaaaa\x0C").collect();
        let p = prepare(&bytes, true);
        assert_eq!(p.text.len(), 24_000);
        assert_eq!(p.warnings.len(), MAX_CONTROL_WARNINGS + 1);
        assert_eq!(p.repairs.len(), 1000);
    }
}
