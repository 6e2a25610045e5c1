//! Delimited tables: rows of cells apart by commas or semicolons, as a cookie
//! scanner or a spreadsheet exports them (CSV) and as some pages print them.
//!
//! ```text
//! table  = header { row | group | blank }
//! header = cells  (a name column and one more known column, three cells or more)
//! row    = cells  (as many as the header's)
//! cells  = cell { DELIM cell }        DELIM: the header's `,` or `;`
//! group  = a line naming a category, more rows after it (`Analytics cookies`)
//! cell   = '"' { char | '""' } '"'    (quoted: may hold the delimiter)
//!        | { char - DELIM - '"' }
//! ```
//!
//! By evidence only: the header must read as one (known column names), and a row
//! must split into exactly the header's cells; a line of the delimiter that does not
//! is reported as skipped, with its span, and the table goes on; a line without the
//! delimiter ends it. Prose, whose commas fall anywhere, has no header row.

use super::context::{heading_category, heading_text};
use super::tab::group_or_stray;
use super::table::{Header, Row, Rows};
use super::{Context, RawDoc};
use crate::policy::WarningKind;
use crate::segment::{Line, LineKind};

/// The fewest cells a header of a delimited table has (two cells and a comma are a
/// phrase more often than a table).
const MIN_CELLS: usize = 3;

/// The cells of `text` apart by `delim`, quotes taken off a quoted cell; `None` when
/// a quote is left open (the line is no row of such a table).
fn cells_of(text: &str, delim: u8) -> Option<Vec<&str>> {
    let bytes = text.as_bytes();
    let mut cells = Vec::new();
    let mut i = 0;
    loop {
        // spaces before a quoted cell (`a, "b, c"`)
        let start = i + bytes[i..].iter().take_while(|&&b| b == b' ').count();
        if bytes.get(start) == Some(&b'"') {
            let mut k = start + 1;
            loop {
                match bytes[k..].iter().position(|&b| b == b'"') {
                    None => return None,
                    Some(q) if bytes.get(k + q + 1) == Some(&b'"') => k += q + 2,
                    Some(q) => {
                        k += q;
                        break;
                    }
                }
            }
            // (the quotes are ASCII: the slice is on character boundaries)
            cells.push(&text[start + 1..k]);
            let after = k + 1 + bytes[k + 1..].iter().take_while(|&&b| b == b' ').count();
            match bytes.get(after) {
                None => return Some(cells),
                Some(&b) if b == delim => i = after + 1,
                // text after a closing quote: not a quoted cell after all
                Some(_) => return None,
            }
        } else {
            match memchr::memchr(delim, &bytes[i..]) {
                Some(d) => {
                    cells.push(&text[i..i + d]);
                    i += d + 1;
                }
                None => {
                    cells.push(&text[i..]);
                    return Some(cells);
                }
            }
        }
    }
}

/// The delimiter a header line is written with: `;` or `,`, the one it holds at
/// least twice (`;` first: a semicolon-separated row may have commas inside cells).
fn delimiter(text: &str) -> Option<u8> {
    [b';', b','].into_iter().find(|&d| {
        memchr::memchr_iter(d, text.as_bytes())
            .nth(MIN_CELLS - 2)
            .is_some()
    })
}

/// Recognise a delimited table whose header is line `i`.
pub(crate) fn parse<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    let first = &lines[i];
    if first.kind != LineKind::Text || first.text.len() > 400 {
        return None;
    }
    // (asked of every line: the cheap tests first; a header ends with no full stop)
    if first.text.trim_end().ends_with('.') {
        return None;
    }
    let delim = delimiter(first.text)?;
    let header_cells: Vec<&str> = cells_of(first.text, delim)?
        .into_iter()
        .map(str::trim)
        .collect();
    if header_cells.len() < MIN_CELLS || header_cells.iter().any(|c| c.len() > 60) {
        return None;
    }
    // every cell a column's name but one, and that one a short phrase (a sentence
    // with commas is no header)
    let vocab = crate::vocab::vocab();
    let mut unknown = header_cells.iter().filter(|c| vocab.field(c).is_none());
    let odd = unknown.next();
    if unknown.next().is_some()
        || odd.is_some_and(|c| {
            c.ends_with(['.', '!', '?']) || crate::fields::text::more_words_than(c, 3)
        })
    {
        return None;
    }
    let mut header = Header::read(&header_cells)?;
    let n = header_cells.len();
    let row_of = |l: &Line<'a>| -> Option<Vec<&'a str>> {
        (l.kind == LineKind::Text)
            .then(|| cells_of(l.text, delim))
            .flatten()
            .filter(|c| c.len() == n)
    };
    let sample: Vec<Vec<&str>> = lines[i + 1..]
        .iter()
        // (group rows, which hold no delimiter, aside)
        .filter(|l| !l.is_blank() && memchr::memchr(delim, l.text.as_bytes()).is_some())
        .take(30)
        .map_while(&row_of)
        .map(|c| c.into_iter().map(str::trim).collect())
        .collect();
    if sample.is_empty() {
        return None;
    }
    header.confirm(&sample);
    // each row keeps the context it was read under (a group row changes the
    // category of the rows after it); the caller's changes once the table is taken
    let mut local = ctx.clone();
    let mut rows = Rows::default();
    let mut j = i + 1;
    let mut end = j;
    while j < lines.len() {
        let line = &lines[j];
        if line.is_blank() {
            j += 1;
            continue;
        }
        if line.kind != LineKind::Text {
            break;
        }
        if memchr::memchr(delim, line.text.as_bytes()).is_none() {
            // a line naming a category with more rows after it is a group row
            // (`Analytics cookies`); any other line ends the table
            let more =
                super::next_filled(lines, j + 1).is_some_and(|k| row_of(&lines[k]).is_some());
            let group = heading_category(heading_text(line.text.trim())).is_some();
            if !(more && group) {
                break;
            }
            group_or_stray(line, &mut local, doc);
            j += 1;
            end = j;
            continue;
        }
        match row_of(line) {
            Some(cells) => {
                let trimmed: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
                if !header.is_repeat(&trimmed) {
                    let mut row = Row::with_len(n);
                    row.put_cells(0, line, &cells);
                    rows.push(row, &local, &header, doc);
                }
            }
            None => doc.warn(
                WarningKind::SkippedLine,
                line.span(),
                "row of a delimited table whose cells are not the header's; skipped",
            ),
        }
        j += 1;
        end = j;
    }
    if rows.is_empty() {
        return None;
    }
    rows.finish(&header, doc);
    *ctx = local;
    Some(end - i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::lines;

    #[test]
    fn cells_split_at_the_delimiter_outside_quotes() {
        assert_eq!(cells_of("a,b,c", b','), Some(vec!["a", "b", "c"]));
        assert_eq!(
            cells_of("_ga,\"Google, Inc.\",2 years", b','),
            Some(vec!["_ga", "Google, Inc.", "2 years"])
        );
        assert_eq!(
            cells_of("_ga; \"say \"\"hi\"\"\"; x", b';'),
            Some(vec!["_ga", "say \"\"hi\"\"", " x"])
        );
        assert_eq!(cells_of("a,,c,", b','), Some(vec!["a", "", "c", ""]));
        assert_eq!(cells_of("a,\"open, never closed", b','), None);
        assert_eq!(cells_of("a,\"b\"c,d", b','), None);
        assert_eq!(delimiter("Name;Provider;Purpose, and more"), Some(b';'));
        assert_eq!(delimiter("Name,Provider,Purpose"), Some(b','));
        assert_eq!(delimiter("Name, Provider"), None);
    }

    fn read(text: &str) -> (Option<usize>, RawDoc<'_>) {
        let ls = lines(text);
        let mut ctx = Context::default();
        let mut doc = RawDoc::default();
        let n = parse(&ls, 0, &mut ctx, &mut doc);
        (n, doc)
    }

    #[test]
    fn csv_and_semicolon_tables() {
        for d in [",", ";"] {
            let text = format!(
                "Name{d}Provider{d}Purpose{d}Expiry\n_ga{d}Google{d}\"Distinguishes users{d} sessions\"{d}2 years\n\n_gid{d}Google{d}Stores a unique value{d}24 hours\nbroken{d}row\n_fbp{d}Meta{d}Ads{d}3 months\nThe end.\n"
            );
            let (n, doc) = read(&text);
            assert_eq!(n, Some(6), "{d}");
            let names: Vec<String> = doc
                .records
                .iter()
                .map(|r| r.names.iter().map(|f| f.text.trim()).collect())
                .collect();
            assert_eq!(names, ["_ga", "_gid", "_fbp"], "{d}");
            assert_eq!(doc.warnings.len(), 1, "{d}: the broken row is reported");
            assert_eq!(
                &text[doc.warnings[0].span.start..doc.warnings[0].span.end],
                format!("broken{d}row")
            );
        }
    }

    #[test]
    fn prose_with_commas_is_no_table() {
        for text in [
            "Names, providers, purposes and lifetimes are listed below.\nWe use _ga, _gid, and _fbp on this site.\n",
            "Name,Provider,Purpose\nThe end of the list.\n",
            "apples, pears, plums\n_ga, Google, stats\n",
        ] {
            assert_eq!(read(text).0, None, "{text}");
        }
    }
}
