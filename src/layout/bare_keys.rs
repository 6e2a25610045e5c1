//! Key-value cards whose separators were lost in the copy: each line a listed
//! field's label, a space and the value (`Name _ga` / `Provider Google` / `Maximum
//! Storage Duration 2 years` / `Type HTTP Cookie`), as a consent platform's
//! declaration reads when the label and value cells of each row are run together.
//!
//! ```text
//! block     = card { {blank} card }
//! card      = name_line key_line key_line { key_line }
//! name_line = name_label " " names          (names: up to four name-shaped tokens)
//! key_line  = label " " value               (label: a listed field label, at most
//!                                            four words, capitalised; not a name's)
//! ```
//! Without a separator, a label is known only by the vocabulary (the longest run of
//! words at the line's start that a language lists as a field's label), so a card is
//! taken on evidence: its name line first, two key lines at least under it, and a
//! lifetime among them that reads whole, or a sure name. Lines with their
//! separators are the key-value reader's.

use super::keyvalue::kv_line;
use super::{frag, Context, RawDoc, RawRecord};
use crate::fields::duration::is_whole_duration;
use crate::fields::names::{is_name_shaped, is_strong_name};
use crate::policy::Span;
use crate::segment::{Line, LineKind};
use crate::vocab::{vocab, Role};

/// The most words a label is looked for in (`Maximum Storage Duration`, `Durée de
/// conservation maximale`).
const MAX_LABEL_WORDS: usize = 4;

/// The most names a card's name line holds (`_ga, _gid`).
const MAX_NAMES: usize = 4;

/// `Label value`: the longest run of up to [`MAX_LABEL_WORDS`] words at the start of
/// a capitalised line that a language lists as a field's label, and the rest of the
/// line (not empty); none for a line a known key reads with its separator.
fn bare_pair(text: &str) -> Option<(&str, Role, &str)> {
    let t = text.trim();
    if !t.starts_with(char::is_uppercase) {
        return None;
    }
    // (a first word no listed label starts with turns the line away before the words
    // are cut; a capitalised line has a first word)
    if !vocab().may_open_field(t) {
        return None;
    }
    // the ends of the first words, each a label's possible end (the last word of the
    // line is the value's at least)
    let mut ends = [0usize; MAX_LABEL_WORDS];
    let mut n = 0;
    for (at, _) in t.match_indices(' ') {
        if n == MAX_LABEL_WORDS {
            break;
        }
        // (spaces in a run end one word)
        if at > 0 && t.as_bytes()[at - 1] != b' ' {
            ends[n] = at;
            n += 1;
        }
    }
    // (`field_listed` turns a label away at its first word when no listed label
    // starts with it, before any folding: most lines stop there)
    let (label, role, value) = ends[..n].iter().rev().find_map(|&e| {
        let (label, value) = (&t[..e], t[e..].trim());
        let role = vocab().field_listed(label)?;
        (!value.is_empty()).then_some((label, role, value))
    })?;
    // a line with its separator is the key-value reader's
    kv_line(t).is_none().then_some((label, role, value))
}

/// Whether a name line's value is names: one to [`MAX_NAMES`] name-shaped tokens
/// between commas or spaces.
fn names_value(value: &str) -> bool {
    let mut n = 0;
    for w in value.split([',', ' ']).filter(|w| !w.is_empty()) {
        n += 1;
        if n > MAX_NAMES || !is_name_shaped(w) {
            return false;
        }
    }
    n > 0
}

/// The card starting at line `i`: its record and the line after it.
fn card<'a>(lines: &[Line<'a>], i: usize, ctx: &Context) -> Option<(RawRecord<'a>, usize)> {
    let first = lines.get(i).filter(|l| l.kind == LineKind::Text)?;
    let (_, role, names) = bare_pair(first.text)?;
    if role != Role::Name || !names_value(names) {
        return None;
    }
    let mut keys = Vec::new();
    let mut j = i + 1;
    while let Some(line) = lines.get(j).filter(|l| l.kind == LineKind::Text) {
        // (the next card's name line ends this one)
        match bare_pair(line.text) {
            Some((label, role, value)) if role != Role::Name => keys.push((label, role, value, j)),
            _ => break,
        }
        j += 1;
    }
    let timed = keys
        .iter()
        .any(|k| k.1 == Role::Duration && is_whole_duration(k.2));
    let sure = || names.split([',', ' ']).any(is_strong_name);
    if keys.len() < 2 || !(timed || sure()) {
        return None;
    }
    let span = Span::new(first.start(), lines[j - 1].end());
    let mut rec = RawRecord::new(frag(first, names), span, ctx);
    rec.name_cell = true;
    for (label, role, value, k) in keys {
        rec.push(Some(role), label, frag(&lines[k], value));
    }
    Some((rec, j))
}

/// Recognise a block of cards with bare keys starting at line `i`.
pub(crate) fn parse<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    let mut end = i;
    while let Some((rec, next)) = card(lines, end, ctx) {
        doc.records.push(rec);
        // (blank lines between two cards belong to the block)
        end = next;
        let after = lines[end..].iter().position(|l| !l.is_blank());
        match after {
            Some(d) if card(lines, end + d, ctx).is_some() => end += d,
            _ => break,
        }
    }
    (end > i).then_some(end - i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(t: &str) -> Option<(String, Role, String)> {
        bare_pair(t).map(|(l, r, v)| (l.to_string(), r, v.to_string()))
    }

    fn own(l: &str, r: Role, v: &str) -> Option<(String, Role, String)> {
        Some((l.to_string(), r, v.to_string()))
    }

    /// The longest listed label at the line's start, in any language; no label for
    /// a line with its separator, a sentence, a label alone or one in lower case.
    #[test]
    fn labels_without_their_separator() {
        assert_eq!(pair("Name _ga"), own("Name", Role::Name, "_ga"));
        assert_eq!(
            pair("Maximum Storage Duration 2 years"),
            own("Maximum Storage Duration", Role::Duration, "2 years")
        );
        assert_eq!(
            pair("Provider Google"),
            own("Provider", Role::Provider, "Google")
        );
        assert_eq!(
            pair("Cookie name  vm_pref"),
            own("Cookie name", Role::Name, "vm_pref")
        );
        assert_eq!(
            pair("Durée 13 mois"),
            own("Durée", Role::Duration, "13 mois")
        );
        for t in [
            "Name: _ga",
            "Name",
            "name _ga",
            "We use cookies to count visits",
            "Google Analytics sets _ga",
        ] {
            assert_eq!(pair(t), None, "{t:?}");
        }
    }

    /// A record as the tests compare it: its name, each field's role and value.
    type Read = (String, Vec<(Option<Role>, String)>);

    fn read(text: &str) -> Option<(usize, Vec<Read>)> {
        let ls = crate::segment::lines(text);
        let mut doc = RawDoc::default();
        let n = parse(&ls, 0, &mut Context::default(), &mut doc)?;
        let recs = doc
            .records
            .iter()
            .map(|r| {
                let fields = r.fields.iter();
                let fields = fields.map(|f| (f.role, f.value[0].text.to_string()));
                (r.names[0].text.to_string(), fields.collect())
            })
            .collect();
        Some((n, recs))
    }

    /// Cards of bare keys, with or without blank lines between them, each a record;
    /// a card needs two keys under its name and a lifetime that reads or a sure name.
    #[test]
    fn cards_of_bare_keys() {
        let (n, recs) = read(
            "Name _ga\nProvider Google\nMaximum Storage Duration 2 years\n\n\
             Name vm_pref\nPurpose Remembers your settings.\nExpiry 1 year\nType HTTP Cookie\n\
             Other text",
        )
        .expect("cards");
        assert_eq!(n, 8);
        assert_eq!(
            recs,
            [
                (
                    "_ga".to_string(),
                    vec![
                        (Some(Role::Provider), "Google".to_string()),
                        (Some(Role::Duration), "2 years".to_string())
                    ]
                ),
                (
                    "vm_pref".to_string(),
                    vec![
                        (Some(Role::Purpose), "Remembers your settings.".to_string()),
                        (Some(Role::Duration), "1 year".to_string()),
                        (Some(Role::Type), "HTTP Cookie".to_string())
                    ]
                ),
            ]
        );
        for text in [
            // one key under the name
            "Name _ga\nProvider Google\n",
            // no lifetime that reads, no sure name
            "Name velmora\nProvider Trelvo\nPurpose Settings.\n",
            // the name line not first
            "Provider Google\nName _ga\nExpiry 2 years\nType HTTP Cookie\n",
            // a name that is a sentence
            "Name of the game is to count visits\nExpiry 2 years\nType HTTP\n",
        ] {
            assert_eq!(read(text), None, "{text:?}");
        }
    }
}
