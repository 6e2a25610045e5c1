//! Hostile input, linear time (in the spirit of pulldown-cmark's dos-fuzzer).
//!
//! A generator of pathological inputs, each run at two sizes, N and 4N: the time
//! for 4N may be at most [`MAX_RATIO`] times the time for N (a linear parser gives
//! about 4, a quadratic one 16). The timing tests are `#[ignore]`d: run them in
//! release mode, as CI does,
//!
//! ```text
//! cargo test --release --test hostile -- --ignored --nocapture --test-threads=1
//! ```
//!
//! `quick_*` tests run every generator at a small size inside the default
//! `cargo test` and check the invariants of `fuzz/src/invariants.rs` (no panic,
//! spans, order, names, round trip). The size limit is tested here too.

#[path = "../fuzz/src/invariants.rs"]
mod invariants;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use cookie_charter::{
    normalize_text, parse_duration, parse_policy, parse_policy_bytes, parse_policy_with,
    split_cookie_names, Error, ParseOptions, WarningKind, DEFAULT_MAX_BYTES,
};

/// Largest accepted t(4N) / t(N).
const MAX_RATIO: f64 = 8.0;
/// t(N) below this is timer noise: ratios are taken against at least this.
const FLOOR: Duration = Duration::from_millis(5);

/// `s` repeated until the result has at least `n` bytes.
fn fill(s: &str, n: usize) -> String {
    s.repeat(n / s.len().max(1) + 1)
}

/// The pathological inputs: name, generator (bytes wanted → text).
type Gen = fn(usize) -> String;

const HEADER: &str = "Name\tProvider\tPurpose\tExpiry\n";

fn one_long_line(n: usize) -> String {
    fill(
        "The _ga cookie is set by Google Analytics to distinguish users for 2 years, ",
        n,
    )
}
fn many_tabs(n: usize) -> String {
    format!("{HEADER}_ga{}", "\t".repeat(n))
}
fn tab_lines(n: usize) -> String {
    fill("\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n", n)
}
fn continuation_rows_no_header(n: usize) -> String {
    fill("\tcontinued purpose text\t\tand more\n", n)
}
fn continuation_rows_after_header(n: usize) -> String {
    format!(
        "{HEADER}_ga\tGoogle\tDistinguishes users\t2 years\n{}",
        fill("\twraps on\t\n", n)
    )
}
fn repeated_keys(n: usize) -> String {
    format!("Cookie: _ga\n{}", fill("Purpose: x\n", n))
}
fn repeated_key_blocks(n: usize) -> String {
    fill(
        "Cookie: _ga\nProvider: Google\nPurpose: Distinguishes users\nDuration: 2 years\n\n",
        n,
    )
}
fn glued_token(n: usize) -> String {
    fill("cookiesforthewebsiteareused", n)
}
fn glued_token_in_table(n: usize) -> String {
    format!(
        "{HEADER}_ga\tGoogle\t{}\t2 years\n",
        fill("Distinguishesusersforthe", n)
    )
}
fn deep_parens(n: usize) -> String {
    let k = n / 2;
    format!("{}_ga{}", "(".repeat(k), ")".repeat(k))
}
fn deep_parens_in_cells(n: usize) -> String {
    let k = n / 4;
    format!(
        "{HEADER}_ga {}x{}\tGoogle\t({}\t2 years\n",
        "(".repeat(k),
        ")".repeat(k),
        "(".repeat(k)
    )
}
fn header_row_1mb(n: usize) -> String {
    let row = fill("Name\tProvider\tPurpose\tExpiry\t", n);
    format!("{row}\n_ga\tGoogle\tDistinguishes users\t2 years\n")
}
fn repeated_header_rows(n: usize) -> String {
    fill(HEADER, n)
}
fn pipes_only(n: usize) -> String {
    "|".repeat(n)
}
fn pipe_lines(n: usize) -> String {
    fill("|||||||||||||||\n", n)
}
fn pipe_rule_lines(n: usize) -> String {
    format!(
        "| Name | Purpose | Expiry |\n{}",
        fill("|---|---|---|\n", n)
    )
}
fn blank_lines(n: usize) -> String {
    "\n".repeat(n)
}
fn blank_lines_mixed(n: usize) -> String {
    fill(" \r\n\u{A0}\n\t\n\u{200B}\r", n)
}
fn mixed_scripts_zero_width(n: usize) -> String {
    fill(
        "Cookie\u{200B}Name\tЦель\u{200D}\tاسم\u{200C}\t名前\u{FEFF}\n_g\u{200B}a\tΓκουγκλ\tदेखें\u{301}\t2\u{200B}年\n",
        n,
    )
}
fn header_then_rows(n: usize) -> String {
    let mut s = String::from(HEADER);
    let mut i = 0usize;
    while s.len() < n {
        s.push_str(&format!(
            "_c{i}_x\tGoogle\tDistinguishes users number {i}\t2 years\n"
        ));
        i += 1;
    }
    s
}
fn header_then_same_name_rows(n: usize) -> String {
    let mut s = String::from(HEADER);
    let mut i = 0usize;
    while s.len() < n {
        s.push_str(&format!(
            "_ga\tGoogle\tDistinguishes users number {i}\t2 years\n"
        ));
        i += 1;
    }
    s
}
fn prose_with_names(n: usize) -> String {
    let mut s = String::new();
    let mut i = 0usize;
    while s.len() < n {
        s.push_str(&format!(
            "The cookie _pk_id_{i} is set by Matomo to store a unique visitor ID.\n"
        ));
        i += 1;
    }
    s
}
fn text_lines_between_rows(n: usize) -> String {
    format!(
        "{HEADER}{}",
        fill("_ga\tGoogle\tx\t2 years\nstray text line\n\n\n\n", n)
    )
}

/// Generators for the whole pipeline, with the size (4N) each is timed at.
const POLICY_CASES: &[(&str, Gen, usize)] = &[
    ("one 10 MB line", one_long_line, 10 << 20),
    ("millions of tabs", many_tabs, 4 << 20),
    ("lines of tabs", tab_lines, 4 << 20),
    (
        "continuation rows, no header",
        continuation_rows_no_header,
        4 << 20,
    ),
    (
        "continuation rows after a header",
        continuation_rows_after_header,
        4 << 20,
    ),
    ("Purpose: x repeated", repeated_keys, 1_100_000), // 10^5 keys
    ("key-value blocks repeated", repeated_key_blocks, 2 << 20),
    ("one 5 MB glued token", glued_token, 5 << 20),
    ("5 MB glued cell", glued_token_in_table, 5 << 20),
    ("deep parentheses", deep_parens, 4 << 20),
    ("deep parentheses in cells", deep_parens_in_cells, 4 << 20),
    ("1 MB header row", header_row_1mb, 1 << 20),
    ("header rows repeated", repeated_header_rows, 2 << 20),
    ("pipes only", pipes_only, 4 << 20),
    ("lines of pipes", pipe_lines, 4 << 20),
    ("pipe rules", pipe_rule_lines, 4 << 20),
    ("blank lines only", blank_lines, 4 << 20),
    ("blank lines, mixed whitespace", blank_lines_mixed, 4 << 20),
    (
        "mixed scripts, zero-width",
        mixed_scripts_zero_width,
        4 << 20,
    ),
    (
        "header + 10^5 rows, distinct names",
        header_then_rows,
        5_000_000,
    ),
    (
        "header + 10^5 rows, one name",
        header_then_same_name_rows,
        5_000_000,
    ),
    ("prose naming cookies", prose_with_names, 4 << 20),
    ("stray lines between rows", text_lines_between_rows, 4 << 20),
];

/// Time `f` (best of `reps`), giving up after `limit`.
fn time_it(f: impl Fn() + Send + 'static, reps: usize, limit: Duration) -> Option<Duration> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut best = Duration::MAX;
        for _ in 0..reps {
            let t = Instant::now();
            f();
            best = best.min(t.elapsed());
        }
        let _ = tx.send(best);
    });
    rx.recv_timeout(limit).ok()
}

/// Run `f` over `gen(n/4)` and `gen(n)`; fail when the time grows more than [`MAX_RATIO`]×.
fn assert_linear(name: &str, gen: Gen, n: usize, f: fn(&str)) {
    let small = gen(n / 4);
    let big = gen(n);
    let small_len = small.len();
    let big_len = big.len();
    let t_small = time_it(move || f(&small), 3, Duration::from_secs(60))
        .unwrap_or_else(|| panic!("{name}: {small_len} bytes took over 60 s"));
    let limit = t_small.max(FLOOR).mul_f64(MAX_RATIO * 2.0) + Duration::from_secs(2);
    let t_big = time_it(move || f(&big), 2, limit);
    let Some(t_big) = t_big else {
        panic!(
            "{name}: superlinear: {small_len} bytes in {t_small:?}, {big_len} bytes over {limit:?}"
        );
    };
    let ratio = t_big.as_secs_f64() / t_small.max(FLOOR).as_secs_f64();
    let mbs = big_len as f64 / 1e6 / t_big.as_secs_f64();
    println!(
        "{name:<40} {small_len:>9} B {:>9.2} ms   {big_len:>9} B {:>9.2} ms   ratio {ratio:>5.2}   {mbs:>8.1} MB/s",
        t_small.as_secs_f64() * 1e3,
        t_big.as_secs_f64() * 1e3
    );
    assert!(
        ratio < MAX_RATIO,
        "{name}: time grew {ratio:.1}× for 4× the input ({t_small:?} → {t_big:?})"
    );
}

/// What is timed over a generated input.
type Run = fn(&str);

fn run_policy(s: &str) {
    std::hint::black_box(parse_policy(s));
}
fn run_policy_bytes(s: &str) {
    std::hint::black_box(parse_policy_bytes(s.as_bytes()));
}
fn run_normalize(s: &str) {
    std::hint::black_box(normalize_text(s, true));
}
fn run_normalize_no_repair(s: &str) {
    std::hint::black_box(normalize_text(s, false));
}
fn run_split(s: &str) {
    std::hint::black_box(split_cookie_names(s));
}
fn run_duration(s: &str) {
    std::hint::black_box(parse_duration(s));
}

fn name_list(n: usize) -> String {
    fill("_ga, _gid and _gat_UA-1234 + __utm* / ", n)
}
fn name_parens(n: usize) -> String {
    format!("_ga {}", fill("(x [x2] ", n))
}
fn duration_chain(n: usize) -> String {
    fill("1 year to 2 months, ", n)
}
fn duration_digits(n: usize) -> String {
    format!("{} years", "9".repeat(n))
}
fn words_with_spaces(n: usize) -> String {
    fill(
        "Stores\u{A0}the  user's\u{200B}consent \u{AD}state Ã© func- tionality ",
        n,
    )
}

#[test]
#[ignore = "timing: run in release with --ignored"]
fn linear_time_parse_policy() {
    let mut failures = Vec::new();
    for &(name, gen, n) in POLICY_CASES {
        if let Err(e) = std::panic::catch_unwind(|| assert_linear(name, gen, n, run_policy)) {
            failures.push(name);
            drop(e);
        }
    }
    assert!(failures.is_empty(), "superlinear cases: {failures:?}");
}

#[test]
#[ignore = "timing: run in release with --ignored"]
fn linear_time_parse_policy_bytes() {
    assert_linear(
        "bytes: header + rows",
        header_then_same_name_rows,
        4 << 20,
        run_policy_bytes,
    );
    assert_linear(
        "bytes: mixed scripts",
        mixed_scripts_zero_width,
        4 << 20,
        run_policy_bytes,
    );
    assert_linear(
        "bytes: one long line",
        one_long_line,
        4 << 20,
        run_policy_bytes,
    );
}

#[test]
#[ignore = "timing: run in release with --ignored"]
fn linear_time_value_grammars() {
    let cases: &[(&str, Gen, usize, Run)] = &[
        (
            "normalize: 5 MB glued token",
            glued_token,
            5 << 20,
            run_normalize,
        ),
        (
            "normalize: spaces and damage",
            words_with_spaces,
            4 << 20,
            run_normalize,
        ),
        (
            "normalize (no repair): spaces",
            words_with_spaces,
            4 << 20,
            run_normalize_no_repair,
        ),
        (
            "normalize: mixed scripts",
            mixed_scripts_zero_width,
            4 << 20,
            run_normalize,
        ),
        ("split names: long list", name_list, 4 << 20, run_split),
        (
            "split names: parens and markers",
            name_parens,
            4 << 20,
            run_split,
        ),
        (
            "split names: deep parentheses",
            deep_parens,
            4 << 20,
            run_split,
        ),
        (
            "duration: chained ranges",
            duration_chain,
            1 << 20,
            run_duration,
        ),
        (
            "duration: 1 MB number",
            duration_digits,
            1 << 20,
            run_duration,
        ),
        ("duration: glued token", glued_token, 1 << 20, run_duration),
    ];
    let mut failures = Vec::new();
    for &(name, gen, n, f) in cases {
        if std::panic::catch_unwind(|| assert_linear(name, gen, n, f)).is_err() {
            failures.push(name);
        }
    }
    assert!(failures.is_empty(), "superlinear cases: {failures:?}");
}

/// Every generator at a small size: no panic, and the invariants hold.
#[test]
fn quick_hostile_inputs_keep_the_invariants() {
    for &(name, gen, _) in POLICY_CASES {
        let text = gen(4096);
        if let Err(e) = invariants::check_parse_policy(&text) {
            panic!("{name}: {e}");
        }
        invariants::must(invariants::check_parse_policy_bytes(text.as_bytes()));
    }
    for gen in [
        glued_token,
        words_with_spaces,
        mixed_scripts_zero_width,
        deep_parens,
    ] {
        let text = gen(2048);
        invariants::must(invariants::check_normalize(&text, false));
        invariants::must(invariants::check_normalize(&text, true));
    }
    for gen in [name_list, name_parens, deep_parens, glued_token] {
        invariants::must(invariants::check_split_names(&gen(2048)));
    }
    for gen in [duration_chain, duration_digits, glued_token] {
        invariants::must(invariants::check_parse_duration(&gen(2048)));
    }
}

#[test]
fn over_the_limit_is_a_clear_error() {
    let text = header_then_rows(10_000);
    let options = ParseOptions {
        max_bytes: 4096,
        ..ParseOptions::default()
    };
    match parse_policy_with(&text, &options) {
        Err(Error::TooLarge { size, limit }) => {
            assert_eq!((size, limit), (text.len(), 4096));
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
    let exact = ParseOptions {
        max_bytes: text.len(),
        ..ParseOptions::default()
    };
    let p = parse_policy_with(&text, &exact).expect("at the limit is accepted");
    assert!(!p.cookies.is_empty());
    assert!(p
        .warnings
        .iter()
        .all(|w| w.kind != WarningKind::InputTooLarge));
    assert_eq!(
        parse_policy_with(
            "",
            &ParseOptions {
                max_bytes: 0,
                ..ParseOptions::default()
            }
        )
        .map(|p| p.cookies.len())
        .ok(),
        Some(0)
    );
}

/// `parse_policy` past `DEFAULT_MAX_BYTES` (64 MiB) parses up to the last line that
/// fits and warns; allocates ~130 MB, so release mode with `--ignored`.
#[test]
#[ignore = "allocates 64 MiB+: run in release with --ignored"]
fn parse_policy_over_default_limit_warns() {
    // one table row, then long prose lines (cheap to parse) up to the limit
    let mut text = format!("{HEADER}_ga\tGoogle\tDistinguishes users\t2 years\n\n");
    let prose = fill(
        "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod. ",
        2000,
    );
    while text.len() + prose.len() + 1 < DEFAULT_MAX_BYTES - 1000 {
        text.push_str(&prose);
        text.push('\n');
    }
    // a multi-byte character straddling the limit, then more rows
    while text.len() < DEFAULT_MAX_BYTES - 1 {
        text.push('x');
    }
    text.push('é');
    text.push_str("\n_gid\tGoogle\tlate row\t1 day\n");
    assert!(text.len() > DEFAULT_MAX_BYTES);
    let t = Instant::now();
    let p = parse_policy(&text);
    println!("{} bytes parsed in {:?}", text.len(), t.elapsed());
    invariants::must(invariants::check_spans(&p, Some(&text)));
    assert_eq!(p.text_len, text.len());
    let w = p
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::InputTooLarge)
        .expect("an InputTooLarge warning");
    assert_eq!(w.span.end, text.len());
    assert!(w.span.start <= DEFAULT_MAX_BYTES && text[..w.span.start].ends_with('\n'));
    assert!(p.cookies.iter().any(|c| c.name == "_ga"));
    assert!(
        p.cookies.iter().all(|c| c.name != "_gid"),
        "the row past the limit is not parsed"
    );
    match parse_policy_with(&text, &ParseOptions::default()) {
        Err(Error::TooLarge { size, limit }) => {
            assert_eq!((size, limit), (text.len(), DEFAULT_MAX_BYTES))
        }
        other => panic!(
            "expected TooLarge, got {:?}",
            other.map(|p| p.cookies.len())
        ),
    }
}
