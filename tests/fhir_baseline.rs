//! The baseline travels in the FHIR Bundle: the baseline check-in's response is
//! marked, and each symptom Observation of a completed check-in after it carries
//! the baseline's answer and the change (codes in a CodeSystem of the Bundle),
//! derived from the baseline's response too, or from its identifier when that
//! response is not in the Bundle. Without a usable baseline the Bundle says
//! nothing of one.

use std::collections::HashSet;

use serde_json::{Value, json};

use crate::support::*;

const BASELINE: &str = "urn:sidecheck:fhir:baseline";
const MARKED_AT: &str = "urn:sidecheck:fhir:baseline-marked-at";
const CHANGES: &str = "urn:sidecheck:baseline-change";
const OBSERVATIONS: &str = "urn:sidecheck:baclofen:observation";

/// The first answers: drowsiness none, dizziness mild.
fn before() -> Value {
    answers_with(json!({"dizziness": "mild"}))
}

/// Later answers: drowsiness moderate, dizziness mild.
fn later() -> Value {
    answers_with(json!({"drowsiness": "moderate", "dizziness": "mild"}))
}

/// `export --format fhir`, which must succeed and warn `says`, as JSON.
fn bundle_warning(env: &Env, says: &str) -> Value {
    let out = env
        .cmd()
        .args(["export", "--format", "fhir"])
        .run()
        .code(0)
        .stderr_has(says);
    serde_json::from_str(&stdout(&out)).expect("a JSON Bundle")
}

/// The fullUrl of check-in `id`'s response.
fn response_url<'a>(b: &'a Value, id: &Value) -> &'a str {
    let qr = fhir_response(b, id);
    entries(b)
        .iter()
        .find(|e| e["resource"] == *qr)
        .and_then(|e| e["fullUrl"].as_str())
        .expect("the response's fullUrl")
}

/// Check-in `id`'s symptom Observation of question `symptom`.
fn symptom<'a>(b: &'a Value, id: &Value, symptom: &str) -> &'a Value {
    let want = format!("{}/{symptom}", id.as_str().expect("an id"));
    fhir_resources(b, "Observation")
        .into_iter()
        .find(|o| o["identifier"][0]["value"] == want.as_str())
        .unwrap_or_else(|| panic!("no Observation {want}"))
}

/// The component with this code in the observation code system.
fn component<'a>(o: &'a Value, code: &str) -> Option<&'a Value> {
    o["component"].as_array()?.iter().find(|c| {
        c["code"]["coding"][0]["system"] == OBSERVATIONS && c["code"]["coding"][0]["code"] == code
    })
}

/// The change component's coding and words.
fn change(o: &Value) -> (&Value, &Value) {
    let c = component(o, "change-since-baseline").unwrap_or_else(|| panic!("no change in {o}"));
    let value = &c["valueCodeableConcept"];
    (&value["coding"][0], &value["text"])
}

/// The value of an extension, if the resource has it.
fn extension<'a>(r: &'a Value, url: &str) -> Option<&'a Value> {
    r["extension"].as_array()?.iter().find(|x| x["url"] == url)
}

/// Whether any symptom Observation (one without components of its own: not a
/// section's or the urgent findings) carries a comparison, or any response a mark.
fn says_baseline(b: &Value) -> bool {
    let compared = fhir_resources(b, "Observation").into_iter().any(|o| {
        component(o, "baseline-value").is_some()
            || o["derivedFrom"].as_array().is_some_and(|d| d.len() > 1)
    });
    let marked = fhir_resources(b, "QuestionnaireResponse")
        .into_iter()
        .any(|qr| extension(qr, BASELINE).is_some() || extension(qr, MARKED_AT).is_some());
    compared || marked
}

/// The codes of a CodeSystem of the Bundle.
fn codes<'a>(b: &'a Value, url: &str) -> HashSet<&'a str> {
    fhir_resources(b, "CodeSystem")
        .into_iter()
        .find(|cs| cs["url"] == url)
        .unwrap_or_else(|| panic!("no CodeSystem {url}"))["concept"]
        .as_array()
        .expect("concepts")
        .iter()
        .filter_map(|c| c["code"].as_str())
        .collect()
}

#[test]
fn a_later_check_in_s_symptoms_carry_the_baseline_answer_and_the_change() {
    let env = Env::new();
    env.check(&before(), &["--baseline"]).code(0);
    let base = env.records()[0].clone();
    let mark = env.records()[1].clone();
    assert_eq!(mark["kind"], "baseline");
    let now = check_saved(&env, &later());
    let b = bundle(&env, &[]);
    assert_whole(&b);

    // The baseline's response is marked, with when; the later one is not.
    let base_qr = fhir_response(&b, &base["id"]);
    assert_eq!(
        extension(base_qr, BASELINE),
        Some(&json!({"url": BASELINE, "valueBoolean": true}))
    );
    assert_eq!(
        extension(base_qr, MARKED_AT).map(|x| &x["valueDateTime"]),
        Some(&mark["marked_at"])
    );
    assert_eq!(extension(fhir_response(&b, &now["id"]), BASELINE), None);

    let base_url = response_url(&b, &base["id"]);
    let own_url = response_url(&b, &now["id"]);
    let drowsy = symptom(&b, &now["id"], "drowsiness");
    assert_eq!(
        component(drowsy, "baseline-value").map(|c| &c["valueInteger"]),
        Some(&json!(0))
    );
    let (coding, words) = change(drowsy);
    assert_eq!(
        (&coding["system"], &coding["code"]),
        (&json!(CHANGES), &json!("worse"))
    );
    assert_eq!(words, "Drowsiness: none before, moderate now (worse)");
    assert_eq!(
        drowsy["derivedFrom"],
        json!([{"reference": own_url}, {"reference": base_url, "display": format!("The baseline check-in {}", base["id"].as_str().expect("id"))}])
    );
    assert_eq!(
        change(symptom(&b, &now["id"], "dizziness")).0["code"],
        "same"
    );
    // A yes/no symptom's answer at the baseline is a boolean.
    let breathing = symptom(&b, &now["id"], "breathing");
    assert_eq!(
        component(breathing, "baseline-value").map(|c| &c["valueBoolean"]),
        Some(&json!(false))
    );

    // The same change the JSON report gives for every symptom, in the same words.
    let doc: Value = serde_json::from_str(&stdout(
        &env.cmd()
            .env("TZ", "UTC0")
            .args(["export", "--format", "json"])
            .run()
            .code(0),
    ))
    .expect("JSON");
    let report = &doc["summary"]["baseline"];
    assert_eq!(report["compared_with"]["check_in"], now["id"]);
    for c in report["changes"].as_array().expect("changes") {
        let id = c["symptom"].as_str().expect("a symptom");
        let (coding, words) = change(symptom(&b, &now["id"], id));
        assert_eq!(
            (&coding["code"], words),
            (&c["change"], &c["words"]),
            "{id}"
        );
    }

    // Every code used is in a CodeSystem of the Bundle.
    let changes = codes(&b, CHANGES);
    let observed = codes(&b, OBSERVATIONS);
    for o in fhir_resources(&b, "Observation") {
        for c in o["component"].as_array().into_iter().flatten() {
            let code = c["code"]["coding"][0]["code"].as_str().expect("a code");
            assert!(observed.contains(code), "{code}");
            if let Some(v) = c["valueCodeableConcept"]["coding"][0]["code"].as_str() {
                assert!(changes.contains(v), "{v}");
            }
        }
    }
    for code in [
        "worse",
        "better",
        "same",
        "emergency",
        "not_asked_before",
        "not_asked_now",
    ] {
        assert!(changes.contains(code), "{code}");
    }
    // The baseline's own Observations compare with nothing.
    let own = symptom(&b, &base["id"], "drowsiness");
    assert!(own.get("component").is_none(), "{own}");
    assert_eq!(own["derivedFrom"].as_array().map(Vec::len), Some(1));
}

#[test]
fn only_completed_check_ins_after_the_baseline_are_compared() {
    let env = Env::new();
    let whole = template_record(&later());
    let early = record_at(
        &whole,
        "20261201-080000-0000000000a1",
        "2026-12-01T08:00:00.000+00:00",
    );
    let base = record_at(
        &template_record(&before()),
        "20261201-090000-0000000000a2",
        "2026-12-01T09:00:00.000+00:00",
    );
    let stopped = record_at(
        &stopped_after(&whole, 12, "20261201-100000-0000000000a3"),
        "20261201-100000-0000000000a3",
        "2026-12-01T10:00:00.000+00:00",
    );
    let emergency = record_at(
        // With a dose change, so the withdrawal questions the baseline never asked.
        &template_record(&answers_with(json!({
            "breathing": true, "dose_change": true, "stopped": false, "missed_days": 2,
            "tremors": "mild", "withdrawal_insomnia": "none", "irritability": "none",
            "cravings": "none", "angry_outbursts": "never"
        }))),
        "20261201-110000-0000000000a4",
        "2026-12-01T11:00:00.000+00:00",
    );
    let lines: Vec<String> = [&early, &base, &stopped, &emergency]
        .iter()
        .map(|r| r.to_string())
        .collect();
    append_log(&env, &lines);
    env.run(["baseline", "20261201-090000-0000000000a2"])
        .code(0);
    let b = bundle(&env, &[]);
    assert_whole(&b);
    for r in [&early, &base, &stopped] {
        let o = symptom(&b, &r["id"], "drowsiness");
        assert!(o.get("component").is_none(), "{}: {o}", r["id"]);
        assert_eq!(o["derivedFrom"].as_array().map(Vec::len), Some(1));
    }
    // Trouble breathing now raised an emergency: never "worse" or "better" only.
    let (coding, words) = change(symptom(&b, &emergency["id"], "breathing"));
    assert_eq!(coding["code"], "emergency");
    assert_eq!(
        words, "Trouble breathing: no before, yes now (an emergency at this check-in)",
        "{words}"
    );
    assert_eq!(
        component(symptom(&b, &emergency["id"], "breathing"), "baseline-value")
            .map(|c| &c["valueBoolean"]),
        Some(&json!(false))
    );
    // Not asked at the baseline: said so, with no value made up.
    let tremors = symptom(&b, &emergency["id"], "tremors");
    assert_eq!(change(tremors).0["code"], "not_asked_before");
    let then = component(tremors, "baseline-value").expect("the baseline's answer");
    assert_eq!(then["dataAbsentReason"]["coding"][0]["code"], "not-asked");
    assert!(then.get("valueInteger").is_none(), "{then}");
}

#[test]
fn without_a_usable_baseline_the_bundle_says_nothing_of_one() {
    let env = Env::new();
    let first = check_saved(&env, &before());
    check_saved(&env, &later());
    assert!(!says_baseline(&bundle(&env, &[])), "no mark");

    let mark = |id: &str| {
        json!({"schema": 4, "kind": "baseline", "check_in": id, "marked_at": "2026-12-01T09:00:00.000+00:00"})
            .to_string()
    };
    // A mark naming a check-in that is not in the log: one warning, no baseline.
    append_log(&env, &[mark("20200101-000000-gone")]);
    let b = bundle_warning(&env, "which is not in the log");
    assert!(!says_baseline(&b), "a missing baseline");

    // A mark naming a stopped check-in.
    let stopped = stopped_after(&first, 3, "20261201-070000-0000000000b1");
    append_log(
        &env,
        &[stopped.to_string(), mark("20261201-070000-0000000000b1")],
    );
    let b = bundle_warning(&env, "stopped after 3 of");
    assert!(!says_baseline(&b), "a stopped baseline");

    // The check above sees a baseline where there is one.
    env.run(["baseline", first["id"].as_str().expect("an id")])
        .code(0);
    assert!(says_baseline(&bundle(&env, &[])), "a completed baseline");
}

#[test]
fn a_baseline_not_in_the_bundle_is_named_by_its_identifier() {
    let env = Env::new();
    let old = record_at(
        &template_record(&before()),
        "20200101-090000-00000000b001",
        "2020-01-01T09:00:00.000+00:00",
    );
    append_log(&env, &[old.to_string()]);
    env.run(["baseline", "20200101-090000"]).code(0);
    let now = check_saved(&env, &later());
    let by_identifier = |id: &Value| {
        json!({
            "type": "QuestionnaireResponse",
            "identifier": {"system": "urn:sidecheck:check-in", "value": id},
            "display": format!("The baseline check-in {} (not in this Bundle)", id.as_str().expect("id")),
        })
    };
    for kind in ["collection", "transaction"] {
        let b = bundle(&env, &["--since", "2026-01-01", "--bundle", kind]);
        assert_whole(&b);
        assert_eq!(
            fhir_resources(&b, "QuestionnaireResponse").len(),
            1,
            "{kind}"
        );
        let drowsy = symptom(&b, &now["id"], "drowsiness");
        assert_eq!(
            drowsy["derivedFrom"][1],
            by_identifier(&old["id"]),
            "{kind}"
        );
        assert_eq!(change(drowsy).0["code"], "worse", "{kind}");
    }

    // In the period, but made with another bank, so the Bundle leaves it out.
    let other = Env::new();
    let mut foreign = record_at(
        &template_record(&before()),
        "20261201-090000-00000000b002",
        "2026-12-01T09:00:00.000+00:00",
    );
    foreign["bank"]["id"] = json!("other_bank");
    append_log(&other, &[foreign.to_string()]);
    other.run(["baseline", "20261201-090000"]).code(0);
    let now = check_saved(&other, &later());
    let b = bundle_warning(&other, "\"other_bank\" were left out");
    assert_whole(&b);
    let drowsy = symptom(&b, &now["id"], "drowsiness");
    assert_eq!(drowsy["derivedFrom"][1], by_identifier(&foreign["id"]));
}

#[test]
fn a_transaction_with_its_baseline_keeps_unique_full_urls_and_every_reference_resolves() {
    let env = Env::new();
    env.check(&before(), &["--baseline"]).code(0);
    let base = env.records()[0].clone();
    check_saved(&env, &later());
    check_saved(&env, &answers_with(json!({"drowsiness": "severe"})));
    let collection = bundle(&env, &[]);
    let b = bundle(&env, &["--bundle", "transaction"]);
    assert_whole(&b);
    let base_url = response_url(&b, &base["id"]);
    let mut searches = HashSet::new();
    let mut pointing = 0;
    for e in entries(&b) {
        assert_eq!(e["request"]["method"], "POST");
        let search = e["request"]["ifNoneExist"].as_str().expect("ifNoneExist");
        assert!(searches.insert(search.to_string()), "{search} twice");
        let from = e["resource"]["derivedFrom"].as_array();
        pointing += from
            .into_iter()
            .flatten()
            .filter(|d| d["reference"] == base_url)
            .count();
    }
    // Two later check-ins, each with its symptoms derived from the baseline too.
    assert!(pointing > 2 * 10, "{pointing}");
    // The same fullUrls as the collection: the baseline changes no entry's name.
    let urls =
        |b: &Value| -> Vec<Value> { entries(b).iter().map(|e| e["fullUrl"].clone()).collect() };
    assert_eq!(urls(&b), urls(&collection));
}
