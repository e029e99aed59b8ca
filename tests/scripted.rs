//! Scripted mode: `check --answers FILE` runs the same flow and save as the prompt.

use std::collections::BTreeSet;
use std::process::Output;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::{Value, json};

use crate::support::*;

#[test]
fn calm_answers_save_a_completed_check_in() {
    let env = Env::new();
    let out = env.check(&calm_answers(), &["--json"]).code(0);
    let records = env.records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["status"], "completed");
    assert_eq!(records[0]["alerts"], json!([]));
    let printed: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(printed["id"], records[0]["id"]);
}

// ---------------------------------------------------------------------------------
// Helpers local to these tests.

const EMERGENCY: &str = "EMERGENCY: GET HELP NOW";
const CRISIS: &str = "GET SUPPORT NOW";
const PRESCRIBER: &str = "CALL YOUR PRESCRIBER TODAY";

/// The alert boxes printed on stderr, each as one line of text with the frame and
/// the wrapping removed (so "116 123" split over two lines still reads as one).
fn alert_boxes(text: &str) -> Vec<String> {
    let mut boxes = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with('╔') || t.starts_with('┌') {
            current = Some(Vec::new());
        } else if t.starts_with('╚') || t.starts_with('└') {
            if let Some(lines) = current.take() {
                boxes.push(
                    lines
                        .join(" ")
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            }
        } else if let Some(lines) = current.as_mut() {
            lines.push(t.trim_matches(|c| c == '║' || c == '│').trim().to_string());
        }
    }
    boxes
}

/// The one box whose text mentions `title`.
fn box_with(out: &Output, title: &str) -> String {
    let err = stderr(out);
    let found: Vec<String> = alert_boxes(&err)
        .into_iter()
        .filter(|b| b.contains(title))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one alert box with {title:?}:\n{err}"
    );
    found[0].clone()
}

/// The urgent alert rules of the bundled bank, by id, with their level, as
/// `sidecheck bank questions --json` lists them.
fn urgent_rules() -> BTreeSet<(String, String)> {
    let out = Command::new(bin())
        .args(["bank", "questions", "--json"])
        .run()
        .code(0);
    let rows: Value = serde_json::from_slice(&out.stdout).expect("questions JSON");
    let mut rules = BTreeSet::new();
    for q in rows.as_array().expect("array") {
        for a in q["alerts"].as_array().expect("alerts") {
            let level = a["level"].as_str().expect("level").to_string();
            if ["emergency", "crisis", "prescriber"].contains(&level.as_str()) {
                rules.insert((a["id"].as_str().expect("id").to_string(), level));
            }
        }
    }
    rules
}

/// Calm answers with a dose change and all its follow-ups answered calmly.
fn dose_change_answers(changes: Value) -> Value {
    let mut a = answers_with(json!({
        "dose_change": true, "stopped": false, "missed_days": 2, "tremors": "none",
        "withdrawal_insomnia": "none", "irritability": "none", "cravings": "none",
        "angry_outbursts": "never"
    }));
    for (k, v) in changes.as_object().expect("object") {
        a[k] = v.clone();
    }
    a
}

/// Calm answers with a baclofen pump and its follow-ups answered calmly.
fn pump_answers(changes: Value) -> Value {
    let mut a = answers_with(json!({
        "pump": true, "pump_confusion": false, "pump_stiffness": false,
        "pump_itching": false, "pump_alarm": false
    }));
    for (k, v) in changes.as_object().expect("object") {
        a[k] = v.clone();
    }
    a
}

/// The alerts in a record, as (id, level, question).
fn record_alerts(record: &Value) -> Vec<(String, String, String)> {
    record["alerts"]
        .as_array()
        .expect("alerts")
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap_or_default().to_string(),
                a["level"].as_str().unwrap_or_default().to_string(),
                a["question"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn alert_triple(id: &str, level: &str, question: &str) -> (String, String, String) {
    (id.into(), level.into(), question.into())
}

/// One urgent case: answers that raise `id`, and what must be seen and saved.
struct Case {
    id: &'static str,
    level: &'static str,
    heading: &'static str,
    title: &'static str,
    question: &'static str,
    answers: Value,
    /// Numbers the box must show for the US.
    numbers: &'static [&'static str],
}

/// Calm answers with thoughts of suicide and the rest of the screen.
fn screen_answers(plan: bool, behavior: bool) -> Value {
    answers_with(json!({
        "suicidal_thoughts": true, "suicidal_plan": plan, "suicidal_behavior": behavior
    }))
}

fn urgent_cases() -> Vec<Case> {
    vec![
        Case {
            id: "breathing",
            level: "emergency",
            heading: EMERGENCY,
            title: "You had trouble breathing",
            question: "breathing",
            answers: answers_with(json!({"breathing": true})),
            numbers: &["911", "1-800-222-1222"],
        },
        Case {
            id: "seizure",
            level: "emergency",
            heading: EMERGENCY,
            title: "You had a seizure",
            question: "seizure",
            answers: answers_with(json!({"seizure": true})),
            numbers: &["911"],
        },
        Case {
            id: "suicidal_thoughts",
            level: "crisis",
            heading: CRISIS,
            title: "You have had thoughts of hurting yourself",
            question: "suicidal_thoughts",
            answers: screen_answers(false, false),
            numbers: &["988", "911"],
        },
        Case {
            id: "suicide_emergency",
            level: "emergency",
            heading: EMERGENCY,
            title: "You may act on thoughts of suicide",
            question: "suicidal_plan",
            answers: screen_answers(true, false),
            numbers: &["911", "988"],
        },
        Case {
            id: "suicide_emergency",
            level: "emergency",
            heading: EMERGENCY,
            title: "You may act on thoughts of suicide",
            question: "suicidal_behavior",
            answers: screen_answers(false, true),
            numbers: &["911", "988"],
        },
        Case {
            id: "hallucinations",
            level: "emergency",
            heading: EMERGENCY,
            title: "Seeing or hearing things that are not there",
            question: "hallucinations",
            answers: answers_with(json!({"hallucinations": true})),
            numbers: &["911"],
        },
        Case {
            id: "withdrawal_hallucinations",
            level: "emergency",
            heading: EMERGENCY,
            title: "Seeing or hearing things after missed doses",
            question: "hallucinations",
            answers: dose_change_answers(json!({"hallucinations": true})),
            numbers: &["911"],
        },
        Case {
            id: "fever_stiffness",
            level: "emergency",
            heading: EMERGENCY,
            title: "High fever or very stiff muscles",
            question: "fever_stiffness",
            answers: answers_with(json!({"fever_stiffness": true})),
            numbers: &["911"],
        },
        Case {
            id: "withdrawal_fever_stiffness",
            level: "emergency",
            heading: EMERGENCY,
            title: "High fever or very stiff muscles after missed doses",
            question: "fever_stiffness",
            answers: dose_change_answers(json!({"fever_stiffness": true})),
            numbers: &["911"],
        },
        Case {
            id: "pump_withdrawal",
            level: "emergency",
            heading: EMERGENCY,
            title: "Possible pump withdrawal",
            question: "fever_stiffness",
            answers: pump_answers(json!({"fever_stiffness": true})),
            numbers: &["911"],
        },
        Case {
            id: "overdose_signs",
            level: "emergency",
            heading: EMERGENCY,
            title: "Very bad sleepiness or confusion",
            question: "drowsiness",
            answers: answers_with(json!({"drowsiness": "very_severe"})),
            numbers: &["911", "1-800-222-1222"],
        },
        Case {
            id: "overdose_signs",
            level: "emergency",
            heading: EMERGENCY,
            title: "Very bad sleepiness or confusion",
            question: "confusion",
            answers: answers_with(json!({"confusion": "very_severe"})),
            numbers: &["911", "1-800-222-1222"],
        },
        Case {
            id: "pump_danger",
            level: "emergency",
            heading: EMERGENCY,
            title: "Very sleepy or confused with a baclofen pump",
            question: "pump_confusion",
            answers: pump_answers(json!({"pump_confusion": true})),
            numbers: &["911"],
        },
        Case {
            id: "severe_side_effect",
            level: "prescriber",
            heading: PRESCRIBER,
            title: "A side effect was severe",
            question: "dizziness",
            answers: answers_with(json!({"dizziness": "severe"})),
            numbers: &[],
        },
        Case {
            id: "severe_low_mood",
            level: "prescriber",
            heading: PRESCRIBER,
            title: "You have felt very down",
            question: "depression",
            answers: answers_with(json!({"depression": 3})),
            numbers: &["988"],
        },
        Case {
            id: "pump_warning",
            level: "prescriber",
            heading: PRESCRIBER,
            title: "Your pump may not be giving enough baclofen",
            question: "pump_alarm",
            answers: pump_answers(json!({"pump_alarm": true})),
            numbers: &["911"],
        },
        Case {
            id: "stopped",
            level: "prescriber",
            heading: PRESCRIBER,
            title: "You have stopped baclofen, or missed it every day",
            question: "stopped",
            answers: dose_change_answers(json!({"stopped": true})),
            numbers: &[],
        },
        // With "about you" answers (the answers file's "profile").
        Case {
            id: "overdose_signs_at_risk",
            level: "emergency",
            heading: EMERGENCY,
            title: "Sleepy or confused, with kidney problems or age 65+",
            question: "drowsiness",
            answers: answers_with(json!({"profile": {"kidney": true}, "drowsiness": "severe"})),
            numbers: &["911", "1-800-222-1222"],
        },
        Case {
            id: "pregnant_stopped",
            level: "prescriber",
            heading: PRESCRIBER,
            title: "Stopped or missed every day, while pregnant or breastfeeding",
            question: "stopped",
            answers: dose_change_answers(json!({"profile": {"pregnant": true}, "stopped": true})),
            numbers: &[],
        },
        Case {
            id: "epilepsy_stopped",
            level: "prescriber",
            heading: PRESCRIBER,
            title: "Stopped or missed every day, with epilepsy or seizures",
            question: "stopped",
            answers: dose_change_answers(json!({"profile": {"epilepsy": true}, "stopped": true})),
            numbers: &["911"],
        },
        Case {
            id: "withdrawal_symptoms",
            level: "prescriber",
            heading: PRESCRIBER,
            title: "Signs of withdrawal",
            question: "tremors",
            answers: dose_change_answers(json!({"tremors": "severe"})),
            numbers: &[],
        },
        Case {
            id: "more_than_prescribed",
            level: "prescriber",
            heading: PRESCRIBER,
            title: "You took more than prescribed",
            question: "more_than_prescribed",
            answers: answers_with(json!({"more_than_prescribed": true})),
            numbers: &["911", "1-800-222-1222"],
        },
        Case {
            id: "suicidal_overdose",
            level: "emergency",
            heading: EMERGENCY,
            title: "Thoughts of suicide and more baclofen than prescribed",
            question: "more_than_prescribed",
            answers: {
                let mut a = screen_answers(false, false);
                a["more_than_prescribed"] = json!(true);
                a
            },
            numbers: &["911", "1-800-222-1222", "988"],
        },
        Case {
            id: "alcohol_with_breathing",
            level: "emergency",
            heading: EMERGENCY,
            title: "Trouble breathing with alcohol or sleepy drugs",
            question: "alcohol_sedatives",
            answers: answers_with(json!({"breathing": true, "alcohol_sedatives": true})),
            numbers: &["911", "1-800-222-1222"],
        },
    ]
}

// ---------------------------------------------------------------------------------
// Every urgent item in the bundled bank.

#[test]
fn every_urgent_rule_in_the_bank_has_a_case_here() {
    let tested: BTreeSet<(String, String)> = urgent_cases()
        .iter()
        .map(|c| (c.id.to_string(), c.level.to_string()))
        .collect();
    assert_eq!(
        urgent_rules(),
        tested,
        "every urgent alert rule of the bundled bank needs a case in urgent_cases()"
    );
}

#[test]
fn every_urgent_alert_shows_its_box_and_is_saved() {
    for case in urgent_cases() {
        let env = Env::new();
        let out = env
            .check(&case.answers, &[])
            .label(format!("{} via {}", case.id, case.question))
            .code(0);
        let shown = box_with(&out, case.title);
        assert!(shown.contains(case.heading), "{}: {shown}", case.id);
        for n in case.numbers {
            assert!(shown.contains(n), "{}: no {n} in {shown}", case.id);
        }
        assert!(shown.contains("United States (US)"), "{shown}");
        let records = env.records();
        assert_eq!(records.len(), 1, "{}", case.id);
        assert_eq!(records[0]["status"], "completed");
        assert!(
            record_alerts(&records[0]).contains(&alert_triple(case.id, case.level, case.question)),
            "{} ({}, {}) not in {}",
            case.id,
            case.level,
            case.question,
            records[0]["alerts"]
        );
    }
}

#[test]
fn a_suicide_plan_shows_one_emergency_box_in_place_of_the_crisis_one() {
    let env = Env::new();
    let out = env.check(&screen_answers(true, false), &[]).code(0);
    // The screen is one block: one box at its end, at the level of the whole.
    let boxes = alert_boxes(&stderr(&out));
    assert_eq!(boxes.len(), 1, "{boxes:#?}");
    assert!(
        boxes[0].contains("You may act on thoughts of suicide"),
        "{boxes:?}"
    );
    assert!(boxes[0].contains(EMERGENCY), "{boxes:?}");
    let alerts = record_alerts(&env.records()[0]);
    assert_eq!(
        alerts,
        vec![alert_triple(
            "suicide_emergency",
            "emergency",
            "suicidal_plan"
        )]
    );
}

#[test]
fn answers_that_end_inside_the_screen_still_show_its_alert() {
    // A file with "thoughts: yes" and no plan answer is refused, as any file with a
    // missing answer is, but the crisis box is shown first: an urgent answer is never
    // lost to a mistake in the file.
    let env = env_with_one_record();
    let before = std::fs::read(env.log_path()).expect("log");
    let out = env
        .check(&answers_with(json!({"suicidal_thoughts": true})), &[])
        .code(2);
    let shown = box_with(&out, "You have had thoughts of hurting yourself");
    assert!(shown.contains(CRISIS) && shown.contains("988"), "{shown}");
    let err = stderr(&out);
    assert!(err.contains("\"suicidal_plan\""), "{err}");
    assert!(
        err.find("GET SUPPORT NOW") < err.find("missing an answer"),
        "the box comes before the error: {err}"
    );
    assert_nothing_saved(&env, &before);

    // A plan answer of the wrong type, after "yes" to the plan... is the same.
    let out = env
        .check(
            &answers_with(json!({"suicidal_thoughts": true, "suicidal_plan": "yes"})),
            &[],
        )
        .code(2);
    box_with(&out, "You have had thoughts of hurting yourself");
    assert_nothing_saved(&env, &before);
}

#[test]
fn alcohol_with_breathing_replaces_both_smaller_alerts() {
    let env = Env::new();
    env.check(
        &answers_with(json!({"breathing": true, "alcohol_sedatives": true})),
        &[],
    )
    .code(0);
    let ids: Vec<String> = record_alerts(&env.records()[0])
        .into_iter()
        .map(|a| a.0)
        .collect();
    assert_eq!(ids, vec!["alcohol_with_breathing"]);
}

#[test]
fn pump_alerts_only_with_a_pump() {
    let env = Env::new();
    let out = env
        .check(&pump_answers(json!({"pump_alarm": true})), &[])
        .code(0);
    assert!(
        box_with(&out, "Your pump may not be giving enough baclofen").contains("baclofen pump")
    );

    // Without a pump, the pump questions are not asked and nothing is raised.
    let env = Env::new();
    let out = env
        .check(
            &answers_with(json!({"pump": false, "pump_alarm": true})),
            &[],
        )
        .code(0);
    assert!(alert_boxes(&stderr(&out)).is_empty(), "{}", stderr(&out));
    assert_eq!(env.records()[0]["alerts"], json!([]));
}

#[test]
fn very_severe_drowsiness_shows_the_overdose_box_alone() {
    let env = Env::new();
    let out = env
        .check(&answers_with(json!({"drowsiness": "very_severe"})), &[])
        .code(0);
    let alerts = record_alerts(&env.records()[0]);
    assert_eq!(
        alerts,
        vec![alert_triple("overdose_signs", "emergency", "drowsiness")]
    );
    let boxes = alert_boxes(&stderr(&out));
    assert_eq!(boxes.len(), 1, "one box, not two: {boxes:#?}");
    assert!(boxes[0].contains("Very bad sleepiness"), "{boxes:?}");
}

#[test]
fn each_region_gives_its_own_numbers_as_people_dial_them() {
    let cases: &[(&str, &[&str], &str)] = &[
        (
            "US",
            &["Call 911", "Call or text 988"],
            "United States (US)",
        ),
        ("GB", &["Call 999", "Call 116 123"], "United Kingdom (GB)"),
        ("AU", &["Call 000", "Call 13 11 14"], "Australia (AU)"),
        ("ES", &["Call 112", "Call 024"], "Spain (ES)"),
        ("DE", &["Call 112", "0800 111 0 111"], "Germany (DE)"),
        ("IT", &["Call 112", "Call 116 123"], "IT uses EU numbers"),
    ];
    let answers = screen_answers(true, false);
    for (region, numbers, note) in cases {
        let env = Env::new();
        let out = env
            .check(&answers, &["--region", region])
            .label(region)
            .code(0);
        let shown = box_with(&out, "You may act on thoughts of suicide");
        for n in *numbers {
            assert!(shown.contains(n), "{region}: no {n:?} in {shown}");
        }
        assert!(shown.contains(note), "{region}: {shown}");
        if *region != "US" {
            assert!(!shown.contains("911"), "{region}: {shown}");
        }
    }
}

#[test]
fn breathing_alert_in_gb_gives_999_and_nhs_111() {
    let env = Env::new();
    let out = env
        .check(
            &answers_with(json!({"breathing": true})),
            &["--region", "gb"],
        )
        .code(0);
    let shown = box_with(&out, "You had trouble breathing");
    assert!(shown.contains("call 999 now"), "{shown}");
    assert!(shown.contains("Call 111"), "{shown}");
    assert_eq!(env.records()[0]["region"], "GB");
}

// ---------------------------------------------------------------------------------
// Errors: exit 2, one clear line, nothing saved.

/// An Env whose log already holds one check-in, so "nothing saved" is checked
/// against a real log.
fn env_with_one_record() -> Env {
    let env = Env::new();
    env.check(&calm_answers(), &[]).code(0);
    assert_eq!(env.records().len(), 1);
    env
}

/// Runs `check --answers` on raw file contents.
fn check_raw(env: &Env, contents: &str) -> Ran {
    let f = env.file("raw.json", contents);
    env.cmd().args(["check", "--answers"]).arg(f).run()
}

/// Exit 2, exactly one error line (the last), naming each of `names`; no "Saved".
fn assert_input_error(out: &Ran, names: &[&str]) -> String {
    let err = stderr(out.code(2));
    let errors: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("sidecheck: error:"))
        .collect();
    assert_eq!(errors.len(), 1, "one error line expected:\n{err}");
    assert_eq!(err.trim_end().lines().last(), Some(errors[0]), "{err}");
    for n in names {
        assert!(errors[0].contains(n), "{n:?} not named in: {}", errors[0]);
    }
    assert!(!err.contains("Saved"), "{err}");
    assert!(stdout(out).is_empty(), "{}", stdout(out));
    errors[0].to_string()
}

/// The log is byte for byte what it was.
fn assert_nothing_saved(env: &Env, before: &[u8]) {
    let after = std::fs::read(env.log_path()).expect("log");
    assert_eq!(
        String::from_utf8_lossy(before),
        String::from_utf8_lossy(&after),
        "the log changed"
    );
}

#[test]
fn bad_answers_are_refused_with_the_question_id_and_nothing_is_saved() {
    let env = env_with_one_record();
    let before = std::fs::read(env.log_path()).expect("log");
    let mut unknown = calm_answers();
    unknown["breathin"] = json!(false);
    let cases: Vec<(&str, Value, &[&str])> = vec![
        (
            "unknown id",
            unknown,
            &["\"breathin\"", "unknown question id"],
        ),
        (
            "text for yes/no",
            answers_with(json!({"breathing": "maybe"})),
            &["\"breathing\"", "true or false"],
        ),
        (
            "number for yes/no",
            answers_with(json!({"breathing": 3})),
            &["\"breathing\"", "wrong type"],
        ),
        (
            "null for yes/no",
            answers_with(json!({"seizure": null})),
            &["\"seizure\""],
        ),
        (
            "scale score 7",
            answers_with(json!({"drowsiness": 7})),
            &["\"drowsiness\"", "7", "very_severe"],
        ),
        (
            "option extreme",
            answers_with(json!({"weakness": "extreme"})),
            &["\"weakness\"", "\"extreme\"", "very_severe"],
        ),
        (
            "list for a scale",
            answers_with(json!({"insomnia": ["mild"]})),
            &["\"insomnia\""],
        ),
        (
            "missed_days 9",
            dose_change_answers(json!({"missed_days": 9})),
            &["\"missed_days\"", "1 to 7"],
        ),
        (
            "missed_days 2.5",
            dose_change_answers(json!({"missed_days": 2.5})),
            &["\"missed_days\"", "whole number"],
        ),
        (
            "missed_days as text",
            dose_change_answers(json!({"missed_days": "two"})),
            &["\"missed_days\""],
        ),
        (
            // "Yes, I missed or cut doses" and then 0 days: asked again, with why.
            "missed_days 0",
            dose_change_answers(json!({"missed_days": 0})),
            &[
                "\"missed_days\"",
                "1 to 7",
                "You said you missed or cut doses",
            ],
        ),
        (
            "notes as a number",
            answers_with(json!({"notes": 5})),
            &["\"notes\""],
        ),
        (
            "notes too long",
            answers_with(json!({"notes": "x".repeat(1001)})),
            &["\"notes\"", "too long"],
        ),
    ];
    for (what, answers, names) in cases {
        let out = env.check(&answers, &[]);
        let line = assert_input_error(&out, names);
        // Calm answers raise nothing, so the error is all there is to read.
        assert_eq!(stderr(&out).lines().count(), 1, "{what}: {}", stderr(&out));
        assert!(line.len() < 400, "{what}: not one short line: {line}");
        assert_nothing_saved(&env, &before);
    }
}

#[test]
fn a_missing_answer_is_refused_with_the_question_id() {
    let env = env_with_one_record();
    let before = std::fs::read(env.log_path()).expect("log");
    let mut a = calm_answers();
    a.as_object_mut().expect("object").remove("seizure");
    let out = env.check(&a, &[]);
    assert_input_error(&out, &["missing", "\"seizure\"", "true or false"]);
    assert_nothing_saved(&env, &before);

    // The last question too: nothing is saved half-way.
    let mut a = calm_answers();
    a.as_object_mut().expect("object").remove("notes");
    assert_input_error(&env.check(&a, &[]), &["\"notes\""]);
    assert_nothing_saved(&env, &before);
}

#[test]
fn a_follow_up_that_is_asked_must_be_answered() {
    let env = env_with_one_record();
    let before = std::fs::read(env.log_path()).expect("log");

    let out = env.check(
        &answers_with(json!({"suicidal_thoughts": true, "suicidal_plan": false})),
        &[],
    );
    assert_input_error(&out, &["\"suicidal_behavior\"", "suicidal_thoughts"]);
    assert_nothing_saved(&env, &before);

    let out = env.check(&answers_with(json!({"dose_change": true})), &[]);
    assert_input_error(&out, &["\"stopped\"", "dose_change"]);
    assert_nothing_saved(&env, &before);

    let out = env.check(
        &answers_with(json!({"dose_change": true, "stopped": false})),
        &[],
    );
    assert_input_error(&out, &["\"missed_days\"", "dose_change", "stopped"]);
    assert_nothing_saved(&env, &before);

    let out = env.check(&answers_with(json!({"pump": true})), &[]);
    assert_input_error(&out, &["\"pump_confusion\"", "pump"]);
    assert_nothing_saved(&env, &before);
}

#[test]
fn malformed_json_names_the_line_and_column() {
    let env = env_with_one_record();
    let before = std::fs::read(env.log_path()).expect("log");
    let out = check_raw(&env, "{\n  \"breathing\": false,\n  \"seizure\" false\n}\n");
    let line = assert_input_error(&out, &["raw.json", "line 3, column"]);
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(!line.contains("column 0"), "{line}");
    assert_nothing_saved(&env, &before);

    // A file cut short.
    let out = check_raw(&env, "{\"breathing\": false,");
    assert_input_error(&out, &["raw.json", "line 1, column"]);
    assert_nothing_saved(&env, &before);

    // An empty file: no place to point at, so it says what the file should hold.
    let out = check_raw(&env, "");
    assert_input_error(&out, &["raw.json", "is empty", "JSON object"]);
    assert_nothing_saved(&env, &before);
}

#[test]
fn a_json_array_is_not_an_answers_file() {
    let env = env_with_one_record();
    let before = std::fs::read(env.log_path()).expect("log");
    let out = check_raw(&env, "[{\"breathing\": false}]");
    let line = assert_input_error(&out, &["raw.json", "JSON object", "line 1, column"]);
    assert!(!line.contains("column 0"), "columns count from 1: {line}");
    assert_nothing_saved(&env, &before);
}

#[test]
fn a_duplicate_key_is_refused() {
    let env = env_with_one_record();
    let before = std::fs::read(env.log_path()).expect("log");
    let calm = calm_answers().to_string();
    // The same id twice, the second time with a different answer.
    let twice = calm.replacen('{', "{\"breathing\": true, ", 1);
    let out = check_raw(&env, &twice);
    assert_input_error(&out, &["\"breathing\"", "twice"]);
    assert!(!stderr(&out).contains(EMERGENCY), "{}", stderr(&out));
    assert_nothing_saved(&env, &before);
}

#[test]
fn a_missing_answers_file_is_named() {
    let env = env_with_one_record();
    let before = std::fs::read(env.log_path()).expect("log");
    let missing = env.tmp.path().join("no-such-answers.json");
    let out = env.cmd().args(["check", "--answers"]).arg(&missing).run();
    assert_input_error(&out, &["no-such-answers.json", "does not exist"]);
    assert_nothing_saved(&env, &before);
}

// ---------------------------------------------------------------------------------
// Ignored follow-ups, stdin, --json.

#[test]
fn answers_to_follow_ups_that_are_not_asked_are_ignored_with_a_notice() {
    let env = Env::new();
    let answers = answers_with(json!({
        "suicidal_plan": true, "pump_alarm": true, "missed_days": 3
    }));
    let out = env.check(&answers, &[]).code(0);
    let err = stderr(&out);
    for id in ["suicidal_plan", "pump_alarm", "missed_days"] {
        assert!(
            err.lines()
                .any(|l| l.contains("ignored") && l.contains(&format!("\"{id}\""))),
            "no notice for {id}:\n{err}"
        );
    }
    assert!(alert_boxes(&err).is_empty(), "{err}");
    let records = env.records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["status"], "completed");
    assert_eq!(records[0]["alerts"], json!([]));
    let saved: Vec<&str> = records[0]["answers"]
        .as_array()
        .expect("answers")
        .iter()
        .filter_map(|a| a["question"].as_str())
        .collect();
    for id in ["suicidal_plan", "pump_alarm", "missed_days"] {
        assert!(!saved.contains(&id), "{id} was saved: {saved:?}");
    }
}

#[test]
fn answers_can_come_from_standard_input() {
    let env = Env::new();
    env.cmd()
        .args(["check", "--answers", "-", "--json"])
        .write_stdin(answers_with(json!({"seizure": true})).to_string())
        .timeout(Duration::from_secs(30))
        .run()
        .code(0);
    let records = env.records();
    assert_eq!(records.len(), 1);
    assert_eq!(
        record_alerts(&records[0]),
        vec![alert_triple("seizure", "emergency", "seizure")]
    );

    // Errors name standard input.
    let out = env
        .cmd()
        .args(["check", "--answers", "-"])
        .write_stdin("{\"breathing\": yes}")
        .timeout(Duration::from_secs(30))
        .run();
    assert_input_error(&out, &["standard input", "line 1, column"]);
    assert_eq!(env.records().len(), 1);
}

#[test]
fn json_goes_to_stdout_and_alerts_to_stderr_only() {
    let env = Env::new();
    let out = env
        .check(
            &answers_with(
                json!({"breathing": true, "suicidal_thoughts": true, "suicidal_plan": false,
                       "suicidal_behavior": false}),
            ),
            &["--json"],
        )
        .code(0);
    let text = stdout(&out);
    let printed: Value = serde_json::from_str(&text).expect("stdout is one JSON record");
    let records = env.records();
    assert_eq!(records.len(), 1);
    assert_eq!(printed, records[0]);
    assert_eq!(
        record_alerts(&printed),
        vec![
            alert_triple("breathing", "emergency", "breathing"),
            alert_triple("suicidal_thoughts", "crisis", "suicidal_thoughts"),
        ]
    );
    for alert_text in [
        EMERGENCY, CRISIS, "911", "988", "╔", "Call", "Saved", "note:",
    ] {
        assert!(
            !text.contains(alert_text),
            "{alert_text:?} on stdout:\n{text}"
        );
    }
    let err = stderr(&out);
    assert!(err.contains(EMERGENCY) && err.contains(CRISIS), "{err}");
    assert!(err.contains("Saved to"), "{err}");
}

#[test]
fn without_json_stdout_stays_empty() {
    let env = Env::new();
    let out = env
        .check(&answers_with(json!({"breathing": true})), &[])
        .code(0);
    assert_eq!(stdout(&out), "");
}

// ---------------------------------------------------------------------------------
// No terminal, regions, the data folder.

#[test]
fn without_a_terminal_or_answers_it_stops_at_once() {
    for args in [&[][..], &["check"][..]] {
        let env = Env::new();
        let out = env
            .cmd()
            .args(args)
            .timeout(Duration::from_secs(20))
            .run()
            .code(2);
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("--answers"), "{args:?}: {err}");
        assert!(!env.log_path().exists(), "{args:?}: a log was made");
    }
}

#[test]
fn an_unknown_region_is_refused_by_name() {
    let env = Env::new();
    let out = env.check(&calm_answers(), &["--region", "XX"]);
    let line = assert_input_error(&out, &["\"XX\"", "sidecheck regions"]);
    assert!(line.contains("GB"), "{line}");
    assert!(env.records().is_empty());
}

#[test]
fn region_comes_from_the_locale() {
    let env = Env::new();
    let f = env.file(
        "a.json",
        answers_with(json!({"breathing": true})).to_string(),
    );
    let out = env
        .cmd()
        .env("LANG", "en_GB.UTF-8")
        .args(["check", "--answers"])
        .arg(f)
        .run()
        .code(0);
    let shown = box_with(&out, "You had trouble breathing");
    assert!(shown.contains("Call 999"), "{shown}");
    assert!(!shown.contains("911"), "{shown}");
    assert!(shown.contains("from LANG"), "{shown}");
    assert_eq!(env.records()[0]["region"], "GB");
}

#[test]
fn regions_lists_every_supported_region() {
    let out = Command::new(bin()).arg("regions").run().code(0);
    let codes: Vec<String> = stdout(&out)
        .lines()
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.len() == 2 && w.chars().all(|c| c.is_ascii_uppercase()))
        .map(str::to_string)
        .collect();
    for c in ["US", "CA", "GB", "IE", "ES", "MX", "AU", "NZ", "EU"] {
        assert!(codes.iter().any(|x| x == c), "{c} missing from {codes:?}");
    }

    let out = Command::new(bin())
        .args(["regions", "--json"])
        .output()
        .expect("run sidecheck");
    let all: Value = serde_json::from_slice(&out.stdout).expect("regions JSON");
    let gb = all
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["code"] == "GB")
        .expect("GB");
    assert_eq!(gb["emergency"]["call"], "999");
    assert_eq!(gb["crisis"]["call"], "116 123");
}

/// A command with no data folder set at all.
fn bare_cmd(env: &Env) -> Command {
    let mut c = Command::new(bin());
    c.env_remove("SIDECHECK_DATA_DIR")
        .env("NO_COLOR", "1")
        .env("LANG", "en_US.UTF-8")
        .env("HOME", env.tmp.path().join("home"))
        .env("XDG_DATA_HOME", env.tmp.path().join("xdg"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

#[test]
fn the_data_folder_comes_from_the_flag_else_the_environment() {
    let env = Env::new();
    let answers = env.file("a.json", calm_answers().to_string());
    let from_env = env.tmp.path().join("from-env");
    let from_flag = env.tmp.path().join("from-flag");

    bare_cmd(&env)
        .env("SIDECHECK_DATA_DIR", &from_env)
        .args(["check", "--answers"])
        .arg(&answers)
        .run()
        .code(0);
    assert_eq!(read_records(&from_env.join("checkins.jsonl")).len(), 1);

    bare_cmd(&env)
        .env("SIDECHECK_DATA_DIR", &from_env)
        .arg("--data-dir")
        .arg(&from_flag)
        .args(["check", "--answers"])
        .arg(&answers)
        .run()
        .code(0);
    assert_eq!(read_records(&from_flag.join("checkins.jsonl")).len(), 1);
    // The flag won: the folder from the environment still holds only the first.
    assert_eq!(read_records(&from_env.join("checkins.jsonl")).len(), 1);

    // `show` reads the same folder.
    let out = bare_cmd(&env)
        .env("SIDECHECK_DATA_DIR", &from_flag)
        .args(["show", "last", "--json"])
        .run()
        .code(0);
    let shown: Value = serde_json::from_slice(&out.stdout).expect("record JSON");
    assert_eq!(
        shown["id"],
        read_records(&from_flag.join("checkins.jsonl"))[0]["id"]
    );
}

#[test]
fn an_unwritable_data_folder_still_shows_the_alert_then_says_not_saved() {
    let env = Env::new();
    let blocker = env.file("not-a-folder", "x");
    let data = blocker.join("data");
    let answers = env.file(
        "a.json",
        answers_with(json!({"breathing": true})).to_string(),
    );
    let out = bare_cmd(&env)
        .arg("--data-dir")
        .arg(&data)
        .args(["check", "--answers"])
        .arg(&answers)
        .run()
        .code(1);
    let err = stderr(&out);
    // The urgent answer is never hidden, even when it cannot be saved...
    let alert = err.find("EMERGENCY").expect("alert shown");
    assert!(err.contains("911"), "{err}");
    // ...and then the person is told plainly, in one line, that nothing was saved.
    let error_lines: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("sidecheck:"))
        .collect();
    assert_eq!(error_lines.len(), 1, "{err}");
    assert!(err.find("NOT saved").expect("not saved") > alert, "{err}");
    assert!(error_lines[0].contains("not-a-folder"), "{err}");
    assert!(
        error_lines[0].contains("--data-dir"),
        "says what to do: {err}"
    );
    assert!(stdout(&out).is_empty());
    assert_eq!(std::fs::read_to_string(&blocker).expect("blocker"), "x");

    // The same when the folder comes from the environment.
    bare_cmd(&env)
        .env("SIDECHECK_DATA_DIR", &data)
        .args(["check", "--answers"])
        .arg(&answers)
        .run()
        .code(1)
        .stderr_has("NOT saved");
}
