//! Transposed tables: a row per field and a column per cookie, as a page sets a few
//! cookies side by side (`Cookie Name⇥_ga⇥_gid` / `Purpose⇥Counts visits⇥Counts
//! visits` / `Duration⇥2 years⇥24 hours`).
//!
//! ```text
//! table     = field_row field_row { field_row }   (consecutive tab lines)
//! field_row = header TAB cell { TAB cell }        (as many cells as the first row)
//! header    = a field's name in any language, or a short label no list holds
//! ```
//! One row's header names the cookies (the first such row): its cells are the names,
//! and the cells under a name, row by row, are that cookie's fields. A row of three
//! cells at least: two cells a row are a key-value block's (`keyvalue`). The names
//! row's cells are names, none a header word: a table's own header row
//! (`Name⇥Provider⇥Purpose`) is read by `tab`, and so is every table whose rows
//! start with a cookie's name (their first cells are no headers, and end the run).

use super::{frag, Context, RawDoc, RawRecord};
use crate::fields::names::{is_known, is_name_shaped, is_strong_name, split_names};
use crate::fields::text::more_words_than;
use crate::policy::WarningKind;
use crate::segment::{Line, LineKind};
use crate::vocab::{vocab, Role};

/// The fewest cells a row holds: its header and two cookies' cells.
const MIN_CELLS: usize = 3;

/// The most rows a transposed table holds (one a field; a table's field rows are
/// few): the run is read no further, so a long run of lines that each start with a
/// header word is not read again to its end from each of its lines.
const MAX_ROWS: usize = 16;

/// The most words a header no list holds may have (`Cookie lié au service`): a
/// longer first cell is a value, and ends the run.
const LABEL_WORDS: usize = 4;

/// One row of the table: its header's role (none for a label no list holds), the
/// header, the cells after it, and its line.
struct FieldRow<'l, 'a> {
    role: Option<Role>,
    header: &'a str,
    cells: Vec<&'a str>,
    line: &'l Line<'a>,
}

/// The rows of a transposed table starting at line `i`, and which of them names the
/// cookies; none when the lines there are no such table.
fn field_rows<'l, 'a>(lines: &'l [Line<'a>], i: usize) -> Option<(Vec<FieldRow<'l, 'a>>, usize)> {
    let first = &lines[i];
    // (most lines hold no tab, and most tab lines start with a value: both are
    // turned away before a row is split or a name read)
    if first.kind != LineKind::Tab {
        return None;
    }
    let v = vocab();
    let head = |line: &Line<'a>| line.text.split('\t').next().unwrap_or("").trim();
    v.field(head(first))?;
    let width = memchr::memchr_iter(b'\t', first.text.as_bytes()).count() + 1;
    if width < MIN_CELLS {
        return None;
    }
    let mut rows: Vec<FieldRow<'l, 'a>> = Vec::new();
    // (a row whose cells are all empty, `Provider⇥⇥`, is no tab line to the segmenter)
    let tabbed = |l: &&Line<'a>| l.kind == LineKind::Tab || l.text.contains('\t');
    for line in lines[i..].iter().take_while(tabbed).take(MAX_ROWS) {
        // (the header first: a table's own rows start with a name, and end the run
        // before they are split)
        let header = head(line);
        let role = v.field(header);
        if role.is_none() && !is_label(header) {
            break;
        }
        let cells = super::tab::cells_of(line);
        if cells.len() != width {
            break;
        }
        rows.push(FieldRow {
            role,
            header,
            cells: cells[1..].to_vec(),
            line,
        });
    }
    let at = rows.iter().position(|r| r.role == Some(Role::Name))?;
    // the names row and another a list knows
    let known = rows.iter().filter(|r| r.role.is_some()).count();
    (rows.len() >= 2 && known >= 2 && names_row(&rows[at].cells)).then_some((rows, at))
}

/// Whether a transposed table starts at line `i`: the tab reader leaves it alone (read
/// as a table, its first column of headers would be the first cells of rows, and a
/// column of values their names).
pub(crate) fn starts_at(lines: &[Line<'_>], i: usize) -> bool {
    field_rows(lines, i).is_some()
}

/// Recognise a transposed table starting at line `i`.
pub(crate) fn parse<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    let (rows, at) = field_rows(lines, i)?;
    let first = &lines[i];
    let width = rows[0].cells.len() + 1;
    let span = first.span().cover(rows[rows.len() - 1].line.span());
    for c in 0..width - 1 {
        let name = rows[at].cells[c].trim();
        if name.is_empty() {
            // a column with no name: its cells belong to no cookie
            if rows.iter().any(|r| !r.cells[c].trim().is_empty()) {
                doc.warn(
                    WarningKind::SkippedLine,
                    span,
                    format!(
                        "column {} of a transposed table names no cookie; skipped",
                        c + 2
                    ),
                );
            }
            continue;
        }
        let mut rec = RawRecord::new(frag(rows[at].line, name), span, ctx);
        rec.name_cell = true;
        for (k, r) in rows.iter().enumerate() {
            if k == at {
                continue;
            }
            // (a second row that names cookies, `Cookies used`, holds parties)
            let role = r.role.filter(|&role| role != Role::Name);
            rec.push(role, r.header, frag(r.line, r.cells[c].trim()));
        }
        doc.records.push(rec);
    }
    Some(rows.len())
}

/// Whether a row's header no list holds is a label (`Secure flag`, `HttpOnly`): one
/// to [`LABEL_WORDS`] words, capitalised, and no cookie's name (no digit, `_` or `.`,
/// and no name the database knows): a table's rows start with names.
fn is_label(header: &str) -> bool {
    header.starts_with(|c: char| c.is_uppercase())
        && !more_words_than(header, LABEL_WORDS)
        && !header.contains(|c: char| c.is_ascii_digit() || matches!(c, '_' | '.' | ':'))
        && !is_known(header)
}

/// Whether the cells of a names row are names: each filled cell lists name-shaped
/// tokens only, and one cell at least holds a name that is sure or known (a table's
/// header row, `Name⇥Provider⇥Purpose`, holds none).
fn names_row(cells: &[&str]) -> bool {
    let mut sure = false;
    for cell in cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        let names = split_names(cell);
        if names.is_empty() || !names.iter().all(|n| is_name_shaped(&n.name)) {
            return false;
        }
        sure |= names
            .iter()
            .any(|n| is_strong_name(&n.name) || is_known(&n.name));
    }
    sure
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cookies of `text`, each as its name, provider, purpose and lifetime.
    fn read(text: &str) -> Vec<(String, Option<String>, String, Option<String>)> {
        crate::parse_policy(text)
            .cookies
            .into_iter()
            .map(|c| {
                (
                    c.name,
                    c.provider,
                    c.purposes.join(" "),
                    c.duration.map(|d| d.text),
                )
            })
            .collect()
    }

    fn want(
        rows: &[(&str, Option<&str>, &str, Option<&str>)],
    ) -> Vec<(String, Option<String>, String, Option<String>)> {
        rows.iter()
            .map(|(n, p, u, d)| {
                (
                    n.to_string(),
                    p.map(str::to_string),
                    u.to_string(),
                    d.map(str::to_string),
                )
            })
            .collect()
    }

    /// A row per field, a column per cookie: each column is a cookie, in any order
    /// of the rows, the names row first or not, under a label no list holds.
    #[test]
    fn a_column_per_cookie() {
        let text = "Analytics cookies\n\n\
            Cookie Name\t_ga\t_gid\t_gat\n\
            Provider\tGoogle\tGoogle\tGoogle\n\
            Purpose\tDistinguishes users\tDistinguishes users\tThrottles requests\n\
            Duration\t2 years\t24 hours\t1 minute\n";
        let expected = want(&[
            (
                "_ga",
                Some("Google"),
                "Distinguishes users",
                Some("2 years"),
            ),
            (
                "_gid",
                Some("Google"),
                "Distinguishes users",
                Some("24 hours"),
            ),
            (
                "_gat",
                Some("Google"),
                "Throttles requests",
                Some("1 minute"),
            ),
        ]);
        assert_eq!(read(text), expected);
        // the names row last, under rows a table's reader would read as a header and
        // its rows (`Provider⇥Velqora⇥Kentico` over `Duration⇥3 months⇥Session`)
        let last = "Provider\tVelqora\tKentico\n\
            Duration\t3 months\tSession\n\
            Purpose\tGuards forms.\tGuards forms too.\n\
            Cookie Name\tidccsrf\tCMSCsrfCookie\n";
        assert_eq!(
            read(last),
            want(&[
                (
                    "idccsrf",
                    Some("Velqora"),
                    "Guards forms.",
                    Some("3 months")
                ),
                (
                    "CMSCsrfCookie",
                    Some("Kentico"),
                    "Guards forms too.",
                    Some("Session")
                ),
            ])
        );
        // the names row after another, and a row no list names kept as it is
        let moved = "Analytics cookies\n\n\
            Provider\tGoogle\tGoogle\tGoogle\n\
            Cookie Name\t_ga\t_gid\t_gat\n\
            Purpose\tDistinguishes users\tDistinguishes users\tThrottles requests\n\
            Secure flag\tyes\tyes\tno\n\
            Duration\t2 years\t24 hours\t1 minute\n";
        assert_eq!(read(moved), expected);
        let p = crate::parse_policy(moved);
        assert_eq!(
            p.cookies[2].extra.get("Secure flag").map(String::as_str),
            Some("no")
        );
        // each cookie's name is a slice of its own cell
        let at = moved.find("_gid").expect("in the text");
        assert!(p.cookies[1]
            .spans
            .iter()
            .any(|s| s.start <= at && at < s.end));
    }

    /// A table's header row over rows that start with names is no transposed table;
    /// neither are rows whose first cells are values, nor two cells a row.
    #[test]
    fn ordinary_tables_are_not_transposed() {
        let lines = |text: &'static str| crate::segment::lines(text);
        let mut ctx = Context::default();
        let mut doc = RawDoc::default();
        for text in [
            "Name\tProvider\tPurpose\tDuration\n_ga\tGoogle\tCounts\t2 years\n",
            "Name\tProvider\tPurpose\nCookie\tProvider\tPurpose\n",
            "_ga\tGoogle\tCounts\t2 years\n_gid\tGoogle\tCounts\t1 day\n",
            "Name\t_ga\nDuration\t2 years\n",
            "Name\tanalytics\tads\nDuration\t2 years\t1 day\n",
        ] {
            assert_eq!(parse(&lines(text), 0, &mut ctx, &mut doc), None, "{text}");
        }
        assert!(doc.records.is_empty());
    }

    /// A column with no name is no cookie: its cells are skipped with a warning.
    #[test]
    fn a_column_without_a_name() {
        let text = "Cookie\t_ga\t\t_gid\n\
            Provider\t\t\t\n\
            Purpose\tCounts visits\tShows ads\tCounts visits\n\
            Expiry\t2 years\t1 year\t1 day\n";
        let names: Vec<String> = read(text).into_iter().map(|r| r.0).collect();
        assert_eq!(names, ["_ga", "_gid"]);
        // (a row of empty cells, `Provider⇥⇥⇥`, does not end the table)
        let lives: Vec<Option<String>> = read(text).into_iter().map(|r| r.3).collect();
        assert_eq!(
            lives,
            [Some("2 years".to_string()), Some("1 day".to_string())]
        );
        let p = crate::parse_policy(text);
        assert!(p
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::SkippedLine && w.message.contains("column 3")));
    }
}
