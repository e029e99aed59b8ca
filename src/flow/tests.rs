//! The pure flow against the bundled bank and small hand-made banks: what is asked,
//! what going back changes, which answer raises which alert, and what is saved.
//! The helpers that run a flow are shared with the tests of [`crate::grades`],
//! which check the numbers of the check-ins they make.

use serde_json::{Value, json};

use super::*;
use crate::bank::{Kind, Level};

pub(crate) fn bundled() -> Bank {
    Bank::bundled().unwrap()
}

/// The questions of the bundled bank that everyone is asked.
const BASE: [&str; 19] = [
    "pump",
    "dose_change",
    "breathing",
    "seizure",
    "suicidal_thoughts",
    "hallucinations",
    "fever_stiffness",
    "upset_stomach",
    "drowsiness",
    "dizziness",
    "insomnia",
    "weakness",
    "confusion",
    "depression",
    "euphoria",
    "more_than_prescribed",
    "tolerance",
    "alcohol_sedatives",
    "notes",
];

/// The withdrawal follow-ups asked after `dose_change` = yes, in the withdrawal
/// section (`stopped` and `missed_days` come right after `dose_change`).
const WITHDRAWAL: [&str; 5] = [
    "tremors",
    "withdrawal_insomnia",
    "irritability",
    "cravings",
    "angry_outbursts",
];

/// The follow-ups asked of pump users, first in the withdrawal section.
const PUMP: [&str; 4] = [
    "pump_confusion",
    "pump_stiffness",
    "pump_itching",
    "pump_alarm",
];

/// The suicide screen: thoughts, then (after a yes) plan or intent, and behaviour.
const SCREEN: [&str; 3] = ["suicidal_thoughts", "suicidal_plan", "suicidal_behavior"];

/// The calmest answer to a question: no, the lowest option, the lowest number, or
/// nothing.
pub(crate) fn calm(q: &Question) -> Answer {
    match q.kind {
        Kind::YesNo => Answer::Yes(false),
        Kind::Scale => Answer::Choice(0),
        Kind::Number => Answer::Number(q.min.unwrap_or(0.0)),
        Kind::Text => Answer::Text(String::new()),
    }
}

/// One answered question and the alerts its answer returned.
#[derive(Debug)]
pub(crate) struct Step {
    pub(crate) question: String,
    pub(crate) alerts: Vec<String>,
}

/// Answers the current question from `given` (as in an answers file), or calmly.
pub(crate) fn answer_one(flow: &mut Flow<'_>, given: &Value) -> Step {
    let bank = flow.bank();
    let q = flow.current().expect("a question to answer");
    let answer = match given.get(&q.id) {
        Some(v) => Answer::from_json(bank, q, v).unwrap(),
        None => calm(q),
    };
    let alerts = flow
        .answer(answer)
        .into_iter()
        .map(|a| a.id.clone())
        .collect();
    Step {
        question: q.id.clone(),
        alerts,
    }
}

/// Runs a whole check: `given` answers by id, every other asked question calm.
/// Runs the flow over `given`; its `"profile"` object, if any, is the "about you"
/// answers.
pub(crate) fn run<'b>(bank: &'b Bank, given: &Value) -> (Flow<'b>, Vec<Step>) {
    let profile = given
        .get("profile")
        .map(|p| crate::profile::Profile::from_json(bank, p).unwrap())
        .unwrap_or_default();
    let mut flow = Flow::with_profile(bank, profile);
    let mut steps = Vec::new();
    while !flow.is_complete() {
        steps.push(answer_one(&mut flow, given));
        assert!(steps.len() <= bank.questions.len(), "the flow does not end");
    }
    (flow, steps)
}

fn asked(steps: &[Step]) -> Vec<&str> {
    steps.iter().map(|s| s.question.as_str()).collect()
}

/// The steps whose answer returned any alert, as (question, alert ids).
fn raised(steps: &[Step]) -> Vec<(&str, Vec<&str>)> {
    steps
        .iter()
        .filter(|s| !s.alerts.is_empty())
        .map(|s| {
            (
                s.question.as_str(),
                s.alerts.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

pub(crate) fn record_ids(flow: &Flow<'_>) -> Vec<String> {
    flow.alert_records()
        .into_iter()
        .map(|a| a.id.into_string())
        .collect()
}

pub(crate) fn answered_ids(flow: &Flow<'_>) -> Vec<String> {
    flow.answer_records()
        .into_iter()
        .map(|a| a.question.into_string())
        .collect()
}

/// Answers until `id` is the current question.
pub(crate) fn answer_until(flow: &mut Flow<'_>, given: &Value, id: &str) {
    while flow.current().map(|q| q.id.as_str()) != Some(id) {
        answer_one(flow, given);
    }
}

/// A small bank: the given sections-free questions and alerts, with a valid frame.
fn tiny(questions: Value, alerts: Value) -> Bank {
    let bank = json!({
        "format": 1,
        "id": "tiny",
        "version": "0.1.0",
        "language": "en",
        "title": "Tiny",
        "medication": "testamol",
        "recall_period": "the last 7 days",
        "intro": ["Not a diagnosis."],
        "safety_notice": "Not a diagnosis.",
        "sections": [
            {"id": "one", "title": "One"},
            {"id": "two", "title": "Two"},
            {"id": "extra", "title": "Extra", "scored": false}
        ],
        "scales": {
            "severity": [
                {"id": "none", "label": "None", "score": 0},
                {"id": "mild", "label": "Mild", "score": 1},
                {"id": "moderate", "label": "Moderate", "score": 2},
                {"id": "severe", "label": "Severe", "score": 3},
                {"id": "very_severe", "label": "Very severe", "score": 4}
            ]
        },
        "questions": questions,
        "alerts": alerts
    });
    match Bank::from_json("tiny.json", &bank.to_string()) {
        Ok(b) => b,
        Err(e) => panic!("the test bank does not load:\n{e}"),
    }
}

// ---- What is asked ----

#[test]
fn calm_answers_ask_only_the_base_questions_and_raise_nothing() {
    let bank = bundled();
    let (flow, steps) = run(&bank, &json!({}));
    assert_eq!(asked(&steps), BASE);
    assert!(raised(&steps).is_empty());
    assert!(flow.alert_records().is_empty());
    assert_eq!(answered_ids(&flow), BASE);
    assert_eq!(flow.answered(), BASE.len());
}

#[test]
fn the_suicide_screen_follow_ups_are_asked_only_after_thoughts_of_suicide() {
    let bank = bundled();
    let (_, no) = run(&bank, &json!({"suicidal_thoughts": false}));
    for q in &SCREEN[1..] {
        assert!(!asked(&no).contains(q), "{q} asked without thoughts");
    }

    let (_, yes) = run(&bank, &json!({"suicidal_thoughts": true}));
    let order = asked(&yes);
    let i = order
        .iter()
        .position(|q| *q == "suicidal_thoughts")
        .unwrap();
    assert_eq!(
        order[i..i + 3],
        SCREEN,
        "asked one after another: {order:?}"
    );
    assert_eq!(order.len(), BASE.len() + 2);
    // The screen is one block in the bank, and nothing else is in it.
    let in_block: Vec<&str> = bank
        .questions
        .iter()
        .filter(|q| q.block.as_deref() == Some("suicide_screen"))
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(in_block, SCREEN);
}

#[test]
fn pump_questions_are_asked_only_to_pump_users() {
    let bank = bundled();
    let (_, no) = run(&bank, &json!({"pump": false}));
    for q in PUMP {
        assert!(!asked(&no).contains(&q), "{q} asked without a pump");
    }

    let (_, yes) = run(&bank, &json!({"pump": true}));
    let order = asked(&yes);
    let i = order.iter().position(|q| *q == "depression").unwrap();
    assert_eq!(order[i + 1..i + 5], PUMP, "{order:?}");
    assert_eq!(order.len(), BASE.len() + 4);
}

#[test]
fn the_pump_and_dose_questions_come_before_the_danger_signs() {
    // Alerts for danger signs read them, so their words fit the person from the
    // first box on (pump or not, dose change or not).
    let bank = bundled();
    let (_, steps) = run(&bank, &json!({"dose_change": true}));
    let order = asked(&steps);
    assert_eq!(
        order[..5],
        ["pump", "dose_change", "stopped", "missed_days", "breathing"]
    );
}

#[test]
fn withdrawal_questions_are_asked_only_after_a_dose_change() {
    let bank = bundled();
    let (_, no) = run(&bank, &json!({"dose_change": false}));
    for q in WITHDRAWAL.iter().chain(&["stopped", "missed_days"]) {
        assert!(!asked(&no).contains(q), "{q} asked without a dose change");
    }

    let (_, yes) = run(&bank, &json!({"dose_change": true}));
    let order = asked(&yes);
    let i = order.iter().position(|q| *q == "depression").unwrap();
    assert_eq!(
        order[i + 1..i + 1 + WITHDRAWAL.len()],
        WITHDRAWAL,
        "{order:?}"
    );
    assert_eq!(order[i + 1 + WITHDRAWAL.len()], "euphoria");
}

#[test]
fn missed_days_is_asked_only_when_baclofen_was_not_stopped() {
    let bank = bundled();
    let (_, stopped) = run(&bank, &json!({"dose_change": true, "stopped": true}));
    assert!(!asked(&stopped).contains(&"missed_days"));
    assert!(asked(&stopped).contains(&"tremors"));
    let (_, cut) = run(
        &bank,
        &json!({"dose_change": true, "stopped": false, "missed_days": 2}),
    );
    assert!(asked(&cut).contains(&"missed_days"));
}

#[test]
fn danger_signs_are_asked_of_everyone() {
    let bank = bundled();
    for (pump, dose_change) in [(false, false), (true, false), (false, true), (true, true)] {
        let (_, steps) = run(&bank, &json!({"pump": pump, "dose_change": dose_change}));
        for q in ["hallucinations", "fever_stiffness"] {
            assert!(
                asked(&steps).contains(&q),
                "{q}: pump = {pump}, dose_change = {dose_change}: {:?}",
                asked(&steps)
            );
        }
    }
}

#[test]
fn a_follow_up_on_a_follow_up_is_asked_only_when_its_whole_chain_holds() {
    let bank = tiny(
        json!([
            {"id": "a", "section": "one", "kind": "yes_no", "text": "A?", "short": "A"},
            {"id": "b", "section": "one", "kind": "yes_no", "text": "B?", "short": "B",
             "when": {"question": "a", "equals": true}},
            {"id": "c", "section": "one", "kind": "yes_no", "text": "C?", "short": "C",
             "when": {"question": "b", "equals": true}}
        ]),
        json!([]),
    );
    let (_, steps) = run(&bank, &json!({"a": true, "b": true}));
    assert_eq!(asked(&steps), ["a", "b", "c"]);

    // Going back and answering "a" with no must drop both b and c, although b's
    // earlier answer (yes) is still remembered.
    let mut flow = Flow::new(&bank);
    flow.answer(Answer::Yes(true));
    flow.answer(Answer::Yes(true));
    assert_eq!(flow.current().unwrap().id, "c");
    assert!(flow.back());
    assert!(flow.back());
    assert_eq!(flow.current().unwrap().id, "a");
    flow.answer(Answer::Yes(false));
    assert!(flow.is_complete(), "b and c must not be asked");
    assert_eq!(answered_ids(&flow), ["a"]);
}

#[test]
fn conditions_on_numbers_and_option_lists() {
    let bank = tiny(
        json!([
            {"id": "days", "section": "one", "kind": "number", "text": "Days?", "short": "Days",
             "unit": "days", "min": 0, "max": 7, "integer": true},
            {"id": "exactly_three", "section": "one", "kind": "yes_no", "text": "Three?",
             "short": "Three", "when": {"question": "days", "equals": 3}},
            {"id": "five_plus", "section": "one", "kind": "yes_no", "text": "Five?",
             "short": "Five", "when": {"question": "days", "at_least": 5}},
            {"id": "pain", "section": "one", "kind": "scale", "scale": "severity",
             "text": "Pain?", "short": "Pain"},
            {"id": "pain_mid", "section": "one", "kind": "yes_no", "text": "Mid?",
             "short": "Mid", "when": {"question": "pain", "one_of": ["mild", "moderate"]}}
        ]),
        json!([]),
    );
    let asked_for = |days: Value, pain: &str| {
        let (_, steps) = run(&bank, &json!({"days": days, "pain": pain}));
        asked(&steps)
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        asked_for(json!(3), "none"),
        ["days", "exactly_three", "pain"]
    );
    assert_eq!(asked_for(json!(4), "none"), ["days", "pain"]);
    assert_eq!(asked_for(json!(5), "none"), ["days", "five_plus", "pain"]);
    assert_eq!(
        asked_for(json!(7), "mild"),
        ["days", "five_plus", "pain", "pain_mid"]
    );
    assert_eq!(
        asked_for(json!(0), "moderate"),
        ["days", "pain", "pain_mid"]
    );
    assert_eq!(asked_for(json!(0), "severe"), ["days", "pain"]);
}

// ---- Going back ----

#[test]
fn back_offers_the_earlier_answer() {
    let bank = bundled();
    let mut flow = Flow::new(&bank);
    assert!(flow.current_answer().is_none());
    flow.answer(Answer::Yes(false)); // pump
    flow.answer(Answer::Yes(false)); // dose_change
    flow.answer(Answer::Yes(false)); // breathing
    flow.answer(Answer::Yes(true)); // seizure
    assert_eq!(flow.current().unwrap().id, "suicidal_thoughts");
    assert!(flow.current_answer().is_none());

    assert!(flow.back());
    assert_eq!(flow.current().unwrap().id, "seizure");
    assert_eq!(flow.current_answer(), Some(&Answer::Yes(true)));
    assert!(flow.back());
    assert_eq!(flow.current().unwrap().id, "breathing");
    assert_eq!(flow.current_answer(), Some(&Answer::Yes(false)));
    assert!(flow.back());
    assert!(flow.back());
    assert_eq!(flow.current().unwrap().id, "pump");
    assert!(!flow.back(), "there is nothing before the first question");
    assert_eq!(flow.current().unwrap().id, "pump");

    // Keeping the answer and going on offers the next earlier answer too.
    flow.answer(Answer::Yes(false));
    assert_eq!(flow.current().unwrap().id, "dose_change");
    assert_eq!(flow.current_answer(), Some(&Answer::Yes(false)));
}

#[test]
fn back_skips_follow_ups_that_were_not_asked() {
    let bank = bundled();
    let mut flow = Flow::new(&bank);
    answer_until(&mut flow, &json!({}), "hallucinations");
    // The screen's follow-ups were not asked (thoughts = no): back lands on
    // suicidal_thoughts.
    assert!(flow.back());
    assert_eq!(flow.current().unwrap().id, "suicidal_thoughts");
}

#[test]
fn back_from_the_end_returns_to_the_last_question() {
    let bank = bundled();
    let (mut flow, _) = run(&bank, &json!({"notes": "itchy"}));
    assert!(flow.is_complete());
    assert!(flow.back());
    assert_eq!(flow.current().unwrap().id, "notes");
    assert_eq!(flow.current_answer(), Some(&Answer::Text("itchy".into())));
    assert!(!flow.is_complete());
}

#[test]
fn an_alert_taken_back_is_raised_again_when_the_answer_is_given_again() {
    let bank = bundled();
    let mut flow = Flow::new(&bank);
    answer_until(&mut flow, &json!({}), "breathing");
    let ids = |v: Vec<&AlertRule>| v.into_iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(flow.answer(Answer::Yes(true))), ["breathing"]);
    assert!(flow.back());
    assert!(ids(flow.answer(Answer::Yes(false))).is_empty());
    assert!(flow.alert_records().is_empty());
    assert!(flow.back());
    assert_eq!(ids(flow.answer(Answer::Yes(true))), ["breathing"]);
    // Going back and keeping the same answer does not raise it a second time.
    assert!(flow.back());
    assert!(ids(flow.answer(Answer::Yes(true))).is_empty());
    assert_eq!(record_ids(&flow), ["breathing"]);
}

// ---- Urgent rules ----

/// A rule id, the answers given, and the (question, alerts returned) expected.
type UrgentCase = (&'static str, Value, Vec<(&'static str, Vec<&'static str>)>);

/// For each urgent rule of the bundled bank: answers that should raise it, and every
/// (question, alerts returned by its answer) expected over the whole check.
fn urgent_cases() -> Vec<UrgentCase> {
    vec![
        (
            "breathing",
            json!({"breathing": true}),
            vec![("breathing", vec!["breathing"])],
        ),
        (
            "seizure",
            json!({"seizure": true}),
            vec![("seizure", vec!["seizure"])],
        ),
        (
            // Held until the screen's last question, then one crisis alert.
            "suicidal_thoughts",
            json!({"suicidal_thoughts": true}),
            vec![("suicidal_behavior", vec!["suicidal_thoughts"])],
        ),
        (
            "suicide_emergency",
            json!({"suicidal_thoughts": true, "suicidal_plan": true}),
            vec![("suicidal_behavior", vec!["suicide_emergency"])],
        ),
        (
            "suicide_emergency",
            json!({"suicidal_thoughts": true, "suicidal_behavior": true}),
            vec![("suicidal_behavior", vec!["suicide_emergency"])],
        ),
        (
            "hallucinations",
            json!({"hallucinations": true}),
            vec![("hallucinations", vec!["hallucinations"])],
        ),
        (
            "withdrawal_hallucinations",
            json!({"dose_change": true, "missed_days": 2, "hallucinations": true}),
            vec![("hallucinations", vec!["withdrawal_hallucinations"])],
        ),
        (
            "fever_stiffness",
            json!({"fever_stiffness": true}),
            vec![("fever_stiffness", vec!["fever_stiffness"])],
        ),
        (
            "withdrawal_fever_stiffness",
            json!({"dose_change": true, "missed_days": 2, "fever_stiffness": true}),
            vec![("fever_stiffness", vec!["withdrawal_fever_stiffness"])],
        ),
        (
            "pump_withdrawal",
            json!({"pump": true, "fever_stiffness": true}),
            vec![("fever_stiffness", vec!["pump_withdrawal"])],
        ),
        (
            // Only the overdose box: the severe box stands aside for this answer.
            "overdose_signs",
            json!({"drowsiness": "very_severe"}),
            vec![("drowsiness", vec!["overdose_signs"])],
        ),
        (
            "overdose_signs",
            json!({"confusion": "very_severe"}),
            vec![("confusion", vec!["overdose_signs"])],
        ),
        (
            "pump_danger",
            json!({"pump": true, "drowsiness": "very_severe", "pump_confusion": true}),
            vec![("drowsiness", vec!["pump_danger"])],
        ),
        (
            "pump_danger",
            json!({"pump": true, "pump_confusion": true}),
            vec![("pump_confusion", vec!["pump_danger"])],
        ),
        (
            "severe_side_effect",
            json!({"upset_stomach": "moderate", "dizziness": "severe", "weakness": "very_severe"}),
            vec![("dizziness", vec!["severe_side_effect"])],
        ),
        (
            "severe_side_effect",
            json!({"insomnia": "severe"}),
            vec![("insomnia", vec!["severe_side_effect"])],
        ),
        (
            "severe_side_effect",
            json!({"upset_stomach": "severe", "drowsiness": "very_severe"}),
            vec![
                ("upset_stomach", vec!["severe_side_effect"]),
                ("drowsiness", vec!["overdose_signs"]),
            ],
        ),
        // Kidney problems or age 65 or older: "severe" is enough, and the box says why.
        (
            "overdose_signs_at_risk",
            json!({"profile": {"kidney": true}, "drowsiness": "severe"}),
            vec![("drowsiness", vec!["overdose_signs_at_risk"])],
        ),
        (
            "overdose_signs_at_risk",
            json!({"profile": {"older": true}, "confusion": "very_severe", "dizziness": "severe"}),
            vec![
                ("dizziness", vec!["severe_side_effect"]),
                ("confusion", vec!["overdose_signs_at_risk"]),
            ],
        ),
        (
            "pregnant_stopped",
            json!({"profile": {"pregnant": true}, "dose_change": true, "stopped": true}),
            vec![("stopped", vec!["pregnant_stopped"])],
        ),
        (
            "epilepsy_stopped",
            json!({"profile": {"epilepsy": true}, "dose_change": true, "missed_days": 7}),
            vec![("missed_days", vec!["epilepsy_stopped"])],
        ),
        (
            "severe_low_mood",
            json!({"depression": "severe"}),
            vec![("depression", vec!["severe_low_mood"])],
        ),
        (
            "pump_warning",
            json!({"pump": true, "pump_alarm": true}),
            vec![("pump_alarm", vec!["pump_warning"])],
        ),
        (
            "pump_warning",
            json!({"pump": true, "pump_itching": true, "pump_stiffness": true}),
            vec![("pump_stiffness", vec!["pump_warning"])],
        ),
        (
            "stopped",
            json!({"dose_change": true, "stopped": true}),
            vec![("stopped", vec!["stopped"])],
        ),
        (
            "stopped",
            json!({"dose_change": true, "missed_days": 7}),
            vec![("missed_days", vec!["stopped"])],
        ),
        (
            "withdrawal_symptoms",
            json!({"dose_change": true, "missed_days": 1, "cravings": "severe"}),
            vec![("cravings", vec!["withdrawal_symptoms"])],
        ),
        (
            "withdrawal_symptoms",
            json!({"dose_change": true, "missed_days": 1, "angry_outbursts": "often"}),
            vec![("angry_outbursts", vec!["withdrawal_symptoms"])],
        ),
        (
            "more_than_prescribed",
            json!({"more_than_prescribed": true}),
            vec![("more_than_prescribed", vec!["more_than_prescribed"])],
        ),
        (
            "suicidal_overdose",
            json!({"suicidal_thoughts": true, "more_than_prescribed": true}),
            vec![
                ("suicidal_behavior", vec!["suicidal_thoughts"]),
                ("more_than_prescribed", vec!["suicidal_overdose"]),
            ],
        ),
        (
            "alcohol_with_breathing",
            json!({"breathing": true, "alcohol_sedatives": true}),
            vec![
                ("breathing", vec!["breathing"]),
                ("alcohol_sedatives", vec!["alcohol_with_breathing"]),
            ],
        ),
    ]
}

#[test]
fn every_urgent_rule_has_a_case_here() {
    let bank = bundled();
    let covered: Vec<&str> = urgent_cases().iter().map(|(id, _, _)| *id).collect();
    for rule in bank.alerts.iter().filter(|a| a.level.is_urgent()) {
        assert!(
            covered.contains(&rule.id.as_str()),
            "urgent rule \"{}\" has no test case in urgent_cases()",
            rule.id
        );
    }
}

#[test]
fn each_urgent_rule_is_returned_by_the_answer_that_raises_it_and_only_once() {
    let bank = bundled();
    for (rule, given, expected) in urgent_cases() {
        let (flow, steps) = run(&bank, &given);
        assert_eq!(
            raised(&steps),
            expected,
            "rule {rule} with answers {given}: alerts returned by each answer"
        );
        let (shown_at, _) = expected
            .iter()
            .find(|(_, ids)| ids.contains(&rule))
            .unwrap();
        let record = flow
            .alert_records()
            .into_iter()
            .find(|a| a.id == rule)
            .unwrap_or_else(|| panic!("rule {rule} missing from alert_records"));
        // The record names the answer that raised it; a block shows it at its end.
        let block = |id: &str| bank.question(id).and_then(|q| q.block.clone());
        assert!(
            record.question == *shown_at
                || (block(shown_at).is_some() && block(&record.question) == block(shown_at)),
            "rule {rule}: raised by {}, shown after {shown_at}",
            record.question
        );
        assert_eq!(record.level, bank.alert(rule).unwrap().level);
        assert_eq!(record.title, bank.alert(rule).unwrap().title);
    }
}

#[test]
fn an_urgent_alert_comes_before_the_next_question() {
    let bank = bundled();
    let mut flow = Flow::new(&bank);
    answer_until(&mut flow, &json!({}), "breathing");
    let alerts = flow.answer(Answer::Yes(true)); // breathing
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0].level, Level::Emergency);
    assert!(alerts[0].advice.contains("{emergency}"));
    // The answer handed the alert back while the next question is still unasked.
    assert_eq!(flow.current().unwrap().id, "seizure");
    assert!(flow.current_answer().is_none());
}

#[test]
fn answers_just_below_a_threshold_raise_nothing() {
    let bank = bundled();
    let (flow, steps) = run(
        &bank,
        &json!({
            "upset_stomach": "moderate", "drowsiness": "moderate", "dizziness": "moderate",
            "insomnia": "moderate", "weakness": "moderate", "confusion": "moderate",
            "depression": "moderate", "dose_change": true, "missed_days": 6,
            "tremors": "moderate", "withdrawal_insomnia": "moderate",
            "irritability": "moderate", "cravings": "moderate", "angry_outbursts": "sometimes"
        }),
    );
    assert!(raised(&steps).is_empty(), "{:?}", raised(&steps));
    // Only the advice about the dose change holds.
    assert_eq!(record_ids(&flow), ["dose_change"]);
}

#[test]
fn severe_sleepiness_is_a_prescriber_alert_but_not_an_overdose_alert() {
    let bank = bundled();
    let (_, steps) = run(&bank, &json!({"drowsiness": "severe"}));
    assert_eq!(
        raised(&steps),
        [("drowsiness", vec!["severe_side_effect"])],
        "severe (3) is not very severe (4)"
    );
}

#[test]
fn a_plan_or_behaviour_replaces_the_crisis_alert_with_an_emergency() {
    let bank = bundled();
    for (plan, behavior, trigger) in [
        (true, false, "suicidal_plan"),
        (false, true, "suicidal_behavior"),
        (true, true, "suicidal_plan"),
    ] {
        let (flow, steps) = run(
            &bank,
            &json!({"suicidal_thoughts": true, "suicidal_plan": plan,
                    "suicidal_behavior": behavior}),
        );
        // One alert for the whole screen, at its end.
        assert_eq!(
            raised(&steps),
            [("suicidal_behavior", vec!["suicide_emergency"])],
            "plan = {plan}, behaviour = {behavior}"
        );
        let records = flow.alert_records();
        assert_eq!(record_ids(&flow), ["suicide_emergency"], "{records:?}");
        assert_eq!(records[0].level, Level::Emergency);
        assert_eq!(records[0].question, trigger);
    }

    // Without a plan or behaviour, the crisis alert stands.
    let (flow, _) = run(
        &bank,
        &json!({"suicidal_thoughts": true, "suicidal_plan": false}),
    );
    let records = flow.alert_records();
    assert_eq!(record_ids(&flow), ["suicidal_thoughts"]);
    assert_eq!(records[0].level, Level::Crisis);
}

// ---- Blocks: the suicide screen ----

fn ids(alerts: Vec<&AlertRule>) -> Vec<String> {
    alerts.into_iter().map(|a| a.id.clone()).collect()
}

#[test]
fn alerts_inside_a_block_wait_for_its_last_asked_question() {
    let bank = bundled();
    let mut flow = Flow::new(&bank);
    answer_until(&mut flow, &json!({}), "suicidal_thoughts");
    assert!(flow.pending_alerts().is_empty());

    // Thoughts: nothing yet, and the plan question comes next.
    assert!(flow.answer(Answer::Yes(true)).is_empty());
    assert_eq!(flow.current().unwrap().id, "suicidal_plan");
    assert!(flow.answer(Answer::Yes(false)).is_empty());
    assert_eq!(flow.current().unwrap().id, "suicidal_behavior");
    // The last question of the screen brings its one alert.
    assert_eq!(ids(flow.answer(Answer::Yes(false))), ["suicidal_thoughts"]);
    assert_eq!(flow.current().unwrap().id, "hallucinations");
    assert!(flow.pending_alerts().is_empty());
}

#[test]
fn pending_alerts_mid_block_are_the_highest_the_answers_so_far_allow() {
    let bank = bundled();
    let mut flow = Flow::new(&bank);
    answer_until(&mut flow, &json!({}), "suicidal_thoughts");
    flow.answer(Answer::Yes(true));
    // Ctrl-C here: the crisis alert is what the answers allow, and a stopped
    // record keeps it.
    let pending = flow.pending_alerts();
    assert_eq!(ids(pending.clone()), ["suicidal_thoughts"]);
    assert_eq!(pending[0].level, Level::Crisis);
    assert_eq!(record_ids(&flow), ["suicidal_thoughts"]);

    // A plan: the emergency alert, in place of the crisis one (never both).
    assert!(flow.answer(Answer::Yes(true)).is_empty());
    let pending = flow.pending_alerts();
    assert_eq!(ids(pending.clone()), ["suicide_emergency"]);
    assert_eq!(pending[0].level, Level::Emergency);
    assert_eq!(record_ids(&flow), ["suicide_emergency"]);

    // Finishing the screen shows that one alert, once.
    assert_eq!(ids(flow.answer(Answer::Yes(false))), ["suicide_emergency"]);
    assert!(flow.pending_alerts().is_empty());
}

#[test]
fn outside_a_block_nothing_is_ever_pending() {
    let bank = bundled();
    let mut flow = Flow::new(&bank);
    let given = json!({"breathing": true, "drowsiness": "very_severe", "depression": "severe"});
    while !flow.is_complete() {
        answer_one(&mut flow, &given);
        assert!(
            flow.pending_alerts().is_empty(),
            "pending after {:?}",
            flow.current().map(|q| &q.id)
        );
    }
}

#[test]
fn going_back_into_a_finished_block_holds_its_alerts_again() {
    let bank = bundled();
    let mut flow = Flow::new(&bank);
    let given = json!({"suicidal_thoughts": true});
    answer_until(&mut flow, &given, "hallucinations");
    assert_eq!(record_ids(&flow), ["suicidal_thoughts"]);

    // Back to the plan question, and a yes this time.
    assert!(flow.back());
    assert!(flow.back());
    assert_eq!(flow.current().unwrap().id, "suicidal_plan");
    assert!(flow.answer(Answer::Yes(true)).is_empty(), "held to the end");
    assert_eq!(ids(flow.pending_alerts()), ["suicide_emergency"]);
    assert_eq!(ids(flow.answer(Answer::Yes(false))), ["suicide_emergency"]);

    // Back to the start of the screen, and "no" to thoughts: the block ends there,
    // with nothing to show, and no alert stands.
    for _ in 0..3 {
        assert!(flow.back());
    }
    assert_eq!(flow.current().unwrap().id, "suicidal_thoughts");
    assert!(flow.answer(Answer::Yes(false)).is_empty());
    assert_eq!(flow.current().unwrap().id, "hallucinations");
    assert!(flow.alert_records().is_empty());
    // Both boxes were seen, so both stay on the record as retracted.
    let gone: Vec<String> = flow
        .retracted_records()
        .into_iter()
        .map(|a| a.id.into_string())
        .collect();
    assert_eq!(gone, ["suicide_emergency", "suicidal_thoughts"]);
}

#[test]
fn a_block_shows_its_alerts_after_its_last_asked_question_and_escalations_win() {
    // "more" is asked only after a "no" to "first"; the block goes on to "last"
    // either way.
    let bank = tiny(
        json!([
            {"id": "first", "section": "one", "kind": "yes_no", "text": "First?",
             "short": "First", "block": "screen"},
            {"id": "more", "section": "one", "kind": "yes_no", "text": "More?",
             "short": "More", "block": "screen", "when": {"question": "first", "equals": false}},
            {"id": "last", "section": "one", "kind": "yes_no", "text": "Last?",
             "short": "Last", "block": "screen"},
            {"id": "after", "section": "two", "kind": "yes_no", "text": "After?", "short": "After"}
        ]),
        json!([
            {"id": "low", "level": "prescriber", "title": "Low", "advice": "Call today.",
             "when": {"question": "first", "equals": true}},
            {"id": "mid", "level": "crisis", "title": "Mid", "advice": "Call now.",
             "call": ["crisis"], "when": {"question": "more", "equals": true}},
            {"id": "high", "level": "emergency", "title": "High", "advice": "Call now.",
             "call": ["emergency"], "replaces": ["low", "mid"],
             "when": {"question": "last", "equals": true}}
        ]),
    );
    // first yes, last yes: one alert, the escalation, after "last".
    let (flow, steps) = run(&bank, &json!({"first": true, "last": true}));
    assert_eq!(raised(&steps), [("last", vec!["high"])]);
    assert_eq!(record_ids(&flow), ["high"]);
    // first no, more yes, last no: the crisis alert after "last".
    let (_, steps) = run(&bank, &json!({"first": false, "more": true, "last": false}));
    assert_eq!(raised(&steps), [("last", vec!["mid"])]);
    // A lower alert alone waits for the end of the block too.
    let (_, steps) = run(&bank, &json!({"first": true, "last": false}));
    assert_eq!(raised(&steps), [("last", vec!["low"])]);
}

#[test]
fn one_sign_never_brings_two_boxes_that_tell_different_stories() {
    // Each family words one sign for one kind of person (with or without a pump or
    // a dose change); the pump and dose questions come first, so only one of a
    // family is ever shown.
    let families: [&[&str]; 3] = [
        &["hallucinations", "withdrawal_hallucinations"],
        &[
            "fever_stiffness",
            "withdrawal_fever_stiffness",
            "pump_withdrawal",
        ],
        &["overdose_signs", "pump_danger"],
    ];
    let bank = bundled();
    for pump in [false, true] {
        for dose_change in [false, true] {
            for drowsiness in ["none", "very_severe"] {
                let given = json!({
                    "pump": pump, "dose_change": dose_change, "missed_days": 3,
                    "hallucinations": true, "fever_stiffness": true,
                    "drowsiness": drowsiness, "confusion": "very_severe",
                    "pump_confusion": true
                });
                let (_, steps) = run(&bank, &given);
                let shown: Vec<&str> = steps
                    .iter()
                    .flat_map(|s| s.alerts.iter().map(String::as_str))
                    .collect();
                for family in families {
                    let of: Vec<&&str> = shown.iter().filter(|id| family.contains(id)).collect();
                    assert_eq!(of.len(), 1, "{given}: {of:?} of {shown:?}");
                }
                if pump {
                    assert!(!shown.contains(&"overdose_signs"), "{given}: {shown:?}");
                }
            }
        }
    }
}

#[test]
fn alcohol_with_trouble_breathing_replaces_the_breathing_alert() {
    let bank = bundled();
    let (flow, _) = run(
        &bank,
        &json!({"breathing": true, "alcohol_sedatives": true}),
    );
    let records = flow.alert_records();
    assert_eq!(record_ids(&flow), ["alcohol_with_breathing"], "{records:?}");
    // An `all` rule is raised by the part answered last.
    assert_eq!(records[0].question, "alcohol_sedatives");

    // Alcohol alone is only advice; breathing alone is its own emergency.
    let (flow, steps) = run(&bank, &json!({"alcohol_sedatives": true}));
    assert!(raised(&steps).is_empty());
    assert_eq!(record_ids(&flow), ["alcohol_sedatives"]);
    let (flow, _) = run(&bank, &json!({"breathing": true}));
    assert_eq!(record_ids(&flow), ["breathing"]);
}

#[test]
fn advice_is_never_returned_by_an_answer_but_is_recorded() {
    let bank = bundled();
    let (flow, steps) = run(
        &bank,
        &json!({
            "dose_change": true, "missed_days": 2, "euphoria": "sometimes",
            "tolerance": true, "alcohol_sedatives": true
        }),
    );
    assert!(raised(&steps).is_empty(), "{:?}", raised(&steps));
    let records = flow.alert_records();
    let advice: Vec<&str> = bank
        .alerts
        .iter()
        .filter(|a| !a.level.is_urgent())
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(
        advice,
        [
            "dose_change",
            "pregnant_dose_change",
            "epilepsy_dose_change",
            "dependence_signs",
            "alcohol_sedatives",
            "drowsy_driving"
        ],
        "a new advice rule needs a case in this test"
    );
    assert_eq!(
        record_ids(&flow),
        ["dose_change", "dependence_signs", "alcohol_sedatives"]
    );
    // The "about you" advice: the words for a pregnancy and for epilepsy stand in
    // for the plain dose-change advice; the driving advice joins the rest.
    let (about, steps) = run(
        &bank,
        &json!({
            "profile": {"pregnant": true, "epilepsy": true, "drives": true},
            "dose_change": true, "missed_days": 2, "drowsiness": "mild"
        }),
    );
    assert!(raised(&steps).is_empty(), "{:?}", raised(&steps));
    assert_eq!(
        record_ids(&about),
        [
            "pregnant_dose_change",
            "epilepsy_dose_change",
            "drowsy_driving"
        ]
    );
    assert!(records.iter().all(|a| a.level == Level::Advice));
    let by_id = |id: &str| records.iter().find(|a| a.id == id).unwrap();
    assert_eq!(by_id("dose_change").question, "dose_change");
    // `any`: euphoria (asked first) and tolerance both hold; euphoria raised it.
    assert_eq!(by_id("dependence_signs").question, "euphoria");
}

#[test]
fn alert_records_put_the_most_urgent_first() {
    let bank = bundled();
    let (flow, _) = run(
        &bank,
        &json!({"dose_change": true, "missed_days": 1, "depression": "severe",
                "suicidal_thoughts": true, "seizure": true}),
    );
    let levels: Vec<Level> = flow.alert_records().iter().map(|a| a.level).collect();
    assert_eq!(
        levels,
        [
            Level::Emergency,
            Level::Crisis,
            Level::Prescriber,
            Level::Advice
        ]
    );
    assert_eq!(
        record_ids(&flow),
        [
            "seizure",
            "suicidal_thoughts",
            "severe_low_mood",
            "dose_change"
        ]
    );
}

#[test]
fn the_record_names_the_question_that_raised_an_any_rule() {
    // The parts of the rule are listed in the opposite order to the questions.
    let bank = tiny(
        json!([
            {"id": "first", "section": "one", "kind": "scale", "scale": "severity",
             "text": "First?", "short": "First"},
            {"id": "second", "section": "one", "kind": "scale", "scale": "severity",
             "text": "Second?", "short": "Second"}
        ]),
        json!([
            {"id": "bad", "level": "prescriber", "title": "Bad", "advice": "Call today.",
             "when": {"any": [
                 {"question": "second", "at_least": 3},
                 {"question": "first", "at_least": 3}
             ]}}
        ]),
    );
    let cases = [
        ("severe", "none", "first"),
        ("none", "severe", "second"),
        // Both hold: the alert came up on the answer to "first".
        ("severe", "very_severe", "first"),
    ];
    for (first, second, trigger) in cases {
        let (flow, steps) = run(&bank, &json!({"first": first, "second": second}));
        assert_eq!(raised(&steps), [(trigger, vec!["bad"])]);
        let records = flow.alert_records();
        assert_eq!(records.len(), 1);
        assert_eq!(
            records[0].question, trigger,
            "first = {first}, second = {second}"
        );
    }
}

#[test]
fn an_escalation_raised_before_what_it_replaces_hides_it() {
    // "worse" replaces "bad" and is raised first; "bad" must never come up after it.
    let bank = tiny(
        json!([
            {"id": "a", "section": "one", "kind": "yes_no", "text": "A?", "short": "A"},
            {"id": "b", "section": "one", "kind": "yes_no", "text": "B?", "short": "B"}
        ]),
        json!([
            {"id": "bad", "level": "prescriber", "title": "Bad", "advice": "Call today.",
             "when": {"question": "b", "equals": true}},
            {"id": "worse", "level": "emergency", "title": "Worse", "advice": "Call now.",
             "call": ["emergency"], "replaces": ["bad"],
             "when": {"question": "a", "equals": true}}
        ]),
    );
    let (flow, steps) = run(&bank, &json!({"a": true, "b": true}));
    assert_eq!(raised(&steps), [("a", vec!["worse"])]);
    assert_eq!(record_ids(&flow), ["worse"]);
}

#[test]
fn answer_records_keep_the_words_and_scores() {
    let bank = bundled();
    let (flow, _) = run(
        &bank,
        &json!({"breathing": true, "dizziness": "severe", "dose_change": true,
                "missed_days": 2, "notes": "Felt odd."}),
    );
    let records = flow.answer_records();
    let get = |id: &str| records.iter().find(|a| a.question == id).unwrap();
    let b = get("breathing");
    assert_eq!(
        (&b.value, b.label.as_deref(), b.score, b.section.as_str()),
        (&json!(true), Some("Yes"), Some(4), "serious")
    );
    let d = get("dizziness");
    assert_eq!(
        (&d.value, d.label.as_deref(), d.score),
        (&json!("severe"), Some("Severe"), Some(3))
    );
    let p = get("pump");
    assert_eq!(
        (&p.value, p.label.as_deref(), p.score),
        (&json!(false), Some("No"), None)
    );
    let m = get("missed_days");
    assert_eq!(
        (&m.value, m.label.as_deref(), m.score),
        (&json!(2), None, None)
    );
    assert_eq!(get("notes").value, json!("Felt odd."));
}

// ---- Progress ----

#[test]
fn progress_counts_the_questions_asked_given_the_answers() {
    let bank = bundled();
    let mut flow = Flow::new(&bank);
    assert_eq!(flow.progress(), (1, 19));
    flow.answer(Answer::Yes(false)); // pump
    assert_eq!(flow.progress(), (2, 19));
    flow.answer(Answer::Yes(true)); // dose_change: stopped and the 5 withdrawal
    // questions join (missed_days waits for the answer to stopped)
    assert_eq!(flow.current().unwrap().id, "stopped");
    assert_eq!(flow.progress(), (3, 25));
    flow.answer(Answer::Yes(true)); // stopped: missed_days leaves
    assert_eq!(flow.current().unwrap().id, "breathing");
    assert_eq!(flow.progress(), (4, 25));
    assert!(flow.back());
    assert_eq!(flow.progress(), (3, 25));
    flow.answer(Answer::Yes(false)); // not stopped: missed_days comes back
    assert_eq!(flow.current().unwrap().id, "missed_days");
    assert_eq!(flow.progress(), (4, 26));

    answer_until(
        &mut flow,
        &json!({"suicidal_thoughts": true}),
        "suicidal_plan",
    );
    // The screen's two follow-ups.
    assert_eq!(flow.progress(), (8, 28));
    answer_until(&mut flow, &json!({}), "notes");
    assert_eq!(flow.progress(), (28, 28));
    flow.answer(Answer::Text(String::new()));
    assert!(flow.is_complete());
    assert_eq!(flow.progress(), (28, 28), "never past the last question");
}

#[test]
fn answering_after_the_end_changes_nothing() {
    let bank = bundled();
    let (mut flow, _) = run(&bank, &json!({}));
    assert!(flow.current().is_none());
    assert!(flow.answer(Answer::Yes(true)).is_empty());
    assert!(flow.alert_records().is_empty());
    assert_eq!(flow.answered(), BASE.len());
}

// ---- Answers from JSON ----

#[test]
fn answers_of_the_wrong_type_or_range_are_refused_with_the_question_named() {
    let bank = bundled();
    let q = |id: &str| bank.question(id).unwrap();
    let err = Answer::from_json(&bank, q("breathing"), &json!("yes")).unwrap_err();
    assert_eq!(err.question, "breathing");
    assert!(err.message.contains("true or false"), "{}", err.message);

    assert_eq!(
        Answer::from_json(&bank, q("dizziness"), &json!(3)).unwrap(),
        Answer::Choice(3)
    );
    let err = Answer::from_json(&bank, q("dizziness"), &json!("awful")).unwrap_err();
    assert!(err.message.contains("\"very_severe\""), "{}", err.message);
    assert!(Answer::from_json(&bank, q("dizziness"), &json!(5)).is_err());

    assert!(Answer::from_json(&bank, q("missed_days"), &json!(8)).is_err());
    assert!(Answer::from_json(&bank, q("missed_days"), &json!(2.5)).is_err());
    assert!(Answer::from_json(&bank, q("missed_days"), &json!(-1)).is_err());
    // Asked only after "yes, I missed or cut doses": 0 days says the opposite.
    let err = Answer::from_json(&bank, q("missed_days"), &json!(0)).unwrap_err();
    assert!(err.message.contains("1 to 7"), "{}", err.message);
    assert!(
        err.message.contains("You said you missed"),
        "{}",
        err.message
    );
    assert_eq!(
        Answer::from_json(&bank, q("missed_days"), &json!(7)).unwrap(),
        Answer::Number(7.0)
    );

    let long = "x".repeat(1001);
    let err = Answer::from_json(&bank, q("notes"), &json!(long)).unwrap_err();
    assert!(err.message.contains("1000"), "{}", err.message);
}

// ---- Carrying on from a stopped check-in ----

/// The answers of a flow stopped once `id` is the current question.
pub(crate) fn stopped_at(bank: &Bank, given: &Value, id: &str) -> Vec<AnswerRecord> {
    let mut flow = Flow::new(bank);
    answer_until(&mut flow, given, id);
    flow.answer_records()
}

#[test]
fn restore_can_go_back_into_the_earlier_answers() {
    let bank = bundled();
    let saved = stopped_at(&bank, &json!({"drowsiness": "mild"}), "dizziness");
    let (mut flow, _) = Flow::restore(&bank, &saved).unwrap();
    assert!(flow.back());
    assert_eq!(flow.current().map(|q| q.id.as_str()), Some("drowsiness"));
    assert_eq!(flow.current_answer(), Some(&Answer::Choice(1)));
    // Changing a restored answer takes effect like any other.
    flow.answer(Answer::Choice(3));
    assert_eq!(flow.current().map(|q| q.id.as_str()), Some("dizziness"));
    let drowsiness = flow
        .answer_records()
        .into_iter()
        .find(|a| a.question == "drowsiness")
        .unwrap();
    assert_eq!(drowsiness.value, json!("severe"));
}

#[test]
fn restore_returns_the_urgent_alerts_that_hold_and_does_not_raise_them_twice() {
    let bank = bundled();
    let saved = stopped_at(&bank, &json!({"breathing": true}), "seizure");
    let (mut flow, holding) = Flow::restore(&bank, &saved).unwrap();
    let ids: Vec<&str> = holding.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["breathing"]);
    assert!(holding.iter().all(|a| a.level.is_urgent()));
    assert_eq!(flow.current().map(|q| q.id.as_str()), Some("seizure"));
    // Answering on does not raise the breathing alert again...
    let step = answer_one(&mut flow, &json!({}));
    assert!(step.alerts.is_empty(), "{:?}", step.alerts);
    // ...but it is still in the record.
    assert_eq!(record_ids(&flow), ["breathing"]);
}

#[test]
fn restore_of_every_answer_is_complete() {
    let bank = bundled();
    let (whole, _) = run(&bank, &json!({"pump": true}));
    let (flow, _) = Flow::restore(&bank, &whole.answer_records()).unwrap();
    assert!(flow.is_complete());
    assert_eq!(flow.answer_records(), whole.answer_records());
}

#[test]
fn restore_refuses_an_answer_that_does_not_fit_the_bank() {
    let bank = bundled();
    let mut saved = stopped_at(&bank, &json!({}), "dizziness");
    let scale = saved
        .iter()
        .position(|a| a.question == "upset_stomach")
        .expect("a scale answer");
    saved[scale].value = json!("unbearable");
    let e = Flow::restore(&bank, &saved).unwrap_err();
    assert_eq!(e.question, saved[scale].question);
    assert!(e.message.contains("not an option"), "{}", e.message);

    let mut saved = stopped_at(&bank, &json!({}), "dizziness");
    saved[0].question = "no_such_question".into();
    let e = Flow::restore(&bank, &saved).unwrap_err();
    assert_eq!(e.question, "no_such_question");
}

fn at(minute: u32) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2026-12-01T10:{minute:02}:00.000+01:00")).unwrap()
}

/// Answers calmly up to the suicide screen, then thoughts yes, no plan, no
/// behaviour at `shown`: the crisis box.
fn crisis_at(flow: &mut Flow<'_>, shown: DateTime<FixedOffset>) {
    answer_until(flow, &json!({}), "suicidal_thoughts");
    assert!(flow.answer_at(Answer::Yes(true), shown).is_empty());
    assert!(flow.answer_at(Answer::Yes(false), shown).is_empty());
    assert_eq!(
        ids(flow.answer_at(Answer::Yes(false), shown)),
        ["suicidal_thoughts"]
    );
}

/// From the question after the screen back to "suicidal_thoughts".
fn back_to_thoughts(flow: &mut Flow<'_>) {
    for _ in 0..3 {
        assert!(flow.back());
    }
    assert_eq!(flow.current().unwrap().id, "suicidal_thoughts");
}

#[test]
fn a_crisis_alert_shown_then_answered_no_stays_on_the_record_as_retracted() {
    let bank = bundled();
    let mut flow = Flow::new(&bank);
    crisis_at(&mut flow, at(1));
    let standing = flow.alert_records();
    assert_eq!(standing.len(), 1);
    assert_eq!(standing[0].shown_at, Some(at(1)));
    assert_eq!(standing[0].retracted_at, None);
    assert!(flow.retracted_records().is_empty());

    // Esc back to the first question of the screen, and "no".
    back_to_thoughts(&mut flow);
    assert!(flow.answer_at(Answer::Yes(false), at(2)).is_empty());
    assert!(flow.alert_records().is_empty(), "it no longer stands");
    let gone = flow.retracted_records();
    assert_eq!(gone.len(), 1, "{gone:?}");
    assert_eq!(gone[0].id, "suicidal_thoughts");
    assert_eq!(gone[0].level, Level::Crisis);
    assert_eq!(gone[0].question, "suicidal_thoughts");
    assert_eq!(gone[0].shown_at, Some(at(1)));
    assert_eq!(gone[0].retracted_at, Some(at(2)));

    // The rest of the check does not bring it back or drop it.
    while !flow.is_complete() {
        answer_one(&mut flow, &json!({}));
    }
    assert_eq!(flow.retracted_records(), gone);
}

#[test]
fn an_alert_retracted_and_raised_again_stands_again_and_keeps_its_retraction() {
    let bank = bundled();
    let mut flow = Flow::new(&bank);
    crisis_at(&mut flow, at(1));
    back_to_thoughts(&mut flow);
    flow.answer_at(Answer::Yes(false), at(2));
    // Back again, and "yes" again: the box is shown again at the end of the screen.
    assert!(flow.back());
    assert_eq!(flow.current().unwrap().id, "suicidal_thoughts");
    assert!(flow.answer_at(Answer::Yes(true), at(3)).is_empty());
    assert!(flow.answer_at(Answer::Yes(false), at(3)).is_empty());
    assert_eq!(
        ids(flow.answer_at(Answer::Yes(false), at(4))),
        ["suicidal_thoughts"]
    );
    // Two entries: the standing one, shown again, and the earlier retraction.
    let standing = flow.alert_records();
    assert_eq!(standing.len(), 1);
    assert_eq!(standing[0].id, "suicidal_thoughts");
    assert_eq!(standing[0].shown_at, Some(at(4)));
    let gone = flow.retracted_records();
    assert_eq!(gone.len(), 1);
    assert_eq!(
        (gone[0].shown_at, gone[0].retracted_at),
        (Some(at(1)), Some(at(2)))
    );
}

#[test]
fn an_escalation_taken_back_is_retracted_and_the_alert_it_replaced_stands_as_first_shown() {
    let bank = bundled();
    let mut flow = Flow::new(&bank);
    crisis_at(&mut flow, at(1));
    // Back to the plan question: yes, then the emergency box.
    assert!(flow.back());
    assert!(flow.back());
    assert!(flow.answer_at(Answer::Yes(true), at(2)).is_empty());
    assert_eq!(
        ids(flow.answer_at(Answer::Yes(false), at(2))),
        ["suicide_emergency"]
    );
    // And back to "no plan": the emergency is retracted; the crisis box, shown at
    // the start and resting on answers that did not change, stands.
    assert!(flow.back());
    assert!(flow.back());
    assert_eq!(flow.current().unwrap().id, "suicidal_plan");
    assert!(flow.answer_at(Answer::Yes(false), at(3)).is_empty());
    assert!(
        flow.answer_at(Answer::Yes(false), at(3)).is_empty(),
        "nothing new"
    );
    let standing = flow.alert_records();
    assert_eq!(standing.len(), 1);
    assert_eq!(standing[0].id, "suicidal_thoughts");
    assert_eq!(standing[0].shown_at, Some(at(1)));
    let gone = flow.retracted_records();
    assert_eq!(gone.len(), 1);
    assert_eq!(gone[0].id, "suicide_emergency");
    assert_eq!(gone[0].question, "suicidal_plan");
    assert_eq!(
        (gone[0].shown_at, gone[0].retracted_at),
        (Some(at(2)), Some(at(3)))
    );
}

#[test]
fn an_alert_never_shown_is_never_retracted() {
    let bank = bundled();
    let mut flow = Flow::new(&bank);
    // Inside the screen, before its box: yes, then back and no.
    answer_until(&mut flow, &json!({}), "suicidal_thoughts");
    flow.answer_at(Answer::Yes(true), at(1));
    assert!(flow.back());
    flow.answer_at(Answer::Yes(false), at(2));
    // Advice is never shown as a box, so changing its answer retracts nothing.
    answer_until(&mut flow, &json!({}), "alcohol_sedatives");
    flow.answer_at(Answer::Yes(true), at(3));
    assert_eq!(record_ids(&flow), ["alcohol_sedatives"]);
    assert_eq!(
        flow.alert_records()[0].shown_at,
        None,
        "advice is not shown"
    );
    assert!(flow.back());
    flow.answer_at(Answer::Yes(false), at(4));
    assert!(flow.alert_records().is_empty());
    assert!(flow.retracted_records().is_empty());
}

#[test]
fn alerts_shown_on_stopping_inside_a_block_are_marked_shown() {
    let bank = bundled();
    let mut flow = Flow::new(&bank);
    answer_until(&mut flow, &json!({}), "suicidal_thoughts");
    flow.answer_at(Answer::Yes(true), at(1));
    // Ctrl-C: the front end shows what the answers so far call for.
    assert_eq!(ids(flow.show_pending(Some(at(2)))), ["suicidal_thoughts"]);
    assert!(flow.pending_alerts().is_empty());
    assert_eq!(flow.alert_records()[0].shown_at, Some(at(2)));
}

#[test]
fn a_resumed_check_in_keeps_the_stopped_one_s_shown_times_and_retractions() {
    let bank = bundled();
    let mut first = Flow::new(&bank);
    crisis_at(&mut first, at(1));
    back_to_thoughts(&mut first);
    first.answer_at(Answer::Yes(false), at(2));
    // A breathing emergency that stands, shown at 3.
    let mut stopped = Flow::new(&bank);
    answer_until(&mut stopped, &json!({}), "breathing");
    stopped.answer_at(Answer::Yes(true), at(3));
    let standing = stopped.alert_records();
    let retracted = first.retracted_records();

    let (mut flow, holding) = Flow::restore(&bank, &stopped.answer_records()).unwrap();
    assert_eq!(ids(holding), ["breathing"]);
    flow.carry_alerts(&standing, &retracted);
    assert_eq!(flow.alert_records(), standing);
    assert_eq!(flow.retracted_records(), retracted);
}
