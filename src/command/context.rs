//! What commands share, built from the global options (`--bank`, `--region`,
//! `--data-dir`). Each part is made the first time a command asks for it, so a
//! command never fails on a part it does not use: `regions` needs no bank and no
//! data folder, and `show` still shows a check-in when the bank does not load.

use std::cell::OnceCell;
use std::io::{self, IsTerminal};

use chrono::{DateTime, FixedOffset, Local};
use serde::Serialize;

use crate::alert;
use crate::bank::Bank;
use crate::cli::Cli;
use crate::error::Error;
use crate::i18n::{t, t_args};
use crate::output;
use crate::region::{self, Chosen};
use crate::store::{self, Store};

/// The parts one command line may use.
pub struct Context<'a> {
    cli: &'a Cli,
    bank: OnceCell<Bank>,
    store: OnceCell<Store>,
    region: OnceCell<Chosen>,
}

impl<'a> Context<'a> {
    pub fn new(cli: &'a Cli) -> Context<'a> {
        Context {
            cli,
            bank: OnceCell::new(),
            store: OnceCell::new(),
            region: OnceCell::new(),
        }
    }

    /// The question bank: the `--bank` file, or the built-in one in the language in
    /// use.
    pub fn bank(&self) -> Result<&Bank, Error> {
        once(&self.bank, || {
            Ok(match &self.cli.bank {
                Some(path) => Bank::load(path)?,
                None => Bank::bundled_for(crate::i18n::current().code())?,
            })
        })
    }

    /// The private log: `--data-dir` (or `SIDECHECK_DATA_DIR`), or the platform's
    /// data folder.
    pub fn store(&self) -> Result<&Store, Error> {
        once(&self.store, || {
            match self.cli.data_dir.clone().or_else(store::default_dir) {
                Some(dir) if dir.as_os_str().is_empty() => {
                    Err(Error::Input(t("context-data-dir-empty")))
                }
                Some(dir) => Ok(Store::new(dir)),
                None => Err(Error::Input(t("context-no-home"))),
            }
        })
    }

    /// The region whose numbers alerts show: `--region`, or the one the locale names.
    pub fn region(&self) -> Result<&Chosen, Error> {
        once(&self.region, || {
            region::choose(self.cli.region.as_deref(), |k| std::env::var(k).ok())
                .map_err(|e| Error::Input(e.to_string()))
        })
    }

    /// Says on stderr something that went wrong without stopping the command.
    pub fn warn(&self, text: String) {
        crate::sayln!("{}", t_args("context-warning", &[("text", &text)]));
    }

    /// Writes a text to stdout; see [`output::out`].
    pub fn out(&self, text: &str) -> Result<(), Error> {
        output::out(text)
    }

    /// Writes `value` to stdout as indented JSON and a newline.
    pub fn out_json(&self, value: &impl Serialize) -> Result<(), Error> {
        self.out(&format!("{}\n", output::pretty(value, "the output")?))
    }

    /// Whether colour may go to stderr (a terminal, and no `NO_COLOR`).
    pub fn color_on_stderr(&self) -> bool {
        alert::color_allowed(io::stderr().is_terminal(), std::env::var("NO_COLOR").ok())
    }

    /// Whether a person can be asked: stdin and stderr are both a terminal.
    pub fn interactive(&self) -> bool {
        io::stdin().is_terminal() && io::stderr().is_terminal()
    }
}

/// The time now, in the local offset: when a check-in starts and ends, when
/// answers are kept.
pub fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

/// The value in `cell`, made by `make` the first time. A failure is not kept: it is
/// returned, and the command stops on it.
fn once<T>(cell: &OnceCell<T>, make: impl FnOnce() -> Result<T, Error>) -> Result<&T, Error> {
    if let Some(value) = cell.get() {
        return Ok(value);
    }
    let value = make()?;
    Ok(cell.get_or_init(|| value))
}
