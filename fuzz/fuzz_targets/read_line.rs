//! The log's strict fast path over any text: `record::read_line` reads what
//! serde_json reads, or leaves the line to serde (`tests/agree.rs`).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/agree.rs"]
mod agree;

fuzz_target!(|data: &[u8]| {
    // The store hands `read_line` only UTF-8 text without its line end.
    if let Ok(text) = std::str::from_utf8(data) {
        agree::read_line_agrees(text.trim_end_matches(['\n', '\r']));
    }
});
