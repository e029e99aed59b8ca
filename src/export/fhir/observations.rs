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

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::codes::{
    RETRACTED_ALERTS, URGENT_FINDINGS, observation_system, section_code, section_numbers,
};
use super::{About, Entry, coding};
use crate::bank::Kind;
use crate::grades::{SectionGrades, grade, yes_sign};
use crate::record::AnswerRecord;
use crate::text::rfc3339;

/// The identifier system of Observations: `CHECK-IN-ID/CODE`.
pub const OBSERVATION_IDS: &str = "urn:sidecheck:observation";
const CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";

/// A check-in's Observations, and the fullUrl of each symptom's by question id
/// (a Flag points to the Observation of the question that raised it).
pub fn observations(
    about: &About<'_>,
    kept: &HashMap<&str, &AnswerRecord>,
) -> (Vec<Entry>, HashMap<String, String>) {
    let mut entries = Vec::new();
    let mut by_question = HashMap::new();
    for q in &about.bank.questions {
        if let Some(e) = kept
            .get(q.id.as_str())
            .and_then(|a| symptom(about, &q.id, a))
        {
            by_question.insert(q.id.clone(), e.full_url.clone());
            entries.push(e);
        }
    }
    entries.extend(about.grades.sections.iter().map(|g| section(about, g)));
    entries.push(urgent_findings(about));
    (entries, by_question)
}

/// What every Observation of the check-in has: code, subject, time and the
/// response it comes from.
fn base(about: &About<'_>, code: &str, display: &str) -> Map<String, Value> {
    let mut o = Map::new();
    o.insert("resourceType".into(), json!("Observation"));
    o.insert("status".into(), json!("final"));
    o.insert(
        "category".into(),
        json!([{"coding": [{"system": CATEGORY, "code": "survey", "display": "Survey"}]}]),
    );
    o.insert(
        "code".into(),
        json!({"coding": [{"system": observation_system(about.bank), "code": code, "display": display}], "text": display}),
    );
    o.insert("subject".into(), super::subject());
    o.insert(
        "effectiveDateTime".into(),
        json!(rfc3339(&about.record.ended_at)),
    );
    o.insert("derivedFrom".into(), json!([{"reference": about.response}]));
    o
}

fn entry(about: &About<'_>, code: &str, o: Map<String, Value>) -> Entry {
    Entry::identified(
        "observation",
        OBSERVATION_IDS,
        format!("{}/{code}", about.record.id),
        o,
    )
}

/// The Observation of one symptom answer: a scale answer's option (its grade in the
/// coding's ordinalValue), or a yes/no symptom answer. `None` for answers that are
/// not symptoms (context questions, numbers, notes).
fn symptom(about: &About<'_>, id: &str, a: &AnswerRecord) -> Option<Entry> {
    let bank = about.bank;
    let q = bank.question(id)?;
    bank.max_score(q)?;
    let mut o = base(about, id, &q.short);
    match q.kind {
        Kind::Scale if grade(a).is_some() => {
            let choice = a.value.as_str()?;
            let option = bank.options(q).iter().find(|o| o.id == choice)?;
            o.insert(
                "valueCodeableConcept".into(),
                json!({"coding": [coding(bank, q, option, true)], "text": option.label}),
            );
        }
        Kind::YesNo => {
            o.insert("valueBoolean".into(), json!(yes_sign(a)?));
        }
        _ => return None,
    }
    super::baseline::add(about, id, &mut o);
    Some(entry(about, id, o))
}

/// For a stopped check-in: a note that its numbers count only what was answered.
fn stopped_note(about: &About<'_>, o: &mut Map<String, Value>) {
    if let Some(words) = about.grades.stopped_words(about.record.status) {
        o.insert(
            "note".into(),
            json!([{"text": format!("The check-in was {words}; these numbers count only the answers given.")}]),
        );
    }
}

fn component(about: &About<'_>, code: &str, display: &str, value: i64) -> Value {
    json!({
        "code": {"coding": [{"system": observation_system(about.bank), "code": code, "display": display}]},
        "valueInteger": value,
    })
}

/// A section's numbers, one component each.
fn section(about: &About<'_>, g: &SectionGrades) -> Entry {
    let title = about
        .bank
        .section(&g.section)
        .map_or(g.section.as_str(), |s| s.title.as_str());
    let code = section_code(&g.section);
    let mut o = base(about, &code, &format!("{title}: section findings"));
    let parts: Vec<Value> = section_numbers(g)
        .into_iter()
        .map(|(n, v)| component(about, n.code, n.display, v))
        .collect();
    o.insert("component".into(), Value::Array(parts));
    stopped_note(about, &mut o);
    entry(about, &code, o)
}

/// The check-in's urgent findings, with the urgent alerts retracted beside them.
fn urgent_findings(about: &About<'_>) -> Entry {
    let mut o = base(about, URGENT_FINDINGS, "Urgent findings");
    o.insert("valueInteger".into(), json!(about.grades.urgent_findings));
    let retracted = about.record.retracted_urgent_alerts().count() as i64;
    o.insert(
        "component".into(),
        json!([component(
            about,
            RETRACTED_ALERTS,
            "Urgent alerts retracted",
            retracted
        )]),
    );
    stopped_note(about, &mut o);
    entry(about, URGENT_FINDINGS, o)
}
