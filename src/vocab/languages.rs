//! The one registry of supported languages: each line names a language (its ISO 639-1
//! code and whatlang's name for it) and the three tables it is read with. Every part
//! of the crate that works per language (detection, vocabulary, durations, text
//! repair) iterates this list; no other list of languages exists in code.
//!
//! Adding a language is writing `data/<code>.tsv`, `duration/<code>.tsv` and
//! `words/<code>.txt`, and adding one `language!` line here (README, "Languages").

use whatlang::Lang;

use crate::vocab::word_table::WordTable;

/// One supported language and its tables.
#[derive(Debug)]
pub(crate) struct Language {
    /// ISO 639-1 code, as reported in a policy's `language`.
    pub(crate) code: &'static str,
    /// whatlang's name for it: detection is restricted to the registered languages.
    pub(crate) detect: Lang,
    /// The vocabulary table (`data/<code>.tsv`).
    pub(crate) vocab: &'static str,
    /// The duration table (`duration/<code>.tsv`).
    pub(crate) durations: &'static str,
    /// The frequency-ranked word list of text repair (`words/<code>.txt`).
    pub(crate) words: &'static str,
    /// The word list's hash table, built by `build.rs` (see `word_table`).
    pub(crate) word_table: &'static [u8],
}

/// The bytes of a file, in a static of their own: each file is in the binary once. (The
/// data of an `include_str!` or `include_bytes!` in the `const` [`LANGUAGES`], even
/// behind a static reference, was copied into the binary at each of its uses: 1.5 MB
/// of word lists and 3.2 MB of tables a copy.)
macro_rules! embedded {
    ($path:expr) => {{
        static BYTES: [u8; include_bytes!($path).len()] = *include_bytes!($path);
        &BYTES
    }};
}

/// A registry line: the code names the three tables.
macro_rules! language {
    ($code:literal, $detect:ident) => {
        Language {
            code: $code,
            detect: Lang::$detect,
            vocab: include_str!(concat!("data/", $code, ".tsv")),
            durations: include_str!(concat!("duration/", $code, ".tsv")),
            words: match std::str::from_utf8(embedded!(concat!("words/", $code, ".txt"))) {
                Ok(words) => words,
                Err(_) => panic!(concat!("words/", $code, ".txt is not UTF-8")),
            },
            word_table: embedded!(concat!(env!("OUT_DIR"), "/words_", $code, ".bin")),
        }
    };
}

/// The supported languages. English comes first: text repair consults it beside the
/// document's language (policies in every language borrow English words).
pub(crate) const LANGUAGES: &[Language] = &[
    language!("en", Eng),
    language!("fr", Fra),
    language!("de", Deu),
    language!("es", Spa),
    language!("it", Ita),
    language!("nl", Nld),
    language!("pt", Por),
];

impl Language {
    /// The frequency-ranked word list, read through its compiled table.
    pub(crate) fn word_list(&self) -> WordTable {
        WordTable {
            table: self.word_table,
            text: self.words,
        }
    }
}

/// The index in [`LANGUAGES`] of an ISO 639-1 code (any case).
pub(crate) fn index_of(code: &str) -> Option<usize> {
    LANGUAGES
        .iter()
        .position(|l| l.code.eq_ignore_ascii_case(code))
}
