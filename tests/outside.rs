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
        env.std_cmd()
            .args(["check", "--answers"])
            .arg(&answers)
            .stderr(full)
            .run()
            .code(0);
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
    env.std_cmd()
        .args(["check", "--answers"])
        .arg(&bad)
        .stderr(full)
        .run()
        .code(2);
}

/// Runs a scripted check in a pseudo-terminal `cols` wide and returns what it showed.
fn scripted_on_a_screen(env: &Env, cols: u16, answers: &serde_json::Value) -> String {
    use expectrl::{Eof, Expect, Session};
    let file = env.file("answers.json", answers.to_string());
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        // The child waits for a line before it sets the width: the pty crate sets
        // its own default size from the parent once the child has started, which on
        // a busy machine came after `stty` and put the check back at 80 columns.
        .arg(format!(
            "read -r go; stty cols {cols} rows 30; exec \"$0\" \"$@\""
        ))
        .arg(bin())
        .args(["--region", "GB", "--data-dir"])
        .arg(env.data_dir())
        .args(["check", "--answers"])
        .arg(&file)
        .env("NO_COLOR", "1")
        .env_remove("SIDECHECK_DATA_DIR");
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    session.send_line("go").expect("tell the child to go on");
    session.set_expect_timeout(Some(std::time::Duration::from_secs(20)));
    let seen = session.expect(Eof).expect("the check ends");
    let mut all = seen.before().to_vec();
    all.extend(seen.get(0).unwrap_or_default());
    String::from_utf8_lossy(&all).replace('\r', "")
}

#[test]
fn on_a_40_column_screen_alert_boxes_fit_and_no_number_is_split() {
    let env = Env::new();
    let seen = scripted_on_a_screen(
        &env,
        40,
        &answers_with(
            json!({"breathing": true, "suicidal_thoughts": true, "suicidal_plan": false,
                   "suicidal_behavior": false}),
        ),
    );
    let boxed: Vec<&str> = seen
        .lines()
        .filter(|l| l.starts_with(['║', '╔', '╚', '│', '┌', '└']))
        .collect();
    assert!(boxed.len() > 10, "{seen}");
    for line in &boxed {
        assert_eq!(line.chars().count(), 40, "{line}\n{seen}");
    }
    for number in ["116 123", "999", "85258"] {
        assert!(
            boxed.iter().any(|l| l.contains(number)),
            "\"{number}\" is not whole on one line:\n{seen}"
        );
    }
    assert_eq!(env.records().len(), 1);
}

#[test]
fn escape_codes_in_saved_text_reach_the_screen_only_in_visible_form() {
    let env = Env::new();
    let note = "dizzy \u{1b}]0;owned\u{7} then \u{1b}[2J gone";
    let out = env
        .check(&answers_with(json!({"notes": note})), &[])
        .code(0);
    // The end summary on stderr.
    assert!(!stderr(&out).contains('\u{1b}'), "{}", stderr(&out));
    assert!(stderr(&out).contains("\\u{1b}]0;owned"), "{}", stderr(&out));
    // The log keeps the text exactly as given.
    assert_eq!(
        env.records()[0]["answers"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()["value"],
        note
    );
    let show = env.cmd().args(["show", "last"]).output().expect("show");
    assert!(!stdout(&show).contains('\u{1b}'), "{}", stdout(&show));
    assert!(stdout(&show).contains("\\u{1b}[2J"), "{}", stdout(&show));

    // A log edited by hand: an id with an escape in it, shown by history.
    let mut record = env.records()[0].clone();
    record["id"] = json!("20261201-000000-\u{1b}[2Jabc");
    append_log(&env, &[record.to_string()]);
    let history = env.run(["history"]).code(0);
    assert!(!stdout(&history).contains('\u{1b}'), "{}", stdout(&history));
    assert!(
        stdout(&history).contains("\\u{1b}[2Jabc"),
        "{}",
        stdout(&history)
    );
}
