//! The check-in record: one line of the log, and what reports are built from.
//!
//! Pure: the record is built by the flow ([`crate::flow::Flow::to_record`]), written
//! and read by the [`crate::store`]; the times and the random part of its id come
//! from the caller.

use std::cell::OnceCell;

use chrono::{DateTime, FixedOffset};
use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::answer::Answer;
use crate::bank::condition::{self, Given};
use crate::bank::{Bank, Level, Question};
use crate::profile::Profile;
use crate::text::rfc3339_field;

mod fast;

pub(crate) use fast::first_stop;
pub use fast::{Skim, fill_line_fast, fill_line_written, read_line_fast, skim_line};

/// The record format this build writes. Version 2 added `completes`; version 3
/// dropped the section sums (`scores`), added `asked`, `profile`, `retracted_alerts`
/// and the alerts' `shown_at` and `retracted_at`. Records of versions 1 and 2 are read
/// as they are; their sums are never used (see [`crate::grades`]).
pub const RECORD_VERSION: u32 = 3;

/// A baseline mark's `schema`. One above [`RECORD_VERSION`], which check-in lines
/// keep (their shape did not change), so that every sidecheck reads every check-in,
/// and one from before marks existed takes a mark for a record of a newer version:
/// its repair of a torn last line leaves the line in place and its `import`
/// refuses it as newer.
pub const MARK_VERSION: u32 = 4;

/// A log line that marks a check-in as the baseline: how the person was before
/// starting the medicine or before a dose change (`sidecheck check --baseline`,
/// `sidecheck baseline ID`). The log is append-only, so a mark is a new line and
/// never a change to the check-in's own line; the last mark in the log wins
/// ([`crate::checkins`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineMark {
    /// Record format version: [`MARK_VERSION`].
    pub schema: u32,
    /// What the line is: always `baseline` (a check-in line has no `kind`).
    pub kind: MarkKind,
    /// The id of the check-in marked.
    pub check_in: String,
    /// When the mark was made.
    #[serde(with = "rfc3339_field")]
    pub marked_at: DateTime<FixedOffset>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkKind {
    Baseline,
}

impl BaselineMark {
    /// A mark naming check-in `id`, made at `marked_at` (the caller's clock).
    pub fn new(id: &str, marked_at: DateTime<FixedOffset>) -> BaselineMark {
        BaselineMark {
            schema: MARK_VERSION,
            kind: MarkKind::Baseline,
            check_in: id.to_string(),
            marked_at,
        }
    }

    /// The mark as one JSON line, newline included.
    pub fn to_line(&self) -> Result<String, serde_json::Error> {
        let mut line = serde_json::to_string(self)?;
        line.push('\n');
        Ok(line)
    }
}

/// One line of the log, read.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    CheckIn(Box<CheckIn>),
    Mark(BaselineMark),
}

/// What [`read_line_in`] read: a check-in, now in the record it was given, or a
/// mark (the record then holds nothing of use).
#[derive(Debug, Clone, PartialEq)]
pub enum Filled {
    CheckIn,
    Mark(BaselineMark),
}

/// Why a line of the log is neither a check-in nor a mark this build reads.
#[derive(Debug)]
pub enum LineError {
    /// A record of a newer format than this build knows (its `schema`).
    Newer(u64),
    /// Not JSON, or not the shape of a check-in or a mark.
    Json(serde_json::Error),
}

/// Reads one line of the log (without its line end): the one rule of what a line
/// is, for every reader and for the store's repair of a torn last line.
///
/// A line exactly as sidecheck writes it is read by the strict fast path
/// ([`fast`]); every other line by [`read_line_serde`], which that path never
/// differs from.
pub fn read_line(text: &str) -> Result<Line, LineError> {
    let mut r = Box::new(CheckIn::blank());
    Ok(match read_line_in(text, &mut r)? {
        Filled::CheckIn => Line::CheckIn(r),
        Filled::Mark(m) => Line::Mark(m),
    })
}

/// [`read_line`] into a record that may hold an earlier line, refilled in the
/// buffers it has: a pass over the log reads every check-in into one record, so
/// that reading a line allocates next to nothing. When the line is not a check-in
/// the record holds nothing of use.
pub fn read_line_in(text: &str, r: &mut CheckIn) -> Result<Filled, LineError> {
    read_line_written(text, r).map(|(filled, _)| filled)
}

/// [`read_line_in`], and whether the line is exactly what [`CheckIn::to_line`]
/// writes for the check-in read, so that a writer may copy it (only a line the
/// fast path read can be: [`fast::fill_line_written`]).
pub fn read_line_written(text: &str, r: &mut CheckIn) -> Result<(Filled, bool), LineError> {
    if let Some(read) = fast::fill_line_written(text, r) {
        return Ok(read);
    }
    Ok(match read_line_serde(text)? {
        Line::CheckIn(read) => {
            *r = *read;
            (Filled::CheckIn, false)
        }
        Line::Mark(m) => (Filled::Mark(m), false),
    })
}

/// [`read_line`] by serde alone: what the fast path is checked against, and what
/// decides every line the fast path leaves.
pub fn read_line_serde(text: &str) -> Result<Line, LineError> {
    let e = match serde_json::from_str::<CheckIn>(text) {
        Ok(r) if r.schema > RECORD_VERSION => return Err(LineError::Newer(r.schema.into())),
        Ok(r) => return Ok(Line::CheckIn(Box::new(r))),
        Err(e) => e,
    };
    // Not a check-in: a mark, a line of a newer sidecheck (whose new fields a
    // check-in here does not have), or a damaged line, which keeps its own reason.
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return Err(LineError::Json(e));
    };
    let schema = value.get("schema").and_then(Value::as_u64);
    if value.get("kind").is_some() {
        if let Some(s) = schema.filter(|s| *s > u64::from(MARK_VERSION)) {
            return Err(LineError::Newer(s));
        }
        // Parsed from the text again, so a repeated key is refused as in a check-in.
        return serde_json::from_str::<BaselineMark>(text)
            .map(Line::Mark)
            .map_err(LineError::Json);
    }
    match schema {
        Some(s) if s > u64::from(RECORD_VERSION) => Err(LineError::Newer(s)),
        _ => Err(LineError::Json(e)),
    }
}

/// One saved check-in.
///
/// Its short texts (region, bank, question and section ids, labels, alert ids and
/// titles) are `CompactString`s: up to 24 bytes they are kept inline, so reading a
/// line allocates for few of them. serde reads and writes them exactly as `String`s.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckIn {
    /// Record format version.
    pub schema: u32,
    /// Unique id.
    pub id: String,
    /// `completed`, or `stopped` when the check was interrupted.
    pub status: Status,
    #[serde(with = "rfc3339_field")]
    pub started_at: DateTime<FixedOffset>,
    #[serde(with = "rfc3339_field")]
    pub ended_at: DateTime<FixedOffset>,
    pub bank: BankRef,
    /// Region code whose numbers were shown.
    pub region: CompactString,
    pub answers: Vec<AnswerRecord>,
    /// The alerts that hold at the end: urgent ones the person saw (with `shown_at`),
    /// and advice for the summary.
    pub alerts: Vec<AlertRecord>,
    /// Urgent alerts the person saw that stopped holding because an answer they
    /// rested on was changed (going back with Esc), in the order that happened, each
    /// with `shown_at` and `retracted_at`. Not in `alerts`: they do not stand, but a
    /// clinician must see that they were shown. Written only when there are any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retracted_alerts: Vec<AlertRecord>,
    /// Record formats 1 and 2 only: section sums, kept so old lines read and export
    /// as they were. Nothing reports them; [`crate::grades`] works the numbers out
    /// from the answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scores: Vec<SectionScore>,
    /// Record format 3: how many questions the check-in asks given its answers (for
    /// a stopped one, "stopped after N of M questions" has this as M).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asked: Option<u32>,
    /// The id of the stopped check-in this one continues (`sidecheck check
    /// --resume`). It carries that check-in's answers too, so reports show this one
    /// in its place. Written only when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completes: Option<String>,
    /// The "about you" answers as they were when this check-in was answered (kidney
    /// problems, age 65 or older, ...). Written only when some were known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<Profile>,
    /// Who answered: the person taking the medicine, or someone answering for the
    /// person they care for (`sidecheck check --for-someone`). Written only for a
    /// caregiver, last, so a line the person answered is the same as before the
    /// field existed, and such a line (no field) reads as `self`.
    #[serde(default, skip_serializing_if = "Respondent::is_self")]
    pub respondent: Respondent,
}

/// Who answered a check-in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Respondent {
    /// The person taking the medicine.
    #[default]
    #[serde(rename = "self")]
    Myself,
    /// Someone answering for the person they care for.
    Caregiver,
}

impl Respondent {
    pub fn is_self(&self) -> bool {
        *self == Respondent::Myself
    }

    /// The word the log and every export write: `self` or `caregiver`.
    pub fn as_str(self) -> &'static str {
        match self {
            Respondent::Myself => "self",
            Respondent::Caregiver => "caregiver",
        }
    }

    /// The catalogue id of a message for this respondent: `id` itself for the
    /// person, `id` + `-caregiver` (its third-person variant) for a caregiver.
    pub fn message<'a>(self, id: &'a str) -> std::borrow::Cow<'a, str> {
        match self {
            Respondent::Myself => id.into(),
            Respondent::Caregiver => format!("{id}-caregiver").into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Completed,
    Stopped,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Completed => "completed",
            Status::Stopped => "stopped",
        }
    }
}

/// Which bank a check-in used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankRef {
    pub id: CompactString,
    pub version: CompactString,
    pub language: CompactString,
}

impl BankRef {
    pub fn of(bank: &Bank) -> BankRef {
        BankRef {
            id: bank.id.as_str().into(),
            version: bank.version.as_str().into(),
            language: bank.language.as_str().into(),
        }
    }
}

/// One answer as saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerRecord {
    pub question: CompactString,
    pub section: CompactString,
    /// true/false, an option id, a number or a text.
    pub value: Value,
    /// What the person chose, in words (yes/no and scale answers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<CompactString>,
    /// The answer's score, for scored questions: for a scale answer its grade (0–4);
    /// for a yes/no symptom question the bank's `score_yes` when yes, 0 when no (a
    /// marker that it is a symptom question, never a grade).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
}

impl AnswerRecord {
    /// An answer with nothing in it, for a reader to fill.
    pub fn blank() -> AnswerRecord {
        AnswerRecord {
            question: CompactString::default(),
            section: CompactString::default(),
            value: Value::Null,
            label: None,
            score: None,
        }
    }
}

/// One alert as saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlertRecord {
    pub id: CompactString,
    pub question: CompactString,
    pub level: Level,
    pub title: CompactString,
    /// When the person was shown it (urgent alerts only; records before version 3
    /// and check-ins run without a clock have none).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rfc3339_field::option"
    )]
    pub shown_at: Option<DateTime<FixedOffset>>,
    /// When an answer it rested on was changed so that it no longer holds (alerts
    /// in `retracted_alerts` only).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rfc3339_field::option"
    )]
    pub retracted_at: Option<DateTime<FixedOffset>>,
}

impl AlertRecord {
    /// An alert with nothing in it, for a reader to fill.
    pub fn blank() -> AlertRecord {
        AlertRecord {
            id: CompactString::default(),
            question: CompactString::default(),
            level: Level::Advice,
            title: CompactString::default(),
            shown_at: None,
            retracted_at: None,
        }
    }
}

/// One section's sum, as record formats 1 and 2 saved it. Read, never reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionScore {
    pub section: CompactString,
    /// Sum of the scores of the answers given.
    pub score: u32,
    /// The most the questions asked could add up to.
    pub max: u32,
    /// How many scored questions were answered.
    pub answered: u32,
}

impl SectionScore {
    /// A section sum with nothing in it, for a reader to fill.
    pub fn blank() -> SectionScore {
        SectionScore {
            section: CompactString::default(),
            score: 0,
            max: 0,
            answered: 0,
        }
    }
}

impl CheckIn {
    /// A record with nothing in it, for a reader to fill ([`read_line_in`]).
    pub fn blank() -> CheckIn {
        CheckIn {
            schema: 0,
            id: String::new(),
            status: Status::Completed,
            started_at: DateTime::default(),
            ended_at: DateTime::default(),
            bank: BankRef {
                id: CompactString::default(),
                version: CompactString::default(),
                language: CompactString::default(),
            },
            region: CompactString::default(),
            answers: Vec::new(),
            alerts: Vec::new(),
            retracted_alerts: Vec::new(),
            scores: Vec::new(),
            asked: None,
            completes: None,
            respondent: Respondent::Myself,
            profile: None,
        }
    }

    /// The record as one JSON line, newline included.
    /// Fails only if the record cannot be written as JSON; the store then says the
    /// check-in was NOT saved, never writing a blank line.
    pub fn to_line(&self) -> Result<String, serde_json::Error> {
        let mut line = serde_json::to_string(self)?;
        line.push('\n');
        Ok(line)
    }

    /// The urgent alerts that stand at the end of the check-in, as saved (most
    /// urgent first). Each is one urgent finding.
    pub fn urgent_alerts(&self) -> impl Iterator<Item = &AlertRecord> {
        self.alerts.iter().filter(|a| a.level.is_urgent())
    }

    /// The urgent alerts shown and then retracted (an answer they rested on was
    /// changed), in the order that happened.
    pub fn retracted_urgent_alerts(&self) -> impl Iterator<Item = &AlertRecord> {
        self.retracted_alerts.iter().filter(|a| a.level.is_urgent())
    }

    /// The most urgent level among the alerts, if any is urgent.
    pub fn worst_level(&self) -> Option<Level> {
        self.urgent_alerts().map(|a| a.level).max()
    }
}

/// A new check-in id: the start time and 48 bits of `noise` (random bits from the
/// caller, [`crate::store::id_noise`]), so ids sort by time and two copies running
/// at once never collide.
pub fn new_id(started_at: DateTime<FixedOffset>, noise: u64) -> String {
    format!(
        "{}-{:012x}",
        started_at.naive_utc().format("%Y%m%d-%H%M%S"),
        noise & 0xffff_ffff_ffff
    )
}

/// The bank a record was made with, if it is the one loaded.
pub fn bank_for<'b>(bank: Option<&'b Bank>, record: &CheckIn) -> Option<&'b Bank> {
    bank.filter(|b| b.id == record.bank.id)
}

/// A record's answers as its bank's conditions read them: those to questions of the
/// bank that still fit them (a record made with an older version of the bank may
/// hold others) and that were enabled, in bank order, by the answers kept before
/// them and the "about you" answers the record was made with. The FHIR export puts
/// exactly these in a response.
///
/// Each question's answer is worked out when it is first asked for, and kept: an
/// alert's rule reads a few questions (and the follow-up conditions before them),
/// and most of a record's answers are never looked at. Asked for in any order, a
/// question's answer is what working them all out in bank order gives.
#[derive(Debug)]
pub struct Enabled<'b, 'r> {
    bank: &'b Bank,
    /// By the index of the bank's question: its saved answer, if any, and, once
    /// worked out, that answer as read if it is kept.
    slots: Vec<Slot<'r>>,
    profile: Option<&'r Profile>,
    /// How many of the record's answers name a question the bank does not have.
    unknown: usize,
}

#[derive(Debug)]
struct Slot<'r> {
    saved: Option<&'r AnswerRecord>,
    kept: OnceCell<Option<Answer>>,
}

/// The answers of [`Enabled`] a condition of the question at `limit` may read:
/// only those before it, as they were when it was asked.
struct Before<'e, 'b, 'r> {
    enabled: &'e Enabled<'b, 'r>,
    limit: usize,
}

impl<'b, 'r> Enabled<'b, 'r> {
    pub fn of(bank: &'b Bank, r: &'r CheckIn) -> Enabled<'b, 'r> {
        let (slots, unknown) = by_question(bank, r);
        Enabled {
            bank,
            slots,
            profile: r.profile.as_ref(),
            unknown,
        }
    }

    /// The bank whose conditions it reads.
    pub fn bank(&self) -> &'b Bank {
        self.bank
    }

    /// How many of the record's answers name a question the bank does not have
    /// (and so are never kept).
    pub fn unknown(&self) -> usize {
        self.unknown
    }

    /// The answer kept for the question at index `i`, worked out on first use.
    fn kept(&self, i: usize) -> Option<&Answer> {
        let slot = self.slots.get(i)?;
        let saved = slot.saved?;
        slot.kept
            .get_or_init(|| {
                let q = &self.bank.questions[i];
                // A condition sees only the answers before its question.
                let before = Before {
                    enabled: self,
                    limit: i,
                };
                let asked = q
                    .when
                    .as_ref()
                    .is_none_or(|c| condition::holds(self.bank, c, &before));
                asked
                    .then(|| Answer::from_saved(self.bank, q, &saved.value))
                    .flatten()
            })
            .as_ref()
    }

    /// The answer kept for question `id` among the first `limit` questions.
    fn answer_before(&self, id: &str, limit: usize) -> Option<(&Question, &Answer)> {
        let i = self.bank.position(id).filter(|i| *i < limit)?;
        Some((&self.bank.questions[i], self.kept(i)?))
    }

    /// The saved answer kept for each question of the bank, by the question's
    /// index: what [`Enabled::records`] holds, without hashing an id.
    pub fn by_index(&self) -> Vec<Option<&'r AnswerRecord>> {
        (0..self.slots.len())
            .map(|i| self.kept(i).and(self.slots[i].saved))
            .collect()
    }

    /// The saved answers kept, by question id: the view the tests read,
    /// [`Enabled::by_index`] without the bank's order.
    #[cfg(test)]
    pub fn records(&self) -> std::collections::HashMap<&'r str, &'r AnswerRecord> {
        self.by_index()
            .into_iter()
            .flatten()
            .map(|a| (a.question.as_str(), a))
            .collect()
    }
}

/// The saved answer to each question of `bank`, by the question's index (in a
/// slot for its answer as kept, not yet worked out), and how many answers name a
/// question the bank does not have. Of two answers to one
/// question (a log edited by hand) the later one counts.
fn by_question<'r>(bank: &Bank, r: &'r CheckIn) -> (Vec<Slot<'r>>, usize) {
    let mut given: Vec<Slot<'r>> = (0..bank.questions.len())
        .map(|_| Slot {
            saved: None,
            kept: OnceCell::new(),
        })
        .collect();
    let mut unknown = 0;
    let ids = r.answers.iter().map(|a| a.question.as_str());
    for (a, i) in r.answers.iter().zip(bank.places(ids)) {
        match i {
            Some(i) => given[i].saved = Some(a),
            None => unknown += 1,
        }
    }
    (given, unknown)
}

impl Given for Enabled<'_, '_> {
    fn answer_for(&self, id: &str) -> Option<(&Question, &Answer)> {
        self.answer_before(id, self.slots.len())
    }

    fn profile_for(&self, id: &str) -> Option<bool> {
        self.profile.and_then(|p| p.get(id))
    }
}

impl Given for Before<'_, '_, '_> {
    fn answer_for(&self, id: &str) -> Option<(&Question, &Answer)> {
        self.enabled.answer_before(id, self.limit)
    }

    fn profile_for(&self, id: &str) -> Option<bool> {
        self.enabled.profile_for(id)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn bank() -> Bank {
        Bank::bundled().expect("the bundled bank")
    }

    /// A completed record of `bank` holding these saved values.
    fn saved(bank: &Bank, values: Value, profile: Option<Value>) -> CheckIn {
        let answers: Vec<Value> = values
            .as_object()
            .expect("an object")
            .iter()
            .map(|(id, v)| {
                let section = bank.question(id).map_or("gone", |q| q.section.as_str());
                json!({"question": id, "section": section, "value": v})
            })
            .collect();
        let mut r = json!({
            "schema": 3, "id": "t", "status": "completed",
            "started_at": "2026-11-30T09:00:00.000+01:00",
            "ended_at": "2026-11-30T09:05:00.000+01:00",
            "bank": {"id": bank.id, "version": bank.version, "language": bank.language},
            "region": "US", "answers": answers, "alerts": []
        });
        if let Some(p) = profile {
            r["profile"] = p;
        }
        serde_json::from_value(r).expect("a record")
    }

    /// The ids of the alert rules that hold on a record's saved answers, read the
    /// way the FHIR export reads them.
    fn holding(bank: &Bank, r: &CheckIn) -> Vec<String> {
        let enabled = Enabled::of(bank, r);
        bank.alerts
            .iter()
            .filter(|a| condition::holds(bank, &a.when, &enabled))
            .map(|a| a.id.clone())
            .collect()
    }

    #[test]
    fn the_suicide_alerts_hold_on_the_saved_answers_that_raise_them_and_on_no_others() {
        let bank = bank();
        let suicide = |values: Value| -> Vec<String> {
            holding(&bank, &saved(&bank, values, None))
                .into_iter()
                .filter(|id| id.starts_with("suicid"))
                .collect()
        };
        assert_eq!(
            suicide(json!({"suicidal_thoughts": true})),
            ["suicidal_thoughts"]
        );
        // A plan escalates (the rules say which replaces which; here both hold).
        assert_eq!(
            suicide(json!({"suicidal_thoughts": true, "suicidal_plan": true})),
            ["suicidal_thoughts", "suicide_emergency"]
        );
        assert_eq!(
            suicide(
                json!({"suicidal_thoughts": true, "suicidal_plan": false, "suicidal_behavior": true})
            ),
            ["suicidal_thoughts", "suicide_emergency"]
        );
        assert_eq!(
            suicide(json!({"suicidal_thoughts": true, "more_than_prescribed": true})),
            ["suicidal_thoughts", "suicidal_overdose"]
        );
        assert!(suicide(json!({"suicidal_thoughts": false})).is_empty());
        assert!(suicide(json!({})).is_empty());
        // A plan saved without thoughts of suicide was never asked (a log edited
        // by hand), so it raises nothing; nor does a value of the wrong type.
        assert!(suicide(json!({"suicidal_thoughts": false, "suicidal_plan": true})).is_empty());
        assert!(suicide(json!({"suicidal_thoughts": "yes"})).is_empty());
    }

    #[test]
    fn enabled_answers_are_those_asked_and_still_fitting_their_questions() {
        let bank = bank();
        let r = saved(
            &bank,
            json!({
                "dose_change": false, "stopped": true, "missed_days": 9,
                "drowsiness": "awful", "dizziness": "mild",
                "notes": "x".repeat(5000), "no_such_question": true
            }),
            None,
        );
        let mut kept: Vec<&str> = Enabled::of(&bank, &r).records().into_keys().collect();
        kept.sort_unstable();
        // `stopped` follows a dose change; 9 days is out of range; "awful" is no
        // option. A long note is kept: it fitted the bank it was written for.
        assert_eq!(kept, ["dizziness", "dose_change", "notes"]);
    }

    #[test]
    fn a_follow_up_on_the_about_you_answers_is_enabled_by_the_record_s_own_profile() {
        let mut v: Value = serde_json::from_str(crate::bank::BUNDLED_BANK).expect("JSON");
        let notes = v["questions"]
            .as_array_mut()
            .and_then(|q| q.iter_mut().find(|q| q["id"] == "notes"))
            .expect("a notes question");
        notes["when"] = json!({"profile": "kidney", "equals": true});
        let bank = Bank::from_json("test", &v.to_string()).expect("a valid bank");
        let kept = |profile: Option<Value>| {
            let r = saved(&bank, json!({"notes": "Felt odd."}), profile);
            Enabled::of(&bank, &r).records().contains_key("notes")
        };
        assert!(kept(Some(json!({"kidney": true}))));
        assert!(!kept(Some(json!({"kidney": false}))));
        assert!(!kept(None));
    }

    #[test]
    fn answers_asked_for_in_any_order_are_those_worked_out_in_bank_order() {
        let bank = bank();
        let r = saved(
            &bank,
            json!({"pump": true, "dose_change": true, "stopped": true,
                   "suicidal_thoughts": false, "suicidal_plan": true,
                   "drowsiness": "very_severe", "dizziness": "awful",
                   "alcohol_sedatives": true, "breathing": true}),
            None,
        );
        let in_order = Enabled::of(&bank, &r).by_index();
        let ids: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
        for order in [ids.clone(), ids.iter().rev().copied().collect()] {
            let enabled = Enabled::of(&bank, &r);
            for id in order {
                let i = bank.position(id).expect("a question of the bank");
                let kept = enabled.answer_for(id).map(|(q, _)| q.id.as_str());
                assert_eq!(kept, in_order[i].map(|a| a.question.as_str()), "{id}");
            }
        }
        // A follow-up whose condition does not hold is not kept, asked first.
        assert!(in_order[bank.position("suicidal_plan").expect("asked")].is_none());
        assert!(in_order[bank.position("breathing").expect("asked")].is_some());
    }

    #[test]
    fn the_answers_kept_by_index_are_those_kept_by_id() {
        let bank = bank();
        let r = saved(
            &bank,
            json!({"dose_change": true, "stopped": true, "drowsiness": "awful",
                   "dizziness": "mild", "no_such_question": true}),
            None,
        );
        let enabled = Enabled::of(&bank, &r);
        let by_id = enabled.records();
        let by_index = enabled.by_index();
        assert_eq!(by_index.len(), bank.questions.len());
        for (q, kept) in bank.questions.iter().zip(by_index) {
            assert_eq!(kept, by_id.get(q.id.as_str()).copied(), "{}", q.id);
        }
    }

    #[test]
    fn who_answered_is_written_only_for_a_caregiver_and_an_old_line_reads_as_self() {
        let bank = bank();
        let mut r = saved(&bank, json!({"breathing": false}), None);
        let own = r.to_line().expect("a line");
        assert!(!own.contains("respondent"), "{own}");
        r.respondent = Respondent::Caregiver;
        let cared = r.to_line().expect("a line");
        assert!(
            cared.ends_with(",\"respondent\":\"caregiver\"}\n"),
            "{cared}"
        );
        for (line, who) in [(own, Respondent::Myself), (cared, Respondent::Caregiver)] {
            let text = line.trim_end();
            // The fast path takes both, and reads what serde reads.
            let fast = read_line_fast(text).expect("the fast path's own line");
            assert_eq!(Some(&fast), read_line_serde(text).ok().as_ref());
            let Line::CheckIn(back) = fast else {
                panic!("not a check-in: {text}")
            };
            assert_eq!(back.respondent, who);
        }
        // Written by hand: "self" is the person too.
        let own = r#"{"schema":3,"id":"t","status":"completed","started_at":"2026-11-30T09:00:00.000+01:00","ended_at":"2026-11-30T09:05:00.000+01:00","bank":{"id":"b","version":"1","language":"en"},"region":"US","answers":[],"alerts":[],"respondent":"self"}"#;
        match read_line(own) {
            Ok(Line::CheckIn(r)) => assert_eq!(r.respondent, Respondent::Myself),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_caregiver_s_message_is_the_id_s_third_person_variant() {
        assert_eq!(Respondent::Myself.message("about-you-why"), "about-you-why");
        assert_eq!(
            Respondent::Caregiver.message("about-you-why"),
            "about-you-why-caregiver"
        );
        assert_eq!(Respondent::Caregiver.as_str(), "caregiver");
        assert_eq!(Respondent::Myself.as_str(), "self");
    }

    #[test]
    fn a_new_id_is_the_start_time_in_utc_and_48_bits_of_noise() {
        let t = DateTime::parse_from_rfc3339("2026-11-30T09:00:01.500+01:00").expect("a time");
        assert_eq!(new_id(t, u64::MAX), "20261130-080001-ffffffffffff");
        assert_eq!(
            new_id(t, 0x1_0000_0000_002a),
            "20261130-080001-00000000002a"
        );
    }
}
