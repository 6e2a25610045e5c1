//! Per-language vocabularies, read from the tab-separated tables in `data/`.
//!
//! Each table line is `kind<TAB>value<TAB>phrase`. Phrases are compared in
//! [`match_form`] (lower case, no diacritics), so tables are written the way a
//! linguist would write them. A phrase whose last word ends in `*` matches any word
//! starting with that stem (`analyt*` matches `analytics`, `analytiques`).
//! Adding a language is adding its tables and a line to the registry
//! ([`languages::LANGUAGES`]).

pub(crate) mod affixes;
pub(crate) mod languages;
pub(crate) mod word_table;

use crate::chars::CharClass;
use crate::fields::text::{FastMap as HashMap, FastSet};
use std::collections::VecDeque;
use std::sync::OnceLock;

use crate::fields::text::{
    any_ascii_form_word, elision_len, is_edge, is_form_trim, match_form, words, words_apart,
};
use crate::policy::{Category, DurationKind};

/// A per-thread memo of a pure function of a text ([`crate::fields::text::Memo`]):
/// the readers ask the vocabulary about the same cells, phrases and words again and
/// again (callers bound the texts' length).
type Memo<T> = std::cell::RefCell<crate::fields::text::Memo<T, MEMO_SIZE>>;

/// Distinct texts a [`Memo`] keeps (at least; at most twice as many).
const MEMO_SIZE: usize = 4096;

/// `f()`, the answer for `text`, remembered in `memo`.
fn remembered<T: Copy>(
    memo: &'static std::thread::LocalKey<Memo<T>>,
    text: &str,
    f: impl FnOnce() -> T,
) -> T {
    if let Some(v) = memo.with(|m| m.borrow_mut().read(text, |&v| v)) {
        return v;
    }
    let v = f();
    memo.with(|m| m.borrow_mut().insert(text.to_string(), v));
    v
}

/// The vocabulary tables of the registered languages: (ISO 639-1 code, table).
pub(crate) fn tables() -> impl Iterator<Item = (&'static str, &'static str)> {
    languages::LANGUAGES.iter().map(|l| (l.code, l.vocab))
}

/// One row of a table as `(kind, value, phrase)`; `None` for a blank line, a comment
/// or a row of fewer than three columns (which `malformed_lines_fail` keeps out of
/// the tables).
fn row(line: &str) -> Option<(&str, &str, &str)> {
    if line.trim().is_empty() || line.starts_with('#') {
        return None;
    }
    let mut cols = line.split('\t');
    Some((cols.next()?, cols.next()?, cols.next()?))
}

/// Every row of every registered language's table, as [`Vocab::load`] reads them: for
/// the readers that keep one kind of row's words in a shape of their own (the set-by
/// and "only" word tests) and for tests built from the tables.
pub(crate) fn table_rows() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    tables().flat_map(|(_, table)| table.lines().filter_map(row))
}

/// What [`Vocab::field`] can make of one plain word ([`Vocab::field_word`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FieldWord {
    /// A listed header may start with it.
    pub(crate) starts: bool,
    /// It is a cookie word or a head word.
    pub(crate) counts: bool,
}

/// What a table column or a key holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Role {
    Name,
    Provider,
    Purpose,
    Duration,
    /// A type or category column: a category, a storage type, or a party.
    Type,
    Domain,
}

/// What an entry of a type column says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Storage {
    Cookie,
    /// Local storage, session storage, IndexedDB, pixels: not cookies.
    NotCookie,
}

/// A phrase of one or more words; the last may be a stem.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    words: Vec<String>,
    stem: bool,
}

impl Phrase {
    fn new(text: &str) -> Phrase {
        Phrase::read(text, false)
    }

    /// A phrase read with its elided words apart ([`words_apart`]: `mesure d'audience` is
    /// the words `mesure`, `d`, `audience`), as the category readers read text.
    fn apart(text: &str) -> Phrase {
        Phrase::read(text, true)
    }

    /// The phrase of a table's line: its words in [`match_form`], read apart or not;
    /// a `*` at its end makes the last a stem.
    fn read(text: &str, apart: bool) -> Phrase {
        let stem = text.trim_end().ends_with('*');
        let form = match_form(text.trim_end().trim_end_matches('*'));
        let ws: Vec<&str> = if apart {
            words_apart(&form)
        } else {
            words(&form).collect()
        };
        Phrase {
            words: ws.into_iter().map(str::to_string).collect(),
            stem,
        }
    }

    /// Does the phrase match at the start of `ws`? Returns the number of words matched.
    fn match_at(&self, ws: &[&str]) -> Option<usize> {
        if self.words.is_empty() || ws.len() < self.words.len() {
            return None;
        }
        let last = self.words.len() - 1;
        for (i, w) in self.words.iter().enumerate() {
            let ok = if i == last && self.stem {
                ws[i].starts_with(w.as_str())
            } else {
                ws[i] == w
            };
            if !ok {
                return None;
            }
        }
        Some(self.words.len())
    }
}

/// Which phrases of a list may match at a word: the phrases whose first word is that
/// word, and the one-word stems (`analyt*`), each as indices into the list in list
/// order. Lets a scan try a handful of phrases at each word instead of all of them,
/// with the same answer (the first phrase of the list that matches).
#[derive(Debug, Default)]
struct FirstWords {
    exact: HashMap<String, Vec<usize>>,
    /// The one-word stems by their first byte (a stem that starts a word shares it):
    /// 256 lists, or none while no stem is indexed.
    stems: Vec<Vec<usize>>,
    /// Words in the longest phrase: a match at a word looks no further.
    longest: usize,
    /// A bit per (first byte, second byte or 0 for a one-byte word) that a word
    /// must have to be a first word or to start with a stem: most words of a text
    /// are turned away by it before any hashing ([`FirstWords::pair_listed`]).
    pairs: Vec<u64>,
}

/// A bit set of the [`byte_pair`]s of `words`.
fn pair_bits<'w>(words: impl Iterator<Item = &'w str>) -> Vec<u64> {
    let mut bits = vec![0u64; (256 * 256) / 64];
    for w in words {
        let p = byte_pair(w);
        bits[p / 64] |= 1 << (p % 64);
    }
    bits
}

/// Whether the [`byte_pair`] of `word` is in `bits` ([`pair_bits`]; an empty set
/// holds none).
fn has_pair(bits: &[u64], word: &str) -> bool {
    let p = byte_pair(word);
    bits.get(p / 64).is_some_and(|b| b & (1 << (p % 64)) != 0)
}

/// Whether the [`match_form`] of a word as written is in `set`, whose [`byte_pair`]s
/// `pairs` holds ([`pair_bits`]), without a copy for a short ASCII word: its form is the
/// word in lower case, apostrophes trimmed at its ends (the only character of a word
/// that [`match_form`] trims). The pair of such a word's form is read from the word
/// itself, so most words are turned away before any copy (a backtick, folded to an
/// apostrophe, goes the general way, as do other words).
fn form_listed(word: &str, pairs: &[u64], set: &FastSet<String>) -> bool {
    if word.len() <= 32 && word.is_ascii() {
        let t = word.trim_matches('\'').as_bytes();
        let lower = |k: usize| t.get(k).map_or(0, |c| usize::from(c.to_ascii_lowercase()));
        let pair = lower(0) << 8 | lower(1);
        let listed = pairs
            .get(pair / 64)
            .is_some_and(|bits| bits & (1 << (pair % 64)) != 0);
        if !listed && !word.as_bytes().contains(&b'`') {
            return false;
        }
    }
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() && !word.contains('`') => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).is_ok_and(|l| {
                let l = l.trim_matches('\'');
                has_pair(pairs, l) && set.contains(l)
            })
        }
        _ => set.contains(&match_form(word)),
    }
}

/// Whether the [`byte_pair`] of the ASCII lower case of `word` (bytes of an ASCII
/// word) is in `bits`: [`has_pair`] of the lower-cased word, without lower-casing it
/// (ASCII lower case maps each byte to one byte).
fn has_lower_pair(bits: &[u64], word: &[u8]) -> bool {
    let first = word.first().map_or(0, u8::to_ascii_lowercase);
    let second = word.get(1).map_or(0, u8::to_ascii_lowercase);
    let p = usize::from(first) << 8 | usize::from(second);
    bits.get(p / 64).is_some_and(|b| b & (1 << (p % 64)) != 0)
}

/// A word's length (its low four bits), last byte and first byte (the low six bits of
/// each, ASCII lower-cased) as a 16-bit key: equal for a word and its ASCII lower case,
/// so a set of lower-case words turns away, by their keys, words whose lower case is
/// not among them; 0 for an empty word.
fn word_shape(word: &[u8]) -> usize {
    let low = |b: Option<&u8>| b.map_or(0, |b| usize::from(b.to_ascii_lowercase() & 63));
    (word.len() & 15) << 12 | low(word.last()) << 6 | low(word.first())
}

/// The (first byte, second byte) of a word, 0 for the second of a one-byte word
/// (a word never holds a NUL byte); 0 for an empty word.
fn byte_pair(w: &str) -> usize {
    let b = w.as_bytes();
    usize::from(b.first().copied().unwrap_or(0)) << 8 | usize::from(b.get(1).copied().unwrap_or(0))
}

impl FirstWords {
    fn new<'p>(phrases: impl Iterator<Item = &'p Phrase>) -> FirstWords {
        let mut index = FirstWords::default();
        let mut stem_words: Vec<String> = Vec::new();
        for (i, p) in phrases.enumerate() {
            index.longest = index.longest.max(p.words.len());
            match p.words.as_slice() {
                [] => {}
                [stem] if p.stem => {
                    // words are never empty: every stem has a first byte
                    stem_words.push(stem.clone());
                    if let Some(&b) = stem.as_bytes().first() {
                        if index.stems.is_empty() {
                            index.stems = vec![Vec::new(); 256];
                        }
                        index.stems[usize::from(b)].push(i);
                    }
                }
                [first, ..] => index.exact.entry(first.clone()).or_default().push(i),
            }
        }
        let mut pairs = pair_bits(index.exact.keys().map(String::as_str));
        let mut set = |p: usize| pairs[p / 64] |= 1 << (p % 64);
        for stem in &stem_words {
            match stem.as_bytes() {
                // a one-byte stem starts every word of its byte
                [b] => (0..256).for_each(|second| set(usize::from(*b) << 8 | second)),
                _ => set(byte_pair(stem)),
            }
        }
        index.pairs = pairs;
        index
    }

    /// Whether `word` has the first two bytes of a first word or of a stem: a
    /// necessary condition for [`FirstWords::candidates`] to hold a phrase whose
    /// first word is `word` or a stem of it.
    fn pair_listed(&self, word: &str) -> bool {
        has_pair(&self.pairs, word)
    }

    /// Whether a phrase may start at `word` (a form): the necessary condition of
    /// [`FirstWords::first_match`] on words that open with `word`.
    fn may_start(&self, word: &str) -> bool {
        self.pair_listed(word)
            && (self.exact.contains_key(word) || !self.stems_for(word).is_empty())
    }

    /// The one-word stems that may start `word`.
    fn stems_for(&self, word: &str) -> &[usize] {
        word.as_bytes()
            .first()
            .and_then(|&b| self.stems.get(usize::from(b)))
            .map_or(&[], Vec::as_slice)
    }

    /// Every phrase that may match at `word`, not in list order.
    fn candidates<'s>(&'s self, word: &str) -> impl Iterator<Item = usize> + 's {
        self.exact
            .get(word)
            .into_iter()
            .flatten()
            .chain(self.stems_for(word))
            .copied()
    }

    /// A phrase (`phrase(k)` for each index `k`) that reads the whole of `text`, all
    /// its words and no more: its index.
    fn whole_match<'p>(&self, phrase: impl Fn(usize) -> &'p Phrase, text: &str) -> Option<usize> {
        let form = match_form(text);
        // (read apart, as category phrases are: the other lists hold no elided word)
        let ws: Vec<&str> = words_apart(&form);
        // (an empty text: no phrase matches it)
        let first = ws.first()?;
        self.candidates(first)
            .find(|&k| phrase(k).match_at(&ws) == Some(ws.len()))
    }

    /// The first phrase of `list` (in list order) that matches at the start of `ws`,
    /// with the number of words it matched.
    fn first_match<'p>(
        &self,
        phrase: impl Fn(usize) -> &'p Phrase,
        ws: &[&str],
    ) -> Option<(usize, usize)> {
        let first = ws.first()?;
        // (no phrase starts with a word of another byte pair)
        if !self.pair_listed(first) {
            return None;
        }
        let found = |ids: &[usize]| {
            ids.iter()
                .find_map(|&i| phrase(i).match_at(ws).map(|n| (i, n)))
        };
        let exact = self.exact.get(*first).and_then(|ids| found(ids));
        let stem = found(self.stems_for(first));
        match (exact, stem) {
            (Some(a), Some(b)) => Some(if a.0 < b.0 { a } else { b }),
            (a, b) => a.or(b),
        }
    }
}

/// [`FirstWords`] of every phrase list that is scanned word by word.
#[derive(Debug, Default)]
struct Indexes {
    categories: FirstWords,
    storage: FirstWords,
    first_party: FirstWords,
    only: FirstWords,
    set_by: FirstWords,
    cookie_words: FirstWords,
    local_storage: FirstWords,
    no_cookie: FirstWords,
    placeholders: FirstWords,
}

/// All vocabularies, every language merged: headers and keys are recognised in
/// any supported language, whatever the document's language.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    fields: HashMap<String, Role>,
    /// Field phrases by (first letter, length in chars), for keys with a typo.
    fields_by_shape: HashMap<(char, usize), Vec<(String, Role)>>,
    /// First words of every field phrase, to reject most text without folding it.
    field_first_words: FastSet<String>,
    /// The byte pairs of `field_first_words` ([`pair_bits`]): most words are turned
    /// away before any hashing.
    field_first_pairs: Vec<u64>,
    /// The [`word_shape`]s of `field_first_words`: a second test before the hash, for
    /// the words of prose whose pair a first word shares (`co`, `de`, `pr`).
    field_first_shapes: Vec<u64>,
    /// No form in `fields` holds an ASCII digit ([`Vocab::digit_rejects`]).
    fields_digit_free: bool,
    /// Last words of the `set_by` phrases (`by`, `par`, `von`).
    set_by_last: FastSet<String>,
    /// The byte pairs of `set_by_last` ([`pair_bits`]).
    set_by_last_pairs: Vec<u64>,
    categories: Vec<(Phrase, Category)>,
    storage: Vec<(Phrase, Storage)>,
    first_party: Vec<Phrase>,
    /// Headings that hold a category word and declare no category (`Technical cookie
    /// definitions`, a consent platform's title over a service's cookie table): see
    /// [`Vocab::is_table_title`].
    no_category: Vec<Phrase>,
    /// The first words of [`Vocab::no_category`]'s phrases: a heading that opens
    /// with none of them (nearly every one) is no table title, asked with one lookup.
    no_category_firsts: FastSet<String>,
    only: Vec<Phrase>,
    set_by: Vec<Phrase>,
    cookie_words: Vec<Phrase>,
    /// The one-word, whole-word `cookie_words`, for [`Vocab::is_cookie_word`].
    one_cookie_words: FastSet<String>,
    /// Their [`byte_pair`]s ([`pair_bits`]) and the range of their lengths in bytes,
    /// for [`Vocab::is_cookie_word_written`].
    one_cookie_pairs: Vec<u64>,
    one_cookie_lens: (usize, usize),
    local_storage: Vec<Phrase>,
    no_cookie: Vec<Phrase>,
    /// Values that state nothing (`n/a`, `k. A.`, `n.v.t.`).
    placeholders: Vec<Phrase>,
    /// The first bytes of the placeholders' match forms, a bit each.
    placeholder_starts: [u64; 4],
    pronouns: Vec<String>,
    /// Words that negate the category word after them (`non`, `not`, `nicht`).
    negations: FastSet<String>,
    /// Verbs that state how long a cookie lives (`expires`, `dure`, `verfällt`).
    lifetime_verbs: Vec<Vec<String>>,
    /// The first word of each of `lifetime_verbs`: a sentence none of whose first words
    /// is one states no lifetime with a verb ([`Vocab::may_start_lifetime_verb`]).
    lifetime_verb_firsts: FastSet<String>,
    /// Some lifetime verb phrase has no word (then every word may start one).
    lifetime_verb_empty: bool,
    /// Words before a provider's name after a set-by phrase (`the`, `plugin`).
    provider_lead: FastSet<String>,
    /// Words that end a provider's name after a set-by phrase (`to`, `pour`, `oppure`).
    provider_stop: FastSet<String>,
    /// A link's label that a consent platform writes after a service's name
    /// (`View Service Privacy Policy`, `Datenschutzerklärung`), as [`match_form`]
    /// gives it, with its number of words.
    link_labels: Vec<(String, usize)>,
    /// The first word of each link's label: a line opening with none is no label
    /// (asked of most lines no layout read, so the line is not folded whole first).
    link_label_firsts: FastSet<String>,
    /// The [`byte_pair`]s of `link_label_firsts` ([`form_listed`]).
    link_label_first_pairs: Vec<u64>,
    /// Words that open a line about the service named just above it (`This service
    /// can install 4 cookies`, `Ce service peut déposer …`), as [`match_form`] gives
    /// them.
    service_refs: FastSet<String>,
    /// The first words of [`Vocab::service_refs`] (`this`, `ce`, `dieser`): a line that
    /// opens with none of them is turned away before it is folded.
    service_ref_firsts: Vec<String>,
    /// Words after a service's name that open a sentence saying what it is (`Verve
    /// is a service provided by …`), as [`match_form`] gives them: a heading repeated
    /// at the start of the line under it, then one of these, names a service.
    service_is: FastSet<String>,
    /// Companies' legal forms (`inc`, `gmbh`, `s.l`), folded, without a final full
    /// stop: see [`Vocab::without_address`].
    legal_forms: FastSet<String>,
    /// Words before `cookies` that open a sentence about the cookies just listed
    /// (`these`, `ces`, `diese`).
    demonstratives: FastSet<String>,
    /// Words that pair a list of values with the names before it, in order
    /// (`respectively`, `beziehungsweise`), as [`match_form`] gives them.
    respectively: FastSet<String>,
    /// The byte pairs of `respectively` ([`pair_bits`]).
    respectively_pairs: Vec<u64>,
    /// Verbs whose subject sets the cookie named after them (`places`, `dépose`,
    /// `setzt`), as [`match_form`] gives them.
    sets_verbs: FastSet<String>,
    /// Words that name a page in a page's number (`page`, `Seite`, `pág.`), as
    /// [`match_form`] gives them: a PDF's footer line (`Page 3 of 12`).
    page_words: FastSet<String>,
    /// Words between a page's number and the count of pages (`of`, `von`, `sur`).
    page_ofs: FastSet<String>,
    /// Headers of a column that says whether consent is asked (`Consent`,
    /// `Einwilligung`), as [`match_form`] gives them: its cells (`Erforderlich`,
    /// `Required`) declare no category.
    consent_columns: FastSet<String>,
    /// Words the prose reader never takes for a cookie name beside a cookie word
    /// (`GDPR`, `DSGVO`, `CNIL`), as [`match_form`] gives them.
    not_names: FastSet<String>,
    /// Words written with a dot that ends no sentence (`bzw.`, `approx.`), as
    /// [`match_form`] gives them (without the dot).
    abbreviations: FastSet<String>,
    /// The longest of `abbreviations`, in bytes as written (a bound: a fold only
    /// shortens ASCII words, and the listed ones are ASCII or one accent more).
    abbreviation_max_len: usize,
    /// The byte pairs of `demonstratives` ([`pair_bits`]): most words are turned away
    /// before any hashing.
    demonstrative_pairs: Vec<u64>,
    /// Words between names in one cell, lower case as written: additive (`and`, `et`)
    /// and alternative (`or`, `oder`).
    and_joiners: Vec<String>,
    or_joiners: Vec<String>,
    /// Words between a cookie word and a heading's category word (`de`, `zur`).
    linkers: FastSet<String>,
    /// Ends of compounds that are cookie words (`cookie`: `Sitzungscookie`), in
    /// [`match_form`].
    cookie_compounds: Vec<String>,
    /// The shortest of [`Vocab::cookie_compounds`] and their last bytes, lower case.
    cookie_compound_ends: (usize, Vec<u8>),
    /// Words between a cookie word and the name it introduces (`named`, `nommé`).
    naming: FastSet<String>,
    /// Words before a cookie word that say its kind (`session`, `persistente`).
    cookie_kinds: HashMap<String, DurationKind>,
    /// Head words of headers and keys: whole words, stems (`expir*`) and compound ends
    /// (`*dauer`), with the role they decide.
    heads: Heads,
    /// The phrase lists indexed by first word, built once every table is loaded.
    index: Indexes,
}

/// The `head` lines of every table: what decides a header that is not listed whole.
#[derive(Debug, Default)]
struct Heads {
    words: HashMap<String, Role>,
    stems: Vec<(String, Role)>,
    ends: Vec<(String, Role)>,
    /// Words for cookies (`cookie`, `traceur`): a name column only when nothing else is said.
    cookie_words: FastSet<String>,
    /// Words after which head words are complements (`for`, `pour`, `für`).
    complements: FastSet<String>,
    /// The head words a typo may reach: whole words of [`TYPO_MIN_CHARS`] characters or
    /// more that are not cookie words, indexed by length in characters (entry `n` holds
    /// the words of `n` characters, sorted), so the one-typo search compares a word only
    /// with heads one character shorter, as long, or one longer. Built by
    /// [`Heads::index_typos`] once every table is loaded.
    typo_words: Vec<Vec<(String, Role)>>,
    /// Indices into `stems` by the stem's first byte, in list order (a stem that starts
    /// a word shares its first byte); an empty stem is in every entry.
    stems_by_first: Vec<Vec<usize>>,
    /// Indices into `ends` by the end's last byte, in list order; an empty end is in
    /// every entry.
    ends_by_last: Vec<Vec<usize>>,
}

/// Indices of `items` by one byte of each (`None`: an empty item, listed under every
/// byte), in list order.
fn by_byte<T>(items: &[T], byte: impl Fn(&T) -> Option<u8>) -> Vec<Vec<usize>> {
    let mut index: Vec<Vec<usize>> = vec![Vec::new(); 256];
    for (i, item) in items.iter().enumerate() {
        match byte(item) {
            Some(b) => index[usize::from(b)].push(i),
            None => index.iter_mut().for_each(|l| l.push(i)),
        }
    }
    index
}

/// The fewest characters a word (and the head word it is compared with) needs before
/// one typo is tolerated.
const TYPO_MIN_CHARS: usize = 7;

impl Heads {
    fn add(&mut self, role: Role, word: &str) {
        let word = word.trim();
        let form = match_form(word.trim_matches('*'));
        if word.starts_with('*') {
            self.ends.push((form, role));
        } else if word.ends_with('*') {
            self.stems.push((form, role));
        } else {
            self.words.insert(form, role);
        }
    }

    /// Mark the name heads that are words for cookies (`cookie`, `cookie-name`,
    /// `traceurs`): those that start with a one-word `cookie_word` of the tables.
    fn mark_cookie_words(&mut self, cookie_words: &[Phrase]) {
        let marked: Vec<String> = self
            .words
            .iter()
            .filter(|(w, r)| {
                **r == Role::Name
                    && cookie_words
                        .iter()
                        .any(|p| p.words.len() == 1 && w.starts_with(p.words[0].as_str()))
            })
            .map(|(w, _)| w.clone())
            .collect();
        self.cookie_words.extend(marked);
    }

    /// The role one folded word decides: a listed word, a stem, the end of a compound
    /// (at least three letters before it), or a listed word of seven letters or more
    /// with one typo.
    fn role_of(&self, w: &str) -> Option<Role> {
        // The header search asks about the same words many times (every phrase of up
        // to five words of every candidate line): what the stems, ends and typo search
        // decide is remembered per thread, keyed by the word (a pure function of it;
        // the memo is bounded).
        thread_local! {
            static MEMO: Memo<Option<Role>> = Memo::default();
        }
        if let Some(r) = self.words.get(w) {
            return Some(*r);
        }
        remembered(&MEMO, w, || self.role_of_unlisted(w))
    }

    /// [`Heads::role_of`] of a word that is not listed whole, without the memo.
    fn role_of_unlisted(&self, w: &str) -> Option<Role> {
        // the first stem and the first compound end of the lists that fit, found among
        // those that share the word's first (last) byte
        let (Some(&first), Some(&last)) = (w.as_bytes().first(), w.as_bytes().last()) else {
            // only an empty stem starts an empty word
            return self
                .stems
                .iter()
                .find(|(s, _)| s.is_empty())
                .map(|(_, r)| *r);
        };
        let stem = self.stems_by_first.get(usize::from(first)).and_then(|ids| {
            ids.iter()
                .map(|&i| &self.stems[i])
                .find(|(s, _)| w.starts_with(s.as_str()))
        });
        if let Some((_, r)) = stem {
            return Some(*r);
        }
        let end = self.ends_by_last.get(usize::from(last)).and_then(|ids| {
            ids.iter()
                .map(|&i| &self.ends[i])
                .find(|(e, _)| w.len() >= e.len() + 3 && w.ends_with(e.as_str()))
        });
        if let Some((_, r)) = end {
            return Some(*r);
        }
        // a typo only on long words, never on a cookie word (`bcookie` is a name); one
        // edit changes the length by at most one character, so only three lengths of head
        // words can match. The alphabetically first match answers (the same answer in
        // every process, whatever the map's order): each bucket is sorted.
        let n = w.chars().count();
        if n >= TYPO_MIN_CHARS {
            return (n - 1..=n + 1)
                .filter_map(|len| self.typo_words.get(len))
                .filter_map(|bucket| {
                    bucket
                        .iter()
                        .find(|(h, _)| may_be_one_edit(w, h) && one_edit(w, h))
                })
                .min_by(|a, b| a.0.cmp(&b.0))
                .map(|(_, r)| *r);
        }
        None
    }

    /// Build the typo index ([`Heads::typo_words`]) from the whole words read so far, and
    /// the byte indices of the stems and compound ends.
    fn index_typos(&mut self) {
        let mut index: Vec<Vec<(String, Role)>> = Vec::new();
        for (h, r) in &self.words {
            let n = h.chars().count();
            if n < TYPO_MIN_CHARS || self.cookie_words.contains(h) {
                continue;
            }
            if index.len() <= n {
                index.resize_with(n + 1, Vec::new);
            }
            index[n].push((h.clone(), *r));
        }
        for bucket in &mut index {
            bucket.sort_by(|a, b| a.0.cmp(&b.0));
        }
        self.typo_words = index;
        self.stems_by_first = by_byte(&self.stems, |(s, _)| s.as_bytes().first().copied());
        self.ends_by_last = by_byte(&self.ends, |(e, _)| e.as_bytes().last().copied());
    }
}

/// A necessary condition for [`one_edit`] on words of three characters or more,
/// cheap enough to run first: one edit touches at most two neighbouring characters, so
/// the words share their first or their last character (and so their first or last
/// byte).
fn may_be_one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.first() == b.first() || a.last() == b.last()
}

/// Are `a` and `b` one edit apart (a letter replaced, added, dropped, or two swapped)?
///
/// Called for every long word of every header candidate against every long head
/// word, so it rejects on length first and compares bytes when both are ASCII (the
/// usual case) without allocating; other text is compared by characters.
pub(crate) fn one_edit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return one_edit_seq(a.as_bytes(), b.as_bytes());
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    one_edit_seq(&a, &b)
}

fn one_edit_seq<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a.len().abs_diff(b.len()) > 1 || a == b {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let s = a[p..]
        .iter()
        .rev()
        .zip(b[p..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ra, rb) = (
        a.len() - p - s.min(a.len() - p),
        b.len() - p - s.min(b.len() - p),
    );
    match (ra, rb) {
        (1, 1) | (0, 1) | (1, 0) => true,
        (2, 2) => a[p] == b[p + 1] && a[p + 1] == b[p],
        _ => false,
    }
}

/// The merged vocabulary, built once.
pub(crate) fn vocab() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| {
        let mut v = Vocab::default();
        for (lang, table) in tables() {
            // a malformed line is a test failure (`tables_are_well_formed`), never a panic
            // at run time: in release builds such a line is only skipped by `load`
            debug_assert!(check_table(lang, table).is_empty(), "{lang}.tsv");
            v.load(table);
        }
        v.heads.mark_cookie_words(&v.cookie_words);
        v.one_cookie_words = v
            .cookie_words
            .iter()
            .filter(|p| !p.stem && p.words.len() == 1)
            .map(|p| p.words[0].clone())
            .collect();
        v.one_cookie_pairs = pair_bits(v.one_cookie_words.iter().map(String::as_str));
        v.cookie_compound_ends = (
            v.cookie_compounds
                .iter()
                .map(String::len)
                .min()
                .unwrap_or(usize::MAX / 2),
            v.cookie_compounds
                .iter()
                .filter_map(|t| t.as_bytes().last().map(u8::to_ascii_lowercase))
                .collect(),
        );
        v.one_cookie_lens = v
            .one_cookie_words
            .iter()
            .fold((usize::MAX, 0), |(lo, hi), w| {
                (lo.min(w.len()), hi.max(w.len()))
            });
        // longest phrases first, so `strictly necessary` wins over `necessary`
        v.categories
            .sort_by_key(|(p, _)| std::cmp::Reverse(p.words.len()));
        v.storage
            .sort_by_key(|(p, _)| std::cmp::Reverse(p.words.len()));
        // (and `View Service Privacy Policy` before `Privacy Policy`)
        v.link_labels.sort_by_key(|l| std::cmp::Reverse(l.1));
        v.heads.index_typos();
        v.set_by_last_pairs = pair_bits(v.set_by_last.iter().map(String::as_str));
        v.demonstrative_pairs = pair_bits(v.demonstratives.iter().map(String::as_str));
        v.link_label_first_pairs = pair_bits(v.link_label_firsts.iter().map(String::as_str));
        v.respectively_pairs = pair_bits(v.respectively.iter().map(String::as_str));
        v.field_first_pairs = pair_bits(v.field_first_words.iter().map(String::as_str));
        v.field_first_shapes = vec![0u64; (1 << 16) / 64];
        for w in &v.field_first_words {
            let k = word_shape(w.as_bytes());
            v.field_first_shapes[k / 64] |= 1 << (k % 64);
        }
        v.fields_digit_free = v
            .fields
            .keys()
            .all(|k| !k.bytes().any(|b| b.is_ascii_digit()));
        v.index = Indexes {
            categories: FirstWords::new(v.categories.iter().map(|(p, _)| p)),
            storage: FirstWords::new(v.storage.iter().map(|(p, _)| p)),
            first_party: FirstWords::new(v.first_party.iter()),
            only: FirstWords::new(v.only.iter()),
            set_by: FirstWords::new(v.set_by.iter()),
            cookie_words: FirstWords::new(v.cookie_words.iter()),
            local_storage: FirstWords::new(v.local_storage.iter()),
            no_cookie: FirstWords::new(v.no_cookie.iter()),
            placeholders: FirstWords::new(v.placeholders.iter()),
        };
        for p in &v.placeholders {
            if let Some(&b) = p.words.first().and_then(|w| w.as_bytes().first()) {
                v.placeholder_starts[usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
        v
    })
}

fn parse_role(s: &str) -> Option<Role> {
    Some(match s {
        "name" => Role::Name,
        "provider" => Role::Provider,
        "purpose" => Role::Purpose,
        "duration" => Role::Duration,
        "type" => Role::Type,
        "domain" => Role::Domain,
        _ => return None,
    })
}

fn parse_category(s: &str) -> Option<Category> {
    Some(match s {
        "necessary" => Category::Necessary,
        "functional" => Category::Functional,
        "analytics" => Category::Analytics,
        "advertising" => Category::Advertising,
        "unknown" => Category::Unknown,
        _ => return None,
    })
}

/// The problems of a vocabulary table, one message per bad line: a line must be
/// `kind<TAB>value<TAB>phrase` with a known kind, a value that kind accepts, and a
/// phrase. The tables are data a linguist edits; a typo there must fail a test, not
/// be skipped in silence.
pub(crate) fn check_table(name: &str, table: &str) -> Vec<String> {
    let mut bad = Vec::new();
    for (n, line) in table.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let at = format!("{name}:{}", n + 1);
        if cols.len() != 3 || cols[2].trim().is_empty() {
            bad.push(format!("{at}: not kind<TAB>value<TAB>phrase: {line:?}"));
            continue;
        }
        let (kind, value, phrase) = (cols[0], cols[1], cols[2]);
        // a head is one word as the header's words are cut (`untergruppe`, not
        // `sous-groupe`): a head of two words never matches one
        if kind == "head" && words(phrase.trim().trim_matches('*')).count() != 1 {
            bad.push(format!(
                "{at}: a head is one word (list a phrase as `field`): {phrase:?}"
            ));
            continue;
        }
        let ok = match kind {
            "field" | "head" => parse_role(value).is_some(),
            "category" => parse_category(value).is_some(),
            "storage" => matches!(value, "cookie" | "not_cookie"),
            "first_party" | "only" | "set_by" | "cookie_word" | "local_storage" | "no_cookie"
            | "placeholder" | "pronoun" | "complement" | "negation" | "provider_lead"
            | "provider_stop" | "lifetime_verb" | "link_label" | "service_ref" | "service_is"
            | "legal_form" | "no_category" => value == "-",
            "joiner" => matches!(value, "and" | "or"),
            "cookie_kind" => parse_cookie_kind(value).is_some(),
            "demonstrative" | "linker" | "naming" | "respectively" | "abbreviation"
            | "not_a_name" | "sets_verb" | "page_word" | "page_of" | "consent_column"
            | "cookie_compound" => value == "-",
            _ => match affixes::check_line(kind, value, phrase) {
                Some(problem) => {
                    if let Err(p) = problem {
                        bad.push(format!("{at}: {p}"));
                    }
                    continue;
                }
                None => {
                    bad.push(format!("{at}: unknown kind {kind:?}"));
                    continue;
                }
            },
        };
        if !ok {
            bad.push(format!(
                "{at}: kind {kind:?} does not take the value {value:?}"
            ));
        } else if matches!(
            kind,
            "joiner"
                | "cookie_kind"
                | "demonstrative"
                | "linker"
                | "naming"
                | "respectively"
                | "abbreviation"
                | "not_a_name"
                | "sets_verb"
                | "cookie_compound"
        ) && !affixes::is_one_word(phrase)
        {
            bad.push(format!(
                "{at}: kind {kind:?} takes one word, not {phrase:?}"
            ));
        }
    }
    bad
}

/// How a legal form is looked up: folded, without the spaces around it and its
/// final full stop (`Inc.` and `inc` are one form).
fn legal_form_key(part: &str) -> String {
    match_form(part.trim()).trim_end_matches('.').to_string()
}

fn parse_cookie_kind(s: &str) -> Option<DurationKind> {
    Some(match s {
        "session" => DurationKind::Session,
        "persistent" => DurationKind::Persistent,
        _ => return None,
    })
}

impl Vocab {
    fn load(&mut self, table: &str) {
        for (kind, value, phrase) in table.lines().filter_map(row) {
            match kind {
                "field" => {
                    if let Some(role) = parse_role(value) {
                        let form = match_form(phrase);
                        if let Some(w) = words(&form).next() {
                            self.field_first_words.insert(w.to_string());
                        }
                        let len = form.chars().count();
                        if let Some(first) = form.chars().next().filter(|_| len >= 6) {
                            self.fields_by_shape
                                .entry((first, len))
                                .or_default()
                                .push((form.clone(), role));
                        }
                        self.fields.insert(form, role);
                    }
                }
                "category" => {
                    if let Some(c) = parse_category(value) {
                        self.categories.push((Phrase::apart(phrase), c));
                    }
                }
                "storage" => {
                    let s = if value == "cookie" {
                        Storage::Cookie
                    } else {
                        Storage::NotCookie
                    };
                    self.storage.push((Phrase::new(phrase), s));
                }
                "first_party" => self.first_party.push(Phrase::new(phrase)),
                "no_category" => {
                    let p = Phrase::apart(phrase);
                    if let Some(w) = p.words.first() {
                        self.no_category_firsts.insert(w.clone());
                    }
                    self.no_category.push(p);
                }
                "only" => self.only.push(Phrase::new(phrase)),
                "set_by" => {
                    let p = Phrase::new(phrase);
                    if let Some(w) = p.words.last() {
                        self.set_by_last.insert(w.clone());
                    }
                    self.set_by.push(p);
                }
                "cookie_word" => self.cookie_words.push(Phrase::new(phrase)),
                "local_storage" => self.local_storage.push(Phrase::new(phrase)),
                "no_cookie" => self.no_cookie.push(Phrase::new(phrase)),
                "placeholder" => self.placeholders.push(Phrase::new(phrase)),
                "pronoun" => self.pronouns.push(match_form(phrase)),
                "head" => {
                    if let Some(role) = parse_role(value) {
                        self.heads.add(role, phrase);
                    }
                }
                "negation" => {
                    self.negations.insert(match_form(phrase));
                }
                "lifetime_verb" => {
                    let ws: Vec<String> = words(&match_form(phrase)).map(str::to_string).collect();
                    match ws.first() {
                        Some(w) => {
                            self.lifetime_verb_firsts.insert(w.clone());
                        }
                        None => self.lifetime_verb_empty = true,
                    }
                    self.lifetime_verbs.push(ws);
                }
                "provider_lead" => {
                    self.provider_lead.insert(match_form(phrase));
                }
                "provider_stop" => {
                    self.provider_stop.insert(match_form(phrase));
                }
                "complement" => {
                    self.heads.complements.insert(match_form(phrase));
                }
                "demonstrative" => {
                    self.demonstratives.insert(match_form(phrase));
                }
                "respectively" => {
                    self.respectively.insert(match_form(phrase));
                }
                "not_a_name" => {
                    self.not_names.insert(match_form(phrase));
                }
                "service_ref" => {
                    let form = match_form(phrase);
                    let first = form.split_whitespace().next().unwrap_or("").to_string();
                    if !self.service_ref_firsts.contains(&first) {
                        self.service_ref_firsts.push(first);
                    }
                    self.service_refs.insert(form);
                }
                "service_is" => {
                    self.service_is.insert(match_form(phrase));
                }
                "legal_form" => {
                    self.legal_forms.insert(legal_form_key(phrase));
                }
                "link_label" => {
                    let form = match_form(phrase);
                    let n = form.split_whitespace().count();
                    if let Some(first) = form.split_whitespace().next() {
                        self.link_label_firsts.insert(first.to_string());
                    }
                    self.link_labels.push((form, n));
                }
                "sets_verb" => {
                    self.sets_verbs.insert(match_form(phrase));
                }
                "page_word" => {
                    self.page_words.insert(match_form(phrase));
                }
                "page_of" => {
                    self.page_ofs.insert(match_form(phrase));
                }
                "consent_column" => {
                    self.consent_columns.insert(match_form(phrase));
                }
                "abbreviation" => {
                    self.abbreviations.insert(match_form(phrase));
                    self.abbreviation_max_len = self.abbreviation_max_len.max(phrase.len());
                }
                "joiner" => {
                    let list = if value == "and" {
                        &mut self.and_joiners
                    } else {
                        &mut self.or_joiners
                    };
                    let w = phrase.trim().to_lowercase();
                    if !list.contains(&w) {
                        list.push(w);
                    }
                }
                "linker" => {
                    self.linkers.insert(match_form(phrase));
                }
                "naming" => {
                    self.naming.insert(match_form(phrase));
                }
                "cookie_compound" => {
                    let tail = match_form(phrase);
                    if !self.cookie_compounds.contains(&tail) {
                        self.cookie_compounds.push(tail);
                    }
                }
                "cookie_kind" => {
                    if let Some(k) = parse_cookie_kind(value) {
                        self.cookie_kinds.insert(match_form(phrase), k);
                    }
                }
                _ => {}
            }
        }
    }

    /// Header phrases (matching form) of six letters or more that start with `first`
    /// and have `len` characters: the candidates for a key with a typo.
    pub(crate) fn fields_by_shape(&self, first: char, len: usize) -> Option<&Vec<(String, Role)>> {
        self.fields_by_shape.get(&(first, len))
    }

    /// Whether `text` may start with a listed field's label, judged by its first
    /// word: false only for an ASCII first word no listed label starts with, the test
    /// that turns most texts away before any folding ([`Vocab::field_listed`] asks it
    /// first, and so does a reader that looks for a label at a line's start).
    pub(crate) fn may_open_field(&self, text: &str) -> bool {
        let first = text
            .trim_start_matches(|c: char| !c.is_letter_or_digit())
            .split(|c: char| !c.is_letter_or_digit() && c != '\'' && c != '_')
            .next()
            .unwrap_or("");
        !first.is_ascii() || first.is_empty() || self.first_word_listed(first)
    }

    /// Is this ASCII word, in lower case, the first word of a listed field phrase?
    fn first_word_listed(&self, word: &str) -> bool {
        // (a listed first word has a listed byte pair: most words stop here)
        if !self.lower_pair_listed(word) {
            return false;
        }
        // (a word without a capital is its own lower case: no copy)
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.field_first_words.contains(word);
        }
        let mut buf = [0u8; 32];
        match buf.get_mut(..word.len()) {
            Some(lower) => {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).is_ok_and(|l| self.field_first_words.contains(l))
            }
            None => self.field_first_words.contains(&word.to_ascii_lowercase()),
        }
    }

    /// Whether the ASCII lower case of `word` has the byte pair of a listed first word
    /// ([`Vocab::field_first_pairs`]): a necessary condition for the lower case to be
    /// in `field_first_words` (ASCII lower case maps each byte to one byte, so the pair
    /// of the lower case is the lower case of the pair). Only for ASCII words.
    ///
    /// The [`word_shape`] of the lower case is asked too: the pair alone let through
    /// about 140 instructions of hashing and copying for each of 47,000 words the
    /// glued reader's header search asks of the 600 corpus copies.
    fn lower_pair_listed(&self, word: &str) -> bool {
        let k = word_shape(word.as_bytes());
        has_lower_pair(&self.field_first_pairs, word.as_bytes())
            && self
                .field_first_shapes
                .get(k / 64)
                .is_some_and(|bits| bits & (1 << (k % 64)) != 0)
    }

    /// What [`Vocab::field`] can make of one word of a phrase, decided once per word
    /// instead of once per phrase that holds it. Only for a word of ASCII letters and
    /// digits (`None` otherwise): `starts`, [`Vocab::field_listed`]'s first-word test
    /// passes on it; `counts`, it is a cookie word or a head word, the only words
    /// [`Vocab::field_by_heads`] builds a role from.
    ///
    /// A phrase of such words (separated by whitespace) whose first word does not
    /// start and of which none counts is no field, whatever its length: `field_listed`
    /// rejects it by its first word; in `field_by_heads` its form is its words in lower
    /// case, so its whole-form lookup would need the first word among the first words
    /// of the listed forms (which `starts` says it is not), and its words give neither
    /// a head nor a cookie word. [`crate::layout`]'s header search skips such phrases.
    pub(crate) fn field_word(&self, word: &str) -> Option<FieldWord> {
        if word.is_empty() || !word.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        // the words of table rows and headings come back line after line (`Google`,
        // `years`, `Name`): remembered per thread, as `field` is
        thread_local! {
            static MEMO: Memo<Option<FieldWord>> = Memo::default();
        }
        if word.len() > 32 {
            return self.field_word_uncached(word);
        }
        remembered(&MEMO, word, || self.field_word_uncached(word))
    }

    /// [`Vocab::field_word`] of an ASCII alphanumeric word, without the memo.
    fn field_word_uncached(&self, word: &str) -> Option<FieldWord> {
        let starts = self.first_word_listed(word);
        let mut buf = [0u8; 32];
        let lowered;
        let lower: &str = match buf.get_mut(..word.len()) {
            Some(l) => {
                l.copy_from_slice(word.as_bytes());
                l.make_ascii_lowercase();
                std::str::from_utf8(l).unwrap_or_default()
            }
            None => {
                lowered = word.to_ascii_lowercase();
                &lowered
            }
        };
        let counts = self.heads.cookie_words.contains(lower) || self.heads.role_of(lower).is_some();
        Some(FieldWord { starts, counts })
    }

    /// Could a header phrase start with this word? (A cheap filter before [`Vocab::field`].)
    pub(crate) fn starts_field(&self, word: &str) -> bool {
        if !word.is_ascii() {
            return true;
        }
        let mut buf = [0u8; 32];
        if word.len() > buf.len() || !self.lower_pair_listed(word) {
            return false;
        }
        // (a word without a capital is its own lower case: no copy)
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.field_first_words.contains(word);
        }
        for (b, c) in buf.iter_mut().zip(word.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        let lower = std::str::from_utf8(&buf[..word.len()]).unwrap_or("");
        self.field_first_words.contains(lower)
    }

    /// The role of a header cell or key: the whole phrase when a table lists it,
    /// else what its head words decide ([`Vocab::field_by_heads`]).
    pub(crate) fn field(&self, text: &str) -> Option<Role> {
        // The readers ask about the same cells and phrases again and again (each tries
        // the lines as its own header, key or label), and documents share their
        // headers: the answers are remembered per thread, keyed by the text (a pure
        // function of it, so the answer is the same; the memo is bounded).
        thread_local! {
            static MEMO: Memo<Option<Role>> = Memo::default();
        }
        if text.len() > 64 || self.digit_rejects(text) {
            return None;
        }
        remembered(&MEMO, text, || {
            self.field_listed(text)
                .or_else(|| self.field_by_heads(text))
        })
    }

    /// Whether [`Vocab::field`] of `text` is `None` by its first, fold-free tests (too
    /// long, or an ASCII digit: see [`Vocab::digit_rejects`]). Read-only and cheap: the
    /// header search asks it before it asks [`Vocab::field_listed`] about a phrase,
    /// whose answer only matters when `field` is not `None`.
    pub(crate) fn field_surely_none(&self, text: &str) -> bool {
        text.len() > 64 || self.digit_rejects(text)
    }

    /// Whether [`Vocab::field`] of `text` is `None` because of an ASCII digit, decided
    /// without folding: text without a bracket (`(`, `[`, `)`, `]`) and without the
    /// characters that send it to the mojibake repair (`Ã`, `Â`, `â`) keeps its ASCII
    /// digits in its form (the fold leaves them as they are and trims only
    /// punctuation), so when no listed field form holds an ASCII digit
    /// ([`Vocab::fields_digit_free`]) the form is not listed, the bracket-free retry of
    /// [`Vocab::field_listed_folded`] is not made, and [`Vocab::field_by_heads`] (whose
    /// plain text is the text itself) finds the digit in a word of the form: `None`.
    fn digit_rejects(&self, text: &str) -> bool {
        self.fields_digit_free
            && text.bytes().any(|b| b.is_ascii_digit())
            && !text.contains(['(', '[', ')', ']', 'Ã', 'Â', 'â'])
    }

    /// The role of a header or key listed whole in a table (no inference).
    pub(crate) fn field_listed(&self, text: &str) -> Option<Role> {
        // cheap rejection: a first word no listed header starts with
        if !self.may_open_field(text) {
            return None;
        }
        // past the cheap rejection, the readers ask about the same cells again and
        // again: remembered per thread as in `field` (short texts only)
        const MEMO_MAX_LEN: usize = 256;
        thread_local! {
            static MEMO: Memo<Option<Role>> = Memo::default();
        }
        if text.len() > MEMO_MAX_LEN {
            return self.field_listed_folded(text);
        }
        remembered(&MEMO, text, || self.field_listed_folded(text))
    }

    /// [`Vocab::field_listed`] past its first-word test, without the memo.
    fn field_listed_folded(&self, text: &str) -> Option<Role> {
        let form = match_form(text);
        if let Some(r) = self.fields.get(&form) {
            return Some(*r);
        }
        // `Cookie name(s)`, `Type(s) de cookie`: drop plural markers and retry (without
        // a bracket there is none, and the same form was just tried)
        if !text.contains('(') {
            return None;
        }
        let plain = match_form(
            &text
                .replace("(s)", "")
                .replace("(e)", "")
                .replace("(en)", ""),
        );
        self.fields.get(&plain).copied()
    }

    /// A header or key not listed whole, classified by its words: qualifiers in
    /// brackets are ignored (`Expiry (days)`), modifiers may stand around the head
    /// (`Maximum Storage Duration`, `Durée maximale de conservation`), compounds are
    /// read by their end (`Cookie-Speicherdauer`), and one typo is tolerated on long
    /// words. A cookie word qualifies another head (`Cookie type`) and alone makes a name
    /// column; a name word qualifies another head it precedes with a linker or follows
    /// (`Nom du fournisseur`, `Provider name`); two other heads are two columns: none.
    /// Text with more than two other words is not a header.
    pub(crate) fn field_by_heads(&self, text: &str) -> Option<Role> {
        // the text without its bracketed qualifiers: the text itself when it has no
        // bracket (no string of its own)
        let plain: std::borrow::Cow<'_, str> = if text.contains(['(', '[', ')', ']']) {
            let mut plain = String::with_capacity(text.len());
            let mut depth = 0usize;
            for c in text.chars() {
                match c {
                    '(' | '[' => depth += 1,
                    ')' | ']' => depth = depth.saturating_sub(1),
                    _ if depth == 0 => plain.push(c),
                    _ => {}
                }
            }
            plain.into()
        } else {
            text.into()
        };
        // (every test below that rejects returns `None`, whatever their order: the
        // ones that need no fold come first)
        // a sentence end inside (`… gli utenti. Durata`, `(anonymisiert). Dauer`) is prose,
        // not one header; abbreviations (`Max. Speicherdauer`) are short
        // (each `. ` found by its dot: a byte search, no substring searcher per call)
        let trimmed = text.trim();
        let mut dots = memchr::memchr_iter(b'.', trimmed.as_bytes())
            .filter(|&at| trimmed.as_bytes().get(at + 1) == Some(&b' '));
        let sentence_end = dots.any(|at| {
            let before = &trimmed[..at];
            before.ends_with(')')
                || before
                    .rsplit(|c: char| !c.is_letter_or_digit())
                    .next()
                    .is_some_and(|w| w.chars().count() >= 4)
        });
        // identifiers (`_ax_expiration`, `sessionDuration`) are cookie names, not headers
        let identifier = plain.contains(['_', '=', '@', '#'])
            || plain.split([' ', '-', '/']).any(|w| {
                w.chars().skip(1).any(char::is_uppercase) && w.chars().any(char::is_lowercase)
            });
        if sentence_end || identifier {
            return None;
        }
        // the form of a short ASCII text is made on the stack (see `ascii_form`)
        let mut buf = [0u8; ASCII_FORM_MAX];
        let folded;
        let form: &str = match ascii_form(&plain, &mut buf) {
            Some(f) => f,
            None => {
                folded = match_form(&plain);
                &folded
            }
        };
        if form.is_empty() || form.contains([';', '!', '?']) {
            return None;
        }
        if let Some(r) = self.fields.get(form) {
            return Some(*r);
        }
        // at most seven words, gathered on the stack (an eighth makes no header)
        let mut ws = [""; 8];
        let mut count = 0;
        // (split at every character that is not alphanumeric: `l'uso` is `l`, `uso`)
        for w in form
            .split(|c: char| !c.is_letter_or_digit())
            .filter(|w| !w.is_empty())
        {
            if count == ws.len() {
                return None;
            }
            ws[count] = w;
            count += 1;
        }
        let ws = &ws[..count];
        if ws.is_empty() || ws.len() > 7 || ws.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
        {
            return None;
        }
        let mut heads = [(0usize, Role::Name); 8];
        let mut n_heads = 0;
        let mut cookie_word = false;
        let mut other = 0;
        for (i, w) in ws.iter().enumerate() {
            // `CMP for publishers`: what follows a complement word is not the head
            if self.heads.complements.contains(*w) {
                other += 1;
                break;
            }
            if self.heads.cookie_words.contains(*w) {
                cookie_word = true;
                continue;
            }
            match self.heads.role_of(w) {
                Some(r) => {
                    heads[n_heads] = (i, r);
                    n_heads += 1;
                }
                None if w.chars().count() <= 2 => {}
                None => other += 1,
            }
            // more than two other words make no header, whatever follows
            if other > 2 {
                return None;
            }
        }
        if other > 2 {
            return None;
        }
        let heads = &heads[..n_heads];
        // `Provider / Domain`: one column naming who sets the cookie, by name or by
        // domain (a provider column: its values are taken as written)
        if let [(_, a), (_, b)] = heads {
            if form.contains('/')
                && [*a, *b].contains(&Role::Provider)
                && [*a, *b].contains(&Role::Domain)
            {
                return Some(Role::Provider);
            }
        }
        // two heads side by side (`Category Type`) are two columns of a flattened header
        if heads.windows(2).any(|w| w[1].0 == w[0].0 + 1) {
            return None;
        }
        // the roles of the heads, each once, in the order of `Role`
        let mut all = [Role::Name; 8];
        for (r, h) in all.iter_mut().zip(heads) {
            *r = h.1;
        }
        let all = &mut all[..heads.len()];
        all.sort_by_key(|r| *r as u8);
        let mut roles = [Role::Name; 8];
        let mut n_roles = 0;
        for &r in all.iter() {
            if n_roles == 0 || roles[n_roles - 1] != r {
                roles[n_roles] = r;
                n_roles += 1;
            }
        }
        match &roles[..n_roles] {
            [] => (cookie_word && other == 0).then_some(Role::Name),
            [r] => Some(*r),
            // `Provider name`, `Nom du fournisseur`, `Name des Anbieters`: the name word
            // qualifies the other head when it ends the phrase or a linker follows it;
            // `Name Speicherdauer` is two columns, not one
            [a, b] if *a == Role::Name || *b == Role::Name => {
                let qualifies = heads.iter().filter(|h| h.1 == Role::Name).all(|&(i, _)| {
                    i + 1 == ws.len() || ws.get(i + 1).is_some_and(|n| n.chars().count() <= 3)
                });
                qualifies.then(|| if *a == Role::Name { *b } else { *a })
            }
            _ => None,
        }
    }

    /// The leftmost category word or phrase in `text`, with the byte range of the words.
    pub(crate) fn find_category(&self, text: &str) -> Option<Category> {
        // the card and label readers ask about the same lines: remembered per thread
        // as in `field` (short texts only)
        const MEMO_MAX_LEN: usize = 256;
        thread_local! {
            static MEMO: Memo<Option<Category>> = Memo::default();
        }
        if text.len() > MEMO_MAX_LEN {
            return self.find_category_uncached(text);
        }
        remembered(&MEMO, text, || self.find_category_uncached(text))
    }

    /// [`Vocab::find_category`] without the memo.
    fn find_category_uncached(&self, text: &str) -> Option<Category> {
        let form = match_form(text);
        let ws: Vec<&str> = words_apart(&form);
        for i in 0..ws.len() {
            if self.negated(&ws, i) {
                continue;
            }
            if let Some((k, _)) = self.category_at(&ws[i..]) {
                return Some(self.categories[k].1);
            }
        }
        None
    }

    /// How many of the folded words `ws` a verb phrase that states how long a cookie
    /// lives covers at their start (`expires`, `est conservé`), if one does.
    pub(crate) fn lifetime_verb_at(&self, ws: &[&str]) -> Option<usize> {
        self.lifetime_verbs
            .iter()
            .filter(|v| v.len() <= ws.len() && v.iter().zip(ws).all(|(a, b)| a == b))
            .map(Vec::len)
            .max()
    }

    /// Whether a lifetime verb phrase may start with the folded word `w`: when not,
    /// [`Vocab::lifetime_verb_at`] finds none at a word `w`, whatever follows it.
    pub(crate) fn may_start_lifetime_verb(&self, w: &str) -> bool {
        self.lifetime_verb_empty || self.lifetime_verb_firsts.contains(w)
    }

    /// The most words a lifetime verb phrase has: [`Vocab::lifetime_verb_at`] reads no
    /// further than this many words past where it starts.
    pub(crate) fn lifetime_verb_words(&self) -> usize {
        self.lifetime_verbs.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// Does the text hold a negation word (`no`, `keine`, `aucun`)?
    pub(crate) fn has_negation(&self, text: &str) -> bool {
        let negation = |w: &str| self.negations.contains(w);
        // (ASCII text is read without folding it: see `any_ascii_form_word`)
        if text.is_ascii() && !text.contains('`') {
            if let Some(found) = any_ascii_form_word(text, negation) {
                return found;
            }
        }
        words(&match_form(text)).any(negation)
    }

    /// The first category phrase (index into `categories`) matching at the start of
    /// `ws`, with its number of words.
    fn category_at(&self, ws: &[&str]) -> Option<(usize, usize)> {
        self.index
            .categories
            .first_match(|k| &self.categories[k].0, ws)
    }

    /// Is the word at `i` negated (`non-essential`, `not necessary`, `nicht notwendig`,
    /// with at most one modifier between: `non strettamente necessari`)? A negated
    /// category word declares nothing.
    pub(crate) fn negated(&self, ws: &[&str], i: usize) -> bool {
        (i >= 1 && self.negations.contains(ws[i - 1]))
            || (i >= 2
                && self.negations.contains(ws[i - 2])
                // `non-essential (functional)`: the word between was the negated category;
                // in `non strettamente necessari` the negated phrase reaches this word
                && !self.any_category_of_one_word(&ws[i - 1..]))
    }

    /// Does a category phrase match exactly the first word of `ws`?
    fn any_category_of_one_word(&self, ws: &[&str]) -> bool {
        let Some(first) = ws.first() else {
            return false;
        };
        self.index
            .categories
            .candidates(first)
            .any(|k| self.categories[k].0.match_at(ws) == Some(1))
    }

    /// Whether a category phrase may start at a word of `text`: `false` only when none
    /// can ([`FirstWords::may_start`] holds for no word of its form), which ASCII text
    /// without a backtick is asked with no fold (see [`ascii_form_word_may_start`]);
    /// other text is not read here. Every category phrase found ([`Vocab::category_at`])
    /// starts at such a word, so [`Vocab::heading_category`] finds none without one.
    pub(crate) fn may_name_category(&self, text: &str) -> bool {
        let index = &self.index.categories;
        // (a word with an elided word, `d'analyse`, is asked of the word after it too)
        let may_start = |w: &str| {
            index.may_start(w) || elision_len(w).is_some_and(|n| index.may_start(&w[n..]))
        };
        !(text.is_ascii()
            && !text.contains('`')
            && ascii_form_word_may_start(text, index, may_start) == Some(false))
    }

    /// The category a heading declares. When the heading speaks of cookies, the
    /// category word must qualify them (`Analytics cookies`, `Cookies de performance`,
    /// `Cookie tecnici`), so that `Cookies and Web Analytics` declares nothing;
    /// otherwise (`Statistik & Analyse`, `Necessary`) any category word counts.
    ///
    /// None without a word that may start a category phrase: callers ask
    /// [`Vocab::may_name_category`] first, which turns most headings away unfolded.
    pub(crate) fn heading_category(&self, text: &str) -> Option<Category> {
        let form = match_form(text);
        let ws: Vec<&str> = words_apart(&form);
        // (`Technical cookie definitions` names a table of the section's cookies, not
        // technical cookies: the section's category goes on)
        if self.no_category_words(&ws) {
            return None;
        }
        let cookie_at: Vec<usize> = (0..ws.len())
            .filter(|&i| {
                self.index
                    .cookie_words
                    .candidates(ws[i])
                    .any(|k| self.cookie_words[k].match_at(&ws[i..]) == Some(1))
            })
            .collect();
        let mut cats = Vec::new();
        for i in 0..ws.len() {
            if self.negated(&ws, i) {
                continue;
            }
            if let Some((k, n)) = self.category_at(&ws[i..]) {
                cats.push((i, i + n, self.categories[k].1));
            }
        }
        if cookie_at.is_empty() {
            return cats.first().map(|c| c.2);
        }
        // (a category phrase may hold the cookie word itself, `tracking cookies`: in a
        // heading of a few words, where it names the section; a longer line that
        // passes for a heading is often a sentence wrapped, `GA uses first-party
        // tracking cookies only, which are`)
        let short = ws.len() <= 4;
        let next_to = cats.iter().find(|&&(s, e, _)| {
            cookie_at.iter().any(|&k| {
                e == k
                    || (short && (s..e).contains(&k))
                    || s == k + 1
                    || (s == k + 2 && self.linkers.contains(ws[k + 1]))
            })
        });
        // modifiers between the category word that opens the heading and the cookie
        // word (`Essential website cookies`, `Analytics and customization cookies`): at
        // most two words, none a linker, when no category stands right next to a
        // cookie word (`Ricordare le preferenze sui cookie` opens with no category)
        next_to
            .or_else(|| {
                cats.iter().find(|&&(s, e, _)| {
                    s == 0
                        && cookie_at.iter().any(|&k| {
                            k > e
                                && k - e <= 2
                                && ws[e..k].iter().all(|w| !self.linkers.contains(*w))
                        })
                })
            })
            .map(|c| c.2)
    }

    /// Whether a heading is a title a consent platform sets over a service's own
    /// table of cookies (`Technical cookie definitions`, `Technische
    /// Cookie-Definitionen`): a label of the service's block, which declares no
    /// category though it holds a category word.
    pub(crate) fn is_table_title(&self, text: &str) -> bool {
        let form = match_form(text);
        self.no_category_words(&words_apart(&form))
    }

    /// [`Vocab::is_table_title`] of folded words read apart.
    fn no_category_words(&self, ws: &[&str]) -> bool {
        ws.first()
            .is_some_and(|w| self.no_category_firsts.contains(*w))
            && self
                .no_category
                .iter()
                .any(|p| p.match_at(ws) == Some(ws.len()))
    }

    /// The category a whole label declares (`Essential cookie`, `Técnica`), read leftmost.
    pub(crate) fn category_of_label(&self, text: &str) -> Option<Category> {
        self.find_category(text)
    }

    /// Whether a type label is a storage type, and which.
    pub(crate) fn storage_of(&self, text: &str) -> Option<Storage> {
        let form = match_form(text);
        let ws: Vec<&str> = words(&form).collect();
        for i in 0..ws.len() {
            if let Some((k, _)) = self
                .index
                .storage
                .first_match(|k| &self.storage[k].0, &ws[i..])
            {
                return Some(self.storage[k].1);
            }
        }
        None
    }

    /// The storage type the whole of `text` names (`HTTP Cookie`, `Local Storage`;
    /// not `Cookies: _ga, _gid`).
    pub(crate) fn storage_whole(&self, text: &str) -> Option<Storage> {
        self.index
            .storage
            .whole_match(|k| &self.storage[k].0, text)
            .map(|k| self.storage[k].1)
    }

    /// The category `text` names with all of its words, one category phrase and
    /// nothing else (`Funktional`, `Strictly necessary`; not `Peltram Analytics`).
    pub(crate) fn category_whole(&self, text: &str) -> Option<Category> {
        self.index
            .categories
            .whole_match(|k| &self.categories[k].0, text)
            .map(|k| self.categories[k].1)
    }

    /// Does the whole of `text` read as one of the phrases?
    fn whole(list: &[Phrase], index: &FirstWords, text: &str) -> bool {
        index.whole_match(|k| &list[k], text).is_some()
    }

    /// Does any phrase occur in `text`?
    fn contains(list: &[Phrase], index: &FirstWords, text: &str) -> bool {
        // most text holds no word a phrase starts with: look before collecting the words
        let may_start = |w: &str| {
            index.pair_listed(w)
                && (index.exact.contains_key(w)
                    || index.stems_for(w).iter().any(|&k| {
                        list[k]
                            .words
                            .first()
                            .is_some_and(|s| w.starts_with(s.as_str()))
                    }))
        };
        // (ASCII text is looked at before it is folded: its form's words are its own,
        // lower-cased, see `any_ascii_form_word`)
        if text.is_ascii() && !text.contains('`') {
            // (and read for the phrases there too: the fold, the words collected and
            // a lookup at each word cost more than the few windows tried here)
            if let Some(found) = ascii_phrase_found(list, index, text, may_start) {
                return found;
            }
        }
        let form = match_form(text);
        if !words(&form).any(may_start) {
            return false;
        }
        if text.len() <= LONG_TEXT {
            let ws: Vec<&str> = words(&form).collect();
            return (0..ws.len()).any(|i| index.first_match(|k| &list[k], &ws[i..]).is_some());
        }
        // a long text: as many words as the longest phrase at a time (memory stays flat
        // on a line of megabytes; a match at a word looks no further than its phrase)
        let longest = index.longest.max(1);
        let mut ws = words(&form);
        let mut window: VecDeque<&str> = VecDeque::with_capacity(longest + 1);
        loop {
            while window.len() < longest {
                let Some(w) = ws.next() else { break };
                window.push_back(w);
            }
            if window.is_empty() {
                return false;
            }
            if index
                .first_match(|k| &list[k], window.make_contiguous())
                .is_some()
            {
                return true;
            }
            window.pop_front();
        }
    }

    /// A first-party self-reference (`1st party`, `This site`): not a provider.
    pub(crate) fn is_first_party(&self, text: &str) -> bool {
        Self::whole(&self.first_party, &self.index.first_party, text)
    }

    /// Does the text mention a first-party marker anywhere (`3rd-party or 1st-party`)?
    pub(crate) fn mentions_party(&self, text: &str) -> bool {
        Self::contains(&self.first_party, &self.index.first_party, text)
    }

    /// Does the text contain a word for cookies (`cookie`, `Cookies`, `traceurs`)?
    pub(crate) fn mentions_cookies(&self, text: &str) -> bool {
        Self::contains(&self.cookie_words, &self.index.cookie_words, text)
    }

    /// Does the text speak of local storage and the like (`local storage`, `localStorage`)?
    pub(crate) fn mentions_local_storage(&self, text: &str) -> bool {
        Self::contains(&self.local_storage, &self.index.local_storage, text)
    }

    /// Does a cell or key value state nothing: only dashes, slashes, dots, `*` or `_`
    /// (`-`, `—`, `-/-`), or a placeholder phrase of the tables (`n/a`, `k. A.`)?
    /// Such a value is dropped like an empty cell.
    pub(crate) fn is_placeholder(&self, text: &str) -> bool {
        let t = text.trim();
        if t.is_empty() || t.len() > 40 {
            return false;
        }
        if t.chars().all(|c| {
            c.is_whitespace()
                || matches!(
                    c,
                    '-' | '/' | '.' | '*' | '_' | '\u{2010}'..='\u{2015}' | '\u{2212}'
                )
        }) {
            return true;
        }
        // (a value whose first letter, ASCII, starts no placeholder is not one; nor
        // is an ASCII value none of whose words may start one, read without a fold:
        // most values are turned away by these two)
        let index = &self.index.placeholders;
        match t.chars().find(|c| c.is_alphanumeric()) {
            Some(c) if c.is_ascii() => {
                let b = c.to_ascii_lowercase() as u8;
                self.placeholder_starts[usize::from(b >> 6)] & (1 << (b & 63)) != 0
                    && !(t.is_ascii()
                        && !t.contains('`')
                        && ascii_form_word_may_start(t, index, |w| index.may_start(w))
                            == Some(false))
                    && Self::whole(&self.placeholders, index, t)
            }
            Some(_) => Self::whole(&self.placeholders, index, t),
            None => false,
        }
    }

    /// Does a description say the entry sets no cookie (`no cookie`, `setzt keine Cookies`)?
    pub(crate) fn says_no_cookie(&self, text: &str) -> bool {
        Self::contains(&self.no_cookie, &self.index.no_cookie, text)
    }

    /// Does the text contain an "only" word (`only`, `uniquement`, `nur`)?
    pub(crate) fn mentions_only(&self, text: &str) -> bool {
        Self::contains(&self.only, &self.index.only, text)
    }

    /// Byte offset just after a "set by" phrase in `text` (`set by`, `déposé par`), if any.
    pub(crate) fn after_set_by(&self, text: &str) -> Option<usize> {
        // Walk the original text word by word so the offset is into `text` itself.
        // most text has no set-by word at all: look before collecting the words
        if !word_spans_iter(text).any(|(s, e)| self.is_set_by_last(&text[s..e])) {
            return None;
        }
        self.set_by_end_scan(text)
    }

    /// [`Vocab::after_set_by`] past its pre-check, a word at a time: the phrases are
    /// tried only at a word whose form may start one ([`FirstWords::may_start`], the
    /// form made on the stack for an ASCII word), with the forms of as many words from
    /// there as the longest phrase has. Most words of a line start none, so most are
    /// never copied. Same answer as [`Vocab::set_by_end_collected`] (the first word, in
    /// text order, at which a phrase matches; a match looks no further than its
    /// phrase), with memory flat on a line of megabytes.
    fn set_by_end_scan(&self, text: &str) -> Option<usize> {
        let index = &self.index.set_by;
        let longest = index.longest.max(1);
        let mut buf = [0u8; 64];
        let mut forms = String::new();
        let mut window: Vec<(usize, usize, usize)> = Vec::with_capacity(longest);
        for (s, e) in word_spans_iter(text) {
            let w = &text[s..e];
            // (an ASCII word's form is the word without the apostrophes at its ends,
            // lower case: see `word_form_into`)
            let t = w.trim_matches('\'');
            let starts = match buf.get_mut(..t.len()) {
                // (`may_start` holds only for a listed byte pair: the pair of the
                // lower case, read from the word before it is copied)
                Some(_) if w.is_ascii() && !has_lower_pair(&index.pairs, t.as_bytes()) => false,
                // (an ASCII word without a capital is its own lower case: no copy)
                Some(_) if w.is_ascii() && !t.bytes().any(|b| b.is_ascii_uppercase()) => {
                    index.may_start(t)
                }
                Some(lower) if w.is_ascii() => {
                    lower.copy_from_slice(t.as_bytes());
                    lower.make_ascii_lowercase();
                    std::str::from_utf8(lower).is_ok_and(|l| index.may_start(l))
                }
                _ => {
                    forms.clear();
                    word_form_into(w, &mut forms);
                    index.may_start(&forms)
                }
            };
            if !starts {
                continue;
            }
            // this word and those after it (a fresh scan from the word's end finds
            // them: the character there is no word character), each form side by side
            forms.clear();
            window.clear();
            let next = word_spans_iter(&text[e..]).map(|(a, b)| (e + a, e + b));
            for (ws, we) in std::iter::once((s, e)).chain(next).take(longest) {
                let at = forms.len();
                word_form_into(&text[ws..we], &mut forms);
                window.push((at, forms.len(), we));
            }
            let found = {
                let mut refs = [""; 16];
                if window.len() <= refs.len() {
                    for (r, &(a, b, _)) in refs.iter_mut().zip(&window) {
                        *r = &forms[a..b];
                    }
                    index.first_match(|k| &self.set_by[k], &refs[..window.len()])
                } else {
                    let refs: Vec<&str> = window.iter().map(|&(a, b, _)| &forms[a..b]).collect();
                    index.first_match(|k| &self.set_by[k], &refs)
                }
            };
            if let Some((_, n)) = found {
                return Some(window[n - 1].2);
            }
        }
        None
    }

    /// [`Vocab::after_set_by`] past its pre-check: every word's form collected, then
    /// tried in turn (the reading [`Vocab::set_by_end_scan`] replaced, kept to test
    /// it against).
    #[cfg(test)]
    fn set_by_end_collected(&self, text: &str) -> Option<usize> {
        let spans = word_spans(text);
        // the words' matching forms, side by side in one string
        let mut forms = String::with_capacity(text.len());
        let ranges: Vec<(usize, usize)> = spans
            .iter()
            .map(|&(s, e)| {
                let at = forms.len();
                word_form_into(&text[s..e], &mut forms);
                (at, forms.len())
            })
            .collect();
        let refs: Vec<&str> = ranges.iter().map(|&(a, b)| &forms[a..b]).collect();
        (0..refs.len()).find_map(|i| {
            self.index
                .set_by
                .first_match(|k| &self.set_by[k], &refs[i..])
                .map(|(_, n)| spans[i + n - 1].1)
        })
    }

    /// [`Vocab::set_by_end_collected`] for a long text: a window of as many words as
    /// the longest phrase, each with its matching form and where it ends, slides over
    /// the text, so memory stays flat on a line of megabytes. Same answer: a phrase
    /// match at a word looks at no more words than the phrase has.
    #[cfg(test)]
    fn set_by_end_windowed(&self, text: &str) -> Option<usize> {
        let longest = self.index.set_by.longest.max(1);
        let mut spans = word_spans_iter(text);
        let mut window: VecDeque<(usize, String)> = VecDeque::with_capacity(longest + 1);
        let mut spare = String::new();
        loop {
            while window.len() < longest {
                let Some((s, e)) = spans.next() else { break };
                let mut form = std::mem::take(&mut spare);
                form.clear();
                word_form_into(&text[s..e], &mut form);
                window.push_back((e, form));
            }
            if window.is_empty() {
                return None;
            }
            let found = with_words(&window, |ws| {
                self.index.set_by.first_match(|k| &self.set_by[k], ws)
            });
            if let Some((_, n)) = found {
                return Some(window[n - 1].0);
            }
            if let Some((_, form)) = window.pop_front() {
                spare = form;
            }
        }
    }

    /// Byte range of the first type phrase (`HTTP Cookie`, `First Party cookie`,
    /// `HTML Local Storage`) in `text`, and of the last one when `last` is set (a
    /// phrase within a longer one found before it is no later one: the last phrase of
    /// `… Session HTML Local Storage` is all three words).
    ///
    /// Words are read and folded as the scan reaches them, so a first match costs
    /// what precedes it, not the whole text (callers look for the end of each row
    /// of a long flattened table).
    pub(crate) fn find_type_phrase(&self, text: &str, last: bool) -> Option<(usize, usize)> {
        let phrases = || {
            self.storage
                .iter()
                .map(|(p, _)| p)
                .chain(&self.first_party)
                // one-word types (`http`, `cookie`, `own`) are too common inside sentences
                .filter(|p| p.words.len() >= 2)
        };
        let longest = phrases().map(|p| p.words.len()).max().unwrap_or(0);
        let mut spans = word_spans_iter(text);
        let mut window: std::collections::VecDeque<((usize, usize), String)> =
            std::collections::VecDeque::with_capacity(longest + 1);
        let mut found = None;
        loop {
            while window.len() < longest.max(1) {
                match spans.next() {
                    Some((s, e)) => window.push_back(((s, e), match_form(&text[s..e]))),
                    None => break,
                }
            }
            if window.is_empty() {
                break;
            }
            // a phrase of two words or more starts with its listed first word: a word
            // no list starts a phrase with is passed over without trying each phrase
            let first = window[0].1.as_str();
            let may_start =
                self.index.storage.may_start(first) || self.index.first_party.may_start(first);
            let best = if !may_start {
                0
            } else {
                let refs: Vec<&str> = window.iter().map(|(_, f)| f.as_str()).collect();
                let mut best = 0;
                for p in phrases() {
                    if let Some(n) = p.match_at(&refs) {
                        best = best.max(n);
                    }
                }
                best
            };
            // (a phrase that starts inside the one found is a part of it, not a later
            // phrase: `HTML Local Storage` ends a row, not `Local Storage`)
            if best > 0 && found.is_none_or(|(_, e)| window[0].0 .0 >= e) {
                found = Some((window[0].0 .0, window[best - 1].0 .1));
                if !last {
                    return found;
                }
            }
            window.pop_front();
        }
        found
    }

    /// Is `w` the last word of a set-by phrase, ASCII case aside (`by`, `BY`, `par`)?
    fn is_set_by_last(&self, w: &str) -> bool {
        // the listed words are folded (lower case), so ASCII case folding of `w` finds
        // exactly the words `eq_ignore_ascii_case` would accept
        let mut buf = [0u8; 32];
        match buf.get_mut(..w.len()) {
            Some(lower) => {
                lower.copy_from_slice(w.as_bytes());
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).is_ok_and(|l| {
                    has_pair(&self.set_by_last_pairs, l) && self.set_by_last.contains(l)
                })
            }
            // longer than every listed word
            None => self.set_by_last.iter().any(|l| l.eq_ignore_ascii_case(w)),
        }
    }

    /// A word that may stand before a provider's name after `set by` (`the`, `plugin`).
    pub(crate) fn is_provider_lead(&self, word: &str) -> bool {
        self.provider_lead.contains(&match_form(word))
    }

    /// A word that ends a provider's name read after `set by` (`to`, `pour`).
    pub(crate) fn is_provider_stop(&self, word: &str) -> bool {
        self.provider_stop.contains(&match_form(word))
    }

    /// A one-word `cookie_word` (`cookie`, `cookies`, `traceurs`); `form` is in
    /// [`match_form`].
    pub(crate) fn is_cookie_word(&self, form: &str) -> bool {
        self.one_cookie_words.contains(form)
    }

    /// [`Vocab::is_cookie_word`] of a word as written (`Cookie`, `témoin`): most words
    /// are turned away by their length (a form is no longer than its word; an ASCII
    /// word's form is as long), the rest as [`form_listed`] reads them.
    pub(crate) fn is_cookie_word_written(&self, word: &str) -> bool {
        let (shortest, longest) = self.one_cookie_lens;
        let n = word.len();
        if n < shortest || (n > longest && word.is_ascii()) {
            return false;
        }
        form_listed(word, &self.one_cookie_pairs, &self.one_cookie_words)
    }

    /// A demonstrative that opens a sentence about the cookies just listed (`These`,
    /// `Ces`, `Diese`); `form` is in [`match_form`]. (The readers ask
    /// [`Vocab::is_demonstrative_word`]; the tests hold it to this.)
    #[cfg(test)]
    pub(crate) fn is_demonstrative(&self, form: &str) -> bool {
        self.demonstratives.contains(form)
    }

    /// [`Vocab::is_demonstrative`] of a word of [`word_spans`] as written: the same
    /// answer as `is_demonstrative(&match_form(word))`, without a copy for an ASCII
    /// word (whose form is the word in lower case, apostrophes trimmed at its ends:
    /// the only character of a word that [`match_form`] trims).
    pub(crate) fn is_demonstrative_word(&self, word: &str) -> bool {
        form_listed(word, &self.demonstrative_pairs, &self.demonstratives)
    }

    /// Whether a line is a page's number and nothing else, as a PDF's copy leaves
    /// one between two pages: `Page 3`, `Page 3 of 12`, `Seite 3 von 12`, `Pág. 3/12`,
    /// `3 of 12`, `- 3 -` (a number alone between dashes). A line of more than 40
    /// bytes, or without a digit, is none (asked first: most lines are turned away
    /// there, unread).
    pub(crate) fn is_page_number(&self, line: &str) -> bool {
        let t = line.trim();
        if t.is_empty() || t.len() > 40 || !t.bytes().any(|b| b.is_ascii_digit()) {
            return false;
        }
        let dashes: &[char] = &['-', '–', '—', '[', ']', '(', ')', '|', '·', '•'];
        let inner = t.trim_matches(dashes).trim();
        let number =
            |w: &str| !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit());
        // `- 3 -`: a number between dashes (alone, a number may be a count or a cell)
        if number(inner) {
            return inner.len() < t.len() && t.starts_with(dashes) && t.ends_with(dashes);
        }
        // the words, five at most, with `3/12` read as `3 / 12` (no copy: most lines
        // asked are no page's number)
        let mut words: [&str; 5] = [""; 5];
        let mut n = 0;
        for piece in inner.split_whitespace() {
            for (k, part) in piece.split('/').enumerate() {
                for w in [if k > 0 { "/" } else { "" }, part] {
                    if w.is_empty() {
                        continue;
                    }
                    if n == words.len() {
                        return false;
                    }
                    words[n] = w;
                    n += 1;
                }
            }
        }
        let words = &words[..n];
        let page = |w: &str| self.page_words.contains(&match_form(w));
        let of = |w: &str| w == "/" || self.page_ofs.contains(&match_form(w));
        let within = |n: &str, m: &str| {
            number(n) && number(m) && n.parse::<u32>().ok() <= m.parse::<u32>().ok()
        };
        match *words {
            [p, n] => page(p) && number(n),
            [p, n, o, m] => page(p) && of(o) && within(n, m),
            [n, o, m] => of(o) && within(n, m) && o != "/",
            _ => false,
        }
    }

    /// Whether `form` (in [`match_form`]) is a verb whose subject sets the cookie
    /// (`places`, `depose`, `setzt`).
    pub(crate) fn is_sets_verb(&self, form: &str) -> bool {
        self.sets_verbs.contains(form)
    }

    /// Whether `text` opens with words that speak of the service named above it
    /// (`This service can install 4 cookies.`, `Dieser Dienst setzt …`): two or three
    /// words, as the tables list them.
    pub(crate) fn opens_with_service_ref(&self, text: &str) -> bool {
        let mut ends = text
            .split_whitespace()
            .take(3)
            .map(|w| w.as_ptr() as usize - text.as_ptr() as usize + w.len());
        // (most lines open with no such word: an ASCII word is compared as it is)
        let first = text.split_whitespace().next().unwrap_or("");
        if first.is_ascii()
            && !self
                .service_ref_firsts
                .iter()
                .any(|f| f.eq_ignore_ascii_case(first))
        {
            return false;
        }
        let _first = ends.next();
        // (the opening words are few and short: a line of megabytes is not folded)
        ends.take_while(|&e| e <= 64)
            .any(|e| self.service_refs.contains(&match_form(&text[..e])))
    }

    /// Whether `rest`, the text after a service's name at a line's start, opens by
    /// saying what the service is (`is a service provided by …`, `est un service`,
    /// `ist ein Dienst`): its first two or three words, as the tables list them.
    pub(crate) fn opens_as_service(&self, rest: &str) -> bool {
        let mut ends = rest
            .split_whitespace()
            .take(3)
            .map(|w| w.as_ptr() as usize - rest.as_ptr() as usize + w.len());
        let _first = ends.next();
        // (the opening words are few and short: a line of megabytes is not folded)
        ends.take_while(|&e| e <= 32)
            .any(|e| self.service_is.contains(&match_form(&rest[..e])))
    }

    /// Whether a company's name ends with its legal form (`Hotjar Ltd.`, `Google
    /// Ireland Limited`, `Velqora Media S.L.`; `legal_form` lines): a name so written
    /// is a company's, not a service's or a product's.
    pub(crate) fn ends_with_legal_form(&self, name: &str) -> bool {
        name.trim()
            .rsplit([' ', ','])
            .next()
            .is_some_and(|w| !w.is_empty() && self.legal_forms.contains(&legal_form_key(w)))
    }

    /// A company's name without the postal address written after it (`Google Ireland
    /// Limited, Gordon House, Barrow Street, Dublin 4, Ireland` → `Google Ireland
    /// Limited`), as consent platforms' provider keys give it. The parts after the
    /// first comma are an address when one of them holds a digit (a house number, a
    /// post code), when there are three of them or more, or when the name before them
    /// ends with its legal form (`PostHog Inc., USA`); a part that is a legal form
    /// (`Meta Platforms, Inc., 1 Hacker Way`) is the company's. A value with no
    /// such address is returned as it is: `Meta Platforms, Inc.`, `Google, Meta`.
    pub(crate) fn without_address<'t>(&self, value: &'t str) -> &'t str {
        // (an address follows a comma; a name and its address are short)
        let Some(first) = value.find(',') else {
            return value;
        };
        if value.len() > 300 || value[..first].trim().is_empty() {
            return value;
        }
        let mut end = first;
        // (`end` is at a comma, or at the value's end)
        while let Some(part) = value.get(end + 1..).and_then(|r| r.split(',').next()) {
            if part.trim().is_empty() || !self.legal_forms.contains(&legal_form_key(part)) {
                break;
            }
            end += 1 + part.len();
        }
        let tail = &value[end..];
        let parts = tail.split(',').filter(|p| !p.trim().is_empty()).count();
        // (a name that ends with its legal form is whole: `PostHog Inc., USA`)
        let formed = self.ends_with_legal_form(&value[..end]);
        if parts == 0 || !(formed || parts >= 3 || tail.bytes().any(|b| b.is_ascii_digit())) {
            return value;
        }
        value[..end].trim_end()
    }

    /// `value` without the link's label at its end (`Stripe View Service Privacy
    /// Policy` → `Stripe`, `Velqora – Datenschutzerklärung` → `Velqora`); as it is
    /// when it ends with none, or is nothing but one.
    pub(crate) fn without_link_label<'t>(&self, value: &'t str) -> &'t str {
        // (a name and a link's label are short: a longer value is no such pair)
        if value.len() > 200 {
            return value;
        }
        let starts: Vec<usize> = value
            .split_whitespace()
            .map(|w| w.as_ptr() as usize - value.as_ptr() as usize)
            .collect();
        for (label, n) in &self.link_labels {
            if *n == 0 || starts.len() <= *n {
                continue;
            }
            let at = starts[starts.len() - n];
            if match_form(value[at..].trim_end_matches(['.', ')'])) == *label {
                let head = value[..at]
                    .trim_end()
                    .trim_end_matches(['-', '–', '—', '|', '(']);
                return head.trim_end();
            }
        }
        value
    }

    /// Whether `line` is nothing but links' labels, one or several between dashes or
    /// bars (`En savoir plus - Voir le site officiel`, `Privacy policy`): a consent
    /// panel's links under a service's name, which say nothing of its cookies.
    pub(crate) fn is_link_labels(&self, line: &str) -> bool {
        // (labels are short: a long line is none)
        if line.len() > 160 {
            return false;
        }
        let Some(first) = line.split_whitespace().next() else {
            return false;
        };
        if !form_listed(first, &self.link_label_first_pairs, &self.link_label_firsts) {
            return false;
        }
        line.split(" - ")
            .flat_map(|p| p.split(" – "))
            .flat_map(|p| p.split(" | "))
            .all(|p| {
                let form = match_form(p.trim().trim_end_matches(['.', ':']));
                !form.is_empty() && self.link_labels.iter().any(|(l, _)| *l == form)
            })
    }

    /// Whether `word` is never a cookie name beside a cookie word: a law, a regulator,
    /// a consent standard (`the GDPR cookie banner`, `le cookie CNIL`).
    pub(crate) fn is_not_a_name(&self, word: &str) -> bool {
        self.not_names.contains(&match_form(word))
    }

    /// Whether `word` (a word before a dot) is an abbreviation that ends no sentence
    /// (`bzw`, `approx`, `env`).
    pub(crate) fn is_abbreviation(&self, word: &str) -> bool {
        // (most words before a dot are longer than any listed: not folded)
        word.len() <= self.abbreviation_max_len && self.abbreviations.contains(&match_form(word))
    }

    /// Whether `text` has a word that pairs a list of values with the names before it
    /// in order (`respectively`, `respectivement`, `bzw.`).
    pub(crate) fn says_respectively(&self, text: &str) -> bool {
        // (an ASCII word is looked up without a copy, after its first two bytes)
        word_spans_iter(text)
            .any(|(s, e)| form_listed(&text[s..e], &self.respectively_pairs, &self.respectively))
    }

    /// A word that joins names in a cell, `and` or `or` (`_ga and _gid`, `_ga oder _gid`),
    /// compared lower case.
    pub(crate) fn is_joiner_word(&self, lower: &str) -> bool {
        self.joiner_words().any(|j| j == lower)
    }

    /// Every joiner word, `and` and `or` (lower case, as the tables list them).
    pub(crate) fn joiner_words(&self) -> impl Iterator<Item = &str> {
        self.and_joiners
            .iter()
            .chain(&self.or_joiners)
            .map(String::as_str)
    }

    /// The additive joiners (`and`, `et`, `und`), lower case.
    pub(crate) fn and_joiners(&self) -> impl Iterator<Item = &str> {
        self.and_joiners.iter().map(String::as_str)
    }

    /// A word between a cookie word and the name it introduces (`named`, `nommé`);
    /// `form` is in [`match_form`].
    pub(crate) fn is_naming_word(&self, form: &str) -> bool {
        self.naming.contains(form)
    }

    /// Whether `header` heads a column that says whether consent is asked
    /// (`Consent`, `Einwilligung`, `Consenso`): its cells declare no category.
    pub(crate) fn is_consent_column(&self, header: &str) -> bool {
        !self.consent_columns.is_empty() && self.consent_columns.contains(&match_form(header))
    }

    /// The first part of a compound that is a cookie word in the singular, glued or
    /// hyphenated (`Sitzungs` of `Sitzungscookie`, `Session` of `Session-Cookie`,
    /// `sessie` of `sessiecookie`): three letters or more before a listed end
    /// (`cookie_compound`; compared without regard to ASCII case).
    pub(crate) fn cookie_compound<'w>(&self, word: &'w str) -> Option<&'w str> {
        let b = word.as_bytes();
        // (most words asked are short, or end in no end's last letter: turned away
        // before the ends are tried)
        let (shortest, last) = &self.cookie_compound_ends;
        if b.len() < *shortest + 3
            || !b
                .last()
                .is_some_and(|c| last.contains(&c.to_ascii_lowercase()))
        {
            return None;
        }
        self.cookie_compounds.iter().find_map(|tail| {
            let t = tail.as_bytes();
            if b.len() < t.len() + 3 || !b[b.len() - t.len()..].eq_ignore_ascii_case(t) {
                return None;
            }
            let head = &word[..word.len() - t.len()];
            let head = head.strip_suffix('-').unwrap_or(head);
            (head.chars().count() >= 3 && head.chars().all(char::is_alphabetic)).then_some(head)
        })
    }

    /// A word that may stand between a cookie word and a word qualifying it (`de`,
    /// `di`, `of`, `zur`); `form` is in [`match_form`].
    pub(crate) fn is_linker(&self, form: &str) -> bool {
        self.linkers.contains(form)
    }

    /// The kind a word before a cookie word says (`session`, `persistente`); `form` is
    /// in [`match_form`].
    pub(crate) fn cookie_kind(&self, form: &str) -> Option<DurationKind> {
        self.cookie_kinds.get(form).copied()
    }

    /// A pronoun or determiner that cannot be a provider (`We`, `This`, `Nous`).
    pub(crate) fn is_pronoun(&self, word: &str) -> bool {
        let f = match_form(word);
        self.pronouns.contains(&f)
    }
}

/// The word bytes of ASCII text in a form's words ([`words`]): letters, digits, `'`, `_`.
pub(crate) const FORM_WORD_BYTE: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize || b == b'\'' as usize;
        b += 1;
    }
    t
};

/// Whether a word of the [`match_form`] of ASCII `text` without a backtick may start a
/// phrase of `index` (`may_start`, which holds only for a word whose byte pair is
/// listed): the words are read from the text itself, as `any_ascii_form_word` reads
/// them, but a word's byte pair is read (lower case) before the word is copied, so
/// that most words are turned away without a copy. `Some(true)` / `Some(false)` is
/// the answer; `None` when a word with a listed pair is too long for the buffer (the
/// caller folds the text).
fn ascii_form_word_may_start(
    text: &str,
    index: &FirstWords,
    may_start: impl Fn(&str) -> bool,
) -> Option<bool> {
    debug_assert!(text.is_ascii() && !text.contains('`'));
    let b = text.as_bytes();
    // (the form's ends are trimmed: `'only'` is `only`)
    let start = b.iter().position(|&c| !is_form_trim(c)).unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|&c| !is_form_trim(c))
        .map_or(start, |p| p + 1);
    let t = &b[start..end.max(start)];
    let word_byte = |c: u8| FORM_WORD_BYTE.get(usize::from(c)).copied().unwrap_or(false);
    let mut buf = [0u8; 64];
    let mut i = 0;
    while i < t.len() {
        while i < t.len() && !word_byte(t[i]) {
            i += 1;
        }
        let s = i;
        while i < t.len() && word_byte(t[i]) {
            i += 1;
        }
        let w = &t[s..i];
        let Some(&first) = w.first() else {
            break;
        };
        let second = w.get(1).map_or(0, |c| c.to_ascii_lowercase());
        let pair = usize::from(first.to_ascii_lowercase()) << 8 | usize::from(second);
        // (a word with an apostrophe goes to `may_start` whatever its pair: it may
        // open with an elided word, `d'analyse`, that the caller reads apart)
        if index
            .pairs
            .get(pair / 64)
            .is_none_or(|bits| bits & (1 << (pair % 64)) == 0)
            && !w.contains(&b'\'')
        {
            continue;
        }
        let lower = buf.get_mut(..w.len())?;
        lower.copy_from_slice(w);
        lower.make_ascii_lowercase();
        if may_start(std::str::from_utf8(lower).ok()?) {
            return Some(true);
        }
    }
    Some(false)
}

/// [`Vocab::contains`] of ASCII `text` without a backtick, read from the text itself:
/// its form's words are its runs of [`FORM_WORD_BYTE`]s, lower-cased, once its ends are
/// trimmed of [`is_form_trim`] bytes (as [`ascii_form_word_may_start`] reads them). At
/// each word that `may_start` a phrase (its byte pair read first), that word and the
/// ones after it, as many as the longest phrase has, are lower-cased on the stack and
/// the phrases tried there ([`FirstWords::first_match`], which finds nothing at a word
/// `may_start` turns away). `None` when a word or the window is too long for the
/// buffers: the caller folds the text.
fn ascii_phrase_found(
    list: &[Phrase],
    index: &FirstWords,
    text: &str,
    may_start: impl Fn(&str) -> bool,
) -> Option<bool> {
    debug_assert!(text.is_ascii() && !text.contains('`'));
    const WORD: usize = 64;
    const WINDOW: usize = 16;
    let longest = index.longest.max(1);
    if longest > WINDOW {
        return None;
    }
    let b = text.as_bytes();
    let start = b.iter().position(|&c| !is_form_trim(c)).unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|&c| !is_form_trim(c))
        .map_or(start, |p| p + 1);
    let t = &b[start..end.max(start)];
    let word_byte = |c: u8| FORM_WORD_BYTE.get(usize::from(c)).copied().unwrap_or(false);
    // the next word of `t` from `i` on, as a range of `t`
    let next_word = |mut i: usize| -> Option<(usize, usize)> {
        while i < t.len() && !word_byte(t[i]) {
            i += 1;
        }
        let s = i;
        while i < t.len() && word_byte(t[i]) {
            i += 1;
        }
        (i > s).then_some((s, i))
    };
    let mut buf = [0u8; WORD * WINDOW];
    let mut i = 0;
    while let Some((s, e)) = next_word(i) {
        i = e;
        let w = &t[s..e];
        if w.len() > WORD {
            return None;
        }
        if !has_lower_pair(&index.pairs, w) {
            continue;
        }
        // the window: this word and the next ones, lower-cased side by side
        let mut ends = [0usize; WINDOW];
        let (mut n, mut len, mut at) = (0, 0, s);
        while n < longest {
            let Some((ws, we)) = next_word(at) else {
                break;
            };
            let word = &t[ws..we];
            if word.len() > WORD {
                return None;
            }
            buf[len..len + word.len()].copy_from_slice(word);
            len += word.len();
            ends[n] = len;
            n += 1;
            at = we;
        }
        let forms = &mut buf[..len];
        forms.make_ascii_lowercase();
        let forms = std::str::from_utf8(forms).ok()?;
        if !may_start(&forms[..ends[0]]) {
            continue;
        }
        let mut refs = [""; WINDOW];
        let mut from = 0;
        for (r, &to) in refs.iter_mut().zip(&ends[..n]) {
            *r = &forms[from..to];
            from = to;
        }
        if index.first_match(|k| &list[k], &refs[..n]).is_some() {
            return Some(true);
        }
    }
    Some(false)
}

/// The longest text [`ascii_form`] folds on the stack.
const ASCII_FORM_MAX: usize = 64;

/// [`match_form`] of a short ASCII text, written into `buf`: whitespace runs made one
/// space, lower case, a backtick made an apostrophe, the ends trimmed of the
/// punctuation `match_form` trims there (its ASCII reading, byte by byte). `None` for
/// text that is not ASCII or is longer than the buffer (the caller folds it).
fn ascii_form<'b>(text: &str, buf: &'b mut [u8; ASCII_FORM_MAX]) -> Option<&'b str> {
    if text.len() > buf.len() || !text.is_ascii() {
        return None;
    }
    let mut n = 0;
    let mut pending = false;
    for &b in text.as_bytes() {
        if b.is_ascii_whitespace() {
            pending = n != 0;
            continue;
        }
        // (a space stands for one whitespace byte or more: never longer than the text)
        if pending {
            buf[n] = b' ';
            n += 1;
            pending = false;
        }
        buf[n] = if b == b'`' {
            b'\''
        } else {
            b.to_ascii_lowercase()
        };
        n += 1;
    }
    let edge = |b: &u8| is_edge(*b);
    let out = &buf[..n];
    let end = out.iter().rposition(|b| !edge(b)).map_or(0, |p| p + 1);
    let out = &out[..end];
    let start = out.iter().position(|b| !edge(b)).unwrap_or(out.len());
    std::str::from_utf8(&out[start..]).ok()
}

/// Append the [`match_form`] of one word of [`word_spans`] to `out`. An ASCII word
/// holds only letters, digits, `_` and `'`, so its form is its lower case without the
/// apostrophes at its ends, written without a string of its own.
fn word_form_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(
            word.trim_matches('\'')
                .bytes()
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
    } else {
        out.push_str(&match_form(word));
    }
}

/// Texts longer than this (bytes) are scanned for phrases through a window of words
/// rather than by collecting every word first: the same answer, flat memory.
const LONG_TEXT: usize = 16 << 10;

/// `f` of the window's words (forms) as one slice; a phrase is at most a few words,
/// so they are gathered on the stack.
#[cfg(test)]
fn with_words<R>(window: &VecDeque<(usize, String)>, f: impl FnOnce(&[&str]) -> R) -> R {
    const STACK: usize = 16;
    if window.len() <= STACK {
        let mut ws = [""; STACK];
        for (w, (_, form)) in ws.iter_mut().zip(window) {
            *w = form;
        }
        f(&ws[..window.len()])
    } else {
        let ws: Vec<&str> = window.iter().map(|(_, form)| form.as_str()).collect();
        f(&ws)
    }
}

/// [`word_spans`] one at a time: ASCII bytes by the table of the word bytes
/// ([`FORM_WORD_BYTE`]: letters, digits, `_`, `'`), no character decoded; other
/// characters decoded one by one.
///
/// The text is not first asked whether it is all ASCII: callers read a few words of
/// the rest of a long line, again after every row of a flattened table, and that
/// test read the whole rest each time (quadratic on a long line). The table and the
/// predicate of the characters agree on ASCII, so the words are the same.
pub(crate) fn word_spans_iter(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        // (each loop reads a byte by `get` and an ASCII byte by the table, with no
        // call: a closure that classified the character at `pos` for both loops was
        // not inlined, and cost about eleven instructions a byte of every text read)
        // to the next word character
        let start = loop {
            let &b = bytes.get(pos)?;
            if b < 0x80 {
                if FORM_WORD_BYTE[usize::from(b)] {
                    break pos;
                }
                pos += 1;
            } else {
                let (word, len) = char_at(text, pos);
                if word {
                    break pos;
                }
                pos += len;
            }
        };
        // to the end of the word
        while let Some(&b) = bytes.get(pos) {
            if b < 0x80 {
                if !FORM_WORD_BYTE[usize::from(b)] {
                    break;
                }
                pos += 1;
            } else {
                let (word, len) = char_at(text, pos);
                if !word {
                    break;
                }
                pos += len;
            }
        }
        Some((start, pos))
    })
}

/// Whether the character that starts at byte `i` of `text` (a character boundary, not
/// ASCII) is a word character ([`is_word_char`]), and its length in bytes.
#[inline(never)]
fn char_at(text: &str, i: usize) -> (bool, usize) {
    let c = text[i..].chars().next().unwrap_or(' ');
    (is_word_char(c), c.len_utf8())
}

/// A character of a word of [`word_spans_iter`]: alphanumeric, `_`, `'` or `’`.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_letter_or_digit() || c == '_' || c == '\'' || c == '\u{2019}'
}

/// Byte ranges of the words of `text` (runs of alphanumerics, `'` and `_`).
pub(crate) fn word_spans(text: &str) -> Vec<(usize, usize)> {
    // the runs of word characters, ASCII by the table of the word bytes
    // ([`FORM_WORD_BYTE`]: letters, digits, `_`, `'`), other characters decoded
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (word, len) = if b < 0x80 {
            (FORM_WORD_BYTE[usize::from(b)], 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_letter_or_digit() || c == '\u{2019}', c.len_utf8())
        };
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    /// [`word_spans_iter`] as it was: the whole text asked whether it is ASCII first.
    fn word_spans_iter_former(text: &str) -> Vec<(usize, usize)> {
        if !text.is_ascii() {
            return crate::fields::text::runs_iter(text, |c| {
                c.is_letter_or_digit() || c == '_' || c == '\'' || c == '\u{2019}'
            })
            .collect();
        }
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut pos = 0;
        loop {
            while pos < bytes.len() && !FORM_WORD_BYTE[usize::from(bytes[pos])] {
                pos += 1;
            }
            let start = pos;
            while pos < bytes.len() && FORM_WORD_BYTE[usize::from(bytes[pos])] {
                pos += 1;
            }
            if pos == start {
                return out;
            }
            out.push((start, pos));
        }
    }

    /// [`Vocab::find_type_phrase`] as it was: every phrase tried at every word.
    fn find_type_phrase_former(v: &Vocab, text: &str, last: bool) -> Option<(usize, usize)> {
        let phrases = || {
            v.storage
                .iter()
                .map(|(p, _)| p)
                .chain(&v.first_party)
                .filter(|p| p.words.len() >= 2)
        };
        let longest = phrases().map(|p| p.words.len()).max().unwrap_or(0);
        let mut spans = word_spans_iter(text);
        let mut window: VecDeque<((usize, usize), String)> = VecDeque::with_capacity(longest + 1);
        let mut found = None;
        loop {
            while window.len() < longest.max(1) {
                match spans.next() {
                    Some((s, e)) => window.push_back(((s, e), match_form(&text[s..e]))),
                    None => break,
                }
            }
            if window.is_empty() {
                break;
            }
            let best = {
                let refs: Vec<&str> = window.iter().map(|(_, f)| f.as_str()).collect();
                let mut best = 0;
                for p in phrases() {
                    if let Some(n) = p.match_at(&refs) {
                        best = best.max(n);
                    }
                }
                best
            };
            // (a phrase that starts inside the one found is a part of it, not a later
            // phrase: `HTML Local Storage` ends a row, not `Local Storage`)
            if best > 0 && found.is_none_or(|(_, e)| window[0].0 .0 >= e) {
                found = Some((window[0].0 .0, window[best - 1].0 .1));
                if !last {
                    return found;
                }
            }
            window.pop_front();
        }
        found
    }

    #[test]
    fn find_type_phrase_is_the_former_one() {
        let v = vocab();
        let lines = crate::testing::corpus_lines_and(&[
            "HTTP Cookie",
            "an HTTP cookie, a First Party cookie and HTML Local Storage",
            "http  COOKIE; html5 local storage; third party cookie",
            "Cookie HTTP Cookie Session Storage",
            "Local Storage",
            "xhttp cookie",
            "Session HTML Local Storage",
        ]);
        let mut hits = 0;
        for line in &lines {
            for last in [false, true] {
                let former = find_type_phrase_former(v, line, last);
                hits += usize::from(former.is_some());
                assert_eq!(v.find_type_phrase(line, last), former, "{line:?} {last}");
            }
        }
        assert!(hits > 10, "{hits}");
        // the last phrase is the longest one found last, not a phrase inside it
        let row = "Session HTML Local Storage";
        assert_eq!(v.find_type_phrase(row, true), Some((8, row.len())));
        assert_eq!(
            v.find_type_phrase("HTTP Cookie, Local Storage", true),
            Some((13, 26))
        );
    }

    /// [`Vocab::contains`] as the fold reads it: the text's form, its words, and the
    /// phrases tried at each (the reference for [`ascii_phrase_found`]).
    fn contains_by_fold(list: &[Phrase], index: &FirstWords, text: &str) -> bool {
        let form = match_form(text);
        let ws: Vec<&str> = words(&form).collect();
        (0..ws.len()).any(|i| index.first_match(|k| &list[k], &ws[i..]).is_some())
    }

    /// [`ascii_phrase_found`] answers as the fold does, for every list read by
    /// [`Vocab::contains`]: every corpus line, each of its suffixes at a space, and
    /// every phrase of each list in capitals, with an apostrophe, between punctuation
    /// and within text, as a stem run on, and cut short.
    #[test]
    fn ascii_phrases_are_found_as_folded() {
        let v = vocab();
        let lists: [(&[Phrase], &FirstWords); 7] = [
            (&v.first_party, &v.index.first_party),
            (&v.only, &v.index.only),
            (&v.set_by, &v.index.set_by),
            (&v.cookie_words, &v.index.cookie_words),
            (&v.local_storage, &v.index.local_storage),
            (&v.no_cookie, &v.index.no_cookie),
            (&v.placeholders, &v.index.placeholders),
        ];
        let mut texts = Vec::new();
        for line in crate::testing::corpus_lines() {
            for (at, _) in line.match_indices(' ').take(20) {
                texts.push(line[at..].to_string());
            }
            texts.push(line);
        }
        for (list, _) in lists {
            for p in list {
                let phrase = p.words.join(" ");
                for t in [
                    phrase.clone(),
                    phrase.to_uppercase(),
                    format!("'{phrase}'"),
                    format!("(({phrase}))."),
                    format!("We say {phrase}ing here, {phrase} there"),
                    format!("x {phrase}s"),
                    phrase.replace(' ', "  "),
                    phrase.replace(' ', "-"),
                    phrase[..phrase.len() / 2].to_string(),
                ] {
                    texts.push(t);
                }
            }
        }
        let mut found = 0;
        for t in texts.iter().filter(|t| t.is_ascii() && !t.contains('`')) {
            for &(list, index) in &lists {
                let may_start = |w: &str| index.may_start(w);
                let want = contains_by_fold(list, index, t);
                if let Some(got) = ascii_phrase_found(list, index, t, may_start) {
                    assert_eq!(got, want, "{t:?}");
                }
                assert_eq!(Vocab::contains(list, index, t), want, "{t:?}");
                found += usize::from(want);
            }
        }
        assert!(found > 5000, "{found}");
    }

    /// [`Vocab::may_name_category`] turns a text away only where
    /// [`Vocab::heading_category`] finds no category: every corpus line, its heading
    /// text and its words, and made-up headings around each category phrase.
    #[test]
    fn heading_category_gate_keeps_every_category() {
        let v = vocab();
        let mut texts = crate::testing::corpus_lines();
        for line in crate::testing::corpus_lines() {
            texts.push(line.trim().trim_start_matches('#').trim().to_string());
            for (s, e) in word_spans_iter(&line) {
                texts.push(line[s..e].to_string());
            }
        }
        for (p, _) in &v.categories {
            let phrase = p.words.join(" ");
            for t in [
                format!("{phrase} cookies"),
                format!("Cookies: {}", phrase.to_uppercase()),
                format!("non-{phrase}"),
                format!("'{phrase}'s"),
            ] {
                texts.push(t);
            }
        }
        let (mut turned, mut found) = (0, 0);
        for t in &texts {
            let read = v.heading_category(t);
            let gate = v.may_name_category(t);
            assert!(gate || read.is_none(), "{t:?}: {read:?}");
            turned += usize::from(!gate);
            found += usize::from(read.is_some());
        }
        assert!(turned > texts.len() / 2 && found > 1000, "{turned} {found}");
    }

    #[test]
    fn word_spans_iter_is_the_former_one() {
        let lines = crate::testing::corpus_lines_and(&[
            "",
            " ",
            "a",
            "é",
            "_ga's cookie’s 2 years",
            "Ünïcödé wörds and ASCII words",
            "ASCII first, then ü at the end",
            "l’usage d'un cookie",
            "x\u{a0}y\u{200b}z\u{301}w",
            "名前 Cookie 名前",
            "..,,;; ",
            "٣ ١٢ ²³ Ⅻ",
        ]);
        for line in &lines {
            // every suffix from a character boundary: mixed texts whose rest is ASCII
            for (i, _) in line.char_indices().take(40) {
                let rest = &line[i..];
                let now: Vec<_> = word_spans_iter(rest).collect();
                assert_eq!(now, word_spans_iter_former(rest), "{rest:?}");
            }
            let now: Vec<_> = word_spans_iter(line).collect();
            assert_eq!(now, word_spans_iter_former(line), "{line:?}");
        }
    }

    use super::*;

    /// The remembered `field_word` answers as the unremembered one on every word of
    /// the corpus (each asked twice, so the second answer is the memo's) and on words
    /// past the memo's length bound, in several cases.
    #[test]
    fn field_word_remembered_is_field_word() {
        let v = vocab();
        let lines = crate::testing::corpus_lines_and(&[
            "Name Provider Purpose Expiry Type",
            "NAME name Name nAmE",
            "Cookiename Cookies cookie Cookie2",
            "a0123456789012345678901234567890123 Durationlongerthanthirtytwobytesxx",
        ]);
        let mut some = 0;
        for line in &lines {
            for w in line.split(|c: char| !c.is_ascii_alphanumeric()) {
                for _ in 0..2 {
                    let got = v.field_word(w);
                    let want = if w.is_empty() {
                        None
                    } else {
                        v.field_word_uncached(w)
                    };
                    assert_eq!(got, want, "{w:?}");
                    some += usize::from(got.is_some_and(|f| f.starts || f.counts));
                }
            }
        }
        assert!(some > 1000, "only {some} header words");
    }

    #[track_caller]
    fn role(text: &str, want: Option<Role>) {
        assert_eq!(vocab().field(text), want, "{text:?}");
    }

    #[test]
    fn header_synonyms_in_every_language() {
        role("Service provider's name", Some(Role::Provider));
        role("Cookie name(s)", Some(Role::Name));
        role("Purposes", Some(Role::Purpose));
        role("Nom du prestataire", Some(Role::Provider));
        role("Nom du cookies", Some(Role::Name));
        role("Finalités", Some(Role::Purpose));
        role("Expiration period", Some(Role::Duration));
        role("Durée :", Some(Role::Duration));
        role("Speicherdauer", Some(Role::Duration));
        role("Caducidad", Some(Role::Duration));
        role("Bewaartermijn", Some(Role::Duration));
        role("Duração", Some(Role::Duration));
        role("Finalità", Some(Role::Purpose));
        // inferred from head words (a listed column of the same role wins in a table)
        role("Function and location", Some(Role::Purpose));
    }

    #[test]
    fn headers_by_head_words() {
        role("Maximum Storage Duration", Some(Role::Duration));
        role("Durée maximale de conservation", Some(Role::Duration));
        role("Cookie-Speicherdauer (Tage)", Some(Role::Duration));
        role("Responsable du traitement", Some(Role::Provider));
        role("Name des Drittanbieters", Some(Role::Provider));
        role("Provider name", Some(Role::Provider));
        role("Tipo di cookie", Some(Role::Type));
        role("Expiraton", Some(Role::Duration)); // one typo on a long word
        role("Cookies", Some(Role::Name));
        // a column naming who sets the cookie by name or by domain is the provider's
        role("Provider / Domain", Some(Role::Provider));
        role("Anbieter/Domain", Some(Role::Provider));
        role("bcookie", None);
        // two heads side by side are two columns; prose is no header
        role("Name Speicherdauer", None);
        role("Purpose and duration", None);
        role("We use cookies", None);
        role("utilizzato per distinguere gli utenti. Durata", None);
        role("Acceptation", None);
        role("Category Type", None);
        role("CMP for publishers", None);
        role("_ax_expiration", None);
        role("sessionDuration", None);
        role("Recording (anonymisiert). Speicherdauer", None);
    }

    #[test]
    fn tables_are_well_formed() {
        let bad: Vec<String> = tables()
            .flat_map(|(lang, t)| check_table(&format!("{lang}.tsv"), t))
            .collect();
        assert!(bad.is_empty(), "{}", bad.join("\n"));
        // and a bad line is caught
        assert_eq!(check_table("t", "fild\tname\tnom\n").len(), 1);
        assert_eq!(check_table("t", "field\tnme\tnom\n").len(), 1);
        assert_eq!(check_table("t", "category\tstats\tstatistik\n").len(), 1);
        assert_eq!(check_table("t", "negation\tx\tnon\n").len(), 1);
        assert_eq!(check_table("t", "field\tname\n").len(), 1);
        // a head of two words as the header's words are cut never matches
        assert_eq!(check_table("t", "head\tdomain\tsous-groupe\n").len(), 1);
        assert!(check_table("t", "head\tdomain\t*untergruppe\n").is_empty());
        assert!(check_table("t", "# comment\n\nfield\tname\tnom\n").is_empty());
        // the kinds of the word lists that were code: value and phrase are checked too
        for line in [
            "joiner\tplus\tand",
            "joiner\tand\tand so",
            "cookie_kind\tsession_cookie\tsession",
            "demonstrative\tx\tthese",
            "linker\t-\tde la",
            "naming\t-\tnamed:",
            "ending\t-\tEs",
            "ending\t-\te s",
            "verb_ending\tx\ten",
            "single_letter\t-\tab",
            "bound_prefix\t-\tver-",
            "function_word\t-\tthe1",
            "glued_form\t-\tde la",
            "hyphen_compound\t-\tfirstparty",
            "hyphen_compound\t-\tfirst-Party",
            "trait\tcapitalised_nouns\tmaybe",
            "trait\tnouns\tyes",
            "function_words\t-\tthe",
        ] {
            assert_eq!(check_table("t", line).len(), 1, "{line:?} passed");
        }
        for line in [
            "joiner\tor\toppure",
            "linker\t-\td'",
            "ending\t-\tés",
            "separable_prefix\t-\tzurück",
            "single_letter\t-\tà",
            "hyphen_compound\t-\tsous-traitant",
            "trait\tcapitalised_nouns\tyes",
        ] {
            assert!(check_table("t", line).is_empty(), "{line:?} failed");
        }
    }

    /// A language is complete only with every required kind: a new table that
    /// forgets its function words or its trait fails here.
    #[test]
    fn every_language_has_the_required_kinds() {
        for l in languages::LANGUAGES {
            let missing = affixes::missing_kinds(l.vocab);
            assert!(missing.is_empty(), "{}.tsv lacks {missing:?}", l.code);
        }
        assert_eq!(
            affixes::missing_kinds("field\tname\tnom\n# trait\n"),
            affixes::REQUIRED_KINDS[1..].to_vec()
        );
    }

    #[test]
    fn one_edit_implies_a_shared_end() {
        let words = [
            "expiration",
            "purpose",
            "provider",
            "duration",
            "fournisseur",
        ];
        let edits = |w: &str| {
            let cs: Vec<char> = w.chars().collect();
            let mut out = Vec::new();
            for i in 0..=cs.len() {
                for c in ['a', 'x', 'é'] {
                    let mut v = cs.clone();
                    v.insert(i, c);
                    out.push(v.iter().collect::<String>());
                    if i < cs.len() {
                        let mut v = cs.clone();
                        v[i] = c;
                        out.push(v.iter().collect());
                    }
                }
                if i < cs.len() {
                    let mut v = cs.clone();
                    v.remove(i);
                    out.push(v.iter().collect());
                }
                if i + 1 < cs.len() {
                    let mut v = cs.clone();
                    v.swap(i, i + 1);
                    out.push(v.iter().collect());
                }
            }
            out
        };
        for w in words {
            for e in edits(w) {
                if one_edit(&e, w) {
                    assert!(may_be_one_edit(&e, w), "{e} / {w}");
                }
            }
        }
    }

    #[test]
    fn one_edit_apart() {
        assert!(one_edit("expiraton", "expiration"));
        assert!(one_edit("purpsoe", "purpose"));
        assert!(one_edit("provder", "provider"));
        assert!(!one_edit("provider", "provider"));
        assert!(!one_edit("position", "purpose"));
    }

    #[track_caller]
    fn cat(text: &str, want: Option<Category>) {
        assert_eq!(vocab().find_category(text), want, "{text:?}");
    }

    #[test]
    fn a_category_named_whole() {
        let v = vocab();
        for (text, want) in [
            ("Funktional", Some(Category::Functional)),
            ("Strictly necessary", Some(Category::Necessary)),
            ("Cookies dirigidas", None),
            ("Dirigidas", Some(Category::Advertising)),
            ("Direcionamento", Some(Category::Advertising)),
            ("Peltram Analytics", None),
            ("", None),
        ] {
            assert_eq!(v.category_whole(text), want, "{text:?}");
        }
    }

    /// Headings as writers elide (`d'analyse`) or compound (`Funktions-Cookies`)
    /// their category word, and the words a consent platform heads its categories
    /// with (`Experience`, `Mesure`): each declares its category; the phrases that
    /// hold an elided word (`mesure d'audience`) still match, whole or in a heading.
    #[test]
    fn headings_with_elided_and_compounded_categories() {
        let v = vocab();
        for (text, want) in [
            ("Cookies d'analyse", Category::Analytics),
            ("Cookies d’audience", Category::Analytics),
            (
                "Cookies d'analyse et de personnalisation",
                Category::Analytics,
            ),
            ("Cookies de mesure d'audience", Category::Analytics),
            ("Mesure d'audience", Category::Analytics),
            ("Funktions-Cookies", Category::Functional),
            ("Funktionscookies", Category::Functional),
            ("Personalisierungs-Cookies", Category::Functional),
            ("Komfortcookies", Category::Functional),
            ("Experience", Category::Functional),
            ("Measurement", Category::Analytics),
            ("Misurazione", Category::Analytics),
            ("Ervaringscookies", Category::Functional),
        ] {
            assert!(v.may_name_category(text), "{text:?}");
            assert_eq!(v.heading_category(text), Some(want), "{text:?}");
        }
        assert_eq!(
            v.category_whole("Mesure d'audience"),
            Some(Category::Analytics)
        );
        assert_eq!(
            v.find_category("Cookie d'audience"),
            Some(Category::Analytics)
        );
        // an elided word before no category, and English contractions, declare none
        assert_eq!(v.heading_category("Cookies d'identification"), None);
        assert_eq!(v.heading_category("What's a cookie"), None);
    }

    /// A lifetime key as consent platforms write it in each language.
    #[test]
    fn lifetime_keys_of_consent_platforms() {
        let v = vocab();
        for key in [
            "Expires in",
            "Läuft ab in",
            "Expire dans",
            "Caduca en",
            "Scade tra",
            "Verloopt na",
            "Expira em",
        ] {
            assert_eq!(v.field(key), Some(Role::Duration), "{key:?}");
        }
    }

    #[test]
    fn categories_leftmost() {
        cat(
            "Cookies necessary for the platform to function properly/functionality cookies",
            Some(Category::Necessary),
        );
        cat(
            "Analytical cookies, which are necessary",
            Some(Category::Analytics),
        );
        cat("Essential cookie", Some(Category::Necessary));
        cat("Mesure d’audience", Some(Category::Analytics));
        cat("Propia Técnica", Some(Category::Necessary));
        cat(
            "Marketing & Advertising Cookies",
            Some(Category::Advertising),
        );
        cat("Personalization Cookies", Some(Category::Functional));
        cat("Notwendige Cookies Immer aktiv", Some(Category::Necessary));
        cat("Statistik & Analyse", Some(Category::Analytics));
        cat("Unclassified", Some(Category::Unknown));
        cat("Authentication", None);
        cat("Session", None);
        // negated words declare nothing; a category after them still does
        cat("Non-essential", None);
        cat("Non-essential (functional)", Some(Category::Functional));
        cat("nicht notwendig", None);
        cat("Cookie non strettamente necessari", None);
    }

    /// Every placeholder of the tables, as written, in capitals and with spaces around
    /// it, is one; dashes and slashes alone are; values that say something are not.
    #[test]
    fn placeholders() {
        let v = vocab();
        let mut asked = 0;
        for (kind, _, phrase) in table_rows().filter(|r| r.0 == "placeholder") {
            assert_eq!(kind, "placeholder");
            for t in [
                phrase.to_string(),
                phrase.to_uppercase(),
                format!(" {phrase} "),
            ] {
                assert!(v.is_placeholder(&t), "{t:?}");
                asked += 1;
            }
        }
        assert!(asked > 50, "{asked}");
        for t in ["-", "—", "–", "-/-", "/", " — ", "*", "..."] {
            assert!(v.is_placeholder(t), "{t:?}");
        }
        for t in [
            "",
            "Google",
            "2 years",
            "Session",
            "n",
            "nao",
            "Not set",
            "None of these",
            "-1",
            "N/A Ltd",
            "non applicable to analytics cookies",
            "Nike",
            "k",
        ] {
            assert!(!v.is_placeholder(t), "{t:?}");
        }
    }

    /// Every category phrase of the tables (stems aside), as a heading alone, with
    /// `cookies` after it and in capitals, declares its category; so does a phrase
    /// that holds the cookie word itself (`tracking cookies`).
    #[test]
    fn every_category_phrase_heads_a_section() {
        let mut asked = 0;
        for (kind, value, phrase) in table_rows() {
            if kind != "category" || phrase.contains('*') {
                continue;
            }
            let Some(want) = parse_category(value) else {
                continue;
            };
            for h in [
                phrase.to_string(),
                format!("{phrase} cookies"),
                phrase.to_uppercase(),
                format!("Our {phrase} cookies"),
            ] {
                assert_eq!(vocab().heading_category(&h), Some(want), "{h:?}");
                asked += 1;
            }
        }
        assert!(asked > 200, "{asked}");
    }

    #[test]
    fn storage_types() {
        let v = vocab();
        assert_eq!(v.storage_of("HTML Local Storage"), Some(Storage::NotCookie));
        assert_eq!(v.storage_of("HTTP Cookie"), Some(Storage::Cookie));
        assert_eq!(v.storage_of("Pixel Tracker"), Some(Storage::NotCookie));
        assert!(v.is_first_party("1st-party"));
        assert!(!v.is_first_party("Google"));
    }

    #[test]
    fn word_forms_are_match_forms() {
        let text = "Set BY the 'Plugin' o'Reilly's __utm_z2 l'ÉTÉ Straße d’accès ''x'' 3rd";
        for (s, e) in word_spans(text) {
            let mut out = String::new();
            word_form_into(&text[s..e], &mut out);
            assert_eq!(out, match_form(&text[s..e]), "{:?}", &text[s..e]);
        }
    }

    /// `word_spans` of ASCII text (a byte table) and `is_demonstrative_word` give what
    /// the general paths give.
    #[test]
    fn word_fast_paths_match() {
        let general = |t: &str| {
            crate::fields::text::runs(t, |c| {
                c.is_letter_or_digit() || c == '_' || c == '\'' || c == '\u{2019}'
            })
        };
        for t in [
            "",
            "These cookies expire after 6 months.",
            "'ces' cookies_x, d'un  tab\tend",
            "x",
            "`quoted` [a]",
            "Durée de conservation : 13 mois, l’utilisateur",
            "ÄÖÜ äöü ß — “x” ’s 日本語",
        ] {
            assert_eq!(word_spans(t), general(t), "{t:?}");
            assert_eq!(word_spans_iter(t).collect::<Vec<_>>(), general(t), "{t:?}");
            for (s, e) in word_spans(t) {
                let w = &t[s..e];
                assert_eq!(
                    vocab().is_demonstrative_word(w),
                    vocab().is_demonstrative(&match_form(w)),
                    "{w:?}"
                );
            }
        }
        for b in 0u8..128 {
            let c = char::from(b);
            for t in [
                format!("a{c}b"),
                format!("{c}"),
                format!("{c}a{c}{c}b_'{c}"),
                format!("{c}é{c}"),
            ] {
                assert_eq!(word_spans(&t), general(&t), "{t:?}");
                assert_eq!(
                    word_spans_iter(&t).collect::<Vec<_>>(),
                    general(&t),
                    "{t:?}"
                );
            }
        }
        let listed: Vec<String> = vocab()
            .demonstratives
            .iter()
            .flat_map(|d| {
                let mut cap = d.clone();
                if let Some(f) = cap.get_mut(..1) {
                    f.make_ascii_uppercase();
                }
                [
                    d.clone(),
                    d.to_uppercase(),
                    cap,
                    format!("'{d}'"),
                    format!("{d}s"),
                ]
            })
            .collect();
        // and every word of the first lines of the corpus
        let mut corpus: Vec<String> = Vec::new();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        if let Ok(entries) = std::fs::read_dir(dir) {
            for entry in entries.flatten() {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    for line in text.lines().take(200) {
                        corpus.extend(
                            word_spans(line)
                                .iter()
                                .map(|&(s, e)| line[s..e].to_string()),
                        );
                    }
                }
            }
        }
        assert!(corpus.len() > 1000);
        for w in [
            "These", "THESE", "'these'", "ces", "Diese", "Ces", "diese'", "cookies", "`these`",
            "th`ese", "'", "", "t", "`",
        ]
        .into_iter()
        .chain(listed.iter().map(String::as_str))
        .chain(corpus.iter().map(String::as_str))
        {
            assert_eq!(
                vocab().is_demonstrative_word(w),
                vocab().is_demonstrative(&match_form(w)),
                "{w:?}"
            );
        }
    }

    /// [`Vocab::digit_rejects`] turns away only texts the full reading finds no role
    /// for: texts with digits in many shapes and every short corpus line and phrase.
    #[test]
    fn digit_rejection_is_the_full_reading() {
        let v = vocab();
        assert!(v.fields_digit_free);
        let full = |t: &str| v.field_listed(t).or_else(|| v.field_by_heads(t));
        let mut texts: Vec<String> = Vec::new();
        for f in v.fields.keys() {
            for d in ["1", "0 ", " 2", "x3"] {
                texts.push(format!("{f}{d}"));
                texts.push(format!("{d}{f}"));
                texts.push(format!("{f} ({d})"));
                texts.push(format!("{f} [{d}"));
                texts.push(format!("{}{d}", f.to_uppercase()));
            }
        }
        for b in 0u8..128 {
            let c = char::from(b);
            texts.push(format!("Duration{c}1"));
            texts.push(format!("1{c}Name"));
            texts.push(format!("Durée{c}2 ½"));
        }
        for line in crate::testing::corpus_lines()
            .into_iter()
            .filter(|l| l.len() <= 64)
        {
            let ws: Vec<&str> = line.split_whitespace().collect();
            for i in 0..ws.len() {
                for n in 1..=5.min(ws.len() - i) {
                    texts.push(ws[i..i + n].join(" "));
                }
            }
            texts.push(line);
        }
        let mut rejected = 0;
        for t in &texts {
            if v.digit_rejects(t) {
                rejected += 1;
                assert_eq!(full(t), None, "{t:?}");
            }
        }
        assert!(rejected > 1000, "{rejected}");
    }

    /// The byte-pair and shape tests of [`Vocab::starts_field`] and
    /// [`Vocab::first_word_listed`] give the answer of the set alone: on every listed first word (in three cases),
    /// every ASCII word of one and two bytes, long words, and the words of the corpus.
    #[test]
    fn field_first_word_pairs_match_the_set() {
        let v = vocab();
        let reference = |w: &str| v.field_first_words.contains(&w.to_ascii_lowercase());
        let mut words: Vec<String> = Vec::new();
        for w in &v.field_first_words {
            words.push(w.clone());
            words.push(w.to_ascii_uppercase());
            words.push(format!("{w}x"));
        }
        for a in 1u8..128 {
            words.push(char::from(a).to_string());
            for b in 1u8..128 {
                words.push(format!("{}{}", char::from(a), char::from(b)));
            }
        }
        words.push("a".repeat(40));
        words.push(String::new());
        for line in crate::testing::corpus_lines() {
            words.extend(line.split_whitespace().map(str::to_string));
            words.extend(
                word_spans(&line)
                    .iter()
                    .map(|&(s, e)| line[s..e].to_string()),
            );
        }
        assert!(words.len() > 10_000);
        let mut hits = 0;
        for w in words.iter().filter(|w| w.is_ascii()) {
            let want = reference(w);
            hits += usize::from(want);
            assert_eq!(v.first_word_listed(w), want, "{w:?}");
            assert_eq!(v.starts_field(w), want && w.len() <= 32, "{w:?}");
        }
        assert!(hits > 100);
    }

    /// The byte-pair test never turns away a word a phrase list could start with.
    #[test]
    fn byte_pairs_keep_every_first_word_and_stem() {
        let v = vocab();
        let lists: [(&[Phrase], &FirstWords); 5] = [
            (&v.first_party, &v.index.first_party),
            (&v.only, &v.index.only),
            (&v.cookie_words, &v.index.cookie_words),
            (&v.local_storage, &v.index.local_storage),
            (&v.no_cookie, &v.index.no_cookie),
        ];
        for (list, index) in lists {
            for p in list {
                let Some(first) = p.words.first() else {
                    continue;
                };
                assert!(index.pair_listed(first), "{first:?}");
                if p.stem && p.words.len() == 1 {
                    for tail in ["", "s", "xyz", "é"] {
                        let w = format!("{first}{tail}");
                        assert!(index.pair_listed(&w), "{w:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn set_by_windowed_equals_collected() {
        let v = vocab();
        let texts = [
            "This cookie is set by Google Analytics.",
            "Cookie déposé par Google, set by nobody",
            "by by by set by",
            "Ce cookie est déposé par le site",
            "set",
            "",
            "no set-by phrase here at all, only words by the way",
            "Dieses Cookie wird von Google gesetzt und gesetzt von Matomo",
        ];
        for t in texts {
            for prefix in ["", "word ", "set ", "déposé "] {
                let t = format!("{prefix}{t}");
                assert_eq!(
                    v.set_by_end_windowed(&t),
                    v.set_by_end_collected(&t),
                    "{t:?}"
                );
            }
        }
        // a long line goes the windowed way, with the same answer
        let long = format!("{} placed by Hotjar", "words of a long line ".repeat(2000));
        assert!(long.len() > LONG_TEXT);
        assert_eq!(v.after_set_by(&long), v.set_by_end_collected(&long));
        assert_eq!(v.after_set_by(&long), Some(long.len() - " Hotjar".len()));
        let long_contains = format!("{} only strictly necessary", "x ".repeat(10_000));
        assert!(v.mentions_only(&long_contains));
        assert!(!v.mentions_only(&"x ".repeat(10_000)));
    }

    #[test]
    fn set_by_scan_equals_collected() {
        let v = vocab();
        let mut texts: Vec<String> = Vec::new();
        texts.extend(crate::testing::corpus_lines());
        // every phrase, in several cases, inside and at the ends of a sentence
        for p in &v.set_by {
            let phrase = p.words.join(" ");
            for form in [phrase.clone(), phrase.to_uppercase(), format!("'{phrase}'")] {
                texts.push(form.clone());
                texts.push(format!("Ce cookie est {form} Google, puis {form}"));
                texts.push(format!("déposé {form}’s Hotjar"));
            }
        }
        assert!(texts.len() > 1000);
        for t in &texts {
            assert_eq!(v.set_by_end_scan(t), v.set_by_end_collected(t), "{t:?}");
        }
    }

    #[test]
    fn ascii_word_scan_is_the_folded_scan() {
        let v = vocab();
        let mut texts: Vec<String> = Vec::new();
        texts.extend(crate::testing::corpus_lines());
        for w in [
            "only",
            "Cookies",
            "'only'",
            "ONLY",
            "o",
            "c",
            "local storage",
            "1st party",
        ] {
            texts.push(w.to_string());
            texts.push(format!("-- {w}: x"));
            texts.push(format!("{w}'s {}", "x".repeat(70)));
            texts.push(format!("{} {w}", "cookiesx".repeat(9)));
        }
        let lists: [(&[Phrase], &FirstWords); 6] = [
            (&v.only, &v.index.only),
            (&v.cookie_words, &v.index.cookie_words),
            (&v.first_party, &v.index.first_party),
            (&v.local_storage, &v.index.local_storage),
            (&v.no_cookie, &v.index.no_cookie),
            (&v.set_by, &v.index.set_by),
        ];
        let mut answered = 0;
        for t in texts.iter().filter(|t| t.is_ascii() && !t.contains('`')) {
            for (list, index) in lists {
                let may_start = |w: &str| {
                    index.pair_listed(w)
                        && (index.exact.contains_key(w)
                            || index.stems_for(w).iter().any(|&k| {
                                list[k]
                                    .words
                                    .first()
                                    .is_some_and(|s| w.starts_with(s.as_str()))
                            }))
                };
                let folded = words(&match_form(t)).any(may_start);
                if let Some(got) = ascii_form_word_may_start(t, index, may_start) {
                    assert_eq!(got, folded, "{t:?}");
                    answered += 1;
                }
                let form = match_form(t);
                let ws: Vec<&str> = words(&form).collect();
                let want =
                    (0..ws.len()).any(|i| index.first_match(|k| &list[k], &ws[i..]).is_some());
                assert_eq!(Vocab::contains(list, index, t), want, "{t:?}");
            }
        }
        assert!(answered > 1000);
    }

    #[test]
    fn negations_read_unfolded() {
        let v = vocab();
        let mut texts: Vec<String> = Vec::new();
        texts.extend(crate::testing::corpus_lines());
        for n in &v.negations {
            texts.push(format!("'{}' cookies", n.to_uppercase()));
            texts.push(format!("{} {n}", "y".repeat(70)));
        }
        for t in &texts {
            let folded = words(&match_form(t)).any(|w| v.negations.contains(w));
            assert_eq!(v.has_negation(t), folded, "{t:?}");
        }
    }

    #[test]
    fn ascii_form_is_match_form() {
        let mut texts: Vec<String> = [
            "",
            " ",
            "Cookie name(s)",
            "  `Max`. Age :  ",
            "'quoted' -- (x) [y] #z |",
            "Durata\t\tmassima\r\n",
            "\x0b\x0cform feed",
            "a---b***c",
            "'",
            "\"Name\"",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        // every ASCII byte alone, between letters and at both ends
        for b in 0u8..128 {
            let c = char::from(b);
            texts.push(c.to_string());
            texts.push(format!("Ab{c}Cd"));
            texts.push(format!("{c}Ab Cd{c}"));
            texts.push(format!("{c}{c} x {c}"));
        }
        texts.push("x".repeat(64));
        texts.push("x".repeat(65));
        texts.push(format!("  {}  ", "y ".repeat(31)));
        texts.push("Durée".to_string());
        for t in &texts {
            let mut buf = [0u8; ASCII_FORM_MAX];
            match ascii_form(t, &mut buf) {
                Some(f) => assert_eq!(f, match_form(t), "{t:?}"),
                None => assert!(t.len() > ASCII_FORM_MAX || !t.is_ascii(), "{t:?}"),
            }
        }
    }

    /// [`Vocab::field_by_heads`] as it read before its form and lists were made on
    /// the stack.
    fn field_by_heads_reference(v: &Vocab, text: &str) -> Option<Role> {
        let mut plain = String::with_capacity(text.len());
        let mut depth = 0usize;
        for c in text.chars() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                _ if depth == 0 => plain.push(c),
                _ => {}
            }
        }
        // (every test below that rejects returns `None`, whatever their order: the
        // ones that need no fold come first)
        // a sentence end inside (`… gli utenti. Durata`, `(anonymisiert). Dauer`) is prose,
        // not one header; abbreviations (`Max. Speicherdauer`) are short
        // (each `. ` found by its dot: a byte search, no substring searcher per call)
        let trimmed = text.trim();
        let mut dots = memchr::memchr_iter(b'.', trimmed.as_bytes())
            .filter(|&at| trimmed.as_bytes().get(at + 1) == Some(&b' '));
        let sentence_end = dots.any(|at| {
            let before = &trimmed[..at];
            before.ends_with(')')
                || before
                    .rsplit(|c: char| !c.is_letter_or_digit())
                    .next()
                    .is_some_and(|w| w.chars().count() >= 4)
        });
        // identifiers (`_ax_expiration`, `sessionDuration`) are cookie names, not headers
        let identifier = plain.contains(['_', '=', '@', '#'])
            || plain.split([' ', '-', '/']).any(|w| {
                w.chars().skip(1).any(char::is_uppercase) && w.chars().any(char::is_lowercase)
            });
        if sentence_end || identifier {
            return None;
        }
        let form = match_form(&plain);
        if form.is_empty() || form.contains([';', '!', '?']) {
            return None;
        }
        if let Some(r) = v.fields.get(&form) {
            return Some(*r);
        }
        let ws: Vec<&str> = form
            .split(|c: char| !c.is_letter_or_digit())
            .filter(|w| !w.is_empty())
            .collect();
        if ws.is_empty() || ws.len() > 7 || ws.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
        {
            return None;
        }
        let mut heads: Vec<(usize, Role)> = Vec::new();
        let mut cookie_word = false;
        let mut other = 0;
        for (i, w) in ws.iter().enumerate() {
            // `CMP for publishers`: what follows a complement word is not the head
            if v.heads.complements.contains(*w) {
                other += 1;
                break;
            }
            if v.heads.cookie_words.contains(*w) {
                cookie_word = true;
                continue;
            }
            match v.heads.role_of(w) {
                Some(r) => heads.push((i, r)),
                None if w.chars().count() <= 2 => {}
                None => other += 1,
            }
            // more than two other words make no header, whatever follows
            if other > 2 {
                return None;
            }
        }
        if other > 2 {
            return None;
        }
        // `Provider / Domain`: one provider column
        let pair: Vec<Role> = heads.iter().map(|h| h.1).collect();
        if form.contains('/')
            && pair.len() == 2
            && pair.contains(&Role::Provider)
            && pair.contains(&Role::Domain)
        {
            return Some(Role::Provider);
        }
        // two heads side by side (`Category Type`) are two columns of a flattened header
        if heads.windows(2).any(|w| w[1].0 == w[0].0 + 1) {
            return None;
        }
        let mut roles: Vec<Role> = heads.iter().map(|h| h.1).collect();
        roles.sort_by_key(|r| *r as u8);
        roles.dedup();
        match roles.as_slice() {
            [] => (cookie_word && other == 0).then_some(Role::Name),
            [r] => Some(*r),
            // `Provider name`, `Nom du fournisseur`, `Name des Anbieters`: the name word
            // qualifies the other head when it ends the phrase or a linker follows it;
            // `Name Speicherdauer` is two columns, not one
            [a, b] if *a == Role::Name || *b == Role::Name => {
                let qualifies = heads.iter().filter(|h| h.1 == Role::Name).all(|&(i, _)| {
                    i + 1 == ws.len() || ws.get(i + 1).is_some_and(|n| n.chars().count() <= 3)
                });
                qualifies.then(|| if *a == Role::Name { *b } else { *a })
            }
            _ => None,
        }
    }

    /// A consent platform's title over a service's table of cookies holds a category
    /// word and declares none; the platform's group of embedded content declares
    /// none either (`unknown`); the same words about cookies still declare one.
    #[test]
    fn table_titles_and_embedded_content() {
        let v = vocab();
        for t in [
            "Technische Cookie-Definitionen",
            "Technical cookie definitions",
            "Technical details",
        ] {
            assert_eq!(v.heading_category(t), None, "{t:?}");
            assert!(v.is_table_title(t), "{t:?}");
        }
        assert_eq!(
            v.heading_category("Technische Cookies"),
            Some(Category::Necessary)
        );
        assert_eq!(
            v.heading_category("Technical cookies"),
            Some(Category::Necessary)
        );
        assert!(!v.is_table_title("Technical cookies"));
        for t in [
            "Externe Medien",
            "External Media",
            "Médias externes",
            "Externe media",
        ] {
            assert_eq!(v.heading_category(t), Some(Category::Unknown), "{t:?}");
        }
    }

    /// A link's label after a service's name is cut off, the longest label first;
    /// A provider key's company keeps its legal form and loses its postal address;
    /// a value with no address after its comma (two companies) stays whole.
    #[test]
    fn companies_without_their_address() {
        let v = vocab();
        for (value, want) in [
            (
                "Google Ireland Limited, Gordon House, Barrow Street, Dublin 4, Ireland",
                "Google Ireland Limited",
            ),
            (
                "Meta Platforms, Inc., 1 Hacker Way, Menlo Park",
                "Meta Platforms, Inc.",
            ),
            ("Meta Platforms, Inc.", "Meta Platforms, Inc."),
            ("Velqora GmbH, Hauptstraße 5, 10115 Berlin", "Velqora GmbH"),
            ("Orabix, S.L., Calle Mayor 3, Madrid", "Orabix, S.L."),
            ("Bixvyn, Rue de la Paix, Paris, France", "Bixvyn"),
            ("PostHog Inc., USA", "PostHog Inc."),
            ("Google, Meta", "Google, Meta"),
            ("Google", "Google"),
            ("Wix.com Ltd.", "Wix.com Ltd."),
            (", 12 Main Street", ", 12 Main Street"),
        ] {
            assert_eq!(v.without_address(value), want, "{value:?}");
        }
    }

    /// A line of links' labels, one or several between dashes or bars, is one; a
    /// line holding anything else is not.
    #[test]
    fn lines_of_links_labels() {
        let v = vocab();
        for line in [
            "En savoir plus - Voir le site officiel",
            "Read more – View the official website",
            "Privacy policy | Learn more",
            "Mehr lesen",
            "Ver el sitio oficial.",
        ] {
            assert!(v.is_link_labels(line), "{line}");
        }
        for line in [
            "",
            "Read more - _ga",
            "Google Analytics - Read more",
            "Read more about cookies",
            "This service can install 2 cookies.",
        ] {
            assert!(!v.is_link_labels(line), "{line}");
        }
    }

    /// a value that is only a label, or has none, stays as it is.
    #[test]
    fn link_labels_after_a_service() {
        let v = vocab();
        assert_eq!(
            v.without_link_label("Stripe View Service Privacy Policy"),
            "Stripe"
        );
        assert_eq!(
            v.without_link_label("Velqora Chat – Datenschutzerklärung"),
            "Velqora Chat"
        );
        assert_eq!(
            v.without_link_label("Orabix Politique de confidentialité."),
            "Orabix"
        );
        assert_eq!(v.without_link_label("Privacy Policy"), "Privacy Policy");
        assert_eq!(v.without_link_label("Google Analytics"), "Google Analytics");
        assert_eq!(v.without_link_label("Policy Policy"), "Policy Policy");
    }

    /// A line that opens by calling the line above a service, in each language.
    #[test]
    fn lines_that_speak_of_a_service() {
        let v = vocab();
        for line in [
            "This service can install 4 cookies.",
            "Ce service peut déposer 2 cookies.",
            "Dieser Dienst kann 3 Cookies setzen.",
            "Questo servizio può installare 1 cookie.",
            "Este serviço pode instalar 2 cookies.",
        ] {
            assert!(v.opens_with_service_ref(line), "{line}");
        }
        for line in [
            "This site uses cookies.",
            "Service",
            "The cookies of this service",
            "",
        ] {
            assert!(!v.opens_with_service_ref(line), "{line}");
        }
    }

    #[test]
    fn field_by_heads_matches_its_reference() {
        let v = vocab();
        let mut lines: Vec<String> = Vec::new();
        lines.extend(crate::testing::corpus_lines());
        lines.extend(v.fields.keys().cloned());
        lines.extend(v.heads.words.keys().map(|w| format!("Max. {w} (days)")));
        lines.extend(v.fields.keys().map(|f| format!("{f} (2) [3 x] 4 {f})")));
        let mut n = 0;
        for line in &lines {
            // the phrases of up to five words a header reader asks about
            let spans = crate::fields::text::runs(line, |c| !c.is_whitespace());
            for i in 0..spans.len().min(16) {
                for len in 1..=5.min(spans.len() - i) {
                    let phrase = &line[spans[i].0..spans[i + len - 1].1];
                    let general = field_by_heads_reference(v, phrase);
                    assert_eq!(v.field_by_heads(phrase), general, "{phrase:?}");
                    // `field` with its early answers, against the general reading
                    if phrase.len() <= 64 {
                        assert_eq!(
                            v.field(phrase),
                            v.field_listed(phrase).or(general),
                            "{phrase:?}"
                        );
                    }
                    n += 1;
                }
            }
        }
        assert!(n > 10_000);
    }

    #[test]
    fn set_by_offset() {
        let v = vocab();
        let t = "This cookie is set by GDPR Cookie Consent plugin.";
        let at = v.after_set_by(t).unwrap();
        assert_eq!(&t[at..], " GDPR Cookie Consent plugin.");
    }
}
