//! The user is told when a save fails. A write cut short by the file-size limit
//! (`ulimit -f`, SIGXFSZ ignored, so the write fails with EFBIG after a partial
//! write), a log that is a folder or a symbolic link (to /dev/full), a data folder that cannot
//! exist: each time the program says the check-in was NOT saved and exits 1, every
//! earlier record stays intact, and no partial line is left.

#![cfg(unix)]
// In a test, a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};

use crate::hostile::*;
use crate::support::*;

/// Answers whose record is longer than any `ulimit -f` unit.
fn long_answers() -> Value {
    answers_with(json!({ "notes": "a long note ".repeat(80) }))
}

/// Saves `n` check-ins and returns their ids.
fn save(env: &Env, n: usize) -> Vec<String> {
    (0..n)
        .map(|_| {
            let out = env.check(&long_answers(), &[]).code(0);
            acknowledged_id(&stderr(&out)).expect("saved")
        })
        .collect()
}

/// Runs a check under a file-size limit of `units`, surviving SIGXFSZ.
fn check_limited(env: &Env, units: u64) -> Ran {
    let answers = env.file("limited.json", long_answers().to_string());
    let mut c = with_file_size_limit(Path::new(bin()), units, true);
    quiet_env(&mut c)
        .arg("--data-dir")
        .arg(env.data_dir())
        .args(["check", "--answers"])
        .arg(answers);
    c.run()
}

/// The failure a person must see: NOT saved, exit 1, no acknowledgement, no panic.
fn assert_not_saved(out: Ran) -> Ran {
    out.code(1)
        .stderr_has("NOT saved")
        .stderr_lacks("Saved to")
        .stderr_lacks("panicked")
}

/// Every earlier record is still there and the program reads each one.
fn assert_intact(env: &Env, before: &[u8], ids: &[String]) {
    let now = std::fs::read(env.log_path()).expect("the log");
    assert_eq!(now.len(), before.len(), "the log is back to its old length");
    assert!(now == before, "the old records are byte for byte the same");
    let log = LogFile::read(&env.log_path());
    log.assert_clean();
    let saved: Vec<&str> = log.records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(saved, ids.iter().map(String::as_str).collect::<Vec<_>>());
    for id in ids {
        env.run(["show", id, "--json"])
            .code(0)
            .stderr_lacks("warning");
    }
    assert!(
        torn_files(&env.data_dir()).is_empty(),
        "nothing to set aside"
    );
}

#[test]
fn a_write_cut_short_by_the_file_size_limit_is_rolled_back() {
    let env = Env::new();
    let ids = save(&env, 3);
    let before = std::fs::read(env.log_path()).unwrap();
    let line = before.len() as u64 / 3;
    let unit = fsize_unit();
    // The limit lies after the last record and before the end of the new one, so the
    // write really is partial before it fails.
    let units = before.len() as u64 / unit + 1;
    assert!(units * unit > before.len() as u64 && units * unit < before.len() as u64 + line);
    assert_not_saved(check_limited(&env, units)).stderr_has("too large");
    assert_intact(&env, &before, &ids);

    // Without the limit the next save works and finds nothing to repair.
    env.check(&calm_answers(), &[])
        .code(0)
        .stderr_lacks("unfinished");
    assert_eq!(LogFile::read(&env.log_path()).records.len(), 4);
}

#[test]
fn a_write_refused_at_the_limit_leaves_the_log_as_it_was() {
    let env = Env::new();
    let ids = save(&env, 2);
    let before = std::fs::read(env.log_path()).unwrap();
    // The log is already at or past the limit: not one byte can be written.
    let units = before.len() as u64 / fsize_unit();
    assert_not_saved(check_limited(&env, units));
    assert_intact(&env, &before, &ids);
}

#[test]
fn a_first_save_cut_short_leaves_an_empty_log() {
    let env = Env::new();
    assert_not_saved(check_limited(&env, 1));
    assert_intact(&env, b"", &[]);
}

#[test]
fn a_torn_tail_that_cannot_be_set_aside_stays_in_the_log() {
    let env = Env::new();
    save(&env, 2);
    // A crash left half a line; the disk then has no room to copy it aside.
    let tail = "{\"schema\":1,\"id\":\"torn".repeat(60);
    let mut bytes = std::fs::read(env.log_path()).unwrap();
    bytes.extend_from_slice(tail.as_bytes());
    std::fs::write(env.log_path(), &bytes).unwrap();
    assert!(
        tail.len() as u64 > fsize_unit(),
        "the copy aside cannot fit"
    );
    assert_not_saved(check_limited(&env, 1));
    assert_eq!(
        std::fs::read(env.log_path()).unwrap(),
        bytes,
        "nothing is lost"
    );
    assert!(
        torn_files(&env.data_dir()).is_empty(),
        "no half-written copy is left"
    );
}

#[test]
fn a_log_that_is_a_folder_is_reported() {
    let env = Env::new();
    std::fs::create_dir_all(env.log_path()).unwrap();
    assert_not_saved(env.check(&calm_answers(), &[]));
    assert!(env.log_path().is_dir());
}

#[test]
fn a_data_folder_inside_a_file_is_reported() {
    let env = Env::new();
    let file = env.file("not-a-folder", "x");
    let out = quiet_env(&mut Command::new(bin()))
        .arg("--data-dir")
        .arg(file.join("data"))
        .args(["check", "--answers"])
        .arg(env.file("a.json", calm_answers().to_string()))
        .run();
    assert_not_saved(out);
    assert_eq!(std::fs::read(&file).unwrap(), b"x");
}

#[cfg(target_os = "linux")]
#[test]
fn a_data_folder_that_cannot_be_made_is_reported() {
    // Not even root can make a folder in /proc.
    let env = Env::new();
    let out = quiet_env(&mut Command::new(bin()))
        .arg("--data-dir")
        .arg("/proc/sidecheck-cannot-be-here/data")
        .args(["check", "--answers"])
        .arg(env.file("a.json", calm_answers().to_string()))
        .run();
    assert_not_saved(out);
}

#[cfg(target_os = "linux")]
#[test]
fn a_log_linked_to_dev_full_is_refused_and_dev_full_is_left_alone() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let ids = save(&env, 1);
    let log = env.log_path();
    let kept = env.tmp.path().join("kept.jsonl");
    std::fs::rename(&log, &kept).unwrap();
    std::os::unix::fs::symlink("/dev/full", &log).unwrap();
    let mode = || std::fs::metadata("/dev/full").unwrap().permissions().mode();
    let before = mode();

    // A link is refused as a link, before anything is opened through it.
    assert_not_saved(env.check(&calm_answers(), &[])).stderr_has("is a symbolic link");
    // Making the log private must never change the mode of a device.
    assert_eq!(mode(), before, "/dev/full was changed");
    env.run(["show", "last"]).code(1);

    // Put back, the earlier record is still there.
    std::fs::remove_file(&log).unwrap();
    std::fs::rename(&kept, &log).unwrap();
    let bytes = std::fs::read(&log).unwrap();
    assert_intact(&env, &bytes, &ids);
}

/// Files in `dir` other than the log: what an export left behind.
fn leftovers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    names.sort();
    names
}

fn export_limited(env: &Env, units: u64, format: &str, dest: &Path, force: bool) -> Ran {
    let mut c = with_file_size_limit(Path::new(bin()), units, true);
    quiet_env(&mut c)
        .arg("--data-dir")
        .arg(env.data_dir())
        .args(["export", "--format", format, "--output"])
        .arg(dest);
    if force {
        c.arg("--force");
    }
    c.run()
}

#[test]
fn a_failed_export_leaves_no_half_written_file() {
    let env = Env::new();
    save(&env, 3);
    let out_dir = env.tmp.path().join("reports");
    std::fs::create_dir(&out_dir).unwrap();
    for format in ["json", "csv", "html", "fhir"] {
        let dest = out_dir.join(format!("report.{format}"));
        let out = export_limited(&env, 1, format, &dest, false)
            .label(format)
            .code(1);
        let err = stderr(&out);
        assert!(
            err.contains("not written") || err.contains("nothing was written"),
            "{format}: the person is told: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
        assert!(
            !dest.exists(),
            "{format}: half a report under the name asked for"
        );
        assert_eq!(
            leftovers(&out_dir),
            Vec::<String>::new(),
            "{format}: temp files left"
        );

        // An existing report is not replaced by half a new one.
        std::fs::write(&dest, "the old report\n").unwrap();
        export_limited(&env, 1, format, &dest, true)
            .label(format)
            .code(1);
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "the old report\n");
        assert_eq!(
            leftovers(&out_dir),
            Vec::<String>::new(),
            "{format}: temp files left"
        );
        std::fs::remove_file(&dest).unwrap();

        // Without the limit the same export works.
        env.cmd()
            .args(["export", "--format", format, "--output"])
            .arg(&dest)
            .run()
            .label(format)
            .code(0);
        assert!(std::fs::metadata(&dest).unwrap().len() > fsize_unit());
    }
    // The log was only read.
    assert_eq!(LogFile::read(&env.log_path()).records.len(), 3);
}

#[cfg(target_os = "linux")]
#[test]
fn an_export_to_a_full_disk_on_standard_output_is_reported() {
    let env = Env::new();
    save(&env, 2);
    let full = std::fs::File::create("/dev/full").expect("/dev/full");
    let out = quiet_env(&mut Command::new(bin()))
        .arg("--data-dir")
        .arg(env.data_dir())
        .args(["export", "--format", "json"])
        .stdout(full)
        .run()
        .code(1);
    let err = stderr(&out);
    assert!(err.contains("error"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
