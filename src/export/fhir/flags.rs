//! A check-in's alerts as `Flag`s, so that a clinic importing the Bundle keeps "the
//! person was told to call 911 / 988" beside the answers.
//!
//! Every alert gets one, whatever its level: urgent ones (emergency, crisis,
//! prescriber) and advice, each with its level, because the advice (alcohol with
//! baclofen, drowsy driving) is also what the person was told, and the level lets a
//! system show only the urgent ones. Alerts that stand are `active`; alerts shown
//! and then retracted (an answer they rested on was changed) are `inactive`, with
//! the time they were taken back as `period.end`.
//!
//! Flag rather than DetectedIssue: a Flag is the resource systems show as a warning
//! about the patient, and its `active`/`inactive` says "stands" or "was taken back";
//! DetectedIssue is about conflicts between clinical actions and has no inactive
//! state. Flag has no field for its evidence, so extensions carry it: HL7's
//! `flag-detail` (the QuestionnaireResponse, and the Observation of each answer it
//! rests on, where there is one), [`ALERT_QUESTION`] (the linkId of the question it
//! is pinned to) and [`ALERT_ANSWER`] (every question whose answer raised or
//! contributed to it, by [`crate::grades::AlertBasis`], the rule the CSV's `urgent`
//! column follows). FHIR's `flag-priority` extension is not used: its codes are an
//! example set taken from device alarm priorities, and the level code says more.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::codes::{alert_system, level_coding};
use super::{About, Entry};
use crate::alert::{call_lines, fill_numbers};
use crate::bank::AlertRule;
use crate::grades::{AlertAnswers, AlertBasis};
use crate::record::AlertRecord;
use crate::region::{self, Region};
use crate::report::retracted_words;
use crate::text::rfc3339;

/// The identifier system of Flags: `CHECK-IN-ID/alerts/N` for the alerts that
/// stand and `CHECK-IN-ID/retracted-alerts/N` for those retracted, N counting from 1
/// in the record's order.
pub const FLAG_IDS: &str = "urn:sidecheck:alert";
/// The extension on a Flag: the linkId of the question whose answer raised the
/// alert, in the QuestionnaireResponse its `flag-detail` names (valueString).
pub const ALERT_QUESTION: &str = "urn:sidecheck:fhir:alert-question";
/// The extension on a Flag, once for each question whose answer raised or
/// contributed to the alert (the pinned one first): trouble breathing for the
/// alert that trouble breathing with alcohol pinned to the alcohol question
/// (valueString, a linkId).
pub const ALERT_ANSWER: &str = "urn:sidecheck:fhir:alert-answer";
const FLAG_DETAIL: &str = "http://hl7.org/fhir/StructureDefinition/flag-detail";
const FLAG_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/flag-category";
/// Who raised the flag: no clinician did.
const AUTHOR: &str = "sidecheck, a self-check program: an automatic alert shown to the person";

/// Whether an alert still stands at the end of the check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    Stands,
    Retracted,
}

/// One Flag per alert of the check-in: those that stand, then those retracted.
/// `observed` gives the fullUrl of the Observation of each question that has one.
pub fn flags(about: &About<'_>, observed: &HashMap<String, String>) -> Vec<Entry> {
    let region = region::for_code(&about.record.region);
    // The one rule of which answers each alert rests on, as the CSV marks them.
    let basis = AlertBasis::of(about.record, Some(about.bank));
    let numbered = |list: &[AlertAnswers<'_>], standing: Standing| -> Vec<Entry> {
        list.iter()
            .enumerate()
            .map(|(i, a)| flag(about, &region, a, standing, i + 1, observed))
            .collect()
    };
    let mut out = numbered(basis.standing(), Standing::Stands);
    out.extend(numbered(basis.retracted(), Standing::Retracted));
    out
}

/// What the person was told, as they saw it: the heading and title, the advice and
/// the numbers to call, filled in for the record's region.
fn message(a: &AlertRecord, rule: Option<&AlertRule>, region: &Region, code: &str) -> String {
    let mut parts = vec![format!("{}.", a.level.heading()), sentence(&a.title)];
    if let Some(rule) = rule {
        parts.push(fill_numbers(&rule.advice, region));
        parts.extend(call_lines(rule, region).iter().map(|c| sentence(c)));
        parts.push(format!("Numbers shown for region {code}."));
    }
    parts.join(" ")
}

/// A line as a sentence, ending with a stop.
fn sentence(text: &str) -> String {
    let t = text.trim();
    if t.ends_with(['.', '!', '?']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

/// When the alert was raised and, if retracted, taken back. Urgent alerts are shown
/// the moment they are raised (`shown_at`; older records have no time); advice is
/// shown in the summary when the check-in ends.
fn period(about: &About<'_>, a: &AlertRecord, standing: Standing) -> Option<Value> {
    let start = match (a.shown_at, a.level.is_urgent(), standing) {
        (Some(t), _, _) => Some(t),
        (None, false, Standing::Stands) => Some(about.record.ended_at),
        (None, _, _) => None,
    };
    let end = a.retracted_at.filter(|_| standing == Standing::Retracted);
    let mut p = Map::new();
    if let Some(t) = start {
        p.insert("start".into(), json!(rfc3339(&t)));
    }
    if let Some(t) = end {
        p.insert("end".into(), json!(rfc3339(&t)));
    }
    (!p.is_empty()).then_some(Value::Object(p))
}

fn flag(
    about: &About<'_>,
    region: &Region,
    basis: &AlertAnswers<'_>,
    standing: Standing,
    n: usize,
    observed: &HashMap<String, String>,
) -> Entry {
    let a = basis.alert;
    let mut text = message(a, about.bank.alert(&a.id), region, &about.record.region);
    let (status, list) = match standing {
        Standing::Stands => ("active", "alerts"),
        Standing::Retracted => {
            text = format!("Retracted: {}. {text}", retracted_words(a));
            ("inactive", "retracted-alerts")
        }
    };
    let mut extensions =
        vec![json!({"url": FLAG_DETAIL, "valueReference": {"reference": about.response}})];
    for obs in basis.questions.iter().filter_map(|q| observed.get(q)) {
        extensions.push(json!({"url": FLAG_DETAIL, "valueReference": {"reference": obs}}));
    }
    extensions.push(json!({"url": ALERT_QUESTION, "valueString": a.question}));
    for q in &basis.questions {
        extensions.push(json!({"url": ALERT_ANSWER, "valueString": q}));
    }
    let mut f = Map::new();
    f.insert("resourceType".into(), json!("Flag"));
    f.insert("extension".into(), Value::Array(extensions));
    f.insert("status".into(), json!(status));
    f.insert(
        "category".into(),
        json!([
            {"coding": [{"system": FLAG_CATEGORY, "code": "drug", "display": "Drug"}]},
            {"coding": [level_coding(a.level)], "text": a.level.as_str()},
        ]),
    );
    f.insert(
        "code".into(),
        json!({"coding": [{"system": alert_system(about.bank), "code": a.id, "display": a.title}], "text": text}),
    );
    f.insert("subject".into(), super::subject());
    if let Some(p) = period(about, a, standing) {
        f.insert("period".into(), p);
    }
    f.insert("author".into(), json!({"display": AUTHOR}));
    Entry::identified(
        "flag",
        FLAG_IDS,
        format!("{}/{list}/{n}", about.record.id),
        f,
    )
}
