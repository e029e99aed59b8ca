//! The proof the strict fast path of `record::read_line` needs to ship: on every
//! line of every test file, on generated logs, on hand-made edge cases and on
//! random mutations of written lines, it reads what serde_json reads or leaves the
//! line to serde (`agree::read_line_agrees`). The `read_line` fuzz target checks
//! the same on any bytes.

use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use sidecheck::bank::Bank;
use sidecheck::record::BaselineMark;

use crate::agree::{read_line_agrees, written_agrees};
use crate::hostile::scale;

#[path = "../benches/generate/mod.rs"]
mod generate;

/// Every line of every file under `dir`, as the store hands lines to `read_line`.
fn lines_under(dir: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("a test folder")
        .map(|e| e.expect("an entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            lines_under(&path, out);
            continue;
        }
        let bytes = std::fs::read(&path).expect("a test file");
        for line in bytes.split(|b| *b == b'\n') {
            if let Ok(text) = std::str::from_utf8(line) {
                out.push(text.trim_end_matches(['\n', '\r']).to_string());
            }
        }
    }
}

/// Written lines of several kinds (with alerts, retracted alerts, "about you"
/// answers, notes with escapes, `completes`, marks), from the benchmarks' generator.
fn generated() -> &'static [String] {
    static LINES: OnceLock<Vec<String>> = OnceLock::new();
    LINES.get_or_init(|| {
        let bank = Bank::bundled().expect("the bundled bank");
        let n = scale(1_500, 20_000) as u64;
        let mut lines = generate::lines(&bank, n, generate::SEED);
        lines.extend(generate::lines(&bank, 300, 7));
        lines.extend(generate::lines_with_caregivers(&bank, 300, 11));
        lines
            .into_iter()
            .map(|l| l.trim_end_matches('\n').to_string())
            .collect()
    })
}

/// A written line that has every optional key of a check-in, its answers and
/// alerts, and a note with escapes.
fn full_line() -> &'static str {
    generated()
        .iter()
        .find(|l| {
            [
                "\"retracted_alerts\"",
                "\"completes\"",
                "\"profile\"",
                "\"shown_at\"",
                "\\n",
            ]
            .iter()
            .all(|k| l.contains(k))
        })
        .or_else(|| {
            let both = ["\"retracted_alerts\"", "\"profile\""];
            generated()
                .iter()
                .find(|l| both.iter().all(|k| l.contains(k)))
        })
        .expect("a generated line with retracted alerts and a profile")
}

/// A baseline mark as `BaselineMark::to_line` writes it.
fn mark_line() -> String {
    let at = chrono::DateTime::parse_from_rfc3339("2025-09-06T09:29:01.824+02:00").expect("a time");
    let line = BaselineMark::new("20250906-061546-44e73bf4cd5a", at).to_line();
    line.expect("a line").trim_end().to_string()
}

#[test]
fn every_line_of_every_test_file_reads_as_serde_reads_it() {
    let mut lines = Vec::new();
    lines_under(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"),
        &mut lines,
    );
    assert!(lines.len() > 1_000, "only {} lines found", lines.len());
    let taken = lines.iter().filter(|l| read_line_agrees(l)).count();
    assert!(
        taken > 0,
        "the fast path took none of the test files' lines"
    );
}

#[test]
fn every_generated_line_is_taken_by_the_fast_path_and_reads_as_serde_reads_it() {
    for line in generated() {
        // Anything it leaves to serde costs speed: every written line is its own.
        assert!(read_line_agrees(line), "left to serde: {line}");
    }
}

/// Edits of a written line that serde reads another way, or refuses, or that only
/// a writer other than sidecheck's would make.
fn edge_cases() -> Vec<String> {
    let full = full_line();
    let mark = mark_line();
    let answer = r#""value":false"#;
    assert!(full.contains(answer));
    let numbers = [
        "-0",
        "0",
        "-1",
        "1e2",
        "1E2",
        "1.0",
        "-0.0",
        "0.5",
        "01",
        "-01",
        "+1",
        "1.",
        ".5",
        "18446744073709551615",
        "18446744073709551616",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775807",
        "-9223372036854775808",
        "-9223372036854775809",
        "99999999999999999999999",
        "1e400",
        "-",
        "[]",
        "{}",
        "[1]",
        r#"{"a":1}"#,
        "null",
        "nul",
        "truee",
        r#""\ud83d\ude00""#,
        r#""\ud800""#,
        r#""\udc00x""#,
        r#""\u00e9\u0000\u001f""#,
        r#""\x""#,
        r#""\u12""#,
        r#""a\/b""#,
        r#""\b\f\n\r\t\"\\\/""#,
        "\"\t\"",
        "\"\u{7f}\"",
    ];
    let mut out: Vec<String> = numbers
        .iter()
        .map(|n| full.replacen(answer, &format!(r#""value":{n}"#), 1))
        .collect();
    out.extend(check_in_edits(full));
    out.extend(mark_edits(&mark));
    out.extend(respondent_edits());
    out
}

/// A written caregiver's check-in, with its `respondent` edited: the forms only
/// serde reads (`"self"`, another place), and what it refuses.
fn respondent_edits() -> Vec<String> {
    let key = r#","respondent":"caregiver""#;
    let line = generated()
        .iter()
        .find(|l| l.ends_with(&format!("{key}}}")))
        .expect("a generated caregiver's line");
    let mut out: Vec<String> = [
        r#","respondent":"self""#,
        r#","respondent":"Caregiver""#,
        r#","respondent":"caregiver""#,
        r#","respondent":null"#,
        r#","respondent":"caregiver","respondent":"caregiver""#,
        r#","respondent":"self","respondent":"caregiver""#,
        r#","respondent":true"#,
    ]
    .iter()
    .map(|to| line.replacen(key, to, 1))
    .collect();
    // Before the keys it follows: serde reads it as well.
    let moved = line.replacen(key, "", 1);
    out.push(moved.replacen(r#","answers":"#, &format!("{key},\"answers\":"), 1));
    out.push(moved);
    out
}

/// A written check-in, edited key by key.
fn check_in_edits(full: &str) -> Vec<String> {
    let mut out = Vec::new();
    let edits: &[(&str, &str)] = &[
        (r#""schema":3"#, r#""schema":4"#),
        (r#""schema":3"#, r#""schema":9"#),
        (r#""schema":3"#, r#""schema":0"#),
        (r#""schema":3"#, r#""schema":03"#),
        (r#""schema":3"#, r#""schema":3.0"#),
        (r#""schema":3"#, r#""schema":-0"#),
        (r#""schema":3"#, r#""schema":4294967296"#),
        (r#""schema":3"#, r#""schema":"3""#),
        (r#"{"schema":3,"#, r#"{ "schema":3,"#),
        (r#""status":"completed""#, r#""status":"compl\u0065ted""#),
        (r#""status":"completed""#, r#""status":"done""#),
        (r#""status":"completed""#, r#""status":null"#),
        (r#""region":"#, r#""region":"X","region":"#),
        (r#""region":"#, r#""extra":1,"region":"#),
        (r#""label":"No""#, r#""label":null"#),
        (r#""label":"No""#, r#""label":"N\u006f""#),
        (r#""score":0"#, r#""score":256"#),
        (r#""score":0"#, r#""score":-0"#),
        (r#""score":0"#, r#""score":null"#),
        (r#""level":"advice""#, r#""level":"Advice""#),
        (r#""level":"advice""#, r#""level":"\u0061dvice""#),
        (r#""answers":["#, r#""answers":[ "#),
        (r#""alerts":["#, r#""alerts":[],"alerts":["#),
        (r#""language":"en"}"#, r#""language":"en","x":1}"#),
        ("+", "-"),
        (".000", ""),
        (".", ","),
        ("T", "t"),
        ("T", " "),
        ("+0", "Z"),
        ("+01:00", "+01:00:00"),
        (r#""started_at":"2"#, r#""started_at":"\u0032"#),
        (
            r#""profile":{"#,
            r#""profile":{"kidney":true,"kidney":false,"#,
        ),
        (r#""profile":{"#, r#""profile":{"\u006bidney":false,"#),
        (r#""profile":{"#, r#""profile":{"":1,"#),
        (r#""completes":"#, r#""completes":null,"completes":"#),
    ];
    for (from, to) in edits {
        out.push(full.replacen(from, to, 1));
    }
    out.push(full.replacen(r#""profile":{"#, r#""profile":{},"x":{"#, 1));
    let cut = full.rfind(",\"profile\"").expect("a profile");
    out.push(format!("{},\"profile\":{{}}}}", &full[..cut]));
    out.push(format!("{full} "));
    out.push(format!(" {full}"));
    out.push(format!("{full}x"));
    out.push(format!("{full}{full}"));
    out.push(full[..full.len() - 1].to_string());
    // Record formats 1 and 2: section sums, no `asked`.
    let scores = r#","scores":[{"section":"serious","score":4,"max":20,"answered":5}]"#;
    let at = full.find(",\"asked\"").unwrap_or(full.len() - 1);
    for schema in ["1", "2"] {
        let old = format!("{}{scores}{}", &full[..at], &full[at..]);
        out.push(old.replacen(r#""schema":3"#, &format!(r#""schema":{schema}"#), 1));
    }
    out
}

/// A written baseline mark, edited key by key.
fn mark_edits(mark: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (from, to) in [
        (r#""schema":4"#, r#""schema":5"#),
        (r#""schema":4"#, r#""schema":3"#),
        (r#""schema":4"#, r#""schema":0"#),
        (r#""kind":"baseline""#, r#""kind":"other""#),
        (r#""kind":"baseline""#, r#""kind":"b\u0061seline""#),
        (r#""check_in":"#, r#""check_in":"x","check_in":"#),
        (r#""marked_at":"#, r#""extra":1,"marked_at":"#),
        ("+", "-"),
        ("T", "Q"),
    ] {
        out.push(mark.replacen(from, to, 1));
    }
    out.push(mark.to_string());
    out
}

#[test]
fn edge_cases_read_as_serde_reads_them() {
    for line in edge_cases() {
        read_line_agrees(&line);
    }
    // The first check of them all: `-0` is a float to serde_json.
    let minus_zero = full_line().replacen(r#""value":false"#, r#""value":-0"#, 1);
    assert!(!read_line_agrees(&minus_zero));
}

#[test]
fn a_line_is_copied_as_written_only_when_it_is_what_the_report_writes() {
    let mut lines = Vec::new();
    lines_under(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"),
        &mut lines,
    );
    let copied = lines.iter().filter(|l| written_agrees(l)).count();
    assert!(copied > 0, "no line of the test files is copied");
    for line in generated() {
        // What sidecheck writes is copied, escapes and all.
        assert!(written_agrees(line), "not copied: {line}");
    }
    for line in edge_cases() {
        written_agrees(&line);
    }
    let (same, other) = written_edits();
    for line in same {
        assert!(written_agrees(&line), "not copied: {line}");
    }
    for line in other {
        assert!(!written_agrees(&line), "copied: {line}");
    }
}

/// Edits of a written line that the fast path reads: those still as the writer
/// writes them, and those it writes another way (a time in another form, an
/// escape it does not use, an empty list it leaves out, the profile's ids out of
/// order).
fn written_edits() -> (Vec<String>, Vec<String>) {
    let full = full_line();
    let at = full.find(r#""started_at":""#).expect("a start") + 14;
    let time = &full[at..at + 29];
    let with_time = |t: &str| full.replacen(time, t, 1);
    let label = r#""label":"No""#;
    assert!(full.contains(label));
    let with_label = |l: &str| full.replacen(label, &format!(r#""label":"{l}""#), 1);
    let same = vec![
        with_time("2020-02-29T23:59:59.999+14:00"),
        with_time("0001-01-01T00:00:00.000-09:30"),
        with_time("2015-01-05T03:23:28.571+00:00"),
        with_label(r#"\"\\\n\b\f\r\t"#),
        with_label("\\u0000\\u001f\\u0001 \u{7f} é ☃"),
        full.replacen(r#""profile":{"#, r#""profile":{"!first":true,"#, 1),
    ];
    let mut other: Vec<String> = [
        "2015-01-05T03:23:28.571Z",
        "2015-01-05T03:23:28.571z",
        "2015-01-05t03:23:28.571+01:00",
        "2015-01-05 03:23:28.571+01:00",
        "2015-01-05T03:23:28.571123+01:00",
        "2015-01-05T03:23:28.57+01:00",
        "2015-01-05T03:23:28+01:00",
        "2015-01-05T03:23:28.571-00:00",
        "2016-12-31T23:59:60.500+00:00",
        "2015-01-05T03:23:28.571+01:00:00",
    ]
    .iter()
    .map(|t| with_time(t))
    .collect();
    other.extend(
        [
            r#"N\u006f"#,
            r#"\u00e9"#,
            r#"\u007f"#,
            r#"a\/b"#,
            r#"\u000a"#,
            r#"\u001F"#,
            r#"\u0022"#,
            r#"\u005c"#,
            r#"\u00"#,
        ]
        .iter()
        .map(|l| with_label(l)),
    );
    let alerts = full
        .find(r#","retracted_alerts":"#)
        .expect("retracted alerts");
    let (head, tail) = full.split_at(alerts);
    other.push(format!(
        "{head},\"retracted_alerts\":[]{}",
        &tail[tail.find("}],").expect("their end") + 2..]
    ));
    let asked = full.find(r#","asked":"#).expect("asked");
    other.push(format!(
        "{},\"scores\":[]{}",
        &full[..asked],
        &full[asked..]
    ));
    other.push(full.replacen(r#""profile":{"#, r#""profile":{"~last":true,"#, 1));
    let profile = full.find(r#""profile":{""#).expect("a profile") + 11;
    let first = &full[profile..profile + full[profile..].find(',').expect("two ids")];
    other.push(full.replacen(r#""profile":{"#, &format!(r#""profile":{{{first},"#), 1));
    (same, other)
}

/// Pieces to put into a line: numbers, escapes, structure, other keys.
const TOKENS: &[&str] = &[
    "-0",
    "1e2",
    "1.0",
    "18446744073709551616",
    "-9223372036854775808",
    "0",
    "00",
    "null",
    "true",
    "false",
    "\\",
    "\"",
    "\\\"",
    "\\u0041",
    "\\ud83d\\ude00",
    "\\ud800",
    "\\n",
    "\\/",
    "\\x",
    "\\b",
    "\\f",
    "\\r",
    "\\t",
    "\\u001f",
    " ",
    "\t",
    ",",
    ":",
    "{",
    "}",
    "[",
    "]",
    ",\"x\":1",
    "\u{1f}",
    "é",
    "💊",
    "+",
    "Z",
];

/// One edit of a line; the numbers pick where and what.
#[derive(Debug, Clone)]
enum Edit {
    Byte(usize, u8),
    Insert(usize, usize),
    Delete(usize, usize),
    Truncate(usize),
    /// Replaces the n-th run of digits.
    Number(usize, usize),
    /// Puts a token just after the n-th quote.
    AfterQuote(usize, usize),
    /// Swaps two neighbouring keys of the n-th object.
    Swap(usize, usize),
    /// Repeats the n-th key of the record.
    Repeat(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = any::<usize>();
    let token = 0..TOKENS.len();
    prop_oneof![
        (
            at,
            proptest::sample::select(b"\"\\,:{}[]0-e.n 9tfa\x01".to_vec())
        )
            .prop_map(|(i, b)| Edit::Byte(i, b)),
        (at, token.clone()).prop_map(|(i, t)| Edit::Insert(i, t)),
        (at, 1..12usize).prop_map(|(i, n)| Edit::Delete(i, n)),
        at.prop_map(Edit::Truncate),
        (at, token.clone()).prop_map(|(i, t)| Edit::Number(i, t)),
        (at, token).prop_map(|(i, t)| Edit::AfterQuote(i, t)),
        (at, any::<usize>()).prop_map(|(i, j)| Edit::Swap(i, j)),
        at.prop_map(Edit::Repeat),
    ]
}

/// The line with the edit made (on characters, so it stays text).
fn apply(line: &str, edit: &Edit) -> String {
    let mut s = line.to_string();
    let boundary = |s: &str, i: usize| {
        let mut i = i % (s.len() + 1);
        while !s.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    match *edit {
        Edit::Byte(i, b) if !s.is_empty() => {
            let i = boundary(&s, i % s.len());
            let len = s[i..].chars().next().map_or(0, char::len_utf8);
            s.replace_range(i..i + len, &char::from(b).to_string());
        }
        Edit::Insert(i, t) => {
            let i = boundary(&s, i);
            s.insert_str(i, TOKENS[t]);
        }
        Edit::Delete(i, n) => {
            let i = boundary(&s, i);
            let j = boundary(&s, (i + n).min(s.len()));
            s.replace_range(i..j.max(i), "");
        }
        Edit::Truncate(i) => s.truncate(boundary(&s, i)),
        Edit::Number(n, t) => {
            let runs: Vec<(usize, usize)> = digit_runs(&s);
            if let Some(&(i, j)) = runs.get(n % runs.len().max(1)) {
                s.replace_range(i..j, TOKENS[t]);
            }
        }
        Edit::AfterQuote(n, t) => {
            let quotes: Vec<usize> = s.match_indices('"').map(|(i, _)| i + 1).collect();
            if let Some(&i) = quotes.get(n % quotes.len().max(1)) {
                s.insert_str(i, TOKENS[t]);
            }
        }
        Edit::Swap(n, k) => return swapped(&s, n, k).unwrap_or(s),
        Edit::Repeat(n) => return repeated(&s, n).unwrap_or(s),
        Edit::Byte(..) => {}
    }
    s
}

fn digit_runs(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((start, i));
        } else {
            i += 1;
        }
    }
    runs
}

/// Calls `f` on the n-th object (depth first) of the line's JSON, and writes it
/// back compact, as serde_json does.
fn with_object(
    s: &str,
    n: usize,
    f: impl FnOnce(&mut serde_json::Map<String, serde_json::Value>),
) -> Option<String> {
    fn count(v: &serde_json::Value) -> usize {
        match v {
            serde_json::Value::Object(m) => 1 + m.values().map(count).sum::<usize>(),
            serde_json::Value::Array(a) => a.iter().map(count).sum(),
            _ => 0,
        }
    }
    fn nth<'v>(
        v: &'v mut serde_json::Value,
        n: &mut usize,
    ) -> Option<&'v mut serde_json::Map<String, serde_json::Value>> {
        match v {
            serde_json::Value::Object(m) => {
                if *n == 0 {
                    return Some(m);
                }
                *n -= 1;
                m.values_mut().find_map(|v| nth(v, n))
            }
            serde_json::Value::Array(a) => a.iter_mut().find_map(|v| nth(v, n)),
            _ => None,
        }
    }
    let mut v: serde_json::Value = serde_json::from_str(s).ok()?;
    let mut n = n % count(&v).max(1);
    f(nth(&mut v, &mut n)?);
    serde_json::to_string(&v).ok()
}

fn swapped(s: &str, n: usize, k: usize) -> Option<String> {
    with_object(s, n, |m| {
        if m.len() >= 2 {
            let k = k % (m.len() - 1);
            let mut pairs: Vec<_> = std::mem::take(m).into_iter().collect();
            pairs.swap(k, k + 1);
            m.extend(pairs);
        }
    })
}

/// The line with one key of its n-th object written twice (last, with its own
/// value): a repeated key, which serde refuses.
fn repeated(s: &str, n: usize) -> Option<String> {
    const MARKER: &str = "\u{0}repeat";
    let mut key = None;
    let once = with_object(s, n, |m| {
        if let Some((k, v)) = m.iter().nth(n % m.len().max(1)) {
            let (k, v) = (k.clone(), v.clone());
            key = Some(k);
            m.insert(MARKER.into(), v);
        }
    })?;
    let key = serde_json::to_string(&key?).ok()?;
    Some(once.replacen(r#""\u0000repeat""#, &key, 1))
}

fn base() -> impl Strategy<Value = String> {
    let lines = generated();
    let edges = edge_cases();
    (0..lines.len() + edges.len()).prop_map(move |i| match lines.get(i) {
        Some(l) => l.clone(),
        None => edges[i - lines.len()].clone(),
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: scale(3_000, 100_000) as u32,
        ..ProptestConfig::default()
    })]

    #[test]
    fn a_mutated_line_reads_as_serde_reads_it_or_is_left_to_serde(
        line in base(),
        edits in proptest::collection::vec(edit(), 1..4),
    ) {
        let text = edits.iter().fold(line, |s, e| apply(&s, e));
        read_line_agrees(&text);
    }

    #[test]
    fn a_mutated_line_is_copied_as_written_only_when_it_is_what_the_report_writes(
        line in base(),
        edits in proptest::collection::vec(edit(), 1..4),
    ) {
        let text = edits.iter().fold(line, |s, e| apply(&s, e));
        written_agrees(&text);
    }
}
