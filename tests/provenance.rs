//! The provenance contract (`docs/provenance.md`): the bytes entry point returns the
//! text its spans index, `repair: false` changes nothing, a merged cookie keeps all its
//! source spans, every policy names the parser version, a language is reported only
//! on evidence, and binary input is an error.

use cookie_charter::{
    parse_policy, parse_policy_bytes, parse_policy_bytes_with, parse_policy_with, Error,
    ParseOptions, RepairKind, WarningKind,
};

const RAW: ParseOptions = ParseOptions {
    max_bytes: cookie_charter::DEFAULT_MAX_BYTES,
    repair: false,
};

/// The case: a 70-byte Windows-1252 file reported `text_len: 71` and spans
/// into a text nobody could see.
#[test]
fn windows_1252_spans_index_the_returned_text() {
    let bytes = b"Name\tDur\xE9e\tFinalit\xE9\n_ga\t2 ans\tDistingue les utilisateurs\n";
    let d = parse_policy_bytes(bytes).unwrap();
    assert_eq!(d.policy.encoding, "windows-1252");
    assert_eq!(d.policy.text_len, d.text.len());
    // é is one byte in Windows-1252 and two in the text: the text is longer
    assert_eq!(d.text.len(), bytes.len() + 2);
    let ga = &d.policy.cookies[0];
    assert_eq!(
        &d.text[ga.span.start..ga.span.end],
        "_ga\t2 ans\tDistingue les utilisateurs"
    );
}

/// A pdftotext form feed inside the table: spans stay on the text the caller sees
/// (they drifted by one byte per control character dropped).
#[test]
fn spans_do_not_drift_after_control_characters() {
    let text = "\x0CName\tExpiry\n_ga\t2 years\n\x0C\x0C_gid\t1 day\n";
    for d in [
        parse_policy_bytes(text.as_bytes()).unwrap(),
        parse_policy_bytes_with(text.as_bytes(), &RAW).unwrap(),
    ] {
        assert_eq!(d.text, text);
        let names: Vec<&str> = d.policy.cookies.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["_ga", "_gid"]);
        for c in &d.policy.cookies {
            let source = &d.text[c.span.start..c.span.end];
            assert!(source.contains(&c.name), "{source:?} for {}", c.name);
        }
    }
    // the &str entry point keeps the same contract
    let p = parse_policy(text);
    let gid = &p.cookies[1];
    assert_eq!(&text[gid.span.start..gid.span.end], "_gid\t1 day");
}

/// With repair on, the decoder's changes are listed and their spans show the
/// original; with repair off, nothing changes and the same places are warned about.
#[test]
fn decoder_changes_are_listed_or_left_alone() {
    let text = "Name\tPurpose\n_ga\tDistingue les utilisateurs uniques, durÃ©e 2 ans\x00\n";
    let d = parse_policy_bytes(text.as_bytes()).unwrap();
    let kinds: Vec<RepairKind> = d.policy.repairs.iter().map(|r| r.kind).collect();
    assert!(kinds.contains(&RepairKind::Mojibake), "{kinds:?}");
    assert!(kinds.contains(&RepairKind::ControlCharacters), "{kinds:?}");
    for r in &d.policy.repairs {
        if r.kind == RepairKind::ControlCharacters {
            assert_eq!(&d.text[r.span.start..r.span.end], r.before);
        }
    }
    assert!(d.policy.cookies[0].purposes[0].contains("durée"));

    let raw = parse_policy_bytes_with(text.as_bytes(), &RAW).unwrap();
    assert_eq!(raw.text, d.text);
    assert!(raw.policy.repairs.is_empty());
    let warned: Vec<WarningKind> = raw.policy.warnings.iter().map(|w| w.kind).collect();
    assert!(warned.contains(&WarningKind::ControlCharacters));
    assert!(warned.contains(&WarningKind::EncodingFallback));
    assert!(raw.policy.cookies[0].purposes[0].contains("durÃ©e"));
}

/// The JSON Lines path reads `&str`: a control character in a name is warned about
/// like in a file, and the change is listed; `repair: false` reads it as it is.
#[test]
fn control_characters_in_str_input_are_warned_and_listed() {
    let text = "Name\tExpiry\n_g\u{0}a\t2 years\n";
    let p = parse_policy(text);
    assert!(p
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::ControlCharacters));
    let r = p
        .repairs
        .iter()
        .find(|r| r.kind == RepairKind::ControlCharacters)
        .expect("the dropped NUL is listed");
    assert_eq!(r.span.start, text.find('\0').unwrap());
    let raw = parse_policy_with(text, &RAW).unwrap();
    assert!(raw.repairs.is_empty());
    assert!(raw
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::ControlCharacters && w.message.contains("kept")));
    // the name cannot hold the NUL: that it differs from its source is said
    assert_eq!(raw.cookies[0].name, "_ga");
    assert!(raw
        .warnings
        .iter()
        .any(|w| w.span == raw.cookies[0].span && w.message.contains("\"_ga\"")));
}

/// The same cookie in prose and in a table: one record, every source span kept in
/// input order, `span` the first (it used to cover almost the whole document).
#[test]
fn a_merged_cookie_keeps_every_span() {
    let text = "Name\tPurpose\tExpiry\n\
                _ga\tDistinguishes users\t2 years\n\
                _gid\tDistinguishes users for a day\t1 day\n\n\
                Intro text that is not about any cookie at all, a paragraph of filler.\n\n\
                Name\tProvider\tExpiry\n\
                _ga\tGoogle\t2 years\n";
    let p = parse_policy(text);
    let ga: Vec<_> = p.cookies.iter().filter(|c| c.name == "_ga").collect();
    assert_eq!(ga.len(), 1, "{:?}", p.cookies);
    let ga = ga[0];
    assert_eq!(ga.spans.len(), 2, "{:?}", ga.spans);
    assert_eq!(ga.span, ga.spans[0]);
    assert!(ga.spans[0].end < ga.spans[1].start);
    assert_eq!(
        &text[ga.span.start..ga.span.end],
        "_ga\tDistinguishes users\t2 years"
    );
    assert_eq!(
        &text[ga.spans[1].start..ga.spans[1].end],
        "_ga\tGoogle\t2 years"
    );
    assert!(ga.span.end < text.find("Intro").unwrap());
}

#[test]
fn every_policy_names_the_parser_version() {
    let p = parse_policy("");
    assert_eq!(p.parser_version, env!("CARGO_PKG_VERSION"));
    assert!(!p.parser_version.is_empty());
    let d = parse_policy_bytes(b"_ga 2 years").unwrap();
    assert_eq!(d.policy.parser_version, p.parser_version);
}

/// A three-line document used to come back as a language at confidence 0.02.
#[test]
fn a_language_only_on_evidence() {
    let short = parse_policy("_ga\n2 years\nGoogle\n");
    assert_eq!(short.language, None);
    assert!(short.language_confidence.is_some());
    let prose = parse_policy(
        "Diese Website verwendet Cookies, um die Nutzung der Seite zu analysieren und \
         die Inhalte zu verbessern. Sie können der Verwendung jederzeit widersprechen.\n",
    );
    assert_eq!(prose.language.as_deref(), Some("de"));
}

/// An ELF binary on stdin came back as French at confidence 1.0.
#[test]
fn binary_input_is_an_error_never_records() {
    let mut elf = b"\x7FELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00".to_vec();
    for i in 0..200u8 {
        elf.extend_from_slice(&[i, 0, 0, 0, 0x48, 0x89, 0xE5, 0]);
    }
    elf.extend_from_slice(b"Name\tExpiry\n_ga\t2 years\n");
    assert!(matches!(
        parse_policy_bytes(&elf),
        Err(Error::NotText { .. })
    ));
    let text = String::from_utf8_lossy(&elf).into_owned();
    assert!(matches!(
        parse_policy_with(&text, &ParseOptions::default()),
        Err(Error::NotText { .. })
    ));
    // UTF-16 without a BOM is NUL-heavy too: refused rather than read as junk
    let utf16: Vec<u8> = "Name\tExpiry\n_ga\t2 years\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert!(matches!(
        parse_policy_bytes(&utf16),
        Err(Error::NotText { .. })
    ));
}

#[test]
fn over_the_limit_is_an_error_for_bytes() {
    let options = ParseOptions {
        max_bytes: 10,
        repair: true,
    };
    assert_eq!(
        parse_policy_bytes_with(b"_ga\t2 years\n", &options),
        Err(Error::TooLarge {
            size: 12,
            limit: 10
        })
    );
}

/// A cell broken by a lone carriage return made a cookie of the second half of the
/// line, without warning.
#[test]
fn a_lone_carriage_return_does_not_split_a_record() {
    let text = "Name\tProvider\tPurpose\tExpiry\n\
                _ga\tGoogle\tDistinguishes\r_gid_like users\t2 years\n\
                _gat\tGoogle\tThrottles requests\t1 minute\n";
    let p = parse_policy(text);
    let names: Vec<&str> = p.cookies.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["_ga", "_gat"]);
    assert_eq!(p.cookies[0].purposes, ["Distinguishes _gid_like users"]);
    let cr = text.find('\r').unwrap();
    assert!(p
        .repairs
        .iter()
        .any(|r| r.kind == RepairKind::LineBreak && r.span.start == cr));
    // with repair off, the carriage return stays a line end, and says so
    let raw = parse_policy_with(text, &RAW).unwrap();
    assert!(raw
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::ControlCharacters && w.span.start == cr));
}
