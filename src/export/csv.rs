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

use std::io::Write;

use serde_json::Value;

use super::{Context, Exporter};
use crate::bank::Bank;
use crate::error::Error;
use crate::grades::{AlertBasis, Grades, grade};
use crate::output::io;
use crate::record::bank_for;
use crate::record::{AnswerRecord, CheckIn, Status};
use crate::report::{Baseline, Change, Shift, Snapshot, changes, compared, retracted_words};
use crate::text::{fmt_num, rfc3339};

/// The header row. New columns go at the end, so scripts that read columns by
/// position keep working.
pub const HEADER: [&str; 19] = [
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
        io(out.write_all(row(&HEADER.map(String::from), guard).as_bytes()))?;
        scan.each(*warn, |r| {
            for line in rows(&r, bank, found.baseline(), guard) {
                io(out.write_all(line.as_bytes()))?;
            }
            Ok(())
        })
    }
}

/// The rows of one check-in, each with its line end. `bank` is the bank loaded;
/// records made with it get the question texts and the whole [`AlertBasis`].
/// `baseline` is the baseline the log names, if any.
pub fn rows(r: &CheckIn, bank: &Bank, baseline: Option<&Baseline>, guard: Guard) -> Vec<String> {
    let bank = bank_for(Some(bank), r);
    let grades = Grades::of(r, bank);
    let snapshot = Snapshot::of(r, bank);
    let one = CheckInRows {
        r,
        bank,
        basis: AlertBasis::of(r, bank),
        baseline,
        changes: baseline
            .and_then(|b| {
                let now = compared(b, Some(&snapshot)).ok()?;
                Some(changes(&b.snapshot, now, bank))
            })
            .unwrap_or_default(),
        time: rfc3339(&r.started_at),
        status: match r.status {
            Status::Completed => "completed".to_string(),
            Status::Stopped => grades.stopped_words(r.status).unwrap_or_default(),
        },
        answered_of_asked: format!(
            "{} of {}",
            grades.answered,
            grades
                .asked_in(r.status)
                .map_or("unknown".to_string(), |m| m.to_string())
        ),
        grades,
        guard,
    };
    let mut lines: Vec<String> = r
        .answers
        .iter()
        .map(|a| {
            let grade = grade(a).map(|g| g.to_string()).unwrap_or_default();
            one.line(&a.section, &a.question, answer_text(a), grade)
        })
        .collect();
    for q in one.alerts_without_a_row() {
        let section = bank
            .and_then(|b| b.question(q))
            .map(|q| q.section.as_str())
            .unwrap_or_default();
        lines.push(one.line(section, q, String::new(), String::new()));
    }
    lines
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
    time: String,
    status: String,
    answered_of_asked: String,
    guard: Guard,
}

impl<'r> CheckInRows<'r> {
    /// One row: the check-in, the question and its answer, the alerts it raised or
    /// contributed to, then the section's numbers and the check-in's, as every row
    /// of the section carries them.
    fn line(&self, section: &str, q: &str, answer: String, grade: String) -> String {
        let s = self.grades.section(section);
        let moderate = s
            .filter(|s| s.graded > 0)
            .map(|s| s.moderate_or_worse.to_string())
            .unwrap_or_default();
        let highest = s
            .and_then(|s| s.highest_grade)
            .map(|g| g.to_string())
            .unwrap_or_default();
        let standing = self.basis.standing_for(q);
        let ids: Vec<&str> = standing.iter().map(|a| a.id.as_str()).collect();
        let levels: Vec<&str> = standing.iter().map(|a| a.level.as_str()).collect();
        row(
            &[
                self.r.id.clone(),
                self.time.clone(),
                self.status.clone(),
                section.to_string(),
                q.to_string(),
                self.bank
                    .and_then(|b| b.question(q))
                    .map(|q| q.text.clone())
                    .unwrap_or_default(),
                answer,
                grade,
                self.basis.urgent(q).to_string(),
                self.retracted(q),
                moderate,
                highest,
                self.grades.urgent_findings.to_string(),
                ids.join(LIST_SEPARATOR),
                levels.join(LIST_SEPARATOR),
                self.answered_of_asked.clone(),
                self.baseline
                    .and_then(|b| b.symptom(q))
                    .map(|s| s.value.to_string())
                    .unwrap_or_default(),
                self.changes
                    .iter()
                    .find(|c| c.symptom == q)
                    .map(|c| shift_word(c.change))
                    .unwrap_or_default(),
                self.baseline
                    .is_some_and(|b| b.id() == self.r.id)
                    .to_string(),
            ],
            self.guard,
        )
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

    /// The urgent alerts question `q` raised and a changed answer took back, in words.
    fn retracted(&self, q: &str) -> String {
        self.basis
            .retracted_for(q)
            .into_iter()
            .filter(|al| al.level.is_urgent())
            .map(|al| {
                format!(
                    "{} ({}): {}",
                    al.title,
                    al.level.as_str(),
                    retracted_words(al)
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The model's word for a change, as the JSON report writes it (`not_asked_before`).
fn shift_word(shift: Shift) -> String {
    serde_json::to_value(shift)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// The answer in words: the label chosen, the number, or the text typed.
fn answer_text(a: &AnswerRecord) -> String {
    if let Some(label) = &a.label {
        return label.clone();
    }
    match &a.value {
        Value::Bool(true) => "Yes".into(),
        Value::Bool(false) => "No".into(),
        Value::Number(n) => n.as_f64().map(fmt_num).unwrap_or_else(|| n.to_string()),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The first characters that make a spreadsheet run a cell as a formula (OWASP's
/// list: `=`, `+`, `-`, `@`, and a tab or carriage return, which some strip first).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text that a spreadsheet would run as a formula gets a leading apostrophe,
/// which spreadsheets show as plain text. A plain number ("-2", "-0.5") is left
/// as it is: it is read as a number, never run.
fn defuse(text: &str) -> String {
    if text.starts_with(FORMULA_START) && !plain_number(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Digits with at most one decimal point, after an optional minus sign.
fn plain_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1
}

/// One CSV line: every field through the `guard`, then quoted when it holds a
/// comma, quote or line break. The guard is applied here, to every field, so no
/// text from the log or the bank (an id, a label, a question) can skip it.
fn row(fields: &[String], guard: Guard) -> String {
    let mut line = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        let f = match guard {
            Guard::Formulas => defuse(f),
            Guard::Raw => f.clone(),
        };
        if f.contains([',', '"', '\r', '\n']) {
            line.push('"');
            line.push_str(&f.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(&f);
        }
    }
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

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
