//! Messages for the person, on stderr, that can never panic.
//!
//! `eprint!` and `eprintln!` panic when stderr cannot be written (a closed pipe, as
//! in `2>&1 | head -1`, or `2>/dev/full`), and a panic there can abort the process
//! before a check-in is saved. A message nobody can read is dropped instead: the
//! save and the exit code must not depend on it.

use std::io::{self, Write};

/// Writes text to stderr; a failed write is ignored.
pub fn write_err(text: &str) {
    let mut err = io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}

/// Writes a paragraph to stderr and a newline, broken between words to fit the
/// terminal, if stderr is one (elsewhere as one line, for scripts that read it).
pub fn say_wrapped(text: &str) {
    let mut out = match crate::alert::screen_columns() {
        Some(columns) => crate::alert::wrap(text, columns.saturating_sub(1).max(20)).join("\n"),
        None => text.to_string(),
    };
    out.push('\n');
    write_err(&out);
}

/// `eprint!` that never panics.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::console::write_err(&format!($($arg)*))
    };
}

/// `eprintln!` that never panics.
#[macro_export]
macro_rules! sayln {
    () => {
        $crate::console::write_err("\n")
    };
    ($($arg:tt)*) => {{
        let mut line = format!($($arg)*);
        line.push('\n');
        $crate::console::write_err(&line)
    }};
}

/// Text from the log (or any file) as it may reach a terminal: each control
/// character is shown as an escape such as `\u{1b}`, so a stored `ESC ] 0 ;` cannot
/// set the window title and `ESC [ 2 J` cannot clear the screen. Newlines stay.
/// The stored text itself is never changed; only what is printed.
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_visible(&mut out, c, true);
    }
    out
}

/// Adds one character as it may be shown; with `keep_newline` false a newline is
/// escaped too (for one-line messages).
pub fn push_visible(out: &mut String, c: char, keep_newline: bool) {
    if c.is_control() && !(keep_newline && c == '\n') {
        out.extend(c.escape_default());
    } else {
        out.push(c);
    }
}

/// At most `max` characters of stored text, on one line, for a message: control
/// characters, line breaks included, are shown as escapes.
pub fn visible_line(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars().take(max) {
        push_visible(&mut out, c, false);
    }
    if text.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

/// An id from the log (a check-in's, a bank's, a profile item's) as a message
/// shows it: at most 64 characters, control characters escaped.
pub fn visible_id(id: &str) -> String {
    visible_line(id, 64)
}
