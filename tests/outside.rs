//! Ordinary life outside the lab: nobody reading stderr, a full stderr. The urgent
//! check-in is saved anyway, and the exit code stays one the README documents.

#![cfg(unix)]

use std::process::Stdio;

use serde_json::json;

use crate::support::*;

fn urgent() -> serde_json::Value {
    answers_with(json!({"breathing": true, "seizure": true}))
}

#[test]
fn an_urgent_check_in_is_saved_when_stderr_is_a_full_disk() {
    let env = Env::new();
    let answers = env.file("answers.json", urgent().to_string());
    for _ in 0..5 {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let out = env
            .std_cmd()
            .args(["check", "--answers"])
            .arg(&answers)
            .stderr(full)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(0), "{:?}", out.status);
    }
    let records = env.records();
    assert_eq!(records.len(), 5);
    assert!(
        records
            .iter()
            .all(|r| r["alerts"][0]["level"] == "emergency")
    );
}

#[test]
fn an_urgent_check_in_is_saved_when_nobody_reads_stderr() {
    let env = Env::new();
    let answers = env.file("answers.json", urgent().to_string());
    for _ in 0..10 {
        // The reader of the pipe is gone before the program writes its first line,
        // as with `2>&1 | head -1` once head has its line.
        let mut child = env
            .std_cmd()
            .args(["check", "--answers"])
            .arg(&answers)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        drop(child.stderr.take());
        let status = child.wait().expect("wait");
        assert_eq!(status.code(), Some(0), "{status:?}");
    }
    assert_eq!(env.records().len(), 10);
}

#[test]
fn an_error_that_cannot_be_shown_still_exits_with_its_code() {
    let env = Env::new();
    let bad = env.file("bad.json", "{\"breathing\": 3}");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = env
        .std_cmd()
        .args(["check", "--answers"])
        .arg(&bad)
        .stderr(full)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2), "{:?}", out.status);
}
