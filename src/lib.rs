//! sidecheck: a private, plain-language self-check for medication side effects,
//! withdrawal and dependence.
//!
//! # Where things live
//!
//! - "Where is the `export` command?" `src/command/export.rs`. Every command has
//!   its file under `src/command/` ([`command`]), its arguments and `--help` text
//!   in `src/cli.rs` ([`cli`]); the export formats are `src/export/*.rs`
//!   ([`export`]). `main.rs` only parses, runs and exits.
//! - "What makes suicidal thoughts urgent?" The alert rules are data: `alerts` in
//!   `questions/baclofen.en.json` (`suicidal_thoughts`, `suicide_emergency`,
//!   `suicidal_overdose`). The one rule that says when a condition holds, for the
//!   flow and for every export alike, is `src/bank/condition.rs`
//!   ([`bank::condition`]); [`flow`] applies it as the questions are answered.
//! - "How is a line saved?" `src/store/save.rs`: the lock, the append, the sync
//!   and what is done when any of them fails. The line itself is
//!   [`record::CheckIn::to_line`].
//! - Asking: [`flow`] (what is asked next, follow-ups, which alerts stand), with the
//!   [`terminal`] (guided) and [`scripted`] (`--answers`) front ends.
//! - What the answers mean in numbers: [`grades`]; a period's fold: [`report`];
//!   one check-in's receipt: [`receipt`].
//! - Where output goes (stdout, or a report file written in one step): [`output`].
//!
//! Lower modules never import higher ones (`tests/layers.rs` fails on a loop): text
//! and JSON wording at the bottom, then answers and the bank, the record and the
//! flow, the log, the reports and front ends, and the commands on top. The pure
//! modules ([`answer`], [`bank`] but its loader `bank/load.rs`, [`flow`],
//! [`grades`], [`profile`], [`record`], [`report`], [`text`], [`json_error`]) read
//! no file, terminal, environment or clock; the same test checks that.

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
pub mod i18n;
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
