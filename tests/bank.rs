//! Question banks through the real binary: `bank validate` names the file, the place
//! and the fix for each kind of mistake; `bank schema` matches the committed schema,
//! which the bundled bank passes; `bank questions --json` lists every question.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::support::*;

fn repo_file(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The bundled bank as JSON, to break in one place.
fn good_bank() -> Value {
    let text = std::fs::read_to_string(repo_file("questions/baclofen.en.json"))
        .expect("read the bundled bank");
    serde_json::from_str(&text).expect("the bundled bank is JSON")
}

/// The bundled bank with one change, as pretty JSON.
fn broken(change: impl FnOnce(&mut Value)) -> String {
    let mut bank = good_bank();
    change(&mut bank);
    serde_json::to_string_pretty(&bank).expect("JSON")
}

/// 1-based number of the first line containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not in the text"))
        + 1
}

/// Runs `bank validate` on a file with these contents; checks it is refused as bad
/// input, plainly, naming the file, and returns stderr.
fn refused(env: &Env, name: &str, contents: impl AsRef<[u8]>) -> String {
    let path = env.file(name, contents);
    let out = env
        .cmd()
        .args(["bank", "validate"])
        .arg(&path)
        .run()
        .label(name)
        .code(2);
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{name}: {err}");
    assert!(!err.contains("internal error"), "{name}: {err}");
    assert!(
        err.contains(&format!("{}: ", path.display())),
        "{name}: the file is named: {err}"
    );
    assert!(stdout(&out).is_empty(), "{name}: {}", stdout(&out));
    err
}

/// The stderr line reporting a problem at `place`.
fn problem_at<'a>(err: &'a str, place: &str) -> &'a str {
    err.lines()
        .find(|l| l.contains(&format!(": {place}: ")) || l.contains(&format!("({place}): ")))
        .unwrap_or_else(|| panic!("no problem reported at {place}:\n{err}"))
}

#[test]
fn the_bundled_bank_validates() {
    let env = Env::new();
    env.cmd()
        .args(["bank", "validate"])
        .arg(repo_file("questions/baclofen.en.json"))
        .run()
        .code(0)
        .stderr_has("ok (");
}

#[test]
fn duplicate_question_ids_are_refused() {
    let env = Env::new();
    // questions[4] is breathing, questions[5] seizure.
    let text = broken(|b| b["questions"][5]["id"] = json!("breathing"));
    let err = refused(&env, "dup.json", text);
    let line = problem_at(&err, "questions[5].id");
    assert!(
        line.contains("duplicate question id \"breathing\""),
        "{line}"
    );
    assert!(line.contains("questions[4]"), "points at the other: {line}");
    assert!(line.contains("give each question its own id"), "{line}");
}

#[test]
fn a_follow_up_on_a_later_question_is_refused() {
    let env = Env::new();
    // questions[7] is suicidal_plan; upset_stomach comes after it.
    let text = broken(|b| {
        assert_eq!(b["questions"][7]["id"], "suicidal_plan");
        b["questions"][7]["when"] = json!({"question": "upset_stomach", "at_least": 2});
    });
    let err = refused(&env, "later.json", text);
    let line = problem_at(&err, "questions[7].when.question");
    assert!(line.contains("comes later"), "{line}");
    assert!(line.contains("earlier question"), "{line}");
}

#[test]
fn a_follow_up_on_itself_is_refused() {
    let env = Env::new();
    let text = broken(|b| b["questions"][7]["when"]["question"] = json!("suicidal_plan"));
    let err = refused(&env, "self.json", text);
    let line = problem_at(&err, "questions[7].when.question");
    assert!(line.contains("refers to itself"), "{line}");
    assert!(line.contains("earlier question"), "{line}");
}

#[test]
fn a_follow_up_on_a_missing_question_is_refused() {
    let env = Env::new();
    let text = broken(|b| b["questions"][7]["when"]["question"] = json!("suicidal_thought"));
    let err = refused(&env, "missing.json", text);
    let line = problem_at(&err, "questions[7].when.question");
    assert!(
        line.contains("\"suicidal_thought\" does not exist"),
        "{line}"
    );
    assert!(line.contains("use the id of"), "{line}");
}

#[test]
fn a_follow_up_inside_all_on_a_missing_question_is_refused() {
    let env = Env::new();
    // questions[3] is missed_days: all [dose_change, stopped].
    let text = broken(|b| {
        assert_eq!(b["questions"][3]["id"], "missed_days");
        b["questions"][3]["when"]["all"][1]["question"] = json!("stoped");
    });
    let err = refused(&env, "nested.json", text);
    let line = problem_at(&err, "questions[3].when.all[1].question");
    assert!(line.contains("\"stoped\" does not exist"), "{line}");
}

#[test]
fn scale_options_out_of_order_are_refused() {
    let env = Env::new();
    let text = broken(|b| {
        let opts = b["scales"]["severity"].as_array_mut().unwrap();
        opts.swap(1, 2);
    });
    let err = refused(&env, "order.json", text);
    let line = problem_at(&err, "scales.severity[1].score");
    assert!(line.contains("is 2 but must be 1"), "{line}");
    assert!(line.contains("in order from the lowest"), "{line}");
}

#[test]
fn scale_options_not_starting_at_zero_are_refused() {
    let env = Env::new();
    let text = broken(|b| {
        for (i, o) in b["scales"]["frequency"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .enumerate()
        {
            o["score"] = json!(i + 1);
        }
    });
    let err = refused(&env, "start.json", text);
    let line = problem_at(&err, "scales.frequency[0].score");
    assert!(line.contains("is 1 but must be 0"), "{line}");
    assert!(line.contains("score 0"), "{line}");
}

#[test]
fn a_score_above_four_is_refused() {
    let env = Env::new();
    let text = broken(|b| {
        b["scales"]["severity"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "unbearable", "label": "Unbearable", "score": 5}));
    });
    let err = refused(&env, "five.json", text);
    let line = problem_at(&err, "scales.severity[5].score");
    assert!(line.contains("is 5; scores go from 0 to 4"), "{line}");

    let text = broken(|b| b["questions"][0]["score_yes"] = json!(9));
    let err = refused(&env, "score_yes.json", text);
    let line = problem_at(&err, "questions[0].score_yes");
    assert!(line.contains("scores go from 0 to 4"), "{line}");
}

#[test]
fn an_alert_with_empty_advice_is_refused() {
    let env = Env::new();
    let text = broken(|b| b["alerts"][2]["advice"] = json!("   "));
    let err = refused(&env, "advice.json", text);
    let line = problem_at(&err, "alerts[2].advice");
    assert!(line.contains("is empty"), "{line}");
    assert!(line.contains("advice that says what to do"), "{line}");
}

#[test]
fn an_unknown_field_is_refused_at_its_line_and_path() {
    let env = Env::new();
    let text = broken(|b| b["questions"][0]["colour"] = json!("red"));
    let line_no = line_of(&text, "\"colour\"");
    let err = refused(&env, "unknown.json", &text);
    let line = problem_at(&err, "questions[0].colour");
    assert!(line.contains(&format!("line {line_no}, column ")), "{line}");
    assert!(line.contains("unknown field `colour`"), "{line}");
    assert!(
        line.contains("expected one of"),
        "lists the known fields: {line}"
    );
}

#[test]
fn truncated_json_is_refused_at_the_end() {
    let env = Env::new();
    let text = broken(|_| {});
    let cut = &text[..text.len() / 2];
    let last_line = cut.lines().count();
    let err = refused(&env, "truncated.json", cut);
    assert_eq!(err.lines().count(), 2, "one problem and the summary: {err}");
    let line = err.lines().next().unwrap();
    assert!(
        line.contains(&format!("line {last_line}, column ")),
        "{line}"
    );
    assert!(line.contains("ends too early"), "{line}");
    assert!(line.contains("missing } or ]"), "{line}");
}

#[test]
fn invalid_utf8_is_refused_at_its_line_and_column() {
    let env = Env::new();
    let text = broken(|_| {});
    let line_no = line_of(&text, "\"Trouble breathing\"");
    let col = text
        .lines()
        .nth(line_no - 1)
        .unwrap()
        .find("Trouble")
        .unwrap()
        + 1;
    let bytes = text
        .replacen("\"Trouble breathing\"", "\"\u{1}rouble breathing\"", 1)
        .into_bytes()
        .into_iter()
        .map(|b| if b == 1 { 0xff } else { b })
        .collect::<Vec<u8>>();
    let err = refused(&env, "latin1.json", bytes);
    let line = problem_at(&err, &format!("line {line_no}, column {col}"));
    assert!(line.contains("not valid UTF-8"), "{line}");
    assert!(line.contains("save it as UTF-8"), "{line}");
}

#[test]
fn a_value_of_the_wrong_type_is_refused_at_its_line_and_path() {
    let env = Env::new();
    let text = broken(|b| b["questions"][2]["score_yes"] = json!("four"));
    let line_no = line_of(&text, "\"four\"");
    let err = refused(&env, "type.json", &text);
    let line = problem_at(&err, "questions[2].score_yes");
    assert!(line.contains(&format!("line {line_no}, column ")), "{line}");
    assert!(line.contains("found the text \"four\""), "{line}");
    assert!(line.contains("fix this value"), "{line}");

    let text = broken(|b| b["questions"][0]["kind"] = json!("maybe"));
    let err = refused(&env, "kind.json", &text);
    let line = problem_at(&err, "questions[0].kind");
    assert!(line.contains("yes_no"), "lists the kinds: {line}");
}

/// Runs `bank validate` on the bundled English bank, then `file`; checks the exit
/// code and returns stderr.
fn validate_after_english(env: &Env, file: &Path, code: i32) -> String {
    let out = env
        .cmd()
        .args(["bank", "validate"])
        .arg(repo_file("questions/baclofen.en.json"))
        .arg(file)
        .run()
        .code(code);
    stderr(&out)
}

#[test]
fn every_problem_in_a_file_is_listed_and_each_bad_file_counted() {
    let env = Env::new();
    let text = broken(|b| {
        b["questions"][5]["id"] = json!("breathing");
        b["alerts"][2]["advice"] = json!("");
    });
    let bad = env.file("two.json", text);
    let err = validate_after_english(&env, &bad, 2);
    problem_at(&err, "questions[5].id");
    problem_at(&err, "alerts[2].advice");
    assert!(err.contains("1 of 2 bank file(s)"), "{err}");
}

#[test]
fn bank_schema_matches_the_committed_schema_file() {
    let env = Env::new();
    let out = env.run(["bank", "schema"]).code(0);
    let committed = std::fs::read(repo_file("questions/bank.schema.json")).unwrap();
    assert!(
        out.stdout == committed,
        "questions/bank.schema.json is out of date; run `cargo run -q -- bank schema > questions/bank.schema.json`"
    );
    assert_eq!(good_bank()["$schema"], "./bank.schema.json");
}

#[test]
fn the_bundled_bank_passes_the_schema() {
    let text = std::fs::read_to_string(repo_file("questions/bank.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&good_bank())
        .map(|e| format!("{}: {e}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    // The schema is strict enough to catch what editors most often get wrong.
    let mut bad = good_bank();
    bad["questions"][0]["colour"] = json!("red");
    assert!(!validator.is_valid(&bad), "unknown field");
    let mut bad = good_bank();
    bad["questions"][0]["kind"] = json!("maybe");
    assert!(!validator.is_valid(&bad), "unknown kind");
    let mut bad = good_bank();
    bad["alerts"][0]
        .as_object_mut()
        .unwrap()
        .remove("advice")
        .unwrap();
    assert!(!validator.is_valid(&bad), "missing advice");
}

#[test]
fn bank_questions_json_lists_every_question() {
    let env = Env::new();
    let out = env.run(["bank", "questions", "--json"]).code(0);
    let rows: Vec<Value> = serde_json::from_str(&stdout(&out)).unwrap();
    let bank = good_bank();
    let questions = bank["questions"].as_array().unwrap();
    assert_eq!(rows.len(), questions.len());
    for (row, q) in rows.iter().zip(questions) {
        let id = &q["id"];
        for key in ["id", "section", "kind", "text"] {
            assert_eq!(row[key], q[key], "{id}: {key}");
        }
        if q["kind"] == "scale" {
            let scale = q["scale"].as_str().unwrap();
            let options = row["options"].as_array().unwrap();
            assert_eq!(&row["options"], &bank["scales"][scale], "{id}: options");
            for o in options {
                assert!(o["id"].is_string() && o["label"].is_string(), "{id}: {o}");
                assert!(o["score"].is_u64(), "{id}: {o}");
            }
        } else {
            assert!(row.get("options").is_none(), "{id}: no options");
        }
    }
    let by_id = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap();
    assert_eq!(by_id("dizziness")["options"][4]["label"], "Very severe");
    assert_eq!(by_id("dizziness")["options"][4]["score"], 4);
    assert_eq!(by_id("euphoria")["options"][0]["id"], "never");
}

#[test]
fn control_characters_in_shown_text_are_refused_at_their_json_path() {
    let env = Env::new();
    let text = broken(|b| {
        b["questions"][2]["text"] = json!("How bad \u{1b}]0;owned\u{7} is it?");
        b["alerts"][0]["advice"] = json!("Call now.\u{1b}[2J");
        b["scales"]["severity"][1]["label"] = json!("Mild\r");
    });
    let err = refused(&env, "escapes.json", text);
    for place in [
        "questions[2].text",
        "alerts[0].advice",
        "scales.severity[1].label",
    ] {
        let line = problem_at(&err, place);
        assert!(line.contains("control character"), "{line}");
    }
    // The message itself never carries the raw escape to the screen.
    assert!(!err.contains('\u{1b}'), "{err}");
}

#[test]
fn a_block_broken_by_another_question_is_refused() {
    let env = Env::new();
    // The suicide screen is questions[6..=8]. questions[10] in it too would put
    // questions[9], outside it, in the middle.
    let text = broken(|b| {
        assert_eq!(b["questions"][6]["block"], "suicide_screen");
        assert_eq!(b["questions"][8]["block"], "suicide_screen");
        b["questions"][10]["block"] = json!("suicide_screen");
    });
    let err = refused(&env, "split.json", text);
    let line = problem_at(&err, "questions[10].block");
    assert!(line.contains("began at questions[6]"), "{line}");
    assert!(line.contains("one after another"), "{line}");

    // The next question may join it: the block stays in one piece.
    let text = broken(|b| b["questions"][9]["block"] = json!("suicide_screen"));
    env.cmd()
        .args(["bank", "validate"])
        .arg(env.file("longer.json", text))
        .run()
        .code(0);

    let text = broken(|b| b["questions"][6]["block"] = json!("Suicide Screen"));
    let err = refused(&env, "name.json", text);
    assert!(problem_at(&err, "questions[6].block").contains("snake_case"));
}

#[test]
fn a_recall_period_the_text_does_not_say_is_refused() {
    let env = Env::new();
    let text = broken(|b| {
        assert_eq!(b["questions"][8]["recall_period"], "the last 3 months");
        b["questions"][8]["recall_period"] = json!("the last year");
    });
    let err = refused(&env, "recall.json", text);
    let line = problem_at(&err, "questions[8].text");
    assert!(line.contains("\"the last year\""), "{line}");
}

#[test]
fn a_range_reason_is_only_for_number_questions() {
    let env = Env::new();
    let text = broken(|b| b["questions"][4]["range_reason"] = json!("Because."));
    let err = refused(&env, "reason.json", text);
    let line = problem_at(&err, "questions[4].range_reason");
    assert!(line.contains("only for number questions"), "{line}");
}

#[test]
fn the_bank_and_report_schemas_use_nothing_strict_validators_refuse() {
    // ajv in its default strict mode refuses a schema with an unknown "format" (JSON
    // Schema 2020-12 defines none for numbers) or a list of types other than "X or null".
    const STANDARD: &[&str] = &[
        "date-time",
        "date",
        "time",
        "duration",
        "email",
        "uri",
        "uuid",
    ];
    fn refused(v: &Value, at: &str, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                if let Some(f) = m.get("format").and_then(Value::as_str)
                    && !STANDARD.contains(&f)
                {
                    out.push(format!("{at}: format {f}"));
                }
                if let Some(types) = m.get("type").and_then(Value::as_array)
                    && types.iter().filter(|t| t.as_str() != Some("null")).count() > 1
                {
                    out.push(format!("{at}: union type {types:?}"));
                }
                for (k, v) in m {
                    refused(v, &format!("{at}/{k}"), out);
                }
            }
            Value::Array(a) => a.iter().for_each(|v| refused(v, at, out)),
            _ => {}
        }
    }
    let env = Env::new();
    let report = env.run(["export", "--schema"]).code(0);
    let bank = std::fs::read_to_string(repo_file("questions/bank.schema.json")).expect("schema");
    for (name, text) in [("bank", bank), ("report", stdout(&report))] {
        let mut found = Vec::new();
        refused(&serde_json::from_str(&text).expect("JSON"), "#", &mut found);
        assert!(found.is_empty(), "{name} schema: {found:#?}");
    }
}

/// The bundled Spanish bank as JSON.
fn spanish_bank() -> Value {
    let text = std::fs::read_to_string(repo_file("questions/baclofen.es.json"))
        .expect("read the Spanish bank");
    serde_json::from_str(&text).expect("the Spanish bank is JSON")
}

#[test]
fn the_english_and_spanish_banks_validate_together() {
    let env = Env::new();
    let err = validate_after_english(&env, &repo_file("questions/baclofen.es.json"), 0);
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(
        err.lines()
            .nth(1)
            .is_some_and(|l| l.ends_with("baclofen.es.json: ok (32 questions, 28 alert rules)")),
        "{err}"
    );
}

#[test]
fn a_translation_that_differs_in_more_than_words_is_refused_naming_each_id() {
    let env = Env::new();
    let mut es = spanish_bank();
    es["questions"][4]["score_yes"] = json!(3);
    es["alerts"][0]["level"] = json!("crisis");
    // Both forms of an alert lose the crisis line, so the file alone still passes.
    es["alerts"][2]["advice"] = json!("Hable con alguien ahora. Llame al {emergency}.");
    es["alerts"][2]["advice_caregiver"] = json!("Llame al {emergency} por esa persona.");
    let bad = env.file("es.json", serde_json::to_string_pretty(&es).unwrap());
    let err = validate_after_english(&env, &bad, 2);
    let line = problem_at(&err, "questions[4].score_yes");
    assert!(line.starts_with(&format!("{}: ", bad.display())), "{line}");
    assert!(line.contains("question \"breathing\""), "{line}");
    assert!(line.contains("3 here but 4 in the \"en\" bank"), "{line}");
    let line = problem_at(&err, "alerts[0].level");
    assert!(line.contains("alert \"breathing\""), "{line}");
    let line = problem_at(&err, "alerts[2].advice");
    assert!(line.contains("has no {crisis_contact}"), "{line}");
    assert!(err.contains("1 of 2 bank file(s)"), "{err}");
    assert!(
        !err.contains("es.json: ok ("),
        "a file with parity problems is not ok: {err}"
    );

    // Alone, the same file is a bank of its own: nothing to compare it with.
    env.cmd().args(["bank", "validate"]).arg(&bad).run().code(0);
}
