//! Property tests: the fuzz targets' invariants (`fuzz/src/invariants.rs`, included
//! here) over generated inputs, so that `cargo test` catches a regression without
//! a fuzzer. Random text and bytes, and structured generators of the layouts the
//! parser reads: tab tables, pipe tables, key-value blocks, with random names,
//! durations, whitespace and Unicode.
//!
//! Kept under a few seconds in debug builds: case counts are set per test.

#[path = "../fuzz/src/invariants.rs"]
mod invariants;

use invariants::*;
use proptest::prelude::*;
use proptest::string::string_regex;

/// Characters that matter to the parser, weighted towards structure.
fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => proptest::char::range('a', 'z'),
        2 => proptest::char::range('A', 'Z'),
        2 => proptest::char::range('0', '9'),
        3 => Just(' '),
        2 => Just('\t'),
        2 => Just('\n'),
        1 => Just('\r'),
        1 => Just('|'),
        1 => Just(':'),
        1 => Just('_'),
        1 => Just('-'),
        1 => Just(','),
        1 => Just('('),
        1 => Just(')'),
        1 => Just('['),
        1 => Just(']'),
        1 => Just('.'),
        1 => Just('*'),
        1 => Just('#'),
        1 => Just('\u{A0}'),  // no-break space
        1 => Just('\u{200B}'), // zero-width space
        1 => Just('\u{AD}'),  // soft hyphen
        1 => Just('\u{FEFF}'), // BOM / zero-width no-break space
        1 => Just('\u{301}'), // combining acute
        1 => Just('é'),
        1 => Just('ß'),
        1 => Just('İ'), // lower-cases to two chars
        1 => Just('Ã'),
        1 => Just('©'),
        1 => Just('•'),
        1 => Just('–'),
        1 => Just('あ'),
        1 => Just('д'),
        1 => Just('\u{1F36A}'), // cookie emoji, 4 bytes
        1 => any::<char>(),
    ]
}

fn hostile_string(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(hostile_char(), 0..max).prop_map(|v| v.into_iter().collect())
}

/// Whitespace as pasted text carries it.
fn ws() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        6 => Just(" "),
        1 => Just(""),
        1 => Just("  "),
        1 => Just("\u{A0}"),
        1 => Just("\u{200B}"),
        1 => Just(" \u{202F}"),
    ]
}

fn cookie_name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => string_regex("_?[a-zA-Z][a-zA-Z0-9]{0,6}(_[a-zA-Z0-9]{1,6}){0,2}").unwrap(),
        1 => string_regex("[A-Z]{2,10}").unwrap(),
        1 => string_regex("_[a-z]{2,5}_\\*").unwrap(),
        1 => string_regex("[a-z]{2,6}\\.[a-z]{2,6}\\.[a-z]{2,6}").unwrap(),
        1 => string_regex("_[a-z]{2,5} \\[x[0-9]\\]").unwrap(),
        1 => string_regex("_[a-z]{2,5}, _[a-z]{2,5}").unwrap(),
        1 => string_regex("[a-zé]{2,6}_[a-zäöü]{2,6}").unwrap(),
        1 => hostile_string(12),
    ]
}

fn duration_text() -> impl Strategy<Value = String> {
    let units = prop_oneof![
        Just("seconds"),
        Just("minute"),
        Just("minutes"),
        Just("hours"),
        Just("day"),
        Just("days"),
        Just("weeks"),
        Just("month"),
        Just("months"),
        Just("year"),
        Just("years"),
        Just("mois"),
        Just("ans"),
        Just("jours"),
        Just("Jahre"),
        Just("Monate"),
        Just("Tage"),
        Just("años"),
        Just("meses"),
        Just("días"),
        Just("anni"),
        Just("mesi"),
        Just("giorni"),
        Just("jaar"),
        Just("maanden"),
        Just("dagen"),
        Just("anos"),
        Just("dias"),
    ];
    prop_oneof![
        4 => (0u64..5000, ws(), units.clone()).prop_map(|(n, w, u)| format!("{n}{w}{u}")),
        2 => prop_oneof![
            Just("Session".to_string()), Just("session".to_string()), Just("Sitzung".to_string()),
            Just("Persistent".to_string()), Just("Varies".to_string()), Just("Sessione".to_string()),
            Just("End of session (browser)".to_string()), Just("10 Nov 2030".to_string()),
            Just("forever".to_string()), Just("Unknown".to_string()),
        ],
        1 => (0u64..100, units.clone(), 0u64..100, units).prop_map(|(a, u, b, v)| format!("{a} {u} to {b} {v}")),
        1 => (any::<u64>(), units_any()).prop_map(|(n, u)| format!("{n} {u}")),
        1 => hostile_string(16),
    ]
}

fn units_any() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just("years"), Just("days"), Just("seconds"), Just("months")]
}

fn header_word(role: usize) -> impl Strategy<Value = &'static str> {
    match role {
        0 => prop_oneof![
            Just("Name"),
            Just("Cookie"),
            Just("Cookie Name"),
            Just("Nom du cookie"),
            Just("Nombre"),
            Just("Naam")
        ]
        .boxed(),
        1 => prop_oneof![
            Just("Provider"),
            Just("Anbieter"),
            Just("Fournisseur"),
            Just("Vendor")
        ]
        .boxed(),
        2 => prop_oneof![
            Just("Purpose"),
            Just("Description"),
            Just("Zweck"),
            Just("Finalité"),
            Just("Finalidad")
        ]
        .boxed(),
        3 => prop_oneof![
            Just("Expiry"),
            Just("Duration"),
            Just("Durée"),
            Just("Speicherdauer"),
            Just("Duración"),
            Just("Retention")
        ]
        .boxed(),
        _ => prop_oneof![
            Just("Type"),
            Just("Category"),
            Just("Domain"),
            Just("Notes")
        ]
        .boxed(),
    }
}

fn words(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        4 => string_regex("[A-Za-z]{1,10}( [a-z]{1,10}){0,8}").unwrap(),
        1 => hostile_string(max),
    ]
}

/// A row: name, provider, purpose, duration, and maybe one more.
fn row() -> impl Strategy<Value = Vec<String>> {
    (
        cookie_name(),
        words(10),
        words(40),
        duration_text(),
        words(8),
    )
        .prop_map(|(n, p, u, d, x)| vec![n, p, u, d, x])
}

fn line_end() -> impl Strategy<Value = &'static str> {
    prop_oneof![8 => Just("\n"), 1 => Just("\r\n"), 1 => Just("\r"), 1 => Just("\n\n")]
}

/// A tab table: header, rows, continuation rows (empty name cell), stray lines.
fn tab_table() -> impl Strategy<Value = String> {
    let header = (
        header_word(0),
        header_word(1),
        header_word(2),
        header_word(3),
        header_word(4),
    );
    (
        header,
        2usize..=5,
        proptest::collection::vec((row(), 0u8..10, line_end(), words(20)), 0..8),
    )
        .prop_map(|((a, b, c, d, e), ncols, rows)| {
            let hs = [a, b, c, d, e];
            let mut s = hs[..ncols].join("\t");
            s.push('\n');
            for (r, kind, end, stray) in rows {
                match kind {
                    0 => s.push_str(&format!("\t{}", r[2])),     // continuation
                    1 => s.push_str(&stray),                     // stray text line
                    2 => s.push_str(&r[..ncols].join("\t\t")),   // too many cells
                    3 => s.push_str(&r[..ncols - 1].join("\t")), // too few
                    _ => s.push_str(&r[..ncols].join("\t")),
                }
                s.push_str(end);
            }
            s
        })
}

/// A markdown / ASCII pipe table.
fn pipe_table() -> impl Strategy<Value = String> {
    let header = (
        header_word(0),
        header_word(2),
        header_word(3),
        header_word(1),
    );
    (
        header,
        any::<bool>(),
        proptest::collection::vec((row(), line_end(), any::<bool>()), 0..8),
    )
        .prop_map(|((a, b, c, d), outer, rows)| {
            let wrap = |cells: &[&str]| {
                let inner = cells.join(" | ");
                if outer {
                    format!("| {inner} |")
                } else {
                    inner
                }
            };
            let mut s = wrap(&[a, b, c, d]);
            s.push('\n');
            s.push_str(&wrap(&["---", ":--", "--:", "---"]));
            s.push('\n');
            for (r, end, short) in rows {
                let cells: Vec<&str> = vec![&r[0], &r[2], &r[3], &r[1]];
                let cells = if short { &cells[..2] } else { &cells[..] };
                s.push_str(&wrap(cells));
                s.push_str(end);
            }
            s
        })
}

/// Key-value blocks: `Name: x` / `Provider: y` / `Purpose: z` / `Duration: d`.
fn key_value() -> impl Strategy<Value = String> {
    proptest::collection::vec((row(), ws(), any::<bool>(), 0usize..4), 0..6).prop_map(|blocks| {
        let mut s = String::new();
        for (r, w, bullet, skip) in blocks {
            let keys = ["Cookie", "Provider", "Purpose", "Duration"];
            let vals = [&r[0], &r[1], &r[2], &r[3]];
            for (k, (key, val)) in keys.iter().zip(vals).enumerate() {
                if k == skip && k != 0 {
                    continue;
                }
                if bullet {
                    s.push_str("- ");
                }
                s.push_str(&format!("{key}:{w}{val}\n"));
            }
            s.push('\n');
        }
        s
    })
}

fn prose() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("## Analytics cookies\n".to_string()),
        Just("Strictly necessary cookies\n".to_string()),
        Just("We only use strictly necessary cookies.\n".to_string()),
        Just("The _ga cookie is set by Google Analytics to distinguish users.\n".to_string()),
        Just("Marketing\n".to_string()),
        (words(60), line_end()).prop_map(|(w, e)| format!("{w}{e}")),
    ]
}

/// A document: a mix of blocks.
fn document() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![3 => tab_table(), 2 => pipe_table(), 2 => key_value(), 2 => prose()],
        1..5,
    )
    .prop_map(|parts| parts.concat())
}

/// `text` with its lines broken at `width` characters before the word that would
/// not fit (a PDF's copy), so that the hard-wrapped text reader (`src/wrap.rs`)
/// joins lines under the invariants.
fn hard_wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let mut cur = 0;
        for (k, w) in line.split(' ').enumerate() {
            let n = w.chars().count();
            if k > 0 {
                if cur > 0 && cur + 1 + n > width {
                    out.push('\n');
                    cur = 0;
                } else {
                    out.push(' ');
                    cur += 1;
                }
            }
            out.push_str(w);
            cur += n;
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn parse_policy_hard_wrapped_documents(text in document(), width in 30usize..100) {
        let wrapped = hard_wrap(&text, width);
        // the reading keeps the text's length and changes line ends only
        let read = cookie_charter::stages::unwrap(&wrapped);
        prop_assert_eq!(read.len(), wrapped.len());
        for (x, y) in wrapped.bytes().zip(read.bytes()) {
            prop_assert!(x == y || (matches!(x, b'\n' | b'\r') && y == b' '));
        }
        must(check_parse_policy(&wrapped));
    }

    #[test]
    fn parse_policy_delimited_tables(text in tab_table(), semi in any::<bool>()) {
        let d = if semi { ";" } else { "," };
        must(check_parse_policy(&text.replace('\t', d)));
    }

    #[test]
    fn parse_policy_random_text(text in hostile_string(400)) {
        must(check_parse_policy(&text));
    }

    #[test]
    fn parse_policy_any_string(text in any::<String>()) {
        must(check_parse_policy(&text));
    }

    #[test]
    fn parse_policy_tab_tables(text in tab_table()) {
        must(check_parse_policy(&text));
    }

    #[test]
    fn parse_policy_pipe_tables(text in pipe_table()) {
        must(check_parse_policy(&text));
    }

    #[test]
    fn parse_policy_key_value_blocks(text in key_value()) {
        must(check_parse_policy(&text));
    }

    #[test]
    fn parse_policy_documents(text in document()) {
        must(check_parse_policy(&text));
    }

    #[test]
    fn parse_policy_bytes_random(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        must(check_parse_policy_bytes(&bytes));
    }

    #[test]
    fn parse_policy_bytes_encoded_documents(text in document(), enc in 0u8..4) {
        let bytes: Vec<u8> = match enc {
            0 => text.into_bytes(),
            1 => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
            2 => {
                let mut b = vec![0xFF, 0xFE];
                for u in text.encode_utf16() {
                    b.extend_from_slice(&u.to_le_bytes());
                }
                b
            }
            _ => encoding_rs::WINDOWS_1252.encode(&text).0.into_owned(),
        };
        must(check_parse_policy_bytes(&bytes));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn parse_duration_values(text in duration_text()) {
        must(check_parse_duration(&text));
    }

    #[test]
    fn parse_duration_random(text in hostile_string(60)) {
        must(check_parse_duration(&text));
    }

    #[test]
    fn split_names_lists(
        names in proptest::collection::vec(cookie_name(), 0..6),
        sep in prop_oneof![Just(", "), Just(","), Just("; "), Just(" "), Just(" and "), Just(" et "), Just(" + "), Just("/"), Just("\n")],
    ) {
        must(check_split_names(&names.join(sep)));
    }

    #[test]
    fn split_names_random(text in hostile_string(80)) {
        must(check_split_names(&text));
    }

    #[test]
    fn normalize_random(text in hostile_string(200)) {
        must(check_normalize(&text, false));
        must(check_normalize(&text, true));
    }

    #[test]
    fn normalize_words(text in words(80)) {
        must(check_normalize(&text, false));
        must(check_normalize(&text, true));
    }

    #[test]
    fn normalize_idempotent_with_repair(text in prop_oneof![hostile_string(120), words(80)]) {
        must(check_normalize_idempotent_repair(&text));
    }
}

#[test]
fn corpus_documents_keep_the_invariants() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            if let Err(e) = check_parse_policy(&text) {
                panic!("{}: {e}", path.display());
            }
            must(check_parse_policy_bytes(text.as_bytes()));
            for line in text.lines() {
                must(check_normalize(line, false));
                must(check_normalize(line, true));
                must(check_split_names(line.split('\t').next().unwrap_or("")));
            }
            n += 1;
        }
    }
    assert!(n > 0, "no corpus documents in {dir}");
}

#[test]
fn iso_seconds_reads_what_the_crate_writes() {
    assert_eq!(iso_seconds("P6M"), Some(6 * 30 * 86400));
    assert_eq!(iso_seconds("P1Y2M"), Some(365 * 86400 + 60 * 86400));
    assert_eq!(iso_seconds("PT30M"), Some(1800));
    assert_eq!(iso_seconds("P1DT1H"), Some(86400 + 3600));
    assert_eq!(iso_seconds("P"), None);
    assert_eq!(iso_seconds("PT"), None);
    assert_eq!(iso_seconds("P1.5Y"), None);
}
