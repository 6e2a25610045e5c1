//! Regression tests from fuzzing. Every crash input is kept under
//! `fuzz/regressions/<target>/` and replayed here through the same invariants as
//! the fuzz target (`fuzz/src/invariants.rs`); a named test below, with a comment
//! on the root cause, covers each crash once it is fixed.

#[path = "../fuzz/src/invariants.rs"]
mod invariants;

use invariants::*;

/// Replay every committed input of one fuzz target through `check`.
fn replay(target: &str, check: fn(&[u8]) -> Check) {
    let dir = format!("{}/fuzz/regressions/{target}", env!("CARGO_MANIFEST_DIR"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut failures = Vec::new();
    for e in entries {
        let path = e.unwrap().path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        let data = std::fs::read(&path).unwrap();
        if let Err(msg) = check(&data) {
            failures.push(format!("{}: {msg}", path.display()));
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
