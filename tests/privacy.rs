//! Files are private and the program uses no network.
//!
//! Privacy: whatever the umask, every folder sidecheck makes is 0700 and every file it
//! writes (the log, a torn tail kept aside) is 0600; a log that others could read or
//! write is tightened with a warning. (`log::data_folder_and_log_are_private_even_with_umask_000`
//! and `log::a_log_others_can_read_is_made_private_with_a_warning` cover the plain cases.)
//!
//! No network: every command runs under `strace -f -e trace=%network`, and not one
//! network system call may appear. Where strace is missing or cannot trace, the
//! commands run in a network namespace with no interfaces (`unshare -n`) instead.
//! Whatever the machine, the dependency tree built into the binary must hold no
//! networking crate.

#![cfg(unix)]
// In a test, a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeSet, HashMap};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::json;

use crate::hostile::*;
use crate::support::*;

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777
}

/// sidecheck run by a shell that first sets umask 000.
fn with_umask_000(env: &Env, data_dir: &Path, args: &[&str]) -> Ran {
    let mut c = Command::new("sh");
    c.arg("-c").arg("umask 000; exec \"$0\" \"$@\"").arg(bin());
    quiet_env(&mut c).arg("--data-dir").arg(data_dir).args(args);
    let _ = env;
    c.run()
}

#[test]
fn with_umask_000_new_folders_and_every_file_written_are_private() {
    let env = Env::new();
    let data = env.tmp.path().join("deep").join("er").join("data");
    let answers = env.file("a.json", calm_answers().to_string());
    let answers = answers.to_str().unwrap();
    with_umask_000(&env, &data, &["check", "--answers", answers]).code(0);
    for dir in [
        env.tmp.path().join("deep"),
        env.tmp.path().join("deep").join("er"),
        data.clone(),
    ] {
        assert_eq!(mode(&dir), 0o700, "{}", dir.display());
    }
    assert_eq!(mode(&data.join("checkins.jsonl")), 0o600);

    // A torn tail kept aside is as private as the log.
    let log = data.join("checkins.jsonl");
    let mut bytes = std::fs::read(&log).unwrap();
    bytes.extend_from_slice(b"{\"schema\":1,\"id\":\"cut");
    std::fs::write(&log, &bytes).unwrap();
    with_umask_000(&env, &data, &["check", "--answers", answers]).code(0);
    let aside = torn_files(&data);
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(mode(&aside[0]), 0o600, "{}", aside[0].display());
    assert_eq!(mode(&log), 0o600);
}

#[test]
fn any_log_others_can_reach_is_tightened_with_a_warning() {
    for loose in [0o644, 0o666, 0o640, 0o604, 0o660, 0o777] {
        let env = Env::new();
        env.check(&calm_answers(), &[]).code(0);
        std::fs::set_permissions(env.log_path(), std::fs::Permissions::from_mode(loose)).unwrap();
        let out = env.check(&calm_answers(), &[]).code(0);
        let err = stderr(&out);
        assert_eq!(mode(&env.log_path()), 0o600, "mode {loose:o}");
        assert!(
            err.lines()
                .any(|l| l.contains("warning") && l.contains(&format!("{loose:o}"))),
            "mode {loose:o} gives a warning: {err}"
        );
        assert_eq!(LogFile::read(&env.log_path()).records.len(), 2);
    }
    // A log that is already private is left alone, without a word.
    let env = Env::new();
    env.check(&calm_answers(), &[]);
    env.check(&calm_answers(), &[]).stderr_lacks("warning");
}

/// Every command a person can run without a terminal, over one data folder.
fn every_command(env: &Env) -> Vec<Vec<String>> {
    let answers = env.file(
        "alerting.json",
        answers_with(json!({ "breathing": true, "dizziness": "severe" })).to_string(),
    );
    let bank = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("questions/baclofen.en.json");
    let mut commands: Vec<Vec<&str>> = vec![
        vec!["check", "--answers", answers.to_str().unwrap(), "--json"],
        vec!["show", "last"],
        vec!["show", "last", "--json"],
        vec!["bank", "questions"],
        vec!["bank", "questions", "--json"],
        vec!["bank", "validate", bank.to_str().unwrap()],
        vec!["bank", "schema"],
        vec!["regions"],
        vec!["--help"],
    ];
    if command_exists(env, "history") {
        commands.push(vec!["history"]);
    }
    let export = env.tmp.path().join("export.out");
    if command_exists(env, "export") {
        for format in ["json", "csv", "html", "fhir"] {
            commands.push(vec!["export", "--format", format]);
        }
        commands.push(vec![
            "export",
            "--format",
            "json",
            "--output",
            export.to_str().unwrap(),
        ]);
    }
    commands
        .into_iter()
        .map(|c| c.into_iter().map(String::from).collect())
        .collect()
}

fn found(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The system calls in an strace log that are not `openat` (the only other thing
/// traced) and not signals or exits.
fn network_calls(trace: &str) -> Vec<String> {
    trace
        .lines()
        .map(|l| {
            l.trim_start_matches(|c: char| c.is_ascii_digit())
                .trim_start()
        })
        .filter(|l| !l.starts_with("---") && !l.starts_with("+++") && !l.is_empty())
        .filter(|l| !l.starts_with("openat(") && !l.starts_with("<... openat resumed>"))
        .map(String::from)
        .collect()
}

#[test]
fn the_program_makes_no_network_call() {
    let env = Env::new();
    let commands = every_command(&env);
    if found("strace") {
        let mut traced = 0;
        for (i, args) in commands.iter().enumerate() {
            let trace = env.tmp.path().join(format!("trace-{i}.txt"));
            let mut c = Command::new("strace");
            c.args(["-f", "-qq", "-e", "trace=%network,openat", "-o"])
                .arg(&trace)
                .arg(bin());
            let out = quiet_env(&mut c)
                .arg("--data-dir")
                .arg(env.data_dir())
                .args(args)
                .run();
            let text = std::fs::read_to_string(&trace).unwrap_or_default();
            if i == 0 && !text.contains("openat(") {
                // strace is here but cannot trace (no ptrace in this sandbox).
                eprintln!("strace cannot trace here: {}", stderr(&out));
                break;
            }
            out.code(0);
            // The trace really covers the command: it saw the files being opened.
            assert!(text.contains("openat("), "{args:?} was not traced");
            let calls = network_calls(&text);
            assert!(calls.is_empty(), "{args:?} made network calls: {calls:#?}");
            traced += 1;
        }
        if traced == commands.len() {
            eprintln!("no network: {traced} commands traced with strace, no network call");
            return;
        }
    }
    if !found("unshare") {
        eprintln!("no network: neither strace nor unshare is here; only the dependency check ran");
        return;
    }
    let probe = Command::new("unshare").args(["-n", "true"]).output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("no network: unshare -n is not allowed here; only the dependency check ran");
        return;
    }
    let env = Env::new();
    for args in every_command(&env) {
        let mut c = Command::new("unshare");
        c.arg("-n").arg(bin());
        quiet_env(&mut c)
            .arg("--data-dir")
            .arg(env.data_dir())
            .args(&args)
            .run()
            .label("without a network")
            .code(0);
    }
    eprintln!("no network: every command works in a namespace with no network");
}

/// Crates that exist to talk over a network.
const NETWORK_CRATES: &[&str] = &[
    "actix-web",
    "async-std",
    "attohttpc",
    "axum",
    "curl",
    "curl-sys",
    "h2",
    "hickory-resolver",
    "http",
    "hyper",
    "isahc",
    "lettre",
    "libssh2-sys",
    "native-tls",
    "openssl",
    "openssl-sys",
    "quinn",
    "reqwest",
    "rouille",
    "rustls",
    "socket2",
    "ssh2",
    "surf",
    "tiny_http",
    "tokio",
    "trust-dns-resolver",
    "tungstenite",
    "ureq",
    "warp",
    "zmq",
];

/// The names under a `[...dependencies]` table of Cargo.toml that is not for dev.
fn direct_dependencies(manifest: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut inside = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            inside = line.ends_with("dependencies]") && !line.contains("dev-dependencies");
            continue;
        }
        if inside && let Some((name, _)) = line.split_once('=') {
            out.insert(name.trim().trim_matches('"').to_string());
        }
    }
    out
}

/// Each package in Cargo.lock and what it depends on (all versions merged).
fn lock_graph(lock: &str) -> HashMap<String, BTreeSet<String>> {
    let mut graph: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut name = String::new();
    let mut in_deps = false;
    for line in lock.lines().map(str::trim) {
        if line == "[[package]]" {
            in_deps = false;
        } else if let Some(n) = line.strip_prefix("name = ") {
            name = n.trim_matches('"').to_string();
            graph.entry(name.clone()).or_default();
        } else if line.starts_with("dependencies = [") {
            in_deps = true;
        } else if in_deps && line == "]" {
            in_deps = false;
        } else if in_deps {
            let dep = line.trim_matches(|c| c == '"' || c == ',');
            let dep = dep.split(' ').next().unwrap_or(dep);
            graph
                .entry(name.clone())
                .or_default()
                .insert(dep.to_string());
        }
    }
    graph
}

#[test]
fn no_networking_crate_is_built_into_the_program() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap();
    let graph = lock_graph(&lock);
    let mut seen = BTreeSet::new();
    let mut todo: Vec<String> = direct_dependencies(&manifest).into_iter().collect();
    assert!(
        todo.contains(&"serde_json".to_string()),
        "the manifest was read: {todo:?}"
    );
    while let Some(name) = todo.pop() {
        if seen.insert(name.clone()) {
            todo.extend(graph.get(&name).into_iter().flatten().cloned());
        }
    }
    assert!(seen.len() > 20, "the lock file was read: {seen:?}");
    let network: Vec<_> = seen
        .iter()
        .filter(|n| NETWORK_CRATES.contains(&n.as_str()))
        .collect();
    assert!(
        network.is_empty(),
        "networking crates in the program: {network:?}"
    );
}

#[test]
fn with_umask_000_an_export_is_private() {
    let env = Env::new();
    env.check(&calm_answers(), &[]);
    for format in ["json", "csv", "html", "fhir"] {
        let dest = env.tmp.path().join(format!("report.{format}"));
        with_umask_000(
            &env,
            &env.data_dir(),
            &[
                "export",
                "--format",
                format,
                "--output",
                dest.to_str().unwrap(),
            ],
        )
        .label(format)
        .code(0);
        assert_eq!(mode(&dest), 0o600, "{format}");
    }
}
