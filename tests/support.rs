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
        let mut c = Command::new(bin());
        c.env_remove("SIDECHECK_DATA_DIR")
            .env("NO_COLOR", "1")
            .env("LANG", "en_US.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .arg("--data-dir")
            .arg(self.data_dir());
        c
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
        "upset_stomach": "none", "drowsiness": "none", "dizziness": "none",
        "insomnia": "none", "weakness": "none", "confusion": "none", "depression": "none",
        "pump": false, "dose_change": false,
        "euphoria": "never", "more_than_prescribed": false, "tolerance": false,
        "alcohol_sedatives": false, "notes": ""
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
