//! Hostile input, linear time (in the spirit of pulldown-cmark's dos-fuzzer).
//!
//! A generator of pathological inputs, each run at two sizes, N and 4N: the time
//! for 4N may be at most [`MAX_RATIO`] (10) times the time for N (a linear parser gives
//! about 4, a quadratic one 16). The timing tests are `#[ignore]`d: run them in
//! release mode, as CI does,
//!
//! ```text
//! cargo test --release --test hostile -- --ignored --nocapture --test-threads=1
//! ```
//!
//! (`HOSTILE_ONLY=words` in the environment times only the cases whose name holds
//! `words`.)
//!
//! Each size runs in a child process (this test binary, re-run on its ignored
//! `hostile_child` test) that is killed when it overruns, so one superlinear case
//! neither hangs the suite nor slows the cases after it.
//!
//! `peak_memory` (ignored too) runs every document generator once at 4N, and two
//! 60 MB inputs, in such a child, and checks how far the resident set grew (Linux:
//! `VmHWM` after a reset through `/proc/self/clear_refs`) against 4× the input, or
//! against the case's bound in `MEMORY_OVER` while it is over that.
//!
//! `quick_*` tests run every generator at a small size inside the default
//! `cargo test` and check the invariants of `fuzz/src/invariants.rs` (no panic,
//! spans, order, names, round trip). The size limit is tested here too.

#[path = "../fuzz/src/invariants.rs"]
mod invariants;

use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use cookie_charter::{
    normalize_text, parse_duration, parse_policy, parse_policy_bytes, parse_policy_with,
    split_cookie_names, Error, ParseOptions, WarningKind, DEFAULT_MAX_BYTES,
};

/// Largest accepted t(4N) / t(N): linear is 4, quadratic 16. Multi-megabyte inputs
/// fall out of cache, and the machine is shared: measured linear cases reach 7.9.
const MAX_RATIO: f64 = 10.0;
/// t(N) below this is timer noise: ratios are taken against at least this.
const FLOOR: Duration = Duration::from_millis(25);

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
/// One sentence naming a cookie every 40 bytes, each in its clause with its own
/// lifetime (`The _c0_x cookie expires after 1 days, the _c1_x cookie … and …`): each
/// name once took the rest of the sentence as its purpose (quadratic output: 2,000
/// names, 88 KB of text, gave 178 MB of JSON).
fn one_sentence_of_names(n: usize) -> String {
    let mut s = String::from("Cookies\n\nThe ");
    let mut i = 0usize;
    while s.len() < n {
        let sep = if i.is_multiple_of(3) {
            ", the "
        } else {
            " and the "
        };
        s.push_str(&format!(
            "_c{i}_x cookie expires after {} days{sep}",
            i % 30 + 1
        ));
        i += 1;
    }
    s.push_str("last cookie expires after 1 day.\n");
    s
}
/// Names without an identifier's shape after `the cookie`, each a made-up word (the
/// prose reader asks whether such a word is a misspelt one: thousands of lookups,
/// given a budget per document), in paragraphs of one cookie each.
/// `len` lower-case letters drawn from the xorshift state `x`.
fn made_up_word(x: &mut u64, len: usize) -> String {
    (0..len)
        .map(|_| {
            *x ^= *x << 13;
            *x ^= *x >> 7;
            *x ^= *x << 17;
            char::from(b'a' + (*x % 26) as u8)
        })
        .collect()
}

fn prose_with_loose_names(n: usize) -> String {
    let mut s = String::new();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    while s.len() < n {
        let word = made_up_word(&mut x, 7);
        s.push_str(&format!(
            "We use the cookie {word}, which is set by Acme. It keeps a setting.\n"
        ));
    }
    s
}
/// Key-value blocks under labels no vocabulary lists: one label the blocks repeat
/// (learned as the name label), and one made-up label a block, each new (the
/// learning keeps a bounded number of labels).
fn blocks_of_unlisted_labels(n: usize) -> String {
    let mut s = String::new();
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut i = 0;
    while s.len() < n {
        let word = made_up_word(&mut x, 6);
        s.push_str(&format!(
            "Sleutel: _c{i}\nKept for: 2 years\nL{word}: some value here\n\n"
        ));
        i += 1;
    }
    s
}
/// One block: a known name key, then line after line of labels no vocabulary lists,
/// each new, written `Label: value` (`tab`: `Label⇥value`). Every label is counted
/// once a block: a list searched for each label made this quadratic (2·10^4 lines
/// 0.71 s, 4·10^4 lines 2.75 s on 2026-12-06; at 256 KB and 1 MB the tab form grew
/// 10.2×).
fn one_block_of_new_labels(n: usize, tab: bool) -> String {
    let mut s = String::from("Cookie: _ga\n");
    let mut x: u64 = 0x6A09_E667_F3BC_C908;
    let mut i = 0;
    while s.len() < n {
        let word = made_up_word(&mut x, 7);
        let sep = if tab { "\t" } else { ": " };
        s.push_str(&format!("L{word}{sep}value {i}\n"));
        i += 1;
    }
    s
}
fn one_block_of_new_labels_colon(n: usize) -> String {
    one_block_of_new_labels(n, false)
}
fn one_block_of_new_labels_tab(n: usize) -> String {
    one_block_of_new_labels(n, true)
}
fn text_lines_between_rows(n: usize) -> String {
    format!(
        "{HEADER}{}",
        fill("_ga\tGoogle\tx\t2 years\nstray text line\n\n\n\n", n)
    )
}
/// A table whose every row stands on a page of its own: a page's number between
/// each two rows (`Page 7 of 9`), or a running title with its number, counted up
/// (every such line is dropped, with a warning, and the blank lines around it).
fn page_numbers_between_rows(n: usize) -> String {
    let mut s = String::from(HEADER);
    let mut page = 1;
    while s.len() < n {
        page += 1;
        s.push_str(&format!("_ga\tGoogle\tx\t2 years\n\nPage {page} of 9\n\n"));
    }
    s
}
fn running_titles_between_rows(n: usize) -> String {
    let mut s = String::from(HEADER);
    let mut page = 1;
    while s.len() < n {
        page += 1;
        s.push_str(&format!(
            "_ga\tGoogle\tx\t2 years\nExample Ltd – Cookie Policy – {page}\n"
        ));
    }
    s
}

/// Header words, cookie names and values one a line, drawn at random (a page of
/// table cells stripped of their structure): each name header opens a candidate
/// header one cell per line or one paragraph per cell, which once read every
/// paragraph to the end of the text (3.5× the time for 2× the lines). With
/// `blank`, a blank line follows about two lines in five.
fn header_words(n: usize, blank: bool) -> String {
    const WORDS: &[&str] = &[
        "Name",
        "Provider",
        "Purpose",
        "Expiry",
        "Type",
        "Domain",
        "Duration",
        "Category",
        "Description",
        "Cookie name",
        "Lifetime",
        "Retention",
        "Anbieter",
        "Zweck",
        "Ablauf",
        "Nom",
        "Fournisseur",
        "Finalité",
        "Durée",
        "Host",
        "Vendor",
        "Storage period",
        "_ga",
        "_gid",
        "NID",
        "2 years",
        "Google",
        "session",
    ];
    let mut s = String::new();
    let mut x: u64 = 0x5851_F42D_4C95_7F2D;
    while s.len() < n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.push_str(WORDS[(x % WORDS.len() as u64) as usize]);
        s.push('\n');
        if blank && (x >> 32) % 5 < 2 {
            s.push('\n');
        }
    }
    s
}
fn header_word_lines(n: usize) -> String {
    header_words(n, false)
}
fn header_word_paragraphs(n: usize) -> String {
    header_words(n, true)
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
    (
        "prose naming cookies loosely",
        prose_with_loose_names,
        4 << 20,
    ),
    (
        "one sentence naming cookies",
        one_sentence_of_names,
        4 << 20,
    ),
    ("stray lines between rows", text_lines_between_rows, 4 << 20),
    (
        "page numbers between rows",
        page_numbers_between_rows,
        4 << 20,
    ),
    (
        "running titles between rows",
        running_titles_between_rows,
        4 << 20,
    ),
    (
        "blocks of unlisted labels",
        blocks_of_unlisted_labels,
        2 << 20,
    ),
    (
        "one block of new labels",
        one_block_of_new_labels_colon,
        2 << 20,
    ),
    (
        "one block of new tab labels",
        one_block_of_new_labels_tab,
        2 << 20,
    ),
    ("header words, one a line", header_word_lines, 4 << 20),
    (
        "header words in paragraphs",
        header_word_paragraphs,
        2 << 20,
    ),
    (
        "a no-break space every other byte",
        no_break_space_every_other_byte,
        4 << 20,
    ),
    (
        "rows of no-break spaces and soft hyphens",
        rows_of_invisible_characters,
        4 << 20,
    ),
];

/// Every other character a no-break space: the most places the text is read with
/// another character (an edit of the offset map every three bytes).
fn no_break_space_every_other_byte(n: usize) -> String {
    fill("x\u{a0}", n)
}

/// Table rows as a page with `&nbsp;` and `&shy;` copies them: [`header_then_rows`]
/// with its spaces no-break ones, soft hyphens in its words and a zero-width space
/// ending each row.
fn rows_of_invisible_characters(n: usize) -> String {
    header_then_rows(n)
        .replace(
            "Distinguishes users number ",
            "Distin\u{ad}guishes\u{a0}users\u{a0}number\u{a0}",
        )
        .replace("\t2 years\n", "\t2\u{a0}years\u{200b}\n")
        .replace("\tGoogle\t", "\tGoo\u{ad}gle\u{a0}Ana\u{ad}lytics\t")
}

fn line_of_glued_tables(n: usize) -> String {
    fill(
        "CookieDurationDescription_ga24 monthsGoogle Universal Analytics cookie1 year ",
        n,
    )
}
fn line_of_inline_tables(n: usize) -> String {
    fill(
        "Name Provider Purpose Expiry Type __cfduid Cloudflare Used by the CDN 29 days HTTP Cookie ",
        n,
    )
}
fn line_of_letters_and_digits(n: usize) -> String {
    fill("_ga2 years Google ab12cd Analytics x1y2 30 days 3rd ", n)
}
fn line_of_glued_rows(n: usize) -> String {
    fill("__cf_bmCloudflare bot management30 minutes ", n)
}
fn line_of_keys(n: usize) -> String {
    fill(
        "Cookie: _ga Provider: Google Purpose: Distinguishes users Duration: 2 years ",
        n,
    )
}
fn line_of_pipe_cells(n: usize) -> String {
    fill("| _ga | Google | Distinguishes users | 2 years ", n)
}
fn line_of_tab_cells(n: usize) -> String {
    fill("_ga\tGoogle\tDistinguishes users\t2 years\t", n)
}
fn colons_only(n: usize) -> String {
    ":".repeat(n)
}
fn colon_lines(n: usize) -> String {
    fill("Cookie:\n:\n::\n", n)
}
fn open_brackets(n: usize) -> String {
    fill("([{<", n)
}
fn open_bracket_lines(n: usize) -> String {
    fill("_ga (\n[\n", n)
}
fn one_cell_per_line(n: usize) -> String {
    let mut s = String::new();
    let mut i = 0usize;
    while s.len() < n {
        s.push_str(&format!("_c{i}\n"));
        i += 1;
    }
    s
}
fn header_then_one_cell_per_line(n: usize) -> String {
    format!("{HEADER}{}", one_cell_per_line(n))
}
/// A header one cell a line over rows whose description wrapped onto two lines (a
/// PDF tool's copy of a narrow table), read row by row by its rows' shapes.
fn wrapped_cell_rows(n: usize) -> String {
    let mut s = String::from("Cookie Name\nProvider\nPurpose\nExpiry\n");
    let mut i = 0usize;
    while s.len() < n {
        s.push_str(&format!(
            "_c{i}\nGoogle\nUsed to distinguish users by\nassigning a random number.\n2 years\n"
        ));
        i += 1;
    }
    s
}
fn glued_tokens(n: usize) -> String {
    fill("cookiesforthewebsiteareused ", n)
}
fn tabs_only(n: usize) -> String {
    "\t".repeat(n)
}
fn spaces_only(n: usize) -> String {
    " ".repeat(n)
}
fn line_of_spaced_cells(n: usize) -> String {
    fill("_ga     Google     Distinguishes users     2 years     ", n)
}
fn line_of_list_items(n: usize) -> String {
    fill("• _ga: Google Analytics, distinguishes users, 2 years ", n)
}
/// A card flattened onto one line whose keys never end (round 47): a name's key,
/// then one known key after another.
fn line_of_flattened_keys(n: usize) -> String {
    format!("Name: _ga {}", fill("Zweck: x ", n))
}
/// A name's key, then colons after short words that are no key.
fn line_of_name_then_colons(n: usize) -> String {
    format!("Name: {}", fill("a: ", n))
}
fn line_of_pipe_rules(n: usize) -> String {
    fill("|---|:---:|---| ", n)
}

/// Generators added for issue 13 (long lines of every kind, separator-only documents,
/// 10^5 one-cell lines, glued tokens, 10^5 key-value blocks), with their size (4N).
const SHAPE_CASES: &[(&str, Gen, usize)] = &[
    ("one line of glued tables", line_of_glued_tables, 1 << 20),
    ("one line of inline tables", line_of_inline_tables, 1 << 20),
    (
        "one line, letters and digits",
        line_of_letters_and_digits,
        4 << 20,
    ),
    ("one line of glued rows", line_of_glued_rows, 4 << 20),
    ("one line of key: value", line_of_keys, 4 << 20),
    ("one line of pipe cells", line_of_pipe_cells, 4 << 20),
    ("one line of tab cells", line_of_tab_cells, 4 << 20),
    ("colons only", colons_only, 4 << 20),
    ("lines of colons", colon_lines, 4 << 20),
    ("open brackets only", open_brackets, 4 << 20),
    ("lines of open brackets", open_bracket_lines, 4 << 20),
    ("4x10^5 one-cell lines", one_cell_per_line, 3_600_000),
    (
        "header + 4x10^5 one-cell lines",
        header_then_one_cell_per_line,
        3_600_000,
    ),
    (
        "header one cell a line + wrapped rows",
        wrapped_cell_rows,
        4 << 20,
    ),
    ("10 MB header row", header_row_1mb, 10 << 20),
    ("4x10^5 glued tokens", glued_tokens, 11_200_000),
    ("4x10^5 Purpose: x", repeated_keys, 4_400_000),
    ("tabs only", tabs_only, 4 << 20),
    ("spaces only", spaces_only, 4 << 20),
    (
        "one line of space-aligned cells",
        line_of_spaced_cells,
        4 << 20,
    ),
    ("one line of list items", line_of_list_items, 2 << 20),
    ("one line of pipe rules", line_of_pipe_rules, 4 << 20),
    (
        "one line: a name's key, then keys",
        line_of_flattened_keys,
        4 << 20,
    ),
    (
        "one line: a name's key, then colons",
        line_of_name_then_colons,
        4 << 20,
    ),
    (
        "4x10^5 key-value blocks (10^5 at N)",
        repeated_key_blocks,
        34 << 20,
    ),
];

/// What is timed over a generated input.
type Run = fn(&str);

fn run_policy(s: &str) {
    std::hint::black_box(parse_policy(s));
}
fn run_policy_bytes(s: &str) {
    let _ = std::hint::black_box(parse_policy_bytes(s.as_bytes()));
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

/// Every timed case: name, generator, size 4N, what is run. Names are unique.
fn timed_cases() -> Vec<(&'static str, Gen, usize, Run)> {
    let mut v: Vec<(&'static str, Gen, usize, Run)> = POLICY_CASES
        .iter()
        .chain(SHAPE_CASES)
        .map(|&(name, gen, n)| (name, gen, n, run_policy as Run))
        .collect();
    v.extend_from_slice(&[
        (
            "bytes: header + rows",
            header_then_same_name_rows as Gen,
            4 << 20,
            run_policy_bytes as Run,
        ),
        (
            "bytes: mixed scripts",
            mixed_scripts_zero_width,
            4 << 20,
            run_policy_bytes,
        ),
        (
            "bytes: one long line",
            one_long_line,
            4 << 20,
            run_policy_bytes,
        ),
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
    ]);
    v
}

const CHILD_CASE: &str = "HOSTILE_CASE";
const CHILD_SIZE: &str = "HOSTILE_SIZE";
const CHILD_REPS: &str = "HOSTILE_REPS";

/// The child side of [`time_in_child`]: runs one case at one size, prints the best time.
#[test]
#[ignore = "run by the timing tests in a child process"]
fn hostile_child() {
    let (Ok(name), Ok(size), Ok(reps)) = (
        std::env::var(CHILD_CASE),
        std::env::var(CHILD_SIZE),
        std::env::var(CHILD_REPS),
    ) else {
        return; // run directly: nothing to do
    };
    let (_, gen, _, run) = timed_cases()
        .into_iter()
        .chain(
            MEMORY_CASES
                .iter()
                .map(|&(name, gen, n)| (name, gen, n, run_policy as Run)),
        )
        .find(|c| c.0 == name)
        .expect("known case");
    let text = gen(size.parse().unwrap());
    // the vocabularies are built on first use: not part of any input's cost
    run(HEADER);
    let rss_before = reset_peak_rss().then(|| status_kb("VmRSS:")).flatten();
    let mut best = Duration::MAX;
    for _ in 0..reps.parse::<usize>().unwrap() {
        let t = Instant::now();
        run(&text);
        best = best.min(t.elapsed());
    }
    println!("\nHOSTILE_BYTES {}", text.len());
    println!("HOSTILE_NANOS {}", best.as_nanos());
    if let (Some(before), Some(peak)) = (rss_before, status_kb("VmHWM:")) {
        // what the run added to the resident set at its peak, the input not counted
        println!("HOSTILE_GROWTH_KB {}", peak.saturating_sub(before));
    }
}

/// A field of `/proc/self/status` in kB (`VmRSS:`, `VmHWM:`); `None` off Linux.
fn status_kb(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// Reset this process's peak resident set (`VmHWM`) to its current size (Linux:
/// writing 5 to `/proc/self/clear_refs`); false where that is not possible.
fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// Run one case at one size in a child process (best of `reps`), killed after
/// `limit`: a superlinear case cannot go on stealing CPU from the next ones.
/// Returns the child's report, or `None` on timeout.
fn run_in_child(name: &str, size: usize, reps: usize, limit: Duration) -> Option<ChildReport> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "hostile_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_CASE, name)
        .env(CHILD_SIZE, size.to_string())
        .env(CHILD_REPS, reps.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn the test binary");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut out = String::new();
            child
                .stdout
                .take()
                .unwrap()
                .read_to_string(&mut out)
                .unwrap();
            assert!(
                status.success(),
                "{name}: child failed at {size} bytes: {out}"
            );
            let field = |key: &str| -> Option<u128> {
                out.lines()
                    .find_map(|l| l.split_once(key).map(|(_, v)| v))
                    .and_then(|v| v.trim().parse().ok())
            };
            let must = |key: &str| -> u128 {
                field(key).unwrap_or_else(|| panic!("{name}: no {key} in child output: {out}"))
            };
            return Some(ChildReport {
                bytes: must("HOSTILE_BYTES ") as usize,
                time: Duration::from_nanos(must("HOSTILE_NANOS ") as u64),
                growth_kb: field("HOSTILE_GROWTH_KB ").map(|k| k as u64),
            });
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// What a child measured: the input's length, the best time, and how much the
/// resident set grew over the run at its peak (Linux only).
struct ChildReport {
    bytes: usize,
    time: Duration,
    growth_kb: Option<u64>,
}

/// [`run_in_child`]'s input length and time.
fn time_in_child(
    name: &str,
    size: usize,
    reps: usize,
    limit: Duration,
) -> Option<(usize, Duration)> {
    run_in_child(name, size, reps, limit).map(|r| (r.bytes, r.time))
}

/// Time a case at N and 4N; `Err` when it grows more than [`MAX_RATIO`]×.
fn check_linear(name: &str, n: usize) -> Result<(), String> {
    let (small_len, t_small) = time_in_child(name, n / 4, 3, Duration::from_secs(120))
        .ok_or_else(|| format!("{name}: {} bytes took over 120 s", n / 4))?;
    // generous: twice the allowed ratio, plus start-up and generation
    let limit = t_small.max(FLOOR).mul_f64(MAX_RATIO * 2.0 * 2.0) + Duration::from_secs(3);
    let Some((big_len, t_big)) = time_in_child(name, n, 3, limit) else {
        let msg = format!(
            "{name}: superlinear: {small_len} B in {:.2} ms, {n} B not done after {:.1} s",
            t_small.as_secs_f64() * 1e3,
            limit.as_secs_f64()
        );
        println!("{msg}");
        return Err(msg);
    };
    let mut ratio = t_big.as_secs_f64() / t_small.max(FLOOR).as_secs_f64();
    let (mut t_small, mut t_big) = (t_small, t_big);
    if ratio >= MAX_RATIO {
        // the machine is shared: measure both sizes once more before failing
        if let (Some((_, s2)), Some((_, b2))) = (
            time_in_child(name, n / 4, 3, Duration::from_secs(120)),
            time_in_child(name, n, 3, limit),
        ) {
            // best of six at both sizes
            t_small = t_small.min(s2);
            t_big = t_big.min(b2);
            ratio = t_big.as_secs_f64() / t_small.max(FLOOR).as_secs_f64();
        }
    }
    let mbs = big_len as f64 / 1e6 / t_big.as_secs_f64();
    println!(
        "{name:<40} {small_len:>9} B {:>9.2} ms   {big_len:>9} B {:>9.2} ms   ratio {ratio:>5.2}   {mbs:>8.1} MB/s",
        t_small.as_secs_f64() * 1e3,
        t_big.as_secs_f64() * 1e3
    );
    if ratio < MAX_RATIO {
        Ok(())
    } else {
        Err(format!(
            "{name}: time grew {ratio:.1}× for 4× the input ({t_small:?} → {t_big:?})"
        ))
    }
}

/// Timed cases known to be superlinear, with where the cost is: their timings are
/// printed, not failed on, until that code is fixed.
/// (`one line of list items` was here: `records::take_duration_clause` searched the
/// rest of a description again after every lifetime it passed; bounded to 16 searches,
/// it still grew 10.8× for 4× the input on 2026-12-02 (each search folded the whole
/// 2 MB line into fresh buffers); now one search over one fold, 3.9×.)
const KNOWN_SUPERLINEAR: &[(&str, &str)] = &[];

/// One timing test at a time, even when the harness runs tests in parallel.
fn serial() -> std::sync::MutexGuard<'static, ()> {
    static SERIAL: Mutex<()> = Mutex::new(());
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// Check every timed case whose name `filter` accepts; fail listing the superlinear ones.
fn check_group(filter: fn(&str) -> bool) {
    let _one = serial();
    // `HOSTILE_ONLY=words` times only the cases whose name holds `words`
    let only = std::env::var("HOSTILE_ONLY").ok();
    let failures: Vec<String> = timed_cases()
        .into_iter()
        .filter(|c| filter(c.0))
        .filter(|c| only.as_deref().is_none_or(|w| c.0.contains(w)))
        .filter_map(|(name, _, n, _)| {
            let result = check_linear(name, n);
            match KNOWN_SUPERLINEAR.iter().find(|k| k.0 == name) {
                // reported, not failed: the fix belongs to the code named there
                Some((_, why)) => {
                    match result {
                        Err(e) => println!("known superlinear ({why}): {e}"),
                        Ok(()) => println!("{name}: linear now: take it off KNOWN_SUPERLINEAR"),
                    }
                    None
                }
                None => result.err(),
            }
        })
        .collect();
    assert!(
        failures.is_empty(),
        "superlinear cases:\n{}",
        failures.join("\n")
    );
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
    check_group(|name| POLICY_CASES.iter().any(|c| c.0 == name));
}

#[test]
#[ignore = "timing: run in release with --ignored"]
fn linear_time_shapes() {
    check_group(|name| SHAPE_CASES.iter().any(|c| c.0 == name));
}

#[test]
#[ignore = "timing: run in release with --ignored"]
fn linear_time_parse_policy_bytes() {
    check_group(|name| name.starts_with("bytes:"));
}

#[test]
#[ignore = "timing: run in release with --ignored"]
fn linear_time_value_grammars() {
    check_group(|name| {
        name.starts_with("normalize")
            || name.starts_with("split names")
            || name.starts_with("duration")
    });
}

/// Peak memory: every document generator at its timed size (4N), once, in a child
/// process. The issue's target is a peak resident set of at most 4× the input, the
/// input included: the run may add 3× the input (plus [`MEMORY_SLACK_KB`] for the
/// allocator). Cases over it today are listed in [`MEMORY_OVER`] with the bound they
/// are held to, so that they cannot grow unnoticed. Resident set sizes do not depend
/// on the machine's load; Linux only (elsewhere the test says so and passes).
#[test]
#[ignore = "memory: run in release with --ignored"]
fn peak_memory() {
    let _one = serial();
    let mut failures = Vec::new();
    // every document, and the value normaliser on values of megabytes
    let normalize = timed_cases()
        .into_iter()
        .filter(|c| c.0.starts_with("normalize"))
        .map(|c| (c.0, c.2));
    let cases = POLICY_CASES
        .iter()
        .chain(SHAPE_CASES)
        .chain(MEMORY_CASES)
        .map(|&(name, _, n)| (name, n))
        .chain(normalize);
    for (name, n) in cases {
        let r = run_in_child(name, n, 1, Duration::from_secs(300))
            .unwrap_or_else(|| panic!("{name}: {n} bytes took over 300 s"));
        let Some(growth_kb) = r.growth_kb else {
            println!("peak memory: not measurable here (/proc/self/clear_refs)");
            return;
        };
        let times = (r.bytes as f64 + growth_kb as f64 * 1024.0) / r.bytes as f64;
        let bound = MEMORY_OVER
            .iter()
            .find(|m| m.0 == name)
            .map_or(4.0, |m| m.1);
        let allowed_kb = ((bound - 1.0) * r.bytes as f64 / 1024.0) as u64 + MEMORY_SLACK_KB;
        println!(
            "{name:<40} {:>9} B   peak +{:>8.1} MB   {times:>6.1}× the input   (bound {bound}×)",
            r.bytes,
            growth_kb as f64 / 1024.0
        );
        if growth_kb > allowed_kb {
            failures.push(format!(
                "{name}: peak {times:.1}× the input, over its bound of {bound}×"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "over the memory bound:\n{}",
        failures.join("\n")
    );
}

/// Inputs of the size the issue measured memory on, for [`peak_memory`] only (one
/// run each, 60 MB: too slow for the timing groups).
const MEMORY_CASES: &[(&str, Gen, usize)] = &[
    (
        "60 MB table (header + 10^6 rows)",
        header_then_rows,
        60_000_000,
    ),
    ("60 MB of blank lines", blank_lines, 60_000_000),
];

/// Every name in [`MEMORY_OVER`] and [`KNOWN_SUPERLINEAR`] is a case.
#[test]
fn listed_cases_exist() {
    let names: Vec<&str> = timed_cases()
        .iter()
        .map(|c| c.0)
        .chain(MEMORY_CASES.iter().map(|c| c.0))
        .collect();
    for name in MEMORY_OVER
        .iter()
        .map(|m| m.0)
        .chain(KNOWN_SUPERLINEAR.iter().map(|k| k.0))
    {
        assert!(names.contains(&name), "no case named {name:?}");
    }
}

/// Allocator slack allowed over every memory bound, in kB.
const MEMORY_SLACK_KB: u64 = 8 << 10;

/// Every generator at a small size: no panic, and the invariants hold.
#[test]
fn quick_hostile_inputs_keep_the_invariants() {
    for &(name, gen, _) in POLICY_CASES.iter().chain(SHAPE_CASES) {
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
    let _one = serial();
    // one table row, then lines of tabs (cheap continuation rows) up to the limit
    let mut text = format!("{HEADER}_ga\tGoogle\tDistinguishes users\t2 years\n");
    let filler = format!("{}\n", "\t".repeat(4000));
    while text.len() + filler.len() < DEFAULT_MAX_BYTES - 1000 {
        text.push_str(&filler);
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

/// Cases whose peak memory is over 4× the input today, with the bound (× the input,
/// input included) they are held to: measured (in the comment, 2026-12-01; where a
/// case changed, measured 2026-12-02, with the earlier figure in brackets) + 25 %.
/// Three cases came under 4× and are held to 4× again: a 5 MB glued cell (50.0× →
/// 4.0×) and deep parentheses in cells (33.6× → 3.8×), since value repair's plain path,
/// and one line of pipe cells (7.7× → 2.5×). On 2026-12-03 (round 14) four more:
/// deep parentheses (10.0× → 2.0×) and one line of glued rows (10.4× → 3.6×), since the
/// duration fold maps back by pieces, not two offsets per byte; one line of
/// letters and digits and of space-aligned cells (about 2×, their bounds were stale).
/// The one-cell-line cases (3.8×, line table entries of 24 bytes) keep a margin.
/// What costs the memory: the line table (24 bytes a line), per-character records in
/// value repair (`fields::repair`), per-cell and per-row vectors and strings in the
/// layout readers, and in tables every `RawRecord` and then every `Cookie` (~320
/// bytes each, plus its strings) held at once, twice while duplicates are merged
/// (docs/performance.md, round 3). Lower a bound when a case gets better.
const MEMORY_OVER: &[(&str, f64)] = &[
    ("one 10 MB line", 7.0),                    // 5.5× (7.0×)
    ("continuation rows after a header", 13.0), // 10.2× (43.2× on 2026-12-01)
    ("Purpose: x repeated", 26.0),              // 19.9× (22.6×)
    ("key-value blocks repeated", 17.0),        // 12.5× (16.3×)
    ("1 MB header row", 15.0),                  // 11.6× (15.9×: a row held every empty cell)
    // 23.7× since round 24 (19.4×, 21.3× before): the text read as it shows is a
    // copy, with an offset-map edit for each no-break and zero-width space
    ("blank lines, mixed whitespace", 31.0),
    ("header + 10^5 rows, distinct names", 20.0), // 15.4× (17.9×, 29.1×)
    ("header + 10^5 rows, one name", 22.0),       // 17.0× (19.7×, 30.4×)
    ("prose naming cookies", 17.0),               // 13.0× (14.6×, 20.3×)
    // 14.3×: a record a paragraph since round 23 (a made-up name after `the cookie`
    // in a sentence saying who sets it is a name, past the misspelling budget too)
    ("prose naming cookies loosely", 19.0),
    ("stray lines between rows", 32.0), // 24.5× (25.9×, 29.1×, 44.5×)
    // round 33, the same shape: a record every 40 bytes, and a warning for each page
    // line dropped
    ("page numbers between rows", 32.0),   // 25.1×
    ("running titles between rows", 26.0), // 20.2×
    ("blocks of unlisted labels", 33.0),   // 25.6× (a record for every 60 bytes)
    // round 39: one cookie, its `extra` holding every label line of the block (each
    // a key and a value, read with its span)
    ("one block of new labels", 24.0),             // 18.1×
    ("one block of new tab labels", 12.0),         // 9.2×
    ("header words, one a line", 16.0),            // 12.3× (records read from the words)
    ("header words in paragraphs", 16.0),          // 11.9×
    ("one sentence naming cookies", 34.0),         // 26.3× (a record for every 40 bytes)
    ("one line of glued tables", 34.0),            // 26.4× (31.3×, 41.1×)
    ("one line of inline tables", 24.0),           // 18.1× (20.9×)
    ("one line of key: value", 8.0),               // 6.1× (8.4×)
    ("one line of tab cells", 6.0),                // 4.3× (9.2×)
    ("lines of colons", 8.5),                      // 6.5× (8.5×: a line table entry was 32 bytes)
    ("lines of open brackets", 9.5),               // 7.1× (9.1×)
    ("4x10^5 one-cell lines", 4.5),                // 3.8× (4.7×)
    ("header + 4x10^5 one-cell lines", 4.5),       // 3.8× (4.8×)
    ("10 MB header row", 14.5),                    // 11.1× (15.5×)
    ("4x10^5 Purpose: x", 26.0),                   // 19.9× (22.2×)
    ("4x10^5 key-value blocks (10^5 at N)", 15.5), // 11.7× (13.5×)
    ("one line of list items", 8.5),               // 6.3× (12.2×, 30.7×)
    // round 47 (measured when added): the line table and the readers' own per-token
    // work; the flattened card's reading stops at 16 keys and holds no more
    ("one line: a name's key, then keys", 9.5),    // 7.5×
    ("one line: a name's key, then colons", 11.5), // 9.3×
    ("60 MB table (header + 10^6 rows)", 19.0),    // 14.6× (16.8×, 28.2×)
    // round 48: a record every 84 bytes (each with its owned fields and spans), and
    // the wrapped table's rows held as line ranges until it is known to read further
    // than the fixed-width reading
    ("header one cell a line + wrapped rows", 14.0), // 11.9×
    // a repair every 66 bytes, each ~140 B with its two texts (43× before the value
    // was worked on in pieces, 2026-12-02)
    ("normalize: spaces and damage", 6.0), // 4.6×
    // 33.0×: with its zero-width characters read as nothing (round 24) the text is
    // a tab table of two-line rows, a record every 47 bytes (1.5× when they hid it)
    ("mixed scripts, zero-width", 43.0),
    // 7.7×: an offset-map edit (16 bytes) for every three bytes of text
    ("a no-break space every other byte", 10.0),
    // 15.2×: as the same rows with plain spaces (`header + 10^5 rows`, 15.4×)
    ("rows of no-break spaces and soft hyphens", 20.0),
];
