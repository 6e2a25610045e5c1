//! Key-value labels no vocabulary lists, learned from their values across the
//! document.
//!
//! A policy that writes its cookies as blocks of `Label: value` lines repeats the
//! same labels in every block, and the values under one label are of one kind. A
//! label no table knows (`Intitulé`, `Sleutel`, `Key`, `Placed by`) is read by what
//! it holds wherever it stands in such a block:
//!
//! ```text
//! name label     = three values in four or more one to four name-shaped tokens,
//!                  half of them or more an identifier or a known cookie, not all
//!                  the same value; in two blocks at least (or in one, with a sure
//!                  name and two known keys beside it), each with a lifetime or a
//!                  known key, and never beside a known name key
//! lifetime label = more than half of its values a lifetime and nothing else
//! provider label = a third of its values or more a known vendor's name, whole; none
//!                  a lifetime or over four words
//! other label    = in two blocks at least that hold a lifetime or a known key
//! ```
//! A block is a run of two or more consecutive label lines ([`label_pair`]), known
//! labels or not. An "other" label's values are kept as unnamed fields: the
//! records stage reads a short category label among them as the category and wordy
//! ones as the purpose. The labels learned are a document's own: they are consulted
//! only by the key-value reader, whose blocks they open and continue.

use crate::fields::names::{is_known, is_strong_name};
use crate::fields::provider::vendor_prefix;
use crate::fields::text::{match_form, more_words_than, word_count_upto};
use crate::segment::Line;
use crate::vocab::{vocab, Role};

use super::keyvalue::{dash_at, fuzzy_key, identifier_like, key_start, starts_upper};
use super::table::Header;

/// The most distinct unknown labels tracked in one document: a page of made-up
/// labels costs no more than this many entries.
const MAX_LABELS: usize = 64;

/// The labels a document taught: each as its matching form, with its role (`None`:
/// a label of no role the values tell, still a label and no continuation).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Learned {
    labels: Vec<(String, Option<Role>)>,
}

impl Learned {
    /// Whether nothing was learned (most documents).
    pub(crate) fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Whether this document taught `label` (as written), and its role.
    pub(crate) fn role(&self, label: &str) -> Option<Option<Role>> {
        if self.labels.is_empty() {
            return None;
        }
        let form = match_form(label);
        self.labels
            .iter()
            .find(|(l, _)| *l == form)
            .map(|(_, role)| *role)
    }

    /// A line under a learned label: the label as written, its role, and the value
    /// (slices of `text`).
    pub(crate) fn label<'a>(&self, text: &'a str) -> Option<(&'a str, Option<Role>, &'a str)> {
        if self.labels.is_empty() {
            return None;
        }
        let (k, v) = label_pair(text)?;
        Some((k, self.role(k)?, v))
    }

    /// [`Learned::label`] when the label's role is known.
    pub(crate) fn pair<'a>(&self, text: &'a str) -> Option<(&'a str, Role, &'a str)> {
        self.label(text)
            .and_then(|(k, role, v)| role.map(|r| (k, r, v)))
    }
}

/// A line's label and value: `Label: value`, `Label⇥value` or `Label - value`
/// ([`dash_at`]), the label one to five words with no digit or punctuation but
/// abbreviating dots and a closing question mark (`Why we use it`, `À quoi sert-il ?`), capitalised, at most
/// 40 bytes. Looser than [`loose_kv`]: a label is taken only when it repeats.
pub(crate) fn label_pair(text: &str) -> Option<(&str, &str)> {
    let t = key_start(text.trim_start());
    if !starts_upper(t) {
        return None;
    }
    // a colon or tab ends the label within its 40 bytes and the spaces after them
    let b = t.as_bytes();
    let (k, v) = match memchr::memchr2(b':', b'\t', &b[..b.len().min(48)]) {
        Some(p) => (&t[..p], &t[p + 1..]),
        None => {
            let (p, n) = dash_at(t)?;
            (&t[..p], &t[p + n..])
        }
    };
    let k = k.trim().trim_matches('*').trim();
    let v = v.trim_matches(['\t', ' ', '\u{a0}', '*']);
    let words = word_count_upto(k, 6);
    let ok = !v.is_empty()
        && !v.contains('\t')
        && !v.starts_with("//")
        && (1..=5).contains(&words)
        && k.len() <= 40
        && !k.trim_end_matches([' ', '?']).contains(|c: char| {
            c.is_ascii_digit() || matches!(c, ',' | '(' | '_' | '|' | ':' | '?' | '!')
        });
    ok.then_some((k, v))
}

/// What the values under one unknown label were.
#[derive(Debug, Default)]
struct Tally {
    /// The label's matching form.
    form: String,
    /// Lines in a block of two or more label lines.
    seen: usize,
    /// Of those, values of one to four name-shaped tokens.
    names: usize,
    /// Of those, values with an identifier-shaped token or a known cookie's name.
    identifiers: usize,
    /// Values with a sure name (`_ga`, `PHPSESSID`).
    sure: usize,
    /// Values that are a known vendor's name, whole.
    vendors: usize,
    /// Values that are a lifetime and nothing else.
    lifetimes: usize,
    /// Values of more than four words.
    wordy: usize,
    /// Blocks it stood in that hold a lifetime or a known key (beside itself).
    backed: usize,
    /// Known keys in the blocks it stood in, the most in one.
    known_keys: usize,
    /// It stood in a block beside a known name key.
    beside_name: bool,
    /// Its first value, as written, and whether a later one differed: a label whose
    /// values are all the same (`Personal Data processed: Trackers and Usage Data.`
    /// in every service's block) names no cookie, whose names differ block to block.
    first_value: Option<String>,
    varied: bool,
}

/// Learn the unknown labels of `lines` (see the module's grammar).
pub(crate) fn learn(lines: &[Line<'_>]) -> Learned {
    let mut tallies = Tallies::default();
    let mut block: Vec<Item<'_>> = Vec::new();
    for line in lines {
        match item(line.text) {
            Some(it) => block.push(it),
            None => {
                tally_block(&block, &mut tallies);
                block.clear();
            }
        }
    }
    tally_block(&block, &mut tallies);
    let mut labels = Vec::new();
    for t in tallies.all {
        if let Some(role) = judge(&t) {
            labels.push((t.form, role));
        }
    }
    Learned { labels }
}

/// The tallies of a document's unknown labels, found by the label's matching form.
#[derive(Default)]
struct Tallies {
    all: Vec<Tally>,
    at: std::collections::HashMap<String, usize>,
}

impl Tallies {
    /// The tally of the label whose matching form is `form`: a new one while fewer
    /// than [`MAX_LABELS`] are kept, else none.
    fn of(&mut self, form: String) -> Option<&mut Tally> {
        let k = match self.at.get(&form) {
            Some(&k) => k,
            None if self.all.len() < MAX_LABELS => {
                self.at.insert(form.clone(), self.all.len());
                self.all.push(Tally {
                    form,
                    ..Tally::default()
                });
                self.all.len() - 1
            }
            None => return None,
        };
        self.all.get_mut(k)
    }
}

/// One label line of a block: its label and value as written, and the role of the
/// label when a table lists it (or it is a typo away from a listed one).
struct Item<'a> {
    label: &'a str,
    value: &'a str,
    known: Option<Role>,
}

/// A line as a label line, or `None`. (The label's role is looked up only for a line
/// shaped as a label: [`label_pair`] reads no further than a label's length.)
fn item(text: &str) -> Option<Item<'_>> {
    let (label, value) = label_pair(text)?;
    let known = vocab().field(label).or_else(|| fuzzy_key(label));
    Some(Item {
        label,
        value,
        known,
    })
}

/// Count what one block's unknown labels hold (a block of one line, or of known
/// labels only, teaches nothing).
fn tally_block(block: &[Item<'_>], tallies: &mut Tallies) {
    if block.len() < 2 || block.iter().all(|it| it.known.is_some()) {
        return;
    }
    let known = block.iter().filter(|it| it.known.is_some()).count();
    let name_key = block.iter().any(|it| it.known == Some(Role::Name));
    // each unknown label's value read as a lifetime once; a known key's value needs
    // no reading (a block with a known key is backed by it)
    let unknown: Vec<(&Item<'_>, bool)> = block
        .iter()
        .filter(|it| it.known.is_none())
        .map(|it| (it, is_lifetime(it.value)))
        .collect();
    let lifetimes = unknown.iter().filter(|(_, life)| *life).count();
    // a set, not a list: a block of many distinct labels is counted in linear time
    let mut counted: std::collections::HashSet<String> = std::collections::HashSet::new();
    for &(it, own_lifetime) in &unknown {
        let value = it.value;
        let form = match_form(it.label);
        let first = counted.insert(form.clone());
        let Some(t) = tallies.of(form) else { continue };
        t.seen += 1;
        match &t.first_value {
            None => t.first_value = Some(value.trim().to_string()),
            Some(f) => t.varied |= f != value.trim(),
        }
        if name_value(value) {
            t.names += 1;
            let toks = || value.split([',', ' ']).filter(|w| !w.is_empty());
            if toks().any(|w| identifier_like(w) || is_known(w)) {
                t.identifiers += 1;
            }
            if toks().any(is_strong_name) {
                t.sure += 1;
            }
        }
        if vendor_prefix(value) == Some(value.len()) {
            t.vendors += 1;
        }
        t.lifetimes += usize::from(own_lifetime);
        t.wordy += usize::from(more_words_than(value, 4));
        if first {
            if known > 0 || lifetimes > usize::from(own_lifetime) {
                t.backed += 1;
            }
            t.known_keys = t.known_keys.max(known);
            t.beside_name |= name_key;
        }
    }
}

/// What an unknown label's values make it: a name, provider or lifetime label, or a
/// label of no role its values tell (in two blocks at least); `None`: no label.
fn judge(t: &Tally) -> Option<Option<Role>> {
    if t.seen == 0 {
        return None;
    }
    let names = t.names * 4 >= t.seen * 3
        && t.identifiers * 2 >= t.seen
        && !t.beside_name
        && t.vendors * 2 < t.seen
        && (t.seen < 2 || t.varied)
        && (t.seen >= 2 && t.backed >= 2 || t.sure >= 1 && t.known_keys >= 2);
    if names {
        return Some(Some(Role::Name));
    }
    // (lifetimes say what they are without a block's backing)
    if t.lifetimes * 2 > t.seen {
        return Some(Some(Role::Duration));
    }
    if t.backed == 0 {
        return None;
    }
    // a company's name: short values, one known vendor at least, none a lifetime
    if t.vendors >= 1 && t.vendors * 3 >= t.seen && t.wordy == 0 && t.lifetimes == 0 {
        return Some(Some(Role::Provider));
    }
    // (no purpose label: long values are as often a legal basis or a note as a
    // description; an unnamed wordy value is the purpose when no key names one)
    (t.backed >= 2).then_some(None)
}

/// A value that can stand in a name slot: one to four name-shaped tokens, and no
/// category label (but an identifier that holds a category's word:
/// `cookieyes-performance`), lifetime or header word.
fn name_value(value: &str) -> bool {
    let v = vocab();
    Header::name_cell(value)
        && (v.category_of_label(value).is_none() || !value.contains(' ') && identifier_like(value))
        && !is_lifetime(value)
        && v.field(value).is_none()
}

/// A value that is a lifetime and nothing else (`2 years`, `Session`).
fn is_lifetime(value: &str) -> bool {
    let t = value.trim().trim_end_matches('.');
    !t.is_empty()
        && !more_words_than(t, 6)
        && crate::fields::duration::parse_duration(t).kind != crate::policy::DurationKind::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn learned(text: &str) -> Learned {
        let lines = crate::segment::lines(text);
        learn(&lines)
    }

    #[test]
    fn a_name_label_repeated_over_blocks_is_learned() {
        let l = learned(
            "Intitulé: _ga\nConservation: 13 mois\nSociété: Google\n\n\
             Intitulé: KC_RESTART\nConservation: Session\nRôle: Se souvient de vous.\n",
        );
        assert_eq!(l.role("Intitulé"), Some(Some(Role::Name)));
        assert_eq!(l.role("intitule"), Some(Some(Role::Name)));
        assert_eq!(l.pair("Intitulé: _gid").map(|p| p.1), Some(Role::Name));
    }

    /// A label whose value is the same in every block (`Personal Data processed:
    /// Trackers and Usage Data.` over each service's lifetimes) names no cookie;
    /// the same blocks with a value of its own in each teach a name label.
    #[test]
    fn a_label_of_one_value_in_every_block_is_no_name_label() {
        let block = |v: &str| {
            format!("Datenfelder: {v}\nOrt der Verarbeitung: Irland\nLaufzeit: 2 Jahre\n\n")
        };
        let same = learned(
            &[
                block("Tracker_ID, Usage_Data"),
                block("Tracker_ID, Usage_Data"),
            ]
            .concat(),
        );
        assert_ne!(same.role("Datenfelder"), Some(Some(Role::Name)));
        let own = learned(&[block("_vq_id"), block("_dn_uid")].concat());
        assert_eq!(own.role("Datenfelder"), Some(Some(Role::Name)));
    }

    #[test]
    fn tab_rows_and_provider_labels() {
        let l = learned(
            "Key\tcontinuous_play_v3\nStorage time\t2 years\nUsed for\tKeeps track of whether play goes on.\nPlaced by\tVimeo\n\n\
             Key\t_ga\nStorage time\t2 years\nUsed for\tID used to identify users.\nPlaced by\tGoogle\n",
        );
        assert_eq!(l.role("Key"), Some(Some(Role::Name)));
        assert_eq!(l.role("Placed by"), Some(Some(Role::Provider)));
        assert_eq!(l.role("Storage time"), Some(Some(Role::Duration)));
        // a label of no role its values tell, still a label
        assert_eq!(l.role("Used for"), Some(None));
        assert_eq!(l.role("Purpose"), None, "known keys are not learned");
    }

    #[test]
    fn labels_of_words_or_beside_a_name_key_are_not_names() {
        // values that are words, not identifiers
        let l = learned("Contact: Marketing team\nPhone: none\n\nContact: Sales\nPhone: none\n");
        assert!(l.is_empty(), "{l:?}");
        // beside a known name key the label is something else
        let l = learned("Name: _ga\nTracker: _gid\nExpiry: 2 years\n\nName: _gid\nTracker: _ga\nExpiry: 1 day\n");
        assert_eq!(l.role("Tracker"), Some(None));
        // once, with nothing known beside it
        let l = learned("Intitulé: _ga\nRôle: quelque chose\n");
        assert!(l.is_empty(), "{l:?}");
        // a lone line is no block
        let l = learned("Intitulé: _ga\n\nIntitulé: _gid\n");
        assert!(l.is_empty(), "{l:?}");
    }

    #[test]
    fn once_with_a_sure_name_and_two_known_keys() {
        let l = learned("Clé: _ga\nDurée de conservation: 13 mois\nFournisseur: Google\n");
        assert_eq!(l.role("Clé"), Some(Some(Role::Name)));
    }
}
