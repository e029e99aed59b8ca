//! `history` and the errors in Spanish: no English label left, one language for a
//! log that mixes English and Spanish check-ins (answers are saved by id), and each
//! family of errors as one Spanish line that names what is wrong.

use serde_json::{Value, json};

use crate::support::*;

/// Labels the English history shows for the log [`log_with_everything`] makes;
/// the Spanish history must show none of them.
const ENGLISH_LABELS: &[&str] = &[
    "History: ",
    "all check-ins",
    " completed",
    " stopped",
    "Sections (symptoms",
    "Symptoms reported",
    "moderate+: first",
    "grade: first",
    "yes at ",
    "Date ",
    "Status ",
    "Check-in id",
    "Urgent alerts",
    "mod+, top",
    "steady",
    "Baseline: the check-in of",
    "marked as the baseline",
    "Since the baseline",
    " before, ",
    " now",
    "not in the trends",
    "stopped after",
    "(prescriber)",
    "(baseline)",
    "Every other symptom",
    // The section columns: the Spanish bank's short names, not the ids.
    "  serious  ",
    "  withdrawal  ",
];

fn alert_title(lang: &str, id: &str) -> String {
    let path = format!(
        "{}/questions/baclofen.{lang}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let bank: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("bank")).expect("json");
    bank["alerts"]
        .as_array()
        .expect("alerts")
        .iter()
        .find(|a| a["id"] == id)
        .and_then(|a| a["title"].as_str())
        .expect("the alert")
        .to_string()
}

/// A calm check-in marked as the baseline, a later one with a prescriber alert and
/// a moderate symptom, and a stopped one; `langs` are the languages of the first
/// two check-ins.
fn log_with_everything(env: &Env, langs: [&str; 2]) {
    env.check(&calm_answers(), &["--lang", langs[0]]).code(0);
    let first = env.records()[0]["id"].as_str().expect("id").to_string();
    env.run(["baseline", &first]).code(0);
    let worse =
        answers_with(json!({"depression": "severe", "drowsiness": "moderate", "tolerance": true}));
    env.check(&worse, &["--lang", langs[1]]);
    let last = env.records().pop().expect("the second check-in");
    let stopped = stopped_after(&last, 3, "20991231-235959-0123456789ab");
    append_log(env, &[stopped.to_string()]);
}

fn history(env: &Env, lang: &str) -> String {
    let ran = env.run(["--lang", lang, "history"]).code(0).stderr_empty();
    stdout(&ran)
}

#[test]
fn spanish_history_has_no_english_label() {
    let env = Env::new();
    log_with_everything(&env, ["en", "en"]);
    let english = history(&env, "en");
    let lacks: Vec<_> = ENGLISH_LABELS
        .iter()
        .filter(|l| !english.contains(*l))
        .collect();
    assert!(lacks.is_empty(), "English lacks {lacks:?}:\n{english}");
    let spanish = history(&env, "es");
    let has: Vec<_> = ENGLISH_LABELS
        .iter()
        .filter(|l| spanish.contains(*l))
        .collect();
    assert!(has.is_empty(), "Spanish has {has:?}:\n{spanish}");
    for word in [
        "Historial",
        "Punto de partida",
        "Fecha",
        "mod+, máx",
        "detenido",
    ] {
        assert!(spanish.contains(word), "Spanish lacks {word:?}:\n{spanish}");
    }
}

/// The table's columns start at the same character in the header and every row:
/// accents count as one column.
#[test]
fn the_spanish_table_lines_up() {
    let env = Env::new();
    log_with_everything(&env, ["es", "es"]);
    for columns in ["80", "40"] {
        let ran = env
            .cmd()
            .env("COLUMNS", columns)
            .args(["--lang", "es", "history"])
            .run()
            .code(0);
        let out = stdout(&ran);
        let header = out
            .lines()
            .find(|l| l.starts_with("Fecha"))
            .expect("the header");
        let at = |line: &str, what: &str| line.find(what).map(|i| line[..i].chars().count());
        let id_column = at(header, "Id del control").expect("the id column");
        let status_column = at(header, "Estado").expect("the status column");
        let rows: Vec<&str> = out.lines().filter(|l| l.starts_with("20")).collect();
        assert_eq!(rows.len(), 3, "{out}");
        for row in rows {
            let id = row.split_whitespace().nth(3).expect("the id");
            assert_eq!(at(row, id), Some(id_column), "{columns}: {row}\n{header}");
            let status = row.split_whitespace().nth(2).expect("the status");
            assert_eq!(at(row, status), Some(status_column), "{row}\n{header}");
        }
    }
}

#[test]
fn a_log_that_mixes_languages_reads_in_the_chosen_one() {
    let env = Env::new();
    log_with_everything(&env, ["en", "es"]);
    let languages: Vec<Value> = env
        .records()
        .iter()
        .filter(|r| r.get("kind").is_none())
        .map(|r| r["bank"]["language"].clone())
        .collect();
    assert_eq!(languages[..2], [json!("en"), json!("es")]);
    let (en_title, es_title) = (
        alert_title("en", "severe_low_mood"),
        alert_title("es", "severe_low_mood"),
    );
    assert_ne!(en_title, es_title);
    let spanish = history(&env, "es");
    assert!(spanish.contains(&es_title), "{spanish}");
    assert!(!spanish.contains(&en_title), "{spanish}");
    let english = history(&env, "en");
    assert!(english.contains(&en_title), "{english}");
    assert!(!english.contains(&es_title), "{english}");
    // The grades of the change since the baseline, in the bank's words.
    assert!(
        english.contains("none before, moderate now (worse)"),
        "{english}"
    );
    assert!(
        spanish.contains("ninguno antes, moderado ahora (peor)"),
        "{spanish}"
    );
}

/// Words that only an English message has.
const ENGLISH_WORDS: &[&str] = &[
    " the ", " is ", " not ", " cannot", " was ", " with ", " and ", "skipped", " use one",
];

/// The one line of `text` that names `what`: in Spanish, with no English words.
#[track_caller]
fn spanish_line(text: &str, what: &str) {
    let lines: Vec<&str> = text.lines().filter(|l| l.contains(what)).collect();
    assert_eq!(lines.len(), 1, "one line names {what:?}:\n{text}");
    let line = format!(" {} ", lines[0]);
    for word in ENGLISH_WORDS {
        assert!(!line.contains(word), "{word:?} in {line:?}");
    }
    let spanish = [" no ", " es ", " la ", " el ", " del ", " una ", " un "];
    assert!(
        spanish.iter().any(|w| line.contains(w)),
        "not Spanish: {line:?}"
    );
}

fn es(env: &Env, args: &[&str]) -> String {
    let ran = env.cmd().env("LANG", "es_MX.UTF-8").args(args).run();
    format!("{}{}", stdout(&ran), stderr(&ran))
}

#[test]
fn a_bad_log_line_is_one_spanish_line() {
    let env = Env::new();
    env.check(&calm_answers(), &[]).code(0);
    append_log(&env, &["{\"schema\": 4, oops".to_string()]);
    append_log(
        &env,
        &[std::fs::read_to_string(env.log_path())
            .expect("log")
            .lines()
            .next()
            .expect("a line")
            .to_string()],
    );
    let out = es(&env, &["history"]);
    spanish_line(&out, "línea 2");
    spanish_line(&out, "más de una vez");
}

#[test]
fn a_bad_bank_is_one_spanish_line() {
    let env = Env::new();
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/bank");
    let missing = format!("{corpus}/follow-up-refers-to-a-missing-question.json");
    let out = es(&env, &["bank", "validate", &missing]);
    let bank: Value =
        serde_json::from_str(&std::fs::read_to_string(&missing).expect("bank")).expect("json");
    let named = bank["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .find_map(|q| q["when"]["question"].as_str())
        .expect("a follow-up")
        .to_string();
    spanish_line(&out, &format!("\"{named}\""));
    let not_utf8 = format!("{corpus}/invalid-utf8.json");
    spanish_line(&es(&env, &["bank", "validate", &not_utf8]), "UTF-8");
}

/// The bank checks' own problems (validate.rs), each one Spanish line after its
/// JSON place, which stays as the file spells it.
#[test]
fn a_bank_s_problems_are_each_one_spanish_line_at_its_place() {
    let env = Env::new();
    let dir = env!("CARGO_MANIFEST_DIR");
    let mut bank: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{dir}/questions/baclofen.en.json")).expect("bank"),
    )
    .expect("json");
    bank["sections"][1]["id"] = bank["sections"][0]["id"].clone();
    bank["scales"]["severity"][1]["score"] = json!(2);
    bank["questions"][3]
        .as_object_mut()
        .expect("a question")
        .remove("unit");
    bank["questions"][2]["text"] = json!("Stopped?\u{1b}[2J");
    bank["alerts"][0]["call"] = json!([]);
    let file = env.file("broken.json", bank.to_string());
    let out = es(&env, &["bank", "validate", file.to_str().expect("path")]);
    for place in [
        "sections[1].id: ",
        "scales.severity[1].score: ",
        "questions[3].unit: ",
        "questions[2].text: ",
        "alerts[0].call: ",
    ] {
        spanish_line(&out, place);
    }
    for english in [
        "duplicate",
        "must be",
        "is missing",
        "control character",
        "is empty",
    ] {
        assert!(!out.contains(english), "{english:?} in:\n{out}");
    }
}

/// A report file that cannot be written (output.rs) is said in Spanish too.
#[test]
fn a_report_file_error_is_one_spanish_line() {
    let env = Env::new();
    env.check(&calm_answers(), &[]).code(0);
    let folder = env.file("here", "").with_extension("d");
    std::fs::create_dir(&folder).expect("a folder");
    let shown = folder.to_str().expect("path");
    let out = es(&env, &["export", "--format", "json", "--output", shown]);
    spanish_line(&out, "es una carpeta");
}

#[test]
fn a_translation_that_differs_is_one_spanish_line() {
    let env = Env::new();
    let dir = env!("CARGO_MANIFEST_DIR");
    let mut es_bank: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{dir}/questions/baclofen.es.json")).expect("bank"),
    )
    .expect("json");
    es_bank["sections"][0]["scored"] = json!(true);
    let file = env.file("es.json", es_bank.to_string());
    let en = format!("{dir}/questions/baclofen.en.json");
    let out = es(
        &env,
        &["bank", "validate", &en, file.to_str().expect("path")],
    );
    let id = es_bank["sections"][0]["id"].as_str().expect("id");
    spanish_line(&out, &format!("sección \"{id}\": scored"));
}

#[test]
fn bad_answers_and_settings_are_one_spanish_line() {
    let env = Env::new();
    let answers = answers_with(json!({"drowsiness": "sleepy"}));
    let f = env.file("answers.json", answers.to_string());
    let out = es(&env, &["check", "--answers", f.to_str().expect("path")]);
    spanish_line(&out, "\"sleepy\"");
    spanish_line(&es(&env, &["profile", "--set", "liver=yes"]), "\"liver\"");
    spanish_line(
        &es(&env, &["profile", "--set", "kidney=maybe"]),
        "\"maybe\"",
    );
    spanish_line(&es(&env, &["history", "--since", "ayer"]), "\"ayer\"");
}

#[test]
fn a_data_folder_that_is_a_file_is_one_spanish_line() {
    let env = Env::new();
    std::fs::write(env.data_dir(), "not a folder").expect("a file");
    let out = es(
        &env,
        &[
            "check",
            "--answers",
            env.file("a.json", calm_answers().to_string())
                .to_str()
                .expect("path"),
        ],
    );
    spanish_line(&out, &env.data_dir().display().to_string());
    let out = es(
        &env,
        &["export", "--format", "csv", "--bundle", "transaction"],
    );
    spanish_line(&out, "--bundle");
}
