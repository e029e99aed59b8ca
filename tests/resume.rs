//! `sidecheck check --resume`: finishing the stopped check-in, with an answers file
//! and in a real pseudo-terminal; when it cannot be finished (another bank version,
//! older than the recall period, nothing stopped); and the hint at a guided start
//! after a check-in was stopped.

use serde_json::{Value, json};

use crate::support::*;

const STOPPED_ID: &str = "20261201-080000-00000000beef";

/// A stopped check-in of its first `kept` answers of `whole`, started `hours` ago.
fn stopped(whole: &Value, kept: usize, hours: i64) -> Value {
    let r = stopped_after(&template_record(whole), kept, STOPPED_ID);
    record_at(&r, STOPPED_ID, &now_minus_hours(hours))
}

/// The saved value of one question.
fn value_of<'a>(record: &'a Value, question: &str) -> &'a Value {
    record["answers"]
        .as_array()
        .and_then(|a| a.iter().find(|a| a["question"] == question))
        .map(|a| &a["value"])
        .unwrap_or(&Value::Null)
}

/// How many questions the bundled bank asks of someone with no pump and no dose change.
const BASE: usize = 19;

fn questions(record: &Value) -> Vec<String> {
    record["answers"]
        .as_array()
        .expect("answers")
        .iter()
        .map(|a| a["question"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn resume_with_answers_fills_the_rest_and_saves_a_new_record_that_completes_the_stopped_one() {
    let env = Env::new();
    let whole = answers_with(json!({"breathing": true, "drowsiness": "moderate"}));
    // Stopped after drowsiness, the 9th question.
    let before = stopped(&whole, 9, 30);
    append_log(&env, &[before.to_string()]);
    let log_before = std::fs::read(env.log_path()).expect("the log");

    // The file also says "no" to breathing: the earlier answer is kept, and said so.
    let mut file = whole.clone();
    file["breathing"] = json!(false);
    let out = env.check(&file, &["--resume"]).code(0);
    let err = stderr(&out);
    // The earlier answers come first, as one short list...
    let list = err.find("Your answers so far:").expect(&err);
    assert!(err[list..].contains("  Trouble breathing: Yes\n"), "{err}");
    assert!(err[list..].contains("  Drowsiness: Moderate\n"), "{err}");
    let flat = err.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!("stopped after 9 of {BASE} questions")),
        "{err}"
    );
    // ...and the urgent alert those answers raised is shown again, before the save.
    let alert = err.find("EMERGENCY").expect(&err);
    assert!(
        list < alert && alert < err.find("Saved to").expect(&err),
        "{err}"
    );
    assert!(
        err.contains("kept the earlier answer to \"breathing\""),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "It finishes the check-in you stopped ({STOPPED_ID})"
        )),
        "{err}"
    );

    // The stopped line is still there, byte for byte; the new record follows it.
    let log_after = std::fs::read(env.log_path()).expect("the log");
    assert_eq!(&log_after[..log_before.len()], &log_before[..]);
    let records = env.records();
    assert_eq!(records.len(), 2);
    let done = &records[1];
    assert_eq!(done["status"], "completed");
    assert_eq!(done["schema"], 3);
    assert_eq!(done["completes"], STOPPED_ID);
    assert_ne!(done["id"], STOPPED_ID);
    // It is the check-in that started then, with every answer, the earlier ones kept.
    assert_eq!(done["started_at"], before["started_at"]);
    assert_eq!(questions(done).len(), BASE);
    assert_eq!(value_of(done, "breathing"), true);
    assert_eq!(value_of(done, "drowsiness"), "moderate");
    assert_eq!(done["alerts"][0]["id"], "breathing");

    // Now it is finished, there is nothing left to resume.
    env.check(&whole, &["--resume"])
        .code(0)
        .stderr_has("was completed; there is nothing to finish");
    let records = env.records();
    assert_eq!(records.len(), 3);
    assert!(records[2].get("completes").is_none(), "{}", records[2]);
}

#[test]
fn resume_after_the_bank_version_changed_starts_a_new_check_in() {
    let env = Env::new();
    let mut before = stopped(&calm_answers(), 5, 1);
    before["bank"]["version"] = json!("0.9.0");
    append_log(&env, &[before.to_string()]);
    let out = env.check(&calm_answers(), &["--resume"]).code(0);
    let err = stderr(&out);
    assert!(
        err.contains("used the questions of baclofen 0.9.0, and these are baclofen 1.1.0"),
        "{err}"
    );
    assert!(err.contains("a new check-in starts instead"), "{err}");
    assert!(!err.contains("Your answers so far"), "{err}");
    let records = env.records();
    assert_eq!(records.len(), 2);
    assert!(records[1].get("completes").is_none(), "{}", records[1]);
    // Both are check-ins of their own.
    let out = env.cmd().arg("history").output().expect("history");
    assert!(
        stdout(&out).contains("2 check-ins (1 completed, 1 stopped)"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn resume_of_a_check_in_older_than_7_days_starts_a_new_check_in() {
    let env = Env::new();
    append_log(&env, &[stopped(&calm_answers(), 5, 7 * 24 + 1).to_string()]);
    let out = env.check(&calm_answers(), &["--resume"]).code(0);
    let err = stderr(&out);
    assert!(err.contains("started more than 7 days ago"), "{err}");
    assert!(err.contains("a new check-in starts instead"), "{err}");
    let records = env.records();
    assert_eq!(records.len(), 2);
    assert!(records[1].get("completes").is_none(), "{}", records[1]);

    // Six days ago is still within the recall period.
    let env = Env::new();
    append_log(&env, &[stopped(&calm_answers(), 5, 6 * 24).to_string()]);
    env.check(&calm_answers(), &["--resume"]).code(0);
    assert_eq!(env.records()[1]["completes"], STOPPED_ID);
}

#[test]
fn resume_with_nothing_stopped_says_so_and_starts_a_new_check_in() {
    let env = Env::new();
    env.check(&calm_answers(), &["--resume"])
        .code(0)
        .stderr_has("there is no stopped check-in to finish");
    assert_eq!(env.records().len(), 1);

    // A file that only fills the rest is not enough for a new check-in.
    env.check(&json!({"notes": "later"}), &["--resume"])
        .code(2)
        .stderr_has("missing an answer to \"pump\"");
}

#[test]
fn resume_with_answers_needs_only_the_questions_still_open() {
    let env = Env::new();
    let whole = calm_answers();
    append_log(&env, &[stopped(&whole, BASE - 2, 2).to_string()]);
    let rest = json!({"alcohol_sedatives": false, "notes": "second half"});
    env.check(&rest, &["--resume"]).code(0);
    let done = env.records().pop().expect("a record");
    assert_eq!(done["completes"], STOPPED_ID);
    assert_eq!(questions(&done).len(), BASE);
    assert_eq!(value_of(&done, "notes"), "second half");
}

#[test]
fn version_1_records_are_still_read_and_resumed() {
    let env = Env::new();
    let mut before = stopped(&calm_answers(), 5, 2);
    before["schema"] = json!(1);
    append_log(&env, &[before.to_string()]);
    let out = env.cmd().arg("history").output().expect("history");
    assert!(
        stdout(&out).contains("1 check-in (0 completed, 1 stopped)"),
        "{}",
        stdout(&out)
    );
    env.check(&calm_answers(), &["--resume"]).code(0);
    assert_eq!(env.records()[1]["completes"], STOPPED_ID);
}

#[cfg(unix)]
mod guided {
    //! In a pseudo-terminal, with the helpers of `pty`: waits match plain words
    //! (codes and spaces taken out).

    use crate::pty::{Guided, squeeze};

    use super::*;

    const START: &str = "Press Enter to start";
    const CARRY_ON: &str = "Press Enter to carry on";
    const HINT: &str = "To finish it, run `sidecheck check --resume`.";

    /// Text as a wait returns it: codes and whitespace taken out.
    fn plain(text: &[u8]) -> String {
        String::from_utf8_lossy(&squeeze(&String::from_utf8_lossy(text))).into_owned()
    }

    #[test]
    fn after_ctrl_c_the_next_guided_start_says_how_to_finish_the_check_in() {
        let env = Env::new();
        let mut g = Guided::start(env, &["check"], true);
        g.walk_to("suicidal_thoughts");
        g.expect("thoughts of hurting or killing yourself?");
        g.ctrl_c();
        // The end-of-check message says how to carry on.
        g.expect("saved as an incomplete check-in");
        g.expect("To finish it later, run `sidecheck check --resume`.");
        assert_eq!(g.finish(), 130);
        assert_eq!(g.records()[0]["status"], "stopped");

        // The next guided start says so before the first question.
        let mut g = Guided::start(g.into_env(), &["check"], true);
        let shown = g.expect(HINT);
        assert!(
            shown.contains(&plain(
                format!("was stopped after 4 of {BASE} questions.").as_bytes()
            )),
            "{shown}"
        );
        g.answer(START, "n");
        g.expect("Nothing was saved");
        assert_eq!(g.finish(), 0);
        assert_eq!(g.records().len(), 1);
    }

    #[test]
    fn no_hint_when_the_last_check_in_was_completed() {
        let env = Env::new();
        check_saved(&env, &calm_answers());
        let mut g = Guided::start(env, &["check"], true);
        let shown = g.expect(START);
        assert!(!shown.contains(&plain(HINT.as_bytes())), "{shown}");
        g.ctrl_c();
        g.finish();
    }

    #[test]
    fn resume_in_a_terminal_lists_the_earlier_answers_and_goes_on_from_the_first_open_question() {
        let env = Env::new();
        // Stopped before the last two questions, with an urgent answer among the first.
        let whole = answers_with(json!({"breathing": true, "dizziness": "mild"}));
        append_log(&env, &[stopped(&whole, BASE - 2, 3).to_string()]);

        let mut g = Guided::start(env, &["check", "--resume"], true);
        let list = g.expect("Your answers so far:");
        assert!(
            list.contains(&plain(
                format!("stopped after {} of {BASE} questions", BASE - 2).as_bytes()
            )),
            "{list}"
        );
        g.expect("Trouble breathing: Yes");
        g.expect("Dizziness: Mild");
        // The alert those answers raised is shown again before anything is asked.
        g.expect("EMERGENCY");
        g.expect("call 911");
        // The alert sits right above the prompt, after the intro, so it stays on the screen.
        let before = g.answer(CARRY_ON, "");
        assert!(!before.contains("Thischeckisnotadiagnosis"), "{before}");
        assert!(!before.contains("Question1of"), "{before}");
        // The first question not answered yet, not the first question.
        let asked = g.answer("did you drink alcohol", "n");
        assert!(!asked.contains("troublebreathing?"), "{asked}");
        g.answer(
            "anything else about the last 7 days",
            "Finished the next day",
        );
        g.expect("Saved to");
        g.expect("It finishes the check-in you stopped");
        assert_eq!(g.finish(), 0);

        let records = g.records();
        assert_eq!(records.len(), 2);
        let done = &records[1];
        assert_eq!(done["status"], "completed");
        assert_eq!(done["completes"], STOPPED_ID);
        assert_eq!(questions(done).len(), BASE);
        assert_eq!(value_of(done, "breathing"), true);
        assert_eq!(value_of(done, "dizziness"), "mild");
        assert_eq!(value_of(done, "alcohol_sedatives"), false);
        assert_eq!(value_of(done, "notes"), "Finished the next day");
        assert_eq!(done["alerts"][0]["id"], "breathing");
    }
}

#[test]
fn finishing_a_stopped_check_in_keeps_the_alerts_it_showed_and_the_ones_it_retracted() {
    let env = Env::new();
    let whole = answers_with(json!({"breathing": true}));
    let mut before = stopped(&whole, 9, 30);
    // The stopped check-in showed the breathing alert, and a crisis alert that was
    // then taken back (the person went back and answered "no").
    before["schema"] = json!(3);
    before["alerts"][0]["shown_at"] = json!("2026-12-01T08:01:00.000+01:00");
    let retracted = json!([{
        "id": "suicidal_thoughts",
        "question": "suicidal_thoughts",
        "level": "crisis",
        "title": "You have thoughts of hurting or killing yourself",
        "shown_at": "2026-12-01T08:02:00.000+01:00",
        "retracted_at": "2026-12-01T08:03:00.000+01:00"
    }]);
    before["retracted_alerts"] = retracted.clone();
    assert_eq!(before["alerts"][0]["id"], "breathing", "{before}");
    append_log(&env, &[before.to_string()]);

    env.check(&whole, &["--resume"]).code(0);
    let done = &env.records()[1];
    assert_eq!(done["completes"], STOPPED_ID);
    // The finished record stands in for the stopped one, so it carries both.
    assert_eq!(done["retracted_alerts"], retracted);
    assert_eq!(done["alerts"][0]["id"], "breathing");
    assert_eq!(
        done["alerts"][0]["shown_at"],
        "2026-12-01T08:01:00.000+01:00"
    );
}
