//! The guided check in a real pseudo-terminal: what a person sees and what is saved.
//!
//! expectrl makes its own pseudo-terminal, so these run on CI with no terminal.
//! inquire redraws and wraps lines, so screen text is matched with the ANSI codes
//! and all whitespace taken out.

#![cfg(unix)]

use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{ControlCode, Expect, Session};
use serde_json::Value;

use crate::support::*;

/// How long any one screen may take to appear, even on a slow, busy machine.
const TIMEOUT: Duration = Duration::from_secs(20);

const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";

/// Takes out ANSI escape sequences and whitespace. Returns the bytes left and, for
/// each, the index just past it in `raw`.
fn plain(raw: &[u8]) -> (Vec<u8>, Vec<usize>) {
    let mut out = Vec::new();
    let mut ends = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            0x1b => {
                i += 1;
                match raw.get(i) {
                    // CSI: parameters, then one final byte in 0x40..=0x7e.
                    Some(b'[') => {
                        i += 1;
                        while i < raw.len() && !(0x40..=0x7e).contains(&raw[i]) {
                            i += 1;
                        }
                        i += 1;
                    }
                    // OSC: up to BEL or ESC \.
                    Some(b']') => {
                        while i < raw.len() && raw[i] != 0x07 && raw[i] != 0x1b {
                            i += 1;
                        }
                        i += 1;
                    }
                    Some(_) => i += 1,
                    None => {}
                }
            }
            b if b.is_ascii_whitespace() || b.is_ascii_control() => i += 1,
            b => {
                out.push(b);
                i += 1;
                ends.push(i);
            }
        }
    }
    (out, ends)
}

/// Text as it would read on the screen, without codes or whitespace.
fn squeeze(s: &str) -> Vec<u8> {
    plain(s.as_bytes()).0
}

/// A guided check running in its own pseudo-terminal, with everything it showed.
struct Guided {
    session: OsSession,
    /// Everything read so far, raw.
    seen: Vec<u8>,
    /// How much of `seen` earlier waits have used up.
    used: usize,
    /// The program closed the terminal.
    eof: bool,
    env: Env,
}

impl Guided {
    fn start(env: Env, args: &[&str], no_color: bool) -> Guided {
        let mut cmd = Command::new(bin());
        cmd.env_remove("SIDECHECK_DATA_DIR")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "en_US.UTF-8")
            .env("TERM", "xterm-256color")
            .arg("--data-dir")
            .arg(env.data_dir())
            .args(args);
        if no_color {
            cmd.env("NO_COLOR", "1");
        } else {
            cmd.env_remove("NO_COLOR");
        }
        let mut session = Session::spawn(cmd).expect("spawn sidecheck in a pseudo-terminal");
        // Our own waits below do not block, but nothing may ever wait forever.
        session.set_expect_timeout(Some(TIMEOUT));
        Guided {
            session,
            seen: Vec::new(),
            used: 0,
            eof: false,
            env,
        }
    }

    fn new(env: Env) -> Guided {
        Guided::start(env, &["check"], true)
    }

    /// Reads whatever the program has written so far, without blocking.
    fn pump(&mut self) {
        let mut buf = [0u8; 8192];
        while !self.eof {
            match self.session.try_read(&mut buf) {
                Ok(0) => self.eof = true,
                Ok(n) => self.seen.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                // The terminal is gone (Linux reports EIO once the program exits).
                Err(_) => self.eof = true,
            }
        }
    }

    /// Waits until `text` is on the screen after what earlier waits used up;
    /// returns what was shown up to and including it, plain.
    fn expect(&mut self, text: &str) -> String {
        let want = squeeze(text);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            self.pump();
            let (have, ends) = plain(&self.seen[self.used..]);
            if let Some(at) = have.windows(want.len()).position(|w| w == want.as_slice()) {
                let end = self.used + ends[at + want.len() - 1];
                let shown = plain(&self.seen[self.used..end]).0;
                self.used = end;
                return String::from_utf8_lossy(&shown).into_owned();
            }
            if self.eof {
                self.fail(&format!("the program ended before showing {text:?}"));
            }
            if Instant::now() > deadline {
                self.fail(&format!("timed out waiting for {text:?}"));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn fail(&mut self, why: &str) -> ! {
        panic!(
            "{why}\n--- the screen so far (codes and spaces removed) ---\n{}\n--- raw ---\n{:?}",
            String::from_utf8_lossy(&plain(&self.seen).0),
            String::from_utf8_lossy(&self.seen)
        );
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("send keys");
    }

    /// Waits for a question, then types `keys` and presses Enter.
    fn answer(&mut self, question: &str, keys: &str) -> String {
        let shown = self.expect(question);
        self.send(keys);
        self.send(ENTER);
        shown
    }

    fn ctrl_c(&mut self) {
        self.session
            .send(ControlCode::EndOfText)
            .expect("send Ctrl-C");
    }

    fn esc(&mut self) {
        self.session.send(ControlCode::Escape).expect("send Esc");
    }

    /// Reads to the end and returns the exit code.
    fn finish(&mut self) -> i32 {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            self.pump();
            match self.session.get_process().status() {
                Ok(WaitStatus::StillAlive) => {}
                Ok(WaitStatus::Exited(_, code)) => {
                    self.pump();
                    return code;
                }
                other => self.fail(&format!("did not exit normally: {other:?}")),
            }
            if Instant::now() > deadline {
                self.fail("timed out waiting for the program to end");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Everything shown, codes and whitespace removed.
    fn screen(&self) -> String {
        String::from_utf8_lossy(&plain(&self.seen).0).into_owned()
    }

    /// What the program showed after the last wait, plain, once it has had `quiet`
    /// to write more.
    fn unread_after(&mut self, quiet: Duration) -> String {
        std::thread::sleep(quiet);
        self.pump();
        String::from_utf8_lossy(&plain(&self.seen[self.used..]).0).into_owned()
    }

    /// The raw bytes of the last alert box shown so far, codes included.
    fn last_alert_box_raw(&mut self) -> String {
        let raw = String::from_utf8_lossy(&self.seen[..self.used]).into_owned();
        let top = raw.rfind('╔');
        let bottom = raw.rfind('╝');
        match (top, bottom) {
            (Some(t), Some(b)) if t < b => raw[t..b + '╝'.len_utf8()].to_string(),
            _ => self.fail("no alert box was shown"),
        }
    }

    fn records(&self) -> Vec<Value> {
        self.env.records()
    }

    /// The one saved record.
    fn record(&self) -> Value {
        let records = self.records();
        assert_eq!(records.len(), 1, "{records:?}");
        records[0].clone()
    }
}

/// A saved record's answers as (question, value).
fn answers(record: &Value) -> Vec<(String, Value)> {
    record["answers"]
        .as_array()
        .expect("answers")
        .iter()
        .map(|a| {
            (
                a["question"].as_str().unwrap_or_default().to_string(),
                a["value"].clone(),
            )
        })
        .collect()
}

fn answered(id: &str, value: Value) -> (String, Value) {
    (id.to_string(), value)
}

fn alert_ids(record: &Value) -> Vec<String> {
    record["alerts"]
        .as_array()
        .expect("alerts")
        .iter()
        .filter_map(|a| a["id"].as_str().map(str::to_string))
        .collect()
}

// Short, distinctive pieces of each question as it appears on screen.
const START: &str = "Press Enter to start";
const PUMP: &str = "from a pump under your skin?";
const DOSE_CHANGE: &str = "did you miss doses, take less baclofen";
const BREATHING: &str = "have you had trouble breathing?";
const SEIZURE: &str = "have you had a seizure?";
const SUICIDAL: &str = "thoughts of hurting or killing yourself?";
const PLAN: &str = "made a plan to act on these thoughts";
const BEHAVIOR: &str = "In the last 3 months, have you done anything to get ready";
const HALLUCINATIONS: &str = "seen or heard things that other people could not?";
const FEVER: &str = "a high fever or very stiff muscles?";
const UPSET_STOMACH: &str = "how bad was your upset stomach";
const DROWSINESS: &str = "how bad was your sleepiness in the daytime";
const DIZZINESS: &str = "how bad was your dizziness";
const ACKNOWLEDGE: &str = "I have read this.";
const STOPPED: &str = "saved as an incomplete check-in";

/// Answers the first two questions (how baclofen is taken) with "no".
fn no_pump_no_dose_change(g: &mut Guided) {
    g.answer(PUMP, "n");
    g.answer(DOSE_CHANGE, "n");
}

/// What the two first answers save.
fn context_answers() -> Vec<(String, Value)> {
    vec![
        answered("pump", false.into()),
        answered("dose_change", false.into()),
    ]
}

#[test]
fn an_urgent_answer_shows_the_alert_before_the_next_question() {
    let mut g = Guided::new(Env::new());
    g.answer(START, "");
    no_pump_no_dose_change(&mut g);
    g.answer(BREATHING, "y");

    let up_to_alert = g.expect("EMERGENCY");
    assert!(!up_to_alert.contains("seizure"), "{up_to_alert}");
    let alert = g.expect(ACKNOWLEDGE);
    assert!(alert.contains("911"), "no 911 in the alert: {alert}");
    assert!(alert.contains("Youhadtroublebreathing"), "{alert}");
    assert!(!alert.contains("seizure"), "{alert}");
    // The alert stays until it is acknowledged: no next question meanwhile.
    let meanwhile = g.unread_after(Duration::from_millis(500));
    assert!(!meanwhile.contains("seizure"), "{meanwhile}");

    g.send(ENTER);
    g.expect(SEIZURE);
    g.ctrl_c();
    g.expect(STOPPED);
    assert_eq!(g.finish(), 130, "{}", g.screen());
    let record = g.record();
    assert_eq!(record["status"], "stopped");
    let mut want = context_answers();
    want.push(answered("breathing", true.into()));
    assert_eq!(answers(&record), want);
    assert_eq!(alert_ids(&record), vec!["breathing"]);
}

#[test]
fn ctrl_c_partway_saves_a_stopped_check_in_and_exits_130() {
    let mut g = Guided::new(Env::new());
    g.answer(START, "");
    no_pump_no_dose_change(&mut g);
    g.answer(BREATHING, "n");
    g.answer(SEIZURE, "n");
    g.answer(SUICIDAL, "n");
    g.answer(HALLUCINATIONS, "n");
    g.answer(FEVER, "n");
    g.answer(UPSET_STOMACH, "");
    g.expect(DROWSINESS);
    g.send(DOWN);
    g.expect(">Mild");
    g.send(ENTER);
    g.expect(DIZZINESS);
    g.ctrl_c();
    let stopped = g.expect(STOPPED);
    assert!(stopped.contains("9answers"), "{stopped}");
    assert_eq!(g.finish(), 130, "{}", g.screen());

    let record = g.record();
    assert_eq!(record["status"], "stopped");
    let mut want = context_answers();
    want.extend([
        answered("breathing", false.into()),
        answered("seizure", false.into()),
        answered("suicidal_thoughts", false.into()),
        answered("hallucinations", false.into()),
        answered("fever_stiffness", false.into()),
        answered("upset_stomach", "none".into()),
        answered("drowsiness", "mild".into()),
    ]);
    assert_eq!(answers(&record), want);
    assert_eq!(alert_ids(&record), Vec::<String>::new());
}

#[test]
fn esc_goes_back_and_the_changed_answer_is_saved() {
    let mut g = Guided::new(Env::new());
    g.answer(START, "");
    no_pump_no_dose_change(&mut g);
    g.answer(BREATHING, "n");
    g.answer(SEIZURE, "n");
    g.answer(SUICIDAL, "n");
    g.answer(HALLUCINATIONS, "n");
    g.answer(FEVER, "n");
    g.answer(UPSET_STOMACH, "");
    g.expect(DROWSINESS);
    g.esc();
    // Back at the stomach question, starting on the earlier answer.
    let back = g.expect(UPSET_STOMACH);
    assert!(!back.contains("dizziness"), "{back}");
    g.expect(">None");
    g.send(DOWN);
    g.expect(">Mild");
    g.send(ENTER);
    // On again, and a scale answered two steps down is "moderate".
    g.expect(DROWSINESS);
    g.send(DOWN);
    g.expect(">Mild");
    g.send(DOWN);
    g.expect(">Moderate");
    g.send(ENTER);
    g.expect(DIZZINESS);
    g.ctrl_c();
    g.expect(STOPPED);
    assert_eq!(g.finish(), 130, "{}", g.screen());

    let saved = answers(&g.record());
    assert!(
        saved.contains(&answered("upset_stomach", "mild".into())),
        "{saved:?}"
    );
    assert!(
        saved.contains(&answered("drowsiness", "moderate".into())),
        "{saved:?}"
    );
    assert_eq!(saved.len(), 9, "{saved:?}");
}

#[test]
fn going_back_to_a_yes_no_question_offers_the_earlier_answer_and_can_change_it() {
    let mut g = Guided::new(Env::new());
    g.answer(START, "");
    no_pump_no_dose_change(&mut g);
    g.answer(BREATHING, "n");
    g.answer(SEIZURE, "n");
    g.expect(SUICIDAL);
    g.esc();
    g.expect(SEIZURE);
    // The earlier "no" is now the default.
    g.expect("(y/N)");
    g.send("y");
    g.send(ENTER);
    // Changing the answer to yes raises its alert before anything else.
    let alert = g.expect(ACKNOWLEDGE);
    assert!(alert.contains("Youhadaseizure"), "{alert}");
    assert!(alert.contains("911"), "{alert}");
    assert!(!alert.contains("killing"), "{alert}");
    g.send(ENTER);
    g.expect(SUICIDAL);
    g.ctrl_c();
    g.expect(STOPPED);
    assert_eq!(g.finish(), 130, "{}", g.screen());

    let record = g.record();
    let mut want = context_answers();
    want.extend([
        answered("breathing", false.into()),
        answered("seizure", true.into()),
    ]);
    assert_eq!(answers(&record), want);
    assert_eq!(alert_ids(&record), vec!["seizure"]);
}

#[test]
fn esc_at_the_first_question_stays_there() {
    let mut g = Guided::new(Env::new());
    g.answer(START, "");
    g.expect(PUMP);
    g.esc();
    g.expect("This is the first question.");
    g.answer(PUMP, "n");
    g.expect(DOSE_CHANGE);
    g.ctrl_c();
    g.expect(STOPPED);
    assert_eq!(g.finish(), 130, "{}", g.screen());
    assert_eq!(answers(&g.record()), vec![answered("pump", false.into())]);
}

#[test]
fn a_whole_check_in_the_terminal_is_saved_as_completed() {
    let mut g = Guided::new(Env::new());
    g.answer(START, "");
    no_pump_no_dose_change(&mut g);
    g.answer(BREATHING, "n");
    g.answer(SEIZURE, "n");
    g.answer(SUICIDAL, "n");
    g.answer(HALLUCINATIONS, "n");
    g.answer(FEVER, "n");
    for scale in [
        UPSET_STOMACH,
        DROWSINESS,
        DIZZINESS,
        "how bad was your trouble sleeping at night",
        "how bad was your muscle weakness",
        "how bad was your confusion",
        "how bad was feeling sad",
    ] {
        g.answer(scale, "");
    }
    g.answer("make you feel high", "");
    g.answer("more baclofen than your prescriber", "n");
    g.answer("needed more baclofen to get the same effect?", "n");
    g.expect("did you drink alcohol");
    g.answer("Question 18 of 19", "n");
    g.expect("anything else about the last 7 days");
    g.answer("Question 19 of 19", "Slept badly on Monday");
    g.expect("Saved to");
    assert_eq!(g.finish(), 0, "{}", g.screen());

    let record = g.record();
    assert_eq!(record["status"], "completed");
    let saved = answers(&record);
    assert_eq!(saved.len(), 19, "{saved:?}");
    assert!(
        saved.contains(&answered("notes", "Slept badly on Monday".into())),
        "{saved:?}"
    );
    assert_eq!(alert_ids(&record), Vec::<String>::new());
}

#[test]
fn no_color_alert_box_has_no_colour_codes() {
    let mut g = Guided::new(Env::new());
    g.answer(START, "");
    no_pump_no_dose_change(&mut g);
    g.answer(BREATHING, "y");
    g.expect(ACKNOWLEDGE);
    let shown = g.last_alert_box_raw();
    assert!(shown.contains("EMERGENCY"), "{shown:?}");
    assert!(
        !shown.contains('\x1b'),
        "escape codes with NO_COLOR: {shown:?}"
    );
    g.ctrl_c();
    g.expect(STOPPED);
    assert_eq!(g.finish(), 130, "{}", g.screen());

    // Without NO_COLOR the same box is coloured, so the check above can fail.
    let mut g = Guided::start(Env::new(), &["check"], false);
    g.answer(START, "");
    no_pump_no_dose_change(&mut g);
    g.answer(BREATHING, "y");
    g.expect(ACKNOWLEDGE);
    let shown = g.last_alert_box_raw();
    assert!(shown.contains("\x1b[1;97;41m"), "{shown:?}");
    g.ctrl_c();
    g.expect(STOPPED);
    assert_eq!(g.finish(), 130, "{}", g.screen());
}

#[test]
fn stopping_at_an_alert_saves_what_was_answered() {
    let mut g = Guided::new(Env::new());
    g.answer(START, "");
    no_pump_no_dose_change(&mut g);
    g.answer(BREATHING, "n");
    g.answer(SEIZURE, "y");
    g.answer(ACKNOWLEDGE, "n");
    g.expect(STOPPED);
    assert_eq!(g.finish(), 0, "{}", g.screen());
    let record = g.record();
    assert_eq!(record["status"], "stopped");
    assert_eq!(alert_ids(&record), vec!["seizure"]);
}

#[test]
fn not_starting_saves_nothing() {
    let mut g = Guided::new(Env::new());
    g.answer(START, "n");
    g.expect("Nothing was saved");
    assert_eq!(g.finish(), 0, "{}", g.screen());
    assert!(g.records().is_empty());
    assert!(!g.screen().contains("troublebreathing"), "{}", g.screen());
}

#[test]
fn ctrl_c_before_the_first_question_exits_130_and_saves_nothing() {
    let mut g = Guided::new(Env::new());
    g.expect(START);
    g.ctrl_c();
    g.expect("Nothing was saved");
    assert_eq!(g.finish(), 130, "{}", g.screen());
    assert!(g.records().is_empty());
}

#[test]
fn an_unusable_data_folder_is_reported_before_the_first_question() {
    let env = Env::new();
    // A file where the data folder should be.
    env.file("data", "not a folder");
    let mut g = Guided::new(env);
    g.expect("--data-dir");
    assert_eq!(g.finish(), 1, "{}", g.screen());
    let screen = g.screen();
    assert!(screen.contains("datafolder"), "{screen}");
    assert!(!screen.contains("PressEnter"), "{screen}");
    assert!(!screen.contains("troublebreathing"), "{screen}");
}

#[test]
fn the_suicide_screen_shows_one_alert_after_its_last_question() {
    // "y" to thoughts brings no box: the plan and behaviour questions come first,
    // and "n" to each ends the screen with the crisis box.
    let mut g = Guided::new(Env::new());
    g.answer(START, "");
    no_pump_no_dose_change(&mut g);
    g.answer(BREATHING, "n");
    g.answer(SEIZURE, "n");
    g.answer(SUICIDAL, "y");
    let before_plan = g.answer(PLAN, "n");
    assert!(!before_plan.contains("GETSUPPORTNOW"), "{before_plan}");
    assert!(!before_plan.contains(ACKNOWLEDGE), "{before_plan}");
    let before_behavior = g.answer(BEHAVIOR, "n");
    assert!(
        !before_behavior.contains("GETSUPPORTNOW"),
        "{before_behavior}"
    );
    let alert = g.expect(ACKNOWLEDGE);
    assert!(alert.contains("GETSUPPORTNOW"), "{alert}");
    assert!(alert.contains("988"), "{alert}");
    assert!(!alert.contains("EMERGENCY"), "{alert}");
    // "n" at the alert stops here; the screen was finished, so the record is whole.
    g.send("n");
    g.send(ENTER);
    g.expect(STOPPED);
    assert_eq!(g.finish(), 0, "{}", g.screen());
    let record = g.record();
    assert_eq!(alert_ids(&record), vec!["suicidal_thoughts"]);
    let saved = answers(&record);
    assert!(
        saved.contains(&answered("suicidal_behavior", false.into())),
        "{saved:?}"
    );

    // A plan: one emergency box, never a crisis box before it.
    let mut g = Guided::new(Env::new());
    g.answer(START, "");
    no_pump_no_dose_change(&mut g);
    g.answer(BREATHING, "n");
    g.answer(SEIZURE, "n");
    g.answer(SUICIDAL, "y");
    g.answer(PLAN, "y");
    g.answer(BEHAVIOR, "n");
    let alert = g.expect(ACKNOWLEDGE);
    assert!(alert.contains("EMERGENCY"), "{alert}");
    assert!(!alert.contains("GETSUPPORTNOW"), "{alert}");
    g.send("n");
    g.send(ENTER);
    g.expect(STOPPED);
    assert_eq!(g.finish(), 0, "{}", g.screen());
    assert_eq!(alert_ids(&g.record()), vec!["suicide_emergency"]);
    assert!(!g.screen().contains("GETSUPPORTNOW"), "{}", g.screen());
}
