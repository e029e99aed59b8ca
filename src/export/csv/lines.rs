//! CSV lines as they are made, one field at a time, straight into one buffer that
//! is written out and reused. Every field goes through [`Lines::field`] (or was
//! made by it once, as a [`Piece`]), so none can skip the guard or the quoting.

use std::io::Write;

use super::Guard;
use crate::error::Error;
use crate::output::io;

/// Fields made once and copied into every row that has them, each with the comma
/// before it: the quoting and the guard were applied when it was made.
pub type Piece = Vec<u8>;

pub struct Lines {
    buf: Vec<u8>,
    /// A field that has to be put together first (a list, a number's words), reused.
    scratch: String,
    guard: Guard,
    /// Whether the row being made has a field yet.
    started: bool,
}

impl Lines {
    pub fn new(guard: Guard) -> Lines {
        Lines {
            buf: Vec::with_capacity(256 * 1024),
            scratch: String::new(),
            guard,
            started: false,
        }
    }

    /// The rows made so far, as bytes.
    #[cfg(test)]
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf
    }

    /// Writes the rows made so far to `out` once they fill most of the buffer, so
    /// that each write is large; [`Lines::flush`] writes the rest.
    pub fn write_some(&mut self, out: &mut dyn Write) -> Result<(), Error> {
        if self.buf.len() < 192 * 1024 {
            return Ok(());
        }
        self.flush(out)
    }

    /// Writes the rows made so far to `out` and starts again.
    pub fn flush(&mut self, out: &mut dyn Write) -> Result<(), Error> {
        let done = io(out.write_all(&self.buf));
        self.buf.clear();
        done
    }

    /// One whole row of texts, with its line end.
    pub fn row(&mut self, fields: &[&str]) {
        for f in fields {
            self.field(f);
        }
        self.end();
    }

    /// The next field of the row: through the `guard`, then quoted when it holds
    /// a comma, quote or line break. The guard is applied here, to every field, so
    /// no text from the log or the bank (an id, a label, a question) can skip it.
    pub fn field(&mut self, text: &str) {
        if self.started {
            self.buf.push(b',');
        }
        self.started = true;
        let defuse = self.guard == Guard::Formulas && runs_as_formula(text);
        // Every byte is looked at (no early stop), which the compiler turns into a
        // few wide compares: most fields are short and need no quotes.
        let quote = text
            .bytes()
            .fold(false, |q, b| q | matches!(b, b',' | b'"' | b'\r' | b'\n'));
        if quote {
            self.buf.push(b'"');
        }
        if defuse {
            self.buf.push(b'\'');
        }
        if quote {
            let mut parts = text.split('"');
            if let Some(first) = parts.next() {
                self.buf.extend_from_slice(first.as_bytes());
            }
            for part in parts {
                self.buf.extend_from_slice(b"\"\"");
                self.buf.extend_from_slice(part.as_bytes());
            }
            self.buf.push(b'"');
        } else {
            self.buf.extend_from_slice(text.as_bytes());
        }
    }

    /// `fields` as a [`Piece`], each with the comma before it, for rows that have
    /// them after their first field.
    pub fn piece(&mut self, fields: &[&str]) -> Piece {
        let mark = self.buf.len();
        let started = std::mem::replace(&mut self.started, true);
        for f in fields {
            self.field(f);
        }
        self.started = started;
        self.buf.split_off(mark)
    }

    /// `fields` as the start of a row: a [`Piece`] without the first comma.
    pub fn head(&mut self, fields: &[&str]) -> Piece {
        let mut piece = self.piece(fields);
        piece.remove(0);
        piece
    }

    /// Starts a row with a piece made by [`Lines::head`].
    pub fn start_with(&mut self, head: &[u8]) {
        self.buf.extend_from_slice(head);
        self.started = true;
    }

    /// The next fields, made by [`Lines::piece`].
    pub fn put(&mut self, piece: &[u8]) {
        self.buf.extend_from_slice(piece);
    }

    /// The next field, put together by `make` in the scratch text first.
    pub fn field_with(&mut self, make: impl FnOnce(&mut String)) {
        let mut text = std::mem::take(&mut self.scratch);
        text.clear();
        make(&mut text);
        self.field(&text);
        self.scratch = text;
    }

    /// A count or a grade in decimal, or an empty field for none: digits never
    /// need the guard or quotes, so they go straight in. Written by hand: the
    /// formatting machinery costs more than the rest of the field.
    pub fn number(&mut self, n: Option<u32>) {
        self.buf.push(b',');
        if let Some(n) = n {
            crate::text::push_uint(&mut self.buf, n);
        }
    }

    /// Ends the row.
    pub fn end(&mut self) {
        self.buf.extend_from_slice(b"\r\n");
        self.started = false;
    }
}

/// The first characters that make a spreadsheet run a cell as a formula (OWASP's
/// list: `=`, `+`, `-`, `@`, and a tab or carriage return, which some strip first).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a spreadsheet would run `text` as a formula, so that it gets a leading
/// apostrophe, which spreadsheets show as plain text. A plain number ("-2",
/// "-0.5") is not: it is read as a number, never run.
pub fn runs_as_formula(text: &str) -> bool {
    text.starts_with(FORMULA_START) && !plain_number(text)
}

/// Digits with at most one decimal point, after an optional minus sign.
fn plain_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::csv::Guard;

    /// A text as the guard leaves it.
    fn defuse(text: &str) -> String {
        if runs_as_formula(text) {
            format!("'{text}")
        } else {
            text.to_string()
        }
    }

    /// One CSV line of `fields`.
    fn row(fields: &[String], guard: Guard) -> String {
        let mut lines = Lines::new(guard);
        let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
        lines.row(&fields);
        String::from_utf8(lines.as_bytes().to_vec()).unwrap_or_default()
    }

    #[test]
    fn formula_starts_get_an_apostrophe_and_plain_numbers_do_not() {
        for text in [
            "=1+1", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "-", "-inf", "-1.2.3",
        ] {
            assert_eq!(defuse(text), format!("'{text}"), "{text:?}");
        }
        for text in ["-2", "-0.5", "12", "a=1", " =1", "", "'x"] {
            assert_eq!(defuse(text), text, "{text:?}");
        }
    }

    #[test]
    fn raw_rows_keep_formula_starts_and_still_quote() {
        let fields = [
            "=1+1".to_string(),
            "a,b".to_string(),
            "say \"hi\"".to_string(),
        ];
        assert_eq!(
            row(&fields, Guard::Raw),
            "=1+1,\"a,b\",\"say \"\"hi\"\"\"\r\n"
        );
        assert_eq!(
            row(&fields, Guard::Formulas),
            "'=1+1,\"a,b\",\"say \"\"hi\"\"\"\r\n"
        );
    }
}
