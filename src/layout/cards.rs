//! Cards: one cookie per block of labels that stand on their own line, each label's
//! value on the line after it, as consent platforms' declarations read once copied
//! out of a page (the label and its value were two elements, not `Label: value`).
//!
//! ```text
//! card       = label_led | name_led
//! label_led  = label(name) value { pair }             (`Name` / `_ga` / `Expiration` / `2 years`)
//! name_led   = head [description{1,3}] pair pair { pair }
//!                                                      (`_ga` / `Registers a unique ID…` /
//!                                                       `Provider` / `Google` / `Maximum storage duration` / `2 years`)
//! pair       = label value | label                     (a label right before another: no value)
//! label      = a line that is only a field's header, any language (`Provider`, `Speicherdauer:`)
//! value      = one line that is no label; a purpose's value goes on over lines that
//!              continue its sentence (lower-case start after no sentence end)
//! ```
//! A card ends where a line is no label, or where a label comes again (the next
//! card's). What stands between cards (a category line, a service's name and what it
//! says of itself) is left to the section context, so a group row governs the cards
//! after it and never those before. A name-led card must state a lifetime, so a
//! service's own block of labels (`HubSpot` / `Privacy policy` / …) is no cookie.

use super::keyvalue::{
    fuzzy_key, is_name_line, is_service_box, key_names_cookies, kv_line, take_service_box,
};
use super::{frag, next_filled, Context, RawDoc, RawRecord};
use crate::fields::duration::parse_duration;
use crate::fields::names::{is_name_shaped, is_strong_name};
use crate::fields::provider::{is_vendor_name, vendor_run};
use crate::fields::repair::Frags;
use crate::fields::text::{more_words_than, recent_slice, strip_md_heading, RecentSlice};
use crate::segment::{Line, LineKind};
use crate::vocab::{vocab, Role};

/// A line's text as a label would be written: markdown heading and bold marks and a
/// closing colon taken off (`**Speicherdauer:**` → `Speicherdauer`).
fn label_text(text: &str) -> &str {
    strip_md_heading(text)
        .trim()
        .trim_matches('*')
        .trim()
        .trim_end_matches(':')
        .trim()
}

/// A line that is only a field's label: its key text and role.
pub(crate) fn label_line(text: &str) -> Option<(&str, Role)> {
    // a name, a lifetime, a sentence or a line of colons, turned away by its bytes
    if no_label_by_bytes(text) {
        return None;
    }
    // a line is asked again by the readers that test their block's start and by the
    // value tests of the lines before it: the last answers are remembered
    thread_local! {
        static RECENT: std::cell::RefCell<RecentSlice<Role, 8>> = std::cell::RefCell::default();
    }
    recent_slice(&RECENT, text, label_line_uncached)
}

/// [`label_line`] past its byte test, without the memo.
fn label_line_uncached(text: &str) -> Option<(&str, Role)> {
    let t = label_text(text);
    // an identifier (`plek-list-type`, `_ga`) is a value, however its parts read
    let identifier = t.contains('_')
        || (t.contains('-') && !t.contains(' ') && !t.chars().any(char::is_uppercase));
    // a category's name is a group row (`Functional`), even one letter from a label
    // (the tests are pure: the byte tests turn most lines away before the vocabulary
    // is asked)
    if t.is_empty()
        || t.len() > 40
        || identifier
        || t.contains(|c: char| c.is_ascii_digit() || matches!(c, '\t' | '|' | ':' | '.' | ','))
        || more_words_than(t, 5)
        || vocab().find_category(t).is_some()
    {
        return None;
    }
    // a label is short and names no vendor; a longer line is a label only if a table
    // lists it whole (`Provide ad delivery or retargeting` is a value, even if its
    // first word is one letter from `Provider`; `Google various services` a service)
    let role = vocab().field_listed(t).or_else(|| {
        (!more_words_than(t, 3) && vendor_run(t).is_none())
            .then(|| vocab().field(t).or_else(|| fuzzy_key(t)))
            .flatten()
    })?;
    Some((t, role))
}

/// Whether the bytes of `text` alone show that [`label_line`] turns it away, before
/// the line is trimmed five times. `label_text` takes off only heading marks,
/// whitespace, `*` and closing colons, and `label_line` turns away a label text that
/// is empty or holds a digit, `_`, `|`, `.`, `,` or `:`:
/// - a digit, `_`, `|`, `.` or `,` anywhere is never taken off, so it stays in the
///   label text (the test stops at the first; asked of short lines only: a long one
///   is turned away by its length after the trims);
/// - a line of ASCII whitespace and colons only (`:`, `::`) leaves a label text that
///   is empty or starts with `:` (the trims leave no whitespace at its start). The
///   test stops at the first other byte: the first, on nearly every line.
fn no_label_by_bytes(text: &str) -> bool {
    (text.len() <= 64
        && text
            .bytes()
            .any(|b| b.is_ascii_digit() || matches!(b, b'_' | b'|' | b'.' | b',')))
        || text
            .bytes()
            .all(|b| matches!(b, b':' | b' ' | b'\t'..=b'\r'))
}

/// Longest line that may head a card.
const MAX_HEAD: usize = 120;

/// The head of a name-led card: the name as written, a platform's count of how many
/// cookies share it (`ajs_anonymous_id [x2]`) taken off.
pub(crate) fn card_head(text: &str) -> Option<&str> {
    thread_local! {
        static RECENT: std::cell::RefCell<RecentSlice<(), 8>> = std::cell::RefCell::default();
    }
    recent_slice(&RECENT, text, |t| card_head_uncached(t).map(|h| (h, ()))).map(|(h, ())| h)
}

/// [`card_head`] without the memo.
fn card_head_uncached(text: &str) -> Option<&str> {
    // a head is a name or a few: a long line is none (and is not read as a lifetime)
    if text.len() > MAX_HEAD {
        return None;
    }
    let mut t = crate::fields::text::strip_heading_marks(text).trim();
    // markdown bold (`**_ga**`), not a wildcard (`_ga_*`), and a code span (`` `_ga` ``),
    // either inside the other
    for _ in 0..2 {
        t = t
            .strip_prefix("**")
            .and_then(|b| b.strip_suffix("**"))
            .or_else(|| {
                t.strip_prefix('`')
                    .and_then(|b| b.strip_suffix('`'))
                    .filter(|b| !b.contains('`'))
            })
            .unwrap_or(t)
            .trim();
    }
    let t = match t.rsplit_once(' ') {
        Some((head, count))
            if count.len() >= 4
                && count.starts_with("[x")
                && count.ends_with(']')
                && count[2..count.len() - 1]
                    .chars()
                    .all(|c| c.is_ascii_digit()) =>
        {
            head.trim_end()
        }
        _ => t,
    };
    // a lower-case token joined by `-` or `_` is an identifier even where its parts
    // are words (`nest-analytics`, `campaign-tracking`, `nest-haus-session`), unlike
    // a label (`Statistik-Cookies`, `Session`)
    let identifier = t.contains(['-', '_'])
        && !t.contains(char::is_whitespace)
        && !t.chars().any(char::is_uppercase);
    if t.is_empty() {
        return None;
    }
    // the shape test first: it turns most lines away, at a fraction of the cost of
    // the vocabulary and lifetime tests below (all pure, so the order is free)
    let one_token = !t.contains(char::is_whitespace) && is_name_shaped(t);
    if !(one_token || is_name_line(t))
        || label_line(t).is_some()
        || !identifier
            && (vocab().find_category(t).is_some()
                || parse_duration(t).kind != crate::policy::DurationKind::Unknown)
    {
        return None;
    }
    // a service's name over its own block is no cookie (unless it is a sure name)
    let service = is_vendor_name(t) && !is_strong_name(t);
    (!service).then_some(t)
}

/// A line that may be a value: text, no label, no `Key: value` pair.
fn is_value(line: &Line<'_>) -> bool {
    line.kind == LineKind::Text && label_line(line.text).is_none() && kv_line(line.text).is_none()
}

/// A line right after a label: its value unless it is a label listed whole (a
/// lifetime is a value even if a table lists it as a header: `Duration` / `Session`).
fn is_label_value(line: &Line<'_>) -> bool {
    let t = label_text(line.text);
    line.kind == LineKind::Text
        && (vocab().field_listed(t).is_none()
            || parse_duration(t).kind != crate::policy::DurationKind::Unknown)
        && kv_line(line.text).is_none()
}

/// A line that is only a storage type, with no key (`Cookie`, `HTTP Cookie`,
/// `Local Storage`): what a consent panel writes under a cookie's name.
pub(crate) fn is_type_line(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.len() <= 40
        && !more_words_than(t, 3)
        && !t.contains(':')
        && vocab().storage_whole(t).is_some()
}

/// Read a card starting at line `i`.
pub(crate) fn parse<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    let first = &lines[i];
    if first.kind != LineKind::Text {
        return None;
    }
    let mut tight0 = 0;
    // (the key of a label-led card's name: `Name` over a service's, or `Cookie Name`)
    let mut name_key = "";
    let (mut rec, mut j, label_led) = match label_line(first.text) {
        Some((key, Role::Name)) => {
            name_key = key;
            let v = next_filled(lines, i + 1)?;
            let value = &lines[v];
            let text = value.text.trim();
            if !is_label_value(value) || text.len() > 100 || more_words_than(text, 4) {
                return None;
            }
            let mut rec = RawRecord::new(frag(value, text), first.span().cover(value.span()), ctx);
            rec.name_cell = true;
            if v == i + 1 {
                tight0 = 1;
            }
            (rec, v + 1, true)
        }
        Some(_) => return name_label_later(lines, i, ctx, doc),
        None => {
            let name = card_head(first.text)?;
            // the description: up to three values under the head
            let mut described = [0usize; 3];
            let mut n = 0;
            let mut j = i + 1;
            while let Some(d) = next_filled(lines, j) {
                if !is_value(&lines[d]) || n == 3 {
                    break;
                }
                described[n] = d;
                n += 1;
                j = d + 1;
            }
            // a head and its description with no label after them read no pair, so
            // they are no card: the record is built only when a label follows (a
            // column of names alone, one a line, would otherwise build and drop one
            // record with three descriptions at every line)
            if !opens_pair(lines, j) {
                return None;
            }
            // a sure name alone among the lines under a head that is none is the card's
            // name, the head a service's over it (`Velqora` / `We use Velqora …` /
            // `Cookies placed` / `_vq_id` / `Expiration` / …): the card starts there
            let sure_alone = |d: &usize| {
                let t = lines[*d].text.trim();
                !t.contains(char::is_whitespace) && is_strong_name(t)
            };
            if described[..n].iter().any(sure_alone) && !is_strong_name(name) {
                return None;
            }
            let mut rec = RawRecord::new(frag(first, name), first.span(), ctx);
            rec.name_cell = true;
            for &d in &described[..n] {
                let line = &lines[d];
                // (a storage type with no key, `Cookie`, `HTTP Cookie`, is the type)
                let (role, key) = if is_type_line(line.text) {
                    (Role::Type, "type")
                } else {
                    (Role::Purpose, "description")
                };
                rec.push(Some(role), key, frag(line, line.text.trim()));
                rec.span = rec.span.cover(line.span());
            }
            (rec, j, false)
        }
    };
    let mut pairs = 0;
    // the labels that have a value
    let mut valued = 0;
    let mut seen: Vec<&str> = Vec::new();
    let mut lifetime = false;
    // values right under their label, and values after a blank line
    let (mut tight, mut loose) = (tight0, 0);
    while let Some(l) = next_filled(lines, j) {
        let Some((key, role)) = label_line(lines[l].text) else {
            // a label no table lists over a web address (`Datenschutzerklärung` /
            // `https://…`): a link's row of the card, kept as it is
            if let Some(v) = label_led.then(|| link_row(lines, l)).flatten() {
                rec.push(
                    None,
                    label_text(lines[l].text),
                    frag(&lines[v], lines[v].text.trim()),
                );
                rec.span = rec.span.cover(lines[v].span());
                j = v + 1;
                continue;
            }
            break;
        };
        // `Name` / `Google Analytics` … `Cookie Name` / `_ga, _gid`: the first name
        // was the service's, the cookies are named now (Borlabs' boxes, one cell a
        // line)
        if role == Role::Name
            && label_led
            && !key_names_cookies(name_key)
            && key_names_cookies(key)
            && lines[l].kind == LineKind::Text
        {
            if let Some(v) = next_filled(lines, l + 1).filter(|&v| is_label_value(&lines[v])) {
                let text = lines[v].text.trim();
                rec.name_the_cookies(frag(&lines[v], text), name_key);
                rec.span = rec.span.cover(lines[v].span());
                name_key = key;
                j = v + 1;
                continue;
            }
        }
        // the next card's name label, or a label this card already has
        if role == Role::Name || seen.contains(&key) || lines[l].kind != LineKind::Text {
            break;
        }
        seen.push(key);
        pairs += 1;
        lifetime |= role == Role::Duration;
        rec.span = rec.span.cover(lines[l].span());
        j = l + 1;
        // the line after a label is its value, unless a table lists that line whole
        // as a label (`Expiration` / `` / `Function`: no value)
        let Some(v) = next_filled(lines, j).filter(|&v| is_label_value(&lines[v])) else {
            continue;
        };
        // where every value so far stood right under its label, a blank line under
        // this one says it has none (`Function` / `` / `Google Analytics`: the next
        // service's name is no value)
        if v > j && tight > 0 && loose == 0 {
            continue;
        }
        if v > j {
            loose += 1;
        } else {
            tight += 1;
        }
        // a head of the next card is no value of a label that has none
        if !label_led && card_head(lines[v].text).is_some() && starts_card(lines, v, &seen) {
            continue;
        }
        let mut value = Frags::from(frag(&lines[v], lines[v].text.trim()));
        rec.span = rec.span.cover(lines[v].span());
        j = v + 1;
        if role == Role::Purpose {
            // a sentence wrapped over lines goes on
            while let Some(c) = lines.get(j) {
                let prev = value.last().map_or("", |f| f.text);
                if !is_value(c)
                    || prev.ends_with(['.', '!', '?'])
                    || !c.text.trim_start().starts_with(char::is_lowercase)
                {
                    break;
                }
                value.push(frag(c, c.text.trim()));
                rec.span = rec.span.cover(c.span());
                j += 1;
            }
        }
        rec.push(Some(role), key, value);
        valued += 1;
    }
    // a name-led card's labels mostly have values: a run of labels one under another
    // with a value for one at most is a table's header read one cell per line
    // (`Cookiebeleid` / a paragraph / `Benaming` / `Functie` / `Bewaarduur` / `p23mn32t`)
    let enough = if label_led {
        pairs >= 1
    } else {
        pairs >= 2 && lifetime && valued * 2 >= pairs
    };
    if !enough {
        return None;
    }
    // a service's box over its cookies' own cards or table (`Name` / `SnapEngage` /
    // `Provider` / … / `Technical cookie definitions` / `Name` / `SnapABugHistory`)
    if label_led && is_service_box(&rec, name_key, lines, j, &ctx.learned) {
        take_service_box(&rec, ctx);
        return Some(j - i);
    }
    doc.records.push(rec);
    Some(j - i)
}

/// A card's row that no table lists, whose value is a web address (`Privacy Policy`
/// / `https://…`, `Datenschutzerklärung` / `https://…`): the line of its value when
/// line `l` is such a label (a short line of words, with no sentence's end, right
/// above the address).
fn link_row(lines: &[Line<'_>], l: usize) -> Option<usize> {
    let v = l + 1;
    (lines[l].kind == LineKind::Text
        && link_label(lines[l].text.trim())
        && is_web_address(lines.get(v)?.text.trim()))
    .then_some(v)
}

/// A web address alone (`https://…`, `www.…`): a link's value in a card or box.
pub(crate) fn is_web_address(value: &str) -> bool {
    ["https://", "http://", "www."].iter().any(|p| {
        value
            .get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    }) && !value.contains(char::is_whitespace)
}

/// A label a link's row may have: a short line of words (five at most, 60 bytes at
/// most, a letter first) with no sentence's end in it.
pub(crate) fn link_label(label: &str) -> bool {
    label.len() <= 60
        && label.starts_with(char::is_alphabetic)
        && !label.contains(['.', '!', '?'])
        && !label.ends_with(',')
        && !more_words_than(label, 5)
}

/// Whether the first turn of [`parse`]'s loop over pairs reads a pair from line `j`
/// (a label there that names no cookie, on a line of text); a card that reads none
/// is no card.
fn opens_pair(lines: &[Line<'_>], j: usize) -> bool {
    next_filled(lines, j).is_some_and(|l| {
        lines[l].kind == LineKind::Text
            && label_line(lines[l].text).is_some_and(|(_, role)| role != Role::Name)
    })
}

/// A card whose name label is not its first (`Purpose` / `…` / `Name` / `_ga` /
/// `Expiry` / `2 years`): label and value pairs from line `i`, each label once, up to
/// a line where a label should stand and none does; a record when one of them names
/// the cookie.
fn name_label_later<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    let mut seen: Vec<&str> = Vec::new();
    let mut name: Option<super::Fragment<'a>> = None;
    let mut fields: Vec<(Option<Role>, &str, super::Fragment<'a>)> = Vec::new();
    // (how many fields stood before the name's label)
    let mut before = 0;
    let mut j = i;
    let mut end = i;
    while let Some(l) = next_filled(lines, j) {
        let Some((key, role)) = label_line(lines[l].text) else {
            break;
        };
        if seen.contains(&key) || lines[l].kind != LineKind::Text {
            break;
        }
        seen.push(key);
        j = l + 1;
        end = j;
        let Some(v) = next_filled(lines, j).filter(|&v| is_label_value(&lines[v])) else {
            continue;
        };
        let text = lines[v].text.trim();
        if role == Role::Name {
            if name.is_some() || text.len() > 100 || more_words_than(text, 4) {
                return None;
            }
            name = Some(frag(&lines[v], text));
            before = fields.len();
        } else {
            fields.push((Some(role), key, frag(&lines[v], text)));
        }
        j = v + 1;
        end = j;
    }
    let name = name?;
    // the next card repeats the labels after the name and none before it (`Processing
    // Company` / … / `Data Purposes` / … / `Cookies` / `td` / `Duration` / … then `__asc`
    // / `Duration` / …): those were the labels of the block the cards stand in, which
    // the section's context reads, and the card starts at its name
    if before > 0 {
        let next = next_card_labels(lines, end);
        let has = |f: &(Option<Role>, &str, super::Fragment<'a>)| next.contains(&f.1);
        if !fields[..before].iter().any(has) && fields[before..].iter().any(has) {
            return None;
        }
    }
    let span = lines[i].span().cover(lines[end - 1].span());
    doc.records.push(RawRecord::named(name, fields, span, ctx)?);
    Some(end - i)
}

/// The labels of the card that opens at the next filled line from `j`, by its name
/// (a card's head, `__asc`) or its name's label (`Name` / `_ga`): those of the eight
/// filled lines after it, up to the next name's label. None when no card opens there.
fn next_card_labels<'t>(lines: &[Line<'t>], j: usize) -> Vec<&'t str> {
    let Some(n) = next_filled(lines, j) else {
        return Vec::new();
    };
    let opens = match label_line(lines[n].text) {
        Some((_, role)) => role == Role::Name,
        None => card_head(lines[n].text).is_some(),
    };
    if !opens || lines[n].kind != LineKind::Text {
        return Vec::new();
    }
    let mut out = Vec::new();
    for l in lines[n + 1..].iter().filter(|l| !l.is_blank()).take(8) {
        match label_line(l.text) {
            Some((_, Role::Name)) => break,
            Some((key, _)) => out.push(key),
            None => {}
        }
    }
    out
}

/// Does the next name-led card start at line `v`: its head, then within four lines a
/// label the card being read already has (a label it lacks continues this card),
/// with no other head between (the nearer one would be the card's)?
fn starts_card(lines: &[Line<'_>], v: usize, seen: &[&str]) -> bool {
    for l in lines[v + 1..].iter().filter(|l| !l.is_blank()).take(4) {
        if let Some((k, _)) = label_line(l.text) {
            return seen.contains(&k);
        }
        if card_head(l.text).is_some() {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    fn read(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        crate::parse_policy(text)
            .cookies
            .into_iter()
            .map(|c| (c.name, c.provider, c.duration.map(|d| d.text)))
            .collect()
    }

    /// A service's box one cell a line (Borlabs' box copied as text): `Name` over the
    /// service, then its keys, a link's row no table lists (`Datenschutzerklärung` /
    /// `https://…`), and `Cookie Name` over the cookies: the cookies are named there,
    /// and the service is their provider where no provider key names one.
    #[test]
    fn a_box_that_names_its_cookies_after_its_service() {
        let want = |provider: &str| {
            vec![
                (
                    "vq_id".to_string(),
                    Some(provider.to_string()),
                    Some("1 Jahr".to_string()),
                ),
                (
                    "vq_ses".to_string(),
                    Some(provider.to_string()),
                    Some("1 Jahr".to_string()),
                ),
            ]
        };
        assert_eq!(
            read(
                "Akzeptieren\nName\nVelqora Chat\nAnbieter\nVelqora GmbH, Hauptstraße 5, 10115 Berlin\n\
                 Zweck\nBietet einen Chat an.\nDatenschutzerklärung\nhttps://velqora.de/privacy\n\
                 Cookie Name\nvq_id, vq_ses\nCookie Laufzeit\n1 Jahr\n"
            ),
            want("Velqora GmbH")
        );
        assert_eq!(
            read(
                "Name\nVelqora Chat\nZweck\nBietet einen Chat an.\n\
                 Cookie Name\nvq_id, vq_ses\nCookie Laufzeit\n1 Jahr\n"
            ),
            want("Velqora Chat")
        );
    }

    /// The link's row: a short label of words over a web address alone.
    #[test]
    fn link_rows() {
        let lines = crate::segment::lines(
            "Privacy Policy\nhttps://velqora.com/privacy\nWe use it.\nhttps://velqora.com\n\
             Privacy Policy\nhttps://velqora.com and more\n",
        );
        assert_eq!(super::link_row(&lines, 0), Some(1));
        assert_eq!(super::link_row(&lines, 2), None);
        assert_eq!(super::link_row(&lines, 4), None);
    }

    /// A line that is only a storage type, and no other.
    #[test]
    fn storage_type_lines() {
        for t in ["Cookie", "HTTP Cookie", " Local Storage ", "Pixel Tracker"] {
            assert!(is_type_line(t), "{t}");
        }
        for t in [
            "Cookies: _ga, _gid",
            "Type: Cookie",
            "This cookie stores the language.",
            "",
        ] {
            assert!(!is_type_line(t), "{t}");
        }
    }

    use super::*;
    use crate::segment::lines as segment;

    /// A card read back: its name and its fields (role, value).
    type Card = (String, Vec<(Option<Role>, String)>);

    fn names_and_fields(text: &str) -> Vec<Card> {
        let lines = segment(text);
        let mut doc = RawDoc::default();
        let mut ctx = Context::default();
        let mut i = 0;
        while i < lines.len() {
            match parse(&lines, i, &mut ctx, &mut doc) {
                Some(n) => i += n,
                None => i += 1,
            }
        }
        doc.records
            .iter()
            .map(|r| {
                let name = r.names.iter().map(|f| f.text).collect::<Vec<_>>().join(" ");
                let fields = r
                    .fields
                    .iter()
                    .map(|f| {
                        let v = f.value.iter().map(|f| f.text).collect::<Vec<_>>().join(" ");
                        (f.role, v)
                    })
                    .collect();
                (name, fields)
            })
            .collect()
    }

    /// `label_line` as it was, with no byte test before the trims.
    fn label_line_before(text: &str) -> Option<(&str, Role)> {
        let t = label_text(text);
        // an identifier (`plek-list-type`, `_ga`) is a value, however its parts read
        let identifier = t.contains('_')
            || (t.contains('-') && !t.contains(' ') && !t.chars().any(char::is_uppercase));
        // a category's name is a group row (`Functional`), even one letter from a label
        // (the tests are pure: the byte tests turn most lines away before the vocabulary
        // is asked)
        if t.is_empty()
            || t.len() > 40
            || identifier
            || t.contains(|c: char| c.is_ascii_digit() || matches!(c, '\t' | '|' | ':' | '.' | ','))
            || more_words_than(t, 5)
            || vocab().find_category(t).is_some()
        {
            return None;
        }
        // a label is short and names no vendor; a longer line is a label only if a table
        // lists it whole (`Provide ad delivery or retargeting` is a value, even if its
        // first word is one letter from `Provider`; `Google various services` a service)
        let role = vocab().field_listed(t).or_else(|| {
            (!more_words_than(t, 3) && vendor_run(t).is_none())
                .then(|| vocab().field(t).or_else(|| fuzzy_key(t)))
                .flatten()
        })?;
        Some((t, role))
    }

    /// `label_line` answers as before on every corpus line and made-up ones: labels
    /// in markdown, with closing colons, and lines with each byte the test looks for
    /// in them, at the start, inside and at the end, short and long.
    /// A name as a heading in a code span, in bold or both is the card's head; two
    /// code spans on one line are not one span.
    #[test]
    fn heads_in_code_spans() {
        for t in [
            "### `_ga`",
            "`_ga`",
            "**`_ga`**",
            "`**_ga**`",
            "#### **_ga**",
        ] {
            assert_eq!(card_head(t), Some("_ga"), "{t:?}");
        }
        // two code spans are not one: the line is a head of two quoted names, as
        // `_ga and _gid` is one of two names
        assert_eq!(card_head("`_ga` and `_gid`"), Some("`_ga` and `_gid`"));
        assert_eq!(card_head("_ga and _gid"), Some("_ga and _gid"));
    }

    #[test]
    fn label_line_is_the_former_test() {
        let mut lines = crate::testing::corpus_lines_and(&[
            "Provider",
            "**Speicherdauer:**",
            "## Expiry",
            "Name:",
            "Purpose ::",
            "  Duration  ",
        ]);
        for base in ["Provider", "Maximum storage duration", "Type", "Ablauf"] {
            for b in ["_", "1", "\t", "|", ".", ",", ":", "*", "#", " "] {
                lines.push(format!("{b}{base}"));
                lines.push(format!("{base}{b}"));
                lines.push(format!("{}{b}{}", &base[..2], &base[2..]));
                lines.push(format!("{base}{}{b}", " ".repeat(60)));
            }
        }
        let mut labels = 0;
        for l in &lines {
            let want = label_line_before(l);
            assert_eq!(label_line(l), want, "{l:?}");
            labels += usize::from(want.is_some());
        }
        assert!(labels > 100, "only {labels} labels");
    }

    /// `parse` as it was, building the name-led card's record before it knew a label
    /// follows the description.
    fn parse_before<'a>(
        lines: &[Line<'a>],
        i: usize,
        ctx: &mut Context,
        doc: &mut RawDoc<'a>,
    ) -> Option<usize> {
        let first = &lines[i];
        if first.kind != LineKind::Text {
            return None;
        }
        let mut tight0 = 0;
        let (mut rec, mut j, label_led) = match label_line(first.text) {
            Some((_, Role::Name)) => {
                let v = next_filled(lines, i + 1)?;
                let value = &lines[v];
                let text = value.text.trim();
                if !is_label_value(value) || text.len() > 100 || more_words_than(text, 4) {
                    return None;
                }
                let mut rec =
                    RawRecord::new(frag(value, text), first.span().cover(value.span()), ctx);
                rec.name_cell = true;
                if v == i + 1 {
                    tight0 = 1;
                }
                (rec, v + 1, true)
            }
            Some(_) => return name_label_later(lines, i, ctx, doc),
            None => {
                let name = card_head(first.text)?;
                let mut rec = RawRecord::new(frag(first, name), first.span(), ctx);
                rec.name_cell = true;
                let mut j = i + 1;
                let mut described = 0;
                while let Some(d) = next_filled(lines, j) {
                    let line = &lines[d];
                    if !is_value(line) || described == 3 {
                        break;
                    }
                    rec.push(
                        Some(Role::Purpose),
                        "description",
                        frag(line, line.text.trim()),
                    );
                    rec.span = rec.span.cover(line.span());
                    described += 1;
                    j = d + 1;
                }
                (rec, j, false)
            }
        };
        let mut pairs = 0;
        let mut valued = 0;
        let mut seen: Vec<&str> = Vec::new();
        let mut lifetime = false;
        // values right under their label, and values after a blank line
        let (mut tight, mut loose) = (tight0, 0);
        while let Some(l) = next_filled(lines, j) {
            let Some((key, role)) = label_line(lines[l].text) else {
                break;
            };
            // the next card's name label, or a label this card already has
            if role == Role::Name || seen.contains(&key) || lines[l].kind != LineKind::Text {
                break;
            }
            seen.push(key);
            pairs += 1;
            lifetime |= role == Role::Duration;
            rec.span = rec.span.cover(lines[l].span());
            j = l + 1;
            // the line after a label is its value, unless a table lists that line whole
            // as a label (`Expiration` / `` / `Function`: no value)
            let Some(v) = next_filled(lines, j).filter(|&v| is_label_value(&lines[v])) else {
                continue;
            };
            // where every value so far stood right under its label, a blank line under
            // this one says it has none (`Function` / `` / `Google Analytics`: the next
            // service's name is no value)
            if v > j && tight > 0 && loose == 0 {
                continue;
            }
            if v > j {
                loose += 1;
            } else {
                tight += 1;
            }
            // a head of the next card is no value of a label that has none
            if !label_led && card_head(lines[v].text).is_some() && starts_card(lines, v, &seen) {
                continue;
            }
            let mut value = Frags::from(frag(&lines[v], lines[v].text.trim()));
            rec.span = rec.span.cover(lines[v].span());
            j = v + 1;
            if role == Role::Purpose {
                // a sentence wrapped over lines goes on
                while let Some(c) = lines.get(j) {
                    let prev = value.last().map_or("", |f| f.text);
                    if !is_value(c)
                        || prev.ends_with(['.', '!', '?'])
                        || !c.text.trim_start().starts_with(char::is_lowercase)
                    {
                        break;
                    }
                    value.push(frag(c, c.text.trim()));
                    rec.span = rec.span.cover(c.span());
                    j += 1;
                }
            }
            rec.push(Some(role), key, value);
            valued += 1;
        }
        let enough = if label_led {
            pairs >= 1
        } else {
            pairs >= 2 && lifetime && valued * 2 >= pairs
        };
        if !enough {
            return None;
        }
        doc.records.push(rec);
        Some(j - i)
    }

    /// `parse` reads what it read before, at every line of every corpus document and
    /// of made-up ones (cards of both kinds, heads with and without descriptions, a
    /// column of names alone, heads before labels that name the cookie): the same
    /// length, records, warnings and context.
    #[test]
    fn parse_is_the_former_reader() {
        let mut texts: Vec<String> = crate::testing::corpus_documents()
            .into_iter()
            .map(|(_, b)| String::from_utf8(b).unwrap())
            .collect();
        assert!(texts.len() >= 90, "only {} documents", texts.len());
        texts.extend(
            [
                "timezone\nDetects the visitor's timezone.\nProvider\nSegment\nType\nHTTP Cookie\nMaximum storage duration\n1 year\n",
                "timezone\nOne.\nTwo.\nThree.\nFour.\nProvider\nSegment\nMaximum storage duration\n1 year\n",
                "_ga\nProvider\nGoogle\nExpiry\n2 years\n",
                "_ga\n\nUsed to tell users apart\n\nProvider\n\nGoogle\nExpiry\n2 years\n",
                "_ga\nName\n_gid\nExpiry\n1 day\n",
                "_c0\n_c1\n_c2\n_c3\n_c4\n_c5\n",
                "Name\n_ga\nExpiration\n2 years\n",
                "HubSpot\nWe use HubSpot.\nProvider\nHubSpot Inc.\nType\nMarketing\n",
            ]
            .map(String::from),
        );
        let mut read = 0;
        for text in &texts {
            let lines = segment(text);
            for i in 0..lines.len() {
                let (mut ctx_a, mut doc_a) = (Context::default(), RawDoc::default());
                let (mut ctx_b, mut doc_b) = (Context::default(), RawDoc::default());
                let got = parse(&lines, i, &mut ctx_a, &mut doc_a);
                let want = parse_before(&lines, i, &mut ctx_b, &mut doc_b);
                assert_eq!(got, want, "{:?}", lines[i].text);
                assert_eq!(
                    format!("{:?} {:?} {ctx_a:?}", doc_a.records, doc_a.warnings),
                    format!("{:?} {:?} {ctx_b:?}", doc_b.records, doc_b.warnings),
                    "{:?}",
                    lines[i].text
                );
                read += usize::from(got.is_some());
            }
        }
        assert!(read > 20, "only {read} cards read");
    }

    /// `label_line` answers as it did with no byte test (`label_line_before`) on every
    /// corpus line, and on made-up lines where colons, stars, hashes, whitespace
    /// (no-break space too) and every listed label meet.
    #[test]
    fn label_line_by_bytes_is_the_former() {
        let mut lines = crate::testing::corpus_lines_and(&[
            "",
            " ",
            ":",
            "::",
            " : ",
            "\t:\t",
            "Cookie:",
            "Cookie::",
            "Cookie: ",
            "Cookie :*",
            "**Speicherdauer:**",
            "**Speicherdauer**:",
            "## Provider:",
            "#:",
            ":Provider",
            ": Provider",
            "Provider: Google",
            "Provider:\u{a0}",
            "Provider:\u{a0}Google",
            "Provider:é",
            "Provider: *",
            "Provider: #",
            "* * *",
            "*:*",
            ":**:",
            "Maximum storage duration",
            "Expiry:\u{3000}",
        ]);
        let keys: Vec<String> = crate::vocab::table_rows()
            .filter(|r| r.0 == "field")
            .map(|r| r.2.to_string())
            .collect();
        for (i, k) in keys.iter().enumerate() {
            for line in [
                format!("{k}:"),
                format!("{k}: x"),
                format!(":{k}"),
                format!("**{k}:**"),
                format!("{k} :\u{a0}"),
                format!("{k}:{}", keys[(i * 7 + 1) % keys.len()]),
            ] {
                lines.push(line);
            }
        }
        let mut labels = 0;
        for line in &lines {
            let got = label_line(line);
            assert_eq!(got, label_line_before(line), "{line:?}");
            labels += usize::from(got.is_some());
        }
        assert!(labels > 300, "only {labels} labels");
    }

    #[test]
    fn labels() {
        assert_eq!(label_line("Provider"), Some(("Provider", Role::Provider)));
        assert_eq!(
            label_line("Maximum storage duration"),
            Some(("Maximum storage duration", Role::Duration))
        );
        assert_eq!(
            label_line("**Speicherdauer:**").map(|l| l.1),
            Some(Role::Duration)
        );
        assert_eq!(label_line("2 years"), None);
        assert_eq!(label_line("Provide ad delivery or retargeting"), None);
        assert_eq!(label_line("Google various services"), None);
        assert_eq!(label_line("plek-list-type"), None);
        assert_eq!(label_line("Functional"), None);
        assert_eq!(label_line("Cookie-Name").map(|l| l.1), Some(Role::Name));
        assert_eq!(label_line("Stores the user's consent state."), None);
        // a compound ending in a head word's plural (`*zwecke`)
        assert_eq!(
            label_line("Datenverarbeitungszwecke").map(|l| l.1),
            Some(Role::Purpose)
        );
    }

    #[test]
    fn heads() {
        assert_eq!(card_head("ajs_anonymous_id [x2]"), Some("ajs_anonymous_id"));
        assert_eq!(card_head("timezone"), Some("timezone"));
        assert_eq!(card_head("Provider"), None);
        assert_eq!(card_head("Marketing"), None);
        assert_eq!(card_head("Session"), None);
        assert_eq!(card_head("Statistik-Cookies"), None);
        assert_eq!(card_head("nest-analytics"), Some("nest-analytics"));
        assert_eq!(card_head("nest-haus-session"), Some("nest-haus-session"));
        assert_eq!(card_head("HubSpot"), None);
        assert_eq!(card_head("We do not use cookies of this type."), None);
    }

    #[test]
    fn label_led_cards_with_an_empty_value() {
        let got = names_and_fields(
            "Name\n_ga\nExpiration\n2 years\nFunction\nStore and count pageviews\nName\n*_key\nExpiration\n\nFunction\n\nGoogle Analytics\nStatistics\nName\nrc::a\nExpiration\npersistent\n",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["_ga", "*_key", "rc::a"]);
        assert_eq!(
            got[0].1,
            [
                (Some(Role::Duration), "2 years".to_string()),
                (Some(Role::Purpose), "Store and count pageviews".to_string())
            ]
        );
        assert!(got[1].1.is_empty());
    }

    /// A title, a paragraph and a table's header one cell per line (`Benaming` /
    /// `Functie` / `Aanbieder` / `Bewaarduur`) are no name-led card, though the title
    /// is one token and the last label has the first row's name under it: the labels
    /// have no values. The table's rows are read instead.
    #[test]
    fn a_stacked_header_is_no_card() {
        let doc = "Cookiebeleid\n\nCookies zijn kleine tekstbestanden die uw browser opslaat.\n\n\
                   Benaming\nFunctie\nAanbieder\nBewaarduur\np23mn32t\nOnthoudt de taal.\n\
                   Dynatrace\n-\n_vwo_uuid_v2\nBewaart de instellingen.\nSAP\n1 jaar\n";
        let names: Vec<String> = crate::parse_policy(doc)
            .cookies
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(names, ["p23mn32t", "_vwo_uuid_v2"]);
    }

    #[test]
    fn name_led_cards() {
        let got = names_and_fields(
            "timezone\nDetects the visitor's timezone.\nProvider\nSegment\nType\nHTTP Cookie\nMaximum storage duration\n1 year\n_ga_*\nUsed by Google Analytics to keep a session.\nProvider\nexample.com\nType\nHTTP Cookie\nMaximum storage duration\n1 year\n",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["timezone", "_ga_*"]);
        assert_eq!(got[0].1.len(), 4);
        assert_eq!(got[0].1[3], (Some(Role::Duration), "1 year".to_string()));
    }

    /// A card whose name's label is not its first keeps the labels before it, unless
    /// the next card repeats those after the name and none before it: then they were
    /// the labels of the service's block the cards stand in (`Processing Company`,
    /// `Data Purposes`), and the card starts at its name's label.
    #[test]
    fn labels_before_the_name_that_the_next_card_lacks_are_the_block_s() {
        let cards = "Cookies\ntd\nDuration\nSession\nDescription\nCounts visits.\n\
                     __asc\nDuration\n1 year\nDescription\nKeeps a widget closed.\n";
        let got = names_and_fields(&format!(
            "Processing Company\nVelqora Inc.\nData Purposes\nAnalytics\n{cards}"
        ));
        assert_eq!(got, names_and_fields(cards));
        assert_eq!(got[0].0, "td");
        assert!(
            got[0].1.iter().all(|f| f.0 != Some(Role::Provider)),
            "{got:?}"
        );
        // the next card repeats a label from before the name: one cookie's labels
        let got = names_and_fields(
            "Purpose\nCounts visits.\nName\n_vq_id\nExpiry\n2 years\n\
             Name\n_vq_ses\nPurpose\nKeeps a session.\nExpiry\n1 day\n",
        );
        assert_eq!(got[0].0, "_vq_id");
        assert!(got[0]
            .1
            .contains(&(Some(Role::Purpose), "Counts visits.".to_string())));
        // the last card of its run: nothing to compare with, the labels stay
        let got = names_and_fields("Purpose\nCounts visits.\nName\n_vq_id\nExpiry\n2 years\n");
        assert_eq!(got[0].1.len(), 2, "{got:?}");
    }

    /// A sure name alone under a head that is none makes the head a service's over the
    /// card, which starts at the name.
    #[test]
    fn a_sure_name_under_a_head_is_the_card_s() {
        let got = names_and_fields(
            "Velqora\nWe use Velqora for statistics.\nCookies placed\n_vq_id\nExpiration\n\
             2 years\nFunction\nCounts visits.\n",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["_vq_id"]);
        // a head with a description and no name under it stays a card
        let got = names_and_fields(
            "vq_pref\nRemembers the language.\nProvider\nVelqora\nExpiration\n1 year\n",
        );
        assert_eq!(got[0].0, "vq_pref");
    }

    #[test]
    fn a_service_block_is_no_card() {
        assert!(names_and_fields(
            "HubSpot\nWe use HubSpot.\nProvider\nHubSpot Inc.\nType\nMarketing\n"
        )
        .is_empty());
        // no lifetime label: no name-led card
        assert!(names_and_fields("session\nProvider\nexample.com\nType\nHTTP\n").is_empty());
    }
}
