//! `sidecheck baseline [ID|last]`: marks a check-in as the baseline (how the person
//! was before starting the medicine or before a dose change), or, with no ID, says
//! which check-in is the baseline now. `sidecheck check --baseline` marks the
//! check-in it saves through [`mark`] too.
//!
//! The mark is a new line in the log ([`crate::record::BaselineMark`]); the
//! check-in's own line is never touched. The last mark wins.

use super::Context;
use super::context::now;
use crate::bank::Bank;
use crate::checkins::{self, Rule};
use crate::cli::BaselineArgs;
use crate::console;
use crate::error::Error;
use crate::grades::Grades;
use crate::i18n::{t, t_args};
use crate::record::{BaselineMark, CheckIn, Status};
use crate::report::{Period, minute};
use crate::scan::Scan;
use crate::store::{Store, StoreError};
use crate::text;

pub fn run(ctx: &Context<'_>, args: &BaselineArgs) -> Result<(), Error> {
    let store = ctx.store()?;
    // Only for the "stopped after N of M" words and section numbers; a bank that
    // does not load must not keep anyone from marking.
    let bank = ctx.bank().ok();
    let Some(which) = &args.which else {
        return current(ctx, store, bank);
    };
    let record = super::show::find(ctx, which)?;
    if record.status == Status::Stopped {
        return Err(Error::Input(refusal(store, &record, bank)?));
    }
    if Rule::read(store)?
        .baseline_mark()
        .is_some_and(|m| m.check_in == record.id)
    {
        console::say_wrapped(&t_args(
            "baseline-already",
            &[
                ("id", &text::visible_id(&record.id)),
                ("when", &minute(&record.started_at)),
            ],
        ));
        return Ok(());
    }
    mark(ctx, store, &record)
}

/// Saves a new mark that names `record` (a completed check-in in the log), and
/// says so.
pub(super) fn mark(ctx: &Context<'_>, store: &Store, record: &CheckIn) -> Result<(), Error> {
    let mark = BaselineMark::new(&record.id, now());
    store
        .append_mark(&mark, &mut |t| ctx.warn(t))
        .map_err(|e| not_saved(store, &record.id, &e))?;
    console::say_wrapped(&t_args(
        "baseline-marked",
        &[
            ("id", &text::visible_id(&record.id)),
            ("when", &minute(&record.started_at)),
        ],
    ));
    Ok(())
}

/// A mark that could not be saved: the check-in is in the log all the same.
fn not_saved(store: &Store, id: &str, e: &StoreError) -> Error {
    // The store's own words say "the check-in was NOT saved", which is not so here.
    let why = match e {
        StoreError::Busy { secs, .. } => t_args("baseline-busy", &[("secs", &secs.to_string())]),
        StoreError::Dir { reason, .. }
        | StoreError::NotSaved { reason, .. }
        | StoreError::Read { reason, .. } => reason.clone(),
    };
    let id = text::visible_id(id);
    Error::Runtime(t_args(
        "baseline-not-marked",
        &[
            ("id", &id),
            ("log", &store.log_path().display().to_string()),
            ("why", &why),
        ],
    ))
}

/// Why a stopped check-in cannot be the baseline, and what to do instead.
fn refusal(store: &Store, record: &CheckIn, bank: Option<&Bank>) -> Result<String, Error> {
    let id = text::visible_id(&record.id);
    if let Some(later) = checkins::continued_by(store, &record.id)?
        && later.status == Status::Completed
    {
        let later = text::visible_id(&later.id);
        return Ok(t_args(
            "baseline-finished-later",
            &[("id", &id), ("later", &later)],
        ));
    }
    let words = Grades::of(record, bank)
        .stopped_words(record.status)
        .unwrap_or_else(|| t("baseline-stopped"));
    Ok(t_args(
        "baseline-refused",
        &[("id", &id), ("words", &words)],
    ))
}

/// `sidecheck baseline` with no ID: which check-in is the baseline, or why there is
/// none and how to make one.
fn current(ctx: &Context<'_>, store: &Store, bank: Option<&Bank>) -> Result<(), Error> {
    let period = Period::all();
    let found = Scan::new(store, &period).baseline(bank, &mut |t| ctx.warn(t))?;
    let text = match (found.baseline(), found.absent_words()) {
        (Some(b), _) => format!("{}\n{}\n", b.words(), t("baseline-use-another")),
        (None, Some(words)) => format!("{words}\n"),
        (None, None) => String::new(),
    };
    ctx.out(&text::visible(&text))
}
