//! The baseline in the Bundle: the baseline check-in's QuestionnaireResponse says
//! it is the baseline, and each symptom Observation of a check-in compared with it
//! carries the baseline's answer and the change since then, derived from the
//! baseline's response too.
//!
//! Which check-in is the baseline, which check-ins are compared with it and what
//! changed are the report model's ([`crate::report::baseline`]): a check-in is
//! compared when it is completed and [`compared`] takes it (it started after the
//! baseline and is not the baseline itself), the same rule that picks the check-in
//! the JSON report and `history` compare. Every such check-in of the period gets
//! the comparison, not only the latest, as each has its own Observations. Without
//! a baseline (none marked, or the mark names a missing or stopped check-in) the
//! Bundle says nothing of one.
//!
//! The mark is an extension, not a `meta.tag`: a tag is a workflow label that a
//! server may change without a new version of the resource, while being the
//! baseline is what the response means to every Observation compared with it.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::codes::{BASELINE_CHANGE, BASELINE_VALUE, observation_system, shift_coding};
use super::{About, CHECK_IN_SYSTEM};
use crate::bank::Bank;
use crate::record::{CheckIn, Status};
use crate::report::{Baseline, Change, Measure, Snapshot, changes, compared};
use crate::text::rfc3339;

/// The extension on the baseline check-in's response (valueBoolean true).
pub const BASELINE: &str = "urn:sidecheck:fhir:baseline";
/// The extension on the baseline check-in's response: when it was marked as the
/// baseline (valueDateTime).
pub const BASELINE_MARKED_AT: &str = "urn:sidecheck:fhir:baseline-marked-at";
const DATA_ABSENT: &str = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

/// The baseline a Bundle compares with, and how its resources name the baseline's
/// response.
pub struct Compare<'a> {
    baseline: &'a Baseline,
    /// A `derivedFrom` entry: the response's fullUrl when it is in the Bundle, else
    /// its identifier (a reference that needs no entry).
    derived_from: Value,
}

impl<'a> Compare<'a> {
    /// `in_bundle`: whether the Bundle holds the baseline check-in's response, whose
    /// fullUrl is then `full_url`.
    pub fn new(baseline: &'a Baseline, in_bundle: bool, full_url: String) -> Compare<'a> {
        let display = format!("The baseline check-in {}", baseline.id());
        let derived_from = if in_bundle {
            json!({"reference": full_url, "display": display})
        } else {
            json!({
                "type": "QuestionnaireResponse",
                "identifier": {"system": CHECK_IN_SYSTEM, "value": baseline.id()},
                "display": format!("{display} (not in this Bundle)"),
            })
        };
        Compare {
            baseline,
            derived_from,
        }
    }

    /// Whether `r` is the baseline check-in.
    pub fn is_baseline(&self, r: &CheckIn) -> bool {
        r.id == self.baseline.id()
    }

    /// Marks `response` as the baseline check-in's, in its extensions.
    pub fn mark(&self, response: &mut Value) {
        let Some(Value::Array(extensions)) = response.get_mut("extension") else {
            return;
        };
        extensions.push(json!({"url": BASELINE, "valueBoolean": true}));
        extensions.push(json!({
            "url": BASELINE_MARKED_AT,
            "valueDateTime": rfc3339(&self.baseline.mark.marked_at),
        }));
    }

    /// The change since the baseline of each symptom of `r`, by question id, when
    /// `r` is compared with it; `None` otherwise.
    pub fn since(&self, r: &CheckIn, bank: &Bank) -> Option<Since<'_>> {
        if r.status != Status::Completed {
            return None;
        }
        let now = Snapshot::of(r, Some(bank));
        let now = compared(self.baseline, Some(&now)).ok()?;
        let by_symptom = changes(&self.baseline.snapshot, now, Some(bank))
            .into_iter()
            .map(|c| (c.symptom.clone(), c))
            .collect();
        Some(Since {
            derived_from: &self.derived_from,
            changes: by_symptom,
        })
    }
}

/// What the Observations of a check-in compared with the baseline add.
pub struct Since<'a> {
    derived_from: &'a Value,
    changes: HashMap<String, Change>,
}

/// Adds the comparison to the Observation of symptom `id`: its answer at the
/// baseline and the change as components, and the baseline's response to
/// `derivedFrom`.
pub fn add(about: &About<'_>, id: &str, o: &mut Map<String, Value>) {
    let Some(since) = &about.since else {
        return;
    };
    let Some(c) = since.changes.get(id) else {
        return;
    };
    let system = observation_system(about.bank);
    let code = |code: &str, display: &str| json!({"coding": [{"system": system, "code": code, "display": display}]});
    let mut before = Map::new();
    before.insert("code".into(), code(BASELINE_VALUE, "At the baseline"));
    match (c.before, c.measure) {
        (Some(v), Measure::YesNo) => {
            before.insert("valueBoolean".into(), json!(v > 0));
        }
        (Some(v), _) => {
            before.insert("valueInteger".into(), json!(v));
        }
        (None, _) => {
            before.insert(
                "dataAbsentReason".into(),
                json!({"coding": [{"system": DATA_ABSENT, "code": "not-asked", "display": "Not Asked"}]}),
            );
        }
    }
    let change = json!({
        "code": code(BASELINE_CHANGE, "Change since the baseline"),
        "valueCodeableConcept": {"coding": [shift_coding(c.change)], "text": c.words},
    });
    o.insert(
        "component".into(),
        Value::Array(vec![Value::Object(before), change]),
    );
    if let Some(Value::Array(from)) = o.get_mut("derivedFrom") {
        from.push(since.derived_from.clone());
    }
}
