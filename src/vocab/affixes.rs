//! The words text repair works with, read from the vocabulary tables: per language,
//! inflection endings, verb prefixes, one-letter words, function words and the glued
//! forms the frequency lists carry; for all languages together, the hyphenation
//! words and the words that begin brand names.
//!
//! These words are compared with text lowered but not folded (`über`, `à` keep their
//! diacritics), so the tables write them lower case as they are spelt.

use crate::chars::CharClass;
use std::sync::OnceLock;

use super::languages::LANGUAGES;
use crate::fields::text::FastSet as HashSet;

/// The repair words of one language.
#[derive(Debug, Default)]
pub(crate) struct LangWords {
    /// Inflection endings that are also short words (`conserver|a`).
    pub(crate) endings: HashSet<String>,
    /// Endings of verb forms, which make one word after a separable prefix (`anlegt`).
    pub(crate) verb_endings: Vec<String>,
    /// One-letter words (`a`, `à`, `y`).
    pub(crate) single_letters: HashSet<String>,
    /// Verb prefixes never a word of their own (`ver`, `be`).
    pub(crate) bound_prefixes: HashSet<String>,
    /// Separable verb prefixes (`ab`, `auf`, `op`).
    pub(crate) separable_prefixes: HashSet<String>,
    /// Prefixes of past participles (`ge`).
    pub(crate) participle_prefixes: Vec<String>,
    /// Articles, prepositions, conjunctions, pronouns and determiners.
    pub(crate) function_words: HashSet<String>,
    /// Two function words glued that the word list carries as a word (`dela`).
    pub(crate) glued_forms: HashSet<String>,
    /// The language capitalises its nouns (`derSitzung` is two words).
    pub(crate) capitalised_nouns: bool,
}

/// The repair words of every registered language, and those shared by all.
#[derive(Debug, Default)]
pub(crate) struct RepairWords {
    /// One entry per language of [`LANGUAGES`], in its order.
    pub(crate) langs: Vec<LangWords>,
    /// Hyphenated words (`first-party`): a wrap at their hyphen keeps it.
    pub(crate) hyphen_compounds: HashSet<String>,
    /// First parts after which a hyphen at a line end is a real hyphen (`opt`, `sous`).
    pub(crate) hyphen_prefixes: HashSet<String>,
    /// Words after a suspended hyphen (`und`, `et`).
    pub(crate) hyphen_next: HashSet<String>,
    /// Common words that, capitalised, begin brand names (`one`, `out`).
    pub(crate) brand_starts: HashSet<String>,
}

/// Whether `w` (lower case) is a function word of any language (`the`, `le`, `das`):
/// the prose reader takes the word before `X cookie` for an article by it.
pub(crate) fn is_function_word_anywhere(w: &str) -> bool {
    repair_words()
        .langs
        .iter()
        .any(|l| l.function_words.contains(w))
}

/// Whether the last word of `text` (after its last space) is a function word of any
/// language: a sentence that ends so goes on (`… uses the` / `_setCustomVar
/// method`, `…, wie Sie unsere` / `Website nutzen.`).
pub(crate) fn ends_with_function_word(text: &str) -> bool {
    let last = text.rsplit(' ').next().unwrap_or(text);
    is_function_word_anywhere(&last.to_lowercase())
}

/// The repair words, read from the tables once.
pub(crate) fn repair_words() -> &'static RepairWords {
    static W: OnceLock<RepairWords> = OnceLock::new();
    W.get_or_init(|| {
        let mut all = RepairWords::default();
        for lang in LANGUAGES {
            let mut one = LangWords::default();
            for line in lang.vocab.lines() {
                if line.starts_with('#') {
                    continue;
                }
                let mut cols = line.split('\t');
                let (Some(kind), Some(value), Some(phrase)) =
                    (cols.next(), cols.next(), cols.next())
                else {
                    continue;
                };
                // a malformed line is a test failure (`tables_are_well_formed`); here it
                // is skipped, never half read
                if !matches!(check_line(kind, value, phrase), Some(Ok(()))) {
                    continue;
                }
                let w = phrase.to_string();
                match kind {
                    "ending" => {
                        one.endings.insert(w);
                    }
                    "verb_ending" => one.verb_endings.push(w),
                    "single_letter" => {
                        one.single_letters.insert(w);
                    }
                    "bound_prefix" => {
                        one.bound_prefixes.insert(w);
                    }
                    "separable_prefix" => {
                        one.separable_prefixes.insert(w);
                    }
                    "participle_prefix" => one.participle_prefixes.push(w),
                    "function_word" => {
                        one.function_words.insert(w);
                    }
                    "glued_form" => {
                        one.glued_forms.insert(w);
                    }
                    "trait" => one.capitalised_nouns = phrase == "yes",
                    "hyphen_compound" => {
                        all.hyphen_compounds.insert(w);
                    }
                    "hyphen_prefix" => {
                        all.hyphen_prefixes.insert(w);
                    }
                    "hyphen_next" => {
                        all.hyphen_next.insert(w);
                    }
                    "brand_start" => {
                        all.brand_starts.insert(w);
                    }
                    _ => {}
                }
            }
            all.langs.push(one);
        }
        all
    })
}

/// The repair words of language `i` of [`LANGUAGES`].
pub(crate) fn lang_words(i: usize) -> &'static LangWords {
    static EMPTY: OnceLock<LangWords> = OnceLock::new();
    repair_words()
        .langs
        .get(i)
        .unwrap_or_else(|| EMPTY.get_or_init(LangWords::default))
}

/// One word as the layout kinds write it: letters, and apostrophes for elisions (`d'`).
pub(crate) fn is_one_word(phrase: &str) -> bool {
    !phrase.is_empty()
        && phrase
            .chars()
            .all(|c| c.is_letter() || c == '\'' || c == '\u{2019}')
}

/// One lower-case word of letters, as text repair compares them.
fn is_lower_word(phrase: &str) -> bool {
    !phrase.is_empty() && phrase.chars().all(|c| c.is_letter() && !c.is_uppercase())
}

/// A table line of one of the kinds above: `None` when the kind is not one of
/// them, else whether the value and the phrase are well formed.
pub(crate) fn check_line(kind: &str, value: &str, phrase: &str) -> Option<Result<(), String>> {
    let phrase_ok = match kind {
        "ending" | "verb_ending" | "bound_prefix" | "separable_prefix" | "participle_prefix"
        | "function_word" | "glued_form" | "hyphen_prefix" | "hyphen_next" | "brand_start" => {
            is_lower_word(phrase)
        }
        "single_letter" => is_lower_word(phrase) && phrase.chars().count() == 1,
        "hyphen_compound" => {
            phrase.matches('-').count() == 1 && phrase.split('-').all(is_lower_word)
        }
        "trait" => {
            if value != "capitalised_nouns" {
                return Some(Err(format!(
                    "kind \"trait\" does not take the value {value:?}"
                )));
            }
            return Some(if matches!(phrase, "yes" | "no") {
                Ok(())
            } else {
                Err(format!("trait {value:?} is `yes` or `no`, not {phrase:?}"))
            });
        }
        _ => return None,
    };
    Some(if value != "-" {
        Err(format!("kind {kind:?} does not take the value {value:?}"))
    } else if !phrase_ok {
        Err(format!(
            "kind {kind:?} takes one lower-case word, not {phrase:?}"
        ))
    } else {
        Ok(())
    })
}

#[cfg(test)]
/// The kinds every language's table must have, so that a new language is complete:
/// the layout words, the trait, and the function words of the glued-word repair.
pub(crate) const REQUIRED_KINDS: &[&str] = &[
    "field",
    "category",
    "demonstrative",
    "joiner",
    "linker",
    "naming",
    "cookie_kind",
    "ending",
    "function_word",
    "trait",
];

#[cfg(test)]
/// The kinds of [`REQUIRED_KINDS`] a table has no line of.
pub(crate) fn missing_kinds(table: &str) -> Vec<&'static str> {
    REQUIRED_KINDS
        .iter()
        .copied()
        .filter(|k| {
            !table
                .lines()
                .any(|l| l.split('\t').next() == Some(*k) && !l.starts_with('#'))
        })
        .collect()
}
