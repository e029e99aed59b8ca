//! Scripted mode: `check --answers FILE` runs the same flow and save as the prompt.

use serde_json::json;

use crate::support::*;

#[test]
fn calm_answers_save_a_completed_check_in() {
    let env = Env::new();
    let out = env.check(&calm_answers(), &["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let records = env.records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["status"], "completed");
    assert_eq!(records[0]["alerts"], json!([]));
    let printed: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(printed["id"], records[0]["id"]);
}
