//! Which saved records count as check-ins, the same in `show`, `history` and every
//! export: a line repeated in the log is one check-in (with one warning), and a
//! stopped check-in finished later with `check --resume` is one check-in with the
//! record that finished it.

use std::collections::HashSet;

use serde_json::{Value, json};

use crate::support::*;

/// `sidecheck ARGS`, read in UTC, which must succeed.
fn ok(env: &Env, args: &[&str]) -> Ran {
    env.cmd().env("TZ", "UTC0").args(args).run().code(0)
}

fn json_out(env: &Env, args: &[&str]) -> Value {
    let out = ok(env, args);
    serde_json::from_str(&stdout(&out))
        .unwrap_or_else(|e| panic!("{args:?} is not JSON ({e}): {}", stdout(&out)))
}

fn id(r: &Value) -> String {
    r["id"].as_str().expect("an id").to_string()
}

fn strings(list: &Value, key: &str) -> Vec<String> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|x| x[key].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The check-in ids of the CSV rows, in order, each once.
fn csv_ids(text: &str) -> Vec<String> {
    let mut seen = Vec::new();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    for row in rows.records() {
        let row = row.expect("a CSV row");
        let id = row[0].to_string();
        if seen.last() != Some(&id) {
            seen.push(id);
        }
    }
    seen
}

/// The QuestionnaireResponses of a Bundle as (check-in id, status), and every fullUrl.
fn fhir(bundle: &Value) -> (Vec<(String, String)>, Vec<String>) {
    let responses = fhir_resources(bundle, "QuestionnaireResponse")
        .into_iter()
        .map(|r| {
            (
                r["identifier"]["value"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                r["status"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let urls = bundle["entry"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["fullUrl"].as_str().expect("a fullUrl").to_string())
        .collect();
    (responses, urls)
}

/// How often `needle` occurs in `hay`.
fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

const REPEATED: &str = "appears more than once in the log";

#[test]
fn a_repeated_line_is_one_check_in_everywhere_with_one_warning() {
    let env = Env::new();
    let urgent = check_saved(&env, &answers_with(json!({"breathing": true})));
    let calm = check_saved(&env, &calm_answers());
    // A restored backup brings the first line back.
    let line = std::fs::read_to_string(env.log_path())
        .expect("the log")
        .lines()
        .next()
        .expect("a first line")
        .to_string();
    append_log(&env, &[line.clone(), line]);
    let both = vec![id(&urgent), id(&calm)];

    let out = ok(&env, &["history"]).stdout_has("2 check-ins (2 completed, 0 stopped)");
    assert_eq!(count(&stdout(&out), &id(&urgent)), 1, "{}", stdout(&out));
    assert_eq!(count(&stderr(&out), REPEATED), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("1 check-in appears more than once in the log; it is counted once"),
        "{}",
        stderr(&out)
    );

    let doc = json_out(&env, &["history", "--json"]);
    assert_eq!(strings(&doc["check_ins"], "id"), both);
    assert_eq!(doc["counts"]["check_ins"], 2);

    let doc = json_out(&env, &["export", "--format", "json"]);
    assert_eq!(strings(&doc["records"], "id"), both);
    assert_eq!(doc["summary"]["counts"]["check_ins"], 2);
    assert_eq!(doc["summary"]["counts"]["urgent_alerts"], 1);
    assert_eq!(
        doc["summary"]["urgent_alerts"].as_array().map(Vec::len),
        Some(1)
    );

    let out = ok(&env, &["export", "--format", "csv"]);
    assert_eq!(csv_ids(&stdout(&out)), both);
    assert_eq!(count(&stderr(&out), REPEATED), 1, "{}", stderr(&out));

    let out = ok(&env, &["export", "--format", "fhir"]);
    let bundle: Value = serde_json::from_str(&stdout(&out)).expect("a Bundle");
    let (responses, urls) = fhir(&bundle);
    assert_eq!(
        responses.iter().map(|r| r.0.clone()).collect::<Vec<_>>(),
        both
    );
    // FHIR rule bdl-7: fullUrl is unique in a Bundle.
    let unique: HashSet<&String> = urls.iter().collect();
    assert_eq!(unique.len(), urls.len(), "{urls:?}");
    assert_eq!(count(&stderr(&out), REPEATED), 1, "{}", stderr(&out));

    let page = env.tmp.path().join("report.html");
    let out = ok(
        &env,
        &[
            "export",
            "--format",
            "html",
            "--output",
            page.to_str().expect("a path"),
        ],
    )
    .stderr_has("Wrote 2 check-ins");
    assert_eq!(count(&stderr(&out), REPEATED), 1, "{}", stderr(&out));
    let html = std::fs::read_to_string(&page).expect("the page");
    // The urgent check-in's alert is listed once.
    assert_eq!(count(&html, &id(&urgent)), 1);
    assert!(html.contains("1 urgent alert in 1 check-in"), "{html}");

    // A prefix of the repeated id is not "ambiguous": it is one check-in.
    let prefix = &id(&urgent)[..id(&urgent).len() - 2];
    let out = ok(&env, &["show", prefix, "--json"]);
    assert_eq!(
        id(&serde_json::from_str(&stdout(&out)).expect("JSON")),
        id(&urgent)
    );

    // The log is read, never rewritten.
    assert_eq!(env.records().len(), 4);
}

#[test]
fn without_repeated_lines_there_is_no_warning() {
    let env = Env::new();
    check_saved(&env, &calm_answers());
    check_saved(&env, &calm_answers());
    for args in [&["history"][..], &["export", "--format", "fhir"][..]] {
        let out = ok(&env, args);
        assert!(!stderr(&out).contains(REPEATED), "{}", stderr(&out));
    }
}

/// A log with a stopped check-in (breathing yes, so an urgent alert) and the record
/// `check --resume --answers` saved to finish it. Returns (stopped id, new id).
fn stopped_then_finished(env: &Env) -> (String, String) {
    let whole = answers_with(json!({"breathing": true, "drowsiness": "mild"}));
    let stopped = stopped_after(&template_record(&whole), 5, "20261201-080000-00000000cafe");
    let stopped = record_at(
        &stopped,
        "20261201-080000-00000000cafe",
        &now_minus_hours(2),
    );
    append_log(env, &[stopped.to_string()]);
    env.check(&whole, &["--resume"]).code(0);
    let records = env.records();
    let done = records.last().expect("the new record");
    assert_eq!(done["completes"], json!(id(&stopped)));
    // The stopped line is still there, unchanged.
    assert_eq!(records[records.len() - 2], stopped);
    (id(&stopped), id(done))
}

#[test]
fn a_stopped_check_in_and_the_one_that_finished_it_are_one_check_in_everywhere() {
    let env = Env::new();
    let calm = check_saved(&env, &calm_answers());
    let (stopped, done) = stopped_then_finished(&env);
    let shown = vec![id(&calm), done.clone()];

    let out = ok(&env, &["history"]);
    let text = stdout(&out);
    assert!(
        text.contains("2 check-ins (2 completed, 0 stopped)"),
        "{text}"
    );
    assert!(!text.contains(&stopped), "{text}");
    assert!(text.contains(&done), "{text}");

    let doc = json_out(&env, &["history", "--json"]);
    assert_eq!(strings(&doc["check_ins"], "id"), shown);
    assert_eq!(doc["counts"]["stopped"], 0);

    let doc = json_out(&env, &["export", "--format", "json"]);
    assert_eq!(strings(&doc["records"], "id"), shown);
    assert_eq!(doc["records"][1]["completes"], json!(stopped));
    assert_eq!(doc["records"][1]["schema"], 3);
    // Every answer is in the one record: the five carried over and the rest.
    assert_eq!(
        doc["records"][1]["answers"].as_array().map(Vec::len),
        Some(19)
    );
    assert_eq!(doc["summary"]["counts"]["urgent_alerts"], 1);

    assert_eq!(
        csv_ids(&stdout(&ok(&env, &["export", "--format", "csv"]))),
        shown
    );

    let bundle: Value = serde_json::from_str(&stdout(&ok(&env, &["export", "--format", "fhir"])))
        .expect("a Bundle");
    let (responses, urls) = fhir(&bundle);
    assert_eq!(
        responses,
        vec![
            (id(&calm), "completed".into()),
            (done.clone(), "completed".into())
        ]
    );
    assert_eq!(urls.iter().collect::<HashSet<_>>().len(), urls.len());

    let page = env.tmp.path().join("report.html");
    ok(
        &env,
        &[
            "export",
            "--format",
            "html",
            "--output",
            page.to_str().expect("a path"),
        ],
    )
    .stderr_has("Wrote 2 check-ins");
    let html = std::fs::read_to_string(&page).expect("the page");
    assert!(
        !html.contains(&stopped),
        "the stopped check-in is in the page"
    );
    assert!(html.contains("1 urgent alert in 1 check-in"), "{html}");

    // `show` still finds the stopped one, and says what became of it.
    ok(&env, &["show", &stopped]).stdout_has(&format!("was completed later by check-in {done}"));
    ok(&env, &["show", &done]).stdout_has(&format!("finishes the stopped check-in {stopped}"));
    let out = ok(&env, &["show", &stopped, "--json"]);
    assert_eq!(
        id(&serde_json::from_str(&stdout(&out)).expect("JSON")),
        stopped
    );
    assert!(
        stderr(&out).contains("completed later by"),
        "{}",
        stderr(&out)
    );

    // The last two are the calm one and the finished one: the stopped line between
    // them is not a check-in.
    let doc = json_out(&env, &["history", "--json", "--last", "2"]);
    assert_eq!(strings(&doc["check_ins"], "id"), shown);
}
