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

use crate::chars::CharClass;
use std::collections::HashSet;

use super::context::{heading_category, heading_text, is_heading};
use super::{Context, RawDoc, RawRecord};
use crate::fields::duration::duration_prefix;
use crate::fields::names::{is_host_or_file, is_known, is_name_shaped, split_names};
use crate::fields::provider::{glued_vendor_prefix, vendor_run};
use crate::fields::repair::Fragment;
use crate::fields::text::fold_whitespace;
use crate::policy::{Span, WarningKind};
use crate::segment::{Line, LineKind};
use crate::vocab::{vocab, Role};

/// A header's labels: (start, end, role) within the trimmed line.
type Labels = Vec<(usize, usize, Role)>;

/// Longest header or row line considered (the cutting search is bounded per line).
const MAX_LINE: usize = 1500;

/// Longest lifetime read with the next cell glued to it (`12 Monatepanorama`).
const MAX_GLUED_DURATION: usize = 40;

/// Longest header label considered (`Maximale Speicherdauer`, `Fecha de caducidad`).
const MAX_LABEL: usize = 40;

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
        // the header written again over the next group's rows (`Analytics` /
        // `CookieDurationDescription` / …): no row, the table goes on
        if lines[k].text.trim() == head {
            k += 1;
            j = k;
            continue;
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
        Span::new(line.start(), lines[j - 1].start() + lines[j - 1].text.len()),
        "table cells glued with no separator; cut by the header's columns and the shapes of their values",
    );
    for (k, cells, row_ctx) in rows {
        let row = &lines[k];
        let text = row.text.trim_end();
        let f = |a: usize, b: usize| Fragment {
            text: &text[a..b],
            offset: row.start() + a,
        };
        let name_at = roles.iter().position(|&r| r == Role::Name).unwrap_or(0);
        let (ns, ne) = cells[name_at];
        let mut rec = RawRecord::new(vec![f(ns, ne)], row.span(), &row_ctx);
        for (c, &(a, b)) in cells.iter().enumerate() {
            if c == name_at {
                continue;
            }
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
                    ')' | ']'
                        | '}'
                        | '>'
                        | '*'
                        | '#'
                        | '.'
                        | '!'
                        | '?'
                        | '%'
                        | '"'
                        | '\u{201d}'
                        | '_'
                )
                || (prev.is_uppercase() && next.is_some_and(char::is_lowercase)));
        let digit = c.is_ascii_digit() && (prev.is_letter() || matches!(prev, '_' | ')'));
        let stop = prev == '.' && !c.is_whitespace() && !c.is_lowercase() && c != '.';
        if camel || digit || stop {
            out.push(p);
        }
    }
    out
}

/// A line made only of header labels glued together, at least three (or a name and a
/// duration), one a name, one a duration or purpose, no role twice. The name column
/// may stand anywhere (`VendorCookieDescriptionExpiration`).
fn fused_header(text: &str) -> Option<Labels> {
    if text.len() > 120 || text.len() < 8 {
        return None;
    }
    // in capitals, labels glue with no case change to cut on (`NOMBRETITULARDURACIÓN`):
    // any character may end one
    let capitals = !text.chars().any(char::is_lowercase);
    if text.contains(char::is_whitespace) && !glued_inside(text) && !capitals {
        return None;
    }
    let mut cuts = vec![0];
    if capitals {
        cuts.extend(text.char_indices().map(|(p, _)| p).skip(1));
    } else {
        cuts.extend(boundaries(text));
    }
    cuts.push(text.len());
    if cuts.len() < 3 || (cuts.len() > 12 && !capitals) {
        return None;
    }
    // cut anywhere, a label must be listed whole: the classifier's typo and compound
    // tolerance would read `TITULARD` or `EXPIRACIÓNTIPO` as labels
    let labels = if capitals {
        fewest_labels(text, &cuts, |p| vocab().field_listed(p))?
    } else {
        fewest_labels(text, &cuts, |p| vocab().field(p))?
    };
    // capitals cut anywhere: two labels at least must be glued, or it is a spaced header
    let glued = |w: &[(usize, usize, Role)]| {
        !text[..w[0].1].ends_with(char::is_whitespace)
            && !text[w[1].0..].starts_with(char::is_whitespace)
    };
    if capitals && !labels.windows(2).any(glued) {
        return None;
    }
    let roles: Vec<Role> = labels.iter().map(|l| l.2).collect();
    let distinct = roles
        .iter()
        .enumerate()
        .all(|(k, r)| !roles[..k].contains(r));
    let enough = roles.len() >= 3 || (roles.len() == 2 && roles.contains(&Role::Duration));
    (enough
        && distinct
        && roles.contains(&Role::Name)
        && roles
            .iter()
            .any(|r| matches!(r, Role::Duration | Role::Purpose)))
    .then_some(labels)
}

/// The fewest header labels that cover `text` cut at `cuts`: best[k] = labels over the
/// first k pieces. A label is at most [`MAX_LABEL`] bytes.
fn fewest_labels(
    text: &str,
    cuts: &[usize],
    role: impl Fn(&str) -> Option<Role>,
) -> Option<Labels> {
    let n = cuts.len() - 1;
    let mut best: Vec<Option<Labels>> = vec![None; n + 1];
    best[0] = Some(Vec::new());
    for k in 1..=n {
        for s in (0..k).rev() {
            if cuts[k] - cuts[s] > MAX_LABEL {
                break;
            }
            let Some(prev) = &best[s] else { continue };
            let piece = text[cuts[s]..cuts[k]]
                .trim()
                .trim_matches(|c: char| c == '-' || c == '/');
            let Some(role) = role(piece) else {
                continue;
            };
            if best[k].as_ref().is_none_or(|b| b.len() > prev.len() + 1) {
                let mut l = prev.clone();
                l.push((cuts[s], cuts[k], role));
                best[k] = Some(l);
            }
        }
    }
    best[n].take()
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
        let mut search = Search {
            text,
            roles,
            cuts: &cuts,
            lenient,
            out: Vec::with_capacity(roles.len()),
            budget: 4096,
            failed: HashSet::new(),
        };
        search.from(start).then_some(search.out)
    })
}

/// A depth-first search for one row's cells, with what it has learnt.
struct Search<'t> {
    text: &'t str,
    roles: &'t [Role],
    /// Where two cells may meet, whatever their roles.
    cuts: &'t [usize],
    /// A duration cell may be a short phrase the grammar does not read.
    lenient: bool,
    /// The cells so far.
    out: Vec<(usize, usize)>,
    /// Cells still to try; the search gives up at zero.
    budget: usize,
    /// (cell, start) pairs from which no cutting of the rest works.
    failed: HashSet<(usize, usize)>,
}

impl Search<'_> {
    /// Cut cells `out.len()..` from byte `from`: the earliest ends first, names
    /// preferring an end before a clean word (`sessionIdKeeps` → `sessionId` + `Keeps`).
    fn from(&mut self, from: usize) -> bool {
        let (text, roles) = (self.text, self.roles);
        let k = self.out.len();
        if k == roles.len() {
            return from == text.len();
        }
        if self.failed.contains(&(k, from)) {
            return false;
        }
        let ends = self.ends(k, from);
        for e in ends {
            if self.budget == 0 {
                return false;
            }
            self.budget -= 1;
            if !cell_fits(&text[from..e], roles[k], self.lenient) {
                continue;
            }
            self.out.push((from, e));
            if self.from(e) {
                return true;
            }
            self.out.pop();
        }
        // a provider, type or domain cell may be empty: the row glues nothing there
        if matches!(roles[k], Role::Provider | Role::Type | Role::Domain) && self.budget > 0 {
            self.budget -= 1;
            self.out.push((from, from));
            if self.from(from) {
                return true;
            }
            self.out.pop();
        }
        if self.budget > 0 {
            self.failed.insert((k, from));
        }
        false
    }

    /// Where cell `k` starting at `from` may end, in the order to try.
    fn ends(&self, k: usize, from: usize) -> Vec<usize> {
        let (text, roles) = (self.text, self.roles);
        if k + 1 == roles.len() {
            return vec![text.len()];
        }
        let rest = &text[from..];
        // where the cell's own grammar ends it, glued or not: a lifetime (`1 year__bid`,
        // `12 mesesppms_privacy_`), a known vendor (`Instagramshbid`)
        let own: Vec<usize> = match roles[k] {
            Role::Duration => glued_durations(rest),
            Role::Provider => glued_vendor_prefix(rest).into_iter().collect(),
            _ => Vec::new(),
        }
        .into_iter()
        .map(|n| from + n)
        .filter(|&e| e > from && e < text.len())
        .collect();
        let mut ends: Vec<usize> = self
            .cuts
            .iter()
            .copied()
            .filter(|&c| c > from && c < text.len() && !own.contains(&c))
            .collect();
        // a description ends at any full stop, even one a lower-case name is glued to
        // (`… Header Bidding.n360-tappx`)
        if roles[k] == Role::Purpose {
            let stops = rest
                .match_indices('.')
                .map(|(p, _)| from + p + 1)
                .filter(|&e| e < text.len() && !text[e..].starts_with(char::is_whitespace));
            ends.extend(stops);
            ends.sort_unstable();
            ends.dedup();
        }
        // a name or provider ends rather where a known vendor (the provider cell) or a
        // clean word (`sessionIdKeeps` → `sessionId` + `Keeps`) begins
        if matches!(roles[k], Role::Name | Role::Provider) {
            let vendor_next = roles.get(k + 1) == Some(&Role::Provider);
            // (keys cached: each asks the vendor list)
            ends.sort_by_cached_key(|&e| {
                if vendor_next && glued_vendor_prefix(&text[e..]).is_some() {
                    0
                } else if clean_word_at(text, e) {
                    1
                } else {
                    2
                }
            });
        }
        own.into_iter().chain(ends).collect()
    }
}

/// Byte lengths of a lifetime that opens `text`, the next cell perhaps glued to its
/// last word (`12 mesesppms_privacy_`, `1 year__bid`): every prefix the duration
/// grammar reads whole, ending before a cell that starts with a known cookie name
/// first, then the longest first (`1 day_omappvp` is `1 day`, not `1 d`).
fn glued_durations(text: &str) -> Vec<usize> {
    let mut ends: Vec<usize> = duration_prefix(text).into_iter().collect();
    if text.starts_with(|c: char| c.is_letter_or_digit()) {
        ends.extend(
            text.char_indices()
                .skip(1)
                .take_while(|&(p, _)| p <= MAX_GLUED_DURATION)
                .filter(|&(p, c)| {
                    !c.is_whitespace() && text[..p].ends_with(crate::chars::is_alphabetic)
                })
                .map(|(p, _)| p)
                .filter(|&p| duration_prefix(&text[..p]) == Some(p)),
        );
    }
    ends.sort_unstable();
    ends.dedup();
    ends.reverse();
    let known_after = |&p: &usize| {
        let next = text[p..]
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        !is_known(next)
    };
    ends.sort_by_key(known_after);
    ends
}

/// Whether a word with no glued capital inside starts at byte `p` (`Keeps you`).
fn clean_word_at(text: &str, p: usize) -> bool {
    let word = text[p..]
        .split(|c: char| !c.is_letter())
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
                    && cell.chars().all(|c| c.is_letter() || c == ' '))
        }
        Role::Type => {
            let v = vocab();
            // (no word glued to the next inside it: `Yandex.MetricaMesure d'audience`
            // cut as `caMesure d'audience` holds a category word, `audience`, but
            // the cell starts inside the provider's)
            let glued = |w: &str| {
                w.chars()
                    .zip(w.chars().skip(1))
                    .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
            };
            cell.split_whitespace().count() <= 4
                && !cell.split_whitespace().any(glued)
                && (v.category_of_label(cell).is_some() || v.storage_of(cell).is_some())
        }
        Role::Domain => cell.split_whitespace().all(is_host_or_file),
        Role::Provider => {
            vendor_run(cell).is_some_and(|(s, _)| s == 0)
                || (cell.split_whitespace().count() <= 5 && cell.starts_with(char::is_uppercase))
        }
        Role::Purpose => cell.chars().any(crate::chars::is_alphabetic),
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
        // in capitals, any character may end a label; the name column anywhere
        assert_eq!(
            roles("NOMBRETITULARDESCRIPCIÓNEXPIRACIÓNTIPO"),
            Some(vec![
                Role::Name,
                Role::Provider,
                Role::Purpose,
                Role::Duration,
                Role::Type
            ])
        );
        assert_eq!(
            roles("ÉDITEURDESCRIPTIONNOM DU COOKIEDURÉETYPE"),
            Some(vec![
                Role::Provider,
                Role::Purpose,
                Role::Name,
                Role::Duration,
                Role::Type
            ])
        );
        assert_eq!(
            roles("VendorCookieDescriptionExpiration"),
            Some(vec![
                Role::Provider,
                Role::Name,
                Role::Purpose,
                Role::Duration
            ])
        );
        // a spaced header in capitals is no fused one; nor is a heading
        assert_eq!(roles("NAME PURPOSE DURATION"), None);
        assert_eq!(roles("COOKIE POLICY"), None);
        assert_eq!(roles("CookiePolicy"), None);
        assert_eq!(roles("NameName"), None);
        assert_eq!(roles("Our Cookie Policy"), None);
    }

    /// A glued header written again under each category's heading is no row: the
    /// rows after it are the next group's.
    #[test]
    fn a_header_written_again_over_each_group() {
        let p = crate::parse_policy(
            "Functional\n\nCookieDurationDescription\n_ga2 yearsUsed to distinguish users.\n\n\
             Analytics\n\nCookieDurationDescription\n_gid1 dayUsed to count visits.\n",
        );
        let got: Vec<(&str, crate::Category)> = p
            .cookies
            .iter()
            .map(|c| (c.name.as_str(), c.category))
            .collect();
        assert_eq!(
            got,
            [
                ("_ga", crate::Category::Functional),
                ("_gid", crate::Category::Analytics)
            ]
        );
    }

    #[test]
    fn rows_cut_by_their_columns() {
        // a type cell starts at no capital glued inside a word: the provider's
        // `Metri­ca` is not cut before `caMesure d'audience`, whose elided
        // `d'audience` holds a category word
        let r = [
            Role::Name,
            Role::Purpose,
            Role::Duration,
            Role::Provider,
            Role::Type,
        ];
        assert_eq!(
            cells(
                "_ym_dSaves the first visit.1 anYandex.Metri\u{ad}caMesure d'audience",
                &r
            ),
            [
                "_ym_d",
                "Saves the first visit.",
                "1 an",
                "Yandex.Metri\u{ad}ca",
                "Mesure d'audience"
            ]
        );
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
        // a known vendor glued to the name after it; a name glued after a full stop;
        // a lifetime glued to the name after it; an empty provider cell
        let r = [Role::Provider, Role::Name, Role::Purpose, Role::Duration];
        assert_eq!(
            cells("Instagramshbid_xUsed for ads.1 year", &r),
            ["Instagram", "shbid_x", "Used for ads.", "1 year"]
        );
        let r = [Role::Purpose, Role::Name, Role::Duration, Role::Provider];
        assert_eq!(
            cells("Tracks visits across sites.n360-tappx3 monthsGoogle", &r),
            [
                "Tracks visits across sites.",
                "n360-tappx",
                "3 months",
                "Google"
            ]
        );
        let r = [Role::Duration, Role::Provider, Role::Name, Role::Purpose];
        assert_eq!(
            cells("12 mesesppms_privacy_Stores the consent.", &r),
            ["12 meses", "", "ppms_privacy_", "Stores the consent."]
        );
        assert_eq!(
            cells("1 dayGoogle_gid_xDistinguishes users.", &r),
            ["1 day", "Google", "_gid_x", "Distinguishes users."]
        );
    }
}
