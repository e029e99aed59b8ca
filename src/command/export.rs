//! `sidecheck export`: picks the format ([`crate::export`]), and writes the report
//! to stdout or, with `--output`, to a private file that appears only once it is
//! whole.

use crate::i18n::{t, t_args, t_count};
use std::path::Path;

use chrono::Local;

use super::Context;
use super::context::now;
use crate::cli::{ExportArgs, Format};
use crate::error::Error;
use crate::export::{self, json};
use crate::output::Output;
use crate::report::Period;
use crate::scan::Scan;

pub fn run(ctx: &Context<'_>, args: &ExportArgs) -> Result<(), Error> {
    if args.schema {
        return ctx.out(&json::schema());
    }
    if args.bundle.is_some() && args.format != Format::Fhir {
        return Err(Error::Input(t("export-bundle-only-fhir")));
    }
    if args.csv_raw && args.format != Format::Csv {
        return Err(Error::Input(t("export-csv-raw-only-csv")));
    }
    let period = Period::parse(args.since.as_deref(), args.until.as_deref(), &Local)
        .map_err(Error::Input)?;
    let bank = ctx.bank()?;
    let store = ctx.store()?;
    // Never write a report over the log or anything else of sidecheck's own, even
    // with --force; then refuse an existing file before reading anything.
    if let Some(path) = &args.output
        && path.as_os_str() != "-"
        && let Some(what) = store.own_file(path)
    {
        let (path, dir) = (
            path.display().to_string(),
            store.dir().display().to_string(),
        );
        return Err(Error::Input(t_args(
            "export-own-file",
            &[("path", &path), ("what", &what), ("dir", &dir)],
        )));
    }
    let mut output = match &args.output {
        Some(path) if path.as_os_str() != "-" => Output::file(path, args.force)?,
        _ => Output::stdout(),
    };
    let mut warn = |text: String| ctx.warn(text);
    let written = export::exporter(args.format).write(&mut export::Context {
        bank,
        period: &period,
        generated_at: now(),
        bundle: args.bundle.unwrap_or_default(),
        csv_raw: args.csv_raw,
        scan: Scan::new(store, &period),
        out: &mut output,
        warn: &mut warn,
    });
    let count = match written {
        Ok(n) => n,
        Err(e) => {
            // Dropping `output` removes the temp file: no partial report is left.
            return Err(match output.dest() {
                Some(dest) => failed_export(dest, e),
                None => e,
            });
        }
    };
    let dest = output.dest().map(|d| d.display().to_string());
    output.finish()?;
    if count == 0 {
        let (what, log) = (period.describe(), store.log_path().display().to_string());
        let note = t_args("export-empty", &[("what", &what), ("log", &log)]);
        crate::sayln!("{note}");
    }
    if let Some(dest) = dest {
        let wrote = t_count("export-wrote", ("count", count), &[("dest", &dest)]);
        crate::sayln!("{wrote}");
    }
    Ok(())
}

/// The error of an export to a file, saying the file was not written.
fn failed_export(dest: &Path, e: Error) -> Error {
    let msg = t_args(
        "export-not-written",
        &[
            ("error", &e.to_string()),
            ("dest", &dest.display().to_string()),
        ],
    );
    match e {
        Error::Input(_) | Error::Bank(_) => Error::Input(msg),
        _ => Error::Runtime(msg),
    }
}
