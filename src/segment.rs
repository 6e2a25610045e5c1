//! Stage 1: lines. Splits the input into lines with their byte spans and a first,
//! shape-only classification; later stages decide what the lines mean.

use crate::policy::Span;

/// What a line looks like, before anything is known of its meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Only whitespace.
    Blank,
    /// Holds at least one tab: a row of a tab-separated table (or a continuation of one).
    Tab,
    /// Holds at least one `|` cell separator.
    Pipe,
    /// A markdown table rule such as `|---|:--:|`.
    Rule,
    /// Anything else: headings, prose, key-value lines, list items, single cells.
    Text,
}

/// The longest text segmented: line offsets are kept as `u32`.
pub(crate) const MAX_TEXT: usize = u32::MAX as usize;

/// A byte offset kept as `u32` (line and token tables, the duration fold's map):
/// the pipeline reads no text over [`MAX_TEXT`] bytes; past it, `u32::MAX`.
pub(crate) fn offset32(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// One line of the input, without its line terminator.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// The line's text.
    pub text: &'a str,
    /// Byte offset of `text` in the input (a `u32`: a line table entry is 24 bytes,
    /// not 32, and the table is most of the memory of a document of short lines;
    /// the pipeline reads no more than [`MAX_TEXT`] bytes).
    at: u32,
    /// Its shape.
    pub kind: LineKind,
}

impl<'a> Line<'a> {
    /// A line of `text` at byte offset `start` of the input, of kind `kind`.
    pub(crate) fn new(text: &'a str, start: usize, kind: LineKind) -> Line<'a> {
        Line {
            text,
            at: offset32(start),
            kind,
        }
    }

    /// Byte offset of `text` in the input.
    pub(crate) fn start(&self) -> usize {
        self.at as usize
    }

    /// Byte offset one past the line's text.
    pub(crate) fn end(&self) -> usize {
        self.start() + self.text.len()
    }

    /// The line's span.
    pub(crate) fn span(&self) -> Span {
        Span::new(self.start(), self.end())
    }

    /// Is the line blank?
    pub(crate) fn is_blank(&self) -> bool {
        self.kind == LineKind::Blank
    }
}

/// Blank lines kept at each end of a run of empty lines (see [`lines`]).
const RUN_KEEP: usize = 4096;

/// Split `input` into lines (`\n`, `\r\n` or a lone `\r` end a line).
///
/// A run of more than `2 × RUN_KEEP` empty lines (nothing but whitespace that
/// `str::trim` removes) keeps only its first and last [`RUN_KEEP`] lines: 60 MB of
/// line feeds would otherwise cost a 32-byte [`Line`] each (1.9 GB). The lines kept
/// have their own offsets, and no reader looks past 4,096 lines in a row that are all
/// blank (the longest window, the space-aligned reader's, is 4,000 lines; the others
/// skip blank lines one by one until a filled line or test blank lines only next to a
/// filled one), so the layouts read the same lines either way. Such lines give the
/// language sample nothing, and a line that is blank only to [`classify`] (a
/// zero-width space) is kept and ends the run.
pub(crate) fn lines(input: &str) -> Vec<Line<'_>> {
    let bytes = input.as_bytes();
    let mut out = Lines {
        lines: Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1),
        run: 0,
        tail: std::collections::VecDeque::new(),
    };
    let mut start = 0;
    // line ends found by memchr, many bytes at a time
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if i < start {
            // the `\n` of a `\r\n`, already taken
            continue;
        }
        out.push(line(input, start, i));
        start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
    }
    if start < bytes.len() {
        out.push(line(input, start, bytes.len()));
    }
    out.finish()
}

/// The line table being built, with the tail of the current run of empty lines.
struct Lines<'a> {
    lines: Vec<Line<'a>>,
    /// Empty lines in the current run so far.
    run: usize,
    /// The run's last [`RUN_KEEP`] lines past its first [`RUN_KEEP`].
    tail: std::collections::VecDeque<Line<'a>>,
}

impl<'a> Lines<'a> {
    fn push(&mut self, l: Line<'a>) {
        if l.kind == LineKind::Blank && l.text.trim().is_empty() {
            self.run += 1;
            if self.run <= RUN_KEEP {
                self.lines.push(l);
            } else {
                if self.tail.len() == RUN_KEEP {
                    self.tail.pop_front();
                }
                self.tail.push_back(l);
            }
            return;
        }
        self.end_run();
        self.lines.push(l);
    }

    fn end_run(&mut self) {
        self.lines.extend(self.tail.drain(..));
        self.run = 0;
    }

    fn finish(mut self) -> Vec<Line<'a>> {
        self.end_run();
        // the capacity counted every line feed: give back what a long run did not use
        if self.lines.capacity() > 2 * self.lines.len() + 1024 {
            self.lines.shrink_to_fit();
        }
        self.lines
    }
}

fn line(input: &str, start: usize, end: usize) -> Line<'_> {
    let text = &input[start..end];
    Line::new(text, start, classify(text))
}

/// A list item's bullet (`●`, `-`) or a section's number (`2.`, `3.1`, `4)`, `II.`)
/// alone in a cell: no cookie's name.
fn is_item_marker(cell: &str) -> bool {
    let c = cell.trim();
    let numbered = c.bytes().any(|b| b.is_ascii_digit())
        && c.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b')')
        && (c.ends_with(['.', ')']) || c.contains('.'));
    let roman = c.len() > 1
        && c.ends_with(['.', ')'])
        && c[..c.len() - 1]
            .bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X'));
    !c.is_empty() && (numbered || roman || c.chars().all(crate::chars::is_bullet))
}

/// The shape of one line.
pub(crate) fn classify(text: &str) -> LineKind {
    if text.chars().all(crate::fields::text::is_space) {
        return LineKind::Blank;
    }
    // most lines hold neither a tab nor a pipe: one byte search says so
    if memchr::memchr2(b'\t', b'|', text.as_bytes()).is_none() {
        // the rule of a grid table (`+------+-----+`), between its rows
        // (after the spaces and zero-width characters a page may open a line with)
        let t = text.trim_start_matches([' ', '\u{200b}', '\u{feff}']);
        if t.starts_with('+') && is_grid_rule(t) {
            return LineKind::Rule;
        }
        return LineKind::Text;
    }
    // a list item or numbered heading whose marker its one tab sets apart (`●⇥_fbp –
    // Facebook`, `2.⇥Third-party cookies`, as a word processor copies them): text
    if let Some(at) = memchr::memchr(b'\t', text.as_bytes()) {
        let rest = text[at + 1..].trim();
        if !rest.is_empty() && !rest.contains('\t') && is_item_marker(&text[..at]) {
            return LineKind::Text;
        }
    }
    if text.contains('\t')
        && !text.trim().is_empty()
        && text.trim_matches(|c| c == '\t' || c == ' ').contains('\t')
    {
        return LineKind::Tab;
    }
    if text.contains('\t') && text.trim_start_matches([' ']).starts_with('\t') {
        // a continuation line: leading tab, one cell
        return LineKind::Tab;
    }
    let t = text.trim();
    if t.contains('|') {
        if t.chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '+' | '='))
            && t.contains('-')
        {
            return LineKind::Rule;
        }
        return LineKind::Pipe;
    }
    LineKind::Text
}

/// A grid table's rule: `+`, `-`, `=`, `:` and spaces only, two `+` at least and a
/// run of `-` or `=` between them (`+------+:----:+`, `+======+`). A line of `+`
/// alone, or `+1 -2`, is none.
fn is_grid_rule(t: &str) -> bool {
    let b = t.trim_end().as_bytes();
    b.len() >= 3
        && b.iter()
            .all(|c| matches!(c, b'+' | b'-' | b'=' | b':' | b' '))
        && b.iter().filter(|&&c| c == b'+').count() >= 2
        && b.windows(2)
            .any(|w| matches!(w, [b'-' | b'=', b'-' | b'=']))
        && b.last() == Some(&b'+')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A grid table's rules are rules; a line of plus signs, a sum or a list item
    /// is text.
    #[test]
    fn grid_rules() {
        for rule in [
            "+----+-----+",
            "  +====+=====+",
            "+:---:+---+ ",
            "\u{200b}+--+--+",
        ] {
            assert_eq!(classify(rule), LineKind::Rule, "{rule:?}");
        }
        for text in ["+++", "+1 -2 +3", "+ item", "+--", "+-- a --+"] {
            assert_eq!(classify(text), LineKind::Text, "{text:?}");
        }
    }

    /// Line ends as the byte loop before memchr found them.
    fn ends_by_bytes(input: &str) -> Vec<(usize, usize)> {
        let bytes = input.as_bytes();
        let (mut out, mut start, mut i) = (Vec::new(), 0, 0);
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    out.push((start, i));
                    start = i + 1;
                }
                b'\r' => {
                    out.push((start, i));
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    start = i + 1;
                }
                _ => {}
            }
            i += 1;
        }
        if start < bytes.len() {
            out.push((start, bytes.len()));
        }
        out
    }

    /// `lines` cuts where the byte loop cut, on every corpus document and on every
    /// text of up to six pieces of `\r`, `\n`, `\r\n`, a letter and a two-byte letter.
    #[test]
    fn line_ends_are_the_byte_loops() {
        let mut texts: Vec<String> = vec![String::new()];
        let pieces = ["\r", "\n", "\r\n", "a", "\u{e9}"];
        let mut frontier = vec![String::new()];
        for _ in 0..6 {
            let mut next = Vec::new();
            for t in &frontier {
                for p in pieces {
                    next.push(format!("{t}{p}"));
                }
            }
            texts.extend(next.iter().cloned());
            frontier = next;
        }
        texts.push(crate::testing::corpus_lines().join("\r\n"));
        texts.push(crate::testing::corpus_lines().join("\n"));
        for t in &texts {
            let got: Vec<(usize, usize)> = lines(t).iter().map(|l| (l.start(), l.end())).collect();
            assert_eq!(got, ends_by_bytes(t), "{t:?}");
        }
    }

    #[test]
    fn spans_cover_the_input_without_terminators() {
        let input = "a\tb\r\n\n| x | y |\r|---|---|\nlast";
        let ls = lines(input);
        let texts: Vec<&str> = ls.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["a\tb", "", "| x | y |", "|---|---|", "last"]);
        for l in &ls {
            assert_eq!(&input[l.start()..l.end()], l.text);
        }
        let kinds: Vec<LineKind> = ls.iter().map(|l| l.kind).collect();
        assert_eq!(
            kinds,
            [
                LineKind::Tab,
                LineKind::Blank,
                LineKind::Pipe,
                LineKind::Rule,
                LineKind::Text
            ]
        );
    }

    #[test]
    fn long_runs_of_empty_lines_keep_their_ends() {
        let n = 3 * RUN_KEEP;
        let input = format!(
            "a\n{}b\n{}c",
            "\n \r\n".repeat(n / 2),
            "\n".repeat(2 * RUN_KEEP)
        );
        let ls = lines(&input);
        // the first run (n lines) keeps 2 × RUN_KEEP of them; the second (2 × RUN_KEEP
        // lines) is whole
        assert_eq!(ls.len(), 1 + 2 * RUN_KEEP + 1 + 2 * RUN_KEEP + 1);
        for l in &ls {
            assert_eq!(&input[l.start()..l.end()], l.text);
        }
        let texts: Vec<&str> = ls
            .iter()
            .map(|l| l.text)
            .filter(|t| !t.trim().is_empty())
            .collect();
        assert_eq!(texts, ["a", "b", "c"]);
        let b = ls.iter().position(|l| l.text == "b").unwrap();
        // the lines right before `b` are the run's last, with their own offsets
        assert_eq!((ls[b - 1].text, ls[b - 1].end() + 2), (" ", ls[b].start()));
        assert_eq!(ls[1].start(), 2);
        // the lines kept are in input order
        assert!(ls.windows(2).all(|w| w[0].end() < w[1].start()));
        // a line blank only to `classify` (a zero-width space) ends the run
        let zw = format!(
            "{}\u{200b}\n{}x",
            "\n".repeat(RUN_KEEP + 10),
            "\n".repeat(RUN_KEEP + 10)
        );
        assert_eq!(lines(&zw).len(), 2 * RUN_KEEP + 22);
    }

    #[test]
    fn continuation_line_is_a_tab_line() {
        assert_eq!(
            classify("\tback office)\t\tone page to another"),
            LineKind::Tab
        );
        assert_eq!(classify("\toffice)"), LineKind::Tab);
        assert_eq!(classify(" \u{a0} "), LineKind::Blank);
    }

    /// A list item or a numbered heading whose marker its one tab sets apart, as a
    /// word processor copies them, is text; a marker before more cells, a row whose
    /// first cell is a name or a number, and a marker alone are not.
    #[test]
    fn item_markers_before_a_tab_are_text() {
        for text in [
            "●\t_fbp – Facebook – 3 months",
            "2.\tThird-party cookies",
            "3.1\tAnalytics",
            "4)\tMarketing",
            "II.\tFunctional",
            "  -\t_ga – Google",
        ] {
            assert_eq!(classify(text), LineKind::Text, "{text:?}");
        }
        for text in [
            "●\t_fbp\tFacebook",
            "_ga\tGoogle",
            "2\tyears",
            "1.5\tyears\tGoogle",
        ] {
            assert_eq!(classify(text), LineKind::Tab, "{text:?}");
        }
    }
}
