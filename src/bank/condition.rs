//! Conditions: the tests on answers that decide when a follow-up question is asked
//! and when an alert holds (the suicide screen's alerts among them). The bank holds
//! them as data; [`holds`] is the one rule that evaluates them, for the flow while a
//! check runs and for saved records (the FHIR export reads which saved answers were
//! enabled through it), so the two can never disagree. The checks a bank's
//! conditions must pass are here too.

use crate::i18n::{t, t_args};
use std::collections::HashMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::validate::Found;
use super::{Bank, Choice, Kind, Question};
use crate::answer::Answer;

/// A test on earlier answers. Exactly one of the forms is used:
/// `{"question": ID, "equals": VALUE}`, `{"question": ID, "at_least": N}`,
/// `{"question": ID, "one_of": [OPTION, ...]}`, `{"profile": ID, "equals": true}`,
/// `{"all": [...]}`, `{"any": [...]}` or `{"not": {...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The question whose answer is tested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// The "about you" item whose answer is tested, with `equals` true or false. An
    /// item the person has not answered matches neither.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// True when the answer equals this: true/false for yes/no, an option id for a
    /// scale, a number, or a text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<Value>,
    /// True when the answer's score (scale) or value (number) is at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<f64>,
    /// True when the answer is one of these option ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_of: Option<Vec<String>>,
    /// True when every condition holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<Condition>>,
    /// True when any condition holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<Condition>>,
    /// True when the condition does not hold. It may test only "about you" items:
    /// a question not yet answered would make it hold before it was asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<Condition>>,
}

impl Condition {
    /// Every question id this condition reads.
    pub fn questions(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_questions(&mut out);
        out
    }

    fn collect_questions<'a>(&'a self, out: &mut Vec<&'a str>) {
        if let Some(q) = &self.question {
            out.push(q);
        }
        for c in self.all.iter().chain(self.any.iter()).flatten() {
            c.collect_questions(out);
        }
        if let Some(c) = &self.not {
            c.collect_questions(out);
        }
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let join = |f: &mut fmt::Formatter<'_>, list: &[Condition], word: &str| {
            write!(f, "(")?;
            for (i, c) in list.iter().enumerate() {
                if i > 0 {
                    write!(f, " {word} ")?;
                }
                write!(f, "{c}")?;
            }
            write!(f, ")")
        };
        if let Some(all) = &self.all {
            return join(f, all, &t("condition-and"));
        }
        if let Some(any) = &self.any {
            return join(f, any, &t("condition-or"));
        }
        if let Some(not) = &self.not {
            return write!(f, "{} {not}", t("condition-not"));
        }
        let profile = self.profile.as_ref().map(|p| format!("profile.{p}"));
        let q = self
            .question
            .as_deref()
            .or(profile.as_deref())
            .unwrap_or("?");
        if let Some(v) = &self.equals {
            match v {
                Value::Bool(true) => write!(f, "{q} = {}", t("condition-yes")),
                Value::Bool(false) => write!(f, "{q} = {}", t("condition-no")),
                Value::String(s) => write!(f, "{q} = {s}"),
                other => write!(f, "{q} = {other}"),
            }
        } else if let Some(n) = self.at_least {
            write!(f, "{q} >= {n}")
        } else if let Some(list) = &self.one_of {
            write!(f, "{q} in [{}]", list.join(", "))
        } else {
            write!(f, "{q} ?")
        }
    }
}

/// What a condition is tested against: the answers that count, and the "about
/// you" answers. The flow gives the answers of the check in progress; a saved
/// record gives its saved answers.
pub trait Given {
    /// The answer to question `id` that counts, with its question; `None` when the
    /// question was not asked (or not yet) or not answered.
    fn answer_for(&self, id: &str) -> Option<(&Question, &Answer)>;
    /// The "about you" answer to item `id`; `None` when nobody answered it.
    fn profile_for(&self, id: &str) -> Option<bool>;
}

/// Whether condition `c` holds on what is `given`. A question that has no answer
/// that counts, and an "about you" item nobody answered, match no test; `not` turns
/// that round, which is why a bank may negate only "about you" items.
pub fn holds(bank: &Bank, c: &Condition, given: &dyn Given) -> bool {
    if let Some(all) = &c.all {
        return all.iter().all(|c| holds(bank, c, given));
    }
    if let Some(any) = &c.any {
        return any.iter().any(|c| holds(bank, c, given));
    }
    if let Some(not) = &c.not {
        return !holds(bank, not, given);
    }
    if let Some(item) = &c.profile {
        return matches!((given.profile_for(item), &c.equals), (Some(v), Some(Value::Bool(want))) if v == *want);
    }
    let Some((q, a)) = c.question.as_deref().and_then(|id| given.answer_for(id)) else {
        return false;
    };
    let option = match a {
        Answer::Choice(i) => bank.options(q).get(*i),
        _ => None,
    };
    if let Some(v) = &c.equals {
        return equals(a, option, v);
    }
    if let Some(min) = c.at_least {
        return match a {
            Answer::Number(n) => *n >= min,
            _ => option.is_some_and(|o| f64::from(o.score) >= min),
        };
    }
    if let Some(list) = &c.one_of {
        return option.is_some_and(|o| list.contains(&o.id));
    }
    false
}

/// The answered questions a condition that holds rests on, each once, in the order
/// the condition names them; empty when it does not hold. Every part that holds
/// counts: all the parts of an `all`, and each part of an `any` that holds, not only
/// the first (two very severe symptoms both raise an overdose alert, so both
/// answers are the finding). A part of an `any` that does not hold adds nothing, even
/// if some of its own questions match; "about you" items and `not` (which may test
/// only those) are not answers, so they add nothing either.
///
/// This is the one rule for which answers an alert rests on; [`crate::grades`]
/// builds on it what every exporter reads ([`crate::grades::AlertBasis`]).
pub fn rests_on<'c>(bank: &Bank, c: &'c Condition, given: &dyn Given) -> Vec<&'c str> {
    let mut out = Vec::new();
    if holds(bank, c, given) {
        collect_resting(bank, c, given, &mut out);
    }
    out
}

/// [`rests_on`]'s walk over a condition known to hold.
fn collect_resting<'c>(bank: &Bank, c: &'c Condition, given: &dyn Given, out: &mut Vec<&'c str>) {
    for part in c.all.iter().chain(c.any.iter()).flatten() {
        if holds(bank, part, given) {
            collect_resting(bank, part, given, out);
        }
    }
    if let Some(q) = c.question.as_deref()
        && !out.contains(&q)
    {
        out.push(q);
    }
}

/// Whether an answer is the value an `equals` test names: the same yes or no, the
/// option with that id, the same number (2 and 2.0 alike), or the same text.
fn equals(a: &Answer, option: Option<&Choice>, v: &Value) -> bool {
    match (a, v) {
        (Answer::Yes(b), Value::Bool(want)) => b == want,
        (Answer::Choice(_), Value::String(id)) => option.is_some_and(|o| &o.id == id),
        (Answer::Number(n), Value::Number(want)) => want.as_f64() == Some(*n),
        (Answer::Text(t), Value::String(want)) => t == want,
        _ => false,
    }
}

impl Bank {
    /// Checks one condition. `earlier` holds the questions before the one
    /// `asking` (a follow-up may test only those); alerts, which run after each
    /// answer, pass `None` and may test any question.
    pub(super) fn check_condition(
        &self,
        found: &mut Found,
        place: &str,
        cond: &Condition,
        earlier: &HashMap<&str, usize>,
        asking: Option<&str>,
    ) {
        let forms = [
            cond.question.is_some(),
            cond.profile.is_some(),
            cond.all.is_some(),
            cond.any.is_some(),
            cond.not.is_some(),
        ];
        if !exactly_one(&forms) {
            found.add(place.into(), t("condition-one-form"));
            return;
        }
        if let Some(inner) = &cond.not {
            // "Not yes" holds for a question nobody has answered yet, so an alert
            // would fire before its question was asked: only the profile, which is
            // known before the first question, may be negated.
            if !inner.questions().is_empty() {
                found.add(format!("{place}.not"), t("condition-not-a-question"));
            }
            self.check_condition(found, &format!("{place}.not"), inner, earlier, asking);
            return;
        }
        if let Some(item) = &cond.profile {
            self.check_profile_test(found, place, cond, item);
            return;
        }
        for (key, list) in [("all", &cond.all), ("any", &cond.any)] {
            if let Some(list) = list {
                if list.is_empty() {
                    found.add(format!("{place}.{key}"), t("condition-empty-list"));
                }
                for (i, c) in list.iter().enumerate() {
                    self.check_condition(found, &format!("{place}.{key}[{i}]"), c, earlier, asking);
                }
                return;
            }
        }
        if let Some(qid) = &cond.question {
            self.check_question_test(found, place, cond, qid, earlier, asking);
        }
    }

    /// `{"profile": ID, "equals": true}`: an item of the bank, tested yes or no.
    fn check_profile_test(&self, found: &mut Found, place: &str, cond: &Condition, item: &str) {
        if cond.at_least.is_some() || cond.one_of.is_some() {
            found.add(place.into(), t("condition-profile-yes-no"));
        }
        if !cond.equals.as_ref().is_some_and(Value::is_boolean) {
            found.add(
                format!("{place}.equals"),
                t("condition-profile-needs-equals"),
            );
        }
        if !self.profile.iter().any(|p| p.id == item) {
            found.add(
                format!("{place}.profile"),
                t_args(
                    "condition-unknown-profile",
                    &[
                        ("item", item),
                        (
                            "items",
                            &self
                                .profile
                                .iter()
                                .map(|p| p.id.as_str())
                                .collect::<Vec<_>>()
                                .join(", "),
                        ),
                    ],
                ),
            );
        }
    }

    /// `{"question": ID, ...}`: one test, on a question that exists and (for a
    /// follow-up) comes earlier.
    fn check_question_test(
        &self,
        found: &mut Found,
        place: &str,
        cond: &Condition,
        qid: &str,
        earlier: &HashMap<&str, usize>,
        asking: Option<&str>,
    ) {
        let tests = [
            cond.equals.is_some(),
            cond.at_least.is_some(),
            cond.one_of.is_some(),
        ];
        if !exactly_one(&tests) {
            found.add(place.into(), t("condition-one-test"));
        }
        let qplace = format!("{place}.question");
        let Some(target) = self.question(qid) else {
            found.add(
                qplace,
                t_args("condition-no-question", &[("question", qid)]),
            );
            return;
        };
        if let Some(me) = asking {
            if me == qid {
                found.add(qplace, t_args("condition-itself", &[("question", qid)]));
                return;
            }
            if !earlier.contains_key(qid) {
                found.add(qplace, t_args("condition-later", &[("question", qid)]));
                return;
            }
        }
        self.check_test_fits(found, place, cond, target);
    }

    /// Each test names a value the question's kind of answer can have.
    fn check_test_fits(&self, found: &mut Found, place: &str, cond: &Condition, target: &Question) {
        let qid = &target.id;
        if let Some(v) = &cond.equals {
            let ok = match target.kind {
                Kind::YesNo => v.is_boolean(),
                Kind::Scale => v
                    .as_str()
                    .is_some_and(|s| self.options(target).iter().any(|c| c.id == s)),
                Kind::Number => v.is_number(),
                Kind::Text => v.is_string(),
            };
            if !ok {
                found.add(
                    format!("{place}.equals"),
                    t_args(
                        "condition-does-not-fit",
                        &[
                            ("kind", target.kind.as_str()),
                            ("question", qid),
                            ("expected", &self.expected(target)),
                        ],
                    ),
                );
            }
        }
        if cond.at_least.is_some() && !matches!(target.kind, Kind::Scale | Kind::Number) {
            found.add(
                format!("{place}.at_least"),
                t_args(
                    "condition-at-least-kind",
                    &[("question", qid), ("kind", target.kind.as_str())],
                ),
            );
        }
        let Some(list) = &cond.one_of else { return };
        if target.kind != Kind::Scale {
            found.add(
                format!("{place}.one_of"),
                t_args(
                    "condition-one-of-kind",
                    &[("question", qid), ("kind", target.kind.as_str())],
                ),
            );
            return;
        }
        for (i, o) in list.iter().enumerate() {
            if !self.options(target).iter().any(|c| &c.id == o) {
                found.add(
                    format!("{place}.one_of[{i}]"),
                    t_args(
                        "condition-not-an-option",
                        &[
                            ("option", o),
                            ("question", qid),
                            ("expected", &self.expected(target)),
                        ],
                    ),
                );
            }
        }
    }
}

/// Whether exactly one of the parts a condition may have is set.
fn exactly_one(set: &[bool]) -> bool {
    set.iter().filter(|b| **b).count() == 1
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::bank::validate::Problem;

    fn bank() -> Bank {
        Bank::bundled().expect("the bundled bank")
    }

    /// Answers by question id and "about you" answers, for `holds` on its own.
    struct Answers<'b> {
        bank: &'b Bank,
        answers: HashMap<&'static str, Answer>,
        profile: HashMap<&'static str, bool>,
    }

    impl<'b> Answers<'b> {
        fn new(bank: &'b Bank) -> Answers<'b> {
            Answers {
                bank,
                answers: HashMap::new(),
                profile: HashMap::new(),
            }
        }

        fn with(mut self, id: &'static str, a: Answer) -> Self {
            self.answers.insert(id, a);
            self
        }

        fn about(mut self, id: &'static str, v: bool) -> Self {
            self.profile.insert(id, v);
            self
        }

        fn holds(&self, c: serde_json::Value) -> bool {
            let c: Condition = serde_json::from_value(c).expect("a condition");
            holds(self.bank, &c, self)
        }
    }

    impl Given for Answers<'_> {
        fn answer_for(&self, id: &str) -> Option<(&Question, &Answer)> {
            Some((self.bank.question(id)?, self.answers.get(id)?))
        }

        fn profile_for(&self, id: &str) -> Option<bool> {
            self.profile.get(id).copied()
        }
    }

    #[test]
    fn equals_compares_each_kind_of_answer_with_its_value() {
        let bank = bank();
        let given = Answers::new(&bank)
            .with("breathing", Answer::Yes(true))
            .with("drowsiness", Answer::Choice(2))
            .with("missed_days", Answer::Number(2.0))
            .with("notes", Answer::Text("dizzy".into()));
        assert!(given.holds(json!({"question": "breathing", "equals": true})));
        assert!(!given.holds(json!({"question": "breathing", "equals": false})));
        assert!(given.holds(json!({"question": "drowsiness", "equals": "moderate"})));
        assert!(!given.holds(json!({"question": "drowsiness", "equals": "mild"})));
        // 2 and 2.0 are the same number.
        assert!(given.holds(json!({"question": "missed_days", "equals": 2})));
        assert!(given.holds(json!({"question": "missed_days", "equals": 2.0})));
        assert!(!given.holds(json!({"question": "missed_days", "equals": 3})));
        assert!(given.holds(json!({"question": "notes", "equals": "dizzy"})));
        assert!(!given.holds(json!({"question": "notes", "equals": "Dizzy"})));
        // A value of another type never matches.
        assert!(!given.holds(json!({"question": "breathing", "equals": "yes"})));
        assert!(!given.holds(json!({"question": "missed_days", "equals": "2"})));
    }

    #[test]
    fn at_least_reads_a_scale_score_or_a_number() {
        let bank = bank();
        let given = Answers::new(&bank)
            .with("drowsiness", Answer::Choice(3))
            .with("missed_days", Answer::Number(2.5))
            .with("breathing", Answer::Yes(true));
        assert!(given.holds(json!({"question": "drowsiness", "at_least": 3})));
        assert!(!given.holds(json!({"question": "drowsiness", "at_least": 4})));
        assert!(given.holds(json!({"question": "missed_days", "at_least": 2.5})));
        assert!(!given.holds(json!({"question": "missed_days", "at_least": 3})));
        // Yes/no answers have no score to compare.
        assert!(!given.holds(json!({"question": "breathing", "at_least": 0})));
    }

    #[test]
    fn one_of_names_scale_options() {
        let bank = bank();
        let given = Answers::new(&bank).with("confusion", Answer::Choice(4));
        assert!(given.holds(json!({"question": "confusion", "one_of": ["severe", "very_severe"]})));
        assert!(!given.holds(json!({"question": "confusion", "one_of": ["none", "mild"]})));
    }

    #[test]
    fn a_question_without_an_answer_matches_no_test() {
        let bank = bank();
        let given = Answers::new(&bank);
        for c in [
            json!({"question": "breathing", "equals": false}),
            json!({"question": "drowsiness", "at_least": 0}),
            json!({"question": "drowsiness", "one_of": ["none"]}),
            json!({"question": "no_such_question", "equals": true}),
        ] {
            assert!(!given.holds(c.clone()), "{c}");
        }
    }

    #[test]
    fn all_any_and_not_combine_the_parts() {
        let bank = bank();
        let given = Answers::new(&bank)
            .with("pump", Answer::Yes(true))
            .with("drowsiness", Answer::Choice(1));
        let pump = json!({"question": "pump", "equals": true});
        let very = json!({"question": "drowsiness", "one_of": ["very_severe"]});
        assert!(!given.holds(json!({"all": [pump, very]})));
        assert!(given.holds(json!({"any": [pump, very]})));
        assert!(given.holds(json!({"all": [pump]})));
        assert!(!given.holds(json!({"any": [very]})));
        assert!(given.holds(json!({"not": very})));
        assert!(!given.holds(json!({"not": pump})));
    }

    #[test]
    fn profile_tests_read_the_about_you_answers_and_an_unanswered_item_matches_neither() {
        let bank = bank();
        let given = Answers::new(&bank)
            .about("kidney", true)
            .about("older", false);
        assert!(given.holds(json!({"profile": "kidney", "equals": true})));
        assert!(!given.holds(json!({"profile": "kidney", "equals": false})));
        assert!(given.holds(json!({"profile": "older", "equals": false})));
        assert!(!given.holds(json!({"profile": "pregnant", "equals": true})));
        assert!(!given.holds(json!({"profile": "pregnant", "equals": false})));
        // "not" turns an unanswered item round: the bundled bank's "severe side
        // effect" rule reads "not (kidney or older)" this way.
        assert!(given.holds(json!({"not": {"profile": "pregnant", "equals": true}})));
        let at_risk = json!({"any": [
            {"profile": "kidney", "equals": true},
            {"profile": "older", "equals": true}
        ]});
        assert!(given.holds(at_risk.clone()));
        assert!(!given.holds(json!({"not": at_risk})));
    }

    impl Answers<'_> {
        fn rests_on(&self, c: serde_json::Value) -> Vec<String> {
            let c: Condition = serde_json::from_value(c).expect("a condition");
            rests_on(self.bank, &c, self)
                .into_iter()
                .map(String::from)
                .collect()
        }
    }

    #[test]
    fn a_condition_rests_on_every_part_that_holds() {
        let bank = bank();
        let given = Answers::new(&bank)
            .with("drowsiness", Answer::Choice(4))
            .with("confusion", Answer::Choice(4))
            .with("dizziness", Answer::Choice(0));
        let overdose = json!({"any": [
            {"question": "drowsiness", "one_of": ["very_severe"]},
            {"question": "dizziness", "at_least": 3},
            {"question": "confusion", "one_of": ["very_severe"]}
        ]});
        // Not only the first part that holds: both very severe answers are the finding.
        assert_eq!(given.rests_on(overdose), ["drowsiness", "confusion"]);
        let both = json!({"all": [
            {"question": "confusion", "at_least": 3},
            {"question": "drowsiness", "at_least": 3}
        ]});
        assert_eq!(given.rests_on(both), ["confusion", "drowsiness"]);
    }

    #[test]
    fn a_condition_that_does_not_hold_rests_on_nothing() {
        let bank = bank();
        let given = Answers::new(&bank)
            .with("breathing", Answer::Yes(true))
            .with("alcohol_sedatives", Answer::Yes(false));
        let c = json!({"all": [
            {"question": "alcohol_sedatives", "equals": true},
            {"question": "breathing", "equals": true}
        ]});
        assert!(given.rests_on(c).is_empty());
        assert!(
            given
                .rests_on(json!({"question": "seizure", "equals": true}))
                .is_empty()
        );
    }

    #[test]
    fn a_failed_part_of_an_any_adds_none_of_its_questions_and_about_you_items_add_none() {
        let bank = bank();
        let given = Answers::new(&bank)
            .about("kidney", true)
            .with("pump", Answer::Yes(true))
            .with("drowsiness", Answer::Choice(1))
            .with("dizziness", Answer::Choice(3));
        let c = json!({"any": [
            {"all": [
                {"question": "pump", "equals": true},
                {"question": "drowsiness", "one_of": ["very_severe"]}
            ]},
            {"all": [
                {"profile": "kidney", "equals": true},
                {"not": {"profile": "older", "equals": true}},
                {"question": "dizziness", "at_least": 3}
            ]}
        ]});
        // `pump` matches, but its part does not hold: it did not raise this.
        assert_eq!(given.rests_on(c), ["dizziness"]);
    }

    #[test]
    fn a_question_named_twice_is_listed_once() {
        let bank = bank();
        let given = Answers::new(&bank)
            .with("breathing", Answer::Yes(true))
            .with("seizure", Answer::Yes(true));
        let c = json!({"any": [
            {"question": "breathing", "equals": true},
            {"all": [
                {"question": "seizure", "equals": true},
                {"question": "breathing", "equals": true}
            ]}
        ]});
        assert_eq!(given.rests_on(c), ["breathing", "seizure"]);
    }

    /// The problems `check_condition` finds in one condition of a follow-up of
    /// question `asking`, as (place, message).
    fn problems(c: serde_json::Value, asking: Option<&str>) -> Vec<(String, String)> {
        let bank = bank();
        let c: Condition = serde_json::from_value(c).expect("a condition");
        let earlier: HashMap<&str, usize> = match asking {
            Some(me) => bank.questions[..bank.index_of(me).expect("a question")]
                .iter()
                .enumerate()
                .map(|(i, q)| (q.id.as_str(), i))
                .collect(),
            None => HashMap::new(),
        };
        let mut found = Found::default();
        bank.check_condition(&mut found, "when", &c, &earlier, asking);
        found
            .into_problems()
            .into_iter()
            .map(|Problem { place, message }| (place, message))
            .collect()
    }

    #[test]
    fn a_condition_uses_one_form_and_one_test() {
        assert_eq!(
            problems(
                json!({"question": "pump", "profile": "kidney", "equals": true}),
                None
            ),
            [(
                "when".to_string(),
                "use exactly one of \"question\", \"profile\", \"all\", \"any\" or \"not\""
                    .to_string()
            )]
        );
        let p = problems(
            json!({"question": "pump", "equals": true, "at_least": 1}),
            None,
        );
        assert_eq!(
            p[0].1,
            "use exactly one test: \"equals\", \"at_least\" or \"one_of\""
        );
        let p = problems(json!({"all": []}), None);
        assert_eq!(
            p,
            [(
                "when.all".to_string(),
                "is empty; list at least one condition".to_string()
            )]
        );
    }

    #[test]
    fn not_may_test_only_about_you_items() {
        let p = problems(json!({"not": {"question": "pump", "equals": true}}), None);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].0, "when.not");
        assert!(
            p[0].1
                .starts_with("tests a question; \"not\" may test only"),
            "{p:?}"
        );
        assert!(problems(json!({"not": {"profile": "kidney", "equals": true}}), None).is_empty());
    }

    #[test]
    fn a_profile_test_names_an_item_and_equals_true_or_false() {
        let p = problems(json!({"profile": "liver", "at_least": 1}), None);
        let places: Vec<&str> = p.iter().map(|(place, _)| place.as_str()).collect();
        assert_eq!(places, ["when", "when.equals", "when.profile"]);
        assert!(
            p[2].1
                .starts_with("\"liver\" is not in \"profile\"; use one of: kidney, older")
        );
    }

    #[test]
    fn a_follow_up_reads_only_earlier_questions() {
        let p = problems(json!({"question": "notes", "equals": ""}), Some("pump"));
        assert_eq!(p[0].0, "when.question");
        assert!(p[0].1.contains("comes later in the bank"), "{p:?}");
        let p = problems(
            json!({"question": "stopped", "equals": true}),
            Some("stopped"),
        );
        assert!(p[0].1.contains("refers to itself"), "{p:?}");
        let p = problems(
            json!({"question": "nothing", "equals": true}),
            Some("stopped"),
        );
        assert!(p[0].1.contains("does not exist"), "{p:?}");
        // Alerts run after each answer and may read any question.
        assert!(problems(json!({"question": "notes", "equals": ""}), None).is_empty());
    }

    #[test]
    fn each_test_fits_the_kind_of_its_question() {
        let p = problems(json!({"question": "pump", "equals": "yes"}), None);
        assert_eq!(
            p,
            [(
                "when.equals".to_string(),
                "does not fit yes_no question \"pump\"; use true or false".to_string()
            )]
        );
        let p = problems(json!({"question": "pump", "at_least": 1}), None);
        assert_eq!(p[0].0, "when.at_least");
        let p = problems(json!({"question": "missed_days", "one_of": ["a"]}), None);
        assert_eq!(p[0].0, "when.one_of");
        let p = problems(
            json!({"question": "drowsiness", "one_of": ["mild", "awful"]}),
            None,
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].0, "when.one_of[1]");
        assert!(
            p[0].1
                .starts_with("\"awful\" is not an option of \"drowsiness\""),
            "{p:?}"
        );
    }
}
