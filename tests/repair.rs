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

// ---------------------------------------------------------------------------
// Glued function words (issue 10, part 6), through the whole parser
// ---------------------------------------------------------------------------

/// The vocabulary tables, for the function words and glued forms they list.
const VOCAB: [(&str, &str); 7] = [
    ("en", include_str!("../src/vocab/data/en.tsv")),
    ("fr", include_str!("../src/vocab/data/fr.tsv")),
    ("de", include_str!("../src/vocab/data/de.tsv")),
    ("es", include_str!("../src/vocab/data/es.tsv")),
    ("it", include_str!("../src/vocab/data/it.tsv")),
    ("nl", include_str!("../src/vocab/data/nl.tsv")),
    ("pt", include_str!("../src/vocab/data/pt.tsv")),
];

const VENDORS: &str = include_str!("../src/vocab/data/vendors.txt");
const OCD_NAMES: &str = include_str!("../src/vocab/data/ocd_names.tsv");

/// The phrases of one kind in a vocabulary table.
fn kind<'a>(table: &'a str, k: &str) -> Vec<&'a str> {
    table
        .lines()
        .filter_map(|l| {
            let mut c = l.split('\t');
            (c.next() == Some(k)).then(|| c.nth(1)).flatten()
        })
        .collect()
}

fn capitalised(w: &str) -> String {
    let mut cs = w.chars();
    cs.next()
        .map(|f| f.to_uppercase().chain(cs).collect())
        .unwrap_or_default()
}

/// A paragraph of each language, so that the test document's language is detected
/// as the parser does.
const PROSE: [(&str, &str); 7] = [
    ("en", "This website uses cookies to improve your experience while you navigate through the website. Out of these, the cookies that are categorized as necessary are stored on your browser as they are essential for the working of basic functionalities of the website. We also use third-party cookies that help us analyze and understand how you use this website."),
    ("fr", "Ce site utilise des cookies pour améliorer votre expérience lorsque vous naviguez sur le site. Les cookies classés comme nécessaires sont stockés dans votre navigateur car ils sont indispensables au fonctionnement des fonctionnalités de base du site. Nous utilisons également des cookies tiers qui nous aident à analyser et à comprendre comment vous utilisez ce site."),
    ("de", "Diese Website verwendet Cookies, um Ihre Erfahrung zu verbessern, während Sie durch die Website navigieren. Die als notwendig eingestuften Cookies werden in Ihrem Browser gespeichert, da sie für das Funktionieren der grundlegenden Funktionen der Website unerlässlich sind. Wir verwenden auch Cookies von Drittanbietern, die uns helfen zu analysieren und zu verstehen, wie Sie diese Website nutzen."),
    ("es", "Este sitio web utiliza cookies para mejorar su experiencia mientras navega por el sitio web. Las cookies que se clasifican como necesarias se almacenan en su navegador, ya que son esenciales para el funcionamiento de las funcionalidades básicas del sitio web. También utilizamos cookies de terceros que nos ayudan a analizar y comprender cómo utiliza usted este sitio web."),
    ("it", "Questo sito web utilizza i cookie per migliorare la tua esperienza mentre navighi nel sito. I cookie classificati come necessari vengono memorizzati nel tuo browser poiché sono essenziali per il funzionamento delle funzionalità di base del sito. Utilizziamo anche cookie di terze parti che ci aiutano ad analizzare e capire come utilizzi questo sito web."),
    ("nl", "Deze website gebruikt cookies om uw ervaring te verbeteren terwijl u door de website navigeert. De cookies die als noodzakelijk zijn gecategoriseerd, worden in uw browser opgeslagen omdat ze essentieel zijn voor het functioneren van de basisfuncties van de website. Wij gebruiken ook cookies van derden die ons helpen te analyseren en te begrijpen hoe u deze website gebruikt."),
    ("pt", "Este site utiliza cookies para melhorar a sua experiência enquanto navega pelo site. Os cookies classificados como necessários são armazenados no seu navegador, pois são essenciais para o funcionamento das funcionalidades básicas do site. Também utilizamos cookies de terceiros que nos ajudam a analisar e compreender como você utiliza este site."),
];

/// Parse `tokens` as the purposes of a cookie table in a document of language
/// `lang`, and give back each row's purpose.
fn purposes_in_context(lang: &str, tokens: &[String]) -> Vec<String> {
    let mut text = String::new();
    let prose = PROSE
        .iter()
        .find(|(c, _)| *c == lang)
        .map_or("", |(_, p)| *p);
    for _ in 0..3 {
        text.push_str(prose);
        text.push_str("\n\n");
    }
    text.push_str("\nName\tPurpose\tDuration\n");
    for (i, t) in tokens.iter().enumerate() {
        text.push_str(&format!("_ck_{i}\t{t}\t1 year\n"));
    }
    let p = parse_policy(&text);
    assert_eq!(
        p.language.as_deref(),
        Some(lang),
        "language of the test document"
    );
    let mut out = vec![String::new(); tokens.len()];
    for c in &p.cookies {
        if let Some(i) = c
            .name
            .strip_prefix("_ck_")
            .and_then(|n| n.parse::<usize>().ok())
        {
            if let Some(slot) = out.get_mut(i) {
                *slot = c.purposes.join(" ");
            }
        }
    }
    out
}

/// Identifiers that turn up in policies' prose, which no repair may split.
const IDENTIFIERS: &[&str] = &[
    "localStorage",
    "sessionStorage",
    "dataLayer",
    "userId",
    "clientId",
    "sessionId",
    "pageView",
    "onClick",
    "onLoad",
    "toString",
    "forEach",
    "inArray",
    "getItem",
    "setItem",
    "isEnabled",
    "hasConsent",
    "cookieConsent",
    "gtag",
    "fbq",
    "YouTube",
    "LinkedIn",
    "HubSpot",
    "PayPal",
    "Youtube",
    "Linkedin",
    "Hubspot",
    "Paypal",
    "youtube",
    "linkedin",
    "hubspot",
    "paypal",
];

/// One language's measure: (label, right, total) per column.
type Measure = Vec<(&'static str, usize, usize)>;

fn measure_function_words(lang: &'static str, table: &str, list: &str, heldout: &str) -> Measure {
    let words: Vec<&str> = list.lines().filter(|w| !w.is_empty()).collect();
    let listed: std::collections::HashSet<&str> = words.iter().copied().collect();
    let english: std::collections::HashSet<&str> = LANGS[0].1.lines().collect();
    let fws = kind(table, "function_word");
    let glued_forms = kind(table, "glued_form");
    let is_word =
        |w: &str| (listed.contains(w) || english.contains(w)) && !glued_forms.contains(&w);
    let content: Vec<&str> = words[..2000]
        .iter()
        .copied()
        .filter(|w| w.chars().count() >= 3 && !fws.contains(w))
        .collect();
    let mut rng = Lcg(lang.bytes().map(u64::from).sum::<u64>() + 11);
    // (input, wanted) per column
    let mut columns: Vec<(&'static str, Vec<(String, String)>)> = Vec::new();
    let mut gen = |label: &'static str, f: &mut dyn FnMut(&mut Lcg) -> Option<(String, String)>| {
        let mut cases = Vec::new();
        let mut tries = 0;
        while cases.len() < 200 && tries < 20_000 {
            tries += 1;
            if let Some(c) = f(&mut rng) {
                if !cases.contains(&c) {
                    cases.push(c);
                }
            }
        }
        columns.push((label, cases));
    };
    // a glued pair that is a word, or that reads as function words in two ways
    // (`esase`: `esas e` or `esa se`), has no one right answer: not generated
    let readings = |g: &str| {
        let cs: Vec<char> = g.chars().collect();
        (1..cs.len())
            .filter(|&i| {
                let (a, b): (String, String) = (cs[..i].iter().collect(), cs[i..].iter().collect());
                fws.contains(&a.as_str()) && fws.contains(&b.as_str())
            })
            .count()
    };
    let glued_ok = |a: &str, b: &str| {
        let g = format!("{a}{b}");
        (g.chars().count() >= 4 && !is_word(&g) && readings(&g) <= 1).then_some(g)
    };
    gen("function words glued (`surle`)", &mut |r| {
        let (a, b) = (fws[r.below(fws.len())], fws[r.below(fws.len())]);
        glued_ok(a, b).map(|g| (g, format!("{a} {b}")))
    });
    gen("capitalised (`Mitder`)", &mut |r| {
        let (a, b) = (fws[r.below(fws.len())], fws[r.below(fws.len())]);
        glued_ok(a, b).filter(|_| a.chars().count() >= 2).map(|_| {
            (
                capitalised(&format!("{a}{b}")),
                format!("{} {b}", capitalised(a)),
            )
        })
    });
    gen("function word + word (`surcookies`)", &mut |r| {
        let a = fws[r.below(fws.len())];
        let b = content[r.below(content.len())];
        glued_ok(a, b)
            .filter(|_| a.chars().count() >= 2)
            .map(|g| (g, format!("{a} {b}")))
    });
    gen("mixed case (`votreNavigateur`)", &mut |r| {
        let a = fws[r.below(fws.len())];
        let b = content[r.below(content.len())];
        glued_ok(a, b)
            .filter(|_| a.chars().count() >= 3 && b.chars().count() >= 3)
            .map(|_| {
                (
                    format!("{a}{}", capitalised(b)),
                    format!("{a} {}", capitalised(b)),
                )
            })
    });
    // what must stay whole
    let mut keep: Vec<String> = Vec::new();
    for v in VENDORS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        keep.push(v.to_string());
        let token: String = v.chars().filter(|c| c.is_alphanumeric()).collect();
        keep.push(token.to_lowercase());
        keep.push(capitalised(&token.to_lowercase()));
    }
    columns.push((
        "vendor names",
        keep.into_iter().map(|k| (k.clone(), k)).collect(),
    ));
    let ids: Vec<String> = IDENTIFIERS
        .iter()
        .map(|s| s.to_string())
        .chain(
            OCD_NAMES
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split('\t').next())
                .filter(|n| n.chars().all(char::is_alphabetic) && n.chars().count() >= 4)
                .map(str::to_string),
        )
        .collect();
    columns.push((
        "identifiers and cookie names",
        ids.into_iter().map(|k| (k.clone(), k)).collect(),
    ));
    let dictionary: Vec<(String, String)> = (0..400)
        .map(|_| words[rng.below(words.len())])
        .filter(|w| w.chars().count() >= 4 && !glued_forms.contains(w))
        .map(|w| (w.to_string(), w.to_string()))
        .collect();
    columns.push(("dictionary words", dictionary));
    // real words outside the embedded lists (ranks 25 000–60 000): the honest
    // precision figure, reported, not asserted whole
    let unseen: Vec<(String, String)> = heldout
        .lines()
        .filter(|w| !w.is_empty())
        .map(|w| (w.to_string(), w.to_string()))
        .collect();
    columns.push(("unseen words", unseen));
    let show = std::env::var_os("REPAIR_SHOW").is_some();
    let mut out = Vec::new();
    for (label, cases) in columns {
        let inputs: Vec<String> = cases.iter().map(|(i, _)| i.clone()).collect();
        let got = purposes_in_context(lang, &inputs);
        let mut right = 0;
        for ((input, want), g) in cases.iter().zip(&got) {
            if g == want {
                right += 1;
            } else if show {
                println!("{lang} {label}: {input} -> {g} (want {want})");
            }
        }
        out.push((label, right, cases.len()));
    }
    out
}

/// Glued function words in free text, generated in every language from the tables'
/// function words and the 2 000 most common words, parsed as the purposes of a
/// cookie table in a document of that language: how many split back exactly; and
/// vendor names, identifiers, cookie names and dictionary words, which must all
/// stay whole. `cargo test --test repair function_words -- --nocapture` prints the
/// table of the README (`REPAIR_SHOW=1` lists the misses).
#[test]
fn function_words_glued_in_free_text() {
    let mut rows = Vec::new();
    for ((lang, list, heldout), (code, table)) in LANGS.iter().zip(VOCAB) {
        assert_eq!(*lang, code);
        rows.push((*lang, measure_function_words(lang, table, list, heldout)));
    }
    let header: Vec<&str> = rows[0].1.iter().map(|c| c.0).collect();
    println!("\n| lang | {} |", header.join(" | "));
    println!("|---{}|", "|---".repeat(header.len()));
    for (lang, m) in &rows {
        let cells: Vec<String> = m
            .iter()
            .map(|(_, r, t)| format!("{:.3} ({r}/{t})", ratio(*r, *t)))
            .collect();
        println!("| {lang} | {} |", cells.join(" | "));
    }
    for (lang, m) in &rows {
        for (label, r, t) in m {
            assert!(*t >= 50, "{lang} {label}: only {t} cases");
            let min = match *label {
                "unseen words" => 0.85,
                l if l.starts_with("vendor")
                    || l.starts_with("identifiers")
                    || l.starts_with("dictionary") =>
                {
                    1.0
                }
                _ => 0.90,
            };
            assert!(ratio(*r, *t) >= min, "{lang} {label}: {r}/{t}");
        }
    }
}
