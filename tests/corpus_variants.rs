//! Metamorphic tests over the real corpus: each document rewritten the way other
//! copies of the same page come out (CRLF line ends, blank lines between all lines,
//! tabs turned into pipes or into runs of spaces, indented prose) must give the same
//! cookies — names, lifetimes and categories.

use std::fs;
use std::path::Path;

use cookie_charter::parse_policy;

type Summary = Vec<(String, Option<String>, String)>;

fn summary(text: &str) -> Summary {
    parse_policy(text)
        .cookies
        .into_iter()
        .map(|c| {
            let iso = c.duration.and_then(|d| d.iso8601);
            (c.name, iso, c.category.as_str().to_string())
        })
        .collect()
}

fn corpus() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut out: Vec<(String, String)> = fs::read_dir(dir)
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().to_string();
            (stem, fs::read_to_string(&p).expect("text"))
        })
        .collect();
    out.sort();
    out
}

fn map_lines(text: &str, f: impl Fn(&str) -> String) -> String {
    text.split('\n').map(f).collect::<Vec<_>>().join("\n")
}

/// `text` with every line of a tab table replaced by what `row` makes of it (the
/// line, and whether it opens its table: the first tab line after any other line);
/// the other lines as they are.
fn map_table_rows(text: &str, row: impl Fn(&str, bool) -> Vec<String>) -> String {
    let mut out = Vec::new();
    let mut first = true;
    for l in text.split('\n') {
        if l.contains('\t') {
            out.extend(row(l, first));
            first = false;
        } else {
            first = true;
            out.push(l.to_string());
        }
    }
    out.join("\n")
}

/// At most `allowed` documents read otherwise (names, lifetimes, categories) once
/// rewritten: a ratchet for rewrites the readers do not yet take whole. Lower it as
/// they improve.
#[track_caller]
fn ratchet(name: &str, allowed: usize, rewrite: impl Fn(&str) -> String) {
    let changed: Vec<String> = corpus()
        .into_iter()
        .filter(|(_, text)| summary(&rewrite(text)) != summary(text))
        .map(|(stem, _)| stem)
        .collect();
    eprintln!("{name} changed {}: {changed:?}", changed.len());
    assert!(
        changed.len() <= allowed,
        "{name}: {} changed (ratchet {allowed}): {changed:?}",
        changed.len()
    );
}

/// The documents the parser was written against must read the same under every
/// rewrite. The policies added later (`w3-*`, never seen while the layouts were
/// written) are held to a ratchet: at most `W3_ALLOWED` of them may change under one
/// rewrite, and only their stems are printed (some are a held-out test set whose
/// contents stay unread while developing). Lower the ratchet as the layouts improve.
const W3_ALLOWED: usize = 8;

#[track_caller]
fn same_under(name: &str, rewrite: impl Fn(&str) -> String) {
    let mut bad = Vec::new();
    let mut w3_bad = Vec::new();
    for (stem, text) in corpus() {
        let want = summary(&text);
        let got = summary(&rewrite(&text));
        if got != want {
            if stem.starts_with("w3-") {
                w3_bad.push(stem);
            } else {
                bad.push(format!("{stem}: {want:?}\n   → {got:?}"));
            }
        }
    }
    assert!(bad.is_empty(), "{name} changed:\n{}", bad.join("\n"));
    assert!(
        w3_bad.len() <= W3_ALLOWED,
        "{name} changed {} later policies (ratchet {W3_ALLOWED}): {w3_bad:?}",
        w3_bad.len()
    );
    eprintln!("{name}: later policies changed: {w3_bad:?}");
}

#[test]
fn crlf_line_ends() {
    same_under("CRLF", |t| t.replace('\n', "\r\n"));
}

#[test]
fn blank_lines_between_all_lines() {
    same_under("blank lines", |t| {
        t.split('\n').collect::<Vec<_>>().join("\n\n")
    });
}

#[test]
fn tabs_as_pipes() {
    same_under("pipes", |t| {
        map_lines(t, |l| {
            if l.contains('\t') {
                format!("| {} |", l.replace('\t', " | "))
            } else {
                l.to_string()
            }
        })
    });
}

#[test]
fn tabs_as_runs_of_spaces() {
    same_under("spaces", |t| t.replace('\t', "    "));
}

#[test]
fn indented_prose() {
    same_under("indent", |t| {
        map_lines(t, |l| {
            if l.is_empty() || l.contains('\t') {
                l.to_string()
            } else {
                format!("  {l}")
            }
        })
    });
}

#[test]
fn tabs_as_markdown_tables() {
    same_under("markdown", |t| {
        map_table_rows(t, |l, first| {
            let mut lines = vec![format!("| {} |", l.replace('\t', " | "))];
            if first {
                lines.push(format!("|{}", "---|".repeat(l.matches('\t').count() + 1)));
            }
            lines
        })
    });
}

#[test]
fn tables_flattened_one_cell_per_line() {
    // documents whose rows wrap onto continuation lines stay as they are: a copy that
    // flattens cells cannot keep those continuations apart
    same_under("cells", |t| {
        if t.lines().any(|l| l.starts_with('\t')) {
            return t.to_string();
        }
        map_lines(t, |l| {
            if l.contains('\t') {
                l.split('\t')
                    .map(|c| format!("{} |", c.trim()))
                    .collect::<Vec<_>>()
                    .join("\n")
            } else {
                l.to_string()
            }
        })
    });
}

/// The gold languages of a corpus document (one, or the two of a bilingual page).
fn gold_languages(stem: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(format!("{stem}.gold.json"));
    let gold: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(path).expect("gold")).expect("gold json");
    match &gold["language"] {
        serde_json::Value::String(s) => vec![s.clone()],
        serde_json::Value::Array(a) => a
            .iter()
            .filter_map(|v| v.as_str().map(String::from))
            .collect(),
        _ => Vec::new(),
    }
}

/// Language detection reads a bounded sample of the document, not all of it. Which
/// lines the sample takes must not decide the answer: with the lines in any order
/// (reversed, rotated by half, paragraphs reversed) every corpus document is still
/// read in its gold language.
#[test]
fn language_under_line_orders() {
    type Rewrite = (&'static str, fn(&str) -> String);
    let rewrites: [Rewrite; 3] = [
        ("lines reversed", |t| {
            t.split('\n').rev().collect::<Vec<_>>().join("\n")
        }),
        ("lines rotated by half", |t| {
            let mut v: Vec<&str> = t.split('\n').collect();
            let n = v.len() / 2;
            v.rotate_left(n);
            v.join("\n")
        }),
        ("paragraphs reversed", |t| {
            let mut v: Vec<&str> = t.split("\n\n").collect();
            v.reverse();
            v.join("\n\n")
        }),
    ];
    let mut bad = Vec::new();
    for (stem, text) in corpus() {
        let gold = gold_languages(&stem);
        for (name, rewrite) in &rewrites {
            for doc in [text.clone(), rewrite(&text)] {
                let got = parse_policy(&doc).language;
                if !got.as_ref().is_some_and(|g| gold.contains(g)) {
                    bad.push(format!("{stem} ({name}): {got:?}, gold {gold:?}"));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "language changed with the line order:\n{}",
        bad.join("\n")
    );
}

/// A document whose sentences are gone (every line of six words and 40 bytes or more
/// that is no table row: what is left is headings, labels and cells) is still read in
/// its gold language: the sample's common words are evidence beside whatlang's letter
/// trigrams, which misread such short text now and then (before the word vote, 79 of
/// the 89 documents that keep eight words or more were read in their language; with
/// it, 85). Of the four left, two keep little but cookie names, and two are French
/// and Dutch pages whose cells are English.
#[test]
fn language_without_sentences() {
    let (mut read, mut right, mut wrong) = (0usize, 0usize, Vec::new());
    for (stem, text) in corpus() {
        let kept: Vec<&str> = text
            .split('\n')
            .filter(|l| {
                let s = l.trim();
                let sentence = s.len() >= 40
                    && s.split_whitespace().nth(5).is_some()
                    && !l.contains(['\t', '|']);
                !sentence
            })
            .collect();
        let doc = kept.join("\n");
        if doc.split_whitespace().nth(7).is_none() {
            continue;
        }
        read += 1;
        let got = parse_policy(&doc).language;
        if got
            .as_ref()
            .is_some_and(|g| gold_languages(&stem).contains(g))
        {
            right += 1;
        } else {
            wrong.push(format!("{stem}: {got:?}"));
        }
    }
    println!("without sentences, read in the gold language: {right} of {read} {wrong:?}");
    assert!(read >= 80, "{read} documents");
    assert!(right * 100 >= read * 95, "{right} of {read}: {wrong:?}");
}

/// Every field of every cookie but its spans (which index the rewritten text).
type Records = Vec<(String, Option<String>, Vec<String>, Option<String>, String)>;

fn records(text: &str) -> (Records, cookie_charter::Policy) {
    let policy = parse_policy(text);
    let records = policy
        .cookies
        .iter()
        .map(|c| {
            let duration = c.duration.as_ref().map(|d| format!("{d:?}"));
            let category = format!("{:?} {:?}", c.category, c.category_declared);
            (
                c.name.clone(),
                c.provider.clone(),
                c.purposes.clone(),
                duration,
                category,
            )
        })
        .collect();
    (records, policy)
}

/// The text a span shows a reader: no invisible characters, one kind of space.
fn shown(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let visible: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{FEFF}'))
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    visible.nfc().collect()
}

/// The same page with other characters for what it shows (no-break spaces, soft
/// hyphens, zero-width characters, decomposed accents, line separators): every
/// field of every cookie the same, on every document (the later policies too: the
/// text is read as it shows, so no layout may notice), and every cookie's span
/// still shows its name.
#[track_caller]
fn same_records_under(name: &str, rewrite: impl Fn(&str) -> String) {
    let mut bad = Vec::new();
    let mut changed = 0;
    for (stem, text) in corpus() {
        let (want, _) = records(&text);
        let doc = rewrite(&text);
        changed += usize::from(doc != text);
        let (got, policy) = records(&doc);
        if got != want {
            bad.push(format!("{stem}: records differ"));
        }
        for c in &policy.cookies {
            let source = &doc[c.span.start..c.span.end];
            if !shown(source).contains(&c.name) {
                bad.push(format!("{stem}: {:?} not in its span {source:?}", c.name));
            }
        }
    }
    assert!(
        changed > 40,
        "{name}: the rewrite changed only {changed} documents"
    );
    assert!(bad.is_empty(), "{name}:\n{}", bad.join("\n"));
}

#[test]
fn no_break_spaces() {
    same_records_under("no-break spaces", |t| t.replace(' ', "\u{a0}"));
    // French puts a narrow one before a colon, a thin one in `2 ans` when typeset
    same_records_under("narrow and thin spaces", |t| {
        t.replace(" :", "\u{202f}:")
            .replace(" ;", "\u{202f};")
            .replace(" y", "\u{2009}y")
            .replace(" a", "\u{2009}a")
            .replace(" d", "\u{2009}d")
    });
}

#[test]
fn soft_hyphens_in_long_words() {
    same_records_under("soft hyphens", |t| {
        let mut out = String::with_capacity(t.len() * 2);
        let mut run = 0;
        for c in t.chars() {
            run = if c.is_alphabetic() { run + 1 } else { 0 };
            // a break opportunity after every fourth letter of a word
            if run > 1 && run % 4 == 1 {
                out.push('\u{AD}');
            }
            out.push(c);
        }
        out
    });
}

#[test]
fn zero_width_and_direction_characters() {
    same_records_under("zero-width characters", |t| {
        map_lines(t, |l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("\u{200b}{}\u{200e}", l.replace('\t', "\t\u{feff}"))
            }
        })
    });
}

#[test]
fn decomposed_accents() {
    use unicode_normalization::UnicodeNormalization;
    // most documents are all ASCII: count only those an accent changes
    let accented = corpus().iter().filter(|(_, t)| !t.is_ascii()).count();
    assert!(accented > 40, "{accented}");
    same_records_under("NFD", |t| {
        if t.is_ascii() {
            // a change nobody sees, so every document counts as rewritten
            format!("{t}\u{200b}")
        } else {
            t.nfd().collect()
        }
    });
}

#[test]
fn line_separators() {
    same_records_under("U+2028", |t| t.replace('\n', "\u{2028}"));
}

/// Lines at most `width` bytes long, broken at spaces (a word longer than the width
/// stands alone), as a PDF tool or a plain-text mail wraps a paragraph.
fn wrap(line: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for w in line.split(' ').filter(|w| !w.is_empty()) {
        if !cur.is_empty() && cur.len() + 1 + w.len() > width {
            out.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    out.push(cur);
    out
}

/// The prose of every document hard-wrapped at 72 bytes (a PDF's text, a mail's),
/// except the lines the cookies were read from (rows, items and sentences naming
/// cookies: wrapping those is another test's matter) and table lines. Wrapped
/// sentences of a section's introduction used to read as headings (a wrapped line
/// of twelve words or fewer with no final stop), which reset the section's category
/// and provider: 23 documents changed, 50 records lost their category. Still not
/// read as one: a provider or lifetime named across a line end, list items wrapped
/// onto lines of their own. A ratchet: lower it as the readers improve. (Soft line
/// ends read as spaces changed which: a document wrapped only in part shows a width,
/// and an unwrapped line that ends near it by chance may be joined to the next.)
#[test]
fn prose_wrapped_at_a_fixed_width() {
    ratchet("wrapped prose", 7, |text| {
        let spans: Vec<(usize, usize)> = parse_policy(text)
            .cookies
            .iter()
            .flat_map(|c| c.spans.iter().map(|s| (s.start, s.end)))
            .collect();
        let mut out = Vec::new();
        let mut at = 0;
        for l in text.split('\n') {
            let (start, end) = (at, at + l.len());
            at = end + 1;
            let named = spans.iter().any(|&(s, e)| s < end && e > start);
            if named || l.len() <= 72 || l.contains(['\t', '|']) {
                out.push(l.to_string());
            } else {
                out.extend(wrap(l, 72));
            }
        }
        out.join("\n")
    });
}

/// Every line of every document hard-wrapped at one width, as a PDF's text or a
/// plain-text mail comes out: rows, list items, sentences naming cookies and prose
/// alike (table lines with tabs or pipes aside). Read a line at a time, such a
/// document lost a row's purpose to the next line, a lifetime to its sentence's end:
/// 39 documents changed at 72 bytes, 47 at 50. The soft line ends are now read as
/// spaces where the document shows its width (`wrap.rs`). A ratchet per width:
/// lower it as the joining improves.
#[test]
fn everything_wrapped_at_a_fixed_width() {
    for (width, allowed) in [(72, 14), (50, 23)] {
        ratchet(&format!("everything wrapped at {width}"), allowed, |text| {
            let mut out = Vec::new();
            for l in text.split('\n') {
                if l.len() <= width || l.contains(['\t', '|']) {
                    out.push(l.to_string());
                } else {
                    out.extend(wrap(l, width));
                }
            }
            out.join("\n")
        });
    }
}

/// Every tab table exported as a spreadsheet would: cells apart by commas or by
/// semicolons, a cell quoted when it holds the delimiter or a quote. No reader took
/// such rows before `layout/delimited.rs`: 33 documents lost their tables either way.
/// Left: tables whose rows go on over continuation lines (a cell wrapped inside the
/// table), which a delimited export does not have. A ratchet per delimiter.
#[test]
fn tab_tables_exported_as_delimited_rows() {
    for (d, allowed) in [(',', 4), (';', 4)] {
        ratchet(&format!("rows delimited by {d:?}"), allowed, |text| {
            map_table_rows(text, |l, _| {
                let cells: Vec<String> = l
                    .split('\t')
                    .map(|c| {
                        if c.contains([d, '"']) {
                            format!("\"{}\"", c.replace('"', "\"\""))
                        } else {
                            c.to_string()
                        }
                    })
                    .collect();
                vec![cells.join(&d.to_string())]
            })
        });
    }
}

/// Every tab table drawn with box-drawing characters (`│ _ga │ Google │`, a
/// `├────┼────┤` rule under its first row: a text browser's or a terminal tool's
/// table) reads as the same table drawn in ASCII (`| _ga | Google |`, `+----+----+`),
/// every field of every cookie, on every document.
#[test]
fn box_drawing_tables_read_as_ascii_ones() {
    fn draw(text: &str, bar: &str, rule: &dyn Fn(&[&str]) -> String) -> String {
        map_table_rows(text, |l, first| {
            let cells: Vec<&str> = l.split('\t').collect();
            let mut lines = vec![format!("{bar} {} {bar}", cells.join(&format!(" {bar} ")))];
            if first {
                lines.push(rule(&cells));
            }
            lines
        })
    }
    let rule = |line: char, cross: char, ends: (char, char)| {
        move |cells: &[&str]| {
            let parts: Vec<String> = cells
                .iter()
                .map(|c| line.to_string().repeat(c.chars().count() + 2))
                .collect();
            format!("{}{}{}", ends.0, parts.join(&cross.to_string()), ends.1)
        }
    };
    let (mut tables, mut bad) = (0, Vec::new());
    for (stem, text) in corpus() {
        if !text.contains('\t') {
            continue;
        }
        tables += 1;
        let ascii = draw(&text, "|", &rule('-', '+', ('+', '+')));
        let boxed = draw(&text, "│", &rule('─', '┼', ('├', '┤')));
        if records(&boxed).0 != records(&ascii).0 {
            bad.push(stem);
        }
    }
    assert!(tables > 30, "{tables}");
    assert!(bad.is_empty(), "read otherwise drawn in boxes: {bad:?}");
}

/// Every tab table drawn as a plain-text grid (`+------+-----+` over and under every
/// row, `+======+` under the first: pandoc's or a terminal tool's table) reads as
/// the same table with pipes alone, every field of every cookie, on every document.
/// Before round 26 the rules were text lines inside the table: 12 documents read
/// otherwise.
#[test]
fn grid_tables_read_as_pipe_tables() {
    let (mut tables, mut bad) = (0, Vec::new());
    for (stem, text) in corpus() {
        if !text.contains('\t') {
            continue;
        }
        tables += 1;
        let rule = |cells: &[&str], c: char| {
            let parts: Vec<String> = cells
                .iter()
                .map(|x| c.to_string().repeat(x.chars().count() + 2))
                .collect();
            format!("+{}+", parts.join("+"))
        };
        let grid = map_table_rows(&text, |l, first| {
            let cells: Vec<&str> = l.split('\t').collect();
            let row = format!("| {} |", cells.join(" | "));
            if first {
                vec![rule(&cells, '-'), row, rule(&cells, '=')]
            } else {
                vec![row, rule(&cells, '-')]
            }
        });
        let pipes = map_table_rows(&text, |l, _| {
            vec![format!("| {} |", l.replace('\t', " | "))]
        });
        if records(&grid).0 != records(&pipes).0 {
            bad.push(stem);
        }
    }
    assert!(tables > 30, "{tables}");
    assert!(bad.is_empty(), "read otherwise drawn as a grid: {bad:?}");
}

/// Every cookie name the document is read with, quoted wherever it stands as a word
/// (`“_ga”`, `"_ga"`, `` `_ga` ``, `«_ga»`: a word processor's or a wiki's quotes),
/// in cells, keys, list items and sentences alike.
fn quote_names(text: &str, open: &str, close: &str) -> String {
    let mut names: Vec<String> = parse_policy(text)
        .cookies
        .into_iter()
        .map(|c| c.name)
        .filter(|n| n.chars().count() >= 3 && !n.contains('*'))
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.dedup();
    let is_word = |c: char| c.is_alphanumeric() || "_-.$@".contains(c);
    let mut out = text.to_string();
    for n in &names {
        let mut next = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(at) = rest.find(n.as_str()) {
            let before = rest[..at].chars().next_back();
            let after = rest[at + n.len()..].chars().next();
            let quoted = |c: Option<char>| c.is_some_and(|c| "\"'`“”‘’«»„".contains(c));
            let alone = !before.is_some_and(is_word) && !after.is_some_and(is_word);
            next.push_str(&rest[..at]);
            if alone && !quoted(before) && !quoted(after) {
                next.push_str(&format!("{open}{n}{close}"));
            } else {
                next.push_str(n);
            }
            rest = &rest[at + n.len()..];
        }
        next.push_str(rest);
        out = next;
    }
    out
}

#[test]
fn quoted_names() {
    for (open, close) in [("“", "”"), ("\"", "\""), ("`", "`"), ("«", "»")] {
        same_under(&format!("names in {open}{close}"), |t| {
            quote_names(t, open, close)
        });
    }
}

/// Every tab table without its first row (a copy that left the header out): the
/// rows are read by what their cells hold (`Header::infer`). Tables of two rows
/// whose purposes mention a session were not read (a purpose half lifetimes, no
/// purpose column left): 24 documents changed, 23 after (every field: 26 and 25).
/// Round 26: 11 (a row beyond doubt read alone, lists of names in a cell, a party or
/// label column beside the purpose, a provider column of proper names, a name the
/// shape does not take in one row of five); 9 once a row shaped as the document's
/// last table's rows is read under its columns (`lidc⇥LinkedIn⇥…⇥1 day` under a
/// section of its own). Still not read: tables whose cells wrap onto continuation
/// lines (`001_…`), a document's only table of one row of a name no list knows
/// (`MATOMO`), lifetimes of a sentence, and the tables whose first row was no header
/// but a record. A ratchet: lower it as the readers improve.
#[test]
fn tables_without_their_header_row() {
    ratchet("headerless tables", 9, |text| {
        map_table_rows(text, |l, first| {
            if first {
                Vec::new()
            } else {
                vec![l.to_string()]
            }
        })
    });
}

/// `text` with each line that reads as a section's heading about cookies rewritten by
/// `f`: a short line after a blank one (or first), not indented, with no tab, pipe,
/// digit, closing punctuation or words glued in camel case (a table's header copied
/// without its tabs), that names cookies or a category in one of the languages.
fn map_headings(text: &str, f: impl Fn(&str) -> String) -> String {
    const WORDS: &[&str] = &[
        "cooki",
        "tracker",
        "analy",
        "marketing",
        "necess",
        "funct",
        "statist",
        "advert",
        "werbung",
        "publicit",
        "estad",
        "notwend",
    ];
    let lines: Vec<&str> = text.split('\n').collect();
    let heading = |i: usize| {
        let l = lines[i];
        let s = l.trim();
        let glued = l
            .as_bytes()
            .windows(2)
            .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
        let lower = s.to_lowercase();
        (i == 0 || lines[i - 1].trim().is_empty())
            && !s.is_empty()
            && !l.starts_with(char::is_whitespace)
            && !glued
            && !s.contains(['\t', '|'])
            && s.len() <= 60
            && !s.ends_with(['.', ':', ',', ';'])
            && !s.contains(|c: char| c.is_ascii_digit())
            && WORDS.iter().any(|w| lower.contains(w))
    };
    (0..lines.len())
        .map(|i| {
            if heading(i) {
                f(lines[i])
            } else {
                lines[i].to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Headings set in bold (`**Marketing**`, `**Cookies**`, as a page copied as
/// markdown writes them) read as the plain headings: a bold category word declares
/// its category, and a bold word of a language is no cookie's name (a star at both
/// ends is emphasis, not a wildcard). Before round 32, six of the documents the
/// parser was written against changed (`**Cookies**` and `**Google**` read as
/// cookies, `**Marketing**` declared nothing).
#[test]
fn headings_set_in_bold() {
    same_under("bold headings", |t| {
        map_headings(t, |l| format!("**{}**", l.trim()))
    });
}

/// The text with a page break every `every` lines, as a PDF's copy leaves one: a
/// blank line, the page's footer (`footer(n)` for page `n`), a blank line.
fn paged(text: &str, every: usize, footer: impl Fn(usize) -> String) -> String {
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            if i % every == 0 {
                out += &format!("\n{}\n\n", footer(1 + i / every));
            }
        }
        out += line;
    }
    out
}

/// Page numbers between pages (`Page 3 of 9`, `Seite 3 von 9`, `- 3 -`, a running
/// title with the page's number, a number alone) read as if absent, wherever the
/// break falls: in a table, between a record's cells one a line, in a paragraph.
#[test]
fn page_numbers_between_pages() {
    // measured when added (round 33), documents read otherwise of 97, before / after:
    // `Page n of 9`, `Seite n von 9`, `- n -` 22 / 2 each, a running title 19 / 7, a
    // number alone 22 / 7 (a title or a number seen once, in a short document, is no
    // evidence of pages, and stays a line of the text)
    ratchet("Page n of 9", 2, |t| {
        paged(t, 15, |n| format!("Page {n} of 9"))
    });
    ratchet("Seite n von 9", 2, |t| {
        paged(t, 15, |n| format!("Seite {n} von 9"))
    });
    ratchet("- n -", 2, |t| paged(t, 15, |n| format!("- {n} -")));
    ratchet("running title", 7, |t| {
        paged(t, 15, |n| format!("Example Ltd – Cookie Policy – {n}"))
    });
    ratchet("a number alone", 7, |t| paged(t, 15, |n| n.to_string()));
}

/// Every list item's bullet (`•`, `-`, `*`, …) drawn as another mark pages and PDF
/// tools use (an arrow, a triangle, a square, a check mark, a guillemet): every field
/// of every cookie the same, on every document. Before round 34 each reader knew its
/// own few marks: with arrows, four later policies lost every cookie (`→ _ga - …`,
/// `→ __cf_bm: …`) and a consent platform's service lines named no provider.
#[test]
fn list_items_under_other_bullets() {
    let rebullet = |text: &str, mark: &str| {
        map_lines(text, |l| {
            let body = l.trim_start();
            let indent = &l[..l.len() - body.len()];
            let mut chars = body.chars();
            match (chars.next(), chars.next()) {
                (Some('•' | '-' | '*' | '·' | '▪' | '◦' | '●'), Some(' ')) => {
                    format!("{indent}{mark}{}", &body[body.find(' ').unwrap_or(0)..])
                }
                _ => l.to_string(),
            }
        })
    };
    for mark in ["→", "➤", "►", "■", "✓", "»", "○", "—", "∙"] {
        let mut bad = Vec::new();
        let mut changed = 0;
        for (stem, text) in corpus() {
            let doc = rebullet(&text, mark);
            if doc == text {
                continue;
            }
            changed += 1;
            if records(&doc).0 != records(&text).0 {
                bad.push(stem);
            }
        }
        assert!(
            changed >= 10,
            "{mark}: the rewrite changed only {changed} documents"
        );
        assert!(bad.is_empty(), "items under {mark}: {bad:?}");
    }
}

/// Every tab table with its tabs turned into single spaces (a PDF's text, a copy
/// that made each cell break a space): rows read by what their cells hold, a name,
/// a lifetime, a type or category, a provider, the description between. Before round
/// 34, 23 documents read otherwise (a first row whose name no list knows opened no
/// table, a type cell before the lifetime or an empty last column fitted no header);
/// 20 after. Still not read: tables whose cells wrap onto continuation lines, a name
/// column that is not the first, names of several words. A ratchet: lower it as the
/// readers improve.
#[test]
fn tab_tables_with_single_spaces_for_tabs() {
    ratchet("single spaces for tabs", 20, |text| {
        map_table_rows(text, |l, _| {
            vec![l
                .split('\t')
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(" ")]
        })
    });
}

/// Every blank line taken out (a PDF's text, a page copied by a tool that keeps no
/// empty lines): blocks, cards and sections then meet with nothing between them.
/// Before round 34 a consent platform's service row right under a card's last key
/// (`**Type** : HTTP Cookie` / `* [Hubspot4](#)[Learn more …]`) went on that key's
/// value, and the cards under it kept the service before (6 documents read otherwise
/// in some field, 5 after). Still read otherwise: a table one cell a line whose rows
/// were apart by blank lines, a document cut off inside its last row, a lead-in's
/// list items taken as its value. A ratchet: lower it as the readers improve.
#[test]
fn blank_lines_removed() {
    // (every field: a provider lost is what the service rows change)
    let changed: Vec<String> = corpus()
        .into_iter()
        .filter(|(_, text)| {
            let dense: Vec<&str> = text.split('\n').filter(|l| !l.trim().is_empty()).collect();
            records(&dense.join("\n")).0 != records(text).0
        })
        .map(|(stem, _)| stem)
        .collect();
    eprintln!("blank lines removed changed {}: {changed:?}", changed.len());
    assert!(changed.len() <= 5, "{changed:?}");
}

/// Every tab table one cell a line, a blank line after the header and after each
/// row, each cell trimmed, an empty cell an empty line (a page's table copied out
/// of a browser): the rows are then as many lines as they have filled cells. Before
/// round 35, 11 documents read otherwise (a row naming several cookies, `_ga, _ga_*`,
/// or a name with its count, `__cf_bm [x3]`, was no row; a last column no row fills,
/// `Acceptation`, shifted every row; a header cell asking `Qui a accès ?` was no
/// header cell); 6 after. Still read otherwise: rows whose cells wrap onto
/// continuation lines, a row with an empty cell before its last, a name cell of words
/// (`cookie consent (localStorage: cc_v1)`). A ratchet: lower it as the readers
/// improve.
#[test]
fn tab_tables_one_cell_a_line_rows_apart() {
    ratchet("one cell a line, rows apart", RATCHET_CELL_LINES, |text| {
        map_table_rows(text, |l, first| {
            let mut out: Vec<String> = l.split('\t').map(|c| c.trim().to_string()).collect();
            out.push(String::new());
            if first {
                out.insert(0, String::new());
            }
            out
        })
    });
}
const RATCHET_CELL_LINES: usize = 6;

/// Every tab table as pipe rows with outer pipes, each cell trimmed: a row that
/// ended before its last tabs (its last cells empty) ends with fewer cells than the
/// header. Before round 35 such a last row took the text after the table for its
/// missing cells (`Fermer`) and was cut off by the document's end: 4 documents read
/// otherwise before, 3 after (one has a name holding `||`, which a pipe table cannot
/// hold unescaped; in `w3-cmp-05` four rows read other categories, not looked into;
/// the third is held out, unread). A ratchet.
#[test]
fn tab_tables_as_pipe_rows_short_of_their_empty_cells() {
    ratchet("pipe rows, short", RATCHET_PIPE_ROWS, |text| {
        map_table_rows(text, |l, first| {
            let cells: Vec<&str> = l.split('\t').map(str::trim).collect();
            let mut out = vec![format!("| {} |", cells.join(" | "))];
            if first {
                out.push(format!("|{}", "---|".repeat(cells.len())));
            }
            out
        })
    });
}
const RATCHET_PIPE_ROWS: usize = 3;

/// Every tab table's tabs as three spaces, lined up with nothing (a copy that kept
/// a gap, not the columns): a row that ended before its last tabs is short of the
/// header's cells. Before round 35 its cells went to the header's columns by their
/// character positions (`_ga Google Analytics` one name), and a first row naming two
/// cookies (`Uetsid, uetvid`) or named by words (`Cookie sessione`) opened no table:
/// 5 documents read otherwise before, 2 after (a name holding `||` ends the table;
/// in `w3-cmp-05` four rows read other categories, not looked into). A ratchet.
#[test]
fn tab_tables_with_runs_of_spaces_short_of_their_empty_cells() {
    ratchet("space runs, short", RATCHET_SPACE_RUNS, |text| {
        map_table_rows(text, |l, _| {
            vec![l.split('\t').collect::<Vec<_>>().join("   ")]
        })
    });
}
const RATCHET_SPACE_RUNS: usize = 2;

/// Every tab table as cards: each row's first cell alone on its line, then the
/// header's other cells as `Header: cell` lines, a blank line after each card (the
/// header row itself gone). A card named by a word or one letter (`session`, `m`) or
/// by names apart by a slash (`__gads / __gpi`) opened no card before round 36; now
/// the cards around it name it: 14 documents read otherwise before, 8 after. A
/// ratchet: the seeds' wrapped rows, a first column that is no name (`First Party`),
/// a name cell of words, and a lone card (`MATOMO`) still read otherwise (one of the
/// eight is held out, unread).
#[test]
fn tab_tables_as_cards_named_by_a_line_of_their_own() {
    ratchet("cards named by their own line", RATCHET_CARDS, |text| {
        let header = std::cell::RefCell::new(Vec::<String>::new());
        map_table_rows(text, |l, first| {
            let cells: Vec<String> = l.split('\t').map(|c| c.trim().to_string()).collect();
            if first {
                *header.borrow_mut() = cells;
                return Vec::new();
            }
            if cells.first().is_none_or(|c| c.is_empty()) {
                return vec![l.to_string()];
            }
            let mut out = vec![cells[0].clone()];
            for (k, v) in header.borrow().iter().zip(&cells).skip(1) {
                if !k.is_empty() && !v.is_empty() {
                    out.push(format!("{k}: {v}"));
                }
            }
            out.push(String::new());
            out
        })
    });
}
const RATCHET_CARDS: usize = 8;
