//! Drives parsed input through everything the program does with it, and checks what
//! must always hold. Shared by the property tests (`props.rs`) and the fuzz targets
//! (`fuzz/fuzz_targets/`, which include this file), so an input found by one is
//! checked the same way by the other. Only `sidecheck` and `serde_json` are used here,
//! because the fuzz crate has nothing else.

// In a test, a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]
#![allow(dead_code)]

use std::io::Cursor;
use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::{Value, json};
use sidecheck::answer::Answer;
use sidecheck::bank::{Bank, BankError, Kind};
use sidecheck::error::Error;
use sidecheck::flow::Flow;
use sidecheck::record::{CheckIn, Line, Status, read_line};
use sidecheck::region::{self, Chosen};
use sidecheck::scripted::{self, Answers};
use sidecheck::store::{Entry, LogReader, MAX_LINE};
use sidecheck::{alert, receipt as summary};

/// The name errors must give for the file under test.
pub const BANK_FILE: &str = "bank-under-test.json";
pub const ANSWERS_FILE: &str = "answers-under-test.json";
pub const LOG_FILE: &str = "checkins-under-test.jsonl";

/// The built-in bank, parsed once.
pub fn bundled() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| Bank::bundled().expect("the built-in bank loads"))
}

/// The region alerts are shown for.
pub fn chosen() -> Chosen {
    region::choose(Some("US"), |_| None).expect("US is a region")
}

/// Any bytes as a bank file: either a bank that works all the way to a saved record,
/// or an error that names the file and a place in it.
pub fn bank_bytes(bytes: &[u8], choices: &[u8]) {
    match Bank::from_bytes(BANK_FILE, bytes) {
        Ok(bank) => walk(&bank, choices),
        Err(e) => check_bank_error(&e),
    }
}

/// A bank error names the file, and every problem has a place and says what is wrong.
pub fn check_bank_error(e: &BankError) {
    assert_eq!(e.file, BANK_FILE);
    assert!(!e.problems.is_empty(), "an error with no problem in it");
    for p in &e.problems {
        assert!(!p.place.trim().is_empty(), "a problem with no place: {p:?}");
        assert!(
            !p.message.trim().is_empty(),
            "a problem with no message: {p:?}"
        );
    }
    let text = e.to_string();
    for line in text.lines() {
        assert!(
            line.starts_with(BANK_FILE),
            "a line that does not name the file: {line}"
        );
    }
}

/// Goes through a valid bank the way a person would, answering from `choices` (a byte
/// each; one with `c % 32 == 31` goes back a question), then builds, writes and reads back the record.
/// Every question a valid bank asks must be answerable.
pub fn walk(bank: &Bank, choices: &[u8]) {
    let chosen = chosen();
    for q in &bank.questions {
        let _ = bank.expected(q);
        if let Some(c) = &q.when {
            let _ = c.to_string();
        }
    }
    for rule in &bank.alerts {
        let _ = alert::render(rule, &chosen, false);
        let _ = rule.when.to_string();
    }
    let mut flow = Flow::new(bank);
    let mut steps = 0usize;
    while let Some(q) = flow.current() {
        let c = choices.get(steps).copied().unwrap_or(0);
        steps += 1;
        assert!(
            steps <= choices.len() + bank.questions.len() + 1,
            "the flow does not end"
        );
        let (n, total) = flow.progress();
        assert!(n >= 1 && n <= total, "progress {n} of {total}");
        if c % 32 == 31 && flow.back() {
            continue;
        }
        let v = some_answer(bank, q, c);
        let answer = Answer::from_json(bank, q, &v).unwrap_or_else(|e| {
            panic!(
                "question \"{}\" of a valid bank cannot be answered with {v}: {}",
                q.id, e.message
            )
        });
        for rule in flow.answer(answer) {
            assert!(rule.level.is_urgent(), "a non-urgent alert interrupted");
            let _ = alert::render(rule, &chosen, true);
        }
    }
    assert!(flow.is_complete());
    let record = record_of(&flow);
    round_trip(&record);
    let _ = summary::render(&record, Some(bank), &chosen.region);
    let _ = summary::render(&record, None, &chosen.region);
}

/// An answer that fits `q`, picked by `c`.
fn some_answer(bank: &Bank, q: &sidecheck::bank::Question, c: u8) -> Value {
    match q.kind {
        Kind::YesNo => json!(c % 2 == 1),
        Kind::Scale => {
            let options = bank.options(q);
            assert!(
                !options.is_empty(),
                "scale question \"{}\" has no options",
                q.id
            );
            json!(options[usize::from(c) % options.len()].id)
        }
        Kind::Number => {
            let lo = q.min.unwrap_or(0.0);
            let hi = q.max.unwrap_or(lo);
            let n = if c.is_multiple_of(2) { lo } else { hi };
            if q.integer {
                json!(if c.is_multiple_of(2) {
                    n.ceil()
                } else {
                    n.floor()
                })
            } else {
                json!(n)
            }
        }
        Kind::Text => json!("word ".repeat(usize::from(c % 3)).trim_end()),
    }
}

fn record_of(flow: &Flow<'_>) -> CheckIn {
    let t = chrono::DateTime::parse_from_rfc3339("2024-05-01T09:30:00.000+02:00")
        .expect("a fixed time");
    flow.to_record(
        "20240501-073000-0123456789ab".into(),
        Status::Completed,
        t,
        t,
        "US",
    )
}

/// A record written as a log line reads back as the same record.
pub fn round_trip(record: &CheckIn) {
    let line = record.to_line().expect("a record is JSON");
    assert!(line.ends_with('\n'));
    assert_eq!(
        line.matches('\n').count(),
        1,
        "a record spans lines: {line}"
    );
    if line.len() > MAX_LINE {
        return;
    }
    let entries: Vec<Entry> = reader(line.as_bytes()).collect();
    match entries.as_slice() {
        [Entry::Record(back)] => assert_eq!(**back, *record, "the record changed on the way"),
        other => panic!("a saved record does not read back: {other:?}"),
    }
}

/// Any bytes as an answers file for the built-in bank: either a completed check that
/// saves and reads back, or a bad-input error naming the file.
pub fn answers_bytes(bytes: &[u8]) {
    match std::str::from_utf8(bytes) {
        Ok(text) => answers_text(text),
        Err(_) => answers_text(&String::from_utf8_lossy(bytes)),
    }
}

pub fn answers_text(text: &str) {
    match Answers::parse(ANSWERS_FILE, text) {
        Ok(answers) => run_answers(bundled(), &answers),
        Err(e) => check_input_error(&e),
    }
}

/// Runs parsed answers through the scripted flow.
pub fn run_answers(bank: &Bank, answers: &Answers) {
    struct Shown(Chosen, usize);
    impl scripted::Events for Shown {
        fn alert(&mut self, rule: &sidecheck::bank::AlertRule) {
            assert!(rule.level.is_urgent());
            let _ = alert::render(rule, &self.0, false);
        }
        fn notice(&mut self, text: &str) {
            assert!(!text.is_empty());
            self.1 += 1;
        }
    }
    let mut shown = Shown(chosen(), 0);
    match scripted::run(bank, ANSWERS_FILE, answers, &mut shown) {
        Ok(flow) => {
            assert!(flow.is_complete(), "a scripted run ended early");
            let record = record_of(&flow);
            round_trip(&record);
            let _ = summary::render(&record, Some(bank), &shown.0.region);
        }
        Err(e) => check_input_error(&e),
    }
}

/// Bad input: exit code 2, and the message starts with the file's name.
pub fn check_input_error(e: &Error) {
    assert_eq!(e.exit_code(), 2, "bad input must exit 2: {e}");
    let text = e.to_string();
    assert!(
        text.starts_with(&format!("{ANSWERS_FILE}: ")),
        "the error does not name the file: {text}"
    );
}

fn reader(bytes: &[u8]) -> LogReader {
    LogReader::new(
        Box::new(Cursor::new(bytes.to_vec())),
        PathBuf::from(LOG_FILE),
    )
}

/// Any bytes as a log: reading never fails in memory, every skipped line is named by
/// its number (in order, within the file), and every record read can be written again.
pub fn log_bytes(bytes: &[u8]) {
    let lines = bytes.split(|b| *b == b'\n').count() as u64;
    let mut last = 0u64;
    let mut records = 0usize;
    for entry in reader(bytes) {
        match entry {
            Entry::Record(r) => {
                records += 1;
                let line = r.to_line().expect("a record is JSON");
                assert!(
                    serde_json::from_str::<CheckIn>(&line).is_ok(),
                    "a record read from the log cannot be read again once written: {line}"
                );
            }
            Entry::Mark(m) => {
                let line = m.to_line().expect("a mark is JSON");
                assert!(
                    matches!(read_line(line.trim_end()), Ok(Line::Mark(_))),
                    "a baseline mark read from the log cannot be read again once written: {line}"
                );
            }
            Entry::Bad(bad) => {
                assert!(
                    bad.line > last,
                    "line numbers go back: {} after {last}",
                    bad.line
                );
                assert!(bad.line <= lines, "line {} of {lines}", bad.line);
                last = bad.line;
                let text = bad.to_string();
                assert!(text.contains(LOG_FILE) && text.contains(&format!("line {}", bad.line)));
            }
            Entry::Failed(e) => panic!("reading from memory failed: {e}"),
        }
    }
    assert!(records as u64 <= lines);
}
