//! The "about you" profile: kept private in profile.json, shown and changed with
//! `sidecheck profile`, asked once by the guided check, read by scripted checks, and
//! copied into each check-in as it was then.

use serde_json::{Value, json};

use crate::support::*;

fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

fn profile_json(env: &Env) -> Value {
    let out = env.run(["profile", "--json"]).code(0);
    serde_json::from_str(&stdout(&out)).expect("profile --json is JSON")
}

fn set(env: &Env, settings: &str) -> Ran {
    env.run(["profile", "--set", settings])
}

fn alert_ids(record: &Value) -> Vec<String> {
    record["alerts"]
        .as_array()
        .expect("alerts")
        .iter()
        .filter_map(|a| a["id"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn profile_set_saves_a_private_file_that_show_and_json_read_back() {
    let env = Env::new();
    let out = set(&env, "kidney=yes,older=no").code(0);
    assert_eq!(mode(&env.profile_path()), 0o600);
    assert_eq!(mode(&env.data_dir()), 0o700);
    let shown = stdout(&out);
    assert!(shown.contains("Kidney problems (kidney): yes"), "{shown}");
    assert!(shown.contains("Age 65 or older (older): no"), "{shown}");
    assert!(
        shown.contains("Pregnant or breastfeeding (pregnant): not answered"),
        "{shown}"
    );

    let v = profile_json(&env);
    assert_eq!(v["saved"], true);
    assert_eq!(v["answers"], json!({"kidney": true, "older": false}));
    let items: Vec<&str> = v["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["id"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(items, ["kidney", "older", "pregnant", "epilepsy", "drives"]);

    // Plain `sidecheck profile` with no terminal shows the same and asks nothing.
    env.run(["profile"])
        .code(0)
        .stdout_has("Kidney problems (kidney): yes");
}

#[test]
fn profile_set_changes_only_the_items_named_and_replaces_the_file_whole() {
    let env = Env::new();
    set(&env, "kidney=yes").code(0);
    env.run(["profile", "--set", "drives=y", "--set", "kidney=no"])
        .code(0);
    assert_eq!(
        profile_json(&env)["answers"],
        json!({"kidney": false, "drives": true})
    );
    assert_eq!(mode(&env.profile_path()), 0o600);
    // No temp file is left beside it.
    let names: Vec<String> = std::fs::read_dir(env.data_dir())
        .expect("data dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["profile.json"]);
}

#[test]
fn profile_answers_file_sets_them_too() {
    let env = Env::new();
    let f = env.file("about.json", r#"{"pregnant": true, "epilepsy": false}"#);
    let out = env
        .cmd()
        .args(["profile", "--json", "--answers"])
        .arg(f)
        .run()
        .code(0);
    let v: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(v["answers"], json!({"pregnant": true, "epilepsy": false}));
}

#[test]
fn profile_set_refuses_unknown_items_and_values_and_saves_nothing() {
    let env = Env::new();
    for bad in ["liver=yes", "kidney=maybe", "kidney"] {
        let out = set(&env, bad).label(bad).code(2);
        assert!(stderr(&out).contains("kidney"), "{bad}: {}", stderr(&out));
    }
    assert!(!env.profile_path().exists());
    let v = profile_json(&env);
    assert_eq!(v["saved"], false);
    assert_eq!(v["answers"], json!({}));
}

#[test]
fn a_symlinked_profile_is_neither_read_nor_written() {
    let env = Env::new();
    set(&env, "kidney=yes").code(0);
    let elsewhere = env.file("elsewhere.json", "keep me");
    std::fs::remove_file(env.profile_path()).expect("rm");
    std::os::unix::fs::symlink(&elsewhere, env.profile_path()).expect("symlink");

    set(&env, "older=yes").code(1).stderr_has("symbolic link");
    assert_eq!(
        std::fs::read_to_string(&elsewhere).expect("read"),
        "keep me"
    );

    // A check is never blocked by it: one warning, and no profile is used.
    env.check(&answers_with(json!({"drowsiness": "severe"})), &[])
        .code(0)
        .stderr_has("symbolic link");
    let record = env.records().pop().expect("saved");
    assert!(record.get("profile").is_none(), "{record}");
    assert_eq!(alert_ids(&record), ["severe_side_effect"]);
    assert_eq!(
        std::fs::read_to_string(&elsewhere).expect("read"),
        "keep me"
    );
}

#[test]
fn a_scripted_check_reads_the_saved_profile_and_each_record_keeps_it_as_it_was() {
    let env = Env::new();
    set(&env, "kidney=yes,older=no").code(0);
    let severe = answers_with(json!({"drowsiness": "severe"}));
    let out = env.check(&severe, &[]).code(0);
    // With kidney problems, severe sleepiness is an overdose sign, and the box says why.
    let err = stderr(&out);
    assert!(err.contains("EMERGENCY"), "{err}");
    assert!(
        err.contains("leaves your body through your kidneys"),
        "{err}"
    );
    assert!(!err.contains("no \"about you\" answers"), "{err}");

    set(&env, "kidney=no").code(0);
    env.check(&severe, &[]).code(0);

    let records = env.records();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["schema"], 3);
    assert_eq!(
        records[0]["profile"],
        json!({"kidney": true, "older": false})
    );
    assert_eq!(alert_ids(&records[0]), ["overdose_signs_at_risk"]);
    assert_eq!(
        records[1]["profile"],
        json!({"kidney": false, "older": false})
    );
    assert_eq!(alert_ids(&records[1]), ["severe_side_effect"]);

    // `show` says what the answers were then.
    let out = env
        .cmd()
        .args(["show", records[0]["id"].as_str().unwrap_or_default()])
        .output()
        .expect("run");
    assert!(
        stdout(&out).contains("About you, as answered then: Kidney problems."),
        "{}",
        stdout(&out)
    );
}

#[test]
fn with_no_profile_a_scripted_check_says_so_in_one_line_and_keeps_none() {
    let env = Env::new();
    let out = env.check(&calm_answers(), &[]).code(0);
    let err = stderr(&out);
    let notes: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("\"about you\""))
        .collect();
    assert_eq!(notes.len(), 1, "{err}");
    assert!(notes[0].contains("used none"), "{err}");
    let record = env.records().pop().expect("saved");
    assert!(record.get("profile").is_none(), "{record}");
    // Asking is for the guided check: no file appears.
    assert!(!env.profile_path().exists());
}

#[test]
fn an_answers_file_profile_goes_over_the_saved_one_for_that_check_only() {
    let env = Env::new();
    set(&env, "kidney=no,drives=yes").code(0);
    let before = std::fs::read_to_string(env.profile_path()).expect("read");
    env.check(
        &answers_with(json!({"profile": {"kidney": true}, "confusion": "severe"})),
        &[],
    )
    .code(0);
    let record = env.records().pop().expect("saved");
    assert_eq!(record["profile"], json!({"kidney": true, "drives": true}));
    assert_eq!(
        alert_ids(&record),
        ["overdose_signs_at_risk", "drowsy_driving"]
    );
    assert_eq!(
        std::fs::read_to_string(env.profile_path()).expect("read"),
        before
    );
}

#[test]
fn a_bad_profile_in_an_answers_file_is_refused_and_nothing_saved() {
    let env = Env::new();
    for bad in [json!({"liver": true}), json!({"kidney": "yes"}), json!([])] {
        env.check(&answers_with(json!({ "profile": bad })), &[])
            .label(bad)
            .code(2)
            .stderr_has("\"profile\"");
    }
    assert!(env.records().is_empty());
}

#[test]
fn older_records_without_a_profile_still_read() {
    let env = Env::new();
    append_log(
        &env,
        &[bare_record(
            "20261130-080000-000000000001",
            "2026-11-30T08:00:00.000+00:00",
            "completed",
        )],
    );
    let out = env.run(["show", "last", "--json"]).code(0);
    let v: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(v["schema"], 1);
    assert!(v.get("profile").is_none());
}

#[test]
fn the_json_export_keeps_the_profile_and_still_fits_its_schema() {
    let env = Env::new();
    set(&env, "older=yes").code(0);
    env.check(&calm_answers(), &[]).code(0);
    let run = |args: &[&str]| {
        let out = env.cmd().arg("export").args(args).run().code(0);
        serde_json::from_str::<Value>(&stdout(&out)).expect("JSON")
    };
    let doc = run(&["--format", "json"]);
    assert_eq!(doc["records"][0]["profile"], json!({"older": true}));
    let schema = run(&["--schema"]);
    let v = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("a valid schema");
    let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn resume_carries_on_with_the_profile_the_stopped_check_in_was_begun_with() {
    let env = Env::new();
    // Saved now: no kidney problems. The stopped check-in was begun with them.
    set(&env, "kidney=no").code(0);
    let whole = answers_with(json!({"drowsiness": "severe"}));
    let mut stopped = stopped_after(&template_record(&whole), 2, "20261201-080000-00000000000a");
    let at = now_minus_hours(1);
    stopped["started_at"] = json!(at);
    stopped["ended_at"] = json!(at);
    stopped["profile"] = json!({"kidney": true});
    append_log(&env, &[stopped.to_string()]);
    env.check(&whole, &["--resume"]).code(0);
    let done = env.records().pop().expect("saved");
    assert_eq!(done["completes"], "20261201-080000-00000000000a");
    assert_eq!(done["profile"], json!({"kidney": true}));
    assert_eq!(alert_ids(&done), ["overdose_signs_at_risk"]);
}

// The bank: profile conditions are data and are checked like the rest.

fn bank_with(change: impl FnOnce(&mut Value)) -> Result<sidecheck::bank::Bank, String> {
    let mut v: Value = serde_json::from_str(sidecheck::bank::BUNDLED_BANK).expect("JSON");
    change(&mut v);
    sidecheck::bank::Bank::from_json("test", &v.to_string()).map_err(|e| e.to_string())
}

fn alert_when(v: &mut Value, when: Value) {
    v["alerts"][0]["when"] = when;
}

#[test]
fn profile_conditions_are_validated() {
    assert!(bank_with(|_| {}).is_ok());
    let unknown = bank_with(|v| {
        alert_when(
            v,
            json!({"all": [{"profile": "liver", "equals": true}, {"question": "breathing", "equals": true}]}),
        )
    })
    .unwrap_err();
    assert!(
        unknown.contains("\"liver\" is not in \"profile\""),
        "{unknown}"
    );
    let not_bool = bank_with(|v| {
        alert_when(
            v,
            json!({"all": [{"profile": "kidney", "at_least": 1}, {"question": "breathing", "equals": true}]}),
        )
    })
    .unwrap_err();
    assert!(not_bool.contains("true or false"), "{not_bool}");
    let negated_question = bank_with(|v| {
        alert_when(
            v,
            json!({"not": {"question": "breathing", "equals": false}}),
        )
    })
    .unwrap_err();
    assert!(
        negated_question.contains("\"not\" may test only \"profile\" items"),
        "{negated_question}"
    );
    let profile_only =
        bank_with(|v| alert_when(v, json!({"profile": "kidney", "equals": true}))).unwrap_err();
    assert!(profile_only.contains("tests no question"), "{profile_only}");
    let duplicate = bank_with(|v| {
        let first = v["profile"][0].clone();
        v["profile"].as_array_mut().expect("profile").push(first);
    })
    .unwrap_err();
    assert!(duplicate.contains("duplicate profile id"), "{duplicate}");
    let reserved = bank_with(|v| v["questions"][0]["id"] = json!("profile")).unwrap_err();
    assert!(
        reserved.contains("kept for the \"about you\""),
        "{reserved}"
    );
}

#[test]
fn the_schema_knows_the_profile() {
    let schema = sidecheck::bank::schema_json();
    assert!(
        schema.contains("ProfileItem"),
        "no ProfileItem in the schema"
    );
    assert!(schema.contains("\"not\""), "no \"not\" in the schema");
}

// The guided check, in a pseudo-terminal.

#[cfg(unix)]
mod guided {
    use crate::pty::{Guided, guided_command};
    use crate::support::*;

    const START: &str = "Press Enter to start";
    const ABOUT: &str = "First, a few questions about you.";
    const KIDNEY: &str = "Do you have kidney problems?";
    const OLDER: &str = "Are you 65 years old or older?";
    const PREGNANT: &str = "Are you pregnant or breastfeeding?";
    const EPILEPSY: &str = "Do you have epilepsy?";
    const DRIVES: &str = "Do you drive?";
    const PUMP: &str = "from a pump under your skin?";
    const STOPPED: &str = "saved as an incomplete check-in";

    #[test]
    fn the_first_guided_check_asks_about_you_once_and_the_next_does_not() {
        let env = Env::new();
        let cmd = guided_command(&env, &["check"], true);
        let mut g = Guided::spawn_first_run(env, cmd);
        g.answer(START, "");
        g.answer(crate::pty::WHO, "");
        g.expect(ABOUT);
        g.answer(KIDNEY, "y");
        g.answer(OLDER, "n");
        // Esc goes back one item; the earlier answer can be changed.
        g.expect(PREGNANT);
        g.esc();
        g.answer(OLDER, "y");
        g.answer(PREGNANT, "n");
        g.answer(EPILEPSY, "n");
        g.answer(DRIVES, "y");
        let kept = g.expect(PUMP);
        assert!(kept.contains("profile.json"), "{kept}");
        g.ctrl_c();
        // Nothing of the check itself was answered, so no check-in is saved, but
        // the answers about you are kept.
        assert_eq!(g.finish(), 130, "{}", g.screen());
        assert!(g.records().is_empty());
        let env = g.into_env();
        let saved: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(env.profile_path()).expect("read"))
                .expect("JSON");
        assert_eq!(
            saved["answers"],
            serde_json::json!({"kidney": true, "older": true, "pregnant": false, "epilepsy": false, "drives": true})
        );
        {
            use std::os::unix::fs::PermissionsExt;
            let m = std::fs::metadata(env.profile_path()).expect("meta");
            assert_eq!(m.permissions().mode() & 0o777, 0o600);
        }

        // The next guided check goes straight to the questions, and its record
        // keeps the answers.
        let cmd = guided_command(&env, &["check"], true);
        let mut g = Guided::spawn_first_run(env, cmd);
        g.answer(START, "");
        g.answer(crate::pty::WHO, "");
        let until = g.expect(PUMP);
        assert!(!until.contains("questionsaboutyou"), "{until}");
        assert!(!until.contains("kidneyproblems?"), "{until}");
        g.send("n\r");
        g.expect("did you miss doses");
        g.ctrl_c();
        g.expect(STOPPED);
        assert_eq!(g.finish(), 130, "{}", g.screen());
        let record = g.record();
        assert_eq!(record["profile"]["kidney"], true);
        assert_eq!(record["profile"]["drives"], true);
    }

    #[test]
    fn sidecheck_profile_in_a_terminal_shows_the_answers_and_changes_them() {
        let env = Env::new();
        env.save_profile(all_no_profile());
        let cmd = guided_command(&env, &["profile"], true);
        let mut g = Guided::spawn_first_run(env, cmd);
        let shown = g.expect("Do you want to change these answers?");
        assert!(shown.contains("Kidneyproblems(kidney):no"), "{shown}");
        g.send("y\r");
        g.answer(KIDNEY, "y");
        // Enter keeps the saved answer.
        for item in [OLDER, PREGNANT, EPILEPSY, DRIVES] {
            g.answer(item, "");
        }
        g.expect("Kidneyproblems(kidney):yes");
        assert_eq!(g.finish(), 0, "{}", g.screen());
        let env = g.into_env();
        let saved: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(env.profile_path()).expect("read"))
                .expect("JSON");
        assert_eq!(
            saved["answers"],
            serde_json::json!({"kidney": true, "older": false, "pregnant": false, "epilepsy": false, "drives": false})
        );
    }

    #[test]
    fn kidney_problems_answered_in_the_terminal_make_severe_sleepiness_an_emergency() {
        let env = Env::new();
        env.save_profile(serde_json::json!({
            "kidney": true, "older": false, "pregnant": false, "epilepsy": false, "drives": false
        }));
        let mut g = Guided::new(env);
        g.walk_to("drowsiness");
        g.answer("how bad was your sleepiness in the daytime", "3");
        let shown = g.expect("I have read this.");
        assert!(shown.contains("EMERGENCY"), "{shown}");
        assert!(
            shown.contains("leavesyourbodythroughyourkidneys"),
            "{shown}"
        );
        g.send("\r");
        g.expect("how bad was your dizziness");
        g.ctrl_c();
        g.expect(STOPPED);
        assert_eq!(g.finish(), 130, "{}", g.screen());
        let record = g.record();
        let ids: Vec<&str> = record["alerts"]
            .as_array()
            .expect("alerts")
            .iter()
            .filter_map(|a| a["id"].as_str())
            .collect();
        assert_eq!(ids, ["overdose_signs_at_risk"]);
    }
}
