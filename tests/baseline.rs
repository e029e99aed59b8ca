//! The baseline: `check --baseline` and `sidecheck baseline ID` append a mark line
//! (never changing a line), the last mark wins, a stopped check-in or a bad id is
//! refused in one line, `history` and the JSON report show each symptom's change
//! since the baseline or say there is none and how to make one, and no reader calls
//! the mark line damaged.

use serde_json::{Value, json};

use crate::support::*;

/// The first answers: drowsiness none, dizziness mild.
fn before() -> Value {
    answers_with(json!({"dizziness": "mild"}))
}

/// Later answers: drowsiness moderate, dizziness mild.
fn later() -> Value {
    answers_with(json!({"drowsiness": "moderate", "dizziness": "mild"}))
}

/// The log's lines, as text.
fn lines(env: &Env) -> Vec<String> {
    std::fs::read_to_string(env.log_path())
        .expect("the log")
        .lines()
        .map(str::to_string)
        .collect()
}

/// The baseline marks in the log, in order: the check-in id each names.
fn marks(env: &Env) -> Vec<String> {
    env.records()
        .iter()
        .filter(|r| r["kind"] == "baseline")
        .map(|r| r["check_in"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn json_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// `export ARGS` in UTC, which must succeed, as JSON.
fn export_json(env: &Env, args: &[&str]) -> Value {
    let out = env.cmd().env("TZ", "UTC0").arg("export").args(args).run();
    json_of(&stdout(&out.code(0)))
}

/// Every error of `doc` against the JSON report's own schema, format checks on.
fn schema_errors(env: &Env, doc: &Value) -> Vec<String> {
    let schema = export_json(env, &["--schema"]);
    let v = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the report schema is a valid JSON Schema");
    v.iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect()
}

#[test]
fn check_baseline_then_a_later_check_in_shows_the_change_in_history() {
    let env = Env::new();
    let base = env.check(&before(), &["--baseline"]).code(0);
    assert!(
        stderr(&base).contains("is now your baseline"),
        "{}",
        stderr(&base)
    );
    let first = env.records()[0]["id"].clone();
    assert_eq!(marks(&env), [first.as_str().unwrap_or_default()]);
    check_saved(&env, &later());

    let out = env.run(["history"]).code(0).stderr_empty();
    let text = stdout(&out);
    assert!(
        text.contains("Baseline: the check-in of ") && text.contains(first.as_str().unwrap_or("")),
        "{text}"
    );
    assert!(
        text.contains("  Drowsiness: none before, moderate now (worse)\n"),
        "{text}"
    );
    assert!(
        text.contains("  Dizziness: mild before, mild now (the same)\n"),
        "{text}"
    );
    assert!(text.contains("(baseline)"), "the table row: {text}");
    assert!(!text.contains("No baseline"), "{text}");

    // The same in --json: the view and the flagged row.
    let doc = json_of(&stdout(&env.run(["history", "--json"]).code(0)));
    let b = &doc["baseline"];
    assert_eq!(b["check_in"], first);
    let drowsy = b["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .find(|c| c["symptom"] == "drowsiness")
        .expect("drowsiness");
    assert_eq!(
        (&drowsy["before"], &drowsy["now"], &drowsy["change"]),
        (&json!(0), &json!(2), &json!("worse"))
    );
    assert_eq!(doc["check_ins"][0]["baseline"], true);
    assert_eq!(doc["check_ins"][1].get("baseline"), None);
}

#[test]
fn baseline_id_appends_a_mark_and_leaves_every_earlier_line_as_it_was() {
    let env = Env::new();
    let first = check_saved(&env, &before());
    check_saved(&env, &later());
    let log_before = std::fs::read(env.log_path()).expect("the log");
    let id = first["id"].as_str().expect("an id");

    env.run(["baseline", &id[..18]])
        .code(0)
        .stderr_has("is now your baseline");
    let log_after = std::fs::read(env.log_path()).expect("the log");
    assert!(
        log_after.starts_with(&log_before),
        "an earlier line changed"
    );
    let added = String::from_utf8_lossy(&log_after[log_before.len()..]).into_owned();
    assert_eq!(added.lines().count(), 1, "{added}");
    let mark = json_of(added.trim_end());
    assert_eq!(
        (&mark["schema"], &mark["kind"], &mark["check_in"]),
        (&json!(4), &json!("baseline"), &json!(id))
    );

    // Marking it again changes nothing.
    env.run(["baseline", id])
        .code(0)
        .stderr_has("already your baseline; nothing was changed");
    assert_eq!(std::fs::read(env.log_path()).expect("the log"), log_after);
    env.run(["baseline"]).code(0).stdout_has(&format!("({id})"));
}

#[test]
fn the_last_mark_wins() {
    let env = Env::new();
    let a = check_saved(&env, &before());
    let b = check_saved(&env, &later());
    let c = check_saved(&env, &before());
    for r in [&a, &c, &b] {
        env.run(["baseline", r["id"].as_str().expect("an id")])
            .code(0);
    }
    assert_eq!(marks(&env).len(), 3);
    let doc = export_json(&env, &["--format", "json"]);
    assert_eq!(doc["summary"]["baseline"]["check_in"], b["id"]);
    // Compared with c, the latest completed check-in: moderate then, none now.
    let words: Vec<&str> = doc["summary"]["baseline"]["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .filter_map(|c| c["words"].as_str())
        .collect();
    assert!(
        words.contains(&"Drowsiness: moderate before, none now (better)"),
        "{words:?}"
    );
    // `last` marks the last check-in.
    env.run(["baseline", "last"]).code(0);
    env.run(["baseline"])
        .code(0)
        .stdout_has(c["id"].as_str().expect("an id"));
}

#[test]
fn a_bad_id_or_a_stopped_check_in_is_refused_in_one_line() {
    let env = Env::new();
    let whole = check_saved(&env, &before());
    let stopped = stopped_after(&whole, 4, "20261201-080000-00000000beef");
    append_log(&env, &[stopped.to_string()]);
    let log = std::fs::read(env.log_path()).expect("the log");

    for (which, says) in [
        ("nope", "no check-in in "),
        ("20261201-080000-00000000beef", "stopped after 4 of "),
    ] {
        let out = env.run(["baseline", which]).code(2).stdout_empty();
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("sidecheck: error: ") && err.contains(says),
            "{err}"
        );
    }
    let err = stderr(&env.run(["baseline", "20261201-080000-00000000beef"]));
    assert!(
        err.contains("not the same as \"none\"") && err.contains("--resume --baseline"),
        "{err}"
    );
    assert_eq!(std::fs::read(env.log_path()).expect("the log"), log);
}

#[test]
fn resume_with_baseline_marks_the_finished_check_in_not_the_stopped_one() {
    let env = Env::new();
    let whole = template_record(&before());
    let stopped = record_at(
        &stopped_after(&whole, 4, "20261201-080000-00000000beef"),
        "20261201-080000-00000000beef",
        &now_minus_hours(2),
    );
    append_log(&env, &[stopped.to_string()]);
    env.check(&before(), &["--resume", "--baseline"])
        .code(0)
        .stderr_has("is now your baseline");
    let finished = env.records()[1]["id"].clone();
    assert_eq!(env.records()[1]["completes"], stopped["id"]);
    assert_eq!(marks(&env), [finished.as_str().unwrap_or_default()]);
    // The stopped one, finished, points to the one that finished it.
    env.run(["baseline", "20261201-080000-00000000beef"])
        .code(2)
        .stderr_has(&format!(
            "finished as check-in {}",
            finished.as_str().unwrap_or_default()
        ));
}

#[test]
fn without_a_baseline_history_and_the_report_say_so_once_and_how_to_make_one() {
    let env = Env::new();
    check_saved(&env, &before());
    check_saved(&env, &later());
    let text = stdout(&env.run(["history"]).code(0).stderr_empty());
    let how = "To make one, run `sidecheck check --baseline`";
    assert_eq!(text.matches("No baseline:").count(), 1, "{text}");
    assert_eq!(text.matches(how).count(), 1, "{text}");
    assert!(!text.contains("(baseline)"), "{text}");

    let doc = export_json(&env, &["--format", "json"]);
    assert_eq!(doc["summary"]["baseline"], Value::Null);
    let note = doc["summary"]["no_baseline"].as_str().expect("no_baseline");
    assert!(
        note.starts_with("No baseline:") && note.contains(how),
        "{note}"
    );
    env.run(["baseline"]).code(0).stdout_has(how);
}

#[test]
fn a_mark_naming_a_check_in_not_in_the_log_is_one_warning_and_no_baseline() {
    let env = Env::new();
    check_saved(&env, &before());
    append_log(
        &env,
        &[
            json!({"schema": 4, "kind": "baseline", "check_in": "20200101-000000-gone",
                 "marked_at": "2026-12-01T09:00:00.000+00:00"})
            .to_string(),
        ],
    );
    let out = env.run(["history"]).code(0);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("names check-in 20200101-000000-gone, which is not in the log"),
        "{err}"
    );
    assert!(
        stdout(&out).contains("No baseline: the check-in marked"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn no_reader_calls_the_mark_line_damaged() {
    let env = Env::new();
    env.check(&before(), &["--baseline"]).code(0);
    let rescued = template_record(&later());
    let file = env.file("rescue.json", rescued.to_string());
    let quiet = |args: &[&str]| {
        env.cmd()
            .env("TZ", "UTC0")
            .args(args)
            .run()
            .code(0)
            .stderr_lacks("skipped");
    };
    quiet(&["show"]);
    quiet(&["show", "--json"]);
    quiet(&["history"]);
    quiet(&["history", "--json"]);
    for format in ["json", "csv", "fhir", "html"] {
        quiet(&["export", "--format", format]);
    }
    env.cmd()
        .arg("import")
        .arg(&file)
        .run()
        .code(0)
        .stderr_lacks("skipped")
        .stderr_has("Added check-in");
    // `show last` is the last check-in, not the mark after the first one.
    let shown = json_of(&stdout(&env.run(["show", "last", "--json"]).code(0)));
    assert_eq!(shown["id"], rescued["id"]);
    // The mark line is still the second line, untouched by the import.
    assert!(lines(&env)[1].contains("\"kind\":\"baseline\""));
}

#[test]
fn the_json_report_validates_with_and_without_a_baseline_and_shows_one_outside_the_period() {
    let env = Env::new();
    check_saved(&env, &later());
    let without = export_json(&env, &["--format", "json"]);
    assert_eq!(schema_errors(&env, &without), Vec::<String>::new());

    // A baseline from long before the period, then marked.
    let old = record_at(
        &template_record(&before()),
        "20200101-090000-00000000b001",
        "2020-01-01T09:00:00.000+00:00",
    );
    append_log(&env, &[old.to_string()]);
    env.run(["baseline", "20200101-090000"]).code(0);
    let doc = export_json(&env, &["--format", "json", "--since", "2026-01-01"]);
    assert_eq!(schema_errors(&env, &doc), Vec::<String>::new());
    let b = &doc["summary"]["baseline"];
    assert_eq!(b["check_in"], old["id"]);
    assert_eq!(b["at"], "2020-01-01T09:00:00.000+00:00");
    assert_eq!(b["in_period"], false);
    assert_eq!(doc["summary"].get("no_baseline"), None);
    assert!(
        b["words"]
            .as_str()
            .is_some_and(|w| w.contains("2020-01-01 09:00") && w.contains("not in this period")),
        "{b}"
    );
    assert!(
        b["changes"]
            .as_array()
            .expect("changes")
            .iter()
            .any(|c| c["words"] == "Drowsiness: none before, moderate now (worse)"),
        "{b}"
    );
    // The baseline's own record is not among the period's records.
    assert_eq!(doc["records"].as_array().map(Vec::len), Some(1));
    // The schema refuses a baseline that breaks it.
    let mut broken = doc.clone();
    broken["summary"]["baseline"]["in_period"] = json!("no");
    assert!(!schema_errors(&env, &broken).is_empty());
}

#[test]
fn importing_a_mark_says_it_is_a_mark_not_a_check_in() {
    let env = Env::new();
    env.check(&before(), &["--baseline"]).code(0);
    let mark = lines(&env).pop().expect("a mark line");
    assert!(mark.contains("\"kind\":\"baseline\""), "{mark}");
    let file = env.file("mark.json", mark);
    env.cmd()
        .arg("import")
        .arg(&file)
        .run()
        .code(2)
        .stderr_has("holds a baseline mark, not a check-in")
        .stderr_has("sidecheck baseline ID")
        .stderr_lacks("newer sidecheck");
}
