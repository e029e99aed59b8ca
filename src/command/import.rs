//! `sidecheck import FILE`: adds a check-in kept in a rescue file (written when a
//! save failed) to the log, once.

use crate::i18n::{t, t_args};
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
    let name = file.display().to_string();
    let record = read(file)?;
    let store = ctx.store()?;
    let log = store.log_path();
    let said = match store.import(&record, &mut |t| ctx.warn(t))? {
        Imported::Added => "import-added",
        Imported::AlreadyThere => "import-already-there",
    };
    crate::sayln!(
        "{}",
        t_args(
            said,
            &[
                ("id", &record.id),
                ("name", &name),
                ("log", &log.display().to_string()),
            ],
        )
    );
    Ok(())
}

/// The check-in in a rescue file, or why it is not one.
fn read(file: &Path) -> Result<CheckIn, Error> {
    let name = file.display().to_string();
    let bad = |why: String| {
        Error::Input(t_args(
            "import-not-a-check-in",
            &[("name", &name), ("why", &why)],
        ))
    };
    // A rescue file is the record pretty-printed, so allow more than one log line.
    let limit = 4 * store::MAX_LINE as u64;
    if std::fs::metadata(file).is_ok_and(|m| !m.is_file()) {
        return Err(bad(t("import-not-a-file")));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(file)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|e| {
            Error::Input(t_args(
                "import-unreadable",
                &[("name", &name), ("reason", &io_reason(&e))],
            ))
        })?;
    if bytes.len() as u64 > limit {
        return Err(bad(t("import-too-big")));
    }
    let text = String::from_utf8(bytes).map_err(|_| bad(t("import-not-utf8")))?;
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(&text) {
        return Err(bad(t_args(
            "import-not-json",
            &[("reason", &json_error::json_reason(&e))],
        )));
    }
    // What the file holds, by the one rule of what a log line is.
    let record = match record::read_line(&text) {
        Ok(record::Line::CheckIn(r)) => *r,
        Ok(record::Line::Mark(_)) => {
            return Err(Error::Input(t_args("import-a-mark", &[("name", &name)])));
        }
        Err(record::LineError::Newer(version)) => {
            return Err(Error::Input(t_args(
                "import-newer",
                &[("name", &name), ("version", &version.to_string())],
            )));
        }
        Err(record::LineError::Json(e)) => return Err(bad(json_error::json_reason(&e))),
    };
    if record.id.trim().is_empty() {
        return Err(bad(t("import-empty-id")));
    }
    Ok(record)
}
