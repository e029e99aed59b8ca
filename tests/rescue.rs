//! When a save cannot complete, the answers still survive: a private rescue copy
//! beside the data folder (else in the home folder, else printed), named in the one
//! error line with the command that adds it later, and `sidecheck import` adding a
//! rescued check-in once.

#![cfg(unix)]
// In a test, a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::support::*;

fn rescues_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("sidecheck-rescue-")
        })
        .collect()
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// A command like `env.cmd()` with another data folder.
fn cmd_with_data_dir(env: &Env, dir: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::new(bin());
    c.env_remove("SIDECHECK_DATA_DIR")
        .env("NO_COLOR", "1")
        .env("LANG", "en_US.UTF-8")
        .env("HOME", env.tmp.path().join("home"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .arg("--data-dir")
        .arg(dir);
    c
}

fn import(env: &Env, file: &Path) -> Ran {
    env.cmd().arg("import").arg(file).run()
}

#[test]
fn a_log_replaced_by_a_folder_keeps_the_answers_beside_the_data_folder() {
    let env = Env::new();
    fs::create_dir_all(env.log_path()).unwrap();
    let answers = answers_with(json!({"seizure": true, "notes": "shaking at 3 am"}));
    let out = env.check(&answers, &[]).code(1);
    let err = stderr(&out);
    assert!(err.contains("NOT saved"), "{err}");
    let rescued = rescues_in(env.tmp.path());
    assert_eq!(rescued.len(), 1, "{err}");
    assert_eq!(mode(&rescued[0]), 0o600);
    let line = err
        .lines()
        .find(|l| l.starts_with("sidecheck: error:"))
        .unwrap();
    assert!(line.contains(&rescued[0].display().to_string()), "{line}");
    assert!(
        line.contains(&format!("sidecheck import {}", rescued[0].display())),
        "{line}"
    );
    let kept: Value = serde_json::from_slice(&fs::read(&rescued[0]).unwrap()).unwrap();
    assert!(kept.to_string().contains("shaking at 3 am"));

    // Once the log is fixed, the check-in goes in, once.
    fs::remove_dir(env.log_path()).unwrap();
    import(&env, &rescued[0]).code(0);
    assert_eq!(env.records(), vec![kept.clone()]);
    import(&env, &rescued[0])
        .code(0)
        .stderr_has("nothing was changed");
    assert_eq!(env.records(), vec![kept]);
}

#[test]
fn with_no_room_beside_the_data_folder_the_rescue_copy_goes_home() {
    let env = Env::new();
    // The data folder's parent is a file: neither the log nor a rescue copy fits.
    let blocker = env.file("not-a-folder", "x");
    let home = env.tmp.path().join("home");
    fs::create_dir(&home).unwrap();
    let answers = env.file("a.json", calm_answers().to_string());
    let out = cmd_with_data_dir(&env, &blocker.join("data"))
        .args(["check", "--json", "--answers"])
        .arg(&answers)
        .run()
        .code(1);
    let err = stderr(&out);
    let rescued = rescues_in(&home);
    assert_eq!(rescued.len(), 1, "{err}");
    assert_eq!(mode(&rescued[0]), 0o600);
    assert!(err.contains(&rescued[0].display().to_string()), "{err}");
    let kept: Value = serde_json::from_slice(&fs::read(&rescued[0]).unwrap()).unwrap();
    let printed: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(kept, printed);
    assert_eq!(fs::read_to_string(&blocker).unwrap(), "x");
}

#[test]
fn with_nowhere_to_write_the_check_in_is_printed_to_import_later() {
    let env = Env::new();
    let blocker = env.file("not-a-folder", "x");
    // No home folder either (the test's HOME does not exist).
    let answers = env.file("a.json", calm_answers().to_string());
    let out = cmd_with_data_dir(&env, &blocker.join("data"))
        .args(["check", "--answers"])
        .arg(&answers)
        .run()
        .code(1);
    let err = stderr(&out);
    assert!(err.contains("printed above as one JSON line"), "{err}");
    let printed = err
        .lines()
        .find_map(|l| serde_json::from_str::<Value>(l).ok())
        .expect("the record on stderr");
    assert_eq!(printed["status"], "completed");
    assert!(stdout(&out).is_empty());

    // Saved by hand into a file, it imports.
    let file = env.file("by-hand.json", printed.to_string());
    import(&env, &file).code(0);
    assert_eq!(env.records(), vec![printed]);
}

#[test]
fn import_refuses_what_is_not_a_check_in_and_a_newer_record() {
    let env = Env::new();
    let saved = check_saved(&env, &calm_answers());
    let before = fs::read(env.log_path()).unwrap();
    let mut newer = record_at(
        &saved,
        "20990101-000000-000000000001",
        "2099-01-01T00:00:00.000+00:00",
    );
    newer["schema"] = json!(sidecheck::record::RECORD_VERSION + 1);
    newer["mood_ring"] = json!("blue");
    let cases = [
        ("newer.json", newer.to_string(), "newer sidecheck"),
        (
            "bank.json",
            json!({"id": "x", "questions": []}).to_string(),
            "not a check-in",
        ),
        (
            "half.json",
            saved.to_string()[..40].to_string(),
            "not a check-in",
        ),
    ];
    for (name, text, says) in cases {
        let out = import(&env, &env.file(name, text)).label(name).code(2);
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(says), "{name}: {err}");
    }
    import(&env, &env.tmp.path().join("missing.json")).code(2);
    assert_eq!(
        fs::read(env.log_path()).unwrap(),
        before,
        "the log is untouched"
    );
}
