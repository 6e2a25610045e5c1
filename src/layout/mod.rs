//! Stage 4: layouts. Walks the lines once; at each line the layout parsers are
//! tried in turn, and the first that recognises a block there consumes it and
//! emits raw records. Lines no parser takes are headings or prose: they update
//! the section [`Context`] (declared category, provider) and may name cookies.

use crate::fields::repair::{Fragment, Frags};
use crate::policy::{Category, DurationKind, Span, Warning, WarningKind};
use crate::segment::Line;
use crate::vocab::Role;

mod bare_keys;
mod cards;
mod cells;
mod context;
mod delimited;
mod evidence;
mod fused;
mod glued;
mod keyvalue;
mod labels;
mod list;
mod pages;
mod pipe;
mod prose;
pub(crate) mod spaced;
mod tab;
mod table;
mod transposed;

pub(crate) use context::Context;
pub(crate) use prose::closing_aside;

/// One field of a raw record: the cell or key value, with the header it stood under.
#[derive(Debug, Clone)]
pub(crate) struct Field<'a> {
    /// What the header or key says the value is; `None` for other columns.
    pub role: Option<Role>,
    /// The header or key as written (whitespace folded). Shared: a table's rows all
    /// carry their column's header, which is not copied for each cell.
    pub header: std::rc::Rc<str>,
    /// The value's pieces of input text.
    pub value: Frags<'a>,
}

/// What a layout parser read for one row, block or sentence, before normalisation.
#[derive(Debug, Clone)]
pub(crate) struct RawRecord<'a> {
    /// The name cell or key value (may list several names).
    pub names: Frags<'a>,
    /// Every other cell or key, in reading order.
    pub fields: Vec<Field<'a>>,
    /// The source lines.
    pub span: Span,
    /// The category the section declares, with the heading as written.
    pub category: Option<(Category, String)>,
    /// The provider the section names.
    pub provider: Option<String>,
    /// The provider was named by a heading, group row or card title (it wins over a
    /// company named in the description); otherwise by prose (it only fills a gap).
    pub provider_heading: bool,
    /// A kind stated next to the name (`a session cookie asp.net_sessionID`).
    pub kind_hint: Option<(DurationKind, String)>,
    /// The names fill a cell of their own (a table's name column, a card's name):
    /// a full stop at the end is the name's (`_pk_id.`, a prefix), not a sentence's.
    pub name_cell: bool,
}

impl<'a> RawRecord<'a> {
    pub(crate) fn new(names: impl Into<Frags<'a>>, span: Span, ctx: &Context) -> Self {
        RawRecord {
            names: names.into(),
            fields: Vec::new(),
            span,
            category: ctx.category.clone(),
            provider: ctx.provider.clone(),
            provider_heading: ctx.provider_heading,
            kind_hint: None,
            name_cell: false,
        }
    }

    /// `Name: Google Analytics` … `Cookie Name: _ga, _gid` (Borlabs', Complianz'
    /// service boxes): the name read first was the service's, which becomes the
    /// provider (unless a provider key was read already: then an extra field under
    /// `service_key`), and `cookies` are the names.
    pub(crate) fn name_the_cookies(&mut self, cookies: impl Into<Frags<'a>>, service_key: &str) {
        let service = std::mem::replace(&mut self.names, cookies.into());
        let role = if self.fields.iter().any(|f| f.role == Some(Role::Provider)) {
            None
        } else {
            Some(Role::Provider)
        };
        self.fields.insert(
            0,
            Field {
                role,
                header: service_key.into(),
                value: service,
            },
        );
    }

    /// A record whose name was read among its fields (a key-value block or card whose
    /// name key is not first): the name stands alone in its slot; none when nothing
    /// but the name was read.
    pub(crate) fn named(
        name: Fragment<'a>,
        fields: Vec<(Option<Role>, &str, Fragment<'a>)>,
        span: Span,
        ctx: &Context,
    ) -> Option<Self> {
        if fields.is_empty() {
            return None;
        }
        let mut rec = RawRecord::new(vec![name], span, ctx);
        rec.name_cell = true;
        for (role, key, f) in fields {
            rec.push(role, key, f);
        }
        Some(rec)
    }

    /// Add a field; empty values are dropped, and so are values that state nothing
    /// (`-`, `n/a`: [`Vocab::is_placeholder`](crate::vocab::Vocab::is_placeholder)).
    pub(crate) fn push(&mut self, role: Option<Role>, header: &str, value: impl Into<Frags<'a>>) {
        self.push_with(role, value.into(), || {
            std::rc::Rc::from(&*crate::fields::text::fold_whitespace_cow(header))
        });
    }

    /// [`RawRecord::push`] with a header already folded and shared (a table's column).
    pub(crate) fn push_shared(
        &mut self,
        role: Option<Role>,
        header: &std::rc::Rc<str>,
        value: impl Into<Frags<'a>>,
    ) {
        self.push_with(role, value.into(), || std::rc::Rc::clone(header));
    }

    /// Add a field whose header `header` gives, only when the value has text that is
    /// not a placeholder (the header is made only then).
    fn push_with(
        &mut self,
        role: Option<Role>,
        value: Frags<'a>,
        header: impl FnOnce() -> std::rc::Rc<str>,
    ) {
        let says_something = match &*value {
            [one] => !crate::vocab::vocab().is_placeholder(one.text),
            _ => true,
        };
        if says_something && value.iter().any(|f| !f.text.trim().is_empty()) {
            self.fields.push(Field {
                role,
                header: header(),
                value,
            });
        }
    }
}

/// Everything the layout stage found.
#[derive(Debug, Default)]
pub(crate) struct RawDoc<'a> {
    pub records: Vec<RawRecord<'a>>,
    pub warnings: Vec<Warning>,
    /// A category the whole document declares (`we only use strictly necessary cookies`).
    pub doc_category: Option<(Category, String)>,
    /// How many tokens the prose reader has asked whether they are misspelt words (a
    /// test of thousands of lookups, given a budget per document: see
    /// `prose::MISSPELLING_TESTS`).
    pub misspelling_tests: u32,
}

impl<'a> RawDoc<'a> {
    /// The text of every field value read, piece by piece (what value repair reads).
    pub(crate) fn value_texts(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.records
            .iter()
            .flat_map(|r| r.fields.iter().flat_map(|f| f.value.iter().map(|v| v.text)))
    }

    pub(crate) fn warn(&mut self, kind: WarningKind, span: Span, message: impl Into<String>) {
        self.warnings.push(Warning {
            kind,
            message: message.into(),
            span,
        });
    }
}

/// Index of the first non-blank line from `from`.
pub(crate) fn next_filled(lines: &[Line<'_>], from: usize) -> Option<usize> {
    lines
        .get(from..)?
        .iter()
        .position(|l| !l.is_blank())
        .map(|p| from + p)
}

/// A fragment for a slice of a line.
pub(crate) fn frag<'a>(line: &Line<'a>, piece: &'a str) -> Fragment<'a> {
    let offset = piece.as_ptr() as usize - line.text.as_ptr() as usize;
    Fragment {
        text: piece,
        offset: line.start() + offset,
    }
}

/// A layout reader: given the lines and a position, recognise a block of its kind
/// starting there, push what it reads (records, warnings, the context its group rows
/// set) and return how many lines the block spans.
///
/// The driver always calls a reader on scratch state (a copy of the context, an empty
/// document), so a reader that declines or loses the competition leaves nothing behind.
type BlockParser = for<'a> fn(&[Line<'a>], usize, &mut Context, &mut RawDoc<'a>) -> Option<usize>;

/// One layout: its name and its reader.
pub(crate) struct Layout {
    /// How tests and a debugger name the layout that read a block.
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    read: BlockParser,
}

/// The layouts, most specific first: on equal evidence the earlier one wins. Adding a
/// layout is one file with its reader and one line here.
pub(crate) const LAYOUTS: &[Layout] = &[
    Layout {
        name: "transposed",
        read: transposed::parse,
    },
    Layout {
        name: "tab",
        read: tab::parse,
    },
    Layout {
        name: "cards",
        read: cards::parse,
    },
    Layout {
        name: "cells",
        read: cells::parse,
    },
    Layout {
        name: "pipe",
        read: pipe::parse,
    },
    Layout {
        name: "delimited",
        read: delimited::parse,
    },
    Layout {
        name: "spaced",
        read: spaced::parse,
    },
    Layout {
        name: "fused",
        read: fused::parse,
    },
    Layout {
        name: "glued",
        read: glued::parse,
    },
    Layout {
        name: "keyvalue",
        read: keyvalue::parse,
    },
    Layout {
        name: "bare keys",
        read: bare_keys::parse,
    },
    Layout {
        name: "list",
        read: list::parse,
    },
];

/// What one layout read from a position, on scratch state.
pub(crate) struct Claim<'a> {
    /// The layout that read the block.
    #[cfg_attr(not(test), allow(dead_code))]
    pub layout: &'static Layout,
    /// How many lines the block spans.
    pub len: usize,
    /// The context after the block (its group rows and headings taken in).
    ctx: Context,
    /// The block's records and warnings.
    doc: RawDoc<'a>,
    /// How well the block reads as cookie records: weighed by [`evidence::choose`]
    /// only when another layout claims the same line (a lone claim is kept whatever
    /// it weighs, and weighing a table's claim read every record again).
    pub evidence: Option<evidence::Evidence>,
}

/// Every layout's claim on the block starting at line `i`, in the order given (indices
/// into [`LAYOUTS`]).
pub(crate) fn claims_at<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &Context,
    order: &[usize],
) -> Vec<Claim<'a>> {
    let mut out = Vec::new();
    let mut scratch = ctx.clone();
    // one scratch document for the readers that decline, emptied after each (most
    // readers decline at most lines: a new one made and dropped for each of them at
    // every line cost more than the emptying)
    let mut doc = RawDoc::default();
    for &k in order {
        let layout = &LAYOUTS[k];
        reset_context(&mut scratch, ctx);
        empty(&mut doc);
        if let Some(n) = (layout.read)(lines, i, &mut scratch, &mut doc) {
            out.push(Claim {
                layout,
                len: n.max(1),
                ctx: std::mem::take(&mut scratch),
                doc: std::mem::take(&mut doc),
                evidence: None,
            });
        }
    }
    out
}

/// `*doc = RawDoc::default()`, keeping its vectors' buffers (what a declining reader
/// pushed before it gave up is dropped; the fields are named one by one, so a field
/// added to [`RawDoc`] fails to compile here).
fn empty(doc: &mut RawDoc<'_>) {
    // (the misspelling tests made stay counted: the budget is the document's)
    let RawDoc {
        records,
        warnings,
        doc_category,
        misspelling_tests: _,
    } = doc;
    records.clear();
    warnings.clear();
    *doc_category = None;
}

/// `*to = from.clone()`, keeping `to`'s strings' buffers: the driver resets its
/// scratch context once a layout a line, and a section's category heading and
/// provider would otherwise be copied into new strings each time. (The fields are
/// named one by one, so a field added to [`Context`] fails to compile here.)
fn reset_context(to: &mut Context, from: &Context) {
    let Context {
        category,
        provider,
        provider_heading,
        doc_category,
        storage_leadin,
        section_start,
        after_heading,
        category_depth,
        service_rows,
        group_row,
        learned,
        last_table,
        labelled_value,
        block_labelled,
    } = from;
    let copy_declared =
        |to: &mut Option<(Category, String)>, from: &Option<(Category, String)>| match (to, from) {
            (Some((c, s)), Some((fc, fs))) => {
                *c = *fc;
                s.clone_from(fs);
            }
            (to, from) => *to = from.clone(),
        };
    copy_declared(&mut to.category, category);
    copy_declared(&mut to.doc_category, doc_category);
    to.provider.clone_from(provider);
    to.provider_heading = *provider_heading;
    to.storage_leadin = *storage_leadin;
    to.section_start = *section_start;
    to.after_heading = *after_heading;
    to.category_depth = *category_depth;
    to.service_rows = *service_rows;
    to.group_row = *group_row;
    if !std::rc::Rc::ptr_eq(&to.learned, learned) {
        to.learned = std::rc::Rc::clone(learned);
    }
    to.last_table.clone_from(last_table);
    to.labelled_value = *labelled_value;
    to.block_labelled = *block_labelled;
}

/// Run every layout over the document.
///
/// At each line every layout is asked whether a block of its kind starts there; each
/// reads its block on scratch state, the driver keeps the claim with the most
/// evidence ([`evidence::choose`]) and takes in its records and the context its group
/// rows set, in input order. A line no layout claims is a heading or prose: it updates
/// the context and may name cookies.
pub(crate) fn parse<'a>(lines: &[Line<'a>]) -> RawDoc<'a> {
    let order: Vec<usize> = (0..LAYOUTS.len()).collect();
    parse_in(lines, &order)
}

/// [`parse`], asking the layouts in the order given.
fn parse_in<'a>(lines: &[Line<'a>], order: &[usize]) -> RawDoc<'a> {
    let mut doc = RawDoc::default();
    // page numbers between two pages of a PDF's copy are read as if absent
    let unpaged = pages::without_page_numbers(lines, &mut doc.warnings);
    let lines = unpaged.as_deref().unwrap_or(lines);
    let mut ctx = Context {
        learned: std::rc::Rc::new(labels::learn(lines)),
        ..Context::default()
    };
    // what a service line right before a block says the service does
    // (`Google Analytics - Analisi del traffico web` / `Cookie: _ga, _gid`)
    let mut note: Option<Fragment<'a>> = None;
    // the last line taken in as a heading or prose (no layout claimed it)
    let mut observed: Option<usize> = None;
    // the records a service's title line naming its cookies made, and the line the
    // paragraph describing them goes on at (`Google Analytics (_ga, _gid)` / `We use
    // Google Analytics to …`)
    let mut titled: Option<(std::ops::Range<usize>, usize)> = None;
    let mut i = 0;
    while i < lines.len() {
        if lines[i].is_blank() {
            i += 1;
            continue;
        }
        // a title over a line holding only its count is a group row
        if let Some(label) = observed
            .filter(|&p| next_filled(lines, p + 1) == Some(i))
            .and_then(|p| context::split_group_row(lines[p].text, lines[i].text))
        {
            ctx.take_group_label(label, &doc);
            observed = None;
            i += 1;
            continue;
        }
        observed = None;
        if let Some(claim) = evidence::choose(lines, i, claims_at(lines, i, &ctx, order)) {
            ctx = claim.ctx;
            ctx.after_heading = false;
            titled = None;
            let before = doc.records.len();
            append(&mut doc.records, claim.doc.records);
            append(&mut doc.warnings, claim.doc.warnings);
            share_note(note.take(), &mut doc.records[before..]);
            i += claim.len;
            continue;
        }
        let pending = note.take();
        let waiting = titled.take();
        note = context::service_note(&lines[i]);
        observed = Some(i);
        // a provider that a line naming its cookies states (`We use Hotjar. It sets
        // _hjSession_*`, `The cookie APIDTS is set by Yahoo.`) is theirs, not the
        // section's: the line's records take it, and the lines after it the one before
        // (a line names cookies when it has a name built like one, or when the prose
        // reader reads one from it)
        let section_provider = (ctx.provider.clone(), ctx.provider_heading);
        let structured = context::names_cookies(lines[i].text);
        ctx.observe(lines, i, &mut doc);
        let before = doc.records.len();
        prose::parse(&lines[i], &ctx, &mut doc, i + 1 == lines.len());
        share_note(pending, &mut doc.records[before..]);
        if let Some((recs, at)) = waiting {
            // a line of the paragraph under the title that names no cookie of its
            // own describes the title's; the paragraph goes on at the next line
            if at == i
                && doc.records.len() == before
                && prose::describe_titled(&lines[i], &mut doc.records[recs.clone()])
            {
                titled = Some((recs, i + 1));
            }
        }
        if doc.records.len() > before && prose::is_name_title(lines[i].text) {
            let at = next_filled(lines, i + 1).unwrap_or(lines.len());
            titled = Some((before..doc.records.len(), at));
        }
        if (structured || doc.records.len() > before) && !ctx.provider_heading {
            (ctx.provider, ctx.provider_heading) = section_provider;
        }
        i += 1;
    }
    doc.doc_category = ctx.doc_category.clone();
    doc
}

/// `from` after `into`'s items. A claim is often the whole document (one table): it
/// is moved, not copied, so that its records are not held twice at the peak.
fn append<T>(into: &mut Vec<T>, from: Vec<T>) {
    if into.is_empty() {
        *into = from;
    } else {
        into.extend(from);
    }
}

/// Give a service line's description to the records of the block after it that
/// state no purpose of their own.
fn share_note<'a>(note: Option<Fragment<'a>>, records: &mut [RawRecord<'a>]) {
    let Some(f) = note else { return };
    for rec in records {
        if !rec.fields.iter().any(|f| f.role == Some(Role::Purpose)) {
            rec.push(Some(Role::Purpose), "service", f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::lines;

    /// `reset_context` leaves what a clone would, whatever the scratch held before:
    /// every pair of contexts with and without a category, a document category and a
    /// provider, with strings of other lengths.
    #[test]
    fn reset_context_is_a_clone() {
        let mut contexts = Vec::new();
        for (n, bits) in (0u8..64).enumerate() {
            let text = "x".repeat(n);
            contexts.push(Context {
                category: (bits & 1 != 0)
                    .then(|| (Category::Analytics, format!("Analytics {text}"))),
                provider: (bits & 2 != 0).then(|| format!("Google {text}")),
                provider_heading: bits & 4 != 0,
                doc_category: (bits & 8 != 0)
                    .then(|| (Category::Necessary, format!("only necessary {text}"))),
                storage_leadin: bits & 16 != 0,
                section_start: n,
                after_heading: bits & 32 != 0,
                category_depth: (bits & 3 == 1).then_some(n),
                service_rows: bits & 12 == 4,
                group_row: bits & 48 == 16,
                learned: std::rc::Rc::new(if bits & 1 == 0 {
                    labels::learn(&lines(
                        "Key: _ga\nKept for: 2 years\n\nKey: _gid\nKept for: 1 day\n",
                    ))
                } else {
                    labels::Learned::default()
                }),
                last_table: (bits & 6 == 2).then(|| {
                    std::rc::Rc::new(
                        table::Header::infer(&[vec!["_ga", "2 years"], vec!["_gid", "1 day"]])
                            .expect("a table"),
                    )
                }),
                labelled_value: (bits & 24 == 8).then_some(n),
                block_labelled: bits & 40 == 8,
            });
        }
        for from in &contexts {
            for to in &contexts {
                let mut to = to.clone();
                reset_context(&mut to, from);
                assert_eq!(format!("{to:?}"), format!("{from:?}"));
            }
        }
    }

    /// `claims_at` as it was, with a new scratch document for every reader.
    fn claims_at_before<'a>(
        lines: &[Line<'a>],
        i: usize,
        ctx: &Context,
        order: &[usize],
    ) -> Vec<Claim<'a>> {
        let mut out = Vec::new();
        let mut scratch = ctx.clone();
        for &k in order {
            let layout = &LAYOUTS[k];
            reset_context(&mut scratch, ctx);
            let mut doc = RawDoc::default();
            if let Some(n) = (layout.read)(lines, i, &mut scratch, &mut doc) {
                out.push(Claim {
                    layout,
                    len: n.max(1),
                    ctx: std::mem::take(&mut scratch),
                    doc,
                    evidence: None,
                });
            }
        }
        out
    }

    /// Every claim at every line of every corpus document, with the context the
    /// driver had there, in both orders of the layouts, is what it was when each
    /// reader had a new document: the same layouts, lengths, contexts, records,
    /// warnings and evidence (a reader that pushes and then declines leaves nothing
    /// to the next). The claim kept was weighed when, and only when, it had rivals.
    #[test]
    fn one_scratch_document_claims_as_new_ones() {
        let show = |cs: &[Claim<'_>]| -> Vec<String> {
            cs.iter()
                .map(|c| {
                    format!(
                        "{} {} {:?} {:?} {:?} {:?} {:?}",
                        c.layout.name,
                        c.len,
                        c.ctx,
                        c.doc.records,
                        c.doc.warnings,
                        c.doc.doc_category,
                        c.evidence
                    )
                })
                .collect()
        };
        let mut claims = 0;
        for (path, bytes) in crate::testing::corpus_documents() {
            let (text, _, _) = crate::decode::decode(&bytes).unwrap();
            let ls = lines(&text);
            for order in [(0..LAYOUTS.len()).collect::<Vec<_>>(), reversed()] {
                // the driver's walk, so each line is asked with the context it has
                let mut ctx = Context::default();
                let mut doc = RawDoc::default();
                let mut i = 0;
                while i < ls.len() {
                    if ls[i].is_blank() {
                        i += 1;
                        continue;
                    }
                    let got = claims_at(&ls, i, &ctx, &order);
                    let want = claims_at_before(&ls, i, &ctx, &order);
                    assert_eq!(show(&got), show(&want), "{}:{i}", path.display());
                    claims += got.len();
                    let several = got.len() > 1;
                    if let Some(claim) = evidence::choose(&ls, i, got) {
                        // (a lone claim is kept unweighed; of several, the one kept
                        // was weighed against the others)
                        assert_eq!(claim.evidence.is_some(), several, "{}:{i}", path.display());
                        ctx = claim.ctx;
                        ctx.after_heading = false;
                        i += claim.len;
                        continue;
                    }
                    ctx.observe(&ls, i, &mut doc);
                    i += 1;
                }
            }
        }
        assert!(claims > 300, "only {claims} claims");
    }

    /// The layouts in reverse order: the evidence, not the list, should decide.
    fn reversed() -> Vec<usize> {
        (0..LAYOUTS.len()).rev().collect()
    }

    fn winner(text: &str, order: &[usize]) -> &'static str {
        let ls = lines(text);
        let claims = claims_at(&ls, 0, &Context::default(), order);
        assert!(claims.len() > 1, "one layout only claims {text:?}");
        evidence::choose(&ls, 0, claims).unwrap().layout.name
    }

    #[test]
    fn a_block_read_as_names_wins_over_one_read_as_sentences() {
        // one cell per line, closed by ` |`: the cell reader finds the names in the
        // first column; a pipe reading takes the purposes for names
        let text = "|\nName |\nPurpose |\nDuration |\n|\n_utma |\nCollect statistical data |\n\
                    2 years |\n|\n|\n_utmz |\nCollect statistical data |\n6 months |\n|\n";
        assert_eq!(
            winner(text, &(0..LAYOUTS.len()).collect::<Vec<_>>()),
            "cells"
        );
        assert_eq!(winner(text, &reversed()), "cells");
    }

    #[test]
    fn a_block_read_whole_wins_over_one_read_in_part() {
        // a key-value block reads every key; a list reads the name and two lines
        let text = "ASP.NET_SessionId\nModule: Functional\nExpires: When you leave the site.\n\
                    Type: First-party cookie\nAbout: Stores data during your visit.\n";
        assert_eq!(
            winner(text, &(0..LAYOUTS.len()).collect::<Vec<_>>()),
            "keyvalue"
        );
        assert_eq!(winner(text, &reversed()), "keyvalue");
    }

    /// Metamorphic: every corpus document reads to the same raw records whichever
    /// order the layouts are asked in, so no reading rests on the list's order.
    #[test]
    fn corpus_reads_the_same_in_any_layout_order() {
        let mut n = 0;
        for (path, bytes) in crate::testing::corpus_documents() {
            let (text, _, _) = crate::decode::decode(&bytes).unwrap();
            let ls = lines(&text);
            let forward = parse(&ls);
            let backward = parse_in(&ls, &reversed());
            assert_eq!(
                format!("{:?}", forward.records),
                format!("{:?}", backward.records),
                "{}",
                path.display()
            );
            n += 1;
        }
        assert!(n >= 90, "only {n} corpus documents");
    }
}
