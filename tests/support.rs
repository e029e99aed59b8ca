//! Helpers that read like the domain: a private data folder, an answers file, and a
//! run of the real binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::{Value, json};

/// The built binary.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_sidecheck")
}

/// A temporary data folder with helpers to run sidecheck against it.
pub struct Env {
    pub tmp: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            tmp: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The data folder (not created until sidecheck creates it).
    pub fn data_dir(&self) -> PathBuf {
        self.tmp.path().join("data")
    }

    pub fn log_path(&self) -> PathBuf {
        self.data_dir().join("checkins.jsonl")
    }

    /// A command with the data folder set, no colour, a fixed region and locale.
    pub fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    /// `cmd` as a plain std command, for tests that choose where stderr goes.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut c = std::process::Command::new(bin());
        c.env_remove("SIDECHECK_DATA_DIR")
            .env("NO_COLOR", "1")
            .env("LANG", "en_US.UTF-8")
            // A failed save keeps a rescue copy beside the data folder or in the home
            // folder: never the real one.
            .env("HOME", self.tmp.path().join("home"))
            .env_remove("SIDECHECK_LOCK_WAIT_SECS")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .arg("--data-dir")
            .arg(self.data_dir());
        c
    }

    /// The "about you" profile's file in the data folder.
    pub fn profile_path(&self) -> PathBuf {
        self.data_dir().join("profile.json")
    }

    /// Saves "about you" answers (item ids to true/false) in profile.json as
    /// sidecheck writes it, creating the private data folder first.
    pub fn save_profile(&self, answers: Value) {
        std::fs::create_dir_all(self.data_dir()).expect("data dir");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(self.data_dir(), std::fs::Permissions::from_mode(0o700))
                .expect("chmod data dir");
        }
        let file = json!({
            "schema": 1,
            "updated_at": "2026-12-01T09:00:00.000+00:00",
            "answers": answers,
        });
        std::fs::write(self.profile_path(), file.to_string()).expect("write profile");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(self.profile_path(), std::fs::Permissions::from_mode(0o600))
                .expect("chmod profile");
        }
    }

    /// Writes a file in the temp folder and returns its path.
    pub fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.tmp.path().join(name);
        std::fs::write(&p, contents).expect("write file");
        p
    }

    /// Runs `check --answers` with the given answers and returns the output.
    pub fn check(&self, answers: &Value, extra: &[&str]) -> Output {
        let f = self.file("answers.json", answers.to_string());
        self.cmd()
            .args(["check", "--answers"])
            .arg(f)
            .args(extra)
            .output()
            .expect("run sidecheck")
    }

    /// Every valid record in the log, as JSON.
    pub fn records(&self) -> Vec<Value> {
        read_records(&self.log_path())
    }
}

pub fn read_records(path: &Path) -> Vec<Value> {
    match std::fs::read_to_string(path) {
        Ok(text) => text
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Answers that raise no alert and ask no follow-up: every base question answered
/// "no" or "none".
pub fn calm_answers() -> Value {
    json!({
        "breathing": false, "seizure": false, "suicidal_thoughts": false,
        "hallucinations": false, "fever_stiffness": false,
        "upset_stomach": "none", "drowsiness": "none", "dizziness": "none",
        "insomnia": "none", "weakness": "none", "confusion": "none", "depression": "none",
        "pump": false, "dose_change": false,
        "euphoria": "never", "more_than_prescribed": false, "tolerance": false,
        "alcohol_sedatives": false, "notes": ""
    })
}

/// "About you" answers that are all "no": a guided check then asks nothing about
/// you, and no threshold is lowered.
pub fn all_no_profile() -> Value {
    json!({
        "kidney": false, "older": false, "pregnant": false,
        "epilepsy": false, "drives": false
    })
}

/// `calm_answers` with some answers changed.
pub fn answers_with(changes: Value) -> Value {
    let mut a = calm_answers();
    for (k, v) in changes.as_object().expect("object") {
        a[k] = v.clone();
    }
    a
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A check-in log line with a chosen id, start time and status, and nothing
/// answered: enough for the period filters.
pub fn bare_record(id: &str, started_at: &str, status: &str) -> String {
    json!({
        "schema": 1, "id": id, "status": status,
        "started_at": started_at, "ended_at": started_at,
        "bank": {"id": "baclofen", "version": "1.0.0", "language": "en"},
        "region": "US", "answers": [], "alerts": [], "scores": []
    })
    .to_string()
}

/// Appends lines to the log as they are, creating the private data folder first.
pub fn append_log(env: &Env, lines: &[String]) {
    use std::io::Write;
    std::fs::create_dir_all(env.data_dir()).expect("data dir");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(env.data_dir(), std::fs::Permissions::from_mode(0o700))
            .expect("chmod data dir");
    }
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(env.log_path())
        .expect("open log");
    for l in lines {
        writeln!(f, "{l}").expect("write log");
    }
}

/// Runs a scripted check that must succeed and returns the record it saved.
pub fn check_saved(env: &Env, answers: &Value) -> Value {
    let out = env.check(answers, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    env.records().pop().expect("a saved record")
}

/// A copy of a record with another id and start (and end) time.
pub fn record_at(record: &Value, id: &str, started_at: &str) -> Value {
    let mut r = record.clone();
    r["id"] = json!(id);
    r["started_at"] = json!(started_at);
    r["ended_at"] = json!(started_at);
    r
}

/// A stopped check-in made from a whole one: its first `kept` answers, another id,
/// status `stopped`. Its other fields (alerts, scores, times) stay as saved.
pub fn stopped_after(record: &Value, kept: usize, id: &str) -> Value {
    let mut r = record.clone();
    r["id"] = json!(id);
    r["status"] = json!("stopped");
    let answers: Vec<Value> = r["answers"]
        .as_array()
        .expect("answers")
        .iter()
        .take(kept)
        .cloned()
        .collect();
    r["answers"] = Value::Array(answers);
    r
}

/// A whole check-in made with `answers` in a folder of its own, so it is in no log
/// yet: a template for records written with `append_log`.
pub fn template_record(answers: &Value) -> Value {
    let other = Env::new();
    check_saved(&other, answers)
}

/// A local time `hours` ago, as the log writes times.
pub fn now_minus_hours(hours: i64) -> String {
    (chrono::Local::now() - chrono::Duration::hours(hours))
        .fixed_offset()
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, false)
}
