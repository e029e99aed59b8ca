//! CSV export: one row per answer, with a header row, RFC 4180 quoting and CRLF line
//! ends, so it opens cleanly in a spreadsheet. Each row also carries its check-in's
//! status and urgent findings and its section's numbers ([`crate::grades`]), so a
//! spreadsheet can filter on them without a second table.

use std::io::Write;

use serde_json::Value;

use super::{Context, io};
use crate::bank::fmt_num;
use crate::error::Error;
use crate::grades::{Grades, grade};
use crate::record::{AnswerRecord, CheckIn, Status};
use crate::report::{bank_for, rfc3339};
use crate::scan::Scan;
use crate::store::Warn;

/// The header row.
pub const HEADER: [&str; 12] = [
    "checkin_id",
    "time",
    "status",
    "section",
    "question_id",
    "question_text",
    "answer",
    "grade",
    "urgent",
    "section_moderate_or_worse",
    "section_highest_grade",
    "checkin_urgent_findings",
];

/// Writes the CSV; returns how many check-ins it holds.
pub fn write(
    out: &mut dyn Write,
    scan: &mut Scan<'_>,
    ctx: &Context<'_>,
    warn: Warn<'_>,
) -> Result<u64, Error> {
    io(out.write_all(row(&HEADER.map(String::from)).as_bytes()))?;
    scan.each(warn, |r| {
        for line in rows(&r, ctx) {
            io(out.write_all(line.as_bytes()))?;
        }
        Ok(())
    })
}

/// The rows of one check-in, each with its line end.
pub fn rows(r: &CheckIn, ctx: &Context<'_>) -> Vec<String> {
    let bank = bank_for(Some(ctx.bank), r);
    let time = rfc3339(&r.started_at);
    let grades = Grades::of(r, bank);
    let status = match r.status {
        Status::Completed => "completed".to_string(),
        Status::Stopped => grades.stopped_words(r.status).unwrap_or_default(),
    };
    r.answers
        .iter()
        .map(|a| {
            let text = bank
                .and_then(|b| b.question(&a.question))
                .map(|q| q.text.clone())
                .unwrap_or_default();
            let urgent = r
                .alerts
                .iter()
                .any(|al| al.level.is_urgent() && al.question == a.question);
            let section = grades.section(&a.section);
            row(&[
                r.id.clone(),
                time.clone(),
                status.clone(),
                a.section.clone(),
                a.question.clone(),
                defuse(&text),
                answer_text(a),
                grade(a).map(|g| g.to_string()).unwrap_or_default(),
                urgent.to_string(),
                section
                    .filter(|s| s.graded > 0)
                    .map(|s| s.moderate_or_worse.to_string())
                    .unwrap_or_default(),
                section
                    .and_then(|s| s.highest_grade)
                    .map(|g| g.to_string())
                    .unwrap_or_default(),
                grades.urgent_findings.to_string(),
            ])
        })
        .collect()
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
