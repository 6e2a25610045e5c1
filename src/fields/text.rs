//! Small text helpers shared by every stage: whitespace folding and the
//! matching form of a phrase (what vocabularies are compared against).

use crate::chars::CharClass;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Whitespace as copied text carries it: ASCII, NBSP, narrow NBSP, other Unicode spaces.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}'
}

/// `text.find(pat)` for a short pattern: `str::find` and `str::contains` build a
/// substring searcher per call, some two hundred instructions, more than the search
/// of a short text costs, and the readers ask such questions (`](`, `://`, ` - `)
/// of most lines and values. The pattern's first byte that is not a space is
/// searched for (`memchr`); a pattern of spaces only (spaces are the commonest byte
/// of a line) is left to `str::find`.
pub(crate) fn find_short(text: &str, pat: &str) -> Option<usize> {
    let (hay, bytes) = (text.as_bytes(), pat.as_bytes());
    match bytes.iter().position(|&b| b != b' ') {
        None => text.find(pat),
        Some(k) => memchr::memchr_iter(bytes[k], hay)
            .filter_map(|i| i.checked_sub(k))
            .find(|&start| hay[start..].starts_with(bytes)),
    }
}

/// `text.contains(pat)` for a short pattern: see [`find_short`].
pub(crate) fn contains_short(text: &str, pat: &str) -> bool {
    find_short(text, pat).is_some()
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

/// `t` without emphasis marks around all of it (`**Marketing**`, `*Marketing*`,
/// `__Marketing__`): a heading or name set in bold or italics reads as itself.
pub(crate) fn strip_emphasis(t: &str) -> &str {
    for mark in ["**", "__", "*"] {
        if let Some(inner) = t.strip_prefix(mark).and_then(|b| b.strip_suffix(mark)) {
            let inner = inner.trim();
            if !inner.is_empty() && !inner.starts_with('*') && !inner.ends_with('*') {
                return inner;
            }
        }
    }
    t
}

/// A line without a markdown heading mark and without a section's number before
/// its text (`3.2.1 `, `1. `, `2) `, `(b) `, `iv) `): what a heading or a name slot
/// holds. A bare number (`2 years`) is no section's number: one ends with a dot or
/// a bracket (`2. 1P_JAR`), or has two parts or more (`3.2`) before a word that
/// opens with no digit and does not start a lifetime (`1.5 years`).
pub(crate) fn strip_heading_marks(text: &str) -> &str {
    strip_section_number(strip_md_heading(text))
}

/// [`strip_heading_marks`] of a text whose markdown heading mark is already off: its
/// section's number taken off, or the text as it is.
pub(crate) fn strip_section_number(t: &str) -> &str {
    let b = t.as_bytes();
    // a number opens with a digit, a bracket or a small letter, and a space follows
    // it within ten bytes: most lines are turned away by these two looks
    if !b
        .first()
        .is_some_and(|&c| c.is_ascii_digit() || c == b'(' || c.is_ascii_lowercase())
    {
        return t;
    }
    // (or a tab: `2.⇥Cookies`, a word processor's numbered heading)
    let Some(space) = b.iter().take(10).position(|&c| c == b' ' || c == b'\t') else {
        return t;
    };
    // (the space is ASCII: a character boundary on each side)
    let (num, rest) = (&t[..space], t[space + 1..].trim_start());
    if rest.is_empty() {
        return t;
    }
    let bracketed = num
        .strip_suffix(')')
        .map(|n| n.strip_prefix('(').unwrap_or(n));
    let section = match bracketed {
        // `2)`, `(b)`, `iv)`: digits, one letter, or a roman number
        Some(n) => {
            !n.is_empty()
                && (n.bytes().all(|b| b.is_ascii_digit())
                    || (n.len() == 1 && n.bytes().all(|b| b.is_ascii_lowercase()))
                    || n.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')))
        }
        // `1.`, `3.2`, `3.2.1.`: parts of one to three digits, a dot after the last
        // or two parts or more
        None => {
            let mut parts = 0;
            let digits = num.trim_end_matches('.').split('.').all(|p| {
                parts += 1;
                (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
            });
            digits
                && (num.ends_with('.')
                    || (parts >= 2
                        && !rest.starts_with(|c: char| c.is_ascii_digit())
                        && crate::fields::duration::duration_prefix(t).is_none()))
        }
    };
    if section {
        rest
    } else {
        t
    }
}

/// [`fold_whitespace`], borrowing `s` when folding would not change it: printable
/// ASCII with single spaces between words (most headers and keys).
pub(crate) fn fold_whitespace_cow(s: &str) -> std::borrow::Cow<'_, str> {
    let b = s.as_bytes();
    let plain = b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && !b.windows(2).any(|w| w == b"  ")
        && b.iter().all(|&c| c.is_ascii_graphic() || c == b' ');
    if plain {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(fold_whitespace(s))
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

/// What a per-character fold makes of each character of the blocks most non-ASCII
/// text of the registered languages is written in: Latin-1, Latin Extended-A and -B
/// (U+0080 to U+024F: `é`, `ß`, `ł`, the no-break space) and the general punctuation
/// and currency blocks (U+2000 to U+20CF: curly quotes, dashes, zero-width and other
/// spaces, `€`). A fold asks the table before it decomposes and lower-cases a
/// character by searching the Unicode tables (the costly part of folding text that
/// is not ASCII); each entry is computed once, by the fold's own general path, so the
/// table answers what that path would (tests compare them on every character).
pub(crate) struct CharTable<T> {
    latin: Vec<T>,
    punct: Vec<T>,
}

/// The characters of the Latin blocks of a [`CharTable`].
const LATIN: std::ops::Range<u32> = 0x80..0x250;
/// The characters of the punctuation and currency blocks of a [`CharTable`].
const PUNCT: std::ops::Range<u32> = 0x2000..0x20D0;

impl<T> CharTable<T> {
    /// The table of `fold` over the blocks.
    pub(crate) fn build(fold: impl Fn(char) -> T) -> Self {
        let of = |r: std::ops::Range<u32>| r.filter_map(char::from_u32).map(&fold).collect();
        CharTable {
            latin: of(LATIN),
            punct: of(PUNCT),
        }
    }

    /// The entry of `c`, when it is in one of the blocks.
    #[inline]
    pub(crate) fn get(&self, c: char) -> Option<&T> {
        let u = u32::from(c);
        if u < LATIN.end {
            self.latin
                .get(usize::try_from(u.checked_sub(LATIN.start)?).ok()?)
        } else if PUNCT.contains(&u) {
            self.punct.get(usize::try_from(u - PUNCT.start).ok()?)
        } else {
            None
        }
    }

    /// Every character the table holds (for tests).
    #[cfg(test)]
    pub(crate) fn chars() -> impl Iterator<Item = char> {
        LATIN.chain(PUNCT).filter_map(char::from_u32)
    }
}

/// [`match_form`]'s reading of one character `c` that is not ASCII: for each character
/// of its compatibility decomposition that is not a combining mark, a space (`' '`)
/// where [`push_char`] would make a space due, else its lower case.
fn form_tokens(c: char) -> Box<str> {
    let mut out = String::new();
    decompose_compatible(c, |d| {
        if !is_combining_mark(d) {
            let d = plain_punct(d);
            if is_space(d) {
                out.push(' ');
            } else {
                out.extend(d.to_lowercase());
            }
        }
    });
    out.into()
}

/// [`form_tokens`] of the characters of a [`CharTable`].
fn form_table() -> &'static CharTable<Box<str>> {
    static TABLE: std::sync::OnceLock<CharTable<Box<str>>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| CharTable::build(form_tokens))
}

/// Whether the non-ASCII character `c` folds, in [`match_form`], to characters that
/// stay inside a word of [`words`] (alphanumeric, `'`, `_`; or to nothing): known for
/// the characters of a [`CharTable`], false for the others.
pub(crate) fn folds_within_word(c: char) -> bool {
    form_table().get(c).is_some_and(|t| {
        t.chars()
            .all(|d| d.is_letter_or_digit() || d == '\'' || d == '_')
    })
}

/// One character of [`match_form`]'s text onto its form, from the character's
/// [`form_tokens`]: as [`push_char`] pushes each character of the decomposition.
fn push_tokens(out: &mut String, pending: &mut bool, tokens: &str) {
    for t in tokens.chars() {
        if t == ' ' {
            *pending = !out.is_empty();
        } else {
            if *pending {
                out.push(' ');
                *pending = false;
            }
            out.push(t);
        }
    }
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

/// Texts at least this long go through the memo of [`match_form`]; shorter ones
/// fold faster than they compare.
const MEMO_MIN: usize = 24;

/// Longer texts are not remembered (the memo would hold on to copies of them).
const MEMO_MAX: usize = 4096;

/// How many recent texts the memo of [`match_form`] keeps.
const MEMO_SIZE: usize = 4;

/// The last few (text, form) pairs of [`match_form`], per thread.
#[derive(Default)]
struct FormMemo {
    entries: [(String, String); MEMO_SIZE],
    /// The slot the next miss overwrites.
    next: usize,
}

thread_local! {
    static FORM_MEMO: std::cell::RefCell<FormMemo> = std::cell::RefCell::default();
}

/// The last `N` answers of a pure function of a short text, keyed by the text's
/// content (never its address, so the answer is the function's). The layout readers
/// ask the same question about the same line several times (each reader tests its
/// block start, and tests call each other): a few entries catch the repeats.
pub(crate) struct Recent<T, const N: usize> {
    entries: [(String, Option<T>); N],
    next: usize,
}

impl<T: Copy, const N: usize> Default for Recent<T, N> {
    fn default() -> Self {
        Recent {
            entries: std::array::from_fn(|_| (String::new(), None)),
            next: 0,
        }
    }
}

/// Texts longer than this are not remembered (they are rarely asked again, and the
/// key is a copy).
pub(crate) const RECENT_MAX: usize = 256;

/// What [`recent_slice`] remembers: the slice's offsets in the key and the value.
pub(crate) type RecentSlice<R, const N: usize> = Recent<Option<(usize, usize, R)>, N>;

/// [`recent`] for a function that answers with a slice of its key (and a value):
/// remembered as the slice's offsets, since the same text gives the same slice of
/// itself.
pub(crate) fn recent_slice<'t, R: Copy, const N: usize>(
    cell: &'static std::thread::LocalKey<std::cell::RefCell<RecentSlice<R, N>>>,
    key: &'t str,
    f: impl for<'x> FnOnce(&'x str) -> Option<(&'x str, R)>,
) -> Option<(&'t str, R)> {
    let at = recent(cell, key, |t| {
        f(t).map(|(piece, r)| {
            let start = piece.as_ptr() as usize - t.as_ptr() as usize;
            (start, start + piece.len(), r)
        })
    });
    at.map(|(s, e, r)| (&key[s..e], r))
}

/// `f(key)`, remembered in `cell` for the last few keys of up to [`RECENT_MAX`] bytes.
/// `f` must be pure: the memo answers in its place.
pub(crate) fn recent<T: Copy, const N: usize>(
    cell: &'static std::thread::LocalKey<std::cell::RefCell<Recent<T, N>>>,
    key: &str,
    f: impl FnOnce(&str) -> T,
) -> T {
    if key.len() > RECENT_MAX {
        return f(key);
    }
    let hit = cell.with(|m| {
        m.borrow()
            .entries
            .iter()
            .find(|(k, v)| v.is_some() && k == key)
            .and_then(|e| e.1)
    });
    if let Some(v) = hit {
        return v;
    }
    let v = f(key);
    cell.with(|m| {
        let mut m = m.borrow_mut();
        let slot = m.next;
        m.next = (slot + 1) % N;
        let e = &mut m.entries[slot];
        e.0.clear();
        e.0.push_str(key);
        e.1 = Some(v);
    });
    v
}

/// The form vocabularies are matched in: compatibility-folded (NFKC), lower case,
/// diacritics and curly quotes folded, whitespace folded, surrounding punctuation dropped.
///
/// A line is asked about by several vocabularies in a row (cookie words, storage,
/// categories, set-by phrases ...), each of which folds it: the last few forms are
/// remembered, keyed by the text itself (not its address), so the answer is the same.
pub(crate) fn match_form(s: &str) -> String {
    if !(MEMO_MIN..=MEMO_MAX).contains(&s.len()) {
        return match_form_uncached(s);
    }
    let hit = FORM_MEMO.with(|m| {
        m.borrow()
            .entries
            .iter()
            .find(|(text, _)| text == s)
            .map(|(_, form)| form.clone())
    });
    if let Some(form) = hit {
        return form;
    }
    let form = match_form_uncached(s);
    FORM_MEMO.with(|m| {
        let mut m = m.borrow_mut();
        let slot = m.next;
        m.next = (slot + 1) % MEMO_SIZE;
        let (text, memo) = &mut m.entries[slot];
        text.clear();
        text.push_str(s);
        memo.clone_from(&form);
    });
    form
}

/// [`match_form`] without the memo.
fn match_form_uncached(s: &str) -> String {
    if s.is_ascii() {
        return ascii_match_form(s.as_bytes());
    }
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
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
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        // (each ASCII byte as `push_char` takes its character: see `push_ascii`)
        for &b in &rest.as_bytes()[..ascii] {
            push_ascii(&mut out, &mut pending, b);
        }
        rest = &rest[ascii..];
        let other = rest
            .bytes()
            .position(|b| b.is_ascii())
            .unwrap_or(rest.len());
        // each character decomposed on its own: the NFKD of a run is its characters'
        // decompositions with the marks among them reordered, and every character a
        // reordering moves is a combining mark, which the form drops (tested on every
        // character): so the form is the same without the iterator's buffer and sort
        // (the characters of the common blocks from their table, see `CharTable`)
        let table = form_table();
        for c in rest[..other].chars() {
            match table.get(c) {
                Some(tokens) => push_tokens(&mut out, &mut pending, tokens),
                None => decompose_compatible(c, |d| {
                    if !is_combining_mark(d) {
                        push_char(&mut out, &mut pending, d);
                    }
                }),
            }
        }
        rest = &rest[other..];
    }
    trim_form(out)
}

/// One character of [`match_form_uncached`]'s text onto its form: curly quotes and
/// dashes made plain, a whitespace run made one space (`pending`: a space is due before
/// the next character, never at the start), lower case.
fn push_char(out: &mut String, pending: &mut bool, c: char) {
    let c = plain_punct(c);
    if is_space(c) {
        *pending = !out.is_empty();
        return;
    }
    if *pending {
        out.push(' ');
        *pending = false;
    }
    for l in c.to_lowercase() {
        out.push(l);
    }
}

/// What [`push_char`] does with an ASCII byte `b`, without the character machinery:
/// [`plain_punct`] makes a backtick an apostrophe and leaves every other ASCII
/// character as it is; [`is_space`] of an ASCII character is `char::is_whitespace`,
/// which holds for tab, line feed, vertical tab, form feed, carriage return and space
/// (bytes 9 to 13 and 32); the lower case of an ASCII character is its ASCII lower
/// case, one character. (Tested against [`push_char`] on every ASCII byte.)
#[inline]
fn push_ascii(out: &mut String, pending: &mut bool, b: u8) {
    let b = if b == b'`' { b'\'' } else { b };
    if matches!(b, 9..=13 | b' ') {
        *pending = !out.is_empty();
        return;
    }
    if *pending {
        out.push(' ');
        *pending = false;
    }
    out.push(char::from(b.to_ascii_lowercase()));
}

/// [`match_form`] of ASCII text, byte by byte (the common case: no decomposition to
/// do), trimmed as [`trim_form`] trims.
fn ascii_match_form(s: &[u8]) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    let mut pending = false;
    for &b in s {
        if b.is_ascii_whitespace() {
            pending = !out.is_empty();
            continue;
        }
        if pending {
            out.push(b' ');
            pending = false;
        }
        out.push(if b == b'`' {
            b'\''
        } else {
            b.to_ascii_lowercase()
        });
    }
    let end = out.iter().rposition(|&b| !is_edge(b)).map_or(0, |p| p + 1);
    out.truncate(end);
    let start = out.iter().position(|&b| !is_edge(b)).unwrap_or(out.len());
    out.drain(..start);
    // ASCII in, ASCII out
    String::from_utf8(out).unwrap_or_default()
}

/// Whether an ASCII byte is dropped at either end of a form: whitespace (folded to a
/// space, which [`is_edge`] holds) or an edge character. The ASCII readings of a form
/// ([`any_ascii_form_word`], the vocabulary's word scans, [`forms_surely_differ`])
/// trim the text's own bytes by it.
pub(crate) fn is_form_trim(b: u8) -> bool {
    b.is_ascii_whitespace() || is_edge(b)
}

/// Whether the [`match_form`]s of two texts surely differ, read off their first
/// bytes without folding either: for ASCII text, the form's first byte is the first
/// byte that is neither whitespace nor a trimmed edge character ([`is_edge`], and the
/// backtick, which folds to an apostrophe), lower-cased (no edge character has a
/// case). `false` when either text is not ASCII or the first bytes agree: the forms
/// must then be compared. A header row repeated mid-table is looked for at every row,
/// and a row's first cell (a cookie's name) nearly never starts as the header does.
pub(crate) fn forms_surely_differ(a: &str, b: &str) -> bool {
    fn first(s: &str) -> Option<u8> {
        s.bytes()
            .find(|&b| !(is_form_trim(b) || b == b'`'))
            .map(|b| b.to_ascii_lowercase())
    }
    a.is_ascii() && b.is_ascii() && first(a) != first(b)
}

/// The words of [`match_form`]`(text)` ([`words`]) for ASCII text without a
/// backtick, read from `text` itself, each passed to `f` lower-cased in a stack
/// buffer; stops at the first word `f` accepts. `None` when a word is longer than
/// the buffer (the caller then folds the text). For such text the form is the text
/// lower-cased with whitespace runs made one space and the ends trimmed of
/// [`trim_form`]'s characters, none of which (but the apostrophe, trimmed here as
/// there) is a word character: so the words are the same.
pub(crate) fn any_ascii_form_word(text: &str, mut f: impl FnMut(&str) -> bool) -> Option<bool> {
    debug_assert!(text.is_ascii() && !text.contains('`'));
    let trimmed = text.trim_matches(|c: char| c.is_ascii() && is_form_trim(c as u8));
    let mut buf = [0u8; 64];
    for w in trimmed.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'' || c == '_')) {
        if w.is_empty() {
            continue;
        }
        let lower = buf.get_mut(..w.len())?;
        lower.copy_from_slice(w.as_bytes());
        lower.make_ascii_lowercase();
        if f(std::str::from_utf8(lower).ok()?) {
            return Some(true);
        }
    }
    Some(false)
}

/// The ASCII characters [`trim_form`] drops at either end of a form ([`match_form`]'s
/// trim; the vocabulary's ASCII readings trim the same).
pub(crate) fn is_edge(b: u8) -> bool {
    matches!(
        b,
        b':' | b'*'
            | b'.'
            | b','
            | b';'
            | b'|'
            | b'#'
            | b'-'
            | b'"'
            | b'\''
            | b'('
            | b')'
            | b'['
            | b']'
            | b' '
    )
}

/// Drop the punctuation that surrounds a phrase (`Durée :`, `## Finalités`, `(s)`),
/// in place (no second string: `match_form` is called on most cells and words).
fn trim_form(mut out: String) -> String {
    let edge = |c: char| c.is_ascii() && is_edge(c as u8);
    let end = out.trim_end_matches(edge).len();
    out.truncate(end);
    let start = out.len() - out.trim_start_matches(edge).len();
    out.drain(..start);
    out
}

/// Words of a matching-form string (letters, digits, apostrophes inside words).
pub(crate) fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_letter_or_digit() || c == '\'' || c == '_'))
        .filter(|w| !w.is_empty())
}

/// [`words`], an elided word joined to the next by its apostrophe (`d'analyse`,
/// `dell'utente`; the list in `vocab/words/elisions.tsv`) read as two: `d` and
/// `analyse` (the elided word without its apostrophe, as [`match_form`] folds it
/// alone). The category readers read words so, so that `Cookies d'analyse` names its
/// category as `Cookies de mesure` does; the other vocabularies, whose phrases hold
/// elided words joined (`date d'expiration`), read [`words`].
pub(crate) fn words_apart(s: &str) -> Vec<&str> {
    // (most text holds no apostrophe: its words are read as they are)
    if !s.contains('\'') {
        return words(s).collect();
    }
    let mut out = Vec::new();
    for w in words(s) {
        match elision_len(w) {
            Some(n) => out.extend([&w[..n - 1], &w[n..]]),
            None => out.push(w),
        }
    }
    out
}

/// The length of the elided word that opens the folded word `w` (`d'` in `d'analyse`),
/// when one does and a word follows it.
pub(crate) fn elision_len(w: &str) -> Option<usize> {
    let n = w.find('\'')? + 1;
    (n < w.len() && elisions().contains(&&w[..n])).then_some(n)
}

/// The elided words of `vocab/words/elisions.tsv` (`language<TAB>word'` lines).
pub(crate) fn elisions() -> &'static [&'static str] {
    static LIST: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        let mut out: Vec<&'static str> = ELISIONS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t').map(|(_, w)| w.trim()))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    })
}

/// The table [`elisions`] reads (checked line by line by a test).
pub(crate) const ELISIONS: &str = include_str!("../vocab/words/elisions.tsv");

/// Byte ranges of the maximal runs of characters for which `in_run` holds.
pub(crate) fn runs(text: &str, in_run: impl Fn(char) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut step = |i: usize, c: char| match (in_run(c), start) {
        (true, None) => start = Some(i),
        (false, Some(s)) => {
            out.push((s, i));
            start = None;
        }
        _ => {}
    };
    if text.is_ascii() {
        // (each byte is a character: no decoding)
        for (i, &b) in text.as_bytes().iter().enumerate() {
            step(i, char::from(b));
        }
    } else {
        for (i, c) in text.char_indices() {
            step(i, c);
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// The character at byte `i` of `text` (a character boundary) and its offset, and
/// `i` moved past it; ASCII without decoding.
#[inline]
fn next_char(text: &str, i: &mut usize) -> Option<(usize, char)> {
    let at = *i;
    let &b = text.as_bytes().get(at)?;
    let c = if b < 0x80 {
        char::from(b)
    } else {
        text[at..].chars().next()?
    };
    *i += c.len_utf8();
    Some((at, c))
}

/// [`runs`] one at a time, for scans that may stop early on a long text.
pub(crate) fn runs_iter<'a, F: Fn(char) -> bool + 'a>(
    text: &'a str,
    in_run: F,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = next_char(text, &mut pos)?;
            if in_run(c) {
                break i;
            }
        };
        while let Some((i, c)) = next_char(text, &mut pos) {
            if !in_run(c) {
                return Some((start, i));
            }
        }
        Some((start, text.len()))
    })
}

use crate::fx::FxHasher;

/// `BuildHasher` of [`FxHasher`].
pub(crate) type FxBuild = std::hash::BuildHasherDefault<FxHasher>;
/// A `HashMap` with [`FxHasher`].
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, FxBuild>;
/// A `HashSet` with [`FxHasher`].
pub(crate) type FastSet<K> = std::collections::HashSet<K, FxBuild>;

/// A bounded per-thread memo of a pure function of a text, keyed by the text itself
/// (never its address, so the answer is the function's), holding the answers of
/// about the last `CAP` distinct texts asked.
///
/// Two generations: new answers go into `now`; when it holds `CAP` texts it becomes
/// `old` (the answers before it are dropped) and `now` starts empty; an answer found
/// in `old` moves back into `now`. A text asked again within `CAP` distinct texts is
/// always answered from the memo, and the memo never holds more than `2 × CAP`. The
/// memos were cleared when full, which forgot the whole working set at once: value
/// repair over a set of documents with 5,300 distinct words and a memo of 4,096 missed
/// on about a third of its words on every pass (`docs/performance.md`, "Round 15").
pub(crate) struct Memo<V, const CAP: usize> {
    now: FastMap<String, V>,
    old: FastMap<String, V>,
}

impl<V, const CAP: usize> Default for Memo<V, CAP> {
    fn default() -> Self {
        Memo {
            now: FastMap::default(),
            old: FastMap::default(),
        }
    }
}

impl<V, const CAP: usize> Memo<V, CAP> {
    /// `read` of the remembered answer for `key`, `None` when there is none.
    pub(crate) fn read<R>(&mut self, key: &str, read: impl FnOnce(&V) -> R) -> Option<R> {
        if let Some(v) = self.now.get(key) {
            return Some(read(v));
        }
        let (key, v) = self.old.remove_entry(key)?;
        let r = read(&v);
        self.insert(key, v);
        Some(r)
    }

    /// Remember `v` as the answer for `key`.
    pub(crate) fn insert(&mut self, key: String, v: V) {
        if self.now.len() >= CAP {
            // (the old generation's table is reused for the new one)
            std::mem::swap(&mut self.now, &mut self.old);
            self.now.clear();
        }
        self.now.insert(key, v);
    }

    /// Texts remembered (both generations).
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.now.len() + self.old.len()
    }
}

/// Number of whitespace-separated words.
pub(crate) fn word_count(s: &str) -> usize {
    word_count_upto(s, usize::MAX)
}

/// Whether `s` has more than `n` whitespace-separated words: `word_count(s) > n`,
/// reading only up to the word past `n`. The readers bound the words of a label, a
/// key or a heading at every line they try, and most lines are longer prose: counting
/// every word of each to compare the count with 4 read the whole line each time.
pub(crate) fn more_words_than(s: &str, n: usize) -> bool {
    word_count_upto(s, n.saturating_add(1)) > n
}

/// `word_count(s).min(limit)`, stopping at the `limit`-th word: exact for any
/// comparison of the count with a number below `limit`.
///
/// ASCII is read eight bytes at a time (a word of bytes: its spaces found by bit
/// arithmetic, the words that start in it counted by one `count_ones`), and the
/// limit is looked at after each: a long line reaches a small limit in its first
/// bytes, where the whole line was first checked to be ASCII and then read byte by
/// byte. At the first byte that is not ASCII the text is counted by characters from
/// its start (the words an ASCII prefix holds are words of the whole text, each
/// started after an ASCII space or at the start, so a prefix that reaches the limit
/// gives the limit either way).
pub(crate) fn word_count_upto(s: &str, limit: usize) -> usize {
    if limit == 0 {
        return 0;
    }
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let ones = |b: u8| u64::from(b) * 0x0101_0101_0101_0101;
    let general = || {
        s.split(is_space)
            .filter(|w| !w.is_empty())
            .take(limit)
            .count()
    };
    let mut n = 0;
    // whether the byte before is a space (none before the first: a word may start there)
    let mut after_space = true;
    let mut blocks = s.as_bytes().chunks_exact(8);
    for block in &mut blocks {
        let mut w = [0u8; 8];
        w.copy_from_slice(block);
        let x = u64::from_le_bytes(w);
        if x & HIGH != 0 {
            return general();
        }
        // (every byte below 0x80: no sum below carries into the next byte)
        // the spaces: a byte equal to ` ` (its xor is zero), or in tab..CR (9..=13)
        let t = x ^ ones(b' ');
        let is_blank = !((t & LOW7).wrapping_add(LOW7) | t) & HIGH;
        let from_tab = x.wrapping_add(ones(0x80 - 9)) & HIGH;
        let past_cr = x.wrapping_add(ones(0x80 - 14)) & HIGH;
        let space = is_blank | (from_tab & !past_cr);
        // a word starts at a byte that is no space after one that is
        let before = space << 8 | u64::from(after_space) << 7;
        n += (!space & HIGH & before).count_ones() as usize;
        after_space = space >> 63 != 0;
        if n >= limit {
            return limit;
        }
    }
    for &b in blocks.remainder() {
        if !b.is_ascii() {
            return general();
        }
        let space = matches!(b, b' ' | b'\t'..=b'\r');
        n += usize::from(after_space & !space);
        after_space = space;
    }
    n.min(limit)
}

/// Text with the HTML a page's source left in it read as text: a line break tag as
/// `brk` (`_ga<br>_gid`, `<br/>`, `<BR />`; a space in a value, a comma between
/// names), character references as their
/// characters (`Meta&nbsp;Platforms`, `Ads &amp; tracking`, `&#39;`, `&#x2019;`).
/// With `references` off (names: a name is written as its input holds it), only the
/// tags are read. Anything else that looks like markup is kept as written; text with
/// neither `&` nor `<` (nearly every value) is returned as it is.
pub(crate) fn decode_markup<'t>(
    text: &'t str,
    brk: &str,
    references: bool,
) -> std::borrow::Cow<'t, str> {
    if memchr::memchr2(b'&', b'<', text.as_bytes()).is_none() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while let Some(at) = rest.find(['&', '<']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let read = if tail.starts_with('<') {
            line_break_tag(tail).map(|n| (brk.to_string(), n))
        } else if references {
            character_reference(tail)
        } else {
            None
        };
        match read {
            Some((s, n)) => {
                out.push_str(&s);
                rest = &tail[n..];
                changed = true;
            }
            None => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    if changed {
        std::borrow::Cow::Owned(fold_whitespace(&out))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The length of a line break tag at the start of `t` (`<br>`, `<br/>`, `<br />`,
/// any case).
fn line_break_tag(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    if b.len() < 4 || !b[1..3].eq_ignore_ascii_case(b"br") {
        return None;
    }
    let mut i = 3;
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    if b.get(i) == Some(&b'/') {
        i += 1;
    }
    (b.get(i) == Some(&b'>')).then_some(i + 1)
}

/// The character a reference at the start of `t` stands for (`&amp;`, `&#39;`,
/// `&#x2019;`) and the reference's length; a no-break space is read as a space.
fn character_reference(t: &str) -> Option<(String, usize)> {
    let end = t.get(..12).unwrap_or(t).find(';')?;
    let name = &t[1..end];
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code).filter(|&c| c != '\0')?
    } else {
        match name {
            "nbsp" => ' ',
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "ndash" => '–',
            "mdash" => '—',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "hellip" => '…',
            "euro" => '€',
            _ => return None,
        }
    };
    let c = if c == '\u{a0}' { ' ' } else { c };
    Some((c.to_string(), end + 1))
}

#[cfg(test)]
mod tests {
    #[test]
    fn emphasis_marks() {
        assert_eq!(strip_emphasis("**Marketing**"), "Marketing");
        assert_eq!(strip_emphasis("*Necessary*"), "Necessary");
        assert_eq!(strip_emphasis("__Werbung__"), "Werbung");
        assert_eq!(strip_emphasis("** _ga **"), "_ga");
        assert_eq!(strip_emphasis("_ga_*"), "_ga_*");
        assert_eq!(strip_emphasis("*_key"), "*_key");
        assert_eq!(strip_emphasis("**"), "**");
        assert_eq!(strip_emphasis("***"), "***");
        assert_eq!(
            strip_emphasis("**Provider:** Google"),
            "**Provider:** Google"
        );
    }

    /// A section's number goes with a heading's marks; a number that is a count
    /// (`2 years`, `1.5 years`) or a name's start stays.
    #[test]
    fn section_numbers() {
        for (line, want) in [
            ("3.2.1 nest-session", "nest-session"),
            ("1. _ga", "_ga"),
            ("2. 1P_JAR", "1P_JAR"),
            ("12) _gid", "_gid"),
            ("(b) IDE", "IDE"),
            ("c) test_cookie", "test_cookie"),
            ("iv) NID", "NID"),
            ("### 2.3 _fbp", "_fbp"),
            ("3.1 Analytics cookies", "Analytics cookies"),
            ("2.\tAnalytics cookies", "Analytics cookies"),
            ("2 years", "2 years"),
            ("2\tyears", "2\tyears"),
            ("1.5 years", "1.5 years"),
            ("3.2 4.5", "3.2 4.5"),
            ("2026 Velqora", "2026 Velqora"),
            ("1234. Velqora", "1234. Velqora"),
            ("(ab) Velqora", "(ab) Velqora"),
            ("_ga", "_ga"),
            ("4.", "4."),
        ] {
            assert_eq!(strip_heading_marks(line), want, "{line:?}");
        }
    }

    /// Markup a page's source left in a value: line break tags and character
    /// references read as text; other `&` and `<` kept.
    #[test]
    fn markup_read_as_text() {
        for (text, want) in [
            ("_ga<br>_gid", "_ga _gid"),
            ("Counts.<br/>Keeps.<BR />Ends.", "Counts. Keeps. Ends."),
            ("Meta&nbsp;Platforms", "Meta Platforms"),
            ("Ads &amp; tracking", "Ads & tracking"),
            ("It&#39;s &#x2019;ok&#8217;", "It's ’ok’"),
            ("3&nbsp;months", "3 months"),
            ("A & B < C", "A & B < C"),
            ("&unknown; &#xZZ; &#0;", "&unknown; &#xZZ; &#0;"),
            ("<b>bold</b>", "<b>bold</b>"),
            ("plain", "plain"),
        ] {
            assert_eq!(decode_markup(text, " ", true), want, "{text:?}");
        }
        assert_eq!(decode_markup("_ga<br>_gid", ", ", false), "_ga, _gid");
        assert_eq!(decode_markup("a&amp;b<br>c", ", ", false), "a&amp;b, c");
    }

    /// Elided words read apart (`d'analyse` → `d`, `analyse`), only those the table
    /// lists (`it's`, `don't` stay whole); each line of the table is well formed.
    #[test]
    fn elided_words_read_apart() {
        let apart = words_apart;
        assert_eq!(apart("cookies d'analyse"), ["cookies", "d", "analyse"]);
        assert_eq!(
            apart("dell'utente l'audience"),
            ["dell", "utente", "l", "audience"]
        );
        assert_eq!(apart("it's don't o'clock"), ["it's", "don't", "o'clock"]);
        // (an elided word with nothing after it stays as it is)
        assert_eq!(apart("d' x"), ["d'", "x"]);
        for (n, line) in ELISIONS.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (lang, word) = line.split_once('\t').unwrap_or(("", ""));
            assert!(
                crate::vocab::languages::LANGUAGES
                    .iter()
                    .any(|l| l.code == lang)
                    && word.ends_with('\'')
                    && word.len() >= 2
                    && word == word.to_lowercase()
                    && word.is_ascii()
                    && !word[..word.len() - 1].contains(|c: char| !c.is_alphabetic()),
                "elisions.tsv line {}: {line:?}",
                n + 1
            );
        }
    }

    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::UnicodeNormalization;

    /// [`super::Memo`] answers with what was remembered for the text, holds at most
    /// `2 × CAP` texts, and forgets no text asked again within `CAP` distinct other
    /// texts, over a long pseudo-random sequence of keys from a set three times its
    /// capacity (so that it turns over its generations many times).
    #[test]
    fn memo_keeps_the_recent_texts() {
        const CAP: usize = 16;
        let mut memo = super::Memo::<usize, CAP>::default();
        // when each key was last asked, and the order of asks
        let mut last: Vec<Option<usize>> = vec![None; 3 * CAP];
        let mut asked: Vec<usize> = Vec::new();
        let mut seed = 0x2545_f491_u64;
        let (mut hits, mut misses) = (0, 0);
        for t in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            // a skewed choice, so that some keys come back soon and others late
            let k = (seed % 3) as usize * (seed as usize >> 8) % (3 * CAP);
            let key = format!("key {k}");
            let got = memo.read(&key, |&v| v);
            // the distinct keys asked since `k` was (counted up to `CAP`)
            let recent = last[k].map(|at| {
                let mut others: Vec<usize> = Vec::new();
                for &o in asked[at + 1..].iter().rev() {
                    if others.len() >= CAP {
                        break;
                    }
                    if !others.contains(&o) {
                        others.push(o);
                    }
                }
                others.len()
            });
            if recent.is_some_and(|n| n < CAP) {
                assert_eq!(got, Some(k), "{t}: {key} asked again within {recent:?}");
            }
            match got {
                Some(v) => {
                    assert_eq!(v, k);
                    hits += 1;
                }
                None => {
                    memo.insert(key, k);
                    misses += 1;
                }
            }
            assert!(memo.len() <= 2 * CAP);
            last[k] = Some(asked.len());
            asked.push(k);
        }
        assert!(hits > 1000 && misses > 1000, "{hits} {misses}");
    }

    /// `fold_whitespace_cow` gives `fold_whitespace`'s text, borrowed only when that
    /// is the input: every ASCII character alone, doubled and between words, spaces of
    /// every kind, and the corpus lines.
    #[test]
    fn fold_whitespace_cow_is_the_fold() {
        let mut texts = crate::testing::corpus_lines_and(&[
            "",
            " ",
            "Cookie name",
            " Cookie name",
            "Cookie  name ",
            "Cookie\u{A0}name",
            "Cookie\u{AD}name",
            "Dur\u{E9}e",
            "a\u{200B}b",
        ]);
        for b in 0u8..=127 {
            let c = b as char;
            texts.push(format!("{c}"));
            texts.push(format!("Cookie{c}{c}name{c}"));
            texts.push(format!("{c}Cookie {c} name"));
        }
        for t in &texts {
            let got = super::fold_whitespace_cow(t);
            let want = super::fold_whitespace(t);
            assert_eq!(*got, want, "{t:?}");
            if let std::borrow::Cow::Borrowed(b) = got {
                assert_eq!(b, t.as_str());
            }
        }
    }

    /// Why `match_form_uncached` may decompose character by character: NFKD reorders
    /// only characters of a nonzero combining class, and every such character is a
    /// combining mark, which the form drops. Checked on every character; and the form
    /// of every non-ASCII character, alone, between letters and after a mark, is its
    /// NFKD's without marks.
    #[test]
    fn only_marks_are_reordered() {
        let mut n = 0;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if canonical_combining_class(c) != 0 {
                assert!(super::is_combining_mark(c), "{c:?} U+{:04X}", u32::from(c));
                n += 1;
            }
            if c.is_ascii() {
                continue;
            }
            for t in [
                c.to_string(),
                format!("a{c}b"),
                format!("e\u{301}{c}\u{300}z"),
            ] {
                let mut want = String::new();
                let mut pending = false;
                for d in t.nfkd().filter(|&d| !super::is_combining_mark(d)) {
                    super::push_char(&mut want, &mut pending, d);
                }
                if t.contains(['Ã', 'Â', 'â']) {
                    continue; // repaired first: compared on the corpus below
                }
                assert_eq!(
                    super::match_form_uncached(&t),
                    super::trim_form(want),
                    "{t:?}"
                );
            }
        }
        assert!(n > 500, "only {n} characters with a combining class");
    }

    /// [`push_ascii`] does to the form what [`push_char`] does with the byte's
    /// character: every ASCII byte, on an empty and a started form, with and without a
    /// space due.
    #[test]
    fn push_ascii_is_push_char() {
        for b in 0u8..128 {
            for start in ["", "x", "é", "a b"] {
                for due in [false, true] {
                    let (mut a, mut pa) = (start.to_string(), due);
                    let (mut c, mut pc) = (start.to_string(), due);
                    push_ascii(&mut a, &mut pa, b);
                    push_char(&mut c, &mut pc, char::from(b));
                    assert_eq!((a, pa), (c, pc), "{b} {start:?} {due}");
                }
            }
        }
    }

    /// [`match_form_uncached`] of text with characters other than ASCII is the fold
    /// of its ASCII runs character by character (as before [`push_ascii`]): every
    /// ASCII byte around letters with diacritics, curly quotes, `½`, `™` and mojibake,
    /// and the lines of the corpus.
    #[test]
    fn ascii_runs_fold_as_characters() {
        let reference = |s: &str| {
            let repaired;
            let s = if s.contains(['Ã', 'Â', 'â']) {
                repaired = super::super::repair::fix_mojibake(s).0;
                repaired.as_ref()
            } else {
                s
            };
            let mut out = String::new();
            let mut pending = false;
            let mut rest = s;
            while !rest.is_empty() {
                let ascii = rest
                    .bytes()
                    .position(|b| !b.is_ascii())
                    .unwrap_or(rest.len());
                for c in rest[..ascii].chars() {
                    push_char(&mut out, &mut pending, c);
                }
                rest = &rest[ascii..];
                let other = rest
                    .bytes()
                    .position(|b| b.is_ascii())
                    .unwrap_or(rest.len());
                for c in rest[..other].nfkd().filter(|&c| !is_combining_mark(c)) {
                    push_char(&mut out, &mut pending, c);
                }
                rest = &rest[other..];
            }
            trim_form(out)
        };
        let mut texts: Vec<String> = Vec::new();
        for b in 0u8..128 {
            let c = char::from(b);
            for t in [
                format!("é{c}"),
                format!("{c}é"),
                format!("A{c}B É{c}{c}ü"),
                format!(" {c} Durée{c}de CONSERVATION ’{c}½ ™{c}"),
                format!("FinalitÃ©{c}Â {c}"),
                format!("\u{200B}{c}\u{FEFF} ß{c}\t"),
            ] {
                texts.push(t);
            }
        }
        // every character of the table's blocks, alone, between letters, after a
        // space, doubled and before a combining mark (`CharTable`)
        for c in CharTable::<()>::chars() {
            for t in [
                format!("{c}"),
                format!("a{c}b"),
                format!("x {c}É{c}\u{301} y"),
                format!("{c}{c} ß"),
            ] {
                texts.push(t);
            }
        }
        texts.extend(
            crate::testing::corpus_lines()
                .into_iter()
                .filter(|l| !l.is_ascii()),
        );
        assert!(texts.len() > 4000);
        for t in &texts {
            assert_eq!(match_form_uncached(t), reference(t), "{t:?}");
        }
    }

    /// `recent` answers as the function does: for keys asked again within the last
    /// `N`, from the memo (the function is not called); for older keys, keys of the
    /// same length, long keys and empty ones, by calling it again.
    #[test]
    fn recent_answers_as_the_function() {
        use std::cell::{Cell, RefCell};
        thread_local! {
            static R: RefCell<Recent<usize, 3>> = RefCell::default();
        }
        let calls = Cell::new(0);
        let f = |k: &str| {
            calls.set(calls.get() + 1);
            k.bytes().map(usize::from).sum::<usize>() * 7 + k.len()
        };
        let long = "x".repeat(RECENT_MAX + 1);
        let keys = [
            "a", "b", "ab", "ba", "a", "", "", "c", "ab", &long, &long, "ba",
        ];
        let mut expected_calls = 0;
        let mut window: Vec<&str> = Vec::new();
        for k in keys {
            let remembered = k.len() <= RECENT_MAX && window.contains(&k);
            if !remembered {
                expected_calls += 1;
                if k.len() <= RECENT_MAX {
                    window.push(k);
                    if window.len() > 3 {
                        window.remove(0);
                    }
                }
            }
            assert_eq!(recent(&R, k, f), f(k), "{k:?}");
            calls.set(calls.get() - 1);
            assert_eq!(calls.get(), expected_calls, "calls after {k:?}");
        }
    }

    use super::*;

    /// `word_count_upto` is the count capped, and `more_words_than` the comparison,
    /// on every corpus line and on texts of every ASCII separator and some non-ASCII
    /// spaces, for every bound up to past their word counts.
    #[test]
    fn capped_counts_are_the_count() {
        let mut texts = crate::testing::corpus_lines();
        for b in 0u8..128 {
            let c = char::from(b);
            texts.push(format!("a{c}b{c}{c}c d{c}"));
        }
        texts.extend(["", " ", "a\u{a0}b\u{2003}c", "x\u{3000}y z", "é ü ß"].map(String::from));
        // words across the blocks the count is checked at
        texts.extend((28..70).map(|k| "ab ".repeat(k / 3) + &"x".repeat(k % 3)));
        // every ASCII byte at every place of a block, and text that turns non-ASCII
        // after some ASCII words (a word running into it, or not)
        for b in 0u8..128 {
            for at in 0..9 {
                let mut t = "wx".repeat(9).into_bytes();
                t[at] = b;
                t[at + 8] = b;
                texts.push(String::from_utf8(t).unwrap_or_default());
            }
        }
        for k in 0..20 {
            texts.push("ab c ".repeat(k) + "d\u{e9}f g\u{a0}h");
            texts.push("a b".repeat(k) + "\u{2003}x y");
        }
        let mut over = 0;
        for t in &texts {
            // (the count by splitting, not by the function under test)
            let n = t.split(is_space).filter(|w| !w.is_empty()).count();
            assert_eq!(word_count(t), n, "{t:?}");
            for limit in 0..=n + 2 {
                assert_eq!(word_count_upto(t, limit), n.min(limit), "{t:?} {limit}");
                assert_eq!(more_words_than(t, limit), n > limit, "{t:?} {limit}");
                over += usize::from(n > limit);
            }
        }
        assert!(over > 1000, "{over}");
    }

    /// `runs` and `runs_iter` (ASCII read byte by byte) give the runs of a plain
    /// scan by characters.
    #[test]
    fn runs_are_the_char_scan() {
        fn reference(text: &str, in_run: impl Fn(char) -> bool) -> Vec<(usize, usize)> {
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
        let word = |c: char| c.is_letter_or_digit() || c == '_' || c == '\'';
        for t in [
            "",
            " ",
            "a",
            "Cookie _ga: 2 years.",
            "  two  spaces  ",
            "Durée de conservation : 13 mois",
            "ÄÖÜ äöü ß — “x” ’s",
            "日本語のテキスト abc",
            "end",
        ] {
            assert_eq!(runs(t, word), reference(t, word), "{t:?}");
            assert_eq!(
                runs_iter(t, word).collect::<Vec<_>>(),
                reference(t, word),
                "{t:?}"
            );
            let not_space = |c: char| !c.is_whitespace();
            assert_eq!(runs(t, not_space), reference(t, not_space), "{t:?}");
        }
        // word_count's byte path counts what splitting on `is_space` counts
        for b in 0u8..128 {
            let c = char::from(b);
            for t in [format!("a{c}b"), format!("{c}{c}x {c}"), c.to_string()] {
                let want = t.split(is_space).filter(|w| !w.is_empty()).count();
                assert_eq!(word_count(&t), want, "{t:?}");
            }
        }
    }

    /// The words `any_ascii_form_word` reads are the words of the folded text.
    #[test]
    fn ascii_form_words_are_the_form_words() {
        let texts = [
            "",
            "'cookies'",
            " -- Only: the 'necessary' cookies; (we) don't ",
            "#  Title\twith\ttabs\r\n",
            "a\u{b}b",
            "x_y, z's, 'a', ''",
            "[Analytics]*",
            "Cookie  Name(s) : ",
        ];
        for t in texts {
            let mut got = Vec::new();
            let r = any_ascii_form_word(t, |w| {
                got.push(w.to_string());
                false
            });
            assert_eq!(r, Some(false), "{t:?}");
            let form = match_form_uncached(t);
            let want: Vec<String> = words(&form).map(str::to_string).collect();
            assert_eq!(got, want, "{t:?}");
        }
        let long = "a".repeat(65);
        assert_eq!(any_ascii_form_word(&long, |_| false), None);
    }

    /// `find_short` finds what `str::find` finds: every corpus line with the patterns
    /// the readers ask, and edge cases (empty text or pattern, a pattern at the end,
    /// longer than the text, a first byte found many times before a match).
    #[test]
    fn find_short_is_str_find() {
        let pats = [
            "](", "  ", "://", ". ", " - ", " (", "a", "", " ", "é", "ss", "\t\t",
        ];
        let texts = crate::testing::corpus_lines_and(&[
            "", "]", "](", "x](", "  ", " . . ", "sss", "ab", "é", "http://x", "a\t\t",
        ]);
        let mut found = 0;
        for t in &texts {
            for p in pats {
                assert_eq!(find_short(t, p), t.find(p), "{t:?} {p:?}");
                assert_eq!(contains_short(t, p), t.contains(p), "{t:?} {p:?}");
                found += usize::from(t.contains(p));
            }
        }
        assert!(found > 1000, "{found}");
    }

    /// When `forms_surely_differ` says so, the forms differ: over pairs of corpus
    /// lines and their cells, and made-up texts of edges, backticks and whitespace.
    #[test]
    fn forms_surely_differ_only_when_they_do() {
        let mut texts: Vec<String> = Vec::new();
        for l in crate::testing::corpus_lines().iter().take(4000) {
            texts.push(l.clone());
            texts.extend(l.split(['\t', '|']).map(str::to_string));
        }
        let made_up = [
            "",
            " ",
            "`",
            "`Name`",
            "'name'",
            "  - Name:",
            "name",
            "NAME",
            "(Name)",
            "Name s",
            "\u{b}N",
            "[ ] x",
            "*",
            "Näme",
            "é",
        ];
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        for (i, a) in texts.iter().enumerate() {
            // each text with itself and a few far ones
            pairs.extend(
                texts
                    .iter()
                    .skip(i)
                    .step_by(97)
                    .take(40)
                    .map(|b| (a.as_str(), b.as_str())),
            );
        }
        for a in made_up {
            pairs.extend(made_up.iter().map(|&b| (a, b)));
        }
        let mut differ = 0;
        for &(a, b) in &pairs {
            let same = match_form(a) == match_form(b);
            if forms_surely_differ(a, b) {
                differ += 1;
                assert!(!same, "{a:?} {b:?}");
            }
        }
        let pairs = pairs.len();
        assert!(differ * 2 > pairs, "{differ} of {pairs}");
    }

    /// The byte path of ASCII text gives what the char path before it gave (this is
    /// that path, kept as the reference), and the memo gives what folding gives.
    #[test]
    fn ascii_match_form_is_the_char_fold() {
        fn reference(s: &str) -> String {
            let mut out = String::new();
            let mut pending = false;
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
            trim_form(out)
        }
        let samples = [
            "",
            " ",
            "`",
            "  Cookie  Name(s) : ",
            "## Purposes *",
            "-- [x] --",
            "a\u{b}b\tc\r\nD",
            "'Quoted' `tick`",
            "Durée", // not ASCII: the char path
            "__utma; _ga, (Google)...",
            "Expiry\x0c date",
        ];
        for s in samples {
            if s.is_ascii() {
                assert_eq!(ascii_match_form(s.as_bytes()), reference(s), "{s:?}");
            }
            let long = s.repeat(9);
            for t in [s, long.as_str()] {
                let once = match_form_uncached(t);
                assert_eq!(match_form(t), once, "{t:?}");
                assert_eq!(match_form(t), once, "{t:?} (memo)");
            }
        }
        // every ASCII byte, alone and between letters
        for b in 0u8..128 {
            let c = char::from(b);
            for s in [c.to_string(), format!("Ab{c}{c}Cd"), format!("{c}x{c}")] {
                assert_eq!(ascii_match_form(s.as_bytes()), reference(&s), "{s:?}");
            }
        }
    }

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
