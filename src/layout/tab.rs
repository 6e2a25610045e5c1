//! Tab-separated tables, as a browser copies an HTML table.
//!
//! ```text
//! table        = header_row { row | continuation | group_row | stray_line | blank }
//! header_row   = cell { TAB cell }            (cells name a name column and one more)
//! row          = cell { TAB cell }            (name cell not empty)
//! continuation = { cell TAB } cell            (name cell empty: wrapped cells, merged above)
//! stray_line   = text without tabs, followed by more rows: skipped with a warning
//! ```

use nom::bytes::complete::{tag, take_till};
use nom::multi::separated_list1;
use nom::{IResult, Parser};

use super::context::{heading_category, heading_text, is_heading};
use super::table::{Header, Row};
use super::{frag, Context, RawDoc};
use crate::fields::text::fold_whitespace;
use crate::policy::WarningKind;
use crate::segment::{Line, LineKind};

/// `cell { TAB cell }`: the cells of one tab-separated line.
pub(crate) fn tab_cells(input: &str) -> IResult<&str, Vec<&str>> {
    separated_list1(tag("\t"), take_till(|c| c == '\t')).parse(input)
}

fn cells_of<'a>(line: &Line<'a>) -> Vec<&'a str> {
    match tab_cells(line.text) {
        Ok((_, cells)) => cells,
        Err(_) => vec![line.text],
    }
}

/// Recognise a tab table whose header row is line `i`.
/// Two lines that are each a key and its value set apart by a tab (`Name:⇥connect.sid`
/// / `Provider:⇥api.example.com`), the keys of different roles and the values no
/// headers: a key-value block, not a two-column table (whose header would be a
/// key with a cookie name for a column).
fn key_value_pairs(lines: &[Line<'_>], i: usize) -> bool {
    let pair = |l: &Line<'_>| {
        super::keyvalue::kv_line(l.text)
            .filter(|(_, _, v)| crate::vocab::vocab().field(v).is_none())
            .map(|(_, role, _)| role)
    };
    let Some(next) = lines[i + 1..].iter().find(|l| !l.is_blank()) else {
        return false;
    };
    matches!((pair(&lines[i]), pair(next)), (Some(a), Some(b)) if a != b)
}

pub(crate) fn parse<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    let first = &lines[i];
    if first.kind != LineKind::Tab {
        return None;
    }
    if key_value_pairs(lines, i) {
        return None;
    }
    let header_cells: Vec<&str> = cells_of(first).into_iter().map(str::trim).collect();
    let (header, mut j) = match Header::read(&header_cells) {
        Some(mut h) => {
            let sample: Vec<Vec<&str>> = lines[i + 1..]
                .iter()
                .filter(|l| !l.is_blank())
                .take_while(|l| l.kind == LineKind::Tab)
                .take(30)
                .map(|l| cells_of(l).into_iter().map(str::trim).collect())
                .collect();
            h.confirm(&sample);
            (h, i + 1)
        }
        None => (infer(lines, i)?, i),
    };
    let n = header.len();
    // each row keeps the context it was read under: a group row changes the category
    // of the rows after it, never of those before; the caller's context changes only
    // once the table is taken
    let mut local = ctx.clone();
    let mut rows: Vec<(Row<'a>, Context)> = Vec::new();
    let mut end = j;
    while j < lines.len() {
        let line = &lines[j];
        match line.kind {
            LineKind::Blank => {
                j += 1;
                continue;
            }
            LineKind::Tab => {
                let cells = cells_of(line);
                let trimmed: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
                if header.is_repeat(&trimmed) {
                    j += 1;
                    end = j;
                    continue;
                }
                // a wrapped cell fills a few cells of the row above; a line that fills
                // most cells but no name is a row whose name is missing
                let filled = trimmed.iter().filter(|c| !c.is_empty()).count();
                let nameless = trimmed.get(header.name).is_none_or(|c| c.is_empty());
                let continuation = nameless && (filled * 2 <= n || n <= 2);
                if nameless && !continuation {
                    doc.warn(
                        crate::policy::WarningKind::SkippedLine,
                        line.span(),
                        "table row without a name; skipped",
                    );
                } else if continuation && !rows.is_empty() {
                    let (row, _) = rows.last_mut().expect("checked");
                    for (k, c) in cells.iter().enumerate() {
                        row.add(k, frag(line, c));
                    }
                    row.cover(line.span());
                } else if trimmed.iter().filter(|c| !c.is_empty()).count() == 1
                    && heading_category(heading_text(line.text.trim())).is_some()
                {
                    // one filled cell naming a category: a group row (`Analytics cookies`)
                    group_or_stray(line, &mut local, doc);
                } else {
                    let mut row = Row::with_len(n);
                    for (k, c) in cells.iter().enumerate() {
                        row.add(k, frag(line, c));
                    }
                    row.cover(line.span());
                    rows.push((row, local.clone()));
                }
                j += 1;
                end = j;
            }
            _ => {
                // A text line inside the table: a group heading or stray text when
                // more rows follow; otherwise the table has ended.
                let next = lines[j + 1..].iter().find(|l| !l.is_blank());
                let more_rows = next.is_some_and(|l| l.kind == LineKind::Tab && !is_header_line(l));
                if !more_rows || line.text.len() > 200 {
                    break;
                }
                group_or_stray(line, &mut local, doc);
                j += 1;
                end = j;
            }
        }
    }
    for (row, row_ctx) in rows {
        if let Some(rec) = row.into_record(&header, &row_ctx) {
            doc.records.push(rec);
        }
    }
    *ctx = local;
    Some(end - i)
}

/// A table with no header row: its columns inferred from the consecutive rows at `i`.
fn infer(lines: &[Line<'_>], i: usize) -> Option<Header> {
    let rows: Vec<Vec<&str>> = lines[i..]
        .iter()
        .take_while(|l| l.kind == LineKind::Tab && !l.text.starts_with('\t'))
        .take(50)
        .map(cells_of)
        .collect();
    Header::infer(&rows)
}

fn is_header_line(line: &Line<'_>) -> bool {
    let cells: Vec<&str> = cells_of(line).into_iter().map(str::trim).collect();
    Header::read(&cells).is_some()
}

/// A line inside a table holding one piece of text: a category group row updates
/// the context; anything else is reported and skipped, never merged into a cookie.
pub(crate) fn group_or_stray(line: &Line<'_>, ctx: &mut Context, doc: &mut RawDoc<'_>) {
    let text = line.text.trim();
    if is_heading(&Line { text, ..*line }) || line.kind == LineKind::Tab {
        let h = heading_text(text);
        if let Some(c) = heading_category(h) {
            ctx.category = Some((c, fold_whitespace(h)));
            return;
        }
    }
    doc.warn(
        WarningKind::SkippedLine,
        line.span(),
        format!(
            "line inside a table is not a row: {:?}",
            fold_whitespace(text)
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells() {
        assert_eq!(tab_cells("a\tb\t\tc").unwrap().1, ["a", "b", "", "c"]);
        assert_eq!(tab_cells("\tx").unwrap().1, ["", "x"]);
        assert_eq!(tab_cells("").unwrap().1, [""]);
    }
}
