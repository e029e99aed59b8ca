//! Words and numbers, made ready to show: one-line messages ([`tidy`]), plain I/O
//! reasons, wrapping to a width, and how numbers and times are written. Also which
//! characters of stored text are shown as they are ([`visible`]). The bottom of the
//! module graph: it imports nothing from the crate.

use std::io;

use chrono::{DateTime, FixedOffset, SecondsFormat};

/// Stands for a space that must not become a line break (inside a phone number).
const KEEP: char = '\u{a0}';

/// A short, plain reason for an I/O error, without Rust's "(os error N)" noise.
pub fn io_reason(e: &io::Error) -> String {
    #[cfg(unix)]
    {
        // EFBIG: the file-size limit (ulimit -f) was hit.
        if e.raw_os_error() == Some(27) {
            return crate::i18n::t("io-too-large");
        }
    }
    let id = match e.kind() {
        io::ErrorKind::NotFound => "io-not-found",
        io::ErrorKind::PermissionDenied => "io-permission-denied",
        io::ErrorKind::StorageFull => "io-disk-full",
        io::ErrorKind::ReadOnlyFilesystem => "io-read-only",
        io::ErrorKind::AlreadyExists => "io-exists",
        io::ErrorKind::IsADirectory => "io-is-a-folder",
        io::ErrorKind::NotADirectory => "io-not-a-folder",
        io::ErrorKind::FileTooLarge => "io-too-large",
        io::ErrorKind::InvalidData => "io-not-text",
        // The system's own words, in English: it names no reason we know.
        _ => {
            let s = e.to_string();
            return match s.find(" (os error") {
                Some(i) => s[..i].to_lowercase(),
                None => s.to_lowercase(),
            };
        }
    };
    crate::i18n::t(id)
}

/// Makes text from a file fit to print in a one-line message: control characters
/// (a newline, or a terminal escape) are shown escaped, a quoted piece longer than
/// [`QUOTE_MAX`] characters is cut short, and a message that is still very long keeps
/// its start and its end (where the advice is).
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(4 * MESSAGE_MAX));
    // The closing quote while inside a quoted piece, and its length so far.
    let mut open: Option<(char, usize)> = None;
    // Inside "...", a backslash keeps the next character (an escaped quote) inside.
    let mut escaped = false;
    for c in text.chars() {
        match open {
            Some((close, _)) if c == close && !escaped => open = None,
            Some((close, n)) => {
                open = Some((close, n + 1));
                escaped = close == '"' && c == '\\' && !escaped;
                if n == QUOTE_MAX {
                    out.push('…');
                }
                if n >= QUOTE_MAX {
                    continue;
                }
            }
            None if c == '"' || c == '`' => open = Some((c, 0)),
            None => {}
        }
        push_visible(&mut out, c, false);
    }
    let count = out.chars().count();
    if count <= MESSAGE_MAX {
        return out;
    }
    let head: String = out.chars().take(MESSAGE_MAX / 2).collect();
    let tail: String = out.chars().skip(count - MESSAGE_MAX / 3).collect();
    format!("{head} … {tail}")
}

/// The longest quoted piece of a file's text that messages repeat.
pub const QUOTE_MAX: usize = 64;
/// The longest message, in characters, before its middle is left out.
pub const MESSAGE_MAX: usize = 1200;

/// Formats a number without a needless ".0".
pub fn fmt_num(n: f64) -> String {
    let mut text = String::new();
    write_num(&mut text, n);
    text
}

/// Appends `n` to `out` as [`fmt_num`] writes it, for a writer that reuses its
/// text: the one place that says how a number is written.
pub fn write_num(out: &mut String, n: f64) {
    use std::fmt::Write as _;
    let _ = if let Some(i) = whole(n) {
        write!(out, "{i}")
    } else if n.abs() >= 1e15 {
        // Not 309 digits for 1e308.
        write!(out, "{n:e}")
    } else {
        write!(out, "{n}")
    };
}

/// Appends `n`'s decimal digits, as `Display` and serde_json write it, without the
/// formatting machinery, which costs more than the digits in a hot writer.
pub fn push_uint(buf: &mut Vec<u8>, n: impl Into<u64>) {
    let n = n.into();
    // Most numbers written are counts below ten: one byte, without the copy.
    if n < 10 {
        buf.push(b'0' + n as u8);
        return;
    }
    let (digits, at) = uint_digits(n);
    buf.extend_from_slice(&digits[at..]);
}

/// [`push_uint`] for a writer of text.
pub fn push_uint_text(s: &mut String, n: impl Into<u64>) {
    let (digits, at) = uint_digits(n.into());
    s.extend(digits[at..].iter().map(|d| char::from(*d)));
}

/// `n`'s decimal digits: they are `digits[at..]`.
fn uint_digits(mut n: u64) -> ([u8; 20], usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    (digits, at)
}

/// `n`'s decimal digits as text, kept in `buf`: a number that is one part of a
/// longer text, without allocating.
pub fn uint_str(n: u64, buf: &mut [u8; 20]) -> &str {
    let (digits, at) = uint_digits(n);
    *buf = digits;
    std::str::from_utf8(&buf[at..]).unwrap_or_default()
}

/// Whether `a` and `b` are the same text (`a == b`), comparing a short text in a
/// few loads rather than through a call to the C library's `memcmp`: the ids,
/// sections and labels of every answer of the log are compared again and again,
/// and at their few bytes the call costs more than the comparison.
#[inline]
pub fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    // Two loads from each end that overlap in the middle cover every byte.
    let four = |t: &[u8], at: usize| u32::from_le_bytes([t[at], t[at + 1], t[at + 2], t[at + 3]]);
    match n {
        0 => true,
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=7 => four(a, 0) == four(b, 0) && four(a, n - 4) == four(b, n - 4),
        8..=16 => {
            word_of(&a[..8]) == word_of(&b[..8]) && word_of(&a[n - 8..]) == word_of(&b[n - 8..])
        }
        _ => a == b,
    }
}

/// Eight bytes as one word, the first lowest: for the scanners that look at a
/// text eight bytes at a time.
pub fn word_of(chunk: &[u8]) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(chunk);
    u64::from_le_bytes(word)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const TOPS: u64 = 0x8080_8080_8080_8080;

/// The bytes of `word` equal to `b`, flagged in the top bit of each (the usual
/// has-a-zero-byte test on `word ^ b…b`): zero when there is none, and the lowest
/// byte flagged is the first such byte (a borrow only ever flags bytes above one).
pub fn bytes_equal(word: u64, b: u8) -> u64 {
    let v = word ^ (ONES * u64::from(b));
    v.wrapping_sub(ONES) & !v & TOPS
}

/// The bytes of `word` below `n` (at most 0x80), flagged as [`bytes_equal`] flags.
pub fn bytes_below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(n)) & !word & TOPS
}

/// How the JSON writers escape byte `b` of a string, as serde_json does: `"`, `\`
/// and the control characters below 0x20 (as \b \t \n \f \r, else \u00XX in
/// lowercase hex), as the bytes and their length; `None` for every other byte,
/// written as it is. The one rule, for the writers and for the log reader that
/// tells whether a line is as they write it.
pub fn json_escaped(b: u8) -> Option<([u8; 6], usize)> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let letter = match b {
        0x08 => b'b',
        0x09 => b't',
        0x0A => b'n',
        0x0C => b'f',
        0x0D => b'r',
        b'"' => b'"',
        b'\\' => b'\\',
        0..0x20 => {
            let hex = [HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]];
            return Some(([b'\\', b'u', b'0', b'0', hex[0], hex[1]], 6));
        }
        _ => return None,
    };
    Some(([b'\\', letter, 0, 0, 0, 0], 2))
}

/// `n`'s last `width` decimal digits, zero-padded ("07" for 7 in 2): the fields of
/// a date or a time, as `%m` or `%H` writes them.
pub fn padded_digits(n: u32, width: u32) -> impl Iterator<Item = u8> {
    (0..width)
        .rev()
        .map(move |place| b'0' + (n / 10u32.pow(place) % 10) as u8)
}

/// `n` as a whole number, when it is one that can be written without a decimal point
/// and without losing a digit: below 10^15 either way, where every whole f64 is exact
/// in an i64 too. The one rule for "write this number as an integer", used for
/// messages, for answers in the log and for FHIR integers (which add their own
/// 32-bit limit). Whether an answer *is* whole, at any size, is
/// [`crate::answer::number_fits`]'s question, not this one.
pub fn whole(n: f64) -> Option<i64> {
    (n.fract() == 0.0 && n.abs() < 1e15).then_some(n as i64)
}

/// Text without the one invisible byte order mark some editors put at the start of
/// a UTF-8 file. Banks, answers files and profile files all read through this.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// A "- " list item wrapped with its later lines indented under the text.
pub fn bullet(text: &str, width: usize) -> Vec<String> {
    hang(text, "- ", "  ", width)
}

/// `text` wrapped to `width` columns with a hanging indent: the first line after
/// `first`, the others after `rest`.
pub fn hang(text: &str, first: &str, rest: &str, width: usize) -> Vec<String> {
    let lead = first.chars().count().max(rest.chars().count());
    wrap(text, width.saturating_sub(lead))
        .into_iter()
        .enumerate()
        .map(|(i, mut l)| {
            // In the room `wrap` made for the line.
            l.insert_str(0, if i == 0 { first } else { rest });
            l
        })
        .collect()
}

/// The most room [`wrap`] makes for a line before it is filled: the widths the
/// program wraps to are 80 columns or less, except on a wider terminal.
const LINE_ROOM: usize = 128;

/// Wraps text at word boundaries to lines of at most `width` characters. A word longer
/// than a line is cut. A space between two digits never becomes a break, so "116 123"
/// or "13 11 14" stays on one line. Linear in the length of the text, however long.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    // A line holds at most `width` characters: room for that many bytes up front
    // saves regrowing it word by word (a wide terminal's lines still grow).
    let room = width.min(LINE_ROOM);
    let mut lines = Vec::new();
    let text = keep_numbers_whole(text);
    for para in text.split('\n') {
        let mut line = String::with_capacity(room);
        // Characters in `line`, kept so as not to count them again for every word.
        let mut len = 0;
        for word in para.split_ascii_whitespace() {
            let mut rest = word;
            let mut left = word.chars().count();
            while left > width {
                let cut = rest
                    .char_indices()
                    .nth(width)
                    .map_or(rest.len(), |(i, _)| i);
                let (head, tail) = rest.split_at(cut);
                rest = tail;
                left -= width;
                if len > 0 {
                    lines.push(std::mem::replace(&mut line, String::with_capacity(room)));
                    len = 0;
                }
                lines.push(head.to_string());
            }
            if len > 0 && len + 1 + left > width {
                lines.push(std::mem::replace(&mut line, String::with_capacity(room)));
                len = 0;
            }
            if len > 0 {
                line.push(' ');
                len += 1;
            }
            line.push_str(rest);
            len += left;
        }
        lines.push(line);
    }
    for line in &mut lines {
        if line.contains(KEEP) {
            *line = line.replace(KEEP, " ");
        }
    }
    lines
}

/// Marks each space that stands between two digits as one that must not break.
/// Spaces and digits are ASCII, and no byte of a longer UTF-8 character is, so the
/// bytes beside a space are the characters beside it. Most texts have no such
/// space and are used as they are.
fn keep_numbers_whole(text: &str) -> std::borrow::Cow<'_, str> {
    let b = text.as_bytes();
    let keep = |i: &usize| {
        let i = *i;
        b[i] == b' '
            && i > 0
            && b[i - 1].is_ascii_digit()
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
    };
    if !(0..b.len()).any(|i| keep(&i)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut from = 0;
    for i in (0..b.len()).filter(keep) {
        out.push_str(&text[from..i]);
        out.push(KEEP);
        from = i + 1;
    }
    out.push_str(&text[from..]);
    std::borrow::Cow::Owned(out)
}

/// A time as the log writes it: milliseconds and an explicit offset.
pub fn rfc3339(t: &DateTime<FixedOffset>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, false)
}

/// Times in the files sidecheck writes (the log, the profile file), for serde's
/// `with`: [`rfc3339`] with milliseconds and an explicit offset ("+01:00", never
/// "Z"), so the person's own timezone is kept; read back from any RFC 3339 time.
pub mod rfc3339_field {
    use chrono::{DateTime, FixedOffset};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::rfc3339(t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
        let text = String::deserialize(d)?;
        DateTime::parse_from_rfc3339(&text).map_err(serde::de::Error::custom)
    }

    /// The same for a time that may be absent.
    pub mod option {
        use chrono::{DateTime, FixedOffset};
        use serde::{Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(
            t: &Option<DateTime<FixedOffset>>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match t {
                Some(t) => super::serialize(t, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
            match Option::<String>::deserialize(d)? {
                Some(text) => DateTime::parse_from_rfc3339(&text)
                    .map(Some)
                    .map_err(serde::de::Error::custom),
                None => Ok(None),
            }
        }
    }
}

/// Text from the log (or any file) as it may reach a terminal: each control
/// character is shown as an escape such as `\u{1b}`, so a stored `ESC ] 0 ;` cannot
/// set the window title and `ESC [ 2 J` cannot clear the screen. Newlines stay.
/// The stored text itself is never changed; only what is printed.
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_visible_text(&mut out, text);
    out
}

/// Appends `text` to `out` as [`visible`] shows it, for a writer that reuses its
/// text: the runs between control characters are copied whole.
pub fn push_visible_text(out: &mut String, text: &str) {
    // Nearly every text has no control character but its line ends: one look at
    // its bytes says so. A control character is below 0x20, 0x7f, or U+0080 to
    // U+009F, which UTF-8 writes with a lead byte 0xc2.
    // Looked at whole, not stopped at the first: the compiler runs such a loop
    // many bytes at a time.
    let flagged = text.bytes().fold(false, |flagged, b| {
        flagged | (b < 0x20 && b != b'\n') | (b == 0x7f) | (b == 0xc2)
    });
    if !flagged {
        out.push_str(text);
        return;
    }
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c.is_control() && c != '\n' {
            out.push_str(&text[start..i]);
            push_visible(out, c, true);
            start = i + c.len_utf8();
        }
    }
    out.push_str(&text[start..]);
}

/// Adds one character as it may be shown; with `keep_newline` false a newline is
/// escaped too (for one-line messages).
pub fn push_visible(out: &mut String, c: char, keep_newline: bool) {
    if c.is_control() && !(keep_newline && c == '\n') {
        out.extend(c.escape_default());
    } else {
        out.push(c);
    }
}

/// At most `max` characters of stored text, on one line, for a message: control
/// characters, line breaks included, are shown as escapes.
pub fn visible_line(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars().take(max) {
        push_visible(&mut out, c, false);
    }
    if text.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

/// An id from the log (a check-in's, a bank's, a profile item's) as a message
/// shows it: at most 64 characters, control characters escaped.
pub fn visible_id(id: &str) -> String {
    visible_line(id, 64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_without_control_characters_is_shown_as_one_char_at_a_time_shows_it() {
        let slowly = |text: &str| {
            let mut out = String::new();
            text.chars().for_each(|c| push_visible(&mut out, c, true));
            out
        };
        for text in [
            "",
            "plain\n",
            "tab\there",
            "bell\u{7}",
            "del\u{7f}",
            "next line\u{85}.",
            "\u{9f}",
            "¡Qué tal! ¿Mejor?",
            "é ü ñ ☺\n",
            "\r\n",
            "\u{a0}nbsp",
            "ĀĂ",
        ] {
            let mut out = String::from("kept ");
            push_visible_text(&mut out, text);
            assert_eq!(out, format!("kept {}", slowly(text)), "{text:?}");
        }
    }

    #[test]
    fn same_text_is_equality() {
        let texts: Vec<String> = (0..40)
            .flat_map(|n| {
                let base: String = "abcdefghijklmnopqrstuvwxyz0123456789é☃-_"
                    .chars()
                    .take(n)
                    .collect();
                let mut variants = vec![base.clone()];
                for i in 0..base.len() {
                    let mut b = base.clone().into_bytes();
                    b[i] ^= 1;
                    if let Ok(t) = String::from_utf8(b) {
                        variants.push(t);
                    }
                }
                variants
            })
            .collect();
        for a in &texts {
            for b in &texts {
                assert_eq!(super::same_text(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn uint_str_is_display() {
        let mut buf = [0; 20];
        for n in [0u64, 7, 10, 99, 1_000_000, u64::MAX] {
            assert_eq!(super::uint_str(n, &mut buf), n.to_string());
        }
    }

    #[test]
    fn digits_are_written_as_display_writes_them() {
        for n in [0u64, 7, 10, 99, 1_000_000, u64::from(u32::MAX), u64::MAX] {
            let mut buf = Vec::new();
            super::push_uint(&mut buf, n);
            assert_eq!(String::from_utf8(buf).unwrap(), n.to_string());
        }
        let padded = |n, w| String::from_utf8(super::padded_digits(n, w).collect()).unwrap();
        assert_eq!(padded(7, 2), "07");
        assert_eq!(padded(2026, 4), "2026");
        assert_eq!(padded(0, 3), "000");
        assert_eq!(padded(59, 2), format!("{:02}", 59));
    }

    #[test]
    fn wrap_never_breaks_between_the_digits_of_a_number() {
        assert_eq!(wrap("call 116 123 now", 8), vec!["call", "116 123", "now"]);
        assert_eq!(wrap("Lifeline 13 11 14", 10), vec!["Lifeline", "13 11 14"]);
    }

    #[test]
    fn wrap_keeps_words_whole() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("", 5), vec![""]);
    }
}
