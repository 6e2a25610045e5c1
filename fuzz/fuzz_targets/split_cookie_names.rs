//! `split_cookie_names` on arbitrary text: names non-empty, trimmed, occurring in
//! the cell (skeleton form), deterministic.
#![no_main]

use cookie_charter_fuzz::invariants::{check_split_names, must};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = cookie_charter_fuzz::text_of(data);
    must(check_split_names(&text));
});
