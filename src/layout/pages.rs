//! Page furniture: the page numbers a PDF's copy leaves between two pages (`Page 3
//! of 12`, `Seite 3 von 12`, `- 3 -`, or a number alone on its line when the
//! document's such lines count its pages: `2`, `3`, `4`). They are dropped before
//! the layouts read the lines, each reported with its span, so that a table, a
//! block of keys or a record of one cell a line that a page break cut in two reads
//! as one again; the blank lines around the number go with it. (A form feed is
//! dropped before parsing, with the control characters: see `decode`.)

use super::Line;
use crate::policy::{Warning, WarningKind};
use crate::segment::LineKind;
use crate::vocab::vocab;

/// The lines without their page numbers, or `None` when the document has none (most
/// documents: no copy is made). Each number dropped is reported in `warnings`.
pub(crate) fn without_page_numbers<'a>(
    lines: &[Line<'a>],
    warnings: &mut Vec<Warning>,
) -> Option<Vec<Line<'a>>> {
    let alone = counted_pages(lines);
    // (a byte test first: most lines are long, or end in a letter or a stop)
    let numbers: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            may_count(&lines[i])
                && (alone.binary_search(&i).is_ok() || vocab().is_page_number(lines[i].text))
        })
        .collect();
    if numbers.is_empty() {
        return None;
    }
    let mut drop = vec![false; lines.len()];
    for &i in &numbers {
        let l = &lines[i];
        drop[i] = true;
        warnings.push(Warning {
            kind: WarningKind::SkippedLine,
            message: format!(
                "a page's number between two pages is no part of the text: {:?}",
                l.text.trim()
            ),
            span: l.span(),
        });
        // the blank lines around it (the page break's) go with it
        for (d, b) in drop[..i].iter_mut().rev().zip(lines[..i].iter().rev()) {
            if !b.is_blank() {
                break;
            }
            *d = true;
        }
        for (d, b) in drop[i + 1..].iter_mut().zip(&lines[i + 1..]) {
            if !b.is_blank() {
                break;
            }
            *d = true;
        }
    }
    Some(
        lines
            .iter()
            .zip(&drop)
            .filter(|(_, &d)| !d)
            .map(|(l, _)| *l)
            .collect(),
    )
}

/// Whether line `l` may hold a page's number, by its ends alone: a line of 120
/// bytes at most (page numbers and running titles are short, whatever spaces pad
/// them) that opens or ends with a digit, or ends with a closing mark (`- 3 -`, `[3]`,
/// or any character outside ASCII: `— 3 —`). Most lines are turned away here.
fn may_count(l: &Line<'_>) -> bool {
    let t = l.text.as_bytes().trim_ascii();
    match (t.first(), t.last()) {
        (Some(&first), Some(&last)) => {
            t.len() <= 120
                && (first.is_ascii_digit()
                    || last.is_ascii_digit()
                    || matches!(last, b'-' | b']' | b')' | b'|')
                    || last >= 0x80)
        }
        _ => false,
    }
}

/// Lines that count the pages: a number alone on its line between blank lines (four
/// digits at most), or a page's running title with its number at one end (`Cookie
/// Policy – 4`, `4 | Example Ltd`), when the document holds two or more of the same
/// shape and each number is one more than the one before (`2`, `3`, `4`). A count
/// under a title (`Necessary` / `5`) stands right under it, and counts of groups, or
/// lifetimes (`1 year`, `2 years`), do not go up by one through a document in lines
/// of the same words.
fn counted_pages(lines: &[Line<'_>]) -> Vec<usize> {
    let blank_at = |k: Option<usize>| k.is_none_or(|k| lines.get(k).is_none_or(Line::is_blank));
    // (the words around the number, and the number, of each such line by its words)
    let mut found: Vec<(&str, usize, u32)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if !may_count(l) {
            continue;
        }
        let t = l.text.trim();
        // (a running title may set its number apart by a pipe, `4 | Example Ltd`: a
        // line of cells by its shape, but no table's row opens with a page's number
        // and the same words)
        let shaped = matches!(l.kind, LineKind::Text | LineKind::Pipe);
        if t.is_empty() || t.len() > 80 || !shaped {
            continue;
        }
        let b = t.as_bytes();
        // (the number opens the line, or ends it)
        let opens = b[0].is_ascii_digit();
        let (head, tail) = if opens {
            let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
            (&t[..n], &t[n..])
        } else if b[b.len() - 1].is_ascii_digit() {
            let n = b.iter().rev().take_while(|c| c.is_ascii_digit()).count();
            (&t[t.len() - n..], &t[..t.len() - n])
        } else {
            continue;
        };
        if head.len() > 4 {
            continue;
        }
        let alone = tail.is_empty() && blank_at(i.checked_sub(1)) && blank_at(Some(i + 1));
        // a running title: two words at least and no other digit, the number set
        // apart by a mark (`Policy – 4`, `4 | Example Ltd`; not `Cookie group 2`, a
        // heading, nor `item4`)
        let words = tail
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic));
        let mark = |w: Option<&str>| {
            w.is_some_and(|w| {
                w.chars()
                    .all(|c| !c.is_alphanumeric() && !c.is_whitespace())
            })
        };
        let edge = if opens {
            tail.split_whitespace().next()
        } else {
            tail.split_whitespace().next_back()
        };
        let titled = words.count() >= 2 && !tail.bytes().any(|c| c.is_ascii_digit()) && mark(edge);
        if alone || titled {
            if let Ok(n) = head.parse() {
                found.push((tail.trim(), i, n));
            }
        }
    }
    // the lines of the same words, in the document's order
    let mut by_words: crate::fields::text::FastMap<&str, Vec<usize>> = Default::default();
    for (k, f) in found.iter().enumerate() {
        by_words.entry(f.0).or_default().push(k);
    }
    let mut out: Vec<usize> = by_words
        .values()
        .filter(|same| {
            same.len() >= 2
                && same
                    .windows(2)
                    .all(|w| found[w[1]].2 == found[w[0]].2.saturating_add(1))
        })
        .flatten()
        .map(|&k| found[k].1)
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> (Vec<String>, usize) {
        let lines = crate::segment::lines(text);
        let mut w = Vec::new();
        let out = without_page_numbers(&lines, &mut w);
        let kept = out
            .unwrap_or(lines)
            .iter()
            .map(|l| l.text.to_string())
            .collect();
        (kept, w.len())
    }

    /// Page numbers in every language's words, and the shapes that are none.
    #[test]
    fn page_numbers() {
        let v = vocab();
        for yes in [
            "Page 3 of 12",
            "Page 3",
            "Seite 3 von 12",
            "Página 2 de 5",
            "Pagina 2 di 5",
            "Pagina 2 van 5",
            "Pág. 3/12",
            "p. 4",
            "3 of 12",
            "- 3 -",
            "— 12 —",
            "[3]",
        ] {
            assert!(v.is_page_number(yes), "{yes}");
        }
        for no in [
            "3",
            "2 years",
            "12 of 3",
            "Page",
            "Session",
            "1/2",
            "Seite 3 von 12 Seiten mit Text",
            "_ga - 2 -",
            "Necessary 15",
            "Page 3 of the policy",
        ] {
            assert!(!v.is_page_number(no), "{no}");
        }
    }

    /// A table cut by a page break reads as one: the number and the blank lines
    /// after it are dropped, and reported.
    #[test]
    fn numbers_between_pages_are_dropped() {
        let (lines, warned) = kept("Name\tExpiry\n_ga\t2 years\n\nPage 2 of 3\n\n_gid\t1 day\n");
        assert_eq!(lines, ["Name\tExpiry", "_ga\t2 years", "_gid\t1 day"]);
        assert_eq!(warned, 1);
        // numbers alone count pages only when they go up by one
        let (lines, warned) = kept("a\n\n2\n\nb\n\n3\n\nc\n");
        assert_eq!(lines, ["a", "b", "c"]);
        assert_eq!(warned, 2);
        let (lines, warned) = kept("Necessary\n\n5\n\nAnalytics\n\n3\n");
        assert_eq!(lines.len(), 7);
        assert_eq!(warned, 0);
        // a count right under its title is no page
        let (lines, _) = kept("Necessary\n4\n\nAnalytics\n5\n");
        assert_eq!(lines.len(), 5);
        // a running title with the page's number at one end
        let (lines, warned) =
            kept("a\nCookie Policy – 2\nb\n4 | Example Ltd\nCookie Policy – 3\nc\n");
        assert_eq!(lines, ["a", "b", "4 | Example Ltd", "c"]);
        assert_eq!(warned, 2);
        // lifetimes or headings that go up by one are no pages
        let (lines, warned) = kept("_a\nExpires after 1\n_b\nExpires after 2\n");
        assert_eq!((lines.len(), warned), (4, 0));
        let (lines, warned) = kept("Cookie group 1\n_a\nCookie group 2\n_b\n");
        assert_eq!((lines.len(), warned), (4, 0));
    }
}
