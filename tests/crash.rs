//! An acknowledged save survives a crash. Writers are killed with SIGKILL at random
//! moments while they save, and some die in the middle of their write (the file-size
//! limit cuts the write short and SIGXFSZ kills them, leaving a real torn line). Every
//! check-in that was acknowledged ("Saved to ...") is in the log exactly once; at most
//! a torn tail is left, the next save keeps it aside, and the log then reads cleanly.

#![cfg(unix)]
// In a test, a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]

use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::hostile::*;
use crate::support::*;

fn writer(env: &Env, answers: &std::path::Path) -> Command {
    let mut c = Command::new(bin());
    quiet_env(&mut c)
        .arg("--data-dir")
        .arg(env.data_dir())
        .args(["check", "--answers"])
        .arg(answers);
    c
}

#[test]
fn killed_writers_never_lose_an_acknowledged_check_in() {
    let rounds = scale(120, 1200);
    let writers = 4;
    let env = Env::new();
    let mut rng = Rng::new("crash");
    // Long notes make each record longer than a `ulimit -f` unit, so a limit just past
    // the end of the log always cuts a write in two.
    let answers: Vec<_> = (0..3)
        .map(|i| {
            let notes = format!("{i} ").repeat(450);
            env.file(
                &format!("answers-{i}.json"),
                answers_with(json!({ "notes": notes, "insomnia": i })).to_string(),
            )
        })
        .collect();

    // One plain save makes the log and says how long a save takes here.
    let began = Instant::now();
    let out = writer(&env, &answers[0]).output().expect("run sidecheck");
    let one_save = began.elapsed();
    let mut acknowledged =
        vec![acknowledged_id(&stderr(&out)).expect("the first save is acknowledged")];
    // Kills fall at random in a window that adapts, so that about half the writers
    // die while running whatever the speed of the machine.
    let mut window = one_save.as_micros().max(1_000) as u64;

    let (mut spawned, mut killed, mut finished, mut cut_mid_write) = (0, 0, 0, 0);
    for round in 0..rounds {
        if round % 6 == 5 || round == rounds - 1 {
            // A crash in the middle of a write. The limit lies past the end of the
            // last whole line and before the end of the new one.
            let log = LogFile::read(&env.log_path());
            let whole = log.len - log.torn_tail.as_ref().map_or(0, |t| t.len() as u64);
            let units = whole / fsize_unit() + 1;
            let mut c = with_file_size_limit(std::path::Path::new(bin()), units, false);
            quiet_env(&mut c)
                .arg("--data-dir")
                .arg(env.data_dir())
                .args(["check", "--answers"])
                .arg(&answers[round % answers.len()]);
            let out = c.output().expect("run sidecheck");
            assert_eq!(
                out.status.signal(),
                Some(libc::SIGXFSZ),
                "the writer should die mid-write: {}",
                stderr(&out)
            );
            assert_eq!(acknowledged_id(&stderr(&out)), None);
            let after = LogFile::read(&env.log_path());
            assert!(
                after.torn_tail.is_some(),
                "a write cut short leaves a torn line (log {} -> {} bytes)",
                log.len,
                after.len
            );
            cut_mid_write += 1;
            continue;
        }
        let mut kids: Vec<_> = (0..writers)
            .map(|i| {
                spawned += 1;
                let child = writer(&env, &answers[(round + i) % answers.len()])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn sidecheck");
                (rng.below(window), child)
            })
            .collect();
        kids.sort_by_key(|(at, _)| *at);
        let start = Instant::now();
        for (at, child) in &mut kids {
            let at = Duration::from_micros(*at);
            if let Some(wait) = at.checked_sub(start.elapsed()) {
                std::thread::sleep(wait);
            }
            // SIGKILL; harmless if it already finished.
            let _ = child.kill();
        }
        let mut killed_now = 0;
        for (_, child) in kids {
            let out = child.wait_with_output().expect("wait for sidecheck");
            let err = stderr(&out);
            match (out.status.code(), out.status.signal()) {
                (Some(0), _) => {
                    finished += 1;
                    assert!(
                        acknowledged_id(&err).is_some(),
                        "exit 0 without saving: {err}"
                    );
                }
                (_, Some(libc::SIGKILL)) => {
                    killed += 1;
                    killed_now += 1;
                }
                other => panic!("a writer failed on its own ({other:?}): {err}"),
            }
            // Killed after it said "Saved" still counts: the person saw it.
            if let Some(id) = acknowledged_id(&err) {
                acknowledged.push(id);
            }
        }
        if killed_now == 0 {
            window = window * 4 / 5;
        } else if killed_now == writers {
            window = (window * 5 / 4).max(window + 1);
        }
    }

    // At most a torn tail; every complete line is a check-in; every acknowledged
    // check-in is there exactly once.
    let log = LogFile::read(&env.log_path());
    assert!(log.broken.is_empty(), "broken lines: {:?}", log.broken);
    let counts = log.id_counts();
    for id in &acknowledged {
        assert_eq!(counts.get(id.as_str()), Some(&1), "acknowledged {id}");
    }
    // Torn tails set aside so far hold no acknowledged check-in, and each is one line.
    let aside = torn_files(&env.data_dir());
    for f in &aside {
        let bytes = std::fs::read(f).unwrap();
        assert!(
            !bytes.contains(&b'\n'),
            "{} holds more than a tail",
            f.display()
        );
        let text = String::from_utf8_lossy(&bytes);
        for id in &acknowledged {
            assert!(!text.contains(id.as_str()), "{id} was set aside as torn");
        }
    }
    let still_torn = usize::from(log.torn_tail.is_some());
    assert!(
        aside.len() + still_torn >= cut_mid_write,
        "{cut_mid_write} writes were cut short but only {} tails were kept",
        aside.len() + still_torn
    );
    let tail = log
        .torn_tail
        .clone()
        .expect("the last round left a torn tail");

    // The next check works: it keeps the torn tail aside and saves.
    let out = writer(&env, &answers[0]).run().code(0);
    let err = stderr(&out);
    assert!(
        err.contains("unfinished line"),
        "the repair is reported: {err}"
    );
    let new_id = acknowledged_id(&err).expect("saved");
    let kept: Vec<_> = torn_files(&env.data_dir())
        .into_iter()
        .filter(|f| std::fs::read(f).is_ok_and(|b| b == tail))
        .collect();
    assert!(
        !kept.is_empty(),
        "the torn tail was kept aside byte for byte"
    );

    let after = LogFile::read(&env.log_path());
    after.assert_clean();
    assert_eq!(after.records.len(), log.records.len() + 1);
    acknowledged.push(new_id.clone());
    let counts = after.id_counts();
    for id in &acknowledged {
        assert_eq!(counts.get(id.as_str()), Some(&1), "acknowledged {id}");
    }

    // And the program reads it cleanly.
    let out = env
        .run(["show", "last", "--json"])
        .code(0)
        .stderr_lacks("warning");
    let shown: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(shown["id"], json!(new_id));
    let has_history = command_exists(&env, "history");
    if has_history {
        let out = env.run(["history"]).code(0).stderr_lacks("warning");
        assert!(
            !stdout(&out).trim().is_empty(),
            "history lists the check-ins"
        );
    }

    eprintln!(
        "crash: {rounds} rounds, {spawned} writers raced, {killed} killed by SIGKILL while running, \
         {finished} finished, {cut_mid_write} killed mid-write by SIGXFSZ, {} acknowledged saves all \
         present once, {} torn tails kept aside, history checked: {has_history}",
        acknowledged.len(),
        aside.len() + 1
    );
}
