//! Helpers that read like the domain: a private data folder, an answers file, a run
//! of the real binary checked in one chain (`Ran`), and the parts of a FHIR Bundle.

#![allow(dead_code)]

use std::collections::HashSet;
use std::ffi::OsStr;
use std::fmt::Display;
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
            .env_remove("SIDECHECK_LANG")
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

    /// `sidecheck ARGS` against this data folder, run to its end.
    pub fn run<I, S>(&self, args: I) -> Ran
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.cmd().args(args).run()
    }

    /// Runs `check --answers` with the given answers, then `extra` arguments.
    pub fn check(&self, answers: &Value, extra: &[&str]) -> Ran {
        let f = self.file("answers.json", answers.to_string());
        self.cmd()
            .args(["check", "--answers"])
            .arg(f)
            .args(extra)
            .run()
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
    env.check(answers, &[]).code(0);
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

// ---------------------------------------------------------------- a run, checked

/// A finished run: what it wrote, how it ended, and the command that ran, checked in
/// one chain as in casey/just's tests: `env.run(["show", "x"]).code(2).stderr_has("x")`
/// (the checks are [`Check`]'s). A failed check shows the command, how it ended,
/// stdout and stderr. It reads as its `Output` too: `stdout(&out)`, `out.status`.
pub struct Ran {
    command: String,
    label: String,
    out: Output,
}

/// Runs a prepared command to its end, keeping what it said for [`Ran`]'s checks.
pub trait Run {
    fn run(&mut self) -> Ran;
}

impl Run for Command {
    fn run(&mut self) -> Ran {
        let command = describe(self.get_program(), self.get_args(), self.get_envs());
        Ran::new(command, self.output().expect("run the command"))
    }
}

impl Run for std::process::Command {
    fn run(&mut self) -> Ran {
        let command = command_line(self);
        Ran::new(command, self.output().expect("run the command"))
    }
}

impl std::ops::Deref for Ran {
    type Target = Output;

    fn deref(&self) -> &Output {
        &self.out
    }
}

impl Ran {
    /// A run this module did not start (a spawned child), named by `command`.
    pub fn new(command: impl Into<String>, out: Output) -> Ran {
        Ran {
            command: command.into(),
            label: String::new(),
            out,
        }
    }

    /// Names the case in any failure (a format, a file), for runs made in a loop.
    pub fn label(mut self, label: impl Display) -> Ran {
        self.label = label.to_string();
        self
    }

    /// Stops the test with `why` and everything needed to see what happened.
    #[track_caller]
    pub fn fail(&self, why: &str) -> ! {
        let case = if self.label.is_empty() {
            String::new()
        } else {
            format!("{}: ", self.label)
        };
        panic!(
            "{case}{why}\n   command: {}\n     ended: {}\n--- stdout ---\n{}\n--- stderr ---\n{}\n---",
            self.command,
            self.out.status,
            shortened(&stdout(&self.out)),
            shortened(&stderr(&self.out)),
        );
    }
}

/// The checks on a finished run. Each takes the run and gives it back, so they
/// chain; they work alike on a `Ran` and on a `&Ran` (in a helper that only looks).
pub trait Check: Sized {
    fn ran(&self) -> &Ran;

    /// Fails with `why` unless `ok`: the one way the checks below fail.
    #[track_caller]
    fn must(self, ok: bool, why: impl FnOnce() -> String) -> Self {
        if !ok {
            self.ran().fail(&why());
        }
        self
    }

    /// It exited with `want` (not killed by a signal).
    #[track_caller]
    fn code(self, want: i32) -> Self {
        let ok = self.ran().status.code() == Some(want);
        self.must(ok, || format!("expected exit code {want}"))
    }

    #[track_caller]
    fn stdout_has(self, text: &str) -> Self {
        let ok = stdout(self.ran()).contains(text);
        self.must(ok, || format!("stdout does not have {text:?}"))
    }

    #[track_caller]
    fn stderr_has(self, text: &str) -> Self {
        let ok = stderr(self.ran()).contains(text);
        self.must(ok, || format!("stderr does not have {text:?}"))
    }

    #[track_caller]
    fn stdout_lacks(self, text: &str) -> Self {
        let ok = !stdout(self.ran()).contains(text);
        self.must(ok, || format!("stdout has {text:?}"))
    }

    #[track_caller]
    fn stderr_lacks(self, text: &str) -> Self {
        let ok = !stderr(self.ran()).contains(text);
        self.must(ok, || format!("stderr has {text:?}"))
    }

    /// Nothing at all on stdout.
    #[track_caller]
    fn stdout_empty(self) -> Self {
        let ok = self.ran().stdout.is_empty();
        self.must(ok, || "stdout is not empty".to_string())
    }

    /// Nothing at all on stderr.
    #[track_caller]
    fn stderr_empty(self) -> Self {
        let ok = self.ran().stderr.is_empty();
        self.must(ok, || "stderr is not empty".to_string())
    }
}

impl Check for Ran {
    fn ran(&self) -> &Ran {
        self
    }
}

impl Check for &Ran {
    fn ran(&self) -> &Ran {
        self
    }
}

/// How a failure names a command this module did not run (see [`Ran::new`]).
pub fn command_line(cmd: &std::process::Command) -> String {
    describe(cmd.get_program(), cmd.get_args(), cmd.get_envs())
}

/// A command as a shell would read it: the variables it sets, the program (the
/// binary under test as `sidecheck`) and its arguments, each cut to a sensible length.
fn describe<'a>(
    program: &OsStr,
    args: impl Iterator<Item = &'a OsStr>,
    envs: impl Iterator<Item = (&'a OsStr, Option<&'a OsStr>)>,
) -> String {
    let mut words: Vec<String> = envs
        .filter_map(|(k, v)| v.map(|v| format!("{}={}", k.to_string_lossy(), quoted(v))))
        .collect();
    words.push(if program == OsStr::new(bin()) {
        "sidecheck".to_string()
    } else {
        quoted(program)
    });
    words.extend(args.map(quoted));
    words.join(" ")
}

/// One word of a command, quoted if a shell would split it; a huge one is cut.
fn quoted(word: &OsStr) -> String {
    const MAX: usize = 200;
    let mut w = word.to_string_lossy().into_owned();
    if w.len() > MAX {
        let total = w.len();
        let mut cut = MAX;
        while !w.is_char_boundary(cut) {
            cut -= 1;
        }
        w.truncate(cut);
        w.push_str(&format!("…({total} bytes)"));
    }
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c);
    if !w.is_empty() && w.chars().all(plain) {
        w
    } else {
        format!("'{}'", w.replace('\'', r"'\''"))
    }
}

/// Output for a failure message: whole if short, else its start and how much is left
/// out (some tests write megabytes on purpose).
fn shortened(text: &str) -> String {
    const MAX: usize = 8000;
    if text.len() <= MAX {
        return text.to_string();
    }
    let mut cut = MAX;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}\n… ({} more bytes)", &text[..cut], text.len() - cut)
}

// ---------------------------------------------------------------- FHIR

/// The resources of one type in a FHIR Bundle, in order.
pub fn fhir_resources<'a>(bundle: &'a Value, kind: &str) -> Vec<&'a Value> {
    bundle["entry"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == kind)
        .collect()
}

/// The QuestionnaireResponse of the check-in with this id.
pub fn fhir_response<'a>(bundle: &'a Value, id: &Value) -> &'a Value {
    fhir_resources(bundle, "QuestionnaireResponse")
        .into_iter()
        .find(|r| r["identifier"]["value"] == *id)
        .unwrap_or_else(|| panic!("no response for {id}"))
}

/// The item with this linkId anywhere under `parent` (a Questionnaire, a response or
/// an item), depth first: in its child items and, in a response, in the items under
/// an answer, where follow-ups sit.
pub fn fhir_item<'a>(parent: &'a Value, link_id: &str) -> &'a Value {
    fn find<'a>(items: &'a Value, link_id: &str) -> Option<&'a Value> {
        items.as_array().into_iter().flatten().find_map(|i| {
            if i["linkId"] == link_id {
                return Some(i);
            }
            find(&i["item"], link_id).or_else(|| {
                i["answer"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .find_map(|a| find(&a["item"], link_id))
            })
        })
    }
    find(&parent["item"], link_id).unwrap_or_else(|| panic!("no item {link_id} in {parent}"))
}

pub fn entries(bundle: &Value) -> &Vec<Value> {
    bundle["entry"].as_array().expect("entries")
}

/// Every `reference` anywhere in a value.
pub fn references(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("reference", Value::String(s)) => out.push(s.clone()),
                    _ => references(x, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| references(x, out)),
        _ => {}
    }
}

/// bdl-7 and resolvable links: no fullUrl twice, every reference names an entry.
pub fn assert_whole(bundle: &Value) {
    let urls: Vec<&str> = entries(bundle)
        .iter()
        .map(|e| e["fullUrl"].as_str().expect("a fullUrl"))
        .collect();
    let unique: HashSet<&str> = urls.iter().copied().collect();
    assert_eq!(unique.len(), urls.len(), "a fullUrl twice (bdl-7)");
    let mut refs = Vec::new();
    references(bundle, &mut refs);
    assert!(!refs.is_empty());
    for r in refs {
        assert!(unique.contains(r.as_str()), "{r} names no entry");
    }
}

/// The part of `html` from `start` to the first `end` after it, both included.
pub fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let at = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in\n{html}"));
    let len = html[at..]
        .find(end)
        .unwrap_or_else(|| panic!("no {end:?} after {start:?} in\n{html}"));
    &html[at..at + len + end.len()]
}

/// `export --format fhir ARGS` in UTC, which must succeed, as JSON.
pub fn bundle(env: &Env, extra: &[&str]) -> Value {
    let out = env
        .cmd()
        .env("TZ", "UTC0")
        .args(["export", "--format", "fhir"])
        .args(extra)
        .run()
        .code(0);
    serde_json::from_str(&stdout(&out)).expect("a JSON Bundle")
}

/// A completed check-in whose suicide screen was positive and then answered "no":
/// the crisis and emergency boxes were shown, then retracted. Its times are at
/// `offset` ("+01:00"), so a test can read them back in the zone it runs in.
pub fn with_retracted_at(env: &Env, offset: &str) -> Value {
    let at = |time: &str| format!("2026-11-30T{time}{offset}");
    let mut r = record_at(
        &template_record(&calm_answers()),
        "20261130-090000-00000000cafe",
        &at("09:00:00.000"),
    );
    r["schema"] = json!(3);
    r["retracted_alerts"] = json!([
        {"id": "suicide_emergency", "question": "suicidal_plan", "level": "emergency",
         "title": "You have a plan or have acted on thoughts of suicide",
         "shown_at": at("09:01:00.000"), "retracted_at": at("09:01:30.000")},
        {"id": "suicidal_thoughts", "question": "suicidal_thoughts", "level": "crisis",
         "title": "You have thoughts of hurting or killing yourself",
         "shown_at": at("09:00:40.000"), "retracted_at": at("09:01:40.000")}
    ]);
    append_log(env, &[r.to_string()]);
    r
}
