//! Every export reads the one report model (issue 10, point 6): which answers an
//! urgent alert rests on (`AlertBasis`) and the baseline. The JSON report's and
//! `history`'s symptom trends call the breathing answer under
//! `alcohol_with_breathing` an emergency, as the CSV's `urgent` does; the HTML page
//! tags every such answer, shows the baseline and draws it on each chart; the CSV
//! carries the baseline's value and the change from it on every row.

use serde_json::{Value, json};

use crate::support::*;

/// Trouble breathing and alcohol: the one alert that stands,
/// `alcohol_with_breathing`, is pinned to the alcohol question.
fn breathing_with_alcohol() -> Value {
    answers_with(json!({"breathing": true, "alcohol_sedatives": true}))
}

fn json_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// `export ARGS` in UTC, which must succeed: its standard output.
fn export(env: &Env, args: &[&str]) -> String {
    let out = env.cmd().env("TZ", "UTC0").arg("export").args(args).run();
    stdout(&out.code(0))
}

// ---------------------------------------------------------------- 1. the trends

#[test]
fn the_breathing_trend_is_an_emergency_when_alcohol_turned_its_alert_into_another() {
    let env = Env::new();
    let r = check_saved(&env, &breathing_with_alcohol());
    assert_eq!(r["alerts"][0]["id"], "alcohol_with_breathing");
    assert_eq!(r["alerts"][0]["question"], "alcohol_sedatives");

    let doc = json_of(&export(&env, &["--format", "json"]));
    let breathing = doc["summary"]["symptoms"]
        .as_array()
        .expect("symptoms")
        .iter()
        .find(|s| s["id"] == "breathing")
        .unwrap_or_else(|| panic!("no breathing trend in {}", doc["summary"]));
    assert_eq!(breathing["trend"]["direction"], "emergency", "{breathing}");

    // history says the same, in its words.
    let text = stdout(&env.run(["history"]).code(0));
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("Trouble breathing"))
        .unwrap_or_else(|| panic!("no breathing trend line in\n{text}"));
    assert!(line.ends_with("emergency at the last check-in !"), "{line}");
}
