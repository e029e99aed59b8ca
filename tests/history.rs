//! `sidecheck history`: trend lines and the table, `--json`, `--last`, the period
//! filters at their edges, and what happens with an empty or damaged log.

use std::process::Output;

use serde_json::{Value, json};

use crate::support::*;

/// The local timezone of these runs: UTC+05:30, no daylight saving, no tz files
/// needed (a POSIX TZ string).
const TZ: &str = "IST-5:30";

fn history(env: &Env, args: &[&str]) -> Output {
    env.cmd()
        .env("TZ", TZ)
        .arg("history")
        .args(args)
        .output()
        .expect("run sidecheck")
}

fn history_json(env: &Env, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = history(env, &all);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("history --json is JSON")
}

fn ids(doc: &Value) -> Vec<String> {
    doc["check_ins"]
        .as_array()
        .expect("check_ins")
        .iter()
        .map(|c| c["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Three check-ins with drowsiness none, mild, severe (the last raises an alert).
fn three_check_ins(env: &Env) -> Vec<Value> {
    ["none", "mild", "severe"]
        .iter()
        .map(|d| check_saved(env, &answers_with(json!({"drowsiness": d}))))
        .collect()
}

#[test]
fn trend_lines_show_a_sparkline_per_section_and_per_symptom_reported() {
    let env = Env::new();
    three_check_ins(&env);
    let out = history(&env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let line = |start: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(start))
            .unwrap_or_else(|| panic!("no line for {start} in:\n{text}"))
            .to_string()
    };
    let common = line("Common side effects");
    assert!(common.contains("▁▃█"), "{common}");
    assert!(common.contains("first 0, last 3, min 0, max 3"), "{common}");
    assert!(common.contains("worse ↑"), "{common}");
    let drowsy = line("Drowsiness");
    assert!(
        drowsy.contains("▁▃█") && drowsy.contains("of 4"),
        "{drowsy}"
    );
    assert!(line("Serious side effects").contains("steady →"));
    // Symptoms never reported get no line.
    assert!(!text.contains("Upset stomach"), "{text}");
    // The table: a header and one row per check-in, the last with its alert.
    let header = line("Date");
    for col in [
        "Status",
        "serious",
        "common",
        "withdrawal",
        "use",
        "Urgent alerts",
    ] {
        assert!(header.contains(col), "{header}");
    }
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    assert_eq!(rows.len(), 3, "{text}");
    assert!(rows[0].contains("0/28") && rows[0].trim_end().ends_with('-'));
    assert!(rows[2].contains("3/28"), "{}", rows[2]);
    assert!(rows[2].contains("A side effect was severe (prescriber)"));
    // Trend lines come before the table.
    assert!(text.find("Common side effects") < text.find("Urgent alerts"));
}

#[test]
fn json_holds_the_same_content() {
    let env = Env::new();
    let saved = three_check_ins(&env);
    let doc = history_json(&env, &[]);
    assert_eq!(doc["counts"]["check_ins"], 3);
    let common = doc["sections"]
        .as_array()
        .and_then(|s| s.iter().find(|x| x["id"] == "common"))
        .expect("common section");
    assert_eq!(common["sparkline"], "▁▃█");
    assert_eq!(common["trend"]["direction"], "worse");
    assert_eq!(common["first"], 0);
    assert_eq!(common["last"], 3);
    let symptoms: Vec<&str> = doc["symptoms"]
        .as_array()
        .expect("symptoms")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert_eq!(symptoms, ["drowsiness"]);
    let want: Vec<String> = saved
        .iter()
        .map(|r| r["id"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(ids(&doc), want);
    let last = &doc["check_ins"][2];
    assert_eq!(last["status"], "completed");
    assert_eq!(last["urgent_alerts"][0]["id"], "severe_side_effect");
    assert_eq!(last["urgent_alerts"][0]["level"], "prescriber");
    assert_eq!(last["at"], saved[2]["started_at"]);
}

#[test]
fn last_n_keeps_only_the_latest_check_ins() {
    let env = Env::new();
    let saved = three_check_ins(&env);
    let doc = history_json(&env, &["--last", "2"]);
    assert_eq!(ids(&doc).len(), 2);
    assert_eq!(ids(&doc)[0], saved[1]["id"].as_str().unwrap_or_default());
    assert_eq!(doc["counts"]["check_ins"], 2);
    // The trend covers the same two: mild then severe.
    let drowsy = &doc["symptoms"][0];
    assert_eq!(drowsy["sparkline"], "▃█");
    // More than there are is all of them.
    assert_eq!(ids(&history_json(&env, &["--last", "10"])).len(), 3);
    let out = history(&env, &["--last", "0"]);
    assert_eq!(out.status.code(), Some(2));
}

/// Check-ins around the day 2026-11-20, most saved in UTC+05:30 (the reading
/// machine's zone too), one saved elsewhere.
fn around_the_day(env: &Env) {
    append_log(
        env,
        &[
            bare_record("a-before", "2026-11-19T23:59:59.999+05:30", "completed"),
            bare_record("b-first", "2026-11-20T00:00:00.000+05:30", "completed"),
            bare_record("c-last", "2026-11-20T23:59:59.999+05:30", "stopped"),
            bare_record("d-after", "2026-11-21T00:00:00.000+05:30", "completed"),
            // The 20th where it was saved (and as every report shows it), though it
            // was already the 21st in UTC+05:30.
            bare_record("e-elsewhere", "2026-11-20T23:30:00.000-08:00", "completed"),
        ],
    );
}

#[test]
fn date_filters_take_whole_days_inclusive_as_each_check_in_shows_them() {
    let env = Env::new();
    around_the_day(&env);
    let doc = history_json(&env, &["--since", "2026-11-20", "--until", "2026-11-20"]);
    assert_eq!(ids(&doc), ["b-first", "c-last", "e-elsewhere"]);
    assert_eq!(doc["period"]["since"], "2026-11-20T00:00:00.000+05:30");
    assert_eq!(doc["period"]["until"], "2026-11-20T23:59:59.999+05:30");
    assert_eq!(
        ids(&history_json(&env, &["--until", "2026-11-19"])),
        ["a-before"]
    );
    assert_eq!(
        ids(&history_json(&env, &["--since", "2026-11-21"])),
        ["d-after"]
    );
    // The table shows each row on the day the filter put it.
    let out = history(&env, &["--since", "2026-11-20", "--until", "2026-11-20"]);
    let text = stdout(&out);
    assert!(text.contains("2026-11-20 23:30"), "{text}");
    assert!(!text.contains("2026-11-21"), "{text}");
    // Read on a machine in UTC, the same days hold the same check-ins.
    let out = env
        .cmd()
        .env("TZ", "UTC0")
        .args([
            "history",
            "--json",
            "--since",
            "2026-11-20",
            "--until",
            "2026-11-20",
        ])
        .output()
        .expect("run");
    let utc: Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(ids(&utc), ["b-first", "c-last", "e-elsewhere"]);
}

#[test]
fn rfc3339_filters_are_exact_and_inclusive() {
    let env = Env::new();
    around_the_day(&env);
    let doc = history_json(
        &env,
        &[
            "--since",
            "2026-11-20T00:00:00+05:30",
            "--until",
            "2026-11-20T18:29:59.999Z",
        ],
    );
    assert_eq!(ids(&doc), ["b-first", "c-last"]);
}

#[test]
fn a_bad_date_is_one_line_showing_the_accepted_forms() {
    let env = Env::new();
    around_the_day(&env);
    for bad in ["2026-11-31", "20/11/2026", "2026-11-20 08:00", "last week"] {
        let out = history(&env, &["--since", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("YYYY-MM-DD") && err.contains("RFC 3339"),
            "{err}"
        );
        assert!(stdout(&out).is_empty());
    }
    let out = history(&env, &["--since", "2026-11-21", "--until", "2026-11-20"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--since"), "{}", stderr(&out));
}

#[test]
fn an_empty_log_is_an_empty_history_not_an_error() {
    let env = Env::new();
    let out = history(&env, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains("no check-ins"), "{}", stderr(&out));
    let doc = history_json(&env, &[]);
    assert_eq!(doc["check_ins"], json!([]));
    assert_eq!(doc["counts"]["check_ins"], 0);
}

#[test]
fn an_empty_period_says_so() {
    let env = Env::new();
    around_the_day(&env);
    let out = history(&env, &["--since", "2030-01-01"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("no check-ins (from 2030-01-01)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn corrupt_lines_are_skipped_with_one_warning_each() {
    let env = Env::new();
    let good = check_saved(&env, &calm_answers());
    append_log(
        &env,
        &[
            "{not json".to_string(),
            record_at(&good, "second", "2026-11-20T08:00:00.000+05:30").to_string(),
            "[1, 2]".to_string(),
        ],
    );
    let out = history(&env, &["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(warnings.len(), 2, "{err}");
    assert!(warnings[0].contains("line 2"), "{err}");
    assert!(warnings[1].contains("line 4"), "{err}");
    let doc: Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(doc["counts"]["check_ins"], 2);
    assert_eq!(doc["counts"]["skipped_lines"], 2);
}
