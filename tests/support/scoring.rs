//! The evaluation script's (`score.py`) comparison of words, shared by the tests that
//! judge output as it does (`#[path]`-included: not a test target of its own).

use std::collections::HashMap;

/// Words of a text as the evaluation script counts them (NFKC is close enough to
/// NFC for the corpus; lower case; runs of letters, digits and `_`).
pub fn tokens(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether a purpose read passes as the evaluation script judges it: at least 80 %
/// of the expected words found, and at least half of the words read expected (an
/// empty expectation passes).
pub fn purpose_ok(gold: &str, pred: &str) -> bool {
    let g = tokens(gold);
    let p = tokens(pred);
    if g.is_empty() {
        return true;
    }
    if p.is_empty() {
        return false;
    }
    let mut counts: HashMap<&str, i32> = HashMap::new();
    for w in &p {
        *counts.entry(w).or_default() += 1;
    }
    let mut common = 0;
    for w in &g {
        if let Some(c) = counts.get_mut(w.as_str()) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    common as f64 / g.len() as f64 >= 0.8 && common as f64 / p.len() as f64 >= 0.5
}
