//! Writing the Bundle's JSON straight into one reused buffer, byte for byte as
//! serde_json writes the same values compactly (with `preserve_order`, keys in the
//! order they are written): a Bundle holds some 25 resources per check-in, and
//! building a `serde_json::Value` tree for each cost more than reading the log.
//!
//! Strings go through the JSON report's escaper ([`json_string`], which a test holds
//! to serde_json's escapes, as one here does), decimals through serde_json itself,
//! so escapes and number formats cannot drift from what the earlier Value-based
//! writer produced. Keys and the fixed parts of a resource are written as they
//! are: they are constants of this module's callers, plain ASCII with nothing to
//! escape.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash};

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::bank::IdHasher;

use crate::export::json::{json_contents, json_string, json_time};

/// A buffer of JSON being written.
#[derive(Default)]
pub struct Json {
    pub buf: Vec<u8>,
    /// For strings made of several parts (`ID/CODE`), reused so that joining them
    /// allocates nothing after the first check-in.
    scratch: String,
}

impl Json {
    /// A buffer that writes into `buf`, emptied: for parts remade for each
    /// check-in in the same memory.
    pub fn reusing(mut buf: Vec<u8>) -> Json {
        buf.clear();
        Json {
            buf,
            scratch: String::new(),
        }
    }

    /// JSON text as it is: punctuation, keys, constant parts, and parts written
    /// before (a [`Json`]'s bytes).
    pub fn raw(&mut self, text: impl AsRef<[u8]>) {
        self.buf.extend_from_slice(text.as_ref());
    }

    pub fn comma(&mut self) {
        self.buf.push(b',');
    }

    /// A string value, quoted and escaped as serde_json escapes it.
    pub fn str(&mut self, s: &str) {
        json_string(&mut self.buf, s);
    }

    /// A string value's contents, escaped as serde_json escapes them, without
    /// the quotes: for a value written in parts.
    pub fn contents(&mut self, s: &str) {
        json_contents(&mut self.buf, s);
    }

    /// A time as a string value, as [`crate::text::rfc3339`] writes it.
    pub fn time(&mut self, t: &DateTime<FixedOffset>) {
        json_time(&mut self.buf, t);
    }

    /// A constant string value: one of this module's callers' own, which needs no
    /// escape (the tests, built with debug assertions, check each one written).
    pub fn lit(&mut self, s: &'static str) {
        debug_assert!(
            !s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\'),
            "{s:?} needs an escape"
        );
        self.raw("\"");
        self.raw(s);
        self.raw("\"");
    }

    /// One string value made of `parts` joined.
    pub fn joined(&mut self, parts: &[&str]) {
        let mut s = std::mem::take(&mut self.scratch);
        s.clear();
        parts.iter().for_each(|p| s.push_str(p));
        self.str(&s);
        self.scratch = s;
    }

    /// An integer, as serde_json writes it.
    pub fn int(&mut self, n: impl Into<i64>) {
        // Digits as serde_json (itoa) writes them: a sign, then no leading zero.
        let n: i64 = n.into();
        if n < 0 {
            self.raw("-");
        }
        crate::text::push_uint(&mut self.buf, n.unsigned_abs());
    }

    pub fn bool(&mut self, b: bool) {
        self.raw(if b { "true" } else { "false" });
    }

    /// Any value through serde_json: decimals (ryu, `null` for NaN and infinity,
    /// as `json!` of a non-finite f64 gives), and fragments rendered once.
    pub fn value(&mut self, v: &(impl Serialize + ?Sized)) {
        // Writing to a Vec cannot fail, and nothing written here is a map with
        // non-string keys, the one thing serde_json refuses.
        let _ = serde_json::to_writer(&mut self.buf, v);
    }

    /// Where the buffer ends now, to [`Json::truncate`] back to when what follows
    /// turns out to be empty (a group with no item).
    pub fn mark(&self) -> usize {
        self.buf.len()
    }

    pub fn truncate(&mut self, mark: usize) {
        self.buf.truncate(mark);
    }

    /// Writes `open`, then each of `items` that `write` writes, comma-separated,
    /// then `close`; or nothing at all when `write` writes none (it returns false
    /// for an item that is not there, and what it wrote of it is dropped). Returns
    /// whether any was written: an optional list, such as a group's `item`.
    pub fn list<T>(
        &mut self,
        open: &str,
        close: &str,
        items: impl IntoIterator<Item = T>,
        mut write: impl FnMut(&mut Json, T) -> bool,
    ) -> bool {
        let start = self.mark();
        self.raw(open);
        let mut written = 0usize;
        for item in items {
            let before = self.mark();
            if written > 0 {
                self.raw(",");
            }
            if write(self, item) {
                written += 1;
            } else {
                self.truncate(before);
            }
        }
        if written == 0 {
            self.truncate(start);
        } else {
            self.raw(close);
        }
        written > 0
    }

    /// A stable `urn:uuid:` for the key made of `parts` joined, as a string value
    /// ([`stable_uuid`]).
    pub fn uuid<'s>(&mut self, parts: impl IntoIterator<Item = &'s str>) {
        self.hashed(Hashed::of(parts));
    }

    /// The `urn:uuid:` of a key hashed ([`Hashed`]), as a string value.
    pub fn hashed(&mut self, key: Hashed) {
        let mut text = *b"\"urn:uuid:00000000-0000-0000-0000-000000000000\"";
        uuid_digits(&mut text[1..46], key);
        self.raw(text);
    }

    /// The start of a Bundle entry that follows another, up to the end of its
    /// fullUrl, the `urn:uuid:` of `key` ([`Json::hashed`]).
    pub fn entry(&mut self, key: Hashed) {
        self.entry_from(ENTRY, key);
    }

    /// `start`, which begins with [`ENTRY`], with the digits of `key`'s UUID
    /// filled in: one copy for an entry's start and what follows it.
    pub fn entry_from(&mut self, start: &[u8], key: Hashed) {
        debug_assert!(start.starts_with(ENTRY));
        let at = self.buf.len();
        self.raw(start);
        if let Some(text) = self
            .buf
            .get_mut(at + UUID_IN_ENTRY.start..at + UUID_IN_ENTRY.end)
        {
            uuid_digits(text, key);
        }
    }

    /// A search query value for `ifNoneExist`, as a string value: `prefix` as it
    /// is, then `parts` joined and percent-encoded ([`query_value`]).
    pub fn query<'s>(&mut self, prefix: &str, parts: impl IntoIterator<Item = &'s str>) {
        self.raw("\"");
        self.raw(prefix);
        parts.into_iter().for_each(|p| self.query_part(p));
        self.raw("\"");
    }

    /// One part of a search query value, percent-encoded ([`query_value`]),
    /// without quotes: for a query written in parts.
    pub fn query_part(&mut self, part: &str) {
        query_into(&mut self.buf, part);
    }
}

const LOWER_HEX: &[u8; 16] = b"0123456789abcdef";
/// Each byte's two lowercase hex digits.
const HEX_PAIRS: [[u8; 2]; 256] = {
    let mut pairs = [[0u8; 2]; 256];
    let mut b = 0;
    while b < 256 {
        pairs[b] = [LOWER_HEX[b >> 4], LOWER_HEX[b & 0x0f]];
        b += 1;
    }
    pairs
};
const UPPER_HEX: &[u8; 16] = b"0123456789ABCDEF";

/// A stable `urn:uuid:` for a resource, so the same check-in gets the same fullUrl
/// in every export. Version 8 (custom) UUID from two FNV-1a hashes of `key`.
pub fn stable_uuid(key: &str) -> String {
    let mut out = Vec::with_capacity(45);
    uuid_into(&mut out, Hashed::of([key]));
    String::from_utf8(out).unwrap_or_default()
}

/// The two FNV-1a hashes a fullUrl is made from, over the parts of its key given
/// so far: the entries about one check-in share the start of their keys, which is
/// then hashed once.
#[derive(Debug, Clone, Copy)]
pub struct Hashed(u64, u64);

impl Hashed {
    /// `parts` joined, hashed.
    pub fn of<'s>(parts: impl IntoIterator<Item = &'s str>) -> Hashed {
        let start = Hashed(0xcbf2_9ce4_8422_2325, 0x6c62_272e_07bb_0142);
        parts.into_iter().fold(start, Hashed::add)
    }

    /// The key so far with `part` after it.
    pub fn add(self, part: &str) -> Hashed {
        const PRIME: u64 = 0x0000_0100_0000_01b3;
        let Hashed(mut h1, mut h2) = self;
        for &byte in part.as_bytes() {
            h1 = (h1 ^ u64::from(byte)).wrapping_mul(PRIME);
            h2 = (h2 ^ u64::from(byte)).wrapping_mul(PRIME);
        }
        Hashed(h1, h2)
    }
}

/// A string as a JSON value, for one written many times.
pub fn string(s: &str) -> String {
    let mut j = Json::default();
    j.str(s);
    String::from_utf8(j.buf).unwrap_or_default()
}

/// [`stable_uuid`] of `parts` joined, written into `out`.
fn uuid_into(out: &mut Vec<u8>, key: Hashed) {
    let mut text = *b"urn:uuid:00000000-0000-0000-0000-000000000000";
    uuid_digits(&mut text, key);
    out.extend_from_slice(&text);
}

/// Fills in the digits of `text`, a `urn:uuid:` with zeros for its digits (made
/// on the stack and copied once: a Bundle has a fullUrl or a reference for nearly
/// every resource), with those of `key`'s UUID.
fn uuid_digits(text: &mut [u8], key: Hashed) {
    let mut b = [0u8; 16];
    b[..8].copy_from_slice(&key.0.to_be_bytes());
    b[8..].copy_from_slice(&key.1.to_be_bytes());
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    // Where each byte's two digits go, past the hyphens: fixed, so the loop has
    // no test of its own.
    const AT: [usize; 16] = [
        9, 11, 13, 15, 18, 20, 23, 25, 28, 30, 33, 35, 37, 39, 41, 43,
    ];
    for (x, at) in b.iter().zip(AT) {
        text[at..at + 2].copy_from_slice(&HEX_PAIRS[usize::from(*x)]);
    }
}

/// What every entry after the first starts with, up to the end of its fullUrl,
/// with zeros for the digits of its UUID ([`Json::entry_from`] fills them in).
pub const ENTRY: &[u8; 60] = b",\n{\"fullUrl\":\"urn:uuid:00000000-0000-0000-0000-000000000000\"";

/// Where [`ENTRY`] has its `urn:uuid:` and the digits [`Json::entry_from`] fills in.
const UUID_IN_ENTRY: std::ops::Range<usize> = 14..59;

/// Fragments rendered once per key and kept, for a part of a resource that
/// depends only on a few small numbers or choices, which check-ins give again
/// and again (a section's counts, its answers): one copy instead of a copy per
/// part.
pub struct Kept<K = u64> {
    made: RefCell<HashMap<K, Vec<u8>, BuildHasherDefault<IdHasher>>>,
    /// How many bytes it may still keep: past them, what is not kept is
    /// rendered each time, so memory stays flat whatever the log.
    room: std::cell::Cell<usize>,
}

impl<K: Hash + Eq> Kept<K> {
    /// Keeps up to `room` bytes of fragments.
    pub fn new(room: usize) -> Kept<K> {
        Kept {
            made: RefCell::default(),
            room: std::cell::Cell::new(room),
        }
    }

    /// Writes what `render` writes for `key`: kept from the first time, or
    /// rendered each time without a key.
    pub fn write(&self, j: &mut Json, key: Option<K>, render: impl FnOnce(&mut Json)) {
        let Some(key) = key else {
            return render(j);
        };
        if let Some(made) = self.made.borrow().get(&key) {
            return j.raw(made);
        }
        let start = j.mark();
        render(j);
        let made = &j.buf[start..];
        if let Some(room) = self.room.get().checked_sub(made.len() + 64) {
            self.room.set(room);
            self.made.borrow_mut().insert(key, made.to_vec());
        }
    }
}

/// A fragment around a whole number, `BEFORE N AFTER` (`{"url":"graded",
/// "valueInteger":N}`), made once per export for the small numbers, which are
/// then written in one copy: a check-in's counts are nearly all small.
pub struct Numbered {
    before: String,
    after: &'static str,
    small: Vec<String>,
}

/// The numbers [`Numbered`] makes its fragment for: more than a section has
/// questions.
const SMALL: usize = 32;

impl Numbered {
    pub fn new(before: String, after: &'static str) -> Numbered {
        let small = (0..SMALL).map(|n| format!("{before}{n}{after}")).collect();
        Numbered {
            before,
            after,
            small,
        }
    }

    /// The fragment of `n`, as [`Json::int`] writes it.
    pub fn write(&self, j: &mut Json, n: i64) {
        match usize::try_from(n).ok().and_then(|i| self.small.get(i)) {
            Some(made) => j.raw(made),
            None => {
                j.raw(&self.before);
                j.int(n);
                j.raw(self.after);
            }
        }
    }
}

/// A value for a search query in `ifNoneExist`.
pub fn query_value(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len() + 8);
    query_into(&mut out, s);
    String::from_utf8(out).unwrap_or_default()
}

/// [`query_value`] of `s`, written into `out`. What it writes never needs a JSON
/// escape: letters, digits, `-._~:` and `%XX`.
fn query_into(out: &mut Vec<u8>, s: &str) {
    let plain = |b: u8| b.is_ascii_alphanumeric() || b"-._~:".contains(&b);
    let mut rest = s.as_bytes();
    while !rest.is_empty() {
        // Runs of plain bytes are copied whole.
        let n = rest.iter().position(|&b| !plain(b)).unwrap_or(rest.len());
        out.extend_from_slice(&rest[..n]);
        if let Some(&b) = rest.get(n) {
            out.push(b'%');
            out.push(UPPER_HEX[usize::from(b >> 4)]);
            out.push(UPPER_HEX[usize::from(b & 0x0f)]);
            rest = &rest[n + 1..];
        } else {
            rest = &[];
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_uuid_filled_in_an_entry_is_where_entry_has_it() {
        assert_eq!(
            &ENTRY[UUID_IN_ENTRY],
            b"urn:uuid:00000000-0000-0000-0000-000000000000"
        );
        assert_eq!(ENTRY[UUID_IN_ENTRY.end], b'"');
    }

    #[test]
    fn strings_and_numbers_are_written_as_serde_json_writes_them() {
        let mut j = Json::default();
        let texts = [
            "plain",
            "quote \" back \\ tab \t nl \n",
            "\u{1}\u{7f} é ☃ \u{2028}",
        ];
        for t in texts {
            j.str(t);
        }
        for d in [0.0, -0.0, 0.5, 1e21, 1e-7, 72.5, f64::NAN, f64::INFINITY] {
            j.value(&d);
        }
        j.int(-(1i64 << 40));
        let mut want = String::new();
        for t in texts {
            want.push_str(&json!(t).to_string());
        }
        for d in [0.0, -0.0, 0.5, 1e21, 1e-7, 72.5, f64::NAN, f64::INFINITY] {
            want.push_str(&json!(d).to_string());
        }
        want.push_str(&json!(-(1i64 << 40)).to_string());
        assert_eq!(String::from_utf8(j.buf).expect("utf-8"), want);
    }

    #[test]
    fn numbered_fragments_are_the_number_written_between_their_parts() {
        let n = Numbered::new("{\"url\":\"x\",\"valueInteger\":".into(), "}");
        for v in [0, 1, 9, 10, 31, 32, 1000, -1, i64::MIN, i64::MAX] {
            let mut got = Json::default();
            n.write(&mut got, v);
            let mut want = Json::default();
            want.raw("{\"url\":\"x\",\"valueInteger\":");
            want.int(v);
            want.raw("}");
            assert_eq!(got.buf, want.buf, "{v}");
        }
    }

    #[test]
    fn entries_start_with_the_uuid_of_their_key() {
        let key = ["flag ", "a/alerts/1"];
        let mut got = Json::default();
        got.entry(Hashed::of(key));
        let want = format!(",\n{{\"fullUrl\":\"{}\"", stable_uuid("flag a/alerts/1"));
        assert_eq!(String::from_utf8(got.buf).expect("utf-8"), want);
    }

    #[test]
    fn joined_parts_give_the_uuid_and_query_of_the_whole_key() {
        let mut j = Json::default();
        j.uuid(["observation ", "20250101-000000-abc", "/", "drowsiness"]);
        j.query("identifier=", ["urn:x|", "a/b c"]);
        j.joined(&["a\"", "/", "b"]);
        let want = format!(
            "\"{}\"\"identifier={}\"{}",
            stable_uuid("observation 20250101-000000-abc/drowsiness"),
            query_value("urn:x|a/b c"),
            json!("a\"/b")
        );
        assert_eq!(String::from_utf8(j.buf).expect("utf-8"), want);
    }
}
