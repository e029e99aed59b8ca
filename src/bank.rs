//! The question bank: its data model, loading from JSON, and validation.
//!
//! A bank is plain data (`questions/*.json`). Nothing about a symptom is written in
//! Rust: the questions, their options and scores, the follow-up conditions and the
//! urgent rules all come from the bank, and are checked here before anyone is asked
//! a single question.
//!
//! - `model`: the types a bank file holds, and the lookups on them;
//! - [`condition`]: the one rule that decides when a follow-up is asked or an alert
//!   holds, and the checks on a bank's conditions;
//! - `answers`: reading an answer against a question (and writing it back as JSON);
//! - `validate`: every other check on a parsed bank, one function per part;
//! - `parity`: what two translations of one bank must share (all but the words);
//! - `load`: the edge that reads a bank file (or the built-in bank) and parses it;
//! - `schema`: the JSON Schema of bank files.
//!
//! Everything but `load` is pure: it reads no file, terminal or clock.

mod answers;
pub mod condition;
mod load;
mod model;
mod parity;
mod schema;
mod validate;

pub use condition::Condition;
pub use load::{
    BUNDLED_BANK, BUNDLED_BANK_ES, BUNDLED_BANK_ES_NAME, BUNDLED_BANK_NAME, BankError,
    MAX_BANK_BYTES,
};
pub(crate) use model::IdHasher;
pub use model::{AlertRule, Bank, Choice, Hotline, Kind, Level, ProfileItem, Question, Section};
pub use schema::schema_json;
pub use validate::{FORMAT_VERSION, MAX_ITEMS, Problem};
