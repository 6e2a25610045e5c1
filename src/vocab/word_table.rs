//! Word lists as hash tables built at compile time.
//!
//! Text repair asks the frequency-ranked word lists (`words/<code>.txt`, 25,000 words
//! each) for a word's rank. Building a `HashMap` of the seven lists cost about 45
//! million instructions on first use (eight times the parse of a 5 KB policy), paid
//! by every process: a single `cookie-charter parse file.txt` spent most of its time
//! there. `build.rs` now builds each list's table with [`build`] and the library reads
//! it in place ([`WordTable::rank`]): nothing is built at run time.
//!
//! This file is compiled twice, into the build script (`#[path]`) and into the
//! library, so that both use one hash and one layout; it uses nothing of the crate
//! but `crate::fx`, which the build script compiles beside it.
//! The hash works on `u64`s read little-endian and the table is little-endian `u32`s,
//! so a table the build script wrote on the host reads the same on any target.
//!
//! Layout, little-endian `u32`s: the slot count `S` (a power of two), the word count
//! `n`, then `S` slots (a word's rank, 1 = most frequent, or 0 for an empty slot;
//! linear probing), then `n` pairs (byte offset, byte length) of each word in the list
//! text, in rank order.

use crate::fx::FxHasher;
use std::hash::Hasher;

/// The non-empty lines of a word list with their byte offsets, as `str::lines` gives
/// them (a `\r` before a `\n` taken off). A word's rank is its place among them.
pub(crate) fn list_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.split('\n').filter_map(move |line| {
        let at = start;
        start += line.len() + 1;
        // (a line's `\r` is its end's only when a `\n` follows)
        let line = match line.strip_suffix('\r') {
            Some(l) if start <= text.len() => l,
            _ => line,
        };
        (!line.is_empty()).then_some((at, line))
    })
}

/// The hash of a word: [`FxHasher`] over its bytes, then its length, so that a word
/// and its zero-padded prefix differ.
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(bytes);
    h.write_usize(bytes.len());
    h.finish()
}

/// The first slot a hash probes: the multiply leaves its best bits high.
fn slot_of(h: u64, slots: usize) -> usize {
    ((h >> 32) as usize) & (slots - 1)
}

/// The table of a word list (the layout is in the module's documentation). A word
/// listed twice keeps its later rank, as a map filled in list order would.
#[cfg_attr(not(test), allow(dead_code))] // (the build script builds; the tests check)
pub(crate) fn build(text: &str) -> Vec<u8> {
    let words: Vec<(usize, &str)> = list_words(text).collect();
    // at most half full, so that a miss ends after a probe or two
    let slots = (words.len() * 2).max(2).next_power_of_two();
    let mut table = vec![0u32; slots];
    for (i, &(_, w)) in words.iter().enumerate() {
        let rank = i as u32 + 1;
        let mut s = slot_of(hash(w.as_bytes()), slots);
        loop {
            let r = table[s];
            if r == 0 {
                table[s] = rank;
                break;
            }
            if words[r as usize - 1].1 == w {
                table[s] = rank;
                break;
            }
            s = (s + 1) & (slots - 1);
        }
    }
    let mut out = Vec::with_capacity(4 * (2 + slots + 2 * words.len()));
    let mut put = |v: u32| out.extend_from_slice(&v.to_le_bytes());
    put(slots as u32);
    put(words.len() as u32);
    table.iter().for_each(|&r| put(r));
    for &(at, w) in &words {
        put(at as u32);
        put(w.len() as u32);
    }
    out
}

/// A word list read through its compiled table.
#[derive(Clone, Copy)]
pub(crate) struct WordTable {
    /// The table [`build`] made of `text`.
    pub(crate) table: &'static [u8],
    /// The word list.
    pub(crate) text: &'static str,
}

impl WordTable {
    /// The `i`-th `u32` of the table; `None` past its end (a table that does not
    /// match its list answers "not listed", never panics).
    fn at(&self, i: usize) -> Option<usize> {
        let b = self.table.get(4 * i..4 * i + 4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }

    /// The rank of `w` in the list (1 = most frequent), or `None` when it is not listed.
    /// The word lists are case-folded as Python's `str.casefold` folds (their source
    /// does): `ß` is written `ss` there, so a word with `ß` that is not listed as
    /// written is looked up with `ss` (`außerdem` as `ausserdem`).
    pub(crate) fn rank(&self, w: &str) -> Option<u32> {
        self.rank_as_written(w).or_else(|| {
            (!w.is_ascii() && w.contains('ß'))
                .then(|| self.rank_as_written(&w.replace('ß', "ss")))
                .flatten()
        })
    }

    /// [`WordTable::rank`] of `w` exactly as written.
    #[inline]
    fn rank_as_written(&self, w: &str) -> Option<u32> {
        let slots = self.at(0)?;
        if slots == 0 || !slots.is_power_of_two() {
            return None;
        }
        let mut s = slot_of(hash(w.as_bytes()), slots);
        for _ in 0..slots {
            let r = self.at(2 + s)?;
            if r == 0 {
                return None;
            }
            let pair = 2 + slots + 2 * (r - 1);
            let (at, len) = (self.at(pair)?, self.at(pair + 1)?);
            if self.text.as_bytes().get(at..at + len) == Some(w.as_bytes()) {
                return Some(r as u32);
            }
            s = (s + 1) & (slots - 1);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::languages::LANGUAGES;
    use std::collections::HashMap;

    /// The reference: a map filled in list order, as text repair built at run time.
    fn map_of(text: &str) -> HashMap<&str, u32> {
        text.lines()
            .filter(|l| !l.is_empty())
            .enumerate()
            .map(|(r, w)| (w, r as u32 + 1))
            .collect()
    }

    fn leak(text: &str) -> WordTable {
        let text: &'static str = Box::leak(text.to_string().into_boxed_str());
        WordTable {
            table: Box::leak(build(text).into_boxed_slice()),
            text,
        }
    }

    /// Words near the listed ones: each with a letter more or less, in upper case, with
    /// a space, and a few that are nothing.
    fn probes<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
        let mut out = vec![String::new(), " ".into(), "\r".into(), "x".repeat(300)];
        for w in words {
            out.push(w.to_string());
            out.push(format!("{w}s"));
            out.push(format!("{w} "));
            out.push(w.to_uppercase());
            let mut cs = w.chars();
            cs.next_back();
            out.push(cs.as_str().to_string());
        }
        out
    }

    #[test]
    fn list_words_match_lines() {
        let mut texts: Vec<&str> = LANGUAGES.iter().map(|l| l.words).collect();
        texts.extend([
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "a\nb",
            "a\r\nb\r\n",
            "a\r",
            "\r",
            "\r\n",
            "a\rb\n",
            "é\nü\r\n\r\nx",
            "\na",
        ]);
        for t in texts {
            let got: Vec<&str> = list_words(t).map(|(_, w)| w).collect();
            let want: Vec<&str> = t.lines().filter(|l| !l.is_empty()).collect();
            assert_eq!(got, want, "{:?}", t.get(..40));
            for (at, w) in list_words(t) {
                assert_eq!(t.get(at..at + w.len()), Some(w));
            }
        }
    }

    /// A word written with `ß` has the rank of its `ss` form, the lists' spelling.
    #[test]
    fn sharp_s_is_looked_up_as_double_s() {
        let de = LANGUAGES.iter().position(|l| l.code == "de").unwrap();
        let t = leak(LANGUAGES[de].words);
        for (sharp, double) in [("außerdem", "ausserdem"), ("straße", "strasse")] {
            assert!(t.rank(double).is_some(), "{double}");
            assert_eq!(t.rank(sharp), t.rank(double), "{sharp}");
        }
        assert_eq!(leak("a\nb\n").rank("ß"), None);
    }

    /// The compiled tables are [`build`]'s, and rank every word and near-word as the
    /// map of the list does.
    #[test]
    fn compiled_tables_rank_as_a_map() {
        for l in LANGUAGES {
            assert_eq!(l.word_table, build(l.words).as_slice(), "{}", l.code);
            let table = WordTable {
                table: l.word_table,
                text: l.words,
            };
            let map = map_of(l.words);
            // (a word listed twice would keep only its later rank)
            let listed = list_words(l.words).count();
            assert_eq!(map.len(), listed, "{}: a word is listed twice", l.code);
            for p in probes(l.words.lines()) {
                assert_eq!(
                    table.rank(&p),
                    map.get(p.as_str()).copied(),
                    "{}: {p:?}",
                    l.code
                );
            }
        }
    }

    /// Lists with repeated words, empty lines, carriage returns and colliding
    /// neighbours: every probe ranked as the map ranks it (a repeated word keeps its
    /// later rank, as `HashMap::extend` does).
    #[test]
    fn built_tables_rank_as_a_map() {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let alphabet = ["a", "b", "é", "ß", "\r", "\n", "\n", "zz", "ü"];
        for _ in 0..300 {
            let len = next(400);
            let text: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            let table = leak(&text);
            let map = map_of(&text);
            for p in probes(map.keys().copied().chain(["a", "b", "ab", "a\r"])) {
                assert_eq!(
                    table.rank(&p),
                    map.get(p.as_str()).copied(),
                    "{text:?}: {p:?}"
                );
            }
        }
        for text in ["", "\n\n", "a\na\na", "x\r\ny\r\n"] {
            let table = leak(text);
            let map = map_of(text);
            for p in probes(["a", "x", "y", "x\r"].into_iter()) {
                assert_eq!(
                    table.rank(&p),
                    map.get(p.as_str()).copied(),
                    "{text:?}: {p:?}"
                );
            }
        }
    }

    /// A table that does not fit its list (cut short, emptied, of a wrong slot count)
    /// answers "not listed" or a rank, never panics.
    #[test]
    fn damaged_tables_do_not_panic() {
        let text = "alpha\nbeta\ngamma\n";
        let good = build(text);
        let mut damaged: Vec<Vec<u8>> = (0..good.len()).map(|n| good[..n].to_vec()).collect();
        damaged.push(vec![0; 16]);
        damaged.push(
            [3u32, 1, 1, 1, 1]
                .iter()
                .flat_map(|v| v.to_le_bytes())
                .collect(),
        );
        damaged.push(
            [2u32, 1, 9, 9, 999, 999]
                .iter()
                .flat_map(|v| v.to_le_bytes())
                .collect(),
        );
        damaged.push(
            [4u32, 1, 1, 1, 1, 1, 0, 99]
                .iter()
                .flat_map(|v| v.to_le_bytes())
                .collect(),
        );
        for t in damaged {
            let table = WordTable {
                table: Box::leak(t.into_boxed_slice()),
                text,
            };
            for w in ["alpha", "beta", "gamma", "", "delta"] {
                let _ = table.rank(w);
            }
        }
        let table = leak(text);
        assert_eq!(table.rank("gamma"), Some(3));
        assert_eq!(table.rank("gamm"), None);
    }
}
