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
//!
//! The words for people (question texts, answer labels, yes and no, alert titles,
//! `answered_of_asked`) are in the export's language, whatever language each
//! check-in was saved in ([`cells`]); the header, ids and codes never change.
//! Everything that is the same for every check-in is rendered once per export, and
//! each row is copied together from those cells straight into one buffer.

mod cells;
mod lines;

use std::fmt::Write as _;

use cells::Cells;
use lines::{Lines, Piece};

use super::{Context, Exporter};
use crate::bank::Bank;
use crate::error::Error;
use crate::grades::{AlertBasis, Graded, Grades, grade};
use crate::record::{AnswerRecord, CheckIn, Status, bank_for};
use crate::report::{Baseline, Shift, Snapshot, Symptom, comparable, retracted_words, shift};
use crate::text::rfc3339;

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
        let mut rows = Rows::new(&mut lines, bank, found.baseline());
        let written = scan.each(*warn, |r| {
            rows.write(&mut lines, r);
            lines.write_some(*out)
        });
        // What was made before a failure is written all the same, as each row was
        // when it was made.
        let flushed = lines.flush(*out);
        let n = written?;
        flushed.map(|()| n)
    }
}

/// What the rows of every check-in of one export are made from: the cells made
/// once ([`Cells`]), the baseline, and what is reused from one check-in to the next.
struct Rows<'b> {
    bank: &'b Bank,
    cells: Cells<'b>,
    baseline: Option<&'b Baseline>,
    /// The baseline's answer to each question of the bank, by the question's index.
    before: Vec<Option<&'b Symptom>>,
    /// The check-in being written as it is compared with the baseline.
    now: Option<Snapshot>,
    /// Where in `now` the answer to each question of the bank is, by its index.
    now_at: Vec<Option<usize>>,
    /// The model's word for each change met so far ([`shift_word`]), as a cell.
    shift_words: Vec<(Shift, Piece)>,
}

impl<'b> Rows<'b> {
    /// `bank` is the bank loaded: records made with it get the question texts and
    /// the whole [`AlertBasis`]. `baseline` is the baseline the log names, if any.
    fn new(lines: &mut Lines, bank: &'b Bank, baseline: Option<&'b Baseline>) -> Rows<'b> {
        let mut before = vec![None; bank.questions.len()];
        if let Some(b) = baseline {
            for s in b.snapshot.symptoms.iter().rev() {
                // Reversed, so the first answer to a question is the one kept, as
                // `Snapshot::symptom` finds it.
                if let Some(i) = bank.position(&s.id) {
                    before[i] = Some(s);
                }
            }
        }
        Rows {
            bank,
            cells: Cells::new(lines, bank),
            baseline,
            before,
            now: None,
            now_at: Vec::new(),
            shift_words: Vec::new(),
        }
    }

    /// Appends the rows of one check-in to `lines`, each with its line end.
    fn write(&mut self, lines: &mut Lines, r: &CheckIn) {
        let bank = bank_for(Some(self.bank), r);
        // The alert basis once, for the grades, the snapshot and every row.
        let Graded { basis, grades } = Graded::of(r, bank);
        let compared = self.compare(r, &basis);
        let status = match r.status {
            Status::Completed => r.status.as_str().to_string(),
            Status::Stopped => grades.stopped_words(r.status).unwrap_or_default(),
        };
        let one = CheckInRows {
            r,
            by_id: self.cells.by_id(r),
            quiet: basis.standing().is_empty() && basis.retracted().is_empty(),
            head: lines.head(&[&r.id, &rfc3339(&r.started_at), &status]),
            compared,
            is_baseline: self.baseline.is_some_and(|b| b.id() == r.id),
            grades,
            basis,
        };
        let mut next = 0;
        for a in &r.answers {
            let at = bank.and_then(|b| b.position_next(&a.question, &mut next));
            self.line(lines, &one, (&a.section, &a.question, at), Some(a));
        }
        for q in one.alerts_without_a_row() {
            let at = bank.and_then(|b| b.position(q));
            let section = at.map_or("", |i| self.bank.questions[i].section.as_str());
            self.line(lines, &one, (section, q, at), None);
        }
    }

    /// Makes `now` the snapshot of `r`, when the model compares `r` with the
    /// baseline (it was made after it, and is not the baseline itself).
    fn compare(&mut self, r: &CheckIn, basis: &AlertBasis<'_>) -> bool {
        let Some(b) = self.baseline else {
            return false;
        };
        // Whether the model compares a check-in with the baseline depends on its id
        // and time alone: the answers are read only for one it compares.
        if !comparable(b, &r.id, &r.started_at) {
            return false;
        }
        let now = match &mut self.now {
            Some(now) => {
                now.remake(r, basis);
                now
            }
            None => self.now.insert(Snapshot::with_basis(r, basis)),
        };
        self.now_at.clear();
        self.now_at.resize(self.bank.questions.len(), None);
        let mut next = 0;
        for (n, s) in now.symptoms.iter().enumerate() {
            if let Some(i) = self.bank.position_next(&s.id, &mut next) {
                self.now_at[i].get_or_insert(n);
            }
        }
        true
    }

    /// One row: the check-in, the question (its section, id, and index in the
    /// bank, if it is there) and its answer (`None` for the row of an alert whose
    /// question has none), the alerts it raised or contributed to, then the
    /// section's numbers and the check-in's, as every row of the section carries
    /// them, and the change from the baseline.
    fn line(
        &mut self,
        lines: &mut Lines,
        one: &CheckInRows<'_>,
        (section, q, at): (&str, &str, Option<usize>),
        answer: Option<&AnswerRecord>,
    ) {
        lines.start_with(&one.head);
        match at {
            Some(i) if self.bank.questions[i].section == section => {
                lines.put(self.cells.question(i));
            }
            _ => {
                lines.field(section);
                lines.field(q);
                lines.field(at.map_or("", |i| self.bank.questions[i].text.as_str()));
            }
        }
        match answer {
            Some(a) => self.cells.answer(lines, a, at.filter(|_| one.by_id)),
            None => lines.field(""),
        }
        lines.number(answer.and_then(grade).map(u32::from));
        if one.quiet {
            lines.put(bool_cell(false));
            lines.put(b",");
        } else {
            lines.put(bool_cell(one.basis.urgent(q)));
            lines.field_with(|text| one.retracted(text, q, &self.cells));
        }
        let s = one.grades.section(section);
        lines.number(s.filter(|s| s.graded > 0).map(|s| s.moderate_or_worse));
        lines.number(s.and_then(|s| s.highest_grade).map(u32::from));
        lines.number(Some(one.grades.urgent_findings));
        if one.quiet {
            lines.put(b",,");
        } else {
            let standing = one.basis.standing_for(q);
            lines.field_with(|text| join(text, standing.iter().map(|a| a.id.as_str())));
            lines.field_with(|text| join(text, standing.iter().map(|a| a.level.as_str())));
        }
        let asked = one.grades.asked_in(one.r.status);
        self.cells.of_asked(lines, one.grades.answered, asked);
        let before = match at {
            Some(i) => self.before[i],
            None => self.baseline.and_then(|b| b.symptom(q)),
        };
        lines.number(before.map(|s| s.value));
        match self.change(one.compared, before, q, at) {
            Some(change) => self.shift(lines, change),
            None => lines.put(b","),
        }
        lines.put(bool_cell(one.is_baseline));
        lines.field(one.r.respondent.as_str());
        lines.end();
    }

    /// The change of question `q` from the baseline (`before`), when the check-in
    /// is `compared` with it and either answered it.
    fn change(
        &self,
        compared: bool,
        before: Option<&Symptom>,
        q: &str,
        at: Option<usize>,
    ) -> Option<Shift> {
        let now = self.now.as_ref().filter(|_| compared)?;
        let now = match at {
            Some(i) => self.now_at[i].map(|n| &now.symptoms[n]),
            None => now.symptom(q),
        };
        (before.is_some() || now.is_some()).then(|| shift(before, now))
    }

    /// The model's word for a change as the next field: [`shift_word`], made once
    /// per word.
    fn shift(&mut self, lines: &mut Lines, change: Shift) {
        if let Some((_, cell)) = self.shift_words.iter().find(|(s, _)| *s == change) {
            return lines.put(cell);
        }
        let cell = lines.piece(&[&shift_word(change)]);
        lines.put(&cell);
        self.shift_words.push((change, cell));
    }
}

/// What every row of one check-in is made from.
struct CheckInRows<'r> {
    r: &'r CheckIn,
    grades: Grades,
    basis: AlertBasis<'r>,
    /// Its words are read by id from the export's bank ([`Cells::by_id`]).
    by_id: bool,
    /// No alert stands or was retracted: no row has an alert.
    quiet: bool,
    /// The fields every row starts with: the id, the time and the status.
    head: Piece,
    /// Whether the model compares it with the baseline.
    compared: bool,
    is_baseline: bool,
}

impl<'r> CheckInRows<'r> {
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
    fn retracted(&self, text: &mut String, q: &str, cells: &Cells<'_>) {
        let urgent = self.basis.retracted_for(q);
        for (i, al) in urgent.iter().filter(|al| al.level.is_urgent()).enumerate() {
            if i > 0 {
                text.push_str("; ");
            }
            let _ = write!(
                text,
                "{} ({}): {}",
                cells.title(al, self.by_id),
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

/// A yes or no as the CSV writes it, as a cell: a code, the same in every
/// language, which needs neither quotes nor the guard.
fn bool_cell(b: bool) -> &'static [u8] {
    if b { b",true" } else { b",false" }
}

/// The model's word for a change, as the JSON report writes it (`not_asked_before`).
fn shift_word(shift: Shift) -> String {
    serde_json::to_value(shift)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}
