//! Text repair, measured and checked through the public API only.
//!
//! - glued words: from each language's embedded word list, glued pairs of common
//!   words must be split back exactly, and real words must stay whole;
//! - encodings: a corpus document saved as Windows-1252, as UTF-16 with a BOM, or
//!   turned to mojibake parses to the same cookie records as the original.
//!
//! `cargo test --test repair -- --nocapture` prints the figures of
//! `docs/text-repair.md`.

use cookie_charter::{normalize_text, parse_policy, Cookie, Policy};

/// The policy of bytes that are text.
#[track_caller]
fn parse_policy_bytes(bytes: &[u8]) -> Policy {
    cookie_charter::parse_policy_bytes(bytes)
        .expect("text input")
        .policy
}

const LANGS: [(&str, &str, &str); 7] = [
    (
        "en",
        include_str!("../src/vocab/words/en.txt"),
        include_str!("../misc/words/heldout-en.txt"),
    ),
    (
        "fr",
        include_str!("../src/vocab/words/fr.txt"),
        include_str!("../misc/words/heldout-fr.txt"),
    ),
    (
        "de",
        include_str!("../src/vocab/words/de.txt"),
        include_str!("../misc/words/heldout-de.txt"),
    ),
    (
        "es",
        include_str!("../src/vocab/words/es.txt"),
        include_str!("../misc/words/heldout-es.txt"),
    ),
    (
        "it",
        include_str!("../src/vocab/words/it.txt"),
        include_str!("../misc/words/heldout-it.txt"),
    ),
    (
        "nl",
        include_str!("../src/vocab/words/nl.txt"),
        include_str!("../misc/words/heldout-nl.txt"),
    ),
    (
        "pt",
        include_str!("../src/vocab/words/pt.txt"),
        include_str!("../misc/words/heldout-pt.txt"),
    ),
];

/// Glued pairs per language.
const PAIRS: usize = 3000;
/// Real words per language (ranks 2 000–20 000, length ≥ 6), sampled.
const REAL: usize = 3000;

/// A small deterministic generator, so the measure is the same on every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// Repair `text` through the public API. `normalize_text` does not know the
/// language, so every word list is consulted: the harder setting (a word of any
/// supported language is kept, a split may come from any of them).
fn repaired(text: &str) -> String {
    normalize_text(text, true).0
}

struct Row {
    lang: &'static str,
    pairs: usize,
    pairs_skipped: usize,
    pairs_ok: usize,
    real: usize,
    real_kept: usize,
    heldout: usize,
    heldout_kept: usize,
    splits_made: usize,
    splits_right: usize,
}

fn measure(lang: &'static str, list: &str, heldout: &str) -> Row {
    let words: Vec<&str> = list.lines().filter(|w| !w.is_empty()).collect();
    let all: std::collections::HashSet<&str> = LANGS
        .iter()
        .flat_map(|(_, l, _)| l.lines())
        .collect::<std::collections::HashSet<_>>();
    let common: Vec<&str> = words[..2000]
        .iter()
        .copied()
        .filter(|w| w.chars().count() >= 2)
        .collect();
    let mut rng = Lcg(lang.bytes().map(u64::from).sum());
    let mut row = Row {
        lang,
        pairs: 0,
        pairs_skipped: 0,
        pairs_ok: 0,
        real: 0,
        real_kept: 0,
        heldout: 0,
        heldout_kept: 0,
        splits_made: 0,
        splits_right: 0,
    };
    while row.pairs < PAIRS {
        let a = common[rng.below(common.len())];
        let b = common[rng.below(common.len())];
        let glued = format!("{a}{b}");
        // a pair that is itself a word of some language is rightly left whole
        if all.contains(glued.as_str()) {
            row.pairs_skipped += 1;
            continue;
        }
        row.pairs += 1;
        let out = repaired(&glued);
        if out != glued {
            row.splits_made += 1;
        }
        if out == format!("{a} {b}") {
            row.pairs_ok += 1;
            row.splits_right += 1;
        }
    }
    let real: Vec<&str> = words[2000..20000]
        .iter()
        .copied()
        .filter(|w| w.chars().count() >= 6)
        .collect();
    for _ in 0..REAL {
        let w = real[rng.below(real.len())];
        row.real += 1;
        if repaired(w) == w {
            row.real_kept += 1;
        } else {
            row.splits_made += 1;
        }
    }
    // REPAIR_SHOW=1 prints the unseen words that were split, to study the errors
    let show = std::env::var_os("REPAIR_SHOW").is_some();
    for w in heldout.lines().filter(|w| !w.is_empty()) {
        row.heldout += 1;
        let out = repaired(w);
        if out == w {
            row.heldout_kept += 1;
        } else {
            row.splits_made += 1;
            if show {
                println!("{lang}: {w} -> {out}");
            }
        }
    }
    row
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

#[test]
fn glued_words_precision_and_recall() {
    let rows: Vec<Row> = LANGS
        .iter()
        .map(|(l, list, held)| measure(l, list, held))
        .collect();
    println!();
    println!("| lang | glued pairs split exactly (recall) | real words kept whole (ranks 2k–20k) | unseen real words kept whole (ranks 25k–60k) | splits that were right (precision) |");
    println!("| --- | --- | --- | --- | --- |");
    for r in &rows {
        println!(
            "| {} | {:.4} ({}/{}, {} pairs that are words skipped) | {:.4} ({}/{}) | {:.4} ({}/{}) | {:.4} ({}/{}) |",
            r.lang,
            ratio(r.pairs_ok, r.pairs),
            r.pairs_ok,
            r.pairs,
            r.pairs_skipped,
            ratio(r.real_kept, r.real),
            r.real_kept,
            r.real,
            ratio(r.heldout_kept, r.heldout),
            r.heldout_kept,
            r.heldout,
            ratio(r.splits_right, r.splits_made),
            r.splits_right,
            r.splits_made,
        );
    }
    for r in &rows {
        assert!(
            ratio(r.real_kept, r.real) >= 0.99,
            "{}: real words kept whole below 0.99",
            r.lang
        );
        assert!(
            ratio(r.pairs_ok, r.pairs) >= 0.95,
            "{}: glued pairs split below 0.95",
            r.lang
        );
    }
}

#[test]
fn brief_examples() {
    let cases = [
        ("Forthe session", "For the session"),
        ("stored in thesession", "stored in the session"),
        ("durée delasession", "durée de la session"),
        ("Dauer derSitzung", "Dauer der Sitzung"),
        ("DurÃ©e de conservation", "Durée de conservation"),
        ("lâ€™utilisateur", "l’utilisateur"),
        (
            "together thesis notre pendant",
            "together thesis notre pendant",
        ),
        (
            "Zusammenarbeit therapist anonymisiert",
            "Zusammenarbeit therapist anonymisiert",
        ),
        (
            "_ga csrftoken gtag.js tarteaucitron",
            "_ga csrftoken gtag.js tarteaucitron",
        ),
        (
            "PostHog TokenFactory CookieConsent",
            "PostHog TokenFactory CookieConsent",
        ),
        ("São Paulo âge", "São Paulo âge"),
    ];
    for (input, want) in cases {
        assert_eq!(repaired(input), want, "{input:?}");
        assert_eq!(normalize_text(input, false).0, input, "raw {input:?}");
    }
}

/// The fields a user reads, without spans (which differ when the text differs).
/// Name, purposes, category, duration and provider of each record.
type Fields = (String, Vec<String>, String, String, Option<String>);

fn records(p: &Policy) -> Vec<Fields> {
    p.cookies
        .iter()
        .map(|c: &Cookie| {
            (
                c.name.clone(),
                c.purposes.clone(),
                format!("{:?}", c.duration),
                c.category.as_str().to_string(),
                c.provider.clone(),
            )
        })
        .collect()
}

fn to_utf16(text: &str, be: bool) -> Vec<u8> {
    let mut out = if be {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        let b = if be { u.to_be_bytes() } else { u.to_le_bytes() };
        out.extend_from_slice(&b);
    }
    out
}

fn to_mojibake(text: &str) -> String {
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(text.as_bytes())
        .0
        .into_owned()
}

#[track_caller]
fn same_records_in_every_encoding(path: &str) {
    let text = std::fs::read_to_string(path).expect("corpus file");
    let original = parse_policy(&text);
    let want = records(&original);
    println!("{path}: {} records", want.len());

    let (cp1252, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable, "{path} has characters Windows-1252 lacks");
    let p = parse_policy_bytes(&cp1252);
    assert_eq!(p.encoding, "windows-1252");
    assert_eq!(records(&p), want, "{path} as windows-1252");

    for be in [false, true] {
        let p = parse_policy_bytes(&to_utf16(&text, be));
        assert_eq!(p.encoding, if be { "utf-16be" } else { "utf-16le" });
        assert_eq!(records(&p), want, "{path} as utf-16 (be: {be})");
    }

    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    assert_eq!(records(&parse_policy_bytes(&bom)), want, "{path} with BOM");

    // mojibake: every line, normalised, reads as the original line normalised
    let moji = to_mojibake(&text);
    assert_ne!(moji, text);
    for (line, bad) in text.lines().zip(moji.lines()) {
        assert_eq!(
            normalize_text(bad, true).0,
            normalize_text(line, true).0,
            "{path}: mojibake line {bad:?}"
        );
    }
}

/// The whole mojibake document through the parser. Field values are repaired, but
/// headers and category headings (`FinalitÃ©`, `Cookies nÃ©cessaires`) are matched
/// by the layout stage before any field repair runs, so their roles are lost.
/// Needs the lead to match vocabulary on `fields::repair::fix_mojibake(text)`.
#[track_caller]
fn same_records_as_mojibake(path: &str) {
    let text = std::fs::read_to_string(path).expect("corpus file");
    let want = records(&parse_policy(&text));
    let p = parse_policy(&to_mojibake(&text));
    assert_eq!(records(&p), want, "{path} as mojibake");
    assert!(p.repairs.iter().all(|r| !r.before.is_empty()));
}

/// A mojibake file read as bytes: repaired as a whole by the decoder, so headers
/// and headings are read too.
#[test]
fn mojibake_files_parse_to_the_same_records() {
    for path in ["corpus/003_cf448ca2d5dd8107.txt", "corpus/de-03.txt"] {
        let text = std::fs::read_to_string(path).expect("corpus file");
        let want = records(&parse_policy(&text));
        for moji in [to_mojibake(&text), to_mojibake(&to_mojibake(&text))] {
            let p = parse_policy_bytes(moji.as_bytes());
            assert_eq!(p.encoding, "utf-8");
            assert!(p
                .warnings
                .iter()
                .any(|w| w.kind == cookie_charter::WarningKind::EncodingFallback));
            assert_eq!(records(&p), want, "{path} as mojibake bytes");
        }
    }
}

#[test]

fn mojibake_documents_parse_to_the_same_records() {
    same_records_as_mojibake("corpus/003_cf448ca2d5dd8107.txt");
    same_records_as_mojibake("corpus/de-03.txt");
}

#[test]
fn french_document_in_every_encoding() {
    same_records_in_every_encoding("corpus/003_cf448ca2d5dd8107.txt");
}

#[test]
fn german_document_in_every_encoding() {
    same_records_in_every_encoding("corpus/de-03.txt");
}

#[test]
fn binary_junk_does_not_lose_the_text() {
    let mut bytes = b"Name\tProvider\tPurpose\tExpiry\n".to_vec();
    bytes.extend_from_slice(b"_ga\tGoogle\tDistinguishes\x00 users\t2 years\n");
    let p = parse_policy_bytes(&bytes);
    assert_eq!(p.encoding, "utf-8");
    assert!(p
        .warnings
        .iter()
        .any(|w| w.kind == cookie_charter::WarningKind::ControlCharacters));
    assert_eq!(p.cookies.len(), 1);
    assert_eq!(p.cookies[0].purposes, ["Distinguishes users"]);
}

/// Every line of every corpus document through `normalize_text`: the repairs made
/// on real policy text, printed with `REPAIR_SHOW=1` to review false positives.
/// Mojibake is never "repaired" in documents that are clean UTF-8.
#[test]
fn repairs_on_the_corpus() {
    let show = std::env::var_os("REPAIR_SHOW").is_some();
    let mut paths: Vec<_> = std::fs::read_dir("corpus")
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut counts = std::collections::BTreeMap::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("corpus file");
        for line in text.lines() {
            let (_, repairs) = normalize_text(line, true);
            for r in repairs {
                *counts.entry(format!("{:?}", r.kind)).or_insert(0usize) += 1;
                if show {
                    println!(
                        "{}: {:?} {:?} -> {:?}",
                        path.display(),
                        r.kind,
                        r.before,
                        r.after
                    );
                }
                if r.kind == cookie_charter::RepairKind::Mojibake {
                    // the corpus holds no mojibake: only the NBSP-after-`Â` form may
                    // appear in text that really contains it
                    assert!(
                        r.before.contains('Ã') || r.before.contains('â') || r.before.contains('Â')
                    );
                }
            }
        }
    }
    println!("repairs on the corpus: {counts:?}");
}

/// Every line of every corpus document turned to mojibake, once and twice, reads
/// as the original after repair (the ftfy round trip).
#[test]
fn mojibake_round_trip_on_the_whole_corpus() {
    let mut lines = 0;
    let mut failed = Vec::new();
    for entry in std::fs::read_dir("corpus").expect("corpus dir") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("corpus file");
        for line in text.lines() {
            lines += 1;
            let want = normalize_text(line, true).0;
            let once = to_mojibake(line);
            let twice = to_mojibake(&once);
            for bad in [once, twice] {
                let got = normalize_text(&bad, true).0;
                if got != want {
                    failed.push(format!(
                        "{}: {bad:?}\n  got  {got:?}\n  want {want:?}",
                        path.display()
                    ));
                }
            }
        }
    }
    println!(
        "mojibake round trip: {} of {} lines x2 failed",
        failed.len(),
        lines
    );
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
