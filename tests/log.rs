//! The private log as a person meets it through the real binary: private modes
//! whatever the umask, a loose log tightened with a warning, `show` of saved records,
//! and a damaged line that is skipped with its line number.

use std::fs;

use serde_json::{Value, json};

use crate::support::*;

#[cfg(unix)]
fn mode(p: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(p).expect("metadata").permissions().mode() & 0o777
}

/// Saves one check-in and returns its record from the log.
fn save(env: &Env, answers: &Value) -> Value {
    env.check(answers, &[]).code(0);
    env.records().pop().expect("a record in the log")
}

fn show(env: &Env, args: &[&str]) -> Ran {
    env.cmd().arg("show").args(args).run()
}

#[cfg(unix)]
#[test]
fn data_folder_and_log_are_private_even_with_umask_000() {
    let env = Env::new();
    let answers = env.file("answers.json", calm_answers().to_string());
    // A shell sets the umask, then becomes sidecheck with the same arguments.
    assert_cmd::Command::new("sh")
        .arg("-c")
        .arg("umask 000; exec \"$0\" \"$@\"")
        .arg(bin())
        .env_remove("SIDECHECK_DATA_DIR")
        .env("NO_COLOR", "1")
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .arg("--data-dir")
        .arg(env.data_dir())
        .args(["check", "--answers"])
        .arg(&answers)
        .run()
        .code(0);
    assert_eq!(env.records().len(), 1);
    assert_eq!(mode(&env.data_dir()), 0o700, "data folder");
    assert_eq!(mode(&env.log_path()), 0o600, "log");

    // The shell really did run with umask 000 (so the test proves something).
    let probe = env.tmp.path().join("probe");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg("umask 000; exec \"$0\" \"$@\"")
        .arg("touch")
        .arg(&probe)
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(mode(&probe), 0o666);
}

#[cfg(unix)]
#[test]
fn a_log_others_can_read_is_made_private_with_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    save(&env, &calm_answers());
    fs::set_permissions(env.log_path(), fs::Permissions::from_mode(0o644)).unwrap();

    let out = env.check(&calm_answers(), &[]).code(0);
    assert_eq!(mode(&env.log_path()), 0o600);
    let err = stderr(&out);
    let warning = err
        .lines()
        .find(|l| l.contains("warning"))
        .unwrap_or_else(|| panic!("no warning on stderr:\n{err}"));
    assert!(
        warning.contains(&env.log_path().display().to_string()),
        "the warning names the log: {warning}"
    );
    assert!(warning.contains("600"), "{warning}");
    assert_eq!(env.records().len(), 2, "both check-ins kept");
}

#[test]
fn show_last_prints_the_saved_check_in() {
    let env = Env::new();
    save(&env, &calm_answers());
    let record = save(
        &env,
        &answers_with(json!({"breathing": true, "notes": "Felt odd after lunch."})),
    );
    let id = record["id"].as_str().unwrap();

    let out = show(&env, &["last"]).code(0);
    let text = stdout(&out);
    assert!(text.contains(id), "{text}");
    assert!(text.contains("You had trouble breathing"), "{text}");
    assert!(text.contains("911"), "{text}");
    assert!(text.contains("Felt odd after lunch."), "{text}");
    assert!(text.contains("not a diagnosis"), "{text}");
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));

    // `show` alone means the last one; an id prefix finds it too.
    assert_eq!(stdout(&show(&env, &[])), text);
    assert_eq!(stdout(&show(&env, &[&id[..id.len() - 4]])), text);
}

#[test]
fn show_json_prints_the_record_as_saved() {
    let env = Env::new();
    let first = save(&env, &answers_with(json!({"dizziness": "severe"})));
    let last = save(&env, &calm_answers());

    let out = show(&env, &["--json"]).code(0);
    let printed: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(printed, last);

    let out = show(&env, &[first["id"].as_str().unwrap(), "--json"]);
    let printed: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(printed, first);
    assert_eq!(printed["alerts"][0]["id"], "severe_side_effect");
    assert_eq!(printed["alerts"][0]["question"], "dizziness");
}

#[test]
fn show_with_an_unknown_id_is_a_one_line_usage_error() {
    let env = Env::new();
    save(&env, &calm_answers());
    let out = show(&env, &["19990101-nothing"]).code(2).stdout_empty();
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("sidecheck: error:"), "{err}");
    assert!(err.contains("19990101-nothing"), "{err}");
    assert!(err.contains("show last"), "says what to do: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn show_with_no_log_yet_says_so() {
    let env = Env::new();
    let out = show(&env, &["last"]).code(2);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no check-ins are saved yet"), "{err}");
}

#[test]
fn a_bad_line_in_the_middle_is_skipped_with_a_warning_naming_it() {
    let env = Env::new();
    let first = save(&env, &calm_answers());
    let second = save(&env, &answers_with(json!({"seizure": true})));
    let text = fs::read_to_string(env.log_path()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    fs::write(
        env.log_path(),
        format!("{}\n{{\"schema\": 1, oops\n{}\n", lines[0], lines[1]),
    )
    .unwrap();

    let out = show(&env, &["last", "--json"]).code(0);
    let printed: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(printed, second, "the record after the bad line still reads");
    // `show last` reads back from the end to the last check-in: it never reads
    // the bad line before it. A lookup by id reads from the start, and names it.
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    let out = show(&env, &[second["id"].as_str().unwrap(), "--json"]).code(0);
    let printed: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(printed, second);
    let err = stderr(&out);
    assert!(err.contains("warning"), "{err}");
    assert!(err.contains("line 2"), "{err}");
    assert!(!err.contains("line 1") && !err.contains("line 3"), "{err}");

    let out = show(&env, &[first["id"].as_str().unwrap()]).code(0);
    assert!(stdout(&out).contains(first["id"].as_str().unwrap()));

    // A new save keeps the damaged line where it is and adds a good one.
    save(&env, &calm_answers());
    assert_eq!(env.records().len(), 3);
    assert!(fs::read_to_string(env.log_path()).unwrap().contains("oops"));
}

#[test]
fn a_torn_last_line_is_set_aside_by_the_next_check() {
    let env = Env::new();
    save(&env, &calm_answers());
    let mut log = fs::read(env.log_path()).unwrap();
    log.extend_from_slice(b"{\"schema\":1,\"id\":\"20250101-");
    fs::write(env.log_path(), &log).unwrap();

    env.check(&calm_answers(), &[])
        .code(0)
        .stderr_has("unfinished line");
    let text = fs::read_to_string(env.log_path()).unwrap();
    assert_eq!(text.lines().count(), 2);
    assert!(
        text.lines()
            .all(|l| serde_json::from_str::<Value>(l).is_ok())
    );
    let torn: Vec<_> = fs::read_dir(env.data_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("checkins.jsonl.torn-"))
        .collect();
    assert_eq!(torn.len(), 1, "{torn:?}");
    assert_eq!(
        fs::read(env.data_dir().join(&torn[0])).unwrap(),
        b"{\"schema\":1,\"id\":\"20250101-"
    );
}

/// The `.torn-*` copies in the data folder.
fn torn_copies(env: &Env) -> Vec<String> {
    fs::read_dir(env.data_dir())
        .expect("data folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("checkins.jsonl.torn-"))
        .collect()
}

#[test]
fn a_whole_last_record_that_lost_its_newline_stays_in_the_log() {
    let env = Env::new();
    let first = save(&env, &answers_with(json!({"breathing": true})));
    // An editor, a merge or a restored backup dropped the final newline.
    let mut log = fs::read(env.log_path()).unwrap();
    assert_eq!(log.pop(), Some(b'\n'));
    fs::write(env.log_path(), &log).unwrap();
    show(&env, &["last", "--json"]).code(0);

    env.check(&calm_answers(), &[])
        .code(0)
        .stderr_lacks("unfinished");
    assert!(torn_copies(&env).is_empty(), "nothing set aside");
    let text = fs::read_to_string(env.log_path()).unwrap();
    assert!(text.ends_with('\n'));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    let kept: Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(kept, first, "the urgent check-in is still the first line");
    assert!(serde_json::from_str::<Value>(lines[1]).is_ok());
    let out = env.cmd().arg("history").output().unwrap();
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_log_that_is_a_symbolic_link_is_refused_and_its_target_left_alone() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let saved = save(&env, &calm_answers());
    let id = saved["id"].as_str().unwrap();
    // The target: a log-like file that is not private and ends in a torn line, so
    // following the link would chmod it, cut its tail and append to it.
    let target = env.tmp.path().join("bashrc");
    let mut bytes = fs::read(env.log_path()).unwrap();
    bytes.extend_from_slice(b"export PATH=$PATH:~/bin");
    fs::write(&target, &bytes).unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
    fs::remove_file(env.log_path()).unwrap();
    std::os::unix::fs::symlink(&target, env.log_path()).unwrap();

    env.check(&calm_answers(), &[])
        .code(1)
        .stderr_has("symbolic link")
        .stderr_has("NOT saved");
    for args in [&["show", "last"][..], &["history"][..], &["export"][..]] {
        let out = env.run(args).code(1).stderr_has("symbolic link");
        assert!(
            !stdout(&out).contains(id),
            "{args:?}: nothing read through the link"
        );
    }
    env.cmd()
        .arg("import")
        .arg(
            env.file(
                "r.json",
                record_at(
                    &saved,
                    "20251101-090000-000000000abc",
                    "2025-11-01T09:00:00.000+01:00",
                )
                .to_string(),
            ),
        )
        .run()
        .code(1);

    assert_eq!(fs::read(&target).unwrap(), bytes, "the target is untouched");
    assert_eq!(mode(&target), 0o644, "the target's mode is untouched");
    assert!(
        torn_copies(&env).is_empty(),
        "no tail was cut from the target"
    );
    assert!(
        fs::symlink_metadata(env.log_path())
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[cfg(unix)]
#[test]
fn a_data_folder_others_can_write_to_is_tightened_with_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    save(&env, &calm_answers());
    fs::set_permissions(env.data_dir(), fs::Permissions::from_mode(0o777)).unwrap();
    let out = env.check(&calm_answers(), &[]).code(0);
    let err = stderr(&out);
    assert!(err.contains("warning"), "{err}");
    assert!(err.contains("mode 777"), "{err}");
    assert!(err.contains("now private (mode 700)"), "{err}");
    assert_eq!(mode(&env.data_dir()), 0o700);
    assert_eq!(env.records().len(), 2);

    // Group-writable is loose too.
    fs::set_permissions(env.data_dir(), fs::Permissions::from_mode(0o770)).unwrap();
    env.check(&calm_answers(), &[]).stderr_has("mode 770");
    assert_eq!(mode(&env.data_dir()), 0o700);
}

#[cfg(unix)]
#[test]
fn a_shared_data_folder_like_tmp_is_refused_and_left_as_it_is() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    save(&env, &calm_answers());
    let before = fs::read(env.log_path()).unwrap();
    fs::set_permissions(env.data_dir(), fs::Permissions::from_mode(0o1777)).unwrap();
    let out = env.check(&calm_answers(), &[]).code(1);
    let err = stderr(&out);
    assert!(err.contains("other users can change the folder"), "{err}");
    assert!(err.contains("--data-dir"), "{err}");
    let m = fs::metadata(env.data_dir()).unwrap().permissions().mode() & 0o7777;
    assert_eq!(m, 0o1777, "a shared folder is never chmodded");
    assert_eq!(fs::read(env.log_path()).unwrap(), before);
}

#[test]
fn a_million_bad_lines_print_ten_warnings_and_one_count() {
    let env = Env::new();
    let good = save(&env, &calm_answers());
    let mut bytes = fs::read(env.log_path()).unwrap();
    bytes.extend_from_slice(&b"not a check-in\n".repeat(1_000_000));
    // Another check-in after them (the same one again would be a repeated line).
    let mut later = good.clone();
    later["id"] = json!("20261201-235959-0000000000aa");
    bytes.extend_from_slice(format!("{later}\n").as_bytes());
    fs::write(env.log_path(), &bytes).unwrap();
    for args in [
        // Read from the start to the id (`show last` reads back from the end
        // and never meets them).
        &["show", "20261201-235959-0000000000aa"][..],
        &["history"][..],
        // Every export reads through the same scan as this one.
        &["export", "--format", "csv"][..],
    ] {
        let out = env.run(args).code(0);
        let err = stderr(&out);
        let warnings: Vec<&str> = err.lines().filter(|l| l.contains("warning")).collect();
        assert_eq!(
            warnings.len(),
            11,
            "{args:?}: {}",
            &err[..err.len().min(2000)]
        );
        assert!(warnings[0].contains("line 2:"), "{}", warnings[0]);
        assert!(warnings[9].contains("line 11:"), "{}", warnings[9]);
        let count = warnings[10];
        assert!(count.contains("1000000 lines"), "{count}");
        assert!(count.contains("from line 2 to line 1000001"), "{count}");
    }
}

/// Needs root to give the folder away; as root (as on this project's CI) it runs.
#[cfg(target_os = "linux")]
#[test]
fn a_loose_data_folder_of_another_user_is_refused_and_left_as_it_is() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    save(&env, &calm_answers());
    let before = fs::read(env.log_path()).unwrap();
    fs::set_permissions(env.data_dir(), fs::Permissions::from_mode(0o777)).unwrap();
    if std::os::unix::fs::chown(env.data_dir(), Some(65534), None).is_err() {
        eprintln!("not root: cannot give the folder to another user; nothing to check");
        return;
    }
    env.check(&calm_answers(), &[])
        .code(1)
        .stderr_has("belongs to someone else");
    assert_eq!(mode(&env.data_dir()), 0o777, "not ours to chmod");
    assert_eq!(fs::read(env.log_path()).unwrap(), before);
}
