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
use serde_json::{Number, Value};

use super::{
    AlertRecord, AnswerRecord, BankRef, BaselineMark, CheckIn, Line, LineError, MARK_VERSION,
    MarkKind, RECORD_VERSION, Respondent, SectionScore, Status, read_line_serde,
};
use crate::bank::Level;
use crate::profile::Profile;

/// A line as the writers write it, read; `None` ("not mine") when it is not
/// exactly that. Public for the tests and the fuzz target that hold it to
/// [`super::read_line_serde`].
pub fn read_line_fast(text: &str) -> Option<Line> {
    Cur::new(text, true).line()
}

/// What the first pass over the log ([`crate::checkins::Rule::read`]) needs of a
/// line: a check-in's id, status and what it completes, or a baseline mark. A line
/// is skimmed only if it reads whole as it would for [`super::read_line`]: a bad
/// line is never skimmed.
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

/// [`super::read_line`], keeping only what [`Skim`] holds: the same check of the
/// whole line, without building the parts that are not kept.
pub fn skim_line(text: &str) -> Result<Skim, LineError> {
    match Cur::new(text, false).line() {
        Some(line) => Ok(Skim::of(line)),
        None => read_line_serde(text).map(Skim::of),
    }
}

/// A place in a line being read. Every reader returns `None` for "not mine".
struct Cur<'a> {
    b: &'a [u8],
    text: &'a str,
    at: usize,
    /// Build everything (`true`), or only what [`Skim`] keeps: other strings are
    /// left empty and lists and maps unfilled, though every byte is still checked.
    keep: bool,
}

impl<'a> Cur<'a> {
    fn new(text: &'a str, keep: bool) -> Cur<'a> {
        Cur {
            b: text.as_bytes(),
            text,
            at: 0,
            keep,
        }
    }

    /// Passes over `lit` if the line goes on with it.
    fn eat(&mut self, lit: &[u8]) -> bool {
        let found = self.b[self.at..].starts_with(lit);
        if found {
            self.at += lit.len();
        }
        found
    }

    fn lit(&mut self, lit: &[u8]) -> Option<()> {
        self.eat(lit).then_some(())
    }

    fn line(mut self) -> Option<Line> {
        self.lit(br#"{"schema":"#)?;
        let schema = u32::try_from(self.uint()?).ok()?;
        let line = if self.eat(br#","id":"#) {
            // A newer check-in is the serde path's to name.
            if schema > RECORD_VERSION {
                return None;
            }
            Line::CheckIn(Box::new(self.check_in(schema)?))
        } else {
            if schema > MARK_VERSION {
                return None;
            }
            Line::Mark(self.mark(schema)?)
        };
        (self.at == self.b.len()).then_some(line)
    }

    fn mark(&mut self, schema: u32) -> Option<BaselineMark> {
        self.lit(br#","kind":"baseline","check_in":"#)?;
        let check_in = self.kept_string()?;
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

    /// A check-in after its `"id":`.
    fn check_in(&mut self, schema: u32) -> Option<CheckIn> {
        let id = self.kept_string()?;
        self.lit(br#","status":"#)?;
        let status = match self.plain()? {
            "completed" => Status::Completed,
            "stopped" => Status::Stopped,
            _ => return None,
        };
        self.lit(br#","started_at":"#)?;
        let started_at = self.time()?;
        self.lit(br#","ended_at":"#)?;
        let ended_at = self.time()?;
        self.lit(br#","bank":{"id":"#)?;
        let bank = self.bank()?;
        self.lit(br#","region":"#)?;
        let region = self.string()?;
        self.lit(br#","answers":"#)?;
        let answers = self.list(Cur::answer)?;
        self.lit(br#","alerts":"#)?;
        let alerts = self.list(Cur::alert)?;
        let mut r = CheckIn {
            schema,
            id,
            status,
            started_at,
            ended_at,
            bank,
            region,
            answers,
            alerts,
            retracted_alerts: Vec::new(),
            scores: Vec::new(),
            asked: None,
            completes: None,
            profile: None,
            respondent: Respondent::Myself,
        };
        self.optional(&mut r)?;
        self.lit(b"}")?;
        Some(r)
    }

    /// The keys a check-in has only when they are set, in the order written.
    fn optional(&mut self, r: &mut CheckIn) -> Option<()> {
        if self.eat(br#","retracted_alerts":"#) {
            r.retracted_alerts = self.list(Cur::alert)?;
        }
        if self.eat(br#","scores":"#) {
            r.scores = self.list(Cur::score)?;
        }
        if self.eat(br#","asked":"#) {
            r.asked = Some(u32::try_from(self.uint()?).ok()?);
        }
        if self.eat(br#","completes":"#) {
            r.completes = Some(self.kept_string()?);
        }
        if self.eat(br#","profile":"#) {
            r.profile = Some(self.profile()?);
        }
        // Written only for a caregiver; `"self"` by hand is the serde path's.
        if self.eat(br#","respondent":"caregiver""#) {
            r.respondent = Respondent::Caregiver;
        }
        Some(())
    }

    /// A bank reference after its `{"id":`.
    fn bank(&mut self) -> Option<BankRef> {
        let id = self.string()?;
        self.lit(br#","version":"#)?;
        let version = self.string()?;
        self.lit(br#","language":"#)?;
        let language = self.string()?;
        self.lit(b"}")?;
        Some(BankRef {
            id,
            version,
            language,
        })
    }

    fn answer(&mut self) -> Option<AnswerRecord> {
        self.lit(br#"{"question":"#)?;
        let question = self.string()?;
        self.lit(br#","section":"#)?;
        let section = self.string()?;
        self.lit(br#","value":"#)?;
        let value = self.value()?;
        let label = match self.eat(br#","label":"#) {
            true => Some(self.string()?),
            false => None,
        };
        let score = match self.eat(br#","score":"#) {
            true => Some(u8::try_from(self.uint()?).ok()?),
            false => None,
        };
        self.lit(b"}")?;
        Some(AnswerRecord {
            question,
            section,
            value,
            label,
            score,
        })
    }

    fn alert(&mut self) -> Option<AlertRecord> {
        self.lit(br#"{"id":"#)?;
        let id = self.string()?;
        self.lit(br#","question":"#)?;
        let question = self.string()?;
        self.lit(br#","level":"#)?;
        let level = match self.plain()? {
            "advice" => Level::Advice,
            "prescriber" => Level::Prescriber,
            "crisis" => Level::Crisis,
            "emergency" => Level::Emergency,
            _ => return None,
        };
        self.lit(br#","title":"#)?;
        let title = self.string()?;
        let shown_at = match self.eat(br#","shown_at":"#) {
            true => Some(self.time()?),
            false => None,
        };
        let retracted_at = match self.eat(br#","retracted_at":"#) {
            true => Some(self.time()?),
            false => None,
        };
        self.lit(b"}")?;
        Some(AlertRecord {
            id,
            question,
            level,
            title,
            shown_at,
            retracted_at,
        })
    }

    fn score(&mut self) -> Option<SectionScore> {
        self.lit(br#"{"section":"#)?;
        let section = self.string()?;
        let score = self.u32_after(br#","score":"#)?;
        let max = self.u32_after(br#","max":"#)?;
        let answered = self.u32_after(br#","answered":"#)?;
        self.lit(b"}")?;
        Some(SectionScore {
            section,
            score,
            max,
            answered,
        })
    }

    /// `key` and the `u32` after it.
    fn u32_after(&mut self, key: &[u8]) -> Option<u32> {
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
            let id = self.string()?;
            self.lit(b":")?;
            let value = if self.eat(b"true") {
                true
            } else if self.eat(b"false") {
                false
            } else {
                return None;
            };
            if self.keep {
                profile.0.insert(id, value);
            }
            if self.eat(b"}") {
                return Some(profile);
            }
            self.lit(b",")?;
        }
    }

    /// `[]` or `[item,...]`.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let mut items = Vec::new();
        self.lit(b"[")?;
        if self.eat(b"]") {
            return Some(items);
        }
        loop {
            let one = item(self)?;
            if self.keep {
                items.push(one);
            }
            if self.eat(b"]") {
                return Some(items);
            }
            self.lit(b",")?;
        }
    }

    /// An answer's value: `true`, `false`, `null`, a string, or an integer that
    /// serde_json reads as one (floats, `-0` and integers past 64 bits are the serde
    /// path's: it reads them as floats, by its own rounding).
    fn value(&mut self) -> Option<Value> {
        Some(match self.b.get(self.at)? {
            b't' => self.eat(b"true").then_some(Value::Bool(true))?,
            b'f' => self.eat(b"false").then_some(Value::Bool(false))?,
            b'n' => self.eat(b"null").then_some(Value::Null)?,
            b'"' => Value::String(self.string()?),
            b'-' => {
                self.at += 1;
                let n = i64::try_from(self.uint()?).ok().filter(|n| *n != 0)?;
                Value::Number(Number::from(-n))
            }
            _ => Value::Number(Number::from(self.uint()?)),
        })
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
        DateTime::parse_from_rfc3339(self.plain()?).ok()
    }

    /// A string without escapes, as it stands in the line.
    fn plain(&mut self) -> Option<&'a str> {
        match self.raw()? {
            (raw, false) => Some(raw),
            (_, true) => None,
        }
    }

    /// A string (a `String` or the record's `CompactString`); empty when not
    /// building (its bytes are still checked).
    fn string<S: Default + From<&'a str> + From<String>>(&mut self) -> Option<S> {
        let (raw, escaped) = self.raw()?;
        Some(match (self.keep, escaped) {
            (false, _) => S::default(),
            (true, false) => S::from(raw),
            (true, true) => S::from(unescape(raw)?),
        })
    }

    /// A string kept even when skimming.
    fn kept_string(&mut self) -> Option<String> {
        let (raw, escaped) = self.raw()?;
        match escaped {
            false => Some(raw.to_owned()),
            true => unescape(raw),
        }
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
            let plain = self.b[self.at..]
                .iter()
                .position(|c| STOPS[usize::from(*c)])?;
            self.at += plain;
            match self.b[self.at] {
                b'"' => break,
                b'\\' => {
                    escaped = true;
                    self.at += match *self.b.get(self.at + 1)? {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => 2,
                        b'u' => {
                            let code = hex4(self.b.get(self.at + 2..self.at + 6)?)?;
                            if (0xd800..0xe000).contains(&code) {
                                return None;
                            }
                            6
                        }
                        _ => return None,
                    };
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

/// Four hex digits as a number.
fn hex4(digits: &[u8]) -> Option<u32> {
    let mut n = 0;
    for d in digits {
        n = n * 16 + char::from(*d).to_digit(16)?;
    }
    Some(n)
}

/// A string's text with its escapes decoded, as [`Cur::raw`] checked them.
fn unescape(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let b = rest.as_bytes();
        let (c, len) = match b.get(i + 1)? {
            b'"' => ('"', 2),
            b'\\' => ('\\', 2),
            b'/' => ('/', 2),
            b'b' => ('\u{8}', 2),
            b'f' => ('\u{c}', 2),
            b'n' => ('\n', 2),
            b'r' => ('\r', 2),
            b't' => ('\t', 2),
            b'u' => (char::from_u32(hex4(b.get(i + 2..i + 6)?)?)?, 6),
            _ => return None,
        };
        out.push(c);
        rest = &rest[i + len..];
    }
    out.push_str(rest);
    Some(out)
}
