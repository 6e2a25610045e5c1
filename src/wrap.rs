//! Stage 2, before the lines: hard-wrapped text read as it was written.
//!
//! Text copied out of a PDF, a plain-text mail or a terminal ends its lines at a
//! fixed width inside paragraphs, list items and table rows:
//!
//! ```text
//! __utma 2 years from set/update Used to distinguish users and sessions.
//! The cookie is created when the javascript library executes and no
//! existing __utma cookies exists.
//! ```
//!
//! Every reader of the pipeline works a line at a time, so a row wrapped this way
//! becomes a row and two stray lines, and a sentence that names a cookie on one line
//! and its lifetime on the next says nothing. [`unwrap`] finds the line ends that
//! the width put there and reads each as a space, before the lines are made.
//!
//! **By evidence, never by default.** A line end is soft only in a document that
//! shows a width: at least [`MIN_FULL`] lines (of 20 characters or more) end within
//! [`BAND`] characters of one width `W`, they are at least 30 % of the lines longer
//! than `W / 2`, hardly any line is longer than `W` (tables aside), and at least a
//! quarter of the full lines go on into a line that opens in lower case (a wrap
//! breaks sentences; a column of items of one length does not). A page copied out of
//! a browser has paragraphs of any length on one line each and shows no width; its
//! text is returned as it is. In a document that shows one, a line end is soft when
//! the line is full — the next line's first word would not have fitted within 90 %
//! of the width (a proportional font fills its lines unevenly) — and nothing says a
//! new block starts: the line ends with `:` or is a key's value that ends a
//! sentence; the next line is indented deeper, opens with a bullet or a list number
//! (a dash after a line that ends no sentence, outside a list item, is the
//! sentence's dash), a coined word and a dash (`sessionToken - …`), a key
//! (`Expiry: 2 years`) or a cookie name beyond doubt after a line that does not end
//! with a function word (`__utmb 30 mins …`: a table's next row); either line is a
//! heading (short, no final stop, after a sentence's end) or a table's header. A
//! record written in one line, its values apart by a separator (`Name: _ga ·
//! Provider: Google · …`, `_ga – Google – 2 years – …`), goes on over a line that
//! opens with the separator or a label. Table rows (tabs, pipes, cells aligned by
//! runs of spaces, semicolon or comma rows) are never joined.
//!
//! **Spans stay exact.** A soft line end (`\n`, or `\r\n`) becomes as many spaces:
//! the text keeps its length, so every offset the parser reports indexes the
//! caller's text without a map.

use crate::fields::text::more_words_than;
use std::borrow::Cow;

/// Lines ending near one width needed to say that a document is hard-wrapped.
const MIN_FULL: usize = 6;

/// How far below the width a full line may end, in characters (the longest common
/// word and its space).
const BAND: usize = 15;

/// The narrowest and widest wrapping widths looked for, in characters.
const MIN_WIDTH: usize = 30;
const MAX_WIDTH: usize = 200;

/// How many characters over the width found a line still counts as of that width.
const SLACK: usize = 5;

/// Lines shorter than this (trimmed) say nothing about the width.
const MIN_COUNTED: usize = 20;

/// The hard-wrapped text's soft line ends read as spaces; the text itself when it
/// shows no fixed width or has no soft line end (see the module docs).
pub(crate) fn unwrap(text: &str) -> Cow<'_, str> {
    let Some(width) = wrap_width(text) else {
        return Cow::Borrowed(text);
    };
    let lines: Vec<Shape> = line_ranges(text)
        .map(|(s, e)| Shape::of(&text[s..e], s, e))
        .collect();
    if !goes_on(&lines, width) {
        return Cow::Borrowed(text);
    }
    // (a line is asked whether it is a heading only next to a full line: the
    // header test looks its words up in the vocabularies)
    let heading = |i: usize| {
        let before = i.checked_sub(1).map(|j| &lines[j]);
        is_heading(before, &lines[i], lines.get(i + 1), width)
    };
    let mut soft = Vec::new();
    // the separator of the one-line record the joined run so far holds, if any
    let mut record = None;
    // whether the joined run opened with a bullet or a list number
    let mut item = lines.first().is_some_and(|l| opens_item(l.body()));
    for i in 1..lines.len() {
        let (a, b) = (&lines[i - 1], &lines[i]);
        let (join, sep) = is_soft(a, b, width, record, item);
        let join = match join {
            Join::No => false,
            Join::Surely => true,
            Join::UnlessHeading => !heading(i - 1) && !heading(i),
        };
        if join {
            soft.push((a.end, b.start));
            record = sep;
        } else {
            record = None;
            item = opens_item(b.body());
        }
    }
    if soft.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for (from, to) in soft {
        // `\n` or `\r\n`: ASCII bytes replaced by ASCII spaces, so the text stays UTF-8
        bytes[from..to].fill(b' ');
    }
    Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_string()))
}

/// The byte ranges of the lines of `text` (without `\n` or `\r\n`).
fn line_ranges(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    ends.filter_map(move |nl| {
        if start > bytes.len() {
            return None;
        }
        let s = start;
        start = nl + 1;
        let e = if nl > s && bytes[nl - 1] == b'\r' {
            nl - 1
        } else {
            nl
        };
        Some((s, e))
    })
}

/// The width a document is wrapped at, in characters, if it shows one.
fn wrap_width(text: &str) -> Option<usize> {
    // lengths up to MAX_WIDTH counted one by one, longer ones in the last slot
    let mut count = [0usize; MAX_WIDTH + 2];
    let mut counted = 0;
    let bytes = text.as_bytes();
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())) {
        let line = &bytes[start..nl];
        start = nl + 1;
        // (this runs on every document: the cheap tests first, on the bytes, the
        // characters counted only on lines that can end near a width; a table
        // aligned by runs of spaces or delimited rows are counted here and left out
        // of the joining. Walked here rather than with `line_ranges`, whose string
        // slice of every line cost 9 M instructions more on the 600 copies)
        if line.len() < MIN_COUNTED || memchr::memchr2(b'\t', b'|', line).is_some() {
            continue;
        }
        let line = text[nl - line.len()..nl].trim_end();
        if line.trim_start().len() < MIN_COUNTED {
            continue;
        }
        // a character is at most four bytes: a line of more bytes is over the width
        let chars = if line.len() > 4 * (MAX_WIDTH + 1) {
            MAX_WIDTH + 1
        } else {
            line.chars().count().min(MAX_WIDTH + 1)
        };
        count[chars] += 1;
        counted += 1;
    }
    if counted < MIN_FULL {
        return None;
    }
    // longer[w]: lines longer than w characters
    let mut longer = [0usize; MAX_WIDTH + 2];
    for w in (0..=MAX_WIDTH).rev() {
        longer[w] = longer[w + 1] + count[w + 1];
    }
    let found = (MIN_WIDTH..=MAX_WIDTH).find(|&w| {
        let near = longer[w - BAND] - longer[w];
        let over = longer[w];
        let over_half = longer[w / 2];
        count[w] > 0 && near >= MIN_FULL && 10 * near >= 3 * over_half && 20 * over <= near.max(20)
    });
    // the few lines a little over it (a proportional font) are of the same width: the
    // width is the longest of them
    found.map(|w| {
        (w..=(w + SLACK).min(MAX_WIDTH))
            .rev()
            .find(|&x| count[x] > 0)
            .unwrap_or(w)
    })
}

/// The second evidence of a width: a wrapped text's full lines break its sentences,
/// so at least a quarter of them (and three) go on into a line that opens in lower
/// case. Lines of one length that end where their sentences end (a list of cells
/// glued together, a column of items) are no wrapping.
fn goes_on(lines: &[Shape<'_>], width: usize) -> bool {
    let (mut full, mut on) = (0, 0);
    for pair in lines.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.fixed || a.chars > width || a.chars + BAND <= width {
            continue;
        }
        full += 1;
        // (a line that ends its sentence over one in lower case is no evidence: a
        // consent panel's `This service can install 2 cookies.` / `c-signup ▸
        // Session`; a sentence seldom opens in lower case)
        on += usize::from(
            b.body().starts_with(char::is_lowercase) && !b.fixed && !ends_sentence(a.text),
        );
    }
    on >= 3 && 4 * on >= full
}

/// A table's row, never wrapped at the width nor joined: cells apart by tabs, by
/// pipes, by runs of spaces (a table aligned in columns pads its rows to one
/// length, which is no wrapping width), or by semicolons or commas; or a line
/// indented as deep as a table's later column ([`DEEP_INDENT`]).
fn is_table_row(line: &str) -> bool {
    let bytes = line.as_bytes();
    memchr::memchr2(b'\t', b'|', bytes).is_some()
        || crate::fields::text::contains_short(line.trim_start(), "   ")
        || is_delimited_row(bytes)
        || bytes.starts_with(DEEP_INDENT)
}

/// Where a line opens this far in, it stands under a column of a table aligned by
/// runs of spaces: a cell's wrapped text (`li_fat_id   LinkedIn   Member identifier
/// for` / `(40 spaces)Members for conversion tracking,`), never joined to the line of
/// the same cell under it (the two together would read as two cells).
const DEEP_INDENT: &[u8] = b"        ";

/// A row of a delimited table (`_ga;Google;2 years`, `_ga,Google,2 years`): two
/// semicolons, or two commas with no space after them (prose puts one).
fn is_delimited_row(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b';', bytes).nth(1).is_some()
        || memchr::memchr_iter(b',', bytes)
            .filter(|&at| bytes.get(at + 1).is_some_and(|&b| b != b' '))
            .nth(1)
            .is_some()
}

/// What the joining rules ask of one line.
struct Shape<'a> {
    /// The line, without its end's whitespace.
    text: &'a str,
    /// Byte offsets of the line's end (before `\r\n` or `\n`) and of its start.
    end: usize,
    start: usize,
    /// Its length in characters (leading spaces included: they take width too).
    chars: usize,
    /// Leading spaces and tabs.
    indent: usize,
    /// A table row ([`is_table_row`]), or a line a lone carriage return splits:
    /// never joined.
    fixed: bool,
}

impl<'a> Shape<'a> {
    fn of(line: &'a str, start: usize, end: usize) -> Shape<'a> {
        let text = line.trim_end();
        Shape {
            text,
            end,
            start,
            chars: text.chars().count(),
            indent: text.len() - text.trim_start().len(),
            fixed: is_table_row(text) || line.contains('\r'),
        }
    }

    fn body(&self) -> &'a str {
        self.text.trim_start()
    }

    fn is_blank(&self) -> bool {
        self.body().is_empty()
    }
}

/// Is the line end between `a` and `b` one the width put there?
fn is_soft(
    a: &Shape<'_>,
    b: &Shape<'_>,
    width: usize,
    record: Option<Separator>,
    item: bool,
) -> (Join, Option<Separator>) {
    // (a line longer than the width was not wrapped at it: its ends are the writer's)
    if a.is_blank() || b.is_blank() || a.fixed || b.fixed || a.chars.max(b.chars) > width {
        return (Join::No, None);
    }
    let body = b.body();
    let first = body.split_whitespace().next().unwrap_or("");
    // full: the next word would not have fitted within 90 % of the width
    if 10 * (a.chars + 1 + first.chars().count()) <= 9 * width {
        return (Join::No, None);
    }
    // a record of values in a line (`Name: _ga · Provider: Google · …`, `_ga – Google
    // – 2 years – …`; `record` when the lines joined before `a` showed it) broken at a
    // separator or after a label goes on whatever the next line opens with
    let sep = record
        .or_else(|| inline_separator(a.text))
        .or_else(|| inline_separator(body));
    if let Some((sep, spaced)) = sep {
        let goes_on = a.text.ends_with(sep)
            || body.starts_with(sep)
            || a.text.ends_with(':')
            || (body.contains(spaced) && !opens_item(body) && !is_key(body));
        if goes_on {
            return (Join::Surely, Some((sep, spaced)));
        }
    }
    let new_block = a.text.ends_with(':')
        // a key's value that ends a sentence at the line's end (`Durata: 2 anni.`)
        || (is_key(a.body()) && ends_sentence(a.text))
        || b.indent > a.indent
        || (opens_item(body) && (item || !dash_inside(a.text, body)))
        || is_key(body)
        // a word alone on a full line is no line of a paragraph but a cell of its own
        // (a table copied one cell a line: `cookieyes-advertisement` over `CookieYes`)
        || !a.body().trim_end().contains(char::is_whitespace)
        // a sentence's end, then a few words that end none: the next cell (`… SDK
        // Services.` over `3 hours`), not the sentence's next line
        || (ends_sentence(a.text) && !ends_sentence(b.text) && !more_words_than(body, 3))
        // a table's header one cell a line (`Retention period` over `Description`)
        || (is_listed_header(a.body()) && is_listed_header(body))
        || (!crate::vocab::affixes::ends_with_function_word(a.text)
            && crate::fields::names::is_strong_name(first.trim_end_matches([':', ',', ';'])));
    if new_block {
        (Join::No, None)
    } else {
        (Join::UnlessHeading, sep)
    }
}

/// A line that is a header a table lists, and nothing else.
fn is_listed_header(line: &str) -> bool {
    !more_words_than(line, 4) && crate::vocab::vocab().field_listed(line.trim()).is_some()
}

/// What [`is_soft`] says of a line end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// A line end the writer put there.
    No,
    /// Soft: a record of labelled values goes on.
    Surely,
    /// Soft, unless a heading stands on either side.
    UnlessHeading,
}

/// The separator of the values of a record written in one line, if `line` holds
/// one: a character between spaces (`·`, `—`, `–`, `-`, `•`, `/`) twice, or once
/// with a label (`Name: _ga · Provider: Google`, `_ga – Google – 2 years – …`); or a
/// comma between labelled pairs (`Name: _fbp, Anbieter: Meta`).
fn inline_separator(line: &str) -> Option<Separator> {
    const SEPARATORS: [Separator; 6] = [
        ('·', " · "),
        ('—', " — "),
        ('–', " – "),
        ('-', " - "),
        ('•', " • "),
        ('/', " / "),
    ];
    let labelled = line.contains(": ");
    SEPARATORS
        .into_iter()
        .find(|(_, spaced)| {
            let mut at = line.match_indices(spaced);
            at.next().is_some() && (labelled || at.next().is_some())
        })
        .or_else(|| {
            // pairs apart by commas: the line opens with a key, and a comma is followed
            // by another (`Name: _fbp, Anbieter: Meta, …`)
            (labelled
                && is_key(line.trim_start())
                && line
                    .match_indices(", ")
                    .any(|(p, _)| is_key(&line[p + 2..])))
            .then_some((',', ", "))
        })
}

/// A separator of one-line records: the character, and the character between
/// spaces as it stands between two values.
type Separator = (char, &'static str);

/// Does `line` end with a sentence's stop (a closing quote or bracket after it
/// allowed)?
fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', '”', '’', '»', ')'])
        .ends_with(['.', '!', '?', '…'])
}

/// A line that opens a list item: a bullet, a list or section number (`1.`, `2)`,
/// `1.2`) and a space, or a word and a dash (`sessionToken - Token di sessione`).
fn opens_item(body: &str) -> bool {
    if let Some((word, _)) = body.split_once(' ') {
        let rest = &body[word.len()..];
        // (a name, not a sentence's last word: `dispatch. – Functional`,
        // `interaction - This is used`)
        let named = crate::fields::names::is_name_shaped(word)
            && !word.ends_with(['.', ',', ';', ':'])
            && is_coined(word);
        if named && [" - ", " – ", " — "].iter().any(|d| rest.starts_with(d)) {
            return true;
        }
    }
    let mut chars = body.chars();
    match chars.next() {
        Some(c) if crate::chars::is_bullet(c) => return true,
        Some(c) if c.is_ascii_digit() => {}
        _ => return false,
    }
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &body.as_bytes()[digits..];
    if digits > 2 {
        return false;
    }
    match rest {
        [b'.' | b')', b' ', ..] => true,
        [b'.', d, ..] if d.is_ascii_digit() => {
            let more = rest[1..].iter().take_while(|b| b.is_ascii_digit()).count();
            matches!(rest.get(1 + more), Some(b' ' | b'.'))
        }
        _ => false,
    }
}

/// A dash opening `body` that goes on the sentence of `line` (`… and interaction` /
/// `- This is used to …`): a dash, not a bullet, after a line that ends no sentence
/// and introduces nothing, in a paragraph that is no list item.
fn dash_inside(line: &str, body: &str) -> bool {
    ["- ", "– ", "— "].iter().any(|d| body.starts_with(d))
        && !line.ends_with([':', ';', '.', '!', '?'])
}

/// A word no dictionary has: an underscore or a digit in it, or a capital letter
/// after its first (`sessionToken`, `_ga`, `PHPSESSID`), as cookie names are and
/// `Marketing` or `interaction` are not.
fn is_coined(word: &str) -> bool {
    word.contains(|c: char| c == '_' || c.is_ascii_digit())
        || word.chars().skip(1).any(char::is_uppercase)
}

/// A line that opens with a key and its colon (`Expiry: 2 years`, `Anbieter:`,
/// `_ga_*: used to …`): one to three words, then `:` and a space or the end; a
/// lower-case word alone with a colon and nothing after (`over:`) ends a sentence
/// instead.
fn is_key(body: &str) -> bool {
    let Some(colon) = body.find(':') else {
        return false;
    };
    let key = &body[..colon];
    let after = &body[colon + 1..];
    // (a comma ends a value before a key: `and time, Expiry:` is no key)
    if key.is_empty() || key.contains(',') || !(after.is_empty() || after.starts_with(' ')) {
        return false;
    }
    // (every word of a key has a letter or a digit: `year — Type:` is a value's end
    // and the next label)
    if key.split(' ').count() > 3
        || key
            .split(' ')
            .any(|w| !w.chars().any(char::is_alphanumeric))
    {
        return false;
    }
    // `on: The HTTP Status Code …` ends a sentence's preposition, not a key
    if !key.contains(' ') && crate::vocab::affixes::is_function_word_anywhere(&key.to_lowercase()) {
        return false;
    }
    !after.trim().is_empty()
        || key.chars().next().is_some_and(char::is_uppercase)
        || key.contains('_')
}

/// Is `line` a heading: it opens in upper case, ends with no stop, is short, and
/// stands after a sentence's end (or a blank line), or is very short before a new
/// block (a line that opens in upper case, a number or a bullet)?
fn is_heading(
    before: Option<&Shape<'_>>,
    line: &Shape<'_>,
    after: Option<&Shape<'_>>,
    width: usize,
) -> bool {
    let body = line.body();
    let (Some(first), Some(last)) = (body.chars().next(), body.chars().last()) else {
        return false;
    };
    if !first.is_uppercase() || matches!(last, '.' | ',' | ';' | ':' | '!' | '?') {
        return false;
    }
    // a table's header (`Cookie Name Expiration Time Description`; no labels)
    if !body.contains(':')
        && crate::layout::spaced::header_phrases(body).is_some_and(|p| p.len() >= 2)
    {
        return true;
    }
    if 4 * line.chars >= 3 * width {
        return false;
    }
    let after_stop = before.is_none_or(|b| b.is_blank() || ends_sentence(b.text));
    let before_block = after.is_none_or(|a| {
        let body = a.body();
        body.is_empty()
            || body.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || opens_item(body)
    });
    after_stop || (2 * line.chars < width && before_block)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paragraph wrapped at `width` (greedy, as `textwrap` and mail clients do).
    fn wrap(text: &str, width: usize) -> String {
        let mut out = String::new();
        let mut line = String::new();
        for w in text.split(' ') {
            if !line.is_empty() && line.chars().count() + 1 + w.chars().count() > width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(w);
        }
        out.push_str(&line);
        out
    }

    const PARAGRAPH: &str =
        "These cookies collect information about how visitors use our website, \
        for instance which pages visitors go to most often, and if they get error messages from \
        web pages. These cookies don't collect information that identifies a visitor. All \
        information these cookies collect is aggregated and therefore anonymous. It is only used \
        to improve how our website works.";

    #[test]
    fn a_wrapped_paragraph_is_one_line_again() {
        for width in [50, 72, 90] {
            let wrapped = wrap(PARAGRAPH, width);
            let text = format!("{wrapped}\n\n{wrapped}\n");
            let read = unwrap(&text);
            assert_eq!(read.len(), text.len());
            assert_eq!(
                read,
                format!("{PARAGRAPH}\n\n{PARAGRAPH}\n"),
                "width {width}"
            );
        }
        // `\r\n` line ends become two spaces
        let text = format!("{}\r\n", wrap(PARAGRAPH, 60).replace('\n', "\r\n"));
        let read = unwrap(&text);
        assert_eq!(read.len(), text.len());
        assert!(!read.trim_end().contains('\n'), "{read}");
    }

    /// A consent panel repeated for each service has lines of one length ending their
    /// sentences over names in lower case (`This service can install 2 cookies.` /
    /// `c-signup ▸ Session`): no wrapping width, nothing joined.
    #[test]
    fn sentences_ended_over_lower_case_names_show_no_width() {
        let mut text = String::new();
        for (service, names) in [
            ("Velqora", ["c-signup", "lil-lang"]),
            ("Orabix", ["trc", "hubspotutk"]),
            ("Zentrix", ["wwepo", "visitor-id"]),
            ("Quarlum", ["usprivacy", "kcru"]),
        ] {
            text += &format!(
                "{service}\nRead more - View the official website\n\
                 This service can install 2 cookies.\n{} ▸ Session\n{} ▸ 1 year\nAllow Deny\n\n",
                names[0], names[1]
            );
        }
        assert_eq!(unwrap(&text), text);
    }

    #[test]
    fn text_that_shows_no_width_is_left_alone() {
        let text = format!("{PARAGRAPH}\nShort line\n{PARAGRAPH} Again.\n_ga\n2 years\n");
        assert!(matches!(unwrap(&text), Cow::Borrowed(_)));
        // lines of one length, but too few to show a width
        let few = wrap(&PARAGRAPH[..200], 60);
        assert!(matches!(unwrap(&few), Cow::Borrowed(_)));
        assert_eq!(wrap_width(&wrap(PARAGRAPH, 60)), Some(60));
        assert_eq!(wrap_width(""), None);
    }

    /// A wrapped paragraph whose last line is full: no word of 3 letters or more
    /// would fit after it.
    fn full_last_line(width: usize) -> String {
        let mut para = PARAGRAPH.to_string();
        loop {
            let wrapped = wrap(&format!("{para} It ends here."), width);
            if wrapped.lines().last().unwrap().len() + 4 > width {
                return wrapped;
            }
            para.push_str(" more");
        }
    }

    /// The lines of `text` after unwrapping.
    fn read_lines(text: &str) -> Vec<String> {
        unwrap(text)
            .lines()
            .map(|l| l.trim_end().to_string())
            .collect()
    }

    #[test]
    fn new_blocks_are_not_joined() {
        let para = wrap(PARAGRAPH, 60);
        let full = full_last_line(60);
        let starts = [
            "- _ga: Google Analytics, 2 years",
            "• a bullet point item",
            "2. the second item of the list",
            "1.2 Section number",
            "Expiry: 2 years",
            "Anbieter:",
            "__utmb 30 mins Used to determine new sessions",
            "  indented deeper than the paragraph",
            "Analytics cookies",
            "Name\tProvider\tExpiry",
            "| _ga | Google | 2 years |",
        ];
        for start in starts {
            let text = format!("{full}\n{start}\n{para}\n");
            let lines = read_lines(&text);
            assert!(
                lines.iter().any(|l| l == start.trim_end()),
                "{start:?}: {lines:#?}"
            );
        }
        // and a plain next line is joined to the full one, and so is a name that
        // goes on with a sentence the line did not end
        let text = format!("{full}\nand it goes on here\n{para}\n");
        assert!(read_lines(&text)[0].ends_with(" and it goes on here"));
        let open = full.strip_suffix("here.").unwrap();
        let text = format!("{open}with\n_setCustomVar as the method\n{para}\n");
        assert!(read_lines(&text)[0].ends_with("with _setCustomVar as the method"));
        // a line ending with a colon introduces what follows
        let text = format!(
            "{}\nfirst item of the list\n",
            wrap(
                &format!("{PARAGRAPH} These are the cookies we set, all of them, listed below:"),
                60
            )
        );
        let lines = read_lines(&text);
        assert_eq!(lines.last().unwrap(), "first item of the list");
    }

    /// A cell wrapped under its column in a table aligned by spaces: its lines stand
    /// deep in (under a later column), and are never joined to one another, in a
    /// document that shows a width; a paragraph indented a little still is.
    #[test]
    fn cells_wrapped_under_their_column_are_not_joined() {
        let para = wrap(PARAGRAPH, 60);
        let cell = [
            "                        prevent Cross-site request forgery and more",
            "                        (often abbreviated as CSRF) attacks of the",
            "                        website.",
        ];
        let text = format!("{para}\n\n{}\n\n{para}\n", cell.join("\n"));
        let lines = read_lines(&text);
        for c in cell {
            assert!(lines.iter().any(|l| l == c.trim_end()), "{c:?}: {lines:#?}");
        }
        assert!(is_table_row(cell[0]));
        assert!(!is_table_row("  indented a little, then words"));
    }

    /// A table copied one cell a line out of a narrow column: a word alone on a full
    /// line, a few words after a sentence's end, and a header's cells are each a
    /// cell, never joined to the next, while the lines of a wrapped description are.
    #[test]
    fn cells_one_a_line_are_not_joined() {
        let para = wrap(PARAGRAPH, 32);
        // (the text shows its width: a wrapped description's lines are joined)
        let wrapped = "This cookie is used to remember\nthe consent of users.";
        let text = format!("{para}\n\n{wrapped}\n\n{para}\n");
        let lines = read_lines(&text);
        assert!(lines.contains(&wrapped.replace('\n', " ")), "{lines:#?}");
        let cells = [
            "Maximum storage duration",
            "Description",
            "cookieyes-advertisement-set",
            "CookieYes",
            "remember the consent of users.",
            "1 year",
        ];
        // (each pair is one the width would join: the next word does not fit)
        for pair in cells.chunks(2) {
            assert!(10 * (pair[0].len() + 1 + pair[1].split(' ').next().unwrap().len()) > 9 * 32);
        }
        let text = format!("{para}\n\n{}\n\n{para}\n", cells.join("\n"));
        let lines = read_lines(&text);
        for c in cells {
            assert!(lines.iter().any(|l| l == c), "{c:?}: {lines:#?}");
        }
    }

    #[test]
    fn wrapped_rows_and_sentences_are_joined() {
        let rows = [
            "__utma 2 years from set/update Used to distinguish users and sessions. The cookie is created when the javascript library executes and no existing __utma cookies exists.",
            "__utmt 10 minutes Used to throttle request rate.",
            "__utmz 6 months from set/update Stores the traffic source or campaign that explains how the user reached your site.",
        ];
        let text: String = rows.iter().map(|r| wrap(r, 60) + "\n").collect();
        let text = format!("{}\n\n{text}", wrap(PARAGRAPH, 60));
        assert_eq!(read_lines(&text)[2..], rows.map(String::from));
        // a lifetime wrapped away from its sentence, and a key whose value wraps
        for line in [
            "The _ga cookie set by Google Analytics to distinguish users is kept for 2 years after your last visit.",
            "Purpose: used by Google Analytics to collect data on the number of times a user has visited the website.",
        ] {
            let text = format!("{}\n{}\n", wrap(PARAGRAPH, 60), wrap(line, 60));
            assert_eq!(read_lines(&text)[1], line);
        }
    }

    /// Records written in one line, their values apart by a separator, go on over a
    /// line that opens with the separator, a label or a bullet-like dash.
    #[test]
    fn one_line_records_are_joined_at_their_separators() {
        let records = [
            "Cookie Name: _ga · Provider: Google · Description: Used to distinguish users and sessions for the statistics of the site. · Expiration: 2 years · Category: Analytics",
            "Cookie Name: _gid — Provider: Google — Description: Stores and updates a unique value for each page visited by the user. — Expiration: 1 day — Category: Analytics",
            "• IDE – DoubleClick – 2 years – Used for targeting, analysing and optimising the ad campaigns of DoubleClick Marketing – Advertising",
        ];
        for width in [50, 60, 72, 81] {
            let body: String = records.iter().map(|r| wrap(r, width) + "\n").collect();
            let text = format!("{}\n\n{body}", wrap(PARAGRAPH, width));
            let got = read_lines(&text);
            assert_eq!(got[2..], records, "width {width}");
        }
    }

    #[test]
    fn list_numbers_bullets_and_keys() {
        assert!(opens_item("1. first"));
        assert!(opens_item("12) twelfth"));
        assert!(opens_item("1.2 Section"));
        assert!(opens_item("1.2. Section"));
        assert!(opens_item("• item"));
        assert!(!opens_item("2 years after your visit"));
        assert!(!opens_item("100. hundred"));
        assert!(opens_item("sessionToken - Token di sessione"));
        assert!(opens_item("_ga – Google Analytics"));
        assert!(!opens_item("Marketing – Advertising"));
        assert!(!opens_item("well-known providers"));
        assert!(!opens_item("dispatch. – Functional"));
        assert!(!opens_item("interaction - This is used to optimize"));
        assert!(is_key("Expiry: 2 years"));
        assert!(is_key("Type de cookie:"));
        assert!(is_key("_ga_*: used to persist session state"));
        assert!(!is_key("over:"));
        assert!(!is_key("year — Type: Functional"));
        assert_eq!(
            inline_separator("Name: _ga · Provider: Google"),
            Some(('·', " · "))
        );
        assert_eq!(
            inline_separator("_ga – Google – 2 years"),
            Some(('–', " – "))
        );
        assert_eq!(inline_separator("analytics – the statistics"), None);
        assert_eq!(
            inline_separator("Name: _fbp, Anbieter: Meta, Speicherdauer: 3 Monate"),
            Some((',', ", "))
        );
        assert_eq!(
            inline_separator("Note: we use cookies, for example the ones below, daily"),
            None
        );
        assert!(!is_key("and time, Expiry: 2 years"));
        assert!(is_table_row("_ga;Google;2 years"));
        assert!(is_table_row("_ga,Google,\"2 years\""));
        assert!(!is_table_row(
            "We use cookies, small files, to count visits."
        ));
        assert!(!is_key("on: The HTTP Status Code returned by the origin"));
        assert!(!is_key("see https://example.com"));
        assert!(!is_key("https://example.com/privacy"));
        assert!(!is_key("we use these four words: a list"));
    }
}
