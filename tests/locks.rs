//! Never a silent wait on the log's lock. A reader whose output is stuck in a pipe
//! (`sidecheck history | less`, `export | sleep 100`) never keeps a check-in from being
//! saved; a save that finds the lock taken says so at once, gives up after a bounded
//! wait saying the check-in was NOT saved yet, and keeps the answers in a rescue copy.

#![cfg(unix)]
// In a test, a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::*;

/// Enough check-ins that their report is far bigger than a pipe's buffer (64 KiB)
/// plus the report's own 64 KiB buffer.
fn big_log(env: &Env) -> usize {
    let n = 4000;
    let lines: Vec<String> = (0..n)
        .map(|i| {
            bare_record(
                &format!("20251101-0000{:02}-{i:012x}", i % 60),
                "2025-11-01T09:00:00.000+01:00",
                "completed",
            )
        })
        .collect();
    append_log(env, &lines);
    n
}

/// Starts a reader with its stdout going to a pipe that nobody reads, and returns
/// once it has started writing its report (so it is stuck in the middle of it).
fn stuck_reader(env: &Env, args: &[&str]) -> Child {
    let mut child = env
        .std_cmd()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    // It keeps writing until the pipe is full, then waits there for ever.
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the reader must still be stuck writing its report"
    );
    child
}

#[test]
fn a_reader_stuck_writing_to_a_pipe_never_blocks_a_save() {
    let env = Env::new();
    let before = big_log(&env);
    for args in [
        &["history"][..],
        &["export", "--format", "json"][..],
        &["export", "--format", "fhir"][..],
    ] {
        let mut reader = stuck_reader(&env, args);
        let start = Instant::now();
        let f = env.file("answers.json", calm_answers().to_string());
        let out = env
            .cmd()
            .args(["check", "--answers"])
            .arg(&f)
            .timeout(Duration::from_secs(10))
            .run();
        let took = start.elapsed();
        let _ = reader.kill();
        let _ = reader.wait();
        let out = out.label(format!("with `{args:?}` stuck")).code(0);
        let err = stderr(&out);
        assert!(err.contains("Saved to"), "{err}");
        assert!(!err.contains("waiting"), "nobody holds the lock: {err}");
        assert!(took < Duration::from_secs(5), "took {took:?}");
    }
    assert_eq!(env.records().len(), before + 3);
}

/// Holds the exclusive lock on the log, as a save in progress would.
fn hold_lock(env: &Env) -> fs::File {
    let f = fs::OpenOptions::new()
        .append(true)
        .open(env.log_path())
        .unwrap();
    f.lock().unwrap();
    f
}

/// The rescue copies beside the data folder.
fn rescue_files(env: &Env) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(env.tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("sidecheck-rescue-")
        })
        .collect();
    v.sort();
    v
}

/// Runs a command and returns, besides its output, how long its first stderr line
/// took, whether it was still running then, and that line. A command that says
/// nothing for 20 s, or runs for 60 s, is killed: a silent wait fails the test
/// instead of hanging it.
fn run_watching_stderr(mut cmd: std::process::Command) -> (Ran, Duration, bool, String) {
    use std::sync::mpsc;
    let command = command_line(&cmd);
    let start = Instant::now();
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let err_reader = std::thread::spawn(move || {
        let mut first = String::new();
        let _ = err.read_line(&mut first);
        let _ = tx.send((first, Instant::now()));
        let mut rest = String::new();
        let _ = err.read_to_string(&mut rest);
        rest
    });
    let out_reader = std::thread::spawn(move || {
        let mut text = Vec::new();
        let _ = stdout.read_to_end(&mut text);
        text
    });
    let Ok((first, when)) = rx.recv_timeout(Duration::from_secs(20)) else {
        let _ = child.kill();
        let _ = child.wait();
        panic!("nothing was said for 20 s: a silent wait");
    };
    let running = child.try_wait().unwrap().is_none();
    let deadline = start + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("still running after 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = out_reader.join().unwrap();
    let rest = err_reader.join().unwrap();
    let out = std::process::Output {
        status,
        stdout,
        stderr: format!("{first}{rest}").into_bytes(),
    };
    (Ran::new(command, out), when - start, running, first)
}

#[test]
fn a_held_lock_is_announced_at_once_then_the_answers_are_rescued_and_import_once() {
    let env = Env::new();
    check_saved(&env, &calm_answers());
    let lock = hold_lock(&env);
    let log_before = fs::read(env.log_path()).unwrap();

    let f = env.file(
        "urgent.json",
        answers_with(serde_json::json!({"breathing": true})).to_string(),
    );
    let mut cmd = env.std_cmd();
    cmd.env("SIDECHECK_LOCK_WAIT_SECS", "3")
        .args(["check", "--json", "--answers"])
        .arg(&f);
    let (out, first_after, running, _) = run_watching_stderr(cmd);
    let err = stderr(&out);
    // The alert comes first; the wait is said at once, while still waiting.
    assert!(running, "the wait was announced only at the end: {err}");
    assert!(
        first_after < Duration::from_secs(2),
        "{first_after:?}: {err}"
    );
    let waiting = err.find("waiting for another sidecheck").expect(&err);
    assert!(err.find("EMERGENCY").expect(&err) < waiting, "{err}");
    // Then plainly: not saved, where the answers are, how to add them.
    let out = out.code(1);
    let error_lines: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("sidecheck: error:"))
        .collect();
    assert_eq!(error_lines.len(), 1, "{err}");
    assert!(error_lines[0].contains("NOT saved yet"), "{err}");
    assert!(!err.contains("Saved to"), "{err}");
    assert_eq!(fs::read(env.log_path()).unwrap(), log_before);

    let rescued = rescue_files(&env);
    assert_eq!(rescued.len(), 1, "{err}");
    let rescue = &rescued[0];
    assert!(
        error_lines[0].contains(&rescue.display().to_string()),
        "{err}"
    );
    assert!(error_lines[0].contains("sidecheck import"), "{err}");
    assert_eq!(
        fs::metadata(rescue).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let kept: Value = serde_json::from_slice(&fs::read(rescue).unwrap()).unwrap();
    let printed: Value = serde_json::from_str(&stdout(&out)).expect("--json record");
    assert_eq!(kept, printed);
    assert!(
        kept["answers"]
            .as_array()
            .is_some_and(|a| a.iter().any(|a| a["question"] == "breathing")),
        "{kept}"
    );
    assert_eq!(kept["alerts"][0]["level"], "emergency");
    drop(lock);

    // Later, the rescued check-in is added once.
    env.cmd()
        .arg("import")
        .arg(rescue)
        .run()
        .code(0)
        .stderr_has("Added check-in")
        .stderr_has("delete");
    let records = env.records();
    assert_eq!(records.len(), 2);
    assert_eq!(records[1], kept);
    let log_after = fs::read(env.log_path()).unwrap();

    env.cmd()
        .arg("import")
        .arg(rescue)
        .run()
        .code(0)
        .stderr_has("already in");
    assert_eq!(
        fs::read(env.log_path()).unwrap(),
        log_after,
        "nothing changed"
    );
    assert!(rescue.exists(), "the rescue file is the person's to delete");
}

#[test]
fn a_reader_that_finds_the_lock_taken_says_so_and_gives_up() {
    let env = Env::new();
    check_saved(&env, &calm_answers());
    let _lock = hold_lock(&env);
    let mut cmd = env.std_cmd();
    cmd.env("SIDECHECK_LOCK_WAIT_SECS", "2")
        .args(["show", "last"]);
    let (out, first_after, running, first) = run_watching_stderr(cmd);
    let err = stderr(&out);
    assert!(running && first_after < Duration::from_secs(1), "{err}");
    assert!(first.contains("waiting for another sidecheck"), "{err}");
    out.code(1);
    assert!(err.contains("busy for 2 s"), "{err}");
}

#[test]
fn the_guided_check_says_at_once_that_it_waits_and_then_that_nothing_was_asked() {
    use expectrl::{Expect, Session};
    let env = Env::new();
    check_saved(&env, &calm_answers());
    let _lock = hold_lock(&env);
    let mut cmd = std::process::Command::new(bin());
    cmd.env_remove("SIDECHECK_DATA_DIR")
        .env("NO_COLOR", "1")
        .env("LANG", "en_US.UTF-8")
        .env("TERM", "xterm-256color")
        .env("HOME", env.tmp.path().join("home"))
        .env("SIDECHECK_LOCK_WAIT_SECS", "3")
        .arg("--data-dir")
        .arg(env.data_dir())
        .arg("check");
    let start = Instant::now();
    let mut session = Session::spawn(cmd).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session.expect("waiting for another sidecheck").unwrap();
    let said = start.elapsed();
    assert!(
        said < Duration::from_secs(2),
        "the wait was said after {said:?}"
    );
    let rest = session.expect("start again").unwrap();
    let text = String::from_utf8_lossy(rest.before()).into_owned();
    assert!(text.contains("nothing was asked or saved yet"), "{text}");
    assert!(!text.contains("trouble breathing"), "{text}");
    assert!(start.elapsed() >= Duration::from_secs(3));
}
