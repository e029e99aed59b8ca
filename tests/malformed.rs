//! Bad input gets a clear error, never a panic. Every file in `tests/corpus/` (banks,
//! answers files and logs that are truncated, of the wrong type, with unknown fields,
//! duplicate ids, follow-ups that refer forward or to themselves, huge numbers,
//! invalid UTF-8, and whatever the fuzzers found), plus 10 MB single lines made here,
//! goes through the real binary. Bad input exits 2 (1 is only for I/O), the message
//! names the file and a place in it (line, JSON path or question id) and says what to
//! do, and nothing ever mentions a panic or a backtrace.

// In a test, a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::hostile::*;
use crate::support::*;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// The files of one part of the corpus, sorted.
fn corpus(kind: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir().join(kind))
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(files.len() >= 20, "the {kind} corpus is there: {files:?}");
    files
}

/// Words that start the "what to do" part of a message.
const ADVICE: &[&str] = &[
    "fix",
    "use ",
    "add ",
    "add it",
    "remove",
    "write",
    "give",
    "save it",
    "check",
    "choose",
    "keep",
    "update",
    "widen",
    "move",
    "see `sidecheck",
    "flatten",
    "make ",
    "split",
    "put ",
];

/// No output mentions a panic, a backtrace or an internal error, and none is huge
/// (a 10 MB key must not be printed back).
fn assert_no_panic(out: &Output, what: &str) {
    for text in [stdout(out), stderr(out)] {
        let lower = text.to_lowercase();
        for bad in ["panicked", "backtrace", "rust_backtrace", "internal error"] {
            assert!(
                !lower.contains(bad),
                "{what}: output mentions {bad}:\n{text}"
            );
        }
    }
    assert!(
        out.stderr.len() < 64 * 1024,
        "{what}: {} bytes on stderr",
        out.stderr.len()
    );
}

/// Exit 2; the error names `name` and a place, and says what to do.
fn assert_clear_error(out: Ran, name: &str, what: &str) -> String {
    assert_no_panic(&out, what);
    let err = stderr(&out.label(what).code(2));
    let problems: Vec<&str> = err.lines().filter(|l| l.contains(name)).collect();
    assert!(!problems.is_empty(), "{what}: no line names {name}:\n{err}");
    for line in &problems {
        let after = &line[line.find(name).unwrap_or(0) + name.len()..];
        assert!(names_a_place(after), "{what}: no place in: {line}");
        let lower = line.to_lowercase();
        assert!(
            ADVICE.iter().any(|a| lower.contains(a)),
            "{what}: no advice in: {line}"
        );
    }
    err
}

/// What follows the file's name starts with a place in it: a line, a JSON path, a
/// quoted question id, or the file as a whole ("file:", "the answers file is ...",
/// "(it cannot be read)").
fn names_a_place(after: &str) -> bool {
    let rest = after.trim_start_matches([':', ' ']);
    let path = rest.split(':').next().unwrap_or("");
    rest.starts_with("line ")
        || rest.starts_with("file:")
        || rest.starts_with('"')
        || rest.starts_with("missing an answer to \"")
        || rest.starts_with("unknown question id \"")
        || rest.starts_with("the answers file is")
        || after.starts_with(" (")
        || (!path.is_empty()
            && path.len() < rest.len()
            && path
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_.[]$".contains(c)))
}

fn copy_into(env: &Env, src: &Path) -> PathBuf {
    let name = src
        .file_name()
        .expect("file name")
        .to_string_lossy()
        .into_owned();
    let dst = env.tmp.path().join(&name);
    std::fs::copy(src, &dst).expect("copy");
    dst
}

fn check_bank(env: &Env, bank: &Path, label: &str) {
    let name = bank.display().to_string();
    let answers = env.file("calm.json", calm_answers().to_string());
    let runs: Vec<(Vec<String>, &str)> = vec![
        (
            vec!["bank".into(), "validate".into(), name.clone()],
            "bank validate",
        ),
        (
            vec![
                "--bank".into(),
                name.clone(),
                "check".into(),
                "--answers".into(),
                answers.display().to_string(),
            ],
            "check",
        ),
        (
            vec![
                "--bank".into(),
                name.clone(),
                "bank".into(),
                "questions".into(),
            ],
            "questions",
        ),
    ];
    for (args, how) in runs {
        assert_clear_error(env.run(&args), &name, &format!("{label} ({how})"));
    }
    assert!(!env.log_path().exists(), "{label}: nothing was saved");
}

fn check_answers(env: &Env, answers: &Path, label: &str) {
    let name = answers.display().to_string();
    let before = std::fs::read(env.log_path()).unwrap_or_default();
    assert_clear_error(env.run(["check", "--answers", &name]), &name, label);
    // The same file on standard input is named as such.
    let bytes = std::fs::read(answers).expect("read answers");
    let out = env
        .cmd()
        .args(["check", "--answers", "-"])
        .write_stdin(bytes)
        .run();
    assert_clear_error(out, "standard input", &format!("{label} (stdin)"));
    let after = std::fs::read(env.log_path()).unwrap_or_default();
    assert_eq!(before, after, "{label}: nothing was saved");
}

/// A damaged log: reading never panics and names each skipped line; the next check
/// saves; nothing that was in the file is lost.
fn check_log(log_bytes: &[u8], label: &str) {
    let env = Env::new();
    std::fs::create_dir_all(env.data_dir()).unwrap();
    std::fs::write(env.log_path(), log_bytes).unwrap();
    for args in [vec!["show", "last"], vec!["show", "last", "--json"]] {
        let out = env.cmd().args(&args).output().expect("run sidecheck");
        assert_no_panic(&out, label);
        let err = stderr(&out);
        assert!(
            matches!(out.status.code(), Some(0) | Some(2)),
            "{label} {args:?}: {err}"
        );
        for line in err.lines().filter(|l| l.contains("skipped")) {
            assert!(
                line.contains(" line "),
                "{label}: a skipped line without its number: {line}"
            );
        }
    }
    if command_exists(&env, "history") {
        let out = env.cmd().arg("history").output().expect("run sidecheck");
        assert_no_panic(&out, label);
        assert!(
            matches!(out.status.code(), Some(0) | Some(2)),
            "{label}: {}",
            stderr(&out)
        );
    }
    let out = env.check(&calm_answers(), &[]);
    assert_no_panic(&out, label);
    let out = out.label(label).code(0);
    let id = acknowledged_id(&stderr(&out)).expect("saved");

    // Nothing lost: the log starts with the old lines, and a torn tail is kept aside.
    let now = std::fs::read(env.log_path()).unwrap();
    let whole = log_bytes
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    assert!(
        now.starts_with(&log_bytes[..whole]),
        "{label}: the old lines are kept"
    );
    if whole < log_bytes.len() {
        let kept = torn_files(&env.data_dir())
            .iter()
            .any(|f| std::fs::read(f).is_ok_and(|b| b == log_bytes[whole..]));
        assert!(kept, "{label}: the torn tail is kept aside");
    }
    let out = env.run(["show", "last", "--json"]).label(label).code(0);
    let shown: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(shown["id"], json!(id), "{label}");
}

#[test]
fn every_bad_bank_in_the_corpus_gets_a_clear_error() {
    let env = Env::new();
    let files = corpus("bank");
    for f in &files {
        let label = format!("bank {}", f.display());
        check_bank(&env, &copy_into(&env, f), &label);
    }
    eprintln!(
        "malformed banks: {} corpus files, 3 commands each",
        files.len()
    );
}

#[test]
fn the_corpus_banks_are_broken_copies_of_a_valid_bank() {
    // So each corpus file fails for its own defect, not for something else.
    let env = Env::new();
    env.cmd()
        .args(["bank", "validate"])
        .arg(corpus_dir().join("valid-mini-bank.json"))
        .run()
        .code(0);
}

#[test]
fn every_bad_answers_file_in_the_corpus_gets_a_clear_error() {
    let env = Env::new();
    let files = corpus("answers");
    for f in &files {
        let label = format!("answers {}", f.display());
        check_answers(&env, &copy_into(&env, f), &label);
    }
    eprintln!(
        "malformed answers: {} corpus files, by path and on stdin",
        files.len()
    );
}

#[test]
fn every_damaged_log_in_the_corpus_is_read_and_repaired() {
    let files = corpus("log");
    for f in &files {
        check_log(&std::fs::read(f).unwrap(), &format!("log {}", f.display()));
    }
    eprintln!("damaged logs: {} corpus files", files.len());
}

const TEN_MB: usize = 10 * 1024 * 1024;

/// How long a run on a huge input may take before it counts as runaway. Not a speed
/// target (those live in `benches/`): a cost that grew with the square of the input
/// would take hours here, and a debug build on a busy 2-core machine takes up to
/// half a minute for what takes 10 s alone, so the bound is generous.
const RUNAWAY: Duration = Duration::from_secs(180);

fn mini_bank() -> Value {
    let text = std::fs::read_to_string(corpus_dir().join("valid-mini-bank.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn ten_megabyte_lines_get_a_clear_error() {
    let env = Env::new();
    let long = "a".repeat(TEN_MB);

    let mut b = mini_bank();
    b["questions"][1]["id"] = json!(long);
    let mut unknown = mini_bank();
    unknown[&long] = json!(1);
    let deep = format!("{{\"questions\": {}", "[".repeat(TEN_MB));
    let banks = [
        ("bank-10mb-id.json", b.to_string()),
        ("bank-10mb-unknown-field.json", unknown.to_string()),
        ("bank-10mb-nesting.json", deep.clone()),
        ("bank-10mb-spaces-then-nothing.json", " ".repeat(TEN_MB)),
    ];
    for (name, text) in &banks {
        assert!(text.len() >= TEN_MB && !text.trim_end().contains('\n'));
        let f = env.file(name, text);
        check_bank(&env, &f, name);
    }

    let answers = [
        (
            "answers-10mb-notes.json",
            answers_with(json!({ "notes": long })).to_string(),
        ),
        (
            "answers-10mb-key.json",
            answers_with(json!({ &long: 1 })).to_string(),
        ),
        (
            "answers-10mb-nesting.json",
            format!("{{\"notes\": {}", "[".repeat(TEN_MB)),
        ),
        ("answers-10mb-string.json", format!("{{\"notes\": \"{long}")),
    ];
    for (name, text) in &answers {
        let f = env.file(name, text);
        check_answers(&env, &f, name);
    }
    eprintln!(
        "10 MB single lines: {} banks, {} answers files, {} logs (logs: see the next test)",
        banks.len(),
        answers.len(),
        3
    );
}

#[test]
fn ten_megabyte_log_lines_are_skipped_or_kept_aside() {
    let env = Env::new();
    env.check(&calm_answers(), &[]).code(0);
    let good = std::fs::read(env.log_path()).unwrap();
    let mut record: Value = serde_json::from_slice(&good).unwrap();
    record["answers"][0]["value"] = json!("n".repeat(TEN_MB));
    let huge_record = format!("{record}\n");

    let mut line_then_good = vec![b'x'; TEN_MB];
    line_then_good.push(b'\n');
    line_then_good.extend_from_slice(&good);
    let mut good_then_torn = good.clone();
    good_then_torn.extend(std::iter::repeat_n(b'{', TEN_MB));
    let mut record_then_good = huge_record.into_bytes();
    record_then_good.extend_from_slice(&good);
    for (label, bytes) in [
        ("10 MB line, then a record", line_then_good),
        ("a record, then a 10 MB torn tail", good_then_torn),
        ("a 10 MB record, then a record", record_then_good),
    ] {
        check_log(&bytes, label);
    }
}

#[test]
fn devices_as_input_are_refused_without_hanging() {
    let env = Env::new();
    for (args, name) in [
        (
            vec!["--bank", "/dev/zero", "bank", "questions"],
            "/dev/zero",
        ),
        (
            vec!["--bank", "/dev/null", "bank", "questions"],
            "/dev/null",
        ),
        (vec!["check", "--answers", "/dev/zero"], "/dev/zero"),
        (vec!["check", "--answers", "/dev/null"], "/dev/null"),
    ] {
        let began = Instant::now();
        assert_clear_error(env.run(&args), name, &format!("{args:?}"));
        assert!(began.elapsed() < RUNAWAY, "{args:?} took too long");
    }
}

#[test]
fn a_byte_order_mark_is_not_an_error() {
    // Editors on some systems start UTF-8 files with an invisible BOM; people cannot
    // see it, so it must not be the reason a file is refused.
    let env = Env::new();
    let mut bank = vec![0xef, 0xbb, 0xbf];
    bank.extend_from_slice(&std::fs::read(corpus_dir().join("valid-mini-bank.json")).unwrap());
    let bank = env.file("bom-bank.json", bank);
    env.cmd()
        .args(["bank", "validate"])
        .arg(&bank)
        .run()
        .code(0);
    let mut answers = vec![0xef, 0xbb, 0xbf];
    answers.extend_from_slice(calm_answers().to_string().as_bytes());
    let answers = env.file("bom-answers.json", answers);
    env.cmd()
        .args(["check", "--answers"])
        .arg(&answers)
        .run()
        .code(0);
}

/// A valid bank with a 10 MB advice text and many questions still runs in good time:
/// nothing in the program is quadratic in the size of the text.
#[test]
fn a_huge_but_valid_bank_runs_in_good_time() {
    let env = Env::new();
    let mut b = mini_bank();
    let words = "breathe ".repeat(TEN_MB / 8 / 2);
    b["alerts"][0]["advice"] = json!(format!("{words}{}", "x".repeat(TEN_MB / 2)));
    let bank = env.file("huge-advice.json", b.to_string());
    let answers = env.file(
        "a.json",
        json!({ "breathing": true, "dizziness": "none", "missed_days": 0, "notes": "" })
            .to_string(),
    );
    let began = Instant::now();
    let out = env
        .cmd()
        .arg("--bank")
        .arg(&bank)
        .args(["check", "--answers"])
        .arg(&answers)
        .run();
    assert_no_panic_but_large_ok(&out);
    // A failed check shows only the start of the 10 MB on stderr.
    out.code(0);
    let took = began.elapsed();
    assert!(took < RUNAWAY, "a 10 MB advice took {took:?}");

    // As many questions as a bank may have, each a follow-up of the one before.
    let chain = sidecheck::bank::MAX_ITEMS - 1;
    let mut b = mini_bank();
    let mut questions = vec![b["questions"][0].clone()];
    for i in 0..chain {
        let prev = if i == 0 {
            "breathing".to_string()
        } else {
            format!("q{}", i - 1)
        };
        questions.push(json!({
            "id": format!("q{i}"), "section": "side_effects", "kind": "yes_no",
            "score_yes": 1, "text": "Again?", "short": "again",
            "when": { "question": prev, "equals": true }
        }));
    }
    b["questions"] = json!(questions);
    let bank = env.file("long-chain.json", b.to_string());
    let mut answers = serde_json::Map::new();
    answers.insert("breathing".into(), json!(true));
    for i in 0..chain {
        answers.insert(format!("q{i}"), json!(true));
    }
    let answers = env.file("chain-answers.json", Value::Object(answers).to_string());
    let began = Instant::now();
    let out = env
        .cmd()
        .arg("--bank")
        .arg(&bank)
        .args(["check", "--answers"])
        .arg(&answers)
        .run();
    assert_no_panic_but_large_ok(&out);
    out.code(0);
    let took = began.elapsed();
    assert!(took < RUNAWAY, "{chain} follow-ups took {took:?}");

    // One more is refused at once, with a clear error.
    let mut questions = b["questions"].as_array().cloned().unwrap_or_default();
    questions.push(json!({
        "id": "one_more", "section": "side_effects", "kind": "yes_no",
        "text": "Again?", "short": "again"
    }));
    b["questions"] = json!(questions);
    let bank = env.file("too-many.json", b.to_string());
    let out = env.cmd().args(["bank", "validate"]).arg(&bank).run();
    let err = assert_clear_error(out, &bank.display().to_string(), "too many questions");
    assert!(err.contains("at most"), "{err}");
}

fn assert_no_panic_but_large_ok(out: &Output) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked") && !err.contains("internal error"));
}

/// The corpus also runs through the checks the fuzz targets make, in the library,
/// so what a fuzzer once found stays fixed even where the binary hides it.
#[test]
fn every_corpus_file_passes_the_fuzz_checks() {
    for f in corpus("bank") {
        let bytes = std::fs::read(&f).unwrap();
        crate::exercise::bank_bytes(&bytes, &bytes);
    }
    for f in corpus("answers") {
        crate::exercise::answers_bytes(&std::fs::read(&f).unwrap());
    }
    for f in corpus("log") {
        crate::exercise::log_bytes(&std::fs::read(&f).unwrap());
    }
    let valid = std::fs::read(corpus_dir().join("valid-mini-bank.json")).unwrap();
    let bank = sidecheck::bank::Bank::from_bytes("valid-mini-bank.json", &valid).unwrap();
    crate::exercise::walk(&bank, &[0, 1, 2, 31, 3, 4]);
}
