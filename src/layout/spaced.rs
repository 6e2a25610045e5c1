//! Tables whose tabs were lost: columns aligned by runs of spaces, collapsed to
//! single spaces, or flattened to one cell per paragraph.
//!
//! ```text
//! table     = header ( aligned_row+ | collapsed_row+ | cell_paragraphs )
//! header    = header phrases separated by spaces (`Cookie Name Expiration Time Description`)
//!           | one header phrase per paragraph (`Cookie name` / `CMP for brands` / ...)
//! collapsed_row = names { "," names } rest     rest split on the shapes of its cells:
//!           a duration where the header has one (read from the left or the right),
//!           a type phrase (`HTTP Cookie`) at the end, a provider as one capitalised run
//! cell_paragraphs = { name_paragraph paragraph{n-1} }
//! ```

use super::keyvalue::kv_line;
use super::table::{mostly, Header, Row};
use super::{frag, Context, RawDoc};
use crate::fields::duration::{duration_prefix, duration_suffix, parse_duration};
use crate::fields::names::{is_host_or_file, is_name_shaped, is_strong_name};
use crate::fields::provider::vendor_prefix;
use crate::fields::repair::{Fragment, Frags};
use crate::fields::text::{fold_whitespace, more_words_than, recent, Recent};
use crate::policy::{DurationKind, Span, WarningKind};
use crate::segment::{Line, LineKind};
use crate::vocab::{vocab, FieldWord, Role};

/// Split a line into header phrases, longest phrase first at each word. At most one
/// unknown word is allowed (it becomes a column of its own).
pub(crate) fn header_phrases(text: &str) -> Option<Vec<&str>> {
    // a line with no whitespace byte and no byte of a non-ASCII character (which may
    // be a no-break space) is ASCII of one word at most: no header (`_c123`, `:`), and
    // its words are not gathered. Asked of short lines only: a long line is seldom one
    // word, and the test would read its first word for nothing.
    if text.len() <= 24
        && !text
            .bytes()
            .any(|b| matches!(b, b' ' | b'\t'..=b'\r') || !b.is_ascii())
    {
        return None;
    }
    // at most 14 words: a line of prose is not split to its end (the first 15 word
    // spans, kept on the stack: this runs on most short lines)
    let mut spans = [(0usize, 0usize); 15];
    let mut n = 0;
    for span in first_words(text) {
        spans[n] = span;
        n += 1;
    }
    let words = &spans[..n];
    if words.len() < 2 || words.len() > 14 {
        return None;
    }
    let mut out = Vec::new();
    let mut unknown = 0;
    let mut w = 0;
    // what each plain word can do in a header, asked once per word and only when a
    // phrase reaches it (prose stops at its second word): the phrases it rules out
    // are not looked up (see `Vocab::field_word`)
    let mut plain: [Option<Option<FieldWord>>; 15] = [None; 15];
    let mut field_word = |k: usize| {
        *plain[k].get_or_insert_with(|| vocab().field_word(&text[words[k].0..words[k].1]))
    };
    while w < words.len() {
        let mut took = 0;
        // (the longest phrase read by a head word alone, and the longest listed one)
        let mut head_only = 0;
        // (asked only when a phrase of two words or more from `w` passes the cheap
        // test below: on prose most do not)
        let mut cookie_first = None;
        // the longest phrase from `w` that may be a field: none when the first word
        // starts no listed header and no word up to there is a head or cookie word
        let mut may = 0;
        if field_word(w).is_some_and(|f| !f.starts) {
            for k in w..(w + 5).min(words.len()) {
                match field_word(k) {
                    Some(f) if !f.counts => {}
                    _ => break,
                }
                may = k + 1 - w;
            }
        }
        for len in (1..=5.min(words.len() - w)).rev() {
            if len <= may {
                continue;
            }
            let phrase = &text[words[w].0..words[w + len - 1].1];
            // a phrase `field` turns down by its cheap tests (a word with a digit: `The
            // cookie _pk_id_3`) is no header phrase, whether or not it opens with a
            // cookie word: `field_listed` (a fold per phrase, most of the cost on prose
            // lines that name a cookie) is not asked about it
            if vocab().field_surely_none(phrase) {
                continue;
            }
            // `Cookie Provider Purpose`: an unlisted phrase opening with a cookie word is
            // the name column and the next header, not `Cookie provider`
            let opens_with_cookie = len > 1
                && *cookie_first
                    .get_or_insert_with(|| vocab().mentions_cookies(&text[words[w].0..words[w].1]))
                && vocab().field_listed(phrase).is_none();
            if !opens_with_cookie && vocab().field(phrase).is_some() {
                // the longest phrase a table lists whole (`Set by` and `Function`, not
                // `Set by Function` read by `function`; `Provider` and `Cookie name`;
                // `Expiry` and a column of its own, not `Expiry Toggle`); a longer one
                // read by its head word alone only when its further words open with a
                // function word, a complement (`Description of Use`, `Finalité du
                // cookie`)
                if vocab().field_listed(phrase).is_some() {
                    took = len;
                    if head_only > len {
                        let next = &text[words[w + len].0..words[w + len].1];
                        if crate::vocab::affixes::is_function_word_anywhere(&next.to_lowercase()) {
                            took = head_only;
                        }
                    }
                    break;
                }
                if head_only == 0 {
                    head_only = len;
                }
            }
        }
        if took == 0 {
            took = head_only;
        }
        if took > 0 {
            out.push(&text[words[w].0..words[w + took - 1].1]);
        }
        if took == 0 {
            unknown += 1;
            // two unknown words make no header, whatever follows
            if unknown > 1 {
                return None;
            }
            out.push(&text[words[w].0..words[w].1]);
            took = 1;
        }
        w += took;
    }
    part_for_name(&mut out);
    (unknown <= 1 && out.len() >= 2).then_some(out)
}

/// A header needs a name column: `Cookie Provider Purpose` is `Cookie | Provider` and
/// `Type Cookie Expiration` is `Type | Cookie` when the phrase would leave none
/// ([`name_split`]). Among other phrases only: a phrase alone, `Third-Party
/// Cookies`, is a heading.
fn part_for_name(out: &mut Vec<&str>) {
    if out.len() >= 2 && !out.iter().any(|p| vocab().field(p) == Some(Role::Name)) {
        if let Some((k, at)) = out
            .iter()
            .enumerate()
            .find_map(|(k, p)| name_split(p).map(|at| (k, at)))
        {
            let p = out[k];
            out.splice(k..=k, [p[..at].trim_end(), p[at..].trim_start()]);
        }
    }
}

/// Where a header phrase of several words parts into two columns' labels, one of
/// them the name column's (`Cookie | Provider`, `Type | Cookie`): the first word
/// boundary at which both halves are labels and one is a name's. A phrase read
/// whole by its head word would otherwise leave the header without a name column.
fn name_split(phrase: &str) -> Option<usize> {
    phrase
        .match_indices(char::is_whitespace)
        .map(|(at, _)| at)
        .find(|&at| {
            let (l, r) = (phrase[..at].trim_end(), phrase[at..].trim_start());
            let (fl, fr) = (vocab().field(l), vocab().field(r));
            fl.is_some() && fr.is_some() && (fl == Some(Role::Name) || fr == Some(Role::Name))
        })
}

/// Byte ranges of the first 15 whitespace-separated words of `text` (what
/// `runs_iter(text, |c| !c.is_whitespace()).take(15)` gives). ASCII text is read byte
/// by byte: its whitespace characters are the bytes tab to carriage return and the
/// space, each a character of its own.
fn first_words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let ascii = text.is_ascii().then(|| {
        let bytes = text.as_bytes();
        let mut pos = 0;
        std::iter::from_fn(move || {
            let space = |b: u8| matches!(b, b' ' | b'\t'..=b'\r');
            let start = pos + bytes[pos..].iter().position(|&b| !space(b))?;
            let end = bytes[start..]
                .iter()
                .position(|&b| space(b))
                .map_or(bytes.len(), |n| start + n);
            pos = end;
            Some((start, end))
        })
    });
    let other =
        (!text.is_ascii()).then(|| crate::fields::text::runs_iter(text, |c| !c.is_whitespace()));
    ascii
        .into_iter()
        .flatten()
        .chain(other.into_iter().flatten())
        .take(15)
}

/// Byte ranges of the space-separated words of `text`.
fn word_offsets(text: &str) -> Vec<(usize, usize)> {
    crate::fields::text::runs(text, |c| !c.is_whitespace())
}

/// Cells split on runs of two or more spaces, with the character column each starts at.
fn positioned_cells(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (byte, column)
    let mut spaces = 0;
    let mut last_end = 0;
    for (col, (b, c)) in text.char_indices().enumerate() {
        if c == ' ' || c == '\u{a0}' {
            spaces += 1;
            if spaces >= 2 {
                if let Some((sb, sc)) = start.take() {
                    out.push((sc, &text[sb..last_end]));
                }
            }
        } else {
            if start.is_none() {
                start = Some((b, col));
            }
            spaces = 0;
            last_end = b + c.len_utf8();
        }
    }
    if let Some((sb, sc)) = start {
        out.push((sc, &text[sb..last_end]));
    }
    out
}

/// A table aligned in columns by runs of spaces (PDF text): cells go to the header
/// column they stand under; a line whose name cell is empty continues the row above.
fn aligned_table<'a>(
    lines: &[Line<'a>],
    i: usize,
    header: &Header,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    let cols: Vec<usize> = positioned_cells(lines[i].text)
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    if cols.len() != header.len() {
        return None;
    }
    let column_of = |c: usize| cols.iter().rposition(|&s| s <= c + 2).unwrap_or(0);
    // rows keep the context they were read under (group rows govern the rows after
    // them); the caller's context changes only if this is a table
    let mut local = ctx.clone();
    let mut warnings = Vec::new();
    let mut rows: Vec<(Row<'a>, Context)> = Vec::new();
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
        let cells = positioned_cells(line.text);
        let indented =
            line.text.starts_with([' ', '\u{a0}']) && cells.first().is_some_and(|&(c, _)| c > 0);
        if cells.len() < 2 && !indented {
            // a stray line between rows is skipped when more rows follow
            let next = lines[j + 1..].iter().find(|l| !l.is_blank());
            let more_rows = next.is_some_and(|l| {
                let cells: Vec<&str> = positioned_cells(l.text)
                    .into_iter()
                    .map(|(_, t)| t)
                    .collect();
                l.kind == LineKind::Text && cells.len() >= 2 && Header::read(&cells).is_none()
            });
            // (a group row names a category or a service: `Google Analytics`)
            let label = super::context::heading_text(line.text.trim());
            let group = super::context::heading_category(label).is_some()
                || crate::fields::provider::is_vendor_name(label);
            if (!rows.is_empty() || group) && more_rows {
                let mut scratch = RawDoc::default();
                super::tab::group_or_stray(line, &mut local, &mut scratch);
                warnings.append(&mut scratch.warnings);
                j += 1;
                end = j;
                continue;
            }
            break;
        }
        let on_columns = cells
            .iter()
            .all(|&(c, _)| cols.iter().any(|&s| s.abs_diff(c) <= 2));
        let placed: Vec<(usize, &str)> = if cells.len() == header.len() {
            cells
                .iter()
                .enumerate()
                .map(|(k, &(_, t))| (k, t))
                .collect()
        } else if let Some(placed) = (!on_columns)
            .then(|| by_gaps(&cells, header.len()))
            .flatten()
        {
            placed
        } else if !on_columns && header.name == 0 && ends_short(&cells, header.len()) {
            // cells apart by even gaps off the header's columns, a name first: the
            // columns in order, the last ones left empty
            cells
                .iter()
                .enumerate()
                .map(|(k, &(_, t))| (k, t))
                .collect()
        } else {
            cells.iter().map(|&(c, t)| (column_of(c), t)).collect()
        };
        let mut placed = placed;
        let mut has_name = placed.iter().any(|&(k, _)| k == header.name);
        // a row short of a cell whose cells sit off the header's columns (a copy that
        // collapsed the padding) is realigned by content when it holds a sure name:
        // a new row, never a wrapped cell of the row above
        if !has_name && cells.len() < header.len() && !on_columns {
            if let Some(realigned) = realign(&cells, header) {
                placed = realigned;
                has_name = true;
            }
        }
        if has_name {
            let mut row = Row::with_len(header.len());
            for &(k, t) in &placed {
                row.add(k, frag(line, t));
            }
            row.cover(line.span());
            rows.push((row, local.clone()));
        } else if let Some((row, _)) = rows.last_mut() {
            for &(k, t) in &placed {
                row.add(k, frag(line, t));
            }
            row.cover(line.span());
        } else {
            return None;
        }
        j += 1;
        end = j;
    }
    // the first row must name a cookie (or a list of them), or the second row must
    // (over a name of symbols no list knows, `#-#`, or of words, `Cookie sessione`,
    // which the record's checks weigh), or this was no table
    let names_one = |row: &Row<'_>| {
        let name = row.text(header.name);
        sure_name(name.split([',', ' ']).next().unwrap_or(""))
            || is_name_shaped(name.trim())
            || is_name_list(&name)
    };
    if !rows.iter().take(2).any(|(r, _)| names_one(r)) {
        return None;
    }
    for (row, row_ctx) in rows {
        if let Some(rec) = row.into_record(header, &row_ctx) {
            doc.records.push(rec);
        }
    }
    doc.warnings.append(&mut warnings);
    *ctx = local;
    Some(end - i)
}

/// Cells of a row short of cells in a table whose padding collapsed to one gap (`_ga
/// ····Google····2 years`): a gap twice as wide as the narrowest stands for an empty
/// cell (three times, two). Placed only when the wide gaps account for every missing
/// cell exactly.
fn by_gaps<'t>(cells: &[(usize, &'t str)], n: usize) -> Option<Vec<(usize, &'t str)>> {
    let gaps: Vec<usize> = cells
        .windows(2)
        .map(|w| w[1].0.saturating_sub(w[0].0 + w[0].1.chars().count()))
        .collect();
    let unit = *gaps.iter().min()?;
    if unit < 2 {
        return None;
    }
    let extra: Vec<usize> = gaps.iter().map(|g| (g + unit / 2) / unit - 1).collect();
    if cells.len() + extra.iter().sum::<usize>() != n {
        return None;
    }
    let mut k = 0;
    let mut out = Vec::with_capacity(cells.len());
    for (q, &(_, t)) in cells.iter().enumerate() {
        out.push((k, t));
        k += 1 + extra.get(q).copied().unwrap_or(0);
    }
    Some(out)
}

/// Is a row of `cells`, one or two short of the header's `n`, a row whose last
/// cells were left empty (`_gid   Google Analytics   …   24 hours` under five
/// headers, its padding not kept): a cookie name or a list of names first, its gaps as wide as
/// one another (a gap wider than the others stands for an empty cell: [`by_gaps`]).
fn ends_short(cells: &[(usize, &str)], n: usize) -> bool {
    let (Some(&(_, first)), true) = (
        cells.first(),
        (n.saturating_sub(2)..n).contains(&cells.len()),
    ) else {
        return false;
    };
    let gaps = cells
        .windows(2)
        .map(|w| w[1].0.saturating_sub(w[0].0 + w[0].1.chars().count()));
    let (lo, hi) = gaps.fold((usize::MAX, 0), |(lo, hi), g| (lo.min(g), hi.max(g)));
    cells.len() >= 2 && hi < 2 * lo && (is_single_name(first) || is_name_list(first))
}

/// Cells of a row short of a cell, placed by content: the one sure name in the name
/// column, a whole lifetime in the lifetime column, the others in the remaining
/// columns in order.
fn realign<'t>(cells: &[(usize, &'t str)], header: &Header) -> Option<Vec<(usize, &'t str)>> {
    let names: Vec<usize> = (0..cells.len())
        .filter(|&k| sure_name(cells[k].1.trim()))
        .collect();
    let [at] = names[..] else {
        return None;
    };
    let life_col = header
        .cols
        .iter()
        .position(|(r, _)| *r == Some(crate::vocab::Role::Duration));
    let life_cell = (0..cells.len()).find(|&k| {
        let t = cells[k].1.trim();
        k != at && crate::fields::duration::is_whole_duration(t)
    });
    let mut free: Vec<usize> = (0..header.len())
        .filter(|&c| c != header.name && (life_cell.is_none() || Some(c) != life_col))
        .collect();
    let mut out = Vec::with_capacity(cells.len());
    for (k, &(_, t)) in cells.iter().enumerate() {
        let col = if k == at {
            header.name
        } else if Some(k) == life_cell && life_col.is_some() {
            life_col?
        } else {
            // the cells before the name fill the columns before it, in order
            let before_name = k < at;
            let pick = free
                .iter()
                .position(|&c| (c < header.name) == before_name)
                .unwrap_or(0);
            if free.is_empty() {
                return None;
            }
            free.remove(pick)
        };
        out.push((col, t));
    }
    Some(out)
}

/// Split on runs of two or more spaces (aligned columns).
fn aligned_cells(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let t = text.trim();
    let base = t.as_ptr() as usize - text.as_ptr() as usize;
    let mut start = 0;
    let bytes = t.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b' ' && bytes.get(i + 1) == Some(&b' ') {
            out.push(&text[base + start..base + i]);
            while i < bytes.len() && bytes[i] == b' ' {
                i += 1;
            }
            start = i;
        } else {
            i += 1;
        }
    }
    out.push(&text[base + start..base + bytes.len()]);
    out.into_iter().filter(|c| !c.trim().is_empty()).collect()
}

/// Recognise a space-separated table whose header is line `i`.
pub(crate) fn parse<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    read(lines, i, ctx, doc, true)
}

/// Whether the next filled line after `i`, or the one after it, opens a row
/// ([`opens_row`]).
fn rows_may_follow(lines: &[Line<'_>], i: usize) -> bool {
    let Some(next) = super::next_filled(lines, i + 1) else {
        return false;
    };
    let after = super::next_filled(lines, next + 1);
    let sure = |l: &Line<'_>| may_open_row(l) || names_second(l);
    if sure(&lines[next]) || after.is_some_and(|a| sure(&lines[a])) {
        return true;
    }
    // rows whose name no test is sure of, after a provider's or a category's words,
    // are looked for only under a line that may be a header: two to fourteen words
    // (as `header_phrases` reads), and no sentence's end
    let t = lines[i].text.trim();
    !t.ends_with(['.', '?', '!', ':'])
        && (2..=14).contains(&first_words(t).take(15).count())
        && (name_after_a_cell(&lines[next]) || after.is_some_and(|a| name_after_a_cell(&lines[a])))
}

/// Whether a line opens with a provider's words and a name no test is sure of
/// ([`name_after_provider`]: `Outbrain criteo This cookie …`), or with a category
/// of one to three words, a capital first, and a name-shaped word after it that is
/// no capitalised word (`Strictly necessary cart 2 days …`): a row whose provider or
/// category column comes first. A storage type does not count: `Cookie tecnici
/// (necessari)` is a heading. (Whether the row fits the header is asked once the
/// header is read, [`fits_header`].)
fn name_after_a_cell(l: &Line<'_>) -> bool {
    let t = l.text.trim_start();
    if !t.starts_with(char::is_uppercase) && !t.starts_with(|c: char| c.is_ascii_lowercase()) {
        return false;
    }
    let mut spans = [(0usize, 0usize); 6];
    let mut n = 0;
    for span in first_words(t).take(6) {
        spans[n] = span;
        n += 1;
    }
    if n > 2 && name_after_provider(t, &spans[..n]).is_some() {
        return true;
    }
    // (most first words start no category phrase: told without a fold)
    t.starts_with(char::is_uppercase)
        && vocab().may_name_category(&t[spans[0].0..spans[0].1])
        && (1..n.min(4)).any(|k| {
            let tok = &t[spans[k].0..spans[k].1];
            let mut cs = tok.chars();
            let capitalised =
                cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase);
            !capitalised
                && is_name_shaped(tok)
                && vocab().category_whole(&t[..spans[k - 1].1]).is_some()
        })
}

/// Whether a sure cookie name is one of the second to fifth words of a line: a row
/// whose name column comes second (`Matomo _pk_id.* Stores … 13 mois`).
fn names_second(l: &Line<'_>) -> bool {
    // (asked of the lines after most lines: the first five words' bytes are looked at
    // first, and the name tests run only when one holds a `_`, a digit or a capital
    // after a lower-case letter, as most sure names do and plain prose does not)
    let b = l.text.trim_start().as_bytes();
    let mut spaces = 0;
    let mut marked = false;
    for (k, &c) in b.iter().enumerate().take(160) {
        if c == b' ' {
            spaces += 1;
            if spaces == 5 {
                break;
            }
        } else if c == b'_'
            || c.is_ascii_digit()
            || c.is_ascii_uppercase() && k > 0 && b[k - 1].is_ascii_lowercase()
        {
            marked = true;
            break;
        }
    }
    marked
        && l.text
            .split_whitespace()
            .skip(1)
            .take(4)
            .any(|t| sure_name(t.trim_end_matches(',')))
}

/// Whether a line may open a row: [`opens_row`], or its first word is name-shaped
/// and not a capitalised word as a sentence opens with (`initref`, `session_id`,
/// `S1`, `DV`; not `The`, `A`). Such a row is read only when its cells fit the
/// header ([`fits_header`]).
fn may_open_row(l: &Line<'_>) -> bool {
    opens_row(l) || {
        let tok = l.text.split_whitespace().next().unwrap_or("");
        let mut cs = tok.chars();
        let capitalised = cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase);
        (!capitalised && is_name_shaped(tok)) || opens_with_names(l.text, tok)
    }
}

/// Whether a line opens with a list of names apart by commas or slashes that reads
/// as names and nothing else ([`is_name_list`]: `Uetsid, uetvid DTD …`, `Rdtrk /
/// _rdtrk RD Station …`, a capitalised name first; no sentence's `Google, Facebook
/// and …`).
fn opens_with_names(text: &str, first: &str) -> bool {
    let t = text.trim_start();
    // (most lines asked open with a word, `first`, that no comma or slash follows:
    // they are turned away by its last byte and the two bytes after it)
    let after = t.as_bytes().get(first.len()..).unwrap_or_default();
    let slash_next = after.starts_with(b" /") && after.get(2).is_none_or(|b| *b == b' ');
    if !first.ends_with(',') && !slash_next {
        return false;
    }
    let ws = word_offsets(t);
    let word = |k: usize| &t[ws[k].0..ws[k].1];
    let (mut k, mut end) = (0, 0);
    while k < ws.len().min(12) {
        end = ws[k].1;
        if word(k).ends_with(',') {
            k += 1;
        } else if k + 1 < ws.len() && word(k + 1) == "/" {
            k += 2;
        } else {
            break;
        }
    }
    end > 0 && is_name_list(&t[..end])
}

/// Whether a row that [`may_open_row`] opens a table under `header` by its cells: a
/// sure name, or a name the header's other columns confirm (the row cut into the
/// header's cells, a whole lifetime in its lifetime column).
fn fits_header(l: &Line<'_>, header: &Header) -> bool {
    if header.name == 1 {
        // (a sure name after the first column's words: `collapsed_cells` asks it)
        return collapsed_row(l, header).is_some();
    }
    opens_row(l)
        || (may_open_row(l)
            && header.cols.iter().any(|c| c.0 == Some(Role::Duration))
            && collapsed_row(l, header).is_some())
}

/// Whether lines `i` and `i + 1` may both be cells of a header read one cell per
/// line ([`cell_lines`]), the second on the next line.
fn header_run_starts(lines: &[Line<'_>], i: usize) -> bool {
    lines.get(i + 1).is_some_and(|next| {
        next.kind == LineKind::Text && is_header_cell(lines[i].text) && is_header_cell(next.text)
    })
}

/// A row of a table read from its header's words opens with a sure cookie name.
fn opens_row(l: &Line<'_>) -> bool {
    // the same line is asked as the next line of one start and the one after of the
    // start before: the last answers are remembered, keyed by the token
    thread_local! {
        static RECENT: std::cell::RefCell<Recent<bool, 4>> = std::cell::RefCell::default();
    }
    let tok = l
        .text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(',');
    recent(&RECENT, tok, sure_name)
}

/// The reader; `gated`, a line that no rows may follow is turned away first (see
/// below: the tests compare the reader with and without it).
fn read<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
    gated: bool,
) -> Option<usize> {
    let first = &lines[i];
    if first.kind != LineKind::Text || kv_line(first.text).is_some() {
        return None;
    }
    let head = crate::fields::text::strip_md_heading(first.text);
    let aligned = head.trim().contains("  ");
    // A header read from the line's words is kept only when rows follow that open
    // with a sure cookie name, on the next filled line or, a first row skipped, on the
    // one after; without them the line is read only as a stacked header, which must be
    // a name column's header. A line that is neither (a heading over a paragraph, most
    // lines asked) is turned away here, before its words are looked up: the same
    // answer, as `the_gate_answers_as_the_reader` tests.
    // a header one cell per line, with or without listed words: read from its rows
    if !aligned && header_run_starts(lines, i) {
        if let Some(n) = cell_lines(lines, i, ctx, doc) {
            return Some(n);
        }
    }
    if gated
        && !aligned
        && !rows_may_follow(lines, i)
        && vocab().field(first.text) != Some(Role::Name)
    {
        return None;
    }
    let cells: Vec<&str> = if aligned {
        aligned_cells(first.text)
    } else {
        match header_phrases(head.trim()) {
            // a phrase that is a category and nothing else (`Cookies fonctionnels`:
            // `fonctionnels` also starts like the head word `fonction`) makes the
            // line a category's heading: a header names its columns, not a category
            Some(c) if !c.iter().any(|p| vocab().category_whole(p).is_some()) => c,
            _ => return stacked_paragraph_header(lines, i, ctx, doc),
        }
    };
    let header = match Header::read(&cells) {
        Some(h) => h,
        None => return stacked_paragraph_header(lines, i, ctx, doc),
    };
    if aligned {
        if let Some(n) = aligned_table(lines, i, &header, ctx, doc) {
            return Some(n);
        }
    }
    let next = lines[i + 1..]
        .iter()
        .position(|l| !l.is_blank())
        .map(|p| i + 1 + p)?;
    // the first row must open with a sure cookie name; a first row that names no
    // cookie (`Unique Name (Dynamically Generated) …`) is skipped, with a warning,
    // when the row after it does
    let mut skipped = None;
    let mut next = next;
    let is_header =
        |l: &Line<'_>| header_phrases(l.text.trim()).is_some_and(|c| Header::read(&c).is_some());
    // a line over the table's header (`Cookies set by us:` over `**Name Provider
    // Purpose …**`) is no header of its own: the header is the next line's
    if !aligned && is_header(&lines[next]) {
        return None;
    }
    if !fits_header(&lines[next], &header) {
        let after = lines[next + 1..]
            .iter()
            .position(|l| !l.is_blank())
            .map(|p| next + 1 + p)?;
        if !aligned && is_group_row(&lines[next]) && fits_header(&lines[after], &header) {
            // a group row under the header (`Analytics cookies`): the rows are read
            // under its category
            super::tab::group_or_stray(&lines[next], ctx, doc);
        } else if aligned
            || header.len() < 4
            || first.text.trim_end().ends_with(':')
            || is_header(&lines[next])
            || !fits_header(&lines[after], &header)
        {
            return None;
        } else {
            skipped = Some(next);
        }
        next = after;
    }
    if is_single_name(lines[next].text) {
        return cell_paragraphs(lines, next, &header, ctx, doc).map(|end| end - i);
    }
    let mut j = next;
    let mut end = j;
    let mut rows = 0;
    while j < lines.len() {
        let line = &lines[j];
        if line.is_blank() {
            j += 1;
            continue;
        }
        if line.kind != LineKind::Text {
            break;
        }
        let cells = if aligned && line.text.trim().contains("  ") {
            let c = aligned_cells(line.text);
            (c.len() == header.len()).then(|| c.into_iter().map(|c| frag(line, c).into()).collect())
        } else {
            None
        };
        let cells = cells.or_else(|| collapsed_row(line, &header));
        match cells {
            Some(cells) => {
                let mut row = Row::with_len(header.len());
                for (k, c) in cells.into_iter().enumerate() {
                    for f in c.iter().copied() {
                        row.add(k, f);
                    }
                }
                row.cover(line.span());
                if let Some(rec) = row.into_record(&header, ctx) {
                    doc.records.push(rec);
                    rows += 1;
                }
                j += 1;
                end = j;
            }
            None => {
                // a line the header does not fit between rows that do (a storage type
                // no list names, a name no test reads: `iU5q-!O9@$ YouTube …`) is
                // skipped with a warning, and the table goes on, when it is as long as
                // a row and the next filled line is a row the header fits
                // a group row between rows (`Analytics cookies`, `Google Analytics`
                // over its cookies' rows): the rows after it are read under its
                // category or provider
                if rows > 0 && is_group_row(line) && row_follows(lines, j, &header) {
                    super::tab::group_or_stray(line, ctx, doc);
                    j += 1;
                    continue;
                }
                if rows > 0 && row_between_rows(lines, j, &header) {
                    doc.warn(
                        WarningKind::SkippedLine,
                        line.span(),
                        format!(
                            "table row the header does not fit; skipped: {:?}",
                            fold_whitespace(line.text)
                        ),
                    );
                    j += 1;
                    continue;
                }
                // (a row's opener, not any name-shaped word: a closing sentence,
                // `You can change your choice at any time.`, is no row cut off)
                if j + 1 == lines.len() && may_open_row(line) && rows > 0 {
                    doc.warn(
                        WarningKind::TruncatedRecord,
                        line.span(),
                        "table row cut off by the end of the text; left out",
                    );
                    end = j + 1;
                }
                break;
            }
        }
    }
    if rows == 0 {
        return None;
    }
    if let Some(k) = skipped {
        doc.warn(
            WarningKind::SkippedLine,
            lines[k].span(),
            format!(
                "first table row names no cookie; skipped: {:?}",
                fold_whitespace(lines[k].text)
            ),
        );
    }
    Some(end - i)
}

/// Whether line `j`, which the header does not fit, lies between rows of its table:
/// it has a word for each column at least and is no category's heading nor a
/// table's header (a table of its own starts there), and the
/// next filled line may open a row ([`may_open_row`]) and its cells fit the header.
fn row_between_rows(lines: &[Line<'_>], j: usize, header: &Header) -> bool {
    let line = &lines[j];
    more_words_than(line.text, header.len() - 1)
        && vocab().category_whole(line.text.trim()).is_none()
        && header_phrases(line.text.trim()).is_none_or(|c| Header::read(&c).is_none())
        && row_follows(lines, j, header)
}

/// Whether the next filled line after `j` may open a row ([`may_open_row`]) and its
/// cells fit the header, or is a group row ([`is_group_row`]) over such a row.
fn row_follows(lines: &[Line<'_>], j: usize, header: &Header) -> bool {
    let fits = |n: usize| {
        lines[n].kind == LineKind::Text
            && may_open_row(&lines[n])
            && collapsed_row(&lines[n], header).is_some()
    };
    super::next_filled(lines, j + 1).is_some_and(|n| {
        fits(n) || is_group_row(&lines[n]) && super::next_filled(lines, n + 1).is_some_and(fits)
    })
}

/// A table's group row: a short line that names a category (`Analytics cookies`,
/// `Statistiques`) or a known vendor and nothing else (`Google Analytics`).
fn is_group_row(line: &Line<'_>) -> bool {
    use super::context::{heading_category, heading_text};
    let h = heading_text(line.text.trim());
    !h.is_empty()
        && !more_words_than(h, 5)
        && (heading_category(h).is_some() || crate::fields::provider::is_vendor_name(h))
}

/// A token that opens a row: a sure cookie name, or an upper-case identifier.
fn sure_name(tok: &str) -> bool {
    is_strong_name(tok)
        || (is_name_shaped(tok)
            && tok.contains('-')
            && tok.chars().any(crate::chars::is_alphabetic)
            && !tok.ends_with('-'))
        || (tok.len() >= 4
            && tok
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
        || (is_name_shaped(tok)
            && tok.chars().skip(1).any(|c| c.is_uppercase())
            && tok.chars().any(|c| c.is_lowercase()))
}

/// Where a name no test is sure of opens in a row whose provider column comes
/// first: the first word that opens with a lower-case letter or a `_`, after one to
/// four words that open with a capital (or one host), and before a word that opens
/// with a capital or a digit (`Adform uid Contains …`, `Adobe Audience Manager mbox
/// Adobe Target uses …`, `betweendigital.com ss Necessary …`). A provider's words open
/// with capitals and a description's first word too; a name seldom does.
fn name_after_provider(text: &str, words: &[(usize, usize)]) -> Option<usize> {
    let word = |k: usize| &text[words[k].0..words[k].1];
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    if !capital(word(0)) && !is_host_or_file(word(0)) {
        return None;
    }
    for k in 1..words.len().min(5) {
        let w = word(k);
        if capital(w) && capital(word(0)) {
            continue;
        }
        let opens = w.starts_with(|c: char| c.is_lowercase() || c == '_');
        let next_opens = words.get(k + 1).is_some_and(|_| {
            word(k + 1).starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        });
        return (opens && next_opens && is_name_shaped(w)).then_some(k);
    }
    None
}

/// A cell that is one cookie name (a consent platform's count of cookies so named
/// after it, `__cf_bm [x3]`, taken off; a bracketed aside after it, `_ga (2 years)`,
/// is its gloss).
fn is_single_name(text: &str) -> bool {
    let t = crate::fields::text::strip_md_heading(text).trim();
    let t = crate::fields::names::strip_marker(t);
    // (cut as the names' split cuts a gloss off; one aside, not empty)
    let t = match crate::fields::names::split_gloss(t) {
        (name, Some(aside)) if !aside.is_empty() && !aside.contains(['(', ')']) => name,
        _ => t,
    };
    !t.contains(' ') && is_name_shaped(t) && t.len() <= 80
}

/// A cell that lists a few cookie names and nothing else (`_ga, _ga_*`,
/// `__gads / __gpi`, `Uetsid, uetvid`): two to twelve name-shaped names, one sure or
/// known at least, or all of them no word of any language (`Analytics, Ads` are words).
fn is_name_list(text: &str) -> bool {
    use crate::fields::names::split_names;
    let t = text.trim();
    // (a list has its separator or joining word right after its first name: most
    // cells asked are sentences, turned away before they are split)
    let mut words = t.split_whitespace();
    let (first, second) = (words.next().unwrap_or(""), words.next());
    let separated = first.contains([',', '/', ';', '+'])
        || second.is_some_and(|w| {
            w.starts_with([',', '/', ';', '+', '&']) || crate::fields::names::is_and_joiner(w)
        });
    if t.len() > 160 || !separated {
        return false;
    }
    let names = split_names(t);
    (2..=12).contains(&names.len())
        && names.iter().all(|n| n.gloss.is_none())
        && crate::fields::names::lists_names(&names)
}

/// A consent platform's count of cookies so named, as a word of its own (`[x3]`,
/// `[x2],`).
fn is_count_marker(word: &str) -> bool {
    let w = word.trim_end_matches(',');
    w.starts_with('[') && crate::fields::names::strip_marker(w).is_empty()
}

/// Cut a collapsed row into the header's cells by the shapes of names, durations,
/// type phrases and providers. `None` when the row does not fit the header.
fn collapsed_row<'a>(line: &Line<'a>, header: &Header) -> Option<Vec<Frags<'a>>> {
    collapsed_cells(line.text, line.start(), header, &[])
}

/// [`collapsed_row`] over any slice of the input at byte offset `offset`. A provider
/// seen in earlier rows (`known`) marks where a multi-word name ends.
pub(crate) fn collapsed_cells<'a>(
    text: &'a str,
    offset: usize,
    header: &Header,
    known: &[String],
) -> Option<Vec<Frags<'a>>> {
    // the name column first, or second after a service's or a category's column
    let nc = header.name;
    if nc > 1 {
        return None;
    }
    let full = text;
    let text = full.trim();
    let base = text.as_ptr() as usize - full.as_ptr() as usize + offset;
    let mk = |s: usize, e: usize| -> Frags<'a> {
        let piece = text[s..e].trim();
        if piece.is_empty() {
            return Frags::default();
        }
        let off = piece.as_ptr() as usize - text.as_ptr() as usize;
        Frags::One(Fragment {
            text: piece,
            offset: base + off,
        })
    };
    // names: name-shaped tokens joined by commas
    let words = word_offsets(text);
    // (a column before the names, `Matomo | _pk_id.* | …`, `Google Analytics | _ga |
    // …`: the words before the first sure cookie name, at most five)
    // …, or after a type or category cell, the words that name one (`Analytics |
    // zuc | …`, `Strictly necessary | cart | …`), the most first
    let typed = |k: usize| names_type(&text[..words[k - 1].1]);
    let lead = match nc {
        0 => 0,
        _ if header.cols[0].0 == Some(Role::Type) => {
            (1..words.len().min(4)).rev().find(|&k| typed(k))?
        }
        _ => (1..words.len().min(6))
            .find(|&k| sure_name(text[words[k].0..words[k].1].trim_end_matches(',')))
            .or_else(|| {
                (header.cols[0].0 == Some(Role::Provider))
                    .then(|| name_after_provider(text, &words))
                    .flatten()
            })?,
    };
    let mut w = lead;
    let provider_at = if nc == 0
        && header
            .cols
            .get(1)
            .is_some_and(|c| c.0 == Some(Role::Provider))
    {
        words
            .iter()
            .skip(1)
            .take(4)
            .position(|&(s, e)| known.iter().any(|k| k == &text[s..e]))
    } else {
        None
    };
    if let Some(p) = provider_at {
        w = p + 1;
    }
    let word = |k: usize| &text[words[k].0..words[k].1];
    while provider_at.is_none() && w < words.len() {
        let tok = word(w).trim_end_matches(',');
        if !is_name_shaped(tok) {
            break;
        }
        w += 1;
        // a consent platform's count after a name (`__cf_bm [x3] Hubspot …`) is a
        // part of the name's cell
        if w < words.len() && is_count_marker(word(w)) {
            w += 1;
        }
        // names apart by a slash (`__gads / __gpi`, `IDE / NID Google …`)
        if w + 1 < words.len() && word(w) == "/" && is_name_shaped(word(w + 1)) {
            w += 1;
            continue;
        }
        if !word(w - 1).ends_with(',') {
            break;
        }
    }
    if w == lead || w >= words.len() {
        return None;
    }
    let n = header.len();
    let mut cells: Vec<Frags<'a>> = vec![Frags::default(); n];
    if nc == 1 {
        cells[0] = mk(0, words[lead - 1].1);
    }
    cells[nc] = mk(words[lead].0, words[w - 1].1);
    let mut lo = words[w].0;
    let mut hi = text.len();
    let roles: Vec<Option<Role>> = header.cols.iter().map(|(r, _)| *r).collect();
    let mut right = n - 1;
    // from the right: type phrases and durations at the end
    while right > nc {
        match roles[right] {
            Some(Role::Type) => {
                let s = type_suffix(&text[lo..hi])?;
                cells[right] = mk(lo + s, hi);
                hi = lo + s;
            }
            // a last column no list names (`Acceptation`, a consent switch's) after
            // the lifetime, left empty: the row ends with its lifetime
            None if right == n - 1
                && roles[right - 1] == Some(Role::Duration)
                && duration_suffix(&text[lo..hi]).is_some() => {}
            // … or filled with a few words (`Non richiesto`, `Yes`): the row's last one
            // to three words, right after its lifetime
            None if right == n - 1 && roles[right - 1] == Some(Role::Duration) => {
                let s = after_lifetime(&text[lo..hi])?;
                cells[right] = mk(lo + s, hi);
                hi = lo + s;
            }
            Some(Role::Duration)
                if right == n - 1 || matches!(roles[right + 1], Some(Role::Type) | None) =>
            {
                if let Some(s) = duration_suffix(&text[lo..hi]) {
                    cells[right] = mk(lo + s, hi);
                    hi = lo + s;
                } else if let Some((s, _)) = vocab()
                    .find_type_phrase(&text[lo..hi], true)
                    .filter(|&(s, _)| text[lo + s..].starts_with(char::is_uppercase))
                {
                    // `First Party cookie, gets removed after 365 days`: type and duration in
                    // one cell, which opens with a capital (a purpose may say `third party`)
                    cells[right] = mk(lo + s, hi);
                    hi = lo + s;
                } else {
                    return None;
                }
            }
            _ => break,
        }
        right -= 1;
    }
    // from the left: durations, providers and other short columns before the free text
    let mut left = nc + 1;
    while left <= right {
        let rest = &text[lo..hi];
        match roles[left] {
            Some(Role::Duration) => {
                let len = duration_prefix(rest)?;
                cells[left] = mk(lo, lo + len);
                lo += len;
            }
            Some(Role::Purpose) => break,
            _ if left == right => break,
            Some(Role::Type) => {
                // a type or category cell: a type phrase (`HTTP Cookie`); before a
                // lifetime column, the words up to the lifetime (`Analitico (terze
                // parti) | 2 anni`); else one word
                let len = match vocab().find_type_phrase(rest, false) {
                    Some((0, e)) => e,
                    _ => match (roles.get(left + 1) == Some(&Some(Role::Duration)))
                        .then(|| words_to_duration(rest))
                        .flatten()
                    {
                        Some(len) => len,
                        None => word_offsets(rest).first()?.1,
                    },
                };
                cells[left] = mk(lo, lo + len);
                lo += len;
            }
            _ => {
                // before a duration column the cell ends where a lifetime starts
                // (`First-Party Session Keeps you …`)
                let to_duration = (roles.get(left + 1) == Some(&Some(Role::Duration)))
                    .then(|| words_to_duration(rest))
                    .flatten();
                let len = match to_duration {
                    Some(len) => len,
                    None => short_cell(rest)?,
                };
                cells[left] = mk(lo, lo + len);
                lo += len;
            }
        }
        left += 1;
    }
    if left <= right {
        // the free-text column takes what is left
        cells[left] = mk(lo, hi);
    }
    if roles.contains(&Some(Role::Duration))
        && roles
            .iter()
            .zip(&cells)
            .all(|(r, c)| *r != Some(Role::Duration) || c.is_empty())
    {
        return None;
    }
    Some(cells)
}

/// Where the last one to three words of `rest` start when a lifetime ends right
/// before them (`… Sessione / 30 gg | Non richiesto`), the fewest first: a short cell
/// after a lifetime column. None when no lifetime does, or one ends the text.
fn after_lifetime(rest: &str) -> Option<usize> {
    let ws = word_offsets(rest);
    (1..=3.min(ws.len().saturating_sub(1))).find_map(|k| {
        let s = ws[ws.len() - k].0;
        let tail = &rest[s..];
        (duration_prefix(tail).is_none() && duration_suffix(&rest[..s]).is_some()).then_some(s)
    })
}

/// The length of the words of `rest` before a lifetime that starts at one of its
/// second to eighth words (`First-Party | Session Keeps you …`).
fn words_to_duration(rest: &str) -> Option<usize> {
    let ws = word_offsets(rest);
    (1..ws.len().min(8))
        .find(|&k| duration_prefix(&rest[ws[k].0..]).is_some())
        .map(|k| ws[k - 1].1)
}

/// Where a type or category cell that ends collapsed text starts: a type phrase
/// (`HTTP Cookie`, `First Party cookie`) with nothing after it, else the last one to
/// three words when they name a category or storage type and nothing else
/// (`… 2 years | Strictly necessary`, `… Session | Funktional`), the longest first.
fn type_suffix(rest: &str) -> Option<usize> {
    if let Some((s, e)) = vocab().find_type_phrase(rest, true) {
        if rest[e..].trim().is_empty() {
            return Some(s);
        }
    }
    // (a bracketed note after the type, `Analytics (opt-in)`, is a part of its cell)
    let t = rest.trim_end();
    let rest = match t.rfind('(') {
        Some(open) if t.ends_with(')') && !more_words_than(&t[open..], 3) => &t[..open],
        _ => rest,
    };
    let ws = word_offsets(rest);
    (1..=3.min(ws.len().saturating_sub(1))).rev().find_map(|k| {
        let s = ws[ws.len() - k].0;
        names_type(rest[s..].trim_end().trim_end_matches('.')).then_some(s)
    })
}

/// Whether the whole of `t` names a category or a storage type, and nothing else
/// (`Strictly necessary`, `Funktional`, `HTTP Cookie`): a type column's cell.
fn names_type(t: &str) -> bool {
    vocab().category_whole(t).is_some() || vocab().storage_whole(t).is_some()
}

/// A provider or label cell at the start of collapsed text: a known vendor, or the
/// words up to the next capitalised word (`Cookie settings | Saves settings ...`).
fn short_cell(rest: &str) -> Option<usize> {
    let words = word_offsets(rest);
    let first = *words.first()?;
    // a run of capitalised words followed by a lower-case one: the last capitalised
    // word opens the description (`Example Shop | Keeps you signed in`,
    // `Google Ireland Limited | Distinguishes users`)
    let capital = |&(s, _): &(usize, usize)| {
        rest[s..].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    };
    let run = words.iter().take(6).take_while(|w| capital(w)).count();
    // a capitalised run, or one word, closed by a bracketed note (`Alisios Van
    // (first-party) | Maintains …`, `doubleclick.net (Drittanbieter) | Wird …`): the
    // note ends the cell
    if let Some(close) = bracket_after(rest, &words, run.max(1)) {
        return Some(words[close].1);
    }
    if run >= 2 && words.get(run).is_some_and(|w| !capital(w)) {
        let word = |k: usize| &rest[words[k].0..words[k].1];
        // … unless a function word opens it earlier (`Command Act | The CAID is …`,
        // `Mopinion.com | This Mopinion cookie …`), or the last capitalised word is
        // the first again: a provider does not repeat its own name, its description
        // does (`WooCommerce | Helps WooCommerce determine …`)
        let opens = (1..run)
            .find(|&k| crate::vocab::affixes::is_function_word_anywhere(&word(k).to_lowercase()))
            .unwrap_or(if word(run - 1) == word(0) { 1 } else { run - 1 });
        return Some(words[opens - 1].1);
    }
    if let Some(len) = vendor_prefix(rest) {
        return Some(len);
    }
    let mut end = first.1;
    for &(s, e) in words.iter().skip(1).take(3) {
        if rest[s..].starts_with(|c: char| c.is_uppercase()) {
            return Some(end);
        }
        end = e;
    }
    Some(first.1)
}

/// The word that closes a bracketed note of one to three words opening at word
/// `at` (`(first-party)`, `(terze parti)`), when a word follows it.
fn bracket_after(rest: &str, words: &[(usize, usize)], at: usize) -> Option<usize> {
    let word = |k: usize| &rest[words[k].0..words[k].1];
    if at == 0 || !words.get(at).is_some_and(|_| word(at).starts_with('(')) {
        return None;
    }
    (at..(at + 3).min(words.len()))
        .find(|&k| word(k).ends_with(')'))
        .filter(|&k| k + 1 < words.len() && !rest[words[at].0 + 1..words[k].1].contains('('))
}

/// Cells flattened one per paragraph after a header: a row starts with a paragraph
/// that is a single cookie name. Returns the index of the line after the table.
fn cell_paragraphs<'a>(
    lines: &[Line<'a>],
    start: usize,
    header: &Header,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    let mut more = Paragraphs::new(lines, start);
    let mut paras: Vec<(usize, usize)> = Vec::new();
    // read paragraphs until there are `k` (or the text's paragraphs end)
    let mut fill = |paras: &mut Vec<(usize, usize)>, k: usize| {
        while paras.len() < k {
            match more.next() {
                Some(p) => paras.push(p),
                None => break,
            }
        }
    };
    let n = header.len();
    let mut p = 0;
    let mut end = start;
    let mut rows = 0;
    loop {
        fill(&mut paras, p + 1);
        if p >= paras.len() {
            break;
        }
        let (a, b) = paras[p];
        if b != a + 1 || !is_single_name(lines[a].text) || header.name != 0 {
            break;
        }
        fill(&mut paras, p + n);
        if p + n > paras.len() {
            if paras.last().is_some_and(|&(_, e)| e == lines.len()) {
                let span = Span::new(lines[a].start(), lines[lines.len() - 1].end());
                doc.warn(
                    WarningKind::TruncatedRecord,
                    span,
                    "table row cut off by the end of the text; left out",
                );
                end = lines.len();
            }
            break;
        }
        let mut row = Row::with_len(n);
        for k in 0..n {
            let (s, e) = paras[p + k];
            for l in &lines[s..e] {
                row.put(k, l, l.text);
            }
        }
        if let Some(rec) = row.into_record(header, ctx) {
            doc.records.push(rec);
            rows += 1;
        }
        end = paras[p + n - 1].1;
        p += n;
    }
    (rows > 0).then_some(end)
}

/// Paragraphs (runs of non-blank text lines) from line `start`: (first, one past
/// last), read one at a time. A lazy reader, not a list: a reader asks for a few
/// paragraphs at each candidate line, and a list of every paragraph to the end of the
/// text made each ask cost the rest of the document (100,000 lines of header words
/// grew 3.5× in time for 2× the lines).
struct Paragraphs<'l, 'a> {
    lines: &'l [Line<'a>],
    j: usize,
}

impl<'l, 'a> Paragraphs<'l, 'a> {
    fn new(lines: &'l [Line<'a>], start: usize) -> Self {
        Paragraphs { lines, j: start }
    }
}

impl Iterator for Paragraphs<'_, '_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let lines = self.lines;
        let mut j = self.j;
        while j < lines.len() && lines[j].is_blank() {
            j += 1;
        }
        if j >= lines.len() || lines[j].kind != LineKind::Text {
            self.j = lines.len();
            return None;
        }
        let s = j;
        while j < lines.len() && lines[j].kind == LineKind::Text {
            j += 1;
        }
        self.j = j;
        Some((s, j))
    }
}

/// A header one phrase per paragraph: a name header (`Cookie name`) followed by
/// short labels, then a paragraph that is a cookie name.
fn stacked_paragraph_header<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    if vocab().field(lines[i].text) != Some(Role::Name) {
        return None;
    }
    // the name header's paragraph: at most five lines (a paragraph's end is found by
    // reading it, and the header line may open a long run of text)
    let first_end = (i + 1..lines.len().min(i + 5))
        .find(|&j| lines[j].kind != LineKind::Text)
        .unwrap_or(lines.len().min(i + 5));
    if lines
        .get(first_end)
        .is_some_and(|l| l.kind == LineKind::Text)
    {
        return None;
    }
    let mut more = Paragraphs::new(lines, first_end);
    let mut paras = vec![(i, first_end)];
    // each label a paragraph of one line, as the header's (at most 8 paragraphs)
    while paras.len() < 9 {
        let Some((a, b)) = more.next() else { break };
        paras.push((a, b));
        if b != a + 1 {
            break;
        }
    }
    let mut cols = vec![(Some(Role::Name), fold_whitespace(lines[i].text).into())];
    let mut k = 1;
    while k < paras.len() && k < 8 {
        let (a, b) = paras[k];
        let t = lines[a].text.trim();
        if b != a + 1 || more_words_than(t, 6) || t.ends_with(['.', ':']) {
            return None;
        }
        if is_strong_name(t) {
            break;
        }
        cols.push((vocab().field(t), fold_whitespace(t).into()));
        k += 1;
    }
    if cols.len() < 2 || k >= paras.len() {
        return None;
    }
    let header = Header { cols, name: 0 };
    let end = cell_paragraphs(lines, paras[k].0, &header, ctx, doc)?;
    Some(end - i)
}

/// One cell per line, header lines first (`Name` / `Purpose` / `Expiry` on lines of
/// their own, with or without blank lines between the rows): the header is a run of
/// header lines, then every row is as many lines, one of them a cookie name. Blank
/// lines are ignored.
///
/// The header's lines may include labels no table lists (`Platziert von`,
/// `Denominazione`): its width is what the rows say, the width of the header run
/// (or less) that reads the most cells as rows, each with a single cookie name in the
/// name column; the name column is the listed name header's, else the one unknown
/// header over a column of cookie names ([`Header::read_unnamed`]). The columns no
/// header names get their roles from their cells ([`Header::confirm`]).
fn cell_lines<'a>(
    lines: &[Line<'a>],
    i: usize,
    ctx: &mut Context,
    doc: &mut RawDoc<'a>,
) -> Option<usize> {
    // the header run: consecutive lines (no blank line inside) that may be header cells
    let run = lines[i..]
        .iter()
        .take(8)
        .take_while(|l| l.kind == LineKind::Text && is_header_cell(l.text))
        .count();
    if run < 2 || card_in_run(&lines[i..lines.len().min(i + run + 4)]) {
        return None;
    }
    let filled_upto = |limit: usize| -> Vec<usize> {
        (i..lines.len().min(i + limit))
            .take_while(|&j| lines[j].kind != LineKind::Tab && lines[j].kind != LineKind::Pipe)
            .filter(|&j| !lines[j].is_blank())
            .collect()
    };
    // the header and two rows of the widest header first (most runs of short lines,
    // headings and buttons, start no table), then the whole table
    let fixed = cell_header(lines, &filled_upto(3 * run + 4), run).and_then(|_| {
        let filled = filled_upto(4000);
        let (header, rows, start) = cell_header(lines, &filled, run)?;
        Some((header, rows, start, filled))
    });
    // a table whose cells wrapped is read by its rows' shapes, when it reads further
    let fixed_end = fixed
        .as_ref()
        .map(|(h, rows, start, filled)| (filled[start + rows * h.len() - 1] + 1, *rows));
    if let Some((header, rows, end)) = wrapped_cell_rows(lines, i, run) {
        if fixed_end.is_none_or(|(e, k)| end > e && !ran_past_table(lines, &rows, k)) {
            for row in rows {
                let mut r = Row::with_len(header.len());
                for (c, cell) in row.iter().enumerate() {
                    for j in cell.clone() {
                        r.put(c, &lines[j], lines[j].text);
                    }
                }
                if let Some(rec) = r.into_record(&header, ctx) {
                    doc.records.push(rec);
                }
            }
            return Some(end - i);
        }
    }
    let (mut header, rows, start, filled) = fixed?;
    let n = header.len();
    header.confirm(&cell_rows(lines, &filled[start..], n, rows));
    let mut end = filled[start - 1] + 1;
    for r in 0..rows {
        let at = &filled[start + r * n..start + (r + 1) * n];
        let mut row = Row::with_len(n);
        for (c, &j) in at.iter().enumerate() {
            row.put(c, &lines[j], lines[j].text);
        }
        if let Some(rec) = row.into_record(&header, ctx) {
            doc.records.push(rec);
        }
        end = at[n - 1] + 1;
    }
    Some(end - i)
}

/// Whether the rows of [`wrapped_cell_rows`] read past their table, against the
/// `k` rows of the fixed-width reading: only the last row wrapped, the rows are as
/// many, and the last row holds a line wider than every line of the rows above it
/// (a sentence after the table, `Periodo di conservazione dati in Google
/// Analytics: 14 mesi …`, not a cell that wrapped at the table's width).
fn ran_past_table(lines: &[Line<'_>], rows: &[Vec<std::ops::Range<usize>>], k: usize) -> bool {
    let lines_of = |r: &Vec<std::ops::Range<usize>>| {
        r.first()
            .map_or(0..0, |a| a.start..r.last().map_or(a.end, |b| b.end))
    };
    let Some((last, above)) = rows.split_last() else {
        return false;
    };
    let width = |r: std::ops::Range<usize>| {
        r.map(|j| lines[j].text.trim().chars().count())
            .max()
            .unwrap_or(0)
    };
    rows.len() == k
        && k > 1
        && above.iter().all(|r| r.len() == lines_of(r).len())
        && width(lines_of(last)) > above.iter().map(|r| width(lines_of(r))).max().unwrap_or(0)
}

/// The most lines a cell of [`wrapped_cell_rows`] may take.
const MOST_CELL_LINES: usize = 16;

/// [`cell_lines`]' reading of a table whose cells wrapped, one line of a cell a line
/// (a PDF tool's copy of a narrow table): each row opens with a cookie name on a line
/// of its own and takes as many lines as its longest cell needs. The header is the
/// run of header lines (`run`, from line `i`), each a header a table knows, the name
/// column first. A row's lines are no more than the lines to the next blank line or
/// the next line that opens a row (a cookie name), at least one for each column; how
/// they fall to the columns is what [`split_cells`] finds best. Read only when some
/// row wrapped: the header, the rows (each cell's lines) and the end of the table.
#[allow(clippy::type_complexity)]
fn wrapped_cell_rows(
    lines: &[Line<'_>],
    i: usize,
    run: usize,
) -> Option<(Header, Vec<Vec<std::ops::Range<usize>>>, usize)> {
    let head: Vec<&str> = lines[i..i + run].iter().map(|l| l.text.trim()).collect();
    if head.iter().any(|h| vocab().field(h).is_none()) {
        return None;
    }
    let header = Header::read(&head).filter(|h| h.name == 0)?;
    let n = header.len();
    let roles: Vec<Option<Role>> = header.cols.iter().map(|c| c.0).collect();
    let mut rows = Vec::new();
    let mut wrapped = false;
    let mut j = i + run;
    let mut end = j;
    loop {
        while j < lines.len() && lines[j].is_blank() {
            j += 1;
        }
        if j >= lines.len() {
            break;
        }
        let Some((len, cells)) = wrapped_row(lines, j, &head, &roles, true) else {
            break;
        };
        wrapped |= len > n;
        let mut row = Vec::with_capacity(cells.len() + 1);
        row.push(j..j + 1);
        let mut at = j + 1;
        for c in cells {
            row.push(at..at + c);
            at += c;
        }
        rows.push(row);
        j += len;
        end = j;
    }
    (wrapped && !rows.is_empty()).then_some((header, rows, end))
}

/// A line that opens a row of [`wrapped_cell_rows`]: a cookie name, or a few,
/// alone on the line, no header a table lists.
fn opens_wrapped_row(l: &Line<'_>) -> bool {
    let t = l.text.trim();
    l.kind == LineKind::Text
        && !t.ends_with('.')
        && (is_single_name(t) || is_name_list(t))
        // (a category's cell: `Statistik`, `Publicité`)
        && vocab().category_whole(t).is_none()
        && vocab().field_listed(t).is_none()
}

/// The row of [`wrapped_cell_rows`] from line `j`, under a header of the cells
/// `head` and the columns `roles`: its number of lines and each cell's (the name's
/// left out). It ends at the first line that opens a row where the row's lines have a
/// split, when (`look`) a row opens there; before a heading after the table
/// ([`heading_after_table`]); at the next blank line (or the text's end) else.
fn wrapped_row(
    lines: &[Line<'_>],
    j: usize,
    head: &[&str],
    roles: &[Option<Role>],
    look: bool,
) -> Option<(usize, Vec<usize>)> {
    let n = roles.len();
    if !opens_wrapped_row(&lines[j]) {
        return None;
    }
    // (to a blank line, or a cell of the header again: the next table's header, or
    // no table)
    let most = lines.len().min(j + n + 2 * MOST_CELL_LINES);
    let to = (j..most)
        .find(|&k| {
            lines[k].kind != LineKind::Text
                || (k > j
                    && head
                        .iter()
                        .any(|h| h.eq_ignore_ascii_case(lines[k].text.trim())))
        })
        .unwrap_or(most);
    let texts: Vec<&str> = lines[j..to].iter().map(|l| l.text.trim()).collect();
    // (a line after a function word goes on from it: `provided by a` over
    // `third-party`; `1 an` is a lifetime)
    let goes_on = |prev: &str| {
        crate::vocab::affixes::ends_with_function_word(prev) && !cell_states_lifetime(prev)
    };
    // the cheapest row; a row of no cost is taken at once (the rows of a table whose
    // cells did not wrap: each costs a split of its own lines and of the next row's)
    // (a heading after the table, `Preferences (1)`, `3. Managing cookies`: the row
    // may end before it, and the table with it)
    let before_heading = |e: usize| heading_after_table(lines, j + e);
    let mut best: Option<(u32, usize, Vec<usize>)> = None;
    for e in n..=texts.len() {
        if e < texts.len()
            && !before_heading(e)
            && (!opens_wrapped_row(&lines[j + e]) || goes_on(texts[e - 1]))
        {
            continue;
        }
        let Some((cost, cells)) = split_cells(&texts[..e], roles) else {
            continue;
        };
        if best.as_ref().is_some_and(|b| b.0 <= cost)
            || (look
                && e < texts.len()
                && !before_heading(e)
                && wrapped_row(lines, j + e, head, roles, false).is_none())
        {
            continue;
        }
        best = Some((cost, e, cells));
        if cost == 0 {
            break;
        }
    }
    best.map(|(_, e, cells)| (e, cells))
}

/// A heading after a table, line `k`: one that opens a numbered section (`3. Como
/// Gerir Cookies`; not `3 meses`), or declares a category and is no category's cell:
/// it counts its cookies (`Preferences (1)`), names them (`Cookie di marketing`) or
/// stands over a paragraph after a blank line (`Unclassified`).
fn heading_after_table(lines: &[Line<'_>], k: usize) -> bool {
    use crate::layout::context::{heading_category, heading_depth, heading_text, is_heading};
    let l = &lines[k];
    let t = heading_text(l.text);
    let numbered = || {
        l.text
            .trim()
            .split(' ')
            .next()
            .is_some_and(|n| n.ends_with(['.', ')']))
            && heading_depth(l.text).is_some()
    };
    // (a category's cell is a bare word, `Marketing`: a heading numbers its section,
    // counts its cookies or names them, or a paragraph of prose follows it after a
    // blank line, `Unclassified` over `Unclassified cookies are cookies that …`)
    let prose_after = || {
        lines.get(k + 1).is_some_and(|b| b.is_blank())
            && lines.get(k + 2).is_some_and(|p| {
                p.kind == LineKind::Text
                    && p.text.trim_end().ends_with(['.', '!', '?'])
                    && more_words_than(p.text, 6)
            })
    };
    let counted = || {
        t.trim_end()
            .strip_suffix(')')
            .and_then(|r| r.rsplit_once('('))
            .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    t.starts_with(char::is_uppercase)
        && is_heading(l)
        && (numbered()
            || ((counted() || prose_after() || crate::vocab::vocab().mentions_cookies(t))
                && heading_category(t).is_some()))
}

/// Whether a cell states a lifetime (a sentence may: `When you close your browser,
/// or 30 days if you asked to be remembered`), or says there is none to state.
fn cell_states_lifetime(text: &str) -> bool {
    let d = parse_duration(text);
    d.kind != DurationKind::Unknown || d.iso8601.is_some() || vocab().is_placeholder(text)
}

/// Whether line `next` goes on from line `prev` (a cell wrapped between them): no
/// stop at `prev`'s end, a small letter at `next`'s start.
fn continues(prev: &str, next: &str) -> bool {
    !prev.ends_with(['.', '!', '?', ':', ';', ')']) && next.starts_with(char::is_lowercase)
}

/// The best split of a row's lines `texts` (the first its name) to the columns of
/// `roles` (the first the name's): each column's number of lines, the name's left
/// out, or `None` when no split puts a lifetime under each lifetime header. A split
/// is worse for each line that continues the line before it (no stop at that line's
/// end, a small letter at its start) but opens a cell, for a provider's or a
/// category's cell of more lines than one or holding a sentence, and for a cell that
/// goes on past a sentence's end into a line with a capital (most such lines are the
/// next cell).
fn split_cells(texts: &[&str], roles: &[Option<Role>]) -> Option<(u32, Vec<usize>)> {
    let n = roles.len();
    let m = texts.len();
    if m < n || n < 2 {
        return None;
    }
    let continues = |k: usize| continues(texts[k - 1], texts[k]);
    let after_stop = |k: usize| {
        texts[k - 1].ends_with(['.', '!', '?']) && texts[k].starts_with(char::is_uppercase)
    };
    let after_word = |k: usize| {
        !texts[k - 1].ends_with(['.', '!', '?', ':', ';', ',', ')'])
            && texts[k].starts_with(char::is_uppercase)
            && texts[k].contains(' ')
    };
    // the cost of lines a..b as the cell of column c (None: not its cell)
    // (sums over the lines before each: the cost of a cell's inner line ends, and
    // the words)
    let mut inner = vec![0u32; m + 1];
    let mut words = vec![0usize; m + 1];
    for k in 0..m {
        let end_cost = if k > 0 {
            2 * u32::from(after_stop(k)) + u32::from(after_word(k))
        } else {
            0
        };
        inner[k + 1] = inner[k] + end_cost;
        words[k + 1] = words[k] + texts[k].split_whitespace().count();
    }
    let cost = |c: usize, a: usize, b: usize| -> Option<u32> {
        let mut cost = 8 * u32::from(continues(a));
        // (`Microsoft Azure App` over `Insights`: a capital after no stop opens no
        // sentence's line, but may be a name's)
        cost += inner[b] - inner[a + 1];
        let lines = (b - a) as u32;
        match roles[c] {
            Some(Role::Duration) => {
                if lines > 4 || !cell_states_lifetime(&texts[a..b].join(" ")) {
                    return None;
                }
                cost += 2 * (lines - 1);
            }
            Some(Role::Provider | Role::Type | Role::Domain) => {
                cost += lines - 1;
                if texts[b - 1].ends_with('.') && words[b] - words[a] > 3 {
                    cost += 4;
                }
            }
            _ => {}
        }
        Some(cost)
    };
    // best[c][b]: the least cost of columns 1..=c over lines 1..b
    let mut best = vec![vec![None::<(u32, usize)>; m + 1]; n];
    best[0][1] = Some((0, 0));
    for c in 1..n {
        for b in c + 1..=m - (n - 1 - c) {
            best[c][b] = (c..b)
                .filter(|&a| b - a <= MOST_CELL_LINES)
                .filter_map(|a| {
                    let (before, _) = best[c - 1][a]?;
                    Some((before + cost(c, a, b)?, a))
                })
                .min_by_key(|&(cost, a)| (cost, std::cmp::Reverse(a)));
        }
    }
    let (total, _) = best[n - 1][m]?;
    let mut out = vec![0; n - 1];
    let mut b = m;
    for c in (1..n).rev() {
        let (_, a) = best[c][b]?;
        out[c - 1] = b - a;
        b = a;
    }
    Some((total, out))
}

/// [`cell_lines`]' header over the filled lines `filled` (indices into `lines`, the
/// first `run` of them header cells), the number of rows it reads and the index in
/// `filled` of its first row: of the widths up to `run`, the one that reads the most
/// cells as rows.
///
/// The rows may also start after the whole run and be one or two cells short of it:
/// a last column the rows leave empty (`Acceptation`, a consent toggle: a label no
/// table lists) has no line of its own in any row once the page is copied.
fn cell_header(lines: &[Line<'_>], filled: &[usize], run: usize) -> Option<(Header, usize, usize)> {
    if filled.len() < run {
        return None;
    }
    let text = |k: usize| lines[filled[k]].text.trim();
    let head: Vec<&str> = (0..run).map(text).collect();
    // the rows of `n` cells with the name in column `name` from `filled[start]` on
    let rows_of = |n: usize, name: usize, start: usize| {
        let mut k = start;
        let mut rows = 0;
        while k + n <= filled.len()
            && (row_at(&filled[k..k + n], name, &head[..n], lines, false)
                // (a name of symbols no list knows, `#-#`, opens a row when the next
                // row is one by its name)
                || (k + 2 * n <= filled.len()
                    && row_at(&filled[k..k + n], name, &head[..n], lines, true)
                    && row_at(&filled[k + n..k + 2 * n], name, &head[..n], lines, false)))
        {
            rows += 1;
            k += n;
        }
        rows
    };
    let sample = |n: usize, rows: usize, start: usize| cell_rows(lines, &filled[start..], n, rows);
    let header_of = |n: usize, start: usize| -> Option<Header> {
        let cells: Vec<&str> = (0..n).map(text).collect();
        if cells.iter().any(|c| vocab().field(c) == Some(Role::Name)) {
            return Header::read(&cells);
        }
        // the one unknown header over a column of names: the rows it would read (no
        // row, no column of names: not asked)
        (0..n).find_map(|u| {
            let rows = rows_of(n, u, start);
            (rows > 0)
                .then(|| Header::read_unnamed(&cells, &sample(n, rows, start)))
                .flatten()
                .filter(|h| h.name == u)
        })
    };
    // a width that puts other cells under the lifetime header (a heading read as a
    // header cell shifts every row by one) is not the table's
    let lifetimes_in_place = |h: &Header, rows: &[Vec<&str>]| {
        let rows: Vec<&Vec<&str>> = rows.iter().collect();
        (0..h.len())
            .filter(|&c| h.cols[c].0 == Some(Role::Duration))
            .all(|c| mostly(&rows, c, cell_states_lifetime))
    };
    // the header ends before its first row: not before a listed header word
    let whole = (2..=run)
        .filter(|&n| {
            filled
                .get(n)
                .is_none_or(|_| vocab().field_listed(text(n)).is_none())
        })
        .map(|n| (n, n));
    // or the rows leave its last one or two columns out, columns no table lists (a
    // lifetime, type or purpose column left out is a heading read into the header)
    let short = (run.saturating_sub(2).max(2)..run)
        .filter(|&n| (n..run).all(|c| vocab().field(text(c)).is_none()))
        .map(|n| (n, run));
    whole
        .chain(short)
        .filter_map(|(n, start)| {
            let h = header_of(n, start)?;
            let rows = rows_of(n, h.name, start);
            (rows > 0 && lifetimes_in_place(&h, &sample(n, rows, start)))
                .then_some((h, rows, start))
        })
        .max_by_key(|(h, rows, _)| (rows * h.len(), h.len()))
}

/// The first rows (30 at most) of `rows` rows of `n` cells, from the filled lines
/// `filled` (the first row's first cell first): the cells' texts, trimmed.
fn cell_rows<'a>(lines: &[Line<'a>], filled: &[usize], n: usize, rows: usize) -> Vec<Vec<&'a str>> {
    (0..rows.min(30))
        .map(|r| {
            (0..n)
                .map(|c| lines[filled[r * n + c]].text.trim())
                .collect()
        })
        .collect()
}

/// Whether the lines from a run of header-like lines on (`run`, with the few lines
/// after it) set values under labels as a card does: a name label, a value, a label,
/// a value, a label (`Name` / `LinkedIn` / `Provider` / `LinkedIn` / `Purpose`), with
/// no blank line between. A header names its columns one after another, and its
/// rows follow it: `Name` / `Platziert von` / `Zweck` / `_ga` / `Velqora` holds one
/// such turn at most.
fn card_in_run(run: &[Line<'_>]) -> bool {
    let label = |l: &Line<'_>| super::cards::label_line(l.text).map(|(_, r)| r);
    let filled = run.iter().take_while(|l| !l.is_blank()).count();
    run[..filled].windows(5).any(|w| {
        label(&w[0]) == Some(Role::Name)
            && label(&w[1]).is_none()
            && label(&w[2]).is_some()
            && label(&w[3]).is_none()
            && label(&w[4]).is_some()
    })
}

/// A line that may be a cell of a header read one cell per line: a header word, or
/// a label (one to four words, a capital first, letters, spaces, hyphens, apostrophes
/// and slashes only, at most 40 bytes, a question mark allowed at its end) that is no sure cookie name and names no
/// category (`Präferenz-Cookies` over the header is the group's heading).
fn is_header_cell(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.len() > 60 {
        return false;
    }
    // (a header may ask its column's question: `Qui a accès ?`, `Who has access?`)
    let q = t.strip_suffix('?').map_or(t, str::trim_end);
    let label = q.len() <= 40
        && q.starts_with(|c: char| c.is_uppercase())
        && q.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '\u{2019}' | '/'))
        && !more_words_than(q, 4)
        && !is_strong_name(q)
        && vocab().find_category(q).is_none();
    label || vocab().field(t).is_some()
}

/// Do the lines `at` (one row's cells, filled lines) make a row under the header
/// cells `head` with its cookie name in column `name`: a single name there that is no
/// listed header word, no other cell a sure cookie name (the row would be short; a
/// provider's column may hold a brand that looks like one), and not two
/// of the header's cells among them (the header again, under the next group's
/// heading)? With `loose`, the name may be any one token no header lists (`#-#`).
fn row_at(at: &[usize], name: usize, head: &[&str], lines: &[Line<'_>], loose: bool) -> bool {
    let cell = |c: usize| lines[at[c]].text.trim();
    let token = |t: &str| !t.contains(char::is_whitespace) && t.len() <= 80;
    if !(is_single_name(cell(name)) || is_name_list(cell(name)) || (loose && token(cell(name))))
        || vocab().field_listed(cell(name)).is_some()
    {
        return false;
    }
    let mut repeated = 0;
    for c in 0..at.len() {
        let t = cell(c);
        // (a provider's name may look like one: `ABTasty`, `DoubleClick`)
        if c != name
            && is_single_name(t)
            && is_strong_name(t)
            && head
                .get(c)
                .is_none_or(|h| vocab().field(h) != Some(Role::Provider))
        {
            return false;
        }
        repeated += usize::from(head.iter().any(|h| h.eq_ignore_ascii_case(t)));
    }
    repeated < 2
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each cookie `text` reads as: its name, provider and lifetime (ISO 8601).
    fn name_provider_lifetime(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        crate::parse_policy(text)
            .cookies
            .into_iter()
            .map(|c| {
                let d = c.duration.and_then(|d| d.iso8601);
                (c.name, c.provider, d)
            })
            .collect()
    }

    /// What [`name_provider_lifetime`] gives for a cookie read whole.
    fn read_as(name: &str, provider: &str, iso: &str) -> (String, Option<String>, Option<String>) {
        (
            name.to_string(),
            Some(provider.to_string()),
            Some(iso.to_string()),
        )
    }

    /// A run of label-like lines that sets a value under a name label and another
    /// label after it is a card's, no header one cell a line.
    #[test]
    fn a_cards_labels_are_no_header_run() {
        let run = |t: &str| card_in_run(&crate::segment::lines(t));
        assert!(run("Accept\nName\nLinkedIn\nProvider\nLinkedIn\nPurpose\n"));
        assert!(run("Naam\nVelqora\nAanbieder\nVelqora BV\nDoel\nTelt.\n"));
        assert!(!run("Name\nProvider\nPurpose\nExpiry\n"));
        assert!(!run("Name\nPlatziert von\nZweck\nLaufzeit\n_ga\nVelqora\n"));
        assert!(!run("Name\nPlatziert von\nZweck\n_ga\nVelqora\nZählt.\n"));
        assert!(!run("Name\nLinkedIn\n\nProvider\nLinkedIn\nPurpose\n"));
    }

    /// Paragraphs are read one at a time, blank lines skipped, up to a line that is
    /// no text; a header one paragraph per cell is read when its name header's
    /// paragraph has up to five lines.
    #[test]
    fn paragraphs_and_the_stacked_paragraph_header() {
        let text = "a\nb\n\n\nc\n\nd\te\nf\n";
        let lines = crate::segment::lines(text);
        let got: Vec<(usize, usize)> = Paragraphs::new(&lines, 0).collect();
        assert_eq!(got, [(0, 2), (4, 5)]);
        assert_eq!(Paragraphs::new(&lines, 1).next(), Some((1, 2)));
        assert_eq!(Paragraphs::new(&lines, 6).next(), None);

        let names = |text: &str| -> Vec<String> {
            crate::parse_policy(text)
                .cookies
                .into_iter()
                .map(|c| c.name)
                .collect()
        };
        let rows = "Provider\n\nPurpose\n\nExpiry\n\n_ga\n\nGoogle\n\n\
                    Distinguishes users.\n\n2 years\n\n_gid\n\nGoogle\n\n\
                    Distinguishes users.\n\n24 hours\n";
        assert_eq!(names(&format!("Cookie name\n\n{rows}")), ["_ga", "_gid"]);
        assert_eq!(
            names(&format!("Cookie name\nof this site\n\n{rows}")),
            ["_ga", "_gid"]
        );
    }

    /// A cell paragraph that opens a row may carry a bracketed aside after its name
    /// (`_ga (2 years)`): the row is read, the aside left to the name's gloss; a cell
    /// with brackets that do not close it, or an empty pair, opens none.
    #[test]
    fn a_name_cell_with_its_aside_opens_a_row() {
        assert!(is_single_name("_ga (2 years)"));
        assert!(is_single_name("FDLBFIRSTTMS (Session)"));
        assert!(is_single_name("_ga"));
        for t in [
            "_ga ()",
            "_ga (2 years) x",
            "_ga (a (b))",
            "Google Analytics (GA4)",
        ] {
            assert!(!is_single_name(t), "{t:?}");
        }
        let text = "Cookies\n\nName\nProvider\nDescription\n\n\
                    FDLBFIRSTTMS (Session)\nCommand Act\nUsed for dispatch.\n\n\
                    SMSV (1 year)\nGoogle\nUsed to sign in.\n";
        let got: Vec<_> = crate::parse_policy(text)
            .cookies
            .into_iter()
            .map(|c| (c.name, c.provider))
            .collect();
        assert_eq!(
            got,
            [
                ("FDLBFIRSTTMS".into(), Some("Command Act".into())),
                ("SMSV".into(), Some("Google".into()))
            ]
        );
    }

    /// A row's lines fall to its columns as they read: a wrapped description's lines
    /// together, a lifetime under the lifetime's header, a provider's name wrapped
    /// after no stop kept with its first line.
    #[test]
    fn wrapped_cells_split_to_their_columns() {
        use Role::{Duration, Name, Provider, Purpose};
        let split = |texts: &[&str], roles: &[Role]| {
            let roles: Vec<Option<Role>> = roles.iter().map(|&r| Some(r)).collect();
            split_cells(texts, &roles).map(|(_, cells)| cells)
        };
        let row = [
            "_ga",
            "Google",
            "Used to distinguish users by",
            "assigning a random number.",
            "2 years",
        ];
        assert_eq!(
            split(&row, &[Name, Provider, Purpose, Duration]),
            Some(vec![1, 2, 1])
        );
        // no lifetime where the lifetime's header stands: no split
        assert_eq!(split(&row, &[Name, Provider, Duration, Purpose]), None);
        let row = [
            "ai_session",
            "Session",
            "Microsoft Azure App",
            "Insights",
            "This is a unique anonymous",
            "session identifier cookie.",
        ];
        assert_eq!(
            split(&row, &[Name, Duration, Provider, Purpose]),
            Some(vec![1, 2, 2])
        );
        let row = [
            "cid",
            "Unique value to be",
            "able to identify users.",
            "Adform",
            "60 days",
        ];
        assert_eq!(
            split(&row, &[Name, Purpose, Provider, Duration]),
            Some(vec![2, 1, 1])
        );
    }

    /// A table one cell a line whose cells wrapped (a PDF tool's copy of a narrow
    /// table): each row read whole, with or without blank lines between rows; a
    /// description's line that looks like a name (`third-party` after `by a`), a
    /// category's cell and a row of no wrapped cell among them.
    #[test]
    fn cell_lines_whose_cells_wrapped() {
        let read = |text: &str| -> Vec<(String, Option<String>, Option<String>, usize)> {
            crate::parse_policy(text)
                .cookies
                .into_iter()
                .map(|c| {
                    let words = c.purposes.join(" ").split_whitespace().count();
                    (
                        c.name,
                        c.provider,
                        c.duration.and_then(|d| d.iso8601),
                        words,
                    )
                })
                .collect()
        };
        let want = |rows: &[(&str, &str, &str, usize)]| -> Vec<_> {
            rows.iter()
                .map(|&(n, p, d, w)| (n.to_string(), Some(p.to_string()), Some(d.to_string()), w))
                .collect::<Vec<_>>()
        };
        let rows = want(&[
            ("_ga", "Google", "P2Y", 9),
            ("am-uid", "Admixer", "P2Y", 10),
            ("_gid", "Google", "PT24H", 2),
        ]);
        for blank in ["", "\n"] {
            let text = format!(
                "Cookie Policy\n\nCookie Name\nProvider\nPurpose\nCategory\nExpiry\n{blank}\
                 _ga\nGoogle\nUsed to distinguish users by\nassigning a random number.\n\
                 Statistics\n2 years\n{blank}\
                 am-uid\nAdmixer\nUsed to trade data, provided by a\nthird-party\nad exchange.\n\
                 Marketing\n2 years\n{blank}\
                 _gid\nGoogle\nDistinguishes users.\nStatistics\n24 hours\n"
            );
            assert_eq!(read(&text), rows, "{text}");
        }
    }

    /// One cell a line, the table's last row followed by the text after it with no
    /// blank line between: a section's heading (`Preferences (2)`, `3. Managing
    /// cookies`) or, when no row above wrapped, a sentence wider than every line of
    /// the rows: the last row ends before it, its cells as they were.
    #[test]
    fn cell_lines_end_before_the_text_after_them() {
        let read = |text: &str| -> Vec<(String, Option<String>, Option<String>, String)> {
            crate::parse_policy(text)
                .cookies
                .into_iter()
                .map(|c| {
                    (
                        c.name,
                        c.provider,
                        c.duration.map(|d| d.text),
                        c.purposes.join(" "),
                    )
                })
                .collect()
        };
        let row = |n: &str, p: &str, d: &str, u: &str| {
            (
                n.to_string(),
                Some(p.to_string()),
                Some(d.to_string()),
                u.to_string(),
            )
        };
        let head = "Cookie Policy\n\nName\nProvider\nPurpose\nExpiry\n";
        // a table whose cells wrapped, then a numbered or a counted category heading,
        // or a bare one before a paragraph after a blank line
        for heading in ["3. Managing cookies", "Preferences (2)", "Unclassified\n"] {
            let text = format!(
                "{head}_ga\nGoogle\nUsed to distinguish users by\nassigning a random number.\n\
                 2 years\n_gid\nGoogle\nDistinguishes users.\n24 hours\n{heading}\n\
                 You can change your settings at any time in the settings of your browser.\n"
            );
            assert_eq!(
                read(&text)[..2],
                [
                    row(
                        "_ga",
                        "Google",
                        "2 years",
                        "Used to distinguish users by assigning a random number."
                    ),
                    row("_gid", "Google", "24 hours", "Distinguishes users."),
                ],
                "{text}"
            );
        }
        // no row wrapped, then a sentence about the table (with a lifetime in it)
        let text = format!(
            "{head}_ga\nGoogle\nDistinguishes users.\n2 years\n_gid\nGoogle\n\
             Distinguishes users.\n24 hours\nGoogle Analytics keeps the data it collects \
             for 14 months, the default of its properties, before deleting it.\n"
        );
        assert_eq!(
            read(&text)[..2],
            [
                row("_ga", "Google", "2 years", "Distinguishes users."),
                row("_gid", "Google", "24 hours", "Distinguishes users."),
            ],
            "{text}"
        );
    }

    /// One cell per line under a header with unlisted words (`Identificatie`,
    /// `Platziert von`), the name column anywhere, with a group heading before the
    /// header and the header again under the next heading: every row read at the
    /// header's width, nothing read from the headings or the header.
    #[test]
    fn cell_lines_under_unlisted_headers() {
        let names = name_provider_lifetime;
        let doc = "Cookieverklaring\n\nFunctionele cookies\nIdentificatie\nFunctie\nAanbieder\n\
                   Bewaarduur\np23mn32t\nOnthoudt de taal.\nDynatrace\n-\n_vwo_uuid_v2\n\
                   Bewaart de instellingen.\nVisual Website Optimizer\n1 jaar\n";
        assert_eq!(
            names(doc),
            [
                ("p23mn32t".into(), Some("Dynatrace".into()), None),
                (
                    "_vwo_uuid_v2".into(),
                    Some("Visual Website Optimizer".into()),
                    Some("P1Y".into())
                )
            ]
        );
        // a lifetime written as a sentence is still the lifetime column's
        let doc = "Authentication\n\nName\nPurpose\nExpires\nsession_data\n\
                   This contains authentication to use the site\n\
                   When you close your browser, or 30 days if you asked to be remembered\n";
        assert_eq!(
            names(doc),
            [("session_data".into(), None, Some("P30D".into()))]
        );
        let doc = "Präferenz-Cookies\nBeschreibung\nName\nLaufzeit\nPlatziert von\n\n\
                   Speichert die Sprache.\nDYID\n1 Jahr\nDynamic Yield\n\n\
                   Merkt sich den Warenkorb.\nfcookie\n7 Tage\n-\n\nStatistiken\n\
                   Beschreibung\nName\nLaufzeit\nPlatziert von\n\nMisst Besuche.\nymex\n\
                   1 Jahr\nYandex\n";
        assert_eq!(
            names(doc),
            [
                (
                    "DYID".into(),
                    Some("Dynamic Yield".into()),
                    Some("P1Y".into())
                ),
                ("fcookie".into(), None, Some("P7D".into())),
                ("ymex".into(), Some("Yandex".into()), Some("P1Y".into()))
            ]
        );
    }

    /// One cell per line as a copy leaves a consent platform's table: a row naming
    /// several cookies (`_ga, _ga_*`, `__gads / __gpi`), a count after a name
    /// (`__cf_bm [x3]`), a first name of symbols (`#-#`) over a row that names one, a
    /// provider that looks like a name (`ABTasty`), a header cell that asks a
    /// question (`Qui a accès ?`), and a last column no row fills (`Acceptation`):
    /// every row read, nothing read from the header.
    #[test]
    fn cell_lines_as_a_copy_leaves_them() {
        let names = name_provider_lifetime;
        let got = read_as;
        let doc = "Cookies\n\nName\nAnbieter\nBeschreibung\nSpeicherdauer\n\n_ga, _ga_*\n\
                   Google\nBesucher-ID.\n2 Jahre\n\n__gads / __gpi\nGoogle AdSense\n\
                   Anzeigen.\n13 Monate\n\n__cf_bm [x3]\nCloudflare\nBots.\n1 Tag\n";
        assert_eq!(
            names(doc),
            [
                got("_ga", "Google", "P2Y"),
                got("_ga_*", "Google", "P2Y"),
                got("__gads", "Google AdSense", "P13M"),
                got("__gpi", "Google AdSense", "P13M"),
                got("__cf_bm", "Cloudflare", "P1D"),
            ]
        );
        let doc = "Marketing\n\nNom\nFournisseur\nFinalité\nDurée\n\n#-#\nYouTube\n\
                   Suit les vidéos.\n1 an\n\nABTastySession\nABTasty\nIdentifie la session.\n\
                   1 an\n\n_ptq\nHubspot\nSuit les visites.\n2 ans\n";
        assert_eq!(
            names(doc),
            [
                got("#-#", "YouTube", "P1Y"),
                got("ABTastySession", "ABTasty", "P1Y"),
                got("_ptq", "Hubspot", "P2Y"),
            ]
        );
        let doc = "Cookies\n\nNom\nQui a accès ?\nÉmetteur\nDurée\n\nmtm_id\n\
                   Direction du Travail\nMatomo\n13 mois\n\nmtm_ses\nDirection du Travail\n\
                   Matomo\n30 minutes\n";
        assert_eq!(
            names(doc),
            [
                got("mtm_id", "Matomo", "P13M"),
                got("mtm_ses", "Matomo", "PT30M")
            ]
        );
        let doc = "Cookies statistiques\n\nNom du cookie\nResponsable du traitement\n\
                   Finalité du cookie\nDurée de vie\nAcceptation\n\n_ga\nGoogle Analytics\n\
                   Distingue les visiteurs.\n2 ans\n\n_gid\nGoogle Analytics\n\
                   Distingue les visiteurs.\n24 heures\n";
        assert_eq!(
            names(doc),
            [
                got("_ga", "Google Analytics", "P2Y"),
                got("_gid", "Google Analytics", "PT24H")
            ]
        );
    }

    /// Cells apart by even runs of spaces that line up with nothing: a row that ends
    /// with its lifetime under a header with one more column (a consent switch's,
    /// left empty) keeps its cells in order; a first row naming two cookies, or
    /// named by words over a row that names one, opens the table.
    #[test]
    fn unaligned_rows_short_of_an_empty_last_cell() {
        let read = name_provider_lifetime;
        let got = read_as;
        let doc = "Nom du cookie   Responsable   Finalité   Durée de vie   Acceptation\n\
                   _ga   Google Analytics   Distingue les visiteurs.   2 ans   \n\
                   _gid   Google Analytics   Distingue les visiteurs.   24 heures\n";
        assert_eq!(
            read(doc),
            [
                got("_ga", "Google Analytics", "P2Y"),
                got("_gid", "Google Analytics", "PT24H")
            ]
        );
        let doc = "Nom du cookie   Émetteur   Finalité du cookie   Durée\n\
                   Velqa, velqid   Velqora   Gestion de session   365 jours\n\
                   Tornb, tornbid   Tornby   Gestion statistique   13 mois\n";
        assert_eq!(
            read(doc),
            [
                got("Velqa", "Velqora", "P365D"),
                got("velqid", "Velqora", "P365D"),
                got("Tornb", "Tornby", "P13M"),
                got("tornbid", "Tornby", "P13M")
            ]
        );
        let doc = "Cookie   Fornitore   Durata   Finalità\n\
                   Cookie sessione   Sito   Chiusura browser   Navigazione\n\
                   _ga   Google   2 anni   Statistiche\n\
                   consent_cookie   Sito   12 mesi   Preferenze\n";
        let names: Vec<String> = read(doc).into_iter().map(|(n, _, _)| n).collect();
        assert!(
            names.contains(&"_ga".to_string()) && names.contains(&"consent_cookie".to_string()),
            "{names:?}"
        );
    }

    /// Cells apart by single spaces under a header whose last column no list names
    /// (`Consenso`) after the lifetime's: a row that fills it (`Non richiesto`, `Sì`)
    /// keeps its lifetime whole and the words after it apart.
    #[test]
    fn single_space_rows_with_an_unlisted_last_cell_filled() {
        let doc = "Cookie Tipo Finalità Durata Consenso\n\
                   vq_sess Tecnico Autenticazione utente Sessione Non richiesto\n\
                   vq_pref Tecnico Memorizza la tua scelta 6 mesi Sì\n";
        let got: Vec<(String, Option<String>)> = crate::parse_policy(doc)
            .cookies
            .into_iter()
            .map(|c| (c.name, c.duration.map(|d| d.text)))
            .collect();
        let want = |n: &str, d: &str| (n.to_string(), Some(d.to_string()));
        assert_eq!(
            got,
            [want("vq_sess", "Sessione"), want("vq_pref", "6 mesi")]
        );
    }

    /// A platform's row of storage that is no cookie, whose name no test reads.
    const STORAGE_ROW: &str = "iU5q-!O9@$ Velqora Keeps the player's state. Session IndexedDB";

    /// The text of each line `p` reports as skipped.
    fn skipped_lines<'d>(p: &crate::Policy, doc: &'d str) -> Vec<&'d str> {
        p.warnings
            .iter()
            .filter(|w| w.kind == WarningKind::SkippedLine)
            .map(|w| &doc[w.span.start..w.span.end])
            .collect()
    }

    /// Single-space rows as a consent platform's declaration leaves them: a name with
    /// its count (`[x3]`), names apart by a slash or commas (the first capitalised,
    /// on the first row), a provider with a bracketed note of its party, a type with
    /// `HTML Local Storage` (no cookie) and rows no cell test reads between the
    /// rows: skipped, each with a warning, and the table goes on.
    #[test]
    fn collapsed_platform_rows() {
        let doc = "Name Provider Purpose Expiry Type\n\
                   Uetsid, uetvid Velqora Counts the visits. 1 year HTTP Cookie\n\
                   zq_a [x3] Velqora Labs (first-party) Keeps the session. Session HTTP Cookie\n\
                   zq_store Velqora Keeps the cart. Session HTML Local Storage\n\
                   iU5q-!O9@$ Velqora Keeps the player's state. Session IndexedDB\n\
                   m Velqora Tells the device. 2 years HTTP Cookie\n\
                   IDE / NID doubleclick.net (Drittanbieter) Shows ads. 13 months HTTP Cookie\n";
        let p = crate::parse_policy(doc);
        let got: Vec<(&str, Option<&str>, Option<&str>)> = p
            .cookies
            .iter()
            .map(|c| {
                let d = c.duration.as_ref().map(|d| d.text.as_str());
                (c.name.as_str(), c.provider.as_deref(), d)
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Uetsid", Some("Velqora"), Some("1 year")),
                ("uetvid", Some("Velqora"), Some("1 year")),
                ("zq_a", Some("Velqora Labs"), Some("Session")),
                ("m", Some("Velqora"), Some("2 years")),
                ("IDE", Some("doubleclick.net"), Some("13 months")),
                ("NID", Some("doubleclick.net"), Some("13 months")),
            ]
        );
        assert_eq!(skipped_lines(&p, doc), [STORAGE_ROW]);
        // a category between rows is a group row (`group_rows_between_collapsed_rows`),
        // a header a table of its own, and a row with nothing the header fits after
        // it ends the table; none is skipped as a row
        let doc = "Name Provider Purpose Expiry\n\
                   zq_a Velqora Keeps the session. Session\n\
                   Analytics\n\
                   zq_b Velqora Counts the visits. 1 year\n\n\
                   Name Provider Purpose Expiry\n\
                   zq_c Velqora Keeps the session. Session\n\
                   iU5q-!O9@$ Velqora Keeps the player's state. Session IndexedDB\n\
                   You can change your choice at any time in the settings.\n";
        let p = crate::parse_policy(doc);
        assert!(p
            .warnings
            .iter()
            .all(|w| w.kind != WarningKind::SkippedLine));
        let names: Vec<&str> = p.cookies.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["zq_a", "zq_b", "zq_c"]);
    }

    /// Group rows in a table of single-space rows: a category's name under the
    /// header, between rows or after a row skipped, sets the category of the rows
    /// under it; a row opening with a capitalised name and a slash opens a row.
    #[test]
    fn group_rows_between_collapsed_rows() {
        let doc = "Name Provider Purpose Expiry Type\n\
                   Analytics\n\
                   zq_a Velqora Counts the visits. 1 year HTTP Cookie\n\
                   Marketing\n\
                   zq_b Velqora Shows ads. 1 day HTTP Cookie\n\
                   iU5q-!O9@$ Velqora Keeps the player's state. Session IndexedDB\n\
                   Functional\n\
                   Zqpref / zq_lang Velqora Keeps your choices. 2 years HTTP Cookie\n";
        let p = crate::parse_policy(doc);
        let got: Vec<(&str, crate::Category)> = p
            .cookies
            .iter()
            .map(|c| (c.name.as_str(), c.category))
            .collect();
        use crate::Category::{Advertising, Analytics, Functional};
        assert_eq!(
            got,
            [
                ("zq_a", Analytics),
                ("zq_b", Advertising),
                ("Zqpref", Functional),
                ("zq_lang", Functional)
            ]
        );
        // no group row was reported as a line skipped
        assert_eq!(skipped_lines(&p, doc), [STORAGE_ROW]);
    }

    /// A type column's cell with a bracketed note (`Analytics (opt-in)`) ends the
    /// row's text before the lifetime: the note is a part of the cell.
    #[test]
    fn a_type_cell_with_a_bracketed_note() {
        assert_eq!(type_suffix("Counts visits. Analytics (opt-in)"), Some(15));
        assert_eq!(type_suffix("Counts visits. Analytics"), Some(15));
        assert_eq!(type_suffix("Counts visits (Analytics)"), None);
        let doc = "Name Provider Purpose Type Duration\n\
                   zq_a Velqora Counts the visits. Analytics (opt-in) Up to 2 years\n\
                   zq_b Velqora Keeps the session. Essential Session\n";
        let p = crate::parse_policy(doc);
        let got: Vec<(&str, crate::Category)> = p
            .cookies
            .iter()
            .map(|c| (c.name.as_str(), c.category))
            .collect();
        assert_eq!(
            got,
            [
                ("zq_a", crate::Category::Analytics),
                ("zq_b", crate::Category::Necessary)
            ]
        );
    }

    /// A lead-in whose words read as a header (`Cookies set by us:`: a name and a
    /// provider column) over the table's own header set in bold or as a heading is
    /// no header: the rows are read under the header below it, which is no row.
    #[test]
    fn a_header_under_a_lead_in_that_reads_as_one() {
        for head in [
            "**Name Provider Purpose Expiry**",
            "### Name Provider Purpose Expiry",
        ] {
            let text = format!(
                "Cookies set by us:\n\n{head}\n\
                 zq_visit Velqora Counts the pages you visit. 1 year\n\
                 zq_lang Velqora Keeps the language you chose. Session\n"
            );
            let p = crate::parse_policy(&text);
            let got: Vec<(&str, Option<&str>)> = p
                .cookies
                .iter()
                .map(|c| (c.name.as_str(), c.provider.as_deref()))
                .collect();
            assert_eq!(
                got,
                [("zq_visit", Some("Velqora")), ("zq_lang", Some("Velqora"))],
                "{head}"
            );
        }
    }

    /// `first_words` gives the spans `runs_iter` gives, on every corpus line and on
    /// made-up lines with every ASCII whitespace byte, leading and trailing runs, more
    /// than 15 words, and non-ASCII whitespace (no-break space, ideographic space).
    #[test]
    fn first_words_are_the_whitespace_runs() {
        let mut lines = crate::testing::corpus_lines_and(&[
            "",
            " ",
            "a",
            "  Name \t Provider\x0BPurpose\x0CExpiry\rType  ",
            "a b c d e f g h i j k l m n o p q r s",
            "Nom\u{a0}Fournisseur Finalité",
            "Name\u{3000}Provider",
        ]);
        for b in 0u8..0x80 {
            lines.push(format!("x{}y z", char::from(b)));
        }
        for line in &lines {
            let want: Vec<(usize, usize)> =
                crate::fields::text::runs_iter(line, |c| !c.is_whitespace())
                    .take(15)
                    .collect();
            assert_eq!(first_words(line).collect::<Vec<_>>(), want, "{line:?}");
        }
    }

    /// [`parse`], which turns away a line that no rows follow before reading it,
    /// answers as the reader without that test does ([`read`], not gated): at every
    /// line of every corpus document, and of made-up documents where a header or heading is followed by rows that
    /// open with a name on the next filled line, on the one after, or on neither,
    /// with blank lines between, stacked headers and lines of a name column's header.
    #[test]
    fn the_gate_answers_as_the_reader() {
        let mut docs: Vec<String> = crate::testing::corpus_documents()
            .into_iter()
            .filter_map(|(_, b)| crate::decode::decode(&b).ok().map(|t| t.0.into_owned()))
            .collect();
        let heads = [
            "Cookie Provider Purpose Duration",
            "Name Anbieter Zweck Speicherdauer",
            "Nom du cookie  Finalit\u{e9}  Dur\u{e9}e",
            "Cookie-Einstellungen",
            "Name",
            "Cookie name",
            "Essential cookies",
        ];
        let rows = [
            "_ga Google Distinguishes users 2 years",
            "Unique Name (Dynamically Generated) Google Stores 1 year",
            "CONSENT Google Stores consent 2 years",
            "This paragraph explains the section above.",
            "Provider",
            "Purpose",
            "_gid",
            "",
        ];
        for h in heads {
            for a in rows {
                for b in rows {
                    for c in rows {
                        docs.push(format!("{h}\n{a}\n{b}\n{c}\n"));
                        docs.push(format!("{h}\n\n{a}\n\n{b}\n{c}"));
                    }
                }
            }
        }
        let mut claimed = 0;
        for text in &docs {
            let ls = crate::segment::lines(text);
            for i in 0..ls.len() {
                if ls[i].is_blank() {
                    continue;
                }
                let (mut c1, mut d1) = (Context::default(), RawDoc::default());
                let (mut c2, mut d2) = (Context::default(), RawDoc::default());
                let got = parse(&ls, i, &mut c1, &mut d1);
                let want = read(&ls, i, &mut c2, &mut d2, false);
                assert_eq!(got, want, "{i} in {text:?}");
                if got.is_some() {
                    assert_eq!(format!("{c1:?} {d1:?}"), format!("{c2:?} {d2:?}"));
                    claimed += 1;
                }
            }
        }
        assert!(claimed > 100, "{claimed}");
    }

    /// `header_phrases` before words were asked once each: every phrase looked up.
    fn header_phrases_reference(text: &str) -> Option<Vec<&str>> {
        let words: Vec<(usize, usize)> =
            crate::fields::text::runs_iter(text, |c| !c.is_whitespace())
                .take(15)
                .collect();
        if words.len() < 2 || words.len() > 14 {
            return None;
        }
        let mut out = Vec::new();
        let mut unknown = 0;
        let mut w = 0;
        while w < words.len() {
            let mut took = 0;
            let mut head_only = 0;
            let cookie_first = vocab().mentions_cookies(&text[words[w].0..words[w].1]);
            for len in (1..=5.min(words.len() - w)).rev() {
                let phrase = &text[words[w].0..words[w + len - 1].1];
                let listed = vocab().field_listed(phrase).is_some();
                let opens_with_cookie = len > 1 && cookie_first && !listed;
                if !opens_with_cookie && vocab().field(phrase).is_some() {
                    if listed {
                        took = len;
                        if head_only > len
                            && crate::vocab::affixes::is_function_word_anywhere(
                                &text[words[w + len].0..words[w + len].1].to_lowercase(),
                            )
                        {
                            took = head_only;
                        }
                        break;
                    }
                    if head_only == 0 {
                        head_only = len;
                    }
                }
            }
            if took == 0 {
                took = head_only;
            }
            if took > 0 {
                out.push(&text[words[w].0..words[w + took - 1].1]);
            }
            if took == 0 {
                unknown += 1;
                if unknown > 1 {
                    return None;
                }
                out.push(&text[words[w].0..words[w].1]);
                took = 1;
            }
            w += took;
        }
        part_for_name(&mut out);
        (unknown <= 1 && out.len() >= 2).then_some(out)
    }

    #[test]
    fn header_phrases_asks_each_word_once_with_the_same_answer() {
        // every corpus line, and lines made of every listed header phrase of every
        // language between prose words, in three cases, with a typo and a plural
        let mut lines = crate::testing::corpus_lines();
        let phrases: Vec<String> = crate::vocab::table_rows()
            .filter(|r| r.0 == "field")
            .map(|r| r.2.to_string())
            .collect();
        assert!(phrases.len() > 100, "{} header phrases", phrases.len());
        let prose = [
            "we", "use", "Cookies", "the", "for", "Data", "and", "Name", "x1",
        ];
        for (i, p) in phrases.iter().enumerate() {
            let next = &phrases[(i * 7 + 3) % phrases.len()];
            let third = &phrases[(i * 13 + 5) % phrases.len()];
            let word = prose[i % prose.len()];
            for line in [
                format!("{p} {next} {third}"),
                format!("{word} {p} {next}"),
                format!("{p} {word} {next} {third}"),
                format!("{} {}", p.to_uppercase(), next.to_lowercase()),
                format!("Cookie {p} {next}s"),
                format!("{p}x {next} {word} {third}"),
            ] {
                lines.push(line);
            }
        }
        let mut compared = 0;
        for line in &lines {
            assert_eq!(
                header_phrases(line),
                header_phrases_reference(line),
                "{line:?}"
            );
            compared += usize::from(header_phrases(line).is_some());
        }
        assert!(compared > 500, "only {compared} headers among the lines");
    }

    /// The cheap test (`Vocab::field_surely_none`: a phrase with an ASCII digit and
    /// no bracket, or longer than 64 bytes, is not looked up) and the lazy cookie-word
    /// test give what every phrase looked up gives (`header_phrases_reference`, the
    /// former behaviour): on every corpus line and on made-up lines where a digit, a
    /// bracket, a long phrase or a cookie word meets listed headers of several
    /// languages.
    #[test]
    fn header_phrases_skips_digit_and_long_phrases_with_the_same_answer() {
        let mut lines = crate::testing::corpus_lines_and(&[
            "The cookie _pk_id_3 is set by Matomo to store a unique visitor ID.",
            "_ga (Google Analytics) 2 years",
            "Cookie Name Expiration Time Description",
            "Cookie Provider Purpose Duration",
            "Cookie 1 Provider Purpose Duration",
            "Cookie Name Duration (days) Purpose 2",
            "Cookie Name (1) Provider Purpose",
            "Name Provider Purpose Expiry Type",
            "Name Provider Purpose Expiry Type 2024",
            "Name Speicherdauer Funktion",
            "Cookie-Name Anbieter Zweck Speicherdauer",
            "Nom du cookie Fournisseur Finalité Durée de conservation",
            "Nom Fournisseur Finalité Durée 13 mois",
            "Nombre Proveedor Finalidad Duración",
            "Nome Fornitore Finalità Durata",
            "Naam Aanbieder Doel Bewaartermijn",
            "Cookie Cookie Cookie Cookie Cookie Cookie",
            "cookies used cookies Duration 12",
            "Cookie Maximum Storage Duration In Days Of The Stored Value Provider Purpose",
            "Cookie Ã© Name 1 Provider",
            "Cookie Name 1) Provider",
            "Name Provider Duration 3 Purpose",
            "Cookie3 Name Provider",
            "",
            ":",
            "_c123",
            "Name",
            "Name\u{a0}Provider",
            "Name\u{3000}Provider",
            "Name\u{2003}Provider",
            "Name\tProvider",
            "Name\x0BProvider",
            "Nom\u{a0}Fournisseur\u{a0}Finalité",
        ]);
        let digits = ["1", "_pk_id_3", "2 years", "(1)", "x9"];
        let phrases: Vec<String> = crate::vocab::table_rows()
            .filter(|r| r.0 == "field")
            .map(|r| r.2.to_string())
            .collect();
        for (i, p) in phrases.iter().enumerate() {
            let next = &phrases[(i * 5 + 1) % phrases.len()];
            let d = digits[i % digits.len()];
            lines.push(format!("{p} {d} {next}"));
            lines.push(format!("Cookie {d} {p} {next}"));
            lines.push(format!("{p}{d} {next}"));
            lines.push(format!("Cookie {p} {next} {d}"));
        }
        let mut headers = 0;
        for line in &lines {
            let got = header_phrases(line);
            assert_eq!(got, header_phrases_reference(line), "{line:?}");
            headers += usize::from(got.is_some());
        }
        assert!(headers > 200, "only {headers} headers among the lines");
    }

    #[test]
    fn header_phrase_split() {
        assert_eq!(
            header_phrases("Cookie Name Expiration Time Description").unwrap(),
            ["Cookie Name", "Expiration Time", "Description"]
        );
        assert_eq!(
            header_phrases("Cookie Provider Purpose Duration").unwrap(),
            ["Cookie", "Provider", "Purpose", "Duration"]
        );
        assert_eq!(
            header_phrases("Name Speicherdauer Funktion").unwrap(),
            ["Name", "Speicherdauer", "Funktion"]
        );
        assert_eq!(
            header_phrases("Name Provider Purpose Expiry Type")
                .unwrap()
                .len(),
            5
        );
        assert_eq!(header_phrases("What Are Your Choices"), None);
        // a listed label before a phrase read by its head word alone: `Set by` and
        // `Function`, not `Set by Function`; an unlisted phrase read by its head word
        // (`Finalité du cookie`) rather than its listed first word and a rest
        assert_eq!(
            header_phrases("Cookie Set by Function Expiry").unwrap(),
            ["Cookie", "Set by", "Function", "Expiry"]
        );
        assert_eq!(
            header_phrases("Nom Finalité du cookie Durée de vie").unwrap(),
            ["Nom", "Finalité du cookie", "Durée de vie"]
        );
        assert_eq!(
            header_phrases("Provider Cookie name Purpose Duration").unwrap(),
            ["Provider", "Cookie name", "Purpose", "Duration"]
        );
        // a phrase read whole by its head word that would leave no name column
        // parts where a name's label ends or starts, wherever it stands
        assert_eq!(
            header_phrases("Type Cookie Expiration Purpose").unwrap(),
            ["Type", "Cookie", "Expiration", "Purpose"]
        );
        assert_eq!(
            header_phrases("Catégorie Cookie Expiration Finalité").unwrap(),
            ["Catégorie", "Cookie", "Expiration", "Finalité"]
        );
        assert_eq!(name_split("Cookie Provider"), Some(6));
        assert_eq!(name_split("Retention period"), None);
    }

    /// Rows apart by single spaces whose name comes second: after a category cell
    /// (`Strictly necessary cart 2 days …`) or after a provider's capitalised words
    /// (`Adform uid Contains …`), the names no test is sure of; a closing sentence
    /// after the table is no row cut off.
    #[test]
    fn names_second_that_no_test_is_sure_of() {
        let typed = "Cookies we use\n\nCategory Cookie Expiration Purpose\n\
            Strictly necessary cart 2 days Keeps the basket.\n\
            Strictly necessary lang 1 year Keeps the language.\n\
            Advertising umeh 90 days Enables the bidding process.\n\
            Functional TC_PRIVACY_CENTER 396 days Shows the privacy centre.\n\n\
            You can change your choice at any time.\n";
        let got: Vec<(String, Option<String>)> = name_provider_lifetime(typed)
            .into_iter()
            .map(|(n, _, d)| (n, d))
            .collect();
        let want = [
            ("cart", "P2D"),
            ("lang", "P1Y"),
            ("umeh", "P90D"),
            ("TC_PRIVACY_CENTER", "P396D"),
        ]
        .map(|(n, d)| (n.to_string(), Some(d.to_string())));
        assert_eq!(got, want);
        let policy = crate::parse_policy(typed);
        assert!(
            policy
                .warnings
                .iter()
                .all(|w| w.kind != WarningKind::TruncatedRecord),
            "{:?}",
            policy.warnings
        );
        // a second table, its rows led by providers, none with a sure name
        let led = "Marketing\nSet by Name Description Retention period\n\
            Adobe Audience Manager mbox Tests which content is relevant. 2 years\n\
            Outbrain criteo Analyses technical data. 1 month\n\
            betweendigital.com ss Runs the chat box. 10 years\n\n\
            You can change your choice at any time.\n";
        assert_eq!(
            name_provider_lifetime(led),
            [
                read_as("mbox", "Adobe Audience Manager", "P2Y"),
                read_as("criteo", "Outbrain", "P1M"),
                read_as("ss", "betweendigital.com", "P10Y"),
            ]
        );
        // a name in lower case after a provider in lower case, or a capitalised
        // one, is not told from the provider's words
        let ws = |t: &str| word_offsets(t);
        let at = |t: &str| name_after_provider(t, &ws(t));
        assert_eq!(at("Adform uid Contains a unique ID. 60 days"), Some(1));
        assert_eq!(at("vBulletin bbcpsessionhash Used to track. Session"), None);
        assert_eq!(at("Shopify Cart Used in connection with carts."), None);
        assert_eq!(at("We use cookies to count visits."), None);
    }

    #[test]
    fn empty_cells_by_gap_width() {
        let cells =
            positioned_cells("pma_lang        Language preference.    30 días    Funcional");
        let placed: Vec<(usize, &str)> = by_gaps(&cells, 5).unwrap();
        assert_eq!(
            placed,
            [
                (0, "pma_lang"),
                (2, "Language preference."),
                (3, "30 días"),
                (4, "Funcional")
            ]
        );
        // the wide gaps must account for the missing cells exactly
        assert!(by_gaps(&cells, 6).is_none());
        let even = positioned_cells("_ga    Google    2 years");
        assert!(by_gaps(&even, 4).is_none());
    }

    /// A wrapped cell's line that stands under its column is the row's, whatever it
    /// holds (a camel-case word alone, `PubMatic.`): realigned by content only when
    /// its cells sit off the header's columns.
    #[test]
    fn lines_under_their_column_stay_in_their_row() {
        let text = "Cookie        Provider      Purpose                     Expiry\n\
                    pp            PubMatic      Tracks the last site that   3 months\n\
                    \x20                           served an ad from\n\
                    \x20                           PubMatic.\n\
                    viewer        Ortec         Counts visitors.            1 year\n";
        let p = crate::parse_policy(text);
        let names: Vec<&str> = p.cookies.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["pp", "viewer"]);
        assert_eq!(
            p.cookies[0].purposes,
            ["Tracks the last site that served an ad from PubMatic."]
        );
    }

    /// `Cookies fonctionnels` reads as two header phrases (`fonctionnels` starts
    /// like the head word `fonction`), but names a category: the line is the heading
    /// of the lines under it, which keep its category, not a header over them.
    #[test]
    fn a_category_heading_is_no_header() {
        let text = "Cookies fonctionnels\n\
                    lang_pref — Velqora — 1 an — Garde la langue choisie.\n\
                    ui_mode — Velqora — 6 mois — Garde le thème choisi.\n";
        let lines = crate::segment::lines(text);
        let mut doc = RawDoc::default();
        assert_eq!(
            read(&lines, 0, &mut Context::default(), &mut doc, true),
            None
        );
        let p = crate::parse_policy(text);
        let got: Vec<(&str, crate::Category)> = p
            .cookies
            .iter()
            .map(|c| (c.name.as_str(), c.category))
            .collect();
        use crate::Category::Functional;
        assert_eq!(got, [("lang_pref", Functional), ("ui_mode", Functional)]);
    }

    /// Rows whose cells are apart by single spaces, read by what each cell holds.
    #[test]
    fn collapsed_rows_by_their_cells() {
        let read = |text: &str| -> Vec<(String, Option<String>, String, Option<String>)> {
            crate::parse_policy(text)
                .cookies
                .iter()
                .map(|c| {
                    (
                        c.name.clone(),
                        c.provider.clone(),
                        c.purposes.join(" "),
                        c.duration.as_ref().map(|d| d.text.clone()),
                    )
                })
                .collect()
        };
        let row = |n: &str, p: Option<&str>, d: &str, l: &str| {
            (
                n.to_string(),
                p.map(str::to_string),
                d.to_string(),
                Some(l.to_string()),
            )
        };
        // a category cell ends the row; a first row whose name no list knows is read
        // when its cells fit the header
        assert_eq!(
            read(
                "Name Purpose Expiry Category\n\
                  zuc Keeps the basket. 1 year Strictly necessary\n\
                  ptrb Counts visits. 30 days Analytics\n"
            ),
            [
                row("zuc", None, "Keeps the basket.", "1 year"),
                row("ptrb", None, "Counts visits.", "30 days")
            ]
        );
        // a type cell of words before the lifetime
        assert_eq!(
            read(
                "Nome Tipologia Durata Finalità\n\
                  vrx_id Analitico (terze parti) 2 anni Distingue gli utenti\n\
                  vrx_ses Tecnico Sessione Mantiene la sessione\n"
            )
            .into_iter()
            .map(|r| (r.0, r.2, r.3))
            .collect::<Vec<_>>(),
            [
                (
                    "vrx_id".into(),
                    "Distingue gli utenti".into(),
                    Some("2 anni".into())
                ),
                (
                    "vrx_ses".into(),
                    "Mantiene la sessione".into(),
                    Some("Sessione".into())
                )
            ]
        );
        // a last column no list names, left empty; a provider whose name the
        // description repeats, or before a description opening with a function word
        assert_eq!(
            read(
                "Cookie Set by Purpose Expiry Toggle\n\
                  vq_cart Velqora Helps Velqora keep the basket. 1 year\n\
                  vq_ab Command Act The ID of the visitor. 30 days\n"
            ),
            [
                row(
                    "vq_cart",
                    Some("Velqora"),
                    "Helps Velqora keep the basket.",
                    "1 year"
                ),
                row(
                    "vq_ab",
                    Some("Command Act"),
                    "The ID of the visitor.",
                    "30 days"
                )
            ]
        );
        // the name column second, after a provider's words: the first sure name
        assert_eq!(
            read(
                "Provider Cookie name Purpose Duration\n\
                  Velqora Labs vq_cart Keeps the basket. 1 year\n\
                  Brindle vq_ab Holds the test group. 30 days\n"
            ),
            [
                row(
                    "vq_cart",
                    Some("Velqora Labs"),
                    "Keeps the basket.",
                    "1 year"
                ),
                row("vq_ab", Some("Brindle"), "Holds the test group.", "30 days")
            ]
        );
        // a capitalised word opens no row: a sentence under a header is no table
        assert_eq!(
            read("Name Purpose Expiry\nThese keep the basket for 1 year\n"),
            []
        );
    }

    #[test]
    fn aligned() {
        assert_eq!(
            aligned_cells("  _ga   2 years  Users  "),
            ["_ga", "2 years", "Users"]
        );
    }
}
