//! Which answers each alert of a saved check-in rests on, and so, for each answer,
//! the alerts it raised or contributed to: the one rule every export reads, so that
//! "is this answer part of an urgent finding?" has one answer everywhere.
//!
//! An answer **contributed** to an alert that stands when
//!
//! - the alert's own condition rests on it ([`condition::rests_on`]: every part
//!   that holds, so "trouble breathing" and "alcohol" both carry
//!   `alcohol_with_breathing`, and very severe drowsiness and very severe confusion
//!   both carry `overdose_signs`); or
//! - the condition of an alert it replaced rests on it: an escalation replaces the
//!   alerts it names when both hold, so the person is shown only the stronger one,
//!   and the answers behind the weaker one are part of that finding (a stiffness
//!   that came back raises `pump_warning`, replaced by `pump_danger`; an alert
//!   replaced by one that is itself replaced passes on to the one that stands); or
//! - it is the question the record pins the alert to (`AlertRecord::question`, the
//!   answer that completed the rule when it was shown). This holds even when the
//!   bank that made the record is not loaded, or its rule has changed since, so no
//!   export ever marks fewer answers than the record itself names.
//!
//! Which alerts stand is what the record saved (`alerts`): they were shown, and the
//! bank may have changed since. A follow-up's `when` does not count: "do you use a
//! pump?" opens the pump questions, but only an alert that tests the pump answer
//! rests on it.
//!
//! A **retracted** alert no longer holds on the saved answers (an answer it rested
//! on was changed), so only its pinned question can be named: it is listed apart,
//! and never makes an answer urgent.

use crate::bank::condition::{self, Given};
use crate::bank::{AlertRule, Bank};
use crate::record::{AlertRecord, CheckIn, Enabled, bank_for};
use crate::text::same_text;

/// One alert of a check-in and the questions it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertAnswers<'r> {
    /// The alert as saved.
    pub alert: &'r AlertRecord,
    /// Ids of the questions it rests on, each once: the pinned question
    /// (`alert.question`) first, then the others in the order the rules name them.
    pub questions: Vec<String>,
}

/// The alerts of one check-in with the answers they rest on, in both directions:
/// per alert ([`AlertBasis::standing`]) and per answer ([`AlertBasis::standing_for`],
/// [`AlertBasis::urgent`]). Pure; built from the record and its bank.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertBasis<'r> {
    standing: Vec<AlertAnswers<'r>>,
    retracted: Vec<AlertAnswers<'r>>,
}

impl<'r> AlertBasis<'r> {
    /// Works out what each alert of `r` rests on. `bank` is used only when the
    /// record was made with it (same id); without it each alert rests on its pinned
    /// question alone.
    pub fn of(r: &'r CheckIn, bank: Option<&Bank>) -> AlertBasis<'r> {
        // What the answers enable is needed only to follow an alert's rule: most
        // check-ins raise none, and working it out is most of this function's cost.
        let bank = bank_for(bank, r).filter(|_| !r.alerts.is_empty());
        let enabled = bank.map(|b| Enabled::of(b, r));
        AlertBasis::with(r, enabled.as_ref())
    }

    /// [`AlertBasis::of`] with the bank `enabled` reads, for a caller that has
    /// worked out the record's enabled answers already (the FHIR export, which
    /// writes them too).
    pub fn with_enabled(r: &'r CheckIn, enabled: &Enabled<'_, 'r>) -> AlertBasis<'r> {
        let made_with = bank_for(Some(enabled.bank()), r).is_some();
        AlertBasis::with(r, Some(enabled).filter(|_| made_with))
    }

    /// `enabled`: the record's answers as the bank it was made with reads them, if
    /// that bank is loaded.
    fn with(r: &'r CheckIn, enabled: Option<&Enabled<'_, 'r>>) -> AlertBasis<'r> {
        let standing = r
            .alerts
            .iter()
            .map(|alert| AlertAnswers {
                alert,
                questions: match enabled {
                    Some(given) => standing_basis(given.bank(), given, alert),
                    None => vec![alert.question.as_str().to_owned()],
                },
            })
            .collect();
        let retracted = r
            .retracted_alerts
            .iter()
            .map(|alert| AlertAnswers {
                alert,
                questions: vec![alert.question.as_str().to_owned()],
            })
            .collect();
        AlertBasis {
            standing,
            retracted,
        }
    }

    /// The alerts that stand (urgent ones and advice), in the record's order (most
    /// urgent first), each with the questions it rests on.
    pub fn standing(&self) -> &[AlertAnswers<'r>] {
        &self.standing
    }

    /// The alerts shown and then retracted, in the order that happened, each with
    /// its pinned question.
    pub fn retracted(&self) -> &[AlertAnswers<'r>] {
        &self.retracted
    }

    /// The standing alerts (any level) the answer to `question` raised or
    /// contributed to, most urgent first.
    pub fn standing_for(&self, question: &str) -> Vec<&'r AlertRecord> {
        self.standing_on(question).collect()
    }

    /// [`AlertBasis::standing_for`] without a list: the summary asks it of every
    /// answer of the log.
    pub fn standing_on<'q>(
        &self,
        question: &'q str,
    ) -> impl Iterator<Item = &'r AlertRecord> + use<'_, 'q, 'r> {
        on(&self.standing, question)
    }

    /// The retracted alerts (any level) the answer to `question` had raised.
    pub fn retracted_for(&self, question: &str) -> Vec<&'r AlertRecord> {
        on(&self.retracted, question).collect()
    }

    /// Whether the answer to `question` raised or contributed to an urgent alert
    /// that stands: the CSV's `urgent`, and what every export marks as urgent.
    pub fn urgent(&self, question: &str) -> bool {
        self.standing_on(question).any(|a| a.level.is_urgent())
    }
}

/// The alerts of `list` that rest on `question`.
fn on<'l, 'q, 'r>(
    list: &'l [AlertAnswers<'r>],
    question: &'q str,
) -> impl Iterator<Item = &'r AlertRecord> + use<'l, 'q, 'r> {
    list.iter()
        .filter(move |b| b.questions.iter().any(|q| q == question))
        .map(|b| b.alert)
}

/// The questions a standing alert rests on: its pinned question, then what its own
/// rule and the rules it replaced rest on.
fn standing_basis(bank: &Bank, given: &dyn Given, alert: &AlertRecord) -> Vec<String> {
    let mut out = vec![alert.question.as_str().to_owned()];
    let Some(rule) = bank.alert(&alert.id) else {
        return out;
    };
    for r in std::iter::once(rule).chain(replaced_by(bank, given, rule)) {
        for q in condition::rests_on(bank, &r.when, given) {
            if !out.iter().any(|have| same_text(have, q)) {
                out.push(q.to_string());
            }
        }
    }
    out
}

/// The rules that hold and that `rule` replaced, directly or through a rule it
/// replaced that holds (the flow drops an alert replaced by any rule that holds).
/// Each once, whatever loops a bank's `replaces` may make.
fn replaced_by<'b>(bank: &'b Bank, given: &dyn Given, rule: &AlertRule) -> Vec<&'b AlertRule> {
    let mut seen: Vec<&str> = vec![rule.id.as_str()];
    let mut todo: Vec<&str> = rule.replaces.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    while let Some(id) = todo.pop() {
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let Some(r) = bank.alert(id) else { continue };
        if condition::holds(bank, &r.when, given) {
            out.push(r);
            todo.extend(r.replaces.iter().map(String::as_str));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::flow::tests::{bundled, run};
    use crate::record::Status;

    /// The completed record of a check-in answered with `given` (the rest calm).
    fn record(bank: &Bank, given: Value) -> CheckIn {
        let (flow, _) = run(bank, &given);
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-30T09:00:00.000+01:00").unwrap();
        flow.to_record("t".into(), Status::Completed, t, t, "US")
    }

    /// The ids of the standing alerts an answer raised or contributed to.
    fn ids(basis: &AlertBasis<'_>, question: &str) -> Vec<String> {
        basis
            .standing_for(question)
            .iter()
            .map(|a| a.id.to_string())
            .collect()
    }

    #[test]
    fn breathing_stays_urgent_when_alcohol_turns_its_alert_into_another() {
        let bank = bundled();
        let r = record(&bank, json!({"breathing": true, "alcohol_sedatives": true}));
        let pinned: Vec<(&str, &str)> = r
            .alerts
            .iter()
            .map(|a| (a.id.as_str(), a.question.as_str()))
            .collect();
        assert_eq!(pinned, [("alcohol_with_breathing", "alcohol_sedatives")]);
        let basis = AlertBasis::of(&r, Some(&bank));
        assert!(basis.urgent("breathing"));
        assert!(basis.urgent("alcohol_sedatives"));
        assert_eq!(ids(&basis, "breathing"), ["alcohol_with_breathing"]);
        assert_eq!(
            basis.standing()[0].questions,
            ["alcohol_sedatives", "breathing"],
            "the pinned question first"
        );
        assert!(!basis.urgent("seizure"));
    }

    #[test]
    fn every_part_of_an_any_that_holds_carries_the_alert() {
        let bank = bundled();
        let r = record(
            &bank,
            json!({"drowsiness": "very_severe", "confusion": "very_severe"}),
        );
        let basis = AlertBasis::of(&r, Some(&bank));
        assert_eq!(ids(&basis, "drowsiness"), ["overdose_signs"]);
        assert_eq!(ids(&basis, "confusion"), ["overdose_signs"]);
        assert!(!basis.urgent("dizziness"));
    }

    #[test]
    fn the_answers_behind_a_replaced_alert_carry_the_alert_that_replaced_it() {
        let bank = bundled();
        let r = record(
            &bank,
            json!({"pump": true, "pump_confusion": true, "pump_stiffness": true}),
        );
        assert_eq!(
            r.urgent_alerts().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            ["pump_danger"]
        );
        let basis = AlertBasis::of(&r, Some(&bank));
        assert_eq!(ids(&basis, "pump_stiffness"), ["pump_danger"]);
        assert_eq!(ids(&basis, "pump_confusion"), ["pump_danger"]);
        // The pump answer opens the pump questions, but no alert that stands or was
        // replaced here tests it.
        assert!(!basis.urgent("pump"));
    }

    #[test]
    fn a_replacement_passes_on_through_a_replaced_alert_that_replaced_another() {
        let bank = bundled();
        // pump_danger replaces pump_withdrawal (pump + fever), which replaces
        // withdrawal_fever_stiffness (dose change + fever).
        let r = record(
            &bank,
            json!({"pump": true, "pump_confusion": true, "fever_stiffness": true,
                   "dose_change": true, "stopped": false, "missed_days": 2}),
        );
        let basis = AlertBasis::of(&r, Some(&bank));
        assert_eq!(ids(&basis, "fever_stiffness"), ["pump_danger"]);
        assert_eq!(ids(&basis, "pump"), ["pump_danger"]);
        assert_eq!(ids(&basis, "dose_change"), ["pump_danger", "dose_change"]);
        assert!(!basis.urgent("missed_days"));
    }

    #[test]
    fn the_record_s_own_about_you_answers_decide_what_an_alert_rests_on() {
        let bank = bundled();
        let r = record(
            &bank,
            json!({"profile": {"older": true}, "drowsiness": "severe", "confusion": "severe"}),
        );
        let basis = AlertBasis::of(&r, Some(&bank));
        assert_eq!(ids(&basis, "drowsiness"), ["overdose_signs_at_risk"]);
        assert_eq!(ids(&basis, "confusion"), ["overdose_signs_at_risk"]);
    }

    #[test]
    fn without_its_bank_an_alert_rests_on_its_pinned_question_alone() {
        let bank = bundled();
        let r = record(&bank, json!({"breathing": true, "alcohol_sedatives": true}));
        for loaded in [
            None,
            Some(&Bank {
                id: "other".into(),
                ..bank.clone()
            }),
        ] {
            let basis = AlertBasis::of(&r, loaded);
            assert!(basis.urgent("alcohol_sedatives"));
            assert!(!basis.urgent("breathing"));
        }
    }

    #[test]
    fn retracted_alerts_are_listed_apart_and_make_no_answer_urgent() {
        let bank = bundled();
        let mut r = record(&bank, json!({}));
        r.retracted_alerts = vec![AlertRecord {
            id: "suicidal_thoughts".into(),
            question: "suicidal_thoughts".into(),
            level: crate::bank::Level::Crisis,
            title: "t".into(),
            shown_at: None,
            retracted_at: None,
        }];
        let basis = AlertBasis::of(&r, Some(&bank));
        assert!(!basis.urgent("suicidal_thoughts"));
        assert!(basis.standing_for("suicidal_thoughts").is_empty());
        assert_eq!(
            basis.retracted_for("suicidal_thoughts"),
            [&r.retracted_alerts[0]]
        );
    }

    #[test]
    fn replaces_that_loop_are_followed_once() {
        let bank = bundled();
        let r = record(&bank, json!({"breathing": true, "alcohol_sedatives": true}));
        let mut looped = bank.clone();
        for rule in &mut looped.alerts {
            if rule.id == "breathing" {
                rule.replaces = vec!["alcohol_with_breathing".into()];
            }
        }
        let basis = AlertBasis::of(&r, Some(&looped));
        assert_eq!(
            basis.standing()[0].questions,
            ["alcohol_sedatives", "breathing"]
        );
    }
}
