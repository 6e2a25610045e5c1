//! What every table layout shares: recognising a header row, and turning a row
//! of cells into a raw record under that header.

use super::{Context, RawRecord};
use crate::fields::repair::Fragment;
use crate::fields::text::{fold_whitespace, match_form};
use crate::policy::Span;
use crate::vocab::{vocab, Role};

/// A table header: each column's role (if known) and its text as written.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    pub cols: Vec<(Option<Role>, String)>,
    /// Index of the (first) name column.
    pub name: usize,
}

impl Header {
    /// Read header cells: at least one name column and one other known column.
    /// Only the first name column is the name; later ones are other columns.
    pub(crate) fn read(cells: &[&str]) -> Option<Header> {
        if cells.len() < 2 || cells.iter().any(|c| c.len() > 60) {
            return None;
        }
        let mut cols = Vec::with_capacity(cells.len());
        let mut name = None;
        let mut known = 0;
        for (i, c) in cells.iter().enumerate() {
            let mut role = vocab().field(c);
            if role == Some(Role::Name) {
                if name.is_some() {
                    role = None;
                } else {
                    name = Some(i);
                }
            }
            if role.is_some() {
                known += 1;
            }
            cols.push((role, fold_whitespace(c)));
        }
        let name = name?;
        // most cells must be header words, not data
        let empty = cells.iter().filter(|c| c.trim().is_empty()).count();
        if known < 2 || known * 2 < cells.len() - empty {
            return None;
        }
        Some(Header { cols, name })
    }

    /// Does this row repeat the header (a header row repeated mid-table)?
    pub(crate) fn is_repeat(&self, cells: &[&str]) -> bool {
        cells.len() == self.cols.len()
            && cells
                .iter()
                .zip(&self.cols)
                .all(|(c, (_, h))| match_form(c) == match_form(h))
    }

    /// Number of columns.
    pub(crate) fn len(&self) -> usize {
        self.cols.len()
    }
}

/// A row being assembled: each cell is one or more fragments (continuation lines).
#[derive(Debug, Clone, Default)]
pub(crate) struct Row<'a> {
    pub cells: Vec<Vec<Fragment<'a>>>,
    pub span: Option<Span>,
}

impl<'a> Row<'a> {
    pub(crate) fn with_len(n: usize) -> Self {
        Row {
            cells: vec![Vec::new(); n],
            span: None,
        }
    }

    /// Append a fragment to cell `i` (cells past the header's end join the last one).
    pub(crate) fn add(&mut self, i: usize, f: Fragment<'a>) {
        if f.text.trim().is_empty() || self.cells.is_empty() {
            return;
        }
        let i = i.min(self.cells.len() - 1);
        self.cells[i].push(f);
    }

    pub(crate) fn cover(&mut self, s: Span) {
        self.span = Some(self.span.map_or(s, |o| o.cover(s)));
    }

    /// Number of non-empty cells.
    pub(crate) fn filled(&self) -> usize {
        self.cells.iter().filter(|c| !c.is_empty()).count()
    }

    /// The text of cell `i`, fragments joined.
    pub(crate) fn text(&self, i: usize) -> String {
        self.cells
            .get(i)
            .map(|c| {
                c.iter()
                    .map(|f| f.text.trim())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default()
    }

    /// The row as a raw record under `header`; `None` when the name cell is empty.
    pub(crate) fn into_record(self, header: &Header, ctx: &Context) -> Option<RawRecord<'a>> {
        let span = self.span?;
        let mut cells = self.cells;
        let names = std::mem::take(cells.get_mut(header.name)?);
        if names.is_empty() {
            return None;
        }
        let mut rec = RawRecord::new(names, span, ctx);
        for (i, cell) in cells.into_iter().enumerate() {
            if i == header.name {
                continue;
            }
            let (role, h) = header.cols.get(i).cloned().unwrap_or((None, String::new()));
            rec.push(role, &h, cell);
        }
        Some(rec)
    }
}
