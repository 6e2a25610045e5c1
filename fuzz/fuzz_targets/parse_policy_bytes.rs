//! `parse_policy_bytes` on arbitrary bytes: binary refused, or spans inside the text it returns,
//! deterministic, serde round trip, same result as `parse_policy` on valid UTF-8,
//! that text the bytes decoded by the reported encoding and nothing else, repair off or on.
#![no_main]

use cookie_charter_fuzz::invariants::{check_parse_policy_bytes, must};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    must(check_parse_policy_bytes(data));
});
