//! `parse_policy` on arbitrary text (invalid UTF-8 read lossily): spans inside the
//! text on char boundaries, cookies in input order, names found in the input,
//! deterministic, serde round trip, `parse_policy_with` limits. See `fuzz/src/invariants.rs`.
#![no_main]

use cookie_charter_fuzz::invariants::{check_parse_policy, must};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = cookie_charter_fuzz::text_of(data);
    must(check_parse_policy(&text));
});
