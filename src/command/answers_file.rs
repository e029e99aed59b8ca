//! Reading an answers file (`check --answers`, `profile --answers`): a path, or `-`
//! for standard input; size-limited and UTF-8, with one-line messages that name it.

use std::io::{self, Read};

use crate::error::Error;
use crate::i18n::t_args;
use crate::json_error;
use crate::scripted::MAX_ANSWERS_BYTES;
use crate::text::io_reason;

/// What messages call an answers file: its path, or "standard input" for `-`.
pub fn name(source: &str) -> &str {
    if source == "-" {
        "standard input"
    } else {
        source
    }
}

/// The text of an answers file.
pub fn read(source: &str) -> Result<String, Error> {
    let name = name(source);
    // Room for a usual answers file (well under 8 KiB), so it is read in one call
    // rather than in doubling steps from 32 bytes (the size limit hides its size).
    let mut bytes = Vec::with_capacity(8 * 1024);
    let read = if source == "-" {
        io::stdin()
            .lock()
            .take(MAX_ANSWERS_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(source)
            .and_then(|f| f.take(MAX_ANSWERS_BYTES + 1).read_to_end(&mut bytes))
    };
    read.map_err(|e| {
        Error::Input(t_args(
            "answers-file-unreadable",
            &[("name", name), ("reason", &io_reason(&e))],
        ))
    })?;
    if bytes.len() as u64 > MAX_ANSWERS_BYTES {
        return Err(Error::Input(t_args(
            "answers-file-too-big",
            &[("name", name)],
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        let (line, col) = json_error::line_col(e.as_bytes(), e.utf8_error().valid_up_to());
        Error::Input(t_args(
            "answers-file-not-utf8",
            &[
                ("name", name),
                ("line", &line.to_string()),
                ("col", &col.to_string()),
            ],
        ))
    })
}
