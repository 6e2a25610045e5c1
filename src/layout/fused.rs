//! Tables whose every separator was lost, one row per line: the header's labels run
//! into each other and so do each row's cells.
//!
//! ```text
//! fused_table = fused_header { fused_row }
//! fused_header = label label { label }          (`CookiePurposeDurationType`,
//!                                                `Cookie-NameDauerVerwendungszweck`)
//! fused_row    = cell cell { cell }             (`sb-refresh-tokenRenews your session.7 daysStrictly necessary`)
//! ```
//!
//! The header says which cells a row holds and in what order; each row is then cut
//! where two cells could meet (a capital glued to a lower-case letter, a digit to a
//! letter, any character after a full stop) so that every cell reads as its column
//! says: the name cell as names, a duration cell as a whole duration, a type cell as
//! a category or storage label. Free text (purpose, provider) takes what lies between.
//! A line that cannot be cut that way ends the table.

use super::context::{heading_category, heading_text, is_heading};
use super::{Context, RawDoc, RawRecord};
use crate::fields::duration::duration_prefix;
use crate::fields::names::{is_host_or_file, is_name_shaped, split_names};
use crate::fields::provider::vendor_run;
use crate::fields::repair::Fragment;
use crate::fields::text::fold_whitespace;
use crate::policy::{Span, WarningKind};
use crate::segment::{Line, LineKind};
use crate::vocab::{vocab, Role};

/// A header's labels: (start, end, role) within the trimmed line.
type Labels = Vec<(usize, usize, Role)>;

/// Longest header or row line considered (the cutting search is bounded per line).
const MAX_LINE: usize = 1500;

/// Recognise a fused header at line `i` and read the rows under it.
pub(crate) fn parse<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    let line = &lines[i];
    if line.kind != LineKind::Text {
        return None;
    }
    let labels = fused_header(line.text.trim())?;
    let roles: Vec<Role> = labels.iter().map(|l| l.2).collect();
    let head = line.text.trim();
    let mut rows = Vec::new();
    let mut local = ctx.clone();
    // rows follow the header; blank lines between them (a copy that doubled every
    // line break) do not end the table, but the table ends before them
    let mut j = i + 1;
    let mut k = j;
    while k < lines.len() {
        if lines[k].is_blank() {
            k += 1;
            continue;
        }
        if lines[k].kind != LineKind::Text {
            break;
        }
        match cut_row(lines[k].text.trim_end(), &roles) {
            Some(cells) => rows.push((k, cells, local.clone())),
            None => {
                // a group row naming a category governs the rows after it
                let h = heading_text(lines[k].text.trim());
                let next_row = lines[k + 1..]
                    .iter()
                    .find(|l| !l.is_blank())
                    .is_some_and(|l| cut_row(l.text.trim_end(), &roles).is_some());
                match heading_category(h) {
                    Some(c) if next_row && is_heading(&lines[k]) => {
                        local.category = Some((c, fold_whitespace(h)));
                    }
                    _ => break,
                }
            }
        }
        k += 1;
        j = k;
    }
    if rows.is_empty() {
        return None;
    }
    doc.warn(
        WarningKind::Unreadable,
        Span::new(line.start, lines[j - 1].start + lines[j - 1].text.len()),
        "table cells glued with no separator; cut by the header's columns and the shapes of their values",
    );
    for (k, cells, row_ctx) in rows {
        let row = &lines[k];
        let text = row.text.trim_end();
        let f = |a: usize, b: usize| Fragment {
            text: &text[a..b],
            offset: row.start + a,
        };
        let (ns, ne) = cells[0];
        let mut rec = RawRecord::new(vec![f(ns, ne)], row.span(), &row_ctx);
        for (c, &(a, b)) in cells.iter().enumerate().skip(1) {
            let (ls, le, role) = labels[c];
            rec.push(Some(role), &head[ls..le], vec![f(a, b)]);
        }
        doc.records.push(rec);
    }
    *ctx = local;
    Some(j - i)
}

/// Where a glued label or cell may end: before a capital after a lower-case letter,
/// digit or closing punctuation (`tokenKeeps`, `app.Session`), before the last capital
/// of a capital run that a lower-case letter follows (`JSESSIONIDSession`), before a
/// digit after a letter, `_` or `)` (`_pk_id13`), and after a full stop glued to
/// what follows (`app.7 days`).
fn boundaries(text: &str) -> Vec<usize> {
    let cs: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    for k in 1..cs.len() {
        let (p, c) = cs[k];
        let prev = cs[k - 1].1;
        let next = cs.get(k + 1).map(|x| x.1);
        let camel = c.is_uppercase()
            && (prev.is_lowercase()
                || prev.is_ascii_digit()
                || matches!(
                    prev,
                    ')' | ']' | '}' | '>' | '*' | '#' | '.' | '!' | '?' | '%' | '"' | '\u{201d}'
                )
                || (prev.is_uppercase() && next.is_some_and(char::is_lowercase)));
        let digit = c.is_ascii_digit() && (prev.is_alphabetic() || matches!(prev, '_' | ')'));
        let stop = prev == '.' && !c.is_whitespace() && !c.is_lowercase() && c != '.';
        if camel || digit || stop {
            out.push(p);
        }
    }
    out
}

/// A line made only of header labels glued together, at least three (or two, the
/// first a name), the first a name, one a duration or purpose, no role twice.
fn fused_header(text: &str) -> Option<Labels> {
    if text.len() > 120
        || text.len() < 8
        || text.contains(char::is_whitespace) && !glued_inside(text)
    {
        return None;
    }
    let mut cuts = vec![0];
    cuts.extend(boundaries(text));
    cuts.push(text.len());
    if cuts.len() < 3 || cuts.len() > 12 {
        return None;
    }
    // fewest labels covering the pieces: best[k] = labels over the first k pieces
    let n = cuts.len() - 1;
    let mut best: Vec<Option<Labels>> = vec![None; n + 1];
    best[0] = Some(Vec::new());
    for k in 1..=n {
        for s in (0..k).rev() {
            let Some(prev) = &best[s] else { continue };
            let piece = text[cuts[s]..cuts[k]].trim_matches(|c: char| c == '-' || c == '/');
            let Some(role) = vocab().field(piece) else {
                continue;
            };
            if best[k].as_ref().is_none_or(|b| b.len() > prev.len() + 1) {
                let mut l = prev.clone();
                l.push((cuts[s], cuts[k], role));
                best[k] = Some(l);
            }
        }
    }
    let labels = best[n].take()?;
    let roles: Vec<Role> = labels.iter().map(|l| l.2).collect();
    let distinct = roles
        .iter()
        .enumerate()
        .all(|(k, r)| !roles[..k].contains(r));
    let enough = roles.len() >= 3 || (roles.len() == 2 && roles[1] == Role::Duration);
    (enough
        && distinct
        && roles[0] == Role::Name
        && roles
            .iter()
            .any(|r| matches!(r, Role::Duration | Role::Purpose)))
    .then_some(labels)
}

/// Whether a header line with spaces still glues its labels (`Cookie NameDuration`):
/// a capital glued to a lower-case letter.
fn glued_inside(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
}

/// Cut a row into one cell per role: byte ranges within `text`.
fn cut_row(text: &str, roles: &[Role]) -> Option<Vec<(usize, usize)>> {
    if text.len() > MAX_LINE || text.trim().is_empty() {
        return None;
    }
    let start = text.len() - text.trim_start().len();
    let mut cuts: Vec<usize> = boundaries(text)
        .into_iter()
        .filter(|&b| b > start)
        .collect();
    cuts.push(text.len());
    // strict first; then a duration cell may be a short phrase the grammar does not
    // read (`Direkt gelöscht`), kept as written
    [false, true].into_iter().find_map(|lenient| {
        let mut out = Vec::with_capacity(roles.len());
        let mut budget = 4096usize;
        cut_from(text, roles, &cuts, start, lenient, &mut out, &mut budget).then_some(out)
    })
}

/// Depth-first: cells `out.len()..` from byte `from`; the earliest ends first, names
/// preferring an end before a clean word (`sessionIdKeeps` → `sessionId` + `Keeps`).
fn cut_from(
    text: &str,
    roles: &[Role],
    cuts: &[usize],
    from: usize,
    lenient: bool,
    out: &mut Vec<(usize, usize)>,
    budget: &mut usize,
) -> bool {
    let k = out.len();
    if k == roles.len() {
        return from == text.len();
    }
    let last = k + 1 == roles.len();
    let mut ends: Vec<usize> = if last {
        vec![text.len()]
    } else {
        cuts.iter()
            .copied()
            .filter(|&c| c > from && c < text.len())
            .collect()
    };
    if roles[k] == Role::Name {
        ends.sort_by_key(|&e| !clean_word_at(text, e));
    }
    for e in ends {
        if *budget == 0 {
            return false;
        }
        *budget -= 1;
        if !cell_fits(&text[from..e], roles[k], lenient) {
            continue;
        }
        out.push((from, e));
        if cut_from(text, roles, cuts, e, lenient, out, budget) {
            return true;
        }
        out.pop();
    }
    false
}

/// Whether a word with no glued capital inside starts at byte `p` (`Keeps you`).
fn clean_word_at(text: &str, p: usize) -> bool {
    let word = text[p..]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    word.chars().count() >= 3 && word.chars().skip(1).all(char::is_lowercase)
}

/// Whether a cell reads as its column says.
fn cell_fits(cell: &str, role: Role, lenient: bool) -> bool {
    let cell = cell.trim();
    if cell.is_empty() {
        return false;
    }
    match role {
        Role::Name => {
            let names = split_names(cell);
            !names.is_empty()
                && names.len() <= 8
                && names.iter().all(|n| is_name_shaped(&n.name))
                && cell.split_whitespace().count() <= 2 * names.len() + 1
        }
        Role::Duration => {
            duration_prefix(cell).is_some_and(|n| n >= cell.trim_end_matches('.').len())
                || (lenient
                    && cell.split_whitespace().count() <= 3
                    && cell.chars().all(|c| c.is_alphabetic() || c == ' '))
        }
        Role::Type => {
            let v = vocab();
            cell.split_whitespace().count() <= 4
                && (v.category_of_label(cell).is_some() || v.storage_of(cell).is_some())
        }
        Role::Domain => cell.split_whitespace().all(is_host_or_file),
        Role::Provider => {
            vendor_run(cell).is_some_and(|(s, _)| s == 0)
                || (cell.split_whitespace().count() <= 5 && cell.starts_with(char::is_uppercase))
        }
        Role::Purpose => cell.chars().any(char::is_alphabetic),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells<'t>(text: &'t str, roles: &[Role]) -> Vec<&'t str> {
        cut_row(text, roles)
            .unwrap_or_default()
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect()
    }

    #[test]
    fn fused_headers() {
        let roles =
            |t: &str| fused_header(t).map(|l| l.into_iter().map(|x| x.2).collect::<Vec<_>>());
        assert_eq!(
            roles("CookiePurposeDurationType"),
            Some(vec![Role::Name, Role::Purpose, Role::Duration, Role::Type])
        );
        assert_eq!(
            roles("Cookie-NameDauerVerwendungszweck"),
            Some(vec![Role::Name, Role::Duration, Role::Purpose])
        );
        assert_eq!(roles("CookiePolicy"), None);
        assert_eq!(roles("NameName"), None);
        assert_eq!(roles("Our Cookie Policy"), None);
    }

    #[test]
    fn rows_cut_by_their_columns() {
        let r = [Role::Name, Role::Purpose, Role::Duration, Role::Type];
        assert_eq!(
            cells(
                "sb-access-tokenKeeps you signed in. Required.Session or 1 hourStrictly necessary",
                &r
            ),
            [
                "sb-access-token",
                "Keeps you signed in. Required.",
                "Session or 1 hour",
                "Strictly necessary"
            ]
        );
        let r = [Role::Name, Role::Duration, Role::Purpose];
        assert_eq!(
            cells("_pk_ses, _pk_cvar, _pk_hsr30 MinutenKurzlebige Cookies", &r),
            [
                "_pk_ses, _pk_cvar, _pk_hsr",
                "30 Minuten",
                "Kurzlebige Cookies"
            ]
        );
        assert_eq!(
            cells("JSESSIONIDSessionKeeps the session", &r),
            ["JSESSIONID", "Session", "Keeps the session"]
        );
        let r = [Role::Name, Role::Provider, Role::Purpose, Role::Duration];
        assert_eq!(
            cells("_ga_*Google AnalyticsUser session2 years", &r),
            ["_ga_*", "Google Analytics", "User session", "2 years"]
        );
        // a sentence is not a row
        assert!(cut_row("This site uses cookies to work.", &r).is_none());
    }
}
