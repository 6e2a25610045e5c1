//! The invariants every entry point of cookie-charter must keep, checked on its
//! output. One copy, used by the fuzz targets (`fuzz/fuzz_targets/*.rs`), the
//! property tests (`tests/invariants.rs`), the hostile-input suite and the
//! regression tests (both include this file with `#[path]`).
//!
//! Every check returns `Err(description)` rather than panicking, so a caller can
//! try several readings of an input (the bytes entry point) before failing.
//!
//! ## The normalisation used to compare names with the input
//! A cookie name is a normalised field value (invisible characters dropped,
//! whitespace folded, NFC), so it is compared with the input in [`skeleton`] form:
//! whitespace (Unicode white space, U+200B, U+FEFF) removed, invisible characters
//! (soft hyphen, zero-width and direction characters, BOM, controls) removed,
//! box-drawing characters read as ASCII (`│` as `|`), and
//! canonical decomposition (NFD) with combining marks removed. A name must occur in
//! the skeleton of the whole input; a name joined from several fragments (a
//! tab-table cell continued on the next row) need only have each of its words occur
//! in the skeleton of its cookie's span.

//!
//! ## Known bugs, tolerated unless strict
//! A bug found and reported but not yet fixed can be tolerated here (under a test
//! of [`strict`]) so that fuzzing goes on finding others; `tests/regressions.rs`
//! replays the committed inputs in strict mode ([`set_strict`], or
//! `STRICT_INVARIANTS=1`). None is tolerated now.

#![allow(dead_code)]

use cookie_charter::{
    normalize_text, parse_duration, parse_policy, parse_policy_with, split_cookie_names, Duration,
    DurationKind, Error, ParseOptions, Policy, Span,
};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc, UnicodeNormalization};

/// The outcome of one check.
pub type Check = Result<(), String>;

static STRICT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Strict mode: the known, reported bugs listed in the module docs are not
/// tolerated. On in `tests/regressions.rs`, or with `STRICT_INVARIANTS=1`.
pub fn set_strict(on: bool) {
    STRICT.store(on, std::sync::atomic::Ordering::Relaxed);
}

fn strict() -> bool {
    STRICT.load(std::sync::atomic::Ordering::Relaxed)
        || std::env::var_os("STRICT_INVARIANTS").is_some()
}

macro_rules! ensure {
    ($cond:expr, $($fmt:tt)+) => {
        if !$cond {
            return Err(format!($($fmt)+));
        }
    };
}

/// Panic with the failure, for fuzz targets and tests.
#[track_caller]
pub fn must(check: Check) {
    if let Err(e) = check {
        panic!("invariant violated: {e}");
    }
}

/// Whitespace as the crate folds it (its `fields::text::is_space`).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}'
}

/// Runs of whitespace become one ASCII space, ends trimmed, soft hyphens dropped
/// (the crate's `fields::text::fold_whitespace`).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for c in s.chars() {
        if is_space(c) {
            pending = !out.is_empty();
        } else if c == '\u{AD}' {
        } else {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push(c);
        }
    }
    out
}

/// Characters the crate drops from its text and field values (its
/// `chars::is_invisible` and `fields::repair::is_dropped`): soft hyphen, zero-width
/// characters, direction marks and bidi controls, word joiner and invisible operators,
/// BOM, controls other than whitespace.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{61C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    ) || (c.is_control() && !c.is_whitespace())
}

/// A box-drawing character as the crate reads it (its `decode::box_drawing`): a
/// vertical as `|`, a horizontal as `-`, a corner, tee or cross as `+`, the
/// diagonals as they are.
pub fn box_ascii(c: char) -> char {
    match c {
        '\u{2502}' | '\u{2503}' | '\u{2506}' | '\u{2507}' | '\u{250A}' | '\u{250B}'
        | '\u{2551}' | '\u{254E}' | '\u{254F}' | '\u{2575}' | '\u{2577}' | '\u{2579}'
        | '\u{257B}' | '\u{257D}' | '\u{257F}' => '|',
        '\u{2500}' | '\u{2501}' | '\u{2504}' | '\u{2505}' | '\u{2508}' | '\u{2509}'
        | '\u{2550}' | '\u{254C}' | '\u{254D}' | '\u{2574}' | '\u{2576}' | '\u{2578}'
        | '\u{257A}' | '\u{257C}' | '\u{257E}' => '-',
        '\u{2571}'..='\u{2573}' => c,
        '\u{2500}'..='\u{257F}' => '+',
        _ => c,
    }
}

/// The comparison form of the module docs: no whitespace, no invisible characters,
/// box-drawing characters as ASCII, NFD without combining marks.
pub fn skeleton(s: &str) -> String {
    s.chars()
        .filter(|&c| !is_space(c) && !is_invisible(c))
        .map(box_ascii)
        .collect::<String>()
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect()
}

/// A span lies inside a text of `len` bytes (and on its char boundaries, when known).
pub fn check_span(what: &str, span: Span, len: usize, text: Option<&str>) -> Check {
    ensure!(
        span.start <= span.end,
        "{what}: span {span:?} starts after its end"
    );
    ensure!(
        span.end <= len,
        "{what}: span {span:?} ends past the text ({len} bytes)"
    );
    if let Some(t) = text {
        ensure!(
            t.is_char_boundary(span.start) && t.is_char_boundary(span.end),
            "{what}: span {span:?} is not on char boundaries"
        );
    }
    Ok(())
}

/// Every span of a policy lies inside a text of `p.text_len` bytes (the text
/// itself, when known, for char boundaries).
pub fn check_spans(p: &Policy, text: Option<&str>) -> Check {
    for (i, c) in p.cookies.iter().enumerate() {
        check_span(
            &format!("cookie {i} {:?}", c.name),
            c.span,
            p.text_len,
            text,
        )?;
        ensure!(
            c.spans.first() == Some(&c.span),
            "cookie {i} {:?}: span {:?} is not the first of spans {:?}",
            c.name,
            c.span,
            c.spans
        );
        for w in c.spans.windows(2) {
            ensure!(
                w[0].start <= w[1].start,
                "cookie {i} {:?}: spans {:?} out of input order",
                c.name,
                c.spans
            );
        }
        for s in &c.spans {
            check_span(&format!("cookie {i} {:?}", c.name), *s, p.text_len, text)?;
        }
    }
    for (i, w) in p.warnings.iter().enumerate() {
        check_span(
            &format!("warning {i} {:?}", w.kind),
            w.span,
            p.text_len,
            text,
        )?;
    }
    for (i, r) in p.repairs.iter().enumerate() {
        check_span(
            &format!("repair {i} {:?}", r.kind),
            r.span,
            p.text_len,
            text,
        )?;
    }
    Ok(())
}

/// The structural invariants of a policy parsed from `text`.
pub fn check_policy(text: &str, p: &Policy) -> Check {
    ensure!(
        p.text_len == text.len(),
        "text_len {} but the text has {} bytes",
        p.text_len,
        text.len()
    );
    check_spans(p, Some(text))?;
    for w in p.cookies.windows(2) {
        ensure!(
            w[0].span.start <= w[1].span.start,
            "cookies out of input order: {:?} at {:?} before {:?} at {:?}",
            w[0].name,
            w[0].span,
            w[1].name,
            w[1].span
        );
    }
    let whole = skeleton(text);
    // Names are never changed, but for the repairs listed (the decoder's, of a
    // whole-document mojibake): a name may come from the repaired text.
    let repaired = std::cell::OnceCell::new();
    for c in &p.cookies {
        ensure!(
            !c.name.trim().is_empty(),
            "cookie with an empty name at {:?}",
            c.span
        );
        let name = skeleton(&c.name);
        if !whole.contains(&name)
            && !repaired
                .get_or_init(|| skeleton(&apply_repairs(text, p)))
                .contains(&name)
        {
            let local = skeleton(&text[c.span.start..c.span.end]);
            ensure!(
                c.name.split(is_space).all(|w| local.contains(&skeleton(w))),
                "cookie name {:?} does not occur in the input (skeleton {name:?}), nor do its words in its span {:?}",
                c.name,
                c.span
            );
        }
    }
    ensure!(
        p.language.is_none() || p.language_confidence.is_some(),
        "language {:?} with confidence {:?}",
        p.language,
        p.language_confidence
    );
    if let Some(c) = p.language_confidence {
        ensure!(
            (0.0..=1.0).contains(&c),
            "language confidence {c} out of 0..=1"
        );
    }
    for c in &p.cookies {
        if let Some(d) = &c.duration {
            check_duration_value(d)?;
        }
    }
    Ok(())
}

/// `text` with the policy's repairs of the text as it stands (`before` is the text
/// at the repair's span) applied, in order.
pub fn apply_repairs(text: &str, p: &Policy) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for r in &p.repairs {
        let (s, e) = (r.span.start, r.span.end);
        if s >= at && e <= text.len() && text.get(s..e) == Some(r.before.as_str()) {
            out.push_str(&text[at..s]);
            out.push_str(&r.after);
            at = e;
        }
    }
    out.push_str(&text[at..]);
    out
}

/// `serde_json` gives back an equal policy.
pub fn check_policy_roundtrip(p: &Policy) -> Check {
    let json = serde_json::to_string(p).map_err(|e| format!("serialising: {e}"))?;
    let back: Policy =
        serde_json::from_str(&json).map_err(|e| format!("deserialising {json}: {e}"))?;
    ensure!(
        back == *p,
        "serde_json round trip changed the policy: {json}"
    );
    Ok(())
}

/// Everything checked of `parse_policy(text)`: structure, determinism, round trip,
/// the same without repair, and the size limit of `parse_policy_with`.
pub fn check_parse_policy(text: &str) -> Check {
    let p = parse_policy(text);
    check_policy(text, &p)?;
    ensure!(parse_policy(text) == p, "parsing twice gave two policies");
    check_policy_roundtrip(&p)?;
    let no_repair = ParseOptions {
        repair: false,
        ..ParseOptions::default()
    };
    match parse_policy_with(text, &no_repair) {
        Ok(q) => {
            check_policy(text, &q)?;
            ensure!(
                q.repairs.is_empty(),
                "repairs with repair: false: {:?}",
                q.repairs
            );
        }
        // the total entry point parses anything; the checked one refuses binary junk
        Err(Error::NotText { .. }) => {}
        Err(e) => return Err(format!("parse_policy_with under the limit failed: {e}")),
    }
    for r in &p.repairs {
        if r.kind == cookie_charter::RepairKind::ControlCharacters {
            ensure!(
                text[r.span.start..r.span.end] == r.before && r.after.is_empty(),
                "control repair {r:?} does not show the text at its span"
            );
        }
    }
    if !text.is_empty() {
        let tight = ParseOptions {
            max_bytes: text.len() - 1,
            ..ParseOptions::default()
        };
        match parse_policy_with(text, &tight) {
            Err(Error::TooLarge { size, limit }) => {
                ensure!(
                    size == text.len() && limit == text.len() - 1,
                    "TooLarge {{ size: {size}, limit: {limit} }} for {} bytes",
                    text.len()
                );
            }
            other => return Err(format!("over the limit gave {other:?}")),
        }
    }
    Ok(())
}

/// The texts the bytes entry point may have decoded `bytes` to, given the encoding
/// it reports: decoded by that encoding, with its BOM removed or not, and nothing else.
pub fn decoded_candidates(bytes: &[u8], encoding: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(enc) = encoding_rs::Encoding::for_label(encoding.as_bytes()) {
        out.push(enc.decode_with_bom_removal(bytes).0.into_owned());
        out.push(enc.decode_without_bom_handling(bytes).0.into_owned());
    }
    out.dedup();
    out
}

/// Everything checked of `parse_policy_bytes(bytes)`: binary input is refused, or
/// the text returned is the bytes decoded by the reported encoding and nothing else
/// (with repair on or off), the policy holds for that text, and plain ASCII text
/// gives what the text entry point gives.
pub fn check_parse_policy_bytes(bytes: &[u8]) -> Check {
    let d = match cookie_charter::parse_policy_bytes(bytes) {
        Ok(d) => d,
        Err(e @ Error::NotText { .. }) => {
            ensure!(
                cookie_charter::parse_policy_bytes(bytes) == Err(e.clone()),
                "refusing the bytes twice gave two answers"
            );
            return Ok(());
        }
        Err(e) => return Err(format!("parse_policy_bytes failed under the limit: {e}")),
    };
    let p = &d.policy;
    ensure!(
        cookie_charter::parse_policy_bytes(bytes).as_ref() == Ok(&d),
        "parsing the bytes twice gave two policies"
    );
    ensure!(
        decoded_candidates(bytes, &p.encoding).contains(&d.text),
        "the text returned is not the bytes decoded as {}",
        p.encoding
    );
    check_policy(&d.text, p)
        .map_err(|e| format!("against the decoded text ({}): {e}", p.encoding))?;
    check_policy_roundtrip(p)?;
    if let Ok(s) = std::str::from_utf8(bytes) {
        // Only plain ASCII text without controls is sure to be read unchanged.
        let plain = s
            .bytes()
            .all(|b| matches!(b, b'\t' | b'\n' | b'\r' | 0x20..=0x7E));
        if plain {
            // plain UTF-8: the bytes entry point is the text entry point
            let q = parse_policy(s);
            ensure!(
                p.encoding.eq_ignore_ascii_case("utf-8"),
                "valid UTF-8 reported as {:?}",
                p.encoding
            );
            ensure!(
                p.cookies == q.cookies && p.text_len == q.text_len && p.repairs == q.repairs,
                "parse_policy_bytes and parse_policy differ on valid UTF-8"
            );
        }
    }
    let no_repair = ParseOptions {
        repair: false,
        ..ParseOptions::default()
    };
    match cookie_charter::parse_policy_bytes_with(bytes, &no_repair) {
        Ok(r) => {
            ensure!(r.text == d.text, "repair: false decoded another text");
            ensure!(
                r.policy.repairs.is_empty(),
                "repairs with repair: false: {:?}",
                r.policy.repairs
            );
            check_policy(&r.text, &r.policy)?;
        }
        Err(e) => return Err(format!("repair: false failed: {e}")),
    }
    Ok(())
}

/// Seconds of an ISO 8601 duration `P[nY][nM][nW][nD][T[nH][nM][nS]]`, with
/// month = 30 days and year = 365 days; `None` for other forms.
pub fn iso_seconds(iso: &str) -> Option<u64> {
    let rest = iso.strip_prefix('P')?;
    let mut total: u64 = 0;
    let mut time = false;
    let mut num = String::new();
    let mut any = false;
    for c in rest.chars() {
        match c {
            'T' if !time && num.is_empty() => time = true,
            '0'..='9' => num.push(c),
            _ => {
                let n: u64 = num.parse().ok()?;
                num.clear();
                let unit: u64 = match (time, c) {
                    (false, 'Y') => 365 * 86400,
                    (false, 'M') => 30 * 86400,
                    (false, 'W') => 7 * 86400,
                    (false, 'D') => 86400,
                    (true, 'H') => 3600,
                    (true, 'M') => 60,
                    (true, 'S') => 1,
                    _ => return None,
                };
                total = total.checked_add(n.checked_mul(unit)?)?;
                any = true;
            }
        }
    }
    (num.is_empty() && any).then_some(total)
}

/// The documented contracts of one duration value.
pub fn check_duration_value(d: &Duration) -> Check {
    if let Some(r) = &d.range {
        ensure!(
            d.iso8601.as_deref() == Some(r.max.as_str()),
            "range {r:?} but iso8601 {:?} (must hold the upper bound)",
            d.iso8601
        );
        if let (Some(a), Some(b)) = (iso_seconds(&r.min), iso_seconds(&r.max)) {
            ensure!(a <= b, "range {r:?}: min above max");
        }
    }
    if let Some(u) = &d.until {
        let b = u.as_bytes();
        ensure!(
            b.len() == 10
                && b[4] == b'-'
                && b[7] == b'-'
                && b.iter()
                    .enumerate()
                    .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit()),
            "until {u:?} is not YYYY-MM-DD"
        );
    }
    if let Some(iso) = &d.iso8601 {
        ensure!(
            iso.starts_with('P') && iso.len() > 1,
            "iso8601 {iso:?} is not a duration"
        );
        if let (Some(want), Some(got)) = (iso_seconds(iso), d.seconds) {
            ensure!(
                want == got,
                "iso8601 {iso:?} is {want} s but seconds = {got}"
            );
        }
    }
    if d.kind == DurationKind::Session {
        ensure!(d.range.is_none(), "session duration with a range: {d:?}");
    }
    Ok(())
}

/// Everything checked of `parse_duration(text)`.
pub fn check_parse_duration(text: &str) -> Check {
    let d = parse_duration(text);
    check_duration_value(&d)?;
    ensure!(
        parse_duration(text) == d,
        "parse_duration not deterministic"
    );
    let json = serde_json::to_string(&d).map_err(|e| format!("serialising: {e}"))?;
    let back: Duration =
        serde_json::from_str(&json).map_err(|e| format!("deserialising {json}: {e}"))?;
    ensure!(
        back == d,
        "serde_json round trip changed the duration: {json}"
    );
    Ok(())
}

/// Everything checked of `split_cookie_names(cell)`: names non-empty, trimmed,
/// occurring in the cell (skeleton form), deterministic.
pub fn check_split_names(cell: &str) -> Check {
    let names = split_cookie_names(cell);
    let whole = skeleton(cell);
    for n in &names {
        ensure!(!n.is_empty(), "empty name from {cell:?}");
        ensure!(n.trim() == n, "name {n:?} not trimmed");
        ensure!(
            whole.contains(&skeleton(n)),
            "name {n:?} does not occur in the cell {cell:?}"
        );
    }
    ensure!(split_cookie_names(cell) == names, "split not deterministic");
    Ok(())
}

/// Everything checked of `normalize_text(text, repair)`: output folded and NFC,
/// repair spans inside `text`, deterministic; idempotent for `repair: false`.
pub fn check_normalize(text: &str, repair: bool) -> Check {
    let (out, repairs) = normalize_text(text, repair);
    ensure!(fold(&out) == out, "output {out:?} is not whitespace-folded");
    ensure!(is_nfc(&out), "output {out:?} is not NFC");
    if !repair {
        ensure!(
            repairs.is_empty(),
            "repairs with repair: false: {repairs:?}"
        );
    }
    for (i, r) in repairs.iter().enumerate() {
        check_span(
            &format!("repair {i} {:?}", r.kind),
            r.span,
            text.len(),
            Some(text),
        )?;
    }
    ensure!(
        normalize_text(text, repair) == (out.clone(), repairs),
        "normalize_text not deterministic"
    );
    if !repair {
        let again = normalize_text(&out, false).0;
        ensure!(
            again == out,
            "not idempotent (repair: false): {text:?} → {out:?} → {again:?}"
        );
    }
    Ok(())
}

/// Idempotence with repair on: normalising the output again changes nothing.
pub fn check_normalize_idempotent_repair(text: &str) -> Check {
    let out = normalize_text(text, true).0;
    let again = normalize_text(&out, true).0;
    ensure!(
        again == out,
        "not idempotent (repair: true): {text:?} → {out:?} → {again:?}"
    );
    Ok(())
}
