//! A check-in's numbers as `Observation`s, each derived from its
//! QuestionnaireResponse: one per symptom answered (a grade, or a yes/no symptom
//! answer), one per section reached (its numbers as components), and one for the
//! check-in's urgent findings. The numbers are [`crate::grades`]'s; nothing here
//! counts anything itself.
//!
//! A symptom's Observation in a check-in compared with the baseline also carries
//! the baseline's answer and the change since then (`baseline.rs`).
//!
//! Codes are in the bank's observation code system ([`super::codes`]), which the
//! Bundle carries; the category is HL7's `survey`. A stopped check-in's section and
//! urgent-findings Observations say in a note that they count only the answers
//! given.

use serde_json::json;

use super::codes::{
    RETRACTED_ALERTS, RETRACTED_ALERTS_DISPLAY, URGENT_FINDINGS, URGENT_FINDINGS_DISPLAY,
    observation_system, section_code, section_numbers,
};
use super::words::Words;
use super::write::{self, Json};
use super::{About, Identified, Started, fragment};
use crate::bank::{Bank, Kind};
use crate::grades::{SectionGrades, grade, yes_sign};

/// The identifier system of Observations: `CHECK-IN-ID/CODE`.
pub const OBSERVATION_IDS: &str = "urn:sidecheck:observation";
const CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";

/// The Observations' parts that depend only on the bank.
pub struct Parts {
    /// `"urn:sidecheck:BANK:observation"`, as a JSON string.
    system: String,
    /// `{"status":"final","category":[…]`'s value: the survey category.
    category: String,
    /// Per question: the `code` of its symptom's Observation (none for a question
    /// that is not a symptom: no score).
    codes: Vec<Option<String>>,
    /// Per question, per option of its scale: the symptom Observation's
    /// `valueCodeableConcept`.
    concepts: Vec<Vec<String>>,
    /// Per section: the `code` of its Observation.
    sections: Vec<String>,
    /// The `code` of the urgent findings' Observation.
    urgent: String,
}

/// An Observation's `code`: one coding in the bank's observation system.
fn code(bank: &Bank, code: &str, display: &str) -> String {
    fragment(
        &json!({"coding": [{"system": observation_system(bank), "code": code, "display": display}], "text": display}),
    )
}

impl Parts {
    /// `codings`: per question, per option, its coding ([`super::Prepared`]).
    pub fn new(bank: &Bank, codings: &[Vec<String>], words: &Words) -> Parts {
        Parts {
            system: fragment(&json!(observation_system(bank))),
            category: fragment(
                &json!([{"coding": [{"system": CATEGORY, "code": "survey", "display": "Survey"}]}]),
            ),
            codes: bank
                .questions
                .iter()
                .map(|q| bank.max_score(q).map(|_| code(bank, &q.id, &q.short)))
                .collect(),
            concepts: bank
                .questions
                .iter()
                .zip(codings)
                .map(|(q, codings)| {
                    bank.options(q)
                        .iter()
                        .zip(codings)
                        .map(|(o, c)| {
                            format!(
                                "\"valueCodeableConcept\":{{\"coding\":[{c}],\"text\":{}}}",
                                fragment(&json!(o.label))
                            )
                        })
                        .collect()
                })
                .collect(),
            sections: bank
                .sections
                .iter()
                .map(|s| code(bank, &section_code(&s.id), &words.section_display(&s.title)))
                .collect(),
            urgent: code(bank, URGENT_FINDINGS, URGENT_FINDINGS_DISPLAY),
        }
    }
}

/// Per question of the bank, the value of its symptom's Observation, if it has one
/// (a Flag points to the Observation of each question its alert rests on).
pub fn symptoms(about: &About<'_>) -> Vec<Option<Answered>> {
    (0..about.p.bank.questions.len())
        .map(|i| answered(about, i))
        .collect()
}

/// Writes a check-in's Observations; `symptoms` is what [`symptoms`] gave.
pub fn write(j: &mut Json, about: &About<'_>, symptoms: &[Option<Answered>]) {
    for (i, value) in symptoms.iter().enumerate() {
        if let Some(value) = value {
            symptom(j, about, i, *value);
        }
    }
    for g in &about.grades.sections {
        section(j, about, g);
    }
    urgent_findings(j, about);
}

/// An Observation of the check-in, known as `CHECK-IN-ID/CODE` (`value`'s parts
/// joined: the check-in's id, `/`, the code).
pub fn identified<'s>(value: &'s [&'s str]) -> Identified<'s> {
    Identified {
        rtype: "Observation",
        kind: "observation",
        system: OBSERVATION_IDS,
        value,
        started: None,
    }
}

/// What the keys and searches of check-in `id`'s Observations begin with.
pub fn started(id: &str) -> Started {
    identified(&[id, "/", ""]).started()
}

/// An Observation of the check-in, with the start it shares with the others.
fn of_check_in<'s>(about: &'s About<'_>, value: &'s [&'s str]) -> Identified<'s> {
    Identified {
        started: Some(&about.observations),
        ..identified(value)
    }
}

/// Writes what every Observation of the check-in has, in order, up to its
/// `derivedFrom`'s first reference: identifier, code, subject, time and the
/// response it comes from. The caller closes `derivedFrom`.
fn open(j: &mut Json, about: &About<'_>, id: &Identified<'_>, code: &str) {
    id.open(j);
    j.raw(",\"status\":\"final\",\"category\":");
    j.raw(&about.p.observations.category);
    j.raw(",\"code\":");
    j.raw(code);
    j.raw(",\"subject\":");
    j.raw(&about.p.words.subject);
    j.raw(",\"effectiveDateTime\":");
    j.raw(&about.ended);
    j.raw(",\"derivedFrom\":[{\"reference\":");
    j.raw(&about.response);
    j.raw("}");
}

/// A symptom answer's value: a scale option (by index) or yes/no.
#[derive(Debug, Clone, Copy)]
pub enum Answered {
    Option(usize),
    YesNo(bool),
}

/// The value of question `i`'s Observation: a scale answer's option (its grade in
/// the coding's ordinalValue), or a yes/no symptom answer. None for answers that
/// are not symptoms (context questions, numbers, notes).
fn answered(about: &About<'_>, i: usize) -> Option<Answered> {
    let p = about.p;
    let a = about.kept[i]?;
    p.observations.codes[i].as_ref()?;
    match p.bank.questions[i].kind {
        Kind::Scale if grade(a).is_some() => a
            .value
            .as_str()
            .and_then(|id| p.option(i, id))
            .map(Answered::Option),
        Kind::YesNo => yes_sign(a).map(Answered::YesNo),
        _ => None,
    }
}

/// The Observation of question `i`'s answer, whose value is `value`.
fn symptom(j: &mut Json, about: &About<'_>, i: usize, value: Answered) {
    let p = about.p;
    let q = &p.bank.questions[i];
    let Some(code) = p.observations.codes[i].as_deref() else {
        return;
    };
    let change = about.since.as_ref().and_then(|s| s.change(&q.id));
    let key = [about.record.id.as_str(), "/", &q.id];
    let id = of_check_in(about, &key);
    open(j, about, &id, code);
    if let (Some(since), Some(_)) = (&about.since, change) {
        j.raw(",");
        j.raw(since.derived_from());
    }
    j.raw("]");
    match value {
        Answered::Option(o) => {
            j.raw(",");
            j.raw(&p.observations.concepts[i][o]);
        }
        Answered::YesNo(yes) => {
            j.raw(",\"valueBoolean\":");
            j.bool(yes);
        }
    }
    if let Some(c) = change {
        super::baseline::components(j, about, c);
    }
    id.close(j, p.bundle);
}

/// For a stopped check-in: the `note` that its numbers count only what was
/// answered, after a comma, which each of its section and urgent-findings
/// Observations has.
pub fn stopped_note(about: &About<'_>) -> Option<String> {
    let words = about.grades.stopped_words(about.record.status)?;
    let text = about.p.words.say("fhir-stopped-note", &[("words", &words)]);
    Some(format!(",\"note\":[{{\"text\":{}}}]", write::string(&text)))
}

fn stopped_note_of(j: &mut Json, about: &About<'_>) {
    if let Some(note) = &about.stopped_note {
        j.raw(note);
    }
}

/// One number as a component: `code` and `display` in the observation system.
pub fn component(
    j: &mut Json,
    about: &About<'_>,
    code: &'static str,
    display: &'static str,
    value: i64,
) {
    j.raw("{\"code\":{\"coding\":[{\"system\":");
    j.raw(&about.p.observations.system);
    j.raw(",\"code\":");
    j.lit(code);
    j.raw(",\"display\":");
    j.lit(display);
    j.raw("}]},\"valueInteger\":");
    j.int(value);
    j.raw("}");
}

/// A section's numbers, one component each.
fn section(j: &mut Json, about: &About<'_>, g: &SectionGrades) {
    let p = about.p;
    let bank = p.bank;
    let section = section_code(&g.section);
    let unknown;
    let code_json = match bank.sections.iter().position(|s| s.id == g.section) {
        Some(s) => &p.observations.sections[s],
        None => {
            // Not a section of this bank: its id stands for its title.
            unknown = code(bank, &section, &p.words.section_display(&g.section));
            &unknown
        }
    };
    let value = [about.record.id.as_str(), "/", &section];
    let id = of_check_in(about, &value);
    open(j, about, &id, code_json);
    j.raw("],\"component\":[");
    for (k, (n, v)) in section_numbers(g).enumerate() {
        if k > 0 {
            j.raw(",");
        }
        component(j, about, n.code, n.display, v);
    }
    j.raw("]");
    stopped_note_of(j, about);
    id.close(j, p.bundle);
}

/// The check-in's urgent findings, with the urgent alerts retracted beside them.
fn urgent_findings(j: &mut Json, about: &About<'_>) {
    let value = [about.record.id.as_str(), "/", URGENT_FINDINGS];
    let id = of_check_in(about, &value);
    open(j, about, &id, &about.p.observations.urgent);
    j.raw("],\"valueInteger\":");
    j.int(about.grades.urgent_findings);
    j.raw(",\"component\":[");
    let retracted = about.record.retracted_urgent_alerts().count() as i64;
    component(
        j,
        about,
        RETRACTED_ALERTS,
        RETRACTED_ALERTS_DISPLAY,
        retracted,
    );
    j.raw("]");
    stopped_note_of(j, about);
    id.close(j, about.p.bundle);
}
