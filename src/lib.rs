//! sidecheck: a private, plain-language self-check for medication side effects,
//! withdrawal and dependence.
//!
//! # Where things live
//!
//! - "Where is the `export` command?" `src/command/export.rs`. Every command has
//!   its file under `src/command/` ([`command`]), its arguments and `--help` text
//!   in `src/cli.rs` ([`cli`]); the export formats are `src/export/*.rs`
//!   ([`export`]). `main.rs` only parses, runs and exits.
//! - "What makes an answer urgent?" The alert rules and the conditions that raise
//!   them are data: `alerts` in `questions/baclofen.en.json`, loaded and checked by
//!   [`bank`], whose condition rule says when a condition holds. [`flow`] applies
//!   them as the questions are answered.
//! - "How is a line saved?" `src/store.rs` ([`store`]): the log's append; the
//!   line's format is [`record`].
//! - Asking: [`flow`] (what is asked next, follow-ups, which alerts stand), with the
//!   [`terminal`] (guided) and [`scripted`] (`--answers`) front ends.
//! - What the answers mean in numbers: [`grades`]; a period's fold: [`report`];
//!   one check-in's receipt: [`receipt`].
//! - Where output goes (stdout, or a report file written in one step): [`output`].
//!
//! Lower modules never import higher ones: text and JSON wording at the bottom,
//! then the bank, the flow and the record, the log, the reports and front ends, and
//! the commands on top.

pub mod alert;
pub mod answer;
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
