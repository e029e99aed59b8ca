//! Shared with the `read_line` fuzz target: the strict fast path of
//! `record::read_line` reads a line exactly as serde_json does, or leaves it to
//! serde. The differential test and the proptest property in `fast_path.rs` call it
//! too, so all three check one thing.

// The fuzz target uses only part of this.
#![allow(dead_code)]

use sidecheck::record::{
    Line, LineError, Skim, read_line, read_line_fast, read_line_serde, skim_line,
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

/// Panics, naming the line, unless `read_line` and `skim_line` give for `text`
/// what serde gives. Returns whether the fast path took the line.
pub fn read_line_agrees(text: &str) -> bool {
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
