//! The log reader over any bytes.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/exercise.rs"]
mod exercise;

fuzz_target!(|data: &[u8]| {
    exercise::log_bytes(data);
});
