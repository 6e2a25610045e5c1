//! Tab-separated tables, as a browser copies an HTML table.
//!
//! ```text
//! table        = header_row { row | continuation | group_row | stray_line | blank }
//! header_row   = cell { TAB cell }            (cells name a name column and one more)
//! row          = cell { TAB cell }            (name cell not empty)
//! continuation = { cell TAB } cell            (name cell empty: wrapped cells, merged above)
//! stray_line   = text without tabs, followed by more rows: skipped with a warning
//! ```

use super::context::{heading_category, heading_text, is_heading};
use super::table::{Header, Row, Rows};
use super::{Context, RawDoc};
use crate::fields::text::fold_whitespace;
use crate::policy::WarningKind;
use crate::segment::{Line, LineKind};
use crate::vocab::Role;

/// `cell { TAB cell }`: the cells of one tab-separated line, split where `memchr`
/// finds the tabs (one search over the line). The grammar's `nom` form
/// (`tests::tab_cells`) read the line a character at a time, and a table with no
/// header to read is tried at each of its lines with up to 50 lines ahead
/// (`docs/performance.md`, "Round 15").
pub(super) fn cells_of<'a>(line: &Line<'a>) -> Vec<&'a str> {
    let text = line.text;
    let mut cells = Vec::with_capacity(8);
    let mut from = 0;
    // (a tab is ASCII: the slices are on char boundaries and cannot fail)
    for at in memchr::memchr_iter(b'\t', text.as_bytes()) {
        cells.push(text.get(from..at).unwrap_or_default());
        from = at + 1;
    }
    cells.push(text.get(from..).unwrap_or_default());
    cells
}

/// Whether a tab line holds fewer than `n` cells, told by its first tabs (a line may
/// hold millions: none is split).
fn fewer_cells(line: &Line<'_>, n: usize) -> bool {
    memchr::memchr_iter(b'\t', line.text.as_bytes())
        .take(n)
        .count()
        + 1
        < n
}

/// Recognise a tab table whose header row is line `i`.
/// Two lines that are each a key and its value set apart by a tab (`Name:⇥connect.sid`
/// / `Provider:⇥api.example.com`), the keys of different roles and the values no
/// headers: a key-value block, not a two-column table (whose header would be a
/// key with a cookie name for a column). The keys may be labels the document taught
/// (`Key⇥_ga` / `Storage time⇥2 years`, [`super::labels`]): read as a table, each
/// of their values would be a cookie.
fn key_value_pairs<'a>(lines: &[Line<'a>], i: usize, learned: &super::labels::Learned) -> bool {
    let v = crate::vocab::vocab();
    // (the key may also stand with no colon, the tab its only mark: `Nom⇥Amazon Web
    // Services` / `Fournisseur⇥Amazon Web Services`, a service's box copied as a
    // two-column table)
    let tab_pair = |l: &Line<'a>| -> Option<(Role, &'a str)> {
        // (two cells: one tab, found without splitting the line, which may hold
        // millions of them)
        let text = l.text;
        let tab = memchr::memchr(b'\t', text.as_bytes())?;
        let (key, value) = (&text[..tab], &text[tab + 1..]);
        if memchr::memchr(b'\t', value.as_bytes()).is_some() {
            return None;
        }
        let value = value.trim();
        (!value.is_empty()).then_some(())?;
        Some((v.field(key.trim().trim_end_matches(':'))?, value))
    };
    let pair = |l: &Line<'a>| {
        super::keyvalue::pair(l.text, learned)
            .map(|(_, role, value)| (role, value))
            .or_else(|| tab_pair(l))
            // (a value that is a listed header makes the line a header row; one that
            // only ends with a header's head word, `Amazon Web Services`, does not)
            .filter(|(_, value)| v.field_listed(value).is_none())
            .map(|(role, _)| role)
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
    if key_value_pairs(lines, i, &ctx.learned) || super::transposed::starts_at(lines, i) {
        return None;
    }
    let header_cells: Vec<&str> = cells_of(first).into_iter().map(str::trim).collect();
    let sample = || -> Vec<Vec<&str>> {
        lines[i + 1..]
            .iter()
            .filter(|l| !l.is_blank())
            .take_while(|l| l.kind == LineKind::Tab)
            .take(30)
            .map(|l| cells_of(l).into_iter().map(str::trim).collect())
            .collect()
    };
    // (the rows under the header are read once: to confirm a header, and to find the
    // name column of one whose name header no table lists)
    let read = match Header::read(&header_cells) {
        Some(h) => Some((h, sample())),
        None => {
            let rows = sample();
            Header::read_unnamed(&header_cells, &rows).map(|h| (h, rows))
        }
    };
    let (header, mut j) = match read {
        Some((mut h, rows)) => {
            h.confirm(&rows);
            (h, i + 1)
        }
        None => match infer(lines, i) {
            Some(h) => (h, i),
            // a row shaped as the document's last table's rows (its header written
            // once, over the first table)
            None => {
                let last = ctx.last_table.as_ref()?;
                let row = filled_cells(first);
                if header_words(&row) || !last.fits(&row) {
                    return None;
                }
                (Header::clone(last), i)
            }
        },
    };
    let n = header.len();
    // each row keeps the context it was read under: a group row changes the category
    // of the rows after it, never of those before; the caller's context changes only
    // once the table is taken
    let mut local = ctx.clone();
    // only the last row can still grow (continuation lines, a wrapped last cell): the
    // rows before it are records already, not held to the table's end
    let mut rows = Rows::default();
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
                // the next service's box, its keys set apart by tabs (`Name:⇥Google
                // AdSense` / `Anbieter:⇥Google`, under its table's last row): the
                // table has ended
                if cells.len() < n && key_value_pairs(lines, j, &local.learned) {
                    break;
                }
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
                // a cell broken by a hard line break (two paragraphs in one cell): the
                // row goes on on the next lines, and there finds its name
                let whole = (cells.len() < n)
                    .then(|| {
                        let mut row = Row::with_len(n);
                        row.put_cells(0, line, &cells);
                        let taken = broken_cell(lines, j, cells.len(), n, &mut row);
                        (taken > 0 && !row.cell(header.name).is_empty()).then_some((row, taken))
                    })
                    .flatten();
                let continuation = whole.is_none() && nameless && (filled * 2 <= n || n <= 2);
                if let Some((row, taken)) = whole {
                    rows.push(row, &local, &header, doc);
                    j += taken;
                } else if nameless && !continuation {
                    doc.warn(
                        crate::policy::WarningKind::SkippedLine,
                        line.span(),
                        "table row without a name; skipped",
                    );
                } else if continuation && !rows.is_empty() {
                    let row = rows.last_mut().expect("checked");
                    row.put_cells(0, line, &cells);
                } else if trimmed.iter().filter(|c| !c.is_empty()).count() == 1
                    && heading_category(heading_text(line.text.trim())).is_some()
                {
                    // one filled cell naming a category: a group row (`Analytics cookies`)
                    group_or_stray(line, &mut local, doc);
                } else {
                    let mut row = Row::with_len(n);
                    row.put_cells(0, line, &cells);
                    rows.push(row, &local, &header, doc);
                }
                j += 1;
                end = j;
            }
            _ => {
                // the last cell of the row right above went on past a line break
                // (`…to a different` / `instance. This type of redirect …`)
                if let Some(row) = rows.last_mut() {
                    if ends_last_cell(line, row, &lines[j - 1], &header)
                        && !super::context::heads_service(lines, j)
                    {
                        row.put(n - 1, line, line.text);
                        j += 1;
                        end = j;
                        continue;
                    }
                }
                // A text line inside the table: a group heading or stray text when
                // more rows follow; otherwise the table has ended.
                let next = super::next_filled(lines, j + 1);
                let more_rows = next.is_some_and(|k| {
                    (lines[k].kind == LineKind::Tab
                        && !is_header_line(&lines[k])
                        && !(fewer_cells(&lines[k], n)
                            && key_value_pairs(lines, k, &local.learned)))
                        || broken_first_cell(lines, k, &header).is_some()
                });
                if !more_rows || line.text.len() > 200 {
                    break;
                }
                if let Some(taken) = broken_first_cell(lines, j, &header) {
                    let mut row = Row::with_len(n);
                    for l in &lines[j..j + taken] {
                        row.put(0, l, l.text);
                    }
                    let full = &lines[j + taken];
                    row.put_cells(0, full, &cells_of(full));
                    rows.push(row, &local, &header, doc);
                    j += taken + 1;
                    end = j;
                    continue;
                }
                group_or_stray(line, &mut local, doc);
                j += 1;
                end = j;
            }
        }
    }
    rows.finish(&header, doc);
    local.last_table = Some(std::rc::Rc::new(header));
    *ctx = local;
    Some(end - i)
}

/// Lines after row `j` that continue it because a cell held a line break: the row has
/// `have` of the header's `n` cells, and the next lines, their first cell joined to
/// the row's last, bring it to exactly `n` (at most three lines; none if they do not).
/// Adds their cells to `row` and returns how many lines it took.
fn broken_cell<'a>(
    lines: &[Line<'a>],
    j: usize,
    have: usize,
    n: usize,
    row: &mut Row<'a>,
) -> usize {
    let mut count = have;
    let mut taken = Vec::new();
    for line in lines.iter().skip(j + 1).take(3) {
        if count >= n || !matches!(line.kind, LineKind::Tab | LineKind::Text) || line.is_blank() {
            break;
        }
        let cells = cells_of(line);
        count += cells.len() - 1;
        taken.push((line, cells));
    }
    if count != n || taken.is_empty() || have >= n {
        return 0;
    }
    let mut k = have - 1;
    for (line, cells) in &taken {
        row.put_cells(k, line, cells);
        k += cells.len() - 1;
    }
    taken.len()
}

/// Whether a text line right under a row (no blank between) ends that row's last
/// cell: the last column is a description, the line names no category (a group row)
/// and reads as the rest of a sentence (it starts in lower case or ends one).
fn ends_last_cell(line: &Line<'_>, row: &Row<'_>, above: &Line<'_>, header: &Header) -> bool {
    let t = line.text.trim();
    let last_is_text = header
        .cols
        .last()
        .is_some_and(|c| c.0 == Some(Role::Purpose));
    let right_under = row.span.is_some_and(|s| s.end == above.span().end) && !above.is_blank();
    let sentence = t.starts_with(char::is_lowercase) || t.ends_with(['.', '!', '?']);
    last_is_text
        && right_under
        && sentence
        && !t.is_empty()
        && heading_category(heading_text(t)).is_none()
}

/// Text lines at `j` that open the first cell of the row right after them, because
/// that cell held a line break (`Save the state of` / `UI elements in Plesk.⇥lists-state
/// ⇥Session`): the first column is a description, not the name, the lines name no
/// category (a group row), and the row under them is whole. Returns how many.
fn broken_first_cell(lines: &[Line<'_>], j: usize, header: &Header) -> Option<usize> {
    if header.name == 0
        || header
            .cols
            .first()
            .is_none_or(|c| c.0 != Some(Role::Purpose))
    {
        return None;
    }
    let taken = lines[j..]
        .iter()
        .take(3)
        .take_while(|l| l.kind == LineKind::Text)
        .count();
    let full = lines.get(j + taken)?;
    let group = lines[j..j + taken]
        .iter()
        .any(|l| heading_category(heading_text(l.text.trim())).is_some());
    (taken > 0 && !group && full.kind == LineKind::Tab && cells_of(full).len() == header.len())
        .then_some(taken)
}

/// The cells of a row of a table with no header, without the empty cells after the
/// last filled one (a tab after the last cell: an empty column the page left).
fn filled_cells<'a>(line: &Line<'a>) -> Vec<&'a str> {
    let mut cells = cells_of(line);
    while cells.len() > 1 && cells.last().is_some_and(|c| c.trim().is_empty()) {
        cells.pop();
    }
    cells
}

/// A line that may be a row of a table with no header: tab-separated, and not a
/// continuation line, whose first cells are empty because it goes on the cells of
/// the row above (`⇥back office)⇥⇥one page to another`); a line whose first cell
/// alone is empty, the others filled, is a row whose first cell states nothing
/// (`⇥Session⇥_gig_APIProxy_enabled⇥Used to…`).
fn headerless_row(line: &Line<'_>) -> bool {
    if line.kind != LineKind::Tab {
        return false;
    }
    if !line.text.starts_with('\t') {
        return true;
    }
    // three cells or more before the trailing empty ones, the first alone empty; read
    // without collecting the cells, and given up at a second empty cell inside (a
    // line of tabs alone costs two cells, not all of them)
    let (mut cells, mut inside, mut trailing) = (0, 0, 0);
    for cell in line.text.split('\t') {
        if cell.trim().is_empty() {
            trailing += 1;
            if inside == 0 && trailing >= 2 {
                return false;
            }
        } else {
            inside += trailing;
            trailing = 0;
            if inside > 1 {
                return false;
            }
        }
        cells += 1;
    }
    cells - trailing >= 3 && inside == 1
}

/// A row of header words is a header no reader took (`Clave⇥Fornecedor⇥…`), not a
/// cookie: two cells or more, half of them at least, are column headers.
fn header_words(cells: &[&str]) -> bool {
    let v = crate::vocab::vocab();
    let headers = cells.iter().filter(|c| v.field(c).is_some()).count();
    headers >= 2 && headers * 2 >= cells.len()
}

/// A table with no header row: its columns inferred from the consecutive rows at `i`
/// of as many cells as the first ([`Header::infer`]), or from the first alone when
/// they tell nothing ([`Header::infer_row`]: a row beyond doubt, whose neighbours
/// may be rows of a shape the inference does not take).
fn infer(lines: &[Line<'_>], i: usize) -> Option<Header> {
    let mut block = lines[i..].iter().take_while(|l| headerless_row(l)).take(50);
    // The first two rows first: `Header::infer` needs rows of as many cells and a
    // column whose every cell may be a name. When the first two rows have none, no
    // window from here has, and the rest are not split: a tab block with no header is
    // tried at each of its lines, and each try read 50 lines.
    let first = filled_cells(block.next()?);
    if header_words(&first) {
        return None;
    }
    let Some(second) = block
        .next()
        .map(filled_cells)
        .filter(|s| s.len() == first.len())
    else {
        return Header::infer_row(&first);
    };
    if !first
        .iter()
        .zip(&second)
        .any(|(a, b)| Header::name_cell(a) && Header::name_cell(b))
    {
        // no column of names in both: the first row may still be a cookie beyond doubt
        return Header::infer_row(&first);
    }
    let n = first.len();
    let mut rows = vec![first, second];
    rows.extend(block.map(filled_cells).take_while(|r| r.len() == n));
    Header::infer(&rows).or_else(|| Header::infer_row(&rows[0]))
}

fn is_header_line(line: &Line<'_>) -> bool {
    let cells: Vec<&str> = cells_of(line).into_iter().map(str::trim).collect();
    Header::read(&cells).is_some()
}

/// A line inside a table holding one piece of text: a category group row updates
/// the context, and so does a service's group row (`Google Analytics` over its
/// cookies' rows, a known vendor's name and nothing else), which names the provider
/// of the rows under it; anything else is reported and skipped, never merged into a
/// cookie.
pub(crate) fn group_or_stray(line: &Line<'_>, ctx: &mut Context, doc: &mut RawDoc<'_>) {
    let text = line.text.trim();
    if is_heading(&Line::new(text, line.start(), line.kind)) || line.kind == LineKind::Tab {
        let h = heading_text(text);
        if let Some(c) = heading_category(h) {
            ctx.category = Some((c, fold_whitespace(h)));
            return;
        }
        if take_service_row(h, ctx) {
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

/// A table's group row `h` that names a service (`Google Analytics` over its
/// cookies' rows) names the provider of the rows under it: taken into `ctx` when it
/// is a known vendor's name and nothing else, or, once a group row of the table has
/// been one, when it is a short label that speaks of no cookies and is no cookie's
/// name (`DoubleClick`, a name the vendor list lacks). Returns whether it was taken.
pub(crate) fn take_service_row(h: &str, ctx: &mut Context) -> bool {
    let service = crate::fields::provider::is_vendor_name(h)
        || (ctx.service_rows
            && !h.is_empty()
            && !crate::fields::text::more_words_than(h, 4)
            && !crate::fields::names::is_strong_name(h)
            && !crate::vocab::vocab().mentions_cookies(h));
    if service {
        ctx.provider = Some(h.to_string());
        ctx.provider_heading = true;
        ctx.service_rows = true;
    }
    service
}

#[cfg(test)]
mod tests {
    use super::*;
    use nom::bytes::complete::{tag, take_till};
    use nom::multi::separated_list1;
    use nom::{IResult, Parser};

    /// A service's box copied as a two-column table, keys with no colon (`Nom⇥Amazon
    /// Web Services` / `Fournisseur⇥Amazon Web Services`), is a key-value block, not a
    /// table whose header names a column `Amazon Web Services`; a two-column table's
    /// header, whose cells are both headers, is a table.
    #[test]
    fn boxes_with_tabs_are_no_tables() {
        let learned = crate::layout::labels::Learned::default();
        let pairs = |t: &str| key_value_pairs(&crate::segment::lines(t), 0, &learned);
        assert!(pairs(
            "Nom\tAmazon Web Services\nFournisseur\tAmazon Web Services\n"
        ));
        assert!(pairs("Name:\tGoogle AdSense\nAnbieter:\tGoogle\n"));
        assert!(!pairs("Cookie\tPurpose\n_ga\tCounts visits.\n"));
        assert!(!pairs("Name\tProvider\n_ga\tGoogle\n"));
        // a table ends where the next service's box begins
        let p = crate::parse_policy(
            "Name\tHost\tDuration\tType\n_ga\t.example.com\t2 years\tHTTP Cookie\n\n\
             Marketing\n\nName:\tGoogle AdSense\nProvider:\tGoogle\nPurpose:\tShows ads.\n\
             Technical cookie definitions\nName\tHost\tDuration\tType\n\
             __gads\t.example.com\t13 months\tHTTP Cookie\n",
        );
        let got: Vec<(&str, Option<&str>)> = p
            .cookies
            .iter()
            .map(|c| (c.name.as_str(), c.provider.as_deref()))
            .collect();
        assert_eq!(got, [("_ga", None), ("__gads", Some("Google"))]);
        assert_eq!(p.cookies[1].category, crate::Category::Advertising);
    }

    /// `cell { TAB cell }` as a `nom` grammar: the reference [`cells_of`] is held to.
    fn tab_cells(input: &str) -> IResult<&str, Vec<&str>> {
        separated_list1(tag("\t"), take_till(|c| c == '\t')).parse(input)
    }

    /// [`cells_of`] splits every line as the grammar does: the corpus lines and
    /// made-up ones with tabs first, last, doubled and alone, around text that is not
    /// ASCII.
    #[test]
    fn cells_are_the_grammars() {
        let made_up = [
            "",
            "\t",
            "\t\t",
            "a",
            "\ta",
            "a\t",
            "a\t\tb",
            "é\tß\t名前\t",
            " \t ",
        ];
        for text in crate::testing::corpus_lines_and(&made_up) {
            let line = Line::new(&text, 0, LineKind::Tab);
            assert_eq!(cells_of(&line), tab_cells(&text).unwrap().1, "{text:?}");
        }
    }

    /// Rows with no header: a row whose first cell alone is empty is a row (its
    /// provider unstated), a line whose first cells are empty goes on the row above;
    /// a tab after the last cell is an empty column; a row of header words no reader
    /// took is not a cookie.
    #[test]
    fn rows_without_a_header() {
        let line = |t: &'static str| Line::new(t, 0, LineKind::Tab);
        assert!(headerless_row(&line(
            "\tSession\t_gig_enabled\tUses the proxy.\t"
        )));
        assert!(!headerless_row(&line(
            "\tback office)\t\tone page to another"
        )));
        assert_eq!(filled_cells(&line("_ga\t2 years\t\t")), ["_ga", "2 years"]);
        let text = "\tSession\t_gig_enabled\tUses the proxy.\t\nSwym\t1 year\tswym-email\tStores the email.\t\n";
        let lines = crate::segment::lines(text);
        let h = infer(&lines, 0).expect("a table");
        assert_eq!(h.name, 2);
        let text = "Clave\tFornecedor\tValidade\n_ga\tGoogle\t2 anos\n_gid\tGoogle\t1 dia\n";
        assert!(infer(&crate::segment::lines(text), 0).is_none());
    }

    /// A row with no header whose name no list knows (`lidc`), under a section of
    /// its own, is read under the columns of the document's last table when its
    /// cells fit them (a lifetime in the lifetime column); a row that does not fit
    /// them is not.
    #[test]
    fn a_row_shaped_as_the_last_tables_rows() {
        let text = "Functional\n\nName\tProvider\tPurpose\tExpiry\n\
                    bcookie\tLinkedIn\tDetects spam.\t1 year\n\n\
                    Marketing\n\nThese cookies are set by advertisers on this site.\n\n\
                    lidc\tLinkedIn\tRegisters which server-cluster serves the visitor.\t1 day\n\n\
                    Other\n\nMore words about the site.\n\n\
                    monday\topen\tfrom nine\tto five\n";
        let p = crate::parse_policy(text);
        let got: Vec<(&str, Option<&str>)> = p
            .cookies
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.duration.as_ref().map(|d| d.text.as_str()),
                )
            })
            .collect();
        assert_eq!(got, [("bcookie", Some("1 year")), ("lidc", Some("1 day"))]);
    }

    /// A cell spanning rows (`rowspan`): the copy writes it in the first row only
    /// and leaves it out of the rows after, whose names (a group's first cell) or
    /// lifetimes (a shared description) then stand a column early. Those rows move
    /// back and take the cell; a cell kept empty (a tab written for it) says
    /// nothing, and takes nothing.
    #[test]
    fn rows_that_lack_a_group_cell_spanning_them() {
        let read = |text: &str| {
            crate::parse_policy(text)
                .cookies
                .iter()
                .map(|c| (c.name.clone(), c.provider.clone()))
                .collect::<Vec<_>>()
        };
        let owned = |v: &[(&str, Option<&str>)]| {
            v.iter()
                .map(|(n, p)| (n.to_string(), p.map(str::to_string)))
                .collect::<Vec<_>>()
        };
        let got = read(
            "Provider\tCookie\tPurpose\tExpiry\n\
             Google\t_ga\tDistinguishes users.\t2 years\n\
             _gid\tDistinguishes users.\t24 hours\n\
             ymex\tStores the date of the first visit to the site.\t1 year\n\
             Meta\t_fbp\tDelivers ads.\t3 months\n",
        );
        assert_eq!(
            got,
            owned(&[
                ("_ga", Some("Google")),
                ("_gid", Some("Google")),
                ("ymex", Some("Google")),
                ("_fbp", Some("Meta")),
            ])
        );
        let got = read(
            "Provider\tCookie\tPurpose\tExpiry\n\
             Google\t_ga\tDistinguishes users.\t2 years\n\
             \t_gid\tDistinguishes users.\t24 hours\n",
        );
        assert_eq!(got, owned(&[("_ga", Some("Google")), ("_gid", None)]));
        // a short name that is no sure one beside a short description (`fr` /
        // `Delivers ads.`) stands a column early too; a list of names where the
        // name should be does not move
        let got = read(
            "Provider\tCookie\tPurpose\tExpiry\n\
             Meta\t_fbp\tDelivers ads.\t3 months\n\
             fr\tDelivers ads.\t3 months\n",
        );
        assert_eq!(got, owned(&[("_fbp", Some("Meta")), ("fr", Some("Meta"))]));
        // a description spanning two rows: the second stands its lifetime in the
        // description's column, moves back and takes the description
        let p = crate::parse_policy(
            "Cookie\tDescription\tExpiry\n\
             _ga\tDistinguishes users.\t2 years\n\
             _gid\t24 hours\n",
        );
        let got: Vec<(&str, String, Option<&str>)> = p
            .cookies
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.purposes.join(" "),
                    c.duration.as_ref().map(|d| d.text.as_str()),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("_ga", "Distinguishes users.".to_string(), Some("2 years")),
                ("_gid", "Distinguishes users.".to_string(), Some("24 hours"))
            ]
        );
    }

    /// Blocks of a key and its value apart by a tab under labels the document taught
    /// (`Key`, `Storage time`, `Owner`: no table lists them) are key-value blocks:
    /// the tab reader declines them, and each block is one cookie, none named by a
    /// value (`Session`, `Media.net`, `2 years`).
    #[test]
    fn taught_labels_beside_their_values_are_no_table() {
        let block = |name: &str, life: &str, owner: &str| {
            format!(
                "Key\t{name}\nStorage time\t{life}\nUsed for\tRegisters a unique ID used to count visits.\nOwner\t{owner}\nGroup\tMarketing\n\n"
            )
        };
        let text = [
            block("mnet_session_depth", "Session", "Media.net"),
            block("_ga", "2 years", "Google"),
            block("_fbp", "3 months", "Meta"),
        ]
        .concat();
        let ls = crate::segment::lines(&text);
        let ctx = Context {
            learned: std::rc::Rc::new(super::super::labels::learn(&ls)),
            ..Context::default()
        };
        assert!(parse(&ls, 0, &mut ctx.clone(), &mut RawDoc::default()).is_none());
        let p = crate::parse_policy(&text);
        let got: Vec<(&str, Option<&str>)> = p
            .cookies
            .iter()
            .map(|c| (c.name.as_str(), c.provider.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("mnet_session_depth", Some("Media.net")),
                ("_ga", Some("Google")),
                ("_fbp", Some("Meta"))
            ]
        );
    }

    /// [`infer`], which turns a window away on its first two rows, infers what
    /// [`Header::infer`] infers from the whole window: at every tab line of every
    /// corpus document, and of made-up blocks whose first rows hold no name and whose
    /// later rows do.
    #[test]
    fn infer_reads_the_whole_window_when_it_may() {
        fn whole(lines: &[Line<'_>], i: usize) -> Option<Header> {
            let rows: Vec<Vec<&str>> = lines[i..]
                .iter()
                .take_while(|l| headerless_row(l))
                .take(50)
                .map(filled_cells)
                .collect();
            if header_words(rows.first()?) {
                return None;
            }
            match rows.get(1) {
                Some(r) if r.len() == rows[0].len() => {
                    let n = r.len();
                    let names = (0..n)
                        .any(|c| Header::name_cell(rows[0][c]) && Header::name_cell(rows[1][c]));
                    if !names {
                        return Header::infer_row(&rows[0]);
                    }
                    let same: Vec<Vec<&str>> =
                        rows.into_iter().take_while(|r| r.len() == n).collect();
                    Header::infer(&same).or_else(|| Header::infer_row(&same[0]))
                }
                _ => Header::infer_row(rows.first()?),
            }
        }
        let mut texts: Vec<String> = crate::testing::corpus_documents()
            .into_iter()
            .map(|(_, bytes)| String::from_utf8_lossy(&bytes).into_owned())
            .collect();
        texts.push(
            "Cookie name here\tA purpose\n_ga\tDistinguishes users\n_gid\tSessions\n_fbp\tAds\n"
                .repeat(3),
        );
        texts.push("x\ty\n_ga\t2 years\tGoogle\n_gid\t1 day\tGoogle\n".to_string());
        let mut inferred = 0;
        for text in &texts {
            let lines = crate::segment::lines(text);
            for i in 0..lines.len() {
                if lines[i].kind != LineKind::Tab {
                    continue;
                }
                let (got, want) = (infer(&lines, i), whole(&lines, i));
                assert_eq!(
                    format!("{got:?}"),
                    format!("{want:?}"),
                    "{:?}",
                    lines[i].text
                );
                inferred += usize::from(got.is_some());
            }
        }
        assert!(inferred > 0, "no window was inferred");
    }

    #[test]
    fn cells() {
        assert_eq!(tab_cells("a\tb\t\tc").unwrap().1, ["a", "b", "", "c"]);
        assert_eq!(tab_cells("\tx").unwrap().1, ["", "x"]);
        assert_eq!(tab_cells("").unwrap().1, [""]);
    }

    fn read(text: &str) -> Vec<(String, Vec<String>)> {
        let ls = crate::segment::lines(text);
        let mut doc = RawDoc::default();
        let mut ctx = Context::default();
        assert!(parse(&ls, 0, &mut ctx, &mut doc).is_some(), "{text:?}");
        doc.records
            .iter()
            .map(|r| {
                let values = r
                    .fields
                    .iter()
                    .map(|f| f.value.iter().map(|v| v.text).collect::<Vec<_>>().join(" "))
                    .collect();
                (r.names[0].text.to_string(), values)
            })
            .collect()
    }

    /// A cell holding a line break (two paragraphs) splits its row over two lines: in
    /// the middle, at the start (the first line has no tab) and in a nameless half.
    #[test]
    fn rows_whose_cell_holds_a_line_break() {
        let got = read(
            "Cookie\tPurpose\tExpiry\tProvider\n\
             _ga\tDistinguishes\nusers.\t2 years\tGoogle\n\
             _gid\tCounts visits.\t1 day\tGoogle\n",
        );
        assert_eq!(got[0].1, ["Distinguishes users.", "2 years", "Google"]);
        assert_eq!(got.len(), 2);
        let got = read(
            "Purpose\tCookie\tExpiry\n\
             Stores the state\nof the menu.\tmenu_state\tSession\n\
             Counts visits.\t_gid\t1 day\n",
        );
        assert_eq!(
            got[0],
            (
                "menu_state".to_string(),
                vec![
                    "Stores the state of the menu.".to_string(),
                    "Session".to_string()
                ]
            )
        );
        let got = read(
            "Expiry\tPurpose\tProvider\tCookie\n\
             30 days\tIdentifies the\nsame user.\tMarfeel\t_ut\n\
             1 year\tSingle sign-on.\nMore text.\tSalesforce\tsso\n",
        );
        assert_eq!(
            got.iter().map(|g| g.0.as_str()).collect::<Vec<_>>(),
            ["_ut", "sso"]
        );
        // the last cell broken: the line under the row ends it; a group row does not
        let got = read(
            "Cookie\tExpiry\tPurpose\n\
             inst\tSession\tRedirects requests to a different\ninstance after a migration.\n\
             Marketing\n\
             _fbp\t3 months\tAds.\n",
        );
        assert_eq!(
            got[0].1[1],
            "Redirects requests to a different instance after a migration."
        );
        assert_eq!(got[1].0, "_fbp");
    }
}
