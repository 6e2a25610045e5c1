//! Stage 6: records. Raw records become cookies: each field value normalised and
//! read by its grammar, one cookie per name, the same cookie named twice merged.
//!
//! One record goes through small stages, each returning a value:
//! `read_names` → `normalise` → `classify` → `reject` → `resolve` → `emit` (each name
//! passing `reject_name` first). Values are normalised before they are classified,
//! not after: a field is sorted by the text it reads as once repaired (a type cell's
//! `Local Storage`, a category label). The repairs that makes are held with the
//! record and kept only with the cookies it gives: a rejected record leaves no
//! repairs behind, since none of its text is in the output.

use crate::chars::CharClass;
use std::collections::{BTreeMap, HashSet};

use crate::fields::duration::{
    duration_prefix, find_duration_where, is_whole_duration, parse_duration, Found,
};
use crate::fields::names::{is_host_or_file, service_and_names, split_names, Name};
use crate::fields::provider::{is_vendor_name, provider_in_description, vendor_in, vendor_prefix};
use crate::fields::repair::{normalize_value, normalize_value_with, Mend};
use crate::fields::text::{fold_whitespace, match_form, more_words_than, FastMap, FastSet};
use crate::layout::{Field, RawDoc, RawRecord};
use crate::policy::{Category, Cookie, Duration, DurationKind, Repair, Span, Warning, WarningKind};
use crate::vocab::{vocab, word_spans, word_spans_iter, Role, Storage};

/// Names longer than this many words are sentences, not names.
const MAX_NAME_WORDS: usize = 6;

/// Turn the layout stage's raw records into cookies.
pub(crate) fn build(
    raw: RawDoc<'_>,
    lang: Option<&str>,
    repair: Mend,
    warnings: &mut Vec<Warning>,
    repairs: &mut Vec<Repair>,
) -> Vec<Cookie> {
    // most records give one cookie: room for as many, not the next power of two
    let mut out: Vec<(Cookie, bool)> = Vec::with_capacity(raw.records.len());
    for rec in raw.records {
        let built = build_one(rec, &raw.doc_category, lang, repair);
        warnings.extend(built.warnings);
        repairs.extend(built.repairs);
        out.extend(built.cookies);
    }
    // the layouts read in input order, so this is mostly sorted already: the stable
    // sort (and its scratch buffer of half the cookies) only when it is not
    if !out.is_sorted_by_key(|c| c.0.span.start) {
        out.sort_by_key(|c| c.0.span.start);
    }
    merge_duplicates(out)
}

/// What one raw record gives.
#[derive(Debug, Default)]
struct Built {
    /// Its cookies, each with whether its own cell or key stated the category.
    cookies: Vec<(Cookie, bool)>,
    /// What reading it found to say, in the order found.
    warnings: Vec<Warning>,
    /// The repairs made to its text: none unless it gave a cookie.
    repairs: Vec<Repair>,
}

/// One raw record through the stages. A record left out gives its warning and
/// nothing else: the repairs made while normalising it are dropped with it.
fn build_one(
    rec: RawRecord<'_>,
    doc_category: &Option<(Category, String)>,
    lang: Option<&str>,
    repair: Mend,
) -> Built {
    let Some(names) = read_names(&rec, lang) else {
        return Built::default();
    };
    let (values, repairs) = normalise(&rec.fields, lang, repair);
    let mut fields = classify(values);
    // (the service the name cell names is the provider no provider cell names)
    if let (Some(service), ProviderCell::Absent) = (&names.service, &fields.provider) {
        fields.provider = ProviderCell::Vendor(service.clone());
    }
    if let Err(why) = reject(&names.text, &fields) {
        return Built {
            warnings: vec![why.warning(rec.span)],
            ..Built::default()
        };
    }
    let record = resolve(fields, &rec, doc_category, names.list.len());
    let mut warnings: Vec<Warning> = record.lifetimes.unreadable(rec.span).into_iter().collect();
    let mut cookies = Vec::with_capacity(names.list.len());
    let own = record.own_category;
    // the last name takes the record's values, the others copy them: most records
    // have one name, whose cookie then copies nothing
    let last = names.list.len().saturating_sub(1);
    let mut record = Some(record);
    for (k, name) in names.list.into_iter().enumerate() {
        match reject_name(&name) {
            Err(why) => warnings.push(why.warning(rec.span)),
            Ok(()) if k == last => {
                if let Some(r) = record.take() {
                    cookies.push((emit_owned(name, k, r, rec.span), own));
                }
            }
            Ok(()) => {
                if let Some(r) = &record {
                    cookies.push((emit(name, k, r, rec.span), own));
                }
            }
        }
    }
    // a record none of whose names is a cookie is left out as well: none of its
    // text is in the output, so no repair of it is either
    let repairs = if cookies.is_empty() {
        Vec::new()
    } else {
        repairs
    };
    Built {
        cookies,
        warnings,
        repairs,
    }
}

/// A record's names, with the text of the cell they were read from.
#[derive(Debug)]
struct Names {
    text: String,
    list: Vec<Name>,
    /// The service the cell names before its cookies (`Google Analytics (_ga,
    /// _gid)`): their provider where no provider cell names one.
    service: Option<String>,
}

/// The names of a record's name cell; none when the cell names nothing. Names are
/// identifiers: never repaired, so no repair can come of them.
fn read_names(rec: &RawRecord<'_>, lang: Option<&str>) -> Option<Names> {
    let text = normalize_value(&rec.names, lang, false, &mut Vec::new());
    // (a line break tag between names parts them as a comma does: `_ga<br>_gid`)
    let text = unlinked_broken_by(text, ", ", false);
    if let Some((service, inner)) = service_and_names(&text) {
        let list = split_names(inner);
        let service = Some(service.to_string());
        return Some(Names {
            text,
            list,
            service,
        });
    }
    let mut list = split_names(&text);
    if rec.name_cell && list.len() == 1 {
        if let Some(n) = with_full_stop(&text, &list[0].name) {
            list[0].name = n;
        }
    }
    (!list.is_empty()).then_some(Names {
        text,
        list,
        service: None,
    })
}

/// A name alone in its cell keeps a full stop at its end (`_pk_id.`: a prefix of
/// names) when it is built like an identifier: the name with its stop, or `None` when
/// the stop (if any) is a sentence's.
fn with_full_stop(cell: &str, name: &str) -> Option<String> {
    let cell = cell.trim();
    let bare = cell.trim_end_matches('.');
    (cell.len() == bare.len() + 1
        && name == bare
        && bare.contains(['_', '.'])
        && !bare.contains(char::is_whitespace))
    .then(|| cell.to_string())
}

/// One field's value as text, with what its header says it is.
#[derive(Debug)]
struct Value<'r> {
    role: Option<Role>,
    header: &'r str,
    text: String,
}

/// Each field's value as text: fragments joined, whitespace folded, damaged text
/// repaired; empty values dropped. The repairs come back beside the values, not into
/// the document's list: they are kept only if the record is.
fn normalise<'r>(
    fields: &'r [Field<'_>],
    lang: Option<&str>,
    repair: Mend,
) -> (Vec<Value<'r>>, Vec<Repair>) {
    let mut repairs = Vec::new();
    let values: Vec<Value<'r>> = fields
        .iter()
        .filter_map(|f| {
            // names of companies are proper nouns: never split or respelled
            let repair = if f.role == Some(Role::Provider) {
                Mend::Off
            } else {
                repair
            };
            let text = normalize_value_with(&f.value, lang, repair, &mut repairs);
            let text = unlinked(text);
            (!text.is_empty()).then_some(Value {
                role: f.role,
                header: &f.header,
                text,
            })
        })
        .collect();
    (values, repairs)
}

/// What a record's provider column said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum ProviderCell {
    /// The record has no provider column.
    #[default]
    Absent,
    /// A provider column that names no vendor (`First party`, `Terceros`): the
    /// section's provider does not stand in for it.
    NoVendor,
    /// The vendor the provider column names.
    Vendor(String),
}

/// A record's fields sorted by what their headers say they are.
#[derive(Debug, Default)]
struct Fields {
    /// The purpose cells; without one, the prose-like cells of unnamed columns.
    purposes: Vec<String>,
    provider: ProviderCell,
    /// The first duration cell.
    duration: Option<String>,
    /// The category a type cell or a short unnamed cell states, with its text.
    category: Option<(Category, String)>,
    /// The type cells, in order: one that names no cookie rejects the record.
    types: Vec<String>,
    /// A vendor a type cell names (`Analítica – De terceros: Google Analytics`).
    type_vendor: Option<String>,
    /// A kind of lifetime a type cell states (`Session`, `Persistent`).
    type_duration: Option<String>,
    /// The cells that have no slot of their own (and the type and party cells), under
    /// their headers.
    extra: BTreeMap<String, String>,
}

/// The service a second provider slot names (`Service: Stripe View Service Privacy
/// Policy`): a listed vendor's name as listed, or a name of four words at most before
/// a link's label or alone, that is no host (but before a link's label, where a
/// host is a service's name: `Consentmanager.net View Service Privacy Policy`) and
/// no first-party reference.
fn service_slot(value: &str) -> Option<String> {
    if let Some(n) = vendor_prefix(value) {
        return Some(value[..n].to_string());
    }
    let v = vocab();
    let name = v.without_link_label(value);
    let labelled = name.len() < value.len();
    (!name.is_empty()
        && !more_words_than(name, 4)
        && !name.starts_with('.')
        && (labelled || !is_host_or_file(name))
        && !v.is_first_party(name)
        && !v.mentions_party(name))
    .then(|| strip_aside(name))
}

/// Sort a record's values by the role their headers give them.
fn classify(values: Vec<Value<'_>>) -> Fields {
    let v = vocab();
    let mut f = Fields::default();
    let mut others: Vec<String> = Vec::new();
    // an unnamed field whose whole value is a lifetime (`Storage time: 2 years`, a
    // key no table lists): the record's lifetime when no duration cell states one
    let mut unnamed_lifetime: Option<(&str, String)> = None;
    for Value {
        role,
        header,
        text: value,
    } in values
    {
        match role {
            Some(Role::Purpose) => f.purposes.push(value),
            Some(Role::Provider) => match &f.provider {
                ProviderCell::Absent => {
                    // (a party said only in an aside after a name is the aside's:
                    // `Alisios Van (first-party)` names Alisios Van)
                    let named = strip_aside(&value);
                    let party_aside = named.len() < value.len()
                        && !v.is_first_party(&named)
                        && !v.mentions_party(&named)
                        && v.mentions_party(&value);
                    if party_aside || !v.is_first_party(&value) && !v.mentions_party(&value) {
                        // (a link's label after the name is no part of it: `Velqora
                        // Politique de confidentialité`)
                        // (nor is the company's postal address: `Google Ireland
                        // Limited, Gordon House, …, Dublin 4, Ireland`)
                        f.provider = ProviderCell::Vendor(strip_aside(
                            v.without_address(v.without_link_label(&value)),
                        ));
                        // (the party the aside states is kept, as a party cell is)
                        if party_aside {
                            f.extra.insert(header.to_string(), value);
                        }
                    } else {
                        // `Terceros (Google)`: a party marker, and the vendor it names
                        f.provider =
                            vendor_in(&value).map_or(ProviderCell::NoVendor, ProviderCell::Vendor);
                        f.extra.insert(header.to_string(), value);
                    }
                }
                // a second provider slot that names a service wins over a first
                // that only gave a host or a party (`Provider: .example.com` /
                // `Service: Stripe …`, `Provider: creative-serving.com (3rd party)`)
                ProviderCell::NoVendor => {
                    if let Some(name) = service_slot(&value) {
                        f.provider = ProviderCell::Vendor(name);
                    }
                    f.extra.insert(header.to_string(), value);
                }
                ProviderCell::Vendor(p) if p.starts_with('.') || is_host_or_file(p) => {
                    // the vendor's listed name only: what follows is often a link's text
                    // (`Stripe View Service Privacy Policy`)
                    if let Some(name) = service_slot(&value) {
                        f.provider = ProviderCell::Vendor(name);
                    }
                }
                _ => {
                    f.extra.insert(header.to_string(), value);
                }
            },
            Some(Role::Duration) if f.duration.is_none() => f.duration = Some(value),
            Some(Role::Type) => {
                if f.category.is_none() {
                    if let Some(c) = v.category_of_label(&strip_vendor(&value)) {
                        f.category = Some((c, value.clone()));
                    }
                }
                if f.type_vendor.is_none() {
                    f.type_vendor = vendor_in(&value);
                }
                // `Session` / `Persistent` in a type column: the kind of lifetime
                if f.category.is_none() && f.type_duration.is_none() {
                    let d = parse_duration(&value);
                    if d.kind != DurationKind::Unknown {
                        f.type_duration = Some(value.clone());
                    }
                }
                f.types.push(value.clone());
                f.extra.insert(header.to_string(), value);
            }
            None if unnamed_lifetime.is_none() && is_whole_lifetime(&value) => {
                unnamed_lifetime = Some((header, value));
            }
            None => {
                // an unnamed field whose value is a short category label declares it
                // (`Module: Functional`); a service's name under its name key
                // (`Name: Perfect Audience`, the box's provider stated apart) does not
                // … nor a consent column's cell (`Einwilligung: Erforderlich`, consent
                // is asked: no category)
                if f.category.is_none()
                    && !more_words_than(&value, 3)
                    && v.field(header) != Some(Role::Name)
                    && !v.is_consent_column(header)
                {
                    if let Some(c) = v.category_of_label(&value) {
                        f.category = Some((c, value.clone()));
                    }
                }
                others.push(value.clone());
                f.extra.insert(header.to_string(), value);
            }
            _ => {
                f.extra.insert(header.to_string(), value);
            }
        }
    }
    if let Some((header, value)) = unnamed_lifetime {
        if f.duration.is_none() {
            f.duration = Some(value);
        } else {
            f.extra.insert(header.to_string(), value);
        }
    }
    if f.purposes.is_empty() {
        // no purpose column: prose-like cells of unnamed columns are the description
        f.purposes = others
            .into_iter()
            .filter(|o| more_words_than(o, 2))
            .collect();
    }
    f
}

/// Whether a value is a lifetime and nothing else, with a length or a session
/// (`2 years`, `13 Monate`, `Session`): what an unnamed field must hold to be read as
/// the record's lifetime.
fn is_whole_lifetime(value: &str) -> bool {
    let t = value.trim().trim_end_matches('.');
    !t.is_empty() && t.len() <= 40 && crate::fields::duration::is_whole_duration(t) && {
        let d = parse_duration(t);
        d.iso8601.is_some() || d.kind == DurationKind::Session
    }
}

/// Why a record, or one name of it, is left out.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Rejection {
    /// A type cell says the entry is no cookie (the names' cell, the type cell).
    TypedNotCookie { names: String, typed: String },
    /// The only description, a short one, says the entry sets no cookie.
    SetsNoCookie { names: String },
    /// The name is a template placeholder (`[cookie name]`).
    Placeholder(String),
    /// The name's gloss says it is kept in local storage.
    LocalStorage(String),
    /// The name's gloss says it is no cookie.
    NoCookieGloss(String),
    /// The name is a sentence, not a name.
    TooLong(String),
}

impl Rejection {
    /// The warning that tells the user what was left out, and why.
    fn warning(&self, span: Span) -> Warning {
        let (kind, message) = match self {
            Rejection::TypedNotCookie { names, typed } => (
                WarningKind::NotACookie,
                format!("{names:?} is typed {typed:?}, not a cookie; left out"),
            ),
            Rejection::SetsNoCookie { names } => (
                WarningKind::NotACookie,
                format!("{names:?} is described as setting no cookie; left out"),
            ),
            Rejection::Placeholder(n) => (
                WarningKind::NotACookie,
                format!("{n:?} is a template placeholder, not a cookie name; left out"),
            ),
            Rejection::LocalStorage(n) => (
                WarningKind::NotACookie,
                format!("{n:?} is kept in local storage, not a cookie; left out"),
            ),
            Rejection::NoCookieGloss(n) => (
                WarningKind::NotACookie,
                format!("{n:?} is described as no cookie; left out"),
            ),
            Rejection::TooLong(n) => (
                WarningKind::Unreadable,
                format!("name cell {n:?} is too long to be a cookie name; left out"),
            ),
        };
        Warning {
            kind,
            message,
            span,
        }
    }
}

/// Whether a record as a whole is not a cookie: a type cell that names no cookie
/// (`HTML Local Storage`), or a tool listed as if it were a cookie but described as
/// setting none.
fn reject(names: &str, fields: &Fields) -> Result<(), Rejection> {
    if let Some(typed) = fields.types.iter().find(|t| is_not_cookie_type(t)) {
        return Err(Rejection::TypedNotCookie {
            names: names.to_string(),
            typed: typed.clone(),
        });
    }
    if let [p] = fields.purposes.as_slice() {
        if !more_words_than(p, 8) && vocab().says_no_cookie(p) {
            return Err(Rejection::SetsNoCookie {
                names: names.to_string(),
            });
        }
    }
    Ok(())
}

/// Whether one name of a kept record is not a cookie's.
fn reject_name(n: &Name) -> Result<(), Rejection> {
    let v = vocab();
    let gloss = n.gloss.as_deref();
    if is_placeholder(&n.name) {
        return Err(Rejection::Placeholder(n.name.clone()));
    }
    // `cookie consent (localStorage: cc_v1)`: the gloss says where it is kept
    if gloss
        .is_some_and(|g| v.mentions_local_storage(g) || v.storage_of(g) == Some(Storage::NotCookie))
    {
        return Err(Rejection::LocalStorage(n.name.clone()));
    }
    // `Script / Contact Points (no Cookie)`: the name cell itself says it is none
    if gloss.is_some_and(|g| v.says_no_cookie(g)) {
        return Err(Rejection::NoCookieGloss(n.name.clone()));
    }
    if more_words_than(&n.name, MAX_NAME_WORDS) || n.name.len() > 160 {
        return Err(Rejection::TooLong(n.name.clone()));
    }
    Ok(())
}

/// What a kept record says of each of its cookies, every source weighed.
#[derive(Debug)]
struct Resolved {
    purposes: Vec<String>,
    provider: Option<String>,
    lifetimes: Lifetimes,
    category: Category,
    /// The text that declared the category.
    declared: Option<String>,
    /// The category was stated by the record's own cell or key: it outweighs one from
    /// a section or the whole document when the same cookie is named twice.
    own_category: bool,
    extra: BTreeMap<String, String>,
}

/// Weigh a kept record's fields against what its section and document say.
fn resolve(
    mut fields: Fields,
    rec: &RawRecord<'_>,
    doc_category: &Option<(Category, String)>,
    names: usize,
) -> Resolved {
    told_in_description(&mut fields);
    let (duration, purposes) =
        take_lifetime(fields.duration, fields.type_duration, fields.purposes);
    // the provider is looked for in the description once the lifetime is out of it
    let provider = resolve_provider(
        fields.provider,
        fields.type_vendor,
        &purposes,
        rec.provider.as_ref(),
        rec.provider_heading,
    );
    let lifetimes = lifetimes(duration.as_deref(), rec.kind_hint.as_ref(), names);
    let own_category = fields.category.is_some();
    let (category, declared) = resolve_category(fields.category, &rec.category, doc_category);
    Resolved {
        purposes,
        provider,
        lifetimes,
        category,
        declared,
        own_category,
        extra: fields.extra,
    }
}

/// What a description states beside what it says, when no cell of the record states
/// it: a closing bracketed aside of a provider and a lifetime (`… (Google Analytics,
/// 2 years)`), a labelled provider (`… Provider: Meta.`). Taken out of the
/// description into the record's fields.
fn told_in_description(fields: &mut Fields) {
    if fields.duration.is_none() {
        let aside = fields.purposes.iter_mut().find_map(take_closing_aside);
        for (role, value) in aside.into_iter().flatten() {
            match role {
                Role::Duration => fields.duration = Some(value),
                Role::Provider if matches!(fields.provider, ProviderCell::Absent) => {
                    fields.provider = ProviderCell::Vendor(value);
                }
                _ => fields.purposes.push(value),
            }
        }
    }
    if matches!(fields.provider, ProviderCell::Absent) {
        if let Some(p) = fields.purposes.iter_mut().find_map(take_embedded_provider) {
            fields.provider = ProviderCell::Vendor(p);
        }
    }
    fields.purposes.retain(|p| !p.is_empty());
}

/// A record's lifetime text: its duration cell, else the kind of lifetime its type
/// cell states, else a lifetime its description states, taken out of the description
/// (a description that was only that goes). Returns the text and the descriptions.
fn take_lifetime(
    cell: Option<String>,
    typed: Option<String>,
    mut purposes: Vec<String>,
) -> (Option<String>, Vec<String>) {
    if let Some(t) = cell.or(typed) {
        return (Some(t), purposes);
    }
    let found = purposes.iter_mut().find_map(|p| {
        take_embedded_duration(p)
            .or_else(|| take_duration_clause(p))
            .or_else(|| take_lifetime_sentence(p))
            .or_else(|| take_kind_sentence(p))
    });
    purposes.retain(|p| !p.is_empty());
    (found, purposes)
}

/// The provider of a record's cookies. A provider column says it. Without one, a
/// service heading or group row names the provider of its block, before any company
/// the description mentions; else the description's company, a vendor the type cell
/// names, or the section's provider. A provider column that names no vendor keeps
/// the section's provider out.
fn resolve_provider(
    column: ProviderCell,
    type_vendor: Option<String>,
    purposes: &[String],
    section: Option<&String>,
    heading: bool,
) -> Option<String> {
    let described = || purposes.iter().find_map(|p| provider_in_description(p));
    match (column, section) {
        (ProviderCell::Vendor(p), _) => Some(p),
        (ProviderCell::NoVendor, _) => described().or(type_vendor),
        // … unless the row's own text names the same service more fully
        // (`Google Analytics` heading, `_ga: Google Analytics 4 (2 years)`)
        (ProviderCell::Absent, Some(h)) if heading => match described() {
            Some(f) if f.len() > h.len() && f.starts_with(h.as_str()) => Some(f),
            _ => Some(h.clone()),
        },
        (ProviderCell::Absent, _) => described().or(type_vendor).or_else(|| section.cloned()),
    }
}

/// A record's category, with the text that declared it: the one its own cell or key
/// states, else its section's, else the whole document's.
fn resolve_category(
    own: Option<(Category, String)>,
    section: &Option<(Category, String)>,
    doc: &Option<(Category, String)>,
) -> (Category, Option<String>) {
    match own.or_else(|| section.clone()).or_else(|| doc.clone()) {
        Some((c, d)) => (c, Some(d)),
        None => (Category::Unknown, None),
    }
}

/// The lifetimes of a record's names.
#[derive(Debug)]
struct Lifetimes {
    /// The lifetime the record states, or the kind hinted next to its name.
    all: Option<Duration>,
    /// One lifetime per name, when the record lists as many as it has names.
    paired: Option<Vec<Duration>>,
}

impl Lifetimes {
    /// The lifetime of the record's `k`th name.
    fn of(&self, k: usize) -> Option<Duration> {
        match &self.paired {
            Some(ds) => ds.get(k).cloned(),
            None => self.all.clone(),
        }
    }

    /// [`Lifetimes::of`], taken rather than copied: for the record's last cookie.
    fn take(self, k: usize) -> Option<Duration> {
        match self.paired {
            Some(ds) => ds.into_iter().nth(k),
            None => self.all,
        }
    }

    /// A warning when the stated lifetime reads as none.
    fn unreadable(&self, span: Span) -> Option<Warning> {
        let d = self.all.as_ref()?;
        (d.kind == DurationKind::Unknown && d.iso8601.is_none()).then(|| Warning {
            kind: WarningKind::Unreadable,
            message: format!("duration {:?} gives no readable lifetime", d.text),
            span,
        })
    }
}

/// Read a record's lifetime text for its `names` names.
fn lifetimes(
    text: Option<&str>,
    kind_hint: Option<&(DurationKind, String)>,
    names: usize,
) -> Lifetimes {
    // OneTrust lists: several names and as many lifespans in one cell, paired in order
    // (a record of one name pairs nothing: its text is not split)
    // (`2 years and 1 day respectively`: a list of lifetimes, paired with the names
    // in order, its parts joined by commas or joiner words)
    let paired = text.filter(|_| names > 1).and_then(|t| {
        let mut parts: Vec<&str> = t
            .split([',', ';', '\n'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() != names && vocab().says_respectively(t) {
            parts = respective_parts(t);
        }
        (names > 1 && parts.len() == names)
            .then(|| parts.iter().map(|p| parse_duration(p)).collect::<Vec<_>>())
            .filter(|ds| ds.iter().all(|d| d.kind != DurationKind::Unknown))
    });
    let all = match (text, kind_hint) {
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
    Lifetimes { all, paired }
}

/// The parts of a list of values that a `respectively` word pairs with names
/// (`2 years, 1 day and 30 minutes respectively`): cut at commas, semicolons and
/// joiner words (`and`, `et`, `bzw.`), the pairing word left out.
fn respective_parts(text: &str) -> Vec<&str> {
    let v = vocab();
    let mut parts = Vec::new();
    let mut from = None;
    let mut to = 0;
    for (s, e) in word_spans_iter(text) {
        let word = &text[s..e];
        let lower = word.to_lowercase();
        let cut = v.is_joiner_word(&lower) || v.says_respectively(word);
        let comma_before = from.is_some() && text[to..s].contains([',', ';']);
        if cut || comma_before {
            if let Some(f) = from.take() {
                parts.push(text[f..to].trim());
            }
        }
        if !cut {
            from.get_or_insert(s);
            to = e;
        }
    }
    if let Some(f) = from {
        parts.push(text[f..to].trim());
    }
    parts
}

/// A cookie's lifetime and where its name's gloss goes: a gloss that is wholly a
/// lifetime (`_ga (2 years)` under a `Cookie (expiry)` header, `sessionid
/// (session)`) is the lifetime of a cookie whose record states none; any other
/// gloss, or one beside a stated lifetime, is kept in `extra`.
fn glossed_lifetime(
    stated: Option<Duration>,
    gloss: Option<String>,
    extra: &mut BTreeMap<String, String>,
) -> Option<Duration> {
    let Some(g) = gloss else {
        return stated;
    };
    if stated.is_none() && crate::fields::duration::is_whole_duration(&g) {
        return Some(parse_duration(&g));
    }
    extra.insert("gloss".to_string(), g);
    stated
}

/// The cookie of a kept record's `k`th name.
fn emit(name: Name, k: usize, record: &Resolved, span: Span) -> Cookie {
    let mut extra = record.extra.clone();
    let duration = glossed_lifetime(record.lifetimes.of(k), name.gloss, &mut extra);
    Cookie {
        name: name.name,
        provider: record.provider.clone(),
        purposes: record.purposes.clone(),
        duration,
        category: record.category,
        category_declared: record.declared.clone(),
        extra,
        span,
        spans: vec![span],
    }
}

/// [`emit`] for the record's last cookie: the record's values are moved into it, not
/// copied (the same cookie, as `emitted_owned_is_emitted` checks).
fn emit_owned(name: Name, k: usize, record: Resolved, span: Span) -> Cookie {
    let Resolved {
        purposes,
        provider,
        lifetimes,
        category,
        declared,
        own_category: _,
        mut extra,
    } = record;
    let duration = glossed_lifetime(lifetimes.take(k), name.gloss, &mut extra);
    Cookie {
        name: name.name,
        provider,
        purposes,
        duration,
        category,
        category_declared: declared,
        extra,
        span,
        spans: vec![span],
    }
}

/// A name that is wholly a template placeholder (`[cookie name]`, `{{name}}`, `%NAME%`),
/// not a pattern with a placeholder part (`_ga_<container-id>` is a name).
/// A normalised value with its markdown links reduced to their text, its spaces
/// folded again where a link was taken out.
fn unlinked(text: String) -> String {
    unlinked_broken_by(text, " ", true)
}

/// [`unlinked`], a line break tag read as `brk`; character references read only
/// with `references` (a name keeps them: it is written as its input holds it).
fn unlinked_broken_by(text: String, brk: &str, references: bool) -> String {
    let text = match unlink(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(t) => fold_whitespace(&t),
    };
    // (and with the HTML its page's source left in it read as text: `_ga<br>_gid`,
    // `Meta&nbsp;Platforms`)
    match crate::fields::text::decode_markup(&text, brk, references) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(t) => t,
    }
}

/// A value with its markdown links reduced to their text and its images dropped
/// (`[Google](https://policies.google.com "Privacy")` → `Google`): a markdown capture
/// of a page writes every linked provider or name that way.
fn unlink(text: &str) -> std::borrow::Cow<'_, str> {
    if !crate::fields::text::contains_short(text, "](") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let image = rest[..open].ends_with('!');
        let Some((inner, after)) = link_at(&rest[open..]) else {
            out.push_str(&rest[..=open]);
            rest = &rest[open + 1..];
            continue;
        };
        out.push_str(&rest[..open - usize::from(image)]);
        if !image {
            out.push_str(&unlink(inner));
        }
        rest = after;
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// A link opening `text` (`[inner](target)`): its inner text and what follows it.
fn link_at(text: &str) -> Option<(&str, &str)> {
    let close = matching(text, '[', ']')?;
    let target = &text[close + 1..];
    if !target.starts_with('(') {
        return None;
    }
    let end = matching(target, '(', ')')?;
    Some((&text[1..close], &target[end + 1..]))
}

/// Byte index of the bracket that closes the one opening `text`, nesting counted.
fn matching(text: &str, open: char, close: char) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

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
        .split(|c: char| !c.is_letter_or_digit())
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
    take_embedded(purpose, Role::Duration)
}

/// Take a `Provider: Meta.` / `(Anbieter: Google)` statement out of a description
/// (a card's labels run into its text) and return the provider.
fn take_embedded_provider(purpose: &mut String) -> Option<String> {
    take_embedded(purpose, Role::Provider)
}

/// Take a statement of the field `role` (its key, a colon, its value up to a full
/// stop, a semicolon or a closing bracket) out of a description; a lifetime may also
/// stand in brackets after its key without a colon (`(durée 30 jours)`).
fn take_embedded(purpose: &mut String, role: Role) -> Option<String> {
    // a statement's key is followed by a colon, or stands in brackets: a description
    // with neither (most of them) holds none, and its words are not listed
    // (a provider's key needs its colon)
    let bracket_keys = role == Role::Duration;
    let keyed = purpose.contains(':') || (bracket_keys && purpose.contains('('));
    if !keyed {
        return None;
    }
    let spans = word_spans(purpose);
    let v = vocab();
    // which words a colon follows, found once (the keys are tried at every word)
    let colon_after: Vec<bool> = spans
        .iter()
        .map(|&(_, e)| {
            purpose[e..]
                .trim_start_matches([' ', '\u{a0}'])
                .starts_with(':')
        })
        .collect();
    for (i, &(s, _)) in spans.iter().enumerate() {
        let after_bracket = bracket_keys && purpose[..s].trim_end().ends_with('(');
        // keys of up to three words followed by a colon
        for k in (0..3).rev() {
            let Some(&(_, e)) = spans.get(i + k) else {
                continue;
            };
            if !colon_after[i + k] && !after_bracket {
                continue;
            }
            let after = &purpose[e..];
            let colon = after.len() - after.trim_start_matches([' ', '\u{a0}']).len();
            // `(durée 30 jours)`: in brackets the key needs no colon
            let bracketed = after_bracket
                && colon > 0
                && crate::fields::duration::duration_prefix(&after[colon..]).is_some();
            if !colon_after[i + k] && !bracketed {
                continue;
            }
            // (a key is within one sentence: `an ad. Provider:` is none)
            let key = &purpose[s..e];
            if key.contains(['.', ',', ';', '!', '?']) || v.field(key) != Some(role) {
                continue;
            }
            let value_start = if bracketed { e + colon } else { e + colon + 1 };
            let rest = &purpose[value_start..];
            // (a provider's full stop ends it before a space or the end only:
            // `Parse.ly` keeps its dot)
            let stop = rest
                .char_indices()
                .find(|&(j, c)| {
                    c == ')'
                        || c == ';'
                        || (c == '.'
                            && if role == Role::Duration {
                                !rest[j + 1..].starts_with(|d: char| d.is_ascii_digit())
                            } else {
                                rest[j + 1..].is_empty() || rest[j + 1..].starts_with(' ')
                            })
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

/// A bracketed aside closing a description that states a lifetime among other words
/// ([`crate::layout::closing_aside`]), taken out of it. Returns the parts.
fn take_closing_aside(purpose: &mut String) -> Option<Vec<(Role, String)>> {
    let (open, parts) = crate::layout::closing_aside(purpose)?;
    let parts = parts.into_iter().map(|(r, v)| (r, v.to_string())).collect();
    let kept = purpose[..open].trim_end().to_string();
    *purpose = kept;
    Some(parts)
}

/// A sentence of a description that states the lifetime with a verb near its start
/// (`It expires after 30 minutes.`, `Il dure 13 mois.`, `Er verfällt nach 2 Jahren.`):
/// taken out when the words after the verb read as a lifetime; they are returned.
pub(crate) fn take_lifetime_sentence(purpose: &mut String) -> Option<String> {
    /// The verb comes after a subject and an adverb at most (`It typically lasts`).
    const VERB_FROM: usize = 4;
    let v = vocab();
    take_sentence(purpose, |sent| {
        // the verb starts within the first four words: only those and the verb's own
        // are folded, not every word of a long sentence
        let spans: Vec<(usize, usize)> = word_spans_iter(sent)
            .take(VERB_FROM + v.lifetime_verb_words())
            .collect();
        let form = |&(a, b): &(usize, usize)| match_form(&sent[a..b]);
        // the verb's first word is one of the first four: a sentence none of whose
        // first words starts a lifetime verb (most of them) is passed over before its
        // other words are folded, and the verbs are compared only where one may start
        let mut forms: Vec<String> = spans.iter().take(VERB_FROM).map(form).collect();
        let verb = if forms.iter().any(|w| v.may_start_lifetime_verb(w)) {
            forms.extend(spans[forms.len()..].iter().map(form));
            let refs: Vec<&str> = forms.iter().map(String::as_str).collect();
            (0..refs.len().min(VERB_FROM))
                .filter(|&i| v.may_start_lifetime_verb(refs[i]))
                .find_map(|i| v.lifetime_verb_at(&refs[i..]).map(|n| (i, n)))
        } else {
            None
        };
        // the words after the verb, when they read as a lifetime; else a lifetime
        // after a lifetime key as the subject
        match verb {
            Some((i, n)) => {
                let rest = sent[spans[i + n - 1].1..]
                    .trim()
                    .trim_end_matches(['.', '!', ';'])
                    .trim_end();
                let d = parse_duration(rest);
                (!rest.is_empty() && (d.kind != DurationKind::Unknown || d.iso8601.is_some()))
                    .then_some(rest)
            }
            None => {
                lifetime_key_sentence(sent, &spans).or_else(|| lifetime_then_verb(sent, &spans))
            }
        }
    })
}

/// The first sentence of a description (see [`sentence_bounds`]) that `read` gives a
/// value for, taken out of it (the rest's whitespace folded); the value is returned.
fn take_sentence(
    purpose: &mut String,
    mut read: impl FnMut(&str) -> Option<&str>,
) -> Option<String> {
    for (s, e) in sentence_bounds(purpose) {
        let Some(value) = read(&purpose[s..e]).map(str::to_string) else {
            continue;
        };
        purpose.replace_range(s..e, " ");
        *purpose = fold_whitespace(purpose);
        return Some(value);
    }
    None
}

/// The most frequent words of a language, by their rank in its word list: a copula,
/// an auxiliary, a pronoun (`is`, `wird`, `handelt`, `deze`). The lifetime sentences
/// below open with such words and nothing else.
const COMMON_RANK: u32 = 800;

/// Whether a word is a function word of some language or one of its most frequent
/// words ([`COMMON_RANK`]): words that say nothing of a cookie's purpose. A word
/// with an apostrophe is common when each part is (`C'est`).
fn is_common_word(w: &str) -> bool {
    w.to_lowercase()
        .split(['\'', '\u{2019}'])
        .filter(|p| !p.is_empty())
        .all(|p| {
            crate::vocab::affixes::is_function_word_anywhere(p)
                || crate::fields::repair::best_rank_any_language(p)
                    .is_some_and(|r| r <= COMMON_RANK)
        })
}

/// The sentences of a description: up to and including `.`, `!` or `?` before a
/// space, or the end; byte ranges.
fn sentence_bounds(text: &str) -> Vec<(usize, usize)> {
    let mut bounds = Vec::new();
    let mut from = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?') && text[i + 1..].starts_with(' ') {
            bounds.push((from, i + 1));
            from = i + 1;
        }
    }
    bounds.push((from, text.len()));
    bounds
}

/// A sentence of a description that only says what kind of cookie it is (`It is a
/// session cookie.`, `C'est un cookie de session.`, `Es handelt sich um ein
/// Session-Cookie.`, `Dit is een sessiecookie.`): a few common words, then a kind of
/// cookie to the sentence's end. Taken out; the kind phrase is returned (a lifetime
/// that [`parse_duration`] reads as session or persistent).
pub(crate) fn take_kind_sentence(purpose: &mut String) -> Option<String> {
    /// Common words before the kind (`Es handelt sich um ein`).
    const LEAD_WORDS: usize = 5;
    /// Words of the kind phrase (`un cookie de session`).
    const KIND_WORDS: usize = 4;
    take_sentence(purpose, |sent| {
        // (most sentences name no kind of cookie, or are longer than a lead and a
        // kind: passed over before their words are read)
        if !names_cookie(sent) {
            return None;
        }
        let body = sent.trim_end().trim_end_matches(['.', '!']).trim_end();
        let spans: Vec<(usize, usize)> = word_spans_iter(body)
            .take(LEAD_WORDS + KIND_WORDS + 1)
            .collect();
        if spans.len() > LEAD_WORDS + KIND_WORDS {
            return None;
        }
        // the kind starts at the first word that is not common, or one word before
        // it (`a session cookie`: the article goes with it)
        let first_other = spans
            .iter()
            .position(|&(x, y)| !is_common_word(&body[x..y]))
            .unwrap_or(spans.len());
        (first_other.saturating_sub(1)..=first_other.min(LEAD_WORDS))
            .filter_map(|i| spans.get(i))
            .map(|&(a, _)| &body[a..])
            .find(|rest| {
                names_cookie(rest) && is_whole_duration(rest) && {
                    let d = parse_duration(rest);
                    matches!(d.kind, DurationKind::Session | DurationKind::Persistent)
                        && d.iso8601.is_none()
                }
            })
    })
}

/// Whether `text` has a cookie word, alone or ending a compound (`sessiecookie`,
/// `Sitzungscookie`).
fn names_cookie(text: &str) -> bool {
    text.as_bytes()
        .windows(6)
        .any(|w| w.eq_ignore_ascii_case(b"cookie"))
        || vocab().mentions_cookies(text)
}

/// A sentence whose verb comes after the lifetime (`Es wird 2 Jahre gespeichert.`,
/// `Deze wordt 2 jaar bewaard.`, `Die Cookies werden bis zu 2 Jahre gespeichert.`):
/// common words or cookie words, a lifetime in figures, and one or two words to the
/// sentence's end. Returns the lifetime. `spans` are the sentence's first words.
fn lifetime_then_verb<'s>(sent: &'s str, spans: &[(usize, usize)]) -> Option<&'s str> {
    /// Words before the lifetime (`Es wird`, `Deze wordt`, `Il est conservé`, `Die
    /// Cookies werden für`, `Die Cookies werden bis zu`).
    const LEAD_WORDS: usize = 5;
    // (a length in figures: most sentences have none, and are passed over here)
    if !sent.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let body = sent.trim_end().trim_end_matches(['.', '!', ';']).trim_end();
    for (i, &(a, _)) in spans.iter().enumerate().take(LEAD_WORDS + 1).skip(1) {
        if !spans[..i]
            .iter()
            .all(|&(x, y)| is_common_word(&sent[x..y]) || names_cookie(&sent[x..y]))
        {
            return None;
        }
        let rest = body.get(a..)?;
        let Some(n) = duration_prefix(rest) else {
            continue;
        };
        // (the tail is one or two words: `gespeichert`, `lang gespeichert`)
        let tail = &rest[n..];
        let words = word_spans_iter(tail).take(3).count();
        if (1..=2).contains(&words)
            && tail.trim_start().starts_with(char::is_alphabetic)
            && parse_duration(&rest[..n]).iso8601.is_some()
        {
            return Some(rest[..n].trim());
        }
    }
    None
}

/// A sentence whose subject is a lifetime key (`Die Speicherdauer beträgt 90 Tage.`,
/// `Sa durée de vie est de 13 mois.`, `The retention period is 2 years.`): a phrase
/// of one to three of its first words that the tables list as a duration field, then
/// at most three words (a verb, a preposition) before a lifetime that runs to the
/// sentence's end. Returns the lifetime. `spans` are the sentence's first words.
fn lifetime_key_sentence<'s>(sent: &'s str, spans: &[(usize, usize)]) -> Option<&'s str> {
    /// The key starts within the first words (`Die`, `Sa`, `La sua`).
    const KEY_FROM: usize = 3;
    /// A key is one to three words (`durée de vie`, `periodo di conservazione`).
    const KEY_WORDS: usize = 3;
    /// Words between the key and the lifetime (`est de`, `beträgt`, `è di`).
    const LINK_WORDS: usize = 3;
    let v = vocab();
    // (the longest key: `durée de vie`, not `durée`)
    let key_end = (0..KEY_FROM.min(spans.len())).find_map(|i| {
        if !v.starts_field(&sent[spans[i].0..spans[i].1]) {
            return None;
        }
        (i..(i + KEY_WORDS).min(spans.len()))
            .rev()
            .map(|j| spans[j].1)
            .find(|&end| v.field(&sent[spans[i].0..end]) == Some(Role::Duration))
    })?;
    let body = sent.trim_end().trim_end_matches(['.', '!', ';']).trim_end();
    // the lifetime starts right after the key or after one of the next words
    let starts = std::iter::once(key_end).chain(
        spans
            .iter()
            .map(|&(a, _)| a)
            .filter(|&a| a > key_end)
            .take(LINK_WORDS),
    );
    for from in starts {
        let rest = body.get(from..)?.trim_start();
        if rest.is_empty() {
            return None;
        }
        // the lifetime starts here and is the rest, but for a word or two after it
        // (`30 Tage gespeichert`)
        if let Some(n) = duration_prefix(rest) {
            if !more_words_than(&rest[n..], 2) {
                return Some(rest);
            }
        }
    }
    None
}

/// A clause of a description that is only a lifetime (`Google Analytics, 24 hours.
/// Distinguishes users.`, `keeps your session (session cookie)`): taken out, returned.
pub(crate) fn take_duration_clause(purpose: &mut String) -> Option<String> {
    const EDGE: &[char] = &[',', '.', ';', '(', ')', '–', '—', '|'];
    // a purpose states a handful of lifetimes at most: past this many that are not
    // clauses of their own, the rest of a long line is not searched
    const MAX_TRIES: usize = 16;
    let mut tries = 0;
    // one search over the text (folded once), each lifetime found offered in turn
    let (s, e) = find_duration_where(purpose, |s, e| {
        tries += 1;
        if tries > MAX_TRIES {
            return Found::Stop;
        }
        let before = purpose[..s].trim_end_matches(' ');
        let after = purpose[e..].trim_start_matches(' ');
        let open = before.is_empty() || before.ends_with(EDGE) || before.ends_with(" -");
        let close = after.is_empty() || after.starts_with(EDGE) || after.starts_with("- ");
        if open && close {
            Found::Take
        } else {
            Found::Next
        }
    })?;
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
    // a clause that ends the purpose takes the separator before it along
    // (`identifie le visiteur, 13 mois` → `identifie le visiteur`)
    if purpose[cut_end..].trim().is_empty() {
        let kept = before.trim_end_matches([',', ';', '–', '—', '|', '-', ' ']);
        if !kept.is_empty() && kept.len() < cut_start {
            cut_start = kept.len();
        }
    }
    purpose.replace_range(cut_start..cut_end, " ");
    *purpose = fold_whitespace(purpose);
    Some(value)
}

/// The same cookie named twice (prose and table, or two tables) is one record with
/// the purposes joined; rows that differ in lifetime stay apart. Each cookie comes
/// with whether its category was stated by its own cell or key: that one wins over a
/// category the earlier record only took from its section or the document.
fn merge_duplicates(mut cookies: Vec<(Cookie, bool)>) -> Vec<Cookie> {
    /// Records of one name compared with a new one at most: past this many rows of
    /// the same name with different lifetimes, a row stays a record of its own
    /// (keeps hostile input linear).
    const MAX_CANDIDATES: usize = 16;
    /// No record: the end of a chain in `next`.
    const NONE: usize = usize::MAX;
    // Merged in place: records kept move down to `kept`, so there is one vector of
    // cookies, not a second one as long. A record's name is found by its hash: the
    // first and last kept record of each name hash, and for each kept record the next
    // one of the same hash (a chain in input order), with the names compared; no name
    // is copied for the lookup.
    let mut heads: FastMap<u64, (usize, usize)> = FastMap::default();
    let mut next: Vec<usize> = Vec::new();
    // The purposes of the kept records that others were merged into, so that merging
    // stays linear in the number of cookies; a record's are only listed when the first
    // record is merged into it (most never are).
    let mut seen: HashSet<(usize, String)> = HashSet::new();
    let mut listed: FastSet<usize> = FastSet::default();
    // keyed SipHash, as the std maps: names that collide on purpose would chain
    let keys = std::collections::hash_map::RandomState::new();
    let hash = |name: &str| {
        use std::hash::BuildHasher;
        keys.hash_one(name)
    };
    let mut kept = 0;
    for r in 0..cookies.len() {
        let (c, c_own) = std::mem::replace(&mut cookies[r], (placeholder(), false));
        let h = hash(&c.name);
        let mut same = None;
        let mut at = heads.get(&h).map_or(NONE, |e| e.0);
        let mut tried = 0;
        while at != NONE && tried < MAX_CANDIDATES {
            let o = &cookies[at].0;
            if o.name == c.name {
                tried += 1;
                let same_life = match (&o.duration, &c.duration) {
                    (Some(a), Some(b)) => a.iso8601 == b.iso8601 && a.kind == b.kind,
                    _ => true,
                };
                if same_life && domain_of(o) == domain_of(&c) {
                    same = Some(at);
                    break;
                }
            }
            at = next[at];
        }
        match same {
            Some(i) => {
                if listed.insert(i) {
                    for p in &cookies[i].0.purposes {
                        seen.insert((i, p.clone()));
                    }
                }
                let (o, own) = &mut cookies[i];
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
                    || (c_own && !*own && c.category != Category::Unknown)
                {
                    o.category = c.category;
                    o.category_declared = c.category_declared;
                    *own = c_own;
                }
                for (k, v) in c.extra {
                    o.extra.entry(k).or_insert(v);
                }
                // `span` stays the first record's; `spans` keeps every one, in input order
                o.spans.extend(c.spans);
            }
            None => {
                let i = kept;
                heads
                    .entry(h)
                    .and_modify(|e| {
                        next[e.1] = i;
                        e.1 = i;
                    })
                    .or_insert((i, i));
                next.push(NONE);
                cookies[i] = (c, c_own);
                kept += 1;
            }
        }
    }
    cookies.truncate(kept);
    // (collected in place: the same allocation)
    cookies.into_iter().map(|(c, _)| c).collect()
}

/// A cookie that holds no allocation: what a record moved out of the list leaves.
fn placeholder() -> Cookie {
    Cookie {
        name: String::new(),
        provider: None,
        purposes: Vec::new(),
        duration: None,
        category: Category::Unknown,
        category_declared: None,
        extra: BTreeMap::new(),
        span: Span { start: 0, end: 0 },
        spans: Vec::new(),
    }
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
    use crate::fields::repair::Fragment;

    /// A table kept as its page's source wrote it: names apart by a line break tag
    /// are two names, a description's tag a space, references their characters.
    #[test]
    fn markup_left_in_cells() {
        let p = crate::parse_policy(
            "| Name | Provider | Purpose | Expiry |\n|---|---|---|---|\n\
             | _ga<br>_gid | Meta&nbsp;Platforms | Counts.<br/>Ads &amp; more. | 3&nbsp;months |\n",
        );
        let got: Vec<(&str, Option<&str>, String, Option<&str>)> = p
            .cookies
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.provider.as_deref(),
                    c.purposes.join(" "),
                    c.duration.as_ref().and_then(|d| d.iso8601.as_deref()),
                )
            })
            .collect();
        let want = |n| {
            (
                n,
                Some("Meta Platforms"),
                "Counts. Ads & more.".to_string(),
                Some("P3M"),
            )
        };
        assert_eq!(got, [want("_ga"), want("_gid")]);
    }

    /// A service's name under a name key, kept as an unnamed field once the cookies
    /// are named (`Name: Perfect Audience`, its provider key naming the site's owner),
    /// declares no category, though one of its words is a category's.
    #[test]
    fn a_service_name_declares_no_category() {
        let p = crate::parse_policy(
            "Marketing (1)\nName: Perfect Audience\nProvider: Owner of this website, Imprint\n\
             Purpose: Shows ads.\nCookie Name: pa_uid, pa_ts\nCookie Expiry: 1 year\n",
        );
        assert_eq!(p.cookies.len(), 2);
        assert!(p
            .cookies
            .iter()
            .all(|c| c.category == Category::Advertising));
        assert!(p.cookies.iter().all(|c| c.provider.is_none()));
    }

    /// Sentences that state the lifetime: a lifetime key as the subject, a lifetime
    /// verb near the start, or a lifetime between common words and a verb at the
    /// end (German and Dutch put the participle last).
    #[test]
    fn lifetime_key_sentences() {
        for (text, want, left) in [
            ("Zählt. Es wird 2 Jahre gespeichert.", "2 Jahre", "Zählt."),
            ("Telt. Deze wordt 2 jaar bewaard.", "2 jaar", "Telt."),
            // (the cookie word and a preposition among the words before the lifetime)
            (
                "Zählt. Die Cookies werden bis zu 2 Jahre gespeichert.",
                "bis zu 2 Jahre",
                "Zählt.",
            ),
            (
                "Telt. De cookies worden maximaal 13 maanden bewaard.",
                "maximaal 13 maanden",
                "Telt.",
            ),
            (
                "Stores a thing. Die Speicherdauer beträgt 90 Tage.",
                "90 Tage",
                "Stores a thing.",
            ),
            (
                "Stores. Sa durée de vie est de 13 mois.",
                "de 13 mois",
                "Stores.",
            ),
            (
                "The retention period is 2 years. Stores.",
                "2 years",
                "Stores.",
            ),
            ("Stores. La sua durata è di 6 mesi.", "6 mesi", "Stores."),
            (
                "Stores. Es wird nach 3 Monaten gelöscht.",
                "3 Monaten gelöscht",
                "Stores.",
            ),
            (
                "Stores. It is deleted at the end of the session.",
                "at the end of the session",
                "Stores.",
            ),
        ] {
            let mut p = text.to_string();
            assert_eq!(
                take_lifetime_sentence(&mut p).as_deref(),
                Some(want),
                "{text}"
            );
            assert_eq!(p, left, "{text}");
        }
        // a key and a lifetime far apart, or a verb that states no lifetime: no lifetime
        for text in [
            "The retention period depends on your settings for up to 2 years of data.",
            "Es wird verwendet, um die Besuche der letzten 30 Tage zu zählen.",
            "Es zählt die Besuche der letzten 30 Tage.",
            "It keeps 2 years of data for analysis and reporting.",
            "Stores 30 days.",
        ] {
            let mut p = text.to_string();
            assert_eq!(take_lifetime_sentence(&mut p), None, "{text}");
        }
    }

    /// A sentence that only says the cookie's kind gives the lifetime and leaves the
    /// purpose; a kind of cookie among other words, or after words that are not
    /// common, is the purpose's.
    #[test]
    fn kind_sentences() {
        for (text, kind, left) in [
            (
                "Stores. It is a session cookie.",
                DurationKind::Session,
                "Stores.",
            ),
            (
                "Compte. C'est un cookie de session.",
                DurationKind::Session,
                "Compte.",
            ),
            (
                "Zählt. Es handelt sich um ein Session-Cookie.",
                DurationKind::Session,
                "Zählt.",
            ),
            (
                "Telt. Dit is een sessiecookie.",
                DurationKind::Session,
                "Telt.",
            ),
            (
                "È un cookie di sessione. Conta.",
                DurationKind::Session,
                "Conta.",
            ),
            (
                "Counts. It is a persistent cookie.",
                DurationKind::Persistent,
                "Counts.",
            ),
        ] {
            let mut p = text.to_string();
            let got = take_kind_sentence(&mut p);
            assert_eq!(got.map(|g| parse_duration(&g).kind), Some(kind), "{text}");
            assert_eq!(p, left, "{text}");
        }
        for text in [
            "Used for the session.",
            "Stores the session cookie ID.",
            "Keeps the session cookie.",
            "Session cookie set when you log in.",
        ] {
            let mut p = text.to_string();
            assert_eq!(take_kind_sentence(&mut p), None, "{text}");
            assert_eq!(p, text);
        }
    }

    /// [`take_embedded_duration`] as it was before a description with no colon and no
    /// bracket was passed over: its words always listed and tried as keys.
    /// A description that states the provider and the lifetime itself gives them up:
    /// a closing bracketed aside of both, a labelled provider (whose key stands within
    /// one sentence: `an ad. Provider:` is the key `Provider`; the value ends at a
    /// full stop before a space, so `Inc.` loses its stop and `Parse.ly` keeps its dot).
    #[test]
    fn descriptions_give_up_what_they_state() {
        let mut p = "Distinguishes users (Google Analytics, 2 years)".to_string();
        let parts = take_closing_aside(&mut p).expect("an aside");
        assert_eq!(p, "Distinguishes users");
        assert_eq!(
            parts,
            [
                (Role::Provider, "Google Analytics".to_string()),
                (Role::Duration, "2 years".to_string())
            ]
        );
        for kept in [
            "Counts visits (see below)",
            "Counts visits (2 years, 1 day)",
            "(Google, 2 years)",
        ] {
            let mut p = kept.to_string();
            assert!(take_closing_aside(&mut p).is_none(), "{kept:?}");
            assert_eq!(p, kept);
        }
        let mut p = "Helps after clicking an ad. Provider: Meta Platforms, Inc. Expiry: 3 months."
            .to_string();
        assert_eq!(
            take_embedded_provider(&mut p).as_deref(),
            Some("Meta Platforms, Inc")
        );
        assert_eq!(p, "Helps after clicking an ad. Expiry: 3 months.");
        let mut p = "It has already been filled in. Duration: 365 days.".to_string();
        assert_eq!(take_embedded_duration(&mut p).as_deref(), Some("365 days"));
        assert_eq!(p, "It has already been filled in.");
    }

    fn take_embedded_duration_listing_words(purpose: &mut String) -> Option<String> {
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
                if purpose[s..e].contains(['.', ',', ';', '!', '?'])
                    || v.field(&purpose[s..e]) != Some(Role::Duration)
                {
                    continue;
                }
                let value_start = if bracketed { e + colon } else { e + colon + 1 };
                let rest = &purpose[value_start..];
                let stop = rest
                    .char_indices()
                    .find(|&(j, c)| {
                        c == ')'
                            || c == ';'
                            || (c == '.'
                                && !rest[j + 1..].starts_with(|d: char| d.is_ascii_digit()))
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

    /// [`take_embedded_duration`], which passes over a description with no colon and
    /// no bracket, takes what the former reading took
    /// ([`take_embedded_duration_listing_words`]) and leaves the same text: on every
    /// corpus line and made-up descriptions with statements after a colon, in
    /// brackets with and without one, and near misses (a full-width colon, no key).
    #[test]
    fn descriptions_without_colon_or_bracket_are_passed_over_as_before() {
        let made_up = [
            "Distinguishes users. Speicherdauer: 2 Jahre.",
            "Distinguishes users (bewaartermijn: 2 jaar).",
            "Distinguishes users (durée 30 jours)",
            "Distinguishes users (durée 30 jours).",
            "Duration : 1 year; used by Google",
            "Duration\u{a0}: 1 year",
            "Duration： 1 year",
            "Duration 1 year",
            "Distinguishes users (Google)",
            "Expiry: .",
            ":",
            "(",
            "",
        ];
        for line in &crate::testing::corpus_lines_and(&made_up) {
            let (mut fast, mut slow) = (line.clone(), line.clone());
            let got = take_embedded_duration(&mut fast);
            let want = take_embedded_duration_listing_words(&mut slow);
            assert_eq!((got, fast), (want, slow), "{line:?}");
        }
        let mut p = "Distinguishes users. Speicherdauer: 2 Jahre.".to_string();
        assert_eq!(take_embedded_duration(&mut p).as_deref(), Some("2 Jahre"));
    }

    /// [`take_lifetime_sentence`] as it was before sentences whose first words start
    /// no lifetime verb were passed over: every sentence's words folded and every
    /// verb tried at each of its first four words.
    fn take_lifetime_sentence_every_verb(purpose: &mut String) -> Option<String> {
        const VERB_FROM: usize = 4;
        let v = vocab();
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
            let spans: Vec<(usize, usize)> = word_spans_iter(sent)
                .take(VERB_FROM + v.lifetime_verb_words())
                .collect();
            let forms: Vec<String> = spans
                .iter()
                .map(|&(a, b)| match_form(&sent[a..b]))
                .collect();
            let refs: Vec<&str> = forms.iter().map(String::as_str).collect();
            let Some((i, n)) = (0..refs.len().min(VERB_FROM))
                .find_map(|i| v.lifetime_verb_at(&refs[i..]).map(|n| (i, n)))
            else {
                // (a lifetime key as the subject, or a lifetime before its verb, read
                // since: the same reading)
                if let Some(value) =
                    lifetime_key_sentence(sent, &spans).or_else(|| lifetime_then_verb(sent, &spans))
                {
                    let value = value.to_string();
                    purpose.replace_range(s..e, " ");
                    *purpose = fold_whitespace(purpose);
                    return Some(value);
                }
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

    /// [`take_lifetime_sentence`], which passes over a sentence none of whose first
    /// four words starts a lifetime verb, takes what the former reading took
    /// ([`take_lifetime_sentence_every_verb`]) and leaves the same text: on every
    /// corpus line and made-up descriptions with verbs of one and more words at
    /// each of the first five words of a sentence, in upper case, after other
    /// sentences, and in sentences that state no lifetime after the verb.
    #[test]
    fn sentences_without_a_verb_start_are_passed_over_as_before() {
        let made_up = [
            "It expires after 30 minutes.",
            "Expires after 30 minutes",
            "EXPIRES 2 years",
            "Distinguishes users. It expires after 2 years.",
            "Distinguishes users. This cookie typically lasts 1 day. Used by Google.",
            "The cookie data is kept for 13 months.",
            "One two three four expires 1 year.",
            "One two three four five expires 1 year.",
            "Il dure 13 mois.",
            "Le cookie est conservé 13 mois.",
            "Le cookie est conserve 13 mois",
            "Ces cookies sont conservés pendant 6 mois.",
            "Er verfällt nach 2 Jahren.",
            "Il cookie scade dopo 1 anno.",
            "It is stored for 30 days!",
            "It is stored for ever and ever.",
            "It expires. Really.",
            "It expires when you want.",
            "valid for session",
            "",
            " ",
            ".",
            "expires",
        ];
        for line in &crate::testing::corpus_lines_and(&made_up) {
            let (mut fast, mut slow) = (line.clone(), line.clone());
            let got = take_lifetime_sentence(&mut fast);
            let want = take_lifetime_sentence_every_verb(&mut slow);
            assert_eq!((got, fast), (want, slow), "{line:?}");
        }
        // the made-up lifetimes are taken, so the test reads both branches
        let mut p = "Distinguishes users. It expires after 2 years.".to_string();
        assert_eq!(
            take_lifetime_sentence(&mut p).as_deref(),
            Some("after 2 years")
        );
    }

    /// A raw record of a table row at `start` in a made-up input: the name cell, then
    /// the other cells with their roles and headers, each placed after the one before.
    fn row(
        start: usize,
        names: &'static str,
        cells: &[(Option<Role>, &str, &'static str)],
    ) -> RawRecord<'static> {
        let mut at = start;
        let mut frag = |text: &'static str| {
            let f = Fragment { text, offset: at };
            at += text.len() + 1;
            f
        };
        let names = frag(names);
        let fields = cells
            .iter()
            .map(|&(role, header, text)| Field {
                role,
                header: header.into(),
                value: frag(text).into(),
            })
            .collect();
        RawRecord {
            names: names.into(),
            fields,
            span: Span::new(start, at),
            category: None,
            provider: None,
            provider_heading: false,
            kind_hint: None,
            name_cell: true,
        }
    }

    /// The cookies, warnings and repairs of a document of these records, repair on.
    fn built(records: Vec<RawRecord<'static>>) -> (Vec<Cookie>, Vec<Warning>, Vec<Repair>) {
        let raw = RawDoc {
            records,
            ..RawDoc::default()
        };
        let (mut warnings, mut repairs) = (Vec::new(), Vec::new());
        let cookies = build(raw, Some("en"), Mend::All, &mut warnings, &mut repairs);
        (cookies, warnings, repairs)
    }

    /// A description with mojibake in it: repaired when its record is kept.
    const DAMAGED: (Option<Role>, &str, &str) = (
        Some(Role::Purpose),
        "Purpose",
        "Stores the prÃ©fÃ©rences of the visit",
    );

    #[test]
    fn kept_record_keeps_its_repairs() {
        let (cookies, warnings, repairs) = built(vec![row(0, "_uid", &[DAMAGED])]);
        assert_eq!(cookies.len(), 1);
        assert_eq!(cookies[0].purposes, ["Stores the préférences of the visit"]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(!repairs.is_empty());
    }

    #[test]
    fn rejected_record_leaves_no_repairs() {
        let typed = (Some(Role::Type), "Type", "HTML Local Storage");
        let no_cookie = (
            Some(Role::Purpose),
            "Purpose",
            "PrÃ©fÃ©rences tool, sets no cookies",
        );
        // the damaged cell comes before what rejects the record: it is read, and
        // repaired, before the record is known to be no cookie
        for (rec, kind) in [
            (row(0, "_uid", &[DAMAGED, typed]), WarningKind::NotACookie),
            (row(0, "_uid", &[no_cookie]), WarningKind::NotACookie),
            // every name left out: no cookie is left for the repairs to belong to
            (row(0, "[cookie name]", &[DAMAGED]), WarningKind::NotACookie),
            (
                row(0, "one two three four five six seven", &[DAMAGED]),
                WarningKind::Unreadable,
            ),
        ] {
            let names = rec.names[0].text;
            let (cookies, warnings, repairs) = built(vec![rec]);
            assert!(cookies.is_empty(), "{names}: {cookies:?}");
            assert_eq!(warnings.len(), 1, "{names}: {warnings:?}");
            assert_eq!(warnings[0].kind, kind, "{names}");
            assert!(repairs.is_empty(), "{names}: {repairs:?}");
        }
    }

    #[test]
    fn only_kept_records_repairs_reach_the_document() {
        let kept = row(0, "_uid", &[DAMAGED]);
        let kept_span = kept.span;
        let rejected = row(
            100,
            "_lsid",
            &[DAMAGED, (Some(Role::Type), "Type", "Pixel Tracker")],
        );
        let (cookies, warnings, repairs) = built(vec![kept, rejected]);
        assert_eq!(cookies.len(), 1);
        assert_eq!(warnings.len(), 1);
        assert!(!repairs.is_empty());
        for r in &repairs {
            assert!(
                r.span.end <= kept_span.end,
                "{r:?} is not the kept record's"
            );
        }
    }

    #[test]
    fn names() {
        let read = |rec: &RawRecord<'_>| {
            read_names(rec, Some("en"))
                .map(|n| n.list.into_iter().map(|n| n.name).collect::<Vec<_>>())
        };
        let mut rec = row(0, "_pk_id.", &[]);
        assert_eq!(read(&rec).unwrap(), ["_pk_id."]);
        // out of a cell of its own the full stop ends a sentence
        rec.name_cell = false;
        assert_eq!(read(&rec).unwrap(), ["_pk_id"]);
        assert_eq!(read(&row(0, "_ga, _gid", &[])).unwrap(), ["_ga", "_gid"]);
        assert!(read(&row(0, "  ", &[])).is_none());

        assert_eq!(
            with_full_stop("_pk_id.", "_pk_id").as_deref(),
            Some("_pk_id.")
        );
        assert_eq!(with_full_stop("_pk_id", "_pk_id"), None);
        assert_eq!(with_full_stop("_pk_id..", "_pk_id"), None);
        assert_eq!(with_full_stop("Session.", "Session"), None);
        assert_eq!(with_full_stop("my_id x.", "my_id x"), None);
    }

    #[test]
    fn normalised_values() {
        let rec = row(
            0,
            "_uid",
            &[
                (Some(Role::Provider), "Provider", "MÃ¼ller GmbH"),
                (Some(Role::Purpose), "Purpose", "MÃ¼ller   analytics"),
                (None, "Notes", "   "),
            ],
        );
        let (values, repairs) = normalise(&rec.fields, Some("de"), Mend::All);
        let texts: Vec<&str> = values.iter().map(|v| v.text.as_str()).collect();
        // a provider is a name: never respelled; an empty value goes
        assert_eq!(texts, ["MÃ¼ller GmbH", "Müller analytics"]);
        assert_eq!(values[1].header, "Purpose");
        assert_eq!(repairs.len(), 1, "{repairs:?}");
        assert_eq!(repairs[0].after, "ü");
        let (_, repairs) = normalise(&rec.fields, Some("de"), Mend::Off);
        assert!(repairs.is_empty());
    }

    /// The fields of one row's cells, read as the record stage reads them.
    fn fields(cells: &[(Option<Role>, &str, &'static str)]) -> Fields {
        let rec = row(0, "_x", cells);
        classify(normalise(&rec.fields, Some("en"), Mend::All).0)
    }

    /// A field no header names is the lifetime when its whole value is one and no
    /// duration cell states one (`Storage time: 2 years`); otherwise it stays an extra
    /// cell, and a description that mentions a lifetime is no lifetime.
    #[test]
    fn unnamed_lifetimes() {
        let duration = Some(Role::Duration);
        let alone = fields(&[(None, "Storage time", "2 years")]);
        assert_eq!(alone.duration.as_deref(), Some("2 years"));
        assert!(alone.extra.is_empty());
        let session = fields(&[(None, "Houdbaarheid", "Session")]);
        assert_eq!(session.duration.as_deref(), Some("Session"));
        let stated = fields(&[(None, "Kept for", "2 years"), (duration, "Expiry", "1 day")]);
        assert_eq!(stated.duration.as_deref(), Some("1 day"));
        assert_eq!(stated.extra["Kept for"], "2 years");
        let prose = fields(&[(None, "Notes", "Kept for 2 years after your visit")]);
        assert_eq!(prose.duration, None);
        let vague = fields(&[(None, "Notes", "Persistent")]);
        assert_eq!(vague.duration, None);
    }

    #[test]
    fn classified_providers() {
        let p = |cells: &[(Option<Role>, &str, &'static str)]| fields(cells).provider;
        let provider = Some(Role::Provider);
        assert_eq!(p(&[]), ProviderCell::Absent);
        assert_eq!(
            p(&[(provider, "Provider", "Hotjar (third party)")]),
            ProviderCell::Vendor("Hotjar".into())
        );
        // a party said only in the aside: the name before it, known or not
        for (cell, vendor) in [
            ("Alisios Van (first-party)", "Alisios Van"),
            ("Velqora GmbH (Drittanbieter)", "Velqora GmbH"),
        ] {
            let f = fields(&[(provider, "Provider", cell)]);
            assert_eq!(f.provider, ProviderCell::Vendor(vendor.into()));
            assert_eq!(f.extra["Provider"], cell);
        }
        assert_eq!(
            p(&[(provider, "Provider", "Third party (first-party)")]),
            ProviderCell::NoVendor
        );
        let party = fields(&[(provider, "Provider", "First party")]);
        assert_eq!(party.provider, ProviderCell::NoVendor);
        assert_eq!(party.extra["Provider"], "First party");
        assert_eq!(
            p(&[(provider, "Provider", "Third party (Google)")]),
            ProviderCell::Vendor("Google".into())
        );
        assert_eq!(
            p(&[
                (provider, "Provider", ".example.com"),
                (provider, "Service", "Stripe View Service Privacy Policy"),
            ]),
            ProviderCell::Vendor("Stripe".into())
        );
        // a second slot after a vendor is kept as it is
        let two = fields(&[
            (provider, "Provider", "Hotjar"),
            (provider, "Service", "Stripe"),
        ]);
        assert_eq!(two.provider, ProviderCell::Vendor("Hotjar".into()));
        assert_eq!(two.extra["Service"], "Stripe");
        // a service no list knows, after a host or a party: named before the link's
        // label (a host too, there) or alone, in a few words
        for (first, service, want) in [
            (
                ".example.com",
                "Velqora View Service Privacy Policy",
                "Velqora",
            ),
            (
                ".example.com",
                "Consentmanager.net View Service Privacy Policy",
                "Consentmanager.net",
            ),
            (
                "creative-serving.com (3rd party)",
                "Platform161 View Service Privacy Policy",
                "Platform161",
            ),
            (".example.com", "Trambix Chat", "Trambix Chat"),
        ] {
            let f = fields(&[
                (provider, "Provider", first),
                (provider, "Service", service),
            ]);
            assert_eq!(f.provider, ProviderCell::Vendor(want.into()), "{service}");
        }
        // … not a host alone, nor a sentence
        for service in [
            "cdn.example.org",
            "This service is used by the shop to count visits",
        ] {
            let f = fields(&[
                (provider, "Provider", ".example.com"),
                (provider, "Service", service),
            ]);
            assert_eq!(
                f.provider,
                ProviderCell::Vendor(".example.com".into()),
                "{service}"
            );
        }
        // the link's label after a first slot's name is no part of it
        assert_eq!(
            p(&[(provider, "Service", "Orabix Politique de confidentialité")]),
            ProviderCell::Vendor("Orabix".into())
        );
    }

    #[test]
    fn classified_fields() {
        let typed = fields(&[(Some(Role::Type), "Type", "Session")]);
        assert_eq!(typed.type_duration.as_deref(), Some("Session"));
        assert_eq!(typed.types, ["Session"]);
        assert_eq!(typed.extra["Type"], "Session");

        let labelled = fields(&[(Some(Role::Type), "Type", "Analytics")]);
        assert_eq!(labelled.category.map(|c| c.0), Some(Category::Analytics));
        assert_eq!(labelled.type_duration, None);

        let unnamed = fields(&[
            (None, "Module", "Functional"),
            (None, "Notes", "Remembers the chosen language"),
            (None, "Flag", "yes"),
        ]);
        assert_eq!(unnamed.category.map(|c| c.0), Some(Category::Functional));
        assert_eq!(unnamed.purposes, ["Remembers the chosen language"]);
        assert_eq!(unnamed.extra.len(), 3);

        // a consent column's cell says consent is asked, no category
        for (header, value) in [("Einwilligung", "Erforderlich"), ("Consent", "Required")] {
            let consent = fields(&[(None, header, value)]);
            assert_eq!(consent.category, None, "{header}: {value}");
            assert_eq!(consent.extra[header], value);
        }
        let module = fields(&[(None, "Modul", "Erforderlich")]);
        assert_eq!(module.category.map(|c| c.0), Some(Category::Necessary));

        let described = fields(&[
            (Some(Role::Purpose), "Purpose", "Keeps the session"),
            (None, "Notes", "Remembers the chosen language"),
            (Some(Role::Duration), "Expiry", "2 years"),
            (Some(Role::Duration), "Max age", "63072000"),
        ]);
        assert_eq!(described.purposes, ["Keeps the session"]);
        assert_eq!(described.duration.as_deref(), Some("2 years"));
        assert_eq!(described.extra["Max age"], "63072000");
        assert!(!described.extra.contains_key("Expiry"));
    }

    #[test]
    fn rejections() {
        let typed = |t: &'static str| reject("_x", &fields(&[(Some(Role::Type), "Type", t)]));
        assert_eq!(
            typed("HTML Local Storage"),
            Err(Rejection::TypedNotCookie {
                names: "_x".into(),
                typed: "HTML Local Storage".into()
            })
        );
        assert_eq!(typed("HTTP/LocalStorage"), Ok(()));
        assert_eq!(typed("Persistent"), Ok(()));

        let purpose = Some(Role::Purpose);
        assert_eq!(
            reject("_x", &fields(&[(purpose, "Purpose", "Sets no cookies")])),
            Err(Rejection::SetsNoCookie { names: "_x".into() })
        );
        // beside another description, or in a long one, it speaks of something else
        assert_eq!(
            reject(
                "_x",
                &fields(&[
                    (purpose, "Purpose", "Sets no cookies"),
                    (purpose, "Note", "Counts visits")
                ])
            ),
            Ok(())
        );
        assert_eq!(
            reject(
                "_x",
                &fields(&[(
                    purpose,
                    "Purpose",
                    "Remembers that the visitor chose to have no cookies set at all"
                )])
            ),
            Ok(())
        );
    }

    #[test]
    fn name_rejections() {
        let name = |name: &str, gloss: Option<&str>| {
            reject_name(&Name {
                name: name.into(),
                gloss: gloss.map(str::to_string),
            })
        };
        assert_eq!(name("_ga", None), Ok(()));
        assert_eq!(name("__lc_cid", Some("customerID")), Ok(()));
        assert_eq!(
            name("[cookie name]", None),
            Err(Rejection::Placeholder("[cookie name]".into()))
        );
        assert_eq!(
            name("cookie consent", Some("localStorage: cc_v1")),
            Err(Rejection::LocalStorage("cookie consent".into()))
        );
        assert_eq!(
            name("Contact Points", Some("no Cookie")),
            Err(Rejection::NoCookieGloss("Contact Points".into()))
        );
        let sentence = "this is a sentence and not a name";
        assert_eq!(
            name(sentence, None),
            Err(Rejection::TooLong(sentence.into()))
        );
        let w = Rejection::TooLong(sentence.into()).warning(Span::new(3, 9));
        assert_eq!(w.kind, WarningKind::Unreadable);
        assert_eq!(w.span, Span::new(3, 9));
    }

    #[test]
    fn lifetime_text() {
        let owned = |ps: &[&str]| ps.iter().map(|p| p.to_string()).collect::<Vec<_>>();
        let take = |cell: Option<&str>, typed: Option<&str>, ps: &[&str]| {
            take_lifetime(cell.map(Into::into), typed.map(Into::into), owned(ps))
        };
        // a duration cell, then a type's kind of lifetime; the description is left as is
        let clause = ["Distinguishes users, 24 hours."];
        assert_eq!(
            take(Some("2 years"), Some("Session"), &clause),
            (Some("2 years".into()), owned(&clause))
        );
        assert_eq!(
            take(None, Some("Session"), &clause),
            (Some("Session".into()), owned(&clause))
        );
        // else the first description that states one gives it up; one that was only
        // that goes
        assert_eq!(
            take(
                None,
                None,
                &[
                    "Speicherdauer: 2 Jahre.",
                    "Zählt Besuche. Speicherdauer: 1 Jahr."
                ]
            ),
            (
                Some("2 Jahre".into()),
                owned(&["Zählt Besuche. Speicherdauer: 1 Jahr."])
            )
        );
        assert_eq!(
            take(None, None, &clause),
            (Some("24 hours".into()), owned(&["Distinguishes users"]))
        );
        assert_eq!(
            take(None, None, &["Distinguishes users."]),
            (None, owned(&["Distinguishes users."]))
        );
    }

    #[test]
    fn lifetimes_of_names() {
        let text = |d: Option<Duration>| d.map(|d| d.text);
        let paired = lifetimes(Some("1 year, 30 days"), None, 2);
        assert_eq!(text(paired.of(0)).as_deref(), Some("1 year"));
        assert_eq!(text(paired.of(1)).as_deref(), Some("30 days"));
        // as many lifetimes as names, or one for all
        let shared = lifetimes(Some("1 year, 30 days"), None, 3);
        assert!(shared.paired.is_none());
        assert_eq!(text(shared.of(2)).as_deref(), Some("1 year, 30 days"));

        // a list of lifetimes paired by `respectively` (commas and joiners between)
        for (t, want) in [
            (
                "1 year and 30 minutes respectively",
                &["1 year", "30 minutes"][..],
            ),
            (
                "2 ans, 1 jour et 1 minute respectivement",
                &["2 ans", "1 jour", "1 minute"],
            ),
        ] {
            let paired = lifetimes(Some(t), None, want.len());
            for (k, w) in want.iter().enumerate() {
                assert_eq!(text(paired.of(k)).as_deref(), Some(*w), "{t}");
            }
        }
        // without it, `and` joins one lifetime (`1 year and 6 months`)
        let one = lifetimes(Some("1 year and 6 months"), None, 2);
        assert!(one.paired.is_none());
        assert_eq!(one.of(1).and_then(|d| d.iso8601).as_deref(), Some("P1Y6M"));

        let hinted = lifetimes(
            None,
            Some(&(DurationKind::Session, "session cookie".into())),
            1,
        );
        assert_eq!(hinted.of(0).map(|d| d.kind), Some(DurationKind::Session));
        assert!(lifetimes(None, None, 1).of(0).is_none());

        let span = Span::new(0, 4);
        assert!(lifetimes(Some("2 years"), None, 1)
            .unreadable(span)
            .is_none());
        assert!(lifetimes(None, None, 1).unreadable(span).is_none());
        let w = lifetimes(Some("see our notice"), None, 1).unreadable(span);
        assert_eq!(w.map(|w| w.kind), Some(WarningKind::Unreadable));
    }

    #[test]
    fn providers() {
        let section = "Google Analytics".to_string();
        let resolve = |column: ProviderCell, purposes: &[&str], heading: bool| {
            let purposes: Vec<String> = purposes.iter().map(|p| p.to_string()).collect();
            resolve_provider(
                column,
                Some("Typed Vendor".into()),
                &purposes,
                Some(&section),
                heading,
            )
        };
        let hotjar = ["Set by Hotjar to count visits"];
        // a provider column says it
        assert_eq!(
            resolve(ProviderCell::Vendor("Matomo".into()), &hotjar, true).as_deref(),
            Some("Matomo")
        );
        // a column that names no vendor keeps the section's provider out
        assert_eq!(
            resolve(ProviderCell::NoVendor, &hotjar, true).as_deref(),
            Some("Hotjar")
        );
        assert_eq!(
            resolve(ProviderCell::NoVendor, &[], true).as_deref(),
            Some("Typed Vendor")
        );
        // a heading names its block's provider before the description's company …
        assert_eq!(
            resolve(ProviderCell::Absent, &hotjar, true).as_deref(),
            Some("Google Analytics")
        );
        // … unless the description names the same service more fully
        assert_eq!(
            resolve(
                ProviderCell::Absent,
                &["Google Analytics 4 (2 years)"],
                true
            )
            .as_deref(),
            Some("Google Analytics 4")
        );
        // a provider named by prose only fills a gap
        assert_eq!(
            resolve(ProviderCell::Absent, &hotjar, false).as_deref(),
            Some("Hotjar")
        );
        assert_eq!(
            resolve(ProviderCell::Absent, &[], false).as_deref(),
            Some("Typed Vendor")
        );
        assert_eq!(
            resolve_provider(ProviderCell::Absent, None, &[], Some(&section), false).as_deref(),
            Some("Google Analytics")
        );
        assert_eq!(
            resolve_provider(ProviderCell::Absent, None, &[], None, true),
            None
        );
    }

    #[test]
    fn categories() {
        let own = Some((Category::Advertising, "Marketing".to_string()));
        let section = Some((Category::Analytics, "Analytics cookies".to_string()));
        let doc = Some((Category::Necessary, "only necessary cookies".to_string()));
        let declared = |c: (Category, Option<String>)| (c.0, c.1.unwrap_or_default());
        assert_eq!(
            declared(resolve_category(own.clone(), &section, &doc)),
            (Category::Advertising, "Marketing".into())
        );
        assert_eq!(
            declared(resolve_category(None, &section, &doc)),
            (Category::Analytics, "Analytics cookies".into())
        );
        assert_eq!(
            declared(resolve_category(None, &None, &doc)),
            (Category::Necessary, "only necessary cookies".into())
        );
        assert_eq!(
            resolve_category(None, &None, &None),
            (Category::Unknown, None)
        );
    }

    #[test]
    fn emitted_cookies() {
        let rec = row(
            0,
            "_a (first), _b",
            &[
                (Some(Role::Purpose), "Purpose", "Counts visits"),
                (Some(Role::Duration), "Expiry", "1 year, 30 days"),
                (Some(Role::Type), "Type", "Analytics"),
                (None, "Host", ".example.com"),
            ],
        );
        let span = rec.span;
        let (cookies, warnings, _) = built(vec![rec]);
        assert!(warnings.is_empty(), "{warnings:?}");
        let got: Vec<_> = cookies
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.duration.as_ref().map(|d| d.text.as_str()),
                    c.extra.get("gloss").map(String::as_str),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("_a", Some("1 year"), Some("first")),
                ("_b", Some("30 days"), None)
            ]
        );
        for c in &cookies {
            assert_eq!(c.category, Category::Analytics);
            assert_eq!(c.category_declared.as_deref(), Some("Analytics"));
            assert_eq!(c.purposes, ["Counts visits"]);
            assert_eq!(c.extra["Host"], ".example.com");
            assert_eq!(c.spans, [span]);
        }
    }

    /// A name's gloss that is wholly a lifetime (`_ga (2 years)` under `Cookie
    /// (expiry)`) is the cookie's lifetime when its record states none; beside a
    /// stated lifetime, or when it is no lifetime, it stays a gloss.
    #[test]
    fn a_gloss_that_is_a_lifetime() {
        let mut extra = BTreeMap::new();
        let d = glossed_lifetime(None, Some("2 years".into()), &mut extra);
        assert_eq!(d.and_then(|d| d.iso8601), Some("P2Y".into()));
        assert!(extra.is_empty());
        let d = glossed_lifetime(None, Some("session".into()), &mut extra);
        assert_eq!(d.map(|d| d.kind), Some(DurationKind::Session));
        assert!(extra.is_empty());
        let d = glossed_lifetime(None, Some("customerID".into()), &mut extra);
        assert!(d.is_none());
        assert_eq!(extra.get("gloss").map(String::as_str), Some("customerID"));
        let stated = parse_duration("1 day");
        let d = glossed_lifetime(Some(stated), Some("2 years".into()), &mut extra);
        assert_eq!(d.map(|d| d.text), Some("1 day".into()));
        assert_eq!(extra.get("gloss").map(String::as_str), Some("2 years"));
        let text = "Cookie (expiry)\tSet by\tPurpose\n_ga (2 years)\tGoogle\tCounts.\n\
                    _gid (24 hours)\tGoogle\tCounts.\n";
        let got: Vec<_> = crate::parse_policy(text)
            .cookies
            .into_iter()
            .map(|c| (c.name, c.duration.and_then(|d| d.iso8601)))
            .collect();
        assert_eq!(
            got,
            [
                ("_ga".into(), Some("P2Y".into())),
                ("_gid".into(), Some("PT24H".into()))
            ]
        );
    }

    /// [`emit_owned`], which moves the record's values into its last cookie, gives
    /// the cookie [`emit`] copies them into: for records made of every corpus line
    /// (as purpose, provider, declared category, extra cell and lifetime text) with
    /// one to three names, the lifetimes paired with the names where the line lists
    /// as many.
    #[test]
    fn emitted_owned_is_emitted() {
        let made_up = [
            "1 year, 30 days",
            "Session; 2 hours; 1 day",
            "_a (first), _b",
            "",
        ];
        let span = Span::new(3, 9);
        for line in &crate::testing::corpus_lines_and(&made_up) {
            let mut names = split_names(line);
            names.truncate(3);
            for n in 0..3 {
                let gloss = (n == 1).then(|| line.clone());
                for (k, name) in names.iter().enumerate() {
                    let resolved = || Resolved {
                        purposes: vec![line.clone(), "Counts visits".to_string()],
                        provider: Some(line.clone()),
                        lifetimes: lifetimes(Some(line), None, names.len()),
                        category: Category::Analytics,
                        declared: Some(line.clone()),
                        own_category: true,
                        extra: BTreeMap::from([("Host".to_string(), line.clone())]),
                    };
                    let name = Name {
                        gloss: name.gloss.clone().or_else(|| gloss.clone()),
                        ..name.clone()
                    };
                    assert_eq!(
                        emit_owned(name.clone(), k, resolved(), span),
                        emit(name, k, &resolved(), span),
                        "{line:?} {k}"
                    );
                }
                names.push(Name {
                    name: format!("_n{n}"),
                    gloss: None,
                });
            }
        }
    }

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
    fn markdown_links_read_as_their_text() {
        for (text, want) in [
            ("[Google](https://policies.google.com)", "Google"),
            (
                "[Stripe](https://stripe.com \"Privacy\") payments",
                "Stripe payments",
            ),
            (
                "See [our page ![]()](https://x.example/(a)) now",
                "See our page  now",
            ),
            ("![logo](a.png)Hotjar", "Hotjar"),
            ("[not a link] and (this)", "[not a link] and (this)"),
            ("[open](never closed", "[open](never closed"),
            ("_ga", "_ga"),
        ] {
            assert_eq!(unlink(text), want, "{text:?}");
        }
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
