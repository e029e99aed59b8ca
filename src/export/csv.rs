//! CSV export: one row per answer, with a header row, RFC 4180 quoting and CRLF line
//! ends, so it opens cleanly in a spreadsheet. Each row also carries its check-in's
//! status and urgent findings and its section's numbers ([`crate::grades`]), so a
//! spreadsheet can filter on them without a second table.
//!
//! `urgent` is true on the answer an urgent alert that stands rests on.
//! `retracted_alert` names an urgent alert that was shown and then retracted because
//! the answer was changed ("shown …, then the answer was changed …"), on the row of
//! the question that raised it; if that question is no longer answered (a follow-up
//! of an answer that changed), the alert gets a row of its own with an empty answer,
//! so a clinician filtering on the column sees every one.

use std::io::Write;

use serde_json::Value;

use super::{Context, Exporter};
use crate::bank::Bank;
use crate::error::Error;
use crate::grades::{Grades, grade};
use crate::output::io;
use crate::record::bank_for;
use crate::record::{AnswerRecord, CheckIn, Status};
use crate::report::retracted_words;
use crate::text::{fmt_num, rfc3339};

/// The header row.
pub const HEADER: [&str; 13] = [
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
];

/// The CSV export (`--format csv`).
pub struct Csv;

impl Exporter for Csv {
    fn write(&self, ctx: &mut Context<'_>) -> Result<u64, Error> {
        let Context {
            bank,
            scan,
            out,
            warn,
            ..
        } = ctx;
        io(out.write_all(row(&HEADER.map(String::from)).as_bytes()))?;
        scan.each(*warn, |r| {
            for line in rows(&r, bank) {
                io(out.write_all(line.as_bytes()))?;
            }
            Ok(())
        })
    }
}

/// The rows of one check-in, each with its line end. `bank` is the bank loaded;
/// records made with it get the question texts.
pub fn rows(r: &CheckIn, bank: &Bank) -> Vec<String> {
    let bank = bank_for(Some(bank), r);
    let grades = Grades::of(r, bank);
    let time = rfc3339(&r.started_at);
    let status = match r.status {
        Status::Completed => "completed".to_string(),
        Status::Stopped => grades.stopped_words(r.status).unwrap_or_default(),
    };
    // One row: the check-in, the question and its answer, then the section's
    // numbers and the check-in's urgent findings, as every row of the section
    // carries them.
    let line = |section: String, q: &str, answer: String, grade: String, urgent: bool| {
        let s = grades.section(&section);
        let moderate = s
            .filter(|s| s.graded > 0)
            .map(|s| s.moderate_or_worse.to_string())
            .unwrap_or_default();
        let highest = s
            .and_then(|s| s.highest_grade)
            .map(|g| g.to_string())
            .unwrap_or_default();
        row(&[
            r.id.clone(),
            time.clone(),
            status.clone(),
            section,
            q.to_string(),
            bank.and_then(|b| b.question(q))
                .map(|q| defuse(&q.text))
                .unwrap_or_default(),
            answer,
            grade,
            urgent.to_string(),
            defuse(&retracted(r, q)),
            moderate,
            highest,
            grades.urgent_findings.to_string(),
        ])
    };
    let mut lines: Vec<String> = r
        .answers
        .iter()
        .map(|a| {
            line(
                a.section.clone(),
                &a.question,
                answer_text(a),
                grade(a).map(|g| g.to_string()).unwrap_or_default(),
                r.urgent_alerts().any(|al| al.question == a.question),
            )
        })
        .collect();
    let mut orphans: Vec<&str> = Vec::new();
    for al in r.retracted_urgent_alerts() {
        let q = al.question.as_str();
        if !r.answers.iter().any(|a| a.question == q) && !orphans.contains(&q) {
            orphans.push(q);
        }
    }
    for q in orphans {
        let section = bank
            .and_then(|b| b.question(q))
            .map(|q| q.section.clone())
            .unwrap_or_default();
        lines.push(line(section, q, String::new(), String::new(), false));
    }
    lines
}

/// The urgent alerts question `q` raised and a changed answer took back, in words.
fn retracted(r: &CheckIn, q: &str) -> String {
    r.retracted_urgent_alerts()
        .filter(|al| al.question == q)
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

/// The answer in words: the label chosen, the number, or the text typed.
fn answer_text(a: &AnswerRecord) -> String {
    if let Some(label) = &a.label {
        return label.clone();
    }
    match &a.value {
        Value::Bool(true) => "Yes".into(),
        Value::Bool(false) => "No".into(),
        Value::Number(n) => n.as_f64().map(fmt_num).unwrap_or_else(|| n.to_string()),
        Value::String(s) => defuse(s),
        other => other.to_string(),
    }
}

/// Free text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first)
/// gets a leading apostrophe, which spreadsheets show as plain text.
fn defuse(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// One CSV line: fields quoted when they hold a comma, quote or line break.
fn row(fields: &[String]) -> String {
    let mut line = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        if f.contains([',', '"', '\r', '\n']) {
            line.push('"');
            line.push_str(&f.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(f);
        }
    }
    line.push_str("\r\n");
    line
}
