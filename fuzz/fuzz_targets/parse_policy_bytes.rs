//! `parse_policy_bytes` on arbitrary bytes: spans inside the decoded text,
//! deterministic, serde round trip, same result as `parse_policy` on valid UTF-8,
//! and the text invariants against the text rebuilt from the reported encoding.
#![no_main]

use cookie_charter_fuzz::invariants::{check_parse_policy_bytes, must};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    must(check_parse_policy_bytes(data));
});
