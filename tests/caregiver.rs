//! Answering for someone else (issue 11 §4): `check --for-someone`, the guided
//! question that asks who is answering, the third-person words in both languages,
//! the alert before the next question, the record's `respondent`, a stopped
//! check-in finished by whoever began it, and every report showing who answered.

use serde_json::{Value, json};
use sidecheck::i18n::{Lang, t_in};

use crate::support::*;

/// The saved check-ins with `respondent` as the record has it (absent: none).
fn respondents(env: &Env) -> Vec<Option<String>> {
    env.records()
        .iter()
        .filter(|r| r.get("kind").is_none())
        .map(|r| r["respondent"].as_str().map(str::to_string))
        .collect()
}

/// A log with one check-in the person answered, then one a caregiver answered
/// with an urgent answer (breathing), and its ids in that order.
fn mixed_log(env: &Env) -> (String, String) {
    env.save_profile(all_no_profile());
    env.check(&calm_answers(), &[]).code(0);
    let urgent = answers_with(json!({"breathing": true}));
    env.check(&urgent, &["--for-someone"]).code(0);
    let ids: Vec<String> = env
        .records()
        .iter()
        .map(|r| r["id"].as_str().expect("an id").to_string())
        .collect();
    (ids[0].clone(), ids[1].clone())
}

#[test]
fn for_someone_alerts_in_the_third_person_and_the_record_says_a_caregiver_answered() {
    let env = Env::new();
    env.save_profile(all_no_profile());
    let urgent = answers_with(json!({"breathing": true}));
    let ran = env.check(&urgent, &["--for-someone"]).code(0);
    let err = stderr(&ran).replace(['║', '│'], "");
    let flat = err.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("They had trouble breathing"), "{flat}");
    assert!(flat.contains("call 911 for them now"), "{flat}");
    assert!(
        flat.contains("Do not stop their baclofen on your own"),
        "{flat}"
    );
    assert!(!flat.contains("You had trouble breathing"), "{flat}");
    // The summary after the alert says who answered.
    assert!(
        flat.contains("Filled in by someone who cares for the person."),
        "{flat}"
    );
    let record = &env.records()[0];
    assert_eq!(record["respondent"], "caregiver");
    assert_eq!(record["alerts"][0]["title"], "They had trouble breathing");
}

#[test]
fn the_person_s_own_check_in_writes_no_respondent_and_reads_as_before() {
    let env = Env::new();
    env.save_profile(all_no_profile());
    let ran = env.check(&calm_answers(), &[]).code(0);
    assert!(!stderr(&ran).contains("caregiver"), "{}", stderr(&ran));
    let line = std::fs::read_to_string(env.log_path()).expect("the log");
    assert!(!line.contains("respondent"), "{line}");
    // "self" in the answers file is the same as saying nothing.
    let mut answers = calm_answers();
    answers["respondent"] = json!("self");
    env.check(&answers, &[]).code(0);
    assert_eq!(respondents(&env), [None, None]);
}

#[test]
fn an_answers_file_can_say_a_caregiver_answered() {
    let env = Env::new();
    env.save_profile(all_no_profile());
    let mut answers = answers_with(json!({"seizure": true, "dizziness": "moderate"}));
    answers["respondent"] = json!("caregiver");
    let ran = env.check(&answers, &[]).code(0);
    assert!(stderr(&ran).contains("for them"), "{}", stderr(&ran));
    let flat = stderr(&ran)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains("Tell their prescriber"), "{flat}");
    // Said twice, the same way, is fine.
    env.check(&answers, &["--for-someone"]).code(0);
    assert_eq!(
        respondents(&env),
        [Some("caregiver".into()), Some("caregiver".into())]
    );
}

#[test]
fn a_respondent_that_is_not_self_or_caregiver_or_that_contradicts_the_flag_is_refused() {
    let env = Env::new();
    let mut answers = calm_answers();
    answers["respondent"] = json!("nurse");
    env.check(&answers, &[])
        .code(2)
        .stderr_has("\"respondent\" must be \"self\" or \"caregiver\"");
    answers["respondent"] = json!("self");
    env.check(&answers, &["--for-someone"])
        .code(2)
        .stderr_has("leave one of them out");
    assert!(env.records().is_empty());
}

#[test]
fn a_bank_without_caregiver_words_cannot_be_used_for_someone() {
    let env = Env::new();
    let mut v: Value = serde_json::from_str(sidecheck::bank::BUNDLED_BANK).expect("JSON");
    strip_caregiver(&mut v);
    let bank = env.file("own.json", v.to_string());
    let bank = bank.to_str().expect("a path");
    let answers = env.file("a.json", calm_answers().to_string());
    let answers = answers.to_str().expect("a path");
    env.run([
        "--bank",
        bank,
        "check",
        "--for-someone",
        "--answers",
        answers,
    ])
    .code(2)
    .stderr_has("has no words for someone who answers for another person");
    assert!(env.records().is_empty());
}

/// Every `*_caregiver` field taken out of a bank's JSON.
fn strip_caregiver(v: &mut Value) {
    match v {
        Value::Object(o) => {
            o.retain(|k, _| !k.ends_with("_caregiver"));
            o.values_mut().for_each(strip_caregiver);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_caregiver),
        _ => {}
    }
}

#[test]
fn finishing_a_stopped_check_in_keeps_who_answered_it() {
    let env = Env::new();
    env.save_profile(all_no_profile());
    let mut whole = check_saved(&Env::new(), &calm_answers());
    whole["respondent"] = json!("caregiver");
    let now = now_minus_hours(1);
    let stopped = stopped_after(&record_at(&whole, "stopped-1", &now), 4, "stopped-1");
    append_log(&env, &[stopped.to_string()]);
    // The person's own answers file says nothing about who answers: the stopped
    // check-in's caregiver carries on.
    let ran = env.check(&calm_answers(), &["--resume"]).code(0);
    assert!(
        stderr(&ran).contains("Filled in by someone who cares for the person."),
        "{}",
        stderr(&ran)
    );
    let records = env.records();
    assert_eq!(records[1]["completes"], "stopped-1");
    assert_eq!(records[1]["respondent"], "caregiver");
    // A file that says otherwise is not used, and a note says so.
    let env = Env::new();
    env.save_profile(all_no_profile());
    append_log(&env, &[stopped.to_string()]);
    let mut answers = calm_answers();
    answers["respondent"] = json!("self");
    env.check(&answers, &["--resume"])
        .code(0)
        .stderr_has("kept who answered the stopped check-in");
    assert_eq!(env.records()[1]["respondent"], "caregiver");
}

#[test]
fn history_marks_the_caregiver_s_row_and_its_json_says_so() {
    let env = Env::new();
    let (own, cared) = mixed_log(&env);
    let text = stdout(&env.run(["history"]).code(0));
    let row = |id: &str| {
        text.lines()
            .find(|l| l.contains(id))
            .unwrap_or_else(|| panic!("no row for {id} in\n{text}"))
            .to_string()
    };
    assert!(row(&cared).ends_with("(caregiver)"), "{}", row(&cared));
    assert!(!row(&own).contains("caregiver"), "{}", row(&own));
    let json: Value =
        serde_json::from_str(&stdout(&env.run(["history", "--json"]).code(0))).expect("JSON");
    let rows = json["check_ins"].as_array().expect("rows");
    let of = |id: &str| rows.iter().find(|r| r["id"] == id).expect("a row")["respondent"].clone();
    assert_eq!(of(&cared), "caregiver");
    assert_eq!(of(&own), Value::Null);
}

#[test]
fn the_json_report_csv_and_html_say_who_answered() {
    let env = Env::new();
    let (own, cared) = mixed_log(&env);
    let export = |format: &str| stdout(&env.run(["export", "--format", format]).code(0));
    let report: Value = serde_json::from_str(&export("json")).expect("JSON");
    let records = report["records"].as_array().expect("records");
    assert_eq!(records[1]["respondent"], "caregiver");
    assert_eq!(records[0].get("respondent"), None);
    // The schema knows the field: it is a closed object.
    let schema = stdout(&env.run(["export", "--schema"]).code(0));
    assert!(schema.contains("\"respondent\""), "{schema}");

    let csv = export("csv");
    let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().expect("a header").clone();
    assert_eq!(header.iter().next_back(), Some("respondent"));
    assert_eq!(header.len(), 20, "the new column comes last");
    for row in reader.records() {
        let row = row.expect("a row");
        let want = if &row[0] == cared.as_str() {
            "caregiver"
        } else {
            assert_eq!(&row[0], own.as_str());
            "self"
        };
        assert_eq!(&row[19], want);
    }

    let html = export("html");
    assert_eq!(
        html.matches("Filled in by someone who cares for the person.")
            .count(),
        1,
        "{html}"
    );
}

#[test]
fn fhir_names_a_related_person_as_the_source_of_the_caregiver_s_response() {
    let env = Env::new();
    let (own, cared) = mixed_log(&env);
    for kind in ["collection", "transaction"] {
        let bundle = bundle(&env, &["--bundle", kind]);
        let response = fhir_response(&bundle, &json!(cared));
        assert_eq!(
            response["source"],
            json!({"reference": "#caregiver"}),
            "{kind}"
        );
        let contained = response["contained"].as_array().expect("contained");
        assert_eq!(contained.len(), 1);
        assert_eq!(contained[0]["resourceType"], "RelatedPerson");
        assert_eq!(contained[0]["id"], "caregiver");
        assert_eq!(contained[0]["patient"], response["subject"]);
        let own = fhir_response(&bundle, &json!(own));
        assert_eq!(own.get("source"), None, "{kind}");
        assert_eq!(own.get("contained"), None, "{kind}");
    }
}

/// The English words this part added, each at US grade 6 or below.
#[test]
fn the_new_english_words_read_at_grade_6_or_below() {
    let ids = [
        "caregiver-who-asks",
        "caregiver-answering",
        "caregiver-answered-by",
        "about-you-why-caregiver",
        "about-you-first-caregiver",
        "receipt-still-applies-caregiver",
    ];
    for id in ids {
        let text = t_in(Lang::En, id, &[]);
        let grade = textstat::flesch_kincaid_grade(&text);
        assert!(grade <= 6.0, "{id}: grade {grade:.1}: {text}");
    }
}

#[cfg(unix)]
mod guided {
    use std::process::Command;
    use std::time::Duration;

    use crate::pty::{Guided, WHO, guided_command};
    use crate::support::*;

    const ENTER: &str = "\r";

    impl Guided {
        /// Answers each (text, keys) in turn once its place (`place` and the
        /// question's number) is drawn under it, so the keys go to a whole prompt.
        fn walk_places(&mut self, place: &str, steps: &[(&str, &str)], n: &mut usize) {
            for (text, keys) in steps {
                *n += 1;
                self.expect(text);
                self.expect(&format!("{place} {n} "));
                self.send(keys);
                self.send(ENTER);
            }
        }
    }

    #[test]
    fn a_caregiver_chosen_at_the_start_is_asked_about_them_and_alerted_before_the_next_question() {
        let mut g = Guided::new(Env::new());
        g.expect("Press Enter to start");
        g.send(ENTER);
        let asked = g.expect(WHO);
        assert!(
            asked.contains("Areyouansweringforyourselforforsomeoneyoucarefor?"),
            "{asked}"
        );
        // Nothing comes before it: Esc says so, and the question comes again.
        g.esc();
        g.expect("Esc does not go back from here.");
        g.expect(WHO);
        // "2" moves to "For someone I care for".
        g.send("2");
        g.send(ENTER);
        g.expect("You are answering for the person you care for.");
        g.expect("== How they take baclofen ==");
        let mut n = 0;
        g.walk_places(
            "Question",
            &[
                ("did the person you care for get baclofen from a pump", "n"),
                ("did the person you care for miss doses", "n"),
                ("has the person you care for had trouble breathing?", "y"),
            ],
            &mut n,
        );
        let alert = g.expect("I have read this.").replace(['║', '│'], "");
        assert!(alert.contains("Theyhadtroublebreathing"), "{alert}");
        assert!(alert.contains("call911forthemnow"), "{alert}");
        assert!(alert.contains("Donotstoptheirbaclofenonyourown"), "{alert}");
        let meanwhile = g.unread_after(Duration::from_millis(500));
        assert!(!meanwhile.contains("seizure"), "{meanwhile}");
        g.send(ENTER);
        g.expect("has the person you care for had a seizure?");
        g.ctrl_c();
        g.expect("saved as an incomplete check-in");
        assert_eq!(g.finish(), 130, "{}", g.screen());
        let record = g.record();
        assert_eq!(record["respondent"], "caregiver");
        assert_eq!(record["alerts"][0]["id"], "breathing");
        assert_eq!(record["alerts"][0]["title"], "They had trouble breathing");
    }

    #[test]
    fn for_someone_in_spanish_skips_the_question_and_alerts_por_esa_persona() {
        let env = Env::new();
        let mut cmd: Command = guided_command(&env, &["check", "--for-someone"], true);
        cmd.env("LANG", "es_US.UTF-8");
        let mut g = Guided::spawn(env, cmd);
        g.expect("Pulse Enter para empezar");
        g.send(ENTER);
        let said = g.expect("Usted responde por la persona que cuida.");
        assert!(!said.contains("¿Respondeporusted"), "{said}");
        g.expect("== Cómo toma el baclofeno esa persona ==");
        let mut n = 0;
        g.walk_places(
            "Pregunta",
            &[
                (
                    "¿la persona que usted cuida recibió baclofeno de una bomba",
                    "n",
                ),
                ("¿la persona que usted cuida se saltó dosis", "n"),
                (
                    "¿la persona que usted cuida ha tenido problemas para respirar?",
                    "s",
                ),
            ],
            &mut n,
        );
        let alert = g.expect("Ya leí esto.").replace(['║', '│'], "");
        assert!(alert.contains("EMERGENCIA"), "{alert}");
        assert!(alert.contains("llameal911poresapersonaya"), "{alert}");
        assert!(
            !alert.contains("Youhad") && !alert.contains("forthem"),
            "{alert}"
        );
        let meanwhile = g.unread_after(Duration::from_millis(500));
        assert!(!meanwhile.contains("convulsión"), "{meanwhile}");
        g.send(ENTER);
        g.expect("¿la persona que usted cuida ha tenido una convulsión");
        g.ctrl_c();
        g.expect("comouncontrolincompleto");
        assert_eq!(g.finish(), 130, "{}", g.screen());
        let record = g.record();
        assert_eq!(record["respondent"], "caregiver");
        assert_eq!(record["bank"]["language"], "es");
        assert_eq!(record["alerts"][0]["id"], "breathing");
    }

    #[test]
    fn about_you_asks_about_the_person_cared_for() {
        let env = Env::new();
        let cmd = guided_command(&env, &["check", "--for-someone"], true);
        let mut g = Guided::spawn_first_run(env, cmd);
        g.answer("Press Enter to start", "");
        g.expect("== About the person you care for ==");
        g.expect("Does the person you care for have kidney problems?");
        g.ctrl_c();
        assert_eq!(g.finish(), 130, "{}", g.screen());
    }
}

/// Every message the code asks for in a caregiver's form (`Respondent::message`)
/// has it, in both languages: the id is made, so the catalogue test cannot see it.
#[test]
fn each_message_with_a_caregiver_form_has_it_in_both_languages() {
    let bases = [
        "about-you-progress",
        "about-you-first",
        "about-you-heading",
        "about-you-why",
        "receipt-profile",
        "receipt-still-applies",
        "receipt-moderate-advice",
    ];
    for file in ["i18n/en.ftl", "i18n/es.ftl"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let text = std::fs::read_to_string(path).expect("a catalogue");
        for base in bases {
            for id in [base.to_string(), format!("{base}-caregiver")] {
                let start = format!("{id} = ");
                assert!(
                    text.lines().any(|l| l.starts_with(&start)),
                    "{file} has no {id}"
                );
            }
        }
    }
    // The list above is the code's: each base it asks for is in it.
    for file in ["src/terminal.rs", "src/receipt.rs"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let code = std::fs::read_to_string(path).expect("the code");
        let asked: Vec<&str> = code
            .split("message(\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert!(!asked.is_empty(), "{file} asks for no caregiver form");
        for base in asked {
            assert!(bases.contains(&base), "{file}: {base} is not checked here");
        }
    }
}
