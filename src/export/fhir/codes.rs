//! The code systems of the Bundle's own codes, each written into the Bundle as a
//! `CodeSystem` resource so that every code a Flag or an Observation uses can be
//! looked up in the same file.
//!
//! No code here is LOINC: no stored source gives a LOINC code for a PRO-CTCAE item
//! (the German MII PRO guide, which carries PRO-CTCAE in FHIR, defines its own code
//! system for them), and the bank's questions are reworded from PRO-CTCAE in any
//! case, so a LOINC code for the original item would claim more than they are.
//!
//! - [`observation_system`]: per bank, the symptoms (the bank's scored question ids,
//!   snake_case), the sections (`section-ID`) and the numbers counted (codes with a
//!   hyphen, so they never meet a question id).
//! - [`alert_system`]: per bank, the alert rules by id.
//! - [`LEVEL_SYSTEM`]: how urgent an alert is (emergency, crisis, prescriber,
//!   advice), the same for every bank.
//! - [`CHANGE_SYSTEM`]: which way a symptom moved since the baseline, in the words
//!   of the report model's [`Shift`] (`worse`, `not_asked_before`), the same for
//!   every bank. Its own system, as those words have underscores like question ids.

use serde_json::{Value, json};

use super::words::Words;
use crate::bank::{Bank, Level};
use crate::grades::SectionGrades;
use crate::report::Shift;

/// The code system of alert levels.
pub const LEVEL_SYSTEM: &str = "urn:sidecheck:alert-level";

/// The code of a section's Observation. Section ids are snake_case, so the hyphen
/// keeps it apart from the symptom codes (question ids).
pub fn section_code(section: &str) -> String {
    format!("section-{section}")
}

/// The code of a check-in's urgent findings (its Observation's code), and of a
/// section's (a component of the section's Observation), with its display.
pub const URGENT_FINDINGS: &str = "urgent-findings";
pub const URGENT_FINDINGS_DISPLAY: &str = "Urgent findings";
/// The code of the urgent alerts shown and then retracted (a component of the
/// check-in's urgent-findings Observation), with its display.
pub const RETRACTED_ALERTS: &str = "retracted-urgent-alerts";
pub const RETRACTED_ALERTS_DISPLAY: &str = "Urgent alerts retracted";

/// The code of a symptom's answer at the baseline (a component of the symptom's
/// Observation), with its display.
pub const BASELINE_VALUE: &str = "baseline-value";
pub const BASELINE_VALUE_DISPLAY: &str = "At the baseline";
/// The code of the change since the baseline (a component of the symptom's
/// Observation, valued from [`CHANGE_SYSTEM`]), with its display.
pub const BASELINE_CHANGE: &str = "change-since-baseline";
pub const BASELINE_CHANGE_DISPLAY: &str = "Change since the baseline";

/// The code system of the changes since the baseline.
pub const CHANGE_SYSTEM: &str = "urn:sidecheck:baseline-change";

/// Every change, in the order the code system lists them. A new [`Shift`] fails to
/// build in [`shift_concept`] until it is named there, and then belongs here.
pub const SHIFTS: [Shift; 6] = [
    Shift::Worse,
    Shift::Better,
    Shift::Same,
    Shift::Emergency,
    Shift::NotAskedBefore,
    Shift::NotAskedNow,
];

/// A change's code: the word the report model writes for it (`Change.change` in
/// the JSON report), so the two never disagree.
pub fn shift_code(s: Shift) -> String {
    serde_json::to_value(s)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A change's display and definition.
fn shift_concept(s: Shift) -> (&'static str, &'static str) {
    match s {
        Shift::Worse => (
            "Worse",
            "A higher grade than at the baseline, or yes after no.",
        ),
        Shift::Better => (
            "Better",
            "A lower grade than at the baseline, or no after yes.",
        ),
        Shift::Same => ("The same", "The same answer as at the baseline."),
        Shift::Emergency => (
            "An emergency at this check-in",
            "The check-in raised an emergency alert from this symptom: whatever the grades do, it is not better.",
        ),
        Shift::NotAskedBefore => (
            "Not asked at the baseline",
            "Asked at this check-in but not at the baseline (a follow-up that was not enabled then).",
        ),
        Shift::NotAskedNow => (
            "Not asked at this check-in",
            "Asked at the baseline but not at this check-in.",
        ),
    }
}

/// A change as a coding.
pub fn shift_coding(s: Shift) -> Value {
    json!({"system": CHANGE_SYSTEM, "code": shift_code(s), "display": shift_concept(s).0})
}

/// One of a section's numbers: its code in the observation system (a component of
/// the section's Observation), its name in the `section-grades` extension of the
/// response, and what it means.
pub struct Number {
    pub code: &'static str,
    pub extension: &'static str,
    pub display: &'static str,
    pub definition: &'static str,
}

/// A section's numbers, in the order they are written. [`section_numbers`] gives
/// their values.
const NUMBERS: [Number; 6] = [
    Number {
        code: "graded-questions",
        extension: "graded",
        display: "Graded questions",
        definition: "Graded (0-4 scale) questions of the section, asked or not, so the number does not move between check-ins.",
    },
    Number {
        code: "moderate-or-worse",
        extension: "moderateOrWorse",
        display: "Symptoms at moderate or worse",
        definition: "Graded symptoms answered at grade 2 (moderate) or worse.",
    },
    Number {
        code: "highest-grade",
        extension: "highestGrade",
        display: "Highest grade",
        definition: "The highest grade answered in the section, 0 (none or never) to 4 (very severe or almost always). Absent when no graded question was answered.",
    },
    Number {
        code: "yes-no-questions",
        extension: "yesNo",
        display: "Yes/no symptom questions",
        definition: "Yes/no symptom questions of the section, asked or not. Their answers are counted apart and never added to grades.",
    },
    Number {
        code: "yes-answers",
        extension: "yes",
        display: "Yes answers",
        definition: "Yes/no symptom questions answered yes.",
    },
    Number {
        code: URGENT_FINDINGS,
        extension: "urgentFindings",
        display: URGENT_FINDINGS_DISPLAY,
        definition: "Urgent alerts (call the prescriber today, a crisis line or the emergency number) that stand at the end of the check-in, each counted once; for a section, those raised by answers in it.",
    },
];

/// A section's numbers with their values, as both the response's extension and the
/// section's Observation write them (the highest grade only when there is one).
/// Each comes with its place among [`numbers`], for what is made once per number.
pub fn section_numbers(g: &SectionGrades) -> impl Iterator<Item = (usize, &'static Number, i64)> {
    NUMBERS
        .iter()
        .zip(values(g))
        .enumerate()
        .filter_map(|(k, (n, v))| v.map(|v| (k, n, i64::from(v))))
}

/// The values of a section's numbers, in the order of [`NUMBERS`]: `None` for
/// one it does not have.
fn values(g: &SectionGrades) -> [Option<u32>; 6] {
    [
        Some(g.graded),
        Some(g.moderate_or_worse),
        g.highest_grade.map(u32::from),
        Some(g.yes_no),
        Some(g.yes),
        Some(g.urgent_findings),
    ]
}

/// A section's numbers ([`section_numbers`]) as one key, for what is rendered
/// once per set of numbers: a byte each, `value + 1` (0 when absent), or `None`
/// when one is too big for its byte.
pub fn numbers_key(g: &SectionGrades) -> Option<u64> {
    let mut key = 0u64;
    for (k, v) in values(g).into_iter().enumerate() {
        let byte = match v {
            None => 0,
            Some(v) if v < 255 => u64::from(v) + 1,
            Some(_) => return None,
        };
        key |= byte << (8 * k);
    }
    Some(key)
}

/// Every number a section can have, in the order they are written.
pub fn numbers() -> &'static [Number] {
    &NUMBERS
}

/// The code system of a bank's symptoms, sections and numbers.
pub fn observation_system(bank: &Bank) -> String {
    format!("urn:sidecheck:{}:observation", bank.id)
}

/// The code system of a bank's alert rules.
pub fn alert_system(bank: &Bank) -> String {
    format!("urn:sidecheck:{}:alert", bank.id)
}

/// An alert level as a coding.
pub fn level_coding(level: Level) -> Value {
    json!({"system": LEVEL_SYSTEM, "code": level.as_str(), "display": level.heading()})
}

/// What each level means, for the level code system.
fn level_definition(level: Level) -> &'static str {
    match level {
        Level::Emergency => "Urgent: the person was told to call the emergency number now.",
        Level::Crisis => "Urgent: the person was told to call or text a crisis line now.",
        Level::Prescriber => "Urgent: the person was told to call their prescriber today.",
        Level::Advice => "Not urgent: advice shown in the summary at the end of the check-in.",
    }
}

/// A CodeSystem resource with every concept it defines.
fn code_system(
    url: &str,
    version: Option<&str>,
    name: &str,
    title: &str,
    description: &str,
    concepts: Vec<Value>,
) -> Value {
    let mut cs = json!({
        "resourceType": "CodeSystem",
        "url": url,
        "name": name,
        "title": title,
        "status": "active",
        "description": description,
        "caseSensitive": true,
        "content": "complete",
        "count": concepts.len(),
        "concept": concepts,
    });
    if let Some(v) = version {
        cs["version"] = json!(v);
    }
    cs
}

fn concept(code: &str, display: &str, definition: &str) -> Value {
    json!({"code": code, "display": display, "definition": definition})
}

/// The bank's observation codes: its scored questions, its scored sections and the
/// numbers counted.
fn observation_codes(bank: &Bank, name: &str, words: &Words) -> Value {
    let mut concepts: Vec<Value> = bank
        .questions
        .iter()
        .filter(|q| bank.max_score(q).is_some())
        .map(|q| concept(&q.id, &q.short, &q.text))
        .collect();
    concepts.extend(bank.sections.iter().filter(|s| s.scored).map(|s| {
        concept(
            &section_code(&s.id),
            &words.section_display(&s.title),
            "A section's numbers in one check-in, as components; nothing is added up.",
        )
    }));
    concepts.extend(
        NUMBERS
            .iter()
            .map(|n| concept(n.code, n.display, n.definition)),
    );
    concepts.push(concept(
        BASELINE_VALUE,
        BASELINE_VALUE_DISPLAY,
        "The symptom's answer at the baseline check-in (how the person was before the medicine or a dose change): the grade 0-4, or yes/no; absent (not-asked) when it was not asked then.",
    ));
    concepts.push(concept(
        BASELINE_CHANGE,
        BASELINE_CHANGE_DISPLAY,
        "Which way the symptom moved from the baseline check-in to this one, with both answers in words.",
    ));
    concepts.push(concept(
        RETRACTED_ALERTS,
        RETRACTED_ALERTS_DISPLAY,
        "Urgent alerts shown to the person and then retracted because an answer they rested on was changed; not counted in the urgent findings.",
    ));
    code_system(
        &observation_system(bank),
        Some(&bank.version),
        &format!("{name}ObservationCodes"),
        &format!("{}: what the Observations report", bank.title),
        "The symptoms (question ids, each graded 0-4 or answered yes/no), sections and numbers that sidecheck reports as Observations.",
        concepts,
    )
}

/// The bank's alert rules, each with the condition that raises it.
fn alert_codes(bank: &Bank, name: &str) -> Value {
    let concepts = bank
        .alerts
        .iter()
        .map(|a| {
            concept(
                &a.id,
                &a.title,
                &format!("Level {}; raised when {}.", a.level.as_str(), a.when),
            )
        })
        .collect();
    code_system(
        &alert_system(bank),
        Some(&bank.version),
        &format!("{name}AlertCodes"),
        &format!("{}: alerts", bank.title),
        "The alerts sidecheck shows the person, by rule id.",
        concepts,
    )
}

fn level_codes() -> Value {
    let concepts = [
        Level::Emergency,
        Level::Crisis,
        Level::Prescriber,
        Level::Advice,
    ]
    .into_iter()
    .map(|l| concept(l.as_str(), l.heading(), level_definition(l)))
    .collect();
    code_system(
        LEVEL_SYSTEM,
        None,
        "SidecheckAlertLevels",
        "sidecheck alert levels",
        "How urgent an alert shown to the person is.",
        concepts,
    )
}

fn change_codes() -> Value {
    let concepts = SHIFTS
        .into_iter()
        .map(|s| {
            let (display, definition) = shift_concept(s);
            concept(&shift_code(s), display, definition)
        })
        .collect();
    code_system(
        CHANGE_SYSTEM,
        None,
        "SidecheckBaselineChanges",
        "sidecheck changes since the baseline",
        "Which way a symptom moved from the baseline check-in (how the person was before the medicine or a dose change) to a later one.",
        concepts,
    )
}

/// Every code system of the Bundle's own codes (not the scales of the answers,
/// which the Questionnaire's options list). `name` is the Questionnaire's machine
/// name, which theirs start with.
pub fn code_systems(bank: &Bank, name: &str, words: &Words) -> Vec<Value> {
    vec![
        observation_codes(bank, name, words),
        alert_codes(bank, name),
        level_codes(),
        change_codes(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two sections get the same key only when they have the same numbers: what
    /// is kept per key is written for both.
    #[test]
    fn sections_share_a_numbers_key_only_with_the_same_numbers() {
        let mut seen: Vec<(u64, Vec<(usize, i64)>)> = Vec::new();
        for (graded, highest, yes, urgent) in [
            (0, None, 0, 0),
            (0, Some(0), 0, 0),
            (1, Some(0), 0, 0),
            (1, Some(1), 0, 0),
            (7, Some(4), 3, 1),
            (7, Some(4), 1, 3),
            (254, Some(4), 254, 254),
        ] {
            let g = SectionGrades {
                section: "s".into(),
                graded,
                answered: graded,
                moderate_or_worse: graded / 2,
                highest_grade: highest,
                yes_no: 7,
                yes,
                urgent_findings: urgent,
                emergency: false,
            };
            let numbers: Vec<(usize, i64)> = section_numbers(&g).map(|(k, _, v)| (k, v)).collect();
            let key = numbers_key(&g).expect("small numbers have a key");
            for (other, theirs) in &seen {
                assert_eq!(key == *other, numbers == *theirs, "{numbers:?} {theirs:?}");
            }
            seen.push((key, numbers));
        }
        let big = SectionGrades {
            section: "s".into(),
            graded: 255,
            answered: 0,
            moderate_or_worse: 0,
            highest_grade: None,
            yes_no: 0,
            yes: 0,
            urgent_findings: 0,
            emergency: false,
        };
        assert_eq!(numbers_key(&big), None);
    }
}
