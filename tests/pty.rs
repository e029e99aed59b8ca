//! The guided check in a real pseudo-terminal: what a person sees and what is saved.
//!
//! expectrl makes its own pseudo-terminal, so these run on CI with no terminal.
//! The prompts redraw and wrap lines, so screen text is matched with the ANSI codes
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
const UP: &str = "\x1b[A";

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
pub(crate) fn squeeze(s: &str) -> Vec<u8> {
    plain(s.as_bytes()).0
}

/// A guided check running in its own pseudo-terminal, with everything it showed.
pub(crate) struct Guided {
    session: OsSession,
    /// Everything read so far, raw.
    seen: Vec<u8>,
    /// How much of `seen` earlier waits have used up.
    used: usize,
    /// The program closed the terminal.
    eof: bool,
    env: Env,
}

/// The command for a guided check against `env`'s data folder, in a plain English
/// locale, on an ordinary terminal type.
pub(crate) fn guided_command(env: &Env, args: &[&str], no_color: bool) -> Command {
    let mut cmd = Command::new(bin());
    cmd.env_remove("SIDECHECK_DATA_DIR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("SIDECHECK_LANG")
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
    cmd
}

impl Guided {
    pub(crate) fn start(env: Env, args: &[&str], no_color: bool) -> Guided {
        let cmd = guided_command(&env, args, no_color);
        Guided::spawn(env, cmd)
    }

    /// Spawns `cmd` with every "about you" item answered "no" in `env` (unless a
    /// profile or something other than a folder is there already), so the check
    /// goes straight to its first question.
    pub(crate) fn spawn(env: Env, cmd: Command) -> Guided {
        let dir = env.data_dir();
        if !env.profile_path().exists() && (dir.is_dir() || !dir.exists()) {
            env.save_profile(all_no_profile());
        }
        Guided::spawn_first_run(env, cmd)
    }

    /// Spawns `cmd` as it is: with no profile saved, the check asks about you first.
    pub(crate) fn spawn_first_run(env: Env, cmd: Command) -> Guided {
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

    pub(crate) fn new(env: Env) -> Guided {
        Guided::start(env, &["check"], true)
    }

    pub(crate) fn pid(&self) -> String {
        self.session.get_process().pid().to_string()
    }

    /// Sends a signal from outside, as `kill -s NAME` does.
    pub(crate) fn kill(&self, signal: &str) {
        let status = Command::new("kill")
            .args(["-s", signal, &self.pid()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -s {signal} failed");
    }

    /// Waits until the program is stopped (job control), reading what it shows.
    pub(crate) fn wait_until_stopped(&mut self) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            self.pump();
            let stat =
                std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).unwrap_or_default();
            // The state is the field after the parenthesised name.
            let state = stat.rsplit(") ").next().and_then(|r| r.chars().next());
            if state == Some('T') {
                return;
            }
            if Instant::now() > deadline {
                self.fail(&format!("the program did not stop (state {state:?})"));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Counts everything shown so far as seen: later waits look only at what comes next.
    pub(crate) fn skip_shown(&mut self) {
        self.pump();
        self.used = self.seen.len();
    }

    /// Reads whatever the program has written so far, without blocking.
    pub(crate) fn pump(&mut self) {
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
    pub(crate) fn expect(&mut self, text: &str) -> String {
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

    pub(crate) fn fail(&mut self, why: &str) -> ! {
        panic!(
            "{why}\n--- the screen so far (codes and spaces removed) ---\n{}\n--- raw ---\n{:?}",
            String::from_utf8_lossy(&plain(&self.seen).0),
            String::from_utf8_lossy(&self.seen)
        );
    }

    pub(crate) fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("send keys");
    }

    /// Waits for a question, then types `keys` and presses Enter.
    pub(crate) fn answer(&mut self, question: &str, keys: &str) -> String {
        let shown = self.expect(question);
        self.send(keys);
        self.send(ENTER);
        shown
    }

    pub(crate) fn ctrl_c(&mut self) {
        self.session
            .send(ControlCode::EndOfText)
            .expect("send Ctrl-C");
    }

    pub(crate) fn esc(&mut self) {
        self.session.send(ControlCode::Escape).expect("send Esc");
    }

    /// Reads to the end and returns the exit code.
    pub(crate) fn finish(&mut self) -> i32 {
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
    pub(crate) fn screen(&self) -> String {
        String::from_utf8_lossy(&plain(&self.seen).0).into_owned()
    }

    /// What the program showed after the last wait, plain, once it has had `quiet`
    /// to write more.
    pub(crate) fn unread_after(&mut self, quiet: Duration) -> String {
        std::thread::sleep(quiet);
        self.pump();
        String::from_utf8_lossy(&plain(&self.seen[self.used..]).0).into_owned()
    }

    /// The raw bytes of the last alert box shown so far, codes included.
    pub(crate) fn last_alert_box_raw(&mut self) -> String {
        let raw = String::from_utf8_lossy(&self.seen[..self.used]).into_owned();
        let top = raw.rfind('╔');
        let bottom = raw.rfind('╝');
        match (top, bottom) {
            (Some(t), Some(b)) if t < b => raw[t..b + '╝'.len_utf8()].to_string(),
            _ => self.fail("no alert box was shown"),
        }
    }

    /// Gives the data folder back, for a second run against the same log.
    pub(crate) fn into_env(self) -> Env {
        self.env
    }

    pub(crate) fn records(&self) -> Vec<Value> {
        self.env.records()
    }

    /// The one saved record.
    pub(crate) fn record(&self) -> Value {
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
/// The last choice of the question asked after the start ("Are you answering for
/// yourself or for someone you care for?"), drawn once the question is whole;
/// Enter alone answers "For myself".
pub(crate) const WHO: &str = "For someone I care for";
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

/// The guided check as a calm check-in meets it, from the start screen to the last
/// question: no pump, no dose change, and "no" to the suicide screen's first question,
/// so no follow-up is asked. For each: the question's id, a distinctive piece of its
/// text, and the keys that answer it calmly ("n" to yes or no, Enter on "None" or
/// "Never", Enter on an empty note). The one at index `n` says "Question n of".
const CALM_WALK: &[(&str, &str, &str)] = &[
    ("start", START, ""),
    ("pump", PUMP, "n"),
    ("dose_change", DOSE_CHANGE, "n"),
    ("breathing", BREATHING, "n"),
    ("seizure", SEIZURE, "n"),
    ("suicidal_thoughts", SUICIDAL, "n"),
    ("hallucinations", HALLUCINATIONS, "n"),
    ("fever_stiffness", FEVER, "n"),
    ("upset_stomach", UPSET_STOMACH, ""),
    ("drowsiness", DROWSINESS, ""),
    ("dizziness", DIZZINESS, ""),
    ("insomnia", "how bad was your trouble sleeping at night", ""),
    ("weakness", "how bad was your muscle weakness", ""),
    ("confusion", "how bad was your confusion", ""),
    ("depression", "how bad was feeling sad", ""),
    ("euphoria", "make you feel high", ""),
    ("more_than_prescribed", "than your prescriber told you", "n"),
    ("tolerance", "to get the same effect?", "n"),
    ("alcohol_sedatives", "did you drink alcohol", "n"),
    ("notes", NOTES, ""),
];

impl Guided {
    /// From the start screen, answers every question before `question` (an id in
    /// `CALM_WALK`) calmly. The next wait finds `question` on the screen.
    pub(crate) fn walk_to(&mut self, question: &str) {
        self.walk_from("start", question);
    }

    /// Answers calmly from `from` (the question coming next) up to `to`, which is
    /// left unanswered; `to` may be "end", past the last question. The answers before
    /// `from` must ask no more questions than calm ones do, or the places are off.
    pub(crate) fn walk_from(&mut self, from: &str, to: &str) {
        let at = |id: &str| match id {
            "end" => CALM_WALK.len(),
            _ => CALM_WALK
                .iter()
                .position(|(q, _, _)| *q == id)
                .unwrap_or_else(|| panic!("{id:?} is not on the calm walk")),
        };
        let (from, to) = (at(from), at(to));
        assert!(from <= to, "the walk goes forward only");
        for (n, (_, text, keys)) in CALM_WALK.iter().enumerate().take(to).skip(from) {
            self.expect(text);
            // Then its place, drawn below the text: the keys go only to a prompt
            // that is all on the screen (an answered question's text is also drawn
            // again with its answer).
            if n > 0 {
                self.expect(&format!("Question {n} of"));
            }
            self.send(keys);
            self.send(ENTER);
            if n == 0 {
                self.answer(WHO, "");
            }
        }
    }
}

/// What the two first answers save.
fn context_answers() -> Vec<(String, Value)> {
    with_context(Vec::new())
}

/// The two first answers ("no", "no"), then these.
fn with_context(rest: Vec<(String, Value)>) -> Vec<(String, Value)> {
    let mut all = vec![
        answered("pump", false.into()),
        answered("dose_change", false.into()),
    ];
    all.extend(rest);
    all
}

#[test]
fn an_urgent_answer_shows_the_alert_before_the_next_question() {
    let mut g = Guided::new(Env::new());
    g.walk_to("breathing");
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
    g.walk_to("drowsiness");
    g.expect(DROWSINESS);
    g.send(DOWN);
    g.expect(">1Mild");
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
    g.walk_to("drowsiness");
    g.expect(DROWSINESS);
    g.esc();
    // Back at the stomach question, starting on the earlier answer.
    let back = g.expect(UPSET_STOMACH);
    assert!(!back.contains("dizziness"), "{back}");
    g.expect(">0None");
    g.send(DOWN);
    g.expect(">1Mild");
    g.send(ENTER);
    // On again, and a scale answered two steps down is "moderate".
    g.expect(DROWSINESS);
    g.send(DOWN);
    g.expect(">1Mild");
    g.send(DOWN);
    g.expect(">2Moderate");
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
    g.walk_to("suicidal_thoughts");
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
    g.answer(WHO, "");
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
    g.walk_to("alcohol_sedatives");
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
    g.walk_to("breathing");
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
    g.walk_to("breathing");
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
    g.walk_to("seizure");
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
    g.walk_to("suicidal_thoughts");
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
    g.walk_to("suicidal_thoughts");
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

#[test]
fn stopping_inside_the_suicide_screen_still_shows_its_alert() {
    // Ctrl-C at the plan question, and SIGTERM at the behaviour question: the person
    // is leaving, but the box the answers so far call for is shown before the end.
    for (stop_at, how, code) in [(PLAN, "ctrl-c", 130), (BEHAVIOR, "TERM", 143)] {
        let mut g = Guided::new(Env::new());
        g.walk_to("suicidal_thoughts");
        g.answer(SUICIDAL, "y");
        if stop_at == BEHAVIOR {
            g.answer(PLAN, "n");
        }
        g.expect(stop_at);
        if how == "ctrl-c" {
            g.ctrl_c();
        } else {
            g.kill(how);
        }
        let alert = g.expect("GET SUPPORT NOW");
        assert!(!alert.contains("Saving"), "{alert}");
        g.expect("988");
        g.expect("Saving");
        assert_eq!(g.finish(), code, "{}", g.screen());
        let record = g.record();
        assert_eq!(record["status"], "stopped");
        assert_eq!(alert_ids(&record), vec!["suicidal_thoughts"]);
    }
}

/// Answers the first two questions, the second "yes" (an emergency alert), reads the
/// alert, and waits at the third question. `signal` then comes from outside.
fn signal_after_an_urgent_alert(signal: &str, code: i32) {
    let mut g = Guided::new(Env::new());
    g.walk_to("seizure");
    g.answer(SEIZURE, "y");
    g.answer(ACKNOWLEDGE, "");
    g.expect(SUICIDAL);
    g.kill(signal);
    // A person who pressed Ctrl-C (or whose window is closing) sees the save begin.
    g.expect("Saving…");
    g.expect(STOPPED);
    assert_eq!(g.finish(), code, "{}", g.screen());
    let record = g.record();
    assert_eq!(record["status"], "stopped");
    assert_eq!(
        answers(&record),
        with_context(vec![
            answered("breathing", false.into()),
            answered("seizure", true.into()),
        ])
    );
    assert_eq!(alert_ids(&record), vec!["seizure"]);
}

#[test]
fn sighup_mid_check_saves_a_stopped_check_in_and_exits_129() {
    signal_after_an_urgent_alert("HUP", 129);
}

#[test]
fn sigterm_mid_check_saves_a_stopped_check_in_and_exits_143() {
    signal_after_an_urgent_alert("TERM", 143);
}

#[test]
fn sigint_from_outside_mid_check_saves_a_stopped_check_in_and_exits_130() {
    signal_after_an_urgent_alert("INT", 130);
}

#[test]
fn sigterm_before_the_first_question_saves_nothing_and_exits_143() {
    let mut g = Guided::new(Env::new());
    g.expect(START);
    g.kill("TERM");
    g.expect("Nothing was saved");
    assert_eq!(g.finish(), 143, "{}", g.screen());
    assert!(g.records().is_empty());
}

/// A pseudo-terminal of our own, so that the test can close it (expectrl signals the
/// program when its session is dropped). The program gets no controlling terminal, so
/// closing the window sends no SIGHUP at all: only the end of input says it is gone.
#[test]
fn a_closed_terminal_with_sighup_ignored_is_saved_and_the_program_exits_at_once() {
    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
    use std::os::unix::fs::OpenOptionsExt;
    use std::process::Stdio;

    let env = Env::new();
    env.save_profile(all_no_profile());
    let master =
        openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).expect("open a pty");
    grantpt(&master).expect("grantpt");
    unlockpt(&master).expect("unlockpt");
    let name = ptsname(&master, Vec::new()).expect("ptsname");
    let slave = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(libc::O_NOCTTY)
        .open(name.to_str().expect("pty name"))
        .expect("open the pty's terminal end");
    rustix::io::ioctl_fionbio(&master, true).expect("non-blocking pty");

    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("trap '' HUP; exec \"$0\" \"$@\"")
        .arg(bin())
        .args(["--data-dir"])
        .arg(env.data_dir())
        .arg("check")
        .env_remove("SIDECHECK_DATA_DIR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_US.UTF-8")
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1")
        .stdin(Stdio::from(slave.try_clone().expect("dup")))
        .stdout(Stdio::from(slave.try_clone().expect("dup")))
        .stderr(Stdio::from(slave));
    let mut child = cmd.spawn().expect("spawn sidecheck");
    // Only the program holds the terminal end now.
    drop(cmd);

    let mut seen = Vec::new();
    let wait_for = |seen: &mut Vec<u8>, text: &str| {
        let want = squeeze(text);
        let deadline = Instant::now() + TIMEOUT;
        let from = plain(seen).0.len();
        loop {
            let mut buf = [0u8; 8192];
            match rustix::io::read(&master, &mut buf) {
                Ok(n) if n > 0 => seen.extend_from_slice(&buf[..n]),
                _ => std::thread::sleep(Duration::from_millis(20)),
            }
            let have = plain(seen).0;
            if have[from..]
                .windows(want.len())
                .any(|w| w == want.as_slice())
            {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}: {}",
                String::from_utf8_lossy(&have)
            );
        }
    };
    let send = |keys: &str| {
        rustix::io::write(&master, keys.as_bytes()).expect("type");
    };
    wait_for(&mut seen, START);
    send(ENTER);
    wait_for(&mut seen, WHO);
    send(ENTER);
    wait_for(&mut seen, PUMP);
    send("n\r");
    wait_for(&mut seen, DOSE_CHANGE);
    send("n\r");
    wait_for(&mut seen, BREATHING);
    send("y\r");
    wait_for(&mut seen, ACKNOWLEDGE);
    send(ENTER);
    wait_for(&mut seen, SEIZURE);

    // The window closes.
    drop(master);
    let closed = Instant::now();
    let code = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status.code();
        }
        if closed.elapsed() > Duration::from_secs(5) {
            let _ = child.kill();
            panic!("still running 5 s after the terminal closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(code, Some(129));
    let records = env.records();
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0]["status"], "stopped");
    assert_eq!(
        answers(&records[0]),
        with_context(vec![answered("breathing", true.into())])
    );
    assert_eq!(alert_ids(&records[0]), vec!["breathing"]);
}

#[test]
fn ctrl_z_suspends_and_continuing_redraws_the_question() {
    let mut g = Guided::new(Env::new());
    g.answer(START, "");
    g.answer(WHO, "");
    g.expect(PUMP);
    // Ctrl-Z: the program stops (it does not type a "z").
    g.send("\x1a");
    g.wait_until_stopped();
    g.skip_shown();
    g.kill("CONT");
    g.expect(PUMP);
    g.answer("(y/n)", "n");
    g.expect(DOSE_CHANGE);
    // Stopped from outside, then `fg`: the question is drawn again.
    g.kill("TSTP");
    g.wait_until_stopped();
    g.skip_shown();
    g.kill("CONT");
    g.expect(DOSE_CHANGE);
    g.answer("(y/n)", "n");
    g.expect(BREATHING);
    g.ctrl_c();
    g.expect(STOPPED);
    assert_eq!(g.finish(), 130, "{}", g.screen());
    assert_eq!(answers(&g.record()), context_answers());
}

#[test]
fn term_dumb_shows_no_escape_codes_and_still_every_question_alert_and_number() {
    let env = Env::new();
    // Colour allowed (no NO_COLOR): the plain mode must still send none.
    let mut cmd = guided_command(&env, &["check"], false);
    cmd.env("TERM", "dumb");
    let mut g = Guided::spawn(env, cmd);
    g.walk_to("breathing");
    g.answer(BREATHING, "y");
    let alert = g.expect(ACKNOWLEDGE);
    assert!(alert.contains("EMERGENCY"), "{alert}");
    assert!(alert.contains("911"), "{alert}");
    g.send(ENTER);
    g.walk_from("seizure", "upset_stomach");
    let list = g.expect(UPSET_STOMACH);
    assert!(!list.contains("Mild"), "{list}");
    let list = g.expect("4VerysevereCommonsideeffects·Question8of19");
    assert!(list.contains("0None1Mild2Moderate3Severe"), "{list}");
    // A wrong answer is asked again; then a digit answers.
    g.answer("Type0-4", "7");
    g.expect("Please type one of 0-4");
    g.send("2");
    g.send(ENTER);
    g.expect(DROWSINESS);
    g.ctrl_c();
    g.expect(STOPPED);
    assert_eq!(g.finish(), 130, "{}", g.screen());
    let raw = String::from_utf8_lossy(&g.seen).into_owned();
    assert!(
        !raw.contains('\x1b'),
        "escape codes with TERM=dumb: {raw:?}"
    );
    assert_eq!(
        answers(&g.record()),
        with_context(vec![
            answered("breathing", true.into()),
            answered("seizure", false.into()),
            answered("suicidal_thoughts", false.into()),
            answered("hallucinations", false.into()),
            answered("fever_stiffness", false.into()),
            answered("upset_stomach", "moderate".into()),
        ])
    );
}

#[test]
fn up_at_none_stays_none_and_down_past_the_last_stays_last() {
    let mut g = Guided::new(Env::new());
    g.walk_to("upset_stomach");
    g.expect(UPSET_STOMACH);
    g.expect(">0None");
    g.send(UP);
    g.send(UP);
    g.send(ENTER);
    g.expect(DROWSINESS);
    for _ in 0..7 {
        g.send(DOWN);
    }
    g.expect(">4Verysevere");
    g.send(ENTER);
    // Very severe sleepiness is a sign of overdose: its alert, then stop there.
    g.expect(ACKNOWLEDGE);
    g.ctrl_c();
    g.expect(STOPPED);
    assert_eq!(g.finish(), 130, "{}", g.screen());
    let record = g.record();
    let saved = answers(&record);
    assert!(
        saved.contains(&answered("upset_stomach", "none".into())),
        "{saved:?}"
    );
    assert!(
        saved.contains(&answered("drowsiness", "very_severe".into())),
        "{saved:?}"
    );
    assert!(
        alert_ids(&record).contains(&"overdose_signs".to_string()),
        "{record}"
    );
}

#[test]
fn a_digit_moves_to_its_option_and_enter_chooses_it() {
    let mut g = Guided::new(Env::new());
    g.walk_to("upset_stomach");
    let list = g.expect("0-4 to move, Enter to choose");
    assert!(
        list.contains("0None1Mild2Moderate3Severe4Verysevere"),
        "{list}"
    );
    g.send("2");
    g.expect(">2Moderate");
    // A digit alone does not answer: the person sees the highlight first.
    let meanwhile = g.unread_after(Duration::from_millis(300));
    assert!(!meanwhile.contains("sleepiness"), "{meanwhile}");
    g.send(ENTER);
    g.expect(DROWSINESS);
    g.ctrl_c();
    g.expect(STOPPED);
    assert_eq!(g.finish(), 130, "{}", g.screen());
    assert!(
        answers(&g.record()).contains(&answered("upset_stomach", "moderate".into())),
        "{}",
        g.screen()
    );
}

#[test]
fn esc_at_an_alert_does_not_skip_it() {
    let mut g = Guided::new(Env::new());
    g.walk_to("breathing");
    g.answer(BREATHING, "y");
    g.expect(ACKNOWLEDGE);
    g.esc();
    g.expect("Esc does not go back from here: press Enter to go on");
    let meanwhile = g.unread_after(Duration::from_millis(500));
    assert!(!meanwhile.contains("seizure"), "{meanwhile}");
    g.send(ENTER);
    g.expect(SEIZURE);
    g.ctrl_c();
    g.expect(STOPPED);
    assert_eq!(g.finish(), 130, "{}", g.screen());
}

/// The rows of the last drawing of the prompt: what is on the screen now. Each
/// drawing starts by clearing to the end of the screen (`ESC [ J`).
fn last_frame(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    let start = text.rfind("\x1b[J").map(|i| i + 3).unwrap_or(0);
    let mut rows = Vec::new();
    for line in text[start..].split('\n') {
        // Take out the codes (colour, cursor moves), keep the spaces.
        let mut out = String::new();
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for d in chars.by_ref() {
                        if ('\x40'..='\x7e').contains(&d) {
                            break;
                        }
                    }
                }
            } else if c != '\r' {
                out.push(c);
            }
        }
        rows.push(out);
    }
    rows
}

#[test]
fn a_20_by_10_window_keeps_the_question_on_screen_while_choosing() {
    let mut g = Guided::new(Env::new());
    g.walk_to("upset_stomach");
    g.expect(UPSET_STOMACH);
    g.expect("Esc: back");
    // The window shrinks (SIGWINCH): the list is drawn again to fit.
    g.session
        .get_process_mut()
        .set_window_size(20, 10)
        .expect("resize the terminal");
    g.expect(">0None");
    g.send(DOWN);
    g.send(DOWN);
    g.expect(">2Moderate");
    std::thread::sleep(Duration::from_millis(300));
    g.pump();
    let frame = last_frame(&g.seen);
    assert!(frame.len() <= 10, "more rows than the window: {frame:#?}");
    assert!(
        frame.iter().all(|r| r.chars().count() < 20),
        "a row wider than the window: {frame:#?}"
    );
    let shown: String = frame.concat();
    assert!(
        squeeze(&shown)
            .windows(squeeze(UPSET_STOMACH).len())
            .any(|w| w == squeeze(UPSET_STOMACH).as_slice()),
        "the question is not on the screen: {frame:#?}"
    );
    assert!(shown.contains("> 2  Moderate"), "{frame:#?}");
    g.send(ENTER);
    g.expect(DROWSINESS);
    g.ctrl_c();
    g.expect(STOPPED);
    assert_eq!(g.finish(), 130, "{}", g.screen());
    assert!(answers(&g.record()).contains(&answered("upset_stomach", "moderate".into())));
}

/// A bank with only the notes question, allowing `max_length` characters.
fn notes_only_bank(env: &Env, max_length: usize) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/questions/baclofen.en.json");
    let mut bank: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read the bank"))
            .expect("bank JSON");
    let notes: Vec<Value> = bank["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .filter(|q| q["id"] == "notes")
        .cloned()
        .collect();
    bank["questions"] = Value::Array(notes);
    bank["questions"][0]["max_length"] = max_length.into();
    bank["alerts"] = Value::Array(Vec::new());
    env.file("notes-bank.json", bank.to_string())
        .to_string_lossy()
        .into_owned()
}

const NOTES: &str = "anything else about the last 7 days";

fn bracketed(text: &str) -> String {
    format!("\x1b[200~{text}\x1b[201~")
}

#[test]
fn a_4_kib_multi_line_paste_is_saved_whole_with_its_lines() {
    let env = Env::new();
    let bank = notes_only_bank(&env, 8000);
    let mut g = Guided::start(env, &["--bank", &bank, "check"], true);
    let lines: Vec<String> = (0..72)
        .map(|i| format!("line {i:02}: slept badly, felt dizzy on the stairs, took it at 8"))
        .collect();
    assert!(lines.join("\n").len() >= 4096);
    g.answer(START, "");
    g.answer(WHO, "");
    g.expect(NOTES);
    // Terminals send a pasted line end as CR.
    g.send(&bracketed(&lines.join("\r")));
    g.expect(&format!(
        "{} of 8000 characters",
        lines.join("\n").chars().count()
    ));
    g.send(ENTER);
    g.expect("Saved to");
    assert_eq!(g.finish(), 0, "{}", g.screen());
    assert_eq!(
        answers(&g.record()),
        vec![answered("notes", lines.join("\n").into())]
    );
}

#[test]
fn a_paste_over_the_limit_is_cut_there_with_a_message() {
    let env = Env::new();
    let bank = notes_only_bank(&env, 1000);
    let mut g = Guided::start(env, &["--bank", &bank, "check"], true);
    g.answer(START, "");
    g.answer(WHO, "");
    g.expect(NOTES);
    g.send(&bracketed(&"x".repeat(1500)));
    g.expect("The limit is 1000 characters: the last 500 were not added.");
    g.send(ENTER);
    g.expect("Saved to");
    assert_eq!(g.finish(), 0, "{}", g.screen());
    assert_eq!(
        answers(&g.record()),
        vec![answered("notes", "x".repeat(1000).into())]
    );
}

#[test]
fn text_typed_but_not_sent_is_kept_on_ctrl_c() {
    let env = Env::new();
    let bank = notes_only_bank(&env, 1000);
    let mut g = Guided::start(env, &["--bank", &bank, "check"], true);
    g.answer(START, "");
    g.answer(WHO, "");
    g.expect(NOTES);
    g.send("Slept badly, wrong wrds");
    // Ctrl-W takes back a word, Backspace a character.
    g.send("\x17");
    g.send("words\x7f\x7f\x7f\x7f\x7fwords");
    g.expect("> Slept badly, wrong words");
    g.ctrl_c();
    let stopped = g.expect(STOPPED);
    assert!(stopped.contains("Your1answer"), "{stopped}");
    assert_eq!(g.finish(), 130, "{}", g.screen());
    let record = g.record();
    assert_eq!(record["status"], "stopped");
    assert_eq!(
        answers(&record),
        vec![answered("notes", "Slept badly, wrong words".into())]
    );
}

#[test]
fn ctrl_u_clears_the_line() {
    let env = Env::new();
    let bank = notes_only_bank(&env, 1000);
    let mut g = Guided::start(env, &["--bank", &bank, "check"], true);
    g.answer(START, "");
    g.answer(WHO, "");
    g.expect(NOTES);
    g.send("not this");
    g.expect("> not this");
    g.send("\x15");
    g.send("but this");
    g.send(ENTER);
    g.expect("Saved to");
    assert_eq!(g.finish(), 0, "{}", g.screen());
    assert_eq!(
        answers(&g.record()),
        vec![answered("notes", "but this".into())]
    );
}

#[test]
fn signals_during_the_save_do_not_cut_it_short() {
    let mut g = Guided::new(Env::new());
    g.walk_to("breathing");
    g.answer(BREATHING, "y");
    g.answer(ACKNOWLEDGE, "");
    g.expect(SEIZURE);
    g.kill("TERM");
    g.expect("Saving…");
    // More of them while it saves (a second Ctrl-C, the window closing): the process
    // may already be gone, so a failed kill is fine, but none may kill the save.
    for signal in ["INT", "INT", "HUP", "TERM"] {
        let _ = Command::new("kill").args(["-s", signal, &g.pid()]).status();
    }
    g.expect(STOPPED);
    assert_eq!(g.finish(), 143, "{}", g.screen());
    let record = g.record();
    assert_eq!(record["status"], "stopped");
    assert_eq!(
        answers(&record),
        with_context(vec![answered("breathing", true.into())])
    );
}

#[test]
fn with_no_term_the_plain_mode_saves_on_sigterm_too() {
    let env = Env::new();
    let mut cmd = guided_command(&env, &["check"], true);
    cmd.env_remove("TERM");
    let mut g = Guided::spawn(env, cmd);
    g.walk_to("seizure");
    g.expect(SEIZURE);
    g.kill("TERM");
    g.expect(STOPPED);
    assert_eq!(g.finish(), 143, "{}", g.screen());
    let raw = String::from_utf8_lossy(&g.seen).into_owned();
    assert!(!raw.contains('\x1b'), "escape codes with no TERM: {raw:?}");
    assert_eq!(
        answers(&g.record()),
        with_context(vec![answered("breathing", false.into())])
    );
}

/// `sidecheck ARGS` against the data folder of `g`, which must succeed; its stdout.
fn run_ok(g: &Guided, args: &[&str]) -> String {
    stdout(&g.env.run(args).code(0))
}

#[test]
fn a_crisis_box_taken_back_with_esc_stays_on_the_record_and_in_every_export() {
    // "Yes" to thoughts, the crisis box read, then Esc back to the question and "no".
    let mut g = Guided::new(Env::new());
    g.walk_to("suicidal_thoughts");
    g.answer(SUICIDAL, "y");
    g.answer(PLAN, "n");
    g.answer(BEHAVIOR, "n");
    let alert = g.expect(ACKNOWLEDGE);
    assert!(alert.contains("GETSUPPORTNOW"), "{alert}");
    g.send(ENTER);
    g.expect(HALLUCINATIONS);
    for earlier in [BEHAVIOR, PLAN, SUICIDAL] {
        g.esc();
        g.expect(earlier);
    }
    g.expect("(Y/n)");
    g.send("n");
    g.send(ENTER);
    g.walk_from("hallucinations", "end");
    // The end summary says so.
    let summary = g.expect("Saved to");
    assert!(
        summary.contains(
            &String::from_utf8_lossy(&squeeze("Alerts shown, then the answer was changed:"))
                .into_owned()
        ),
        "{summary}"
    );
    assert_eq!(g.finish(), 0, "{}", g.screen());

    // The record: no alert stands, the crisis alert is kept as retracted.
    let record = g.record();
    assert_eq!(record["schema"], 3);
    assert_eq!(record["status"], "completed");
    assert_eq!(alert_ids(&record), Vec::<String>::new());
    assert!(
        answers(&record).contains(&answered("suicidal_thoughts", false.into())),
        "{record}"
    );
    let retracted = record["retracted_alerts"].as_array().expect("retracted");
    assert_eq!(retracted.len(), 1, "{record}");
    let r = &retracted[0];
    assert_eq!(r["id"], "suicidal_thoughts");
    assert_eq!(r["level"], "crisis");
    assert_eq!(r["question"], "suicidal_thoughts");
    let time =
        |key: &str| chrono::DateTime::parse_from_rfc3339(r[key].as_str().expect(key)).expect(key);
    let (shown, taken_back) = (time("shown_at"), time("retracted_at"));
    assert!(shown <= taken_back, "{r}");
    let started = chrono::DateTime::parse_from_rfc3339(record["started_at"].as_str().unwrap())
        .expect("started_at");
    assert!(started <= shown, "{record}");
    let title = r["title"].as_str().expect("title").to_string();

    // `show last`.
    let show = run_ok(&g, &["show", "last"]);
    assert!(
        show.contains("Alerts shown, then the answer was changed:"),
        "{show}"
    );
    assert!(show.contains(&title), "{show}");
    assert!(show.contains("then the answer was changed at"), "{show}");
    assert!(show.contains("Urgent alerts: none."), "{show}");

    // JSON: the record as saved, and the summary lists it apart from urgent_alerts.
    let json: Value =
        serde_json::from_str(&run_ok(&g, &["export", "--format", "json"])).expect("JSON");
    assert_eq!(
        json["records"][0]["retracted_alerts"],
        record["retracted_alerts"]
    );
    assert_eq!(json["summary"]["urgent_alerts"], serde_json::json!([]));
    assert_eq!(json["summary"]["counts"]["retracted_alerts"], 1);
    let listed = &json["summary"]["retracted_alerts"];
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
    assert_eq!(listed[0]["id"], "suicidal_thoughts");
    assert_eq!(listed[0]["retracted_at"], r["retracted_at"]);

    // FHIR: the response's alerts group says the crisis alert was shown and taken back.
    let fhir: Value =
        serde_json::from_str(&run_ok(&g, &["export", "--format", "fhir"])).expect("FHIR");
    let qr = fhir_resources(&fhir, "QuestionnaireResponse")[0];
    let group = fhir_item(qr, "sidecheck-alerts");
    let items = group["item"].as_array().expect("alert items");
    assert_eq!(items.len(), 1, "{group}");
    assert_eq!(items[0]["linkId"], "sidecheck-alerts-retracted");
    let said = items[0]["answer"][0]["valueString"].as_str().expect("text");
    assert!(said.contains(&title) && said.contains("crisis"), "{said}");
    assert!(said.contains("then the answer was changed at"), "{said}");

    // CSV: the row of the question carries it in `retracted_alert`; `urgent` is false.
    let csv = run_ok(&g, &["export", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().expect("header").clone();
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let flagged: Vec<&csv::StringRecord> = rows
        .iter()
        .filter(|row| !row[col("retracted_alert")].is_empty())
        .collect();
    assert_eq!(flagged.len(), 1, "{csv}");
    assert_eq!(&flagged[0][col("question_id")], "suicidal_thoughts");
    assert_eq!(&flagged[0][col("answer")], "No");
    assert_eq!(&flagged[0][col("urgent")], "false");
    assert!(flagged[0][col("retracted_alert")].contains(&title), "{csv}");

    // HTML: a row of the alerts table, marked retracted.
    let html = run_ok(&g, &["export", "--format", "html"]);
    let section = html
        .find("<tr class=\"alert retracted\">")
        .map(|at| &html[at..at + html[at..].find("</tr>").unwrap_or(0)])
        .unwrap_or_else(|| panic!("no retracted row in\n{html}"));
    assert!(section.contains("level-crisis"), "{section}");
    assert!(
        section.contains("then the answer was changed at"),
        "{section}"
    );

    // History lists it apart from the alerts that stand.
    let history = run_ok(&g, &["history"]);
    assert!(history.contains("then the answer was changed"), "{history}");
}

#[test]
fn stopping_at_the_first_of_two_boxes_still_shows_the_second() {
    // "More than prescribed", then back to the suicide screen and "yes": its end
    // raises two boxes at once, the suicidal-overdose emergency and the crisis one.
    let mut g = Guided::new(Env::new());
    g.walk_to("more_than_prescribed");
    g.answer("more baclofen than your prescriber", "y");
    g.expect(ACKNOWLEDGE);
    g.send(ENTER);
    g.expect("needed more baclofen to get the same effect?");
    // Esc, question by question, back to the suicide screen.
    let want = String::from_utf8_lossy(&squeeze(SUICIDAL)).into_owned();
    let mut back = 0;
    loop {
        g.esc();
        back += 1;
        // The question left is marked, then the one gone back to is drawn.
        g.expect("(went back)");
        let shown = g.expect("Question ");
        if shown.contains(&want) {
            break;
        }
        assert!(back < 15, "never got back to the screen: {}", g.screen());
    }
    g.expect("(y/N)");
    g.send("y");
    g.send(ENTER);
    g.answer(PLAN, "n");
    g.answer(BEHAVIOR, "n");
    let first = g.expect(ACKNOWLEDGE);
    assert!(first.contains("EMERGENCY"), "{first}");
    g.send("n");
    g.send(ENTER);
    // The second box, before the end summary (which lists both as well).
    let rest = g.expect("URGENT ALERTS:");
    assert!(
        rest.contains("GETSUPPORTNOW") && rest.contains('╔'),
        "the second box: {rest}"
    );
    g.expect(STOPPED);
    assert_eq!(g.finish(), 0, "{}", g.screen());
    let record = g.record();
    let alerts = record["alerts"].as_array().expect("alerts");
    let ids = alert_ids(&record);
    assert!(ids.contains(&"suicidal_overdose".to_string()), "{ids:?}");
    assert!(ids.contains(&"suicidal_thoughts".to_string()), "{ids:?}");
    for a in alerts {
        assert!(a["shown_at"].is_string(), "shown, and saved so: {a}");
    }
}
