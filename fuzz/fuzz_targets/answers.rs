//! The answers-file parser, then the scripted flow over the built-in bank.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/exercise.rs"]
mod exercise;

fuzz_target!(|data: &[u8]| {
    exercise::answers_bytes(data);
});
