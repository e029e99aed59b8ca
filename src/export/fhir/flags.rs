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

use serde_json::{Value, json};

use super::codes::{alert_system, level_coding};
use super::observations::Answered;
use std::cell::RefCell;

use super::words::{LEVELS, Words};
use super::write::{self, Json};
use super::{About, Identified, fragment};
use crate::alert::{call_lines, fill_numbers};
use crate::bank::{AlertRule, Bank, Level};
use crate::grades::AlertAnswers;
use crate::record::AlertRecord;
use crate::region::{self, Region};
use crate::report::retracted_words;
use crate::text::{same_text, uint_str};

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

/// Whether an alert still stands at the end of the check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    Stands,
    Retracted,
}

/// The Flags' parts that depend only on the bank.
pub struct Parts {
    /// `"urn:sidecheck:BANK:alert"`, as a JSON string.
    system: String,
    /// What a Flag writes between the things of its own ([`flag`]), made once
    /// for every Flag: its extensions up to the response's fullUrl, before each
    /// Observation's fullUrl, and before the question pinned and each answer.
    details: String,
    next_detail: String,
    question: String,
    answer: String,
    /// Per status and level ([`coded`]): after the answers, up to the alert's
    /// code.
    coded: Vec<(Standing, Level, String)>,
    /// `},"subject":…` after the text, and `,"author":…` after the period.
    subject: String,
    author: String,
    /// What a Flag's text says after the alert's title, per alert rule (by its
    /// index in the bank) and region code: the same few, made for the first Flag
    /// that needs each.
    advice: RefCell<Vec<Advice>>,
}

/// A Flag's text after its title ([`advice`]), as it is and as escaped JSON
/// string contents.
struct Advice {
    rule: usize,
    region: String,
    text: String,
    escaped: String,
}

/// The `category` of a Flag of `level`: a drug flag, and how urgent.
fn category(level: Level) -> Value {
    json!([
        {"coding": [{"system": FLAG_CATEGORY, "code": "drug", "display": "Drug"}]},
        {"coding": [level_coding(level)], "text": level.as_str()},
    ])
}

impl Parts {
    pub fn new(bank: &Bank, words: &Words) -> Parts {
        let made = |f: &dyn Fn(&mut Json)| {
            let mut j = Json::default();
            f(&mut j);
            String::from_utf8(j.buf).unwrap_or_default()
        };
        let system = fragment(&json!(alert_system(bank)));
        let coded = [Standing::Stands, Standing::Retracted]
            .into_iter()
            .flat_map(|s| LEVELS.map(|l| (s, l)))
            .map(|(s, l)| (s, l, made(&|j| coded(j, &system, s, l))))
            .collect();
        Parts {
            details: made(&|j| {
                j.raw(",\"extension\":[");
                detail_open(j);
            }),
            next_detail: made(&|j| {
                detail_close(j);
                j.comma();
                detail_open(j);
            }),
            question: made(&|j| {
                detail_close(j);
                j.raw(",{\"url\":");
                j.lit(ALERT_QUESTION);
                j.raw(",\"valueString\":");
            }),
            answer: made(&|j| {
                j.raw("},{\"url\":");
                j.lit(ALERT_ANSWER);
                j.raw(",\"valueString\":");
            }),
            coded,
            subject: made(&|j| {
                j.raw("},\"subject\":");
                j.raw(&words.subject);
            }),
            author: made(&|j| {
                j.raw(",\"author\":");
                j.raw(&words.author);
            }),
            system,
            advice: RefCell::default(),
        }
    }

    /// Gives `then` what a Flag's text for alert `a` says after its title
    /// ([`Parts::advice`]), or `None` for an alert the bank does not have.
    fn advice<R>(
        &self,
        about: &About<'_>,
        a: &AlertRecord,
        then: impl FnOnce(Option<&Advice>) -> R,
    ) -> R {
        let (bank, code) = (about.p.bank, &about.record.region);
        let Some(rule) = bank.alerts.iter().position(|r| same_text(&r.id, &a.id)) else {
            return then(None);
        };
        let mut made = self.advice.borrow_mut();
        let found = made
            .iter()
            .position(|m| m.rule == rule && same_text(&m.region, code));
        let k = found.unwrap_or_else(|| {
            let text = advice(
                &bank.alerts[rule],
                &region::for_code(code),
                code,
                &about.p.words,
            );
            let quoted = write::string(&text);
            let escaped = quoted[1..quoted.len() - 1].to_string();
            made.push(Advice {
                rule,
                region: code.to_string(),
                text,
                escaped,
            });
            made.len() - 1
        });
        then(Some(&made[k]))
    }
}

/// Writes one Flag per alert of the check-in: those that stand, then those
/// retracted. `observed` says, per question of the bank, whether its symptom has
/// an Observation ([`observations::symptoms`]).
pub fn write(j: &mut Json, about: &About<'_>, observed: &[Option<Answered>]) {
    if about.record.alerts.is_empty() && about.record.retracted_alerts.is_empty() {
        return;
    }
    // The one rule of which answers each alert rests on, as the CSV marks them.
    let basis = about.basis;
    for (list, standing) in [
        (basis.standing(), Standing::Stands),
        (basis.retracted(), Standing::Retracted),
    ] {
        for (i, a) in list.iter().enumerate() {
            flag(j, about, a, standing, i + 1, observed);
        }
    }
}

/// What the person was told, as they saw it: the heading and title, then, for an
/// alert of the bank, its [`advice`].
fn message(j: &mut Json, about: &About<'_>, a: &AlertRecord, standing: Standing) {
    let words = &about.p.words;
    let heading = words.heading(a.level);
    let (title, stop) = sentence_parts(&a.title);
    about.p.flags.advice(about, a, |advice| {
        if standing == Standing::Retracted {
            // Rare: said whole, through the catalogue.
            let text = format!("{heading}. {title}{stop}{}", advice.map_or("", |m| &m.text));
            let retracted = retracted_words(a);
            j.str(&words.say(
                "fhir-flag-retracted",
                &[("words", &retracted), ("text", &text)],
            ));
            return;
        }
        // "HEADING. TITLE." escaped in parts (escapes go byte by byte); the title
        // is the record's, and what follows it is the same for every Flag of the
        // rule in the region, escaped once.
        j.raw("\"");
        j.contents(&heading);
        j.raw(". ");
        j.contents(title);
        j.raw(stop);
        j.raw(advice.map_or("", |m| &m.escaped));
        j.raw("\"");
    });
}

/// What a Flag's text says after its title: the alert's advice and the numbers to
/// call, filled in for the record's region (each part after a space).
fn advice(rule: &AlertRule, region: &Region, code: &str, words: &Words) -> String {
    let mut parts = vec![String::new(), fill_numbers(&rule.advice, region)];
    parts.extend(call_lines(rule, region).iter().map(|c| sentence(c)));
    parts.push(words.say("fhir-flag-region", &[("region", code)]));
    parts.join(" ")
}

/// A line as a sentence, ending with a stop.
fn sentence(text: &str) -> String {
    let (t, stop) = sentence_parts(text);
    format!("{t}{stop}")
}

/// [`sentence`] in its two parts: the line trimmed, and the stop it lacks.
fn sentence_parts(text: &str) -> (&str, &'static str) {
    let t = text.trim();
    (
        t,
        if t.ends_with(['.', '!', '?']) {
            ""
        } else {
            "."
        },
    )
}

/// When the alert was raised and, if retracted, taken back, as a `period` (after
/// a comma), if either is known. Urgent alerts are shown the moment they are
/// raised (`shown_at`; older records have no time); advice is shown in the summary
/// when the check-in ends.
fn period(j: &mut Json, about: &About<'_>, a: &AlertRecord, standing: Standing) {
    let start = match (a.shown_at, a.level.is_urgent(), standing) {
        (Some(t), _, _) => Some(t),
        (None, false, Standing::Stands) => Some(about.record.ended_at),
        (None, _, _) => None,
    };
    let end = a.retracted_at.filter(|_| standing == Standing::Retracted);
    let times = [("start", start), ("end", end)];
    j.list(",\"period\":{", "}", times, |j, (key, t)| {
        let Some(t) = t else {
            return false;
        };
        j.lit(key);
        j.raw(":");
        j.time(&t);
        true
    });
}

fn flag(
    j: &mut Json,
    about: &About<'_>,
    basis: &AlertAnswers<'_>,
    standing: Standing,
    n: usize,
    observed: &[Option<Answered>],
) {
    let (p, r, a) = (about.p, about.record, basis.alert);
    let list = match standing {
        Standing::Stands => "alerts",
        Standing::Retracted => "retracted-alerts",
    };
    let mut digits = [0; 20];
    let n = uint_str(n as u64, &mut digits);
    let id = Identified {
        rtype: "Flag",
        kind: "flag",
        system: FLAG_IDS,
        value: &[&r.id, "/", list, "/", n],
    };
    id.open(j);
    let parts = &p.flags;
    j.raw(&parts.details);
    j.raw(about.response);
    let has_observation = |q: &&String| p.bank.position(q).is_some_and(|i| observed[i].is_some());
    for q in basis.questions.iter().filter(has_observation) {
        j.raw(&parts.next_detail);
        // The fullUrl of its Observation, `CHECK-IN-ID/CODE`, from the start of
        // the key the check-in's Observations share, hashed once.
        j.hashed(about.observations.hashed.add(q));
    }
    j.raw(&parts.question);
    j.str(&a.question);
    for q in &basis.questions {
        j.raw(&parts.answer);
        j.str(q);
    }
    let made = parts
        .coded
        .iter()
        .find(|(s, l, _)| *s == standing && *l == a.level);
    match made {
        Some((_, _, made)) => j.raw(made),
        None => coded(j, &parts.system, standing, a.level),
    }
    j.str(&a.id);
    j.raw(",\"display\":");
    j.str(&a.title);
    j.raw("}],\"text\":");
    message(j, about, a, standing);
    j.raw(&parts.subject);
    period(j, about, a, standing);
    j.raw(&parts.author);
    id.close(j, p.bundle);
}

/// What a Flag writes after its last answer up to its code: the end of its
/// extensions, its status and `category` (a drug flag, and how urgent), and its
/// code's system (`system`, a JSON string).
fn coded(j: &mut Json, system: &str, standing: Standing, level: Level) {
    let status = match standing {
        Standing::Stands => "active",
        Standing::Retracted => "inactive",
    };
    j.raw("}],\"status\":");
    j.lit(status);
    j.raw(",\"category\":");
    j.value(&category(level));
    j.raw(",\"code\":{\"coding\":[{\"system\":");
    j.raw(system);
    j.raw(",\"code\":");
}

/// A `flag-detail` extension up to the reference to the resource it names,
/// whose fullUrl follows it; [`detail_close`] closes it.
fn detail_open(j: &mut Json) {
    j.raw("{\"url\":");
    j.lit(FLAG_DETAIL);
    j.raw(",\"valueReference\":{\"reference\":");
}

fn detail_close(j: &mut Json) {
    j.raw("}}");
}
