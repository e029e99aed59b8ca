//! Shared with the `read_line` fuzz target: the strict fast path of
//! `record::read_line` reads a line exactly as serde_json does, or leaves it to
//! serde. The differential test and the proptest property in `fast_path.rs` call it
//! too, so all three check one thing.

// The fuzz target uses only part of this.
#![allow(dead_code)]

use sidecheck::export::json::record_bytes;
use sidecheck::record::{
    CheckIn, Filled, Line, LineError, Skim, fill_line_fast, fill_line_written, read_line,
    read_line_fast, read_line_in, read_line_serde, skim_line,
};

/// A result shown whole: `Debug` tells apart what `PartialEq` does not (a time's
/// offset, `-0.0` from `0.0`), and an error is its variant and its message.
fn shown(read: &Result<Line, LineError>) -> String {
    match read {
        Ok(line) => format!("{line:?}"),
        Err(LineError::Newer(v)) => format!("newer: {v}"),
        Err(LineError::Json(e)) => format!("json: {e}"),
    }
}

fn shown_skim(read: &Result<Skim, LineError>) -> String {
    match read {
        Ok(skim) => format!("{skim:?}"),
        Err(LineError::Newer(v)) => format!("newer: {v}"),
        Err(LineError::Json(e)) => format!("json: {e}"),
    }
}

/// What a skim keeps of a line read whole.
fn skimmed(read: Result<Line, LineError>) -> Result<Skim, LineError> {
    read.map(|line| match line {
        Line::CheckIn(r) => Skim::CheckIn {
            id: r.id,
            status: r.status,
            completes: r.completes,
        },
        Line::Mark(m) => Skim::Mark(m),
    })
}

/// A line with every optional key, texts longer than a `CompactString` keeps
/// inline, and values of each kind: what a reader's record may hold from the line
/// before when it reads the next one into it.
const EARLIER: &str = concat!(
    r#"{"schema":3,"id":"20150105-022328-d604f1f4377b-and-a-long-tail","status":"stopped","#,
    r#""started_at":"2015-01-05T03:23:28.571+01:00","ended_at":"2015-01-05T03:27:59.420-05:00","#,
    r#""bank":{"id":"a-bank-id-longer-than-24-bytes","version":"1.1.0-and-more-than-24","language":"en"},"#,
    r#""region":"a-region-longer-than-24-bytes","answers":["#,
    r#"{"question":"q1-a-question-id-longer-than-24","section":"s-a-section-id-longer-than-24","value":"a value longer than twenty-four bytes","label":"a label longer than twenty-four bytes","score":4},"#,
    r#"{"question":"q2","section":"s","value":12,"label":"L","score":0},"#,
    r#"{"question":"q3","section":"s","value":true},"#,
    r#"{"question":"q4","section":"s","value":null,"label":"x"},"#,
    r#"{"question":"q5","section":"s","value":"line\nbreak \u00e9","score":2},"#,
    r#"{"question":"q6","section":"s","value":-7},"#,
    r#"{"question":"q7","section":"s","value":"seven"},"#,
    r#"{"question":"q8","section":"s","value":"eight","label":"Eight"}],"#,
    r#""alerts":[{"id":"an-alert-id-longer-than-24-bytes","question":"q1","level":"emergency","title":"A title longer than twenty-four bytes","shown_at":"2015-01-05T03:24:00.000+01:00","retracted_at":"2015-01-05T03:25:00.000+01:00"},"#,
    r#"{"id":"b","question":"q2","level":"advice","title":"T"}],"#,
    r#""retracted_alerts":[{"id":"r","question":"q3","level":"crisis","title":"R","shown_at":"2015-01-05T03:24:00.000+01:00","retracted_at":"2015-01-05T03:25:00.000+01:00"}],"#,
    r#""scores":[{"section":"serious","score":4,"max":20,"answered":5}],"#,
    r#""asked":31,"completes":"20150101-000000-000000000000-a-long-one","#,
    r#""profile":{"kidney":true,"over_65":false}}"#
);

/// A record holding [`EARLIER`].
fn earlier() -> Box<CheckIn> {
    match read_line_serde(EARLIER) {
        Ok(Line::CheckIn(r)) => r,
        other => panic!("EARLIER is not a check-in: {}", shown(&other)),
    }
}

/// What reading `text` into a record gave, shown as a read of it into a new one.
fn shown_in(read: Result<Filled, LineError>, r: Box<CheckIn>) -> String {
    shown(&read.map(|filled| match filled {
        Filled::CheckIn => Line::CheckIn(r),
        Filled::Mark(m) => Line::Mark(m),
    }))
}

/// Panics, naming the line, unless `read_line` and `skim_line` give for `text`
/// what serde gives, and reading it into a record that held another line
/// (`read_line_in`, `fill_line_fast`) gives what reading it into a new one does.
/// Returns whether the fast path took the line.
pub fn read_line_agrees(text: &str) -> bool {
    refills_agree(text);
    let serde = read_line_serde(text);
    let fast = read_line_fast(text);
    if let Some(line) = &fast {
        let serde_line = serde.as_ref().ok();
        assert!(
            serde_line == Some(line),
            "the fast path read what serde does not:\n  line:  {text:?}\n  fast:  {line:?}\n  serde: {}",
            shown(&serde)
        );
    }
    let read = read_line(text);
    assert_eq!(
        shown(&read),
        shown(&serde),
        "read_line differs from serde on {text:?}"
    );
    assert_eq!(
        shown_skim(&skim_line(text)),
        shown_skim(&skimmed(serde)),
        "skim_line differs from serde on {text:?}"
    );
    fast.is_some()
}

/// Panics unless reading `text` into a record that held [`EARLIER`] gives what
/// reading it into a new record gives, by either path.
fn refills_agree(text: &str) {
    let mut r = earlier();
    let read = read_line_in(text, &mut r);
    assert_eq!(
        shown_in(read, r),
        shown(&read_line(text)),
        "read_line_in into a used record differs on {text:?}"
    );
    let mut r = earlier();
    let filled = fill_line_fast(text, &mut r).map(|filled| match filled {
        Filled::CheckIn => Line::CheckIn(r),
        Filled::Mark(m) => Line::Mark(m),
    });
    assert_eq!(
        format!("{filled:?}"),
        format!("{:?}", read_line_fast(text)),
        "fill_line_fast into a used record differs on {text:?}"
    );
}

/// Panics, naming the line, if the fast path calls `text` a check-in as written
/// (one the JSON report copies instead of writing the record again) when the
/// report's writer would not write the record it read back as `text`, byte for
/// byte. Returns whether it did. (It may leave a line it could copy, such as a
/// leap second, to the writer.)
pub fn written_agrees(text: &str) -> bool {
    let mut r = earlier();
    let Some((filled, written)) = fill_line_written(text, &mut r) else {
        return false;
    };
    if filled != Filled::CheckIn {
        assert!(!written, "a mark read as a check-in as written: {text:?}");
        return false;
    }
    let mut again = Vec::new();
    record_bytes(&mut again, &r);
    assert!(
        !written || again == text.as_bytes(),
        "copied as written, wrongly:\n  line:    {text:?}\n  written: {:?}",
        String::from_utf8_lossy(&again)
    );
    written
}
