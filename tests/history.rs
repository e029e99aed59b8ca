//! `sidecheck history`: trend lines and the table, `--json`, `--last`, the period
//! filters at their edges, and what happens with an empty or damaged log.

use serde_json::{Value, json};

use crate::support::*;

/// The local timezone of these runs: UTC+05:30, no daylight saving, no tz files
/// needed (a POSIX TZ string).
const TZ: &str = "IST-5:30";

fn history(env: &Env, args: &[&str]) -> Ran {
    env.cmd().env("TZ", TZ).arg("history").args(args).run()
}

fn history_json(env: &Env, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = history(env, &all).code(0);
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
    let out = history(&env, &[]).code(0);
    let text = stdout(&out);
    let line = |start: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(start))
            .unwrap_or_else(|| panic!("no line for {start} in:\n{text}"))
            .to_string()
    };
    // The section counts symptoms at moderate or worse, of its 7 graded questions:
    // none and mild are not, severe is.
    let common = line("Common side effects");
    assert!(common.contains("▁▁█"), "{common}");
    assert!(
        common.contains("moderate+: first 0, last 1, most 1 of 7"),
        "{common}"
    );
    assert!(common.contains("worse ↑"), "{common}");
    // Each symptom keeps its own grade, 0 to 4.
    let drowsy = line("Drowsiness");
    assert!(
        drowsy.contains("▁▃█") && drowsy.contains("grade: first 0, last 3, top 3 of 4"),
        "{drowsy}"
    );
    // The serious section has yes/no questions only: no grade, no sum, no line.
    assert!(!text.contains("Serious side effects"), "{text}");
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
    assert!(
        rows[0].contains("0 yes") && rows[0].contains("0 mod+, top 0"),
        "{}",
        rows[0]
    );
    assert!(rows[0].trim_end().ends_with('-'));
    // Withdrawal was not asked (no dose change): "-", never "0/0".
    assert!(rows.iter().all(|r| !r.contains("0/0")), "{text}");
    assert!(rows[2].contains("1 mod+, top 3"), "{}", rows[2]);
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
    assert_eq!(common["sparkline"], "▁▁█");
    assert_eq!(common["measure"], "moderate_or_worse");
    assert_eq!(common["trend"]["direction"], "worse");
    assert_eq!(common["first"], 0);
    assert_eq!(common["last"], 1);
    assert_eq!(common["possible"], 7);
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
    let grades = &last["grades"];
    assert_eq!(grades["urgent_findings"], 1);
    let common = grades["sections"]
        .as_array()
        .and_then(|s| s.iter().find(|x| x["section"] == "common"))
        .expect("common numbers");
    assert_eq!(common["moderate_or_worse"], 1);
    assert_eq!(common["highest_grade"], 3);
    assert_eq!(common["graded"], 7);
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
    history(&env, &["--last", "0"]).code(2);
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
        let out = history(&env, &["--since", bad]).code(2);
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("YYYY-MM-DD") && err.contains("RFC 3339"),
            "{err}"
        );
        assert!(stdout(&out).is_empty());
    }
    history(&env, &["--since", "2026-11-21", "--until", "2026-11-20"])
        .code(2)
        .stderr_has("--since");
}

#[test]
fn an_empty_log_is_an_empty_history_not_an_error() {
    let env = Env::new();
    history(&env, &[])
        .code(0)
        .stdout_empty()
        .stderr_has("no check-ins");
    let doc = history_json(&env, &[]);
    assert_eq!(doc["check_ins"], json!([]));
    assert_eq!(doc["counts"]["check_ins"], 0);
}

#[test]
fn an_empty_period_says_so() {
    let env = Env::new();
    around_the_day(&env);
    history(&env, &["--since", "2030-01-01"])
        .code(0)
        .stderr_has("no check-ins (from 2030-01-01)");
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
    let out = history(&env, &["--json"]).code(0);
    let err = stderr(&out);
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(warnings.len(), 2, "{err}");
    assert!(warnings[0].contains("line 2"), "{err}");
    assert!(warnings[1].contains("line 4"), "{err}");
    let doc: Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(doc["counts"]["check_ins"], 2);
    assert_eq!(doc["counts"]["skipped_lines"], 2);
}

/// History's text output.
fn history_text(env: &Env) -> String {
    stdout(&history(env, &[]).code(0))
}

fn trend_line<'t>(text: &'t str, start: &str) -> &'t str {
    text.lines()
        .find(|l| l.trim_start().starts_with(start))
        .unwrap_or_else(|| panic!("no line for {start} in:\n{text}"))
}

#[test]
fn a_stopped_check_in_never_makes_a_trend_better_and_says_where_it_stopped() {
    let env = Env::new();
    let moderate = answers_with(json!({
        "upset_stomach": "moderate", "drowsiness": "moderate", "dizziness": "moderate",
        "insomnia": "moderate", "weakness": "moderate", "confusion": "moderate"
    }));
    let whole = check_saved(&env, &moderate);
    let calm = template_record(&calm_answers());
    let asked = calm["answers"].as_array().map(Vec::len).unwrap_or(0);
    // Stopped at the first common question (upset stomach: none): the six others
    // were never answered, which is not "none".
    let mut stopped = stopped_after(&calm, 8, "20991231-stopped");
    stopped["started_at"] = json!("2099-12-31T08:00:00.000+00:00");
    stopped["ended_at"] = stopped["started_at"].clone();
    assert_eq!(stopped["answers"][7]["question"], "upset_stomach");
    append_log(&env, &[stopped.to_string()]);
    let text = history_text(&env);
    let common = trend_line(&text, "Common side effects");
    assert!(!common.contains("better"), "{common}");
    assert!(common.contains("too few check-ins"), "{common}");
    assert!(common.contains("first 6, last 6"), "{common}");
    let row = text
        .lines()
        .find(|l| l.contains("20991231-stopped"))
        .expect("the stopped row");
    assert!(
        row.contains(&format!("stopped after 8 of {asked} questions")),
        "{row}"
    );
    let doc = history_json(&env, &[]);
    assert_eq!(doc["counts"]["stopped"], 1);
    assert_eq!(
        doc["check_ins"][1]["stopped"],
        json!(format!("stopped after 8 of {asked} questions"))
    );
    assert_ne!(doc["check_ins"][0]["id"], doc["check_ins"][1]["id"]);
    assert_eq!(whole["status"], "completed");
}

#[test]
fn an_emergency_at_the_last_check_in_is_never_called_better() {
    let env = Env::new();
    let severe = answers_with(json!({
        "drowsiness": "severe", "dizziness": "severe", "weakness": "severe"
    }));
    check_saved(&env, &severe);
    check_saved(&env, &severe);
    // Fewer symptoms at moderate or worse, but very severe drowsiness is an
    // overdose sign: the person just saw an emergency box.
    let last = check_saved(&env, &answers_with(json!({"drowsiness": "very_severe"})));
    assert!(
        last["alerts"]
            .as_array()
            .expect("alerts")
            .iter()
            .any(|a| a["level"] == "emergency" && a["question"] == "drowsiness"),
        "{last}"
    );
    let text = history_text(&env);
    let common = trend_line(&text, "Common side effects");
    assert!(common.contains("first 3, last 1"), "{common}");
    assert!(!common.contains("better"), "{common}");
    assert!(
        common.contains("emergency at the last check-in"),
        "{common}"
    );
    // A section without the emergency still gets its word.
    let dizzy = trend_line(&text, "Dizziness");
    assert!(dizzy.contains("better ↓"), "{dizzy}");
    let doc = history_json(&env, &[]);
    let common = doc["sections"]
        .as_array()
        .and_then(|s| s.iter().find(|x| x["id"] == "common"))
        .expect("common");
    assert_eq!(common["trend"]["direction"], "emergency");
}

/// A record as format 2 saved it: section sums that added yes answers (4 each)
/// into severity scales, a maximum that changed between check-ins, no `asked`.
fn as_format_2(record: &Value, id: &str, status: &str, kept: usize) -> Value {
    let mut r = stopped_after(record, kept, id);
    r["status"] = json!(status);
    r["schema"] = json!(2);
    r.as_object_mut().expect("object").remove("asked");
    r["scores"] = json!([
        {"section": "serious", "score": 4, "max": 12, "answered": 3},
        {"section": "common", "score": 9, "max": 28, "answered": 7},
        {"section": "withdrawal", "score": 0, "max": 0, "answered": 0},
        {"section": "use", "score": 0, "max": 12, "answered": 3}
    ]);
    r
}

#[test]
fn old_records_are_worked_out_again_from_their_answers() {
    let env = Env::new();
    let seizure = template_record(&answers_with(json!({
        "seizure": true, "drowsiness": "moderate", "dizziness": "severe"
    })));
    let all = seizure["answers"].as_array().map(Vec::len).unwrap_or(0);
    let old = as_format_2(&seizure, "20201101-old", "completed", all);
    let old_stopped = as_format_2(&seizure, "20201102-old", "stopped", 5);
    append_log(&env, &[old.to_string(), old_stopped.to_string()]);

    let text = history_text(&env);
    for stale in ["4/12", "9/28", "0/0", "4 of 12", "0 of 0"] {
        assert!(!text.contains(stale), "{stale} in:\n{text}");
    }
    let row = text
        .lines()
        .find(|l| l.contains("20201101-old"))
        .expect("the old row");
    assert!(
        row.contains("1 yes") && row.contains("2 mod+, top 3"),
        "{row}"
    );
    // The stopped one: how many it would have asked comes from the bank.
    let row = text
        .lines()
        .find(|l| l.contains("20201102-old"))
        .expect("the old stopped row");
    assert!(
        row.contains(&format!("stopped after 5 of {all} questions")),
        "{row}"
    );

    let shown = env.run(["show", "20201101-old"]).code(0);
    let shown = stdout(&shown);
    assert!(
        !shown.contains("of 12") && !shown.contains("0 of 0"),
        "{shown}"
    );
    // The summary wraps its lines: read it as one run of words.
    let words = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("2 of 7 symptoms moderate or worse, highest grade 3 of 4"),
        "{shown}"
    );
}
