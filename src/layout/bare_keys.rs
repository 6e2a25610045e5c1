//! Key-value cards whose separators were lost in the copy: each line a listed
//! field's label, a space and the value (`Name _ga` / `Provider Google` / `Maximum
//! Storage Duration 2 years` / `Type HTTP Cookie`), as a consent platform's
//! declaration reads when the label and value cells of each row are run together.
//!
//! ```text
//! block     = card { {blank} card }
//! card      = name_line key_line key_line { key_line }
//! name_line = name_label " " names          (names: up to four name-shaped tokens)
//!           | names                          (alone: a platform's card titled by the
//!                                             cookie's name, `_ga` / `Expiration …`)
//! key_line  = label " " value               (label: a listed field label, at most
//!                                            four words, capitalised; not a name's)
//! ```
//! Without a separator, a label is known only by the vocabulary (the longest run of
//! words at the line's start that a language lists as a field's label), so a card is
//! taken on evidence: its name line first, two key lines at least under it, and a
//! lifetime among them that reads whole, or a sure name. Names alone on the line
//! open a block only in lower or upper case or as sure names (a capitalised word
//! alone is a service's title, and [`card_below`] makes it the cards' provider);
//! within a block any name-shaped line does. Lines with their separators are the
//! key-value reader's.

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

/// A token that can stand alone on a card's first line as its cookie's name: a
/// name beyond doubt, or a name-shaped token in lower or upper case only that is
/// no field's label (`lang`, `wp_pref`, `MR`; not `Analytics`, not `cookies`): a
/// capitalised word alone is a title.
fn bare_name(tok: &str) -> bool {
    let cased = !tok.starts_with(char::is_uppercase) || !tok.contains(char::is_lowercase);
    tok.is_empty()
        || is_strong_name(tok)
        || (cased && is_name_shaped(tok) && vocab().field_listed(tok).is_none())
}

/// A card's lines: its names, each key line (label, role, value, line index) and
/// the line after it.
struct Card<'a> {
    first: usize,
    names: &'a str,
    keys: Vec<(&'a str, Role, &'a str, usize)>,
    end: usize,
}

/// The card whose name line is line `i`, taken on the evidence the module's head
/// lists.
fn read_card<'a>(lines: &[Line<'a>], i: usize, within: bool) -> Option<Card<'a>> {
    let first = lines.get(i).filter(|l| l.kind == LineKind::Text)?;
    // a name line under its label, or the names alone (a platform's card whose
    // title is the cookie's name: `_ga` / `Expiration 2 years` / `Function …`)
    let (names, labelled) = match bare_pair(first.text) {
        Some((_, Role::Name, names)) => (names, true),
        Some(_) => return None,
        // (the line under names alone must be a key's: asked first, for most lines
        // are no name, and a line's words are name-shaped up to the fifth)
        None if lines
            .get(i + 1)
            .is_some_and(|l| bare_pair(l.text).is_some()) =>
        {
            (first.text.trim(), false)
        }
        None => return None,
    };
    // (after a card of the block, any name-shaped line over keys is the next card's:
    // `Pdomid`, `Cart`)
    let alone_ok = || within || names.split([',', ' ']).all(bare_name);
    if !names_value(names) || !(labelled || alone_ok()) {
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
    Some(Card {
        first: i,
        names,
        keys,
        end: j,
    })
}

/// Whether the next line after line `i` that is not blank opens a card of bare
/// keys: line `i` is then the title of the service the card's cookie belongs to.
pub(crate) fn card_below(lines: &[Line<'_>], i: usize) -> bool {
    lines[i + 1..]
        .iter()
        .position(|l| !l.is_blank())
        .is_some_and(|d| read_card(lines, i + 1 + d, false).is_some())
}

/// The card starting at line `i`: its record and the line after it.
fn card<'a>(
    lines: &[Line<'a>],
    i: usize,
    within: bool,
    ctx: &Context,
) -> Option<(RawRecord<'a>, usize)> {
    let c = read_card(lines, i, within)?;
    let first = &lines[c.first];
    let span = Span::new(first.start(), lines[c.end - 1].end());
    let mut rec = RawRecord::new(frag(first, c.names), span, ctx);
    rec.name_cell = true;
    for (label, role, value, k) in c.keys {
        rec.push(Some(role), label, frag(&lines[k], value));
    }
    Some((rec, c.end))
}

/// Recognise a block of cards with bare keys starting at line `i`.
pub(crate) fn parse<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    let mut end = i;
    while let Some((rec, next)) = card(lines, end, end > i, ctx) {
        doc.records.push(rec);
        // (blank lines between two cards belong to the block)
        end = next;
        let after = lines[end..].iter().position(|l| !l.is_blank());
        match after {
            Some(d) if card(lines, end + d, true, ctx).is_some() => end += d,
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

    /// A card whose first line is its cookie's name alone (a platform's card titled
    /// by the name): a name in lower or upper case only, or a sure one; after a card
    /// of the block, any name-shaped line. A capitalised word alone, two words or a
    /// label alone open no card.
    #[test]
    fn cards_titled_by_the_name_alone() {
        let names = |text: &str| {
            read(text).map(|(n, recs)| (n, recs.into_iter().map(|r| r.0).collect::<Vec<_>>()))
        };
        let text = "wp_lang\nExpiration Session\nFunction Stores the language.\n\
                    MR\nExpiration 6 months\nFunction Counts visits.\n\
                    Pdomid\nFunction Spreads the traffic.\nExpiration 13 months\n";
        assert_eq!(
            names(text),
            Some((9, vec!["wp_lang".into(), "MR".into(), "Pdomid".into()]))
        );
        let (_, recs) = read(text).expect("cards");
        assert_eq!(
            recs[0].1,
            [
                (Some(Role::Duration), "Session".to_string()),
                (Some(Role::Purpose), "Stores the language.".to_string())
            ]
        );
        for (text, name) in [
            ("_ga\nExpiration 2 years\nFunction Counts visits.\n", "_ga"),
            ("MR\nExpiration 6 months\nFunction Counts visits.\n", "MR"),
            // (no lifetime that reads: a sure name)
            (
                "_vq_id\nProvider Velqora\nFunction Counts visits.\n",
                "_vq_id",
            ),
        ] {
            assert_eq!(names(text), Some((3, vec![name.into()])), "{text:?}");
        }
        for text in [
            // a capitalised word alone is a title (no card before it)
            "Pdomid\nFunction Spreads the traffic.\nExpiration 13 months\n",
            "Hotjar\nExpiration 1 year\nFunction Counts visits.\n",
            // two words, one of them a word
            "Google Analytics\nExpiration 2 years\nFunction Counts visits.\n",
            // a label alone
            "cookies\nExpiration 2 years\nFunction Counts visits.\n",
            // one key only
            "wp_lang\nExpiration Session\n",
        ] {
            assert_eq!(read(text), None, "{text:?}");
        }
    }
}
