//! Prose that names cookies: a token of sure cookie-name shape in a sentence about
//! cookies, or a name without that shape next to a cookie word in the singular.
//!
//! ```text
//! named    = [kind] cookie_word NAME rest        (`we use a session cookie asp.net_sessionID to track ...`)
//!          | NAME { joiner NAME } cookie_word     (`the _ga and _gid cookies expire after 2 years`)
//!          | NAME short short cookie_word rest    (`lcsrc est un cookie de Equativ`)
//!          | label ":" text "(" NAME ")"          (`Cookie di autenticazione: utilizzati per ... (admin_token).`)
//! paragraph = named { sentence }                 (the sentences after it, naming none: its description)
//! ```
//! The purpose is the rest of the sentence, or the description when the sentence only
//! says who sets the cookie; a lifetime sentence of the description is the duration,
//! a duration stated in the naming sentence is attached, and `session cookie` /
//! `persistent cookie` gives the kind. A sentence cut off by the end of the text names
//! no cookie (reported, not recorded).

use super::keyvalue::kv_line;
use super::{frag, Context, RawDoc, RawRecord};
use crate::chars::{is_quote, CharClass};
use crate::fields::duration::{find_duration_where, is_whole_duration, parse_duration, Found};
use crate::fields::names::{is_host_or_file, is_joiner, is_name_shaped, is_structured_name};
use crate::fields::provider::{after_set_by_span, is_vendor_name, vendor_run};
use crate::fields::repair::{is_near_any_language_word, Fragment};
use crate::fields::text::{contains_short, match_form, more_words_than};
use crate::policy::{DurationKind, Span, WarningKind};
use crate::segment::{offset32, Line, LineKind};
use crate::vocab::{vocab, Role};

/// Sentences of a line: (start, end) byte ranges, split after `.`, `!`, `?` + space.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for i in 0..b.len() {
        if matches!(b[i], b'.' | b'!' | b'?') && b.get(i + 1) == Some(&b' ') {
            // not inside an identifier or abbreviation like `e.g.`, nor after one the
            // vocabulary lists (`bzw.`, `approx.`); after a dotted name (`Parse.ly`,
            // `Wix.com`, `(hotjar.com)`), when a capital opens the next sentence
            let prev_word = text[start..i].rsplit(' ').next().unwrap_or("");
            let dotted_name = || {
                let core = prev_word.trim_end_matches(|c| c == ')' || is_quote(c));
                core.rsplit('.')
                    .next()
                    .is_some_and(|last| last.chars().count() >= 2)
                    && text[i + 2..].starts_with(char::is_uppercase)
            };
            // (a short unit after a number ends one too: `qui expire après 1 an. Il
            // …`, when a capital opens the next)
            let unit_after_number = || {
                let before = text[start..i].trim_end_matches(prev_word).trim_end();
                !prev_word.is_empty()
                    && prev_word.chars().all(char::is_alphabetic)
                    && before
                        .rsplit(' ')
                        .next()
                        .is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()))
                    && text[i + 2..].starts_with(char::is_uppercase)
            };
            if (prev_word.len() > 2 || unit_after_number())
                && (!prev_word.contains('.') || dotted_name())
                && !(b[i] == b'.' && vocab().is_abbreviation(prev_word))
            {
                out.push((start, i + 1));
                start = i + 2;
            }
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// Whether a token of `sent` (as `split_whitespace` cuts them) holds a `_` or two
/// dots or more: an identifier may stand there. Read from the bytes, without cutting
/// the tokens (most sentences have none): a `_` is no whitespace, so it stands in a
/// token; two dots stand in one token when no whitespace stands between them, and
/// then two dots next to each other in the text do too.
fn has_identifier_token(sent: &str) -> bool {
    let b = sent.as_bytes();
    if memchr::memchr(b'_', b).is_some() {
        return true;
    }
    let mut dots = memchr::memchr_iter(b'.', b);
    let Some(mut prev) = dots.next() else {
        return false;
    };
    for at in dots {
        // (a dot is ASCII: `prev + 1` and `at` are character boundaries)
        if !sent[prev + 1..at].contains(char::is_whitespace) {
            return true;
        }
        prev = at;
    }
    false
}

/// Look for cookies named in a line of prose.
pub(crate) fn parse<'a>(line: &Line<'a>, ctx: &Context, doc: &mut RawDoc<'a>, last_line: bool) {
    // (a sentence with an identifier-shaped token is part of the line, which then has
    // one too: a line without one is not cut into sentences)
    let v = vocab();
    if line.kind != LineKind::Text
        || !(has_identifier_token(line.text) || has_one_cookie_word(line.text))
    {
        return;
    }
    let text = line.text;
    if let Some((service, items)) = name_title(text) {
        title_records(line, ctx, doc, service, items);
        return;
    }
    let sents = sentences(text);
    // the records the last naming sentence made, each with the purpose that sentence
    // gives it, and the sentences after it that name no cookie (its description)
    let mut group = Group::default();
    // the records the sentence being read has made so far
    let mut here: Vec<Named<'a>> = Vec::new();
    for (si, &(s, e)) in sents.iter().enumerate() {
        let sent = &text[s..e];
        let made = doc.records.len();
        // a sentence about cookies names one with an identifier-shaped token, or one
        // without that shape next to a cookie word in the singular: then only the
        // tokens after such a word, and the first, may be a name
        let identifier = has_identifier_token(sent);
        let toks = tokens(sent);
        // (without an identifier-shaped token no chain starts: only loose names)
        let cookie_at: Vec<bool> = if identifier {
            Vec::new()
        } else {
            toks.iter()
                .map(|&t| is_one_cookie_word(clean_token(&sent[range(t)])))
                .collect()
        };
        // (a name a subject sets, `Hotjar sets _hjSessionUser, which lasts 365 days`:
        // the verb says what the name is without a cookie word)
        let set_name = if identifier {
            set_name_at(sent, &toks)
        } else {
            None
        };
        let named = if identifier {
            v.mentions_cookies(sent)
                || sent.contains('(')
                || mentions_cookie_compound(sent)
                || set_name.is_some()
        } else {
            cookie_at.contains(&true)
        };
        if !named {
            group.describe(sent);
            continue;
        }
        if let Some((lead_end, items)) = clause_list(sent) {
            // each name with its clause; the lead names the provider of them all
            group.close(line, doc);
            let span = Span::new(line.start() + s, line.start() + e);
            let vendor = vendor_run(&sent[..lead_end]);
            for (ns, ne, (ds, de)) in items {
                let name_frag = Fragment {
                    text: &sent[ns..ne],
                    offset: line.start() + s + ns,
                };
                let mut rec = RawRecord::new(name_frag, span, ctx);
                if let Some((vs, ve)) = vendor {
                    rec.push(Some(Role::Provider), "provider", frag(line, &sent[vs..ve]));
                }
                rec.push(Some(Role::Purpose), "purpose", frag(line, &sent[ds..de]));
                doc.records.push(rec);
            }
            continue;
        }
        if let Some(mut items) = colon_list(sent) {
            // the sentence before the colon describes the list: no description after
            group.close(line, doc);
            let span = Span::new(line.start() + s, line.start() + e);
            // a qualifier only after the last of several names is the whole list's
            // (`_gcl_au, _gcl_aw (durata: 90 giorni)`, `_ga, _gid (2 years, 1 day)`):
            // one record, its lifetimes paired with the names by position
            let shared = items.len() > 1 && items[..items.len() - 1].iter().all(|i| i.2.is_none());
            if shared {
                let (first, last) = (items[0], items[items.len() - 1]);
                items = vec![(first.0, last.1, last.2)];
            }
            for (ns, ne, qual) in items {
                let name_frag = Fragment {
                    text: &sent[ns..ne],
                    offset: line.start() + s + ns,
                };
                let mut rec = RawRecord::new(name_frag, span, ctx);
                if let Some((qs, qe)) = qual {
                    for (role, value) in qualifiers(&sent[qs..qe]) {
                        rec.push(Some(role), "qualifier", frag(line, value));
                    }
                }
                doc.records.push(rec);
            }
            continue;
        }
        let mut ti = 0;
        // the sentence's lifetimes, found when a name first needs one
        let mut lifetimes: Option<Vec<(usize, usize)>> = None;
        let mut sentence_vendor: Option<Option<(usize, usize)>> = None;
        // a name was read here (a sentence cut off with one describes nothing)
        let mut named_here = false;
        // the token where a name read goes on the list of the last name read, past
        // its bracketed qualifier (`die Cookies _ga (Speicherdauer 2 Jahre) und _gid`)
        let mut continues: Option<usize> = None;
        while ti < toks.len() {
            let found = if identifier {
                chain(sent, &toks, ti)
            } else {
                None
            };
            // a loose name stands first, or one or two tokens after a cookie word
            let may_be_loose = identifier
                || ti == 0
                || cookie_at[ti - 1]
                || (ti >= 2 && cookie_at[ti - 2])
                || cookie_at.get(ti + 1) == Some(&true)
                || cookie_at[ti.saturating_sub(MAX_QUALIFIER_WORDS + 1)..ti - 1].contains(&true);
            let tests = &mut doc.misspelling_tests;
            // (the qualified cookie word a loose name's slot found, not searched again)
            let mut qualified = None;
            let Some((last, in_parens)) = found.or_else(|| {
                (may_be_loose && loose_name(sent, &toks, ti, tests, &mut qualified))
                    .then_some((ti, false))
            }) else {
                ti += 1;
                continue;
            };
            let (ts, te) = (range(toks[ti]).start, range(toks[last]).end);
            let next_ti = last + 1;
            if url_like(sent, ts) {
                ti = next_ti;
                continue;
            }
            let form_at = |k: usize| match_form(&sent[range(toks[k])]);
            let is_cookie_word = |w: &str| v.is_cookie_word(w);
            // quotes standing alone (`le cookie « _pk_id »`) are passed over
            let word_before = |k: usize| (0..k).rev().find(|&j| !form_at(j).is_empty());
            let p1 = word_before(ti);
            let prev = p1.map(form_at);
            // `cookie _ga`, or `cookie named _ga` / `cookie nommé _ga` / `Cookie namens _ga`
            // (or a compound of one, `Session-Cookie PHPSESSID`; or one and the words
            // after it that qualify it, `le cookie de session PHPSESSID`)
            // (each asked only when the one before it says no)
            let right_after = prev.as_deref().is_some_and(is_cookie_word)
                || (prev.as_deref().is_some_and(|p| v.is_naming_word(p))
                    && p1
                        .and_then(word_before)
                        .map(form_at)
                        .as_deref()
                        .is_some_and(is_cookie_word));
            let compound_before = p1
                .filter(|&k| !right_after && k + 1 == ti)
                .and_then(|k| cookies_compound(clean_token(&sent[range(toks[k])])));
            if qualified.is_none() && !right_after && compound_before.is_none() {
                qualified = qualified_cookie_word(sent, &toks, ti);
            }
            let after_cookie_word = right_after || compound_before.is_some() || qualified.is_some();
            let next = (last + 1..toks.len())
                .find(|&j| !form_at(j).is_empty())
                .map(form_at);
            // `_ga cookies`, or a sentence opening with the name: `_ga is a cookie
            // set by Google`, `_ga ist ein Cookie von Google` (two short words between)
            let before_cookie_word = next.as_deref().is_some_and(|n| v.is_cookie_word(n))
                || (word_before(ti).is_none() && opens_with_name(sent, &toks, last));
            // `Cookies may include _ga and _ga_<id>`, `cookies such as _ga`: a cookie
            // word two words before, nothing ending a clause between, every name sure
            let near_cookie_word = (ti.saturating_sub(3)..ti.saturating_sub(1))
                .any(|k| is_cookie_word(&form_at(k)))
                && !sent[range(toks[ti.saturating_sub(3)]).start..ts]
                    .contains([',', ';', ':', '.', '('])
                && (ti..=last).all(|k| {
                    let t = &sent[range(toks[k])];
                    let t = t.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | '(' | ')'));
                    t.is_empty() || v.is_joiner_word(&t.to_lowercase()) || is_structured_name(t)
                });
            let goes_on = continues == Some(ti) && found.is_some();
            let is_set = set_name == Some(ti) && found.is_some();
            // a clause of its own after one that named a cookie, opening with a name
            // built like an identifier (`The _ga cookie is used to …, _gid is used
            // to … and _gat_x is used to …`): the sentence lists cookies clause by clause
            let opens_clause = named_here
                && found.is_some()
                && p1.is_some_and(|k| {
                    let w = &sent[range(toks[k])];
                    k + 1 == ti && (w.ends_with([',', ';']) || is_joiner(w))
                })
                && (ti..=last).all(|k| {
                    let t = clean_token(&sent[range(toks[k])]);
                    t.is_empty() || is_joiner(t) || is_structured_name(t)
                });
            if !(after_cookie_word
                || opens_clause
                || before_cookie_word
                || in_parens
                || near_cookie_word
                || goes_on
                || is_set)
            {
                ti = next_ti;
                continue;
            }
            let names = clean_token(&sent[ts..te]);
            let name_at = s + ts + sent[ts..te].find(names).unwrap_or(0);
            let name_frag = Fragment {
                text: names,
                offset: line.start() + name_at,
            };
            // the purpose: after the names to the sentence end, or the clause before `(name)`
            let purpose: &str = if in_parens {
                let clause = &sent[..ts];
                let from = clause.find(": ").map_or(0, |c| c + 2);
                clause[from..].trim()
            } else if before_cookie_word {
                sent.trim()
            } else {
                sent[te..].trim_start()
            };
            let span = Span::new(line.start() + s, line.start() + e);
            named_here = true;
            let cut = last_line
                && si + 1 == sents.len()
                && !sent.trim_end().ends_with(['.', '!', '?', ')']);
            if cut {
                doc.warn(
                    WarningKind::TruncatedRecord,
                    span,
                    format!(
                        "{names:?} is named in a sentence cut off by the end of the text; left out"
                    ),
                );
                ti = next_ti;
                continue;
            }
            let mut rec = RawRecord::new(name_frag, span, ctx);
            // (the same for every name of the sentence: read once)
            // (whom a set-by phrase names, as written: `déposé par Wix.com`, `set by
            // Bing / Microsoft`; else the subject of a verb that sets the cookie,
            // `Facebook places the fr cookie`; else a known vendor the sentence names)
            let vendor = *sentence_vendor.get_or_insert_with(|| {
                after_set_by_span(sent)
                    .or_else(|| set_by_lower_case(sent))
                    .or_else(|| subject_provider(sent, &toks))
                    .or_else(|| vendor_run(sent))
            });
            if let Some((vs, ve)) = vendor {
                rec.push(Some(Role::Provider), "provider", frag(line, &sent[vs..ve]));
            }
            // the lifetime: of several in the sentence, the first after the names
            // (`The _ga cookie expires after 2 years and the _gid cookie after 24
            // hours`); a list of lifetimes paired with the names in order keeps its
            // `respectively` for the records to pair them
            let found = lifetimes.get_or_insert_with(|| all_durations(sent));
            // (found by halving: the phrases are in order, and a sentence may name
            // thousands of cookies)
            let at = Some(found.partition_point(|d| d.0 < te))
                .filter(|&k| k < found.len())
                .unwrap_or(0);
            let at = if session_word_then_length(sent, found, at) {
                at + 1
            } else {
                at
            };
            let pick = found.get(at);
            let mut lifetime_at = None;
            if let Some(&(ds, de)) = pick {
                if let Some(kind) = qualifier_kind(sent, (ds, de), ts) {
                    // the cookie word's own qualifier (`the session cookie NID`, `le
                    // cookie de session NID`): the cookie's kind, which a lifetime
                    // sentence of the description may still state
                    rec.kind_hint = Some((kind, sent[ds..de].to_string()));
                } else if !(ds..de).contains(&ts) {
                    lifetime_at = Some((ds, de));
                    let de = if last > ti {
                        respective_run_end(sent, found, at, de)
                    } else {
                        de
                    };
                    rec.push(Some(Role::Duration), "duration", frag(line, &sent[ds..de]));
                }
            }
            if after_cookie_word {
                // the kind said before the cookie word (`session cookie NID`), in its
                // compound (`Sitzungscookie NID`) or after it (`cookie de session NID`)
                let before =
                    (ti.checked_sub(2).and_then(|k| toks.get(k))).map(|&t| &sent[range(t)]);
                let said = [before, compound_before]
                    .into_iter()
                    .flatten()
                    .find_map(|w| v.cookie_kind(&match_form(w)).map(|k| (k, w)))
                    .or_else(|| qualified.and_then(|q| q.1));
                if let Some((kind, w)) = said {
                    rec.kind_hint = Some((kind, w.to_string()));
                }
            }
            if doc.records.len() == made {
                // the first record of this sentence: the last sentence's group is done
                group.close(line, doc);
            }
            // (when the cookie word follows the names, the sentence's words after it:
            // `Our site uses the _ga cookie, which is set by Google`)
            let said = if before_cookie_word {
                (last + 1..toks.len().min(last + 5))
                    .find(|&k| v.is_cookie_word(&form_at(k)))
                    .map_or(purpose, |k| &sent[range(toks[k]).end..])
            } else {
                purpose
            };
            here.push(Named {
                index: doc.records.len(),
                purpose: (
                    offset_in(sent, purpose),
                    offset_in(sent, purpose) + purpose.len(),
                ),
                said: offset_in(sent, said),
                vendor,
                names,
                ts,
                te,
                after: next_ti,
                goes_on,
                lifetime: lifetime_at,
            });
            doc.records.push(rec);
            continues = after_qualifier(sent, &toks, next_ti);
            ti = next_ti;
        }
        own_clauses(sent, &toks, &here, &mut group.records);
        here.clear();
        if !named_here {
            // a sentence that names no cookie describes the last one named
            group.describe(sent);
        }
    }
    group.close(line, doc);
}

/// The kind a lifetime phrase `(ds, de)` of a sentence says when it is no more than a
/// kind (no length: `session`, `persistent`) and stands right before the name at
/// `ts`, a word between at most and no clause break (`the session cookie NID`, `le
/// cookie de session NID`): it qualifies the cookie word that introduces the name.
fn qualifier_kind(sent: &str, (ds, de): (usize, usize), ts: usize) -> Option<DurationKind> {
    if de > ts {
        return None;
    }
    let gap = &sent[de..ts];
    if gap.split_whitespace().nth(1).is_some() || gap.contains([',', ';', ':', '.', '(', ')']) {
        return None;
    }
    let d = parse_duration(&sent[ds..de]);
    (d.iso8601.is_none() && matches!(d.kind, DurationKind::Session | DurationKind::Persistent))
        .then_some(d.kind)
}

/// Whether the lifetime phrase `found[at]` is the word `session` with no number (a
/// noun of the purpose: `conserve la session pendant 30 minutes`, `keeps the session
/// for 30 minutes`) and the next phrase states a length a few plain words after it,
/// no clause break, joiner, name or cookie word between: that length is the
/// lifetime. (`_a is a session cookie, _b lasts 2 years` keeps `session`; so does
/// `session or 30 minutes`, an either-or lifetime.)
fn session_word_then_length(sent: &str, found: &[(usize, usize)], at: usize) -> bool {
    let (Some(&(s0, e0)), Some(&(s1, e1))) = (found.get(at), found.get(at + 1)) else {
        return false;
    };
    let word = &sent[s0..e0];
    let gap = &sent[e0..s1];
    let v = vocab();
    !word.contains(|c: char| c.is_ascii_digit())
        && parse_duration(word).kind == DurationKind::Session
        && sent[s1..e1].contains(|c: char| c.is_ascii_digit())
        && !gap.contains([',', ';', '_', '(', ')', ':'])
        && gap.split_whitespace().nth(3).is_none()
        && gap
            .split_whitespace()
            .all(|w| !is_joiner(w) && !v.is_cookie_word(&match_form(clean_token(w))))
}

/// A record a sentence of prose made, before its purpose is cut to its own clause.
struct Named<'a> {
    /// Index in `RawDoc::records`.
    index: usize,
    /// The purpose the sentence gives when it names this cookie alone (byte range).
    purpose: (usize, usize),
    /// Where the words that may say more than who sets the cookie start.
    said: usize,
    vendor: Option<(usize, usize)>,
    names: &'a str,
    /// The names' byte range.
    ts: usize,
    te: usize,
    /// The token after the names.
    after: usize,
    /// The names go on the list of the record before (`_ga (2 Jahre) und _gid`).
    goes_on: bool,
    /// The lifetime phrase the record took (byte range).
    lifetime: Option<(usize, usize)>,
}

/// Where a purpose ending at `to` ends when its last clause, after a joiner, only
/// states the record's lifetime `life` (`is used to distinguish users and expires
/// after 2 years`, `… und wird nach 2 Jahren gelöscht`): before that joiner. The
/// clause holds the lifetime phrase and two words more at most (its verb).
fn without_lifetime_clause(
    sent: &str,
    from: usize,
    to: usize,
    life: Option<(usize, usize)>,
) -> usize {
    /// Words besides the lifetime phrase a lifetime clause has at most.
    const VERB_WORDS: usize = 2;
    let Some((ds, de)) = life else {
        return to;
    };
    if ds < from || de > to || sent[de..to].split_whitespace().nth(VERB_WORDS).is_some() {
        return to;
    }
    let mut others = sent[de..to].split_whitespace().count();
    // a purpose that is the lifetime clause alone (`which lasts 365 days`, `qui
    // expire après 13 mois`): no purpose is given
    let words = |t: &str| {
        t.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    if words(&sent[from..ds]) + words(&sent[de..to]) <= VERB_WORDS + 1 {
        return from;
    }
    // the joiner: the last word before the phrase, or one of the two before that
    for w in sent[from..ds].split_whitespace().rev().take(VERB_WORDS + 1) {
        if is_joiner(w) {
            let at = offset_in(sent, w);
            return if sent[from..at].trim().is_empty() {
                to
            } else {
                at
            };
        }
        others += 1;
        if others > VERB_WORDS {
            break;
        }
    }
    to
}

/// Byte offset of `part`, a slice of `whole`, in it.
fn offset_in(whole: &str, part: &str) -> usize {
    part.as_ptr() as usize - whole.as_ptr() as usize
}

/// The purposes of the records one sentence made: when it names several cookies in
/// clauses of their own (`The _ga cookie distinguishes users, and the _gid cookie
/// throttles requests`), each purpose ends where the next cookie's clause starts (at
/// the last comma, semicolon or joining word before its name) and the later ones
/// start there; a list that goes on past a bracketed qualifier (`_ga (2 Jahre) und
/// _gid (24 Stunden) dienen der Statistik`) shares what its last name is said to do.
/// A sentence naming one cookie keeps its purpose whole. Besides being right, this
/// keeps the output linear: a sentence naming thousands of cookies gave each of them
/// the rest of the sentence.
fn own_clauses<'a>(
    sent: &'a str,
    toks: &[(u32, u32)],
    here: &[Named<'a>],
    out: &mut Vec<(usize, &'a str, bool)>,
) {
    let n = here.len();
    let from_out = out.len();
    // read from the last record back: a list's earlier names share what its last is
    // said to do; `end` is where the clause of the record after this one starts
    let mut end = sent.len();
    let mut shared: Option<(&'a str, bool)> = None;
    for k in (0..n).rev() {
        let r = &here[k];
        // where this record's clause starts, and where the one before it ends
        let (before_end, start) = if k > 0 && !r.goes_on {
            clause_break(sent, toks, here[k - 1].after, here[k - 1].te, r.ts)
        } else {
            (0, 0)
        };
        let (purpose, describes) = match shared.filter(|_| k + 1 < n && here[k + 1].goes_on) {
            Some(s) => s,
            None => {
                let mut from = r.purpose.0.max(start);
                // a clause that opens with the names and the cookie word (`The _ga
                // cookie is used to …`): its purpose is what is said after them
                if from < r.ts
                    && r.said > r.te
                    && sent[from..r.ts].split_whitespace().nth(2).is_none()
                {
                    from = r.said;
                }
                let to = r.purpose.1.min(end);
                let to = without_lifetime_clause(sent, from, to, r.lifetime);
                let cut = |a: usize| {
                    if a < to {
                        sent[a..to].trim_end_matches([' ', ',', ';']).trim()
                    } else {
                        // (empty, but still a slice of the sentence: offsets are
                        // taken from it)
                        &sent[to..to]
                    }
                };
                let purpose = cut(from);
                let said = cut(r.said.max(start));
                let describes = describes_more_than_who(sent, said, r.vendor, r.names);
                (purpose, describes)
            }
        };
        // what a list's earlier names share: the last one's words past its own
        // bracketed qualifier
        let rest = purpose
            .strip_prefix('(')
            .and_then(|p| {
                p.find(')')
                    .map(|c| p[c + 1..].trim_start_matches([',', ' ']))
            })
            .unwrap_or(purpose);
        shared = Some((rest, describes));
        // the last name of such a list: its own qualifier is its lifetime
        let own = if r.goes_on { rest } else { purpose };
        out.push((r.index, own, describes));
        end = if r.goes_on { sent.len() } else { before_end };
    }
    out[from_out..].reverse();
}

/// Where one cookie's clause ends and the next one's starts, between the end `te`
/// of the first's names (tokens from `after`) and the start `ts` of the next: at the
/// last comma or semicolon, or the last joining word (`and`, `et`, `und`), whichever
/// is later; at `ts` when there is neither.
fn clause_break(
    sent: &str,
    toks: &[(u32, u32)],
    after: usize,
    te: usize,
    ts: usize,
) -> (usize, usize) {
    let gap = &sent[te..ts];
    let mut best = gap.rfind([',', ';']).map(|c| (te + c, te + c + 1));
    for &t in toks[after.min(toks.len())..]
        .iter()
        .take_while(|&&t| range(t).end <= ts)
    {
        let r = range(t);
        let word = sent[r.clone()].trim_end_matches([',', ';']);
        if is_joiner(word) && best.is_none_or(|(b, _)| r.start > b) {
            best = Some((r.start, r.end));
        }
    }
    best.unwrap_or((ts, ts))
}

/// Where the next name of a list stands when the tokens from `k` are a bracketed
/// qualifier of the name before them (twelve tokens at most) and a comma or a joiner
/// word after it: `_ga (Speicherdauer 2 Jahre) und _gid`, `_ga (2 years), _gid`.
fn after_qualifier(sent: &str, toks: &[(u32, u32)], k: usize) -> Option<usize> {
    let tok = |j: usize| &sent[range(toks[j])];
    if k >= toks.len() || !tok(k).starts_with('(') {
        return None;
    }
    let close = (k..toks.len().min(k + 12))
        .find(|&j| tok(j).trim_end_matches([',', ';']).ends_with(')'))?;
    if tok(close).ends_with(',') {
        Some(close + 1)
    } else if close + 1 < toks.len() && is_joiner(tok(close + 1)) {
        Some(close + 2)
    } else {
        None
    }
}

/// Every lifetime phrase of a sentence, leftmost first, as byte ranges.
fn all_durations(sent: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    find_duration_where(sent, |s, e| {
        out.push((s, e));
        Found::Next
    });
    out
}

/// The end of the lifetimes a list of names takes, from the phrase `found[at]` that
/// ends at `end`: on through a `respectively` word after it, and when such a word
/// stands between lifetimes (`nach 2 Jahren bzw. 24 Stunden`, `1 Jahr bzw. 30 Tage
/// bzw. 1 Stunde`), on through the lifetime after it, for the records to pair them
/// with the names in order.
fn respective_run_end(sent: &str, found: &[(usize, usize)], at: usize, end: usize) -> usize {
    let mut end = end;
    let mut next = at + 1;
    loop {
        let after = respectively_end(sent, end);
        if after == end {
            return end;
        }
        match found.get(next) {
            Some(&(s, e))
                if s >= after && sent[after..s].trim_start_matches(['.', ' ']).is_empty() =>
            {
                end = e;
                next += 1;
            }
            _ => return after,
        }
    }
}

/// The end of a lifetime phrase ending at `end`, taken on through a word that pairs
/// its lifetimes with the names before it (`1 year and 30 minutes respectively`).
fn respectively_end(sent: &str, end: usize) -> usize {
    let rest = &sent[end..];
    let skip = rest.len() - rest.trim_start_matches([' ', ',']).len();
    let word_len = rest[skip..]
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len() - skip);
    if word_len > 0 && vocab().says_respectively(&rest[skip..skip + word_len]) {
        end + skip + word_len
    } else {
        end
    }
}

/// Whether the words a naming sentence gives as the purpose say more than which
/// cookie it is and who sets it: more than six words beside the names, the cookie
/// words and the provider (`to distinguish visitors and persist session state`, not
/// `which is placed by Duda`, `The _ga cookie is set by Google`, `is used on this
/// site`). Such words stay the purpose when sentences describing the cookie follow.
fn describes_more_than_who(
    sent: &str,
    purpose: &str,
    vendor: Option<(usize, usize)>,
    names: &str,
) -> bool {
    /// A clause saying who sets the cookie, or that it is used, is this short.
    const WHO_WORDS: usize = 6;
    let at = purpose.as_ptr() as usize - sent.as_ptr() as usize;
    let in_vendor = |a: usize| vendor.is_some_and(|(vs, ve)| (vs..ve).contains(&(at + a)));
    let v = vocab();
    purpose
        .split_whitespace()
        .filter(|w| {
            let a = w.as_ptr() as usize - purpose.as_ptr() as usize;
            let w = clean_token(w);
            !w.is_empty()
                && !in_vendor(a)
                && !names.split_whitespace().any(|n| clean_token(n) == w)
                && !v.is_cookie_word(&match_form(w))
        })
        .nth(WHO_WORDS)
        .is_some()
}

/// The cookies one sentence of prose names, and the sentences after it in the same
/// paragraph that name none: `The _ga cookie is set by Google. It distinguishes
/// users. It expires after 2 years.` The naming sentence introduces the cookie; when
/// sentences describe it after, they are its purpose (a lifetime sentence among them
/// is taken for the duration when the records are built), else the naming sentence's
/// own words after the name are.
///
/// The description is a few short sentences about the cookies named: it ends at a
/// sentence with an identifier-shaped token (another name, a script), at a long one
/// (a page flattened to one line), or after [`Group::MAX_SENTENCES`].
#[derive(Default)]
struct Group<'a> {
    /// Index in `RawDoc::records`, the purpose the naming sentence gives, and whether
    /// that says more than who sets the cookie ([`describes_more_than_who`]).
    records: Vec<(usize, &'a str, bool)>,
    /// Sentences after the naming one that name no cookie.
    description: Vec<&'a str>,
    /// The description has ended before the next naming sentence.
    ended: bool,
}

impl<'a> Group<'a> {
    /// Sentences a description runs to at most.
    const MAX_SENTENCES: usize = 3;
    /// Words a sentence of a description has at most.
    const MAX_WORDS: usize = 40;

    /// A sentence that names no cookie: part of the description when a cookie was
    /// named before it in the paragraph and the description has not ended.
    fn describe(&mut self, sent: &'a str) {
        let sent = sent.trim();
        if self.records.is_empty() || self.ended || sent.is_empty() {
            return;
        }
        let ends = self.description.len() >= Self::MAX_SENTENCES
            || (has_identifier_token(sent)
                && sent
                    .split_whitespace()
                    .any(|t| is_structured_name(clean_token(t))))
            || more_words_than(sent, Self::MAX_WORDS);
        if ends {
            self.ended = true;
        } else {
            self.description.push(sent);
        }
    }

    /// Give the records their purpose: the naming sentence's words when they say more
    /// than who sets the cookie or no description follows, then the description.
    fn close(&mut self, line: &Line<'a>, doc: &mut RawDoc<'a>) {
        let described = self.description.iter().any(|d| !is_lifetime_sentence(d));
        for &(k, intro, describes) in &self.records {
            let rec = &mut doc.records[k];
            if (describes || !described) && !intro.is_empty() {
                rec.push(Some(Role::Purpose), "purpose", frag(line, intro));
            }
            for &d in &self.description {
                rec.push(Some(Role::Purpose), "purpose", frag(line, d));
            }
        }
        self.records.clear();
        self.description.clear();
        self.ended = false;
    }
}

/// A sentence that only states a lifetime (`It expires after 2 years.`): the
/// records' lifetime reading takes it out of the purpose whole.
fn is_lifetime_sentence(sent: &str) -> bool {
    let mut s = sent.to_string();
    crate::records::take_lifetime_sentence(&mut s).is_some() && s.trim().is_empty()
}

/// A sentence opening with a name that a cookie word follows after two short words
/// (`_ga is a cookie`, `_ga ist ein Cookie`, `_ga est un cookie`, `_ga è un cookie`):
/// the words between are a copula and an article, no clause break among them.
fn opens_with_name(sent: &str, toks: &[(u32, u32)], last: usize) -> bool {
    /// A copula or article is short (`is`, `ist`, `est`, `een`, `una`, `um`).
    const SHORT: usize = 4;
    let v = vocab();
    let between = toks.get(last + 1..last + 3);
    let Some(&cookie) = toks.get(last + 3) else {
        return false;
    };
    // (a verb that sets cookies after the first word makes it the subject that sets
    // one, not its name: `Drupal uses this cookie to …`)
    between.is_some_and(|b| {
        b.iter().all(|&t| {
            let w = &sent[range(t)];
            w.chars().count() <= SHORT && w.chars().all(char::is_alphabetic)
        }) && !v.is_sets_verb(&match_form(&sent[range(b[0])]))
    }) && !sent[range(toks[last])].ends_with([',', ';', ':', '.'])
        && v.is_cookie_word(&match_form(clean_token(&sent[range(cookie)])))
}

/// Whether a token of `text` is a cookie word in the singular ([`is_one_cookie_word`]):
/// a name without an identifier's shape may stand next to it.
fn has_one_cookie_word(text: &str) -> bool {
    text.split_whitespace()
        .any(|t| is_one_cookie_word(clean_token(t)))
}

/// A cookie word in the singular (`cookie`, `Cookie`, `témoin`; not `cookies`), as
/// written.
fn is_one_cookie_word(word: &str) -> bool {
    !word.is_empty()
        && !word.as_bytes()[word.len() - 1].eq_ignore_ascii_case(&b's')
        && (vocab().is_cookie_word_written(word) || cookie_compound(word).is_some())
}

/// A cookie word in the singular compounded as German and Dutch write it, its first
/// part glued or hyphenated (`Session-Cookie`, `Sitzungscookie`, `sessiecookie`,
/// `Drittanbieter-Cookie`): that first part ([`crate::vocab::Vocab::cookie_compound`]). (The kind
/// the first part may say is read as a kind word before a cookie word is:
/// `Sitzungscookie` as `Sitzungs Cookie`.)
fn cookie_compound(word: &str) -> Option<&str> {
    vocab().cookie_compound(word)
}

/// Whether a token of `sent` is a compound of a cookie word, in the singular or the
/// plural (`Sitzungscookie`, `Marketing-Cookies`): a sentence about cookies, which
/// the phrase lists do not see (they match whole words).
fn mentions_cookie_compound(sent: &str) -> bool {
    sent.split_whitespace()
        .any(|t| cookies_compound(clean_token(t)).is_some())
}

/// [`cookie_compound`] of a compound in the singular or the plural
/// (`Marketing-Cookies`): its first part.
fn cookies_compound(word: &str) -> Option<&str> {
    cookie_compound(word.strip_suffix(['s', 'S']).unwrap_or(word))
}

/// A cookie word qualified by the words after it ([`qualified_cookie_word`]): its
/// token, and the kind the qualifier says with the qualifier's text.
type Qualified<'s> = (usize, Option<(DurationKind, &'s str)>);

/// How many words at most may qualify a cookie word between it and a name.
const MAX_QUALIFIER_WORDS: usize = 3;

/// The token of a cookie word in the singular that the name at token `ti` follows
/// across the words that qualify the cookie, written after the cookie word as the
/// Romance languages write them (`le cookie de session PHPSESSID`, `il cookie di
/// sessione PHPSESSID`, `le cookie tiers IDE`, `la cookie técnica NID`): a linker or
/// not (`de`, `di`), then a cookie kind, a party or a category, all of the words left
/// (at most [`MAX_QUALIFIER_WORDS`] in all); with the kind's words when they say one.
/// No word from the cookie word on ends a clause, and the name is no listed word in
/// lower case. `None`: no such cookie word (the cookie word right before the name,
/// `cookie _ga`, is not this).
fn qualified_cookie_word<'s>(
    sent: &'s str,
    toks: &[(u32, u32)],
    ti: usize,
) -> Option<Qualified<'s>> {
    let word = |j: usize| clean_token(&sent[range(toks[j])]);
    // (a word in lower case that a word list holds is no name, as `loose_name` reads
    // it, short ones only among the most frequent: most tokens asked are turned away
    // here, before the vocabulary is asked about the words between)
    let w = word(ti);
    if w.chars().all(char::is_lowercase) && word_rank(w).is_some_and(|r| r <= RARE_RANK) {
        return None;
    }
    let v = vocab();
    let k = (ti.saturating_sub(MAX_QUALIFIER_WORDS + 1)..ti.saturating_sub(1))
        .rev()
        .find(|&k| is_one_cookie_word(word(k)))?;
    // (the search went from the name back: no cookie word stands between `k` and the
    // last word before the name; that one is the cookie word the name follows, if any)
    if is_one_cookie_word(word(ti - 1)) {
        return None;
    }
    let ends_clause = |j: usize| {
        sent[range(toks[j])]
            .trim_end_matches(is_quote)
            .ends_with([',', ';', ':', '.', ')', '('])
    };
    if (k..ti).any(ends_clause) {
        return None;
    }
    let first = if v.is_linker(&match_form(word(k + 1))) {
        k + 2
    } else {
        k + 1
    };
    if first >= ti {
        return None;
    }
    let q = &sent[range(toks[first]).start..range(toks[ti - 1]).end];
    let kind = v.cookie_kind(&match_form(clean_token(q)));
    (kind.is_some() || v.is_first_party(q) || v.category_whole(q).is_some())
        .then_some((k, kind.map(|kd| (kd, q))))
}

/// Where a name without an identifier's shape may stand in a sentence.
#[derive(Clone, Copy, PartialEq)]
enum Slot {
    /// Opening a sentence that calls it a cookie (`lcsrc est un cookie de Equativ`).
    Opening,
    /// Right after a cookie word in the singular, or such a word and a naming word
    /// (`the cookie lcsrc`, `a cookie named NID`).
    AfterCookie,
    /// Between an article and a cookie word in the singular (`uses the GCLB cookie,
    /// which`).
    BeforeCookie,
}

/// A name without an identifier's shape right after a cookie word in the singular
/// (`the cookie lcsrc`, `das Cookie ep201`, `a cookie named NID`), between an article
/// and such a word (`the GCLB cookie`), or opening a sentence that calls it a cookie
/// (`lcsrc est un cookie de Equativ`): a token of a name's characters that the Open
/// Cookie Database knows as a name (`JSESSIONID`), or that no language's word list
/// holds, that is no misspelt word (one edit from a listed one; a word of letters
/// alone needs four of them), no vendor's name, no category word and no header word.
///
/// A token that only fails the last tests (a word of two or three letters, `gst`,
/// `CC`; one edit from a word, `svid`; words joined by hyphens, `visitor-id`) is a
/// name when the sentence attributes the cookie, as a sentence introducing one does
/// (`La cookie gst es instalada por SAP`, `CC es una cookie de Bing`): it opens the
/// sentence, or a short verb follows it, and the sentence names a known vendor or
/// says who sets the cookie. (Before a cookie word it is no name then: `the session
/// cookie`.)
///
/// A qualified cookie word found for the slot is left in `qualified`.
fn loose_name<'s>(
    sent: &'s str,
    toks: &[(u32, u32)],
    ti: usize,
    tests: &mut u32,
    qualified: &mut Option<Qualified<'s>>,
) -> bool {
    let v = vocab();
    // where it stands first (most tokens are turned away here): after a cookie word
    // in the singular (`cookies Third-party` is a list's end), or such a word and a
    // naming word (`cookie named`), with no clause break; before a cookie word in the
    // singular, after an article; or opening the sentence
    let one_cookie = |k: usize| is_one_cookie_word(clean_token(&sent[range(toks[k])]));
    let slot = match ti {
        0 => opens_with_name(sent, toks, 0).then_some(Slot::Opening),
        _ => {
            let prev = sent[range(toks[ti - 1])].trim_end_matches(is_quote);
            let open = !prev.ends_with([',', ';', ':', '.', ')']);
            if open
                && (one_cookie(ti - 1)
                    || (ti >= 2
                        && one_cookie(ti - 2)
                        && v.is_naming_word(&match_form(clean_token(prev))))
                    || {
                        *qualified = qualified_cookie_word(sent, toks, ti);
                        qualified.is_some()
                    })
            {
                Some(Slot::AfterCookie)
            } else if open
                && is_article_like(prev, ti == 1)
                && ti + 1 < toks.len()
                && !sent[range(toks[ti])].ends_with([',', ';', ':', '.', ')'])
                && one_cookie(ti + 1)
                // (not a capitalised run the cookie word is part of: `the GDPR
                // Cookie Consent plugin`)
                && !toks.get(ti + 2).is_some_and(|&t| {
                    !sent[range(toks[ti + 1])].ends_with([',', ';', ':', '.'])
                        && sent[range(t)].starts_with(char::is_uppercase)
                })
            {
                Some(Slot::BeforeCookie)
            } else {
                None
            }
        }
    };
    let Some(slot) = slot else {
        return false;
    };
    let tok = clean_token(&sent[range(toks[ti])]);
    if tok.len() < 2 || !is_name_shaped(tok) || tok.ends_with('.') || is_host_or_file(tok) {
        return false;
    }
    if v.is_not_a_name(tok) {
        return false;
    }
    if ti > 0 && crate::fields::names::is_strong_name(tok) {
        return true;
    }
    // a listed word is no name, but a short one that no list ranks among its most
    // frequent words may be (`gst`, `fr`, `CC`); nor a category word the lists lack
    // (`cookie analitici`)
    let rank = word_rank(tok);
    if rank.is_some_and(|r| r <= RARE_RANK)
        || is_vendor_name(tok)
        || v.is_cookie_word(&match_form(tok))
        || v.find_category(tok).is_some()
        || v.field(tok).is_some()
    {
        return false;
    }
    // a word of letters alone (a capital first at most) has four of them at least
    // and is no misspelt word (the test, a few thousand lookups, last); a hyphenated
    // token of words is words (`opt-out`)
    let mut rest = tok.chars().skip(1);
    let plain = tok.chars().all(char::is_alphabetic) && !rest.any(char::is_uppercase);
    let words = tok.contains('-')
        && tok
            .split('-')
            .all(|w| w.is_empty() || crate::fields::repair::is_any_language_word(w));
    // (a hyphenated word the tables list is a word: `pop-up`, `opt-out`)
    if words
        && crate::vocab::affixes::repair_words()
            .hyphen_compounds
            .contains(&tok.to_lowercase())
    {
        return false;
    }
    let sure =
        rank.is_none() && !words && !(plain && (tok.chars().count() < 4 || misspelt(tok, tests)));
    // before a cookie word, only a sure token in a sentence that says who sets the
    // cookie (`uses the GCLB cookie, which is set by Google`; not `the HttpOnly
    // cookie`), or any in one that opens with who sets it (`Facebook places the fr
    // cookie`)
    match slot {
        Slot::BeforeCookie => {
            (sure && names_setter(sent)) || subject_provider(sent, toks).is_some()
        }
        _ => sure || attributes_cookie(sent, toks, ti, slot),
    }
}

/// Whether a sentence names a known vendor or has a set-by phrase (`set by`,
/// `déposé par`).
fn names_setter(sent: &str) -> bool {
    vendor_run(sent).is_some() || vocab().after_set_by(sent).is_some()
}

/// A provider written in lower case right after a set-by phrase, that a reader
/// still knows for a name: a host (`déposé par adscale.de`, `installato da
/// csync.loopme.me`) or a word with a capital inside (`set by phpMyAdmin`, `instalada
/// por vBulletin`). [`after_set_by_span`] reads capitalised names only. A byte range
/// of `sent`.
fn set_by_lower_case(sent: &str) -> Option<(usize, usize)> {
    let at = vocab().after_set_by(sent)?;
    let rest = &sent[at..];
    let tok = rest.split_whitespace().next()?;
    let name = tok.trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
    let camel =
        name.chars().skip(1).any(char::is_uppercase) && name.chars().all(char::is_alphanumeric);
    if !(camel || (is_host_or_file(name) && is_name_shaped(name))) {
        return None;
    }
    let s = at + rest.find(name)?;
    Some((s, s + name.len()))
}

/// The provider a sentence opens with as the subject of a verb that sets the cookie
/// (`Facebook places the fr cookie`, `Bing / Microsoft instala o cookie MR`, `adscale.de
/// instala la cookie tu`): the words before such a verb, five at most, each
/// capitalised, a host, a name with a capital inside (`phpMyAdmin`) or a `/` or `&`
/// between names; no pronoun (`We use`, `Our site uses`) and no cookie word (`The
/// cookie stores`). A byte range of `sent`.
fn subject_provider(sent: &str, toks: &[(u32, u32)]) -> Option<(usize, usize)> {
    /// Words of the subject (`Amazon Web Services`, `Joomla! Engagebox`).
    const MAX_WORDS: usize = 5;
    let v = vocab();
    // (the verb is found first: most sentences open with no subject of one)
    let k = (1..toks.len().min(MAX_WORDS + 1))
        .find(|&k| v.is_sets_verb(&match_form(clean_token(&sent[range(toks[k])]))))?;
    let subject = &toks[..k];
    let name_like = |t: &str| {
        matches!(t, "/" | "&")
            || t.starts_with(char::is_uppercase)
            || t.chars().skip(1).any(char::is_uppercase)
            || is_host_or_file(t)
    };
    let ok = subject.iter().enumerate().all(|(j, &t)| {
        let w = &sent[range(t)];
        // (no clause break inside the subject)
        (j + 1 == k || !w.ends_with([',', ';', ':', '.']))
            && name_like(w)
            && !is_one_cookie_word(clean_token(w))
            && !v.is_cookie_word(&match_form(clean_token(w)))
    }) && !v.is_pronoun(&sent[range(subject[0])])
        && !sent[range(subject[k - 1])].ends_with([',', ';', ':']);
    if !ok {
        return None;
    }
    let (s, e) = (range(subject[0]).start, range(subject[k - 1]).end);
    (!v.is_first_party(&sent[s..e])).then_some((s, e))
}

/// The token where the names a sentence's subject sets start: right after a verb
/// that sets cookies (`Hotjar sets _hjSessionUser_{site_id}, which lasts 365 days`,
/// `We use PHPSESSID to keep your session`, `Usamos _ga`, `Matomo setzt _pk_id`) among the
/// sentence's first words, the token after it a name built like an identifier. Such
/// a verb names what it sets as a cookie where no cookie word stands in the sentence.
fn set_name_at(sent: &str, toks: &[(u32, u32)]) -> Option<usize> {
    /// Words of the subject before the verb (`Amazon Web Services`, `We`).
    const MAX_WORDS: usize = 5;
    let v = vocab();
    // (the verb may open the sentence: `Usamos _ga para …`)
    let k = (0..toks.len().min(MAX_WORDS + 1))
        .find(|&k| v.is_sets_verb(&match_form(clean_token(&sent[range(toks[k])]))))?;
    let subject_ends = k == 0 || !sent[range(toks[k - 1])].ends_with([',', ';', ':', '.']);
    (subject_ends
        && toks
            .get(k + 1)
            .is_some_and(|&t| is_structured_name(clean_token(&sent[range(t)]))))
    .then_some(k + 1)
}

/// The rank past which a word of two or three letters, in every language's list, may
/// be a name in a sentence introducing a cookie (`La cookie gst es instalada por SAP`,
/// `Le cookie fr est déposé par Facebook`); `bar`, `box`, `key` and `set` rank higher.
const RARE_RANK: u32 = 1500;

/// How a word ranks in the word lists, as the tests for a name read it: a word of
/// two or three letters by its best rank in any language's list; another `0` when
/// some list holds it (one lookup or a few, not a rank in each). `None`: no list
/// holds it. A word ranked within [`RARE_RANK`] is no name.
fn word_rank(tok: &str) -> Option<u32> {
    if tok.chars().count() <= 3 && tok.chars().all(char::is_alphabetic) {
        crate::fields::repair::best_rank_any_language(tok)
    } else {
        crate::fields::repair::is_any_language_word(tok).then_some(0)
    }
}

/// Whether the word before a name is an article or the like: a function word of
/// some language, written in lower case (`the`, `le`, `das`, `il`, `het`, `o`), or
/// capitalised when it opens the sentence (`The GCLB cookie`).
fn is_article_like(w: &str, opens: bool) -> bool {
    let mut rest = w.chars().skip(usize::from(opens));
    rest.all(char::is_lowercase)
        && crate::vocab::affixes::is_function_word_anywhere(&w.to_lowercase())
}

/// Whether the sentence introduces the cookie whose name is token `ti`: the name
/// opens it, a set-by phrase follows it within a few words (`le cookie auid, fourni
/// par Acuity`), or a short verb follows the name (`gst es instalada`, `fr est déposé`,
/// `ts wird von`), and it names a known vendor or says who sets the cookie; or it
/// opens with who sets the cookie ([`subject_provider`]).
fn attributes_cookie(sent: &str, toks: &[(u32, u32)], ti: usize, slot: Slot) -> bool {
    let verb_after = || {
        toks.get(ti + 1).is_some_and(|&t| {
            let w = &sent[range(t)];
            w.chars().count() <= 5 && w.chars().all(char::is_lowercase)
        })
    };
    // (the phrase ends three words after the name at most: `, fourni par`)
    let end = range(toks[ti]).end;
    let set_by_after = || {
        vocab()
            .after_set_by(&sent[end..])
            .is_some_and(|k| !more_words_than(&sent[end..end + k], 3))
    };
    // (or the sentence opens with who sets it, which says both: `Outbrain setzt das
    // Cookie opout`)
    ((slot == Slot::Opening || verb_after() || set_by_after()) && names_setter(sent))
        || subject_provider(sent, toks).is_some()
}

/// Misspelling tests a document is given: each is a few thousand word-list lookups,
/// and a real policy names a handful of cookies loosely. Past the budget (a page of
/// made-up words after `the cookie`), a plain word is taken for a misspelt one, so
/// the time stays linear in the input.
const MISSPELLING_TESTS: u32 = 64;

/// [`is_near_any_language_word`] of a token, within the document's budget
/// ([`MISSPELLING_TESTS`]; `tests` counts those made).
fn misspelt(tok: &str, tests: &mut u32) -> bool {
    if *tests >= MISSPELLING_TESTS {
        return true;
    }
    *tests += 1;
    is_near_any_language_word(&tok.to_lowercase())
}

/// A token of a sentence without the brackets, quotes and punctuation around it.
fn clean_token(t: &str) -> &str {
    // (most tokens start and end with a letter or digit: nothing to trim)
    let b = t.as_bytes();
    if b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.last().is_some_and(u8::is_ascii_alphanumeric)
    {
        return t;
    }
    t.trim_start_matches(|c| c == '(' || is_quote(c))
        .trim_end_matches(|c| matches!(c, '.' | ',' | ';' | ':' | ')') || is_quote(c))
        .trim()
}

/// A chain of cookie names starting at token `ti` (`_ga, _gid and _gat`, `(_ga, _gid)`):
/// the index of its last token, and whether it stands in brackets.
fn chain(sent: &str, toks: &[(u32, u32)], ti: usize) -> Option<(usize, bool)> {
    let tok = |k: usize| &sent[range(toks[k])];
    let first = tok(ti);
    if !is_structured_name(clean_token(first)) {
        return None;
    }
    let open = first.starts_with('(');
    let mut last = ti;
    let mut k = ti;
    loop {
        let t = tok(k);
        let closed = t.trim_end_matches(['.', ',', ';', ':']).ends_with(')');
        if closed || k + 1 >= toks.len() {
            break;
        }
        let next = tok(k + 1);
        let (cand, step) = if t.ends_with(',') {
            (k + 1, 1)
        } else if is_joiner(next) && k + 2 < toks.len() {
            (k + 2, 2)
        } else {
            break;
        };
        let c = clean_token(tok(cand));
        if !(is_structured_name(c) || (open && crate::fields::names::is_name_shaped(c))) {
            break;
        }
        k += step;
        last = k;
    }
    let in_parens = open
        && tok(last)
            .trim_end_matches(['.', ',', ';', ':'])
            .ends_with(')');
    Some((last, in_parens))
}

/// What a bracketed qualifier after a name says: a lifetime, a labelled value
/// (`durata: 90 giorni`), a provider, or else a description.
pub(crate) fn qualifier(q: &str) -> (Role, &str) {
    if is_whole_duration(q) {
        return (Role::Duration, q);
    }
    if let Some((_, role, value)) = kv_line(q).filter(|kv| !kv.2.trim().is_empty()) {
        return (role, value.trim());
    }
    if is_vendor_name(q) {
        return (Role::Provider, q);
    }
    (Role::Purpose, q)
}

/// `Distinguishes users (Google Analytics, 2 years).`: the bracketed aside that closes
/// a text (after words of its own) and states a lifetime among other parts, read by
/// [`qualifiers`]. Returns where its bracket opens and its parts; a text that only
/// names a lifetime in brackets, or is all aside, has none. Lists read a description
/// that states its lifetime this way as a record's; records take it out of the
/// description.
pub(crate) fn closing_aside(text: &str) -> Option<(usize, Vec<(Role, &str)>)> {
    let t = text.trim_end();
    let body = t.strip_suffix(").").or_else(|| t.strip_suffix(')'))?;
    let open = body.rfind('(')?;
    let inner = &body[open + 1..];
    if inner.contains(')') || open == 0 {
        return None;
    }
    let parts = qualifiers(inner);
    (parts.len() > 1 && parts.iter().any(|p| p.0 == Role::Duration)).then_some((open, parts))
}

/// What a bracketed aside after a name says, part by part: one qualifier
/// ([`qualifier`]), or, when a lifetime stands among other words after a comma or
/// semicolon (`Google Analytics, 2 years`, `Meta Platforms, Inc.; 3 months`, `2 ans,
/// mesure d'audience`), the lifetime and what stands before and after it, each read
/// for itself: a vendor, a labelled value or a short proper name (capitalised, five
/// words at most) is the provider, anything else a description. A list of lifetimes
/// alone (`2 years, 1 day`, paired with names by position) is one qualifier.
pub(crate) fn qualifiers(q: &str) -> Vec<(Role, &str)> {
    let whole = || vec![qualifier(q)];
    if !q.contains([',', ';']) || is_whole_duration(q) {
        return whole();
    }
    // the pieces between commas and semicolons, and the one lifetime among them
    let mut cuts = vec![0];
    cuts.extend(q.match_indices([',', ';']).map(|(i, _)| i + 1));
    cuts.push(q.len() + 1);
    let piece = |k: usize| q[cuts[k]..cuts[k + 1] - 1].trim();
    let lifetimes: Vec<usize> = (0..cuts.len() - 1)
        .filter(|&k| is_whole_duration(piece(k)))
        .collect();
    let [at] = lifetimes[..] else {
        return whole();
    };
    let mut out = Vec::with_capacity(3);
    let before = q[..cuts[at].saturating_sub(1)].trim();
    if !before.is_empty() {
        out.push(aside_part(before));
    }
    out.push((Role::Duration, piece(at)));
    if at + 2 < cuts.len() {
        let after = q[cuts[at + 1]..].trim();
        if !after.is_empty() {
            out.push(aside_part(after));
        }
    }
    out
}

/// A bracketed aside that stands alone after a name in its slot, its fields under it
/// (`- _ga (Google)`, `- _ga (Digital Factory)`, `- _ga (2 years)`): read as
/// [`qualifiers`] read one, except that a short proper name no vocabulary knows is
/// the provider too, as beside a lifetime.
pub(crate) fn name_aside(q: &str) -> Vec<(Role, &str)> {
    let parts = qualifiers(q);
    match parts[..] {
        [(Role::Purpose, _)] => vec![aside_part(q)],
        _ => parts,
    }
}

/// One part of a bracketed aside beside a lifetime: a labelled value, a vendor or a
/// short proper name (the provider), or a description.
fn aside_part(part: &str) -> (Role, &str) {
    let (role, value) = qualifier(part);
    if role != Role::Purpose {
        return (role, value);
    }
    let v = vocab();
    // a brand in camel case (`vBulletin`, `richAudience`) or a host
    // (`betweendigital.com`) is capitalised as a name is
    let first = part.split_whitespace().next().unwrap_or_default();
    let capitalised = part.starts_with(char::is_uppercase)
        || (first.chars().skip(1).any(char::is_uppercase))
        || (!part.contains(' ') && is_host_or_file(part));
    // (a category named alone, `Marketing`, `Analytics cookies`, is no provider;
    // `DoubleClick/Google Marketing` is)
    let label = v.category_of_label(part).is_some()
        && !more_words_than(part, 2)
        && !part.contains(['/', '.']);
    let proper = !more_words_than(part, 5)
        && capitalised
        && !part.ends_with(['!', '?', ':'])
        && v.field(part).is_none()
        && !label;
    (
        if proper {
            Role::Provider
        } else {
            Role::Purpose
        },
        part,
    )
}

/// A [`name_title`] line: its title's range when it is a service's, and its names.
type NameTitle = (Option<(usize, usize)>, Vec<ListItem>);

/// Words a service's title over the names of its cookies has at most (`Hotjar Heat
/// Maps & Recordings`).
const TITLE_WORDS: usize = 6;

/// A line that is a service's title and the names of its cookies, in brackets or
/// after a colon, and nothing else: `Google Analytics (_ga, _gid, _gat)`, `Hotjar:
/// _hjSessionUser_*, _hjSession_*`, `Matomo (_pk_id, _pk_ses)`. The title is a
/// name, not a sentence: a few words, each capitalised, in camel case, a host
/// (`Customer.io`), a joiner or a cookie word (`We use Hotjar (_hjSession_*)` is a
/// sentence, read as one), no sentence's punctuation. Returns the title's range when it is a service's (it names no cookie
/// word: `Analytics cookies (_ga, _gid)` titles a category) and the names, as
/// [`list_items`] reads them (one a sure name).
fn name_title(text: &str) -> Option<NameTitle> {
    let t = text.trim_end();
    let lead = t.len() - t.trim_start().len();
    let (title_end, body) = if t.ends_with(')') {
        let open = t.rfind('(')?;
        (open, (open + 1, t.len() - 1))
    } else {
        let colon = t.find(": ")?;
        (colon, (colon + 2, t.len()))
    };
    let title = t[lead..title_end].trim_end();
    let words: Vec<&str> = title.split_whitespace().collect();
    let v = vocab();
    let cookie_word = |w: &str| v.is_cookie_word(&match_form(w)) || cookies_compound(w).is_some();
    // (a dot inside a word is a host's, `Customer.io`; one that ends a word ends a
    // sentence or an abbreviation)
    if words.is_empty()
        || words.len() > TITLE_WORDS
        || title.contains(['!', '?', ':', ';', '(', ')', ','])
        || words.iter().any(|w| w.ends_with('.'))
        || !words.iter().all(|w| {
            w.chars().next().is_some_and(|c| !c.is_lowercase())
                || w.chars().any(char::is_uppercase)
                || is_host_or_file(w)
                || is_joiner(w)
                || cookie_word(w)
        })
    {
        return None;
    }
    // (a key's label is no title: `Name: _ga`, `Cookies: _ga, _gid`; a service's
    // name may end in a word a provider's key does, `Amazon Web Services`)
    if kv_line(t).is_some_and(|(_, role, _)| role != Role::Provider) {
        return None;
    }
    let items = list_items(t, body.0, body.1)?;
    let service = !words.iter().any(|w| cookie_word(w));
    Some((service.then_some((lead, lead + title.len())), items))
}

/// Whether a line is a service's title over the names of its cookies
/// ([`name_title`]): the paragraph under it describes them ([`describe_titled`]).
pub(crate) fn is_name_title(text: &str) -> bool {
    name_title(text).is_some()
}

/// The records of a [`name_title`] line: a record a name, the title its provider
/// when it is a service's, a bracketed qualifier read as [`qualifiers`] read one.
/// The title is no purpose: the paragraph under the line is.
fn title_records<'a>(
    line: &Line<'a>,
    ctx: &Context,
    doc: &mut RawDoc<'a>,
    service: Option<(usize, usize)>,
    items: Vec<ListItem>,
) {
    let text = line.text;
    let span = Span::new(line.start(), line.start() + text.len());
    for (ns, ne, qual) in items {
        let mut rec = RawRecord::new(frag(line, &text[ns..ne]), span, ctx);
        if let Some((ss, se)) = service {
            rec.push(Some(Role::Provider), "service", frag(line, &text[ss..se]));
        }
        if let Some((qs, qe)) = qual {
            for (role, value) in qualifiers(&text[qs..qe]) {
                rec.push(Some(role), "qualifier", frag(line, value));
            }
        }
        doc.records.push(rec);
    }
}

/// A line of the paragraph under a [`name_title`] line, given to its `records`: each
/// sentence that names none of their cookies is their purpose (a lifetime sentence
/// among them is read for the lifetime when the records are built, and left out for
/// a record that has one), up to a description's length ([`Group::MAX_SENTENCES`]);
/// a sentence that names them with lifetimes (`_ga expires after 2 years, _gid
/// after 24 hours`) gives each the first lifetime after its name. A sentence naming
/// another cookie ends the description. Returns whether the line was read as one: a
/// line that is no sentence (a heading, a label) is not.
pub(crate) fn describe_titled<'a>(line: &Line<'a>, records: &mut [RawRecord<'a>]) -> bool {
    let text = line.text;
    let t = text.trim();
    if line.kind != LineKind::Text
        || t.is_empty()
        || !(t.ends_with(['.', '!', '?']) || more_words_than(t, 5))
    {
        return false;
    }
    let names: Vec<&str> = records
        .iter()
        .map(|r| r.names.first().map_or("", |f| f.text))
        .collect();
    let mut described = false;
    let mut taken = 0;
    for (s, e) in sentences(text) {
        let sent = &text[s..e];
        // the sentence's names: (start, end, record) in order
        let mut named: Vec<(usize, usize, usize)> = Vec::new();
        let mut other = false;
        for (ts, te) in tokens(sent)
            .into_iter()
            .map(range)
            .map(|r| (r.start, r.end))
        {
            let tok = clean_token(&sent[ts..te]);
            match names.iter().position(|&n| n == tok) {
                Some(k) => named.push((ts, te, k)),
                None => other |= is_structured_name(tok),
            }
        }
        if other {
            break;
        }
        if !named.is_empty() {
            // each name's lifetime: the first after it, before the next name
            let found = all_durations(sent);
            let mut paired = false;
            for (k, &(_, te, r)) in named.iter().enumerate() {
                let until = named.get(k + 1).map_or(sent.len(), |n| n.0);
                let rec = &mut records[r];
                if let Some(&(ds, de)) = found.iter().find(|d| d.0 >= te && d.1 <= until) {
                    if !rec.fields.iter().any(|f| f.role == Some(Role::Duration)) {
                        rec.push(Some(Role::Duration), "duration", frag(line, &sent[ds..de]));
                    }
                    paired = true;
                }
            }
            if !paired {
                break;
            }
            described = true;
            continue;
        }
        if taken >= Group::MAX_SENTENCES || more_words_than(sent, Group::MAX_WORDS) {
            break;
        }
        let lifetime = is_lifetime_sentence(sent);
        for rec in records.iter_mut() {
            if lifetime && rec.fields.iter().any(|f| f.role == Some(Role::Duration)) {
                continue;
            }
            rec.push(Some(Role::Purpose), "purpose", frag(line, sent.trim()));
        }
        taken += 1;
        described = true;
    }
    described
}

/// A list item of [`colon_list`]: the name's range and its bracketed qualifier's.
type ListItem = (usize, usize, Option<(usize, usize)>);

/// `Cookies: wmp_technical (Session), wmp_vid (Persistent) und wmp_x (Session).`: a
/// cookie word and a colon, then nothing but a list of names, each with an optional
/// bracketed qualifier (a lifetime, a provider), one of them a sure name. Ranges are
/// within `sent`. The sentence before the colon describes the group, not each cookie.
fn colon_list(sent: &str) -> Option<Vec<ListItem>> {
    let colon = sent.find(": ")?;
    let before = sent[..colon].trim_end();
    let word = before.rsplit(|c: char| !c.is_letter_or_digit()).next()?;
    if !vocab().is_cookie_word(&match_form(word)) {
        return None;
    }
    let body_start = colon + 2;
    let body_end = body_start + sent[body_start..].trim_end().trim_end_matches('.').len();
    list_items(sent, body_start, body_end)
}

/// The names of `sent[body_start..body_end]` when it is nothing but a list of them,
/// each with an optional bracketed qualifier, one of them a sure name (see
/// [`colon_list`]).
fn list_items(sent: &str, body_start: usize, body_end: usize) -> Option<Vec<ListItem>> {
    // pieces: cut at commas and joiner words outside brackets
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0i32;
    let mut from = body_start;
    for (a, w) in sent[body_start..body_end]
        .split_inclusive(char::is_whitespace)
        .scan(body_start, |p, w| {
            let a = *p;
            *p += w.len();
            Some((a, w))
        })
    {
        let top = depth == 0;
        depth += w.matches('(').count() as i32 - w.matches(')').count() as i32;
        if top && is_joiner(w.trim()) {
            pieces.push((from, a));
            from = a + w.len();
        } else if depth == 0 && w.trim_end().ends_with(',') {
            pieces.push((from, a + w.trim_end().len() - 1));
            from = a + w.len();
        }
    }
    pieces.push((from, body_end));
    let mut items = Vec::new();
    for (ps, pe) in pieces {
        let pe = ps + sent[ps..pe].trim_end().len();
        if sent[ps..pe].trim().is_empty() {
            continue;
        }
        // a bracketed qualifier closes the piece (`_gid (durata: 24 ore)`)
        let (names_end, qual) = match sent[ps..pe].find('(') {
            Some(o) => {
                let q = &sent[ps + o..pe];
                if !q.ends_with(')') || q.split_whitespace().count() > 12 {
                    return None;
                }
                (ps + o, Some((ps + o + 1, pe - 1)))
            }
            None => (pe, None),
        };
        let names: Vec<(usize, usize)> = sent[ps..names_end]
            .split_whitespace()
            .map(|w| {
                let a = w.as_ptr() as usize - sent.as_ptr() as usize;
                (a, a + w.len())
            })
            .collect();
        // several words in one piece are a list only when each is a sure name
        let fits = |&(a, b): &(usize, usize)| {
            is_name_shaped(&sent[a..b]) && (names.len() == 1 || is_structured_name(&sent[a..b]))
        };
        if names.is_empty() || !names.iter().all(fits) {
            return None;
        }
        let last = names.len() - 1;
        for (k, &(ns, ne)) in names.iter().enumerate() {
            items.push((ns, ne, if k == last { qual } else { None }));
        }
    }
    let sure = items
        .iter()
        .any(|&(a, b, _)| is_structured_name(&sent[a..b]));
    (sure && !items.is_empty()).then_some(items)
}

/// An item of [`clause_list`]: the name's range and its clause's.
type ClauseItem = (usize, usize, (usize, usize));

/// `We use these cookies from Google Analytics: _ga, which expires after 2 years;
/// _gid, which expires after 24 hours; and _gat, which …`: a lead that mentions
/// cookies before a colon, then two or more items cut at semicolons, each a name (after a joiner
/// word, for the last) and the clause that describes it. Returns where the lead ends
/// (the colon) and each item's name range and clause range, within `sent`; every
/// name has a name's shape and one at least an identifier's.
fn clause_list(sent: &str) -> Option<(usize, Vec<ClauseItem>)> {
    let colon = sent.find(": ")?;
    if !sent[colon..].contains(';') {
        return None;
    }
    if !vocab().mentions_cookies(&sent[..colon]) {
        return None;
    }
    let mut items = Vec::new();
    let mut from = colon + 2;
    let end = sent.trim_end().len();
    while from < end {
        let cut = sent[from..end].find(';').map_or(end, |k| from + k);
        let piece = &sent[from..cut];
        let lead = piece.len() - piece.trim_start().len();
        let mut at = from + lead;
        // `and _gat, which …`: the joiner before the last item
        let first = sent[at..cut].split_whitespace().next()?;
        if is_joiner(first) {
            at += first.len();
            at += sent[at..cut].len() - sent[at..cut].trim_start().len();
        }
        let token = sent[at..cut].split_whitespace().next()?;
        let name = token.trim_end_matches([',', ':', '.']);
        if name.is_empty() || !is_name_shaped(name) {
            return None;
        }
        let rest = at + token.len();
        let clause = rest
            + (sent[rest..cut].len()
                - sent[rest..cut]
                    .trim_start_matches([' ', '-', '–', ',', ':'])
                    .len());
        let clause_end = clause + sent[clause..cut].trim_end().len();
        items.push((at, at + name.len(), (clause, clause_end.max(clause))));
        from = cut + 1;
    }
    let sure = items
        .iter()
        .any(|&(a, b, _)| is_structured_name(&sent[a..b]));
    (items.len() >= 2 && sure).then_some((colon, items))
}

/// Space-separated tokens of a sentence, as `u32` offsets (a long sentence's tokens
/// took 16 bytes each as `usize`).
fn tokens(s: &str) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(st)) => {
                out.push((offset32(st), offset32(i)));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((offset32(st), offset32(s.len())));
    }
    out
}

/// The byte range of a token of [`tokens`].
fn range(t: (u32, u32)) -> std::ops::Range<usize> {
    t.0 as usize..t.1 as usize
}

/// Is the token at `at` part of a URL or an e-mail address?
fn url_like(sent: &str, at: usize) -> bool {
    let tok_start = sent[..at].rfind(' ').map_or(0, |p| p + 1);
    let tok = &sent[tok_start..];
    let tok = tok.split(' ').next().unwrap_or("");
    contains_short(tok, "://") || tok.contains('@') || tok.starts_with("www.")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bracketed aside is read part by part when a lifetime stands among other
    /// words: what stands before and after it is a provider when it is a short
    /// proper name, a description otherwise; a list of lifetimes alone, or an aside
    /// with no lifetime, is one qualifier.
    #[test]
    fn bracketed_asides_part_by_part() {
        use Role::{Duration, Provider, Purpose};
        let cases: [(&str, &[(Role, &str)]); 7] = [
            (
                "Google Analytics, 2 years",
                &[(Provider, "Google Analytics"), (Duration, "2 years")],
            ),
            (
                "3 months; Meta Platforms, Inc.",
                &[(Duration, "3 months"), (Provider, "Meta Platforms, Inc.")],
            ),
            (
                "vBulletin, 1 an",
                &[(Provider, "vBulletin"), (Duration, "1 an")],
            ),
            (
                "2 ans, mesure d'audience",
                &[(Duration, "2 ans"), (Purpose, "mesure d'audience")],
            ),
            (
                "Marketing, 13 months",
                &[(Purpose, "Marketing"), (Duration, "13 months")],
            ),
            ("2 years, 1 day", &[(Duration, "2 years, 1 day")]),
            (
                "used for analytics, advertising",
                &[(Purpose, "used for analytics, advertising")],
            ),
        ];
        for (q, want) in cases {
            assert_eq!(qualifiers(q), want, "{q:?}");
        }
    }

    /// A lead that mentions cookies, a colon, then items cut at semicolons: each a
    /// name and its clause; one item, or none with an identifier's shape, is no list.
    #[test]
    fn clause_lists() {
        fn read(sent: &str) -> Option<(&str, Vec<(&str, &str)>)> {
            clause_list(sent).map(|(lead, items)| {
                let items = items
                    .iter()
                    .map(|&(a, b, (c, d))| (&sent[a..b], &sent[c..d]))
                    .collect();
                (&sent[..lead], items)
            })
        }
        let sent = "We use these cookies from Google Analytics: _ga, which expires after 2 \
                    years; _gid, which expires after 24 hours; and _gat – throttles requests.";
        assert_eq!(
            read(sent),
            Some((
                "We use these cookies from Google Analytics",
                vec![
                    ("_ga", "which expires after 2 years"),
                    ("_gid", "which expires after 24 hours"),
                    ("_gat", "throttles requests.")
                ]
            ))
        );
        assert_eq!(read("Cookies: _ga, which expires after 2 years."), None);
        assert_eq!(read("Cookies: lang, a setting; theme, a setting."), None);
        assert_eq!(
            read("Our partners: _ga, which counts; _gid, which counts."),
            None
        );
    }
    use crate::policy::DurationKind;
    use crate::segment::lines;

    /// A service's title and its cookies' names, in brackets or after a colon, on a
    /// line of their own: the names are read, the title is their provider when it
    /// names no cookie word, and nothing is their purpose. A sentence, a key's label,
    /// a bracket holding no name or a title of many words is no such line.
    #[test]
    fn name_titles() {
        for (text, service, names) in [
            (
                "Google Analytics (_ga, _gid, _gat)",
                Some("Google Analytics"),
                &["_ga", "_gid", "_gat"][..],
            ),
            (
                "Hotjar: _hjSessionUser_*, _hjSession_*",
                Some("Hotjar"),
                &["_hjSessionUser_*", "_hjSession_*"],
            ),
            (
                "Customer.io: _cio, _cioid",
                Some("Customer.io"),
                &["_cio", "_cioid"],
            ),
            (
                "Hotjar Heat Maps & Recordings (_hjid)",
                Some("Hotjar Heat Maps & Recordings"),
                &["_hjid"],
            ),
            ("  comScore (_scor_uid)", Some("comScore"), &["_scor_uid"]),
            ("Analytics cookies (_ga, _gid)", None, &["_ga", "_gid"]),
            (
                "Statistik-Cookies: _pk_id, _pk_ses",
                None,
                &["_pk_id", "_pk_ses"],
            ),
            (
                "Amazon Web Services: aws_lang",
                Some("Amazon Web Services"),
                &["aws_lang"],
            ),
            (
                "Auth0: auth0_compat, auth0-mf_compat",
                Some("Auth0"),
                &["auth0_compat", "auth0-mf_compat"],
            ),
        ] {
            let (title, items) = name_title(text).expect(text);
            assert_eq!(title.map(|(a, b)| &text[a..b]), service, "{text}");
            let got: Vec<&str> = items.iter().map(|&(a, b, _)| &text[a..b]).collect();
            assert_eq!(got, names, "{text}");
            let doc = read(text);
            let read: Vec<&str> = doc.records.iter().map(|r| r.names[0].text).collect();
            assert_eq!(read, names, "{text}");
            for r in &doc.records {
                let roles: Vec<Option<Role>> = r.fields.iter().map(|f| f.role).collect();
                let want = if service.is_some() {
                    vec![Some(Role::Provider)]
                } else {
                    vec![]
                };
                assert_eq!(roles, want, "{text}");
            }
        }
        for text in [
            "We use Hotjar (_hjSession_*)",
            "Google Analytics (Google LLC)",
            "Name: _ga",
            "Cookies: _ga, _gid",
            "Google Analytics. Hotjar (_hjid)",
            "One Two Three Four Five Six Seven (_ga)",
            "Google Analytics (_ga, a cookie that counts)",
            "_ga (Google)",
        ] {
            assert!(name_title(text).is_none(), "{text}");
        }
    }

    /// The paragraph under a title line describes its cookies: its sentences are their
    /// purpose, a sentence naming them with lifetimes gives each its own, and the
    /// paragraph may run over lines; a heading under the title, or a sentence naming
    /// another cookie, describes nothing.
    #[test]
    fn paragraphs_under_a_title_describe_its_cookies() {
        let text = "Google Analytics (_ga, _gid)\n\n\
            We use it to count visits.\n\
            It shows which pages are read. _ga expires after 2 years, _gid after 24 hours.\n\n\
            Matomo: _pk_id\n\
            Statistics\n\n\
            Hotjar (_hjid)\n\
            The _hjIncludedInSample cookie is set by Hotjar.\n";
        let doc = crate::layout::parse(&lines(text));
        let values = |name: &str, role: Role| -> Vec<&str> {
            doc.records
                .iter()
                .filter(|r| r.names[0].text == name)
                .flat_map(|r| r.fields.iter().filter(move |f| f.role == Some(role)))
                .flat_map(|f| f.value.iter().map(|v| v.text))
                .collect()
        };
        for name in ["_ga", "_gid"] {
            assert_eq!(
                values(name, Role::Purpose),
                [
                    "We use it to count visits.",
                    "It shows which pages are read."
                ]
            );
            assert_eq!(values(name, Role::Provider), ["Google Analytics"]);
        }
        assert_eq!(values("_ga", Role::Duration), ["expires after 2 years"]);
        assert_eq!(values("_gid", Role::Duration), ["after 24 hours"]);
        assert!(values("_pk_id", Role::Purpose).is_empty());
        assert!(values("_hjid", Role::Purpose).is_empty());
        assert_eq!(values("_hjIncludedInSample", Role::Provider), ["Hotjar"]);
    }

    /// The raw records the reader makes of every line of `text`.
    fn read(text: &str) -> RawDoc<'_> {
        let ls = lines(text);
        let mut doc = RawDoc::default();
        for (i, l) in ls.iter().enumerate() {
            parse(l, &Context::default(), &mut doc, i + 1 == ls.len());
        }
        doc
    }

    fn found(text: &str) -> Vec<(String, Option<DurationKind>)> {
        read(text)
            .records
            .iter()
            .map(|r| {
                (
                    r.names[0].text.to_string(),
                    r.kind_hint.as_ref().map(|k| k.0),
                )
            })
            .collect()
    }

    /// The candidate test as it read before: the tokens of `split_whitespace`.
    fn has_identifier_token_reference(sent: &str) -> bool {
        sent.split_whitespace()
            .any(|t| t.contains('_') || t.matches('.').count() >= 2)
    }

    /// The byte scan finds an identifier-shaped token where the token list did: every
    /// corpus line and every sentence of it, and made-up dots, underscores and
    /// whitespace of every kind.
    #[test]
    fn identifier_token_by_bytes() {
        let lines = crate::testing::corpus_lines_and(&[
            "",
            ".",
            "..",
            ". .",
            "a.b",
            "a.b.c",
            "a. b. c",
            "e.g. this",
            "x.\u{a0}y.",
            "x.\u{a0}.y",
            "x.\u{2003}y.z",
            "x.\u{3000}y. z",
            "x.\u{85}y.",
            "x.é.y",
            "é.ü",
            "_",
            " _ ",
            "gtag.js",
            "asp.net_sessionID",
            "www.example.com",
            "End. Next.",
            "a.\tb.",
            "a.\nb.",
            "a.\u{b}b.",
            "a.\u{1f}b.",
            "!!!",
        ]);
        let (mut yes, mut no) = (0, 0);
        for line in &lines {
            let mut texts = vec![line.as_str()];
            texts.extend(sentences(line).into_iter().map(|(s, e)| &line[s..e]));
            for t in texts {
                let want = has_identifier_token_reference(t);
                assert_eq!(has_identifier_token(t), want, "{t:?}");
                // the line is passed over when it has none: then no sentence of it has
                // one (and it holds a `_` or a `.`, the line test this one replaced)
                assert!(!want || has_identifier_token(line), "{line:?}");
                assert!(!want || line.contains(['_', '.', '(']), "{line:?}");
                if want {
                    yes += 1;
                } else {
                    no += 1;
                }
            }
        }
        assert!(yes > 100 && no > 100, "{yes} {no}");
    }

    #[test]
    fn lists_after_a_cookie_word_and_colon() {
        let t = "Speichert Eingaben. Cookies: wmp_technical (Session), wmp_vid (Persistent) und wmp_x (Google).\n";
        let names: Vec<String> = found(t).into_iter().map(|f| f.0).collect();
        assert_eq!(names, ["wmp_technical", "wmp_vid", "wmp_x"]);
        let ls = lines(t);
        let mut doc = RawDoc::default();
        parse(&ls[0], &Context::default(), &mut doc, true);
        let roles: Vec<Option<Role>> = doc.records.iter().map(|r| r.fields[0].role).collect();
        assert_eq!(
            roles,
            [
                Some(Role::Duration),
                Some(Role::Duration),
                Some(Role::Provider)
            ]
        );
        // words after the colon that are no list of names are not one
        assert_eq!(colon_list("Cookies: we use _ga to count visits"), None);
    }

    #[test]
    fn names_in_sentences() {
        assert_eq!(
            found("On app.example.com we use a session cookie asp.net_sessionID to track users.\n"),
            [("asp.net_sessionID".to_string(), Some(DurationKind::Session))]
        );
        assert_eq!(
            found("Cookie di autenticazione: utilizzati per l'accesso (admin_token).\n"),
            [("admin_token".to_string(), None)]
        );
        assert_eq!(found("We use the _ga cookie to count visits.\n").len(), 1);
    }

    #[test]
    fn no_names_in_plain_prose() {
        assert!(found("We use gtag.js and visit www.example_site.com for cookies.\n").is_empty());
        assert!(found("The tarteaucitron.js library uses cookies.\n").is_empty());
    }

    #[test]
    fn chains_of_names() {
        let got = found(
            "We use the _ga and _gid cookies from Google Analytics, which expire after 2 years.\n",
        );
        assert_eq!(got, [("_ga and _gid".to_string(), None)]);
        let got = found("Ce service peut déposer 3 cookies (_ga, _gat, _gid).\n");
        assert_eq!(got, [("_ga, _gat, _gid".to_string(), None)]);
    }

    #[test]
    fn named_and_quoted() {
        assert_eq!(
            found("We set a cookie named _ga_XYZ for two years.\n").len(),
            1
        );
        assert_eq!(
            found("Le cookie « _pk_id » sert à compter les visites.\n")[0].0,
            "_pk_id"
        );
    }

    /// The purposes each record of `text` is given, as written.
    fn purposes(text: &str) -> Vec<Vec<String>> {
        read(text)
            .records
            .iter()
            .map(|r| {
                r.fields
                    .iter()
                    .filter(|f| f.role == Some(Role::Purpose))
                    .map(|f| f.value.iter().map(|v| v.text).collect::<String>())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn names_without_an_identifier_shape() {
        let names = |t: &str| found(t).into_iter().map(|f| f.0).collect::<Vec<_>>();
        assert_eq!(
            names("We use the cookie lcsrc, which is placed by Equativ.\n"),
            ["lcsrc"]
        );
        assert_eq!(
            names("Das Cookie ep201 wird von SurveyMonkey gesetzt.\n"),
            ["ep201"]
        );
        assert_eq!(names("lcsrc est un cookie de Equativ.\n"), ["lcsrc"]);
        // the subject of a verb that sets cookies is who sets it, not its name
        assert!(names("Drupal uses this cookie to check for JavaScript.\n").is_empty());
        assert!(names("Matomo setzt ein Cookie für die Statistik.\n").is_empty());
        assert_eq!(
            names("A cookie named JSESSIONID keeps your session.\n"),
            ["JSESSIONID"]
        );
        // between an article and a cookie word, in a sentence saying who sets it
        assert_eq!(
            names("Our site uses the GCLB cookie, which is set by Google.\n"),
            ["GCLB"]
        );
        // a short word no list ranks high, one edit from a word, words joined by a
        // hyphen: names where the sentence introduces the cookie and says who sets it
        assert_eq!(names("La cookie gst es instalada por SAP.\n"), ["gst"]);
        assert_eq!(names("CC es una cookie de Bing.\n"), ["CC"]);
        assert_eq!(
            names("Das Cookie svid wird von Mediaplex gesetzt.\n"),
            ["svid"]
        );
        assert_eq!(
            names("The cookie visitor-id is set by Media.net.\n"),
            ["visitor-id"]
        );
        // words, misspelt words, vendors, categories, plurals and headers are no names
        for t in [
            "We show the cookie banner, which you can close.\n",
            "The cookie consent is stored.\n",
            "The cookie bannner is shown.\n",
            "Il cookie analitici sono usati.\n",
            "The cookie Google sets is described below.\n",
            "We list third-party cookies Third-party cookies are set by others.\n",
            "This site uses cookies.\n",
            "The cookie third-party is set.\n",
            // a short, frequent word, a listed compound, an article before no name,
            // and a host: even where a sentence says who sets the cookie
            "The cookie is set by Google.\n",
            "Le cookie est déposé par Google.\n",
            "The cookie bar is provided by Cookiebot.\n",
            "The cookie pop-up is shown by OneTrust.\n",
            "We use the session cookie, which is set by Google.\n",
            "The opt-out cookie is set by Google.\n",
            "We use getcheckedearly.org cookie tracking data.\n",
            "The cookie is set by the GDPR Cookie Consent plugin.\n",
            "The GDPR cookie banner is provided by OneTrust.\n",
            "The cookie ID is generated by Google.\n",
            "We set the HttpOnly cookie on login.\n",
            // a short word or one edit from a word, where no sentence attributes it
            "The cookie gst keeps your basket.\n",
            "The cookie svid keeps your basket.\n",
        ] {
            assert!(found(t).is_empty(), "{t:?}: {:?}", found(t));
        }
    }

    #[test]
    fn the_sentences_after_the_naming_one_describe_it() {
        // the naming sentence only says who sets it: the description is the purpose
        assert_eq!(
            purposes(
                "The _ga cookie is set by Google. Distinguishes users. It expires after 2 years.\n"
            ),
            [["Distinguishes users.", "It expires after 2 years."]]
        );
        // a naming sentence that says more keeps its words, and the description follows
        assert_eq!(
            purposes("We use the cookie _ga to distinguish visitors and persist session state. It also counts visits.\n"),
            [["to distinguish visitors and persist session state.", "It also counts visits."]]
        );
        // no description: the naming sentence's words (after the name and the
        // cookie word when the sentence opens with them)
        assert_eq!(
            purposes("The _ga cookie is set by Google.\n"),
            [["is set by Google."]]
        );
        // the description ends at another name, and at a long sentence
        let long = "word ".repeat(45);
        let got = purposes(&format!(
            "The _ga cookie is set by Google. Counts visits. See gtag_config too. More.
The _gid cookie is set by Google. {long}.\n"
        ));
        assert_eq!(got[0], ["Counts visits."]);
        assert_eq!(got[1], ["is set by Google."]);
        // a sentence cut off with a name in it is no description
        let got = purposes("The _ga cookie is set by Google. Counts visits. We use a persistent cookie CSF.Persistent.Cookie.CSFProd to");
        assert_eq!(got, [["Counts visits."]]);
        // at most three sentences
        let got =
            purposes("The _ga cookie is set by Google. One. Two words. Three words. Four words.\n");
        assert_eq!(got[0].len(), 3);
    }

    #[test]
    fn each_cookie_of_a_sentence_takes_its_own_clause() {
        assert_eq!(
            purposes("The _ga cookie is used to distinguish users, and the _gid cookie is used to throttle requests.\n"),
            [["is used to distinguish users"], ["is used to throttle requests."]]
        );
        assert_eq!(
            purposes("We use the cookie _fbp to deliver ads; the cookie _hjid to identify visitors and the cookie NID_x to remember preferences.\n"),
            [["to deliver ads"], ["to identify visitors"], ["to remember preferences."]]
        );
        // a last clause that only states the lifetime is no purpose
        assert_eq!(
            purposes("The _ga cookie is used to distinguish users and expires after 2 years, and the _gid_x cookie is used to count visits.\n"),
            [["is used to distinguish users"], ["is used to count visits."]]
        );
        assert_eq!(
            purposes("Das Cookie _ga_x dient der Statistik und wird nach 2 Jahren gelöscht.\n"),
            [["dient der Statistik"]]
        );
        // a clause opening with an identifier after one that named a cookie
        assert_eq!(
            purposes("The _ga cookie is used to distinguish users, _gid_x is used to count visits and _gat_x is used to throttle requests.\n"),
            [["is used to distinguish users"], ["is used to count visits"], ["is used to throttle requests."]]
        );
        // (not a plain word there: `Google` is no cookie)
        assert_eq!(
            purposes("The _ga cookie is used to distinguish users, and Google is told nothing.\n"),
            [["is used to distinguish users, and Google is told nothing."]]
        );
        // a list that goes on past a bracketed qualifier shares its last words
        assert_eq!(
            purposes("Die Cookies _ga (2 Jahre) und _gid (24 Stunden) dienen der Statistik.\n"),
            [["dienen der Statistik."], ["dienen der Statistik."]]
        );
        // names listed together share the sentence's words
        assert_eq!(
            purposes("The cookies _ga and _gid are used to distinguish users.\n"),
            [["are used to distinguish users."]]
        );
    }

    /// The word `session` in a purpose is no lifetime when a length follows it.
    #[test]
    fn a_session_noun_before_a_length() {
        let lives = |text: &str| -> Vec<(String, Option<String>)> {
            crate::parse_policy(text)
                .cookies
                .into_iter()
                .map(|c| {
                    let d = c.duration.expect("a lifetime");
                    (format!("{:?}", d.kind), d.iso8601)
                })
                .collect()
        };
        assert_eq!(
            lives("Cookies\n\nLe cookie _pk_ses_x conserve la session pendant 30 minutes.\n"),
            [("Persistent".to_string(), Some("PT30M".to_string()))]
        );
        assert_eq!(
            lives("Cookies\n\nThe _cc_x cookie is a session cookie and the _dd_x cookie lasts 2 years.\n"),
            [
                ("Session".to_string(), None),
                ("Persistent".to_string(), Some("P2Y".to_string()))
            ]
        );
    }

    /// `bzw.` between the lifetimes of a list pairs them with the names in order, and
    /// the dot after it ends no sentence.
    #[test]
    fn lifetimes_paired_by_a_word_between_them() {
        let lives = |text: &str| -> Vec<Option<String>> {
            crate::parse_policy(text)
                .cookies
                .into_iter()
                .map(|c| c.duration.and_then(|d| d.iso8601))
                .collect()
        };
        assert_eq!(
            lives("Cookies\n\nDie Cookies _ga und _gid werden von Google gesetzt und nach 2 Jahren bzw. 24 Stunden gelöscht.\n"),
            [Some("P2Y".to_string()), Some("PT24H".to_string())]
        );
        assert_eq!(
            lives("Cookies\n\nDie Cookies _ga_x, _gid_x und _gat_x laufen nach 1 Jahr bzw. 30 Tagen bzw. 1 Minute ab.\n"),
            [Some("P1Y".to_string()), Some("P30D".to_string()), Some("PT1M".to_string())]
        );
        assert_eq!(
            sentences("Nach 2 Jahren bzw. 24 Stunden. Dann nicht."),
            [(0, 30), (31, 42)]
        );
    }

    /// A sentence opening with who sets the cookie (the subject of a verb that sets
    /// it) gives the provider; a pronoun, the site itself or the cookie is no subject.
    #[test]
    fn providers_as_the_subject() {
        let subject = |t: &str| {
            let toks = tokens(t);
            subject_provider(t, &toks).map(|(s, e)| t[s..e].to_string())
        };
        for (text, want) in [
            ("Facebook places the fr cookie on your device.", "Facebook"),
            (
                "Bing / Microsoft instala o cookie MR no seu dispositivo.",
                "Bing / Microsoft",
            ),
            (
                "Amazon Web Services setzt das Cookie aws-x.",
                "Amazon Web Services",
            ),
            (
                "adscale.de instala la cookie tu en su dispositivo.",
                "adscale.de",
            ),
            ("phpMyAdmin sets the pma_lang cookie.", "phpMyAdmin"),
        ] {
            assert_eq!(subject(text).as_deref(), Some(want), "{text}");
        }
        for text in [
            "We use the _ga cookie.",
            "Our website uses the _ga cookie.",
            "Wir verwenden das Cookie _ga.",
            "The cookie stores _ga_x values.",
            "Google, Facebook and others use cookies.",
            "Utilizamos la cookie _ga.",
        ] {
            assert_eq!(subject(text), None, "{text}");
        }
        // a provider in lower case after a set-by phrase: a host, or a word with a
        // capital inside
        let lower = |t: &str| set_by_lower_case(t).map(|(s, e)| t[s..e].to_string());
        assert_eq!(
            lower("Le cookie cct est déposé par adscale.de. Il sert").as_deref(),
            Some("adscale.de")
        );
        assert_eq!(
            lower("The cookie is set by phpMyAdmin.").as_deref(),
            Some("phpMyAdmin")
        );
        assert_eq!(lower("The cookie is set by our partners."), None);
        assert_eq!(lower("The cookie is set by the site."), None);
        // a short name the subject attributes
        assert_eq!(
            found("Facebook places the fr cookie on your device.\n")
                .into_iter()
                .map(|f| f.0)
                .collect::<Vec<_>>(),
            ["fr"]
        );
    }

    /// A sentence ends after a dotted name (a vendor's domain, an identifier) when a
    /// capital follows; not after an abbreviation of one-letter parts.
    #[test]
    fn sentences_end_after_dotted_names() {
        let cut = |t: &'static str| -> Vec<&'static str> {
            sentences(t).into_iter().map(|(s, e)| &t[s..e]).collect()
        };
        assert_eq!(
            cut("Il est déposé par Parse.ly. Il sert à compter."),
            ["Il est déposé par Parse.ly.", "Il sert à compter."]
        );
        assert_eq!(
            cut("Set by Beamer (hotjar.com). Stores a time."),
            ["Set by Beamer (hotjar.com).", "Stores a time."]
        );
        assert_eq!(
            cut("Set by Wix.com. used to count."),
            ["Set by Wix.com. used to count."]
        );
        assert_eq!(
            cut("Tools, e.g. Google Analytics."),
            ["Tools, e.g. Google Analytics."]
        );
        assert_eq!(
            cut("Dienste, z.B. Google Analytics."),
            ["Dienste, z.B. Google Analytics."]
        );
    }

    /// A sentence ends after a short unit that follows a number (`1 an.`, `24 h.`)
    /// when a capital opens the next; a short word after no number does not end one
    /// (`z. B.`, `ca. 2`), nor does a unit before a lower-case word.
    #[test]
    fn sentences_end_after_a_short_unit() {
        let cut = |t: &'static str| -> Vec<&'static str> {
            sentences(t).into_iter().map(|(s, e)| &t[s..e]).collect()
        };
        assert_eq!(
            cut("Il expire après 1 an. Il sert à compter."),
            ["Il expire après 1 an.", "Il sert à compter."]
        );
        assert_eq!(
            cut("Expires after 24 h. Counts visits."),
            ["Expires after 24 h.", "Counts visits."]
        );
        assert_eq!(cut("Dauer ca. 2 Jahre."), ["Dauer ca. 2 Jahre."]);
        assert_eq!(cut("Dienste, z. B. Matomo."), ["Dienste, z. B. Matomo."]);
        assert_eq!(cut("Il dure 1 an. puis"), ["Il dure 1 an. puis"]);
    }

    /// A name right after a verb that sets cookies, among the sentence's first
    /// words, is a cookie's though no cookie word stands in the sentence: its subject
    /// is the provider (none for `We`), and a relative clause that only says how long
    /// it lasts is no purpose. A name after other verbs, or far into the sentence, is
    /// none.
    #[test]
    fn names_a_subject_sets() {
        let doc = read(
            "Hotjar sets _hjSessionUser_{site_id}, which lasts 365 days, and \
             _hjSession_{site_id}, which lasts 30 minutes.\n\n\
             We use user_pref. It keeps your settings.\n\n\
             Usamos _pk_id para contar visitas.",
        );
        let names: Vec<&str> = doc.records.iter().map(|r| r.names[0].text).collect();
        assert_eq!(
            names,
            [
                "_hjSessionUser_{site_id}",
                "_hjSession_{site_id}",
                "user_pref",
                "_pk_id"
            ]
        );
        let values = |k: usize, role: Role| -> Vec<&str> {
            doc.records[k]
                .fields
                .iter()
                .filter(|f| f.role == Some(role))
                .flat_map(|f| f.value.iter().map(|v| v.text))
                .collect()
        };
        assert_eq!(values(0, Role::Provider), ["Hotjar"]);
        assert_eq!(values(1, Role::Provider), ["Hotjar"]);
        assert_eq!(values(0, Role::Duration), ["lasts 365 days"]);
        assert_eq!(values(1, Role::Duration), ["lasts 30 minutes"]);
        assert!(
            values(0, Role::Purpose).is_empty(),
            "{:?}",
            values(0, Role::Purpose)
        );
        assert!(values(1, Role::Purpose).is_empty());
        assert!(values(2, Role::Provider).is_empty());
        assert_eq!(values(2, Role::Purpose), ["It keeps your settings."]);
        assert_eq!(values(3, Role::Purpose), ["para contar visitas."]);
        for text in [
            "The report explains user_pref in detail.",
            "You can read about it on our website where we also mention that Hotjar sets \
             user_pref.",
            "We, Hotjar, user_pref.",
        ] {
            assert!(read(text).records.is_empty(), "{text:?}");
        }
    }

    #[test]
    fn cut_sentence_names_nothing() {
        assert!(found("we use a persistent cookie CSF.Persistent.Cookie.CSFProd to ").is_empty());
    }

    /// A name after a cookie word and the words that qualify it, in the order the
    /// Romance languages write them (`cookie de session PHPSESSID`): read, with the
    /// kind the qualifier says; the same words before no name, or a cookie word
    /// before a provider's name, read none.
    #[test]
    fn names_after_a_qualified_cookie_word() {
        let session = Some(DurationKind::Session);
        for (text, name, kind) in [
            (
                "Le cookie de session PHPSESSID est nécessaire au site.\n",
                "PHPSESSID",
                session,
            ),
            (
                "Il cookie di sessione PHPSESSID è necessario.\n",
                "PHPSESSID",
                session,
            ),
            (
                "La cookie de sesión PHPSESSID es necesaria.\n",
                "PHPSESSID",
                session,
            ),
            (
                "O cookie de sessão PHPSESSID é necessário.\n",
                "PHPSESSID",
                session,
            ),
            ("Le cookie tiers IDE est déposé par Google.\n", "IDE", None),
            (
                "Il cookie di terze parti IDE è impostato da Google.\n",
                "IDE",
                None,
            ),
            (
                "Le cookie technique PHPSESSID est nécessaire.\n",
                "PHPSESSID",
                None,
            ),
        ] {
            assert_eq!(found(text), [(name.to_string(), kind)], "{text:?}");
        }
        for text in [
            "Le cookie de session est supprimé à la fermeture du navigateur.\n",
            "Il cookie di sessione viene cancellato alla chiusura del browser.\n",
            "Le cookie de Google Analytics permet de mesurer l'audience.\n",
            "Le cookie de mesure d'audience Matomo est conservé 13 mois.\n",
            "Le cookie de session, PHPSESSID et les autres sont supprimés.\n",
        ] {
            assert!(found(text).is_empty(), "{text:?}: {:?}", found(text));
        }
    }

    /// A cookie word compounded as German and Dutch write it (`Sitzungscookie`,
    /// `Session-Cookie`, `sessiecookie`, `Marketing-Cookies`) introduces names as the
    /// word alone does, its first part a kind when it says one.
    #[test]
    fn names_after_a_compounded_cookie_word() {
        let session = Some(DurationKind::Session);
        assert_eq!(
            found("Das Sitzungscookie PHPSESSID ist technisch notwendig.\n"),
            [("PHPSESSID".to_string(), session)]
        );
        assert_eq!(
            found("Das Session-Cookie PLAY_LANG wird von LinkedIn gesetzt.\n"),
            [("PLAY_LANG".to_string(), session)]
        );
        // (a glued compound is a cookie word the phrase lists do not see)
        assert_eq!(
            found("Das Sitzungscookie „PLAY_LANG“ wird von LinkedIn gesetzt.\n"),
            [("PLAY_LANG".to_string(), session)]
        );
        assert_eq!(
            found("Het sessiecookie PHPSESSID is noodzakelijk.\n"),
            [("PHPSESSID".to_string(), session)]
        );
        assert_eq!(
            found("Die Marketing-Cookies _fbp und _gcl_au werden von Meta gesetzt.\n"),
            [("_fbp und _gcl_au".to_string(), None)]
        );
        assert_eq!(cookie_compound("Sitzungs-Cookie"), Some("Sitzungs"));
        assert_eq!(cookie_compound("Cookie"), None);
        assert_eq!(cookie_compound("test_cookie"), None);
        assert_eq!(cookies_compound("Marketing-Cookies"), Some("Marketing"));
    }

    /// A name in any language's quotation marks (`„_ga“`, `»_ga«`, `‚_ga‘`) is read
    /// without them; a sentence's first word with `ß` is the word the lists spell
    /// with `ss`, no name.
    #[test]
    fn names_in_every_language_s_quotation_marks() {
        for (open, close) in [("„", "“"), ("»", "«"), ("‚", "‘"), ("‹", "›")] {
            let text = format!(
                "Diese Website verwendet das Cookie {open}_ga{close} von Google, das nach 2 \
                 Jahren gelöscht wird. Außerdem wird das Cookie {open}_gid{close} gesetzt, das \
                 24 Stunden gespeichert bleibt.\n"
            );
            let names: Vec<String> = found(&text).into_iter().map(|f| f.0).collect();
            assert_eq!(names, ["_ga", "_gid"], "{text:?}");
        }
    }

    /// A kind alone said before the name (`the persistent cookie NID`) leaves the
    /// lifetime to a sentence of the description that states one, which leaves the
    /// purpose.
    #[test]
    fn a_kind_before_the_name_leaves_the_lifetime_to_a_sentence() {
        let p = crate::parse_policy(
            "Cookies\n\nWe use the persistent cookie NID, which is set by Google. It \
             stores your preferences. It lasts 6 months.\n",
        );
        let c = &p.cookies[0];
        let d = c.duration.as_ref().expect("a lifetime");
        assert_eq!(d.iso8601.as_deref(), Some("P6M"));
        assert_eq!(c.purposes, ["It stores your preferences."]);
        let p = crate::parse_policy(
            "Cookies\n\nLe cookie de session PHPSESSID est déposé par le site. Il garde \
             votre panier. Il est supprimé à la fin de la session.\n",
        );
        let c = &p.cookies[0];
        assert_eq!(
            c.duration.as_ref().map(|d| d.kind),
            Some(DurationKind::Session)
        );
        assert_eq!(c.purposes, ["Il garde votre panier."]);
        assert_eq!(
            qualifier_kind("the session cookie NID", (4, 11), 19),
            Some(DurationKind::Session)
        );
        assert_eq!(qualifier_kind("session, the cookie NID", (0, 7), 20), None);
    }
}
