//! Bad input never panics: property tests over banks, answers files and log lines.
//! What must hold for each input lives in `exercise.rs`, shared with the fuzz
//! targets: a bank either loads and can be answered all the way to a record that
//! reads back, or gives errors that name the file and a place; an answers file either
//! completes a check or gives a bad-input error (exit 2) naming the file; a log never
//! fails to read from memory and names every line it skips. `SIDECHECK_STRESS=1`
//! runs sixteen times as many cases.

// In a test, a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]

use proptest::collection::vec;
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::exercise;
use crate::hostile::scale;
use crate::support::calm_answers;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: scale(256, 4096) as u32,
        ..ProptestConfig::default()
    }
}

/// Texts that tend to break things: empty, control characters, ids from the bank,
/// placeholders, wide characters, a long word.
fn tricky_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z_]{0,12}",
        ".{0,40}",
        prop::sample::select(vec![
            "",
            " ",
            "\n",
            "\u{1b}[2J",
            "a\"b",
            "a\\b",
            "{emergency}",
            "{crisis}",
            "é",
            "🙂",
            "breathing",
            "dizziness",
            "missed_days",
            "notes",
            "dose_change",
            "none",
            "severe",
            "very_severe",
            "never",
            "severity",
            "frequency",
            "side_effects",
            "emergency",
            "crisis",
            "prescriber",
            "advice",
            "yes_no",
            "scale",
            "number",
            "text",
            "poison",
        ])
        .prop_map(String::from),
        (1usize..3000).prop_map(|n| "x".repeat(n)),
    ]
}

/// JSON values, with the numbers that tend to break things.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (-10i64..300).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        prop::sample::select(vec![
            json!(-0.0),
            json!(0.5),
            json!(1e308),
            json!(-1e308),
            json!(u64::MAX),
            json!(u32::MAX),
            json!(255),
            json!(256),
            json!(f64::EPSILON),
        ]),
        tricky_text().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(Value::Array),
            vec((tricky_text(), inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// One change somewhere in a JSON document.
#[derive(Debug, Clone)]
enum Change {
    Remove,
    Replace(Value),
    /// Copy an item of a list next to itself (duplicate ids).
    Duplicate,
    /// Swap two items of a list (questions out of order: forward references).
    Swap(usize),
    AddField(String, Value),
    /// Put one of the document's own ids here (self references, wrong references).
    UseId(usize),
}

fn change() -> impl Strategy<Value = (Vec<usize>, Change)> {
    let what = prop_oneof![
        Just(Change::Remove),
        json_value().prop_map(Change::Replace),
        Just(Change::Duplicate),
        any::<usize>().prop_map(Change::Swap),
        (tricky_text(), json_value()).prop_map(|(k, v)| Change::AddField(k, v)),
        any::<usize>().prop_map(Change::UseId),
    ];
    (vec(any::<usize>(), 1..7), what)
}

/// Every string under an "id" key, and every scale name.
fn ids(doc: &Value, out: &mut Vec<String>) {
    match doc {
        Value::Object(m) => {
            for (k, v) in m {
                match (k.as_str(), v) {
                    ("id" | "question" | "section" | "scale", Value::String(s)) => {
                        out.push(s.clone())
                    }
                    ("scales", Value::Object(scales)) => out.extend(scales.keys().cloned()),
                    _ => {}
                }
                ids(v, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|v| ids(v, out)),
        _ => {}
    }
}

fn is_deeper(v: &Value) -> bool {
    match v {
        Value::Array(a) => !a.is_empty(),
        Value::Object(m) => !m.is_empty(),
        _ => false,
    }
}

/// Follows `path` (an index at each level, wrapped) as deep as it goes, then makes
/// the change there.
fn apply(doc: &mut Value, path: &[usize], change: &Change, names: &[String]) {
    let Some((&first, rest)) = path.split_first() else {
        return;
    };
    let id = |j: usize| {
        json!(
            names
                .get(j % names.len().max(1))
                .cloned()
                .unwrap_or_default()
        )
    };
    match doc {
        Value::Array(a) if !a.is_empty() => {
            let i = first % a.len();
            if !rest.is_empty() && is_deeper(&a[i]) {
                return apply(&mut a[i], rest, change, names);
            }
            match change {
                Change::Remove => {
                    a.remove(i);
                }
                Change::Replace(v) => a[i] = v.clone(),
                Change::Duplicate => {
                    let copy = a[i].clone();
                    a.insert(i, copy);
                }
                Change::Swap(j) => {
                    let j = j % a.len();
                    a.swap(i, j);
                }
                Change::AddField(k, v) => {
                    if let Value::Object(m) = &mut a[i] {
                        m.insert(k.clone(), v.clone());
                    }
                }
                Change::UseId(j) => a[i] = id(*j),
            }
        }
        Value::Object(m) if !m.is_empty() => {
            let Some(key) = m.keys().nth(first % m.len()).cloned() else {
                return;
            };
            if !rest.is_empty() && m.get(&key).is_some_and(is_deeper) {
                if let Some(child) = m.get_mut(&key) {
                    apply(child, rest, change, names);
                }
                return;
            }
            match change {
                Change::Remove => {
                    m.remove(&key);
                }
                Change::Replace(v) => {
                    m.insert(key, v.clone());
                }
                Change::Duplicate => {}
                Change::Swap(j) => {
                    let other = m.keys().nth(j % m.len()).cloned().unwrap_or_default();
                    if let (Some(a), Some(b)) = (m.get(&key).cloned(), m.get(&other).cloned()) {
                        m.insert(key, b);
                        m.insert(other, a);
                    }
                }
                Change::AddField(k, v) => {
                    m.insert(k.clone(), v.clone());
                }
                Change::UseId(j) => {
                    m.insert(key, id(*j));
                }
            }
        }
        _ => {}
    }
}

fn changed(doc: &Value, changes: &[(Vec<usize>, Change)]) -> Value {
    let mut names = Vec::new();
    ids(doc, &mut names);
    let mut doc = doc.clone();
    for (path, change) in changes {
        apply(&mut doc, path, change, &names);
    }
    doc
}

fn bundled_json() -> Value {
    serde_json::from_str(sidecheck::bank::BUNDLED_BANK).expect("the bundled bank is JSON")
}

fn mini_json() -> Value {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/valid-mini-bank.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("mini bank")).expect("JSON")
}

/// A real check-in as a JSON value.
fn record_json() -> Value {
    json!({
        "schema": 1, "id": "20240501-073000-0123456789ab", "status": "completed",
        "started_at": "2024-05-01T09:30:00.000+02:00", "ended_at": "2024-05-01T09:34:10.500+02:00",
        "bank": {"id": "baclofen", "version": "1.0.0", "language": "en"}, "region": "US",
        "answers": [
            {"question": "breathing", "section": "urgent", "value": false, "label": "No"},
            {"question": "dizziness", "section": "common", "value": "mild", "label": "Mild", "score": 1}
        ],
        "alerts": [{"id": "overdose_signs", "question": "dizziness", "level": "emergency", "title": "Signs of too much"}],
        "scores": [{"section": "common", "score": 1, "max": 4, "answered": 1}]
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text_is_a_bank_or_a_clear_error(text in ".{0,400}") {
        exercise::bank_bytes(text.as_bytes(), text.as_bytes());
    }

    #[test]
    fn any_bytes_are_a_bank_or_a_clear_error(bytes in vec(any::<u8>(), 0..400)) {
        exercise::bank_bytes(&bytes, &bytes);
    }

    #[test]
    fn a_changed_bundled_bank_loads_and_works_or_is_refused_clearly(
        changes in vec(change(), 1..4),
        choices in vec(any::<u8>(), 0..64),
    ) {
        let text = changed(&bundled_json(), &changes).to_string();
        exercise::bank_bytes(text.as_bytes(), &choices);
    }

    #[test]
    fn a_changed_small_bank_loads_and_works_or_is_refused_clearly(
        changes in vec(change(), 1..3),
        choices in vec(any::<u8>(), 0..16),
        pretty in any::<bool>(),
    ) {
        let doc = changed(&mini_json(), &changes);
        let text = if pretty {
            serde_json::to_string_pretty(&doc).unwrap()
        } else {
            doc.to_string()
        };
        exercise::bank_bytes(text.as_bytes(), &choices);
    }

    #[test]
    fn a_cut_bank_is_refused_clearly(cut in 0usize..20_000) {
        let text = sidecheck::bank::BUNDLED_BANK;
        let mut end = cut.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        exercise::bank_bytes(&text.as_bytes()[..end], &[]);
    }

    #[test]
    fn any_path_through_the_bundled_bank_saves_a_record(choices in vec(any::<u8>(), 0..80)) {
        exercise::walk(exercise::bundled(), &choices);
    }

    #[test]
    fn any_text_is_an_answers_file_or_a_clear_error(text in ".{0,300}") {
        exercise::answers_text(&text);
    }

    #[test]
    fn any_bytes_are_an_answers_file_or_a_clear_error(bytes in vec(any::<u8>(), 0..300)) {
        exercise::answers_bytes(&bytes);
    }

    #[test]
    fn any_answers_to_the_bundled_bank_complete_or_are_refused_clearly(
        entries in vec((tricky_text(), json_value()), 0..40),
    ) {
        // Written by hand, so keys may repeat.
        let body: Vec<String> = entries
            .iter()
            .map(|(k, v)| format!("{}: {v}", Value::from(k.as_str())))
            .collect();
        exercise::answers_text(&format!("{{{}}}", body.join(", ")));
    }

    #[test]
    fn changed_calm_answers_complete_or_are_refused_clearly(changes in vec(change(), 1..4)) {
        let text = changed(&calm_answers(), &changes).to_string();
        exercise::answers_text(&text);
    }

    #[test]
    fn any_bytes_are_read_as_a_log_without_failing(bytes in vec(any::<u8>(), 0..1000)) {
        exercise::log_bytes(&bytes);
    }

    #[test]
    fn a_log_of_records_and_damage_keeps_every_record(
        lines in vec(
            prop_oneof![
                Just(0u8).prop_map(|_| (true, format!("{}\n", record_json()))),
                vec(change(), 1..3).prop_map(|c| (false, format!("{}\n", changed(&record_json(), &c)))),
                (1usize..300).prop_map(|n| {
                    let line = record_json().to_string();
                    (false, format!("{}\n", &line[..n.min(line.len() - 1)]))
                }),
                ".{0,60}".prop_map(|t| (false, format!("{}\n", t.replace('\n', " ")))),
                Just((false, "\r\n".to_string())),
            ],
            0..12,
        ),
        torn in ".{0,80}",
    ) {
        let mut bytes = Vec::new();
        let mut known = 0;
        for (good, line) in &lines {
            bytes.extend_from_slice(line.as_bytes());
            if *good {
                known += 1;
            }
        }
        bytes.extend_from_slice(torn.as_bytes());
        exercise::log_bytes(&bytes);
        // Every record that was written whole is read back, whatever surrounds it.
        let read = sidecheck::store::LogReader::new(
            Box::new(std::io::Cursor::new(bytes)),
            "log".into(),
        )
        .filter(|e| matches!(e, sidecheck::store::Entry::Record(_)))
        .count();
        prop_assert!(read >= known, "{read} records read of {known} written whole");
    }
}
