//! The commands, one file each, and the [`Context`] they share.
//!
//! | command | file |
//! |---|---|
//! | `sidecheck`, `sidecheck check` | `check.rs` |
//! | `sidecheck show` | `show.rs` |
//! | `sidecheck bank validate`, `schema`, `questions` | `bank.rs` |
//! | `sidecheck regions` | `regions.rs` |
//! | `sidecheck history` | `history.rs` |
//! | `sidecheck export` (the formats: [`crate::export`]) | `export.rs` |
//! | `sidecheck import` | `import.rs` |
//! | `sidecheck baseline` | `baseline.rs` |
//! | `sidecheck profile` | `profile.rs` |
//! | `sidecheck completions`, `sidecheck man` | `shell.rs` |
//!
//! Their arguments are in [`crate::cli`]. A command reaches the bank, the log, the
//! region and stdout through its [`Context`], never through the crate root.

mod answers_file;
mod bank;
mod baseline;
mod check;
mod context;
mod export;
mod history;
mod import;
mod profile;
mod regions;
mod shell;
mod show;

pub use context::Context;

use crate::cli::{CheckArgs, Cli, Command};
use crate::error::Error;
use crate::{i18n, region};

/// Runs one command line.
pub fn run(cli: Cli) -> Result<(), Error> {
    // The language first: every word from here on, errors included, is in it.
    i18n::set(i18n::choose(cli.lang.as_deref(), |k| std::env::var(k).ok()));
    region::check().map_err(Error::Runtime)?;
    let ctx = Context::new(&cli);
    let done = match &cli.command {
        None => check::run(&ctx, &CheckArgs::default()),
        Some(Command::Check(args)) => check::run(&ctx, args),
        Some(Command::Show(args)) => show::run(&ctx, args),
        Some(Command::Bank(command)) => bank::run(&ctx, command),
        Some(Command::Regions(args)) => regions::run(&ctx, args),
        Some(Command::History(args)) => history::run(&ctx, args),
        Some(Command::Export(args)) => export::run(&ctx, args),
        Some(Command::Import(args)) => import::run(&ctx, args),
        Some(Command::Baseline(args)) => baseline::run(&ctx, args),
        Some(Command::Profile(args)) => profile::run(&ctx, args),
        Some(Command::Completions(args)) => shell::completions(&ctx, args),
        Some(Command::Man) => shell::man(&ctx),
    };
    // The program ends next: the bank, the region and the store go back to the
    // system with it, not one allocation at a time (about 5% of a scripted
    // check-in's instructions). Nothing in them is waiting to be written.
    std::mem::forget(ctx);
    done
}
