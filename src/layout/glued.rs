//! Tables flattened into one paragraph by consent banners (CookieYes, Cookiebot
//! declarations copied as text).
//!
//! ```text
//! glued_table  = glued_header { name duration description }     (no separators at all:
//!                `CookieDurationDescription_ga24 monthsGoogle Universal Analytics ...`)
//! glued_header = header word { header word }                    (`Cookie` `Duration` `Description`)
//! inline_table = header phrases, spaces { collapsed_row type }  (`Name Provider Purpose Expiry
//!                Type __cfduid Cloudflare Used by ... 29 days HTTP Cookie CookieConsent ...`)
//! ```
//! Rows are cut on the shapes of their cells: a number and a unit glued after a name
//! (`_ga24 months`), or a type phrase (`HTTP Cookie`) that ends every row. The
//! category is the last one the paragraph declares before the table
//! (`Necessary Necessary`, `Analytical cookies are ...`).

use super::spaced::collapsed_cells;
use super::table::Header;
use super::{Context, RawDoc, RawRecord};
use crate::chars::CharClass;
use crate::fields::duration::{duration_suffix, PrefixScanner};
use crate::fields::names::{is_known, is_name_char, is_strong_name};
use crate::fields::provider::{next_capital_or_other, vendor_run};
use crate::fields::repair::Fragment;
use crate::fields::text::{fold_whitespace, match_form};
use crate::policy::{Category, Span};
use crate::segment::{Line, LineKind};
use crate::vocab::{is_word_char, vocab, word_spans_iter, Role};

/// Recognise flattened tables inside line `i`.
pub(crate) fn parse<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    let line = &lines[i];
    if line.kind != LineKind::Text {
        return None;
    }
    if let Some(n) = glued_row_lines(lines, i, ctx, doc) {
        return Some(n);
    }
    if line.text.len() < 60 {
        return None;
    }
    let before = doc.records.len();
    let mut declared = Declared::new(line.text);
    let mut headers = GluedHeaders::new(line.text);
    let mut types = TypePhrases::new(line.text);
    let mut from = 0;
    while from < line.text.len() {
        let text = &line.text[from..];
        let glued = headers.from(from);
        let inline = inline_header(text);
        let next = match (glued, inline) {
            (Some(g), Some(n)) if n.0 < g.0 => Err(n),
            (Some(g), _) => Ok(g),
            (None, Some(n)) => Err(n),
            (None, None) => break,
        };
        let consumed = match next {
            Ok((s, e, roles)) => {
                let cat = declared.before(from + s).or(ctx.category.clone());
                glued_rows(line, from + e, &roles, cat, ctx, doc)
            }
            Err((s, e, header)) => {
                let cat = declared.before(from + s).or(ctx.category.clone());
                inline_rows(line, from + e, &header, cat, ctx, doc, &mut types)
            }
        };
        from = consumed.max(from + 1);
        while !line.text.is_char_boundary(from) {
            from += 1;
        }
    }
    (doc.records.len() > before).then_some(1)
}

/// Where the cells of a glued row end: (name end, provider range, duration start).
type GluedRow = (usize, Option<(usize, usize)>, usize);

/// One row per line with its cells glued (`__cf_bmCloudflare bot management30 minutes`):
/// a cookie name run into a capitalised provider or description, a duration at the end.
/// Returns (name end, provider range, duration start) within the line.
/// Whether the leading run of name characters (its first 120) holds a capital glued
/// to a lower-case letter, digit or `_` before it (`_gaGoogle`). Read pair by pair as
/// the characters come: every line is asked, and most have no such run.
fn glued_capital(t: &str) -> bool {
    let mut prev: Option<char> = None;
    t.chars()
        .take_while(|&c| is_name_char(c))
        .take(120)
        .any(|c| {
            let glued = prev.is_some_and(|p| {
                (p.is_lowercase() || p.is_ascii_digit() || p == '_') && c.is_uppercase()
            });
            prev = Some(c);
            glued
        })
}

fn glued_row(text: &str) -> Option<GluedRow> {
    let t = text.trim_end();
    // cheap test first: the leading run of name characters has a capital glued inside
    if !glued_capital(t) {
        return None;
    }
    // the duration ends the line, after a space or glued to the description
    let mut scan = PrefixScanner::new(t);
    let glued_at = t
        .char_indices()
        .filter(|&(p, c)| {
            c.is_ascii_digit()
                && t[..p]
                    .chars()
                    .next_back()
                    .is_some_and(crate::chars::is_alphabetic)
        })
        .map(|(p, _)| p)
        .find(|&p| scan.prefix_at(p) == Some(t.len() - p));
    let ds = glued_at.or_else(|| duration_suffix(t))?;
    if ds == 0 {
        return None;
    }
    let head = &t[..ds];
    // the name: the run of name characters at the start, cut where a known vendor
    // or a capitalised word is glued to it
    let run_end = head
        .find(|c: char| !is_name_char(c) || c == '|')
        .unwrap_or(head.len());
    let run = &head[..run_end];
    let mut cut = None;
    for (p, c) in run.char_indices().skip(1) {
        if !c.is_uppercase() {
            continue;
        }
        let prev = run[..p].chars().next_back().unwrap_or(' ');
        if prev.is_lowercase() || prev.is_ascii_digit() || prev == '_' {
            if vendor_run(&head[p..]).is_some_and(|(s, _)| s == 0) {
                cut = Some(p);
                break;
            }
            if cut.is_none() && head[p..].chars().nth(1).is_some_and(char::is_lowercase) {
                cut = Some(p);
            }
        }
    }
    let name_end = cut?;
    if !is_strong_name(&head[..name_end]) && !is_known(&head[..name_end]) {
        return None;
    }
    let provider = vendor_run(&head[name_end..])
        .filter(|&(s, _)| s == 0)
        .map(|(s, e)| {
            // the description may be glued to the provider too (`AnalyticsDistinguishes`)
            let v = &head[name_end + s..name_end + e];
            let cut = v
                .char_indices()
                .skip(1)
                .find(|&(p, c)| {
                    c.is_uppercase() && v[..p].chars().next_back().is_some_and(char::is_lowercase)
                })
                .map_or(v.len(), |(p, _)| p);
            (name_end + s, name_end + s + cut)
        });
    Some((name_end, provider, ds))
}

/// A run of glued row lines (at least two, or one after a glued header).
fn glued_row_lines<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    let mut rows = Vec::new();
    let mut j = i;
    while j < lines.len() && lines[j].kind == LineKind::Text {
        match glued_row(lines[j].text) {
            Some(r) => rows.push((j, r)),
            None => break,
        }
        j += 1;
    }
    if rows.len() < 2 {
        return None;
    }
    for (k, (name_end, provider, ds)) in rows {
        let line = &lines[k];
        let t = line.text.trim_end();
        let f = |a: usize, b: usize| Fragment {
            text: &t[a..b],
            offset: line.start() + a,
        };
        let mut rec = RawRecord::new(vec![f(0, name_end)], line.span(), ctx);
        let purpose_from = match provider {
            Some((a, b)) => {
                rec.push(Some(Role::Provider), "provider", vec![f(a, b)]);
                b
            }
            None => name_end,
        };
        rec.push(Some(Role::Purpose), "purpose", vec![f(purpose_from, ds)]);
        rec.push(Some(Role::Duration), "duration", vec![f(ds, t.len())]);
        doc.warn(
            crate::policy::WarningKind::Unreadable,
            line.span(),
            "cells glued with no separator; split by the shapes of name, provider and duration",
        );
        doc.records.push(rec);
    }
    Some(j - i)
}

/// Single-word header labels of the vocabulary, in the matching form.
fn header_word_at(text: &str) -> Option<(usize, Role)> {
    // try the longest label first: `Description` before `Des...`
    let mut best: Option<(usize, Role)> = None;
    let mut end = 0;
    for (i, c) in text.char_indices().take(16) {
        if !c.is_letter() || (i > 0 && c.is_uppercase()) {
            // a capital letter starts the next glued label
            if i > 0 && c.is_uppercase() {
                end = i;
            }
            break;
        }
        end = i + c.len_utf8();
        if let Some(r) = vocab().field_listed(&text[..end]) {
            best = Some((end, r));
        }
    }
    let _ = end;
    best
}

/// `CookieDurationDescription`: two or more capitalised header words with nothing
/// between them, one of them a name. Returns (start, end, column roles).
#[cfg(test)]
fn glued_header(text: &str) -> Option<GluedHeader> {
    GluedHeaders::new(text).from(0)
}

/// A glued header: (start, end, column roles).
type GluedHeader = (usize, usize, Vec<Option<Role>>);

/// A glued header starting at byte `p` of `text` (see [`GluedHeaders`]).
fn glued_header_at(text: &str, p: usize) -> Option<GluedHeader> {
    if !text[p..].starts_with(char::is_uppercase) {
        return None;
    }
    // a glued header has a capital inside its first sixteen letters (`CookieDuration`)
    let camel = text[p..]
        .chars()
        .skip(1)
        .take_while(|c| c.is_letter())
        .take(16)
        .any(char::is_uppercase);
    if !camel {
        return None;
    }
    let mut q = p;
    let mut roles = Vec::new();
    while let Some((len, role)) = header_word_at(&text[q..]) {
        roles.push(Some(role));
        q += len;
        if !text[q..].starts_with(|c: char| c.is_uppercase()) {
            break;
        }
    }
    (roles.len() >= 2 && roles[0] == Some(Role::Name) && !text[q..].starts_with(' '))
        .then_some((p, q, roles))
}

/// The first glued header in `text[from..]`, for growing `from`: a capital that
/// starts the rest or follows a character that is not alphanumeric. The search
/// remembers the next header past `from`, so asking again after each table of a
/// long line does not read the rest again.
struct GluedHeaders<'a> {
    text: &'a str,
    /// The first header at a position after `.0` (found, or none up to the end).
    next: Option<(usize, Option<GluedHeader>)>,
}

impl<'a> GluedHeaders<'a> {
    fn new(text: &'a str) -> GluedHeaders<'a> {
        GluedHeaders { text, next: None }
    }

    /// The first header of `text[from..]`, relative to `from`.
    fn from(&mut self, from: usize) -> Option<GluedHeader> {
        let rel = |(s, e, r): GluedHeader| (s - from, e - from, r);
        // the rest's first character needs no separator before it
        if let Some(h) = glued_header_at(self.text, from) {
            return Some(rel(h));
        }
        let known = match &self.next {
            Some((after, found)) if *after <= from => match found {
                None => true,
                Some(h) => h.0 > from,
            },
            _ => false,
        };
        if !known {
            self.next = Some((from, glued_header_after(self.text, from)));
        }
        self.next.as_ref().and_then(|(_, f)| f.clone()).map(rel)
    }
}

/// The first header of `text` at a capital after `from` that follows a character
/// that is not alphanumeric (the character at `from` is tried by the caller).
///
/// The capitals are found eight bytes at a time ([`next_capital_or_other`]: an ASCII
/// capital or a byte that is not ASCII, which every capital is), and the character
/// before one read back only there: the scan asked every character of the line
/// whether it was a capital and whether it was alphanumeric.
fn glued_header_after(text: &str, from: usize) -> Option<GluedHeader> {
    let bytes = text.as_bytes();
    // (`i` stays on a character boundary: the bytes passed over are ASCII, and a
    // character found is passed over whole)
    let mut i = from;
    while let Some(p) = next_capital_or_other(bytes, i) {
        let c = text[p..].chars().next()?;
        i = p + c.len_utf8();
        if p > from
            && c.is_uppercase()
            && !text[..p]
                .chars()
                .next_back()
                .is_some_and(|b| b.is_letter_or_digit())
        {
            if let Some(h) = glued_header_at(text, p) {
                return Some(h);
            }
        }
    }
    None
}

/// `Name Provider Purpose Expiry Type` inside a paragraph: three or more header
/// phrases in a row, the first a name, the last a type.
///
/// The words are read as the search reaches them (the parse loop asks again after
/// every table of a long line, so reading the whole rest each time was quadratic).
fn inline_header(text: &str) -> Option<(usize, usize, Header)> {
    let v = vocab();
    // the cheap test first: a header needs three header-starting words in a row
    // somewhere in the text (most lines have none, and then no phrase is looked up
    // and no word kept); the words are read only until the first such run
    if !header_run(text) {
        return None;
    }
    let mut sp = LazyWords::new(text);
    let mut w = 0;
    loop {
        sp.ensure(w + 1);
        if w >= sp.spans.len() {
            return None;
        }
        if !sp.starts[w] || v.field_listed(&text[sp.spans[w].0..sp.spans[w].1]) != Some(Role::Name)
        {
            w += 1;
            continue;
        }
        let mut cols: Vec<(Option<Role>, std::rc::Rc<str>)> = Vec::new();
        let mut k = w;
        loop {
            sp.ensure(k + 3);
            if !(k < sp.spans.len() && cols.len() < 8) {
                break;
            }
            let spans = &sp.spans;
            let mut took = 0;
            // header cells are separated by single spaces, nothing else
            if k > w && &text[spans[k - 1].1..spans[k].0] != " " {
                break;
            }
            for len in (1..=3.min(spans.len() - k)).rev() {
                let phrase = &text[spans[k].0..spans[k + len - 1].1];
                if phrase.contains(['.', ',', ':']) {
                    continue;
                }
                // (the phrase is looked up once for both tests)
                let role = vocab().field_listed(phrase);
                if cols.iter().any(|c| c.0 == Some(Role::Name)) && role == Some(Role::Name) {
                    continue;
                }
                if let Some(r) = role {
                    cols.push((Some(r), phrase.into()));
                    took = len;
                    break;
                }
            }
            if took == 0 {
                break;
            }
            k += took;
        }
        if cols.len() >= 3 && cols.last().is_some_and(|c| c.0 == Some(Role::Type)) {
            let header = Header { cols, name: 0 };
            return Some((sp.spans[w].0, sp.spans[k - 1].1, header));
        }
        w += 1;
    }
}

/// Does the text hold three words in a row that could each start a header phrase
/// ([`Vocab::starts_field`](crate::vocab::Vocab::starts_field))? What
/// [`LazyWords::window`] finds once every word is read, without keeping the words.
///
/// Most words start no header, so the words are asked from the far end of each window
/// of three: a word that fails rules out every window holding it, and the next window
/// tried starts after it (the two words before it are never asked).
fn header_run(text: &str) -> bool {
    let v = vocab();
    // the last three words read: (index, span), by index modulo 3
    let mut last = [(usize::MAX, (0, 0)); 3];
    // the first word of the earliest window still possible
    let mut start = 0;
    for (n, span) in word_spans_iter(text).enumerate() {
        last[n % 3] = (n, span);
        if n < start + 2 {
            continue;
        }
        // the window `start..=n` (three words): its last word first, then back
        let mut k = n + 1;
        while k > start {
            let (at, (s, e)) = last[(k - 1) % 3];
            debug_assert_eq!(at, k - 1);
            if !v.starts_field(&text[s..e]) {
                break;
            }
            k -= 1;
        }
        if k == start {
            return true;
        }
        // word `k - 1` failed: no window holding it
        start = k;
    }
    false
}

/// The word spans of a text read on demand, with whether each could start a header.
struct LazyWords<'a> {
    text: &'a str,
    more: Box<dyn Iterator<Item = (usize, usize)> + 'a>,
    spans: Vec<(usize, usize)>,
    starts: Vec<bool>,
    /// Three header-starting words in a row among those read.
    window: bool,
    run: usize,
}

impl<'a> LazyWords<'a> {
    fn new(text: &'a str) -> LazyWords<'a> {
        LazyWords {
            text,
            more: Box::new(word_spans_iter(text)),
            spans: Vec::new(),
            starts: Vec::new(),
            window: false,
            run: 0,
        }
    }

    /// Read words until `n` are read or the text ends; false when it ended first.
    fn ensure(&mut self, n: usize) -> bool {
        while self.spans.len() < n {
            let Some((s, e)) = self.more.next() else {
                return false;
            };
            let start = vocab().starts_field(&self.text[s..e]);
            self.run = if start { self.run + 1 } else { 0 };
            self.window |= self.run >= 3;
            self.spans.push((s, e));
            self.starts.push(start);
        }
        true
    }
}

/// The category a flattened banner declares last before `prefix` ends: a category
/// word followed by `cookies` or by itself (`Necessary Necessary`).
#[cfg(test)]
fn declared_before(prefix: &str) -> Option<(Category, String)> {
    Declared::new(prefix).before(prefix.len())
}

/// `declared_before` for growing prefixes of one line: the words read for one
/// table are not read again for the next (a line holding many flattened tables
/// made this quadratic).
struct Declared<'a> {
    text: &'a str,
    /// Word spans of `text`, read as far as the prefixes asked reached.
    spans: Vec<(usize, usize)>,
    more: Box<dyn Iterator<Item = (usize, usize)> + 'a>,
    /// Words before this one were decided for every longer prefix.
    done: usize,
    found: Option<(Category, String)>,
    last_end: usize,
}

impl<'a> Declared<'a> {
    fn new(text: &'a str) -> Declared<'a> {
        Declared {
            text,
            spans: Vec::new(),
            more: Box::new(word_spans_iter(text)),
            done: 0,
            found: None,
            last_end: 0,
        }
    }

    /// The declaration before byte `end` (never less than the last one asked).
    fn before(&mut self, end: usize) -> Option<(Category, String)> {
        if end < self.last_end {
            return Declared::new(self.text).before(end);
        }
        self.last_end = end;
        // the words starting before `end`, the last one cut at `end`
        while self.spans.last().is_none_or(|s| s.0 < end) {
            match self.more.next() {
                Some(s) => self.spans.push(s),
                None => break,
            }
        }
        let m = self
            .spans
            .iter()
            .rposition(|s| s.0 < end)
            .map_or(0, |k| k + 1);
        // word k is decided for good once word k + 1 ends before `end`
        while self.done + 1 < m && self.spans[self.done + 1].1 <= end {
            if let Some(hit) = declared_at(self.text, &self.spans, self.done) {
                self.found = Some(hit);
            }
            self.done += 1;
        }
        let prefix = &self.text[..end];
        // the undecided words (at most two) and the one before them, cut at `end`
        let lo = self.done.saturating_sub(1).min(m);
        let cut: Vec<(usize, usize)> = self.spans[lo..m]
            .iter()
            .map(|&(s, e)| (s, e.min(end)))
            .collect();
        let mut found = self.found.clone();
        for k in self.done..m {
            if let Some(hit) = declared_at(prefix, &cut, k - lo) {
                found = Some(hit);
            }
        }
        found
    }
}

/// Whether word `k` of `prefix` declares a category (see `declared_before`).
fn declared_at(prefix: &str, spans: &[(usize, usize)], k: usize) -> Option<(Category, String)> {
    let w = &prefix[spans[k].0..spans[k].1];
    let c = vocab().find_category(w)?;
    let &(ns, ne) = spans.get(k + 1)?;
    let next = match_form(&prefix[ns..ne]);
    let prev = k
        .checked_sub(1)
        .map(|p| match_form(&prefix[spans[p].0..spans[p].1]));
    // `Analytics cookies`, `cookies analytiques`, `Necessary Necessary`
    let cookie = |w: &str| w == "cookies" || w == "cookie";
    (cookie(&next) || prev.as_deref().is_some_and(cookie) || next == match_form(w))
        .then(|| (c, fold_whitespace(w)))
}

/// Rows of a glued table from byte `start` of the line: returns where the table ends.
fn glued_rows<'a>(
    line: &Line<'a>,
    start: usize,
    roles: &[Option<Role>],
    cat: Option<(Category, String)>,
    ctx: &Context,
    doc: &mut RawDoc<'a>,
) -> usize {
    let text = line.text;
    // the block ends at a double space (the next banner section) or the line's end
    let end = text[start..].find("  ").map_or(text.len(), |p| start + p);
    let block = &text[start..end];
    // every number glued after a name and followed by a duration starts a row
    let mut rows: Vec<(usize, usize, usize)> = Vec::new(); // (name start, duration start, duration end)
    let mut prev_digit = false;
    let mut scan = PrefixScanner::new(block);
    for (p, c) in block.char_indices() {
        let digit = c.is_ascii_digit();
        if digit && !prev_digit {
            // a name does not end in `_`: its last digit is the name's when the rest
            // still reads as a lifetime (`_gat_gtag_UA_209986505_11 minute`)
            let p = if block[..p].ends_with('_')
                && block[p + 1..].starts_with(|c: char| c.is_ascii_digit())
                && scan.prefix_at(p + 1).is_some()
            {
                p + 1
            } else {
                p
            };
            if let Some(len) = scan.prefix_at(p) {
                let name_start = name_before(block, p);
                // a row starts after the last one's duration (a duration may hold a
                // digit that would otherwise start an overlapping row)
                let after_last = rows.last().is_none_or(|&(_, _, de)| name_start >= de);
                if name_start < p && after_last {
                    rows.push((name_start, p, p + len));
                }
            }
        }
        prev_digit = digit;
    }
    // a lifetime in words glued between a name and its description
    // (`YSCsessionYSC cookie is …`, `yt-remote-device-idneverYouTube sets …`)
    let mut worded = word_durations(block);
    if !worded.is_empty() {
        rows.append(&mut worded);
        rows.sort_by_key(|r| r.1);
        let mut kept: Vec<(usize, usize, usize)> = Vec::with_capacity(rows.len());
        for r in rows {
            if kept.last().is_none_or(|&(_, _, de)| r.0 >= de) {
                kept.push(r);
            }
        }
        rows = kept;
    }
    let has_duration = roles.contains(&Some(Role::Duration));
    if rows.is_empty() || !has_duration {
        return end;
    }
    let mut ctx2 = ctx.clone();
    ctx2.category = cat;
    for (k, &(ns, ds, de)) in rows.iter().enumerate() {
        let desc_end = rows.get(k + 1).map_or(block.len(), |r| r.0);
        let f = |s: usize, e: usize| Fragment {
            text: &block[s..e],
            offset: line.start() + start + s,
        };
        let span = Span::new(line.start() + start + ns, line.start() + start + desc_end);
        let mut rec = RawRecord::new(vec![f(ns, ds)], span, &ctx2);
        rec.push(Some(Role::Duration), "Duration", vec![f(ds, de)]);
        rec.push(Some(Role::Purpose), "Description", vec![f(de, desc_end)]);
        doc.records.push(rec);
    }
    end
}

/// Longest lifetime in words looked for before a glued description (`persistent`).
const MAX_WORD_DURATION: usize = 12;

/// Rows whose lifetime is a word, not a number: at each capital glued to a lower-case
/// letter (a description's start), a lifetime phrase with no digit that ends there and
/// is itself glued to a name before it. (name start, duration start, duration end).
fn word_durations(block: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut prev = ' ';
    for (q, c) in block.char_indices() {
        let boundary = c.is_uppercase() && prev.is_lowercase();
        prev = c;
        if !boundary {
            continue;
        }
        let lo = q.saturating_sub(MAX_WORD_DURATION);
        let found = (lo..q.saturating_sub(2)).find(|&m| {
            if !block.is_char_boundary(m) {
                return false;
            }
            let w = &block[m..q];
            block[..m]
                .chars()
                .next_back()
                .is_some_and(|b| is_name_char(b) && b != '.')
                && w.chars().all(crate::chars::is_alphabetic)
                && w.chars().skip(1).all(char::is_lowercase)
                && crate::fields::duration::is_whole_duration(w)
        });
        if let Some(m) = found {
            let ns = name_before(block, m);
            if ns < m && out.last().is_none_or(|&(_, _, de)| ns >= de) {
                out.push((ns, m, q));
            }
        }
    }
    out
}

/// Where the cookie name glued before byte `p` starts: the run of name characters
/// before it, without a sentence's last word (`Other.`) or full stop glued to it.
fn name_before(block: &str, p: usize) -> usize {
    let mut s = p;
    for (i, c) in block[..p].char_indices().rev() {
        if is_name_char(c) && c != '|' {
            s = i;
        } else {
            break;
        }
    }
    let mut run = &block[s..p];
    if run.starts_with('.') {
        run = &run[1..];
    }
    if let Some(dot) = run.find('.') {
        let (head, tail) = (&run[..dot], &run[dot + 1..]);
        let capitalised = head.chars().next().is_some_and(char::is_uppercase)
            && head.chars().skip(1).all(char::is_lowercase);
        let word = head.len() >= 3 && head.chars().all(char::is_lowercase);
        // a sentence's last word glued to an identifier (`attacks.cookielawinfo-checkbox`)
        let identifier = is_strong_name(tail)
            || tail.contains(['-', '_', ':', '.'])
            || tail.chars().skip(1).any(char::is_uppercase);
        if !is_known(run) && (capitalised || (word && identifier)) && !tail.is_empty() {
            run = tail;
        }
    }
    p - run.len()
}

/// The first type phrase of a line from a byte on ([`Vocab::find_type_phrase`]),
/// the last answer kept: the rows of inline tables are cut at their type phrases,
/// and each table of a long line asked again from its own start, so a line with no
/// type phrase after its headers was read to its end at every header (quadratic).
///
/// The answer from byte `from` serves a later byte `q` that is no word's inside: the
/// words from `q` are then the words from `from` that start at `q` or after, so the
/// first phrase from `q` is the one from `from` while that starts at `q` or after, and
/// none when there was none.
///
/// [`Vocab::find_type_phrase`]: crate::vocab::Vocab::find_type_phrase
struct TypePhrases<'a> {
    text: &'a str,
    /// (from, the phrase found from there, in bytes of the line)
    last: Option<(usize, Option<(usize, usize)>)>,
}

impl<'a> TypePhrases<'a> {
    fn new(text: &'a str) -> Self {
        TypePhrases { text, last: None }
    }

    /// Byte range in the line of the first type phrase of `text[q..]`.
    fn first_from(&mut self, q: usize) -> Option<(usize, usize)> {
        if let Some((from, found)) = self.last {
            let inside_word = self.text[..q].chars().next_back().is_some_and(is_word_char)
                && self.text[q..].chars().next().is_some_and(is_word_char);
            if from <= q && (q == from || !inside_word) && found.is_none_or(|(s, _)| q <= s) {
                return found;
            }
        }
        let found = vocab()
            .find_type_phrase(&self.text[q..], false)
            .map(|(s, e)| (q + s, q + e));
        self.last = Some((q, found));
        found
    }
}

/// Rows of an inline collapsed table from byte `start`: each row ends with a type phrase.
fn inline_rows<'a>(
    line: &Line<'a>,
    start: usize,
    header: &Header,
    cat: Option<(Category, String)>,
    ctx: &Context,
    doc: &mut RawDoc<'a>,
    types: &mut TypePhrases<'a>,
) -> usize {
    let text = line.text;
    let mut ctx2 = ctx.clone();
    ctx2.category = cat;
    let mut pos = start;
    let mut known: Vec<String> = Vec::new();
    loop {
        let rest = &text[pos..];
        // the type phrase that ends the row comes after the name (`Local Storage` may be one)
        let skip = word_spans_iter(rest).nth(2).map_or(rest.len(), |w| w.0);
        let Some((_, te)) = types.first_from(pos + skip) else {
            break;
        };
        let te = te - pos;
        let seg = &rest[..te];
        // another declaration starts inside: this table ends before it
        if inline_header(seg).is_some() {
            break;
        }
        let Some(cells) = collapsed_cells(seg, line.start() + pos, header, &known) else {
            break;
        };
        if let Some(p) = cells.get(1).and_then(|c| c.first()) {
            if header
                .cols
                .get(1)
                .is_some_and(|c| c.0 == Some(Role::Provider))
            {
                known.push(p.text.to_string());
            }
        }
        let span = Span::new(
            line.start() + pos + (seg.len() - seg.trim_start().len()),
            line.start() + pos + te,
        );
        let mut cells = cells.into_iter();
        let names = cells.next().unwrap_or_default();
        if names.is_empty() {
            break;
        }
        let mut rec = RawRecord::new(names, span, &ctx2);
        for (k, c) in cells.enumerate() {
            let (role, h) = header.cols[k + 1].clone();
            rec.push(role, &h, c);
        }
        doc.records.push(rec);
        pos += te;
    }
    pos
}

#[cfg(test)]
mod tests {
    /// `glued_capital` answers as the test it replaces, which collected the run's
    /// characters and looked at them two by two: on every corpus line and made-up
    /// ones (a capital after each kind of character, at the 120th character and past
    /// it, runs cut by a space, letters outside ASCII).
    #[test]
    fn glued_capital_is_the_former_test() {
        fn before(t: &str) -> bool {
            let lead: Vec<char> = t
                .chars()
                .take_while(|&c| is_name_char(c))
                .take(120)
                .collect();
            lead.windows(2).any(|w| {
                (w[0].is_lowercase() || w[0].is_ascii_digit() || w[0] == '_') && w[1].is_uppercase()
            })
        }
        let mut lines = crate::testing::corpus_lines_and(&[
            "_gaGoogle2 years",
            "_ga Google",
            "A",
            "aB",
            "1B",
            "_B",
            "-B",
            "BB",
            "éÉ",
            "ßX",
            "",
            " aB",
            "a B",
        ]);
        for n in 117..123 {
            lines.push(format!("{}B", "a".repeat(n)));
            lines.push(format!("{}aB", "a".repeat(n)));
        }
        let mut glued = 0;
        for l in &lines {
            let t = l.trim_end();
            assert_eq!(glued_capital(t), before(t), "{t:?}");
            glued += usize::from(before(t));
        }
        assert!(glued > 100, "only {glued} glued capitals");
    }

    use super::*;

    /// The capitals found eight bytes at a time are the character scan's: the first
    /// glued header after `from` is the one every character was asked for, on corpus
    /// lines and on headers glued after ASCII and other characters, from every
    /// character of a short line (a sample of a long one's).
    #[test]
    fn glued_header_after_is_the_character_scan() {
        fn reference(text: &str, from: usize) -> Option<GluedHeader> {
            let mut prev_alnum = true;
            for (p, c) in text[from..].char_indices().map(|(i, c)| (from + i, c)) {
                if p > from && c.is_uppercase() && !prev_alnum {
                    if let Some(h) = glued_header_at(text, p) {
                        return Some(h);
                    }
                }
                prev_alnum = c.is_letter_or_digit();
            }
            None
        }
        let mut lines = crate::testing::corpus_lines_and(&[
            "Intro text.CookieDurationDescription _ga 2 years",
            "xCookieDuration éCookieDuration é CookieDuration",
            "Ünd.NameProvider Purpose.Ñame 1CookieDuration _CookieDuration",
            "abcdefg.CookieDurationDescription",
            "abcdefgh.NameProviderPurpose",
            "ÉCookieDuration (CookieDuration) ÄNameProvider ßCookieDuration",
        ]);
        for n in 0..17 {
            lines.push(format!("{}.CookieDuration", "é".repeat(n)));
            lines.push(format!("{}-NameProvider x", "a".repeat(n)));
        }
        let mut found = 0;
        for line in &lines {
            for (step, (from, _)) in line.char_indices().enumerate() {
                if line.len() > 300 && step % 11 != 0 {
                    continue;
                }
                let h = glued_header_after(line, from);
                assert_eq!(h, reference(line, from), "{line:?} from {from}");
                found += usize::from(h.is_some());
            }
        }
        assert!(found > 50, "only {found} headers found");
    }

    #[test]
    fn type_phrases_answer_as_the_search_from_each_byte() {
        let lines = crate::testing::corpus_lines_and(&[
            "Name Provider Purpose Expiry Type _ga Google Stats 2 years HTTP Cookie _gid x",
            "The xhttp cookie and an HTTP Cookie, then html local storage",
            "no type here at all, nor there",
            "HTTP Cookie",
            "a HTTP\u{a0}Cookie é HTTP  Cookie ünd First Party cookie",
            "Httpcookie http cookie_x http cookie",
        ]);
        for line in &lines {
            // every byte in order (each character boundary), as the reader asks:
            // word starts and ends, spaces, and insides of words
            let mut types = TypePhrases::new(line);
            let mut step = 0;
            for (q, _) in line.char_indices().chain([(line.len(), ' ')]) {
                step += 1;
                // on long lines, a sample of the bytes (always the ones inside "http")
                if line.len() > 400 && step % 7 != 0 && !line[q..].starts_with("ttp") {
                    continue;
                }
                let direct = vocab()
                    .find_type_phrase(&line[q..], false)
                    .map(|(s, e)| (q + s, q + e));
                assert_eq!(types.first_from(q), direct, "{line:?} from {q}");
            }
        }
    }

    #[test]
    fn header_run_is_the_window_of_all_the_words() {
        let mut lines = crate::testing::corpus_lines();
        lines.extend(
            [
                "Name Provider Purpose Expiry Type",
                "x Name Provider Purpose",
                "Name x Provider Purpose Expiry",
                "Nom Fournisseur Finalité Durée Type",
                "Cookie-Name Anbieter Zweck Ablauf Typ",
                "",
                "Name",
                "Name Provider",
                "x y Name Provider Purpose",
                "Name Provider x Name Provider Purpose",
                "Name Provider x Purpose Expiry Type",
                "Name x Name Provider x Provider Purpose x",
                "x Name x Name x Name Provider Purpose",
                "Name Provider Purpose x",
            ]
            .map(String::from),
        );
        for line in &lines {
            let mut all = LazyWords::new(line);
            while all.ensure(all.spans.len() + 1) {}
            assert_eq!(header_run(line), all.window, "{line:?}");
        }
    }

    #[test]
    fn glued_headers() {
        let (s, e, roles) = glued_header("etc. CookieDurationDescription_ga24 months").unwrap();
        assert_eq!(
            &"etc. CookieDurationDescription_ga24 months"[s..e],
            "CookieDurationDescription"
        );
        assert_eq!(
            roles,
            [Some(Role::Name), Some(Role::Duration), Some(Role::Purpose)]
        );
        assert!(glued_header("The Cookie Policy").is_none());
    }

    #[test]
    fn names_glued_to_text() {
        let b = "the category \"Other.cookielawinfo-checkbox-performance11 months";
        assert_eq!(
            &b[name_before(b, b.find("11").unwrap())..b.find("11").unwrap()],
            "cookielawinfo-checkbox-performance"
        );
        let b = "\"Analytics\".cookielawinfo-checkbox-functional11";
        assert_eq!(
            &b[name_before(b, b.len() - 2)..b.len() - 2],
            "cookielawinfo-checkbox-functional"
        );
    }

    #[test]
    fn lifetimes_in_words_glued_between_name_and_description() {
        let b = "interface.YSCsessionYSC cookie is set.yt-remote-device-idneverYouTube sets it.";
        let rows: Vec<(&str, &str)> = word_durations(b)
            .into_iter()
            .map(|(n, d, e)| (&b[n..d], &b[d..e]))
            .collect();
        assert_eq!(rows, [("YSC", "session"), ("yt-remote-device-id", "never")]);
        // characters of several bytes before a capital: no panic, no row
        assert!(word_durations("ñañoñíaÑ añosRecords ñsesiónStores").len() <= 1);
    }

    #[test]
    fn glued_rows() {
        let t = "__cf_bmCloudflare bot management30 minutes";
        let (n, p, d) = glued_row(t).unwrap();
        assert_eq!(&t[..n], "__cf_bm");
        assert_eq!(p.map(|(a, b)| &t[a..b]), Some("Cloudflare"));
        assert_eq!(&t[d..], "30 minutes");
        let t = "session_idKeeps you signed in1 day";
        let (n, p, _) = glued_row(t).unwrap();
        assert_eq!((&t[..n], p), ("session_id", None));
        assert!(glued_row("We keep data for 2 years").is_none());
    }

    #[test]
    fn declared_category() {
        let c = declared_before("Necessary Necessary Always Enabled Necessary cookies are essential. These cookies ensure basic functionalities.");
        assert_eq!(c.map(|c| c.0), Some(Category::Necessary));
    }
}
