//! `sidecheck export`: the JSON report against its own schema, the FHIR R4 Bundle's
//! structure, CSV read back, the printable HTML page, and `--output` files.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde_json::{Value, json};

use crate::support::*;

fn export(env: &Env, args: &[&str]) -> Ran {
    env.cmd().env("TZ", "UTC0").arg("export").args(args).run()
}

fn export_ok(env: &Env, args: &[&str]) -> String {
    stdout(&export(env, args).code(0))
}

fn json_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

const NOTE: &str = "Felt \"off\", dizzy <b>after</b> the 8 pm dose & slept badly\nsecond line";

/// A log with: a calm check-in; one with urgent alerts, a note and severe symptoms;
/// one after missed doses (follow-ups asked); a stopped one; and a hand-edited one
/// that holds an answer to a follow-up its answers never enabled. Returns the records.
fn sample(env: &Env) -> Vec<Value> {
    let calm = check_saved(env, &calm_answers());
    let urgent = check_saved(
        env,
        &answers_with(json!({
            "breathing": true, "drowsiness": "severe", "dizziness": "moderate",
            "notes": NOTE
        })),
    );
    let missed = check_saved(
        env,
        &answers_with(json!({
            "dose_change": true, "stopped": false, "missed_days": 3, "tremors": "moderate",
            "withdrawal_insomnia": "mild", "irritability": "none", "cravings": "none",
            "angry_outbursts": "rarely"
        })),
    );
    let mut stopped = record_at(&calm, "20261120-stopped", "2020-11-20T08:00:00.000+01:00");
    stopped["status"] = json!("stopped");
    let first_four: Vec<Value> = calm["answers"]
        .as_array()
        .expect("answers")
        .iter()
        .take(4)
        .cloned()
        .collect();
    stopped["answers"] = json!(first_four);
    let mut edited = record_at(&calm, "20261121-edited", "2020-11-21T08:00:00.000-05:00");
    edited["answers"]
        .as_array_mut()
        .expect("answers")
        .insert(
            5,
            json!({"question": "suicidal_plan", "section": "serious", "value": true, "label": "Yes", "score": 4}),
        );
    append_log(env, &[stopped.to_string(), edited.to_string()]);
    let all = env.records();
    assert_eq!(all.len(), 5);
    assert_eq!(all[1]["id"], urgent["id"]);
    assert_eq!(all[2]["id"], missed["id"]);
    all
}

// ---------------------------------------------------------------- JSON report

fn validator(env: &Env) -> jsonschema::Validator {
    let schema = json_of(&export_ok(env, &["--schema"]));
    // Format checks on ("date-time" and the rest), as strict validators do.
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the report schema is a valid JSON Schema")
}

fn assert_valid(v: &jsonschema::Validator, doc: &Value) {
    let errors: Vec<String> = v
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn json_report_validates_against_its_schema() {
    let env = Env::new();
    let records = sample(&env);
    let doc = json_of(&export_ok(&env, &["--format", "json"]));
    assert_valid(&validator(&env), &doc);

    assert_eq!(doc["format"], "sidecheck-report");
    assert_eq!(doc["version"], 1);
    assert!(doc["generated_at"].as_str().is_some_and(|s| s.len() > 20));
    assert_eq!(doc["period"]["since"], Value::Null);
    // Every record, exactly as in the log.
    assert_eq!(doc["records"], json!(records));
    assert_eq!(
        doc["banks"],
        json!([{"id": "baclofen", "version": "1.1.0", "language": "en"}])
    );
    let s = &doc["summary"];
    assert_eq!(s["counts"]["check_ins"], 5);
    assert_eq!(s["counts"]["completed"], 4);
    assert_eq!(s["counts"]["stopped"], 1);
    let sections: Vec<&str> = s["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .filter_map(|x| x["id"].as_str())
        .collect();
    // Sections with graded questions; serious has yes/no questions only.
    assert_eq!(sections, ["common", "withdrawal", "use"]);
    for sec in s["sections"].as_array().expect("sections") {
        assert!(sec["average"].is_number() && sec["trend"]["direction"].is_string());
    }
    // Every urgent alert with its date.
    let urgent = s["urgent_alerts"].as_array().expect("urgent alerts");
    let want: Vec<(Value, Value, Value)> = records
        .iter()
        .flat_map(|r| {
            r["alerts"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|a| a["level"] != "advice")
                .map(|a| (r["started_at"].clone(), r["id"].clone(), a["id"].clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    let got: Vec<(Value, Value, Value)> = urgent
        .iter()
        .map(|a| (a["at"].clone(), a["check_in"].clone(), a["id"].clone()))
        .collect();
    assert_eq!(got, want);
    assert!(got.iter().any(|(_, _, id)| id == "breathing"));
    assert_eq!(s["counts"]["urgent_alerts"], json!(urgent.len()));
}

/// The numbers of one section of one check-in in the JSON report.
fn numbers_of<'d>(doc: &'d Value, check_in: &Value, section: &str) -> Option<&'d Value> {
    doc["summary"]["check_ins"]
        .as_array()
        .expect("check_ins")
        .iter()
        .find(|c| c["check_in"] == *check_in)
        .expect("the check-in's numbers")["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .find(|x| x["section"] == section)
}

#[test]
fn json_report_gives_each_check_in_grades_not_sums() {
    let env = Env::new();
    let records = sample(&env);
    let doc = json_of(&export_ok(&env, &["--format", "json"]));
    assert_valid(&validator(&env), &doc);
    let list = doc["summary"]["check_ins"].as_array().expect("check_ins");
    assert_eq!(list.len(), records.len());
    // Format-3 records carry no sums at all.
    assert!(
        records.iter().all(|r| r.get("scores").is_none()),
        "{records:?}"
    );
    // The urgent one: breathing yes (not a grade), drowsiness severe, dizziness moderate.
    let urgent = &records[1];
    let serious = numbers_of(&doc, &urgent["id"], "serious").expect("serious");
    assert_eq!(serious["yes"], 1);
    assert_eq!(serious["yes_no"], 7);
    assert_eq!(serious["highest_grade"], Value::Null);
    assert_eq!(serious["moderate_or_worse"], 0);
    assert_eq!(serious["emergency"], true);
    let common = numbers_of(&doc, &urgent["id"], "common").expect("common");
    assert_eq!(
        (
            &common["graded"],
            &common["moderate_or_worse"],
            &common["highest_grade"]
        ),
        (&json!(7), &json!(2), &json!(3))
    );
    let standing = urgent["alerts"]
        .as_array()
        .expect("alerts")
        .iter()
        .filter(|a| a["level"] != "advice")
        .count();
    let mine = list
        .iter()
        .find(|c| c["check_in"] == urgent["id"])
        .expect("urgent");
    assert_eq!(mine["urgent_findings"], json!(standing));
    // Withdrawal: only the check-in after missed doses reached it, and its
    // denominator is every graded withdrawal question.
    assert_eq!(numbers_of(&doc, &records[0]["id"], "withdrawal"), None);
    let w = numbers_of(&doc, &records[2]["id"], "withdrawal").expect("withdrawal");
    assert_eq!(
        (&w["graded"], &w["moderate_or_worse"]),
        (&json!(5), &json!(1))
    );
    // The stopped one says where it stopped.
    let asked = records[0]["answers"].as_array().map(Vec::len).unwrap_or(0);
    let stopped = list
        .iter()
        .find(|c| c["check_in"] == "20261120-stopped")
        .expect("stopped");
    assert_eq!(
        stopped["stopped"],
        json!(format!("stopped after 4 of {asked} questions"))
    );
    assert!(!doc.to_string().contains("\"max\":12"));
}

#[test]
fn the_schema_rejects_a_report_that_breaks_it() {
    let env = Env::new();
    sample(&env);
    let v = validator(&env);
    let doc = json_of(&export_ok(&env, &["--format", "json"]));
    let mut missing = doc.clone();
    missing.as_object_mut().expect("object").remove("summary");
    assert!(!v.is_valid(&missing));
    let mut extra = doc.clone();
    extra["records"][0]["mood"] = json!("fine");
    assert!(!v.is_valid(&extra));
    let mut newer = doc.clone();
    newer["version"] = json!(2);
    assert!(!v.is_valid(&newer));
    // Formats are checked: a time that is not RFC 3339 is refused.
    let mut when = doc;
    when["generated_at"] = json!("yesterday");
    assert!(!v.is_valid(&when));
}

#[test]
fn an_empty_log_gives_an_empty_valid_report() {
    let env = Env::new();
    let out = export(&env, &["--format", "json"])
        .code(0)
        .stderr_has("no check-ins");
    let doc = json_of(&stdout(&out));
    assert_valid(&validator(&env), &doc);
    assert_eq!(doc["records"], json!([]));
    assert_eq!(doc["summary"]["counts"]["check_ins"], 0);
}

#[test]
fn corrupt_lines_are_skipped_and_the_rest_exported() {
    let env = Env::new();
    let good = check_saved(&env, &calm_answers());
    append_log(&env, &["{\"schema\": 1, \"id\":".to_string()]);
    append_log(
        &env,
        &[record_at(&good, "later", "2020-11-22T09:00:00.000+00:00").to_string()],
    );
    for format in ["json", "fhir", "csv", "html"] {
        let out = export(&env, &["--format", format]).label(format).code(0);
        let err = stderr(&out);
        let warnings: Vec<&str> = err.lines().filter(|l| l.contains("warning")).collect();
        assert_eq!(warnings.len(), 1, "{format}: {err}");
        assert!(warnings[0].contains("line 2"), "{err}");
        let shown = if format == "html" {
            "2020-11-22"
        } else {
            "later"
        };
        assert!(stdout(&out).contains(shown), "{format}");
    }
}

#[test]
fn the_period_filters_the_export() {
    let env = Env::new();
    sample(&env);
    let doc = json_of(&export_ok(
        &env,
        &[
            "--format",
            "json",
            "--since",
            "2020-11-20",
            "--until",
            "2020-11-21",
        ],
    ));
    let ids: Vec<&str> = doc["records"]
        .as_array()
        .expect("records")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    // 2020-11-21T08:00-05:00 is 13:00 UTC on the 21st: inside.
    assert_eq!(ids, ["20261120-stopped", "20261121-edited"]);
    assert_eq!(doc["period"]["until"], "2020-11-21T23:59:59.999+00:00");
}

// ---------------------------------------------------------------- FHIR

/// linkId -> (item type, parent linkId) for every Questionnaire item.
fn questionnaire_items(q: &Value) -> HashMap<String, (String, Option<String>)> {
    fn walk(
        items: &Value,
        parent: Option<&str>,
        out: &mut HashMap<String, (String, Option<String>)>,
    ) {
        for item in items.as_array().into_iter().flatten() {
            let link = item["linkId"].as_str().expect("linkId").to_string();
            let kind = item["type"].as_str().expect("type").to_string();
            assert!(
                out.insert(link.clone(), (kind, parent.map(String::from)))
                    .is_none(),
                "linkId {link} twice"
            );
            walk(&item["item"], Some(&link), out);
        }
    }
    let mut out = HashMap::new();
    walk(&q["item"], None, &mut out);
    out
}

/// Checks a response's items against the Questionnaire; returns the linkIds seen,
/// with their parents.
fn check_response_items(
    items: &Value,
    parent: Option<&str>,
    q: &HashMap<String, (String, Option<String>)>,
    options: &HashMap<String, HashSet<String>>,
    seen: &mut Vec<(String, Option<String>)>,
) {
    for item in items.as_array().expect("item is a list") {
        let link = item["linkId"].as_str().expect("linkId");
        let (kind, q_parent) = q
            .get(link)
            .unwrap_or_else(|| panic!("linkId {link} is not in the Questionnaire"));
        assert_eq!(q_parent.as_deref(), parent, "{link} is nested differently");
        // qrs-1: never both child items and answers on one item.
        assert!(
            item.get("item").is_none() || item.get("answer").is_none(),
            "{link} has both item and answer"
        );
        seen.push((link.to_string(), parent.map(String::from)));
        if kind == "group" {
            assert!(item.get("answer").is_none(), "group {link} has an answer");
            check_response_items(&item["item"], Some(link), q, options, seen);
            continue;
        }
        assert!(item.get("item").is_none(), "question {link} has items");
        let answers = item["answer"].as_array().expect("answer list");
        // One answer per question; the alerts items (`repeats`) list every alert.
        if !link.starts_with("sidecheck-alerts-") {
            assert_eq!(answers.len(), 1, "{link}");
        }
        for a in answers {
            let values: Vec<&String> = a
                .as_object()
                .expect("answer object")
                .keys()
                .filter(|k| k.starts_with("value"))
                .collect();
            assert_eq!(values.len(), 1, "{link}: {a}");
            let want = match kind.as_str() {
                "boolean" => "valueBoolean",
                "choice" => "valueCoding",
                "integer" => "valueInteger",
                "decimal" => "valueDecimal",
                "string" | "text" => "valueString",
                other => panic!("unexpected item type {other}"),
            };
            assert_eq!(values[0], want, "{link}");
            match want {
                "valueBoolean" => assert!(a[want].is_boolean()),
                "valueInteger" => assert!(a[want].is_i64()),
                "valueDecimal" => assert!(a[want].is_number()),
                "valueString" => assert!(a[want].as_str().is_some_and(|s| !s.trim().is_empty())),
                _ => {
                    let code = a[want]["code"].as_str().expect("code");
                    assert!(options[link].contains(code), "{link}: {code}");
                    assert!(a[want]["system"].is_string());
                }
            }
            if let Some(children) = a.get("item") {
                check_response_items(children, Some(link), q, options, seen);
            }
        }
    }
}

fn answer_options(q: &Value) -> HashMap<String, HashSet<String>> {
    fn walk(items: &Value, out: &mut HashMap<String, HashSet<String>>) {
        for item in items.as_array().into_iter().flatten() {
            if let Some(opts) = item["answerOption"].as_array() {
                let codes = opts
                    .iter()
                    .filter_map(|o| o["valueCoding"]["code"].as_str().map(String::from))
                    .collect();
                out.insert(item["linkId"].as_str().expect("linkId").into(), codes);
            }
            walk(&item["item"], out);
        }
    }
    let mut out = HashMap::new();
    walk(&q["item"], &mut out);
    out
}

#[test]
fn fhir_bundle_responses_match_the_questionnaire() {
    let env = Env::new();
    let records = sample(&env);
    let bundle = json_of(&export_ok(&env, &["--format", "fhir"]));
    assert_eq!(bundle["resourceType"], "Bundle");
    assert_eq!(bundle["type"], "collection");
    let qs = fhir_resources(&bundle, "Questionnaire");
    assert_eq!(qs.len(), 1);
    let q = qs[0];
    let items = questionnaire_items(q);
    let options = answer_options(q);
    let canonical = format!(
        "{}|{}",
        q["url"].as_str().expect("url"),
        q["version"].as_str().expect("version")
    );

    let responses = fhir_resources(&bundle, "QuestionnaireResponse");
    assert_eq!(responses.len(), records.len());
    for (qr, rec) in responses.iter().zip(&records) {
        assert_eq!(qr["identifier"]["value"], rec["id"]);
        assert_eq!(qr["questionnaire"], json!(canonical));
        let want = if rec["status"] == "stopped" {
            "stopped"
        } else {
            "completed"
        };
        assert_eq!(qr["status"], want);
        // `authored` keeps the timezone.
        let authored = qr["authored"].as_str().expect("authored");
        assert_eq!(authored, rec["ended_at"].as_str().expect("ended_at"));
        let zone = &authored[authored.len() - 6..];
        assert!(
            zone.starts_with(['+', '-']) && zone.as_bytes()[3] == b':',
            "{authored}"
        );
        let mut seen = Vec::new();
        check_response_items(&qr["item"], None, &items, &options, &mut seen);
        // Every answer saved (bar empty notes and not-enabled follow-ups) is there.
        for a in rec["answers"].as_array().expect("answers") {
            let id = a["question"].as_str().expect("question");
            let empty_note = a["value"].as_str().is_some_and(|s| s.is_empty());
            let not_enabled = rec["id"] == "20261121-edited" && id == "suicidal_plan";
            assert_eq!(
                seen.iter().any(|(l, _)| l == id),
                !empty_note && !not_enabled,
                "{id} in {}",
                rec["id"]
            );
        }
    }

    // Follow-ups sit under their question's answer.
    let missed = fhir_response(&bundle, &records[2]["id"]);
    let mut seen = Vec::new();
    check_response_items(&missed["item"], None, &items, &options, &mut seen);
    assert!(seen.contains(&("stopped".into(), Some("dose_change".into()))));
    assert!(seen.contains(&("missed_days".into(), Some("stopped".into()))));
    assert!(seen.contains(&("tremors".into(), Some("dose_change".into()))));
    let urgent = fhir_response(&bundle, &records[1]["id"]);
    assert!(urgent.to_string().contains(&json!(NOTE).to_string()));
}

/// A sub-extension's integer, by url.
fn sub(ext: &Value, url: &str) -> Option<i64> {
    ext["extension"]
        .as_array()?
        .iter()
        .find(|e| e["url"] == url)
        .and_then(|e| e["valueInteger"].as_i64())
}

fn section_grades<'a>(qr: &'a Value, section: &str) -> &'a Value {
    fhir_item(qr, &format!("section-{section}"))["extension"]
        .as_array()
        .and_then(|e| {
            e.iter()
                .find(|x| x["url"] == "urn:sidecheck:fhir:section-grades")
        })
        .unwrap_or_else(|| panic!("no grades for {section}"))
}

#[test]
fn fhir_responses_carry_grades_and_urgent_findings_not_sums() {
    let env = Env::new();
    let records = sample(&env);
    let bundle = json_of(&export_ok(&env, &["--format", "fhir"]));
    let urgent = fhir_response(&bundle, &records[1]["id"]);
    let standing = records[1]["alerts"]
        .as_array()
        .expect("alerts")
        .iter()
        .filter(|a| a["level"] != "advice")
        .count() as i64;
    let findings = urgent["extension"]
        .as_array()
        .and_then(|e| {
            e.iter()
                .find(|x| x["url"] == "urn:sidecheck:fhir:urgent-findings")
        })
        .and_then(|x| x["valueInteger"].as_i64());
    assert_eq!(findings, Some(standing));
    let common = section_grades(urgent, "common");
    assert_eq!(sub(common, "graded"), Some(7));
    assert_eq!(sub(common, "moderateOrWorse"), Some(2));
    assert_eq!(sub(common, "highestGrade"), Some(3));
    // Trouble breathing is one yes; the section has no grade at all.
    let serious = section_grades(urgent, "serious");
    assert_eq!(sub(serious, "yes"), Some(1));
    assert_eq!(sub(serious, "highestGrade"), None);
    assert_eq!(sub(serious, "urgentFindings"), Some(1));
    // Every extension has a value or sub-extensions, never both (FHIR ext-1).
    for part in common["extension"].as_array().expect("parts") {
        assert!(part.get("extension").is_none() && part["valueInteger"].is_i64());
    }
    // The stopped one says how many questions it would have asked.
    let stopped = fhir_response(&bundle, &json!("20261120-stopped"));
    let asked = records[0]["answers"].as_array().map(Vec::len).unwrap_or(0) as i64;
    assert!(
        stopped["extension"]
            .as_array()
            .is_some_and(|e| e.iter().any(|x| {
                x["url"] == "urn:sidecheck:fhir:questions-asked" && x["valueInteger"] == asked
            })),
        "{stopped}"
    );
}

#[test]
fn fhir_questionnaire_carries_scores_and_conditions() {
    let env = Env::new();
    let bundle = json_of(&export_ok(&env, &["--format", "fhir"]));
    let q = fhir_resources(&bundle, "Questionnaire")[0];
    assert_eq!(q["status"], "active");
    let items = questionnaire_items(q);
    assert_eq!(items["breathing"].0, "boolean");
    assert_eq!(items["drowsiness"].0, "choice");
    assert_eq!(items["missed_days"].0, "integer");
    assert_eq!(items["notes"].0, "text");
    assert_eq!(items["section-serious"].0, "group");
    assert_eq!(
        items["suicidal_plan"].1.as_deref(),
        Some("suicidal_thoughts")
    );
    // missed_days needs dose_change and not stopped: nested under the later one.
    assert_eq!(items["missed_days"].1.as_deref(), Some("stopped"));

    let drowsy = fhir_item(q, "drowsiness");
    for (i, opt) in drowsy["answerOption"]
        .as_array()
        .expect("options")
        .iter()
        .enumerate()
    {
        let ext = &opt["valueCoding"]["extension"][0];
        assert_eq!(
            ext["url"],
            "http://hl7.org/fhir/StructureDefinition/ordinalValue"
        );
        assert_eq!(ext["valueDecimal"], json!(i));
    }
    let plan = fhir_item(q, "suicidal_plan");
    assert_eq!(
        plan["enableWhen"],
        json!([{"question": "suicidal_thoughts", "operator": "=", "answerBoolean": true}])
    );
    assert!(plan.get("enableBehavior").is_none());
    let missed = fhir_item(q, "missed_days");
    assert_eq!(missed["enableBehavior"], "all");
    assert_eq!(
        missed["enableWhen"],
        json!([
            {"question": "dose_change", "operator": "=", "answerBoolean": true},
            {"question": "stopped", "operator": "=", "answerBoolean": false}
        ])
    );
    // Danger signs are asked of everyone.
    assert!(fhir_item(q, "fever_stiffness").get("enableWhen").is_none());
    // que-12: more than one enableWhen always says how they combine.
    fn check_behavior(items: &Value) {
        for i in items.as_array().into_iter().flatten() {
            if i["enableWhen"].as_array().is_some_and(|e| e.len() > 1) {
                assert!(i["enableBehavior"].is_string(), "{}", i["linkId"]);
            }
            check_behavior(&i["item"]);
        }
    }
    check_behavior(&q["item"]);
}

#[test]
fn fhir_scale_thresholds_become_one_test_per_option() {
    let env = Env::new();
    let mut bank = json_of(include_str!("../questions/baclofen.en.json"));
    for q in bank["questions"].as_array_mut().expect("questions") {
        if q["id"] == "tremors" {
            q["when"] = json!({"question": "drowsiness", "at_least": 3});
        }
        if q["id"] == "cravings" {
            q["when"] = json!({"question": "upset_stomach", "one_of": ["mild", "very_severe"]});
        }
    }
    let bank_file = env.file("bank.json", bank.to_string());
    let bank_arg = bank_file.to_str().expect("path");
    let bundle = json_of(&export_ok(&env, &["--bank", bank_arg, "--format", "fhir"]));
    let q = fhir_resources(&bundle, "Questionnaire")[0];
    let items = questionnaire_items(q);
    assert_eq!(items["tremors"].1.as_deref(), Some("drowsiness"));
    let codes = |item: &Value| -> Vec<(String, String)> {
        item["enableWhen"]
            .as_array()
            .expect("enableWhen")
            .iter()
            .map(|e| {
                (
                    e["operator"].as_str().unwrap_or_default().to_string(),
                    e["answerCoding"]["code"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string(),
                )
            })
            .collect()
    };
    let tremors = fhir_item(q, "tremors");
    assert_eq!(
        codes(tremors),
        [
            ("=".into(), "severe".into()),
            ("=".into(), "very_severe".into())
        ]
    );
    assert_eq!(tremors["enableBehavior"], "any");
    let cravings = fhir_item(q, "cravings");
    assert_eq!(
        codes(cravings),
        [
            ("=".into(), "mild".into()),
            ("=".into(), "very_severe".into())
        ]
    );
    assert_eq!(cravings["enableBehavior"], "any");
}

#[test]
fn fhir_transaction_bundle_posts_each_entry_once() {
    let env = Env::new();
    let records = sample(&env);
    let bundle = json_of(&export_ok(
        &env,
        &["--format", "fhir", "--bundle", "transaction"],
    ));
    assert_eq!(bundle["type"], "transaction");
    let entries = bundle["entry"].as_array().expect("entries");
    assert_eq!(
        fhir_resources(&bundle, "QuestionnaireResponse").len(),
        records.len()
    );
    let mut urls = HashSet::new();
    for e in entries {
        let full = e["fullUrl"].as_str().expect("fullUrl");
        assert!(full.starts_with("urn:uuid:") && full.len() == 45, "{full}");
        assert!(urls.insert(full.to_string()), "{full} twice");
        assert_eq!(e["request"]["method"], "POST");
        assert_eq!(e["request"]["url"], e["resource"]["resourceType"]);
        assert!(e["request"]["ifNoneExist"].is_string());
    }
    // The same check-in gets the same fullUrl in the next export.
    let again = json_of(&export_ok(&env, &["--format", "fhir"]));
    let first_response = |b: &Value| -> Value {
        b["entry"]
            .as_array()
            .expect("entries")
            .iter()
            .find(|e| e["resource"]["resourceType"] == "QuestionnaireResponse")
            .cloned()
            .expect("a response")
    };
    assert_eq!(
        first_response(&again)["fullUrl"],
        first_response(&bundle)["fullUrl"]
    );
    assert!(first_response(&again).get("request").is_none());
}

#[test]
fn fhir_with_no_check_ins_still_holds_the_questionnaire() {
    let env = Env::new();
    let out = export(&env, &["--format", "fhir"])
        .code(0)
        .stderr_has("no check-ins");
    let bundle = json_of(&stdout(&out));
    assert_eq!(fhir_resources(&bundle, "Questionnaire").len(), 1);
    assert!(fhir_resources(&bundle, "QuestionnaireResponse").is_empty());
}

// ---------------------------------------------------------------- CSV

#[test]
fn csv_reads_back_with_the_same_values() {
    let env = Env::new();
    let mut records = sample(&env);
    // A note a spreadsheet would run as a formula.
    records.push(check_saved(
        &env,
        &answers_with(json!({"notes": "=HYPERLINK(\"x\")"})),
    ));
    let text = export_ok(&env, &["--format", "csv"]);
    assert!(text.contains("\r\n"), "RFC 4180 line ends");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        [
            "checkin_id",
            "time",
            "status",
            "section",
            "question_id",
            "question_text",
            "answer",
            "grade",
            "urgent",
            "retracted_alert",
            "section_moderate_or_worse",
            "section_highest_grade",
            "checkin_urgent_findings",
            "alert_ids",
            "alert_levels",
            "answered_of_asked",
            "baseline_grade",
            "change_from_baseline",
            "is_baseline",
            "respondent"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let want: Vec<(&Value, &Value)> = records
        .iter()
        .flat_map(|r| {
            r["answers"]
                .as_array()
                .into_iter()
                .flatten()
                .map(move |a| (r, a))
        })
        .collect();
    assert_eq!(rows.len(), want.len());
    for (row, (r, a)) in rows.iter().zip(want) {
        assert_eq!(&row[0], r["id"].as_str().expect("id"));
        assert_eq!(&row[1], r["started_at"].as_str().expect("time"));
        if r["status"] == "completed" {
            assert_eq!(&row[2], "completed");
        } else {
            assert!(row[2].starts_with("stopped after 4 of "), "{}", &row[2]);
        }
        assert_eq!(&row[3], a["section"].as_str().expect("section"));
        assert_eq!(&row[4], a["question"].as_str().expect("question"));
        assert!(
            row[5].ends_with('?') || row[5].ends_with('.'),
            "{}",
            &row[5]
        );
        let answer = match (&a["label"], &a["value"]) {
            (Value::String(l), _) => l.clone(),
            (_, Value::Number(n)) => n.to_string(),
            (_, Value::String(s)) if s.starts_with('=') => format!("'{s}"),
            (_, Value::String(s)) => s.clone(),
            (_, v) => v.to_string(),
        };
        assert_eq!(&row[6], answer);
        // A grade is a scale answer's score; a yes/no answer has none.
        let grade = a["score"]
            .as_u64()
            .filter(|_| a["value"].is_string())
            .map(|s| s.to_string())
            .unwrap_or_default();
        assert_eq!(&row[7], grade);
        let urgent = r["alerts"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|al| al["question"] == a["question"] && al["level"] != "advice");
        assert_eq!(&row[8], if urgent { "true" } else { "false" });
        let findings = r["alerts"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|al| al["level"] != "advice")
            .count();
        assert_eq!(&row[12], findings.to_string());
    }
    // The note with quotes, a comma and a line break comes back whole.
    assert!(rows.iter().any(|r| &r[6] == NOTE));
    // A seizure or trouble breathing is a yes, never a grade of 4.
    let breathing = rows
        .iter()
        .find(|r| &r[4] == "breathing" && &r[6] == "Yes")
        .expect("breathing yes");
    assert_eq!((&breathing[7], &breathing[8]), ("", "true"));
    // The urgent check-in's common rows: 2 at moderate or worse, highest grade 3.
    let common = rows
        .iter()
        .find(|r| &r[0] == records[1]["id"].as_str().unwrap_or_default() && &r[3] == "common")
        .expect("common row");
    assert_eq!((&common[10], &common[11]), ("2", "3"));
}

// ---------------------------------------------------------------- HTML

#[test]
fn html_page_has_the_alerts_and_a_chart_per_section() {
    let env = Env::new();
    sample(&env);
    let html = export_ok(&env, &["--format", "html"]);
    // Self-contained, no scripts.
    let lower = html.to_lowercase();
    for bad in [
        "<script", "<link", "src=", "href=", "@import", "url(", "<iframe", "onload",
    ] {
        assert!(!lower.contains(bad), "found {bad}");
    }
    // In order: notice, alerts, charts, symptoms table, scales.
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("no {s}"));
    let order = [
        at("This check is not a diagnosis"),
        at("<h2>Urgent alerts</h2>"),
        at("<svg class=\"trend\""),
        at("<h2>Symptoms by date</h2>"),
        at("<h2>How to read the grades</h2>"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // The alerts, with their date.
    let alerts = &html[order[1]..order[2]];
    assert!(alerts.contains("You had trouble breathing"));
    assert!(alerts.contains("A side effect was severe"));
    assert!(alerts.contains("Emergency"));
    // One SVG per scored section, each with exactly one series and labelled axes.
    let svgs: Vec<&str> = html.split("<svg ").skip(1).collect();
    let sections: Vec<&str> = svgs
        .iter()
        .map(|s| {
            let tail = &s[s.find("data-section=\"").expect("data-section") + 14..];
            &tail[..tail.find('"').expect("quote")]
        })
        .collect();
    // Sections with graded questions; the stopped check-in is not charted.
    assert_eq!(sections, ["common", "withdrawal", "use"]);
    for svg in &svgs {
        let svg = &svg[..svg.find("</svg>").expect("end of svg")];
        assert_eq!(svg.matches("class=\"series\"").count(), 1);
        assert!(svg.contains(">Moderate+</text>") && svg.contains(">Date</text>"));
        assert!(svg.contains(">2020-11-20"), "dates on the x axis");
    }
    // Grades, not sums: a yes is a yes, a scale answer has its grade of 4.
    assert!(
        !html.contains("(4 of 4)") && !html.contains("of 12"),
        "{html}"
    );
    assert!(html.contains("(grade 3 of 4)"), "severe drowsiness");
    assert!(
        html.contains("<b>Common side effects</b>: 2 of 7 at moderate or worse, highest grade 3"),
        "section numbers"
    );
    assert!(html.contains("There is no total score"));
    // Free text is escaped, never markup.
    assert!(!html.contains("<b>after</b>"));
    assert!(html.contains("&lt;b&gt;after&lt;/b&gt;"));
    assert!(html.contains("Stopped after 4 of "), "stopped row");
    assert!(html.contains("@media print") && html.contains("break-inside: avoid"));
}

#[test]
fn html_for_an_empty_period_says_there_is_nothing() {
    let env = Env::new();
    sample(&env);
    let out = export(&env, &["--format", "html", "--since", "2030-01-01"])
        .code(0)
        .stderr_has("no check-ins");
    let html = stdout(&out);
    assert!(html.contains("There are no check-ins in this period."));
    assert!(!html.contains("<svg"));
}

// ---------------------------------------------------------------- --output

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777
}

fn dir_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn output_file_is_private_and_never_replaced_without_force() {
    let env = Env::new();
    sample(&env);
    let dir = env.tmp.path().join("out");
    std::fs::create_dir(&dir).expect("out dir");
    let file = dir.join("report.csv");
    let path = file.to_str().expect("path");

    export(&env, &["--format", "csv", "--output", path])
        .code(0)
        .stdout_empty()
        .stderr_has("Wrote 5 check-ins");
    let first = std::fs::read_to_string(&file).expect("report");
    assert!(first.starts_with("checkin_id,"));
    #[cfg(unix)]
    assert_eq!(mode(&file), 0o600);

    // An existing file is refused: exit 2, one line that names --force.
    std::fs::write(&file, "keep me").expect("write");
    let out = export(&env, &["--format", "json", "--output", path]).code(2);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).expect("file"), "keep me");

    // --force replaces it, still private, even if it was readable by others.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    }
    export(&env, &["--format", "json", "--output", path, "--force"]).code(0);
    let doc = json_of(&std::fs::read_to_string(&file).expect("report"));
    assert_eq!(doc["format"], "sidecheck-report");
    #[cfg(unix)]
    assert_eq!(mode(&file), 0o600);
    // No temp file is left beside it.
    assert_eq!(dir_names(&dir), ["report.csv"]);
}

#[test]
fn a_failed_export_leaves_no_file() {
    let env = Env::new();
    // A log that cannot be read: a folder where the file should be.
    std::fs::create_dir_all(env.log_path()).expect("folder as log");
    let dir = env.tmp.path().join("out");
    std::fs::create_dir(&dir).expect("out dir");
    let file = dir.join("report.html");
    export(
        &env,
        &["--format", "html", "--output", file.to_str().expect("path")],
    )
    .code(1)
    .stderr_has("was not written");
    assert!(dir_names(&dir).is_empty(), "{:?}", dir_names(&dir));

    let missing = env.tmp.path().join("no/such/folder/report.json");
    export(
        &env,
        &[
            "--format",
            "json",
            "--output",
            missing.to_str().expect("path"),
        ],
    )
    .code(2)
    .stderr_has("does not exist");
}

#[test]
fn export_usage_errors_are_one_line() {
    let env = Env::new();
    for args in [
        vec!["--format", "csv", "--bundle", "transaction"],
        vec!["--format", "pdf"],
        vec!["--format", "json", "--until", "tomorrow"],
    ] {
        let out = export(&env, &args).code(2);
        assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    }
}

#[cfg(unix)]
#[test]
fn an_export_never_writes_over_the_log_or_into_the_data_folder_even_with_force() {
    let env = Env::new();
    check_saved(&env, &calm_answers());
    // A torn-line copy and a rescue copy, as a crash and a failed save leave them.
    let torn = env
        .data_dir()
        .join("checkins.jsonl.torn-20250101T000000.000000Z-1");
    std::fs::write(&torn, b"{\"schema\":1,").unwrap();
    let rescue = env.file("sidecheck-rescue-20250101-000000-000000000001.json", "{}");
    let link = env.tmp.path().join("report.csv");
    std::os::unix::fs::symlink(env.log_path(), &link).unwrap();
    let hard = env.tmp.path().join("hard.jsonl");
    std::fs::hard_link(env.log_path(), &hard).unwrap();
    let sub = env.tmp.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    let data = env.data_dir();
    let spelled = sub.join("../data/./checkins.jsonl");
    let new_inside = data.join("report.csv");

    let snapshot = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        let mut v: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
            .collect();
        v.sort();
        v
    };
    let data_before = snapshot(&data);
    let tmp_before = snapshot(env.tmp.path());
    for dest in [
        &env.log_path(),
        &spelled,
        &link,
        &hard,
        &torn,
        &rescue,
        &new_inside,
    ] {
        for force in [true, false] {
            let mut args = vec!["--format", "csv", "--output", dest.to_str().unwrap()];
            if force {
                args.push("--force");
            }
            let out = export(&env, &args).code(2);
            let err = stderr(&out);
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(err.contains("even with --force"), "{err}");
            assert!(err.contains("outside"), "{err}");
        }
    }
    assert_eq!(snapshot(&data), data_before, "the data folder is untouched");
    assert_eq!(snapshot(env.tmp.path()), tmp_before, "nothing else changed");
    assert!(!new_inside.exists());
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );

    // A file beside the data folder is a fine place for a report.
    let beside = env.tmp.path().join("fine.csv");
    export(
        &env,
        &["--format", "csv", "--output", beside.to_str().unwrap()],
    )
    .code(0);
}

#[test]
fn old_format_records_still_export_and_their_sums_are_not_used() {
    let env = Env::new();
    let mut old = template_record(&answers_with(json!({
        "seizure": true, "drowsiness": "moderate"
    })));
    old["schema"] = json!(2);
    old.as_object_mut().expect("object").remove("asked");
    old["scores"] = json!([
        {"section": "serious", "score": 4, "max": 12, "answered": 3},
        {"section": "withdrawal", "score": 0, "max": 0, "answered": 0}
    ]);
    append_log(&env, &[old.to_string()]);
    let doc = json_of(&export_ok(&env, &["--format", "json"]));
    assert_valid(&validator(&env), &doc);
    // The record is exported exactly as saved, sums and all...
    assert_eq!(doc["records"][0]["scores"], old["scores"]);
    // ...but the numbers are worked out from its answers.
    let serious = numbers_of(&doc, &old["id"], "serious").expect("serious");
    assert_eq!(
        (&serious["yes"], &serious["urgent_findings"]),
        (&json!(1), &json!(1))
    );
    let common = numbers_of(&doc, &old["id"], "common").expect("common");
    assert_eq!(common["moderate_or_worse"], 1);
    assert_eq!(numbers_of(&doc, &old["id"], "withdrawal"), None);
    for format in ["csv", "html", "fhir"] {
        let text = export_ok(&env, &["--format", format]);
        assert!(
            !text.contains("of 12") && !text.contains("0 of 0"),
            "{format}"
        );
    }
}

// ---------------------------------------------------------------- retracted alerts

#[test]
fn a_json_report_with_retracted_alerts_validates_and_lists_them_apart() {
    let env = Env::new();
    let mut records = sample(&env);
    records.push(with_retracted_at(&env, "+01:00"));
    let doc = json_of(&export_ok(&env, &["--format", "json"]));
    assert_valid(&validator(&env), &doc);
    assert_eq!(doc["records"], json!(records));
    assert_eq!(doc["summary"]["counts"]["retracted_alerts"], 2);
    let ids: Vec<&str> = doc["summary"]["retracted_alerts"]
        .as_array()
        .expect("retracted_alerts")
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    assert_eq!(ids, ["suicide_emergency", "suicidal_thoughts"]);
    // Not counted as standing.
    assert!(
        !doc["summary"]["urgent_alerts"]
            .to_string()
            .contains("suicide_emergency")
    );
}

#[test]
fn a_retracted_alert_whose_question_is_no_longer_answered_still_gets_a_csv_row() {
    let env = Env::new();
    let r = with_retracted_at(&env, "+01:00");
    let text = export_ok(&env, &["--format", "csv"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let answers = r["answers"].as_array().expect("answers").len();
    // One row per answer, and one for the plan question, which was not asked in the end.
    assert_eq!(rows.len(), answers + 1);
    let plan = rows
        .iter()
        .find(|row| &row[4] == "suicidal_plan")
        .expect(&text);
    assert_eq!(&plan[6], "", "no answer");
    assert_eq!(&plan[8], "false");
    assert!(plan[9].contains("(emergency): shown at 2026-11-30 09:01:00, then the answer was changed at 2026-11-30 09:01:30"), "{text}");
    let thoughts = rows
        .iter()
        .find(|row| &row[4] == "suicidal_thoughts")
        .expect(&text);
    assert_eq!(&thoughts[6], "No");
    assert!(thoughts[9].contains("(crisis)"), "{text}");
}

#[test]
fn fhir_and_html_show_retracted_alerts() {
    let env = Env::new();
    let r = with_retracted_at(&env, "+01:00");
    let bundle = json_of(&export_ok(&env, &["--format", "fhir"]));
    let qr = fhir_response(&bundle, &r["id"]);
    let items = questionnaire_items(fhir_resources(&bundle, "Questionnaire")[0]);
    let options = answer_options(fhir_resources(&bundle, "Questionnaire")[0]);
    let mut seen = Vec::new();
    check_response_items(&qr["item"], None, &items, &options, &mut seen);
    assert!(seen.contains(&(
        "sidecheck-alerts-retracted".into(),
        Some("sidecheck-alerts".into())
    )));
    let text = qr.to_string();
    assert!(text.contains("You have thoughts of hurting or killing yourself (crisis, question suicidal_thoughts); shown at 2026-11-30T09:00:40.000+01:00, then the answer was changed at 2026-11-30T09:01:40.000+01:00"), "{text}");
    assert!(!seen.iter().any(|(l, _)| l == "sidecheck-alerts-standing"));

    let html = export_ok(&env, &["--format", "html"]);
    let at = html.find("<section id=\"alerts\">").expect(&html);
    let section = &html[at..at + html[at..].find("</section>").expect(&html)];
    assert!(
        section.contains("2 urgent alerts were shown to the person and then retracted"),
        "{section}"
    );
    assert!(
        section.contains("level-emergency") && section.contains("level-crisis"),
        "{section}"
    );
    assert!(
        html.contains("No urgent alert stands in this period"),
        "{html}"
    );
}

#[test]
fn chart_date_labels_never_repeat_or_crowd_for_check_ins_minutes_apart() {
    let env = Env::new();
    for _ in 0..3 {
        check_saved(&env, &answers_with(json!({"dizziness": "moderate"})));
    }
    let html = export_ok(&env, &["--format", "html"]);
    for svg in html.split("<svg").skip(1) {
        let svg = &svg[..svg.find("</svg>").unwrap_or(svg.len())];
        // The x-axis labels: a date (and time) in a text element.
        let labels: Vec<&str> = svg
            .split("<text")
            .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
            .filter_map(|rest| rest.split_once("</text>").map(|(label, _)| label))
            .filter(|l| l.starts_with("20"))
            .collect();
        assert!(!labels.is_empty(), "{svg}");
        assert!(
            labels.len() <= 3,
            "too many date-and-time labels to fit: {labels:?}"
        );
        for pair in labels.windows(2) {
            assert_ne!(pair[0], pair[1], "{labels:?}");
        }
    }
}

/// A report longer than what its spools keep in memory: the rows after the
/// summary go through a file beside the log, come out whole and in order, and no
/// file is left in the data folder.
#[test]
fn a_long_report_spools_its_rows_and_leaves_nothing_behind() {
    let env = Env::new();
    let template = template_record(&answers_with(json!({"breathing": true})));
    let n = 2500;
    let lines: Vec<String> = (0..n)
        .map(|i| {
            let at = format!(
                "2025-{:02}-{:02}T{:02}:00:00.000+00:00",
                1 + i / 300,
                1 + i / 12 % 25,
                i % 12
            );
            record_at(&template, &format!("20250101-000000-{i:012x}"), &at).to_string()
        })
        .collect();
    append_log(&env, &lines);
    let report = json_of(&export_ok(&env, &["--format", "json"]));
    assert_eq!(report["records"].as_array().map(Vec::len), Some(n));
    let numbers = report["summary"]["check_ins"]
        .as_array()
        .expect("check_ins");
    let alerts = report["summary"]["urgent_alerts"]
        .as_array()
        .expect("alerts");
    assert_eq!(numbers.len(), n);
    assert_eq!(alerts.len(), n);
    for (i, (r, a)) in report["records"]
        .as_array()
        .expect("records")
        .iter()
        .zip(alerts)
        .enumerate()
    {
        assert_eq!(numbers[i]["check_in"], r["id"], "check_ins in log order");
        assert_eq!(a["check_in"], r["id"], "urgent_alerts in log order");
    }
    let html = export_ok(&env, &["--format", "html"]);
    assert_eq!(html.matches("<tr class=\"alert\">").count(), n);
    assert!(html.ends_with("</html>\n"));
    let history = env.cmd().args(["history", "--json"]).run().code(0);
    let rows = json_of(&stdout(&history))["check_ins"]
        .as_array()
        .map(Vec::len);
    assert_eq!(rows, Some(n));
    let text = stdout(&env.cmd().arg("history").run().code(0));
    assert_eq!(text.matches("20250101-000000-").count(), n);
    let left: Vec<String> = std::fs::read_dir(env.data_dir())
        .expect("the data folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["checkins.jsonl"]);
}
