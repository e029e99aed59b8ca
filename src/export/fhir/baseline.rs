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
use super::{CHECK_IN_SYSTEM, Prepared, fragment};
use crate::bank::Bank;
use crate::grades::AlertBasis;
use crate::record::{CheckIn, Status};
use compact_str::CompactString;
use serde_json::Value;

use crate::record::AnswerRecord;
use crate::report::{
    Baseline, Change, Measure, Shift, Snapshot, Symptom, changes, comparable, emergency_from,
    in_another_language,
};
use crate::text::{rfc3339, same_text};

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
    /// Per question of the bank: the baseline's symptoms with its id.
    before: Vec<Vec<Symptom>>,
    /// Per question of the bank: its changes worked out so far, by the answers
    /// they were worked out from. Check-ins give the same few answers again and
    /// again, and working a change out (its words through the catalogue) cost more
    /// than writing the rest of the Bundle.
    seen: RefCell<Vec<Vec<Seen>>>,
    /// The place in the bank and in the record of each symptom answer of the
    /// check-in compared last, remade for the next one.
    answered: RefCell<Vec<(usize, usize)>>,
}

/// A change of one symptom as the Observations write it, and what it was worked
/// out from.
struct Seen {
    /// The check-in's symptom answers to the question.
    now: Vec<Given>,
    /// The components it writes ([`Compare::components`]); `None` when neither
    /// check-in answered the question.
    components: Option<String>,
}

/// What a symptom is made of ([`Symptom::of`]) besides its question's id: a
/// saved answer's other fields, whether an emergency alert from its question
/// stood, and whether its check-in was answered in another language. Answers
/// the same in all of these have the same symptom, so a change is known again
/// without making the symptom.
struct Given {
    section: CompactString,
    value: Value,
    label: Option<CompactString>,
    score: Option<u8>,
    emergency: bool,
    foreign: bool,
}

impl Given {
    fn of(a: &AnswerRecord, emergency: bool, foreign: bool) -> Given {
        Given {
            section: a.section.clone(),
            value: a.value.clone(),
            label: a.label.clone(),
            score: a.score,
            emergency,
            foreign,
        }
    }

    /// Whether `a` is this answer, the fields that differ most often compared
    /// first: the check-ins' answers are compared with those kept many times
    /// each.
    fn is(&self, a: &AnswerRecord, emergency: bool, foreign: bool) -> bool {
        // Every field, by name, so that a new one cannot be left out.
        let Given {
            section,
            value,
            label,
            score,
            emergency: e,
            foreign: f,
        } = self;
        let same_value = match (value, &a.value) {
            (Value::String(x), Value::String(y)) => same_text(x, y),
            (x, y) => x == y,
        };
        let same_label = match (label, &a.label) {
            (Some(x), Some(y)) => same_text(x, y),
            (x, y) => x.is_none() && y.is_none(),
        };
        *score == a.score
            && same_value
            && *e == emergency
            && *f == foreign
            && same_label
            && same_text(section, &a.section)
    }
}

/// How many changes are kept per question ([`Compare::seen`]).
const KEPT_PER_QUESTION: usize = 64;

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
            before: p
                .bank
                .questions
                .iter()
                .map(|q| {
                    let of_q = baseline.snapshot.symptoms.iter().filter(|s| s.id == q.id);
                    of_q.cloned().collect()
                })
                .collect(),
            seen: RefCell::new(p.bank.questions.iter().map(|_| Vec::new()).collect()),
            answered: RefCell::default(),
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
        // Whether it is compared depends on its id and time alone: its answers
        // are read only for one that is.
        if r.status != Status::Completed || !comparable(self.baseline, &r.id, &r.started_at) {
            return None;
        }
        Some(self.since_answers(r, bank, basis))
    }

    /// [`Compare::since`] of a check-in compared with the baseline.
    fn since_answers(&self, r: &CheckIn, bank: &Bank, basis: &AlertBasis<'_>) -> Since<'_> {
        // The symptom answers by question of the bank, in their order: by place,
        // then by their own order (so a stable sort by place, which allocates for
        // more than a few). They are the symptoms of the check-in's snapshot
        // ([`Snapshot::remake`]), which is not made: only a change not seen
        // before needs them.
        let mut answered = self.answered.borrow_mut();
        answered.clear();
        let ids = r.answers.iter().map(|a| a.question.as_str());
        let places = bank.places(ids).zip(&r.answers).enumerate();
        answered.extend(places.filter_map(|(k, (i, a))| {
            Symptom::measured(a)?;
            Some((i?, k))
        }));
        answered.sort_unstable();
        let foreign = in_another_language(r);
        let mut seen = self.seen.borrow_mut();
        let mut at = 0;
        let changed = (0..bank.questions.len())
            .map(|i| {
                let start = at;
                while answered.get(at).is_some_and(|&(q, _)| q == i) {
                    at += 1;
                }
                let group = answered[start..at].iter().map(|&(_, k)| &r.answers[k]);
                // Every answer of the group is to question `i`, found by its id.
                let emergency = at > start && emergency_from(basis, &bank.questions[i].id);
                self.change_of(bank, i, &mut seen[i], group, emergency, foreign)
            })
            .collect();
        Since {
            compare: self,
            changed,
        }
    }

    /// Which of `seen` (question `i`'s changes rendered so far) is its change
    /// when the check-in compared answered it as `now` (its symptom answers, with
    /// `emergency` and `foreign` as for [`Symptom::of`]): found, or worked out and
    /// kept. `None` when neither check-in answered it.
    fn change_of<'s>(
        &self,
        bank: &Bank,
        i: usize,
        seen: &mut Vec<Seen>,
        now: impl Iterator<Item = &'s AnswerRecord> + Clone,
        emergency: bool,
        foreign: bool,
    ) -> Option<usize> {
        let before = &self.before[i];
        let count = now.clone().count();
        // Neither check-in answered it: no change, and nothing worth keeping.
        if count == 0 && before.is_empty() {
            return None;
        }
        let same = |s: &Seen| {
            s.now.len() == count
                && s.now
                    .iter()
                    .zip(now.clone())
                    .all(|(given, a)| given.is(a, emergency, foreign))
        };
        if let Some(k) = seen.iter().position(same) {
            // Moved to the front: a few answers come far more often than the
            // rest ("none", "no"), and are then found first.
            seen[..=k].rotate_right(1);
            return seen[0].components.as_ref().map(|_| 0);
        }
        let symptoms: Vec<Symptom> = now
            .clone()
            .filter_map(|a| Symptom::of(a, emergency, foreign))
            .collect();
        // The change of one symptom depends only on its answers at the two
        // check-ins (as `changes` finds them by id), so the report model's rule
        // is asked of those alone.
        let one = |symptoms: Vec<Symptom>| Snapshot {
            check_in: String::new(),
            at: self.baseline.snapshot.at,
            symptoms,
        };
        let components = changes(&one(before.clone()), &one(symptoms), Some(bank))
            .into_iter()
            .last()
            .map(|c| {
                let mut j = Json::default();
                self.components(&mut j, &c);
                String::from_utf8(j.buf).unwrap_or_default()
            });
        // A log edited by hand could give any number of answers; past a few, the
        // rest are worked out each time rather than kept.
        if seen.len() >= KEPT_PER_QUESTION {
            seen.pop();
        }
        let now = now.map(|a| Given::of(a, emergency, foreign)).collect();
        seen.push(Seen { now, components });
        let k = seen.len() - 1;
        seen[k].components.as_ref().map(|_| k)
    }
}

/// What the Observations of a check-in compared with the baseline add.
pub struct Since<'a> {
    compare: &'a Compare<'a>,
    /// Per question of the bank: its change, in [`Compare::seen`].
    changed: Vec<Option<usize>>,
}

impl Since<'_> {
    /// Whether symptom `i` (by its place in the bank) has a change.
    pub fn has_change(&self, i: usize) -> bool {
        self.changed.get(i).is_some_and(Option::is_some)
    }

    /// The `derivedFrom` entry that names the baseline's response, which a
    /// symptom's Observation with a change gets after its own response.
    pub fn derived_from(&self) -> &str {
        &self.compare.derived_from
    }

    /// Writes symptom `i`'s comparison (after its value, after a comma), if it
    /// has a change: its answer at the baseline and the change since then, as
    /// components.
    pub fn components(&self, j: &mut Json, i: usize) {
        let Some(Some(k)) = self.changed.get(i) else {
            return;
        };
        let seen = self.compare.seen.borrow();
        if let Some(c) = seen[i].get(*k).and_then(|s| s.components.as_deref()) {
            j.raw(c);
        }
    }
}

impl Compare<'_> {
    /// Writes a change as [`Since::components`] does.
    fn components(&self, j: &mut Json, c: &Change) {
        j.raw(",\"component\":[{\"code\":");
        j.raw(&self.before_code);
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
                j.raw(&self.not_asked);
            }
        }
        j.raw("},{\"code\":");
        j.raw(&self.change_code);
        j.raw(",\"valueCodeableConcept\":{\"coding\":[");
        match self.shifts.iter().find(|(s, _)| *s == c.change) {
            Some((_, coding)) => j.raw(coding),
            None => j.value(&shift_coding(c.change)),
        }
        j.raw("],\"text\":");
        j.str(&c.words);
        j.raw("}}]");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Bank;
    use crate::cli::BundleKind;
    use crate::grades::Grades;
    use crate::record::{AlertRecord, BankRef, BaselineMark};

    /// A saved answer as the check writes it: a scale answer's option id, label
    /// and grade, or a yes/no answer.
    fn answer(bank: &Bank, id: &str, value: Value, label: &str, score: u8) -> AnswerRecord {
        AnswerRecord {
            question: id.into(),
            section: bank
                .question(id)
                .map_or("gone".into(), |q| q.section.as_str().into()),
            value,
            label: (!label.is_empty()).then(|| label.into()),
            score: Some(score),
        }
    }

    fn graded(bank: &Bank, id: &str, option: &str, score: u8) -> AnswerRecord {
        let label = option.replace('_', " ");
        answer(bank, id, Value::String(option.into()), &label, score)
    }

    /// The changes kept per answer are those the report model gives for the whole
    /// check-in, each time the same answers come again.
    #[test]
    fn kept_changes_are_those_of_the_whole_check_in() {
        let bank = Bank::bundled().expect("bundled bank");
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-01T09:00:00+01:00").expect("time");
        let later =
            chrono::DateTime::parse_from_rfc3339("2026-11-02T09:00:00+01:00").expect("time");
        let record = |id: &str, answers: Vec<AnswerRecord>, alerts: Vec<AlertRecord>| {
            let mut r = CheckIn::blank();
            r.id = id.into();
            r.status = Status::Completed;
            r.started_at = if id == "x" { at } else { later };
            r.bank = BankRef::of(&bank);
            r.answers = answers;
            r.alerts = alerts;
            r
        };
        let base = record(
            "x",
            vec![
                graded(&bank, "drowsiness", "mild", 1),
                graded(&bank, "dizziness", "none", 0),
                answer(&bank, "breathing", Value::Bool(false), "", 0),
                // Answered twice, as a hand-edited line may have it.
                graded(&bank, "weakness", "moderate", 2),
                graded(&bank, "weakness", "severe", 3),
            ],
            Vec::new(),
        );
        let blank = CheckIn::blank();
        let baseline = Baseline {
            mark: BaselineMark::new("x", at),
            snapshot: Snapshot::of(&base, Some(&bank)),
            grades: Grades::of(&blank, Some(&bank)),
            in_period: true,
            bank: BankRef::of(&bank),
        };
        let emergency = AlertRecord {
            id: "breathing".into(),
            question: "breathing".into(),
            level: crate::bank::Level::Emergency,
            title: "t".into(),
            shown_at: None,
            retracted_at: None,
        };
        let nows = [
            record(
                "a",
                vec![graded(&bank, "drowsiness", "severe", 3)],
                Vec::new(),
            ),
            record(
                "b",
                vec![
                    graded(&bank, "drowsiness", "mild", 1),
                    answer(&bank, "breathing", Value::Bool(true), "", 1),
                    graded(&bank, "insomnia", "moderate", 2),
                    graded(&bank, "not_in_the_bank", "mild", 1),
                ],
                vec![emergency.clone()],
            ),
            record(
                "c",
                vec![
                    answer(&bank, "breathing", Value::Bool(true), "", 1),
                    graded(&bank, "dizziness", "none", 0),
                    graded(&bank, "dizziness", "very_severe", 4),
                    graded(&bank, "weakness", "none", 0),
                ],
                Vec::new(),
            ),
            record(
                "d",
                vec![answer(
                    &bank,
                    "drowsiness",
                    Value::String("mild".into()),
                    "",
                    1,
                )],
                Vec::new(),
            ),
            record("e", vec![], Vec::new()),
        ];
        let p = Prepared::new(&bank, BundleKind::Collection);
        let compare = Compare::new(&baseline, &p, true, "urn:uuid:x".into());
        for now in nows.iter().chain(&nows).chain(&nows) {
            let basis = AlertBasis::of(now, Some(&bank));
            let since = compare.since(now, &bank, &basis).expect("compared");
            let snapshot = Snapshot::with_basis(now, &basis);
            let all = changes(&baseline.snapshot, &snapshot, Some(&bank));
            for (i, q) in bank.questions.iter().enumerate() {
                let mut want = Json::default();
                let change = all.iter().rev().find(|c| c.symptom == q.id);
                if let Some(c) = change {
                    compare.components(&mut want, c);
                }
                let mut got = Json::default();
                since.components(&mut got, i);
                assert_eq!(since.has_change(i), change.is_some(), "{} {}", now.id, q.id);
                assert_eq!(got.buf, want.buf, "{} {}", now.id, q.id);
            }
        }
        // The baseline itself, and a check-in before it, are not compared.
        let basis = AlertBasis::of(&base, Some(&bank));
        assert!(compare.since(&base, &bank, &basis).is_none());
        let mut earlier = nows[0].clone();
        earlier.started_at = at - chrono::Duration::hours(1);
        assert!(compare.since(&earlier, &bank, &basis).is_none());
    }
}
