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

/// One line of the input, without its line terminator.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// The line's text.
    pub text: &'a str,
    /// Byte offset of `text` in the input.
    pub start: usize,
    /// Its shape.
    pub kind: LineKind,
}

impl<'a> Line<'a> {
    /// Byte offset one past the line's text.
    pub(crate) fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// The line's span.
    pub(crate) fn span(&self) -> Span {
        Span::new(self.start, self.end())
    }

    /// Is the line blank?
    pub(crate) fn is_blank(&self) -> bool {
        self.kind == LineKind::Blank
    }
}

/// Split `input` into lines (`\n`, `\r\n` or a lone `\r` end a line).
pub(crate) fn lines(input: &str) -> Vec<Line<'_>> {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(line(input, start, i));
                start = i + 1;
            }
            b'\r' => {
                out.push(line(input, start, i));
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
        out.push(line(input, start, bytes.len()));
    }
    out
}

fn line(input: &str, start: usize, end: usize) -> Line<'_> {
    let text = &input[start..end];
    Line {
        text,
        start,
        kind: classify(text),
    }
}

/// The shape of one line.
pub(crate) fn classify(text: &str) -> LineKind {
    if text.chars().all(crate::fields::text::is_space) {
        return LineKind::Blank;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_cover_the_input_without_terminators() {
        let input = "a\tb\r\n\n| x | y |\r|---|---|\nlast";
        let ls = lines(input);
        let texts: Vec<&str> = ls.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["a\tb", "", "| x | y |", "|---|---|", "last"]);
        for l in &ls {
            assert_eq!(&input[l.start..l.end()], l.text);
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
    fn continuation_line_is_a_tab_line() {
        assert_eq!(
            classify("\tback office)\t\tone page to another"),
            LineKind::Tab
        );
        assert_eq!(classify("\toffice)"), LineKind::Tab);
        assert_eq!(classify(" \u{a0} "), LineKind::Blank);
    }
}
