//! The bank parser and validator, then a walk through any bank that loads, with the
//! input's own bytes picking the answers.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/exercise.rs"]
mod exercise;

fuzz_target!(|data: &[u8]| {
    exercise::bank_bytes(data, data);
});
