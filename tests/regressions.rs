//! Regression tests from fuzzing. Every crash input is kept under
//! `fuzz/regressions/<target>/` and replayed here through the same invariants as
//! the fuzz target (`fuzz/src/invariants.rs`); a named test below, with a comment
//! on the root cause, covers each crash once it is fixed.

#[path = "../fuzz/src/invariants.rs"]
mod invariants;

use invariants::*;

/// Inputs whose bug is found but not fixed yet: `target/file` and the root cause.
/// Replaying them reports the violation without failing; remove the line with the
/// fix (the replay then fails if the bug is back). A listed input that passes is
/// reported too, so the line is not forgotten.
const OPEN: &[(&str, &str)] = &[];

/// Replay every committed input of one fuzz target through `check`.
fn replay(target: &str, check: fn(&[u8]) -> Check) {
    set_strict(true);
    let dir = format!("{}/fuzz/regressions/{target}", env!("CARGO_MANIFEST_DIR"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut failures = Vec::new();
    for e in entries {
        let path = e.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let open = OPEN.iter().find(|(k, _)| *k == format!("{target}/{name}"));
        let data = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| check(&data)).unwrap_or_else(|p| {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Err(format!("panicked: {msg}"))
        });
        match (outcome, open) {
            (Ok(()), None) => {}
            (Ok(()), Some(_)) => {
                println!("{target}/{name}: listed as open but passes now: remove it from OPEN")
            }
            (Err(msg), Some((_, cause))) => {
                println!("{target}/{name}: open bug ({cause}): {msg}")
            }
            (Err(msg), None) => failures.push(format!("{}: {msg}", path.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

#[test]
fn replay_parse_policy() {
    replay("parse_policy", |d| check_parse_policy(&text(d)));
}

#[test]
fn replay_parse_policy_bytes() {
    replay("parse_policy_bytes", check_parse_policy_bytes);
}

#[test]
fn replay_parse_duration() {
    replay("parse_duration", |d| check_parse_duration(&text(d)));
}

#[test]
fn replay_split_cookie_names() {
    replay("split_cookie_names", |d| check_split_names(&text(d)));
}

#[test]
fn replay_normalize_text() {
    replay("normalize_text", |d| {
        let t = text(d);
        check_normalize(&t, false)?;
        check_normalize(&t, true)?;
        check_normalize_idempotent_repair(&t)
    });
}

/// Found by proptest (`parse_duration_values`) on 2026-11-22: `seconds` of a huge
/// duration was off by one or more (`9702585566222489 seconds` gave
/// 9702585566222488) because `Length::seconds` (src/fields/duration.rs) summed in
/// f64, exact only up to 2^53. Fixed on main by summing in u128 (saturating).
#[test]
fn duration_seconds_exact_above_2_pow_53() {
    let d = cookie_charter::parse_duration("9702585566222489 seconds");
    assert_eq!(d.iso8601.as_deref(), Some("PT9702585566222489S"));
    assert_eq!(d.seconds, Some(9_702_585_566_222_489));
    let d = cookie_charter::parse_duration("99999999999999999999 years");
    assert_eq!(d.seconds, Some(u64::MAX), "saturates");
}

/// Found by proptest (`parse_policy_bytes_encoded_documents`) and kept under
/// `fuzz/regressions/parse_policy_bytes/`: the decoder's warning spans pointed past
/// the decoded text. `EncodingFallback` spanned the text as decoded, before
/// `drop_controls` and `repair_mojibake` made it shorter (src/decode.rs), and
/// `ControlCharacters` positions were taken before the mojibake repair moved the
/// text. Fixed on main by `decode::fit_spans`.
#[test]
fn decoder_warning_spans_inside_the_decoded_text() {
    let inputs: [&[u8]; 3] = [
        b"\x01\xff",
        b"Name\tPurpose\n\xc3\x83\xc2\xa9\xff\n",
        b"Cookie policy: cookies for the caf\xc3\x83\xc2\xa9 and the cr\xc3\x83\xc2\xa8me\x01\n",
    ];
    for bytes in inputs {
        let p = cookie_charter::parse_policy_bytes(bytes).unwrap().policy;
        for w in &p.warnings {
            assert!(
                w.span.start <= w.span.end && w.span.end <= p.text_len,
                "{bytes:?}: {w:?} outside {} bytes",
                p.text_len
            );
        }
    }
}

/// Found by `parse_policy` and `parse_policy_bytes` fuzzing on 2026-11-22 (inputs
/// under `fuzz/regressions/*/glued-rows-*`): `glued_rows` (src/layout/glued.rs) let
/// a row start inside the previous one (`analytic3s11 months`: `11` after the `3s`
/// duration; `11 monthsThi9s`: a name running back into `months`), and the previous
/// row's description slice `&block[de..desc_end]` had begin > end: a panic. Fixed on
/// main (8ba45a4): a row starts after the previous row's duration.
#[test]
fn glued_rows_never_overlap() {
    for text in [
        "CookieDurationDescriptioncookielawinfo-analytic3s11 monthsThis\n",
        "CookieDurationDescriptioncookielawinfo-analytics11 monthsThi9s cookie\n",
    ] {
        must(check_parse_policy(text));
    }
}

/// Found while reviewing the names grammar (2026-12-02, helper on issue 13): a count
/// marker written with the multiplication sign (`_ga [×2]`, as consent platforms
/// print it) made `strip_marker` (src/fields/names.rs) slice inside `×` (two bytes)
/// and panic, in `parse_policy` and in `split_cookie_names`. The marker is now taken
/// off like `[x2]`.
#[test]
fn count_marker_with_multiplication_sign() {
    assert_eq!(cookie_charter::split_cookie_names("_ga [×2]"), ["_ga"]);
    assert_eq!(cookie_charter::split_cookie_names("_ga [x2]"), ["_ga"]);
    let text = "Name\tProvider\tPurpose\tExpiry\n_ga [×2]\tGoogle\tDistinguishes users\t2 years\n";
    must(check_parse_policy(text));
    let p = cookie_charter::parse_policy(text);
    let names: Vec<&str> = p.cookies.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["_ga"]);
}
