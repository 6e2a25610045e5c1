//! Key-value blocks: one cookie per block of `Key: value` lines.
//!
//! ```text
//! block        = start { kv_line | continuation | blank }
//! start        = kv_line(name key) | name_line kv_line(other key)
//! kv_line      = key [spaces] ":" [spaces] value     (key: a header word of any language)
//!              | key " - " value                    (a capitalised key; also `–`, `—`)
//!              | label ":" value                    (a label the document taught:
//!                                                    `super::labels`)
//! name_line    = a line holding only cookie names    (`CookieConsent`, then `Tipo: ...`)
//! continuation = a line with no key: continues the value above
//! ```
//! Repeated keys (`Purpose:` twice) accumulate; the French space before the colon
//! (`Nom :`) is allowed; a key with a one-letter typo (`Purpsoe:`) is still read.

use crate::chars::CharClass;
use nom::bytes::complete::{take_till1, take_while};
use nom::character::complete::char;
use nom::sequence::terminated;
use nom::{IResult, Parser};

use super::context::is_heading;
use super::labels::Learned;
use super::{frag, Context, RawDoc, RawRecord};
use crate::fields::names::{is_and_joiner, is_known, is_name_shaped, is_strong_name, is_wildcard};
use crate::fields::text::{more_words_than, recent, word_count_upto, Recent};
use crate::segment::{Line, LineKind};
use crate::vocab::{vocab, Role};

/// `key [spaces] ":"`: the key of a key-value line (at most 40 bytes, no colon).
fn key(input: &str) -> IResult<&str, &str> {
    terminated(take_till1(|c| c == ':' || c == '\t' || c == '|'), char(':')).parse(input)
}

/// [`key`] when its key is at most 40 bytes, reading no further than that: a line of
/// prose is not scanned to its end for a colon (every reader asks about every line).
/// `key` on the first 41 bytes finds a key of at most 40 bytes, and its colon, as it
/// would on the whole text (the colon is ASCII: a char boundary follows it); a longer
/// key or none fails either way.
fn short_key(t: &str) -> Option<(&str, &str)> {
    let mut cut = t.len().min(41);
    while !t.is_char_boundary(cut) {
        cut -= 1;
    }
    let (_, k) = key(&t[..cut]).ok()?;
    (k.len() <= 40).then(|| (&t[k.len() + 1..], k))
}

/// A key-value line: its key text, role, and value (a slice of the line).
///
/// Most readers ask it of the line they start at (the spaced, list, tab and
/// key-value readers each turn a `Key: value` line away or take it), so one line is
/// asked four or five times in a row: the last few answers are remembered, as
/// offsets into the text (the same text gives the same slices of itself).
pub(crate) fn kv_line(text: &str) -> Option<(&str, Role, &str)> {
    type At = Option<((usize, usize), Role, (usize, usize))>;
    thread_local! {
        static RECENT: std::cell::RefCell<crate::fields::text::Recent<At, 4>> =
            std::cell::RefCell::default();
    }
    // a key ends at a colon and a two-cell row splits at a tab: a line with neither
    // (most lines of prose, every name alone on its line) is no pair, turned away
    // by two byte searches before the memo is asked (which compares and copies texts)
    if !has_pair_byte(text) {
        return None;
    }
    let found = crate::fields::text::recent(&RECENT, text, |t| {
        kv_line_uncached(t).map(|(k, role, v)| {
            let start = |piece: &str| piece.as_ptr() as usize - t.as_ptr() as usize;
            (
                (start(k), start(k) + k.len()),
                role,
                (start(v), start(v) + v.len()),
            )
        })
    });
    found.map(|((ks, ke), role, (vs, ve))| (&text[ks..ke], role, &text[vs..ve]))
}

/// Whether `text` holds a `:`, a tab, or (after a capital) a spaced dash close
/// enough to its start to end a key ([`dash_at`]), without which
/// [`kv_line_uncached`] finds no pair (its tab row splits at a tab, its key ends at a
/// colon or a capitalised key at a dash).
/// (A short line is scanned byte by byte: `memchr2`'s set-up costs more than that.)
pub(crate) fn has_pair_byte(text: &str) -> bool {
    let b = text.as_bytes();
    let colon_or_tab = if b.len() <= 32 {
        b.iter().any(|&c| c == b':' || c == b'\t')
    } else {
        memchr::memchr2(b':', b'\t', b).is_some()
    };
    colon_or_tab || {
        // (a key is capitalised: most lines of prose are turned away by their first
        // letter before the dash is looked for)
        let t = key_start(text);
        starts_upper(t) && dash_at(t).is_some()
    }
}

/// `text` from where a key may start: after leading spaces and bullets (`- `, `• `,
/// `* `, `· `). A line that starts with an ASCII letter is returned as it is.
pub(crate) fn key_start(text: &str) -> &str {
    let b = text.as_bytes();
    let mut p = 0;
    // (bytes, not chars: nearly every line starts with a letter at once)
    while p < b.len() {
        p += match b[p..] {
            [b' ' | b'-' | b'*', ..] => 1,
            // no-break space, middle dot
            [0xC2, 0xA0 | 0xB7, ..] => 2,
            // bullet
            [0xE2, 0x80, 0xA2, ..] => 3,
            _ => break,
        };
    }
    &text[p..]
}

/// Whether `t` starts with a capital letter (an ASCII byte is tested as a byte).
pub(crate) fn starts_upper(t: &str) -> bool {
    match t.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => t.chars().next().is_some_and(char::is_uppercase),
        None => false,
    }
}

/// The longest key a spaced dash ends (`Nom du cookie - _ga`): as for a colon's.
const DASH_KEY_MAX: usize = 40;

/// Where a spaced dash (` - `, ` – `, ` — `) stands in `t` after a key of at most
/// [`DASH_KEY_MAX`] bytes, with the dash's length in bytes: `Name - _ga`,
/// `Durée de conservation – 13 mois`. The first one only.
pub(crate) fn dash_at(t: &str) -> Option<(usize, usize)> {
    let b = t.as_bytes();
    let window = &b[..b.len().min(DASH_KEY_MAX + 2)];
    let mut from = 1;
    // a dash's first byte (`-`, or the lead byte of `–` and `—`), then its neighbours
    while let Some(q) = memchr::memchr2(b'-', 0xE2, window.get(from..)?) {
        let p = from + q;
        if b[p - 1] == b' ' {
            let dash = match b[p..] {
                [b'-', b' ', ..] => Some(1),
                [0xE2, 0x80, 0x93 | 0x94, b' ', ..] => Some(3),
                _ => None,
            };
            if let Some(n) = dash {
                return Some((p, n));
            }
        }
        from = p + 1;
    }
    None
}

/// A bullet, a space or a tab: what may stand before a list item's text (not the
/// stars of bold).
fn is_indent(c: char) -> bool {
    c == '\t' || (c != '*' && crate::chars::is_bullet_or_space(c))
}

/// [`kv_line`] without the memo.
fn kv_line_uncached(text: &str) -> Option<(&str, Role, &str)> {
    // a known key and a tab with nothing after it (`Cookies⇥`): the pair's value left
    // empty, as `Cookies:` leaves it
    if let Some(k) = text.trim_end_matches(' ').strip_suffix('\t') {
        let k = k.trim();
        if !k.is_empty() && k.len() <= 40 && !k.contains(['\t', ':']) {
            return vocab().field(k).map(|role| (k, role, &text[text.len()..]));
        }
    }
    // a list item's bullet and the tab after it (`●⇥Provider: Google`, as word
    // processors copy a list; `⇥- Provider: Google`, an item indented by a tab)
    let lead = text.len() - text.trim_start_matches(is_indent).len();
    let text = if text[..lead].contains('\t') {
        &text[lead..]
    } else {
        text
    };
    // a two-cell table row used as a key-value pair (`Name⇥_ga`, `Expiration⇥2 years`)
    if let Some((k, v)) = text.trim().split_once('\t') {
        let (k, v) = (k.trim(), v.trim_matches(['\t', ' ']));
        // … unless its first cell is a pair itself (`Maximum Storage Duration: 1
        // year⇥Type: HTTP Cookie`: pairs copied from cells side by side, the next
        // one cut off by `split_pairs`)
        if !k.contains(':') {
            if !v.contains('\t') && !k.is_empty() && !v.is_empty() && k.len() <= 40 {
                return vocab().field(k).map(|role| (k, role, v));
            }
            return None;
        }
    }
    let t = text.trim_start_matches(crate::chars::is_bullet_or_space);
    let (rest, k, role) = colon_key(t).or_else(|| dash_key(t))?;
    // a bold key (`**Provider:** Google`): the closing stars stand before the value;
    // a line bold as a whole (`**Cookies: Keine**`): they end it
    let bold = text.trim_start().starts_with("**");
    let rest = if text.trim_start().starts_with('*') {
        let value = rest.trim_start_matches('*');
        match value.trim_end().strip_suffix("**") {
            Some(inner) if bold && value.len() == rest.len() && !inner.contains("**") => inner,
            _ => value,
        }
    } else {
        rest
    };
    let (value, _) =
        take_while::<_, _, nom::error::Error<&str>>(|c: char| c == ' ' || c == '\u{a0}')
            .parse(rest)
            .ok()?;
    Some((k.trim().trim_matches('*').trim(), role, value))
}

/// `Key: rest` with a known key (or one a typo away from one): the rest after the
/// colon, the key, its role.
fn colon_key(t: &str) -> Option<(&str, &str, Role)> {
    let (rest, k) = short_key(t)?;
    if more_words_than(k, 6) || rest.starts_with("//") {
        return None;
    }
    let role = vocab().field(k).or_else(|| fuzzy_key(k))?;
    // a key of five or six words is a lifetime's (`Durée de vie maximale de
    // stockage`); other roles' keys that long are sentences (`Diese Website verwendet
    // die folgenden Cookies:`)
    if more_words_than(k, 4) && role != Role::Duration {
        return None;
    }
    Some((rest, k, role))
}

/// `Key - rest` with a known, capitalised key, written as it is listed (no typo: a
/// dash joins much else, `Google Analytics - web statistics`): the rest after the
/// dash, the key, its role.
fn dash_key(t: &str) -> Option<(&str, &str, Role)> {
    let (p, n) = dash_at(t)?;
    let k = t[..p].trim_end();
    if !starts_upper(k) || more_words_than(k, 4) {
        return None;
    }
    let role = vocab().field(k)?;
    Some((&t[p + n..], k, role))
}

/// Where a second `Label: value` pair starts inside a value, glued to it
/// (`1 year**Type** : HTTP Cookie`, `SessionType: HTTP Cookie`): the byte where the
/// value ends, the key, its role, and where the next value starts. A key starts after
/// `**`, or at a capital glued to the letter or digit before it; it is a header of any
/// language followed by a colon.
fn glued_key(value: &str) -> Option<(usize, &str, Role, usize)> {
    let mut prev = ' ';
    for (q, c) in value.char_indices() {
        let bold = c == '*' && value[q..].starts_with("**") && prev != '*' && q > 0;
        // (or after a tab: `Maximum Storage Duration: 1 year⇥Type: HTTP Cookie`, pairs
        // copied from cells side by side)
        let glued = c.is_uppercase()
            && (prev.is_lowercase() || prev.is_ascii_digit() || prev == ')' || prev == '\t');
        prev = c;
        if !(bold || glued) {
            continue;
        }
        let rest = value[q..].trim_start_matches('*');
        // the key is within the next 48 bytes (cut on a character boundary)
        let mut lim = rest.len().min(48);
        while !rest.is_char_boundary(lim) {
            lim -= 1;
        }
        let Some(colon) = rest[..lim].find(':') else {
            continue;
        };
        let k = rest[..colon].trim().trim_end_matches('*').trim();
        if k.is_empty() || k.contains(['\t', '|', '.', ',']) || more_words_than(k, 4) {
            continue;
        }
        let Some(role) = vocab().field(k) else {
            continue;
        };
        let key_start = value.len() - rest.len() + rest.find(k).unwrap_or(0);
        let after = value.len() - rest.len() + colon + 1;
        let v = value[after..].trim_start_matches([' ', '\u{a0}']);
        let _ = key_start;
        return Some((
            q,
            &value[key_start..key_start + k.len()],
            role,
            value.len() - v.len(),
        ));
    }
    None
}

/// Every `Label: value` pair of a line whose first pair is `(k, role, value)`: the
/// value cut where a glued key starts (cards that lost their line breaks).
pub(crate) fn split_pairs<'a>(
    k: &'a str,
    role: Role,
    value: &'a str,
) -> Vec<(&'a str, Role, &'a str)> {
    let mut out = Vec::new();
    let (mut k, mut role, mut value) = (k, role, value);
    while out.len() < 16 {
        match glued_key(value) {
            Some((cut, k2, r2, v2)) => {
                out.push((k, role, value[..cut].trim_end()));
                (k, role, value) = (k2, r2, &value[v2..]);
            }
            None => break,
        }
    }
    out.push((k, role, value));
    out
}

/// A link's row of a box: a label no table need list, a tab or a colon, and a web
/// address alone (`Privacy Policy⇥https://…`, `Datenschutzerklärung: https://…`).
fn link_pair(text: &str) -> Option<(&str, &str)> {
    // (the address is the line's end: most lines hold none, and are turned away by
    // one byte search)
    let at = crate::fields::text::find_short(text, "://")
        .or_else(|| crate::fields::text::find_short(text, "www."))?;
    let sep = text[..at].rfind(['\t', ':'])?;
    let (key, value) = (text[..sep].trim(), text[sep + 1..].trim());
    (super::cards::link_label(key) && super::cards::is_web_address(value)).then_some((key, value))
}

/// Whether a name key speaks of cookies (`Cookie Name`, `Nom du cookie`), in a
/// compound too (`Cookienaam`, `Cookiename`): the key a service's box names its
/// cookies with, after a `Name` key that named the service.
pub(crate) fn key_names_cookies(key: &str) -> bool {
    vocab().mentions_cookies(key)
        || key.split_whitespace().next().is_some_and(|w| {
            w.len() > 6 && w.get(..6).is_some_and(|c| c.eq_ignore_ascii_case("cookie"))
        })
}

/// A card's head line in plain text: a cookie name, then a tab or a space, then its
/// description (`svid⇥Used to relate preferences`, `svid Used to relate
/// preferences`), right above a lifetime key (`Maximum Storage Duration: 13 months`):
/// a consent platform's cards copied with the name and text side by side. The place
/// says it is a name, whatever its shape, when it is one token no vocabulary reads as
/// a header, category, lifetime or vendor ([`super::cards::card_head`]). Returns the
/// name and the description.
fn plain_name_line<'a>(
    lines: &[Line<'a>],
    i: usize,
    learned: &Learned,
) -> Option<(&'a str, &'a str)> {
    // (the lifetime key under the line is asked first: most lines have none, and
    // are turned away before their words are read or looked up)
    let next = lines
        .get(i + 1)
        .filter(|l| memchr::memchr(b':', l.text.as_bytes()).is_some())?;
    if !matches!(pair(next.text, learned), Some((_, Role::Duration, _))) {
        return None;
    }
    let first = &lines[i];
    let t = first.text.trim();
    let (name, description) = match first.kind {
        LineKind::Tab => {
            let (a, b) = t.split_once('\t')?;
            (a.trim(), b.trim())
        }
        // (after a space, the text opens with a capital, and the name is no word:
        // `Luogo del trattamento: …` or `Villa Olimpia – …` over a lifetime key are
        // prose)
        LineKind::Text => {
            let (a, b) = t.split_once(' ')?;
            let capitalised =
                a.starts_with(char::is_uppercase) && a.chars().skip(1).all(char::is_lowercase);
            let word = capitalised || crate::fields::repair::is_any_language_word(a);
            if word || !b.starts_with(char::is_uppercase) {
                return None;
            }
            (a, b)
        }
        _ => return None,
    };
    if !more_words_than(description, 2) || description.contains('\t') || pair(t, learned).is_some()
    {
        return None;
    }
    let head = super::cards::card_head(name).filter(|h| *h == name)?;
    Some((head, description))
}

/// A card's head line: a cookie name in bold, then its description on the same line
/// (`**_ga** Registers a unique ID …`). Returns the name and the description.
fn bold_name_line(text: &str) -> Option<(&str, &str)> {
    let t = text.trim_start_matches(|c| c != '*' && crate::chars::is_bullet_or_space(c));
    let inner = t.strip_prefix("**")?;
    let close = inner.find("**")?;
    let name = inner[..close].trim();
    // a structural name slot: any one name-shaped token (`bcookie`, `connect.sid`), or
    // a line of names; never a header word or a category title (`**Necessary**`)
    let first = name.split_whitespace().next().unwrap_or("");
    let marker = name[first.len()..].trim();
    // (Cookiebot writes a name's variants after a `|`: `_wixAB3|#-#-#-#-#`; inside
    // the bold marks it is part of the name)
    let shaped = first.split('|').all(|p| !p.is_empty() && is_name_shaped(p))
        && first
            .split('|')
            .next()
            .is_some_and(|p| p.chars().any(crate::chars::is_alphabetic));
    let one = shaped && (marker.is_empty() || (marker.starts_with("[x") && marker.ends_with(']')));
    if name.is_empty()
        || !(one || is_name_line(name))
        || vocab().field(name).is_some()
        || vocab().find_category(name).is_some()
    {
        return None;
    }
    Some((name, inner[close + 2..].trim()))
}

/// A key with one typo (`Purpsoe`, `Durée de conservaton`): one edit (insertion,
/// deletion, substitution, transposition) away from a known key of six letters or more.
pub(crate) fn fuzzy_key(k: &str) -> Option<Role> {
    let k = crate::fields::text::match_form(k);
    let len = k.chars().count();
    let first = k.chars().next()?;
    if len < 6 {
        return None;
    }
    // only keys with the same first letter and a length one apart can be one edit away
    (len - 1..=len + 1)
        .filter_map(|l| vocab().fields_by_shape(first, l))
        .flatten()
        .filter(|(phrase, _)| *phrase == k || crate::vocab::one_edit(&k, phrase))
        // the same answer in every process, whatever the map's order
        .min_by_key(|(phrase, _)| phrase.as_str())
        .map(|(_, role)| *role)
}

/// `Label: value` with a label no vocabulary needs to know: one to three capitalised
/// words (no digits, no sentence), a colon or a spaced dash ([`dash_at`]), a value.
/// Only read inside a block that known keys make a key-value block.
pub(crate) fn loose_kv(text: &str) -> Option<(&str, &str)> {
    let t = text.trim_start_matches(crate::chars::is_bullet_or_space);
    let (k, v) = match t.split_once(':') {
        Some(kv) => kv,
        None => {
            let (p, n) = dash_at(t)?;
            (&t[..p], &t[p + n..])
        }
    };
    let k = k.trim().trim_matches('*').trim();
    let v = v.trim();
    let words = word_count_upto(k, 4);
    if !(1..=3).contains(&words)
        || v.is_empty()
        || v.starts_with("//")
        || !k.starts_with(char::is_uppercase)
        || k.contains(|c: char| {
            c.is_ascii_digit() || matches!(c, '.' | ',' | '(' | '_' | '\t' | '|')
        })
    {
        return None;
    }
    Some((k, v))
}

/// A line holding only cookie names (one to four tokens, at least one sure).
pub(crate) fn is_name_line(text: &str) -> bool {
    thread_local! {
        static RECENT: std::cell::RefCell<Recent<bool, 8>> = std::cell::RefCell::default();
    }
    recent(&RECENT, text, name_line_uncached)
}

/// [`is_name_line`] without the memo.
fn name_line_uncached(text: &str) -> bool {
    let heading = crate::fields::text::strip_md_heading(text);
    let bare = crate::fields::text::strip_section_number(heading);
    // under a section's number, a known name that is also a word of a language
    // (`3. Consent`) is a section's heading; other names are a cookie's (`1.2 _ga`)
    let numbered = bare.len() != heading.len();
    // (a heading set in bold, `**Cookies**`, is no wildcard)
    let t = crate::fields::text::strip_emphasis(bare.trim().trim_end_matches(':').trim());
    if t.is_empty() || t.len() > 100 {
        return false;
    }
    // at most four tokens, kept on the stack (a fifth ends the test: most lines asked
    // are sentences)
    let mut kept = [""; 4];
    let mut n = 0;
    for w in listed_tokens(t) {
        let Some(slot) = kept.get_mut(n) else {
            return false;
        };
        *slot = w;
        n += 1;
    }
    let toks = &kept[..n];
    !toks.is_empty()
        && toks.iter().all(|w| is_name_shaped(w))
        && toks.iter().any(|w| {
            // (the capital before the lookup: most tokens have none, and the lookup
            // lower-cases and hashes the token; both tests are pure)
            is_strong_name(w)
                || is_wildcard(w)
                || (w.chars().any(|c| c.is_uppercase())
                    && is_known(w)
                    && !(numbered && crate::fields::repair::is_any_language_word(w)))
        })
}

/// The tokens of a line that may list names: apart by spaces and commas, without
/// joining words (`and`, `et`) or a slash between names (`__gads / __gpi`).
fn listed_tokens(t: &str) -> impl Iterator<Item = &str> {
    t.split([' ', ','])
        .filter(|w| !w.is_empty() && *w != "/" && !is_and_joiner(w))
}

/// A line in a block's name slot (right before its keys): a name line, or one token
/// built like an identifier that no dictionary needs to know (`nest-haus-session`,
/// `campaign-tracking`): hyphens, underscores, dots, digits or inner capitals, and no
/// label, category, lifetime or vendor's name; or one set as code (`` `YSC` ``) or
/// written in one case (`trc`, `QCQQ`). A plain capitalised word (`Newsletter`)
/// stays a heading.
fn slot_name_line(text: &str) -> bool {
    let (slot, _) = name_slot(text);
    // a list item of letters alone in both cases is a service's title over its
    // cookies' items (`* PelvynvelForms`) unless it is a name known as such
    let item = !text.trim_start().starts_with(slot);
    let titled = slot.chars().all(char::is_alphabetic)
        && slot.chars().any(char::is_uppercase)
        && slot.chars().any(char::is_lowercase);
    if item && titled {
        return is_name_line(slot);
    }
    slot_line(slot)
}

/// A name slot's line without what is no part of the name: a list item's bullet
/// (`- _ga`, `• _ga`, `* _ga`, `●⇥_ga`; not the stars of bold) and a bracketed aside that closes the
/// line after the name (`_ga (Google)`, `- _ga (2 years)`), returned beside it.
/// `(_ga)` alone, or an aside holding brackets, is left as written.
fn name_slot(text: &str) -> (&str, Option<&str>) {
    let t = text.trim_start_matches(is_indent).trim_end();
    let t = t.strip_prefix("* ").map_or(t, str::trim_start);
    // (a bullet needs a space or tab after it: `-_ga` stays as written)
    let t = if t.len() < text.trim_end().len()
        && !text[..text.trim_end().len() - t.len()].ends_with([' ', '\u{a0}', '\t'])
    {
        text.trim()
    } else {
        t
    };
    let aside = closing_brackets(t).filter(|&(o, _)| o > 0 && t[..o].ends_with(' '));
    match aside {
        Some((o, inner)) => (t[..o].trim_end(), Some(inner.trim())),
        None => (t, None),
    }
}

/// The brackets that close `t` (`_ga (Google)`, `(2 years)`): where the bracket
/// opens, and what it holds as written; none when that holds a bracket itself.
fn closing_brackets(t: &str) -> Option<(usize, &str)> {
    let body = t.strip_suffix(')')?;
    let open = body.rfind('(')?;
    let inner = &body[open + 1..];
    (!inner.contains(')')).then_some((open, inner))
}

/// A name's bracketed aside (`_ga (Google)`, `**_ga** (2 years)`) on `rec`, read part
/// by part ([`super::prose::name_aside`]): a provider, a lifetime, a description.
fn push_aside<'a>(rec: &mut RawRecord<'a>, line: &Line<'a>, inner: &'a str) {
    for (role, value) in super::prose::name_aside(inner) {
        rec.push(Some(role), "qualifier", frag(line, value));
    }
}

/// [`slot_name_line`] of a line without bullet or aside.
fn slot_line(text: &str) -> bool {
    if is_name_line(text) || names_then_gloss(text) {
        return true;
    }
    let Some(t) = super::cards::card_head(text) else {
        return false;
    };
    // a token the writer set as code (`` ### `YSC` ``), or one no heading is written as:
    // all lower case (`trc`) or all capitals (`QCQQ`); one letter so written only when
    // set in bold (`**d**`: a card's name, where a plain `d` may count a list)
    let marked = crate::fields::text::strip_heading_marks(text).trim();
    let code = {
        let bare = marked.trim_matches('*');
        bare.len() > 2 && bare.starts_with('`') && bare.ends_with('`')
    };
    let bold = marked.len() > 4 && marked.starts_with("**") && marked.ends_with("**");
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let one_case = (letters >= 2 || (bold && letters == 1))
        && (t.chars().all(|c| !c.is_uppercase()) || t.chars().all(|c| !c.is_lowercase()));
    !t.contains(char::is_whitespace)
        && (code
            || one_case
            || t.contains(['_', '-', '.', '[', '*'])
            || t.chars().any(|c| c.is_ascii_digit())
            || t.chars().skip(1).any(char::is_uppercase) && t.chars().any(char::is_lowercase))
}

/// A list of names, then a joining word and a few words about more of them
/// (`_clck, _clsk e identificadores do Clarity`, `_ga, _gid and other Google
/// cookies`): a table's name cell copied as a card's name line. Before the joiner,
/// two or more names apart by commas, each sure ([`is_strong_name`]); after it, one
/// to four words.
fn names_then_gloss(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 100 || !t.contains(',') {
        return false;
    }
    let mut words = t.split(' ').filter(|w| !w.is_empty());
    let mut names = 0;
    for w in words.by_ref() {
        if is_and_joiner(w) {
            break;
        }
        let name = w.strip_suffix(',').unwrap_or(w);
        if !is_strong_name(name) {
            return false;
        }
        names += 1;
    }
    let gloss = words.count();
    names >= 2 && (1..=4).contains(&gloss)
}

/// Whether `text` is a key line whose key is a field's other than the name
/// (`Provider: Google`, `Duration: 1 year`).
fn other_key(text: &str, learned: &Learned) -> bool {
    matches!(pair(text, learned), Some((_, r, _)) if r != Role::Name)
}

/// The most cards [`named_like_its_siblings`] walks past on each side to find one
/// whose name is sure.
const SIBLING_CARDS: usize = 3;

/// The most key lines a card holds for [`named_like_its_siblings`] (a card of more is
/// no card of a list).
const CARD_KEYS: usize = 12;

/// A line that may be a card's name when the cards around it say so: one to four
/// name-shaped tokens (`session`, `m`, `Uetsid, uetvid`), no field's header. One
/// capitalised word (`Newsletter`) stays a heading whatever is around it: a section's
/// title over what it says in keys reads so.
fn slot_candidate(text: &str) -> bool {
    let t = crate::fields::text::strip_heading_marks(text.trim());
    let t = crate::fields::text::strip_emphasis(t.trim());
    let mut n = 0;
    for w in listed_tokens(t) {
        n += 1;
        if n > 4 || !is_name_shaped(w) {
            return false;
        }
    }
    let titled = n == 1 && {
        let mut c = t.chars();
        c.next().is_some_and(char::is_uppercase) && c.all(char::is_lowercase)
    };
    // (a header listed whole, `Cookie`, `Name`; the words of one are no test here:
    // names are built of them, `cookies-analytics`)
    n > 0 && !titled && vocab().field_listed(t).is_none()
}

/// A card of a list ([`card_at`]): the line naming it, its keys (folded) in order,
/// and the line after them.
struct Card {
    head: usize,
    keys: Vec<String>,
    end: usize,
}

impl Card {
    /// Whether two cards are built alike: one opens with a key the other has (a
    /// card may leave out a line its neighbours hold, a provider's most often).
    fn alike(&self, other: &Card) -> bool {
        other.keys.contains(&self.keys[0]) || self.keys.contains(&other.keys[0])
    }

    /// Whether its name is sure by itself ([`slot_name_line`]): asked only of a
    /// neighbour built alike.
    fn sure(&self, lines: &[Line<'_>]) -> bool {
        slot_name_line(lines[self.head].text)
    }
}

/// The card named on line `k`: a line that may be a name ([`slot_candidate`]), then,
/// past blank lines, a run of key lines the first of which is no name key.
fn card_at(lines: &[Line<'_>], k: usize, learned: &Learned) -> Option<Card> {
    let line = lines.get(k)?;
    if line.kind != LineKind::Text || !slot_candidate(line.text) {
        return None;
    }
    let at = super::next_filled(lines, k + 1)?;
    let mut keys = Vec::new();
    let mut end = at;
    while end < lines.len() && end - at < CARD_KEYS {
        match pair(lines[end].text, learned) {
            Some((key, r, _)) if r != Role::Name => {
                keys.push(crate::fields::text::match_form(key));
            }
            _ => break,
        }
        end += 1;
    }
    (!keys.is_empty()).then_some(Card { head: k, keys, end })
}

/// Whether line `i`, which no test reads as a name by itself (a word, `session`,
/// `preferences`; one letter, `m`; names no list knows, `Uetsid, uetvid`), names a
/// card because the cards around it are built the same way: a name alone on its
/// line, then key lines, the cards [alike](Card::alike), and one of them, at most
/// [`SIBLING_CARDS`] cards away past cards of the same build, has a name that is
/// sure by itself. The list's build is the evidence: a lone card (`MATOMO` over its
/// keys) or a list of category headings over keyed descriptions (`Necessary` /
/// `Purpose: …`, whose titles no card makes sure) is no card list.
fn named_like_its_siblings(lines: &[Line<'_>], i: usize, learned: &Learned) -> bool {
    let Some(card) = card_at(lines, i, learned) else {
        return false;
    };
    // the cards after it (past one line between two, a section's heading or what
    // it says)
    let mut k = card.end;
    for _ in 0..SIBLING_CARDS {
        let Some(next) = super::next_filled(lines, k) else {
            break;
        };
        let found = card_at(lines, next, learned).or_else(|| {
            let after = super::next_filled(lines, next + 1)?;
            card_at(lines, after, learned)
        });
        match found {
            Some(other) if other.alike(&card) => {
                if other.sure(lines) {
                    return true;
                }
                k = other.end;
            }
            _ => break,
        }
    }
    // the cards before it: past blank lines, then back over key lines to the line
    // that names their card
    let filled_before = |at: usize| (0..at).rev().find(|&p| !lines[p].is_blank());
    let mut start = i;
    for _ in 0..SIBLING_CARDS {
        let Some(mut last) = filled_before(start) else {
            return false;
        };
        // (past one line that holds no key: a section's heading)
        if pair(lines[last].text, learned).is_none() {
            let Some(before) = filled_before(last) else {
                return false;
            };
            last = before;
        }
        let mut head = last;
        while head > 0 && last - head < CARD_KEYS && other_key(lines[head].text, learned) {
            head -= 1;
        }
        match card_at(lines, head, learned) {
            Some(other) if other.end == last + 1 && other.alike(&card) => {
                if other.sure(lines) {
                    return true;
                }
                start = head;
            }
            _ => return false,
        }
    }
    false
}

/// What the line under a card's name says of it ([`described_name`]).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Under {
    /// What the cookie does (`This cookie is used to …`).
    Description,
    /// Its storage type, with no key (`Cookie`, `HTTP Cookie`, `Local Storage`).
    Type,
}

/// A card's name on line `i` with one line describing it after, then a lifetime key,
/// or with its storage type after, then any key ([`parse`]'s plain-text cards: `obuid`
/// / `Cookie` / `Duration: 3 months`): the name, the line under it and what that
/// line says.
fn described_name<'a>(
    lines: &[Line<'a>],
    i: usize,
    learned: &Learned,
) -> Option<(&'a str, usize, Under)> {
    let first = &lines[i];
    if first.kind != LineKind::Text {
        return None;
    }
    let at = super::next_filled(lines, i + 1)?;
    let next = &lines[at];
    let after = super::next_filled(lines, at + 1)?;
    let key_after = pair(lines[after].text, learned);
    let under = if matches!(key_after, Some((_, Role::Duration, _)))
        && next.kind == LineKind::Text
        && more_words_than(next.text, 3)
        && pair(next.text, learned).is_none()
        && !is_name_line(next.text)
    {
        Under::Description
    } else if matches!(key_after, Some((_, r, _)) if r != Role::Name)
        && next.kind == LineKind::Text
        && super::cards::is_type_line(next.text)
    {
        Under::Type
    } else {
        return None;
    };
    let head = super::cards::card_head(first.text).filter(|h| !h.contains(char::is_whitespace))?;
    (!is_compound_title(head) && !super::context::said_to_be_service(head, next.text))
        .then_some((head, at, under))
}

/// A capitalised word of letters that is two listed words glued, no listed word
/// itself (`Speicherinformationen` over what the storage section says): a title,
/// not a cookie's name (`Player` is one; `CookieConsent`, in camel case, too).
fn is_compound_title(head: &str) -> bool {
    let mut rest = head.chars();
    rest.next().is_some_and(char::is_uppercase) && rest.all(|c| c.is_ascii_lowercase()) && {
        let lower = head.to_lowercase();
        crate::fields::repair::is_two_words_glued(&lower)
            && !crate::fields::repair::is_any_language_word(&lower)
    }
}

/// A whole record on one line: `Name: _ga | Provider: Google | Expiry: 2 years`, the
/// pairs separated by `|`, `;`, `•` (…) or, after a listed first key, by a comma
/// (`Name: _fbp, Anbieter: Meta, Speicherdauer: 3 Monate`), the first naming the
/// cookie.
fn one_line_record<'a>(line: &Line<'a>, ctx: &Context) -> Option<RawRecord<'a>> {
    let text = line.text;
    if !text.contains(':') {
        return None;
    }
    if !text.contains(PAIR_SEPARATORS) {
        return flattened_record(line, ctx);
    }
    separated_record(line, ctx).or_else(|| flattened_record(line, ctx))
}

/// [`one_line_record`] of a line whose pairs a separator sets apart.
fn separated_record<'a>(line: &Line<'a>, ctx: &Context) -> Option<RawRecord<'a>> {
    let text = line.text;
    // a first label no table lists (`Denominación: pcc2; Expiración: …`) is taken
    // for the name's, tested below by what follows it
    let (first, unlisted) = match kv_line(text) {
        Some(pair) => (pair, false),
        None => {
            let (k, v) = loose_kv(text)?;
            ((k, Role::Name, v), true)
        }
    };
    let mut pairs = vec![first];
    // a separator starts the next pair only where a key follows it; elsewhere it
    // belongs to the value (`Purpose: sign-in; fraud checks | Expiry: 1 year`, `Name:
    // _ga, _gid, Provider: Google`); a comma only after a listed first key (a line of
    // prose with a colon and commas is not read pair by pair)
    for (p, c) in text.match_indices(PAIR_SEPARATORS) {
        if c == "," && unlisted {
            continue;
        }
        let after = &text[p + c.len()..];
        let Some(last) = pairs.last_mut() else { break };
        let value_start = last.2.as_ptr() as usize - text.as_ptr() as usize;
        if p < value_start {
            continue;
        }
        if let Some((k, role, v)) = kv_line(after).filter(|(_, _, v)| !v.trim().is_empty()) {
            last.2 = &text[value_start..p];
            pairs.push((k, role, v));
        }
    }
    // the unlisted label names the cookie when two listed keys or more follow, none
    // of them the name's, and its value is one name-shaped token
    if unlisted {
        let value = pairs[0].2.trim();
        if pairs.len() < 3
            || pairs[1..].iter().any(|p| p.1 == Role::Name)
            || value.contains(char::is_whitespace)
            || !is_name_shaped(value)
        {
            return None;
        }
    }
    record_of_pairs(line, ctx, &pairs)
}

/// The record of a line's `Label: value` pairs: one of them, and one only, names the
/// cookie (four words at most), and another says something of it.
fn record_of_pairs<'a>(
    line: &Line<'a>,
    ctx: &Context,
    pairs: &[(&'a str, Role, &'a str)],
) -> Option<RawRecord<'a>> {
    let mut names = pairs.iter().filter(|(_, role, _)| *role == Role::Name);
    let (_, _, name) = *names.next()?;
    if pairs.len() < 2
        || names.next().is_some()
        || name.trim().is_empty()
        || more_words_than(name, 4)
    {
        return None;
    }
    let mut rec = RawRecord::new(frag(line, name.trim()), line.span(), ctx);
    rec.name_cell = true;
    for &(k, role, value) in pairs {
        if role != Role::Name {
            rec.push(Some(role), k, frag(line, value.trim()));
        }
    }
    Some(rec)
}

/// Pairs a [`flattened_record`] needs at least: a name and two other keys.
const FLATTENED_PAIRS: usize = 3;

/// A card whose lines were joined by spaces (a page or PDF that lost its line
/// breaks): `Name: _ga Provider: Google Purpose: Distinguishes users. Expiry: 2
/// years`. With no separator between the pairs, a key is known only by the
/// vocabulary: the line opens with the name's key and at least two more keys
/// follow, each a header of some language of a few words right before a colon,
/// after a space (`Zweck:`, `Retention period:`). A line with fewer is a sentence
/// with a colon in it, or a key whose value says more (`Tipo: Analítica – De
/// terceros: …` opens with no name's key).
fn flattened_record<'a>(line: &Line<'a>, ctx: &Context) -> Option<RawRecord<'a>> {
    /// Words of a key (`Maximum storage duration`).
    const KEY_WORDS: usize = 4;
    /// Bytes of a key and the space before it, at most.
    const KEY_BYTES: usize = 64;
    /// Pairs of a card, at most (as [`split_pairs`] reads at most).
    const MAX_PAIRS: usize = 16;
    let text = line.text;
    let (k0, role0, v0) = kv_line(text)?;
    if role0 != Role::Name {
        return None;
    }
    let mut pairs = vec![(k0, role0, v0)];
    let mut value_start = v0.as_ptr() as usize - text.as_ptr() as usize;
    let window_end = |c: usize| {
        let mut end = (c + 1 + KEY_BYTES).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        end
    };
    for (c, _) in text.match_indices(':') {
        if c <= value_start {
            continue;
        }
        // the key's first word: the capitalised word nearest the colon that makes a
        // key a table lists (`Retention period:`; the value's own capitalised words
        // before it stay the value's: `Perfect Audience Purpose:`)
        // (a key is short: only the bytes right before the colon are looked at, so
        // a long line of colons is read in linear time)
        let mut from = c.saturating_sub(KEY_BYTES).max(value_start);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let words: Vec<usize> = text[from..c]
            .match_indices(' ')
            .map(|(p, _)| from + p + 1)
            .collect();
        let key = words
            .iter()
            .rev()
            .take(KEY_WORDS)
            .filter(|&&s| text[s..].starts_with(char::is_uppercase))
            .find_map(|&s| {
                // (the key read from the words up to the colon and a few bytes after
                // it: `kv_line` reads to the end of what it is given)
                let (k, role, _) = kv_line(&text[s..window_end(c)])?;
                let ends = s + k.len();
                let v = text[c + 1..].trim_start_matches([' ', '\u{a0}']);
                (text[ends..c].trim().is_empty() && !v.trim().is_empty()).then_some((s, k, role, v))
            });
        if let Some((s, k, role, v)) = key {
            // (a card has a few keys: a line of many is no card)
            if pairs.len() == MAX_PAIRS {
                return None;
            }
            let Some(last) = pairs.last_mut() else { break };
            last.2 = &text[value_start..s];
            pairs.push((k, role, v));
            value_start = v.as_ptr() as usize - text.as_ptr() as usize;
        }
    }
    if pairs.len() < FLATTENED_PAIRS {
        return None;
    }
    record_of_pairs(line, ctx, &pairs)
}

/// A lead-in: a line of six words at most that ends with a colon
/// (`Google Maps (se mappa embedded):`).
fn is_leadin(text: &str) -> bool {
    text.trim_end().ends_with(':') && !more_words_than(text, 6)
}

/// A lead-in about cookies (`Unclassified cookies:`, `Performance and functionality
/// cookies:`): it opens the next section, it is no label of the block above it.
fn cookie_leadin(text: &str) -> bool {
    is_leadin(text) && vocab().mentions_cookies(text)
}

/// What separates `Label: value` pairs written on one line.
const PAIR_SEPARATORS: [char; 7] = ['|', ';', '•', '·', '—', '–', ','];

/// Does the record's name value list cookie names: all name-shaped, and one sure
/// (`Cookies : _ga, _gat, _gid`) or each an identifier no word list holds
/// (`Cookies : ezosuibasgeneris-1`, a consent panel's list of one service's cookies)?
fn lists_names(rec: &RawRecord<'_>) -> bool {
    let text: String = rec
        .names
        .iter()
        .map(|f| f.text)
        .collect::<Vec<_>>()
        .join(" ");
    let toks: Vec<&str> = text
        .split([',', ';', ' '])
        .map(|t| t.trim())
        .filter(|t| !t.is_empty() && !is_and_joiner(t))
        .collect();
    !toks.is_empty()
        && toks.iter().all(|t| is_name_shaped(t))
        && (toks.iter().any(|t| is_strong_name(t) || t.contains('*'))
            || toks.iter().all(|t| unlisted_identifier(t)))
}

/// A token built like an identifier ([`identifier_like`]) with two letters at least,
/// that no language's word list holds, whole or (joined by hyphens) part by part, and
/// that names no vendor and no host: `ezosuibasgeneris-1`, `idsync-bsw-uid-s`; not
/// `visitor-id`, `Tracking-Daten`, `3`.
fn unlisted_identifier(t: &str) -> bool {
    use crate::fields::repair::is_any_language_word;
    // (letters alone, four at least, make an identifier when they are no word, one
    // edit or a glue away from none either: `browserupdateorg`, `usbls`)
    let letters = t.len() >= 4 && t.bytes().all(|b| b.is_ascii_lowercase());
    t.chars().filter(|c| c.is_letter()).count() >= 2
        && (identifier_like(t) || letters && !crate::fields::repair::is_near_any_language_word(t))
        // (a token without `-` is its one part: listed whole, it is a word)
        && !t.split('-').all(|w| {
            w.is_empty() || is_any_language_word(w) || w.chars().all(|c| c.is_ascii_digit())
        })
        && !crate::fields::names::is_host_or_file(t)
        && !crate::fields::provider::is_vendor_name(t)
}

/// A token built like an identifier rather than a word: a sure name, or one with
/// `_ . * [ :` or a digit, an inner capital (`cartToken`), all capitals (`NID`), or
/// lower-case parts joined by `-` (`nest-analytics`).
pub(crate) fn identifier_like(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_letter()).collect();
    is_strong_name(w)
        || w.contains(['_', '.', '*', '[', ':'])
        || w.chars().any(|c| c.is_ascii_digit())
        || w.chars().skip(1).any(char::is_uppercase) && w.chars().any(char::is_lowercase)
        || letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
        || w.contains('-') && !w.chars().any(char::is_uppercase)
}

/// A block whose name key is not its first (`Purpose: …` / `Vendor: …` / `Cookie
/// Name: _ga` / `Expiry: …`): the run of known keys from line `i`, each once, up to a
/// blank line (once the name is read) or a key seen before; it is a record when one
/// of its keys names the cookie and its value is a name.
fn name_key_later<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    let learned = std::rc::Rc::clone(&ctx.learned);
    let mut seen: Vec<&str> = Vec::new();
    let mut name: Option<super::Fragment<'a>> = None;
    let mut fields: Vec<(Option<Role>, &str, super::Fragment<'a>)> = Vec::new();
    let mut gap = false;
    let mut nameless = false;
    // labels no list holds, read so far
    let mut labels = 0;
    let mut j = i;
    let mut end = i;
    while j < lines.len() {
        let line = &lines[j];
        if line.is_blank() {
            // (a block that said its party and no name ends here: see below)
            if name.is_some() || nameless {
                break;
            }
            gap = true;
            j += 1;
            continue;
        }
        let Some((k, role, value)) = pair(line.text, &learned) else {
            // a label no vocabulary knows among the known keys (`HttpOnly⇥yes`,
            // `Secure: no`): kept as an unnamed field, as `parse` keeps it
            match unknown_label(line.text) {
                Some((k, value))
                    if labels < MAX_UNKNOWN_LABELS
                        && !cookie_leadin(line.text)
                        && !seen.contains(&k) =>
                {
                    labels += 1;
                    seen.push(k);
                    fields.push((None, k, frag(line, value)));
                    j += 1;
                    end = j;
                    continue;
                }
                _ => break,
            }
        };
        let value = value.trim();
        // (another name key whose value names no cookie is the party's: `parse`)
        let other_name = role == Role::Name && name.is_some() && names_none(value);
        if seen.contains(&k) || (role == Role::Name && name.is_some() && !other_name) {
            break;
        }
        seen.push(k);
        if other_name {
            fields.push((None, k, frag(line, value)));
        } else if role == Role::Name && (value.is_empty() || is_party(value)) {
            // the party of the cookies named in the block (see `parse`), or a name
            // key left empty (`Cookies:`) among the block's keys: the block may name
            // no cookie. (An empty one after a blank line or before one is a lead-in
            // to what follows, `Cookies used:` / `` / `_ga: …`: no block.)
            if value.is_empty() {
                let amid = !gap
                    && lines
                        .get(j + 1)
                        .is_some_and(|n| pair(n.text, &learned).is_some());
                if !amid {
                    return None;
                }
            } else {
                fields.push((None, k, frag(line, value)));
            }
            nameless = true;
        } else if role == Role::Name {
            // (after a blank line, the value must look like names, not words:
            // `Anbieter: …` / `` / `Cookies: Minimale, anonymisierte Tracking-Daten`;
            // and `none` is no name: `Cookies: Keine`)
            let names_ok = !value.is_empty()
                && value.len() <= 100
                && !vocab().has_negation(value)
                && value
                    .split([',', ' '])
                    .filter(|w| !w.is_empty() && !is_and_joiner(w))
                    .all(|w| is_name_shaped(w) && (!gap || identifier_like(w)));
            if !names_ok {
                return None;
            }
            name = Some(frag(line, value));
        } else if !value.is_empty() {
            fields.push((Some(role), k, frag(line, value)));
        }
        j += 1;
        end = j;
    }
    let span = lines[i].span().cover(lines[end - 1].span());
    let Some(name) = name else {
        // a block that says who sets its cookies and how long they live but names
        // none (a row whose names cell was empty, copied as keys; its name key
        // empty or left out): no cookie, and no line of it left for another reader
        // to mistake for one
        if nameless && fields.iter().any(|(role, _, _)| role.is_some()) {
            doc.warn(
                crate::policy::WarningKind::SkippedLine,
                span,
                "key-value block names no cookie; skipped",
            );
            return Some(end - i);
        }
        return None;
    };
    doc.records.push(RawRecord::named(name, fields, span, ctx)?);
    Some(end - i)
}

/// The most labels no list holds a block whose name key is not first may keep (a
/// block has few; the known keys are as many as the vocabulary lists, so a run of
/// lines that each hold a new label is not read to its end from each of its lines).
const MAX_UNKNOWN_LABELS: usize = 4;

/// A label no vocabulary knows and its value: `Label: value` ([`loose_kv`]) or a
/// two-cell tab row whose first cell is one to three words, capitalised, no digits
/// (`HttpOnly⇥yes`).
fn unknown_label(text: &str) -> Option<(&str, &str)> {
    loose_kv(text).or_else(|| {
        let (k, v) = text.trim().split_once('\t')?;
        let (k, v) = (k.trim(), v.trim());
        let words = word_count_upto(k, 4);
        ((1..=3).contains(&words)
            && !v.is_empty()
            && !v.contains('\t')
            && k.starts_with(char::is_uppercase)
            && !k.contains(|c: char| c.is_ascii_digit() || matches!(c, ':' | '|' | '.')))
        .then_some((k, v))
    })
}

/// Whether a card's title is a host (`cdn.example.net`): one dotted token that ends
/// in a top-level domain.
fn is_host_title(text: &str) -> bool {
    let t = text.trim();
    t.contains('.') && !t.contains(char::is_whitespace) && crate::fields::names::is_host_or_file(t)
}

/// Whether a name key's value names no cookie: a party ([`is_party`]), or no list of
/// names ([`crate::fields::names::lists_names`]: `Cookies propriétaires`).
fn names_none(value: &str) -> bool {
    use crate::fields::names::{lists_names, split_names};
    is_party(value) || !lists_names(&split_names(value))
}

/// Whether a name key's value says only who sets the cookie (`First Party`, `Third
/// Party`): OneTrust's `Cookies used` beside its `Cookies`, a table's second name
/// column read as a key.
fn is_party(value: &str) -> bool {
    vocab().is_first_party(value.trim())
}

/// A key-value line under a known key ([`kv_line`]) or a label the document taught
/// ([`super::labels`]).
pub(crate) fn pair<'t>(text: &'t str, learned: &Learned) -> Option<(&'t str, Role, &'t str)> {
    kv_line(text).or_else(|| learned.pair(text))
}

/// How many keys may open the block under a title before the key that names its
/// first cookie (`Velqora` / `Purpose: …` / `Privacy policy: …` / `Name: _vq_id`).
const TITLE_KEYS: usize = 4;

/// Whether the block of keys under line `i` (after blank lines, if any, and up to
/// the next blank line) names a cookie under a name key within its first
/// [`TITLE_KEYS`] lines, each key before it one that `before` accepts (its role;
/// `None` for a key no list knows, [`loose_kv`]): `Velqora` / `Privacy policy:
/// https://…` / `Name: _vq_id`. Line `i` is then the title of a card that names its
/// cookie itself, and no cookie (a card names its cookie once).
pub(crate) fn names_by_key_below(
    lines: &[Line<'_>],
    i: usize,
    before: impl Fn(Option<Role>) -> bool,
) -> bool {
    let Some(first) = lines[i + 1..].iter().position(|l| !l.is_blank()) else {
        return false;
    };
    for l in lines[i + 1 + first..].iter().take(TITLE_KEYS) {
        if l.kind != LineKind::Text {
            return false;
        }
        let role = match kv_line(l.text) {
            Some((_, _, v)) if v.trim().is_empty() => return false,
            Some((_, Role::Name, v)) => return !is_party(v),
            Some((_, role, _)) => Some(role),
            None if loose_kv(l.text).is_some() => None,
            None => return false,
        };
        if !before(role) {
            return false;
        }
    }
    false
}

/// Recognise a key-value block starting at line `i`.
pub(crate) fn parse<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    let learned = std::rc::Rc::clone(&ctx.learned);
    let first = &lines[i];
    if let Some(rec) = one_line_record(first, ctx) {
        doc.records.push(rec);
        return Some(1);
    }
    // (a bold name with a `|` inside reads as a pipe line: `**_wixAB3|#-#-#-#-#** …`)
    if !matches!(first.kind, LineKind::Text | LineKind::Tab) && bold_name_line(first.text).is_none()
    {
        return None;
    }
    let mut j = i + 1;
    let first_pair = pair(first.text, &learned);
    let open_key = first_pair.map_or("", |(k, _, _)| k);
    // a label the document taught to name cookies opens the block: its values were
    // names wherever it stood, so its record stands without a known key
    let taught_name = matches!(first_pair, Some((_, Role::Name, _)))
        && !learned.is_empty()
        && kv_line(first.text).is_none();
    // a card's head: a bold name, or a name beside its description (asked only of a
    // line that is no pair)
    let card_head = match first_pair {
        None => bold_name_line(first.text).or_else(|| plain_name_line(lines, i, &learned)),
        Some(_) => None,
    };
    let mut rec = match first_pair {
        // (a party under a name key names no cookie: `Cookies used: Third Party`)
        Some((_, Role::Name, value)) if is_party(value) => {
            return name_key_later(lines, i, ctx, doc)
        }
        Some((_, Role::Name, value)) => {
            if value.trim().is_empty() {
                // `Name:` with the name on the next line
                let Some(next) = lines.get(j).filter(|l| {
                    l.kind == LineKind::Text
                        && pair(l.text, &learned).is_none()
                        && is_name_line(l.text)
                }) else {
                    // (or a name key left empty over the block's other keys)
                    return name_key_later(lines, i, ctx, doc);
                };
                j += 1;
                RawRecord::new(frag(next, next.text), first.span().cover(next.span()), ctx)
            } else {
                RawRecord::new(frag(first, value), first.span(), ctx)
            }
        }
        Some(_) => return name_key_later(lines, i, ctx, doc),
        None if card_head.is_some() => {
            let next = lines[i + 1..].iter().find(|l| !l.is_blank())?;
            // (a title over keys that name the cookie: the section's context reads it)
            if !other_key(next.text, &learned) || names_by_key_below(lines, i, |_| true) {
                return None;
            }
            let (name, description) = card_head?;
            let mut rec = RawRecord::new(frag(first, name), first.span(), ctx);
            // a bracketed aside alone after the name is read part by part (`**_ga**
            // (Google)`: the provider; `(2 years)`: the lifetime)
            match closing_brackets(description).filter(|&(o, _)| o == 0) {
                Some((_, inner)) => push_aside(&mut rec, first, inner),
                None if !description.is_empty() => {
                    rec.push(Some(Role::Purpose), "description", frag(first, description));
                }
                None => {}
            }
            rec
        }
        None => {
            let next = lines[i + 1..].iter().find(|l| !l.is_blank())?;
            // (a title over keys that name the cookie: the section's context reads it)
            if has_pair_byte(next.text) && names_by_key_below(lines, i, |_| true) {
                return None;
            }
            // a name line, then a known key, or labels of which one of the next four
            // is known (`Module: Functional` / `Expires: …`)
            let known = |l: &Line<'_>| other_key(l.text, &learned);
            let labels_then_known = || {
                loose_kv(next.text).is_some()
                    && lines[i + 1..]
                        .iter()
                        .filter(|l| !l.is_blank())
                        .take(4)
                        .take_while(|l| loose_kv(l.text).is_some())
                        .any(known)
            };
            // (a key or label on the next line needs a colon or a tab there: most lines
            // have neither, and are turned away before the name slot's tests; all the
            // tests are pure, so their order is free)
            let starts = has_pair_byte(next.text)
                && ((slot_name_line(first.text) && (known(next) || labels_then_known()))
                    || named_like_its_siblings(lines, i, &learned));
            if !starts {
                // a name, one line describing it, then its lifetime's key: a card list
                // copied as plain text (`nrid` / `This cookie is used to …` / `Maximum
                // Storage Duration: 2 years`); the place says it is a name, whatever
                // its shape, when it is one token no vocabulary reads as a header,
                // category, lifetime or vendor
                let (head, at, under) = described_name(lines, i, &learned)?;
                let next = &lines[at];
                let mut rec =
                    RawRecord::new(frag(first, head), first.span().cover(next.span()), ctx);
                match under {
                    // (unnamed: the purpose unless a key below states one)
                    Under::Description => {
                        rec.push(None, "description", frag(next, next.text.trim()))
                    }
                    Under::Type => rec.push(Some(Role::Type), "type", frag(next, next.text.trim())),
                }
                j = at + 1;
                rec
            } else {
                // (a list item's bullet and a closing aside are no part of the name)
                let (slot, aside) = name_slot(first.text);
                let name = crate::fields::text::strip_heading_marks(slot)
                    .trim()
                    .trim_end_matches(':');
                // (a name set in bold reads as itself: `**criteo**`)
                let name = name
                    .strip_prefix("**")
                    .and_then(|n| n.strip_suffix("**"))
                    .map_or(name, str::trim);
                let mut rec = RawRecord::new(frag(first, name), first.span(), ctx);
                // the aside read part by part: `(Google)` the provider, `(2 years)`
                // the lifetime
                if let Some(inner) = aside {
                    push_aside(&mut rec, first, inner);
                }
                rec
            }
        }
    };
    // the name stands alone as a key's value or on its own line
    rec.name_cell = true;
    // the key that named the cookies (none for a card's title)
    let mut name_key = open_key;
    // whether a key said the cookies' party (`Cookies used: First Party`)
    let mut party = false;
    let mut end = j;
    while j < lines.len() {
        let line = &lines[j];
        if line.is_blank() {
            let next = lines[j + 1..].iter().find(|l| !l.is_blank());
            match next.and_then(|n| pair(n.text, &learned)) {
                // (a lead-in about cookies read as a key of no value opens the next
                // section: `Performance and functionality cookies:`)
                Some((_, _, v))
                    if v.trim().is_empty() && next.is_some_and(|n| cookie_leadin(n.text)) =>
                {
                    break
                }
                Some((_, r, _)) if r != Role::Name => {
                    j += 1;
                    continue;
                }
                // an unknown label goes on the block as it does without the blank line
                None if next.is_some_and(|n| {
                    (loose_kv(n.text).is_some() && !cookie_leadin(n.text))
                        || learned.label(n.text).is_some()
                }) =>
                {
                    j += 1;
                    continue;
                }
                _ => break,
            }
        }
        let kv = pair(line.text, &learned);
        // a label the document taught, of no role its values tell (a tab row too)
        let other = match kv {
            None => learned.label(line.text),
            Some(_) => None,
        };
        // a link's row no table lists (`Privacy Policy⇥https://…`): kept as it is
        if kv.is_none() && other.is_none() {
            if let Some((k, value)) = link_pair(line.text) {
                rec.push(None, k, frag(line, value));
                rec.span = rec.span.cover(line.span());
                j += 1;
                end = j;
                continue;
            }
        }
        if line.kind != LineKind::Text && kv.is_none() && other.is_none() {
            break;
        }
        match kv {
            Some((_, _, value)) if value.trim().is_empty() && cookie_leadin(line.text) => break,
            // a name key whose value is a party (`Cookies: JSESSIONID` /
            // `Cookies used: First Party`, OneTrust's list) says who sets the cookie,
            // as a table's second name column does: kept as an unnamed field
            Some((k, Role::Name, value)) if is_party(value) => {
                rec.push(None, k, frag(line, value));
                party = true;
            }
            Some((k, Role::Name, value))
                if !key_names_cookies(name_key)
                    && key_names_cookies(k)
                    && !value.trim().is_empty() =>
            {
                // `Name: Google Analytics` ... `Cookie Name: _ga, _gid`: the first name was
                // the service's, the cookies are named now (Borlabs, Complianz boxes)
                rec.name_the_cookies(frag(line, value), name_key);
                name_key = k;
            }
            // … and another name key whose value names no cookie (`Cookies utilisés:
            // Cookies propriétaires`) is kept too; the same key again opens the next
            // block
            Some((k, Role::Name, value)) if k != name_key && names_none(value) => {
                rec.push(None, k, frag(line, value));
            }
            Some((_, Role::Name, _)) => break,
            // the same key again (a lifetime, type or provider key; descriptions may
            // come in several) starts another block, one whose name line was lost:
            // its values belong to no cookie read so far
            Some((k, role, _))
                if role != Role::Purpose
                    && rec
                        .fields
                        .iter()
                        .any(|f| *f.header == *crate::fields::text::fold_whitespace_cow(k)) =>
            {
                break
            }
            Some((k, role, value)) => {
                for (k, role, value) in split_pairs(k, role, value) {
                    rec.push(Some(role), k, frag(line, value));
                }
            }
            None if other.is_some() => {
                let (k, _, value) = other.expect("checked");
                rec.push(None, k, frag(line, value));
            }
            // (a lead-in about cookies, `Performance and functionality cookies:`,
            // opens the next section: see below)
            None if loose_kv(line.text).is_some() && !cookie_leadin(line.text) => {
                // a label no vocabulary knows, inside a block of known ones: kept as an
                // unnamed field (its value may still be a category or a description)
                let (k, value) = loose_kv(line.text).expect("checked");
                rec.push(None, k, frag(line, value));
            }
            None => {
                let next_is_key = lines
                    .get(j + 1)
                    .is_some_and(|n| other_key(n.text, &learned));
                // a lead-in before more keys (`Google Maps (se mappa embedded):` /
                // `Cookie: NID, …`) opens the next block, it continues no value
                let leadin = is_leadin(line.text);
                if (slot_name_line(line.text) && next_is_key)
                    || (leadin
                        && lines
                            .get(j + 1)
                            .is_some_and(|n| pair(n.text, &learned).is_some()))
                    // … and so does a lead-in about cookies (`Unclassified cookies:`,
                    // then what they are, then the next blocks)
                    || cookie_leadin(line.text)
                    || bold_name_line(line.text).is_some()
                    || plain_name_line(lines, j, &learned).is_some()
                    || is_heading(line)
                    // … and a consent platform's group row, a service's or a
                    // category's label with its count (`* [Hubspot4](#)[Learn more …]`
                    // right under the last key, no blank line between)
                    || super::context::group_label(line.text).is_some()
                {
                    break;
                }
                // continuation of the last value
                match rec.fields.last_mut() {
                    Some(f) => f.value.push(frag(line, line.text)),
                    None => break,
                }
            }
        }
        rec.span = rec.span.cover(line.span());
        j += 1;
        end = j;
    }
    // a card whose title is a host and whose keys say the cookies' party but name
    // none (a host's row of a cookie list with its names cell empty, as a card):
    // no cookie
    if first_pair.is_none() && party && name_key.is_empty() && is_host_title(first.text) {
        doc.warn(
            crate::policy::WarningKind::SkippedLine,
            rec.span,
            "card names no cookie; skipped",
        );
        return Some(end.max(i + 1) - i);
    }
    // a name key alone (or with labels no vocabulary knows) is a record only when its
    // value lists cookie names (`Cookies : _ga, _gat, _gid`), not when it names
    // anything else (`Cookies: Minimale, anonymisierte Tracking-Daten`); a key that
    // says the cookies' party is a known key's evidence
    if !taught_name && !party && rec.fields.iter().all(|f| f.role.is_none()) && !lists_names(&rec) {
        return None;
    }
    // a service's box over its cookies' own table or blocks: no cookie, but their
    // provider
    if matches!(first_pair, Some((_, Role::Name, _)))
        && is_service_box(&rec, open_key, lines, end, &learned)
    {
        take_service_box(&rec, ctx);
        return Some(end.max(i + 1) - i);
    }
    doc.records.push(rec);
    Some(end.max(i + 1) - i)
}

/// Whether a record read from a box whose name key is `name_key` is a service's box
/// over its cookies' own table or blocks (Real Cookie Banner's: `Name: Google
/// AdSense` / `Anbieter: Google Ireland Limited` / `Zweck: …` / `Technische
/// Cookie-Definitionen` / `Name⇥Host⇥Dauer⇥Typ` / `__gsas⇥…`): the name key speaks of
/// no cookie and its value is no sure or known cookie name, the box states no
/// lifetime but a provider or a purpose, and cookies are named right after it
/// ([`cookies_follow`]).
pub(crate) fn is_service_box(
    rec: &RawRecord<'_>,
    name_key: &str,
    lines: &[Line<'_>],
    end: usize,
    learned: &Learned,
) -> bool {
    !key_names_cookies(name_key)
        && rec
            .names
            .first()
            .is_none_or(|n| !is_strong_name(n.text.trim()) && !is_known(n.text.trim()))
        && rec.fields.iter().all(|f| f.role != Some(Role::Duration))
        && rec
            .fields
            .iter()
            .any(|f| matches!(f.role, Some(Role::Provider | Role::Purpose)))
        && cookies_follow(lines, end, learned)
}

/// Take in a service's box ([`is_service_box`]): the company its provider key states
/// ([`stated_company`](super::context::stated_company)), else the service's name, is the provider of the cookies
/// under it; a provider key that names the site itself leaves them none.
pub(crate) fn take_service_box(rec: &RawRecord<'_>, ctx: &mut Context) {
    let v = vocab();
    let key = rec.fields.iter().find(|f| f.role == Some(Role::Provider));
    let stated = key
        .and_then(|f| f.value.first())
        .map(|f| super::context::stated_company(f.text))
        .filter(|p| !p.is_empty() && !v.is_first_party(p) && !v.mentions_party(p));
    ctx.provider = match (stated, key) {
        (Some(p), _) => Some(p.to_string()),
        (None, Some(_)) => None,
        (None, None) => rec.names.first().map(|f| f.text.trim().to_string()),
    };
    ctx.provider_heading = ctx.provider.is_some();
}

/// Whether cookies are named right after line `end`: under the title a consent
/// platform sets over a service's cookies (`Technical cookie definitions`,
/// [`Vocab::is_table_title`](crate::vocab::Vocab)), a table's header row with a name
/// column, a key-value block or a card opening with a cookie's name; or a table's
/// header row right under the box. (Another box right under it is the next
/// cookie's: a cookie's box may state no lifetime.)
pub(crate) fn cookies_follow(lines: &[Line<'_>], end: usize, learned: &Learned) -> bool {
    let header = |line: &Line<'_>| {
        let mut cells = line.text.split('\t');
        line.kind == LineKind::Tab
            && cells
                .next()
                .is_some_and(|c| vocab().field(c.trim()) == Some(Role::Name))
            && cells.next().is_some()
    };
    let opens = |l: usize| {
        let line = &lines[l];
        let text = line.text.trim();
        if line.kind == LineKind::Tab {
            return header(line);
        }
        if let Some((_, Role::Name, v)) = pair(text, learned) {
            return is_name_shaped(v.trim()) && !more_words_than(v.trim(), 1);
        }
        matches!(super::cards::label_line(text), Some((_, Role::Name)))
            && super::next_filled(lines, l + 1)
                .is_some_and(|v| is_name_shaped(lines[v].text.trim()))
    };
    let Some(a) = super::next_filled(lines, end) else {
        return false;
    };
    header(&lines[a])
        || (lines[a].kind == LineKind::Text
            && vocab().is_table_title(lines[a].text.trim())
            && super::next_filled(lines, a + 1).is_some_and(opens))
}

#[cfg(test)]
mod tests {
    /// The remembered `kv_line` answers as `kv_line_uncached` on every corpus line and
    /// on made-up ones, asked as the readers ask: each line several times in a row,
    /// between other lines, and copies of a line at other addresses (the memo is keyed
    /// by text, and its slices must be of the text asked about).
    /// A bold key's closing stars are no part of its value (`**Provider:** Google`);
    /// a value that starts with stars after a plain key keeps them.
    #[test]
    fn bold_keys() {
        let value = |t: &str| kv_line(t).map(|(k, _, v)| (k.to_string(), v.to_string()));
        let pair = |k: &str, v: &str| Some((k.to_string(), v.to_string()));
        assert_eq!(value("**Provider:** Google"), pair("Provider", "Google"));
        assert_eq!(value("**Name:**_ga"), pair("Name", "_ga"));
        assert_eq!(value("* Expiry: 2 years"), pair("Expiry", "2 years"));
        assert_eq!(value("Expiry: *2 years*"), pair("Expiry", "*2 years*"));
    }

    #[test]
    fn kv_line_remembered_is_kv_line() {
        let lines = crate::testing::corpus_lines_and(&[
            "Name: _ga",
            "Name:\t_ga",
            "Name\t_ga",
            "**Expiry**: 2 years",
            "- Purpose : statistics",
            "Durée : 13 mois",
            "Name: ",
            ":",
            "",
            // no colon or tab: turned away before the memo
            "_c0",
            "Name _ga",
            "Name\u{a0}_ga",
            "\tName",
            "Name\t",
            "Name\u{ff1a} _ga",
            "Name\u{2236} _ga",
        ]);
        let mut n = 0;
        for (i, line) in lines.iter().enumerate() {
            let copy = line.clone();
            let before = &lines[i.saturating_sub(1)];
            for text in [line.as_str(), before.as_str(), line.as_str(), copy.as_str()] {
                let got = kv_line(text);
                assert_eq!(got, kv_line_uncached(text), "{text:?}");
                if let Some((k, _, v)) = got {
                    // slices of the text asked about, not of an earlier copy
                    let range = text.as_ptr() as usize..=text.as_ptr() as usize + text.len();
                    assert!(range.contains(&(k.as_ptr() as usize)), "{text:?}");
                    assert!(range.contains(&(v.as_ptr() as usize)), "{text:?}");
                    n += 1;
                }
            }
        }
        assert!(n > 1000, "only {n} key-value lines");
    }

    /// `name_line_uncached` answers as it did when it looked a token up before asking
    /// for a capital: on every corpus line and made-up lines of names.
    #[test]
    fn name_lines_as_before() {
        fn before(text: &str) -> bool {
            let bare = crate::fields::text::strip_heading_marks(text);
            let numbered = bare != crate::fields::text::strip_md_heading(text);
            let t = bare.trim().trim_end_matches(':').trim();
            let t = match t.strip_prefix("**").and_then(|b| b.strip_suffix("**")) {
                Some(b) => b.trim(),
                None => t,
            };
            if t.is_empty() || t.len() > 100 {
                return false;
            }
            // (since round 36, a slash between names too)
            let toks: Vec<&str> = t
                .split([' ', ','])
                .filter(|w| !w.is_empty() && *w != "/" && !is_and_joiner(w))
                .collect();
            !toks.is_empty()
                && toks.len() <= 4
                && toks.iter().all(|w| is_name_shaped(w))
                && toks.iter().any(|w| {
                    is_strong_name(w)
                        || (w.contains('*')
                            && !(w.len() > 2 && w.starts_with('*') && w.ends_with('*')))
                        || (is_known(w)
                            && w.chars().any(|c| c.is_uppercase())
                            && !(numbered && crate::fields::repair::is_any_language_word(w)))
                })
        }
        let lines = crate::testing::corpus_lines_and(&[
            "_c0",
            "NID",
            "nid",
            "Nid",
            "PHPSESSID",
            "phpsessid",
            "_ga, _gid",
            "CookieConsent",
            "cookieconsent",
            "_ga*",
            "## _ga",
            "3. Consent",
            "1.2 _ga",
            "**Cookies**",
            "**_ga**",
            "*Cookies*",
            "*_key",
        ]);
        let mut names = 0;
        for l in &lines {
            let want = before(l);
            assert_eq!(name_line_uncached(l), want, "{l:?}");
            names += usize::from(want);
        }
        assert!(names > 100, "only {names} name lines");
    }

    /// A line with no colon, no tab and no spaced dash after its first 40 bytes is no
    /// key-value line and no loose label (the byte test that turns lines away before
    /// the memo, and before a name slot's tests in `parse`): on every corpus line and
    /// made-up ones around the bound between the byte loop and `memchr2`, and around
    /// the dash's bound. Each line the test passes is asked too, so the test fails if
    /// it misses one.
    #[test]
    fn lines_without_a_colon_or_tab_hold_no_pair() {
        let mut lines = crate::testing::corpus_lines_and(&[
            "Name _ga",
            "Name\u{ff1a} _ga",
            "Module: Functional",
            "Name\t_ga",
            ":",
            "\t",
        ]);
        for n in 28..40 {
            lines.push(format!("{}Name: _ga", " ".repeat(n)));
            lines.push(format!("Name{}\t_ga", " ".repeat(n)));
            lines.push(format!("{}: x", "k".repeat(n)));
            lines.push(format!("{} - x", "k".repeat(n)));
            lines.push(format!("  Name{} – _ga", " ".repeat(n)));
        }
        // the reference: a spaced dash with at most 40 bytes before it, after a capital
        let dash = |l: &str| {
            let t = l.trim_start_matches(crate::chars::is_bullet_or_space);
            t.starts_with(char::is_uppercase)
                && [" - ", " \u{2013} ", " \u{2014} "]
                    .iter()
                    .filter_map(|d| t.find(d))
                    .min()
                    .is_some_and(|p| p <= DASH_KEY_MAX)
        };
        let mut pairs = 0;
        for l in &lines {
            let bytes = l.contains([':', '\t']) || dash(l);
            assert_eq!(has_pair_byte(l), bytes, "{l:?}");
            if !bytes {
                assert_eq!(kv_line_uncached(l), None, "{l:?}");
                assert_eq!(loose_kv(l), None, "{l:?}");
            } else {
                pairs += usize::from(kv_line_uncached(l).is_some());
            }
        }
        assert!(pairs > 1000, "only {pairs} pairs");
    }

    /// `short_key` is `key` with the 40-byte bound of `kv_line`, on every ASCII byte in
    /// every place of short texts and on keys around the bound.
    #[test]
    fn short_key_is_key_within_forty_bytes() {
        fn slow(t: &str) -> Option<(&str, &str)> {
            key(t).ok().filter(|(_, k)| k.len() <= 40)
        }
        let mut texts: Vec<String> = Vec::new();
        for b in 0u8..128 {
            let c = b as char;
            for t in [
                format!("{c}"),
                format!("ab{c}: x"),
                format!("Name{c}"),
                format!("{c}Name: _ga"),
                format!("Expiry {c} 2 years"),
            ] {
                texts.push(t);
            }
        }
        for n in 35..46 {
            texts.push(format!("{}: v", "k".repeat(n)));
            texts.push(format!("{}|: v", "é".repeat(n / 2)));
            texts.push(format!("{}é: v", "k".repeat(n)));
        }
        texts.extend(["", ":", "::", "a::b", "Dauer: 1 Jahr", "https://x.y: z"].map(String::from));
        for t in &texts {
            assert_eq!(short_key(t), slow(t), "{t:?}");
        }
    }

    use super::*;

    #[track_caller]
    fn kv(text: &str, want: Option<(&str, Role, &str)>) {
        assert_eq!(kv_line(text), want, "{text:?}");
    }

    /// A line over keys that name a cookie under a name key, within the block's
    /// first four lines, is the card's title; not over a block whose name key comes
    /// later, after a blank line, or names a party.
    #[test]
    fn titles_over_keys_that_name_the_cookie() {
        let below = |t: &str| names_by_key_below(&crate::segment::lines(t), 0, |_| true);
        assert!(below("Velqora\nName: _vq_id\nDuration: 1 year"));
        assert!(below("Velqora\n\nCookie: _vq_id"));
        assert!(below(
            "peldor.net\nPrivacy policy: https://p.example\nOpt-out: https://p.example/o\n\
             Nom : pd_uid"
        ));
        // the keys before the name key as the caller accepts them: a service's
        // (links, what it is for), not a key of the cookie's own
        let service = |t: &str| {
            names_by_key_below(&crate::segment::lines(t), 0, |r| {
                matches!(r, None | Some(Role::Purpose))
            })
        };
        assert!(service(
            "Velqora\nPrivacy policy: https://v.example\nName: _vq_id"
        ));
        assert!(service(
            "Velqora\nPurpose: Audience measurement\nName: _vq_id"
        ));
        assert!(!service("Storage information\nType: Cookie\nName: _vq_id"));
        assert!(below("Storage information\nType: Cookie\nName: _vq_id"));
        for t in [
            "_ga\nProvider: Google\nDuration: 2 years",
            "Velqora\nPurpose: Counts.\nDuration: 1 year\n\nName: _vq_id",
            "Velqora\nA: 1\nB: 2\nC: 3\nD: 4\nName: _vq_id",
            "Velqora\nWe use Velqora.\nName: _vq_id",
            "Velqora\nCookies used: Third Party",
            "Velqora",
        ] {
            assert!(!below(t), "{t:?}");
        }
    }

    /// A plain token is a card's name where it stands before one line of description
    /// and a lifetime key; not before a key of another role, nor before a line that
    /// is no description.
    #[test]
    fn names_by_their_place_before_a_description() {
        let read = |t: &str| {
            let ls = crate::segment::lines(t);
            described_name(&ls, 0, &Learned::default()).map(|(n, at, _)| (n.to_string(), at))
        };
        assert_eq!(
            read("nrid\nThis cookie remembers a choice.\nMaximum Storage Duration: 2 years\n"),
            Some(("nrid".to_string(), 1))
        );
        assert_eq!(
            read("bito\n\nUsed for advertising on partner sites.\n\nExpiry: 1 year\n"),
            Some(("bito".to_string(), 2))
        );
        assert_eq!(
            read("nrid\nThis cookie remembers a choice.\nProvider: Joomla\n"),
            None
        );
        assert_eq!(read("nrid\nShort line\nExpiry: 1 year\n"), None);
        assert_eq!(
            read("Marketing\nThese cookies follow you around.\nExpiry: 1 year\n"),
            None
        );
        assert_eq!(
            read("two words\nThis cookie remembers a choice.\nExpiry: 1 year\n"),
            None
        );
    }

    /// Keys end at a spaced dash after a capital; a lifetime's key may be six words
    /// long, other keys four.
    #[test]
    fn dash_keys_and_long_lifetime_keys() {
        kv(
            "Nom du cookie - _ga",
            Some(("Nom du cookie", Role::Name, "_ga")),
        );
        kv(
            "Expiry – 2 years",
            Some(("Expiry", Role::Duration, "2 years")),
        );
        kv(
            "- Provider - Google",
            Some(("Provider", Role::Provider, "Google")),
        );
        kv("Google Analytics - web statistics", None);
        kv("expiry - 2 years", None);
        kv(
            "Durée de vie maximale de stockage: 30 jours",
            Some((
                "Durée de vie maximale de stockage",
                Role::Duration,
                "30 jours",
            )),
        );
        kv("Wir verwenden auf dieser Seite Cookies: x", None);
    }

    #[test]
    fn unknown_labels_inside_a_block() {
        let t = "ASP.NET_SessionId\nModule: Functional\nExpires: When you leave the site.\nAbout: Stores data during your visit.\n";
        let ls = crate::segment::lines(t);
        let mut doc = RawDoc::default();
        assert_eq!(parse(&ls, 0, &mut Context::default(), &mut doc), Some(4));
        let rec = &doc.records[0];
        let heads: Vec<(&str, Option<Role>)> =
            rec.fields.iter().map(|f| (&*f.header, f.role)).collect();
        assert_eq!(
            heads,
            [
                ("Module", None),
                ("Expires", Some(Role::Duration)),
                ("About", None)
            ]
        );
        // labels alone, with no known key among them, make no block
        let t = "ASP.NET_SessionId\nModule: Functional\nColour: Blue\n";
        let ls = crate::segment::lines(t);
        assert_eq!(
            parse(&ls, 0, &mut Context::default(), &mut RawDoc::default()),
            None
        );
    }

    #[test]
    fn key_value_lines() {
        kv(
            "Name: tarteaucitron",
            Some(("Name", Role::Name, "tarteaucitron")),
        );
        kv("Nom : _ga", Some(("Nom", Role::Name, "_ga")));
        kv(
            "Expiration period: 6 months",
            Some(("Expiration period", Role::Duration, "6 months")),
        );
        kv(
            "Cookie type: Essential cookie",
            Some(("Cookie type", Role::Type, "Essential cookie")),
        );
        kv(
            "Caducidad: 1 año",
            Some(("Caducidad", Role::Duration, "1 año")),
        );
        kv("Purpsoe: typo", Some(("Purpsoe", Role::Purpose, "typo")));
        kv("See https://example.org", None);
        kv("We use cookies: many", None);
    }

    /// A card's name and description side by side, after a tab or a space, right
    /// above its lifetime's key (pairs side by side after a tab, or glued): one
    /// record each. After a space the name is no word and the text opens with a
    /// capital: a line of prose above a lifetime key is no card.
    #[test]
    fn names_beside_their_descriptions_above_a_lifetime_key() {
        let read = |text: &str| {
            let ls = crate::segment::lines(text);
            let mut doc = RawDoc::default();
            let mut ctx = Context::default();
            let mut i = 0;
            while i < ls.len() {
                i += parse(&ls, i, &mut ctx, &mut doc).unwrap_or(1);
            }
            doc.records
                .iter()
                .map(|r| {
                    let fields: Vec<(&str, &str)> = r
                        .fields
                        .iter()
                        .map(|f| (&*f.header, f.value[0].text))
                        .collect();
                    (r.names[0].text.to_string(), format!("{fields:?}"))
                })
                .collect::<Vec<_>>()
        };
        let got = read(
            "svid\tUsed to relate preferences for marketing\n\
             Maximum Storage Duration: 13 months\tType: HTTP Cookie\n\
             _rx_uid Used to track the last redirect\n\
             Maximum Storage Duration: 1 yearType: HTTP Cookie\n",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "svid");
        assert!(
            got[0].1.contains("\"13 months\"") && got[0].1.contains("\"HTTP Cookie\""),
            "{got:?}"
        );
        assert_eq!(got[1].0, "_rx_uid");
        assert!(got[1].1.contains("\"1 year\""), "{got:?}");
        for text in [
            "Villa Olimpia Capo Piccolo is near the sea\nMaximum Storage Duration: 1 year\n",
            "svid used to relate preferences for marketing\nMaximum Storage Duration: 1 year\n",
            "svid Pending\nMaximum Storage Duration: 1 year\n",
        ] {
            let ls = crate::segment::lines(text);
            assert_eq!(
                plain_name_line(&ls, 0, &Learned::default()),
                None,
                "{text:?}"
            );
        }
    }

    /// The names and providers `parse_policy` reads in `text`, in order.
    fn read(text: &str) -> Vec<(String, Option<String>)> {
        crate::parse_policy(text)
            .cookies
            .into_iter()
            .map(|c| (c.name, c.provider))
            .collect()
    }

    /// A pair bold as a whole (`**Anbieter: Velqora GmbH**`) ends with the bold's
    /// close, which is no part of its value; a bold key's close stands before it.
    #[test]
    fn pairs_set_in_bold() {
        let value = |t: &'static str| kv_line_uncached(t).map(|(_, _, v)| v);
        assert_eq!(value("**Anbieter: Velqora GmbH**"), Some("Velqora GmbH"));
        assert_eq!(value("**Anbieter:** Velqora GmbH"), Some("Velqora GmbH"));
        assert_eq!(
            value("Anbieter: Velqora **GmbH**"),
            Some("Velqora **GmbH**")
        );
        // a bold single letter over keys is a card's name; a plain one is not
        assert!(slot_name_line("#### **d**"));
        assert!(!slot_name_line("d"));
    }

    /// A name slot under a section's number (`3.2.1 nest-session`, `(b) _gid`) is
    /// the name without it.
    #[test]
    fn numbered_name_lines() {
        let text = "3.2.1 nest-session\nZweck: Sitzung\nSpeicherdauer: 365 Tage\n\n\
                    (b) _gid\n\nPurpose: Visitor ID\nProvider: Velqora\nExpiry: 1 day\n";
        assert_eq!(
            read(text),
            [
                ("nest-session".to_string(), None),
                ("_gid".to_string(), Some("Velqora".to_string()))
            ]
        );
    }

    /// A service's box (`Name: Google AdSense`, its provider and purpose, no
    /// lifetime) over its cookies' own table or blocks names no cookie: the company
    /// up to its address is their provider, the site's owner none. A box with a
    /// lifetime, or with nothing named under it, is a cookie's.
    #[test]
    fn service_boxes_over_their_cookies() {
        let owned = |v: &[(&str, Option<&str>)]| {
            v.iter()
                .map(|(n, p)| (n.to_string(), p.map(str::to_string)))
                .collect::<Vec<_>>()
        };
        let tab_table = "Name:\tGoogle AdSense\nAnbieter:\tGoogle Ireland Limited, Gordon House, \
                         Barrow Street, Dublin 4, Ireland\nZweck:\tZeigt Anzeigen.\n\
                         Technische Cookie-Definitionen\nName\tHost\tDauer\tTyp\n\
                         __gads\t.example.com\t13 Monate\tHTTP Cookie\n\
                         __gpi\t.example.com\t13 Monate\tHTTP Cookie\n";
        let blocks = "Name: Velqora Chat\nProvider: Owner of this website, Imprint\n\
                      Purpose: Offers a chat.\nTechnical cookie definitions\n\
                      Name: vq_id\nHost: .example.com\nDuration: 1 year\n\n\
                      Name: vq_ses\nHost: .example.com\nDuration: Session\n";
        let cards =
            "Name\nVelqora Chat\nProvider\nVelqora GmbH (Germany)\nPurpose\nOffers a chat.\n\
                     Technical cookie definitions\nName\nvq_id\nHost\n.example.com\n\
                     Duration\n1 year\n";
        assert_eq!(
            read(tab_table),
            owned(&[
                ("__gads", Some("Google Ireland Limited")),
                ("__gpi", Some("Google Ireland Limited"))
            ])
        );
        assert_eq!(read(blocks), owned(&[("vq_id", None), ("vq_ses", None)]));
        assert_eq!(read(cards), owned(&[("vq_id", Some("Velqora GmbH"))]));
        // a box with a lifetime is a cookie's
        assert_eq!(
            read("Name: vq_id\nProvider: Velqora\nDuration: 1 year\n\nName: vq_ses\nDuration: 1 day\n"),
            owned(&[("vq_id", Some("Velqora")), ("vq_ses", None)])
        );
    }

    /// A box's row no table lists whose value is a web address goes on the box
    /// (`Privacy Policy⇥https://…`); a name key in a compound names the cookies
    /// (`Cookienaam`) after a `Naam` that named the service.
    #[test]
    fn link_rows_and_compound_name_keys() {
        assert_eq!(
            link_pair("Privacy Policy\thttps://velqora.com/privacy"),
            Some(("Privacy Policy", "https://velqora.com/privacy"))
        );
        assert_eq!(
            link_pair("Datenschutzerklärung: www.velqora.de"),
            Some(("Datenschutzerklärung", "www.velqora.de"))
        );
        assert_eq!(link_pair("See https://velqora.com for more."), None);
        assert_eq!(link_pair("We use it. More: https://velqora.com"), None);
        assert!(key_names_cookies("Cookienaam"));
        assert!(key_names_cookies("Cookie Name"));
        assert!(!key_names_cookies("Naam"));
        assert!(!key_names_cookies("Dienstname"));
        let text = "Naam\tVelqora\nAanbieder\tVelqora BV\nDoel\tTelt bezoeken.\n\
                    Privacybeleid\thttps://velqora.nl/privacy\nCookienaam\tvq_id, vq_ses\n\
                    Cookie vervaltijd\t1 jaar\n";
        let provider = Some("Velqora BV".to_string());
        assert_eq!(
            read(text),
            [
                ("vq_id".to_string(), provider.clone()),
                ("vq_ses".to_string(), provider)
            ]
        );
        let p = crate::parse_policy(text);
        assert!(p.cookies.iter().all(|c| c.duration.is_some()));
    }

    /// A name over a line that opens with it and says it is a service (`Parse.ly` /
    /// `Parse.ly is a service provided by …`) is no card of its own: the lifetimes
    /// under it are its cookies'; a name said to be a cookie still is one.
    #[test]
    fn a_name_said_to_be_a_service_is_no_card() {
        assert_eq!(
            read(
                "Analytics\n\nParse.ly\nParse.ly is a service provided by Parse.ly.\n\
                 Storage duration: _pv: 5 years; _pw: 1 day\n"
            ),
            [
                ("_pv".to_string(), Some("Parse.ly".to_string())),
                ("_pw".to_string(), Some("Parse.ly".to_string()))
            ]
        );
        assert_eq!(
            read(
                "nrid\nnrid is a cookie used to count visits.\nMaximum Storage Duration: 2 years\n"
            ),
            [("nrid".to_string(), None)]
        );
        let said = super::super::context::said_to_be_service;
        assert!(said("Parse.ly", "Parse.ly is a service provided by X."));
        assert!(!said("nrid", "nrid is a cookie used to count visits."));
        assert!(!said("nrid", "Counts visits."));
    }

    /// A name key alone lists cookies when its names are sure, or are identifiers
    /// no word list holds (`ezosuibasgeneris-1`, `browserupdateorg`); not words
    /// (`audience`, `Tracking-Daten`, `visitor-id`), numbers or hosts.
    #[test]
    fn a_name_key_alone_lists_unlisted_identifiers() {
        let read = |text: &str| {
            let ls = crate::segment::lines(text);
            let mut doc = RawDoc::default();
            let mut ctx = Context::default();
            parse(&ls, 0, &mut ctx, &mut doc);
            doc.records
                .iter()
                .map(|r| r.names[0].text.to_string())
                .collect::<Vec<_>>()
        };
        for names in [
            "ezosuibasgeneris-1",
            "idsync-bsw-uid-s",
            "browserupdateorg",
            "ezosuibasgeneris-1, browserupdateorg",
        ] {
            assert_eq!(read(&format!("Cookies : {names}\n")), [names], "{names}");
        }
        for names in [
            "audience",
            "Minimale, anonymisierte Tracking-Daten",
            "visitor-id",
            "3",
            "dornify.io",
            "Keine",
        ] {
            assert!(read(&format!("Cookies: {names}\n")).is_empty(), "{names}");
        }
    }

    /// A lead-in about cookies under a block (`Performance and functionality
    /// cookies:`, read as a key of no value) opens the next section: the block ends
    /// before it, and the lines after it are no part of the block's last value.
    #[test]
    fn a_lead_in_about_cookies_ends_the_block() {
        for gap in ["", "\n"] {
            let text = format!(
                "Name: _fbp\nType: http_cookie\n{gap}Performance and functionality cookies:\n\
                 These cookies are used to improve our site.\n"
            );
            let ls = crate::segment::lines(&text);
            let mut doc = RawDoc::default();
            let mut ctx = Context::default();
            assert_eq!(parse(&ls, 0, &mut ctx, &mut doc), Some(2));
            let values: Vec<&str> = doc.records[0]
                .fields
                .iter()
                .map(|f| f.value[0].text)
                .collect();
            assert_eq!(values, ["http_cookie"]);
        }
    }

    /// A name over its storage type with no key, then keys (`obuid` / `Cookie` /
    /// `Duration: 3 months`): a card, the type its type; a compound word's title over
    /// a sentence and a lifetime key (`Speicherinformationen`) is no card's name.
    #[test]
    fn names_over_their_storage_type() {
        let ls = crate::segment::lines(
            "obuid\nCookie\nDuration: 3 months\nSpeicherinformationen\n\
             Nachfolgend sehen Sie die längste Speicherdauer.\nMaximale Speicherdauer: 1 Tag\n",
        );
        let mut doc = RawDoc::default();
        let mut ctx = Context::default();
        assert_eq!(parse(&ls, 0, &mut ctx, &mut doc), Some(3));
        let rec = &doc.records[0];
        assert_eq!(rec.names[0].text, "obuid");
        let roles: Vec<_> = rec
            .fields
            .iter()
            .map(|f| (f.role, f.value[0].text))
            .collect();
        assert_eq!(
            roles,
            [
                (Some(Role::Type), "Cookie"),
                (Some(Role::Duration), "3 months")
            ]
        );
        assert_eq!(parse(&ls, 3, &mut ctx, &mut doc), None);
        assert!(is_compound_title("Speicherinformationen"));
        assert!(!is_compound_title("Player") && !is_compound_title("CookieConsent"));
    }

    #[test]
    fn one_line_records() {
        let ls = crate::segment::lines(
            "Name: _ga | Provider: Google | Expiry: 2 years\nName: _gid; Purpose: visits\n",
        );
        let mut doc = RawDoc::default();
        let mut ctx = Context::default();
        assert_eq!(parse(&ls, 0, &mut ctx, &mut doc), Some(1));
        assert_eq!(parse(&ls, 1, &mut ctx, &mut doc), Some(1));
        assert_eq!(doc.records.len(), 2);
        assert_eq!(doc.records[0].fields.len(), 2);
    }

    /// Pairs apart by commas after a listed first key: a comma starts a pair only
    /// where a key follows it (the name's list and a purpose keep theirs); after a
    /// label no table lists, commas stay in the values.
    #[test]
    fn one_line_records_between_commas() {
        let ls = crate::segment::lines(
            "Name: _ga, _gid, Provider: Google, Purpose: Counts visits, pages and time, Expiry: 2 years\n\
             Denominación: pcc2, Expiración: 13 meses, Titular: Platform161\n",
        );
        let ctx = Context::default();
        let rec = one_line_record(&ls[0], &ctx).expect("a record");
        assert_eq!(rec.names[0].text, "_ga, _gid");
        let values: Vec<&str> = rec.fields.iter().map(|f| f.value[0].text).collect();
        assert_eq!(
            values,
            ["Google", "Counts visits, pages and time", "2 years"]
        );
        assert!(one_line_record(&ls[1], &ctx).is_none());
    }

    /// A first label no table lists names the cookie when two listed keys or more
    /// follow and its value is one token; one listed key after it, a listed name key
    /// after it, or a phrase for its value, and the line is no record.
    #[test]
    fn one_line_records_under_an_unlisted_first_label() {
        let ls = crate::segment::lines(
            "Denominación: pcc2; Expiración: 13 meses; Titular: Platform161\n\
             Nota: ver abajo; Expiración: 13 meses\n\
             Clave: pcc2; Nombre: _ga; Expiración: 13 meses\n\
             Nota: ver abajo; Expiración: 13 meses; Titular: Platform161\n",
        );
        let ctx = Context::default();
        let rec = one_line_record(&ls[0], &ctx).expect("a record");
        assert_eq!(rec.names[0].text, "pcc2");
        assert_eq!(rec.fields.len(), 2);
        for l in &ls[1..4] {
            assert!(one_line_record(l, &ctx).is_none(), "{:?}", l.text);
        }
    }

    #[test]
    fn one_line_records_name_anywhere_separators_in_values() {
        let ls = crate::segment::lines(
            "Zweck: Zählt Besuche; speichert Sitzungen — Cookie: _pk_id — Laufzeit: 13 Monate
\
             Objet : mesure · Nom du cookie : _ga · Durée : 2 ans
\
             Purpose: one; two | Expiry: 1 year
",
        );
        let mut doc = RawDoc::default();
        let mut ctx = Context::default();
        assert_eq!(parse(&ls, 0, &mut ctx, &mut doc), Some(1));
        assert_eq!(parse(&ls, 1, &mut ctx, &mut doc), Some(1));
        let read: Vec<(&str, Vec<&str>)> = doc
            .records
            .iter()
            .map(|r| {
                let values = r.fields.iter().map(|f| f.value[0].text).collect();
                (r.names[0].text, values)
            })
            .collect();
        assert_eq!(
            read,
            [
                (
                    "_pk_id",
                    vec!["Zählt Besuche; speichert Sitzungen", "13 Monate"]
                ),
                ("_ga", vec!["mesure", "2 ans"]),
            ]
        );
        // pairs on one line with no name key are no record
        assert!(one_line_record(&ls[2], &ctx).is_none());
    }

    /// A card whose lines were joined by spaces: after the name's key, each key a
    /// table lists is found by the colon after it, its first word the capitalised word
    /// nearest the colon that makes one (`Perfect Audience Purpose:` is a provider's
    /// value and a key). Fewer than three pairs, or no name's key first, is no card.
    #[test]
    fn flattened_cards() {
        let text = "Name: _ga Provider: Google Purpose: Distinguishes users. Expiry: 2 years\n\
            Cookie: PHPSESSID Anbieter: example.de Zweck: Speichert die Sitzung. Ablauf: Sitzung\n\
            Cookie name: pa_uid Vendor: Perfect Audience Purpose: Retargeting, across sites. Retention period: 1 year\n\
            Name: _gid Provider: Google\n\
            Tipo: Analítica De terceros: Google Analytics Duración: 2 años\n\
            Note: we use cookies. Purpose: analytics Expiry: 2 years\n";
        let ls = crate::segment::lines(text);
        let ctx = Context::default();
        let read = |k: usize| {
            one_line_record(&ls[k], &ctx).map(|r| {
                let values: Vec<(Option<Role>, &str)> =
                    r.fields.iter().map(|f| (f.role, f.value[0].text)).collect();
                (r.names[0].text, values)
            })
        };
        assert_eq!(
            read(0),
            Some((
                "_ga",
                vec![
                    (Some(Role::Provider), "Google"),
                    (Some(Role::Purpose), "Distinguishes users."),
                    (Some(Role::Duration), "2 years"),
                ]
            ))
        );
        assert_eq!(
            read(1),
            Some((
                "PHPSESSID",
                vec![
                    (Some(Role::Provider), "example.de"),
                    (Some(Role::Purpose), "Speichert die Sitzung."),
                    (Some(Role::Duration), "Sitzung"),
                ]
            ))
        );
        assert_eq!(
            read(2),
            Some((
                "pa_uid",
                vec![
                    (Some(Role::Provider), "Perfect Audience"),
                    (Some(Role::Purpose), "Retargeting, across sites."),
                    (Some(Role::Duration), "1 year"),
                ]
            ))
        );
        for (k, l) in ls.iter().enumerate().skip(3) {
            assert_eq!(read(k), None, "{}", l.text);
        }
    }

    #[test]
    fn glued_keys_near_multibyte_characters() {
        // found by the property tests: the 48-byte window ended inside a character
        let v = format!("aQ{}", "é".repeat(24));
        let v = v.as_str();
        assert_eq!(glued_key(v), None);
        assert_eq!(split_pairs("Name", Role::Name, v).len(), 1);
    }

    #[test]
    fn a_repeated_key_ends_the_block() {
        // the second block lost its name line: its values join no cookie
        let ls = crate::segment::lines(
            "Lang_code\nExpires after: 365 days\nAbout: Stores the language\nExpires after: 30 minutes\nAbout: Shows a session\n",
        );
        let mut doc = RawDoc::default();
        assert_eq!(parse(&ls, 0, &mut Context::default(), &mut doc), Some(3));
        let values: Vec<&str> = doc.records[0]
            .fields
            .iter()
            .map(|f| f.value[0].text)
            .collect();
        assert_eq!(values, ["365 days", "Stores the language"]);
    }

    #[test]
    fn bold_names_with_variant_patterns() {
        assert_eq!(
            bold_name_line("**_wixAB3|#-#-#-#-#** Used for tests."),
            Some(("_wixAB3|#-#-#-#-#", "Used for tests."))
        );
        assert_eq!(bold_name_line("**|#-#** text"), None);
        assert_eq!(bold_name_line("**Marketing**"), None);
    }

    /// In a name slot (right before a block's keys) a token set as code or written
    /// in one case is a name; a plain capitalised word, a category or a sentence is a
    /// heading.
    #[test]
    fn slot_names_by_their_writing() {
        for name in [
            "### `YSC`",
            "### trc",
            "**ucid**",
            "QCQQ",
            "## `version`",
            "_ga",
        ] {
            assert!(slot_name_line(name), "{name:?}");
        }
        for heading in [
            "### Newsletter",
            "Marketing",
            "### Cookies we use",
            "2 years",
        ] {
            assert!(!slot_name_line(heading), "{heading:?}");
        }
    }

    /// Each cookie's name, provider and lifetime's text, as `parse_policy` reads
    /// them from `text`.
    fn name_provider_lifetime(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        crate::parse_policy(text)
            .cookies
            .into_iter()
            .map(|c| (c.name, c.provider, c.duration.map(|d| d.text)))
            .collect()
    }

    /// `want` as [`name_provider_lifetime`] gives it.
    fn triples(
        want: &[(&str, Option<&str>, Option<&str>)],
    ) -> Vec<(String, Option<String>, Option<String>)> {
        want.iter()
            .map(|(n, p, d)| (n.to_string(), p.map(str::to_string), d.map(str::to_string)))
            .collect()
    }

    /// Cards named by words, one letter or names no list knows (`session`,
    /// `preferences`, `m`, `Uetsid, uetvid`) are read where cards around them, built
    /// alike, have a name that is sure: after them, before them, past a section's
    /// heading, and one that leaves out its provider's line.
    #[test]
    fn cards_named_like_their_siblings() {
        let text = "Our cookies\n\n\
            session\nPurpose: Keeps you signed in.\nDuration: Session\n\n\
            _ga\nProvider: Google\nPurpose: Counts visits.\nDuration: 2 years\n\n\
            Preferences\n\n\
            preferences\nProvider: Example\nPurpose: Remembers choices.\nDuration: 1 year\n\n\
            m\nPurpose: Tells devices apart.\nDuration: 2 years\n\n\
            Uetsid, uetvid\nProvider: Microsoft\nPurpose: Ads.\nDuration: 1 day\n";
        assert_eq!(
            name_provider_lifetime(text),
            triples(&[
                ("session", None, Some("Session")),
                ("_ga", Some("Google"), Some("2 years")),
                ("preferences", Some("Example"), Some("1 year")),
                ("m", None, Some("2 years")),
                ("Uetsid", Some("Microsoft"), Some("1 day")),
                ("uetvid", Some("Microsoft"), Some("1 day")),
            ])
        );
        // the sure card after a section's heading; names in bold read as themselves
        for (text, want) in [
            (
                "**preferences**\nProvider: Example\nDuration: 1 year\n\n\
                 Analytics\n\n\
                 _ga\nProvider: Google\nDuration: 2 years\n",
                &["preferences", "_ga"][..],
            ),
            (
                "**vqa, cookies-functional, criteo**\nProvider: Example\nDuration: 1 year\n\n\
                 _ga\nProvider: Google\nDuration: 2 years\n",
                &["vqa", "cookies-functional", "criteo", "_ga"][..],
            ),
        ] {
            let names: Vec<String> = crate::parse_policy(text)
                .cookies
                .into_iter()
                .map(|c| c.name)
                .collect();
            assert_eq!(names, want, "{text:?}");
        }
    }

    /// The cards' build is the evidence: a lone title over keys, or category titles
    /// over keyed descriptions that no sure name sits among, name no cookie.
    #[test]
    fn titles_over_keys_with_no_sure_card_name_no_cookie() {
        for text in [
            "Newsletter\nPurpose: Sends our news.\nDuration: 1 year\n",
            "Necessary\nPurpose: Make the site work.\nRetention: Session\n\n\
             Analytics\nPurpose: Count visits.\nRetention: 2 years\n\n\
             Marketing\nPurpose: Show ads.\nRetention: 1 year\n",
        ] {
            let names: Vec<String> = crate::parse_policy(text)
                .cookies
                .into_iter()
                .map(|c| c.name)
                .collect();
            assert!(names.is_empty(), "{text:?}: {names:?}");
        }
    }

    #[test]
    fn name_lines() {
        assert!(is_name_line("__gads / __gpi"));
        assert!(is_name_line("CookieConsent"));
        assert!(is_name_line("_ga"));
        assert!(is_name_line("CN_ALLOW_FUNCTIONAL_COOKIES_*"));
        assert!(!is_name_line("Cookies utilizadas en la web"));
        assert!(!is_name_line("Google Chrome"));
    }

    /// A consent platform's service row right under a card's last key, no blank line
    /// between, opens the next service: it continues no value, and the cards under it
    /// are that service's.
    #[test]
    fn a_service_row_under_a_card_opens_the_next_service() {
        let text = "    * [Velqora1](#)[Learn more about this provider![]()](https://velqora.example/privacy/ \"Velqora's privacy policy\")\n\
            Some of the data collected by this provider is for measuring advertising.\n\
            **vq_cart** Used to check if the browser keeps the basket.\n\
            **Maximum Storage Duration** : 1 day**Type** : HTTP Cookie\n\
            \x20   * [Brindle4](#)[Learn more about this provider![]()](https://legal.brindle.example/privacy-policy \"Brindle's privacy policy\")\n\
            **br_ab [x2]** This cookie holds the test group.\n\
            **Maximum Storage Duration** : Session**Type** : HTTP Cookie\n";
        assert_eq!(
            name_provider_lifetime(text),
            triples(&[
                ("vq_cart", Some("Velqora"), Some("1 day")),
                ("br_ab", Some("Brindle"), Some("Session"))
            ])
        );
    }

    /// The warnings of kind `SkippedLine` a document got, as the text they cover.
    fn skipped<'d>(p: &crate::Policy, doc: &'d str) -> Vec<&'d str> {
        p.warnings
            .iter()
            .filter(|w| w.kind == crate::policy::WarningKind::SkippedLine)
            .map(|w| &doc[w.span.start..w.span.end])
            .collect()
    }

    /// OneTrust's cookie list sorted by host, each row as a block of keys: a second
    /// key that names cookies (`Cookies used`) whose value is a party, or no list of
    /// names, stays in the block (its lifetimes then pair with its names); a block
    /// whose names key is empty or left out names no cookie and is skipped with a
    /// warning, none of its lines read as a cookie; `Key⇥value` lines alike, with
    /// `Cookies⇥` an empty value.
    #[test]
    fn host_rows_as_key_blocks() {
        let blocks = "Cookie Subgroup: shop.example.com\n\
            Cookies: ARRAffinity, SC_ANALYTICS_GLOBAL_COOKIE\n\
            Cookies used: First Party\n\
            Lifespan: Session, 3650 Days\n\n\
            Cookie Subgroup: www.facebook.com\n\
            Cookies used: Third Party\n\
            Lifespan: Session\n\n\
            Cookie Subgroup: cdn.example.net\n\
            Cookies: \n\
            Cookies used: Third Party\n\
            Lifespan: 1 Day\n\n\
            Sous-groupe de cookies: youtube.com\n\
            Cookies: YSC, VISITOR_INFO1_LIVE\n\
            Cookies utilisés: Cookies tiers\n\
            Durée de vie: Session, 180 Days\n";
        let want = triples(&[
            ("ARRAffinity", None, Some("Session")),
            ("SC_ANALYTICS_GLOBAL_COOKIE", None, Some("3650 Days")),
            ("YSC", None, Some("Session")),
            ("VISITOR_INFO1_LIVE", None, Some("180 Days")),
        ]);
        for text in [
            blocks.to_string(),
            blocks.replace(": ", "\t").replace(":\n", "\t\n"),
        ] {
            assert_eq!(name_provider_lifetime(&text), want, "{text}");
            let p = crate::parse_policy(&text);
            let skipped = skipped(&p, &text);
            assert_eq!(skipped.len(), 2, "{text}");
            assert!(skipped[0].contains("www.facebook.com") && skipped[0].ends_with("Session"));
            assert!(skipped[1].contains("cdn.example.net") && skipped[1].ends_with("1 Day"));
        }
        // the party's key alone opens no block; a block that opens with its names
        // key left empty is skipped whole
        let text = "Cookies used: Third Party\nLifespan: Session\n";
        assert!(name_provider_lifetime(text).is_empty());
        let text = "Cookies:\nCookies used: Third Party\nLifespan: Session\n";
        assert!(name_provider_lifetime(text).is_empty());
        assert_eq!(skipped(&crate::parse_policy(text), text), [text.trim_end()]);
        // a block opened by its names key: another names key whose value is no party
        // a list holds, and no names, stays in it
        let text =
            "Cookies: _ga, _gid\nCookies used: Erstanbieter-Cookies\nLifespan: 2 years, 1 day\n";
        assert_eq!(
            name_provider_lifetime(text),
            triples(&[
                ("_ga", None, Some("2 years")),
                ("_gid", None, Some("1 day"))
            ])
        );
    }

    /// A block whose name key is not its first keeps a label no vocabulary knows
    /// between its known keys (`HttpOnly⇥yes`, `Secure: no`), and reads on past it.
    #[test]
    fn unknown_labels_before_the_name_key() {
        for sep in ["\t", ": "] {
            let text = format!(
                "Purpose{sep}Counts visits.\nName{sep}_ga\nHttpOnly{sep}yes\n\
                 Expiry{sep}2 years\nProvider{sep}Google\n"
            );
            assert_eq!(
                name_provider_lifetime(&text),
                triples(&[("_ga", Some("Google"), Some("2 years"))]),
                "{text}"
            );
            let p = crate::parse_policy(&text);
            assert_eq!(
                p.cookies[0].extra.get("HttpOnly").map(String::as_str),
                Some("yes")
            );
        }
        assert_eq!(unknown_label("HttpOnly\tyes"), Some(("HttpOnly", "yes")));
        assert_eq!(unknown_label("2 years\tyes"), None);
        assert_eq!(unknown_label("http://x.example\tyes"), None);
    }

    /// The same rows as cards, the host alone over the keys (a card's title over its
    /// cookies is their provider): a card alone in its section whose names are no
    /// sure ones is read when a key says their party; a host's card that names no
    /// cookie is skipped with a warning.
    #[test]
    fn host_rows_as_cards() {
        let text = "Functional Cookies\n\n\
            dordor.com\n\
            Cookies: schgtclose, wp-settings-\n\
            Cookies used: First Party\n\n\
            Performance Cookies\n\n\
            cdn35.example.net\n\
            Cookies used: First Party\n\
            Lifespan: Session\n\n\
            zenpel.com\n\
            Cookies: _BEAMER_DATE_, uids\n\
            Cookies used: Third Party\n\
            Lifespan: 30 Days, Session\n";
        assert_eq!(
            name_provider_lifetime(text),
            triples(&[
                ("schgtclose", Some("dordor.com"), None),
                ("wp-settings-", Some("dordor.com"), None),
                ("_BEAMER_DATE_", Some("zenpel.com"), Some("30 Days")),
                ("uids", Some("zenpel.com"), Some("Session")),
            ])
        );
        let p = crate::parse_policy(text);
        assert_eq!(
            skipped(&p, text),
            ["cdn35.example.net\nCookies used: First Party\nLifespan: Session"]
        );
    }

    /// A card's name line may list names and end in words about more of them (`_clck,
    /// _clsk e identificadores do Clarity`): the names are read, the words are none.
    #[test]
    fn a_card_named_by_names_and_words_about_more() {
        assert!(names_then_gloss(
            "_clck, _clsk e identificadores do Clarity"
        ));
        assert!(names_then_gloss("_ga, _gid and other Google cookies"));
        // one name, words that are no names, or too many words after them
        assert!(!names_then_gloss("_ga and other Google cookies"));
        assert!(!names_then_gloss("Analytics, Ads and more"));
        assert!(!names_then_gloss(
            "_ga, _gid and the cookies we set to count visits"
        ));
        let text = "Cookies do site\n\n\
            _clck, _clsk e identificadores do Clarity\n\
            Categoria: Analítico\n\
            Duração: Até 12 meses\n";
        let names: Vec<String> = crate::parse_policy(text)
            .cookies
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(names, ["_clck", "_clsk"]);
    }

    /// A name slot's line loses a list item's bullet (a space or tab after it) and a
    /// bracketed aside that closes it; bold, a name in brackets alone, an aside that
    /// holds brackets and a dash glued to the name stay as written.
    #[test]
    fn name_slots_without_bullet_or_aside() {
        let cases: [(&str, (&str, Option<&str>)); 10] = [
            ("- _ga", ("_ga", None)),
            ("• _ga (Google)", ("_ga", Some("Google"))),
            ("●\t_ga", ("_ga", None)),
            ("* `_ga` (2 years)", ("`_ga`", Some("2 years"))),
            ("**_ga**", ("**_ga**", None)),
            ("_ga (Google)", ("_ga", Some("Google"))),
            ("(_ga)", ("(_ga)", None)),
            ("_ga (a (b))", ("_ga (a (b))", None)),
            ("_ga(Google)", ("_ga(Google)", None)),
            ("-_ga", ("-_ga", None)),
        ];
        for (text, want) in cases {
            assert_eq!(name_slot(text), want, "{text:?}");
        }
        assert!(slot_name_line("- _hjSession_123 (Hotjar)"));
        assert!(slot_name_line("- csrftoken"));
        assert!(!slot_name_line("- Google Analytics (GA4)"));
        // (a list item of letters in both cases is a service's title over its items)
        assert!(!slot_name_line("* PelvynvelForms"));
        assert!(slot_name_line("PelvynvelForms"));
    }

    /// A key line indented by a tab or after a bullet and a tab (a word processor's
    /// copy of a list) is the pair it would be without them.
    #[test]
    fn key_lines_indented_by_tabs() {
        let provider = Some(("Provider", Role::Provider, "Google"));
        for text in [
            "\t- Provider: Google",
            "○\tProvider: Google",
            "\t▪\tProvider: Google",
            "  - Provider: Google",
        ] {
            assert_eq!(kv_line(text), provider, "{text:?}");
        }
        // (a two-cell row keeps its cells)
        assert_eq!(
            kv_line("Provider\tGoogle"),
            Some(("Provider", Role::Provider, "Google"))
        );
        assert_eq!(kv_line("-\tnot a key: x"), None);
    }

    /// Cookies as nested list items, the provider in brackets after the name or a key
    /// under it: every field read, a known or a proper name in the brackets the
    /// provider.
    #[test]
    fn nested_items_with_a_bracketed_provider() {
        let text = "Analytics\n\n\
                    - _ga (Google)\n  - Purpose: Distinguishes users.\n  - Expiry: 2 years\n\n\
                    ●\t_hjSession_1 (Hotjar Ltd)\n○\tPurpose: Keeps the session.\n\
                    ○\tExpiry: 30 minutes\n\n\
                    * **cart_id** (Digital Factory)\n\t- Purpose: Keeps the cart.\n\
                    \t- Expiry: 1 day\n\n\
                    - csrftoken\n  - Provider: Django\n  - Expiry: 1 year\n";
        assert_eq!(
            name_provider_lifetime(text),
            triples(&[
                ("_ga", Some("Google"), Some("2 years")),
                ("_hjSession_1", Some("Hotjar Ltd"), Some("30 minutes")),
                ("cart_id", Some("Digital Factory"), Some("1 day")),
                ("csrftoken", Some("Django"), Some("1 year")),
            ])
        );
        let p = crate::parse_policy(text);
        assert_eq!(p.cookies[0].purposes, ["Distinguishes users."]);
        assert_eq!(p.cookies[2].purposes, ["Keeps the cart."]);
    }
}
