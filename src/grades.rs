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
//! - **Which answers an alert rests on**, and so which answers are urgent: every
//!   answer that raised or contributed to an alert that stands ([`AlertBasis`], in
//!   `grades/basis.rs`), not only the one the record pins it to.
//!
//! Everything is worked out from the saved answers and alerts, never from the sums
//! that record formats 1 and 2 stored (those sums added yes answers into severity
//! scales and changed their maximum from one check-in to the next).

mod basis;

pub use basis::{AlertAnswers, AlertBasis};

use schemars::JsonSchema;
use serde::Serialize;

use crate::bank::{Bank, Level};
use crate::flow::Flow;
use crate::record::{AnswerRecord, CheckIn, Enabled, Status, bank_for};
use crate::text::same_text;

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
        .find(|a| same_text(&a.question, question))
        .map(|a| a.section.as_str())
        .or_else(|| {
            bank.and_then(|b| b.question(question))
                .map(|q| q.section.as_str())
        })
}

/// What one record's answers mean, worked out once: the summary folds it in and
/// hands it to every writer of the same record, so that no report works out a
/// record's alert basis or grades a second time.
#[derive(Debug, Clone, PartialEq)]
pub struct Graded<'r> {
    pub basis: AlertBasis<'r>,
    pub grades: Grades,
}

impl<'r> Graded<'r> {
    /// `bank` as for [`Grades::of`].
    pub fn of(r: &'r CheckIn, bank: Option<&Bank>) -> Graded<'r> {
        let basis = AlertBasis::of(r, bank);
        let grades = Grades::with_basis(r, bank, &basis);
        Graded { basis, grades }
    }

    /// [`Graded::of`] with the bank `enabled` reads, for a caller that has worked
    /// out the record's enabled answers already.
    pub fn with_enabled(r: &'r CheckIn, enabled: &Enabled<'_, 'r>) -> Graded<'r> {
        let basis = AlertBasis::with_enabled(r, enabled);
        let grades = Grades::with_basis(r, Some(enabled.bank()), &basis);
        Graded { basis, grades }
    }
}

impl Grades {
    /// Works out a check-in's numbers. `bank` is used only when the record was made
    /// with it (same id); it gives the fixed denominators and, for a stopped record
    /// of format 1 or 2, how many questions it would have asked.
    pub fn of(r: &CheckIn, bank: Option<&Bank>) -> Grades {
        Graded::of(r, bank).grades
    }

    /// [`Grades::of`], for a caller that has the record's [`AlertBasis`] (from the
    /// same bank) already: it is the costly part, worked out once per record.
    pub fn with_basis(r: &CheckIn, bank: Option<&Bank>, basis: &AlertBasis<'_>) -> Grades {
        let bank = bank_for(bank, r);
        let mut ids: Vec<&str> = Vec::with_capacity(8);
        // With the bank: each section's fixed denominators, by the place in `ids`.
        let mut fixed = Vec::with_capacity(8);
        match bank {
            Some(b) => {
                for (i, s) in b.sections.iter().enumerate().filter(|(_, s)| s.scored) {
                    ids.push(&s.id);
                    fixed.push(b.symptom_questions(i));
                }
            }
            None => {
                for a in &r.answers {
                    if (grade(a).is_some() || yes_sign(a).is_some())
                        && !ids.contains(&a.section.as_str())
                    {
                        ids.push(&a.section);
                    }
                }
            }
        }
        let sections = sections(r, bank, &fixed, basis, &ids);
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
        self.sections.iter().find(|s| same_text(&s.section, id))
    }

    /// How many questions the check-in asked: all it answered when it was
    /// completed (the flow ends only when every question asked is answered), and
    /// [`Grades::asked`] when it was stopped (`None` when that is not known).
    pub fn asked_in(&self, status: Status) -> Option<u32> {
        match status {
            Status::Completed => Some(self.answered),
            Status::Stopped => self.asked,
        }
    }

    /// "stopped after 5 of 31 questions" for a stopped check-in.
    pub fn stopped_words(&self, status: Status) -> Option<String> {
        if status != Status::Stopped {
            return None;
        }
        let n = u64::from(self.answered);
        Some(match self.asked {
            Some(m) => crate::i18n::t_count(
                "report-stopped-of",
                ("asked", u64::from(m)),
                &[("answered", &n.to_string())],
            ),
            None => crate::i18n::t_count("report-stopped", ("answered", n), &[]),
        })
    }
}

/// One section's counts, added up as the answers go by.
#[derive(Clone, Copy, Default)]
struct Tally {
    reached: bool,
    answered: u32,
    moderate: u32,
    highest: Option<u8>,
    signs: u32,
    yes: u32,
    graded: u32,
    yes_no: u32,
    findings: u32,
    emergency: bool,
}

/// Where `id` is in `ids`, trying `hint` first: answers and questions come in
/// section order, so it is nearly always the section of the one before.
fn index_in(ids: &[&str], id: &str, hint: &mut usize) -> Option<usize> {
    let i = match ids.get(*hint) {
        Some(have) if same_text(have, id) => *hint,
        _ => ids.iter().position(|have| same_text(have, id))?,
    };
    *hint = i;
    Some(i)
}

/// The numbers of each section of `ids` the check-in reached (an answer in it), in
/// that order. Every answer and alert is looked at once, whatever the number of
/// sections, and the bank's questions not at all (`fixed` has their counts): the
/// summary works this out for every record of the log.
fn sections(
    r: &CheckIn,
    bank: Option<&Bank>,
    fixed: &[(u32, u32)],
    basis: &AlertBasis<'_>,
    ids: &[&str],
) -> Vec<SectionGrades> {
    let mut tally = vec![Tally::default(); ids.len()];
    let mut hint = 0;
    for a in &r.answers {
        let Some(i) = index_in(ids, &a.section, &mut hint) else {
            continue;
        };
        let t = &mut tally[i];
        t.reached = true;
        if let Some(g) = grade(a) {
            t.answered += 1;
            t.moderate += u32::from(g >= MODERATE);
            t.highest = t.highest.max(Some(g));
        }
        if let Some(b) = yes_sign(a) {
            t.signs += 1;
            t.yes += u32::from(b);
        }
    }
    match bank {
        // The fixed denominators: every graded and yes/no question of the section
        // ([`Bank::symptom_questions`], by the place in `ids`).
        Some(_) => tally
            .iter_mut()
            .zip(fixed)
            .filter(|(t, _)| t.reached)
            .for_each(|(t, counts)| (t.graded, t.yes_no) = *counts),
        None => tally
            .iter_mut()
            .for_each(|t| (t.graded, t.yes_no) = (t.answered, t.signs)),
    }
    add_findings(r, bank, basis, ids, &mut tally);
    ids.iter()
        .zip(tally)
        .filter(|(_, t)| t.reached)
        .map(|(id, t)| SectionGrades {
            graded: t.graded.max(t.answered),
            answered: t.answered,
            moderate_or_worse: t.moderate,
            highest_grade: t.highest,
            yes_no: t.yes_no.max(t.signs),
            yes: t.yes,
            urgent_findings: t.findings,
            emergency: t.emergency,
            section: id.to_string(),
        })
        .collect()
}

/// A section's urgent findings: the urgent alerts that stand and rest on one of
/// its answers (trouble breathing carries alcohol_with_breathing, pinned to the
/// alcohol question of another section), each once per section.
fn add_findings(
    r: &CheckIn,
    bank: Option<&Bank>,
    basis: &AlertBasis<'_>,
    ids: &[&str],
    tally: &mut [Tally],
) {
    let mut urgent = basis
        .standing()
        .iter()
        .filter(|b| b.alert.level.is_urgent())
        .peekable();
    if urgent.peek().is_none() {
        return;
    }
    let mut touched = vec![false; ids.len()];
    for b in urgent {
        touched.fill(false);
        let mut hint = 0;
        for q in &b.questions {
            if let Some(i) = section_of(r, bank, q).and_then(|s| index_in(ids, s, &mut hint)) {
                touched[i] = true;
            }
        }
        for (t, _) in tally.iter_mut().zip(&touched).filter(|(_, hit)| **hit) {
            t.findings += 1;
            t.emergency |= b.alert.level == Level::Emergency;
        }
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

/// The graded answers at moderate or worse that no standing urgent alert rests on
/// ([`AlertBasis::urgent`]: an urgent alert already says to call today or now; "at
/// your next visit" would contradict it).
pub fn moderate_not_urgent<'r>(r: &'r CheckIn, bank: Option<&Bank>) -> Vec<Moderate<'r>> {
    let basis = AlertBasis::of(r, bank);
    r.answers
        .iter()
        .filter_map(|a| {
            let g = grade(a)?;
            (g >= MODERATE && !basis.urgent(&a.question)).then_some(Moderate {
                answer: a,
                grade: g,
            })
        })
        .collect()
}

/// The numbers of check-ins the flow makes from given answers (the flow's test
/// helpers run them), including changed answers and check-ins carried on later.
#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::answer::Answer;
    use crate::flow::tests::{
        answer_one, answer_until, answered_ids, bundled, record_ids, run, stopped_at,
    };

    #[test]
    fn an_alert_counts_in_every_section_whose_answer_it_rests_on() {
        let bank = bundled();
        let (flow, _) = run(
            &bank,
            &json!({"breathing": true, "alcohol_sedatives": true}),
        );
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-30T09:00:00.000+01:00").unwrap();
        let r = flow.to_record("t".into(), Status::Completed, t, t, "US");
        // Pinned to the alcohol question ("use"), it rests on breathing too.
        assert_eq!(r.alerts[0].id, "alcohol_with_breathing");
        let g = Grades::of(&r, Some(&bank));
        for id in ["serious", "use"] {
            let s = g.section(id).unwrap();
            assert_eq!((s.urgent_findings, s.emergency), (1, true), "{id}");
        }
        assert_eq!(g.urgent_findings, 1);
    }

    #[test]
    fn changing_an_earlier_answer_drops_its_follow_up_from_what_counts() {
        let bank = bundled();
        let mut flow = Flow::new(&bank);
        let given = json!({"suicidal_thoughts": true, "suicidal_plan": true});
        answer_until(&mut flow, &given, "hallucinations");
        assert!(answered_ids(&flow).contains(&"suicidal_plan".to_string()));
        assert_eq!(record_ids(&flow), ["suicide_emergency"]);

        assert!(flow.back());
        assert_eq!(flow.current().unwrap().id, "suicidal_behavior");
        assert!(flow.back());
        assert_eq!(flow.current().unwrap().id, "suicidal_plan");
        assert!(flow.back());
        assert_eq!(flow.current().unwrap().id, "suicidal_thoughts");
        assert_eq!(flow.current_answer(), Some(&Answer::Yes(true)));
        let alerts = flow.answer(Answer::Yes(false));
        assert!(alerts.is_empty(), "answering no raises nothing: {alerts:?}");

        // The plan question is skipped and its answer no longer counts anywhere.
        assert_eq!(flow.current().unwrap().id, "hallucinations");
        assert!(flow.answer_to("suicidal_plan").is_none());
        assert!(!answered_ids(&flow).contains(&"suicidal_plan".to_string()));
        assert!(
            flow.alert_records().is_empty(),
            "{:?}",
            flow.alert_records()
        );
        let g = grades_of(&flow, Status::Stopped);
        let serious = g.section("serious").unwrap();
        assert_eq!((serious.yes, serious.urgent_findings), (0, 0));
        assert_eq!(flow.answered(), 5);

        // Saying yes again brings the follow-up back, offering what was said before.
        assert!(flow.back());
        flow.answer(Answer::Yes(true));
        assert_eq!(flow.current().unwrap().id, "suicidal_plan");
        assert_eq!(flow.current_answer(), Some(&Answer::Yes(true)));
    }

    /// The numbers of a flow's record, as every report works them out.
    fn grades_of(flow: &Flow<'_>, status: Status) -> Grades {
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-30T09:00:00.000+01:00").unwrap();
        let r = flow.to_record("t".into(), status, t, t, "US");
        Grades::of(&r, Some(flow.bank()))
    }

    /// (graded, answered, moderate or worse, highest grade, yes/no questions, yes).
    fn numbers(g: &Grades, id: &str) -> Option<(u32, u32, u32, Option<u8>, u32, u32)> {
        g.section(id).map(|s| {
            (
                s.graded,
                s.answered,
                s.moderate_or_worse,
                s.highest_grade,
                s.yes_no,
                s.yes,
            )
        })
    }

    #[test]
    fn calm_answers_grade_zero_and_an_unasked_section_is_not_zero_of_zero() {
        let bank = bundled();
        let (flow, _) = run(&bank, &json!({}));
        let g = grades_of(&flow, Status::Completed);
        // The serious section has only yes/no questions: no grade, 7 questions to say yes to.
        assert_eq!(numbers(&g, "serious"), Some((0, 0, 0, None, 7, 0)));
        assert_eq!(numbers(&g, "common"), Some((7, 7, 0, Some(0), 0, 0)));
        // Withdrawal is asked only after a dose change: not reached, so no numbers at
        // all (never "0 of 0").
        assert_eq!(numbers(&g, "withdrawal"), None);
        assert_eq!(numbers(&g, "use"), Some((1, 1, 0, Some(0), 2, 0)));
        assert_eq!(
            g.sections
                .iter()
                .map(|s| s.section.as_str())
                .collect::<Vec<_>>(),
            ["serious", "common", "use"],
            "unscored sections (context, notes) are left out"
        );
        assert_eq!(g.urgent_findings, 0);
    }

    #[test]
    fn yes_answers_are_never_added_to_grades() {
        let bank = bundled();
        let (flow, _) = run(
            &bank,
            &json!({
                "seizure": true,
                "drowsiness": "moderate", "dizziness": "mild", "confusion": "severe",
                "pump": false, "dose_change": true, "stopped": false, "missed_days": 3,
                "tremors": "mild", "angry_outbursts": "often",
                "euphoria": "rarely", "more_than_prescribed": true
            }),
        );
        let g = grades_of(&flow, Status::Completed);
        // A seizure is one yes and one urgent finding, not "4 of 12".
        assert_eq!(numbers(&g, "serious"), Some((0, 0, 0, None, 7, 1)));
        let serious = g.section("serious").unwrap();
        assert_eq!((serious.urgent_findings, serious.emergency), (1, true));
        // Drowsiness 2 and confusion 3 are moderate or worse; dizziness 1 is not.
        assert_eq!(numbers(&g, "common"), Some((7, 7, 2, Some(3), 0, 0)));
        // Every graded withdrawal question counts in the denominator, asked or not
        // (the pump questions are yes/no and were not asked).
        assert_eq!(numbers(&g, "withdrawal"), Some((5, 5, 1, Some(3), 4, 0)));
        assert_eq!(numbers(&g, "use"), Some((1, 1, 0, Some(1), 2, 1)));
        let urgent = flow
            .alert_records()
            .iter()
            .filter(|a| a.level.is_urgent())
            .count() as u32;
        assert_eq!(g.urgent_findings, urgent);
        assert!(
            urgent >= 3,
            "seizure, severe side effect, more than prescribed"
        );
    }

    #[test]
    fn a_stopped_check_in_counts_what_it_would_have_asked() {
        let bank = bundled();
        let mut flow = Flow::new(&bank);
        answer_until(&mut flow, &json!({"breathing": true}), "suicidal_thoughts");
        let g = grades_of(&flow, Status::Stopped);
        let (_, m) = flow.progress();
        assert_eq!(g.answered as usize, flow.answered());
        assert_eq!(g.asked, Some(m as u32));
        assert_eq!(
            g.stopped_words(Status::Stopped).unwrap(),
            format!("stopped after {} of {m} questions", flow.answered())
        );
        assert_eq!(numbers(&g, "serious"), Some((0, 0, 0, None, 7, 1)));
        // Nothing of the common section was reached: no zeros for it.
        assert_eq!(numbers(&g, "common"), None);
    }

    #[test]
    fn restore_stands_at_the_first_unanswered_question_and_finishes_like_one_run() {
        let bank = bundled();
        let given = json!({"dose_change": true, "tremors": "moderate", "drowsiness": "mild"});
        let saved = stopped_at(&bank, &given, "dizziness");
        let (mut flow, holding) = Flow::restore(&bank, &saved).unwrap();
        assert!(holding.is_empty());
        assert_eq!(flow.current().map(|q| q.id.as_str()), Some("dizziness"));
        assert_eq!(flow.answered(), saved.len());
        assert_eq!(flow.answer_records(), saved);
        // "Question N of M" goes on from where it stopped.
        assert_eq!(flow.progress().0, saved.len() + 1);
        while !flow.is_complete() {
            answer_one(&mut flow, &given);
        }
        let (whole, _) = run(&bank, &given);
        assert_eq!(flow.answer_records(), whole.answer_records());
        assert_eq!(
            grades_of(&flow, Status::Completed),
            grades_of(&whole, Status::Completed)
        );
        assert_eq!(flow.alert_records(), whole.alert_records());
    }
}
