//! CSV export: one row per answer, with a header row, RFC 4180 quoting and CRLF line
//! ends, so it opens cleanly in a spreadsheet. Each row also carries its check-in's
//! status, how many questions it answered of those it asked, its urgent findings
//! and its section's numbers ([`crate::grades`]), so a spreadsheet can filter on
//! them without a second table.
//!
//! `urgent` is true on every answer that raised or contributed to an urgent alert
//! that stands, and `alert_ids` and `alert_levels` name the standing alerts (any
//! level) each answer raised or contributed to: [`AlertBasis`] decides that, for
//! every export alike. `retracted_alert` names an urgent alert that was shown and
//! then retracted because the answer was changed ("shown …, then the answer was
//! changed …"), on the row of the question that raised it. An alert with no row of
//! its own (a retracted alert whose question is no longer answered, or a standing
//! alert none of whose questions has an answer in the record) gets a row with an
//! empty answer at its question, so filtering on the columns finds every one.
//!
//! The baseline comes from the report model ([`crate::report::baseline`]), as in
//! every export: `baseline_grade` is the baseline check-in's value for the row's
//! question (its grade, or 1 for yes and 0 for no), `change_from_baseline` the
//! model's word for the change from it to this row's check-in ([`Shift`]:
//! `worse`, `better`, `same`, `emergency`, `not_asked_before`, `not_asked_now`),
//! given only for a check-in the model compares with the baseline (one made after
//! it, not the baseline itself), and `is_baseline` marks the baseline's own rows.
//!
//! Every text starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
//! leading apostrophe, which spreadsheets show as plain text instead of running it
//! as a formula; `--csv-raw` leaves text as it is, for analysis tools.

use std::fmt::Write as _;
use std::io::Write;

use serde_json::Value;

use super::{Context, Exporter};
use crate::bank::Bank;
use crate::error::Error;
use crate::grades::{AlertBasis, Graded, Grades, grade};
use crate::output::io;
use crate::record::bank_for;
use crate::record::{AnswerRecord, CheckIn, Status};
use crate::report::{Baseline, Change, Shift, Snapshot, changes, compared, retracted_words};
use crate::text::{rfc3339, write_num};

/// The header row. New columns go at the end, so scripts that read columns by
/// position keep working.
pub const HEADER: [&str; 20] = [
    "checkin_id",
    "time",
    "status",
    "section",
    "question_id",
    "question_text",
    "answer",
    "grade",
    "urgent",
    "retracted_alert",
    "section_moderate_or_worse",
    "section_highest_grade",
    "checkin_urgent_findings",
    "alert_ids",
    "alert_levels",
    "answered_of_asked",
    "baseline_grade",
    "change_from_baseline",
    "is_baseline",
    "respondent",
];

/// Between the ids (and the levels) in one cell of `alert_ids` and `alert_levels`:
/// no id or level can hold it (ids are snake_case), it is not the CSV's comma, so
/// the cell needs no quotes, and a filter on "contains emergency" or
/// `str.split(";")` reads it.
pub const LIST_SEPARATOR: &str = ";";

/// What is done with text a spreadsheet would run as a formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// A leading apostrophe, so a spreadsheet shows it as text (the default).
    Formulas,
    /// Nothing: raw text for analysis tools (`--csv-raw`).
    Raw,
}

/// The CSV export (`--format csv`).
pub struct Csv;

impl Exporter for Csv {
    fn write(&self, ctx: &mut Context<'_>) -> Result<u64, Error> {
        let Context {
            bank,
            scan,
            out,
            warn,
            csv_raw,
            ..
        } = ctx;
        let guard = if *csv_raw {
            Guard::Raw
        } else {
            Guard::Formulas
        };
        let found = scan.baseline(Some(*bank), *warn)?;
        let mut lines = Lines::new(guard);
        lines.row(&HEADER);
        lines.write_to(*out)?;
        scan.each(*warn, |r| {
            write_rows(&mut lines, &r, bank, found.baseline());
            lines.write_to(*out)
        })
    }
}

/// CSV lines as they are made, one field at a time, straight into one buffer that
/// is written out and reused: no text is allocated per field or per row. Every
/// field goes through [`Lines::field`], so none can skip the guard.
pub struct Lines {
    buf: Vec<u8>,
    /// A field that has to be put together first (a number, a list), reused.
    scratch: String,
    guard: Guard,
    /// Whether the row being made has a field yet.
    started: bool,
    /// The model's word for each change met so far ([`shift_word`]), kept: it is
    /// the same for every row.
    shift_words: Vec<(Shift, String)>,
}

impl Lines {
    pub fn new(guard: Guard) -> Lines {
        Lines {
            buf: Vec::with_capacity(64 * 1024),
            scratch: String::new(),
            guard,
            started: false,
            shift_words: Vec::new(),
        }
    }

    /// The rows made so far, as bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf
    }

    /// Writes the rows made so far to `out` and starts again.
    pub fn write_to(&mut self, out: &mut dyn Write) -> Result<(), Error> {
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
    fn field(&mut self, text: &str) {
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

    /// `fields` as the start of a row, made once for every row that starts with
    /// them ([`Lines::start_with`]).
    fn head(&mut self, fields: &[&str]) -> Vec<u8> {
        let mark = self.buf.len();
        for f in fields {
            self.field(f);
        }
        self.started = false;
        self.buf.split_off(mark)
    }

    /// Starts a row with fields made by [`Lines::head`].
    fn start_with(&mut self, head: &[u8]) {
        self.buf.extend_from_slice(head);
        self.started = true;
    }

    /// The next field, put together by `make` in the scratch text first.
    fn field_with(&mut self, make: impl FnOnce(&mut String)) {
        let mut text = std::mem::take(&mut self.scratch);
        text.clear();
        make(&mut text);
        self.field(&text);
        self.scratch = text;
    }

    /// A count or a grade in decimal, or an empty field for none. Written by hand:
    /// the formatting machinery costs more than the rest of the field.
    fn number(&mut self, n: Option<u32>) {
        let Some(mut n) = n else {
            return self.field("");
        };
        let mut digits = [0u8; 10];
        let mut start = digits.len();
        loop {
            start -= 1;
            digits[start] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.field(std::str::from_utf8(&digits[start..]).unwrap_or_default());
    }

    /// Ends the row.
    fn end(&mut self) {
        self.buf.extend_from_slice(b"\r\n");
        self.started = false;
    }

    /// The model's word for a change as the next field: [`shift_word`], worked
    /// out once per word.
    fn shift(&mut self, shift: Shift) {
        let i = match self.shift_words.iter().position(|(s, _)| *s == shift) {
            Some(i) => i,
            None => {
                self.shift_words.push((shift, shift_word(shift)));
                self.shift_words.len() - 1
            }
        };
        let word = std::mem::take(&mut self.shift_words[i].1);
        self.field(&word);
        self.shift_words[i].1 = word;
    }
}

/// Appends the rows of one check-in to `lines`, each with its line end. `bank` is
/// the bank loaded; records made with it get the question texts and the whole
/// [`AlertBasis`]. `baseline` is the baseline the log names, if any.
pub fn write_rows(lines: &mut Lines, r: &CheckIn, bank: &Bank, baseline: Option<&Baseline>) {
    let bank = bank_for(Some(bank), r);
    // The alert basis once, for the grades, the snapshot and every row.
    let Graded { basis, grades } = Graded::of(r, bank);
    let one = CheckInRows {
        r,
        bank,
        baseline,
        changes: baseline
            .and_then(|b| {
                let snapshot = Snapshot::with_basis(r, &basis);
                let now = compared(b, Some(&snapshot)).ok()?;
                Some(changes(&b.snapshot, now, bank))
            })
            .unwrap_or_default(),
        head: lines.head(&[
            &r.id,
            &rfc3339(&r.started_at),
            &match r.status {
                Status::Completed => "completed".to_string(),
                Status::Stopped => grades.stopped_words(r.status).unwrap_or_default(),
            },
        ]),
        answered_of_asked: format!(
            "{} of {}",
            grades.answered,
            grades
                .asked_in(r.status)
                .map_or("unknown".to_string(), |m| m.to_string())
        ),
        is_baseline: baseline.is_some_and(|b| b.id() == r.id),
        grades,
        basis,
    };
    for a in &r.answers {
        one.line(lines, &a.section, &a.question, Some(a));
    }
    for q in one.alerts_without_a_row() {
        let section = bank
            .and_then(|b| b.question(q))
            .map(|q| q.section.as_str())
            .unwrap_or_default();
        one.line(lines, section, q, None);
    }
}

/// What every row of one check-in is made from.
struct CheckInRows<'r> {
    r: &'r CheckIn,
    bank: Option<&'r Bank>,
    grades: Grades,
    basis: AlertBasis<'r>,
    baseline: Option<&'r Baseline>,
    /// Each symptom from the baseline to this check-in; empty when the model
    /// does not compare them.
    changes: Vec<Change>,
    /// The fields every row starts with: the id, the time and the status.
    head: Vec<u8>,
    answered_of_asked: String,
    is_baseline: bool,
}

impl<'r> CheckInRows<'r> {
    /// One row: the check-in, the question and its answer (`None` for the row of
    /// an alert whose question has none), the alerts it raised or contributed to,
    /// then the section's numbers and the check-in's, as every row of the section
    /// carries them.
    fn line(&self, lines: &mut Lines, section: &str, q: &str, answer: Option<&AnswerRecord>) {
        let s = self.grades.section(section);
        lines.start_with(&self.head);
        lines.field(section);
        lines.field(q);
        lines.field(
            self.bank
                .and_then(|b| b.question(q))
                .map(|q| q.text.as_str())
                .unwrap_or_default(),
        );
        match answer {
            Some(a) => lines.field_with(|text| answer_text(text, a)),
            None => lines.field(""),
        }
        lines.number(answer.and_then(grade).map(u32::from));
        lines.field(bool_word(self.basis.urgent(q)));
        lines.field_with(|text| self.retracted(text, q));
        lines.number(s.filter(|s| s.graded > 0).map(|s| s.moderate_or_worse));
        lines.number(s.and_then(|s| s.highest_grade).map(u32::from));
        lines.number(Some(self.grades.urgent_findings));
        let standing = self.basis.standing_for(q);
        lines.field_with(|text| join(text, standing.iter().map(|a| a.id.as_str())));
        lines.field_with(|text| join(text, standing.iter().map(|a| a.level.as_str())));
        lines.field(&self.answered_of_asked);
        lines.number(self.baseline.and_then(|b| b.symptom(q)).map(|s| s.value));
        match self.changes.iter().find(|c| c.symptom == q) {
            Some(c) => lines.shift(c.change),
            None => lines.field(""),
        }
        lines.field(bool_word(self.is_baseline));
        lines.field(self.r.respondent.as_str());
        lines.end();
    }

    /// The questions of alerts that would otherwise have no row, each once: a
    /// standing alert none of whose questions was answered, and a retracted urgent
    /// alert whose question is no longer answered.
    fn alerts_without_a_row(&self) -> Vec<&'r str> {
        let answered = |q: &str| self.r.answers.iter().any(|a| a.question == q);
        let standing = self
            .basis
            .standing()
            .iter()
            .filter(|b| !b.questions.iter().any(|q| answered(q)))
            .map(|b| b.alert);
        let retracted = self
            .basis
            .retracted()
            .iter()
            .map(|b| b.alert)
            .filter(|a| a.level.is_urgent() && !answered(&a.question));
        let mut out: Vec<&str> = Vec::new();
        for a in standing.chain(retracted) {
            if !out.contains(&a.question.as_str()) {
                out.push(&a.question);
            }
        }
        out
    }

    /// The urgent alerts question `q` raised and a changed answer took back, in
    /// words, appended to `text`.
    fn retracted(&self, text: &mut String, q: &str) {
        let urgent = self.basis.retracted_for(q);
        for (i, al) in urgent.iter().filter(|al| al.level.is_urgent()).enumerate() {
            if i > 0 {
                text.push_str("; ");
            }
            let _ = write!(
                text,
                "{} ({}): {}",
                al.title,
                al.level.as_str(),
                retracted_words(al)
            );
        }
    }
}

/// `items` appended to `text` with [`LIST_SEPARATOR`] between them.
fn join<'a>(text: &mut String, items: impl Iterator<Item = &'a str>) {
    for (i, item) in items.enumerate() {
        if i > 0 {
            text.push_str(LIST_SEPARATOR);
        }
        text.push_str(item);
    }
}

/// A yes or no as the CSV writes it.
fn bool_word(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

/// The model's word for a change, as the JSON report writes it (`not_asked_before`).
fn shift_word(shift: Shift) -> String {
    serde_json::to_value(shift)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// The answer in words, appended to `text`: the label chosen, the number, or the
/// text typed.
fn answer_text(text: &mut String, a: &AnswerRecord) {
    if let Some(label) = &a.label {
        text.push_str(label);
        return;
    }
    match &a.value {
        Value::Bool(true) => text.push_str("Yes"),
        Value::Bool(false) => text.push_str("No"),
        Value::Number(n) => match n.as_f64() {
            Some(n) => write_num(text, n),
            None => {
                let _ = write!(text, "{n}");
            }
        },
        Value::String(s) => text.push_str(s),
        other => {
            let _ = write!(text, "{other}");
        }
    }
}

/// The first characters that make a spreadsheet run a cell as a formula (OWASP's
/// list: `=`, `+`, `-`, `@`, and a tab or carriage return, which some strip first).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a spreadsheet would run `text` as a formula, so that it gets a leading
/// apostrophe, which spreadsheets show as plain text. A plain number ("-2",
/// "-0.5") is not: it is read as a number, never run.
fn runs_as_formula(text: &str) -> bool {
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
