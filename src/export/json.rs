//! The JSON report: a document with its own format name and version, holding every
//! check-in of the period and a summary.
//!
//! It is written as it is read, in one read of the log: the head, then each record
//! as it comes off the log, then the banks and the summary built while the records
//! went by, then the urgent alerts, and last each check-in's numbers
//! ([`crate::grades`]); those two lists are spooled ([`Spool`]) as the records go by. The summary's `baseline` (the check-in marked
//! as how the person was before, with the change since it per symptom) or
//! `no_baseline` come from the report model ([`crate::report::baseline`]), found
//! before the first record is written. Its shape is described by
//! [`schema`] (`sidecheck export --schema`), which is generated from the types below
//! so the two cannot drift apart.

use std::io::Write;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use super::{Context, Exporter};
use crate::bank::Level;
use crate::error::Error;
use crate::grades::Grades;
use crate::output::{compact, io, write_fields};
use crate::record::{CheckIn, Status};
use crate::report::{PeriodView, SPARK_WIDTH, SummaryView, UrgentAlert, retracted_alerts};
use crate::scan::{Scan, Spool};
use crate::text::rfc3339;

mod write;

/// The one JSON string escaper of the hand-written writers (the FHIR Bundle's too),
/// with its writer of a string's contents alone, and of a time as a string.
pub(crate) use write::{contents as json_contents, string as json_string, time as json_time};

/// The report's format name.
pub const REPORT_FORMAT: &str = "sidecheck-report";
/// The report format version this build writes. Readers should refuse higher ones.
pub const REPORT_VERSION: u32 = 1;

/// A sidecheck report: the check-ins of a period with a summary.
#[derive(JsonSchema)]
#[schemars(title = "sidecheck report")]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct ReportDoc {
    /// Always "sidecheck-report".
    format: FormatName,
    /// The report format version.
    #[schemars(extend("const" = 1))]
    version: u32,
    /// When the report was made (RFC 3339).
    #[schemars(extend("format" = "date-time"))]
    generated_at: String,
    /// The period covered; check-ins are chosen by start time.
    period: PeriodView,
    /// Every check-in in the period, in the order saved, exactly as in the log. A line
    /// repeated in the log is here once; a stopped check-in that a later one
    /// completes is left out, as the later one holds all its answers. The lines
    /// that mark a baseline are not check-ins: `summary.baseline` says which
    /// check-in is marked (even one outside the period) and when.
    records: Vec<RecordDoc>,
    /// The question banks the check-ins were made with.
    banks: Vec<BankDoc>,
    summary: SummaryDoc,
}

#[derive(JsonSchema)]
#[allow(dead_code)]
enum FormatName {
    #[serde(rename = "sidecheck-report")]
    Report,
}

/// The summary of the period.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct SummaryDoc {
    #[serde(flatten)]
    view: SummaryView,
    /// Every urgent alert that stands in the period with its date, in the order saved.
    urgent_alerts: Vec<UrgentAlert>,
    /// Every urgent alert that was shown and then retracted (the person changed the
    /// answer it rested on), with `shown_at` and `retracted_at`, in the order saved.
    /// Not in `urgent_alerts`.
    retracted_alerts: Vec<UrgentAlert>,
    /// Each check-in's numbers, in the order saved, worked out from its answers
    /// (never from the sums that record formats 1 and 2 stored).
    check_ins: Vec<CheckInNumbers>,
}

/// One check-in's numbers: per section the symptoms at moderate or worse (grade 2
/// or more) and the highest grade, yes answers, and its urgent findings. There is
/// no total score. The report's bytes are written by hand (`write::numbers`), held
/// to what serde writes for this type by a test; the type gives the schema.
#[derive(Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckInNumbers {
    /// The check-in's id.
    check_in: String,
    /// Start of the check-in (RFC 3339).
    #[schemars(extend("format" = "date-time"))]
    at: String,
    status: StatusDoc,
    /// For a stopped check-in, in words: "stopped after 5 of 31 questions". Stopped
    /// check-ins are left out of every trend.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    stopped: Option<String>,
    #[serde(flatten)]
    grades: Grades,
}

impl CheckInNumbers {
    /// The numbers of `r`, which are `grades` ([`Grades::of`]).
    pub fn of(r: &CheckIn, grades: Grades) -> CheckInNumbers {
        CheckInNumbers {
            check_in: r.id.clone(),
            at: rfc3339(&r.started_at),
            status: match r.status {
                Status::Completed => StatusDoc::Completed,
                Status::Stopped => StatusDoc::Stopped,
            },
            stopped: grades.stopped_words(r.status),
            grades,
        }
    }
}

/// One check-in, as the log stores it (record formats 1 to 3).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct RecordDoc {
    /// Record format version.
    #[schemars(range(min = 1))]
    schema: u32,
    id: String,
    status: StatusDoc,
    #[schemars(extend("format" = "date-time"))]
    started_at: String,
    #[schemars(extend("format" = "date-time"))]
    ended_at: String,
    bank: BankDoc,
    /// Region code whose numbers were shown.
    region: String,
    answers: Vec<AnswerDoc>,
    alerts: Vec<AlertDoc>,
    /// Record format 3: urgent alerts shown and then retracted because an answer
    /// they rested on was changed, each with `shown_at` and `retracted_at`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    retracted_alerts: Vec<AlertDoc>,
    /// Record formats 1 and 2 only: section sums as they were saved. They added
    /// yes answers into severity scales and their maximum changed between
    /// check-ins; use `summary.check_ins` instead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    scores: Vec<ScoreDoc>,
    /// Record format 3: the questions the check-in asks given its answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    asked: Option<u32>,
    /// Record format 2: the id of the stopped check-in this one continues
    /// (`sidecheck check --resume`); it holds that check-in's answers too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    completes: Option<String>,
    /// Record format 3: the "about you" answers as they were when the check-in
    /// was answered, item id to yes (true) or no (false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    profile: Option<std::collections::BTreeMap<String, bool>>,
    /// Who answered: `caregiver` when someone answered for the person they care
    /// for (`sidecheck check --for-someone`). Absent when the person answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    respondent: Option<RespondentDoc>,
}

#[derive(JsonSchema)]
#[allow(dead_code)]
enum RespondentDoc {
    #[serde(rename = "self")]
    Myself,
    #[serde(rename = "caregiver")]
    Caregiver,
}

#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
enum StatusDoc {
    Completed,
    Stopped,
}

/// A question bank by id, version and language.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct BankDoc {
    id: String,
    version: String,
    language: String,
}

#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct AnswerDoc {
    question: String,
    section: String,
    /// true/false, an option id, a number or a text.
    #[schemars(extend("type" = ["boolean", "string", "number"]))]
    value: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    score: Option<u8>,
}

#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct AlertDoc {
    id: String,
    question: String,
    level: Level,
    title: String,
    /// Record format 3: when the person was shown it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "date-time"))]
    shown_at: Option<String>,
    /// Record format 3: when the answer it rested on was changed (retracted alerts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "date-time"))]
    retracted_at: Option<String>,
}

#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct ScoreDoc {
    section: String,
    score: u32,
    max: u32,
    answered: u32,
}

/// The JSON Schema of the report, pretty-printed with a final newline.
pub fn schema() -> String {
    crate::schema::text::<ReportDoc>()
}

/// Appends check-in `r` as the report's `records` hold it: what
/// [`CheckIn::to_line`] writes, without the line end. Public for the tests that
/// hold a line of the log the report copies (one read as written,
/// [`crate::record::fill_line_written`]) to what this writes.
pub fn record_bytes(buf: &mut Vec<u8>, r: &CheckIn) {
    write::record(buf, r);
}

/// What the error calls the JSON if it cannot be formatted.
const WHAT: &str = "the report";

/// The JSON report (`--format json`).
pub struct Json;

impl Exporter for Json {
    fn write(&self, ctx: &mut Context<'_>) -> Result<u64, Error> {
        let Context {
            bank,
            period,
            generated_at,
            scan,
            out,
            warn,
            ..
        } = ctx;
        io(write!(
            out,
            "{{\n  \"format\": {},\n  \"version\": {REPORT_VERSION},\n  \"generated_at\": {},\n  \"period\": {},\n  \"records\": [",
            compact(&REPORT_FORMAT, WHAT)?,
            compact(&rfc3339(generated_at), WHAT)?,
            compact(&period.view(), WHAT)?,
        ))?;
        // The urgent alerts and each check-in's numbers come after the summary:
        // they are written to spools as the records go by. Retracted alerts are
        // few; they are kept in memory.
        let mut alerts = Lists::new(scan);
        let mut sep = "\n    ";
        let mut buf = Vec::new();
        let summary = scan.summarize_written(Some(*bank), *warn, |r, line, graded| {
            // Almost every line of the log is the record as written: it is copied.
            io(out.write_all(sep.as_bytes()))?;
            match line {
                Some(line) => io(out.write_all(line))?,
                None => {
                    buf.clear();
                    record_bytes(&mut buf, r);
                    io(out.write_all(&buf))?;
                }
            }
            sep = ",\n    ";
            alerts.add(r, &graded.grades, &mut buf)
        })?;
        let count = summary.counts.check_ins;
        io(out.write_all(if count > 0 { b"\n  ],\n" } else { b"],\n" }))?;
        io(writeln!(
            out,
            "  \"banks\": {},",
            compact(&summary.banks(), WHAT)?
        ))?;
        // The summary's fields, then the lists from the spools.
        io(out.write_all(b"  \"summary\": {\n"))?;
        write_fields(out, "    ", &summary.view(SPARK_WIDTH), WHAT)?;
        alerts.write(out)?;
        Ok(count)
    }
}

/// What goes before an item of a list in the summary: a comma after the first
/// (`more` when items are waiting to go in after the spool's).
fn sep(list: &Spool, more: bool) -> &'static str {
    if list.is_empty() && !more {
        "\n      "
    } else {
        ",\n      "
    }
}

/// The summary's lists that follow its fields, gathered as the records go by:
/// `urgent_alerts` and `check_ins` in spools, `retracted_alerts` in memory.
struct Lists {
    urgent: Spool,
    retracted: Vec<UrgentAlert>,
    numbers: Spool,
}

impl Lists {
    fn new(scan: &Scan<'_>) -> Lists {
        Lists {
            urgent: scan.spool(),
            retracted: Vec::new(),
            numbers: scan.spool(),
        }
    }

    /// Adds one check-in's alerts and numbers, each with the separator before it.
    fn add(&mut self, r: &CheckIn, grades: &Grades, buf: &mut Vec<u8>) -> Result<(), Error> {
        buf.clear();
        for alert in r.urgent_alerts() {
            buf.extend_from_slice(sep(&self.urgent, !buf.is_empty()).as_bytes());
            write::urgent_alert(buf, r, alert);
        }
        io(self.urgent.write_all(buf))?;
        self.retracted.extend(retracted_alerts(r));
        buf.clear();
        buf.extend_from_slice(sep(&self.numbers, false).as_bytes());
        write::numbers(buf, r, grades);
        io(self.numbers.write_all(buf))
    }

    /// The summary's `urgent_alerts`, `retracted_alerts` and `check_ins`, and the
    /// end of the report.
    fn write(mut self, out: &mut dyn Write) -> Result<(), Error> {
        io(out.write_all(b"    \"urgent_alerts\": ["))?;
        let any = !self.urgent.is_empty();
        self.urgent.copy_to(out)?;
        io(out.write_all(if any { b"\n    ],\n" } else { b"],\n" }))?;
        io(out.write_all(b"    \"retracted_alerts\": ["))?;
        let mut sep = "\n      ";
        for alert in &self.retracted {
            io(write!(out, "{sep}{}", compact(alert, WHAT)?))?;
            sep = ",\n      ";
        }
        io(out.write_all(if self.retracted.is_empty() {
            b"],\n"
        } else {
            b"\n    ],\n"
        }))?;
        io(out.write_all(b"    \"check_ins\": ["))?;
        let any = !self.numbers.is_empty();
        self.numbers.copy_to(out)?;
        io(out.write_all(if any {
            b"\n    ]\n  }\n}\n"
        } else {
            b"]\n  }\n}\n"
        }))
    }
}
