//! The scenario table: for each answers file in `tests/corpus/scenarios/`, the alert
//! boxes a person sees (in order) and the alerts the record keeps (id and level),
//! checked twice: through the pure flow, and through `sidecheck check --answers`.
//! The two must agree, so the scripted mode shows what the guided one would.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::Value;
use sidecheck::answer::Answer;
use sidecheck::bank::Bank;
use sidecheck::flow::Flow;
use sidecheck::profile::Profile;

use crate::support::*;

/// What a scenario must give.
enum Expect {
    /// The boxes shown, in order, and the alerts saved, most urgent first.
    Alerts {
        shown: &'static [&'static str],
        saved: &'static [(&'static str, &'static str)],
    },
    /// The file is refused at this question, with words that say why.
    Refused {
        question: &'static str,
        says: &'static [&'static str],
    },
}

use Expect::*;

/// One row: an answers file (its name in `tests/corpus/scenarios/`) and what it gives.
const TABLE: &[(&str, Expect)] = &[
    (
        "calm",
        Alerts {
            shown: &[],
            saved: &[],
        },
    ),
    // The suicide screen is one block: one box after its last question.
    (
        "thoughts-only",
        Alerts {
            shown: &["suicidal_thoughts"],
            saved: &[("suicidal_thoughts", "crisis")],
        },
    ),
    (
        "thoughts-and-plan",
        Alerts {
            shown: &["suicide_emergency"],
            saved: &[("suicide_emergency", "emergency")],
        },
    ),
    (
        "thoughts-and-behaviour",
        Alerts {
            shown: &["suicide_emergency"],
            saved: &[("suicide_emergency", "emergency")],
        },
    ),
    (
        "thoughts-and-more-than-prescribed",
        Alerts {
            shown: &["suicidal_thoughts", "suicidal_overdose"],
            saved: &[
                ("suicidal_overdose", "emergency"),
                ("suicidal_thoughts", "crisis"),
            ],
        },
    ),
    // Danger signs, asked of everyone; the words fit a dose change when there was one.
    (
        "hallucinations-without-dose-change",
        Alerts {
            shown: &["hallucinations"],
            saved: &[("hallucinations", "emergency")],
        },
    ),
    (
        "hallucinations-with-dose-change",
        Alerts {
            shown: &["withdrawal_hallucinations"],
            saved: &[
                ("withdrawal_hallucinations", "emergency"),
                ("dose_change", "advice"),
            ],
        },
    ),
    (
        "fever-stiffness-without-dose-change",
        Alerts {
            shown: &["fever_stiffness"],
            saved: &[("fever_stiffness", "emergency")],
        },
    ),
    (
        "fever-stiffness-with-dose-change",
        Alerts {
            shown: &["withdrawal_fever_stiffness"],
            saved: &[
                ("withdrawal_fever_stiffness", "emergency"),
                ("dose_change", "advice"),
            ],
        },
    ),
    // Stopping.
    (
        "stopped-explicit",
        Alerts {
            shown: &["stopped"],
            saved: &[("stopped", "prescriber")],
        },
    ),
    (
        "missed-all-7-days",
        Alerts {
            shown: &["stopped"],
            saved: &[("stopped", "prescriber")],
        },
    ),
    (
        "missed-0-days-refused",
        Refused {
            question: "missed_days",
            says: &["1 to 7", "You said you missed or cut doses"],
        },
    ),
    // Pump users.
    (
        "pump-alarm",
        Alerts {
            shown: &["pump_warning"],
            saved: &[("pump_warning", "prescriber")],
        },
    ),
    (
        "pump-itching",
        Alerts {
            shown: &["pump_warning"],
            saved: &[("pump_warning", "prescriber")],
        },
    ),
    (
        "pump-old-stiffness-back",
        Alerts {
            shown: &["pump_warning"],
            saved: &[("pump_warning", "prescriber")],
        },
    ),
    (
        "pump-fever-stiffness",
        Alerts {
            shown: &["pump_withdrawal"],
            saved: &[("pump_withdrawal", "emergency")],
        },
    ),
    (
        "pump-hard-to-wake",
        Alerts {
            shown: &["pump_danger"],
            saved: &[("pump_danger", "emergency")],
        },
    ),
    (
        "pump-very-severe-drowsiness",
        Alerts {
            shown: &["pump_danger"],
            saved: &[("pump_danger", "emergency")],
        },
    ),
    (
        "pump-very-severe-drowsiness-and-hard-to-wake",
        Alerts {
            shown: &["pump_danger"],
            saved: &[("pump_danger", "emergency")],
        },
    ),
    // Who is at higher risk: the "about you" answers in the file's "profile".
    // Kidney problems or age 65 or older: severe (not only very severe) sleepiness
    // or confusion is an overdose sign, in one box that says why.
    (
        "kidney-severe-drowsiness",
        Alerts {
            shown: &["overdose_signs_at_risk"],
            saved: &[("overdose_signs_at_risk", "emergency")],
        },
    ),
    (
        "severe-drowsiness-without-kidney",
        Alerts {
            shown: &["severe_side_effect"],
            saved: &[("severe_side_effect", "prescriber")],
        },
    ),
    (
        "older-severe-confusion",
        Alerts {
            shown: &["overdose_signs_at_risk"],
            saved: &[("overdose_signs_at_risk", "emergency")],
        },
    ),
    (
        "pump-kidney-very-severe-drowsiness",
        Alerts {
            shown: &["pump_danger"],
            saved: &[("pump_danger", "emergency")],
        },
    ),
    // Pregnant or breastfeeding: the dose-change words name the baby.
    (
        "pregnant-missed-doses",
        Alerts {
            shown: &[],
            saved: &[("pregnant_dose_change", "advice")],
        },
    ),
    (
        "pregnant-stopped",
        Alerts {
            shown: &["pregnant_stopped"],
            saved: &[("pregnant_stopped", "prescriber")],
        },
    ),
    // Epilepsy: stopping can bring on seizures.
    (
        "epilepsy-missed-all-7-days",
        Alerts {
            shown: &["epilepsy_stopped"],
            saved: &[("epilepsy_stopped", "prescriber")],
        },
    ),
    // Driving: sleepy means do not drive.
    (
        "driver-mild-drowsiness",
        Alerts {
            shown: &[],
            saved: &[("drowsy_driving", "advice")],
        },
    ),
    (
        "non-driver-mild-drowsiness",
        Alerts {
            shown: &[],
            saved: &[],
        },
    ),
    // The overdose box stands in for the severe box of the same answer.
    (
        "very-severe-drowsiness",
        Alerts {
            shown: &["overdose_signs"],
            saved: &[("overdose_signs", "emergency")],
        },
    ),
    (
        "very-severe-drowsiness-and-severe-nausea",
        Alerts {
            shown: &["severe_side_effect", "overdose_signs"],
            saved: &[
                ("overdose_signs", "emergency"),
                ("severe_side_effect", "prescriber"),
            ],
        },
    ),
];

fn scenario_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/scenarios")
}

fn scenario(name: &str) -> Value {
    let path = scenario_dir().join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Alert ids in the order shown, and (id, level) as saved.
type Outcome = (Vec<String>, Vec<(String, String)>);

/// What the pure flow gives for the answers; or the question and message of a
/// refused answer.
fn through_the_flow(bank: &Bank, answers: &Value) -> Result<Outcome, (String, String)> {
    // The "about you" answers, as `check --answers` reads them from the file.
    let profile = answers
        .get("profile")
        .map(|p| Profile::from_json(bank, p).expect("a valid profile"))
        .unwrap_or_default();
    let mut flow = Flow::with_profile(bank, profile);
    let mut shown = Vec::new();
    while let Some(q) = flow.current() {
        let v = answers
            .get(&q.id)
            .unwrap_or_else(|| panic!("the file has no answer to {}", q.id));
        let a = Answer::from_json(bank, q, v).map_err(|e| (e.question, e.message))?;
        shown.extend(flow.answer(a).into_iter().map(|r| r.id.clone()));
    }
    // Every answer in the file is used: a row tests what it says it tests.
    for key in answers.as_object().expect("an object").keys() {
        if key == "profile" {
            continue;
        }
        assert!(flow.answer_to(key).is_some(), "{key} is not asked");
    }
    let saved = flow
        .alert_records()
        .into_iter()
        .map(|a| (a.id.into_string(), a.level.as_str().to_string()))
        .collect();
    Ok((shown, saved))
}

/// The alert each box on stderr shows, in order, known by its title: the first
/// paragraph of a box is its heading and then its title.
fn boxes_shown(bank: &Bank, stderr: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut head: Option<Vec<String>> = None;
    for line in stderr.lines() {
        let t = line.trim();
        if t.starts_with('╔') || t.starts_with('┌') {
            head = Some(Vec::new());
            continue;
        }
        let Some(lines) = head.as_mut() else { continue };
        let inner = t.trim_matches(|c| c == '║' || c == '│').trim();
        if !inner.is_empty() {
            lines.push(inner.to_string());
            continue;
        }
        let first = lines.join(" ");
        let matching: Vec<&str> = bank
            .alerts
            .iter()
            .filter(|r| first.ends_with(&r.title))
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(matching.len(), 1, "which alert is {first:?}?");
        ids.push(matching[0].to_string());
        head = None;
    }
    ids
}

fn owned(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn owned_pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn every_scenario_file_has_a_row_and_every_row_a_file() {
    let files: BTreeSet<String> = std::fs::read_dir(scenario_dir())
        .expect("scenario folder")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".json"))
                .map(str::to_string)
        })
        .collect();
    let rows: BTreeSet<String> = TABLE.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(files, rows);
}

#[test]
fn alert_titles_tell_the_alerts_apart_so_a_box_names_its_alert() {
    let bank = Bank::bundled().expect("bundled bank");
    for rule in &bank.alerts {
        for other in &bank.alerts {
            assert!(
                other.id == rule.id || !other.title.ends_with(&rule.title),
                "{:?} ends with {:?}",
                other.title,
                rule.title
            );
        }
    }
}

#[test]
fn each_scenario_through_the_pure_flow() {
    let bank = Bank::bundled().expect("bundled bank");
    for (name, expect) in TABLE {
        let got = through_the_flow(&bank, &scenario(name));
        match expect {
            Alerts { shown, saved } => {
                let (s, r) = got.unwrap_or_else(|e| panic!("{name}: refused: {e:?}"));
                assert_eq!(s, owned(shown), "{name}: boxes shown");
                assert_eq!(r, owned_pairs(saved), "{name}: alerts saved");
            }
            Refused { question, says } => {
                let (q, message) = got.err().unwrap_or_else(|| panic!("{name}: accepted"));
                assert_eq!(q, *question, "{name}");
                for s in *says {
                    assert!(message.contains(s), "{name}: {s:?} not in {message}");
                }
            }
        }
    }
}

#[test]
fn each_scenario_through_the_scripted_binary() {
    let bank = Bank::bundled().expect("bundled bank");
    for (name, expect) in TABLE {
        let env = Env::new();
        let out = env.check(&scenario(name), &[]).label(name);
        let err = stderr(&out);
        match expect {
            Alerts { shown, saved } => {
                out.code(0);
                assert_eq!(boxes_shown(&bank, &err), owned(shown), "{name}:\n{err}");
                let records = env.records();
                assert_eq!(records.len(), 1, "{name}");
                assert_eq!(records[0]["status"], "completed", "{name}");
                let alerts: Vec<(String, String)> = records[0]["alerts"]
                    .as_array()
                    .expect("alerts")
                    .iter()
                    .map(|a| {
                        (
                            a["id"].as_str().unwrap_or_default().to_string(),
                            a["level"].as_str().unwrap_or_default().to_string(),
                        )
                    })
                    .collect();
                assert_eq!(alerts, owned_pairs(saved), "{name}: alerts saved");
            }
            Refused { question, says } => {
                out.code(2);
                assert!(err.contains(&format!("\"{question}\"")), "{name}: {err}");
                for s in *says {
                    assert!(err.contains(s), "{name}: {s:?} not in {err}");
                }
                assert!(env.records().is_empty(), "{name}: nothing is saved");
            }
        }
    }
}

// ---------------------------------------------------------------- the numbers
// What the end summary and `show` say about severity (issue 8 §6).

/// Text with every run of spaces and line breaks made one space, so wrapped lines
/// read as one.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The end summary of a scripted check-in, and `show last` of it.
fn summary_and_show(answers: &Value) -> (String, String) {
    let env = Env::new();
    let out = env.check(answers, &[]).code(0);
    let shown = env.run(["show", "last"]).code(0);
    // The scripted check writes its summary to stderr; `show` to stdout.
    (flat(&stderr(&out)), flat(&stdout(&shown)))
}

const NEXT_VISIT: &str = "Tell your prescriber at your next visit, or sooner if";

#[test]
fn six_moderate_symptoms_end_with_advice_to_tell_the_prescriber() {
    let (summary, show) = summary_and_show(&answers_with(serde_json::json!({
        "upset_stomach": "moderate", "drowsiness": "moderate", "dizziness": "moderate",
        "insomnia": "moderate", "weakness": "moderate", "confusion": "moderate"
    })));
    for text in [&summary, &show] {
        assert!(text.contains("Urgent alerts: none."), "{text}");
        assert!(
            text.contains(
                "These symptoms were moderate or worse: Upset stomach, Drowsiness, Dizziness, Trouble sleeping, Weakness, Confusion."
            ),
            "{text}"
        );
        assert!(
            text.contains(&format!("{NEXT_VISIT} they get worse.")),
            "{text}"
        );
        assert!(
            text.contains(
                "Common side effects (6 of 7 symptoms moderate or worse, highest grade 2 of 4)"
            ),
            "{text}"
        );
        assert!(!text.to_lowercase().contains("change your dose"), "{text}");
    }
}

#[test]
fn mild_symptoms_get_no_next_visit_advice() {
    let (summary, _) = summary_and_show(&answers_with(serde_json::json!({
        "drowsiness": "mild", "dizziness": "mild"
    })));
    assert!(!summary.contains(NEXT_VISIT), "{summary}");
}

#[test]
fn a_symptom_an_urgent_alert_covers_is_not_left_for_the_next_visit() {
    // Severe drowsiness already says "call your prescriber today".
    let (summary, _) = summary_and_show(&answers_with(serde_json::json!({
        "drowsiness": "severe", "dizziness": "moderate"
    })));
    assert!(
        summary.contains(&format!(
            "This symptom was moderate or worse: Dizziness. {NEXT_VISIT} it gets worse."
        )),
        "{summary}"
    );
}

#[test]
fn a_seizure_is_a_yes_and_an_urgent_finding_never_a_score() {
    let (summary, show) = summary_and_show(&answers_with(serde_json::json!({"seizure": true})));
    for text in [&summary, &show] {
        assert!(
            text.contains("Serious side effects (1 yes; 1 urgent finding)"),
            "{text}"
        );
        assert!(!text.contains("of 12") && !text.contains("score"), "{text}");
    }
}

#[test]
fn a_section_that_was_not_asked_is_never_zero_of_zero() {
    // No dose change: the withdrawal questions are not asked.
    let (summary, show) = summary_and_show(&answers_with(serde_json::json!({
        "drowsiness": "mild"
    })));
    for text in [&summary, &show] {
        assert!(
            !text.contains("0 of 0") && !text.contains("Withdrawal"),
            "{text}"
        );
    }
    let (summary, _) = summary_and_show(&answers_with(serde_json::json!({
        "dose_change": true, "stopped": false, "missed_days": 2,
        "tremors": "moderate", "withdrawal_insomnia": "none", "irritability": "none",
        "cravings": "none", "angry_outbursts": "never"
    })));
    assert!(
        summary.contains("Withdrawal (1 of 5 symptoms moderate or worse, highest grade 2 of 4)"),
        "{summary}"
    );
}
