//! The program's errors and their exit codes: 0 ok, 1 runtime or I/O failure,
//! 2 bad usage or bad input, 129 the terminal hung up, 130 interrupted (Ctrl-C or
//! SIGINT), 143 terminated (SIGTERM). In the last three, what was answered was saved.

use std::fmt;
use std::io;

use crate::bank::BankError;
use crate::store::StoreError;

/// Everything that can stop a command.
#[derive(Debug)]
pub enum Error {
    /// Bad usage or input that the user can fix (exit 2).
    Input(String),
    /// A bank that does not load (exit 2).
    Bank(BankError),
    /// The log or the data folder failed (exit 1).
    Store(StoreError),
    /// Any other runtime or I/O failure (exit 1).
    Runtime(String),
    /// The person stopped the check with Ctrl-C (or SIGINT came); what they answered
    /// was handled (exit 130).
    Interrupted,
    /// SIGTERM stopped the check; what was answered was handled (exit 143).
    Terminated,
    /// The terminal hung up (SIGHUP, or end of input); what was answered was handled
    /// (exit 129).
    HungUp,
}

impl Error {
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Input(_) | Error::Bank(_) => 2,
            Error::Store(_) | Error::Runtime(_) => 1,
            Error::HungUp => 129,
            Error::Interrupted => 130,
            Error::Terminated => 143,
        }
    }

    /// A stop from outside the program (a key, a signal, a hang-up): the answers were
    /// already handled and reported, so there is no error line to print.
    pub fn is_stop(&self) -> bool {
        matches!(self, Error::Interrupted | Error::Terminated | Error::HungUp)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // Messages may quote a file's text or a path: keep them to one line.
            Error::Input(m) | Error::Runtime(m) => write!(f, "{}", tidy(m)),
            Error::Bank(e) => write!(f, "{e}"),
            Error::Store(e) => write!(f, "{}", tidy(&e.to_string())),
            Error::Interrupted => write!(f, "stopped"),
            Error::Terminated => write!(f, "stopped by a signal to end (SIGTERM)"),
            Error::HungUp => write!(f, "stopped: the terminal hung up"),
        }
    }
}

impl std::error::Error for Error {}

impl From<BankError> for Error {
    fn from(e: BankError) -> Error {
        Error::Bank(e)
    }
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Error {
        Error::Store(e)
    }
}

/// A short, plain reason for an I/O error, without Rust's "(os error N)" noise.
pub fn io_reason(e: &io::Error) -> String {
    #[cfg(unix)]
    {
        // EFBIG: the file-size limit (ulimit -f) was hit.
        if e.raw_os_error() == Some(27) {
            return "the file is too large for this system's limits".into();
        }
    }
    match e.kind() {
        io::ErrorKind::NotFound => "it does not exist".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::StorageFull => "the disk is full".into(),
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".into(),
        io::ErrorKind::AlreadyExists => "it already exists".into(),
        io::ErrorKind::IsADirectory => "it is a folder, not a file".into(),
        io::ErrorKind::NotADirectory => "a part of the path is not a folder".into(),
        io::ErrorKind::FileTooLarge => "the file is too large for this system's limits".into(),
        io::ErrorKind::InvalidData => "it is not valid text".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_lowercase(),
                None => s.to_lowercase(),
            }
        }
    }
}

/// Makes text from a file fit to print in a one-line message: control characters
/// (a newline, or a terminal escape) are shown escaped, a quoted piece longer than
/// [`QUOTE_MAX`] characters is cut short, and a message that is still very long keeps
/// its start and its end (where the advice is).
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(4 * MESSAGE_MAX));
    // The closing quote while inside a quoted piece, and its length so far.
    let mut open: Option<(char, usize)> = None;
    // Inside "...", a backslash keeps the next character (an escaped quote) inside.
    let mut escaped = false;
    for c in text.chars() {
        match open {
            Some((close, _)) if c == close && !escaped => open = None,
            Some((close, n)) => {
                open = Some((close, n + 1));
                escaped = close == '"' && c == '\\' && !escaped;
                if n == QUOTE_MAX {
                    out.push('…');
                }
                if n >= QUOTE_MAX {
                    continue;
                }
            }
            None if c == '"' || c == '`' => open = Some((c, 0)),
            None => {}
        }
        crate::console::push_visible(&mut out, c, false);
    }
    let count = out.chars().count();
    if count <= MESSAGE_MAX {
        return out;
    }
    let head: String = out.chars().take(MESSAGE_MAX / 2).collect();
    let tail: String = out.chars().skip(count - MESSAGE_MAX / 3).collect();
    format!("{head} … {tail}")
}

/// The longest quoted piece of a file's text that messages repeat.
pub const QUOTE_MAX: usize = 64;
/// The longest message, in characters, before its middle is left out.
pub const MESSAGE_MAX: usize = 1200;
