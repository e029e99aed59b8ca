//! Two copies running at once are safe: many processes saving into one log at the same
//! time leave every record whole, each on its own line, each id once.

// In a test, a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]

use std::collections::HashSet;
use std::process::Command;
use std::sync::Barrier;

use serde_json::json;

use crate::hostile::*;
use crate::support::*;

#[test]
fn sixteen_copies_saving_at_once_lose_nothing_and_break_no_line() {
    let workers = 16;
    let each = scale(50, 200);
    let env = Env::new();
    // Records of different lengths, so a write that was not whole would show.
    let answers: Vec<_> = (0..workers)
        .map(|w| {
            let notes = "w".repeat(1 + w * 53);
            env.file(
                &format!("answers-{w}.json"),
                answers_with(json!({ "notes": notes, "dizziness": w % 5 })).to_string(),
            )
        })
        .collect();
    let start = Barrier::new(workers);
    let acknowledged: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = answers
            .iter()
            .map(|file| {
                let (env, start) = (&env, &start);
                s.spawn(move || {
                    start.wait();
                    let mut ids = Vec::new();
                    for _ in 0..each {
                        let out = quiet_env(&mut Command::new(bin()))
                            .arg("--data-dir")
                            .arg(env.data_dir())
                            .args(["check", "--answers"])
                            .arg(file)
                            .run()
                            .code(0);
                        let err = stderr(&out);
                        ids.push(acknowledged_id(&err).expect("a saved acknowledgement"));
                    }
                    ids
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker"))
            .collect()
    });

    let total = workers * each;
    assert_eq!(acknowledged.len(), total);
    let log = LogFile::read(&env.log_path());
    log.assert_clean();
    assert_eq!(log.records.len(), total, "records in the log");
    let in_log: HashSet<&str> = log.records.iter().map(|r| r.id.as_str()).collect();
    let acked: HashSet<&str> = acknowledged.iter().map(String::as_str).collect();
    assert_eq!(acked.len(), total, "every copy got its own id");
    assert_eq!(
        in_log, acked,
        "the log holds exactly the acknowledged check-ins"
    );
    assert!(torn_files(&env.data_dir()).is_empty(), "nothing was torn");

    // And the program itself reads the whole log without a warning.
    let last = log.records.last().expect("records").id.clone();
    let out = env
        .run(["show", "last", "--json"])
        .code(0)
        .stderr_lacks("warning");
    let shown: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(shown["id"], json!(last));
    eprintln!(
        "concurrency: {workers} processes at once, {total} check-ins saved, {total} records in the log"
    );
}
