//! The CSV export as a clinician filters it: `urgent` on every answer an urgent
//! alert rests on (not only the one it is pinned to), the alert ids and levels of
//! each answer, a stopped check-in's status and `answered_of_asked` on every row,
//! and the formula guard with its `--csv-raw` way out.

use serde_json::{Value, json};

use crate::support::{Check, Env, answers_with, append_log, check_saved, stdout, stopped_after};

/// The CSV read back by column name.
struct Table {
    header: Vec<String>,
    rows: Vec<csv::StringRecord>,
    text: String,
}

impl Table {
    fn read(text: String) -> Table {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header = reader
            .headers()
            .expect("a header")
            .iter()
            .map(String::from)
            .collect();
        let rows = reader.records().map(|r| r.expect("a CSV row")).collect();
        Table { header, rows, text }
    }

    fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {:?}", self.header))
    }

    /// The row of question `q` (the only check-in, or the first with it).
    fn row(&self, q: &str) -> &csv::StringRecord {
        let at = self.col("question_id");
        self.rows
            .iter()
            .find(|r| &r[at] == q)
            .unwrap_or_else(|| panic!("no row for {q} in\n{}", self.text))
    }

    /// The cell of column `name` in the row of question `q`.
    fn cell(&self, q: &str, name: &str) -> &str {
        self.row(q).get(self.col(name)).expect("a cell")
    }
}

fn export_csv(env: &Env, extra: &[&str]) -> Table {
    let mut args = vec!["export", "--format", "csv"];
    args.extend_from_slice(extra);
    let out = env.run(args).code(0);
    Table::read(stdout(&out))
}

#[test]
fn breathing_with_alcohol_is_urgent_on_the_breathing_row_too() {
    let env = Env::new();
    let r = check_saved(
        &env,
        &answers_with(json!({"breathing": true, "alcohol_sedatives": true})),
    );
    // The alert that stands is pinned to the alcohol question, and replaced the
    // breathing alert.
    assert_eq!(r["alerts"][0]["id"], "alcohol_with_breathing");
    assert_eq!(r["alerts"][0]["question"], "alcohol_sedatives");
    let t = export_csv(&env, &[]);
    assert_eq!(t.cell("breathing", "urgent"), "true", "{}", t.text);
    assert_eq!(t.cell("alcohol_sedatives", "urgent"), "true");
    for q in ["breathing", "alcohol_sedatives"] {
        assert_eq!(t.cell(q, "alert_ids"), "alcohol_with_breathing");
        assert_eq!(t.cell(q, "alert_levels"), "emergency");
    }
    assert_eq!(t.cell("seizure", "urgent"), "false");
    assert_eq!(t.cell("seizure", "alert_ids"), "");
}

#[test]
fn very_severe_confusion_is_urgent_beside_very_severe_drowsiness() {
    let env = Env::new();
    check_saved(
        &env,
        &answers_with(json!({"drowsiness": "very_severe", "confusion": "very_severe"})),
    );
    let t = export_csv(&env, &[]);
    for q in ["drowsiness", "confusion"] {
        assert_eq!(t.cell(q, "urgent"), "true", "{q}: {}", t.text);
        assert_eq!(t.cell(q, "alert_ids"), "overdose_signs");
    }
    assert_eq!(t.cell("dizziness", "urgent"), "false");
}

#[test]
fn a_stiffness_that_came_back_is_urgent_when_a_pump_danger_replaced_its_alert() {
    let env = Env::new();
    check_saved(
        &env,
        &answers_with(json!({
            "pump": true, "pump_confusion": true, "pump_stiffness": true,
            "pump_itching": false, "pump_alarm": false
        })),
    );
    let t = export_csv(&env, &[]);
    assert_eq!(t.cell("pump_stiffness", "urgent"), "true", "{}", t.text);
    assert_eq!(t.cell("pump_stiffness", "alert_ids"), "pump_danger");
    assert_eq!(t.cell("pump_confusion", "alert_ids"), "pump_danger");
    // No standing or replaced alert tests the pump answer itself.
    assert_eq!(t.cell("pump", "urgent"), "false");
    assert_eq!(t.cell("pump_itching", "urgent"), "false");
}

#[test]
fn each_alert_of_an_answer_is_listed_with_its_level_in_the_same_order() {
    let env = Env::new();
    // Severe drowsiness in a driver: call the prescriber, and do not drive.
    check_saved(
        &env,
        &answers_with(json!({
            "profile": {"drives": true}, "drowsiness": "severe",
            "dose_change": true, "stopped": false, "missed_days": 2,
            "tremors": "none", "withdrawal_insomnia": "none", "irritability": "none",
            "cravings": "none", "angry_outbursts": "never"
        })),
    );
    let t = export_csv(&env, &[]);
    assert_eq!(
        t.cell("drowsiness", "alert_ids"),
        "severe_side_effect;drowsy_driving",
        "{}",
        t.text
    );
    assert_eq!(t.cell("drowsiness", "alert_levels"), "prescriber;advice");
    assert_eq!(t.cell("drowsiness", "urgent"), "true");
    // Advice alone is listed, and is not urgent.
    assert_eq!(t.cell("dose_change", "alert_ids"), "dose_change");
    assert_eq!(t.cell("dose_change", "alert_levels"), "advice");
    assert_eq!(t.cell("dose_change", "urgent"), "false");
}

#[test]
fn every_row_of_a_stopped_check_in_says_so_with_answered_of_asked() {
    let env = Env::new();
    let whole = check_saved(&env, &answers_with(json!({})));
    let asked = whole["asked"].as_u64().expect("asked");
    let stopped = stopped_after(&whole, 2, "20261201-090000-000000000002");
    // A stopped record made with another bank: how many it asked is not known.
    let mut unknown = stopped_after(&whole, 3, "20261201-090000-000000000003");
    unknown["bank"]["id"] = json!("other");
    unknown.as_object_mut().expect("a record").remove("asked");
    append_log(&env, &[stopped.to_string(), unknown.to_string()]);
    let t = export_csv(&env, &[]);
    let (id, status, of) = (
        t.col("checkin_id"),
        t.col("status"),
        t.col("answered_of_asked"),
    );
    let rows_of = |want: &Value| -> Vec<&csv::StringRecord> {
        let rows: Vec<_> = t.rows.iter().filter(|r| r[id] == *want).collect();
        assert!(!rows.is_empty(), "{}", t.text);
        rows
    };
    for row in rows_of(&whole["id"]) {
        assert_eq!(&row[status], "completed");
        assert_eq!(row[of], format!("{asked} of {asked}"));
    }
    let rows = rows_of(&stopped["id"]);
    assert_eq!(rows.len(), 2);
    for row in rows {
        assert_eq!(row[status], format!("stopped after 2 of {asked} questions"));
        assert_eq!(row[of], format!("2 of {asked}"));
    }
    for row in rows_of(&unknown["id"]) {
        assert_eq!(&row[status], "stopped after 3 questions");
        assert_eq!(&row[of], "3 of unknown");
    }
}

#[test]
fn a_standing_alert_whose_question_has_no_answer_gets_a_row_of_its_own() {
    let env = Env::new();
    let mut r = check_saved(&env, &answers_with(json!({"breathing": true})));
    // A hand-edited line: the breathing answer is gone, its alert is not.
    r["id"] = json!("20261201-090000-0000000000ed");
    let answers = r["answers"].as_array_mut().expect("answers");
    answers.retain(|a| a["question"] != "breathing");
    append_log(&env, &[r.to_string()]);
    let t = export_csv(&env, &[]);
    let id = t.col("checkin_id");
    let q = t.col("question_id");
    let row = t
        .rows
        .iter()
        .find(|row| row[id] == r["id"] && &row[q] == "breathing")
        .unwrap_or_else(|| panic!("a breathing row: {}", t.text));
    assert_eq!(&row[t.col("answer")], "");
    assert_eq!(&row[t.col("urgent")], "true");
    assert_eq!(&row[t.col("alert_ids")], "breathing");
}

#[test]
fn the_formula_guard_is_on_every_field_and_csv_raw_writes_text_as_it_is() {
    let env = Env::new();
    let mut r = check_saved(
        &env,
        &answers_with(json!({"notes": "=HYPERLINK(\"http://x\",\"y\")"})),
    );
    // A label edited into the log is guarded as well as the typed note.
    r["id"] = json!("20261201-090000-0000000000ab");
    let answers = r["answers"].as_array_mut().expect("answers");
    for a in answers.iter_mut() {
        if a["question"] == "seizure" {
            a["label"] = json!("@SUM(1)");
        }
    }
    append_log(&env, &[r.to_string()]);
    let guarded = export_csv(&env, &[]);
    let raw = export_csv(&env, &["--csv-raw"]);
    assert_eq!(
        guarded.cell("notes", "answer"),
        "'=HYPERLINK(\"http://x\",\"y\")"
    );
    assert_eq!(
        raw.cell("notes", "answer"),
        "=HYPERLINK(\"http://x\",\"y\")"
    );
    let label = |t: &Table| -> Vec<String> {
        let (q, a) = (t.col("question_id"), t.col("answer"));
        t.rows
            .iter()
            .filter(|row| &row[q] == "seizure")
            .map(|row| row[a].to_string())
            .collect()
    };
    assert_eq!(label(&guarded), ["No", "'@SUM(1)"]);
    assert_eq!(label(&raw), ["No", "@SUM(1)"]);
    // Raw is still RFC 4180: same rows, same columns.
    assert_eq!(raw.header, guarded.header);
    assert_eq!(raw.rows.len(), guarded.rows.len());
}

#[test]
fn csv_raw_is_refused_with_any_other_format_in_one_line() {
    let env = Env::new();
    check_saved(&env, &answers_with(json!({})));
    for format in ["json", "fhir", "html"] {
        let out = env
            .run(["export", "--format", format, "--csv-raw"])
            .code(2)
            .stderr_has("--csv-raw is only for --format csv");
        assert!(stdout(&out).is_empty());
        assert_eq!(
            String::from_utf8_lossy(&out.stderr)
                .trim_end()
                .lines()
                .count(),
            1
        );
    }
    env.run(["export", "--schema", "--csv-raw"]).code(2);
}

/// The columns that hold ids, codes and numbers: the same in every language.
const CODES: [&str; 14] = [
    "checkin_id",
    "time",
    "section",
    "question_id",
    "grade",
    "urgent",
    "section_moderate_or_worse",
    "section_highest_grade",
    "checkin_urgent_findings",
    "alert_ids",
    "alert_levels",
    "baseline_grade",
    "change_from_baseline",
    "is_baseline",
];

/// A bundled bank's text of question `q`, and the label of its option `option`.
fn bank_words(lang: &str, q: &str, option: &str) -> (String, String) {
    let path = format!(
        "{}/questions/baclofen.{lang}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).expect("the bundled bank");
    let bank: Value = serde_json::from_str(&text).expect("bank JSON");
    let question = bank["questions"]
        .as_array()
        .and_then(|qs| qs.iter().find(|x| x["id"] == q))
        .expect("the question");
    let label = bank["scales"][question["scale"].as_str().expect("a scale")]
        .as_array()
        .and_then(|os| os.iter().find(|o| o["id"] == option))
        .and_then(|o| o["label"].as_str())
        .expect("the option");
    let text = question["text"].as_str().expect("a text");
    (text.to_string(), label.to_string())
}

#[test]
fn a_spanish_export_of_a_mixed_log_has_spanish_labels_and_the_same_header() {
    let env = Env::new();
    let answers = answers_with(json!({"drowsiness": "moderate", "tolerance": true}));
    env.check(&answers, &["--lang", "en"]).code(0);
    env.check(&answers, &["--lang", "es"]).code(0);
    let saved = env.records();
    assert_eq!(saved.len(), 2);
    // One check-in saved in each language, with its own language's labels.
    assert_eq!(saved[1]["bank"]["language"], "es");
    let label = |r: &Value, q: &str| {
        r["answers"]
            .as_array()
            .and_then(|a| a.iter().find(|a| a["question"] == q))
            .map(|a| a["label"].clone())
    };
    assert_eq!(label(&saved[0], "drowsiness"), Some(json!("Moderate")));
    assert_eq!(label(&saved[1], "drowsiness"), Some(json!("Moderado")));
    let en = export_csv(&env, &["--lang", "en"]);
    let es = export_csv(&env, &["--lang", "es"]);
    assert_eq!(es.header, en.header, "column names stay the same");
    assert_eq!(es.rows.len(), en.rows.len());
    for (e, s) in en.rows.iter().zip(&es.rows) {
        for name in CODES {
            assert_eq!(s[es.col(name)], e[en.col(name)], "{name}: {}", es.text);
        }
    }
    let (q_es, moderate_es) = bank_words("es", "drowsiness", "moderate");
    let (q_en, moderate_en) = bank_words("en", "drowsiness", "moderate");
    let (id, q, answer, of) = (
        es.col("question_id"),
        es.col("question_text"),
        es.col("answer"),
        es.col("answered_of_asked"),
    );
    // Both check-ins, whatever language each was saved in, in the export's.
    for (t, text, moderate, yes, of_words) in [
        (&es, &q_es, &moderate_es, "Sí", " de "),
        (&en, &q_en, &moderate_en, "Yes", " of "),
    ] {
        let rows: Vec<_> = t.rows.iter().filter(|r| &r[id] == "drowsiness").collect();
        assert_eq!(rows.len(), 2, "{}", t.text);
        for row in rows {
            assert_eq!(&row[q], text.as_str());
            assert_eq!(&row[answer], moderate.as_str());
        }
        for row in t.rows.iter().filter(|r| &r[id] == "tolerance") {
            assert_eq!(&row[answer], yes, "{}", t.text);
        }
        assert!(
            t.rows.iter().all(|r| r[of].contains(of_words)),
            "{}",
            t.text
        );
    }
}
