//! Prose that names cookies: a token of sure cookie-name shape in a sentence about
//! cookies.
//!
//! ```text
//! named    = [kind] cookie_word NAME rest        (`we use a session cookie asp.net_sessionID to track ...`)
//!          | NAME { joiner NAME } cookie_word     (`the _ga and _gid cookies expire after 2 years`)
//!          | label ":" text "(" NAME ")"          (`Cookie di autenticazione: utilizzati per ... (admin_token).`)
//! ```
//! The purpose is the rest of the sentence; a duration stated in it is attached,
//! and `session cookie` / `persistent cookie` gives the kind. A sentence cut off by the
//! end of the text names no cookie (reported, not recorded).

use super::{frag, Context, RawDoc, RawRecord};
use crate::fields::duration::find_duration;
use crate::fields::names::{is_joiner, is_structured_name};
use crate::fields::provider::vendor_run;
use crate::fields::repair::Fragment;
use crate::fields::text::match_form;
use crate::policy::{Span, WarningKind};
use crate::segment::{Line, LineKind};
use crate::vocab::{vocab, Role};

/// Sentences of a line: (start, end) byte ranges, split after `.`, `!`, `?` + space.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for i in 0..b.len() {
        if matches!(b[i], b'.' | b'!' | b'?') && b.get(i + 1) == Some(&b' ') {
            // not inside an identifier or abbreviation like `e.g.`
            let prev_word = text[start..i].rsplit(' ').next().unwrap_or("");
            if prev_word.len() > 2 && !prev_word.contains('.') {
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

/// Look for cookies named in a line of prose.
pub(crate) fn parse<'a>(line: &Line<'a>, ctx: &Context, doc: &mut RawDoc<'a>, last_line: bool) {
    if line.kind != LineKind::Text || !line.text.contains(['_', '.', '(']) {
        return;
    }
    let v = vocab();
    let text = line.text;
    let sents = sentences(text);
    for (si, &(s, e)) in sents.iter().enumerate() {
        let sent = &text[s..e];
        let toks = tokens(sent);
        // cheap test first: no identifier-shaped token, no cookie named here
        let candidate = toks.iter().any(|&(a, b)| {
            let t = &sent[a..b];
            t.contains('_') || t.matches('.').count() >= 2
        });
        if !candidate {
            continue;
        }
        let about_cookies = v.mentions_cookies(sent) || sent.contains('(');
        if !about_cookies {
            continue;
        }
        let mut ti = 0;
        while ti < toks.len() {
            let Some((last, in_parens)) = chain(sent, &toks, ti) else {
                ti += 1;
                continue;
            };
            let (ts, te) = (toks[ti].0, toks[last].1);
            let next_ti = last + 1;
            if url_like(sent, ts) {
                ti = next_ti;
                continue;
            }
            let form_at = |k: usize| match_form(&sent[toks[k].0..toks[k].1]);
            let is_cookie_word = |w: &str| v.is_cookie_word(w);
            // quotes standing alone (`le cookie « _pk_id »`) are passed over
            let word_before = |k: usize| (0..k).rev().find(|&j| !form_at(j).is_empty());
            let p1 = word_before(ti);
            let prev = p1.map(form_at);
            // `cookie _ga`, or `cookie named _ga` / `cookie nommé _ga` / `Cookie namens _ga`
            let after_cookie_word = prev.as_deref().is_some_and(is_cookie_word)
                || (prev.as_deref().is_some_and(|p| v.is_naming_word(p))
                    && p1
                        .and_then(word_before)
                        .map(form_at)
                        .as_deref()
                        .is_some_and(is_cookie_word));
            let next = (last + 1..toks.len())
                .find(|&j| !form_at(j).is_empty())
                .map(form_at);
            let before_cookie_word = next.as_deref().is_some_and(|n| v.is_cookie_word(n));
            if !(after_cookie_word || before_cookie_word || in_parens) {
                ti = next_ti;
                continue;
            }
            let names = sent[ts..te]
                .trim_start_matches(['(', '"', '\'', '`', '«', '“', '‘', '„'])
                .trim_end_matches(['.', ',', ';', ':', ')', '"', '\'', '`', '»', '”', '’'])
                .trim();
            let name_at = s + ts + sent[ts..te].find(names).unwrap_or(0);
            let name_frag = Fragment {
                text: names,
                offset: line.start + name_at,
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
            let span = Span::new(line.start + s, line.start + e);
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
            let mut rec = RawRecord::new(vec![name_frag], span, ctx);
            if let Some((vs, ve)) = vendor_run(sent) {
                rec.push(
                    Some(Role::Provider),
                    "provider",
                    vec![frag(line, &sent[vs..ve])],
                );
            }
            if !purpose.is_empty() {
                rec.push(Some(Role::Purpose), "purpose", vec![frag(line, purpose)]);
            }
            if let Some((ds, de)) = find_duration(sent) {
                if !(ds..de).contains(&ts) {
                    rec.push(
                        Some(Role::Duration),
                        "duration",
                        vec![frag(line, &sent[ds..de])],
                    );
                }
            }
            if after_cookie_word {
                if let Some(&(ks, ke)) = ti.checked_sub(2).and_then(|k| toks.get(k)) {
                    let kind_word = match_form(&sent[ks..ke]);
                    if let Some(kind) = v.cookie_kind(&kind_word) {
                        rec.kind_hint = Some((kind, sent[ks..ke].to_string()));
                    }
                }
            }
            doc.records.push(rec);
            ti = next_ti;
        }
    }
}

/// A chain of cookie names starting at token `ti` (`_ga, _gid and _gat`, `(_ga, _gid)`):
/// the index of its last token, and whether it stands in brackets.
fn chain(sent: &str, toks: &[(usize, usize)], ti: usize) -> Option<(usize, bool)> {
    let tok = |k: usize| &sent[toks[k].0..toks[k].1];
    let clean = |t: &str| {
        t.trim_start_matches(['(', '"', '\'', '`', '«', '“', '‘', '„'])
            .trim_end_matches(['.', ',', ';', ':', ')', '"', '\'', '`', '»', '”', '’'])
            .trim()
            .to_string()
    };
    let first = tok(ti);
    if !is_structured_name(&clean(first)) {
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
        let c = clean(tok(cand));
        if !(is_structured_name(&c) || (open && crate::fields::names::is_name_shaped(&c))) {
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

/// Space-separated tokens of a sentence.
fn tokens(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(st)) => {
                out.push((st, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

/// Is the token at `at` part of a URL or an e-mail address?
fn url_like(sent: &str, at: usize) -> bool {
    let tok_start = sent[..at].rfind(' ').map_or(0, |p| p + 1);
    let tok = &sent[tok_start..];
    let tok = tok.split(' ').next().unwrap_or("");
    tok.contains("://") || tok.contains('@') || tok.starts_with("www.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::DurationKind;
    use crate::segment::lines;

    fn found(text: &str) -> Vec<(String, Option<DurationKind>)> {
        let ls = lines(text);
        let mut doc = RawDoc::default();
        for (i, l) in ls.iter().enumerate() {
            parse(l, &Context::default(), &mut doc, i + 1 == ls.len());
        }
        doc.records
            .iter()
            .map(|r| {
                (
                    r.names[0].text.to_string(),
                    r.kind_hint.as_ref().map(|k| k.0),
                )
            })
            .collect()
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

    #[test]
    fn cut_sentence_names_nothing() {
        assert!(found("we use a persistent cookie CSF.Persistent.Cookie.CSFProd to ").is_empty());
    }
}
