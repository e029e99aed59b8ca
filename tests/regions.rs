//! Numbers for the person's own country, and never another country's numbers.

use serde_json::{Value, json};

use crate::support::*;

/// Answers that raise an emergency, a crisis and a poison-line alert.
fn alarming() -> Value {
    answers_with(json!({
        "breathing": true,
        "suicidal_thoughts": true,
        "suicidal_plan": false,
        "suicidal_behavior": false,
        "more_than_prescribed": true
    }))
}

fn alerts_for_locale(lang: &str) -> String {
    let env = Env::new();
    let file = env.file("answers.json", alarming().to_string());
    let out = env
        .cmd()
        .env("LANG", lang)
        .args(["check", "--answers"])
        .arg(file)
        .run()
        .code(0);
    stderr(&out)
}

#[test]
fn india_south_africa_and_the_philippines_never_get_us_numbers() {
    for (lang, must) in [
        ("en_IN.UTF-8", &["112", "14416"][..]),
        ("en_ZA.UTF-8", &["10177", "0800 567 567"][..]),
        ("en_PH.UTF-8", &["your local emergency number", "PH"][..]),
        ("ja_JP.UTF-8", &["your local emergency number", "JP"][..]),
    ] {
        let err = alerts_for_locale(lang);
        // Whole words only: the check-in id, its time and the temporary folder's name
        // are random, and may hold these digits inside a longer word.
        let words: Vec<&str> = err
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .collect();
        for number in ["911", "988", "1-800-222-1222"] {
            assert!(!words.contains(&number), "{lang}: names {number}:\n{err}");
        }
        for text in must {
            assert!(err.contains(text), "{lang}: no {text}:\n{err}");
        }
    }
}

#[test]
fn regions_json_lists_every_number_with_its_source_and_date() {
    let env = Env::new();
    let out = env.run(["regions", "--json"]).code(0);
    let all: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut numbers = 0;
    for region in all.as_array().expect("array") {
        for line in ["emergency", "crisis", "poison"] {
            let phone = &region[line];
            if phone.is_null() {
                continue;
            }
            numbers += 1;
            assert!(
                phone["source"].as_str().is_some_and(|s| !s.is_empty()),
                "{phone}"
            );
            let date = phone["checked"].as_str().unwrap_or_default();
            assert!(
                chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok(),
                "{phone}"
            );
        }
    }
    assert!(numbers >= 30, "{numbers}");
    for (code, poison) in [
        ("CA", "1-844-764-7669"),
        ("AU", "13 11 26"),
        ("NZ", "0800 764 766"),
    ] {
        let region = all
            .as_array()
            .and_then(|a| a.iter().find(|r| r["code"] == code))
            .expect(code);
        assert_eq!(region["poison"]["call"], poison);
    }
    let nz = all
        .as_array()
        .and_then(|a| a.iter().find(|r| r["code"] == "NZ"))
        .expect("NZ");
    assert!(nz["crisis"].get("caution").is_none(), "{nz}");
}

#[test]
fn every_new_region_is_accepted_by_the_flag() {
    let env = Env::new();
    for code in ["IN", "ZA", "DE", "FR", "NL"] {
        let file = env.file("answers.json", alarming().to_string());
        let out = env
            .cmd()
            .args(["--region", code, "check", "--answers"])
            .arg(file)
            .run()
            .label(code)
            .code(0);
        assert!(
            stderr(&out).contains(&format!("({code})")),
            "{code}: {}",
            stderr(&out)
        );
    }
}
