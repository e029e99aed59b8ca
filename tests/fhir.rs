//! The FHIR Bundle carries what the person was told and how they were, not only
//! their answers: a Flag per alert (retracted ones inactive), Observations of the
//! grades and section numbers derived from the response, the code systems of the
//! Bundle's own codes, required Questionnaire items, and no fullUrl twice.

use std::collections::{HashMap, HashSet};

use serde_json::{Value, json};

use crate::support::*;

const FLAG_DETAIL: &str = "http://hl7.org/fhir/StructureDefinition/flag-detail";
const ALERT_QUESTION: &str = "urn:sidecheck:fhir:alert-question";
const ALERT_ANSWER: &str = "urn:sidecheck:fhir:alert-answer";
const LEVELS: &str = "urn:sidecheck:alert-level";

/// The fullUrl of the entry holding this resource.
fn full_url<'a>(bundle: &'a Value, resource: &Value) -> &'a str {
    entries(bundle)
        .iter()
        .find(|e| e["resource"] == *resource)
        .and_then(|e| e["fullUrl"].as_str())
        .expect("an entry with a fullUrl")
}

/// The resources of a type whose identifier value starts with the check-in's id.
fn of_check_in<'a>(bundle: &'a Value, kind: &str, id: &Value) -> Vec<&'a Value> {
    let prefix = format!("{}/", id.as_str().expect("an id"));
    fhir_resources(bundle, kind)
        .into_iter()
        .filter(|r| {
            r["identifier"][0]["value"]
                .as_str()
                .is_some_and(|v| v.starts_with(&prefix))
        })
        .collect()
}

/// The Observation of a check-in with this code.
fn observation<'a>(bundle: &'a Value, id: &Value, code: &str) -> &'a Value {
    of_check_in(bundle, "Observation", id)
        .into_iter()
        .find(|o| o["code"]["coding"][0]["code"] == code)
        .unwrap_or_else(|| panic!("no Observation {code}"))
}

/// The references a Flag's `flag-detail` extensions make.
fn details(flag: &Value) -> Vec<&str> {
    flag["extension"]
        .as_array()
        .expect("extensions")
        .iter()
        .filter(|x| x["url"] == FLAG_DETAIL)
        .filter_map(|x| x["valueReference"]["reference"].as_str())
        .collect()
}

fn extension<'a>(resource: &'a Value, url: &str) -> &'a Value {
    resource["extension"]
        .as_array()
        .and_then(|e| e.iter().find(|x| x["url"] == url))
        .unwrap_or_else(|| panic!("no extension {url} in {resource}"))
}

/// A component's integer by code.
fn component(obs: &Value, code: &str) -> Option<i64> {
    obs["component"]
        .as_array()?
        .iter()
        .find(|c| c["code"]["coding"][0]["code"] == code)
        .and_then(|c| c["valueInteger"].as_i64())
}

/// How many of a saved record's alerts that stand are urgent.
fn urgent_alerts(record: &Value) -> usize {
    record["alerts"]
        .as_array()
        .expect("alerts")
        .iter()
        .filter(|a| a["level"] != "advice")
        .count()
}

/// Trouble breathing with alcohol (the breathing alert replaced by
/// `alcohol_with_breathing`), very severe confusion (an overdose sign), moderate
/// drowsiness and a dose change (advice).
fn urgent_answers() -> Value {
    answers_with(json!({
        "breathing": true, "alcohol_sedatives": true, "confusion": "very_severe",
        "drowsiness": "moderate", "dose_change": true, "stopped": false, "missed_days": 2,
        "tremors": "none", "withdrawal_insomnia": "none", "irritability": "none",
        "cravings": "none", "angry_outbursts": "never"
    }))
}

#[test]
fn every_alert_is_a_flag_on_its_response_with_its_question_level_and_time() {
    let env = Env::new();
    let record = check_saved(&env, &urgent_answers());
    let b = bundle(&env, &[]);
    assert_whole(&b);
    let qr = fhir_response(&b, &record["id"]);
    let qr_url = full_url(&b, qr);
    let flags = of_check_in(&b, "Flag", &record["id"]);
    let alerts = record["alerts"].as_array().expect("alerts");
    assert_eq!(flags.len(), alerts.len(), "one Flag per alert");
    assert!(alerts.iter().any(|a| a["id"] == "alcohol_with_breathing"));
    assert!(alerts.iter().any(|a| a["level"] == "advice"));
    for (flag, a) in flags.iter().zip(alerts) {
        assert_eq!(flag["status"], "active");
        assert_eq!(flag["code"]["coding"][0]["code"], a["id"]);
        assert_eq!(flag["subject"], qr["subject"]);
        assert!(flag.get("encounter").is_none());
        assert_eq!(details(flag)[0], qr_url, "{flag}");
        assert_eq!(
            extension(flag, ALERT_QUESTION)["valueString"],
            a["question"]
        );
        let level = flag["category"]
            .as_array()
            .expect("categories")
            .iter()
            .find_map(|c| (c["coding"][0]["system"] == LEVELS).then(|| &c["coding"][0]["code"]))
            .expect("a level");
        assert_eq!(*level, a["level"]);
        let text = flag["code"]["text"].as_str().expect("text");
        assert!(text.contains(a["title"].as_str().expect("title")), "{text}");
        // When it was raised: shown at once if urgent, in the summary if advice.
        let start = &flag["period"]["start"];
        if a["level"] == "advice" {
            assert_eq!(*start, record["ended_at"]);
        } else {
            assert_eq!(*start, a["shown_at"], "{flag}");
        }
        assert!(flag["period"].get("end").is_none());
    }
    // The advice as the person saw it: the US numbers filled in.
    let breathing = flags
        .iter()
        .find(|f| f["code"]["coding"][0]["code"] == "alcohol_with_breathing")
        .expect("the breathing emergency");
    let text = breathing["code"]["text"].as_str().expect("text");
    assert!(text.starts_with("EMERGENCY: GET HELP NOW."), "{text}");
    assert!(
        text.contains("call 911") && !text.contains("{emergency}"),
        "{text}"
    );
    // Pinned to the alcohol question, it rests on the breathing answer too, as the
    // CSV's urgent column says, and points to that answer's Observation.
    let rests_on: Vec<&Value> = breathing["extension"]
        .as_array()
        .expect("extensions")
        .iter()
        .filter(|x| x["url"] == ALERT_ANSWER)
        .map(|x| &x["valueString"])
        .collect();
    assert_eq!(rests_on, [&json!("alcohol_sedatives"), &json!("breathing")]);
    let breathing_obs = observation(&b, &record["id"], "breathing");
    assert!(details(breathing).contains(&full_url(&b, breathing_obs)));
    // The overdose sign points to the Observation of its question, too.
    let overdose = flags
        .iter()
        .find(|f| f["code"]["coding"][0]["code"] == "overdose_signs")
        .expect("the overdose sign");
    let confusion = observation(&b, &record["id"], "confusion");
    assert!(details(overdose).contains(&full_url(&b, confusion)));
}

#[test]
fn a_flag_gives_the_numbers_of_the_check_in_s_own_region() {
    let env = Env::new();
    let record = check_saved(
        &env,
        &answers_with(
            json!({"suicidal_thoughts": true, "suicidal_plan": false, "suicidal_behavior": false}),
        ),
    );
    // The check-in was made in the US; the export runs elsewhere.
    let b = bundle(&env, &["--region", "GB"]);
    let flag = of_check_in(&b, "Flag", &record["id"])[0];
    let text = flag["code"]["text"].as_str().expect("text");
    assert!(text.contains("988") && !text.contains("116 123"), "{text}");
}

/// The urgent check-in, whose suicide screen was also positive until the answer
/// was changed to "no": its alerts stand, and the crisis alert was retracted.
fn with_retracted(env: &Env) -> Value {
    let mut r = record_at(
        &template_record(&urgent_answers()),
        "20261130-090000-00000000cafe",
        "2026-11-30T09:00:00.000+01:00",
    );
    r["retracted_alerts"] = json!([{
        "id": "suicidal_thoughts", "question": "suicidal_thoughts", "level": "crisis",
        "title": "You have thoughts of hurting or killing yourself",
        "shown_at": "2026-11-30T09:00:40.000+01:00",
        "retracted_at": "2026-11-30T09:01:40.000+01:00"
    }]);
    append_log(env, &[r.to_string()]);
    r
}

#[test]
fn a_retracted_alert_is_an_inactive_flag_with_when_it_was_shown_and_taken_back() {
    let env = Env::new();
    let r = with_retracted(&env);
    let b = bundle(&env, &[]);
    assert_whole(&b);
    let flags = of_check_in(&b, "Flag", &r["id"]);
    let standing = r["alerts"].as_array().expect("alerts").len();
    assert_eq!(flags.len(), standing + 1);
    assert!(flags[..standing].iter().all(|f| f["status"] == "active"));
    let flag = flags[standing];
    let a = &r["retracted_alerts"][0];
    assert_eq!(flag["status"], "inactive");
    assert_eq!(flag["code"]["coding"][0]["code"], "suicidal_thoughts");
    assert_eq!(flag["period"]["start"], a["shown_at"]);
    assert_eq!(flag["period"]["end"], a["retracted_at"]);
    let text = flag["code"]["text"].as_str().expect("text");
    assert!(
        text.starts_with("Retracted: shown at 2026-11-30 09:00:40, then the answer was changed at 2026-11-30 09:01:40. GET SUPPORT NOW."),
        "{text}"
    );
    assert!(text.contains("988"), "{text}");
    assert_eq!(details(flag)[0], full_url(&b, fhir_response(&b, &r["id"])));
    assert_eq!(
        flag["identifier"][0]["value"],
        format!("{}/retracted-alerts/1", r["id"].as_str().expect("id"))
    );
    // Not an urgent finding any more, but counted beside them.
    let findings = observation(&b, &r["id"], "urgent-findings");
    assert_eq!(findings["valueInteger"], urgent_alerts(&r));
    assert_eq!(component(findings, "retracted-urgent-alerts"), Some(1));
}

#[test]
fn observations_carry_each_grade_and_section_derived_from_the_response() {
    let env = Env::new();
    let record = check_saved(&env, &urgent_answers());
    let b = bundle(&env, &[]);
    let qr = fhir_response(&b, &record["id"]);
    let qr_url = full_url(&b, qr);
    let observations = of_check_in(&b, "Observation", &record["id"]);
    for o in &observations {
        assert_eq!(o["status"], "final");
        assert_eq!(o["derivedFrom"], json!([{"reference": qr_url}]));
        assert_eq!(o["effectiveDateTime"], qr["authored"]);
        assert_eq!(o["subject"], qr["subject"]);
        assert_eq!(o["category"][0]["coding"][0]["code"], "survey");
    }
    // A grade: the option, with its grade as the ordinal value.
    let drowsy = &observation(&b, &record["id"], "drowsiness")["valueCodeableConcept"]["coding"][0];
    assert_eq!(drowsy["code"], "moderate");
    assert_eq!(drowsy["extension"][0]["valueDecimal"], 2);
    // A yes/no symptom; context questions and notes get none.
    assert_eq!(
        observation(&b, &record["id"], "breathing")["valueBoolean"],
        true
    );
    let codes: HashSet<&str> = observations
        .iter()
        .filter_map(|o| o["code"]["coding"][0]["code"].as_str())
        .collect();
    for none in ["dose_change", "missed_days", "alcohol_sedatives", "notes"] {
        assert!(!codes.contains(none), "{none}");
    }
    // The section numbers are the JSON report's.
    let doc: Value =
        serde_json::from_str(&stdout(&env.run(["export", "--format", "json"]).code(0)))
            .expect("JSON");
    let numbers = &doc["summary"]["check_ins"][0]["sections"];
    for s in numbers.as_array().expect("sections") {
        let code = format!("section-{}", s["section"].as_str().expect("id"));
        let o = observation(&b, &record["id"], &code);
        assert_eq!(
            component(o, "moderate-or-worse"),
            s["moderate_or_worse"].as_i64(),
            "{code}"
        );
        assert_eq!(
            component(o, "highest-grade"),
            s["highest_grade"].as_i64(),
            "{code}"
        );
        assert_eq!(component(o, "yes-answers"), s["yes"].as_i64(), "{code}");
        assert_eq!(
            component(o, "urgent-findings"),
            s["urgent_findings"].as_i64(),
            "{code}"
        );
    }
    assert_eq!(
        observation(&b, &record["id"], "urgent-findings")["valueInteger"],
        urgent_alerts(&record)
    );
}

#[test]
fn every_code_of_a_flag_or_observation_is_in_a_code_system_of_the_bundle() {
    let env = Env::new();
    check_saved(&env, &urgent_answers());
    with_retracted(&env);
    let b = bundle(&env, &[]);
    let systems: HashMap<&str, HashSet<&str>> = fhir_resources(&b, "CodeSystem")
        .into_iter()
        .map(|cs| {
            let codes = cs["concept"]
                .as_array()
                .expect("concepts")
                .iter()
                .filter_map(|c| c["code"].as_str())
                .collect();
            (cs["url"].as_str().expect("url"), codes)
        })
        .collect();
    let ours = |system: &str| system.starts_with("urn:sidecheck:") && !system.contains(":scale:");
    let mut checked = 0;
    for kind in ["Flag", "Observation"] {
        for r in fhir_resources(&b, kind) {
            let mut codings = vec![&r["code"]["coding"][0]];
            for c in r["category"].as_array().into_iter().flatten() {
                codings.push(&c["coding"][0]);
            }
            for c in r["component"].as_array().into_iter().flatten() {
                codings.push(&c["code"]["coding"][0]);
            }
            for coding in codings {
                let system = coding["system"].as_str().expect("system");
                if !ours(system) {
                    continue;
                }
                let code = coding["code"].as_str().expect("code");
                assert!(
                    systems.get(system).is_some_and(|s| s.contains(code)),
                    "{system}#{code} is in no CodeSystem of the Bundle"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 20, "{checked}");
}

#[test]
fn a_stopped_check_in_s_numbers_say_they_count_only_what_was_answered() {
    let env = Env::new();
    let whole = template_record(&urgent_answers());
    let stopped = stopped_after(&whole, 6, "20261201-090000-0000000000aa");
    append_log(&env, &[stopped.to_string()]);
    let b = bundle(&env, &[]);
    let findings = observation(&b, &stopped["id"], "urgent-findings");
    let note = findings["note"][0]["text"].as_str().expect("a note");
    assert!(
        note.starts_with("The check-in was stopped after 6 of ")
            && note.contains("count only the answers given"),
        "{note}"
    );
    let serious = observation(&b, &stopped["id"], "section-serious");
    assert_eq!(serious["note"], findings["note"]);
    // A single answer is whole even in a stopped check-in.
    assert!(
        observation(&b, &stopped["id"], "breathing")
            .get("note")
            .is_none()
    );
}

/// Every question item of the Questionnaire, depth first.
fn question_items(items: &Value, out: &mut Vec<Value>) {
    for i in items.as_array().into_iter().flatten() {
        if i["type"] != "group" {
            out.push(i.clone());
        }
        question_items(&i["item"], out);
    }
}

#[test]
fn items_the_check_always_asks_are_required_and_notes_is_multi_line_text() {
    let env = Env::new();
    let b = bundle(&env, &[]);
    let mut items = Vec::new();
    question_items(&fhir_resources(&b, "Questionnaire")[0]["item"], &mut items);
    let by_id: HashMap<&str, &Value> = items
        .iter()
        .map(|i| (i["linkId"].as_str().expect("linkId"), i))
        .collect();
    for i in &items {
        let filled_by_sidecheck = i["readOnly"] == true;
        // Only text may be left blank; what sidecheck fills in is never asked.
        let want = i["type"] != "text" && !filled_by_sidecheck;
        assert_eq!(i["required"] == true, want, "{}", i["linkId"]);
    }
    // A follow-up is required when it is enabled.
    assert!(by_id["suicidal_plan"]["enableWhen"].is_array());
    assert_eq!(by_id["suicidal_plan"]["required"], true);
    let notes = by_id["notes"];
    assert_eq!(notes["type"], "text");
    assert_eq!(notes["maxLength"], 1000);

    // A condition FHIR cannot write leaves the item always enabled: then it must not
    // be required, or a check-in that never asked it would be incomplete.
    let mut bank: Value =
        serde_json::from_str(include_str!("../questions/baclofen.en.json")).expect("bank");
    for q in bank["questions"].as_array_mut().expect("questions") {
        if q["id"] == "tremors" {
            q["when"] = json!({"profile": "kidney", "equals": true});
        }
    }
    let file = env.file("bank.json", bank.to_string());
    let out = env
        .cmd()
        .args([
            "--bank",
            file.to_str().expect("path"),
            "export",
            "--format",
            "fhir",
        ])
        .run()
        .code(0)
        .stderr_has("cannot be written as FHIR enableWhen");
    let b: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let tremors = fhir_item(fhir_resources(&b, "Questionnaire")[0], "tremors");
    assert!(tremors.get("required").is_none(), "{tremors}");
}

#[test]
fn a_repeated_line_and_a_finished_stopped_check_in_give_each_entry_once() {
    let env = Env::new();
    let whole = template_record(&urgent_answers());
    let repeated = record_at(
        &whole,
        "20261201-100000-0000000000bb",
        "2026-12-01T10:00:00.000+00:00",
    );
    let stopped = stopped_after(&whole, 6, "20261201-110000-0000000000cc");
    let mut finished = record_at(
        &whole,
        "20261201-111000-0000000000dd",
        "2026-12-01T11:10:00.000+00:00",
    );
    finished["completes"] = stopped["id"].clone();
    let lines: Vec<String> = [&repeated, &repeated, &stopped, &finished, &repeated]
        .iter()
        .map(|r| r.to_string())
        .collect();
    append_log(&env, &lines);
    for kind in ["collection", "transaction"] {
        let b = bundle(&env, &["--bundle", kind]);
        assert_whole(&b);
        let ids: Vec<&Value> = fhir_resources(&b, "QuestionnaireResponse")
            .into_iter()
            .map(|r| &r["identifier"]["value"])
            .collect();
        assert_eq!(ids, [&repeated["id"], &finished["id"]], "{kind}");
        let alerts = whole["alerts"].as_array().expect("alerts").len();
        for id in [&repeated["id"], &finished["id"]] {
            assert_eq!(of_check_in(&b, "Flag", id).len(), alerts, "{kind}");
        }
        assert!(of_check_in(&b, "Flag", &stopped["id"]).is_empty());
        assert!(of_check_in(&b, "Observation", &stopped["id"]).is_empty());
        // Identifiers are unique too, so a server's conditional create finds each.
        let mut searches = HashSet::new();
        for e in entries(&b) {
            if kind == "transaction" {
                assert_eq!(e["request"]["method"], "POST");
                assert_eq!(e["request"]["url"], e["resource"]["resourceType"]);
                let search = e["request"]["ifNoneExist"].as_str().expect("ifNoneExist");
                assert!(searches.insert(search.to_string()), "{search} twice");
            } else {
                assert!(e.get("request").is_none());
            }
        }
    }
}

#[test]
fn the_same_check_in_gives_the_same_full_urls_in_every_export() {
    let env = Env::new();
    check_saved(&env, &urgent_answers());
    with_retracted(&env);
    let urls = |b: &Value| -> Vec<String> {
        entries(b)
            .iter()
            .map(|e| e["fullUrl"].as_str().expect("fullUrl").to_string())
            .collect()
    };
    let first = bundle(&env, &[]);
    let again = bundle(&env, &["--bundle", "transaction"]);
    assert_eq!(urls(&first), urls(&again));
    assert!(fhir_resources(&first, "Flag").len() >= 4);
}

/// The bank in a language, as its file has it.
fn bank_file(lang: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("questions/baclofen.{lang}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("the bank")).expect("JSON")
}

/// Every text of the Questionnaire's question items, by linkId.
fn item_texts(q: &Value) -> HashMap<String, String> {
    let mut items = Vec::new();
    question_items(&q["item"], &mut items);
    items
        .iter()
        .map(|i| {
            let text = i["text"].as_str().expect("text").to_string();
            (i["linkId"].as_str().expect("linkId").to_string(), text)
        })
        .collect()
}

/// One urgent check-in answered in English and one in Spanish, exported in both
/// languages.
fn in_both_languages(env: &Env) -> (Value, Value) {
    let en = check_saved(env, &urgent_answers());
    env.check(&urgent_answers(), &["--lang", "es"]).code(0);
    let es = env.records().pop().expect("the Spanish check-in");
    assert_eq!(
        (&en["bank"]["language"], &es["bank"]["language"]),
        (&json!("en"), &json!("es"))
    );
    (en, es)
}

#[test]
fn each_response_says_the_language_it_was_answered_in_and_the_questionnaire_its_own() {
    let env = Env::new();
    let (en, es) = in_both_languages(&env);
    for (export, lang) in [("en", "en"), ("es", "es")] {
        let b = bundle(&env, &["--lang", export]);
        assert_whole(&b);
        let q = fhir_resources(&b, "Questionnaire")[0];
        assert_eq!(q["language"], lang);
        // Answers are saved by id: both check-ins are in either Bundle, each
        // saying the language it was answered in.
        assert_eq!(fhir_response(&b, &en["id"])["language"], "en");
        assert_eq!(fhir_response(&b, &es["id"])["language"], "es");
        // The question texts are the export bank's.
        let bank = bank_file(lang);
        let texts = item_texts(q);
        for question in bank["questions"].as_array().expect("questions") {
            let id = question["id"].as_str().expect("id");
            assert_eq!(texts[id], question["text"].as_str().expect("text"), "{id}");
        }
    }
}

#[test]
fn a_spanish_export_s_words_for_people_are_spanish_and_standard_displays_stay() {
    let env = Env::new();
    let (en, _) = in_both_languages(&env);
    let b = bundle(&env, &["--lang", "es"]);
    let text = b.to_string();
    for english in [
        "The person the check-in is about",
        "Urgent alerts shown during",
        "Urgent alerts shown that still stand",
        "Numbers shown for region",
        "section findings",
        "sidecheck, a self-check program",
        "Self-check about",
    ] {
        assert!(!text.contains(english), "{english:?} in the Spanish Bundle");
    }
    let qr = fhir_response(&b, &en["id"]);
    assert!(
        qr["subject"]["display"]
            .as_str()
            .expect("subject")
            .starts_with("La persona de la que trata el control"),
        "{}",
        qr["subject"]
    );
    let alerts = qr["item"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["linkId"] == "sidecheck-alerts")
        .expect("the alerts group");
    assert_eq!(
        alerts["text"],
        "Alertas urgentes que se mostraron durante el control"
    );
    let flag = of_check_in(&b, "Flag", &en["id"])
        .into_iter()
        .find(|f| f["code"]["coding"][0]["code"] == "alcohol_with_breathing")
        .expect("the breathing emergency");
    let said = flag["code"]["text"].as_str().expect("text");
    assert!(said.starts_with("EMERGENCIA: PIDA AYUDA AHORA."), "{said}");
    assert!(
        said.ends_with("Números que se mostraron para la región US."),
        "{said}"
    );
    // A scale answer's display is the Spanish bank's label.
    let es_bank = bank_file("es");
    let moderate = es_bank["scales"]["severity"]
        .as_array()
        .expect("severity")
        .iter()
        .find(|o| o["id"] == "moderate")
        .expect("moderate");
    let drowsiness = observation(&b, &en["id"], "drowsiness");
    assert_eq!(
        drowsiness["valueCodeableConcept"]["text"],
        moderate["label"]
    );
    // HL7's displays of its own codes stay as HL7 has them.
    assert_eq!(drowsiness["category"][0]["coding"][0]["display"], "Survey");
}

#[test]
fn an_english_export_keeps_its_words() {
    let env = Env::new();
    let (en, es) = in_both_languages(&env);
    let b = bundle(&env, &["--lang", "en"]);
    for r in [&en, &es] {
        let qr = fhir_response(&b, &r["id"]);
        assert_eq!(
            qr["subject"]["display"],
            "The person the check-in is about (sidecheck keeps no name or other identifier)"
        );
        let flag = of_check_in(&b, "Flag", &r["id"])[0];
        let said = flag["code"]["text"].as_str().expect("text");
        assert!(said.ends_with("Numbers shown for region US."), "{said}");
    }
    let q = fhir_resources(&b, "Questionnaire")[0];
    assert!(
        q["description"]
            .as_str()
            .expect("description")
            .starts_with("Self-check about baclofen"),
        "{}",
        q["description"]
    );
}
