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
    numbers_key, observation_system, section_code, section_numbers,
};
use super::words::Words;
use super::write::{self, Json, Kept, Numbered};
use super::{About, Ending, Identified, Started, codes, fragment};
use crate::bank::{Bank, Kind};
use crate::cli::BundleKind;
use crate::grades::{SectionGrades, grade, yes_sign};
use crate::text::same_text;

/// The identifier system of Observations: `CHECK-IN-ID/CODE`.
pub const OBSERVATION_IDS: &str = "urn:sidecheck:observation";
const CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";

/// The Observations' parts that depend only on the bank.
pub struct Parts {
    /// `{"status":"final","category":[…]`'s value: the survey category.
    category: String,
    /// Per question: its symptom's Observation (none for a question that is not a
    /// symptom: no score).
    codes: Vec<Option<Coded>>,
    /// Per question that has a symptom Observation, per value it can have (per
    /// option of a scale, `false` and `true` of a yes/no question): the value.
    values: Vec<Vec<Valued>>,
    /// Per section: its Observation.
    sections: Vec<Coded>,
    /// The urgent findings' Observation.
    urgent: Coded,
    /// Per section number ([`codes::numbers`]): its component.
    numbers: Vec<Numbered>,
    /// A section's numbers as its Observation's components, per set of numbers.
    components: Kept,
    /// The urgent findings' value, after the end of `derivedFrom`, up to its
    /// components.
    urgent_value: Numbered,
    /// The urgent findings' component of the alerts retracted, and the end of
    /// the components.
    retracted: Numbered,
}

/// A symptom Observation's value after the end of `derivedFrom` (a scale's
/// `valueCodeableConcept`, or `valueBoolean`), alone and with the end of its
/// entry after it: in a collection, an Observation with no change since the
/// baseline has nothing after its value that is the check-in's own.
struct Valued {
    value: String,
    closed: String,
}

impl Valued {
    fn new(value: String, coded: &Coded) -> Valued {
        Valued {
            closed: format!("{value}{}", coded.end.closed),
            value,
        }
    }
}

/// How much a Bundle keeps of the sections' components it has written.
const KEPT_COMPONENTS: usize = 256 * 1024;

/// What the Observations of one code write of it, made once per export: their
/// identifier's last part (the code), and after it the fields up to the value of
/// `effectiveDateTime`, then what closes their entry.
pub struct Coded {
    end: Ending,
}

impl Coded {
    fn new(
        bank: &Bank,
        p: &Parts,
        bundle: BundleKind,
        subject: &str,
        last: &str,
        display: &str,
    ) -> Coded {
        let mut end = Ending::new(last, bundle);
        let mut j = Json::default();
        fields(&mut j, &p.category, &code(bank, last, display), subject);
        end.opened
            .push_str(std::str::from_utf8(&j.buf).unwrap_or_default());
        Coded { end }
    }
}

/// An Observation's fields after its identifier, up to the value of
/// `effectiveDateTime`.
fn fields(j: &mut Json, category: &str, code: &str, subject: &str) {
    j.raw(",\"status\":\"final\",\"category\":");
    j.raw(category);
    j.raw(",\"code\":");
    j.raw(code);
    j.raw(",\"subject\":");
    j.raw(subject);
    j.raw(",\"effectiveDateTime\":");
}

/// An Observation's `code`: one coding in the bank's observation system.
fn code(bank: &Bank, code: &str, display: &str) -> String {
    fragment(
        &json!({"coding": [{"system": observation_system(bank), "code": code, "display": display}], "text": display}),
    )
}

impl Parts {
    /// `codings`: per question, per option, its coding ([`super::Prepared`]).
    pub fn new(bank: &Bank, codings: &[Vec<String>], words: &Words, bundle: BundleKind) -> Parts {
        let system = fragment(&json!(observation_system(bank)));
        let component = |code: &str, display: &str, after| {
            let mut j = Json::default();
            component_code(&mut j, &system, code, display);
            Numbered::new(String::from_utf8(j.buf).unwrap_or_default(), after)
        };
        let mut p = Parts {
            numbers: codes::numbers()
                .iter()
                .map(|n| component(n.code, n.display, "}"))
                .collect(),
            components: Kept::new(KEPT_COMPONENTS),
            urgent_value: Numbered::new("],\"valueInteger\":".into(), ",\"component\":["),
            retracted: component(RETRACTED_ALERTS, RETRACTED_ALERTS_DISPLAY, "}]"),
            category: fragment(
                &json!([{"coding": [{"system": CATEGORY, "code": "survey", "display": "Survey"}]}]),
            ),
            codes: Vec::new(),
            values: Vec::new(),
            sections: Vec::new(),
            urgent: Coded {
                end: Ending::new("", bundle),
            },
        };
        let coded = |p: &Parts, last: &str, display: &str| {
            Coded::new(bank, p, bundle, &words.subject, last, display)
        };
        p.codes = bank
            .questions
            .iter()
            .map(|q| bank.max_score(q).map(|_| coded(&p, &q.id, &q.short)))
            .collect();
        p.values = bank
            .questions
            .iter()
            .zip(codings)
            .zip(&p.codes)
            .map(|((q, codings), coded)| {
                let Some(coded) = coded else {
                    return Vec::new();
                };
                let value = |v: String| Valued::new(v, coded);
                match q.kind {
                    Kind::YesNo => ["],\"valueBoolean\":false", "],\"valueBoolean\":true"]
                        .map(|v| value(v.into()))
                        .into(),
                    _ => bank
                        .options(q)
                        .iter()
                        .zip(codings)
                        .map(|(o, c)| {
                            value(format!(
                                "],\"valueCodeableConcept\":{{\"coding\":[{c}],\"text\":{}}}",
                                fragment(&json!(o.label))
                            ))
                        })
                        .collect(),
                }
            })
            .collect();
        p.sections = bank
            .sections
            .iter()
            .map(|s| coded(&p, &section_code(&s.id), &words.section_display(&s.title)))
            .collect();
        p.urgent = coded(&p, URGENT_FINDINGS, URGENT_FINDINGS_DISPLAY);
        p
    }
}

/// Per question of the bank, the value of its symptom's Observation, if it has one
/// (a Flag points to the Observation of each question its alert rests on), made
/// in `into`.
pub fn symptoms(about: &About<'_>, into: &mut Vec<Option<Answered>>) {
    into.clear();
    into.extend((0..about.p.bank.questions.len()).map(|i| answered(about, i)));
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
    }
}

/// Makes `into` what the entries of check-in `id`'s Observations begin with.
pub fn started(id: &str, bundle: BundleKind, into: &mut Started) {
    identified(&[id, "/", ""]).start(bundle, into);
}

/// Makes `into` what every Observation of the check-in has after its
/// `effectiveDateTime`'s key: the time, and its response first in `derivedFrom`,
/// left open (`ended` and `response`, JSON strings).
pub fn observed(into: &mut Vec<u8>, ended: &[u8], response: &[u8]) {
    into.clear();
    for part in [ended, b",\"derivedFrom\":[{\"reference\":", response, b"}"] {
        into.extend_from_slice(part);
    }
}

/// An Observation's entry up to its `derivedFrom`, which holds its
/// QuestionnaireResponse; the caller closes `derivedFrom`.
fn open(j: &mut Json, about: &About<'_>, coded: &Coded) {
    about.observations.open(j, &coded.end);
    j.raw(about.observed);
}

fn close(j: &mut Json, about: &About<'_>, coded: &Coded) {
    about.observations.close(j, &coded.end);
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
        Kind::Scale if grade(a).is_some() => about.options[i].map(Answered::Option),
        Kind::YesNo => yes_sign(a).map(Answered::YesNo),
        _ => None,
    }
}

/// The Observation of question `i`'s answer, whose value is `value`.
fn symptom(j: &mut Json, about: &About<'_>, i: usize, value: Answered) {
    let p = about.p;
    let Some(coded) = p.observations.codes[i].as_ref() else {
        return;
    };
    let k = match value {
        Answered::Option(o) => o,
        Answered::YesNo(yes) => usize::from(yes),
    };
    let Some(valued) = p.observations.values[i].get(k) else {
        return;
    };
    open(j, about, coded);
    match about.since.as_ref().filter(|s| s.has_change(i)) {
        Some(since) => {
            j.comma();
            j.raw(since.derived_from());
            j.raw(&valued.value);
            since.components(j, i);
        }
        None if about.observations.closing.is_empty() => return j.raw(&valued.closed),
        None => j.raw(&valued.value),
    }
    close(j, about, coded);
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

/// A component's `code`, up to its value: `code` and `display` in the
/// observation system (`system`, a JSON string).
fn component_code(j: &mut Json, system: &str, code: &str, display: &str) {
    j.raw("{\"code\":{\"coding\":[{\"system\":");
    j.raw(system);
    j.raw(",\"code\":");
    j.str(code);
    j.raw(",\"display\":");
    j.str(display);
    j.raw("}]},\"valueInteger\":");
}

/// A section's numbers, one component each.
fn section(j: &mut Json, about: &About<'_>, g: &SectionGrades) {
    let p = about.p;
    let bank = p.bank;
    let unknown;
    let coded = match bank
        .sections
        .iter()
        .position(|s| same_text(&s.id, &g.section))
    {
        Some(s) => &p.observations.sections[s],
        None => {
            // Not a section of this bank: its id stands for its title.
            let display = p.words.section_display(&g.section);
            let last = section_code(&g.section);
            unknown = Coded::new(
                bank,
                &p.observations,
                p.bundle,
                &p.words.subject,
                &last,
                &display,
            );
            &unknown
        }
    };
    open(j, about, coded);
    let parts = &p.observations;
    parts.components.write(j, numbers_key(g), |j| {
        j.raw("],\"component\":[");
        for (k, (n, _, v)) in section_numbers(g).enumerate() {
            if k > 0 {
                j.comma();
            }
            parts.numbers[n].write(j, v);
        }
        j.raw("]");
    });
    stopped_note_of(j, about);
    close(j, about, coded);
}

/// The check-in's urgent findings, with the urgent alerts retracted beside them.
fn urgent_findings(j: &mut Json, about: &About<'_>) {
    let parts = &about.p.observations;
    open(j, about, &parts.urgent);
    parts
        .urgent_value
        .write(j, about.grades.urgent_findings.into());
    let retracted = about.record.retracted_urgent_alerts().count() as i64;
    parts.retracted.write(j, retracted);
    stopped_note_of(j, about);
    close(j, about, &parts.urgent);
}
