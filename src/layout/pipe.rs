//! Pipe tables (markdown `| a | b |` and copies with `a | b |`), including rows
//! broken across lines and tables flattened to one cell per line.
//!
//! ```text
//! table  = header [rule] { cell_stream }
//! header = pipe_line with a name column and one more known column
//!        | { single_cell_pipe_line }            (`Cookie |` / `Duration |` / ...)
//! rule   = `|---|:--:|`
//! cell_stream: every `|` closes a cell; text between pipes, over as many lines as
//!              it takes, is one cell; a row is complete when it has the header's cells.
//! ```
//! A row cut off by the end of the text is left out with a warning.

use nom::bytes::complete::take_till;
use nom::character::complete::char;
use nom::multi::separated_list0;
use nom::{IResult, Parser};

use super::context::{heading_category, heading_text};
use super::table::{Header, Row};
use super::{next_filled, Context, RawDoc};
use crate::fields::duration::is_whole_duration;
use crate::fields::names::is_strong_name;
use crate::fields::text::fold_whitespace;
use crate::policy::{Span, WarningKind};
use crate::segment::{Line, LineKind};

/// `cell { "|" cell }`: the pieces of a line between pipes.
fn pipe_pieces(input: &str) -> IResult<&str, Vec<&str>> {
    separated_list0(char('|'), take_till(|c| c == '|')).parse(input)
}

fn pieces(text: &str) -> Vec<&str> {
    pipe_pieces(text)
        .map(|(_, p)| p)
        .unwrap_or_else(|_| vec![text])
}

/// The cells of a one-line pipe row (outer pipes dropped).
fn row_cells(text: &str) -> Vec<&str> {
    let t = without_list_marker(text.trim());
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    pieces(t).into_iter().map(str::trim).collect()
}

/// A row written as a list's item (`1. _ga | Google | 2 years`, `- _ga | …`) without
/// its bullet or number, which is no part of its first cell (but `- | Google` keeps
/// its `-`: an empty cell).
fn without_list_marker(t: &str) -> &str {
    match super::list::unbullet(t) {
        u if !t.starts_with('|') && !u.starts_with('|') => u,
        _ => t,
    }
}

/// The cell of a one-cell pipe row (`Cookie |`), `None` for a row of more cells:
/// [`row_cells`] when it gives one cell, without splitting a long row into its cells
/// (a row has one cell exactly when no pipe is left inside its outer pipes).
fn single_cell(text: &str) -> Option<&str> {
    let t = without_list_marker(text.trim());
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    (!t.contains('|')).then(|| t.trim())
}

/// Recognise a pipe table whose header starts at line `i`.
pub(crate) fn parse<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    let first = &lines[i];
    if first.kind != LineKind::Pipe || empty_cells_row(first.text) {
        return None;
    }
    let mut stacked = false;
    let first_cells = row_cells(first.text);
    let read = Header::read(&first_cells);
    let (header, mut j) = match read {
        Some(mut h) => {
            let sample: Vec<Vec<&str>> = lines[i + 1..]
                .iter()
                .filter(|l| l.kind != LineKind::Rule && !l.is_blank())
                .take_while(|l| l.kind == LineKind::Pipe)
                .take(30)
                .map(|l| row_cells(l.text))
                .collect();
            h.confirm(&sample);
            (h, i + 1)
        }
        None => match stacked_header(lines, i) {
            Some(h) => {
                stacked = true;
                h
            }
            None => (inferred_header(lines, i, &first_cells)?, i),
        },
    };
    let leading = first.text.trim_start().starts_with('|');
    let trailing = first.text.trim_end().ends_with('|');
    let n = header.len();
    let mut row = Row::with_len(n);
    let mut k = 0; // the cell being filled
    let mut end = j;
    let mut truncated = false;
    let mut rows = Vec::new();
    while j < lines.len() {
        let line = &lines[j];
        match line.kind {
            LineKind::Rule => {}
            LineKind::Blank => {
                let next = next_filled(lines, j + 1);
                let after = next.and_then(|n| next_filled(lines, n + 1));
                // inside a row cut over lines, blank lines separate its cells; between
                // rows, the table goes on if more rows follow (past one stray line)
                let in_row = row.span.is_some() && next.is_some();
                let stray_then_rows =
                    next.is_some_and(|n| lines[n].text.len() <= 200) && is_row(lines, after);
                let goes_on = in_row || is_row(lines, next) || stray_then_rows;
                if !goes_on {
                    break;
                }
            }
            LineKind::Text | LineKind::Tab => {
                if k == 0 && row.span.is_none() {
                    // between rows, a line without pipes ends the table, unless more
                    // rows follow: then it is a group heading or stray text
                    if is_row(lines, next_filled(lines, j + 1)) && line.text.len() <= 200 {
                        super::tab::group_or_stray(line, ctx, doc);
                        j += 1;
                        end = j;
                        continue;
                    }
                    break;
                }
                row.put(k, line, line.text);
                // one cell per line: a sentence that lost its pipe before the next
                // cell's line is a whole cell (`Identifies visitors. ` / `2 years |`)
                let closes = line.text.trim_end().ends_with(['.', '!', '?']);
                let next_cell = lines.get(j + 1).is_some_and(|n| n.kind == LineKind::Pipe);
                if stacked && closes && next_cell {
                    k = close_cell(k, &mut row, &header, ctx, doc, &mut rows);
                }
            }
            LineKind::Pipe => {
                if k == 0 && row.span.is_none() {
                    // in a table of whole rows, a row of one cell may be a lone
                    // category word (`| Marketing |`); among one-cell lines it
                    // must be a label no name could be
                    let whole = !stacked && header.len() >= 3 && is_whole_row(line.text);
                    if let Some(label) = group_row(line.text, whole) {
                        // a group row (`| Analytics cookies |`, `Analytics cookies |`
                        // among one-cell lines): the category of the rows after it
                        ctx.category = Some((heading_category(label)?, fold_whitespace(label)));
                        j += 1;
                        end = j;
                        continue;
                    }
                    // a whole row of one cell naming a service (`| Google Analytics |`):
                    // the provider of the rows after it
                    if whole {
                        let cells = row_cells(line.text);
                        let mut filled = cells.iter().filter(|c| !c.is_empty());
                        if let (Some(only), None) = (filled.next(), filled.next()) {
                            if super::tab::take_service_row(heading_text(only), ctx) {
                                j += 1;
                                end = j;
                                continue;
                            }
                        }
                    }
                }
                let fresh = k == 0 && row.span.is_none();
                let mut text = line.text.trim_end();
                // a row written as a list's item: its bullet or number is no cell's
                // (as in `row_cells`)
                if k == 0 && row.span.is_none() {
                    text = without_list_marker(text.trim_start());
                }
                if leading && k == 0 && row.span.is_none() {
                    text = text.trim_start().strip_prefix('|').unwrap_or(text);
                }
                let ps = pieces(text);
                let last = ps.len() - 1;
                for (p_i, p) in ps.into_iter().enumerate() {
                    if p_i == last && trailing {
                        // text after the last pipe continues a cell on the next line
                        if !p.trim().is_empty() {
                            row.put(k, line, p);
                        }
                        continue;
                    }
                    // a pipe closes the cell; without trailing pipes so does the line end
                    row.put(k, line, p);
                    k = close_cell(k, &mut row, &header, ctx, doc, &mut rows);
                }
                if fresh && k > 0 && short_row_ends(lines, j, k, &header, stacked) {
                    let done = std::mem::replace(&mut row, Row::with_len(header.len()));
                    finish(&header, done, true, ctx, doc, &mut rows);
                    k = 0;
                }
            }
        }
        j += 1;
        if row.span.is_none() {
            end = j;
        }
    }
    if let Some(span) = row.span {
        if j >= lines.len() {
            truncated = true;
            doc.warn(
                WarningKind::TruncatedRecord,
                span,
                "table row cut off by the end of the text; left out",
            );
        } else if row.filled() >= 2 {
            finish(&header, row, false, ctx, doc, &mut rows);
            end = j;
        } else {
            doc.warn(
                WarningKind::Unreadable,
                span,
                "incomplete table row; left out",
            );
        }
    }
    doc.records.extend(rows);
    if truncated {
        end = lines.len();
    }
    Some(end.max(i + 1) - i)
}

/// Does the whole row at line `j` (`| _gid | Google | … | 24 hours |`), `k` cells
/// under a header of more, end at its line? Its last cells were left empty and lost
/// their pipes (`| _ga | … | 2 years |  |` above it kept them), unless the next line
/// holds the cells it lacks: a row cut over two lines. A row of a table whose rows
/// are one to a line, never one cut over lines.
fn short_row_ends(lines: &[Line<'_>], j: usize, k: usize, header: &Header, stacked: bool) -> bool {
    if stacked || !is_whole_row(lines[j].text) || row_cells(lines[j].text).len() != k {
        return false;
    }
    match next_filled(lines, j + 1).map(|n| &lines[n]) {
        Some(next) if next.kind == LineKind::Pipe => k + row_cells(next.text).len() != header.len(),
        _ => true,
    }
}

/// A pipe line of two cells or more, all empty (`|||`, `| | |`): no table starts at
/// it. [`Header::read`] finds no name among empty cells, [`stacked_header`] wants one
/// cell to a line and [`inferred_header`] a name in the first row. Read on the
/// characters, without splitting the line: a text of such lines cost its cells at
/// every line. Two cells or more: three pipes or more, for the outer ones are dropped.
fn empty_cells_row(text: &str) -> bool {
    let mut pipes = 0;
    for c in text.chars() {
        if c == '|' {
            pipes += 1;
        } else if !c.is_whitespace() {
            return false;
        }
    }
    pipes >= 3
}

/// No header: the columns inferred from the rows themselves, the pipe lines from line
/// `i` (two at least, counted before any row is split into its cells); `first` is
/// line `i`'s cells.
///
/// A first row of empty cells (a line of pipes alone) is turned away before the rows
/// are split: [`Header::infer`] wants a name in every row's name cell, so it finds no
/// name column then. Without that test, a text of such lines had its next 50 lines
/// split into cells again at every line.
fn inferred_header(lines: &[Line<'_>], i: usize, first: &[&str]) -> Option<Header> {
    if first.iter().all(|c| c.is_empty()) {
        return None;
    }
    let table = || {
        lines[i..]
            .iter()
            .filter(|l| l.kind != LineKind::Rule && !l.is_blank())
            .take_while(|l| l.kind == LineKind::Pipe)
            .take(50)
    };
    table().nth(1)?;
    let rows: Vec<Vec<&str>> = table().map(|l| row_cells(l.text)).collect();
    Header::infer(&rows)
}

/// A pipe line holding one filled cell that names a category and cannot be a cookie
/// name (it has a space, or a word for cookies, or is one capitalised word no cookie
/// is known by; or `lone_word`: the line is a whole row of a table, where a name never
/// stands alone): a group row. Returns the label.
fn group_row(text: &str, lone_word: bool) -> Option<&str> {
    let cells = row_cells(text);
    // a row whose first cell is empty, or holds the lower-case start or the end of a
    // sentence, goes on the row above (a cell wrapped inside its column: `|   |   |
    // is required (cookie |   |`, `| reporting and tracking purposes. |   |`),
    // whatever its words name
    if cells.len() > 1 && !opens_group(cells[0]) {
        return None;
    }
    let mut filled = cells.iter().filter(|c| !c.is_empty());
    let only = *filled.next()?;
    // `Statistik-Cookies` is a label too: a word for cookies in it
    // an identifier is a name, whatever its parts say (`cookies-functional`)
    if only.contains('_')
        || (only.contains('-')
            && !only.contains([' ', '\u{a0}'])
            && !only.chars().any(char::is_uppercase))
    {
        return None;
    }
    // a capitalised category word no cookie is known by (`Fonctionnel`, `Marketing`)
    let category_word = !only.contains(' ')
        && only.starts_with(char::is_uppercase)
        && !crate::fields::names::is_known(only);
    if filled.next().is_some()
        || !(lone_word
            || category_word
            || only.contains(' ')
            || crate::vocab::vocab().mentions_cookies(only))
    {
        return None;
    }
    let label = heading_text(only);
    heading_category(label).map(|_| label)
}

/// Whether the first cell of a row that fills one cell may be a group label: not
/// empty, not in lower case at its start, no full stop at its end (those are a
/// wrapped cell's lines).
fn opens_group(first: &str) -> bool {
    let t = first.trim();
    !t.is_empty() && !t.starts_with(char::is_lowercase) && !t.ends_with('.')
}

/// A pipe line that opens and closes with a pipe (`| Marketing |`): a whole row.
fn is_whole_row(text: &str) -> bool {
    let t = text.trim();
    t.len() >= 2 && t.starts_with('|') && t.ends_with('|')
}

/// Is line `at` a row of the current table (a pipe line that starts no new table)?
fn is_row(lines: &[Line<'_>], at: Option<usize>) -> bool {
    at.is_some_and(|n| {
        let l = &lines[n];
        l.kind == LineKind::Rule
            || (l.kind == LineKind::Pipe
                && Header::read(&row_cells(l.text)).is_none()
                && stacked_header(lines, n).is_none())
    })
}

/// Cell `k` of `row` is complete: the index of the next cell, finishing the row (and
/// starting a new one) after its last cell.
fn close_cell<'a>(
    k: usize,
    row: &mut Row<'a>,
    header: &Header,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
    out: &mut Vec<super::RawRecord<'a>>,
) -> usize {
    if k + 1 < header.len() {
        return k + 1;
    }
    let done = std::mem::replace(row, Row::with_len(header.len()));
    finish(header, done, false, ctx, doc, out);
    0
}

/// A complete row: a repeated header is skipped, a one-cell category row is a group
/// heading, anything else a record. A `short` row (fewer cells than the header, its
/// line ended) may lack a cell spanning rows, which the copy wrote in the first row
/// only (`| Google | _ga | … |` / `| _gid | … |`): it is realigned as a tab row is
/// and takes that cell from the record above ([`super::table::carry_cell`]).
fn finish<'a>(
    header: &Header,
    mut row: Row<'a>,
    short: bool,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
    out: &mut Vec<super::RawRecord<'a>>,
) {
    let texts: Vec<String> = (0..header.len()).map(|c| row.text(c)).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    if header.is_repeat(&refs) {
        return;
    }
    // (one filled cell past the first, or a sentence's start in lower case or its
    // end, goes on the row above: a cell wrapped inside its column, whatever its
    // words name)
    if row.filled() == 1 && opens_group(&texts[0]) {
        let only = texts
            .iter()
            .find(|t| !t.is_empty())
            .cloned()
            .unwrap_or_default();
        let h = heading_text(&only);
        if let Some(c) = heading_category(h) {
            ctx.category = Some((c, fold_whitespace(h)));
            return;
        }
    }
    let span = row.span.unwrap_or(Span::new(0, 0));
    // a row with an empty name cell continues the row above (a wrapped cell)
    if texts.get(header.name).is_some_and(|t| t.is_empty()) {
        if let Some(last) = out.last_mut() {
            for (k, cell) in row.into_cells().into_iter().enumerate() {
                if k == header.name || cell.is_empty() {
                    continue;
                }
                // (the header's texts are folded already: `Header::read`, `infer`)
                let (role, h) = header.cols.get(k).cloned().unwrap_or((None, "".into()));
                match last.fields.iter_mut().find(|f| f.header == h) {
                    Some(f) => f.value.extend(cell.iter().copied()),
                    None => last.push_shared(role, &h, cell),
                }
            }
            last.span = last.span.cover(span);
            return;
        }
    }
    let lacked = if short { row.realign(header) } else { None };
    match row.into_record(header, ctx) {
        Some(mut rec) => {
            if let Some(col) = lacked {
                super::table::carry_cell(header, &mut rec, out.last(), col);
            }
            out.push(rec)
        }
        None => {
            if texts.iter().any(|t| !t.is_empty()) {
                doc.warn(
                    WarningKind::SkippedLine,
                    span,
                    "table row without a name; skipped",
                );
            }
        }
    }
}

/// A header flattened one cell per line: `Cookie |`, `Duration |`, `Description |`.
fn stacked_header(lines: &[Line<'_>], i: usize) -> Option<(Header, usize)> {
    // the single-cell pipe lines from `i` (header cells, then data cells)
    // (a text line between them, a cell's text that lost its pipe, is passed over)
    let mut cells: Vec<&str> = Vec::new();
    for (k, l) in lines[i..].iter().enumerate() {
        if cells.len() >= 80 {
            break;
        }
        if l.kind == LineKind::Pipe {
            match single_cell(l.text) {
                Some(c) => cells.push(c),
                None => break,
            }
        } else if !(l.kind == LineKind::Text
            && !cells.is_empty()
            && lines
                .get(i + k + 1)
                .is_some_and(|n| n.kind == LineKind::Pipe))
        {
            break;
        }
    }
    // The header is as long as makes the name column hold cookie names: try each
    // length whose cells name a name column and one more, and score the rows after it.
    let mut best: Option<(f64, usize, Header)> = None;
    for n in 2..=cells.len().min(10) {
        // a group row right under the header ends the header
        if group_row(cells[n - 1], false).is_some() {
            break;
        }
        let Some(header) = Header::read(&cells[..n]) else {
            continue;
        };
        let c = cells[n - 1];
        if c.split_whitespace().count() > 6 || is_strong_name(c) {
            break;
        }
        // a cell no header word is a row's already: a sentence (a full stop), an identifier, a
        // lifetime (an unknown capitalised word, `Consenso`, may be a header's)
        let identifier = super::evidence::names_slot(c)
            && c.contains(|ch: char| matches!(ch, '_' | '-' | '.') || ch.is_ascii_digit());
        let data = crate::vocab::vocab().field(c).is_none()
            && ((c.ends_with('.') && c.split_whitespace().count() > 2)
                || identifier
                || is_whole_duration(c));
        if data {
            break;
        }
        // the share of rows whose name cell looks like a name (not a header word or a
        // lifetime), group rows between them left aside
        let mut data: Vec<&str> = Vec::new();
        for &c in &cells[n..] {
            // a group row stands where a row starts, never inside one
            if data.len().is_multiple_of(n) && group_row(c, false).is_some() {
                continue;
            }
            data.push(c);
        }
        let candidates: Vec<&str> = (0..5)
            .filter_map(|r| data.get(r * n + header.name).copied())
            .collect();
        let hits = candidates
            .iter()
            .filter(|c| {
                let c = c.trim();
                // names, one to a list item: words side by side are a sentence
                super::evidence::names_slot(c)
                    && crate::vocab::vocab().field(c).is_none()
                    && !is_whole_duration(c)
            })
            .count();
        if hits == 0 {
            continue;
        }
        let score = hits as f64 / candidates.len() as f64;
        if best.as_ref().is_none_or(|b| score > b.0) {
            // the cells confirm the columns (a lifetime column under an unknown header)
            let mut header = header;
            let sample: Vec<Vec<&str>> = data
                .chunks_exact(n)
                .take(30)
                .map(<[&str]>::to_vec)
                .collect();
            header.confirm(&sample);
            best = Some((score, n, header));
        }
    }
    let (_, n, header) = best?;
    Some((header, i + n))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows written as a list's items (`1. _ga | Google | …`, `- _ga | …`), with a
    /// header or none: the bullet or number is no part of the name; a row whose
    /// first cell is empty (`- | …` is no bullet) keeps its cells.
    #[test]
    fn rows_written_as_list_items() {
        assert_eq!(
            row_cells("1. _ga | Google | 2 years"),
            ["_ga", "Google", "2 years"]
        );
        assert_eq!(row_cells("- _ga | Google"), ["_ga", "Google"]);
        assert_eq!(row_cells("- | Google | 1 day"), ["-", "Google", "1 day"]);
        assert_eq!(row_cells("| _ga | Google |"), ["_ga", "Google"]);
        for text in [
            "1. _ga | Google | 2 years | Used to distinguish users.\n\
             2. _gid | Google | 1 day | Used to count visits.\n",
            "Name | Provider | Expiry | Purpose\n\
             - _ga | Google | 2 years | Used to distinguish users.\n\
             - _gid | Google | 1 day | Used to count visits.\n",
        ] {
            let p = crate::parse_policy(text);
            let names: Vec<&str> = p.cookies.iter().map(|c| c.name.as_str()).collect();
            assert_eq!(names, ["_ga", "_gid"], "{text:?}");
        }
    }

    #[test]
    fn single_cell_is_row_cells_of_one_cell() {
        let lines = crate::testing::corpus_lines_and(&[
            "",
            "|",
            "||",
            "|||",
            " | ",
            "a|",
            "|a",
            "|a|",
            "| a | b |",
            "a||b",
            " |x| ",
        ]);
        for line in &lines {
            let whole = row_cells(line);
            let one = (whole.len() == 1).then(|| whole[0]);
            assert_eq!(single_cell(line), one, "{line:?}");
        }
    }
    use crate::policy::Category;
    use crate::segment::lines;
    use crate::vocab::Role;

    /// The inferred header as read before [`inferred_header`] turned away a first
    /// row of empty cells.
    fn inferred_header_former(lines: &[Line<'_>], i: usize) -> Option<Header> {
        let table = || {
            lines[i..]
                .iter()
                .filter(|l| l.kind != LineKind::Rule && !l.is_blank())
                .take_while(|l| l.kind == LineKind::Pipe)
                .take(50)
        };
        table().nth(1)?;
        let rows: Vec<Vec<&str>> = table().map(|l| row_cells(l.text)).collect();
        Header::infer(&rows)
    }

    #[test]
    fn empty_cells_row_is_a_row_of_empty_cells_and_starts_no_table() {
        let lines_of = crate::testing::corpus_lines_and(&[
            "",
            "|",
            "||",
            "|||",
            "||||||||||||||||",
            " | | ",
            "\u{a0}|\u{2003}|\t|",
            "| | |",
            "|a||",
            "||a|",
            "| . |",
            "|||x",
            "x|||",
            " |\u{200b}| |",
            "|\u{b}|\u{85}|",
        ]);
        let mut seen = 0;
        for line in &lines_of {
            let cells = row_cells(line);
            let empty = cells.len() >= 2 && cells.iter().all(|c| c.is_empty());
            assert_eq!(empty_cells_row(line), empty, "{line:?}");
            if empty {
                seen += 1;
                // the former reading of such a line: no header of any kind
                assert!(Header::read(&cells).is_none(), "{line:?}");
                let text = format!("{line}\n{line}\n| _ga | Google |\n");
                let ls = lines(&text);
                assert!(stacked_header(&ls, 0).is_none(), "{line:?}");
                assert!(inferred_header_former(&ls, 0).is_none(), "{line:?}");
            }
        }
        assert!(seen >= 5, "{seen}");
    }

    #[test]
    fn inferred_header_is_the_former_one() {
        let mut texts = vec![crate::testing::corpus_lines().join("\n")];
        texts.extend(
            [
                "|||\n|||\n| _ga | Google |\n",
                "| | |\n| _ga | Google |\n| _gid | Google |\n",
                " |  | \n|---|---|\n| _ga | Google |\n",
                "| _ga | Google | |\n| _gid | Google | |\n",
                "| | _ga | Google |\n| | _gid | Google |\n",
                "_ga | | Google\n_gid | | Google\n|||\n",
                "||\n||\n",
                "|\n|\n",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for text in &texts {
            let ls = lines(text);
            for i in 0..ls.len() {
                if ls[i].kind != LineKind::Pipe {
                    continue;
                }
                let former = inferred_header_former(&ls, i);
                found += usize::from(former.is_some());
                let now = inferred_header(&ls, i, &row_cells(ls[i].text));
                assert_eq!(
                    format!("{now:?}"),
                    format!("{former:?}"),
                    "{:?}",
                    ls[i].text
                );
            }
        }
        assert!(found > 0, "no header inferred: the test tests nothing");
    }

    fn parse_all(text: &str) -> (Vec<Vec<String>>, Vec<WarningKind>) {
        let ls = lines(text);
        let mut doc = RawDoc::default();
        parse(&ls, 0, &mut Context::default(), &mut doc).expect("a table");
        let recs = doc
            .records
            .iter()
            .map(|r| {
                let mut v = vec![r.names.iter().map(|f| f.text.trim()).collect::<String>()];
                v.extend(r.fields.iter().map(|f| {
                    fold_whitespace(&f.value.iter().map(|x| x.text).collect::<Vec<_>>().join(" "))
                }));
                v
            })
            .collect();
        (recs, doc.warnings.iter().map(|w| w.kind).collect())
    }

    /// A pipe row that lacks the group's cell spanning rows (`| Google | _ga | … |`
    /// then `| _gid | … |`, as a converter writes a `rowspan`): realigned, it takes the
    /// cell from the row above; a row whose last cells lost their pipes does not
    /// move.
    #[test]
    fn rows_that_lack_the_cell_spanning_them() {
        let got: Vec<_> = crate::parse_policy(
            "| Provider | Cookie | Purpose | Expiry |\n|---|---|---|---|\n\
             | Google | _ga | Distinguishes users. | 2 years |\n\
             | _gid | Distinguishes users. | 24 hours |\n\
             | Hotjar | _hjid | Keeps the visitor ID. | 1 year |\n\
             | _hjSession_1 | Holds the session. | 30 minutes |\n",
        )
        .cookies
        .into_iter()
        .map(|c| (c.name, c.provider, c.duration.map(|d| d.text)))
        .collect();
        let want = [
            ("_ga", "Google", "2 years"),
            ("_gid", "Google", "24 hours"),
            ("_hjid", "Hotjar", "1 year"),
            ("_hjSession_1", "Hotjar", "30 minutes"),
        ]
        .map(|(n, p, d)| (n.to_string(), Some(p.to_string()), Some(d.to_string())));
        assert_eq!(got, want);
        let got: Vec<_> = crate::parse_policy(
            "| Cookie | Provider | Purpose | Expiry |\n|---|---|---|---|\n\
             | _ga | Google | Distinguishes users. | 2 years |\n\
             | _gid | Google |\n",
        )
        .cookies
        .into_iter()
        .map(|c| (c.name, c.provider))
        .collect();
        assert_eq!(
            got,
            [
                ("_ga".to_string(), Some("Google".to_string())),
                ("_gid".to_string(), Some("Google".to_string()))
            ]
        );
    }

    /// A grid table (`+----+----+` rules, `=` under the header) whose cells wrap
    /// inside their columns: a wrapped line is part of its cell even when its words
    /// name a category (`required`, `tracking`) or it fills the first column alone.
    #[test]
    fn grid_table_with_cells_wrapped_in_their_columns() {
        let text = "+------------------------------+------+--------+\n\
                    | Description                  | Name | Expiry |\n\
                    +==============================+======+========+\n\
                    | Checks if a partner sync is  | CM14 | 1 day  |\n\
                    | required (cookie set during  |      |        |\n\
                    | sync).                       |      |        |\n\
                    +------------------------------+------+--------+\n\
                    | Limits the rate of           | _gat | 1 min  |\n\
                    | reporting and tracking.      |      |        |\n\
                    +------------------------------+------+--------+\n\
                    | Analytics                    |      |        |\n\
                    +------------------------------+------+--------+\n\
                    | Counts visits.               | _ga  | 2 years |\n\
                    +------------------------------+------+--------+\n";
        let ls = lines(text);
        let mut doc = RawDoc::default();
        let mut ctx = Context::default();
        let at = ls
            .iter()
            .position(|l| l.kind == LineKind::Pipe)
            .expect("a row");
        assert!(ls[..at].iter().all(|l| l.kind == LineKind::Rule));
        parse(&ls, at, &mut ctx, &mut doc).expect("a table");
        let purposes: Vec<String> = doc
            .records
            .iter()
            .map(|r| {
                let f = r
                    .fields
                    .iter()
                    .find(|f| f.role == Some(Role::Purpose))
                    .expect("a purpose");
                fold_whitespace(&f.value.iter().map(|x| x.text).collect::<Vec<_>>().join(" "))
            })
            .collect();
        assert_eq!(
            purposes,
            [
                "Checks if a partner sync is required (cookie set during sync).",
                "Limits the rate of reporting and tracking.",
                "Counts visits."
            ]
        );
        let cats: Vec<Option<Category>> = doc
            .records
            .iter()
            .map(|r| r.category.as_ref().map(|c| c.0))
            .collect();
        assert_eq!(cats, [None, None, Some(Category::Analytics)]);
    }

    #[test]
    fn markdown_table_with_rule_and_cut_row() {
        let (r, w) = parse_all("| Cookie | Purpose | Expiration |\n|---|---|---|\n| _ga | Users | 2 years |\n| _gid | cut off");
        assert_eq!(r, [["_ga", "Users", "2 years"]]);
        assert_eq!(w, [WarningKind::TruncatedRecord]);
    }

    #[test]
    fn trailing_pipe_rows_broken_over_lines() {
        let t = "Cookie | Usage | Duration | Essential |\nA_ID |\nUsed to identify.\n|\nSession\n|\n|\nB_ID |\nAuth.\n|\n90 days\n|\n|\n";
        let (r, _) = parse_all(t);
        assert_eq!(
            r,
            [
                ["A_ID", "Used to identify.", "Session"],
                ["B_ID", "Auth.", "90 days"]
            ]
        );
    }

    /// A whole row short of the header's last cells (its empty cells lost their
    /// pipes) ends at its line: the next line is the next row, or no row at all,
    /// not the rest of this one; a row cut over two lines still joins.
    #[test]
    fn a_whole_row_short_of_its_empty_cells() {
        let read = |text: &str| -> Vec<(String, Option<String>)> {
            crate::parse_policy(text)
                .cookies
                .into_iter()
                .map(|c| (c.name, c.duration.and_then(|d| d.iso8601)))
                .collect()
        };
        let row = |n: &str, iso: &str| (n.to_string(), Some(iso.to_string()));
        let head =
            "| Nom | Responsable | Finalité | Durée | Acceptation |\n|---|---|---|---|---|\n";
        let doc = format!(
            "{head}| _ga | Google | Distingue les visiteurs. | 2 ans |  |\n\
             | _gid | Google | Distingue les visiteurs. | 24 heures |\n\nFermer\n"
        );
        assert_eq!(read(&doc), [row("_ga", "P2Y"), row("_gid", "PT24H")]);
        let doc = format!(
            "{head}| _gid | Google | Distingue les visiteurs. | 24 heures |\n\
             | _ga | Google | Distingue les visiteurs. | 2 ans |  |\n"
        );
        assert_eq!(read(&doc), [row("_gid", "PT24H"), row("_ga", "P2Y")]);
        // the cells it lacks on the next line: one row
        let doc = format!(
            "{head}| _ga | Google | Distingue les visiteurs. |\n2 ans | oui |\n\
             | _gid | Google | Distingue les visiteurs. | 24 heures | oui |\n"
        );
        assert_eq!(read(&doc), [row("_ga", "P2Y"), row("_gid", "PT24H")]);
    }

    #[test]
    fn stacked_header_ends_at_the_first_row() {
        // the description column first: the row's sentence and identifier are no
        // header cells, a header's question is (`Qui a accès ?`)
        let t = "Objet |\nCookie |\nDurée |\nType |\nRegisters user activity. |\n\
                 cookie-consent-io |\n30 jours |\nFonctionnel |\nUsed for ads. |\nn360-x |\n\
                 3 mois |\nPublicité |";
        let (r, _) = parse_all(t);
        assert_eq!(
            r.iter().map(|x| x[0].as_str()).collect::<Vec<_>>(),
            ["cookie-consent-io", "n360-x"]
        );
        let t = "Nom |\nUsage |\nQui a accès ? |\nDurée |\nMATOMO |\nMesure |\nLa DGT |\n13 mois |";
        let (r, _) = parse_all(t);
        assert_eq!(r[0][0], "MATOMO");
    }

    #[test]
    fn stacked_header_and_group_rows() {
        let t = "Cookie |\nDuration |\n_ga |\n2 years |\nAnalytics cookies | |\n_gid |\n1 day |";
        let (r, _) = parse_all(t);
        assert_eq!(r, [["_ga", "2 years"], ["_gid", "1 day"]]);
    }
}
