//! What a check-in's answers mean in numbers: the one home of every number the
//! summary, `show`, `history` and the exports print about severity.
//!
//! PRO-CTCAE grades each symptom on its own 0–4 scale and defines no total score, so
//! nothing here adds answers up:
//!
//! - A **grade** is the 0–4 score of a scale answer (none … very severe, or never …
//!   almost always), one per symptom. A yes/no answer has no grade.
//! - Per section: how many symptoms were at **moderate or worse** (grade 2 or more),
//!   out of every graded question of the section (asked or not, so the number does
//!   not move between check-ins), and the **highest grade**.
//! - Yes/no symptom questions (those with a `score_yes` in the bank: a seizure,
//!   trouble breathing, a pump alarm) are counted apart, as **yes answers**.
//! - **Urgent findings** of a check-in: its urgent alerts (call the prescriber today,
//!   a crisis line or the emergency number) that stand at the end of the check-in,
//!   each counted once; an escalation that replaced another alert counts once. A
//!   finding belongs to the section of the question whose answer raised it.
//!
//! Everything is worked out from the saved answers and alerts, never from the sums
//! that record formats 1 and 2 stored (those sums added yes answers into severity
//! scales and changed their maximum from one check-in to the next).

use schemars::JsonSchema;
use serde::Serialize;

use crate::bank::{Bank, Condition, Kind, Level};
use crate::flow::Flow;
use crate::record::{AlertRecord, AnswerRecord, CheckIn, Status, bank_for};

/// The lowest grade that counts as "moderate or worse".
pub const MODERATE: u8 = 2;

/// The highest grade of a PRO-CTCAE-style scale.
pub const TOP_GRADE: u8 = 4;

/// One section's numbers in one check-in.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SectionGrades {
    /// Section id.
    pub section: String,
    /// Graded (0–4 scale) questions of the section, asked or not. When the record's
    /// question bank is not known, those answered.
    pub graded: u32,
    /// Graded questions answered.
    pub answered: u32,
    /// Symptoms at grade 2 (moderate) or worse.
    pub moderate_or_worse: u32,
    /// The highest grade answered (0–4); null when no graded question was answered.
    pub highest_grade: Option<u8>,
    /// Yes/no symptom questions of the section, asked or not (when the bank is not
    /// known, those answered).
    pub yes_no: u32,
    /// Yes/no symptom questions answered yes.
    pub yes: u32,
    /// Urgent findings raised by answers in this section.
    pub urgent_findings: u32,
    /// Whether one of them was an emergency.
    pub emergency: bool,
}

/// A check-in's numbers.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Grades {
    /// Questions answered.
    pub answered: u32,
    /// For a stopped check-in: the questions it would have asked given its answers,
    /// when that is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asked: Option<u32>,
    /// Urgent alerts standing at the end of the check-in, each counted once.
    pub urgent_findings: u32,
    /// The scored sections the check-in reached (at least one answer in them), in
    /// bank order.
    pub sections: Vec<SectionGrades>,
}

/// The grade of an answer: its score, for a scale answer only.
pub fn grade(a: &AnswerRecord) -> Option<u8> {
    // A scale answer is saved as its option id; a yes/no answer as true or false.
    if a.value.is_string() { a.score } else { None }
}

/// For a yes/no symptom question: whether the answer was yes.
pub fn yes_sign(a: &AnswerRecord) -> Option<bool> {
    match (&a.value, a.score) {
        (serde_json::Value::Bool(b), Some(_)) => Some(*b),
        _ => None,
    }
}

/// The section of a question, from the record's answers or the bank.
fn section_of<'a>(r: &'a CheckIn, bank: Option<&'a Bank>, question: &str) -> Option<&'a str> {
    r.answers
        .iter()
        .find(|a| a.question == question)
        .map(|a| a.section.as_str())
        .or_else(|| {
            bank.and_then(|b| b.question(question))
                .map(|q| q.section.as_str())
        })
}

impl Grades {
    /// Works out a check-in's numbers. `bank` is used only when the record was made
    /// with it (same id); it gives the fixed denominators and, for a stopped record
    /// of format 1 or 2, how many questions it would have asked.
    pub fn of(r: &CheckIn, bank: Option<&Bank>) -> Grades {
        let bank = bank_for(bank, r);
        let mut ids: Vec<String> = Vec::new();
        match bank {
            Some(b) => ids.extend(b.sections.iter().filter(|s| s.scored).map(|s| s.id.clone())),
            None => {
                for a in &r.answers {
                    if (grade(a).is_some() || yes_sign(a).is_some()) && !ids.contains(&a.section) {
                        ids.push(a.section.clone());
                    }
                }
            }
        }
        let sections = ids
            .into_iter()
            .filter(|id| r.answers.iter().any(|a| &a.section == id))
            .map(|id| section(r, bank, id))
            .collect();
        Grades {
            answered: r.answers.len() as u32,
            asked: match r.status {
                Status::Completed => None,
                Status::Stopped => r.asked.or_else(|| asked_by_bank(r, bank?)),
            },
            urgent_findings: r.urgent_alerts().count() as u32,
            sections,
        }
    }

    /// The numbers of one section, if the check-in reached it.
    pub fn section(&self, id: &str) -> Option<&SectionGrades> {
        self.sections.iter().find(|s| s.section == id)
    }

    /// "stopped after 5 of 31 questions" for a stopped check-in.
    pub fn stopped_words(&self, status: Status) -> Option<String> {
        if status != Status::Stopped {
            return None;
        }
        let n = self.answered;
        Some(match self.asked {
            Some(m) => format!(
                "stopped after {n} of {m} question{}",
                if m == 1 { "" } else { "s" }
            ),
            None => format!(
                "stopped after {n} question{}",
                if n == 1 { "" } else { "s" }
            ),
        })
    }
}

fn section(r: &CheckIn, bank: Option<&Bank>, id: String) -> SectionGrades {
    let mine: Vec<&AnswerRecord> = r.answers.iter().filter(|a| a.section == id).collect();
    let grades: Vec<u8> = mine.iter().filter_map(|a| grade(a)).collect();
    let signs: Vec<bool> = mine.iter().filter_map(|a| yes_sign(a)).collect();
    let (graded, yes_no) = match bank {
        Some(b) => {
            let of = |kind: Kind| {
                b.questions
                    .iter()
                    .filter(|q| q.section == id && q.kind == kind && b.max_score(q).is_some())
                    .count() as u32
            };
            (of(Kind::Scale), of(Kind::YesNo))
        }
        None => (grades.len() as u32, signs.len() as u32),
    };
    let findings: Vec<&AlertRecord> = r
        .urgent_alerts()
        .filter(|a| section_of(r, bank, &a.question) == Some(id.as_str()))
        .collect();
    SectionGrades {
        graded: graded.max(grades.len() as u32),
        answered: grades.len() as u32,
        moderate_or_worse: grades.iter().filter(|g| **g >= MODERATE).count() as u32,
        highest_grade: grades.iter().copied().max(),
        yes_no: yes_no.max(signs.len() as u32),
        yes: signs.iter().filter(|b| **b).count() as u32,
        urgent_findings: findings.len() as u32,
        emergency: findings.iter().any(|a| a.level == Level::Emergency),
        section: id,
    }
}

/// How many questions a stopped record would have asked, from its answers and the
/// "about you" answers it was given with: the flow carries on from them and counts
/// what it would ask.
fn asked_by_bank(r: &CheckIn, bank: &Bank) -> Option<u32> {
    Flow::restore_with_profile(bank, &r.answers, r.profile.clone().unwrap_or_default())
        .ok()
        .map(|(flow, _)| flow.progress().1 as u32)
}

/// A symptom at moderate or worse that no urgent alert already covers: the summary
/// tells the person to mention it at their next visit.
#[derive(Debug, Clone, PartialEq)]
pub struct Moderate<'r> {
    pub answer: &'r AnswerRecord,
    pub grade: u8,
}

/// The graded answers at moderate or worse that no standing urgent alert is about
/// (an urgent alert already says to call today or now; "at your next visit" would
/// contradict it).
pub fn moderate_not_urgent<'r>(r: &'r CheckIn, bank: Option<&Bank>) -> Vec<Moderate<'r>> {
    let bank = bank_for(bank, r);
    let mut covered: Vec<String> = r.urgent_alerts().map(|a| a.question.clone()).collect();
    if let Some(b) = bank
        && let Ok((flow, _)) = Flow::restore(b, &r.answers)
    {
        for a in r.urgent_alerts() {
            if let Some(rule) = b.alert(&a.id) {
                holding_questions(&flow, &rule.when, &mut covered);
            }
        }
    }
    r.answers
        .iter()
        .filter_map(|a| {
            let g = grade(a)?;
            (g >= MODERATE && !covered.contains(&a.question)).then_some(Moderate {
                answer: a,
                grade: g,
            })
        })
        .collect()
}

/// The questions of the parts of `c` that hold.
fn holding_questions(flow: &Flow<'_>, c: &Condition, out: &mut Vec<String>) {
    for part in c.all.iter().chain(c.any.iter()).flatten() {
        holding_questions(flow, part, out);
    }
    if let Some(q) = &c.question
        && flow.holds(c)
    {
        out.push(q.clone());
    }
}
