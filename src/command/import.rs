//! `sidecheck import FILE`: adds a check-in kept in a rescue file (written when a
//! save failed) to the log, once.

use std::io::Read;
use std::path::Path;

use super::Context;
use crate::cli::ImportArgs;
use crate::error::Error;
use crate::json_error;
use crate::record::{self, CheckIn};
use crate::store::{self, Imported};
use crate::text::io_reason;

pub fn run(ctx: &Context<'_>, args: &ImportArgs) -> Result<(), Error> {
    let file = args.file.as_path();
    let name = file.display();
    let record = read(file)?;
    let store = ctx.store()?;
    let log = store.log_path();
    match store.import(&record, &mut |t| ctx.warn(t))? {
        Imported::Added => crate::sayln!(
            "Added check-in {} from {name} to {}. You can delete {name} now.",
            record.id,
            log.display()
        ),
        Imported::AlreadyThere => crate::sayln!(
            "Check-in {} is already in {}; nothing was changed. You can delete {name}.",
            record.id,
            log.display()
        ),
    }
    Ok(())
}

/// The check-in in a rescue file, or why it is not one.
fn read(file: &Path) -> Result<CheckIn, Error> {
    let name = file.display();
    let bad = |why: String| {
        Error::Input(format!(
            "{name} is not a check-in that sidecheck can import ({why}); give a rescue file written by sidecheck"
        ))
    };
    // A rescue file is the record pretty-printed, so allow more than one log line.
    let limit = 4 * store::MAX_LINE as u64;
    if std::fs::metadata(file).is_ok_and(|m| !m.is_file()) {
        return Err(bad("it is not a regular file".into()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(file)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|e| {
            Error::Input(format!(
                "cannot read {name} ({}); check the path",
                io_reason(&e)
            ))
        })?;
    if bytes.len() as u64 > limit {
        return Err(bad("it is far larger than a check-in".into()));
    }
    let text = String::from_utf8(bytes).map_err(|_| bad("it is not UTF-8 text".into()))?;
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(&text) {
        return Err(bad(format!("not JSON: {}", json_error::json_reason(&e))));
    }
    // What the file holds, by the one rule of what a log line is.
    let record = match record::read_line(&text) {
        Ok(record::Line::CheckIn(r)) => *r,
        Ok(record::Line::Mark(_)) => {
            return Err(Error::Input(format!(
                "{name} holds a baseline mark, not a check-in; to mark a check-in as your baseline, run `sidecheck baseline ID`"
            )));
        }
        Err(record::LineError::Newer(version)) => {
            return Err(Error::Input(format!(
                "{name} was written by a newer sidecheck (record version {version}); update sidecheck, then import it"
            )));
        }
        Err(record::LineError::Json(e)) => return Err(bad(json_error::json_reason(&e))),
    };
    if record.id.trim().is_empty() {
        return Err(bad("its id is empty".into()));
    }
    Ok(record)
}
