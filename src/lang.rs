//! Language identification: whatlang over a bounded sample of the document's prose,
//! restricted to the languages the vocabularies support, weighed against the sample's
//! commonest words ([`word_vote`]), reported as ISO 639-1.

use crate::chars::CharClass;
use whatlang::Detector;

use crate::fx::FxHasher;
use crate::vocab::languages::LANGUAGES;
use crate::vocab::word_table::list_words;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use crate::segment::{Line, LineKind};

/// At most this many bytes of prose are given to whatlang: enough for a stable
/// answer, and it keeps detection cost independent of document size. whatlang's
/// cost is a fixed part (each language's 300 profile trigrams looked up, about a
/// third at this size) plus a part linear in the sample (it was a fifth of all
/// parsing at 4 KB, and a sixth at 1 KB once the rest got faster; issue 13 asks for
/// at most 15 % on a 5 KB policy, which 512 bytes reached once the rest got faster
/// again). Taken sentences first, 256 bytes read every corpus document in its gold
/// language whatever the line order (`tests/corpus_variants.rs`,
/// `language_under_line_orders`); 192 bytes do not (four documents turn unreliable),
/// so the sample has a margin of 1.5× over the least that works. From 1 KB to 512
/// and to 384 bytes no corpus document changed its language or its confidence
/// (256 bytes change confidences).
const SAMPLE_BYTES: usize = 384;

/// A sample of [`SAMPLE_BYTES`] with fewer than [`MIN_WORDS`] words (text that lost
/// its spaces, `Cesiteneprélèveaucunedonnée…`) is too little evidence for a guess to
/// stand ([`reliable`]): then up to this many bytes are read, as before the sample
/// was cut to 384 bytes.
const SAMPLE_BYTES_FEW_WORDS: usize = 512;

/// whatlang's best guess.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Guess {
    /// ISO 639-1 code.
    pub(crate) code: &'static str,
    /// whatlang's confidence, 0 to 1.
    pub(crate) confidence: f64,
    /// The evidence supports the guess: see [`reliable`].
    pub(crate) reliable: bool,
}

/// Detected language (ISO 639-1) and confidence; `None` when there is no text.
pub(crate) fn detect(text: &str, lines: &[Line<'_>]) -> Option<Guess> {
    detect_sized(text, lines, SAMPLE_BYTES, SAMPLE_BYTES_FEW_WORDS)
}

/// [`detect`] with a sample of `short` bytes, or of `long` when that has too few words.
fn detect_sized(text: &str, lines: &[Line<'_>], short: usize, long: usize) -> Option<Guess> {
    let mut sample = String::new();
    // Sentences first, then other prose, then the rest: cookie names and table cells
    // are mostly English in every language, and short prose lines are buttons and
    // headings ("Accept all") that a page carries in English whatever its language.
    for pass in [Pass::Sentences, Pass::Prose, Pass::Rest] {
        for l in lines {
            if sample.len() >= long {
                break;
            }
            if pass.takes(l) {
                sample.push_str(l.text);
                sample.push('\n');
            }
        }
        if sample.len() >= SAMPLE_BYTES / 4 {
            break;
        }
    }
    if sample.trim().is_empty() {
        sample = text.chars().take(long).collect();
    }
    let cut_at = |max: usize| {
        let mut cut = sample.len().min(max);
        while !sample.is_char_boundary(cut) {
            cut -= 1;
        }
        cut
    };
    // the shorter sample when it holds words enough to judge by
    let mut cut = cut_at(short);
    let mut words = word_count(&sample[..cut]);
    if words < MIN_WORDS {
        cut = cut_at(long);
        words = word_count(&sample[..cut]);
    }
    // whatlang may answer only with a registered language
    let detector = Detector::with_allowlist(LANGUAGES.iter().map(|l| l.detect).collect());
    let sample = &sample[..cut];
    let info = detector.detect(sample)?;
    let code = LANGUAGES.iter().find(|l| l.detect == info.lang())?.code;
    let guess = Guess {
        code,
        confidence: info.confidence(),
        reliable: reliable(info.is_reliable(), info.confidence(), words),
    };
    Some(weigh_words(guess, word_vote(sample), words))
}

/// whatlang's `guess` weighed against the sample's common words (`vote`, see
/// [`word_vote`]; `words` is the sample's [`word_count`]). whatlang reads letter
/// trigrams, and a sample without sentences (a table's headings and short
/// descriptions: `Keeps your basket between pages.`) can be read in the wrong
/// language with full confidence, while the words themselves are plainly one
/// language's commonest. A clear vote for another language wins, with the vote's share
/// as its confidence; a clear vote for the same language is evidence enough for the
/// guess to stand.
fn weigh_words(guess: Guess, vote: Option<(usize, f64)>, words: usize) -> Guess {
    let Some((i, share)) = vote else {
        return guess;
    };
    let enough = words >= MIN_WORDS;
    if LANGUAGES[i].code == guess.code {
        Guess {
            reliable: guess.reliable || enough,
            ..guess
        }
    } else {
        Guess {
            code: LANGUAGES[i].code,
            confidence: share,
            reliable: enough,
        }
    }
}

/// A word counts for a language when it is among that language's this many most
/// frequent words (`words/<code>.txt` is ranked): its function words and commonest
/// verbs and nouns, which a text in the language cannot avoid and which another
/// language's text rarely uses.
const VOTE_RANK: usize = 1000;

/// Longest word, in bytes, looked up by [`word_vote`]: longer than any among the
/// [`VOTE_RANK`] commonest of every list (tested).
const MAX_COMMON: usize = 24;

/// Fewest words counted for the winning language of [`word_vote`].
const VOTE_MIN: usize = 3;

// (a language is a bit of a `u32` in `common_words`)
const _: () = assert!(LANGUAGES.len() <= 32);

/// The languages (bit `i` for `LANGUAGES[i]`) among whose [`VOTE_RANK`] commonest
/// words each word is: one lookup a word, not one a language. Built once, from the
/// word lists' first lines (they are ranked).
fn common_words() -> &'static HashMap<&'static str, u32, BuildHasherDefault<FxHasher>> {
    static COMMON: OnceLock<HashMap<&'static str, u32, BuildHasherDefault<FxHasher>>> =
        OnceLock::new();
    COMMON.get_or_init(|| {
        let mut map = HashMap::default();
        for (i, l) in LANGUAGES.iter().enumerate() {
            for (_, w) in list_words(l.words).take(VOTE_RANK) {
                *map.entry(w).or_insert(0u32) |= 1 << i;
            }
        }
        map
    })
}

/// The language (its index in [`LANGUAGES`]) whose [`VOTE_RANK`] commonest words the
/// sample uses most, and its share of all the words counted for any language, when
/// it wins clearly: at least [`VOTE_MIN`] words, and twice as many as any other
/// language. Its [`words`] are looked up in lower case.
///
/// A word among several languages' commonest (`session`, `type`, `service`: a table
/// of short English cells is full of them) counts for each, and can leave the vote
/// unclear where the words only one language uses are plainly that language's (`the`,
/// `across`, `months`). Then those words alone decide, each counted once: a label
/// repeated down a table (`lit.` in `Art. 6 Abs. 1 lit. a DSGVO`, French's `lit`) is
/// one word of evidence, not one a row.
fn word_vote(sample: &str) -> Option<(usize, f64)> {
    let common = common_words();
    let mut votes = [0usize; LANGUAGES.len()];
    // the words of one language's list alone, and those counted (a sample is a few
    // dozen words: a list is enough)
    let mut own = [0usize; LANGUAGES.len()];
    let mut seen: Vec<String> = Vec::new();
    let mut lower = String::new();
    // (no list's commonest words is longer than `MAX_COMMON` bytes)
    for word in words(sample).filter(|w| w.len() <= MAX_COMMON) {
        let w = if !word.is_ascii() {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_str()
        } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
            lower.clear();
            lower.push_str(word);
            lower.make_ascii_lowercase();
            lower.as_str()
        } else {
            word
        };
        let Some(&mask) = common.get(w) else {
            continue;
        };
        for (i, v) in votes.iter_mut().enumerate() {
            *v += usize::from(mask >> i & 1 == 1);
        }
        if mask.count_ones() == 1 && !seen.iter().any(|s| s == w) {
            seen.push(w.to_string());
            own[mask.trailing_zeros() as usize] += 1;
        }
    }
    clear_winner(&votes).or_else(|| clear_winner(&own))
}

/// The language with most `votes` and its share of them, when it has at least
/// [`VOTE_MIN`] and twice as many as any other.
fn clear_winner(votes: &[usize]) -> Option<(usize, f64)> {
    let total: usize = votes.iter().sum();
    let (best, &most) = votes
        .iter()
        .enumerate()
        .max_by_key(|&(i, v)| (v, usize::MAX - i))?;
    let runner_up = votes
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != best)
        .map(|(_, &v)| v)
        .max()
        .unwrap_or(0);
    (most >= VOTE_MIN && most >= 2 * runner_up).then(|| (best, most as f64 / total as f64))
}

/// Words of at least two letters a sample needs before a guess can stand on its
/// own: a short sample is too little evidence whatever whatlang says.
const MIN_WORDS: usize = 8;

/// The guess is reported when whatlang calls it reliable, or when the sample has
/// enough words and the confidence is not negligible (whatlang's reliability test
/// asks much of a sample restricted to seven languages, whose cookie tables are
/// mostly English-looking names, so a long sample can be right and called unreliable).
/// `words` is the sample's [`word_count`].
fn reliable(whatlang_reliable: bool, confidence: f64, words: usize) -> bool {
    words >= MIN_WORDS && (whatlang_reliable || confidence >= MIN_CONFIDENCE)
}

/// The words of at least two letters in a sample: runs of alphabetic characters
/// (an ASCII character asked as such), as [`word_count`] counts them and
/// [`word_vote`] looks them up.
fn words(sample: &str) -> impl Iterator<Item = &str> {
    sample
        .split(|c: char| {
            if c.is_ascii() {
                !c.is_ascii_alphabetic()
            } else {
                !c.is_letter()
            }
        })
        .filter(|w| w.len() >= 2 && w.chars().nth(1).is_some())
}

/// The number of [`words`] in a sample.
fn word_count(sample: &str) -> usize {
    words(sample).count()
}

/// Lowest confidence of a guess whatlang does not call reliable, on a sample of
/// [`MIN_WORDS`] words or more.
const MIN_CONFIDENCE: f64 = 0.1;

/// The order in which lines fill the sample: a pass is taken only while the sample
/// is under a quarter full.
#[derive(Clone, Copy)]
enum Pass {
    Sentences,
    Prose,
    Rest,
}

impl Pass {
    /// A sentence is a prose line of at least six words and 40 bytes.
    fn takes(self, l: &Line<'_>) -> bool {
        let text = l.text.trim();
        let prose = matches!(l.kind, LineKind::Text);
        let sentence = prose && text.len() >= 40 && text.split_whitespace().nth(5).is_some();
        !text.is_empty()
            && match self {
                Pass::Sentences => sentence,
                Pass::Prose => prose && !sentence,
                Pass::Rest => !prose,
            }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table with no sentence, English in every cell: whatlang's trigrams read its
    /// sample as French (confidence 0.65), its commonest words are English.
    #[test]
    fn common_words_outvote_letter_trigrams() {
        let text = "Cookies we use\n\n\
            Strictly necessary cookies\n\
            Cookie\tSet by\tLifetime\tWhat it does\n\
            PHPSESSID\tshop.example.nl\tEnd of browser session\tKeeps your basket between pages.\n\
            cookie_consent\tshop.example.nl\t1 year from set/update\tStores your cookie choices.\n\n\
            Analytics cookies\n\
            Cookie\tSet by\tLifetime\tWhat it does\n\
            _ga\tGoogle\t2 years from set/update\tDistinguishes users.\n\
            _ga_<container-id>\tGoogle\t2 years from set/update\tPersists session state.\n\
            _gat_UA-XXXXX-1\tGoogle\t1 minute\tThrottles request rate.\n";
        let g = detect(text, &crate::segment::lines(text)).expect("a guess");
        assert_eq!((g.code, g.reliable), ("en", true));
        let (i, share) = word_vote(text).expect("a clear vote");
        assert_eq!(LANGUAGES[i].code, "en");
        assert!(share > 0.5 && share <= 1.0, "{share}");
    }

    /// Key lines of short English cells (`Purpose: Keeps the session. Expiry: 1 year.
    /// Type: HTTP`) share many words with French's commonest (`session`, `type`): the
    /// words only English uses decide, where whatlang read French. (That such a word
    /// counts once is `tests/corpus_variants.rs`' to check: a German page whose
    /// reversed lines open with `Art. 6 Abs. 1 lit. a DSGVO` six times was read as
    /// French when each `lit` counted.)
    #[test]
    fn words_of_one_language_decide_an_unclear_vote() {
        let text = "Necessary cookies\n\nPHPSESSID\nProvider: example.com\n\
            Purpose: Keeps the session. Expiry: Session. Type: HTTP\n\
            cookie_consent\nProvider: example.com\n\
            Purpose: Stores consent. Expiry: 1 year. Type: HTTP\n\
            _fbp\nProvider: Meta\n\
            Purpose: Tracks visits across websites. Expiry: 3 months. Type: HTTP\n";
        let g = detect(text, &crate::segment::lines(text)).expect("a guess");
        assert_eq!(g.code, "en");
        let (i, _) = word_vote(text).expect("a clear vote");
        assert_eq!(LANGUAGES[i].code, "en");
    }

    /// No word the vote counts is longer than the longest it looks up.
    #[test]
    fn common_words_are_short() {
        let longest = common_words().keys().map(|w| w.len()).max();
        assert!(longest.is_some_and(|n| n <= MAX_COMMON), "{longest:?}");
    }

    /// The vote names a language only when it wins clearly: no common word, or as
    /// many of one language as of another, leaves whatlang's guess as it was.
    #[test]
    fn an_unclear_vote_leaves_the_guess() {
        assert!(word_vote("_ga _gid PHPSESSID __utmz 2y 13m").is_none());
        assert!(word_vote("with the cookie avec les cookies").is_none());
        assert!(word_vote("the and").is_none(), "fewer than three words");
        let guess = Guess {
            code: "fr",
            confidence: 0.3,
            reliable: false,
        };
        let same = weigh_words(guess, None, 20);
        assert_eq!((same.code, same.reliable), ("fr", false));
        let fr = LANGUAGES.iter().position(|l| l.code == "fr");
        let agreed = weigh_words(guess, fr.map(|i| (i, 0.9)), 20);
        assert_eq!(
            (agreed.code, agreed.reliable, agreed.confidence),
            ("fr", true, 0.3)
        );
        let too_few = weigh_words(guess, fr.map(|i| (i, 0.9)), MIN_WORDS - 1);
        assert!(!too_few.reliable);
        let de = LANGUAGES.iter().position(|l| l.code == "de");
        let outvoted = weigh_words(guess, de.map(|i| (i, 0.8)), 20);
        assert_eq!(
            (outvoted.code, outvoted.reliable, outvoted.confidence),
            ("de", true, 0.8)
        );
    }

    /// `word_count` counts what splitting at every non-letter and keeping the pieces
    /// of two letters or more counts: over every ASCII character and the corpus lines.
    #[test]
    fn word_count_matches_split() {
        fn reference(s: &str) -> usize {
            s.split(|c: char| !c.is_letter())
                .filter(|w| w.chars().count() >= 2)
                .count()
        }
        let mut texts: Vec<String> = (0u8..=127)
            .map(|b| {
                let c = b as char;
                format!("{c}ab{c}c{c}{c}dé{c}ß{c}")
            })
            .collect();
        texts.extend(["", "a", "ab", "été à l’écoute", "名前 اسم Цель"].map(String::from));
        texts.extend(crate::testing::corpus_lines());
        for t in &texts {
            assert_eq!(word_count(t), reference(t), "{t:?}");
        }
    }

    /// A document that lost its spaces has few words in a short sample: the sample is
    /// then read further. Every corpus document with a reliable language, its
    /// whitespace taken out (lines kept), is read in that language more often than
    /// with the short sample alone or the long one alone.
    #[test]
    fn glued_text_reads_a_longer_sample() {
        let sizes = [
            (SAMPLE_BYTES, SAMPLE_BYTES_FEW_WORDS),
            (SAMPLE_BYTES, SAMPLE_BYTES),
            (SAMPLE_BYTES_FEW_WORDS, SAMPLE_BYTES_FEW_WORDS),
        ];
        let mut same = [0; 3];
        let mut total = 0;
        for (_, bytes) in crate::testing::corpus_documents() {
            let Ok(text) = String::from_utf8(bytes) else {
                continue;
            };
            let lines = crate::segment::lines(&text);
            let Some(want) = detect(&text, &lines).filter(|g| g.reliable) else {
                continue;
            };
            let glued: String = text
                .split('\n')
                .map(|l| l.split_whitespace().collect::<String>())
                .collect::<Vec<_>>()
                .join("\n");
            let glued_lines = crate::segment::lines(&glued);
            total += 1;
            for (k, &(short, long)) in sizes.iter().enumerate() {
                let g = detect_sized(&glued, &glued_lines, short, long);
                same[k] += usize::from(g.is_some_and(|g| g.reliable && g.code == want.code));
            }
        }
        println!("glued, read in their language of {total}: {same:?} (adaptive, short, long)");
        assert!(total > 50, "{total} documents");
        assert!(
            same[0] > same[1] && same[0] > same[2],
            "{same:?} of {total}"
        );
        assert!(same[0] * 10 >= total * 9, "{same:?} of {total}");
    }
}
