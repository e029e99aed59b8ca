//! `show` without reading the whole log: `last` read back from the end, an id found
//! by the start of each line, and the check-in that continues a stopped one. A
//! property test checks them against one whole pass over generated logs (repeated
//! lines, marks, stopped check-ins and the ones completing them, hand-edited lines,
//! bad lines, torn tails): the same check-in every time, and the same warnings for
//! every line they read. Then the same through the binary.

// In a test, a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]

use std::fs;

use proptest::prelude::*;
use serde_json::{Value, json};

use sidecheck::checkins;
use sidecheck::record::CheckIn;
use sidecheck::store::{BadLine, BadLines, Entry, Lookup, Store};

use crate::hostile::scale;
use crate::support::*;

/// Ids that are prefixes of one another, and ones `to_line` writes with escapes.
const IDS: &[&str] = &[
    "20250301-a",
    "20250301-ab",
    "20250301-a1",
    "20250302-b",
    "x/y",
    "q\"x",
];

/// What is looked up: every id, prefixes of several, and ones that match nothing.
const WHICH: &[&str] = &[
    "20250301-a",
    "20250301-ab",
    "20250301-a1",
    "20250302-b",
    "x/y",
    "q\"x",
    "2025",
    "20250301",
    "20250301-",
    "x",
    "q",
    "",
    "19990101",
];

/// A check-in of the bundled bank, written out whole.
fn record(id: &str, stopped: bool, completes: Option<&str>, long: bool) -> CheckIn {
    let mut r: CheckIn = serde_json::from_value(json!({
        "schema": 3, "id": id, "status": if stopped { "stopped" } else { "completed" },
        "started_at": "2025-03-01T09:30:00.000+01:00",
        "ended_at": "2025-03-01T09:35:00.000+01:00",
        "bank": {"id": "baclofen", "version": "1.1.0", "language": "en"},
        "region": "US",
        "answers": [{"question": "pump", "section": "context", "value": true, "label": "Yes"}],
        "alerts": [], "asked": 23
    }))
    .unwrap();
    r.completes = completes.map(str::to_string);
    if long {
        // Longer than a step back, with escapes all through it.
        r.answers[0].value = Value::String("é \"a\" \\ ".repeat(12_000));
    }
    r
}

/// How a check-in's line is written.
#[derive(Debug, Clone, Copy)]
enum Form {
    /// As `to_line` writes it.
    Written,
    /// Hand-edited: a space after the brace.
    Spaced,
    /// Hand-edited: the id first.
    IdFirst,
    /// The id's first character written as `\u00XX`.
    EscapedId,
    /// The `completes` id written with `\u00XX` (and `\/` for `/`).
    EscapedCompletes,
    /// Windows line end.
    Crlf,
}

#[derive(Debug, Clone)]
enum Piece {
    CheckIn {
        id: usize,
        stopped: bool,
        completes: Option<usize>,
        form: Form,
        long: bool,
    },
    Mark(usize),
    /// A line that is not a check-in, or a blank one.
    Other(&'static [u8]),
    /// Starts as `to_line` writes a check-in, but is not one.
    BadShape(usize),
    /// A check-in of a newer sidecheck.
    Newer(usize),
}

#[derive(Debug, Clone, Copy)]
enum Tail {
    Whole,
    /// The last line lost its newline.
    NoNewline,
    /// The last line cut short by a crash, at this share of its length (in 1/256).
    Torn(u8),
}

/// `\u00XX` for the first character when it is ASCII, `\/` for `/`.
fn escape_first(id: &str) -> String {
    let written = serde_json::to_string(id).unwrap();
    let inner = &written[1..written.len() - 1];
    let first = inner.chars().next().unwrap_or('a');
    if first == '\\' {
        // Already an escape: write the whole id with `\u` escapes.
        let mut all = String::new();
        for c in id.chars() {
            all.push_str(&format!("\\u{:04x}", c as u32));
        }
        return format!("\"{all}\"");
    }
    let rest = &inner[first.len_utf8()..];
    let rest = rest.replace('/', "\\/");
    format!("\"\\u{:04x}{rest}\"", first as u32)
}

fn piece_line(piece: &Piece) -> Vec<u8> {
    let mut line = match piece {
        Piece::CheckIn {
            id,
            stopped,
            completes,
            form,
            long,
        } => {
            let r = record(IDS[*id], *stopped, completes.map(|c| IDS[c]), *long);
            let written = r.to_line().unwrap();
            let written = written.trim_end();
            match form {
                Form::Written => written.to_string(),
                Form::Crlf => format!("{written}\r"),
                Form::Spaced => written.replacen('{', "{ ", 1),
                Form::IdFirst => {
                    let value = serde_json::to_value(&r).unwrap();
                    let mut map = serde_json::Map::new();
                    map.insert("id".into(), value["id"].clone());
                    for (k, v) in value.as_object().unwrap() {
                        map.insert(k.clone(), v.clone());
                    }
                    Value::Object(map).to_string()
                }
                Form::EscapedId => {
                    let plain = format!(",\"id\":{},", serde_json::to_string(&r.id).unwrap());
                    let escaped = format!(",\"id\":{},", escape_first(&r.id));
                    written.replacen(&plain, &escaped, 1)
                }
                Form::EscapedCompletes => match &r.completes {
                    Some(c) => {
                        let plain = format!("\"completes\":{}", serde_json::to_string(c).unwrap());
                        let escaped = format!("\"completes\":{}", escape_first(c));
                        written.replacen(&plain, &escaped, 1)
                    }
                    None => written.to_string(),
                },
            }
        }
        Piece::Mark(id) => {
            let at = chrono::DateTime::parse_from_rfc3339("2025-03-02T09:00:00.000+01:00").unwrap();
            let mark = sidecheck::record::BaselineMark::new(IDS[*id], at);
            mark.to_line().unwrap().trim_end().to_string()
        }
        Piece::Other(bytes) => {
            let mut b = bytes.to_vec();
            b.push(b'\n');
            return b;
        }
        Piece::BadShape(id) => format!(
            "{{\"schema\":3,\"id\":{},\"status\":\"oops\"}}",
            serde_json::to_string(IDS[*id]).unwrap()
        ),
        Piece::Newer(id) => {
            let mut v = serde_json::to_value(record(IDS[*id], false, None, false)).unwrap();
            v["schema"] = json!(5);
            v["mood"] = json!("fine");
            v.to_string()
        }
    }
    .into_bytes();
    line.push(b'\n');
    line
}

fn piece() -> impl Strategy<Value = Piece> {
    let id = 0..IDS.len();
    let form = prop_oneof![
        4 => Just(Form::Written),
        1 => Just(Form::Spaced),
        1 => Just(Form::IdFirst),
        1 => Just(Form::EscapedId),
        1 => Just(Form::EscapedCompletes),
        1 => Just(Form::Crlf),
    ];
    prop_oneof![
        8 => (id.clone(), any::<bool>(), proptest::option::of(id.clone()), form, proptest::bool::weighted(0.05))
            .prop_map(|(id, stopped, completes, form, long)| Piece::CheckIn { id, stopped, completes, form, long }),
        1 => id.clone().prop_map(Piece::Mark),
        1 => prop::sample::select(vec![
            &b"not a check-in"[..],
            &b"{\"schema\": 1, oops"[..],
            &b"\xff\xfe{}"[..],
            &b""[..],
            &b"   "[..],
            &b"{}"[..],
        ])
        .prop_map(Piece::Other),
        1 => id.clone().prop_map(Piece::BadShape),
        1 => id.prop_map(Piece::Newer),
    ]
}

fn tail() -> impl Strategy<Value = Tail> {
    prop_oneof![
        3 => Just(Tail::Whole),
        1 => Just(Tail::NoNewline),
        2 => (1u8..255).prop_map(Tail::Torn),
    ]
}

fn log_bytes(pieces: &[Piece], tail: Tail) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut last_start = 0;
    for p in pieces {
        last_start = bytes.len();
        bytes.extend_from_slice(&piece_line(p));
    }
    match tail {
        Tail::Whole => {}
        Tail::NoNewline => {
            bytes.pop();
        }
        Tail::Torn(share) => {
            let line = bytes.len() - last_start;
            if line > 2 {
                let keep = (1 + (line - 2) * usize::from(share) / 256).min(line - 1);
                bytes.truncate(last_start + keep);
            }
        }
    }
    bytes
}

/// One whole pass over the log, as `show` read it before: every entry in order.
struct Whole {
    entries: Vec<Entry>,
    /// The log's lines, to tell which a lookup may pass over unread.
    lines: Vec<Vec<u8>>,
}

impl Whole {
    fn read(store: &Store) -> Whole {
        let entries: Vec<Entry> = store.reader().unwrap().collect();
        let bytes = fs::read(store.log_path()).unwrap_or_default();
        let mut lines: Vec<Vec<u8>> = bytes
            .split_inclusive(|b| *b == b'\n')
            .map(<[u8]>::to_vec)
            .collect();
        if lines.is_empty() {
            lines.push(Vec::new());
        }
        Whole { entries, lines }
    }

    /// The warnings a pass names for these bad lines.
    fn warnings<'a>(bad: impl Iterator<Item = &'a BadLine>) -> Vec<String> {
        let mut warnings = Vec::new();
        let mut lines = BadLines::default();
        for b in bad {
            lines.note(b, &mut |w| warnings.push(w));
        }
        lines.finish(&mut |w| warnings.push(w));
        warnings
    }

    /// `last`: the last check-in, and the bad lines after it.
    fn last(&self) -> (Option<CheckIn>, Vec<String>) {
        let at = self
            .entries
            .iter()
            .rposition(|e| matches!(e, Entry::Record(_)));
        let record = at.and_then(|i| match &self.entries[i] {
            Entry::Record(r) => Some((**r).clone()),
            _ => None,
        });
        let after = &self.entries[at.map_or(0, |i| i + 1)..];
        (record, Whole::warnings(after.iter().filter_map(bad)))
    }

    /// An id or a prefix, as the store's lookup went through the whole log; the
    /// warnings are those for the bad lines a lookup by `which` reads.
    fn lookup(&self, which: &str) -> (Shown, Vec<String>) {
        let mut found: Option<CheckIn> = None;
        let mut matches = 0;
        let mut read = Vec::new();
        let mut stop = self.entries.len();
        for (i, e) in self.entries.iter().enumerate() {
            if let Entry::Record(r) = e {
                if r.id == which {
                    found = Some((**r).clone());
                    matches = 1;
                    stop = i;
                    break;
                } else if r.id.starts_with(which) {
                    matches += 1;
                    found = Some((**r).clone());
                }
            }
        }
        for b in self.entries[..stop].iter().filter_map(bad) {
            if !self.may_pass_over(b.line, which) {
                read.push(b);
            }
        }
        let shown = match found {
            _ if matches > 1 => Shown::Ambiguous(matches),
            Some(r) => Shown::Found(Box::new(r)),
            None => Shown::NotFound,
        };
        (shown, Whole::warnings(read.into_iter()))
    }

    /// Whether a lookup by `which` may pass over line `n` unread: it starts as
    /// `to_line` writes a check-in of a version this build reads, with an id
    /// (without escapes) that does not start with `which`, and it has its newline.
    fn may_pass_over(&self, n: u64, which: &str) -> bool {
        let line = &self.lines[(n - 1) as usize];
        line.last() == Some(&b'\n')
            && written_id(line).is_some_and(|id| !id.starts_with(which.as_bytes()))
    }

    /// The prefix lookup that counts copies of one line once.
    fn distinct(&self, prefix: &str) -> Shown {
        let mut found = None;
        let mut ids: Vec<&str> = Vec::new();
        for e in &self.entries {
            if let Entry::Record(r) = e
                && r.id.starts_with(prefix)
                && !ids.contains(&r.id.as_str())
            {
                ids.push(&r.id);
                found.get_or_insert_with(|| (**r).clone());
            }
        }
        match found {
            Some(r) if ids.len() == 1 => Shown::Found(Box::new(r)),
            Some(_) => Shown::Ambiguous(ids.len()),
            None => Shown::NotFound,
        }
    }

    /// The first check-in in the log whose `completes` is `id`.
    fn continued_by(&self, id: &str) -> Option<CheckIn> {
        self.entries.iter().find_map(|e| match e {
            Entry::Record(r) if r.completes.as_deref() == Some(id) => Some((**r).clone()),
            _ => None,
        })
    }
}

/// The test's own reading of a line's start as `to_line` writes it.
fn written_id(line: &[u8]) -> Option<&[u8]> {
    let rest = line.strip_prefix(b"{\"schema\":")?;
    let (&digit, rest) = rest.split_first()?;
    if !(b'0'..=b'3').contains(&digit) {
        return None;
    }
    let rest = rest.strip_prefix(b",\"id\":\"")?;
    let end = rest.iter().position(|b| *b == b'"' || *b == b'\\')?;
    (rest[end] == b'"').then(|| &rest[..end])
}

fn bad(e: &Entry) -> Option<&BadLine> {
    match e {
        Entry::Bad(b) => Some(b),
        _ => None,
    }
}

/// A lookup's result, comparable.
#[derive(Debug, PartialEq)]
enum Shown {
    Found(Box<CheckIn>),
    NotFound,
    Ambiguous(usize),
}

impl From<Lookup> for Shown {
    fn from(l: Lookup) -> Shown {
        match l {
            Lookup::Found(r) => Shown::Found(r),
            Lookup::NotFound => Shown::NotFound,
            Lookup::Ambiguous(n) => Shown::Ambiguous(n),
        }
    }
}

fn fast_lookup(store: &Store, which: &str) -> (Shown, Vec<String>) {
    let mut warnings = Vec::new();
    let shown = store.lookup(which, &mut |w| warnings.push(w)).unwrap();
    (shown.into(), warnings)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: scale(256, 4096) as u32,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_fast_lookup_finds_what_a_whole_pass_finds(
        pieces in proptest::collection::vec(piece(), 0..24),
        tail in tail(),
    ) {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::new(tmp.path().join("data"));
        fs::create_dir_all(store.dir()).unwrap();
        fs::write(store.log_path(), log_bytes(&pieces, tail)).unwrap();
        let whole = Whole::read(&store);

        let (record, warnings) = whole.last();
        let fast = fast_lookup(&store, "last");
        prop_assert_eq!(&fast.0, &record.clone().map_or(Shown::NotFound, |r| Shown::Found(Box::new(r))));
        prop_assert_eq!(&fast.1, &warnings, "last: the bad lines after the last check-in");

        for which in WHICH {
            let fast = fast_lookup(&store, which);
            let slow = whole.lookup(which);
            prop_assert_eq!(&fast, &slow, "lookup {:?}", which);
            let fast = Shown::from(checkins::lookup_distinct(&store, which).unwrap());
            prop_assert_eq!(fast, whole.distinct(which), "distinct {:?}", which);
        }
        for id in IDS {
            let fast = checkins::continued_by(&store, id).unwrap();
            prop_assert_eq!(fast, whole.continued_by(id), "continued_by {:?}", id);
        }
    }
}

#[test]
fn the_generated_logs_hold_what_the_property_is_about() {
    // The forms differ from `to_line`'s where they should, and still read.
    for form in [
        Form::Spaced,
        Form::IdFirst,
        Form::EscapedId,
        Form::EscapedCompletes,
        Form::Crlf,
    ] {
        let piece = Piece::CheckIn {
            id: 4,
            stopped: true,
            completes: Some(4),
            form,
            long: false,
        };
        let line = piece_line(&piece);
        let written = record(IDS[4], true, Some(IDS[4]), false).to_line().unwrap();
        assert_ne!(line, written.as_bytes(), "{form:?}");
        let text = String::from_utf8(line).unwrap();
        let read = sidecheck::record::read_line(text.trim_end()).unwrap();
        assert!(
            matches!(read, sidecheck::record::Line::CheckIn(ref r) if r.id == "x/y" && r.completes.as_deref() == Some("x/y")),
            "{form:?}: {text}"
        );
    }
    let escaped = piece_line(&Piece::CheckIn {
        id: 0,
        stopped: false,
        completes: Some(5),
        form: Form::EscapedCompletes,
        long: false,
    });
    let text = String::from_utf8(escaped).unwrap();
    assert!(text.contains(r#""completes":"\u0071\"x""#), "{text}");
    assert!(written_id(text.as_bytes()).is_some());
    let escaped = piece_line(&Piece::CheckIn {
        id: 1,
        stopped: false,
        completes: None,
        form: Form::EscapedId,
        long: false,
    });
    assert_eq!(written_id(&escaped), None);
}

/// A log in `env`'s data folder made of these lines, each with its newline.
fn write_log(env: &Env, lines: &[String], end: &str) {
    fs::create_dir_all(env.data_dir()).unwrap();
    fs::write(env.log_path(), format!("{}{end}", lines.join("\n"))).unwrap();
}

fn line_of(record: &CheckIn) -> String {
    record.to_line().unwrap().trim_end().to_string()
}

#[test]
fn show_last_steps_back_over_a_torn_tail_and_names_its_line() {
    let env = Env::new();
    let a = record("20250301-090000-000000000001", false, None, false);
    let b = record("20250302-090000-000000000002", false, None, true);
    let torn = r#"{"schema":3,"id":"20250303-090000-000000000003","status":"compl"#;
    write_log(
        &env,
        &[line_of(&a), line_of(&b), String::new(), torn.into()],
        "",
    );
    let out = env.run(["show", "last", "--json"]).code(0);
    let shown: CheckIn = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(shown, b);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("checkins.jsonl line 4: skipped, not a valid check-in (unfinished last line, likely left by a crash)"),
        "{err}"
    );
    // Looked up by id, the torn tail is read and named the same way.
    let err = stderr(&env.run(["show", "20250302-"]).code(0));
    assert!(err.contains("line 4: skipped"), "{err}");
}

#[test]
fn show_last_of_a_stopped_check_in_says_which_later_one_completed_it() {
    // A merge put the completing check-in before the stopped one; a copy of the
    // stopped line came last. `show last` says what a whole pass would.
    let env = Env::new();
    let stopped = record("20250301-090000-00000000000a", true, None, false);
    let done = record(
        "20250301-100000-00000000000b",
        false,
        Some(&stopped.id),
        false,
    );
    write_log(&env, &[line_of(&done), line_of(&stopped)], "\n");
    let text = stdout(&env.run(["show", "last"]).code(0));
    assert!(
        text.contains(&format!(
            "This stopped check-in was completed later by check-in {}",
            done.id
        )),
        "{text}"
    );
    let text = stdout(&env.run(["show", "last", "--json"]).code(0));
    assert_eq!(serde_json::from_str::<CheckIn>(&text).unwrap(), stopped);
    // The completing one names the stopped one.
    let text = stdout(&env.run(["show", &done.id]).code(0));
    assert!(
        text.contains(&format!(
            "This check-in finishes the stopped check-in {}",
            stopped.id
        )),
        "{text}"
    );
}

#[test]
fn show_last_never_reads_the_lines_before_the_last_check_in() {
    let env = Env::new();
    let last = record("20250301-090000-000000000001", false, None, false);
    let mut lines = vec!["not a check-in".to_string(); 200_000];
    lines.push(line_of(&last));
    // A baseline mark and a blank line after it are stepped over in silence.
    let at = chrono::DateTime::parse_from_rfc3339("2025-03-02T09:00:00.000+01:00").unwrap();
    lines.push(
        sidecheck::record::BaselineMark::new(&last.id, at)
            .to_line()
            .unwrap()
            .trim_end()
            .to_string(),
    );
    lines.push(String::new());
    write_log(&env, &lines, "\n");
    let out = env.run(["show", "last", "--json"]).code(0);
    assert_eq!(
        serde_json::from_str::<CheckIn>(&stdout(&out)).unwrap(),
        last
    );
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    // A whole pass names them.
    let err = stderr(&env.run(["show", &last.id]).code(0));
    assert!(err.contains("200000 lines in all were skipped"), "{err}");
}

#[test]
fn show_id_finds_a_hand_edited_line_and_keeps_the_prefix_rules() {
    let env = Env::new();
    let a = record("20250301-090000-00000000000a", false, None, false);
    let b = record("20250301-090000-00000000000b", false, None, false);
    // `b` hand-edited: its id's first digit written as an escape, a space after `{`.
    let edited = line_of(&b).replacen(
        "{\"schema\":3,\"id\":\"2",
        "{ \"schema\":3,\"id\":\"\\u0032",
        1,
    );
    write_log(&env, &[line_of(&a), edited.clone(), line_of(&a)], "\n");
    let text = stdout(&env.run(["show", &b.id, "--json"]).code(0));
    assert_eq!(serde_json::from_str::<CheckIn>(&text).unwrap(), b);
    // Two check-ins start so; `a`'s copies count once.
    env.run(["show", "20250301-090000"])
        .code(2)
        .stderr_has("matches 2 check-ins");
    write_log(&env, &[line_of(&a), line_of(&a)], "\n");
    let text = stdout(&env.run(["show", "20250301", "--json"]).code(0));
    assert_eq!(serde_json::from_str::<CheckIn>(&text).unwrap(), a);
}
