//! Cookie names: what a name looks like, and how a cell listing several is split.
//!
//! Names are kept exactly as written (`_ga_*`, `_ga_<container-id>`, `_pk_id.*`);
//! only multiplicity markers (`[x2]`) and glosses (`__lc_cid (customerID)`) are taken off.

use super::text::FastMap as HashMap;
use crate::chars::CharClass;
use std::sync::OnceLock;

use crate::vocab::vocab;

/// Known cookie names from the Open Cookie Database: their lower-case bytes → is a
/// prefix (wildcard); the wildcard prefixes by their first three bytes; and the
/// first three bytes of every name and prefix, as a filter ([`First3`]). Keyed by
/// bytes, so that an ASCII name lower-cased on the stack is looked up as it is (no
/// UTF-8 check of the copy).
struct Known {
    names: HashMap<Box<[u8]>, bool>,
    prefixes: HashMap<Box<[u8]>, Vec<String>>,
    first3: First3,
}

/// A set of three-byte starts, as bits of a hash (a Bloom filter of one hash): a
/// start it does not hold starts no known name, so nearly every token asked (a word,
/// a value, a name the database does not list) is turned away before the lower-cased
/// copy and the two map lookups. Names shorter than three bytes are not in it and
/// always looked up.
struct First3(Box<[u64; First3::WORDS]>);

impl First3 {
    /// 2^15 bits for the 885 starts of the names: about one start in twenty-five
    /// that no name has is let by (4 % of three-letter starts).
    const BITS: u32 = 15;
    const WORDS: usize = (1 << Self::BITS) / 64;

    fn bit(start: [u8; 3]) -> usize {
        let v = u32::from(start[0]) | u32::from(start[1]) << 8 | u32::from(start[2]) << 16;
        (v.wrapping_mul(0x9E37_79B1) >> (32 - Self::BITS)) as usize
    }

    fn insert(&mut self, start: [u8; 3]) {
        let b = Self::bit(start);
        self.0[b / 64] |= 1 << (b % 64);
    }

    fn may_hold(&self, start: [u8; 3]) -> bool {
        let b = Self::bit(start);
        self.0[b / 64] & (1 << (b % 64)) != 0
    }
}

fn known() -> &'static Known {
    static K: OnceLock<Known> = OnceLock::new();
    K.get_or_init(|| {
        let mut k = Known {
            names: HashMap::default(),
            prefixes: HashMap::default(),
            first3: First3(Box::new([0; First3::WORDS])),
        };
        for line in include_str!("../vocab/data/ocd_names.tsv").lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(name), Some(wild)) = (cols.next(), cols.next()) else {
                continue;
            };
            let wild = wild == "1";
            let lower = name.to_lowercase();
            if let Some(&[a, b, c]) = lower.as_bytes().get(..3) {
                k.first3.insert([a, b, c]);
            }
            k.names.insert(lower.as_bytes().into(), wild);
            // wildcard names by their first three characters
            if wild && name.len() >= 3 && name.is_char_boundary(3) {
                k.prefixes
                    .entry(lower.as_bytes()[..3].into())
                    .or_default()
                    .push(lower);
            }
        }
        k
    })
}

/// Is this, exactly, a cookie name the Open Cookie Database lists (any case)? Its
/// wildcard prefixes are not consulted (`cap` would cover `capacity`).
pub(crate) fn is_listed_name(name: &str) -> bool {
    if name.is_ascii() && !name.bytes().any(|b| b.is_ascii_uppercase()) {
        // already lower case: looked up as it is, no copy
        return known().names.contains_key(name.as_bytes());
    }
    known().names.contains_key(name.to_lowercase().as_bytes())
}

/// Is this a cookie name the Open Cookie Database knows (exactly, or by its prefix)?
pub(crate) fn is_known(name: &str) -> bool {
    let name = name.trim_end_matches('*');
    if name.is_ascii() && name.len() <= 64 {
        // an ASCII name (nearly every token asked): its `to_lowercase` is its ASCII
        // lower case; its start is asked of the filter first, and only a start the
        // filter holds is lower-cased whole, on the stack
        let bytes = name.as_bytes();
        if let Some(&[a, b, c]) = bytes.get(..3) {
            let start = [a, b, c].map(|x| x.to_ascii_lowercase());
            if !known().first3.may_hold(start) {
                return false;
            }
        }
        let mut buf = [0u8; 64];
        let lower = &mut buf[..bytes.len()];
        lower.copy_from_slice(bytes);
        lower.make_ascii_lowercase();
        // (an ASCII text: every offset is a character boundary)
        return known_lower(lower, true);
    }
    let owned = name.to_lowercase();
    known_lower(owned.as_bytes(), owned.is_char_boundary(3.min(owned.len())))
}

/// [`is_known`] of a lower-cased name, given whether its third byte ends a character.
fn known_lower(lower: &[u8], boundary_at_3: bool) -> bool {
    let Known {
        names, prefixes, ..
    } = known();
    names.contains_key(lower)
        || (boundary_at_3
            && lower.len() >= 3
            && prefixes
                .get(&lower[..3])
                .is_some_and(|ps| ps.iter().any(|p| lower.starts_with(p.as_bytes()))))
}

/// Characters a cookie name is made of.
pub(crate) fn is_name_char(c: char) -> bool {
    c.is_letter_or_digit()
        || matches!(
            c,
            '_' | '-'
                | '.'
                | '*'
                | '$'
                | ':'
                | '['
                | ']'
                | '<'
                | '>'
                | '{'
                | '}'
                | '@'
                | '#'
                | '%'
                | '+'
                | '|'
                | '~'
                | '='
        )
}

/// [`is_name_char`] of each ASCII character, as a table.
static ASCII_NAME_CHARS: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric()
            || matches!(
                b as u8,
                b'_' | b'-'
                    | b'.'
                    | b'*'
                    | b'$'
                    | b':'
                    | b'['
                    | b']'
                    | b'<'
                    | b'>'
                    | b'{'
                    | b'}'
                    | b'@'
                    | b'#'
                    | b'%'
                    | b'+'
                    | b'|'
                    | b'~'
                    | b'='
            );
        b += 1;
    }
    t
};

/// `tok` without one pair of quotes or code marks around it (`"_ga"`, `“_ga”`,
/// `'_ga'`, `` `_ga` ``, `«_ga»`, `„_ga“`): documents quote the names they list, and
/// a name is judged by what stands inside (the value is cleaned of the marks, see
/// [`clean`]). Anything else is returned as it is.
#[inline]
pub(crate) fn unquoted(tok: &str) -> &str {
    let b = tok.as_bytes();
    // (most tokens start with a letter, a digit or `_`: one byte test)
    if b.len() < 3 || !matches!(b[0], b'"' | b'\'' | b'`' | 0xC2 | 0xE2) {
        return tok;
    }
    const PAIRS: [(&str, &str); 8] = [
        ("\"", "\""),
        ("'", "'"),
        ("`", "`"),
        ("“", "”"),
        ("‘", "’"),
        ("«", "»"),
        ("„", "“"),
        ("‚", "‘"),
    ];
    for (open, close) in PAIRS {
        if let Some(inner) = tok.strip_prefix(open).and_then(|t| t.strip_suffix(close)) {
            // (`` `_ga` and `_gid` `` is two quoted names, not one)
            if !inner.is_empty() && !inner.contains(open) && !inner.contains(close) {
                return inner;
            }
        }
    }
    tok
}

/// A single token that could be a cookie name: name characters only, at least one
/// letter; quotes around it do not count ([`unquoted`]).
pub(crate) fn is_name_shaped(tok: &str) -> bool {
    let tok = unquoted(tok);
    if tok.is_empty() || tok.len() > 120 || tok.ends_with(':') {
        return false;
    }
    if tok.is_ascii() {
        // byte by byte, with the table of the name characters
        let b = tok.as_bytes();
        return b.iter().all(|&c| ASCII_NAME_CHARS[usize::from(c)])
            && b.iter().any(u8::is_ascii_alphabetic);
    }
    name_shaped_chars(tok)
}

/// [`is_name_shaped`] character by character (without its length and `:` tests).
fn name_shaped_chars(tok: &str) -> bool {
    tok.chars().all(is_name_char) && tok.chars().any(|c| c.is_letter())
}

/// Top-level domains that make a dotted token a host name rather than a cookie.
const TLDS: &[&str] = &[
    "com", "org", "net", "io", "app", "de", "fr", "es", "it", "nl", "pt", "eu", "uk", "be", "ch",
    "at", "co", "info", "biz", "gov", "edu", "ai", "dev", "ms", "me", "tv", "us", "ca", "br",
];

/// File extensions that make a dotted token a script or file name (`gtag.js`).
const FILE_EXTS: &[&str] = &[
    "js", "php", "html", "htm", "css", "json", "xml", "pdf", "png", "jpg",
];

/// Is a dotted token a host name or a file name?
pub(crate) fn is_host_or_file(tok: &str) -> bool {
    let t = tok.trim_matches(|c: char| !c.is_letter_or_digit());
    match t.rsplit_once('.') {
        // the endings are ASCII lower case: comparing while ignoring ASCII case is
        // comparing the ASCII lower case, without the lower-cased copy
        Some((_, ext)) => TLDS
            .iter()
            .chain(FILE_EXTS)
            .any(|e| ext.eq_ignore_ascii_case(e)),
        None => false,
    }
}

/// A token that is a cookie name beyond doubt, even in running prose: it has an
/// underscore, or is a dotted identifier that is no host or file name, or the Open
/// Cookie Database knows it and it is not an ordinary word (upper case, digits).
pub(crate) fn is_strong_name(tok: &str) -> bool {
    let tok = unquoted(tok);
    if tok.is_ascii() {
        return strong_ascii(tok);
    }
    // (the shape asked once, for both tests; a name-shaped token has no `/`, so no
    // `://` either: it is not searched for)
    if !is_name_shaped(tok) {
        return false;
    }
    if is_structured_shaped(tok) {
        return true;
    }
    let t = tok.trim_end_matches(['.', ',', ';', ':', ')']);
    let upperish = t
        .chars()
        .filter(|c| c.is_uppercase() || c.is_ascii_digit())
        .count()
        >= 2
        || t.chars().next().is_some_and(|c| !c.is_letter_or_digit());
    // the database lookup last: it lower-cases the token and hashes it
    t.len() >= 3 && upperish && is_known(t)
}

/// [`is_strong_name`] of an ASCII token, its tests read off one pass over the bytes
/// (the readers ask it of most tokens of every short line, three readers of the same
/// line; the general path walked the token once for each test).
fn strong_ascii(tok: &str) -> bool {
    let b = tok.as_bytes();
    // the shape (`is_name_shaped`)
    if b.is_empty() || b.len() > 120 || b[b.len() - 1] == b':' {
        return false;
    }
    // a name-shaped token ends with none of `,;)` (no name characters): the trim of
    // `is_structured_shaped` and of the test below takes off trailing `.` and `:`
    let core = b.len()
        - b.iter()
            .rev()
            .take_while(|&&c| c == b'.' || c == b':')
            .count();
    let (mut letters, mut upperish, mut underscore, mut at, mut dot) = (0, 0, false, false, false);
    for (i, &c) in b.iter().enumerate() {
        if !ASCII_NAME_CHARS[usize::from(c)] {
            return false;
        }
        if i < core {
            letters += usize::from(c.is_ascii_alphabetic());
            upperish += usize::from(c.is_ascii_uppercase() || c.is_ascii_digit());
            underscore |= c == b'_';
            at |= c == b'@';
            dot |= c == b'.';
        }
    }
    // a letter in the trailing `.`/`:` run is no letter: there are none, so a token
    // without letters in its core has none at all
    if letters == 0 {
        return false;
    }
    let t = &tok[..core];
    // `is_structured_shaped` (a token it turns away may still be a known name)
    if underscore && letters >= 2 {
        if !t.starts_with("http") && !at {
            return true;
        }
    } else if dot && is_dotted_identifier(t) {
        return true;
    }
    // upper case or digits, or a first character that is neither letter nor digit
    let upperish = upperish >= 2 || !t.as_bytes()[0].is_ascii_alphanumeric();
    // the database lookup last: it lower-cases the token and hashes it
    t.len() >= 3 && upperish && is_known(t)
}

/// A token built like an identifier, never like a word: an underscore inside letters,
/// or three or more dot-separated parts that make no host or file name. Safe to
/// take as a cookie name even in running prose.
pub(crate) fn is_structured_name(tok: &str) -> bool {
    let tok = unquoted(tok);
    // a name-shaped token has no `/` (no `://`, no URL)
    is_name_shaped(tok) && is_structured_shaped(tok)
}

/// [`is_structured_name`] of a name-shaped token.
fn is_structured_shaped(tok: &str) -> bool {
    let t = tok.trim_end_matches(['.', ',', ';', ':', ')']);
    if t.is_empty() {
        return false;
    }
    if t.contains('_') && t.chars().filter(|c| c.is_letter()).count() >= 2 {
        return !t.starts_with("http") && !t.contains('@');
    }
    t.contains('.') && is_dotted_identifier(t)
}

/// A dotted token (its trailing punctuation trimmed) of three or more parts, none
/// empty, that is no host or file name and does not start with a dot
/// (`ajs.user.id`): the dotted half of [`is_structured_shaped`], shared with the
/// one-pass ASCII path of [`is_strong_name`].
fn is_dotted_identifier(t: &str) -> bool {
    !t.starts_with('.')
        && !is_host_or_file(t)
        // three or more parts, none empty (no list is built)
        && t.split('.').nth(2).is_some()
        && t.split('.').all(|p| !p.is_empty())
}

/// Symbols that join names in one cell (`_ga + _gid`, `_ga & _gid`), in every language.
const SYMBOL_JOINERS: [&str; 2] = ["+", "&"];

/// Multi-word glue between names in one cell (`_ga and _gid`, `_pk_id et _pk_ses`,
/// `_ga oder _gid`): a joining symbol or a `joiner` word of the vocabulary tables,
/// compared lower case.
pub(crate) fn is_joiner(w: &str) -> bool {
    let gate = joiner_gate();
    if w.is_ascii() && !w.is_empty() {
        // an ASCII word lower-cases byte by byte, so it is a joiner only if its first
        // byte lower-cased starts one and it is no longer than the longest: nearly every
        // word asked (`_ga`, `Cookie`) is turned away here, without the lower-cased copy
        // the comparison with the vocabulary needed
        let first = w.as_bytes()[0].to_ascii_lowercase();
        if !gate.first[usize::from(first)] || w.len() > gate.max_len {
            return false;
        }
        // the joiners are lower case (symbols have no case): comparing while ignoring
        // ASCII case is comparing the ASCII lower case
        return gate.words.iter().any(|j| w.eq_ignore_ascii_case(j));
    }
    SYMBOL_JOINERS.contains(&w) || vocab().is_joiner_word(&w.to_lowercase())
}

/// What [`is_joiner`] turns ASCII words away with, and compares them with.
struct JoinerGate {
    /// The joining symbols and every `joiner` word of the vocabulary
    /// ([`Vocab::joiner_words`](crate::vocab::Vocab::joiner_words), lower case).
    words: Vec<String>,
    /// The first bytes they start with.
    first: [bool; 256],
    /// The length in bytes of the longest.
    max_len: usize,
}

fn joiner_gate() -> &'static JoinerGate {
    static G: OnceLock<JoinerGate> = OnceLock::new();
    G.get_or_init(|| {
        let words: Vec<String> = SYMBOL_JOINERS
            .into_iter()
            .chain(vocab().joiner_words())
            .map(str::to_string)
            .collect();
        let mut first = [false; 256];
        for w in &words {
            if let Some(&b) = w.as_bytes().first() {
                first[usize::from(b)] = true;
            }
        }
        let max_len = words.iter().map(String::len).max().unwrap_or(0);
        JoinerGate {
            words,
            first,
            max_len,
        }
    })
}

/// The joiners a line of names may hold (`_ga + _gid`, `_pk_id et _pk_ses`): the
/// additive ones only (`joiner` lines of value `and`), so that `_ga or _gid` is not
/// taken for a list of names. Compared as written.
pub(crate) fn and_joiners() -> impl Iterator<Item = &'static str> {
    SYMBOL_JOINERS.into_iter().chain(vocab().and_joiners())
}

/// Is `w` (as written) one of [`and_joiners`]?
pub(crate) fn is_and_joiner(w: &str) -> bool {
    // the first bytes joiners start with, gathered once: a token starting with any
    // other byte (`_ga`, `Cookie`: nearly every token of a line of names) is no
    // joiner, turned away before it is compared with each
    static FIRST: OnceLock<[bool; 256]> = OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let mut t = [false; 256];
        for j in and_joiners() {
            if let Some(&b) = j.as_bytes().first() {
                t[usize::from(b)] = true;
            }
        }
        t
    });
    if w.as_bytes()
        .first()
        .is_some_and(|&b| !first[usize::from(b)])
    {
        return false;
    }
    and_joiners().any(|j| j == w)
}

/// A name cell that names a service and, in brackets after it, the service's
/// cookies (`Google Analytics (_ga, _gid)`, `Hotjar (_hjSession, _hjSessionUser)`):
/// the service and the bracket's text. The bracket must list names only, one sure or
/// known at least, or two or more that are no word of any language's list; the
/// service must be more than a name: words, or a vendor's name,
/// or one word over two names or more (`__lc_cid (customerID)` is a name and its
/// gloss).
pub(crate) fn service_and_names(cell: &str) -> Option<(&str, &str)> {
    let t = cell.trim();
    // (the closing bracket asked first: most cells have none)
    let inner_end = t.strip_suffix(')')?.len();
    let open = t.rfind(" (")?;
    let (service, inner) = (t[..open].trim(), t[open + 2..inner_end].trim());
    if service.is_empty() || inner.is_empty() || inner.contains(['(', ')']) {
        return None;
    }
    let names = split_names(inner);
    let listed = lists_names(&names);
    let words = service.split_whitespace().count();
    let a_service = (2..=5).contains(&words)
        || crate::fields::provider::is_vendor_name(service)
        || (words == 1 && names.len() >= 2 && !is_strong_name(service));
    (listed && a_service && !service.contains([',', ';', '(', ')'])).then_some((service, inner))
}

/// Are `names` (split off one cell) cookie names and nothing else: every one
/// name-shaped, and one sure or known at least, or two or more that are no word of
/// any language's list (`cs, vst`; `Analytics, Ads` are words).
pub(crate) fn lists_names(names: &[Name]) -> bool {
    let sure = |n: &Name| is_strong_name(&n.name) || is_known(&n.name);
    names.iter().all(|n| is_name_shaped(&n.name))
        && (names.iter().any(sure)
            || (names.len() >= 2
                && names
                    .iter()
                    .all(|n| !crate::fields::repair::is_any_language_word(&n.name.to_lowercase()))))
}

/// One name split off a name cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Name {
    /// The name as written, markers and glosses removed.
    pub name: String,
    /// A gloss written after the name (`customerID` in `__lc_cid (customerID)`).
    pub gloss: Option<String>,
}

/// Split a name cell into names: on commas, semicolons, slashes, `+`, `and` / `et` /
/// `und` / `y` / `e`, line breaks, and on spaces where every part is name-shaped.
pub(crate) fn split_names(cell: &str) -> Vec<Name> {
    let mut out = Vec::new();
    // one pass over the bytes (no branch per byte): a cell with no separator, no
    // whitespace, no slash and nothing beyond ASCII (`_ga`, `PHPSESSID`: most cells)
    // is one piece, already trimmed, with no gloss (that needs ` (`) and one word,
    // split at no slash: the general path below would only take its marker off and
    // clean it, as done here
    if !cell
        .bytes()
        .fold(false, |any, b| any | SPLITS[usize::from(b)])
    {
        let s = clean(strip_marker(cell));
        if !s.is_empty() {
            out.push(Name {
                name: s.to_string(),
                gloss: None,
            });
        }
        return out;
    }
    for piece in pieces(cell) {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        // `(customerID)` glosses come off before splitting on spaces
        let (core, gloss) = take_gloss(piece);
        let core = strip_marker(core);
        // one word (nearly every cell): no joiner to split at, no list of names
        // separated by spaces, so the words are neither gathered nor asked about
        if !has_two_words(core) {
            push_core(&mut out, core, gloss);
            continue;
        }
        // each word asked once whether it is a joiner
        let words: Vec<(&str, bool)> = core.split_whitespace().map(|w| (w, is_joiner(w))).collect();
        let parts = || words.iter().filter(|(_, j)| !j).map(|&(w, _)| w);
        let all_names = parts().nth(1).is_some()
            && parts().all(|w| is_name_shaped(w) && (is_strong_name(w) || w.contains('*')));
        if all_names {
            for p in parts() {
                push_slash_split(&mut out, p, None);
            }
        } else if words.iter().any(|&(_, j)| j) {
            // `_ga and _gid`: split at the joiner words
            let mut cur: Vec<&str> = Vec::new();
            for &(w, joiner) in &words {
                if joiner {
                    if !cur.is_empty() {
                        push_slash_split(&mut out, &cur.join(" "), None);
                        cur.clear();
                    }
                } else {
                    cur.push(w);
                }
            }
            if !cur.is_empty() {
                push_slash_split(&mut out, &cur.join(" "), gloss);
            }
        } else {
            push_core(&mut out, core, gloss);
        }
    }
    drop_worded_tail(&mut out);
    out
}

/// A list of sure names that ends in words about more of them (`_clck, _clsk e
/// identificadores do Clarity`, `_ga, _gid and other Google cookies`): the words
/// name no cookie, and are dropped (the cell's text stays in the record's span).
/// The names before must each be sure ([`is_strong_name`] or known), the last piece
/// two words or more of which none is a sure name.
fn drop_worded_tail(out: &mut Vec<Name>) {
    let Some((last, before)) = out.split_last() else {
        return;
    };
    let worded = has_two_words(&last.name)
        && last
            .name
            .split_whitespace()
            .all(|w| !is_strong_name(w) && !w.contains('*'));
    if worded
        && !before.is_empty()
        && before
            .iter()
            .all(|n| !has_two_words(&n.name) && (is_strong_name(&n.name) || is_known(&n.name)))
    {
        out.pop();
    }
}

/// The bytes that may make [`split_names`] split a cell, trim it or find a gloss in
/// it: the separators `,` `;` and line breaks, ASCII whitespace (tab to carriage
/// return, and space: the only ASCII characters `char::is_whitespace` knows), the
/// slash, and every byte beyond ASCII (`、`, other whitespace).
static SPLITS: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = matches!(b as u8, b',' | b';' | b'/' | b' ' | b'\t'..=b'\r' | 0x80..=0xFF);
        b += 1;
    }
    t
};

/// The pieces of a cell between commas, semicolons, line breaks and ideographic
/// commas (`、`), as `cell.split([',', ';', '\n', '\u{3001}'])` gives them (an
/// empty piece included), found byte by byte instead of character by character:
/// `,` `;` and `\n` are single bytes that occur in UTF-8 only as themselves, and
/// `E3 80 81` only as `、` (a lead byte then two continuation bytes).
fn pieces(cell: &str) -> impl Iterator<Item = &str> {
    let bytes = cell.as_bytes();
    let mut start = 0;
    let mut i = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        while i < bytes.len() {
            let sep = match bytes[i] {
                b',' | b';' | b'\n' => 1,
                0xE3 if bytes[i + 1..].starts_with(&[0x80, 0x81]) => 3,
                _ => 0,
            };
            if sep > 0 {
                let piece = &cell[start..i];
                i += sep;
                start = i;
                return Some(piece);
            }
            i += 1;
        }
        done = true;
        Some(&cell[start..])
    })
}

/// Does `s` hold two whitespace-separated words or more?
fn has_two_words(s: &str) -> bool {
    if s.is_ascii() {
        // the runs of non-space bytes, as `split_whitespace` finds them (ASCII
        // whitespace is tab to carriage return, and space)
        let mut words = 0;
        let mut in_word = false;
        for &b in s.as_bytes() {
            let space = matches!(b, b' ' | b'\t'..=b'\r');
            words += usize::from(!space && !in_word);
            in_word = !space;
        }
        return words >= 2;
    }
    s.split_whitespace().nth(1).is_some()
}

/// A piece that is not split at spaces or joiners: its name, and the cookie its gloss
/// names as an alternative (`mtm_consent (oder mtm_consent_removed)`).
fn push_core(out: &mut Vec<Name>, core: &str, gloss: Option<String>) {
    if let Some(alt) = gloss.as_deref().and_then(alternative) {
        push_slash_split(out, core, None);
        push_slash_split(out, alt, None);
    } else {
        push_slash_split(out, core, gloss);
    }
}

/// A gloss that names another cookie after a joiner (`or _pk_ses`, `oder x_y`): the name.
fn alternative(gloss: &str) -> Option<&str> {
    let (joiner, rest) = gloss.trim().split_once(' ')?;
    let rest = rest.trim();
    (is_joiner(joiner) && !rest.contains(' ') && is_name_shaped(rest) && is_strong_name(rest))
        .then_some(rest)
}

/// Split on ` / ` or `/` between two name-shaped parts (`_ga/_gid`), keep `a/b` paths otherwise.
fn push_slash_split(out: &mut Vec<Name>, s: &str, gloss: Option<String>) {
    let s = clean(s);
    if s.is_empty() {
        return;
    }
    // without a slash there is one part: the name as it is (no list of parts built);
    // the bytes compared one by one (names are short: no `memchr` set up)
    if s.bytes().any(|b| b == b'/') {
        let parts = || s.split('/').map(str::trim);
        if parts().all(|p| is_name_shaped(p) && !p.is_empty()) {
            out.extend(parts().map(|p| Name {
                name: p.to_string(),
                gloss: None,
            }));
            return;
        }
    }
    out.push(Name {
        name: s.to_string(),
        gloss,
    });
}

/// `__lc_cid (customerID)` → (`__lc_cid`, `customerID`).
fn take_gloss(piece: &str) -> (&str, Option<String>) {
    let (name, gloss) = split_gloss(piece);
    match gloss {
        Some(g) => (name.trim(), Some(g.trim().to_string())),
        None => (name, None),
    }
}

/// A piece cut where its closing bracketed gloss opens (`_ga (2 years)` → `_ga` and
/// `2 years`), both parts as written (untrimmed); the piece whole, and no gloss,
/// when it does not end in one.
pub(crate) fn split_gloss(piece: &str) -> (&str, Option<&str>) {
    // the closing bracket asked first: most pieces have none, and are not searched
    if !piece.ends_with(')') {
        return (piece, None);
    }
    match piece.find(" (") {
        Some(open) if open > 0 => (&piece[..open], Some(&piece[open + 2..piece.len() - 1])),
        _ => (piece, None),
    }
}

/// A star in a name is a wildcard (`_ga_*`, `*_key`), but stars at both ends mark
/// emphasis (`*Cookies*`, `**Cookies**`) and stars at one end only the bold's open
/// or close (`**Google`).
pub(crate) fn is_wildcard(w: &str) -> bool {
    if w.starts_with("**") || w.ends_with("**") {
        return false;
    }
    w.contains('*') && !(w.len() > 2 && w.starts_with('*') && w.ends_with('*'))
}

/// Drop a Cookiebot multiplicity marker: `_hjSession_# [x3]` → `_hjSession_#`.
pub(crate) fn strip_marker(s: &str) -> &str {
    let t = s.trim_end();
    // a marker ends the piece: without a closing bracket there is none to look for
    if !t.ends_with(']') {
        return t;
    }
    if let Some(open) = t.rfind('[') {
        let inner = &t[open + 1..];
        if let Some(inner) = inner.strip_suffix(']') {
            let inner = inner.trim();
            // (`×` is two bytes: the count is what follows the letter, however long)
            let count = inner.strip_prefix(['x', 'X', '×']);
            if count.is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())) {
                return t[..open].trim_end();
            }
        }
    }
    t
}

/// A list bullet ([`crate::chars::is_bullet`]) or a quotation mark before a name.
fn bullet_or_quote(c: char) -> bool {
    crate::chars::is_bullet(c) || crate::chars::is_quote(c)
}

/// Trim bullets, quotes, code marks and a trailing colon around a name.
fn clean(s: &str) -> &str {
    let s = s.trim();
    // markdown emphasis around a name: `**PHPSESSID**`, `*_ga*`
    let s = match s.strip_prefix("**").and_then(|t| t.strip_suffix("**")) {
        Some(inner) => inner,
        None => s,
    };
    let s = s.trim();
    // a star glued to the name is a wildcard (`*_key`), unless a star closes it too
    // (`*_ga*`: emphasis); a star then a space is a bullet
    let wildcard = s.len() > 1
        && s.starts_with('*')
        && !s.ends_with('*')
        && s[1..].starts_with(|c: char| c == '_' || c.is_letter_or_digit());
    // the marks trimmed are ASCII or start with a byte above ASCII: a name starting
    // (ending) with any other ASCII byte (`_ga`, `PHPSESSID`) has none to trim there,
    // and is not compared character by character with each mark
    let s = if wildcard
        || s.as_bytes()
            .first()
            .is_some_and(|&b| b.is_ascii() && !matches!(b, b'-' | b'*' | b'`' | b'"' | b'\''))
    {
        s
    } else {
        s.trim_start_matches(bullet_or_quote)
    };
    let s = if s
        .as_bytes()
        .last()
        .is_some_and(|&b| b.is_ascii() && !matches!(b, b':' | b'`' | b'"' | b'\'' | b'.'))
    {
        s
    } else {
        s.trim_end_matches(|c| c == ':' || c == '.' || crate::chars::is_quote(c))
    };
    s.trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::text::FastSet;

    #[test]
    fn wildcards_and_emphasis() {
        for w in ["_ga_*", "*_key", "_pk_id.*", "AMP_*_TOKEN"] {
            assert!(is_wildcard(w), "{w}");
        }
        for w in [
            "*Cookies*",
            "**Cookies**",
            "**Google",
            "Chrome**",
            "_ga",
            "**",
        ] {
            assert!(!is_wildcard(w), "{w}");
        }
    }

    /// A pair of quotes or code marks around a token does not count for its shape;
    /// one mark alone, or marks of two kinds, are the token's.
    #[test]
    fn quoted_names_are_judged_inside() {
        for q in [
            "\"_ga\"",
            "'_ga'",
            "`_ga`",
            "“_ga”",
            "‘_ga’",
            "«_ga»",
            "„_ga“",
            "‚_ga‘",
        ] {
            assert_eq!(unquoted(q), "_ga", "{q}");
            assert!(
                is_strong_name(q) && is_name_shaped(q) && is_structured_name(q),
                "{q}"
            );
        }
        assert_eq!(clean("«_ga»:"), "_ga");
        for q in ["\"_ga", "_ga\"", "\"_ga'", "“_ga\"", "\"\"", "“”", "_ga"] {
            assert_eq!(unquoted(q), q, "{q}");
        }
        assert!(!is_name_shaped("\"a b\"") && !is_strong_name("“design”"));
    }

    /// Every line of the known-names table is a comment or a name and a wildcard flag
    /// (`0`/`1`), and every name is text as the parser reads it: no space, no
    /// invisible character (`logglytrackings&shy;ession`, as the Open Cookie Database
    /// once had it, could never match a text read without its soft hyphen).
    #[test]
    fn the_known_names_table_is_well_formed() {
        let mut names = 0;
        for (n, line) in include_str!("../vocab/data/ocd_names.tsv")
            .lines()
            .enumerate()
        {
            if line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            assert!(
                matches!(cols[..], [name, "0" | "1"] if !name.is_empty()),
                "line {}: {line:?}",
                n + 1
            );
            let plain = crate::decode::plain_characters(cols[0]).0;
            assert!(
                plain == cols[0] && !cols[0].chars().any(char::is_whitespace),
                "line {}: {line:?} is not read as written",
                n + 1
            );
            names += 1;
        }
        assert!(names > 2000, "{names}");
    }

    /// The shape and name tests as they were written before the ASCII table and the
    /// single shape test: the reference the fast ones are compared with.
    fn shaped_reference(tok: &str) -> bool {
        // (the quotes around a token are taken off first, as the fast tests do)
        let tok = unquoted(tok);
        !tok.is_empty()
            && tok.len() <= 120
            && tok.chars().all(is_name_char)
            && tok.chars().any(|c| c.is_letter())
            && !tok.ends_with(':')
    }

    fn structured_reference(tok: &str) -> bool {
        // (the quotes around a token are taken off first, as the fast tests do)
        let tok = unquoted(tok);
        if !shaped_reference(tok) || tok.contains("://") {
            return false;
        }
        let t = tok.trim_end_matches(['.', ',', ';', ':', ')']);
        if t.is_empty() {
            return false;
        }
        if t.contains('_') && t.chars().filter(|c| c.is_letter()).count() >= 2 {
            return !t.starts_with("http") && !t.contains('@');
        }
        if t.matches('.').count() >= 1 && !t.starts_with('.') && !host_or_file_reference(t) {
            let parts: Vec<&str> = t.split('.').collect();
            if parts.len() >= 3 && parts.iter().all(|p| !p.is_empty()) {
                return true;
            }
        }
        false
    }

    fn strong_reference(tok: &str) -> bool {
        // (the quotes around a token are taken off first, as the fast tests do)
        let tok = unquoted(tok);
        if structured_reference(tok) {
            return true;
        }
        if !shaped_reference(tok) || tok.contains("://") {
            return false;
        }
        let t = tok.trim_end_matches(['.', ',', ';', ':', ')']);
        let upperish = t
            .chars()
            .filter(|c| c.is_uppercase() || c.is_ascii_digit())
            .count()
            >= 2
            || t.chars().next().is_some_and(|c| !c.is_letter_or_digit());
        t.len() >= 3 && upperish && is_known(t)
    }

    /// The ASCII table and the single shape test answer as the character tests do:
    /// over every ASCII character in a few places, and every token of the corpus.
    #[test]
    fn name_tests_match_reference() {
        #[track_caller]
        fn same(tok: &str) {
            assert_eq!(is_name_shaped(tok), shaped_reference(tok), "{tok:?}");
            assert_eq!(
                is_structured_name(tok),
                structured_reference(tok),
                "{tok:?}"
            );
            assert_eq!(is_strong_name(tok), strong_reference(tok), "{tok:?}");
        }
        for b in 0u8..=127 {
            let c = b as char;
            assert_eq!(ASCII_NAME_CHARS[usize::from(b)], is_name_char(c), "{c:?}");
            for t in [
                format!("{c}"),
                format!("_ga{c}"),
                format!("{c}_pk_id"),
                format!("a.b{c}c.d"),
                format!("AB{c}12"),
                format!("x{c}{c}"),
            ] {
                same(&t);
            }
        }
        for t in [
            "",
            ":",
            "_ga:",
            "é_ü",
            "ÄB1",
            "a..b.c",
            "http://a_b",
            "__utma",
            "x".repeat(121).as_str(),
        ] {
            same(t);
        }
        for line in crate::testing::corpus_lines() {
            line.split_whitespace().for_each(same);
        }
    }

    /// `is_and_joiner` answers as the plain comparison with every joiner: on every
    /// corpus token, every joiner, and each in other cases and with a byte added.
    #[test]
    fn is_and_joiner_is_the_former_comparison() {
        fn before(w: &str) -> bool {
            and_joiners().any(|j| j == w)
        }
        let mut toks: Vec<String> = crate::testing::corpus_lines()
            .iter()
            .flat_map(|l| l.split([' ', ',']).map(str::to_string).collect::<Vec<_>>())
            .collect();
        for j in and_joiners() {
            toks.extend([
                j.to_string(),
                j.to_uppercase(),
                format!("{j}x"),
                format!("x{j}"),
                format!(" {j}"),
            ]);
        }
        toks.extend(["", " ", "+", "&", "é", "_ga"].map(String::from));
        let mut joiners = 0;
        for t in &toks {
            assert_eq!(is_and_joiner(t), before(t), "{t:?}");
            joiners += usize::from(before(t));
        }
        assert!(joiners > 50, "only {joiners} joiners");
    }

    /// `is_known` as it was, lower-casing every name into a new string.
    fn known_reference(name: &str) -> bool {
        let Known {
            names: map,
            prefixes,
            ..
        } = known();
        let lower = name.trim_end_matches('*').to_lowercase();
        map.contains_key(lower.as_bytes())
            || (lower.is_char_boundary(3.min(lower.len()))
                && lower.len() >= 3
                && prefixes
                    .get(&lower.as_bytes()[..3])
                    .is_some_and(|ps| ps.iter().any(|p| lower.starts_with(p.as_str()))))
    }

    /// Every whitespace-separated token of the corpus lines, each followed by its
    /// pieces between the characters `cut` holds for.
    fn corpus_tokens_and_pieces(cut: impl Fn(char) -> bool + Copy) -> Vec<String> {
        let mut toks = Vec::new();
        for line in crate::testing::corpus_lines() {
            for w in line.split_whitespace() {
                toks.push(w.to_string());
                toks.extend(w.split(cut).map(str::to_string));
            }
        }
        toks
    }

    /// `is_known`, lower-casing ASCII names on the stack, answers as before: on every
    /// corpus token (and its pieces between punctuation), every listed name in upper
    /// and mixed case, names at and around the 64-byte buffer, and names that are not
    /// ASCII (`İ` lower-cases to two characters).
    #[test]
    fn is_known_is_the_former_lookup() {
        let mut toks =
            corpus_tokens_and_pieces(|c: char| !c.is_letter_or_digit() && !"_-.*$".contains(c));
        for (name, _) in known().names.iter().take(5000) {
            let name = std::str::from_utf8(name).unwrap();
            toks.push(name.to_uppercase());
            toks.push(format!("{name}*"));
            let mut mixed: Vec<char> = name.chars().collect();
            if let Some(c) = mixed.first_mut() {
                *c = c.to_ascii_uppercase();
            }
            toks.push(mixed.into_iter().collect());
        }
        let long = known().names.keys().max_by_key(|k| k.len()).unwrap();
        let long = std::str::from_utf8(long).unwrap();
        for n in 60..=70 {
            toks.push("_ga".repeat(n / 3 + 1)[..n].to_string());
            toks.push(format!(
                "{}{}",
                long.to_uppercase(),
                "X".repeat(n.saturating_sub(long.len()))
            ));
        }
        toks.extend(
            [
                "",
                "*",
                "**",
                "_GA",
                "_ga*",
                "İ_ga",
                "_gİd",
                "ÄB1",
                "_ga_é",
                "PHPSESSID",
                "__UTMA",
            ]
            .map(String::from),
        );
        let mut hits = 0;
        for t in &toks {
            let want = known_reference(t);
            assert_eq!(is_known(t), want, "{t:?}");
            hits += usize::from(want);
        }
        assert!(hits > 1000, "only {hits} known names");
    }

    /// The start filter holds the start of every listed name (in any case: it is
    /// asked lower-cased), and turns away most starts it was not given: of all
    /// three-letter lower-case starts, those it lets by are few beyond the held ones.
    #[test]
    fn start_filter_holds_every_name_and_few_others() {
        let k = known();
        let mut held = FastSet::default();
        for name in k.names.keys() {
            if let Some(&[a, b, c]) = name.get(..3) {
                assert!(k.first3.may_hold([a, b, c]), "{name:?}");
                held.insert([a, b, c]);
            }
        }
        let (mut let_by, mut others) = (0, 0);
        for a in b'a'..=b'z' {
            for b in b'a'..=b'z' {
                for c in b'a'..=b'z' {
                    if !held.contains(&[a, b, c]) {
                        others += 1;
                        let_by += usize::from(k.first3.may_hold([a, b, c]));
                    }
                }
            }
        }
        assert!(let_by * 10 < others, "{let_by} of {others} let by");
    }

    /// The one-pass ASCII path answers as the character tests do: on every corpus token and
    /// its pieces, every listed name in three cases with trailing dots and colons,
    /// and every token of up to three characters from an alphabet of the bytes the
    /// tests turn on (name characters, case, digits, `_.@:`, a space, a comma).
    #[test]
    fn strong_ascii_is_the_general_path() {
        let mut toks = corpus_tokens_and_pieces(|c: char| matches!(c, ',' | '(' | ')' | '"'));
        for (name, _) in known().names.iter() {
            let name = std::str::from_utf8(name).unwrap();
            for n in [name.to_string(), name.to_uppercase(), format!("_{name}")] {
                toks.push(format!("{n}."));
                toks.push(format!("{n}.:"));
                toks.push(format!("{n}:"));
                toks.push(n);
            }
        }
        let alphabet = "aZ9_.@:-*h ,)é".chars().collect::<Vec<_>>();
        let mut short = vec![String::new()];
        for _ in 0..3 {
            let mut next = Vec::new();
            for s in &short {
                for &c in &alphabet {
                    next.push(format!("{s}{c}"));
                }
            }
            toks.extend(next.iter().cloned());
            short = next;
        }
        toks.extend(
            [
                "http_ga",
                "https_x.y",
                "a_b@c",
                "_ga.com",
                "a.b.c",
                "a..b.c",
                ".a.b.c",
                "gtag.js",
                "x.y.z.",
                "_G",
                "_Ga",
                "AB1",
                "ab",
                "PHPSESSID",
                "__utma",
                "__Secure-3PAPISID",
                "_ga_*",
                "_pk_id.*",
            ]
            .map(String::from),
        );
        toks.push("_a".repeat(60));
        toks.push("_a".repeat(61));
        let (mut strong, mut ascii) = (0, 0);
        for t in &toks {
            let want = strong_reference(t);
            assert_eq!(is_strong_name(t), want, "{t:?}");
            strong += usize::from(want);
            ascii += usize::from(t.is_ascii());
        }
        assert!(
            strong > 5000 && ascii > 50_000,
            "{strong} strong, {ascii} ASCII"
        );
    }

    /// `is_joiner` as it was: every word lower-cased into a new string and compared
    /// with the vocabulary's joiners.
    fn joiner_reference(w: &str) -> bool {
        SYMBOL_JOINERS.contains(&w) || vocab().is_joiner_word(&w.to_lowercase())
    }

    /// [`split_names`] as it was before the one-word path, the joiner gate and the
    /// slash split without a list: the reference the fast one is compared with.
    fn split_names_reference(cell: &str) -> Vec<Name> {
        let mut out = Vec::new();
        for piece in cell.split([',', ';', '\n', '\u{3001}']) {
            let piece = piece.trim();
            if piece.is_empty() {
                continue;
            }
            let (core, gloss) = take_gloss_reference(piece);
            let core = strip_marker_reference(core);
            let words: Vec<&str> = core.split_whitespace().collect();
            let parts: Vec<&str> = words
                .iter()
                .copied()
                .filter(|w| !joiner_reference(w))
                .collect();
            let all_names = parts.len() > 1
                && parts
                    .iter()
                    .all(|w| shaped_reference(w) && (strong_reference(w) || w.contains('*')));
            if all_names {
                for p in parts {
                    slash_split_reference(&mut out, p, None);
                }
            } else if words.len() > 1 && words.iter().any(|w| joiner_reference(w)) {
                let mut cur: Vec<&str> = Vec::new();
                for w in words {
                    if joiner_reference(w) {
                        if !cur.is_empty() {
                            slash_split_reference(&mut out, &cur.join(" "), None);
                            cur.clear();
                        }
                    } else {
                        cur.push(w);
                    }
                }
                if !cur.is_empty() {
                    slash_split_reference(&mut out, &cur.join(" "), gloss.clone());
                }
            } else if let Some(alt) = gloss.as_deref().and_then(alternative_reference) {
                slash_split_reference(&mut out, core, None);
                slash_split_reference(&mut out, alt, None);
            } else {
                slash_split_reference(&mut out, core, gloss);
            }
        }
        // (the words about more names after a list are dropped after the split, on
        // either path: round 38's step, not the split's)
        drop_worded_tail(&mut out);
        out
    }

    fn alternative_reference(gloss: &str) -> Option<&str> {
        let (joiner, rest) = gloss.trim().split_once(' ')?;
        let rest = rest.trim();
        (joiner_reference(joiner)
            && !rest.contains(' ')
            && shaped_reference(rest)
            && strong_reference(rest))
        .then_some(rest)
    }

    fn slash_split_reference(out: &mut Vec<Name>, s: &str, gloss: Option<String>) {
        let s = clean_reference(s);
        if s.is_empty() {
            return;
        }
        let parts: Vec<&str> = s.split('/').map(str::trim).collect();
        if parts.len() > 1 && parts.iter().all(|p| shaped_reference(p) && !p.is_empty()) {
            for p in parts {
                out.push(Name {
                    name: p.to_string(),
                    gloss: None,
                });
            }
        } else {
            out.push(Name {
                name: s.to_string(),
                gloss,
            });
        }
    }

    // the helpers as they were, for the reference split
    fn take_gloss_reference(piece: &str) -> (&str, Option<String>) {
        if let Some(open) = piece.find(" (") {
            if piece.ends_with(')') && open > 0 {
                let gloss = piece[open + 2..piece.len() - 1].trim();
                return (piece[..open].trim(), Some(gloss.to_string()));
            }
        }
        (piece, None)
    }

    fn strip_marker_reference(s: &str) -> &str {
        let t = s.trim_end();
        if let Some(open) = t.rfind('[') {
            let inner = &t[open + 1..];
            if let Some(inner) = inner.strip_suffix(']') {
                let inner = inner.trim();
                // (as before, but past the letter's own length: `[×2]` cut `×` in two)
                let count = inner.strip_prefix(['x', 'X', '×']);
                if count.is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit())) {
                    return t[..open].trim_end();
                }
            }
        }
        t
    }

    fn clean_reference(s: &str) -> &str {
        let s = s.trim();
        // markdown emphasis around a name: `**PHPSESSID**`, `*_ga*`
        let s = match s.strip_prefix("**").and_then(|t| t.strip_suffix("**")) {
            Some(inner) => inner,
            None => s,
        };
        let s = s.trim();
        // a star glued to the name is a wildcard (`*_key`), unless a star closes it too
        // (`*_ga*`: emphasis); a star then a space is a bullet
        let wildcard = s.len() > 1
            && s.starts_with('*')
            && !s.ends_with('*')
            && s[1..].starts_with(|c: char| c == '_' || c.is_letter_or_digit());
        let s = if wildcard {
            s
        } else {
            s.trim_start_matches(bullet_or_quote)
        };
        s.trim_end_matches(|c| c == ':' || c == '.' || crate::chars::is_quote(c))
            .trim()
    }

    fn host_or_file_reference(tok: &str) -> bool {
        let t = tok.trim_matches(|c: char| !c.is_letter_or_digit());
        match t.rsplit_once('.') {
            Some((_, ext)) => {
                let ext = ext.to_ascii_lowercase();
                TLDS.contains(&ext.as_str()) || FILE_EXTS.contains(&ext.as_str())
            }
            None => false,
        }
    }

    /// Words and cells to compare the fast tests with their references on: every
    /// corpus line, its cells and words, every joiner in several cases and glued to
    /// names, and cells built from a few names, joiners, separators and odd bytes.
    fn sample_cells() -> Vec<String> {
        let mut cells: Vec<String> = Vec::new();
        for line in crate::testing::corpus_lines() {
            cells.push(line.to_string());
            cells.extend(line.split('\t').map(str::to_string));
            cells.extend(line.split_whitespace().map(str::to_string));
        }
        let mut joiners: Vec<String> = joiner_gate().words.clone();
        joiners
            .extend(["AND", "Und", "oDer", "ET", "y", "E", "+", "&", "and so"].map(String::from));
        for j in joiner_gate().words.clone() {
            joiners.push(j.to_uppercase());
            joiners.push(format!("{j}x"));
            joiners.push(format!("x{j}"));
        }
        let atoms: Vec<String> = [
            "_ga",
            "_gid",
            "PHPSESSID",
            "_ga_*",
            "*_key",
            "Cookie",
            "name",
            "a/b",
            "_ga/_gid",
            "_ga / _gid",
            "(customerID)",
            "(or _pk_ses_1)",
            "(oder mtm_x)",
            "[x3]",
            "**_ga**",
            "`_ga`",
            "gtag.js",
            "a.b.c",
            "İ_ga",
            "ÄB1",
            "_pk_id.*",
            "\u{3001}",
            "\u{0B}",
            "\u{2003}",
            "K",
            "persist:root",
            "-",
            "•",
            "é",
            "“_ga”",
            "‘x’",
            "–_ga",
            "* _ga",
            "_ga:",
            "_ga.",
            "\"_ga\"",
            "'x'",
            "_ga [x2]",
            "[x3]",
            "_ga (x)",
            "()",
            " (",
            "gtag.JS",
            "a.COM",
            "\u{3000}",
            "、_ga",
            "\u{1F}",
            "\u{85}",
            "\u{A0}",
            "x)",
            "a(b)",
            "[x2]y",
            "a[x2]",
            "**",
            "*",
        ]
        .map(String::from)
        .to_vec();
        let seps = [" ", ", ", "; ", "\n", " , ", "  ", "\t"];
        for a in &atoms {
            cells.push(a.clone());
            for j in &joiners {
                cells.push(j.clone());
                cells.push(format!("{a} {j} _gid"));
                cells.push(format!("{j} {a}"));
                cells.push(format!("{a} ({j} _pk_ses)"));
            }
            for b in &atoms {
                for sep in seps {
                    cells.push(format!("{a}{sep}{b}"));
                    cells.push(format!("{a}{sep}{b} _gat"));
                    cells.push(format!("{a}{sep}{b} (gloss)"));
                }
            }
        }
        cells
    }

    /// The fast `is_joiner` and `split_names` answer as their references do.
    /// A service and its cookies in brackets: the service is words, a vendor, or one
    /// word over two names or more; the bracket lists names (one sure, or two that
    /// are no words). A name and its gloss, or a service over words, are neither.
    #[test]
    fn services_with_their_cookies_in_brackets() {
        for (cell, want) in [
            (
                "Google Analytics (_ga, _gid)",
                Some(("Google Analytics", "_ga, _gid")),
            ),
            (
                "Hotjar (_hjSession, _hjSessionUser)",
                Some(("Hotjar", "_hjSession, _hjSessionUser")),
            ),
            ("Velqora (vq_id)", None),
            ("Quantcast (cref, mc)", Some(("Quantcast", "cref, mc"))),
            ("Velqora Chat (cs, vst)", Some(("Velqora Chat", "cs, vst"))),
            ("__lc_cid (customerID)", None),
            ("_ga (Google Analytics)", None),
            ("Google (Analytics, Ads)", None),
            ("Google Analytics", None),
            ("Google Analytics (_ga, (x))", None),
        ] {
            assert_eq!(service_and_names(cell), want, "{cell:?}");
        }
    }

    #[test]
    fn split_names_is_the_former_split() {
        let cells = sample_cells();
        let mut joiners = 0;
        let mut split = 0;
        for c in &cells {
            assert_eq!(is_joiner(c), joiner_reference(c), "{c:?}");
            assert_eq!(clean(c), clean_reference(c), "{c:?}");
            assert_eq!(take_gloss(c), take_gloss_reference(c), "{c:?}");
            assert_eq!(strip_marker(c), strip_marker_reference(c), "{c:?}");
            assert_eq!(is_host_or_file(c), host_or_file_reference(c), "{c:?}");
            assert!(pieces(c).eq(c.split([',', ';', '\n', '\u{3001}'])), "{c:?}");
            joiners += usize::from(joiner_reference(c));
            let got = split_names(c);
            assert_eq!(got, split_names_reference(c), "{c:?}");
            split += usize::from(got.len() > 1);
        }
        assert!(joiners > 50, "only {joiners} joiners");
        assert!(split > 1000, "only {split} cells split");
    }

    #[track_caller]
    fn names(cell: &str, want: &[&str]) {
        let got: Vec<String> = split_names(cell).into_iter().map(|n| n.name).collect();
        assert_eq!(got, want, "{cell:?}");
    }

    #[test]
    fn splits_lists_of_names() {
        names("_ga, _gid", &["_ga", "_gid"]);
        names("_ga + _gid", &["_ga", "_gid"]);
        names(
            "_clck, _clsk, MUID, CLID",
            &["_clck", "_clsk", "MUID", "CLID"],
        );
        names("_pk_id et _pk_ses", &["_pk_id", "_pk_ses"]);
        names("_ga _gid _gat", &["_ga", "_gid", "_gat"]);
        names("_ga/_gid", &["_ga", "_gid"]);
        names("*_key", &["*_key"]);
        names("* _ga", &["_ga"]);
        names(
            "mtm_consent (oder mtm_consent_removed)",
            &["mtm_consent", "mtm_consent_removed"],
        );
        names("_pk_ses (or _pk_ses_1)", &["_pk_ses", "_pk_ses_1"]);
        // a gloss that is not a joiner and a name stays a gloss
        names("__lc_cid (or customer id)", &["__lc_cid"]);
    }

    #[test]
    fn keeps_names_as_written() {
        names("_ga_*", &["_ga_*"]);
        names("_ga_<container-id>", &["_ga_<container-id>"]);
        names("_ga_[ID]", &["_ga_[ID]"]);
        names("Local Storage", &["Local Storage"]);
        names(".ASPXAUTHELECTORREG", &[".ASPXAUTHELECTORREG"]);
        names("persist:root", &["persist:root"]);
        names("**PHPSESSID**", &["PHPSESSID"]);
        names("`_ga`", &["_ga"]);
    }

    #[test]
    fn drops_markers_and_glosses() {
        names("_hjSession_# [x3]", &["_hjSession_#"]);
        let n = split_names("__lc_cid (customerID)");
        assert_eq!(n[0].name, "__lc_cid");
        assert_eq!(n[0].gloss.as_deref(), Some("customerID"));
    }

    #[test]
    fn strong_names() {
        for s in [
            "asp.net_sessionID",
            "CSF.Authentication.Cookie.CSFProd",
            "_ga",
            "PHPSESSID",
        ] {
            assert!(is_strong_name(s), "{s}");
        }
        for s in [
            "gtag.js",
            "app.mycomplysafe.com",
            "Google",
            "together",
            "G-2LKVJMSYR9",
            "cookies",
        ] {
            assert!(!is_strong_name(s), "{s}");
        }
    }

    /// A list of sure names that ends in words about more of them drops the words
    /// (`_clck, _clsk e identificadores do Clarity`); words after names that are not
    /// sure, or a last piece that holds a sure name, stay as they were.
    #[test]
    fn words_about_more_names_after_a_list() {
        names(
            "_clck, _clsk e identificadores do Clarity",
            &["_clck", "_clsk"],
        );
        names("_ga, _gid and other Google cookies", &["_ga", "_gid"]);
        names("_ga, _gid, other identifiers", &["_ga", "_gid"]);
        // the first piece alone is no list
        names("other identifiers", &["other identifiers"]);
        // names no list or shape makes sure: the words may be what the cell names
        names(
            "session, token and other values",
            &["session", "token", "other values"],
        );
        // a sure name in the last piece keeps it
        names("_ga, _gid and _gat_UA-1", &["_ga", "_gid", "_gat_UA-1"]);
    }
}
