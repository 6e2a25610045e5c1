//! `parse_duration` on arbitrary text: the documented contracts of `Duration`
//! (range ⇒ iso8601 is its upper bound, `until` is YYYY-MM-DD, seconds agree with
//! iso8601 at month = 30 d, year = 365 d), deterministic, serde round trip.
#![no_main]

use cookie_charter_fuzz::invariants::{check_parse_duration, must};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = cookie_charter_fuzz::text_of(data);
    must(check_parse_duration(&text));
});
