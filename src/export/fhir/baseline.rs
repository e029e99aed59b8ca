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

use std::cell::RefCell;

use serde_json::json;

use super::codes::{
    BASELINE_CHANGE, BASELINE_CHANGE_DISPLAY, BASELINE_VALUE, BASELINE_VALUE_DISPLAY, SHIFTS,
    observation_system, shift_coding,
};
use super::write::Json;
use super::{About, CHECK_IN_SYSTEM, Prepared, fragment};
use crate::bank::Bank;
use crate::grades::AlertBasis;
use crate::record::{CheckIn, Status};
use crate::report::{Baseline, Change, Measure, Shift, Snapshot, changes, compared};
use crate::text::rfc3339;

/// The extension on the baseline check-in's response (valueBoolean true).
pub const BASELINE: &str = "urn:sidecheck:fhir:baseline";
/// The extension on the baseline check-in's response: when it was marked as the
/// baseline (valueDateTime).
pub const BASELINE_MARKED_AT: &str = "urn:sidecheck:fhir:baseline-marked-at";
const DATA_ABSENT: &str = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

/// The baseline a Bundle compares with, and how its resources name the baseline's
/// response, rendered once per export.
pub struct Compare<'a> {
    baseline: &'a Baseline,
    /// A `derivedFrom` entry: the response's fullUrl when it is in the Bundle, else
    /// its identifier (a reference that needs no entry).
    derived_from: String,
    /// The `code`s of the two components a compared symptom's Observation gets.
    before_code: String,
    change_code: String,
    /// The `dataAbsentReason` of a symptom not asked at the baseline.
    not_asked: String,
    /// Each change's coding.
    shifts: Vec<(Shift, String)>,
    /// The snapshot of the check-in compared last, remade for the next one rather
    /// than made anew for each.
    now: RefCell<Option<Snapshot>>,
}

impl<'a> Compare<'a> {
    /// `in_bundle`: whether the Bundle holds the baseline check-in's response, whose
    /// fullUrl is then `full_url`.
    pub fn new(
        baseline: &'a Baseline,
        p: &Prepared<'_>,
        in_bundle: bool,
        full_url: String,
    ) -> Compare<'a> {
        let id = [("id", baseline.id())];
        let derived_from = if in_bundle {
            json!({"reference": full_url, "display": p.words.say("fhir-baseline-ref", &id)})
        } else {
            json!({
                "type": "QuestionnaireResponse",
                "identifier": {"system": CHECK_IN_SYSTEM, "value": baseline.id()},
                "display": p.words.say("fhir-baseline-ref-absent", &id),
            })
        };
        let system = observation_system(p.bank);
        let code = |code: &str, display: &str| {
            fragment(&json!({"coding": [{"system": system, "code": code, "display": display}]}))
        };
        Compare {
            baseline,
            derived_from: fragment(&derived_from),
            before_code: code(BASELINE_VALUE, BASELINE_VALUE_DISPLAY),
            change_code: code(BASELINE_CHANGE, BASELINE_CHANGE_DISPLAY),
            not_asked: fragment(
                &json!({"coding": [{"system": DATA_ABSENT, "code": "not-asked", "display": "Not Asked"}]}),
            ),
            shifts: SHIFTS
                .into_iter()
                .map(|s| (s, fragment(&shift_coding(s))))
                .collect(),
            now: RefCell::default(),
        }
    }

    /// Whether `r` is the baseline check-in.
    pub fn is_baseline(&self, r: &CheckIn) -> bool {
        r.id == self.baseline.id()
    }

    /// Marks the baseline check-in's response, in its extensions (written after
    /// the others, each after a comma).
    pub fn mark(&self, j: &mut Json) {
        j.raw(",{\"url\":");
        j.lit(BASELINE);
        j.raw(",\"valueBoolean\":true},{\"url\":");
        j.lit(BASELINE_MARKED_AT);
        j.raw(",\"valueDateTime\":");
        j.str(&rfc3339(&self.baseline.mark.marked_at));
        j.raw("}");
    }

    /// The change since the baseline of each symptom of `r`, when `r` is compared
    /// with it; `None` otherwise. `basis` is what its alerts rest on.
    pub fn since(&self, r: &CheckIn, bank: &Bank, basis: &AlertBasis<'_>) -> Option<Since<'_>> {
        if r.status != Status::Completed {
            return None;
        }
        let mut kept = self.now.borrow_mut();
        let now = match kept.as_mut() {
            Some(s) => {
                s.remake(r, basis);
                s
            }
            None => kept.insert(Snapshot::with_basis(r, basis)),
        };
        let now = compared(self.baseline, Some(now)).ok()?;
        Some(Since {
            compare: self,
            changes: changes(&self.baseline.snapshot, now, Some(bank)),
        })
    }
}

/// What the Observations of a check-in compared with the baseline add.
pub struct Since<'a> {
    compare: &'a Compare<'a>,
    /// In the bank's order, as the Observations look them up: a short list, read
    /// without a hash.
    changes: Vec<Change>,
}

impl Since<'_> {
    /// The change of symptom `id`, if it has one (of a symptom listed twice, as a
    /// hand-edited line may have it, the last).
    pub fn change(&self, id: &str) -> Option<&Change> {
        self.changes.iter().rev().find(|c| c.symptom == id)
    }

    /// The `derivedFrom` entry that names the baseline's response, which a
    /// symptom's Observation with a change gets after its own response.
    pub fn derived_from(&self) -> &str {
        &self.compare.derived_from
    }
}

/// Writes a symptom Observation's comparison (after its value, after a comma):
/// its answer at the baseline and the change since then, as components.
pub fn components(j: &mut Json, about: &About<'_>, c: &Change) {
    let Some(compare) = about.since.as_ref().map(|s| s.compare) else {
        return;
    };
    j.raw(",\"component\":[{\"code\":");
    j.raw(&compare.before_code);
    match (c.before, c.measure) {
        (Some(v), Measure::YesNo) => {
            j.raw(",\"valueBoolean\":");
            j.bool(v > 0);
        }
        (Some(v), _) => {
            j.raw(",\"valueInteger\":");
            j.int(v);
        }
        (None, _) => {
            j.raw(",\"dataAbsentReason\":");
            j.raw(&compare.not_asked);
        }
    }
    j.raw("},{\"code\":");
    j.raw(&compare.change_code);
    j.raw(",\"valueCodeableConcept\":{\"coding\":[");
    match compare.shifts.iter().find(|(s, _)| *s == c.change) {
        Some((_, coding)) => j.raw(coding),
        None => j.value(&shift_coding(c.change)),
    }
    j.raw("],\"text\":");
    j.str(&c.words);
    j.raw("}}]");
}
