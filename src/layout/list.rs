//! Lists of cookies: items led by a cookie name.
//!
//! ```text
//! list       = item { [blank] item }
//! item       = [bullet] names ":" EOL description_line      (`_ga + _gid:` then the text)
//!            | [bullet] names [space] ":" space text          (`_pk_id : Cookie qui ...`)
//!            | [bullet] names sep text { sep text }           (`_ga – Google – 2 years – ...`, sep: – — - -> |)
//!            | names EOL paragraph { paragraph }              (a name alone, then its text)
//! names      = name { joiner name }
//!            | name "(" aside ")" joiner name "(" aside ")" { joiner name "(" aside ")" }
//!                                                             (`_ga (2 years), _gid (1 day)`: a record each)
//! ```
//! A list is taken when at least one of its names is a sure cookie name
//! (`_ga`, `PHPSESSID`); then plain-word names beside it (`design:`,
//! `language:`) are taken too, and so are tokens in an item of the sure one's shape,
//! before or after it (`auid` alone over its paragraph beside `_ga` alone over
//! its; `hs – …` beside `_ga – …`). Lines of a token and its text that each state a
//! lifetime need no sure name. Items after a lead-in that announces local storage
//! are not cookies: they are reported, not recorded.

use super::context::is_heading;
use super::keyvalue::{is_name_line, kv_line};
use super::prose::qualifiers;
use super::{frag, Context, RawDoc, RawRecord};
use crate::chars::CharClass;
use crate::fields::duration::{duration_prefix, is_whole_duration};
use crate::fields::names::{
    and_joiners, is_and_joiner, is_host_or_file, is_name_shaped, is_strong_name, is_wildcard,
};
use crate::fields::provider::{is_vendor_name, vendor_run};
use crate::fields::text::{contains_short, more_words_than};
use crate::policy::{Span, WarningKind};
use crate::segment::{Line, LineKind};
use crate::vocab::{vocab, Role};

use crate::chars::is_bullet;

/// Strip a list bullet or number (`•`, `-`, `1.`, `2)`, `3.2`, `(b)`).
pub(crate) fn unbullet(text: &str) -> &str {
    let t = crate::fields::text::strip_md_heading(text);
    let t2 = t.trim_start_matches(is_bullet);
    if t2.len() != t.len() && t2.starts_with([' ', '\t']) {
        return t2.trim_start();
    }
    // a number: `1.`, `2)`, a section's `3.2.1` (not `2 years`)
    crate::fields::text::strip_heading_marks(t)
}

/// Whether the line opens with a list bullet (`•`, `-`, `*`, …) and a space.
fn bulleted(text: &str) -> bool {
    let t = text.trim_start();
    let rest = t.trim_start_matches(is_bullet);
    rest.len() != t.len() && rest.starts_with([' ', '\t'])
}

/// The names part of an item head: name-shaped tokens joined by `,`, `+`, `and`...,
/// or a service and such names in brackets after it. Returns whether at least one
/// is a sure cookie name.
fn names_head(head: &str) -> Option<bool> {
    let head = head.trim().trim_matches('`');
    // bold marks around the head, or opening a line bold as a whole (`**Google
    // Chrome: Einstellungen**`, whose head is `**Google Chrome`)
    let head = match head.strip_prefix("**") {
        Some(h) => h.strip_suffix("**").unwrap_or(h).trim(),
        None => head,
    };
    if head.is_empty() || head.len() > 120 {
        return None;
    }
    // a service and its cookies in brackets (`Google Analytics (_ga, _gid)`): the
    // bracket's names, sure by that shape (the records stage reads the service as
    // their provider)
    if head.ends_with(')') {
        if let Some((_, inner)) = crate::fields::names::service_and_names(head) {
            return names_head(inner).map(|_| true);
        }
    }
    // (the tokens are read twice, not collected: every reader start asks this of a
    // short head, and most heads are turned away at their first token)
    let toks = || {
        head.split([' ', ','])
            .filter(|w| !w.is_empty() && *w != "/" && !is_and_joiner(w))
    };
    let mut n = 0;
    for w in toks() {
        n += 1;
        if n > 6 || !is_name_shaped(w.trim_matches('`')) {
            return None;
        }
    }
    if n == 0 {
        return None;
    }
    Some(toks().any(|w| is_strong_name(w.trim_matches('`')) || is_wildcard(w)))
}

/// (role, text, line index) of one piece of an item.
type Part<'a> = (Option<Role>, &'a str, usize);

/// One list item found at a line.
struct Item<'a> {
    names: &'a str,
    names_line: usize,
    strong: bool,
    /// Each piece of the item.
    parts: Vec<Part<'a>>,
    last_line: usize,
}

impl Item<'_> {
    /// A sure name alone on its line over its paragraphs, the first a description.
    fn sure_alone(&self) -> bool {
        self.strong
            && self.last_line > self.names_line
            && !self.names.contains(char::is_whitespace)
            && self
                .parts
                .first()
                .is_some_and(|p| p.0 == Some(Role::Purpose))
    }

    /// One token and its text on one line (`_ga – Used to …`).
    fn one_line(&self) -> bool {
        self.last_line == self.names_line
            && !self.names.trim().contains(char::is_whitespace)
            && !self.parts.is_empty()
    }

    /// The item states a lifetime and nothing else (`cfid: 1 day`).
    fn timed(&self) -> bool {
        matches!(self.parts[..], [(Some(Role::Duration), _, _)])
    }
}

/// Read the item starting at line `j`, if any.
/// `leadin`: the list follows a line that announces cookies and ends with a colon
/// (`Cookie utilizzati:`), so the head of a `name - text` item is a name slot. It is
/// asked only there (it reads the line before the list through a dictionary, and most
/// lines are no such item).
fn item<'a>(lines: &[Line<'a>], j: usize, leadin: &dyn Fn() -> bool) -> Option<Item<'a>> {
    let line = &lines[j];
    // a bulleted line of cells between pipes (`• disco | Salesforce | 1 year`) is an
    // item too: a table row would open with its first cell, not a bullet
    let bulleted_cells = line.kind == LineKind::Pipe && bulleted(line.text);
    if (line.kind != LineKind::Text && !bulleted_cells)
        || kv_line(line.text).is_some_and(|(_, _, value)| !value.trim().is_empty())
    {
        return None;
    }
    let t = unbullet(line.text).trim_end();
    if let Some(it) = definition(lines, j, t) {
        return Some(it);
    }
    // `names:` alone, description on the next line(s)
    if let Some(head) = t.strip_suffix(':') {
        let strong = names_head(head)?;
        // `Cookie utilizzati:` leads a list, `Durata di archiviazione:` labels the
        // values of one: neither is an item
        let role = vocab().field(head.trim());
        let label = role.is_some() || vocab().mentions_cookies(head);
        let value_label = role.is_some_and(|r| r != Role::Name);
        if !strong && (value_label || (head.trim().contains(' ') && label)) {
            return None;
        }
        let mut parts = Vec::new();
        let mut k = j + 1;
        // the description may stand after a blank line
        if lines.get(k).is_some_and(|l| l.is_blank())
            && lines.get(k + 1).is_some_and(|l| l.kind == LineKind::Text)
        {
            k += 1;
        }
        if let Some(n) = lines.get(k).filter(|n| n.kind == LineKind::Text) {
            let nt = unbullet(n.text).trim_end();
            // the description is the next line, unless that is itself an item head, or
            // a bulleted cookie item of its own: `Outbrain:` / `• mdfrc – 4 months – …`
            // is a service's title over its cookies, not a name and its description
            // (the item below is read without its own `names:` path: no deeper)
            let item_below = (nt.ends_with(':') && names_head(nt.trim_end_matches(':')).is_some())
                || (bulleted(n.text) && is_cookie_item(lines, k));
            if !item_below {
                parts.push((Some(Role::Purpose), n.text.trim(), k));
                k += 1;
            }
        }
        if parts.is_empty() {
            return None;
        }
        return Some(Item {
            names: head.trim(),
            names_line: j,
            strong,
            parts,
            last_line: k - 1,
        });
    }
    // `names : text` (not the `::` inside a name: `rc::a -> Google -> …`)
    if let Some(colon) = t.find(':').filter(|&c| !t[c..].starts_with("::")) {
        let body = t[colon + 1..].trim();
        if !body.is_empty() && !body.starts_with("//") {
            // several plain words before the colon are a label (`Anonimizzazione IP:
            // ATTIVA`), not names
            // nor is one capitalised word (`About: …`, `Value: …`, a card's labels)
            let head = t[..colon].trim();
            let capitalised = head.chars().next().is_some_and(char::is_uppercase)
                && head.chars().skip(1).all(char::is_lowercase);
            // `cfid: 1 day`, `Player: 1 minute`: a token that a lifetime follows, and
            // nothing else, is a name whatever its case (the list decides whether its
            // items are names: see `timed_run`)
            // (asked only of a head read as names: most colons follow a label)
            let lifetime = || !head.contains(' ') && is_whole_duration(body);
            let names = names_head(&t[..colon])
                .filter(|&strong| strong || (!head.contains(' ') && (!capitalised || lifetime())));
            if let Some(strong) = names {
                let role = if lifetime() {
                    Role::Duration
                } else {
                    Role::Purpose
                };
                return Some(Item {
                    names: t[..colon].trim(),
                    names_line: j,
                    strong,
                    parts: vec![(Some(role), body, j)],
                    last_line: j,
                });
            }
            // `_ga (2 years), _gid (1 day): text`: names, each with its own aside
            let head = t[..colon].trim_end();
            if aside_pairs(head).is_some() {
                return Some(Item {
                    names: head,
                    names_line: j,
                    strong: true,
                    parts: vec![(Some(Role::Purpose), body, j)],
                    last_line: j,
                });
            }
            // `_ga (2 years): text`, `_ga (Google Analytics): text`
            if let Some(open) = head.find(" (").filter(|_| head.ends_with(')')) {
                let inner = &head[open + 2..head.len() - 1];
                if let Some(strong) = names_head(&head[..open]) {
                    let mut parts: Vec<Part<'a>> = aside_parts(inner)
                        .into_iter()
                        .map(|(role, value)| (Some(role), value, j))
                        .collect();
                    parts.push((Some(Role::Purpose), body, j));
                    return Some(Item {
                        names: head[..open].trim(),
                        names_line: j,
                        strong,
                        parts,
                        last_line: j,
                    });
                }
            }
        }
    }
    // `name – provider – duration – text`
    // (a line with no separator's second byte has none of them: one pass over it
    // instead of a search for each)
    let seps = if has_separator_byte(t) {
        &SEPARATORS[..]
    } else {
        &[]
    };
    for sep in seps {
        if let Some(pos) = find_separator(t, sep) {
            // `_ga (durata: 2 anni) - Distingue gli utenti`: a bracketed qualifier
            // after the name is read for what it says
            // (`_ga (2 years), _gid (1 day) – text`: each name's own aside, read when
            // the records are made)
            let pairs = aside_pairs(t[..pos].trim_end()).is_some();
            let (head, qual) = match t[..pos].trim_end().strip_suffix(')').filter(|_| !pairs) {
                Some(h) => match h.rfind(" (") {
                    Some(o) => (&t[..o], Some(&h[o + 2..])),
                    None => (&t[..pos], None),
                },
                None => (&t[..pos], None),
            };
            let segs = t[pos + sep.len()..]
                .split(sep)
                .filter(|s| !s.trim().is_empty())
                .count();
            // a sure name leads an item; so does any one name-shaped token before two or
            // more cells (`rc::a -> Google -> … -> Session`): a row of a flattened table
            let strong = pairs || names_head(head) == Some(true);
            // a bracketed lifetime after one token makes it a name too (`swym-weml
            // (1 year) – …`, `hs-membership-csrf (Hubspot, Session) - …`)
            let timed = || {
                qual.is_some_and(|q| qualifiers(q).iter().any(|p| p.0 == Role::Duration))
                    || states_lifetime(&t[pos + sep.len()..])
            };
            let slot = segs >= 2 || leadin() || timed();
            if strong || (slot && !head.trim().contains(' ') && names_head(head).is_some()) {
                let mut parts = Vec::new();
                if let Some(q) = qual {
                    for (role, value) in qualifiers(q) {
                        parts.push((Some(role), value, j));
                    }
                }
                let cells: Vec<&str> = t[pos + sep.len()..].split(sep).map(str::trim).collect();
                // a cell of a sentence beside a short label: the label is no description
                let described = |n: usize| {
                    cells.iter().enumerate().any(|(k, c)| {
                        k != n && (more_words_than(c, 4) || c.ends_with(['.', '!', '?']))
                    })
                };
                for (n, &seg) in cells.iter().enumerate() {
                    if seg.is_empty() {
                        continue;
                    }
                    // right after the name and before more cells, a short capitalised
                    // label is the provider (`_ga – Google – 2 years`); a lone text after
                    // the name is its description (`_gid - Sessie informatie`)
                    // (a brand written in camel case, `richAudience`, `eBay`, is
                    // capitalised inside)
                    let camel = !seg.contains(' ')
                        && seg.starts_with(|c: char| c.is_lowercase())
                        && seg.chars().skip(1).any(char::is_uppercase);
                    // (further on, such a label beside a sentence: `_ga – Distinguishes
                    // users. – Google – 2 years`)
                    let label = (n == 0 || (segs > 2 && described(n)))
                        && segs > 1
                        && !more_words_than(seg, 4)
                        && (seg.starts_with(|c: char| c.is_uppercase()) || camel)
                        && !seg.ends_with(['.', '!', '?']);
                    // a host right after the name is where the cookie comes from
                    // (consent platforms list `test_cookie -> doubleclick.net -> …`)
                    let host = n == 0 && segs > 1 && !seg.contains(' ') && is_host_or_file(seg);
                    // a cell that is wholly the site itself (`deze website`, `propia`),
                    // in any case and place, says who sets the cookie: no vendor
                    let own =
                        || segs > 1 && !more_words_than(seg, 3) && vocab().is_first_party(seg);
                    let role = if is_whole_duration(seg) {
                        Some(Role::Duration)
                    } else if host || is_vendor_name(seg) || own() {
                        Some(Role::Provider)
                    } else if segs > 1
                        && !more_words_than(seg, 3)
                        && !seg.ends_with(['.', '!', '?'])
                        && vocab().find_category(seg).is_some()
                    {
                        // a type cell is a label; a sentence naming a category is a
                        // description (`ki_t – Shopify – 2 years – Shopify analytics.`)
                        Some(Role::Type)
                    } else if label {
                        Some(Role::Provider)
                    } else {
                        Some(Role::Purpose)
                    };
                    parts.push((role, seg, j));
                }
                if parts.is_empty() {
                    return None;
                }
                return Some(Item {
                    names: head.trim(),
                    names_line: j,
                    strong,
                    parts,
                    last_line: j,
                });
            }
        }
    }
    // a sure name alone on its line, then its paragraphs
    // (a category title alone, `**Marketing**`, names a section, not a cookie)
    let title = crate::fields::text::strip_md_heading(t)
        .trim()
        .trim_matches('*');
    if is_name_line(t) && !t.contains(' ') && vocab().find_category(title).is_none() {
        let (parts, last) = name_paragraphs(lines, j)?;
        return Some(Item {
            names: t,
            names_line: j,
            strong: true,
            parts,
            last_line: last,
        });
    }
    None
}

/// What a bracketed aside after a name says: each part for itself when it holds a
/// lifetime among others (`Google Analytics, 2 years`), else a lifetime, a provider
/// (`Google Analytics`) or a description.
fn aside_parts(inner: &str) -> Vec<(Role, &str)> {
    let asides = qualifiers(inner);
    if asides.len() > 1 {
        asides
    } else if is_whole_duration(inner) {
        vec![(Role::Duration, inner)]
    } else if vendor_run(inner).is_some() {
        vec![(Role::Provider, inner)]
    } else {
        vec![(Role::Purpose, inner)]
    }
}

/// An item's head of two names or more, each followed by its own bracketed aside,
/// joined by commas, semicolons or an `and` word (`_ga (2 years), _gid (24 hours)`,
/// `_fbp (Meta, 3 months) und fr (Meta, 90 days)`): (name, aside) each. Every aside
/// states a lifetime, or every name is a sure one: a service and its cookie in
/// brackets (`Hotjar (_hjid), Matomo (_pk_id)`) is no such head.
///
/// ```text
/// head = pair { joiner pair }      joiner = "," | ";" | [","] and-word
/// pair = token " (" aside ")"
/// ```
fn aside_pairs(head: &str) -> Option<Vec<(&str, &str)>> {
    // (most heads hold no bracket, or one: two closing brackets at least)
    memchr::memchr_iter(b')', head.as_bytes()).nth(1)?;
    let mut pairs = Vec::new();
    let mut rest = head.trim();
    loop {
        let open = rest.find(" (")?;
        let close = open + rest[open..].find(')')?;
        let (name, aside) = (unbullet(rest[..open].trim()), rest[open + 2..close].trim());
        if name.is_empty()
            || name.contains(' ')
            || !is_name_shaped(name)
            || aside.is_empty()
            || aside.contains('(')
        {
            return None;
        }
        pairs.push((name, aside));
        rest = rest[close + 1..].trim_start();
        if rest.is_empty() {
            break;
        }
        let mut joined = false;
        if let Some(r) = rest.strip_prefix([',', ';']) {
            rest = r.trim_start();
            joined = true;
        }
        if let Some((_, r)) = rest.split_once(' ').filter(|(w, _)| is_and_joiner(w)) {
            rest = r.trim_start();
            joined = true;
        }
        if !joined {
            return None;
        }
    }
    let timed = |a: &str| aside_parts(a).iter().any(|p| p.0 == Role::Duration);
    (pairs.len() >= 2
        && (pairs.iter().all(|p| timed(p.1)) || pairs.iter().all(|p| is_strong_name(p.0))))
    .then_some(pairs)
}

/// Whether line `k` is a list item that declares a cookie as this reader reads one:
/// a sure name, or a name with its lifetime (`• mdfrc – 4 months – …`, `_ga: 2
/// years`). A title right above such items names the service they belong to
/// (`Outbrain:` / `• mdfrc – …`; see `context::named_service`), not a cookie.
pub(crate) fn is_cookie_item(lines: &[Line<'_>], k: usize) -> bool {
    cookie_item(lines, k).is_some()
}

/// The item [`is_cookie_item`] reads at line `k`.
fn cookie_item<'a>(lines: &[Line<'a>], k: usize) -> Option<Item<'a>> {
    // (a line ending with a colon would be read with the line after it: such a head
    // is no item of its own here, and the reading goes no deeper than one line)
    // (nor is a line of one token: read as a name alone over its paragraphs, it
    // would ask this of the line under it, and so on down a list)
    if !lines.get(k).is_some_and(|l| {
        let t = unbullet(l.text).trim();
        !t.ends_with(':') && t.contains(' ')
    }) {
        return None;
    }
    item(lines, k, &|| false)
        .filter(|it| it.strong || it.parts.iter().any(|p| p.0 == Some(Role::Duration)))
}

/// The paragraphs under a name alone on line `j`: one paragraph of description, the
/// lines right under it (no blank between) that are sentences of their own (`Set by
/// Velqora.` / `It is kept for 1 year.`) or its lifetime, provider or type keys, and a
/// lifetime paragraph after it; a storage type alone (`Cookie`) is the type. With the
/// last line read, or `None` when no paragraph follows.
fn name_paragraphs<'a>(lines: &[Line<'a>], j: usize) -> Option<(Vec<Part<'a>>, usize)> {
    let mut parts = Vec::new();
    let mut k = j + 1;
    let mut last = j;
    while k < lines.len() && parts.len() < 4 {
        let n = &lines[k];
        if n.is_blank() {
            k += 1;
            continue;
        }
        // a lifetime, provider or type key right under the item's text (no blank
        // between) is the item's own (`Lifetime: 2 weeks.`); after a blank line, it
        // may be stated once for the whole list
        if kv_line(n.text).is_some() {
            let own = own_key(n.text).filter(|_| k == last + 1 && !parts.is_empty());
            let Some((role, value)) = own else {
                break;
            };
            parts.push((Some(role), value, k));
            last = k;
            k += 1;
            // (the item goes on only on the line right under it)
            if !lines.get(k).is_some_and(|l| is_item_line_under(l)) {
                break;
            }
            continue;
        }
        if n.kind != LineKind::Text || is_name_line(n.text) {
            break;
        }
        // a cookie item under the name is no paragraph of it: the name is a
        // service's title over its cookies (`- ID5` / `  - callback – 1 Tag – …`,
        // `ID5` / `gpp – Session – …`); unbulleted, the item's name is one no word or
        // vendor could be (`Google – 2 years – …` may describe the name above)
        if parts.is_empty()
            && cookie_item(lines, k)
                .is_some_and(|it| bulleted(n.text) || it.strong || may_be_name(it.names.trim()))
        {
            break;
        }
        let nt = n.text.trim();
        if is_whole_duration(nt) {
            parts.push((Some(Role::Duration), nt, k));
            last = k;
            break;
        }
        if is_heading(n) && !parts.is_empty() {
            break;
        }
        // (a storage type with no key, `Cookie`, is the type, and the paragraphs
        // go on after it)
        if super::cards::is_type_line(nt) {
            parts.push((Some(Role::Type), nt, k));
            last = k;
            k += 1;
            continue;
        }
        parts.push((Some(Role::Purpose), nt, k));
        last = k;
        k += 1;
        // one paragraph of description, and the sentences right under it, unless a
        // duration paragraph follows
        let after = lines[k..].iter().find(|l| !l.is_blank());
        // (not after a label's line, `Module: Functional`: the lines under it are a
        // block of keys, not the item's paragraphs)
        let under =
            super::keyvalue::loose_kv(nt).is_none() && lines.get(k).is_some_and(is_item_line_under);
        if !under && after.is_none_or(|a| !is_whole_duration(a.text.trim())) {
            break;
        }
    }
    (!parts.is_empty()).then_some((parts, last))
}

/// A line that goes on the item above it when it stands right under it: a sentence
/// of its own or a lifetime, provider or type key.
fn is_item_line_under(l: &Line<'_>) -> bool {
    l.kind == LineKind::Text && (is_own_sentence(l.text) || own_key(l.text).is_some())
}

/// A lifetime, provider or type key with its value (`Lifetime: 2 weeks.`): what an
/// item may state of itself on a line of its own.
fn own_key(text: &str) -> Option<(Role, &str)> {
    kv_line(text)
        .filter(|(_, role, value)| {
            matches!(role, Role::Duration | Role::Provider | Role::Type) && !value.trim().is_empty()
        })
        .map(|(_, role, value)| (role, value.trim()))
}

/// A line that is a sentence of its own: two words or more (`Shopify analytics.`),
/// ended by a full stop (or `!`, `?`), opening with a capital, no key or label
/// (`About: …`) and no name alone.
fn is_own_sentence(text: &str) -> bool {
    let t = text.trim();
    t.ends_with(['.', '!', '?'])
        && t.chars().next().is_some_and(char::is_uppercase)
        && more_words_than(t, 1)
        && kv_line(t).is_none()
        && super::keyvalue::loose_kv(t).is_none()
        && !is_name_line(t)
}

/// What separates the cells of a list item (`name – provider – duration – text`), in
/// the order they are tried: dashes, bars, and the arrows and chevrons a consent
/// panel's list or a copied row puts between a name and its cells (`_pk_id ▸ 13
/// months`, `_ga › Google › 2 years`).
const SEPARATORS: [&str; 10] = [
    " – ", " — ", " - ", " -> ", " → ", " | ", " ▸ ", " › ", " » ", " > ",
];

/// Whether `t` holds the second byte of a separator of [`SEPARATORS`] (the byte
/// [`find_separator`] searches for: `-`, `|`, `>`, the lead byte 0xE2 of `–`, `—`,
/// `→`, `▸`, `›`), or the last byte 0xBB of `»`, without which it finds none. (`»`
/// is looked for by its last byte: its lead byte 0xC2 is a no-break space's too,
/// which copied lines are full of.)
fn has_separator_byte(t: &str) -> bool {
    let b = t.as_bytes();
    memchr::memchr3(b'-', b'|', 0xE2, b).is_some() || memchr::memchr2(b'>', 0xBB, b).is_some()
}

/// `t.find(sep)` for a separator of [`SEPARATORS`]: each starts with a space, so it is
/// found by its second byte (a byte search; most lines have none of them), without
/// building a substring searcher for every separator of every line.
fn find_separator(t: &str, sep: &str) -> Option<usize> {
    let (b, s) = (t.as_bytes(), sep.as_bytes());
    memchr::memchr_iter(s[1], b)
        .filter(|&i| i >= 1)
        .find(|&i| b[i - 1..].starts_with(s))
        .map(|i| i - 1)
}

/// A definition list copied as markdown: the term alone on its line, its definition
/// on the next line after `: ` (`_ga` / `: 2 years. Used to distinguish users.`).
/// Flattened copies glue the next term to the end of a definition
/// (`users._gid` / `: 24 hours. …`): a definition line read at `j` takes its term from
/// the end of the line before it. A lifetime that opens the definition is its duration.
fn definition<'a>(lines: &[Line<'a>], j: usize, t: &'a str) -> Option<Item<'a>> {
    let def_at = |k: usize| -> Option<&'a str> {
        let l = lines.get(k).filter(|l| l.kind == LineKind::Text)?;
        let d = l.text.trim().strip_prefix(':')?.trim();
        (!d.is_empty()).then_some(d)
    };
    let (names, names_line, k) = if t.trim_start().starts_with(':') {
        // the term glued to the end of the line before
        let prev = lines.get(j.checked_sub(1)?)?;
        (glued_term(prev.text.trim_end())?, j - 1, j)
    } else {
        def_at(j + 1)?;
        names_head(t)?;
        (t.trim(), j, j + 1)
    };
    let strong = names_head(names)?;
    let def = def_at(k)?;
    // the next term glued to this definition's end is not part of it
    let def = match glued_term(def) {
        Some(next) if def_at(k + 1).is_some() => def[..def.len() - next.len()].trim_end(),
        _ => def,
    };
    let mut parts = Vec::new();
    let mut purpose = def;
    if let Some(n) = duration_prefix(def) {
        let rest = &def[n..];
        if let Some(r) = rest.strip_prefix(['.', ';', ',']) {
            parts.push((Some(Role::Duration), def[..n].trim(), k));
            purpose = r.trim();
        }
    }
    if !purpose.is_empty() {
        parts.push((Some(Role::Purpose), purpose, k));
    }
    Some(Item {
        names,
        names_line,
        strong,
        parts,
        last_line: k,
    })
}

/// In a run of `name` / description / lifetime items (one cell per line), the line
/// where the next name is due is a name slot: any one name-shaped token there (`gale`)
/// is a name when a description and a lifetime follow it as they follow the others.
fn slot_item<'a>(lines: &[Line<'a>], j: usize, items: &[Item<'a>]) -> Option<Item<'a>> {
    if let Some(it) = sibling_name(lines, j, items) {
        return Some(it);
    }
    let shaped = |it: &Item<'_>| {
        it.parts.len() == 2
            && it.parts[0].0 == Some(Role::Purpose)
            && it.parts[1].0 == Some(Role::Duration)
    };
    if items.len() < 2 || !items[items.len() - 2..].iter().all(shaped) {
        return None;
    }
    // the name line and the next two filled lines (blank lines between are allowed)
    let mut at = lines[j..]
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.is_blank())
        .take(3)
        .map(|(k, l)| (j + k, l));
    let mut text_at = || {
        at.next()
            .filter(|(_, l)| l.kind == LineKind::Text)
            .map(|(k, l)| (k, l.text.trim()))
    };
    let (_, name) = text_at()?;
    let (dk, desc) = text_at()?;
    let (lk, life) = text_at()?;
    let v = vocab();
    let ok = !name.contains(char::is_whitespace)
        && is_name_shaped(name)
        && v.field(name).is_none()
        && v.find_category(name).is_none()
        && !is_whole_duration(desc)
        && is_whole_duration(life);
    ok.then(|| Item {
        names: name,
        names_line: j,
        strong: false,
        parts: vec![
            (Some(Role::Purpose), desc, dk),
            (Some(Role::Duration), life, lk),
        ],
        last_line: lk,
    })
}

/// An item shaped as the one before it, a sure name: a token alone on its line over
/// a sentence after a sure name alone over its paragraphs ([`token_item`]), or a
/// token before a separator and its text after a sure name's line of the same shape
/// ([`token_line_item`]); though no shape makes it sure (`auid`, `c-referrer`,
/// `token` after `_ga`).
fn sibling_name<'a>(lines: &[Line<'a>], j: usize, items: &[Item<'a>]) -> Option<Item<'a>> {
    let last = items.last().filter(|it| it.strong)?;
    if last.sure_alone() {
        token_item(lines, j)
    } else if last.one_line() {
        token_line_item(lines, j)
    } else {
        None
    }
}

/// The same before the list's first sure name: tokens (at most four items in a row)
/// followed by an item of the same shape whose name is sure. `items` are those read
/// so far, none sure.
fn leading_sibling<'a>(lines: &[Line<'a>], j: usize, items: &[Item<'a>]) -> Option<Item<'a>> {
    if items.len() >= 4 || items.iter().any(|it| it.strong) {
        return None;
    }
    let (it, alone) = match token_item(lines, j) {
        Some(it) => (it, true),
        None => (token_line_item(lines, j)?, false),
    };
    // lines of a token and its text that each state a lifetime need no sure name
    // among them: two in a row are a list (see `stated` in `parse`)
    let stated = |it: &Item<'_>| it.parts.iter().any(|p| states_lifetime(p.1));
    if !alone && stated(&it) {
        let next = lines[it.last_line + 1..].iter().position(|l| !l.is_blank());
        let followed = next.is_some_and(|d| {
            token_line_item(lines, it.last_line + 1 + d).is_some_and(|n| stated(&n))
        });
        if followed || items.last().is_some_and(stated) {
            return Some(it);
        }
    }
    let same = |n: &Item<'_>| {
        if alone {
            n.sure_alone()
        } else {
            n.strong && n.one_line()
        }
    };
    let token = |k: usize| {
        if alone {
            token_item(lines, k)
        } else {
            token_line_item(lines, k)
        }
    };
    let mut k = it.last_line + 1;
    let mut tokens = items.len() + 1;
    loop {
        while lines.get(k).is_some_and(Line::is_blank) {
            k += 1;
        }
        if k >= lines.len() {
            return None;
        }
        match item(lines, k, &|| false) {
            Some(n) if same(&n) => return Some(it),
            Some(_) => return None,
            None if tokens < 4 => {
                tokens += 1;
                k = token(k)?.last_line + 1;
            }
            None => return None,
        }
    }
}

/// Whether a token may be a cookie's name by its place alone: one name-shaped token
/// that no heading or label is (a capitalised word, `Overview`; a header word, a
/// category, a vendor).
fn may_be_name(name: &str) -> bool {
    let v = vocab();
    // (the length first: most lines are longer, and are turned away unread)
    name.len() <= 60
        && !name.contains(char::is_whitespace)
        && is_name_shaped(name)
        && !is_plain_word(name)
        && v.field(name).is_none()
        && v.find_category(name).is_none()
        && !is_vendor_name(name)
}

/// A token before a separator and its text on one line (`auid – Used to …`), read as
/// a name slot is after a lead-in: an item of one line whose head
/// [`may_be_name`].
fn token_line_item<'a>(lines: &[Line<'a>], j: usize) -> Option<Item<'a>> {
    let text = lines[j].text;
    if lines[j].kind != LineKind::Text || !has_separator_byte(text) {
        return None;
    }
    // (one token, then a separator: asked of the words before the item is read)
    let mut words = unbullet(text).split_whitespace();
    let (Some(head), Some(sep)) = (words.next(), words.next()) else {
        return None;
    };
    // (each separator is its mark between two spaces: the mark compared, not trimmed)
    if !SEPARATORS.iter().any(|s| &s[1..s.len() - 1] == sep) || !may_be_name(head) {
        return None;
    }
    item(lines, j, &|| true).filter(|it| it.one_line() && may_be_name(it.names.trim()))
}

/// A token alone on line `j` over a sentence and its paragraphs, read as a name
/// alone is ([`name_paragraphs`]), when it may be no heading or label: no
/// capitalised word (`Overview`), header word, category or vendor.
fn token_item<'a>(lines: &[Line<'a>], j: usize) -> Option<Item<'a>> {
    let line = &lines[j];
    let name = line.text.trim();
    if line.kind != LineKind::Text || !may_be_name(name) {
        return None;
    }
    // its first paragraph a sentence, as the description under a name is
    let desc = lines[j + 1..].iter().find(|l| !l.is_blank())?;
    if desc.kind != LineKind::Text || !is_own_sentence(desc.text) {
        return None;
    }
    let (parts, last) = name_paragraphs(lines, j)?;
    Some(Item {
        names: name,
        names_line: j,
        strong: false,
        parts,
        last_line: last,
    })
}

/// A cookie name glued after the full stop that ends a line (`users._gid`).
fn glued_term(text: &str) -> Option<&str> {
    let dot = text.rfind('.')?;
    let (head, term) = (&text[..dot], &text[dot + 1..]);
    (head.ends_with(|c: char| c.is_letter_or_digit() || c == ')')
        && !term.is_empty()
        && !term.contains(char::is_whitespace)
        && is_name_shaped(term)
        && is_strong_name(term))
    .then_some(term)
}

/// Recognise a list of cookie items starting at line `i`.
/// The names of a line that holds only sure cookie names (`_pk_ref`, `, _pk_id`,
/// `et _pk_ses`): the names' text, without a leading joiner.
fn bare_names(text: &str) -> Option<&str> {
    let t = text
        .trim()
        .trim_start_matches([',', ';', '-', '•', '*'])
        .trim_start();
    // the last token is the same with or without a leading joiner taken off (a joiner
    // is followed by a space), and it must be a sure name: asked first, it turns most
    // lines away before the joiners are tried one by one
    let last = t
        .trim_end_matches([',', ';'])
        .rsplit(|c: char| c == ',' || c.is_whitespace())
        .find(|w| !w.is_empty());
    if !last.is_some_and(is_strong_name) {
        return None;
    }
    let t = and_joiners()
        .find_map(|j| t.strip_prefix(j).filter(|r| r.starts_with(' ')))
        .unwrap_or(t)
        .trim()
        .trim_end_matches([',', ';']);
    // at most four tokens: count them first (a line of prose has hundreds), then ask
    // the dictionary
    let toks = t.split([',', ' ']).filter(|w| !w.is_empty());
    let n = toks.clone().take(5).count();
    ((1..=4).contains(&n) && toks.into_iter().all(is_strong_name)).then_some(t)
}

/// A run of two or more lines holding only sure cookie names, one or a few per line,
/// blank lines between them or not (a list whose markup was lost): one record per
/// line, names only.
fn name_run<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    bare_names(lines[i].text)?;
    let mut run = Vec::new();
    let mut j = i;
    while j < lines.len() {
        if lines[j].is_blank() {
            j += 1;
            continue;
        }
        match bare_names(lines[j].text) {
            Some(names) => run.push((j, names)),
            None => break,
        }
        j += 1;
    }
    if run.len() < 2 {
        return None;
    }
    let j = run.last().map_or(i, |r| r.0) + 1;
    for (k, names) in run {
        let line = &lines[k];
        doc.records
            .push(RawRecord::new(frag(line, names), line.span(), ctx));
    }
    Some(j - i)
}

/// Where `name : text` items start inside one paragraph (`a.b : x (durée 30 jours).
/// c_d : y.`): at the start or after a sentence end, a sure cookie name, then a colon
/// set apart by spaces or followed by one. Returns (item start, name end, text start).
fn inline_items(text: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut starts = vec![0];
    starts.extend(text.match_indices(". ").map(|(k, _)| k + 2));
    for s in starts {
        // the name is the first token of the sentence, after any spaces
        let lead = text[s..].len() - text[s..].trim_start().len();
        let rest = &text[s + lead..];
        let Some(tok) = rest.split_whitespace().next() else {
            continue;
        };
        let name = tok.trim_end_matches(':');
        // in this slot an identifier is a name (`authjs.session-token`)
        let identifier = is_name_shaped(name)
            && name.contains(['.', '_', '-'])
            && !crate::fields::names::is_host_or_file(name);
        if !(is_strong_name(name) || identifier) {
            continue;
        }
        let after = rest[name.len()..].trim_start_matches([' ', '\u{a0}']);
        if let Some(body) = after.strip_prefix(':') {
            if body.starts_with([' ', '\u{a0}']) {
                out.push((
                    s,
                    s + lead + name.len(),
                    text.len() - body.trim_start().len(),
                ));
            }
        }
    }
    out
}

/// A paragraph that declares two or more cookies as `name : text` runs: one record each.
fn inline_run<'a>(line: &Line<'a>, ctx: &Context, doc: &mut RawDoc<'a>) -> Option<usize> {
    // items start at the paragraph's start and after each `. `: without one there is
    // one item at most, so no run (most lines have none, and the scan asks a dictionary)
    if line.kind != LineKind::Text || !contains_short(line.text, ". ") {
        return None;
    }
    // each item has a colon of its own after its name: a paragraph with fewer than
    // two colons has fewer than two items, and its sentences are not read
    memchr::memchr_iter(b':', line.text.as_bytes()).nth(1)?;
    let items = inline_items(line.text);
    if items.len() < 2 {
        return None;
    }
    for (k, &(start, name_end, body)) in items.iter().enumerate() {
        // an item is one sentence: the last ends at its first sentence end
        let end = items.get(k + 1).map_or_else(
            || {
                line.text[body..]
                    .find(". ")
                    .map_or(line.text.len(), |p| body + p + 1)
            },
            |n| n.0,
        );
        let name = line.text[start..name_end].trim();
        let text = line.text[body..end].trim();
        let span = Span::new(line.start() + start, line.start() + end);
        let mut rec = RawRecord::new(frag(line, name), span, ctx);
        if !text.is_empty() {
            rec.push(Some(Role::Purpose), "description", frag(line, text));
        }
        doc.records.push(rec);
    }
    Some(1)
}

/// A line of names each followed by its lifetime, after a label or not (`Storage
/// duration: _ga: 2 years; _gid: 1 day`, `cfid: 1 day, cftoken: 1 day`; a list whose
/// items were run together into one line): one record each, name and lifetime.
///
/// ```text
/// line = [label ":"] pair { (";" | ",") pair } ["."]
/// pair = token ":" lifetime
/// ```
/// Two pairs at least, or one after a lifetime label (`Durata: _ga: 2 anni`).
fn lifetime_pairs<'a>(line: &Line<'a>, ctx: &Context, doc: &mut RawDoc<'a>) -> Option<usize> {
    if line.kind != LineKind::Text {
        return None;
    }
    let text = line.text;
    // a pair has a colon of its own, and a label or a second pair another: a line
    // with fewer than two colons is none (most lines)
    memchr::memchr_iter(b':', text.as_bytes()).nth(1)?;
    let body_start = |t: &str| t.len() - t.trim_start().len();
    let t = text.trim_end().trim_end_matches('.');
    // the label: the words before the first colon when they are no name
    let first = t.find(':')?;
    let head = t[..first].trim();
    let field = vocab().field(unbullet(head));
    let (labelled, from) = if head.contains(' ') || !is_name_shaped(head) || field.is_some() {
        let lifetime_label = field == Some(Role::Duration);
        if more_words_than(head, 4) {
            return None;
        }
        (lifetime_label, first + 1)
    } else {
        (false, 0)
    };
    let mut pairs = Vec::new();
    let mut at = from;
    for piece in t[from..].split([';', ',']) {
        let start = at + body_start(piece);
        at += piece.len() + 1;
        let (name, lifetime) = piece.split_once(':')?;
        let (name, lifetime) = (name.trim(), lifetime.trim());
        let name = unbullet(name);
        if name.is_empty()
            || name.contains(' ')
            || !is_name_shaped(name)
            || !lifetime.starts_with(char::is_alphanumeric)
            || !is_whole_duration(lifetime)
        {
            return None;
        }
        let name_at = start + piece.trim_start().find(name)?;
        let life_at = start + piece.trim_start().rfind(lifetime)?;
        pairs.push((name_at, name.len(), life_at, lifetime.len()));
    }
    if pairs.len() < 2 && !(labelled && pairs.len() == 1) {
        return None;
    }
    for &(n, nl, l, ll) in &pairs {
        let span = Span::new(line.start() + n, line.start() + l + ll);
        let mut rec = RawRecord::new(frag(line, &text[n..n + nl]), span, ctx);
        rec.push(
            Some(Role::Duration),
            role_header(Some(Role::Duration)),
            frag(line, &text[l..l + ll]),
        );
        doc.records.push(rec);
    }
    Some(1)
}

/// Whether an item's text states its lifetime itself: a closing bracketed aside with
/// a lifetime among other words (`… (Google Analytics, 2 years)`; a lifetime alone
/// in brackets, `CSRF (2 years)`, is not enough), a labelled lifetime (`… Expiry:
/// 2 years.`), or a sentence that says how long it lives (`It expires after 30
/// days.`). Evidence that a plain token before it is a cookie's name.
fn states_lifetime(text: &str) -> bool {
    super::closing_aside(text).is_some()
        || text.contains(':')
            && crate::records::take_embedded_duration(&mut text.to_string()).is_some()
        || crate::records::take_lifetime_sentence(&mut text.to_string()).is_some()
}

/// A capitalised word, or words joined by hyphens, with nothing of an identifier
/// (`Datenschutzerklärung`, `Opt-Out`; not `_ga`, `NID`, `cartToken`, `a.b`).
fn is_plain_word(t: &str) -> bool {
    !t.is_empty()
        && t.split('-').all(|p| {
            let mut cs = p.chars();
            cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
        })
}

pub(crate) fn parse<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    if !ctx.storage_leadin {
        if let Some(n) = lifetime_pairs(&lines[i], ctx, doc) {
            return Some(n);
        }
        if let Some(n) = name_run(lines, i, ctx, doc) {
            return Some(n);
        }
        if let Some(n) = inline_run(&lines[i], ctx, doc) {
            return Some(n);
        }
    }
    // (read once, when first asked: most lines start no item, and then no list reads it)
    let leadin_once = std::cell::OnceCell::new();
    let leadin = || {
        *leadin_once.get_or_init(|| {
            lines[..i]
                .iter()
                .rev()
                .find(|l| !l.is_blank())
                .is_some_and(|l| {
                    let t = l.text.trim();
                    // (or a consent panel's line about the service, `This service can
                    // install 2 cookies.`: its cookies follow)
                    (t.ends_with(':') || vocab().opens_with_service_ref(t))
                        && !more_words_than(t, 8)
                        && vocab().mentions_cookies(t)
                })
        })
    };
    let mut items = Vec::new();
    let mut j = i;
    let mut end = i;
    while j < lines.len() {
        if lines[j].is_blank() {
            j += 1;
            continue;
        }
        match item(lines, j, &leadin)
            .or_else(|| slot_item(lines, j, &items))
            .or_else(|| leading_sibling(lines, j, &items))
        {
            // a run of sure names ends at an item headed by a plain capitalised word
            // (`_gid: …` then `Datenschutzerklärung: https://…`, `Opt-Out: …`)
            // (unless every item is a name and a lifetime: `_ga: 2 years`, `Player:
            // 1 minute`)
            Some(it)
                if !it.strong
                    && !items.is_empty()
                    && items.iter().all(|p: &Item<'_>| p.strong)
                    && is_plain_word(it.names.trim())
                    && !(it.timed() && items.iter().all(Item::timed)) =>
            {
                break
            }
            Some(it) => {
                j = it.last_line + 1;
                end = j;
                items.push(it);
            }
            None => break,
        }
    }
    // after a lead-in, one-token heads are names even if no dictionary knows them
    // (no item: no list, whatever the line before says)
    let slots = || {
        leadin()
            && items
                .iter()
                .all(|it| it.strong || !it.names.trim().contains(' '))
    };
    // a flattened table: every item one line, one name and two cells or more after
    // it, and most of them state a lifetime (`trkInfo - LinkedIn - … - 1 anno`); a
    // lone item, three cells or more, a lifetime among them, and a name that is no
    // vendor or capitalised word (`svid – Epsilon – … – 13 Monate` under its heading)
    let lone = |it: &Item<'_>| {
        it.parts.len() >= 3 && !is_vendor_name(it.names) && !is_plain_word(it.names)
    };
    let rows = || {
        (items.len() >= 2 || items.iter().all(lone))
            && items.iter().all(|it| {
                it.last_line == it.names_line && !it.names.contains(' ') && it.parts.len() >= 2
            })
            && items
                .iter()
                .filter(|it| it.parts.iter().any(|p| p.0 == Some(Role::Duration)))
                .count()
                * 2
                > items.len()
    };
    // items of one line and one token each, whose texts state their lifetimes
    // (`lidc: Registers … Provider: LinkedIn. Expiry: 1 day.`)
    let stated = || {
        items.iter().all(|it| {
            it.last_line == it.names_line
                && !it.names.trim().contains(' ')
                && !is_vendor_name(it.names.trim())
                && !is_plain_word(it.names.trim())
                && it.parts.iter().any(|p| {
                    p.0 == Some(Role::Duration)
                        || (p.0 == Some(Role::Purpose) && states_lifetime(p.1))
                })
        })
    };
    // items that each state only a lifetime (`cfid: 1 day`, `Player: 1 minute`), one
    // of them at least a token no capitalised word or vendor could be: a capitalised
    // label alone (`Retention: 2 years`) stays a label
    let timed_run = || {
        items.iter().all(Item::timed)
            && items.iter().any(|it| {
                let n = it.names.trim();
                !is_plain_word(n) && !is_vendor_name(n)
            })
    };
    if items.is_empty()
        || !(items.iter().any(|it| it.strong) || slots() || rows() || stated() || timed_run())
    {
        return None;
    }
    // fields stated once for the whole list right after it (`Retention: 2 years`,
    // `Provider: Google`) apply to every item that does not state its own
    let mut shared: Vec<(Role, &'a str, usize)> = Vec::new();
    let mut k = end;
    while k < lines.len() {
        if lines[k].is_blank() {
            k += 1;
            continue;
        }
        match kv_line(lines[k].text) {
            Some((_, role, value))
                if matches!(role, Role::Duration | Role::Provider | Role::Type)
                    && !value.trim().is_empty()
                    && !shared.iter().any(|s| s.0 == role) =>
            {
                shared.push((role, value.trim(), k));
                k += 1;
                end = k;
            }
            _ => break,
        }
    }
    for it in items {
        let first = &lines[it.names_line];
        let span = Span::new(first.start(), lines[it.last_line].end());
        if ctx.storage_leadin {
            doc.warn(
                WarningKind::NotACookie,
                span,
                format!(
                    "{:?} is listed as local storage, not a cookie; left out",
                    it.names
                ),
            );
            continue;
        }
        // names each with its own aside: a record each, the aside's parts its own
        let pairs = aside_pairs(it.names).unwrap_or_else(|| vec![(it.names, "")]);
        for (name, aside) in pairs {
            let mut rec = RawRecord::new(frag(first, name), span, ctx);
            let own = if aside.is_empty() {
                Vec::new()
            } else {
                aside_parts(aside)
            };
            for &(role, text) in &own {
                rec.push(Some(role), role_header(Some(role)), frag(first, text));
            }
            for &(role, text, k) in &it.parts {
                rec.push(role, role_header(role), frag(&lines[k], text));
            }
            for &(role, text, k) in &shared {
                let stated = |r: Role| {
                    it.parts.iter().any(|p| p.0 == Some(r)) || own.iter().any(|p| p.0 == r)
                };
                if !stated(role) {
                    rec.push(Some(role), role_header(Some(role)), frag(&lines[k], text));
                }
            }
            doc.records.push(rec);
        }
    }
    Some(end - i)
}

fn role_header(role: Option<Role>) -> &'static str {
    match role {
        Some(Role::Duration) => "duration",
        Some(Role::Provider) => "provider",
        Some(Role::Type) => "type",
        _ => "purpose",
    }
}

#[cfg(test)]
mod tests {
    /// A service's title over its cookie items (`Outbrain:` / `• mdfrc – 4 months –
    /// …`, `- ID5` / `  - callback – 1 day – …`) is no cookie whose description is
    /// the item under it: every item is a cookie of its own.
    #[test]
    fn a_title_over_cookie_items_is_no_cookie() {
        for text in [
            "FreeWheel:\n• MRM_UID – 1 month – Tracks the visitor.\nSeedtag:\n• st_csd – 1 year – Date of the last sync.\n",
            "- ID5\n  - callback – 1 day – Collects data on visitor behaviour.\n- Auth0\n  - auth0_compat – Session – Fallback cookie for single sign-on.\n",
            "ID5\ngpp – Session – A consent string.\nWistia\nwistia – Session – Needed by the video player.\n",
        ] {
            let p = crate::parse_policy(text);
            let names: Vec<&str> = p.cookies.iter().map(|c| c.name.as_str()).collect();
            let items: Vec<&str> = text
                .lines()
                .filter(|l| l.contains(" – "))
                .map(|l| super::unbullet(l.trim()).split(' ').next().unwrap_or(""))
                .collect();
            assert_eq!(names, items, "{text}");
            assert!(p.cookies.iter().all(|c| c.duration.is_some()), "{text}");
        }
        // a description under a name alone stays its paragraph, a vendor's name
        // before a lifetime too (`Google – 2 years – …` may describe it)
        let p = crate::parse_policy("_ga\nGoogle – 2 years – Distinguishes users.\n");
        assert_eq!(p.cookies.len(), 1);
        assert_eq!(p.cookies[0].name, "_ga");
    }

    /// Arrows and chevrons separate an item's cells as dashes do (`_pk_id ▸ 13
    /// months`, `AEC › Google › 6 months › …`, `NID » Google » …`, `lang > …`).
    #[test]
    fn arrows_and_chevrons_separate_an_item_s_cells() {
        for sep in [" ▸ ", " › ", " » ", " > "] {
            let text = format!(
                "Cookies\n\n- _pk_id{sep}13 months{sep}Stores a unique visitor ID.\n\
                 - NID{sep}Google{sep}6 months{sep}Remembers your preferences.\n"
            );
            let p = crate::parse_policy(&text);
            let got: Vec<(&str, Option<&str>, Option<&str>)> = p
                .cookies
                .iter()
                .map(|c| {
                    (
                        c.name.as_str(),
                        c.provider.as_deref(),
                        c.duration.as_ref().and_then(|d| d.iso8601.as_deref()),
                    )
                })
                .collect();
            assert_eq!(
                got,
                [
                    ("_pk_id", None, Some("P13M")),
                    ("NID", Some("Google"), Some("P6M"))
                ],
                "{text}"
            );
        }
    }

    /// An item headed by a service and its cookies in brackets (`- Quantcast (cref,
    /// mc): …`): the bracket's names are the item's, sure by that shape, and the
    /// service their provider; the description is what follows the colon.
    #[test]
    fn items_headed_by_a_service_and_its_cookies() {
        assert_eq!(super::names_head("Quantcast (cref, mc)"), Some(true));
        assert_eq!(
            super::names_head("Google Analytics (_ga, _gid)"),
            Some(true)
        );
        let p = crate::parse_policy(
            "- Quantcast (cref, mc): counts visits across sites. 13 months.\n\
             - Velqora Chat (vq_id, vq_ses): keeps the chat open.\n",
        );
        let got: Vec<(&str, Option<&str>, &str)> = p
            .cookies
            .iter()
            .map(|c| (c.name.as_str(), c.provider.as_deref(), c.purposes.join(" ")))
            .map(|(n, pr, pu)| {
                (
                    n,
                    pr,
                    if pu.starts_with("counts") {
                        "counts"
                    } else {
                        "keeps"
                    },
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("cref", Some("Quantcast"), "counts"),
                ("mc", Some("Quantcast"), "counts"),
                ("vq_id", Some("Velqora Chat"), "keeps"),
                ("vq_ses", Some("Velqora Chat"), "keeps"),
            ]
        );
    }

    /// A sure name alone, then its storage type with no key and its lifetime
    /// (`sessionFunnelEventLogged` / `Cookie` / `Duration: 1 day`): the type is no
    /// description.
    #[test]
    fn a_name_over_its_storage_type() {
        let p = crate::parse_policy("Storage\nsessionFunnelEventLogged\nCookie\nDuration: 1 day\n");
        assert_eq!(p.cookies.len(), 1);
        assert!(
            p.cookies[0].purposes.is_empty(),
            "{:?}",
            p.cookies[0].purposes
        );
        assert_eq!(
            p.cookies[0].extra.get("type").map(String::as_str),
            Some("Cookie")
        );
    }

    use super::*;

    /// `names_head` reads as it did when it collected the tokens: on every corpus
    /// line, its part before each colon, and made-up heads (seven tokens, joiners,
    /// backquotes, bold, empty).
    #[test]
    fn names_head_is_the_former_reading() {
        fn before(head: &str) -> Option<bool> {
            let head = head.trim().trim_matches('`');
            // (since round 32: a bold line's open alone, `**Google Chrome`, is
            // taken off, and a star at a bold's end is no wildcard)
            let head = match head.strip_prefix("**") {
                Some(h) => h.strip_suffix("**").unwrap_or(h).trim(),
                None => head,
            };
            if head.is_empty() || head.len() > 120 {
                return None;
            }
            let toks: Vec<&str> = head
                .split([' ', ','])
                .filter(|w| !w.is_empty() && *w != "/" && !is_and_joiner(w))
                .collect();
            if toks.is_empty()
                || toks.len() > 6
                || !toks.iter().all(|w| is_name_shaped(w.trim_matches('`')))
            {
                return None;
            }
            Some(
                toks.iter()
                    .any(|w| is_strong_name(w.trim_matches('`')) || is_wildcard(w)),
            )
        }
        let mut heads: Vec<String> = Vec::new();
        for l in crate::testing::corpus_lines_and(&[
            "_ga, _gid",
            "_ga and _gid",
            "a b c d e f",
            "a b c d e f g",
            "_a _b _c _d _e _f _g",
            "`_ga`",
            "**_ga**",
            "",
            " , ",
            "/",
            "_ga / _gid",
            "Cookie",
            ":",
            "design",
            "*_key",
            "**Google Chrome",
            "*Cookies*",
        ]) {
            heads.extend(l.split(':').map(str::to_string));
            heads.push(l);
        }
        let mut strong = 0;
        for h in &heads {
            // (a service and its cookies in brackets is a head read since round 31:
            // `items_headed_by_a_service_and_its_cookies`)
            if crate::fields::names::service_and_names(h.trim()).is_some() {
                continue;
            }
            let want = before(h);
            assert_eq!(names_head(h), want, "{h:?}");
            strong += usize::from(want == Some(true));
        }
        assert!(strong > 200, "only {strong} heads with a sure name");
    }

    /// Every separator's second byte is one `has_separator_byte` looks for, so a line
    /// it turns away has no separator: checked on every corpus line and made-up ones,
    /// and each line it lets through is asked too.
    #[test]
    fn lines_without_a_separator_byte_have_no_separator() {
        for sep in SEPARATORS {
            assert!(
                matches!(sep.as_bytes()[1], b'-' | b'|' | b'>' | 0xE2 | 0xC2),
                "{sep:?}"
            );
            assert!(has_separator_byte(sep), "{sep:?}");
        }
        let lines = crate::testing::corpus_lines_and(&[
            "_ga (",
            "[",
            "_ga – Google",
            "_ga — x",
            "_ga -> x",
            "_ga → x",
            "_ga | x",
            "_ga ▸ x",
            "_ga › x",
            "_ga » x",
            "_ga > x",
            "a - b",
            "é ü",
            "",
        ]);
        let mut found = 0;
        for l in &lines {
            let any = SEPARATORS
                .iter()
                .any(|sep| find_separator(l, sep).is_some());
            if !has_separator_byte(l) {
                assert!(!any, "{l:?}");
            }
            found += usize::from(any);
        }
        assert!(found > 100, "only {found} lines with a separator");
    }

    #[test]
    fn separators_are_found_where_find_finds_them() {
        let lines = crate::testing::corpus_lines_and(&[
            "",
            " ",
            "-",
            " -",
            " - ",
            "a - b",
            "a -b - c",
            "x →y → z",
            "—",
            " — a",
            "a | b",
            "a || b",
            "a->b -> c",
            "é – ü – ß",
            "  -  ",
        ]);
        for line in &lines {
            for sep in SEPARATORS {
                assert_eq!(
                    find_separator(line, sep),
                    line.find(sep),
                    "{line:?} {sep:?}"
                );
            }
        }
    }
    use crate::segment::lines;

    /// A line of names each with its lifetime (`Storage duration: _ga: 2 years; _gid:
    /// 1 day`, `cfid: 1 day, cftoken: 1 day`): a record each, whatever the names'
    /// shapes, after a label or not; one pair only after a lifetime label. A label and
    /// its lifetime alone, or a sentence with colons, are none.
    #[test]
    fn names_with_their_lifetimes_on_one_line() {
        let pairs = |text: &str| {
            let ls = lines(text);
            let mut doc = RawDoc::default();
            lifetime_pairs(&ls[0], &Context::default(), &mut doc).map(|_| {
                doc.records
                    .iter()
                    .map(|r| {
                        (
                            r.names[0].text.to_string(),
                            r.fields[0].value[0].text.to_string(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        };
        let own = |v: &[(&str, &str)]| {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            pairs("Storage duration: __stid: 1 Year; pxcelBcnLcy: session"),
            Some(own(&[("__stid", "1 Year"), ("pxcelBcnLcy", "session")]))
        );
        assert_eq!(
            pairs("cfid: 1 day, cftoken: 1 day."),
            Some(own(&[("cfid", "1 day"), ("cftoken", "1 day")]))
        );
        assert_eq!(
            pairs("Dauer: _ga: 2 Jahre"),
            Some(own(&[("_ga", "2 Jahre")]))
        );
        for text in [
            "Expires: 2 years",
            "Note: _ga: see below; _gid: 1 day",
            "We keep it: for example: 2 years",
            "cfid: 1 day",
        ] {
            assert_eq!(pairs(text), None, "{text:?}");
        }
    }

    /// An item's head of names each with its own bracketed aside, joined by commas,
    /// semicolons or an `and` word, is read pair by pair; a service with its cookie in
    /// brackets, a lone pair, or a head with words between the pairs is not.
    #[test]
    fn names_each_with_its_own_aside() {
        let pairs = |h: &str| {
            aside_pairs(h).map(|v| {
                v.into_iter()
                    .map(|(n, a)| format!("{n}={a}"))
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            pairs("_ga (2 years), _gid (24 hours)"),
            Some(vec!["_ga=2 years".into(), "_gid=24 hours".into()])
        );
        assert_eq!(
            pairs("vm_a (Velmora, 3 Monate) und vm_b (Velmora, 1 Tag)"),
            Some(vec![
                "vm_a=Velmora, 3 Monate".into(),
                "vm_b=Velmora, 1 Tag".into()
            ])
        );
        assert_eq!(
            pairs("x1 (1 an); x2 (session), et x3 (13 mois)").map(|v| v.len()),
            Some(3)
        );
        // sure names need no lifetime
        assert_eq!(pairs("_ga (Google), _fbp (Meta)").map(|v| v.len()), Some(2));
        for h in [
            "Hotjar (_hjid), Matomo (_pk_id)",
            "_ga (2 years)",
            "_ga (2 years) or else _gid (1 day)",
            "_ga (2 years), Google Analytics (1 day)",
            "Velmora (our shop), Trelvo (its partner)",
        ] {
            assert_eq!(pairs(h), None, "{h:?}");
        }
        // one record each, its own lifetime, the text they share
        let text = "Analytics cookies\n- _ga (2 years), _gid (24 hours): for statistics.\n";
        let ls = lines(text);
        let mut doc = RawDoc::default();
        assert!(parse(&ls, 1, &mut Context::default(), &mut doc).is_some());
        let got: Vec<(String, Vec<String>)> = doc
            .records
            .iter()
            .map(|r| {
                let values = r.fields.iter().map(|f| f.value[0].text.to_string());
                (r.names[0].text.to_string(), values.collect())
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "_ga".into(),
                    vec!["2 years".into(), "for statistics.".into()]
                ),
                (
                    "_gid".into(),
                    vec!["24 hours".into(), "for statistics.".into()]
                ),
            ]
        );
    }

    /// Items that state only a lifetime after their name (`cfid: 1 day`) make a list
    /// whatever their names' shapes, a capitalised word among them (`Player: 1
    /// minute`, a cookie Vimeo sets); capitalised words alone (`Retention: 2 years`,
    /// labels) make none.
    #[test]
    fn names_with_their_lifetimes_one_per_line() {
        assert_eq!(
            names_of("cfid: 1 day\ncftoken: 1 day\n"),
            ["cfid", "cftoken"]
        );
        assert_eq!(
            names_of("_ga: 2 years\nPlayer: 1 minute\ncontinuous_play_v3: 2 years\n"),
            ["_ga", "Player", "continuous_play_v3"]
        );
        let ls = lines("Lifespan: 2 years\nRenewal: 1 year\n");
        let mut doc = RawDoc::default();
        assert_eq!(parse(&ls, 0, &mut Context::default(), &mut doc), None);
    }

    fn names_of(text: &str) -> Vec<String> {
        let ls = lines(text);
        let mut doc = RawDoc::default();
        let mut ctx = Context::default();
        let n = parse(&ls, 0, &mut ctx, &mut doc);
        assert!(n.is_some(), "{text:?}");
        doc.records
            .iter()
            .map(|r| r.names[0].text.to_string())
            .collect()
    }

    /// Names alone over their paragraphs: a token no shape makes sure (`auid`,
    /// `token`) is a name beside a sure one, before it or after it; the sentences and
    /// the lifetime or provider keys right under an item's text are the item's. A
    /// capitalised word alone (`Overview`) stays a heading, a label's line (`Module:
    /// …`) opens no paragraphs, and tokens with no sure name beside them are no list.
    #[test]
    fn tokens_beside_sure_names_alone() {
        let read = |text: &str| {
            let p = crate::parse_policy(text);
            p.cookies
                .iter()
                .map(|c| {
                    (
                        c.name.clone(),
                        c.provider.clone(),
                        c.duration.as_ref().and_then(|d| d.iso8601.clone()),
                    )
                })
                .collect::<Vec<_>>()
        };
        let got = read(
            "auid\nRegisters a unique visitor.\nSet by Velqora.\nLifetime: 1 year.\n\n\
             _vq_id\nCounts the visits.\nIt expires after 2 years.\n\n\
             token\nKeeps the session open. It expires after 30 days.\n\n\
             Overview\nThis page lists the cookies we use.\n",
        );
        let want = [
            ("auid", Some("Velqora"), Some("P1Y")),
            ("_vq_id", None, Some("P2Y")),
            ("token", None, Some("P30D")),
        ];
        let want: Vec<_> = want
            .iter()
            .map(|(n, p, d)| (n.to_string(), p.map(str::to_string), d.map(str::to_string)))
            .collect();
        assert_eq!(got, want);
        // one line each, after a dash: the lifetime each states makes a list
        let got = read(
            "fonts-loaded – Remembers the font. It expires after 30 days.\n\
             hs – Keeps the chat open. Lifetime: 1 year.\n",
        );
        assert_eq!(
            got.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
            ["fonts-loaded", "hs"]
        );
        // tokens with no sure name and no lifetime are no list
        assert!(
            read("auid\nRegisters a unique visitor.\n\ntoken\nKeeps the session.\n").is_empty()
        );
        // a label's line under a name opens a block of keys, not paragraphs
        let ls = lines("_vq_id\nModule: Analytics\nExpires after: 30 days\n");
        assert_eq!(
            name_paragraphs(&ls, 0).map(|(p, last)| (p.len(), last)),
            Some((1, 1))
        );
        // a paragraph after a blank line below the item's key is not the item's
        let ls =
            lines("_vq_id\nCounts the visits.\nLifetime: 2 years.\n\nMore text about it here.\n");
        assert_eq!(
            name_paragraphs(&ls, 0).map(|(p, last)| (p.len(), last)),
            Some((2, 2))
        );
    }

    /// Bulleted rows of cells whose names no dictionary knows: two rows or more that
    /// state lifetimes, or one row of three cells with a lifetime, are a flattened
    /// table, between dashes or between pipes; a short capitalised cell beside a
    /// sentence is the provider wherever it stands. A lone row named by a vendor or a
    /// capitalised word, or rows without lifetimes, are no list.
    #[test]
    fn bulleted_rows_without_sure_names() {
        let t = "• trkInfo - LinkedIn - Misura le campagne. - 1 anno\n• gcl - Google - Mostra annunci. - 90 giorni";
        assert_eq!(names_of(t), ["trkInfo", "gcl"]);
        let t = "• disco | Salesforce | Onthoudt de taal. | Sessie\n• visid | Imperva | Bewaart de instellingen.\n• codes | Shopify | 2 jaar";
        assert_eq!(names_of(t), ["disco", "visid", "codes"]);
        let t = "- svid – Wird verwendet, um Werbung anzuzeigen. – Epsilon – 13 Monate";
        assert_eq!(names_of(t), ["svid"]);
        let ls = lines(t);
        let mut doc = RawDoc::default();
        parse(&ls, 0, &mut Context::default(), &mut doc);
        let roles: Vec<(Option<Role>, &str)> = doc.records[0]
            .fields
            .iter()
            .map(|f| (f.role, f.value[0].text))
            .collect();
        assert_eq!(
            roles,
            [
                (
                    Some(Role::Purpose),
                    "Wird verwendet, um Werbung anzuzeigen."
                ),
                (Some(Role::Provider), "Epsilon"),
                (Some(Role::Duration), "13 Monate")
            ]
        );
        let no_list = |t: &str| {
            let ls = lines(t);
            parse(&ls, 0, &mut Context::default(), &mut RawDoc::default()).is_none()
        };
        assert!(no_list("- Google – Analytics und Werbung – 13 Monate"));
        assert!(no_list("- Notes – read these first – then the rest"));
        assert!(no_list("• alpha - Beta - gamma\n• delta - Epsilon - zeta"));
        // one capitalised word before a colon is a label, in any script, even after
        // a lead-in that announces cookies (`Clé: _ga; …`)
        for t in [
            "The cookies we use:\nClé: _hjSessionResumed; Durée: 2 ans; Fournisseur: Hotjar",
            "The cookies we use:\nSchlüssel: WID; Ablauf: 1 Jahr",
        ] {
            let ls = lines(t);
            let read = parse(&ls, 1, &mut Context::default(), &mut RawDoc::default());
            assert!(read.is_none(), "{t:?}");
        }
    }

    #[test]
    fn name_colon_then_description() {
        let t = "_ga + _gid:\nGoogle Analytics, anonyme Daten\ncookies:\ntrue wenn gesetzt\ndesign:\nsystem, design-white";
        assert_eq!(names_of(t), ["_ga + _gid", "cookies", "design"]);
    }

    #[test]
    fn inline_items() {
        let t = "_pk_id : Cookie qui stocke un identifiant. Durée de vie : 13 mois.\n_pk_ses : Cookie de visite.";
        assert_eq!(names_of(t), ["_pk_id", "_pk_ses"]);
        let t = "_ga: onderscheidt unieke gebruikers (bewaartermijn: 2 jaar)\n_ga_[ID]: behoudt sessiestatus\nph_*: PostHog-cookies";
        assert_eq!(names_of(t), ["_ga", "_ga_[ID]", "ph_*"]);
    }

    #[test]
    fn definition_lists_with_glued_terms() {
        let t = "_ga\n: 2 years. Used to distinguish users._gid\n: 24 hours. Counts visits._gat\n: 1 minute. Throttles requests.\nOther text";
        assert_eq!(names_of(t), ["_ga", "_gid", "_gat"]);
        let ls = lines(t);
        let mut doc = RawDoc::default();
        parse(&ls, 0, &mut Context::default(), &mut doc);
        let parts: Vec<Vec<&str>> = doc
            .records
            .iter()
            .map(|r| r.fields.iter().map(|f| f.value[0].text).collect())
            .collect();
        assert_eq!(
            parts,
            [
                vec!["2 years", "Used to distinguish users."],
                vec!["24 hours", "Counts visits."],
                vec!["1 minute", "Throttles requests."]
            ]
        );
        // a sentence ending in a word is no glued term
        assert_eq!(glued_term("See our policy.Details"), None);
    }

    /// A short cell naming a category is the item's type when it is a label, and its
    /// description when it is a sentence, in every language the vocabularies hold.
    #[test]
    fn category_sentences_are_descriptions() {
        for (cell, role) in [
            ("Analytics", Role::Type),
            ("Shopify analytics.", Role::Purpose),
            ("Statistik", Role::Type),
            ("Statistiques Shopify.", Role::Purpose),
            ("Marketing cookie!", Role::Purpose),
        ] {
            let t = format!("• ki_t – Shopify – 2 years – {cell}\n");
            let ls = lines(&t);
            let mut doc = RawDoc::default();
            parse(&ls, 0, &mut Context::default(), &mut doc);
            let last = doc.records[0].fields.last().expect("a field");
            assert_eq!((last.value[0].text, last.role), (cell, Some(role)), "{t:?}");
        }
    }

    /// Right after the name, before more cells, a short capitalised cell is the
    /// provider, and so is a brand in camel case; a lower-case word is not.
    #[test]
    fn provider_cells_after_the_name() {
        for (cell, role) in [
            ("Google", Some(Role::Provider)),
            ("richAudience", Some(Role::Provider)),
            ("eBay", Some(Role::Provider)),
            ("server", Some(Role::Purpose)),
            ("session id", Some(Role::Purpose)),
            // in lower case too, the site itself in the provider's place says who sets
            // the cookie (no vendor), not what it does
            ("first-party", Some(Role::Provider)),
            ("deze website", Some(Role::Provider)),
            ("propia", Some(Role::Provider)),
        ] {
            let t = format!("• rai_x – {cell} – 1 day – Ad-serving frequency control.\n");
            let ls = lines(&t);
            let mut doc = RawDoc::default();
            parse(&ls, 0, &mut Context::default(), &mut doc);
            let first = &doc.records[0].fields[0];
            assert_eq!((first.value[0].text, first.role), (cell, role), "{t:?}");
        }
    }

    /// A cell naming the site itself anywhere among an item's cells is no part of its
    /// description, and names no vendor.
    #[test]
    fn the_site_itself_in_any_cell() {
        for text in [
            "- PHPSESSID – deze website – onthoudt je sessie – Sessie\n",
            "- PHPSESSID – onthoudt je sessie – deze website – Sessie\n",
            "- PHPSESSID | Sessie | onthoudt je sessie | eigen\n",
        ] {
            let p = crate::parse_policy(text);
            let c = &p.cookies[0];
            assert_eq!(
                (c.name.as_str(), c.provider.as_deref(), c.purposes.clone()),
                ("PHPSESSID", None, vec!["onthoudt je sessie".to_string()]),
                "{text:?}"
            );
        }
    }

    #[test]
    fn category_titles_alone_are_no_items() {
        let ls = lines("**Marketing**\n\n[Show details](#)\n");
        let mut doc = RawDoc::default();
        assert_eq!(parse(&ls, 0, &mut Context::default(), &mut doc), None);
    }

    #[test]
    fn qualified_heads() {
        let t = "• _ga (2 years): distinguishes users\n• _gid (Google Analytics): counts visits";
        assert_eq!(names_of(t), ["_ga", "_gid"]);
    }

    #[test]
    fn plain_words_alone_are_no_list() {
        let ls = lines("Opslag: beveiligd in de EU.\nVerwijderen: stuur een mail.");
        let mut doc = RawDoc::default();
        assert_eq!(parse(&ls, 0, &mut Context::default(), &mut doc), None);
    }
}

#[cfg(test)]
mod name_run_tests {
    use super::*;

    fn run(text: &str) -> Vec<String> {
        let ls = crate::segment::lines(text);
        let mut doc = RawDoc::default();
        let _ = name_run(&ls, 0, &Context::default(), &mut doc);
        doc.records
            .iter()
            .map(|r| r.names.iter().map(|f| f.text).collect())
            .collect()
    }

    #[test]
    fn name_colon_text_runs_in_one_paragraph() {
        let t = "authjs.session-token : session (durée 30 jours). arytrano_locale : langue (durée 1 an). Tous ces cookies sont sûrs.";
        let items = inline_items(t);
        let names: Vec<&str> = items.iter().map(|&(s, e, _)| t[s..e].trim()).collect();
        assert_eq!(names, ["authjs.session-token", "arytrano_locale"]);
        assert!(inline_items("We use cookies. They help: a lot.").is_empty());
        // found by the property tests: a sentence opening with spaces and a multibyte name
        assert!(inline_items("  д.m : x.  д.m : y").len() <= 2);
        let t = "x.  a_b : one.  c_d : two.";
        let names: Vec<&str> = inline_items(t).iter().map(|&(_, e, b)| &t[e..b]).collect();
        assert_eq!(names, [" : ", " : "]);
    }

    #[test]
    fn names_one_per_line() {
        assert_eq!(
            run("_pk_ref\n_pk_cvar\n, mtm_consent\net _pk_ses\n"),
            ["_pk_ref", "_pk_cvar", "mtm_consent", "_pk_ses"]
        );
        // one name alone, or plain words, are no run
        assert!(run("_pk_ref\nSome text here\n").is_empty());
        assert!(run("Analytics\nMarketing\n").is_empty());
    }
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;
    use crate::testing::corpus_lines_and;

    /// [`bare_names`] as it was: every joiner tried before any token is asked.
    fn bare_names_before(text: &str) -> Option<&str> {
        let t = text
            .trim()
            .trim_start_matches([',', ';', '-', '•', '*'])
            .trim_start();
        let t = and_joiners()
            .find_map(|j| t.strip_prefix(j).filter(|r| r.starts_with(' ')))
            .unwrap_or(t)
            .trim()
            .trim_end_matches([',', ';']);
        let toks = t.split([',', ' ']).filter(|w| !w.is_empty());
        let n = toks.clone().take(5).count();
        ((1..=4).contains(&n) && toks.into_iter().all(is_strong_name)).then_some(t)
    }

    /// [`inline_run`] as it was: every paragraph scanned for items.
    fn inline_run_before<'a>(
        line: &Line<'a>,
        ctx: &Context,
        doc: &mut RawDoc<'a>,
    ) -> Option<usize> {
        if line.kind != LineKind::Text {
            return None;
        }
        let items = inline_items(line.text);
        if items.len() < 2 {
            return None;
        }
        for (k, &(start, name_end, body)) in items.iter().enumerate() {
            let end = items.get(k + 1).map_or_else(
                || {
                    line.text[body..]
                        .find(". ")
                        .map_or(line.text.len(), |p| body + p + 1)
                },
                |n| n.0,
            );
            let name = line.text[start..name_end].trim();
            let text = line.text[body..end].trim();
            let span = Span::new(line.start() + start, line.start() + end);
            let mut rec = RawRecord::new(frag(line, name), span, ctx);
            if !text.is_empty() {
                rec.push(Some(Role::Purpose), "description", frag(line, text));
            }
            doc.records.push(rec);
        }
        Some(1)
    }

    /// Names after a joiner and other whitespace, names with whitespace glued to their
    /// end, joiners alone, runs too long.
    const MADE_UP: &[&str] = &[
        "",
        ",,,",
        "et",
        "et ",
        "+",
        "& ,",
        "et _pk_ses",
        "+ _ga",
        "& _ga, _gid",
        "et \u{a0}_ga",
        "+ \t_ga",
        "und \t_ga und _gid",
        "_ga\t,",
        "_ga ,;",
        "_ga,",
        "_ga;",
        "• _ga",
        "- et _gid",
        "and PHPSESSID",
        ", mtm_consent",
        "_ga _gid _gat _utma",
        "_ga _gid _gat _utma _utmz",
        "_ga\u{a0}_gid",
        "a_b : one.  c_d : two.",
        "x. _ga : y. _gid : z",
        "_ga : x._gid : y",
        "_ga: x. _gid: y",
        "_ga : x.\u{a0}_gid : y",
        ". ",
        "authjs.session-token : session. arytrano_locale : langue.",
        "_ga : one. _gid two. _gat three.",
        "_ga two. _gid : one.",
        "_ga :\u{a0}one. _gid :\u{a0}two.",
        "_ga:: one. _gid : two.",
        "_ga : one: two. three.",
        "rc::a : x. _gid : y",
        "_ga. : x. _gid : y",
    ];

    /// The last-token test turns away only lines the joiner reading turns away.
    #[test]
    fn bare_names_as_before() {
        for line in corpus_lines_and(MADE_UP) {
            assert_eq!(bare_names(&line), bare_names_before(&line), "{line:?}");
        }
    }

    /// The `. ` and colon tests turn away only paragraphs that hold no run: the same
    /// records and length, on every line, in a section with and without a category and
    /// provider.
    #[test]
    fn inline_runs_as_before() {
        let text = corpus_lines_and(MADE_UP).join("\n");
        let ls = crate::segment::lines(&text);
        let mut ctx = Context::default();
        for round in 0..2 {
            if round == 1 {
                ctx.category = Some((crate::policy::Category::Analytics, "Analytics".into()));
                ctx.provider = Some("Google".into());
            }
            for line in &ls {
                let (mut now, mut before) = (RawDoc::default(), RawDoc::default());
                assert_eq!(
                    inline_run(line, &ctx, &mut now),
                    inline_run_before(line, &ctx, &mut before),
                    "{line:?}"
                );
                assert_eq!(
                    format!("{:?}", now.records),
                    format!("{:?}", before.records),
                    "{line:?}"
                );
            }
        }
    }
}
