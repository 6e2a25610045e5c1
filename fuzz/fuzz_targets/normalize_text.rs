//! `normalize_text` on arbitrary text, repair off and on: output folded and NFC,
//! repair spans inside the input on char boundaries, deterministic, and
//! normalising twice equals normalising once (both with repair off and on).
#![no_main]

use cookie_charter_fuzz::invariants::{check_normalize, check_normalize_idempotent_repair, must};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = cookie_charter_fuzz::text_of(data);
    must(check_normalize(&text, false));
    must(check_normalize(&text, true));
    must(check_normalize_idempotent_repair(&text));
});
