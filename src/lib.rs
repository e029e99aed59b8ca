//! sidecheck: a private, plain-language self-check for medication side effects,
//! withdrawal and dependence.
//!
//! # Where things live
//!
//! - The commands: one file each under `src/command/` ([`command`]); their
//!   arguments and `--help` text in [`cli`]. `main.rs` only parses, runs and exits.
//!   "Where is the `export` command?": `src/command/export.rs`; the formats it
//!   writes are `src/export/*.rs` ([`export`]).
//! - The questions, the alert rules and the conditions that raise them:
//!   `questions/baclofen.en.json`, loaded and checked by [`bank`]. "What makes an
//!   answer urgent?": its `alerts`, and how a condition is evaluated: the bank's
//!   condition rule.
//! - Asking: [`flow`] (what is asked next, follow-ups, which alerts stand), with the
//!   [`terminal`] (guided) and [`scripted`] (`--answers`) front ends.
//! - What the answers mean in numbers: [`grades`]; a period's fold: [`report`];
//!   one check-in's receipt: [`receipt`].
//! - The private log: [`record`] (the saved format) and [`store`]. "How is a line
//!   saved?": the store's append.
//! - Where output goes (stdout, or a report file written in one step): [`output`].
//!
//! Lower modules never import higher ones: text and JSON wording at the bottom,
//! then the bank, the flow and the record, the log, the reports and front ends, and
//! the commands on top.

pub mod alert;
pub mod bank;
pub mod checkins;
pub mod cli;
pub mod command;
pub mod console;
pub mod error;
pub mod export;
pub mod flow;
pub mod grades;
pub mod json_error;
pub mod output;
pub mod profile;
#[cfg(unix)]
pub mod prompt;
pub mod receipt;
pub mod record;
pub mod region;
pub mod report;
pub mod resume;
pub mod scan;
pub mod schema;
pub mod scripted;
pub mod store;
pub mod terminal;
pub mod text;

pub use command::run;
