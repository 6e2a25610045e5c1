//! Stage 4: layouts. Walks the lines once; at each line the layout parsers are
//! tried in turn, and the first that recognises a block there consumes it and
//! emits raw records. Lines no parser takes are headings or prose: they update
//! the section [`Context`] (declared category, provider) and may name cookies.

use crate::fields::repair::Fragment;
use crate::policy::{Category, DurationKind, Span, Warning, WarningKind};
use crate::segment::Line;
use crate::vocab::Role;

mod cards;
mod cells;
mod context;
mod fused;
mod glued;
mod keyvalue;
mod list;
mod pipe;
mod prose;
mod spaced;
mod tab;
mod table;

pub(crate) use context::Context;

/// One field of a raw record: the cell or key value, with the header it stood under.
#[derive(Debug, Clone)]
pub(crate) struct Field<'a> {
    /// What the header or key says the value is; `None` for other columns.
    pub role: Option<Role>,
    /// The header or key as written (whitespace folded).
    pub header: String,
    /// The value's pieces of input text.
    pub value: Vec<Fragment<'a>>,
}

/// What a layout parser read for one row, block or sentence, before normalisation.
#[derive(Debug, Clone)]
pub(crate) struct RawRecord<'a> {
    /// The name cell or key value (may list several names).
    pub names: Vec<Fragment<'a>>,
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
    pub(crate) fn new(names: Vec<Fragment<'a>>, span: Span, ctx: &Context) -> Self {
        RawRecord {
            names,
            fields: Vec::new(),
            span,
            category: ctx.category.clone(),
            provider: ctx.provider.clone(),
            provider_heading: ctx.provider_heading,
            kind_hint: None,
            name_cell: false,
        }
    }

    /// A record whose name was read among its fields (a key-value block or card whose
    /// name key is not first): the name stands alone in its slot; none when nothing
    /// but the name was read.
    pub(crate) fn named(
        name: Fragment<'a>,
        fields: Vec<(Role, &str, Fragment<'a>)>,
        span: Span,
        ctx: &Context,
    ) -> Option<Self> {
        if fields.is_empty() {
            return None;
        }
        let mut rec = RawRecord::new(vec![name], span, ctx);
        rec.name_cell = true;
        for (role, key, f) in fields {
            rec.push(Some(role), key, vec![f]);
        }
        Some(rec)
    }

    /// Add a field; empty values are dropped.
    pub(crate) fn push(&mut self, role: Option<Role>, header: &str, value: Vec<Fragment<'a>>) {
        if value.iter().any(|f| !f.text.trim().is_empty()) {
            self.fields.push(Field {
                role,
                header: crate::fields::text::fold_whitespace(header),
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
}

impl<'a> RawDoc<'a> {
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
        offset: line.start + offset,
    }
}

/// A layout parser: given the lines and a position, recognise a block starting
/// there, push its records, and return how many lines it consumed.
type BlockParser = for<'a> fn(&[Line<'a>], usize, &mut Context, &mut RawDoc<'a>) -> Option<usize>;

/// The block parsers, most specific first.
const PARSERS: &[BlockParser] = &[
    tab::parse,
    cards::parse,
    cells::parse,
    pipe::parse,
    spaced::parse,
    fused::parse,
    glued::parse,
    keyvalue::parse,
    list::parse,
];

/// Run every layout over the document.
pub(crate) fn parse<'a>(lines: &[Line<'a>]) -> RawDoc<'a> {
    let mut doc = RawDoc::default();
    let mut ctx = Context::default();
    // what a service line right before a block says the service does
    // (`Google Analytics - Analisi del traffico web` / `Cookie: _ga, _gid`)
    let mut note: Option<Fragment<'a>> = None;
    let mut i = 0;
    'lines: while i < lines.len() {
        if lines[i].is_blank() {
            i += 1;
            continue;
        }
        for p in PARSERS {
            let before = doc.records.len();
            if let Some(n) = p(lines, i, &mut ctx, &mut doc) {
                ctx.after_heading = false;
                share_note(note.take(), &mut doc.records[before..]);
                i += n.max(1);
                continue 'lines;
            }
        }
        let pending = note.take();
        note = context::service_note(&lines[i]);
        ctx.observe(&lines[i], &mut doc);
        let before = doc.records.len();
        prose::parse(&lines[i], &ctx, &mut doc, i + 1 == lines.len());
        share_note(pending, &mut doc.records[before..]);
        i += 1;
    }
    doc.doc_category = ctx.doc_category.clone();
    doc
}

/// Give a service line's description to the records of the block after it that
/// state no purpose of their own.
fn share_note<'a>(note: Option<Fragment<'a>>, records: &mut [RawRecord<'a>]) {
    let Some(f) = note else { return };
    for rec in records {
        if !rec.fields.iter().any(|f| f.role == Some(Role::Purpose)) {
            rec.push(Some(Role::Purpose), "service", vec![f]);
        }
    }
}
