//! The strict fast path of [`super::read_line`]: a hand reader for exactly the
//! lines [`CheckIn::to_line`] and [`BaselineMark::to_line`] write (serde_json's
//! compact output: keys in declaration order, optional keys absent when empty, no
//! spaces), several times faster than serde building the record.
//!
//! It only ever says "this is the record serde_json would read" or "not mine"
//! (`None`), never why a line is bad: any line it is not sure of (another key
//! order, a space, a repeated or unknown key, `null` for an absent value, a float,
//! `-0`, a number past `u64`, a surrogate escape, a newer `schema`) goes to the
//! serde path, which gives every result and every message as it always did. So it
//! can only ever be faster, never different; `tests/fast_path.rs`, a proptest
//! property and the `read_line` fuzz target check that on written and mutated
//! lines.

use chrono::{DateTime, FixedOffset};
use compact_str::CompactString;
use serde_json::{Number, Value};

use super::{
    AlertRecord, AnswerRecord, BankRef, BaselineMark, CheckIn, Filled, Line, LineError,
    MARK_VERSION, MarkKind, RECORD_VERSION, Respondent, SectionScore, Status,
};
use crate::bank::Level;
use crate::profile::Profile;
use crate::text::{bytes_below, bytes_equal, word_of};

/// A line as the writers write it, read; `None` ("not mine") when it is not
/// exactly that. Public for the tests and the fuzz target that hold it to
/// [`super::read_line_serde`].
pub fn read_line_fast(text: &str) -> Option<Line> {
    let mut r = Box::new(CheckIn::blank());
    Some(match fill_line_fast(text, &mut r)? {
        Filled::CheckIn => Line::CheckIn(r),
        Filled::Mark(m) => Line::Mark(m),
    })
}

/// [`read_line_fast`] into a record that may hold an earlier line: every field is
/// set again, in the buffers it had. When it says "not mine" (`None`), the record
/// is left part filled, for the serde path to set whole.
pub fn fill_line_fast(text: &str, r: &mut CheckIn) -> Option<Filled> {
    fill_line_written(text, r).map(|(filled, _)| filled)
}

/// [`fill_line_fast`], and whether the line is a check-in written exactly as
/// [`CheckIn::to_line`] writes the record read (without its line end): then a
/// writer of the record can copy the line instead. It is not when a string has an
/// escape the writers do not write ([`crate::text::json_escaped`]: `\u00e9` is
/// written `é`, `\/` is written `/`), a time is in another form than
/// [`crate::text::rfc3339`]'s, an empty list is written that `to_line` leaves out,
/// or the profile's ids are not in the order (and once each) that its map keeps.
pub fn fill_line_written(text: &str, r: &mut CheckIn) -> Option<(Filled, bool)> {
    let mut cur = Cur::new(text);
    let filled = cur.line(r)?;
    let written = cur.written && matches!(filled, Filled::CheckIn);
    Some((filled, written))
}

/// What the first pass over the log ([`crate::checkins::Rule::read`]) needs of a
/// line read whole: a check-in's id, status and what it completes, or a baseline
/// mark. A bad line is never skimmed.
#[derive(Debug, Clone, PartialEq)]
pub enum Skim {
    CheckIn {
        id: String,
        status: Status,
        completes: Option<String>,
    },
    Mark(BaselineMark),
}

impl Skim {
    fn of(line: Line) -> Skim {
        match line {
            Line::CheckIn(r) => Skim::CheckIn {
                id: r.id,
                status: r.status,
                completes: r.completes,
            },
            Line::Mark(m) => Skim::Mark(m),
        }
    }
}

/// [`super::read_line`], keeping only what [`Skim`] holds. The first pass reads
/// whole only the few lines it cannot skim from their first keys
/// ([`crate::store::Store::skim`]), so it reads them as every pass does.
pub fn skim_line(text: &str) -> Result<Skim, LineError> {
    super::read_line(text).map(Skim::of)
}

/// A place in a line being read. Every reader returns `None` for "not mine".
struct Cur<'a> {
    b: &'a [u8],
    text: &'a str,
    at: usize,
    /// Whether all read so far is as `to_line` writes it (see [`fill_line_written`]).
    written: bool,
}

impl<'a> Cur<'a> {
    fn new(text: &'a str) -> Cur<'a> {
        Cur {
            b: text.as_bytes(),
            text,
            at: 0,
            written: true,
        }
    }

    /// Passes over `lit` if the line goes on with it. The length is known when
    /// compiling, so the comparison is a few loads, not a call.
    fn eat<const N: usize>(&mut self, lit: &[u8; N]) -> bool {
        let found = self.b[self.at..].first_chunk::<N>() == Some(lit);
        if found {
            self.at += N;
        }
        found
    }

    fn lit<const N: usize>(&mut self, lit: &[u8; N]) -> Option<()> {
        self.eat(lit).then_some(())
    }

    fn line(&mut self, r: &mut CheckIn) -> Option<Filled> {
        self.lit(br#"{"schema":"#)?;
        let schema = u32::try_from(self.uint()?).ok()?;
        let filled = if self.eat(br#","id":"#) {
            // A newer check-in is the serde path's to name.
            if schema > RECORD_VERSION {
                return None;
            }
            self.check_in(schema, r)?;
            Filled::CheckIn
        } else {
            if schema > MARK_VERSION {
                return None;
            }
            Filled::Mark(self.mark(schema)?)
        };
        (self.at == self.b.len()).then_some(filled)
    }

    fn mark(&mut self, schema: u32) -> Option<BaselineMark> {
        self.lit(br#","kind":"baseline","check_in":"#)?;
        let mut check_in = String::new();
        self.string_into(&mut check_in)?;
        self.lit(br#","marked_at":"#)?;
        let marked_at = self.time()?;
        self.lit(b"}")?;
        Some(BaselineMark {
            schema,
            kind: MarkKind::Baseline,
            check_in,
            marked_at,
        })
    }

    /// A check-in after its `"id":`, into `r`.
    fn check_in(&mut self, schema: u32, r: &mut CheckIn) -> Option<()> {
        r.schema = schema;
        self.string_into(&mut r.id)?;
        self.lit(br#","status":"#)?;
        r.status = match self.plain()? {
            "completed" => Status::Completed,
            "stopped" => Status::Stopped,
            _ => return None,
        };
        self.lit(br#","started_at":"#)?;
        r.started_at = self.time()?;
        self.lit(br#","ended_at":"#)?;
        r.ended_at = self.time()?;
        self.lit(br#","bank":{"id":"#)?;
        self.bank(&mut r.bank)?;
        self.lit(br#","region":"#)?;
        self.string_into(&mut r.region)?;
        self.lit(br#","answers":"#)?;
        self.list(&mut r.answers, AnswerRecord::blank, Cur::answer)?;
        self.lit(br#","alerts":"#)?;
        self.list(&mut r.alerts, AlertRecord::blank, Cur::alert)?;
        self.optional(r)?;
        self.lit(b"}")
    }

    /// The keys a check-in has only when they are set, in the order written.
    fn optional(&mut self, r: &mut CheckIn) -> Option<()> {
        r.retracted_alerts.clear();
        // An empty list is read, but `to_line` leaves it out.
        if self.eat(br#","retracted_alerts":"#) {
            self.list(&mut r.retracted_alerts, AlertRecord::blank, Cur::alert)?;
            self.written &= !r.retracted_alerts.is_empty();
        }
        r.scores.clear();
        if self.eat(br#","scores":"#) {
            self.list(&mut r.scores, SectionScore::blank, Cur::score)?;
            self.written &= !r.scores.is_empty();
        }
        r.asked = None;
        if self.eat(br#","asked":"#) {
            r.asked = Some(u32::try_from(self.uint()?).ok()?);
        }
        r.completes = None;
        if self.eat(br#","completes":"#) {
            self.string_into(r.completes.get_or_insert_default())?;
        }
        r.profile = None;
        if self.eat(br#","profile":"#) {
            r.profile = Some(self.profile()?);
        }
        // Written only for a caregiver; `"self"` by hand is the serde path's. The
        // record is reused line to line, so a caregiver's mark must not carry over.
        r.respondent = Respondent::Myself;
        if self.eat(br#","respondent":"caregiver""#) {
            r.respondent = Respondent::Caregiver;
        }
        Some(())
    }

    /// A bank reference after its `{"id":`, into `bank`.
    fn bank(&mut self, bank: &mut BankRef) -> Option<()> {
        self.string_into(&mut bank.id)?;
        self.lit(br#","version":"#)?;
        self.string_into(&mut bank.version)?;
        self.lit(br#","language":"#)?;
        self.string_into(&mut bank.language)?;
        self.lit(b"}")
    }

    fn answer(&mut self, a: &mut AnswerRecord) -> Option<()> {
        self.lit(br#"{"question":"#)?;
        self.string_into(&mut a.question)?;
        self.lit(br#","section":"#)?;
        self.string_into(&mut a.section)?;
        self.lit(br#","value":"#)?;
        self.value(&mut a.value)?;
        match self.eat(br#","label":"#) {
            true => self.string_into(a.label.get_or_insert_default())?,
            false => a.label = None,
        }
        a.score = match self.eat(br#","score":"#) {
            true => Some(u8::try_from(self.uint()?).ok()?),
            false => None,
        };
        self.lit(b"}")
    }

    fn alert(&mut self, a: &mut AlertRecord) -> Option<()> {
        self.lit(br#"{"id":"#)?;
        self.string_into(&mut a.id)?;
        self.lit(br#","question":"#)?;
        self.string_into(&mut a.question)?;
        self.lit(br#","level":"#)?;
        a.level = match self.plain()? {
            "advice" => Level::Advice,
            "prescriber" => Level::Prescriber,
            "crisis" => Level::Crisis,
            "emergency" => Level::Emergency,
            _ => return None,
        };
        self.lit(br#","title":"#)?;
        self.string_into(&mut a.title)?;
        a.shown_at = match self.eat(br#","shown_at":"#) {
            true => Some(self.time()?),
            false => None,
        };
        a.retracted_at = match self.eat(br#","retracted_at":"#) {
            true => Some(self.time()?),
            false => None,
        };
        self.lit(b"}")
    }

    fn score(&mut self, s: &mut SectionScore) -> Option<()> {
        self.lit(br#"{"section":"#)?;
        self.string_into(&mut s.section)?;
        s.score = self.u32_after(br#","score":"#)?;
        s.max = self.u32_after(br#","max":"#)?;
        s.answered = self.u32_after(br#","answered":"#)?;
        self.lit(b"}")
    }

    /// `key` and the `u32` after it.
    fn u32_after<const N: usize>(&mut self, key: &[u8; N]) -> Option<u32> {
        self.lit(key)?;
        u32::try_from(self.uint()?).ok()
    }

    /// The "about you" answers: `{"ID":true,...}`. A repeated id keeps its last
    /// answer, as serde's map does.
    fn profile(&mut self) -> Option<Profile> {
        let mut profile = Profile::default();
        self.lit(b"{")?;
        if self.eat(b"}") {
            return Some(profile);
        }
        loop {
            let mut id = String::new();
            self.string_into(&mut id)?;
            // The map writes its ids in order, each once.
            self.written &= profile
                .0
                .last_key_value()
                .is_none_or(|(last, _)| *last < id);
            self.lit(b":")?;
            let value = if self.eat(b"true") {
                true
            } else if self.eat(b"false") {
                false
            } else {
                return None;
            };
            profile.0.insert(id, value);
            if self.eat(b"}") {
                return Some(profile);
            }
            self.lit(b",")?;
        }
    }

    /// `[]` or `[item,...]` into `items`, refilling the items it holds (`blank`
    /// makes one more when it holds too few).
    fn list<T>(
        &mut self,
        items: &mut Vec<T>,
        blank: fn() -> T,
        mut item: impl FnMut(&mut Self, &mut T) -> Option<()>,
    ) -> Option<()> {
        self.lit(b"[")?;
        let mut n = 0;
        if !self.eat(b"]") {
            loop {
                if n == items.len() {
                    items.push(blank());
                }
                item(self, &mut items[n])?;
                n += 1;
                if self.eat(b"]") {
                    break;
                }
                self.lit(b",")?;
            }
        }
        items.truncate(n);
        Some(())
    }

    /// An answer's value into `value`: `true`, `false`, `null`, a string, or an
    /// integer that serde_json reads as one (floats, `-0` and integers past 64
    /// bits are the serde path's: it reads them as floats, by its own rounding).
    fn value(&mut self, value: &mut Value) -> Option<()> {
        *value = match self.b.get(self.at)? {
            b't' => self.eat(b"true").then_some(Value::Bool(true))?,
            b'f' => self.eat(b"false").then_some(Value::Bool(false))?,
            b'n' => self.eat(b"null").then_some(Value::Null)?,
            b'"' => {
                if let Value::String(s) = value {
                    return self.string_into(s);
                }
                let mut s = String::new();
                self.string_into(&mut s)?;
                Value::String(s)
            }
            b'-' => {
                self.at += 1;
                let n = i64::try_from(self.uint()?).ok().filter(|n| *n != 0)?;
                Value::Number(Number::from(-n))
            }
            _ => Value::Number(Number::from(self.uint()?)),
        };
        Some(())
    }

    /// A JSON integer without sign, fraction or exponent (what follows it is
    /// checked by the caller, so `1.5` or `1e2` is not mine there).
    fn uint(&mut self) -> Option<u64> {
        let start = self.at;
        let mut n: u64 = 0;
        while let Some(d) = self.b.get(self.at).filter(|d| d.is_ascii_digit()) {
            n = n.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
            self.at += 1;
        }
        let digits = self.at - start;
        // JSON has no leading zeros.
        (digits == 1 || digits > 1 && self.b[start] != b'0').then_some(n)
    }

    /// A time, read by the rule [`crate::text::rfc3339_field`] reads it by.
    fn time(&mut self) -> Option<DateTime<FixedOffset>> {
        let text = self.plain()?;
        let time = DateTime::parse_from_rfc3339(text).ok()?;
        self.written &= in_written_form(text.as_bytes());
        Some(time)
    }

    /// A string without escapes, as it stands in the line.
    fn plain(&mut self) -> Option<&'a str> {
        match self.raw()? {
            (raw, false) => Some(raw),
            (_, true) => None,
        }
    }

    /// A string into `into` (a `String` or the record's `CompactString`), in the
    /// buffer it has.
    fn string_into(&mut self, into: &mut impl Text) -> Option<()> {
        let (raw, escaped) = self.raw()?;
        match escaped {
            false => into.set(raw),
            true => {
                into.clear();
                unescape(raw, into)?;
            }
        }
        Some(())
    }

    /// A string's text between its quotes as it stands, and whether it has escapes.
    /// Not mine: a control character (serde_json refuses it), an escape serde_json
    /// does not take, or a surrogate (`\uD800`-`\uDFFF`), which is left to serde
    /// to pair or refuse.
    fn raw(&mut self) -> Option<(&'a str, bool)> {
        self.lit(b"\"")?;
        let start = self.at;
        let mut escaped = false;
        loop {
            // Most of a line is plain string text: pass over it in one go.
            let plain = first_stop(&self.b[self.at..])?;
            self.at += plain;
            match self.b[self.at] {
                b'"' => break,
                b'\\' => {
                    escaped = true;
                    let escape = &self.b[self.at..];
                    let (c, len) = decode_escape(escape)?;
                    // As written only if the writers escape `c` (an ASCII byte) so.
                    let ascii = u8::try_from(u32::from(c)).ok();
                    self.written &= ascii
                        .and_then(crate::text::json_escaped)
                        .is_some_and(|(with, n)| escape[..len] == with[..n]);
                    self.at += len;
                }
                _ => return None,
            }
        }
        // Both ends are ASCII, so on character boundaries.
        let raw = self.text.get(start..self.at)?;
        self.at += 1;
        Some((raw, escaped))
    }
}

/// The bytes that end a run of plain string text: the closing quote, an escape, and
/// the control characters, which serde_json refuses in a string.
static STOPS: [bool; 256] = {
    let mut stops = [false; 256];
    let mut c = 0;
    while c < 0x20 {
        stops[c] = true;
        c += 1;
    }
    stops[b'"' as usize] = true;
    stops[b'\\' as usize] = true;
    stops
};

/// How far [`first_stop`] looks eight bytes at a time before it takes a string for
/// a long one (a note) and looks with `memchr`, many bytes at a time.
const SHORT: usize = 32;

/// Where the first of [`STOPS`] in `b` is: in the first [`SHORT`] bytes, where most
/// strings of a line end, eight bytes at a time; after them, by `memchr` for the
/// quote or the escape, and a count of the control characters before it, which
/// both go many bytes at a time. The stops are exactly the bytes a JSON writer
/// escapes ([`crate::text::json_escaped`]), so the JSON writers find them by it too.
pub(crate) fn first_stop(b: &[u8]) -> Option<usize> {
    let head = b.len().min(SHORT);
    if let Some(i) = first_stop_in_words(&b[..head]) {
        return Some(i);
    }
    let rest = &b[head..];
    let end = memchr::memchr2(b'"', b'\\', rest).unwrap_or(rest.len());
    let before = &rest[..end];
    let at = match has_control(before) {
        false => end,
        true => before.iter().position(|c| *c < 0x20)?,
    };
    (at < rest.len()).then_some(head + at)
}

/// Whether `b` has a control character, looked for eight bytes at a time without
/// stopping at the first (the test flags a byte's top bit when some byte of the
/// word is below 0x20, as in [`first_stop_in_words`]).
fn has_control(b: &[u8]) -> bool {
    let mut chunks = b.chunks_exact(8);
    let mut flags = 0;
    for chunk in &mut chunks {
        flags |= below_space(word_of(chunk));
    }
    flags != 0 || chunks.remainder().iter().any(|c| *c < 0x20)
}

/// Flags the bytes of `v` below 0x20, if it has any ([`bytes_below`]).
fn below_space(v: u64) -> u64 {
    bytes_below(v, 0x20)
}

/// [`first_stop`] eight bytes at a time: each test below flags a byte's top bit,
/// and the lowest byte flagged is exact (a borrow only ever flags bytes above a
/// real find).
fn first_stop_in_words(b: &[u8]) -> Option<usize> {
    let mut chunks = b.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let v = word_of(chunk);
        let found = bytes_equal(v, b'"') | bytes_equal(v, b'\\') | below_space(v);
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let rest = chunks
        .remainder()
        .iter()
        .position(|c| STOPS[usize::from(*c)]);
    rest.map(|i| at + i)
}

/// Whether a time that reads as RFC 3339 (`DateTime::parse_from_rfc3339`) is in
/// the one form [`crate::text::rfc3339`] writes it back in,
/// `2015-01-05T03:23:28.571+01:00`: `T`, seconds below 60 (`:60` is a leap
/// second), three digits of fraction and an offset of hours and minutes below 60,
/// never `Z` nor `-00:00` (both read as `+00:00`). Each field then reads as its
/// digits and is written back as them. Only the places that tell the forms apart
/// are looked at: what reads as RFC 3339 has a 4-digit year and 2-digit fields up
/// to the seconds, then the fraction up to the offset's sign, and `+HH:MM` after
/// it.
fn in_written_form(t: &[u8]) -> bool {
    t.len() == 29
        && t[10] == b'T'
        && t[19] == b'.'
        && (t[23] == b'+' || t[23] == b'-')
        && t[26] == b':'
        && t[17] < b'6'
        && t[27] < b'6'
        && &t[23..] != b"-00:00"
}

/// Four hex digits as a number.
fn hex4(digits: &[u8]) -> Option<u32> {
    let mut n = 0;
    for d in digits {
        n = n * 16 + char::from(*d).to_digit(16)?;
    }
    Some(n)
}

/// What a string is read into, refilled in place: `String` or `CompactString`.
trait Text {
    fn clear(&mut self);
    fn push_str(&mut self, s: &str);
    fn push(&mut self, c: char);
    /// Makes the text `s`.
    fn set(&mut self, s: &str) {
        self.clear();
        self.push_str(s);
    }
}

impl Text for String {
    fn clear(&mut self) {
        String::clear(self);
    }
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s);
    }
    fn push(&mut self, c: char) {
        String::push(self, c);
    }
}

impl Text for CompactString {
    fn clear(&mut self) {
        CompactString::clear(self);
    }
    fn push_str(&mut self, s: &str) {
        CompactString::push_str(self, s);
    }
    fn push(&mut self, c: char) {
        CompactString::push(self, c);
    }
    fn set(&mut self, s: &str) {
        // A short text is made inline in one step, which costs less than
        // clearing and growing the one there (most texts of a line are short).
        if s.len() <= std::mem::size_of::<CompactString>() {
            *self = CompactString::new(s);
        } else {
            self.clear();
            self.push_str(s);
        }
    }
}

/// The escape at the start of `b` (at its backslash): the character it stands for
/// and its length. Not one: an escape serde_json does not take, or a surrogate
/// (`\uD800`-`\uDFFF`), which is left to serde to pair or refuse.
fn decode_escape(b: &[u8]) -> Option<(char, usize)> {
    Some(match b.get(1)? {
        b'"' => ('"', 2),
        b'\\' => ('\\', 2),
        b'/' => ('/', 2),
        b'b' => ('\u{8}', 2),
        b'f' => ('\u{c}', 2),
        b'n' => ('\n', 2),
        b'r' => ('\r', 2),
        b't' => ('\t', 2),
        b'u' => (char::from_u32(hex4(b.get(2..6)?)?)?, 6),
        _ => return None,
    })
}

/// A string's text with its escapes decoded, as [`Cur::raw`] checked them, into
/// `out`.
fn unescape(raw: &str, out: &mut impl Text) -> Option<()> {
    let mut rest = raw;
    while let Some(i) = memchr::memchr(b'\\', rest.as_bytes()) {
        out.push_str(&rest[..i]);
        let (c, len) = decode_escape(&rest.as_bytes()[i..])?;
        out.push(c);
        rest = &rest[i + len..];
    }
    out.push_str(rest);
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first stop, one byte at a time: what [`first_stop`] must find.
    #[test]
    fn the_stops_are_the_bytes_json_writers_escape() {
        for b in 0..=255u8 {
            assert_eq!(
                STOPS[usize::from(b)],
                crate::text::json_escaped(b).is_some(),
                "byte {b:#04x}"
            );
        }
    }

    fn first_stop_slowly(b: &[u8]) -> Option<usize> {
        b.iter().position(|c| STOPS[usize::from(*c)])
    }

    #[test]
    fn the_first_stop_is_found_eight_bytes_at_a_time_as_one_at_a_time() {
        // Every byte at every place of the first words, of the rest after them
        // and of a long string's run, after bytes that borrow or flag on their
        // own (0x80, 0xa0, 0xff, 0x20, 0x21).
        for fill in [b'a', 0x80, 0xa0, 0xff, 0x20, 0x21, 0x7f] {
            for len in (0..SHORT + 12).chain([SHORT + 100]) {
                for at in 0..len {
                    for c in 0..=255u8 {
                        let mut b = vec![fill; len];
                        b[at] = c;
                        assert_eq!(
                            first_stop(&b),
                            first_stop_slowly(&b),
                            "{c:#x} at {at} of {len} in {fill:#x}"
                        );
                        // A second stop after the first changes nothing.
                        if at + 1 < len {
                            b[at + 1] = b'"';
                            assert_eq!(first_stop(&b), first_stop_slowly(&b));
                        }
                    }
                }
            }
        }
    }
}
