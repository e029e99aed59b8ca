//! The program's errors and their exit codes: 0 ok, 1 runtime or I/O failure,
//! 2 bad usage or bad input, 129 the terminal hung up, 130 interrupted (Ctrl-C or
//! SIGINT), 143 terminated (SIGTERM). In the last three, what was answered was saved.

use std::fmt;

use crate::bank::BankError;
use crate::i18n::t;
use crate::store::StoreError;
use crate::text::tidy;

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
            Error::Interrupted => write!(f, "{}", t("error-interrupted")),
            Error::Terminated => write!(f, "{}", t("error-terminated")),
            Error::HungUp => write!(f, "{}", t("error-hung-up")),
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
