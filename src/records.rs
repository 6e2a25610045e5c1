//! Stage 6: records. Raw records become cookies: each field value normalised and
//! read by its grammar, one cookie per name, the same cookie named twice merged.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::fields::duration::{find_duration, parse_duration};
use crate::fields::names::{is_host_or_file, split_names};
use crate::fields::provider::{is_vendor_name, provider_in_description, vendor_in, vendor_prefix};
use crate::fields::repair::{normalize_value, Fragment};
use crate::fields::text::{fold_whitespace, match_form, word_count};
use crate::layout::{RawDoc, RawRecord};
use crate::policy::{Category, Cookie, Duration, DurationKind, Repair, Warning, WarningKind};
use crate::vocab::{vocab, word_spans, Role, Storage};

/// Names longer than this many words are sentences, not names.
const MAX_NAME_WORDS: usize = 6;

/// Turn the layout stage's raw records into cookies.
pub(crate) fn build(
    raw: RawDoc<'_>,
    lang: Option<&str>,
    repair: bool,
    warnings: &mut Vec<Warning>,
    repairs: &mut Vec<Repair>,
) -> Vec<Cookie> {
    let mut out: Vec<(Cookie, bool)> = Vec::new();
    for rec in raw.records {
        build_one(
            rec,
            &raw.doc_category,
            lang,
            repair,
            warnings,
            repairs,
            &mut out,
        );
    }
    out.sort_by_key(|c| c.0.span.start);
    merge_duplicates(out)
}

fn build_one(
    rec: RawRecord<'_>,
    doc_category: &Option<(Category, String)>,
    lang: Option<&str>,
    repair: bool,
    warnings: &mut Vec<Warning>,
    repairs: &mut Vec<Repair>,
    out: &mut Vec<(Cookie, bool)>,
) {
    let v = vocab();
    let norm = |parts: &[Fragment<'_>], repairs: &mut Vec<Repair>| {
        normalize_value(parts, lang, repair, repairs)
    };
    let names_text = normalize_value(&rec.names, lang, false, repairs);
    let mut names = split_names(&names_text);
    // a name alone in its cell keeps a full stop at its end (`_pk_id.`: a prefix of
    // names), when it is built like an identifier
    if rec.name_cell && names.len() == 1 {
        let cell = names_text.trim();
        let bare = cell.trim_end_matches('.');
        if cell.len() == bare.len() + 1
            && names[0].name == bare
            && bare.contains(['_', '.'])
            && !bare.contains(char::is_whitespace)
        {
            names[0].name = cell.to_string();
        }
    }
    if names.is_empty() {
        return;
    }
    let mut purposes: Vec<String> = Vec::new();
    let mut provider: Option<String> = None;
    let mut provider_from_column = false;
    let mut duration_text: Option<String> = None;
    let mut category: Option<(Category, String)> = None;
    let mut type_vendor: Option<String> = None;
    let mut type_duration: Option<String> = None;
    let mut extra: BTreeMap<String, String> = BTreeMap::new();
    let mut others: Vec<String> = Vec::new();
    for f in &rec.fields {
        // names of companies are proper nouns: never split or respelled
        let value = if f.role == Some(Role::Provider) {
            normalize_value(&f.value, lang, false, repairs)
        } else {
            norm(&f.value, repairs)
        };
        if value.is_empty() {
            continue;
        }
        match f.role {
            Some(Role::Purpose) => purposes.push(value),
            Some(Role::Provider) if !provider_from_column => {
                provider_from_column = true;
                if !v.is_first_party(&value) && !v.mentions_party(&value) {
                    provider = Some(strip_aside(&value));
                } else {
                    // `Terceros (Google)`: a party marker, and the vendor it names
                    provider = vendor_in(&value);
                    extra.insert(f.header.clone(), value);
                }
            }
            // a second provider slot that names a known service wins over a first that
            // only gave a host (`Provider: .example.com` / `Service: Stripe …`)
            Some(Role::Provider)
                if provider
                    .as_deref()
                    .is_some_and(|p| p.starts_with('.') || is_host_or_file(p)) =>
            {
                // the vendor's listed name only: what follows is often a link's text
                // (`Stripe View Service Privacy Policy`)
                if let Some(n) = vendor_prefix(&value) {
                    provider = Some(value[..n].to_string());
                }
            }
            Some(Role::Duration) if duration_text.is_none() => duration_text = Some(value),
            Some(Role::Type) => {
                if is_not_cookie_type(&value) {
                    warnings.push(Warning {
                        kind: WarningKind::NotACookie,
                        message: format!(
                            "{names_text:?} is typed {value:?}, not a cookie; left out"
                        ),
                        span: rec.span,
                    });
                    return;
                }
                if category.is_none() {
                    if let Some(c) = v.category_of_label(&strip_vendor(&value)) {
                        category = Some((c, value.clone()));
                    }
                }
                if type_vendor.is_none() {
                    type_vendor = vendor_in(&value);
                }
                // `Session` / `Persistent` in a type column: the kind of lifetime
                if category.is_none() && type_duration.is_none() {
                    let d = parse_duration(&value);
                    if d.kind != DurationKind::Unknown {
                        type_duration = Some(value.clone());
                    }
                }
                extra.insert(f.header.clone(), value);
            }
            None => {
                // an unnamed field whose value is a short category label declares it
                // (`Module: Functional`)
                if category.is_none() && word_count(&value) <= 3 {
                    if let Some(c) = v.category_of_label(&value) {
                        category = Some((c, value.clone()));
                    }
                }
                others.push(value.clone());
                extra.insert(f.header.clone(), value);
            }
            _ => {
                extra.insert(f.header.clone(), value);
            }
        }
    }
    if purposes.is_empty() {
        // no purpose column: prose-like cells of unnamed columns are the description
        purposes = others.into_iter().filter(|o| word_count(o) >= 3).collect();
    }
    // a tool listed as if it were a cookie but described as setting none
    if purposes.len() == 1 && word_count(&purposes[0]) <= 8 && v.says_no_cookie(&purposes[0]) {
        warnings.push(Warning {
            kind: WarningKind::NotACookie,
            message: format!("{names_text:?} is described as setting no cookie; left out"),
            span: rec.span,
        });
        return;
    }
    if duration_text.is_none() {
        duration_text = type_duration;
    }
    if duration_text.is_none() {
        for p in purposes.iter_mut() {
            if let Some(d) = take_embedded_duration(p)
                .or_else(|| take_duration_clause(p))
                .or_else(|| take_lifetime_sentence(p))
            {
                duration_text = Some(d);
                break;
            }
        }
        purposes.retain(|p| !p.is_empty());
    }
    // a service heading or group row names the provider of its block, before any
    // company the description mentions
    if provider.is_none() && !provider_from_column && rec.provider_heading {
        // … unless the row's own text names the same service more fully
        // (`Google Analytics` heading, `_ga: Google Analytics 4 (2 years)`)
        let fuller = purposes.iter().find_map(|p| provider_in_description(p));
        provider = match (fuller, &rec.provider) {
            (Some(f), Some(h)) if f.len() > h.len() && f.starts_with(h.as_str()) => Some(f),
            _ => rec.provider.clone(),
        };
    }
    if provider.is_none() {
        provider = purposes
            .iter()
            .find_map(|p| provider_in_description(p))
            .or(type_vendor);
        // the section's provider stands in only when the row has no provider column
        if !provider_from_column {
            provider = provider.or_else(|| rec.provider.clone());
        }
    }
    // OneTrust lists: several names and as many lifespans in one cell, paired in order
    let paired: Option<Vec<Duration>> = duration_text.as_ref().and_then(|t| {
        let parts: Vec<&str> = t
            .split([',', ';', '\n'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        (names.len() > 1 && parts.len() == names.len())
            .then(|| parts.iter().map(|p| parse_duration(p)).collect::<Vec<_>>())
            .filter(|ds| ds.iter().all(|d| d.kind != DurationKind::Unknown))
    });
    let duration: Option<Duration> = match (&duration_text, &rec.kind_hint) {
        (Some(t), _) => Some(parse_duration(t)),
        (None, Some((kind, text))) => Some(Duration {
            text: text.clone(),
            kind: *kind,
            iso8601: None,
            seconds: None,
            range: None,
            until: None,
        }),
        (None, None) => None,
    };
    if let Some(d) = &duration {
        if d.kind == DurationKind::Unknown && d.iso8601.is_none() {
            warnings.push(Warning {
                kind: WarningKind::Unreadable,
                message: format!("duration {:?} gives no readable lifetime", d.text),
                span: rec.span,
            });
        }
    }
    // a category the record's own cell or key states outweighs one from its section
    // or the whole document when the same cookie is named twice
    let own_category = category.is_some();
    let (category, declared) = match category.or(rec.category.clone()).or(doc_category.clone()) {
        Some((c, d)) => (c, Some(d)),
        None => (Category::Unknown, None),
    };
    for (k, n) in names.into_iter().enumerate() {
        if is_placeholder(&n.name) {
            warnings.push(Warning {
                kind: WarningKind::NotACookie,
                message: format!(
                    "{:?} is a template placeholder, not a cookie name; left out",
                    n.name
                ),
                span: rec.span,
            });
            continue;
        }
        // `cookie consent (localStorage: cc_v1)`: the gloss says where it is kept
        if n.gloss.as_deref().is_some_and(|g| {
            v.mentions_local_storage(g) || v.storage_of(g) == Some(Storage::NotCookie)
        }) {
            warnings.push(Warning {
                kind: WarningKind::NotACookie,
                message: format!(
                    "{:?} is kept in local storage, not a cookie; left out",
                    n.name
                ),
                span: rec.span,
            });
            continue;
        }
        if n.gloss.as_deref().is_some_and(|g| v.says_no_cookie(g)) {
            // `Script / Contact Points (no Cookie)`: the name cell itself says it is none
            warnings.push(Warning {
                kind: WarningKind::NotACookie,
                message: format!("{:?} is described as no cookie; left out", n.name),
                span: rec.span,
            });
            continue;
        }
        if word_count(&n.name) > MAX_NAME_WORDS || n.name.len() > 160 {
            warnings.push(Warning {
                kind: WarningKind::Unreadable,
                message: format!(
                    "name cell {:?} is too long to be a cookie name; left out",
                    n.name
                ),
                span: rec.span,
            });
            continue;
        }
        let mut extra = extra.clone();
        if let Some(g) = n.gloss {
            extra.insert("gloss".to_string(), g);
        }
        out.push((
            Cookie {
                name: n.name,
                provider: provider.clone(),
                purposes: purposes.clone(),
                duration: match &paired {
                    Some(ds) => ds.get(k).cloned(),
                    None => duration.clone(),
                },
                category,
                category_declared: declared.clone(),
                extra,
                span: rec.span,
                spans: vec![rec.span],
            },
            own_category,
        ));
    }
}

/// A name that is wholly a template placeholder (`[cookie name]`, `{{name}}`, `%NAME%`),
/// not a pattern with a placeholder part (`_ga_<container-id>` is a name).
fn is_placeholder(name: &str) -> bool {
    let n = name.trim();
    let wrapped = |open: &str, close: &str| {
        n.len() > open.len() + close.len() && n.starts_with(open) && n.ends_with(close)
    };
    wrapped("[", "]")
        || wrapped("{", "}")
        || wrapped("<", ">")
        || wrapped("%", "%")
        || n.chars()
            .all(|c| c == '.' || c == '…' || c == '-' || c == '*')
}

/// A type cell that says the entry is not a cookie (`HTML Local Storage`, `Pixel
/// Tracker`): a storage type that is no cookie, unless the cell also names a cookie
/// type (`HTTP/LocalStorage`).
fn is_not_cookie_type(value: &str) -> bool {
    let v = vocab();
    if v.storage_of(value) != Some(Storage::NotCookie) {
        return false;
    }
    // `HTTP/LocalStorage` names a cookie too; `HTML Local Storage` does not
    let cookie_word = match_form(value)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "cookie" || w == "http");
    v.storage_of(&value.replace('/', " ")) != Some(Storage::Cookie) || !cookie_word
}

/// A provider without a trailing aside: `Google (third party)` → `Google`.
fn strip_aside(value: &str) -> String {
    match value.rfind(" (") {
        Some(open) if value.ends_with(')') && open > 0 => value[..open].trim().to_string(),
        _ => value.to_string(),
    }
}

/// A type label without the vendor it may name (`Analítica – De terceros: Google Analytics`).
fn strip_vendor(label: &str) -> String {
    let mut s = label.to_string();
    while let Some((a, b)) = crate::fields::provider::vendor_run(&s) {
        s.replace_range(a..b, " ");
    }
    s
}

/// Take a `Speicherdauer: 2 Jahre.` / `(bewaartermijn: 2 jaar)` statement out of a
/// description and return the duration text.
pub(crate) fn take_embedded_duration(purpose: &mut String) -> Option<String> {
    let spans = word_spans(purpose);
    let v = vocab();
    for (i, &(s, _)) in spans.iter().enumerate() {
        // keys of up to three words followed by a colon
        for k in (0..3).rev() {
            let Some(&(_, e)) = spans.get(i + k) else {
                continue;
            };
            let after = &purpose[e..];
            let colon = after.len() - after.trim_start_matches([' ', '\u{a0}']).len();
            // `(durée 30 jours)`: in brackets the key needs no colon
            let bracketed = purpose[..s].trim_end().ends_with('(')
                && colon > 0
                && crate::fields::duration::duration_prefix(&after[colon..]).is_some();
            if !after[colon..].starts_with(':') && !bracketed {
                continue;
            }
            if v.field(&purpose[s..e]) != Some(Role::Duration) {
                continue;
            }
            let value_start = if bracketed { e + colon } else { e + colon + 1 };
            let rest = &purpose[value_start..];
            let stop = rest
                .char_indices()
                .find(|&(j, c)| {
                    c == ')'
                        || c == ';'
                        || (c == '.' && !rest[j + 1..].starts_with(|d: char| d.is_ascii_digit()))
                })
                .map_or(rest.len(), |(j, _)| j);
            let value = fold_whitespace(&rest[..stop]);
            if value.is_empty() {
                continue;
            }
            // remove the statement, with its brackets or full stop
            let mut cut_start = s;
            let before = purpose[..s].trim_end();
            let mut cut_end = value_start + stop;
            if before.ends_with('(') && purpose[cut_end..].starts_with(')') {
                cut_start = before.len() - 1;
                cut_end += 1;
            } else if purpose[cut_end..].starts_with(['.', ';']) {
                cut_end += 1;
            }
            // no space is left before the punctuation that followed the brackets
            let joint = if purpose[cut_end..].starts_with(['.', ',', ';']) {
                cut_start = purpose[..cut_start].trim_end().len();
                ""
            } else {
                " "
            };
            purpose.replace_range(cut_start..cut_end, joint);
            *purpose = fold_whitespace(purpose);
            return Some(value);
        }
    }
    None
}

/// A sentence of a description that states the lifetime with a verb near its start
/// (`It expires after 30 minutes.`, `Il dure 13 mois.`, `Er verfällt nach 2 Jahren.`):
/// taken out when the words after the verb read as a lifetime; they are returned.
pub(crate) fn take_lifetime_sentence(purpose: &mut String) -> Option<String> {
    let v = vocab();
    // sentences: up to and including `.`, `!` or `?` before a space, or the end
    let mut bounds = Vec::new();
    let mut from = 0;
    for (i, c) in purpose.char_indices() {
        if matches!(c, '.' | '!' | '?') && purpose[i + 1..].starts_with(' ') {
            bounds.push((from, i + 1));
            from = i + 1;
        }
    }
    bounds.push((from, purpose.len()));
    for (s, e) in bounds {
        let sent = &purpose[s..e];
        let spans = word_spans(sent);
        let forms: Vec<String> = spans
            .iter()
            .map(|&(a, b)| match_form(&sent[a..b]))
            .collect();
        let refs: Vec<&str> = forms.iter().map(String::as_str).collect();
        // the verb comes after a subject and an adverb at most (`It typically lasts`)
        let Some((i, n)) =
            (0..refs.len().min(4)).find_map(|i| v.lifetime_verb_at(&refs[i..]).map(|n| (i, n)))
        else {
            continue;
        };
        let verb_end = spans[i + n - 1].1;
        let rest = sent[verb_end..]
            .trim()
            .trim_end_matches(['.', '!', ';'])
            .trim_end();
        let d = parse_duration(rest);
        if rest.is_empty() || (d.kind == DurationKind::Unknown && d.iso8601.is_none()) {
            continue;
        }
        let value = rest.to_string();
        purpose.replace_range(s..e, " ");
        *purpose = fold_whitespace(purpose);
        return Some(value);
    }
    None
}

/// A clause of a description that is only a lifetime (`Google Analytics, 24 hours.
/// Distinguishes users.`, `keeps your session (session cookie)`): taken out, returned.
pub(crate) fn take_duration_clause(purpose: &mut String) -> Option<String> {
    const EDGE: &[char] = &[',', '.', ';', '(', ')', '–', '—', '|'];
    // each search folds the rest of the text: a bounded number of them keeps a long
    // line of lifetimes with no edges linear (a purpose states a handful at most)
    const MAX_TRIES: usize = 16;
    let mut from = 0;
    let mut tries = 0;
    let (s, e) = loop {
        tries += 1;
        if tries > MAX_TRIES {
            return None;
        }
        let (s, e) = find_duration(&purpose[from..]).map(|(s, e)| (s + from, e + from))?;
        let before = purpose[..s].trim_end_matches(' ');
        let after = purpose[e..].trim_start_matches(' ');
        let open = before.is_empty() || before.ends_with(EDGE) || before.ends_with(" -");
        let close = after.is_empty() || after.starts_with(EDGE) || after.starts_with("- ");
        if open && close {
            break (s, e);
        }
        from = e.max(from + 1);
        while !purpose.is_char_boundary(from) {
            from += 1;
        }
        if from >= purpose.len() {
            return None;
        }
    };
    let before = purpose[..s].trim_end_matches(' ');
    let after = purpose[e..].trim_start_matches(' ');
    let value = purpose[s..e].trim().to_string();
    // drop the clause with the punctuation that wraps it
    let mut cut_start = before.len();
    let mut cut_end = purpose.len() - after.len();
    if before.ends_with('(') && after.starts_with(')') {
        cut_start -= 1;
        cut_end += 1;
    } else if after.starts_with(['.', ',', ';']) {
        cut_end += 1;
    }
    purpose.replace_range(cut_start..cut_end, " ");
    *purpose = fold_whitespace(purpose);
    Some(value)
}

/// The same cookie named twice (prose and table, or two tables) is one record with
/// the purposes joined; rows that differ in lifetime stay apart. Each cookie comes
/// with whether its category was stated by its own cell or key: that one wins over a
/// category the earlier record only took from its section or the document.
fn merge_duplicates(cookies: Vec<(Cookie, bool)>) -> Vec<Cookie> {
    /// Records of one name compared with a new one at most: past this many rows of
    /// the same name with different lifetimes, a row stays a record of its own
    /// (keeps hostile input linear).
    const MAX_CANDIDATES: usize = 16;
    let mut out: Vec<Cookie> = Vec::with_capacity(cookies.len());
    let mut own: Vec<bool> = Vec::with_capacity(cookies.len());
    // name → indices in `out`, and the purposes each output record already has, so
    // that merging stays linear in the number of cookies
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    let mut seen: HashSet<(usize, String)> = HashSet::new();
    for (c, c_own) in cookies {
        let same = by_name.get(&c.name).and_then(|idx| {
            idx.iter().take(MAX_CANDIDATES).copied().find(|&i| {
                let o = &out[i];
                let same_life = match (&o.duration, &c.duration) {
                    (Some(a), Some(b)) => a.iso8601 == b.iso8601 && a.kind == b.kind,
                    _ => true,
                };
                same_life && domain_of(o) == domain_of(&c)
            })
        });
        match same {
            Some(i) => {
                let o = &mut out[i];
                // a purpose that only names a service (`Google Analytics`, a summary
                // table's) gives way to a description of the same cookie
                let real = |ps: &[String]| ps.iter().any(|p| !is_vendor_name(p));
                if real(&c.purposes) && !o.purposes.is_empty() && !real(&o.purposes) {
                    o.purposes.clear();
                }
                let o_real = real(&o.purposes);
                for p in c.purposes {
                    if o_real && is_vendor_name(&p) {
                        continue;
                    }
                    if seen.insert((i, p.clone())) {
                        o.purposes.push(p);
                    }
                }
                if o.provider.is_none() {
                    o.provider = c.provider;
                }
                if o.duration.is_none() {
                    o.duration = c.duration;
                }
                if o.category == Category::Unknown
                    || (c_own && !own[i] && c.category != Category::Unknown)
                {
                    o.category = c.category;
                    o.category_declared = c.category_declared;
                    own[i] = c_own;
                }
                for (k, v) in c.extra {
                    o.extra.entry(k).or_insert(v);
                }
                // `span` stays the first record's; `spans` keeps every one, in input order
                o.spans.extend(c.spans);
            }
            None => {
                let i = out.len();
                by_name.entry(c.name.clone()).or_default().push(i);
                for p in &c.purposes {
                    seen.insert((i, p.clone()));
                }
                out.push(c);
                own.push(c_own);
            }
        }
    }
    out
}

/// The host or domain a record names (OneTrust rows differ by host).
fn domain_of(c: &Cookie) -> Option<&String> {
    c.extra
        .iter()
        .find(|(k, _)| vocab().field(k) == Some(Role::Domain))
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn embedded(text: &str, want_purpose: &str, want: Option<&str>) {
        let mut p = text.to_string();
        assert_eq!(take_embedded_duration(&mut p).as_deref(), want, "{text:?}");
        assert_eq!(p, want_purpose);
    }

    #[test]
    fn embedded_durations() {
        embedded(
            "Google Analytics 4 — Besucher-ID, Sitzungsanalyse. Speicherdauer: 2 Jahre.",
            "Google Analytics 4 — Besucher-ID, Sitzungsanalyse.",
            Some("2 Jahre"),
        );
        embedded(
            "onderscheidt unieke gebruikers (bewaartermijn: 2 jaar)",
            "onderscheidt unieke gebruikers",
            Some("2 jaar"),
        );
        embedded(
            "Cookie qui stocke des informations concernant la visite. Durée de vie : 30 minutes.",
            "Cookie qui stocke des informations concernant la visite.",
            Some("30 minutes"),
        );
        embedded(
            "session utilisateur (durée 30 jours).",
            "session utilisateur.",
            Some("30 jours"),
        );
        embedded(
            "utilizzato per distinguere gli utenti. Durata: 2 anni.",
            "utilizzato per distinguere gli utenti.",
            Some("2 anni"),
        );
        embedded("No duration here.", "No duration here.", None);
    }

    #[track_caller]
    fn clause(text: &str, want_purpose: &str, want: Option<&str>) {
        let mut p = text.to_string();
        assert_eq!(take_duration_clause(&mut p).as_deref(), want, "{text:?}");
        assert_eq!(p, want_purpose);
    }

    #[test]
    fn placeholders() {
        assert!(is_placeholder("[cookie name]"));
        assert!(is_placeholder("{{name}}"));
        assert!(is_placeholder("..."));
        assert!(!is_placeholder("_ga_<container-id>"));
        assert!(!is_placeholder("_ga_[ID]"));
    }

    #[test]
    fn duration_clauses() {
        clause(
            "Google Analytics, 24 hours. Distinguishes users.",
            "Google Analytics, Distinguishes users.",
            Some("24 hours"),
        );
        clause(
            "keeps your session (session cookie)",
            "keeps your session",
            Some("session cookie"),
        );
        clause(
            "Stores the session state for the visit",
            "Stores the session state for the visit",
            None,
        );
    }
}
