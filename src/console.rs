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
    let mut out = match text_width() {
        Some(width) => crate::text::wrap(text, width).join("\n"),
        None => text.to_string(),
    };
    out.push('\n');
    write_err(&out);
}

/// How wide text for the person may be on the terminal stderr writes to: one
/// column short of it (a full last column makes some terminals wrap), at least 20;
/// `None` when stderr is not a terminal.
pub fn text_width() -> Option<usize> {
    screen_columns().map(|columns| columns.saturating_sub(1).max(20))
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

/// Columns of the terminal stderr writes to, if it is one.
pub fn screen_columns() -> Option<usize> {
    #[cfg(unix)]
    {
        let size = rustix::termios::tcgetwinsize(std::io::stderr()).ok()?;
        (size.ws_col > 0).then_some(usize::from(size.ws_col))
    }
    #[cfg(not(unix))]
    None
}
