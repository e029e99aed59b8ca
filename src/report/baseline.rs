//! The baseline: how the person was before starting the medicine or before a dose
//! change (the GASE instrument asks for one before treatment), and the change since
//! then, per symptom. Without it nobody can tell the drug's side effects from what
//! the person already had.
//!
//! The one home of what every report says about it:
//! - which check-in is the baseline, or why there is none ([`Found::of`]; the mark
//!   itself is found by [`crate::checkins`]);
//! - its numbers per symptom and per section ([`Baseline`]), for a line on a chart;
//! - which check-in it is compared with: the latest completed one of the period,
//!   if it started after the baseline ([`compared`]);
//! - the change per symptom, in numbers and in plain words ([`changes`]).
//!
//! Pure: the records and the period come from the caller.

use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset};
use schemars::JsonSchema;
use serde::Serialize;

use super::{Measure, Period, emergency_from, minute, question_short};
use crate::bank::Bank;
use crate::grades::{AlertBasis, Grades, SectionGrades, grade, yes_sign};
use crate::i18n::{t, t_args};
use crate::record::{AnswerRecord, BankRef, BaselineMark, CheckIn, Status};
use crate::text::rfc3339;

/// The words a snapshot and a change are written with, in the language in use:
/// looked up once per run, not once per record (a summary remakes its latest
/// snapshot at nearly every record). The language is set before any report.
struct Words {
    yes: String,
    no: String,
    not_asked: String,
    worse: String,
    better: String,
    same: String,
    emergency: String,
}

impl Words {
    fn get() -> &'static Words {
        static WORDS: OnceLock<Words> = OnceLock::new();
        WORDS.get_or_init(|| Words {
            yes: t("report-change-yes"),
            no: t("report-change-no"),
            not_asked: t("report-change-not-asked"),
            worse: t("report-change-worse"),
            better: t("report-change-better"),
            same: t("report-change-same"),
            emergency: t("report-change-emergency"),
        })
    }

    fn yes_no(&self, yes: bool) -> &str {
        if yes { &self.yes } else { &self.no }
    }
}

/// How to mark a baseline, in the words every report uses.
pub fn how_to_mark() -> String {
    t("report-baseline-how-to-mark")
}

/// One symptom's answer in one check-in: a graded (0–4) or a yes/no symptom
/// question, as the trends count them.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Symptom {
    /// The question's id.
    pub id: String,
    /// The question's section.
    pub section: String,
    /// `grade` (0 none to 4 very severe) or `yes_no`.
    pub measure: Measure,
    /// The grade, or 1 for yes and 0 for no.
    pub value: u32,
    /// The answer in words, as the person chose it: "moderate", "yes".
    pub label: String,
    /// Whether an emergency alert from this question stood at the end of the
    /// check-in (never read as "better").
    #[serde(skip)]
    pub emergency: bool,
    /// For a graded answer given in another language than the one in use: its
    /// option id, for a change to say it in the bank's words (empty otherwise).
    #[serde(skip)]
    pub foreign_option: String,
}

/// What one check-in said, per symptom, in the order it asked.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub check_in: String,
    pub at: DateTime<FixedOffset>,
    pub symptoms: Vec<Symptom>,
}

impl Snapshot {
    /// `bank` (when the record was made with it) says which answers each alert
    /// rests on.
    pub fn of(r: &CheckIn, bank: Option<&Bank>) -> Snapshot {
        Snapshot::with_basis(r, &AlertBasis::of(r, bank))
    }

    /// [`Snapshot::of`], with the record's [`AlertBasis`] already worked out.
    pub fn with_basis(r: &CheckIn, basis: &AlertBasis<'_>) -> Snapshot {
        let mut s = Snapshot {
            check_in: String::new(),
            at: r.started_at,
            symptoms: Vec::new(),
        };
        s.remake(r, basis);
        s
    }

    /// Makes this the snapshot of `r` ([`Snapshot::with_basis`]), reusing what it
    /// holds: a summary keeps one for the latest completed check-in, and in a log
    /// in time order it changes at nearly every record.
    pub fn remake(&mut self, r: &CheckIn, basis: &AlertBasis<'_>) {
        self.check_in.clone_from(&r.id);
        self.at = r.started_at;
        let foreign = in_another_language(r);
        let mut n = 0;
        for a in &r.answers {
            let Some(measured) = Symptom::measured(a) else {
                continue;
            };
            if n == self.symptoms.len() {
                self.symptoms.push(Symptom::blank());
            }
            self.symptoms[n].set(a, measured, emergency_from(basis, &a.question), foreign);
            n += 1;
        }
        self.symptoms.truncate(n);
    }

    /// The answer to one symptom question, if it was asked.
    pub fn symptom(&self, id: &str) -> Option<&Symptom> {
        self.symptoms.iter().find(|s| s.id == id)
    }
}

/// Whether a record's answers were given in another language than the one in use
/// (its graded answers' symptoms then keep their option ids).
pub fn in_another_language(r: &CheckIn) -> bool {
    r.bank.language != crate::i18n::current().code()
}

impl Symptom {
    /// The symptom of a saved answer, if it is one (a grade, or a yes/no symptom
    /// answer): `emergency` says whether an emergency alert from its question
    /// stood ([`emergency_from`]), `foreign` whether its record was answered in
    /// another language than the one in use ([`in_another_language`]). What
    /// [`Snapshot::remake`] makes of each answer, and nothing else of the record.
    pub fn of(a: &AnswerRecord, emergency: bool, foreign: bool) -> Option<Symptom> {
        let measured = Symptom::measured(a)?;
        let mut s = Symptom::blank();
        s.set(a, measured, emergency, foreign);
        Some(s)
    }

    /// What a saved answer measures, if it is a symptom: a grade, or yes (1) or
    /// no (0).
    pub fn measured(a: &AnswerRecord) -> Option<(Measure, u32)> {
        match (grade(a), yes_sign(a)) {
            (Some(g), _) => Some((Measure::Grade, u32::from(g))),
            (None, Some(yes)) => Some((Measure::YesNo, u32::from(yes))),
            (None, None) => None,
        }
    }

    fn blank() -> Symptom {
        Symptom {
            id: String::new(),
            section: String::new(),
            measure: Measure::Grade,
            value: 0,
            label: String::new(),
            emergency: false,
            foreign_option: String::new(),
        }
    }

    /// Makes this the symptom of `a`, which measures `(measure, value)`
    /// ([`Symptom::measured`]), in the buffers it has.
    fn set(
        &mut self,
        a: &AnswerRecord,
        (measure, value): (Measure, u32),
        emergency: bool,
        foreign: bool,
    ) {
        let s = self;
        s.id.clear();
        s.id.push_str(&a.question);
        s.section.clear();
        s.section.push_str(&a.section);
        s.measure = measure;
        s.value = value;
        s.label.clear();
        match (measure, &a.label) {
            (Measure::YesNo, _) => s.label.push_str(Words::get().yes_no(value > 0)),
            (_, Some(l)) => push_lower_first(&mut s.label, l),
            // Records made without labels: the option id reads close enough.
            (_, None) => s
                .label
                .extend(a.value.as_str().unwrap_or("").chars().map(|c| match c {
                    '_' => ' ',
                    c => c,
                })),
        }
        s.emergency = emergency;
        s.foreign_option.clear();
        if foreign && measure == Measure::Grade {
            s.foreign_option.push_str(a.value.as_str().unwrap_or(""));
        }
    }
}

/// Appends "very severe" for "Very severe": as it reads inside a sentence.
fn push_lower_first(out: &mut String, s: &str) {
    let mut c = s.chars();
    if let Some(first) = c.next() {
        // Most labels begin with an ASCII letter: lowered without a case-mapping table.
        match first.is_ascii() {
            true => out.push(first.to_ascii_lowercase()),
            false => out.extend(first.to_lowercase()),
        }
        out.push_str(c.as_str());
    }
}

/// The check-in marked as the baseline, with its numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Baseline {
    /// The mark that names it (when it was marked).
    pub mark: BaselineMark,
    /// Its answers per symptom.
    pub snapshot: Snapshot,
    /// Its numbers per section, for a line on each section's chart.
    pub grades: Grades,
    /// Whether it is one of the period's check-ins; reports show it either way.
    pub in_period: bool,
    /// The bank it was made with: a report that holds only the check-ins of one
    /// bank (FHIR) holds the baseline when it is in the period and of that bank,
    /// since every pass counts the first copy of a completed check-in.
    pub bank: BankRef,
}

impl Baseline {
    /// The baseline check-in's id.
    pub fn id(&self) -> &str {
        &self.snapshot.check_in
    }

    /// When the baseline check-in started.
    pub fn at(&self) -> DateTime<FixedOffset> {
        self.snapshot.at
    }

    /// Its answer to one symptom question, if it was asked.
    pub fn symptom(&self, id: &str) -> Option<&Symptom> {
        self.snapshot.symptom(id)
    }

    /// Its numbers for one section, if it reached the section.
    pub fn section(&self, id: &str) -> Option<&SectionGrades> {
        self.grades.section(id)
    }

    /// "Baseline: the check-in of 2026-11-01 09:00 (ID), marked as the baseline on
    /// 2026-11-02 10:00."
    pub fn words(&self) -> String {
        let (at, marked) = (minute(&self.at()), minute(&self.mark.marked_at));
        let args = [("at", at.as_str()), ("id", self.id()), ("marked", &marked)];
        t_args(
            if self.in_period {
                "report-baseline-words"
            } else {
                "report-baseline-words-outside"
            },
            &args,
        )
    }
}

/// What the log says about the baseline.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Found {
    /// No check-in is marked.
    #[default]
    Unmarked,
    /// The last mark names a completed check-in in the log.
    Marked(Box<Baseline>),
    /// The last mark names a check-in that is not in the log.
    Missing(BaselineMark),
    /// The last mark names a stopped check-in ("stopped after 2 of 17 questions").
    Stopped(BaselineMark, String),
}

impl Found {
    /// The baseline from the last mark (`mark`) and the first copy of the check-in
    /// it names (`record`). A stopped check-in is no baseline: the questions it
    /// never reached are not the same as "none".
    pub fn of(
        mark: Option<&BaselineMark>,
        record: Option<&CheckIn>,
        bank: Option<&Bank>,
        period: &Period,
    ) -> Found {
        let Some(mark) = mark else {
            return Found::Unmarked;
        };
        match record.filter(|r| r.id == mark.check_in) {
            None => Found::Missing(mark.clone()),
            Some(r) if r.status == Status::Stopped => {
                let grades = Grades::of(r, bank);
                let words = grades.stopped_words(r.status).unwrap_or_default();
                Found::Stopped(mark.clone(), words)
            }
            Some(r) => Found::Marked(Box::new(Baseline {
                mark: mark.clone(),
                snapshot: Snapshot::of(r, bank),
                grades: Grades::of(r, bank),
                in_period: period.contains(&r.started_at),
                bank: r.bank.clone(),
            })),
        }
    }

    pub fn baseline(&self) -> Option<&Baseline> {
        match self {
            Found::Marked(b) => Some(b),
            _ => None,
        }
    }

    /// For a mark that names no check-in a report can use: one warning line.
    pub fn warning(&self) -> Option<String> {
        let (mark, why) = match self {
            Found::Missing(m) => (m, t("report-baseline-why-missing")),
            Found::Stopped(m, words) => (
                m,
                t_args("report-baseline-why-stopped", &[("words", words)]),
            ),
            Found::Unmarked | Found::Marked(_) => return None,
        };
        let (marked, id) = (
            minute(&mark.marked_at),
            crate::text::visible_id(&mark.check_in),
        );
        Some(t_args(
            "report-baseline-mark-unusable",
            &[("marked", &marked), ("id", &id), ("why", &why)],
        ))
    }

    /// Without a baseline: the one line that says so, why, and how to make one.
    pub fn absent_words(&self) -> Option<String> {
        let why = t(match self {
            Found::Marked(_) => return None,
            Found::Unmarked => "report-baseline-none-unmarked",
            Found::Missing(_) => "report-baseline-none-missing",
            Found::Stopped(..) => "report-baseline-none-stopped",
        });
        Some(t_args(
            "report-baseline-none",
            &[("why", &why), ("how", &how_to_mark())],
        ))
    }
}

/// Which way a symptom moved from the baseline to the check-in compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Shift {
    /// A higher grade, or yes after no.
    Worse,
    /// A lower grade, or no after yes.
    Better,
    /// The same answer.
    Same,
    /// Asked now but not at the baseline (a follow-up that was not enabled then).
    NotAskedBefore,
    /// Asked at the baseline but not now.
    NotAskedNow,
    /// The check-in compared raised an emergency alert from this symptom: whatever
    /// the numbers do, it is not "better".
    Emergency,
}

/// One symptom at the baseline and at the check-in compared.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Change {
    /// The question's id.
    pub symptom: String,
    /// Its short name.
    pub title: String,
    pub section: String,
    pub measure: Measure,
    /// At the baseline: the grade, or 1 for yes and 0 for no; null when it was not
    /// asked then.
    pub before: Option<u32>,
    /// At the check-in compared, the same way; null when it was not asked.
    pub now: Option<u32>,
    pub change: Shift,
    /// In plain words: "Drowsiness: none before, moderate now (worse)".
    pub words: String,
}

impl Change {
    /// Whether the symptom was there (above none, or yes) at either check-in.
    pub fn reported(&self) -> bool {
        self.before.is_some_and(|v| v > 0) || self.now.is_some_and(|v| v > 0)
    }
}

/// The check-in to compare with the baseline: `latest`, the latest completed
/// check-in of the period, if it started after the baseline. Otherwise why not,
/// in words.
pub fn compared<'s>(
    baseline: &Baseline,
    latest: Option<&'s Snapshot>,
) -> Result<&'s Snapshot, String> {
    match latest {
        None => Err(t("report-baseline-compare-none")),
        Some(s) => match why_not_compared(baseline, &s.check_in, &s.at) {
            None => Ok(s),
            Some(NotCompared::Itself) => Err(t("report-baseline-compare-itself")),
            Some(NotCompared::Earlier) => Err(t_args(
                "report-baseline-compare-earlier",
                &[("at", &minute(&s.at))],
            )),
        },
    }
}

/// Why [`compared`] does not take a check-in.
enum NotCompared {
    Itself,
    Earlier,
}

/// [`compared`]'s rule, on the id of a check-in and when it started.
fn why_not_compared(
    baseline: &Baseline,
    check_in: &str,
    at: &DateTime<FixedOffset>,
) -> Option<NotCompared> {
    if check_in == baseline.id() {
        Some(NotCompared::Itself)
    } else if *at < baseline.at() {
        Some(NotCompared::Earlier)
    } else {
        None
    }
}

/// Whether [`compared`] takes the check-in `check_in` that started `at`, without
/// its words for why not: for the writers that ask it of every check-in of the
/// period, before they read its answers.
pub fn comparable(baseline: &Baseline, check_in: &str, at: &DateTime<FixedOffset>) -> bool {
    why_not_compared(baseline, check_in, at).is_none()
}

/// Every symptom answered at either check-in, from `before` (the baseline) to
/// `now`, in the bank's order (any the bank does not know come last).
pub fn changes(before: &Snapshot, now: &Snapshot, bank: Option<&Bank>) -> Vec<Change> {
    // Each symptom's place in the bank is looked up once (from the bank's map), not
    // at every comparison of the sort: the CSV works out the changes of every row.
    let place = |id: &str| bank.and_then(|b| b.position(id)).unwrap_or(usize::MAX);
    let mut ids: Vec<(usize, &Symptom)> = Vec::with_capacity(now.symptoms.len());
    ids.extend(before.symptoms.iter().map(|s| (place(&s.id), s)));
    for s in &now.symptoms {
        if before.symptom(&s.id).is_none() {
            ids.push((place(&s.id), s));
        }
    }
    ids.sort_by_key(|&(place, _)| place);
    ids.into_iter()
        .map(|(_, s)| change(before.symptom(&s.id), now.symptom(&s.id), s, bank))
        .collect()
}

/// Which way a symptom moved from its answer at the baseline (`before`) to the one
/// at the check-in compared (`now`): the [`Change::change`] of [`changes`], for a
/// writer that needs only the word and not the rest of the [`Change`] (the CSV).
pub fn shift(before: Option<&Symptom>, now: Option<&Symptom>) -> Shift {
    match (before, now) {
        (_, Some(n)) if n.emergency => Shift::Emergency,
        (None, _) => Shift::NotAskedBefore,
        (_, None) => Shift::NotAskedNow,
        (Some(b), Some(n)) if n.value > b.value => Shift::Worse,
        (Some(b), Some(n)) if n.value < b.value => Shift::Better,
        _ => Shift::Same,
    }
}

fn change(
    before: Option<&Symptom>,
    now: Option<&Symptom>,
    any: &Symptom,
    bank: Option<&Bank>,
) -> Change {
    let shift = shift(before, now);
    let title = question_short(bank, &any.id);
    let words = Words::get();
    let shown: [Option<String>; 2] = [before, now].map(|s| s.and_then(|s| foreign_label(bank, s)));
    fn said<'s>(s: Option<&'s Symptom>, shown: &'s Option<String>, not_asked: &'s str) -> &'s str {
        match (s, shown) {
            (_, Some(label)) => label,
            (Some(s), None) => &s.label,
            (None, None) => not_asked,
        }
    }
    let how = match shift {
        Shift::Worse => words.worse.as_str(),
        Shift::Better => words.better.as_str(),
        Shift::Same => words.same.as_str(),
        Shift::Emergency => words.emergency.as_str(),
        Shift::NotAskedBefore | Shift::NotAskedNow => "",
    };
    let args = [
        ("title", title.as_str()),
        ("before", said(before, &shown[0], &words.not_asked)),
        ("now", said(now, &shown[1], &words.not_asked)),
    ];
    let mut words = t_args("report-change-words", &args);
    if !how.is_empty() {
        words.push_str(" (");
        words.push_str(how);
        words.push(')');
    }
    Change {
        symptom: any.id.clone(),
        words,
        title,
        section: any.section.clone(),
        measure: any.measure,
        before: before.map(|s| s.value),
        now: now.map(|s| s.value),
        change: shift,
    }
}

/// A graded answer given in another language, in the words of `bank` (the
/// language in use): a history of a log that mixes languages reads in one.
fn foreign_label(bank: Option<&Bank>, s: &Symptom) -> Option<String> {
    if s.foreign_option.is_empty() {
        return None;
    }
    let bank = bank?;
    let choice = bank
        .options(bank.question(&s.id)?)
        .iter()
        .find(|c| c.id == s.foreign_option)?;
    let mut label = String::new();
    push_lower_first(&mut label, &choice.label);
    Some(label)
}

/// The check-in compared with the baseline.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ComparedWith {
    /// Its id.
    pub check_in: String,
    /// Its start (RFC 3339).
    #[schemars(extend("format" = "date-time"))]
    pub at: String,
}

/// The baseline as reports write it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct BaselineView {
    /// The baseline check-in's id.
    pub check_in: String,
    /// Its start (RFC 3339).
    #[schemars(extend("format" = "date-time"))]
    pub at: String,
    /// When it was marked as the baseline (RFC 3339).
    #[schemars(extend("format" = "date-time"))]
    pub marked_at: String,
    /// Whether it is one of the period's check-ins; it is shown either way.
    pub in_period: bool,
    /// In words: "Baseline: the check-in of 2026-11-01 09:00 (ID), marked as the
    /// baseline on 2026-11-02 10:00."
    pub words: String,
    /// Its numbers per section it reached (as in `check_ins`).
    pub sections: Vec<SectionGrades>,
    /// Its answer to each graded and yes/no symptom question it asked.
    pub symptoms: Vec<Symptom>,
    /// The check-in compared with it: the latest completed check-in of the period,
    /// when that started after the baseline; null otherwise.
    pub compared_with: Option<ComparedWith>,
    /// When no check-in is compared: why, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_compared: Option<String>,
    /// Each symptom answered at either check-in, from the baseline to the check-in
    /// compared, in the bank's order; empty when none is compared.
    pub changes: Vec<Change>,
}

impl BaselineView {
    pub fn of(baseline: &Baseline, latest: Option<&Snapshot>, bank: Option<&Bank>) -> BaselineView {
        let now = compared(baseline, latest);
        BaselineView {
            check_in: baseline.id().to_string(),
            at: rfc3339(&baseline.at()),
            marked_at: rfc3339(&baseline.mark.marked_at),
            in_period: baseline.in_period,
            words: baseline.words(),
            sections: baseline.grades.sections.clone(),
            symptoms: baseline.snapshot.symptoms.clone(),
            compared_with: now.as_ref().ok().map(|s| ComparedWith {
                check_in: s.check_in.clone(),
                at: rfc3339(&s.at),
            }),
            changes: match &now {
                Ok(s) => changes(&baseline.snapshot, s, bank),
                Err(_) => Vec::new(),
            },
            not_compared: now.err(),
        }
    }
}
