//! Tables flattened to one cell per line whose separators or header were lost:
//! each cell on its own line ending in ` |`, bare `|` lines between rows (or for an
//! empty cell), and a header that is whole, partly blank, or missing.
//!
//! ```text
//! stream    = { header_cell } { row | group_row | separator }
//! header    = cells that are header words (`Name |`, `Duration |`) or blank (`|`)
//! separator = a bare `|` line where a row starts
//! group_row = a label where a row starts that cannot be a name (`Analytics cookies |`)
//! row       = n cells, the first a cookie name
//! ```
//!
//! The row width `n` is what the evidence says: the header's width when it is whole,
//! else the width that keeps every row's first cell name-shaped and a column of
//! lifetimes in place. Column roles come from the header words that survive, else
//! from the cells ([`Header::infer`]).

use super::context::{heading_category, heading_text};
use super::table::{Header, Row};
use super::{frag, Context, RawDoc};
use crate::fields::duration::parse_duration;
use crate::fields::names::{is_name_shaped, is_strong_name};
use crate::fields::provider::vendor_in;
use crate::fields::text::fold_whitespace;
use crate::policy::DurationKind;
use crate::segment::{Line, LineKind};
use crate::vocab::vocab;

/// One cell of the stream: its text (trimmed, without the pipe) and its line.
#[derive(Debug, Clone, Copy)]
struct Cell<'a> {
    text: &'a str,
    line: usize,
}

/// The text of a one-cell pipe line (`_ga |`, `| _ga |`, `|`), or `None` for any
/// other line.
fn one_cell<'a>(line: &Line<'a>) -> Option<&'a str> {
    if line.kind != LineKind::Pipe {
        return None;
    }
    let t = line.text.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    (!t.contains('|')).then(|| t.trim())
}

/// What a cell can be where a row starts.
fn starts_row(text: &str) -> bool {
    let bare = text.split('(').next().unwrap_or("").trim();
    let toks: Vec<&str> = bare.split([',', ' ']).filter(|w| !w.is_empty()).collect();
    // one name, or a list of names (`_ga, _gid`); words side by side are a label
    let list = toks.len() == 1 || bare.contains(',') || toks.iter().all(|t| is_strong_name(t));
    // `Statistik-Cookies` is a category label
    let label = vocab().mentions_cookies(bare) && vocab().find_category(bare).is_some();
    !toks.is_empty()
        && !label
        && list
        && toks.iter().all(|t| is_name_shaped(t))
        && toks.len() <= 4
        && vocab().field(bare).is_none()
        && parse_duration(bare).kind == DurationKind::Unknown
}

/// A label that opens a group of rows: a short phrase that cannot be a name.
fn is_group_label(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let category = vocab().mentions_cookies(text) && vocab().find_category(text).is_some();
    ((2..=6).contains(&words) || (words == 1 && category))
        && !text.ends_with('.')
        && !starts_row(text)
}

/// Split the cells after the header into rows of width `n`: separators skipped,
/// group labels kept apart. The table ends where a row would not start with a name
/// (the next table's header, say). Returns the items, how many cells they cover and a
/// score (higher is better), or `None` for fewer than two rows.
fn segment<'c, 'a>(cells: &'c [Cell<'a>], n: usize) -> Option<(Vec<Item<'c, 'a>>, usize, f64)> {
    let mut items = Vec::new();
    let mut k = 0;
    let mut covered = 0;
    while k < cells.len() {
        covered = k;
        let c = cells[k];
        if c.text.is_empty() {
            k += 1;
            continue;
        }
        // the header repeated where a row would start (a second table of the same
        // columns): passed over
        if vocab().field(c.text).is_some() && !starts_row(c.text) {
            k += 1;
            continue;
        }
        if !starts_row(c.text) {
            if is_group_label(c.text) {
                items.push(Item::Group(k));
                k += 1;
                continue;
            }
            break;
        }
        if k + n > cells.len() {
            // a row cut off by the end of the stream
            items.push(Item::Cut(k));
            k = cells.len();
            break;
        }
        items.push(Item::Row(&cells[k..k + n]));
        k += n;
    }
    if k >= cells.len() {
        covered = cells.len();
    }
    // group labels after the last row belong to what follows
    while covered < cells.len() {
        match items.last() {
            Some(&Item::Group(g)) => {
                items.pop();
                covered = g;
            }
            _ => break,
        }
    }
    let rows: Vec<&[Cell<'a>]> = items
        .iter()
        .filter_map(|i| match i {
            Item::Row(r) => Some(*r),
            _ => None,
        })
        .collect();
    if rows.len() < 2 {
        return None;
    }
    // evidence: sure names in the first column, a column of lifetimes
    let sure = rows.iter().filter(|r| is_strong_name(r[0].text)).count() as f64;
    let lifetimes = (1..n)
        .map(|c| {
            rows.iter()
                .filter(|r| {
                    let d = parse_duration(r[c].text);
                    !r[c].text.is_empty()
                        && r[c].text.split_whitespace().count() <= 8
                        && (d.kind != DurationKind::Unknown || d.iso8601.is_some())
                })
                .count()
        })
        .max()
        .unwrap_or(0) as f64;
    let k = rows.len() as f64;
    // a second column of sure names means two rows were read as one
    let doubled =
        (1..n).any(|c| rows.iter().filter(|r| is_strong_name(r[c].text)).count() as f64 >= 0.5 * k);
    let penalty = if doubled { 2.0 } else { 0.0 };
    let coverage = covered as f64 / cells.len().max(1) as f64;
    Some((
        items,
        covered,
        sure / k + 2.0 * lifetimes / k - penalty + coverage,
    ))
}

#[derive(Debug, Clone, Copy)]
enum Item<'c, 'a> {
    Row(&'c [Cell<'a>]),
    Group(usize),
    Cut(usize),
}

/// Recognise a one-cell-per-line table at line `i` whose stream has lost its
/// separators or part of its header (bare `|` lines, blank header cells, or no
/// header at all). Tables with a whole stacked header and no bare separators are
/// left to the pipe reader.
pub(crate) fn parse<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    // a cell on a text line may be ended by a bare `|` on the next line (`_ga` / `|`)
    let ended = |j: usize| {
        lines[j].kind == LineKind::Text && lines.get(j + 1).and_then(one_cell) == Some("")
    };
    if one_cell(&lines[i]).is_none() && !ended(i) {
        return None;
    }
    // the run of one-cell lines (blank lines allowed inside)
    let mut cells: Vec<Cell<'a>> = Vec::new();
    let mut stacked = 0;
    let mut j = i;
    while j < lines.len() {
        if lines[j].is_blank() {
            j += 1;
            continue;
        }
        match one_cell(&lines[j]) {
            Some(t) => cells.push(Cell { text: t, line: j }),
            None if ended(j) => {
                cells.push(Cell {
                    text: lines[j].text.trim(),
                    line: j,
                });
                stacked += 1;
                j += 1;
            }
            None => break,
        }
        j += 1;
    }
    let bare = cells.iter().filter(|c| c.text.is_empty()).count();
    // a stream of pipe lines with no bare separator is a stacked table the pipe
    // reader takes; cells on text lines ended by bare pipes are this reader's
    if cells.len() < 6 || (bare == 0 && stacked < 6) {
        return None;
    }
    // the header: header words and blank cells before the first name
    let head_len = cells
        .iter()
        .position(|c| !c.text.is_empty() && vocab().field(c.text).is_none())?;
    let head: Vec<&str> = cells[..head_len].iter().map(|c| c.text).collect();
    let named: Vec<&str> = head.iter().copied().filter(|h| !h.is_empty()).collect();
    let body = &cells[head_len..];
    // a whole header fixes the width; else the width the cells support best
    let whole = Header::read(&named)
        .filter(|h| h.name == 0)
        .map(|h| h.len());
    let (n, items, covered) = match whole {
        Some(n) => {
            let (items, covered, _) = segment(body, n)?;
            (n, items, covered)
        }
        None => {
            let (n, items, covered, _) = (2..=6)
                .filter_map(|n| segment(body, n).map(|(items, c, s)| (n, items, c, s)))
                .filter(|(_, _, _, s)| *s >= 2.0)
                .max_by(|a, b| a.3.total_cmp(&b.3).then(b.0.cmp(&a.0)))?;
            (n, items, covered)
        }
    };
    // the table ends where its rows end; the lines after are read again
    if covered < body.len() {
        j = body[covered].line;
    }
    let sample: Vec<Vec<&str>> = items
        .iter()
        .filter_map(|i| match i {
            Item::Row(r) => Some(r.iter().map(|c| c.text).collect()),
            _ => None,
        })
        .collect();
    // without a whole header, the columns are read from their cells
    let header = match whole {
        Some(_) => {
            let mut h = Header::read(&named)?;
            h.confirm(&sample);
            h
        }
        None => Header::infer(&sample)?,
    };
    if header.name != 0 {
        return None;
    }
    let mut local = ctx.clone();
    for item in items {
        match item {
            Item::Group(k) => {
                let c = body[k];
                let label = heading_text(c.text);
                match heading_category(label) {
                    Some(cat) => local.category = Some((cat, fold_whitespace(label))),
                    None => {
                        // `Google Analytics cookies`: the service of the rows below
                        local.provider = vendor_in(label);
                        local.provider_heading = local.provider.is_some();
                    }
                }
            }
            Item::Cut(k) => {
                let c = body[k];
                doc.warn(
                    crate::policy::WarningKind::TruncatedRecord,
                    lines[c.line].span(),
                    "table row cut off by the end of the table; left out",
                );
            }
            Item::Row(r) => {
                let mut row = Row::with_len(n);
                for (col, c) in r.iter().enumerate() {
                    if !c.text.is_empty() {
                        row.add(col, frag(&lines[c.line], c.text));
                    }
                    row.cover(lines[c.line].span());
                }
                if let Some(rec) = row.into_record(&header, &local) {
                    doc.records.push(rec);
                }
            }
        }
    }
    *ctx = local;
    Some(j.max(i + 1) - i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::lines;

    fn names(text: &str) -> Vec<String> {
        let ls = lines(text);
        let mut doc = RawDoc::default();
        parse(&ls, 0, &mut Context::default(), &mut doc).expect("a table");
        doc.records
            .iter()
            .map(|r| r.names.iter().map(|f| f.text).collect())
            .collect()
    }

    #[test]
    fn bare_separators_and_empty_cells() {
        let t = "|\nName |\nPurpose |\nDuration |\nSource |\n|\n_utma |\nStatistics |\n2 years |\n|\n|\nPREF |\nSettings |\n18 months |\nGoogle |\n|\n";
        assert_eq!(names(t), ["_utma", "PREF"]);
    }

    #[test]
    fn header_lost_width_from_content() {
        let t = "|\n|\nDefault expiration time |\nGoogle Analytics cookies |\n_utma |\nDistinguishes users. |\n2 years |\n_utmb |\nSessions. |\n30 minutes |\nCustom Cookies |\ncookiesAccepted |\nRemembers consent. |\n1 year |\n";
        assert_eq!(names(t), ["_utma", "_utmb", "cookiesAccepted"]);
    }
}
